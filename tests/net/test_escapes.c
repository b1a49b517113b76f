/*
 * End to end: terminal escapes in a hostile scenario's texts (issue 12, item 3). The title, team
 * names, phase, subjects, options, state, log lines, script errors and ENDEX reason of
 * fixtures/escapes.lua hold ESC [2J, OSC 52, BEL, C1 CSI (U+009B) and a right-to-left override;
 * none of them may reach a text-mode client over TCP, nor `check` or `simulate` output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000
/* How the fixture's hostile suffix looks once made harmless: each control a '?'. */
#define SHOWN "?[2J?]52;c;SGVsbG8=??31m?"

/* The first byte in the n bytes at s that would drive a terminal: C0 but '\n' and '\t', DEL,
 * C1 (U+0080..U+009F), a bidi embedding, override or isolate; NULL when there is none. */
static const char *escapes_raw(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		unsigned char a = p[i], b = i + 1 < n ? p[i + 1] : 0, c = i + 2 < n ? p[i + 2] : 0;

		if ((a < 0x20 && a != '\n' && a != '\t') || a == 0x7F)
			return s + i;
		if (a == 0xC2 && b >= 0x80 && b <= 0x9F)
			return s + i;
		if (a == 0xE2 && ((b == 0x80 && c >= 0xAA && c <= 0xAE) ||
		                  (b == 0x81 && c >= 0xA6 && c <= 0xA9)))
			return s + i;
	}
	return NULL;
}

/* Read lines of c until one holds needle; fails the test at a line with a raw control byte. */
static void escapes_expect(struct hcl *c, const char *needle)
{
	const char *l;

	while ((l = h_line(c, WAIT)) != NULL) {
		if (escapes_raw(l, strlen(l)) != NULL)
			fail_msg("a raw control byte reached the client: %s", l);
		if (strstr(l, needle) != NULL)
			return;
	}
	fail_msg("no line with \"%s\"", needle);
}

/* Send line as c and read the reply up to the line that holds needle. */
static void escapes_ask(struct hcl *c, const char *line, const char *needle)
{
	h_send(c, "%s", line);
	escapes_expect(c, needle);
}

/* Every reply and event a facilitator and a team member read in text mode. */
static void test_replies(void **state)
{
	struct hsrv s;
	struct hcl fac, al;
	char line[128];

	(void)state;
	h_start(&s, h_fixture("escapes.lua"), NULL);
	h_connect(&fac, &s);
	escapes_expect(&fac, "Escapes" SHOWN); /* the banner */
	snprintf(line, sizeof line, "login facilitator %s", h_code(&s, "facilitator"));
	escapes_ask(&fac, line, "logged in as facilitator");
	escapes_ask(&fac, "start", "PHASE: Phase" SHOWN);
	escapes_expect(&fac, "LOG: Log" SHOWN);
	escapes_expect(&fac, "STARTEX");
	escapes_ask(&fac, "advance 2m", "Subject: Subject" SHOWN);
	escapes_expect(&fac, "Advanced to T+00:02:00");
	escapes_ask(&fac, "who", "Team" SHOWN ": nobody online");
	escapes_expect(&fac, "Other" SHOWN ": nobody online");
	escapes_ask(&fac, "teams", "Other" SHOWN " score 0");
	escapes_ask(&fac, "status", "Phase: Phase" SHOWN);
	escapes_ask(&fac, "injects", "Subject" SHOWN "  [2 pending");
	escapes_ask(&fac, "show I-01", "Option" SHOWN);
	escapes_expect(&fac, "Scheduled at T+00:01:00");
	escapes_ask(&fac, "state", "\"note\": \"State");
	escapes_expect(&fac, "}");

	h_connect(&al, &s);
	escapes_expect(&al, "Escapes" SHOWN);
	snprintf(line, sizeof line, "login al %s Ana", h_code(&s, "al"));
	escapes_ask(&al, line, "you are in team al (Team" SHOWN ")");
	escapes_expect(&al, "I-01     Subject" SHOWN " (by T+00:31:00)");
	escapes_ask(&al, "status", "Team al (Team" SHOWN "), score 1");
	escapes_ask(&al, "injects", "Subject" SHOWN "  [decision pending");
	escapes_ask(&al, "show I-01", "Your team: decision pending");
	escapes_ask(&al, "who", "Other" SHOWN ": nobody online");
	escapes_ask(&al, "decide I-01 a", "Decision recorded for I-01: a (Option" SHOWN ")");

	escapes_ask(&fac, "advance 5m", "Boom" SHOWN);
	escapes_expect(&fac, "ENDEX: Endex" SHOWN);
	escapes_expect(&fac, "Advanced to ENDEX");
	escapes_ask(&fac, "status", "(Endex" SHOWN ")");
	escapes_expect(&fac, "Phase: Phase" SHOWN);
	escapes_ask(&al, "status", "(Endex" SHOWN ")");
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* Run `tabletop ARGS` with stdout and stderr together; fails the test unless it exits with
 * status, prints want, and prints no raw control byte. */
static void escapes_cli(const char *args, int status, const char *want)
{
	static char out[1 << 16];
	char cmd[1024];
	const char *bad;
	size_t n;
	FILE *p;
	int st;

	snprintf(cmd, sizeof cmd, "$TABLETOP_WRAPPER \"$TABLETOP\" %s '%s' 2>&1", args,
	         h_fixture("escapes.lua"));
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	st = pclose(p);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), status);
	if ((bad = escapes_raw(out, n)) != NULL)
		fail_msg("a raw control byte in `tabletop %s`: %.60s", args, bad);
	if (strstr(out, want) == NULL)
		fail_msg("`tabletop %s` did not print \"%s\": %s", args, want, out);
}

/* The operator's own terminal: check's problems and simulate's timeline and summary. */
static void test_cli(void **state)
{
	(void)state;
	escapes_cli("check", 1, "escapes.lua:37: Boom" SHOWN " (script error");
	escapes_cli("simulate", 0, "ENDEX: Endex" SHOWN);
	escapes_cli("simulate", 0, "log: Log" SHOWN);
	escapes_cli("simulate", 0, "xk         Other" SHOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_replies),
	    cmocka_unit_test(test_cli),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
