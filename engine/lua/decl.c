/*
 * The declarations exercise{}, team{}, objective{} and hotwash{}, and the checks that need the
 * whole file.
 */
#include "decl.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/timeparse.h"
#include "libs.h"

/* The fields exercise{}, team{} and objective{} may have. */
static const char *const decl_exercise_fields[] = {
    "title",           "start", "duration", "tick", "speed", "seed", "facilitator_secret",
    "observer_secret", NULL};
static const char *const decl_team_fields[] = {"id", "name", "secret", NULL};
static const char *const decl_objective_fields[] = {"id", "text", NULL};

/* Record a problem of the declaration being read. */
void decl_problem(struct decl *d, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = mem_vprintf(fmt, ap);
	va_end(ap);
	if (d->what[0] != '\0')
		scenario_problem_add(d->api->probs, d->api->ex->path, d->line, "%s: %s", d->what,
		                     msg);
	else
		scenario_problem_add(d->api->probs, d->api->ex->path, d->line, "%s", msg);
	free(msg);
}

/* The value at idx as an author wrote it, for messages: 'text', 42 or a type name. */
static const char *decl_repr(lua_State *L, int idx, char *buf, size_t n)
{
	if (lua_type(L, idx) == LUA_TSTRING)
		snprintf(buf, n, "'%s'", lua_tostring(L, idx));
	else if (lua_isinteger(L, idx))
		snprintf(buf, n, "%lld", (long long)lua_tointeger(L, idx));
	else if (lua_type(L, idx) == LUA_TNUMBER)
		snprintf(buf, n, "%.14g", (double)lua_tonumber(L, idx));
	else
		snprintf(buf, n, "a %s", luaL_typename(L, idx));
	return buf;
}

/* The name of a field in messages: "deadline", or "decision.deadline" inside a decision. */
static const char *decl_label(const struct decl *d, const char *name, char *buf, size_t n)
{
	if (d->in == NULL)
		return name;
	snprintf(buf, n, "%s.%s", d->in, name);
	return buf;
}

/* Push field name of the table being read; returns its type. */
int decl_get(struct decl *d, const char *name)
{
	lua_pushstring(d->L, name);
	return lua_rawget(d->L, d->t);
}

/* A problem: field name (its value on top of the stack) is not what it must be. */
void decl_type(struct decl *d, const char *name, const char *want)
{
	char label[64];

	decl_problem(d, "'%s' must be %s, not a %s", decl_label(d, name, label, sizeof label), want,
	             luaL_typename(d->L, -1));
}

/* Whether s is a usable id or option key: 1 to 64 letters, digits, '-', '_' or '.'. */
bool decl_token(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

	return n > 0 && n <= 64 && s[n] == '\0';
}

/* Whether s can be typed as a secret: 1 to 128 bytes, no spaces or control characters. */
static bool decl_secret_ok(const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return false;
	return n > 0 && n <= 128;
}

/* The edit distance of a and b, or a large number when they are long or far apart. */
static int decl_distance(const char *a, const char *b)
{
	size_t m = strlen(a), n = strlen(b);
	int row[33], diag, up;

	if (m > 32 || n > 32)
		return 99;
	for (size_t j = 0; j <= n; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= m; i++) {
		diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= n; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[n];
}

/* A problem for every key of the table being read that is not one of names (in pairs order). */
void decl_fields(struct decl *d, const char *const *names)
{
	lua_State *L = d->L;
	lua_Integer n;
	char buf[96];

	libs_sorted_keys(L, d->t);
	n = (lua_Integer)lua_rawlen(L, -1);
	for (lua_Integer k = 1; k <= n; k++) {
		const char *key, *near = NULL;
		lua_rawgeti(L, -1, k);
		if (lua_type(L, -1) != LUA_TSTRING) {
			decl_problem(d, "fields%s%s must be named (name = value), not [%s]",
			             d->in ? " of " : "", d->in ? d->in : "",
			             decl_repr(L, -1, buf, sizeof buf));
			lua_pop(L, 1);
			continue;
		}
		key = lua_tostring(L, -1);
		for (int j = 0; names[j] != NULL && key != NULL; j++) {
			if (strcmp(key, names[j]) == 0)
				key = NULL;
			else if (near == NULL && decl_distance(key, names[j]) <= 2)
				near = names[j];
		}
		if (key != NULL)
			decl_problem(d, "unknown field '%s'%s%s%s%s%s", key, d->in ? " in " : "",
			             d->in ? d->in : "", near ? " (did you mean '" : "",
			             near ? near : "", near ? "'?)" : "");
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* Field name as a string pushed on the stack; NULL (nothing pushed) when absent or not one. */
static const char *decl_string(struct decl *d, const char *name)
{
	int t = decl_get(d, name);

	if (t == LUA_TSTRING)
		return lua_tostring(d->L, -1);
	if (t != LUA_TNIL)
		decl_type(d, name, "a string");
	lua_pop(d->L, 1);
	return NULL;
}

/* A copy of the string field name; NULL when absent or not a string (a problem). */
char *decl_copy(struct decl *d, const char *name)
{
	const char *s = decl_string(d, name);
	char *c = mem_strdup(s);

	if (s != NULL)
		lua_pop(d->L, 1);
	return c;
}

/* Field name as a time into *out: 1 when set, 0 when absent, -1 when bad (a problem). */
int decl_time(struct decl *d, const char *name, long *out)
{
	int top = lua_gettop(d->L), rc = 0;
	char label[64], buf[96];
	const char *err;

	if (decl_get(d, name) != LUA_TNIL) {
		rc = api_time(d->L, -1, out, &err) == 0 ? 1 : -1;
		if (rc < 0)
			decl_problem(d, "bad time %s for %s: %s",
			             decl_repr(d->L, -1, buf, sizeof buf),
			             decl_label(d, name, label, sizeof label), err);
	}
	lua_settop(d->L, top);
	return rc;
}

/* Field name as an option key (a string or a whole number) pushed; NULL when absent or bad. */
const char *decl_key(struct decl *d, const char *name)
{
	int t = decl_get(d, name);

	if (t == LUA_TSTRING || lua_isinteger(d->L, -1))
		return lua_tostring(d->L, -1);
	if (t != LUA_TNIL)
		decl_type(d, name, "an option key");
	lua_pop(d->L, 1);
	return NULL;
}

/* Start reading declaration kind{...}; -1 when there is no table to read. Raises at run time. */
int decl_begin(struct decl *d, lua_State *L, const char *kind)
{
	memset(d, 0, sizeof *d);
	d->L = L;
	d->api = api_of(L);
	d->line = sandbox_line(L, 1);
	d->t = 1;
	snprintf(d->what, sizeof d->what, "%s", kind);
	if (!d->api->loading)
		luaL_error(L, "%s{} declares the scenario: it is only allowed at load time", kind);
	if (lua_type(L, 1) != LUA_TTABLE || lua_gettop(L) != 1) {
		decl_problem(d, "expected %s { name = value, ... }", kind);
		return -1;
	}
	return 0;
}

/* The declaration's id, left pushed; names the declaration in messages. NULL if unusable. */
const char *decl_id(struct decl *d, const char *kind)
{
	const char *id = decl_string(d, "id");

	if (id == NULL) {
		if (decl_get(d, "id") == LUA_TNIL)
			decl_problem(d, "missing id");
		lua_pop(d->L, 1);
		return NULL;
	}
	if (!decl_token(id)) {
		decl_problem(
		    d, "id '%s' may hold only letters, digits, '-', '_' and '.' (at most 64)", id);
		lua_pop(d->L, 1);
		return NULL;
	}
	snprintf(d->what, sizeof d->what, "%s %s", kind, id);
	return id;
}

/* A secret field (pushed; NULL when absent or bad): something one can type after login ID. */
static const char *decl_secret(struct decl *d, const char *name)
{
	const char *s = decl_string(d, name);

	if (s != NULL && !decl_secret_ok(s)) {
		decl_problem(d, "'%s' must be 1 to 128 characters without spaces", name);
		lua_pop(d->L, 1);
		return NULL;
	}
	return s;
}

/* Seed math.random with the exercise's seed, or the override. */
static void decl_seed(struct decl *d)
{
	struct api *api = d->api;

	if (api->seed_override >= 0)
		api->ex->seed = (unsigned long long)api->seed_override;
	libs_seed(d->L, (lua_Integer)api->ex->seed);
}

/* The speed and seed fields of exercise{}. */
static void decl_exercise_numbers(struct decl *d)
{
	struct exercise *ex = d->api->ex;
	lua_State *L = d->L;
	int ok;

	if (decl_get(d, "speed") != LUA_TNIL) {
		if (lua_type(L, -1) == LUA_TNUMBER && lua_tonumber(L, -1) > 0 &&
		    isfinite(lua_tonumber(L, -1)))
			ex->speed = lua_tonumber(L, -1);
		else
			decl_problem(d, "speed must be a number above 0 (exercise seconds per "
			                "real second)");
	}
	lua_pop(L, 1);
	if (decl_get(d, "seed") != LUA_TNIL) {
		lua_Integer seed = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &ok) : 0;
		if (lua_type(L, -1) == LUA_TNUMBER && ok && seed >= 0)
			ex->seed = (unsigned long long)seed;
		else
			decl_problem(d, "seed must be a whole number, 0 or more");
	}
	lua_pop(L, 1);
}

/* exercise { title=, start=, duration=, tick=, speed=, seed=, ... } */
int decl_exercise(lua_State *L)
{
	struct decl d;
	struct exercise *ex;
	const char *s, *err;
	long v;

	if (decl_begin(&d, L, "exercise") < 0)
		return 0;
	ex = d.api->ex;
	if (d.api->has_exercise) {
		decl_problem(&d, "declared twice (first at line %d)", d.api->exercise_line);
		return 0;
	}
	d.api->has_exercise = true;
	d.api->exercise_line = d.line;
	decl_fields(&d, decl_exercise_fields);
	free(ex->title);
	ex->title = decl_copy(&d, "title");
	if (ex->title == NULL) {
		decl_get(&d, "title");
		if (lua_isnil(L, -1))
			decl_problem(&d, "missing title");
		lua_pop(L, 1);
	}
	if ((s = decl_string(&d, "start")) != NULL) {
		if (timeparse_datetime(s, &ex->start_epoch, &err) < 0)
			decl_problem(&d, "bad start '%s': %s (use \"YYYY-MM-DD HH:MM\")", s, err);
		lua_pop(L, 1);
	}
	if (decl_time(&d, "duration", &v) > 0) {
		if (v <= 0)
			decl_problem(&d, "duration must be more than 0");
		ex->duration = v;
	}
	if (decl_time(&d, "tick", &v) > 0) {
		if (v <= 0)
			decl_problem(&d, "tick must be more than 0");
		ex->tick = v > 0 ? v : ex->tick;
	}
	decl_exercise_numbers(&d);
	if ((s = decl_secret(&d, "facilitator_secret")) != NULL) {
		free(ex->facilitator_secret);
		ex->facilitator_secret = mem_strdup(s);
		lua_pop(L, 1);
	}
	if ((s = decl_secret(&d, "observer_secret")) != NULL) {
		free(ex->observer_secret);
		ex->observer_secret = mem_strdup(s);
		lua_pop(L, 1);
	}
	decl_seed(&d);
	return 0;
}

/* team { id=, name=, secret= } */
int decl_team(lua_State *L)
{
	static const char *const reserved[] = {"all", "facilitator", "observer", NULL};
	struct decl d;
	struct exercise *ex;
	const char *id, *name, *secret;
	bool usable;
	int k;

	if (decl_begin(&d, L, "team") < 0)
		return 0;
	ex = d.api->ex;
	id = decl_id(&d, "team");
	usable = id != NULL;
	for (int j = 0; usable && reserved[j] != NULL; j++)
		if (strcasecmp(id, reserved[j]) == 0) {
			decl_problem(&d, "'%s' is reserved: choose another team id", id);
			usable = false;
		}
	if (usable && (k = ex_find_team(ex, id)) >= 0) {
		decl_problem(&d, "declared twice (first at line %d)", ex->teams[k].line);
		usable = false;
	}
	decl_fields(&d, decl_team_fields);
	name = decl_string(&d, "name");
	secret = decl_secret(&d, "secret");
	if (usable)
		ex_add_team(ex, id, name, secret, d.line);
	return 0;
}

/* objective { id=, text= } */
int decl_objective(lua_State *L)
{
	struct decl d;
	struct exercise *ex;
	const char *id, *text;
	int k;

	if (decl_begin(&d, L, "objective") < 0)
		return 0;
	ex = d.api->ex;
	id = decl_id(&d, "objective");
	if (id != NULL && (k = ex_find_objective(ex, id)) >= 0) {
		decl_problem(&d, "declared twice (first at line %d)", ex->objectives[k].line);
		id = NULL;
	}
	decl_fields(&d, decl_objective_fields);
	text = decl_string(&d, "text");
	if (text == NULL) {
		decl_get(&d, "text");
		if (lua_isnil(L, -1))
			decl_problem(&d, "missing text");
	}
	if (id != NULL)
		ex_add_objective(ex, id, text ? text : "", d.line);
	return 0;
}

/* Whether s holds something besides blanks. */
static bool decl_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* hotwash { "question", ... } */
int decl_hotwash(lua_State *L)
{
	struct decl d;
	struct exercise *ex;
	lua_Integer n, k, pairs = 0;
	bool bad = false;

	if (decl_begin(&d, L, "hotwash") < 0)
		return 0;
	ex = d.api->ex;
	if (ex->n_hotwash > 0) {
		decl_problem(&d, "declared twice: give every question in one hotwash { ... }");
		return 0;
	}
	n = (lua_Integer)lua_rawlen(L, 1);
	for (lua_pushnil(L); lua_next(L, 1) != 0; lua_pop(L, 1))
		pairs++;
	if (n == 0 || pairs != n) {
		decl_problem(&d, "expected a list of questions: hotwash { \"What went well?\", "
		                 "\"What would you change?\" }");
		return 0;
	}
	for (k = 1; k <= n; k++) {
		if (lua_rawgeti(L, 1, k) != LUA_TSTRING || decl_blank(lua_tostring(L, -1))) {
			decl_problem(&d, "question %lld must be a non-empty string", (long long)k);
			bad = true;
		}
		lua_pop(L, 1);
	}
	for (k = 1; k <= n && !bad; k++) {
		lua_rawgeti(L, 1, k);
		ex_add_hotwash(ex, lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	return 0;
}

/* Once the file has run: the checks that need every declaration, and `to` resolved. */
void decl_validate(struct api *api)
{
	struct decl d = {.api = api};

	if (!api->has_exercise)
		decl_problem(&d, "no exercise { title = ..., duration = ..., tick = ... } "
		                 "declaration");
	if (api->ex->n_teams == 0)
		decl_problem(&d,
		             "no team declared: add team { id = \"blue\", name = \"Blue team\" }");
	for (int i = 0; i < api->n_targets; i++)
		inject_check(api, &api->targets[i]);
}
