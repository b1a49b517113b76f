/* The web console: evhttp on the server's loop, the headers every answer has, and dispatch. */
#include "web_int.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <jansson.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../core/mem.h"
#include "../net/listen.h"
#include "../net/loop.h"
#include "../net/server.h"
#include "../net/tls.h"

/* Add the headers every response carries (CSP and friends). */
void web_headers(struct evhttp_request *req, const char *type)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(req);

	evhttp_add_header(h, "Content-Type", type);
	evhttp_add_header(h, "Content-Security-Policy",
	                  "default-src 'none'; script-src 'self'; style-src 'self'; "
	                  "img-src 'self'; connect-src 'self'; base-uri 'none'; "
	                  "form-action 'none'; frame-ancestors 'none'");
	evhttp_add_header(h, "X-Content-Type-Options", "nosniff");
	evhttp_add_header(h, "X-Frame-Options", "DENY");
	evhttp_add_header(h, "Referrer-Policy", "no-referrer");
	evhttp_add_header(h, "Cache-Control", "no-store");
}

/* Reply with a JSON body (bytes p, n). */
void web_reply(struct evhttp_request *req, int code, const char *reason, const char *p, size_t n)
{
	struct evbuffer *b = evbuffer_new();

	if (b == NULL || evbuffer_add(b, p, n) != 0)
		abort();
	web_headers(req, "application/json; charset=utf-8");
	evhttp_send_reply(req, code, reason, b);
	evbuffer_free(b);
}

/* Reply {"type":"error","cmd":cmd,"code":code,"message":message}. */
void web_error(struct evhttp_request *req, int code, const char *reason, const char *cmd,
               const char *ecode, const char *message)
{
	json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "type", "error", "cmd", cmd, "code", ecode,
	                      "message", message);
	char *s = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;

	if (s == NULL)
		abort();
	web_reply(req, code, reason, s, strlen(s));
	free(s);
	json_decref(o);
}

/* Seconds an HTTP client has to send its request: WEB_TIMEOUT, or --idle-timeout if shorter. */
int web_timeout(const struct web *w)
{
	long idle = w->srv->lim.idle_timeout;

	return idle > 0 && idle < WEB_TIMEOUT ? (int)idle : WEB_TIMEOUT;
}

/* Every request: the API under /api/, else the page. */
static void web_request(struct evhttp_request *req, void *arg)
{
	struct web_front *f = arg;
	const char *path = evhttp_uri_get_path(evhttp_request_get_evhttp_uri(req));

	if (path == NULL || path[0] == '\0')
		path = "/";
	if (strncmp(path, "/api/", 5) == 0)
		web_api(f, req, path);
	else
		web_static(req, path);
}

/* A TLS bufferevent for each connection of an HTTPS front. */
static struct bufferevent *web_bevcb(struct event_base *base, void *arg)
{
	struct web_front *f = arg;

	return tls_accept(f->tls, base, -1);
}

/* Every WEB_BEAT seconds: heartbeats, expired sessions. */
static void web_beat(evutil_socket_t fd, short what, void *arg)
{
	struct web *w = arg;

	(void)fd;
	(void)what;
	web_sess_expire(w);
	web_sse_beat(w);
	web_sse_settle(w);
}

/* Close the streams marked dead. */
static void web_reap(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	web_sse_reap(arg);
}

/* The web console of srv, with what log learnt; it becomes srv's peer. */
struct web *web_new(struct server *srv, struct snap_log *log)
{
	struct web *w = mem_calloc(1, sizeof *w);
	struct timeval tv = {WEB_BEAT, 0};

	w->srv = srv;
	w->log = *log;
	snap_log_init(log);
	w->beat = loop_event_new(srv->base, -1, EV_PERSIST, web_beat, w);
	w->reap = loop_event_new(srv->base, -1, 0, web_reap, w);
	evtimer_add(w->beat, &tv);
	srv->peer.ctx = w;
	srv->peer.event = web_sse_event;
	srv->peer.each = web_sess_each;
	srv->peer.settle = web_sse_settle;
	return w;
}

/* A listening socket on spec with a deep backlog (a room of browsers reconnects at once); -1
 * with a message. */
static int web_socket(const char *spec, char *err, size_t errn)
{
	struct addrinfo *ai;
	int fd, one = 1;

	if (listen_resolve(spec, &ai, err, errn) < 0)
		return -1;
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd >= 0) {
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (ai->ai_family == AF_INET6)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, WEB_BACKLOG) < 0) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0)
		snprintf(err, errn, "cannot serve the web console on '%s': %s", spec,
		         strerror(errno));
	freeaddrinfo(ai);
	return fd;
}

/* The address a bound socket really has, as http[s]://ADDR:PORT/. */
static void web_url(struct evhttp_bound_socket *b, bool tls, char *url, size_t n)
{
	char name[300];

	listen_fd_name(evhttp_bound_socket_get_fd(b), name, sizeof name);
	snprintf(url, n, "%s://%s/", tls ? "https" : "http", name);
}

/* Serve HTTP on spec, over TLS with tls unless it is NULL; the real address goes to url. */
int web_listen(struct web *w, const char *spec, struct ssl_ctx_st *tls, char *url, size_t n,
               char *err, size_t errn)
{
	struct web_front *f;
	struct evhttp_bound_socket *b;
	int fd;

	if (w->n_fronts == WEB_FRONTS) {
		snprintf(err, errn, "at most %d web listeners", WEB_FRONTS);
		return -1;
	}
	if ((fd = web_socket(spec, err, errn)) < 0)
		return -1;
	f = &w->fronts[w->n_fronts];
	f->w = w;
	f->tls = tls;
	f->http = evhttp_new(w->srv->base);
	if (f->http == NULL)
		abort();
	evhttp_set_gencb(f->http, web_request, f);
	evhttp_set_allowed_methods(f->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD | EVHTTP_REQ_POST);
	evhttp_set_max_body_size(f->http, WEB_MAX_BODY);
	evhttp_set_max_headers_size(f->http, WEB_MAX_HEADERS);
	evhttp_set_timeout(f->http, web_timeout(w));
	if (tls != NULL)
		evhttp_set_bevcb(f->http, web_bevcb, f);
	b = evhttp_accept_socket_with_handle(f->http, fd);
	if (b == NULL)
		abort();
	if (tls != NULL)
		tls_ref(tls);
	w->n_fronts++;
	web_url(b, tls != NULL, url, n);
	return 0;
}

/* Stop serving, end every stream and session, and free the console. */
void web_free(struct web *w)
{
	if (w == NULL)
		return;
	w->srv->peer = (struct server_peer){0};
	while (w->sessions != NULL)
		web_sess_end(w, w->sessions);
	web_sse_reap(w);
	for (int i = 0; i < w->n_fronts; i++) {
		evhttp_free(w->fronts[i].http);
		tls_free(w->fronts[i].tls);
	}
	web_sse_free(w);
	snap_log_free(&w->log);
	loop_event_free(w->beat);
	loop_event_free(w->reap);
	free(w);
}
