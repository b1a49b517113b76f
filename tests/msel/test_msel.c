/* Tests of the MSEL model and its Lua output: columns, rows, times, ids, recipients, escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "msel/emit.h"
#include "msel/msel.h"
#include "msel/names.h"

/* Read the MSEL text s, failing the test if it is refused. */
static void read_ok(struct msel *m, const char *s)
{
	char *err = NULL;

	if (msel_read(m, "msel.csv", s, strlen(s), &err) != 0)
		fail_msg("refused: %s", err);
	assert_null(err);
}

/* Read the MSEL text s, which must be refused with a message starting with want. */
static void read_bad(const char *s, const char *want)
{
	struct msel m;
	char *err = NULL;

	assert_int_equal(msel_read(&m, "msel.csv", s, strlen(s), &err), -1);
	assert_non_null(err);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("got \"%s\", want \"%s...\"", err, want);
	assert_int_equal(m.n_injects, 0);
	free(err);
}

/* Read the MSEL text s, which must be refused with a message that contains want. */
static void read_bad_has(const char *s, const char *want)
{
	struct msel m;
	char *err = NULL;

	assert_int_equal(msel_read(&m, "msel.csv", s, strlen(s), &err), -1);
	if (strstr(err, want) == NULL)
		fail_msg("got \"%s\", want it to hold \"%s\"", err, want);
	free(err);
}

/* Header names match without regard to case, with aliases, brackets and '/' parts. */
static void test_aliases(void **state)
{
	struct msel m;

	(void)state;
	read_ok(&m, "msel #;SCENARIO TIME;Intended Player(s);Event Synopsis;Mode;Sender;"
	            "Expected Player Action;Objective/Core Capability/Critical Task;Remarks\n"
	            "7;T+0:15;SOC;Phishing wave;email;Mail gateway;Block the sender;Detect "
	            "early;Keep it short\n");
	assert_int_equal(m.sep, ';');
	assert_int_equal(m.n_injects, 1);
	assert_string_equal(m.injects[0].id, "MSEL-7");
	assert_int_equal(m.injects[0].at, 900);
	assert_string_equal(m.teams[0].name, "SOC");
	assert_string_equal(m.injects[0].subject, "Phishing wave");
	assert_null(m.injects[0].body);
	assert_string_equal(m.injects[0].channel, "email");
	assert_string_equal(m.injects[0].from, "Mail gateway");
	assert_string_equal(m.injects[0].notes, "Keep it short\n\nExpected action: Block the "
	                                        "sender\n\nObjective O1: Detect early");
	assert_string_equal(m.objectives[0].text, "Detect early");
	msel_free(&m);
	read_ok(&m, "Inject No.,Exercise Time,Responder,Message,Details,Capability,Controller "
	            "Notes,Status\n1,0:05,CERT,Hello,More text,,,done\n");
	assert_string_equal(m.injects[0].subject, "Hello");
	assert_string_equal(m.injects[0].body, "More text");
	assert_int_equal(m.n_ignored, 1);
	assert_string_equal(m.ignored[0], "Status");
	msel_free(&m);
}

/* Missing required columns are listed with what the header holds; two for one field too. */
static void test_missing_columns(void **state)
{
	(void)state;
	read_bad("Inject #,When,Who,What\n1,0:10,SOC,x\n",
	         "msel.csv:row 1: the header has no column for time (like \"Time\"), to (like "
	         "\"To\"), subject or description (like \"Subject\" or \"Description\"); it "
	         "reads \"Inject #\", \"When\", \"Who\", \"What\"");
	read_bad("When,Who\n", "msel.csv:row 1: the header has no column for inject number");
	read_bad_has("ID,Time,To,Subject,Scenario Time\n1,0:10,SOC,x,0:20\n",
	             "row 1: columns 2 ('Time') and 5 ('Scenario Time') both hold the time");
	read_bad("", "msel.csv: the file is empty");
	read_bad("ID,Time,To,Subject\n,,,\n", "msel.csv: no injects");
}

/* A title above the header and blank rows are skipped; row numbers stay the sheet's. */
static void test_title_rows(void **state)
{
	struct msel m;

	(void)state;
	read_ok(&m, "Exercise Grey Harbour MSEL,,,\n,,,\nID,Time,To,Subject\n1,0:10,SOC,x\n,,,"
	            "\n2,0:20,SOC,y\n");
	assert_int_equal(m.header_row, 3);
	assert_int_equal(m.n_injects, 2);
	assert_int_equal(m.injects[0].row, 4);
	assert_int_equal(m.injects[1].row, 6);
	msel_free(&m);
	read_bad("ID,Time,To,Subject\n1,0:10,SOC,x\n2,0:20,SOC,y,stray\n",
	         "msel.csv:row 3: column 5 holds 'stray' but has no header");
	read_bad("ID,,Time,To,Subject\n1,lost,0:10,SOC,x\n",
	         "msel.csv:row 2: column 2 holds 'lost' but has no header");
}

/* The time of the row of its own; the message names the row as the sheet does. */
static long time_of(const char *t)
{
	struct msel m;
	char s[512], *err = NULL;
	long at = -1;

	assert_true((size_t)snprintf(s, sizeof s, "ID,Time,To,Subject\n1,\"%s\",SOC,x\n", t) <
	            sizeof s);
	if (msel_read(&m, "msel.csv", s, strlen(s), &err) == 0) {
		at = m.injects[0].at;
		msel_free(&m);
	}
	free(err);
	return at;
}

/* Every documented time form, and refusals with a helpful message naming the row. */
static void test_times(void **state)
{
	(void)state;
	assert_int_equal(time_of("0:15"), 900);
	assert_int_equal(time_of("1:30:00"), 5400);
	assert_int_equal(time_of("01:30"), 5400);
	assert_int_equal(time_of("90m"), 5400);
	assert_int_equal(time_of("15m"), 900);
	assert_int_equal(time_of("2h"), 7200);
	assert_int_equal(time_of("1h30m"), 5400);
	assert_int_equal(time_of("T+0:15"), 900);
	assert_int_equal(time_of("T+01:30"), 5400);
	assert_int_equal(time_of("t+ 1:00"), 3600);
	assert_int_equal(time_of(" 0:45 "), 2700);
	assert_int_equal(time_of("0"), 0);
	assert_int_equal(time_of("45"), -1);
	assert_int_equal(
	    time_of("0000000000000000000000000000000000000000000000000000000000000001h"), -1);
	read_bad("ID,Time,To,Subject\n1,0:10,SOC,x\n2,0:20,SOC,x\n3,25:99,SOC,x\n",
	         "msel.csv:row 4: time '25:99' is not a time (use h:mm, like 1:30)");
	read_bad("ID,Time,To,Subject\n1,45,SOC,x\n",
	         "msel.csv:row 2: time '45' has no unit: write 45m for 45 minutes (or 0:45)");
	read_bad("ID,Time,To,Subject\n1,9:15 AM,SOC,x\n",
	         "msel.csv:row 2: time '9:15 AM' is a time of day");
	read_bad("ID,Time,To,Subject\n1,2024-11-12 09:00,SOC,x\n",
	         "msel.csv:row 2: time '2024-11-12 09:00' looks like a date");
	read_bad("ID,Time,To,Subject\n1,T+,SOC,x\n", "msel.csv:row 2: time 'T+' is not a time");
	read_bad("ID,Time,To,Subject\n1,T-0:15,SOC,x\n", "msel.csv:row 2: time 'T-0:15' is before");
	read_bad("ID,Time,To,Subject\n1,800h,SOC,x\n", "msel.csv:row 2: time '800h' is more than");
	read_bad("ID,Time,To,Subject\n1,,SOC,x\n", "msel.csv:row 2: no time in column 'Time'");
}

/* Each required cell, when empty, is an error naming the row and the column. */
static void test_required_cells(void **state)
{
	(void)state;
	read_bad("Inject #,Time,To,Subject\n,0:10,SOC,x\n",
	         "msel.csv:row 2: no inject number in column 'Inject #'");
	read_bad("ID,Time,Player,Subject\n1,0:10,,x\n",
	         "msel.csv:row 2: no recipient in column 'Player'");
	read_bad("ID,Time,Player,Subject\n1,0:10,; ;,x\n",
	         "msel.csv:row 2: no recipient in column 'Player'");
	read_bad("ID,Time,To,Subject,Notes\n1,0:10,SOC,,n\n", "msel.csv:row 2: no subject");
}

/* Recipients split on ; , / line breaks and " and "; All means all; names match by case. */
static void test_recipients(void **state)
{
	struct msel m;

	(void)state;
	read_ok(&m, "ID,Time,To,Subject\n"
	            "1,0:10,\"SOC; National CERT, Ministry / Press and Legal\nCISO\",x\n"
	            "2,0:20,soc,y\n"
	            "3,0:30,All players,z\n"
	            "4,0:40,\"Everyone\",z\n"
	            "5,0:50,\"SOC and all\",z\n"
	            "6,1:00,\"Research & Development\",z\n");
	assert_int_equal(m.n_teams, 8);
	assert_string_equal(m.teams[0].id, "soc");
	assert_string_equal(m.teams[1].id, "national-cert");
	assert_string_equal(m.teams[1].name, "National CERT");
	assert_string_equal(m.teams[4].id, "legal");
	assert_string_equal(m.teams[5].id, "ciso");
	assert_string_equal(m.teams[6].name, "Research");
	assert_string_equal(m.teams[7].name, "Development");
	assert_int_equal(m.injects[0].n_to, 6);
	assert_false(m.injects[0].all);
	assert_int_equal(m.injects[1].n_to, 1);
	assert_int_equal(m.injects[1].to[0], 0);
	assert_true(m.injects[2].all);
	assert_true(m.injects[3].all);
	assert_true(m.injects[4].all);
	assert_int_equal(m.injects[4].n_to, 0);
	assert_false(m.made_up_team);
	msel_free(&m);
	read_ok(&m, "ID,Time,To,Subject\n1,0:10,All,x\n");
	assert_true(m.made_up_team);
	assert_int_equal(m.n_teams, 1);
	assert_string_equal(m.teams[0].id, "players");
	assert_int_equal(m.n_warnings, 1);
	msel_free(&m);
}

/* Team ids: lowercase, accents dropped, reserved ids avoided, unique. */
static void test_team_ids(void **state)
{
	struct msel m;
	char id[64];

	(void)state;
	names_team_id("Ministère des Finances", id);
	assert_string_equal(id, "ministere-des-finances");
	names_team_id("KOS-CERT (Prishtinë)", id);
	assert_string_equal(id, "kos-cert-prishtine");
	names_team_id("Facilitator", id);
	assert_string_equal(id, "facilitator-team");
	names_team_id("МВР", id);
	assert_string_equal(id, "team");
	names_team_id("IT_Ops", id);
	assert_string_equal(id, "it_ops");
	read_ok(
	    &m,
	    "ID,Time,To,Subject\n1,0:10,IT Ops,x\n2,0:10,IT-Ops!,x\n3,0:10,МВР,x\n"
	    "4,0:10,Observer,x\n5,0:10,"
	    "\"A very long team name that goes on past the limit of ids for sure! really\",x\n");
	assert_string_equal(m.teams[0].id, "it-ops");
	assert_string_equal(m.teams[1].id, "it-ops-2");
	assert_string_equal(m.teams[2].id, "team");
	assert_string_equal(m.teams[3].id, "observer-team");
	assert_true(strlen(m.teams[4].id) <= 64);
	assert_string_equal(
	    m.teams[4].name,
	    "A very long team name that goes on past the limit of ids for sure! really");
	msel_free(&m);
}

/* Inject ids: sanitised, MSEL- in front of numbers, unique without regard to case. */
static void test_inject_ids(void **state)
{
	struct msel m;

	(void)state;
	read_ok(&m, "ID,Time,To,Subject\n1,0:10,SOC,x\n1,0:10,SOC,x\nI-01,0:10,SOC,x\n"
	            "i-01,0:10,SOC,x\n#3,0:10,SOC,x\n№,0:10,SOC,x\nMSEL 2.1,0:10,SOC,x\n"
	            "\"inject 4 (phone)\",0:10,SOC,x\n");
	assert_string_equal(m.injects[0].id, "MSEL-1");
	assert_string_equal(m.injects[1].id, "MSEL-1-2");
	assert_string_equal(m.injects[2].id, "I-01");
	assert_string_equal(m.injects[3].id, "i-01-2");
	assert_string_equal(m.injects[4].id, "MSEL-3");
	assert_string_equal(m.injects[5].id, "MSEL-R7");
	assert_string_equal(m.injects[6].id, "MSEL-2.1");
	assert_string_equal(m.injects[7].id, "inject-4-phone");
	assert_int_equal(m.n_warnings, 2);
	assert_non_null(strstr(m.warnings[0], "msel.csv:row 3: inject number '1' is taken "
	                                      "already (row 2): its id is MSEL-1-2"));
	msel_free(&m);
}

/* Subject, description and body: which becomes what; long text is cut for the subject. */
static void test_text(void **state)
{
	struct msel m;
	const char *longtext = "A very long description of what happens in this inject, far "
	                       "longer than a subject should be, with more words after it.";

	(void)state;
	read_ok(&m, "ID,Time,To,Subject,Description,Body\n"
	            "1,0:10,SOC,Subj,Desc,Extra\n"
	            "2,0:10,SOC,,\"A very long description of what happens in this inject, far "
	            "longer than a subject should be, with more words after it.\",\n"
	            "3,0:10,SOC,\"  Line one\r\nline two  \",,\n");
	assert_string_equal(m.injects[0].subject, "Subj");
	assert_string_equal(m.injects[0].body, "Desc\n\nExtra");
	assert_string_equal(m.injects[1].subject,
	                    "A very long description of what happens in "
	                    "this inject, far longer than a subject should be...");
	assert_string_equal(m.injects[1].body, longtext);
	assert_string_equal(m.injects[2].subject, "Line one");
	assert_string_equal(m.injects[2].body, "Line one\nline two");
	msel_free(&m);
}

/* The duration is the last inject plus an hour, rounded up to the hour; the title. */
static void test_duration(void **state)
{
	struct msel m;
	char *title;

	(void)state;
	read_ok(&m, "ID,Time,To,Subject\n1,2:45,SOC,x\n2,0:10,SOC,y\n");
	assert_int_equal(m.duration, 4 * 3600);
	assert_string_equal(m.title, "msel");
	msel_free(&m);
	read_ok(&m, "ID,Time,To,Subject\n1,3:00,SOC,x\n");
	assert_int_equal(m.duration, 4 * 3600);
	msel_free(&m);
	read_ok(&m, "ID,Time,To,Subject\n1,0:00,SOC,x\n");
	assert_int_equal(m.duration, 3600);
	msel_free(&m);
	title = names_title("dir/we]]ird\nname_2024-v1.csv");
	assert_string_equal(title, "we]]ird name 2024 v1");
	free(title);
	title = names_title("-");
	assert_string_equal(title, "MSEL import");
	free(title);
}

/* Bytes that are not UTF-8, and UTF-16, are refused with advice to save as CSV UTF-8. */
static void test_encoding(void **state)
{
	(void)state;
	read_bad("ID,Time,To,Subject\n1,0:10,Minist\xe8re,x\n",
	         "msel.csv:row 2: this is not UTF-8 text: save the sheet as \"CSV UTF-8");
	read_bad("\xFF\xFEI\0D\0", "msel.csv: the file is UTF-16 text");
	read_bad_has("ID,Time,To,Subject\n1,\"0:10,SOC,x\n", "row 2: a quoted field is not closed");
}

/* Load the Lua code in L as text and run it; fails the test with the message if it cannot. */
static void lua_run(lua_State *L, const char *code)
{
	if (luaL_loadbufferx(L, code, strlen(code), "=emitted", "t") != LUA_OK ||
	    lua_pcall(L, 0, 1, 0) != LUA_OK)
		fail_msg("Lua refused: %s\n%s", lua_tostring(L, -1), code);
}

/* emit_string(s) read back by Lua is s, byte for byte. */
static void roundtrip(lua_State *L, const char *s)
{
	char *lit = emit_string(s), *code = malloc(strlen(lit) + 8);
	size_t n;
	const char *got;

	sprintf(code, "return %s", lit);
	lua_run(L, code);
	got = lua_tolstring(L, -1, &n);
	if (n != strlen(s) || memcmp(got, s, n) != 0)
		fail_msg("emitted %s, read back \"%s\"", lit, got);
	lua_pop(L, 1);
	free(lit);
	free(code);
}

/* Hostile text survives: long brackets of every level, quotes, backslashes, control bytes. */
static void test_lua_escaping(void **state)
{
	static const char *const hostile[] = {
	    "plain", "say \"hi\"",   "C:\\temp\\",      "a]]b",       "]]",          "]=]",
	    "a]",    "a]=",          "x]==]y\n]]\n]=]", "[[\n]]",     "\nleading",   "trailing\n",
	    "\n",    "tab\there",    "cr\rlf\n",        "bell\a\n",   "\x7f\n",      "]==]\n]===]",
	    "]\n]",  "--[[ comment", "'single'",        "é ü ł ✓ \n", "a\\\nb\"c]]", "",
	};
	static const char alphabet[] = "]=[\n\"\\\ta\r\x01-'";
	lua_State *L = luaL_newstate();
	unsigned seed = 12345;
	char s[24];

	(void)state;
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
		roundtrip(L, hostile[i]);
	for (int round = 0; round < 5000; round++) {
		int n = (int)(seed % (sizeof s - 1));
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		s[n] = '\0';
		seed = seed * 1103515245u + 12345u;
		roundtrip(L, s);
	}
	lua_close(L);
}

/* Stubs that collect declarations into the global `got`, to run an emitted scenario. */
static const char stubs[] = "got = { teams = {}, objectives = {}, injects = {} }\n"
                            "function exercise(t) got.exercise = t end\n"
                            "function team(t) got.teams[#got.teams + 1] = t end\n"
                            "function objective(t) got.objectives[#got.objectives + 1] = t end\n"
                            "function inject(t) got.injects[#got.injects + 1] = t end\n";

/* A field of got as a string, by a Lua expression like "got.injects[1].body". */
static const char *got_string(lua_State *L, const char *expr)
{
	char code[128];

	snprintf(code, sizeof code, "return %s", expr);
	lua_run(L, code);
	return lua_tostring(L, -1);
}

/* The whole emitted scenario is valid Lua and gives back every hostile cell exactly. */
static void test_emit_hostile(void **state)
{
	struct msel m;
	lua_State *L = luaL_newstate();
	char *lua;

	(void)state;
	read_ok(&m, "ID,Time,To,From,Method,Subject,Description,Notes,Objective\n"
	            "\"]]\",0:10,\"x]]y\",\"a\"\"b\",\"--[[\",\"]==] \\\",\"\"\"]]\n]=]\n]==]\","
	            "\"end]\",\"obj]]\"\n");
	luaL_openlibs(L);
	lua = emit_lua(&m, "dir/we]]ird\nname.csv");
	lua_run(L, stubs);
	lua_run(L, lua);
	assert_string_equal(got_string(L, "got.injects[1].id"), "MSEL-R2");
	assert_string_equal(got_string(L, "got.injects[1].to"), "x-y");
	assert_string_equal(got_string(L, "got.teams[1].name"), "x]]y");
	assert_string_equal(got_string(L, "got.injects[1].from"), "a\"b");
	assert_string_equal(got_string(L, "got.injects[1].channel"), "--[[");
	assert_string_equal(got_string(L, "got.injects[1].subject"), "]==] \\");
	assert_string_equal(got_string(L, "got.injects[1].body"), "\"]]\n]=]\n]==]");
	assert_string_equal(got_string(L, "got.injects[1].notes"), "end]\n\nObjective O1: obj]]");
	assert_string_equal(got_string(L, "got.injects[1].at"), "0:10");
	assert_string_equal(got_string(L, "got.objectives[1].text"), "obj]]");
	assert_string_equal(got_string(L, "got.exercise.title"), "msel");
	assert_string_equal(got_string(L, "got.exercise.duration"), "2h");
	free(lua);
	msel_free(&m);
	lua_close(L);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_aliases),        cmocka_unit_test(test_missing_columns),
	    cmocka_unit_test(test_title_rows),     cmocka_unit_test(test_times),
	    cmocka_unit_test(test_required_cells), cmocka_unit_test(test_recipients),
	    cmocka_unit_test(test_team_ids),       cmocka_unit_test(test_inject_ids),
	    cmocka_unit_test(test_text),           cmocka_unit_test(test_duration),
	    cmocka_unit_test(test_encoding),       cmocka_unit_test(test_lua_escaping),
	    cmocka_unit_test(test_emit_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
