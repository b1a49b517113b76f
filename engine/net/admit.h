/*
 * Whether a connection's next line may run now (CONTRACT section 4): a client faster than its
 * rate, a team over its output budget and a login after failures elsewhere wait; nothing is
 * dropped. Also the limit of connections per team, and the counting of failed logins.
 */
#ifndef ADMIT_H
#define ADMIT_H

#include <stdbool.h>
#include <stddef.h>

struct conn;
struct exercise;

/* Seconds c must wait before it runs line (n bytes, its end removed); 0: run it now. */
double admit_wait(struct conn *c, const char *line, size_t n);
/* Whether line logs c in to a team that has all the connections it may have (msg says so). */
bool admit_team_full(const struct conn *c, const char *line, size_t n, char *msg, size_t size);
/* id when it names a team, the facilitator or the observer; NULL otherwise (not counted). */
const char *admit_known(const struct exercise *ex, const char *id);
/* Count the failed login of line for c's address and the id it named. */
void admit_failed(struct conn *c, const char *line);

#endif
