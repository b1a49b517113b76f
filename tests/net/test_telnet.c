/* Unit tests of the telnet decoder and the UTF-8 check of input lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/utf8.h"
#include "net/telnet.h"

/* What the decoder produced: data bytes and bytes to send back. */
struct sink {
	unsigned char data[1024];
	size_t n_data;
	unsigned char sent[1024];
	size_t n_sent;
	int data_calls;
};

/* Collect data bytes. */
static void sink_data(void *ctx, const unsigned char *p, size_t n)
{
	struct sink *s = ctx;

	assert_true(s->n_data + n <= sizeof s->data);
	memcpy(s->data + s->n_data, p, n);
	s->n_data += n;
	s->data_calls++;
}

/* Collect replies. */
static void sink_send(void *ctx, const unsigned char *p, size_t n)
{
	struct sink *s = ctx;

	assert_true(s->n_sent + n <= sizeof s->sent);
	memcpy(s->sent + s->n_sent, p, n);
	s->n_sent += n;
}

/* Decode in whole, then byte by byte, and check both give the expected data and replies. */
static void check(const unsigned char *in, size_t n, const char *data, size_t n_data,
                  const unsigned char *sent, size_t n_sent)
{
	for (int bytewise = 0; bytewise < 2; bytewise++) {
		struct sink s = {0};
		struct telnet t;

		telnet_init(&t, sink_data, sink_send, &s);
		if (bytewise) {
			for (size_t i = 0; i < n; i++)
				telnet_feed(&t, in + i, 1);
		} else {
			telnet_feed(&t, in, n);
		}
		assert_int_equal(s.n_data, n_data);
		assert_memory_equal(s.data, data, n_data);
		assert_int_equal(s.n_sent, n_sent);
		if (n_sent > 0)
			assert_memory_equal(s.sent, sent, n_sent);
	}
}

/* Plain text and LF pass through untouched. */
static void test_plain(void **state)
{
	static const unsigned char in[] = "status\nwho\n";

	(void)state;
	check(in, sizeof in - 1, "status\nwho\n", 11, NULL, 0);
}

/* CR LF and a lone CR end a line; CR NUL is a carriage return in the data. */
static void test_cr(void **state)
{
	static const unsigned char crlf[] = "a\r\nb\r\n";
	static const unsigned char lone[] = {'a', '\r', 'b', '\r', '\r', 'c'};
	static const unsigned char crnul[] = {'a', '\r', 0, 'b', '\r', '\n'};

	(void)state;
	check(crlf, sizeof crlf - 1, "a\nb\n", 4, NULL, 0);
	check(lone, sizeof lone, "a\nb\n\nc", 6, NULL, 0);
	check(crnul, sizeof crnul, "a\rb\n", 4, NULL, 0);
}

/* A CR at the end of the input waits for the next byte before it ends the line. */
static void test_cr_pending(void **state)
{
	struct sink s = {0};
	struct telnet t;

	(void)state;
	telnet_init(&t, sink_data, sink_send, &s);
	telnet_feed(&t, (const unsigned char *)"go\r", 3);
	assert_int_equal(s.n_data, 2);
	telnet_feed(&t, (const unsigned char *)"\n", 1);
	assert_int_equal(s.n_data, 3);
	assert_memory_equal(s.data, "go\n", 3);
}

/* IAC IAC is one 0xFF data byte. */
static void test_iac_escape(void **state)
{
	static const unsigned char in[] = {'x', 255, 255, 'y'};
	static const char out[] = {'x', (char)255, 'y'};

	(void)state;
	check(in, sizeof in, out, sizeof out, NULL, 0);
}

/* WILL is refused with DONT, DO with WONT; the data around them is intact. */
static void test_refuse(void **state)
{
	static const unsigned char in[] = {'a', 255, 251, 1, 'b', 255, 253, 3, 'c', 255, 253, 24};
	static const unsigned char sent[] = {255, 254, 1, 255, 252, 3, 255, 252, 24};

	(void)state;
	check(in, sizeof in, "abc", 3, sent, sizeof sent);
}

/* WONT and DONT are never answered (no negotiation loops). */
static void test_no_reply_to_refusal(void **state)
{
	static const unsigned char in[] = {255, 252, 1, 'o', 255, 254, 31, 'k'};

	(void)state;
	check(in, sizeof in, "ok", 2, NULL, 0);
}

/* A subnegotiation is skipped entirely, escaped IACs inside included. */
static void test_subnegotiation(void **state)
{
	static const unsigned char in[] = {'h', 255, 250, 31,  0,   80,  255,
	                                   255, 24,  255, 240, 'i', '\n'};

	(void)state;
	check(in, sizeof in, "hi\n", 3, NULL, 0);
}

/* Commands without an option (NOP, GA, AYT, IP) and a stray SE are dropped. */
static void test_simple_commands(void **state)
{
	static const unsigned char in[] = {'a', 255, 241, 'b', 255, 249, 255,
	                                   246, 255, 244, 255, 240, 'c'};

	(void)state;
	check(in, sizeof in, "abc", 3, NULL, 0);
}

/* A subnegotiation that never ends is given up after TELNET_SB_MAX bytes. */
static void test_subnegotiation_bound(void **state)
{
	unsigned char in[TELNET_SB_MAX + 16];
	struct sink s = {0};
	struct telnet t;

	(void)state;
	memset(in, 'z', sizeof in);
	in[0] = 255;
	in[1] = 250;
	telnet_init(&t, sink_data, sink_send, &s);
	telnet_feed(&t, in, sizeof in);
	assert_true(s.n_data > 0);
	assert_true(s.n_data < 16);
	assert_int_equal(t.state, TELNET_DATA);
}

/* IAC followed by a command inside a subnegotiation ends it and runs the command. */
static void test_broken_subnegotiation(void **state)
{
	static const unsigned char in[] = {255, 250, 24, 1, 255, 253, 5, 'o', 'k'};
	static const unsigned char sent[] = {255, 252, 5};

	(void)state;
	check(in, sizeof in, "ok", 2, sent, sizeof sent);
}

/* A typical telnet client opening: negotiation then a command, split anywhere. */
static void test_client_opening(void **state)
{
	static const unsigned char in[] = {255, 253, 3,   255, 251, 24,  255,  251,
	                                   31,  255, 250, 31,  0,   80,  0,    24,
	                                   255, 240, 'h', 'e', 'l', 'p', '\r', '\n'};
	static const unsigned char sent[] = {255, 252, 3, 255, 254, 24, 255, 254, 31};

	(void)state;
	check(in, sizeof in, "help\n", 5, sent, sizeof sent);
}

/* Runs of plain data are handed over in one call. */
static void test_runs(void **state)
{
	struct sink s = {0};
	struct telnet t;

	(void)state;
	telnet_init(&t, sink_data, sink_send, &s);
	telnet_feed(&t, (const unsigned char *)"broadcast hello world", 21);
	assert_int_equal(s.data_calls, 1);
}

/* UTF-8: Albanian text, emoji and ASCII are valid; broken sequences are not. */
static void test_utf8(void **state)
{
	(void)state;
	assert_true(utf8_valid("Përshëndetje, çështje", strlen("Përshëndetje, çështje")));
	assert_true(utf8_valid("\xF0\x9F\x94\x92 lock", 9));
	assert_true(utf8_valid("", 0));
	assert_false(utf8_valid("\xC3", 1));             /* truncated */
	assert_false(utf8_valid("\xC3\x28", 2));         /* bad continuation */
	assert_false(utf8_valid("\xC0\xAF", 2));         /* overlong */
	assert_false(utf8_valid("\xE0\x80\xAF", 3));     /* overlong */
	assert_false(utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
	assert_false(utf8_valid("\xF4\x90\x80\x80", 4)); /* above U+10FFFF */
	assert_false(utf8_valid("\xFF", 1));
	assert_false(utf8_valid("a\0b", 3)); /* NUL */
	assert_false(utf8_valid("\x80", 1));
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),
	    cmocka_unit_test(test_cr),
	    cmocka_unit_test(test_cr_pending),
	    cmocka_unit_test(test_iac_escape),
	    cmocka_unit_test(test_refuse),
	    cmocka_unit_test(test_no_reply_to_refusal),
	    cmocka_unit_test(test_subnegotiation),
	    cmocka_unit_test(test_simple_commands),
	    cmocka_unit_test(test_subnegotiation_bound),
	    cmocka_unit_test(test_broken_subnegotiation),
	    cmocka_unit_test(test_client_opening),
	    cmocka_unit_test(test_runs),
	    cmocka_unit_test(test_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
