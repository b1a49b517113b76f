/* An MSEL written out as a readable Lua scenario that `tabletop check` accepts. */
#include "emit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "text.h"

/* A growing text. */
struct emit_buf {
	char *p;
	size_t n, cap;
};

/* Append s[0..n) to b. */
static void emit_add(struct emit_buf *b, const char *s, size_t n)
{
	b->p = mem_reserve(b->p, &b->cap, b->n + 1, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* Append the string s to b. */
static void emit_str(struct emit_buf *b, const char *s)
{
	emit_add(b, s, strlen(s));
}

/* Append formatted text to b. */
static void emit_printf(struct emit_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void emit_printf(struct emit_buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = mem_vprintf(fmt, ap);
	va_end(ap);
	emit_str(b, s);
	free(s);
}

/* Whether byte c needs an escape (a control character other than line break and tab). */
static int emit_control(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
}

/* s as a quoted Lua string with \\, \", \n, \t and \ddd escapes. */
static void emit_quoted(struct emit_buf *b, const char *s)
{
	emit_str(b, "\"");
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '\\' || *p == '"')
			emit_printf(b, "\\%c", *p);
		else if (*p == '\n')
			emit_str(b, "\\n");
		else if (*p == '\t')
			emit_str(b, "\\t");
		else if (*p < 0x20 || *p == 0x7F)
			emit_printf(b, "\\%03u", *p);
		else
			emit_add(b, (const char *)p, 1);
	}
	emit_str(b, "\"");
}

/* The lowest level of long bracket whose closing first occurs in s + closing at its end. */
static int emit_level(const char *s)
{
	size_t n = strlen(s);

	for (int level = 0;; level++) {
		char *t = mem_realloc(NULL, n + (size_t)level + 3);
		memcpy(t, s, n);
		t[n] = ']';
		memset(t + n + 1, '=', (size_t)level);
		t[n + 1 + level] = ']';
		t[n + 2 + level] = '\0';
		int ok = strstr(t, t + n) == t + n;
		free(t);
		if (ok)
			return level;
	}
}

/* Append a long bracket of the level: "[==[" when open, "]==]" when not. */
static void emit_bracket(struct emit_buf *b, int level, int open)
{
	emit_str(b, open ? "[" : "]");
	for (int i = 0; i < level; i++)
		emit_str(b, "=");
	emit_str(b, open ? "[" : "]");
}

/* Append s to b as a Lua string literal (see emit_string). */
static void emit_literal(struct emit_buf *b, const char *s)
{
	int multiline = strchr(s, '\n') != NULL, level;

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		if (emit_control(*p)) {
			emit_quoted(b, s);
			return;
		}
	if (!multiline && strpbrk(s, "\"\\") == NULL) {
		emit_quoted(b, s);
		return;
	}
	/* Lua drops a line break right after the opening bracket: s stays exactly as it is. */
	level = emit_level(s);
	emit_bracket(b, level, 1);
	if (multiline)
		emit_str(b, "\n");
	emit_str(b, s);
	emit_bracket(b, level, 0);
}

/* s as a Lua string literal (malloc'd). */
char *emit_string(const char *s)
{
	struct emit_buf b = {0};

	emit_literal(&b, s);
	return b.p;
}

/* Append a comment line "-- text", with bytes that could end it as '?' and bytes that are not
 * UTF-8 as U+FFFD. */
static void emit_comment(struct emit_buf *b, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = strlen(text), k;
	uint32_t cp;

	emit_str(b, "-- ");
	for (size_t i = 0; i < n; i += k) {
		k = utf8_decode(text + i, n - i, &cp);
		if (k == 0) {
			emit_str(b, UTF8_REPLACEMENT);
			k = 1;
		} else if (k == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
			emit_str(b, "?");
		} else {
			emit_add(b, text + i, k);
		}
	}
	emit_str(b, "\n");
}

/* Append a field line `  name = "value",` when value is not NULL. */
static void emit_field(struct emit_buf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	emit_printf(b, "  %s = ", name);
	emit_literal(b, value);
	emit_str(b, ",\n");
}

/* An offset as h:mm, or h:mm:ss when it has seconds. */
static void emit_time(long t, char *buf, size_t n)
{
	if (t % 60)
		snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, n, "%ld:%02ld", t / 3600, t / 60 % 60);
}

/* The opening comment: where the file comes from and how to go on with it. */
static void emit_intro(struct emit_buf *b, const struct msel *m, const char *name)
{
	static const char how[] =
	    "--\n"
	    "-- A starting point: edit it as you like. Each inject keeps its MSEL row's\n"
	    "-- expected action and objective in `notes`, which only facilitators and\n"
	    "-- observers see. To make an inject ask the teams for a decision, add e.g.:\n"
	    "--   decision = {\n"
	    "--     prompt = \"What do you do first?\",\n"
	    "--     options = { { \"isolate\", \"Isolate the server\" }, { \"watch\", \"Watch\" } "
	    "},\n"
	    "--     deadline = \"15m\", default = \"watch\",\n"
	    "--   },\n"
	    "--   expect = { option = \"isolate\", within = \"30m\", objective = \"O1\" },\n"
	    "-- Check and try it with:\n"
	    "--   tabletop check FILE.lua\n"
	    "--   tabletop simulate FILE.lua\n"
	    "-- docs/scenario-authoring.md tells all a scenario can do; docs/msel-import.md\n"
	    "-- tells how this import reads an MSEL.\n";
	char *line = mem_printf(
	    "Generated by `tabletop import` from %s (%d injects, %d teams, %d objectives).",
	    strcmp(name, "-") == 0 ? "standard input" : name, m->n_injects, m->n_teams,
	    m->n_objectives);

	emit_comment(b, line);
	free(line);
	emit_str(b, how);
	for (int i = 0; i < m->n_ignored; i++) {
		line = mem_printf("Column not imported: \"%s\".", m->ignored[i]);
		emit_comment(b, line);
		free(line);
	}
	if (m->header_row > 1)
		emit_printf(b, "-- Rows above the header (row %ld) were not imported.\n",
		            m->header_row);
	if (m->made_up_team)
		emit_str(b, "-- Every inject goes to all, so the team \"players\" is made up: "
		            "declare your own.\n");
	emit_str(b, "\n");
}

/* The tick: a minute, or the largest part of one that divides every inject's time (15s, 1s). */
static void emit_tick(const struct msel *m, char *buf, size_t n)
{
	long tick = 60;

	for (int i = 0; i < m->n_injects; i++)
		for (long r = m->injects[i].at % tick; r != 0;) {
			long t = tick % r;

			tick = r;
			r = t;
		}
	if (tick == 60)
		snprintf(buf, n, "1m");
	else
		snprintf(buf, n, "%lds", tick);
}

/* exercise { ... } with the title and the clock. */
static void emit_exercise(struct emit_buf *b, const struct msel *m)
{
	long last = 0;
	char at[32], tick[16];

	for (int i = 0; i < m->n_injects; i++)
		last = m->injects[i].at > last ? m->injects[i].at : last;
	emit_time(last, at, sizeof at);
	emit_tick(m, tick, sizeof tick);
	emit_str(b, "exercise {\n");
	emit_field(b, "title", m->title);
	emit_printf(b,
	            "  -- start = \"2025-01-01 09:00\", -- the in-world date and time at STARTEX\n"
	            "  duration = \"%ldh\", -- the last inject (T+%s) plus an hour, rounded up\n"
	            "  tick = \"%s\",%s\n"
	            "  speed = 60,\n"
	            "  seed = 1,\n"
	            "}\n\n",
	            m->duration / 3600, at, tick,
	            strcmp(tick, "1m") == 0 ? ""
	                                    : " -- a part of a minute: some injects have seconds");
}

/* One team{} per recipient and one objective{} per objective. */
static void emit_teams(struct emit_buf *b, const struct msel *m)
{
	emit_str(b, "-- Teams: one per recipient in the MSEL (\"All\" means every team).\n");
	for (int i = 0; i < m->n_teams; i++) {
		emit_str(b, "team { id = ");
		emit_literal(b, m->teams[i].id);
		emit_str(b, ", name = ");
		emit_literal(b, m->teams[i].name);
		emit_str(b, " }\n");
	}
	emit_str(b, "\n");
	if (m->n_objectives == 0)
		return;
	emit_str(b, "-- Objectives: one per distinct text in the MSEL's objective column.\n");
	for (int i = 0; i < m->n_objectives; i++) {
		emit_str(b, "objective { id = ");
		emit_literal(b, m->objectives[i].id);
		emit_str(b, ", text = ");
		emit_literal(b, m->objectives[i].text);
		emit_str(b, " }\n");
	}
	emit_str(b, "\n");
}

/* The `to` of an inject: "all", one team id, or a list of them. */
static void emit_to(struct emit_buf *b, const struct msel *m, const struct msel_inject *inj)
{
	emit_str(b, "  to = ");
	if (inj->all) {
		emit_str(b, "\"all\"");
	} else if (inj->n_to == 1) {
		emit_literal(b, m->teams[inj->to[0]].id);
	} else {
		emit_str(b, "{ ");
		for (int i = 0; i < inj->n_to; i++) {
			emit_literal(b, m->teams[inj->to[i]].id);
			emit_str(b, i + 1 < inj->n_to ? ", " : " }");
		}
	}
	emit_str(b, ",\n");
}

/* One inject{}, with the row it came from. */
static void emit_inject(struct emit_buf *b, const struct msel *m, const struct msel_inject *inj)
{
	char at[32];

	emit_time(inj->at, at, sizeof at);
	emit_printf(b, "-- row %ld\ninject {\n", inj->row);
	emit_field(b, "id", inj->id);
	emit_field(b, "at", at);
	emit_to(b, m, inj);
	emit_field(b, "from", inj->from);
	emit_field(b, "channel", inj->channel);
	emit_field(b, "subject", inj->subject);
	emit_field(b, "body", inj->body);
	emit_field(b, "notes", inj->notes);
	emit_str(b, "}\n\n");
}

/* The scenario for m, read from the file name. */
char *emit_lua(const struct msel *m, const char *name)
{
	struct emit_buf b = {0};

	emit_intro(&b, m, name);
	emit_exercise(&b, m);
	emit_teams(&b, m);
	emit_str(&b, "-- Injects, in the order of the MSEL's rows.\n\n");
	for (int i = 0; i < m->n_injects; i++)
		emit_inject(&b, m, &m->injects[i]);
	b.n--; /* no blank line at the end */
	b.p[b.n] = '\0';
	return b.p;
}
