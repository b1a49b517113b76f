/* Text-mode rendering of events for people: one block per event, wrapped at 80 columns. */
#include "render.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exercise.h"
#include "mem.h"
#include "timeparse.h"
#include "utf8.h"

#define RENDER_RULE "----------------------------------------------------------------\n"

/* A string member of obj, or "" when missing or not a string. */
static const char *render_str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

/* Start a continuation line indented by hang columns. */
static size_t render_break(FILE *f, size_t hang)
{
	fputc('\n', f);
	for (size_t i = 0; i < hang; i++)
		fputc(' ', f);
	return hang;
}

/*
 * Whether the line break before the line at next only wraps a paragraph (and may be reflowed),
 * rather than ending it: next is not blank, not indented, and not a list item ("- ", "* ", "+ ",
 * "• ", "1. ", "2) ").
 */
static int render_soft_break(const char *next)
{
	size_t digits = strspn(next, "0123456789");

	if (*next == '\0' || strchr("\n\r \t", *next) != NULL)
		return 0;
	if (strchr("-*+", next[0]) != NULL && next[1] == ' ')
		return 0;
	if (strncmp(next, "\xe2\x80\xa2 ", 4) == 0)
		return 0;
	return !(digits > 0 && strchr(".)", next[digits]) != NULL && next[digits] != '\0' &&
	         next[digits + 1] == ' ');
}

/* The columns render_wrap wraps at: RENDER_COLUMNS, or those render_event_cols renders for. */
static size_t render_columns = RENDER_COLUMNS;

/* The widest line of s, in columns. */
static size_t render_widest(const char *s)
{
	size_t widest = 0;

	while (*s) {
		size_t len = strcspn(s, "\n"), w = utf8_cols(s, len);

		widest = w > widest ? w : widest;
		s += len + (s[len] == '\n');
	}
	return widest;
}

/*
 * Whether an author's line break in a body only wrapped prose for a screen wider than ours: the
 * body is too wide for the screen, the line before it (w wide) nearly fills the body's widest
 * line, and next goes on with the paragraph. Short lines (an IOC list, log lines, an address)
 * keep their breaks whatever the screen.
 */
static int render_author_wrap(size_t w, size_t widest, const char *next)
{
	return widest > render_columns && w + RENDER_AUTHOR_SLACK >= widest &&
	       render_soft_break(next);
}

/*
 * Write text wrapped at render_columns columns, ending in '\n'. Lines it breaks continue
 * after hang spaces; a word longer than a line is cut between code points. With reflow, a line
 * break inside a paragraph is reflowed like a space (blank lines, indented lines and list items
 * keep theirs); without, as an inject's body needs, every line break is kept but those that
 * only wrapped prose for a wider screen than this one (render_author_wrap).
 */
static void render_wrap(FILE *f, const char *s, size_t hang, int reflow)
{
	size_t col = 0, pending = 0, widest = reflow ? 0 : render_widest(s);
	int blank = 1;        /* nothing but indentation on this line yet */
	const char *line = s; /* where the author's line began */

	while (*s) {
		if (*s == '\n' && !blank &&
		    (reflow ? render_soft_break(s + 1)
		            : render_author_wrap(utf8_cols(line, (size_t)(s - line)), widest,
		                                 s + 1))) {
			pending++;
			line = ++s;
			continue;
		}
		if (*s == '\n') {
			fputc('\n', f);
			col = pending = 0;
			blank = 1;
			line = ++s;
			continue;
		}
		size_t sp = strspn(s, " \t");
		if (sp > 0) {
			pending += sp;
			s += sp;
			continue;
		}
		size_t len = strcspn(s, " \t\n"), w = utf8_cols(s, len);
		if (!blank && col + pending + w > render_columns) {
			col = render_break(f, hang);
			pending = 0;
		}
		for (; pending > 0 && col < render_columns; pending--, col++)
			fputc(' ', f);
		pending = 0;
		while (col + w > render_columns) {
			size_t take = utf8_fit(
			    s, len, col < render_columns ? render_columns - col : 0, col <= hang);
			utf8_term_put(f, s, take);
			s += take;
			len -= take;
			w = utf8_cols(s, len);
			col = render_break(f, hang);
		}
		utf8_term_put(f, s, len);
		col += w;
		s += len;
		blank = 0;
	}
	fputc('\n', f);
}

/* Format a paragraph like printf and write it wrapped with a hanging indent. */
static void render_para(FILE *f, size_t hang, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void render_para(FILE *f, size_t hang, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = mem_vprintf(fmt, ap);
	va_end(ap);
	render_wrap(f, s, hang, 1);
	free(s);
}

/* The in-world clock time "HH:MM" at t, or "" without a start. */
static void render_clock_time(const struct exercise *ex, long t, char *buf, size_t n)
{
	char world[64];
	const char *sp;

	ex_world_time(ex, t, world, sizeof world);
	sp = strchr(world, ' ');
	snprintf(buf, n, "%s", sp ? sp + 1 : world);
}

/* The "[T+HH:MM:SS HH:MM]" stamp that starts one-line events. */
static void render_stamp(const struct exercise *ex, long t, char *buf, size_t n)
{
	char off[32], hm[64];

	timeparse_format_offset(t, off, sizeof off);
	render_clock_time(ex, t, hm, sizeof hm);
	snprintf(buf, n, "[%s%s%s]", off, hm[0] ? " " : "", hm);
}

/* A decision's options as "decide ID KEY  label" lines. */
static void render_options(FILE *f, const char *id, const json_t *options)
{
	size_t i, keyw = 0;
	json_t *o;

	json_array_foreach(options, i, o)
	{
		const char *k = render_str(o, "key");
		size_t w = utf8_cols(k, strlen(k));
		keyw = w > keyw ? w : keyw;
	}
	json_array_foreach(options, i, o)
	{
		const char *k = render_str(o, "key");
		int pad = (int)(keyw - utf8_cols(k, strlen(k))) + 3;
		size_t hang = 10 + utf8_cols(id, strlen(id)) + keyw + 3;
		render_para(f, hang < 60 ? hang : 4, "  decide %s %s%*s%s", id, k, pad, "",
		            render_str(o, "label"));
	}
}

/* The rule that starts a block's texts in one more language: "-- [sq] -----...". */
static void render_lang_rule(FILE *f, const char *code)
{
	int used = fprintf(f, "-- [%s] ", code);

	fprintf(f, "%.*s\n", used < 64 ? 64 - used : 0, RENDER_RULE);
}

/*
 * The texts of an inject in one more language (tr: that language's "i18n" member) under a rule
 * that names it: the texts it has in that language, nothing else.
 */
static void render_inject_lang(FILE *f, const json_t *o, const char *code, const json_t *tr)
{
	const char *from = json_string_value(json_object_get(tr, "from"));
	const char *via = json_string_value(json_object_get(tr, "channel"));
	const json_t *d = json_object_get(tr, "decision");

	render_lang_rule(f, code);
	if (from != NULL || via != NULL) {
		from = from != NULL ? from : render_str(o, "from");
		via = via != NULL ? via : render_str(o, "channel");
		render_para(f, 4, "%s%s%s%s", *from ? "from " : "", from,
		            *via ? (*from ? " via " : "via ") : "", via);
	}
	if (json_is_string(json_object_get(tr, "subject")))
		render_para(f, 4, "Subject: %s", render_str(tr, "subject"));
	if (json_is_string(json_object_get(tr, "body")))
		render_wrap(f, render_str(tr, "body"), 0, 0);
	if (json_is_string(json_object_get(d, "prompt")))
		render_para(f, 4, "DECISION: %s", render_str(d, "prompt"));
	if (json_is_array(json_object_get(d, "options")))
		render_options(f, render_str(o, "id"), json_object_get(d, "options"));
	if (json_is_string(json_object_get(tr, "notes")))
		render_para(f, 4, "Notes (white cell only): %s", render_str(tr, "notes"));
}

/* What a team already decided on a re-fired inject, in place of its options. */
static void render_decided(FILE *f, const struct exercise *ex, const char *id, const json_t *d)
{
	const char *opt = json_string_value(json_object_get(d, "option"));
	const json_t *at = json_object_get(d, "decided_at");
	char off[32], hm[64];

	timeparse_format_offset((long)json_integer_value(at), off, sizeof off);
	render_clock_time(ex, (long)json_integer_value(at), hm, sizeof hm);
	if (json_is_true(json_object_get(d, "timeout")))
		render_para(f, 4,
		            "  Already closed for your team: the deadline passed at %s%s%s, %s%s.",
		            off, hm[0] ? ", " : "", hm,
		            opt ? "default recorded: " : "no option recorded", opt ? opt : "");
	else
		render_para(f, 4, "  Your team already decided %s on %s at %s%s%s.",
		            opt ? opt : "?", id, off, hm[0] ? ", " : "", hm);
}

/*
 * An inject as a block: header, subject, body, decision, notes for the white cell, and the same
 * in every other language under "i18n".
 */
static void render_inject(FILE *f, const json_t *o, const struct exercise *ex, long t)
{
	const char *id = render_str(o, "id"), *from = render_str(o, "from"),
	           *via = render_str(o, "channel"), *subject = render_str(o, "subject");
	const json_t *d = json_object_get(o, "decision"), *dl = json_object_get(d, "deadline");
	const char *fromsep = *from ? "  from " : "",
	           *viasep = *via ? (*from ? " via " : "  via ") : "", *code;
	char off[32], hm[64], when[128];
	json_t *tr;

	timeparse_format_offset(t, off, sizeof off);
	render_clock_time(ex, t, hm, sizeof hm);
	if (hm[0])
		snprintf(when, sizeof when, "%s (%s)", hm, off);
	else
		snprintf(when, sizeof when, "%s", off);
	fputs(RENDER_RULE, f);
	render_para(f, 0, "%s", *render_str(o, "marking") ? render_str(o, "marking") : EX_MARKING);
	render_para(f, 4, "INJECT %s  %s%s%s%s%s", id, when, fromsep, from, viasep, via);
	if (*subject)
		render_para(f, 4, "Subject: %s", subject);
	if (*render_str(o, "body"))
		render_wrap(f, render_str(o, "body"), 0, 0);
	if (json_is_string(json_object_get(d, "state"))) {
		render_para(f, 4, "DECISION: %s", render_str(d, "prompt"));
		render_decided(f, ex, id, d);
	} else if (json_is_object(d) && json_is_integer(dl)) {
		timeparse_format_offset((long)json_integer_value(dl), off, sizeof off);
		render_clock_time(ex, (long)json_integer_value(dl), hm, sizeof hm);
		render_para(f, 4, "DECISION (answer by %s%s%s): %s", off, hm[0] ? ", " : "", hm,
		            render_str(d, "prompt"));
	} else if (json_is_object(d)) {
		render_para(f, 4, "DECISION: %s", render_str(d, "prompt"));
	}
	if (json_is_object(d) && !json_is_string(json_object_get(d, "state")))
		render_options(f, id, json_object_get(d, "options"));
	if (json_is_string(json_object_get(o, "notes")))
		render_para(f, 4, "Notes (white cell only): %s", render_str(o, "notes"));
	json_object_foreach(json_object_get(o, "i18n"), code, tr)
	    render_inject_lang(f, o, code, tr);
	fputs(RENDER_RULE, f);
}

/* A decision: who chose what, or what the deadline recorded. */
static void render_decision(FILE *f, const json_t *o, const char *stamp)
{
	const char *opt = json_string_value(json_object_get(o, "option"));
	const char *by = json_string_value(json_object_get(o, "by"));
	char why[160];

	if (json_is_true(json_object_get(o, "timeout")))
		snprintf(why, sizeof why, "%s",
		         opt ? "deadline passed, default" : "deadline passed");
	else
		snprintf(why, sizeof why, "by %s", by ? by : "?");
	render_para(f, 4, "%s DECISION %s on %s: %s (%s)", stamp, render_str(o, "team"),
	            render_str(o, "inject"), opt ? opt : "none", why);
}

/* An expectation judged, by the engine (expect) or by an evaluator (validate). */
static void render_verdict(FILE *f, const json_t *o, const char *stamp, const char *label)
{
	const char *obj = json_string_value(json_object_get(o, "objective"));
	const char *why = json_string_value(json_object_get(o, "reason"));
	const char *by = json_string_value(json_object_get(o, "by"));

	if (why == NULL)
		why = json_string_value(json_object_get(o, "text"));
	render_para(f, 4, "%s %s %s on %s%s%s%s: %s%s%s%s%s", stamp, label, render_str(o, "team"),
	            render_str(o, "inject"), obj ? " (" : "", obj ? obj : "", obj ? ")" : "",
	            render_str(o, "result"), by ? " by " : "", by ? by : "", why ? ": " : "",
	            why ? why : "");
}

/* Numbered questions, one paragraph each. */
static void render_questions(FILE *f, const json_t *qs)
{
	size_t i;
	json_t *q;

	json_array_foreach(qs, i, q)
	    render_para(f, 5, "%2zu. %s", i + 1, json_string_value(q) ? json_string_value(q) : "");
}

/* The hotwash questions as a block, in every language, with how to answer them. */
static void render_hotwash(FILE *f, const json_t *o, const char *stamp)
{
	const char *code;
	json_t *tr;

	fputs(RENDER_RULE, f);
	render_para(f, 4,
	            "%s HOTWASH: the exercise is over. Please answer these questions for "
	            "your team:",
	            stamp);
	render_questions(f, json_object_get(o, "questions"));
	json_object_foreach(json_object_get(o, "i18n"), code, tr)
	{
		if (!json_is_array(json_object_get(tr, "questions")))
			continue;
		render_lang_rule(f, code);
		render_questions(f, json_object_get(tr, "questions"));
	}
	render_para(f, 4, "Answer with: answer N TEXT (for example: answer 1 We shared too late)");
	fputs(RENDER_RULE, f);
}

/* A clock change: state and speed, and how far an advance moved it. */
static void render_clock(FILE *f, const json_t *o, const char *stamp)
{
	const json_t *adv = json_object_get(o, "advanced");
	char d[32];

	if (json_is_integer(adv)) {
		timeparse_format_duration((long)json_integer_value(adv), d, sizeof d);
		render_para(f, 4, "%s CLOCK advanced by %s, %s, speed %gx", stamp, d,
		            render_str(o, "state"), json_number_value(json_object_get(o, "speed")));
		return;
	}
	render_para(f, 4, "%s CLOCK %s, speed %gx", stamp, render_str(o, "state"),
	            json_number_value(json_object_get(o, "speed")));
}

/* A reply: to which RFI when it names one, with the question it answers when ex knows it. */
static void render_reply(FILE *f, const json_t *o, const struct exercise *ex, const char *stamp)
{
	const char *rfi = json_string_value(json_object_get(o, "rfi"));
	unsigned long n = 0;
	const struct ex_rfi *q;

	if (rfi == NULL) {
		render_para(f, 4, "%s REPLY to %s: %s", stamp, render_str(o, "team"),
		            render_str(o, "text"));
		return;
	}
	q = ex != NULL && sscanf(rfi, "RFI-%lu", &n) == 1 ? ex_rfi_get(ex, n) : NULL;
	if (q != NULL)
		render_para(f, 4, "%s REPLY to %s, answering %s (\"%s\"): %s", stamp,
		            render_str(o, "team"), rfi, q->text, render_str(o, "text"));
	else
		render_para(f, 4, "%s REPLY to %s, answering %s: %s", stamp, render_str(o, "team"),
		            rfi, render_str(o, "text"));
}

/* A deadline the white cell moved. */
static void render_deadline(FILE *f, const json_t *o, const struct exercise *ex, const char *stamp)
{
	long dl = (long)json_integer_value(json_object_get(o, "deadline"));
	const json_t *was = json_object_get(o, "previous");
	char off[32], hm[64], prev[32] = "none";

	timeparse_format_offset(dl, off, sizeof off);
	render_clock_time(ex, dl, hm, sizeof hm);
	if (json_is_integer(was))
		timeparse_format_offset((long)json_integer_value(was), prev, sizeof prev);
	render_para(f, 4, "%s DEADLINE for %s on %s is now %s%s%s (was %s), set by %s", stamp,
	            render_str(o, "team"), render_str(o, "inject"), off, hm[0] ? ", " : "", hm,
	            prev, render_str(o, "by"));
}

/* A recorded decision the white cell overruled. */
static void render_overrule(FILE *f, const json_t *o, const char *stamp)
{
	const char *was = json_string_value(json_object_get(o, "previous"));

	render_para(f, 4, "%s OVERRULED: %s's decision on %s is now %s (was %s), by %s: %s", stamp,
	            render_str(o, "team"), render_str(o, "inject"), render_str(o, "option"),
	            was != NULL ? was : "none", render_str(o, "by"), render_str(o, "reason"));
}

/* A reminder of a decision the team still owes. */
static void render_reminder(FILE *f, const json_t *o, const struct exercise *ex, const char *stamp)
{
	long dl = (long)json_integer_value(json_object_get(o, "deadline"));
	const char *id = render_str(o, "inject"), *subject = render_str(o, "subject");
	char off[32], hm[64];

	timeparse_format_offset(dl, off, sizeof off);
	render_clock_time(ex, dl, hm, sizeof hm);
	render_para(f, 4,
	            "%s REMINDER: your team still owes a decision on %s%s%s%s, due by %s%s%s. "
	            "Type show %s for the options.",
	            stamp, id, *subject ? " (" : "", subject, *subject ? ")" : "", off,
	            hm[0] ? ", " : "", hm, id);
}

/* A member's words or deed: "LABEL team (name): text". */
static void render_member(FILE *f, const json_t *o, const char *stamp, const char *label)
{
	render_para(f, 4, "%s %s %s (%s): %s", stamp, label, render_str(o, "team"),
	            render_str(o, "by"), render_str(o, "text"));
}

/* The label of a simple event in text mode: its type in capitals. */
static const char *render_label(enum evt_type type)
{
	switch (type) {
	case EVT_BROADCAST:
		return "BROADCAST";
	case EVT_PHASE:
		return "PHASE";
	case EVT_LOG:
		return "LOG";
	case EVT_COMMCHECK:
		return "COMMCHECK";
	default:
		return evt_type_name(type);
	}
}

/* The text under key in every other language of "i18n", one indented line each, marked. */
static void render_langs(FILE *f, const json_t *o, const char *key)
{
	const char *code;
	json_t *tr;

	json_object_foreach(json_object_get(o, "i18n"), code, tr)
	{
		if (json_is_string(json_object_get(tr, key)))
			render_para(f, 9, "    [%s] %s", code, render_str(tr, key));
	}
}

/* Every event that is not an inject: one stamped paragraph, and its texts in other languages. */
static void render_line(FILE *f, enum evt_type type, const json_t *o, const struct exercise *ex,
                        const char *stamp)
{
	switch (type) {
	case EVT_CLOCK:
		render_clock(f, o, stamp);
		break;
	case EVT_DECISION:
		render_decision(f, o, stamp);
		break;
	case EVT_SHARE:
		render_para(f, 4, "%s SHARE %s -> %s: %s", stamp, render_str(o, "from"),
		            render_str(o, "to"), render_str(o, "text"));
		break;
	case EVT_SAY:
		render_member(f, o, stamp, "SAY");
		break;
	case EVT_ACTION:
		render_member(f, o, stamp, "ACTION");
		break;
	case EVT_RFI:
		render_para(f, 4, "%s %s from %s (%s): %s", stamp, render_str(o, "id"),
		            render_str(o, "team"), render_str(o, "by"), render_str(o, "text"));
		break;
	case EVT_REPLY:
		render_reply(f, o, ex, stamp);
		break;
	case EVT_REMINDER:
		render_reminder(f, o, ex, stamp);
		break;
	case EVT_DEADLINE:
		render_deadline(f, o, ex, stamp);
		break;
	case EVT_OVERRULE:
		render_overrule(f, o, stamp);
		break;
	case EVT_SCORE:
		render_para(f, 4, "%s SCORE %s %+lld (total %lld): %s", stamp,
		            render_str(o, "team"),
		            (long long)json_integer_value(json_object_get(o, "delta")),
		            (long long)json_integer_value(json_object_get(o, "total")),
		            render_str(o, "reason"));
		render_langs(f, o, "reason");
		break;
	case EVT_END:
		render_para(f, 4, "%s ENDEX: %s", stamp, render_str(o, "reason"));
		render_langs(f, o, "reason");
		fputs("EXERCISE EXERCISE EXERCISE\n", f);
		break;
	case EVT_JOIN:
		render_para(f, 4, "%s JOIN %s: %s", stamp, render_str(o, "team"),
		            render_str(o, "name"));
		break;
	case EVT_EXPECT:
		render_verdict(f, o, stamp, "EXPECT");
		break;
	case EVT_VALIDATE:
		render_verdict(f, o, stamp, "VALIDATE");
		break;
	case EVT_NOTE:
		render_para(f, 4, "%s NOTE by %s: %s", stamp, render_str(o, "by"),
		            render_str(o, "text"));
		break;
	case EVT_HOTWASH:
		render_hotwash(f, o, stamp);
		break;
	case EVT_SCRIPT_ERROR:
		render_para(f, 4, "%s SCRIPT ERROR %s:%lld: %s", stamp, render_str(o, "file"),
		            (long long)json_integer_value(json_object_get(o, "line")),
		            render_str(o, "message"));
		break;
	case EVT_ANSWER:
		render_para(f, 4, "%s ANSWER %s (%s) to question %lld: %s", stamp,
		            render_str(o, "team"), render_str(o, "by"),
		            (long long)json_integer_value(json_object_get(o, "n")),
		            render_str(o, "text"));
		break;
	default:
		render_para(f, 4, "%s %s: %s", stamp, render_label(type),
		            json_is_string(json_object_get(o, "name")) ? render_str(o, "name")
		                                                       : render_str(o, "text"));
		render_langs(f, o, json_is_string(json_object_get(o, "name")) ? "name" : "text");
		break;
	}
}

/* Render an event of type at t with object obj as text ending in '\n'. */
char *render_event(enum evt_type type, long t, const json_t *obj, const struct exercise *ex,
                   size_t *len)
{
	char *s = NULL, stamp[128];
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	if (f == NULL)
		abort();
	if (type == EVT_INJECT) {
		render_inject(f, obj, ex, t);
	} else {
		render_stamp(ex, t, stamp, sizeof stamp);
		render_line(f, type, obj, ex, stamp);
	}
	if (fclose(f) != 0 || s == NULL)
		abort();
	*len = n;
	return s;
}

/* Cut the rules ("-----", "-- [sq] ---") of the len bytes at s to cols columns; the new length. */
static size_t render_cut_rules(char *s, size_t len, size_t cols)
{
	size_t out = 0;

	for (size_t i = 0; i < len;) {
		size_t n = strcspn(s + i, "\n"), keep = n;

		if (n > cols && s[i] == '-' &&
		    (strspn(s + i, "-") == n || strncmp(s + i, "-- [", 4) == 0))
			keep = cols;
		memmove(s + out, s + i, keep);
		out += keep;
		i += n;
		if (i < len)
			s[out++] = s[i++]; /* the '\n' */
	}
	s[out] = '\0';
	return out;
}

/* render_event for a screen of cols columns (at least 20) instead of RENDER_COLUMNS. */
char *render_event_cols(enum evt_type type, long t, const json_t *obj, const struct exercise *ex,
                        int cols, size_t *len)
{
	char *s;

	render_columns = cols < 20 ? 20 : (size_t)cols;
	s = render_event(type, t, obj, ex, len);
	*len = render_cut_rules(s, *len, render_columns);
	render_columns = RENDER_COLUMNS;
	return s;
}
