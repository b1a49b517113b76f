/*
 * The libraries a scenario gets: Lua's safe ones, with what could escape, run unbounded or break
 * determinism replaced (load, xpcall, collectgarbage, setmetatable, pairs, math.randomseed,
 * table.sort, undefined globals).
 */
#include "libs.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox.h"

/* Where the registry keeps the stock math.randomseed. */
#define LIBS_SEED "tabletop.randomseed"

/* A key of a table being ordered for pairs. */
struct libs_key {
	int rank; /* 0 number, 1 string, 2 boolean, 3 other */
	int pos;  /* position in the sequence of keys as next gave them */
	bool isint;
	lua_Integer i;
	lua_Number f;
	const char *s;
	size_t len;
};

/* Compare two numeric keys: by value, an integer before an equal float. */
static int libs_num_cmp(const struct libs_key *x, const struct libs_key *y)
{
	lua_Number a, b;

	if (x->isint && y->isint)
		return (x->i > y->i) - (x->i < y->i);
	a = x->isint ? (lua_Number)x->i : x->f;
	b = y->isint ? (lua_Number)y->i : y->f;
	if (a != b)
		return (a > b) - (a < b);
	return (int)y->isint - (int)x->isint;
}

/* The order of pairs: numbers ascending, strings byte-wise, booleans, then other types. */
static int libs_key_cmp(const void *a, const void *b)
{
	const struct libs_key *x = a, *y = b;
	int c = 0;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (x->rank == 0) {
		c = libs_num_cmp(x, y);
	} else if (x->rank == 1) {
		c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
		if (c == 0)
			c = (x->len > y->len) - (x->len < y->len);
	} else if (x->rank == 2) {
		c = (int)x->i - (int)y->i;
	} else {
		c = strcmp(x->s, y->s);
	}
	return c != 0 ? c : x->pos - y->pos;
}

/* Describe the value on top of L as a key at position pos. */
static void libs_key_of(lua_State *L, int pos, struct libs_key *k)
{
	memset(k, 0, sizeof *k);
	k->pos = pos;
	switch (lua_type(L, -1)) {
	case LUA_TNUMBER:
		k->isint = lua_isinteger(L, -1);
		k->i = lua_tointeger(L, -1);
		k->f = lua_tonumber(L, -1);
		break;
	case LUA_TSTRING:
		k->rank = 1;
		k->s = lua_tolstring(L, -1, &k->len);
		break;
	case LUA_TBOOLEAN:
		k->rank = 2;
		k->i = lua_toboolean(L, -1);
		break;
	default:
		k->rank = 3;
		k->s = luaL_typename(L, -1);
		break;
	}
}

/* Push a sequence of the keys of the table at idx in the deterministic order of pairs. */
void libs_sorted_keys(lua_State *L, int idx)
{
	struct libs_key *keys;
	int n = 0;

	idx = lua_absindex(L, idx);
	luaL_checkstack(L, 4, NULL);
	lua_newtable(L);
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_rawseti(L, -3, ++n);
	}
	sandbox_charge(L, n);
	keys = lua_newuserdatauv(L, (size_t)n * sizeof *keys, 0);
	for (int i = 0; i < n; i++) {
		lua_rawgeti(L, -2, i + 1);
		libs_key_of(L, i + 1, &keys[i]);
		lua_pop(L, 1); /* the sequence still holds the key, so s stays valid */
	}
	qsort(keys, (size_t)n, sizeof *keys, libs_key_cmp);
	lua_createtable(L, n, 0);
	for (int i = 0; i < n; i++) {
		lua_rawgeti(L, -3, keys[i].pos);
		lua_rawseti(L, -2, i + 1);
	}
	lua_replace(L, -3);
	lua_pop(L, 1);
}

/* The iterator of pairs: the next key of the sorted sequence still in the table. */
static int libs_pairs_next(lua_State *L)
{
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));

	for (;;) {
		if (lua_rawgeti(L, lua_upvalueindex(1), ++i) == LUA_TNIL)
			return 1;
		lua_pushvalue(L, -1);
		if (lua_rawget(L, 1) != LUA_TNIL) {
			lua_pushinteger(L, i);
			lua_replace(L, lua_upvalueindex(2));
			return 2;
		}
		lua_pop(L, 2);
	}
}

/* pairs(t) in a fixed order: numbers ascending, strings byte-wise, booleans, then the rest. */
static int libs_pairs(lua_State *L)
{
	luaL_checkany(L, 1);
	if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
		lua_pushvalue(L, 1);
		lua_call(L, 1, 3);
		return 3;
	}
	luaL_checktype(L, 1, LUA_TTABLE);
	libs_sorted_keys(L, 1);
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, libs_pairs_next, 2);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/* Call the stock function in upvalue 1 with every argument; return all it returns. */
static int libs_pass(lua_State *L)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

/* load() for text only: a mode other than "t" is an error, binary chunks are refused. */
static int libs_load_text(lua_State *L)
{
	int n = lua_gettop(L);

	if (!lua_isnoneornil(L, 3) && strcmp(luaL_checkstring(L, 3), "t") != 0)
		return luaL_error(L, "load: only text chunks are allowed (mode '%s')",
		                  lua_tostring(L, 3));
	if (n < 2)
		lua_settop(L, n = 2);
	luaL_checkstack(L, 5, NULL);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushvalue(L, 1);
	lua_pushvalue(L, 2);
	lua_pushliteral(L, "t");
	if (n >= 4)
		lua_pushvalue(L, 4);
	lua_call(L, n >= 4 ? 4 : 3, LUA_MULTRET);
	return lua_gettop(L) - n;
}

/* Finish xpcall: pass the results on, or the handler's verdict on the error. */
static int libs_xpcall_done(lua_State *L, int status, lua_KContext extra)
{
	if (status == LUA_OK || status == LUA_YIELD)
		return lua_gettop(L) - (int)extra;
	lua_pushvalue(L, 2);
	lua_rotate(L, -2, 1);
	lua_pcall(L, 1, 1, 0);
	lua_pushboolean(L, 0);
	lua_rotate(L, -2, 1);
	return 2;
}

/*
 * xpcall(f, handler, ...) whose handler runs once the failed call has unwound: Lua calls a
 * handler with hooks off when a hook raised the error, where no budget could stop it.
 */
static int libs_xpcall(lua_State *L)
{
	int n = lua_gettop(L);

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushboolean(L, 1);
	lua_pushvalue(L, 1);
	lua_rotate(L, 3, 2);
	return libs_xpcall_done(L, lua_pcallk(L, n - 2, LUA_MULTRET, 0, 2, libs_xpcall_done), 2);
}

/* collectgarbage() limited to "collect", "step" and "count". */
static int libs_collectgarbage(lua_State *L)
{
	const char *opt = luaL_optstring(L, 1, "collect");

	if (strcmp(opt, "collect") != 0 && strcmp(opt, "step") != 0 && strcmp(opt, "count") != 0)
		return luaL_error(L, "collectgarbage('%s') is not allowed in a scenario", opt);
	return libs_pass(L);
}

/* setmetatable() without __gc: a finalizer would run where no budget can stop it. */
static int libs_setmetatable(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TTABLE) {
		lua_pushliteral(L, "__gc");
		if (lua_rawget(L, 2) != LUA_TNIL)
			return luaL_error(L, "setmetatable: __gc metamethods are not allowed in a "
			                     "scenario");
		lua_pop(L, 1);
	}
	return libs_pass(L);
}

/* math.randomseed(x) needs x: without it Lua would seed from the clock. */
static int libs_randomseed(lua_State *L)
{
	luaL_checknumber(L, 1);
	return libs_pass(L);
}

/* table.sort, charging the budget for the comparisons it makes in C. */
static int libs_sort(lua_State *L)
{
	sandbox_charge(L, (lua_Integer)lua_rawlen(L, 1));
	return libs_pass(L);
}

/* Reading a global that was never set is an error naming it. */
static int libs_undefined(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "undefined global '%s'", lua_tostring(L, 2));
	return luaL_error(L, "undefined global (a %s key)", luaL_typename(L, 2));
}

/* Replace field name of the table on top with a closure over its stock value. */
static void libs_wrap(lua_State *L, const char *name, lua_CFunction fn)
{
	lua_getfield(L, -1, name);
	lua_pushcclosure(L, fn, 1);
	lua_setfield(L, -2, name);
}

/* Seed math.random. */
void libs_seed(lua_State *L, lua_Integer seed)
{
	lua_getfield(L, LUA_REGISTRYINDEX, LIBS_SEED);
	lua_pushinteger(L, seed);
	lua_call(L, 1, 0);
}

/* Open the safe libraries in L, replace what must change and fence the globals. */
void libs_open(lua_State *L)
{
	static const struct {
		const char *name;
		lua_CFunction open;
	} libs[] = {{LUA_GNAME, luaopen_base},        {LUA_TABLIBNAME, luaopen_table},
	            {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
	            {LUA_UTF8LIBNAME, luaopen_utf8},  {LUA_COLIBNAME, luaopen_coroutine}};

	for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
		luaL_requiref(L, libs[i].name, libs[i].open, 1);
		lua_pop(L, 1);
	}
	lua_pushglobaltable(L);
	lua_pushnil(L);
	lua_setfield(L, -2, "dofile");
	lua_pushnil(L);
	lua_setfield(L, -2, "loadfile");
	lua_pushnil(L);
	lua_setfield(L, -2, "print");
	libs_wrap(L, "load", libs_load_text);
	libs_wrap(L, "collectgarbage", libs_collectgarbage);
	libs_wrap(L, "setmetatable", libs_setmetatable);
	lua_pushcfunction(L, libs_pairs);
	lua_setfield(L, -2, "pairs");
	lua_pushcfunction(L, libs_xpcall);
	lua_setfield(L, -2, "xpcall");
	lua_getfield(L, -1, LUA_STRLIBNAME);
	lua_pushnil(L);
	lua_setfield(L, -2, "dump");
	lua_pop(L, 1);
	lua_getfield(L, -1, LUA_TABLIBNAME);
	libs_wrap(L, "sort", libs_sort);
	lua_pop(L, 1);
	lua_getfield(L, -1, LUA_MATHLIBNAME);
	lua_getfield(L, -1, "randomseed");
	lua_setfield(L, LUA_REGISTRYINDEX, LIBS_SEED);
	libs_wrap(L, "randomseed", libs_randomseed);
	lua_pop(L, 1);
	lua_createtable(L, 0, 2);
	lua_pushcfunction(L, libs_undefined);
	lua_setfield(L, -2, "__index");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
	lua_pop(L, 1);
}
