/* Loading a scenario: read the file, run it in the sandbox, check it, wire it to the exercise. */
#include "scenario.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/utf8.h"
#include "api.h"
#include "datadir.h"
#include "decl.h"
#include "libs.h"
#include "require.h"
#include "sandbox.h"

struct scenario {
	struct exercise *ex;
	struct sandbox *sb;
	struct api *api;
	struct require *rq;
	struct scenario_problems warnings; /* see scenario_warnings */
};

/* What the protected part of loading needs. */
struct scenario_main {
	struct api *api;
	struct require *rq;
	const char *src;
	size_t len;
};

/* The default limits. */
void scenario_limits_default(struct scenario_limits *lim)
{
	lim->budget = 10000000;
	lim->mem_cap = (size_t)64 << 20;
	lim->max_events = 1000;
	lim->max_bytes = (size_t)512 << 10;
}

/* Append a problem (file and msg copied). */
void scenario_problem_add(struct scenario_problems *p, const char *file, int line, const char *fmt,
                          ...)
{
	va_list ap;

	p->v = mem_grow(p->v, (size_t)p->n, &p->cap, sizeof *p->v);
	va_start(ap, fmt);
	p->v[p->n].msg = mem_vprintf(fmt, ap);
	va_end(ap);
	p->v[p->n].file = mem_strdup(file);
	p->v[p->n].line = line;
	p->n++;
}

/* Free the problems. */
void scenario_problems_free(struct scenario_problems *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->v[i].file);
		free(p->v[i].msg);
	}
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

/* Print each problem to f as "FILE:LINE: message" (FILE: path when it names none). */
int scenario_problems_print(const struct scenario_problems *p, const char *path, FILE *f)
{
	for (int i = 0; i < p->n; i++) {
		const char *file = p->v[i].file != NULL ? p->v[i].file : path;

		if (p->v[i].line > 0)
			utf8_term_printf(f, "%s:%d: %s\n", file, p->v[i].line, p->v[i].msg);
		else
			utf8_term_printf(f, "%s: %s\n", file, p->v[i].msg);
	}
	return p->n;
}

/* Order problems from first on by line, keeping the order of those on one line. */
static void scenario_problems_sort(struct scenario_problems *p, int first)
{
	for (int i = first + 1; i < p->n; i++) {
		struct scenario_problem x = p->v[i];
		int j = i;
		for (; j > first && p->v[j - 1].line > x.line; j--)
			p->v[j] = p->v[j - 1];
		p->v[j] = x;
	}
}

/* Read the whole file at path into *buf (to free); -1 with a problem when it cannot be read. */
static int scenario_read(const char *path, char **buf, size_t *len, struct scenario_problems *probs)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 65536, n = 0, r;
	char *b;

	if (f == NULL) {
		scenario_problem_add(probs, path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	b = mem_realloc(NULL, cap);
	while ((r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			b = mem_realloc(b, cap = mem_mul(cap, 2));
	}
	if (ferror(f)) {
		scenario_problem_add(probs, path, 0, "cannot read: %s", strerror(errno));
		fclose(f);
		free(b);
		return -1;
	}
	fclose(f);
	*buf = b;
	*len = n;
	return 0;
}

/* Set the API, seed math.random and run the file; runs in protected mode. */
static int scenario_run(lua_State *L)
{
	struct scenario_main *m = lua_touserdata(L, 1);
	long long seed = m->api->seed_override;

	api_open(L, m->api);
	require_open(L, m->rq);
	libs_seed(L, seed >= 0 ? (lua_Integer)seed : 1);
	sandbox_load(L, m->src, m->len);
	sandbox_call(L, 0, 0);
	return 0;
}

/* Run the file's text: its problems go to probs. */
static void scenario_exec(struct scenario *sc, const struct scenario_limits *lim,
                          struct scenario_main *m, struct scenario_problems *probs)
{
	const char *msg;
	char *err;
	int line;

	if (sandbox_run(sc->sb, scenario_run, m,
	                lim->budget < LONG_MAX / 10 ? lim->budget * 10 : LONG_MAX, &err) == 0) {
		decl_validate(sc->api);
		return;
	}
	line = sandbox_split(sc->sb, err, &msg);
	scenario_problem_add(probs, sc->ex->path, line, "%s", msg);
	free(err);
}

/* Load the scenario at path into a new exercise; NULL with problems when it cannot run. */
static struct scenario *scenario_load_file(const char *path, const struct scenario_limits *lim,
                                           long long seed_override, struct scenario_problems *probs)
{
	struct scenario_problems own = {0};
	struct scenario_main m = {0};
	struct scenario *sc;
	int first;
	char *src, *err;
	size_t len;

	if (probs == NULL)
		probs = &own;
	first = probs->n;
	if (scenario_read(path, &src, &len, probs) < 0) {
		scenario_problems_free(&own);
		return NULL;
	}
	sc = mem_calloc(1, sizeof *sc);
	sc->ex = ex_new();
	sc->ex->path = mem_strdup(path);
	sc->rq = require_new(path, datadir_lib(), sc->ex);
	sc->sb = sandbox_new(path, lim->mem_cap, &err);
	if (sc->sb == NULL) {
		scenario_problem_add(probs, path, 0, "cannot start Lua: %s", err);
		free(err);
	} else {
		sandbox_set_emit_caps(sc->sb, lim->max_events, lim->max_bytes);
		sc->api = api_new(sc->sb, sc->ex, lim->budget, seed_override, probs, src, len);
		sc->api->warnings = &sc->warnings;
		m = (struct scenario_main){sc->api, sc->rq, src, len};
		scenario_exec(sc, lim, &m, probs);
		require_done(sc->rq);
		api_loaded(sc->api);
	}
	free(src);
	scenario_problems_sort(probs, first);
	if (probs->n > first) {
		scenario_free(sc);
		scenario_problems_free(&own);
		return NULL;
	}
	ex_prepare(sc->ex);
	api_start(sc->api);
	return sc;
}

/* Load the scenario at path, or the shipped one of that name, into a new exercise. */
struct scenario *scenario_load(const char *path, const struct scenario_limits *lim,
                               long long seed_override, struct scenario_problems *probs)
{
	char *shipped = datadir_find(path);
	struct scenario *sc;

	if (shipped == NULL && strchr(path, '/') == NULL && access(path, F_OK) != 0) {
		if (probs != NULL)
			scenario_problem_add(probs, path, 0,
			                     "no such file, nor a shipped scenario of that name "
			                     "in %s (tabletop scenarios lists them)",
			                     datadir_scenarios());
		return NULL;
	}
	sc = scenario_load_file(shipped != NULL ? shipped : path, lim, seed_override, probs);
	free(shipped);
	return sc;
}

/* The exercise a scenario declared. */
struct exercise *scenario_exercise(struct scenario *sc)
{
	return sc->ex;
}

/* Free the scenario and its exercise. */
void scenario_free(struct scenario *sc)
{
	if (sc == NULL)
		return;
	ex_free(sc->ex); /* may release timers through the hooks: the API is still there */
	api_free(sc->api);
	sandbox_free(sc->sb);
	require_free(sc->rq);
	scenario_problems_free(&sc->warnings);
	free(sc);
}

/* What check warns about in a scenario that loaded, by line ("warning: ..."). */
const struct scenario_problems *scenario_warnings(const struct scenario *sc)
{
	return &sc->warnings;
}

/* Print every script error from now on to f as well ("script error: FILE:LINE: message"). */
void scenario_report_to(struct scenario *sc, FILE *f)
{
	if (sc->api != NULL)
		sc->api->report = f;
}

/* Script errors raised by callbacks so far (each also sent to the staff as a script_error). */
unsigned long scenario_errors(const struct scenario *sc)
{
	return sc->api != NULL ? sc->api->errors : 0;
}
