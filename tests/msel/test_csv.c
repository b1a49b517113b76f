/* Tests of the CSV reader: quotes, escapes, line breaks, BOM, separators, errors and limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "msel/csv.h"

/* Start a reader over the string s with the default limits. */
static void start(struct csv_reader *r, const char *s)
{
	csv_init(r, s, strlen(s), NULL);
}

/* Read the next row and check it has exactly the n fields given. */
static void expect_row(struct csv_reader *r, long row, int n, ...)
{
	va_list ap;

	assert_int_equal(csv_next(r), 1);
	assert_int_equal(r->row, row);
	assert_int_equal(r->n, n);
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(r->field[i], va_arg(ap, const char *));
	va_end(ap);
}

/* Plain fields, rows numbered from 1, the end reported once the bytes run out. */
static void test_plain(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "a,b,c\n1,2,3\n");
	assert_int_equal(r.sep, ',');
	expect_row(&r, 1, 3, "a", "b", "c");
	expect_row(&r, 2, 3, "1", "2", "3");
	assert_int_equal(csv_next(&r), 0);
	assert_int_equal(csv_next(&r), 0);
	csv_free(&r);
}

/* Quoted fields keep separators, "" is one quote, blanks around quotes are dropped. */
static void test_quotes(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "\"a,b\",\"say \"\"hi\"\"\",\"\"\nx, \"y,z\" ,5\" disk\n");
	expect_row(&r, 1, 3, "a,b", "say \"hi\"", "");
	expect_row(&r, 2, 3, "x", "y,z", "5\" disk");
	assert_int_equal(csv_next(&r), 0);
	csv_free(&r);
}

/* A line break inside quotes stays in the field; the row after it is the next row. */
static void test_embedded_newline(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "h1,h2\n\"line one\nline two\",x\nnext,y");
	expect_row(&r, 1, 2, "h1", "h2");
	expect_row(&r, 2, 2, "line one\nline two", "x");
	assert_int_equal(r.line, 2);
	expect_row(&r, 3, 2, "next", "y");
	assert_int_equal(r.line, 4);
	assert_int_equal(csv_next(&r), 0);
	csv_free(&r);
}

/* CRLF and lone CR end rows; a CRLF inside quotes is kept as it is. */
static void test_crlf(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "a,b\r\n\"x\r\ny\",z\r\nc,d\re,f");
	expect_row(&r, 1, 2, "a", "b");
	expect_row(&r, 2, 2, "x\r\ny", "z");
	expect_row(&r, 3, 2, "c", "d");
	assert_int_equal(r.line, 4);
	expect_row(&r, 4, 2, "e", "f");
	assert_int_equal(r.line, 5);
	assert_int_equal(csv_next(&r), 0);
	csv_free(&r);
}

/* A UTF-8 byte order mark is skipped; a lone one is an empty file. */
static void test_bom(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "\xEF\xBB\xBFInject #,Time\n");
	expect_row(&r, 1, 2, "Inject #", "Time");
	csv_free(&r);
	start(&r, "\xEF\xBB\xBF");
	assert_int_equal(csv_next(&r), 0);
	csv_free(&r);
}

/* The separator is the one the first line uses most outside quotes. */
static void test_separator(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "Nr;Zeit;An\n1,5;0:15;SOC\n");
	assert_int_equal(r.sep, ';');
	expect_row(&r, 1, 3, "Nr", "Zeit", "An");
	expect_row(&r, 2, 3, "1,5", "0:15", "SOC");
	csv_free(&r);
	start(&r, "\"a;b;c\",d\n");
	assert_int_equal(r.sep, ',');
	expect_row(&r, 1, 2, "a;b;c", "d");
	csv_free(&r);
	start(&r, "a\tb\tc\n1 2\t,\t\" q\"\n");
	assert_int_equal(r.sep, '\t');
	expect_row(&r, 1, 3, "a", "b", "c");
	expect_row(&r, 2, 3, "1 2", ",", " q");
	csv_free(&r);
}

/* Empty lines, trailing separators and a missing final line break. */
static void test_empty_fields(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "a,\n\n,,\nlast");
	expect_row(&r, 1, 2, "a", "");
	expect_row(&r, 2, 1, "");
	expect_row(&r, 3, 3, "", "", "");
	expect_row(&r, 4, 1, "last");
	assert_int_equal(csv_next(&r), 0);
	csv_free(&r);
	start(&r, "");
	assert_int_equal(csv_next(&r), 0);
	csv_free(&r);
}

/* An unclosed quote names its row and the line where it opens. */
static void test_unterminated(void **state)
{
	struct csv_reader r;

	(void)state;
	start(&r, "a,b\n\"fine\nstill\",x\n1,\"oops\n2,3\n");
	expect_row(&r, 1, 2, "a", "b");
	expect_row(&r, 2, 2, "fine\nstill", "x");
	assert_int_equal(csv_next(&r), -1);
	assert_int_equal(r.row, 3);
	assert_non_null(strstr(r.err, "not closed"));
	assert_non_null(strstr(r.err, "line 4"));
	assert_int_equal(csv_next(&r), -1);
	csv_free(&r);
}

/* Text after a closing quote and NUL bytes are errors naming the row. */
static void test_bad_bytes(void **state)
{
	struct csv_reader r;
	static const char nul[] = "a,b\nc,d\0e\n";

	(void)state;
	start(&r, "a\n\"x\"y,z\n");
	expect_row(&r, 1, 1, "a");
	assert_int_equal(csv_next(&r), -1);
	assert_int_equal(r.row, 2);
	assert_non_null(strstr(r.err, "after the closing quote of field 1"));
	csv_free(&r);
	csv_init(&r, nul, sizeof nul - 1, NULL);
	expect_row(&r, 1, 2, "a", "b");
	assert_int_equal(csv_next(&r), -1);
	assert_int_equal(r.row, 2);
	assert_non_null(strstr(r.err, "NUL"));
	csv_free(&r);
}

/* Each limit gives an error that names the row; up to the limit is fine. */
static void test_limits(void **state)
{
	struct csv_limits lim = {.max_field = 4, .max_row = 12, .max_fields = 3, .max_rows = 2};
	struct csv_reader r;
	const char *s;

	(void)state;
	s = "abcd,\"ef\"\"g\",h\n";
	csv_init(&r, s, strlen(s), &lim);
	expect_row(&r, 1, 3, "abcd", "ef\"g", "h");
	csv_free(&r);
	s = "a\nabcde\n";
	csv_init(&r, s, strlen(s), &lim);
	expect_row(&r, 1, 1, "a");
	assert_int_equal(csv_next(&r), -1);
	assert_int_equal(r.row, 2);
	assert_non_null(strstr(r.err, "field 1 is longer than 4 bytes"));
	csv_free(&r);
	s = "a,b,c,d\n";
	csv_init(&r, s, strlen(s), &lim);
	assert_int_equal(csv_next(&r), -1);
	assert_non_null(strstr(r.err, "more than 3 fields"));
	csv_free(&r);
	s = "abcd,abcd,abcd\n";
	csv_init(&r, s, strlen(s), &lim);
	assert_int_equal(csv_next(&r), -1);
	assert_non_null(strstr(r.err, "row is longer than 12 bytes"));
	csv_free(&r);
	s = "a\nb\nc\n";
	csv_init(&r, s, strlen(s), &lim);
	expect_row(&r, 1, 1, "a");
	expect_row(&r, 2, 1, "b");
	assert_int_equal(csv_next(&r), -1);
	assert_int_equal(r.row, 3);
	assert_non_null(strstr(r.err, "more than 2 rows"));
	csv_free(&r);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),
	    cmocka_unit_test(test_quotes),
	    cmocka_unit_test(test_embedded_newline),
	    cmocka_unit_test(test_crlf),
	    cmocka_unit_test(test_bom),
	    cmocka_unit_test(test_separator),
	    cmocka_unit_test(test_empty_fields),
	    cmocka_unit_test(test_unterminated),
	    cmocka_unit_test(test_bad_bytes),
	    cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
