/* The header row of an MSEL: which column holds which field, by name and its aliases. */
#include "header.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* A header name, normalised as header_normalise does, and the field it names. */
struct header_alias {
	const char *name;
	enum header_field field;
};

/* Every header name known, normalised (docs/msel-import.md lists them for users). */
static const struct header_alias header_aliases[] = {
    {"inject #", HEADER_NUMBER},
    {"inject no", HEADER_NUMBER},
    {"inject number", HEADER_NUMBER},
    {"inject id", HEADER_NUMBER},
    {"msel #", HEADER_NUMBER},
    {"msel no", HEADER_NUMBER},
    {"msel number", HEADER_NUMBER},
    {"msel id", HEADER_NUMBER},
    {"event #", HEADER_NUMBER},
    {"event no", HEADER_NUMBER},
    {"event number", HEADER_NUMBER},
    {"number", HEADER_NUMBER},
    {"no", HEADER_NUMBER},
    {"#", HEADER_NUMBER},
    {"id", HEADER_NUMBER},
    {"time", HEADER_TIME},
    {"scenario time", HEADER_TIME},
    {"exercise time", HEADER_TIME},
    {"designated scenario time", HEADER_TIME},
    {"inject time", HEADER_TIME},
    {"time offset", HEADER_TIME},
    {"offset", HEADER_TIME},
    {"t+", HEADER_TIME},
    {"from", HEADER_FROM},
    {"sender", HEADER_FROM},
    {"source", HEADER_FROM},
    {"originator", HEADER_FROM},
    {"to", HEADER_TO},
    {"recipient", HEADER_TO},
    {"recipients", HEADER_TO},
    {"player", HEADER_TO},
    {"players", HEADER_TO},
    {"intended player", HEADER_TO},
    {"intended players", HEADER_TO},
    {"responder", HEADER_TO},
    {"responders", HEADER_TO},
    {"method", HEADER_METHOD},
    {"channel", HEADER_METHOD},
    {"delivery method", HEADER_METHOD},
    {"delivery", HEADER_METHOD},
    {"inject method", HEADER_METHOD},
    {"inject mode", HEADER_METHOD},
    {"mode", HEADER_METHOD},
    {"subject", HEADER_SUBJECT},
    {"title", HEADER_SUBJECT},
    {"inject title", HEADER_SUBJECT},
    {"headline", HEADER_SUBJECT},
    {"description", HEADER_DESCRIPTION},
    {"inject", HEADER_DESCRIPTION},
    {"inject description", HEADER_DESCRIPTION},
    {"event description", HEADER_DESCRIPTION},
    {"event synopsis", HEADER_DESCRIPTION},
    {"synopsis", HEADER_DESCRIPTION},
    {"message", HEADER_DESCRIPTION},
    {"body", HEADER_BODY},
    {"details", HEADER_BODY},
    {"inject details", HEADER_BODY},
    {"expected action", HEADER_EXPECTED},
    {"expected actions", HEADER_EXPECTED},
    {"expected player action", HEADER_EXPECTED},
    {"expected player actions", HEADER_EXPECTED},
    {"expected response", HEADER_EXPECTED},
    {"expected player response", HEADER_EXPECTED},
    {"expected outcome", HEADER_EXPECTED},
    {"objective", HEADER_OBJECTIVE},
    {"objectives", HEADER_OBJECTIVE},
    {"exercise objective", HEADER_OBJECTIVE},
    {"capability", HEADER_OBJECTIVE},
    {"core capability", HEADER_OBJECTIVE},
    {"capability target", HEADER_OBJECTIVE},
    {"critical task", HEADER_OBJECTIVE},
    {"notes", HEADER_NOTES},
    {"note", HEADER_NOTES},
    {"remarks", HEADER_NOTES},
    {"comments", HEADER_NOTES},
    {"controller notes", HEADER_NOTES},
    {"facilitator notes", HEADER_NOTES},
};

/* Field names for people, and for required ones an example header. */
static const char *const header_names[HEADER_NFIELDS] = {
    "inject number",   "time",      "from", "to", "method", "subject", "description", "body",
    "expected action", "objective", "notes"};

/* Whether c is an ASCII letter or digit. */
static bool header_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/*
 * Normalise s[0..n) into out (size cap): ASCII lowercased, text in brackets dropped, '#' and
 * '+' kept, other ASCII punctuation and blanks as single spaces, no spaces at the ends.
 * Returns 0, or -1 when it does not fit (such a header names nothing).
 */
static int header_normalise(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int depth = 0;
	bool space = false;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '(' || c == '[') {
			depth++;
			space = true;
			continue;
		}
		if ((c == ')' || c == ']') && depth > 0) {
			depth--;
			continue;
		}
		if (depth > 0)
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!header_alnum(c) && c != '#' && c != '+' && (unsigned char)c < 0x80) {
			space = true;
			continue;
		}
		if (o + 3 >= cap)
			return -1;
		if (space && o > 0)
			out[o++] = ' ';
		space = c == '#';
		if (c == '#' && o > 0 && out[o - 1] != ' ')
			out[o++] = ' ';
		out[o++] = c;
	}
	out[o] = '\0';
	return 0;
}

/* The field the normalised name names, or -1. */
static int header_lookup(const char *norm)
{
	for (size_t i = 0; i < sizeof header_aliases / sizeof header_aliases[0]; i++)
		if (strcmp(norm, header_aliases[i].name) == 0)
			return (int)header_aliases[i].field;
	return -1;
}

/* The field a header cell names: the whole cell, else the first '/'-separated part that does. */
int header_field_of(const char *cell)
{
	char norm[96];
	const char *p = cell, *slash;
	int f;

	if (header_normalise(cell, strlen(cell), norm, sizeof norm) == 0 &&
	    (f = header_lookup(norm)) >= 0)
		return f;
	if (strchr(cell, '/') == NULL)
		return -1;
	for (;; p = slash + 1) {
		slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (header_normalise(p, n, norm, sizeof norm) == 0 &&
		    (f = header_lookup(norm)) >= 0)
			return f;
		if (slash == NULL)
			return -1;
	}
}

/* Map a row of n header cells. */
void header_map(struct header_map *h, char *const *cells, int n)
{
	memset(h, 0, sizeof *h);
	h->dup_field = -1;
	for (int f = 0; f < HEADER_NFIELDS; f++)
		h->col[f] = -1;
	for (int i = 0; i < n; i++) {
		int f = header_field_of(cells[i]);
		if (f < 0)
			continue;
		if (h->col[f] < 0) {
			h->col[f] = i;
			h->found++;
		} else if (h->dup_field < 0) {
			h->dup_field = f;
			h->dup_a = h->col[f];
			h->dup_b = i;
		}
	}
	h->complete = h->col[HEADER_NUMBER] >= 0 && h->col[HEADER_TIME] >= 0 &&
	              h->col[HEADER_TO] >= 0 &&
	              (h->col[HEADER_SUBJECT] >= 0 || h->col[HEADER_DESCRIPTION] >= 0);
}

/* The name of field f for people. */
const char *header_name(int f)
{
	return header_names[f];
}

/* The required columns h lacks, for a message. */
char *header_missing(const struct header_map *h)
{
	static const struct {
		int f, g;
		const char *text;
	} req[] = {
	    {HEADER_NUMBER, HEADER_NUMBER, "inject number (like \"Inject #\")"},
	    {HEADER_TIME, HEADER_TIME, "time (like \"Time\")"},
	    {HEADER_TO, HEADER_TO, "to (like \"To\")"},
	    {HEADER_SUBJECT, HEADER_DESCRIPTION,
	     "subject or description (like \"Subject\" or \"Description\")"},
	};
	char *out = mem_printf("%s", "");

	for (size_t i = 0; i < sizeof req / sizeof req[0]; i++) {
		if (h->col[req[i].f] >= 0 || h->col[req[i].g] >= 0)
			continue;
		char *next = mem_printf("%s%s%s", out, *out ? ", " : "", req[i].text);
		free(out);
		out = next;
	}
	return out;
}
