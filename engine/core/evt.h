/* Events: what the exercise tells its participants, built once and shared by every recipient. */
#ifndef EVT_H
#define EVT_H

#include <jansson.h>
#include <stddef.h>

struct exercise;

enum evt_type {
	EVT_CLOCK,
	EVT_INJECT,
	EVT_DECISION,
	EVT_SHARE,
	EVT_SAY,
	EVT_ACTION,
	EVT_RFI,
	EVT_REPLY,
	EVT_BROADCAST,
	EVT_PHASE,
	EVT_LOG,
	EVT_SCORE,
	EVT_END,
	EVT_COMMCHECK,
	EVT_JOIN,
	EVT_EXPECT,
	EVT_VALIDATE,
	EVT_NOTE,
	EVT_HOTWASH,
	EVT_ANSWER,
	EVT_SCRIPT_ERROR,
	EVT_REMINDER,
	EVT_DEADLINE,
	EVT_OVERRULE,
};

/*
 * Who receives an event. `all` means every logged-in session; otherwise a session receives it
 * when it is staff (facilitator or observer) and `staff` is set, or when it is a team member and
 * its team's byte in `teams` is non-zero.
 */
struct evt_audience {
	unsigned char all;
	unsigned char staff;
	unsigned char *teams; /* n_teams bytes, or NULL for no team */
};

/* What the participants of one language receive of a multilingual event, built on first use. */
struct evt_lang {
	json_t *obj; /* the event's object with the texts in that language and no "i18n" */
	char *json, *text;
	size_t json_len, text_len;
};

struct evt {
	int refs;
	enum evt_type type;
	long t;
	json_t *obj; /* the event exactly as CONTRACT section 3 shows it */
	struct evt_audience aud;
	char *json; /* obj serialised once, with a final '\n'; built on first use */
	size_t json_len;
	char *text; /* rendered once for text mode, ending in '\n'; built on first use */
	size_t text_len;
	json_t *i18n;           /* obj's "i18n" (borrowed): its texts in other languages, or NULL */
	struct evt_lang *langs; /* with i18n: per participant language (ex->langs), or NULL */
	int n_langs;
	struct evt_cols *cols; /* texts for screens of other widths than RENDER_COLUMNS, or NULL */
	struct evt_derived *derived; /* bytes a shell made from the event's text, or NULL */
};

/* Bytes that a shell made once from one of the event's texts (net: painted for a terminal). */
struct evt_derived {
	struct evt_derived *next;
	const void *key; /* the text they were made from */
	int flags;       /* and how */
	char *bytes;
	size_t len;
};

/* Make an event of type at time t owning obj (a reference is stolen); audience empty. */
struct evt *evt_new(enum evt_type type, long t, json_t *obj);
/* Take a reference. */
void evt_ref(struct evt *ev);
/* Drop a reference; the last one frees the event. */
void evt_unref(struct evt *ev);
/* Mark team i of n as a recipient. */
void evt_add_team(struct evt *ev, int i, int n);
/* The JSON line of the event (serialised on first call); the staff's, with "i18n" if any. */
const char *evt_json(struct evt *ev, size_t *len);
/* The text-mode rendering of the event (rendered on first call, with ex for names and times). */
const char *evt_text(struct evt *ev, const struct exercise *ex, size_t *len);
/*
 * What a participant in language lang (an index into ex->langs) receives: the event's texts in
 * that language, the default language's where one lacks it, without "i18n". Built once per
 * language on first call and shared; an event without "i18n" gives its own object and bytes.
 */
const json_t *evt_obj_lang(struct evt *ev, const struct exercise *ex, int lang);
const char *evt_json_lang(struct evt *ev, const struct exercise *ex, int lang, size_t *len);
const char *evt_text_lang(struct evt *ev, const struct exercise *ex, int lang, size_t *len);
/*
 * The text for a screen of cols columns (0: RENDER_COLUMNS), for a participant in language lang
 * (-1: the staff's text, every language). Rendered once per width and language, and shared.
 */
const char *evt_text_cols(struct evt *ev, const struct exercise *ex, int lang, int cols,
                          size_t *len);
/* Free the texts for other widths and the derived bytes (evt_unref does). */
void evt_cols_free(struct evt *ev);
/* The bytes made from text key with flags (evt_derive), or NULL if none were; length in *len. */
const char *evt_derived(const struct evt *ev, const void *key, int flags, size_t *len);
/* Keep bytes (malloc'd, taken over) made from text key with flags, for every recipient alike. */
void evt_derive(struct evt *ev, const void *key, int flags, char *bytes, size_t len);
/* The type's name as it appears in "type". */
const char *evt_type_name(enum evt_type type);

#endif
