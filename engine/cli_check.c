/* tabletop check: validate scenarios and print every problem as FILE:LINE: message. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "lua/scenario.h"

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

/* check's command line. */
const struct cliopt_spec cli_check_spec = {
    "check", "SCENARIO.lua...", "validate scenarios, print problems as FILE:LINE: message",
    (const struct cliopt[]){{NULL, 0, NULL, NULL, 0}},
    "Loads each scenario in the sandbox and prints one FILE:LINE: message per\n"
    "problem. Exit 0 when all are clean, 1 when any has a problem. A text that\n"
    "lacks one of the declared languages is a problem for check (a missing\n"
    "translation), although run and simulate play the scenario, showing the default\n"
    "language there.\n"};

/* Check one scenario, printing its problems; whether it is clean. */
static bool cli_check_one(const char *path, const struct scenario_limits *lim)
{
	struct scenario_problems probs = {0};
	struct scenario *sc = scenario_load(path, lim, -1, &probs);
	bool clean = cli_check_print(&probs) == 0 && sc != NULL;

	if (sc != NULL && cli_check_missing(scenario_exercise(sc)) > 0)
		clean = false;
	scenario_problems_free(&probs);
	if (sc != NULL)
		scenario_free(sc);
	return clean;
}

/* tabletop check SCENARIO...: exit 0 when every scenario is clean, 1 otherwise. */
int cli_check_main(int argc, char **argv)
{
	struct scenario_limits lim;
	struct cliopt_state st;
	const char **paths = calloc((size_t)argc, sizeof *paths);
	int bad = 0, files = 0, key;

	if (paths == NULL)
		abort();
	cliopt_init(&st, argc, argv);
	while ((key = cliopt_next(&st, &cli_check_spec)) == CLIOPT_OPERAND)
		paths[files++] = st.value;
	if (key != CLIOPT_END || files == 0) {
		free(paths);
		if (key == CLIOPT_HELP)
			return 0;
		if (key == CLIOPT_END)
			cliopt_error(stderr, &cli_check_spec,
			             "which scenario? usage: tabletop check SCENARIO.lua");
		return 2;
	}
	scenario_limits_default(&lim);
	for (int i = 0; i < files; i++)
		if (!cli_check_one(paths[i], &lim))
			bad = 1;
	free(paths);
	fflush(stdout);
	return bad;
}
