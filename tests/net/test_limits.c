/* End to end: the limits of CONTRACT section 4, each keeping one client from harming another. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* A line over the limit gets line_too_long, is dropped whole, and the connection stays. */
static void test_line_too_long(void **state)
{
	struct hsrv s;
	struct hcl al, xk;
	char big[200000];
	json_t *o;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--max-line", "100", "--autostart", NULL);
	h_join_json(&al, &s, "al");
	h_join_json(&xk, &s, "xk");
	memset(big, 'a', sizeof big);
	memcpy(big, "share xk ", 9);
	h_send_raw(&al, big, 150);
	h_send_raw(&al, "\n", 1);
	o = h_expect_json(&al, "error", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "code")), "line_too_long");
	assert_string_equal(json_string_value(json_object_get(o, "cmd")), "share");
	json_decref(o);
	h_send_raw(&al, big, sizeof big);
	h_send_raw(&al, "\nsay still here\n", 16);
	o = h_expect_json(&al, "error", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "code")), "line_too_long");
	json_decref(o);
	json_decref(h_expect_json(&al, "ok", "say", WAIT));
	h_send(&al, "share xk %.*s", 80, big + 9);
	json_decref(h_expect_json(&al, "ok", "share", WAIT));
	o = h_expect_json(&xk, "share", NULL, WAIT);
	assert_int_equal(strlen(json_string_value(json_object_get(o, "text"))), 80);
	json_decref(o);
	h_close(&al);
	h_close(&xk);
	assert_int_equal(h_stop(&s), 0);
}

/* Bytes that are not UTF-8 get bad_encoding and nothing is stored or sent on. */
static void test_bad_encoding(void **state)
{
	struct hsrv s;
	struct hcl al, fac;
	json_t *o;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--autostart", NULL);
	h_join_json(&al, &s, "al");
	h_join_json(&fac, &s, "facilitator");
	h_send_raw(&al, "action bad \xc3\x28 bytes\n", 20);
	o = h_expect_json(&al, "error", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "code")), "bad_encoding");
	assert_string_equal(json_string_value(json_object_get(o, "cmd")), "action");
	json_decref(o);
	h_send(&al, "action good ë");
	json_decref(h_expect_json(&al, "ok", "action", WAIT));
	o = h_expect_json(&fac, "action", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "text")), "good ë");
	json_decref(o);
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* Commands past the rate wait their turn: none is dropped, all are answered in order. */
static void test_rate_limited(void **state)
{
	struct hsrv s;
	struct hcl al;
	char burst[20 * 7];
	int ok = 0;
	double t0;
	json_t *o;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--rate", "5", NULL);
	h_join_json(&al, &s, "al");
	for (int i = 0; i < 20; i++)
		memcpy(burst + i * 7, "status\n", 7);
	t0 = h_now_ms();
	h_send_raw(&al, burst, sizeof burst);
	while (ok < 20) {
		const char *l = h_line(&al, WAIT);

		assert_non_null(l);
		o = json_loads(l, 0, NULL);
		assert_non_null(o);
		assert_string_equal(json_string_value(json_object_get(o, "type")), "ok");
		assert_string_equal(json_string_value(json_object_get(o, "cmd")), "status");
		json_decref(o);
		ok++;
	}
	/* a burst of 10, less mode and login, then 5 a second: 12 more take about 2.4 s */
	if (h_now_ms() - t0 < 2000)
		fail_msg("20 commands at a rate of 5 took %.0f ms", h_now_ms() - t0);
	/* nothing arrives unasked while tokens refill, then commands work again */
	assert_null(h_line(&al, 400));
	h_send(&al, "status");
	json_decref(h_expect_json(&al, "ok", "status", WAIT));
	h_close(&al);
	assert_int_equal(h_stop(&s), 0);
}

/* Failed logins slow the connection down, then close it. */
static void test_failed_logins(void **state)
{
	struct hsrv s;
	struct hcl c;
	double t0, t1, t2;
	const char *l;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--login-failures", "3", NULL);
	h_connect(&c, &s);
	h_expect(&c, "EXERCISE", WAIT);
	t0 = h_now_ms();
	h_send(&c, "login al guess1");
	h_send(&c, "login al guess2");
	h_send(&c, "login al guess3");
	h_send(&c, "status");
	h_expect(&c, "auth_failed", WAIT);
	t1 = h_now_ms();
	h_expect(&c, "auth_failed", WAIT);
	t2 = h_now_ms();
	assert_true(t1 - t0 < 500);
	assert_true(t2 - t1 >= 900);
	l = h_expect(&c, "auth_failed", WAIT);
	assert_true(h_now_ms() - t2 >= 1900);
	(void)l;
	h_expect(&c, "too many failed logins", WAIT);
	assert_true(h_wait_eof(&c, WAIT));
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* A connection that does not log in is closed after the idle timeout; a logged-in one stays. */
static void test_idle_timeout(void **state)
{
	struct hsrv s;
	struct hcl idle, al;
	double t0;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--idle-timeout", "1", NULL);
	h_join_text(&al, &s, "al");
	h_expect(&al, "Welcome", WAIT);
	t0 = h_now_ms();
	h_connect(&idle, &s);
	h_expect(&idle, "no login within 1 seconds", 3000);
	assert_true(h_now_ms() - t0 >= 900);
	assert_true(h_wait_eof(&idle, WAIT));
	h_send(&al, "status");
	h_expect(&al, "waiting", WAIT);
	h_close(&idle);
	/* a deadline from the connection: blank lines and commands do not move it */
	t0 = h_now_ms();
	h_connect(&idle, &s);
	for (int i = 0; i < 30 && !idle.eof; i++) {
		h_send(&idle, i % 2 == 0 ? "" : "help");
		if (h_quiet(&idle, "no login within 1 seconds", 150) == false)
			break;
	}
	assert_true(h_now_ms() - t0 >= 900);
	assert_true(h_now_ms() - t0 < 4000); /* without the deadline: 4.5 s of lines, then 1 s */
	assert_true(h_wait_eof(&idle, WAIT));
	h_close(&idle);
	h_close(&al);
	assert_int_equal(h_stop(&s), 0);
}

/* Past the connection limit new clients are refused with a message; the others go on. */
static void test_max_conns(void **state)
{
	struct hsrv s;
	struct hcl a, b, c, extra;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--max-conns", "3", NULL);
	h_join_text(&a, &s, "al");
	h_expect(&a, "Welcome", WAIT);
	h_join_text(&b, &s, "xk");
	h_expect(&b, "Welcome", WAIT);
	h_connect(&c, &s);
	h_expect(&c, "EXERCISE", WAIT);
	h_connect(&extra, &s);
	h_expect(&extra, "server full", WAIT);
	assert_true(h_wait_eof(&extra, WAIT));
	h_close(&extra);
	h_send(&a, "say still here");
	h_expect(&a, "Said", WAIT);
	h_send(&b, "status");
	h_expect(&b, "waiting", WAIT);
	h_close(&c);
	h_send(&a, "status"); /* a round trip: the server has seen c go by the time it answers */
	h_expect(&a, "waiting", WAIT);
	h_connect(&extra, &s);
	h_expect(&extra, "EXERCISE", WAIT);
	h_close(&extra);
	h_close(&a);
	h_close(&b);
	assert_int_equal(h_stop(&s), 0);
}

/* A client that never reads is dropped at its output cap; a reader gets every broadcast. */
static void test_slow_reader(void **state)
{
	enum { N = 1500 };
	struct hsrv s;
	struct hcl fac, reader, sleeper;
	int small = 4096;
	double t0;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--max-output", "65536", "--rate", "100000", NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&reader, &s, "al");
	h_connect(&sleeper, &s);
	setsockopt(sleeper.fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
	h_send(&sleeper, "login xk %s", h_code(&s, "xk"));
	h_send(&sleeper, "mode json");
	t0 = h_now_ms();
	/* batches small enough for the reader's socket buffer: the reader keeps up, the sleeper not
	 */
	h_broadcast_flood(&fac, &reader, N);
	assert_true(h_now_ms() - t0 < 8000);
	/* the sleeper was dropped: team xk has nobody online any more */
	h_expect_xk_dropped(&fac);
	h_close(&sleeper);
	h_close(&reader);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* SIGTERM: every client is told, the server exits 0. */
static void test_sigterm(void **state)
{
	struct hsrv s;
	struct hcl text, json;
	json_t *o;
	double t0;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), NULL);
	h_join_text(&text, &s, "al");
	h_expect(&text, "Welcome", WAIT);
	h_join_json(&json, &s, "observer");
	t0 = h_now_ms();
	h_kill(&s);
	h_expect(&text, "server shutting down", WAIT);
	o = h_expect_json(&json, "bye", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "reason")), "shutdown");
	json_decref(o);
	assert_true(h_wait_eof(&text, WAIT));
	assert_true(h_wait_eof(&json, WAIT));
	h_close(&text);
	h_close(&json);
	assert_int_equal(h_wait(&s), 0);
	assert_true(h_now_ms() - t0 < 2000);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_line_too_long), cmocka_unit_test(test_bad_encoding),
	    cmocka_unit_test(test_rate_limited),  cmocka_unit_test(test_failed_logins),
	    cmocka_unit_test(test_idle_timeout),  cmocka_unit_test(test_max_conns),
	    cmocka_unit_test(test_slow_reader),   cmocka_unit_test(test_sigterm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
