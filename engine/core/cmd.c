/*
 * The protocol commands: the table, line parsing, role checks, replies and sessions. The
 * commands themselves live in cmd_session.c, cmd_team.c and cmd_staff.c.
 */
#include "cmd.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_int.h"
#include "mem.h"
#include "timeparse.h"
#include "utf8.h"

/* Every command, in the order help lists them. */
static const struct cmd_entry *const cmd_table[] = {
    &cmd_session_help_entry,    &cmd_session_mode_entry,    &cmd_session_lang_entry,
    &cmd_session_login_entry,   &cmd_session_quit_entry,    &cmd_team_status_entry,
    &cmd_team_injects_entry,    &cmd_team_show_entry,       &cmd_team_who_entry,
    &cmd_team_decide_entry,     &cmd_team_action_entry,     &cmd_team_share_entry,
    &cmd_team_say_entry,        &cmd_team_rfi_entry,        &cmd_team_ack_entry,
    &cmd_team_answer_entry,     &cmd_staff_teams_entry,     &cmd_staff_state_entry,
    &cmd_staff_start_entry,     &cmd_staff_pause_entry,     &cmd_staff_resume_entry,
    &cmd_staff_speed_entry,     &cmd_staff_advance_entry,   &cmd_staff_fire_entry,
    &cmd_staff_broadcast_entry, &cmd_staff_reply_entry,     &cmd_staff_score_entry,
    &cmd_staff_endex_entry,     &cmd_staff_commcheck_entry, &cmd_staff_note_entry,
    &cmd_staff_validate_entry,  &cmd_staff_rfis_entry,      &cmd_steer_pending_entry,
    &cmd_steer_timeline_entry,  &cmd_steer_send_entry,      &cmd_steer_extend_entry,
    &cmd_steer_overrule_entry,  &cmd_term_color_entry,
};

/* The command table in help order; *n gets its length. */
const struct cmd_entry *const *cmd_entries(size_t *n)
{
	*n = sizeof cmd_table / sizeof cmd_table[0];
	return cmd_table;
}

/* A session that is not logged in, in text mode. */
void cmd_session_init(struct cmd_session *s, unsigned long id)
{
	memset(s, 0, sizeof *s);
	s->role = CMD_ROLE_NONE;
	s->team = -1;
	s->id = id;
}

/* A session ends: leave its team (members count) and free its name. */
void cmd_session_close(struct exercise *ex, struct cmd_session *s)
{
	if (s->role == CMD_ROLE_TEAM && s->team >= 0 && s->team < ex->n_teams &&
	    ex->teams[s->team].members > 0)
		ex->teams[s->team].members--;
	free(s->name);
	s->name = NULL;
	s->role = CMD_ROLE_NONE;
	s->team = -1;
}

/* Whether s is a facilitator or an observer. */
bool cmd_is_staff(const struct cmd_session *s)
{
	return s->role == CMD_ROLE_FACILITATOR || s->role == CMD_ROLE_OBSERVER;
}

/* Whether session s may run entry e. */
bool cmd_allowed(const struct cmd_entry *e, const struct cmd_session *s)
{
	if (e->roles & CMD_ANYONE)
		return true;
	switch (s->role) {
	case CMD_ROLE_TEAM:
		return e->roles & CMD_TEAM;
	case CMD_ROLE_FACILITATOR:
		return e->roles & CMD_FACILITATOR;
	case CMD_ROLE_OBSERVER:
		return e->roles & CMD_OBSERVER;
	case CMD_ROLE_NONE:
		break;
	}
	return false;
}

/* The name of a role as the protocol and the journal spell it. */
const char *cmd_role_name(enum cmd_role role)
{
	switch (role) {
	case CMD_ROLE_TEAM:
		return "team";
	case CMD_ROLE_FACILITATOR:
		return "facilitator";
	case CMD_ROLE_OBSERVER:
		return "observer";
	case CMD_ROLE_NONE:
		break;
	}
	return "none";
}

/* Whether session s receives event ev. */
bool cmd_session_receives(const struct cmd_session *s, const struct evt *ev)
{
	if (s->role == CMD_ROLE_NONE)
		return false;
	if (ev->aud.all)
		return true;
	if (cmd_is_staff(s))
		return ev->aud.staff;
	return s->role == CMD_ROLE_TEAM && s->team >= 0 && ev->aud.teams != NULL &&
	       ev->aud.teams[s->team];
}

/* The bytes of event ev for session s, shared by every session of the same mode and language. */
const char *cmd_event_bytes(const struct cmd_session *s, struct evt *ev, const struct exercise *ex,
                            size_t *len)
{
	if (!s->json && s->columns > 0)
		return evt_text_cols(ev, ex, s->role != CMD_ROLE_TEAM ? -1 : s->lang, s->columns,
		                     len);
	if (s->role != CMD_ROLE_TEAM)
		return s->json ? evt_json(ev, len) : evt_text(ev, ex, len);
	return s->json ? evt_json_lang(ev, ex, s->lang, len) : evt_text_lang(ev, ex, s->lang, len);
}

/* The language of the texts in s's replies: its own for a team member, the default for staff. */
int cmd_lang(const struct cmd_ctx *c)
{
	return c->s->role == CMD_ROLE_TEAM ? c->s->lang : 0;
}

/* Text s (its languages: tr) in the language of the session's replies. */
const char *cmd_text(const struct cmd_ctx *c, const char *s, const struct ex_tr *tr)
{
	return ex_lang_get(s, tr, cmd_lang(c));
}

/* Whether c is a blank between words. */
static bool cmd_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The next word of the arguments, or NULL when none is left. */
char *cmd_word(struct cmd_ctx *c)
{
	char *p = c->args, *w;

	while (cmd_blank(*p))
		p++;
	if (*p == '\0') {
		c->args = p;
		return NULL;
	}
	w = p;
	while (*p != '\0' && !cmd_blank(*p))
		p++;
	if (*p != '\0')
		*p++ = '\0';
	while (cmd_blank(*p))
		p++;
	c->args = p;
	return w;
}

/* The rest of the arguments as free text, trailing blanks removed ("" when none). */
const char *cmd_rest(struct cmd_ctx *c)
{
	char *p = c->args;
	size_t n;

	while (cmd_blank(*p))
		p++;
	n = strlen(p);
	while (n > 0 && cmd_blank(p[n - 1]))
		n--;
	p[n] = '\0';
	c->args = p + n;
	return p;
}

/* Fail the command with an error code and a message for the user; the first failure wins. */
void cmd_fail(struct cmd_ctx *c, const char *code, const char *fmt, ...)
{
	va_list ap;

	if (c->code != NULL)
		return;
	va_start(ap, fmt);
	c->message = mem_vprintf(fmt, ap);
	va_end(ap);
	c->code = code;
}

/* Fail with bad_args quoting the command's usage. */
void cmd_usage(struct cmd_ctx *c)
{
	cmd_fail(c, "bad_args", "usage: %s", c->entry->usage);
}

/* 0 when no argument is left, else -1 with a bad_args error quoting the usage. */
int cmd_no_more(struct cmd_ctx *c)
{
	if (*cmd_rest(c) == '\0')
		return 0;
	cmd_usage(c);
	return -1;
}

/* Fail with bad_state explaining the exercise's current state. */
void cmd_fail_state(struct cmd_ctx *c)
{
	switch (c->ex->state) {
	case EX_WAITING:
		cmd_fail(c, "bad_state", "the exercise has not started yet (waiting for STARTEX)");
		break;
	case EX_RUNNING:
		cmd_fail(c, "bad_state", "the exercise is running");
		break;
	case EX_PAUSED:
		cmd_fail(c, "bad_state", "the exercise is paused");
		break;
	case EX_ENDED:
		cmd_fail(c, "bad_state", "the exercise has ended (ENDEX)");
		break;
	}
}

/* Append to the reply's text rendering. */
void cmd_printf(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	c->text = mem_reserve(c->text, &c->cap, c->len, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(c->text + c->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	c->len += (size_t)n;
}

/* Set a field of the ok reply (the reference to v is stolen). */
void cmd_set(struct cmd_ctx *c, const char *key, json_t *v)
{
	json_object_set_new(c->obj, key, v);
}

/* Team index of a TEAM argument, or -1 with an unknown_team error (NULL: usage error). */
int cmd_team_arg(struct cmd_ctx *c, const char *id)
{
	int i;

	if (id == NULL) {
		cmd_usage(c);
		return -1;
	}
	i = ex_find_team(c->ex, id);
	if (i < 0)
		cmd_fail(c, "unknown_team", "there is no team \"%s\" (type who to see the teams)",
		         id);
	return i;
}

/*
 * Fail with unknown_inject for id. When an inject differs from it only in case (and, for a
 * team, has reached that team), the message names it.
 */
void cmd_fail_inject(struct cmd_ctx *c, const char *id, int team)
{
	const struct exercise *ex = c->ex;
	const char *like = NULL;

	for (int i = 0; i < ex->n_injects && like == NULL; i++) {
		const struct ex_inject *in = &ex->injects[i];

		if (strcasecmp(in->id, id) == 0 &&
		    (team < 0 || (in->ts != NULL && in->ts[team].fired_at >= 0)))
			like = in->id;
	}
	if (team >= 0 && like != NULL)
		cmd_fail(c, "unknown_inject",
		         "no inject \"%s\" has reached your team; did you mean %s?", id, like);
	else if (team >= 0)
		cmd_fail(c, "unknown_inject",
		         "no inject \"%s\" has reached your team (type injects "
		         "to see them)",
		         id);
	else if (like != NULL)
		cmd_fail(c, "unknown_inject", "there is no inject \"%s\"; did you mean %s?", id,
		         like);
	else
		cmd_fail(c, "unknown_inject",
		         "there is no inject \"%s\" (type injects all to see them)", id);
}

/* A JSON string, or null for NULL. */
json_t *cmd_json_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* The verb of the n bytes of a line, for an error reply that net or the web console makes before
 * the command runs: its first word, lower case, if it looks like one, else "". */
void cmd_verb(const char *p, size_t n, char *verb, size_t size)
{
	size_t i = 0, k = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	for (; i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\n'; i++) {
		char ch = p[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
		      ch == '-') ||
		    k + 1 >= size) {
			k = 0;
			break;
		}
		verb[k++] = ch;
	}
	verb[k] = '\0';
}

/* A speed as JSON: an integer when it is whole, as the clock event has it. */
json_t *cmd_json_speed(double speed)
{
	if (speed == floor(speed) && fabs(speed) < 1e15)
		return json_integer((json_int_t)speed);
	return json_real(speed);
}

/* A team's display name in the session's language: its name, or its id when it has none. */
const char *cmd_team_name(const struct cmd_ctx *c, const struct ex_team *t)
{
	return t->name != NULL ? cmd_text(c, t->name, t->name_tr) : t->id;
}

/* "T+01:15:00 (2024-11-12 10:15)", or without the in-world part when the scenario has none. */
void cmd_when(const struct exercise *ex, long t, char *buf, size_t n)
{
	char off[32], world[32];

	timeparse_format_offset(t, off, sizeof off);
	ex_world_time(ex, t, world, sizeof world);
	if (world[0] != '\0')
		snprintf(buf, n, "%s (%s)", off, world);
	else
		snprintf(buf, n, "%s", off);
}

/* "T+01:15:00 10:15" for lists, or without the in-world clock when the scenario has none. */
void cmd_when_short(const struct exercise *ex, long t, char *buf, size_t n)
{
	char off[32], world[32];
	const char *hm;

	timeparse_format_offset(t, off, sizeof off);
	ex_world_time(ex, t, world, sizeof world);
	hm = strchr(world, ' ');
	if (hm != NULL)
		snprintf(buf, n, "%s %s", off, hm + 1);
	else
		snprintf(buf, n, "%s", off);
}

/* The table entry for a lower-case verb, or NULL. */
static const struct cmd_entry *cmd_lookup(const char *verb)
{
	size_t i;

	for (i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++)
		if (strcmp(cmd_table[i]->name, verb) == 0)
			return cmd_table[i];
	return NULL;
}

/* Lower-case an ASCII word in place, whatever the locale. */
static void cmd_lower(char *w)
{
	for (; *w != '\0'; w++)
		if (*w >= 'A' && *w <= 'Z')
			*w = (char)(*w - 'A' + 'a');
}

/* Whether line, typed by s, is an input the journal must record before it runs. */
bool cmd_journaled(const struct cmd_session *s, const char *line)
{
	const struct cmd_entry *e;
	char verb[16];
	size_t n = 0;

	while (cmd_blank(*line))
		line++;
	while (*line != '\0' && !cmd_blank(*line) && n < sizeof verb - 1)
		verb[n++] = *line++;
	if (*line != '\0' && !cmd_blank(*line))
		return false; /* longer than any verb */
	verb[n] = '\0';
	cmd_lower(verb);
	e = cmd_lookup(verb);
	if (s->role == CMD_ROLE_OBSERVER)
		return false; /* observers change nothing */
	return e != NULL && !(e->roles & CMD_NO_JOURNAL) && cmd_allowed(e, s);
}

/* Fail because s's role may not run the command, saying who may. */
static void cmd_fail_role(struct cmd_ctx *c)
{
	const char *who[3] = {"nobody", "", ""};
	int n = 0, r = c->entry->roles;

	if (c->s->role == CMD_ROLE_OBSERVER && !(r & CMD_OBSERVER)) {
		cmd_fail(c, "not_allowed", "observers only watch: %s would change the exercise",
		         c->entry->name);
		return;
	}
	if (r & CMD_TEAM)
		who[n++] = "team members";
	if (r & CMD_FACILITATOR)
		who[n++] = "facilitators";
	if (r & CMD_OBSERVER)
		who[n++] = "observers";
	if (n == 1)
		cmd_fail(c, "not_allowed", "%s is for %s only", c->entry->name, who[0]);
	else
		cmd_fail(c, "not_allowed", "%s is for %s and %s only", c->entry->name, who[0],
		         who[n - 1]);
}

/*
 * Build an error reply (for errors net detects itself: line_too_long, bad_encoding, rate_limited).
 * Its text is the message alone, for people; the code is in the JSON reply.
 */
void cmd_reply_error(struct cmd_reply *out, const char *verb, const char *code, const char *message)
{
	char *clean = utf8_term(message);

	memset(out, 0, sizeof *out);
	out->obj = json_pack("{s:s,s:s,s:s,s:o}", "type", "error", "cmd", verb, "code", code,
	                     "message", utf8_json(message));
	if (out->obj == NULL)
		abort();
	out->code = json_string_value(json_object_get(out->obj, "code"));
	out->text = mem_printf("error: %s\n", clean); /* the code is for programs: JSON */
	free(clean);
}

/* Turn the finished context into the reply. */
static void cmd_finish(struct cmd_ctx *c, const char *verb, struct cmd_reply *out)
{
	if (c->code != NULL) {
		json_decref(c->obj);
		free(c->text);
		cmd_reply_error(out, verb, c->code, c->message);
		free(c->message);
		return;
	}
	if (c->len == 0 || c->text[c->len - 1] != '\n')
		cmd_printf(c, "%s\n", c->len == 0 ? "ok" : "");
	memset(out, 0, sizeof *out);
	out->obj = c->obj;
	out->text = utf8_term(c->text); /* what the scenario and the teams wrote, made harmless */
	free(c->text);
}

/*
 * Run one line for session s. A line of blanks is not a command: the reply then has no object
 * and no bytes, and net sends nothing.
 */
void cmd_exec(struct exercise *ex, const struct cmd_roster *roster, struct cmd_session *s,
              const char *line, struct cmd_reply *out)
{
	struct cmd_ctx c = {.ex = ex, .roster = roster, .s = s};
	char *buf = mem_strdup(line), *verb;

	memset(out, 0, sizeof *out);
	c.args = buf;
	verb = cmd_word(&c);
	if (verb == NULL) {
		out->text = mem_strdup("");
		free(buf);
		return;
	}
	cmd_lower(verb);
	c.entry = cmd_lookup(verb);
	if (c.entry == NULL) {
		cmd_fail(&c, "unknown_command", "unknown command \"%s\" (type help for the list)",
		         verb);
	} else if (s->role == CMD_ROLE_NONE && !(c.entry->roles & CMD_ANYONE)) {
		cmd_fail(&c, "not_logged_in", "log in first: login ID SECRET [NAME]");
	} else if (!cmd_allowed(c.entry, s)) {
		cmd_fail_role(&c);
	} else {
		c.obj = json_pack("{s:s,s:s}", "type", "ok", "cmd", c.entry->name);
		if (c.obj == NULL)
			abort();
		c.entry->exec(&c);
	}
	cmd_finish(&c, verb, out);
	free(buf);
}

/* Free a reply's contents. */
void cmd_reply_free(struct cmd_reply *r)
{
	json_decref(r->obj);
	free(r->text);
	free(r->json);
	memset(r, 0, sizeof *r);
}

/* The reply as bytes for this session's mode (JSON line or text); valid until cmd_reply_free. */
const char *cmd_reply_bytes(struct cmd_reply *r, const struct cmd_session *s, size_t *len)
{
	if (r->obj == NULL) {
		*len = 0;
		return "";
	}
	if (!s->json) {
		*len = strlen(r->text);
		return r->text;
	}
	if (r->json == NULL) {
		char *j = json_dumps(r->obj, JSON_COMPACT);
		size_t n;

		if (j == NULL)
			abort();
		n = strlen(j);
		r->json = mem_realloc(NULL, n + 2);
		memcpy(r->json, j, n);
		memcpy(r->json + n, "\n", 2);
		free(j);
	}
	*len = strlen(r->json);
	return r->json;
}
