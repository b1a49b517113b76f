/* A journal's lines, read one at a time at a bounded cost, their numbers checked. */
#include "lines.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/mem.h"

/* Open the journal at path for reading; -1 after a message on err. */
int lines_open(struct lines *r, const char *path, FILE *err)
{
	memset(r, 0, sizeof *r);
	r->path = path;
	r->f = fopen(path, "rb");
	if (r->f == NULL) {
		fprintf(err, "%s: cannot read the journal: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Refill the buffer; its new length, 0 at the end of the file, -1 after a message on err. */
static long lines_fill(struct lines *r, FILE *err)
{
	r->pos = 0;
	r->end = fread(r->buf, 1, sizeof r->buf, r->f);
	if (r->end == 0 && ferror(r->f)) {
		fprintf(err, "%s: cannot read the journal: %s\n", r->path, strerror(errno));
		return -1;
	}
	return (long)r->end;
}

/* Add n bytes to the current line. */
static void lines_add(struct lines *r, const char *p, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		r->cap = (r->len + n + 1) * 2;
		if (r->cap > LINES_MAX + 1)
			r->cap = LINES_MAX + 1;
		r->text = mem_realloc(r->text, r->cap);
	}
	memcpy(r->text + r->len, p, n);
	r->len += n;
}

/*
 * The current line is longer than LINES_MAX: in a regular file, skip to its end, which must be
 * the end of the file (a cut-off last line, kept out); 1 then, -1 after a message otherwise.
 */
static int lines_over(struct lines *r, FILE *err)
{
	struct stat st;
	long got = 1;

	r->len = 0;
	if (r->no > 1 && fstat(fileno(r->f), &st) == 0 && S_ISREG(st.st_mode)) {
		while (got > 0 && memchr(r->buf + r->pos, '\n', r->end - r->pos) == NULL)
			got = lines_fill(r, err);
		if (got == 0) {
			r->cut = r->over = true;
			return 1;
		}
	}
	if (got >= 0)
		fprintf(err, "%s:%ld: a line longer than %zu MiB: not a tabletop journal line\n",
		        r->path, r->no, LINES_MAX >> 20);
	return -1;
}

/* Read the next line: 1, 0 at the end of the file, -1 after a FILE:LINE: message on err. */
int lines_next(struct lines *r, FILE *err)
{
	r->keep += r->len + (r->no > 0 && !r->cut);
	r->len = 0;
	r->no++;
	for (;;) {
		const char *p, *nl;
		size_t n;
		long got;

		if (r->pos == r->end && (got = lines_fill(r, err)) <= 0) {
			if (got < 0)
				return -1;
			r->cut = true;
			if (r->len == 0) {
				r->no--;
				return 0;
			}
			r->text[r->len] = '\0';
			return 1;
		}
		p = r->buf + r->pos;
		nl = memchr(p, '\n', r->end - r->pos);
		n = nl != NULL ? (size_t)(nl - p) : r->end - r->pos;
		if (r->len + n > LINES_MAX)
			return lines_over(r, err);
		lines_add(r, p, n);
		r->pos += n;
		if (nl != NULL) {
			r->pos++;
			r->cut = false;
			r->text[r->len] = '\0';
			return 1;
		}
	}
}

/* Check the line number "seq" of line no, parsed as o; -1 with the reason in why. */
int lines_check(json_t *o, long no, char *why, size_t n)
{
	json_t *v = json_object_get(o, "seq");

	if (v == NULL || (json_is_integer(v) && json_integer_value(v) == no))
		return 0;
	if (!json_is_integer(v))
		snprintf(why, n, "\"seq\" must be the line's number");
	else
		snprintf(why, n,
		         "this line was written as line %lld: journal lines were duplicated, "
		         "reordered or removed before it",
		         (long long)json_integer_value(v));
	return -1;
}

/* The length of text without its number ,"seq":NO} at the end (a '}' must then be added). */
size_t lines_unnumbered(const char *text, size_t len, long no)
{
	char tail[40];
	int k = snprintf(tail, sizeof tail, ",\"seq\":%ld}", no);

	if (k > 0 && (size_t)k <= len && memcmp(text + len - (size_t)k, tail, (size_t)k) == 0)
		return len - (size_t)k;
	return len;
}

/* Close the journal and free the line. */
void lines_close(struct lines *r)
{
	if (r->f != NULL)
		fclose(r->f);
	free(r->text);
	r->f = NULL;
	r->text = NULL;
}
