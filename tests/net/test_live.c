/* End to end: what a live drill got wrong (issue 10), seen through the real binary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* Read c's lines up to the one holding until; fails if one of them holds never. */
static void expect_without(struct hcl *c, const char *until, const char *never)
{
	const char *l;

	while ((l = h_line(c, WAIT)) != NULL && strstr(l, until) == NULL)
		if (strstr(l, never) != NULL)
			fail_msg("unexpected line: %s", l);
	if (l == NULL)
		fail_msg("no line with \"%s\" within %d ms", until, WAIT);
}

/* A facilitator in JSON mode runs the drill; teams in text mode read it as people do. */
static void test_live_drill(void **state)
{
	struct hsrv s;
	struct hcl fac, al, xk;
	json_t *o;
	const char *l;

	(void)state;
	h_start(&s, h_fixture("live.lua"), NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_text(&al, &s, "al");
	h_expect(&al, "Welcome", WAIT);
	h_send(&fac, "start");
	json_decref(h_expect_json(&fac, "ok", "start", WAIT));

	/* fired early by the white cell: the marking, and the IOC list one per line */
	h_send(&fac, "fire I-01 al");
	o = h_expect_json(&fac, "inject", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "marking")),
	                    "USHTRIM USHTRIM USHTRIM");
	json_decref(o);
	h_expect(&al, "USHTRIM USHTRIM USHTRIM", WAIT);
	h_expect(&al, "Block these:", WAIT);
	assert_string_equal(h_line(&al, WAIT), "203.0.113.14");
	assert_string_equal(h_line(&al, WAIT), "203.0.113.15");
	assert_string_equal(h_line(&al, WAIT), "198.51.100.7");

	/* advance: al is reminded, is not sent I-01 again at its `at`, and sees the clock */
	h_send(&fac, "advance 30m");
	o = h_expect_json(&fac, "clock", NULL, WAIT);
	assert_int_equal(json_integer_value(json_object_get(o, "t")), 1800);
	json_decref(o);
	h_expect(&al, "REMINDER: your team still owes a decision on I-01", WAIT);
	expect_without(&al, "CLOCK advanced by 30m", "INJECT I-01");

	/* a late joiner is told what the team owes */
	h_join_text(&xk, &s, "xk");
	h_expect(&xk, "Your team still owes a decision on:", WAIT);
	l = h_expect(&xk, "I-01", WAIT);
	assert_non_null(strstr(l, "Indicators (by T+01:00:00 (2024-11-12 10:00))"));

	/* an RFI with its id, end to end */
	h_send(&xk, "rfi Is 198.51.100.7 ours?");
	h_expect(&xk, "RFI-1 sent", WAIT);
	o = h_expect_json(&fac, "rfi", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "id")), "RFI-1");
	json_decref(o);
	h_send(&fac, "rfis");
	o = h_expect_json(&fac, "ok", "rfis", WAIT);
	assert_int_equal(json_array_size(json_object_get(o, "rfis")), 1);
	json_decref(o);
	h_send(&fac, "reply RFI-1 Yes, it is the ministry's.");
	o = h_expect_json(&fac, "reply", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "rfi")), "RFI-1");
	assert_string_equal(json_string_value(json_object_get(o, "team")), "xk");
	json_decref(o);
	h_expect(&xk, "answering RFI-1 (\"Is 198.51.100.7 ours?\")", WAIT);

	/* the scenario's ad-hoc answer is an inject like the others */
	h_send(&xk, "show adhoc-1");
	h_expect(&xk, "We got your question.", WAIT);
	h_send(&xk, "show i-01");
	l = h_expect(&xk, "error:", WAIT);
	assert_non_null(strstr(l, "did you mean I-01?"));
	assert_null(strstr(l, "unknown_inject"));

	/* after ENDEX nothing is pending */
	h_send(&fac, "endex");
	json_decref(h_expect_json(&fac, "ok", "endex", WAIT));
	h_send(&xk, "status");
	h_expect(&xk, "No decision is awaited.", WAIT);
	h_close(&fac);
	h_close(&al);
	h_close(&xk);
	assert_int_equal(h_stop(&s), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_live_drill),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
