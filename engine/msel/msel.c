/* An HSEEP-style MSEL read from CSV: the header found by name, then one inject per row. */
#include "msel.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "names.h"
#include "reader.h"
#include "text.h"

/* How many non-blank rows at the top may come before the header. */
#define MSEL_HEADER_SEARCH 10

/* Set rd->err to "NAME:row N: message" (row 0: "NAME: message") and return -1. */
int msel_fail(struct msel_reader *rd, long row, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = mem_vprintf(fmt, ap);
	va_end(ap);
	free(rd->err);
	if (row > 0)
		rd->err = mem_printf("%s:row %ld: %s", rd->name, row, msg);
	else
		rd->err = mem_printf("%s: %s", rd->name, msg);
	free(msg);
	return -1;
}

/* Add "NAME:row N: message" to the warnings of the MSEL. */
void msel_warn(struct msel_reader *rd, long row, const char *fmt, ...)
{
	struct msel *m = rd->m;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = mem_vprintf(fmt, ap);
	va_end(ap);
	m->warnings = mem_grow(m->warnings, (size_t)m->n_warnings, NULL, sizeof *m->warnings);
	if (row > 0)
		m->warnings[m->n_warnings++] = mem_printf("%s:row %ld: %s", rd->name, row, msg);
	else
		m->warnings[m->n_warnings++] = mem_printf("%s: %s", rd->name, msg);
	free(msg);
}

/* Whether every field of the row just read is blank. */
static bool msel_blank_row(const struct csv_reader *c)
{
	for (int i = 0; i < c->n; i++) {
		char *t = text_clean(c->field[i]);
		free(t);
		if (t != NULL)
			return false;
	}
	return true;
}

/* The header cells of the row just read, shown for a message: "When", "Who", ... */
static char *msel_cells(const struct csv_reader *c)
{
	char *out = NULL, *t, show[48];
	int shown = 0;

	for (int i = 0; i < c->n; i++) {
		if ((t = text_oneline(c->field[i])) == NULL)
			continue;
		text_show(t, show, sizeof show);
		free(t);
		if (shown++ == 12) {
			out = text_join(out, ", ", "...");
			break;
		}
		t = mem_printf("\"%s\"", show);
		out = text_join(out, ", ", t);
		free(t);
	}
	return out;
}

/* Take the row just read as the header: keep its cells, note the columns not imported. */
static int msel_take_header(struct msel_reader *rd, const struct header_map *h)
{
	struct csv_reader *c = &rd->csv;
	struct msel *m = rd->m;
	char a[48], b[48];

	if (h->dup_field >= 0) {
		text_show(c->field[h->dup_a], a, sizeof a);
		text_show(c->field[h->dup_b], b, sizeof b);
		return msel_fail(rd, c->row,
		                 "columns %d ('%s') and %d ('%s') both hold the %s: rename or "
		                 "delete one",
		                 h->dup_a + 1, a, h->dup_b + 1, b, header_name(h->dup_field));
	}
	rd->map = *h;
	m->header_row = c->row;
	rd->n_head = c->n;
	rd->head = mem_array(NULL, (size_t)c->n, sizeof *rd->head);
	for (int i = 0; i < c->n; i++) {
		rd->head[i] = text_oneline(c->field[i]);
		if (rd->head[i] == NULL || header_field_of(c->field[i]) >= 0)
			continue;
		m->ignored = mem_grow(m->ignored, (size_t)m->n_ignored, NULL, sizeof *m->ignored);
		m->ignored[m->n_ignored++] = mem_printf("%s", rd->head[i]);
	}
	return 0;
}

/* Try the row just read as the header; after MSEL_HEADER_SEARCH misses, fail with the best. */
static int msel_find_header(struct msel_reader *rd)
{
	struct csv_reader *c = &rd->csv;
	struct header_map h;
	char *missing, *cells;

	header_map(&h, c->field, c->n);
	if (h.complete)
		return msel_take_header(rd, &h);
	if (rd->best_err == NULL || h.found > rd->best.found) {
		rd->best = h;
		missing = header_missing(&h);
		cells = msel_cells(c);
		free(rd->best_err);
		rd->best_row = c->row;
		rd->best_err = mem_printf("the header has no column for %s; it reads %s "
		                          "(docs/msel-import.md lists the column names known)",
		                          missing, cells ? cells : "nothing");
		free(missing);
		free(cells);
	}
	if (++rd->tried < MSEL_HEADER_SEARCH)
		return 0;
	return msel_fail(rd, rd->best_row, "%s", rd->best_err);
}

/* Read every row: find the header, then one inject per non-blank row. */
static int msel_rows(struct msel_reader *rd)
{
	struct csv_reader *c = &rd->csv;
	int rc;

	while ((rc = csv_next(c)) > 0) {
		for (int i = 0; i < c->n; i++)
			if (!utf8_valid(c->field[i], strlen(c->field[i])))
				return msel_fail(
				    rd, c->row,
				    "this is not UTF-8 text: save the sheet as \"CSV "
				    "UTF-8 (Comma delimited)\" (Excel: File > Save As)");
		if (msel_blank_row(c))
			continue;
		if (rd->head == NULL ? msel_find_header(rd) < 0 : row_read(rd) < 0)
			return -1;
	}
	if (rc < 0)
		return msel_fail(rd, c->row, "%s", c->err);
	if (rd->head == NULL)
		return rd->best_err ? msel_fail(rd, rd->best_row, "%s", rd->best_err)
		                    : msel_fail(rd, 0, "the file is empty");
	if (rd->m->n_injects == 0)
		return msel_fail(rd, 0, "no injects: the rows under the header (row %ld) are empty",
		                 rd->m->header_row);
	return 0;
}

/* The title, the duration, and a made-up team when every inject goes to all. */
static void msel_finish(struct msel_reader *rd)
{
	struct msel *m = rd->m;
	long last = 0;

	for (int i = 0; i < m->n_injects; i++)
		last = m->injects[i].at > last ? m->injects[i].at : last;
	m->duration = (last + 3600 + 3599) / 3600 * 3600;
	m->title = names_title(strcmp(rd->name, "stdin") == 0 ? "-" : rd->name);
	m->sep = rd->csv.sep;
	if (m->n_teams == 0) {
		row_team(m, "Players");
		m->made_up_team = true;
		msel_warn(rd, 0,
		          "every inject goes to all, so the scenario has one made-up team, "
		          "'players': declare your teams there");
	}
}

/* Read the MSEL in buf[0..len). */
int msel_read(struct msel *m, const char *name, const char *buf, size_t len, char **err)
{
	struct msel_reader rd = {.m = m, .name = strcmp(name, "-") == 0 ? "stdin" : name};
	struct csv_limits lim;
	int rc = 0;

	memset(m, 0, sizeof *m);
	*err = NULL;
	if (len >= 2 &&
	    ((buf[0] == '\xFF' && buf[1] == '\xFE') || (buf[0] == '\xFE' && buf[1] == '\xFF')))
		rc = msel_fail(&rd, 0,
		               "the file is UTF-16 text (Excel's \"Unicode Text\"): save the sheet "
		               "as \"CSV UTF-8 (Comma delimited)\"");
	csv_limits_default(&lim);
	lim.max_rows = 2 * MSEL_MAX_INJECTS;
	csv_init(&rd.csv, buf, len, &lim);
	if (rc == 0 && msel_rows(&rd) == 0)
		msel_finish(&rd);
	for (int i = 0; i < rd.n_head; i++)
		free(rd.head[i]);
	free(rd.head);
	free(rd.best_err);
	csv_free(&rd.csv);
	if (rd.err != NULL) {
		msel_free(m);
		*err = rd.err;
		return -1;
	}
	return 0;
}

/* Free everything m holds. */
void msel_free(struct msel *m)
{
	free(m->title);
	for (int i = 0; i < m->n_teams; i++) {
		free(m->teams[i].id);
		free(m->teams[i].name);
	}
	free(m->teams);
	for (int i = 0; i < m->n_objectives; i++) {
		free(m->objectives[i].id);
		free(m->objectives[i].text);
	}
	free(m->objectives);
	for (int i = 0; i < m->n_injects; i++)
		row_inject_free(&m->injects[i]);
	free(m->injects);
	for (int i = 0; i < m->n_ignored; i++)
		free(m->ignored[i]);
	free(m->ignored);
	for (int i = 0; i < m->n_warnings; i++)
		free(m->warnings[i]);
	free(m->warnings);
	memset(m, 0, sizeof *m);
}
