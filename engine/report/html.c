/* The after-action report as one self-contained HTML page: inline CSS, an inline SVG timeline,
 * nothing fetched, made to print. */
#include "html.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "fmt.h"
#include "out.h"
#include "report.h"

/* What the HTML format remembers between operations. */
struct html {
	const struct out_col *cols;
	int n, flags;
	long heat_max; /* the largest count in a heat table */
	char **heat;   /* a heat table's rows, kept until its end to know the largest */
	size_t heat_rows, heat_cap;
	bool section; /* a <section> is open */
	bool team;    /* a team's <div> is open */
};

static const char html_css[] =
    ":root{color-scheme:light}"
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
    "sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:1200px;"
    "padding:0 24px 24px}"
    ".marking{text-align:center;font-weight:700;letter-spacing:.35em;color:#b00020;"
    "border:2px solid #b00020;padding:4px;margin:12px 0}"
    ".kicker{text-transform:uppercase;letter-spacing:.12em;color:#555;font-size:12px;"
    "margin:18px 0 0}"
    "h1{font-size:26px;margin:2px 0 8px}"
    "h2{font-size:20px;color:#1f4e79;border-bottom:2px solid #1f4e79;padding-bottom:3px;"
    "margin:30px 0 10px}"
    "h3{font-size:17px;border-bottom:1px solid #c8c8c8;margin:24px 0 6px}"
    "h4{font-size:14px;color:#333;margin:14px 0 4px}"
    "p{margin:6px 0}"
    "table{border-collapse:collapse;margin:6px 0 12px;font-size:.93em}"
    "th,td{border:1px solid #c8c8c8;padding:3px 7px;text-align:left;vertical-align:top}"
    "th{background:#eef2f7}"
    "tbody tr:nth-child(even){background:#fafbfc}"
    ".r{text-align:right;font-variant-numeric:tabular-nums}"
    ".kv{display:flex;gap:12px;margin:2px 0}.kv .k{flex:0 0 7.5em;font-weight:600;color:#333}"
    ".item{margin:3px 0}.item.l1{margin-left:2.2em}"
    "figure{margin:8px 0}figure svg{max-width:100%;height:auto;display:block}"
    "figcaption{font-size:12px;color:#555}"
    "p,.kv .v,h1,h2,h3,h4{overflow-wrap:anywhere}td,th{min-width:2em}"
    "bdi{unicode-bidi:isolate}.id{white-space:nowrap}"
    "@media print{body{max-width:none;padding:0;font-size:11px}"
    "section{break-before:page;page-break-before:always}"
    "section:first-of-type{break-before:auto;page-break-before:auto}"
    ".team{break-before:page;page-break-before:always}"
    "h2+.team{break-before:auto;page-break-before:auto}"
    ".marking,.hint{display:none}"
    "h2,h3,h4{break-after:avoid;page-break-after:avoid}"
    "tr,.item,.kv,figure{break-inside:avoid;page-break-inside:avoid}"
    "thead{display:table-header-group}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

static void html_timeline(const struct out *o, const struct model *m);

/* Write byte c escaped for HTML text and attribute values. */
static void html_byte(FILE *f, unsigned char c)
{
	switch (c) {
	case '&':
		fputs("&amp;", f);
		break;
	case '<':
		fputs("&lt;", f);
		break;
	case '>':
		fputs("&gt;", f);
		break;
	case '"':
		fputs("&quot;", f);
		break;
	case '\'':
		fputs("&#39;", f);
		break;
	default:
		putc_unlocked(c, f);
		break;
	}
}

/* Write s as HTML text (also safe in attribute values): & < > " ' escaped, C0 (but '\n' and
 * '\t'), DEL and C1 controls left out. */
void html_esc(FILE *f, const char *s)
{
	utf8_html(f, s);
}

/* The end of the word at s when it looks like an id with a hyphen ("AL-02", "RFI-1", at most
 * 24 bytes of letters, digits, '-', '_' and '.'), which must not be split; else NULL. */
static const char *html_id_end(const char *s)
{
	const char *p = s;
	bool hyphen = false, alnum = false;

	for (; *p != '\0' && *p != ' ' && *p != '\n' && p - s <= 24; p++) {
		unsigned char c = (unsigned char)*p;
		bool an = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
		alnum = alnum || an;
		if (c == '-')
			hyphen = true;
		else if (!an && c != '_' && c != '.' && c != ':' && c != ',' && c != ')' &&
		         c != '(')
			return NULL;
	}
	return hyphen && alnum && p - s <= 24 ? p : NULL;
}

/* Write a block's text: every marked user text isolated (<bdi>), line
 * breaks as <br>, a break point (<wbr>) in every FMT_RUN code points without a space, escaped,
 * controls left out. */
static void html_lines(FILE *f, const char *s)
{
	size_t run = 0, n;
	int depth = 0;
	const char *nw = NULL; /* the end of the id being written in a nowrap span */

	for (; *s != '\0'; s += n) {
		unsigned char c = (unsigned char)*s;
		if (*s == FMT_U0[0] || *s == FMT_U1[0]) {
			n = 1;
			if (*s == FMT_U0[0] && depth < 8) {
				fputs("<bdi>", f);
				depth++;
			} else if (*s == FMT_U1[0] && depth > 0) {
				fputs("</bdi>", f);
				depth--;
			}
			continue;
		}
		if (fmt_control(s, &n))
			continue;
		if (nw != NULL && s >= nw) {
			fputs("</span>", f);
			nw = NULL;
		}
		if (c == '\n' || c == ' ') {
			fputs(c == '\n' ? "<br>" : " ", f);
			run = 0;
			continue;
		}
		if (run == 0 && nw == NULL && (nw = html_id_end(s)) != NULL)
			fputs("<span class=\"id\">", f);
		if (utf8_lead((char)c) && run++ == FMT_RUN) {
			fputs("<wbr>", f);
			run = 1;
		}
		html_byte(f, c);
	}
	if (nw != NULL)
		fputs("</span>", f);
	while (depth-- > 0)
		fputs("</bdi>", f);
}

/* Close the open team <div> and, when all, the open <section>. */
static void html_close_to(const struct out *o, bool all)
{
	struct html *h = o->ctx;

	if (h->team)
		fputs("</div>\n", o->f);
	h->team = false;
	if (all && h->section)
		fputs("</section>\n", o->f);
	if (all)
		h->section = false;
}

/* Close the open team <div> and <section>, if any. */
static void html_close(const struct out *o)
{
	html_close_to(o, true);
}

/* A heading: sections open a <section> with an <h2>, teams <h3>, parts <h4>. */
static void html_heading(const struct out *o, int level, const char *text)
{
	struct html *h = o->ctx;

	if (level == 1) {
		html_close(o);
		fputs("<section>\n", o->f);
		h->section = true;
	} else if (level == 2) {
		html_close_to(o, false);
		fputs("<div class=\"team\">\n", o->f);
		h->team = true;
	}
	fprintf(o->f, "<h%d>", level + 1);
	html_lines(o->f, text);
	fprintf(o->f, "</h%d>\n", level + 1);
}

/* A paragraph. */
static void html_para(const struct out *o, const char *text)
{
	fputs("<p>", o->f);
	html_lines(o->f, text);
	fputs("</p>\n", o->f);
}

/* One "key: value" line of the summary. */
static void html_kv(const struct out *o, const char *key, const char *value)
{
	fputs("<div class=\"kv\"><span class=\"k\">", o->f);
	html_esc(o->f, key);
	fputs("</span><span class=\"v\">", o->f);
	html_lines(o->f, value);
	fputs("</span></div>\n", o->f);
}

/* Start a table: its heading row. */
static void html_table(const struct out *o, const struct out_col *cols, int n, int flags)
{
	struct html *h = o->ctx;

	h->cols = cols;
	h->n = n;
	h->flags = flags;
	h->heat_max = 0;
	if (flags & (OUT_T_RESPONSE | OUT_T_SCORE | OUT_T_SHARING))
		fprintf(o->f, "<table id=\"%s\">",
		        flags & OUT_T_RESPONSE ? "t-response"
		        : flags & OUT_T_SCORE  ? "t-score"
		                               : "t-sharing");
	else
		fputs("<table>", o->f);
	fputs("<thead><tr>", o->f);
	for (int c = 0; c < n; c++) {
		fputs(cols[c].align == 'r' ? "<th class=\"r\">" : "<th>", o->f);
		html_lines(o->f, cols[c].head);
		fputs("</th>", o->f);
	}
	fputs("</tr></thead><tbody>\n", o->f);
}

/* Write one row; heat cells are shaded by their share of max. */
static void html_print_row(const struct out *o, char **cells, long max)
{
	const struct html *h = o->ctx;

	fputs("<tr>", o->f);
	for (int c = 0; c < h->n; c++) {
		long v = atol(cells[c]);
		fputs(h->cols[c].align == 'r' ? "<td class=\"r\"" : "<td", o->f);
		if ((h->flags & OUT_HEAT) && c > 0 && c < h->n - 1 && v > 0 && max > 0)
			fprintf(o->f, " style=\"background:rgba(31,95,168,%.2f)\"",
			        0.08 + 0.37 * (double)v / (double)max);
		putc_unlocked('>', o->f);
		html_lines(o->f, cells[c]);
		fputs("</td>", o->f);
	}
	fputs("</tr>\n", o->f);
}

/* A row: written at once, or kept until the end of a heat table. Frees the cells. */
static void html_row(const struct out *o, char **cells)
{
	struct html *h = o->ctx;

	if (!(h->flags & OUT_HEAT)) {
		html_print_row(o, cells, 0);
		for (int c = 0; c < h->n; c++)
			free(cells[c]);
		return;
	}
	for (int c = 1; c < h->n - 1; c++)
		if (atol(cells[c]) > h->heat_max)
			h->heat_max = atol(cells[c]);
	h->heat = mem_grow(h->heat, h->heat_rows, &h->heat_cap, OUT_COLS * sizeof *h->heat);
	memcpy(&h->heat[h->heat_rows++ * OUT_COLS], cells, (size_t)h->n * sizeof *cells);
}

/* End a table, writing a heat table's kept rows. */
static void html_end(const struct out *o)
{
	struct html *h = o->ctx;

	for (size_t r = 0; r < h->heat_rows; r++) {
		html_print_row(o, &h->heat[r * OUT_COLS], h->heat_max);
		for (int c = 0; c < h->n; c++)
			free(h->heat[r * OUT_COLS + (size_t)c]);
	}
	h->heat_rows = 0;
	fputs("</tbody></table>\n", o->f);
}

/* A list entry: lead in bold, indented at level 1. */
static void html_item(const struct out *o, int level, const char *lead, const char *text)
{
	fprintf(o->f, "<p class=\"item l%d\">", level > 0);
	if (lead[0] != '\0') {
		fputs("<strong>", o->f);
		html_lines(o->f, lead);
		fputs("</strong> ", o->f);
	}
	html_lines(o->f, text);
	fputs("</p>\n", o->f);
}

/* A chart in a <figure>, its caption naming the table that says the same in words. */
static void html_chart(const struct out *o, const struct model *m, int kind)
{
	static const char *const caption[] = {
	    [OUT_CHART_RESPONSE] = "Each row is an inject with a decision; the shaded band is the "
	                           "time allowed, the red line its deadline, each mark a team. The "
	                           "table below gives the same figures.",
	    [OUT_CHART_SCORE] = "Each line is a team's score over exercise time. The table below "
	                        "gives the totals after every change.",
	    [OUT_CHART_SHARING] = "Rows: the team that shared; columns: the team it reached. The "
	                          "table below gives the same counts.",
	};

	fputs("<figure>\n", o->f);
	if (kind == OUT_CHART_TIMELINE) {
		html_timeline(o, m);
		return;
	}
	if (kind == OUT_CHART_RESPONSE)
		chart_response(m, o->f);
	else if (kind == OUT_CHART_SCORE)
		chart_score(m, o->f);
	else
		chart_sharing(m, o->f);
	fprintf(o->f, "<figcaption>%s</figcaption>\n</figure>\n", caption[kind]);
}

/* The swimlane timeline and its caption. */
static void html_timeline(const struct out *o, const struct model *m)
{
	svg_write(m, o->f);
	fputs("<figcaption>One lane per team. Triangles: injects received; dots: decisions; "
	      "crosses: deadlines missed (the default was recorded); diamonds: shares sent (a line "
	      "runs to the team it reached; hollow: to all). Every mark is listed in the "
	      "teams' logs<span class=\"hint\"> (hover a mark for its details)</span>."
	      "</figcaption>\n</figure>\n",
	      o->f);
}

/* Write s as the inside of a CSS string in a <style> element: quotes, backslashes and '<'
 * escaped, controls left out. */
static void html_css_string(FILE *f, const char *s)
{
	size_t n;

	for (; *s != '\0'; s += n) {
		if (fmt_control(s, &n) || *s == '\n' || *s == '\t')
			continue;
		if (*s == '"' || *s == '\\' || *s == '<')
			fprintf(f, "\\%x ", (unsigned char)*s);
		else
			putc_unlocked(*s, f);
	}
}

/* The printed page: the marking at the top and the bottom of every page, "Page N of M". */
static void html_page(FILE *f, const char *marking)
{
	static const char box[] = "font:700 9pt sans-serif;letter-spacing:.3em;color:#b00020";

	fputs("@page{size:A4;margin:16mm 14mm 18mm;@top-center{content:\"", f);
	html_css_string(f, marking);
	fprintf(f, "\";%s}@bottom-center{content:\"", box);
	html_css_string(f, marking);
	fprintf(f,
	        "\";%s}@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);"
	        "font:9pt sans-serif;color:#555}}",
	        box);
}

/* Write a document as one self-contained HTML page: kicker, title, body(o, arg). */
static void html_doc(FILE *f, const char *kicker, const char *title, const char *marking,
                     out_body *body, const void *arg)
{
	struct html h = {0};
	const struct out o = {f,          &h,       html_heading, html_para, html_kv,
	                      html_table, html_row, html_end,     html_item, html_chart};
	char *utitle;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>",
	      f);
	html_esc(f, kicker);
	fputs(": ", f);
	html_esc(f, title);
	fprintf(f, "</title>\n<style>%s", html_css);
	html_page(f, marking);
	fputs("</style>\n</head>\n<body>\n<div class=\"marking\">", f);
	html_esc(f, marking);
	fputs("</div>\n<header><p class=\"kicker\">", f);
	html_esc(f, kicker);
	fputs("</p><h1>", f);
	utitle = fmt_u(title);
	html_lines(f, utitle);
	free(utitle);
	fputs("</h1></header>\n", f);
	body(&o, arg);
	html_close(&o);
	fputs("<div class=\"marking\">", f);
	html_esc(f, marking);
	fputs("</div>\n</body>\n</html>\n", f);
	free(h.heat);
}

/* Write the report as one self-contained HTML page. */
void html_write(const struct model *m, FILE *f)
{
	html_doc(f, "After-action report", m->title ? m->title : "(untitled exercise)",
	         fmt_marking(m), sections_write, m);
}

/* Write the comparison of exercises as one self-contained HTML page. */
void html_compare(const struct compare *c, FILE *f)
{
	html_doc(f, "Exercises compared", compare_title(c), compare_marking(c), compare_write, c);
}
