/* What the HTML page (html.c) and its SVG timeline (svg.c) share. */
#ifndef REPORT_HTML_H
#define REPORT_HTML_H

#include <stdio.h>

#include "model.h"

/* Write s as HTML text (also safe in attribute values): & < > " ' escaped, controls as spaces. */
void html_esc(FILE *f, const char *s);
/* Write the swimlane timeline: one lane per team, injects, decisions and shares as marks. */
void svg_write(const struct model *m, FILE *f);

#endif
