/* The commands anyone may type, logged in or not: help, mode, login, quit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_int.h"
#include "mem.h"
#include "utf8.h"

/* The longest display name, in characters. */
#define CMD_SESSION_NAME_MAX 40

/* The widest usage column of help; a longer usage gets a line of its own. */
#define CMD_SESSION_HELP_COL 24
/* The width help fits in. */
#define CMD_SESSION_HELP_WIDTH 80

/* The usage of e as session s may use it: observers get commcheck's read-only form. */
static const char *cmd_session_usage(const struct cmd_entry *e, const struct cmd_session *s)
{
	if (s->role == CMD_ROLE_OBSERVER && e == &cmd_staff_commcheck_entry)
		return "commcheck status";
	return e->usage;
}

/* One help entry: usage, then the summary wrapped to fit 80 columns under its own column. */
static void cmd_session_help_line(struct cmd_ctx *c, const struct cmd_entry *e, int col)
{
	const char *p = e->summary, *usage = cmd_session_usage(e, c->s);
	int used, indent = col + 4;

	if ((int)strlen(usage) > col)
		cmd_printf(c, "  %s\n%*s", usage, indent, "");
	else
		cmd_printf(c, "  %-*s  ", col, usage);
	used = indent;
	while (*p != '\0') {
		int n = (int)strcspn(p, " ");

		if (used > indent && used + 1 + n > CMD_SESSION_HELP_WIDTH) {
			cmd_printf(c, "\n%*s", indent, "");
			used = indent;
		} else if (used > indent) {
			cmd_printf(c, " ");
			used++;
		}
		cmd_printf(c, "%.*s", n, p);
		used += n;
		p += n;
		p += strspn(p, " ");
	}
	cmd_printf(c, "\n");
}

/* help [COMMAND]: the commands this session may use, each with its usage, in 80 columns. */
static void cmd_session_help(struct cmd_ctx *c)
{
	size_t n, i, width = 0, found = 0;
	const struct cmd_entry *const *t = cmd_entries(&n);
	const char *want = cmd_word(c);
	json_t *list;

	if (cmd_no_more(c) == -1)
		return;
	for (i = 0; i < n; i++) {
		if (!cmd_allowed(t[i], c->s) || (want != NULL && strcasecmp(want, t[i]->name) != 0))
			continue;
		size_t w = strlen(cmd_session_usage(t[i], c->s));

		if (w > width && w <= CMD_SESSION_HELP_COL)
			width = w;
		found++;
	}
	if (found == 0) {
		cmd_fail(c, "unknown_command",
		         "you have no command \"%s\" (type help for the list)", want);
		return;
	}
	if (want == NULL && c->s->role == CMD_ROLE_NONE)
		cmd_printf(c, "Log in first with the id and secret you were given.\n");
	if (want == NULL)
		cmd_printf(c, "Commands (verbs are case-insensitive):\n");
	list = json_array();
	for (i = 0; i < n; i++) {
		if (!cmd_allowed(t[i], c->s) || (want != NULL && strcasecmp(want, t[i]->name) != 0))
			continue;
		json_array_append_new(list, json_pack("{s:s,s:s,s:s}", "name", t[i]->name, "usage",
		                                      cmd_session_usage(t[i], c->s), "summary",
		                                      t[i]->summary));
		cmd_session_help_line(c, t[i], (int)width);
	}
	cmd_set(c, "commands", list);
}

const struct cmd_entry cmd_session_help_entry = {"help", "help [COMMAND]",
                                                 "list the commands you may use",
                                                 CMD_ANYONE | CMD_NO_JOURNAL, cmd_session_help};

/* mode [text|json]: switch between text for people and JSON Lines for programs. */
static void cmd_session_mode(struct cmd_ctx *c)
{
	const char *m = cmd_word(c);

	if (cmd_no_more(c) == -1)
		return;
	if (m != NULL && strcasecmp(m, "json") == 0) {
		c->s->json = true;
	} else if (m != NULL && strcasecmp(m, "text") == 0) {
		c->s->json = false;
	} else if (m != NULL) {
		cmd_usage(c);
		return;
	}
	cmd_set(c, "mode", json_string(c->s->json ? "json" : "text"));
	cmd_printf(c, "%s\n", c->s->json ? "JSON mode: one JSON object per line." : "Text mode.");
}

const struct cmd_entry cmd_session_mode_entry = {"mode", "mode text|json",
                                                 "text for people, JSON Lines for programs",
                                                 CMD_ANYONE | CMD_NO_JOURNAL, cmd_session_mode};

/* The exercise's languages, "en, sq", for messages (to free). */
static char *cmd_session_langs(const struct exercise *ex)
{
	char *s = mem_strdup(""), *t;

	for (int k = 0; k < ex->n_langs; k++) {
		t = mem_printf("%s%s%s", s, k > 0 ? ", " : "", ex->langs[k]);
		free(s);
		s = t;
	}
	return s;
}

/* lang [CODE]: the language of the scenario's texts for this session, or which one it is. */
static void cmd_session_lang(struct cmd_ctx *c)
{
	const struct exercise *ex = c->ex;
	const char *code = cmd_word(c);
	json_t *list;
	char *all;
	int k;

	if (cmd_no_more(c) == -1)
		return;
	if (code != NULL && ex->n_langs == 0) {
		cmd_fail(c, "bad_args", "this exercise is in one language: it declares no others");
		return;
	}
	all = cmd_session_langs(ex);
	if (code != NULL && (k = ex_lang_find(ex, code)) < 0) {
		cmd_fail(c, "bad_args", "no language \"%s\" in this exercise; choose one of: %s",
		         code, all);
		free(all);
		return;
	}
	if (code != NULL)
		c->s->lang = k;
	if (c->s->lang >= ex->n_langs)
		c->s->lang = 0;
	list = json_array();
	for (k = 0; k < ex->n_langs; k++)
		json_array_append_new(list, json_string(ex->langs[k]));
	cmd_set(c, "lang", ex->n_langs > 0 ? json_string(ex->langs[c->s->lang]) : json_null());
	cmd_set(c, "languages", list);
	if (ex->n_langs == 0)
		cmd_printf(c, "This exercise is in one language: it declares no others.\n");
	else
		cmd_printf(c, "%s %s (the exercise's languages: %s).\n",
		           code != NULL ? "Language set to" : "Your language is",
		           ex->langs[c->s->lang], all);
	if (ex->n_langs > 0 && cmd_is_staff(c->s))
		cmd_printf(c, "Facilitators and observers see every language.\n");
	free(all);
}

const struct cmd_entry cmd_session_lang_entry = {
    "lang", "lang [CODE]", "the language of the scenario's texts for you; without CODE: which",
    CMD_ANYONE | CMD_NO_JOURNAL, cmd_session_lang};

/* Whether given equals secret, in a time that depends only on the longer length. */
static bool cmd_session_secret_equal(const char *given, const char *secret)
{
	size_t lg = strlen(given), ls = strlen(secret), n = lg > ls ? lg : ls, i;
	volatile unsigned char diff = lg != ls;

	for (i = 0; i < n; i++) {
		unsigned char a = i < lg ? (unsigned char)given[i] : 0;
		unsigned char b = i < ls ? (unsigned char)secret[i] : 0;

		diff |= a ^ b;
	}
	return diff == 0;
}

/* Whether a display name is short and printable; 0, or -1 with an error. */
static int cmd_session_check_name(struct cmd_ctx *c, const char *name)
{
	size_t chars = 0, n = strlen(name), k;
	uint32_t cp;

	for (size_t i = 0; i < n; i += k ? k : 1, chars++) {
		k = utf8_decode(name + i, n - i, &cp);
		/* C0, DEL and C1 drive terminals */
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
			cmd_fail(c, "bad_args", "a name cannot hold control characters");
			return -1;
		}
	}
	if (chars > CMD_SESSION_NAME_MAX) {
		cmd_fail(c, "bad_args", "a name is at most %d characters", CMD_SESSION_NAME_MAX);
		return -1;
	}
	return 0;
}

/* The role and team an ID logs in as, and the secret it needs (NULL: none can log in). */
static const char *cmd_session_lookup(const struct exercise *ex, const char *id,
                                      enum cmd_role *role, int *team)
{
	*team = -1;
	*role = CMD_ROLE_NONE;
	if (strcasecmp(id, "facilitator") == 0) {
		*role = CMD_ROLE_FACILITATOR;
		return ex->facilitator_secret;
	}
	if (strcasecmp(id, "observer") == 0) {
		*role = CMD_ROLE_OBSERVER;
		return ex->observer_secret;
	}
	*team = ex_find_team(ex, id);
	if (*team < 0)
		return NULL;
	*role = CMD_ROLE_TEAM;
	return ex->teams[*team].secret;
}

/* Make s a member of its new role, leaving the old one. */
static void cmd_session_become(struct cmd_ctx *c, enum cmd_role role, int team, const char *name)
{
	struct cmd_session *s = c->s;
	struct exercise *ex = c->ex;
	char buf[96];

	if (s->role == CMD_ROLE_TEAM && s->team >= 0 && ex->teams[s->team].members > 0)
		ex->teams[s->team].members--;
	free(s->name);
	if (name[0] == '\0') {
		snprintf(buf, sizeof buf, "%s-%lu",
		         team >= 0 ? ex->teams[team].id : cmd_role_name(role), s->id);
		name = buf;
	}
	s->name = mem_strdup(name);
	s->role = role;
	s->team = team;
	s->failed_logins = 0;
	s->acked = false;
	if (team >= 0) {
		ex->teams[team].members++;
		ex_join(ex, team, s->name);
	}
}

/* Tell a member who just logged in what the team still owes, and by when (reply "pending"). */
static void cmd_session_owed(struct cmd_ctx *c, int team)
{
	const struct exercise *ex = c->ex;
	json_t *list = json_array();
	char when[64];

	for (int i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *in = &ex->injects[i];
		const struct ex_teaminject *ts = in->ts != NULL ? &in->ts[team] : NULL;
		const char *subject = cmd_text(c, in->subject, in->subject_tr);

		if (ts == NULL || ts->fired_at < 0 || ts->dstate != EX_D_PENDING)
			continue;
		json_array_append_new(
		    list, json_pack("{s:s,s:o,s:o}", "inject", in->id, "subject",
		                    cmd_json_str(subject), "deadline",
		                    ts->deadline >= 0 ? json_integer(ts->deadline) : json_null()));
		if (json_array_size(list) == 1)
			cmd_printf(c, "Your team still owes a decision on:\n");
		cmd_printf(c, "  %-8s %s", in->id, subject != NULL ? subject : "(no subject)");
		if (ts->deadline >= 0) {
			cmd_when(ex, ts->deadline, when, sizeof when);
			cmd_printf(c, " (by %s)", when);
		}
		cmd_printf(c, "\n");
	}
	if (json_array_size(list) > 0)
		cmd_printf(c, "Type show INJECT to read one, decide INJECT OPTION to answer.\n");
	cmd_set(c, "pending", list);
}

/* login ID SECRET [NAME]: join a team, or the staff as facilitator or observer. */
static void cmd_session_login(struct cmd_ctx *c)
{
	const char *id = cmd_word(c), *secret = cmd_word(c), *name = cmd_rest(c), *want;
	enum cmd_role role;
	int team;
	bool ok;

	if (id == NULL || secret == NULL) {
		cmd_usage(c);
		return;
	}
	if (cmd_session_check_name(c, name) == -1)
		return;
	want = cmd_session_lookup(c->ex, id, &role, &team);
	ok = cmd_session_secret_equal(secret, want != NULL ? want : "") && want != NULL &&
	     want[0] != '\0';
	if (!ok) {
		c->s->failed_logins++;
		cmd_fail(c, "auth_failed", "wrong id or secret");
		return;
	}
	cmd_session_become(c, role, team, name);
	cmd_set(c, "role", json_string(cmd_role_name(role)));
	cmd_set(c, "team", team >= 0 ? json_string(c->ex->teams[team].id) : json_null());
	cmd_set(c, "name", json_string(c->s->name));
	if (team >= 0)
		cmd_printf(c, "Welcome, %s: you are in team %s (%s).\n", c->s->name,
		           c->ex->teams[team].id, cmd_team_name(c, &c->ex->teams[team]));
	else
		cmd_printf(c, "Welcome, %s: you are logged in as %s.\n", c->s->name,
		           cmd_role_name(role));
	cmd_printf(c, "Type help for your commands, status for the clock.\n");
	if (team >= 0)
		cmd_session_owed(c, team);
}

const struct cmd_entry cmd_session_login_entry = {"login", "login ID SECRET [NAME]",
                                                  "log in to a team, or as facilitator or observer",
                                                  CMD_ANYONE | CMD_NO_JOURNAL, cmd_session_login};

/* quit: say goodbye; net closes the connection after the reply. */
static void cmd_session_quit(struct cmd_ctx *c)
{
	if (cmd_no_more(c) == -1)
		return;
	c->s->quit = true;
	cmd_printf(c, "Bye.\n");
}

const struct cmd_entry cmd_session_quit_entry = {"quit", "quit", "close the connection",
                                                 CMD_ANYONE | CMD_NO_JOURNAL, cmd_session_quit};
