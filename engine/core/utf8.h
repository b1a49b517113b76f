/*
 * UTF-8, the one place that decodes it (RFC 3629): validation, decoding, terminal columns, and
 * sanitising text for a terminal, for JSON and for HTML.
 *
 * One policy for bytes that are not UTF-8 (overlongs, surrogates, code points past U+10FFFF,
 * stray continuation bytes, cut sequences): each such byte becomes U+FFFD, wherever the text
 * goes (JSON, the journal, a terminal, HTML). For a terminal, control characters (C0, DEL, C1)
 * and the bidi embedding, override and isolate controls become '?' (docs/security.md).
 */
#ifndef CORE_UTF8_H
#define CORE_UTF8_H

#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define UTF8_REPLACEMENT "\xEF\xBF\xBD"

/* Whether c is the first byte of a code point (not a continuation byte). */
static inline bool utf8_lead(char c)
{
	return ((unsigned char)c & 0xC0) != 0x80;
}

/* The length of the sequence that lead byte c starts (1 to 4), or 0 when c cannot start one. */
size_t utf8_need(char c);
/* The length of the well-formed sequence at s (n bytes there), with its code point in *cp;
 * 0 (and U+FFFD in *cp) when the bytes at s are not one. In a NUL-terminated string n may be
 * 4 whatever is left: decoding stops at the NUL, which is no continuation byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Whether the n bytes at s are well-formed UTF-8 without NUL bytes. */
bool utf8_valid(const char *s, size_t n);
/* The columns code point cp takes on a terminal: 0 for combining marks and zero-width
 * characters, 2 for East Asian wide ones, 1 for the rest. */
int utf8_width(uint32_t cp);
/* The columns of the n bytes at s (an invalid byte, shown as U+FFFD, takes one). */
size_t utf8_cols(const char *s, size_t n);
/* How many of the n bytes at s fit in cols columns (a zero-width mark stays with what it marks);
 * at least one code point when force, so that a wide one always makes progress. */
size_t utf8_fit(const char *s, size_t n, size_t cols, bool force);
/* The length of the control character at s (n bytes there) that must not reach a terminal:
 * C0, DEL, C1, a bidi embedding, override or isolate; 0 when s starts with something else. */
size_t utf8_control(const char *s, size_t n);
/* Write the n bytes at s for a terminal: controls as '?', invalid bytes as U+FFFD. */
void utf8_term_put(FILE *f, const char *s, size_t n);
/* Text s (several lines) made safe for a terminal, as a new string ("" for NULL): as
 * utf8_term_put writes it, but line breaks and tabs kept. */
char *utf8_term(const char *s);
/* Format like printf and write the text for a terminal, as utf8_term makes it. */
void utf8_term_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* utf8_term_printf with a va_list. */
void utf8_term_vprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* A JSON string of the n bytes at s (invalid bytes as U+FFFD); aborts when out of memory. */
json_t *utf8_jsonn(const char *s, size_t n);
/* A JSON string of s (invalid bytes as U+FFFD), or null when s is NULL; aborts when out of
 * memory. */
json_t *utf8_json(const char *s);
/* Write s escaped for HTML text and attributes: & < > " ' as entities, invalid bytes as
 * U+FFFD, C0 (but '\n' and '\t'), DEL and C1 left out. */
void utf8_html(FILE *f, const char *s);

#endif
