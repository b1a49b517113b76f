/*
 * TLS for the listeners given with --tls-listen: the server's certificate and key, and the
 * OpenSSL bufferevent that speaks TLS on an accepted socket. Clients are never asked for a
 * certificate; they log in with their secret as over plaintext.
 */
#ifndef TLS_H
#define TLS_H

#include <stdbool.h>
#include <stddef.h>

struct bufferevent;
struct event_base;
struct ssl_ctx_st; /* OpenSSL's SSL_CTX */

/*
 * The TLS settings for a certificate chain and its private key, both PEM files. NULL with a
 * message naming the file in err when a file is missing, unreadable, not PEM, or the key does
 * not match the certificate.
 */
struct ssl_ctx_st *tls_new(const char *cert, const char *key, char *err, size_t errn);
/* Take one more reference to ctx (each listener holds one). */
void tls_ref(struct ssl_ctx_st *ctx);
/* Drop a reference to ctx (NULL is fine). */
void tls_free(struct ssl_ctx_st *ctx);
/* A bufferevent that accepts a TLS handshake on fd and then carries the bytes; frees fd with it. */
struct bufferevent *tls_accept(struct ssl_ctx_st *ctx, struct event_base *base, int fd);
/* Whether the handshake of bev is done, so that bytes can flow. */
bool tls_open(struct bufferevent *bev);
/* Send the TLS close_notify on bev once its output is flushed. */
void tls_close_notify(struct bufferevent *bev);
/* Why the TLS layer of bev failed, for the operator's log; NULL when the client just left. */
const char *tls_error(struct bufferevent *bev);

#endif
