/* The facilitator's console: the terminal that started `tabletop run`, logged in as facilitator. */
#ifndef CONSOLE_H
#define CONSOLE_H

struct server;

/* Read facilitator commands from stdin (a terminal); print replies and events on stdout. */
void console_open(struct server *srv);

#endif
