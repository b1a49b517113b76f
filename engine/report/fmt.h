/* Times, durations and phrases that every report format writes the same way. */
#ifndef REPORT_FMT_H
#define REPORT_FMT_H

#include <jansson.h>
#include <stddef.h>

#include "model.h"

/* Markers around a user's text inside a string the report composes ("from al (" FMT_U0 "%s"
 * FMT_U1 ")"): html isolates it in <bdi>, md in U+2068..U+2069, text drops them. */
#define FMT_U0 "\x0e"
#define FMT_U1 "\x0f"
/* How many code points without a space a line of html or md may hold before a break point. */
#define FMT_RUN 32

/* A JSON value built from a json_pack format (the JSON formats' one builder); aborts when out of
 * memory. */
json_t *fmt_pack(const char *fmt, ...);
/* A number, or null when it is -1 (unknown). */
json_t *fmt_opt(long v);
/* The file name at the end of path (the report names no local directory); path when it ends in
 * '/'. */
const char *fmt_base(const char *path);

/* Whether the UTF-8 sequence at s is one the report never writes: C0 controls other than
 * '\n' and '\t', DEL and C1 controls (and the isolation markers); its length in *n. */
int fmt_control(const char *s, size_t *n);

/* s (a user's text) between isolation markers, as a new string; "" when s is NULL. */
char *fmt_u(const char *s);

/* Exercise time t as "T+HH:MM:SS". */
void fmt_offset(long t, char *buf, size_t n);
/* The in-world clock at t: "HH:MM" on the start's day, else "MM-DD HH:MM"; "" without a start. */
void fmt_clock(const struct model *m, long t, char *buf, size_t n);
/* The in-world date and time at t, "YYYY-MM-DD HH:MM"; "" without a start. */
void fmt_datetime(const struct model *m, long t, char *buf, size_t n);
/* A duration for people, in h, m and s ("45s", "1m53s", "1h30m"); "-" when d is -1. */
void fmt_dur(long d, char *buf, size_t n);
/* The mean of sum over n, rounded to the second; -1 when n is 0. */
long fmt_mean(long sum, long n);
/* The inject's recipients as a new string: "all" when it reached every team, else "al, xk". */
char *fmt_to(const struct model *m, const struct model_inject *in);
/* An option as a new string: "key (label)", "key", or "none" when key is NULL. */
char *fmt_option(const char *key, const char *label);
/* A team's id by index; -1 is "all". */
const char *fmt_team(const struct model *m, int k);

/* A deadline moved to t from before (-1: none), as a new string: "to T+.. (was T+..)". */
char *fmt_extended(long t, long before);

/* What a line of a team's log records, as a new string ("decided I-01", "share from al"). */
char *fmt_entry_what(const struct model_entry *e);
/* The text of a line of a team's log, as a new string. */
char *fmt_entry_text(const struct model_entry *e);

/* The exercise marking: the journal's, else "EXERCISE EXERCISE EXERCISE". */
const char *fmt_marking(const struct model *m);

/* How the exercise ended, as a new phrase: "the planned duration ran out", ... */
char *fmt_ended(const struct model *m);

#endif
