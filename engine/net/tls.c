/* TLS for the listeners: the certificate and key, and the OpenSSL bufferevent of a connection. */
#include "tls.h"

#include <errno.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A passphrase callback that has none: an encrypted key is refused instead of prompted for. */
static int tls_no_passphrase(char *buf, int size, int rwflag, void *arg)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)arg;
	return -1;
}

/* Open path for reading; NULL with a message naming flag and path. */
static FILE *tls_open_file(const char *flag, const char *path, char *err, size_t errn)
{
	FILE *f = fopen(path, "r");

	if (f == NULL)
		snprintf(err, errn, "%s %s: %s", flag, path, strerror(errno));
	return f;
}

/* Load the certificate chain into ctx; -1 with a message. */
static int tls_load_cert(SSL_CTX *ctx, const char *cert, char *err, size_t errn)
{
	FILE *f = tls_open_file("--tls-cert", cert, err, errn);

	if (f == NULL)
		return -1;
	fclose(f);
	if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) {
		snprintf(err, errn, "--tls-cert %s: no certificate in PEM form in it", cert);
		ERR_clear_error();
		return -1;
	}
	return 0;
}

/* Load the private key into ctx and check it against the certificate; -1 with a message. */
static int tls_load_key(SSL_CTX *ctx, const char *cert, const char *key, char *err, size_t errn)
{
	FILE *f = tls_open_file("--tls-key", key, err, errn);
	EVP_PKEY *pkey;
	int r = -1;

	if (f == NULL)
		return -1;
	pkey = PEM_read_PrivateKey(f, NULL, tls_no_passphrase, NULL);
	fclose(f);
	if (pkey == NULL)
		snprintf(err, errn,
		         "--tls-key %s: no private key in PEM form, without a passphrase, in it",
		         key);
	else if (X509_check_private_key(SSL_CTX_get0_certificate(ctx), pkey) != 1)
		snprintf(err, errn, "--tls-key %s: the key does not match the certificate in %s",
		         key, cert);
	else if (SSL_CTX_use_PrivateKey(ctx, pkey) != 1)
		snprintf(err, errn, "--tls-key %s: OpenSSL cannot use this key", key);
	else
		r = 0;
	ERR_clear_error();
	EVP_PKEY_free(pkey);
	return r;
}

/* The TLS settings for a PEM certificate chain and key; NULL with a message naming the file. */
struct ssl_ctx_st *tls_new(const char *cert, const char *key, char *err, size_t errn)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());

	if (ctx == NULL)
		abort();
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
	                             SSL_OP_NO_RENEGOTIATION);
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS); /* idle connections hold no buffers */
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	SSL_CTX_set_default_passwd_cb(ctx, tls_no_passphrase);
	if (tls_load_cert(ctx, cert, err, errn) < 0 ||
	    tls_load_key(ctx, cert, key, err, errn) < 0) {
		SSL_CTX_free(ctx);
		return NULL;
	}
	if (X509_cmp_current_time(X509_get0_notAfter(SSL_CTX_get0_certificate(ctx))) < 0)
		fprintf(stderr,
		        "tabletop run: warning: the certificate in %s has expired; clients that "
		        "check it will refuse to connect\n",
		        cert);
	return ctx;
}

/* Take one more reference to ctx. */
void tls_ref(struct ssl_ctx_st *ctx)
{
	SSL_CTX_up_ref(ctx);
}

/* Drop a reference to ctx. */
void tls_free(struct ssl_ctx_st *ctx)
{
	SSL_CTX_free(ctx);
}

/* A bufferevent that accepts a TLS handshake on fd, then carries the bytes; it owns fd. */
struct bufferevent *tls_accept(struct ssl_ctx_st *ctx, struct event_base *base, int fd)
{
	SSL *ssl = SSL_new(ctx);
	struct bufferevent *bev;

	if (ssl == NULL)
		abort();
	bev = bufferevent_openssl_socket_new(base, fd, ssl, BUFFEREVENT_SSL_ACCEPTING,
	                                     BEV_OPT_CLOSE_ON_FREE);
	if (bev == NULL)
		abort();
	return bev;
}

/* Whether the handshake of bev is done. */
bool tls_open(struct bufferevent *bev)
{
	SSL *ssl = bufferevent_openssl_get_ssl(bev);

	return ssl != NULL && SSL_is_init_finished(ssl);
}

/* Send the close_notify alert (the output is flushed; the socket is closed later). */
void tls_close_notify(struct bufferevent *bev)
{
	SSL *ssl = bufferevent_openssl_get_ssl(bev);

	if (ssl != NULL && SSL_is_init_finished(ssl))
		SSL_shutdown(ssl);
	ERR_clear_error(); /* the queue is shared by every connection */
}

/* Why the TLS layer of bev failed; NULL when the client just left or OpenSSL gave no reason. */
const char *tls_error(struct bufferevent *bev)
{
	const char *why = NULL;
	unsigned long e;

	while ((e = bufferevent_get_openssl_error(bev)) != 0) /* libevent also keeps SSL_ERROR_* */
		if (ERR_GET_LIB(e) != 0 && ERR_reason_error_string(e) != NULL &&
		    ERR_GET_REASON(e) != SSL_R_UNEXPECTED_EOF_WHILE_READING)
			why = ERR_reason_error_string(e);
	return why;
}
