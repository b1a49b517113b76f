/* libevent events made without libevent's event_new, whose name core/event.h takes. */
#include "loop.h"

#include <stdlib.h>

/* A libevent event (fd -1 and no flags: a timer or a manually activated event); aborts on OOM. */
struct event *loop_event_new(struct event_base *base, evutil_socket_t fd, short what,
                             event_callback_fn cb, void *arg)
{
	struct event *ev = calloc(1, event_get_struct_event_size());

	if (ev == NULL || event_assign(ev, base, fd, what, cb, arg) != 0)
		abort();
	return ev;
}

/* Delete and free an event made by loop_event_new; NULL is ignored. */
void loop_event_free(struct event *ev)
{
	if (ev == NULL)
		return;
	event_del(ev);
	free(ev);
}
