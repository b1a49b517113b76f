/* An MSEL written out as a readable Lua scenario that `tabletop check` accepts. */
#ifndef EMIT_H
#define EMIT_H

#include "msel.h"

/* The scenario for m, read from the file name: malloc'd, NUL-terminated Lua source. */
char *emit_lua(const struct msel *m, const char *name);

/*
 * s as a Lua string literal (malloc'd), exactly s when Lua reads it: a quoted string with every
 * special byte escaped when s holds control characters other than line break and tab, or is
 * plain text; else (several lines, quotes or backslashes) a long bracket [==[ ... ]==] of a level
 * that s does not close.
 */
char *emit_string(const char *s);

#endif
