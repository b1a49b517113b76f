/*
 * A bump allocator for jansson while the report reads or writes JSON in bulk: values come from
 * big blocks and go all at once, instead of one malloc and one free each (most of the time a
 * 100,000-line journal took). jansson's allocator is process-wide, so between jalloc_begin and
 * jalloc_end no jansson value may be made that outlives jalloc_end, nor one made before freed.
 */
#ifndef REPORT_JALLOC_H
#define REPORT_JALLOC_H

/* Make jansson allocate from the bump allocator. */
void jalloc_begin(void);
/* Forget every value allocated since jalloc_begin or the last reset: none may be used again. */
void jalloc_reset(void);
/* Give jansson its previous allocator back and free the blocks. */
void jalloc_end(void);

#endif
