/*
 * The commands of team members: status, injects, show, decide, action, share, say, rfi, who,
 * ack and the hotwash's answer. status, injects, show and who also serve the staff, who see
 * every team.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_int.h"
#include "mem.h"

/* The session's team, or -1 for the staff. */
static int cmd_team_of(const struct cmd_ctx *c)
{
	return c->s->role == CMD_ROLE_TEAM ? c->s->team : -1;
}

/* Team's state for an inject that reached it, or NULL when it did not. */
static const struct ex_teaminject *cmd_team_reached(const struct ex_inject *in, int team)
{
	if (in->ts == NULL || team < 0 || in->ts[team].fired_at < 0)
		return NULL;
	return &in->ts[team];
}

/* A team's decision on an inject as JSON: null when none is asked, else its state. */
static json_t *cmd_team_dstate(const struct ex_inject *in, const struct ex_teaminject *ts)
{
	const char *state = "pending";
	bool chosen = ts->dstate == EX_D_DECIDED && ts->option >= 0;

	if (in->decision == NULL)
		return json_null();
	if (ts->dstate == EX_D_DECIDED)
		state = "decided";
	else if (ts->dstate == EX_D_CLOSED)
		state = "closed";
	return json_pack("{s:s,s:o,s:o,s:b,s:o}", "state", state, "deadline",
	                 ts->deadline >= 0 ? json_integer(ts->deadline) : json_null(), "option",
	                 chosen ? json_string(in->decision->options[ts->option].key) : json_null(),
	                 "timeout", ts->timeout != 0, "decided_at",
	                 ts->decided_at >= 0 ? json_integer(ts->decided_at) : json_null());
}

/* A team's decision on an inject in words: "decided share at T+00:20:00 (09:20)". */
static void cmd_team_dstate_text(const struct exercise *ex, const struct ex_inject *in,
                                 const struct ex_teaminject *ts, char *buf, size_t n)
{
	char when[64];

	if (in->decision == NULL) {
		snprintf(buf, n, "no decision asked");
	} else if (ts->dstate == EX_D_DECIDED) {
		cmd_when_short(ex, ts->decided_at, when, sizeof when);
		if (ts->option < 0)
			snprintf(buf, n, "deadline passed at %s, no option recorded", when);
		else if (ts->timeout)
			snprintf(buf, n, "deadline passed at %s, default recorded: %s", when,
			         in->decision->options[ts->option].key);
		else
			snprintf(buf, n, "decided %s at %s", in->decision->options[ts->option].key,
			         when);
	} else if (ts->dstate == EX_D_CLOSED) {
		snprintf(buf, n, "no decision recorded before ENDEX");
	} else if (ts->deadline >= 0) {
		cmd_when_short(ex, ts->deadline, when, sizeof when);
		snprintf(buf, n, "decision pending, answer by %s", when);
	} else {
		snprintf(buf, n, "decision pending");
	}
}

/* Fail with bad_state unless the exercise is being played (running or paused). */
static int cmd_team_playing(struct cmd_ctx *c)
{
	if (c->ex->state == EX_RUNNING || c->ex->state == EX_PAUSED)
		return 0;
	cmd_fail_state(c);
	return -1;
}

/* The first lines of status: the clock, and the phase on a line of its own. */
static void cmd_team_status_clock(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	char when[64];

	cmd_when(ex, ex->t, when, sizeof when);
	switch (ex->state) {
	case EX_WAITING:
		cmd_printf(c, "Exercise waiting for STARTEX, speed %gx", ex->speed);
		break;
	case EX_RUNNING:
		cmd_printf(c, "Exercise running at %s, speed %gx", when, ex->speed);
		break;
	case EX_PAUSED:
		cmd_printf(c, "Exercise paused at %s, speed %gx", when, ex->speed);
		break;
	case EX_ENDED:
		cmd_printf(c, "Exercise ended at %s (%s)", when,
		           ex->end_reason != NULL ? ex->end_reason : "ENDEX");
		break;
	}
	cmd_printf(c, "\n");
	if (ex->phase != NULL) /* a line of its own: a phase's name may be long */
		cmd_printf(c, "Phase: %s\n", cmd_text(c, ex->phase, ex->phase_tr));
}

/* status: the clock, the phase and the decisions awaited. */
static void cmd_team_status(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	int team = cmd_team_of(c), i, j, k;
	json_t *pending;
	char world[32], when[64];

	if (cmd_no_more(c) == -1)
		return;
	pending = json_array();
	ex_world_time(ex, ex->t, world, sizeof world);
	cmd_set(c, "state", json_string(ex_state_name(ex->state)));
	cmd_set(c, "t", json_integer(ex->t));
	cmd_set(c, "speed", cmd_json_speed(ex->speed));
	cmd_set(c, "phase", cmd_json_str(cmd_text(c, ex->phase, ex->phase_tr)));
	cmd_set(c, "pending", pending);
	cmd_set(c, "time", world[0] != '\0' ? json_string(world) : json_null());
	cmd_set(c, "duration", json_integer(ex->duration));
	cmd_set(c, "title", cmd_json_str(cmd_text(c, ex->title, ex->title_tr)));
	cmd_team_status_clock(c);
	if (team >= 0) {
		cmd_set(c, "team", json_string(ex->teams[team].id));
		cmd_set(c, "score", json_integer(ex->teams[team].score));
		cmd_printf(c, "Team %s (%s), score %ld\n", ex->teams[team].id,
		           cmd_team_name(c, &ex->teams[team]), ex->teams[team].score);
	} else {
		cmd_set(c, "script_errors", json_integer((json_int_t)ex->n_script_errors));
		if (ex->n_script_errors > 0)
			cmd_printf(c, "Script errors: %lu (each was a SCRIPT ERROR line)\n",
			           ex->n_script_errors);
	}
	for (i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *in = &ex->injects[i];
		const struct ex_teaminject *ts = cmd_team_reached(in, team);

		if (in->ts == NULL || in->decision == NULL)
			continue;
		for (j = 0, k = 0; team < 0 && j < ex->n_teams; j++)
			k += in->ts[j].fired_at >= 0 && in->ts[j].dstate == EX_D_PENDING;
		if (team >= 0 && (ts == NULL || ts->dstate != EX_D_PENDING))
			continue;
		if (team < 0 && k == 0)
			continue;
		if (json_array_size(pending) == 0)
			cmd_printf(c, "%s",
			           team >= 0 ? "Awaiting your decision:" : "Awaiting decisions:");
		cmd_printf(c, "%s %s", json_array_size(pending) == 0 ? "" : ",", in->id);
		json_array_append_new(pending, json_string(in->id));
		if (team < 0) {
			cmd_printf(c, " (%d team%s)", k, k == 1 ? "" : "s");
		} else if (ts->deadline >= 0) {
			cmd_when(ex, ts->deadline, when, sizeof when);
			cmd_printf(c, " (by %s)", when);
		}
	}
	cmd_printf(c, "%s\n", json_array_size(pending) == 0 ? "No decision is awaited." : "");
}

const struct cmd_entry cmd_team_status_entry = {
    "status", "status", "the clock, the phase and the decisions awaited",
    CMD_TEAM | CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_team_status};

/* An inject a team has seen, for sorting by arrival. */
struct cmd_team_seen {
	long t;
	int i;
};

/* Order injects by arrival, then declaration. */
static int cmd_team_seen_cmp(const void *a, const void *b)
{
	const struct cmd_team_seen *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->i - y->i;
}

/* injects for a team member: what reached the team, in order of arrival. */
static void cmd_team_injects_team(struct cmd_ctx *c, json_t *list)
{
	struct exercise *ex = c->ex;
	int team = cmd_team_of(c), i, n = 0;
	struct cmd_team_seen *seen = mem_calloc((size_t)ex->n_injects + 1, sizeof *seen);
	char when[64], state[160];

	for (i = 0; i < ex->n_injects; i++)
		if (cmd_team_reached(&ex->injects[i], team) != NULL)
			seen[n++] = (struct cmd_team_seen){ex->injects[i].ts[team].fired_at, i};
	qsort(seen, (size_t)n, sizeof *seen, cmd_team_seen_cmp);
	for (i = 0; i < n; i++) {
		const struct ex_inject *in = &ex->injects[seen[i].i];
		const struct ex_teaminject *ts = &in->ts[team];
		const char *subject = cmd_text(c, in->subject, in->subject_tr);

		json_array_append_new(
		    list,
		    json_pack("{s:s,s:I,s:o,s:o,s:o,s:o}", "id", in->id, "t",
		              (json_int_t)ts->fired_at, "from",
		              cmd_json_str(cmd_text(c, in->from, in->from_tr)), "channel",
		              cmd_json_str(cmd_text(c, in->channel, in->channel_tr)), "subject",
		              cmd_json_str(subject), "decision", cmd_team_dstate(in, ts)));
		cmd_when_short(ex, ts->fired_at, when, sizeof when);
		cmd_team_dstate_text(ex, in, ts, state, sizeof state);
		cmd_printf(c, "%-8s %s  %s%s%s%s\n", in->id, when,
		           subject != NULL ? subject : "(no subject)",
		           in->decision != NULL ? "  [" : "", in->decision != NULL ? state : "",
		           in->decision != NULL ? "]" : "");
	}
	if (n == 0)
		cmd_printf(c, "No inject has reached your team yet.\n");
	free(seen);
}

/* injects for the staff: the injects fired so far, or (all) every inject of the scenario. */
static void cmd_team_injects_staff(struct cmd_ctx *c, json_t *list, bool all)
{
	struct exercise *ex = c->ex;
	int i, j, pending, decided;
	char at[64];

	for (i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *in = &ex->injects[i];

		if (!all && in->times_fired == 0)
			continue;
		for (j = 0, pending = 0, decided = 0; in->ts != NULL && j < ex->n_teams; j++) {
			pending += in->ts[j].fired_at >= 0 && in->ts[j].dstate == EX_D_PENDING;
			decided += in->ts[j].dstate == EX_D_DECIDED;
		}
		json_array_append_new(
		    list, json_pack("{s:s,s:o,s:i,s:o,s:o,s:o,s:b,s:i,s:i}", "id", in->id, "at",
		                    in->at >= 0 ? json_integer(in->at) : json_null(), "fired",
		                    in->times_fired, "from", cmd_json_str(in->from), "channel",
		                    cmd_json_str(in->channel), "subject", cmd_json_str(in->subject),
		                    "decision", in->decision != NULL, "pending", pending, "decided",
		                    decided));
		if (in->at >= 0)
			cmd_when_short(ex, in->at, at, sizeof at);
		else
			snprintf(at, sizeof at, in->adhoc ? "ad hoc" : "on demand");
		cmd_printf(c, "%-8s %-11s fired %dx  %s", in->id, at, in->times_fired,
		           in->subject != NULL ? in->subject : "(no subject)");
		if (in->decision != NULL)
			cmd_printf(c, "  [%d pending, %d decided]", pending, decided);
		cmd_printf(c, "\n");
	}
	if (json_array_size(list) == 0)
		cmd_printf(c, "%s\n",
		           all ? "The scenario has no injects."
		               : "No inject has been fired yet (injects all: every one).");
}

/* injects [all]: what reached your team (staff: what was fired; all: the whole scenario). */
static void cmd_team_injects(struct cmd_ctx *c)
{
	const char *w = cmd_word(c);
	json_t *list;

	if ((w != NULL && strcasecmp(w, "all") != 0) || cmd_no_more(c) == -1) {
		cmd_usage(c);
		return;
	}
	list = json_array();
	if (cmd_team_of(c) >= 0)
		cmd_team_injects_team(c, list);
	else
		cmd_team_injects_staff(c, list, w != NULL);
	cmd_set(c, "injects", list);
}

const struct cmd_entry cmd_team_injects_entry = {
    "injects", "injects [all]", "the injects so far and their decisions (all: the scenario's)",
    CMD_TEAM | CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_team_injects};

/* When the staff view of an inject starts: its first arrival, else its schedule, else now. */
static long cmd_team_first_t(const struct exercise *ex, const struct ex_inject *in)
{
	long t = -1;
	int j;

	for (j = 0; in->ts != NULL && j < ex->n_teams; j++)
		if (in->ts[j].fired_at >= 0 && (t < 0 || in->ts[j].fired_at < t))
			t = in->ts[j].fired_at;
	if (t < 0)
		t = in->at >= 0 ? in->at : ex->t;
	return t;
}

/*
 * The teams an inject was addressed to as a JSON array: for a team, those of the first firing
 * that reached it (what its event said); for the staff, every team a firing reached; before any
 * firing, the declared teams.
 */
static json_t *cmd_team_inject_to(const struct exercise *ex, const struct ex_inject *in, int team)
{
	json_t *to = json_array();
	int f = 0, j, g;

	while (team >= 0 && f < in->times_fired && !in->fires[f][team])
		f++;
	if (f == in->times_fired) { /* no firing reached the team (or none happened) */
		for (j = 0; j < (in->to_all ? ex->n_teams : in->n_to); j++)
			json_array_append_new(
			    to, json_string(ex->teams[in->to_all ? j : in->to[j]].id));
		return to;
	}
	for (j = 0; j < ex->n_teams; j++) {
		bool got = team >= 0 && in->fires[f][j];

		for (g = 0; team < 0 && g < in->times_fired; g++)
			got = got || in->fires[g][j];
		if (got)
			json_array_append_new(to, json_string(ex->teams[j].id));
	}
	return to;
}

/* An inject as its inject event shows it to team (staff: -1, with notes and every language). */
json_t *cmd_team_inject_json(const struct exercise *ex, const struct ex_inject *in, int team)
{
	const struct ex_decision *d = in->decision;
	long t = team >= 0 ? in->ts[team].fired_at : cmd_team_first_t(ex, in), deadline = -1;

	if (d != NULL && team >= 0)
		deadline = in->ts[team].deadline;
	else if (d != NULL && d->deadline >= 0)
		deadline = t + d->deadline;
	return ex_inject_json(ex, in->id, in, cmd_team_inject_to(ex, in, team), t, deadline,
	                      team < 0);
}

/* The staff's part of show: schedule and every team's decision. */
static void cmd_team_show_staff(struct cmd_ctx *c, const struct ex_inject *in)
{
	struct exercise *ex = c->ex;
	json_t *teams = json_array();
	char off[64], state[160];
	int j;

	if (in->at >= 0) {
		cmd_when(ex, in->at, off, sizeof off);
		cmd_printf(c, "Scheduled at %s, fired %dx.\n", off, in->times_fired);
	} else if (in->adhoc) {
		cmd_printf(c, "Sent ad hoc, fired %dx.\n", in->times_fired);
	} else {
		cmd_printf(c, "Fired on demand (fire %s), fired %dx.\n", in->id, in->times_fired);
	}
	for (j = 0; j < ex->n_teams; j++) {
		const struct ex_teaminject *ts = cmd_team_reached(in, j);

		if (ts == NULL)
			continue;
		json_array_append_new(teams, json_pack("{s:s,s:I,s:o}", "team", ex->teams[j].id,
		                                       "t", (json_int_t)ts->fired_at, "decision",
		                                       cmd_team_dstate(in, ts)));
		cmd_when_short(ex, ts->fired_at, off, sizeof off);
		cmd_team_dstate_text(ex, in, ts, state, sizeof state);
		cmd_printf(c, "  %-8s reached %s  %s\n", ex->teams[j].id, off, state);
	}
	cmd_set(c, "at", in->at >= 0 ? json_integer(in->at) : json_null());
	cmd_set(c, "fired", json_integer(in->times_fired));
	cmd_set(c, "teams", teams);
}

/* show INJECT: an inject in full, with the decision state. */
static void cmd_team_show(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	const char *id = cmd_word(c);
	int team = cmd_team_of(c), i;
	const struct ex_inject *in;
	struct evt *ev;
	json_t *obj;
	char state[160];

	if (id == NULL) {
		cmd_usage(c);
		return;
	}
	if (cmd_no_more(c) == -1)
		return;
	i = ex_find_inject(ex, id);
	if (i < 0 || (team >= 0 && cmd_team_reached(&ex->injects[i], team) == NULL)) {
		cmd_fail_inject(c, id, team);
		return;
	}
	in = &ex->injects[i];
	obj = cmd_team_inject_json(ex, in, team);
	ev = evt_new(EVT_INJECT, json_integer_value(json_object_get(obj, "t")), obj);
	if (team >= 0) {
		cmd_printf(c, "%s", evt_text_cols(ev, ex, cmd_lang(c), c->s->columns, NULL));
		cmd_set(c, "inject", json_deep_copy(evt_obj_lang(ev, ex, cmd_lang(c))));
	} else {
		cmd_printf(c, "%s", evt_text_cols(ev, ex, -1, c->s->columns, NULL));
		cmd_set(c, "inject", json_incref(obj));
	}
	evt_unref(ev);
	if (team < 0) {
		cmd_team_show_staff(c, in);
		return;
	}
	cmd_set(c, "decision", cmd_team_dstate(in, &in->ts[team]));
	if (in->decision != NULL) {
		cmd_team_dstate_text(ex, in, &in->ts[team], state, sizeof state);
		cmd_printf(c, "Your team: %s.\n", state);
	}
}

const struct cmd_entry cmd_team_show_entry = {
    "show", "show INJECT", "an inject in full",
    CMD_TEAM | CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_team_show};

/* Fail a decision with a message for the code ex_decide gave. */
static void cmd_team_decide_fail(struct cmd_ctx *c, const struct ex_inject *in, const char *opt,
                                 const char *code)
{
	char keys[256] = "", off[64];
	size_t used = 0;
	int j;

	if (strcmp(code, "no_decision") == 0) {
		cmd_fail(c, code, "%s asks for no decision", in->id);
	} else if (strcmp(code, "bad_option") == 0) {
		for (j = 0; j < in->decision->n_options && used < sizeof keys; j++)
			used += (size_t)snprintf(keys + used, sizeof keys - used, "%s%s",
			                         j > 0 ? ", " : "", in->decision->options[j].key);
		cmd_fail(c, code, "%s has no option \"%s\"; choose one of: %s", in->id, opt, keys);
	} else if (strcmp(code, "already_decided") == 0) {
		cmd_fail(c, code, "your team's decision on %s is already recorded", in->id);
	} else if (strcmp(code, "deadline_passed") == 0) {
		cmd_when(c->ex, in->ts[c->s->team].deadline, off, sizeof off);
		cmd_fail(c, code, "the deadline for %s passed at %s", in->id, off);
	} else if (strcmp(code, "bad_state") == 0) {
		cmd_fail_state(c);
	} else {
		cmd_fail(c, code, "no inject \"%s\" has reached your team", in->id);
	}
}

/* decide INJECT OPTION: answer an inject's decision for your team. */
static void cmd_team_decide(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	const char *id = cmd_word(c), *opt = cmd_word(c), *code = NULL, *label;
	int team = c->s->team, i, o;
	const struct ex_inject *in;

	if (id == NULL || opt == NULL) {
		cmd_usage(c);
		return;
	}
	if (cmd_no_more(c) == -1)
		return;
	i = ex_find_inject(ex, id);
	if (i < 0 || cmd_team_reached(&ex->injects[i], team) == NULL) {
		cmd_fail_inject(c, id, team);
		return;
	}
	in = &ex->injects[i];
	if (ex_decide(ex, i, team, opt, c->s->name, &code) == -1) {
		cmd_team_decide_fail(c, in, opt, code != NULL ? code : "bad_state");
		return;
	}
	in = &ex->injects[i]; /* scenario code may have sent injects (and moved them) */
	o = ex_find_option(in->decision, opt);
	cmd_set(c, "inject", json_string(in->id));
	cmd_set(c, "option", json_string(in->decision->options[o].key));
	label = cmd_text(c, in->decision->options[o].label, in->decision->options[o].label_tr);
	cmd_printf(c, "Decision recorded for %s: %s (%s).\n", in->id, in->decision->options[o].key,
	           label != NULL ? label : "");
}

const struct cmd_entry cmd_team_decide_entry = {"decide", "decide INJECT OPTION",
                                                "answer an inject's decision for your team",
                                                CMD_TEAM, cmd_team_decide};

/* action TEXT: record something your team does. */
static void cmd_team_action(struct cmd_ctx *c)
{
	const char *text = cmd_rest(c);

	if (text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	if (cmd_team_playing(c) == -1)
		return;
	ex_action(c->ex, c->s->team, c->s->name, text);
	cmd_printf(c, "Action recorded.\n");
}

const struct cmd_entry cmd_team_action_entry = {
    "action", "action TEXT", "record an action your team takes", CMD_TEAM, cmd_team_action};

/* share TEAM|all TEXT: send information to another team or to every team. */
static void cmd_team_share(struct cmd_ctx *c)
{
	const char *to = cmd_word(c), *text = cmd_rest(c);
	int t = -1;

	if (to == NULL || text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	if (strcasecmp(to, "all") != 0 && (t = cmd_team_arg(c, to)) < 0)
		return;
	if (cmd_team_playing(c) == -1)
		return;
	ex_share(c->ex, c->s->team, t, c->s->name, text);
	cmd_set(c, "to", json_string(t >= 0 ? c->ex->teams[t].id : "all"));
	if (t >= 0)
		cmd_printf(c, "Shared with %s.\n", c->ex->teams[t].id);
	else
		cmd_printf(c, "Shared with every team.\n");
}

const struct cmd_entry cmd_team_share_entry = {"share", "share TEAM|all TEXT",
                                               "share information with a team or all teams",
                                               CMD_TEAM, cmd_team_share};

/* say TEXT: talk to your own team (the staff read it too). */
static void cmd_team_say(struct cmd_ctx *c)
{
	const char *text = cmd_rest(c);

	if (text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	ex_say(c->ex, c->s->team, c->s->name, text);
	cmd_printf(c, "Said.\n");
}

const struct cmd_entry cmd_team_say_entry = {"say", "say TEXT", "talk to your own team", CMD_TEAM,
                                             cmd_team_say};

/* rfi TEXT: ask the exercise control a question. */
static void cmd_team_rfi(struct cmd_ctx *c)
{
	const char *text = cmd_rest(c);
	unsigned long id;
	char name[32];

	if (text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	id = ex_rfi(c->ex, c->s->team, c->s->name, text);
	snprintf(name, sizeof name, "RFI-%lu", id);
	cmd_set(c, "id", json_string(name));
	cmd_printf(c, "%s sent to the exercise control; the answer comes as a reply.\n", name);
}

const struct cmd_entry cmd_team_rfi_entry = {
    "rfi", "rfi TEXT", "ask the exercise control a question", CMD_TEAM, cmd_team_rfi};

/* Who is online, gathered from the roster. */
struct cmd_team_who {
	const struct exercise *ex;
	json_t *teams, *staff;
};

/* Add one logged-in session to the who lists. */
static void cmd_team_who_add(const struct cmd_session *s, void *arg)
{
	struct cmd_team_who *w = arg;
	const char *name = s->name != NULL ? s->name : "?";

	if (s->role == CMD_ROLE_TEAM && s->team >= 0 && s->team < w->ex->n_teams)
		json_array_append_new(
		    json_object_get(json_array_get(w->teams, (size_t)s->team), "online"),
		    json_string(name));
	else if (cmd_is_staff(s))
		json_array_append_new(
		    w->staff,
		    json_pack("{s:s,s:s}", "name", name, "role",
		              s->role == CMD_ROLE_FACILITATOR ? "facilitator" : "observer"));
}

/* who: the teams and who is online in each, and the staff. */
static void cmd_team_who(struct cmd_ctx *c)
{
	struct cmd_team_who w = {c->ex, json_array(), json_array()};
	size_t i, j;
	json_t *v;

	if (cmd_no_more(c) == -1) {
		json_decref(w.teams);
		json_decref(w.staff);
		return;
	}
	for (i = 0; i < (size_t)c->ex->n_teams; i++)
		json_array_append_new(w.teams,
		                      json_pack("{s:s,s:s,s:[]}", "id", c->ex->teams[i].id, "name",
		                                cmd_team_name(c, &c->ex->teams[i]), "online"));
	if (c->roster != NULL)
		c->roster->each(c->roster->ctx, cmd_team_who_add, &w);
	else
		cmd_team_who_add(c->s, &w);
	json_array_foreach(w.teams, i, v)
	{
		json_t *names = json_object_get(v, "online");

		cmd_printf(c, "%-8s %s:", json_string_value(json_object_get(v, "id")),
		           json_string_value(json_object_get(v, "name")));
		for (j = 0; j < json_array_size(names); j++)
			cmd_printf(c, "%s %s", j > 0 ? "," : "",
			           json_string_value(json_array_get(names, j)));
		cmd_printf(c, "%s\n", json_array_size(names) == 0 ? " nobody online" : "");
	}
	json_array_foreach(w.staff, i, v)
	    cmd_printf(c, "%s (%s)\n", json_string_value(json_object_get(v, "name")),
	               json_string_value(json_object_get(v, "role")));
	cmd_set(c, "teams", w.teams);
	cmd_set(c, "staff", w.staff);
}

const struct cmd_entry cmd_team_who_entry = {
    "who", "who", "the teams and who is online",
    CMD_TEAM | CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_team_who};

/* ack: answer the facilitators' communication check for your team. */
static void cmd_team_ack(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	struct ex_team *t = &ex->teams[c->s->team];
	struct evt *ev;
	char text[160];

	if (cmd_no_more(c) == -1)
		return;
	t->acked = true;
	c->s->acked = true;
	snprintf(text, sizeof text, "ACK from team %s (%s)", t->id, c->s->name);
	ev = evt_new(EVT_COMMCHECK, ex->t,
	             json_pack("{s:s,s:s,s:s,s:I,s:s}", "type", "ack", "team", t->id, "by",
	                       c->s->name, "t", (json_int_t)ex->t, "text", text));
	ev->aud.staff = 1;
	ex_emit(ex, ev);
	cmd_printf(c, "Acknowledged: the exercise control knows team %s can hear them.\n", t->id);
}

const struct cmd_entry cmd_team_ack_entry = {"ack", "ack", "answer a communication check", CMD_TEAM,
                                             cmd_team_ack};

/* answer N TEXT: your team's answer to hotwash question N, after ENDEX. */
static void cmd_team_answer(struct cmd_ctx *c)
{
	const char *w = cmd_word(c), *text = cmd_rest(c);
	struct exercise *ex = c->ex;
	char *end;
	long n;

	if (w == NULL || text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	if (ex->n_hotwash == 0) {
		cmd_fail(c, "bad_state", "this exercise has no hotwash questions");
		return;
	}
	if (ex->state != EX_ENDED) {
		cmd_fail(c, "bad_state", "the hotwash questions come at ENDEX: answer them then");
		return;
	}
	n = strtol(w, &end, 10);
	if (end == w || *end != '\0' || n < 1 || n > ex->n_hotwash) {
		cmd_fail(c, "bad_args",
		         "N is the number of a hotwash question, 1 to %d, not \"%s\"",
		         ex->n_hotwash, w);
		return;
	}
	ex_answer(ex, c->s->team, c->s->name, (int)n, text);
	cmd_set(c, "n", json_integer(n));
	cmd_printf(c, "Answer to question %ld recorded.\n", n);
}

const struct cmd_entry cmd_team_answer_entry = {
    "answer", "answer N TEXT", "answer hotwash question N for your team (after ENDEX)", CMD_TEAM,
    cmd_team_answer};
