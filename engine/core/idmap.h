/* A map from strings (that outlive it) to whole numbers, for lookups by id. */
#ifndef IDMAP_H
#define IDMAP_H

#include <stddef.h>

struct idmap {
	const char **keys;
	long *vals;
	size_t cap, n; /* cap: 0 or a power of two, at least twice n */
};

/* The value of key, or -1 when it is absent. */
long idmap_get(const struct idmap *m, const char *key);
/* Set key (kept by pointer) to val, replacing any value it had. */
void idmap_put(struct idmap *m, const char *key, long val);
/* Free the map's tables (not the keys). */
void idmap_free(struct idmap *m);

#endif
