/* Parallel writing of a large batch of output, shared by a small pool of threads. */
#include "fanout.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/evt.h"
#include "../core/mem.h"
#include "conn.h"

/* Connections a thread takes from the batch at a time. */
#define FANOUT_CHUNK 64

/* One writer's references to drop when the batch is over. */
struct fanout_worker {
	struct fanout *f;
	pthread_t thread;
	struct evt **unref;
	size_t n_unref, cap_unref;
};

struct fanout {
	pthread_mutex_t mu;
	pthread_cond_t go, done;
	unsigned long gen; /* one more for every batch */
	int busy;          /* writers still on the batch */
	bool stop;
	struct conn **v;
	int *rc;
	size_t n, cap_rc;
	atomic_size_t next; /* the first connection no thread has taken yet */
	unsigned long batches;    /* batches written, for the summary at the end */
	size_t writes;            /* connections in them */
	atomic_size_t by_writers; /* of which the writer threads wrote */
	int n_workers;
	struct fanout_worker *w;
};

/* The writer whose thread this is; NULL on the event loop. */
static _Thread_local struct fanout_worker *fanout_self;

/* On a writer thread, keep ev's reference for the event loop to drop; false elsewhere. */
bool fanout_defer_unref(struct evt *ev)
{
	struct fanout_worker *w = fanout_self;

	if (w == NULL)
		return false;
	*MEM_PUSH(w->unref, w->n_unref, w->cap_unref) = ev;
	return true;
}

/* Write chunks of the batch until none is left, counting what the writer threads wrote. */
static void fanout_share(struct fanout *f)
{
	size_t i, end;

	while ((i = atomic_fetch_add(&f->next, FANOUT_CHUNK)) < f->n) {
		end = i + FANOUT_CHUNK < f->n ? i + FANOUT_CHUNK : f->n;
		if (fanout_self != NULL)
			atomic_fetch_add(&f->by_writers, end - i);
		for (; i < end; i++)
			f->rc[i] = conn_write_out(f->v[i]);
	}
}

/* A writer: wait for a batch, share it, say so, again until stopped. */
static void *fanout_main(void *arg)
{
	struct fanout_worker *w = arg;
	struct fanout *f = w->f;
	unsigned long seen = 0;

	fanout_self = w;
	pthread_mutex_lock(&f->mu);
	for (;;) {
		while (f->gen == seen && !f->stop)
			pthread_cond_wait(&f->go, &f->mu);
		if (f->stop)
			break;
		seen = f->gen;
		pthread_mutex_unlock(&f->mu);
		fanout_share(f);
		pthread_mutex_lock(&f->mu);
		if (--f->busy == 0)
			pthread_cond_signal(&f->done);
	}
	pthread_mutex_unlock(&f->mu);
	return NULL;
}

/* A pool of threads - 1 writers beside the caller; NULL if threads < 2. */
struct fanout *fanout_new(int threads)
{
	struct fanout *f;

	if (threads < 2)
		return NULL;
	f = mem_calloc(1, sizeof *f);
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->go, NULL);
	pthread_cond_init(&f->done, NULL);
	f->w = mem_calloc((size_t)threads - 1, sizeof *f->w);
	for (int i = 0; i < threads - 1; i++) {
		f->w[i].f = f;
		if (pthread_create(&f->w[i].thread, NULL, fanout_main, &f->w[i]) != 0)
			break;
		f->n_workers++;
	}
	if (f->n_workers == 0) {
		fanout_free(f);
		return NULL;
	}
	return f;
}

/* Write the output of v[0..n) on every thread, then finish each connection on this one. */
void fanout_write(struct fanout *f, struct conn **v, size_t n)
{
	if (n > f->cap_rc) {
		f->cap_rc = n;
		f->rc = mem_array(f->rc, n, sizeof *f->rc);
	}
	pthread_mutex_lock(&f->mu);
	f->v = v;
	f->n = n;
	atomic_store(&f->next, 0);
	f->busy = f->n_workers;
	f->gen++;
	f->batches++;
	f->writes += n;
	pthread_cond_broadcast(&f->go);
	pthread_mutex_unlock(&f->mu);
	fanout_share(f);
	pthread_mutex_lock(&f->mu);
	while (f->busy > 0)
		pthread_cond_wait(&f->done, &f->mu);
	pthread_mutex_unlock(&f->mu);
	for (int i = 0; i < f->n_workers; i++) {
		for (size_t k = 0; k < f->w[i].n_unref; k++)
			evt_unref(f->w[i].unref[k]);
		f->w[i].n_unref = 0;
	}
	for (size_t i = 0; i < n; i++)
		conn_flush_done(v[i], f->rc[i]);
}

/* Say how much the writers wrote (stdout, if they had a batch); stop them; free the pool. */
void fanout_free(struct fanout *f)
{
	if (f == NULL)
		return;
	pthread_mutex_lock(&f->mu);
	f->stop = true;
	pthread_cond_broadcast(&f->go);
	pthread_mutex_unlock(&f->mu);
	for (int i = 0; i < f->n_workers; i++) {
		pthread_join(f->w[i].thread, NULL);
		free(f->w[i].unref);
	}
	if (f->batches > 0)
		printf("writer threads: %lu large batches, %zu of %zu writes on %d writer threads\n",
		       f->batches, atomic_load(&f->by_writers), f->writes, f->n_workers);
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->go);
	pthread_cond_destroy(&f->done);
	free(f->w);
	free(f->rc);
	free(f);
}
