/* The report model: read a journal line by line, then compute what needs the whole of it. */
#include "model.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../journal/reader.h"
#include "fmt.h"
#include "jalloc.h"
#include "model_int.h"

enum { MODEL_BLOCK = 64 * 1024 };

/* Zeroed memory from the arena, freed with the model. */
void *model_alloc(struct model *m, size_t size)
{
	struct model_block *b = m->priv->arena;
	size_t units = size / sizeof(max_align_t) + (size % sizeof(max_align_t) != 0);
	void *p;

	if (b == NULL || b->cap - b->used < units) {
		size_t cap = units > MODEL_BLOCK / sizeof(max_align_t)
		                 ? units
		                 : MODEL_BLOCK / sizeof(max_align_t);
		b = mem_calloc(1, sizeof *b + mem_mul(cap, sizeof(max_align_t)));
		b->cap = cap;
		b->next = m->priv->arena;
		m->priv->arena = b;
	}
	p = &b->data[b->used];
	b->used += units;
	return p;
}

/* A copy of the n bytes at s, NUL-terminated, in the arena. */
const char *model_strndup(struct model *m, const char *s, size_t n)
{
	char *d = model_alloc(m, n + 1);

	memcpy(d, s, n);
	return d;
}

/* Record the first problem with the current line (printf-style). */
void model_fail(struct model *m, const char *fmt, ...)
{
	va_list ap;

	if (m->priv->err[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(m->priv->err, sizeof m->priv->err, fmt, ap);
	va_end(ap);
}

/* The label of the objective index (its id), or "(none)" for -1. */
const char *model_objective_id(const struct model *m, int objective)
{
	return objective >= 0 && objective < m->n_objectives ? m->objectives[objective].id
	                                                     : "(none)";
}

/* Append line e to its team's log. */
void model_log(struct model *m, struct model_entry e)
{
	struct model_team *tm = &m->teams[e.team];
	long i = (long)m->n_log;

	e.next = -1;
	*MEM_PUSH(m->log, m->n_log, m->priv->cap_log) = e;
	if (tm->first_log < 0)
		tm->first_log = i;
	else
		m->log[tm->last_log].next = i;
	tm->last_log = i;
}

/* The fastest or the slowest decision taken in time, or NULL when there is none. */
const struct model_decision *model_extreme(const struct model *m, bool slowest)
{
	const struct model_decision *best = NULL;

	for (size_t i = 0; i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		if (d->timeout || d->response < 0)
			continue;
		if (best == NULL ||
		    (slowest ? d->response > best->response : d->response < best->response))
			best = d;
	}
	return best;
}

/* The scenario's file name without its directories ("balkansecure.lua"), or NULL. */
const char *model_scenario_name(const struct model *m)
{
	return m->scenario != NULL ? fmt_base(m->scenario) : NULL;
}

/* Order opens by the time the inject reached the team, then by team. */
static int model_cmp_open(const void *a, const void *b)
{
	const struct model_open *x = a, *y = b;

	if (x->fired != y->fired)
		return x->fired < y->fired ? -1 : 1;
	return (x->team > y->team) - (x->team < y->team);
}

/* The decisions that teams were asked for and never took, ordered by when they were asked. */
static void model_opens(struct model *m)
{
	struct model_priv *pv = m->priv;

	for (size_t i = 0; i < pv->n_inj; i++) {
		const struct model_injstate *s = &pv->inj[i];
		for (int k = 0; k < m->n_teams; k++) {
			struct model_open *o;
			if (s->decided[k] != 1)
				continue;
			o = MEM_PUSH(m->opens, m->n_opens, pv->cap_opens);
			*o = (struct model_open){k, s->id, s->fired[k], s->deadline[k]};
			m->teams[k].n_open++;
		}
	}
	if (m->n_opens > 1)
		qsort(m->opens, m->n_opens, sizeof *m->opens, model_cmp_open);
}

/* Count the expectations met and missed, per team and objective. */
static void model_checks(struct model *m)
{
	size_t slots = (size_t)m->n_objectives + 1;

	for (int k = 0; k < m->n_teams; k++) {
		m->teams[k].obj_met = model_alloc(m, mem_mul(slots, sizeof(long)));
		m->teams[k].obj_missed = model_alloc(m, mem_mul(slots, sizeof(long)));
	}
	for (size_t i = 0; i < m->n_checks; i++) {
		const struct model_check *c = &m->checks[i];
		struct model_team *tm = &m->teams[c->team];
		size_t slot = c->objective >= 0 ? (size_t)c->objective : slots - 1;

		if (c->met)
			tm->obj_met[slot]++;
		else
			tm->obj_missed[slot]++;
		if (c->objective >= 0 && c->met)
			m->objectives[c->objective].met++;
		else if (c->objective >= 0)
			m->objectives[c->objective].missed++;
		tm->n_checks++;
		if (c->met) {
			tm->n_met++;
			m->c.met++;
		} else {
			m->c.missed++;
		}
	}
}

/* Order answers by question number, then as they came. */
static int model_cmp_answer(const void *a, const void *b)
{
	const struct model_answer *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Order response rows by inject (the order injects first fired), then team. */
static int model_cmp_resp(const void *a, const void *b)
{
	const struct model_resp *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return (x->team > y->team) - (x->team < y->team);
}

/* Every decision asked for, with its response time and the time allowed, by inject. */
static void model_resps(struct model *m)
{
	size_t n = m->n_decisions + m->n_opens, j = 0;

	m->resps = mem_calloc(n, sizeof *m->resps);
	for (size_t i = 0; i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		m->resps[j++] = (struct model_resp){
		    d->inject,
		    d->team,
		    d->timeout ? 't' : 'd',
		    idmap_get(&m->priv->injmap, d->inject),
		    d->fired,
		    d->deadline >= 0 && d->fired >= 0 ? d->deadline - d->fired : -1,
		    d->timeout ? -1 : d->response};
	}
	for (size_t i = 0; i < m->n_opens; i++) {
		const struct model_open *o = &m->opens[i];
		m->resps[j++] =
		    (struct model_resp){o->inject, o->team,
		                        'o',       idmap_get(&m->priv->injmap, o->inject),
		                        o->fired,  o->deadline >= 0 ? o->deadline - o->fired : -1,
		                        -1};
	}
	m->n_resps = j;
	if (j > 1)
		qsort(m->resps, j, sizeof *m->resps, model_cmp_resp);
}

/* Compute what needs the whole journal: open decisions, objectives, unanswered RFIs. */
static void model_finish(struct model *m)
{
	model_opens(m);
	model_checks(m);
	model_resps(m);
	for (size_t i = 0; i < m->n_rfis; i++) {
		if (m->rfis[i].answered < 0) {
			m->teams[m->rfis[i].team].rfis_unanswered++;
			m->c.rfis_unanswered++;
		}
	}
	if (m->n_answers > 1)
		qsort(m->answers, m->n_answers, sizeof *m->answers, model_cmp_answer);
	m->c.injects = (long)m->n_injects;
	m->c.decisions = (long)m->n_decisions;
	m->c.open = (long)m->n_opens;
	m->c.shares = (long)m->n_shares;
	m->c.rfis = (long)m->n_rfis;
	m->c.replies = (long)m->n_replies;
	m->c.notes = (long)m->n_notes;
	m->c.scores = (long)m->n_scores;
	m->c.answers = (long)m->n_answers;
	m->c.phases = (long)m->n_phases;
	if (m->ended && m->end_t > m->last_t)
		m->last_t = m->end_t;
}

/* Read every line of in but a cut-off last one; -1 after printing the problem to err. */
static int model_lines(struct model *m, struct reader *in, FILE *err)
{
	json_t *o;
	int got, rc;

	while ((got = reader_next(in, &o)) > 0) {
		m->priv->line = in->in.no;
		rc = in->in.no == 1
		         ? head_read(m, o)
		         : events_read(m, o, json_string_value(json_object_get(o, "type")));
		json_decref(o);
		if (rc < 0 || m->priv->err[0] != '\0') {
			fprintf(err, "%s:%ld: %s\n", m->path, in->in.no, m->priv->err);
			return -1;
		}
		jalloc_reset();
	}
	m->c.lines = in->lines;
	m->partial = in->partial;
	return got;
}

/* Read the journal at path; NULL after printing "FILE:LINE: message" to err. */
struct model *model_load(const char *path, FILE *err)
{
	struct model *m;
	struct reader in;
	int rc;

	if (reader_open(&in, path, err) < 0)
		return NULL;
	m = mem_calloc(1, sizeof *m);
	m->priv = mem_calloc(1, sizeof *m->priv);
	m->path = model_strndup(m, path, strlen(path));
	m->start_epoch = -1;
	m->end_t = -1;
	jalloc_begin();
	rc = model_lines(m, &in, err);
	jalloc_end();
	reader_close(&in);
	if (rc < 0) {
		model_free(m);
		return NULL;
	}
	model_finish(m);
	return m;
}

/* Free everything model_load made. */
void model_free(struct model *m)
{
	struct model_priv *pv;

	if (m == NULL)
		return;
	pv = m->priv;
	for (int k = 0; k < m->n_teams; k++)
		free(pv->team_rfis[k]);
	free(pv->team_rfis);
	free(pv->team_rfi_n);
	free(pv->team_rfi_cap);
	free(pv->team_rfi_next);
	free(pv->inj);
	idmap_free(&pv->teams);
	idmap_free(&pv->objectives);
	idmap_free(&pv->injmap);
	idmap_free(&pv->rfimap);
	idmap_free(&pv->checkmap);
	idmap_free(&pv->answermap);
	while (pv->arena != NULL) {
		struct model_block *next = pv->arena->next;
		free(pv->arena);
		pv->arena = next;
	}
	free(pv);
	free(m->teams);
	free(m->objectives);
	free(m->injects);
	free(m->decisions);
	free(m->opens);
	free(m->scores);
	free(m->shares);
	free(m->pairs);
	free(m->rfis);
	free(m->replies);
	free(m->checks);
	free(m->notes);
	free(m->answers);
	free(m->phases);
	free(m->log);
	free(m->resps);
	free(m->steers);
	free(m);
}
