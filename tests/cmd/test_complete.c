/*
 * Unit tests of what a person's terminal asks of the commands: Tab completion's candidates
 * (cmd_complete), the color command, and `show` wrapped to the session's columns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/cmd.h"
#include "core/exercise.h"

/* The candidates of one completion, joined by spaces. */
struct cands {
	char text[1024];
};

/* Events are not looked at here. */
static void cc_sink(void *ctx, struct evt *ev)
{
	(void)ctx;
	(void)ev;
}

/* Collect a candidate. */
static void cc_add(void *arg, const char *word)
{
	struct cands *c = arg;

	if (c->text[0] != '\0')
		strcat(c->text, " ");
	assert_true(strlen(c->text) + strlen(word) + 2 < sizeof c->text);
	strcat(c->text, word);
}

/* The candidates for line, typed by s. */
static const char *cc(struct exercise *ex, struct cmd_session *s, const char *line)
{
	static struct cands c;

	c.text[0] = '\0';
	cmd_complete(ex, s, line, strlen(line), cc_add, &c);
	return c.text;
}

/* A decision with options isolate and share. */
static struct ex_decision *cc_decision(void)
{
	struct ex_decision *d = calloc(1, sizeof *d);

	d->prompt = strdup("What first?");
	d->options = calloc(2, sizeof *d->options);
	d->n_options = 2;
	d->options[0].key = strdup("isolate");
	d->options[0].label = strdup("Isolate");
	d->options[1].key = strdup("share");
	d->options[1].label = strdup("Share");
	d->deadline = 1800;
	d->dflt = -1;
	return d;
}

/* Teams al and rs; AL-01 and AL-02 ask al a decision, AL-03 asks none; RS-01 asks rs one. */
static struct exercise *cc_exercise(void)
{
	struct exercise *ex = ex_new();
	static const char *const ids[] = {"AL-01", "AL-02", "AL-03", "RS-01"};

	ex->title = strdup("Drill");
	ex->facilitator_secret = strdup("fac");
	ex->observer_secret = strdup("obs");
	ex_add_team(ex, "al", "Albania", "al-secret", 1);
	ex_add_team(ex, "rs", "Serbia", "rs-secret", 2);
	for (int i = 0; i < 4; i++) {
		struct ex_inject *in = ex_add_inject(ex, ids[i], 10 + i);

		in->from = strdup("x");
		in->channel = strdup("email");
		in->subject = strdup("s");
		in->body = strdup("The e-services portal shows a ransom note; citizens are calling "
		                  "the helpdesk about it all morning.");
		in->to = calloc(1, sizeof *in->to);
		in->to[0] = i == 3;
		in->n_to = 1;
		if (i != 2)
			in->decision = cc_decision();
	}
	ex_set_sink(ex, cc_sink, NULL);
	ex_prepare(ex);
	return ex;
}

/* Log s in with line. */
static void cc_login(struct exercise *ex, struct cmd_session *s, const char *line)
{
	struct cmd_reply r;

	cmd_exec(ex, NULL, s, line, &r);
	assert_null(r.code);
	cmd_reply_free(&r);
}

/* Candidates by role and by the usage of the command being typed. */
static void test_candidates(void **state)
{
	struct exercise *ex = cc_exercise();
	struct cmd_session anon, al, fac;
	struct cmd_reply r;

	(void)state;
	cmd_session_init(&anon, 1);
	cmd_session_init(&al, 2);
	cmd_session_init(&fac, 3);
	assert_string_equal(cc(ex, &anon, ""), "help mode lang login quit");
	assert_string_equal(cc(ex, &anon, "login "), "al rs facilitator observer");
	assert_string_equal(cc(ex, &anon, "mode j"), "text json");
	assert_string_equal(cc(ex, &anon, "decide "), ""); /* not allowed before login */
	cc_login(ex, &al, "login al al-secret Ana");
	cc_login(ex, &fac, "login facilitator fac");
	assert_non_null(strstr(cc(ex, &al, "de"), "decide"));
	assert_null(strstr(cc(ex, &al, "de"), "start"));
	assert_non_null(strstr(cc(ex, &al, ""), "color"));
	assert_string_equal(cc(ex, &al, "decide AL-0"), ""); /* nothing reached al yet */
	assert_int_equal(ex_start(ex), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(ex_fire(ex, i, -1), 0);
	assert_int_equal(ex_decide(ex, 1, 0, "share", "Ana", &(const char *){NULL}), 0);
	assert_string_equal(cc(ex, &al, "decide AL-0"), "AL-01"); /* pending only */
	assert_string_equal(cc(ex, &al, "  DECIDE  AL-01 "), "isolate share");
	assert_string_equal(cc(ex, &al, "show "), "AL-01 AL-02 AL-03"); /* what reached al */
	assert_string_equal(cc(ex, &al, "share "), "al rs all");
	assert_string_equal(cc(ex, &al, "say hello "), "");
	assert_string_equal(cc(ex, &al, "color "), "on off");
	assert_string_equal(cc(ex, &fac, "fire "), "AL-01 AL-02 AL-03 RS-01");
	assert_string_equal(cc(ex, &fac, "fire RS-01 "), "al rs");
	assert_string_equal(cc(ex, &fac, "help "), cc(ex, &fac, ""));
	cmd_exec(ex, NULL, &al, "color off", &r);
	assert_null(r.code);
	assert_true(al.no_color);
	assert_string_equal(json_string_value(json_object_get(r.obj, "color")), "off");
	cmd_reply_free(&r);
	cmd_exec(ex, NULL, &al, "color on", &r);
	assert_false(al.no_color);
	cmd_reply_free(&r);
	cmd_exec(ex, NULL, &al, "color blue", &r);
	assert_string_equal(r.code, "bad_args");
	cmd_reply_free(&r);
	cmd_session_close(ex, &anon);
	cmd_session_close(ex, &al);
	cmd_session_close(ex, &fac);
	ex_free(ex);
}

/* The longest line of text, in code points. */
static size_t cc_widest(const char *text)
{
	size_t w = 0, best = 0;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '\n')
			w = 0;
		else if ((*p & 0xc0) != 0x80 && ++w > best)
			best = w;
	}
	return best;
}

/* show renders the inject for the session's screen: 80 columns, or what its client told (rules
 * included). */
static void test_show_columns(void **state)
{
	struct exercise *ex = cc_exercise();
	struct cmd_session al;
	struct cmd_reply r;

	(void)state;
	cmd_session_init(&al, 1);
	cc_login(ex, &al, "login al al-secret Ana");
	assert_int_equal(ex_start(ex), 0);
	assert_int_equal(ex_fire(ex, 0, -1), 0);
	cmd_exec(ex, NULL, &al, "show AL-01", &r);
	assert_null(r.code);
	assert_true(cc_widest(r.text) > 40 && cc_widest(r.text) <= 80);
	cmd_reply_free(&r);
	al.columns = 40;
	cmd_exec(ex, NULL, &al, "show AL-01", &r);
	assert_null(r.code);
	*strstr(r.text, "Your team:") = '\0'; /* replies of one line are not wrapped */
	assert_true(cc_widest(r.text) <= 40);
	assert_non_null(strstr(r.text, "helpdesk"));
	cmd_reply_free(&r);
	cmd_session_close(ex, &al);
	ex_free(ex);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_candidates),
	    cmocka_unit_test(test_show_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
