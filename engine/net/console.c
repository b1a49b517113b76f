/*
 * The facilitator's console: commands from the terminal on stdin, output on stdout. When both are
 * a terminal, the keys are read one by one and the line editor of telnet clients keeps the line.
 */
#include "console.h"

#include "loop.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "conn.h"
#include "conn_term.h"
#include "server.h"
#include "term.h"

/* The terminal's settings before the console changed them (one console per process). */
static struct termios console_saved;
static bool console_raw;

/* Give the terminal back as it was. */
static void console_restore(void)
{
	if (console_raw)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &console_saved);
	console_raw = false;
}

/* Read keys one by one and echo nothing (Ctrl-C still ends the server); false if it cannot. */
static bool console_keys(void)
{
	struct termios t;

	if (!isatty(STDOUT_FILENO) || tcgetattr(STDIN_FILENO, &console_saved) != 0)
		return false;
	t = console_saved;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | IEXTEN);
	t.c_iflag &= ~(tcflag_t)IXON;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) != 0)
		return false;
	console_raw = true;
	atexit(console_restore);
	return true;
}

/* The terminal's width in columns, 0 when unknown. */
static int console_width(void)
{
	struct winsize ws;

	return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
}

/* The terminal has input: run its lines. */
static void console_read(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg;
	unsigned char buf[4096];
	ssize_t n = read(fd, buf, sizeof buf);
	int width;

	(void)what;
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (c->term != NULL && (width = console_width()) != c->term->width)
		conn_term_resize(c, width); /* the window was resized */
	if (n > 0 && c->term != NULL && buf[0] == 0x04 && c->term->ed.len == 0)
		n = 0; /* Ctrl-D on an empty line: the end of the input, as without the editor */
	if (n <= 0) {
		console_restore();
		conn_eof(c);
	} else {
		conn_input(c, buf, (size_t)n);
		conn_process(c);
	}
	server_settle(c->srv);
}

/* Read facilitator commands from stdin (a terminal); print replies and events on stdout. */
void console_open(struct server *srv)
{
	struct conn *c = conn_new(srv, true);
	const char *secret = srv->ex->facilitator_secret;
	char line[512];
	int n;

	snprintf(c->addr, sizeof c->addr, "console");
	conn_stdout(c);
	c->stdin_ev =
	    loop_event_new(srv->base, STDIN_FILENO, EV_READ | EV_PERSIST, console_read, c);
	if (c->stdin_ev == NULL)
		abort();
	event_add(c->stdin_ev, NULL);
	server_attach(srv, c);
	conn_banner(c);
	n = snprintf(line, sizeof line, "login facilitator %s console\n",
	             secret != NULL ? secret : "");
	if (n > 0 && (size_t)n < sizeof line)
		conn_input(c, (const unsigned char *)line, (size_t)n);
	conn_process(c);
	if (console_keys())
		conn_term_console(c, console_width(), getenv("TERM"));
	server_settle(srv);
}
