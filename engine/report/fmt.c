/* Times, durations and phrases that every report format writes the same way. */
#include "fmt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "core/timeparse.h"

/* A JSON value built from a json_pack format; aborts when out of memory. */
json_t *fmt_pack(const char *fmt, ...)
{
	json_error_t err;
	va_list ap;
	json_t *v;

	va_start(ap, fmt);
	v = json_vpack_ex(&err, 0, fmt, ap);
	va_end(ap);
	if (v == NULL)
		abort();
	return v;
}

/* The file name at the end of path; path itself when it ends in '/'. */
const char *fmt_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

/* A number, or null when it is -1 (unknown). */
json_t *fmt_opt(long v)
{
	return v == -1 ? json_null() : json_integer(v);
}

/* Whether the UTF-8 sequence at s is one the report never writes: C0 controls other than
 * '\n' and '\t', DEL and C1 controls (and the isolation markers); its length in *n. */
int fmt_control(const char *s, size_t *n)
{
	uint32_t cp;
	size_t k = utf8_decode(s, 4, &cp); /* decoding stops at the NUL */

	*n = 1;
	if (k == 0 || !((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F)))
		return 0;
	*n = k;
	return 1;
}

/* s (a user's text) between isolation markers, as a new string; "" when s is NULL. */
char *fmt_u(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *u = mem_calloc(1, n + 3);

	if (s == NULL)
		return u;
	u[0] = FMT_U0[0];
	memcpy(u + 1, s, n);
	u[n + 1] = FMT_U1[0];
	return u;
}

/* Exercise time t as "T+HH:MM:SS". */
void fmt_offset(long t, char *buf, size_t n)
{
	unsigned long a = t < 0 ? -(unsigned long)t : (unsigned long)t, h = a / 3600;
	char s[12] = "T+00:00:00";

	if (h > 99 || n < sizeof s) {
		timeparse_format_offset(t, buf, n); /* the long way (the report writes many) */
		return;
	}
	s[1] = t < 0 ? '-' : '+';
	s[2] = (char)('0' + h / 10);
	s[3] = (char)('0' + h % 10);
	s[5] = (char)('0' + a / 600 % 6);
	s[6] = (char)('0' + a / 60 % 10);
	s[8] = (char)('0' + a % 60 / 10);
	s[9] = (char)('0' + a % 10);
	memcpy(buf, s, sizeof s);
}

/* The in-world date and time at t, "YYYY-MM-DD HH:MM"; "" without a start. */
void fmt_datetime(const struct model *m, long t, char *buf, size_t n)
{
	if (m->start_epoch < 0)
		snprintf(buf, n, "%s", "");
	else
		timeparse_format_datetime(m->start_epoch + t, buf, n);
}

/* The in-world clock at t: "HH:MM" on the start's day, else "MM-DD HH:MM"; "" without a start. */
void fmt_clock(const struct model *m, long t, char *buf, size_t n)
{
	char day0[32], now[32];

	fmt_datetime(m, 0, day0, sizeof day0);
	fmt_datetime(m, t, now, sizeof now);
	if (now[0] == '\0' || strlen(now) < 16)
		snprintf(buf, n, "%s", now);
	else if (strncmp(day0, now, 10) == 0)
		snprintf(buf, n, "%s", now + 11);
	else
		snprintf(buf, n, "%s", now + 5);
}

/* A duration for people, always in hours, minutes and seconds ("45s", "1m53s", "1h30m"), never
 * "113s"; "-" when d is -1 (unknown). */
void fmt_dur(long d, char *buf, size_t n)
{
	unsigned long a = d < 0 ? -(unsigned long)d : (unsigned long)d;
	char h[24] = "", m[24] = "", s[24] = "";

	if (d == -1) {
		snprintf(buf, n, "-");
		return;
	}
	if (a / 3600)
		snprintf(h, sizeof h, "%luh", a / 3600);
	if (a / 60 % 60)
		snprintf(m, sizeof m, "%lum", a / 60 % 60);
	if (a % 60 || a == 0)
		snprintf(s, sizeof s, "%lus", a % 60);
	snprintf(buf, n, "%s%s%s%s", d < 0 ? "-" : "", h, m, s);
}

/* The mean of sum over n, rounded to the second; -1 when n is 0. */
long fmt_mean(long sum, long n)
{
	return n > 0 ? (sum + n / 2) / n : -1;
}

/* The inject's recipients as a new string: "all" when it reached every team, else "al, xk". */
char *fmt_to(const struct model *m, const struct model_inject *in)
{
	size_t len = 1, at = 0;
	char *s;

	if (in->n_to == m->n_teams && m->n_teams > 1)
		return mem_printf("all");
	for (int j = 0; j < in->n_to; j++)
		len += strlen(m->teams[in->to[j]].id) + 2;
	s = mem_realloc(NULL, len);
	s[0] = '\0';
	for (int j = 0; j < in->n_to; j++)
		at += (size_t)snprintf(s + at, len - at, "%s%s", j ? ", " : "",
		                       m->teams[in->to[j]].id);
	return s;
}

/* An option as a new string: "key (label)", "key", or "none" when key is NULL. */
char *fmt_option(const char *key, const char *label)
{
	if (key == NULL)
		return mem_printf("none");
	if (label == NULL || strcmp(label, key) == 0)
		return mem_printf("%s", key);
	return mem_printf("%s (" FMT_U0 "%s" FMT_U1 ")", key, label);
}

/* A team's id by index; -1 is "all". */
const char *fmt_team(const struct model *m, int k)
{
	return k >= 0 && k < m->n_teams ? m->teams[k].id : "all";
}

/* What a line of a team's log records, as a new string ("decided I-01", "share from al"). */
char *fmt_entry_what(const struct model_entry *e)
{
	const char *ref = e->ref ? e->ref : "";

	switch (e->kind) {
	case LOG_INJECT:
		return mem_printf("%sinject %s received", e->extra ? "ad-hoc " : "", ref);
	case LOG_DECISION:
		return mem_printf("%s %s", e->flag ? "deadline passed on" : "decided", ref);
	case LOG_ACTION:
		return mem_printf("action");
	case LOG_SAY:
		return mem_printf("chat (say)");
	case LOG_SHARE_OUT:
		return mem_printf("shared with %s", ref);
	case LOG_SHARE_IN:
		return mem_printf("share from %s", ref);
	case LOG_RFI:
		return mem_printf("%s asked", ref);
	case LOG_REPLY:
		return e->ref ? mem_printf("answer to %s", ref) : mem_printf("reply (no open RFI)");
	case LOG_SCORE:
		return mem_printf("score %+ld = %ld", e->a, e->b);
	case LOG_EXPECT:
		return mem_printf("%s %s%s%s%s", ref, e->flag ? "met" : "missed",
		                  e->extra ? " (" : "", e->extra ? e->extra : "",
		                  e->extra ? ")" : "");
	case LOG_VALIDATE:
		return mem_printf("%s validated %s%s%s%s", ref, e->flag ? "met" : "missed",
		                  e->extra ? " (" : "", e->extra ? e->extra : "",
		                  e->extra ? ")" : "");
	case LOG_NOTE:
		return mem_printf("evaluator note");
	case LOG_ANSWER:
		return mem_printf("hotwash answer %ld", e->a);
	case LOG_BROADCAST:
		return mem_printf("broadcast");
	case LOG_DEADLINE:
		return mem_printf("deadline on %s extended", ref);
	case LOG_OVERRULE:
		return mem_printf("%s overruled: now %s", ref, e->extra ? e->extra : "none");
	}
	return mem_printf("?");
}

/* A deadline moved to t from before (-1: none), as a new string: "to T+.. (was T+..)". */
char *fmt_extended(long t, long before)
{
	char a[32], b[32];

	fmt_offset(t, a, sizeof a);
	fmt_offset(before, b, sizeof b);
	return mem_printf("to %s (%s%s)", a, before >= 0 ? "was " : "had none",
	                  before >= 0 ? b : "");
}

/* The text of a line of a team's log, as a new string. */
char *fmt_entry_text(const struct model_entry *e)
{
	char d[32];

	switch (e->kind) {
	case LOG_INJECT:
		fmt_dur(e->a, d, sizeof d);
		if (e->extra != NULL)
			return mem_printf(FMT_U0 "%s" FMT_U1 "%s%s\nsent by the white cell (" FMT_U0
			                         "%s" FMT_U1 ")",
			                  e->text ? e->text : "",
			                  e->a >= 0 ? "; decide within " : "", e->a >= 0 ? d : "",
			                  e->extra);
		return mem_printf(FMT_U0 "%s" FMT_U1 "%s%s", e->text ? e->text : "",
		                  e->a >= 0 ? "; decide within " : "", e->a >= 0 ? d : "");
	case LOG_DECISION:
		if (e->flag)
			return e->text ? mem_printf("the default %s was recorded", e->text)
			               : mem_printf("nothing was recorded");
		return fmt_option(e->text, e->extra);
	case LOG_REPLY:
		return e->extra ? mem_printf("Q: " FMT_U0 "%s" FMT_U1 "\nA: " FMT_U0 "%s" FMT_U1,
		                             e->extra, e->text ? e->text : "")
		                : fmt_u(e->text);
	case LOG_ANSWER:
		return mem_printf("Q: " FMT_U0 "%s" FMT_U1 "\nA: " FMT_U0 "%s" FMT_U1,
		                  e->extra ? e->extra : "?", e->text ? e->text : "");
	case LOG_DEADLINE:
		return fmt_extended(e->a, e->b);
	default:
		return fmt_u(e->text);
	}
}

/* The exercise marking: the journal's, else "EXERCISE EXERCISE EXERCISE". */
const char *fmt_marking(const struct model *m)
{
	return m->marking != NULL && m->marking[0] != '\0' ? m->marking
	                                                   : "EXERCISE EXERCISE EXERCISE";
}

/* How the exercise ended, as a new phrase: "the planned duration ran out", ... */
char *fmt_ended(const struct model *m)
{
	if (!m->ended)
		return mem_printf("where the journal stops, without ENDEX");
	if (m->end_reason == NULL)
		return mem_printf("ENDEX (no reason given)");
	if (strcmp(m->end_reason, "duration") == 0)
		return mem_printf("ENDEX: the planned duration ran out");
	if (strcmp(m->end_reason, "facilitator") == 0)
		return mem_printf("ENDEX by a facilitator");
	return mem_printf("ENDEX: " FMT_U0 "%s" FMT_U1, m->end_reason);
}
