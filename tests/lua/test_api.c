/* tests/lua: the scenario API: declarations, timers, handlers, actions, state and check problems.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/timeparse.h"
#include "helpers.h"

/* Three lines every small scenario starts with: the exercise and two teams. */
#define HEAD                                                                                       \
	"exercise { title = \"T\", duration = \"1h\", tick = \"1m\" }\n"                           \
	"team { id = \"al\", name = \"Albania\" }\n"                                               \
	"team { id = \"xk\", name = \"Kosovo\" }\n"

/* Every field of every declaration lands in the exercise. */
static void test_declarations(void **state)
{
	struct helpers_run r;
	struct exercise *ex;
	struct ex_inject *i1, *i2;
	long long epoch;
	const char *err;

	(void)state;
	assert_non_null(helpers_load(
	    &r, "exercise { title = \"Drill\", start = \"2024-11-12 09:00\", duration = \"6h\",\n"
	        "  tick = \"30s\", speed = 60, seed = 2024, facilitator_secret = \"fac\",\n"
	        "  observer_secret = \"obs\" }\n"
	        "team { id = \"al\", name = \"AKCESK\", secret = \"s3\" }\n"
	        "team { id = \"xk\" }\n"
	        "objective { id = \"O1\", text = \"Share\" }\n"
	        "inject { id = \"I-01\", at = \"0:15\", to = {\"al\"}, from = \"MoF\", channel = "
	        "\"email\",\n"
	        "  subject = \"Ransom\", body = \"Body\", notes = \"for staff\",\n"
	        "  decision = { prompt = \"What?\", options = { {\"isolate\", \"Take offline\"},\n"
	        "    {\"share\", \"Alert\"} }, deadline = \"30m\", default = \"isolate\" },\n"
	        "  expect = { option = \"share\", within = \"1h\", objective = \"O1\" },\n"
	        "  on_decision = function() end }\n"
	        "inject { id = \"I-02\", at = 90, to = \"xk\",\n"
	        "  decision = { prompt = \"Pick\", options = { \"Yes\", \"No\" }, default = 2 } }\n"
	        "inject { id = \"I-03\", manual = true, to = \"all\" }\n"
	        "inject { id = \"I-04\", at = \"1h30m\" }\n"));
	ex = r.ex;
	assert_string_equal(ex->title, "Drill");
	assert_int_equal(timeparse_datetime("2024-11-12 09:00", &epoch, &err), 0);
	assert_true(ex->start_epoch == epoch);
	assert_int_equal(ex->duration, 6 * 3600);
	assert_int_equal(ex->tick, 30);
	assert_true(ex->speed == 60);
	assert_true(ex->seed == 2024);
	assert_string_equal(ex->facilitator_secret, "fac");
	assert_string_equal(ex->observer_secret, "obs");
	assert_int_equal(ex->n_teams, 2);
	assert_string_equal(ex->teams[0].name, "AKCESK");
	assert_string_equal(ex->teams[0].secret, "s3");
	assert_int_equal(ex->teams[0].line, 4);
	assert_string_equal(ex->teams[1].name, "xk");
	assert_null(ex->teams[1].secret);
	assert_int_equal(ex->n_objectives, 1);
	assert_string_equal(ex->objectives[0].text, "Share");
	assert_int_equal(ex->n_injects, 4);
	i1 = &ex->injects[0];
	assert_int_equal(i1->line, 7);
	assert_int_equal(i1->at, 900);
	assert_int_equal(i1->n_to, 1);
	assert_int_equal(i1->to[0], 0);
	assert_false(i1->to_all);
	assert_string_equal(i1->from, "MoF");
	assert_string_equal(i1->channel, "email");
	assert_string_equal(i1->subject, "Ransom");
	assert_string_equal(i1->body, "Body");
	assert_string_equal(i1->notes, "for staff");
	assert_string_equal(i1->decision->prompt, "What?");
	assert_int_equal(i1->decision->n_options, 2);
	assert_string_equal(i1->decision->options[1].key, "share");
	assert_string_equal(i1->decision->options[1].label, "Alert");
	assert_int_equal(i1->decision->deadline, 1800);
	assert_int_equal(i1->decision->dflt, 0);
	assert_true(i1->expect.present);
	assert_int_equal(i1->expect.option, 1);
	assert_int_equal(i1->expect.within, 3600);
	assert_int_equal(i1->expect.objective, 0);
	assert_true(i1->on_decision >= 0);
	i2 = &ex->injects[1];
	assert_int_equal(i2->at, 90);
	assert_int_equal(i2->to[0], 1);
	assert_string_equal(i2->decision->options[0].key, "1");
	assert_string_equal(i2->decision->options[0].label, "Yes");
	assert_string_equal(i2->decision->options[1].key, "2");
	assert_int_equal(i2->decision->deadline, -1);
	assert_int_equal(i2->decision->dflt, 1);
	assert_false(i2->expect.present);
	assert_int_equal(i2->on_decision, -1);
	assert_true(ex->injects[2].to_all);
	assert_int_equal(ex->injects[2].at, -1);
	assert_int_equal(ex->injects[3].at, 5400);
	assert_true(ex->injects[3].to_all);
	helpers_done(&r);
}

/* A seed override replaces the scenario's seed. */
static void test_seed_override(void **state)
{
	struct scenario_limits lim;
	struct helpers_run r;

	(void)state;
	scenario_limits_default(&lim);
	assert_non_null(helpers_load_with(&r,
	                                  "exercise { title = \"T\", seed = 5 }\n"
	                                  "team { id = \"al\" }\n",
	                                  &lim, 99));
	assert_true(r.ex->seed == 99);
	helpers_done(&r);
}

/* on_decision gets (team, option, timeout), fires a follow-up; on("decision") runs after it. */
static void test_decision_branch(void **state)
{
	static const char *const text = HEAD
	    "inject { id = \"I-01\", at = \"2m\", to = \"al\", subject = \"Q\",\n"
	    "  decision = { prompt = \"Go?\", options = { {\"yes\", \"Yes\"}, {\"no\", \"No\"} },\n"
	    "    deadline = \"5m\", default = \"no\" },\n"
	    "  on_decision = function(team, option, timeout)\n"
	    "    log(\"on_decision\", team, option, timeout)\n"
	    "    if option == \"yes\" then fire(\"I-02\", team) end\n"
	    "  end }\n"
	    "inject { id = \"I-02\", to = \"xk\", subject = \"Follow-up\" }\n"
	    "on(\"decision\", function(team, inject, option, timeout)\n"
	    "  log(\"decision\", team, inject, option, timeout) end)\n";
	struct helpers_run r;
	const char *code = NULL;
	json_t *ev;

	(void)state;
	assert_non_null(helpers_load(&r, text));
	ex_start(r.ex);
	ex_tick(r.ex);
	ex_tick(r.ex);
	assert_int_equal(helpers_count(&r, "inject"), 1);
	assert_int_equal(ex_decide(r.ex, 0, 0, "YES", "alice", &code), 0);
	assert_string_equal(helpers_log(&r, 0), "on_decision al yes false");
	assert_string_equal(helpers_log(&r, 1), "decision al I-01 yes false");
	ev = helpers_nth(&r, "inject", 1);
	assert_non_null(ev);
	assert_string_equal(json_string_value(json_object_get(ev, "id")), "I-02");
	assert_string_equal(json_string_value(json_array_get(json_object_get(ev, "to"), 0)), "al");
	helpers_done(&r);

	assert_non_null(helpers_load(&r, text));
	helpers_play(&r);
	assert_string_equal(helpers_log(&r, 0), "on_decision al no true");
	assert_string_equal(
	    json_string_value(json_object_get(helpers_nth(&r, "decision", 0), "option")), "no");
	assert_int_equal(json_integer_value(json_object_get(helpers_nth(&r, "decision", 0), "t")),
	                 420);
	assert_int_equal(helpers_count(&r, "inject"), 1);
	assert_int_equal(scenario_errors(r.sc), 0);
	helpers_done(&r);
}

/* on(event) handlers get the arguments CONTRACT lists, in the order things happen. */
static void test_on_events(void **state)
{
	static const char *const expected[] = {
	    "join al alice",      "start 0",           "tick 60",
	    "action al isolated", "share al all IOCs", "share xk al thanks",
	    "rfi xk who?",        "tick 120",          "end white cell"};
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r, HEAD "on(\"start\", function() log(\"start\", now()) end)\n"
	             "on(\"tick\", function(t) if t <= 120 then log(\"tick\", t) end end)\n"
	             "on(\"join\", function(team, name) log(\"join\", team, name) end)\n"
	             "on(\"action\", function(team, text) log(\"action\", team, text) end)\n"
	             "on(\"share\", function(from, to, text) log(\"share\", from, to, text) end)\n"
	             "on(\"rfi\", function(team, text) log(\"rfi\", team, text) end)\n"
	             "on(\"end\", function(reason) log(\"end\", reason) end)\n"));
	ex_join(r.ex, 0, "alice");
	ex_start(r.ex);
	ex_tick(r.ex);
	ex_action(r.ex, 0, "alice", "isolated");
	ex_share(r.ex, 0, -1, "alice", "IOCs");
	ex_share(r.ex, 1, 0, "bob", "thanks");
	ex_rfi(r.ex, 1, "bob", "who?");
	ex_tick(r.ex);
	ex_endex(r.ex, "white cell");
	assert_int_equal(helpers_logs(&r), 9);
	for (int k = 0; k < 9; k++)
		assert_string_equal(helpers_log(&r, k), expected[k]);
	helpers_done(&r);
}

/* at, after and every run on the exercise clock; what is due now or past runs next tick. */
static void test_timers(void **state)
{
	static const char *const expected[] = {"zero 0",     "at 120",     "past 180",
	                                       "after 180",  "after0 240", "every 1200",
	                                       "every 2400", "every 3600"};
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(&r, HEAD
	                             "at(\"0:02\", function() log(\"at\", now())\n"
	                             "  at(\"0:01\", function() log(\"past\", now()) end) end)\n"
	                             "after(\"3m\", function() log(\"after\", now())\n"
	                             "  after(0, function() log(\"after0\", now()) end) end)\n"
	                             "every(\"20m\", function() log(\"every\", now()) end)\n"
	                             "at(0, function() log(\"zero\", now()) end)\n"));
	helpers_play(&r);
	assert_int_equal(helpers_logs(&r), 8);
	for (int k = 0; k < 8; k++)
		assert_string_equal(helpers_log(&r, k), expected[k]);
	helpers_done(&r);
}

/* when() fires once, in registration order, after ticks and after inputs. */
static void test_when(void **state)
{
	static const char *const expected[] = {"A 180", "B 180", "C 300", "D 360"};
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r,
	    HEAD "state.n = 0\n"
	         "every(\"1m\", function() state.n = state.n + 1 end)\n"
	         "when(function() return state.n >= 3 end, function() log(\"A\", now()) end)\n"
	         "when(function() return state.n >= 3 end, function() log(\"B\", now()) end)\n"
	         "when(function() return state.n >= 5 end, function() log(\"C\", now())\n"
	         "  when(function() return true end, function() log(\"D\", now()) end) end)\n"));
	helpers_play(&r);
	assert_int_equal(helpers_logs(&r), 4);
	for (int k = 0; k < 4; k++)
		assert_string_equal(helpers_log(&r, k), expected[k]);
	helpers_done(&r);

	assert_non_null(helpers_load(&r,
	                             HEAD "on(\"action\", function(team) state.acted = team end)\n"
	                                  "when(function() return state.acted end,\n"
	                                  "  function() log(\"acted\", state.acted, now()) end)\n"
	                                  "when(function() return nil + 1 end, function() end)\n"));
	ex_start(r.ex);
	ex_tick(r.ex);
	ex_action(r.ex, 1, "bob", "x");
	ex_tick(r.ex);
	assert_true(helpers_has_log(&r, "acted xk 60"));
	assert_int_equal(helpers_logs(&r), 2); /* the predicate's error, reported once */
	assert_true(strstr(helpers_log(&r, 0), ":7: attempt to perform arithmetic") != NULL);
	assert_int_equal(scenario_errors(r.sc), 1);
	helpers_done(&r);
}

/* fire, send, score, phase, log and endex act on the exercise. */
static void test_actions(void **state)
{
	struct helpers_run r;
	json_t *ev;
	int fired = 0;

	(void)state;
	assert_non_null(helpers_load(
	    &r, HEAD "inject { id = \"I-01\", to = \"al\", subject = \"S1\", manual = true }\n"
	             "at(\"1m\", function() fire(\"I-01\") fire(\"I-01\", \"xk\")\n"
	             "  fire(\"I-01\", {\"al\", \"xk\"}) end)\n"
	             "at(\"2m\", function() send { to = {\"xk\"}, from = \"CERT\", channel = "
	             "\"phone\",\n"
	             "  subject = \"Call\", body = \"Hello\" } send { subject = \"To all\" } end)\n"
	             "at(\"3m\", function() score(\"al\", 10, \"good\") score(\"xk\", -3) end)\n"
	             "at(\"4m\", function() phase(\"Move 2\") end)\n"
	             "at(\"5m\", function() log(\"a\", 1, nil, true, 1.5) end)\n"
	             "at(\"6m\", function() endex(\"done early\") end)\n"
	             "at(\"7m\", function() log(\"never\") end)\n"));
	helpers_play(&r);
	for (int k = 0; (ev = helpers_nth(&r, "inject", k)) != NULL; k++)
		fired += strcmp(json_string_value(json_object_get(ev, "id")), "I-01") == 0;
	assert_int_equal(fired, 4);
	ev = helpers_nth(&r, "inject", 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(ev, "to"), 0)), "xk");
	ev = helpers_nth(&r, "inject", 4);
	assert_string_equal(json_string_value(json_object_get(ev, "from")), "CERT");
	assert_string_equal(json_string_value(json_object_get(ev, "body")), "Hello");
	assert_int_equal(json_array_size(json_object_get(ev, "to")), 1);
	ev = helpers_nth(&r, "inject", 5);
	assert_string_equal(json_string_value(json_object_get(ev, "subject")), "To all");
	assert_int_equal(json_array_size(json_object_get(ev, "to")), 2);
	assert_int_equal(r.ex->teams[0].score, 10);
	assert_int_equal(r.ex->teams[1].score, -3);
	ev = helpers_nth(&r, "score", 0);
	assert_string_equal(json_string_value(json_object_get(ev, "reason")), "good");
	assert_string_equal(r.ex->phase, "Move 2");
	assert_int_equal(helpers_count(&r, "phase"), 1);
	assert_true(helpers_has_log(&r, "a 1 nil true 1.5"));
	assert_false(helpers_has_log(&r, "never"));
	assert_string_equal(r.ex->end_reason, "done early");
	assert_int_equal(r.ex->t, 360);
	assert_int_equal(scenario_errors(r.sc), 0);
	helpers_done(&r);
}

/* A callback that misuses the API is reported as FILE:LINE: message and the exercise goes on. */
static void test_runtime_errors(void **state)
{
	static const char *const expected[] = {
	    "fire: unknown inject 'I-99'",
	    "score: delta must be a whole number, not 1.5",
	    "score: unknown team 'zz'",
	    ("on: unknown event 'nope' (events: start, tick, join, decision, action, share, rfi, "
	     "end)"),
	    "team{} declares the scenario: it is only allowed at load time",
	    "every: the period must be more than 0 seconds",
	    "at: bad time '1:7': minutes and seconds after ':' must be two digits below 60",
	    "send: unknown field 'too'"};
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(&r,
	                             HEAD "at(\"1m\", function() fire(\"I-99\") end)\n"
	                                  "at(\"2m\", function() score(\"al\", 1.5, \"x\") end)\n"
	                                  "at(\"3m\", function() score(\"zz\", 1) end)\n"
	                                  "at(\"4m\", function() on(\"nope\", print) end)\n"
	                                  "at(\"5m\", function() team { id = \"late\" } end)\n"
	                                  "at(\"6m\", function() every(0, print) end)\n"
	                                  "at(\"7m\", function() at(\"1:7\", print) end)\n"
	                                  "at(\"8m\", function() send { too = \"al\" } end)\n"
	                                  "at(\"9m\", function() log(\"alive\") end)\n"));
	helpers_play(&r);
	for (int k = 0; k < 8; k++)
		assert_string_equal(helpers_log(&r, k), helpers_at_line(&r, 4 + k, expected[k]));
	assert_string_equal(helpers_log(&r, 8), "alive");
	assert_int_equal(scenario_errors(r.sc), 8);
	helpers_done(&r);
}

/*
 * A run-time error is a script_error event for the staff (file, line, message, t), never a log
 * line; the exercise counts them and text mode shows them apart.
 */
static void test_script_error_event(void **state)
{
	struct helpers_run r;
	json_t *ev;
	const char *text;
	size_t len;

	(void)state;
	assert_non_null(helpers_load(&r, HEAD "at(\"2m\", function() fire(\"B-0a\") end)\n"
	                                      "at(\"3m\", function() log(\"fine\") end)\n"));
	helpers_play(&r);
	assert_int_equal(helpers_count(&r, "script_error"), 1);
	assert_int_equal(helpers_count(&r, "log"), 1);
	assert_string_equal(helpers_log(&r, 1), "fine");
	ev = helpers_nth(&r, "script_error", 0);
	assert_string_equal(json_string_value(json_object_get(ev, "file")), r.path);
	assert_int_equal(json_integer_value(json_object_get(ev, "line")), 4);
	assert_string_equal(json_string_value(json_object_get(ev, "message")),
	                    "fire: unknown inject 'B-0a'");
	assert_int_equal(json_integer_value(json_object_get(ev, "t")), 120);
	assert_int_equal(json_object_size(ev), 5);
	assert_int_equal(r.ex->n_script_errors, 1);
	for (int i = 0; i < r.n_ev; i++) {
		if (r.ev[i]->type != EVT_SCRIPT_ERROR)
			continue;
		assert_true(r.ev[i]->aud.staff);
		assert_null(r.ev[i]->aud.teams);
		assert_false(r.ev[i]->aud.all);
		text = evt_text(r.ev[i], r.ex, &len);
		assert_non_null(strstr(text, "SCRIPT ERROR"));
		assert_non_null(strstr(text, ":4: fire: unknown"));
	}
	helpers_done(&r);
}

/* A run-time text over 64 KiB is refused at FILE:LINE, and the exercise goes on. */
static void test_text_cap(void **state)
{
	static const char *const expected[] = {
	    "log: the line is too long (65537 bytes; at most 65536)",
	    "send: 'body' is too long (70000 bytes; at most 65536)",
	    "score: the reason is too long (70000 bytes; at most 65536)",
	    "phase: the name is too long (70000 bytes; at most 65536)",
	    "endex: the reason is too long (70000 bytes; at most 65536)"};
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(
	    &r,
	    HEAD "local big = string.rep(\"x\", 70000)\n"
	         "at(\"1m\", function() log(string.rep(\"y\", 65537)) end)\n"
	         "at(\"2m\", function() send { to = \"al\", subject = \"s\", body = big } end)\n"
	         "at(\"3m\", function() score(\"al\", 1, big) end)\n"
	         "at(\"4m\", function() phase(big) end)\n"
	         "at(\"5m\", function() endex(big) end)\n"
	         "at(\"6m\", function() log(string.rep(\"z\", 65536):sub(1, 5)) end)\n"));
	helpers_play(&r);
	for (int k = 0; k < 5; k++)
		assert_string_equal(helpers_log(&r, k), helpers_at_line(&r, 5 + k, expected[k]));
	assert_string_equal(helpers_log(&r, 5), "zzzzz");
	assert_int_equal(helpers_count(&r, "inject"), 0);
	assert_int_equal(helpers_count(&r, "score"), 0);
	assert_int_equal(scenario_errors(r.sc), 5);
	helpers_done(&r);
}

/* fire, send, score, phase and endex are refused while the file loads. */
static void test_load_time_actions(void **state)
{
	static const char *const calls[] = {"fire(\"I-01\")", "send { subject = \"x\" }",
	                                    "score(\"al\", 1)", "phase(\"p\")", "endex()"};
	static const char *const names[] = {"fire", "send", "score", "phase", "endex"};
	struct helpers_run r;
	char text[512], msg[128];

	(void)state;
	for (int k = 0; k < 5; k++) {
		snprintf(text, sizeof text, "%sinject { id = \"I-01\", at = 0 }\n%s\n", HEAD,
		         calls[k]);
		snprintf(msg, sizeof msg, "%s() is only allowed once the exercise runs", names[k]);
		assert_null(helpers_load(&r, text));
		assert_int_equal(r.probs.n, 1);
		assert_true(helpers_has_problem(&r, 5, msg));
		helpers_done(&r);
	}
}

/* The state table as JSON: sorted keys, arrays, nested tables; functions and cycles left out. */
static void test_state(void **state)
{
	struct helpers_run r;
	char *json;

	(void)state;
	assert_non_null(helpers_load(&r, HEAD
	                             "state.b = { z = 1, a = { 1, 2, 3 }, f = print, t = true }\n"
	                             "state.a = \"text\"\n"
	                             "state[1] = \"one\"\n"
	                             "state.c = {}\n"
	                             "state.self = state\n"
	                             "state.n = 1.5\n"
	                             "state.list = { \"x\", { k = false } }\n"));
	json = helpers_state(&r);
	assert_string_equal(json, "{\"1\":\"one\",\"a\":\"text\",\"b\":{\"a\":[1,2,3],\"t\":true,"
	                          "\"z\":1},\"c\":{},\"list\":[\"x\",{\"k\":false}],\"n\":1.5,"
	                          "\"self\":null}");
	free(json);
	helpers_done(&r);

	assert_non_null(helpers_load(&r, HEAD "state = 5\n"));
	json = helpers_state(&r);
	assert_string_equal(json, "{}");
	free(json);
	helpers_done(&r);
}

/* Every problem of the fixture is reported at its field's line, in line order. */
static void test_problems(void **state)
{
	static const struct {
		int line;
		const char *msg;
	} want[] = {
	    {2, "exercise: unknown field 'sped' (did you mean 'speed'?)"},
	    {5, "team al: declared twice (first at line 4)"},
	    {6, "team all: 'all' is reserved: choose another team id"},
	    {7, "team: missing id"},
	    {8, "team xk2: 'name' must be a string, not a number"},
	    {11, "objective O1: declared twice (first at line 10)"},
	    {14, "inject I-01: bad time '1:7' for at: minutes and seconds after ':' must be two "
	         "digits below 60"},
	    {14, "inject I-01: 'to' names unknown team 'xk' (teams: al, xk2)"},
	    {18, "inject I-02: at 3h is after the end of the exercise (duration 2h)"},
	    {21, "inject I-03: unknown field 'deadlline'"},
	    {22, "inject I-03: decision.default 'c' is not one of the options (a, b)"},
	    {23, "inject I-03: expect.option 'z' is not one of the options (a, b)"},
	    {23, "inject I-03: expect.objective 'O9' is not a declared objective (objectives: O1)"},
	    {27, "inject I-01: declared twice (first at line 13)"},
	    {28, "inject I-06: 'body' must be a string, not a table"},
	    {28, "inject I-06: expect.option 'x' names an option, but the inject asks no decision"},
	    {29, "inject: id 'I 7' may hold only letters, digits, '-', '_' and '.' (at most 64)"},
	};
	int n = (int)(sizeof want / sizeof want[0]);
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load_file(&r, helpers_fixture("problems.lua")));
	assert_int_equal(r.probs.n, n);
	for (int k = 0; k < n; k++) {
		assert_int_equal(r.probs.v[k].line, want[k].line);
		assert_string_equal(r.probs.v[k].msg, want[k].msg);
		assert_string_equal(r.probs.v[k].file, helpers_fixture("problems.lua"));
	}
	helpers_done(&r);
}

/* The exercise's own problems, and what is missing altogether. */
static void test_problems_exercise(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load(&r, "exercise { title = \"T\", duration = 0, tick = \"0s\",\n"
	                             "  start = \"12/11/2024\", speed = -1, seed = 1.5 }\n"));
	assert_true(helpers_has_problem(&r, 1, "exercise: duration must be more than 0"));
	assert_true(helpers_has_problem(&r, 1, "exercise: tick must be more than 0"));
	assert_true(helpers_has_problem(
	    &r, 2,
	    "exercise: speed must be a number from 0.001 to 100000 (exercise seconds per real "
	    "second)"));
	assert_true(helpers_has_problem(&r, 2, "exercise: seed must be a whole number, 0 or more"));
	assert_int_equal(r.probs.v[0].line, 0); /* no line: first */
	assert_true(helpers_has_problem(
	    &r, 0, "no team declared: add team { id = \"blue\", name = \"Blue team\" }"));
	helpers_done(&r);

	assert_null(helpers_load(&r, "team { id = \"al\" }\nexercise { duration = \"1h\" }\n"
	                             "exercise { title = \"again\" }\n"));
	assert_true(helpers_has_problem(&r, 2, "exercise: missing title"));
	assert_true(helpers_has_problem(&r, 3, "exercise: declared twice (first at line 2)"));
	helpers_done(&r);

	assert_null(helpers_load(&r, "team { id = \"al\" }\n"));
	assert_true(helpers_has_problem(
	    &r, 0, "no exercise { title = ..., duration = ..., tick = ... } declaration"));
	helpers_done(&r);
}

/* Problems of decisions and options, in both forms of options. */
static void test_problems_decision(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load(
	    &r, HEAD "inject { id = \"I-01\", at = 0, decision = { options = { \"A\", 7 } } }\n"
	             "inject { id = \"I-02\", at = 0, decision = { prompt = \"p\",\n"
	             "  options = { {\"a b\", \"x\"}, {\"k\", \"y\"}, {\"K\", \"z\"} }, "
	             "deadline = 0 } }\n"
	             "inject { id = \"I-03\", at = 0, decision = { prompt = \"p\", options = { "
	             "x = 1 } },\n"
	             "  on_decision = 3 }\n"
	             "inject { id = \"I-04\", at = 0, on_decision = function() end }\n"));
	assert_true(helpers_has_problem(&r, 4, "inject I-01: decision needs a prompt"));
	assert_true(helpers_has_problem(
	    &r, 4, "inject I-01: decision option 2 must be a label or {key, label}"));
	assert_true(helpers_has_problem(
	    &r, 6,
	    "inject I-02: option key 'a b' must be one word of letters, digits, '-', '_' or '.'"));
	assert_true(
	    helpers_has_problem(&r, 6, "inject I-02: option key 'K' appears twice (options: k)"));
	assert_true(
	    helpers_has_problem(&r, 6, "inject I-02: decision.deadline must be more than 0"));
	assert_true(helpers_has_problem(&r, 7,
	                                "inject I-03: decision.options must be a list: { {\"key\", "
	                                "\"label\"}, ... } or { \"label\", ... }"));
	assert_true(helpers_has_problem(
	    &r, 8,
	    "inject I-03: 'on_decision' must be a function(team, option, timeout), not a "
	    "number"));
	assert_true(helpers_has_problem(
	    &r, 9, "inject I-04: on_decision is set, but the inject asks no decision"));
	assert_int_equal(r.probs.n, 8);
	helpers_done(&r);
}

/*
 * An inject without `at` is the white cell's reserve: valid whether code fires it, names it in a
 * comment only, builds its id in a loop or never mentions it (manual = true changes nothing).
 */
static void test_white_cell(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(&r,
	                             HEAD "inject { id = \"I-1\", subject = \"fired by code\" }\n"
	                                  "inject { id = \"I-2\", manual = true }\n"
	                                  "at(\"5m\", function() fire(\"I-1\") end)\n"));
	helpers_done(&r);

	assert_non_null(helpers_load(&r, HEAD "inject { id = \"I-1\" }\n"
	                                      "at(\"5m\", function() fire(\"I-10\") end)\n"));
	assert_int_equal(r.probs.n, 0);
	helpers_done(&r);

	assert_non_null(helpers_load(&r, HEAD "for k = 1, 3 do inject { id = \"W-\" .. k } end\n"
	                                      "at(\"5m\", function() for k = 1, 3 do\n"
	                                      "  fire(\"W-\" .. k) end end)\n"));
	helpers_play(&r);
	assert_int_equal(helpers_count(&r, "inject"), 3);
	helpers_done(&r);
}

/* Common mistakes get a hint, at the line of the field; problems of calls do not stop loading. */
static void test_hints(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_null(
	    helpers_load(&r, "exercise { title = \"T\", duration = \"1h\", tick = \"5m\" }\n"
	                     "team { id = \"al\" }\nteam { id = \"xk\" }\n"
	                     "inject { id = \"I-1\", at = \"10:30\",\n"
	                     "  to = \"al xk\" }\n"
	                     "inject { id = \"I-2\", at = \"7m\", decision = { prompt = \"p\",\n"
	                     "  options = { \"A\" }, deadline = \"1 hour 30 minutes\" } }\n"
	                     "when(print)\n"
	                     "on(\"ticks\", print)\n"
	                     "inject { id = \"I-3\", at = \"2 hrs\" }\n"));
	assert_true(helpers_has_problem(
	    &r, 4,
	    "inject I-1: at 10h30m is after the end of the exercise (duration 1h): 'at' counts "
	    "from STARTEX (\"0:15\" is 15 minutes in), not the in-world clock"));
	assert_true(helpers_has_problem(&r, 5,
	                                "inject I-1: 'to' names unknown team 'al xk' (teams: al, "
	                                "xk); several teams are a list: to = { \"al\", \"xk\" }"));
	assert_true(helpers_has_problem(&r, 6,
	                                "inject I-2: at 7m is not a whole number of ticks (tick "
	                                "5m): the clock would fire it at 10m; write 5m or 10m"));
	assert_true(helpers_has_problem(
	    &r, 7,
	    "inject I-2: bad time '1 hour 30 minutes' for decision.deadline: write \"1h30m\" "
	    "(times read \"90s\", \"15m\", \"2h\", \"1h30m\" or \"1:30\")"));
	assert_true(helpers_has_problem(
	    &r, 8, "bad argument #2 to 'when' (function expected, got no value)"));
	assert_true(helpers_has_problem(&r, 9, "on: unknown event 'ticks' (did you mean 'tick'?)"));
	assert_true(helpers_has_problem(
	    &r, 10,
	    "inject I-3: bad time '2 hrs' for at: write \"2h\" (times read \"90s\", \"15m\", "
	    "\"2h\", \"1h30m\" or \"1:30\")"));
	assert_int_equal(r.probs.n, 7);
	helpers_done(&r);
}

/* Errors while the file runs stop it and are reported at their line. */
static void test_load_errors(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load(&r, HEAD "injet { id = \"I-01\" }\n"));
	assert_int_equal(r.probs.n, 1);
	assert_true(helpers_has_problem(&r, 4, "undefined global 'injet'"));
	helpers_done(&r);

	assert_null(helpers_load(&r, HEAD "\nx = = 1\n"));
	assert_true(helpers_has_problem(&r, 5, "unexpected symbol near '='"));
	helpers_done(&r);

	assert_null(helpers_load(&r, HEAD "error(\"my own words\")\n"));
	assert_true(helpers_has_problem(&r, 4, "my own words"));
	helpers_done(&r);

	assert_null(helpers_load(&r, HEAD "on(\"tick\")\n"));
	assert_true(helpers_has_problem(
	    &r, 4, "bad argument #2 to 'on' (function expected, got no value)"));
	helpers_done(&r);

	memset(&r, 0, sizeof r);
	assert_null(scenario_load("/nonexistent/x.lua",
	                          &(struct scenario_limits){.budget = 1000, .mem_cap = 1 << 20}, -1,
	                          &r.probs));
	assert_int_equal(r.probs.n, 1);
	assert_int_equal(r.probs.v[0].line, 0);
	assert_string_equal(r.probs.v[0].file, "/nonexistent/x.lua");
	assert_string_equal(r.probs.v[0].msg, "cannot read: No such file or directory");
	helpers_done(&r);
}

/* A byte order mark and a "#!" line are allowed and lines still count from the top. */
static void test_bom_and_shebang(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load(&r, "\xef\xbb\xbf#!/usr/bin/env tabletop\n" HEAD "oops()\n"));
	assert_true(helpers_has_problem(&r, 5, "undefined global 'oops'"));
	helpers_done(&r);
}

/* The shipped tutorial loads without a problem and plays to ENDEX without a script error. */
static void test_tutorial(void **state)
{
	struct helpers_run r;
	char path[4096];
	const char *src = getenv("SRCDIR");

	(void)state;
	snprintf(path, sizeof path, "%s/scenarios/tutorial.lua", src ? src : ".");
	assert_non_null(helpers_load_file(&r, path));
	helpers_play(&r);
	assert_int_equal(scenario_errors(r.sc), 0);
	assert_true(helpers_count(&r, "inject") >= 5);
	assert_true(helpers_count(&r, "decision") >= 2);
	helpers_done(&r);
}

/* The text of a language, "" when it has none. */
static const char *tr_of(const struct ex_tr *tr, int k)
{
	return tr != NULL && k < tr->n && tr->v[k] != NULL ? tr->v[k] : "";
}

/* Every text may be a table of the declared languages; plain strings stay the same in all. */
static void test_languages(void **state)
{
	struct helpers_run r;
	struct exercise *ex;
	const struct ex_inject *in;

	(void)state;
	assert_non_null(helpers_load_file(&r, helpers_fixture("i18n.lua")));
	ex = r.ex;
	assert_int_equal(ex->n_langs, 2);
	assert_string_equal(ex->langs[0], "en");
	assert_string_equal(ex->langs[1], "sq");
	assert_int_equal(ex->n_missing, 0);
	assert_string_equal(ex->title, "Portal drill");
	assert_string_equal(tr_of(ex->title_tr, 1), "Ushtrim portali");
	assert_string_equal(ex->teams[0].name, "AKCESK (Albania)");
	assert_string_equal(tr_of(ex->teams[0].name_tr, 1), "AKCESK (Shqipëri)");
	assert_null(ex->teams[1].name_tr);
	assert_string_equal(tr_of(ex->objectives[0].text_tr, 1), "Ndaj herët");
	in = &ex->injects[0];
	assert_string_equal(in->from, "Ministry of Finance");
	assert_string_equal(tr_of(in->from_tr, 1), "Ministria e Financave");
	assert_null(in->channel_tr);
	assert_string_equal(in->channel, "email");
	assert_string_equal(tr_of(in->subject_tr, 0), "Ransom note on the portal");
	assert_string_equal(tr_of(in->body_tr, 1), "Portali shfaq një shënim shpërblese.");
	assert_string_equal(tr_of(in->notes_tr, 1), "Shënimi është i rremë");
	assert_string_equal(in->decision->prompt, "What do you do first?");
	assert_string_equal(tr_of(in->decision->prompt_tr, 1), "Çfarë bëni së pari?");
	assert_string_equal(in->decision->options[1].key, "share");
	assert_string_equal(in->decision->options[1].label, "Alert the regional CSIRTs");
	assert_string_equal(tr_of(in->decision->options[1].label_tr, 1),
	                    "Lajmëroni CSIRT-et rajonale");
	assert_null(ex->injects[1].subject_tr);
	assert_int_equal(ex->n_hotwash, 2);
	assert_string_equal(tr_of(ex->hotwash_tr[0], 1), "Çfarë shkoi mirë?");
	assert_null(ex->hotwash_tr[1]);

	/* at run time: phase, send and score take tables of languages too */
	helpers_play(&r);
	assert_int_equal(scenario_errors(r.sc), 0);
	assert_int_equal(helpers_count(&r, "score"), 1);
	for (int k = 0; k < r.n_ev; k++) {
		const json_t *sq = evt_obj_lang(r.ev[k], ex, 1);
		const char *type = json_string_value(json_object_get(sq, "type"));

		if (strcmp(type, "phase") == 0)
			assert_string_equal(json_string_value(json_object_get(sq, "name")),
			                    "Lëvizja 1: zbulimi");
		if (strcmp(type, "score") == 0)
			assert_string_equal(json_string_value(json_object_get(sq, "reason")),
			                    "shpejt");
		if (strcmp(type, "inject") == 0 &&
		    strcmp(json_string_value(json_object_get(sq, "id")), "adhoc-1") == 0)
			assert_string_equal(json_string_value(json_object_get(sq, "subject")),
			                    "Treguesit");
	}
	assert_string_equal(json_string_value(json_object_get(helpers_nth(&r, "phase", 0), "name")),
	                    "Move 1: detection");
	helpers_done(&r);
}

/* A table of languages with a key that is not a language, a value that is not a string, or no
 * names is a problem at its line; so are bad languages. */
static void test_language_problems(void **state)
{
	static const struct {
		int line;
		const char *msg;
	} want[] = {
	    {4, "team al: 'name' has a text in 'fr', which is not one of the languages (en, sq)"},
	    {5, "team xk: 'name' in 'sq' must be a string, not a number"},
	    {6, "objective O1: 'text' must be a string or a table of languages { en = \"...\", ... "
	        "}, not a list"},
	    {7, "objective O2: 'text' must name each language: { en = \"...\", sq = \"...\" }"},
	    {8, "inject I-01: 'subject' must be a string or a table of languages { en = \"...\", "
	        "... }, not an empty table"},
	    {9, "inject I-02: 'body' must be a string or a table of languages, not a number"},
	    {10, "hotwash: question 1 has a text in 'fr', which is not one of the languages (en, "
	         "sq)"},
	};
	int n = (int)(sizeof want / sizeof want[0]);
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load_file(&r, helpers_fixture("i18n-bad.lua")));
	assert_int_equal(r.probs.n, n);
	for (int k = 0; k < n; k++) {
		assert_int_equal(r.probs.v[k].line, want[k].line);
		assert_string_equal(r.probs.v[k].msg, want[k].msg);
	}
	helpers_done(&r);

	assert_null(helpers_load(&r, "exercise { title = \"T\", languages = { \"en\", \"EN\", "
	                             "\"a b\", 3 } }\n"
	                             "team { id = \"al\" }\n"));
	assert_int_equal(r.probs.n, 3);
	assert_true(
	    helpers_has_problem(&r, 1, "exercise: language 'EN' appears twice in 'languages'"));
	assert_true(helpers_has_problem(&r, 1,
	                                "exercise: language 'a b' must be a code such as \"en\" "
	                                "or \"sr-Latn\" (letters, digits, '-', '_' or '.')"));
	assert_true(helpers_has_problem(&r, 1,
	                                "exercise: language 3 must be a code such as \"en\" or "
	                                "\"sr-Latn\" (letters, digits, '-', '_' or '.')"));
	helpers_done(&r);
	assert_null(helpers_load(&r, "exercise { title = \"T\", languages = {} }\n"
	                             "team { id = \"al\" }\n"));
	assert_true(helpers_has_problem(&r, 1,
	                                "exercise: 'languages' must be a list of 1 to 32 language "
	                                "codes, the default first: { \"en\", \"sq\" }"));
	helpers_done(&r);
}

/* Without languages, texts are plain strings as ever, and a table of languages says what to do. */
static void test_languages_undeclared(void **state)
{
	struct helpers_run r;

	(void)state;
	assert_null(helpers_load(&r, HEAD "inject { id = \"I-01\", at = 60,\n"
	                                  "  subject = { en = \"Hi\", sq = \"Tung\" } }\n"
	                                  "hotwash { { en = \"Well?\" } }\n"));
	assert_true(helpers_has_problem(
	    &r, 5,
	    "inject I-01: 'subject' is a table of languages, but the exercise declares none: add "
	    "languages = { \"en\", ... } to exercise { ... }, the default first"));
	assert_true(helpers_has_problem(
	    &r, 6,
	    "hotwash: question 1 is a table of languages, but the exercise declares none: add "
	    "languages = { \"en\", ... } to exercise { ... }, the default first"));
	assert_int_equal(r.probs.n, 2);
	helpers_done(&r);

	assert_non_null(helpers_load(&r, HEAD "on(\"start\", function()\n"
	                                      "  phase({ en = \"One\" })\n"
	                                      "end)\n"));
	helpers_play(&r);
	assert_int_equal(scenario_errors(r.sc), 1);
	assert_non_null(strstr(helpers_log(&r, 0),
	                       ":5: phase: the name is a table of languages, but the exercise "
	                       "declares none"));
	assert_null(r.ex->langs);
	helpers_done(&r);
}

/* A text lacking a language lets the scenario load, for check to list at its line; with other
 * problems it is listed among them. */
static void test_missing_translations(void **state)
{
	static const char *const want[] = {
	    "team al: 'name' has no text in 'sr' (missing translation)",
	    "inject I-01: 'subject' has no text in 'en' (missing translation)",
	    "inject I-01: the label of option 'a' has no text in 'sq' (missing translation)",
	    "hotwash: question 1 has no text in 'sq' (missing translation)",
	};
	static const int lines[] = {4, 8, 11, 15};
	struct helpers_run r;
	struct exercise *ex;
	const json_t *o, *opts;

	(void)state;
	assert_non_null(helpers_load_file(&r, helpers_fixture("i18n-missing.lua")));
	ex = r.ex;
	assert_int_equal(r.probs.n, 0);
	assert_int_equal(ex->n_missing, 4);
	for (int k = 0; k < 4; k++) {
		assert_int_equal(ex->missing[k].line, lines[k]);
		assert_string_equal(ex->missing[k].msg, want[k]);
	}
	/* the first text there is stands in for a missing default */
	assert_string_equal(ex->injects[0].subject, "Vetëm shqip");
	assert_null(ex->injects[0].subject_tr->v[0]);
	assert_string_equal(ex->injects[0].decision->options[1].key, "2");
	assert_string_equal(tr_of(ex->injects[0].decision->options[1].label_tr, 2), "B sr");
	ex_start(ex);
	ex_advance(ex, 600);
	/* advance ends with a clock event: the inject comes before it */
	assert_int_equal(r.ev[r.n_ev - 1]->type, EVT_CLOCK);
	o = evt_obj_lang(r.ev[r.n_ev - 2], ex, 1);
	assert_string_equal(json_string_value(json_object_get(o, "subject")), "Vetëm shqip");
	o = evt_obj_lang(r.ev[r.n_ev - 2], ex, 2);
	assert_string_equal(json_string_value(json_object_get(o, "subject")), "Samo srpski");
	opts = json_object_get(json_object_get(o, "decision"), "options");
	assert_string_equal(json_string_value(json_object_get(json_array_get(opts, 0), "label")),
	                    "A sr");
	helpers_done(&r);

	assert_null(helpers_load(&r, "exercise { title = \"T\", languages = { \"en\", \"sq\" } }\n"
	                             "team { id = \"al\", name = { en = \"Albania\" } }\n"
	                             "team { id = \"al\" }\n"));
	assert_int_equal(r.probs.n, 2);
	assert_true(helpers_has_problem(
	    &r, 2, "team al: 'name' has no text in 'sq' (missing translation)"));
	assert_true(helpers_has_problem(&r, 3, "team al: declared twice (first at line 2)"));
	helpers_done(&r);
}

/* At run time a bad table of languages is an error of the scenario code, and the exercise goes
 * on; a missing language falls back to the default one. */
static void test_languages_runtime(void **state)
{
	static const char *const text =
	    "exercise { title = \"T\", languages = { \"en\", \"sq\" }, duration = \"10m\" }\n"
	    "team { id = \"al\" }\n"
	    "at(60, function() send { subject = { en = \"Hi\", fr = \"Salut\" } } end)\n"
	    "at(120, function() score(\"al\", 1, { sq = 3 }) end)\n"
	    "at(180, function() endex({ sq = \"fund\" }) end)\n";
	struct helpers_run r;

	(void)state;
	assert_non_null(helpers_load(&r, text));
	helpers_play(&r);
	assert_int_equal(scenario_errors(r.sc), 2);
	assert_non_null(strstr(helpers_log(&r, 0), ":3: send: 'subject' has a text in 'fr', which "
	                                           "is not one of the languages (en, sq)"));
	assert_non_null(strstr(helpers_log(&r, 1),
	                       ":4: score: the reason in 'sq' must be a string, not a number"));
	assert_int_equal(helpers_count(&r, "inject"), 0);
	assert_int_equal(helpers_count(&r, "score"), 0);
	assert_string_equal(json_string_value(json_object_get(helpers_nth(&r, "end", 0), "reason")),
	                    "fund");
	assert_string_equal(r.ex->end_reason, "fund");
	assert_int_equal(r.ex->t, 180);
	helpers_done(&r);
}

/* Run the tests. */
/* exercise{} sets the marking every inject carries and when teams are reminded; send{} injects
 * are kept among the injects, after the declared ones. */
static void test_marking_remind(void **state)
{
	struct helpers_run r;
	json_t *ev;

	(void)state;
	assert_non_null(helpers_load(
	    &r, "exercise { title = \"T\", duration = \"1h\", tick = \"1m\",\n"
	        "  marking = \"ÜBUNG ÜBUNG\", remind = \"10m\" }\n"
	        "team { id = \"al\" }\n"
	        "inject { id = \"I-01\", at = \"1m\", to = \"al\", subject = \"S\",\n"
	        "  decision = { prompt = \"P\", options = {\"a\", \"b\"}, deadline = \"15m\" } }\n"
	        "at(\"2m\", function() send { to = \"al\", subject = \"Call\" } end)\n"));
	assert_string_equal(r.ex->marking, "ÜBUNG ÜBUNG");
	assert_int_equal(r.ex->remind, 600);
	assert_int_equal(r.ex->n_declared, 1);
	helpers_play(&r);
	ev = helpers_nth(&r, "inject", 0);
	assert_string_equal(json_string_value(json_object_get(ev, "marking")), "ÜBUNG ÜBUNG");
	ev = helpers_nth(&r, "reminder", 0);
	assert_non_null(ev);
	assert_int_equal(json_integer_value(json_object_get(ev, "t")), 360); /* 16m - 10m */
	assert_int_equal(helpers_count(&r, "reminder"), 1);
	assert_int_equal(r.ex->n_injects, 2);
	assert_true(r.ex->injects[1].adhoc);
	assert_string_equal(r.ex->injects[1].id, "adhoc-1");
	assert_string_equal(r.ex->injects[1].subject, "Call");
	helpers_done(&r);

	assert_non_null(helpers_load(&r, HEAD "inject { id = \"I-01\", at = \"1m\", to = \"al\",\n"
	                                      "  decision = { prompt = \"P\", options = {\"a\"},\n"
	                                      "  deadline = \"30m\" } }\n"));
	assert_null(r.ex->marking);
	assert_int_equal(r.ex->remind, 300); /* the default: 5 minutes of exercise time */
	helpers_play(&r);
	assert_int_equal(json_integer_value(json_object_get(helpers_nth(&r, "reminder", 0), "t")),
	                 60 + 1800 - 300);
	assert_string_equal(
	    json_string_value(json_object_get(helpers_nth(&r, "inject", 0), "marking")),
	    "EXERCISE EXERCISE EXERCISE");
	helpers_done(&r);

	assert_non_null(helpers_load(&r, "exercise { title = \"T\", duration = \"1h\", tick = "
	                                 "\"1m\", remind = 0 }\nteam { id = \"al\" }\n"));
	assert_int_equal(r.ex->remind, 0);
	helpers_done(&r);

	assert_null(helpers_load(&r,
	                         "exercise { title = \"T\", duration = \"1h\", tick = \"1m\",\n"
	                         "  marking = \"\", remind = \"soon\" }\nteam { id = \"al\" }\n"));
	assert_true(helpers_has_problem(&r, 2,
	                                "exercise: marking must be one line of 1 to 80 "
	                                "characters, such as \"EXERCISE EXERCISE "
	                                "EXERCISE\""));
	assert_int_equal(r.probs.n, 2);
	helpers_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_declarations),
	    cmocka_unit_test(test_seed_override),
	    cmocka_unit_test(test_decision_branch),
	    cmocka_unit_test(test_on_events),
	    cmocka_unit_test(test_timers),
	    cmocka_unit_test(test_text_cap),
	    cmocka_unit_test(test_when),
	    cmocka_unit_test(test_actions),
	    cmocka_unit_test(test_runtime_errors),
	    cmocka_unit_test(test_load_time_actions),
	    cmocka_unit_test(test_state),
	    cmocka_unit_test(test_problems),
	    cmocka_unit_test(test_problems_exercise),
	    cmocka_unit_test(test_problems_decision),
	    cmocka_unit_test(test_white_cell),
	    cmocka_unit_test(test_load_errors),
	    cmocka_unit_test(test_bom_and_shebang),
	    cmocka_unit_test(test_tutorial),
	    cmocka_unit_test(test_languages),
	    cmocka_unit_test(test_language_problems),
	    cmocka_unit_test(test_languages_undeclared),
	    cmocka_unit_test(test_missing_translations),
	    cmocka_unit_test(test_languages_runtime),
	    cmocka_unit_test(test_script_error_event),
	    cmocka_unit_test(test_hints),
	    cmocka_unit_test(test_marking_remind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
