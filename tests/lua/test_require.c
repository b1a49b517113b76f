/*
 * tests/lua: require() for scenarios (the search, the cache, cycles, errors at the line of the
 * require, the list of modules for the journal) and the helper library of scenarios/lib.
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
#include "journal/journal.h"

/* A scenario's first lines: the exercise and a team. */
#define HEAD                                                                                       \
	"exercise { title = \"T\", duration = \"1h\", tick = \"1m\" }\n"                           \
	"team { id = \"a\", name = \"A\" }\n"

/* A temporary tree: DIR/scen for scenarios and their modules, DIR/lib as the helper library. */
struct tree {
	char dir[64];
};

/* Write text to DIR/rel, making its directories. */
static void tree_put(const struct tree *t, const char *rel, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", t->dir, rel);
	for (char *p = path + strlen(t->dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A new tree, with DIR/lib as $TABLETOP_LIB. */
static void tree_new(struct tree *t)
{
	char lib[96];

	snprintf(t->dir, sizeof t->dir, "/tmp/tabletop-req-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(lib, sizeof lib, "%s/lib", t->dir);
	assert_int_equal(mkdir(lib, 0700), 0);
	assert_int_equal(setenv("TABLETOP_LIB", lib, 1), 0);
}

/* Remove the tree and forget $TABLETOP_LIB. */
static void tree_done(struct tree *t)
{
	char cmd[128];

	unsetenv("TABLETOP_LIB");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	assert_int_equal(system(cmd), 0);
}

/* Load DIR/rel with these limits (NULL: the defaults); NULL on problems (kept in r->probs). */
static struct scenario *tree_load(struct helpers_run *r, const struct tree *t, const char *rel,
                                  const struct scenario_limits *lim)
{
	struct scenario_limits def;
	char path[512];

	scenario_limits_default(&def);
	snprintf(path, sizeof path, "%s/%s", t->dir, rel);
	memset(r, 0, sizeof *r);
	r->sc = scenario_load(path, lim != NULL ? lim : &def, -1, &r->probs);
	r->ex = r->sc != NULL ? scenario_exercise(r->sc) : NULL;
	return r->sc;
}

/* Check that the only problem of r is at line and holds every one of the words. */
static void expect_problem(const struct helpers_run *r, int line, const char *const *words)
{
	assert_int_equal(r->probs.n, 1);
	assert_int_equal(r->probs.v[0].line, line);
	for (; *words != NULL; words++)
		if (strstr(r->probs.v[0].msg, *words) == NULL)
			fail_msg("'%s' lacks '%s'", r->probs.v[0].msg, *words);
}

/*
 * The scenario's directory comes first, then the library; dotted names are directories; each
 * module runs once, gets its name, and is listed with the SHA-256 of its bytes in load order.
 */
static void test_search_and_cache(void **state)
{
	static const char *const order[][2] = {
	    {"shadow", "scen/shadow.lua"},     {"libonly", "lib/libonly.lua"},
	    {"sub.deep", "scen/sub/deep.lua"}, {"nothing", "scen/nothing.lua"},
	    {"nested", "lib/nested.lua"},      {"bom", "scen/bom.lua"},
	};
	struct tree t;
	struct helpers_run r;
	const struct ex_module *m;
	char path[512], sha[65], *json;
	int n;

	(void)state;
	tree_new(&t);
	tree_put(&t, "scen/shadow.lua",
	         "loads = (rawget(_G, 'loads') or 0) + 1 return 'scenario'\n");
	tree_put(&t, "lib/shadow.lua", "return 'library'\n");
	tree_put(&t, "lib/libonly.lua", "return { from = 'library', name = ... }\n");
	tree_put(&t, "scen/sub/deep.lua", "return ...\n");
	tree_put(&t, "scen/nothing.lua", "local x = 1\n");
	tree_put(&t, "lib/nested.lua", "return require('libonly').from .. '!'\n");
	tree_put(&t, "scen/bom.lua", "\xef\xbb\xbf#!/usr/bin/env lua\nreturn 2\n");
	tree_put(&t, "scen/main.lua",
	         HEAD "state.shadow = require('shadow')\n"
	              "state.lib = require('libonly').name\n"
	              "state.deep = require('sub.deep')\n"
	              "state.nothing = require('nothing')\n"
	              "state.nested = require('nested')\n"
	              "state.again = require('shadow') == state.shadow and require('libonly') == "
	              "require('libonly')\n"
	              "state.bom = require('bom')\n"
	              "state.loads = loads\n");
	assert_non_null(tree_load(&r, &t, "scen/main.lua", NULL));
	json = helpers_state(&r);
	assert_string_equal(json,
	                    "{\"again\":true,\"bom\":2,\"deep\":\"sub.deep\",\"lib\":\"libonly\","
	                    "\"loads\":1,\"nested\":\"library!\",\"nothing\":true,"
	                    "\"shadow\":\"scenario\"}");
	free(json);
	m = r.ex->modules;
	n = r.ex->n_modules;
	assert_int_equal(n, 6);
	for (int i = 0; i < n; i++) {
		assert_string_equal(m[i].name, order[i][0]);
		snprintf(path, sizeof path, "%s/%s", t.dir, order[i][1]);
		assert_string_equal(m[i].path, path);
		assert_int_equal(journal_sha256(path, sha, stderr), 0);
		assert_string_equal(m[i].sha256, sha);
	}
	helpers_done(&r);
	tree_done(&t);
}

/* At run time, modules loaded already are given and nothing new is read; bom.lua counts lines. */
static void test_run_time(void **state)
{
	struct tree t;
	struct helpers_run r;
	char path[512], want[600];

	(void)state;
	tree_new(&t);
	tree_put(&t, "scen/mod.lua", "return 'mod'\n");
	tree_put(&t, "scen/later.lua", "return 'later'\n");
	tree_put(&t, "scen/bom.lua",
	         "\xef\xbb\xbf#!/usr/bin/env lua\nreturn function() error('two') end\n");
	tree_put(&t, "scen/main.lua",
	         HEAD "local bom = require('mod') and require('bom')\n"
	              "at('1m', function() log(require('mod')) end)\n"
	              "at('2m', function() log(require('later')) end)\n"
	              "at('3m', function() bom() end)\n"
	              "at('4m', function() log('alive') end)\n");
	snprintf(path, sizeof path, "%s/scen/main.lua", t.dir);
	assert_non_null(helpers_load_file(&r, path));
	helpers_play(&r);
	assert_string_equal(helpers_log(&r, 0), "mod");
	snprintf(want, sizeof want,
	         "%s/scen/main.lua:5: require 'later': modules are loaded only while the scenario "
	         "file loads (require it at the top of the file)",
	         t.dir);
	assert_string_equal(helpers_log(&r, 1), want);
	snprintf(want, sizeof want, "%s/scen/main.lua:6: %s/scen/bom.lua:2: two", t.dir, t.dir);
	assert_string_equal(helpers_log(&r, 2), want);
	assert_string_equal(helpers_log(&r, 3), "alive");
	helpers_done(&r);
	tree_done(&t);
}

/*
 * Errors while modules load read FILE:LINE of the require, name the module (and the chain of
 * modules) and what went wrong in it; a failed module is not cached, so no false cycle.
 */
static void test_load_errors(void **state)
{
	static const struct {
		const char *code;
		const char *const words[4];
	} cases[] = {
	    {"require('cycle_a')",
	     {"require 'cycle_a': ", "require 'cycle_b': ",
	      "a cycle of modules: cycle_a -> cycle_b -> cycle_a", NULL}},
	    {"require('broken')", {"require 'broken': ", "/scen/broken.lua:2: ", "near '='", NULL}},
	    {"require('raises')", {"require 'raises': ", "/scen/raises.lua:3: no", NULL}},
	    {"pcall(require, 'raises') require('raises')",
	     {"require 'raises': ", "/scen/raises.lua:3: no", NULL}},
	    {"require('nowhere.at_all')",
	     {"require 'nowhere.at_all': not found: no nowhere/at_all.lua in ", "/scen or in ",
	      "/lib", NULL}},
	    {"require('m1')",
	     {"require 'm1': ", "require 'm33': modules nest more than 32 deep", NULL}},
	    {"require(42.5)", {"bad module name '42.5'", NULL}},
	    {"require({})", {"bad argument #1 to 'require' (string expected, got table)", NULL}},
	};
	struct tree t;
	struct helpers_run r;
	char text[512], name[32], body[64];

	(void)state;
	tree_new(&t);
	tree_put(&t, "scen/cycle_a.lua", "return require('cycle_b')\n");
	tree_put(&t, "scen/cycle_b.lua", "return require('cycle_a')\n");
	tree_put(&t, "scen/broken.lua", "local ok = 1\nlocal x = = 2\n");
	tree_put(&t, "scen/raises.lua", "local t = {}\n\nerror('no')\n");
	for (int i = 1; i <= 33; i++) {
		snprintf(name, sizeof name, "scen/m%d.lua", i);
		snprintf(body, sizeof body, "return require('m%d')\n", i + 1);
		tree_put(&t, name, body);
	}
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		snprintf(text, sizeof text, HEAD "\n%s\n", cases[k].code);
		tree_put(&t, "scen/case.lua", text);
		assert_null(tree_load(&r, &t, "scen/case.lua", NULL));
		expect_problem(&r, 4, cases[k].words);
		helpers_done(&r);
	}
	tree_done(&t);
}

/* A module runs under the file's budget and memory cap: running out is at the require line. */
static void test_module_limits(void **state)
{
	static const char *const spent[] = {"instruction budget of 1000000 exceeded", NULL};
	static const char *const capped[] = {"memory cap of 8 MiB exceeded", NULL};
	struct scenario_limits lim = {100000, (size_t)8 << 20, 1000, (size_t)512 << 10};
	struct tree t;
	struct helpers_run r;

	(void)state;
	tree_new(&t);
	tree_put(&t, "scen/spin.lua", "while true do end\n");
	tree_put(&t, "scen/hog.lua", "local t = {} for i = 1, 1e9 do t[i] = {} end\n");
	tree_put(&t, "scen/main.lua", HEAD "local x = 1\nrequire('spin')\n");
	assert_null(tree_load(&r, &t, "scen/main.lua", &lim));
	expect_problem(&r, 4, spent);
	helpers_done(&r);
	tree_put(&t, "scen/main.lua", HEAD "\n\nrequire('hog')\n");
	assert_null(tree_load(&r, &t, "scen/main.lua", &lim));
	expect_problem(&r, 5, capped);
	helpers_done(&r);
	tree_done(&t);
}

/* Without a helper library (it does not exist), the message says so; none is listed then. */
static void test_missing_library(void **state)
{
	static const char *const words[] = {
	    "require 'media': not found: no media.lua in ",
	    "and the helper library /nonexistent/lib does not exist", NULL};
	struct tree t;
	struct helpers_run r;

	(void)state;
	tree_new(&t);
	assert_int_equal(setenv("TABLETOP_LIB", "/nonexistent/lib", 1), 0);
	tree_put(&t, "scen/main.lua", HEAD "\nrequire('media')\n");
	assert_null(tree_load(&r, &t, "scen/main.lua", NULL));
	expect_problem(&r, 4, words);
	helpers_done(&r);
	tree_put(&t, "scen/main.lua", HEAD);
	assert_non_null(tree_load(&r, &t, "scen/main.lua", NULL));
	assert_null(r.ex->modules);
	assert_int_equal(r.ex->n_modules, 0);
	helpers_done(&r);
	tree_done(&t);
}

/* The helper library: media waves escalate and stop, a ladder climbs, sharing spreads. */
static void test_library(void **state)
{
	static const char *const logs[] = {
	    "the tip reached b at 09:12 (shared by Alpha)",
	    "three reached",
	    "status 3 4 four true false true 720 false 11:20 10:02",
	};
	struct helpers_run r;
	const char *subject;
	char *json;
	int k = 0;

	(void)state;
	assert_non_null(helpers_load_file(&r, helpers_fixture("require_library.lua")));
	ex_start(r.ex);
	for (int i = 0; i < 5; i++)
		ex_tick(r.ex);
	ex_share(r.ex, 0, 1, "x", "too early to carry the tip"); /* T+0:05 */
	for (int i = 0; i < 7; i++)
		ex_tick(r.ex);
	ex_share(r.ex, 0, -1, "x", "to all");               /* T+0:12: b learns, c may not */
	ex_share(r.ex, 1, 2, "x", "b to c, not a learner"); /* the credit only */
	while (r.ex->state != EX_ENDED)
		ex_tick(r.ex);
	assert_int_equal(helpers_logs(&r), 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(helpers_log(&r, i), logs[i]);
	for (int i = 0; (subject = json_string_value(
	                     json_object_get(helpers_nth(&r, "inject", i), "subject"))) != NULL;
	     i++)
		k += strcmp(subject, "abroad 4") == 0;
	assert_int_equal(k, 0);
	assert_int_equal(helpers_count(&r, "inject"), 5);
	assert_int_equal(r.ex->teams[0].score, 0);
	assert_int_equal(r.ex->teams[1].score, 1);
	assert_int_equal(r.ex->teams[2].score, 0);
	json = helpers_state(&r);
	assert_string_equal(json, "{\"calm\":true,\"four\":\"by hand\",\"held\":false,"
	                          "\"knows\":{\"b\":\"09:12\"},\"level\":\"four\","
	                          "\"pairs\":{\"a -> b\":\"09:05\",\"a -> c\":\"09:12\","
	                          "\"b -> c\":\"09:12\"},\"waves\":3,\"why\":\"condition\"}");
	free(json);
	assert_int_equal(scenario_errors(r.sc), 0);
	helpers_done(&r);
}

/* A helper's bad options, and errors in the functions it was given, read the scenario's line. */
static void test_library_errors(void **state)
{
	struct helpers_run r;
	char want[600];

	(void)state;
	assert_null(helpers_load(&r,
	                         HEAD "local media = require('media')\n"
	                              "media.campaign { name = 'x', evry = '1m', waves = {} }\n"));
	assert_true(helpers_has_problem(&r, 4, "media.campaign: unknown field 'evry'"));
	helpers_done(&r);
	assert_null(helpers_load(&r,
	                         HEAD "local ladder = require('ladder')\n"
	                              "ladder.new { name = 'l', levels = { { name = 1 } } }\n"));
	assert_true(helpers_has_problem(
	    &r, 4, "ladder 'l', level 1: 'name' must be a string, not a number"));
	helpers_done(&r);
	assert_null(helpers_load(&r, HEAD "local time = require('time')\n\ntime.clock('25:00')\n"));
	assert_true(helpers_has_problem(
	    &r, 5, "time.clock: the start must be \"HH:MM\", such as \"09:00\""));
	helpers_done(&r);
	assert_non_null(
	    helpers_load(&r, HEAD "local media = require('media')\n"
	                          "media.campaign { name = 'x', every = '10m', to = 'zz',\n"
	                          "  waves = { { subject = 's' } } }\n"
	                          "local ladder = require('ladder')\n"
	                          "ladder.new { name = 'l', levels = { { name = '1' },\n"
	                          "  { name = '2', when = function() return nil + 1 end } } }\n"));
	helpers_play(&r);
	snprintf(want, sizeof want,
	         "%s:7: ladder 'l': %s:8: attempt to perform arithmetic on a "
	         "nil value",
	         r.path, r.path);
	assert_string_equal(helpers_log(&r, 0), want);
	snprintf(want, sizeof want, "%s:4: media campaign 'x': ", r.path);
	assert_true(strncmp(helpers_log(&r, 1), want, strlen(want)) == 0);
	assert_non_null(strstr(helpers_log(&r, 1), "send: unknown team 'zz'"));
	helpers_done(&r);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_search_and_cache), cmocka_unit_test(test_run_time),
	    cmocka_unit_test(test_load_errors),      cmocka_unit_test(test_module_limits),
	    cmocka_unit_test(test_missing_library),  cmocka_unit_test(test_library),
	    cmocka_unit_test(test_library_errors),
	};

	unsetenv("TABLETOP_LIB");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
