/*
 * One client: bytes in through the telnet decoder, lines out to the commands, replies and events
 * back, with the limits of CONTRACT section 4. A connection that dies is only marked dead; the
 * server frees it later, outside of any loop that may still touch it.
 */
#ifndef CONN_H
#define CONN_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/cmd.h"
#include "bucket.h"
#include "telnet.h"

struct server;
struct bufferevent;
struct evbuffer;
struct event;
struct evt;
struct sockaddr;
struct ssl_ctx_st;
struct term;

struct conn {
	struct server *srv;
	struct conn *prev, *next;   /* every connection */
	struct conn *gprev, *gnext; /* the connections of the same team, or of the staff */
	int group;                  /* 0: none, 1: staff, 2 + i: team i */
	struct bufferevent *bev;    /* NULL for the console */
	struct evbuffer *in;        /* decoded input not read as lines yet */
	struct evbuffer *out;       /* bytes for the client */
	struct evt *direct;         /* an event to write from its shared bytes, ahead of out */
	const char *direct_p;       /* its bytes, in c's mode */
	size_t direct_n;
	struct telnet tn;
	struct term *term; /* a telnet client's terminal once offered, or the console's; or NULL */
	struct cmd_session s;
	char addr[72];          /* peer address, for messages */
	bool console;           /* the facilitator's terminal */
	bool tls;               /* bev is a TLS bufferevent: it encrypts and writes the output */
	bool dead;              /* marked for freeing; nothing is read or written any more */
	bool closing;           /* flushing its last bytes, reads nothing */
	bool at_prompt;         /* the last thing written was the prompt */
	bool dirty;             /* in the server's list of prompts to give back */
	bool queued;            /* in the server's list of output to write */
	bool discarding;        /* dropping the rest of a line that was too long */
	bool delayed;           /* reading paused: a failed login, or pacing */
	bool admitted;          /* the next line has paid its token (a login may wait on) */
	bool eof;               /* the client sent all it will send */
	struct conn *dead_next; /* the server's list of connections to free */
	char long_verb[17];     /* the verb of the line being discarded */
	struct bucket rate;     /* the command rate (lim.rate, lim.burst) */
	struct event *delay_ev; /* ends a pause of reading */
	struct event *idle_ev;  /* closes a connection that idles without logging in */
	struct event *stdin_ev; /* console: lines from the terminal */
	struct event *flush_ev; /* console: writes the output to stdout */
};

/*
 * Serve a newly accepted socket (the server checked the connection limit); over TLS with the
 * certificate of ctx when it is not NULL: the handshake then comes before any byte.
 */
struct conn *conn_accept(struct server *srv, int fd, const struct sockaddr *sa, int salen,
                         struct ssl_ctx_st *ctx);
/* A connection with no transport yet (the console gives it one); not attached to the server. */
struct conn *conn_new(struct server *srv, bool console);
/* Send c's output to stdout (the console). */
void conn_stdout(struct conn *c);
/* Decode bytes from the client; lines are read by conn_process. */
void conn_input(struct conn *c, const unsigned char *p, size_t n);
/* Run the complete lines waiting, unless reading is paused. */
void conn_process(struct conn *c);
/* The client sent its last byte: run what is left, then close. */
void conn_eof(struct conn *c);
/* Queue n bytes at p that belong to ev for c, by reference: shared with every recipient. */
void conn_shared(struct conn *c, struct evt *ev, const char *p, size_t n);
/* Append n bytes for the client as they are: the prompt and the line being typed stay. */
void conn_raw(struct conn *c, const void *p, size_t n);
/* Write the banner and the first prompt. */
void conn_banner(struct conn *c);
/* Queue an event for c, shared and not copied. */
void conn_event(struct conn *c, struct evt *ev);
/* Write c's pending output now; what the socket does not take is written when it can. */
void conn_flush(struct conn *c);
/* Write what the socket takes of c's output (safe on a writer thread); -1 if it failed. */
int conn_write_out(struct conn *c);
/* After conn_write_out: drop c if its socket failed, or leave the rest to the bufferevent. */
void conn_flush_done(struct conn *c, int rc);
/* Write the prompt if c is in text mode and not already at it. */
void conn_prompt(struct conn *c);
/* Say goodbye (reason is a code, message its text), flush, then close. */
void conn_bye(struct conn *c, const char *reason, const char *message);
/* Mark c dead and close it without flushing; the server frees it later. */
void conn_kill(struct conn *c, const char *why);
/* Free a dead connection (from the server's reaper only). */
void conn_free(struct conn *c);

#endif
