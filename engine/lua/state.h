/* The scenario's `state` table as JSON, for the facilitators. */
#ifndef STATE_H
#define STATE_H

#include <jansson.h>
#include <lua.h>

/*
 * Fill obj with the table at idx as JSON: keys in pairs order, sequences as arrays, functions and
 * the like left out. Raises on a Lua error (obj then holds part of it).
 */
void state_json(lua_State *L, int idx, json_t *obj);

#endif
