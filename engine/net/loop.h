/* libevent events for net/: made or aborting on out of memory, freed NULL-safely. */
#ifndef LOOP_H
#define LOOP_H

#include <event2/event.h>

/* event_new that aborts when out of memory. */
struct event *loop_event_new(struct event_base *base, evutil_socket_t fd, short what,
                             event_callback_fn cb, void *arg);
/* Delete and free an event; NULL is ignored. */
void loop_event_free(struct event *ev);

#endif
