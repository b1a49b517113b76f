/* Tests of mem: the growing array keeps its elements and zeroes the new one; overflow aborts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/mem.h"

/* MEM_PUSH keeps every element, zeroes the new one and doubles the capacity from 16. */
static void test_push(void **state)
{
	long *v = NULL;
	size_t n = 0, cap = 0;

	(void)state;
	for (long i = 0; i < 1000; i++) {
		long *p = MEM_PUSH(v, n, cap);
		assert_int_equal(*p, 0);
		*p = i * 3;
	}
	assert_int_equal(n, 1000);
	assert_int_equal(cap, 1024);
	for (long i = 0; i < 1000; i++)
		assert_int_equal(v[i], i * 3);
	free(v);
}

/* Without a capacity, the array grows at every power of two. */
static void test_grow_pow2(void **state)
{
	int *v = NULL;

	(void)state;
	for (size_t n = 0; n < 300; n++) {
		v = mem_grow(v, n, NULL, sizeof *v);
		assert_int_equal(v[n], 0);
		v[n] = (int)n + 1;
	}
	for (size_t n = 0; n < 300; n++)
		assert_int_equal(v[n], (int)n + 1);
	free(v);
}

/* A buffer keeps its bytes, grows to twice the need when short, and not while it has room. */
static void test_reserve(void **state)
{
	char *b = NULL;
	size_t cap = 0, used = 0;

	(void)state;
	b = mem_reserve(b, &cap, used, 10);
	assert_int_equal(cap, 20);
	memcpy(b, "0123456789", 10);
	used = 10;
	b = mem_reserve(b, &cap, used, 10);
	assert_int_equal(cap, 20);
	b = mem_reserve(b, &cap, used, 11);
	assert_int_equal(cap, 42);
	assert_memory_equal(b, "0123456789", 10);
	free(b);
}

/* Whether fn, run in a child process, dies of SIGABRT. */
static int aborts(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

/* A product that overflows. */
static void mul_overflow(void)
{
	(void)mem_mul(SIZE_MAX / 2 + 1, 2);
}

/* An array whose size in bytes overflows. */
static void array_overflow(void)
{
	free(mem_array(NULL, SIZE_MAX / 8 + 2, 8));
}

/* A capacity that cannot double. */
static void grow_overflow(void)
{
	size_t cap = SIZE_MAX / 2 + 1;

	free(mem_grow(NULL, cap, &cap, 1));
}

/* A buffer whose need overflows. */
static void reserve_overflow(void)
{
	size_t cap = 0;

	free(mem_reserve(NULL, &cap, SIZE_MAX, 1));
}

/* Sizes that overflow abort rather than wrap around to a small allocation. */
static void test_overflow(void **state)
{
	(void)state;
	assert_int_equal(mem_mul(1000, 1000), 1000000);
	assert_int_equal(mem_mul(0, SIZE_MAX), 0);
	assert_true(aborts(mul_overflow));
	assert_true(aborts(array_overflow));
	assert_true(aborts(grow_overflow));
	assert_true(aborts(reserve_overflow));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_push),
	    cmocka_unit_test(test_grow_pow2),
	    cmocka_unit_test(test_reserve),
	    cmocka_unit_test(test_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
