/* libevent events for net/: made or aborting on out of memory, freed NULL-safely. */
#ifndef LOOP_H
#define LOOP_H

#include <event2/event.h>

/* The priority of the exercise clock's timer: above every connection's callbacks. */
#define LOOP_PRIORITY_CLOCK 0

/*
 * The server's event base, aborting when out of memory. It has two priorities (the clock, then
 * everything else) and, however many connections are ready at once, looks at its timers again
 * after 5 ms or 256 callbacks, so a storm of connections does not hold back the clock.
 */
struct event_base *loop_base_new(void);
/* event_new that aborts when out of memory. */
struct event *loop_event_new(struct event_base *base, evutil_socket_t fd, short what,
                             event_callback_fn cb, void *arg);
/* Delete and free an event; NULL is ignored. */
void loop_event_free(struct event *ev);
/* A timer's wait of secs seconds, a microsecond more so it never fires early; 0 when secs <= 0. */
struct timeval loop_timeval(double secs);

#endif
