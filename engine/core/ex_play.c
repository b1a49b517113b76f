/* The exercise in play: injects, decisions, and what teams and the white cell say and do. */
#include <stdio.h>
#include <stdlib.h>

#include "ex_internal.h"
#include "exercise.h"

/* The decision object of an inject event; deadline is absolute, -1 for none. */
static json_t *ex_decision_json(const struct ex_decision *d, long deadline)
{
	json_t *opts;

	if (d == NULL)
		return json_null();
	opts = json_array();
	for (int k = 0; k < d->n_options; k++)
		json_array_append_new(opts, ex_pack("{s:o,s:o}", "key", ex_jstr(d->options[k].key),
		                                    "label", ex_jstr(d->options[k].label)));
	return ex_pack("{s:o,s:o,s:o}", "prompt", ex_jstr(d->prompt), "options", opts, "deadline",
	               deadline >= 0 ? json_integer(deadline) : json_null());
}

/* Emit an inject to the teams in mask and to staff; staff see the notes, teams never do. */
static void ex_emit_inject(struct exercise *ex, const char *id, const struct ex_inject *inj,
                           const unsigned char *mask, long deadline)
{
	json_t *to = json_array(), *obj;
	struct evt *ev, *staff;

	for (int k = 0; k < ex->n_teams; k++)
		if (mask[k])
			json_array_append_new(to, ex_jstr(ex->teams[k].id));
	obj = ex_pack("{s:s,s:o,s:I,s:o,s:o,s:o,s:o,s:o,s:o}", "type", "inject", "id", ex_jstr(id),
	              "t", (json_int_t)ex->t, "from", ex_jstr(inj->from), "channel",
	              ex_jstr(inj->channel), "subject", ex_jstr(inj->subject), "body",
	              ex_jstr(inj->body), "to", to, "decision",
	              ex_decision_json(inj->decision, deadline));
	staff = NULL;
	if (inj->notes != NULL) {
		json_t *copy = json_copy(obj);
		json_object_set_new(copy, "notes", ex_jstr(inj->notes));
		staff = evt_new(EVT_INJECT, ex->t, copy);
		staff->aud.staff = 1;
	}
	ev = evt_new(EVT_INJECT, ex->t, obj);
	ev->aud.staff = staff == NULL;
	for (int k = 0; k < ex->n_teams; k++)
		if (mask[k])
			evt_add_team(ev, k, ex->n_teams);
	ex_emit(ex, ev);
	if (staff != NULL)
		ex_emit(ex, staff);
}

/* Mark the teams inject i goes to: team alone, or the inject's own `to`. */
static void ex_fire_mask(const struct exercise *ex, const struct ex_inject *inj, int team,
                         unsigned char *mask)
{
	if (team >= 0)
		mask[team] = 1;
	for (int k = 0; team < 0 && k < ex->n_teams; k++)
		mask[k] = inj->to_all;
	for (int k = 0; team < 0 && k < inj->n_to; k++)
		if (inj->to[k] >= 0 && inj->to[k] < ex->n_teams)
			mask[inj->to[k]] = 1;
}

/* Fire inject i to team (or to its own `to` when team is -1). */
int ex_fire(struct exercise *ex, int i, int team)
{
	struct ex_inject *inj;
	unsigned char *mask;
	long rel;

	if ((ex->state != EX_RUNNING && ex->state != EX_PAUSED) || i < 0 || i >= ex->n_injects ||
	    team < -1 || team >= ex->n_teams)
		return -1;
	inj = &ex->injects[i];
	rel = inj->decision != NULL ? inj->decision->deadline : -1;
	mask = mem_calloc((size_t)ex->n_teams, 1);
	ex_fire_mask(ex, inj, team, mask);
	if (inj->ts == NULL) {
		inj->ts = mem_calloc((size_t)ex->n_teams, sizeof *inj->ts);
		for (int k = 0; k < ex->n_teams; k++)
			inj->ts[k] = (struct ex_teaminject){-1, -1, -1, -1, EX_D_NONE, 0};
	}
	for (int k = 0; k < ex->n_teams; k++) {
		struct ex_teaminject *ts = &inj->ts[k];
		if (!mask[k])
			continue;
		if (ts->fired_at < 0)
			ts->fired_at = (int32_t)ex->t;
		if (inj->decision == NULL || ts->dstate != EX_D_NONE)
			continue;
		ts->dstate = EX_D_PENDING;
		if (rel >= 0) {
			ts->deadline = (int32_t)(ex->t + rel);
			queue_push(&ex->q, ex->t + rel, EX_ITEM_DEADLINE, i, k, 0);
		}
	}
	inj->times_fired++;
	ex->n_fired++;
	ex_emit_inject(ex, inj->id, inj, mask, rel >= 0 ? ex->t + rel : -1);
	free(mask);
	return 0;
}

/* An ad-hoc inject to the teams in to_mask (NULL: all teams), with an id "adhoc-N". */
void ex_send(struct exercise *ex, const unsigned char *to_mask, const char *from,
             const char *channel, const char *subject, const char *body)
{
	struct ex_inject inj = {.from = (char *)from,
	                        .channel = (char *)channel,
	                        .subject = (char *)subject,
	                        .body = (char *)body};
	unsigned char *mask = mem_calloc((size_t)ex->n_teams, 1);
	char id[32];

	for (int k = 0; k < ex->n_teams; k++)
		mask[k] = to_mask == NULL || to_mask[k];
	snprintf(id, sizeof id, "adhoc-%lu", ++ex->index->n_adhoc);
	ex_emit_inject(ex, id, &inj, mask, -1);
	free(mask);
}

/* Record option (-1: none) as team's decision on inject i, tell everyone and the scenario. */
static void ex_record(struct exercise *ex, int i, int team, int option, const char *by,
                      bool timeout)
{
	struct ex_inject *inj = &ex->injects[i];
	struct ex_teaminject *ts = &inj->ts[team];
	const char *key = option >= 0 ? inj->decision->options[option].key : NULL;
	struct ex_note note = {.kind = EX_NOTE_DECISION,
	                       .team = team,
	                       .to = -1,
	                       .inject = i,
	                       .option = key,
	                       .timeout = timeout};

	ts->dstate = EX_D_DECIDED;
	ts->option = (int16_t)option;
	ts->decided_at = (int32_t)ex->t;
	ts->timeout = timeout;
	ex->n_decided++;
	ex_emit_team(ex, EVT_DECISION, team,
	             ex_pack("{s:s,s:o,s:o,s:o,s:o,s:I,s:b}", "type", "decision", "inject",
	                     ex_jstr(inj->id), "team", ex_jstr(ex->teams[team].id), "option",
	                     ex_jstr(key), "by", ex_jstr(by), "t", (json_int_t)ex->t, "timeout",
	                     timeout));
	ex_expect_decided(ex, i, team);
	ex_notify(ex, &note);
}

/* The decision deadline of inject i for team has come: record its default. */
void ex_deadline(struct exercise *ex, int i, int team)
{
	struct ex_inject *inj = &ex->injects[i];

	if (inj->ts == NULL || inj->ts[team].dstate != EX_D_PENDING)
		return;
	ex_record(ex, i, team, inj->decision->dflt, NULL, true);
}

/* Record team's decision on inject i, or return -1 with the reason in *code. */
int ex_decide(struct exercise *ex, int i, int team, const char *option, const char *by,
              const char **code)
{
	const struct ex_teaminject *ts;
	int k = -1;

	if (ex->state == EX_ENDED) {
		*code = "bad_state";
		return -1;
	}
	if (team < 0 || team >= ex->n_teams) {
		*code = "unknown_team";
		return -1;
	}
	if (i < 0 || i >= ex->n_injects || ex->injects[i].ts == NULL ||
	    ex->injects[i].ts[team].fired_at < 0) {
		*code = "unknown_inject";
		return -1;
	}
	ts = &ex->injects[i].ts[team];
	if (ex->injects[i].decision == NULL)
		*code = "no_decision";
	else if (ts->dstate == EX_D_DECIDED)
		*code = ts->timeout ? "deadline_passed" : "already_decided";
	else if ((k = ex_find_option(ex->injects[i].decision, option)) < 0)
		*code = "bad_option";
	else
		*code = NULL;
	if (*code != NULL)
		return -1;
	ex_record(ex, i, team, k, by, false);
	ex_settle(ex);
	return 0;
}

/* A team's action, for the white cell and the team. */
void ex_action(struct exercise *ex, int team, const char *by, const char *text)
{
	struct ex_note note = {
	    .kind = EX_NOTE_ACTION, .team = team, .to = -1, .inject = -1, .text = text};

	ex_emit_team(ex, EVT_ACTION, team,
	             ex_pack("{s:s,s:o,s:o,s:o,s:I}", "type", "action", "team",
	                     ex_jstr(ex->teams[team].id), "by", ex_jstr(by), "text", ex_jstr(text),
	                     "t", (json_int_t)ex->t));
	ex_notify(ex, &note);
	ex_settle(ex);
}

/* A team shares text with another team or all teams (to -1). */
void ex_share(struct exercise *ex, int team, int to, const char *by, const char *text)
{
	struct ex_note note = {
	    .kind = EX_NOTE_SHARE, .team = team, .to = to, .inject = -1, .text = text};
	struct evt *ev;

	(void)by;
	ev = evt_new(EVT_SHARE, ex->t,
	             ex_pack("{s:s,s:o,s:o,s:o,s:I}", "type", "share", "from",
	                     ex_jstr(ex->teams[team].id), "to",
	                     to >= 0 ? ex_jstr(ex->teams[to].id) : json_string("all"), "text",
	                     ex_jstr(text), "t", (json_int_t)ex->t));
	ev->aud.staff = 1;
	for (int k = 0; k < ex->n_teams; k++)
		if (to < 0 || k == to || k == team)
			evt_add_team(ev, k, ex->n_teams);
	ex_emit(ex, ev);
	ex_notify(ex, &note);
	ex_settle(ex);
}

/* A team member says something to the team (and the white cell). */
void ex_say(struct exercise *ex, int team, const char *by, const char *text)
{
	ex_emit_team(ex, EVT_SAY, team,
	             ex_pack("{s:s,s:o,s:o,s:o,s:I}", "type", "say", "team",
	                     ex_jstr(ex->teams[team].id), "by", ex_jstr(by), "text", ex_jstr(text),
	                     "t", (json_int_t)ex->t));
	ex_settle(ex);
}

/* A request for information to the white cell; returns its number. */
unsigned long ex_rfi(struct exercise *ex, int team, const char *by, const char *text)
{
	struct ex_note note = {
	    .kind = EX_NOTE_RFI, .team = team, .to = -1, .inject = -1, .text = text};
	unsigned long n = ++ex->n_rfis;
	char id[32];

	snprintf(id, sizeof id, "RFI-%lu", n);
	ex_emit_team(ex, EVT_RFI, -1,
	             ex_pack("{s:s,s:s,s:o,s:o,s:o,s:I}", "type", "rfi", "id", id, "team",
	                     ex_jstr(ex->teams[team].id), "by", ex_jstr(by), "text", ex_jstr(text),
	                     "t", (json_int_t)ex->t));
	ex_notify(ex, &note);
	ex_settle(ex);
	return n;
}

/* The white cell answers a team. */
void ex_reply(struct exercise *ex, int team, const char *text)
{
	ex_emit_team(ex, EVT_REPLY, team,
	             ex_pack("{s:s,s:o,s:o,s:I}", "type", "reply", "team",
	                     ex_jstr(ex->teams[team].id), "text", ex_jstr(text), "t",
	                     (json_int_t)ex->t));
}

/* Emit an event of type to everyone: {"type", key: text, "t"}. */
static void ex_emit_all(struct exercise *ex, enum evt_type type, const char *key, const char *text)
{
	struct evt *ev = evt_new(type, ex->t,
	                         ex_pack("{s:s,s:o,s:I}", "type", evt_type_name(type), key,
	                                 ex_jstr(text), "t", (json_int_t)ex->t));

	ev->aud.all = 1;
	ex_emit(ex, ev);
}

/* The white cell tells everyone. */
void ex_broadcast(struct exercise *ex, const char *text)
{
	ex_emit_all(ex, EVT_BROADCAST, "text", text);
}

/* A line for the facilitators and the journal. */
void ex_log(struct exercise *ex, const char *text)
{
	ex_emit_team(
	    ex, EVT_LOG, -1,
	    ex_pack("{s:s,s:o,s:I}", "type", "log", "text", ex_jstr(text), "t", (json_int_t)ex->t));
}

/* Add delta to a team's score. */
void ex_score(struct exercise *ex, int team, long delta, const char *reason)
{
	struct ex_team *tm = &ex->teams[team];

	tm->score += delta;
	ex_emit_team(ex, EVT_SCORE, team,
	             ex_pack("{s:s,s:o,s:I,s:I,s:o,s:I}", "type", "score", "team", ex_jstr(tm->id),
	                     "delta", (json_int_t)delta, "total", (json_int_t)tm->score, "reason",
	                     ex_jstr(reason), "t", (json_int_t)ex->t));
}

/* Name the current move or phase. */
void ex_phase(struct exercise *ex, const char *name)
{
	free(ex->phase);
	ex->phase = mem_strdup(name);
	ex_emit_all(ex, EVT_PHASE, "name", name);
}

/* A member joined a team: the team and the white cell see it, the scenario is told. */
void ex_join(struct exercise *ex, int team, const char *name)
{
	struct ex_note note = {
	    .kind = EX_NOTE_JOIN, .team = team, .to = -1, .inject = -1, .text = name};

	ex_emit_team(ex, EVT_JOIN, team,
	             ex_pack("{s:s,s:o,s:o,s:I}", "type", "join", "team",
	                     ex_jstr(ex->teams[team].id), "name", ex_jstr(name), "t",
	                     (json_int_t)ex->t));
	ex_notify(ex, &note);
	ex_settle(ex);
}
