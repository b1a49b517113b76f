/* What exercise.c and ex_play.c share and nobody else needs. */
#ifndef EX_INTERNAL_H
#define EX_INTERNAL_H

#include "exercise.h"
#include "idmap.h"
#include "mem.h"

/*
 * Queue item kinds: a is the inject (b its team, -1: its own `to`) or the timer's ref (c: every).
 * A deadline or a reminder holds in c the deadline it was set for: it is void once that changed.
 */
enum ex_item { EX_ITEM_FIRE, EX_ITEM_DEADLINE, EX_ITEM_TIMER, EX_ITEM_REMIND };

/* Private running state behind ex->index. */
struct ex_index {
	struct idmap ids;      /* inject id -> index of its first declaration */
	unsigned long n_adhoc; /* ad-hoc injects sent, for their ids */
};

/* A JSON string of s (bytes that are not UTF-8 become U+FFFD), or null when s is NULL. */
json_t *ex_jstr(const char *s);
/* Build a JSON object from a json_pack format; aborts when out of memory. */
json_t *ex_pack(const char *fmt, ...);
/* Tell the scenario layer something happened. */
void ex_notify(struct exercise *ex, const struct ex_note *note);
/* Emit obj as an event of type to team (if >= 0) and staff. */
void ex_emit_team(struct exercise *ex, enum evt_type type, int team, json_t *obj);
/* Inject i's `at` has come: deliver it to those of its teams it has not reached yet. */
void ex_fire_due(struct exercise *ex, int i);
/* Remind team of its decision on inject i due at deadline, if it still owes it (ex_remind.c). */
void ex_remind(struct exercise *ex, int i, int team, long deadline);
/* ENDEX: no decision is pending any more; what was pending is closed. */
void ex_close_pending(struct exercise *ex);
/* Keep ev for the timelines when a team sees it (ex_steer.c). */
void ex_past_add(struct exercise *ex, struct evt *ev);
/* Drop the events kept for the timelines. */
void ex_past_free(struct exercise *ex);
/* Free the RFIs (ex_rfi.c). */
void ex_rfi_free(struct exercise *ex);
/* The decision deadline of inject i for team has come: record its default. */
void ex_deadline(struct exercise *ex, int i, int team);
/* Team's decision on inject i is recorded: evaluate the inject's expect for it. */
void ex_expect_decided(struct exercise *ex, int i, int team);
/* ENDEX has come: every expect still awaiting a team's decision is missed; the hotwash goes out. */
void ex_eval_endex(struct exercise *ex);

/* Free the languages, the exercise's own texts in them and the missing-text list. */
void ex_lang_clear(struct exercise *ex);
/* A new, empty "i18n" object: {CODE: {texts in that language}} for every language but the first. */
json_t *ex_lang_i18n(void);
/* The object of language k (k >= 1) in i18n, made when it is not there yet. */
json_t *ex_lang_at(const struct exercise *ex, json_t *i18n, int k);
/* Whether tr has a text in language k. */
bool ex_lang_has(const struct ex_tr *tr, int k);
/* Put under key, in i18n's object of every other language, the text tr has in that language. */
void ex_lang_put(const struct exercise *ex, json_t *i18n, const char *key, const struct ex_tr *tr);
/* Put under key, for every other language one of the n texts s has, all n in that language. */
void ex_lang_put_list(const struct exercise *ex, json_t *i18n, const char *key, char *const *s,
                      struct ex_tr *const *tr, int n);
/* Add i18n to obj as its "i18n" member when it holds any language, else drop it; returns obj. */
json_t *ex_lang_attach(json_t *obj, json_t *i18n);

#endif
