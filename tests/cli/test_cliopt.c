/* The one option parser of the subcommands: forms, errors, suggestions and usage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cliopt.h"

enum { K_SEED = 1, K_AUTO, K_OUT, K_SPEED, K_SPEEDUP };

static const struct cliopt test_opts[] = {
    {"seed", 0, "N", "the exercise seed", K_SEED},
    {"autostart", 0, NULL, "STARTEX at once", K_AUTO},
    {"output", 'o', "FILE", "write there", K_OUT},
    {"speed", 0, "X",
     "exercise seconds per real second, a long help text that surely needs "
     "to wrap onto a second line of the usage",
     K_SPEED},
    {"speed-up", 0, "X", "speed-up factor", K_SPEEDUP},
    {NULL, 0, NULL, NULL, 0},
};

static const struct cliopt_spec test_spec = {"demo", "FILE [options]", "a test command", test_opts,
                                             NULL};

/* Parsing argv into a trace of keys and values, and what went to stdout and stderr. */
struct trace {
	char keys[256];
	char out[4096];
	char err[1024];
	int last;
};

/* Parse argv[0..argc) with the test table, recording each step. */
static void test_parse(struct trace *t, int argc, char **argv)
{
	struct cliopt_state st;
	FILE *out = fmemopen(t->out, sizeof t->out, "w");
	FILE *err = fmemopen(t->err, sizeof t->err, "w");
	int k;

	memset(t, 0, sizeof *t);
	assert_non_null(out);
	assert_non_null(err);
	cliopt_init(&st, argc, argv);
	st.out = out;
	st.err = err;
	while ((k = cliopt_next(&st, &test_spec)) > 0 || k == CLIOPT_OPERAND) {
		size_t n = strlen(t->keys);

		snprintf(t->keys + n, sizeof t->keys - n, "%d=%s;", k,
		         st.value != NULL ? st.value : "-");
	}
	t->last = k;
	fclose(out);
	fclose(err);
}

/* --name value, --name=value, a flag, an operand, a short alias, and "--". */
static void test_forms(void **state)
{
	char *argv[] = {"demo",        "--seed", "5",     "x.lua", "--speed=2.5",
	                "--autostart", "-o",     "r.txt", "--",    "--seed"};
	struct trace t;

	(void)state;
	test_parse(&t, 10, argv);
	assert_int_equal(t.last, CLIOPT_END);
	assert_string_equal(t.keys, "1=5;-1=x.lua;4=2.5;2=-;3=r.txt;-1=--seed;");
	assert_string_equal(t.err, "");
}

/* An unambiguous prefix names its option, an ambiguous one is an error. */
static void test_prefix(void **state)
{
	char *ok[] = {"demo", "--auto", "--se", "1"};
	char *amb[] = {"demo", "--spe", "1"};
	struct trace t;

	(void)state;
	test_parse(&t, 4, ok);
	assert_string_equal(t.keys, "2=-;1=1;");
	test_parse(&t, 3, amb);
	assert_int_equal(t.last, CLIOPT_ERROR);
	assert_non_null(strstr(t.err, "ambiguous"));
}

/* A misspelt option gets the nearest one as a suggestion; a far one gets none. */
static void test_did_you_mean(void **state)
{
	char *typo[] = {"demo", "--sede", "1"};
	char *swap[] = {"demo", "--autsotart"};
	char *far[] = {"demo", "--colour"};
	struct trace t;

	(void)state;
	test_parse(&t, 3, typo);
	assert_int_equal(t.last, CLIOPT_ERROR);
	assert_non_null(
	    strstr(t.err, "tabletop demo: unknown option '--sede'; did you mean '--seed'?"));
	assert_non_null(strstr(t.err, "Try 'tabletop demo --help'."));
	test_parse(&t, 2, swap);
	assert_non_null(strstr(t.err, "did you mean '--autostart'?"));
	test_parse(&t, 2, far);
	assert_non_null(strstr(t.err, "unknown option '--colour'\n"));
}

/* A missing value, a value given to a flag, and a single-dash word are errors. */
static void test_errors(void **state)
{
	char *missing[] = {"demo", "--seed"};
	char *flagval[] = {"demo", "--autostart=yes"};
	char *onedash[] = {"demo", "-seed", "1"};
	struct trace t;

	(void)state;
	test_parse(&t, 2, missing);
	assert_int_equal(t.last, CLIOPT_ERROR);
	assert_non_null(strstr(t.err, "--seed needs a value (N)"));
	test_parse(&t, 2, flagval);
	assert_non_null(strstr(t.err, "--autostart takes no value"));
	test_parse(&t, 3, onedash);
	assert_int_equal(t.last, CLIOPT_ERROR);
	assert_non_null(strstr(t.err, "long options take two dashes"));
}

/* --help prints the usage, every option, wrapped within 80 columns, and stops the parse. */
static void test_help(void **state)
{
	char *argv[] = {"demo", "--seed", "1", "--help", "--autostart"};
	struct trace t;
	char *line, *save;

	(void)state;
	test_parse(&t, 5, argv);
	assert_int_equal(t.last, CLIOPT_HELP);
	assert_non_null(strstr(t.out, "usage: tabletop demo FILE [options]\n"));
	assert_non_null(strstr(t.out, "  -o, --output FILE"));
	assert_non_null(strstr(t.out, "--speed-up X"));
	assert_non_null(strstr(t.out, "-h, --help"));
	for (line = strtok_r(t.out, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save))
		assert_true(strlen(line) <= 80);
}

/* The tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forms),        cmocka_unit_test(test_prefix),
	    cmocka_unit_test(test_did_you_mean), cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
