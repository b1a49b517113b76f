/* A CSV reader without I/O: bytes in, rows of fields out, each with its spreadsheet row number. */
#include "csv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* Default limits: 128 KiB a field, 1 MiB a row, 1024 fields a row, 100000 rows. */
void csv_limits_default(struct csv_limits *lim)
{
	lim->max_field = 128 * 1024;
	lim->max_row = 1024 * 1024;
	lim->max_fields = 1024;
	lim->max_rows = 100000;
}

/* The separator the first line uses most outside quotes: ',' unless ';' or a tab wins. */
static char csv_detect(const char *p, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (p[i] == '\n' || p[i] == '\r')
			break;
		else if (p[i] == ',')
			comma++;
		else if (p[i] == ';')
			semi++;
		else if (p[i] == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	return tab > comma && tab > semi ? '\t' : ',';
}

/* Start reading buf[0..len): skip a BOM and detect the separator. */
void csv_init(struct csv_reader *r, const char *buf, size_t len, const struct csv_limits *lim)
{
	memset(r, 0, sizeof *r);
	r->buf = buf;
	r->len = len;
	if (lim != NULL)
		r->lim = *lim;
	else
		csv_limits_default(&r->lim);
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	r->sep = csv_detect(buf + r->pos, len - r->pos);
	r->next_line = 1;
}

/* Set r->err to the message (about row r->row) and return -1. */
static int csv_error(struct csv_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int csv_error(struct csv_reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->err, sizeof r->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* Append byte c to the row's data, within the row limit; -1 with r->err past it. */
static int csv_store(struct csv_reader *r, char c)
{
	if (r->data_len >= r->lim.max_row)
		return csv_error(r, "the row is longer than %zu bytes", r->lim.max_row);
	r->data = mem_grow(r->data, r->data_len, &r->data_cap, 1);
	r->data[r->data_len++] = c;
	return 0;
}

/* Append byte c to the current field, within the limits; -1 with r->err past them. */
static int csv_put(struct csv_reader *r, char c)
{
	if (c == '\0')
		return csv_error(r, "a NUL byte: this is not a text file (save the sheet as \"CSV "
		                    "UTF-8\")");
	if (r->data_len - r->start[r->n] >= r->lim.max_field)
		return csv_error(r, "field %d is longer than %zu bytes", r->n + 1,
		                 r->lim.max_field);
	return csv_store(r, c);
}

/* Open a new field in the current row; -1 with r->err when the row has too many. */
static int csv_open_field(struct csv_reader *r)
{
	if (r->n >= r->lim.max_fields)
		return csv_error(r, "more than %d fields", r->lim.max_fields);
	r->start = mem_grow(r->start, (size_t)r->n + 1, &r->cap, sizeof *r->start);
	r->start[r->n] = r->data_len;
	return 0;
}

/* Whether c is a blank that may surround a quoted field. */
static int csv_blank(const struct csv_reader *r, char c)
{
	return c == ' ' || (c == '\t' && r->sep != '\t');
}

/* Consume one line break at r->pos (LF, CRLF or CR), counting the line; 0 if there is none. */
static int csv_newline(struct csv_reader *r)
{
	if (r->pos >= r->len || (r->buf[r->pos] != '\n' && r->buf[r->pos] != '\r'))
		return 0;
	if (r->buf[r->pos] == '\r' && r->pos + 1 < r->len && r->buf[r->pos + 1] == '\n')
		r->pos++;
	r->pos++;
	r->next_line++;
	return 1;
}

/* Read a quoted field; r->pos is just after the opening quote. */
static int csv_quoted(struct csv_reader *r)
{
	long opened = r->next_line;

	for (;;) {
		if (r->pos >= r->len)
			return csv_error(
			    r,
			    "a quoted field is not closed: a '\"' is missing (the quote "
			    "opens on line %ld of the file)",
			    opened);
		char c = r->buf[r->pos];
		if (c == '"' && r->pos + 1 < r->len && r->buf[r->pos + 1] == '"') {
			r->pos += 2;
		} else if (c == '"') {
			r->pos++;
			break;
		} else if (c == '\n' || c == '\r') {
			size_t from = r->pos;
			csv_newline(r);
			for (size_t i = from; i < r->pos; i++)
				if (csv_put(r, r->buf[i]) < 0)
					return -1;
			continue;
		} else {
			r->pos++;
		}
		if (csv_put(r, c) < 0)
			return -1;
	}
	while (r->pos < r->len && csv_blank(r, r->buf[r->pos]))
		r->pos++;
	if (r->pos < r->len && r->buf[r->pos] != r->sep && r->buf[r->pos] != '\n' &&
	    r->buf[r->pos] != '\r')
		return csv_error(r,
		                 "text after the closing quote of field %d (inside quotes, write "
		                 "a '\"' as \"\")",
		                 r->n + 1);
	return 0;
}

/* Read one field at r->pos, quoted or not. */
static int csv_field(struct csv_reader *r)
{
	size_t p = r->pos;

	if (csv_open_field(r) < 0)
		return -1;
	while (p < r->len && csv_blank(r, r->buf[p]))
		p++;
	if (p < r->len && r->buf[p] == '"') {
		r->pos = p + 1;
		if (csv_quoted(r) < 0)
			return -1;
	} else {
		for (; r->pos < r->len; r->pos++) {
			char c = r->buf[r->pos];
			if (c == r->sep || c == '\n' || c == '\r')
				break;
			if (csv_put(r, c) < 0)
				return -1;
		}
	}
	if (csv_store(r, '\0') < 0)
		return -1;
	r->n++;
	return 0;
}

/* Read the next row: 1 with the fields set, 0 at the end, -1 with r->err. */
int csv_next(struct csv_reader *r)
{
	if (r->pos >= r->len || r->err[0] != '\0')
		return r->err[0] != '\0' ? -1 : 0;
	r->row++;
	r->line = r->next_line;
	r->n = 0;
	r->data_len = 0;
	if (r->row > r->lim.max_rows)
		return csv_error(r, "more than %ld rows", r->lim.max_rows);
	for (;;) {
		if (csv_field(r) < 0)
			return -1;
		if (r->pos < r->len && r->buf[r->pos] == r->sep) {
			r->pos++;
			continue;
		}
		csv_newline(r);
		break;
	}
	r->field = mem_array(r->field, (size_t)r->n, sizeof *r->field);
	for (int i = 0; i < r->n; i++)
		r->field[i] = r->data + r->start[i];
	return 1;
}

/* Free what the reader holds (not buf). */
void csv_free(struct csv_reader *r)
{
	free(r->field);
	free(r->data);
	free(r->start);
	r->field = NULL;
	r->data = NULL;
	r->start = NULL;
}
