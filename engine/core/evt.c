/* Events: what the exercise tells its participants, built once and shared by every recipient. */
#include "evt.h"

#include <stdlib.h>
#include <string.h>

#include "render.h"

/* Make an event of type at time t owning obj; audience empty. */
struct evt *evt_new(enum evt_type type, long t, json_t *obj)
{
	struct evt *ev = calloc(1, sizeof *ev);

	if (ev == NULL)
		abort();
	ev->refs = 1;
	ev->type = type;
	ev->t = t;
	ev->obj = obj;
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
	free(ev);
}

/* Mark team i of n as a recipient. */
void evt_add_team(struct evt *ev, int i, int n)
{
	if (i < 0 || i >= n)
		return;
	if (ev->aud.teams == NULL) {
		ev->aud.teams = calloc((size_t)n, 1);
		if (ev->aud.teams == NULL)
			abort();
	}
	ev->aud.teams[i] = 1;
}

/* The JSON line of the event, serialised on first call. */
const char *evt_json(struct evt *ev, size_t *len)
{
	if (ev->json == NULL) {
		char *s = json_dumps(ev->obj, JSON_COMPACT);
		if (s == NULL)
			abort();
		ev->json_len = strlen(s) + 1;
		ev->json = malloc(ev->json_len + 1);
		if (ev->json == NULL)
			abort();
		memcpy(ev->json, s, ev->json_len - 1);
		memcpy(ev->json + ev->json_len - 1, "\n", 2);
		free(s);
	}
	if (len != NULL)
		*len = ev->json_len;
	return ev->json;
}

/* The text-mode rendering of the event, rendered on first call. */
const char *evt_text(struct evt *ev, const struct exercise *ex, size_t *len)
{
	if (ev->text == NULL)
		ev->text = render_event(ev, ex, &ev->text_len);
	if (len != NULL)
		*len = ev->text_len;
	return ev->text;
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
	};

	if ((unsigned)type >= sizeof names / sizeof names[0])
		return "unknown";
	return names[type];
}
