/* Tests of core/utf8: decoding, validation, columns, and sanitising for each output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/render.h"
#include "core/utf8.h"

/* What utf8_html writes for s, as a new string. */
static char *html(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	utf8_html(f, s);
	assert_int_equal(fclose(f), 0);
	return out;
}

/* What utf8_term_put writes for the n bytes at s, as a new string. */
static char *term_put(const char *s, size_t n)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	utf8_term_put(f, s, n);
	assert_int_equal(fclose(f), 0);
	return out;
}

/* Every kind of malformed sequence is refused; the edges of each length decode. */
static void test_decode(void **state)
{
	static const char *const bad[] = {
	    "\x80",
	    "\xBF",
	    "\xC0\x80",
	    "\xC1\xBF",
	    "\xE0\x80\x80",
	    "\xE0\x9F\xBF",
	    "\xED\xA0\x80",
	    "\xED\xBF\xBF",
	    "\xF0\x80\x80\x80",
	    "\xF0\x8F\xBF\xBF",
	    "\xF4\x90\x80\x80",
	    "\xF5\x80\x80\x80",
	    "\xFF",
	    "\xC3",
	    "\xE2\x82",
	    "\xC3(",
	};
	uint32_t cp;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(utf8_decode(bad[i], strlen(bad[i]), &cp), 0);
		assert_int_equal(cp, 0xFFFD);
		assert_false(utf8_valid(bad[i], strlen(bad[i])));
	}
	assert_int_equal(utf8_decode("\x7F", 1, &cp), 1);
	assert_int_equal(cp, 0x7F);
	assert_int_equal(utf8_decode("\xC2\x80", 2, &cp), 2);
	assert_int_equal(cp, 0x80);
	assert_int_equal(utf8_decode("\xEF\xBF\xBF", 3, &cp), 3);
	assert_int_equal(cp, 0xFFFF);
	assert_int_equal(utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	assert_int_equal(utf8_decode("\xE2\x82\xAC", 2, &cp), 0); /* cut by n */
	assert_int_equal(utf8_need('a'), 1);
	assert_int_equal(utf8_need('\xC1'), 0);
	assert_int_equal(utf8_need('\xF0'), 4);
	assert_true(utf8_valid("Arb\xC3\xABr \xE2\x82\xAC \xF0\x9F\x98\x80", 15));
	assert_false(utf8_valid("a\0b", 3)); /* NUL */
}

/* Combining marks take no column, East Asian wide characters two, the rest one. */
static void test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width('a'), 1);
	assert_int_equal(utf8_width(0xEB), 1);    /* ë */
	assert_int_equal(utf8_width(0x0301), 0);  /* combining acute */
	assert_int_equal(utf8_width(0x200D), 0);  /* zero-width joiner */
	assert_int_equal(utf8_width(0x4E2D), 2);  /* 中 */
	assert_int_equal(utf8_width(0xAC00), 2);  /* 가 */
	assert_int_equal(utf8_width(0xFF21), 2);  /* fullwidth A */
	assert_int_equal(utf8_width(0x1F600), 2); /* 😀 */
	assert_int_equal(utf8_width(0x202E), 1);  /* shown as '?' */
	assert_int_equal(utf8_cols("e\xCC\x81", 3), 1);
	assert_int_equal(utf8_cols("\xE4\xB8\xAD\xE6\x96\x87", 6), 4);
	assert_int_equal(utf8_cols("a\xFF"
	                           "b",
	                           3),
	                 3); /* the bad byte is one U+FFFD */
}

/* utf8_fit: what fits in so many columns; a combining mark stays with its letter; force takes a
 * wide character that does not fit, so that a caller always makes progress. */
static void test_fit(void **state)
{
	static const char s[] = "e\xcc\x88x\xe4\xb8\xad"; /* e + U+0308, x, U+4E2D (wide) */

	(void)state;
	assert_int_equal(utf8_fit(s, strlen(s), 1, false), 3);
	assert_int_equal(utf8_fit(s, strlen(s), 2, false), 4);
	assert_int_equal(utf8_fit(s, strlen(s), 3, false), 4);
	assert_int_equal(utf8_fit(s, strlen(s), 4, false), 7);
	assert_int_equal(utf8_fit(s + 4, 3, 1, false), 0);
	assert_int_equal(utf8_fit(s + 4, 3, 1, true), 3);
}

/* A terminal never gets C0 (but line breaks and tabs between lines), DEL, C1 or a bidi
 * control; bad bytes become U+FFFD. */
static void test_term(void **state)
{
	char *s;

	(void)state;
	s = utf8_term("a\x1b[2J\x07"
	              "b\xC2\x9B"
	              "c\xE2\x80\xAE"
	              "d\x7F\n\xFF"
	              "\xC3\xAB");
	assert_string_equal(s, "a?[2J?b?c?d?\n" UTF8_REPLACEMENT "\xC3\xAB");
	free(s);
	s = term_put("\t\r\n\x1b", 4);
	assert_string_equal(s, "????");
	free(s);
	s = utf8_term("\x1b]52;c;SGVsbG8=\x07\xE2\x81\xA6x\xE2\x80\x8F");
	assert_string_equal(s, "?]52;c;SGVsbG8=??x\xE2\x80\x8F"); /* RLM is harmless */
	free(s);
	s = utf8_term(NULL);
	assert_string_equal(s, "");
	free(s);
	assert_int_equal(utf8_control("\xC2\xA0", 2), 0); /* no-break space */
	assert_int_equal(utf8_control("\xE2\x81\xA9", 3), 3);
}

/* JSON keeps every valid byte and turns each invalid one into U+FFFD, NUL included in n. */
static void test_json(void **state)
{
	json_t *j;

	(void)state;
	j = utf8_json("ok \xC3\xAB");
	assert_string_equal(json_string_value(j), "ok \xC3\xAB");
	json_decref(j);
	j = utf8_json("a\xC0\x80"
	              "b\xE2\x82");
	assert_string_equal(json_string_value(j), "a" UTF8_REPLACEMENT UTF8_REPLACEMENT
	                                          "b" UTF8_REPLACEMENT UTF8_REPLACEMENT);
	json_decref(j);
	j = utf8_jsonn("a\0\xFF", 3);
	assert_int_equal(json_string_length(j), 5);
	assert_memory_equal(json_string_value(j), "a\0" UTF8_REPLACEMENT, 5);
	json_decref(j);
	j = utf8_json(NULL);
	assert_true(json_is_null(j));
}

/* HTML escapes markup, leaves controls out and keeps line breaks. */
static void test_html(void **state)
{
	char *s = html("<a href='x'>&\"\x1b[1m\xC2\x85\n\t\xFF\xC3\xAB");

	(void)state;
	assert_string_equal(s, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;[1m\n\t" UTF8_REPLACEMENT
	                       "\xC3\xAB");
	free(s);
}

/* Text mode wraps wide characters at 80 columns, not 80 code points, and keeps a combining
 * mark with its letter. */
static void test_render_columns(void **state)
{
	char wide[1024] = "", marked[1024] = "";
	const char *const texts[] = {wide, marked};

	(void)state;
	for (int i = 0; i < 100; i++) {
		strcat(wide, "\xE4\xB8\xAD"); /* 中 */
		strcat(marked, "e\xCC\x81");  /* é as e and a combining acute */
	}
	for (size_t k = 0; k < 2; k++) {
		json_t *o = json_pack("{s:s,s:s,s:s}", "team", "al", "by", "Ana", "text", texts[k]);
		size_t len, lines = 0;
		char *text = render_event(EVT_SAY, 0, o, NULL, &len), *line, *save = NULL;

		for (line = strtok_r(text, "\n", &save); line != NULL;
		     line = strtok_r(NULL, "\n", &save), lines++) {
			const char *body = line + strspn(line, " ");
			uint32_t cp;

			assert_true(utf8_cols(line, strlen(line)) <= RENDER_COLUMNS);
			utf8_decode(body, strlen(body), &cp);
			assert_int_not_equal(utf8_width(cp), 0); /* no line starts with a mark */
		}
		assert_int_equal(lines, k == 0 ? 4 : 3); /* the heading, then 200 or 100 columns */
		free(text);
		json_decref(o);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_decode),
	    cmocka_unit_test(test_width),
	    cmocka_unit_test(test_fit),
	    cmocka_unit_test(test_term),
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_html),
	    cmocka_unit_test(test_render_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
