/*
 * A line editor without I/O, for telnet clients in character mode and the console: keystrokes go
 * in, screen bytes (VT100/ANSI) and finished lines come out through callbacks. The line being
 * typed stays on one screen row: when it is wider than the screen, the row shows the part around
 * the cursor. Text is UTF-8; columns are counted by core/utf8 (wide 2, marks 0).
 */
#ifndef LEDIT_H
#define LEDIT_H

#include <stdbool.h>
#include <stddef.h>

/* Lines kept for up and down. */
#define LEDIT_HISTORY 100
/* The longest prompt kept, in bytes. */
#define LEDIT_PROMPT_MAX 64

/* Called by a completer for every word that may stand where the cursor's word is. */
typedef void (*ledit_add_fn)(void *arg, const char *word);

struct ledit {
	char *buf;       /* the line being typed, valid UTF-8, not NUL-terminated */
	size_t len, pos; /* its length and the cursor, in bytes, on code point boundaries */
	size_t cap, max; /* allocated, and the most bytes a line may have */
	char prompt[LEDIT_PROMPT_MAX + 1];
	size_t prompt_cols; /* columns of the prompt */
	int width;          /* columns of the screen */
	size_t scroll;      /* the first column of the line that the row shows */
	bool visible;       /* the prompt and the line are on the screen's current row */
	int esc;     /* escape sequence state: 0 none, 1 after ESC, 2 in CSI, 3 after ESC O */
	int csi_num; /* the number in a CSI sequence ("3" of ESC [ 3 ~) */
	unsigned char utf8[4];
	int utf8_len, utf8_need; /* a code point being assembled */
	bool after_cr;           /* the last key was CR: a LF right after it is the same Enter */
	char *hist[LEDIT_HISTORY];
	int n_hist;  /* lines in hist, oldest first */
	int hist_at; /* the entry shown: n_hist for the line being typed */
	char *draft; /* the line being typed, kept while the history is browsed */
	/* Screen bytes for the client. */
	void (*out)(void *ctx, const char *p, size_t n);
	/* A finished line (without its end); the editor starts a new empty one. */
	void (*line)(void *ctx, const char *p, size_t n);
	/* Call add for every candidate of the word that ends at n in p (the text before the
	 * cursor); NULL: Tab does nothing. */
	void (*complete)(void *ctx, const char *p, size_t n, ledit_add_fn add, void *arg);
	void *ctx;
};

/* An empty editor for a screen of width columns and lines of at most max bytes; not visible. */
void ledit_init(struct ledit *ed, int width, size_t max, void *ctx);
/* Free the line and the history. */
void ledit_free(struct ledit *ed);
/* Handle n keystroke bytes (any split of the stream). */
void ledit_feed(struct ledit *ed, const unsigned char *p, size_t n);
/* Set the prompt (cut to LEDIT_PROMPT_MAX bytes) and draw it with the line. */
void ledit_prompt(struct ledit *ed, const char *prompt);
/* Clear the row of the prompt and line, so that other output may take its place. */
void ledit_hide(struct ledit *ed);
/* Draw the prompt and line again (after ledit_hide and the other output). */
void ledit_show(struct ledit *ed);
/* The screen has width columns now. */
void ledit_resize(struct ledit *ed, int width);

#endif
