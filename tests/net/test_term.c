/* Unit tests of the telnet terminal (negotiation, NAWS, TTYPE) and of the painted text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "net/paint.h"
#include "net/telnet.h"
#include "net/term.h"

/* Screen bytes of the editor: dropped. */
static void tt_out(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
}

/* A terminal that made its offers. */
static void tt_offered(struct term *t)
{
	unsigned char out[TERM_OFFER_LEN];
	static const unsigned char want[] = {255, 251, 1, 255, 251, 3, 255, 253, 31, 255, 253, 24};

	term_init(t, 100, NULL);
	t->ed.out = tt_out;
	term_offer(t, out);
	assert_memory_equal(out, want, sizeof want);
}

/* The client agrees to the offers: editing on, no answer to an answer, then its type asked. */
static void test_agree(void **state)
{
	struct term t;
	unsigned char out[TERM_REPLY_MAX];
	static const unsigned char send[] = {255, 250, 24, 1, 255, 240};

	(void)state;
	tt_offered(&t);
	assert_false(term_editing(&t));
	assert_int_equal(term_option(&t, TELNET_DO, TELNET_OPT_ECHO, out), 0);
	assert_false(term_editing(&t));
	assert_int_equal(term_option(&t, TELNET_DO, TELNET_OPT_SGA, out), 0);
	assert_true(term_editing(&t));
	assert_int_equal(term_option(&t, TELNET_DO, TELNET_OPT_SGA, out), 0); /* again: no loop */
	assert_int_equal(term_option(&t, TELNET_WILL, TELNET_OPT_NAWS, out), 0);
	assert_int_equal(term_option(&t, TELNET_WILL, TELNET_OPT_TTYPE, out), sizeof send);
	assert_memory_equal(out, send, sizeof send);
	assert_int_equal(term_option(&t, TELNET_WILL, TELNET_OPT_TTYPE, out), 0);
	term_free(&t);
}

/* Refusals are not answered; requests for other options are refused; a DONT turns editing off. */
static void test_refuse(void **state)
{
	struct term t;
	unsigned char out[TERM_REPLY_MAX];

	(void)state;
	tt_offered(&t);
	assert_int_equal(term_option(&t, TELNET_DONT, TELNET_OPT_ECHO, out), 0);
	assert_int_equal(term_option(&t, TELNET_DO, TELNET_OPT_SGA, out), 0);
	assert_false(term_editing(&t));
	assert_int_equal(term_option(&t, TELNET_DO, TELNET_OPT_ECHO, out), 3); /* not offered now */
	assert_memory_equal(out, ((unsigned char[]){255, 252, 1}), 3);
	assert_int_equal(term_option(&t, TELNET_DO, 5, out), 3);
	assert_memory_equal(out, ((unsigned char[]){255, 252, 5}), 3);
	assert_int_equal(term_option(&t, TELNET_WILL, 32, out), 3);
	assert_memory_equal(out, ((unsigned char[]){255, 254, 32}), 3);
	assert_int_equal(term_option(&t, TELNET_WONT, 32, out), 0);
	assert_int_equal(term_option(&t, TELNET_DONT, TELNET_OPT_SGA, out), 3); /* was agreed */
	assert_memory_equal(out, ((unsigned char[]){255, 252, 3}), 3);
	term_free(&t);

	tt_offered(&t);
	term_option(&t, TELNET_DO, TELNET_OPT_ECHO, out);
	term_option(&t, TELNET_DO, TELNET_OPT_SGA, out);
	assert_true(term_editing(&t));
	assert_int_equal(term_option(&t, TELNET_DONT, TELNET_OPT_ECHO, out), 3);
	assert_false(term_editing(&t));
	term_free(&t);
}

/* NAWS sets the width (kept in range, 80 while unknown); TTYPE sets the type and colours. */
static void test_naws_ttype(void **state)
{
	struct term t;
	unsigned char out[TERM_REPLY_MAX];
	static const unsigned char naws[] = {31, 0, 132, 0, 40}, tiny[] = {31, 0, 5, 0, 40};
	static const unsigned char xterm[] = {24,  0,   'X', 'T', 'E', 'R', 'M', '-',
	                                      '2', '5', '6', 'C', 'O', 'L', 'O', 'R'};
	static const unsigned char vt100[] = {24, 0, 'V', 'T', '1', '0', '0'};

	(void)state;
	tt_offered(&t);
	term_sub(&t, naws, sizeof naws); /* before the client agreed: ignored */
	assert_int_equal(term_columns(&t), 80);
	term_option(&t, TELNET_WILL, TELNET_OPT_NAWS, out);
	term_option(&t, TELNET_WILL, TELNET_OPT_TTYPE, out);
	term_sub(&t, naws, sizeof naws);
	assert_int_equal(term_columns(&t), 132);
	assert_int_equal(t.ed.width, 132);
	term_sub(&t, tiny, sizeof tiny);
	assert_int_equal(term_columns(&t), TERM_WIDTH_MIN);
	term_sub(&t, naws, 3); /* cut short: ignored */
	assert_int_equal(term_columns(&t), TERM_WIDTH_MIN);
	assert_false(term_colorful(&t));
	term_sub(&t, vt100, sizeof vt100);
	assert_string_equal(t.type, "vt100");
	assert_false(term_colorful(&t));
	term_sub(&t, xterm, sizeof xterm);
	assert_string_equal(t.type, "xterm-256color");
	assert_true(term_colorful(&t));
	term_free(&t);
}

/* The telnet decoder hands options and whole subnegotiations to the callbacks when set. */
static void tt_option(void *ctx, unsigned char verb, unsigned char opt)
{
	int *n = ctx;

	assert_int_equal(verb, TELNET_WILL);
	assert_int_equal(opt, TELNET_OPT_NAWS);
	n[0]++;
}

/* A subnegotiation reached the callback. */
static void tt_sub(void *ctx, const unsigned char *p, size_t len)
{
	int *n = ctx;
	static const unsigned char want[] = {31, 0, 255, 0, 24};

	assert_int_equal(len, sizeof want);
	assert_memory_equal(p, want, sizeof want);
	n[1]++;
}

/* Data bytes: none expected here. */
static void tt_data(void *ctx, const unsigned char *p, size_t len)
{
	(void)ctx;
	(void)p;
	(void)len;
	fail();
}

/* Bytes to send: none expected here. */
static void tt_send(void *ctx, const unsigned char *p, size_t len)
{
	tt_data(ctx, p, len);
}

/* With callbacks, the decoder answers nothing itself; IAC IAC inside SB is one 255. */
static void test_decoder_callbacks(void **state)
{
	struct telnet tn;
	int n[2] = {0, 0};
	static const unsigned char in[] = {255, 251, 31, 255, 250, 31, 0,
	                                   255, 255, 0,  24,  255, 240};

	(void)state;
	telnet_init(&tn, tt_data, tt_send, n);
	tn.option = tt_option;
	tn.sub = tt_sub;
	for (size_t i = 0; i < sizeof in; i++)
		telnet_feed(&tn, in + i, 1);
	assert_int_equal(n[0], 1);
	assert_int_equal(n[1], 1);
	assert_true(tn.saw_iac);
	assert_false(tn.saw_cr);
}

/* 39 x's. */
#define X39 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

/*
 * A reply wider than the screen: long lines wrap at a space and go on under their table column
 * (or two columns further in); short lines, and every line when no width is set, stay as they
 * are.
 */
static void test_paint_wrap(void **state)
{
	static const char help[] =
	    "  status                  the clock, the phase and the decisions awaited\n"
	    "short\n";
	static const char long_word[] = "\xc3\xab" X39 "xxx\n";
	static const char injects[] = "XK-01    T+00:45:00 09:45  Odd VPN logins from a supplier "
	                              "account  [decision pending, answer by T+01:15:00 10:15]\n";
	struct paint pt = {false, false, 0, 40};
	size_t n;
	char *s = paint_text(&pt, help, strlen(help), &n);

	(void)state;
	assert_string_equal(s, "  status                  the clock, the\r\n"
	                       "                          phase and the\r\n"
	                       "                          decisions\r\n"
	                       "                          awaited\r\n"
	                       "short\r\n");
	free(s);
	/* a word wider than the screen is cut by columns: \xc3\xab is one */
	s = paint_text(&pt, long_word, strlen(long_word), &n);
	assert_string_equal(s, "\xc3\xab" X39 "\r\n  xxx\r\n");
	free(s);
	pt.cols = 0;
	s = paint_text(&pt, help, strlen(help), &n);
	assert_non_null(strstr(s, "the decisions awaited\r\nshort"));
	free(s);
	/* a column too far in (past two thirds) is passed over for the one before it */
	pt.cols = 80;
	s = paint_text(&pt, injects, strlen(injects), &n);
	assert_string_equal(s,
	                    "XK-01    T+00:45:00 09:45  Odd VPN logins from a supplier account  "
	                    "[decision\r\n"
	                    "                           pending, answer by T+01:15:00 10:15]\r\n");
	free(s);
}

/* Painted text: CR LF line ends always; colours only when asked, where they help. */
static void test_paint(void **state)
{
	static const char inject[] = "------\nINJECT I-01  09:10 (T+00:10:00)  from Ministria\n"
	                             "    e Financave via email\nSubject: x\n"
	                             "DECISION (answer by T+00:15:00, 09:15): What?\n";
	struct paint pt = {false, false, 600, 0};
	size_t n;
	char *s = paint_text(&pt, "a\nb\n", 4, &n);

	(void)state;
	assert_string_equal(s, "a\r\nb\r\n");
	assert_int_equal(n, 6);
	free(s);
	s = paint_text(&pt, inject, strlen(inject), &n);
	assert_null(strchr(s, '\x1b'));
	free(s);
	pt.color = true;
	s = paint_text(&pt, inject, strlen(inject), &n);
	assert_string_equal(s,
	                    "------\r\n"
	                    "\x1b[1;33mINJECT I-01  09:10 (T+00:10:00)  from Ministria\x1b[0m\r\n"
	                    "\x1b[1;33m    e Financave via email\x1b[0m\r\n"
	                    "Subject: x\r\n"
	                    "\x1b[1;31mDECISION (answer by T+00:15:00, 09:15): What?\x1b[0m\r\n");
	free(s);
	pt.now = 0; /* 15 minutes ahead: not near */
	s = paint_text(&pt, "decision pending, answer by T+00:15:00\n", 39, &n);
	assert_string_equal(s, "decision pending, answer by T+00:15:00\r\n");
	free(s);
	pt.now = 901; /* passed: not near either */
	s = paint_text(&pt, "answer by T+00:15:00\n", 21, &n);
	assert_null(strchr(s, '\x1b'));
	free(s);
	pt.error = true;
	s = paint_text(&pt, "error: no (bad_args)\n", 21, &n);
	assert_string_equal(s, "\x1b[31merror: no (bad_args)\x1b[0m\r\n");
	free(s);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_agree),      cmocka_unit_test(test_refuse),
	    cmocka_unit_test(test_naws_ttype), cmocka_unit_test(test_decoder_callbacks),
	    cmocka_unit_test(test_paint),      cmocka_unit_test(test_paint_wrap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
