/* Text helpers of the MSEL import: cleaning spreadsheet cells, short forms. */
#ifndef TEXT_H
#define TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A cell's text without blanks at the ends and with LF line breaks (malloc'd), NULL if empty. */
char *text_clean(const char *s);

/* text_clean, then every run of blanks and line breaks as one space; NULL if empty. */
char *text_oneline(const char *s);

/* A short printable form of s for messages (at most about 40 bytes), in buf of size n. */
void text_show(const char *s, char *buf, size_t n);

/* The first line of s, cut at a word near 100 bytes with "..."; *whole: it is all of s. */
char *text_headline(const char *s, bool *whole);

/* a (malloc'd or NULL) with sep and b appended; returns the new malloc'd string. */
char *text_join(char *a, const char *sep, const char *b);

#endif
