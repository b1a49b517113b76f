/* What exercise.c and ex_play.c share and nobody else needs. */
#ifndef EX_INTERNAL_H
#define EX_INTERNAL_H

#include "exercise.h"
#include "idmap.h"
#include "mem.h"

/* Queue item kinds: a is the inject (b its team, -1: its own `to`) or the timer's ref (c: every).
 */
enum ex_item { EX_ITEM_FIRE, EX_ITEM_DEADLINE, EX_ITEM_TIMER };

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
/* The decision deadline of inject i for team has come: record its default. */
void ex_deadline(struct exercise *ex, int i, int team);
/* Team's decision on inject i is recorded: evaluate the inject's expect for it. */
void ex_expect_decided(struct exercise *ex, int i, int team);
/* ENDEX has come: every expect still awaiting a team's decision is missed; the hotwash goes out. */
void ex_eval_endex(struct exercise *ex);

#endif
