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
			       "problem. Exit 0 when all are clean, 1 when any has a problem.\n");
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
