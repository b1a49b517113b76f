/* The event queue: a binary heap ordered by (time, sequence), so equal times keep push order. */
#include "queue.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Whether item a is due before item b. */
static int queue_before(const struct queue_item *a, const struct queue_item *b)
{
	return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

/* Make an empty queue. */
void queue_init(struct queue *q)
{
	memset(q, 0, sizeof *q);
}

/* Free the queue's storage. */
void queue_free(struct queue *q)
{
	free(q->v);
	queue_init(q);
}

/* Add an item due at t; returns its sequence number. */
unsigned long queue_push(struct queue *q, long t, int kind, int a, int b, long c)
{
	struct queue_item it = {.t = t, .seq = q->next_seq++, .kind = kind, .a = a, .b = b, .c = c};
	size_t i;

	q->v = mem_grow(q->v, q->n, &q->cap, sizeof *q->v);
	for (i = q->n++; i > 0 && queue_before(&it, &q->v[(i - 1) / 2]); i = (i - 1) / 2)
		q->v[i] = q->v[(i - 1) / 2];
	q->v[i] = it;
	return it.seq;
}

/* Copy the earliest item to *out without removing it; 0 if the queue is empty. */
int queue_peek(const struct queue *q, struct queue_item *out)
{
	if (q->n == 0)
		return 0;
	*out = q->v[0];
	return 1;
}

/* Remove the earliest item into *out; 0 if the queue is empty. */
int queue_pop(struct queue *q, struct queue_item *out)
{
	struct queue_item last;
	size_t i = 0, c;

	if (q->n == 0)
		return 0;
	*out = q->v[0];
	last = q->v[--q->n];
	while ((c = 2 * i + 1) < q->n) {
		if (c + 1 < q->n && queue_before(&q->v[c + 1], &q->v[c]))
			c++;
		if (!queue_before(&q->v[c], &last))
			break;
		q->v[i] = q->v[c];
		i = c;
	}
	if (q->n > 0)
		q->v[i] = last;
	return 1;
}
