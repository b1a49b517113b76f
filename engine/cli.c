/* The subcommand table and helpers shared by the subcommands. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/exercise.h"
#include "lua/scenario.h"

const struct cli_cmd cli_cmds[] = {
    {&cli_run_spec, cli_run_main},           {&cli_check_spec, cli_check_main},
    {&cli_simulate_spec, cli_simulate_main}, {&cli_report_spec, cli_report_main},
    {&cli_import_spec, cli_import_main},     {&cli_scenarios_spec, cli_scenarios_main},
    {NULL, NULL},
};

/* The subcommand called name, or NULL. */
const struct cli_cmd *cli_find(const char *name)
{
	for (const struct cli_cmd *c = cli_cmds; c->spec != NULL; c++)
		if (!strcmp(c->spec->cmd, name))
			return c;
	return NULL;
}

/* Parse a whole number in [min, max] for flag; prints a usage error and returns -1 if bad. */
int cli_parse_long(const char *flag, const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
		fprintf(stderr, "tabletop: %s wants a whole number from %lld to %lld, not '%s'\n",
		        flag, min, max, s);
		return -1;
	}
	*out = v;
	return 0;
}

/* Say on err when texts of the scenario lack a language: players see the default one there. */
void cli_warn_missing(const char *path, const struct exercise *ex, FILE *err)
{
	if (ex->n_missing > 0)
		fprintf(err,
		        "%s: %d text%s lack%s a translation (tabletop check lists them); players "
		        "see the default language there\n",
		        path, ex->n_missing, ex->n_missing == 1 ? "" : "s",
		        ex->n_missing == 1 ? "s" : "");
}

/* Set what one scenario callback may emit, for option key (CLI_KEY_CALLBACK_*); -1 if bad. */
int cli_callback_cap(int key, const char *value, struct scenario_limits *lim)
{
	long long v;

	if (key == CLI_KEY_CALLBACK_EVENTS) {
		if (cli_parse_long("--callback-events", value, 1, 10000000, &v) < 0)
			return -1;
		lim->max_events = (long)v;
		return 0;
	}
	if (cli_parse_long("--callback-bytes", value, 1024, 1LL << 30, &v) < 0)
		return -1;
	lim->max_bytes = (size_t)v;
	return 0;
}
