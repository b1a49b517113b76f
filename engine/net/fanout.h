/*
 * Parallel writing of a large batch of output: when one event goes to thousands of clients, the
 * kernel's work per socket dominates, so a few threads share the writes. Only the writing is
 * shared; everything else, and every decision about a connection, stays on the event loop.
 *
 * What this rests on in libevent (2.1, bufferevent_sock.c and buffer.c), checked by assertions in
 * conn.c:
 * - a socket bufferevent freezes the start of its output buffer (evbuffer_freeze(output, 1)) so
 *   that only its own write callback drains it; conn_write_out unfreezes it around one
 *   evbuffer_write and freezes it again. That is safe only while the bufferevent's EV_WRITE is
 *   disabled, so that its callback cannot drain the same buffer: conn_write_out writes nothing
 *   to a connection whose EV_WRITE is on.
 * - bufferevents and evbuffers are made without locks (no BEV_OPT_THREADSAFE): a writer thread
 *   may touch a connection's output only while the loop waits in fanout_write, and each
 *   connection is in one chunk, so one thread alone touches it.
 * - a direct event (conn.c) exists only while EV_WRITE is off and the output buffer is empty, so
 *   that it is written before anything queued after it.
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
/* Say how much the writers wrote (stdout, if they had a batch); stop them; free the pool. */
void fanout_free(struct fanout *f);

#endif
