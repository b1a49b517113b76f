/* Terminal text: wrapping at 80 columns (counted by core/utf8) and aligned tables. */
#include "tcol.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "fmt.h"

/* The columns of the code point at s (n bytes there; the isolation markers take none), its
 * length in *k. */
static size_t tcol_cols(const char *s, size_t n, size_t *k)
{
	uint32_t cp;

	*k = utf8_decode(s, n, &cp);
	if (*k == 0)
		*k = 1;
	return s[0] == FMT_U0[0] || s[0] == FMT_U1[0] ? 0 : (size_t)utf8_width(cp);
}

/* The width of the n bytes at s, in columns. */
size_t tcol_width(const char *s, size_t n)
{
	size_t w = 0, k;

	for (size_t i = 0; i < n; i += k)
		w += tcol_cols(s + i, n - i, &k);
	return w;
}

/* Write n bytes of s, with control characters (C0, DEL, C1, bidi controls) as spaces and
 * bytes that are not UTF-8 as U+FFFD. */
void tcol_put(FILE *f, const char *s, size_t n)
{
	uint32_t cp;

	for (size_t i = 0, k; i < n; i += k) {
		if (s[i] == FMT_U0[0] || s[i] == FMT_U1[0]) {
			k = 1;
		} else if ((k = utf8_control(s + i, n - i)) > 0) {
			putc_unlocked(' ', f);
		} else if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			fputs(UTF8_REPLACEMENT, f);
			k = 1;
		} else {
			fwrite(s + i, 1, k, f);
		}
	}
}

/* Write n spaces. */
static void tcol_spaces(FILE *f, size_t n)
{
	while (n-- > 0)
		putc_unlocked(' ', f);
}

/* The next line of s, at most width columns: its length in bytes, without trailing
 * spaces; *next is where the following line starts. Breaks after a space when it can. */
static size_t tcol_line(const char *s, size_t width, const char **next)
{
	size_t i = 0, w = 0, brk = 0, n, k, cw;

	for (; s[i] != '\0' && s[i] != '\n'; i += k) {
		cw = tcol_cols(s + i, 4, &k); /* decoding stops at the NUL */
		if (cw > 0 && w + cw > width)
			break;
		w += cw;
		if (s[i] == ' ')
			brk = i;
	}
	if (s[i] == '\0' || s[i] == '\n') {
		*next = s + i + (s[i] == '\n');
		n = i;
	} else if (s[i] == ' ' || brk == 0) {
		*next = s + i;
		n = i;
	} else {
		*next = s + brk;
		n = brk;
	}
	if (s[i] != '\n')
		while (**next == ' ')
			(*next)++;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

/* Write s wrapped at TCOL_WIDTH, the first line after lead, the others indented as far. */
void tcol_para(FILE *f, const char *lead, const char *s)
{
	tcol_para_hang(f, lead, tcol_width(lead, strlen(lead)), s);
}

/* Write s wrapped at TCOL_WIDTH, the first line after lead, the others indented by hang. */
void tcol_para_hang(FILE *f, const char *lead, size_t hang, const char *s)
{
	size_t lw = tcol_width(lead, strlen(lead));
	size_t first_w = lw + 20 < TCOL_WIDTH ? TCOL_WIDTH - lw : 20;
	size_t rest_w = hang + 20 < TCOL_WIDTH ? TCOL_WIDTH - hang : 20;
	bool first = true;

	do {
		const char *next;
		size_t n = tcol_line(s, first ? first_w : rest_w, &next);
		if (first)
			tcol_put(f, lead, strlen(lead));
		else if (n > 0)
			tcol_spaces(f, hang);
		tcol_put(f, s, n);
		putc_unlocked('\n', f);
		s = next;
		first = false;
	} while (*s != '\0');
}

/* Write title underlined with c. */
void tcol_heading(FILE *f, const char *title, char c)
{
	size_t w = tcol_width(title, strlen(title));

	tcol_put(f, title, strlen(title));
	putc_unlocked('\n', f);
	for (size_t i = 0; i < w && i < TCOL_WIDTH; i++)
		putc_unlocked(c, f);
	putc_unlocked('\n', f);
}

/* Add a row, taking ownership of the t->n malloc'd cells in v. */
void tcol_row_own(struct tcol_table *t, char **v)
{
	t->cells = mem_grow(t->cells, t->rows, &t->cap, mem_mul((size_t)t->n, sizeof *t->cells));
	memcpy(&t->cells[t->rows++ * (size_t)t->n], v, (size_t)t->n * sizeof *v);
}

/* The width of the widest line of s, in columns. */
static size_t tcol_widest(const char *s)
{
	size_t best = 0;

	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s), w = tcol_width(s, n);
		if (w > best)
			best = w;
		if (nl == NULL)
			return best;
		s = nl + 1;
	}
}

/* The width of the longest word of s (a run without spaces or line breaks), in columns. */
static size_t tcol_longest_word(const char *s)
{
	size_t best = 0, w = 0, k;
	uint32_t cp;

	for (; *s != '\0'; s += k ? k : 1) {
		k = utf8_decode(s, 4, &cp); /* the isolation markers count one, as ever */
		if (*s == ' ' || *s == '\n')
			w = 0;
		else if ((w += (size_t)utf8_width(cp)) > best)
			best = w;
	}
	return best;
}

/* The width of every column of t: what its cells need, within max (but never less than its
 * longest word, up to TCOL_WORD, so that ids are not split), the flexible column last. */
static void tcol_widths(const struct tcol_table *t, size_t *w)
{
	size_t used = t->indent + 2 * (size_t)(t->n - 1);

	for (int c = 0; c < t->n; c++) {
		w[c] = tcol_widest(t->cols[c].head);
		for (size_t r = 0; r < t->rows; r++) {
			size_t cw = tcol_widest(t->cells[r * (size_t)t->n + (size_t)c]);
			if (cw > w[c])
				w[c] = cw;
		}
		if (t->cols[c].max > 0 && w[c] > t->cols[c].max) {
			size_t word = 0;
			for (size_t r = 0; r < t->rows; r++) {
				size_t ww =
				    tcol_longest_word(t->cells[r * (size_t)t->n + (size_t)c]);
				word = ww > word ? ww : word;
			}
			w[c] = word > t->cols[c].max ? (word < TCOL_WORD ? word : TCOL_WORD)
			                             : t->cols[c].max;
		}
		if (t->cols[c].max > 0)
			used += w[c];
	}
	for (int c = 0; c < t->n; c++) {
		size_t rest = used + 12 < TCOL_WIDTH ? TCOL_WIDTH - used : 12;
		if (t->cols[c].max == 0 && w[c] > rest)
			w[c] = rest;
		if (w[c] == 0)
			w[c] = 1;
	}
}

/* Print one row (cells v), line by line, without trailing spaces. */
static void tcol_print_row(FILE *f, const struct tcol_table *t, const size_t *w, char **v)
{
	const char *p[OUT_COLS];
	bool more = true;

	for (int c = 0; c < t->n; c++)
		p[c] = v[c];
	while (more) {
		size_t pend = t->indent;
		more = false;
		for (int c = 0; c < t->n; c++) {
			const char *next = p[c];
			size_t n = *p[c] ? tcol_line(p[c], w[c], &next) : 0,
			       cw = tcol_width(p[c], n);
			if (n > 0) {
				pend += t->cols[c].align == 'r' ? w[c] - cw : 0;
				tcol_spaces(f, pend);
				tcol_put(f, p[c], n);
				pend = (t->cols[c].align == 'r' ? 0 : w[c] - cw) + 2;
			} else {
				pend += w[c] + 2;
			}
			p[c] = next;
			more = more || *p[c] != '\0';
		}
		putc_unlocked('\n', f);
	}
}

/* Print the table with its headings (nothing if it has no rows) and free its rows. */
void tcol_print(FILE *f, struct tcol_table *t)
{
	size_t w[OUT_COLS];
	char *heads[OUT_COLS], *rules[OUT_COLS];

	if (t->rows > 0 && t->n <= OUT_COLS) {
		tcol_widths(t, w);
		for (int c = 0; c < t->n; c++) {
			heads[c] = (char *)t->cols[c].head;
			rules[c] = mem_realloc(NULL, w[c] + 1);
			memset(rules[c], '-', w[c]);
			rules[c][w[c]] = '\0';
		}
		tcol_print_row(f, t, w, heads);
		tcol_print_row(f, t, w, rules);
		for (int c = 0; c < t->n; c++)
			free(rules[c]);
		for (size_t r = 0; r < t->rows; r++)
			tcol_print_row(f, t, w, &t->cells[r * (size_t)t->n]);
	}
	for (size_t i = 0; i < t->rows * (size_t)t->n; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->rows = t->cap = 0;
}
