/* End to end over TLS: --tls-listen beside --listen, clients of both kinds, bad certificates. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <openssl/ssl.h>

#include "harness.h"

#define WAIT 5000

/* A team over TLS and the facilitator over plaintext play together; a quit ends TLS cleanly. */
static void test_tls_join(void **state)
{
	struct hsrv s;
	struct hcl al, fac;
	json_t *o;

	(void)state;
	h_start_tls(&s, h_tls(), h_fixture("drill.lua"), NULL);
	assert_non_null(strstr(s.stdout_text, "(TLS)"));
	h_connect_tls(&al, &s, h_tls()->cert); /* the server shows the certificate it was given */
	assert_true(SSL_version(al.ssl) >= TLS1_2_VERSION);
	h_expect(&al, "EXERCISE EXERCISE EXERCISE", WAIT);
	h_send(&al, "login al %s Ana", h_code(&s, "al"));
	h_expect(&al, "Welcome, Ana", WAIT);
	h_join_json(&fac, &s, "facilitator");
	h_send(&fac, "start");
	json_decref(h_expect_json(&fac, "ok", "start", WAIT));
	h_expect(&al, "CLOCK running", WAIT);
	h_send(&fac, "fire I-02");
	o = h_expect_json(&fac, "inject", NULL, WAIT);
	assert_string_equal(json_string_value(json_object_get(o, "id")), "I-02");
	json_decref(o);
	h_expect(&al, "A journalist is calling", WAIT);
	h_send(&al, "say over TLS");
	o = h_expect_json(&fac, "say", NULL, WAIT);
	assert_non_null(strstr(json_string_value(json_object_get(o, "text")), "over TLS"));
	json_decref(o);
	h_send(&al, "quit");
	assert_true(h_wait_eof(&al, WAIT));
	assert_true(SSL_get_shutdown(al.ssl) & SSL_RECEIVED_SHUTDOWN); /* close_notify, not a cut */
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* The facilitator over TLS in JSON mode; a client that offers only TLS 1.1 is refused. */
static void test_tls_json_and_versions(void **state)
{
	struct hsrv s;
	struct hcl fac, old, xk;
	SSL_CTX *ctx;
	json_t *o;

	(void)state;
	h_start_tls(&s, h_tls(), h_fixture("drill.lua"), NULL);
	h_connect_tls(&fac, &s, NULL);
	h_send(&fac, "mode json");
	json_decref(h_expect_json(&fac, "ok", "mode", WAIT));
	h_send(&fac, "login facilitator %s", h_code(&s, "facilitator"));
	json_decref(h_expect_json(&fac, "ok", "login", WAIT));
	h_join_text(&xk, &s, "xk");
	h_expect(&xk, "Welcome", WAIT);
	h_send(&fac, "broadcast hello over TLS");
	json_decref(h_expect_json(&fac, "ok", "broadcast", WAIT));
	h_expect(&xk, "hello over TLS", WAIT);
	h_send(&fac, "teams");
	o = h_expect_json(&fac, "ok", "teams", WAIT);
	assert_int_equal(json_integer_value(json_object_get(
	                     json_array_get(json_object_get(o, "teams"), 1), "members")),
	                 1);
	json_decref(o);

	h_connect_port(&old, s.tls_port);
	ctx = SSL_CTX_new(TLS_client_method());
	assert_non_null(ctx);
	SSL_CTX_set_security_level(ctx, 0);
	SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
	SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION);
	old.ssl = SSL_new(ctx);
	SSL_CTX_free(ctx);
	SSL_set_fd(old.ssl, old.fd);
	assert_int_not_equal(SSL_connect(old.ssl), 1);
	h_close(&old);
	h_send(&fac, "status"); /* the others go on */
	json_decref(h_expect_json(&fac, "ok", "status", WAIT));
	h_close(&xk);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* Lines sent just before the end run; an unfinished last line runs only after a close_notify. */
static void test_tls_endings(void **state)
{
	struct hsrv s;
	struct hcl fac, al;
	int on = 1, off = 0;

	(void)state;
	h_start_tls(&s, h_tls(), h_fixture("drill.lua"), NULL);
	h_join_json(&fac, &s, "facilitator");
	h_connect_tls(&al, &s, NULL);
	h_send(&al, "login al %s", h_code(&s, "al"));
	h_expect(&al, "Welcome", WAIT);
	/* corked: the last bytes and the end come in one segment, and are read at once */
	assert_int_equal(setsockopt(al.fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on), 0);
	h_send_raw(&al, "say one\nsay two", 15);
	SSL_set_quiet_shutdown(al.ssl, 1); /* cut: no close_notify */
	h_close(&al);
	h_expect(&fac, "\"text\":\"one\"", WAIT);
	assert_true(h_quiet(&fac, "\"text\":\"two\"", 300));

	h_connect_tls(&al, &s, NULL);
	h_send(&al, "login al %s", h_code(&s, "al"));
	h_expect(&al, "Welcome", WAIT);
	assert_int_equal(setsockopt(al.fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on), 0);
	h_send_raw(&al, "say three\nsay four", 18);
	SSL_shutdown(al.ssl); /* close_notify: the end is the client's, the last line counts */
	assert_int_equal(setsockopt(al.fd, IPPROTO_TCP, TCP_CORK, &off, sizeof off), 0);
	assert_true(h_wait_eof(&al, WAIT)); /* OpenSSL drops the replies, not the server's end */
	assert_true(SSL_get_shutdown(al.ssl) & SSL_RECEIVED_SHUTDOWN);
	h_close(&al);
	h_expect(&fac, "\"text\":\"three\"", WAIT);
	h_expect(&fac, "\"text\":\"four\"", WAIT);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
}

/* Check that `tabletop run` with these TLS options exits 2 naming want on stderr. */
static void tls_refused(const char *want, const char *a, const char *b, const char *c,
                        const char *d, const char *e, const char *f)
{
	char err[4096];
	int st = h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--listen", "127.0.0.1:0", a,
	               b, c, d, e, f, NULL);

	if (st != 2 || strstr(err, want) == NULL)
		fail_msg("%s %s %s %s: exit %d, stderr: %s", a, b, c != NULL ? c : "",
		         d != NULL ? d : "", st, err);
}

/* Missing, unreadable, not PEM, a key that does not match, options without each other: exit 2. */
static void test_tls_bad_files(void **state)
{
	const char *L = "--tls-listen", *C = "--tls-cert", *K = "--tls-key", *any = "127.0.0.1:0";
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(7300)};
	char err[4096];
	int busy;

	(void)state;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	tls_refused("/nonexistent/cert.pem", L, any, C, "/nonexistent/cert.pem", K, h_tls()->key);
	tls_refused("/nonexistent/key.pem", L, any, C, h_tls()->cert, K, "/nonexistent/key.pem");
	tls_refused("garbage.pem: no certificate in PEM form", L, any, C, h_tls()->garbage, K,
	            h_tls()->key);
	tls_refused("garbage.pem: no private key in PEM form", L, any, C, h_tls()->cert, K,
	            h_tls()->garbage);
	tls_refused("cert.pem: no private key in PEM form", L, any, C, h_tls()->cert, K,
	            h_tls()->cert);
	tls_refused("other-key.pem: the key does not match the certificate", L, any, C,
	            h_tls()->cert, K, h_tls()->other_key);
	tls_refused("--tls-listen needs --tls-cert", L, any, C, h_tls()->cert, NULL, NULL);
	tls_refused("go with --tls-listen", C, h_tls()->cert, K, h_tls()->key, NULL, NULL);
	tls_refused("ADDR:PORT", L, "7301", C, h_tls()->cert, K, h_tls()->key);
	if (geteuid() != 0) { /* root reads any file */
		assert_int_equal(chmod(h_tls()->key, 0), 0);
		tls_refused("key.pem: Permission denied", L, any, C, h_tls()->cert, K,
		            h_tls()->key);
		assert_int_equal(chmod(h_tls()->key, 0600), 0);
	}
	/*
	 * An expired certificate is served, with a warning; here the TLS listener fails after it,
	 * and the default 127.0.0.1:7300, held busy, is not tried: --tls-listen alone opens no
	 * plaintext port.
	 */
	busy = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(busy >= 0);
	if (bind(busy, (struct sockaddr *)&sa, sizeof sa) == 0) /* or someone else holds it */
		assert_int_equal(listen(busy, 1), 0);
	assert_int_equal(h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--tls-listen",
	                       "192.0.2.1:0", "--tls-cert", h_tls()->expired, "--tls-key",
	                       h_tls()->key, NULL),
	                 1);
	close(busy);
	if (strstr(err, "expired.pem has expired") == NULL || strstr(err, "192.0.2.1") == NULL ||
	    strstr(err, "7300") != NULL)
		fail_msg("stderr: %s", err);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tls_join),
	    cmocka_unit_test(test_tls_json_and_versions),
	    cmocka_unit_test(test_tls_endings),
	    cmocka_unit_test(test_tls_bad_files),
	};

	return cmocka_run_group_tests(tests, h_tls_group_setup, h_tls_group_teardown);
}
