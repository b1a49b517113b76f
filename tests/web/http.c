/* A small HTTP/1.1 client for the web console's tests. */
#include "http.h"

#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

/* The web console's port from the server's startup lines. */
int http_port(const struct hsrv *s)
{
	const char *p = strstr(s->stdout_text, "web console on http://127.0.0.1:");

	if (p == NULL)
		fail_msg("no web console line: %s", s->stdout_text);
	return atoi(p + strlen("web console on http://127.0.0.1:"));
}

/* Undo chunked transfer encoding in place. */
static void http_unchunk(char *body)
{
	char *in = body, *out = body;
	unsigned long n;

	while ((n = strtoul(in, &in, 16)) > 0) {
		in = strstr(in, "\r\n");
		if (in == NULL)
			break;
		in += 2;
		memmove(out, in, n);
		out += n;
		in += n + 2;
	}
	*out = '\0';
}

/* Send a request and read the whole response. */
int http_req(int port, const char *method, const char *path, const char *extra, const char *body,
             struct hres *r)
{
	struct hcl *c = calloc(1, sizeof *c);
	char head[8192], *sep, *ck;
	size_t len = 0, bl = body != NULL ? strlen(body) : 0;
	double end = h_now_ms() + 5000;
	ssize_t n;

	assert_non_null(c);
	memset(r, 0, sizeof *r);
	h_connect_port(c, port);
	snprintf(head, sizeof head,
	         "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n%sContent-Length: "
	         "%zu\r\n\r\n",
	         method, path, port, extra != NULL ? extra : "", bl);
	h_send_raw(c, head, strlen(head));
	if (bl > 0)
		h_send_raw(c, body, bl);
	for (;;) {
		struct pollfd p = {c->fd, POLLIN, 0};

		if (h_now_ms() > end || poll(&p, 1, (int)(end - h_now_ms())) <= 0)
			fail_msg("no whole response to %s %s within 5 s", method, path);
		n = recv(c->fd, r->body + len, sizeof r->body - 1 - len, 0);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	r->body[len] = '\0';
	h_close(c);
	free(c);
	sep = strstr(r->body, "\r\n\r\n");
	if (sep == NULL)
		return r->status = 0;
	*sep = '\0';
	len = strlen(r->body) < sizeof r->head - 1 ? strlen(r->body) : sizeof r->head - 1;
	memcpy(r->head, r->body, len);
	r->head[len] = '\0';
	memmove(r->body, sep + 4, strlen(sep + 4) + 1);
	if (strstr(r->head, "Transfer-Encoding: chunked") != NULL)
		http_unchunk(r->body);
	sscanf(r->head, "HTTP/1.1 %d", &r->status);
	ck = strstr(r->head, "Set-Cookie: tabletop=");
	if (ck != NULL)
		sscanf(ck + strlen("Set-Cookie: "), "%63[^;]", r->cookie);
	return r->status;
}

/* POST /api/login for id with its code and name. */
int http_login(const struct hsrv *s, int port, const char *id, const char *name, struct hres *r)
{
	char body[256];

	snprintf(body, sizeof body, "{\"id\":\"%s\",\"secret\":\"%s\",\"name\":\"%s\"}", id,
	         h_code(s, id), name);
	return http_req(port, "POST", "/api/login", NULL, body, r);
}

/* POST /api/command {"line": line} with cookie. */
int http_cmd(int port, const char *cookie, const char *line, struct hres *r)
{
	char extra[128];
	json_t *o = json_pack("{s:s}", "line", line);
	char *body = json_dumps(o, JSON_COMPACT);
	int st;

	snprintf(extra, sizeof extra, "Cookie: %s\r\n", cookie);
	st = http_req(port, "POST", "/api/command", extra, body, r);
	free(body);
	json_decref(o);
	return st;
}

/* Open GET /api/events with cookie on client c. */
void http_events(struct hcl *c, int port, const char *cookie, const char *last)
{
	char head[512], lid[64] = "";

	if (last != NULL)
		snprintf(lid, sizeof lid, "Last-Event-ID: %s\r\n", last);
	h_connect_port(c, port);
	snprintf(head, sizeof head,
	         "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\n%s\r\n", port,
	         cookie, lid);
	h_send_raw(c, head, strlen(head));
	h_expect(c, "text/event-stream", 5000);
}

/* The next "data: " line of a stream, and its id. */
const char *http_data(struct hcl *c, unsigned long *id, int ms)
{
	double end = h_now_ms() + ms;
	const char *l;

	*id = 0;
	while ((l = h_line(c, (int)(end - h_now_ms()))) != NULL) {
		if (strncmp(l, "id: ", 4) == 0)
			*id = strtoul(l + 4, NULL, 10);
		if (strncmp(l, "data: ", 6) == 0)
			return l + 6;
		if (h_now_ms() > end)
			break;
	}
	fail_msg("no event within %d ms", ms);
	return NULL;
}
