/*
 * A journal's lines, read one at a time at a bounded cost (docs/journal.md): a line holds at most
 * LINES_MAX bytes in memory, a last line without its '\n' is handed over as such, and the line
 * numbers that the writer puts in every line ("seq") are checked, so that a line duplicated, moved
 * or lost is refused at FILE:LINE. Used by the replay and by the report.
 */
#ifndef LINES_H
#define LINES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The longest journal line read, in bytes: no line that tabletop writes comes near it. */
#define LINES_MAX ((size_t)64 << 20)

/* A journal being read. */
struct lines {
	FILE *f;
	const char *path;
	char *text;     /* the current line, without its '\n', NUL-ended */
	size_t len;     /* its length */
	size_t cap;     /* bytes allocated for text */
	long no;        /* its number, from 1 */
	long long keep; /* bytes of the lines before it: where it starts */
	bool cut;       /* it is the last one and has no '\n' */
	bool over;      /* it is a last line without '\n' longer than LINES_MAX (text is empty) */
	char buf[65536];
	size_t pos, end; /* what of buf is read and not used yet */
};

/* Open the journal at path for reading; -1 after a message on err. */
int lines_open(struct lines *r, const char *path, FILE *err);
/* Read the next line: 1, 0 at the end of the file, -1 after a FILE:LINE: message on err. */
int lines_next(struct lines *r, FILE *err);
/*
 * Check the line number "seq" of line no, parsed as o: a line that has one must carry its own
 * number (lines written before numbers existed have none). -1 with the reason in why (n bytes).
 */
int lines_check(json_t *o, long no, char *why, size_t n);
/*
 * The length of text (len bytes, numbered no) without its number: the object then ends at that
 * length, and a '}' must be added. len itself when it does not end in ,"seq":NO}.
 */
size_t lines_unnumbered(const char *text, size_t len, long no);
/* Close the journal and free the line. */
void lines_close(struct lines *r);

#endif
