/*
 * The web console (CONTRACT section 6): libevent's evhttp on the server's event loop serves the
 * page and its JSON API. A browser is one more client of core's commands and events: its
 * commands run through cmd_exec as a JSON connection's do, and its event stream carries the
 * same shared bytes.
 */
#ifndef WEB_H
#define WEB_H

#include <stddef.h>

struct evt;
struct server;
struct snap_log;
struct ssl_ctx_st;
struct web;

/* The web console of srv (which it does not own); it becomes srv's peer. It takes over what log
 * holds (the RFIs, shares and script errors a --resume replayed), leaving log empty. */
struct web *web_new(struct server *srv, struct snap_log *log);
/* The most events from before the server started that the console's feed is given. */
#define WEB_PAST 1024
/* An event from before the server started (what a --resume replayed), oldest first: the feed
 * shows it; log (web_new) has learnt from it already. */
void web_past(struct web *w, struct evt *ev);
/*
 * Serve HTTP on spec ("127.0.0.1:8080", "[::]:0"), over TLS with tls unless it is NULL. Writes
 * the console's address ("http://127.0.0.1:40123/") to url. Returns 0, or -1 with a message.
 */
int web_listen(struct web *w, const char *spec, struct ssl_ctx_st *tls, char *url, size_t n,
               char *err, size_t errn);
/* Stop serving, end every stream and session, and free the console. */
void web_free(struct web *w);

#endif
