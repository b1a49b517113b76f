/*
 * Languages: a text's versions in the languages a scenario declares, the fallback to the default
 * one, the "i18n" member that carries them in events, and the texts that lack a language.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ex_internal.h"
#include "exercise.h"

/* A new ex_tr of n texts, all NULL. */
struct ex_tr *ex_lang_new(int n)
{
	struct ex_tr *tr = mem_calloc(1, sizeof *tr + (size_t)n * sizeof tr->v[0]);

	tr->n = n;
	return tr;
}

/* A deep copy of tr (NULL stays NULL). */
struct ex_tr *ex_lang_dup(const struct ex_tr *tr)
{
	struct ex_tr *c;

	if (tr == NULL)
		return NULL;
	c = ex_lang_new(tr->n);
	for (int k = 0; k < tr->n; k++)
		c->v[k] = mem_strdup(tr->v[k]);
	return c;
}

/* Free tr and its texts. */
void ex_lang_free(struct ex_tr *tr)
{
	for (int k = 0; tr != NULL && k < tr->n; k++)
		free(tr->v[k]);
	free(tr);
}

/* The text s (its ex_tr: tr) in language lang, or s where it has none. */
const char *ex_lang_get(const char *s, const struct ex_tr *tr, int lang)
{
	if (tr == NULL || lang < 0 || lang >= tr->n || tr->v[lang] == NULL)
		return s;
	return tr->v[lang];
}

/* The index of a language by code (ASCII case-insensitive), or -1. */
int ex_lang_find(const struct exercise *ex, const char *code)
{
	for (int k = 0; code != NULL && k < ex->n_langs; k++)
		if (strcasecmp(ex->langs[k], code) == 0)
			return k;
	return -1;
}

/* Record a text lacking a language, at its declaration's line (kept in line order). */
void ex_lang_missing(struct exercise *ex, int line, const char *fmt, ...)
{
	va_list ap;
	int i;

	ex->missing = mem_grow(ex->missing, (size_t)ex->n_missing, NULL, sizeof *ex->missing);
	for (i = ex->n_missing; i > 0 && ex->missing[i - 1].line > line; i--)
		ex->missing[i] = ex->missing[i - 1];
	ex->missing[i].line = line;
	va_start(ap, fmt);
	ex->missing[i].msg = mem_vprintf(fmt, ap);
	va_end(ap);
	ex->n_missing++;
}

/* Free the languages, the exercise's own texts in them and the missing-text list. */
void ex_lang_clear(struct exercise *ex)
{
	for (int k = 0; k < ex->n_langs; k++)
		free(ex->langs[k]);
	free(ex->langs);
	ex_lang_free(ex->title_tr);
	ex_lang_free(ex->phase_tr);
	ex_lang_free(ex->end_reason_tr);
	for (int i = 0; ex->hotwash_tr != NULL && i < ex->n_hotwash; i++)
		ex_lang_free(ex->hotwash_tr[i]);
	free(ex->hotwash_tr);
	for (int i = 0; i < ex->n_missing; i++)
		free(ex->missing[i].msg);
	free(ex->missing);
}

/* The object of language k (k >= 1) in i18n, made when it is not there yet. */
json_t *ex_lang_at(const struct exercise *ex, json_t *i18n, int k)
{
	json_t *o = json_object_get(i18n, ex->langs[k]);

	if (o == NULL) {
		o = json_object();
		if (o == NULL || json_object_set_new(i18n, ex->langs[k], o) != 0)
			abort();
	}
	return o;
}

/* Whether tr has a text in language k. */
bool ex_lang_has(const struct ex_tr *tr, int k)
{
	return tr != NULL && k < tr->n && tr->v[k] != NULL;
}

/* Put under key, in i18n's object of every other language, the text tr has in that language. */
void ex_lang_put(const struct exercise *ex, json_t *i18n, const char *key, const struct ex_tr *tr)
{
	for (int k = 1; tr != NULL && k < ex->n_langs; k++)
		if (ex_lang_has(tr, k))
			json_object_set_new(ex_lang_at(ex, i18n, k), key, ex_jstr(tr->v[k]));
}

/* Put under key, for every other language one of the n texts s has, all n in that language. */
void ex_lang_put_list(const struct exercise *ex, json_t *i18n, const char *key, char *const *s,
                      struct ex_tr *const *tr, int n)
{
	for (int k = 1; tr != NULL && k < ex->n_langs; k++) {
		json_t *list;
		int i = 0;

		while (i < n && !ex_lang_has(tr[i], k))
			i++;
		if (i == n)
			continue;
		list = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(list, ex_jstr(ex_lang_get(s[i], tr[i], k)));
		json_object_set_new(ex_lang_at(ex, i18n, k), key, list);
	}
}

/* Add i18n to obj as its "i18n" member when it holds any language, else drop it; returns obj. */
json_t *ex_lang_attach(json_t *obj, json_t *i18n)
{
	if (json_object_size(i18n) > 0)
		json_object_set_new(obj, "i18n", i18n);
	else
		json_decref(i18n);
	return obj;
}

/* A new, empty "i18n" object; aborts when out of memory. */
json_t *ex_lang_i18n(void)
{
	json_t *o = json_object();

	if (o == NULL)
		abort();
	return o;
}
