/* The swimlane timeline of the HTML report: one lane per team, an hour axis in T+ and clock. */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "fmt.h"
#include "html.h"

/* Geometry of the figure, in SVG user units. */
enum {
	SVG_W = 1000,  /* width */
	SVG_L = 170,   /* the lane labels' gutter */
	SVG_R = 24,    /* right margin */
	SVG_TOP = 48,  /* the two axis rows */
	SVG_LANE = 44, /* one lane */
	SVG_PH = 22,   /* the row of phase names under the lanes */
	SVG_LEG = 44,  /* the legend */
};

/* The time the figure spans: to ENDEX, or to the planned duration or the last event. */
static long svg_span(const struct model *m)
{
	long span = m->ended ? m->end_t : m->last_t;

	if (!m->ended && m->duration > span)
		span = m->duration;
	for (size_t i = 0; i < m->n_injects; i++)
		if (m->injects[i].t > span)
			span = m->injects[i].t;
	return span > 60 ? span : 60;
}

/* The x of time t. */
static double svg_x(long t, long span)
{
	return SVG_L + (double)(SVG_W - SVG_L - SVG_R) * (double)t / (double)span;
}

/* The top of team k's lane. */
static int svg_lane(int k)
{
	return SVG_TOP + k * SVG_LANE;
}

/* Write s escaped, cut to max code points (with "…" when cut). */
static void svg_clip(FILE *f, const char *s, size_t max)
{
	size_t i = 0, w = 0;
	char buf[1024];

	for (; s[i] != '\0' && i + 8 < sizeof buf; i++) {
		if (utf8_lead(s[i]) && w++ == max)
			break;
		buf[i] = s[i];
	}
	buf[i] = '\0';
	html_esc(f, buf);
	if (s[i] != '\0')
		fputs("\xE2\x80\xA6", f);
}

/* The axis step: the smallest round step that gives at most 12 ticks. */
static long svg_step(long span)
{
	static const long steps[] = {300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
	size_t i = 0;

	while (i + 1 < sizeof steps / sizeof *steps && span / steps[i] > 12)
		i++;
	return steps[i];
}

/* The axis: a T+ and a clock label per step, and grid lines through the lanes. */
static void svg_axis(const struct model *m, FILE *f, long span, int bottom)
{
	long step = svg_step(span);
	char clock[32];

	fprintf(f, "<text x=\"%d\" y=\"18\" class=\"axl\">T+ (exercise time)</text>\n", 8);
	if (m->start_epoch >= 0)
		fprintf(f, "<text x=\"%d\" y=\"36\" class=\"axl\">in-world clock</text>\n", 8);
	for (long t = 0; t <= span; t += step) {
		double x = svg_x(t, span);
		fprintf(f,
		        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>\n"
		        "<text x=\"%.1f\" y=\"18\" class=\"ax\">T+%02ld:%02ld</text>\n",
		        x, SVG_TOP - 6, x, bottom, x, t / 3600, t / 60 % 60);
		fmt_clock(m, t, clock, sizeof clock);
		if (clock[0] != '\0')
			fprintf(f, "<text x=\"%.1f\" y=\"36\" class=\"ax\">%s</text>\n", x, clock);
	}
}

/* The lanes: background bands and team labels. */
static void svg_lanes(const struct model *m, FILE *f)
{
	for (int k = 0; k < m->n_teams; k++) {
		int y = svg_lane(k);
		fprintf(f, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"%s\"/>\n", y,
		        SVG_W, SVG_LANE, k % 2 ? "lane2" : "lane1");
		fprintf(f, "<text x=\"8\" y=\"%d\" class=\"tid\">", y + 18);
		svg_clip(f, m->teams[k].id, 20);
		fprintf(f, "</text><text x=\"8\" y=\"%d\" class=\"tname\">", y + 33);
		svg_clip(f, m->teams[k].name, 22);
		fputs("<title>", f);
		html_esc(f, m->teams[k].name);
		fputs("</title></text>\n", f);
	}
}

/* A mark's tooltip: "T+HH:MM:SS (HH:MM) " and then text. */
static void svg_title(const struct model *m, FILE *f, long t, const char *what, const char *text)
{
	char off[32], clock[32];

	fmt_offset(t, off, sizeof off);
	fmt_clock(m, t, clock, sizeof clock);
	fprintf(f, "<title>%s%s%s%s ", off, clock[0] ? " (" : "", clock, clock[0] ? ")" : "");
	html_esc(f, what);
	if (text != NULL) {
		fputs(": ", f);
		svg_clip(f, text, 160);
	}
	fputs("</title>", f);
}

/* Injects: a blue triangle on every recipient's lane. */
static void svg_injects(const struct model *m, FILE *f, long span)
{
	for (size_t i = 0; i < m->n_injects; i++) {
		const struct model_inject *in = &m->injects[i];
		double x = svg_x(in->t, span);
		for (int j = 0; j < in->n_to; j++) {
			int y = svg_lane(in->to[j]) + 11;
			fprintf(f, "<path class=\"inj\" d=\"M%.1f %dh12l-6 10z\">", x - 6, y - 5);
			svg_title(m, f, in->t, in->id, in->subject);
			fputs("</path>\n", f);
		}
	}
}

/* Decisions: a green dot, or a red cross where the deadline passed. */
static void svg_decisions(const struct model *m, FILE *f, long span)
{
	for (size_t i = 0; i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		double x = svg_x(d->t, span);
		int y = svg_lane(d->team) + 23;
		char *what =
		    mem_printf("%s %s %s", m->teams[d->team].id,
		               d->timeout ? "missed the deadline of" : "decided", d->inject);
		char *opt = mem_printf("%s%s", d->timeout ? "recorded " : "",
		                       d->option ? d->option : "nothing");
		if (d->timeout)
			fprintf(f, "<path class=\"late\" d=\"M%.1f %dl8 8m0 -8l-8 8\">", x - 4,
			        y - 4);
		else
			fprintf(f, "<circle class=\"dec\" cx=\"%.1f\" cy=\"%d\" r=\"4.5\">", x, y);
		svg_title(m, f, d->t, what, opt);
		fputs(d->timeout ? "</path>\n" : "</circle>\n", f);
		free(what);
		free(opt);
	}
}

/* Shares: an orange diamond on the sender's lane, a line to the team it went to; hollow for a
 * share to all. */
static void svg_shares(const struct model *m, FILE *f, long span)
{
	for (size_t i = 0; i < m->n_shares; i++) {
		const struct model_share *s = &m->shares[i];
		double x = svg_x(s->t, span);
		int y = svg_lane(s->from) + 35;
		char *what =
		    mem_printf("%s shared with %s", m->teams[s->from].id, fmt_team(m, s->to));
		if (s->to >= 0 && s->to != s->from)
			fprintf(
			    f,
			    "<line class=\"link\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
			    x, y, x, svg_lane(s->to) + 35);
		fprintf(f, "<path class=\"%s\" d=\"M%.1f %dl6 6l-6 6l-6 -6z\">",
		        s->to < 0 ? "shrall" : "shr", x, y - 6);
		svg_title(m, f, s->t, what, s->text);
		fputs("</path>\n", f);
		free(what);
	}
}

/* Phases as dashed lines named under the lanes, and ENDEX as a red line. */
static void svg_phases(const struct model *m, FILE *f, long span, int bottom)
{
	for (size_t i = 0; i < m->n_phases; i++) {
		double x = svg_x(m->phases[i].t, span);
		double next = i + 1 < m->n_phases ? svg_x(m->phases[i + 1].t, span)
		              : m->ended          ? svg_x(m->end_t, span) - 48
		                                  : SVG_W - SVG_R;
		size_t room = next - x > 40 ? (size_t)((next - x - 10) / 7) : 3;
		fprintf(f,
		        "<line class=\"phase\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
		        "<text class=\"phl\" x=\"%.1f\" y=\"%d\">",
		        x, SVG_TOP, x, bottom, x + 3, bottom + 14);
		svg_clip(f, m->phases[i].name, room > 60 ? 60 : room);
		fputs("</text>\n", f);
	}
	if (m->ended) {
		double x = svg_x(m->end_t, span);
		fprintf(f,
		        "<line class=\"endex\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
		        "<text class=\"endl\" x=\"%.1f\" y=\"%d\">ENDEX</text>\n",
		        x, SVG_TOP - 6, x, bottom, x - 3, bottom + 14);
	}
}

/* The legend under the figure. */
static void svg_legend(FILE *f, int y)
{
	fprintf(f,
	        "<g transform=\"translate(20 %d)\" class=\"legend\">"
	        "<path class=\"inj\" d=\"M0 -5h12l-6 10z\"/><text x=\"18\" y=\"4\">inject</text>"
	        "<circle class=\"dec\" cx=\"96\" cy=\"0\" r=\"5.5\"/>"
	        "<text x=\"108\" y=\"4\">decision</text>"
	        "<path class=\"late\" d=\"M186 -5l10 10m0 -10l-10 10\"/>"
	        "<text x=\"204\" y=\"4\">deadline missed</text>"
	        "<path class=\"shr\" d=\"M340 -6l6 6l-6 6l-6 -6z\"/>"
	        "<text x=\"352\" y=\"4\">share (a line to the team it reached)</text>"
	        "<path class=\"shrall\" d=\"M628 -6l6 6l-6 6l-6 -6z\"/>"
	        "<text x=\"640\" y=\"4\">share to all</text>"
	        "<line class=\"phase\" x1=\"748\" y1=\"-8\" x2=\"748\" y2=\"8\"/>"
	        "<text x=\"756\" y=\"4\">phase</text>"
	        "<line class=\"endex\" x1=\"820\" y1=\"-8\" x2=\"820\" y2=\"8\"/>"
	        "<text x=\"828\" y=\"4\">ENDEX</text></g>\n",
	        y);
}

/* Write the swimlane timeline: one lane per team, injects, decisions and shares as marks. */
void svg_write(const struct model *m, FILE *f)
{
	long span = svg_span(m);
	int bottom = svg_lane(m->n_teams), height = bottom + SVG_PH + SVG_LEG;

	fprintf(f,
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	        "height=\"%d\" role=\"img\" aria-label=\"Timeline: one lane per team\">\n"
	        "<style>"
	        ".lane1{fill:#f4f7fb}.lane2{fill:#ffffff}.grid{stroke:#d0d7e1;stroke-width:1}"
	        ".ax,.axl,.phl,.endl,.legend text{font:12px sans-serif;fill:#333}"
	        ".ax{text-anchor:middle}.tid{font:bold 14px sans-serif;fill:#111}"
	        ".tname{font:12px sans-serif;fill:#444}"
	        ".inj{fill:#1f5fa8}.dec{fill:#2e8b3a}"
	        ".late{stroke:#c62828;stroke-width:2.2;fill:none}"
	        ".shr{fill:#e67e00}.shrall{fill:#ffffff;stroke:#e67e00;stroke-width:1.6}"
	        ".link{stroke:#e67e00;stroke-opacity:.45;stroke-width:1}"
	        ".phase{stroke:#777;stroke-dasharray:4 3}.endex{stroke:#c62828;stroke-width:1.5}"
	        ".endl{fill:#c62828;text-anchor:end;font-weight:bold}"
	        "</style>\n",
	        SVG_W, height, SVG_W, height);
	svg_lanes(m, f);
	svg_axis(m, f, span, bottom);
	svg_phases(m, f, span, bottom);
	svg_shares(m, f, span);
	svg_injects(m, f, span);
	svg_decisions(m, f, span);
	svg_legend(f, bottom + SVG_PH + 20);
	fputs("</svg>\n", f);
}
