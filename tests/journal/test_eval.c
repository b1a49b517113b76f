/* Evaluation: expect per team, note, validate, the hotwash and answer, and which lines are
 * journaled; on a scenario loaded through Lua (tests/journal/fixtures/eval.lua). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/cmd.h"
#include "core/evt.h"
#include "lua/scenario.h"

#define MAX_EVENTS 256

enum { A, B, C, FAC, OBS, N_SESSIONS };

/* The loaded scenario, the events it emitted and a session per role. */
struct fx {
	struct scenario *sc;
	struct exercise *ex;
	struct evt *ev[MAX_EVENTS];
	int n_ev;
	struct cmd_session s[N_SESSIONS];
};

/* Keep every event. */
static void fx_sink(void *ctx, struct evt *ev)
{
	struct fx *f = ctx;

	assert_true(f->n_ev < MAX_EVENTS);
	evt_ref(ev);
	f->ev[f->n_ev++] = ev;
}

/* A fixture file of tests/journal/fixtures. */
static const char *fx_path(const char *name)
{
	static char path[1024];

	snprintf(path, sizeof path, "%s/tests/journal/fixtures/%s",
	         getenv("SRCDIR") ? getenv("SRCDIR") : ".", name);
	return path;
}

/* Load eval.lua, with sessions for teams a, b, c, a facilitator and an observer. */
static int fx_setup(void **state)
{
	static const char *const names[] = {"Ann", "Bob", "Cy", "Dana", "Eve"};
	struct fx *f = calloc(1, sizeof *f);
	struct scenario_limits lim;

	scenario_limits_default(&lim);
	f->sc = scenario_load(fx_path("eval.lua"), &lim, -1, NULL);
	assert_non_null(f->sc);
	f->ex = scenario_exercise(f->sc);
	ex_set_sink(f->ex, fx_sink, f);
	for (int i = 0; i < N_SESSIONS; i++) {
		cmd_session_init(&f->s[i], (unsigned long)i + 1);
		f->s[i].role = i <= C     ? CMD_ROLE_TEAM
		               : i == FAC ? CMD_ROLE_FACILITATOR
		                          : CMD_ROLE_OBSERVER;
		f->s[i].team = i <= C ? i : -1;
		f->s[i].name = strdup(names[i]);
	}
	*state = f;
	return 0;
}

/* Free the fixture. */
static int fx_teardown(void **state)
{
	struct fx *f = *state;

	for (int i = 0; i < f->n_ev; i++)
		evt_unref(f->ev[i]);
	for (int i = 0; i < N_SESSIONS; i++)
		cmd_session_close(f->ex, &f->s[i]);
	scenario_free(f->sc);
	free(f);
	return 0;
}

/* Run a line as session who; returns the error code, or NULL when ok. */
static const char *fx_run(struct fx *f, int who, const char *line)
{
	static char code[64];
	struct cmd_reply r;

	cmd_exec(f->ex, NULL, &f->s[who], line, &r);
	snprintf(code, sizeof code, "%s", r.code != NULL ? r.code : "");
	cmd_reply_free(&r);
	return code[0] != '\0' ? code : NULL;
}

/* The events of a type (and team, and inject, when not NULL); the first in *first. */
static int fx_count(struct fx *f, const char *type, const char *team, const char *inject,
                    struct evt **first)
{
	int n = 0;

	for (int i = 0; i < f->n_ev; i++) {
		json_t *o = f->ev[i]->obj;
		const char *t = json_string_value(json_object_get(o, "team"));
		const char *in = json_string_value(json_object_get(o, "inject"));

		if (strcmp(json_string_value(json_object_get(o, "type")), type) != 0 ||
		    (team != NULL && (t == NULL || strcmp(t, team) != 0)) ||
		    (inject != NULL && (in == NULL || strcmp(in, inject) != 0)))
			continue;
		if (n++ == 0 && first != NULL)
			*first = f->ev[i];
	}
	return n;
}

/* The one expect event of team on inject. */
static json_t *fx_expect(struct fx *f, const char *team, const char *inject)
{
	struct evt *ev = NULL;

	assert_int_equal(fx_count(f, "expect", team, inject, &ev), 1);
	assert_true(ev->aud.staff && !ev->aud.all && ev->aud.teams == NULL);
	return ev->obj;
}

/* Assert an expect event's result, response (-1: null) and reason. */
static void fx_check(json_t *o, const char *result, long response, const char *reason)
{
	json_t *resp = json_object_get(o, "response");

	assert_string_equal(json_string_value(json_object_get(o, "result")), result);
	assert_string_equal(json_string_value(json_object_get(o, "reason")), reason);
	if (response < 0)
		assert_true(json_is_null(resp));
	else
		assert_int_equal(json_integer_value(resp), response);
}

/* expect: met, missed by option, by time, by the deadline (default expected), at ENDEX. */
static void test_expect_outcomes(void **state)
{
	struct fx *f = *state;
	json_t *o;

	assert_null(fx_run(f, FAC, "start"));
	assert_null(fx_run(f, A, "decide I-1 2"));
	assert_null(fx_run(f, B, "decide I-1 1"));
	assert_null(fx_run(f, A, "decide I-3 1"));
	assert_null(fx_run(f, FAC, "advance 20m"));
	assert_null(fx_run(f, C, "decide I-1 2"));

	o = fx_expect(f, "a", "I-1");
	fx_check(o, "met", 0, "chose 2 within 10m");
	assert_string_equal(json_string_value(json_object_get(o, "objective")), "O1");
	assert_string_equal(json_string_value(json_object_get(o, "option")), "2");
	assert_string_equal(json_string_value(json_object_get(o, "expected")), "2");
	assert_int_equal(json_integer_value(json_object_get(o, "within")), 600);
	fx_check(fx_expect(f, "b", "I-1"), "missed", 0, "chose 1; expected 2");
	fx_check(fx_expect(f, "c", "I-1"), "missed", 1200,
	         "decided after 20m; expected within 10m");
	for (const char *t = "abc"; *t != '\0'; t++) {
		char team[2] = {*t, '\0'};

		o = fx_expect(f, team, "I-2");
		fx_check(o, "missed", -1, "no decision by the deadline");
		assert_string_equal(json_string_value(json_object_get(o, "option")), "p");
		assert_int_equal(json_integer_value(json_object_get(o, "t")), 600);
		assert_true(json_is_null(json_object_get(o, "objective")));
	}
	o = fx_expect(f, "a", "I-3");
	fx_check(o, "met", 0, "decided");
	assert_true(json_is_null(json_object_get(o, "expected")));
	assert_true(json_is_null(json_object_get(o, "within")));
	assert_int_equal(fx_count(f, "expect", NULL, "I-3", NULL), 1);

	assert_null(fx_run(f, FAC, "endex"));
	fx_check(fx_expect(f, "b", "I-3"), "missed", -1, "no decision before ENDEX");
	fx_check(fx_expect(f, "c", "I-3"), "missed", -1, "no decision before ENDEX");
	assert_int_equal(fx_count(f, "expect", NULL, "I-4", NULL), 0);
	assert_int_equal(fx_count(f, "expect", NULL, NULL, NULL), 9);
}

/* note and validate: facilitators only, events to the staff, errors for bad arguments. */
static void test_note_validate(void **state)
{
	struct fx *f = *state;
	struct evt *ev = NULL;
	json_t *o;

	assert_null(fx_run(f, FAC, "note   Team B hesitated  "));
	assert_int_equal(fx_count(f, "note", NULL, NULL, &ev), 1);
	assert_true(ev->aud.staff && !ev->aud.all && ev->aud.teams == NULL);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "text")),
	                    "Team B hesitated");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "by")), "Dana");
	assert_string_equal(fx_run(f, FAC, "note"), "bad_args");
	assert_string_equal(fx_run(f, OBS, "note seen"), "not_allowed");
	assert_string_equal(fx_run(f, A, "note mine"), "not_allowed");

	assert_string_equal(fx_run(f, FAC, "validate a I-1 met"), "unknown_inject"); /* not yet */
	assert_null(fx_run(f, FAC, "start"));
	assert_null(fx_run(f, FAC, "validate a I-1 MET quick and right"));
	assert_int_equal(fx_count(f, "validate", "a", "I-1", &ev), 1);
	o = ev->obj;
	assert_true(ev->aud.staff && !ev->aud.all && ev->aud.teams == NULL);
	assert_string_equal(json_string_value(json_object_get(o, "result")), "met");
	assert_string_equal(json_string_value(json_object_get(o, "objective")), "O1");
	assert_string_equal(json_string_value(json_object_get(o, "text")), "quick and right");
	assert_string_equal(json_string_value(json_object_get(o, "by")), "Dana");
	assert_null(fx_run(f, FAC, "validate b I-2 missed"));
	assert_int_equal(fx_count(f, "validate", "b", "I-2", &ev), 1);
	assert_true(json_is_null(json_object_get(ev->obj, "text")));
	assert_true(json_is_null(json_object_get(ev->obj, "objective")));
	assert_string_equal(fx_run(f, FAC, "validate a I-5 met"), "unknown_inject");
	assert_string_equal(fx_run(f, FAC, "validate a I-9 met"), "unknown_inject");
	assert_string_equal(fx_run(f, FAC, "validate zz I-1 met"), "unknown_team");
	assert_string_equal(fx_run(f, FAC, "validate a I-1 maybe"), "bad_args");
	assert_string_equal(fx_run(f, FAC, "validate a I-1"), "bad_args");
	assert_string_equal(fx_run(f, OBS, "validate a I-1 met"), "not_allowed");
	assert_int_equal(fx_count(f, "validate", NULL, NULL, NULL), 2);
}

/* The hotwash goes to everyone at ENDEX; answers come after it, from team members. */
static void test_hotwash_answer(void **state)
{
	struct fx *f = *state;
	struct evt *ev = NULL;
	const char *text;

	assert_null(fx_run(f, FAC, "start"));
	assert_string_equal(fx_run(f, A, "answer 1 too early"), "bad_state");
	assert_int_equal(fx_count(f, "hotwash", NULL, NULL, NULL), 0);
	assert_null(fx_run(f, FAC, "endex"));
	assert_int_equal(fx_count(f, "hotwash", NULL, NULL, &ev), 1);
	assert_true(ev->aud.all);
	assert_int_equal(json_array_size(json_object_get(ev->obj, "questions")), 2);
	text = evt_text(ev, f->ex, NULL);
	assert_non_null(strstr(text, " 1. What went well?\n"));
	assert_non_null(strstr(text, " 2. What would you change?\n"));
	assert_non_null(strstr(text, "answer N TEXT"));

	assert_null(fx_run(f, B, "answer 2 decide sooner"));
	assert_int_equal(fx_count(f, "answer", "b", NULL, &ev), 1);
	assert_true(ev->aud.staff && ev->aud.teams != NULL && ev->aud.teams[1] &&
	            !ev->aud.teams[0]);
	assert_int_equal(json_integer_value(json_object_get(ev->obj, "n")), 2);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "question")),
	                    "What would you change?");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "text")), "decide sooner");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "by")), "Bob");
	assert_non_null(strstr(evt_text(ev, f->ex, NULL), "ANSWER b (Bob) to question 2"));
	assert_string_equal(fx_run(f, A, "answer 3 nothing"), "bad_args");
	assert_string_equal(fx_run(f, A, "answer 0 nothing"), "bad_args");
	assert_string_equal(fx_run(f, A, "answer one nothing"), "bad_args");
	assert_string_equal(fx_run(f, A, "answer 1"), "bad_args");
	assert_string_equal(fx_run(f, FAC, "answer 1 white cell"), "not_allowed");
	assert_null(fx_run(f, A, "answer 1 again, better"));
	assert_int_equal(fx_count(f, "answer", NULL, NULL, NULL), 2);
}

/* Without hotwash questions there is no hotwash event and answer is bad_state. */
static void test_no_hotwash(void **state)
{
	struct fx *f = *state;

	for (int i = 0; i < f->ex->n_hotwash; i++)
		free(f->ex->hotwash[i]);
	free(f->ex->hotwash);
	f->ex->hotwash = NULL;
	f->ex->n_hotwash = 0;
	assert_null(fx_run(f, FAC, "start"));
	assert_null(fx_run(f, FAC, "endex"));
	assert_int_equal(fx_count(f, "hotwash", NULL, NULL, NULL), 0);
	assert_string_equal(fx_run(f, A, "answer 1 x"), "bad_state");
}

/* Text mode: the evaluation events read as one stamped line each. */
static void test_render(void **state)
{
	struct fx *f = *state;
	struct evt *ev = NULL;

	assert_null(fx_run(f, FAC, "start"));
	assert_null(fx_run(f, B, "decide I-1 1"));
	assert_null(fx_run(f, FAC, "validate b I-1 missed wrong call"));
	assert_null(fx_run(f, FAC, "note calm team"));
	fx_count(f, "expect", "b", "I-1", &ev);
	assert_non_null(
	    strstr(evt_text(ev, f->ex, NULL), "EXPECT b on I-1 (O1): missed: chose 1; expected 2"));
	fx_count(f, "validate", "b", "I-1", &ev);
	assert_non_null(strstr(evt_text(ev, f->ex, NULL),
	                       "VALIDATE b on I-1 (O1): missed by Dana: wrong call"));
	fx_count(f, "note", NULL, NULL, &ev);
	assert_non_null(strstr(evt_text(ev, f->ex, NULL), "NOTE by Dana: calm team"));
}

/* Which lines are journaled: commands the session may run that may change the exercise. */
static void test_journaled(void **state)
{
	struct fx *f = *state;
	struct cmd_session anon;

	cmd_session_init(&anon, 99);
	assert_true(cmd_journaled(&f->s[A], "decide I-1 1"));
	assert_true(cmd_journaled(&f->s[A], "  DECIDE I-1 1"));
	assert_true(cmd_journaled(&f->s[A], "say hello"));
	assert_true(cmd_journaled(&f->s[A], "answer 1 x"));
	assert_true(cmd_journaled(&f->s[FAC], "advance 10m"));
	assert_true(cmd_journaled(&f->s[FAC], "note x"));
	assert_true(cmd_journaled(&f->s[FAC], "validate a I-1 met"));
	assert_false(cmd_journaled(&f->s[A], "start"));
	assert_false(cmd_journaled(&f->s[OBS], "note x"));
	assert_false(cmd_journaled(&f->s[FAC], "status"));
	assert_false(cmd_journaled(&f->s[FAC], "teams"));
	assert_false(cmd_journaled(&f->s[A], "injects"));
	assert_false(cmd_journaled(&f->s[A], "login a secret"));
	assert_false(cmd_journaled(&f->s[A], "quit"));
	assert_false(cmd_journaled(&f->s[A], "frobnicate"));
	assert_false(cmd_journaled(&f->s[A], "decidedecidedecidedecide x"));
	assert_false(cmd_journaled(&f->s[A], "   "));
	assert_false(cmd_journaled(&anon, "decide I-1 1"));
}

/* Load a scenario written to a temporary file; returns it (NULL) and its problems. */
static struct scenario *fx_load_text(const char *text, struct scenario_problems *p)
{
	char path[] = "/tmp/tabletop-eval-XXXXXX";
	struct scenario_limits lim;
	struct scenario *sc;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	scenario_limits_default(&lim);
	sc = scenario_load(path, &lim, -1, p);
	unlink(path);
	return sc;
}

/* Whether a problem at line has a message holding needle. */
static bool fx_problem(const struct scenario_problems *p, int line, const char *needle)
{
	for (int i = 0; i < p->n; i++)
		if (p->v[i].line == line && strstr(p->v[i].msg, needle) != NULL)
			return true;
	return false;
}

/* hotwash{}: a list of non-empty strings, declared once; problems name the line. */
static void test_hotwash_declaration(void **state)
{
	static const char head[] = "exercise { title = \"x\", duration = \"1h\", tick = \"1m\" }\n"
	                           "team { id = \"a\" }\n";
	struct scenario_problems p = {0};
	struct scenario *sc;
	char text[1024];

	(void)state;
	snprintf(text, sizeof text,
	         "%shotwash {}\nhotwash { \"a\", 3 }\nhotwash { q = \"x\" }\n"
	         "hotwash { \"a\", \"  \" }\n",
	         head);
	assert_null(fx_load_text(text, &p));
	assert_true(fx_problem(&p, 3, "expected a list of questions"));
	assert_true(fx_problem(&p, 4, "question 2 must be a non-empty string"));
	assert_true(fx_problem(&p, 5, "expected a list of questions"));
	assert_true(fx_problem(&p, 6, "question 2 must be a non-empty string"));
	scenario_problems_free(&p);
	snprintf(text, sizeof text, "%shotwash { \"one\" }\nhotwash { \"two\" }\n", head);
	assert_null(fx_load_text(text, &p));
	assert_true(fx_problem(&p, 4, "declared twice"));
	scenario_problems_free(&p);
	snprintf(text, sizeof text, "%shotwash { \"one\", \"two\" }\n", head);
	sc = fx_load_text(text, &p);
	assert_non_null(sc);
	assert_int_equal(scenario_exercise(sc)->n_hotwash, 2);
	assert_string_equal(scenario_exercise(sc)->hotwash[1], "two");
	scenario_free(sc);
	scenario_problems_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_expect_outcomes, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_note_validate, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_hotwash_answer, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_no_hotwash, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_render, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_journaled, fx_setup, fx_teardown),
	    cmocka_unit_test(test_hotwash_declaration),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
