/*
 * Real time to exercise ticks: while the exercise runs, ticks are due at a rate of speed / tick
 * per second, counted from the last change of state or speed so that no progress is lost.
 */
#ifndef PACE_H
#define PACE_H

#include <stdbool.h>
#include <time.h>

#include "../core/exercise.h"

struct event_base;
struct event;
struct journal;

struct pace {
	struct exercise *ex;
	struct event *timer;
	enum ex_state state; /* the clock as last seen */
	double speed;
	struct timespec since;    /* real time of the last rebase */
	double carry;             /* exercise seconds toward the next tick at the rebase */
	long done;                /* ticks run since the rebase */
	bool stopped;             /* the server is shutting down */
	void (*after)(void *ctx); /* called after every batch of ticks */
	void *ctx;
	struct journal *journal; /* each tick is journaled before it runs; NULL: none */
};

/* Pace ex on base; after(ctx) runs after each batch of ticks. */
void pace_init(struct pace *p, struct event_base *base, struct exercise *ex, void (*after)(void *),
               void *ctx);
/* Follow a change of the exercise's state or speed (call after anything that may change them). */
void pace_sync(struct pace *p);
/* Stop ticking for good. */
void pace_stop(struct pace *p);
/* Free the timer. */
void pace_free(struct pace *p);

#endif
