/* A CSV reader without I/O: bytes in, rows of fields out, each with its spreadsheet row number. */
#ifndef CSV_H
#define CSV_H

#include <stddef.h>

/* Bounds on what one row may hold; a row past them is an error that names it. */
struct csv_limits {
	size_t max_field; /* bytes in one field */
	size_t max_row;   /* bytes in all the fields of one row */
	int max_fields;   /* fields in one row */
	long max_rows;    /* rows in the file, blank ones included */
};

/*
 * A reader over one buffer, which must outlive it. RFC 4180 with the leniencies spreadsheets need:
 * records end in LF, CRLF or CR; a UTF-8 byte order mark at the start is skipped; a field is
 * quoted when its first non-blank character is '"', and "" inside quotes is one '"'; blanks after
 * a closing quote are ignored; a '"' inside an unquoted field is kept as it is.
 */
struct csv_reader {
	const char *buf;
	size_t len, pos;
	struct csv_limits lim;
	char sep;  /* ',' ';' or '\t': the one the first line uses most outside quotes */
	long row;  /* the row just read, 1 for the first (as a spreadsheet numbers it) */
	long line; /* the line of the file where that row starts, 1 for the first */
	long next_line;
	char **field; /* the fields of that row, NUL-terminated, valid until the next csv_next */
	int n;        /* how many */
	char *data;   /* the bytes of the fields, each followed by a NUL */
	size_t data_len, data_cap;
	size_t *start; /* where each field starts in data */
	size_t cap;
	char err[200]; /* what is wrong with row r->row */
};

/* Default limits: 128 KiB a field, 1 MiB a row, 1024 fields a row, 100000 rows. */
void csv_limits_default(struct csv_limits *lim);

/* Start reading buf[0..len): skip a BOM and detect the separator. lim NULL: the defaults. */
void csv_init(struct csv_reader *r, const char *buf, size_t len, const struct csv_limits *lim);

/* Read the next row: 1 with r->field/r->n/r->row set, 0 at the end, -1 with r->err (about r->row).
 */
int csv_next(struct csv_reader *r);

/* Free what the reader holds (not buf). */
void csv_free(struct csv_reader *r);

#endif
