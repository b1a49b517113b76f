/*
 * The white cell steers a live exercise: send an inject composed on the spot, extend a team's
 * deadline, overrule a recorded decision; and reads who owes what (pending) and one team's
 * timeline. Facilitators steer; observers read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_int.h"
#include "mem.h"
#include "render.h"
#include "timeparse.h"

/* The fields of send, separated by '|'. */
enum {
	STEER_TO,
	STEER_FROM,
	STEER_CHANNEL,
	STEER_SUBJECT,
	STEER_BODY,
	STEER_PROMPT,
	STEER_OPTIONS,
	STEER_DEADLINE,
	STEER_FIELDS
};

/* Split s at '|' into at most STEER_FIELDS trimmed fields; returns how many, or -1 for more. */
static int cmd_steer_split(char *s, char *f[STEER_FIELDS])
{
	int n = 0;

	for (char *p = s;; p++) {
		char *bar = strchr(p, '|'), *e;

		if (n == STEER_FIELDS)
			return -1;
		if (bar != NULL)
			*bar = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		f[n++] = p;
		if (bar == NULL)
			return n;
		p = bar;
	}
}

/* A copy of s with every two-character "\n" made a line break. */
static char *cmd_steer_lines(const char *s)
{
	char *c = mem_strdup(s), *o = c;

	for (const char *p = s; *p != '\0'; p++) {
		if (p[0] == '\\' && p[1] == 'n') {
			*o++ = '\n';
			p++;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return c;
}

/* The teams of a TO field ("all" or "al,xk") into mask; -1 with an error. */
static int cmd_steer_to(struct cmd_ctx *c, char *to, unsigned char *mask)
{
	int n = 0;

	if (strcasecmp(to, "all") == 0) {
		memset(mask, 1, (size_t)c->ex->n_teams);
		return 0;
	}
	for (char *save = NULL, *w = strtok_r(to, ", ", &save); w != NULL;
	     w = strtok_r(NULL, ", ", &save)) {
		int k = cmd_team_arg(c, w);

		if (k < 0)
			return -1;
		mask[k] = 1;
		n++;
	}
	if (n == 0)
		cmd_usage(c);
	return n > 0 ? 0 : -1;
}

/* Free the options of a decision built by cmd_steer_decision. */
static void cmd_steer_decision_free(struct ex_decision *d)
{
	for (int k = 0; k < d->n_options; k++) {
		free(d->options[k].key);
		free(d->options[k].label);
	}
	free(d->options);
}

/* The decision of send: "*key=label; key=label" (* marks the default), DEADLINE or "-". */
static int cmd_steer_decision(struct cmd_ctx *c, char *const f[STEER_FIELDS], struct ex_decision *d)
{
	const char *err;
	char *save = NULL;

	d->prompt = f[STEER_PROMPT];
	d->dflt = -1;
	d->deadline = -1;
	for (char *o = strtok_r(f[STEER_OPTIONS], ";", &save); o != NULL;
	     o = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(o, '='), *key;
		bool dflt;

		o += strspn(o, " \t");
		dflt = *o == '*';
		o += dflt;
		if (eq != NULL)
			*eq = '\0';
		key = mem_strdup(o);
		key[strcspn(key, " \t")] = '\0';
		if (key[0] == '\0' || ex_find_option(d, key) >= 0) {
			free(key);
			cmd_fail(c, "bad_args",
			         "options are \"key=label; key=label\", each key once "
			         "(a * before one marks the default)");
			return -1;
		}
		d->options = mem_grow(d->options, (size_t)d->n_options, NULL, sizeof *d->options);
		d->options[d->n_options] = (struct ex_option){
		    key, mem_strdup(eq != NULL ? eq + 1 + strspn(eq + 1, " \t") : key), NULL};
		if (dflt)
			d->dflt = d->n_options;
		d->n_options++;
	}
	if (d->n_options == 0 || d->prompt[0] == '\0') {
		cmd_fail(c, "bad_args", "a decision needs a prompt and at least one option");
		return -1;
	}
	if (f[STEER_DEADLINE][0] != '\0' && strcmp(f[STEER_DEADLINE], "-") != 0 &&
	    (timeparse_duration(f[STEER_DEADLINE], &d->deadline, &err) == -1 || d->deadline <= 0)) {
		cmd_fail(c, "bad_args", "bad deadline \"%s\" (try 15m, 1h or - for none)",
		         f[STEER_DEADLINE]);
		return -1;
	}
	return 0;
}

/* send TO | FROM | CHANNEL | SUBJECT | BODY [| PROMPT | OPTIONS | DEADLINE]: an ad-hoc inject. */
static void cmd_steer_send(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	char *f[STEER_FIELDS];
	int n = cmd_steer_split((char *)cmd_rest(c), f), i;
	unsigned char *mask;
	struct ex_decision d = {0};
	struct ex_inject inj = {0};

	if ((n != 5 && n != 7 && n != 8) ||
	    (f[STEER_SUBJECT][0] == '\0' && f[STEER_BODY][0] == '\0')) {
		cmd_fail(c, "bad_args", "usage: %s (a subject or a body at least)",
		         c->entry->usage);
		return;
	}
	if (n == 7)
		f[STEER_DEADLINE] = "";
	if (ex->state != EX_RUNNING && ex->state != EX_PAUSED) {
		cmd_fail_state(c);
		return;
	}
	mask = mem_calloc((size_t)ex->n_teams + 1, 1);
	if (cmd_steer_to(c, f[STEER_TO], mask) == 0 &&
	    (n == 5 || cmd_steer_decision(c, f, &d) == 0)) {
		inj.from = f[STEER_FROM][0] != '\0' ? f[STEER_FROM] : NULL;
		inj.channel = f[STEER_CHANNEL][0] != '\0' ? f[STEER_CHANNEL] : NULL;
		inj.subject = f[STEER_SUBJECT][0] != '\0' ? f[STEER_SUBJECT] : NULL;
		inj.body = cmd_steer_lines(f[STEER_BODY]);
		inj.decision = n > 5 ? &d : NULL;
		i = ex_send_inject(ex, mask, &inj);
		ex_settle(ex);
		free(inj.body);
		cmd_set(c, "inject", json_string(ex->injects[i].id));
		cmd_printf(c, "Sent %s.\n", ex->injects[i].id);
	}
	cmd_steer_decision_free(&d);
	free(mask);
}

const struct cmd_entry cmd_steer_send_entry = {
    "send", "send TO|FROM|CHANNEL|SUBJECT|BODY[|PROMPT|OPTIONS|DEADLINE]",
    "an inject composed now: TO is all or al,xk; OPTIONS *key=label;key=label (docs/protocol.md)",
    CMD_FACILITATOR, cmd_steer_send};

/* Read TEAM and INJECT for extend and overrule; -1 with an error. */
static int cmd_steer_target(struct cmd_ctx *c, int *team, int *i)
{
	const char *to = cmd_word(c), *id = cmd_word(c);

	if (to == NULL || id == NULL) {
		cmd_usage(c);
		return -1;
	}
	if ((*team = cmd_team_arg(c, to)) < 0)
		return -1;
	if ((*i = ex_find_inject(c->ex, id)) < 0) {
		cmd_fail_inject(c, id, -1);
		return -1;
	}
	return 0;
}

/* Fail a steering command with a message for the code ex_extend or ex_overrule gave. */
static void cmd_steer_fail(struct cmd_ctx *c, int team, int i, const char *code)
{
	const char *t = c->ex->teams[team].id, *id = c->ex->injects[i].id;

	if (strcmp(code, "unknown_inject") == 0)
		cmd_fail(c, code, "%s has not reached team %s", id, t);
	else if (strcmp(code, "no_decision") == 0)
		cmd_fail(c, code, "%s asks for no decision", id);
	else if (strcmp(code, "already_decided") == 0 || strcmp(code, "deadline_passed") == 0)
		cmd_fail(c, code,
		         "team %s's decision on %s is recorded already (overrule it instead)", t,
		         id);
	else if (strcmp(code, "not_decided") == 0)
		cmd_fail(c, code, "team %s has not decided %s yet", t, id);
	else if (strcmp(code, "bad_args") == 0)
		cmd_fail(c, code, "the extension is more than 0 and at most 7 days");
	else
		cmd_fail_state(c);
}

/* extend TEAM INJECT DURATION: move team's deadline on an inject later by DURATION. */
static void cmd_steer_extend(struct cmd_ctx *c)
{
	const char *w, *err = NULL, *code = NULL;
	int team, i;
	long d;
	char when[64];

	if (cmd_steer_target(c, &team, &i) == -1)
		return;
	if ((w = cmd_word(c)) == NULL || cmd_no_more(c) == -1) {
		cmd_usage(c);
		return;
	}
	if (timeparse_duration(w, &d, &err) == -1) {
		cmd_fail(c, "bad_args", "bad duration \"%s\": %s (try 10m or 1h)", w, err);
		return;
	}
	if (ex_extend(c->ex, i, team, d, c->s->name, &code) == -1) {
		cmd_steer_fail(c, team, i, code);
		return;
	}
	cmd_set(c, "team", json_string(c->ex->teams[team].id));
	cmd_set(c, "inject", json_string(c->ex->injects[i].id));
	cmd_set(c, "deadline", json_integer(c->ex->injects[i].ts[team].deadline));
	cmd_when(c->ex, c->ex->injects[i].ts[team].deadline, when, sizeof when);
	cmd_printf(c, "Deadline of %s on %s is now %s.\n", c->ex->teams[team].id,
	           c->ex->injects[i].id, when);
}

const struct cmd_entry cmd_steer_extend_entry = {"extend", "extend TEAM INJECT DURATION",
                                                 "give a team more time for a decision",
                                                 CMD_FACILITATOR, cmd_steer_extend};

/* overrule TEAM INJECT OPTION REASON: replace a team's recorded decision. */
static void cmd_steer_overrule(struct cmd_ctx *c)
{
	const char *opt, *reason, *code = NULL;
	int team, i, k;

	if (cmd_steer_target(c, &team, &i) == -1)
		return;
	opt = cmd_word(c);
	reason = cmd_rest(c);
	if (opt == NULL || reason[0] == '\0') {
		cmd_usage(c);
		return;
	}
	k = ex_find_option(c->ex->injects[i].decision, opt);
	if (c->ex->injects[i].decision != NULL && k < 0) {
		cmd_fail(c, "bad_option", "%s has no option \"%s\"", c->ex->injects[i].id, opt);
		return;
	}
	if (ex_overrule(c->ex, i, team, k, reason, c->s->name, &code) == -1) {
		cmd_steer_fail(c, team, i, code);
		return;
	}
	cmd_set(c, "team", json_string(c->ex->teams[team].id));
	cmd_set(c, "inject", json_string(c->ex->injects[i].id));
	cmd_set(c, "option", json_string(c->ex->injects[i].decision->options[k].key));
	cmd_printf(c, "Decision of %s on %s is now %s.\n", c->ex->teams[team].id,
	           c->ex->injects[i].id, c->ex->injects[i].decision->options[k].key);
}

const struct cmd_entry cmd_steer_overrule_entry = {"overrule", "overrule TEAM INJECT OPTION REASON",
                                                   "replace a team's recorded decision",
                                                   CMD_FACILITATOR, cmd_steer_overrule};

/* A decision some team owes, for sorting by deadline. */
struct cmd_steer_owed {
	long deadline; /* LONG_MAX: none */
	int team, i;
};

/* Order owed decisions by deadline (none last), then team, then inject. */
static int cmd_steer_owed_cmp(const void *a, const void *b)
{
	const struct cmd_steer_owed *x = a, *y = b;

	if (x->deadline != y->deadline)
		return x->deadline < y->deadline ? -1 : 1;
	if (x->team != y->team)
		return x->team - y->team;
	return x->i - y->i;
}

/* pending: every decision a team still owes, soonest deadline first. */
static void cmd_steer_pending(struct cmd_ctx *c)
{
	const struct exercise *ex = c->ex;
	struct cmd_steer_owed *v = NULL;
	size_t n = 0;
	json_t *list = json_array();
	char when[64], left[32];

	if (cmd_no_more(c) == -1) {
		json_decref(list);
		return;
	}
	for (int i = 0; i < ex->n_injects; i++)
		for (int k = 0; ex->injects[i].ts != NULL && k < ex->n_teams; k++) {
			const struct ex_teaminject *ts = &ex->injects[i].ts[k];

			if (ts->fired_at < 0 || ts->dstate != EX_D_PENDING)
				continue;
			v = mem_grow(v, n, NULL, sizeof *v);
			v[n++] = (struct cmd_steer_owed){
			    ts->deadline >= 0 ? ts->deadline : 0x7fffffff, k, i};
		}
	if (n > 0)
		qsort(v, n, sizeof *v, cmd_steer_owed_cmp);
	for (size_t j = 0; j < n; j++) {
		const struct ex_inject *in = &ex->injects[v[j].i];
		const struct ex_teaminject *ts = &in->ts[v[j].team];

		json_array_append_new(
		    list, json_pack("{s:s,s:s,s:o,s:I,s:o}", "team", ex->teams[v[j].team].id,
		                    "inject", in->id, "subject", cmd_json_str(in->subject), "t",
		                    (json_int_t)ts->fired_at, "deadline",
		                    ts->deadline >= 0 ? json_integer(ts->deadline) : json_null()));
		if (ts->deadline >= 0) {
			cmd_when_short(ex, ts->deadline, when, sizeof when);
			timeparse_format_duration(ts->deadline - ex->t, left, sizeof left);
			cmd_printf(c, "%-8s %-8s by %s (in %s)  %s\n", ex->teams[v[j].team].id,
			           in->id, when, left, in->subject != NULL ? in->subject : "");
		} else {
			cmd_printf(c, "%-8s %-8s no deadline  %s\n", ex->teams[v[j].team].id,
			           in->id, in->subject != NULL ? in->subject : "");
		}
	}
	if (n == 0)
		cmd_printf(c, "No team owes a decision.\n");
	free(v);
	cmd_set(c, "pending", list);
}

const struct cmd_entry cmd_steer_pending_entry = {
    "pending", "pending", "who owes which decision, by when",
    CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_steer_pending};

/* The most events, and JSON bytes of them, one timeline reply holds: the latest ones. */
#define STEER_TIMELINE_MAX 500
#define STEER_TIMELINE_BYTES (256 << 10)

/* A kept event as a timeline line: an inject in one line, any other as text mode shows it. */
static void cmd_steer_past_line(struct cmd_ctx *c, const json_t *o, int type)
{
	long t = (long)json_integer_value(json_object_get(o, "t"));
	const char *subject = json_string_value(json_object_get(o, "subject"));
	char when[64], *text;
	size_t len;

	if (type == EVT_INJECT) {
		cmd_when_short(c->ex, t, when, sizeof when);
		cmd_printf(c, "[%s] INJECT %s: %s\n", when,
		           json_string_value(json_object_get(o, "id")),
		           subject != NULL ? subject : "(no subject)");
		return;
	}
	text = render_event((enum evt_type)type, t, o, c->ex, &len);
	cmd_printf(c, "%s", text);
	free(text);
}

/* timeline TEAM: what one team saw and did, in order (the latest, when there is much). */
static void cmd_steer_timeline(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	const char *to = cmd_word(c);
	size_t from = ex->n_past, n = 0, bytes = 0;
	bool cut = ex->past_full;
	json_t *list;
	int k;

	if (to == NULL || cmd_no_more(c) == -1) {
		cmd_usage(c);
		return;
	}
	if ((k = cmd_team_arg(c, to)) < 0)
		return;
	for (; from > 0; from--) { /* back from the latest, while the reply stays small */
		if (!ex_past_of(ex, from - 1, k))
			continue;
		if (n == STEER_TIMELINE_MAX ||
		    bytes + ex->past[from - 1].len > STEER_TIMELINE_BYTES) {
			cut = true;
			break;
		}
		n++;
		bytes += ex->past[from - 1].len;
	}
	list = json_array();
	if (cut && from > 0)
		cmd_printf(c, "(earlier events left out; the latest %zu follow)\n", n);
	for (size_t j = from; j < ex->n_past; j++) {
		json_t *o;

		if (!ex_past_of(ex, j, k))
			continue;
		o = ex_past_json(ex, j);
		cmd_steer_past_line(c, o, ex->past[j].type);
		json_array_append_new(list, o);
	}
	if (json_array_size(list) == 0)
		cmd_printf(c, "Nothing has happened for team %s yet.\n", ex->teams[k].id);
	if (ex->past_full)
		cmd_printf(c, "(the timeline stops where the server stopped keeping events)\n");
	cmd_set(c, "team", json_string(ex->teams[k].id));
	cmd_set(c, "events", list);
	cmd_set(c, "truncated", json_boolean(cut));
}

const struct cmd_entry cmd_steer_timeline_entry = {
    "timeline", "timeline TEAM", "what one team saw and did, in order",
    CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_steer_timeline};
