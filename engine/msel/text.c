/* Text helpers of the MSEL import: cleaning spreadsheet cells, short forms. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"

/* How long a subject may be before text_headline cuts it. */
#define TEXT_HEADLINE 100

/* The length of the blank at s (ASCII blank or line break, or a no-break space), else 0. */
static size_t text_blank(const char *s)
{
	uint32_t cp;

	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
		return 1;
	return utf8_decode(s, 2, &cp) == 2 && cp == 0xA0 ? 2 : 0;
}

/* A cell's text without blanks at the ends and with LF line breaks, NULL if empty. */
char *text_clean(const char *s)
{
	size_t k, n, o = 0;
	char *out;

	while ((k = text_blank(s)) > 0)
		s += k;
	n = strlen(s);
	for (;;) {
		if (n >= 1 && text_blank(s + n - 1) == 1)
			n--;
		else if (n >= 2 && text_blank(s + n - 2) == 2)
			n -= 2;
		else
			break;
	}
	if (n == 0)
		return NULL;
	out = mem_realloc(NULL, n + 1);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		out[o++] = s[i] == '\r' ? '\n' : s[i];
	}
	out[o] = '\0';
	return out;
}

/* text_clean, then every run of blanks and line breaks as one space; NULL if empty. */
char *text_oneline(const char *s)
{
	char *out = text_clean(s);
	size_t o = 0;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; out[i] != '\0'; i++) {
		bool blank = out[i] == ' ' || out[i] == '\t' || out[i] == '\n' || out[i] == '\v' ||
		             out[i] == '\f';
		if (!blank)
			out[o++] = out[i];
		else if (o > 0 && out[o - 1] != ' ')
			out[o++] = ' ';
	}
	out[o] = '\0';
	return out;
}

/* A short printable form of s for messages, in buf of size n. */
void text_show(const char *s, char *buf, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), o = 0, k, limit = n > 44 ? 40 : (n > 4 ? n - 4 : 0);
	uint32_t cp;

	if (n == 0)
		return;
	for (size_t i = 0; i < len; i += k) {
		k = utf8_decode(s + i, len - i, &cp);
		if (o + (k ? k : 3) > limit) {
			if (n >= 4) {
				memcpy(buf + o, "...", 3);
				o += 3;
			}
			break;
		}
		if (k == 0) {
			memcpy(buf + o, UTF8_REPLACEMENT, 3);
			o += 3;
			k = 1;
		} else if (k == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
			buf[o++] = ' ';
		} else {
			memcpy(buf + o, p + i, k);
			o += k;
		}
	}
	buf[o] = '\0';
}

/* The first line of s, cut at a word near 100 bytes with "..."; *whole: it is all of s. */
char *text_headline(const char *s, bool *whole)
{
	size_t line = strcspn(s, "\n"), space = 0, end = 0, k;
	uint32_t cp;

	*whole = s[line] == '\0';
	if (line <= TEXT_HEADLINE)
		return mem_strndup(s, line);
	*whole = false;
	for (size_t i = 0; i < line; i += k) {
		k = utf8_decode(s + i, line - i, &cp);
		k = k ? k : 1;
		if (i + k > TEXT_HEADLINE - 3)
			break;
		end = i + k;
		if (s[i] == ' ')
			space = i;
	}
	end = space >= TEXT_HEADLINE / 2 ? space : end;
	while (end > 0 && strchr(" ,;:-", s[end - 1]) != NULL)
		end--;
	return mem_printf("%.*s...", (int)end, s);
}

/* a (malloc'd or NULL) with sep and b appended; returns the new malloc'd string. */
char *text_join(char *a, const char *sep, const char *b)
{
	char *out;

	if (a == NULL)
		return mem_printf("%s", b);
	out = mem_printf("%s%s%s", a, sep, b);
	free(a);
	return out;
}
