/*
 * Private to the protocol commands (cmd*.c): the command table entry, the context one command
 * runs in, and the helpers that parse arguments and build the reply.
 */
#ifndef CMD_INT_H
#define CMD_INT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "cmd.h"

struct cmd_ctx;

/* One protocol command, as in tmux's cmd_entry. */
struct cmd_entry {
	const char *name;    /* the verb, lower case */
	const char *usage;   /* one line: "decide INJECT OPTION" */
	const char *summary; /* what it does, for help */
	int roles; /* CMD_ANYONE, CMD_TEAM, CMD_FACILITATOR, CMD_OBSERVER, CMD_NO_JOURNAL */
	void (*exec)(struct cmd_ctx *c);
};

/* In roles: a command that changes nothing (or login, which net journals once it succeeded), so
 * not an input for the journal. */
#define CMD_NO_JOURNAL 0x100

/* The command being run: its inputs and the reply being built. */
struct cmd_ctx {
	struct exercise *ex;
	const struct cmd_roster *roster;
	struct cmd_session *s;
	const struct cmd_entry *entry;
	char *args;  /* the arguments not consumed yet */
	json_t *obj; /* the ok reply being built */
	char *text;  /* its text rendering */
	size_t len, cap;
	const char *code; /* set by cmd_fail */
	char *message;
};

extern const struct cmd_entry cmd_session_help_entry, cmd_session_mode_entry,
    cmd_session_lang_entry, cmd_session_login_entry, cmd_session_quit_entry;
extern const struct cmd_entry cmd_team_status_entry, cmd_team_injects_entry, cmd_team_show_entry,
    cmd_team_decide_entry, cmd_team_action_entry, cmd_team_share_entry, cmd_team_say_entry,
    cmd_team_rfi_entry, cmd_team_who_entry, cmd_team_ack_entry;
extern const struct cmd_entry cmd_staff_start_entry, cmd_staff_pause_entry, cmd_staff_resume_entry,
    cmd_staff_speed_entry, cmd_staff_advance_entry, cmd_staff_fire_entry, cmd_staff_broadcast_entry,
    cmd_staff_reply_entry, cmd_staff_score_entry, cmd_staff_endex_entry, cmd_staff_teams_entry,
    cmd_staff_state_entry, cmd_staff_commcheck_entry, cmd_staff_note_entry,
    cmd_staff_validate_entry, cmd_staff_rfis_entry;
extern const struct cmd_entry cmd_team_answer_entry;
extern const struct cmd_entry cmd_steer_send_entry, cmd_steer_extend_entry,
    cmd_steer_overrule_entry, cmd_steer_pending_entry, cmd_steer_timeline_entry;
extern const struct cmd_entry cmd_term_color_entry;

/* The command table in help order; *n gets its length. */
const struct cmd_entry *const *cmd_entries(size_t *n);
/* Whether session s may run entry e. */
bool cmd_allowed(const struct cmd_entry *e, const struct cmd_session *s);
/* Whether s is a facilitator or an observer. */
bool cmd_is_staff(const struct cmd_session *s);

/* The next word of the arguments, or NULL when none is left. */
char *cmd_word(struct cmd_ctx *c);
/* The rest of the arguments as free text, trailing blanks removed ("" when none). */
const char *cmd_rest(struct cmd_ctx *c);
/* 0 when no argument is left, else -1 with a bad_args error quoting the usage. */
int cmd_no_more(struct cmd_ctx *c);
/* Fail with bad_args quoting the command's usage. */
void cmd_usage(struct cmd_ctx *c);
/* Fail the command with an error code and a message for the user. */
void cmd_fail(struct cmd_ctx *c, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Fail with bad_state explaining the exercise's current state. */
void cmd_fail_state(struct cmd_ctx *c);
/* Append to the reply's text rendering. */
void cmd_printf(struct cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Set a field of the ok reply (the reference to v is stolen). */
void cmd_set(struct cmd_ctx *c, const char *key, json_t *v);
/* Team index of a TEAM argument, or -1 with an unknown_team error (NULL: usage error). */
int cmd_team_arg(struct cmd_ctx *c, const char *id);
/* Fail with unknown_inject for id, naming an inject that differs only in case (team >= 0: one
 * that reached that team). */
void cmd_fail_inject(struct cmd_ctx *c, const char *id, int team);
/* A JSON string, or null for NULL. */
json_t *cmd_json_str(const char *s);
/* A speed as JSON: an integer when it is whole, as the clock event has it. */
json_t *cmd_json_speed(double speed);
/* An inject as its inject event shows it to team (staff: -1, with notes and every language), as
 * `show` and the web console's snapshot give it. */
json_t *cmd_team_inject_json(const struct exercise *ex, const struct ex_inject *in, int team);
/* A team's display name in the session's language: its name, or its id when it has none. */
const char *cmd_team_name(const struct cmd_ctx *c, const struct ex_team *t);
/* The language of the texts in s's replies: its own for a team member, the default for staff. */
int cmd_lang(const struct cmd_ctx *c);
/* Text s (its languages: tr) in the language of the session's replies. */
const char *cmd_text(const struct cmd_ctx *c, const char *s, const struct ex_tr *tr);
/* "T+01:15:00 (2024-11-12 10:15)", or without the in-world part when the scenario has none. */
void cmd_when(const struct exercise *ex, long t, char *buf, size_t n);
/* "T+01:15:00 10:15" for lists, or without the in-world clock when the scenario has none. */
void cmd_when_short(const struct exercise *ex, long t, char *buf, size_t n);

#endif
