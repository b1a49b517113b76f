/*
 * The sandbox's pattern matching (engine/lua/pattern.c) against Lua's own: the same script gives
 * the same results, errors included, in the sandbox and in a stock Lua state; and a pattern bomb
 * stops at the instruction budget with the scenario's FILE:LINE.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "helpers.h"

/*
 * A script that runs find, match, gmatch and gsub over fixed and random cases and leaves every
 * result, or error, in the string `out`.
 */
static const char script[] =
    "local out = {}\n"
    "local function put(...)\n"
    "  local n = select('#', ...)\n"
    "  local t = {}\n"
    "  for i = 1, n do t[i] = type((select(i, ...))) .. ':' .. string.format('%q', (select(i, "
    "...))) end\n"
    "  out[#out + 1] = table.concat(t, ',')\n"
    "end\n"
    "local function try(f, ...)\n"
    "  local r = table.pack(pcall(f, ...))\n"
    "  if r[1] then put(table.unpack(r, 2, r.n))\n"
    "  else put('E', (tostring(r[2]):gsub('^[^\\n]-:%d+: ', ''))) end\n"
    "end\n"
    "local function all(s, p, init)\n"
    "  try(string.find, s, p, init)\n"
    "  try(string.find, s, p, init, true)\n"
    "  try(string.match, s, p, init)\n"
    "  try(function() local t = {} for a, b in string.gmatch(s, p, init) do\n"
    "    t[#t + 1] = tostring(a) .. '|' .. tostring(b) if #t > 50 then break end end\n"
    "    return table.concat(t, ';') end)\n"
    "  try(string.gsub, s, p, '<%0>')\n"
    "  try(string.gsub, s, p, '%1-%%', 2)\n"
    "  try(string.gsub, s, p, {a = 'A', hello = false, [''] = 'E'})\n"
    "  try(string.gsub, s, p, function(a, b) if a == 'b' then return nil end\n"
    "    return '[' .. tostring(a) .. tostring(b) .. ']' end)\n"
    "end\n"
    "local fixed = {\n"
    "  {'hello world', 'o'}, {'hello world', 'l+'}, {'hello world', '(h)(e)'},\n"
    "  {'hello world', '()ll()'}, {'hello world', '^h'}, {'hello world', 'd$'},\n"
    "  {'hello world', '^(%w+)'}, {' trim me  ', '^%s*(.-)%s*$'}, {'key = value', "
    "'(%w+)%s*=%s*(%w+)'},\n"
    "  {'THE (quick) fox', '%((%a+)%)'}, {'f(a(b)c)d', '%b()'}, {'x[[y]]', '%b[]'},\n"
    "  {'THE (quick) fox', '%f[%a]%a+'}, {'hello', '%f[%l]'}, {'aaa', 'a-'}, {'aaa', 'a-$'},\n"
    "  {'aaa', 'a*'}, {'aaa', 'a?a?a?a?'}, {'', ''}, {'abc', ''}, {'abc', '.-'},\n"
    "  {'abcabc', '(abc)%1'}, {'abab', '(a)(b)%2'}, {'x', '%0'}, {'x', '(x)%2'},\n"
    "  {'a.b', '%.'}, {'a]b', '[]]'}, {'a-b', '[a-]'}, {'a^b', '[%^]'}, {'a^b', '[^a]'},\n"
    "  {'a1B2', '[%d%u]'}, {'a1B2', '[^%d%u]+'}, {'a1B2', '%W'}, {'tab\\there', '%c'},\n"
    "  {'x', '%'}, {'x', '[x'}, {'x', '[%'}, {'x', '(x'}, {'x', 'x)'}, {'x', '%b'},\n"
    "  {'x', '%f'}, {'x', '%fx'}, {'x', '%g'}, {'x', '%1'}, {'zzz', 'z', 10}, {'zzz', 'z', -2},\n"
    "  {'zzz', 'z', -10}, {'zzz', 'z', 0}, {'zzz', '', 4}, {'zzz', '', 5}, {'a\\0b', '%z'},\n"
    "  {'a\\0b', '\\0'}, {'a\\0b', '[\\0]'}, {'a.b', '.', 1}, {123, 2}, {'a+b', 'a+b'},\n"
    "  {'hello', '(l)(l)'}, {'hello', '()'}, {'hello', '(()l)'}, {'((()))', '%b()'},\n"
    "}\n"
    "for _, c in ipairs(fixed) do all(c[1], c[2], c[3]) end\n"
    "try(string.gsub, 'abc', '%w', '%2')\n"
    "try(string.gsub, 'abc', '%w', '%x')\n"
    "try(string.gsub, 'abc', '%w', true)\n"
    "try(string.gsub, 'abc', '%w', function() return {} end)\n"
    "try(string.gsub, 'abc', '', '-')\n"
    "try(string.gsub, 'abc', '^', '-')\n"
    "try(string.gsub, 'hello world', '(o)', '%1%1', 1)\n"
    "try(string.gsub, 'abc', '(%w)', 5)\n"
    "try(string.find, 'a', ('('):rep(40))\n"
    "try(string.match, ('a'):rep(300), ('a?'):rep(300) .. ('a'):rep(300))\n"
    "math.randomseed(12)\n"
    "local atoms = {'a', 'b', '.', '%a', '%d', '[ab]', '[^a]', '%s', 'x', '(', ')', '%1',\n"
    "  '%b()', '%f[%a]', '^', '$', '*', '+', '-', '?', '()', '%'}\n"
    "local chars = {'a', 'b', 'x', ' ', '1', '(', ')', 'A'}\n"
    "for _ = 1, 3000 do\n"
    "  local p, s = {}, {}\n"
    "  for i = 1, math.random(0, 6) do p[i] = atoms[math.random(#atoms)] end\n"
    "  for i = 1, math.random(0, 12) do s[i] = chars[math.random(#chars)] end\n"
    "  all(table.concat(s), table.concat(p), math.random(-3, 4))\n"
    "end\n"
    "result = table.concat(out, '\\n')\n";

/* The result of the script in a stock Lua state (to free). */
static char *pattern_stock(void)
{
	lua_State *L = luaL_newstate();
	char *out;

	luaL_openlibs(L);
	if (luaL_dostring(L, script) != LUA_OK)
		fail_msg("stock Lua: %s", lua_tostring(L, -1));
	lua_getglobal(L, "result");
	out = strdup(lua_tostring(L, -1));
	lua_close(L);
	return out;
}

/* The sandbox finds, matches and substitutes exactly as Lua does, with the same errors. */
static void test_same_as_lua(void **state)
{
	char *want = pattern_stock(), *text, *json;
	size_t n = strlen(script) + 512;
	struct helpers_run r;
	json_t *st;
	const char *got;

	(void)state;
	text = malloc(n);
	assert_non_null(text);
	snprintf(text, n,
	         "exercise { title = 'p', duration = '1h', tick = '1m' }\n"
	         "team { id = 'al' }\n"
	         "%s"
	         "state.result = result\n",
	         script);
	if (helpers_load(&r, text) == NULL)
		fail_msg("%s", r.probs.n > 0 ? r.probs.v[0].msg : "?");
	json = helpers_state(&r);
	st = json_loads(json, 0, NULL);
	free(json);
	got = json_string_value(json_object_get(st, "result"));
	assert_non_null(got);
	if (strcmp(got, want) != 0) {
		size_t i = 0;

		while (got[i] == want[i])
			i++;
		while (i > 0 && got[i - 1] != '\n')
			i--;
		fail_msg("differs from Lua at:\n%.300s\nLua gives:\n%.300s", got + i, want + i);
	}
	json_decref(st);
	helpers_done(&r);
	free(text);
	free(want);
}

/*
 * Whether r's staff were told of a script error at line with msg: a log line "FILE:LINE: msg",
 * or a script_error event.
 */
static bool pattern_told(const struct helpers_run *r, int line, const char *msg)
{
	char want[256];
	json_t *e;

	snprintf(want, sizeof want, "%s:%d: %s", r->path, line, msg);
	for (int k = 0; (e = helpers_nth(r, "log", k)) != NULL; k++)
		if (strcmp(json_string_value(json_object_get(e, "text")), want) == 0)
			return true;
	for (int k = 0; (e = helpers_nth(r, "script_error", k)) != NULL; k++)
		if (json_integer_value(json_object_get(e, "line")) == line &&
		    strcmp(json_string_value(json_object_get(e, "message")), msg) == 0)
			return true;
	return false;
}

/*
 * A pattern that backtracks without end over a long text stops at the budget (a small one, for
 * valgrind's sake), at the line of the call, and the exercise goes on; so does one while the
 * file loads.
 */
static void test_bomb(void **state)
{
	struct scenario_limits lim;
	struct helpers_run r;

	(void)state;
	scenario_limits_default(&lim);
	lim.budget = 1000000;
	assert_non_null(helpers_load_with(&r,
	                                  "exercise { title = 'p', duration = '2m', tick = '1m' }\n"
	                                  "team { id = 'al' }\n"
	                                  "on('start', function()\n"
	                                  "  local s = ('a'):rep(3e4)\n"
	                                  "  log(tostring(s:find('.-.-.-b')))\n"
	                                  "end)\n"
	                                  "on('tick', function(t) log('tick ' .. t) end)\n",
	                                  &lim, -1));
	helpers_play(&r);
	assert_true(pattern_told(&r, 5, "instruction budget of 1000000 exceeded"));
	assert_int_equal(scenario_errors(r.sc), 1);
	assert_true(helpers_has_log(&r, "tick 120"));
	helpers_done(&r);

	assert_null(helpers_load_with(&r,
	                              "exercise { title = 'p', duration = '2m', tick = '1m' }\n"
	                              "team { id = 'al' }\n"
	                              "local x = ('a'):rep(3e4):gsub('.-.-.-b', '')\n",
	                              &lim, -1));
	assert_int_equal(r.probs.n, 1);
	assert_int_equal(r.probs.v[0].line, 3);
	assert_non_null(strstr(r.probs.v[0].msg, "instruction budget"));
	helpers_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_as_lua),
	    cmocka_unit_test(test_bomb),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
