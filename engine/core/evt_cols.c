/*
 * Events rendered for screens of other widths than RENDER_COLUMNS, once per width and language,
 * and the bytes a shell derives from those texts (a terminal's line ends and colours), once.
 */
#include <stdlib.h>

#include "evt.h"
#include "exercise.h"
#include "mem.h"
#include "render.h"

/* One rendering of an event for a width and a language. */
struct evt_cols {
	struct evt_cols *next;
	int cols, lang;
	char *text;
	size_t len;
};

/*
 * The text for a screen of cols columns (0: RENDER_COLUMNS), for a participant in language lang
 * (-1: the staff's text, every language). Rendered once per width and language, and shared.
 */
const char *evt_text_cols(struct evt *ev, const struct exercise *ex, int lang, int cols,
                          size_t *len)
{
	struct evt_cols *c;

	if (cols <= 0 || cols == RENDER_COLUMNS)
		return lang < 0 ? evt_text(ev, ex, len) : evt_text_lang(ev, ex, lang, len);
	for (c = ev->cols; c != NULL; c = c->next)
		if (c->cols == cols && c->lang == lang)
			break;
	if (c == NULL) {
		c = mem_calloc(1, sizeof *c);
		c->cols = cols;
		c->lang = lang;
		c->text = render_event_cols(ev->type, ev->t,
		                            lang < 0 ? ev->obj : evt_obj_lang(ev, ex, lang), ex,
		                            cols, &c->len);
		c->next = ev->cols;
		ev->cols = c;
	}
	if (len != NULL)
		*len = c->len;
	return c->text;
}

/* The bytes made from text key with flags (evt_derive), or NULL if none were; length in *len. */
const char *evt_derived(const struct evt *ev, const void *key, int flags, size_t *len)
{
	for (const struct evt_derived *d = ev->derived; d != NULL; d = d->next)
		if (d->key == key && d->flags == flags) {
			*len = d->len;
			return d->bytes;
		}
	return NULL;
}

/* Keep bytes (malloc'd, taken over) made from text key with flags, for every recipient alike. */
void evt_derive(struct evt *ev, const void *key, int flags, char *bytes, size_t len)
{
	struct evt_derived *d = mem_calloc(1, sizeof *d);

	d->key = key;
	d->flags = flags;
	d->bytes = bytes;
	d->len = len;
	d->next = ev->derived;
	ev->derived = d;
}

/* Free the texts for other widths and the derived bytes (evt_unref does). */
void evt_cols_free(struct evt *ev)
{
	while (ev->cols != NULL) {
		struct evt_cols *c = ev->cols;

		ev->cols = c->next;
		free(c->text);
		free(c);
	}
	while (ev->derived != NULL) {
		struct evt_derived *d = ev->derived;

		ev->derived = d->next;
		free(d->bytes);
		free(d);
	}
}
