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
