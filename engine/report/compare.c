/*
 * Exercises compared (tabletop report A.jsonl B.jsonl ...): the same scenario played several
 * times, or teams that took part in several exercises, side by side. docs/report.md says what
 * "the same scenario" means.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fmt.h"
#include "out.h"
#include "report.h"

/* How many exercises one table shows side by side. */
enum { COMPARE_COLS = 3 };

struct compare {
	struct model **ms;
	int n;
	bool same;        /* every journal has the same scenario name and SHA-256 */
	bool same_name;   /* ... the same scenario name, at least */
	const char **ids; /* the teams compared, in order of first appearance */
	int n_ids;
	int *at; /* [team * n + exercise]: the team's index in that exercise, -1: absent */
	char *title;
};

/* Whether a and b are both NULL or equal strings. */
static bool compare_eq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Team id's index in exercise m, -1 when it did not take part. */
static int compare_team(const struct model *m, const char *id)
{
	for (int k = 0; k < m->n_teams; k++)
		if (strcmp(m->teams[k].id, id) == 0)
			return k;
	return -1;
}

/* Choose the teams: every team of the same scenario, else those in two exercises or more. */
static void compare_teams(struct compare *c)
{
	int cap = 0;

	for (int e = 0; e < c->n; e++)
		cap += c->ms[e]->n_teams;
	c->ids = mem_calloc((size_t)cap + 1, sizeof *c->ids);
	for (int e = 0; e < c->n; e++) {
		for (int k = 0; k < c->ms[e]->n_teams; k++) {
			const char *id = c->ms[e]->teams[k].id;
			int in = 0, known = 0;
			for (int i = 0; i < c->n_ids; i++)
				known = known || strcmp(c->ids[i], id) == 0;
			for (int x = 0; x < c->n; x++)
				in += compare_team(c->ms[x], id) >= 0;
			if (!known && (c->same_name || in >= 2))
				c->ids[c->n_ids++] = id;
		}
	}
	c->at = mem_calloc((size_t)c->n_ids * (size_t)c->n + 1, sizeof *c->at);
	for (int i = 0; i < c->n_ids; i++)
		for (int e = 0; e < c->n; e++)
			c->at[i * c->n + e] = compare_team(c->ms[e], c->ids[i]);
}

/* Compare the exercises of n journals (models, each loaded); NULL when n < 2. */
struct compare *compare_new(struct model **ms, int n)
{
	struct compare *c;

	if (n < 2)
		return NULL;
	c = mem_calloc(1, sizeof *c);
	c->ms = ms;
	c->n = n;
	c->same = c->same_name = model_scenario_name(ms[0]) != NULL;
	for (int e = 1; e < n; e++) {
		c->same_name = c->same_name &&
		               compare_eq(model_scenario_name(ms[0]), model_scenario_name(ms[e]));
		c->same = c->same && c->same_name && ms[0]->sha256 != NULL &&
		          compare_eq(ms[0]->sha256, ms[e]->sha256);
	}
	compare_teams(c);
	if (c->same_name)
		c->title = mem_printf("%s: %d exercises",
		                      ms[0]->title ? ms[0]->title : model_scenario_name(ms[0]), n);
	else
		c->title = mem_printf("%d exercises, %d team%s in several", n, c->n_ids,
		                      c->n_ids == 1 ? "" : "s");
	return c;
}

/* Free c (not its models). */
void compare_free(struct compare *c)
{
	if (c == NULL)
		return;
	free(c->ids);
	free(c->at);
	free(c->title);
	free(c);
}

/* The title of a comparison. */
const char *compare_title(const struct compare *c)
{
	return c->title;
}

/* The marking of a comparison: the first exercise's. */
const char *compare_marking(const struct compare *c)
{
	return fmt_marking(c->ms[0]);
}

/* The exercises: number, journal, title, scenario, SHA-256, start, played, teams. */
static void compare_exercises(const struct out *o, const struct compare *c)
{
	static const struct out_col cols[] = {{"#", 2, 'r'},         {"Journal", 0, 'l'},
	                                      {"Scenario", 18, 'l'}, {"SHA-256", 12, 'l'},
	                                      {"STARTEX", 16, 'l'},  {"Played", 7, 'r'}};
	char *s;

	o->heading(o, 1, "Exercises compared");
	if (c->same)
		s = mem_printf("The same scenario (" FMT_U0 "%s" FMT_U1 ", SHA-256 %s) in every "
		               "journal: every team is compared.",
		               model_scenario_name(c->ms[0]), c->ms[0]->sha256);
	else if (c->same_name)
		s = mem_printf("The same scenario file (" FMT_U0 "%s" FMT_U1 ") in every journal, "
		               "but not the same SHA-256: the scenario changed between exercises, "
		               "so an inject or an objective may not mean the same thing in each.",
		               model_scenario_name(c->ms[0]));
	else
		s = mem_printf(
		    "Different scenarios: only the teams that took part in two exercises "
		    "or more are compared (%d).",
		    c->n_ids);
	o->para(o, s);
	free(s);
	o->table(o, cols, 6, 0);
	for (int e = 0; e < c->n; e++) {
		const struct model *m = c->ms[e];
		char *v[6], when[64], d[32];
		fmt_datetime(m, 0, when, sizeof when);
		fmt_dur(m->ended ? m->end_t : m->last_t, d, sizeof d);
		v[0] = mem_printf("%d", e + 1);
		v[1] = fmt_u(fmt_base(m->path));
		v[2] = fmt_u(model_scenario_name(m));
		v[3] = mem_printf("%.12s", m->sha256 ? m->sha256 : "-");
		v[4] = mem_strdup(when[0] ? when : "-");
		v[5] = mem_strdup(d);
		o->row(o, v);
	}
	o->end(o);
	for (int e = 0; e < c->n; e++) {
		char *lead = mem_printf("#%d", e + 1), *title = fmt_u(c->ms[e]->title);
		o->item(o, 0, lead, title);
		free(lead);
		free(title);
	}
}

/* A table with a row per team and a column per exercise; cell(m, k) makes each cell. */
static void compare_by_team(const struct out *o, const struct compare *c, const char *heading,
                            const char *about, char *(*cell)(const struct model *m, int k))
{
	struct out_col cols[COMPARE_COLS + 1];
	char heads[COMPARE_COLS][16];

	o->heading(o, 1, heading);
	o->para(o, about);
	if (c->n_ids == 0) {
		o->para(o, "No team took part in more than one of these exercises.");
		return;
	}
	for (int e0 = 0; e0 < c->n; e0 += COMPARE_COLS) {
		int n = c->n - e0 < COMPARE_COLS ? c->n - e0 : COMPARE_COLS;
		cols[0] = (struct out_col){"Team", 10, 'l'};
		for (int e = 0; e < n; e++) {
			snprintf(heads[e], sizeof heads[e], "#%d", e0 + e + 1);
			cols[e + 1] = (struct out_col){heads[e], 18, 'r'};
		}
		o->table(o, cols, n + 1, 0);
		for (int i = 0; i < c->n_ids; i++) {
			char *v[COMPARE_COLS + 1];
			v[0] = mem_strdup(c->ids[i]);
			for (int e = 0; e < n; e++) {
				int k = c->at[i * c->n + e0 + e];
				v[e + 1] = k >= 0 ? cell(c->ms[e0 + e], k) : mem_printf("-");
			}
			o->row(o, v);
		}
		o->end(o);
	}
}

/* Mean response and how many decisions were taken in time of those asked. */
static char *compare_cell_response(const struct model *m, int k)
{
	const struct model_team *tm = &m->teams[k];
	char d[32];

	fmt_dur(fmt_mean(tm->resp_sum, tm->resp_n), d, sizeof d);
	return mem_printf("%s (%ld of %ld)", d, tm->resp_n, tm->n_decisions + tm->n_open);
}

/* Deadlines missed of the decisions asked. */
static char *compare_cell_missed(const struct model *m, int k)
{
	const struct model_team *tm = &m->teams[k];

	return mem_printf("%ld of %ld", tm->n_timeouts, tm->n_decisions + tm->n_open);
}

/* Expectations met of those evaluated. */
static char *compare_cell_objectives(const struct model *m, int k)
{
	return summary_cell(m->teams[k].n_met, m->teams[k].n_checks);
}

/* Shares sent and received, and how soon the first went out. */
static char *compare_cell_sharing(const struct model *m, int k)
{
	const struct model_team *tm = &m->teams[k];
	char d[32];

	fmt_dur(tm->first_share >= 0 && tm->first_inject >= 0 ? tm->first_share - tm->first_inject
	                                                      : -1,
	        d, sizeof d);
	if (tm->first_share < 0)
		return mem_printf("0/%ld", tm->shares_received);
	return mem_printf("%ld/%ld, first %s", tm->shares_sent, tm->shares_received, d);
}

/* The final score. */
static char *compare_cell_score(const struct model *m, int k)
{
	return mem_printf("%ld", m->teams[k].score);
}

/* Objectives over every team, per exercise: for the same scenario only. */
static void compare_objectives(const struct out *o, const struct compare *c)
{
	struct out_col cols[COMPARE_COLS + 1];
	char heads[COMPARE_COLS][16];
	const struct model *m0 = c->ms[0];

	if (!c->same_name || m0->n_objectives == 0)
		return;
	o->heading(o, 1, "Objectives, all teams");
	o->para(o, "Expectations met of those evaluated, over every team, by objective (matched "
	           "by id).");
	for (int e0 = 0; e0 < c->n; e0 += COMPARE_COLS) {
		int n = c->n - e0 < COMPARE_COLS ? c->n - e0 : COMPARE_COLS;
		cols[0] = (struct out_col){"Objective", 10, 'l'};
		for (int e = 0; e < n; e++) {
			snprintf(heads[e], sizeof heads[e], "#%d", e0 + e + 1);
			cols[e + 1] = (struct out_col){heads[e], 14, 'r'};
		}
		o->table(o, cols, n + 1, 0);
		for (int j = 0; j < m0->n_objectives; j++) {
			char *v[COMPARE_COLS + 1];
			v[0] = mem_strdup(m0->objectives[j].id);
			for (int e = 0; e < n; e++) {
				const struct model *m = c->ms[e0 + e];
				int x = -1;
				for (int i = 0; i < m->n_objectives; i++)
					if (strcmp(m->objectives[i].id, m0->objectives[j].id) == 0)
						x = i;
				v[e + 1] = x < 0 ? mem_printf("-")
				                 : summary_cell(m->objectives[x].met,
				                                m->objectives[x].met +
				                                    m->objectives[x].missed);
			}
			o->row(o, v);
		}
		o->end(o);
	}
}

/* Write the comparison (a struct compare) through o. */
void compare_write(const struct out *o, const void *arg)
{
	const struct compare *c = arg;

	compare_exercises(o, c);
	compare_by_team(o, c, "Response times",
	                "Mean time from an inject's arrival to the team's decision, over the "
	                "decisions taken in time (how many, of those asked).",
	                compare_cell_response);
	compare_by_team(o, c, "Missed deadlines",
	                "Decisions recorded at their deadline, of those asked.",
	                compare_cell_missed);
	compare_by_team(o, c, "Objectives",
	                "The team's expectations (the engine's expect, or the evaluators' "
	                "validate): met, missed, or how many of them were met.",
	                compare_cell_objectives);
	compare_objectives(o, c);
	compare_by_team(o, c, "Sharing",
	                "Shares sent / received (a share to all reaches every other team), and "
	                "the time from the team's first inject to its first share.",
	                compare_cell_sharing);
	compare_by_team(o, c, "Scores", "The final score.", compare_cell_score);
}

/* Team k of exercise m, as the comparison's JSON gives it. */
static json_t *compare_json_team(const struct model *m, int k)
{
	const struct model_team *tm = &m->teams[k];

	return fmt_pack("{s:I,s:I,s:o,s:I,s:I,s:I,s:I,s:I,s:I,s:o}", "score", (json_int_t)tm->score,
	                "asked", (json_int_t)(tm->n_decisions + tm->n_open), "mean_response",
	                fmt_opt(fmt_mean(tm->resp_sum, tm->resp_n)), "in_time",
	                (json_int_t)tm->resp_n, "timeouts", (json_int_t)tm->n_timeouts, "met",
	                (json_int_t)tm->n_met, "evaluated", (json_int_t)tm->n_checks, "shares_sent",
	                (json_int_t)tm->shares_sent, "shares_received",
	                (json_int_t)tm->shares_received, "first_share_after",
	                fmt_opt(tm->first_share >= 0 && tm->first_inject >= 0
	                            ? tm->first_share - tm->first_inject
	                            : -1));
}

/* Write the comparison as one JSON document; -1 if jansson fails. */
int compare_json(const struct compare *c, FILE *f)
{
	json_t *ex = json_array(), *teams = json_array(), *objs = json_array(), *root;
	const struct model *m0 = c->ms[0];
	int rc;

	for (int e = 0; e < c->n; e++) {
		const struct model *m = c->ms[e];
		json_t *ids = json_array();
		for (int k = 0; k < m->n_teams; k++)
			json_array_append_new(ids, json_string(m->teams[k].id));
		json_array_append_new(
		    ex, fmt_pack("{s:s,s:s?,s:s?,s:s?,s:s?,s:I,s:o}", "journal", fmt_base(m->path),
		                 "title", m->title, "scenario", model_scenario_name(m), "sha256",
		                 m->sha256, "start", m->start, "played",
		                 (json_int_t)(m->ended ? m->end_t : m->last_t), "teams", ids));
	}
	for (int i = 0; i < c->n_ids; i++) {
		json_t *in = json_array();
		for (int e = 0; e < c->n; e++) {
			int k = c->at[i * c->n + e];
			json_array_append_new(in, k >= 0 ? compare_json_team(c->ms[e], k)
			                                 : json_null());
		}
		json_array_append_new(teams, fmt_pack("{s:s,s:o}", "id", c->ids[i], "in", in));
	}
	for (int j = 0; c->same_name && j < m0->n_objectives; j++) {
		json_t *in = json_array();
		for (int e = 0; e < c->n; e++) {
			const struct model *m = c->ms[e];
			json_t *v = json_null();
			for (int x = 0; x < m->n_objectives; x++)
				if (strcmp(m->objectives[x].id, m0->objectives[j].id) == 0)
					v = fmt_pack("{s:I,s:I}", "met",
					             (json_int_t)m->objectives[x].met, "missed",
					             (json_int_t)m->objectives[x].missed);
			json_array_append_new(in, v);
		}
		json_array_append_new(objs,
		                      fmt_pack("{s:s,s:o}", "id", m0->objectives[j].id, "in", in));
	}
	root = fmt_pack("{s:i,s:s,s:o,s:o,s:o}", "compare", 1, "basis",
	                c->same        ? "scenario"
	                : c->same_name ? "scenario_name"
	                               : "teams",
	                "exercises", ex, "teams", teams, "objectives", objs);
	rc = json_dumpf(root, f, JSON_COMPACT) < 0 ? -1 : 0;
	putc('\n', f);
	json_decref(root);
	return rc;
}
