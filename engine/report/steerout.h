/* The white cell's steering and the script errors in the report (steerout.c). */
#ifndef REPORT_STEEROUT_H
#define REPORT_STEEROUT_H

#include <jansson.h>
#include <stdbool.h>

#include "model.h"
#include "out.h"

/* Write the sections "Steering by the white cell" and "Script errors" through o. */
void steerout_write(const struct model *m, const struct out *o);
/* Say which decision response times (times: and deadlines) and expectations count, when the
 * white cell steered. */
void steerout_note(const struct model *m, const struct out *o, bool times);
/* A decision's option cell, as a new string: the team's option, then what overruled it. */
char *steerout_option(const struct model *m, const struct model_decision *d);
/* The overrule of decision d as JSON {"option","label","previous","reason","by","t"}, or null. */
json_t *steerout_json_overrule(const struct model *m, const struct model_decision *d);
/* The steering records of kind as a JSON list (docs/journal.md, "Report JSON"). */
json_t *steerout_json(const struct model *m, enum model_steer_kind kind);

#endif
