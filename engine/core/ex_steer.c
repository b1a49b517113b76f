/*
 * The white cell steers a running exercise: a team's deadline extended, a recorded decision
 * overruled; and the events each team has seen are kept for its timeline.
 */
#include "ex_internal.h"
#include "exercise.h"

/* The most events (and bytes of them) kept for timelines; past either, later events are not. */
#define EX_HISTORY_MAX 200000
#define EX_HISTORY_BYTES (64UL << 20)

/* Team's state of inject i when it reached the team and asks a decision, else NULL with *code. */
static struct ex_teaminject *ex_steer_ts(struct exercise *ex, int i, int team, const char **code)
{
	struct ex_inject *inj;

	*code = "unknown_inject";
	if (i < 0 || i >= ex->n_injects || team < 0 || team >= ex->n_teams)
		return NULL;
	inj = &ex->injects[i];
	if (inj->ts == NULL || inj->ts[team].fired_at < 0)
		return NULL;
	*code = "no_decision";
	if (inj->decision == NULL)
		return NULL;
	*code = NULL;
	return &inj->ts[team];
}

/* Extend team's deadline on inject i by d seconds (from now when it had none). */
int ex_extend(struct exercise *ex, int i, int team, long d, const char *by, const char **code)
{
	struct ex_teaminject *ts = ex_steer_ts(ex, i, team, code);
	long old, dl;

	if (ts == NULL)
		return -1;
	if (ex->state != EX_RUNNING && ex->state != EX_PAUSED)
		*code = "bad_state";
	else if (ts->dstate == EX_D_DECIDED)
		*code = ts->timeout ? "deadline_passed" : "already_decided";
	else if (d <= 0 || d > 7L * 24 * 3600)
		*code = "bad_args";
	if (*code != NULL)
		return -1;
	old = ts->deadline;
	dl = (old >= 0 ? old : ex->t) + d;
	ts->deadline = (int32_t)dl;
	queue_push(&ex->q, dl, EX_ITEM_DEADLINE, i, team, dl);
	if (ex->remind > 0 && dl - ex->remind > ex->t)
		queue_push(&ex->q, dl - ex->remind, EX_ITEM_REMIND, i, team, dl);
	ex_emit_team(ex, EVT_DEADLINE, team,
	             ex_pack("{s:s,s:o,s:o,s:I,s:o,s:o,s:I}", "type", "deadline", "team",
	                     ex_jstr(ex->teams[team].id), "inject", ex_jstr(ex->injects[i].id),
	                     "deadline", (json_int_t)dl, "previous",
	                     old >= 0 ? json_integer(old) : json_null(), "by", ex_jstr(by), "t",
	                     (json_int_t)ex->t));
	ex_settle(ex);
	return 0;
}

/* Replace team's recorded decision on inject i by option, for a reason. */
int ex_overrule(struct exercise *ex, int i, int team, int option, const char *reason,
                const char *by, const char **code)
{
	struct ex_teaminject *ts = ex_steer_ts(ex, i, team, code);
	const struct ex_decision *d;
	int old;

	if (ts == NULL)
		return -1;
	d = ex->injects[i].decision;
	if (ex->state == EX_WAITING || ts->dstate != EX_D_DECIDED)
		*code = "not_decided";
	else if (option < 0 || option >= d->n_options)
		*code = "bad_option";
	if (*code != NULL)
		return -1;
	old = ts->option;
	ts->option = (int16_t)option;
	ex_emit_team(ex, EVT_OVERRULE, team,
	             ex_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:I}", "type", "overrule", "team",
	                     ex_jstr(ex->teams[team].id), "inject", ex_jstr(ex->injects[i].id),
	                     "option", ex_jstr(d->options[option].key), "previous",
	                     old >= 0 ? ex_jstr(d->options[old].key) : json_null(), "reason",
	                     ex_jstr(reason), "by", ex_jstr(by), "t", (json_int_t)ex->t));
	ex_settle(ex);
	return 0;
}

/* Keep ev for the timelines when a team sees it (or it is a team's RFI); clock events not. */
void ex_history_add(struct exercise *ex, struct evt *ev)
{
	size_t len;

	if (ev->type == EVT_CLOCK || (!ev->aud.all && ev->aud.teams == NULL && ev->type != EVT_RFI))
		return;
	evt_json(ev, &len);
	if (ex->n_history >= EX_HISTORY_MAX || ex->history_bytes + len > EX_HISTORY_BYTES) {
		ex->history_full = true;
		return;
	}
	if (ex->n_history == ex->cap_history) {
		ex->cap_history = ex->cap_history > 0 ? ex->cap_history * 2 : 64;
		ex->history = mem_realloc(ex->history, ex->cap_history * sizeof *ex->history);
	}
	evt_ref(ev);
	ex->history[ex->n_history++] = ev;
	ex->history_bytes += len;
}

/* Drop the events kept for the timelines. */
void ex_history_free(struct exercise *ex)
{
	for (size_t k = 0; k < ex->n_history; k++)
		evt_unref(ex->history[k]);
	free(ex->history);
	ex->history = NULL;
	ex->n_history = ex->cap_history = ex->history_bytes = 0;
}
