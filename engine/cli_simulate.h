/* tabletop simulate, as the tests drive it: its options and one call. */
#ifndef CLI_SIMULATE_H
#define CLI_SIMULATE_H

#include <stdio.h>

struct scenario_limits;

/* How bots answer decisions in simulate. */
enum cli_policy { CLI_POLICY_FIRST, CLI_POLICY_RANDOM, CLI_POLICY_DEFAULT, CLI_POLICY_NONE };

struct cli_simulate_opts {
	long long seed; /* -1: the scenario's */
	enum cli_policy policy;
	long runs;           /* 1: one detailed run; more: coverage over seeds seed..seed+runs-1 */
	int progress;        /* draw a progress bar on stderr */
	int strict;          /* with runs > 1: exit 1 when something was never reached */
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
