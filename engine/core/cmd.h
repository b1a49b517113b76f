/*
 * The protocol commands of CONTRACT section 3 as pure functions: a line and a session go in,
 * one reply comes out, and the events the command causes go to the exercise's sink first.
 * Authorization is decided here, never in net/.
 */
#ifndef CMD_H
#define CMD_H

#include <jansson.h>
#include <stdbool.h>

#include "exercise.h"

enum cmd_role { CMD_ROLE_NONE, CMD_ROLE_TEAM, CMD_ROLE_FACILITATOR, CMD_ROLE_OBSERVER };

/* Role bits for a command's table entry. */
#define CMD_ANYONE 0x1
#define CMD_TEAM 0x2
#define CMD_FACILITATOR 0x4
#define CMD_OBSERVER 0x8

/* One connected person or program. net/ owns it; core reads and updates it. */
struct cmd_session {
	enum cmd_role role;
	int team;          /* team index for CMD_ROLE_TEAM, else -1 */
	char *name;        /* display name; NULL until login */
	bool json;         /* JSON Lines mode */
	bool quit;         /* set by `quit`: net closes after sending the reply */
	int failed_logins; /* net slows down and closes past its limit */
	bool acked;        /* answered the last commcheck */
	unsigned long id;  /* connection number, for default names */
	int lang;          /* the language of its texts: an index into ex->langs (0: the default) */
	bool no_color;     /* `color off`: no colours even on a terminal that shows them */
	int columns;       /* the width of its screen for events in text mode; 0: RENDER_COLUMNS */
};

/* The one reply to a command. */
struct cmd_reply {
	json_t *obj;      /* {"type":"ok"|"error","cmd":VERB,...} */
	char *text;       /* its text-mode rendering, ending in '\n' (may be several lines) */
	const char *code; /* error code, or NULL when ok */
	char *json;       /* the JSON line, built by cmd_reply_bytes on first use */
};

/* The server's sessions, for `who` and `commcheck`: each() calls fn for every logged-in session. */
struct cmd_roster {
	void *ctx;
	void (*each)(void *ctx, void (*fn)(const struct cmd_session *s, void *arg), void *arg);
};

/* A session that is not logged in, in text mode. */
void cmd_session_init(struct cmd_session *s, unsigned long id);
/* A session ends: leave its team (members count) and free its name. */
void cmd_session_close(struct exercise *ex, struct cmd_session *s);

/*
 * Run one line (no line terminator, valid UTF-8) for session s. roster may be NULL (then `who`
 * knows only s). Fills *out; free with cmd_reply_free.
 */
void cmd_exec(struct exercise *ex, const struct cmd_roster *roster, struct cmd_session *s,
              const char *line, struct cmd_reply *out);
/* The verb of the n bytes of a line for an error reply made before the command runs: its first
 * word, lower case, if it looks like one (letters, digits, '_', '-'), else "". */
void cmd_verb(const char *p, size_t n, char *verb, size_t size);
/* Build an error reply (for errors net detects itself: line_too_long, bad_encoding, rate_limited).
 */
void cmd_reply_error(struct cmd_reply *out, const char *verb, const char *code,
                     const char *message);
/* Free a reply's contents. */
void cmd_reply_free(struct cmd_reply *r);
/* The reply as bytes for this session's mode (JSON line or text); valid until cmd_reply_free. */
const char *cmd_reply_bytes(struct cmd_reply *r, const struct cmd_session *s, size_t *len);

/* The name of a role as the protocol and the journal spell it: "team", "facilitator", ... */
const char *cmd_role_name(enum cmd_role role);
/* Whether session s receives event ev. */
bool cmd_session_receives(const struct cmd_session *s, const struct evt *ev);
/*
 * The bytes of event ev for session s: its mode, and its language for a team member (staff see
 * every language). Built once per mode and language and shared by every session alike.
 */
const char *cmd_event_bytes(const struct cmd_session *s, struct evt *ev, const struct exercise *ex,
                            size_t *len);
/*
 * Whether line, typed by s, is an input the journal must record before it runs: a command s may
 * use that may change the exercise. Never login: the caller journals a login once it succeeded.
 */
bool cmd_journaled(const struct cmd_session *s, const char *line);

/* A candidate word for cmd_complete. */
typedef void (*cmd_add_fn)(void *arg, const char *word);
/*
 * Call add for every word that may stand where the last word of the first n bytes of line is,
 * typed by s: the commands s may run, then by each command's usage line the injects its team
 * can act on, the option keys of the inject named, team ids, and literal words ("text|json").
 * add may be called with words that do not start with what was typed; the caller filters.
 */
void cmd_complete(const struct exercise *ex, const struct cmd_session *s, const char *line,
                  size_t n, cmd_add_fn add, void *arg);

#endif
