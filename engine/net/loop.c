/* libevent events for net/: made or aborting on out of memory, freed NULL-safely. */
#include "loop.h"

#include <stdlib.h>

/* event_new that aborts when out of memory. */
struct event *loop_event_new(struct event_base *base, evutil_socket_t fd, short what,
                             event_callback_fn cb, void *arg)
{
	struct event *ev = event_new(base, fd, what, cb, arg);

	if (ev == NULL)
		abort();
	return ev;
}

/* Delete and free an event; NULL is ignored. */
void loop_event_free(struct event *ev)
{
	if (ev != NULL)
		event_free(ev);
}
