/* What model.c and events.c share while a journal is read, and nobody else needs. */
#ifndef REPORT_MODEL_INT_H
#define REPORT_MODEL_INT_H

#include <jansson.h>
#include <stdbool.h>

#include "../core/idmap.h"
#include "../core/mem.h"
#include "model.h"

/* One distinct inject id: when each team first got it, and whether it decided. */
struct model_injstate {
	const char *id;
	long *fired;            /* per team, -1: never */
	long *deadline;         /* per team, of its first firing with a decision; -1: none */
	unsigned char *decided; /* per team */
	long last;              /* the latest firing with a decision (for option labels), -1 */
};

/* A block of the string arena. */
struct model_block {
	struct model_block *next;
	size_t used, cap;
	max_align_t data[];
};

struct model_priv {
	struct model_block *arena;
	size_t cap_injects, cap_decisions, cap_opens, cap_scores, cap_shares, cap_rfis;
	size_t cap_replies, cap_checks, cap_notes, cap_answers, cap_phases, cap_objectives;
	size_t cap_log;
	struct idmap teams, objectives, injmap, rfimap;
	struct idmap checkmap;  /* "INJECT\x1fTEAM" -> check */
	struct idmap answermap; /* "N\x1fTEAM" -> answer */
	struct model_injstate *inj;
	size_t n_inj, cap_inj;
	long **team_rfis; /* per team, its RFIs in order */
	size_t *team_rfi_n, *team_rfi_cap, *team_rfi_next;
	long line;        /* the journal line being read */
	const char *type; /* the event type being read */
	char err[512];    /* the first problem with the line, "" if none */
	size_t cap_steers;
	const char *send_by; /* the facilitator of the last `send` input (steer.c) */
	long send_line;      /* its line */
};

/* Zeroed memory from the arena, freed with the model. */
void *model_alloc(struct model *m, size_t size);
/* A copy of the n bytes at s, NUL-terminated, in the arena. */
const char *model_strndup(struct model *m, const char *s, size_t n);
/* Record the first problem with the current line (printf-style). */
void model_fail(struct model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The string at key, copied; "" after model_fail when it is missing or not a string. */
const char *field_str(struct model *m, const json_t *o, const char *key);
/* The string at key, copied, or NULL when it is missing or null. */
const char *field_ostr(struct model *m, const json_t *o, const char *key);
/* The whole number at key; 0 after model_fail when it is missing or not one. */
long field_int(struct model *m, const json_t *o, const char *key);
/* The whole number at key, or dflt when it is missing or null. */
long field_oint(struct model *m, const json_t *o, const char *key, long dflt);
/* The longest time a journal line may give, in seconds (some 31 years). */
#define FIELD_TIME_MAX 1000000000L
/* The time in seconds at key, 0 to FIELD_TIME_MAX; 0 after model_fail otherwise. */
long field_time(struct model *m, const json_t *o, const char *key);
/* The time in seconds at key, or dflt when it is missing or null; dflt after model_fail when
 * it is out of range. */
long field_otime(struct model *m, const json_t *o, const char *key, long dflt);
/* The team named at key, as an index; 0 after model_fail when it is not one of the header's. */
int field_team(struct model *m, const json_t *o, const char *key);
/* "result": "met" or "missed", as true or false; false after model_fail otherwise. */
bool field_result(struct model *m, const json_t *o);

/* Append line e to its team's log. */
void model_log(struct model *m, struct model_entry e);

/* Read the header object; -1 after model_fail. */
int head_read(struct model *m, json_t *o);
/* The objective with this id as an index, adding it when the header did not list it. */
int head_objective(struct model *m, const char *id);
/* Read a list of hotwash questions (from the header or a "hotwash" event); -1 after model_fail. */
int head_questions(struct model *m, const json_t *qs);
/* Remember an "in" line: the inject a facilitator's `send` makes comes on the next line. */
void steer_input(struct model *m, const json_t *o);
/* Who composed the inject with this id on the line being read (a facilitator's name), or NULL. */
const char *steer_sent_by(struct model *m, const char *id);
/* Read a `deadline`, `overrule` or `script_error` event and count it; false for another type. */
bool steer_read(struct model *m, const json_t *o, const char *type);

/* The label of option key of the inject s last fired with a decision, or NULL. */
const char *events_label(const struct model *m, const struct model_injstate *s, const char *key);
/* Read one event or input line of type; -1 after model_fail. Unknown types are counted. */
int events_read(struct model *m, json_t *o, const char *type);

#endif
