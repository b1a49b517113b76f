/* Unit tests: failed logins across connections (net/guard.c) and the team budgets (net/quota.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "net/guard.h"
#include "net/quota.h"

/* Past the free failures, attempts wait 1 s, 2 s, 4 s ... up to the ceiling, whatever the port. */
static void test_guard_doubles(void **state)
{
	struct guard g;
	double t = 1000;

	(void)state;
	guard_init(&g, 3, 8);
	for (int i = 0; i < 3; i++) {
		assert_true(guard_admit(&g, "10.0.0.1:4000", "al", t) == 0);
		guard_failed(&g, "10.0.0.1:4000", "al", t);
	}
	/* the 4th attempt is checked at once and takes the turn: the next waits 1 s */
	assert_true(guard_admit(&g, "10.0.0.1:5000", "al", t) == 0);
	assert_true(guard_admit(&g, "10.0.0.1:5001", NULL, t) == 1);
	guard_failed(&g, "10.0.0.1:5000", "al", t);
	t += 1;
	assert_true(guard_admit(&g, "10.0.0.1:5002", NULL, t) == 0);
	for (int i = 0; i < 6; i++)
		guard_failed(&g, "10.0.0.1:5002", NULL, t);
	/* 10 failures on the address: 2^7 s, capped at 8 */
	assert_true(guard_admit(&g, "10.0.0.1:5003", NULL, t) > 1.9);
	t += 2;
	assert_true(guard_admit(&g, "10.0.0.1:5003", NULL, t) == 0);
	assert_true(guard_admit(&g, "10.0.0.1:5004", NULL, t) == 8);
	guard_free(&g);
}

/* The id is counted from any address; another address and another id are not held. */
static void test_guard_keys(void **state)
{
	struct guard g;
	double t = 50;

	(void)state;
	guard_init(&g, 2, 60);
	guard_failed(&g, "10.0.0.1:1", "al", t);
	guard_failed(&g, "10.0.0.2:1", "al", t);
	assert_true(guard_admit(&g, "10.0.0.3:1", "al", t) == 0);
	assert_true(guard_admit(&g, "10.0.0.4:1", "al", t) == 1); /* the id's turn was taken */
	assert_true(guard_admit(&g, "10.0.0.4:1", "xk", t) == 0);
	assert_true(guard_admit(&g, "[::1]:7", NULL, t) == 0);
	guard_free(&g);
}

/* Failures are forgotten one a minute; a ceiling of 0 counts nothing. */
static void test_guard_forgets(void **state)
{
	struct guard g;

	(void)state;
	guard_init(&g, 2, 60);
	guard_failed(&g, "10.0.0.1:1", NULL, 0);
	guard_failed(&g, "10.0.0.1:1", NULL, 0);
	guard_failed(&g, "10.0.0.1:1", NULL, 0);
	assert_true(guard_admit(&g, "10.0.0.1:1", NULL, 0) == 0);
	assert_true(guard_admit(&g, "10.0.0.1:1", NULL, 0) > 0);
	assert_true(guard_admit(&g, "10.0.0.1:1", NULL, 150) == 0);
	assert_true(guard_admit(&g, "10.0.0.1:1", NULL, 150) == 0); /* 0.5 failures left */
	guard_free(&g);
	guard_init(&g, 1, 0);
	for (int i = 0; i < 10; i++)
		guard_failed(&g, "10.0.0.1:1", "al", 0);
	assert_true(guard_admit(&g, "10.0.0.1:1", "al", 0) == 0);
	guard_free(&g);
}

/* A team's bucket: full at first, one command always runs, a debt is waited off at the rate. */
static void test_quota(void **state)
{
	struct quota q;

	(void)state;
	quota_init(&q, 2, 100, 200, 0);
	assert_true(quota_wait(&q, 0, 0) == 0);
	quota_charge(&q, 0, 500, 0);
	assert_true(quota_wait(&q, 0, 0) == 3);
	assert_true(quota_wait(&q, 1, 0) == 0);
	assert_true(quota_wait(&q, 0, 3) == 0);
	assert_true(quota_wait(&q, 0, 1000) == 0);
	quota_charge(&q, 0, 250, 1000); /* the bucket held no more than 200 */
	assert_true(quota_wait(&q, 0, 1000) > 0.49 && quota_wait(&q, 0, 1000) < 0.51);
	assert_true(quota_wait(&q, 5, 0) == 0);
	quota_free(&q);
	quota_init(&q, 1, 0, 0, 0);
	quota_charge(&q, 0, 1e9, 0);
	assert_true(quota_wait(&q, 0, 0) == 0); /* no limit */
	quota_free(&q);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_guard_doubles),
	    cmocka_unit_test(test_guard_keys),
	    cmocka_unit_test(test_guard_forgets),
	    cmocka_unit_test(test_quota),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
