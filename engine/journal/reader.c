/* The one journal reader: parsed lines, with the checks that the format makes. */
#include "reader.h"

#include <string.h>

#include "journal.h"

/* Open the journal at path; -1 after a message on err. */
int reader_open(struct reader *r, const char *path, FILE *err)
{
	memset(r, 0, sizeof *r);
	r->err = err;
	return lines_open(&r->in, path, err);
}

/* Print a problem with the current line (a line 1 problem: not a journal); -1. */
static int reader_fail(struct reader *r, const char *what)
{
	fprintf(r->err, "%s:%ld: %s%s\n", r->in.path, r->in.no,
	        r->in.no == 1 ? "not a tabletop journal: " : "", what);
	return -1;
}

/* Check the header o: a journal of JOURNAL_VERSION; -1 after a message. */
static int reader_header(struct reader *r, json_t *o)
{
	json_t *v = json_object_get(o, "version");
	char why[160];

	if (strcmp(json_string_value(json_object_get(o, "type")), "journal") != 0) {
		snprintf(
		    why, sizeof why,
		    "the first line must be its {\"type\":\"journal\",\"version\":%d,...} header",
		    JOURNAL_VERSION);
		return reader_fail(r, why);
	}
	if (json_is_integer(v) && json_integer_value(v) == JOURNAL_VERSION)
		return 0;
	if (json_is_integer(v))
		snprintf(why, sizeof why,
		         "journal version %lld is not supported: its format version is not %d, the "
		         "one this tabletop reads",
		         (long long)json_integer_value(v), JOURNAL_VERSION);
	else
		snprintf(
		    why, sizeof why,
		    "the header has no \"version\": its format version is not %d, the one this "
		    "tabletop reads",
		    JOURNAL_VERSION);
	fprintf(r->err, "%s:1: %s\n", r->in.path, why);
	return -1;
}

/* Check the parsed current line o; -1 after a message. */
static int reader_check(struct reader *r, json_t *o)
{
	char why[160];

	if (!json_is_object(o) || !json_is_string(json_object_get(o, "type")))
		return reader_fail(r,
		                   "not a journal line: a JSON object with a \"type\" is expected");
	if (lines_check(o, r->in.no, why, sizeof why) < 0)
		return reader_fail(r, why);
	if (r->in.no == 1)
		return reader_header(r, o);
	if (strcmp(json_string_value(json_object_get(o, "type")), "journal") == 0)
		return reader_fail(r, "a second journal header (two journals joined together?)");
	return 0;
}

/* Whether the current line, the last one and without its '\n', was cut off mid-line. */
static bool reader_torn(const struct reader *r)
{
	json_error_t e;
	json_t *o;

	if (r->in.over)
		return true;
	o = json_loadb(r->in.text, r->in.len, 0, &e);
	json_decref(o);
	return o == NULL;
}

/* The next line that is not blank, parsed into *o: 1, 0 at the end, -1 after a message. */
int reader_next(struct reader *r, json_t **o)
{
	json_error_t e;
	char why[200];
	int got;

	*o = NULL;
	while ((got = lines_next(&r->in, r->err)) > 0) {
		if (r->in.cut && reader_torn(r)) {
			if (r->in.no == 1)
				return reader_fail(r, "the header is cut off");
			fprintf(
			    r->err,
			    "%s:%ld: warning: the last line is cut off (a crash while writing?); "
			    "it is ignored\n",
			    r->in.path, r->in.no);
			r->partial = true;
			return 0;
		}
		r->lines = r->in.no;
		r->keep = r->in.keep + (long long)r->in.len + !r->in.cut;
		if (r->in.no > 1 && (r->in.len == 0 || (r->in.len == 1 && r->in.text[0] == '\r')))
			continue;
		*o = json_loadb(r->in.text, r->in.len, 0, &e);
		if (*o == NULL) {
			snprintf(why, sizeof why, "not JSON: %s (column %d)", e.text, e.column);
			return reader_fail(r, why);
		}
		if (reader_check(r, *o) == 0)
			return 1;
		json_decref(*o);
		*o = NULL;
		return -1;
	}
	if (got == 0 && r->lines == 0) {
		fprintf(r->err, "%s: empty file: not a tabletop journal\n", r->in.path);
		return -1;
	}
	return got;
}

/* Close the journal. */
void reader_close(struct reader *r)
{
	lines_close(&r->in);
}
