/* Failed logins counted per source address and per id across connections. */
#include "guard.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/mem.h"

/* Addresses and ids tracked at once; past it the least suspicious entry is reused. */
#define GUARD_MAX 4096
/* Seconds after which one failure is forgotten. */
#define GUARD_FORGET 60.0

/* Count failures with free_fails free ones and waits up to max_delay seconds. */
void guard_init(struct guard *g, int free_fails, double max_delay)
{
	g->v = NULL;
	g->n = g->cap = 0;
	g->free_fails = free_fails;
	g->max_delay = max_delay;
}

/* Free the table. */
void guard_free(struct guard *g)
{
	free(g->v);
	g->v = NULL;
	g->n = g->cap = 0;
}

/* Monotonic time in seconds, for now. */
double guard_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bring e's failures up to now, forgetting one a minute. */
static void guard_decay(struct guard_entry *e, double now)
{
	if (now > e->last) {
		e->fails -= (now - e->last) / GUARD_FORGET;
		if (e->fails < 0)
			e->fails = 0;
		e->last = now;
	}
}

/* The key of an address "HOST:PORT" (the port left out) or of an id, into key. */
static void guard_key(char *key, size_t n, char kind, const char *s)
{
	const char *colon = kind == 'a' ? strrchr(s, ':') : NULL;
	int len = colon != NULL && colon != s ? (int)(colon - s) : (int)strlen(s);

	snprintf(key, n, "%c:%.*s", kind, len, s);
}

/* The entry of key, made (or reused) when make is set; NULL when not found and not made. */
static struct guard_entry *guard_find(struct guard *g, const char *key, double now, bool make)
{
	struct guard_entry *spare = NULL;

	for (size_t i = 0; i < g->n; i++) {
		struct guard_entry *e = &g->v[i];

		if (strcmp(e->key, key) == 0)
			return e;
		guard_decay(e, now);
		if (spare == NULL ||
		    e->fails + (e->next > now) < spare->fails + (spare->next > now))
			spare = e;
	}
	if (!make)
		return NULL;
	if (g->n < GUARD_MAX)
		spare = MEM_PUSH(g->v, g->n, g->cap);
	memset(spare, 0, sizeof *spare);
	snprintf(spare->key, sizeof spare->key, "%s", key);
	spare->last = now;
	return spare;
}

/*
 * The wait after f failures (a failure being forgotten is counted until it is gone): none up to
 * the free ones, then 1 s doubling to the ceiling.
 */
static double guard_delay(const struct guard *g, double f)
{
	double n = ceil(f - 1e-9), d;

	if (n < g->free_fails)
		return 0;
	d = pow(2, n - g->free_fails);
	return d > g->max_delay ? g->max_delay : d;
}

/*
 * The seconds an attempt on key must still wait; with take, an attempt that need not wait takes
 * the turn, so that the next one waits the delay from now.
 */
static double guard_turn(struct guard *g, const char *key, double now, bool take)
{
	struct guard_entry *e = guard_find(g, key, now, false);

	if (e == NULL)
		return 0;
	guard_decay(e, now);
	if (guard_delay(g, e->fails) <= 0)
		return 0;
	if (e->next > now)
		return e->next - now;
	if (take)
		e->next = now + guard_delay(g, e->fails);
	return 0;
}

/* Seconds an attempt from addr as id must wait; 0: it may be checked now, and takes its turn. */
double guard_admit(struct guard *g, const char *addr, const char *id, double now)
{
	char ka[80], ki[80];
	double a, b = 0;

	if (g->max_delay <= 0)
		return 0;
	guard_key(ka, sizeof ka, 'a', addr);
	a = guard_turn(g, ka, now, false);
	if (id != NULL) {
		guard_key(ki, sizeof ki, 'i', id);
		b = guard_turn(g, ki, now, false);
	}
	if (a > 0 || b > 0)
		return a > b ? a : b;
	guard_turn(g, ka, now, true);
	if (id != NULL)
		guard_turn(g, ki, now, true);
	return 0;
}

/* Count one failure on key at now. */
static void guard_count(struct guard *g, const char *key, double now)
{
	struct guard_entry *e = guard_find(g, key, now, true);

	guard_decay(e, now);
	e->fails += 1;
}

/* Count a failed login from addr as id (NULL: an unknown id) at now. */
void guard_failed(struct guard *g, const char *addr, const char *id, double now)
{
	char key[80];

	if (g->max_delay <= 0)
		return;
	guard_key(key, sizeof key, 'a', addr);
	guard_count(g, key, now);
	if (id != NULL) {
		guard_key(key, sizeof key, 'i', id);
		guard_count(g, key, now);
	}
}
