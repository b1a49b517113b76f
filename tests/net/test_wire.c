/* End to end over TCP: every command and error code, in JSON and text mode, and telnet clients. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* Send a command and return its reply, checking that it is ok. */
static json_t *ok(struct hcl *c, const char *verb, const char *line)
{
	json_t *o;

	h_send(c, "%s", line);
	o = h_expect_json(c, "ok", verb, WAIT);
	return o;
}

/* Send a command and check that it fails with code. */
static void err(struct hcl *c, const char *line, const char *code)
{
	json_t *o;
	const char *type, *got;

	h_send(c, "%s", line);
	for (;;) {
		o = h_expect_json(c, "error", NULL, WAIT);
		type = json_string_value(json_object_get(o, "type"));
		got = json_string_value(json_object_get(o, "code"));
		assert_non_null(type);
		if (got != NULL)
			break;
		json_decref(o);
	}
	if (strcmp(got, code) != 0)
		fail_msg("'%s' failed with %s, not %s", line, got, code);
	assert_non_null(json_string_value(json_object_get(o, "message")));
	assert_non_null(json_object_get(o, "cmd"));
	json_decref(o);
}

/* Check that a JSON value is the string want. */
static void is_str(json_t *o, const char *key, const char *want)
{
	const char *v = json_string_value(json_object_get(o, key));

	if (v == NULL || strcmp(v, want) != 0)
		fail_msg("%s is %s, not %s", key, v != NULL ? v : "(none)", want);
}

/* Every team and staff command with its success and its errors, in JSON mode. */
static void test_commands_json(void **state)
{
	struct hsrv s;
	struct hcl fac, al, xk, obs, anon;
	json_t *o;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&al, &s, "al");
	h_join_json(&xk, &s, "xk");
	h_join_json(&obs, &s, "observer");

	o = ok(&al, "help", "help");
	assert_true(json_array_size(json_object_get(o, "commands")) > 5);
	json_decref(o);
	o = ok(&al, "status", "STATUS");
	is_str(o, "state", "waiting");
	json_decref(o);
	err(&al, "start", "not_allowed");
	err(&obs, "start", "not_allowed");
	err(&fac, "resume", "bad_state");
	err(&fac, "frobnicate now", "unknown_command");
	err(&al, "decide I-01 share", "unknown_inject");
	err(&fac, "pause", "bad_state");

	json_decref(ok(&fac, "start", "start"));
	o = h_expect_json(&al, "clock", NULL, WAIT);
	is_str(o, "state", "running");
	json_decref(o);
	json_decref(ok(&fac, "pause", "pause"));
	json_decref(ok(&fac, "advance", "advance 10m"));
	o = h_expect_json(&al, "inject", NULL, WAIT);
	is_str(o, "id", "I-01");
	assert_null(json_object_get(o, "notes"));
	assert_true(json_is_object(json_object_get(o, "decision")));
	json_decref(o);
	o = h_expect_json(&xk, "inject", NULL, WAIT);
	is_str(o, "id", "I-03");
	json_decref(o);
	o = ok(&al, "status", "status");
	is_str(o, "state", "paused");
	assert_int_equal(json_integer_value(json_object_get(o, "t")), 600);
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 1);
	json_decref(o);

	json_decref(ok(&al, "injects", "injects"));
	json_decref(ok(&al, "show", "show I-01"));
	err(&al, "show I-02", "unknown_inject");
	err(&al, "decide I-99 share", "unknown_inject");
	err(&xk, "decide I-03 share", "no_decision");
	err(&al, "decide I-01 nothing", "bad_option");
	err(&al, "decide I-01", "bad_args");
	json_decref(ok(&al, "decide", "decide I-01 SHARE"));
	o = h_expect_json(&fac, "decision", NULL, WAIT);
	is_str(o, "team", "al");
	is_str(o, "option", "share");
	json_decref(o);
	err(&al, "decide I-01 isolate", "already_decided");

	json_decref(ok(&fac, "fire", "fire I-01 xk"));
	o = h_expect_json(&xk, "inject", NULL, WAIT);
	is_str(o, "id", "I-01");
	json_decref(o);
	json_decref(ok(&fac, "advance", "advance 31m"));
	o = h_expect_json(&xk, "decision", NULL, WAIT);
	assert_true(json_is_true(json_object_get(o, "timeout")));
	json_decref(o);
	err(&xk, "decide I-01 share", "deadline_passed");
	err(&fac, "fire NOPE", "unknown_inject");
	err(&fac, "fire I-02 zz", "unknown_team");

	json_decref(ok(&al, "action", "action Isolated the portal"));
	o = h_expect_json(&obs, "action", NULL, WAIT);
	is_str(o, "team", "al");
	json_decref(o);
	json_decref(ok(&al, "share", "share xk IOC: 203.0.113.7"));
	o = h_expect_json(&xk, "share", NULL, WAIT);
	is_str(o, "from", "al");
	is_str(o, "text", "IOC: 203.0.113.7");
	json_decref(o);
	err(&al, "share zz hello", "unknown_team");
	json_decref(ok(&al, "say", "say team huddle"));
	json_decref(ok(&al, "rfi", "rfi Who owns the portal?"));
	o = h_expect_json(&fac, "rfi", NULL, WAIT);
	is_str(o, "text", "Who owns the portal?");
	json_decref(o);
	o = ok(&al, "who", "who");
	assert_non_null(json_object_get(o, "teams"));
	json_decref(o);

	json_decref(ok(&fac, "reply", "reply al The ministry owns it."));
	o = h_expect_json(&al, "reply", NULL, WAIT);
	is_str(o, "text", "The ministry owns it.");
	json_decref(o);
	err(&fac, "reply zz hi", "unknown_team");
	json_decref(ok(&fac, "broadcast", "broadcast Press conference at 11:00"));
	o = h_expect_json(&xk, "broadcast", NULL, WAIT);
	is_str(o, "text", "Press conference at 11:00");
	json_decref(o);
	o = ok(&fac, "score", "score al 5 early sharing");
	assert_int_equal(json_integer_value(json_object_get(o, "total")), 5);
	json_decref(o);
	err(&fac, "score al lots of", "bad_args");
	o = ok(&fac, "teams", "teams");
	assert_int_equal(json_array_size(json_object_get(o, "teams")), 2);
	json_decref(o);
	o = ok(&obs, "state", "state");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "state"), "shares")),
	                 1);
	json_decref(o);
	err(&obs, "broadcast hi", "not_allowed");
	err(&al, "broadcast hi", "not_allowed");

	json_decref(ok(&fac, "resume", "resume"));
	o = h_expect_json(&al, "clock", NULL, WAIT);
	is_str(o, "state", "running");
	json_decref(o);
	json_decref(ok(&fac, "speed", "speed 120"));
	o = h_expect_json(&al, "clock", NULL, WAIT);
	assert_int_equal(json_integer_value(json_object_get(o, "speed")), 120);
	json_decref(o);
	err(&fac, "speed fast", "bad_args");
	json_decref(ok(&fac, "endex", "endex exercise complete"));
	o = h_expect_json(&xk, "end", NULL, WAIT);
	is_str(o, "reason", "exercise complete");
	json_decref(o);
	o = ok(&al, "status", "status");
	is_str(o, "state", "ended");
	json_decref(o);

	h_connect(&anon, &s);
	h_send(&anon, "mode json");
	json_decref(h_expect_json(&anon, "ok", "mode", WAIT));
	err(&anon, "status", "not_logged_in");
	err(&anon, "login al wrong-secret", "auth_failed");
	json_decref(ok(&anon, "quit", "quit"));
	assert_true(h_wait_eof(&anon, WAIT));

	h_close(&anon);
	h_close(&fac);
	h_close(&al);
	h_close(&xk);
	h_close(&obs);
	assert_int_equal(h_stop(&s), 0);
}

/* A command's events reach its sender before the command's reply, and replies keep order. */
static void test_events_before_reply(void **state)
{
	static const char *const want[] = {"clock", "ok start", "broadcast", "ok broadcast",
	                                   "ok status"};
	struct hsrv s;
	struct hcl fac;
	const char *l;
	size_t k = 0;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), NULL);
	h_join_json(&fac, &s, "facilitator");
	h_send(&fac, "start");
	h_send(&fac, "broadcast one");
	h_send(&fac, "status");
	while (k < sizeof want / sizeof want[0] && (l = h_line(&fac, WAIT)) != NULL) {
		json_t *o = json_loads(l, 0, NULL);
		const char *type = json_string_value(json_object_get(o, "type"));
		const char *cmd = json_string_value(json_object_get(o, "cmd"));
		char got[64];

		assert_non_null(type);
		snprintf(got, sizeof got, "%s%s%s", type, cmd != NULL ? " " : "",
		         cmd != NULL ? cmd : "");
		if (strcmp(got, want[k]) != 0)
			fail_msg("line %zu is %s, expected %s", k, got, want[k]);
		k++;
		json_decref(o);
	}
	assert_int_equal(k, sizeof want / sizeof want[0]);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* Text mode: banner, prompts by role, readable events, CRLF, and Albanian text intact. */
static void test_text_mode(void **state)
{
	struct hsrv s;
	struct hcl fac, al;
	const char *l;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), NULL);
	h_connect(&al, &s);
	l = h_expect(&al, "Ushtrim", WAIT);
	assert_non_null(strstr(l, "Tirana"));
	h_expect(&al, "EXERCISE EXERCISE EXERCISE", WAIT);
	h_send_raw(&al, "status\r\n", 8);
	l = h_expect(&al, "error", WAIT);
	assert_non_null(strstr(l, "tabletop> "));
	assert_non_null(strstr(l, "log in first"));
	assert_null(strstr(l, "not_logged_in")); /* codes are for JSON, not for people */
	h_send(&al, "login al %s Arbër Çela\r", h_code(&s, "al"));
	h_expect(&al, "Welcome, Arbër Çela", WAIT);
	h_send(&al, "status");
	l = h_expect(&al, "waiting", WAIT);
	assert_non_null(strstr(l, "al> "));

	h_join_text(&fac, &s, "facilitator");
	h_expect(&fac, "Welcome", WAIT);
	h_send(&fac, "start");
	h_send(&fac, "advance 10m");
	l = h_expect(&al, "Shpërblesë në portalin e-Albania", WAIT);
	h_expect(&al, "Portali është jashtë funksionit. Çfarë bëni?", WAIT);
	h_expect(&al, "decide I-01 isolate", WAIT);
	h_send(&al, "share all Treguesit: domain.example, ë ç");
	h_expect(&fac, "Treguesit: domain.example, ë ç", WAIT);
	h_send(&fac, "reply al faleminderit");
	l = h_expect(&al, "faleminderit", WAIT);
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* Telnet clients: options are refused, subnegotiations skipped, nothing else is echoed back. */
static void test_telnet_negotiation(void **state)
{
	static const unsigned char neg[] = {255, 253, 1,   255, 253, 3,   255, 251, 24, 255,
	                                    251, 31,  255, 250, 31,  0,   80,  0,   24, 255,
	                                    240, 255, 252, 1,   255, 254, 5,   255, 241};
	static const unsigned char want[] = {255, 252, 1, 255, 252, 3, 255, 254, 24, 255, 254, 31};
	struct hsrv s;
	struct hcl c;
	unsigned char got[sizeof want];
	size_t n = 0;
	const char *l;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), NULL);
	h_connect(&c, &s);
	h_expect(&c, "EXERCISE EXERCISE EXERCISE", WAIT);
	h_send_raw(&c, neg, sizeof neg);
	h_send_raw(&c, "help\r\n", 6);
	/* the refusals come back, and nothing else of the negotiation */
	while ((l = h_line(&c, WAIT)) != NULL && strstr(l, "Commands") == NULL)
		for (const char *p = l; *p != '\0'; p++)
			if ((unsigned char)*p == 255 && p[1] != '\0' && p[2] != '\0' &&
			    n + 3 <= sizeof got) {
				memcpy(got + n, p, 3);
				n += 3;
				p += 2;
			}
	assert_non_null(l);
	assert_int_equal(n, sizeof want);
	assert_memory_equal(got, want, sizeof want);
	h_send_raw(&c, "login al ", 9);
	h_send(&c, "%s\r", h_code(&s, "al"));
	h_expect(&c, "Welcome", WAIT);
	h_send_raw(&c, "say x\xff\xffy\r\n", 11);
	l = h_expect(&c, "not valid UTF-8", WAIT);
	while ((l = h_line(&c, 200)) != NULL)
		for (const char *p = l; *p != '\0'; p++)
			assert_int_not_equal((unsigned char)*p, 255);
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_commands_json),
	    cmocka_unit_test(test_events_before_reply),
	    cmocka_unit_test(test_text_mode),
	    cmocka_unit_test(test_telnet_negotiation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
