/* The executive summary (the first page) and the objectives × teams table: every line of them
 * is a figure or a text taken from the journal. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "fmt.h"
#include "out.h"
#include "steerout.h"

/* How many teams one objectives table shows side by side. */
enum { SUMMARY_TEAMS = 5 };

/* Team k's verdicts for objective j (j == n_objectives: none): met and evaluated. */
static void summary_counts(const struct model *m, int k, int j, long *met, long *all)
{
	*met = m->teams[k].obj_met[j];
	*all = *met + m->teams[k].obj_missed[j];
}

/* A cell of the objectives table, as a new string: "met" or "missed" (one evaluation), "2/3 met"
 * (several), or "-" (none). */
char *summary_cell(long met, long all)
{
	if (all == 0)
		return mem_printf("-");
	if (all == 1)
		return mem_printf(met ? "met" : "missed");
	return mem_printf("%ld/%ld met", met, all);
}

/* The objectives (ids) team k met in every evaluation (met) or in none (missed), as a new
 * string: "met O2, O4; missed O1; partly O3". */
static char *summary_team_objectives(const struct model *m, int k)
{
	char *part[3];
	static const char *const word[3] = {"met", "missed", "partly met"};
	char *s;

	for (int w = 0; w < 3; w++)
		part[w] = mem_strdup("");
	for (int j = 0; j <= m->n_objectives; j++) {
		long met, all;
		int w;
		char *next;
		summary_counts(m, k, j, &met, &all);
		if (all == 0)
			continue;
		w = met == all ? 0 : met == 0 ? 1 : 2;
		next = mem_printf("%s%s%s", part[w], part[w][0] ? ", " : "",
		                  model_objective_id(m, j < m->n_objectives ? j : -1));
		free(part[w]);
		part[w] = next;
	}
	s = mem_strdup("");
	for (int w = 0; w < 3; w++) {
		char *next;
		if (part[w][0] == '\0') {
			free(part[w]);
			continue;
		}
		next = mem_printf("%s%s%s %s", s, s[0] ? "; " : "objectives ", word[w], part[w]);
		free(s);
		free(part[w]);
		s = next;
	}
	if (s[0] == '\0') {
		free(s);
		s = mem_printf("no objective evaluated");
	}
	return s;
}

/* One "fastest"/"slowest" line. */
static void summary_response(const struct out *o, const struct model *m, int slowest)
{
	const struct model_decision *d = model_extreme(m, slowest);
	char dur[32], at[32];
	char *s;

	if (d == NULL) {
		o->kv(o, slowest ? "Slowest" : "Fastest", "no decision taken in time");
		return;
	}
	fmt_dur(d->response, dur, sizeof dur);
	fmt_offset(d->t, at, sizeof at);
	s = mem_printf("%s: %s on %s (decided at %s)", dur, m->teams[d->team].id, d->inject, at);
	o->kv(o, slowest ? "Slowest" : "Fastest", s);
	free(s);
}

/*
 * Append item (freed here) to the list in *s, after first when it is the first and sep after
 * that; the 13th appends "SEP and N more" (of total) instead and returns false: the list is full.
 */
static bool summary_add(char **s, long *shown, long total, const char *first, const char *sep,
                        char *item)
{
	bool full = *shown == 12;
	char *next = full ? mem_printf("%s%sand %ld more", *s, sep, total - 12)
	                  : mem_printf("%s%s%s", *s, *shown == 0 ? first : sep, item);

	(*shown)++;
	free(item);
	free(*s);
	*s = next;
	return !full;
}

/* Up to 12 missed deadlines ("xk XK-01 at T+01:30:00"), then how many more. */
static void summary_missed(const struct out *o, const struct model *m)
{
	char *s = mem_printf("%ld missed", m->c.timeouts);
	long shown = 0;

	for (size_t i = 0; i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		char at[32];
		if (!d->timeout)
			continue;
		fmt_offset(d->t, at, sizeof at);
		if (!summary_add(&s, &shown, m->c.timeouts, ": ", "; ",
		                 mem_printf("%s %s at %s", m->teams[d->team].id, d->inject, at)))
			break;
	}
	o->kv(o, "Deadlines", s);
	free(s);
}

/* Up to 12 unanswered RFIs ("RFI-2 from xk"), then how many more. */
static void summary_rfis(const struct out *o, const struct model *m)
{
	char *s = mem_printf("%ld of %zu unanswered", m->c.rfis_unanswered, m->n_rfis);
	long shown = 0;

	for (size_t i = 0; i < m->n_rfis; i++) {
		if (m->rfis[i].answered >= 0)
			continue;
		if (!summary_add(
		        &s, &shown, m->c.rfis_unanswered, ": ", "; ",
		        mem_printf("%s from %s", m->rfis[i].id, m->teams[m->rfis[i].team].id)))
			break;
	}
	o->kv(o, "RFIs", s);
	free(s);
}

/* The white cell's steering and the script errors, or "none": counts, and up to 12 overruled
 * decisions ("al I-01: share to isolate"), then how many more. */
static void summary_steer(const struct out *o, const struct model *m)
{
	char *s, *line;
	long shown = 0;

	if (m->c.adhoc + m->c.extensions + m->c.overrules + m->c.script_errors == 0) {
		o->kv(o, "Steering", "none");
		return;
	}
	s = mem_printf("ad-hoc injects %ld; deadlines extended %ld; decisions overruled %ld",
	               m->c.adhoc, m->c.extensions, m->c.overrules);
	for (size_t i = 0; i < m->n_steers; i++) {
		const struct model_steer *st = &m->steers[i];
		if (st->kind != STEER_OVERRULE)
			continue;
		if (!summary_add(&s, &shown, m->c.overrules, " (", ", ",
		                 mem_printf("%s %s: %s to %s", m->teams[st->team].id, st->inject,
		                            st->previous ? st->previous : "none", st->option)))
			break;
	}
	line = mem_printf("%s%s; script errors %ld", s, shown > 0 ? ")" : "", m->c.script_errors);
	o->kv(o, "Steering", line);
	free(line);
	free(s);
}

/* The hotwash: each question and every team's answer to it, cut to 160 characters. */
static void summary_hotwash(const struct out *o, const struct model *m)
{
	size_t a = 0;

	if (m->n_answers == 0)
		return;
	o->heading(o, 3, "Hotwash: the teams' answers");
	while (a < m->n_answers) {
		long n = m->answers[a].n;
		const char *q = n >= 1 && (size_t)n <= m->n_questions ? m->questions[n - 1]
		                : m->answers[a].question              ? m->answers[a].question
		                                                      : "?";
		char *lead = mem_printf("%ld.", n), *uq = fmt_u(q);
		o->item(o, 0, lead, uq);
		free(lead);
		free(uq);
		for (; a < m->n_answers && m->answers[a].n == n; a++) {
			const char *text = m->answers[a].text;
			size_t len = strlen(text), cut = len;
			char *body;
			if (len > 160) {
				cut = 160;
				while (cut > 0 && !utf8_lead(text[cut]))
					cut--;
			}
			body = mem_printf(FMT_U0 "%.*s%s" FMT_U1, (int)cut, text,
			                  cut < len ? "\xE2\x80\xA6" : "");
			lead = mem_printf("%s:", m->teams[m->answers[a].team].id);
			o->item(o, 1, lead, body);
			free(lead);
			free(body);
		}
	}
}

/* The executive summary: scenario, dates, teams, objectives per team, the fastest and slowest
 * responses, missed deadlines, unanswered RFIs, the white cell's steering and the hotwash. */
void summary_write(const struct model *m, const struct out *o)
{
	char a[64], b[64], d[32];
	const char *name = model_scenario_name(m);
	char *s, *ended;

	o->heading(o, 1, "Executive summary");
	s = m->title ? fmt_u(m->title) : mem_printf("(untitled)");
	o->kv(o, "Exercise", s);
	free(s);
	s = mem_printf(FMT_U0 "%s" FMT_U1 "%s%s", name ? name : "(not named in the journal)",
	               m->sha256 ? ", SHA-256 " : "", m->sha256 ? m->sha256 : "");
	o->kv(o, "Scenario", s);
	free(s);
	fmt_datetime(m, 0, a, sizeof a);
	fmt_datetime(m, m->ended ? m->end_t : m->last_t, b, sizeof b);
	fmt_dur(m->ended ? m->end_t : m->last_t, d, sizeof d);
	ended = fmt_ended(m);
	if (a[0] != '\0')
		s = mem_printf("%s to %s (in-world), %s played; %s", a, b, d, ended);
	else
		s = mem_printf("%s played; %s", d, ended);
	o->kv(o, "Dates", s);
	free(s);
	free(ended);
	for (int k = 0; k < m->n_teams; k++) {
		char *obj = summary_team_objectives(m, k);
		s = mem_printf("%s, " FMT_U0 "%s" FMT_U1 ": score %ld; %s", m->teams[k].id,
		               m->teams[k].name, m->teams[k].score, obj);
		o->kv(o, k == 0 ? "Teams" : "", s);
		free(obj);
		free(s);
	}
	summary_response(o, m, 0);
	summary_response(o, m, 1);
	summary_missed(o, m);
	summary_rfis(o, m);
	summary_steer(o, m);
	summary_hotwash(o, m);
}

/* The objectives × teams table, SUMMARY_TEAMS teams at a time, then the objectives' texts. */
void summary_objectives(const struct model *m, const struct out *o)
{
	struct out_col cols[SUMMARY_TEAMS + 2];
	int rows = m->n_objectives + 1;

	o->heading(o, 1, "Objectives by team");
	if (m->c.met + m->c.missed == 0) {
		o->para(o, "No expectation was evaluated.");
		return;
	}
	o->para(o, "Each cell: the team's evaluations for the objective (the engine's expect, or "
	           "the evaluators' validate where one was given): met or missed when there was "
	           "one, else how many of them were met (2/3 met).");
	steerout_note(m, o, false);
	for (int k0 = 0; k0 < m->n_teams; k0 += SUMMARY_TEAMS) {
		int n = m->n_teams - k0 < SUMMARY_TEAMS ? m->n_teams - k0 : SUMMARY_TEAMS;
		bool last = k0 + n == m->n_teams;
		cols[0] = (struct out_col){"Objective", 9, 'l'};
		for (int c = 0; c < n; c++)
			cols[c + 1] = (struct out_col){m->teams[k0 + c].id, 9, 'l'};
		cols[n + 1] = (struct out_col){"All teams", 9, 'l'};
		o->table(o, cols, n + 1 + last, 0);
		for (int j = 0; j < rows; j++) {
			char *v[SUMMARY_TEAMS + 2];
			long sm = 0, sa = 0;
			for (int k = 0; k < m->n_teams; k++) {
				long met, all;
				summary_counts(m, k, j, &met, &all);
				sm += met;
				sa += all;
			}
			if (sa == 0 && j == m->n_objectives)
				continue;
			v[0] = mem_strdup(model_objective_id(m, j < m->n_objectives ? j : -1));
			for (int c = 0; c < n; c++) {
				long met, all;
				summary_counts(m, k0 + c, j, &met, &all);
				v[c + 1] = summary_cell(met, all);
			}
			if (last)
				v[n + 1] = summary_cell(sm, sa);
			o->row(o, v);
		}
		o->end(o);
	}
	for (int j = 0; j < m->n_objectives; j++) {
		char *text = m->objectives[j].text ? fmt_u(m->objectives[j].text)
		                                   : mem_printf("(not in the header)");
		o->item(o, 0, m->objectives[j].id, text);
		free(text);
	}
}
