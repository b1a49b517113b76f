/*
 * The report's sections (sections.c) are written once, through these operations; each text
 * format (plain, md, html) implements them.
 */
#ifndef REPORT_OUT_H
#define REPORT_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"

/* The most columns a table has: every format keeps a row in this many cells. */
#define OUT_COLS 16

/* A table column: heading, widest in plain text (0: takes the rest), 'l' or 'r' alignment. */
struct out_col {
	const char *head;
	size_t max;
	char align;
};

/* The charts; each has a text equivalent (a table) that follows it, with the id it names. */
enum { OUT_CHART_TIMELINE, OUT_CHART_RESPONSE, OUT_CHART_SCORE, OUT_CHART_SHARING };

/* Table flags. */
enum {
	OUT_HEAT = 1,       /* a matrix of counts: shade the cells by value */
	OUT_T_RESPONSE = 2, /* the text equivalent of a chart (html gives it the id it names) */
	OUT_T_SCORE = 4,
	OUT_T_SHARING = 8,
};

struct out {
	FILE *f;
	void *ctx;
	/* A heading: 1 a section, 2 a team, 3 a part of one. */
	void (*heading)(const struct out *o, int level, const char *text);
	/* A paragraph. */
	void (*para)(const struct out *o, const char *text);
	/* One "key: value" line of the summary. */
	void (*kv)(const struct out *o, const char *key, const char *value);
	/* Start a table of n columns. */
	void (*table)(const struct out *o, const struct out_col *cols, int n, int flags);
	/* A row of the table: n malloc'd cells, taken over ('\n' starts a new line in a cell). */
	void (*row)(const struct out *o, char **cells);
	/* End the table. */
	void (*end)(const struct out *o);
	/* A list entry at depth level (0 or 1): lead in bold where the format can, then text. */
	void (*item)(const struct out *o, int level, const char *lead, const char *text);
	/* A chart (OUT_CHART_...) before its text equivalent, or NULL for formats without them. */
	void (*chart)(const struct out *o, const struct model *m, int kind);
};

/* What a document writes between its title and its end: through o, from arg. */
typedef void out_body(const struct out *o, const void *arg);

struct compare;
/* The title of a comparison ("BalkanSecure ...: 3 exercises"). */
const char *compare_title(const struct compare *c);
/* The marking of a comparison: the first exercise's. */
const char *compare_marking(const struct compare *c);
/* Write the comparison (a struct compare) through o. */
void compare_write(const struct out *o, const void *c);

/* Write every section of the report (a struct model) through o. */
void sections_write(const struct out *o, const void *m);
/* Write the executive summary through o. */
void summary_write(const struct model *m, const struct out *o);
/* Write the objectives × teams table through o. */
void summary_objectives(const struct model *m, const struct out *o);
/* A cell of the objectives table, as a new string: "met", "missed", "2 of 3 met" or "-". */
char *summary_cell(long met, long all);
/* Write the response-time and score sections: a chart, then its table. */
void figures_write(const struct model *m, const struct out *o);
/* Write the teams section through o: one part per team. */
void teampart_write(const struct model *m, const struct out *o);

#endif
