/* A bump allocator for jansson while the report reads or writes JSON in bulk. */
#include "jalloc.h"

#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>

#include "../core/mem.h"

enum { JALLOC_BLOCK = 1 << 20 };

/* One block: the blocks form a list, the newest first. */
struct jalloc_block {
	struct jalloc_block *next;
	size_t used, cap; /* in units of max_align_t */
	max_align_t data[];
};

/* The allocator's state (jansson's hooks take no context). */
static struct {
	struct jalloc_block *blocks;
	json_malloc_t prev_malloc;
	json_free_t prev_free;
} jalloc;

/* Memory for jansson: the next free bytes of the newest block, or a new block. */
static void *jalloc_malloc(size_t size)
{
	struct jalloc_block *b = jalloc.blocks;
	size_t units = size / sizeof(max_align_t) + (size % sizeof(max_align_t) != 0);

	if (b == NULL || b->cap - b->used < units) {
		size_t cap = JALLOC_BLOCK / sizeof(max_align_t);
		if (units > cap)
			cap = units;
		b = mem_realloc(NULL, sizeof *b + mem_mul(cap, sizeof(max_align_t)));
		b->cap = cap;
		b->used = 0;
		b->next = jalloc.blocks;
		jalloc.blocks = b;
	}
	b->used += units;
	return &b->data[b->used - units];
}

/* jansson frees a value: nothing to do until the reset. */
static void jalloc_free(void *p)
{
	(void)p;
}

/* Make jansson allocate from the bump allocator. */
void jalloc_begin(void)
{
	json_get_alloc_funcs(&jalloc.prev_malloc, &jalloc.prev_free);
	json_set_alloc_funcs(jalloc_malloc, jalloc_free);
}

/* Forget every value allocated since jalloc_begin or the last reset: keep one block. */
void jalloc_reset(void)
{
	struct jalloc_block *b = jalloc.blocks;

	if (b == NULL)
		return;
	while (b->next != NULL) {
		struct jalloc_block *next = b->next;
		b->next = next->next;
		free(next);
	}
	b->used = 0;
}

/* Give jansson its previous allocator back and free the blocks. */
void jalloc_end(void)
{
	jalloc_reset();
	free(jalloc.blocks);
	jalloc.blocks = NULL;
	json_set_alloc_funcs(jalloc.prev_malloc, jalloc.prev_free);
}
