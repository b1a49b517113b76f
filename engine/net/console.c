/* The facilitator's console: commands from the terminal on stdin, output on stdout. */
#include "console.h"

#include "loop.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conn.h"
#include "server.h"

/* The terminal has input: run its lines. */
static void console_read(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg;
	unsigned char buf[4096];
	ssize_t n = read(fd, buf, sizeof buf);

	(void)what;
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
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
	server_settle(srv);
}
