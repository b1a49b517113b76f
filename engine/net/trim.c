/*
 * Memory back to the system after a crowd of connections has gone. Each connection's buffers are
 * a few KiB of glibc's heap; when thousands close (the end of a session, idle connections timing
 * out, an attack), glibc keeps the freed memory for reuse and the process stays at its peak.
 * malloc_trim(0) returns every free page of the heap. It walks the heap, so it runs only when
 * more connections have ended since the last trim than are open now (and at least
 * TRIM_MIN_ENDED), and a second later: libevent frees a bufferevent's buffers only after the
 * callback that freed it, and connections that close together are trimmed together.
 */
#include "trim.h"

#include <event2/event.h>
#include <malloc.h>

#include "server.h"

/* Connections that must end between two trims, at least. */
#define TRIM_MIN_ENDED 64

/* Connections of srv that have ended so far (and the console, which is numbered too). */
static unsigned long trim_ended(const struct server *srv)
{
	return srv->next_id - (unsigned long)srv->n_conns;
}

/* The second has passed: give the free pages back. */
static void trim_now(evutil_socket_t fd, short what, void *arg)
{
	struct server *srv = arg;

	(void)fd;
	(void)what;
	malloc_trim(0);
	srv->trim_pending = false;
	srv->trim_ended_then = trim_ended(srv);
}

/* After the server freed dead connections: trim the heap a second later if enough have gone. */
void trim_after_reap(struct server *srv)
{
	unsigned long since = trim_ended(srv) - srv->trim_ended_then;
	struct timeval tv = {1, 0};

	if (srv->trim_pending || since < TRIM_MIN_ENDED || since <= (unsigned long)srv->n_conns)
		return;
	if (event_base_once(srv->base, -1, EV_TIMEOUT, trim_now, srv, &tv) == 0)
		srv->trim_pending = true;
}
