/*
 * The server: listeners, connections, the exercise's event sink that fans events out to them,
 * the real-time clock, signals and the facilitator console. Everything runs on one event loop;
 * only the writing of a large batch of output is shared with writer threads (fanout.h).
 */
#ifndef SERVER_H
#define SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/cmd.h"
#include "../core/mem.h"
#include "guard.h"
#include "pace.h"
#include "quota.h"

struct event_base;
struct event;
struct conn;
struct listener;
struct journal;
struct fanout;
struct evt;

/* Every limit of CONTRACT section 4 and its default. */
struct server_limits {
	size_t max_line;    /* bytes in one input line (4096) */
	size_t max_output;  /* bytes waiting for one client before it is dropped (1 MiB) */
	int max_conns;      /* connections at once (20000) */
	int login_failures; /* failed logins before a connection is closed (5) */
	long idle_timeout;  /* seconds a connection may idle without logging in; 0: never (60) */
	double rate;        /* command lines per second and connection (20) */
	double burst;       /* lines accepted at once (40) */
	int team_conns;     /* connections logged in to one team at once (32) */
	double team_output; /* bytes a second of events one team may send any one reader (256 KiB) */
	double lockout;     /* longest wait for a login after failures, across connections (60) */
};

/* Another front end on the same loop (the web console): it gets every event, joins the roster
 * for `who`, and writes its own output at every settle. Every member may be NULL. */
struct server_peer {
	void *ctx;
	void (*event)(void *ctx, struct evt *ev);
	void (*each)(void *ctx, void (*fn)(const struct cmd_session *s, void *arg), void *arg);
	void (*settle)(void *ctx);
};

struct server {
	struct event_base *base;
	struct exercise *ex;
	struct server_limits lim;
	struct cmd_roster roster;
	struct conn *conns;   /* every connection, the dead ones until they are reaped */
	struct conn *dead;    /* dead connections waiting to be freed */
	struct conn **groups; /* 1 + n_teams lists: staff, then each team's members */
	int n_conns;          /* live network connections (the console is not one) */
	unsigned long next_id;
	struct event *reap_ev; /* frees dead connections outside of any callback that uses them */
	struct conn **dirty;   /* text connections that got events and need their prompt again */
	size_t n_dirty, cap_dirty;
	struct conn **queued; /* connections with output to write at the next server_settle */
	size_t n_queued, cap_queued;
	struct listener *listeners;
	bool v6only; /* IPv6 listeners leave IPv4 to the IPv4 ones */
	struct pace pace;
	struct event *sig_int, *sig_term, *stop_ev;
	bool stopping;
	struct journal *journal;       /* NULL: none */
	unsigned long trim_ended_then; /* connections ended at the last heap trim (trim.c) */
	bool trim_pending;             /* a heap trim is due in a second */
	struct fanout *fanout;         /* writer threads for large batches; NULL: none */
	struct guard guard;            /* failed logins across connections */
	struct quota quota;            /* what each team's commands may send out */
	double charge;                 /* bytes the command being run sent one reader, at most */
	double event_bytes;            /* the most bytes one reader got of the last event */
	struct server_peer peer;       /* the web console, if any */
};

/* The default limits. */
void server_limits_default(struct server_limits *lim);
/* A server for ex (which it does not own) with limits lim; it becomes ex's sink. */
struct server *server_new(struct exercise *ex, const struct server_limits *lim);
/* Free the server, its connections and listeners. */
void server_free(struct server *srv);
/* STARTEX now (for --autostart), journaled; -1 if the exercise is not waiting. */
int server_start(struct server *srv);
/* Journal every input and event from now on (j may be NULL; the server does not own it). */
void server_set_journal(struct server *srv, struct journal *j);
/* Run line as the server's own facilitator input (session 0), journaled; -1 if it failed. */
int server_command(struct server *srv, const char *line);
/* Write large batches of output on this many threads (1: on the event loop only). */
void server_set_writers(struct server *srv, int threads);
/* Serve until SIGINT or SIGTERM; returns 0 after a clean shutdown. */
int server_run(struct server *srv);

/* After input or ticks: follow clock changes, give back prompts, write what is queued. */
void server_settle(struct server *srv);
/*
 * Run one line as session s's command, for a TCP connection or a web session alike: journal it,
 * charge what it fanned out to s's team, journal a login, follow the clock; fills *r.
 */
void server_exec(struct server *srv, struct cmd_session *s, const char *line,
                 struct cmd_reply *r);
/* Queue c to get its prompt again at the next server_settle. */
void server_dirty(struct server *srv, struct conn *c);
/* Queue c's output to be written at the next server_settle. */
void server_flush_later(struct server *srv, struct conn *c);
/* Schedule the freeing of dead connections. */
void server_reap_later(struct server *srv);
/* Add a connection to the server's list. */
void server_attach(struct server *srv, struct conn *c);
/* Put c in the list of its team or of the staff after its role may have changed. */
void server_regroup(struct server *srv, struct conn *c);
/* Live connections logged in to team (counting stops at the team's limit). */
int server_team_conns(const struct server *srv, int team);

#endif
