/* The exercise in play: injects, decisions, and what teams and the white cell say and do. */
#include <stdbool.h>
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

/*
 * The decision object of an inject event for a team (ts: its state): open with the team's own
 * deadline, or, once the team has decided, what it decided ("state":"decided", "option",
 * "timeout", "decided_at") so that a re-fired inject never shows an open prompt again.
 */
static json_t *ex_decision_team_json(const struct ex_inject *inj, const struct ex_teaminject *ts)
{
	json_t *d = ex_decision_json(inj->decision, ts->deadline);

	if (inj->decision == NULL || ts->dstate != EX_D_DECIDED)
		return d;
	json_object_set_new(d, "state", json_string("decided"));
	json_object_set_new(d, "option",
	                    ts->option >= 0 ? ex_jstr(inj->decision->options[ts->option].key)
	                                    : json_null());
	json_object_set_new(d, "timeout", json_boolean(ts->timeout));
	json_object_set_new(d, "decided_at", json_integer(ts->decided_at));
	return d;
}

/* Put a decision's prompt and option labels in the other languages into i18n. */
static void ex_decision_i18n(const struct exercise *ex, const struct ex_decision *d, json_t *i18n)
{
	for (int k = 1; d != NULL && k < ex->n_langs; k++) {
		json_t *dec = json_object(), *opts;
		int j = 0;

		if (ex_lang_has(d->prompt_tr, k))
			json_object_set_new(dec, "prompt", ex_jstr(d->prompt_tr->v[k]));
		while (j < d->n_options && !ex_lang_has(d->options[j].label_tr, k))
			j++;
		if (j < d->n_options) {
			opts = json_array();
			for (j = 0; j < d->n_options; j++)
				json_array_append_new(
				    opts,
				    ex_pack("{s:o,s:o}", "key", ex_jstr(d->options[j].key), "label",
				            ex_jstr(ex_lang_get(d->options[j].label,
				                                d->options[j].label_tr, k))));
			json_object_set_new(dec, "options", opts);
		}
		if (json_object_size(dec) > 0)
			json_object_set_new(ex_lang_at(ex, i18n, k), "decision", dec);
		else
			json_decref(dec);
	}
}

/* The marking every inject carries: the scenario's own, else EX_MARKING. */
const char *ex_marking(const struct exercise *ex)
{
	return ex->marking != NULL ? ex->marking : EX_MARKING;
}

/* An inject as its event shows it; staff adds the notes (null: none); other languages in "i18n". */
json_t *ex_inject_json(const struct exercise *ex, const char *id, const struct ex_inject *inj,
                       json_t *to, long t, long deadline, bool staff)
{
	json_t *i18n = ex_lang_i18n(), *obj;

	obj = ex_pack("{s:s,s:o,s:I,s:o,s:o,s:o,s:o,s:o,s:o}", "type", "inject", "id", ex_jstr(id),
	              "t", (json_int_t)t, "from", ex_jstr(inj->from), "channel",
	              ex_jstr(inj->channel), "subject", ex_jstr(inj->subject), "body",
	              ex_jstr(inj->body), "to", to, "decision",
	              ex_decision_json(inj->decision, deadline));
	json_object_set_new(obj, "marking", ex_jstr(ex_marking(ex)));
	if (staff)
		json_object_set_new(obj, "notes", ex_jstr(inj->notes));
	ex_lang_put(ex, i18n, "from", inj->from_tr);
	ex_lang_put(ex, i18n, "channel", inj->channel_tr);
	ex_lang_put(ex, i18n, "subject", inj->subject_tr);
	ex_lang_put(ex, i18n, "body", inj->body_tr);
	if (staff)
		ex_lang_put(ex, i18n, "notes", inj->notes_tr);
	ex_decision_i18n(ex, inj->decision, i18n);
	return ex_lang_attach(obj, i18n);
}

/* The ids of the teams in mask as a JSON array. */
static json_t *ex_mask_ids(const struct exercise *ex, const unsigned char *mask)
{
	json_t *to = json_array();

	for (int k = 0; k < ex->n_teams; k++)
		if (mask[k])
			json_array_append_new(to, ex_jstr(ex->teams[k].id));
	return to;
}

/* The decision object team k receives: its own state when the inject has team states. */
static json_t *ex_decision_for(const struct ex_inject *inj, int k, long deadline)
{
	if (inj->ts != NULL && inj->decision != NULL)
		return ex_decision_team_json(inj, &inj->ts[k]);
	return ex_decision_json(inj->decision, deadline);
}

/*
 * Emit an inject to the teams in mask and to staff; staff see the notes, teams never do. Teams
 * whose decision differs (one decided it already, one has an older deadline) get an event each;
 * teams alike share one. Without team states (ts NULL) every team gets the open decision.
 */
static void ex_emit_inject(struct exercise *ex, const char *id, const struct ex_inject *inj,
                           const unsigned char *mask, long deadline)
{
	unsigned char *done = mem_calloc((size_t)ex->n_teams + 1, 1);
	struct evt *ev, *staff = NULL;
	bool staff_done = false;
	json_t *dec, *obj;

	for (int k = 0; k < ex->n_teams; k++) {
		if (!mask[k] || done[k])
			continue;
		dec = ex_decision_for(inj, k, deadline);
		obj = ex_inject_json(ex, id, inj, ex_mask_ids(ex, mask), ex->t, deadline, false);
		json_object_set_new(obj, "decision", json_incref(dec));
		ev = evt_new(EVT_INJECT, ex->t, obj);
		for (int j = k; j < ex->n_teams; j++) {
			json_t *other =
			    mask[j] && !done[j] ? ex_decision_for(inj, j, deadline) : NULL;

			if (other != NULL && json_equal(other, dec)) {
				done[j] = 1;
				evt_add_team(ev, j, ex->n_teams);
			}
			json_decref(other);
		}
		if (!staff_done && inj->notes == NULL) {
			ev->aud.staff = 1;
		} else if (!staff_done) {
			staff = evt_new(EVT_INJECT, ex->t,
			                ex_inject_json(ex, id, inj, ex_mask_ids(ex, mask), ex->t,
			                               deadline, true));
			json_object_set_new(staff->obj, "decision", json_incref(dec));
			staff->aud.staff = 1;
		}
		staff_done = true;
		json_decref(dec);
		ex_emit(ex, ev);
	}
	if (!staff_done) { /* nobody to deliver to: the staff still see it */
		staff = evt_new(
		    EVT_INJECT, ex->t,
		    ex_inject_json(ex, id, inj, ex_mask_ids(ex, mask), ex->t, deadline, true));
		staff->aud.staff = 1;
	}
	if (staff != NULL)
		ex_emit(ex, staff);
	free(done);
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

/* Deliver inject i to the teams in mask (which the inject keeps), starting their decisions. */
static void ex_deliver(struct exercise *ex, int i, unsigned char *mask)
{
	struct ex_inject *inj = &ex->injects[i];
	long rel = inj->decision != NULL ? inj->decision->deadline : -1;

	if (inj->ts == NULL) {
		inj->ts = mem_calloc((size_t)ex->n_teams + 1, sizeof *inj->ts);
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
			queue_push(&ex->q, ex->t + rel, EX_ITEM_DEADLINE, i, k, ex->t + rel);
			if (ex->remind > 0 && rel > ex->remind)
				queue_push(&ex->q, ex->t + rel - ex->remind, EX_ITEM_REMIND, i, k,
				           ex->t + rel);
		}
	}
	inj->fires = mem_grow(inj->fires, (size_t)inj->times_fired, NULL, sizeof *inj->fires);
	inj->fires[inj->times_fired++] = mask;
	ex->n_fired += !inj->adhoc;
	ex_emit_inject(ex, inj->id, inj, mask, rel >= 0 ? ex->t + rel : -1);
}

/* Fire inject i to team (or to its own `to` when team is -1). */
int ex_fire(struct exercise *ex, int i, int team)
{
	unsigned char *mask;

	if ((ex->state != EX_RUNNING && ex->state != EX_PAUSED) || i < 0 || i >= ex->n_injects ||
	    team < -1 || team >= ex->n_teams)
		return -1;
	mask = mem_calloc((size_t)ex->n_teams + 1, 1);
	ex_fire_mask(ex, &ex->injects[i], team, mask);
	ex_deliver(ex, i, mask);
	return 0;
}

/* Inject i's `at` has come: deliver it to those of its teams it has not reached yet. */
void ex_fire_due(struct exercise *ex, int i)
{
	const struct ex_inject *inj = &ex->injects[i];
	unsigned char *mask = mem_calloc((size_t)ex->n_teams + 1, 1);
	int n = 0;

	ex_fire_mask(ex, inj, -1, mask);
	for (int k = 0; k < ex->n_teams; k++) {
		if (inj->ts != NULL && inj->ts[k].fired_at >= 0)
			mask[k] = 0;
		n += mask[k];
	}
	if (n == 0) {
		free(mask);
		return;
	}
	ex_deliver(ex, i, mask);
}

/* A copy of decision d (NULL stays NULL). */
static struct ex_decision *ex_decision_dup(const struct ex_decision *d)
{
	struct ex_decision *c;

	if (d == NULL)
		return NULL;
	c = mem_calloc(1, sizeof *c);
	*c = *d;
	c->prompt = mem_strdup(d->prompt);
	c->prompt_tr = ex_lang_dup(d->prompt_tr);
	c->options = mem_calloc((size_t)d->n_options + 1, sizeof *c->options);
	for (int k = 0; k < d->n_options; k++) {
		c->options[k].key = mem_strdup(d->options[k].key);
		c->options[k].label = mem_strdup(d->options[k].label);
		c->options[k].label_tr = ex_lang_dup(d->options[k].label_tr);
	}
	return c;
}

/*
 * An ad-hoc inject with inj's texts (and their languages) and decision, id "adhoc-N": it is kept
 * among the injects (injects, show and decide know it) and fired at once. Returns its index.
 */
int ex_send_inject(struct exercise *ex, const unsigned char *to_mask, const struct ex_inject *inj)
{
	unsigned char *mask = mem_calloc((size_t)ex->n_teams + 1, 1);
	struct ex_inject *in;
	char id[32];
	int i;

	for (int k = 0; k < ex->n_teams; k++)
		mask[k] = to_mask == NULL || to_mask[k];
	do
		snprintf(id, sizeof id, "adhoc-%lu", ++ex->index->n_adhoc);
	while (ex_find_inject(ex, id) >= 0);
	in = ex_add_inject(ex, id, 0);
	i = ex->n_injects - 1;
	in->adhoc = true;
	in->from = mem_strdup(inj->from);
	in->channel = mem_strdup(inj->channel);
	in->subject = mem_strdup(inj->subject);
	in->body = mem_strdup(inj->body);
	in->from_tr = ex_lang_dup(inj->from_tr);
	in->channel_tr = ex_lang_dup(inj->channel_tr);
	in->subject_tr = ex_lang_dup(inj->subject_tr);
	in->body_tr = ex_lang_dup(inj->body_tr);
	in->decision = ex_decision_dup(inj->decision);
	in->to = mem_calloc((size_t)ex->n_teams + 1, sizeof *in->to);
	for (int k = 0; k < ex->n_teams; k++)
		if (mask[k])
			in->to[in->n_to++] = k;
	in->to_all = in->n_to == ex->n_teams;
	ex_deliver(ex, i, mask);
	return i;
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

/* Emit an event of type to everyone: {"type", key: text, "t"}, text's other languages in i18n. */
static void ex_emit_all(struct exercise *ex, enum evt_type type, const char *key, const char *text,
                        const struct ex_tr *tr)
{
	json_t *i18n = ex_lang_i18n();
	struct evt *ev;

	ex_lang_put(ex, i18n, key, tr);
	ev = evt_new(type, ex->t,
	             ex_lang_attach(ex_pack("{s:s,s:o,s:I}", "type", evt_type_name(type), key,
	                                    ex_jstr(text), "t", (json_int_t)ex->t),
	                            i18n));
	ev->aud.all = 1;
	ex_emit(ex, ev);
}

/* The white cell tells everyone. */
void ex_broadcast(struct exercise *ex, const char *text)
{
	ex_emit_all(ex, EVT_BROADCAST, "text", text, NULL);
}

/* A line for the facilitators and the journal. */
void ex_log(struct exercise *ex, const char *text)
{
	ex_emit_team(
	    ex, EVT_LOG, -1,
	    ex_pack("{s:s,s:o,s:I}", "type", "log", "text", ex_jstr(text), "t", (json_int_t)ex->t));
}

/* Scenario code failed at run time: a script_error event for the staff, counted. */
void ex_script_error(struct exercise *ex, const char *file, int line, const char *message)
{
	ex->n_script_errors++;
	ex_emit_team(ex, EVT_SCRIPT_ERROR, -1,
	             ex_pack("{s:s,s:o,s:o,s:o,s:I}", "type", "script_error", "file", ex_jstr(file),
	                     "line", line > 0 ? json_integer(line) : json_null(), "message",
	                     ex_jstr(message), "t", (json_int_t)ex->t));
}

/* Add delta to a team's score. */
void ex_score(struct exercise *ex, int team, long delta, const char *reason)
{
	ex_score_tr(ex, team, delta, reason, NULL);
}

/* Add delta to a team's score, the reason in every language (tr may be NULL). */
void ex_score_tr(struct exercise *ex, int team, long delta, const char *reason,
                 const struct ex_tr *tr)
{
	struct ex_team *tm = &ex->teams[team];
	json_t *i18n = ex_lang_i18n();

	tm->score += delta;
	ex_lang_put(ex, i18n, "reason", tr);
	ex_emit_team(ex, EVT_SCORE, team,
	             ex_lang_attach(ex_pack("{s:s,s:o,s:I,s:I,s:o,s:I}", "type", "score", "team",
	                                    ex_jstr(tm->id), "delta", (json_int_t)delta, "total",
	                                    (json_int_t)tm->score, "reason", ex_jstr(reason), "t",
	                                    (json_int_t)ex->t),
	                            i18n));
}

/* Name the current move or phase in every language (tr may be NULL). */
void ex_phase_tr(struct exercise *ex, const char *name, const struct ex_tr *tr)
{
	free(ex->phase);
	ex->phase = mem_strdup(name);
	ex_lang_free(ex->phase_tr);
	ex->phase_tr = ex_lang_dup(tr);
	ex_emit_all(ex, EVT_PHASE, "name", name, ex->phase_tr);
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
