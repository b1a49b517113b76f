/* tabletop check: validate scenarios and print every problem as FILE:LINE: message. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lua/scenario.h"

/* Headless runs check plays of a scenario that loads, by default. */
#define CLI_CHECK_RUNS 10

/* Print the problems of one scenario to stdout; returns how many there were. */
static int cli_check_print(const struct scenario_problems *p)
{
	for (int i = 0; i < p->n; i++) {
		if (p->v[i].line > 0)
			printf("%s:%d: %s\n", p->v[i].file, p->v[i].line, p->v[i].msg);
		else
			printf("%s: %s\n", p->v[i].file, p->v[i].msg);
	}
	return p->n;
}

/*
 * Print the texts of a scenario that loaded but lack one of its languages; returns how many.
 * They do not stop it from running (players see the default language there), but check fails.
 */
static int cli_check_missing(const struct exercise *ex)
{
	for (int i = 0; i < ex->n_missing; i++)
		printf("%s:%d: %s\n", ex->path, ex->missing[i].line, ex->missing[i].msg);
	return ex->n_missing;
}

/* Play the scenario headless runs times; print every script error, returning how many. */
static int cli_check_play(const char *path, const struct scenario_limits *lim, int runs)
{
	struct scenario_problems errors = {0};
	int n;

	cli_simulate_probe(path, lim, runs, &errors);
	n = cli_check_print(&errors);
	scenario_problems_free(&errors);
	return n;
}

/* Check one scenario; returns whether it has a problem. */
static int cli_check_one(const char *path, const struct scenario_limits *lim, int runs)
{
	struct scenario_problems probs = {0};
	struct scenario *sc = scenario_load(path, lim, -1, &probs);
	int bad = cli_check_print(&probs) > 0 || sc == NULL;

	scenario_problems_free(&probs);
	if (sc == NULL)
		return bad;
	if (cli_check_missing(scenario_exercise(sc)) > 0)
		bad = 1;
	cli_check_print(scenario_warnings(sc));
	if (runs > 0 && cli_check_play(path, lim, runs) > 0)
		bad = 1;
	scenario_free(sc);
	return bad;
}

/* The usage text. */
static void cli_check_usage(void)
{
	printf("usage: tabletop check SCENARIO.lua... [--runs N] [--callback-events N] "
	       "[--callback-bytes N]\n"
	       "Loads each scenario in the sandbox and prints one FILE:LINE: message per\n"
	       "problem. Exit 0 when all are clean, 1 when any has a problem.\n"
	       "A text that lacks one of the declared languages is a problem for check\n"
	       "(a missing translation), although run and simulate play the scenario,\n"
	       "showing the default language there.\n"
	       "Then it plays each scenario that loads headless (--runs N seeded runs, 10 by\n"
	       "default; 0: none), bots answering at random, and reports every script error\n"
	       "of those runs as a problem at its line.\n"
	       "Warnings (a secret of fewer than 8 characters) are printed but do not fail.\n"
	       CLI_CALLBACK_CAPS_USAGE);
}

/* tabletop check SCENARIO...: exit 0 when every scenario is clean, 1 otherwise. */
int cli_check_main(int argc, char **argv)
{
	struct scenario_limits lim;
	int bad = 0, files = 0;
	long long runs = CLI_CHECK_RUNS;

	scenario_limits_default(&lim);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			cli_check_usage();
			return 0;
		}
		if ((cli_is_callback_cap(a) || !strcmp(a, "--runs")) && i + 1 >= argc)
			return cli_usage_error("check", "%s needs a value", a);
		if (cli_is_callback_cap(a)) {
			if (cli_callback_cap(a, argv[++i], &lim) < 0)
				return 2;
		} else if (!strcmp(a, "--runs")) {
			if (cli_parse_long("--runs", argv[++i], 0, 10000, &runs) < 0)
				return 2;
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("check", "unknown option '%s'", a);
		}
	}
	for (int i = 1; i < argc; i++) {
		if (cli_is_callback_cap(argv[i]) || !strcmp(argv[i], "--runs")) {
			i++;
			continue;
		}
		bad |= cli_check_one(argv[i], &lim, (int)runs);
		files++;
	}
	if (files == 0)
		return cli_usage_error("check",
		                       "which scenario? usage: tabletop check SCENARIO.lua");
	fflush(stdout);
	return bad;
}
