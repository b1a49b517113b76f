/* tabletop check: validate scenarios and print every problem as FILE:LINE: message. */
#include <stdio.h>
#include <string.h>

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

/* tabletop check SCENARIO...: exit 0 when every scenario is clean, 1 otherwise. */
int cli_check_main(int argc, char **argv)
{
	struct scenario_limits lim;
	int bad = 0, files = 0;

	scenario_limits_default(&lim);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: tabletop check SCENARIO.lua...\n"
			       "Loads each scenario in the sandbox and prints one FILE:LINE: "
			       "message per\n"
			       "problem. Exit 0 when all are clean, 1 when any has a problem.\n"
			       "A text that lacks one of the declared languages is a problem for "
			       "check\n"
			       "(a missing translation), although run and simulate play the "
			       "scenario,\n"
			       "showing the default language there.\n");
			return 0;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("check", "unknown option '%s'", argv[i]);
	}
	for (int i = 1; i < argc; i++) {
		struct scenario_problems probs = {0};
		struct scenario *sc = scenario_load(argv[i], &lim, -1, &probs);

		if (cli_check_print(&probs) > 0 || sc == NULL)
			bad = 1;
		if (sc != NULL && cli_check_missing(scenario_exercise(sc)) > 0)
			bad = 1;
		scenario_problems_free(&probs);
		if (sc != NULL)
			scenario_free(sc);
		files++;
	}
	if (files == 0)
		return cli_usage_error("check",
		                       "which scenario? usage: tabletop check SCENARIO.lua");
	fflush(stdout);
	return bad;
}
