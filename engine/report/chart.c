/* The HTML report's charts as inline SVG: response times against deadlines, scores over time,
 * the sharing matrix. Each has a text equivalent that sections write in every format. */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fmt.h"
#include "html.h"

/* Geometry, in SVG user units. */
enum {
	CHART_W = 1000, /* width */
	CHART_L = 120,  /* left gutter (labels) */
	CHART_R = 90,   /* right margin (team labels on the score chart) */
	CHART_ROW = 18, /* one inject in the response chart */
	CHART_ROWS = 60 /* injects drawn at most (the table lists every one) */
};

/* The colour of team k (ten, then again). */
static const char *chart_colour(int k)
{
	static const char *const c[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
	                                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

	return c[k % 10];
}

/* A round step for an axis over span seconds: at most 8 ticks. */
static long chart_step(long span)
{
	static const long steps[] = {60,   120,  300,   600,   900,   1800,
	                             3600, 7200, 10800, 21600, 43200, 86400};
	size_t i = 0;

	while (i + 1 < sizeof steps / sizeof *steps && span / steps[i] > 8)
		i++;
	return steps[i];
}

/* A vertical grid line at x from top to bottom, labelled at the top (at most max bytes). */
static void chart_vgrid(FILE *f, double x, int top, int bottom, const char *label, int max)
{
	fprintf(f,
	        "<line class=\"cgr\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
	        "<text class=\"cax cm\" x=\"%.1f\" y=\"16\">%.*s</text>\n",
	        x, top, x, bottom, x, max, label);
}

/* The opening <svg> with its accessible name and a pointer to its text equivalent. */
static void chart_open(FILE *f, int w, int h, const char *label, const char *table)
{
	fprintf(f,
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	        "height=\"%d\" role=\"img\" aria-label=\"%s\" aria-describedby=\"%s\">\n"
	        "<style>.cax{font:11px sans-serif;fill:#333}.cm{text-anchor:middle}"
	        ".cgr{stroke:#d0d7e1;stroke-width:1}.cband{fill:#eef2f7}"
	        ".cdl{stroke:#c62828;stroke-width:2}.clbl{font:11px sans-serif;fill:#111}"
	        ".ccnt{font:12px sans-serif;text-anchor:middle}</style>\n",
	        w, h, w, h, label, table);
}

/* Team colours as a legend at y, with the symbols used. */
static void chart_legend(const struct model *m, FILE *f, int y, int symbols)
{
	int x = CHART_L;

	for (int k = 0; k < m->n_teams && x < CHART_W - 60; k++) {
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x,
		        y - 9, chart_colour(k));
		fprintf(f, "<text class=\"cax\" x=\"%d\" y=\"%d\">", x + 14, y);
		html_esc(f, m->teams[k].id);
		fputs("</text>", f);
		x += 24 + 8 * (int)strlen(m->teams[k].id);
	}
	if (symbols)
		fprintf(
		    f,
		    "<text class=\"cax\" x=\"%d\" y=\"%d\">dot: decided; cross: deadline missed; "
		    "ring: still open; red line: the deadline</text>",
		    CHART_L, y + 18);
	fputs("\n", f);
}

/* The x of duration d on a scale of 0..max. */
static double chart_x(long d, long max)
{
	return CHART_L + (double)(CHART_W - CHART_L - CHART_R) * (double)d / (double)max;
}

/* The longest time on the response chart: the latest deadline or response of its injects. */
static long chart_resp_max(const struct model *m, size_t end)
{
	long max = 60;

	for (size_t i = 0; i < end; i++) {
		if (m->resps[i].allowed > max)
			max = m->resps[i].allowed;
		if (m->resps[i].response > max)
			max = m->resps[i].response;
	}
	return max;
}

/* One team's mark on the response chart. */
static void chart_resp_mark(const struct model *m, FILE *f, const struct model_resp *r, long max,
                            int y)
{
	char a[32], b[32];
	const char *c = chart_colour(r->team);
	double x;

	fmt_dur(r->response, a, sizeof a);
	fmt_dur(r->allowed, b, sizeof b);
	y += 4 + (r->team % 3) * 4;
	if (r->status == 'd') {
		x = chart_x(r->response, max);
		fprintf(f, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\">", x, y, c);
	} else {
		x = chart_x(r->allowed >= 0 ? r->allowed : max, max);
		if (r->status == 't')
			fprintf(f,
			        "<path d=\"M%.1f %dl7 7m0 -7l-7 7\" stroke=\"%s\" "
			        "stroke-width=\"2.2\">",
			        x - 3.5, y - 3, c);
		else
			fprintf(f,
			        "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"none\" stroke=\"%s\" "
			        "stroke-width=\"1.6\">",
			        x, y, c);
	}
	fputs("<title>", f);
	html_esc(f, m->teams[r->team].id);
	fprintf(f, " %s: %s%s (allowed %s)</title>", r->inject,
	        r->status == 'd'   ? "decided after "
	        : r->status == 't' ? "deadline missed"
	                           : "open",
	        r->status == 'd' ? a : "", b);
	fputs(r->status == 't' ? "</path>\n" : "</circle>\n", f);
}

/* Response time per team per inject, against each inject's deadline (the first CHART_ROWS
 * injects). */
void chart_response(const struct model *m, FILE *f)
{
	size_t end = 0, rows = 0;
	long max, step;
	int top = 24, h;

	while (end < m->n_resps &&
	       (rows < CHART_ROWS || m->resps[end].order == m->resps[end - 1].order)) {
		if (end == 0 || m->resps[end].order != m->resps[end - 1].order)
			rows++;
		end++;
	}
	max = chart_resp_max(m, end);
	step = chart_step(max);
	h = top + (int)rows * CHART_ROW + 50;
	chart_open(f, CHART_W, h,
	           "Response time per team per inject, against the inject's deadline",
	           "t-response");
	for (long t = 0; t <= max; t += step) {
		char d[32];
		fmt_dur(t, d, sizeof d);
		chart_vgrid(f, chart_x(t, max), top, top + (int)rows * CHART_ROW, d, (int)sizeof d);
	}
	for (size_t i = 0, row = 0; i < end; row++) {
		int y = top + (int)row * CHART_ROW;
		size_t j = i;
		long allowed = -1;
		for (; j < end && m->resps[j].order == m->resps[i].order; j++)
			if (m->resps[j].allowed > allowed)
				allowed = m->resps[j].allowed;
		fprintf(f, "<text class=\"clbl\" x=\"6\" y=\"%d\">", y + 13);
		html_esc(f, m->resps[i].inject);
		fputs("</text>\n", f);
		if (allowed >= 0)
			fprintf(
			    f,
			    "<rect class=\"cband\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>"
			    "<line class=\"cdl\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
			    CHART_L, y + 1, chart_x(allowed, max) - CHART_L, CHART_ROW - 2,
			    chart_x(allowed, max), y + 1, chart_x(allowed, max), y + CHART_ROW - 1);
		for (; i < j; i++)
			chart_resp_mark(m, f, &m->resps[i], max, y);
	}
	chart_legend(m, f, top + (int)rows * CHART_ROW + 20, 1);
	fputs("</svg>\n", f);
}

/* The span of the score chart: to ENDEX, else to the planned end or the last event. */
static long chart_span(const struct model *m)
{
	long span = m->ended ? m->end_t : m->last_t;

	if (!m->ended && m->duration > span)
		span = m->duration;
	return span > 60 ? span : 60;
}

/* The score of every team over exercise time, as steps. */
void chart_score(const struct model *m, FILE *f)
{
	long span = chart_span(m), lo = 0, hi = 1, step = chart_step(span);
	int top = 24, ph = 220;

	for (size_t i = 0; i < m->n_scores; i++) {
		lo = m->scores[i].total < lo ? m->scores[i].total : lo;
		hi = m->scores[i].total > hi ? m->scores[i].total : hi;
	}
	chart_open(f, CHART_W, top + ph + 50, "Score of each team over exercise time", "t-score");
#define CHART_Y(v) (top + (double)ph * (double)(hi - (v)) / (double)(hi - lo))
	for (long t = 0; t <= span; t += step) {
		char off[32];
		fmt_offset(t, off, sizeof off);
		chart_vgrid(f, chart_x(t, span), top, top + ph, off, 8);
	}
	fprintf(f,
	        "<line class=\"cgr\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
	        "stroke-dasharray=\"4 3\"/>"
	        "<text class=\"cax\" x=\"6\" y=\"%.1f\">0</text><text class=\"cax\" x=\"6\" "
	        "y=\"%.1f\">%ld</text><text class=\"cax\" x=\"6\" y=\"%.1f\">%ld</text>\n",
	        CHART_L, CHART_Y(0), chart_x(span, span), CHART_Y(0), CHART_Y(0) + 4,
	        CHART_Y(hi) + 10, hi, CHART_Y(lo), lo);
	for (int k = 0; k < m->n_teams; k++) {
		long total = 0;
		fprintf(f, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"M%.1f %.1f",
		        chart_colour(k), chart_x(0, span), CHART_Y(0));
		for (size_t i = 0; i < m->n_scores; i++) {
			if (m->scores[i].team != k)
				continue;
			total = m->scores[i].total;
			fprintf(f, "H%.1fV%.1f", chart_x(m->scores[i].t, span), CHART_Y(total));
		}
		fprintf(f, "H%.1f\"><title>", chart_x(span, span));
		html_esc(f, m->teams[k].id);
		fprintf(
		    f,
		    ": %ld</title></path><text class=\"clbl\" x=\"%.1f\" y=\"%.1f\" fill=\"%s\">",
		    total, chart_x(span, span) + 4, CHART_Y(total) + 4, chart_colour(k));
		html_esc(f, m->teams[k].id);
		fprintf(f, " %ld</text>\n", total);
	}
#undef CHART_Y
	chart_legend(m, f, top + ph + 30, 0);
	fputs("</svg>\n", f);
}

/* The sharing matrix: a cell per pair of teams, shaded by how many shares reached the column's
 * team from the row's. */
void chart_sharing(const struct model *m, FILE *f)
{
	int n = m->n_teams, cell = 40, left = 80, top = 40;
	long max = 1;

	for (size_t i = 0; i < (size_t)n * (size_t)n; i++)
		max = m->pairs[i].count > max ? m->pairs[i].count : max;
	chart_open(f, left + n * cell + 10, top + n * cell + 10,
	           "Sharing matrix: shares from each team (rows) that "
	           "reached each team (columns)",
	           "t-sharing");
	for (int a = 0; a < n; a++) {
		fprintf(f, "<text class=\"clbl\" x=\"6\" y=\"%d\">", top + a * cell + cell / 2 + 4);
		html_esc(f, m->teams[a].id);
		fprintf(f,
		        "</text><text class=\"clbl cm\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
		        left + a * cell + cell / 2, top - 8);
		html_esc(f, m->teams[a].id);
		fputs("</text>\n", f);
		for (int b = 0; b < n; b++) {
			long c = m->pairs[(size_t)a * (size_t)n + (size_t)b].count;
			fprintf(f,
			        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			        "fill=\"rgba(31,95,168,%.2f)\" stroke=\"#c8c8c8\"/>",
			        left + b * cell, top + a * cell, cell, cell,
			        a == b  ? 0.0
			        : c > 0 ? 0.12 + 0.6 * (double)c / (double)max
			                : 0.0);
			fprintf(f, "<text class=\"ccnt\" x=\"%d\" y=\"%d\">",
			        left + b * cell + cell / 2, top + a * cell + cell / 2 + 4);
			if (a == b)
				fputs("-</text>\n", f);
			else
				fprintf(f, "%ld</text>\n", c);
		}
	}
	fputs("</svg>\n", f);
}
