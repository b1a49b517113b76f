/* Time strings of scenario files: durations, offsets, the in-world date. */
#include "timeparse.h"

#include <stdio.h>
#include <string.h>

/* Ten 365-day years: no exercise is longer, and the products below cannot overflow. */
#define TIMEPARSE_MAX 315360000L

/* Whether c is an ASCII digit. */
static int timeparse_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

/* Read a run of digits at *p into *v (at most TIMEPARSE_MAX); returns the digits read or -1. */
static int timeparse_number(const char **p, long *v)
{
	int n = 0;

	*v = 0;
	while (timeparse_isdigit(**p)) {
		*v = *v * 10 + (**p - '0');
		if (*v > TIMEPARSE_MAX)
			return -1;
		(*p)++;
		n++;
	}
	return n;
}

/* Read exactly two digits below 60 at *p into *v; -1 if they are not there. */
static int timeparse_sexagesimal(const char **p, long *v)
{
	const char *s = *p;

	if (!timeparse_isdigit(s[0]) || !timeparse_isdigit(s[1]) || timeparse_isdigit(s[2]))
		return -1;
	*v = (s[0] - '0') * 10 + (s[1] - '0');
	*p = s + 2;
	return *v < 60 ? 0 : -1;
}

/* Parse the h:mm and h:mm:ss forms after the hours; sets *out or returns -1 with *err. */
static int timeparse_colon(const char *p, long h, long *out, const char **err)
{
	long m, sec = 0;

	*err = "minutes and seconds after ':' must be two digits below 60";
	p++;
	if (timeparse_sexagesimal(&p, &m) < 0)
		return -1;
	if (*p == ':') {
		p++;
		if (timeparse_sexagesimal(&p, &sec) < 0)
			return -1;
	}
	if (*p != '\0') {
		*err = "unexpected characters after the time (use h:mm or h:mm:ss)";
		return -1;
	}
	*out = h * 3600 + m * 60 + sec;
	return 0;
}

/* Parse the unit form ("1h30m15s") from the start of s; sets *out or returns -1 with *err. */
static int timeparse_units(const char *p, long *out, const char **err)
{
	static const char units[] = "hms";
	static const long mult[] = {3600, 60, 1};
	long total = 0, v;
	int next = 0;

	while (*p != '\0') {
		if (timeparse_number(&p, &v) <= 0) {
			*err = v > TIMEPARSE_MAX ? "time too long (more than 10 years)"
			                         : "expected a number before each unit";
			return -1;
		}
		const char *u = *p ? strchr(units, *p) : NULL;
		if (u == NULL) {
			*err = "unknown unit (use h, m or s, e.g. \"1h30m\")";
			return -1;
		}
		if (u - units < next) {
			*err = "units repeated or out of order (use h, then m, then s)";
			return -1;
		}
		next = (int)(u - units) + 1;
		total += v * mult[u - units];
		p++;
	}
	*out = total;
	return 0;
}

/* Parse a duration or offset in one of the strict forms of the header. */
int timeparse_duration(const char *s, long *out, const char **err)
{
	const char *p = s;
	long v, r;
	int n;

	if (s == NULL || *s == '\0') {
		*err = "empty time";
		return -1;
	}
	if (*s == '-' || *s == '+') {
		*err = "a time cannot have a sign";
		return -1;
	}
	n = timeparse_number(&p, &v);
	if (n < 0) {
		*err = "time too long (more than 10 years)";
		return -1;
	}
	if (n > 0 && *p == '\0')
		r = v;
	else if (n > 0 && *p == ':') {
		if (timeparse_colon(p, v, &r, err) < 0)
			return -1;
	} else if (n > 0) {
		if (timeparse_units(s, &r, err) < 0)
			return -1;
	} else {
		*err = "a time starts with a number (\"90s\", \"15m\", \"1h30m\", \"1:30\")";
		return -1;
	}
	if (r > TIMEPARSE_MAX) {
		*err = "time too long (more than 10 years)";
		return -1;
	}
	*out = r;
	return 0;
}

/* Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian, H. Hinnant's algorithm). */
static long long timeparse_days_from_civil(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

/* The civil date of a day count from 1970-01-01 (inverse of timeparse_days_from_civil). */
static void timeparse_civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long long)yoe + era * 400 + (*m <= 2);
}

/* Days in month m of year y. */
static unsigned timeparse_month_days(long long y, unsigned m)
{
	static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Read exactly n digits at *p, then the separator sep (or end of string when sep is 0). */
static int timeparse_field(const char **p, int n, char sep, long *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (!timeparse_isdigit(**p))
			return -1;
		*v = *v * 10 + (**p - '0');
	}
	if (**p != sep)
		return -1;
	if (sep != '\0')
		(*p)++;
	return 0;
}

/* Parse "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" into seconds since 1970. */
int timeparse_datetime(const char *s, long long *out, const char **err)
{
	const char *p = s;
	long y, mo, d, h, mi, sec = 0;
	int with_sec;

	*err = "a date and time reads \"YYYY-MM-DD HH:MM\" or \"YYYY-MM-DD HH:MM:SS\"";
	if (s == NULL || timeparse_field(&p, 4, '-', &y) < 0 ||
	    timeparse_field(&p, 2, '-', &mo) < 0 || timeparse_field(&p, 2, ' ', &d) < 0 ||
	    timeparse_field(&p, 2, ':', &h) < 0)
		return -1;
	with_sec = strlen(p) > 2;
	if (timeparse_field(&p, 2, with_sec ? ':' : '\0', &mi) < 0 ||
	    (with_sec && timeparse_field(&p, 2, '\0', &sec) < 0))
		return -1;
	if (mo < 1 || mo > 12) {
		*err = "month must be 01 to 12";
		return -1;
	}
	if (d < 1 || (unsigned)d > timeparse_month_days(y, (unsigned)mo)) {
		*err = "no such day in that month";
		return -1;
	}
	if (h > 23 || mi > 59 || sec > 59) {
		*err = "time of day must be 00:00:00 to 23:59:59";
		return -1;
	}
	*out = timeparse_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 +
	       mi * 60 + sec;
	*err = NULL;
	return 0;
}

/* Format exercise seconds as "T+HH:MM:SS". */
void timeparse_format_offset(long t, char *buf, size_t n)
{
	char sign = t < 0 ? '-' : '+';
	unsigned long a = t < 0 ? -(unsigned long)t : (unsigned long)t;

	snprintf(buf, n, "T%c%02lu:%02lu:%02lu", sign, a / 3600, a / 60 % 60, a % 60);
}

/* Format a duration compactly: seconds alone below two minutes, else "1h30m15s" style. */
void timeparse_format_duration(long d, char *buf, size_t n)
{
	unsigned long a = d < 0 ? -(unsigned long)d : (unsigned long)d;
	const char *sign = d < 0 ? "-" : "";
	char h[32] = "", m[32] = "", s[32] = "";

	if (a < 120 && a != 60) {
		snprintf(buf, n, "%s%lus", sign, a);
		return;
	}
	if (a / 3600)
		snprintf(h, sizeof h, "%luh", a / 3600);
	if (a / 60 % 60)
		snprintf(m, sizeof m, "%lum", a / 60 % 60);
	if (a % 60)
		snprintf(s, sizeof s, "%lus", a % 60);
	snprintf(buf, n, "%s%s%s%s", sign, h, m, s);
}

/* Format seconds since 1970 as "YYYY-MM-DD HH:MM". */
void timeparse_format_datetime(long long epoch, char *buf, size_t n)
{
	long long days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
	long long secs = epoch - days * 86400, y;
	unsigned m, d;

	timeparse_civil_from_days(days, &y, &m, &d);
	snprintf(buf, n, "%04lld-%02u-%02u %02lld:%02lld", y, m, d, secs / 3600, secs / 60 % 60);
}
