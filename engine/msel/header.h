/* The header row of an MSEL: which column holds which field, by name and its aliases. */
#ifndef HEADER_H
#define HEADER_H

#include <stdbool.h>

/* The fields an MSEL row may have. */
enum header_field {
	HEADER_NUMBER,
	HEADER_TIME,
	HEADER_FROM,
	HEADER_TO,
	HEADER_METHOD,
	HEADER_SUBJECT,
	HEADER_DESCRIPTION,
	HEADER_BODY,
	HEADER_EXPECTED,
	HEADER_OBJECTIVE,
	HEADER_NOTES,
	HEADER_NFIELDS
};

/* What a row of header cells maps to. */
struct header_map {
	int col[HEADER_NFIELDS]; /* the column of each field, or -1 */
	int found;               /* how many fields have a column */
	bool complete;           /* number, time, to and subject or description are all there */
	int dup_field;           /* a field named by two columns (dup_a, dup_b), or -1 */
	int dup_a, dup_b;
};

/* The field a header cell names (case-insensitive, with aliases), or -1. */
int header_field_of(const char *cell);

/* Map a row of n header cells. */
void header_map(struct header_map *h, char *const *cells, int n);

/* The name of field f for people: "inject number", "time", ... */
const char *header_name(int f);

/* The required columns h lacks, for a message: malloc'd, like `time (like "Time")`. */
char *header_missing(const struct header_map *h);

#endif
