/* The libraries a scenario gets, made safe and deterministic. */
#ifndef LIBS_H
#define LIBS_H

#include <lua.h>

/* Open the safe libraries in L, replace what must change and fence the globals. */
void libs_open(lua_State *L);
/* Seed math.random. */
void libs_seed(lua_State *L, lua_Integer seed);
/* Push a sequence of the keys of the table at idx in the deterministic order of pairs. */
void libs_sorted_keys(lua_State *L, int idx);
/*
 * luaL_tolstring without addresses: pushes and returns the text of the value at idx, where a
 * table, function, thread or userdata without __tostring reads "TYPE: #N", N numbering such
 * values in the order they were first shown.
 */
const char *libs_tolstring(lua_State *L, int idx, size_t *len);

#endif
