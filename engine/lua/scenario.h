/*
 * A scenario: a Lua file run in a sandbox that declares an exercise and drives it through
 * timers and handlers. Every error reads FILE:LINE: message.
 */
#ifndef SCENARIO_H
#define SCENARIO_H

#include <stddef.h>
#include <stdio.h>

#include "../core/exercise.h"

/* One problem found while loading or checking a scenario. */
struct scenario_problem {
	char *file;
	int line; /* 0: no line */
	char *msg;
};

struct scenario_problems {
	struct scenario_problem *v;
	int n;
	size_t cap;
};

struct scenario_limits {
	long budget;      /* VM instructions per callback (default 10,000,000) */
	size_t mem_cap;   /* bytes the scenario may allocate (default 64 MiB) */
	long max_events;  /* events one callback may emit (default 1,000; 0: no cap) */
	size_t max_bytes; /* bytes of text one callback may emit (default 512 KiB; 0: no cap) */
};

struct scenario;

/* The default limits. */
void scenario_limits_default(struct scenario_limits *lim);

/*
 * Load the scenario at path into a new exercise; a bare name that is no file ("balkansecure")
 * loads the shipped scenario of that name (datadir_find). Problems are appended to *probs (every
 * problem `check` knows of, each with the line of its declaration). Returns NULL when the scenario
 * cannot run (any problem makes it so). On success, the exercise is prepared (ex_prepare) and wired
 * to the scenario's hooks; seed_override >= 0 replaces the scenario's seed before math.random is
 * seeded.
 */
struct scenario *scenario_load(const char *path, const struct scenario_limits *lim,
                               long long seed_override, struct scenario_problems *probs);
/* The exercise a scenario declared. */
struct exercise *scenario_exercise(struct scenario *sc);
/* Free the scenario and its exercise. */
void scenario_free(struct scenario *sc);
/* What check warns about in a scenario that loaded, by line ("warning: ..."): short secrets. */
const struct scenario_problems *scenario_warnings(const struct scenario *sc);
/* Script errors raised by callbacks so far (each also sent to the staff as a script_error). */
unsigned long scenario_errors(const struct scenario *sc);
/* Print every script error from now on to f as well ("script error: FILE:LINE: message"). */
void scenario_report_to(struct scenario *sc, FILE *f);

/* Append a problem (file and msg copied). */
void scenario_problem_add(struct scenario_problems *p, const char *file, int line, const char *fmt,
                          ...) __attribute__((format(printf, 4, 5)));
/* Free the problems. */
void scenario_problems_free(struct scenario_problems *p);
/* Print each problem to f as "FILE:LINE: message" (FILE: path when it names none), cleaned for
 * a terminal; returns how many there were. */
int scenario_problems_print(const struct scenario_problems *p, const char *path, FILE *f);

#endif
