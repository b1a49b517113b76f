/* What the HTML page (html.c) and its SVG timeline (svg.c) share. */
#ifndef REPORT_HTML_H
#define REPORT_HTML_H

#include <stdio.h>

#include "model.h"

/* Write s as HTML text (also safe in attribute values): & < > " ' escaped, controls as spaces. */
void html_esc(FILE *f, const char *s);
/* The response times of every team to every inject, against the deadlines, as SVG. */
void chart_response(const struct model *m, FILE *f);
/* The score of every team over exercise time, as SVG. */
void chart_score(const struct model *m, FILE *f);
/* The sharing matrix as SVG. */
void chart_sharing(const struct model *m, FILE *f);
/* Write the swimlane timeline: one lane per team, injects, decisions and shares as marks. */
void svg_write(const struct model *m, FILE *f);

#endif
