/* Times, durations and phrases that every report format writes the same way. */
#include "fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "core/timeparse.h"

/* Exercise time t as "T+HH:MM:SS". */
void fmt_offset(long t, char *buf, size_t n)
{
	timeparse_format_offset(t, buf, n);
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

/* A duration for people ("45s", "12m", "1h30m"); "-" when d is -1 (unknown). */
void fmt_dur(long d, char *buf, size_t n)
{
	if (d == -1)
		snprintf(buf, n, "-");
	else
		timeparse_format_duration(d, buf, n);
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
	s = malloc(len);
	if (s == NULL)
		abort();
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
	return mem_printf("%s (%s)", key, label);
}

/* A team's id by index; -1 is "all". */
const char *fmt_team(const struct model *m, int k)
{
	return k >= 0 && k < m->n_teams ? m->teams[k].id : "all";
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
	return mem_printf("ENDEX: %s", m->end_reason);
}
