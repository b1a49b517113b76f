/* Private to the web console (web*.c): sessions, event streams, the ring of recent events. */
#ifndef WEB_INT_H
#define WEB_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../core/cmd.h"
#include "../core/snap.h"
#include "../net/bucket.h"
#include "web.h"

struct evhttp;
struct evhttp_request;
struct evhttp_connection;
struct evbuffer;
struct event;
struct evt;

/* Events kept for reconnecting streams (Last-Event-ID). */
#define WEB_RING 4096
/* Seconds between the heartbeats that keep streams open and find dead ones. */
#define WEB_BEAT 15
/* Seconds a session without a stream or a request lives on. */
#define WEB_SESSION_IDLE 600
/* Seconds an HTTP client has to send a request, and a stream to take its bytes. */
#define WEB_TIMEOUT 30
/* The largest request body and the largest header block, in bytes. */
#define WEB_MAX_BODY 65536
#define WEB_MAX_HEADERS 8192
/* Connections the kernel queues for the listening sockets. */
#define WEB_BACKLOG 4096
/* Listening sockets: plaintext and TLS, each may be given a few times. */
#define WEB_FRONTS 8

/* One logged-in browser (or script): its session token is its cookie. */
struct web_sess {
	char token[33]; /* 128 random bits in hex */
	struct cmd_session s;
	struct web_sess *next;
	double used;   /* monotonic seconds of its last request (guard_now) */
	int n_streams; /* event streams open */
	bool resnap;   /* its role or language changed: the next stream starts with a snapshot */
	struct bucket rate; /* the command rate (lim.rate, lim.burst) */
};

/* One open event stream (GET /api/events). */
struct web_stream {
	struct web *w;
	struct web_sess *sess;
	struct evhttp_request *req;
	struct evhttp_connection *evcon;
	struct evbuffer *pend; /* frames not handed to the connection yet */
	struct web_stream *prev, *next;
	bool dead; /* to be closed by the reaper */
	bool tls;  /* over TLS: the bufferevent encrypts and writes */
};

/* A recent event and its stream id. */
struct web_item {
	unsigned long seq;
	struct evt *ev;
};

/* One listening socket's server. */
struct web_front {
	struct web *w;
	struct evhttp *http;
	struct ssl_ctx_st *tls; /* NULL: plaintext */
};

struct web {
	struct server *srv;
	struct web_front fronts[WEB_FRONTS];
	int n_fronts;
	struct web_sess *sessions;
	struct web_stream *streams;
	int n_streams;
	struct web_item ring[WEB_RING]; /* ring[seq % WEB_RING] */
	unsigned long seq;              /* the last event's id */
	struct snap_log log;
	struct event *beat; /* heartbeats and expiry */
	struct event *reap; /* closes dead streams outside of evhttp's callbacks */
};

/* Seconds an HTTP client has to send its request (and a stream to take its bytes). */
int web_timeout(const struct web *w);
/* Add the headers every response carries (CSP and friends). */
void web_headers(struct evhttp_request *req, const char *type);
/* Reply with a JSON body (bytes p, n). */
void web_reply(struct evhttp_request *req, int code, const char *reason, const char *p, size_t n);
/* Reply {"type":"error","cmd":cmd,"code":code,"message":message}. */
void web_error(struct evhttp_request *req, int code, const char *reason, const char *cmd,
               const char *ecode, const char *message);

/* Sessions (web_sess.c). A new session for s (moved into it), with a fresh token. */
struct web_sess *web_sess_new(struct web *w, struct cmd_session *s);
/* The session of the request's cookie, or NULL; marks it used. */
struct web_sess *web_sess_find(struct web *w, struct evhttp_request *req);
/* Log a session out: its streams end, the journal is told, it is freed. */
void web_sess_end(struct web *w, struct web_sess *sess);
/* End the sessions that idled past WEB_SESSION_IDLE. */
void web_sess_expire(struct web *w);
/* Take a token from the session's command bucket; false when it sends too fast. */
bool web_sess_take(struct web *w, struct web_sess *sess);
/* For the roster: call fn for every session. */
void web_sess_each(void *ctx, void (*fn)(const struct cmd_session *s, void *arg), void *arg);

/* Event streams (web_sse.c). GET /api/events for sess (over TLS when tls). */
void web_sse_open(struct web *w, struct web_sess *sess, struct evhttp_request *req, bool tls);
/* The server's sink saw ev: keep it in the ring and queue it to the streams that receive it. */
void web_sse_event(void *ctx, struct evt *ev);
/* Hand every stream's queued frames to its connection. */
void web_sse_settle(void *ctx);
/* Write a heartbeat to every stream. */
void web_sse_beat(struct web *w);
/* Mark a stream to be closed by the reaper. */
void web_sse_kill(struct web_stream *st);
/* Close the dead streams. */
void web_sse_reap(struct web *w);
/* End every stream of sess (when it logs out or changes role). */
void web_sse_end_sess(struct web *w, struct web_sess *sess);
/* Drop the ring's events. */
void web_sse_free(struct web *w);

/* The JSON API (web_api.c): a request under /api/. */
void web_api(struct web_front *f, struct evhttp_request *req, const char *path);

/* The embedded page (web_static.c): a GET or HEAD of anything else. */
void web_static(struct evhttp_request *req, const char *path);

#endif
