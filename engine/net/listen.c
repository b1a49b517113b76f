/* The listening sockets: ADDR:PORT parsing, accepting, the connection limit and EMFILE. */
#include "listen.h"

#include "loop.h"

#include <errno.h>
#include <event2/listener.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conn.h"
#include "server.h"
#include "tls.h"

/* Pending connections the kernel keeps for us. */
#define LISTEN_BACKLOG 4096

struct listener {
	struct server *srv;
	struct evconnlistener *lev;
	struct event *retry;    /* accepts again after running out of descriptors */
	struct ssl_ctx_st *tls; /* NULL: plaintext */
	struct listener *next;
};

/* Split spec into host and port; -1 with a message when malformed. */
static int listen_split(const char *spec, char *host, size_t hn, char *port, size_t pn, char *err,
                        size_t errn)
{
	const char *colon, *h = spec, *p;
	size_t hl;
	char *end;
	long v;

	if (spec[0] == '[') {
		const char *close = strchr(spec, ']');

		if (close == NULL || close[1] != ':') {
			snprintf(err, errn, "'%s' is not ADDR:PORT (IPv6 is written [ADDR]:PORT)",
			         spec);
			return -1;
		}
		h = spec + 1;
		hl = (size_t)(close - h);
		colon = close + 1;
	} else {
		colon = strrchr(spec, ':');
		if (colon == NULL || memchr(spec, ':', (size_t)(colon - spec)) != NULL) {
			snprintf(err, errn, "'%s' is not ADDR:PORT (IPv6 is written [ADDR]:PORT)",
			         spec);
			return -1;
		}
		hl = (size_t)(colon - spec);
	}
	p = colon + 1;
	errno = 0;
	v = strtol(p, &end, 10);
	if (hl == 0 || hl >= hn || *p < '0' || *p > '9' || *end != '\0' || errno != 0 ||
	    v > 65535 || strlen(p) >= pn) {
		snprintf(err, errn, "'%s' is not ADDR:PORT with a port from 0 to 65535", spec);
		return -1;
	}
	memcpy(host, h, hl);
	host[hl] = '\0';
	snprintf(port, pn, "%ld", v);
	return 0;
}

/* Resolve spec into its first address; the caller frees *ai. */
int listen_resolve(const char *spec, struct addrinfo **ai, char *err, size_t errn)
{
	char host[256], port[24];
	struct addrinfo hints;
	int r;

	if (listen_split(spec, host, sizeof host, port, sizeof port, err, errn) < 0)
		return -1;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = spec[0] == '[' ? AF_INET6 : AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	r = getaddrinfo(host, port, &hints, ai);
	if (r != 0) {
		snprintf(err, errn, "cannot listen on '%s': %s", spec, gai_strerror(r));
		return -1;
	}
	return 0;
}

/* Whether spec ("127.0.0.1:7300", "[::1]:7300", "localhost:0") is well formed; else a message. */
bool listen_valid(const char *spec, char *err, size_t errn)
{
	char host[256], port[24];

	return listen_split(spec, host, sizeof host, port, sizeof port, err, errn) == 0;
}

/* Whether spec names an IPv4 address (so IPv6 listeners of the server must be IPv6 only). */
bool listen_is_ipv4(const char *spec)
{
	return spec[0] != '[';
}

/* Refuse a connection over the limit with a message; the others are untouched. */
static void listen_refuse(int fd)
{
	static const char msg[] = "error: server full, try again later (server_full)\n";
	char junk[512];

	while (recv(fd, junk, sizeof junk, MSG_DONTWAIT) > 0)
		;
	if (send(fd, msg, sizeof msg - 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
		errno = 0;
	shutdown(fd, SHUT_WR);
	close(fd);
}

/* A new connection. */
static void listen_accept(struct evconnlistener *lev, evutil_socket_t fd, struct sockaddr *sa,
                          int salen, void *arg)
{
	struct listener *l = arg;
	struct server *srv = l->srv;

	(void)lev;
	if (srv->stopping || srv->n_conns >= srv->lim.max_conns) {
		if (l->tls != NULL)
			close(fd); /* a message would need a handshake first */
		else
			listen_refuse(fd);
		return;
	}
	conn_accept(srv, fd, sa, salen, l->tls);
	server_settle(srv);
}

/* Accepting failed: out of descriptors means stop for a second instead of spinning. */
static void listen_error(struct evconnlistener *lev, void *arg)
{
	struct listener *l = arg;
	int err = EVUTIL_SOCKET_ERROR();
	struct timeval tv = {1, 0};

	if (err != EMFILE && err != ENFILE && err != ENOBUFS && err != ENOMEM)
		return;
	fprintf(stderr, "tabletop: accept: %s; not accepting for a second\n", strerror(err));
	evconnlistener_disable(lev);
	evtimer_add(l->retry, &tv);
}

/* A second after running out of descriptors: accept again. */
static void listen_retry(evutil_socket_t fd, short what, void *arg)
{
	struct listener *l = arg;

	(void)fd;
	(void)what;
	evconnlistener_enable(l->lev);
}

/* Write the address the socket fd is bound to as ADDR:PORT ([ADDR]:PORT for IPv6). */
void listen_fd_name(int fd, char *real, size_t n)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char host[NI_MAXHOST], port[NI_MAXSERV];

	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0 ||
	    getnameinfo((struct sockaddr *)&ss, len, host, sizeof host, port, sizeof port,
	                NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		snprintf(real, n, "?");
		return;
	}
	if (ss.ss_family == AF_INET6)
		snprintf(real, n, "[%s]:%s", host, port);
	else
		snprintf(real, n, "%s:%s", host, port);
}

/* Listen on spec, for TLS unless tls is NULL; writes the address bound to real. 0, or -1. */
int listen_add(struct server *srv, const char *spec, struct ssl_ctx_st *tls, char *real, size_t n,
               char *err, size_t errn)
{
	struct addrinfo *ai;
	struct listener *l;
	unsigned flags = LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC | LEV_OPT_REUSEABLE;

	if (listen_resolve(spec, &ai, err, errn) < 0)
		return -1;
	if (ai->ai_family == AF_INET6 && srv->v6only)
		flags |= LEV_OPT_BIND_IPV6ONLY;
	l = mem_calloc(1, sizeof *l);
	l->srv = srv;
	l->lev = evconnlistener_new_bind(srv->base, listen_accept, l, flags, LISTEN_BACKLOG,
	                                 ai->ai_addr, (int)ai->ai_addrlen);
	freeaddrinfo(ai);
	if (l->lev == NULL) {
		snprintf(err, errn, "cannot listen on %s: %s", spec, strerror(errno));
		free(l);
		return -1;
	}
	l->retry = loop_event_new(srv->base, -1, 0, listen_retry, l);
	if (l->retry == NULL)
		abort();
	evconnlistener_set_error_cb(l->lev, listen_error);
	if (tls != NULL)
		tls_ref(tls);
	l->tls = tls;
	l->next = srv->listeners;
	srv->listeners = l;
	listen_fd_name(evconnlistener_get_fd(l->lev), real, n);
	return 0;
}

/* Stop listening and free the listeners. */
void listen_close_all(struct server *srv)
{
	struct listener *l;

	while ((l = srv->listeners) != NULL) {
		srv->listeners = l->next;
		evconnlistener_free(l->lev);
		loop_event_free(l->retry);
		tls_free(l->tls);
		free(l);
	}
}
