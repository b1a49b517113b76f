/*
 * End to end: what `tabletop run` prints at launch (issue 10): `listening on` only when it will
 * serve, the clock's speed in real time, and join codes that survive --resume.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* Run `tabletop run FIXTURE ARGS` (a shell-quoted string); its stdout into out; exit status. */
static int run_out(char *out, size_t n, const char *args)
{
	char cmd[2048];
	size_t len = 0;
	FILE *p;
	int st;

	snprintf(cmd, sizeof cmd,
	         "exec $TABLETOP_WRAPPER \"$TABLETOP\" run '%s' --listen 127.0.0.1:0 --no-console "
	         "%s 2>/dev/null </dev/null",
	         h_fixture("drill.lua"), args);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (len + 1 < n && fgets(out + len, (int)(n - len), p) != NULL)
		len += strlen(out + len);
	out[len] = '\0';
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A journal that exists or cannot be opened: exit 1, and no `listening on` line. */
static void test_listening_only_when_serving(void **state)
{
	char out[4096], args[256], path[64];
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "/tmp/tabletop-start-%d.jsonl", (int)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{}\n", f);
	fclose(f);
	snprintf(args, sizeof args, "--journal '%s'", path);
	assert_int_equal(run_out(out, sizeof out, args), 1);
	if (strstr(out, "listening on") != NULL || strstr(out, "login ") != NULL)
		fail_msg("stdout of a run that cannot serve: %s", out);
	unlink(path);
	assert_int_equal(run_out(out, sizeof out, "--journal /nonexistent/dir/j.jsonl"), 1);
	if (strstr(out, "listening on") != NULL)
		fail_msg("stdout of a run that cannot serve: %s", out);
}

/* The launch says how fast the clock runs and what that means in real time. */
static void test_speed_line(void **state)
{
	struct hsrv s;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), NULL);
	if (strstr(s.stdout_text, "speed 60: 1 real minute = 1 exercise hour; the 2h exercise "
	                          "lasts 2 real minutes") == NULL)
		fail_msg("stdout: %s", s.stdout_text);
	assert_int_equal(h_stop(&s), 0);
	h_start(&s, h_fixture("drill.lua"), "--speed", "1", NULL);
	if (strstr(s.stdout_text, "speed 1: 1 real minute = 1 exercise minute; the 2h exercise "
	                          "lasts 2 real hours") == NULL)
		fail_msg("stdout: %s", s.stdout_text);
	assert_int_equal(h_stop(&s), 0);
}

/* Whether the file at path contains needle. */
static bool file_has(const char *path, const char *needle)
{
	char buf[1 << 16];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return false;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strstr(buf, needle) != NULL;
}

/* Generated codes are kept beside the journal (0600, not in it) and work again after --resume. */
static void test_codes_kept(void **state)
{
	struct hsrv s;
	struct hcl c;
	char journal[64], codes[80], al[64], fac[64];
	struct stat st;

	(void)state;
	snprintf(journal, sizeof journal, "/tmp/tabletop-codes-%d.jsonl", (int)getpid());
	snprintf(codes, sizeof codes, "%s.codes", journal);
	unlink(journal);
	unlink(codes);
	h_start(&s, h_fixture("drill.lua"), "--journal", journal, NULL);
	snprintf(al, sizeof al, "%s", h_code(&s, "al"));
	snprintf(fac, sizeof fac, "%s", h_code(&s, "facilitator"));
	h_join_json(&c, &s, "al");
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
	assert_int_equal(stat(codes, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_true(file_has(codes, al));
	assert_false(file_has(journal, al));
	assert_false(file_has(journal, fac));

	h_start(&s, h_fixture("drill.lua"), "--journal", journal, "--resume", NULL);
	assert_string_equal(h_code(&s, "al"), al);
	assert_string_equal(h_code(&s, "facilitator"), fac);
	if (strstr(s.stdout_text, "the same as before the restart") == NULL ||
	    strstr(s.stdout_text, codes) == NULL)
		fail_msg("stdout: %s", s.stdout_text);
	h_join_json(&c, &s, "al");
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
	unlink(journal);
	unlink(codes);
}

/* The flags of the per-team and cross-connection limits take sane values only. */
static void test_limit_flags(void **state)
{
	static const char *const bad[][2] = {
	    {"--team-conns", "0"},    {"--team-conns", "many"},  {"--team-output", "-1"},
	    {"--team-output", "1e9"}, {"--login-lockout", "-5"}, {"--login-lockout", "99999999"},
	};
	char err[4096];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int st = h_run(err, sizeof err, "run", h_fixture("drill.lua"), bad[i][0], bad[i][1],
		               NULL);

		if (st != 2 || strstr(err, bad[i][0]) == NULL)
			fail_msg("%s %s: exit %d, stderr: %s", bad[i][0], bad[i][1], st, err);
	}
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_listening_only_when_serving),
	    cmocka_unit_test(test_speed_line),
	    cmocka_unit_test(test_codes_kept),
	    cmocka_unit_test(test_limit_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
