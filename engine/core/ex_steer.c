/*
 * The white cell steers a running exercise: a team's deadline extended, a recorded decision
 * overruled; and the events each team has seen are kept for its timeline.
 */
#include <stdlib.h>
#include <string.h>

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

/* The team event ev is about: one team, -1 everyone, -2 several, -3 none. */
static int ex_past_team(const struct exercise *ex, const struct evt *ev)
{
	int team = -3;

	if (ev->type == EVT_RFI)
		return ex_find_team(ex, json_string_value(json_object_get(ev->obj, "team")));
	if (ev->aud.all)
		return -1;
	for (int k = 0; ev->aud.teams != NULL && k < ex->n_teams; k++)
		if (ev->aud.teams[k])
			team = team == -3 ? k : -2;
	return team;
}

/* Append n bytes to the kept lines. */
static void ex_past_put(struct exercise *ex, const void *p, size_t n)
{
	ex->past_bytes = mem_reserve(ex->past_bytes, &ex->past_cap, ex->past_len, n);
	memcpy(ex->past_bytes + ex->past_len, p, n);
	ex->past_len += n;
}

/* Keep ev for the timelines when a team sees it (or it is a team's RFI); clock events not. */
void ex_past_add(struct exercise *ex, struct evt *ev)
{
	int team = ev->type == EVT_CLOCK ? -3 : ex_past_team(ex, ev);
	const char *line;
	size_t len;

	if (team < -2 || ex->no_past)
		return;
	line = evt_json(ev, &len);
	len--; /* its '\n' */
	if (ex->n_past >= EX_HISTORY_MAX || ex->past_len + len > EX_HISTORY_BYTES) {
		ex->past_full = true;
		return;
	}
	*MEM_PUSH(ex->past, ex->n_past, ex->cap_past) =
	    (struct ex_past){ex->past_len, (uint32_t)len, (int32_t)team, (uint8_t)ev->type};
	ex_past_put(ex, line, len);
	if (team == -2)
		ex_past_put(ex, ev->aud.teams, (size_t)ex->n_teams);
}

/* Whether kept event j belongs to team's timeline. */
bool ex_past_of(const struct exercise *ex, size_t j, int team)
{
	const struct ex_past *p = &ex->past[j];

	if (p->team == -2)
		return ex->past_bytes[p->off + p->len + (size_t)team] != 0;
	return p->team == -1 || p->team == team;
}

/* Kept event j as JSON (a new reference). */
json_t *ex_past_json(const struct exercise *ex, size_t j)
{
	json_t *o = json_loadb(ex->past_bytes + ex->past[j].off, ex->past[j].len, 0, NULL);

	if (o == NULL)
		abort();
	return o;
}

/* Drop the events kept for the timelines. */
void ex_past_free(struct exercise *ex)
{
	free(ex->past);
	free(ex->past_bytes);
	ex->past = NULL;
	ex->past_bytes = NULL;
	ex->n_past = ex->cap_past = ex->past_len = ex->past_cap = 0;
}
