/*
 * Lua's pattern matching for scenarios: string.find, match, gmatch and gsub with the semantics of
 * Lua 5.4's own, written again so that every step of the matcher is charged to the instruction
 * budget. Lua's matcher backtracks, and one call on a long text (".-.-.-b" over 30,000 bytes of
 * "a") can take hours inside C, where the count hook cannot see it.
 */
#ifndef PATTERN_H
#define PATTERN_H

#include <lua.h>

/* Replace find, match, gmatch and gsub in the string library table on top of L's stack. */
void pattern_open(lua_State *L);

#endif
