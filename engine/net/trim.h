/*
 * Memory back to the system once many connections have gone: glibc keeps what they freed in its
 * heap, and by itself returns only the free space at the very top of it.
 */
#ifndef TRIM_H
#define TRIM_H

struct server;

/* After the server freed dead connections: trim the heap a second later if enough have gone. */
void trim_after_reap(struct server *srv);

#endif
