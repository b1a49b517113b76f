/*
 * tests/cli: scenarios through the real `tabletop run`: a script error reaches the staff as a
 * script_error event, run's stderr and staff status (issue 10.11), a runaway send loop is stopped
 * at its cap with every connection and the journal intact (issue 12.1), the shipped scenarios run
 * in real time (10.12) and a white-cell inject is no reason to refuse a scenario (10.1).
 */
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../net/harness.h"

/* The path of tests/cli/fixtures/NAME (static buffer). */
static const char *drill_fixture(const char *name)
{
	static char path[1024];
	const char *src = getenv("SRCDIR");

	snprintf(path, sizeof path, "%s/tests/cli/fixtures/%s", src != NULL ? src : ".", name);
	return path;
}

/* Start `tabletop run` on fixture with its stderr going to a pipe, whose read end is returned. */
static int drill_start(struct hsrv *s, const char *fixture, const char *journal)
{
	int fds[2], saved = dup(2);

	assert_true(saved >= 0);
	assert_int_equal(pipe(fds), 0);
	assert_true(dup2(fds[1], 2) >= 0);
	if (journal != NULL)
		h_start(s, drill_fixture(fixture), "--journal", journal, NULL);
	else
		h_start(s, drill_fixture(fixture), NULL);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	close(fds[1]);
	return fds[0];
}

/* Read fd into buf (n bytes) until it holds needle; fails the test after ms milliseconds. */
static void drill_await(int fd, char *buf, size_t n, const char *needle, int ms)
{
	double end = h_now_ms() + ms;
	size_t len = strlen(buf);

	while (strstr(buf, needle) == NULL) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		int left = (int)(end - h_now_ms());
		ssize_t r;

		if (left <= 0 || poll(&p, 1, left) <= 0)
			fail_msg("no '%s' on run's stderr within %d ms: %s", needle, ms, buf);
		r = read(fd, buf + len, n - 1 - len);
		if (r <= 0)
			fail_msg("run's stderr ended without '%s': %s", needle, buf);
		len += (size_t)r;
		buf[len] = '\0';
	}
}

/* Send a command as a JSON client and return its ok reply (to decref); fails otherwise. */
static json_t *drill_ok(struct hcl *c, const char *cmd, const char *line)
{
	h_send(c, "%s", line);
	return h_expect_json(c, "ok", cmd, 5000);
}

/*
 * A run-time error in a decision handler reaches the facilitator as a script_error event with
 * its file and line, and not the team; run prints it on stderr; staff status counts it.
 */
static void test_script_error(void **state)
{
	struct hsrv s;
	struct hcl fac, team;
	char err[8192] = "";
	json_t *o;
	int fd;

	(void)state;
	fd = drill_start(&s, "typo.lua", NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&team, &s, "a");
	json_decref(drill_ok(&fac, "start", "start"));
	json_decref(drill_ok(&fac, "advance", "advance 5m"));
	json_decref(h_expect_json(&team, "inject", NULL, 5000));
	o = drill_ok(&fac, "status", "status");
	assert_int_equal(json_integer_value(json_object_get(o, "script_errors")), 0);
	json_decref(o);
	json_decref(drill_ok(&team, "decide", "decide B-01 y"));
	o = h_expect_json(&fac, "script_error", NULL, 5000);
	assert_string_equal(json_string_value(json_object_get(o, "file")),
	                    drill_fixture("typo.lua"));
	assert_int_equal(json_integer_value(json_object_get(o, "line")), 8);
	assert_string_equal(json_string_value(json_object_get(o, "message")),
	                    "fire: unknown inject 'B-0a'");
	assert_int_equal(json_integer_value(json_object_get(o, "t")), 300);
	json_decref(o);
	o = drill_ok(&fac, "status", "status");
	assert_int_equal(json_integer_value(json_object_get(o, "script_errors")), 1);
	json_decref(o);
	o = drill_ok(&team, "status", "status");
	assert_null(json_object_get(o, "script_errors"));
	json_decref(o);
	assert_true(h_quiet(&team, "script_error", 200));
	drill_await(fd, err, sizeof err, "typo.lua:8: fire: unknown inject 'B-0a'", 5000);
	assert_non_null(strstr(err, "script error: "));
	h_close(&fac);
	h_close(&team);
	assert_int_equal(h_stop(&s), 0);
	close(fd);
}

/* Count JSON lines of type in the file at path. */
static int drill_count(const char *path, const char *type)
{
	char needle[64], *line = NULL;
	size_t cap = 0;
	int n = 0;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	snprintf(needle, sizeof needle, "\"type\":\"%s\"", type);
	while (getline(&line, &cap, f) > 0)
		n += strstr(line, needle) != NULL;
	free(line);
	fclose(f);
	return n;
}

/* Read JSON lines of c until the ok reply to cmd, counting the events of type on the way. */
static int drill_until_ok(struct hcl *c, const char *type, const char *cmd)
{
	const char *l;
	int n = 0;

	while ((l = h_line(c, 5000)) != NULL) {
		json_t *o = json_loads(l, 0, NULL);
		const char *t = json_string_value(json_object_get(o, "type"));
		const char *k = json_string_value(json_object_get(o, "cmd"));
		int done = t != NULL && !strcmp(t, "ok") && k != NULL && !strcmp(k, cmd);

		n += t != NULL && !strcmp(t, type);
		json_decref(o);
		if (done)
			return n;
	}
	fail_msg("no reply to %s", cmd);
	return n;
}

/*
 * A runaway send loop at STARTEX and another behind a member's action are each stopped at a cap
 * (bytes, then events) with a script_error at its line; the team and the facilitator stay
 * connected and are answered, and the journal holds what the caps let through.
 */
static void test_runaway(void **state)
{
	struct hsrv s;
	struct hcl fac, team;
	char err[8192] = "", journal[64] = "/tmp/tabletop-drill-XXXXXX";
	json_t *o;
	int fd, n;

	(void)state;
	close(mkstemp(journal));
	unlink(journal);
	fd = drill_start(&s, "runaway.lua", journal);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&team, &s, "a");
	h_send(&fac, "start");
	o = h_expect_json(&fac, "script_error", NULL, 5000);
	assert_int_equal(json_integer_value(json_object_get(o, "line")), 4);
	assert_string_equal(json_string_value(json_object_get(o, "message")),
	                    "stopped: this callback reached its cap of 512 KiB of text "
	                    "(--callback-bytes)");
	json_decref(o);
	h_send(&team, "status");
	n = drill_until_ok(&team, "inject", "status");
	assert_int_equal(n, 8); /* 8 bodies of 60,000 bytes fit in 512 KiB, a ninth does not */
	h_send(&team, "action go");
	n = drill_until_ok(&team, "inject", "action");
	assert_int_equal(n, 1000);
	o = h_expect_json(&fac, "script_error", NULL, 5000);
	assert_int_equal(json_integer_value(json_object_get(o, "line")), 6);
	assert_string_equal(json_string_value(json_object_get(o, "message")),
	                    "stopped: this callback reached its cap of 1000 events "
	                    "(--callback-events)");
	json_decref(o);
	o = drill_ok(&fac, "status", "status");
	assert_int_equal(json_integer_value(json_object_get(o, "script_errors")), 2);
	json_decref(o);
	json_decref(drill_ok(&team, "status", "status"));
	drill_await(fd, err, sizeof err, "runaway.lua:6: stopped", 5000);
	h_close(&fac);
	h_close(&team);
	assert_int_equal(h_stop(&s), 0);
	close(fd);
	assert_int_equal(drill_count(journal, "inject"), 8 + 1000);
	assert_int_equal(drill_count(journal, "script_error"), 2);
	unlink(journal);
}

/*
 * A scenario whose reserve inject nothing fires is served (it was refused as "nothing fires it"),
 * and the white cell fires that inject by hand.
 */
static void test_white_cell(void **state)
{
	struct hsrv s;
	struct hcl fac, team;
	json_t *o;

	(void)state;
	h_start(&s, drill_fixture("whitecell.lua"), NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&team, &s, "a");
	json_decref(drill_ok(&fac, "start", "start"));
	json_decref(drill_ok(&fac, "fire", "fire W-1"));
	o = h_expect_json(&team, "inject", NULL, 5000);
	assert_string_equal(json_string_value(json_object_get(o, "id")), "W-1");
	json_decref(o);
	h_close(&fac);
	h_close(&team);
	assert_int_equal(h_stop(&s), 0);
}

/* Every shipped scenario runs in real time under `tabletop run`, as a real exercise would. */
static void test_shipped_speed(void **state)
{
	const char *dir = getenv("SCENARIOS");
	struct dirent *e;
	char path[1024];
	int n = 0;
	DIR *d;

	(void)state;
	assert_non_null(dir);
	assert_non_null(d = opendir(dir));
	while ((e = readdir(d)) != NULL) {
		struct hsrv s;
		struct hcl fac;
		json_t *o;
		size_t len = strlen(e->d_name);

		if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		h_start(&s, path, NULL);
		h_join_json(&fac, &s, "facilitator");
		o = drill_ok(&fac, "status", "status");
		if (json_integer_value(json_object_get(o, "speed")) != 1)
			fail_msg("%s runs at speed %g, not 1", e->d_name,
			         json_number_value(json_object_get(o, "speed")));
		json_decref(o);
		h_close(&fac);
		assert_int_equal(h_stop(&s), 0);
		n++;
	}
	closedir(d);
	assert_int_equal(n, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_script_error),
	    cmocka_unit_test(test_runaway),
	    cmocka_unit_test(test_shipped_speed),
	    cmocka_unit_test(test_white_cell),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
