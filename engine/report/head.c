/* The journal's header (docs/journal.md), and the objectives and hotwash questions it lists. */
#include <stdlib.h>
#include <string.h>

#include "core/timeparse.h"
#include "model_int.h"

/* The objective with this id as an index, adding it when the header did not list it. */
int head_objective(struct model *m, const char *id)
{
	long i = idmap_get(&m->priv->objectives, id);
	struct model_objective *ob;

	if (i >= 0)
		return (int)i;
	m->objectives = mem_grow(m->objectives, (size_t)m->n_objectives, &m->priv->cap_objectives,
	                         sizeof *m->objectives);
	ob = &m->objectives[m->n_objectives++];
	ob->id = id;
	ob->text = NULL;
	idmap_put(&m->priv->objectives, ob->id, m->n_objectives - 1);
	return m->n_objectives - 1;
}

/* Read the header's team list; -1 after model_fail. */
static int head_teams(struct model *m, const json_t *teams)
{
	struct model_priv *pv = m->priv;
	size_t n = json_array_size(teams), i;
	json_t *v;

	if (!json_is_array(teams)) {
		model_fail(m, "the header needs a list \"teams\" of {\"id\",\"name\"}");
		return -1;
	}
	m->teams = mem_calloc(n, sizeof *m->teams);
	pv->team_rfis = mem_calloc(n, sizeof *pv->team_rfis);
	pv->team_rfi_n = mem_calloc(n, sizeof *pv->team_rfi_n);
	pv->team_rfi_cap = mem_calloc(n, sizeof *pv->team_rfi_cap);
	pv->team_rfi_next = mem_calloc(n, sizeof *pv->team_rfi_next);
	m->pairs = mem_calloc(mem_mul(n, n), sizeof *m->pairs);
	json_array_foreach(teams, i, v)
	{
		struct model_team *tm = &m->teams[i];
		tm->id = field_str(m, v, "id");
		tm->name = field_ostr(m, v, "name");
		if (tm->name == NULL)
			tm->name = tm->id;
		tm->first_inject = tm->first_share = tm->first_log = tm->last_log = -1;
		if (pv->err[0] != '\0')
			return -1;
		if (idmap_get(&pv->teams, tm->id) >= 0) {
			model_fail(m, "the header lists team '%s' twice", tm->id);
			return -1;
		}
		idmap_put(&pv->teams, tm->id, (long)i);
		m->n_teams++;
	}
	for (i = 0; i < n * n; i++)
		m->pairs[i].first = -1;
	return 0;
}

/* Read the header's objectives (optional); -1 after model_fail. */
static int head_objectives(struct model *m, const json_t *objs)
{
	size_t i;
	json_t *v;

	if (objs != NULL && !json_is_array(objs)) {
		model_fail(m, "\"objectives\" of the header should be a list of {\"id\",\"text\"}");
		return -1;
	}
	json_array_foreach(objs, i, v)
	{
		const char *id = field_str(m, v, "id"), *text = field_ostr(m, v, "text");
		int j;
		if (m->priv->err[0] != '\0')
			return -1;
		j = head_objective(m, id);
		m->objectives[j].text = text ? text : "";
	}
	return 0;
}

/* Read a list of hotwash questions (from the header or a "hotwash" event); -1 after model_fail. */
int head_questions(struct model *m, const json_t *qs)
{
	size_t i;
	json_t *v;

	if (qs == NULL)
		return 0;
	if (!json_is_array(qs)) {
		model_fail(m, "the hotwash questions should be a list of strings");
		return -1;
	}
	m->questions = model_alloc(m, mem_mul(json_array_size(qs), sizeof *m->questions));
	json_array_foreach(qs, i, v)
	{
		if (!json_is_string(v)) {
			model_fail(m, "the hotwash questions should be strings");
			return -1;
		}
		m->questions[i] = model_strndup(m, json_string_value(v), json_string_length(v));
	}
	m->n_questions = json_array_size(qs);
	return 0;
}

/* Read the header object (the journal reader checked its version); -1 after model_fail. */
int head_read(struct model *m, json_t *o)
{
	const char *err;

	m->title = field_ostr(m, o, "title");
	m->start = field_ostr(m, o, "start");
	m->scenario = field_ostr(m, o, "scenario");
	m->sha256 = field_ostr(m, o, "sha256");
	m->tabletop = field_ostr(m, o, "tabletop");
	m->priv->type = "journal";
	m->marking = field_ostr(m, o, "marking");
	m->duration = field_otime(m, o, "duration", -1);
	m->tick = field_otime(m, o, "tick", -1);
	m->seed = field_oint(m, o, "seed", 0);
	m->has_seed = json_is_integer(json_object_get(o, "seed"));
	if (m->start != NULL && timeparse_datetime(m->start, &m->start_epoch, &err) < 0)
		model_fail(m, "the header's start '%s' is not a date and time: %s", m->start, err);
	if (m->priv->err[0] != '\0' || head_teams(m, json_object_get(o, "teams")) < 0 ||
	    head_questions(m, json_object_get(o, "hotwash")) < 0)
		return -1;
	return head_objectives(m, json_object_get(o, "objectives"));
}
