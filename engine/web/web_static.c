/* The embedded page: index.html for / and /screen, the files under /static/. */
#include "web_int.h"

#include <event2/buffer.h>
#include <event2/http.h>
#include <string.h>

#include "web_assets.h"

/* The embedded file at path, or NULL. */
static const struct web_asset *web_static_find(const char *path)
{
	if (strcmp(path, "/") == 0 || strcmp(path, "/screen") == 0)
		path = "/static/index.html";
	for (const struct web_asset *a = web_assets; a->path != NULL; a++)
		if (strcmp(a->path, path) == 0)
			return a;
	return NULL;
}

/* A GET or HEAD of anything but the API. */
void web_static(struct evhttp_request *req, const char *path)
{
	const struct web_asset *a = web_static_find(path);
	struct evbuffer *b;

	if (evhttp_request_get_command(req) == EVHTTP_REQ_POST) {
		web_error(req, 405, "Method Not Allowed", "", "bad_args", "nothing to POST here");
		return;
	}
	if (a == NULL) {
		web_error(req, 404, "Not Found", "", "not_found", "no such page");
		return;
	}
	b = evbuffer_new();
	if (b == NULL || evbuffer_add_reference(b, a->data, a->len, NULL, NULL) != 0)
		abort();
	web_headers(req, a->type);
	evhttp_send_reply(req, 200, "OK", b);
	evbuffer_free(b);
}
