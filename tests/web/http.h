/* A small HTTP/1.1 client for the web console's tests: requests, and event streams by line. */
#ifndef HTTP_H
#define HTTP_H

#include <stddef.h>

#include "harness.h"

/* A response read to its end. */
struct hres {
	int status;
	char head[8192]; /* status line and headers */
	char body[65536];
	char cookie[64]; /* tabletop=TOKEN from Set-Cookie, or "" */
};

/* The web console's port from the server's "web console on http://127.0.0.1:PORT/" line. */
int http_port(const struct hsrv *s);
/*
 * Send METHOD PATH with the header lines extra (may be NULL; each ending in \r\n) and body (may
 * be NULL) to 127.0.0.1:port, read the whole response into r; returns r->status.
 */
int http_req(int port, const char *method, const char *path, const char *extra, const char *body,
             struct hres *r);
/* POST /api/login for id with its code and name; returns the status, the cookie in r. */
int http_login(const struct hsrv *s, int port, const char *id, const char *name, struct hres *r);
/* POST /api/command {"line": line} with cookie; returns the status. */
int http_cmd(int port, const char *cookie, const char *line, struct hres *r);
/* Open GET /api/events with cookie (and Last-Event-ID last unless NULL) on client c. */
void http_events(struct hcl *c, int port, const char *cookie, const char *last);
/* The next "data: " line of a stream within ms, and its "id: " in *id; fails the test if none. */
const char *http_data(struct hcl *c, unsigned long *id, int ms);

#endif
