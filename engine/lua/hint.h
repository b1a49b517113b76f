/* Hints for the mistakes authors make most, added to check's problems. */
#ifndef HINT_H
#define HINT_H

#include <lua.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/exercise.h"

/* The time s written in words ("15 min", "1 hour 30 minutes") as tabletop writes it ("15m"). */
bool hint_duration(const char *s, char *out, size_t n);
/*
 * When text (an inject's `at` after the end) looks like a clock time ("09:05"), a hint that `at`
 * counts from STARTEX, with the offset meant when the exercise's start makes it clear.
 */
bool hint_clock_at(const struct exercise *ex, const char *text, char *out, size_t n);
/* When id ("hosp, cert") names several teams in one string, the list it means, as Lua. */
bool hint_team_list(const char *id, char *out, size_t n);
/*
 * When the table at idx (decision.options) maps keys to labels, the list it means, as Lua:
 * options = { {"a", "A"}, {"b", "B"} } (the first three, in pairs order).
 */
bool hint_options_map(lua_State *L, int idx, char *out, size_t n);

#endif
