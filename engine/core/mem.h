/* Memory for every layer: out of memory in C is fatal, so these abort instead of returning NULL. */
#ifndef MEM_H
#define MEM_H

#include <stdarg.h>
#include <stddef.h>

/* calloc that aborts when out of memory (a zero size still gives a unique pointer). */
void *mem_calloc(size_t n, size_t size);
/* realloc that aborts when out of memory. */
void *mem_realloc(void *p, size_t n);
/* a * b, aborting when the product does not fit in a size_t. */
size_t mem_mul(size_t a, size_t b);
/* realloc to n elements of size bytes, aborting when that size overflows or memory runs out. */
void *mem_array(void *p, size_t n, size_t size);
/*
 * Array p (n elements of size bytes in use) with room for one more, zeroed: its capacity *cap
 * doubles, from 16, when it is full (cap NULL: the capacity is n rounded up to a power of two,
 * so n alone says when to double). Aborts when the size overflows or memory runs out.
 */
void *mem_grow(void *p, size_t n, size_t *cap, size_t size);
/*
 * Buffer p (*cap bytes, used of them in use) with room for more bytes after them: when short, it
 * grows to twice what is needed. Aborts when the size overflows or memory runs out.
 */
void *mem_reserve(void *p, size_t *cap, size_t used, size_t more);
/* Append a zeroed element to arr (n in use, cap allocated: size_t lvalues); a pointer to it. */
#define MEM_PUSH(arr, n, cap) ((arr) = mem_grow((arr), (n), &(cap), sizeof *(arr)), &(arr)[(n)++])
/* strdup that aborts when out of memory; NULL stays NULL. */
char *mem_strdup(const char *s);
/* The first n bytes of s (or fewer, up to its NUL) as a new string; aborts when out of memory. */
char *mem_strndup(const char *s, size_t n);
/* A new string formatted like printf. */
char *mem_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A new string formatted like vprintf. */
char *mem_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
