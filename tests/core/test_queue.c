/* Tests of the event queue: order by (time, push order), growth, empty queues. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>

#include "core/queue.h"

/* Items with equal times come out in the order they were pushed. */
static void test_stable_order(void **state)
{
	struct queue q;
	struct queue_item it;
	int next[5] = {0};

	(void)state;
	queue_init(&q);
	for (int i = 0; i < 1000; i++)
		queue_push(&q, (i * 7) % 5 * 10, 0, i, 0, 0);
	for (int n = 0; n < 1000; n++) {
		assert_true(queue_pop(&q, &it));
		int slot = (int)(it.t / 10);
		assert_int_equal(it.t, n / 200 * 10);
		assert_true(it.a >= next[slot]);
		assert_int_equal((it.a * 7) % 5, slot);
		next[slot] = it.a + 1;
	}
	assert_false(queue_pop(&q, &it));
	queue_free(&q);
}

/* 100,000 random items pop in nondecreasing (t, seq) order, each exactly once. */
static void test_random(void **state)
{
	enum { N = 100000 };
	struct queue q;
	struct queue_item it, prev = {0};
	unsigned char *seen = calloc(N, 1);

	(void)state;
	assert_non_null(seen);
	srand(2024);
	queue_init(&q);
	for (int i = 0; i < N; i++) {
		long t = rand() % 5000;
		assert_int_equal(queue_push(&q, t, 1, i, 2, t * 3), (unsigned long)i);
	}
	for (int n = 0; n < N; n++) {
		assert_true(queue_pop(&q, &it));
		if (n > 0)
			assert_true(it.t > prev.t || (it.t == prev.t && it.seq > prev.seq));
		assert_int_equal(it.seq, (unsigned long)it.a);
		assert_int_equal(it.c, it.t * 3);
		assert_int_equal(it.kind, 1);
		assert_int_equal(it.b, 2);
		assert_false(seen[it.a]);
		seen[it.a] = 1;
		prev = it;
	}
	assert_int_equal(q.n, 0);
	queue_free(&q);
	free(seen);
}

/* Pushes interleaved with pops keep the order, and peek shows what pop returns. */
static void test_interleaved(void **state)
{
	struct queue q;
	struct queue_item a, b;
	long last = -1;

	(void)state;
	srand(7);
	queue_init(&q);
	for (int round = 0; round < 20000; round++) {
		if (rand() % 3 != 0) {
			queue_push(&q, last + 1 + rand() % 100, 0, round, 0, 0);
			continue;
		}
		if (!queue_peek(&q, &a))
			continue;
		assert_true(queue_pop(&q, &b));
		assert_int_equal(a.t, b.t);
		assert_int_equal(a.seq, b.seq);
		assert_true(b.t >= last);
		last = b.t;
	}
	queue_free(&q);
}

/* Peek and pop on an empty queue return 0 and leave the output alone. */
static void test_empty(void **state)
{
	struct queue q;
	struct queue_item it = {.t = 99, .a = 5};

	(void)state;
	queue_init(&q);
	assert_false(queue_peek(&q, &it));
	assert_false(queue_pop(&q, &it));
	assert_int_equal(it.t, 99);
	assert_int_equal(it.a, 5);
	queue_push(&q, 3, 0, 1, 0, 0);
	assert_true(queue_pop(&q, &it));
	assert_int_equal(it.t, 3);
	assert_false(queue_pop(&q, &it));
	assert_false(queue_peek(&q, &it));
	queue_free(&q);
	queue_free(&q);
}

/* Run this file's tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_stable_order),
	    cmocka_unit_test(test_random),
	    cmocka_unit_test(test_interleaved),
	    cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
