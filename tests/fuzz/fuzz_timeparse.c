/*
 * Fuzz target: the time strings of scenario files (engine/core/timeparse.c). Whatever parses
 * must be in range and survive formatting and parsing again; nothing may read past the string.
 */
#include <limits.h>
#include <string.h>

#include "core/timeparse.h"
#include "fuzz.h"

/* Ten 365-day years, timeparse's longest time. */
#define FZ_MAX 315360000L

/* A duration that parsed formats back to a string that parses to the same value. */
static void fz_duration(const char *s)
{
	const char *err = NULL;
	char buf[64];
	long v = -1, w = -1;

	if (timeparse_duration(s, &v, &err) < 0) {
		FUZZ_CHECK(err != NULL && *err != '\0');
		return;
	}
	FUZZ_CHECK(v >= 0 && v <= FZ_MAX);
	timeparse_format_duration(v, buf, sizeof buf);
	FUZZ_CHECK(timeparse_duration(buf, &w, &err) == 0 && w == v);
	timeparse_format_offset(v, buf, sizeof buf);
	FUZZ_CHECK(strncmp(buf, "T+", 2) == 0);
}

/* A date that parsed formats back to the same minute. */
static void fz_datetime(const char *s)
{
	const char *err = NULL;
	char buf[64];
	long long v, w, sec;

	if (timeparse_datetime(s, &v, &err) < 0) {
		FUZZ_CHECK(err != NULL && *err != '\0');
		return;
	}
	sec = ((v % 60) + 60) % 60;
	timeparse_format_datetime(v, buf, sizeof buf);
	FUZZ_CHECK(timeparse_datetime(buf, &w, &err) == 0 && w == v - sec);
	FUZZ_CHECK(strlen(buf) == 16 && strncmp(buf, s, 16) == 0);
}

/* The formatters take any value, the extremes included, without overflowing their buffer. */
static void fz_format(const uint8_t *data, size_t size)
{
	long t = 0;
	long long e;
	char small[8], buf[96];

	memcpy(&t, data, size < sizeof t ? size : sizeof t);
	timeparse_format_offset(t, buf, sizeof buf);
	FUZZ_CHECK(buf[0] == 'T' && (buf[1] == '+' || buf[1] == '-'));
	timeparse_format_offset(t, small, sizeof small);
	timeparse_format_duration(t, buf, sizeof buf);
	timeparse_format_duration(t, small, sizeof small);
	e = t % (400LL * 365 * 86400); /* within 400 years of 1970: a four-digit year */
	timeparse_format_datetime(e, buf, sizeof buf);
	FUZZ_CHECK(strlen(buf) == 16);
	timeparse_format_offset(LONG_MIN, buf, sizeof buf);
	timeparse_format_duration(LONG_MIN, buf, sizeof buf);
}

/* Parse the input as a duration and as a date; format numbers taken from it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	fz_duration(s);
	fz_datetime(s);
	fz_format(data, size);
	free(s);
	return 0;
}
