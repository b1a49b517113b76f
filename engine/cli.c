/* The subcommand table and helpers shared by the subcommands. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/exercise.h"

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
