/* Whether a connection's next line may run now, per connection, per team and per address. */
#include "admit.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "conn.h"
#include "guard.h"
#include "server.h"

/* Whether c is a blank between words. */
static bool admit_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether a line holds nothing but blanks: not a command, it costs nothing. */
static bool admit_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!admit_blank_char(p[i]))
			return false;
	return true;
}

/* The id of a login line into id; "" when the line is not a login. */
static void admit_login_id(const char *p, size_t n, char *id, size_t size)
{
	size_t i = 0, k = 0;

	id[0] = '\0';
	while (i < n && admit_blank_char(p[i]))
		i++;
	if (n - i < 6 || strncasecmp(p + i, "login", 5) != 0 || !admit_blank_char(p[i + 5]))
		return;
	for (i += 5; i < n && admit_blank_char(p[i]); i++)
		;
	for (; i < n && !admit_blank_char(p[i]) && k + 1 < size; i++)
		id[k++] = p[i];
	id[k] = '\0';
}

/* id when it names a team, the facilitator or the observer; NULL otherwise (not counted). */
const char *admit_known(const struct exercise *ex, const char *id)
{
	if (strcmp(id, "facilitator") == 0 || strcmp(id, "observer") == 0 ||
	    ex_find_team(ex, id) >= 0)
		return id;
	return NULL;
}

/* Seconds before c may run a command: its own bucket, then its team's; 0: now. */
static double admit_bucket(struct conn *c, double now)
{
	double w = bucket_wait(&c->rate, c->srv->lim.rate, c->srv->lim.burst, now);

	if (w > 0)
		return w;
	if (c->s.role == CMD_ROLE_TEAM)
		return quota_wait(&c->srv->quota, c->s.team, now);
	return 0;
}

/* Seconds c must wait before it runs line; 0: run it now (a token is paid once per line). */
double admit_wait(struct conn *c, const char *line, size_t n)
{
	char id[64];
	double now, w;

	if (c->console || admit_blank(line, n))
		return 0;
	now = guard_now();
	if (!c->admitted) {
		w = admit_bucket(c, now);
		if (w > 0)
			return w;
		c->rate.tokens -= 1;
		c->admitted = true;
	}
	admit_login_id(line, n, id, sizeof id);
	if (id[0] == '\0')
		return 0;
	return guard_admit(&c->srv->guard, c->addr, admit_known(c->srv->ex, id), now);
}

/* Whether line logs c in to a team that has all the connections it may have (msg says so). */
bool admit_team_full(const struct conn *c, const char *line, size_t n, char *msg, size_t size)
{
	char id[64];
	int team;

	admit_login_id(line, n, id, sizeof id);
	team = id[0] != '\0' ? ex_find_team(c->srv->ex, id) : -1;
	if (team < 0 || (c->s.role == CMD_ROLE_TEAM && c->s.team == team) ||
	    server_team_conns(c->srv, team) < c->srv->lim.team_conns)
		return false;
	snprintf(msg, size,
	         "team %s has %d connections already, the most it may have; close one first",
	         c->srv->ex->teams[team].id, c->srv->lim.team_conns);
	return true;
}

/* Count the failed login of line for c's address and the id it named. */
void admit_failed(struct conn *c, const char *line)
{
	char id[64];

	admit_login_id(line, strlen(line), id, sizeof id);
	guard_failed(&c->srv->guard, c->addr, admit_known(c->srv->ex, id), guard_now());
}
