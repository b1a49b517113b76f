/* Memory for every layer: out of memory in C is fatal, so these abort instead of returning NULL. */
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* calloc that aborts when out of memory (a zero size still gives a unique pointer). */
void *mem_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

/* realloc that aborts when out of memory. */
void *mem_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		abort();
	return p;
}

/* a * b, aborting when the product does not fit in a size_t. */
size_t mem_mul(size_t a, size_t b)
{
	size_t n;

	if (__builtin_mul_overflow(a, b, &n))
		abort();
	return n;
}

/* realloc to n elements of size bytes, aborting when that size overflows or memory runs out. */
void *mem_array(void *p, size_t n, size_t size)
{
	return mem_realloc(p, mem_mul(n, size));
}

/*
 * Array p (n elements of size bytes in use) with room for one more, zeroed: its capacity *cap
 * doubles, from 16, when it is full (cap NULL: the capacity is n rounded up to a power of two,
 * so n alone says when to double). Aborts when the size overflows or memory runs out.
 */
void *mem_grow(void *p, size_t n, size_t *cap, size_t size)
{
	size_t have = cap != NULL ? *cap : (n & (n - 1)) == 0 ? n : n + 1;

	if (n >= have) {
		have = have > 0 ? mem_mul(have, 2) : cap != NULL ? 16 : 1;
		p = mem_array(p, have, size);
		if (cap != NULL)
			*cap = have;
	}
	memset((char *)p + n * size, 0, size);
	return p;
}

/* Buffer p (*cap bytes, used in use) with room for more bytes: doubled past the need. */
void *mem_reserve(void *p, size_t *cap, size_t used, size_t more)
{
	size_t need;

	if (__builtin_add_overflow(used, more, &need))
		abort();
	if (need > *cap) {
		*cap = mem_mul(need, 2);
		p = mem_realloc(p, *cap);
	}
	return p;
}

/* strdup that aborts when out of memory; NULL stays NULL. */
char *mem_strdup(const char *s)
{
	return s == NULL ? NULL : mem_strndup(s, strlen(s));
}

/* The first n bytes of s (or fewer, up to its NUL) as a new string; aborts when out of memory. */
char *mem_strndup(const char *s, size_t n)
{
	char *d = strndup(s, n);

	if (d == NULL)
		abort();
	return d;
}

/* A new string formatted like vprintf. */
char *mem_vprintf(const char *fmt, va_list ap)
{
	char small[256], *s;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (n < 0)
		abort();
	s = mem_realloc(NULL, (size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(s, small, (size_t)n + 1);
	else
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

/* A new string formatted like printf. */
char *mem_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = mem_vprintf(fmt, ap);
	va_end(ap);
	return s;
}
