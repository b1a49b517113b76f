/* End-to-end test harness: start `tabletop run`, connect clients, await lines with a timeout. */
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

/* Milliseconds of monotonic time. */
double h_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* The fixture path for name (tests/net/fixtures/NAME). */
const char *h_fixture(const char *name)
{
	static char path[4][1024];
	static int k;
	const char *src = getenv("SRCDIR");

	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "%s/tests/net/fixtures/%s", src != NULL ? src : ".",
	         name);
	return path[k];
}

/* The tabletop binary under test. */
static const char *h_binary(void)
{
	const char *bin = getenv("TABLETOP");

	if (bin == NULL)
		fail_msg("TABLETOP is not set");
	return bin;
}

/* Collect a NULL-ended list of arguments after the given first ones into argv. */
static int h_args(char **argv, int n, int max, va_list ap)
{
	const char *a;

	while ((a = va_arg(ap, const char *)) != NULL && n < max - 1)
		argv[n++] = (char *)a;
	argv[n] = NULL;
	return n;
}

/* Read from fd until EOF or ms milliseconds pass; appends to buf (NUL-ended). */
static void h_drain_fd(int fd, char *buf, size_t cap, int ms)
{
	size_t len = strlen(buf);
	double end = h_now_ms() + ms;

	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		int left = (int)(end - h_now_ms());
		ssize_t r;
		char junk[4096];

		if (left <= 0 || poll(&p, 1, left) <= 0)
			return;
		if (len + 1 < cap)
			r = read(fd, buf + len, cap - len - 1);
		else
			r = read(fd, junk, sizeof junk);
		if (r <= 0)
			return;
		if (len + 1 < cap) {
			len += (size_t)r;
			buf[len] = '\0';
		}
	}
}

/* Exec argv, through the command in TABLETOP_WRAPPER (e.g. valgrind) when it is set. */
static void h_exec(char **argv)
{
	char *wrapped[68] = {"/bin/sh", "-c", "exec $TABLETOP_WRAPPER \"$@\"", "sh"};
	const char *w = getenv("TABLETOP_WRAPPER");
	int n = 4;

	if (w == NULL || *w == '\0') {
		execv(argv[0], argv);
		return;
	}
	for (int i = 0; argv[i] != NULL && n < 67; i++)
		wrapped[n++] = argv[i];
	wrapped[n] = NULL;
	execv(wrapped[0], wrapped);
}

/* Parse the server's startup output: the port and the join codes. */
static void h_parse_start(struct hsrv *s)
{
	char *line, *save = NULL, copy[sizeof s->stdout_text];

	strcpy(copy, s->stdout_text);
	for (line = strtok_r(copy, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char *p = strstr(line, "listening on 127.0.0.1:");
		char id[64], code[64];

		if (p != NULL && s->port == 0)
			s->port = atoi(p + strlen("listening on 127.0.0.1:"));
		p = strstr(line, "login ");
		if (p != NULL && s->n_codes < 8 && sscanf(p, "login %63s %63s", id, code) == 2) {
			strcpy(s->codes[s->n_codes][0], id);
			strcpy(s->codes[s->n_codes][1], code);
			s->n_codes++;
		}
	}
}

/* Start `tabletop run FIXTURE --listen 127.0.0.1:0 ARGS...` (NULL-ended); fails the test if it
 * cannot. */
void h_start(struct hsrv *s, const char *fixture, ...)
{
	char *argv[64] = {(char *)h_binary(), "run", (char *)fixture, "--listen", "127.0.0.1:0"};
	int fds[2];
	double end = h_now_ms() + 10000;
	va_list ap;

	memset(s, 0, sizeof *s);
	va_start(ap, fixture);
	h_args(argv, 5, 64, ap);
	va_end(ap);
	assert_int_equal(pipe(fds), 0);
	s->pid = fork();
	assert_true(s->pid >= 0);
	if (s->pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(null, 0);
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		h_exec(argv);
		_exit(127);
	}
	close(fds[1]);
	s->out = fds[0];
	while (strstr(s->stdout_text, "STARTEX") == NULL && h_now_ms() < end) {
		size_t before = strlen(s->stdout_text);

		h_drain_fd(s->out, s->stdout_text, sizeof s->stdout_text, 100);
		if (strlen(s->stdout_text) == before && waitpid(s->pid, NULL, WNOHANG) == s->pid)
			fail_msg("tabletop run exited early: %s", s->stdout_text);
	}
	h_parse_start(s);
	if (s->port == 0)
		fail_msg("no 'listening on' line from tabletop run: %s", s->stdout_text);
}

/* Run tabletop with ARGS (NULL-ended), wait for it; returns its exit status; stderr into err. */
int h_run(char *err, size_t n, ...)
{
	char *argv[64] = {(char *)h_binary()};
	int fds[2], status;
	pid_t pid;
	va_list ap;

	va_start(ap, n);
	h_args(argv, 1, 64, ap);
	va_end(ap);
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(null, 0);
		dup2(null, 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		h_exec(argv);
		_exit(127);
	}
	close(fds[1]);
	err[0] = '\0';
	h_drain_fd(fds[0], err, n, 10000);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Send SIGTERM to the server. */
void h_kill(struct hsrv *s)
{
	kill(s->pid, SIGTERM);
}

/* Wait for the server to exit and return its exit status. */
int h_wait(struct hsrv *s)
{
	int status;
	char rest[4096] = "";

	h_drain_fd(s->out, rest, sizeof rest, 10000);
	close(s->out);
	assert_int_equal(waitpid(s->pid, &status, 0), s->pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* SIGTERM the server and return its exit status. */
int h_stop(struct hsrv *s)
{
	h_kill(s);
	return h_wait(s);
}

/* The join code printed for id. */
const char *h_code(const struct hsrv *s, const char *id)
{
	for (int i = 0; i < s->n_codes; i++)
		if (strcmp(s->codes[i][0], id) == 0)
			return s->codes[i][1];
	fail_msg("no join code printed for %s", id);
	return NULL;
}

/* Connect a client to the server (the banner is not consumed). */
void h_connect(struct hcl *c, const struct hsrv *s)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};

	memset(c, 0, sizeof *c);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(c->fd >= 0);
	assert_int_equal(connect(c->fd, (struct sockaddr *)&sa, sizeof sa), 0);
}

/* Close a client. */
void h_close(struct hcl *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

/* Send bytes as they are. */
void h_send_raw(struct hcl *c, const void *p, size_t n)
{
	assert_int_equal(send(c->fd, p, n, MSG_NOSIGNAL), (ssize_t)n);
}

/* Send one line (a '\n' is added). */
void h_send(struct hcl *c, const char *fmt, ...)
{
	char buf[8192];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof buf - 1);
	buf[n++] = '\n';
	h_send_raw(c, buf, (size_t)n);
}

/* The next line (without '\n') within ms milliseconds, in a static buffer; NULL on timeout or EOF.
 */
const char *h_line(struct hcl *c, int ms)
{
	static char line[1 << 16];
	double end = h_now_ms() + ms;

	for (;;) {
		char *nl = memchr(c->buf, '\n', c->len);
		struct pollfd p = {c->fd, POLLIN, 0};
		int left;
		ssize_t r;

		if (nl != NULL) {
			size_t n = (size_t)(nl - c->buf);

			memcpy(line, c->buf, n);
			line[n] = '\0';
			memmove(c->buf, nl + 1, c->len - n - 1);
			c->len -= n + 1;
			return line;
		}
		if (c->eof || c->len == sizeof c->buf)
			return NULL;
		left = (int)(end - h_now_ms());
		if (poll(&p, 1, left > 0 ? left : 0) <= 0)
			return NULL;
		r = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len, 0);
		if (r <= 0) {
			c->eof = true;
			continue;
		}
		c->len += (size_t)r;
	}
}

/* Read lines until one contains needle; fails the test after ms milliseconds. */
const char *h_expect(struct hcl *c, const char *needle, int ms)
{
	double end = h_now_ms() + ms;
	const char *l;

	while ((l = h_line(c, (int)(end - h_now_ms()) > 0 ? (int)(end - h_now_ms()) : 0)) != NULL)
		if (strstr(l, needle) != NULL)
			return l;
	fail_msg("no line with \"%s\" within %d ms%s", needle, ms,
	         c->eof ? " (connection closed)" : "");
	return NULL;
}

/* Whether no line containing needle arrives within ms milliseconds. */
bool h_quiet(struct hcl *c, const char *needle, int ms)
{
	double end = h_now_ms() + ms;
	const char *l;

	while ((l = h_line(c, (int)(end - h_now_ms()) > 0 ? (int)(end - h_now_ms()) : 0)) != NULL)
		if (strstr(l, needle) != NULL)
			return false;
	return true;
}

/* Wait for EOF from the server within ms; true if it came. */
bool h_wait_eof(struct hcl *c, int ms)
{
	double end = h_now_ms() + ms;

	while (!c->eof && h_now_ms() < end)
		if (h_line(c, (int)(end - h_now_ms())) == NULL && !c->eof)
			return false;
	return c->eof;
}

/* Read lines until a JSON object with "type" == type (and "cmd" == cmd when cmd is not NULL). */
json_t *h_expect_json(struct hcl *c, const char *type, const char *cmd, int ms)
{
	double end = h_now_ms() + ms;
	const char *l;

	while ((l = h_line(c, (int)(end - h_now_ms()) > 0 ? (int)(end - h_now_ms()) : 0)) != NULL) {
		json_t *o = json_loads(l, 0, NULL);
		const char *t = json_string_value(json_object_get(o, "type"));
		const char *k = json_string_value(json_object_get(o, "cmd"));

		if (t != NULL && strcmp(t, type) == 0 &&
		    (cmd == NULL || (k && strcmp(k, cmd) == 0)))
			return o;
		json_decref(o);
	}
	fail_msg("no JSON %s %s within %d ms", type, cmd != NULL ? cmd : "", ms);
	return NULL;
}

/* Connect, switch to JSON mode and log in as id with its code; fails the test otherwise. */
void h_join_json(struct hcl *c, const struct hsrv *s, const char *id)
{
	json_t *o;

	h_connect(c, s);
	h_send(c, "mode json");
	json_decref(h_expect_json(c, "ok", "mode", 5000));
	h_send(c, "login %s %s", id, h_code(s, id));
	o = h_expect_json(c, "ok", "login", 5000);
	json_decref(o);
}

/* Connect in text mode and log in as id with its code. */
void h_join_text(struct hcl *c, const struct hsrv *s, const char *id)
{
	h_connect(c, s);
	h_expect(c, "EXERCISE EXERCISE EXERCISE", 5000);
	h_send(c, "login %s %s", id, h_code(s, id));
}
