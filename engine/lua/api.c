/* The scenario's runtime API (timers, handlers, fire, send, score, ...) and the exercise hooks. */
#include "api.h"

#include <lauxlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/timeparse.h"
#include "../core/utf8.h"
#include "decl.h"
#include "libs.h"
#include "state.h"

/* The names of on(event), in the order of enum ex_note_kind. */
/* The longest text scenario code may hand to send, log, score, phase or endex at run time. */
#define API_TEXT_MAX 65536

static const char *const api_events[] = {"start",  "tick",  "join", "decision",
                                         "action", "share", "rfi",  "end"};

/* One argument of a callback: 's' string, 'i' integer, 'b' boolean, 'n' nil. */
struct api_arg {
	char type;
	const char *s;
	long long i;
};

/* One call of a scenario function: its reference, its arguments and its truth if wanted. */
struct api_call {
	int ref;
	int nargs;
	struct api_arg a[4];
	bool want;
	bool result;
};

/* The API a C function of it was called from (upvalue 1). */
struct api *api_of(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

/* A time argument or field: whole seconds >= 0 or a duration string; -1 and *err otherwise. */
int api_time(lua_State *L, int idx, long *out, const char **err)
{
	lua_Integer v;
	int ok;

	if (lua_type(L, idx) == LUA_TSTRING)
		return timeparse_duration(lua_tostring(L, idx), out, err);
	if (lua_type(L, idx) != LUA_TNUMBER) {
		*err = "a time is a number of seconds or a string such as \"15m\" or \"1:30\"";
		return -1;
	}
	v = lua_tointegerx(L, idx, &ok);
	if (!ok)
		*err = "seconds must be a whole number";
	else if (v < 0)
		*err = "a time cannot be negative";
	else if (v > 315360000)
		*err = "a time cannot be longer than ten years";
	else
		*out = (long)v;
	return ok && v >= 0 && v <= 315360000 ? 0 : -1;
}

/*
 * A wrong call of an API function: raised at run time. While the file loads it is a problem at
 * the caller's line instead, and loading goes on, so that check reports every problem in one
 * pass; the caller then returns 0.
 */
static int api_fail(lua_State *L, const char *fmt, ...)
{
	struct api *api = api_of(L);
	va_list ap;

	va_start(ap, fmt);
	if (!api->loading) {
		luaL_where(L, 1);
		lua_pushvfstring(L, fmt, ap);
		va_end(ap);
		lua_concat(L, 2);
		return lua_error(L);
	}
	lua_pushvfstring(L, fmt, ap);
	va_end(ap);
	scenario_problem_add(api->probs, api->ex->path, sandbox_line(L, 1), "%s",
	                     lua_tostring(L, -1));
	lua_pop(L, 1);
	return 0;
}

/* Whether argument idx of fn is a function; when not, api_fail as luaL_checktype words it. */
static bool api_want_fn(lua_State *L, int idx, const char *fn)
{
	if (lua_type(L, idx) == LUA_TFUNCTION)
		return true;
	api_fail(L, "bad argument #%d to '%s' (function expected, got %s)", idx, fn,
	         lua_isnone(L, idx) ? "no value" : luaL_typename(L, idx));
	return false;
}

/* The API of a function that acts on the exercise; before STARTEX, api_fail and NULL. */
static struct api *api_live(lua_State *L, const char *fn)
{
	struct api *api = api_of(L);

	if (api->ex->state != EX_WAITING)
		return api;
	api_fail(L, "%s() is only allowed once the exercise runs", fn);
	return NULL;
}

/* The team index of the id at idx for function fn; raises when there is no such team. */
static int api_team_arg(lua_State *L, int idx, const char *fn)
{
	const char *id = luaL_checkstring(L, idx);
	int team = ex_find_team(api_of(L)->ex, id);

	if (team < 0)
		luaL_error(L, "%s: unknown team '%s'", fn, id);
	return team;
}

/* A mask of the teams named at idx: an id, a list of ids or "all" (kept alive on the stack). */
static unsigned char *api_mask(lua_State *L, int idx, const char *fn)
{
	struct exercise *ex = api_of(L)->ex;
	unsigned char *mask;

	idx = lua_absindex(L, idx);
	mask = lua_newuserdatauv(L, (size_t)ex->n_teams + 1, 0);
	memset(mask, 0, (size_t)ex->n_teams + 1);
	if (lua_type(L, idx) == LUA_TSTRING && strcmp(lua_tostring(L, idx), "all") == 0) {
		memset(mask, 1, (size_t)ex->n_teams);
	} else if (lua_type(L, idx) == LUA_TSTRING) {
		mask[api_team_arg(L, idx, fn)] = 1;
	} else if (lua_type(L, idx) == LUA_TTABLE) {
		lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
		for (lua_Integer k = 1; k <= n; k++) {
			lua_rawgeti(L, idx, k);
			mask[api_team_arg(L, -1, fn)] = 1;
			lua_pop(L, 1);
		}
	} else {
		luaL_error(L, "%s: 'to' must be a team id, a list of team ids or \"all\"", fn);
	}
	return mask;
}

/* at(time, fn), after(duration, fn) and every(duration, fn): kind 0, 1 and 2. */
static int api_timer_add(lua_State *L, const char *fn, int kind)
{
	struct api *api = api_of(L);
	struct exercise *ex = api->ex;
	long d, t, every;
	const char *err;
	lua_State *prev;
	int ref;

	if (api_time(L, 1, &d, &err) < 0)
		return api_fail(L, "%s: bad time '%s': %s", fn, libs_tolstring(L, 1, NULL), err);
	if (!api_want_fn(L, 2, fn))
		return 0;
	if (kind == 2 && d <= 0)
		return api_fail(L, "every: the period must be more than 0 seconds");
	t = kind == 0 ? d : ex->t + d;
	every = kind == 2 ? d : 0;
	if ((ex->state == EX_RUNNING || ex->state == EX_PAUSED) && t <= ex->t)
		t = ex->t +
		    1; /* what is due now or past runs at the next tick, never in this one */
	lua_settop(L, 2);
	if (api->loading) {
		api->timers = mem_grow(api->timers, (size_t)api->n_timers, &api->cap_timers,
		                       sizeof *api->timers);
		ref = luaL_ref(L, LUA_REGISTRYINDEX);
		api->timers[api->n_timers++] = (struct api_timer){t, every, ref};
		return 0;
	}
	ref = luaL_ref(L, LUA_REGISTRYINDEX);
	prev = sandbox_enter(L);
	ex_timer(ex, t, every, ref);
	sandbox_leave(L, prev);
	return 0;
}

/* at(time, fn): fn runs when the exercise clock reaches time after STARTEX. */
static int api_at(lua_State *L)
{
	return api_timer_add(L, "at", 0);
}

/* after(duration, fn): fn runs once duration has passed from now(). */
static int api_after(lua_State *L)
{
	return api_timer_add(L, "after", 1);
}

/* every(duration, fn): fn runs every duration from now(). */
static int api_every(lua_State *L)
{
	return api_timer_add(L, "every", 2);
}

/* when(predicate, fn): fn runs once, the first time predicate() is true. */
static int api_when(lua_State *L)
{
	struct api *api = api_of(L);
	int pred, fn;

	if (!api_want_fn(L, 1, "when") || !api_want_fn(L, 2, "when"))
		return 0;
	lua_settop(L, 2);
	api->whens =
	    mem_grow(api->whens, (size_t)api->n_whens, &api->cap_whens, sizeof *api->whens);
	fn = luaL_ref(L, LUA_REGISTRYINDEX);
	pred = luaL_ref(L, LUA_REGISTRYINDEX);
	api->whens[api->n_whens++] = (struct api_when){pred, fn, false};
	return 0;
}

/* on(event, fn): fn runs every time event happens. */
static int api_on(lua_State *L)
{
	struct api *api = api_of(L);
	const char *name = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
	const char *near = NULL;
	int kind = -1, n = (int)(sizeof api_events / sizeof api_events[0]);

	if (name == NULL)
		return api_fail(L, "on: the event must be a name such as \"start\", not %s",
		                luaL_typename(L, 1));
	for (int k = 0; k < n; k++) {
		if (strcmp(name, api_events[k]) == 0)
			kind = k;
		else if (near == NULL && decl_distance(name, api_events[k]) <= 2)
			near = api_events[k];
	}
	if (kind < 0 && near != NULL)
		return api_fail(L, "on: unknown event '%s' (did you mean '%s'?)", name, near);
	if (kind < 0)
		return api_fail(L,
		                "on: unknown event '%s' (events: start, tick, join, decision, "
		                "action, share, rfi, end)",
		                name);
	if (!api_want_fn(L, 2, "on"))
		return 0;
	lua_settop(L, 2);
	api->handlers = mem_grow(api->handlers, (size_t)api->n_handlers, &api->cap_handlers,
	                         sizeof *api->handlers);
	api->handlers[api->n_handlers].kind = (enum ex_note_kind)kind;
	api->handlers[api->n_handlers].ref = luaL_ref(L, LUA_REGISTRYINDEX);
	api->n_handlers++;
	return 0;
}

/* Bytes of text s and its other languages tr (either may be NULL). */
static size_t api_bytes(const char *s, const struct ex_tr *tr)
{
	size_t n = s != NULL ? strlen(s) : 0;

	for (int k = 0; tr != NULL && k < tr->n; k++)
		n += tr->v[k] != NULL ? strlen(tr->v[k]) : 0;
	return n;
}

/* Bytes of the texts an inject sends (from, channel, subject, body, prompt), every language. */
static size_t api_inject_bytes(const struct ex_inject *inj)
{
	return api_bytes(inj->from, inj->from_tr) + api_bytes(inj->channel, inj->channel_tr) +
	       api_bytes(inj->subject, inj->subject_tr) + api_bytes(inj->body, inj->body_tr) +
	       (inj->decision != NULL ? api_bytes(inj->decision->prompt, inj->decision->prompt_tr)
	                              : 0);
}

/* fire(id [, to]): fire a declared inject now, to its own teams or to `to`. */
static int api_fire(lua_State *L)
{
	struct api *api = api_live(L, "fire");
	struct exercise *ex;
	const char *id;
	int i, rc = 0;
	unsigned char *mask = NULL;
	lua_State *prev;

	if (api == NULL)
		return 0;
	ex = api->ex;
	id = luaL_checkstring(L, 1);
	i = ex_find_inject(ex, id);
	if (i < 0)
		return luaL_error(L, "fire: unknown inject '%s'", id);
	if (ex->state == EX_ENDED)
		return luaL_error(L, "fire: the exercise has ended");
	if (!lua_isnoneornil(L, 2))
		mask = api_mask(L, 2, "fire");
	sandbox_emit(L, api_inject_bytes(&ex->injects[i]));
	prev = sandbox_enter(L);
	if (mask == NULL)
		rc = ex_fire(ex, i, -1);
	for (int k = 0; mask != NULL && k < ex->n_teams; k++)
		if (mask[k])
			rc |= ex_fire(ex, i, k);
	sandbox_leave(L, prev);
	if (rc < 0)
		return luaL_error(L, "fire: the exercise is not running");
	return 0;
}

/* Raise if text s, for fn's label, is longer than a run-time text may be. */
static void api_cap(lua_State *L, const char *s, const char *fn, const char *label)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n > API_TEXT_MAX)
		luaL_error(L, "%s: %s is too long (%I bytes; at most %d)", fn, label,
		           (lua_Integer)n, API_TEXT_MAX);
}

/*
 * The text at idx for function fn (label names it: "'subject'"): a string, or a table of
 * languages whose texts go to *tr (a userdata left on the stack; NULL for a string). Returns the
 * default language's text, else the first there is. Raises when it is neither.
 */
static const char *api_text(lua_State *L, int idx, const char *fn, const char *label,
                            struct ex_tr **tr)
{
	const struct exercise *ex = api_of(L)->ex;
	char err[512];
	int k;

	idx = lua_absindex(L, idx);
	*tr = NULL;
	if (lua_type(L, idx) == LUA_TSTRING) {
		api_cap(L, lua_tostring(L, idx), fn, label);
		return lua_tostring(L, idx);
	}
	if (lua_type(L, idx) != LUA_TTABLE)
		luaL_error(L, "%s: %s must be a string%s, not a %s", fn, label,
		           ex->n_langs > 0 ? " or a table of languages" : "",
		           luaL_typename(L, idx));
	*tr = lua_newuserdatauv(L, sizeof **tr + ((size_t)ex->n_langs + 1) * sizeof(*tr)->v[0], 0);
	(*tr)->n = ex->n_langs;
	if (decl_langs(L, idx, ex, label, (const char **)(*tr)->v, err, sizeof err) < 0)
		luaL_error(L, "%s: %s", fn, err);
	for (k = 0; k < ex->n_langs; k++)
		api_cap(L, (*tr)->v[k], fn, label);
	for (k = 0; k < ex->n_langs && (*tr)->v[k] == NULL; k++)
		;
	return (*tr)->v[k];
}

/*
 * Argument idx of fn as a text: a table of languages (see api_text), or a string (def when it is
 * absent, unless it is required). Capped like every run-time text.
 */
static const char *api_text_arg(lua_State *L, int idx, const char *fn, const char *label,
                                bool required, const char *def, struct ex_tr **tr)
{
	const char *s;

	*tr = NULL;
	if (lua_istable(L, idx))
		return api_text(L, idx, fn, label, tr);
	s = required ? luaL_checkstring(L, idx) : luaL_optstring(L, idx, def);
	api_cap(L, s, fn, label);
	return s;
}

/* The text field name of the table at idx for fn (see api_text), or NULL when absent. */
static const char *api_field(lua_State *L, int idx, const char *name, const char *fn,
                             struct ex_tr **tr)
{
	char label[64];

	*tr = NULL;
	lua_pushstring(L, name);
	if (lua_rawget(L, idx) == LUA_TNIL)
		return NULL;
	snprintf(label, sizeof label, "'%s'", name);
	return api_text(L, -1, fn, label, tr);
}

/* Raise on the first key of the table at idx (in pairs order) that is not one of names. */
static void api_only(lua_State *L, int idx, const char *fn, const char *const *names)
{
	lua_Integer n;

	libs_sorted_keys(L, idx);
	n = (lua_Integer)lua_rawlen(L, -1);
	for (lua_Integer k = 1; k <= n; k++) {
		const char *key;
		int known = 0;
		lua_rawgeti(L, -1, k);
		key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
		for (int j = 0; key != NULL && names[j] != NULL; j++)
			known |= strcmp(key, names[j]) == 0;
		if (!known)
			luaL_error(L, "%s: unknown field '%s'", fn, libs_tolstring(L, -1, NULL));
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* send{to=, from=, channel=, subject=, body=}: an ad-hoc inject. */
static int api_send(lua_State *L)
{
	static const char *const fields[] = {"to", "from", "channel", "subject", "body", NULL};
	struct api *api = api_live(L, "send");
	struct ex_inject inj = {0};
	unsigned char *mask = NULL;
	lua_State *prev;

	if (api == NULL)
		return 0;
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	api_only(L, 1, "send", fields);
	lua_pushliteral(L, "to");
	if (lua_rawget(L, 1) != LUA_TNIL)
		mask = api_mask(L, -1, "send");
	inj.from = (char *)api_field(L, 1, "from", "send", &inj.from_tr);
	inj.channel = (char *)api_field(L, 1, "channel", "send", &inj.channel_tr);
	inj.subject = (char *)api_field(L, 1, "subject", "send", &inj.subject_tr);
	inj.body = (char *)api_field(L, 1, "body", "send", &inj.body_tr);
	sandbox_emit(L, api_inject_bytes(&inj));
	prev = sandbox_enter(L);
	ex_send_inject(api->ex, mask, &inj);
	sandbox_leave(L, prev);
	return 0;
}

/* score(team, delta, reason): add a whole number to a team's score. */
static int api_score(lua_State *L)
{
	struct api *api = api_live(L, "score");
	int team, ok;
	lua_Integer delta;
	const char *reason;
	struct ex_tr *tr;
	lua_State *prev;

	if (api == NULL)
		return 0;
	team = api_team_arg(L, 1, "score");
	luaL_checktype(L, 2, LUA_TNUMBER);
	delta = lua_tointegerx(L, 2, &ok);
	if (!ok)
		return luaL_error(L, "score: delta must be a whole number, not %s",
		                  libs_tolstring(L, 2, NULL));
	reason = api_text_arg(L, 3, "score", "the reason", false, "", &tr);
	sandbox_emit(L, api_bytes(reason, tr));
	prev = sandbox_enter(L);
	ex_score_tr(api->ex, team, (long)delta, reason, tr);
	sandbox_leave(L, prev);
	return 0;
}

/* phase(name): name the current move or phase. */
static int api_phase(lua_State *L)
{
	struct api *api = api_live(L, "phase");
	struct ex_tr *tr;
	const char *name;
	lua_State *prev;

	if (api == NULL)
		return 0;
	name = api_text_arg(L, 1, "phase", "the name", true, NULL, &tr);
	sandbox_emit(L, api_bytes(name, tr));
	prev = sandbox_enter(L);
	ex_phase_tr(api->ex, name, tr);
	sandbox_leave(L, prev);
	return 0;
}

/* endex([reason]): end the exercise (nothing happens if it has ended already). */
static int api_endex(lua_State *L)
{
	struct api *api = api_live(L, "endex");
	struct ex_tr *tr;
	const char *reason;
	lua_State *prev;

	if (api == NULL)
		return 0;
	reason = api_text_arg(L, 1, "endex", "the reason", false, NULL, &tr);
	sandbox_emit(L, api_bytes(reason, tr));
	prev = sandbox_enter(L);
	ex_endex_tr(api->ex, reason, tr);
	sandbox_leave(L, prev);
	return 0;
}

/* now(): exercise seconds since STARTEX. */
static int api_now(lua_State *L)
{
	lua_pushinteger(L, api_of(L)->ex->t);
	return 1;
}

/* log(...): its arguments, as tostring shows them and separated by spaces, to the facilitators. */
static int api_log(lua_State *L)
{
	struct api *api = api_of(L);
	int n = lua_gettop(L);
	luaL_Buffer b;
	lua_State *prev;

	luaL_buffinit(L, &b);
	for (int i = 1; i <= n; i++) {
		if (i > 1)
			luaL_addchar(&b, ' ');
		libs_tolstring(L, i, NULL);
		luaL_addvalue(&b);
	}
	luaL_pushresult(&b);
	api_cap(L, lua_tostring(L, -1), "log", "the line");
	sandbox_emit(L, api_bytes(lua_tostring(L, -1), NULL));
	prev = sandbox_enter(L);
	ex_log(api->ex, lua_tostring(L, -1));
	sandbox_leave(L, prev);
	return 0;
}

/* Set the API's globals (and `state`) in L; runs in protected mode. */
void api_open(lua_State *L, struct api *api)
{
	static const luaL_Reg funcs[] = {{"exercise", decl_exercise},
	                                 {"team", decl_team},
	                                 {"objective", decl_objective},
	                                 {"hotwash", decl_hotwash},
	                                 {"inject", inject_declare},
	                                 {"at", api_at},
	                                 {"after", api_after},
	                                 {"every", api_every},
	                                 {"when", api_when},
	                                 {"on", api_on},
	                                 {"fire", api_fire},
	                                 {"send", api_send},
	                                 {"score", api_score},
	                                 {"phase", api_phase},
	                                 {"endex", api_endex},
	                                 {"now", api_now},
	                                 {"log", api_log},
	                                 {"print", api_log},
	                                 {NULL, NULL}};

	lua_pushglobaltable(L);
	lua_pushlightuserdata(L, api);
	luaL_setfuncs(L, funcs, 1);
	lua_newtable(L);
	lua_setfield(L, -2, "state");
	lua_pop(L, 1);
}

/* Tell the staff about a callback's error ("FILE:LINE: message") as a script_error, count it. */
static void api_report(struct api *api, const char *err)
{
	const char *msg;
	int line = sandbox_split(api->sb, err, &msg);

	api->errors++;
	if (api->report != NULL) {
		utf8_term_printf(api->report, "script error: %s\n", err);
		fflush(api->report);
	}
	ex_script_error(api->ex, api->ex->path, line, msg);
}

/* Push the arguments of a call and make it; runs in protected mode. */
static int api_trampoline(lua_State *L)
{
	struct api_call *c = lua_touserdata(L, 1);

	luaL_checkstack(L, c->nargs + 2, NULL);
	lua_rawgeti(L, LUA_REGISTRYINDEX, c->ref);
	for (int i = 0; i < c->nargs; i++) {
		if (c->a[i].type == 's')
			lua_pushstring(L, c->a[i].s);
		else if (c->a[i].type == 'i')
			lua_pushinteger(L, c->a[i].i);
		else if (c->a[i].type == 'b')
			lua_pushboolean(L, (int)c->a[i].i);
		else
			lua_pushnil(L);
	}
	sandbox_call(L, c->nargs, c->want ? 1 : 0);
	if (c->want)
		c->result = lua_toboolean(L, -1);
	return 0;
}

/* Make a call under the budget; returns 0, or -1 with *err (to free). */
static int api_try(struct api *api, struct api_call *c, char **err)
{
	return sandbox_run(api->sb, api_trampoline, c, api->budget, err);
}

/* Make a call; an error goes to the facilitators and is counted. */
static void api_invoke(struct api *api, struct api_call *c)
{
	char *err;

	if (api_try(api, c, &err) < 0) {
		api_report(api, err);
		free(err);
	}
}

/* Add a string argument (nil for NULL). */
static void api_arg_str(struct api_call *c, const char *s)
{
	c->a[c->nargs++] = (struct api_arg){s != NULL ? 's' : 'n', s, 0};
}

/* Add an integer ('i') or boolean ('b') argument. */
static void api_arg_int(struct api_call *c, char type, long long i)
{
	c->a[c->nargs++] = (struct api_arg){type, NULL, i};
}

/* The arguments of on(event) handlers for a note. */
static void api_note_args(const struct exercise *ex, const struct ex_note *n, struct api_call *c)
{
	const char *team = n->team >= 0 ? ex->teams[n->team].id : NULL;

	switch (n->kind) {
	case EX_NOTE_START:
		break;
	case EX_NOTE_TICK:
		api_arg_int(c, 'i', ex->t);
		break;
	case EX_NOTE_DECISION:
		api_arg_str(c, team);
		api_arg_str(c, ex->injects[n->inject].id);
		api_arg_str(c, n->option);
		api_arg_int(c, 'b', n->timeout);
		break;
	case EX_NOTE_SHARE:
		api_arg_str(c, team);
		api_arg_str(c, n->to >= 0 ? ex->teams[n->to].id : "all");
		api_arg_str(c, n->text);
		break;
	case EX_NOTE_END:
		api_arg_str(c, n->text);
		break;
	default: /* join, action, rfi */
		api_arg_str(c, team);
		api_arg_str(c, n->text);
		break;
	}
}

/* Hook: a timer is due. */
static void api_hook_timer(void *ctx, struct exercise *ex, int ref)
{
	struct api_call c = {.ref = ref};

	(void)ex;
	api_invoke(ctx, &c);
}

/* Hook: the inject's on_decision for a decision, then every on(...) handler of the note's kind. */
static void api_hook_notify(void *ctx, struct exercise *ex, const struct ex_note *n)
{
	struct api *api = ctx;
	struct api_call c = {0};
	int count = api->n_handlers;

	if (n->kind == EX_NOTE_DECISION && ex->injects[n->inject].on_decision >= 0) {
		struct api_call d = {.ref = ex->injects[n->inject].on_decision};
		api_arg_str(&d, n->team >= 0 ? ex->teams[n->team].id : NULL);
		api_arg_str(&d, n->option);
		api_arg_int(&d, 'b', n->timeout);
		api_invoke(api, &d);
	}
	api_note_args(ex, n, &c);
	for (int i = 0; i < count; i++) {
		if (api->handlers[i].kind != n->kind)
			continue;
		c.ref = api->handlers[i].ref;
		api_invoke(api, &c);
	}
}

/* Evaluate when() i; fire it if its predicate holds. Returns whether it is done. */
static bool api_when_step(struct api *api, int i)
{
	struct api_call c = {.ref = api->whens[i].pred, .want = true};
	lua_State *L = sandbox_thread(api->sb);
	char *err;
	int fn;

	if (api_try(api, &c, &err) < 0) {
		if (!api->whens[i].errored)
			api_report(api, err);
		api->whens[i].errored = true;
		free(err);
		return false;
	}
	if (!c.result)
		return false;
	fn = api->whens[i].fn;
	luaL_unref(L, LUA_REGISTRYINDEX, api->whens[i].pred);
	api->whens[i].pred = LUA_NOREF;
	c = (struct api_call){.ref = fn};
	api_invoke(api, &c);
	luaL_unref(sandbox_thread(api->sb), LUA_REGISTRYINDEX, fn);
	return true;
}

/* Hook: evaluate the pending when() predicates in the order they were set; each fires once. */
static void api_hook_settle(void *ctx, struct exercise *ex)
{
	struct api *api = ctx;
	int n = api->n_whens, j = 0;

	if (api->settling || (ex->state != EX_RUNNING && ex->state != EX_PAUSED))
		return;
	api->settling = true;
	for (int i = 0; i < n && ex->state != EX_ENDED; i++)
		if (api->whens[i].pred != LUA_NOREF)
			api_when_step(api, i);
	for (int i = 0; i < api->n_whens; i++)
		if (api->whens[i].pred != LUA_NOREF)
			api->whens[j++] = api->whens[i];
	api->n_whens = j;
	api->settling = false;
}

/* Hook: a timer reference will never fire again. */
static void api_hook_release(void *ctx, struct exercise *ex, int ref)
{
	struct api *api = ctx;

	(void)ex;
	luaL_unref(sandbox_thread(api->sb), LUA_REGISTRYINDEX, ref);
}

/* Fill the object in the light userdata with the global `state`; runs in protected mode. */
static int api_state_run(lua_State *L)
{
	json_t *obj = lua_touserdata(L, 1);

	lua_pushglobaltable(L);
	lua_pushliteral(L, "state");
	lua_rawget(L, -2);
	state_json(L, -1, obj);
	return 0;
}

/* Hook: the scenario's state table as JSON ({} when it cannot be read). */
static json_t *api_hook_state(void *ctx, struct exercise *ex)
{
	struct api *api = ctx;
	json_t *obj = json_object();
	char *err;

	(void)ex;
	if (obj == NULL)
		abort();
	if (sandbox_run(api->sb, api_state_run, obj, api->budget, &err) < 0) {
		free(err);
		json_object_clear(obj);
	}
	return obj;
}

/* A new API for ex in sandbox sb, loading: problems go to probs, src is the file's text. */
struct api *api_new(struct sandbox *sb, struct exercise *ex, long budget, long long seed_override,
                    struct scenario_problems *probs, const char *src, size_t src_len)
{
	struct api *api = mem_calloc(1, sizeof *api);

	api->sb = sb;
	api->ex = ex;
	api->budget = budget;
	api->seed_override = seed_override;
	api->loading = true;
	api->probs = probs;
	api->probs_first = probs != NULL ? probs->n : 0;
	api->src = src;
	api->src_len = src_len;
	return api;
}

/* Loading is over: declarations are refused from now on and load-only data is freed. */
void api_loaded(struct api *api)
{
	api->loading = false;
	api->probs = NULL;
	api->src = NULL;
	inject_free(api);
}

/* The exercise is prepared: schedule the timers set while loading and install the hooks. */
void api_start(struct api *api)
{
	struct exercise *ex = api->ex;

	ex->hooks = (struct ex_hooks){.ctx = api,
	                              .timer = api_hook_timer,
	                              .notify = api_hook_notify,
	                              .settle = api_hook_settle,
	                              .release = api_hook_release,
	                              .state = api_hook_state};
	for (int i = 0; i < api->n_timers; i++)
		ex_timer(ex, api->timers[i].t, api->timers[i].every, api->timers[i].ref);
	free(api->timers);
	api->timers = NULL;
	api->n_timers = api->cap_timers = 0;
}

/* Free the API (the exercise and the sandbox are the caller's). */
void api_free(struct api *api)
{
	if (api == NULL)
		return;
	api_loaded(api);
	free(api->timers);
	free(api->handlers);
	free(api->whens);
	free(api);
}
