/* Tests of the exercise clock: ticks, pause, resume, speed, advance, timers and ENDEX. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/exercise.h"

/* What the hooks and the sink saw. */
struct rec {
	long timer_t[4096];
	int timer_ref[4096];
	int n_timer;
	int released[64];
	int n_released;
	long tick_t[4096];
	int n_ticks;
	int n_start, n_end, n_settle;
	int endex_at_ref; /* a timer with this ref calls ex_endex */
	char clocks[64][128];
	int n_clocks;
	int n_events;
	long last_event_t;
};

static struct rec rec;

/* Record a due timer. */
static void hook_timer(void *ctx, struct exercise *ex, int ref)
{
	(void)ctx;
	assert_true(rec.n_timer < 4096);
	assert_true(ex->state == EX_RUNNING || ex->state == EX_PAUSED);
	rec.timer_t[rec.n_timer] = ex->t;
	rec.timer_ref[rec.n_timer++] = ref;
	if (ref == rec.endex_at_ref)
		ex_endex(ex, "scenario");
}

/* Record notifications. */
static void hook_notify(void *ctx, struct exercise *ex, const struct ex_note *note)
{
	(void)ctx;
	if (note->kind == EX_NOTE_TICK)
		rec.tick_t[rec.n_ticks++] = ex->t;
	else if (note->kind == EX_NOTE_START)
		rec.n_start++;
	else if (note->kind == EX_NOTE_END)
		rec.n_end++;
}

/* Count settles; none may come after ENDEX. */
static void hook_settle(void *ctx, struct exercise *ex)
{
	(void)ctx;
	assert_int_not_equal(ex->state, EX_ENDED);
	rec.n_settle++;
}

/* Record a released timer. */
static void hook_release(void *ctx, struct exercise *ex, int ref)
{
	(void)ctx;
	(void)ex;
	rec.released[rec.n_released++] = ref;
}

/* Keep the JSON of clock events; count all events and check time never goes back. */
static void sink(void *ctx, struct evt *ev)
{
	(void)ctx;
	assert_true(ev->t >= rec.last_event_t);
	rec.last_event_t = ev->t;
	rec.n_events++;
	if (ev->type == EVT_CLOCK && rec.n_clocks < 64) {
		size_t len;
		const char *j = evt_json(ev, &len);
		assert_true(len < sizeof rec.clocks[0]);
		memcpy(rec.clocks[rec.n_clocks++], j, len + 1);
	}
}

/* A new exercise of duration 1h, tick 1m, wired to the recording hooks. */
static struct exercise *make(void)
{
	struct exercise *ex = ex_new();

	memset(&rec, 0, sizeof rec);
	rec.endex_at_ref = -1;
	ex->hooks.timer = hook_timer;
	ex->hooks.notify = hook_notify;
	ex->hooks.settle = hook_settle;
	ex->hooks.release = hook_release;
	ex_set_sink(ex, sink, NULL);
	ex_add_team(ex, "al", "AKCESK", NULL, 1);
	ex_prepare(ex);
	return ex;
}

/* The timer with ref fired exactly at every multiple of 60 up to and including the clock. */
static void assert_every_tick(const struct exercise *ex)
{
	int n = 0;

	for (int i = 0; i < rec.n_timer; i++) {
		if (rec.timer_ref[i] != 1)
			continue;
		n++;
		assert_int_equal(rec.timer_t[i], 60L * n);
	}
	assert_int_equal(n, ex->t / 60);
	assert_int_equal(rec.n_ticks, ex->t / 60);
	for (int i = 0; i < rec.n_ticks; i++)
		assert_int_equal(rec.tick_t[i], 60L * (i + 1));
}

/* Defaults are as documented and nothing moves before STARTEX. */
static void test_defaults(void **state)
{
	struct exercise *ex = make();

	(void)state;
	assert_int_equal(ex->duration, 3600);
	assert_int_equal(ex->tick, 60);
	assert_true(ex->speed == 1);
	assert_int_equal(ex->seed, 1);
	assert_int_equal(ex->start_epoch, -1);
	assert_int_equal(ex->state, EX_WAITING);
	assert_string_equal(ex_state_name(ex->state), "waiting");
	assert_int_equal(ex_tick(ex), -1);
	assert_int_equal(ex_advance(ex, 60), -1);
	assert_int_equal(ex_pause(ex), -1);
	assert_int_equal(ex_resume(ex), -1);
	assert_int_equal(ex_endex(ex, "x"), -1);
	assert_int_equal(ex->t, 0);
	assert_int_equal(ex_start(ex), 0);
	assert_int_equal(ex_start(ex), -1);
	assert_int_equal(rec.n_start, 1);
	assert_string_equal(rec.clocks[0],
	                    "{\"type\":\"clock\",\"state\":\"running\",\"t\":0,\"speed\":1}\n");
	ex_free(ex);
}

/* Any mix of ticks, pauses, resumes, speed changes and advances neither loses nor repeats a tick.
 */
static void test_mixed_operations(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 40; seed++) {
		struct exercise *ex = make();
		ex->duration = 6 * 3600;
		ex_timer(ex, 60, 60, 1);
		srand(seed);
		assert_int_equal(ex_start(ex), 0);
		while (ex->state != EX_ENDED) {
			enum ex_state before = ex->state;
			long t0 = ex->t, d;
			switch (rand() % 6) {
			case 0:
			case 1:
				assert_int_equal(ex_tick(ex), 0);
				assert_int_equal(ex->t, t0 + 60);
				break;
			case 2:
				assert_int_equal(ex_pause(ex), before == EX_RUNNING ? 0 : -1);
				assert_int_equal(ex->t, t0);
				break;
			case 3:
				assert_int_equal(ex_resume(ex), before == EX_PAUSED ? 0 : -1);
				assert_int_equal(ex->t, t0);
				break;
			case 4:
				assert_int_equal(ex_set_speed(ex, 1 + rand() % 120), 0);
				assert_int_equal(ex->state, before);
				assert_int_equal(ex->t, t0);
				break;
			default:
				d = 1 + rand() % 900;
				assert_int_equal(ex_advance(ex, d), 0);
				if (ex->state != EX_ENDED) {
					assert_int_equal(ex->state, before);
					assert_int_equal(ex->t, t0 + (d + 59) / 60 * 60);
				}
				break;
			}
			assert_every_tick(ex);
		}
		assert_int_equal(ex->t, ex->duration);
		assert_string_equal(ex->end_reason, "duration");
		assert_int_equal(rec.n_end, 1);
		assert_int_equal(rec.n_released, 1);
		assert_int_equal(rec.released[0], 1);
		ex_free(ex);
		assert_int_equal(rec.n_released, 1);
	}
}

/* advance moves a paused clock, keeps it paused, and rounds up to whole ticks. */
static void test_advance(void **state)
{
	struct exercise *ex = make();

	(void)state;
	ex_start(ex);
	assert_int_equal(ex_pause(ex), 0);
	assert_int_equal(ex_advance(ex, 61), 0);
	assert_int_equal(ex->t, 120);
	assert_int_equal(ex->state, EX_PAUSED);
	assert_int_equal(ex_advance(ex, 60), 0);
	assert_int_equal(ex->t, 180);
	assert_int_equal(ex_advance(ex, 1), 0);
	assert_int_equal(ex->t, 240);
	assert_int_equal(ex_advance(ex, 0), -1);
	assert_int_equal(ex_advance(ex, -5), -1);
	assert_int_equal(ex->t, 240);
	assert_int_equal(ex->state, EX_PAUSED);
	assert_int_equal(ex_resume(ex), 0);
	assert_int_equal(ex_advance(ex, 119), 0);
	assert_int_equal(ex->state, EX_RUNNING);
	assert_int_equal(ex->t, 360);
	assert_int_equal(ex_advance(ex, 100000), 0);
	assert_int_equal(ex->t, 3600);
	assert_int_equal(ex->state, EX_ENDED);
	assert_int_equal(rec.n_ticks, 60);
	assert_int_equal(ex_advance(ex, 60), -1);
	ex_free(ex);
}

/* ENDEX at the duration, and nothing runs after it. */
static void test_endex_duration(void **state)
{
	struct exercise *ex = make();
	int events;

	(void)state;
	ex->duration = 300;
	ex_timer(ex, 0, 120, 1);
	ex_timer(ex, 10000, 0, 2);
	ex_start(ex);
	for (int i = 0; i < 5; i++)
		assert_int_equal(ex_tick(ex), 0);
	assert_int_equal(ex->state, EX_ENDED);
	assert_int_equal(ex->t, 300);
	assert_int_equal(rec.n_timer, 3); /* 0, 120, 240 */
	assert_int_equal(rec.timer_t[2], 240);
	assert_int_equal(rec.n_released, 2);
	events = rec.n_events;
	assert_int_equal(ex_tick(ex), -1);
	assert_int_equal(ex_pause(ex), -1);
	assert_int_equal(ex_resume(ex), -1);
	assert_int_equal(ex_set_speed(ex, 2), -1);
	assert_int_equal(ex_endex(ex, "again"), -1);
	ex_timer(ex, 400, 0, 3);
	assert_int_equal(rec.n_released, 3);
	assert_int_equal(rec.n_events, events);
	assert_int_equal(ex->t, 300);
	assert_int_equal(rec.n_end, 1);
	assert_string_equal(rec.clocks[rec.n_clocks - 1],
	                    "{\"type\":\"clock\",\"state\":\"ended\",\"t\":300,\"speed\":1}\n");
	ex_free(ex);
	assert_int_equal(rec.n_released, 3);
}

/* A scenario's endex() inside a timer stops everything due after it in the same tick. */
static void test_endex_in_timer(void **state)
{
	struct exercise *ex = make();

	(void)state;
	rec.endex_at_ref = 2;
	ex_timer(ex, 120, 60, 1);
	ex_timer(ex, 120, 0, 2);
	ex_timer(ex, 120, 0, 3);
	ex_start(ex);
	ex_advance(ex, 600);
	assert_int_equal(ex->state, EX_ENDED);
	assert_int_equal(ex->t, 120);
	assert_int_equal(rec.n_timer, 2);
	assert_int_equal(rec.timer_ref[0], 1);
	assert_int_equal(rec.timer_ref[1], 2);
	assert_int_equal(rec.n_ticks, 1);
	assert_int_equal(rec.n_released, 3);
	assert_string_equal(ex->end_reason, "scenario");
	ex_free(ex);
}

/* A timer set in the past fires on the next tick; one-shot timers are released after firing. */
static void test_past_timer(void **state)
{
	struct exercise *ex = make();

	(void)state;
	ex_start(ex);
	ex_advance(ex, 300);
	ex_timer(ex, 0, 0, 7);
	ex_timer(ex, 300, 0, 8);
	assert_int_equal(rec.n_timer, 0);
	ex_tick(ex);
	assert_int_equal(rec.n_timer, 2);
	assert_int_equal(rec.timer_ref[0], 7);
	assert_int_equal(rec.timer_t[0], 360);
	assert_int_equal(rec.timer_ref[1], 8);
	assert_int_equal(rec.n_released, 2);
	ex_free(ex);
}

/* An `every` shorter than the tick runs once per period, catching up within the tick. */
static void test_fast_every(void **state)
{
	struct exercise *ex = make();

	(void)state;
	ex_timer(ex, 10, 20, 1);
	ex_start(ex);
	ex_tick(ex);
	assert_int_equal(rec.n_timer, 3); /* due at 10, 30, 50 */
	ex_tick(ex);
	assert_int_equal(rec.n_timer, 6); /* 70, 90, 110 */
	ex_free(ex);
	assert_int_equal(rec.n_released, 1);
}

/* Speed changes are told to everyone and bad speeds are refused. */
static void test_speed(void **state)
{
	struct exercise *ex = make();

	(void)state;
	assert_int_equal(ex_set_speed(ex, 0), -1);
	assert_int_equal(ex_set_speed(ex, -3), -1);
	assert_int_equal(ex_set_speed(ex, NAN), -1);
	assert_int_equal(rec.n_clocks, 0);
	ex_start(ex);
	ex_tick(ex);
	assert_int_equal(ex_set_speed(ex, 2.5), 0);
	assert_string_equal(rec.clocks[1],
	                    "{\"type\":\"clock\",\"state\":\"running\",\"t\":60,\"speed\":2.5}\n");
	ex_pause(ex);
	assert_string_equal(rec.clocks[2],
	                    "{\"type\":\"clock\",\"state\":\"paused\",\"t\":60,\"speed\":2.5}\n");
	assert_int_equal(ex_set_speed(ex, 60), 0);
	assert_int_equal(ex->state, EX_PAUSED);
	assert_string_equal(rec.clocks[3],
	                    "{\"type\":\"clock\",\"state\":\"paused\",\"t\":60,\"speed\":60}\n");
	ex_resume(ex);
	assert_string_equal(rec.clocks[4],
	                    "{\"type\":\"clock\",\"state\":\"running\",\"t\":60,\"speed\":60}\n");
	assert_int_equal(ex_endex(ex, "facilitator"), 0);
	assert_int_equal(rec.n_clocks, 6);
	assert_string_equal(rec.clocks[5],
	                    "{\"type\":\"clock\",\"state\":\"ended\",\"t\":60,\"speed\":60}\n");
	ex_free(ex);
}

/* Run this file's tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),       cmocka_unit_test(test_mixed_operations),
	    cmocka_unit_test(test_advance),        cmocka_unit_test(test_endex_duration),
	    cmocka_unit_test(test_endex_in_timer), cmocka_unit_test(test_past_timer),
	    cmocka_unit_test(test_fast_every),     cmocka_unit_test(test_speed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
