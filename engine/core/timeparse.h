/* Time strings of scenario files: durations, offsets, the in-world date. */
#ifndef TIMEPARSE_H
#define TIMEPARSE_H

#include <stddef.h>

/*
 * Parse a duration or offset: "90s", "15m", "2h", "1h30m", "1h30m15s", "1:30" (h:mm),
 * "1:30:00" (h:mm:ss) or a whole number of seconds ("45"). Strict: no spaces, no signs,
 * minutes and seconds after ':' are two digits below 60. Returns 0 and sets *out, or -1 and
 * sets *err to a static message.
 */
int timeparse_duration(const char *s, long *out, const char **err);

/* Parse "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" into seconds since 1970 (no time zone). */
int timeparse_datetime(const char *s, long long *out, const char **err);

/* Format exercise seconds as "T+HH:MM:SS" (hours may exceed 99). */
void timeparse_format_offset(long t, char *buf, size_t n);

/* Format a duration compactly for people: "90s", "15m", "1h30m". */
void timeparse_format_duration(long d, char *buf, size_t n);

/* Format seconds since 1970 as "YYYY-MM-DD HH:MM". */
void timeparse_format_datetime(long long epoch, char *buf, size_t n);

#endif
