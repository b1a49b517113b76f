/* Unit tests of the snapshot (engine/core/snap.c): what each role may see, and the log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/cmd.h"
#include "core/exercise.h"
#include "core/snap.h"

/* The sink: every event goes into the log. */
static void sink(void *ctx, struct evt *ev)
{
	snap_log_observe(ctx, ev);
}

/* Two teams, an inject with a decision to al, a manual one to all; started. */
static struct exercise *make(struct snap_log *log)
{
	struct exercise *ex = ex_new();
	struct ex_inject *in;

	ex_add_team(ex, "al", "Albania", "a", 1);
	ex_add_team(ex, "xk", "Kosovo", "x", 2);
	in = ex_add_inject(ex, "I-01", 3);
	in->at = 600;
	in->to = calloc(1, sizeof *in->to);
	in->n_to = 1;
	in->subject = strdup("Ransom note");
	in->decision = calloc(1, sizeof *in->decision);
	in->decision->prompt = strdup("What first?");
	in->decision->n_options = 2;
	in->decision->options = calloc(2, sizeof *in->decision->options);
	in->decision->options[0].key = strdup("isolate");
	in->decision->options[0].label = strdup("Take it offline");
	in->decision->options[1].key = strdup("share");
	in->decision->options[1].label = strdup("Tell the neighbours");
	in->decision->deadline = 1800;
	in->decision->dflt = 0;
	in = ex_add_inject(ex, "I-02", 4);
	in->to_all = true;
	in->subject = strdup("Journalist");
	ex_prepare(ex);
	snap_log_init(log);
	ex_set_sink(ex, sink, log);
	ex_start(ex);
	return ex;
}

/* A session of role for team (or -1). */
static struct cmd_session sess(enum cmd_role role, int team)
{
	struct cmd_session s;

	cmd_session_init(&s, 1);
	s.role = role;
	s.team = team;
	return s;
}

/* A team sees only the injects that reached it, with its status; the staff see the board. */
static void test_roles(void **state)
{
	struct snap_log log;
	struct exercise *ex = make(&log);
	struct cmd_session al = sess(CMD_ROLE_TEAM, 0), xk = sess(CMD_ROLE_TEAM, 1);
	struct cmd_session obs = sess(CMD_ROLE_OBSERVER, -1);
	json_t *o, *board;
	const char *code;

	(void)state;
	ex_advance(ex, 600);
	o = snap_build(ex, &log, &al);
	assert_string_equal(json_string_value(json_object_get(o, "type")), "snapshot");
	assert_int_equal(json_array_size(json_object_get(o, "injects")), 1);
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_object_get(json_array_get(json_object_get(o, "injects"), 0), "team"),
	        "status")),
	    "pending");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 1);
	assert_null(json_object_get(o, "state"));
	assert_null(json_object_get(o, "rfis"));
	assert_null(json_object_get(json_array_get(json_object_get(o, "teams"), 1), "score"));
	json_decref(o);
	o = snap_build(ex, &log, &xk);
	assert_int_equal(json_array_size(json_object_get(o, "injects")), 0);
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
	json_decref(o);
	assert_int_equal(ex_decide(ex, 0, 0, "share", "Arta", &code), 0);
	ex_fire(ex, 1, -1);
	o = snap_build(ex, &log, &al); /* as its event showed it: to every team the firing reached */
	assert_int_equal(
	    json_array_size(json_object_get(json_array_get(json_object_get(o, "injects"), 1), "to")),
	    2);
	json_decref(o);
	o = snap_build(ex, &log, &obs);
	board = json_object_get(o, "injects");
	assert_int_equal(json_array_size(board), 2);
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_object_get(json_object_get(json_array_get(board, 0), "teams"), "al"),
	        "option")),
	    "share");
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_object_get(json_object_get(json_array_get(board, 0), "teams"), "xk"),
	        "status")),
	    "not_fired");
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_object_get(json_object_get(json_array_get(board, 1), "teams"), "xk"),
	        "status")),
	    "fired");
	assert_true(json_is_true(json_object_get(json_array_get(board, 1), "manual")));
	assert_non_null(json_object_get(o, "state"));
	json_decref(o);
	ex_free(ex);
	snap_log_free(&log);
}

/* A decision still open at ENDEX is closed on the board; the marking is the scenario's own. */
static void test_closed_marking(void **state)
{
	struct snap_log log;
	struct exercise *ex = make(&log);
	struct cmd_session obs = sess(CMD_ROLE_OBSERVER, -1);
	json_t *o;

	(void)state;
	ex->marking = strdup("DRILL DRILL DRILL");
	ex_advance(ex, 600);
	assert_int_equal(ex_endex(ex, "done"), 0);
	o = snap_build(ex, &log, &obs);
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_object_get(
	            json_object_get(json_array_get(json_object_get(o, "injects"), 0), "teams"),
	            "al"),
	        "status")),
	    "closed");
	assert_string_equal(json_string_value(json_object_get(o, "marking")), "DRILL DRILL DRILL");
	json_decref(o);
	ex_free(ex);
	snap_log_free(&log);
}

/* The log keeps RFIs (answered by a reply), the sharing matrix and script errors. */
static void test_log(void **state)
{
	struct snap_log log;
	struct exercise *ex = make(&log);
	struct cmd_session fac = sess(CMD_ROLE_FACILITATOR, -1);
	struct evt *ev;
	json_t *o, *rfis;

	(void)state;
	ex_rfi(ex, 0, "Arta", "Who owns the portal?");
	ex_rfi(ex, 1, "Besa", "Is it real?");
	ex_reply(ex, 0, "The ministry.");
	ex_share(ex, 0, 1, "Arta", "IoCs");
	ex_share(ex, 0, 1, "Arta", "More IoCs");
	ex_share(ex, 1, -1, "Besa", "Hello all");
	ev = evt_new(EVT_LOG, 0,
	             json_pack("{s:s,s:s,s:i,s:s,s:i}", "type", "script_error", "file", "s.lua",
	                       "line", 3, "message", "boom", "t", 0));
	snap_log_observe(&log, ev);
	evt_unref(ev);
	o = snap_build(ex, &log, &fac);
	rfis = json_object_get(o, "rfis");
	assert_int_equal(json_array_size(rfis), 2);
	assert_true(json_is_true(json_object_get(json_array_get(rfis, 0), "answered")));
	assert_true(json_is_false(json_object_get(json_array_get(rfis, 1), "answered")));
	assert_int_equal(json_integer_value(json_object_get(
	                     json_object_get(json_object_get(o, "shares"), "al"), "xk")),
	                 2);
	assert_int_equal(json_integer_value(json_object_get(
	                     json_object_get(json_object_get(o, "shares"), "xk"), "all")),
	                 1);
	assert_int_equal(json_array_size(json_object_get(o, "script_errors")), 1);
	json_decref(o);
	ex_free(ex);
	snap_log_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_roles),
	    cmocka_unit_test(test_log),
	    cmocka_unit_test(test_closed_marking),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
