/*
 * The terminal of a telnet client, without I/O: the options the server offers once it knows it
 * talks to telnet (WILL ECHO, WILL SUPPRESS-GO-AHEAD, DO NAWS, DO TERMINAL-TYPE), the client's
 * answers, its window size and terminal type. Bytes to send back are returned to the caller.
 */
#ifndef TERM_H
#define TERM_H

#include <stdbool.h>
#include <stddef.h>

#include "ledit.h"

/* Bytes of the offers, and the most that one answer to the client takes. */
#define TERM_OFFER_LEN 12
#define TERM_REPLY_MAX 6
/* The width assumed until the client tells its own, and the range kept of what it tells. */
#define TERM_WIDTH 80
#define TERM_WIDTH_MIN 20
#define TERM_WIDTH_MAX 400

/* Option bits of term.asked and term.agreed. */
#define TERM_ECHO 0x1
#define TERM_SGA 0x2
#define TERM_NAWS 0x4
#define TERM_TTYPE 0x8

struct term {
	struct ledit ed; /* the line being typed, while editing */
	unsigned asked;  /* options offered and not answered yet */
	unsigned agreed; /* options the client agreed to */
	int width;       /* columns from NAWS; 0 until the client tells */
	char type[41];   /* TERMINAL-TYPE in lower case, "" until the client tells */
};

/* A terminal with nothing agreed; its editor takes lines of at most max bytes. */
void term_init(struct term *t, size_t max, void *ctx);
/* Free it. */
void term_free(struct term *t);
/* The offers, into out (TERM_OFFER_LEN bytes); they are awaited from now on. */
void term_offer(struct term *t, unsigned char out[TERM_OFFER_LEN]);
/* The client's WILL, WONT, DO or DONT for opt: what to answer goes to out, its length returned. */
size_t term_option(struct term *t, unsigned char verb, unsigned char opt,
                   unsigned char out[TERM_REPLY_MAX]);
/* A subnegotiation from the client (option byte first): NAWS or TERMINAL-TYPE IS. */
void term_sub(struct term *t, const unsigned char *p, size_t n);
/* Whether the server keeps the line: the client agreed to ECHO and SUPPRESS-GO-AHEAD. */
bool term_editing(const struct term *t);
/* The columns to write for: the client's width, or TERM_WIDTH when unknown. */
int term_columns(const struct term *t);
/* Whether the terminal type is one that shows ANSI colours. */
bool term_colorful(const struct term *t);

#endif
