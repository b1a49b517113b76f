/* Tests of the exercise model: injects, decisions, team inputs, audiences, events and rendering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/exercise.h"
#include "core/timeparse.h"

enum { AL, RS, ME };
enum { I01, I02, I03, I04 };

/* Events the sink kept (referenced) and the notes the scenario layer got. */
struct rec {
	struct evt *ev[256];
	int n;
	struct ex_note notes[64];
	char note_option[64][32];
	int n_notes;
	int n_settle;
};

static struct rec rec;

/* Keep every event. */
static void sink(void *ctx, struct evt *ev)
{
	(void)ctx;
	assert_true(rec.n < 256);
	evt_ref(ev);
	rec.ev[rec.n++] = ev;
}

/* Keep every notification (except ticks), with a copy of its option. */
static void hook_notify(void *ctx, struct exercise *ex, const struct ex_note *note)
{
	(void)ctx;
	(void)ex;
	if (note->kind == EX_NOTE_TICK)
		return;
	assert_true(rec.n_notes < 64);
	rec.notes[rec.n_notes] = *note;
	snprintf(rec.note_option[rec.n_notes], 32, "%s", note->option ? note->option : "(null)");
	rec.n_notes++;
}

/* Count settles. */
static void hook_settle(void *ctx, struct exercise *ex)
{
	(void)ctx;
	(void)ex;
	rec.n_settle++;
}

/* Drop the kept events. */
static void forget(void)
{
	for (int i = 0; i < rec.n; i++)
		evt_unref(rec.ev[i]);
	rec.n = 0;
	rec.n_notes = 0;
	rec.n_settle = 0;
}

/* A heap copy of s. */
static char *xdup(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

/* A decision with options "isolate" and "share". */
static struct ex_decision *decision(long deadline, int dflt)
{
	struct ex_decision *d = calloc(1, sizeof *d);

	assert_non_null(d);
	d->prompt = xdup("What do you do first?");
	d->n_options = 2;
	d->options = calloc(2, sizeof *d->options);
	d->options[0].key = xdup("isolate");
	d->options[0].label = xdup("Take the portal offline");
	d->options[1].key = xdup("share");
	d->options[1].label = xdup("Alert the regional CSIRTs");
	d->deadline = deadline;
	d->dflt = dflt;
	return d;
}

/* Three teams and four injects: I-01 at 1m to al and rs with a 30m decision defaulting to
 * isolate and notes; I-02 by hand to all; I-03 at 2m to me, 10m decision, no default; I-04 by
 * hand to al, decision without deadline. */
static struct exercise *make(void)
{
	struct exercise *ex = ex_new();
	struct ex_inject *inj;
	const char *err;

	memset(&rec, 0, sizeof rec);
	ex_set_sink(ex, sink, NULL);
	ex->hooks.notify = hook_notify;
	ex->hooks.settle = hook_settle;
	ex->remind = 0; /* reminders have a test of their own */
	ex->duration = 6 * 3600;
	assert_int_equal(timeparse_datetime("2024-11-12 09:00", &ex->start_epoch, &err), 0);
	assert_int_equal(ex_add_team(ex, "al", "AKCESK (Albania)", NULL, 3), AL);
	assert_int_equal(ex_add_team(ex, "rs", NULL, "s3cret", 4), RS);
	assert_int_equal(ex_add_team(ex, "me", "CIRT.ME", NULL, 5), ME);

	inj = ex_add_inject(ex, "I-01", 10);
	assert_int_equal(inj->at, -1);
	assert_int_equal(inj->on_decision, -1);
	assert_int_equal(inj->expect.option, -1);
	assert_int_equal(inj->expect.objective, -1);
	inj->at = 60;
	inj->to = calloc(2, sizeof(int));
	inj->to[0] = AL;
	inj->to[1] = RS;
	inj->n_to = 2;
	inj->from = xdup("Ministry of Finance IT");
	inj->channel = xdup("email");
	inj->subject = xdup("Ransom note on the e-services portal");
	inj->body = xdup("Përshëndetje, the portal shows a ransom note.");
	inj->notes = xdup("The ransom note is fake");
	inj->decision = decision(1800, 0);

	inj = ex_add_inject(ex, "I-02", 20);
	inj->to_all = true;
	inj->from = xdup("Press");
	inj->body = xdup("A journalist calls.");

	inj = ex_add_inject(ex, "I-03", 30);
	inj->at = 120;
	inj->to = calloc(1, sizeof(int));
	inj->to[0] = ME;
	inj->n_to = 1;
	inj->decision = decision(600, -1);

	inj = ex_add_inject(ex, "I-04", 40);
	inj->to = calloc(1, sizeof(int));
	inj->to[0] = AL;
	inj->n_to = 1;
	inj->decision = decision(-1, -1);
	return ex;
}

/* The JSON line of kept event i. */
static const char *json(int i)
{
	assert_true(i < rec.n);
	return evt_json(rec.ev[i], NULL);
}

/* Whether kept event i reaches team k. */
static int to_team(int i, int k)
{
	return rec.ev[i]->aud.all || (rec.ev[i]->aud.teams != NULL && rec.ev[i]->aud.teams[k]);
}

/* Free the exercise and the kept events. */
static void done(struct exercise *ex)
{
	forget();
	ex_free(ex);
}

/* Lookups by id: teams, objectives, injects (before and after prepare), options. */
static void test_lookups(void **state)
{
	struct exercise *ex = make();

	(void)state;
	assert_string_equal(ex->teams[RS].name, "rs");
	assert_string_equal(ex->teams[RS].secret, "s3cret");
	assert_null(ex->teams[AL].secret);
	assert_int_equal(ex_find_team(ex, "me"), ME);
	assert_int_equal(ex_find_team(ex, "xx"), -1);
	assert_int_equal(ex_add_objective(ex, "O1", "Share indicators", 7), 0);
	assert_int_equal(ex_find_objective(ex, "O1"), 0);
	assert_int_equal(ex_find_objective(ex, "O2"), -1);
	assert_int_equal(ex_find_inject(ex, "I-03"), I03);
	assert_int_equal(ex_find_inject(ex, "I-05"), -1);
	ex_prepare(ex);
	assert_int_equal(ex_find_inject(ex, "I-01"), I01);
	assert_int_equal(ex_find_inject(ex, "I-02"), I02);
	assert_int_equal(ex_find_inject(ex, "I-03"), I03);
	assert_int_equal(ex_find_inject(ex, "I-04"), I04);
	assert_int_equal(ex_find_inject(ex, "I-00"), -1);
	assert_int_equal(ex_find_inject(ex, "I-05"), -1);
	assert_int_equal(ex_find_inject(ex, NULL), -1);
	assert_int_equal(ex_find_option(ex->injects[I01].decision, "SHARE"), 1);
	assert_int_equal(ex_find_option(ex->injects[I01].decision, "Isolate"), 0);
	assert_int_equal(ex_find_option(ex->injects[I01].decision, "shar"), -1);
	assert_int_equal(ex_find_option(NULL, "share"), -1);
	done(ex);
}

/* Many injects: the index finds every one, and the first when ids repeat. */
static void test_index_scale(void **state)
{
	struct exercise *ex = ex_new();
	char id[32];

	(void)state;
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "X-%d", (i * 7919) % 5000);
		ex_add_inject(ex, id, i);
	}
	ex_add_inject(ex, "X-42", 9999);
	ex_prepare(ex);
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "X-%d", (i * 7919) % 5000);
		assert_int_equal(ex_find_inject(ex, id), i);
	}
	assert_int_equal(ex_find_inject(ex, "X-5000"), -1);
	ex_free(ex);
}

/* An inject reaches its teams without notes, and the white cell with them. */
static void test_inject_delivery(void **state)
{
	struct exercise *ex = make();
	const struct ex_teaminject *ts;

	(void)state;
	ex_prepare(ex);
	assert_int_equal(ex_fire(ex, I01, -1), -1);
	ex_start(ex);
	forget();
	ex_tick(ex);
	assert_int_equal(rec.n, 2);
	assert_string_equal(
	    json(0), "{\"type\":\"inject\",\"id\":\"I-01\",\"t\":60,\"from\":\"Ministry of "
	             "Finance IT\",\"channel\":\"email\",\"subject\":\"Ransom note on the "
	             "e-services portal\",\"body\":\"Përshëndetje, the portal shows a ransom "
	             "note.\",\"to\":[\"al\",\"rs\"],\"decision\":{\"prompt\":\"What do you do "
	             "first?\",\"options\":[{\"key\":\"isolate\",\"label\":\"Take the portal "
	             "offline\"},{\"key\":\"share\",\"label\":\"Alert the regional "
	             "CSIRTs\"}],\"deadline\":1860},\"marking\":\"EXERCISE EXERCISE "
	             "EXERCISE\"}\n");
	assert_false(rec.ev[0]->aud.staff);
	assert_false(rec.ev[0]->aud.all);
	assert_true(to_team(0, AL) && to_team(0, RS) && !to_team(0, ME));
	assert_null(strstr(json(0), "notes"));
	assert_true(rec.ev[1]->aud.staff);
	assert_false(to_team(1, AL) || to_team(1, RS) || to_team(1, ME));
	assert_non_null(strstr(json(1), ",\"notes\":\"The ransom note is fake\"}\n"));
	assert_int_equal(rec.ev[1]->type, EVT_INJECT);

	ts = ex->injects[I01].ts;
	assert_non_null(ts);
	assert_int_equal(ts[AL].fired_at, 60);
	assert_int_equal(ts[AL].dstate, EX_D_PENDING);
	assert_int_equal(ts[AL].deadline, 1860);
	assert_int_equal(ts[AL].decided_at, -1);
	assert_int_equal(ts[ME].fired_at, -1);
	assert_int_equal(ts[ME].dstate, EX_D_NONE);
	assert_int_equal(ex->n_fired, 1);
	assert_int_equal(ex->injects[I01].times_fired, 1);

	forget();
	assert_int_equal(ex_fire(ex, I02, -1), 0);
	assert_int_equal(rec.n, 1);
	assert_true(rec.ev[0]->aud.staff);
	assert_true(to_team(0, AL) && to_team(0, RS) && to_team(0, ME));
	assert_non_null(strstr(json(0), "\"to\":[\"al\",\"rs\",\"me\"],\"decision\":null,"
	                                "\"marking\":\"EXERCISE EXERCISE EXERCISE\"}\n"));
	assert_non_null(strstr(json(0), "\"channel\":null"));

	forget();
	assert_int_equal(ex_fire(ex, I01, ME), 0);
	assert_true(!to_team(0, AL) && to_team(0, ME));
	assert_non_null(strstr(json(0), "\"to\":[\"me\"]"));
	assert_int_equal(ex->injects[I01].ts[ME].fired_at, 60);
	assert_int_equal(ex->injects[I01].times_fired, 2);
	assert_int_equal(ex_fire(ex, 99, -1), -1);
	assert_int_equal(ex_fire(ex, -1, -1), -1);
	assert_int_equal(ex_fire(ex, I01, 3), -1);
	assert_int_equal(ex->n_fired, 3);
	done(ex);
}

/* ex_decide refuses in the documented order, records the first valid decision and tells all. */
static void test_decide(void **state)
{
	struct exercise *ex = make();
	const char *code = NULL;

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	assert_int_equal(ex_decide(ex, I01, AL, "share", "Ana", &code), -1);
	assert_string_equal(code, "unknown_inject");
	ex_tick(ex);
	ex_fire(ex, I02, -1);
	forget();
	assert_int_equal(ex_decide(ex, 42, AL, "share", "Ana", &code), -1);
	assert_string_equal(code, "unknown_inject");
	assert_int_equal(ex_decide(ex, I01, ME, "share", "Ana", &code), -1);
	assert_string_equal(code, "unknown_inject");
	assert_int_equal(ex_decide(ex, I02, AL, "share", "Ana", &code), -1);
	assert_string_equal(code, "no_decision");
	assert_int_equal(ex_decide(ex, I01, AL, "nope", "Ana", &code), -1);
	assert_string_equal(code, "bad_option");
	assert_int_equal(ex_decide(ex, I01, AL, NULL, "Ana", &code), -1);
	assert_string_equal(code, "bad_option");
	assert_int_equal(rec.n, 0);
	assert_int_equal(rec.n_settle, 0);

	assert_int_equal(ex_decide(ex, I01, AL, "SHARE", "Ana", &code), 0);
	assert_int_equal(rec.n, 1);
	assert_string_equal(json(0),
	                    "{\"type\":\"decision\",\"inject\":\"I-01\",\"team\":\"al\","
	                    "\"option\":\"share\",\"by\":\"Ana\",\"t\":60,\"timeout\":false}\n");
	assert_true(rec.ev[0]->aud.staff && to_team(0, AL) && !to_team(0, RS));
	assert_int_equal(rec.n_notes, 1);
	assert_int_equal(rec.notes[0].kind, EX_NOTE_DECISION);
	assert_int_equal(rec.notes[0].team, AL);
	assert_int_equal(rec.notes[0].inject, I01);
	assert_false(rec.notes[0].timeout);
	assert_string_equal(rec.note_option[0], "share");
	assert_int_equal(rec.n_settle, 1);
	assert_int_equal(ex->injects[I01].ts[AL].dstate, EX_D_DECIDED);
	assert_int_equal(ex->injects[I01].ts[AL].option, 1);
	assert_int_equal(ex->injects[I01].ts[AL].decided_at, 60);
	assert_int_equal(ex->n_decided, 1);

	assert_int_equal(ex_decide(ex, I01, AL, "isolate", "Ben", &code), -1);
	assert_string_equal(code, "already_decided");
	assert_int_equal(ex_decide(ex, I01, AL, "nope", "Ben", &code), -1);
	assert_string_equal(code, "already_decided");
	assert_int_equal(ex->injects[I01].ts[AL].option, 1);

	/* the deadline records rs's default, then rs is too late */
	forget();
	ex_advance(ex, 1800);
	assert_int_equal(ex->t, 1860);
	/* I-03 to me at 120, its deadline at 720, then the clock reached */
	assert_int_equal(rec.n, 4);
	assert_string_equal(json(3), "{\"type\":\"clock\",\"state\":\"running\",\"t\":1860,"
	                             "\"speed\":1,\"advanced\":1800}\n");
	assert_string_equal(json(2),
	                    "{\"type\":\"decision\",\"inject\":\"I-01\",\"team\":\"rs\","
	                    "\"option\":\"isolate\",\"by\":null,\"t\":1860,\"timeout\":true}\n");
	assert_true(to_team(2, RS) && !to_team(2, AL) && rec.ev[2]->aud.staff);
	assert_int_equal(rec.notes[rec.n_notes - 1].kind, EX_NOTE_DECISION);
	assert_true(rec.notes[rec.n_notes - 1].timeout);
	assert_string_equal(rec.note_option[rec.n_notes - 1], "isolate");
	assert_int_equal(ex->injects[I01].ts[RS].timeout, 1);
	assert_int_equal(ex_decide(ex, I01, RS, "share", "Cem", &code), -1);
	assert_string_equal(code, "deadline_passed");
	assert_int_equal(ex->injects[I01].ts[AL].timeout, 0);

	assert_int_equal(ex_endex(ex, "facilitator"), 0);
	assert_int_equal(ex_decide(ex, 42, AL, "share", "Ana", &code), -1);
	assert_string_equal(code, "bad_state");
	assert_int_equal(ex_decide(ex, I03, ME, "share", "Ana", &code), -1);
	assert_string_equal(code, "bad_state");
	done(ex);
}

/* A deadline with no default records no option; a paused exercise still takes decisions. */
static void test_deadline_none_and_paused(void **state)
{
	struct exercise *ex = make();
	const char *code;

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	ex_advance(ex, 120);
	ex_fire(ex, I04, -1);
	assert_int_equal(ex->injects[I04].ts[AL].dstate, EX_D_PENDING);
	assert_int_equal(ex->injects[I04].ts[AL].deadline, -1);
	assert_non_null(strstr(json(rec.n - 1), "\"deadline\":null"));
	ex_pause(ex);
	forget();
	ex_advance(ex, 600);
	assert_int_equal(ex->state, EX_PAUSED);
	assert_int_equal(rec.n, 2); /* the deadline, then the clock */
	assert_string_equal(json(0), "{\"type\":\"decision\",\"inject\":\"I-03\",\"team\":\"me\","
	                             "\"option\":null,\"by\":null,\"t\":720,\"timeout\":true}\n");
	assert_string_equal(rec.note_option[0], "(null)");
	assert_int_equal(ex->injects[I03].ts[ME].option, -1);
	assert_int_equal(ex_decide(ex, I03, ME, "share", "Dan", &code), -1);
	assert_string_equal(code, "deadline_passed");

	assert_int_equal(ex_decide(ex, I01, RS, "isolate", "Eda", &code), 0);
	assert_int_equal(ex_decide(ex, I04, AL, "share", "Ana", &code), 0);
	assert_int_equal(ex->state, EX_PAUSED);
	forget();
	ex_advance(ex, 7200);       /* the I-01 deadline passes for al only */
	assert_int_equal(rec.n, 2); /* its decision, then the clock */
	assert_non_null(strstr(json(0), "\"team\":\"al\""));
	assert_int_equal(ex->n_decided, 4);
	done(ex);
}

/* Team inputs go to the right audiences, tell the scenario where on(...) has them, and settle. */
static void test_team_inputs(void **state)
{
	struct exercise *ex = make();

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_action(ex, AL, "Ana", "Isolated the portal");
	assert_string_equal(json(0), "{\"type\":\"action\",\"team\":\"al\",\"by\":\"Ana\",\"text\":"
	                             "\"Isolated the portal\",\"t\":0}\n");
	assert_true(rec.ev[0]->aud.staff && to_team(0, AL) && !to_team(0, RS));
	assert_int_equal(rec.notes[0].kind, EX_NOTE_ACTION);
	assert_string_equal(rec.notes[0].text, "Isolated the portal");

	ex_share(ex, AL, RS, "Ana", "IOC list");
	assert_string_equal(json(1), "{\"type\":\"share\",\"from\":\"al\",\"to\":\"rs\",\"text\":"
	                             "\"IOC list\",\"t\":0}\n");
	assert_true(rec.ev[1]->aud.staff && to_team(1, AL) && to_team(1, RS) && !to_team(1, ME));
	assert_int_equal(rec.notes[1].kind, EX_NOTE_SHARE);
	assert_int_equal(rec.notes[1].to, RS);

	ex_share(ex, RS, -1, "Cem", "to everyone");
	assert_non_null(strstr(json(2), "\"from\":\"rs\",\"to\":\"all\""));
	assert_true(to_team(2, AL) && to_team(2, RS) && to_team(2, ME) && rec.ev[2]->aud.staff);
	assert_int_equal(rec.notes[2].to, -1);

	ex_say(ex, ME, "Dan", "hello");
	assert_string_equal(json(3), "{\"type\":\"say\",\"team\":\"me\",\"by\":\"Dan\",\"text\":"
	                             "\"hello\",\"t\":0}\n");
	assert_true(to_team(3, ME) && !to_team(3, AL) && rec.ev[3]->aud.staff);

	assert_int_equal(ex_rfi(ex, AL, "Ana", "Who owns the portal?"), 1);
	assert_int_equal(ex_rfi(ex, RS, "Cem", "And the DNS?"), 2);
	assert_string_equal(json(5), "{\"type\":\"rfi\",\"id\":\"RFI-2\",\"team\":\"rs\",\"by\":"
	                             "\"Cem\",\"text\":\"And the DNS?\",\"t\":0}\n");
	assert_true(rec.ev[5]->aud.staff && !to_team(5, RS));
	assert_int_equal(rec.notes[4].kind, EX_NOTE_RFI);

	ex_join(ex, RS, "Cem");
	assert_string_equal(json(6),
	                    "{\"type\":\"join\",\"team\":\"rs\",\"name\":\"Cem\",\"t\":0}\n");
	assert_int_equal(rec.notes[5].kind, EX_NOTE_JOIN);
	assert_string_equal(rec.notes[5].text, "Cem");
	assert_int_equal(rec.n_settle, 7);
	assert_int_equal(rec.n_notes, 6);
	done(ex);
}

/* White-cell outputs: reply, broadcast, log, score, phase, ad-hoc injects. */
static void test_white_cell(void **state)
{
	struct exercise *ex = make();
	unsigned char mask[3] = {0, 1, 1};

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	ex_tick(ex);
	forget();
	ex_reply(ex, AL, "The portal is run by AKSHI");
	assert_string_equal(json(0), "{\"type\":\"reply\",\"team\":\"al\",\"text\":\"The portal is "
	                             "run by AKSHI\",\"t\":60,\"rfi\":null}\n");
	assert_true(to_team(0, AL) && !to_team(0, RS) && rec.ev[0]->aud.staff);
	ex_broadcast(ex, "Lunch at noon");
	assert_string_equal(json(1),
	                    "{\"type\":\"broadcast\",\"text\":\"Lunch at noon\",\"t\":60}\n");
	assert_true(rec.ev[1]->aud.all);
	ex_log(ex, "white cell note");
	assert_string_equal(json(2), "{\"type\":\"log\",\"text\":\"white cell note\",\"t\":60}\n");
	assert_true(rec.ev[2]->aud.staff && !rec.ev[2]->aud.all && !to_team(2, AL));
	ex_score(ex, AL, 5, "fast sharing");
	ex_score(ex, AL, -2, "late report");
	ex_score(ex, RS, 1, "ok");
	assert_string_equal(json(4), "{\"type\":\"score\",\"team\":\"al\",\"delta\":-2,\"total\":3,"
	                             "\"reason\":\"late report\",\"t\":60}\n");
	assert_true(to_team(4, AL) && !to_team(4, RS) && rec.ev[4]->aud.staff);
	assert_int_equal(ex->teams[AL].score, 3);
	assert_int_equal(ex->teams[RS].score, 1);
	ex_phase_tr(ex, "Move 2", NULL);
	assert_string_equal(ex->phase, "Move 2");
	assert_string_equal(json(6), "{\"type\":\"phase\",\"name\":\"Move 2\",\"t\":60}\n");
	assert_true(rec.ev[6]->aud.all);
	ex_send_inject(ex, mask,
	               &(struct ex_inject){.from = "CERT-EU",
	                                   .channel = "phone",
	                                   .subject = "Heads-up",
	                                   .body = "Watch port 445"});
	ex_send_inject(ex, NULL, &(struct ex_inject){.body = "to all"});
	assert_string_equal(json(7), "{\"type\":\"inject\",\"id\":\"adhoc-1\",\"t\":60,\"from\":"
	                             "\"CERT-EU\",\"channel\":\"phone\",\"subject\":\"Heads-up\","
	                             "\"body\":\"Watch port 445\",\"to\":[\"rs\",\"me\"],"
	                             "\"decision\":null,\"marking\":\"EXERCISE EXERCISE "
	                             "EXERCISE\"}\n");
	assert_true(!to_team(7, AL) && to_team(7, RS) && to_team(7, ME) && rec.ev[7]->aud.staff);
	assert_non_null(strstr(json(8), "\"id\":\"adhoc-2\""));
	assert_true(to_team(8, AL) && to_team(8, RS) && to_team(8, ME));
	assert_int_equal(ex->n_fired, 1);
	assert_int_equal(ex_endex(ex, "time is up"), 0);
	assert_string_equal(json(rec.n - 1),
	                    "{\"type\":\"end\",\"reason\":\"time is up\",\"t\":60}\n");
	assert_true(rec.ev[rec.n - 1]->aud.all);
	assert_int_equal(rec.notes[rec.n_notes - 1].kind, EX_NOTE_END);
	assert_string_equal(rec.notes[rec.n_notes - 1].text, "time is up");
	assert_int_equal(ex->state, EX_ENDED);
	assert_string_equal(ex->end_reason, "time is up");
	done(ex);
}

/* Event JSON is built once, one line, UTF-8 as is; bytes that are not UTF-8 are replaced. */
static void test_event_json(void **state)
{
	struct exercise *ex = make();
	const char *a, *b;
	size_t la, lb;

	(void)state;
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_action(ex, AL, "Ana", "line one\nline two \"quoted\" ë ç 🙂");
	a = evt_json(rec.ev[0], &la);
	b = evt_json(rec.ev[0], &lb);
	assert_ptr_equal(a, b);
	assert_int_equal(la, strlen(a));
	assert_int_equal(la, lb);
	assert_int_equal(a[la - 1], '\n');
	assert_ptr_equal(strchr(a, '\n'), a + la - 1);
	assert_non_null(strstr(a, "ë ç 🙂"));
	assert_null(strstr(a, "\\u"));
	a = evt_text(rec.ev[0], ex, &la);
	assert_ptr_equal(a, evt_text(rec.ev[0], ex, NULL));
	assert_int_equal(la, strlen(a));
	assert_string_equal(evt_type_name(EVT_COMMCHECK), "commcheck");
	assert_string_equal(evt_type_name(EVT_RFI), "rfi");
	assert_string_equal(evt_type_name(EVT_JOIN), "join");

	ex_say(ex, AL, "Ana", "bad \xff\xfe bytes \xc3");
	assert_non_null(strstr(json(1), "bad \xef\xbf\xbd\xef\xbf\xbd bytes \xef\xbf\xbd\""));
	done(ex);
}

/* Whether s (n bytes) is valid UTF-8 that starts on a code point. */
static int utf8_valid(const char *s, size_t n)
{
	json_t *j = json_stringn(s, n);

	json_decref(j);
	return j != NULL;
}

/* Check that text has no line over 80 code points and no line splits a character. */
static void assert_wrapped(const char *text)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t cps = 0;
		assert_non_null(nl);
		assert_true(utf8_valid(p, (size_t)(nl - p)));
		for (const char *q = p; q < nl; q++)
			cps += ((unsigned char)*q & 0xc0) != 0x80;
		if (cps > 80)
			fail_msg("line of %zu code points: %.*s", cps, (int)(nl - p), p);
		p = nl + 1;
	}
}

/* The words of s, without any whitespace, into out. */
static void squeeze(const char *s, char *out)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			*out++ = *s;
	*out = '\0';
}

/* Text mode wraps at 80 code points, never splits a character, and loses no word. */
static void test_render_wrap(void **state)
{
	struct exercise *ex = make();
	char body[4096] = "", word[1024] = "", a[8192], b[8192];
	const char *text, *start;

	(void)state;
	for (int i = 0; i < 40; i++)
		strcat(body, i % 3 ? "çelësi është gati " : "Shqipëri ");
	strcat(body, "\n\n  indented line\n");
	for (int i = 0; i < 200; i++)
		strcat(word, "ë");
	strcat(body, word);
	free(ex->injects[I02].body);
	ex->injects[I02].body = strdup(body);
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_fire(ex, I02, -1);
	text = evt_text(rec.ev[0], ex, NULL);
	assert_wrapped(text);
	start = strstr(text, "Shqipëri");
	assert_non_null(start);
	assert_non_null(strstr(text, "\n\n  indented line\n"));
	assert_null(strstr(text, " \n"));
	squeeze(body, a);
	squeeze(start, b);
	assert_non_null(strstr(b, a));

	ex_say(ex, AL, "Ana", body);
	ex_say(ex, AL, "Ana", word);
	ex_action(ex, AL, "Ana", "escape \x1b[2J and \xc2\x9b end");
	for (int i = 1; i < rec.n; i++)
		assert_wrapped(evt_text(rec.ev[i], ex, NULL));
	assert_non_null(strstr(evt_text(rec.ev[3], ex, NULL), "escape ?[2J and ? end"));
	done(ex);
}

/* Start ex with body as I-02's, fire it, and return the text of the inject event. */
static const char *fire_body(struct exercise *ex, const char *body)
{
	free(ex->injects[I02].body);
	ex->injects[I02].body = strdup(body);
	ex_prepare(ex);
	ex_start(ex);
	forget();
	ex_fire(ex, I02, -1);
	return evt_text(rec.ev[0], ex, NULL);
}

/* Text mode reflows a paragraph's own line breaks, but keeps blank lines, indents and lists. */
static void test_render_reflow(void **state)
{
	struct exercise *ex = make();
	const char *text;

	(void)state;
	text = fire_body(ex, "Since 08:40 the portal has returned errors for document\n"
	                     "requests. Our admins found a note.\n"
	                     "\n"
	                     "Indicators:\n"
	                     "- 203.0.113.14\n"
	                     "  (command and control)\n"
	                     "1. isolate\n"
	                     "2) report\n"
	                     "\xe2\x80\xa2 done");
	assert_wrapped(text);
	/* the author's line breaks stay where they are (CONTRACT section 3) */
	assert_non_null(
	    strstr(text, "\nSince 08:40 the portal has returned errors for document\n"
	                 "requests. Our admins found a note.\n\nIndicators:\n- 203.0.113.14\n"
	                 "  (command and control)\n1. isolate\n2) report\n\xe2\x80\xa2 done\n"));
	done(ex);
}

/*
 * A body its author wrapped for a wider screen: on 80 columns its prose is reflowed rather than
 * cut into ragged lines, while short lines (a list of indicators) keep their breaks; on a screen
 * as wide as the body, every break stays.
 */
static void test_render_author_wrap(void **state)
{
	struct exercise *ex = make();
	const char *text;
	size_t n;

	(void)state;
	text = fire_body(
	    ex,
	    "The portal now shows a static page with counter opening hours. Back-end segments are\n"
	    "isolated. Two internal hosts still try to reach 203.0.113.14 every minute; we blocked "
	    "it\n"
	    "at the firewall. Citizens are unhappy but informed.\n"
	    "Indicators:\n"
	    "203.0.113.14\n"
	    "crimson-update.example");
	assert_wrapped(text);
	assert_non_null(strstr(text, "Back-end segments\nare isolated. Two internal hosts"));
	assert_null(strstr(text, "\nisolated."));
	assert_non_null(
	    strstr(text, "informed.\nIndicators:\n203.0.113.14\ncrimson-update.example\n"));
	text = evt_text_cols(rec.ev[0], ex, -1, 100, &n);
	assert_non_null(strstr(text, "Back-end segments are\nisolated. Two internal hosts"));
	done(ex);
}

/* Text mode shows injects as blocks with decisions and notes, and every other event on a line. */
static void test_render_look(void **state)
{
	struct exercise *ex = make();
	const char *code;
	char buf[64];

	(void)state;
	ex_world_time(ex, 3600 + 15 * 60, buf, sizeof buf);
	assert_string_equal(buf, "2024-11-12 10:15");
	ex_prepare(ex);
	ex_start(ex);
	ex_tick(ex);
	assert_string_equal(evt_text(rec.ev[0], ex, NULL),
	                    "[T+00:00:00 09:00] CLOCK running, speed 1x\n");
	assert_string_equal(
	    evt_text(rec.ev[1], ex, NULL),
	    "----------------------------------------------------------------\n"
	    "EXERCISE EXERCISE EXERCISE\n"
	    "INJECT I-01  09:01 (T+00:01:00)  from Ministry of Finance IT via email\n"
	    "Subject: Ransom note on the e-services portal\n"
	    "Përshëndetje, the portal shows a ransom note.\n"
	    "DECISION (answer by T+00:31:00, 09:31): What do you do first?\n"
	    "  decide I-01 isolate   Take the portal offline\n"
	    "  decide I-01 share     Alert the regional CSIRTs\n"
	    "----------------------------------------------------------------\n");
	assert_non_null(strstr(evt_text(rec.ev[2], ex, NULL),
	                       "\nNotes (white cell only): The ransom note is fake\n"));
	forget();
	ex_decide(ex, I01, AL, "share", "Ana", &code);
	ex_share(ex, AL, -1, "Ana", "IOCs attached");
	ex_score(ex, AL, 5, "shared early");
	ex_rfi(ex, RS, "Cem", "Who is on call?");
	ex_broadcast(ex, "Move 2 begins");
	ex_endex(ex, "facilitator");
	assert_string_equal(evt_text(rec.ev[0], ex, NULL),
	                    "[T+00:01:00 09:01] DECISION al on I-01: share (by Ana)\n");
	assert_string_equal(evt_text(rec.ev[1], ex, NULL),
	                    "[T+00:01:00 09:01] SHARE al -> all: IOCs attached\n");
	assert_string_equal(evt_text(rec.ev[2], ex, NULL),
	                    "[T+00:01:00 09:01] SCORE al +5 (total 5): shared early\n");
	assert_string_equal(evt_text(rec.ev[3], ex, NULL),
	                    "[T+00:01:00 09:01] RFI-1 from rs (Cem): Who is on call?\n");
	assert_string_equal(evt_text(rec.ev[4], ex, NULL),
	                    "[T+00:01:00 09:01] BROADCAST: Move 2 begins\n");
	assert_string_equal(evt_text(rec.ev[6], ex, NULL),
	                    "[T+00:01:00 09:01] ENDEX: facilitator\nEXERCISE EXERCISE EXERCISE\n");

	ex->start_epoch = -1;
	ex_world_time(ex, 60, buf, sizeof buf);
	assert_string_equal(buf, "");
	ex_log(ex, "after the end");
	assert_string_equal(evt_text(rec.ev[7], ex, NULL), "[T+00:01:00] LOG: after the end\n");
	done(ex);
}

/* Run this file's tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookups),
	    cmocka_unit_test(test_index_scale),
	    cmocka_unit_test(test_inject_delivery),
	    cmocka_unit_test(test_decide),
	    cmocka_unit_test(test_deadline_none_and_paused),
	    cmocka_unit_test(test_team_inputs),
	    cmocka_unit_test(test_white_cell),
	    cmocka_unit_test(test_event_json),
	    cmocka_unit_test(test_render_wrap),
	    cmocka_unit_test(test_render_reflow),
	    cmocka_unit_test(test_render_author_wrap),
	    cmocka_unit_test(test_render_look),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
