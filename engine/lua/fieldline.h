/* Where a field of a declaration is written, so that check can point at the field's line. */
#ifndef FIELDLINE_H
#define FIELDLINE_H

#include <stddef.h>

/*
 * The line of `name = ...` in the table constructor of the call `kind { ... }` (or
 * `kind({ ... })`) that starts on line decl_line of the Lua text src, or, when in is not NULL,
 * in the table written as that constructor's field `in = { ... }`. 0 when it is not written
 * there (a table built elsewhere, a field left out, a declaration made by a loop's variable).
 */
int fieldline_find(const char *src, size_t len, int decl_line, const char *kind, const char *in,
                   const char *name);

#endif
