/* tests/lua: the sandbox: no escape, runaway code stopped, memory capped, runs deterministic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"

/* Three lines every small scenario starts with: the exercise and two teams. */
#define HEAD                                                                                       \
	"exercise { title = \"T\", duration = \"1h\", tick = \"1m\", seed = 7 }\n"                 \
	"team { id = \"al\", name = \"Albania\" }\n"                                               \
	"team { id = \"xk\", name = \"Kosovo\" }\n"

/* The libraries and functions that reach outside are not there, or refuse. */
static void test_escapes(void **state)
{
	static const struct {
		const char *code;
		const char *msg;
	} cases[] = {
	    {"dofile(\"/etc/passwd\")", "undefined global 'dofile'"},
	    {"loadfile(\"/etc/passwd\")", "undefined global 'loadfile'"},
	    {"os.execute(\"touch /tmp/tabletop-pwned\")", "undefined global 'os'"},
	    {"io.open(\"/etc/passwd\")", "undefined global 'io'"},
	    {"debug.sethook()", "undefined global 'debug'"},
	    {"package.loadlib(\"x\", \"y\")", "undefined global 'package'"},
	    {"require(\"/etc/passwd\")",
	     "require: bad module name '/etc/passwd': a module name is Lua names joined by dots, "
	     "such as 'media' or 'lib.ladder' (no slashes, no '..', no file names)"},
	    {"getmetatable(\"\").__index = string", "attempt to index a boolean value"},
	    {"string.dump(print)", "attempt to call a nil value (field 'dump')"},
	    {"local s = \"x\" s:dump()", "attempt to call a nil value (method 'dump')"},
	    {"load(\"return 1\", \"x\", \"b\")", "load: only text chunks are allowed (mode 'b')"},
	    {"load(\"return 1\", \"x\", \"bt\")", "load: only text chunks are allowed (mode 'bt')"},
	    {"assert(load(\"\\27Lua\\84\\0\\25\\147\"))",
	     "attempt to load a binary chunk (mode is 't')"},
	    {"collectgarbage(\"stop\")", "collectgarbage('stop') is not allowed in a scenario"},
	    {"collectgarbage(\"generational\")",
	     "collectgarbage('generational') is not allowed in a scenario"},
	    {"setmetatable({}, { __gc = function() end })",
	     "setmetatable: __gc metamethods are not allowed in a scenario"},
	    {"setmetatable(_G, nil)", "cannot change a protected metatable"},
	    {"math.randomseed()",
	     "bad argument #1 to 'randomseed' (number expected, got no value)"},
	};
	struct helpers_run r;
	char text[512];

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		snprintf(text, sizeof text, "%s%s\n", HEAD, cases[k].code);
		assert_null(helpers_load(&r, text));
		assert_int_equal(r.probs.n, 1);
		assert_true(helpers_has_problem(&r, 4, cases[k].msg));
		helpers_done(&r);
	}
}

/* What a scenario may use still works: text load, some collectgarbage, new globals, print. */
static void test_allowed(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r, HEAD
	    "assert(load(\"return 1 + 1\")() == 2)\n"
	    "assert(load(\"return 2\", \"chunk\", \"t\")() == 2)\n"
	    "assert(collectgarbage(\"count\") > 0)\n"
	    "collectgarbage() collectgarbage(\"step\")\n"
	    "counter = 1\n"
	    "assert(rawget(_G, \"nothing\") == nil)\n"
	    "math.randomseed(3)\n"
	    "at(\"1m\", function() counter = counter + 1 print(\"hello\", counter, nil) end)\n"));
	helpers_play(&r);
	assert_true(helpers_has_log(&r, "hello 2 nil"));
	assert_int_equal(scenario_errors(r.sc), 0);
	helpers_done(&r);
}

/* Endless loops are stopped wherever they hide, and the next timer still fires. */
static void test_endless_loops(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r, HEAD
	    "at(\"1m\", function() while true do end end)\n"
	    "at(\"2m\", function() while true do pcall(function() while true do end end) end end)\n"
	    "at(\"3m\", function() coroutine.wrap(function() while true do end end)() end)\n"
	    "at(\"4m\", function() while true do\n"
	    "  coroutine.resume(coroutine.create(function() while true do end end)) end end)\n"
	    "at(\"6m\", function() local co = coroutine.wrap(function()\n"
	    "  while true do coroutine.yield() end end) while true do co() end end)\n"
	    "at(\"7m\", function() while true do xpcall(function() while true do end end,\n"
	    "  function() while true do end end) end end)\n"
	    "at(\"8m\", function() log(\"alive\", now()) end)\n"));
	helpers_play(&r);
	assert_string_equal(helpers_log(&r, 0),
	                    helpers_at_line(&r, 4, "instruction budget of 10000000 exceeded"));
	assert_string_equal(helpers_log(&r, 1),
	                    helpers_at_line(&r, 5, "instruction budget of 10000000 exceeded"));
	assert_string_equal(helpers_log(&r, 2),
	                    helpers_at_line(&r, 6, "instruction budget of 10000000 exceeded"));
	assert_string_equal(helpers_log(&r, 3),
	                    helpers_at_line(&r, 8, "instruction budget of 10000000 exceeded"));
	assert_string_equal(helpers_log(&r, 4),
	                    helpers_at_line(&r, 10, "instruction budget of 10000000 exceeded"));
	assert_string_equal(helpers_log(&r, 5),
	                    helpers_at_line(&r, 11, "instruction budget of 10000000 exceeded"));
	assert_string_equal(helpers_log(&r, 6), "alive 480");
	assert_int_equal(scenario_errors(r.sc), 6);
	helpers_done(&r);
}

/* Work done in C for the script counts too: allocating, pairs and sort cannot dodge the budget. */
static void test_budget_covers_library_work(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r,
	    HEAD "local big = {} for i = 1, 100000 do big[i] = i end\n"
	         "at(\"1m\", function() while true do local s = string.rep(\"x\", 1e7) end end)\n"
	         "at(\"2m\", function() while true do for _ in pairs(big) do break end end end)\n"
	         "at(\"3m\", function() while true do table.sort(big) end end)\n"
	         "at(\"4m\", function() log(\"alive\") end)\n"));
	helpers_play(&r);
	for (int k = 0; k < 3; k++)
		assert_string_equal(
		    helpers_log(&r, k),
		    helpers_at_line(&r, 5 + k, "instruction budget of 10000000 exceeded"));
	assert_string_equal(helpers_log(&r, 3), "alive");
	helpers_done(&r);
}

/* An endless loop while the file loads is a problem at its line, under a larger budget. */
static void test_endless_load(void **state)
{
	struct scenario_limits lim = {1000, 64 << 20, 1000, 512 << 10};
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load(&r, HEAD "\nwhile true do end\n"));
	assert_true(helpers_has_problem(&r, 5, "instruction budget of 100000000 exceeded"));
	helpers_done(&r);

	assert_null(
	    helpers_load_with(&r, HEAD "local n = 0\nwhile true do n = n + 1 end\n", &lim, -1));
	assert_true(helpers_has_problem(&r, 5, "instruction budget of 10000 exceeded"));
	helpers_done(&r);
}

/* Memory bombs hit the cap, are reported at their line, and the memory comes back. */
static void test_memory_bombs(void **state)
{
	struct scenario_limits lim = {10000000, 8 << 20, 1000, 512 << 10};
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r,
	    HEAD "at(\"1m\", function() local s = string.rep(\"x\", 1 << 30) end)\n"
	         "at(\"2m\", function() local t, i = {}, 0\n"
	         "  while true do i = i + 1 t[i] = string.rep(\"y\", 1000) .. i end end)\n"
	         "at(\"3m\", function() local ok = pcall(string.rep, \"x\", 1 << 30)\n"
	         "  log(\"caught\", ok) end)\n"
	         "at(\"4m\", function() log(\"alive\", collectgarbage(\"count\") < 1024) end)\n"));
	helpers_play(&r);
	assert_string_equal(helpers_log(&r, 0),
	                    helpers_at_line(&r, 4, "memory cap of 64 MiB exceeded"));
	assert_string_equal(helpers_log(&r, 1),
	                    helpers_at_line(&r, 6, "memory cap of 64 MiB exceeded"));
	assert_string_equal(helpers_log(&r, 2), "caught false");
	assert_string_equal(helpers_log(&r, 3), "alive true");
	assert_int_equal(scenario_errors(r.sc), 2);
	helpers_done(&r);

	assert_null(helpers_load_with(&r, HEAD "local t = {}\nfor i = 1, 1e9 do t[i] = {} end\n",
	                              &lim, -1));
	assert_true(helpers_has_problem(&r, 5, "memory cap of 8 MiB exceeded"));
	helpers_done(&r);
}

/* Unbounded recursion is a stack overflow at its line; the exercise goes on. */
static void test_deep_recursion(void **state)
{
	struct helpers_run r;
	char want[600];

	(void)state;
	assert_non_null(helpers_load(&r,
	                             HEAD "local function f() return 1 + f() end\n"
	                                  "at(\"1m\", function() return f() end)\n"
	                                  "at(\"2m\", function() log(\"caught\", pcall(f)) end)\n"
	                                  "at(\"3m\", function() log(\"alive\") end)\n"));
	helpers_play(&r);
	assert_string_equal(
	    helpers_log(&r, 0),
	    helpers_at_line(&r, 4, "stack overflow (more than 10000 nested calls)"));
	snprintf(want, sizeof want, "caught false %s",
	         helpers_at_line(&r, 4, "stack overflow (more than 10000 nested calls)"));
	assert_string_equal(helpers_log(&r, 1), want);
	assert_string_equal(helpers_log(&r, 2), "alive");
	helpers_done(&r);
}

/* pairs visits keys in one order whatever the insertion order: numbers, strings, booleans. */
static void test_pairs_order(void **state)
{
	struct helpers_run r;
	char *json;

	(void)state;
	assert_non_null(helpers_load(
	    &r,
	    HEAD "local function keys(t) local out = {}\n"
	         "  for k in pairs(t) do out[#out + 1] = tostring(k) end return table.concat(out, "
	         "\" \") end\n"
	         "local a, b = {}, {}\n"
	         "for _, k in ipairs({ \"b\", 3, \"a\", true, 1.5, \"aa\", false, -2, \"B\" }) do "
	         "a[k] = 1 "
	         "end\n"
	         "for _, k in ipairs({ false, \"aa\", -2, \"B\", 1.5, true, \"a\", 3, \"b\" }) do "
	         "b[k] = 1 "
	         "end\n"
	         "state.a, state.b = keys(a), keys(b)\n"
	         "local big1, big2 = {}, {}\n"
	         "for i = 1, 500 do big1[\"k\" .. i] = i end\n"
	         "for i = 500, 1, -1 do big2[\"k\" .. i] = i end\n"
	         "state.same = keys(big1) == keys(big2)\n"
	         "state.first = keys(big1):sub(1, 16)\n"
	         "local c = { x = 1, y = 2, z = 3 } for k in pairs(c) do c[k] = nil end\n"
	         "state.emptied = next(c) == nil\n"
	         "local n = 0 for _ in pairs({ [{}] = 1, [print] = 2, x = 3 }) do n = n + 1 end\n"
	         "state.odd = n\n"));
	json = helpers_state(&r);
	assert_string_equal(json, "{\"a\":\"-2 1.5 3 B a aa b false true\","
	                          "\"b\":\"-2 1.5 3 B a aa b false true\",\"emptied\":true,"
	                          "\"first\":\"k1 k10 k100 k101\",\"odd\":3,\"same\":true}");
	free(json);
	helpers_done(&r);
}

/* The state of a seeded scenario that draws random numbers at load and in a timer. */
static char *random_run(long long seed)
{
	struct scenario_limits lim;
	struct helpers_run r;
	char *json;

	scenario_limits_default(&lim);
	assert_non_null(helpers_load_with(
	    &r,
	    HEAD "state.r = {} for i = 1, 5 do state.r[i] = math.random(1000000) end\n"
	         "at(\"1m\", function() state.later = math.random() end)\n",
	    &lim, seed));
	helpers_play(&r);
	json = helpers_state(&r);
	helpers_done(&r);
	return json;
}

/* math.random gives the same numbers for the same seed, and others for another seed. */
static void test_random_determinism(void **state)
{
	char *a = random_run(-1), *b = random_run(-1), *c = random_run(7), *d = random_run(8);

	(void)state;
	assert_string_equal(a, b);
	assert_string_equal(a, c); /* the scenario's own seed is 7 */
	assert_string_not_equal(a, d);
	free(a);
	free(b);
	free(c);
	free(d);
}

/* Errors never carry a traceback, and an error object that is not a string is named. */
static void test_error_format(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r,
	    HEAD "at(\"1m\", function() error({}) end)\n"
	         "at(\"2m\", function() error(\"plain\", 0) end)\n"
	         "at(\"3m\", function() local x = nil; return x.field end)\n"
	         "at(\"4m\", function() coroutine.wrap(function() error(\"inner\") end)() end)\n"));
	helpers_play(&r);
	assert_string_equal(helpers_log(&r, 0),
	                    helpers_at_line(&r, 4, "error object is a table value"));
	assert_string_equal(helpers_log(&r, 1), helpers_at_line(&r, 5, "plain"));
	assert_string_equal(helpers_log(&r, 2),
	                    helpers_at_line(&r, 6, "attempt to index a nil value (local 'x')"));
	assert_string_equal(helpers_log(&r, 3), helpers_at_line(&r, 7, "inner"));
	for (int k = 0; k < helpers_logs(&r); k++)
		assert_null(strstr(helpers_log(&r, k), "traceback"));
	helpers_done(&r);
}

/* A callback that causes another (endex runs the end handlers) gives each its own budget. */
static void test_nested_callbacks(void **state)
{
	static const char *const expected[] = {"end handler 120", NULL, "second end handler",
	                                       "after endex", "back in the timer"};
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r,
	    HEAD "on(\"end\", function(why) log(\"end handler\", now()) while true do end end)\n"
	         "on(\"end\", function(why) log(\"second end handler\") end)\n"
	         "at(\"2m\", function()\n"
	         "  local co = coroutine.wrap(function() endex(\"early\") log(\"after endex\")\n"
	         "    coroutine.yield() end)\n"
	         "  co() log(\"back in the timer\") at(\"3m\", print) end)\n"));
	helpers_play(&r);
	assert_int_equal(helpers_logs(&r), 5);
	for (int k = 0; k < 5; k++)
		assert_string_equal(
		    helpers_log(&r, k),
		    expected[k]
		        ? expected[k]
		        : helpers_at_line(&r, 4, "instruction budget of 10000000 exceeded"));
	assert_int_equal(r.ex->t, 120);
	assert_int_equal(scenario_errors(r.sc), 1);
	helpers_done(&r);
}

/* Run the tests. */
/*
 * A runaway send loop is stopped at the cap of events or of bytes one callback may emit, even
 * under pcall, at its line; the next callback has a fresh allowance and the exercise goes on.
 */
static void test_emit_caps(void **state)
{
	struct scenario_limits lim;
	struct helpers_run r;

	(void)state;
	scenario_limits_default(&lim);
	assert_int_equal(lim.max_events, 1000);
	assert_int_equal(lim.max_bytes, 512 << 10);
	lim.max_events = 50;
	lim.max_bytes = 100000;
	assert_non_null(helpers_load_with(
	    &r,
	    HEAD
	    "on(\"start\", function() while true do send { to = \"all\", body = \"x\" } end end)\n"
	    "at(\"2m\", function() while true do pcall(log, \"flood\") end end)\n"
	    "local big = string.rep(\"y\", 30000)\n"
	    "at(\"3m\", function() for k = 1, 10 do send { to = \"al\", body = big } end end)\n"
	    "at(\"4m\", function() log(\"alive\") end)\n",
	    &lim, -1));
	helpers_play(&r);
	assert_int_equal(helpers_count(&r, "inject") - 3, 50);
	assert_int_equal(helpers_count(&r, "script_error"), 3);
	assert_string_equal(
	    helpers_log(&r, 0),
	    helpers_at_line(
	        &r, 4, "stopped: this callback reached its cap of 50 events (--callback-events)"));
	assert_int_equal(helpers_count(&r, "log"), 50 + 1);
	assert_string_equal(
	    helpers_log(&r, 51),
	    helpers_at_line(
	        &r, 5, "stopped: this callback reached its cap of 50 events (--callback-events)"));
	assert_string_equal(
	    helpers_log(&r, 52),
	    helpers_at_line(&r, 7,
	                    "stopped: this callback reached its cap of 100000 bytes of text "
	                    "(--callback-bytes)"));
	assert_string_equal(helpers_log(&r, 53), "alive");
	assert_int_equal(scenario_errors(r.sc), 3);
	helpers_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escapes),
	    cmocka_unit_test(test_allowed),
	    cmocka_unit_test(test_endless_loops),
	    cmocka_unit_test(test_budget_covers_library_work),
	    cmocka_unit_test(test_endless_load),
	    cmocka_unit_test(test_memory_bombs),
	    cmocka_unit_test(test_deep_recursion),
	    cmocka_unit_test(test_pairs_order),
	    cmocka_unit_test(test_random_determinism),
	    cmocka_unit_test(test_error_format),
	    cmocka_unit_test(test_nested_callbacks),
	    cmocka_unit_test(test_emit_caps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
