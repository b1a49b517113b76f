/*
 * The libraries a scenario gets: Lua's safe ones, with what could escape, run unbounded or break
 * determinism replaced (load, xpcall, collectgarbage, setmetatable, pairs and next, tostring and
 * string.format, which would show addresses, math.randomseed, undefined globals, the string
 * metatable), and the functions whose work in C the count hook cannot see charged to the budget
 * before they run (the table functions, string scanning) or as they go (pattern matching, in
 * pattern.c).
 */
#define _GNU_SOURCE /* dladdr */
#include "libs.h"

#include <dlfcn.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "sandbox.h"

/* Where the registry keeps the stock math.randomseed. */
#define LIBS_SEED "tabletop.randomseed"
/* Where the registry keeps the numbers tostring shows for tables, functions and threads. */
#define LIBS_IDS "tabletop.ids"

/* A key of a table being ordered for pairs. */
struct libs_key {
	int rank; /* 0 number, 1 string, 2 boolean, 3 other */
	int pos;  /* position in the sequence of keys as next gave them */
	bool isint;
	lua_Integer i;
	lua_Number f;
	const char *s; /* a string; the type's name for rank 3 */
	size_t len;
	const char *mod;           /* rank 3: the file of a C function without upvalues, or NULL */
	unsigned long long serial; /* rank 3: the creation serial, or the offset in mod */
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
	} else if ((c = strcmp(x->s, y->s)) == 0) {
		c = (x->mod != NULL) - (y->mod != NULL);
		if (c == 0 && x->mod != NULL)
			c = strcmp(x->mod, y->mod);
		if (c == 0)
			c = (x->serial > y->serial) - (x->serial < y->serial);
	}
	return c != 0 ? c : x->pos - y->pos;
}

/*
 * Order the table, function or thread on top of L, a key of rank 3, by what no address changes:
 * its creation serial, or for a C function without upvalues (a library function), its file and
 * its offset there.
 */
static void libs_key_object(lua_State *L, struct libs_key *k)
{
	Dl_info info;

	k->serial = sandbox_serial(L, -1);
	if (k->serial == 0 && lua_iscfunction(L, -1) && dladdr(lua_topointer(L, -1), &info) &&
	    info.dli_fname != NULL) {
		k->mod = info.dli_fname;
		k->serial = (unsigned long long)((const char *)lua_topointer(L, -1) -
		                                 (const char *)info.dli_fbase);
	}
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
		libs_key_object(L, k);
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

/*
 * next(t, k) in the order of pairs: the smallest key after k (the smallest of all after nil),
 * found by a look at every key, which costs an instruction each.
 */
static int libs_next(lua_State *L)
{
	struct libs_key after, best = {0}, cand;
	bool found = false;
	lua_Integer n = 0;

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 2);
	lua_pushnil(L); /* 3: the best key so far, which keeps best.s valid */
	lua_pushvalue(L, 2);
	libs_key_of(L, 0, &after); /* 2 keeps after.s valid */
	lua_pop(L, 1);
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		lua_pop(L, 1);
		n++;
		libs_key_of(L, 0, &cand);
		if ((lua_isnil(L, 2) || libs_key_cmp(&cand, &after) > 0) &&
		    (!found || libs_key_cmp(&cand, &best) < 0)) {
			lua_pushvalue(L, -1);
			lua_replace(L, 3);
			best = cand;
			found = true;
		}
	}
	sandbox_spend(L, n);
	if (!found) {
		lua_pushnil(L);
		return 1;
	}
	lua_pushvalue(L, 3);
	lua_pushvalue(L, 3);
	lua_rawget(L, 1);
	return 2;
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

/* The reader of load(reader): the scenario's reader, each piece charged a byte an instruction. */
static int libs_load_piece(lua_State *L)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_call(L, 0, 1);
	if (lua_type(L, -1) == LUA_TSTRING)
		sandbox_spend(L, (lua_Integer)lua_rawlen(L, -1));
	return 1;
}

/*
 * load() for text only: a mode other than "t" is an error, binary chunks are refused. Compiling
 * costs an instruction per byte of text.
 */
static int libs_load_text(lua_State *L)
{
	int n = lua_gettop(L);

	if (!lua_isnoneornil(L, 3) && strcmp(luaL_checkstring(L, 3), "t") != 0)
		return luaL_error(L, "load: only text chunks are allowed (mode '%s')",
		                  lua_tostring(L, 3));
	if (lua_type(L, 1) == LUA_TSTRING)
		sandbox_spend(L, (lua_Integer)lua_rawlen(L, 1));
	if (lua_type(L, 1) == LUA_TFUNCTION) {
		lua_pushvalue(L, 1);
		lua_pushcclosure(L, libs_load_piece, 1);
		lua_replace(L, 1);
	}
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

/*
 * collectgarbage() limited to "collect", "step" and "count". A collection or a step (which may
 * finish one) costs an instruction per 8 bytes the scenario holds: it goes through all of them.
 */
static int libs_collectgarbage(lua_State *L)
{
	const char *opt = luaL_optstring(L, 1, "collect");

	if (strcmp(opt, "collect") != 0 && strcmp(opt, "step") != 0 && strcmp(opt, "count") != 0)
		return luaL_error(L, "collectgarbage('%s') is not allowed in a scenario", opt);
	if (strcmp(opt, "count") != 0)
		sandbox_spend(L, (lua_Integer)lua_gc(L, LUA_GCCOUNT) * 128);
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

/*
 * The length of the table argument of table function fn, 0 for another type (the stock function
 * reports it). A __len metamethod is refused: the stock function would call it again and could
 * get a longer length than the one charged.
 */
static lua_Integer libs_len(lua_State *L, const char *fn)
{
	if (lua_type(L, 1) != LUA_TTABLE)
		return 0;
	if (luaL_getmetafield(L, 1, "__len") != LUA_TNIL)
		return luaL_error(
		    L, "%s: a table with a __len metamethod is not allowed in a scenario", fn);
	return luaL_len(L, 1);
}

/* table.sort, charging the budget for the comparisons it makes in C. */
static int libs_sort(lua_State *L)
{
	sandbox_charge(L, libs_len(L, "table.sort"));
	return libs_pass(L);
}

/* table.insert, charging an instruction per element it may move. */
static int libs_insert(lua_State *L)
{
	sandbox_spend(L, libs_len(L, "table.insert"));
	return libs_pass(L);
}

/* table.remove, charging an instruction per element it may move. */
static int libs_remove(lua_State *L)
{
	sandbox_spend(L, libs_len(L, "table.remove"));
	return libs_pass(L);
}

/* Charge an instruction per element first..last of a table function (none when last < first). */
static void libs_span(lua_State *L, lua_Integer first, lua_Integer last)
{
	lua_Unsigned n = (lua_Unsigned)last - (lua_Unsigned)first;

	if (last >= first)
		sandbox_spend(L, n < (lua_Unsigned)LUA_MAXINTEGER ? (lua_Integer)n + 1
		                                                  : LUA_MAXINTEGER);
}

/* table.move(a1, f, e, t [, a2]), charging an instruction per element it moves. */
static int libs_move(lua_State *L)
{
	libs_span(L, luaL_checkinteger(L, 2), luaL_checkinteger(L, 3));
	return libs_pass(L);
}

/*
 * For a table function whose range of a table ends at argument idx: give it the end when it has
 * none (#t, so that a __len metamethod is called once), and charge an instruction per element of
 * the range, which starts at the argument before (1 by default).
 */
static void libs_range(lua_State *L, int idx)
{
	lua_Integer first;

	if (lua_type(L, 1) != LUA_TTABLE)
		return; /* the stock function says what is wrong */
	first = luaL_optinteger(L, idx - 1, 1);
	if (lua_isnoneornil(L, idx)) {
		lua_settop(L, idx - 1);
		lua_pushinteger(L, luaL_len(L, 1));
	}
	libs_span(L, first, luaL_checkinteger(L, idx));
}

/* table.concat(t, sep, i, j), charging an instruction per element it joins. */
static int libs_concat(lua_State *L)
{
	libs_range(L, 4);
	return libs_pass(L);
}

/* table.unpack(t, i, j), charging an instruction per element it returns. */
static int libs_unpack(lua_State *L)
{
	libs_range(L, 3);
	return libs_pass(L);
}

/* string.rep(s, n, sep): nothing to repeat gives "" at once (the stock one would loop n times). */
static int libs_rep(lua_State *L)
{
	size_t len, seplen;

	luaL_checklstring(L, 1, &len);
	luaL_checkinteger(L, 2);
	luaL_optlstring(L, 3, "", &seplen);
	if (len + seplen == 0) {
		lua_pushliteral(L, "");
		return 1;
	}
	return libs_pass(L);
}

/* A function that reads its string arguments, charging an instruction per byte of them. */
static int libs_scan(lua_State *L)
{
	lua_Integer n = 0;

	for (int i = lua_gettop(L); i > 0; i--)
		if (lua_type(L, i) == LUA_TSTRING)
			n += (lua_Integer)lua_rawlen(L, i);
	sandbox_spend(L, n);
	return libs_pass(L);
}

/* The number tostring shows for the value at idx: such values are numbered as first shown. */
static lua_Integer libs_id(lua_State *L, int idx)
{
	lua_Integer id;

	idx = lua_absindex(L, idx);
	luaL_checkstack(L, 3, NULL);
	lua_getfield(L, LUA_REGISTRYINDEX, LIBS_IDS); /* weak keys; [0]: the last number given */
	lua_pushvalue(L, idx);
	if (lua_rawget(L, -2) == LUA_TNUMBER) {
		id = lua_tointeger(L, -1);
		lua_pop(L, 2);
		return id;
	}
	lua_rawgeti(L, -2, 0);
	id = lua_tointeger(L, -1) + 1;
	lua_pop(L, 2);
	lua_pushinteger(L, id);
	lua_rawseti(L, -2, 0);
	lua_pushvalue(L, idx);
	lua_pushinteger(L, id);
	lua_rawset(L, -3);
	lua_pop(L, 1);
	return id;
}

/* Whether the value at idx is one whose stock text would be an address. */
static bool libs_has_address(lua_State *L, int idx)
{
	int t = lua_type(L, idx);

	return t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA ||
	       t == LUA_TLIGHTUSERDATA;
}

/*
 * luaL_tolstring without addresses: a table, function, thread or userdata without __tostring
 * reads "TYPE: #N" (TYPE: its __name, or its type), N numbering such values as first shown.
 */
const char *libs_tolstring(lua_State *L, int idx, size_t *len)
{
	lua_Integer id;
	int tt;

	idx = lua_absindex(L, idx);
	if (!libs_has_address(L, idx))
		return luaL_tolstring(L, idx, len);
	if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
		lua_pop(L, 1);
		return luaL_tolstring(L, idx, len);
	}
	id = libs_id(L, idx);
	tt = luaL_getmetafield(L, idx, "__name");
	lua_pushfstring(L, "%s: #%I",
	                tt == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, idx), id);
	if (tt != LUA_TNIL)
		lua_remove(L, -2);
	return lua_tolstring(L, -1, len);
}

/* tostring(v) without addresses (libs_tolstring). */
static int libs_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	libs_tolstring(L, 1, NULL);
	return 1;
}

/*
 * Replace argument arg (of top) of string.format, for conversion conv, with text that shows no
 * address; true if conv is then an s instead of a p.
 */
static bool libs_format_arg(lua_State *L, int arg, int top, char conv)
{
	if (arg > top)
		return false; /* the stock function says what is missing */
	if (conv == 'p' && lua_type(L, arg) == LUA_TSTRING)
		luaL_error(L, "string.format: '%%p' of a string is not allowed in a scenario");
	if (conv == 'p' && !libs_has_address(L, arg))
		lua_pushliteral(L, "(null)");
	else if (conv == 'p')
		lua_pushfstring(L, "#%I", libs_id(L, arg));
	else if (conv == 's' && libs_has_address(L, arg))
		libs_tolstring(L, arg, NULL);
	else
		return false;
	lua_replace(L, arg);
	return conv == 'p';
}

/*
 * string.format without addresses: %p gives "#N", the number tostring shows ("(null)" for nil,
 * booleans and numbers, as Lua has it; refused for a string), and %s what tostring gives.
 * Charged an instruction per byte of its string arguments.
 */
static int libs_format(lua_State *L)
{
	size_t len;
	const char *f = luaL_checklstring(L, 1, &len);
	int top = lua_gettop(L), arg = 1;
	char *copy = lua_newuserdatauv(L, len, 0); /* the format, with s for p */
	bool changed = false;

	memcpy(copy, f, len);
	for (size_t i = 0; i < len; i++) {
		if (copy[i] != '%' || ++i == len || copy[i] == '%')
			continue;
		while (i < len && strchr("-+ #0123456789.", copy[i]) != NULL && copy[i] != '\0')
			i++;
		if (i < len && libs_format_arg(L, ++arg, top, copy[i])) {
			copy[i] = 's';
			changed = true;
		}
	}
	if (changed) {
		lua_pushlstring(L, copy, len);
		lua_replace(L, 1);
	}
	lua_settop(L, top);
	return libs_scan(L);
}

/* Reading a global that was never set is an error naming it. */
static int libs_undefined(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "undefined global '%s'", lua_tostring(L, 2));
	return luaL_error(L, "undefined global (a %s key)", luaL_typename(L, 2));
}

/*
 * Replace function name of library lib ("" for the globals) with fn, a closure over the stock one.
 * The stock function is also put in the registry's table of loaded modules under "lib.name":
 * that is where Lua looks for the name of a C function called from C, so that its argument
 * errors still name it.
 */
static void libs_wrap(lua_State *L, const char *lib, const char *name, lua_CFunction fn)
{
	luaL_checkstack(L, 4, NULL);
	lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	if (lib[0] != '\0') {
		lua_getglobal(L, lib);
		lua_pushfstring(L, "%s.%s", lib, name);
	} else {
		lua_pushglobaltable(L);
		lua_pushstring(L, name);
	}
	lua_getfield(L, -2, name);
	lua_rawset(L, -4); /* loaded["lib.name"] = stock */
	lua_getfield(L, -1, name);
	lua_pushcclosure(L, fn, 1);
	lua_setfield(L, -2, name);
	lua_pop(L, 2);
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
	static const struct {
		const char *lib, *name;
		lua_CFunction fn;
	} wraps[] = {
	    {"", "load", libs_load_text},
	    {"", "collectgarbage", libs_collectgarbage},
	    {"", "setmetatable", libs_setmetatable},
	    {"", "tonumber", libs_scan},
	    {LUA_STRLIBNAME, "rep", libs_rep},
	    {LUA_STRLIBNAME, "byte", libs_scan},
	    {LUA_STRLIBNAME, "format", libs_format},
	    {LUA_STRLIBNAME, "pack", libs_scan},
	    {LUA_STRLIBNAME, "packsize", libs_scan},
	    {LUA_STRLIBNAME, "unpack", libs_scan},
	    {LUA_UTF8LIBNAME, "codepoint", libs_scan},
	    {LUA_UTF8LIBNAME, "len", libs_scan},
	    {LUA_UTF8LIBNAME, "offset", libs_scan},
	    {LUA_TABLIBNAME, "sort", libs_sort},
	    {LUA_TABLIBNAME, "insert", libs_insert},
	    {LUA_TABLIBNAME, "remove", libs_remove},
	    {LUA_TABLIBNAME, "move", libs_move},
	    {LUA_TABLIBNAME, "concat", libs_concat},
	    {LUA_TABLIBNAME, "unpack", libs_unpack},
	    {LUA_MATHLIBNAME, "randomseed", libs_randomseed},
	};

	for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
		luaL_requiref(L, libs[i].name, libs[i].open, 1);
		lua_pop(L, 1);
	}
	lua_getglobal(L, LUA_STRLIBNAME);
	pattern_open(L);
	lua_pop(L, 1);
	lua_createtable(L, 0, 0); /* tostring's numbers, which keep nothing alive */
	lua_createtable(L, 0, 1);
	lua_pushliteral(L, "k");
	lua_setfield(L, -2, "__mode");
	lua_setmetatable(L, -2);
	lua_setfield(L, LUA_REGISTRYINDEX, LIBS_IDS);
	lua_getglobal(L, LUA_MATHLIBNAME);
	lua_getfield(L, -1, "randomseed");
	lua_setfield(L, LUA_REGISTRYINDEX, LIBS_SEED);
	lua_pop(L, 1);
	for (size_t i = 0; i < sizeof wraps / sizeof wraps[0]; i++)
		libs_wrap(L, wraps[i].lib, wraps[i].name, wraps[i].fn);
	lua_pushglobaltable(L);
	lua_pushnil(L);
	lua_setfield(L, -2, "dofile");
	lua_pushnil(L);
	lua_setfield(L, -2, "loadfile");
	lua_pushnil(L);
	lua_setfield(L, -2, "print");
	lua_pushcfunction(L, libs_pairs);
	lua_setfield(L, -2, "pairs");
	lua_pushcfunction(L, libs_next);
	lua_setfield(L, -2, "next");
	lua_pushcfunction(L, libs_tostring);
	lua_setfield(L, -2, "tostring");
	lua_pushcfunction(L, libs_xpcall);
	lua_setfield(L, -2, "xpcall");
	lua_getfield(L, -1, LUA_STRLIBNAME);
	lua_pushnil(L);
	lua_setfield(L, -2, "dump");
	lua_pop(L, 1);
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1); /* every string's: getmetatable("") gives false */
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);
	lua_createtable(L, 0, 2);
	lua_pushcfunction(L, libs_undefined);
	lua_setfield(L, -2, "__index");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
	lua_pop(L, 1);
}
