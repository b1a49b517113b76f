/* A map from strings to whole numbers: open addressing with linear probing. */
#include "idmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* The FNV-1a hash of s. */
static uint64_t idmap_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t idmap_slot(const struct idmap *m, const char *key)
{
	size_t i = (size_t)idmap_hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Double the tables (or make the first ones) and re-insert every key. */
static void idmap_grow(struct idmap *m)
{
	struct idmap bigger = {.cap = m->cap ? mem_mul(m->cap, 2) : 16};

	bigger.keys = mem_calloc(bigger.cap, sizeof *bigger.keys);
	bigger.vals = mem_calloc(bigger.cap, sizeof *bigger.vals);
	for (size_t i = 0; i < m->cap; i++) {
		if (m->keys[i] != NULL) {
			size_t j = idmap_slot(&bigger, m->keys[i]);
			bigger.keys[j] = m->keys[i];
			bigger.vals[j] = m->vals[i];
		}
	}
	bigger.n = m->n;
	idmap_free(m);
	*m = bigger;
}

/* The value of key, or -1 when it is absent. */
long idmap_get(const struct idmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return -1;
	i = idmap_slot(m, key);
	return m->keys[i] != NULL ? m->vals[i] : -1;
}

/* Set key (kept by pointer) to val, replacing any value it had. */
void idmap_put(struct idmap *m, const char *key, long val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		idmap_grow(m);
	i = idmap_slot(m, key);
	if (m->keys[i] == NULL) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
}

/* Free the map's tables (not the keys). */
void idmap_free(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}
