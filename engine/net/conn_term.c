/* The terminal side of a text-mode connection: telnet options, the line editor, the redraw. */
#include "conn_term.h"

#include <event2/buffer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/evt.h"
#include "../core/mem.h"
#include "conn.h"
#include "paint.h"
#include "server.h"
#include "term.h"

/* The editor has bytes for the screen. */
static void conn_term_out(void *ctx, const char *p, size_t n)
{
	conn_raw(ctx, p, n);
}

/* The editor finished a line: it waits with the others for conn_process. */
static void conn_term_line(void *ctx, const char *p, size_t n)
{
	struct conn *c = ctx;

	if (evbuffer_add(c->in, p, n) != 0 || evbuffer_add(c->in, "\n", 1) != 0)
		abort();
}

/* Tab: the candidates come from the commands, as the session may use them. */
static void conn_term_complete(void *ctx, const char *p, size_t n, ledit_add_fn add, void *arg)
{
	struct conn *c = ctx;

	cmd_complete(c->srv->ex, &c->s, p, n, add, arg);
}

/* Give c a terminal whose editor writes to c and hands its lines to c. */
static struct term *conn_term_new(struct conn *c)
{
	struct term *t = mem_calloc(1, sizeof *t);

	term_init(t, c->srv->lim.max_line, c);
	t->ed.out = conn_term_out;
	t->ed.line = conn_term_line;
	t->ed.complete = conn_term_complete;
	c->term = t;
	return t;
}

/* Editing started or stopped: the prompt is drawn again, by the editor or as before. */
static void conn_term_switch(struct conn *c)
{
	struct ledit *ed = &c->term->ed;

	ed->len = ed->pos = 0; /* nothing was typed into the editor yet, or it is lost with it */
	ed->visible = false;
	c->at_prompt = false;
	server_dirty(c->srv, c);
}

/*
 * In JSON mode: give the line back to the client (WONT ECHO, WONT SGA for what it agreed to), and
 * take back the offers it has not answered yet.
 */
static void conn_term_release(struct conn *c)
{
	static const unsigned char wont_echo[] = {255, 252, 1}, wont_sga[] = {255, 252, 3};
	struct term *t = c->term;

	if (!c->s.json)
		return;
	if (t->agreed & TERM_ECHO)
		conn_raw(c, wont_echo, sizeof wont_echo); /* JSON is read line by line */
	if (t->agreed & TERM_SGA)
		conn_raw(c, wont_sga, sizeof wont_sga);
	t->agreed &= ~(unsigned)(TERM_ECHO | TERM_SGA);
	t->asked &= ~(unsigned)(TERM_ECHO | TERM_SGA);
}

/* The client's answer to an offer, or a request of its own. */
static void conn_term_option(void *ctx, unsigned char verb, unsigned char opt)
{
	struct conn *c = ctx;
	unsigned char out[TERM_REPLY_MAX];
	bool was = term_editing(c->term);
	size_t n = term_option(c->term, verb, opt, out);

	conn_raw(c, out, n);
	conn_term_release(c); /* an answer that comes after `mode json` */
	if (was != term_editing(c->term))
		conn_term_switch(c);
}

/* The client's window size or terminal type. */
static void conn_term_sub(void *ctx, const unsigned char *p, size_t n)
{
	struct conn *c = ctx;

	term_sub(c->term, p, n);
	c->s.columns = c->term->width; /* events are wrapped to it */
}

/* After a line ran: offer the options to a telnet client, or stop editing in JSON mode. */
void conn_term_line_done(struct conn *c)
{
	unsigned char out[TERM_OFFER_LEN];

	if (c->dead || c->closing || c->console)
		return;
	if (c->term != NULL)
		conn_term_release(c);
	if (c->term != NULL || c->s.json || !(c->tn.saw_cr || c->tn.saw_iac))
		return;
	term_offer(conn_term_new(c), out);
	c->tn.option = conn_term_option;
	c->tn.sub = conn_term_sub;
	conn_raw(c, out, sizeof out);
}

/*
 * c went to JSON mode: what its editor holds (typed after `mode json`, in the same packet) becomes
 * the start of its next line, and the editor draws nothing more, not even on a new window size.
 */
void conn_term_leave(struct conn *c)
{
	struct ledit *ed;

	if (c->term == NULL)
		return;
	ed = &c->term->ed;
	if (evbuffer_add(c->in, ed->buf, ed->len) != 0 ||
	    evbuffer_add(c->in, ed->utf8, (size_t)ed->utf8_len) != 0)
		abort();
	ed->len = ed->pos = 0;
	ed->utf8_len = ed->utf8_need = 0;
	ed->esc = 0;
	ed->visible = false;
}

/* Decoded bytes from the client: to the editor when it keeps the line (true), else false. */
bool conn_term_data(struct conn *c, const unsigned char *p, size_t n)
{
	if (c->term == NULL || !term_editing(c->term) || c->s.json)
		return false;
	ledit_feed(&c->term->ed, p, n);
	return true;
}

/* Before other output: clear the line being typed; false when c does not edit. */
bool conn_term_hide(struct conn *c)
{
	if (c->term == NULL || !term_editing(c->term) || c->s.json)
		return false;
	ledit_hide(&c->term->ed);
	return true;
}

/* Draw the prompt and the line being typed; false when c does not edit. */
bool conn_term_prompt(struct conn *c, const char *prompt)
{
	if (c->term == NULL || !term_editing(c->term) || c->s.json)
		return false;
	ledit_prompt(&c->term->ed, prompt);
	return true;
}

/* The console: edit from the start on a terminal of width columns (colour if it can). */
void conn_term_console(struct conn *c, int width, const char *type)
{
	struct term *t = conn_term_new(c);

	t->agreed = TERM_ECHO | TERM_SGA;
	conn_term_resize(c, width);
	c->at_prompt = false; /* the editor draws the prompt again */
	server_dirty(c->srv, c);
	snprintf(t->type, sizeof t->type, "%s", type != NULL ? type : "");
}

/*
 * A reply for an editing client, which it alone reads: its line ends become CR LF (the client's
 * terminal is raw), a line wider than the screen wraps at a space (a long phase name in `status`),
 * and colours go where they help when the terminal shows them (error: an error reply).
 */
void conn_term_text(struct conn *c, const char *p, size_t n, bool error)
{
	struct paint pt = {term_colorful(c->term) && !c->s.no_color, error, c->srv->ex->t,
	                   term_columns(c->term)};
	size_t len;
	char *s = paint_text(&pt, p, n, &len);

	conn_raw(c, s, len);
	free(s);
}

/*
 * An event for an editing client: its text painted (line ends, colours) once for all the
 * clients whose terminals take the same, and queued by reference, not copied.
 */
void conn_term_event(struct conn *c, struct evt *ev, const char *p, size_t n)
{
	bool color = term_colorful(c->term) && !c->s.no_color;
	const char *s = evt_derived(ev, p, color, &n);

	if (s == NULL) {
		struct paint pt = {color, false, c->srv->ex->t, 0}; /* rendered for its width */
		size_t len;
		char *t = paint_text(&pt, p, n, &len);

		evt_derive(ev, p, color, t, len);
		s = t;
		n = len;
	}
	conn_shared(c, ev, s, n);
}

/* The console's window has width columns now (0: unknown). */
void conn_term_resize(struct conn *c, int width)
{
	c->term->width = width < 0 ? 0 : width > TERM_WIDTH_MAX ? TERM_WIDTH_MAX : width;
	c->s.columns = c->term->width;
	ledit_resize(&c->term->ed, term_columns(c->term));
}

/* Free c's terminal, if any. */
void conn_term_free(struct conn *c)
{
	if (c->term == NULL)
		return;
	term_free(c->term);
	free(c->term);
	c->term = NULL;
}
