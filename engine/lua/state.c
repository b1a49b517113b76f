/* The scenario's `state` table as JSON, for the facilitators' `state` command. */
#include <lauxlib.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"
#include "libs.h"
#include "sandbox.h"
#include "state.h"

/* Tables nested deeper than this become null; values past the count are left out. */
#define STATE_DEPTH 32
#define STATE_VALUES 100000

/* A conversion in progress. */
struct state_walk {
	int path;    /* stack index of a table: the tables being converted -> true (cycles) */
	long values; /* values converted so far */
};

static void state_value(lua_State *L, int idx, json_t *dst, const char *key, size_t klen,
                        struct state_walk *w, int depth);

/* Attach v to dst: at the end of an array, or under key in an object. Steals v; -1 on failure. */
static int state_attach(json_t *dst, const char *key, size_t klen, json_t *v)
{
	if (v == NULL)
		abort();
	if (json_is_array(dst))
		return json_array_append_new(dst, v);
	return json_object_setn_new(dst, key, klen, v);
}

/* Whether the sorted key sequence on top of L is exactly 1..n with n > 0. */
static bool state_is_array(lua_State *L)
{
	lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
	bool ok = n > 0;

	for (lua_Integer k = 1; ok && k <= n; k++) {
		lua_rawgeti(L, -1, k);
		ok = lua_isinteger(L, -1) && lua_tointeger(L, -1) == k;
		lua_pop(L, 1);
	}
	return ok;
}

/* Convert every field of the table at idx into dst; the table's sorted keys are at keys. */
static void state_fields(lua_State *L, int idx, int keys, json_t *dst, struct state_walk *w,
                         int depth)
{
	lua_Integer n = (lua_Integer)lua_rawlen(L, keys);
	char buf[64];

	for (lua_Integer k = 1; k <= n; k++) {
		const char *key = buf;
		size_t klen = 0;
		lua_rawgeti(L, keys, k);
		lua_pushvalue(L, -1);
		lua_rawget(L, idx);
		if (lua_type(L, -2) == LUA_TSTRING)
			key = lua_tolstring(L, -2, &klen);
		else if (lua_isinteger(L, -2))
			snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, -2));
		else if (lua_type(L, -2) == LUA_TNUMBER)
			snprintf(buf, sizeof buf, "%.14g", (double)lua_tonumber(L, -2));
		else if (lua_type(L, -2) == LUA_TBOOLEAN)
			snprintf(buf, sizeof buf, "%s", lua_toboolean(L, -2) ? "true" : "false");
		else
			key = NULL;
		if (key == buf)
			klen = strlen(buf);
		if (key != NULL)
			state_value(L, lua_gettop(L), dst, key, klen, w, depth);
		lua_pop(L, 2);
	}
}

/* Attach the table at idx to dst: an array or an object, null when too deep or a cycle. */
static void state_table(lua_State *L, int idx, json_t *dst, const char *key, size_t klen,
                        struct state_walk *w, int depth)
{
	json_t *v;
	bool seen;

	luaL_checkstack(L, 8, NULL);
	lua_pushvalue(L, idx);
	seen = lua_rawget(L, w->path) != LUA_TNIL;
	lua_pop(L, 1);
	if (seen || depth > STATE_DEPTH) {
		state_attach(dst, key, klen, json_null());
		return;
	}
	libs_sorted_keys(L, idx);
	v = state_is_array(L) ? json_array() : json_object();
	if (state_attach(dst, key, klen, v) == 0) { /* dst owns v: a Lua error leaks nothing */
		lua_pushvalue(L, idx);
		lua_pushboolean(L, 1);
		lua_rawset(L, w->path);
		state_fields(L, idx, lua_gettop(L), v, w, depth + 1);
		lua_pushvalue(L, idx);
		lua_pushnil(L);
		lua_rawset(L, w->path);
	}
	lua_pop(L, 1);
}

/* Attach the value at idx to dst; functions, userdata and threads only as null in arrays. */
static void state_value(lua_State *L, int idx, json_t *dst, const char *key, size_t klen,
                        struct state_walk *w, int depth)
{
	json_t *v = NULL;
	const char *s;
	size_t n;

	if (++w->values > STATE_VALUES)
		return;
	switch (lua_type(L, idx)) {
	case LUA_TBOOLEAN:
		v = json_boolean(lua_toboolean(L, idx));
		break;
	case LUA_TNUMBER:
		if (lua_isinteger(L, idx))
			v = json_integer((json_int_t)lua_tointeger(L, idx));
		else if (isfinite(lua_tonumber(L, idx)))
			v = json_real(lua_tonumber(L, idx));
		else
			v = json_null();
		break;
	case LUA_TSTRING:
		s = lua_tolstring(L, idx, &n);
		v = utf8_jsonn(s, n);
		break;
	case LUA_TTABLE:
		state_table(L, idx, dst, key, klen, w, depth);
		return;
	default:
		if (json_is_array(dst))
			v = json_null();
		break;
	}
	if (v != NULL)
		state_attach(dst, key, klen, v);
}

/* Fill obj with the table at idx as JSON (an object at the top, whatever its keys). */
void state_json(lua_State *L, int idx, json_t *obj)
{
	struct state_walk w = {0, 0};

	if (lua_type(L, idx) != LUA_TTABLE)
		return;
	idx = lua_absindex(L, idx);
	luaL_checkstack(L, 8, NULL);
	lua_newtable(L);
	w.path = lua_gettop(L);
	lua_pushvalue(L, idx);
	lua_pushboolean(L, 1);
	lua_rawset(L, w.path);
	libs_sorted_keys(L, idx);
	state_fields(L, idx, lua_gettop(L), obj, &w, 1);
	lua_pop(L, 2);
}
