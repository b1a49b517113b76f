/* Where a field of a declaration is written: a small Lua lexer over the scenario's text. */
#include "fieldline.h"

#include <stdbool.h>
#include <string.h>

/* A cursor over the text: where it is and on which line. */
struct fieldline {
	const char *p, *end;
	int line;
};

/* Whether c may start (or, with digits, continue) a Lua name. */
static bool fieldline_namechar(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       (!first && c >= '0' && c <= '9');
}

/* Step over n bytes, counting the line breaks among them. */
static void fieldline_skip(struct fieldline *f, size_t n)
{
	for (; n > 0 && f->p < f->end; n--, f->p++)
		f->line += *f->p == '\n';
}

/* The level of a long bracket at p ("[[" 0, "[==[" 2), or -1 when p does not open one. */
static int fieldline_level(const struct fieldline *f, const char *p)
{
	int level = 0;

	if (p >= f->end || *p != '[')
		return -1;
	for (p++; p < f->end && *p == '='; p++)
		level++;
	return p < f->end && *p == '[' ? level : -1;
}

/* Step over a long string or comment of level at the cursor (its "[==[" included). */
static void fieldline_long(struct fieldline *f, int level)
{
	fieldline_skip(f, (size_t)level + 2);
	while (f->p < f->end) {
		if (*f->p == ']') {
			const char *q = f->p + 1;
			int n = 0;
			for (; q < f->end && *q == '='; q++)
				n++;
			if (n == level && q < f->end && *q == ']') {
				fieldline_skip(f, (size_t)(q + 1 - f->p));
				return;
			}
		}
		fieldline_skip(f, 1);
	}
}

/* Step over a quoted string at the cursor, escapes included. */
static void fieldline_quoted(struct fieldline *f)
{
	char q = *f->p;

	fieldline_skip(f, 1);
	while (f->p < f->end && *f->p != q && *f->p != '\n')
		fieldline_skip(f, *f->p == '\\' && f->p + 1 < f->end ? 2 : 1);
	fieldline_skip(f, 1);
}

/* Step over blanks and comments. */
static void fieldline_blanks(struct fieldline *f)
{
	while (f->p < f->end) {
		if (strchr(" \t\r\n\f\v", *f->p) != NULL) {
			fieldline_skip(f, 1);
		} else if (f->end - f->p >= 2 && f->p[0] == '-' && f->p[1] == '-') {
			int level = fieldline_level(f, f->p + 2);
			fieldline_skip(f, 2);
			if (level >= 0)
				fieldline_long(f, level);
			else
				while (f->p < f->end && *f->p != '\n')
					f->p++;
		} else {
			return;
		}
	}
}

/*
 * Move to the next token; its first byte is left at f->p and its length returned (0 at the end).
 * Strings and long strings are one token each.
 */
static size_t fieldline_token(struct fieldline *f)
{
	const char *s;
	int level;

	fieldline_blanks(f);
	s = f->p;
	if (s >= f->end)
		return 0;
	if (fieldline_namechar(*s, true) || (*s >= '0' && *s <= '9')) {
		while (s < f->end && fieldline_namechar(*s, false))
			s++;
		return (size_t)(s - f->p);
	}
	if (*s == '"' || *s == '\'') {
		struct fieldline g = *f;
		fieldline_quoted(&g);
		return (size_t)(g.p - f->p);
	}
	if ((level = fieldline_level(f, s)) >= 0) {
		struct fieldline g = *f;
		fieldline_long(&g, level);
		return (size_t)(g.p - f->p);
	}
	return f->end - s >= 2 && s[0] == '=' && s[1] == '=' ? 2 : 1;
}

/* Whether the token at the cursor, of length n, is exactly word. */
static bool fieldline_is(const struct fieldline *f, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(f->p, word, n) == 0;
}

/*
 * The cursor is just inside a table constructor: the line of the key name written directly in
 * it (name = ...), the cursor left after its '='; or 0.
 */
static int fieldline_key(struct fieldline *f, const char *name)
{
	int depth = 0;
	bool start = true; /* the next token may be a key */
	size_t n;

	while ((n = fieldline_token(f)) > 0) {
		if (depth == 0 && start && fieldline_is(f, n, name)) {
			struct fieldline g = *f;
			int line = f->line;
			fieldline_skip(&g, n);
			if (fieldline_token(&g) == 1 && *g.p == '=') {
				fieldline_skip(&g, 1);
				*f = g;
				return line;
			}
		}
		start = false;
		if (n == 1 && strchr("{([", *f->p) != NULL) {
			depth++;
		} else if (n == 1 && strchr("})]", *f->p) != NULL) {
			if (depth-- == 0)
				return 0;
		} else if (n == 1 && depth == 0 && (*f->p == ',' || *f->p == ';')) {
			start = true;
		}
		fieldline_skip(f, n);
	}
	return 0;
}

/* Where a field is written (see fieldline.h). */
int fieldline_find(const char *src, size_t len, int decl_line, const char *kind, const char *in,
                   const char *name)
{
	struct fieldline f = {src, src + len, 1};
	size_t n;

	if (src == NULL || decl_line <= 0 || kind == NULL || name == NULL)
		return 0;
	while (f.p < f.end && f.line < decl_line)
		fieldline_skip(&f, 1);
	for (n = fieldline_token(&f); n > 0 && !fieldline_is(&f, n, kind);
	     n = fieldline_token(&f)) {
		if (f.line > decl_line)
			return 0;
		fieldline_skip(&f, n);
	}
	if (n == 0 || f.line != decl_line)
		return 0;
	fieldline_skip(&f, n);
	if ((n = fieldline_token(&f)) == 1 && *f.p == '(') {
		fieldline_skip(&f, 1);
		n = fieldline_token(&f);
	}
	if (n != 1 || *f.p != '{')
		return 0;
	fieldline_skip(&f, 1);
	if (in == NULL)
		return fieldline_key(&f, name);
	if (fieldline_key(&f, in) == 0 || fieldline_token(&f) != 1 || *f.p != '{')
		return 0;
	fieldline_skip(&f, 1);
	return fieldline_key(&f, name);
}
