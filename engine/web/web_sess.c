/* Web sessions: a cookie's token, its protocol session, its command rate, the login limits. */
#include "web_int.h"

#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../journal/journal.h"
#include "../net/guard.h"
#include "../net/server.h"

/* Seconds an address stays locked out after too many failed logins. */

/* A new session for s (moved into it), with a fresh token. */
struct web_sess *web_sess_new(struct web *w, struct cmd_session *s)
{
	struct web_sess *sess = mem_calloc(1, sizeof *sess);
	unsigned char r[16];

	if (RAND_bytes(r, sizeof r) != 1)
		abort(); /* no session without 128 random bits */
	for (size_t i = 0; i < sizeof r; i++)
		snprintf(sess->token + 2 * i, 3, "%02x", r[i]);
	sess->s = *s;
	cmd_session_init(s, 0);
	sess->used = guard_now();
	bucket_init(&sess->rate, w->srv->lim.burst, sess->used);
	sess->next = w->sessions;
	w->sessions = sess;
	return sess;
}

/* The value of the session cookie in a Cookie header, or NULL (32 hex digits in tok). */
static const char *web_sess_cookie(const char *cookie, char *tok)
{
	const char *p = cookie;

	while (p != NULL && (p = strstr(p, "tabletop=")) != NULL) {
		if (p == cookie || p[-1] == ' ' || p[-1] == ';') {
			size_t n = strspn(p + 9, "0123456789abcdef");

			if (n == 32) {
				memcpy(tok, p + 9, 32);
				tok[32] = '\0';
				return tok;
			}
		}
		p += 9;
	}
	return NULL;
}

/* The session of the request's cookie, or NULL; marks it used. */
struct web_sess *web_sess_find(struct web *w, struct evhttp_request *req)
{
	const char *cookie = evhttp_find_header(evhttp_request_get_input_headers(req), "Cookie");
	char tok[33];

	if (cookie == NULL || web_sess_cookie(cookie, tok) == NULL)
		return NULL;
	for (struct web_sess *s = w->sessions; s != NULL; s = s->next)
		if (CRYPTO_memcmp(s->token, tok, 32) == 0) {
			s->used = guard_now();
			return s;
		}
	return NULL;
}

/* Log a session out: its streams end, the journal is told, it is freed. */
void web_sess_end(struct web *w, struct web_sess *sess)
{
	struct web_sess **pp = &w->sessions;

	while (*pp != NULL && *pp != sess)
		pp = &(*pp)->next;
	if (*pp == NULL)
		return;
	*pp = sess->next;
	web_sse_end_sess(w, sess);
	journal_logout(w->srv->journal, sess->s.id);
	cmd_session_close(w->srv->ex, &sess->s);
	free(sess);
}

/* End the sessions that idled past WEB_SESSION_IDLE. */
void web_sess_expire(struct web *w)
{
	double now = guard_now();
	struct web_sess *s = w->sessions, *next;

	for (; s != NULL; s = next) {
		next = s->next;
		if (s->n_streams == 0 && now - s->used > WEB_SESSION_IDLE)
			web_sess_end(w, s);
	}
}

/* Take a token from the session's command bucket; false when it sends too fast. */
bool web_sess_take(struct web *w, struct web_sess *sess)
{
	const struct server_limits *lim = &w->srv->lim;

	if (bucket_wait(&sess->rate, lim->rate, lim->burst, guard_now()) > 0)
		return false;
	sess->rate.tokens -= 1;
	return true;
}

/* For the roster: call fn for every session. */
void web_sess_each(void *ctx, void (*fn)(const struct cmd_session *s, void *arg), void *arg)
{
	struct web *w = ctx;

	for (struct web_sess *s = w->sessions; s != NULL; s = s->next)
		if (s->s.role != CMD_ROLE_NONE)
			fn(&s->s, arg);
}
