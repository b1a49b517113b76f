/*
 * Event streams (server-sent events): a role-filtered snapshot, then each event the session
 * receives, as the same shared JSON bytes a JSON connection gets, each with its id. A ring of
 * recent events lets a reconnecting stream (Last-Event-ID) catch up without loss or repeats.
 */
#include "web_int.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/evt.h"
#include "../core/mem.h"
#include "../net/server.h"

/* Recent events the snapshot carries as the start of the feed. */
#define WEB_SSE_FEED 200

/* An event's bytes have left a stream's buffer. */
static void web_sse_unref(const void *data, size_t len, void *arg)
{
	(void)data;
	(void)len;
	evt_unref(arg);
}

/* Queue one event for a stream: its id, then its shared JSON bytes by reference. */
static void web_sse_frame(struct web_stream *st, unsigned long seq, struct evt *ev)
{
	const char *p;
	size_t n;

	p = cmd_event_bytes(&st->sess->s, ev, st->w->srv->ex, &n); /* ends in '\n' */
	evt_ref(ev);
	if (evbuffer_add_printf(st->pend, "id: %lu\ndata: ", seq) < 0 ||
	    evbuffer_add_reference(st->pend, p, n, web_sse_unref, ev) != 0 ||
	    evbuffer_add(st->pend, "\n", 1) != 0)
		abort();
}

/* Keep ev in the ring under the next id. */
static void web_sse_keep(struct web *w, struct evt *ev)
{
	struct web_item *it;

	w->seq++;
	it = &w->ring[w->seq % WEB_RING];
	evt_unref(it->ev);
	evt_ref(ev);
	it->ev = ev;
	it->seq = w->seq;
}

/* An event from before the server started, oldest first: only the ring (and so the feed). */
void web_past(struct web *w, struct evt *ev)
{
	web_sse_keep(w, ev);
}

/* The server's sink saw ev: keep it in the ring and queue it to the streams that receive it. */
void web_sse_event(void *ctx, struct evt *ev)
{
	struct web *w = ctx;

	web_sse_keep(w, ev);
	snap_log_observe(&w->log, ev);
	for (struct web_stream *st = w->streams; st != NULL; st = st->next)
		if (!st->dead && cmd_session_receives(&st->sess->s, ev))
			web_sse_frame(st, w->seq, ev);
}

/* Hand a stream's queued frames to its connection; a client that does not read is dropped. */
static void web_sse_flush(struct web_stream *st)
{
	struct bufferevent *bev;
	struct evbuffer *out;

	if (st->dead || evbuffer_get_length(st->pend) == 0)
		return;
	evhttp_send_reply_chunk(st->req, st->pend);
	bev = evhttp_connection_get_bufferevent(st->evcon);
	out = bufferevent_get_output(bev);
	if (!st->tls && bufferevent_getfd(bev) >= 0) {
		/* write now rather than after a round through the loop: a broadcast to a thousand
		 * streams is then one pass of writes; what the socket does not take waits for it */
		evbuffer_unfreeze(out, 1);
		errno = 0;
		if (evbuffer_write(out, bufferevent_getfd(bev)) < 0 && errno != EAGAIN &&
		    errno != EINTR) {
			evbuffer_freeze(out, 1);
			web_sse_kill(st); /* the client is gone */
			return;
		}
		evbuffer_freeze(out, 1);
	}
	if (evbuffer_get_length(out) > st->w->srv->lim.max_output) {
		fprintf(stderr, "tabletop: web stream of %s: too far behind, disconnected\n",
		        st->sess->s.name != NULL ? st->sess->s.name : "?");
		web_sse_kill(st);
	}
}

/* Hand every stream's queued frames to its connection. */
void web_sse_settle(void *ctx)
{
	struct web *w = ctx;

	for (struct web_stream *st = w->streams; st != NULL; st = st->next)
		web_sse_flush(st);
}

/* Write a heartbeat to every stream. */
void web_sse_beat(struct web *w)
{
	for (struct web_stream *st = w->streams; st != NULL; st = st->next)
		if (!st->dead && evbuffer_add(st->pend, ":\n\n", 3) != 0)
			abort();
}

/* The stream's connection closed: forget the stream. */
static void web_sse_closed(struct evhttp_connection *evcon, void *arg)
{
	struct web_stream *st = arg;
	struct web *w = st->w;

	(void)evcon;
	if (st->prev != NULL)
		st->prev->next = st->next;
	else
		w->streams = st->next;
	if (st->next != NULL)
		st->next->prev = st->prev;
	w->n_streams--;
	if (st->sess != NULL) {
		st->sess->n_streams--;
		st->sess->used = guard_now();
	}
	if (evhttp_request_get_connection(st->req) == NULL)
		evhttp_send_reply_end(st->req); /* the client left: evhttp leaves us its request */
	evbuffer_free(st->pend);
	free(st);
}

/* Mark a stream to be closed by the reaper. */
void web_sse_kill(struct web_stream *st)
{
	st->dead = true;
	event_active(st->w->reap, 0, 0);
}

/* Close the dead streams. */
void web_sse_reap(struct web *w)
{
	struct web_stream *st = w->streams, *next;

	for (; st != NULL; st = next) {
		next = st->next;
		if (st->dead)
			evhttp_connection_free(st->evcon); /* calls web_sse_closed */
	}
}

/* End every stream of sess (when it logs out or changes role); they no longer refer to it. */
void web_sse_end_sess(struct web *w, struct web_sess *sess)
{
	for (struct web_stream *st = w->streams; st != NULL; st = st->next)
		if (st->sess == sess) {
			web_sse_kill(st);
			st->sess = NULL;
			sess->n_streams--;
		}
}

/* Drop the ring's events. */
void web_sse_free(struct web *w)
{
	for (int i = 0; i < WEB_RING; i++) {
		evt_unref(w->ring[i].ev);
		w->ring[i].ev = NULL;
	}
}

/* The last WEB_SSE_FEED events in the ring that sess receives, as JSON objects, oldest first. */
static json_t *web_sse_feed(struct web *w, const struct cmd_session *s)
{
	json_t *feed = json_array();
	unsigned long from = w->seq > WEB_RING ? w->seq - WEB_RING + 1 : 1, k = w->seq;
	size_t n = 0;

	while (k >= from && k > 0 && n < WEB_SSE_FEED) {
		struct evt *ev = w->ring[k % WEB_RING].ev;

		if (ev != NULL && cmd_session_receives(s, ev))
			n++;
		k--;
	}
	for (k++; k <= w->seq; k++) {
		struct evt *ev = w->ring[k % WEB_RING].ev;

		if (ev == NULL || !cmd_session_receives(s, ev))
			continue;
		json_array_append(feed, s->role == CMD_ROLE_TEAM
		                            ? (json_t *)evt_obj_lang(ev, w->srv->ex, s->lang)
		                            : ev->obj);
	}
	return feed;
}

/* Queue the snapshot, with the id of the last event, so a reconnect resumes after it. */
static void web_sse_snapshot(struct web_stream *st)
{
	struct web *w = st->w;
	json_t *o = snap_build(w->srv->ex, &w->log, &st->sess->s);
	char *s;

	json_object_set_new(o, "feed", web_sse_feed(w, &st->sess->s));
	s = json_dumps(o, JSON_COMPACT);
	if (s == NULL || evbuffer_add_printf(st->pend, "id: %lu\ndata: %s\n\n", w->seq, s) < 0)
		abort();
	free(s);
	json_decref(o);
}

/*
 * Queue what the stream missed after the event with id last; false when the ring no longer
 * holds all of it (or last is not an id of this server), so a snapshot must do.
 */
static bool web_sse_replay(struct web_stream *st, const char *last)
{
	struct web *w = st->w;
	unsigned long id, oldest = w->seq > WEB_RING ? w->seq - WEB_RING + 1 : 1;
	char *end;

	if (last == NULL || *last < '0' || *last > '9')
		return false;
	errno = 0;
	id = strtoul(last, &end, 10);
	if (*end != '\0' || errno != 0 || id > w->seq || id + 1 < oldest)
		return false;
	for (unsigned long k = id + 1; k <= w->seq; k++)
		if (cmd_session_receives(&st->sess->s, w->ring[k % WEB_RING].ev))
			web_sse_frame(st, k, w->ring[k % WEB_RING].ev);
	return true;
}

/* GET /api/events for sess. */
void web_sse_open(struct web *w, struct web_sess *sess, struct evhttp_request *req, bool tls)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(req);
	struct web_stream *st;
	struct timeval tv = {web_timeout(w), 0};

	if (w->n_streams >= w->srv->lim.max_conns) {
		web_error(req, 503, "Service Unavailable", "events", "server_full",
		          "too many event streams, try again later");
		return;
	}
	st = mem_calloc(1, sizeof *st);
	st->w = w;
	st->sess = sess;
	st->req = req;
	st->tls = tls;
	st->evcon = evhttp_request_get_connection(req);
	st->pend = evbuffer_new();
	if (st->pend == NULL)
		abort();
	web_headers(req, "text/event-stream; charset=utf-8");
	evhttp_add_header(h, "X-Accel-Buffering", "no");
	evhttp_send_reply_start(req, 200, "OK");
	evhttp_connection_set_closecb(st->evcon, web_sse_closed, st);
	/* a stream reads nothing after its request; only its writes may time out */
	bufferevent_set_timeouts(evhttp_connection_get_bufferevent(st->evcon), NULL, &tv);
	st->next = w->streams;
	if (w->streams != NULL)
		w->streams->prev = st;
	w->streams = st;
	w->n_streams++;
	sess->n_streams++;
	if (evbuffer_add_printf(st->pend, "retry: 2000\n\n") < 0)
		abort();
	if (sess->resnap ||
	    !web_sse_replay(
	        st, evhttp_find_header(evhttp_request_get_input_headers(req), "Last-Event-ID")))
		web_sse_snapshot(st);
	sess->resnap = false;
	web_sse_flush(st);
}
