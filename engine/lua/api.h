/*
 * The scenario API of CONTRACT section 2: the globals a scenario calls (declarations in decl.c,
 * the rest in api.c) and the hooks through which the exercise calls the scenario back.
 */
#ifndef API_H
#define API_H

#include <lua.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/exercise.h"
#include "sandbox.h"
#include "scenario.h"

/* A timer set while loading, scheduled once the exercise is prepared. */
struct api_timer {
	long t, every;
	int ref;
};

/* An on(event, fn) handler. */
struct api_handler {
	enum ex_note_kind kind;
	int ref;
};

/* A when(predicate, fn) that has not fired yet. */
struct api_when {
	int pred, fn;
	bool errored; /* its predicate raised once: reported, not again */
};

/* What an inject declaration names that can be checked only once the whole file has run. */
struct api_target {
	int inject; /* index in ex->injects */
	int line;
	char **to; /* team ids named by `to` */
	int n_to;
	bool all;         /* to = "all", or no `to` */
	char *objective;  /* expect.objective, or NULL */
	char at_text[16]; /* `at` as written, when a short string */
};

struct api {
	struct sandbox *sb;
	struct exercise *ex;
	long budget; /* instructions per callback */
	long long seed_override;
	unsigned long errors; /* callbacks that raised */
	FILE *report;         /* where script errors are also printed, or NULL */

	/* while loading */
	bool loading;
	struct scenario_problems *probs;
	int probs_first;                    /* problems in probs before this scenario's */
	struct scenario_problems *warnings; /* what check warns about but lets run, or NULL */
	const char *src;                    /* the file's text, to find the line of a field */
	size_t src_len;
	bool has_exercise;
	int exercise_line;
	struct ex_inject scratch; /* an inject whose id is unusable, read for its problems */
	struct api_target scratch_target;
	struct api_timer *timers;
	int n_timers;
	size_t cap_timers;
	struct api_target *targets;
	int n_targets;
	size_t cap_targets;

	/* running */
	struct api_handler *handlers;
	int n_handlers;
	size_t cap_handlers;
	struct api_when *whens;
	int n_whens;
	size_t cap_whens;
	bool settling;
};

/* A new API for ex in sandbox sb, loading: problems go to probs, src is the file's text. */
struct api *api_new(struct sandbox *sb, struct exercise *ex, long budget, long long seed_override,
                    struct scenario_problems *probs, const char *src, size_t src_len);
/* Set the API's globals (and `state`) in L; runs in protected mode. */
void api_open(lua_State *L, struct api *api);
/* Loading is over: declarations are refused from now on and load-only data is freed. */
void api_loaded(struct api *api);
/* The exercise is prepared: schedule the timers set while loading and install the hooks. */
void api_start(struct api *api);
/* Free the API (the exercise and the sandbox are the caller's). */
void api_free(struct api *api);
/* The API a C function of it was called from (upvalue 1). */
struct api *api_of(lua_State *L);
/* A time argument or field: whole seconds >= 0 or a duration string; -1 and *err otherwise. */
int api_time(lua_State *L, int idx, long *out, const char **err);

#endif
