/*
 * The one journal reader (docs/journal.md): the lines of a journal parsed one at a time, with
 * every check that the format itself makes — a header of this tabletop's JOURNAL_VERSION first,
 * JSON objects with a "type", line numbers, no second header, blank lines skipped, a cut-off last
 * line ignored with a warning. Used by the replay and by the report; what each needs beyond the
 * format (the replay's scenario hash, the report's fields) it checks itself.
 */
#ifndef READER_H
#define READER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "lines.h"

/* A journal being read. */
struct reader {
	struct lines in; /* the current line: in.text, in.len, in.no (1: the header) */
	FILE *err;
	long lines;     /* whole lines read so far, the header and blank lines included */
	long long keep; /* bytes in those lines: a cut-off last line starts there */
	bool partial;   /* the last line was cut off (a warning said so) */
};

/* Open the journal at path; -1 after a message on err. */
int reader_open(struct reader *r, const char *path, FILE *err);
/*
 * The next line that is not blank, parsed into *o (the caller's to decref): 1, the header first;
 * 0 at the end (after a warning for a cut-off last line); -1 after a FILE:LINE: message on err.
 */
int reader_next(struct reader *r, json_t **o);
/* Close the journal. */
void reader_close(struct reader *r);

#endif
