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

struct scenario_limits;
/* Set what one scenario callback may emit from flag (--callback-events or --callback-bytes);
 * -1 after a usage error. */
int cli_callback_cap(const char *flag, const char *value, struct scenario_limits *lim);
/* Whether arg is --callback-events or --callback-bytes. */
int cli_is_callback_cap(const char *arg);
/* The lines of the options above for a usage text. */
#define CLI_CALLBACK_CAPS_USAGE                                                                    \
	"  --callback-events N    events one scenario callback may emit (1000)\n"                   \
	"  --callback-bytes N     bytes of text one scenario callback may emit (524288)\n"

struct exercise;
/* Say on err when texts of the scenario lack a language: players see the default one there. */
void cli_warn_missing(const char *path, const struct exercise *ex, FILE *err);

int cli_check_main(int argc, char **argv);
int cli_simulate_main(int argc, char **argv);
int cli_run_main(int argc, char **argv);
int cli_report_main(int argc, char **argv);
int cli_import_main(int argc, char **argv);

/* How bots answer decisions in simulate. */
enum cli_policy { CLI_POLICY_FIRST, CLI_POLICY_RANDOM, CLI_POLICY_DEFAULT, CLI_POLICY_NONE };

struct cli_simulate_opts {
	long long seed; /* -1: the scenario's */
	enum cli_policy policy;
	long runs;    /* 1: one detailed run; more: coverage over seeds seed..seed+runs-1 */
	int progress; /* draw a progress bar on stderr */
	int strict;   /* with runs > 1: exit 1 when something was never reached */
	const char *journal; /* --journal FILE: write the run's journal there (one run only) */
	const struct scenario_limits *lim; /* NULL: the defaults */
};

/* Run simulate on path, writing the summary to out and problems to err; returns the exit status. */
int cli_simulate_run(const char *path, const struct cli_simulate_opts *o, FILE *out, FILE *err);

struct scenario_problems;
/*
 * Play runs headless runs of path (seeds from its own on, random policy, limits lim): every
 * distinct script error goes to errors. Returns the runs played.
 */
int cli_simulate_probe(const char *path, const struct scenario_limits *lim, int runs,
                       struct scenario_problems *errors);

#endif
