/*
 * Nothing a scenario sees depends on memory addresses: pairs and next order tables, functions
 * and threads as keys by creation, and tostring, string.format's %p and %s and log number them
 * instead of printing addresses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"

#define HEAD                                                                                       \
	"exercise { title = 'd', duration = '1m', tick = '1m' }\n"                                 \
	"team { id = 'al' }\n"

/* Keys of every kind, in an order the scenario builds, read back by pairs and by next. */
static const char keys[] =
    HEAD "local t, made = {}, {}\n"
         "local function add(k, name) t[k] = name made[#made + 1] = name end\n"
         "for i = 1, 12 do add({}, 't' .. i) end\n"
         "for i = 1, 6 do add(function() return i end, 'f' .. i) end\n"
         "add(coroutine.create(function() end), 'co')\n"
         "add(coroutine.running(), 'main')\n"
         "add(string.format, 'format') add(math.floor, 'floor') add(2.5, 'float') add(1, 'one')\n"
         "add(true, 'yes') add(false, 'no') add('s', 'string')\n"
         "local seen = {}\n"
         "for _, v in pairs(t) do seen[#seen + 1] = v end\n"
         "local again, k = {}, nil\n"
         "repeat k = next(t, k) if k ~= nil then again[#again + 1] = t[k] end until k == nil\n"
         "state.pairs = table.concat(seen, ' ')\n"
         "state.next = table.concat(again, ' ')\n"
         "state.shown = table.concat({tostring({}), tostring(t), tostring(t), tostring(print),\n"
         "  string.format('%p|%5p|%s|%-8p|', t, nil, {}, 1), tostring(coroutine.running())}, ' ')\n"
         "state.named = tostring(setmetatable({}, {__name = 'Asset'}))\n"
         "state.own = tostring(setmetatable({}, {__tostring = function() return 'mine' end}))\n"
         "state.pstring = select(2, pcall(string.format, '%p', 'x'))\n";

/* The state of a load of keys, with blocks of other sizes allocated around it (to free). */
static char *keys_run(size_t pad)
{
	struct helpers_run r;
	void *before = malloc(pad), *after;
	char *json;

	assert_non_null(helpers_load(&r, keys));
	after = malloc(pad * 3 + 1);
	json = helpers_state(&r);
	helpers_done(&r);
	free(before);
	free(after);
	return json;
}

/* pairs and next agree on one order by kind, then by creation; no text holds an address. */
static void test_no_addresses(void **state)
{
	char *a = keys_run(1), *b = keys_run(100000), *c = keys_run(4000);
	json_t *o = json_loads(a, 0, NULL);

	(void)state;
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	/*
	 * numbers, strings, booleans, then by type name (function, table, thread) and creation:
	 * string.format is a closure made before the scenario; math.floor, without upvalues, comes
	 * after the closures
	 */
	assert_string_equal(json_string_value(json_object_get(o, "pairs")),
	                    "one float string no yes format f1 f2 f3 f4 f5 f6 floor t1 t2 t3 t4 t5 "
	                    "t6 t7 t8 t9 t10 t11 t12 main co");
	assert_string_equal(json_string_value(json_object_get(o, "pairs")),
	                    json_string_value(json_object_get(o, "next")));
	assert_null(strstr(a, "0x"));
	assert_string_equal(json_string_value(json_object_get(o, "shown")),
	                    "table: #1 table: #2 table: #2 function: #3 #2|(null)|table: #4|"
	                    "(null)  | thread: #5");
	assert_string_equal(json_string_value(json_object_get(o, "named")), "Asset: #6");
	assert_string_equal(json_string_value(json_object_get(o, "own")), "mine");
	assert_string_equal(json_string_value(json_object_get(o, "pstring")),
	                    "string.format: '%p' of a string is not allowed in a scenario");
	json_decref(o);
	free(a);
	free(b);
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_no_addresses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
