/* tabletop check: validate scenarios and print every problem as FILE:LINE: message. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cli_simulate.h"
#include "core/mem.h"
#include "core/utf8.h"
#include "lua/scenario.h"

/* Headless runs check plays of a scenario that loads, by default. */
#define CLI_CHECK_RUNS 10

/*
 * Print the texts of a scenario that loaded but lack one of its languages; returns how many.
 * They do not stop it from running (players see the default language there), but check fails.
 */
static int cli_check_missing(const struct exercise *ex)
{
	for (int i = 0; i < ex->n_missing; i++)
		utf8_term_printf(stdout, "%s:%d: %s\n", ex->path, ex->missing[i].line,
		                 ex->missing[i].msg);
	return ex->n_missing;
}

/* Play the scenario headless runs times; print every script error, returning how many. */
static int cli_check_play(const char *path, const struct scenario_limits *lim, int runs)
{
	struct scenario_problems errors = {0};
	int n;

	cli_simulate_probe(path, lim, runs, &errors);
	n = scenario_problems_print(&errors, path, stdout);
	scenario_problems_free(&errors);
	return n;
}

/* check's command line. */
const struct cliopt_spec cli_check_spec = {
    "check", "SCENARIO.lua... [options]",
    "validate scenarios, print problems as FILE:LINE: message",
    (const struct cliopt[]){
        {"runs", 0, "N", "headless runs to play of each scenario (10; 0: none)", 'r'},
        CLI_CALLBACK_OPTS,
        {NULL, 0, NULL, NULL, 0}},
    "Loads each scenario in the sandbox and prints one FILE:LINE: message per\n"
    "problem, at the line of the field that is wrong. Exit 0 when all are clean, 1\n"
    "when any has a problem. A text that lacks one of the declared languages is a\n"
    "problem for check (a missing translation), although run and simulate play the\n"
    "scenario, showing the default language there. Then it plays each scenario that\n"
    "loads headless (--runs seeded runs, bots answering at random) and reports every\n"
    "script error of those runs as a problem at its line. Warnings (a secret of\n"
    "fewer than 8 characters) are printed but do not fail.\n"};

/* Check one scenario, printing its problems; whether it is clean. */
static bool cli_check_one(const char *path, const struct scenario_limits *lim, int runs)
{
	struct scenario_problems probs = {0};
	struct scenario *sc = scenario_load(path, lim, -1, &probs);
	bool clean = scenario_problems_print(&probs, path, stdout) == 0 && sc != NULL;

	scenario_problems_free(&probs);
	if (sc == NULL)
		return clean;
	if (cli_check_missing(scenario_exercise(sc)) > 0)
		clean = false;
	scenario_problems_print(scenario_warnings(sc), path, stdout);
	if (runs > 0 && cli_check_play(path, lim, runs) > 0)
		clean = false;
	scenario_free(sc);
	return clean;
}

/* tabletop check SCENARIO...: exit 0 when every scenario is clean, 1 otherwise. */
int cli_check_main(int argc, char **argv)
{
	struct scenario_limits lim;
	struct cliopt_state st;
	const char **paths = mem_calloc((size_t)argc, sizeof *paths);
	int bad = 0, files = 0, key;
	long long runs = CLI_CHECK_RUNS;
	scenario_limits_default(&lim);
	cliopt_init(&st, argc, argv);
	while ((key = cliopt_next(&st, &cli_check_spec)) > 0 || key == CLIOPT_OPERAND) {
		if (key == CLIOPT_OPERAND)
			paths[files++] = st.value;
		else if (key == 'r' ? cli_parse_long("--runs", st.value, 0, 10000, &runs) < 0
		                    : cli_callback_cap(key, st.value, &lim) < 0)
			key = CLIOPT_ERROR;
		if (key == CLIOPT_ERROR)
			break;
	}
	if (key != CLIOPT_END || files == 0) {
		free(paths);
		if (key == CLIOPT_HELP)
			return 0;
		if (key == CLIOPT_END)
			cliopt_error(stderr, &cli_check_spec,
			             "which scenario? usage: tabletop check SCENARIO.lua");
		return 2;
	}
	for (int i = 0; i < files; i++)
		if (!cli_check_one(paths[i], &lim, (int)runs))
			bad = 1;
	free(paths);
	fflush(stdout);
	return bad;
}
