/*
 * The after-action report model: a journal (docs/journal.md, format 1) read once, with everything
 * the report shows computed. The writers (text, md, html, json) only print it.
 */
#ifndef REPORT_MODEL_H
#define REPORT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One option of an inject's decision. */
struct model_option {
	const char *key, *label;
};

/* One firing of an inject (one "inject" event). */
struct model_inject {
	const char *id, *from, *channel, *subject, *prompt;
	long t;
	long deadline; /* absolute; -1: none */
	bool has_decision;
	int *to; /* team indices */
	int n_to;
	struct model_option *options;
	int n_options;
	long seq;
	const char *sent_by; /* composed by this facilitator with `send` (steer.c); NULL: not */
};

/* A team's decision; response and deadline are -1 when unknown. */
struct model_decision {
	int team;
	const char *inject, *option, *label, *by;
	long t, fired, response, deadline;
	bool timeout;
	long overrule; /* index into steers of the last overrule of it, -1: none */
};

/* An inject with a decision that a team received and never decided before the journal ends. */
struct model_open {
	int team;
	const char *inject;
	long fired, deadline;
};

struct model_score {
	int team;
	long delta, total, t;
	const char *reason;
};

/* A share; to is a team index or -1 for "all". */
struct model_share {
	int from, to;
	const char *text;
	long t;
};

/* One cell of the sharing matrix: shares from one team that reached another. */
struct model_pair {
	long count;
	long first; /* t of the first; -1: none */
};

/* A request for information and the reply that answered it. */
struct model_rfi {
	const char *id, *by, *text;
	int team;
	long t;
	long answered;                /* t of the first reply; -1: unanswered */
	long first_reply, last_reply; /* indices into replies, -1: none */
};

/* A reply from the white cell; rfi is the index of the RFI it answers, -1: none. */
struct model_reply {
	int team;
	const char *text;
	long t;
	long rfi;
	long next; /* the next reply to the same RFI, -1: none */
};

/*
 * An expectation for one team and inject: the engine's "expect" event, overridden by the last
 * facilitator's "validate" (which may also stand alone). objective: an index, -1 for none.
 */
struct model_check {
	int team, objective;
	const char *inject;
	bool met; /* the verdict that counts */
	bool has_expect, expect_met;
	const char *option, *expected, *reason; /* from the expect */
	long within, response, t;               /* -1: none; t of the expect */
	long validates;                         /* how many validate events */
	bool validate_met;
	const char *by, *text; /* the last validate's */
	long vt;
};

struct model_note {
	const char *text, *by;
	long t;
};

/* A team's answer to hotwash question n (1-based): the last one it gave. */
struct model_answer {
	int team;
	long n, t, seq;
	const char *by, *text, *question;
};

/* A decision a team was asked for: taken in time ('d'), recorded at its deadline ('t'), or
 * still open when the journal ends ('o'). allowed and response are -1 when unknown. */
struct model_resp {
	const char *inject;
	int team;
	char status;
	long order; /* of the inject among the distinct injects, as they first fired */
	long fired, allowed, response;
};

/* What a line of a team's log records. */
enum model_kind {
	LOG_INJECT,    /* ref: inject id, by: from, text: subject, a: time allowed or -1 */
	LOG_DECISION,  /* ref: inject, by, text: option, extra: label, flag: at the deadline */
	LOG_ACTION,    /* by, text */
	LOG_SAY,       /* by, text */
	LOG_SHARE_OUT, /* ref: the team it went to or "all", text */
	LOG_SHARE_IN,  /* ref: the team it came from, text */
	LOG_RFI,       /* ref: RFI id, by, text */
	LOG_REPLY,     /* ref: the RFI it answers or NULL, extra: that RFI's question, text */
	LOG_SCORE,     /* a: delta, b: total, text: reason */
	LOG_EXPECT,    /* ref: inject, extra: objective, flag: met, text: reason */
	LOG_VALIDATE,  /* ref: inject, extra: objective, flag: met, by, text */
	LOG_NOTE,      /* by, text (a note that names the team's id) */
	LOG_ANSWER,    /* a: question number, extra: question, by, text */
	LOG_BROADCAST, /* text: the white cell's broadcast to every team */
	LOG_DEADLINE,  /* ref: inject, by, a: the new deadline, b: the one before or -1 */
	LOG_OVERRULE,  /* ref: inject, by, extra: the option now recorded, text: the reason */
};

/* What a steering line records (steer.c). */
enum model_steer_kind { STEER_DEADLINE, STEER_OVERRULE, STEER_SCRIPT_ERROR };

/*
 * The white cell's steering and what went wrong in scenario code, in journal order: a deadline
 * extended for a team (`deadline` event), a decision overruled (`overrule`), a script error.
 */
struct model_steer {
	enum model_steer_kind kind;
	int team;                                               /* -1 for a script error */
	const char *inject, *by;                                /* deadline, overrule */
	const char *option, *label, *previous, *previous_label; /* overrule */
	const char *text;         /* the overrule's reason, the script error's message */
	const char *file;         /* script error */
	long t, deadline, before; /* deadline: the new one and the one before (-1: none) */
	long line;                /* script error: its line in file, -1: unknown */
};

/* One line of a team's log, in journal order. */
struct model_entry {
	int team;
	enum model_kind kind;
	bool flag;
	long t, a, b;
	const char *ref, *by, *text, *extra;
	long next; /* the index of the team's next line, -1: none */
};

struct model_phase {
	const char *name;
	long t, seq;
};

struct model_objective {
	const char *id, *text; /* text NULL: named by an event, not in the header */
	long met, missed;
};

/* Per team: everything computed from the events. */
struct model_team {
	const char *id, *name;
	long score;
	long n_decisions, n_timeouts, n_open, n_scores;
	long n_checks, n_met; /* expectations evaluated, and met, over every objective */
	long resp_n, resp_sum, resp_min, resp_max; /* over decisions taken in time */
	long first_inject;                         /* -1: received none */
	long first_share;                          /* -1: shared nothing */
	long shares_sent, shares_to_all, shares_received;
	long rfis, rfis_unanswered;
	long *obj_met, *obj_missed; /* per objective, then one slot for "no objective" */
	long first_log, last_log;   /* indices into the model's log, -1: none */
};

struct model_counts {
	long lines, events, unknown;
	long injects, decisions, timeouts, open, shares, rfis, rfis_unanswered, replies;
	long notes, scores, expects, validates, met, missed, answers, actions, says, broadcasts;
	long logs, phases, resumes;
	long extensions, overrules, adhoc, script_errors; /* steer.c */
};

struct model {
	const char *path;
	/* header */
	const char *title, *start, *scenario, *sha256, *tabletop, *marking;
	long long start_epoch; /* -1: no in-world start */
	long duration, tick, seed;
	bool has_seed;
	struct model_team *teams;
	int n_teams;
	struct model_objective *objectives;
	int n_objectives;
	/* how it ended */
	bool ended;
	const char *end_reason;
	long end_t, last_t;
	bool partial; /* the last line was cut off */
	struct model_counts c;
	/* what happened, in journal order */
	struct model_inject *injects;
	struct model_decision *decisions;
	struct model_open *opens;
	struct model_score *scores;
	struct model_share *shares;
	struct model_pair *pairs; /* n_teams * n_teams, [from * n_teams + to] */
	struct model_rfi *rfis;
	struct model_reply *replies;
	struct model_check *checks;
	struct model_note *notes;
	struct model_answer *answers; /* sorted by question, then journal order */
	const char **questions;
	size_t n_questions;
	struct model_phase *phases;
	struct model_entry *log;    /* every team's log, in journal order */
	struct model_resp *resps;   /* by inject (in the order they first fired), then team */
	struct model_steer *steers; /* steer.c */
	size_t n_steers;
	size_t n_resps;
	size_t n_log;
	size_t n_injects, n_decisions, n_opens, n_scores, n_shares, n_rfis, n_replies, n_checks;
	size_t n_notes, n_answers, n_phases;
	struct model_priv *priv; /* allocations and indices while loading */
};

/* Read the journal at path; NULL after printing "FILE:LINE: message" to err. Warnings go to err. */
struct model *model_load(const char *path, FILE *err);
/* Free everything model_load made. */
void model_free(struct model *m);
/* The fastest or the slowest decision taken in time, or NULL when there is none. */
const struct model_decision *model_extreme(const struct model *m, bool slowest);
/* The scenario's file name without its directories ("balkansecure.lua"), or NULL. */
const char *model_scenario_name(const struct model *m);
/* The label of the objective index (its id), or "(none)" for -1. */
const char *model_objective_id(const struct model *m, int objective);

#endif
