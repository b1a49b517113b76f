/* The line editor: keystrokes to screen bytes and lines, in the manner of linenoise. */
#include "ledit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/utf8.h"

/* Screen bytes being built for one update. */
struct ledit_scr {
	char *p;
	size_t n, cap;
};

/* Append n bytes to the screen update. */
static void ledit_put(struct ledit_scr *s, const char *p, size_t n)
{
	if (s->n + n > s->cap) {
		s->cap = (s->n + n) * 2 + 64;
		s->p = mem_realloc(s->p, s->cap);
	}
	memcpy(s->p + s->n, p, n);
	s->n += n;
}

/* Send the screen update to the client and free it. */
static void ledit_send(struct ledit *ed, struct ledit_scr *s)
{
	if (s->n > 0)
		ed->out(ed->ctx, s->p, s->n);
	free(s->p);
}

/* Send a NUL-terminated string to the client. */
static void ledit_say(struct ledit *ed, const char *s)
{
	ed->out(ed->ctx, s, strlen(s));
}

/* The byte offset of the code point cols columns into the n bytes at p (n if fewer); zero-width
 * marks stay with what they mark. */
static size_t ledit_offset(const char *p, size_t n, size_t cols)
{
	return cols > 0 ? utf8_fit(p, n, cols, false) : 0;
}

/* Whether the code point at pos of the line takes no column (a combining mark). */
static bool ledit_mark(const struct ledit *ed, size_t pos)
{
	uint32_t cp;

	return pos < ed->len && utf8_decode(ed->buf + pos, ed->len - pos, &cp) > 0 &&
	       utf8_width(cp) == 0;
}

/* The character boundary before pos (a letter and its combining marks are one). */
static size_t ledit_prev(const struct ledit *ed, size_t pos)
{
	do
		while (pos > 0 && !utf8_lead(ed->buf[--pos]))
			;
	while (pos > 0 && ledit_mark(ed, pos));
	return pos;
}

/* The character boundary after pos (a letter and its combining marks are one). */
static size_t ledit_next(const struct ledit *ed, size_t pos)
{
	do {
		if (pos < ed->len)
			pos++;
		while (pos < ed->len && !utf8_lead(ed->buf[pos]))
			pos++;
	} while (ledit_mark(ed, pos));
	return pos;
}

/* Columns the line may use on its row, after the prompt (the last column stays free). */
static size_t ledit_area(const struct ledit *ed)
{
	size_t w = ed->width > 1 ? (size_t)ed->width - 1 : 1;

	return w > ed->prompt_cols + 1 ? w - ed->prompt_cols : 1;
}

/* Choose the first column shown so that the cursor is on the row. */
static void ledit_place(struct ledit *ed)
{
	size_t area = ledit_area(ed), total = utf8_cols(ed->buf, ed->len);
	size_t cc = utf8_cols(ed->buf, ed->pos);

	if (total <= area) {
		ed->scroll = 0;
		return;
	}
	if (cc < ed->scroll)
		ed->scroll = cc;
	else if (cc >= ed->scroll + area)
		ed->scroll = cc - area + 1;
	if (ed->scroll > 0 && total + 1 < ed->scroll + area)
		ed->scroll = total + 1 - area;
	/* never half a wide code point */
	ed->scroll = utf8_cols(ed->buf, ledit_offset(ed->buf, ed->len, ed->scroll));
}

/* Draw the prompt and the visible part of the line on the current row, then place the cursor. */
static void ledit_refresh(struct ledit *ed)
{
	struct ledit_scr s = {0};
	size_t from, to, col;
	char mv[32];

	ledit_place(ed);
	from = ledit_offset(ed->buf, ed->len, ed->scroll);
	to = from + ledit_offset(ed->buf + from, ed->len - from, ledit_area(ed));
	ledit_put(&s, "\r", 1);
	ledit_put(&s, ed->prompt, strlen(ed->prompt));
	ledit_put(&s, ed->buf + from, to - from);
	ledit_put(&s, "\x1b[K\r", 4);
	col = ed->prompt_cols + utf8_cols(ed->buf, ed->pos) - ed->scroll;
	if (col > 0) {
		snprintf(mv, sizeof mv, "\x1b[%zuC", col);
		ledit_put(&s, mv, strlen(mv));
	}
	ed->visible = true;
	ledit_send(ed, &s);
}

/* Make room for n more bytes of line. */
static void ledit_reserve(struct ledit *ed, size_t n)
{
	if (ed->buf == NULL || ed->len + n > ed->cap) {
		ed->cap = ed->len + n + 64;
		ed->buf = mem_realloc(ed->buf, ed->cap);
	}
}

/* Replace the line with the n bytes at p, the cursor at its end. */
static void ledit_set(struct ledit *ed, const char *p, size_t n)
{
	ed->len = 0;
	ledit_reserve(ed, n);
	memcpy(ed->buf, p, n);
	ed->len = ed->pos = n;
	ledit_refresh(ed);
}

/*
 * Replace the bytes from a to b of the line with the n bytes at p (whole code points), the cursor
 * after them; a bell when the line would be too long.
 */
static void ledit_splice(struct ledit *ed, size_t a, size_t b, const char *p, size_t n)
{
	bool typed = a == ed->len && b == a; /* typing at the end: the echo is enough */

	if (ed->len - (b - a) + n > ed->max) {
		ledit_say(ed, "\a");
		return;
	}
	ledit_reserve(ed, n);
	memmove(ed->buf + a + n, ed->buf + b, ed->len - b);
	memcpy(ed->buf + a, p, n);
	ed->len = ed->len - (b - a) + n;
	ed->pos = a + n;
	if (typed && ed->visible && ed->scroll == 0 &&
	    utf8_cols(ed->buf, ed->len) <= ledit_area(ed))
		ed->out(ed->ctx, p, n);
	else
		ledit_refresh(ed);
}

/* Insert n bytes (whole code points) at the cursor. */
static void ledit_insert(struct ledit *ed, const char *p, size_t n)
{
	ledit_splice(ed, ed->pos, ed->pos, p, n);
}

/* Delete the bytes from a to b of the line. */
static void ledit_cut(struct ledit *ed, size_t a, size_t b)
{
	ledit_splice(ed, a, b, "", 0);
}

/* Ctrl-W: delete the word before the cursor and the blanks after it. */
static void ledit_cut_word(struct ledit *ed)
{
	size_t a = ed->pos;

	while (a > 0 && ed->buf[a - 1] == ' ')
		a--;
	while (a > 0 && ed->buf[a - 1] != ' ')
		a--;
	ledit_cut(ed, a, ed->pos);
}

/* Keep a finished line for up and down, unless it is empty or the same as the last one. */
static void ledit_remember(struct ledit *ed)
{
	const char *last = ed->n_hist > 0 ? ed->hist[ed->n_hist - 1] : NULL;

	if (ed->len == 0 ||
	    (last != NULL && strlen(last) == ed->len && memcmp(last, ed->buf, ed->len) == 0))
		return;
	if (ed->n_hist == LEDIT_HISTORY) {
		free(ed->hist[0]);
		memmove(ed->hist, ed->hist + 1, (LEDIT_HISTORY - 1) * sizeof ed->hist[0]);
		ed->n_hist--;
	}
	ed->hist[ed->n_hist++] = mem_strndup(ed->buf, ed->len);
}

/* Up (dir -1) or down (+1) through the history; the line being typed is kept as a draft. */
static void ledit_history(struct ledit *ed, int dir)
{
	int to = ed->hist_at + dir;

	if (to < 0 || to > ed->n_hist) {
		ledit_say(ed, "\a");
		return;
	}
	if (ed->hist_at == ed->n_hist) {
		free(ed->draft);
		ed->draft = mem_strndup(ed->buf, ed->len);
	}
	ed->hist_at = to;
	if (to == ed->n_hist)
		ledit_set(ed, ed->draft, strlen(ed->draft));
	else
		ledit_set(ed, ed->hist[to], strlen(ed->hist[to]));
}

/* Enter: the line is finished; a new, empty one starts on the next row, without a prompt. */
static void ledit_enter(struct ledit *ed)
{
	char *line = mem_strndup(ed->buf, ed->len);
	size_t n = ed->len;

	ledit_remember(ed);
	ed->hist_at = ed->n_hist;
	free(ed->draft);
	ed->draft = NULL;
	ed->len = ed->pos = ed->scroll = 0;
	ed->prompt[0] = '\0';
	ed->prompt_cols = 0;
	ledit_say(ed, "\r\n");
	ed->visible = true; /* an empty line on an empty row */
	ed->line(ed->ctx, line, n);
	free(line);
}

/* Ctrl-C: drop the line being typed (marked ^C where the row has room) and start again below. */
static void ledit_cancel(struct ledit *ed)
{
	ed->pos = ed->len;
	ledit_refresh(ed);
	if (ed->prompt_cols + utf8_cols(ed->buf, ed->len) - ed->scroll + 2 < (size_t)ed->width)
		ledit_say(ed, "^C");
	ed->len = ed->pos = ed->scroll = 0;
	ed->hist_at = ed->n_hist;
	ledit_say(ed, "\r\n");
	ledit_refresh(ed);
}

/* The candidates of a completion that match the word typed. */
struct ledit_cands {
	const char *word; /* the word before the cursor */
	size_t n_word;
	char **v;
	size_t n;
};

/* A completer's candidate: kept when it starts with the word (ASCII case ignored). */
static void ledit_cand(void *arg, const char *w)
{
	struct ledit_cands *c = arg;

	if (strlen(w) < c->n_word || strncasecmp(w, c->word, c->n_word) != 0 || c->n >= 256)
		return;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], w) == 0)
			return;
	c->v = mem_realloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n++] = mem_strdup(w);
}

/* Bytes that every candidate has in common at its start (ASCII case ignored). */
static size_t ledit_common(const struct ledit_cands *c)
{
	size_t k = strlen(c->v[0]);

	for (size_t i = 1; i < c->n; i++) {
		size_t j = 0;

		while (j < k && c->v[i][j] != '\0' && strncasecmp(c->v[i] + j, c->v[0] + j, 1) == 0)
			j++;
		k = j;
	}
	while (k > 0 && !utf8_lead(c->v[0][k]))
		k--; /* never half a code point */
	return k;
}

/* List the candidates below the line, then draw the line again under them. */
static void ledit_list(struct ledit *ed, const struct ledit_cands *c)
{
	size_t col = 0;

	ledit_say(ed, "\r\n");
	for (size_t i = 0; i < c->n; i++) {
		size_t w = utf8_cols(c->v[i], strlen(c->v[i]));

		if (col > 0 && col + 2 + w >= (size_t)ed->width) {
			ledit_say(ed, "\r\n");
			col = 0;
		} else if (col > 0) {
			ledit_say(ed, "  ");
			col += 2;
		}
		ledit_say(ed, c->v[i]);
		col += w;
	}
	ledit_say(ed, "\r\n");
	ledit_refresh(ed);
}

/* Tab: complete the word before the cursor, or list what it may become. */
static void ledit_tab(struct ledit *ed)
{
	struct ledit_cands c = {0};
	size_t start = ed->pos, k;

	while (start > 0 && ed->buf[start - 1] != ' ')
		start--;
	c.word = ed->buf + start;
	c.n_word = ed->pos - start;
	if (ed->complete != NULL)
		ed->complete(ed->ctx, ed->buf, ed->pos, ledit_cand, &c);
	if (c.n == 0) {
		ledit_say(ed, "\a");
	} else if ((k = ledit_common(&c)) > c.n_word || c.n == 1) {
		bool space = c.n == 1 && (ed->pos == ed->len || ed->buf[ed->pos] != ' ');
		char *w = mem_printf("%.*s%s", (int)k, c.v[0], space ? " " : "");

		ledit_splice(ed, start, ed->pos, w, strlen(w));
		free(w);
	} else {
		ledit_list(ed, &c);
	}
	for (size_t i = 0; i < c.n; i++)
		free(c.v[i]);
	free(c.v);
}

/* Move the cursor to byte pos of the line. */
static void ledit_move(struct ledit *ed, size_t pos)
{
	ed->pos = pos;
	ledit_refresh(ed);
}

/* The final byte of a CSI sequence (ESC [ ... c) or of ESC O c: arrows, Home, End, Delete. */
static void ledit_csi(struct ledit *ed, unsigned char c)
{
	int n = c == '~' ? ed->csi_num : 0;

	if (c == 'A')
		ledit_history(ed, -1);
	else if (c == 'B')
		ledit_history(ed, 1);
	else if (c == 'C')
		ledit_move(ed, ledit_next(ed, ed->pos));
	else if (c == 'D')
		ledit_move(ed, ledit_prev(ed, ed->pos));
	else if (c == 'H' || n == 1 || n == 7)
		ledit_move(ed, 0);
	else if (c == 'F' || n == 4 || n == 8)
		ledit_move(ed, ed->len);
	else if (n == 3 && ed->pos < ed->len)
		ledit_cut(ed, ed->pos, ledit_next(ed, ed->pos));
}

/* One byte of an escape sequence. */
static void ledit_escape(struct ledit *ed, unsigned char c)
{
	if (ed->esc == 1) {
		ed->csi_num = 0;
		ed->esc = c == '[' ? 2 : c == 'O' ? 3 : 0; /* ESC and another key: both ignored */
	} else if (ed->esc == 2 && c >= '0' && c <= '9') {
		if (ed->csi_num < 1000)
			ed->csi_num = ed->csi_num * 10 + (c - '0');
	} else if (ed->esc == 2 && c >= 0x20 && c <= 0x3f) {
		/* other parameter and intermediate bytes: read and ignored */
	} else {
		ed->esc = 0;
		if (c >= 0x40 && c <= 0x7e)
			ledit_csi(ed, c);
	}
}

/* A control key (below 0x20, or DEL). */
static void ledit_control(struct ledit *ed, unsigned char c)
{
	switch (c) {
	case '\r':
	case '\n':
		ledit_enter(ed);
		break;
	case 0x7f:
	case '\b':
		if (ed->pos > 0)
			ledit_cut(ed, ledit_prev(ed, ed->pos), ed->pos);
		break;
	case 0x01: /* Ctrl-A */
		ledit_csi(ed, 'H');
		break;
	case 0x05: /* Ctrl-E */
		ledit_csi(ed, 'F');
		break;
	case 0x02: /* Ctrl-B */
		ledit_csi(ed, 'D');
		break;
	case 0x06: /* Ctrl-F */
		ledit_csi(ed, 'C');
		break;
	case 0x10: /* Ctrl-P */
		ledit_history(ed, -1);
		break;
	case 0x0e: /* Ctrl-N */
		ledit_history(ed, 1);
		break;
	case 0x04: /* Ctrl-D */
		if (ed->pos < ed->len)
			ledit_cut(ed, ed->pos, ledit_next(ed, ed->pos));
		break;
	case 0x0b: /* Ctrl-K */
		ledit_cut(ed, ed->pos, ed->len);
		break;
	case 0x15: /* Ctrl-U */
		ledit_cut(ed, 0, ed->pos);
		break;
	case 0x17: /* Ctrl-W */
		ledit_cut_word(ed);
		break;
	case 0x0c: /* Ctrl-L */
		ledit_refresh(ed);
		break;
	case 0x03: /* Ctrl-C */
		ledit_cancel(ed);
		break;
	case '\t':
		ledit_tab(ed);
		break;
	case 0x1b:
		ed->esc = 1;
		break;
	default: /* other control keys do nothing */
		break;
	}
}

/* A byte of a code point above U+007F: inserted once it is whole, dropped with a bell if bad. */
static void ledit_utf8(struct ledit *ed, unsigned char c)
{
	if (ed->utf8_len == 0) {
		ed->utf8_need = (int)utf8_need((char)c);
		if (ed->utf8_need < 2) {
			ledit_say(ed, "\a");
			return;
		}
	} else if (utf8_lead((char)c)) {
		ed->utf8_len = 0;
		ledit_say(ed, "\a");
		ledit_feed(ed, &c, 1); /* the byte that broke the sequence starts anew */
		return;
	}
	ed->utf8[ed->utf8_len++] = c;
	if (ed->utf8_len < ed->utf8_need)
		return;
	ed->utf8_len = 0;
	if (utf8_valid((const char *)ed->utf8, (size_t)ed->utf8_need))
		ledit_insert(ed, (const char *)ed->utf8, (size_t)ed->utf8_need);
	else
		ledit_say(ed, "\a");
}

/* Handle n keystroke bytes (any split of the stream). */
void ledit_feed(struct ledit *ed, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		bool cr = ed->after_cr;

		ed->after_cr = c == '\r';
		if (ed->utf8_len > 0 || (c >= 0x80 && ed->esc == 0))
			ledit_utf8(ed, c);
		else if (ed->esc != 0)
			ledit_escape(ed, c);
		else if (c == '\n' && cr)
			continue; /* CR LF is one Enter */
		else if (c < 0x20 || c == 0x7f)
			ledit_control(ed, c);
		else
			ledit_insert(ed, (const char *)&c, 1);
	}
}

/* An empty editor for a screen of width columns and lines of at most max bytes; not visible. */
void ledit_init(struct ledit *ed, int width, size_t max, void *ctx)
{
	memset(ed, 0, sizeof *ed);
	ed->width = width;
	ed->max = max;
	ed->ctx = ctx;
	ledit_reserve(ed, 0);
}

/* Free the line and the history. */
void ledit_free(struct ledit *ed)
{
	free(ed->buf);
	free(ed->draft);
	for (int i = 0; i < ed->n_hist; i++)
		free(ed->hist[i]);
	ed->buf = ed->draft = NULL;
	ed->n_hist = 0;
}

/* Set the prompt (cut to LEDIT_PROMPT_MAX bytes) and draw it with the line. */
void ledit_prompt(struct ledit *ed, const char *prompt)
{
	size_t n = strlen(prompt);

	if (n > LEDIT_PROMPT_MAX)
		n = LEDIT_PROMPT_MAX;
	while (n > 0 && !utf8_lead(prompt[n]))
		n--;
	memcpy(ed->prompt, prompt, n);
	ed->prompt[n] = '\0';
	ed->prompt_cols = utf8_cols(prompt, n);
	ledit_refresh(ed);
}

/* Clear the row of the prompt and line, so that other output may take its place. */
void ledit_hide(struct ledit *ed)
{
	if (!ed->visible)
		return;
	ledit_say(ed, "\r\x1b[K");
	ed->visible = false;
}

/* Draw the prompt and line again (after ledit_hide and the other output). */
void ledit_show(struct ledit *ed)
{
	if (!ed->visible)
		ledit_refresh(ed);
}

/* The screen has width columns now. */
void ledit_resize(struct ledit *ed, int width)
{
	ed->width = width;
	if (ed->visible)
		ledit_refresh(ed);
}
