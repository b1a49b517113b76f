/* Unit tests of the line editor: keystrokes in, and what a terminal would show out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "net/ledit.h"
#include "vt.h"

/* An editor wired to an emulated terminal, and the lines it finished. */
struct fx {
	struct ledit ed;
	struct vt vt;
	char lines[8][256];
	int n_lines;
	int bells;
};

/* The editor writes to the screen. */
static void fx_out(void *ctx, const char *p, size_t n)
{
	struct fx *f = ctx;

	for (size_t i = 0; i < n; i++)
		f->bells += p[i] == '\a';
	vt_feed(&f->vt, p, n);
}

/* The editor finished a line. */
static void fx_line(void *ctx, const char *p, size_t n)
{
	struct fx *f = ctx;

	assert_true(f->n_lines < 8 && n < sizeof f->lines[0]);
	memcpy(f->lines[f->n_lines], p, n);
	f->lines[f->n_lines++][n] = '\0';
}

/* A completer with a fixed set of words, as core would give for a team member. */
static void fx_complete(void *ctx, const char *p, size_t n, ledit_add_fn add, void *arg)
{
	static const char *const verbs[] = {"decide", "status", "show", "share", "say"};
	static const char *const ids[] = {"AL-01", "AL-02", "RS-01"};
	size_t words = 0;

	(void)ctx;
	for (size_t i = 0; i < n; i++)
		words += p[i] == ' ' && (i == 0 || p[i - 1] != ' ');
	if (words == 0)
		for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
			add(arg, verbs[i]);
	else
		for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
			add(arg, ids[i]);
}

/* A fixture: a screen of width columns, the prompt "al> " drawn. */
static struct fx *fx_new(int width)
{
	struct fx *f = calloc(1, sizeof *f);

	assert_non_null(f);
	vt_init(&f->vt, width);
	ledit_init(&f->ed, width, 100, f);
	f->ed.out = fx_out;
	f->ed.line = fx_line;
	f->ed.complete = fx_complete;
	ledit_prompt(&f->ed, "al> ");
	return f;
}

/* Free a fixture. */
static void fx_free(struct fx *f)
{
	assert_false(f->vt.bad);
	ledit_free(&f->ed);
	free(f);
}

/* Type keys. */
static void fx_keys(struct fx *f, const char *keys)
{
	ledit_feed(&f->ed, (const unsigned char *)keys, strlen(keys));
}

/* Assert what the cursor's row shows and the cursor's column. */
static void fx_screen(struct fx *f, const char *row, int col)
{
	char buf[1024];

	assert_string_equal(vt_row(&f->vt, -1, buf, sizeof buf), row);
	assert_int_equal(f->vt.col, col);
}

/* Typing echoes; Enter sends the line and leaves it on the screen. */
static void test_type_enter(void **state)
{
	struct fx *f = fx_new(80);
	char buf[256];

	(void)state;
	fx_keys(f, "status");
	fx_screen(f, "al> status", 10);
	fx_keys(f, "\r\n");
	assert_int_equal(f->n_lines, 1);
	assert_string_equal(f->lines[0], "status");
	assert_string_equal(vt_row(&f->vt, -2, buf, sizeof buf), "al> status");
	fx_screen(f, "", 0);
	fx_keys(f, "\r");
	assert_int_equal(f->n_lines, 2);
	assert_string_equal(f->lines[1], "");
	fx_free(f);
}

/* Left, right, Home, End, backspace, Delete, Ctrl-U, Ctrl-K and Ctrl-W edit in the middle. */
static void test_editing(void **state)
{
	struct fx *f = fx_new(80);

	(void)state;
	fx_keys(f, "stat\x1b[D\x1b[DX");
	fx_screen(f, "al> stXat", 7);
	fx_keys(f, "\x7f\x1b[C\x1b[C!");
	fx_screen(f, "al> stat!", 9);
	fx_keys(f, "\x1b[H>\x1b[F<");
	fx_screen(f, "al> >stat!<", 11);
	fx_keys(f, "\x01\x1b[3~\x05\b");
	fx_screen(f, "al> stat!", 9);
	fx_keys(f, " one two  \x17");
	fx_screen(f, "al> stat! one ", 14);
	fx_keys(f, "\x1bOD\x1bOD\x0b");
	fx_screen(f, "al> stat! on", 12);
	fx_keys(f, "\x02\x15");
	fx_screen(f, "al> n", 4);
	fx_keys(f, "\x1b[1~x\x1b[4~y\x06\x04\r");
	assert_string_equal(f->lines[0], "xny");
	fx_free(f);
}

/* An escape sequence split over several reads, and unknown ones, leave no trace. */
static void test_escape_split(void **state)
{
	struct fx *f = fx_new(80);

	(void)state;
	fx_keys(f, "ab\x1b");
	fx_keys(f, "[");
	fx_keys(f, "D");
	fx_keys(f, "\x1b[15~c\x1bxd\r");
	assert_string_equal(f->lines[0], "acdb");
	fx_free(f);
}

/* Up and down walk through the lines sent, and the line being typed comes back. */
static void test_history(void **state)
{
	struct fx *f = fx_new(80);

	(void)state;
	fx_keys(f, "status\rinjects\rinjects\rdraft");
	fx_keys(f, "\x1b[A");
	fx_screen(f, "injects", 7);
	fx_keys(f, "\x1b[A");
	fx_screen(f, "status", 6);
	assert_int_equal(f->bells, 0);
	fx_keys(f, "\x1b[A");
	assert_int_equal(f->bells, 1);
	fx_keys(f, "\x0e\x1b[B");
	fx_screen(f, "draft", 5);
	fx_keys(f, "\x10 x\r");
	assert_string_equal(f->lines[3], "injects x");
	fx_keys(f, "\x1b[A\r");
	assert_string_equal(f->lines[4], "injects x");
	fx_free(f);
}

/* ë and ç are one column each: the cursor moves over whole code points. */
static void test_utf8(void **state)
{
	struct fx *f = fx_new(80);

	(void)state;
	fx_keys(f, "say Arbër Çela");
	fx_screen(f, "al> say Arbër Çela", 18);
	fx_keys(f, "\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x7f");
	fx_screen(f, "al> say Arbr Çela", 11);
	fx_keys(f, "\xc3");
	fx_keys(f, "\xab\r");
	assert_string_equal(f->lines[0], "say Arbër Çela");
	fx_keys(f, "a\xff\xc3(b\r"); /* bytes that are not UTF-8 ring the bell and are dropped */
	assert_int_equal(f->bells, 2);
	assert_string_equal(f->lines[1], "a(b");
	fx_free(f);
}

/* 中 takes two columns and a combining mark none: the cursor and the scroll count columns. */
static void test_wide(void **state)
{
	struct fx *f = fx_new(80);

	(void)state;
	fx_keys(f, "say \xe4\xb8\xad\xe6\x96\x87");
	fx_screen(f, "al> say \xe4\xb8\xad\xe6\x96\x87", 12);
	fx_keys(f, "\x7f");
	fx_screen(f, "al> say \xe4\xb8\xad", 10);
	fx_keys(f, "e\xcc\x81\x1b[D");
	fx_screen(f,
	          "al> say \xe4\xb8\xad"
	          "e\xcc\x81",
	          10);
	fx_keys(f, "\r");
	assert_string_equal(f->lines[0], "say \xe4\xb8\xad"
	                                 "e\xcc\x81");
	fx_free(f);
	f = fx_new(20); /* 15 columns for the line */
	fx_keys(f, "say ");
	for (int i = 0; i < 8; i++)
		fx_keys(f, "\xe4\xb8\xad");
	fx_screen(f,
	          "al> \xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	          "\xe4\xb8\xad",
	          18);
	fx_keys(f, "\x01");
	fx_screen(f, "al> say \xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", 4);
	fx_free(f);
}

/* Output while a person types: the row is cleared, the output printed, the line drawn again. */
static void test_hide_show(void **state)
{
	struct fx *f = fx_new(80);
	char buf[256];

	(void)state;
	fx_keys(f, "action Drafting a press statement for the minis");
	ledit_hide(&f->ed);
	vt_feed(&f->vt, "[T+00:15] INJECT I-02\r\n", 23);
	ledit_show(&f->ed);
	assert_string_equal(vt_row(&f->vt, -2, buf, sizeof buf), "[T+00:15] INJECT I-02");
	fx_screen(f, "al> action Drafting a press statement for the minis", 51);
	fx_keys(f, "try\r");
	assert_string_equal(f->lines[0], "action Drafting a press statement for the ministry");
	ledit_hide(&f->ed); /* after Enter, the reply comes before the next prompt */
	vt_feed(&f->vt, "Action recorded.\r\n", 18);
	ledit_prompt(&f->ed, "al> ");
	fx_screen(f, "al> ", 4);
	fx_free(f);
}

/* Tab completes a unique word with a space, extends to what candidates share, or lists them. */
static void test_complete(void **state)
{
	struct fx *f = fx_new(80);
	char buf[256];

	(void)state;
	fx_keys(f, "dec\t");
	fx_screen(f, "al> decide ", 11);
	fx_keys(f, "al\t");
	fx_screen(f, "al> decide AL-0", 15);
	fx_keys(f, "\t");
	assert_string_equal(vt_row(&f->vt, -2, buf, sizeof buf), "AL-01  AL-02");
	fx_screen(f, "al> decide AL-0", 15);
	fx_keys(f, "2\t");
	fx_screen(f, "al> decide AL-02 ", 17);
	fx_keys(f, "x\x15q\t");
	assert_int_equal(f->bells, 1);
	fx_keys(f, "\x15s\t");
	assert_string_equal(vt_row(&f->vt, -2, buf, sizeof buf), "status  show  share  say");
	fx_keys(f, "ta\t\r");
	assert_string_equal(f->lines[0], "status ");
	fx_free(f);
}

/* A line wider than the screen scrolls sideways; the whole line is sent. */
static void test_scroll(void **state)
{
	struct fx *f = fx_new(20);
	(void)state;
	fx_keys(f, "say 0123456789abcdefghij");
	fx_screen(f, "al> 6789abcdefghij", 18);
	fx_keys(f, "\x01");
	fx_screen(f, "al> say 0123456789a", 4);
	fx_keys(f, "\x05\r");
	assert_string_equal(f->lines[0], "say 0123456789abcdefghij");
	for (int i = 0; i < 100; i++)
		fx_keys(f, "x");
	assert_int_equal(f->bells, 0);
	fx_keys(f, "x");
	assert_int_equal(f->bells, 1); /* 100 bytes at most */
	ledit_resize(&f->ed, 12);
	f->vt.width = 12;
	fx_screen(f, "xxxxxxxxxx", 10); /* no prompt until the reply to the line before */
	fx_free(f);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_type_enter),   cmocka_unit_test(test_editing),
	    cmocka_unit_test(test_escape_split), cmocka_unit_test(test_history),
	    cmocka_unit_test(test_utf8),         cmocka_unit_test(test_hide_show),
	    cmocka_unit_test(test_wide),         cmocka_unit_test(test_complete),
	    cmocka_unit_test(test_scroll),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
