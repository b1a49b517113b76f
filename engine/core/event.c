/* Events: what the exercise tells its participants, built once and shared by every recipient. */
#include "event.h"

#include <stdlib.h>
#include <string.h>

#include "render.h"

/* Make an event of type at time t owning obj; audience empty. */
struct event *event_new(enum event_type type, long t, json_t *obj)
{
	struct event *ev = calloc(1, sizeof *ev);

	if (ev == NULL)
		abort();
	ev->refs = 1;
	ev->type = type;
	ev->t = t;
	ev->obj = obj;
	return ev;
}

/* Take a reference. */
void event_ref(struct event *ev)
{
	ev->refs++;
}

/* Drop a reference; the last one frees the event. */
void event_unref(struct event *ev)
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
void event_add_team(struct event *ev, int i, int n)
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
const char *event_json(struct event *ev, size_t *len)
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
const char *event_text(struct event *ev, const struct exercise *ex, size_t *len)
{
	if (ev->text == NULL)
		ev->text = render_event(ev, ex, &ev->text_len);
	if (len != NULL)
		*len = ev->text_len;
	return ev->text;
}

/* The type's name as it appears in "type". */
const char *event_type_name(enum event_type type)
{
	static const char *const names[] = {
	    [EVENT_CLOCK] = "clock",
	    [EVENT_INJECT] = "inject",
	    [EVENT_DECISION] = "decision",
	    [EVENT_SHARE] = "share",
	    [EVENT_SAY] = "say",
	    [EVENT_ACTION] = "action",
	    [EVENT_RFI] = "rfi",
	    [EVENT_REPLY] = "reply",
	    [EVENT_BROADCAST] = "broadcast",
	    [EVENT_PHASE] = "phase",
	    [EVENT_LOG] = "log",
	    [EVENT_SCORE] = "score",
	    [EVENT_END] = "end",
	    [EVENT_COMMCHECK] = "commcheck",
	    [EVENT_JOIN] = "join",
	};

	if ((unsigned)type >= sizeof names / sizeof names[0])
		return "unknown";
	return names[type];
}
