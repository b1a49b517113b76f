/* Tests of the time strings: durations, datetimes and their formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "core/timeparse.h"

/* Parse s as a duration and return it, failing the test if it is refused. */
static long parse_ok(const char *s)
{
	const char *err = NULL;
	long v = -42;

	if (timeparse_duration(s, &v, &err) != 0)
		fail_msg("\"%s\" refused: %s", s, err);
	return v;
}

/* Every accepted duration form gives the right number of seconds. */
static void test_duration_forms(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("90s"), 90);
	assert_int_equal(parse_ok("15m"), 900);
	assert_int_equal(parse_ok("2h"), 7200);
	assert_int_equal(parse_ok("1h30m"), 5400);
	assert_int_equal(parse_ok("1h30m15s"), 5415);
	assert_int_equal(parse_ok("1h15s"), 3615);
	assert_int_equal(parse_ok("30m15s"), 1815);
	assert_int_equal(parse_ok("1:30"), 5400);
	assert_int_equal(parse_ok("0:15"), 900);
	assert_int_equal(parse_ok("1:30:00"), 5400);
	assert_int_equal(parse_ok("0:00:59"), 59);
	assert_int_equal(parse_ok("45"), 45);
	assert_int_equal(parse_ok("0"), 0);
	assert_int_equal(parse_ok("87600h"), 315360000);
}

/* Every malformed duration is refused with a message and leaves the output alone. */
static void test_duration_rejects(void **state)
{
	static const char *const bad[] = {
	    "",          " 1h",
	    "1h ",       "-5m",
	    "+5m",       "1:7",
	    "1:60",      "1:30:60",
	    "1:30:5",    "1x",
	    "h",         "1h1h",
	    "30m1h",     "1m1m",
	    "1.5h",      "1:",
	    ":30",       "1::30",
	    "1:30:",     "1h30",
	    "1H",        "1 h",
	    "5ms",       "87601h",
	    "315360001", "99999999999999999999999",
	    "1:300",     "1:30:00:00",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *err = NULL;
		long v = -42;
		if (timeparse_duration(bad[i], &v, &err) != -1)
			fail_msg("\"%s\" accepted as %ld", bad[i], v);
		assert_non_null(err);
		assert_true(strlen(err) > 0);
		assert_int_equal(v, -42);
	}
	{
		const char *err = NULL;
		long v;
		assert_int_equal(timeparse_duration(NULL, &v, &err), -1);
	}
}

/* Parse s as a datetime, failing the test if it is refused. */
static long long datetime_ok(const char *s)
{
	const char *err = NULL;
	long long v = -42;

	if (timeparse_datetime(s, &v, &err) != 0)
		fail_msg("\"%s\" refused: %s", s, err);
	return v;
}

/* Valid datetimes give seconds since 1970, leap years included. */
static void test_datetime_valid(void **state)
{
	(void)state;
	assert_int_equal(datetime_ok("1970-01-01 00:00"), 0);
	assert_int_equal(datetime_ok("1970-01-01 00:00:01"), 1);
	assert_int_equal(datetime_ok("2000-03-01 00:00"), 951868800);
	assert_int_equal(datetime_ok("2024-11-12 09:00"), 1731402000);
	assert_int_equal(datetime_ok("2024-02-29 12:30:45"), 1709209845);
	assert_int_equal(datetime_ok("2000-02-29 00:00"), 951782400);
	assert_int_equal(datetime_ok("1969-12-31 23:59:59"), -1);
	assert_int_equal(datetime_ok("2038-01-19 03:14:08"), 2147483648LL);
	assert_int_equal(datetime_ok("2023-12-31 23:59"), 1704067140);
}

/* Invalid dates, times and shapes are refused. */
static void test_datetime_rejects(void **state)
{
	static const char *const bad[] = {
	    "",
	    "2024-11-12",
	    "2024-11-12 9:00",
	    "2024-11-12T09:00",
	    "2024-13-01 00:00",
	    "2024-00-01 00:00",
	    "2024-01-00 00:00",
	    "2024-01-32 00:00",
	    "2023-02-29 00:00",
	    "1900-02-29 00:00",
	    "2024-04-31 00:00",
	    "2024-11-12 24:00",
	    "2024-11-12 23:60",
	    "2024-11-12 23:59:60",
	    "2024-11-12 09:00 ",
	    " 2024-11-12 09:00",
	    "24-11-12 09:00",
	    "2024-11-12 09:00:0",
	    "2024/11/12 09:00",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *err = NULL;
		long long v = -42;
		if (timeparse_datetime(bad[i], &v, &err) != -1)
			fail_msg("\"%s\" accepted as %lld", bad[i], v);
		assert_non_null(err);
		assert_int_equal(v, -42);
	}
}

/* Offsets, durations and datetimes format as documented and round-trip through the parsers. */
static void test_format(void **state)
{
	char buf[64];
	const long durations[] = {0,   1,   45,   60,   90,   119,   120,
	                          150, 900, 3600, 5400, 5415, 86400, 90061};

	(void)state;
	timeparse_format_offset(0, buf, sizeof buf);
	assert_string_equal(buf, "T+00:00:00");
	timeparse_format_offset(4500, buf, sizeof buf);
	assert_string_equal(buf, "T+01:15:00");
	timeparse_format_offset(360000 + 61, buf, sizeof buf);
	assert_string_equal(buf, "T+100:01:01");
	timeparse_format_offset(-90, buf, sizeof buf);
	assert_string_equal(buf, "T-00:01:30");

	timeparse_format_duration(90, buf, sizeof buf);
	assert_string_equal(buf, "90s");
	timeparse_format_duration(900, buf, sizeof buf);
	assert_string_equal(buf, "15m");
	timeparse_format_duration(5400, buf, sizeof buf);
	assert_string_equal(buf, "1h30m");
	timeparse_format_duration(7200, buf, sizeof buf);
	assert_string_equal(buf, "2h");
	timeparse_format_duration(3615, buf, sizeof buf);
	assert_string_equal(buf, "1h15s");
	for (size_t i = 0; i < sizeof durations / sizeof durations[0]; i++) {
		timeparse_format_duration(durations[i], buf, sizeof buf);
		assert_int_equal(parse_ok(buf), durations[i]);
	}

	timeparse_format_datetime(1731402000, buf, sizeof buf);
	assert_string_equal(buf, "2024-11-12 09:00");
	timeparse_format_datetime(1709209845, buf, sizeof buf);
	assert_string_equal(buf, "2024-02-29 12:30");
	timeparse_format_datetime(-1, buf, sizeof buf);
	assert_string_equal(buf, "1969-12-31 23:59");
	for (long long e = -86400LL * 800; e < 86400LL * 365 * 80; e += 86400 * 7 + 3660) {
		long long back;
		const char *err;
		timeparse_format_datetime(e, buf, sizeof buf);
		assert_int_equal(timeparse_datetime(buf, &back, &err), 0);
		assert_int_equal(back, e - ((e % 60) + 60) % 60);
	}
}

/* Run this file's tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_duration_forms), cmocka_unit_test(test_duration_rejects),
	    cmocka_unit_test(test_datetime_valid), cmocka_unit_test(test_datetime_rejects),
	    cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
