/* Text-mode rendering of events for people: one block per event, wrapped at 80 columns. */
#ifndef RENDER_H
#define RENDER_H

#include <stddef.h>

#include "evt.h"

/* Columns of a text-mode line, counted as a terminal shows them (core/utf8). */
#define RENDER_COLUMNS 80
/*
 * A body's line at most this much narrower than its widest line was wrapped by its author: on a
 * narrower screen, its line break is reflowed like a space.
 */
#define RENDER_AUTHOR_SLACK 20

/*
 * Render an event of type at t with object obj as text ending in '\n' (ex gives times and may be
 * NULL); a new string, length in *len. Texts under "i18n" follow the default ones, each marked
 * with its language ("[sq]").
 */
char *render_event(enum evt_type type, long t, const json_t *obj, const struct exercise *ex,
                   size_t *len);

/* render_event for a screen of cols columns (at least 20) instead of RENDER_COLUMNS. */
char *render_event_cols(enum evt_type type, long t, const json_t *obj, const struct exercise *ex,
                        int cols, size_t *len);

#endif
