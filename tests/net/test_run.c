/* End to end: `tabletop run` options, join codes, secrets files and the real-time clock. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* Bad flags and values are usage errors (exit 2) with a message naming the flag. */
static void test_usage_errors(void **state)
{
	static const char *const bad[][3] = {
	    {"--speed", "fast", "--speed"},
	    {"--speed", "0", "--speed"},
	    {"--speed", "-3", "--speed"},
	    {"--seed", "-1", "--seed"},
	    {"--max-line", "10x", "--max-line"},
	    {"--max-output", "1", "--max-output"},
	    {"--max-conns", "0", "--max-conns"},
	    {"--login-failures", "", "--login-failures"},
	    {"--idle-timeout", "soon", "--idle-timeout"},
	    {"--rate", "nan", "--rate"},
	    {"--listen", "7300", "ADDR:PORT"},
	    {"--listen", "[::1]7300", "ADDR:PORT"},
	    {"--listen", "1.2.3.4:70000", "65535"},
	    {"--frobnicate", "x", "frobnicate"},
	};
	char err[4096];
	const char *fx = h_fixture("drill.lua");

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int st = h_run(err, sizeof err, "run", fx, bad[i][0], bad[i][1], NULL);

		if (st != 2 || strstr(err, bad[i][2]) == NULL)
			fail_msg("%s %s: exit %d, stderr: %s", bad[i][0], bad[i][1], st, err);
	}
	assert_int_equal(h_run(err, sizeof err, "run", NULL), 2);
	assert_non_null(strstr(err, "scenario"));
	assert_int_equal(h_run(err, sizeof err, "run", fx, "--speed", NULL), 2);
	assert_non_null(strstr(err, "--speed"));
	assert_int_equal(h_run(err, sizeof err, "run", fx, fx, NULL), 2);
}

/* A scenario that cannot run: exit 1 with FILE:LINE: messages; a missing file too. */
static void test_bad_scenario(void **state)
{
	char err[4096], path[1100];
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "/tmp/tabletop-net-bad-%d.lua", (int)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("exercise { title = \"x\", duration = \"1h\", tick = \"1m\" }\n"
	      "team { id = \"al\" }\n"
	      "inject { id = \"I-1\", at = \"soon\", to = {\"zz\"}, subject = \"s\", body = \"b\" "
	      "}\n",
	      f);
	fclose(f);
	assert_int_equal(h_run(err, sizeof err, "run", path, "--listen", "127.0.0.1:0", NULL), 1);
	if (strstr(err, "-bad-") == NULL || strstr(err, ".lua:3:") == NULL)
		fail_msg("stderr: %s", err);
	unlink(path);
	assert_int_equal(h_run(err, sizeof err, "run", "/nonexistent/x.lua", NULL), 1);
	assert_non_null(strstr(err, "/nonexistent/x.lua"));
}

/* Every team, facilitator and observer gets a printed join code that logs in. */
static void test_join_codes(void **state)
{
	static const char *const ids[] = {"facilitator", "observer", "al", "xk"};
	struct hsrv s;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), NULL);
	assert_int_equal(s.n_codes, 4);
	for (size_t i = 0; i < 4; i++) {
		struct hcl c;
		char line[256];

		snprintf(line, sizeof line, "login %s %s", ids[i], h_code(&s, ids[i]));
		assert_non_null(strstr(s.stdout_text, line));
		h_join_json(&c, &s, ids[i]);
		h_close(&c);
	}
	assert_string_not_equal(h_code(&s, "al"), h_code(&s, "xk"));
	assert_int_equal(h_stop(&s), 0);
}

/* A secrets file sets secrets (no codes printed for them); a bad one is FILE:LINE and exit 1. */
static void test_secrets_file(void **state)
{
	struct hsrv s;
	struct hcl c;
	char err[4096];
	json_t *o;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--secrets", h_fixture("secrets.txt"), NULL);
	assert_int_equal(s.n_codes, 1);
	assert_string_equal(s.codes[0][0], "xk");
	h_connect(&c, &s);
	h_send(&c, "mode json");
	h_send(&c, "login al al-secret");
	o = h_expect_json(&c, "ok", "login", WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "team")), "al");
	json_decref(o);
	h_send(&c, "login facilitator white-cell-secret");
	o = h_expect_json(&c, "ok", "login", WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "role")), "facilitator");
	json_decref(o);
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);

	assert_int_equal(h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--listen",
	                       "127.0.0.1:0", "--secrets", h_fixture("secrets-bad.txt"), NULL),
	                 1);
	if (strstr(err, "secrets-bad.txt:3:") == NULL || strstr(err, "zz") == NULL)
		fail_msg("stderr: %s", err);
	assert_int_equal(h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--secrets",
	                       "/nonexistent/secrets", NULL),
	                 1);
	assert_non_null(strstr(err, "/nonexistent/secrets"));
}

/* The clock follows real time at the set speed; pause stops it, speed changes keep progress. */
static void test_realtime_clock(void **state)
{
	struct hsrv s;
	struct hcl fac, xk;
	json_t *o;
	double t0;
	long t1, t2;

	(void)state;
	/* tick 1m at speed 600: a tick every 100 ms; I-03 is due at 0:05, half a second in */
	h_start(&s, h_fixture("drill.lua"), "--autostart", "--speed", "600", NULL);
	t0 = h_now_ms();
	h_join_json(&xk, &s, "xk");
	h_join_json(&fac, &s, "facilitator");
	o = h_expect_json(&xk, "inject", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "id")), "I-03");
	json_decref(o);
	assert_true(h_now_ms() - t0 >= 400);
	assert_true(h_now_ms() - t0 < 3000);

	h_send(&fac, "pause");
	json_decref(h_expect_json(&fac, "ok", "pause", WAIT));
	json_decref(h_expect_json(&xk, "clock", NULL, WAIT));
	h_send(&fac, "status");
	o = h_expect_json(&fac, "ok", "status", WAIT);
	t1 = (long)json_integer_value(json_object_get(o, "t"));
	json_decref(o);
	assert_null(h_line(&xk, 350)); /* paused: no tick, no inject, nothing */
	h_send(&fac, "status");
	o = h_expect_json(&fac, "ok", "status", WAIT);
	assert_int_equal(json_integer_value(json_object_get(o, "t")), t1);
	json_decref(o);

	/* 2h at 72000x: 100 s of exercise a real second, ENDEX within about 1.2 s */
	h_send(&fac, "speed 72000");
	json_decref(h_expect_json(&fac, "ok", "speed", WAIT));
	h_send(&fac, "resume");
	t0 = h_now_ms();
	o = h_expect_json(&xk, "end", NULL, WAIT);
	assert_true(h_now_ms() - t0 < 3000);
	t2 = (long)json_integer_value(json_object_get(o, "t"));
	assert_int_equal(t2, 7200);
	json_decref(o);
	/* after ENDEX the server still answers, for the hotwash */
	h_send(&xk, "status");
	o = h_expect_json(&xk, "ok", "status", WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "state")), "ended");
	json_decref(o);
	h_close(&fac);
	h_close(&xk);
	assert_int_equal(h_stop(&s), 0);
}

/* Several listeners, IPv6 included when the host has it; each prints its real port. */
static void test_listeners(void **state)
{
	struct hsrv s;
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	struct sockaddr_in6 sa = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
	bool v6 = fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
	struct hcl c;

	(void)state;
	if (fd >= 0)
		close(fd);
	if (!v6) {
		h_start(&s, h_fixture("drill.lua"), "--listen", "127.0.0.1:0", NULL);
	} else {
		h_start(&s, h_fixture("drill.lua"), "--listen", "[::1]:0", NULL);
		assert_non_null(strstr(s.stdout_text, "listening on [::1]:"));
	}
	assert_non_null(strstr(strstr(s.stdout_text, "listening on") + 1, "listening on"));
	h_join_json(&c, &s, "al");
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* Run the tests. */
/* The server raises its soft open-files limit so that --max-conns connections fit. */
static void test_nofile(void **state)
{
	struct rlimit old, low;
	struct hsrv s;
	char path[64], line[256];
	long soft = -1;
	FILE *f;

	(void)state;
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
	/* valgrind keeps the limits it gives its guest to itself */
	if (getenv("TABLETOP_WRAPPER") != NULL ||
	    (old.rlim_max != RLIM_INFINITY && old.rlim_max < 2000))
		return; /* nothing to check here (cmocka's skip() reads as a failure in TAP) */
	low = old;
	low.rlim_cur = 256;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
	h_start(&s, h_fixture("drill.lua"), "--max-conns", "1900", NULL);
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
	snprintf(path, sizeof path, "/proc/%d/limits", (int)s.pid);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "Max open files", 14) == 0)
			soft = strtol(line + 14, NULL, 10);
	fclose(f);
	assert_true(soft >= 1900);
	assert_int_equal(h_stop(&s), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_usage_errors),   cmocka_unit_test(test_bad_scenario),
	    cmocka_unit_test(test_join_codes),     cmocka_unit_test(test_secrets_file),
	    cmocka_unit_test(test_realtime_clock), cmocka_unit_test(test_listeners),
	    cmocka_unit_test(test_nofile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
