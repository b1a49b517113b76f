/*
 * End to end: telnet's line kept by the server, byte by byte over a real socket. A client that
 * ends lines in LF sees no telnet byte; one that ends them in CR LF is offered the options once;
 * one that agrees gets the editor: echo, redraw after events, CR LF, colour, its width, and JSON
 * mode gives the line back.
 */
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 10000

/* Raw bytes a client received, kept whole (the harness's lines would split them). */
struct raw {
	char buf[1 << 17];
	size_t len, seen; /* bytes read, and where the last search ended */
};

/* Read what arrives within ms milliseconds into r; false at EOF. */
static bool raw_read(struct hcl *c, struct raw *r, int ms)
{
	struct pollfd p = {c->fd, POLLIN, 0};
	ssize_t n;

	if (poll(&p, 1, ms) <= 0)
		return true;
	n = read(c->fd, r->buf + r->len, sizeof r->buf - r->len - 1);
	if (n <= 0)
		return n < 0 && errno == EINTR;
	r->len += (size_t)n;
	r->buf[r->len] = '\0';
	return true;
}

/* Where the n bytes of needle first occur after the last match, or NULL. */
static const char *raw_find(const struct raw *r, const void *needle, size_t n)
{
	for (size_t i = r->seen; i + n <= r->len; i++)
		if (memcmp(r->buf + i, needle, n) == 0)
			return r->buf + i;
	return NULL;
}

/* Await the n bytes of needle after the last match; fails the test after WAIT ms. */
static const char *raw_await(struct hcl *c, struct raw *r, const void *needle, size_t n)
{
	double end = h_now_ms() + WAIT;
	const char *p;

	while ((p = raw_find(r, needle, n)) == NULL) {
		int left = (int)(end - h_now_ms());

		if (left <= 0 || !raw_read(c, r, left)) {
			print_error("never came: %.*s\nafter: %s\n", (int)n, (const char *)needle,
			            r->buf + r->seen);
			fail();
		}
	}
	r->seen = (size_t)(p - r->buf) + n;
	return p;
}

/* Await a string after the last match. */
static const char *raw_expect(struct hcl *c, struct raw *r, const char *s)
{
	return raw_await(c, r, s, strlen(s));
}

/* Whether a 0xFF byte (IAC) is among the first n bytes. */
static bool raw_has_iac(const struct raw *r, size_t n)
{
	return memchr(r->buf, 0xff, n) != NULL;
}

/* Send bytes one at a time, as a person types them. */
static void type(struct hcl *c, const char *keys)
{
	for (size_t i = 0; keys[i] != '\0'; i++)
		h_send_raw(c, keys + i, 1);
}

/* What the server says when JSON mode gives the line back: WONT ECHO, WONT SUPPRESS-GO-AHEAD. */
static const unsigned char editor_wont[] = {255, 252, 1, 255, 252, 3};

/* Start the drill's server and connect a client to it, with nothing read yet. */
static void editor_start(struct hsrv *s, struct hcl *c, struct raw *r)
{
	memset(r, 0, sizeof *r);
	h_start(s, h_fixture("drill.lua"), NULL);
	h_connect(c, s);
}

/* A client that ends lines in LF (nc) is never sent a telnet byte, nor an escape sequence. */
static void test_lf_client(void **state)
{
	static struct raw r;
	struct hsrv s;
	struct hcl c;

	(void)state;
	editor_start(&s, &c, &r);
	h_send(&c, "login al %s", h_code(&s, "al"));
	raw_expect(&c, &r, "al> ");
	h_send(&c, "status");
	h_send(&c, "stat");
	raw_expect(&c, &r, "unknown command");
	raw_expect(&c, &r, "al> ");
	while (raw_read(&c, &r, 300) && r.len > r.seen)
		r.seen = r.len;
	assert_false(raw_has_iac(&r, r.len));
	assert_null(memchr(r.buf, 0x1b, r.len));
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* A CR LF client that answers nothing is offered the options once; its lines stay lines. */
static void test_crlf_silent(void **state)
{
	static const unsigned char offers[] = {255, 251, 1,  255, 251, 3,
	                                       255, 253, 31, 255, 253, 24};
	static struct raw r;
	struct hsrv s;
	struct hcl c;
	const char *p;
	size_t n;

	(void)state;
	editor_start(&s, &c, &r);
	raw_expect(&c, &r, "tabletop> ");
	assert_false(raw_has_iac(&r, r.len));
	h_send(&c, "login al %s\r", h_code(&s, "al"));
	raw_expect(&c, &r, "Welcome");
	p = raw_await(&c, &r, offers, sizeof offers);
	raw_expect(&c, &r, "al> ");
	type(&c, "stat"); /* line mode: the client echoes, the server does not */
	h_send_raw(&c, "us\r\n", 4);
	raw_expect(&c, &r, "No decision is awaited.");
	raw_expect(&c, &r, "al> ");
	while (raw_read(&c, &r, 300) && r.len > r.seen)
		r.seen = r.len;
	n = (size_t)(p - r.buf);
	assert_false(raw_has_iac(&r, n));
	assert_null(memchr(p + sizeof offers, 0xff, r.len - n - sizeof offers));
	assert_null(strstr(r.buf, "stat\x1b"));
	assert_null(memchr(r.buf, 0x1b, r.len));
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* A client that agrees gets the editor, its width and colours; JSON mode ends it all. */
static void test_editing_client(void **state)
{
	static const unsigned char agree[] = {255, 253, 1,   255, 253, 3,   255, 251, 31,  255, 250,
	                                      31,  0,   100, 0,   30,  255, 240, 255, 251, 24,  255,
	                                      250, 24,  0,   'X', 'T', 'E', 'R', 'M', 255, 240};
	static const unsigned char ttype_send[] = {255, 250, 24, 1, 255, 240};
	static struct raw r;
	char line[256], text[128];
	struct hsrv s;
	struct hcl c, fac;
	const char *p, *after;

	(void)state;
	memset(&r, 0, sizeof r);
	h_start(&s, h_fixture("drill.lua"), "--speed", "1", NULL); /* no inject fires by itself */
	h_join_json(&fac, &s, "facilitator");
	h_connect(&c, &s);
	h_send(&c, "login al %s Arbër\r", h_code(&s, "al"));
	raw_expect(&c, &r, "al> ");
	h_send_raw(&c, agree, sizeof agree);
	raw_await(&c, &r, ttype_send, sizeof ttype_send);
	raw_expect(&c, &r, "\ral> \x1b[K\r\x1b[4C"); /* the editor draws the prompt */
	type(&c, "stat\x1b[D\x1b[DX");
	raw_expect(&c, &r, "\ral> stXat\x1b[K\r\x1b[7C");
	h_send(&fac, "start");
	json_decref(h_expect_json(&fac, "ok", "start", WAIT));
	h_send(&fac, "fire I-02");
	json_decref(h_expect_json(&fac, "ok", "fire", WAIT));
	raw_expect(&c, &r, "\r\x1b[K");                   /* the line is cleared, */
	raw_expect(&c, &r, "\x1b[1;33mINJECT I-02");      /* the inject's header in colour, */
	raw_expect(&c, &r, "outage.\r\n");                /* CR LF line ends, */
	raw_expect(&c, &r, "\ral> stXat\x1b[K\r\x1b[7C"); /* and the line is back as it was */
	memset(text, 'w', 60);                            /* a line of 90 columns with its stamp */
	text[60] = '\0';
	h_send(&fac, "broadcast %s", text);
	json_decref(h_expect_json(&fac, "ok", "broadcast", WAIT));
	snprintf(line, sizeof line, "BROADCAST: %s\r\n", text); /* 100 columns: not wrapped */
	raw_expect(&c, &r, line);
	h_send_raw(&c, "\r", 1);
	h_send_raw(&c, "", 1); /* CR NUL: Enter */
	raw_expect(&c, &r, "\x1b[31merror: unknown command \"stxat\"");
	raw_expect(&c, &r, "al> ");
	type(&c, "mode json\r\n");
	raw_expect(&c, &r, "{\"type\":\"ok\",\"cmd\":\"mode\",\"mode\":\"json\"}\n");
	raw_await(&c, &r, editor_wont, sizeof editor_wont); /* the line goes back to the client */
	after = r.buf + r.seen;
	type(&c, "status\r\n");
	p = raw_expect(&c, &r, "{\"type\":\"ok\",\"cmd\":\"status\"");
	assert_ptr_equal(p, after); /* nothing echoed, no prompt, no escape */
	h_close(&c);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/*
 * Keys typed after `mode json` in the same packet are not lost in the editor: they start the next
 * JSON line; and a new window size after the switch draws nothing (found by fuzz_session).
 */
static void test_json_same_packet(void **state)
{
	static const unsigned char agree[] = {255, 253, 1,  255, 253, 3, 255, 251, 31,
	                                      255, 250, 31, 0,   100, 0, 30,  255, 240};
	static const unsigned char naws[] = {255, 250, 31, 0, 60, 0, 30, 255, 240};
	static struct raw r;
	struct hsrv s;
	struct hcl c;
	const char *after;

	(void)state;
	editor_start(&s, &c, &r);
	h_send(&c, "login al %s Arbër\r", h_code(&s, "al"));
	raw_expect(&c, &r, "al> ");
	h_send_raw(&c, agree, sizeof agree);
	raw_expect(&c, &r, "\ral> \x1b[K\r\x1b[4C");
	h_send_raw(&c, "mode json\r\nsta", 14);
	raw_expect(&c, &r, "\"mode\":\"json\"}\n");
	raw_await(&c, &r, editor_wont, sizeof editor_wont);
	after = r.buf + r.seen;
	h_send_raw(&c, naws, sizeof naws);
	h_send_raw(&c, "tus\r\n", 5);
	assert_ptr_equal(raw_expect(&c, &r, "{\"type\":\"ok\",\"cmd\":\"status\""), after);
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* An agreement that comes after `mode json` is withdrawn at once: JSON is never edited. */
static void test_late_agreement(void **state)
{
	static const unsigned char offers[] = {255, 251, 1,  255, 251, 3,
	                                       255, 253, 31, 255, 253, 24};
	static const unsigned char agree[] = {255, 253, 1, 255, 253, 3};
	static struct raw r;
	struct hsrv s;
	struct hcl c;
	const char *after;

	(void)state;
	editor_start(&s, &c, &r);
	h_send(&c, "help\r");
	raw_await(&c, &r, offers, sizeof offers);
	h_send(&c, "mode json\r");
	raw_expect(&c, &r, "\"mode\":\"json\"}\n");
	h_send_raw(&c, agree, sizeof agree);
	raw_await(&c, &r, editor_wont, sizeof editor_wont);
	after = r.buf + r.seen;
	type(&c, "status\r\n");
	assert_ptr_equal(raw_expect(&c, &r, "{\"type\":\"error\",\"cmd\":\"status\""), after);
	h_close(&c);
	assert_int_equal(h_stop(&s), 0);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lf_client),        cmocka_unit_test(test_crlf_silent),
	    cmocka_unit_test(test_editing_client),   cmocka_unit_test(test_late_agreement),
	    cmocka_unit_test(test_json_same_packet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
