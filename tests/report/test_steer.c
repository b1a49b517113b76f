/*
 * tests/report: the report of an exercise the white cell steered, through the real binary
 * (issues 10.4 and 13.4): `tabletop run --journal`, two RFIs answered out of order, a deadline
 * extended, a decision overruled, an ad-hoc inject sent and a script error; then `tabletop
 * report` in every format pairs each answer with its question and shows the steering.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../net/harness.h"

#define Q1 "What ransom do they ask?"
#define A1 "About five bitcoin"
#define Q2 "Who runs the website?"
#define A2 "The Ministry of Finance"
#define WHY "The portal holds personal data"

/* The scenario of this test, tests/report/fixtures/steer.lua (static buffer). */
static const char *steer_fixture(void)
{
	static char path[1024];
	const char *src = getenv("SRCDIR");

	snprintf(path, sizeof path, "%s/tests/report/fixtures/steer.lua", src ? src : ".");
	return path;
}

/* Send line as the JSON client c and fail unless it is answered ok; the reply (to decref). */
static json_t *steer_ok(struct hcl *c, const char *cmd, const char *line)
{
	const char *l;

	h_send(c, "%s", line);
	while ((l = h_line(c, 5000)) != NULL) {
		json_t *o = json_loads(l, 0, NULL);
		const char *t = json_string_value(json_object_get(o, "type"));
		const char *k = json_string_value(json_object_get(o, "cmd"));

		if (t != NULL && k != NULL && strcmp(k, cmd) == 0 && strcmp(t, "ok") == 0)
			return o;
		if (t != NULL && k != NULL && strcmp(k, cmd) == 0 && strcmp(t, "error") == 0)
			fail_msg("'%s' was refused: %s", line, l);
		json_decref(o);
	}
	fail_msg("no reply to '%s'", line);
	return NULL;
}

/* Play the exercise into the journal at path, the white cell steering it. */
static void steer_play(const char *path)
{
	struct hsrv s;
	struct hcl fac, al;
	json_t *o;

	h_start(&s, steer_fixture(), "--journal", path, NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&al, &s, "al");
	json_decref(steer_ok(&fac, "start", "start"));
	json_decref(steer_ok(&fac, "pause", "pause"));
	json_decref(steer_ok(&fac, "advance", "advance 10m"));
	o = steer_ok(&al, "rfi", "rfi " Q1);
	assert_string_equal(json_string_value(json_object_get(o, "id")), "RFI-1");
	json_decref(o);
	json_decref(steer_ok(&al, "rfi", "rfi " Q2));
	json_decref(steer_ok(&fac, "reply", "reply RFI-2 " A2));
	json_decref(steer_ok(&fac, "reply", "reply al " A1));
	json_decref(steer_ok(&fac, "extend", "extend xk I-01 15m"));
	json_decref(steer_ok(&al, "decide", "decide I-01 share"));
	json_decref(h_expect_json(&fac, "script_error", NULL, 5000));
	json_decref(steer_ok(&fac, "overrule", "overrule al I-01 isolate " WHY));
	o = steer_ok(&fac, "send", "send al,xk | SOC | email | Block list | 203.0.113.14");
	assert_string_equal(json_string_value(json_object_get(o, "inject")), "adhoc-1");
	json_decref(o);
	json_decref(steer_ok(&fac, "advance", "advance 1h"));
	json_decref(steer_ok(&fac, "endex", "endex"));
	h_close(&fac);
	h_close(&al);
	assert_int_equal(h_stop(&s), 0);
}

/* `tabletop report path --format format`, as a new string; fails unless it exits 0. */
static char *steer_report(const char *dir, const char *path, const char *format)
{
	char out[512], err[4096], *text = NULL;
	size_t n = 0;
	FILE *f;

	snprintf(out, sizeof out, "%s/report.%s", dir, format);
	if (h_run(err, sizeof err, "report", path, "--format", format, "-o", out, NULL) != 0)
		fail_msg("report --format %s failed: %s", format, err);
	f = fopen(out, "r");
	assert_non_null(f);
	text = malloc(1 << 20);
	assert_non_null(text);
	n = fread(text, 1, (1 << 20) - 1, f);
	text[n] = '\0';
	fclose(f);
	unlink(out);
	return text;
}

/* Drop the tags of an HTML page in place, so that its text can be searched. */
static void steer_untag(char *s)
{
	char *w = s;
	bool tag = false;

	for (; *s != '\0'; s++) {
		if (*s == '<' || *s == '>')
			tag = *s == '<';
		else if (!tag)
			*w++ = *s;
	}
	*w = '\0';
}

/* Whether text at p reads as needle, case aside, a space in needle matching any run of spaces and
 * line breaks (the text format wraps its lines). */
static bool steer_at(const char *p, const char *needle)
{
	for (; *needle != '\0'; needle++) {
		if (*needle == ' ') {
			if (*p != ' ' && *p != '\n')
				return false;
			while (*p == ' ' || *p == '\n')
				p++;
		} else if (tolower((unsigned char)*p++) != tolower((unsigned char)*needle)) {
			return false;
		}
	}
	return true;
}

/* The first of needle in text at or after from (see steer_at); fails the test otherwise. */
static const char *steer_find(const char *format, const char *from, const char *needle)
{
	for (const char *p = from; *p != '\0'; p++)
		if (steer_at(p, needle))
			return p;
	fail_msg("the %s report lacks '%s' where expected", format, needle);
	return NULL;
}

/* The report's RFI section lists each question with its own answer, and the steering. */
static void steer_check_text(const char *format, const char *r)
{
	const char *p = steer_find(format, r, "Requests for information");

	p = steer_find(format, p, "RFI-1");
	p = steer_find(format, p, Q1);
	p = steer_find(format, p, A1);
	p = steer_find(format, p, "RFI-2");
	p = steer_find(format, p, Q2);
	p = steer_find(format, p, A2);
	p = steer_find(format, p, "Steering by the white cell");
	p = steer_find(format, p, "adhoc-1");
	p = steer_find(format, p, "Deadlines extended");
	p = steer_find(format, p, "xk");
	p = steer_find(format, p, "T+00:55:00");
	p = steer_find(format, p, "Decisions overruled");
	steer_find(format, steer_find(format, p, "share"), "isolate");
	steer_find(format, steer_find(format, p, "facilitator"), "personal");
	p = steer_find(format, p, "Script errors");
	p = steer_find(format, p, "steer.lua");
	steer_find(format, p, "I-99");
	/* The executive summary counts the steering and names the overruled decision. */
	p = steer_find(format, r, "Steering");
	p = steer_find(format, p, "decisions overruled 1 (al I-01: share to isolate)");
	steer_find(format, p, "script errors 1");
	/* The team's log: each answer under its own question, the steering in its place. */
	p = steer_find(format, r, "answer to RFI-2");
	p = steer_find(format, p, "website");
	steer_find(format, p, "Ministry");
	p = steer_find(format, r, "answer to RFI-1");
	p = steer_find(format, p, "ransom");
	steer_find(format, p, "bitcoin");
	steer_find(format, steer_find(format, r, "I-01 overruled: now"), "isolate");
	steer_find(format, steer_find(format, r, "deadline on I-01"), "extended");
	steer_find(format, steer_find(format, r, "ad-hoc inject"), "adhoc-1");
	steer_find(format, r, "sent by the white cell");
	steer_find(format, r, "own decision (or the default");
}

/* The JSON report: each RFI with its own reply, the steering, and the decision counted. */
static void steer_check_json(const char *r)
{
	json_error_t e;
	json_t *o = json_loads(r, 0, &e), *rfis, *al, *d, *ov, *x, *se;

	if (o == NULL)
		fail_msg("the JSON report is not JSON: %s", e.text);
	rfis = json_object_get(o, "rfis");
	assert_int_equal(json_array_size(rfis), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(rfis, 0), "text")),
	                    Q1);
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_array_get(json_object_get(json_array_get(rfis, 0), "replies"), 0), "text")),
	    A1);
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_array_get(json_object_get(json_array_get(rfis, 1), "replies"), 0), "text")),
	    A2);
	al = json_array_get(json_object_get(o, "teams"), 0);
	d = json_array_get(json_object_get(al, "decisions"), 0);
	assert_string_equal(json_string_value(json_object_get(d, "option")), "share");
	assert_int_equal(json_integer_value(json_object_get(d, "response")), 0);
	ov = json_object_get(d, "overruled");
	assert_string_equal(json_string_value(json_object_get(ov, "option")), "isolate");
	assert_string_equal(json_string_value(json_object_get(ov, "previous")), "share");
	assert_string_equal(json_string_value(json_object_get(ov, "reason")), WHY);
	x = json_array_get(json_object_get(o, "extensions"), 0);
	assert_string_equal(json_string_value(json_object_get(x, "team")), "xk");
	assert_int_equal(json_integer_value(json_object_get(x, "deadline")), 3300);
	assert_int_equal(json_integer_value(json_object_get(x, "previous")), 2400);
	assert_non_null(json_string_value(
	    json_object_get(json_array_get(json_object_get(o, "injects"), 1), "sent_by")));
	assert_true(json_is_null(
	    json_object_get(json_array_get(json_object_get(o, "injects"), 0), "sent_by")));
	se = json_array_get(json_object_get(o, "script_errors"), 0);
	assert_string_equal(json_string_value(json_object_get(se, "file")), "steer.lua");
	assert_int_equal(json_integer_value(json_object_get(se, "line")), 28);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "counts"), "adhoc")),
	                 1);
	json_decref(o);
}

/* A steered exercise, reported in every format. */
static void test_steered_report(void **state)
{
	static const char *const formats[] = {"text", "md", "html"};
	char dir[] = "/tmp/tt-steer-XXXXXX", path[256], *r;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/steer.jsonl", dir);
	steer_play(path);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		r = steer_report(dir, path, formats[i]);
		if (strcmp(formats[i], "html") == 0)
			steer_untag(r);
		steer_check_text(formats[i], r);
		free(r);
	}
	r = steer_report(dir, path, "json");
	steer_check_json(r);
	free(r);
	unlink(path);
	snprintf(path, sizeof path, "%s/steer.jsonl.codes", dir);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_steered_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
