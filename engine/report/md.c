/* The after-action report as Markdown (CommonMark with GitHub tables). */
#include <stdlib.h>

#include "../core/utf8.h"
#include "fmt.h"
#include "out.h"
#include "report.h"

/* What the Markdown format remembers between operations. */
struct md {
	const struct out_col *cols;
	int n;
	char last; /* the last block: 'h'eading, 'k'v, 'i'tem, 'p'ara, 't'able, 0 none */
};

/* Write s so that Markdown shows it as it is: punctuation escaped, HTML inert, line breaks as
 * <br>, every marked user text isolated (U+2068..U+2069), a break point
 * (<wbr>) in every FMT_RUN code points without a space, controls left out. */
static void md_esc(FILE *f, const char *s)
{
	size_t run = 0, n;
	int depth = 0;

	for (; *s != '\0'; s += n) {
		unsigned char c = (unsigned char)*s;
		n = 1;
		if (*s == FMT_U0[0] && depth < 8) {
			fputs("\xE2\x81\xA8", f);
			depth++;
			continue;
		}
		if (*s == FMT_U1[0] && depth > 0) {
			fputs("\xE2\x81\xA9", f);
			depth--;
			continue;
		}
		if (c == '\t')
			c = ' ';
		if (fmt_control(s, &n) || c == '\r')
			continue;
		if (c == ' ' || c == '\n')
			run = 0;
		else if (utf8_lead((char)c) && run++ == FMT_RUN) {
			fputs("<wbr>", f);
			run = 1;
		}
		if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '&')
			fputs("&amp;", f);
		else if (c == '\n')
			fputs("<br>", f);
		else if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' ||
		         c == '|' || c == '#' || c == '~')
			fprintf(f, "\\%c", c);
		else
			putc_unlocked(c, f);
	}
	while (depth-- > 0)
		fputs("\xE2\x81\xA9", f);
}

/* Start a block of kind: a blank line before it, unless it continues a list. */
static void md_block(const struct out *o, char kind)
{
	struct md *p = o->ctx;

	if (p->last != 0 && !(kind == p->last && (kind == 'k' || kind == 'i')))
		putc_unlocked('\n', o->f);
	p->last = kind;
}

/* A heading: sections are ##, teams ###, parts ####. */
static void md_heading(const struct out *o, int level, const char *text)
{
	md_block(o, 'h');
	fprintf(o->f, "%.*s ", level + 1, "#####");
	md_esc(o->f, text);
	putc_unlocked('\n', o->f);
}

/* A paragraph. */
static void md_para(const struct out *o, const char *text)
{
	md_block(o, 'p');
	md_esc(o->f, text);
	putc_unlocked('\n', o->f);
}

/* A "- **Key:** value" line. */
static void md_kv(const struct out *o, const char *key, const char *value)
{
	md_block(o, 'k');
	fputs(key[0] ? "- **" : "- ", o->f);
	md_esc(o->f, key);
	fputs(key[0] ? ":** " : "", o->f);
	md_esc(o->f, value);
	putc_unlocked('\n', o->f);
}

/* A table's heading and alignment rows. */
static void md_table(const struct out *o, const struct out_col *cols, int n, int flags)
{
	struct md *p = o->ctx;

	(void)flags;
	md_block(o, 't');
	p->cols = cols;
	p->n = n;
	for (int c = 0; c < n; c++) {
		fputs("| ", o->f);
		md_esc(o->f, cols[c].head);
		putc_unlocked(' ', o->f);
	}
	fputs("|\n", o->f);
	for (int c = 0; c < n; c++)
		fputs(cols[c].align == 'r' ? "| ---: " : "| --- ", o->f);
	fputs("|\n", o->f);
}

/* A table row; frees the cells. */
static void md_row(const struct out *o, char **cells)
{
	const struct md *p = o->ctx;

	for (int c = 0; c < p->n; c++) {
		fputs("| ", o->f);
		md_esc(o->f, cells[c]);
		putc_unlocked(' ', o->f);
		free(cells[c]);
	}
	fputs("|\n", o->f);
}

/* The end of a table (rows need nothing more). */
static void md_end(const struct out *o)
{
	(void)o;
}

/* A list entry, nested under the one before at level 1. */
static void md_item(const struct out *o, int level, const char *lead, const char *text)
{
	md_block(o, 'i');
	fputs(level > 0 ? "  - " : "- ", o->f);
	if (lead[0] != '\0') {
		fputs("**", o->f);
		md_esc(o->f, lead);
		fputs("** ", o->f);
	}
	md_esc(o->f, text);
	putc_unlocked('\n', o->f);
}

/* Write a document as Markdown: the marking, "# kicker: title", body(o, arg), the marking. */
static void md_doc(FILE *f, const char *kicker, const char *title, const char *marking,
                   out_body *body, const void *arg)
{
	struct md p = {0};
	const struct out o = {f,        &p,     md_heading, md_para, md_kv,
	                      md_table, md_row, md_end,     md_item, NULL};
	char *u = fmt_u(title);

	fputs("**", f);
	md_esc(f, marking);
	fprintf(f, "**\n\n# %s: ", kicker);
	md_esc(f, u);
	free(u);
	fputs("\n", f);
	p.last = 'h';
	body(&o, arg);
	fputs("\n**", f);
	md_esc(f, marking);
	fputs("**\n", f);
}

/* Write the report as Markdown. */
void md_write(const struct model *m, FILE *f)
{
	md_doc(f, "After-action report", m->title ? m->title : "(untitled exercise)",
	       fmt_marking(m), sections_write, m);
}

/* Write the comparison of n exercises as Markdown. */
void md_compare(const struct compare *c, FILE *f)
{
	md_doc(f, "Exercises compared", compare_title(c), compare_marking(c), compare_write, c);
}
