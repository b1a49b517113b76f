/* One client connection: input lines to commands, replies and shared events back, and limits. */
#include "conn.h"

#include "loop.h"

#include <assert.h>
#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <jansson.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../core/evt.h"
#include "../core/utf8.h"
#include "../journal/journal.h"
#include "admit.h"
#include "conn_term.h"
#include "fanout.h"
#include "server.h"
#include "tls.h"

/* How long a closing connection may take to flush its output and see the client go. */
#define CONN_LINGER_SECONDS 5

/* An event's bytes have left one client's buffer. */
static void conn_unref(const void *data, size_t len, void *arg)
{
	(void)data;
	(void)len;
	if (!fanout_defer_unref(arg))
		evt_unref(arg);
}

/* Drop c if more output waits than the limit allows: it does not read. */
static void conn_check_cap(struct conn *c)
{
	if (!c->console && evbuffer_get_length(c->out) > c->srv->lim.max_output)
		conn_kill(c, "too far behind (output limit reached), disconnected");
}

/*
 * Put the event waiting to be written straight from its bytes into the output buffer, by
 * reference, before anything else is added there.
 */
static void conn_undirect(struct conn *c)
{
	struct evt *ev = c->direct;

	if (ev == NULL)
		return;
	c->direct = NULL;
	if (evbuffer_add_reference(c->out, c->direct_p, c->direct_n, conn_unref, ev) != 0)
		abort();
}

/* Append n bytes for the client as they are: the prompt and the line being typed stay. */
void conn_raw(struct conn *c, const void *p, size_t n)
{
	if (c->dead || n == 0)
		return;
	conn_undirect(c);
	if (evbuffer_add(c->out, p, n) != 0)
		abort();
	server_flush_later(c->srv, c);
	conn_check_cap(c);
}

/* Append n bytes of text for the client (an error's when error), after the line being typed. */
static void conn_write_text(struct conn *c, const void *p, size_t n, bool error)
{
	if (c->dead || n == 0)
		return;
	if (conn_term_hide(c)) {
		server_dirty(c->srv, c);
		conn_term_text(c, p, n, error);
	} else {
		conn_raw(c, p, n);
	}
	c->at_prompt = false;
}

/* Append n bytes for the client, in place of the prompt and the line being typed. */
static void conn_write(struct conn *c, const void *p, size_t n)
{
	conn_write_text(c, p, n, false);
}

/* The telnet decoder has data bytes for us. */
static void conn_tn_data(void *arg, const unsigned char *p, size_t n)
{
	struct conn *c = arg;

	if (!conn_term_data(c, p, n) && evbuffer_add(c->in, p, n) != 0)
		abort();
}

/* The telnet decoder answers a negotiation. */
static void conn_tn_send(void *arg, const unsigned char *p, size_t n)
{
	struct conn *c = arg;

	if (c->dead || c->console)
		return;
	conn_undirect(c);
	if (evbuffer_add(c->out, p, n) != 0)
		abort();
	server_flush_later(c->srv, c);
}

/*
 * Queue an event for c, shared and not copied. A JSON client with nothing else waiting keeps it
 * as its direct event, written from the event's bytes without an output buffer chain (which
 * libevent makes 1 KiB large, for every client of every broadcast).
 */
void conn_event(struct conn *c, struct evt *ev)
{
	const char *p;
	size_t n;

	if (c->dead || c->closing)
		return;
	p = cmd_event_bytes(&c->s, ev, c->srv->ex, &n);
	if ((double)n > c->srv->event_bytes)
		c->srv->event_bytes = (double)n;
	if (c->s.json && c->direct == NULL && c->bev != NULL && !c->tls &&
	    evbuffer_get_length(c->out) == 0 && !(bufferevent_get_enabled(c->bev) & EV_WRITE)) {
		evt_ref(ev);
		c->direct = ev;
		c->direct_p = p;
		c->direct_n = n;
		server_flush_later(c->srv, c);
		return;
	}
	conn_undirect(c);
	if (conn_term_hide(c)) { /* the text with the line ends its terminal needs, shared */
		c->at_prompt = false;
		server_dirty(c->srv, c);
		conn_term_event(c, ev, p, n);
		return;
	}
	if (!c->s.json && c->at_prompt) {
		if (evbuffer_add(c->out, "\n", 1) != 0)
			abort();
		c->at_prompt = false;
		server_dirty(c->srv, c);
	}
	conn_shared(c, ev, p, n);
}

/* Queue n bytes at p that belong to ev for c, by reference: shared with every recipient. */
void conn_shared(struct conn *c, struct evt *ev, const char *p, size_t n)
{
	evt_ref(ev);
	if (evbuffer_add_reference(c->out, p, n, conn_unref, ev) != 0)
		abort();
	server_flush_later(c->srv, c);
	conn_check_cap(c);
}

/* Write the prompt if c is in text mode and not already at it. */
void conn_prompt(struct conn *c)
{
	char buf[128];
	const char *who = "tabletop";

	if (c->dead || c->closing || c->s.json || c->at_prompt)
		return;
	if (c->s.role == CMD_ROLE_TEAM && c->s.team >= 0 && c->s.team < c->srv->ex->n_teams)
		who = c->srv->ex->teams[c->s.team].id;
	else if (c->s.role == CMD_ROLE_FACILITATOR)
		who = "facilitator";
	else if (c->s.role == CMD_ROLE_OBSERVER)
		who = "observer";
	snprintf(buf, sizeof buf, "%s> ", who);
	if (!conn_term_prompt(c, buf))
		conn_write(c, buf, strlen(buf));
	c->at_prompt = true;
}

/* Write the banner and the first prompt. */
void conn_banner(struct conn *c)
{
	static const char rest[] = "\nEXERCISE EXERCISE EXERCISE\n"
	                           "This is an exercise, not a real incident. Type help for the "
	                           "commands;\njoin with: login ID CODE [NAME]\n";
	char *title =
	    utf8_term(c->srv->ex->title != NULL ? c->srv->ex->title : "tabletop exercise");

	conn_write(c, title, strlen(title));
	free(title);
	conn_write(c, rest, sizeof rest - 1);
	conn_prompt(c);
}

/* Stop the timers and transport callbacks of c. */
static void conn_quiet(struct conn *c)
{
	if (c->delay_ev != NULL)
		evtimer_del(c->delay_ev);
	if (c->idle_ev != NULL)
		evtimer_del(c->idle_ev);
	if (c->stdin_ev != NULL)
		event_del(c->stdin_ev);
	if (c->bev != NULL) {
		bufferevent_disable(c->bev, EV_READ | EV_WRITE);
		bufferevent_setcb(c->bev, NULL, NULL, NULL, NULL);
	}
}

/* Mark c dead and close it without flushing; the server frees it later. */
void conn_kill(struct conn *c, const char *why)
{
	if (c->dead)
		return;
	c->dead = true;
	if (!c->console)
		c->srv->n_conns--;
	if (why != NULL)
		fprintf(stderr, "tabletop: %s: %s\n", c->addr, why);
	conn_quiet(c);
	c->dead_next = c->srv->dead;
	c->srv->dead = c;
	server_reap_later(c->srv);
}

/* Lingering close: the client's bytes are read and dropped until it goes. */
static void conn_linger_read(struct bufferevent *bev, void *arg)
{
	(void)arg;
	evbuffer_drain(bufferevent_get_input(bev), evbuffer_get_length(bufferevent_get_input(bev)));
}

/* Lingering close: the client went, or took too long. */
static void conn_linger_event(struct bufferevent *bev, short what, void *arg)
{
	(void)bev;
	(void)what;
	conn_kill(arg, NULL);
}

/* A closing connection's output is flushed: send FIN, wait for the client's, then free it. */
static void conn_flushed(struct bufferevent *bev, void *arg)
{
	struct conn *c = arg;
	struct timeval tv = {CONN_LINGER_SECONDS, 0};

	if (evbuffer_get_length(c->out) > 0)
		return;
	if (c->tls)
		tls_close_notify(bev);
	if (c->eof) {
		conn_kill(c, NULL); /* the client is gone already */
		return;
	}
	shutdown(bufferevent_getfd(bev), SHUT_WR);
	bufferevent_setcb(bev, conn_linger_read, NULL, conn_linger_event, c);
	bufferevent_set_timeouts(bev, &tv, NULL);
	bufferevent_enable(bev, EV_READ);
	bufferevent_disable(bev, EV_WRITE);
}

/* Write the console's output to stdout, waiting for the terminal if need be. */
static void conn_flush_stdout(struct conn *c)
{
	while (evbuffer_get_length(c->out) > 0) {
		struct pollfd pfd = {STDOUT_FILENO, POLLOUT, 0};

		if (evbuffer_write(c->out, STDOUT_FILENO) >= 0 || errno == EINTR)
			continue;
		if (errno != EAGAIN || poll(&pfd, 1, 1000) < 0)
			evbuffer_drain(c->out, evbuffer_get_length(c->out));
	}
}

/* The console has output: write it once the current callback is done. */
static void conn_stdout_ready(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	conn_flush_stdout(arg);
}

/* Output was added to the console's buffer. */
static void conn_stdout_added(struct evbuffer *b, const struct evbuffer_cb_info *info, void *arg)
{
	struct conn *c = arg;

	(void)b;
	if (info->n_added > 0 && !c->dead)
		event_active(c->flush_ev, 0, 0);
}

/* Send c's output to stdout (the console). */
void conn_stdout(struct conn *c)
{
	c->out = evbuffer_new();
	c->flush_ev = loop_event_new(c->srv->base, -1, 0, conn_stdout_ready, c);
	if (c->out == NULL || c->flush_ev == NULL)
		abort();
	evbuffer_add_cb(c->out, conn_stdout_added, c);
}

/* Stop reading, flush what c has to say, then close. */
static void conn_close(struct conn *c)
{
	struct timeval tv = {CONN_LINGER_SECONDS, 0};

	if (c->dead || c->closing)
		return;
	conn_undirect(c);
	c->closing = true;
	if (c->console) {
		conn_flush_stdout(c);
		conn_kill(c, NULL);
		return;
	}
	if (c->tls && !tls_open(c->bev)) {
		conn_kill(c, NULL); /* nothing reaches a client before its handshake */
		return;
	}
	conn_quiet(c);
	bufferevent_setcb(c->bev, NULL, conn_flushed, conn_linger_event, c);
	bufferevent_set_timeouts(c->bev, NULL, &tv);
	bufferevent_enable(c->bev, EV_WRITE);
	if (evbuffer_get_length(c->out) == 0)
		conn_flushed(c->bev, c);
}

/* Say goodbye (reason is a code, message its text), flush, then close. */
void conn_bye(struct conn *c, const char *reason, const char *message)
{
	if (c->dead || c->closing)
		return;
	if (c->s.json) {
		json_t *o =
		    json_pack("{s:s,s:s,s:s}", "type", "bye", "reason", reason, "message", message);
		char *j = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;

		if (j == NULL)
			abort();
		conn_write(c, j, strlen(j));
		conn_write(c, "\n", 1);
		free(j);
		json_decref(o);
	} else {
		if (c->at_prompt)
			conn_write(c, "\n", 1);
		conn_write(c, message, strlen(message));
		conn_write(c, "\n", 1);
	}
	conn_close(c);
}

/* Send an error that net itself detected, with the same shape as the commands' errors. */
static void conn_error(struct conn *c, const char *verb, const char *code, const char *message)
{
	struct cmd_reply r;
	const char *p;
	size_t n;

	cmd_reply_error(&r, verb, code, message);
	p = cmd_reply_bytes(&r, &c->s, &n);
	conn_write_text(c, p, n, true);
	cmd_reply_free(&r);
}

/* Stop reading from c for secs seconds (its input waits, in the socket if need be). */
static void conn_hold(struct conn *c, double secs)
{
	struct timeval tv;

	if (!(secs < 3600))
		secs = 3600; /* and a rate of 0 waits that long at a time */
	tv = loop_timeval(secs);
	c->delayed = true;
	bufferevent_disable(c->bev, EV_READ);
	evtimer_add(c->delay_ev, &tv);
}

/* Start the countdown that closes a connection that has not logged in by its end. */
static void conn_idle_arm(struct conn *c)
{
	struct timeval tv = {c->srv->lim.idle_timeout, 0};

	if (c->idle_ev != NULL && c->s.role == CMD_ROLE_NONE && c->srv->lim.idle_timeout > 0)
		evtimer_add(c->idle_ev, &tv);
}

/* A login failed: count it for its address and id, close after too many, else pause. */
static void conn_login_failed(struct conn *c, int before, const char *line)
{
	if (c->s.failed_logins == before)
		c->s.failed_logins++;
	if (c->console)
		return;
	admit_failed(c, line);
	if (c->s.failed_logins >= c->srv->lim.login_failures) {
		conn_bye(c, "login_failures", "too many failed logins, closing the connection");
		return;
	}
	conn_hold(c, c->s.failed_logins);
}

/* Run one valid line as a command and send its reply after the events it caused. */
static void conn_exec(struct conn *c, const char *line)
{
	struct cmd_reply r;
	int failed = c->s.failed_logins;
	enum cmd_role role = c->s.role;
	bool was_json = c->s.json;
	const char *p;
	size_t n;

	server_exec(c->srv, &c->s, line, &r);
	server_regroup(c->srv, c);
	if (c->s.json && !was_json) {
		conn_term_leave(c);
		conn_write(c, "\n", 1); /* JSON starts on a line of its own, after the prompt */
	}
	p = cmd_reply_bytes(&r, &c->s, &n);
	conn_write_text(c, p, n, r.code != NULL);
	if (r.code != NULL && strcmp(r.code, "auth_failed") == 0)
		conn_login_failed(c, failed, line);
	else if (role == CMD_ROLE_NONE && c->s.role != CMD_ROLE_NONE && c->idle_ev != NULL)
		evtimer_del(c->idle_ev);
	cmd_reply_free(&r);
	if (c->s.quit)
		conn_close(c);
}

/* One input line (without its end): limits and checks, then the command. */
static void conn_line(struct conn *c, char *line, size_t n)
{
	char verb[17], msg[128];

	c->at_prompt = false;
	cmd_verb(line, n, verb, sizeof verb);
	if (memchr(line, '\0', n) != NULL) {
		conn_error(c, verb, "bad_encoding",
		           "the line holds a NUL byte, a control character that is not text; "
		           "nothing was done");
	} else if (!utf8_valid(line, n)) {
		conn_error(c, verb, "bad_encoding",
		           "the line is not valid UTF-8 text; nothing was done");
	} else if (admit_team_full(c, line, n, msg, sizeof msg)) {
		conn_error(c, verb, "team_full", msg);
	} else {
		conn_exec(c, line);
	}
	conn_term_line_done(c);
	conn_prompt(c);
}

/* Answer a line that was too long; its bytes are gone already. */
static void conn_too_long(struct conn *c)
{
	char msg[128];

	c->at_prompt = false;
	snprintf(msg, sizeof msg, "the line is longer than %zu bytes and was dropped",
	         c->srv->lim.max_line);
	conn_error(c, c->long_verb, "line_too_long", msg);
	c->discarding = false;
	conn_prompt(c);
}

/* Start dropping an overlong line, keeping its verb for the error reply. */
static void conn_discard(struct conn *c)
{
	char head[64];
	ssize_t n;

	if (c->discarding)
		return;
	n = evbuffer_copyout(c->in, head, sizeof head);
	cmd_verb(head, n > 0 ? (size_t)n : 0, c->long_verb, sizeof c->long_verb);
	c->discarding = true;
}

/* Run the complete lines waiting, unless reading is paused. */
void conn_process(struct conn *c)
{
	size_t max = c->srv->lim.max_line;

	while (!c->dead && !c->closing && !c->delayed) {
		size_t avail = evbuffer_get_length(c->in), n, len;
		struct evbuffer_ptr eol;
		double wait;
		char *line;

		if (avail == 0)
			break;
		eol = evbuffer_search(c->in, "\n", 1, NULL);
		if (eol.pos < 0) {
			if (avail > max) {
				conn_discard(c);
				evbuffer_drain(c->in, avail);
			}
			break;
		}
		n = (size_t)eol.pos;
		if (c->discarding || n > max) {
			conn_discard(c);
			evbuffer_drain(c->in, n + 1);
			conn_too_long(c);
			continue;
		}
		line = mem_realloc(NULL, n + 1);
		evbuffer_copyout(c->in, line, n + 1);
		len = n;
		while (len > 0 && line[len - 1] == '\r')
			len--; /* CR NUL CR LF from telnet given "\r\n" */
		line[len] = '\0';
		wait = admit_wait(c, line, len);
		if (wait > 0) {
			free(line);
			conn_hold(c, wait);
			break;
		}
		evbuffer_drain(c->in, n + 1);
		conn_line(c, line, len);
		c->admitted = false;
		free(line);
	}
	if (c->eof && !c->delayed)
		conn_close(c);
}

/* Decode bytes from the client; lines are read by conn_process. */
void conn_input(struct conn *c, const unsigned char *p, size_t n)
{
	telnet_feed(&c->tn, p, n);
}

/* The client sent its last byte: run what is left, then close. */
void conn_eof(struct conn *c)
{
	size_t n = evbuffer_get_length(c->in);

	c->eof = true;
	if (n > 0 && !c->discarding) {
		char last;
		struct evbuffer_ptr end;

		evbuffer_ptr_set(c->in, &end, n - 1, EVBUFFER_PTR_SET);
		if (evbuffer_copyout_from(c->in, &end, &last, 1) == 1 && last != '\n')
			evbuffer_add(c->in, "\n", 1);
	} else if (c->discarding) {
		evbuffer_add(c->in, "\n", 1);
	}
	conn_process(c);
}

/*
 * Write c's direct event; what the socket does not take goes to the output buffer, by reference.
 * -1 if the socket failed (the event stays direct, for conn_free). Writer threads may call it.
 */
static int conn_write_direct(struct conn *c)
{
	struct evt *ev = c->direct;
	ssize_t r;

	assert(!(bufferevent_get_enabled(c->bev) & EV_WRITE) && evbuffer_get_length(c->out) == 0);
	r = send(bufferevent_getfd(c->bev), c->direct_p, c->direct_n, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
		return -1;
	c->direct = NULL;
	if (r < 0)
		r = 0;
	if ((size_t)r < c->direct_n) {
		/* no callback of the output buffer touches the event base: writing is not enabled
		 */
		if (evbuffer_add_reference(c->out, c->direct_p + r, c->direct_n - (size_t)r,
		                           conn_unref, ev) != 0)
			abort();
	} else if (!fanout_defer_unref(ev)) {
		evt_unref(ev);
	}
	return 0;
}

/*
 * Write what the socket takes of c's pending output now, without a round through the event loop;
 * -1 if the socket failed. It touches nothing but c's output, so writer threads may call it.
 * Over TLS it writes nothing: conn_flush_done leaves it all to the bufferevent, which encrypts.
 */
int conn_write_out(struct conn *c)
{
	int r;

	if (c->dead || c->closing || c->bev == NULL || c->tls)
		return 0;
	if (c->direct != NULL && conn_write_direct(c) < 0)
		return -1;
	if (evbuffer_get_length(c->out) == 0 || (bufferevent_get_enabled(c->bev) & EV_WRITE))
		return 0;
	errno = 0;
	assert(!(bufferevent_get_enabled(c->bev) & EV_WRITE)); /* see fanout.h */
	evbuffer_unfreeze(c->out, 1); /* the bufferevent keeps its output frozen for itself */
	r = evbuffer_write(c->out, bufferevent_getfd(c->bev));
	evbuffer_freeze(c->out, 1);
	return r < 0 && errno != EAGAIN && errno != EINTR ? -1 : 0;
}

/* After conn_write_out: drop c if its socket failed, or leave the rest to the bufferevent. */
void conn_flush_done(struct conn *c, int rc)
{
	if (rc < 0)
		conn_kill(c, NULL);
	else if (!c->dead && !c->closing && c->bev != NULL && evbuffer_get_length(c->out) > 0)
		bufferevent_enable(c->bev, EV_WRITE);
}

/* Write c's pending output now; what the socket does not take is written when it can. */
void conn_flush(struct conn *c)
{
	conn_flush_done(c, conn_write_out(c));
}

/* The bufferevent wrote the last of the output: writing goes back to conn_flush. */
static void conn_drained(struct bufferevent *bev, void *arg)
{
	(void)arg;
	if (evbuffer_get_length(bufferevent_get_output(bev)) == 0) /* TLS calls back later */
		bufferevent_disable(bev, EV_WRITE);
}

/* Bytes arrived on the socket. */
static void conn_read(struct bufferevent *bev, void *arg)
{
	struct conn *c = arg;
	struct evbuffer *raw = bufferevent_get_input(bev);
	unsigned char buf[4096];
	int n;

	while ((n = evbuffer_remove(raw, buf, sizeof buf)) > 0)
		conn_input(c, buf, (size_t)n);
	conn_process(c);
	server_settle(c->srv);
}

/*
 * The socket reached its end or failed. Over TLS, an end without the client's close_notify is
 * a failure: an unfinished last line is not run, since whoever cut the connection chose its end.
 */
static void conn_sock_event(struct bufferevent *bev, short what, void *arg)
{
	struct conn *c = arg;

	if (what & BEV_EVENT_EOF) {
		conn_eof(c);
		server_settle(c->srv);
	} else if (what & (BEV_EVENT_ERROR | BEV_EVENT_TIMEOUT)) {
		const char *why = c->tls && !tls_open(bev) ? tls_error(bev) : NULL;

		if (why != NULL)
			fprintf(stderr, "tabletop: %s: TLS handshake failed: %s\n", c->addr, why);
		conn_kill(c, NULL);
	}
}

/* A pause of reading is over (after a failed login, or pacing): read again. */
static void conn_delay_done(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg;

	(void)fd;
	(void)what;
	c->delayed = false;
	if (!c->eof)
		bufferevent_enable(c->bev, EV_READ);
	conn_process(c);
	server_settle(c->srv);
}

/* The connection idled too long without logging in. */
static void conn_idle(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg;
	char msg[128];

	(void)fd;
	(void)what;
	if (c->s.role != CMD_ROLE_NONE)
		return;
	snprintf(msg, sizeof msg, "no login within %ld seconds, closing the connection",
	         c->srv->lim.idle_timeout);
	conn_bye(c, "idle_timeout", msg);
}

/* A connection with no transport yet (the console gives it one); not attached to the server. */
struct conn *conn_new(struct server *srv, bool console)
{
	struct conn *c = mem_calloc(1, sizeof *c);

	c->srv = srv;
	c->console = console;
	c->in = evbuffer_new();
	if (c->in == NULL)
		abort();
	telnet_init(&c->tn, conn_tn_data, conn_tn_send, c);
	cmd_session_init(&c->s, ++srv->next_id);
	bucket_init(&c->rate, srv->lim.burst, guard_now());
	return c;
}

/* Serve a newly accepted socket (the server checked the limit), over TLS when ctx is not NULL. */
struct conn *conn_accept(struct server *srv, int fd, const struct sockaddr *sa, int salen,
                         struct ssl_ctx_st *ctx)
{
	struct conn *c = conn_new(srv, false);
	char host[INET6_ADDRSTRLEN + 8], port[8];
	int one = 1;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (getnameinfo(sa, (socklen_t)salen, host, sizeof host, port, sizeof port,
	                NI_NUMERICHOST | NI_NUMERICSERV) == 0)
		snprintf(c->addr, sizeof c->addr, "%s%s%s:%s", sa->sa_family == AF_INET6 ? "[" : "",
		         host, sa->sa_family == AF_INET6 ? "]" : "", port);
	else
		snprintf(c->addr, sizeof c->addr, "connection %lu", c->s.id);
	c->tls = ctx != NULL;
	c->bev = c->tls ? tls_accept(ctx, srv->base, fd)
	                : bufferevent_socket_new(srv->base, fd, BEV_OPT_CLOSE_ON_FREE);
	if (c->bev == NULL)
		abort();
	c->out = bufferevent_get_output(c->bev);
	c->delay_ev = loop_event_new(srv->base, -1, 0, conn_delay_done, c);
	c->idle_ev = loop_event_new(srv->base, -1, 0, conn_idle, c);
	if (c->delay_ev == NULL || c->idle_ev == NULL)
		abort();
	bufferevent_setcb(c->bev, conn_read, conn_drained, conn_sock_event, c);
	bufferevent_disable(c->bev, EV_WRITE); /* conn_flush writes; the bufferevent only helps */
	bufferevent_enable(c->bev, EV_READ);
	srv->n_conns++;
	server_attach(srv, c);
	conn_idle_arm(c);
	conn_banner(c);
	return c;
}

/* Free a dead connection (from the server's reaper only). */
void conn_free(struct conn *c)
{
	if (c->s.role != CMD_ROLE_NONE)
		journal_logout(c->srv->journal, c->s.id);
	cmd_session_close(c->srv->ex, &c->s);
	evt_unref(c->direct);
	conn_term_free(c);
	if (c->bev != NULL) {
		bufferevent_free(c->bev);
	} else if (c->out != NULL) {
		conn_flush_stdout(c);
		evbuffer_free(c->out);
	}
	evbuffer_free(c->in);
	if (c->delay_ev != NULL)
		loop_event_free(c->delay_ev);
	if (c->idle_ev != NULL)
		loop_event_free(c->idle_ev);
	if (c->stdin_ev != NULL)
		loop_event_free(c->stdin_ev);
	if (c->flush_ev != NULL)
		loop_event_free(c->flush_ev);
	free(c);
}
