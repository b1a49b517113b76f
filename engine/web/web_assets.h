/* The web console's files, embedded at build time by embed.py. */
#ifndef WEB_ASSETS_H
#define WEB_ASSETS_H

#include <stddef.h>

/* One embedded file: "/static/NAME", its Content-Type and bytes. */
struct web_asset {
	const char *path;
	const char *type;
	const unsigned char *data;
	size_t len;
};

/* Every embedded file; the last entry's path is NULL. */
extern const struct web_asset web_assets[];

#endif
