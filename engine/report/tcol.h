/* Terminal text: wrapping at 80 columns (counted by core/utf8) and aligned tables. */
#ifndef REPORT_TCOL_H
#define REPORT_TCOL_H

#include <stddef.h>
#include <stdio.h>

#include "out.h"

/* The width of a terminal line. */
#define TCOL_WIDTH 80
/* The widest word (an id) that a fixed column grows to hold rather than split it. */
#define TCOL_WORD 24

/* A table being filled: rows of cells (copied), printed and freed by tcol_print. */
struct tcol_table {
	const struct out_col *cols;
	int n;
	size_t indent;
	char **cells;
	size_t rows, cap;
};

/* The width of the n bytes at s, in columns. */
size_t tcol_width(const char *s, size_t n);
/* Write n bytes of s, with control characters as spaces and bytes that are not UTF-8 as
 * U+FFFD (the journal cannot drive the terminal). */
void tcol_put(FILE *f, const char *s, size_t n);
/* Write s wrapped at TCOL_WIDTH, the first line after lead, the others indented as far. */
void tcol_para(FILE *f, const char *lead, const char *s);
/* Write s wrapped at TCOL_WIDTH, the first line after lead, the others indented by hang. */
void tcol_para_hang(FILE *f, const char *lead, size_t hang, const char *s);
/* Write title underlined with c. */
void tcol_heading(FILE *f, const char *title, char c);
/* Add a row, taking ownership of the t->n malloc'd cells in v. */
void tcol_row_own(struct tcol_table *t, char **v);
/* Print the table with its headings (nothing if it has no rows) and free its rows. */
void tcol_print(FILE *f, struct tcol_table *t);

#endif
