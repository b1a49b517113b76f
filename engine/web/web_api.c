/*
 * The JSON API: POST /api/login, /api/command and /api/logout, GET /api/events. Commands run
 * through cmd_exec exactly as a JSON connection's lines do, journaled the same way.
 */
#include "web_int.h"

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"
#include "../journal/journal.h"
#include "../net/admit.h"
#include "../net/guard.h"
#include "../net/server.h"

/* The request's body as a JSON object, or NULL after an error reply naming cmd. */
static json_t *web_api_body(struct evhttp_request *req, const char *cmd)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	size_t n = evbuffer_get_length(in);
	json_error_t e;
	json_t *o;

	o = json_loadb((const char *)evbuffer_pullup(in, (ev_ssize_t)n), n, JSON_REJECT_DUPLICATES,
	               &e);
	if (o != NULL && json_is_object(o))
		return o;
	json_decref(o);
	if (o == NULL && json_error_code(&e) == json_error_invalid_utf8)
		web_error(req, 400, "Bad Request", cmd, "bad_encoding",
		          "the request is not valid UTF-8 text; nothing was done");
	else
		web_error(req, 400, "Bad Request", cmd, "bad_args",
		          "the body must be one JSON object (docs/web.md)");
	return NULL;
}

/* Whether a request that changes something comes from this site: its Origin, if any, is ours. */
static bool web_api_same_origin(const struct web_front *f, struct evhttp_request *req)
{
	struct evkeyvalq *h = evhttp_request_get_input_headers(req);
	const char *origin = evhttp_find_header(h, "Origin");
	const char *host = evhttp_find_header(h, "Host");
	const char *site = evhttp_find_header(h, "Sec-Fetch-Site");
	char want[300];

	if (site != NULL && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
		return false;
	if (origin == NULL)
		return true; /* not a browser's cross-site request: scripts send none */
	if (host == NULL)
		return false;
	snprintf(want, sizeof want, "%s://%s", f->tls != NULL ? "https" : "http", host);
	return strcmp(origin, want) == 0;
}

/* A string field of o that holds no blank or control character, or NULL. */
static const char *web_api_word(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	if (s == NULL || *s == '\0')
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f)
			return NULL;
	return s;
}

/* The peer address of a request, for the login limits. */
static void web_api_peer(struct evhttp_request *req, char *addr, size_t n)
{
	char *host = NULL;
	ev_uint16_t port;

	evhttp_connection_get_peer(evhttp_request_get_connection(req), &host, &port);
	if (host != NULL && strchr(host, ':') != NULL)
		snprintf(addr, n, "[%s]:%u", host, (unsigned)port); /* as net/ writes a peer */
	else
		snprintf(addr, n, "%s:%u", host != NULL ? host : "?", (unsigned)port);
}

/* Send a command's reply: its JSON line, with status code. */
static void web_api_send(struct evhttp_request *req, int code, const char *reason,
                         struct cmd_reply *r, const struct cmd_session *s)
{
	size_t n;
	const char *p = cmd_reply_bytes(r, s, &n);

	web_reply(req, code, reason, p, n);
}

/* POST /api/login {"id","secret","name"}: a session and its cookie, or 401. */
static void web_api_login(struct web_front *f, struct evhttp_request *req)
{
	struct web *w = f->w;
	struct server *srv = w->srv;
	json_t *o = web_api_body(req, "login");
	const char *id, *secret, *name, *known;
	struct cmd_session s;
	struct cmd_reply r;
	struct web_sess *old, *sess;
	char addr[80], msg[128], cookie[128], who[64], *line;
	double wait;

	if (o == NULL)
		return;
	web_api_peer(req, addr, sizeof addr);
	id = web_api_word(o, "id");
	secret = web_api_word(o, "secret");
	snprintf(who, sizeof who, "%s", id != NULL ? id : ""); /* o goes before the count */
	known = id != NULL ? admit_known(srv->ex, who) : NULL;
	if ((wait = guard_admit(&srv->guard, addr, known, guard_now())) > 0) {
		snprintf(msg, sizeof msg, "too many failed logins: wait %.0f seconds", ceil(wait));
		web_error(req, 429, "Too Many Requests", "login", "rate_limited", msg);
		json_decref(o);
		return;
	}
	name = json_string_value(json_object_get(o, "name"));
	if (json_object_get(o, "name") != NULL && !json_is_null(json_object_get(o, "name")) &&
	    name == NULL) {
		web_error(req, 400, "Bad Request", "login", "bad_args", "name must be a string");
		json_decref(o);
		return;
	}
	line = mem_printf("login %s %s %s", id != NULL ? id : "-", secret != NULL ? secret : "-",
	                  name != NULL ? name : "");
	cmd_session_init(&s, ++srv->next_id);
	s.json = true;
	if (id == NULL || secret == NULL || strchr(line, '\n') != NULL)
		cmd_reply_error(&r, "login", "auth_failed", "wrong id or secret");
	else
		cmd_exec(srv->ex, &srv->roster, &s, line, &r);
	free(line);
	json_decref(o);
	if (r.code == NULL) {
		journal_login(srv->journal, &s);
		if ((old = web_sess_find(w, req)) != NULL)
			web_sess_end(w, old);
		sess = web_sess_new(w, &s);
		snprintf(cookie, sizeof cookie, "tabletop=%s; Path=/; HttpOnly; SameSite=Strict%s",
		         sess->token, f->tls != NULL ? "; Secure" : "");
		evhttp_add_header(evhttp_request_get_output_headers(req), "Set-Cookie", cookie);
		web_api_send(req, 200, "OK", &r, &sess->s);
	} else {
		if (strcmp(r.code, "auth_failed") == 0)
			guard_failed(&srv->guard, addr, known, guard_now());
		web_api_send(req, strcmp(r.code, "auth_failed") == 0 ? 401 : 400,
		             strcmp(r.code, "auth_failed") == 0 ? "Unauthorized" : "Bad Request",
		             &r, &s);
		cmd_session_close(srv->ex, &s);
	}
	cmd_reply_free(&r);
	server_settle(srv);
}

/* Run one line for sess, as a JSON connection's is run (server_exec); fills *r. */
static void web_api_run(struct web *w, struct web_sess *sess, const char *line, struct cmd_reply *r)
{
	struct server *srv = w->srv;
	enum cmd_role role = sess->s.role;
	int team = sess->s.team, lang = sess->s.lang;

	server_exec(srv, &sess->s, line, r);
	sess->s.json = true; /* `mode` changes nothing here: the API speaks JSON */
	if (sess->s.role != role || sess->s.team != team || sess->s.lang != lang) {
		sess->resnap = true; /* its streams end; the next one starts with a snapshot */
		web_sse_end_sess(w, sess);
	}
}

/* POST /api/command {"line"}: exactly the reply JSON mode gives to that line. */
static void web_api_command(struct web *w, struct evhttp_request *req, struct web_sess *sess)
{
	json_t *o = web_api_body(req, "");
	const char *line;
	struct cmd_reply r;
	char verb[17], msg[128];
	int code = 200;

	if (o == NULL)
		return;
	line = json_string_value(json_object_get(o, "line"));
	if (line == NULL) {
		web_error(req, 400, "Bad Request", "", "bad_args",
		          "the body must be {\"line\": \"a command\"}");
		json_decref(o);
		return;
	}
	cmd_verb(line, strlen(line), verb, sizeof verb);
	if (strlen(line) > w->srv->lim.max_line) {
		snprintf(msg, sizeof msg, "the line is longer than %zu bytes and was dropped",
		         w->srv->lim.max_line);
		cmd_reply_error(&r, verb, "line_too_long", msg);
	} else if (strpbrk(line, "\r\n") != NULL) {
		cmd_reply_error(&r, verb, "bad_args", "one command per request: no line breaks");
	} else if (!web_sess_take(w, sess)) {
		snprintf(msg, sizeof msg,
		         "too many commands: at most %g a second; this one was dropped",
		         w->srv->lim.rate);
		cmd_reply_error(&r, verb, "rate_limited", msg);
		code = 429;
	} else {
		web_api_run(w, sess, line, &r);
	}
	json_decref(o);
	web_api_send(req, code, code == 200 ? "OK" : "Too Many Requests", &r, &sess->s);
	if (sess->s.quit)
		web_sess_end(w, sess);
	cmd_reply_free(&r);
	server_settle(w->srv);
}

/* POST /api/logout: the session ends and its cookie is cleared. */
static void web_api_logout(struct web *w, struct evhttp_request *req)
{
	struct web_sess *sess = web_sess_find(w, req);
	static const char ok[] = "{\"type\":\"ok\",\"cmd\":\"logout\"}\n";

	if (sess != NULL)
		web_sess_end(w, sess);
	evhttp_add_header(evhttp_request_get_output_headers(req), "Set-Cookie",
	                  "tabletop=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
	web_reply(req, 200, "OK", ok, sizeof ok - 1);
	server_settle(w->srv);
}

/* A request under /api/. */
void web_api(struct web_front *f, struct evhttp_request *req, const char *path)
{
	struct web *w = f->w;
	enum evhttp_cmd_type m = evhttp_request_get_command(req);
	struct web_sess *sess;

	if (m == EVHTTP_REQ_POST && !web_api_same_origin(f, req)) {
		web_error(req, 403, "Forbidden", "", "not_allowed",
		          "a request from another site: refused");
		return;
	}
	if (m == EVHTTP_REQ_POST && strcmp(path, "/api/login") == 0) {
		web_api_login(f, req);
		return;
	}
	if (m == EVHTTP_REQ_POST && strcmp(path, "/api/logout") == 0) {
		web_api_logout(w, req);
		return;
	}
	if (strcmp(path, "/api/command") != 0 && strcmp(path, "/api/events") != 0) {
		web_error(req, 404, "Not Found", "", "not_found", "no such API (docs/web.md)");
		return;
	}
	if (m != (strcmp(path, "/api/command") == 0 ? EVHTTP_REQ_POST : EVHTTP_REQ_GET)) {
		web_error(req, 405, "Method Not Allowed", "", "bad_args",
		          "POST /api/command, GET /api/events");
		return;
	}
	if ((sess = web_sess_find(w, req)) == NULL) {
		web_error(req, 401, "Unauthorized", "", "not_logged_in",
		          "log in first: POST /api/login");
		return;
	}
	if (m == EVHTTP_REQ_POST)
		web_api_command(w, req, sess);
	else
		web_sse_open(w, sess, req, f->tls != NULL);
}
