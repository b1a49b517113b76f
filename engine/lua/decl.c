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
#include "fieldline.h"
#include "hint.h"
#include "libs.h"

/* The fields exercise{}, team{} and objective{} may have. */
static const char *const decl_exercise_fields[] = {
    "title",           "start",     "duration", "tick", "speed", "seed", "facilitator_secret",
    "observer_secret", "languages", NULL};
static const char *const decl_team_fields[] = {"id", "name", "secret", NULL};
static const char *const decl_objective_fields[] = {"id", "text", NULL};

/* The line of the field last read (of `in` when only that is found), else the declaration's. */
int decl_line(const struct decl *d)
{
	const struct api *api = d->api;
	int line = 0;

	if (d->field == NULL)
		return d->line;
	if (d->in != NULL)
		line = fieldline_find(api->src, api->src_len, d->line, d->kind, d->in, d->field);
	if (line == 0)
		line = fieldline_find(api->src, api->src_len, d->line, d->kind, NULL,
		                      d->in != NULL ? d->in : d->field);
	return line > 0 ? line : d->line;
}

/* Record a problem of the declaration being read, at the line of its field last read. */
void decl_problem(struct decl *d, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int line = decl_line(d);

	va_start(ap, fmt);
	msg = mem_vprintf(fmt, ap);
	va_end(ap);
	if (d->what[0] != '\0')
		scenario_problem_add(d->api->probs, d->api->ex->path, line, "%s: %s", d->what, msg);
	else
		scenario_problem_add(d->api->probs, d->api->ex->path, line, "%s", msg);
	free(msg);
}

/* The index of a language by its exact code, or -1. */
static int decl_lang_index(const struct exercise *ex, const char *code)
{
	for (int k = 0; k < ex->n_langs; k++)
		if (strcmp(ex->langs[k], code) == 0)
			return k;
	return -1;
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
	d->field = name;
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
int decl_distance(const char *a, const char *b)
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
		d->field = key;
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

/* Whether the table at idx has a string key: then it is meant as a table of languages. */
static bool decl_has_names(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	for (lua_pushnil(L); lua_next(L, idx) != 0; lua_pop(L, 1)) {
		if (lua_type(L, -2) == LUA_TSTRING) {
			lua_pop(L, 2);
			return true;
		}
	}
	return false;
}

/* The exercise's languages, "en, sq", into buf. */
static void decl_lang_list(const struct exercise *ex, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int k = 0; k < ex->n_langs && used < n; k++)
		used +=
		    (size_t)snprintf(buf + used, n - used, "%s%s", k > 0 ? ", " : "", ex->langs[k]);
}

/* Read the table of languages at idx into v; 0, or -1 with what is wrong in err. */
int decl_langs(lua_State *L, int idx, const struct exercise *ex, const char *label, const char **v,
               char *err, size_t n)
{
	char list[256];
	lua_Integer count;
	int lang, rc = 0;
	bool names = decl_has_names(L, idx);

	idx = lua_absindex(L, idx);
	if (!names && ex->n_langs == 0) {
		snprintf(err, n, "%s must be a string, not a table", label);
		return -1;
	}
	if (!names) {
		snprintf(
		    err, n,
		    "%s must be a string or a table of languages { %s = \"...\", ... }, not %s",
		    label, ex->langs[0], lua_rawlen(L, idx) > 0 ? "a list" : "an empty table");
		return -1;
	}
	if (ex->n_langs == 0) {
		snprintf(err, n,
		         "%s is a table of languages, but the exercise declares none: add "
		         "languages = { \"en\", ... } to exercise { ... }, the default first",
		         label);
		return -1;
	}
	decl_lang_list(ex, list, sizeof list);
	for (int k = 0; k < ex->n_langs; k++)
		v[k] = NULL;
	libs_sorted_keys(L, idx);
	count = (lua_Integer)lua_rawlen(L, -1);
	for (lua_Integer k = 1; k <= count && rc == 0; k++) {
		lua_rawgeti(L, -1, k);
		if (lua_type(L, -1) != LUA_TSTRING) {
			snprintf(err, n, "%s must name each language: { %s = \"...\"%s%s%s }",
			         label, ex->langs[0], ex->n_langs > 1 ? ", " : "",
			         ex->n_langs > 1 ? ex->langs[1] : "",
			         ex->n_langs > 1 ? " = \"...\"" : "");
			rc = -1;
		} else if ((lang = decl_lang_index(ex, lua_tostring(L, -1))) < 0) {
			snprintf(err, n,
			         "%s has a text in '%s', which is not one of the languages (%s)",
			         label, lua_tostring(L, -1), list);
			rc = -1;
		} else if (lua_rawget(L, idx) != LUA_TSTRING) {
			snprintf(err, n, "%s in '%s' must be a string, not a %s", label,
			         ex->langs[lang], luaL_typename(L, -1));
			rc = -1;
		} else {
			v[lang] = lua_tostring(L, -1);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	return rc;
}

/*
 * The text at idx named label: a string or a table of languages, copied (see decl.h). Nothing
 * after the copies can raise, so a caller that takes them at once loses none.
 */
int decl_text_at(struct decl *d, int idx, const char *label, char **out, struct ex_tr **tr)
{
	struct exercise *ex = d->api->ex;
	const char **v;
	char err[512];
	int k;

	*out = NULL;
	*tr = NULL;
	if (lua_type(d->L, idx) == LUA_TSTRING) {
		*out = mem_strdup(lua_tostring(d->L, idx));
		return 0;
	}
	if (lua_type(d->L, idx) != LUA_TTABLE)
		return 1;
	idx = lua_absindex(d->L, idx);
	v = lua_newuserdatauv(d->L, ((size_t)ex->n_langs + 1) * sizeof *v, 0);
	if (decl_langs(d->L, idx, ex, label, v, err, sizeof err) < 0) {
		decl_problem(d, "%s", err);
		lua_pop(d->L, 1);
		return -1;
	}
	*tr = ex_lang_new(ex->n_langs);
	for (k = 0; k < ex->n_langs; k++) {
		(*tr)->v[k] = mem_strdup(v[k]);
		if (v[k] == NULL)
			ex_lang_missing(ex, decl_line(d),
			                "%s%s%s has no text in '%s' (missing translation)", d->what,
			                d->what[0] ? ": " : "", label, ex->langs[k]);
	}
	for (k = 0; k < ex->n_langs && v[k] == NULL; k++)
		;
	*out = mem_strdup(v[k]);
	lua_pop(d->L, 1);
	return 0;
}

/* The text field name (see decl_text_at) into *out and *tr; both NULL when absent or bad. */
void decl_text(struct decl *d, const char *name, char **out, struct ex_tr **tr)
{
	char label[64], quoted[80];

	*out = NULL;
	*tr = NULL;
	if (decl_get(d, name) != LUA_TNIL) {
		snprintf(quoted, sizeof quoted, "'%s'", decl_label(d, name, label, sizeof label));
		if (decl_text_at(d, -1, quoted, out, tr) > 0)
			decl_type(d, name,
			          d->api->ex->n_langs > 0 ? "a string or a table of languages"
			                                  : "a string");
	}
	lua_pop(d->L, 1);
}

/* Field name as a time into *out: 1 when set, 0 when absent, -1 when bad (a problem). */
int decl_time(struct decl *d, const char *name, long *out)
{
	int top = lua_gettop(d->L), rc = 0;
	char label[64], buf[96], hint[64];
	const char *err;

	if (decl_get(d, name) != LUA_TNIL) {
		rc = api_time(d->L, -1, out, &err) == 0 ? 1 : -1;
		if (rc < 0 && lua_type(d->L, -1) == LUA_TSTRING &&
		    hint_duration(lua_tostring(d->L, -1), hint, sizeof hint))
			decl_problem(d,
			             "bad time %s for %s: write \"%s\" (times read \"90s\", "
			             "\"15m\", \"2h\", \"1h30m\" or \"1:30\")",
			             decl_repr(d->L, -1, buf, sizeof buf),
			             decl_label(d, name, label, sizeof label), hint);
		else if (rc < 0)
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
	d->kind = kind;
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

/* Secrets shorter than this are guessed too easily: check warns about them. */
#define DECL_SECRET_MIN 8

/*
 * A secret field (pushed; NULL when absent or bad): something one can type after login ID. A
 * short one is a warning for check.
 */
static const char *decl_secret(struct decl *d, const char *name)
{
	const char *s = decl_string(d, name);
	size_t n = s != NULL ? strlen(s) : 0;

	if (s != NULL && !decl_secret_ok(s)) {
		decl_problem(d, "'%s' must be 1 to 128 characters without spaces", name);
		lua_pop(d->L, 1);
		return NULL;
	}
	if (s != NULL && n < DECL_SECRET_MIN && d->api->warnings != NULL)
		scenario_problem_add(
		    d->api->warnings, d->api->ex->path, decl_line(d),
		    "warning: %s: '%s' is only %zu character%s long, a few guesses "
		    "away: use %d or more, or leave it out for a generated join "
		    "code",
		    d->what, name, n, n == 1 ? "" : "s", DECL_SECRET_MIN);
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

/* The most languages a scenario may declare. */
#define DECL_LANGS_MAX 32

/* Whether the list at idx has exactly the keys 1..n and 1 <= n <= max. */
static bool decl_is_list(lua_State *L, int idx, lua_Integer max)
{
	lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;

	idx = lua_absindex(L, idx);
	for (lua_pushnil(L); lua_next(L, idx) != 0; lua_pop(L, 1))
		count++;
	return n > 0 && n <= max && count == n;
}

/* The languages field of exercise{}: the codes, the default first. */
static void decl_languages(struct decl *d)
{
	struct exercise *ex = d->api->ex;
	lua_State *L = d->L;
	lua_Integer n;
	const char *code;
	char buf[96];

	if (decl_get(d, "languages") == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	if (!lua_istable(L, -1) || !decl_is_list(L, -1, DECL_LANGS_MAX)) {
		decl_problem(d,
		             "'languages' must be a list of 1 to %d language codes, the default "
		             "first: { \"en\", \"sq\" }",
		             DECL_LANGS_MAX);
		lua_pop(L, 1);
		return;
	}
	n = (lua_Integer)lua_rawlen(L, -1);
	ex->langs = mem_calloc((size_t)n, sizeof *ex->langs);
	for (lua_Integer k = 1; k <= n; k++) {
		lua_rawgeti(L, -1, k);
		code = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
		if (code == NULL || !decl_token(code))
			decl_problem(d,
			             "language %s must be a code such as \"en\" or \"sr-Latn\" "
			             "(letters, digits, '-', '_' or '.')",
			             decl_repr(L, -1, buf, sizeof buf));
		else if (ex_lang_find(ex, code) >= 0)
			decl_problem(d, "language '%s' appears twice in 'languages'", code);
		else
			ex->langs[ex->n_langs++] = mem_strdup(code);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* exercise { title=, start=, duration=, tick=, speed=, seed=, languages=, ... } */
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
	decl_languages(&d);
	decl_text(&d, "title", &ex->title, &ex->title_tr);
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
	const char *id, *secret;
	struct ex_tr *tr;
	char *name;
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
	secret = decl_secret(&d, "secret");
	decl_text(&d, "name", &name, &tr);
	if (usable) {
		k = ex_add_team(ex, id, name, secret, d.line);
		ex->teams[k].name_tr = tr;
		tr = NULL;
	}
	ex_lang_free(tr);
	free(name);
	return 0;
}

/* objective { id=, text= } */
int decl_objective(lua_State *L)
{
	struct decl d;
	struct exercise *ex;
	const char *id;
	struct ex_tr *tr;
	char *text;
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
	if (decl_get(&d, "text") == LUA_TNIL)
		decl_problem(&d, "missing text");
	lua_pop(L, 1);
	decl_text(&d, "text", &text, &tr);
	if (id != NULL) {
		k = ex_add_objective(ex, id, text ? text : "", d.line);
		ex->objectives[k].text_tr = tr;
		tr = NULL;
	}
	ex_lang_free(tr);
	free(text);
	return 0;
}

/* Whether s holds something besides blanks. */
static bool decl_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/*
 * Whether the hotwash question on top of the stack (named label) is usable: 1 for a non-blank
 * string or table of languages whose first text is not blank, 0 when it is not, -1 for a bad
 * table of languages (a problem).
 */
static int decl_question_ok(struct decl *d, const char *label)
{
	const struct exercise *ex = d->api->ex;
	lua_State *L = d->L;
	const char **v;
	char err[512];
	int k, ok;

	if (lua_type(L, -1) == LUA_TSTRING)
		return !decl_blank(lua_tostring(L, -1));
	if (lua_type(L, -1) != LUA_TTABLE)
		return 0;
	v = lua_newuserdatauv(L, ((size_t)ex->n_langs + 1) * sizeof *v, 0);
	if (decl_langs(L, -2, ex, label, v, err, sizeof err) < 0) {
		decl_problem(d, "%s", err);
		ok = -1;
	} else {
		for (k = 0; k < ex->n_langs && v[k] == NULL; k++)
			;
		ok = k < ex->n_langs && !decl_blank(v[k]);
	}
	lua_pop(L, 1);
	return ok;
}

/* hotwash { "question", ... } */
int decl_hotwash(lua_State *L)
{
	struct decl d;
	struct exercise *ex;
	lua_Integer n, k, pairs = 0;
	char label[32], *q;
	struct ex_tr *tr;
	bool bad = false;
	int ok;

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
		snprintf(label, sizeof label, "question %lld", (long long)k);
		lua_rawgeti(L, 1, k);
		ok = decl_question_ok(&d, label);
		if (ok == 0)
			decl_problem(&d, "%s must be a non-empty string%s", label,
			             ex->n_langs > 0 ? " or a table of languages" : "");
		bad |= ok <= 0;
		lua_pop(L, 1);
	}
	for (k = 1; k <= n && !bad; k++) {
		snprintf(label, sizeof label, "question %lld", (long long)k);
		lua_rawgeti(L, 1, k);
		if (decl_text_at(&d, -1, label, &q, &tr) == 0)
			ex_add_hotwash_tr(ex, q, tr);
		free(q);
		ex_lang_free(tr);
		lua_pop(L, 1);
	}
	return 0;
}

/*
 * A missing translation lets the scenario run (the default language is shown) and stays with the
 * exercise for check; in a scenario that cannot run anyway, it is listed with the other problems.
 */
static void decl_missing(struct api *api)
{
	struct exercise *ex = api->ex;

	if (api->probs->n == api->probs_first)
		return;
	for (int i = 0; i < ex->n_missing; i++) {
		scenario_problem_add(api->probs, ex->path, ex->missing[i].line, "%s",
		                     ex->missing[i].msg);
		free(ex->missing[i].msg);
	}
	free(ex->missing);
	ex->missing = NULL;
	ex->n_missing = 0;
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
	decl_missing(api);
}
