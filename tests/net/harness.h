/* End-to-end test harness: start `tabletop run`, connect clients, await lines with a timeout. */
#ifndef HARNESS_H
#define HARNESS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct ssl_st;

/* A running server. */
struct hsrv {
	pid_t pid;
	int out; /* its stdout */
	int port;
	int tls_port;         /* the first "listening on 127.0.0.1:PORT (TLS)", or 0 */
	char codes[8][2][64]; /* ID, code from the "login ID CODE" lines */
	int n_codes;
	char stdout_text[4096];
};

/* Throwaway TLS files in a temporary folder, made by h_tls_files. */
struct htls {
	char dir[64];
	char cert[96];      /* a self-signed certificate for localhost, valid for a day */
	char key[96];       /* its key */
	char other_key[96]; /* a key that does not match it */
	char expired[96];   /* a certificate for key that expired an hour ago */
	char garbage[96];   /* a file that is not PEM */
};

/* A client connection with a line buffer. */
struct hcl {
	int fd;
	struct ssl_st *ssl; /* a TLS client (its socket does not block), or NULL */
	char buf[1 << 16];
	size_t len;
	bool eof;
};

/* The fixture path for name (tests/net/fixtures/NAME). */
const char *h_fixture(const char *name);
/* Start `tabletop run FIXTURE --listen 127.0.0.1:0 ARGS...` (NULL-ended); fails the test if it
 * cannot. */
void h_start(struct hsrv *s, const char *fixture, ...);
/* Make the throwaway TLS files; fails the test if it cannot. */
void h_tls_files(struct htls *t);
/* Remove them. */
void h_tls_remove(struct htls *t);
/* A cmocka group setup: make the TLS files of h_tls once for every test of the group. */
int h_tls_group_setup(void **state);
/* A cmocka group teardown: remove the TLS files of h_tls. */
int h_tls_group_teardown(void **state);
/* The TLS files made by h_tls_group_setup. */
const struct htls *h_tls(void);
/*
 * Start `tabletop run FIXTURE --listen 127.0.0.1:0 --tls-listen 127.0.0.1:0` with t's certificate
 * and key, and ARGS... (NULL-ended, up to 6); fails the test unless both ports were printed.
 */
void h_start_tls(struct hsrv *s, const struct htls *t, const char *fixture, ...);
/* Run tabletop with ARGS (NULL-ended), wait for it; returns its exit status; stderr into err. */
int h_run(char *err, size_t n, ...);
/* Send SIGTERM to the server. */
void h_kill(struct hsrv *s);
/* Wait for the server to exit (what it printed goes on in stdout_text); its exit status. */
int h_wait(struct hsrv *s);
/* SIGTERM the server and return its exit status. */
int h_stop(struct hsrv *s);
/* The join code printed for id. */
const char *h_code(const struct hsrv *s, const char *id);

/* Connect a client to the server (the banner is not consumed). */
void h_connect(struct hcl *c, const struct hsrv *s);
/* Connect a plaintext client to a port of 127.0.0.1. */
void h_connect_port(struct hcl *c, int port);
/*
 * Connect a TLS client to the server's TLS port and shake hands, checking the server's certificate
 * against the one in the PEM file ca (NULL: no check); fails the test if the handshake fails.
 */
void h_connect_tls(struct hcl *c, const struct hsrv *s, const char *ca);
/* Close a client. */
void h_close(struct hcl *c);
/* Send bytes as they are. */
void h_send_raw(struct hcl *c, const void *p, size_t n);
/* Send one line (a '\n' is added). */
void h_send(struct hcl *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The next line (without '\n') within ms milliseconds, in a static buffer; NULL on timeout or EOF.
 */
const char *h_line(struct hcl *c, int ms);
/* Read lines until one contains needle; fails the test after ms milliseconds. */
const char *h_expect(struct hcl *c, const char *needle, int ms);
/* Whether no line containing needle arrives within ms milliseconds. */
bool h_quiet(struct hcl *c, const char *needle, int ms);
/* Wait for EOF from the server within ms; true if it came. */
bool h_wait_eof(struct hcl *c, int ms);
/* Read lines until a JSON object with "type" == type (and "cmd" == cmd when cmd is not NULL). */
json_t *h_expect_json(struct hcl *c, const char *type, const char *cmd, int ms);
/* Connect, switch to JSON mode and log in as id with its code; fails the test otherwise. */
void h_join_json(struct hcl *c, const struct hsrv *s, const char *id);
/* Connect in text mode and log in as id with its code. */
void h_join_text(struct hcl *c, const struct hsrv *s, const char *id);
/*
 * Have fac (in JSON mode) broadcast n long lines in batches a reading client keeps up with;
 * fails the test unless reader (in JSON mode) gets every one and fac every acknowledgement.
 */
void h_broadcast_flood(struct hcl *fac, struct hcl *reader, int n);
/*
 * Ask `teams` as fac (in JSON mode); fails the test unless the second team is xk with nobody
 * online (its client was dropped) and the first team has one member online.
 */
void h_expect_xk_dropped(struct hcl *fac);
/* Milliseconds of monotonic time. */
double h_now_ms(void);

#endif
