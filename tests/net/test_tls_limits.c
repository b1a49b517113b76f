/* End to end over TLS: what is not TLS on the TLS port, the output cap, shutting down. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* Plaintext and garbage on the TLS port are closed, counted, and harm nobody. */
static void test_tls_not_tls(void **state)
{
	static const unsigned char junk[] = {0x16, 0x03, 0x01, 0xff, 0xff, 0, 1, 2, 3, 0xfe, '\n'};
	struct hsrv s;
	struct hcl al, bad, silent;

	(void)state;
	h_start_tls(&s, h_tls(), h_fixture("drill.lua"), "--max-conns", "3", "--idle-timeout", "1",
	            NULL);
	h_connect_tls(&al, &s, h_tls()->cert);
	h_send(&al, "login al %s", h_code(&s, "al"));
	h_expect(&al, "Welcome", WAIT);
	for (int i = 0; i < 6; i++) { /* more than --max-conns: each must have been counted out */
		h_connect_port(&bad, s.tls_port);
		if (i % 2 == 0)
			h_send(&bad, "login al %s", h_code(&s, "al"));
		else
			h_send_raw(&bad, junk, sizeof junk);
		/* nothing comes in plaintext, then the server closes */
		assert_true(h_quiet(&bad, "EXERCISE", WAIT));
		assert_true(bad.eof);
		h_close(&bad);
	}
	h_connect_port(&silent, s.tls_port); /* no handshake at all: the idle timeout closes it */
	assert_true(h_wait_eof(&silent, WAIT));
	h_close(&silent);
	h_connect_tls(&bad, &s, h_tls()->cert); /* a slot is free again */
	h_expect(&bad, "EXERCISE", WAIT);
	h_close(&bad);
	h_send(&al, "status");
	h_expect(&al, "waiting", WAIT);
	h_close(&al);
	assert_int_equal(h_stop(&s), 0);
}

/* Over TLS, the line limit, the failed-login pause and the pacing hold as over plaintext. */
static void test_tls_input_limits(void **state)
{
	struct hsrv s;
	struct hcl c;
	char big[600];
	double t0, t1;

	(void)state;
	h_start_tls(&s, h_tls(), h_fixture("drill.lua"), "--max-line", "256", "--rate", "2",
	            "--login-failures", "2", NULL);
	h_connect_tls(&c, &s, NULL);
	h_expect(&c, "EXERCISE", WAIT);
	memset(big, 'a', sizeof big);
	memcpy(big, "say ", 4);
	h_send_raw(&c, big, sizeof big);
	h_send_raw(&c, "\n", 1);
	h_expect(&c, "line_too_long", WAIT);
	t0 = h_now_ms();
	h_send(&c, "login al guess1");
	h_send(&c, "login al guess2");
	h_expect(&c, "auth_failed", WAIT);
	t1 = h_now_ms();
	h_expect(&c, "auth_failed", WAIT);
	assert_true(h_now_ms() - t1 >= 900); /* reading paused a second after the first failure */
	assert_true(t1 - t0 < 900);
	h_expect(&c, "too many failed logins", WAIT);
	assert_true(h_wait_eof(&c, WAIT));
	h_close(&c);

	h_connect_tls(&c, &s, NULL); /* bursts of 4 lines at 2 a second: 6 lines wait, all run */
	h_expect(&c, "EXERCISE", WAIT);
	t0 = h_now_ms();
	h_send_raw(&c, "status\nstatus\nstatus\nstatus\nstatus\nstatus\n", 42);
	for (int i = 0; i < 6; i++)
		h_expect(&c, "not_logged_in", WAIT);
	assert_true(h_now_ms() - t0 >= 900);
	assert_true(h_quiet(&c, "rate_limited", 100));
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* A TLS client that never reads is dropped at its output cap; a TLS reader gets everything. */
static void test_tls_output_cap(void **state)
{
	enum { N = 1500 };
	struct hsrv s;
	struct hcl fac, reader, sleeper;

	(void)state;
	h_start_tls(&s, h_tls(), h_fixture("drill.lua"), "--max-output", "65536", "--rate",
	            "100000", NULL);
	h_join_json(&fac, &s, "facilitator");
	h_connect_tls(&reader, &s, NULL);
	h_send(&reader, "mode json");
	h_send(&reader, "login al %s", h_code(&s, "al"));
	json_decref(h_expect_json(&reader, "ok", "login", WAIT));
	h_connect_tls(&sleeper, &s, NULL);
	h_send(&sleeper, "login xk %s", h_code(&s, "xk"));
	h_send(&sleeper, "mode json");
	h_broadcast_flood(&fac, &reader, N);
	/* the sleeper was dropped: team xk has nobody online any more */
	h_expect_xk_dropped(&fac);
	h_close(&sleeper);
	h_close(&reader);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* SIGTERM: TLS clients are told, one still shaking hands is closed, the server exits 0. */
static void test_tls_sigterm(void **state)
{
	struct hsrv s;
	struct hcl al, idle;
	double t0;

	(void)state;
	h_start_tls(&s, h_tls(), h_fixture("drill.lua"), NULL);
	h_connect_tls(&al, &s, NULL);
	h_send(&al, "login al %s", h_code(&s, "al"));
	h_expect(&al, "Welcome", WAIT);
	h_connect_port(&idle, s.tls_port);
	h_send(&al, "status"); /* a round trip: the server has accepted idle by now */
	h_expect(&al, "waiting", WAIT);
	t0 = h_now_ms();
	h_kill(&s);
	h_expect(&al, "server shutting down", WAIT);
	assert_true(h_wait_eof(&al, WAIT));
	assert_true(h_wait_eof(&idle, WAIT));
	h_close(&al);
	h_close(&idle);
	assert_int_equal(h_wait(&s), 0);
	assert_true(h_now_ms() - t0 < 2000);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tls_not_tls),
	    cmocka_unit_test(test_tls_input_limits),
	    cmocka_unit_test(test_tls_output_cap),
	    cmocka_unit_test(test_tls_sigterm),
	};

	return cmocka_run_group_tests(tests, h_tls_group_setup, h_tls_group_teardown);
}
