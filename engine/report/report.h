/* The after-action report: a journal's model (model.h) written in one of four formats. */
#ifndef REPORT_REPORT_H
#define REPORT_REPORT_H

#include <stdio.h>

#include "model.h"

/* Write the report as text for a terminal (80 columns). */
void plain_write(const struct model *m, FILE *f);
/* Write the report as Markdown with tables. */
void md_write(const struct model *m, FILE *f);
/* Write the report as one self-contained HTML page with an SVG timeline. */
void html_write(const struct model *m, FILE *f);
struct compare;
/* Compare the exercises of n journals (models, each loaded); NULL when n < 2. Frees nothing. */
struct compare *compare_new(struct model **ms, int n);
/* Free c (not its models). */
void compare_free(struct compare *c);
/* Write the comparison as text for a terminal. */
void plain_compare(const struct compare *c, FILE *f);
/* Write the comparison as Markdown. */
void md_compare(const struct compare *c, FILE *f);
/* Write the comparison as one self-contained HTML page. */
void html_compare(const struct compare *c, FILE *f);
/* Write the comparison as one JSON document; -1 if jansson fails. */
int compare_json(const struct compare *c, FILE *f);
/* Write the report as one JSON document (docs/journal.md, "Report JSON"); -1 if jansson fails. */
int jsonout_write(const struct model *m, FILE *f);

#endif
