/* A blocking line client for the abuse test: the team member and the facilitator. */
#include "abuse.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Monotonic seconds. */
double wire_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Connect w to 127.0.0.1:port; -1 on failure. */
int wire_connect(struct wire *w, int port)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	int one = 1;

	w->len = 0;
	w->eof = false;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	w->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (w->fd < 0)
		return -1;
	if (connect(w->fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		close(w->fd);
		w->fd = -1;
		return -1;
	}
	setsockopt(w->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return 0;
}

/* Send line and a newline; -1 on failure. */
int wire_send(struct wire *w, const char *line)
{
	char buf[1024];
	int n = snprintf(buf, sizeof buf, "%s\n", line);

	if (n < 0 || (size_t)n >= sizeof buf)
		return -1;
	return send(w->fd, buf, (size_t)n, MSG_NOSIGNAL) == n ? 0 : -1;
}

/* The next line within ms milliseconds (NULL: timeout or EOF); *at: when its last byte came. */
const char *wire_line(struct wire *w, int ms, double *at)
{
	static _Thread_local char line[sizeof w->buf];
	static _Thread_local double last;
	double end = wire_now() + ms / 1000.0;

	for (;;) {
		char *nl = memchr(w->buf, '\n', w->len);
		struct pollfd p = {w->fd, POLLIN, 0};
		double left;
		ssize_t r;

		if (nl != NULL) {
			size_t n = (size_t)(nl - w->buf);

			memcpy(line, w->buf, n);
			line[n] = '\0';
			memmove(w->buf, nl + 1, w->len - n - 1);
			w->len -= n + 1;
			if (at != NULL)
				*at = last;
			return line;
		}
		if (w->eof || w->len == sizeof w->buf)
			return NULL;
		left = end - wire_now();
		if (poll(&p, 1, left > 0 ? (int)(left * 1000) + 1 : 0) <= 0)
			return NULL;
		r = recv(w->fd, w->buf + w->len, sizeof w->buf - w->len, 0);
		last = wire_now();
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			w->eof = true;
			continue;
		}
		w->len += (size_t)r;
	}
}

/* Wait for the reply to command cmd (ok or error) within ms; NULL if none came. */
json_t *wire_reply(struct wire *w, const char *cmd, int ms)
{
	double end = wire_now() + ms / 1000.0;
	const char *l;

	while ((l = wire_line(w, (int)((end - wire_now()) * 1000), NULL)) != NULL) {
		json_t *o = json_loads(l, 0, NULL);
		const char *type = json_string_value(json_object_get(o, "type"));
		const char *c = json_string_value(json_object_get(o, "cmd"));

		if (type != NULL && c != NULL && strcmp(c, cmd) == 0 &&
		    (strcmp(type, "ok") == 0 || strcmp(type, "error") == 0))
			return o;
		json_decref(o);
	}
	return NULL;
}

/* Connect, switch to JSON and log in as id; -1 with a message when that fails. */
int wire_login(struct wire *w, int port, const char *id, const char *code)
{
	char line[256];
	json_t *o;
	int ok;

	if (wire_connect(w, port) < 0) {
		fprintf(stderr, "abuse: cannot connect to port %d: %s\n", port, strerror(errno));
		return -1;
	}
	snprintf(line, sizeof line, "login %s %s abuse-%s", id, code, id);
	if (wire_send(w, "mode json") < 0 || wire_send(w, line) < 0) {
		fprintf(stderr, "abuse: cannot send to the server\n");
		return -1;
	}
	o = wire_reply(w, "login", 5000);
	ok = o != NULL && strcmp(json_string_value(json_object_get(o, "type")), "ok") == 0;
	json_decref(o);
	if (!ok)
		fprintf(stderr, "abuse: %s could not log in\n", id);
	return ok ? 0 : -1;
}

/* Close the connection. */
void wire_close(struct wire *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
}
