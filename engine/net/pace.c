/* Real time to exercise ticks, with a carry that survives pauses and speed changes. */
#include "pace.h"

#include "loop.h"

#include <math.h>
#include <stdlib.h>

#include "../journal/journal.h"

/* Ticks run in one go at most; more due are run after the loop has served the clients. */
#define PACE_BATCH 256
/* The longest a timer waits, in seconds, whatever the speed: a day fits every timeval. */
#define PACE_WAIT_MAX 86400.0

/* Seconds of monotonic time since p's last rebase. */
static double pace_elapsed(const struct pace *p)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - p->since.tv_sec) +
	       (double)(now.tv_nsec - p->since.tv_nsec) / 1e9;
}

/* Exercise seconds covered since the rebase, the carry included. */
static double pace_progress(const struct pace *p)
{
	return p->carry + pace_elapsed(p) * p->speed;
}

/* Ticks due now and not run yet. */
static long pace_due(const struct pace *p)
{
	double due = floor(pace_progress(p) / (double)p->ex->tick) - (double)p->done;

	if (due <= 0)
		return 0;
	return due > PACE_BATCH ? PACE_BATCH + 1 : (long)due;
}

/* Arm the timer for the next tick's due time. */
static void pace_arm(struct pace *p)
{
	double at = ((double)(p->done + 1) * (double)p->ex->tick - p->carry) / p->speed;
	double wait = at - pace_elapsed(p);
	struct timeval tv;

	if (wait > PACE_WAIT_MAX)
		wait = PACE_WAIT_MAX; /* the timer looks again then: nothing is due yet */
	tv = loop_timeval(wait);
	evtimer_add(p->timer, &tv);
}

/* The timer: run the ticks that are due, then wait for the next one. */
static void pace_fire(evutil_socket_t fd, short what, void *arg)
{
	struct pace *p = arg;
	long n = pace_due(p);

	(void)fd;
	(void)what;
	if (n > PACE_BATCH)
		n = PACE_BATCH;
	for (long i = 0; i < n && p->ex->state == EX_RUNNING; i++) {
		journal_tick(p->journal, p->ex->t + p->ex->tick);
		ex_tick(p->ex);
		p->done++;
	}
	p->after(p->ctx);
	pace_sync(p);
	if (p->state == EX_RUNNING && !p->stopped && !evtimer_pending(p->timer, NULL))
		pace_arm(p);
}

/* Pace ex on base; after(ctx) runs after each batch of ticks. */
void pace_init(struct pace *p, struct event_base *base, struct exercise *ex, void (*after)(void *),
               void *ctx)
{
	p->ex = ex;
	p->timer = loop_event_new(base, -1, 0, pace_fire, p);
	event_priority_set(p->timer, LOOP_PRIORITY_CLOCK);
	p->state = ex->state;
	p->speed = ex->speed;
	p->carry = 0;
	p->done = 0;
	p->after = after;
	p->ctx = ctx;
	p->stopped = false;
	clock_gettime(CLOCK_MONOTONIC, &p->since);
	if (p->state == EX_RUNNING)
		pace_arm(p);
}

/* Follow a change of the exercise's state or speed (call after anything that may change them). */
void pace_sync(struct pace *p)
{
	struct exercise *ex = p->ex;

	if (p->stopped || (ex->state == p->state && ex->speed == p->speed))
		return;
	if (p->state == EX_RUNNING) {
		double left = pace_progress(p) - (double)p->done * (double)ex->tick;

		p->carry = left < 0 ? 0 : left >= (double)ex->tick ? (double)ex->tick : left;
	} else if (p->state == EX_WAITING) {
		p->carry = 0;
	}
	p->state = ex->state;
	p->speed = ex->speed;
	p->done = 0;
	clock_gettime(CLOCK_MONOTONIC, &p->since);
	evtimer_del(p->timer);
	if (p->state == EX_RUNNING)
		pace_arm(p);
}

/* Stop ticking for good. */
void pace_stop(struct pace *p)
{
	evtimer_del(p->timer);
	p->stopped = true;
}

/* Free the timer. */
void pace_free(struct pace *p)
{
	if (p->timer != NULL)
		loop_event_free(p->timer);
	p->timer = NULL;
}
