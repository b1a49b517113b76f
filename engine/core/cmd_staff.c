/*
 * The commands of the exercise control: start, pause, resume, speed, advance, fire, broadcast,
 * reply, score, endex, commcheck and the evaluators' note and validate for facilitators; teams
 * and state for observers too.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_int.h"
#include "timeparse.h"

/* The largest score change one command may make. */
#define CMD_STAFF_DELTA_MAX 1000000L

/* Fail with bad_state, saying why for each exercise state (indexed by enum ex_state). */
static void cmd_staff_refuse(struct cmd_ctx *c, const char *const why[4])
{
	cmd_fail(c, "bad_state", "%s", why[c->ex->state]);
}

/* Reply with the clock after a change: state and t, the text saying what happened then. */
static void cmd_staff_clock(struct cmd_ctx *c, const char *what)
{
	char when[64];

	cmd_set(c, "state", json_string(ex_state_name(c->ex->state)));
	cmd_set(c, "t", json_integer(c->ex->t));
	cmd_when(c->ex, c->ex->t, when, sizeof when);
	cmd_printf(c, "%s %s.\n", what, when);
}

/* start: STARTEX. */
static void cmd_staff_start(struct cmd_ctx *c)
{
	static const char *const why[4] = {
	    "the exercise cannot start", "the exercise is already running",
	    "the exercise has already started (it is paused: type resume)",
	    "the exercise has ended"};

	if (cmd_no_more(c) == -1)
		return;
	if (ex_start(c->ex) == -1) {
		cmd_staff_refuse(c, why);
		return;
	}
	cmd_staff_clock(c, "STARTEX: the exercise is running at");
}

const struct cmd_entry cmd_staff_start_entry = {"start", "start", "STARTEX: start the clock",
                                                CMD_FACILITATOR, cmd_staff_start};

/* pause: stop the clock; teams may still act. */
static void cmd_staff_pause(struct cmd_ctx *c)
{
	static const char *const why[4] = {
	    "the exercise has not started yet (type start)", "the exercise cannot be paused now",
	    "the exercise is already paused", "the exercise has ended"};

	if (cmd_no_more(c) == -1)
		return;
	if (ex_pause(c->ex) == -1) {
		cmd_staff_refuse(c, why);
		return;
	}
	cmd_staff_clock(c, "Paused at");
}

const struct cmd_entry cmd_staff_pause_entry = {"pause", "pause", "stop the exercise clock",
                                                CMD_FACILITATOR, cmd_staff_pause};

/* resume: restart a paused clock. */
static void cmd_staff_resume(struct cmd_ctx *c)
{
	static const char *const why[4] = {
	    "the exercise has not started yet (type start)", "the exercise is already running",
	    "the exercise cannot be resumed now", "the exercise has ended"};

	if (cmd_no_more(c) == -1)
		return;
	if (ex_resume(c->ex) == -1) {
		cmd_staff_refuse(c, why);
		return;
	}
	cmd_staff_clock(c, "Resumed at");
}

const struct cmd_entry cmd_staff_resume_entry = {"resume", "resume", "restart a paused clock",
                                                 CMD_FACILITATOR, cmd_staff_resume};

/* speed X: exercise seconds per real second ("60" or "60x"). */
static void cmd_staff_speed(struct cmd_ctx *c)
{
	const char *w = cmd_word(c);
	char *end;
	double v;

	if (w == NULL) {
		cmd_usage(c);
		return;
	}
	if (cmd_no_more(c) == -1)
		return;
	v = strtod(w, &end);
	if (end != w && (*end == 'x' || *end == 'X'))
		end++;
	if (end == w || *end != '\0' || !ex_speed_ok(v)) {
		cmd_fail(c, "bad_args", "speed needs a number from %g to %g, such as 60",
		         EX_SPEED_MIN, EX_SPEED_MAX);
		return;
	}
	if (c->ex->state == EX_ENDED || ex_set_speed(c->ex, v) == -1) {
		cmd_fail_state(c);
		return;
	}
	cmd_set(c, "speed", cmd_json_speed(c->ex->speed));
	cmd_printf(c, "Speed set to %gx.\n", c->ex->speed);
}

const struct cmd_entry cmd_staff_speed_entry = {
    "speed", "speed X", "set exercise seconds per real second", CMD_FACILITATOR, cmd_staff_speed};

/* advance DURATION: move the clock forward tick by tick, running or paused. */
static void cmd_staff_advance(struct cmd_ctx *c)
{
	static const char *const why[4] = {
	    "the exercise has not started yet (type start)", "the clock cannot advance now",
	    "the clock cannot advance now", "the exercise has ended"};
	const char *w = cmd_word(c), *err = NULL;
	long d;

	if (w == NULL) {
		cmd_usage(c);
		return;
	}
	if (cmd_no_more(c) == -1)
		return;
	if (timeparse_duration(w, &d, &err) == -1) {
		cmd_fail(c, "bad_args", "bad duration \"%s\": %s (try 15m, 1h30m or 0:45)", w, err);
		return;
	}
	if (d <= 0) {
		cmd_fail(c, "bad_args", "advance needs a duration above zero");
		return;
	}
	if (c->ex->state == EX_WAITING || c->ex->state == EX_ENDED || ex_advance(c->ex, d) == -1) {
		cmd_staff_refuse(c, why);
		return;
	}
	cmd_staff_clock(c, c->ex->state == EX_ENDED ? "Advanced to ENDEX at" : "Advanced to");
}

const struct cmd_entry cmd_staff_advance_entry = {"advance", "advance DURATION",
                                                  "move the clock forward, firing what falls due",
                                                  CMD_FACILITATOR, cmd_staff_advance};

/* fire INJECT [TEAM]: send an inject now, to its teams or to one team. */
static void cmd_staff_fire(struct cmd_ctx *c)
{
	static const char *const why[4] = {
	    "the exercise has not started yet (type start)", "the inject cannot be fired now",
	    "the inject cannot be fired now", "the exercise has ended"};
	const char *id = cmd_word(c), *to = cmd_word(c);
	int i, team = -1;

	if (id == NULL) {
		cmd_usage(c);
		return;
	}
	if (cmd_no_more(c) == -1)
		return;
	i = ex_find_inject(c->ex, id);
	if (i < 0) {
		cmd_fail_inject(c, id, -1);
		return;
	}
	if (to != NULL && (team = cmd_team_arg(c, to)) < 0)
		return;
	if (c->ex->state == EX_WAITING || c->ex->state == EX_ENDED ||
	    ex_fire(c->ex, i, team) == -1) {
		cmd_staff_refuse(c, why);
		return;
	}
	ex_settle(c->ex);
	cmd_set(c, "inject", json_string(c->ex->injects[i].id));
	cmd_set(c, "team", team >= 0 ? json_string(c->ex->teams[team].id) : json_null());
	cmd_printf(c, "Fired %s to %s.\n", c->ex->injects[i].id,
	           team >= 0 ? c->ex->teams[team].id : "its teams");
}

const struct cmd_entry cmd_staff_fire_entry = {"fire", "fire INJECT [TEAM]",
                                               "send an inject now, to its teams or to one team",
                                               CMD_FACILITATOR, cmd_staff_fire};

/* broadcast TEXT: a message to everyone. */
static void cmd_staff_broadcast(struct cmd_ctx *c)
{
	const char *text = cmd_rest(c);

	if (text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	ex_broadcast(c->ex, text);
	ex_settle(c->ex);
	cmd_printf(c, "Broadcast sent.\n");
}

const struct cmd_entry cmd_staff_broadcast_entry = {
    "broadcast", "broadcast TEXT", "a message to everyone", CMD_FACILITATOR, cmd_staff_broadcast};

/* The number N of an "RFI-N" word (any case), or 0 when it is not one. */
static unsigned long cmd_staff_rfi_number(const char *w)
{
	unsigned long n = 0;
	char *end;

	if (strncasecmp(w, "RFI-", 4) != 0 || w[4] < '0' || w[4] > '9')
		return 0;
	errno = 0;
	n = strtoul(w + 4, &end, 10);
	return *end == '\0' && errno == 0 ? n : 0;
}

/* reply TEAM|RFI-ID TEXT: answer a team, or the RFI named (to the team that asked it). */
static void cmd_staff_reply(struct cmd_ctx *c)
{
	const char *to = cmd_word(c), *text = cmd_rest(c);
	unsigned long n;
	int team;

	if (to == NULL || text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	if (ex_find_team(c->ex, to) < 0 && (n = cmd_staff_rfi_number(to)) > 0) {
		if (ex_reply_rfi(c->ex, n, text) == -1) {
			cmd_fail(c, "unknown_rfi",
			         "there is no RFI-%lu (type rfis to see the open ones)", n);
			return;
		}
		team = c->ex->rfis[n - 1].team;
		ex_settle(c->ex);
		cmd_set(c, "team", json_string(c->ex->teams[team].id));
		json_object_set_new(c->obj, "rfi", json_sprintf("RFI-%lu", n));
		cmd_printf(c, "Reply to RFI-%lu sent to %s.\n", n, c->ex->teams[team].id);
		return;
	}
	if ((team = cmd_team_arg(c, to)) < 0)
		return;
	ex_reply(c->ex, team, text);
	ex_settle(c->ex);
	cmd_set(c, "team", json_string(c->ex->teams[team].id));
	cmd_set(c, "rfi", json_null());
	cmd_printf(c, "Reply sent to %s.\n", c->ex->teams[team].id);
}

const struct cmd_entry cmd_staff_reply_entry = {"reply", "reply TEAM|RFI-ID TEXT",
                                                "answer a team, or one of its RFIs",
                                                CMD_FACILITATOR, cmd_staff_reply};

/* rfis [all]: the RFIs no reply has named yet (all: every one), oldest first, with their age. */
static void cmd_staff_rfis(struct cmd_ctx *c)
{
	const struct exercise *ex = c->ex;
	const char *w = cmd_word(c);
	json_t *list = json_array();
	char when[64], age[32];

	if ((w != NULL && strcasecmp(w, "all") != 0) || cmd_no_more(c) == -1) {
		json_decref(list);
		cmd_usage(c);
		return;
	}
	for (unsigned long k = 0; k < ex->n_rfis; k++) {
		const struct ex_rfi *q = &ex->rfis[k];

		if (w == NULL && q->replies > 0)
			continue;
		json_array_append_new(
		    list,
		    json_pack("{s:o,s:s,s:o,s:o,s:I,s:I,s:i}", "id", json_sprintf("RFI-%lu", k + 1),
		              "team", ex->teams[q->team].id, "by", cmd_json_str(q->by), "text",
		              cmd_json_str(q->text), "t", (json_int_t)q->t, "age",
		              (json_int_t)(ex->t - q->t), "replies", q->replies));
		cmd_when_short(ex, q->t, when, sizeof when);
		timeparse_format_duration(ex->t - q->t, age, sizeof age);
		cmd_printf(c, "RFI-%lu  %s (%s), %s, %s ago%s:\n    %s\n", k + 1,
		           ex->teams[q->team].id, q->by != NULL ? q->by : "?", when, age,
		           q->replies > 0 ? ", answered" : "", q->text != NULL ? q->text : "");
	}
	if (json_array_size(list) == 0)
		cmd_printf(c, "%s\n",
		           w == NULL ? "No RFI is waiting for an answer." : "No RFI yet.");
	cmd_set(c, "rfis", list);
}

const struct cmd_entry cmd_staff_rfis_entry = {
    "rfis", "rfis [all]", "the RFIs waiting for an answer, with their age (all: every one)",
    CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_staff_rfis};

/* score TEAM DELTA REASON: add a whole number (maybe negative) to a team's score. */
static void cmd_staff_score(struct cmd_ctx *c)
{
	const char *to = cmd_word(c), *w = cmd_word(c), *reason = cmd_rest(c);
	struct ex_team *t;
	char *end;
	long delta;
	int team;

	if (to == NULL || w == NULL || reason[0] == '\0') {
		cmd_usage(c);
		return;
	}
	if ((team = cmd_team_arg(c, to)) < 0)
		return;
	errno = 0;
	delta = strtol(w, &end, 10);
	if (end == w || *end != '\0' || errno != 0 || delta > CMD_STAFF_DELTA_MAX ||
	    delta < -CMD_STAFF_DELTA_MAX) {
		cmd_fail(c, "bad_args", "DELTA is a whole number such as 5 or -3 (at most %ld)",
		         CMD_STAFF_DELTA_MAX);
		return;
	}
	ex_score(c->ex, team, delta, reason);
	ex_settle(c->ex);
	t = &c->ex->teams[team];
	cmd_set(c, "team", json_string(t->id));
	cmd_set(c, "delta", json_integer(delta));
	cmd_set(c, "total", json_integer(t->score));
	cmd_printf(c, "Score of %s: %+ld, total %ld.\n", t->id, delta, t->score);
}

const struct cmd_entry cmd_staff_score_entry = {"score", "score TEAM DELTA REASON",
                                                "add points to a team (negative to remove)",
                                                CMD_FACILITATOR, cmd_staff_score};

/* endex [REASON]: end the exercise. */
static void cmd_staff_endex(struct cmd_ctx *c)
{
	static const char *const why[4] = {
	    "the exercise has not started yet (type start)", "the exercise cannot end now",
	    "the exercise cannot end now", "the exercise has already ended"};
	const char *reason = cmd_rest(c);

	if (reason[0] == '\0')
		reason = "facilitator";
	if (ex_endex(c->ex, reason) == -1) {
		cmd_staff_refuse(c, why);
		return;
	}
	cmd_set(c, "reason", json_string(reason));
	cmd_staff_clock(c, "ENDEX at");
}

const struct cmd_entry cmd_staff_endex_entry = {"endex", "endex [REASON]", "end the exercise",
                                                CMD_FACILITATOR, cmd_staff_endex};

/* Reply with every team: score, members online and whether it answered the commcheck. */
static void cmd_staff_team_table(struct cmd_ctx *c)
{
	json_t *list = json_array();
	int i;

	for (i = 0; i < c->ex->n_teams; i++) {
		const struct ex_team *t = &c->ex->teams[i];

		json_array_append_new(list,
		                      json_pack("{s:s,s:s,s:I,s:i,s:b}", "id", t->id, "name",
		                                cmd_team_name(c, t), "score", (json_int_t)t->score,
		                                "members", t->members, "acked", t->acked));
		cmd_printf(c, "%-8s %-30s score %-6ld %d online%s\n", t->id, cmd_team_name(c, t),
		           t->score, t->members, t->acked ? ", acked" : "");
	}
	if (c->ex->n_teams == 0)
		cmd_printf(c, "The scenario has no teams.\n");
	cmd_set(c, "teams", list);
}

/* teams: every team with its score and members online. */
static void cmd_staff_teams(struct cmd_ctx *c)
{
	if (cmd_no_more(c) == -1)
		return;
	cmd_staff_team_table(c);
}

const struct cmd_entry cmd_staff_teams_entry = {
    "teams", "teams", "every team, its score and members online",
    CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_staff_teams};

/* state: the scenario's state table. */
static void cmd_staff_state(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	json_t *st = NULL;
	char *text;

	if (cmd_no_more(c) == -1)
		return;
	if (ex->hooks.state != NULL)
		st = ex->hooks.state(ex->hooks.ctx, ex);
	if (st == NULL)
		st = json_object();
	text = json_dumps(st, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_ENCODE_ANY);
	cmd_printf(c, "Scenario state:\n%s\n", text != NULL ? text : "{}");
	free(text);
	cmd_set(c, "state", st);
}

const struct cmd_entry cmd_staff_state_entry = {"state", "state", "the scenario's state table",
                                                CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL,
                                                cmd_staff_state};

/* commcheck [status]: ask every team to answer with ack (status: only show who did). */
static void cmd_staff_commcheck(struct cmd_ctx *c)
{
	struct exercise *ex = c->ex;
	const char *w = cmd_word(c);
	struct evt *ev;
	int i;

	if ((w != NULL && strcasecmp(w, "status") != 0) || cmd_no_more(c) == -1) {
		cmd_usage(c);
		return;
	}
	if (w == NULL && c->s->role == CMD_ROLE_OBSERVER) {
		cmd_fail(c, "not_allowed",
		         "observers only watch: commcheck status shows who "
		         "answered, commcheck alone would send a check");
		return;
	}
	if (w == NULL) {
		for (i = 0; i < ex->n_teams; i++)
			ex->teams[i].acked = false;
		ev = evt_new(EVT_COMMCHECK, ex->t,
		             json_pack("{s:s,s:I,s:s}", "type", "commcheck", "t", (json_int_t)ex->t,
		                       "text", "COMMUNICATION CHECK: reply with ack"));
		ev->aud.all = 1;
		ex_emit(ex, ev);
		cmd_printf(c, "Communication check sent; type commcheck status to see who "
		              "answered.\n");
	}
	cmd_staff_team_table(c);
}

const struct cmd_entry cmd_staff_commcheck_entry = {
    "commcheck", "commcheck [status]", "ask every team to answer with ack; status: who did",
    CMD_FACILITATOR | CMD_OBSERVER, cmd_staff_commcheck};

/* note TEXT: an evaluator's observation, for the journal and the after-action report. */
static void cmd_staff_note(struct cmd_ctx *c)
{
	const char *text = cmd_rest(c);

	if (text[0] == '\0') {
		cmd_usage(c);
		return;
	}
	ex_note(c->ex, c->s->name, text);
	ex_settle(c->ex);
	cmd_printf(c, "Noted.\n");
}

const struct cmd_entry cmd_staff_note_entry = {"note", "note TEXT",
                                               "record an observation for the after-action report",
                                               CMD_FACILITATOR, cmd_staff_note};

/* validate TEAM INJECT met|missed [TEXT]: judge a team's response to an inject by hand. */
static void cmd_staff_validate(struct cmd_ctx *c)
{
	const char *to = cmd_word(c), *id = cmd_word(c), *result = cmd_word(c);
	const char *text = cmd_rest(c);
	int team, i;
	bool met;

	if (to == NULL || id == NULL || result == NULL) {
		cmd_usage(c);
		return;
	}
	if ((team = cmd_team_arg(c, to)) < 0)
		return;
	if ((i = ex_find_inject(c->ex, id)) < 0) {
		cmd_fail_inject(c, id, -1);
		return;
	}
	if (strcasecmp(result, "met") != 0 && strcasecmp(result, "missed") != 0) {
		cmd_fail(c, "bad_args", "the verdict is met or missed, not \"%s\" (usage: %s)",
		         result, c->entry->usage);
		return;
	}
	met = strcasecmp(result, "met") == 0;
	if (ex_validate(c->ex, team, i, met, c->s->name, text[0] != '\0' ? text : NULL) == -1) {
		cmd_fail(c, "unknown_inject", "%s has not reached team %s", c->ex->injects[i].id,
		         c->ex->teams[team].id);
		return;
	}
	ex_settle(c->ex);
	cmd_set(c, "team", json_string(c->ex->teams[team].id));
	cmd_set(c, "inject", json_string(c->ex->injects[i].id));
	cmd_set(c, "result", json_string(met ? "met" : "missed"));
	cmd_printf(c, "Recorded: %s %s the expectation of %s.\n", c->ex->teams[team].id,
	           met ? "met" : "missed", c->ex->injects[i].id);
}

const struct cmd_entry cmd_staff_validate_entry = {
    "validate", "validate TEAM INJECT met|missed [TEXT]",
    "judge a team's response to an inject, for the after-action report", CMD_FACILITATOR,
    cmd_staff_validate};
