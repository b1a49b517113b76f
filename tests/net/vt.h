/*
 * A small terminal emulator for the tests of the line editor: it reads the bytes the editor
 * writes (text, CR, LF, BS, and the CSI sequences C, D, K, J and m) and keeps the screen's rows,
 * so that a test compares what a person would see. A wide code point takes two cells (the
 * second holds VT_WIDE), a zero-width one joins the code point before it (core/utf8's widths).
 */
#ifndef VT_H
#define VT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/utf8.h"

#define VT_ROWS 64
#define VT_COLS 256
#define VT_CELL 16     /* bytes of a cell: a code point and its marks */
#define VT_WIDE "\x01" /* the second cell of a wide code point */

struct vt {
	char cell[VT_ROWS][VT_COLS][VT_CELL]; /* a UTF-8 code point per cell, "" when blank */
	int row, col, width;
	int esc, num; /* escape state: 0 none, 1 after ESC, 2 in CSI; the CSI number */
	char cp[5];   /* a code point being read */
	int cp_len;
	bool bad; /* the bytes broke a rule: a column past the width, an unknown sequence */
};

/* A blank screen of width columns. */
static inline void vt_init(struct vt *v, int width)
{
	memset(v, 0, sizeof *v);
	v->width = width < VT_COLS ? width : VT_COLS;
}

/* Move to the next row, scrolling the screen up at its bottom. */
static inline void vt_newline(struct vt *v)
{
	if (v->row + 1 < VT_ROWS) {
		v->row++;
		return;
	}
	memmove(v->cell[0], v->cell[1], sizeof v->cell[0] * (VT_ROWS - 1));
	memset(v->cell[VT_ROWS - 1], 0, sizeof v->cell[0]);
}

/* Put a whole code point at the cursor (a terminal's deferred wrap is not needed here). */
static inline void vt_put(struct vt *v)
{
	uint32_t cp;
	size_t n = strlen(v->cp), used;
	int w = utf8_decode(v->cp, n, &cp) > 0 ? utf8_width(cp) : 1;
	int at = v->col > 0 ? v->col - 1 : 0;
	char *cell;

	if (at > 0 && strcmp(v->cell[v->row][at], VT_WIDE) == 0)
		at--; /* a mark after a wide code point joins it, not its second cell */
	cell = v->cell[v->row][at];
	used = strnlen(cell, VT_CELL);
	if (w == 0 && v->col > 0 && used + n < VT_CELL) {
		memcpy(cell + used, v->cp, n + 1);
		return;
	}
	if (v->col + (w > 1) >= v->width) {
		v->bad = true;
		return;
	}
	memset(v->cell[v->row][v->col], 0, VT_CELL);
	memcpy(v->cell[v->row][v->col], v->cp, 5);
	if (w > 1)
		strcpy(v->cell[v->row][++v->col], VT_WIDE);
	v->col++;
}

/* The end of a CSI sequence. */
static inline void vt_csi(struct vt *v, unsigned char c)
{
	int n = v->num > 0 ? v->num : 1;

	if (c == 'C')
		v->col = v->col + n < v->width ? v->col + n : v->width - 1;
	else if (c == 'D')
		v->col = v->col - n > 0 ? v->col - n : 0;
	else if (c == 'K' || c == 'J')
		for (int k = v->col; k < VT_COLS; k++)
			v->cell[v->row][k][0] = '\0';
	else if (c != 'm')
		v->bad = true;
	if (c == 'J')
		for (int r = v->row + 1; r < VT_ROWS; r++)
			memset(v->cell[r], 0, sizeof v->cell[r]);
}

/* Read n bytes written to the terminal. */
static inline void vt_feed(struct vt *v, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (v->esc == 1) {
			v->esc = c == '[' ? 2 : 0;
			v->num = 0;
		} else if (v->esc == 2) {
			if (c >= '0' && c <= '9')
				v->num = v->num * 10 + (c - '0');
			else if (c != ';')
				v->esc = 0, vt_csi(v, c);
		} else if (c == 0x1b) {
			v->esc = 1;
		} else if (c == '\r') {
			v->col = 0;
		} else if (c == '\n') {
			vt_newline(v);
		} else if (c == '\b') {
			v->col -= v->col > 0;
		} else if (c == '\a') {
			/* the bell */
		} else if (c >= 0x80 && (c & 0xc0) == 0x80 && v->cp_len > 0 && v->cp_len < 4) {
			v->cp[v->cp_len++] = (char)c;
			v->cp[v->cp_len] = '\0';
			if (v->cp_len == (int)utf8_need(v->cp[0]))
				vt_put(v), v->cp_len = 0;
		} else if (c >= 0xc0) {
			v->cp[0] = (char)c;
			v->cp_len = 1;
		} else if (c >= 0x20 && c < 0x7f) {
			v->cp[0] = (char)c;
			v->cp[1] = '\0';
			vt_put(v);
		} else {
			v->bad = true;
		}
	}
}

/* The text of row r (the cursor's when r is -1, the one above it when -2), blanks at its end cut.
 */
static inline const char *vt_row(const struct vt *v, int r, char *buf, size_t size)
{
	size_t n = 0, end = 0;

	r = r == -1 ? v->row : r == -2 ? v->row - 1 : r;
	buf[0] = '\0';
	if (r < 0)
		return buf;
	for (int k = 0; k < VT_COLS; k++) {
		const char *s = v->cell[r][k][0] != '\0' ? v->cell[r][k] : " ";

		if (strcmp(s, VT_WIDE) == 0)
			continue;
		size_t l = strlen(s);

		if (n + l + 1 > size)
			break;
		memcpy(buf + n, s, l);
		n += l;
		if (v->cell[r][k][0] != '\0')
			end = n;
	}
	buf[end] = '\0';
	return buf;
}

#endif
