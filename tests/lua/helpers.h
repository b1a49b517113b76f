/* What the lua tests share: scenarios in temporary files, loaded, with a sink that records. */
#ifndef HELPERS_H
#define HELPERS_H

#include <jansson.h>
#include <stdbool.h>

#include "lua/scenario.h"

/* One scenario under test and every event it emitted. */
struct helpers_run {
	char path[64];
	struct scenario *sc;
	struct exercise *ex;
	struct scenario_problems probs;
	struct evt **ev;
	int n_ev, cap_ev;
};

/* The sink of a run (ctx: its struct helpers_run): keep every event. */
void helpers_sink(void *ctx, struct evt *ev);
/* Write text to a new temporary .lua file; its path goes to path (64 bytes). */
void helpers_write(const char *text, char *path);
/* Load text with the default limits and its own seed; NULL on problems (kept in r->probs). */
struct scenario *helpers_load(struct helpers_run *r, const char *text);
/* Load text with these limits and seed override; NULL on problems (kept in r->probs). */
struct scenario *helpers_load_with(struct helpers_run *r, const char *text,
                                   const struct scenario_limits *lim, long long seed);
/* Load the file at path (no temporary file); NULL on problems. */
struct scenario *helpers_load_file(struct helpers_run *r, const char *path);
/* Start the exercise and tick until ENDEX. */
void helpers_play(struct helpers_run *r);
/* Free the scenario, the events and the problems; remove the temporary file. */
void helpers_done(struct helpers_run *r);
/* How many recorded events have this "type". */
int helpers_count(const struct helpers_run *r, const char *type);
/* The k-th (from 0) recorded event of this "type", or NULL. */
json_t *helpers_nth(const struct helpers_run *r, const char *type, int k);
/*
 * The k-th line the staff were told, in order: a log event's "text", or a script_error as
 * "FILE:LINE: message" (a static buffer); "" when there is none.
 */
const char *helpers_log(const struct helpers_run *r, int k);
/* How many log and script_error events there are. */
int helpers_logs(const struct helpers_run *r);
/* Whether a log event's text (or a script error as FILE:LINE: message) is exactly text. */
bool helpers_has_log(const struct helpers_run *r, const char *text);
/* Whether some problem is at line and reads msg exactly. */
bool helpers_has_problem(const struct helpers_run *r, int line, const char *msg);
/* The state hook's JSON, serialised in its own key order (to free). */
char *helpers_state(const struct helpers_run *r);
/* A path to a fixture file of tests/lua/fixtures (static buffer). */
const char *helpers_fixture(const char *name);
/* "PATH:LINE: msg" for the scenario of r (a static buffer). */
const char *helpers_at_line(const struct helpers_run *r, int line, const char *msg);

#endif
