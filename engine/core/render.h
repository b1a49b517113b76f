/* Text-mode rendering of events for people: one block per event, wrapped at 80 columns. */
#ifndef RENDER_H
#define RENDER_H

#include <stddef.h>

#include "evt.h"

/* Columns of a text-mode line, counted in code points. */
#define RENDER_COLUMNS 80

/* Render ev as text ending in '\n' (ex gives times and may be NULL); a new string, length in *len.
 */
char *render_event(const struct evt *ev, const struct exercise *ex, size_t *len);

#endif
