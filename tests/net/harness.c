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
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "../common/spawn.h"

/* Milliseconds of monotonic time. */
double h_now_ms(void)
{
	return spawn_now_ms();
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

/* Start `tabletop run FIXTURE --listen 127.0.0.1:0 ARGS...` (NULL-ended); fails the test if it
 * cannot. */
void h_start(struct hsrv *s, const char *fixture, ...)
{
	char *argv[64] = {(char *)h_binary(), "run", (char *)fixture, "--listen", "127.0.0.1:0"};
	va_list ap;

	memset(s, 0, sizeof *s);
	va_start(ap, fixture);
	h_args(argv, 5, 64, ap);
	va_end(ap);
	s->pid =
	    spawn_server(argv, SPAWN_WRAP, &s->out, s->stdout_text, sizeof s->stdout_text, 10000);
	if (s->pid < 0)
		fail_msg("tabletop run exited early: %s", s->stdout_text);
	s->port = spawn_port(s->stdout_text, false);
	s->tls_port = spawn_port(s->stdout_text, true);
	s->n_codes = spawn_codes(s->stdout_text, s->codes, 8);
	if (s->port == 0)
		fail_msg("no 'listening on' line from tabletop run: %s", s->stdout_text);
}

/* Write a self-signed certificate for pkey, valid from now + from to now + to seconds, as PEM. */
static void h_tls_cert(EVP_PKEY *pkey, long from, long to, const char *path)
{
	X509 *x = X509_new();
	X509_NAME *name;
	FILE *f;

	assert_non_null(x);
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), from);
	X509_gmtime_adj(X509_getm_notAfter(x), to);
	X509_set_pubkey(x, pkey);
	name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"localhost", -1,
	                           -1, 0);
	X509_set_issuer_name(x, name);
	assert_true(X509_sign(x, pkey, EVP_sha256()) > 0);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(PEM_write_X509(f, x), 1);
	fclose(f);
	X509_free(x);
}

/* Write pkey as PEM, not encrypted. */
static void h_tls_key(EVP_PKEY *pkey, const char *path)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(PEM_write_PrivateKey(f, pkey, NULL, NULL, 0, NULL, NULL), 1);
	fclose(f);
}

/* Make the throwaway TLS files; fails the test if it cannot. */
void h_tls_files(struct htls *t)
{
	EVP_PKEY *pkey = EVP_EC_gen("P-256"), *other = EVP_EC_gen("P-256");
	FILE *f;

	assert_non_null(pkey);
	assert_non_null(other);
	snprintf(t->dir, sizeof t->dir, "/tmp/tabletop-tls-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->cert, sizeof t->cert, "%s/cert.pem", t->dir);
	snprintf(t->key, sizeof t->key, "%s/key.pem", t->dir);
	snprintf(t->other_key, sizeof t->other_key, "%s/other-key.pem", t->dir);
	snprintf(t->expired, sizeof t->expired, "%s/expired.pem", t->dir);
	snprintf(t->garbage, sizeof t->garbage, "%s/garbage.pem", t->dir);
	h_tls_cert(pkey, -60, 86400, t->cert);
	h_tls_key(pkey, t->key);
	h_tls_cert(pkey, -7200, -3600, t->expired);
	h_tls_key(other, t->other_key);
	f = fopen(t->garbage, "w");
	assert_non_null(f);
	fputs("this is not a certificate\n", f);
	fclose(f);
	EVP_PKEY_free(pkey);
	EVP_PKEY_free(other);
}

/* Remove the throwaway TLS files. */
void h_tls_remove(struct htls *t)
{
	unlink(t->cert);
	unlink(t->key);
	unlink(t->other_key);
	unlink(t->expired);
	unlink(t->garbage);
	rmdir(t->dir);
}

/* The TLS files shared by the tests of a group (h_tls_group_setup). */
static struct htls h_tls_group;

/* A cmocka group setup: make the TLS files of h_tls once for every test of the group. */
int h_tls_group_setup(void **state)
{
	(void)state;
	h_tls_files(&h_tls_group);
	return 0;
}

/* A cmocka group teardown: remove the TLS files of h_tls. */
int h_tls_group_teardown(void **state)
{
	(void)state;
	h_tls_remove(&h_tls_group);
	return 0;
}

/* The TLS files made by h_tls_group_setup. */
const struct htls *h_tls(void)
{
	return &h_tls_group;
}

/* Start the fixture with a plaintext and a TLS listener and up to 6 more ARGS (NULL-ended). */
void h_start_tls(struct hsrv *s, const struct htls *t, const char *fixture, ...)
{
	const char *a[7] = {NULL};
	va_list ap;
	int n = 0;

	va_start(ap, fixture);
	while (n < 6 && (a[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	h_start(s, fixture, "--tls-listen", "127.0.0.1:0", "--tls-cert", t->cert, "--tls-key",
	        t->key, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
	if (s->tls_port == 0 || s->tls_port == s->port)
		fail_msg("no 'listening on ... (TLS)' line from tabletop run: %s", s->stdout_text);
}

/* Run tabletop with ARGS (NULL-ended), wait for it; returns its exit status; stderr into err. */
int h_run(char *err, size_t n, ...)
{
	char *argv[64] = {(char *)h_binary()};
	int fd, status;
	pid_t pid;
	va_list ap;

	va_start(ap, n);
	h_args(argv, 1, 64, ap);
	va_end(ap);
	pid = spawn_exec(argv, SPAWN_ERR | SPAWN_WRAP, &fd);
	assert_true(pid >= 0);
	err[0] = '\0';
	spawn_read(fd, err, n, NULL, 10000);
	close(fd);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return spawn_status(status);
}

/* Send SIGTERM to the server. */
void h_kill(struct hsrv *s)
{
	kill(s->pid, SIGTERM);
}

/* Wait for the server to exit (what it printed goes on in stdout_text); its exit status. */
int h_wait(struct hsrv *s)
{
	int status;

	spawn_read(s->out, s->stdout_text, sizeof s->stdout_text, NULL, 10000);
	close(s->out);
	assert_int_equal(waitpid(s->pid, &status, 0), s->pid);
	return spawn_status(status);
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

/* Connect a plaintext client to a port of 127.0.0.1. */
void h_connect_port(struct hcl *c, int port)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};

	memset(c, 0, sizeof *c);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(c->fd >= 0);
	assert_int_equal(connect(c->fd, (struct sockaddr *)&sa, sizeof sa), 0);
}

/* Connect a client to the server (the banner is not consumed). */
void h_connect(struct hcl *c, const struct hsrv *s)
{
	h_connect_port(c, s->port);
}

/* Connect a TLS client to the server's TLS port and shake hands; fails the test otherwise. */
void h_connect_tls(struct hcl *c, const struct hsrv *s, const char *ca)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	assert_non_null(ctx);
	if (ca != NULL) {
		assert_int_equal(SSL_CTX_load_verify_locations(ctx, ca, NULL), 1);
		SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	}
	h_connect_port(c, s->tls_port);
	c->ssl = SSL_new(ctx);
	SSL_CTX_free(ctx); /* c->ssl keeps it */
	assert_non_null(c->ssl);
	SSL_set_fd(c->ssl, c->fd);
	if (SSL_connect(c->ssl) != 1)
		fail_msg("TLS handshake failed: %s", ERR_reason_error_string(ERR_get_error()));
	assert_int_equal(fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK), 0);
}

/* Close a client (a TLS client says close_notify first). */
void h_close(struct hcl *c)
{
	if (c->ssl != NULL) {
		SSL_shutdown(c->ssl);
		SSL_free(c->ssl);
		ERR_clear_error();
		c->ssl = NULL;
	}
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

/* Wait until c's socket is ready for events, up to ms milliseconds; false on timeout. */
static bool h_poll(struct hcl *c, short events, int ms)
{
	struct pollfd p = {c->fd, events, 0};

	return poll(&p, 1, ms > 0 ? ms : 0) > 0;
}

/* Send bytes as they are. */
void h_send_raw(struct hcl *c, const void *p, size_t n)
{
	size_t done = 0;

	if (c->ssl == NULL) {
		assert_int_equal(send(c->fd, p, n, MSG_NOSIGNAL), (ssize_t)n);
		return;
	}
	while (done < n) {
		int r = SSL_write(c->ssl, (const char *)p + done, (int)(n - done));
		int e = r > 0 ? SSL_ERROR_NONE : SSL_get_error(c->ssl, r);

		if (r > 0)
			done += (size_t)r;
		else if (e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ)
			assert_true(h_poll(c, e == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN, 5000));
		else
			fail_msg("TLS write failed (%d)", e);
	}
}

/* Receive up to n bytes; 0 at the end, -1 with EAGAIN when a TLS record is not complete yet. */
static ssize_t h_recv(struct hcl *c, void *p, size_t n)
{
	int r;

	if (c->ssl == NULL)
		return recv(c->fd, p, n, 0);
	r = SSL_read(c->ssl, p, (int)n);
	if (r > 0)
		return r;
	if (SSL_get_error(c->ssl, r) == SSL_ERROR_WANT_READ) {
		errno = EAGAIN;
		return -1;
	}
	ERR_clear_error();
	return 0;
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
		if ((c->ssl == NULL || SSL_pending(c->ssl) == 0) && !h_poll(c, POLLIN, left))
			return NULL;
		r = h_recv(c, c->buf + c->len, sizeof c->buf - c->len);
		if (r < 0 && errno == EAGAIN)
			continue;
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

/*
 * Have fac (in JSON mode) broadcast n long lines in batches a reading client keeps up with;
 * fails the test unless reader (in JSON mode) gets every one and fac every acknowledgement.
 */
void h_broadcast_flood(struct hcl *fac, struct hcl *reader, int n)
{
	static char text[3001];
	int got = 0, acks = 0;
	const char *l;

	memset(text, 'b', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	for (int i = 0; i < n;) {
		for (int k = 0; k < 16 && i < n; k++)
			h_send(fac, "broadcast %d %s", i++, text);
		while (got < i && (l = h_line(reader, 5000)) != NULL)
			if (strstr(l, "\"type\":\"broadcast\"") != NULL)
				got++;
		while (acks < i && (l = h_line(fac, 5000)) != NULL)
			if (strstr(l, "\"cmd\":\"broadcast\"") != NULL)
				acks++;
		if (got < i || acks < i)
			break;
	}
	assert_int_equal(got, n);
	assert_int_equal(acks, n);
}

/*
 * Ask `teams` as fac (in JSON mode); fails the test unless the second team is xk with nobody
 * online (its client was dropped) and the first team has one member online.
 */
void h_expect_xk_dropped(struct hcl *fac)
{
	json_t *o, *teams;

	h_send(fac, "teams");
	o = h_expect_json(fac, "ok", "teams", 5000);
	teams = json_object_get(o, "teams");
	assert_string_equal(json_string_value(json_object_get(json_array_get(teams, 1), "id")),
	                    "xk");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(teams, 1), "members")),
	                 0);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(teams, 0), "members")),
	                 1);
	json_decref(o);
}
