/* Hints for the mistakes authors make most, added to check's problems. */
#include "hint.h"

#include <ctype.h>
#include <lauxlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/timeparse.h"
#include "libs.h"

/* The unit letter of a unit word ("min", "hours", "s"), or 0 when it is none. */
static char hint_unit(const char *w, size_t n)
{
	static const struct {
		const char *word;
		char unit;
	} units[] = {{"s", 's'}, {"sec", 's'}, {"secs", 's'}, {"second", 's'}, {"seconds", 's'},
	             {"m", 'm'}, {"min", 'm'}, {"mins", 'm'}, {"minute", 'm'}, {"minutes", 'm'},
	             {"h", 'h'}, {"hr", 'h'},  {"hrs", 'h'},  {"hour", 'h'},   {"hours", 'h'}};

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].word) == n && strncasecmp(w, units[i].word, n) == 0)
			return units[i].unit;
	return 0;
}

/* The time s written in words ("15 min", "1 hour 30 minutes") as tabletop writes it ("15m"). */
bool hint_duration(const char *s, char *out, size_t n)
{
	size_t used = 0, k;
	const char *err;
	long v;
	char unit;

	while (*s != '\0') {
		while (isspace((unsigned char)*s) || *s == ',')
			s++;
		if (*s == '\0')
			break;
		for (k = 0; isdigit((unsigned char)s[k]); k++)
			;
		if (k == 0 || k > 6)
			return false;
		if (used + k + 2 > n)
			return false;
		memcpy(out + used, s, k);
		used += k;
		s += k;
		while (isspace((unsigned char)*s))
			s++;
		for (k = 0; isalpha((unsigned char)s[k]); k++)
			;
		if ((unit = hint_unit(s, k)) == 0)
			return false;
		out[used++] = unit;
		s += k;
	}
	out[used] = '\0';
	return used > 0 && timeparse_duration(out, &v, &err) == 0;
}

/*
 * When text (an inject's `at` after the end) looks like a clock time ("09:05"), a hint that `at`
 * counts from STARTEX, with the offset meant when the exercise's start makes it clear.
 */
bool hint_clock_at(const struct exercise *ex, const char *text, char *out, size_t n)
{
	int hh, mm, used = 0;
	long at, start;
	char off[32];

	if (sscanf(text, "%2d:%2d%n", &hh, &mm, &used) != 2 || text[used] != '\0' || hh > 23 ||
	    mm > 59)
		return false;
	at = hh * 3600L + mm * 60L;
	start = ex->start_epoch >= 0 ? (long)(ex->start_epoch % 86400) : -1;
	if (start >= 0 && at >= start && at - start <= ex->duration) {
		timeparse_format_offset(at - start, off, sizeof off);
		snprintf(out, n,
		         "'at' counts from STARTEX, not the in-world clock: for %02d:%02d (the "
		         "exercise starts at %02ld:%02ld) write at = \"%ld:%02ld\"",
		         hh, mm, start / 3600, start / 60 % 60, (at - start) / 3600,
		         (at - start) / 60 % 60);
		return true;
	}
	snprintf(out, n,
	         "'at' counts from STARTEX (\"0:15\" is 15 minutes in), not the in-world clock");
	return true;
}

/* When id ("hosp, cert") names several teams in one string, the list it means, as Lua. */
bool hint_team_list(const char *id, char *out, size_t n)
{
	size_t used = 0, k;
	int parts = 0;

	if (strpbrk(id, ", ;") == NULL)
		return false;
	used += (size_t)snprintf(out, n, "to = {");
	while (*id != '\0' && used < n) {
		id += strspn(id, ", ;");
		k = strcspn(id, ", ;");
		if (k == 0)
			break;
		used += (size_t)snprintf(out + used, n - used, "%s\"%.*s\"", parts++ ? ", " : " ",
		                         (int)k, id);
		id += k;
	}
	if (used < n)
		snprintf(out + used, n - used, " }");
	return parts > 1 && used < n;
}

/*
 * When the table at idx (decision.options) maps keys to labels, the list it means, as Lua:
 * options = { {"a", "A"}, {"b", "B"} } (the first three, in pairs order).
 */
bool hint_options_map(lua_State *L, int idx, char *out, size_t n)
{
	lua_Integer count;
	size_t used;
	bool ok = true;

	idx = lua_absindex(L, idx);
	libs_sorted_keys(L, idx);
	count = (lua_Integer)lua_rawlen(L, -1);
	used = (size_t)snprintf(out, n, "options = {");
	for (lua_Integer k = 1; k <= count && k <= 3 && used < n; k++) {
		lua_rawgeti(L, -1, k);
		ok = ok && lua_type(L, -1) == LUA_TSTRING;
		if (ok) {
			lua_pushvalue(L, -1);
			ok = lua_rawget(L, idx) == LUA_TSTRING;
			if (ok)
				used += (size_t)snprintf(
				    out + used, n - used, "%s{\"%.20s\", \"%.24s\"}",
				    k > 1 ? ", " : " ", lua_tostring(L, -2), lua_tostring(L, -1));
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	if (used < n)
		snprintf(out + used, n - used, "%s }", count > 3 ? ", ..." : "");
	return ok && count > 0 && used < n;
}
