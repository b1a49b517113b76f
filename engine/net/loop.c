/* libevent events for net/: made or aborting on out of memory, freed NULL-safely. */
#include "loop.h"

#include <stdlib.h>

/* The server's event base: two priorities, timers looked at every 5 ms or 256 callbacks. */
struct event_base *loop_base_new(void)
{
	struct event_config *cfg = event_config_new();
	struct timeval slice = {0, 5000};
	struct event_base *base;

	if (cfg == NULL || event_config_set_max_dispatch_interval(cfg, &slice, 256, 1) != 0)
		abort();
	base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	if (base == NULL || event_base_priority_init(base, 2) != 0)
		abort();
	return base;
}

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

/* A timer's wait of secs seconds, a microsecond more so it never fires early; 0 when secs <= 0. */
struct timeval loop_timeval(double secs)
{
	struct timeval tv = {0, 0};

	if (secs > 0) {
		tv.tv_sec = (time_t)secs;
		tv.tv_usec = (suseconds_t)((secs - (double)tv.tv_sec) * 1e6) + 1;
		if (tv.tv_usec >= 1000000) {
			tv.tv_sec++;
			tv.tv_usec -= 1000000;
		}
	}
	return tv;
}
