/* The sections of the after-action report, written once for every text format. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fmt.h"
#include "out.h"
#include "steerout.h"

/* Emit a row of n cells copied from the strings given (NULL is empty). */
static void sections_row(const struct out *o, int n, ...)
{
	char *v[OUT_COLS];
	va_list ap;

	va_start(ap, n);
	for (int c = 0; c < n && c < OUT_COLS; c++) {
		const char *s = va_arg(ap, const char *);
		v[c] = mem_strdup(s ? s : "");
	}
	va_end(ap);
	o->row(o, v);
}

/* A list entry whose text is a user's text. */
static void sections_item(const struct out *o, int level, const char *lead, const char *text)
{
	char *u = fmt_u(text);

	o->item(o, level, lead, u);
	free(u);
}

/* "T+HH:MM:SS HH:MM" of t, the clock part only with a start. */
static void sections_when(const struct model *m, long t, char *buf, size_t n)
{
	char off[32], clock[32];

	fmt_offset(t, off, sizeof off);
	fmt_clock(m, t, clock, sizeof clock);
	snprintf(buf, n, "%s%s%s", off, clock[0] ? " " : "", clock);
}

/* Emit a summary line made like printf. */
static void sections_kvf(const struct out *o, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Emit a summary line made like printf. */
static void sections_kvf(const struct out *o, const char *key, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = mem_vprintf(fmt, ap);
	va_end(ap);
	o->kv(o, key, s);
	free(s);
}

/* The summary's table of teams: scores and the main numbers. */
static void sections_team_table(const struct out *o, const struct model *m)
{
	static const struct out_col cols[] = {
	    {"Team", 12, 'l'},
	    {"Score", 6, 'r'},
	    {"Decided", 7, 'r'},
	    {"Missed\ndeadlines", 9, 'r'},
	    {"Still\nopen", 5, 'r'},
	    {"Mean\nresponse", 8, 'r'},
	    {"Shares\nsent", 6, 'r'},
	    {"Expected\nmet", 8, 'r'},
	    {"Expected\nmissed", 8, 'r'},
	};

	if (m->n_teams == 0)
		return;
	o->table(o, cols, 9, 0);
	for (int k = 0; k < m->n_teams; k++) {
		const struct model_team *tm = &m->teams[k];
		char *v[9], mean[32];
		fmt_dur(fmt_mean(tm->resp_sum, tm->resp_n), mean, sizeof mean);
		v[0] = mem_strdup(tm->id);
		v[1] = mem_printf("%ld", tm->score);
		v[2] = mem_printf("%ld", tm->n_decisions - tm->n_timeouts);
		v[3] = mem_printf("%ld", tm->n_timeouts);
		v[4] = mem_printf("%ld", tm->n_open);
		v[5] = mem_strdup(mean);
		v[6] = mem_printf("%ld", tm->shares_sent);
		v[7] = mem_printf("%ld", tm->n_met);
		v[8] = mem_printf("%ld", tm->n_checks - tm->n_met);
		o->row(o, v);
	}
	o->end(o);
}

/* The teams as one line: "al AKCESK (Albania); xk ...", a new string. */
static char *sections_team_list(const struct model *m)
{
	char *s = mem_printf("%d", m->n_teams), *next;

	for (int k = 0; k < m->n_teams; k++) {
		next = mem_printf("%s%s %s: " FMT_U0 "%s" FMT_U1, s, k ? ";" : ":", m->teams[k].id,
		                  m->teams[k].name);
		free(s);
		s = next;
	}
	return s;
}

/* Title, start, duration, how it ended, teams and counts. */
static void sections_summary(const struct out *o, const struct model *m)
{
	const struct model_counts *c = &m->c;
	char a[64], d[32], when[64];
	char *ended = fmt_ended(m);

	o->heading(o, 1, "Summary");
	if (m->scenario != NULL && m->has_seed)
		sections_kvf(o, "Scenario", FMT_U0 "%s" FMT_U1 ", seed %ld", model_scenario_name(m),
		             m->seed);
	else if (m->scenario != NULL)
		sections_kvf(o, "Scenario", FMT_U0 "%s" FMT_U1, model_scenario_name(m));
	if (m->sha256 != NULL)
		o->kv(o, "SHA-256", m->sha256);
	fmt_datetime(m, 0, a, sizeof a);
	sections_kvf(o, "STARTEX", "%s%sT+00:00:00", a, a[0] ? ", " : "");
	if (m->duration >= 0) {
		fmt_dur(m->duration, d, sizeof d);
		fmt_datetime(m, m->duration, a, sizeof a);
		sections_kvf(o, "Planned", "%s%s%s", d, a[0] ? ", until " : "", a);
	}
	sections_when(m, m->ended ? m->end_t : m->last_t, when, sizeof when);
	sections_kvf(o, m->ended ? "Ended" : "Stopped", "%s, %s", when, ended);
	free(ended);
	fmt_dur(m->ended ? m->end_t : m->last_t, d, sizeof d);
	o->kv(o, "Played", d);
	sections_kvf(o, "Journal", FMT_U0 "%s" FMT_U1 ": %ld lines%s%s%s", fmt_base(m->path),
	             c->lines, m->tabletop ? ", tabletop " : "", m->tabletop ? m->tabletop : "",
	             m->partial ? "; the last line was cut off and left out" : "");
	sections_kvf(o, "Counts",
	             "injects %ld, decisions %ld (%ld at a missed deadline), still open %ld, "
	             "shares %ld, RFIs %ld (%ld unanswered), replies %ld, expectations met %ld "
	             "and missed %ld, notes %ld, hotwash answers %ld; events %ld in all",
	             c->injects, c->decisions, c->timeouts, c->open, c->shares, c->rfis,
	             c->rfis_unanswered, c->replies, c->met, c->missed, c->notes, c->answers,
	             c->events);
	ended = sections_team_list(m);
	o->kv(o, "Teams", ended);
	free(ended);
	sections_team_table(o, m);
}

/* The subject cell of an inject: its subject, then its decision's prompt and deadline. */
static char *sections_subject(const struct model_inject *in)
{
	char dl[32];

	if (!in->has_decision)
		return fmt_u(in->subject);
	fmt_offset(in->deadline, dl, sizeof dl);
	return mem_printf(FMT_U0 "%s" FMT_U1 "\nDecision%s%s: " FMT_U0 "%s" FMT_U1,
	                  in->subject ? in->subject : "", in->deadline >= 0 ? " by " : "",
	                  in->deadline >= 0 ? dl : "", in->prompt ? in->prompt : "");
}

/* The injects in the order they fired, with the phases between them. */
static void sections_timeline(const struct out *o, const struct model *m)
{
	static const struct out_col cols[] = {
	    {"T+", 10, 'l'}, {"Clock", 11, 'l'},  {"Inject", 12, 'l'},
	    {"To", 14, 'l'}, {"Subject", 0, 'l'},
	};
	size_t i = 0, p = 0;

	o->heading(o, 1, "Timeline of injects");
	if (m->n_injects == 0 && m->n_phases == 0) {
		o->para(o, "No inject fired.");
		return;
	}
	o->table(o, cols, 5, 0);
	while (i < m->n_injects || p < m->n_phases) {
		char *v[5], off[32], clock[32], *name;
		const struct model_inject *in;
		if (p < m->n_phases &&
		    (i == m->n_injects || m->phases[p].seq < m->injects[i].seq)) {
			fmt_offset(m->phases[p].t, off, sizeof off);
			fmt_clock(m, m->phases[p].t, clock, sizeof clock);
			name = fmt_u(m->phases[p].name);
			sections_row(o, 5, off, clock, "(phase)", "all", name);
			free(name);
			p++;
			continue;
		}
		in = &m->injects[i++];
		fmt_offset(in->t, off, sizeof off);
		fmt_clock(m, in->t, clock, sizeof clock);
		v[0] = mem_strdup(off);
		v[1] = mem_strdup(clock);
		v[2] = in->sent_by ? mem_printf("%s\n(white cell)", in->id) : mem_strdup(in->id);
		v[3] = fmt_to(m, in);
		v[4] = sections_subject(in);
		o->row(o, v);
	}
	o->end(o);
}

/* The matrix of counts (rows: from, columns: to), for as many teams as a table has room for. */
static void sections_matrix(const struct out *o, const struct model *m)
{
	struct out_col cols[OUT_COLS];
	char *v[OUT_COLS];
	int n = m->n_teams;

	if (n == 0 || n + 2 > OUT_COLS) /* the "From" and "Sent" columns around the teams */
		return;
	o->para(o, "Shares that reached each team (rows: from, columns: to); a share to all "
	           "counts once for every other team.");
	cols[0] = (struct out_col){"From \\ to", 10, 'l'};
	for (int k = 0; k < n; k++)
		cols[k + 1] = (struct out_col){m->teams[k].id, 6, 'r'};
	cols[n + 1] = (struct out_col){"Sent", 6, 'r'};
	if (o->chart != NULL)
		o->chart(o, m, OUT_CHART_SHARING);
	o->table(o, cols, n + 2, OUT_HEAT | OUT_T_SHARING);
	for (int a = 0; a < n; a++) {
		v[0] = mem_strdup(m->teams[a].id);
		for (int b = 0; b < n; b++) {
			long c = m->pairs[(size_t)a * (size_t)n + (size_t)b].count;
			v[b + 1] = a == b && c == 0 ? mem_printf("-") : mem_printf("%ld", c);
		}
		v[n + 1] = mem_printf("%ld", m->teams[a].shares_sent);
		o->row(o, v);
	}
	o->end(o);
}

/* Per team: what it sent and how soon after its first inject. */
static void sections_senders(const struct out *o, const struct model *m)
{
	static const struct out_col cols[] = {
	    {"Team", 8, 'l'},     {"Sent", 5, 'r'},          {"To all", 6, 'r'},
	    {"Received", 8, 'r'}, {"First inject", 12, 'l'}, {"First share", 11, 'l'},
	    {"After", 8, 'r'},
	};

	if (m->n_teams == 0)
		return;
	o->para(o, "By team: After is the time from the first inject a team received to its "
	           "first share.");
	o->table(o, cols, 7, 0);
	for (int k = 0; k < m->n_teams; k++) {
		const struct model_team *tm = &m->teams[k];
		char *v[7], buf[32];
		v[0] = mem_strdup(tm->id);
		v[1] = mem_printf("%ld", tm->shares_sent);
		v[2] = mem_printf("%ld", tm->shares_to_all);
		v[3] = mem_printf("%ld", tm->shares_received);
		fmt_offset(tm->first_inject, buf, sizeof buf);
		v[4] = mem_strdup(tm->first_inject >= 0 ? buf : "-");
		fmt_offset(tm->first_share, buf, sizeof buf);
		v[5] = mem_strdup(tm->first_share >= 0 ? buf : "-");
		fmt_dur(tm->first_share >= 0 && tm->first_inject >= 0
		            ? tm->first_share - tm->first_inject
		            : -1,
		        buf, sizeof buf);
		v[6] = mem_strdup(buf);
		o->row(o, v);
	}
	o->end(o);
}

/* Every pair that shared: how often and how soon. */
static void sections_pairs(const struct out *o, const struct model *m)
{
	static const struct out_col cols[] = {{"From", 8, 'l'},
	                                      {"To", 8, 'l'},
	                                      {"Shares", 6, 'r'},
	                                      {"First", 10, 'l'},
	                                      {"After first inject", 18, 'r'}};
	size_t n = (size_t)m->n_teams;
	bool any = false;

	for (size_t a = 0; a < n; a++) {
		for (size_t b = 0; b < n; b++) {
			const struct model_pair *p = &m->pairs[a * n + b];
			long first = m->teams[a].first_inject;
			char *v[5], at[32], after[32];
			if (p->count == 0)
				continue;
			if (!any) {
				o->para(o, "Who shared with whom: After is the time from the first "
				           "inject the sender received to its first share with "
				           "that team.");
				o->table(o, cols, 5, 0);
			}
			any = true;
			fmt_offset(p->first, at, sizeof at);
			fmt_dur(first >= 0 ? p->first - first : -1, after, sizeof after);
			v[0] = mem_strdup(m->teams[a].id);
			v[1] = mem_strdup(m->teams[b].id);
			v[2] = mem_printf("%ld", p->count);
			v[3] = mem_strdup(at);
			v[4] = mem_strdup(after);
			o->row(o, v);
		}
	}
	if (any)
		o->end(o);
}

/* The RFIs with their replies and answer times, then replies that answered none. */
static void sections_rfis(const struct out *o, const struct model *m)
{
	long sum = 0, n = 0;
	char buf[64], when[64];
	bool loose = false;
	char *s;

	o->heading(o, 1, "Requests for information");
	for (size_t i = 0; i < m->n_rfis; i++) {
		if (m->rfis[i].answered >= 0) {
			sum += m->rfis[i].answered - m->rfis[i].t;
			n++;
		}
	}
	fmt_dur(fmt_mean(sum, n), buf, sizeof buf);
	if (m->n_rfis == 0 && m->n_replies == 0) {
		o->para(o, "No RFIs.");
		return;
	}
	s = mem_printf("RFIs: %zu, %ld unanswered; mean answer time %s.", m->n_rfis,
	               m->c.rfis_unanswered, buf);
	o->para(o, s);
	free(s);
	for (size_t i = 0; i < m->n_rfis; i++) {
		const struct model_rfi *r = &m->rfis[i];
		sections_when(m, r->t, when, sizeof when);
		fmt_dur(r->answered >= 0 ? r->answered - r->t : -1, buf, sizeof buf);
		s = mem_printf("from %s%s" FMT_U0 "%s" FMT_U1 "%s at %s: %s%s",
		               m->teams[r->team].id, r->by ? " (" : "", r->by ? r->by : "",
		               r->by ? ")" : "", when,
		               r->answered >= 0 ? "answered after " : "UNANSWERED",
		               r->answered >= 0 ? buf : "");
		o->item(o, 0, r->id, s);
		free(s);
		sections_item(o, 1, "Q:", r->text);
		for (long j = r->first_reply; j >= 0; j = m->replies[j].next) {
			sections_when(m, m->replies[j].t, when, sizeof when);
			s = mem_printf("A (%s):", when);
			sections_item(o, 1, s, m->replies[j].text);
			free(s);
		}
	}
	for (size_t j = 0; j < m->n_replies; j++) {
		if (m->replies[j].rfi >= 0)
			continue;
		if (!loose)
			o->para(o, "Replies that answered no open RFI:");
		loose = true;
		sections_when(m, m->replies[j].t, when, sizeof when);
		s = mem_printf("%s to %s:", when, m->teams[m->replies[j].team].id);
		sections_item(o, 0, s, m->replies[j].text);
		free(s);
	}
}

/* The facilitators' notes. */
static void sections_notes(const struct out *o, const struct model *m)
{
	char when[64];

	o->heading(o, 1, "Facilitators' notes");
	if (m->n_notes == 0)
		o->para(o, "None.");
	for (size_t i = 0; i < m->n_notes; i++) {
		char *lead;
		sections_when(m, m->notes[i].t, when, sizeof when);
		lead = mem_printf("[%s]%s" FMT_U0 "%s" FMT_U1 "%s", when, m->notes[i].by ? " " : "",
		                  m->notes[i].by ? m->notes[i].by : "", m->notes[i].by ? ":" : "");
		sections_item(o, 0, lead, m->notes[i].text);
		free(lead);
	}
}

/* The text of hotwash question q: from the list, else from an answer to it. */
static const char *sections_question(const struct model *m, long q, size_t a)
{
	if (q >= 1 && (size_t)q <= m->n_questions)
		return m->questions[q - 1];
	if (a < m->n_answers && m->answers[a].n == q && m->answers[a].question != NULL)
		return m->answers[a].question;
	return "(a question that was not asked)";
}

/* The hotwash questions and every team's answers. */
static void sections_hotwash(const struct out *o, const struct model *m)
{
	long nq = (long)m->n_questions, q = 1;
	size_t a = 0;

	o->heading(o, 1, "Hotwash");
	if (nq == 0 && m->n_answers == 0)
		o->para(o, "No hotwash in this journal.");
	while (q <= nq || a < m->n_answers) {
		long cur = q <= nq ? q : m->answers[a].n;
		char *lead;
		if (a < m->n_answers && m->answers[a].n < cur)
			cur = m->answers[a].n;
		q = cur >= q ? cur + 1 : q;
		lead = mem_printf("%ld.", cur);
		sections_item(o, 0, lead, sections_question(m, cur, a));
		free(lead);
		if (a == m->n_answers || m->answers[a].n != cur)
			o->item(o, 1, "", "No answer.");
		for (; a < m->n_answers && m->answers[a].n == cur; a++) {
			const struct model_answer *an = &m->answers[a];
			lead =
			    mem_printf("%s%s" FMT_U0 "%s" FMT_U1 "%s:", m->teams[an->team].id,
			               an->by ? " (" : "", an->by ? an->by : "", an->by ? ")" : "");
			sections_item(o, 1, lead, an->text);
			free(lead);
		}
	}
}

/* Write every section of the report (a struct model) through o. */
void sections_write(const struct out *o, const void *arg)
{
	const struct model *m = arg;

	summary_write(m, o);
	sections_summary(o, m);
	summary_objectives(m, o);
	if (o->chart != NULL) {
		o->heading(o, 1, "Timeline by team");
		o->chart(o, m, OUT_CHART_TIMELINE);
	}
	figures_write(m, o);
	sections_timeline(o, m);
	teampart_write(m, o);
	o->heading(o, 1, "Information sharing");
	if (m->n_shares == 0) {
		o->para(o, "Nobody shared anything.");
	} else {
		sections_matrix(o, m);
		sections_senders(o, m);
		sections_pairs(o, m);
	}
	sections_rfis(o, m);
	steerout_write(m, o);
	sections_notes(o, m);
	sections_hotwash(o, m);
}
