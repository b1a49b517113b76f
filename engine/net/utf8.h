/* UTF-8 validation of input lines. */
#ifndef UTF8_H
#define UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the n bytes at p are well-formed UTF-8 (no overlongs, surrogates or NUL bytes). */
bool utf8_valid(const char *p, size_t n);

#endif
