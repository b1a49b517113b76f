/* The after-action report as text for a terminal: 80 columns, headings, aligned tables. */
#include <ctype.h>
#include <string.h>

#include "fmt.h"
#include "out.h"
#include "report.h"
#include "tcol.h"

/* What the text format remembers between operations. */
struct plain {
	struct tcol_table table;
	int level; /* of the last heading */
	char last; /* the last block: 'h'eading, 'k'v, 'i'tem, 'p'ara, 't'able, 0 none */
};

/* The indentation of blocks under the last heading. */
static size_t plain_indent(const struct plain *p)
{
	return p->level >= 3 ? 4 : 2;
}

/* Start a block of kind: a blank line before it, unless it continues a list or follows a
 * part's heading. */
static void plain_block(const struct out *o, char kind)
{
	struct plain *p = o->ctx;

	if (p->last != 0 && !(kind == p->last && (kind == 'k' || kind == 'i')) &&
	    !(p->last == 'h' && p->level >= 3 && kind != 'h'))
		putc('\n', o->f);
	p->last = kind;
}

/* A heading: sections in capitals underlined with '=', teams with '-', parts indented. */
static void plain_heading(const struct out *o, int level, const char *text)
{
	struct plain *p = o->ctx;
	char up[128];
	size_t i;

	plain_block(o, 'h');
	p->level = level;
	if (level >= 3) {
		tcol_para(o->f, "  ", text);
		return;
	}
	for (i = 0; text[i] != '\0' && i + 1 < sizeof up; i++)
		up[i] = (char)((unsigned char)text[i] < 0x80 ? toupper((unsigned char)text[i])
		                                             : text[i]);
	up[i] = '\0';
	tcol_heading(o->f, level == 1 ? up : text, level == 1 ? '=' : '-');
}

/* A paragraph, wrapped. */
static void plain_para(const struct out *o, const char *text)
{
	struct plain *p = o->ctx;

	plain_block(o, 'p');
	tcol_para(o->f, p->level >= 3 ? "    " : "  ", text);
}

/* A "  Key         value" line of the summary, the value wrapped. */
static void plain_kv(const struct out *o, const char *key, const char *value)
{
	char lead[64];

	plain_block(o, 'k');
	snprintf(lead, sizeof lead, "  %-11s ", key);
	tcol_para(o->f, lead, value);
}

/* Start buffering a table: columns are sized when it ends. */
static void plain_table(const struct out *o, const struct out_col *cols, int n, int flags)
{
	struct plain *p = o->ctx;

	(void)flags;
	plain_block(o, 't');
	p->table = (struct tcol_table){cols, n, plain_indent(p), NULL, 0, 0};
}

/* A row of the table being buffered. */
static void plain_row(const struct out *o, char **cells)
{
	tcol_row_own(&((struct plain *)o->ctx)->table, cells);
}

/* Print the buffered table. */
static void plain_end(const struct out *o)
{
	tcol_print(o->f, &((struct plain *)o->ctx)->table);
}

/* A list entry: lead, then the text wrapped under itself. */
static void plain_item(const struct out *o, int level, const char *lead, const char *text)
{
	struct plain *p = o->ctx;
	size_t indent = plain_indent(p) + 4 * (size_t)level, w;
	char buf[256];

	plain_block(o, 'i');
	snprintf(buf, sizeof buf, "%*s%s%s", (int)indent, "", lead, lead[0] ? " " : "");
	w = tcol_width(buf, strlen(buf));
	tcol_para_hang(o->f, buf, w > indent + 16 ? indent + 4 : w, text);
}

/* The line of '=' and the exercise marking, at the top and the bottom. */
static void plain_banner(FILE *f, const char *marking, int rule_after)
{
	for (int i = 0; i < TCOL_WIDTH; i++)
		putc('=', f);
	putc_unlocked('\n', f);
	tcol_para(f, "", marking);
	for (int i = 0; rule_after && i < TCOL_WIDTH; i++)
		putc('=', f);
	if (rule_after)
		putc('\n', f);
}

/* Write a document as text for a terminal: the banner, kicker and title, then body(o, arg). */
static void plain_doc(FILE *f, const char *kicker, const char *title, const char *marking,
                      out_body *body, const void *arg)
{
	struct plain p = {0};
	const struct out o = {f,           &p,        plain_heading, plain_para, plain_kv,
	                      plain_table, plain_row, plain_end,     plain_item, NULL};

	plain_banner(f, marking, 0);
	fprintf(f, "%s\n", kicker);
	tcol_para(f, "", title);
	for (int i = 0; i < TCOL_WIDTH; i++)
		putc('=', f);
	fputs("\n\n", f);
	body(&o, arg);
	putc('\n', f);
	plain_banner(f, marking, 1);
}

/* Write the whole report as text for a terminal. */
void plain_write(const struct model *m, FILE *f)
{
	plain_doc(f, "AFTER-ACTION REPORT", m->title ? m->title : "(untitled exercise)",
	          fmt_marking(m), sections_write, m);
}

/* Write the comparison of n exercises as text for a terminal. */
void plain_compare(const struct compare *c, FILE *f)
{
	plain_doc(f, "AFTER-ACTION REPORT: EXERCISES COMPARED", compare_title(c),
	          compare_marking(c), compare_write, c);
}
