/*
 * The command line of a subcommand, from one table (in the style of tmux's cmd_entry): its usage,
 * its summary and its options. One parser reads every subcommand's arguments: `--name value`,
 * `--name=value`, an unambiguous prefix of a name, `--` before operands, `-h`/`--help`, and a
 * "did you mean" for a misspelt option.
 */
#ifndef CLIOPT_H
#define CLIOPT_H

#include <stdbool.h>
#include <stdio.h>

/* One option: --NAME [ARG] (or -S [ARG]), with a line of help. */
struct cliopt {
	const char *name; /* without the dashes */
	char short_name;  /* a one-letter alias, or 0 */
	const char *arg;  /* the value's placeholder ("N", "FILE"); NULL for a flag */
	const char *help;
	int key; /* what cliopt_next returns for it; above 0 */
};

/* A subcommand's command line. */
struct cliopt_spec {
	const char *cmd;           /* "run" */
	const char *args;          /* "SCENARIO.lua [options]" */
	const char *summary;       /* one line */
	const struct cliopt *opts; /* ends with a zeroed entry */
	const char *more;          /* what --help says after the options, as written; or NULL */
};

/* What cliopt_next returns besides an option's key. */
enum {
	CLIOPT_END = 0,      /* no arguments left */
	CLIOPT_OPERAND = -1, /* an operand, in value */
	CLIOPT_HELP = -2,    /* --help: the usage went to st->out */
	CLIOPT_ERROR = -3,   /* a usage error went to st->err */
};

/* Where a parse is. */
struct cliopt_state {
	int argc;
	char **argv;
	int i;
	bool operands_only; /* after "--" */
	const char *value;  /* the option's value, or the operand */
	char flag[40];      /* the option as its table names it, "--seed", for messages */
	FILE *out, *err;    /* where --help and usage errors go: stdout and stderr */
};

/* Start parsing argv[1..argc) (argv[0] is the subcommand's name). */
void cliopt_init(struct cliopt_state *st, int argc, char **argv);
/* The next option's key (its value in st->value), or one of CLIOPT_*. */
int cliopt_next(struct cliopt_state *st, const struct cliopt_spec *spec);
/* Print the subcommand's usage, summary and options to f, within 80 columns. */
void cliopt_usage(const struct cliopt_spec *spec, FILE *f);
/* Print "tabletop CMD: message" and the hint to try --help to err; returns 2, usage's status. */
int cliopt_error(FILE *err, const struct cliopt_spec *spec, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
