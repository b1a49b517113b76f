/* What the lua tests share: scenarios in temporary files, loaded, with a sink that records. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The sink of a run (ctx: its struct helpers_run): keep every event. */
void helpers_sink(void *ctx, struct evt *ev)
{
	struct helpers_run *r = ctx;

	if (r->n_ev == r->cap_ev) {
		r->cap_ev = r->cap_ev ? r->cap_ev * 2 : 64;
		r->ev = realloc(r->ev, (size_t)r->cap_ev * sizeof *r->ev);
		if (r->ev == NULL)
			abort();
	}
	evt_ref(ev);
	r->ev[r->n_ev++] = ev;
}

/* Write text to a new temporary .lua file; its path goes to path (64 bytes). */
void helpers_write(const char *text, char *path)
{
	int fd;

	snprintf(path, 64, "%s", "/tmp/tabletop-lua-XXXXXX.lua");
	fd = mkstemps(path, 4);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(fd);
}

/* Load the file at path with these limits and seed; NULL on problems. */
static struct scenario *helpers_open(struct helpers_run *r, const char *path,
                                     const struct scenario_limits *lim, long long seed)
{
	r->sc = scenario_load(path, lim, seed, &r->probs);
	if (r->sc != NULL) {
		r->ex = scenario_exercise(r->sc);
		ex_set_sink(r->ex, helpers_sink, r);
	}
	return r->sc;
}

/* Load text with these limits and seed override; NULL on problems (kept in r->probs). */
struct scenario *helpers_load_with(struct helpers_run *r, const char *text,
                                   const struct scenario_limits *lim, long long seed)
{
	memset(r, 0, sizeof *r);
	helpers_write(text, r->path);
	return helpers_open(r, r->path, lim, seed);
}

/* Load text with the default limits and its own seed; NULL on problems (kept in r->probs). */
struct scenario *helpers_load(struct helpers_run *r, const char *text)
{
	struct scenario_limits lim;

	scenario_limits_default(&lim);
	return helpers_load_with(r, text, &lim, -1);
}

/* Load the file at path (no temporary file); NULL on problems. */
struct scenario *helpers_load_file(struct helpers_run *r, const char *path)
{
	struct scenario_limits lim;

	memset(r, 0, sizeof *r);
	scenario_limits_default(&lim);
	return helpers_open(r, path, &lim, -1);
}

/* Start the exercise and tick until ENDEX. */
void helpers_play(struct helpers_run *r)
{
	ex_start(r->ex);
	while (r->ex->state != EX_ENDED)
		ex_tick(r->ex);
}

/* Free the scenario, the events and the problems; remove the temporary file. */
void helpers_done(struct helpers_run *r)
{
	scenario_free(r->sc);
	for (int i = 0; i < r->n_ev; i++)
		evt_unref(r->ev[i]);
	free(r->ev);
	scenario_problems_free(&r->probs);
	if (r->path[0] != '\0')
		unlink(r->path);
	memset(r, 0, sizeof *r);
}

/* The "type" of event i. */
static const char *helpers_type(const struct helpers_run *r, int i)
{
	return json_string_value(json_object_get(r->ev[i]->obj, "type"));
}

/* How many recorded events have this "type". */
int helpers_count(const struct helpers_run *r, const char *type)
{
	int n = 0;

	for (int i = 0; i < r->n_ev; i++)
		n += strcmp(helpers_type(r, i), type) == 0;
	return n;
}

/* The k-th (from 0) recorded event of this "type", or NULL. */
json_t *helpers_nth(const struct helpers_run *r, const char *type, int k)
{
	for (int i = 0; i < r->n_ev; i++)
		if (strcmp(helpers_type(r, i), type) == 0 && k-- == 0)
			return r->ev[i]->obj;
	return NULL;
}

/* The "text" of the k-th log event, or "" when there is none. */
const char *helpers_log(const struct helpers_run *r, int k)
{
	static char buf[1024];

	for (int i = 0; i < r->n_ev; i++) {
		json_t *o = r->ev[i]->obj;
		const char *type = json_string_value(json_object_get(o, "type"));

		if (strcmp(type, "log") != 0 && strcmp(type, "script_error") != 0)
			continue;
		if (k-- > 0)
			continue;
		if (strcmp(type, "log") == 0)
			return json_string_value(json_object_get(o, "text"));
		snprintf(buf, sizeof buf, "%s:%lld: %s",
		         json_string_value(json_object_get(o, "file")),
		         (long long)json_integer_value(json_object_get(o, "line")),
		         json_string_value(json_object_get(o, "message")));
		return buf;
	}
	return "";
}

/* How many log and script_error events there are. */
int helpers_logs(const struct helpers_run *r)
{
	return helpers_count(r, "log") + helpers_count(r, "script_error");
}

/* Whether a log event's text (or a script error as FILE:LINE: message) is exactly text. */
bool helpers_has_log(const struct helpers_run *r, const char *text)
{
	for (int k = 0; k < helpers_logs(r); k++)
		if (strcmp(helpers_log(r, k), text) == 0)
			return true;
	return false;
}

/* Whether some problem is at line and reads msg exactly. */
bool helpers_has_problem(const struct helpers_run *r, int line, const char *msg)
{
	for (int i = 0; i < r->probs.n; i++)
		if (r->probs.v[i].line == line && strcmp(r->probs.v[i].msg, msg) == 0)
			return true;
	for (int i = 0; i < r->probs.n; i++)
		fprintf(stderr, "# problem %d: %s\n", r->probs.v[i].line, r->probs.v[i].msg);
	return false;
}

/* The state hook's JSON, serialised in its own key order (to free). */
char *helpers_state(const struct helpers_run *r)
{
	json_t *st = r->ex->hooks.state(r->ex->hooks.ctx, r->ex);
	char *s = json_dumps(st, JSON_COMPACT);

	json_decref(st);
	return s;
}

/* A path to a fixture file of tests/lua/fixtures (static buffer). */
const char *helpers_fixture(const char *name)
{
	static char path[4096];
	const char *src = getenv("SRCDIR");

	snprintf(path, sizeof path, "%s/tests/lua/fixtures/%s", src ? src : ".", name);
	return path;
}

/* "PATH:LINE: msg" for the scenario of r (a static buffer). */
const char *helpers_at_line(const struct helpers_run *r, int line, const char *msg)
{
	static char buf[512];

	snprintf(buf, sizeof buf, "%s:%d: %s", r->path, line, msg);
	return buf;
}
