/*
 * Tests of languages in core: texts and their fallback, the "i18n" of events, one serialisation
 * per language shared by its sessions, and what staff and participants see in text and JSON.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmd.h"
#include "core/exercise.h"
#include "core/timeparse.h"

enum { EN, SQ, SR };
enum { AL, XK };

/* Events the sink kept (referenced). */
static struct evt *kept[64];
static int n_kept;

/* Keep every event. */
static void sink(void *ctx, struct evt *ev)
{
	(void)ctx;
	assert_true(n_kept < 64);
	evt_ref(ev);
	kept[n_kept++] = ev;
}

/* Drop the kept events. */
static void forget(void)
{
	for (int i = 0; i < n_kept; i++)
		evt_unref(kept[i]);
	n_kept = 0;
}

/* An ex_tr of the exercise's three languages (NULL: that one is missing). */
static struct ex_tr *tr3(const char *en, const char *sq, const char *sr)
{
	struct ex_tr *tr = ex_lang_new(3);

	tr->v[EN] = en != NULL ? strdup(en) : NULL;
	tr->v[SQ] = sq != NULL ? strdup(sq) : NULL;
	tr->v[SR] = sr != NULL ? strdup(sr) : NULL;
	return tr;
}

/* An exercise in en, sq and sr: teams al and xk, and inject I-01 to both with a decision. */
static struct exercise *make(void)
{
	struct exercise *ex = ex_new();
	struct ex_inject *in;
	struct ex_decision *d;
	const char *err;

	assert_int_equal(timeparse_datetime("2024-11-12 09:00", &ex->start_epoch, &err), 0);
	ex->langs = calloc(3, sizeof *ex->langs);
	ex->langs[EN] = strdup("en");
	ex->langs[SQ] = strdup("sq");
	ex->langs[SR] = strdup("sr");
	ex->n_langs = 3;
	ex_add_team(ex, "al", "Albania", "al-secret", 1);
	ex->teams[AL].name_tr = tr3("Albania", "Shqipëria", NULL);
	ex_add_team(ex, "xk", "Kosovo", "xk-secret", 2);
	in = ex_add_inject(ex, "I-01", 3);
	in->to_all = true;
	in->from = strdup("Ministry");
	in->channel = strdup("email");
	in->subject = strdup("Ransom note");
	in->subject_tr = tr3("Ransom note", "Shënim shpërblese", NULL);
	in->body = strdup("The portal shows a note.");
	in->body_tr = tr3("The portal shows a note.", "Portali shfaq një shënim.", NULL);
	in->notes = strdup("It is fake");
	in->notes_tr = tr3("It is fake", "Është i rremë", NULL);
	d = in->decision = calloc(1, sizeof *d);
	d->prompt = strdup("What first?");
	d->prompt_tr = tr3("What first?", "Çfarë së pari?", NULL);
	d->options = calloc(2, sizeof *d->options);
	d->n_options = 2;
	d->options[0].key = strdup("isolate");
	d->options[0].label = strdup("Take it offline");
	d->options[0].label_tr = tr3("Take it offline", "Shkëputeni", NULL);
	d->options[1].key = strdup("share");
	d->options[1].label = strdup("Alert the CSIRTs");
	d->deadline = 1800;
	d->dflt = -1;
	ex_set_sink(ex, sink, NULL);
	return ex;
}

/* Free the exercise and the kept events. */
static void done(struct exercise *ex)
{
	forget();
	ex_free(ex);
}

/* The kept event of type (the k-th from 0), or fail. */
static struct evt *nth(const char *type, int k)
{
	for (int i = 0; i < n_kept; i++)
		if (strcmp(json_string_value(json_object_get(kept[i]->obj, "type")), type) == 0 &&
		    k-- == 0)
			return kept[i];
	fail_msg("no %s event", type);
	return NULL;
}

/* A string member along a path of keys ("decision", "prompt"), or NULL. */
static const char *str_at(const json_t *o, const char *k1, const char *k2)
{
	const json_t *v = json_object_get(o, k1);

	return json_string_value(k2 != NULL ? json_object_get(v, k2) : v);
}

/* Every line of text holds at most 80 code points. */
static void assert_80(const char *text)
{
	size_t w = 0;

	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			w = 0;
			continue;
		}
		w += ((unsigned char)*p & 0xc0) != 0x80;
		assert_true(w <= 80);
	}
}

/* A text's version in a language, or the default one; codes are found whatever their case. */
static void test_texts(void **state)
{
	struct exercise *ex = make();
	struct ex_tr *tr = tr3(NULL, "sq", NULL), *copy;

	(void)state;
	assert_string_equal(ex_lang_get("dflt", tr, SQ), "sq");
	assert_string_equal(ex_lang_get("dflt", tr, EN), "dflt");
	assert_string_equal(ex_lang_get("dflt", tr, SR), "dflt");
	assert_string_equal(ex_lang_get("dflt", tr, 7), "dflt");
	assert_string_equal(ex_lang_get("dflt", NULL, SQ), "dflt");
	copy = ex_lang_dup(tr);
	assert_true(copy->v[SQ] != tr->v[SQ]);
	assert_string_equal(copy->v[SQ], "sq");
	assert_null(copy->v[EN]);
	assert_null(ex_lang_dup(NULL));
	ex_lang_free(copy);
	ex_lang_free(tr);
	assert_int_equal(ex_lang_find(ex, "SQ"), SQ);
	assert_int_equal(ex_lang_find(ex, "sr"), SR);
	assert_int_equal(ex_lang_find(ex, "fr"), -1);
	assert_int_equal(ex_lang_find(ex, NULL), -1);
	ex_lang_missing(ex, 9, "nine %d", 9);
	ex_lang_missing(ex, 3, "three");
	ex_lang_missing(ex, 9, "nine again");
	assert_int_equal(ex->n_missing, 3);
	assert_int_equal(ex->missing[0].line, 3);
	assert_string_equal(ex->missing[1].msg, "nine 9");
	assert_string_equal(ex->missing[2].msg, "nine again");
	done(ex);
}

/* Staff get the default texts and every other language under "i18n"; teams each their own. */
static void test_inject_variants(void **state)
{
	struct exercise *ex = make();
	const json_t *sq, *en, *sr, *i18n;
	struct evt *team, *staff;

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_fire(ex, 0, -1);
	assert_int_equal(n_kept, 2);
	team = kept[0];
	staff = kept[1];
	assert_true(staff->aud.staff && !team->aud.staff);

	i18n = json_object_get(staff->obj, "i18n");
	assert_string_equal(str_at(staff->obj, "subject", NULL), "Ransom note");
	assert_string_equal(str_at(json_object_get(i18n, "sq"), "subject", NULL),
	                    "Shënim shpërblese");
	assert_string_equal(str_at(json_object_get(i18n, "sq"), "notes", NULL), "Është i rremë");
	assert_null(json_object_get(i18n, "en"));
	assert_null(json_object_get(i18n, "sr"));
	assert_null(json_object_get(json_object_get(team->obj, "i18n"), "notes"));

	sq = evt_obj_lang(team, ex, SQ);
	en = evt_obj_lang(team, ex, EN);
	sr = evt_obj_lang(team, ex, SR);
	assert_null(json_object_get(sq, "i18n"));
	assert_null(json_object_get(en, "i18n"));
	assert_null(json_object_get(sq, "notes"));
	assert_string_equal(str_at(sq, "subject", NULL), "Shënim shpërblese");
	assert_string_equal(str_at(sq, "body", NULL), "Portali shfaq një shënim.");
	assert_string_equal(str_at(sq, "from", NULL), "Ministry");
	assert_string_equal(str_at(sq, "decision", "prompt"), "Çfarë së pari?");
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(sq, "decision"), "deadline")), 1800);
	assert_string_equal(
	    str_at(json_array_get(json_object_get(json_object_get(sq, "decision"), "options"), 0),
	           "label", NULL),
	    "Shkëputeni");
	assert_string_equal(
	    str_at(json_array_get(json_object_get(json_object_get(sq, "decision"), "options"), 1),
	           "label", NULL),
	    "Alert the CSIRTs");
	assert_string_equal(str_at(en, "subject", NULL), "Ransom note");
	assert_true(sr == en); /* nothing in sr: the default language's object */
	assert_string_equal(str_at(team->obj, "subject", NULL), "Ransom note");
	assert_non_null(json_object_get(team->obj, "i18n")); /* the event itself is unchanged */
	done(ex);
}

/* One serialisation per mode and language, shared by every session of it; none per session. */
static void test_one_serialisation_per_language(void **state)
{
	struct exercise *ex = make();
	struct cmd_session s[5];
	const char *p[5], *q;
	size_t n;
	struct evt *ev;

	(void)state;
	for (int i = 0; i < 5; i++) {
		cmd_session_init(&s[i], (unsigned long)i + 1);
		s[i].role = CMD_ROLE_TEAM;
		s[i].team = i % 2;
		s[i].json = true;
	}
	s[1].lang = SQ;
	s[3].lang = SR; /* no text in sr: the default language's bytes */
	s[4].role = CMD_ROLE_FACILITATOR;
	s[4].team = -1;
	ex_prepare(ex);
	ex_start(ex);
	forget();
	free(ex->injects[0].notes); /* one event for teams and staff alike */
	ex->injects[0].notes = NULL;
	ex_lang_free(ex->injects[0].notes_tr);
	ex->injects[0].notes_tr = NULL;
	ex_fire(ex, 0, -1);
	assert_int_equal(n_kept, 1);
	ev = kept[0];
	for (int i = 0; i < 5; i++)
		p[i] = cmd_event_bytes(&s[i], ev, ex, &n);
	/* three team sessions of two languages: two serialisations */
	assert_true(p[0] == p[2]);
	assert_true(p[0] == p[3]);
	assert_true(p[0] != p[1]);
	assert_true(p[4] != p[0] && p[4] != p[1]);
	assert_true(p[4] == evt_json(ev, NULL));
	assert_null(strstr(p[0], "i18n"));
	assert_null(strstr(p[1], "i18n"));
	assert_non_null(strstr(p[1], "Shënim shpërblese"));
	assert_non_null(strstr(p[4], "\"i18n\":{\"sq\":"));
	for (int i = 0; i < 5; i++)
		assert_true(cmd_event_bytes(&s[i], ev, ex, &n) == p[i]);
	q = cmd_event_bytes(&s[1], ev, ex, &n);
	assert_int_equal(n, strlen(q));
	assert_true(q[n - 1] == '\n');
	s[1].json = false;
	s[0].json = false;
	assert_true(cmd_event_bytes(&s[1], ev, ex, &n) != cmd_event_bytes(&s[0], ev, ex, &n));
	assert_true(cmd_event_bytes(&s[1], ev, ex, &n) == evt_text_lang(ev, ex, SQ, NULL));

	/* an event without texts in other languages is one set of bytes for everyone */
	ex_broadcast(ex, "Move 2");
	ev = kept[1];
	assert_null(ev->i18n);
	assert_true(evt_json_lang(ev, ex, SQ, NULL) == evt_json(ev, NULL));
	assert_true(evt_text_lang(ev, ex, SQ, NULL) == evt_text(ev, ex, NULL));
	assert_true(evt_obj_lang(ev, ex, SQ) == ev->obj);
	assert_null(ev->langs);
	for (int i = 0; i < 5; i++)
		cmd_session_close(ex, &s[i]);
	done(ex);
}

/* Staff read each other language in its own block under the default one, within 80 columns. */
static void test_render(void **state)
{
	struct exercise *ex = make();
	const char *staff, *sq, *en;

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_fire(ex, 0, -1);
	staff = evt_text(kept[1], ex, NULL);
	assert_string_equal(staff,
	                    "----------------------------------------------------------------\n"
	                    "EXERCISE EXERCISE EXERCISE\n"
	                    "INJECT I-01  09:00 (T+00:00:00)  from Ministry via email\n"
	                    "Subject: Ransom note\n"
	                    "The portal shows a note.\n"
	                    "DECISION (answer by T+00:30:00, 09:30): What first?\n"
	                    "  decide I-01 isolate   Take it offline\n"
	                    "  decide I-01 share     Alert the CSIRTs\n"
	                    "Notes (white cell only): It is fake\n"
	                    "-- [sq] --------------------------------------------------------\n"
	                    "Subject: Shënim shpërblese\n"
	                    "Portali shfaq një shënim.\n"
	                    "DECISION: Çfarë së pari?\n"
	                    "  decide I-01 isolate   Shkëputeni\n"
	                    "  decide I-01 share     Alert the CSIRTs\n"
	                    "Notes (white cell only): Është i rremë\n"
	                    "----------------------------------------------------------------\n");
	sq = evt_text_lang(kept[0], ex, SQ, NULL);
	assert_string_equal(sq,
	                    "----------------------------------------------------------------\n"
	                    "EXERCISE EXERCISE EXERCISE\n"
	                    "INJECT I-01  09:00 (T+00:00:00)  from Ministry via email\n"
	                    "Subject: Shënim shpërblese\n"
	                    "Portali shfaq një shënim.\n"
	                    "DECISION (answer by T+00:30:00, 09:30): Çfarë së pari?\n"
	                    "  decide I-01 isolate   Shkëputeni\n"
	                    "  decide I-01 share     Alert the CSIRTs\n"
	                    "----------------------------------------------------------------\n");
	en = evt_text_lang(kept[0], ex, EN, NULL);
	assert_null(strstr(en, "[sq]"));
	assert_non_null(strstr(en, "Subject: Ransom note\n"));

	free(ex->injects[0].body_tr->v[SQ]);
	ex->injects[0].body_tr->v[SQ] = strdup(
	    "Një tekst i gjatë që duhet të mbështillet në tetëdhjetë kolona, sepse terminalet e "
	    "ekipeve janë të ngushta dhe askush nuk do të lexojë rreshta shumë të gjatë. "
	    "Ç'ëështë?");
	forget();
	ex_fire(ex, 0, -1);
	assert_80(evt_text(kept[1], ex, NULL));
	assert_80(evt_text_lang(kept[0], ex, SQ, NULL));
	done(ex);
}

/* Phase, score, ENDEX, the hotwash and its answers carry their other languages too. */
static void test_other_events(void **state)
{
	struct exercise *ex = make();
	struct ex_tr *phase = tr3("Move 1", "Lëvizja 1", "Potez 1");
	struct ex_tr *reason = tr3(NULL, "shpejt", NULL);
	struct ex_tr *q = tr3("Well?", "Mirë?", NULL);
	struct evt *ev;

	(void)state;
	ex_add_hotwash_tr(ex, "Well?", q);
	ex_add_hotwash(ex, "Else?");
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_phase_tr(ex, "Move 1", phase);
	ex_score_tr(ex, AL, 5, "fast", reason);
	ex_endex_tr(ex, "over", reason);
	ex_answer(ex, AL, "Ana", 1, "Good");
	ex_answer(ex, AL, "Ana", 2, "Nothing");

	ev = nth("phase", 0);
	assert_string_equal(str_at(evt_obj_lang(ev, ex, SR), "name", NULL), "Potez 1");
	assert_string_equal(evt_text(ev, ex, NULL), "[T+00:00:00 09:00] PHASE: Move 1\n"
	                                            "    [sq] Lëvizja 1\n"
	                                            "    [sr] Potez 1\n");
	assert_string_equal(evt_text_lang(ev, ex, SQ, NULL),
	                    "[T+00:00:00 09:00] PHASE: Lëvizja 1\n");
	assert_string_equal(ex_lang_get(ex->phase, ex->phase_tr, SR), "Potez 1");
	ev = nth("score", 0);
	assert_string_equal(evt_text(ev, ex, NULL),
	                    "[T+00:00:00 09:00] SCORE al +5 (total 5): fast\n    [sq] shpejt\n");
	assert_string_equal(str_at(evt_obj_lang(ev, ex, SQ), "reason", NULL), "shpejt");
	ev = nth("end", 0);
	assert_string_equal(evt_text(ev, ex, NULL), "[T+00:00:00 09:00] ENDEX: over\n"
	                                            "    [sq] shpejt\n"
	                                            "EXERCISE EXERCISE EXERCISE\n");
	assert_string_equal(ex_lang_get(ex->end_reason, ex->end_reason_tr, SQ), "shpejt");
	ev = nth("hotwash", 0);
	assert_string_equal(json_string_value(json_array_get(
	                        json_object_get(evt_obj_lang(ev, ex, SQ), "questions"), 0)),
	                    "Mirë?");
	assert_string_equal(json_string_value(json_array_get(
	                        json_object_get(evt_obj_lang(ev, ex, SQ), "questions"), 1)),
	                    "Else?");
	assert_non_null(strstr(evt_text(ev, ex, NULL),
	                       " 1. Well?\n 2. Else?\n"
	                       "-- [sq] ------------------------------------"
	                       "--------------------\n"
	                       " 1. Mirë?\n 2. Else?\n"));
	assert_string_equal(str_at(evt_obj_lang(nth("answer", 0), ex, SQ), "question", NULL),
	                    "Mirë?");
	assert_null(nth("answer", 1)->i18n);
	ex_lang_free(phase);
	ex_lang_free(reason);
	ex_lang_free(q);
	done(ex);
}

/* An ad-hoc inject carries its texts' languages; one without any is as before. */
static void test_send(void **state)
{
	struct exercise *ex = make();
	struct ex_tr *subject = tr3("Indicators", "Treguesit", NULL);
	struct ex_inject inj = {.from = "CERT", .subject = "Indicators", .subject_tr = subject};

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_send_inject(ex, NULL, &inj);
	ex_send_inject(ex, NULL, &(struct ex_inject){.from = "CERT", .subject = "Plain"});
	assert_int_equal(n_kept, 2);
	assert_string_equal(str_at(kept[0]->obj, "id", NULL), "adhoc-1");
	assert_string_equal(str_at(evt_obj_lang(kept[0], ex, SQ), "subject", NULL), "Treguesit");
	assert_string_equal(str_at(evt_obj_lang(kept[0], ex, SQ), "from", NULL), "CERT");
	assert_null(kept[1]->i18n);
	ex_lang_free(subject);
	done(ex);
}

/* Run this file's tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_texts),
	    cmocka_unit_test(test_inject_variants),
	    cmocka_unit_test(test_one_serialisation_per_language),
	    cmocka_unit_test(test_render),
	    cmocka_unit_test(test_other_events),
	    cmocka_unit_test(test_send),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
