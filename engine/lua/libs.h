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

#endif
