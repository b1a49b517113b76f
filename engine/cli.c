/* The subcommand table and helpers shared by the subcommands. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/exercise.h"
#include "lua/scenario.h"

const struct cli_cmd cli_cmds[] = {
    {"run", "SCENARIO.lua [options]", "run an exercise and serve the teams", cli_run_main},
    {"check", "SCENARIO.lua...", "validate scenarios, print problems as FILE:LINE: message",
     cli_check_main},
    {"simulate", "SCENARIO.lua [options]", "run STARTEX..ENDEX headless, bots play the teams",
     cli_simulate_main},
    {"report", "JOURNAL [options]", "after-action report from a journal", cli_report_main},
    {"import", "MSEL.csv", "a scenario skeleton from an HSEEP-style MSEL, on stdout",
     cli_import_main},
    {NULL, NULL, NULL, NULL},
};

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

/* Print "tabletop NAME: message" to stderr and return 2, for usage errors. */
int cli_usage_error(const char *name, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "tabletop %s: ", name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'tabletop --help'.\n");
	return 2;
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

/* Set what one scenario callback may emit from flag (--callback-events or --callback-bytes). */
int cli_callback_cap(const char *flag, const char *value, struct scenario_limits *lim)
{
	long long v;

	if (strcmp(flag, "--callback-events") == 0) {
		if (cli_parse_long(flag, value, 1, 10000000, &v) < 0)
			return -1;
		lim->max_events = (long)v;
		return 0;
	}
	if (cli_parse_long(flag, value, 1024, 1LL << 30, &v) < 0)
		return -1;
	lim->max_bytes = (size_t)v;
	return 0;
}

/* Whether arg is --callback-events or --callback-bytes. */
int cli_is_callback_cap(const char *arg)
{
	return strcmp(arg, "--callback-events") == 0 || strcmp(arg, "--callback-bytes") == 0;
}
