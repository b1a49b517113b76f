/* Text for a raw terminal: CR LF line ends, and colours where they help. */
#include "paint.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"

#define PAINT_HEADER "\x1b[1;33m"   /* bold yellow: an inject's header */
#define PAINT_DEADLINE "\x1b[1;31m" /* bold red: a deadline that is near */
#define PAINT_ERROR "\x1b[31m"      /* red: an error */
#define PAINT_RESET "\x1b[0m"

/* Output being built. */
struct paint_out {
	char *p;
	size_t n, cap;
};

/* Append n bytes. */
static void paint_put(struct paint_out *o, const char *p, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		o->cap = (o->n + n + 1) * 2;
		o->p = mem_realloc(o->p, o->cap);
	}
	memcpy(o->p + o->n, p, n);
	o->n += n;
	o->p[o->n] = '\0';
}

/* Whether a line of n bytes says "answer by T+HH:MM:SS" with that time at most PAINT_NEAR ahead. */
static bool paint_near(const char *p, size_t n, long now)
{
	static const char key[] = "answer by T+";
	const size_t k = sizeof key - 1;

	for (size_t i = 0; i + k + 8 <= n; i++) {
		const char *d = p + i + k;
		long h = 0, t;
		size_t j = 0;

		if (memcmp(p + i, key, k) != 0)
			continue;
		while (i + k + j < n && d[j] >= '0' && d[j] <= '9' && j < 6)
			h = h * 10 + (d[j++] - '0');
		if (j == 0 || i + k + j + 6 > n || d[j] != ':' || d[j + 3] != ':')
			continue;
		t = h * 3600 + ((d[j + 1] - '0') * 10 + (d[j + 2] - '0')) * 60 +
		    (d[j + 4] - '0') * 10 + (d[j + 5] - '0');
		if (t >= now && t - now <= PAINT_NEAR)
			return true;
	}
	return false;
}

/* The colour of one line (NULL: none); *header says whether an inject's header goes on. */
static const char *paint_color(const struct paint *pt, const char *p, size_t n, bool *header)
{
	if (pt->error)
		return PAINT_ERROR;
	if (n >= 7 && memcmp(p, "INJECT ", 7) == 0)
		*header = true;
	else if (!(n >= 4 && memcmp(p, "    ", 4) == 0))
		*header = false; /* a header's wrapped lines are indented; the next line is not */
	if (*header)
		return PAINT_HEADER;
	return paint_near(p, n, pt->now) ? PAINT_DEADLINE : NULL;
}

/*
 * Bytes of the n at p that fit in cols columns, ending at a space when one is there; at least one
 * code point, so that a line always shrinks.
 */
static size_t paint_fit(const char *p, size_t n, size_t cols)
{
	size_t i = 0, w = 0, space = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(p + i, n - i, &cp);

		k = k != 0 ? k : 1;
		if (i > 0 && w + (size_t)utf8_width(cp) > cols)
			return p[i] == ' ' || space == 0 ? i : space;
		if (p[i] == ' ')
			space = i;
		w += (size_t)utf8_width(cp);
		i += k;
	}
	return n;
}

/*
 * Where the pieces of a wrapped line p (n bytes) continue: under a column of a table (after the
 * line's last run of two spaces or more that is at most two thirds of cols in, "  status    the
 * clock..."), else two columns further in than the line, else at its start.
 */
static size_t paint_hang(const char *p, size_t n, size_t cols)
{
	size_t lead = strspn(p, " "), hang = lead + 2;

	for (size_t i = lead; i + 2 < n && i < cols; i++)
		if (p[i] == ' ' && p[i + 1] == ' ') {
			size_t j = i + strspn(p + i, " "), at;

			if (j < n && j < cols && (at = utf8_cols(p, j)) <= cols * 2 / 3)
				hang = at;
			i = j;
		}
	return hang <= cols * 2 / 3 ? hang : 0;
}

/* Line p (n bytes) of a reply, wrapped at pt->cols: its pieces continue at paint_hang. */
static void paint_line(struct paint_out *o, const struct paint *pt, const char *p, size_t n,
                       const char *color)
{
	size_t cols = (size_t)pt->cols, indent = cols > 0 ? paint_hang(p, n, cols) : 0;

	for (bool first = true;; first = false) {
		size_t room = first ? cols : cols - indent;
		size_t k = pt->cols > 0 && utf8_cols(p, n) > room ? paint_fit(p, n, room) : n;

		if (!first)
			paint_put(o, "\r\n", 2);
		for (size_t i = 0; !first && i < indent; i++)
			paint_put(o, " ", 1);
		if (color != NULL)
			paint_put(o, color, strlen(color));
		paint_put(o, p, k);
		if (color != NULL)
			paint_put(o, PAINT_RESET, sizeof PAINT_RESET - 1);
		p += k;
		n -= k;
		while (n > 0 && *p == ' ') {
			p++;
			n--;
		}
		if (n == 0)
			return;
	}
}

/* The n bytes at p painted as pt says: a new string, its length in *len. */
char *paint_text(const struct paint *pt, const char *p, size_t n, size_t *len)
{
	struct paint_out o = {0};
	bool header = false;

	paint_put(&o, "", 0);
	while (n > 0) {
		const char *nl = memchr(p, '\n', n);
		size_t k = nl != NULL ? (size_t)(nl - p) : n;
		const char *color = pt->color && k > 0 ? paint_color(pt, p, k, &header) : NULL;

		paint_line(&o, pt, p, k, color);
		if (nl == NULL)
			break;
		paint_put(&o, "\r\n", 2);
		p += k + 1;
		n -= k + 1;
	}
	*len = o.n;
	return o.p;
}
