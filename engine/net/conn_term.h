/*
 * The terminal side of a text-mode connection: once the client shows it is telnet, the server
 * offers to keep the line (net/term.c negotiates, net/ledit.c edits); then the line being typed
 * is cleared before other output and drawn again after it. The console edits from the start.
 */
#ifndef CONN_TERM_H
#define CONN_TERM_H

#include <stdbool.h>
#include <stddef.h>

struct conn;
struct evt;

/* After a line ran: offer the options to a telnet client, or stop editing in JSON mode. */
void conn_term_line_done(struct conn *c);
/* Decoded bytes from the client: to the editor when it keeps the line (true), else false. */
bool conn_term_data(struct conn *c, const unsigned char *p, size_t n);
/* c went to JSON mode: the editor's unfinished line starts the next line, and it draws no more. */
void conn_term_leave(struct conn *c);
/* Before other output: clear the line being typed; false when c does not edit. */
bool conn_term_hide(struct conn *c);
/* Draw the prompt and the line being typed; false when c does not edit. */
bool conn_term_prompt(struct conn *c, const char *prompt);
/* The console: edit from the start on a terminal of width columns (colour if it can). */
void conn_term_console(struct conn *c, int width, const char *type);
/* An event for an editing client: its painted text, made once and shared, by reference. */
void conn_term_event(struct conn *c, struct evt *ev, const char *p, size_t n);
/*
 * Text for an editing client (after conn_term_hide said it edits): its line ends become CR LF,
 * and colours go where they help when the terminal shows them (error: an error reply).
 */
void conn_term_text(struct conn *c, const char *p, size_t n, bool error);
/* The console's window has width columns now (0: unknown). */
void conn_term_resize(struct conn *c, int width);
/* Free c's terminal, if any. */
void conn_term_free(struct conn *c);

#endif
