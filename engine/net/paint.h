/*
 * Text for a telnet client whose line the server keeps (its terminal is raw): line ends become
 * CR LF and, where the terminal shows colours, an inject's header, a deadline that is near and
 * errors are coloured. Pure: text in, text out.
 */
#ifndef PAINT_H
#define PAINT_H

#include <stdbool.h>
#include <stddef.h>

/* A deadline this close (exercise seconds) or closer is shown in red. */
#define PAINT_NEAR 600

/* How to paint a text. */
struct paint {
	bool color; /* the terminal shows colours and the person did not turn them off */
	bool error; /* the text is an error reply */
	long now;   /* the exercise time, for the deadlines in the text */
	int cols;   /* wrap lines wider than this many columns (0: none; events come wrapped) */
};

/* The n bytes at p painted as pt says: a new string, its length in *len. */
char *paint_text(const struct paint *pt, const char *p, size_t n, size_t *len);

#endif
