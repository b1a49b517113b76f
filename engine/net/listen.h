/* The listening sockets: ADDR:PORT parsing, accepting, the connection limit and EMFILE. */
#ifndef LISTEN_H
#define LISTEN_H

#include <stdbool.h>
#include <stddef.h>

struct addrinfo;
struct server;
struct ssl_ctx_st;

/* Whether spec ("127.0.0.1:7300", "[::1]:7300", "localhost:0") is well formed; else a message. */
bool listen_valid(const char *spec, char *err, size_t errn);
/* Resolve spec into its first address (the caller frees *ai with freeaddrinfo); -1 with a
 * message in err. */
int listen_resolve(const char *spec, struct addrinfo **ai, char *err, size_t errn);
/* Write the address the socket fd is bound to as ADDR:PORT ([ADDR]:PORT for IPv6). */
void listen_fd_name(int fd, char *real, size_t n);
/* Whether spec names an IPv4 address (so IPv6 listeners of the server must be IPv6 only). */
bool listen_is_ipv4(const char *spec);
/*
 * Listen on spec, for TLS with the settings tls unless it is NULL (the listener takes its own
 * reference). Writes the address actually bound ("127.0.0.1:40123") to real. Returns 0, or -1
 * with a message in err.
 */
int listen_add(struct server *srv, const char *spec, struct ssl_ctx_st *tls, char *real, size_t n,
               char *err, size_t errn);
/* Stop listening and free the listeners. */
void listen_close_all(struct server *srv);

#endif
