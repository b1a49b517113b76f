/* End to end: the web console's JSON API and event stream over real sockets (CONTRACT 6). */
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
#include "http.h"

#define WAIT 5000

/* The string field key of a JSON text, or "" (in a static buffer). */
static const char *field(const char *json, const char *key)
{
	static char out[256];
	json_t *o = json_loads(json, 0, NULL);
	const char *v = json_string_value(json_object_get(o, key));

	snprintf(out, sizeof out, "%s", v != NULL ? v : "");
	json_decref(o);
	return out;
}

/* Login: a wrong code is 401 auth_failed without a cookie; the right one is the login reply and
 * an HttpOnly, SameSite=Strict session cookie of 128 bits. */
static void test_login(void **state)
{
	struct hsrv s;
	struct hres *r = malloc(sizeof *r);
	int port;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--http", "127.0.0.1:0", "--no-console", NULL);
	port = http_port(&s);
	assert_int_equal(http_login(&s, port, "al", "Arta", r), 200);
	assert_string_equal(r->body,
	                    "{\"type\":\"ok\",\"cmd\":\"login\",\"role\":\"team\",\"team\":\"al\","
	                    "\"name\":\"Arta\",\"pending\":[]}\n");
	assert_int_equal(strlen(r->cookie), strlen("tabletop=") + 32);
	assert_non_null(strstr(r->head, "HttpOnly"));
	assert_non_null(strstr(r->head, "SameSite=Strict"));
	assert_null(strstr(r->head, "Secure"));
	assert_int_equal(
	    http_req(port, "POST", "/api/login", NULL, "{\"id\":\"al\",\"secret\":\"WRONG\"}", r),
	    401);
	assert_string_equal(field(r->body, "code"), "auth_failed");
	assert_string_equal(r->cookie, "");
	assert_int_equal(http_req(port, "POST", "/api/login", NULL, "not json", r), 400);
	assert_string_equal(field(r->body, "code"), "bad_args");
	assert_int_equal(h_stop(&s), 0);
	free(r);
}

/* A command's reply is byte for byte what a JSON connection gets; the role's permissions hold;
 * without a session: 401; from another site: 403. */
static void test_command(void **state)
{
	struct hsrv s;
	struct hres *r = malloc(sizeof *r);
	struct hcl tcp;
	char fac[64], obs[64];
	const char *l;
	int port;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--http", "127.0.0.1:0", "--no-console", NULL);
	port = http_port(&s);
	assert_int_equal(http_cmd(port, "tabletop=00000000000000000000000000000000", "status", r),
	                 401);
	assert_string_equal(field(r->body, "code"), "not_logged_in");
	assert_int_equal(http_login(&s, port, "facilitator", "Ana", r), 200);
	strcpy(fac, r->cookie);
	assert_int_equal(http_login(&s, port, "observer", "Olsi", r), 200);
	strcpy(obs, r->cookie);
	h_join_json(&tcp, &s, "facilitator");
	assert_int_equal(http_cmd(port, fac, "teams", r), 200);
	h_send(&tcp, "teams");
	l = h_expect(&tcp, "\"cmd\":\"teams\"", WAIT);
	assert_int_equal(strncmp(r->body, l, strlen(l)), 0);
	assert_string_equal(r->body + strlen(l), "\n");
	assert_int_equal(http_cmd(port, obs, "start", r), 200);
	assert_string_equal(field(r->body, "code"), "not_allowed");
	assert_int_equal(http_cmd(port, fac, "start", r), 200);
	assert_string_equal(field(r->body, "type"), "ok");
	h_expect(&tcp, "\"type\":\"clock\"", WAIT);
	assert_int_equal(http_req(port, "POST", "/api/command", "Origin: http://evil.example\r\n",
	                          "{\"line\":\"pause\"}", r),
	                 403);
	{
		char extra[160];

		snprintf(extra, sizeof extra, "Cookie: %s\r\nOrigin: http://evil.example\r\n", fac);
		assert_int_equal(
		    http_req(port, "POST", "/api/command", extra, "{\"line\":\"pause\"}", r), 403);
		snprintf(extra, sizeof extra, "Cookie: %s\r\nOrigin: http://127.0.0.1:%d\r\n", fac,
		         port);
		assert_int_equal(
		    http_req(port, "POST", "/api/command", extra, "{\"line\":\"pause\"}", r), 200);
		assert_string_equal(field(r->body, "cmd"), "pause");
	}
	assert_int_equal(http_cmd(port, fac, "say two\nlines", r), 200);
	assert_string_equal(field(r->body, "code"), "bad_args");
	h_close(&tcp);
	assert_int_equal(h_stop(&s), 0);
	free(r);
}

/* The stream starts with a role-filtered snapshot, then carries each event as the same bytes a
 * JSON connection of that role gets, each with an id. */
static void test_events(void **state)
{
	struct hsrv s;
	struct hres *r = malloc(sizeof *r);
	struct hcl team, staff, tcp;
	char fac[64], al[64], line[4096];
	const char *d;
	unsigned long id, id2;
	int port;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--http", "127.0.0.1:0", "--no-console", NULL);
	port = http_port(&s);
	assert_int_equal(http_login(&s, port, "facilitator", "Ana", r), 200);
	strcpy(fac, r->cookie);
	assert_int_equal(http_login(&s, port, "al", "Arta", r), 200);
	strcpy(al, r->cookie);
	h_join_json(&tcp, &s, "al");
	http_events(&team, port, al, NULL);
	http_events(&staff, port, fac, NULL);
	d = http_data(&team, &id, WAIT);
	assert_string_equal(field(d, "type"), "snapshot");
	assert_string_equal(field(d, "role"), "team");
	assert_null(strstr(d, "\"state\":{"));
	assert_null(strstr(d, "\"rfis\""));
	d = http_data(&staff, &id2, WAIT);
	assert_string_equal(field(d, "type"), "snapshot");
	assert_non_null(strstr(d, "\"rfis\":[]"));
	assert_non_null(strstr(d, "\"state\":{"));
	assert_int_equal(id, id2);
	assert_int_equal(http_cmd(port, fac, "start", r), 200);
	assert_int_equal(http_cmd(port, fac, "fire I-02 al", r), 200);
	d = http_data(&team, &id2, WAIT);
	assert_string_equal(field(d, "type"), "clock");
	assert_true(id2 > id);
	d = http_data(&team, &id, WAIT);
	assert_string_equal(field(d, "type"), "inject");
	assert_true(id > id2);
	snprintf(line, sizeof line, "%s", d);
	h_expect(&tcp, "\"type\":\"clock\"", WAIT);
	assert_string_equal(h_expect(&tcp, "\"type\":\"inject\"", WAIT), line);
	assert_int_equal(http_cmd(port, al, "rfi <script>alert(1)</script>", r), 200);
	d = http_data(&staff, &id, WAIT);
	assert_string_equal(field(d, "type"), "clock");
	d = http_data(&staff, &id, WAIT);
	assert_string_equal(field(d, "type"), "inject");
	d = http_data(&staff, &id, WAIT);
	assert_string_equal(field(d, "type"), "rfi");
	assert_string_equal(field(d, "text"), "<script>alert(1)</script>");
	assert_true(h_quiet(&team, "\"type\":\"rfi\"", 300));
	assert_int_equal(h_stop(&s), 0); /* with the streams open: they end cleanly */
	h_close(&team);
	h_close(&staff);
	h_close(&tcp);
	free(r);
}

/* A stream that reconnects with Last-Event-ID gets what it missed, nothing twice; an id the ring
 * no longer holds (or never held) gets a new snapshot. Logging out ends the session. */
static void test_resume(void **state)
{
	struct hsrv s;
	struct hres *r = malloc(sizeof *r);
	struct hcl st;
	char fac[64], last[32];
	const char *d;
	unsigned long id, first;
	int port;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--http", "127.0.0.1:0", "--no-console", NULL);
	port = http_port(&s);
	assert_int_equal(http_login(&s, port, "facilitator", "Ana", r), 200);
	strcpy(fac, r->cookie);
	http_events(&st, port, fac, NULL);
	assert_string_equal(field(http_data(&st, &id, WAIT), "type"), "snapshot");
	assert_int_equal(http_cmd(port, fac, "broadcast one", r), 200);
	assert_string_equal(field(http_data(&st, &first, WAIT), "text"), "one");
	h_close(&st);
	assert_int_equal(http_cmd(port, fac, "broadcast two", r), 200);
	assert_int_equal(http_cmd(port, fac, "broadcast three", r), 200);
	snprintf(last, sizeof last, "%lu", first);
	http_events(&st, port, fac, last);
	d = http_data(&st, &id, WAIT);
	assert_string_equal(field(d, "text"), "two");
	assert_int_equal(id, first + 1);
	d = http_data(&st, &id, WAIT);
	assert_string_equal(field(d, "text"), "three");
	assert_int_equal(id, first + 2);
	assert_int_equal(http_cmd(port, fac, "broadcast four", r), 200);
	d = http_data(&st, &id, WAIT);
	assert_string_equal(field(d, "text"), "four");
	h_close(&st);
	http_events(&st, port, fac, "999999");
	assert_string_equal(field(http_data(&st, &id, WAIT), "type"), "snapshot");
	assert_int_equal(id, first + 3);
	assert_int_equal(http_req(port, "POST", "/api/logout", NULL, NULL, r), 200);
	{
		char extra[128];

		snprintf(extra, sizeof extra, "Cookie: %s\r\n", fac);
		assert_int_equal(http_req(port, "POST", "/api/logout", extra, NULL, r), 200);
	}
	assert_true(h_wait_eof(&st, WAIT)); /* the logout ended the session's stream */
	h_close(&st);
	assert_int_equal(http_cmd(port, fac, "status", r), 401);
	assert_int_equal(h_stop(&s), 0);
	free(r);
}

/* After --resume, the staff's snapshot holds the RFIs (answered or not), the sharing matrix, the
 * script errors and the feed of the run before the restart, rebuilt from the journal. */
static void test_resume_log(void **state)
{
	struct hsrv s;
	struct hres *r = malloc(sizeof *r);
	struct hcl st;
	char journal[64], codes[80], fac[64], al[64];
	json_t *snap, *rfis;
	char *feed;
	const char *p;
	unsigned long id;
	int port;

	(void)state;
	snprintf(journal, sizeof journal, "/tmp/tabletop-weblog-%d.jsonl", (int)getpid());
	snprintf(codes, sizeof codes, "%s.codes", journal);
	unlink(journal);
	unlink(codes);
	h_start(&s, h_fixture("drill.lua"), "--journal", journal, "--http", "127.0.0.1:0",
	        "--no-console", NULL);
	port = http_port(&s);
	assert_int_equal(http_login(&s, port, "facilitator", "Ana", r), 200);
	strcpy(fac, r->cookie);
	assert_int_equal(http_login(&s, port, "al", "Arta", r), 200);
	strcpy(al, r->cookie);
	assert_int_equal(http_cmd(port, fac, "start", r), 200);
	assert_int_equal(http_cmd(port, al, "rfi Which IPs?", r), 200);
	assert_int_equal(http_cmd(port, al, "rfi Who calls the press?", r), 200);
	assert_int_equal(http_cmd(port, al, "share xk 203.0.113.7 is the C2", r), 200);
	assert_int_equal(http_cmd(port, fac, "reply al Those in the alert", r), 200);
	assert_int_equal(h_stop(&s), 0);

	h_start(&s, h_fixture("drill.lua"), "--journal", journal, "--resume", "--http",
	        "127.0.0.1:0", "--no-console", NULL);
	port = http_port(&s);
	assert_int_equal(http_login(&s, port, "facilitator", "Ana", r), 200);
	strcpy(fac, r->cookie);
	http_events(&st, port, fac, NULL);
	snap = json_loads(http_data(&st, &id, WAIT), 0, NULL);
	assert_non_null(snap);
	rfis = json_object_get(snap, "rfis");
	assert_int_equal(json_array_size(rfis), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(rfis, 0), "text")),
	                    "Which IPs?");
	assert_true(json_is_true(json_object_get(json_array_get(rfis, 0), "answered")));
	assert_string_equal(json_string_value(json_object_get(json_array_get(rfis, 0), "reply")),
	                    "Those in the alert");
	assert_true(json_is_false(json_object_get(json_array_get(rfis, 1), "answered")));
	assert_int_equal(json_integer_value(json_object_get(
	                     json_object_get(json_object_get(snap, "shares"), "al"), "xk")),
	                 1);
	feed = json_dumps(json_object_get(snap, "feed"), JSON_COMPACT);
	p = strstr(feed, "\"type\":\"rfi\"");
	assert_non_null(p);
	p = strstr(p, "\"type\":\"share\"");
	assert_non_null(p);
	assert_non_null(strstr(p, "\"type\":\"reply\""));
	free(feed);
	json_decref(snap);
	h_close(&st);
	assert_int_equal(h_stop(&s), 0);
	unlink(journal);
	unlink(codes);
	free(r);
}

/*
 * Failed logins are counted with TCP's, per address and per id: past --login-failures, the next
 * attempt (even with the right code) waits, answered 429; oversized requests refused.
 */
static void test_limits(void **state)
{
	struct hsrv s;
	struct hres *r = malloc(sizeof *r);
	char *big = malloc(70000);
	struct hcl tcp;
	int port, st;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--http", "127.0.0.1:0", "--no-console",
	        "--login-failures", "2", NULL);
	port = http_port(&s);
	for (int i = 0; i < 3; i++) /* two free, and one that takes its turn */
		assert_int_equal(http_req(port, "POST", "/api/login", NULL,
		                          "{\"id\":\"al\",\"secret\":\"WRONG\"}", r),
		                 401);
	st = http_login(&s, port, "al", "Arta", r);
	assert_int_equal(st, 429);
	assert_string_equal(field(r->body, "code"), "rate_limited");
	assert_int_equal(h_stop(&s), 0);
	/* failures over TCP count for the web console too */
	h_start(&s, h_fixture("drill.lua"), "--http", "127.0.0.1:0", "--no-console",
	        "--login-failures", "1", NULL);
	port = http_port(&s);
	h_connect(&tcp, &s);
	h_send(&tcp, "login xk WRONG");
	h_expect(&tcp, "wrong", WAIT);
	assert_int_equal(
	    http_req(port, "POST", "/api/login", NULL, "{\"id\":\"xk\",\"secret\":\"WRONG\"}", r),
	    401);
	assert_int_equal(http_login(&s, port, "xk", "Besa", r), 429); /* 2 failures, not 1 */
	h_close(&tcp);
	memset(big, 'x', 69999);
	big[69999] = '\0';
	memcpy(big, "{\"line\":\"", 9);
	assert_int_equal(http_req(port, "POST", "/api/login", NULL, big, r), 413);
	assert_int_equal(http_req(port, "GET", "/api/nothing", NULL, NULL, r), 404);
	assert_int_equal(http_req(port, "GET", "/", NULL, NULL, r), 200);
	assert_non_null(strstr(r->head, "Content-Security-Policy: default-src 'none'; script-src "
	                                "'self'"));
	assert_int_equal(http_req(port, "GET", "/static/app.js", NULL, NULL, r), 200);
	assert_non_null(strstr(r->head, "text/javascript"));
	assert_int_equal(h_stop(&s), 0);
	/* a client that sends half a request is closed after --idle-timeout (30 s at most) */
	h_start(&s, h_fixture("drill.lua"), "--http", "127.0.0.1:0", "--no-console",
	        "--idle-timeout", "1", NULL);
	{
		struct hcl slow;
		const char *half = "GET / HTTP/1.1\r\nHost: x";
		double t0;

		h_connect_port(&slow, http_port(&s));
		t0 = h_now_ms();
		h_send_raw(&slow, half, strlen(half));
		assert_true(h_wait_eof(&slow, 4000));
		assert_true(h_now_ms() - t0 > 500); /* the timeout, not a refusal */
		h_close(&slow);
	}
	assert_int_equal(h_stop(&s), 0);
	free(big);
	free(r);
}

/* --https serves the console over TLS with the certificate of --tls-cert; its cookie is Secure.
 * --https without a certificate, or a bad --http address, is a usage error. */
static void test_https(void **state)
{
	const struct htls *t = h_tls();
	struct hsrv s;
	struct hcl c;
	char req[512], err[4096];
	const char *p;

	(void)state;
	h_start(&s, h_fixture("drill.lua"), "--https", "127.0.0.1:0", "--tls-cert", t->cert,
	        "--tls-key", t->key, "--no-console", NULL);
	p = strstr(s.stdout_text, "web console on https://127.0.0.1:");
	assert_non_null(p);
	s.tls_port = atoi(p + strlen("web console on https://127.0.0.1:"));
	h_connect_tls(&c, &s, t->cert);
	snprintf(req, sizeof req, "{\"id\":\"facilitator\",\"secret\":\"%s\"}",
	         h_code(&s, "facilitator"));
	h_send(&c, "POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: %zu\r\n\r\n%s",
	       strlen(req), req);
	h_expect(&c, "HTTP/1.1 200", WAIT);
	p = h_expect(&c, "Set-Cookie: tabletop=", WAIT);
	assert_non_null(strstr(p, "; Secure"));
	assert_non_null(strstr(p, "HttpOnly"));
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
	assert_int_equal(
	    h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--https", "127.0.0.1:0", NULL),
	    2);
	assert_non_null(strstr(err, "--https needs --tls-cert"));
	assert_int_equal(
	    h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--http", "8080", NULL), 2);
	assert_non_null(strstr(err, "ADDR:PORT"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_login),      cmocka_unit_test(test_command),
	    cmocka_unit_test(test_events),     cmocka_unit_test(test_resume),
	    cmocka_unit_test(test_resume_log), cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_https),
	};

	return cmocka_run_group_tests(tests, h_tls_group_setup, h_tls_group_teardown);
}
