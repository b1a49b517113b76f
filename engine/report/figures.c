/* The sections around the report's charts: response times against deadlines and scores over
 * time. The chart (html) comes first, then its text equivalent, a table, in every format. */
#include <stdbool.h>
#include <stdlib.h>

#include "../core/mem.h"
#include "fmt.h"
#include "out.h"
#include "steerout.h"

/* How many teams one table shows side by side. */
enum { FIGURES_TEAMS = 6 };

/* The cell of team k's response to an inject, as a new string: "5m", "missed", "open". */
static char *figures_resp_cell(const struct model_resp *r)
{
	char d[32];

	if (r->status == 't')
		return mem_printf("missed");
	if (r->status == 'o')
		return mem_printf("open");
	fmt_dur(r->response, d, sizeof d);
	return mem_printf("%s%s", d, r->allowed >= 0 && r->response > r->allowed ? " (late)" : "");
}

/* Response times: one row per inject with a decision, the time allowed, a column per team. */
static void figures_response(const struct model *m, const struct out *o)
{
	struct out_col cols[FIGURES_TEAMS + 2];

	o->heading(o, 1, "Response times");
	if (m->n_resps == 0) {
		o->para(o, "No inject asked for a decision.");
		return;
	}
	if (o->chart != NULL)
		o->chart(o, m, OUT_CHART_RESPONSE);
	o->para(o, "Time from an inject's arrival at a team to the team's decision; Allowed is the "
	           "time to its deadline; missed: the deadline passed; open: undecided when the "
	           "journal ends; -: not asked. With many teams, each table shows some of them, "
	           "and only the injects that asked one of those.");
	steerout_note(m, o, true);
	for (int k0 = 0; k0 < m->n_teams; k0 += FIGURES_TEAMS) {
		int n = m->n_teams - k0 < FIGURES_TEAMS ? m->n_teams - k0 : FIGURES_TEAMS;
		cols[0] = (struct out_col){"Inject", 12, 'l'};
		cols[1] = (struct out_col){"Allowed", 7, 'r'};
		for (int c = 0; c < n; c++)
			cols[c + 2] = (struct out_col){m->teams[k0 + c].id, 7, 'r'};
		o->table(o, cols, n + 2, k0 == 0 ? OUT_T_RESPONSE : 0);
		for (size_t i = 0; i < m->n_resps;) {
			char *v[FIGURES_TEAMS + 2], d[32];
			long allowed = -1;
			size_t j = i;
			bool mine = false;
			for (int c = 0; c < n; c++)
				v[c + 2] = NULL;
			for (; j < m->n_resps && m->resps[j].order == m->resps[i].order; j++) {
				const struct model_resp *r = &m->resps[j];
				allowed = r->allowed > allowed ? r->allowed : allowed;
				if (r->team >= k0 && r->team < k0 + n) {
					v[r->team - k0 + 2] = figures_resp_cell(r);
					mine = true;
				}
			}
			if (!mine) {
				i = j;
				continue;
			}
			for (int c = 0; c < n; c++)
				if (v[c + 2] == NULL)
					v[c + 2] = mem_printf("-");
			fmt_dur(allowed, d, sizeof d);
			v[0] = mem_strdup(m->resps[i].inject);
			v[1] = mem_strdup(d);
			o->row(o, v);
			i = j;
		}
		o->end(o);
	}
}

/* Scores over time: one row per moment a score changed, every team's total at that moment. */
static void figures_score(const struct model *m, const struct out *o)
{
	struct out_col cols[FIGURES_TEAMS + 1];
	long *total = mem_calloc((size_t)m->n_teams + 1, sizeof *total);

	o->heading(o, 1, "Scores over time");
	if (m->n_scores == 0) {
		o->para(o, "No points were given or taken.");
		free(total);
		return;
	}
	if (o->chart != NULL)
		o->chart(o, m, OUT_CHART_SCORE);
	o->para(o, "Every team's total after each change (the reasons are in each team's part).");
	for (int k0 = 0; k0 < m->n_teams; k0 += FIGURES_TEAMS) {
		int n = m->n_teams - k0 < FIGURES_TEAMS ? m->n_teams - k0 : FIGURES_TEAMS;
		cols[0] = (struct out_col){"T+", 10, 'l'};
		for (int c = 0; c < n; c++)
			cols[c + 1] = (struct out_col){m->teams[k0 + c].id, 7, 'r'};
		for (int k = 0; k < m->n_teams; k++)
			total[k] = 0;
		o->table(o, cols, n + 1, k0 == 0 ? OUT_T_SCORE : 0);
		for (size_t i = 0; i < m->n_scores;) {
			char *v[FIGURES_TEAMS + 1], at[32];
			size_t j = i;
			bool mine = false;
			for (; j < m->n_scores && m->scores[j].t == m->scores[i].t; j++) {
				total[m->scores[j].team] = m->scores[j].total;
				mine =
				    mine || (m->scores[j].team >= k0 && m->scores[j].team < k0 + n);
			}
			if (mine) {
				fmt_offset(m->scores[i].t, at, sizeof at);
				v[0] = mem_strdup(at);
				for (int c = 0; c < n; c++)
					v[c + 1] = mem_printf("%ld", total[k0 + c]);
				o->row(o, v);
			}
			i = j;
		}
		o->end(o);
	}
	free(total);
}

/* Write the response-time and score sections: a chart, then its table. */
void figures_write(const struct model *m, const struct out *o)
{
	figures_response(m, o);
	figures_score(m, o);
}
