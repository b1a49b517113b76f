/* Events: what the exercise tells its participants, built once and shared by every recipient. */
#ifndef EVENT_H
#define EVENT_H

#include <jansson.h>
#include <stddef.h>

struct exercise;

enum event_type {
	EVENT_CLOCK,
	EVENT_INJECT,
	EVENT_DECISION,
	EVENT_SHARE,
	EVENT_SAY,
	EVENT_ACTION,
	EVENT_RFI,
	EVENT_REPLY,
	EVENT_BROADCAST,
	EVENT_PHASE,
	EVENT_LOG,
	EVENT_SCORE,
	EVENT_END,
	EVENT_COMMCHECK,
	EVENT_JOIN,
};

/*
 * Who receives an event. `all` means every logged-in session; otherwise a session receives it
 * when it is staff (facilitator or observer) and `staff` is set, or when it is a team member and
 * its team's byte in `teams` is non-zero.
 */
struct event_audience {
	unsigned char all;
	unsigned char staff;
	unsigned char *teams; /* n_teams bytes, or NULL for no team */
};

struct event {
	int refs;
	enum event_type type;
	long t;
	json_t *obj; /* the event exactly as CONTRACT section 3 shows it */
	struct event_audience aud;
	char *json;  /* obj serialised once, with a final '\n'; built on first use */
	size_t json_len;
	char *text;  /* rendered once for text mode, ending in '\n'; built on first use */
	size_t text_len;
};

/* Make an event of type at time t owning obj (a reference is stolen); audience empty. */
struct event *event_new(enum event_type type, long t, json_t *obj);
/* Take a reference. */
void event_ref(struct event *ev);
/* Drop a reference; the last one frees the event. */
void event_unref(struct event *ev);
/* Mark team i of n as a recipient. */
void event_add_team(struct event *ev, int i, int n);
/* The JSON line of the event (serialised on first call). */
const char *event_json(struct event *ev, size_t *len);
/* The text-mode rendering of the event (rendered on first call, with ex for names and times). */
const char *event_text(struct event *ev, const struct exercise *ex, size_t *len);
/* The type's name as it appears in "type". */
const char *event_type_name(enum event_type type);

#endif
