/* The server: the event sink that fans events out, prompts, reaping, signals and shutdown. */
#include "server.h"

#include "loop.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/evt.h"
#include "../journal/journal.h"
#include "conn.h"
#include "fanout.h"
#include "listen.h"
#include "trim.h"

/* Seconds the shutdown waits for clients to take their last bytes. */
#define SERVER_STOP_SECONDS 3

/* The default limits. */
void server_limits_default(struct server_limits *lim)
{
	lim->max_line = 4096;
	lim->max_output = 1024 * 1024;
	lim->max_conns = 20000;
	lim->login_failures = 5;
	lim->idle_timeout = 60;
	lim->rate = 20;
	lim->burst = 40;
	lim->team_conns = 32;
	lim->team_output = 256 * 1024;
	lim->lockout = 60;
}

/* Give ev to the connections of one group that receive it. */
static void server_send_group(struct server *srv, int group, struct evt *ev)
{
	for (struct conn *c = srv->groups[group]; c != NULL; c = c->gnext)
		if (!c->dead && !c->closing && cmd_session_receives(&c->s, ev))
			conn_event(c, ev);
}

/* The exercise's sink: every recipient gets the event's bytes, built once and shared. */
static void server_sink(void *ctx, struct evt *ev)
{
	struct server *srv = ctx;

	srv->event_bytes = 0;
	if (srv->peer.event != NULL)
		srv->peer.event(srv->peer.ctx, ev);
	if (ev->aud.all) {
		for (struct conn *c = srv->conns; c != NULL; c = c->next)
			if (!c->dead && !c->closing && cmd_session_receives(&c->s, ev))
				conn_event(c, ev);
	} else {
		if (ev->aud.staff)
			server_send_group(srv, 0, ev);
		for (int i = 0; ev->aud.teams != NULL && i < srv->ex->n_teams; i++)
			if (ev->aud.teams[i])
				server_send_group(srv, 1 + i, ev);
	}
	srv->charge += srv->event_bytes; /* what one reader got of it, at most */
}

/* The group a session belongs to: 0 none, 1 staff, 2 + i team i. */
static int server_group_of(const struct cmd_session *s)
{
	if (s->role == CMD_ROLE_FACILITATOR || s->role == CMD_ROLE_OBSERVER)
		return 1;
	if (s->role == CMD_ROLE_TEAM && s->team >= 0)
		return 2 + s->team;
	return 0;
}

/* Take c out of its group's list. */
static void server_ungroup(struct server *srv, struct conn *c)
{
	if (c->group == 0)
		return;
	if (c->gprev != NULL)
		c->gprev->gnext = c->gnext;
	else
		srv->groups[c->group - 1] = c->gnext;
	if (c->gnext != NULL)
		c->gnext->gprev = c->gprev;
	c->gprev = c->gnext = NULL;
	c->group = 0;
}

/* Put c in the list of its team or of the staff after its role may have changed. */
void server_regroup(struct server *srv, struct conn *c)
{
	int g = server_group_of(&c->s);

	if (g == c->group)
		return;
	server_ungroup(srv, c);
	if (g == 0)
		return;
	c->group = g;
	c->gprev = NULL;
	c->gnext = srv->groups[g - 1];
	if (c->gnext != NULL)
		c->gnext->gprev = c;
	srv->groups[g - 1] = c;
}

/* Live connections logged in to team (counting stops at the team's limit). */
int server_team_conns(const struct server *srv, int team)
{
	int n = 0;

	for (const struct conn *c = srv->groups[1 + team]; c != NULL && n < srv->lim.team_conns;
	     c = c->gnext)
		if (!c->dead && !c->closing)
			n++;
	return n;
}

/* The roster for `who` and `commcheck`: every logged-in session. */
static void server_each(void *ctx, void (*fn)(const struct cmd_session *s, void *arg), void *arg)
{
	struct server *srv = ctx;

	for (struct conn *c = srv->conns; c != NULL; c = c->next)
		if (!c->dead && c->s.role != CMD_ROLE_NONE)
			fn(&c->s, arg);
	if (srv->peer.each != NULL)
		srv->peer.each(srv->peer.ctx, fn, arg);
}

/* Add a connection to the server's list. */
void server_attach(struct server *srv, struct conn *c)
{
	c->prev = NULL;
	c->next = srv->conns;
	if (srv->conns != NULL)
		srv->conns->prev = c;
	srv->conns = c;
}

/* Take c out of the server's list. */
static void server_detach(struct server *srv, struct conn *c)
{
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		srv->conns = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
}

/* Queue c to get its prompt again at the next server_settle. */
void server_dirty(struct server *srv, struct conn *c)
{
	if (!c->dirty) {
		c->dirty = true;
		*MEM_PUSH(srv->dirty, srv->n_dirty, srv->cap_dirty) = c;
	}
}

/* Queue c's output to be written at the next server_settle. */
void server_flush_later(struct server *srv, struct conn *c)
{
	if (!c->queued) {
		c->queued = true;
		*MEM_PUSH(srv->queued, srv->n_queued, srv->cap_queued) = c;
	}
}

/* After input or ticks: follow clock changes, give back prompts, write what is queued. */
void server_settle(struct server *srv)
{
	journal_sync(srv->journal); /* nothing reaches a client before the journal has it */
	pace_sync(&srv->pace);
	for (size_t i = 0; i < srv->n_dirty; i++) {
		srv->dirty[i]->dirty = false;
		conn_prompt(srv->dirty[i]);
	}
	srv->n_dirty = 0;
	for (size_t i = 0; i < srv->n_queued; i++)
		srv->queued[i]->queued = false;
	if (srv->fanout != NULL && srv->n_queued >= FANOUT_MIN_BATCH)
		fanout_write(srv->fanout, srv->queued, srv->n_queued);
	else
		for (size_t i = 0; i < srv->n_queued; i++)
			conn_flush(srv->queued[i]);
	srv->n_queued = 0;
	if (srv->peer.settle != NULL)
		srv->peer.settle(srv->peer.ctx);
}

/* Run one line as s's command: journaled, charged to its team, the clock followed; fills *r. */
void server_exec(struct server *srv, struct cmd_session *s, const char *line,
                 struct cmd_reply *r)
{
	if (srv->journal != NULL && cmd_journaled(s, line))
		journal_input(srv->journal, s, line);
	srv->charge = 0;
	cmd_exec(srv->ex, &srv->roster, s, line, r);
	if (s->role == CMD_ROLE_TEAM)
		quota_charge(&srv->quota, s->team, srv->charge, guard_now());
	if (r->code == NULL && r->obj != NULL &&
	    strcmp(json_string_value(json_object_get(r->obj, "cmd")), "login") == 0)
		journal_login(srv->journal, s);
	pace_sync(&srv->pace);
}

/* The pace timer ran a batch of ticks. */
static void server_after_ticks(void *ctx)
{
	server_settle(ctx);
}

/* Free the dead connections; during shutdown, end the loop when the last one is gone. */
static void server_reap(evutil_socket_t fd, short what, void *arg)
{
	struct server *srv = arg;
	struct conn *c;

	(void)fd;
	(void)what;
	server_settle(srv);
	while ((c = srv->dead) != NULL) {
		srv->dead = c->dead_next;
		server_ungroup(srv, c);
		server_detach(srv, c);
		conn_free(c);
	}
	trim_after_reap(srv);       /* give back what the dead ones used */
	journal_sync(srv->journal); /* the logouts */
	if (srv->stopping && srv->n_conns == 0)
		event_base_loopexit(srv->base, NULL);
}

/* Schedule the freeing of dead connections. */
void server_reap_later(struct server *srv)
{
	event_active(srv->reap_ev, 0, 0);
}

/* The shutdown took too long: stop anyway. */
static void server_stop_late(evutil_socket_t fd, short what, void *arg)
{
	struct server *srv = arg;

	(void)fd;
	(void)what;
	event_base_loopexit(srv->base, NULL);
}

/* SIGINT or SIGTERM: tell every client, flush, then leave the loop (a second signal: now). */
static void server_signal(evutil_socket_t sig, short what, void *arg)
{
	struct server *srv = arg;
	struct timeval tv = {SERVER_STOP_SECONDS, 0};

	(void)sig;
	(void)what;
	if (srv->stopping) {
		event_base_loopbreak(srv->base);
		return;
	}
	srv->stopping = true;
	pace_stop(&srv->pace);
	listen_close_all(srv);
	for (struct conn *c = srv->conns; c != NULL; c = c->next)
		conn_bye(c, "shutdown", "server shutting down");
	evtimer_add(srv->stop_ev, &tv);
	if (srv->n_conns == 0)
		event_base_loopexit(srv->base, NULL);
}

/* A server for ex (which it does not own) with limits lim; it becomes ex's sink. */
struct server *server_new(struct exercise *ex, const struct server_limits *lim)
{
	struct server *srv = mem_calloc(1, sizeof *srv);

	srv->base = loop_base_new();
	srv->ex = ex;
	srv->lim = *lim;
	srv->roster.ctx = srv;
	srv->roster.each = server_each;
	srv->groups = mem_calloc((size_t)ex->n_teams + 1, sizeof *srv->groups);
	srv->reap_ev = loop_event_new(srv->base, -1, 0, server_reap, srv);
	srv->stop_ev = loop_event_new(srv->base, -1, 0, server_stop_late, srv);
	srv->sig_int =
	    loop_event_new(srv->base, SIGINT, EV_SIGNAL | EV_PERSIST, server_signal, srv);
	srv->sig_term =
	    loop_event_new(srv->base, SIGTERM, EV_SIGNAL | EV_PERSIST, server_signal, srv);
	if (srv->reap_ev == NULL || srv->stop_ev == NULL || srv->sig_int == NULL ||
	    srv->sig_term == NULL)
		abort();
	event_priority_set(srv->sig_int, LOOP_PRIORITY_CLOCK); /* no busy clock starves them */
	event_priority_set(srv->sig_term, LOOP_PRIORITY_CLOCK);
	event_add(srv->sig_int, NULL); /* from now on: a signal before the loop runs waits for it */
	event_add(srv->sig_term, NULL);
	pace_init(&srv->pace, srv->base, ex, server_after_ticks, srv);
	guard_init(&srv->guard, lim->login_failures, lim->lockout);
	quota_init(&srv->quota, ex->n_teams, lim->team_output,
	           fmin(2 * lim->team_output, (double)lim->max_output / 2), guard_now());
	ex_set_sink(ex, server_sink, srv);
	return srv;
}

/* Run line as the server's own facilitator input (session 0), journaled; -1 if it failed. */
int server_command(struct server *srv, const char *line)
{
	struct cmd_session s;
	struct cmd_reply r;
	int rc;

	cmd_session_init(&s, 0);
	s.role = CMD_ROLE_FACILITATOR;
	s.name = mem_strdup("tabletop");
	if (s.name == NULL)
		abort();
	journal_input(srv->journal, &s, line);
	cmd_exec(srv->ex, &srv->roster, &s, line, &r);
	rc = r.code == NULL ? 0 : -1;
	cmd_reply_free(&r);
	free(s.name);
	server_settle(srv);
	return rc;
}

/* STARTEX now (for --autostart), journaled; -1 if the exercise is not waiting. */
int server_start(struct server *srv)
{
	return server_command(srv, "start");
}

/* Journal every input and event from now on. */
void server_set_journal(struct server *srv, struct journal *j)
{
	srv->journal = j;
	srv->pace.journal = j;
	journal_attach(j, srv->ex);
}

/* Write large batches of output on this many threads (1: on the event loop only). */
void server_set_writers(struct server *srv, int threads)
{
	fanout_free(srv->fanout);
	srv->fanout = fanout_new(threads);
}

/* Serve until SIGINT or SIGTERM; returns 0 after a clean shutdown. */
int server_run(struct server *srv)
{
	signal(SIGPIPE, SIG_IGN);
	if (event_base_dispatch(srv->base) < 0)
		return -1;
	return 0;
}

/* Free the server, its connections and listeners. */
void server_free(struct server *srv)
{
	struct conn *c;

	if (srv == NULL)
		return;
	ex_set_sink(srv->ex, NULL, NULL);
	listen_close_all(srv);
	while ((c = srv->conns) != NULL) {
		server_ungroup(srv, c);
		server_detach(srv, c);
		conn_free(c);
	}
	fanout_free(srv->fanout);
	pace_free(&srv->pace);
	guard_free(&srv->guard);
	quota_free(&srv->quota);
	loop_event_free(srv->reap_ev);
	loop_event_free(srv->stop_ev);
	loop_event_free(srv->sig_int);
	loop_event_free(srv->sig_term);
	event_base_free(srv->base);
	free(srv->dirty);
	free(srv->queued);
	free(srv->groups);
	free(srv);
}
