/* What msel.c and row.c share while one MSEL is read. */
#ifndef READER_H
#define READER_H

#include "csv.h"
#include "header.h"
#include "msel.h"

/* The state of one msel_read. */
struct msel_reader {
	struct msel *m;
	const char *name;
	struct csv_reader csv;
	struct header_map map; /* of the header, once found */
	char **head;           /* the header's cells on one line each, NULL when empty */
	int n_head;
	struct header_map best; /* the best row so far while looking for the header */
	char *best_err;         /* what is wrong with it, about row best_row */
	long best_row;
	int tried;
	char *err;
};

/* Set rd->err to "NAME:row N: message" (row 0: "NAME: message") and return -1. */
int msel_fail(struct msel_reader *rd, long row, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Add "NAME:row N: message" to the warnings of the MSEL. */
void msel_warn(struct msel_reader *rd, long row, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Turn the row just read (under the header) into an inject; -1 with rd->err. */
int row_read(struct msel_reader *rd);

/* The team named name (one line), added when new; returns its index. */
int row_team(struct msel *m, const char *name);

/* Free what an inject holds. */
void row_inject_free(struct msel_inject *inj);

#endif
