/* UTF-8, the one place that decodes it: validation, columns, and sanitising for each output. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* A range of code points, first..last. */
struct utf8_range {
	uint32_t first, last;
};

/*
 * Zero-width code points: the combining diacritical blocks, the combining marks of Hebrew and
 * Arabic, zero-width spaces, joiners and marks, the invisible format controls, variation
 * selectors, and the byte order mark (the bidi embeddings, overrides and isolates are not
 * here: a terminal is shown '?' for them, one column). Other scripts' marks (Indic vowel signs...)
 * count one column: a wrap a little early is harmless, and a full table would be thousands of
 * entries.
 */
static const struct utf8_range utf8_zero[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},   {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},   {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},   {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2065}, {0x206A, 0x206F},   {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

/* East Asian wide and fullwidth code points, as in Markus Kuhn's wcwidth: Hangul Jamo, CJK
 * (radicals to Yi, compatibility ideographs and forms), Hangul syllables, fullwidth forms,
 * the emoji blocks, and planes 2 and 3. */
static const struct utf8_range utf8_wide[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* The length of the sequence that lead byte c starts (1 to 4), or 0 when c cannot start one. */
size_t utf8_need(char c)
{
	unsigned char b = (unsigned char)c;

	if (b < 0x80)
		return 1;
	if (b < 0xC2 || b > 0xF4)
		return 0;
	return b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* The length of the well-formed sequence at s (n bytes there), with its code point in *cp;
 * 0 (and U+FFFD in *cp) when the bytes at s are not one. In a NUL-terminated string n may be
 * 4 whatever is left: decoding stops at the NUL, which is no continuation byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	uint32_t c, min;

	*cp = 0xFFFD;
	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((len = utf8_need(s[0])) == 0)
		return 0;
	min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
	if (n < len)
		return 0;
	c = p[0] & (0x7Fu >> len);
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Whether the n bytes at s are well-formed UTF-8 without NUL bytes. */
bool utf8_valid(const char *s, size_t n)
{
	uint32_t cp;

	for (size_t i = 0, k; i < n; i += k)
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0 || cp == 0)
			return false;
	return true;
}

/* Whether cp lies in one of the n ranges of r (sorted). */
static bool utf8_in(uint32_t cp, const struct utf8_range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* The columns code point cp takes on a terminal: 0 for combining marks and zero-width
 * characters, 2 for East Asian wide ones, 1 for the rest. */
int utf8_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (utf8_in(cp, utf8_zero, sizeof utf8_zero / sizeof *utf8_zero))
		return 0;
	return utf8_in(cp, utf8_wide, sizeof utf8_wide / sizeof *utf8_wide) ? 2 : 1;
}

/* The columns of the n bytes at s (an invalid byte, shown as U+FFFD, takes one). */
size_t utf8_cols(const char *s, size_t n)
{
	size_t w = 0, k;
	uint32_t cp;

	for (size_t i = 0; i < n; i += k ? k : 1) {
		k = utf8_decode(s + i, n - i, &cp);
		w += (size_t)utf8_width(cp);
	}
	return w;
}

/* How many of the n bytes at s fit in cols columns (a zero-width mark stays with what it marks);
 * at least one code point when force, so that a wide one always makes progress. */
size_t utf8_fit(const char *s, size_t n, size_t cols, bool force)
{
	size_t take = 0, used = 0, k, w;
	uint32_t cp;

	while (take < n) {
		k = utf8_decode(s + take, n - take, &cp);
		w = (size_t)utf8_width(cp);
		if (w > 0 && used + w > cols && !(force && take == 0))
			break;
		take += k ? k : 1;
		used += w;
	}
	return take;
}

/* The length of the control character at s (n bytes there) that must not reach a terminal:
 * C0, DEL, C1, a bidi embedding, override or isolate; 0 when s starts with something else. */
size_t utf8_control(const char *s, size_t n)
{
	uint32_t cp;
	size_t k = utf8_decode(s, n, &cp);

	if (k == 0)
		return 0;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069))
		return k;
	return 0;
}

/* Write the n bytes at s for a terminal: controls as '?' (but line breaks and tabs when lines),
 * invalid bytes as U+FFFD. */
static void utf8_term_write(FILE *f, const char *s, size_t n, bool lines)
{
	uint32_t cp;

	for (size_t i = 0, k; i < n; i += k) {
		if (lines && (s[i] == '\n' || s[i] == '\t')) {
			putc_unlocked(s[i], f);
			k = 1;
		} else if ((k = utf8_control(s + i, n - i)) > 0) {
			putc_unlocked('?', f);
		} else if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			fputs(UTF8_REPLACEMENT, f);
			k = 1;
		} else {
			fwrite(s + i, 1, k, f);
		}
	}
}

/* Write the n bytes at s for a terminal: controls as '?', invalid bytes as U+FFFD. */
void utf8_term_put(FILE *f, const char *s, size_t n)
{
	utf8_term_write(f, s, n, false);
}

/* Text s (several lines) made safe for a terminal, as a new string ("" for NULL): as
 * utf8_term_put writes it, but line breaks and tabs kept. */
char *utf8_term(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	if (f == NULL)
		abort();
	if (s != NULL)
		utf8_term_write(f, s, strlen(s), true);
	if (fclose(f) != 0)
		abort();
	return out;
}

/* Format like printf and write the text for a terminal, as utf8_term makes it. */
void utf8_term_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	utf8_term_vprintf(f, fmt, ap);
	va_end(ap);
}

/* utf8_term_printf with a va_list. */
void utf8_term_vprintf(FILE *f, const char *fmt, va_list ap)
{
	char *s = mem_vprintf(fmt, ap);

	utf8_term_write(f, s, strlen(s), true);
	free(s);
}

/* The n bytes at s with each invalid byte as U+FFFD, as a new string of *len bytes. */
static char *utf8_fix(const char *s, size_t n, size_t *len)
{
	char *out = mem_calloc(n * 3 + 1, 1), *o = out;
	uint32_t cp;

	for (size_t i = 0, k; i < n; i += k) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			memcpy(o, UTF8_REPLACEMENT, 3);
			o += 3;
			k = 1;
		} else {
			memcpy(o, s + i, k);
			o += k;
		}
	}
	*len = (size_t)(o - out);
	return out;
}

/* A JSON string of the n bytes at s (invalid bytes as U+FFFD); aborts when out of memory. */
json_t *utf8_jsonn(const char *s, size_t n)
{
	json_t *j = json_stringn(s, n);

	if (j == NULL) {
		size_t len;
		char *fixed = utf8_fix(s, n, &len);
		j = json_stringn(fixed, len);
		free(fixed);
	}
	if (j == NULL)
		abort();
	return j;
}

/* A JSON string of s (invalid bytes as U+FFFD), or null when s is NULL; aborts when out of
 * memory. */
json_t *utf8_json(const char *s)
{
	return s == NULL ? json_null() : utf8_jsonn(s, strlen(s));
}

/* Write s escaped for HTML text and attributes: & < > " ' as entities, invalid bytes as
 * U+FFFD, C0 (but '\n' and '\t'), DEL and C1 left out. */
void utf8_html(FILE *f, const char *s)
{
	static const char *const ent[] = {
	    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;"};
	size_t n = strlen(s), k;
	uint32_t cp;

	for (size_t i = 0; i < n; i += k) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			fputs(UTF8_REPLACEMENT, f);
			k = 1;
		} else if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F)) {
			continue;
		} else if (cp < sizeof ent / sizeof *ent && ent[cp] != NULL) {
			fputs(ent[cp], f);
		} else {
			fwrite(s + i, 1, k, f);
		}
	}
}
