/* tabletop scenarios: list the shipped scenarios with their titles and durations. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/mem.h"
#include "core/timeparse.h"
#include "lua/datadir.h"
#include "lua/scenario.h"

/* Compare two names for qsort. */
static int cli_scenarios_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Print one line for the scenario file name in dir; returns 0, or 1 when it does not load. */
static int cli_scenarios_show(const char *dir, const char *name)
{
	struct scenario_limits lim;
	struct scenario_problems probs = {0};
	char *path = mem_printf("%s/%s", dir, name);
	struct scenario *sc;
	char dur[32];
	int n = (int)strlen(name) - 4;

	scenario_limits_default(&lim);
	sc = scenario_load(path, &lim, -1, &probs);
	if (sc != NULL) {
		timeparse_format_duration(scenario_exercise(sc)->duration, dur, sizeof dur);
		printf("%-16.*s %-7s %s\n", n, name, dur,
		       scenario_exercise(sc)->title != NULL ? scenario_exercise(sc)->title : "");
	} else {
		fprintf(stderr, "tabletop scenarios: %s does not load (tabletop check %s)\n", path,
		        path);
	}
	scenario_free(sc);
	scenario_problems_free(&probs);
	free(path);
	return sc == NULL;
}

/* The names of the *.lua files in dir, sorted, in *out; returns how many, or -1. */
static int cli_scenarios_list(const char *dir, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len <= 4 || strcmp(e->d_name + len - 4, ".lua") != 0)
			continue;
		v = mem_grow(v, (size_t)n, NULL, sizeof *v);
		v[n++] = mem_strdup(e->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(v, (size_t)n, sizeof *v, cli_scenarios_cmp);
	*out = v;
	return n;
}

/* scenarios' command line. */
const struct cliopt_spec cli_scenarios_spec = {
    "scenarios", "", "list the shipped scenarios with their titles and durations",
    (const struct cliopt[]){{NULL, 0, NULL, NULL, 0}},
    "Lists the shipped scenarios, one a line: NAME DURATION TITLE. `tabletop run NAME`\n"
    "(and check, simulate) runs one by its name. $TABLETOP_SCENARIOS overrides the\n"
    "folder they are in.\n"};

/* `tabletop scenarios`: exit 0, or 1 when the directory is missing or a scenario does not load. */
int cli_scenarios_main(int argc, char **argv)
{
	const char *dir = datadir_scenarios();
	struct cliopt_state st;
	char **names;
	int n, bad = 0, key;

	cliopt_init(&st, argc, argv);
	key = cliopt_next(&st, &cli_scenarios_spec);
	if (key == CLIOPT_HELP) {
		printf("\nThey are in %s.\n", dir);
		return 0;
	}
	if (key == CLIOPT_OPERAND)
		return cliopt_error(stderr, &cli_scenarios_spec, "unexpected '%s'", st.value);
	if (key != CLIOPT_END)
		return 2;
	n = cli_scenarios_list(dir, &names);
	if (n < 0) {
		fprintf(stderr, "tabletop scenarios: cannot read %s\n", dir);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		bad |= cli_scenarios_show(dir, names[i]);
		free(names[i]);
	}
	free(names);
	fflush(stdout);
	return bad;
}
