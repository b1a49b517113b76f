/* The subcommands of the tabletop binary, one file each, and what they share. */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

struct cli_cmd {
	const char *name;
	const char *args;
	const char *summary;
	int (*main)(int argc, char **argv);
};

/* The subcommands, ending with a zeroed entry. */
extern const struct cli_cmd cli_cmds[];

/* Parse a whole number in [min, max] for flag; prints a usage error and returns -1 if bad. */
int cli_parse_long(const char *flag, const char *s, long long min, long long max, long long *out);
/* Print "tabletop NAME: message" to stderr and return 2, for usage errors. */
int cli_usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

struct exercise;
/* Say on err when texts of the scenario lack a language: players see the default one there. */
void cli_warn_missing(const char *path, const struct exercise *ex, FILE *err);

int cli_check_main(int argc, char **argv);
int cli_simulate_main(int argc, char **argv);
int cli_run_main(int argc, char **argv);
int cli_report_main(int argc, char **argv);
int cli_import_main(int argc, char **argv);
int cli_scenarios_main(int argc, char **argv);

/* How bots answer decisions in simulate. */
enum cli_policy { CLI_POLICY_FIRST, CLI_POLICY_RANDOM, CLI_POLICY_DEFAULT, CLI_POLICY_NONE };

struct cli_simulate_opts {
	long long seed; /* -1: the scenario's */
	enum cli_policy policy;
	long runs;    /* 1: one detailed run; more: coverage over seeds seed..seed+runs-1 */
	int progress; /* draw a progress bar on stderr */
	int strict;   /* with runs > 1: exit 1 when something was never reached */
	const char *journal; /* --journal FILE: write the run's journal there (one run only) */
};

/* Run simulate on path, writing the summary to out and problems to err; returns the exit status. */
int cli_simulate_run(const char *path, const struct cli_simulate_opts *o, FILE *out, FILE *err);

#endif
