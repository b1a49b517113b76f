/* simulate: determinism (byte-identical output for a seed) and seed sensitivity. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli_simulate.h"

/* The path of a file under the source tree. */
static char *path_of(const char *rel)
{
	static char buf[4096];

	snprintf(buf, sizeof buf, "%s/%s", getenv("SRCDIR") ? getenv("SRCDIR") : ".", rel);
	return buf;
}

/* Run simulate on a scenario with a seed and policy; returns the output (caller frees). */
static char *run(const char *rel, long long seed, enum cli_policy policy, long runs)
{
	struct cli_simulate_opts o = {.seed = seed, .policy = policy, .runs = runs};
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_int_equal(cli_simulate_run(path_of(rel), &o, out, stderr), 0);
	fclose(out);
	return buf;
}

/* The same seed gives byte-identical output, for every policy. */
static void test_same_seed_same_output(void **state)
{
	(void)state;
	for (int p = CLI_POLICY_FIRST; p <= CLI_POLICY_NONE; p++) {
		char *a = run("tests/cli/fixtures/random.lua", 11, p, 1);
		char *b = run("tests/cli/fixtures/random.lua", 11, p, 1);

		assert_string_equal(a, b);
		assert_non_null(strstr(a, "ENDEX"));
		free(a);
		free(b);
	}
}

/* A different seed gives a different run where the scenario uses math.random. */
static void test_other_seed_other_output(void **state)
{
	char *a = run("tests/cli/fixtures/random.lua", 11, CLI_POLICY_RANDOM, 1);
	char *b = run("tests/cli/fixtures/random.lua", 12, CLI_POLICY_RANDOM, 1);

	(void)state;
	assert_string_not_equal(a, b);
	free(a);
	free(b);
}

/* --runs reports coverage, and is itself deterministic. */
static void test_many_runs(void **state)
{
	char *a = run("tests/cli/fixtures/random.lua", 1, CLI_POLICY_RANDOM, 20);
	char *b = run("tests/cli/fixtures/random.lua", 1, CLI_POLICY_RANDOM, 20);

	(void)state;
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "20 runs"));
	assert_non_null(strstr(a, "every inject fired and every option was chosen"));
	free(a);
	free(b);
}

/* Policy none lets every deadline pass: the default is recorded by timeout. */
static void test_policy_none_times_out(void **state)
{
	char *a = run("tests/cli/fixtures/random.lua", 3, CLI_POLICY_NONE, 1);

	(void)state;
	assert_non_null(strstr(a, "decision a I-1: no"));
	assert_non_null(strstr(a, "decisions: 2 (2 by deadline)"));
	free(a);
}

/* Policy first chooses the first option, before the deadline. */
static void test_policy_first(void **state)
{
	char *a = run("tests/cli/fixtures/random.lua", 3, CLI_POLICY_FIRST, 1);

	(void)state;
	assert_non_null(strstr(a, "decision a I-1: yes"));
	assert_non_null(strstr(a, "decisions: 2 (0 by deadline)"));
	free(a);
}

/* Run the simulate tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_seed_same_output),
	    cmocka_unit_test(test_other_seed_other_output),
	    cmocka_unit_test(test_many_runs),
	    cmocka_unit_test(test_policy_none_times_out),
	    cmocka_unit_test(test_policy_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
