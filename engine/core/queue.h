/* The event queue: a binary heap ordered by (time, sequence), so equal times keep push order. */
#ifndef QUEUE_H
#define QUEUE_H

#include <stddef.h>

struct queue_item {
	long t;            /* exercise seconds at which the item is due */
	unsigned long seq; /* push order, breaks ties */
	int kind;          /* owner-defined */
	int a, b;          /* owner-defined */
	long c;            /* owner-defined */
};

struct queue {
	struct queue_item *v;
	size_t n, cap;
	unsigned long next_seq;
};

/* Make an empty queue. */
void queue_init(struct queue *q);
/* Free the queue's storage. */
void queue_free(struct queue *q);
/* Add an item due at t; returns its sequence number. */
unsigned long queue_push(struct queue *q, long t, int kind, int a, int b, long c);
/* Copy the earliest item to *out without removing it; 0 if the queue is empty. */
int queue_peek(const struct queue *q, struct queue_item *out);
/* Remove the earliest item into *out; 0 if the queue is empty. */
int queue_pop(struct queue *q, struct queue_item *out);

#endif
