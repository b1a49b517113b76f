/*
 * End to end over TCP: a scenario in English and Albanian. Two teams read it in different
 * languages, the facilitators read every language, and check fails on a missing translation.
 */
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

/* A fixture of tests/lua/fixtures (static buffer). */
static const char *fixture(const char *name)
{
	static char path[1024];

	snprintf(path, sizeof path, "%s/tests/lua/fixtures/%s",
	         getenv("SRCDIR") != NULL ? getenv("SRCDIR") : ".", name);
	return path;
}

/* The string at o.k1 (or o.k1.k2), or "" when there is none. */
static const char *str(const json_t *o, const char *k1, const char *k2)
{
	const json_t *v = json_object_get(o, k1);
	const char *s = json_string_value(k2 != NULL ? json_object_get(v, k2) : v);

	return s != NULL ? s : "";
}

/* Connect in JSON mode, choose a language (NULL: keep the default) and log in as id. */
static void join(struct hcl *c, const struct hsrv *s, const char *lang, const char *id)
{
	json_t *o;

	h_connect(c, s);
	h_send(c, "mode json");
	json_decref(h_expect_json(c, "ok", "mode", WAIT));
	if (lang != NULL) {
		h_send(c, "lang %s", lang);
		o = h_expect_json(c, "ok", "lang", WAIT);
		assert_string_equal(str(o, "lang", NULL), lang);
		json_decref(o);
	}
	h_send(c, "login %s %s", id, h_code(s, id));
	json_decref(h_expect_json(c, "ok", "login", WAIT));
}

/* Team al reads Albanian, team xk English, the facilitator both: in JSON and in text. */
static void test_two_languages(void **state)
{
	struct hsrv s;
	struct hcl al, xk, fac, text, alt;
	json_t *o, *sq;

	(void)state;
	h_start(&s, fixture("i18n.lua"), NULL);
	join(&al, &s, "sq", "al");
	join(&xk, &s, NULL, "xk");
	join(&fac, &s, NULL, "facilitator");
	h_connect(&text, &s);
	h_expect(&text, "EXERCISE EXERCISE EXERCISE", WAIT);
	h_send(&text, "login facilitator %s", h_code(&s, "facilitator"));
	h_expect(&text, "Welcome", WAIT);
	h_connect(&alt, &s);
	h_expect(&alt, "EXERCISE EXERCISE EXERCISE", WAIT);
	h_send(&alt, "LANG SQ");
	h_expect(&alt, "Language set to sq", WAIT);
	h_send(&alt, "login al %s", h_code(&s, "al"));
	h_expect(&alt, "AKCESK (Shqipëri)", WAIT);

	h_send(&fac, "start");
	json_decref(h_expect_json(&fac, "ok", "start", WAIT));
	o = h_expect_json(&al, "phase", NULL, WAIT);
	assert_string_equal(str(o, "name", NULL), "Lëvizja 1: zbulimi");
	assert_null(json_object_get(o, "i18n"));
	json_decref(o);
	o = h_expect_json(&xk, "phase", NULL, WAIT);
	assert_string_equal(str(o, "name", NULL), "Move 1: detection");
	json_decref(o);
	h_send(&fac, "advance 10m");

	o = h_expect_json(&al, "inject", NULL, WAIT);
	assert_string_equal(str(o, "subject", NULL), "Shënim shpërblese në portal");
	assert_string_equal(str(o, "from", NULL), "Ministria e Financave");
	assert_string_equal(str(o, "channel", NULL), "email");
	assert_string_equal(str(o, "decision", "prompt"), "Çfarë bëni së pari?");
	assert_null(json_object_get(o, "notes"));
	assert_null(json_object_get(o, "i18n"));
	json_decref(o);
	o = h_expect_json(&xk, "inject", NULL, WAIT);
	assert_string_equal(str(o, "subject", NULL), "Ransom note on the portal");
	assert_string_equal(str(o, "decision", "prompt"), "What do you do first?");
	assert_null(json_object_get(o, "i18n"));
	json_decref(o);
	o = h_expect_json(&fac, "inject", NULL, WAIT);
	assert_string_equal(str(o, "subject", NULL), "Ransom note on the portal");
	assert_string_equal(str(o, "notes", NULL), "The note is fake");
	sq = json_object_get(json_object_get(o, "i18n"), "sq");
	assert_string_equal(str(sq, "subject", NULL), "Shënim shpërblese në portal");
	assert_string_equal(str(sq, "notes", NULL), "Shënimi është i rremë");
	assert_string_equal(str(sq, "decision", "prompt"), "Çfarë bëni së pari?");
	json_decref(o);
	json_decref(h_expect_json(&fac, "ok", "advance", WAIT));

	h_expect(&text, "Subject: Ransom note on the portal", WAIT);
	h_expect(&text, "-- [sq] ---", WAIT);
	h_expect(&text, "Subject: Shënim shpërblese në portal", WAIT);
	h_expect(&text, "Notes (white cell only): Shënimi është i rremë", WAIT);
	h_expect(&alt, "Subject: Shënim shpërblese në portal", WAIT);
	assert_true(h_quiet(&alt, "Ransom note", 200));

	h_send(&al, "decide I-01 share");
	json_decref(h_expect_json(&al, "ok", "decide", WAIT));
	h_send(&al, "status");
	o = h_expect_json(&al, "ok", "status", WAIT);
	assert_string_equal(str(o, "title", NULL), "Ushtrim portali");
	assert_string_equal(str(o, "phase", NULL), "Lëvizja 1: zbulimi");
	json_decref(o);
	h_send(&xk, "lang sq");
	json_decref(h_expect_json(&xk, "ok", "lang", WAIT));
	h_send(&xk, "show I-01");
	o = h_expect_json(&xk, "ok", "show", WAIT);
	assert_string_equal(str(json_object_get(o, "inject"), "subject", NULL),
	                    "Shënim shpërblese në portal");
	json_decref(o);
	h_send(&xk, "lang fr");
	o = h_expect_json(&xk, "error", "lang", WAIT);
	assert_string_equal(str(o, "code", NULL), "bad_args");
	assert_non_null(strstr(str(o, "message", NULL), "en, sq"));
	json_decref(o);

	h_close(&al);
	h_close(&xk);
	h_close(&fac);
	h_close(&text);
	h_close(&alt);
	assert_int_equal(h_stop(&s), 0);
}

/* check fails on a missing translation, which run and simulate still play. */
static void test_check_missing(void **state)
{
	char err[4096];

	(void)state;
	assert_int_equal(h_run(err, sizeof err, "check", fixture("i18n.lua"), NULL), 0);
	assert_int_equal(h_run(err, sizeof err, "check", fixture("i18n-missing.lua"), NULL), 1);
	assert_int_equal(h_run(err, sizeof err, "simulate", fixture("i18n-missing.lua"), NULL), 0);
	assert_non_null(strstr(err, "i18n-missing.lua: 4 texts lack a translation"));
	/* run says so too (192.0.2.1 is not this machine's, so it stops after loading) */
	assert_int_equal(h_run(err, sizeof err, "run", fixture("i18n-missing.lua"), "--listen",
	                       "192.0.2.1:7300", "--no-console", NULL),
	                 1);
	assert_non_null(strstr(err, "i18n-missing.lua: 4 texts lack a translation"));
	assert_int_equal(h_run(err, sizeof err, "check", fixture("i18n-bad.lua"), NULL), 1);
}

/* Run this file's tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_two_languages),
	    cmocka_unit_test(test_check_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
