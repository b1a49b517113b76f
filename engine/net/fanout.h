/*
 * Parallel writing of a large batch of output: when one event goes to thousands of clients, the
 * kernel's work per socket dominates, so a few threads share the writes. Only the writing is
 * shared; everything else, and every decision about a connection, stays on the event loop.
 */
#ifndef FANOUT_H
#define FANOUT_H

#include <stdbool.h>
#include <stddef.h>

struct conn;
struct evt;

/* Batches smaller than this are written by the event loop alone. */
#define FANOUT_MIN_BATCH 256

struct fanout;

/* A pool of threads - 1 writers beside the caller; NULL if threads < 2. */
struct fanout *fanout_new(int threads);
/* Write the output of v[0..n) on every thread, then finish each connection on this one. */
void fanout_write(struct fanout *f, struct conn **v, size_t n);
/* On a writer thread, keep ev's reference for the event loop to drop; false elsewhere. */
bool fanout_defer_unref(struct evt *ev);
/* Stop the writers and free the pool (NULL is fine). */
void fanout_free(struct fanout *f);

#endif
