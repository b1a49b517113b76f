/* An HSEEP-style MSEL read from CSV: columns found by name, rows checked, teams, objectives,
 * injects. */
#ifndef MSEL_H
#define MSEL_H

#include <stdbool.h>
#include <stddef.h>

/* The most injects one MSEL may hold. */
#define MSEL_MAX_INJECTS 10000

/* A recipient of injects: id derived from its name. */
struct msel_team {
	char *id, *name;
};

/* A distinct text of the objective column: id O1, O2, ... in order of first use. */
struct msel_objective {
	char *id, *text;
};

/* One row of the MSEL. Text fields are NULL when empty. */
struct msel_inject {
	long row; /* as a spreadsheet numbers it: the header is row 1 */
	char *id;
	long at; /* seconds from STARTEX */
	bool all;
	int *to; /* indexes into teams, when not all */
	int n_to;
	char *from, *channel, *subject, *body, *notes;
};

/* A whole MSEL, ready to be written as a scenario. */
struct msel {
	char *title;
	long duration; /* the last inject plus an hour, rounded up to the hour */
	char sep;      /* the separator the file used */
	long header_row;
	bool made_up_team; /* every inject went to all, so one team was made up */
	struct msel_team *teams;
	int n_teams;
	struct msel_objective *objectives;
	int n_objectives;
	struct msel_inject *injects;
	int n_injects;
	char **ignored; /* headers of the columns not imported */
	int n_ignored;
	char **warnings; /* "FILE:row N: ..." worth telling the user; not errors */
	int n_warnings;
};

/*
 * Read the MSEL in buf[0..len), named name in messages ("-": standard input, "stdin" in messages).
 * Returns 0 and fills m, or -1 with *err set to a malloc'd "NAME:row N: message" (m is then empty).
 */
int msel_read(struct msel *m, const char *name, const char *buf, size_t len, char **err);

/* Free everything m holds. */
void msel_free(struct msel *m);

#endif
