/* The teams section of the report: each team's decisions, deadlines, expectations and score. */
#include <stdbool.h>
#include <stdlib.h>

#include "../core/mem.h"
#include "fmt.h"
#include "out.h"
#include "steerout.h"

/* A team's decisions, with response times. */
static void teampart_decisions(const struct out *o, const struct model *m, int k)
{
	static const struct out_col cols[] = {
	    {"Inject", 12, 'l'},  {"Reached", 10, 'l'}, {"Decided", 10, 'l'},
	    {"Response", 8, 'r'}, {"Option", 0, 'l'},   {"By", 14, 'l'},
	};

	o->heading(o, 3, "Decisions");
	if (m->teams[k].n_decisions == 0) {
		o->para(o, "None.");
		return;
	}
	o->table(o, cols, 6, 0);
	for (size_t i = 0; i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		char *v[6], buf[32];
		if (d->team != k)
			continue;
		v[0] = mem_strdup(d->inject);
		fmt_offset(d->fired, buf, sizeof buf);
		v[1] = mem_strdup(d->fired >= 0 ? buf : "-");
		fmt_offset(d->t, buf, sizeof buf);
		v[2] = mem_strdup(buf);
		fmt_dur(d->response, buf, sizeof buf);
		v[3] = mem_strdup(buf);
		v[4] = steerout_option(m, d);
		v[5] = d->timeout ? mem_printf("(deadline)") : fmt_u(d->by);
		o->row(o, v);
	}
	o->end(o);
}

/* A team's missed deadlines, and the decisions it never took. */
static void teampart_deadlines(const struct out *o, const struct model *m, int k)
{
	static const struct out_col cols[] = {
	    {"Inject", 12, 'l'}, {"Reached", 10, 'l'}, {"Deadline", 10, 'l'}, {"Recorded", 0, 'l'}};
	const struct model_team *tm = &m->teams[k];
	char a[32], b[32];

	o->heading(o, 3, "Missed deadlines");
	if (tm->n_timeouts == 0)
		o->para(o, "None.");
	else
		o->table(o, cols, 4, 0);
	for (size_t i = 0; tm->n_timeouts > 0 && i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		char *v[4];
		if (d->team != k || !d->timeout)
			continue;
		fmt_offset(d->fired, a, sizeof a);
		fmt_offset(d->t, b, sizeof b);
		v[0] = mem_strdup(d->inject);
		v[1] = mem_strdup(d->fired >= 0 ? a : "-");
		v[2] = mem_strdup(b);
		v[3] =
		    d->option ? mem_printf("%s (the default)", d->option) : mem_printf("nothing");
		o->row(o, v);
	}
	if (tm->n_timeouts > 0)
		o->end(o);
	if (tm->n_open == 0)
		return;
	o->heading(o, 3, "Still undecided when the journal ends");
	o->table(o, cols, 3, 0);
	for (size_t i = 0; i < m->n_opens; i++) {
		const struct model_open *op = &m->opens[i];
		char *v[3];
		if (op->team != k)
			continue;
		fmt_offset(op->fired, a, sizeof a);
		fmt_offset(op->deadline, b, sizeof b);
		v[0] = mem_strdup(op->inject);
		v[1] = mem_strdup(a);
		v[2] = mem_strdup(op->deadline >= 0 ? b : "none");
		o->row(o, v);
	}
	o->end(o);
}

/* How an expectation was judged, as a new string: the engine's verdict and reason, then the
 * last facilitator's. */
static char *teampart_how(const struct model_check *c)
{
	char r[32], w[32], *eng, *s;

	fmt_dur(c->response, r, sizeof r);
	fmt_dur(c->within, w, sizeof w);
	if (!c->has_expect)
		eng = mem_strdup("");
	else if (c->reason != NULL)
		eng = mem_printf("engine: %s, " FMT_U0 "%s" FMT_U1,
		                 c->expect_met ? "met" : "missed", c->reason);
	else
		eng =
		    mem_printf("engine: %s, chose %s%s%s%s%s%s%s", c->expect_met ? "met" : "missed",
		               c->option ? c->option : "nothing", c->response >= 0 ? " after " : "",
		               c->response >= 0 ? r : "", c->expected ? "; expected " : "",
		               c->expected ? c->expected : "", c->within >= 0 ? " within " : "",
		               c->within >= 0 ? w : "");
	if (c->validates == 0)
		return eng;
	s = mem_printf("%s%svalidated %s by " FMT_U0 "%s" FMT_U1 "%s" FMT_U0 "%s" FMT_U1, eng,
	               eng[0] ? "\n" : "", c->validate_met ? "met" : "missed",
	               c->by ? c->by : "a facilitator", c->text ? ": " : "",
	               c->text ? c->text : "");
	free(eng);
	return s;
}

/* A team's expectations, met and missed, by objective. */
static void teampart_objectives(const struct out *o, const struct model *m, int k)
{
	static const struct out_col sums[] = {
	    {"Objective", 10, 'l'}, {"Met", 4, 'r'}, {"Missed", 6, 'r'}, {"Text", 0, 'l'}};
	static const struct out_col cols[] = {
	    {"Objective", 10, 'l'}, {"Result", 6, 'l'}, {"Inject", 12, 'l'}, {"How", 0, 'l'}};
	const struct model_team *tm = &m->teams[k];

	o->heading(o, 3, "Expectations by objective");
	if (tm->n_checks == 0) {
		o->para(o, "None evaluated.");
		return;
	}
	o->table(o, sums, 4, 0);
	for (int j = 0; j <= m->n_objectives; j++) {
		char *v[4];
		if (tm->obj_met[j] + tm->obj_missed[j] == 0)
			continue;
		v[0] = mem_strdup(j < m->n_objectives ? m->objectives[j].id : "(none)");
		v[1] = mem_printf("%ld", tm->obj_met[j]);
		v[2] = mem_printf("%ld", tm->obj_missed[j]);
		v[3] = j < m->n_objectives ? fmt_u(m->objectives[j].text)
		                           : mem_printf("not tied to an objective");
		o->row(o, v);
	}
	o->end(o);
	o->table(o, cols, 4, 0);
	for (size_t i = 0; i < m->n_checks; i++) {
		const struct model_check *c = &m->checks[i];
		char *v[4];
		if (c->team != k)
			continue;
		v[0] = mem_strdup(model_objective_id(m, c->objective));
		v[1] = mem_strdup(c->met ? "met" : "missed");
		v[2] = mem_strdup(c->inject);
		v[3] = teampart_how(c);
		o->row(o, v);
	}
	o->end(o);
}

/* A team's score and the reasons for it. */
static void teampart_score(const struct out *o, const struct model *m, int k)
{
	static const struct out_col cols[] = {
	    {"At", 10, 'l'}, {"Points", 6, 'r'}, {"Total", 6, 'r'}, {"Reason", 0, 'l'}};
	char *head = mem_printf("Score: %ld", m->teams[k].score);

	o->heading(o, 3, head);
	free(head);
	if (m->teams[k].n_scores == 0) {
		o->para(o, "No points given or taken.");
		return;
	}
	o->table(o, cols, 4, 0);
	for (size_t i = 0; i < m->n_scores; i++) {
		const struct model_score *s = &m->scores[i];
		char *v[4], at[32];
		if (s->team != k)
			continue;
		fmt_offset(s->t, at, sizeof at);
		v[0] = mem_strdup(at);
		v[1] = mem_printf("%+ld", s->delta);
		v[2] = mem_printf("%ld", s->total);
		v[3] = fmt_u(s->reason);
		o->row(o, v);
	}
	o->end(o);
}

/* Everything the team received, did and was judged on, in the order it happened. */
static void teampart_log(const struct out *o, const struct model *m, int k)
{
	static const struct out_col cols[] = {
	    {"T+", 10, 'l'}, {"What", 20, 'l'}, {"By", 12, 'l'}, {"Text", 0, 'l'}};
	bool any = false;

	o->heading(o, 3, "Log");
	for (long i = m->teams[k].first_log; i >= 0; i = m->log[i].next) {
		const struct model_entry *e = &m->log[i];
		char *v[4], at[32];
		if (!any)
			o->table(o, cols, 4, 0);
		any = true;
		fmt_offset(e->t, at, sizeof at);
		v[0] = mem_strdup(at);
		v[1] = fmt_entry_what(e);
		v[2] = fmt_u(e->by);
		v[3] = fmt_entry_text(e);
		o->row(o, v);
	}
	if (any)
		o->end(o);
	else
		o->para(o, "Nothing.");
}

/* The teams section: one part per team with its decisions, deadlines, expectations, score. */
void teampart_write(const struct model *m, const struct out *o)
{
	o->heading(o, 1, "Teams");
	for (int k = 0; k < m->n_teams; k++) {
		const struct model_team *tm = &m->teams[k];
		char mean[32], lo[32], hi[32];
		char *s = mem_printf("Team %s: " FMT_U0 "%s" FMT_U1, tm->id, tm->name);
		o->heading(o, 2, s);
		free(s);
		fmt_dur(fmt_mean(tm->resp_sum, tm->resp_n), mean, sizeof mean);
		fmt_dur(tm->resp_n ? tm->resp_min : -1, lo, sizeof lo);
		fmt_dur(tm->resp_n ? tm->resp_max : -1, hi, sizeof hi);
		s = mem_printf("Score %ld. Decisions: %ld in time (mean response %s, fastest %s, "
		               "slowest %s), %ld at a missed deadline, %ld still open. Shares: %ld "
		               "sent, %ld received. RFIs: %ld, %ld unanswered.",
		               tm->score, tm->n_decisions - tm->n_timeouts, mean, lo, hi,
		               tm->n_timeouts, tm->n_open, tm->shares_sent, tm->shares_received,
		               tm->rfis, tm->rfis_unanswered);
		o->para(o, s);
		free(s);
		teampart_decisions(o, m, k);
		teampart_deadlines(o, m, k);
		teampart_objectives(o, m, k);
		teampart_score(o, m, k);
		teampart_log(o, m, k);
	}
}
