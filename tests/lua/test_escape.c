/*
 * tests/lua: escape attempts against the sandbox. Each attempt is made by a fixture scenario
 * (fixtures/escape_*.lua) in a callback; the test checks that the facilitators are told
 * FILE:LINE: message with the fixture's name and the attempt's line, that the attempt had no
 * effect, and that the exercise went on (a later callback still runs).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "helpers.h"

/* The limits of these tests: smaller than the defaults, so that they stay fast. */
#define ESC_BUDGET 4000000
#define ESC_MEM ((size_t)32 << 20)
#define ESC_SPENT "instruction budget of 4000000 exceeded"
#define ESC_CAP "memory cap of 32 MiB exceeded"

/* One log line the facilitators must see: "FILE:line: msg", or msg alone when line is 0. */
struct esc_log {
	int line;
	const char *msg;
};

/* Load the scenario at path with the tests' limits; NULL on problems (kept in r->probs). */
static struct scenario *esc_open(struct helpers_run *r, const char *path)
{
	struct scenario_limits lim = {ESC_BUDGET, ESC_MEM, 1000, (size_t)512 << 10};

	memset(r, 0, sizeof *r);
	r->sc = scenario_load(path, &lim, -1, &r->probs);
	if (r->sc != NULL) {
		r->ex = scenario_exercise(r->sc);
		ex_set_sink(r->ex, helpers_sink, r);
	}
	return r->sc;
}

/* Load the fixture name (its path goes to path, 4096 bytes); fails the test if it cannot. */
static void esc_load(struct helpers_run *r, const char *name, char *path)
{
	snprintf(path, 4096, "%s", helpers_fixture(name));
	if (esc_open(r, path) == NULL)
		fail_msg("%s: %s", name, r->probs.n > 0 ? r->probs.v[0].msg : "cannot load");
}

/* Check that the log lines of r are want (n of them) and that errors callbacks failed. */
static void esc_expect(const struct helpers_run *r, const char *path, const struct esc_log *want,
                       int n, unsigned long errors)
{
	char buf[4400];

	for (int k = 0; k < n; k++) {
		if (want[k].line > 0)
			snprintf(buf, sizeof buf, "%s:%d: %s", path, want[k].line, want[k].msg);
		else
			snprintf(buf, sizeof buf, "%s", want[k].msg);
		assert_string_equal(helpers_log(r, k), buf);
	}
	assert_int_equal(helpers_logs(r), n);
	assert_int_equal(scenario_errors(r->sc), errors);
	assert_int_equal(r->ex->state, EX_ENDED);
}

/* Play the fixture name to ENDEX and check its log lines and script errors. */
static void esc_run(const char *name, const struct esc_log *want, int n, unsigned long errors,
                    const char *state_lacks)
{
	struct helpers_run r;
	char path[4096], *json;

	esc_load(&r, name, path);
	helpers_play(&r);
	esc_expect(&r, path, want, n, errors);
	json = helpers_state(&r);
	if (state_lacks != NULL && strstr(json, state_lacks) != NULL)
		fail_msg("the attempt had an effect: %s", json);
	free(json);
	helpers_done(&r);
}

/*
 * The string metatable cannot be reached (getmetatable("") is false), so it cannot be changed;
 * strings still have their methods, and another scenario's strings are untouched.
 */
static void test_string_metatable(void **state)
{
	static const struct esc_log want[] = {
	    {6, "attempt to index a boolean value"},
	    {7, "bad argument #1 to 'rawset' (table expected, got boolean)"},
	    {8, "bad argument #1 to 'setmetatable' (table expected, got string)"},
	    {9, "attempt to index a boolean value"},
	    {0, "abc xxx 4 ab"},
	};
	static const struct esc_log other[] = {{0, "ABC 7-x false"}};
	struct helpers_run a, b;
	char path_a[4096], path_b[4096], *json;

	(void)state;
	esc_load(&a, "escape_string_metatable.lua", path_a);
	esc_load(&b, "escape_string_other.lua", path_b);
	ex_start(a.ex);
	ex_start(b.ex);
	while (a.ex->state != EX_ENDED || b.ex->state != EX_ENDED) {
		if (a.ex->state != EX_ENDED)
			ex_tick(a.ex);
		if (b.ex->state != EX_ENDED)
			ex_tick(b.ex);
	}
	esc_expect(&a, path_a, want, 5, 4);
	esc_expect(&b, path_b, other, 1, 0);
	json = helpers_state(&a);
	assert_string_equal(json, "{\"mt\":\"false\"}");
	free(json);
	helpers_done(&a);
	helpers_done(&b);
}

/* No binary chunk is ever loaded: no string.dump, and load() compiles text only. */
static void test_binary_chunks(void **state)
{
	static const struct esc_log want[] = {
	    {7, "attempt to call a nil value (field 'dump')"},
	    {8, "load: only text chunks are allowed (mode 'b')"},
	    {9, "attempt to load a binary chunk (mode is 't')"},
	    {11, "attempt to load a binary chunk (mode is 't')"},
	    {12, "load: only text chunks are allowed (mode 'bt')"},
	    {13, "attempt to call a nil value (field 'dump')"},
	    {0, "text still loads: 42"},
	};

	(void)state;
	esc_run("escape_binary.lua", want, 7, 6, NULL);
}

/*
 * collectgarbage can neither stop nor retune the collector (it still keeps 80 MB of garbage
 * under a 32 MiB cap), and collecting in a loop runs out of budget.
 */
static void test_collectgarbage(void **state)
{
	static const struct esc_log want[] = {
	    {6, "collectgarbage('stop') is not allowed in a scenario"},
	    {7, "collectgarbage('generational') is not allowed in a scenario"},
	    {8, "collectgarbage('incremental') is not allowed in a scenario"},
	    {9, "collectgarbage('setpause') is not allowed in a scenario"},
	    {10, "collectgarbage('setstepmul') is not allowed in a scenario"},
	    {11, "collectgarbage('restart') is not allowed in a scenario"},
	    {12, "collectgarbage('isrunning') is not allowed in a scenario"},
	    {13, ESC_SPENT},
	    {14, ESC_SPENT},
	    {0, "churned true"},
	    {0, "count and step still work true true"},
	};

	(void)state;
	esc_run("escape_gc.lua", want, 11, 9, NULL);
}

/*
 * No finaliser ever runs: __gc is refused by setmetatable, one added later or inherited is
 * never called; a __close that loops runs inside the callback's budget.
 */
static void test_finalizers(void **state)
{
	static const struct esc_log want[] = {
	    {6, "setmetatable: __gc metamethods are not allowed in a scenario"},
	    {7, "setmetatable: __gc metamethods are not allowed in a scenario"},
	    {0, "added later: never marked"},
	    {0, "inherited: never marked"},
	    {14, ESC_SPENT},
	    {0, "alive 360"},
	};

	(void)state;
	esc_run("escape_finalizer.lua", want, 6, 3, "finalized");
}

/* Coroutines, nested, made while loading, catching errors or closing, cannot dodge the budget. */
static void test_coroutines(void **state)
{
	static const struct esc_log want[] = {
	    {8, ESC_SPENT},  {5, ESC_SPENT},  {11, ESC_SPENT},
	    {13, ESC_SPENT}, {15, ESC_SPENT}, {0, "a fresh coroutine runs 7"},
	};

	(void)state;
	esc_run("escape_coroutine.lua", want, 6, 5, NULL);
}

/* Recursion through every kind of metamethod stops at a stack limit or the budget. */
static void test_metamethod_recursion(void **state)
{
	static const struct esc_log want[] = {
	    {6, "C stack overflow"},  {7, "C stack overflow"},
	    {9, "C stack overflow"},  {11, "C stack overflow"},
	    {13, "C stack overflow"}, {15, ESC_SPENT},
	    {16, "C stack overflow"}, {18, "'__index' chain too long; possible loop"},
	    {19, "C stack overflow"}, {20, "C stack overflow"},
	    {0, "alive 660"},
	};

	(void)state;
	esc_run("escape_recursion.lua", want, 11, 10, NULL);
}

/*
 * Huge constructors and string.rep/table.concat bombs hit a limit, and so do the C loops of the
 * table functions and the string scans, which the count hook does not see.
 */
static void test_bombs(void **state)
{
	static const struct esc_log want[] = {
	    {7, ESC_SPENT},
	    {9, "assertion failed!"},
	    {10, "resulting string too large"},
	    {11, "resulting string too large"},
	    {13, ESC_CAP},
	    {14, ESC_SPENT},
	    {15, ESC_SPENT},
	    {16, ESC_SPENT},
	    {17, ESC_SPENT},
	    {18, ESC_SPENT},
	    {19, "table.insert: a table with a __len metamethod is not allowed in a scenario"},
	    {21, ESC_SPENT},
	    {0, "empty repeats are empty: true 0"},
	    {24, ESC_SPENT},
	    {25, ESC_SPENT},
	    {0, "alive 960"},
	};

	(void)state;
	esc_run("escape_huge.lua", want, 16, 14, NULL);
}

/* Write text to the file at dir/name. */
static void esc_write(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/*
 * A directory for the require attempts: scen/ holds the fixtures, a module, symlinks out to
 * outside/secret.lua, a FIFO and a directory named like a module; lib/ is the helper library,
 * with a symlink out too. $TABLETOP_LIB names it.
 */
static void esc_require_tree(char *dir)
{
	char path[512], *text;
	const char *names[] = {"escape_require.lua", "escape_require_load.lua"};
	FILE *f;
	long n;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/scen", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/outside", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/lib", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	for (int i = 0; i < 2; i++) {
		f = fopen(helpers_fixture(names[i]), "r");
		assert_non_null(f);
		text = calloc(1, 65536);
		n = (long)fread(text, 1, 65535, f);
		fclose(f);
		assert_true(n > 0);
		snprintf(path, sizeof path, "%s/scen", dir);
		esc_write(path, names[i], text);
		free(text);
	}
	snprintf(path, sizeof path, "%s/outside", dir);
	esc_write(path, "secret.lua", "stolen = true state.stolen = true return {}\n");
	snprintf(path, sizeof path, "%s/outside/secret.lua", dir);
	assert_int_equal(chmod(path, 0), 0); /* were it opened, it would say "cannot read" */
	snprintf(path, sizeof path, "%s/scen", dir);
	esc_write(path, "inside.lua", "return { name = ... }\n");
	esc_write(path, "inside2.lua", "return {}\n");
	snprintf(path, sizeof path, "%s/scen/link.lua", dir);
	assert_int_equal(symlink("../outside/secret.lua", path), 0);
	snprintf(path, sizeof path, "%s/scen/dir", dir);
	assert_int_equal(symlink("../outside", path), 0);
	snprintf(path, sizeof path, "%s/scen/fifo.lua", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(path, sizeof path, "%s/scen/folder.lua", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/lib/libevil.lua", dir);
	assert_int_equal(symlink("../outside/secret.lua", path), 0);
	snprintf(path, sizeof path, "%s/lib", dir);
	assert_int_equal(setenv("TABLETOP_LIB", path, 1), 0);
}

/* Check that attempt text (from state.tried) failed and holds every one of the words. */
static void esc_refused(const char *text, const char *const *words)
{
	if (strncmp(text, "false: ", 7) != 0)
		fail_msg("not refused: %s", text);
	for (; *words != NULL; words++)
		if (strstr(text, *words) == NULL)
			fail_msg("'%s' lacks '%s'", text, *words);
	assert_null(strstr(text, "cannot read"));
}

/*
 * require reaches nothing outside the scenario's tree and the helper library: bad names,
 * symlinks out (of either), FIFOs and directories, the scenario itself, and at run time
 * anything not loaded already.
 */
static void test_require_outside(void **state)
{
	static const char *const want[][4] = {
	    {"bad module name '..secret'", NULL},
	    {"bad module name '/etc/passwd'", NULL},
	    {"bad module name (it holds a NUL byte)", NULL},
	    {"require 'link'", "/outside/secret.lua, outside", "refused", NULL},
	    {"require 'dir.secret'", "/outside/secret.lua, outside", "refused", NULL},
	    {"require 'secret': not found: no secret.lua in", "/scen or in", NULL},
	    {"require 'libevil'", "/lib/libevil.lua is really", "refused", NULL},
	    {"require 'fifo'", "fifo.lua is not a regular file", NULL},
	    {"require 'folder'", "folder.lua is not a regular file", NULL},
	    {"require 'escape_require'", "is the scenario file itself", NULL},
	};
	static const struct esc_log logs[] = {
	    {14,
	     "require 'link': modules are loaded only while the scenario file loads (require it at "
	     "the top of the file)"},
	    {15, "require: bad module name '..secret': a module name is Lua names joined by dots, "
	         "such as 'media' or 'lib.ladder' (no slashes, no '..', no file names)"},
	    {16,
	     "require 'inside2': modules are loaded only while the scenario file loads (require it "
	     "at the top of the file)"},
	    {0, "inside true nil"},
	};
	char dir[] = "/tmp/tabletop-esc-XXXXXX", path[512], cmd[600], *text;
	struct helpers_run r;
	json_t *st, *tried;

	(void)state;
	esc_require_tree(dir);
	snprintf(path, sizeof path, "%s/scen/escape_require.lua", dir);
	assert_non_null(esc_open(&r, path));
	helpers_play(&r);
	esc_expect(&r, path, logs, 4, 3);
	text = helpers_state(&r);
	st = json_loads(text, 0, NULL);
	tried = json_object_get(st, "tried");
	assert_int_equal(json_array_size(tried), 10);
	for (size_t i = 0; i < 10; i++)
		esc_refused(json_string_value(json_array_get(tried, i)), want[i]);
	assert_null(json_object_get(st, "stolen"));
	json_decref(st);
	free(text);
	helpers_done(&r);

	snprintf(path, sizeof path, "%s/scen/escape_require_load.lua", dir);
	assert_null(esc_open(&r, path));
	assert_int_equal(r.probs.n, 1);
	assert_int_equal(r.probs.v[0].line, 6);
	assert_non_null(strstr(r.probs.v[0].msg, "require 'link': "));
	assert_non_null(strstr(r.probs.v[0].msg, "/outside/secret.lua, outside"));
	helpers_done(&r);

	unsetenv("TABLETOP_LIB");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_string_metatable),
	    cmocka_unit_test(test_binary_chunks),
	    cmocka_unit_test(test_collectgarbage),
	    cmocka_unit_test(test_finalizers),
	    cmocka_unit_test(test_coroutines),
	    cmocka_unit_test(test_metamethod_recursion),
	    cmocka_unit_test(test_bombs),
	    cmocka_unit_test(test_require_outside),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
