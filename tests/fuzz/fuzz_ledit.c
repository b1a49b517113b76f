/*
 * Fuzz target: the line editor (engine/net/ledit.c). Byte 0 sets the screen's width, byte 1 the
 * longest line; the rest are keystrokes, fed one at a time, except 0xFF (an event arrives: the
 * line is hidden, the event printed, the line drawn again) and 0xFE (the window is resized).
 * A small terminal emulator reads the editor's output. After every key the row must show the
 * prompt and the part of the line the editor says it shows, with the cursor on the line's
 * cursor; every line sent must be valid UTF-8 within the limit and, whenever it fitted on the
 * row, be exactly what the row showed when Enter was pressed.
 */
#include <string.h>

#include "../net/vt.h"
#include "core/utf8.h"
#include "fuzz.h"
#include "net/ledit.h"

/* The editor, its screen, and the row before the last key. */
struct fz {
	struct ledit ed;
	struct vt vt;
	char prompt[LEDIT_PROMPT_MAX + 1]; /* the prompt before the key */
	char *line;                        /* the line before the key, NUL-terminated */
	bool fitted;                       /* the row showed all of it */
	int lines;
};

/* Columns the line may use after the prompt (as the editor counts them). */
static size_t fz_area(const struct ledit *ed)
{
	size_t w = ed->width > 1 ? (size_t)ed->width - 1 : 1;

	return w > ed->prompt_cols + 1 ? w - ed->prompt_cols : 1;
}

/* The editor writes to the screen. */
static void fz_out(void *ctx, const char *p, size_t n)
{
	vt_feed(&((struct fz *)ctx)->vt, p, n);
}

/* A line was sent: valid, within the limit, and what the row showed when it fitted. */
static void fz_line(void *ctx, const char *p, size_t n)
{
	struct fz *f = ctx;
	char row[VT_COLS * 5], want[VT_COLS * 5];

	FUZZ_CHECK(n <= f->ed.max && utf8_valid(p, n));
	if (f->fitted) {
		size_t k = strlen(f->prompt);

		FUZZ_CHECK(strlen(f->line) == n && memcmp(f->line, p, n) == 0);
		FUZZ_CHECK(k + n < sizeof want);
		memcpy(want, f->prompt, k);
		memcpy(want + k, p, n);
		want[k + n] = '\0';
		FUZZ_CHECK(strcmp(vt_row(&f->vt, -2, row, sizeof row), want) == 0);
	}
	f->lines++;
}

/* Completion candidates, some sharing a start, some not ASCII. */
static void fz_complete(void *ctx, const char *p, size_t n, ledit_add_fn add, void *arg)
{
	static const char *const words[] = {"decide", "deci", "status", "AL-01", "AL-02",
	                                    "çë",     "çëx",  "",       "x y"};

	(void)ctx;
	(void)p;
	(void)n;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		add(arg, words[i]);
}

/* Remember the prompt and line before a key, and whether the row shows all of it. */
static void fz_before(struct fz *f)
{
	const struct ledit *ed = &f->ed;

	strcpy(f->prompt, ed->prompt);
	free(f->line);
	f->line = malloc(ed->len + 1);
	FUZZ_CHECK(f->line != NULL);
	if (ed->len > 0)
		memcpy(f->line, ed->buf, ed->len);
	f->line[ed->len] = '\0';
	f->fitted = ed->visible && utf8_cols(ed->buf, ed->len) <= fz_area(ed);
}

/* The code point boundary after pos in the line of ed. */
static size_t fz_next(const struct ledit *ed, size_t pos)
{
	for (pos++; pos < ed->len && !utf8_lead(ed->buf[pos]); pos++)
		;
	return pos;
}

/* The row shows the prompt and the visible part of the line, the cursor on the line's cursor. */
static void fz_check(struct fz *f)
{
	const struct ledit *ed = &f->ed;
	char row[VT_COLS * 5], want[VT_COLS * 5];
	size_t from = 0, to, k = strlen(ed->prompt), skip = ed->scroll, area = fz_area(ed);

	FUZZ_CHECK(!f->vt.bad);
	FUZZ_CHECK(ed->len <= ed->max && ed->pos <= ed->len && utf8_valid(ed->buf, ed->len));
	FUZZ_CHECK(ed->pos == ed->len || utf8_lead(ed->buf[ed->pos]));
	if (!ed->visible || ed->esc != 0)
		return;
	while (skip > 0 && from < ed->len && utf8_cols(ed->buf, fz_next(ed, from)) <= skip)
		from = fz_next(ed, from); /* the first code point shown */
	for (to = from; to < ed->len && utf8_cols(ed->buf + from, fz_next(ed, to) - from) <= area;)
		to = fz_next(ed, to);
	FUZZ_CHECK(k + (to - from) < sizeof want);
	memcpy(want, ed->prompt, k);
	memcpy(want + k, ed->buf + from, to - from);
	k += to - from;
	want[k] = '\0';
	FUZZ_CHECK(strcmp(vt_row(&f->vt, -1, row, sizeof row), want) == 0);
	FUZZ_CHECK((size_t)f->vt.col == ed->prompt_cols + utf8_cols(ed->buf, ed->pos) - ed->scroll);
	FUZZ_CHECK((size_t)f->vt.col < (size_t)ed->width);
	if (utf8_cols(ed->buf, ed->len) <= area)
		FUZZ_CHECK(ed->scroll == 0);
}

/* Feed the keys, with events and resizes, checking the screen after each. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fz f; /* the emulator's screen is large */
	int resizes = 0;

	if (size < 2)
		return 0;
	memset(&f, 0, sizeof f);
	vt_init(&f.vt, 20 + data[0] % 100);
	ledit_init(&f.ed, f.vt.width, 1 + data[1] % 200, &f);
	f.ed.out = fz_out;
	f.ed.line = fz_line;
	f.ed.complete = fz_complete;
	ledit_prompt(&f.ed, "al> ");
	for (size_t i = 2; i < size; i++) {
		int lines = f.lines;

		if (data[i] == 0xff) {
			ledit_hide(&f.ed);
			vt_feed(&f.vt, "INJECT I-01 ë\r\n", 16); /* fits the narrowest screen */
			ledit_show(&f.ed);
		} else if (data[i] == 0xfe) {
			f.vt.width = 20 + (++resizes * 37) % 100;
			ledit_resize(&f.ed, f.vt.width);
		} else {
			fz_before(&f);
			ledit_feed(&f.ed, data + i, 1);
		}
		if (f.lines != lines) { /* the reply, then the prompt */
			ledit_hide(&f.ed);
			vt_feed(&f.vt, "ok\r\n", 4);
			ledit_prompt(&f.ed, "al> ");
		}
		fz_check(&f);
	}
	free(f.line);
	ledit_free(&f.ed);
	return 0;
}
