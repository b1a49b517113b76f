/* The subcommands of the tabletop binary, one file each, and what they share. */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "cliopt.h"

/* A subcommand: its command line (name, usage, summary, options) and its main. */
struct cli_cmd {
	const struct cliopt_spec *spec;
	int (*main)(int argc, char **argv);
};

/* The subcommands, ending with a zeroed entry. */
extern const struct cli_cmd cli_cmds[];

/* The largest --seed: 2^53 - 1, the largest whole number that JSON and Lua's floats keep exact. */
#define CLI_SEED_MAX 9007199254740991LL

/* Parse a whole number in [min, max] for flag; prints a usage error and returns -1 if bad. */
int cli_parse_long(const char *flag, const char *s, long long min, long long max, long long *out);
/* The subcommand called name, or NULL. */
const struct cli_cmd *cli_find(const char *name);

/* The keys of the options that cap what one scenario callback may emit (run, simulate, check). */
enum { CLI_KEY_CALLBACK_EVENTS = 1000, CLI_KEY_CALLBACK_BYTES };
/* Those two options, for a subcommand's table. */
#define CLI_CALLBACK_OPTS                                                                          \
	{"callback-events", 0, "N", "events one scenario callback may emit (1000)",                \
	 CLI_KEY_CALLBACK_EVENTS},                                                                 \
	{"callback-bytes", 0, "N", "bytes of text one scenario callback may emit (524288)",        \
	 CLI_KEY_CALLBACK_BYTES}
struct scenario_limits;
/* Set what one scenario callback may emit, for option key (CLI_KEY_CALLBACK_*); -1 if bad. */
int cli_callback_cap(int key, const char *value, struct scenario_limits *lim);

struct exercise;
/* Say on err when texts of the scenario lack a language: players see the default one there. */
void cli_warn_missing(const char *path, const struct exercise *ex, FILE *err);

extern const struct cliopt_spec cli_check_spec, cli_simulate_spec, cli_run_spec, cli_report_spec,
    cli_import_spec, cli_scenarios_spec;

int cli_check_main(int argc, char **argv);
int cli_simulate_main(int argc, char **argv);
int cli_run_main(int argc, char **argv);
int cli_report_main(int argc, char **argv);
int cli_import_main(int argc, char **argv);
int cli_scenarios_main(int argc, char **argv);

#endif
