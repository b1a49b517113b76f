/*
 * Failed logins counted across connections, per source address and per id, so that one guess
 * per new connection gains nothing: past a few failures, every further attempt that involves the
 * same address or id waits a delay that doubles with each failure, up to a ceiling. Failures are
 * forgotten slowly, one a minute.
 */
#ifndef GUARD_H
#define GUARD_H

#include <stddef.h>

/* One address or id and its recent failures. */
struct guard_entry {
	char key[80]; /* "a:" and the address, or "i:" and the id */
	double fails; /* failures not forgotten yet, as of last */
	double last;  /* when fails was last brought up to date (seconds, monotonic) */
	double next;  /* the earliest moment the next attempt may be checked */
};

struct guard {
	struct guard_entry *v;
	size_t n, cap;
	int free_fails;   /* failures before attempts wait */
	double max_delay; /* the longest wait in seconds; 0: no counting across connections */
};

/* Count failures with free_fails free ones and waits up to max_delay seconds. */
void guard_init(struct guard *g, int free_fails, double max_delay);
/* Free the table. */
void guard_free(struct guard *g);
/*
 * Seconds an attempt from the connection at addr ("HOST:PORT") to log in as id (NULL: an unknown
 * id, not counted) must wait before it is checked, now being the monotonic time in seconds; ask
 * again then. 0: it may be checked now, and it takes the turn, so that parallel connections get
 * one attempt per delay between them, not one each. Nothing is reserved for an attempt that
 * waits: a waiting attempt never pushes the next turn further away.
 */
double guard_admit(struct guard *g, const char *addr, const char *id, double now);
/* Count a failed login from addr as id (NULL: an unknown id) at now. */
void guard_failed(struct guard *g, const char *addr, const char *id, double now);
/* Monotonic time in seconds, for now. */
double guard_now(void);

#endif
