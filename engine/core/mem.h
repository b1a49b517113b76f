/* Memory for every layer: out of memory in C is fatal, so these abort instead of returning NULL. */
#ifndef MEM_H
#define MEM_H

#include <stdarg.h>
#include <stddef.h>

/* calloc that aborts when out of memory (a zero size still gives a unique pointer). */
void *mem_calloc(size_t n, size_t size);
/* realloc that aborts when out of memory. */
void *mem_realloc(void *p, size_t n);
/* strdup that aborts when out of memory; NULL stays NULL. */
char *mem_strdup(const char *s);
/* The first n bytes of s (or fewer, up to its NUL) as a new string; aborts when out of memory. */
char *mem_strndup(const char *s, size_t n);
/* A new string formatted like printf. */
char *mem_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A new string formatted like vprintf. */
char *mem_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
