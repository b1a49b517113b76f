/* One MSEL row under the header turned into an inject: time, recipients, ids, text, notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"
#include "../core/timeparse.h"
#include "names.h"
#include "reader.h"
#include "text.h"

/* The latest an inject may be: 30 days after STARTEX. */
#define ROW_MAX_AT (30L * 86400)

/* The header of column f for messages ("Scenario Time"). */
static const char *row_column(const struct msel_reader *rd, int f)
{
	return rd->head[rd->map.col[f]];
}

/* Parse an inject's time: a scenario time, optionally after "T+"; -1 with rd->err. */
static int row_time(struct msel_reader *rd, long row, const char *cell, long *at)
{
	char s[64], show[48];
	const char *p, *why;
	size_t o = 0;
	long v;

	text_show(cell, show, sizeof show);
	for (p = cell; *p != '\0' && o + 1 < sizeof s; p++)
		if (*p != ' ' && *p != '\t')
			s[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	s[o] = '\0';
	if (*p != '\0')
		return msel_fail(rd, row, "time '%s' is not a time: too long", show);
	p = strncmp(s, "t+", 2) == 0 ? s + 2 : s;
	if (strstr(p, "am") != NULL || strstr(p, "pm") != NULL)
		return msel_fail(rd, row,
		                 "time '%s' is a time of day: write the time from STARTEX instead, "
		                 "like 0:15 or T+0:15",
		                 show);
	if (p[0] == '-' || strncmp(s, "t-", 2) == 0)
		return msel_fail(
		    rd, row, "time '%s' is before STARTEX: injects come at T+0:00 or later", show);
	if (strchr(p, '-') != NULL || strchr(p, '/') != NULL)
		return msel_fail(
		    rd, row,
		    "time '%s' looks like a date: write the time from STARTEX instead, "
		    "like 0:15 or T+0:15",
		    show);
	if (*p != '\0' && strlen(p) <= 6 && strspn(p, "0123456789") == strlen(p)) {
		v = strtol(p, NULL, 10);
		*at = 0;
		if (v == 0)
			return 0;
		return msel_fail(rd, row,
		                 "time '%s' has no unit: write %ldm for %ld minutes (or %ld:%02ld)",
		                 show, v, v, v / 60, v % 60);
	}
	if (*p == '\0')
		return msel_fail(rd, row, "time '%s' is not a time: nothing after T+ (like T+0:15)",
		                 show);
	if (timeparse_duration(p, at, &why) < 0)
		return msel_fail(rd, row, "time '%s' is not a time (use h:mm, like 1:30): %s", show,
		                 why);
	if (*at > ROW_MAX_AT)
		return msel_fail(rd, row, "time '%s' is more than 30 days after STARTEX", show);
	return 0;
}

/* The team named name (one line), added when new; returns its index. */
int row_team(struct msel *m, const char *name)
{
	char base[64], id[80];

	for (int i = 0; i < m->n_teams; i++)
		if (strcasecmp(m->teams[i].name, name) == 0)
			return i;
	names_team_id(name, base);
	snprintf(id, sizeof id, "%s", base);
	for (int k = 2, i = 0; i < m->n_teams; i++)
		if (strcmp(m->teams[i].id, id) == 0) {
			snprintf(id, sizeof id, "%s-%d", base, k++);
			i = -1;
		}
	m->teams = mem_grow(m->teams, (size_t)m->n_teams, NULL, sizeof *m->teams);
	m->teams[m->n_teams].id = mem_printf("%s", id);
	m->teams[m->n_teams].name = mem_printf("%s", name);
	return m->n_teams++;
}

/* Add the team named name to the inject's recipients (once), or make it go to all. */
static void row_add_recipient(struct msel *m, struct msel_inject *inj, const char *name)
{
	int t;

	if (names_is_all(name)) {
		inj->all = true;
		return;
	}
	t = row_team(m, name);
	for (int i = 0; i < inj->n_to; i++)
		if (inj->to[i] == t)
			return;
	inj->to = mem_grow(inj->to, (size_t)inj->n_to, NULL, sizeof *inj->to);
	inj->to[inj->n_to++] = t;
}

/* Split the "to" cell on ; , / line breaks, " and " and " & " into recipients. */
static int row_recipients(struct msel_reader *rd, long row, struct msel_inject *inj,
                          const char *cell)
{
	const char *p = cell;

	while (*p != '\0') {
		size_t n = 0, skip = 0;
		for (; p[n] != '\0'; n++) {
			if (strchr(";,/\n", p[n]) != NULL)
				skip = 1;
			else if (strncasecmp(p + n, " and ", 5) == 0)
				skip = 5;
			else if (strncmp(p + n, " & ", 3) == 0)
				skip = 3;
			if (skip > 0)
				break;
		}
		char *part = mem_strndup(p, n), *name = text_oneline(part);
		if (name != NULL)
			row_add_recipient(rd->m, inj, name);
		free(part);
		free(name);
		p += n + skip;
	}
	if (inj->all) {
		free(inj->to);
		inj->to = NULL;
		inj->n_to = 0;
	} else if (inj->n_to == 0) {
		return msel_fail(rd, row, "no recipient in column '%s': name a team, or All",
		                 row_column(rd, HEADER_TO));
	}
	return 0;
}

/* The id of the objective with this text (one line), added when new. */
static const char *row_objective(struct msel *m, const char *text)
{
	for (int i = 0; i < m->n_objectives; i++)
		if (strcasecmp(m->objectives[i].text, text) == 0)
			return m->objectives[i].id;
	m->objectives =
	    mem_grow(m->objectives, (size_t)m->n_objectives, NULL, sizeof *m->objectives);
	m->objectives[m->n_objectives].id = mem_printf("O%d", m->n_objectives + 1);
	m->objectives[m->n_objectives].text = mem_printf("%s", text);
	return m->objectives[m->n_objectives++].id;
}

/* Set the inject's id from its number, unique without regard to case (warns when renamed). */
static void row_inject_id(struct msel_reader *rd, long row, struct msel_inject *inj,
                          const char *number)
{
	struct msel *m = rd->m;
	char base[64], id[80], show[48];
	long first = 0;

	names_inject_id(number, row, base);
	snprintf(id, sizeof id, "%s", base);
	for (int k = 2, i = 0; i < m->n_injects; i++)
		if (strcasecmp(m->injects[i].id, id) == 0) {
			first = first ? first : m->injects[i].row;
			snprintf(id, sizeof id, "%s-%d", base, k++);
			i = -1;
		}
	inj->id = mem_printf("%s", id);
	if (first > 0) {
		text_show(number, show, sizeof show);
		msel_warn(rd, row, "inject number '%s' is taken already (row %ld): its id is %s",
		          show, first, id);
	}
}

/* Set subject and body from the subject, description and body cells (one at least). */
static void row_text(struct msel_inject *inj, char *const cell[HEADER_NFIELDS])
{
	const char *part[3] = {cell[HEADER_SUBJECT], cell[HEADER_DESCRIPTION], cell[HEADER_BODY]};
	const char *first = part[0] ? part[0] : part[1] ? part[1] : part[2];
	bool whole;
	char *head = text_headline(first, &whole);

	inj->subject = text_oneline(head);
	free(head);
	for (int i = 0; i < 3; i++)
		if (part[i] != NULL && (part[i] != first || !whole))
			inj->body = text_join(inj->body, "\n\n", part[i]);
}

/* Set the notes: the notes cell, the expected action and the objective, as paragraphs. */
static void row_notes(struct msel *m, struct msel_inject *inj, char *const cell[HEADER_NFIELDS])
{
	char *t, *line;

	if (cell[HEADER_NOTES] != NULL)
		inj->notes = mem_printf("%s", cell[HEADER_NOTES]);
	if (cell[HEADER_EXPECTED] != NULL) {
		t = mem_printf("Expected action: %s", cell[HEADER_EXPECTED]);
		inj->notes = text_join(inj->notes, "\n\n", t);
		free(t);
	}
	if (cell[HEADER_OBJECTIVE] != NULL && (line = text_oneline(cell[HEADER_OBJECTIVE]))) {
		t = mem_printf("Objective %s: %s", row_objective(m, line), line);
		inj->notes = text_join(inj->notes, "\n\n", t);
		free(t);
		free(line);
	}
}

/* Fill inj from the row's cells; -1 with rd->err when a required one is missing or bad. */
static int row_fill(struct msel_reader *rd, long row, struct msel_inject *inj,
                    char *const cell[HEADER_NFIELDS])
{
	inj->row = row;
	if (cell[HEADER_NUMBER] == NULL)
		return msel_fail(rd, row, "no inject number in column '%s'",
		                 row_column(rd, HEADER_NUMBER));
	if (cell[HEADER_TIME] == NULL)
		return msel_fail(rd, row, "no time in column '%s' (like 0:15 or T+0:15)",
		                 row_column(rd, HEADER_TIME));
	if (row_time(rd, row, cell[HEADER_TIME], &inj->at) < 0)
		return -1;
	if (cell[HEADER_TO] == NULL)
		return msel_fail(rd, row, "no recipient in column '%s': name a team, or All",
		                 row_column(rd, HEADER_TO));
	if (cell[HEADER_SUBJECT] == NULL && cell[HEADER_DESCRIPTION] == NULL &&
	    cell[HEADER_BODY] == NULL)
		return msel_fail(rd, row, "no subject or description: what does the inject say?");
	if (row_recipients(rd, row, inj, cell[HEADER_TO]) < 0)
		return -1;
	row_inject_id(rd, row, inj, cell[HEADER_NUMBER]);
	inj->from = cell[HEADER_FROM] ? text_oneline(cell[HEADER_FROM]) : NULL;
	inj->channel = cell[HEADER_METHOD] ? text_oneline(cell[HEADER_METHOD]) : NULL;
	row_text(inj, cell);
	row_notes(rd->m, inj, cell);
	return 0;
}

/* Free what an inject holds. */
void row_inject_free(struct msel_inject *inj)
{
	free(inj->id);
	free(inj->to);
	free(inj->from);
	free(inj->channel);
	free(inj->subject);
	free(inj->body);
	free(inj->notes);
}

/* Turn the row just read (under the header) into an inject. */
int row_read(struct msel_reader *rd)
{
	struct csv_reader *c = &rd->csv;
	struct msel *m = rd->m;
	struct msel_inject inj = {0};
	char *cell[HEADER_NFIELDS] = {0}, show[48];
	int rc;

	for (int i = 0; i < c->n; i++) {
		char *t = i < rd->n_head && rd->head[i] != NULL ? NULL : text_clean(c->field[i]);
		if (t == NULL)
			continue;
		text_show(t, show, sizeof show);
		free(t);
		return msel_fail(rd, c->row,
		                 "column %d holds '%s' but has no header: name the column or "
		                 "delete the cell",
		                 i + 1, show);
	}
	if (m->n_injects >= MSEL_MAX_INJECTS)
		return msel_fail(rd, c->row, "more than %d injects", MSEL_MAX_INJECTS);
	for (int f = 0; f < HEADER_NFIELDS; f++)
		if (rd->map.col[f] >= 0 && rd->map.col[f] < c->n)
			cell[f] = text_clean(c->field[rd->map.col[f]]);
	rc = row_fill(rd, c->row, &inj, cell);
	for (int f = 0; f < HEADER_NFIELDS; f++)
		free(cell[f]);
	if (rc < 0) {
		row_inject_free(&inj);
		return -1;
	}
	m->injects = mem_grow(m->injects, (size_t)m->n_injects, NULL, sizeof *m->injects);
	m->injects[m->n_injects++] = inj;
	return 0;
}
