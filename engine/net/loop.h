/*
 * libevent next to core/event.h. Both name a `struct event` and an `event_new`; core's win in the
 * program, so libevent's event_new is hidden here and events are made with loop_event_new.
 * Include this before any other libevent header.
 */
#ifndef LOOP_H
#define LOOP_H

#define event_new loop_hidden_libevent_event_new
#include <event2/event.h>
#undef event_new

/* A libevent event (fd -1 and no flags: a timer or a manually activated event); aborts on OOM. */
struct event *loop_event_new(struct event_base *base, evutil_socket_t fd, short what,
                             event_callback_fn cb, void *arg);
/* Delete and free an event made by loop_event_new; NULL is ignored. */
void loop_event_free(struct event *ev);

#endif
