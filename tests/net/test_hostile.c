/*
 * End to end: what a hostile scenario, team or file tried against the real binary (issue 12):
 * the clock's speed, pattern bombs, determinism holes and damaged journals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* A path in /tmp for this test process: /tmp/tabletop-hostile-PID-NAME (a static buffer each). */
static const char *hostile_tmp(const char *name)
{
	static char path[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "/tmp/tabletop-hostile-%d-%s", (int)getpid(), name);
	return path[k];
}

/* Write text to path; fails the test if it cannot. */
static void hostile_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A scenario with one team "al", tick 1m and duration 1h, speed given, and more text after. */
static const char *hostile_scenario(const char *name, const char *speed, const char *more)
{
	const char *path = hostile_tmp(name);
	char text[8192];

	snprintf(text, sizeof text,
	         "exercise { title = \"hostile\", duration = \"1h\", tick = \"1m\", speed = %s, "
	         "seed = 3 }\n"
	         "team { id = \"al\", name = \"Albania\" }\n"
	         "%s",
	         speed, more);
	hostile_write(path, text);
	return path;
}

/* Send line on c (JSON mode) and return the error code of its reply, or NULL when it was ok. */
static const char *hostile_cmd(struct hcl *c, const char *line)
{
	static char code[64];
	const char *l;
	json_t *o = NULL;

	h_send(c, "%s", line);
	while (o == NULL) {
		l = h_line(c, WAIT);
		if (l == NULL)
			fail_msg("no reply to '%s'", line);
		o = json_loads(l, 0, NULL);
		if (json_object_get(o, "cmd") == NULL) {
			json_decref(o);
			o = NULL;
		}
	}
	l = json_string_value(json_object_get(o, "code"));
	snprintf(code, sizeof code, "%s", l != NULL ? l : "");
	json_decref(o);
	return code[0] != '\0' ? code : NULL;
}

/*
 * 12.5: one range of speeds for --speed, the speed command and a scenario's speed; the server
 * at the slowest speed still serves, and SIGTERM ends it.
 */
static void test_speed_range(void **state)
{
	static const char *const bad[] = {"1e-300", "1e-20", "0.0009", "100001", "1e400", "nan"};
	const char *ok = hostile_scenario("speed-ok.lua", "60", "");
	const char *slow = hostile_scenario("speed-slow.lua", "1e-20", "");
	struct hsrv s;
	struct hcl fac, al;
	char err[4096];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int st = h_run(err, sizeof err, "run", ok, "--speed", bad[i], NULL);

		if (st != 2 || strstr(err, "--speed wants a number from 0.001 to 100000") == NULL)
			fail_msg("--speed %s: exit %d, stderr: %s", bad[i], st, err);
	}
	assert_int_equal(h_run(err, sizeof err, "check", slow, NULL), 1);
	assert_int_equal(h_run(err, sizeof err, "run", slow, "--listen", "127.0.0.1:0", NULL), 1);
	if (strstr(err,
	           "speed-slow.lua:1: exercise: speed must be a number from 0.001 to 100000") ==
	    NULL)
		fail_msg("run: %s", err);

	h_start(&s, ok, "--autostart", "--speed", "0.001", NULL);
	h_join_json(&fac, &s, "facilitator");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char line[64];

		snprintf(line, sizeof line, "speed %s", bad[i]);
		assert_string_equal(hostile_cmd(&fac, line), "bad_args");
	}
	assert_null(hostile_cmd(&fac, "speed 0.001"));
	assert_null(hostile_cmd(&fac, "speed 100000x"));
	assert_null(hostile_cmd(&fac, "speed 0.001"));
	h_join_json(&al, &s, "al"); /* still serving new clients */
	assert_null(hostile_cmd(&al, "status"));
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
	unlink(ok);
	unlink(slow);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_speed_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
