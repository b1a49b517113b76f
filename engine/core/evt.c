/* Events: what the exercise tells its participants, built once and shared by every recipient. */
#include "evt.h"

#include <stdlib.h>
#include <string.h>

#include "exercise.h"
#include "mem.h"
#include "render.h"

/* Make an event of type at time t owning obj; audience empty. */
struct evt *evt_new(enum evt_type type, long t, json_t *obj)
{
	struct evt *ev = mem_calloc(1, sizeof *ev);

	ev->refs = 1;
	ev->type = type;
	ev->t = t;
	ev->obj = obj;
	ev->i18n = json_object_get(obj, "i18n");
	return ev;
}

/* Take a reference. */
void evt_ref(struct evt *ev)
{
	ev->refs++;
}

/* Drop a reference; the last one frees the event. */
void evt_unref(struct evt *ev)
{
	if (ev == NULL || --ev->refs > 0)
		return;
	json_decref(ev->obj);
	free(ev->aud.teams);
	free(ev->json);
	free(ev->text);
	for (int k = 0; k < ev->n_langs; k++) {
		json_decref(ev->langs[k].obj);
		free(ev->langs[k].json);
		free(ev->langs[k].text);
	}
	free(ev->langs);
	evt_cols_free(ev);
	free(ev);
}

/* Mark team i of n as a recipient. */
void evt_add_team(struct evt *ev, int i, int n)
{
	if (i < 0 || i >= n)
		return;
	if (ev->aud.teams == NULL)
		ev->aud.teams = mem_calloc((size_t)n, 1);
	ev->aud.teams[i] = 1;
}

/* obj as one JSON line ending in '\n' (a new string); its length in *len. */
static char *evt_dump(const json_t *obj, size_t *len)
{
	char *s = json_dumps(obj, JSON_COMPACT), *line;

	if (s == NULL)
		abort();
	*len = strlen(s) + 1;
	line = mem_realloc(NULL, *len + 1);
	memcpy(line, s, *len - 1);
	memcpy(line + *len - 1, "\n", 2);
	free(s);
	return line;
}

/* The JSON line of the event, serialised on first call. */
const char *evt_json(struct evt *ev, size_t *len)
{
	if (ev->json == NULL)
		ev->json = evt_dump(ev->obj, &ev->json_len);
	if (len != NULL)
		*len = ev->json_len;
	return ev->json;
}

/* The text-mode rendering of the event, rendered on first call. */
const char *evt_text(struct evt *ev, const struct exercise *ex, size_t *len)
{
	if (ev->text == NULL)
		ev->text = render_event(ev->type, ev->t, ev->obj, ex, &ev->text_len);
	if (len != NULL)
		*len = ev->text_len;
	return ev->text;
}

/* Merge the texts of src into dst (a copy of its own), object by object. */
static void evt_merge(json_t *dst, json_t *src)
{
	const char *key;
	json_t *v;

	json_object_foreach(src, key, v)
	{
		json_t *old = json_object_get(dst, key);

		if (json_is_object(v) && json_is_object(old)) {
			json_t *c = json_copy(old);
			if (c == NULL)
				abort();
			evt_merge(c, v);
			json_object_set_new(dst, key, c);
		} else {
			json_object_set(dst, key, v);
		}
	}
}

/* The participants' version of a multilingual event in lang, or NULL: the same in every one. */
static struct evt_lang *evt_lang(struct evt *ev, const struct exercise *ex, int lang)
{
	json_t *tr = NULL;
	struct evt_lang *v;

	if (ev->i18n == NULL || ex == NULL || ex->n_langs == 0)
		return NULL;
	if (lang > 0 && lang < ex->n_langs)
		tr = json_object_get(ev->i18n, ex->langs[lang]);
	if (tr == NULL)
		lang = 0; /* nothing in that language: the default one's bytes */
	if (ev->langs == NULL) {
		ev->langs = mem_calloc((size_t)ex->n_langs, sizeof *ev->langs);
		ev->n_langs = ex->n_langs;
	}
	v = &ev->langs[lang];
	if (v->obj == NULL) {
		v->obj = json_copy(ev->obj);
		if (v->obj == NULL)
			abort();
		json_object_del(v->obj, "i18n");
		if (tr != NULL)
			evt_merge(v->obj, tr);
	}
	return v;
}

/* What a participant in language lang receives: the object. */
const json_t *evt_obj_lang(struct evt *ev, const struct exercise *ex, int lang)
{
	struct evt_lang *v = evt_lang(ev, ex, lang);

	return v != NULL ? v->obj : ev->obj;
}

/* What a participant in language lang receives: the JSON line, serialised once per language. */
const char *evt_json_lang(struct evt *ev, const struct exercise *ex, int lang, size_t *len)
{
	struct evt_lang *v = evt_lang(ev, ex, lang);

	if (v == NULL)
		return evt_json(ev, len);
	if (v->json == NULL)
		v->json = evt_dump(v->obj, &v->json_len);
	if (len != NULL)
		*len = v->json_len;
	return v->json;
}

/* What a participant in language lang receives: the text, rendered once per language. */
const char *evt_text_lang(struct evt *ev, const struct exercise *ex, int lang, size_t *len)
{
	struct evt_lang *v = evt_lang(ev, ex, lang);

	if (v == NULL)
		return evt_text(ev, ex, len);
	if (v->text == NULL)
		v->text = render_event(ev->type, ev->t, v->obj, ex, &v->text_len);
	if (len != NULL)
		*len = v->text_len;
	return v->text;
}

/* The type's name as it appears in "type". */
const char *evt_type_name(enum evt_type type)
{
	static const char *const names[] = {
	    [EVT_CLOCK] = "clock",
	    [EVT_INJECT] = "inject",
	    [EVT_DECISION] = "decision",
	    [EVT_SHARE] = "share",
	    [EVT_SAY] = "say",
	    [EVT_ACTION] = "action",
	    [EVT_RFI] = "rfi",
	    [EVT_REPLY] = "reply",
	    [EVT_BROADCAST] = "broadcast",
	    [EVT_PHASE] = "phase",
	    [EVT_LOG] = "log",
	    [EVT_SCORE] = "score",
	    [EVT_END] = "end",
	    [EVT_COMMCHECK] = "commcheck",
	    [EVT_JOIN] = "join",
	    [EVT_EXPECT] = "expect",
	    [EVT_VALIDATE] = "validate",
	    [EVT_NOTE] = "note",
	    [EVT_HOTWASH] = "hotwash",
	    [EVT_ANSWER] = "answer",
	    [EVT_SCRIPT_ERROR] = "script_error",
	    [EVT_REMINDER] = "reminder",
	    [EVT_DEADLINE] = "deadline",
	    [EVT_OVERRULE] = "overrule",
	};

	if ((unsigned)type >= sizeof names / sizeof names[0])
		return "unknown";
	return names[type];
}
