/*
 * What a person's terminal asks of the commands: the words Tab may complete, read from the usage
 * lines of the command table, and `color on|off`.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_int.h"
#include "mem.h"

/* The words of the first n bytes of line; the last one is the word being typed ("" after a blank).
 */
struct cmd_term_words {
	char *v[8];
	int n; /* words before the one being typed (at most 8 kept) */
};

/* Split the first n bytes of line into the words before the cursor's word. */
static void cmd_term_split(const char *line, size_t n, struct cmd_term_words *w)
{
	size_t i = 0;

	w->n = 0;
	for (;;) {
		size_t start;

		while (i < n && line[i] == ' ')
			i++;
		start = i;
		while (i < n && line[i] != ' ')
			i++;
		if (i == n) /* the word under the cursor */
			return;
		if (w->n < 8)
			w->v[w->n] = mem_strndup(line + start, i - start);
		w->n++;
	}
}

/* The command named verb that s may run, or NULL. */
static const struct cmd_entry *cmd_term_entry(const struct cmd_session *s, const char *verb)
{
	size_t n;
	const struct cmd_entry *const *t = cmd_entries(&n);

	for (size_t i = 0; i < n; i++)
		if (strcasecmp(t[i]->name, verb) == 0 && cmd_allowed(t[i], s))
			return t[i];
	return NULL;
}

/* The k-th word of a usage line ("decide INJECT OPTION": 1 is INJECT), brackets removed. */
static char *cmd_term_usage_word(const char *usage, int k)
{
	const char *p = usage;
	size_t len;

	for (;;) {
		while (*p == ' ')
			p++;
		len = strcspn(p, " ");
		if (len == 0)
			return NULL;
		if (k-- == 0)
			break;
		p += len;
	}
	while (len > 0 && (*p == '[' || *p == '('))
		p++, len--;
	while (len > 0 && (p[len - 1] == ']' || p[len - 1] == ')'))
		len--;
	return mem_strndup(p, len);
}

/* Every command s may run. */
static void cmd_term_verbs(const struct cmd_session *s, cmd_add_fn add, void *arg)
{
	size_t n;
	const struct cmd_entry *const *t = cmd_entries(&n);

	for (size_t i = 0; i < n; i++)
		if (cmd_allowed(t[i], s))
			add(arg, t[i]->name);
}

/* The injects s may name: those awaiting its team's decision (pending) or that reached it. */
static void cmd_term_injects(const struct exercise *ex, const struct cmd_session *s, bool pending,
                             cmd_add_fn add, void *arg)
{
	for (int i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *in = &ex->injects[i];
		const struct ex_teaminject *ts =
		    in->ts != NULL && s->team >= 0 && s->team < ex->n_teams ? &in->ts[s->team]
		                                                            : NULL;

		if (s->role != CMD_ROLE_TEAM)
			add(arg, in->id);
		else if (ts != NULL && ts->fired_at >= 0 &&
		         (!pending || ts->dstate == EX_D_PENDING))
			add(arg, in->id);
	}
}

/* The option keys of the inject named id. */
static void cmd_term_options(const struct exercise *ex, const char *id, cmd_add_fn add, void *arg)
{
	for (int i = 0; i < ex->n_injects; i++) {
		const struct ex_decision *d = ex->injects[i].decision;

		if (d == NULL || strcasecmp(ex->injects[i].id, id) != 0)
			continue;
		for (int k = 0; k < d->n_options; k++)
			add(arg, d->options[k].key);
	}
}

/* The candidates for an argument whose usage word is u; w holds the words typed before. */
static void cmd_term_arg(const struct exercise *ex, const struct cmd_session *s, char *u,
                         const struct cmd_term_words *w, const char *usage, cmd_add_fn add,
                         void *arg)
{
	char *next = cmd_term_usage_word(usage, w->n + 1);

	if (strcmp(u, "COMMAND") == 0) {
		cmd_term_verbs(s, add, arg);
	} else if (strcmp(u, "INJECT") == 0) {
		cmd_term_injects(ex, s, next != NULL && strcmp(next, "OPTION") == 0, add, arg);
	} else if (strcmp(u, "OPTION") == 0 && w->n >= 2 && w->n <= 8) {
		cmd_term_options(ex, w->v[w->n - 1], add, arg);
	} else if (strcmp(u, "TEAM") == 0 || strcmp(u, "ID") == 0 || strncmp(u, "TEAM|", 5) == 0) {
		for (int i = 0; i < ex->n_teams; i++)
			add(arg, ex->teams[i].id);
		if (strcmp(u, "ID") == 0) {
			add(arg, "facilitator");
			add(arg, "observer");
		}
	} else if (strcmp(u, "CODE") == 0) {
		for (int i = 0; i < ex->n_langs; i++)
			add(arg, ex->langs[i]);
	}
	for (char *p = u;;) { /* words in lower case are typed as they are: "text|json" */
		size_t len = strcspn(p, "|");
		bool last = p[len] == '\0';

		p[len] = '\0';
		if (*p >= 'a' && *p <= 'z')
			add(arg, p);
		if (last)
			break;
		p += len + 1;
	}
	free(next);
}

/* Call add for every word that may stand where the last word of the first n bytes of line is. */
void cmd_complete(const struct exercise *ex, const struct cmd_session *s, const char *line,
                  size_t n, cmd_add_fn add, void *arg)
{
	struct cmd_term_words w;
	const struct cmd_entry *e;
	char *u;

	cmd_term_split(line, n, &w);
	if (w.n == 0)
		cmd_term_verbs(s, add, arg);
	else if ((e = cmd_term_entry(s, w.v[0])) != NULL &&
	         (u = cmd_term_usage_word(e->usage, w.n)) != NULL) {
		cmd_term_arg(ex, s, u, &w, e->usage, add, arg);
		free(u);
	}
	for (int i = 0; i < w.n && i < 8; i++)
		free(w.v[i]);
}

/* color [on|off]: colours on this connection's terminal, where it shows them; without: which. */
static void cmd_term_color(struct cmd_ctx *c)
{
	const char *m = cmd_word(c);

	if (cmd_no_more(c) == -1)
		return;
	if (m != NULL && strcasecmp(m, "on") == 0) {
		c->s->no_color = false;
	} else if (m != NULL && strcasecmp(m, "off") == 0) {
		c->s->no_color = true;
	} else if (m != NULL) {
		cmd_usage(c);
		return;
	}
	cmd_set(c, "color", json_string(c->s->no_color ? "off" : "on"));
	cmd_printf(c, "%s\n",
	           c->s->no_color ? "Colours off."
	                          : "Colours on, where the terminal shows them (telnet that tells "
	                            "its type; never in JSON mode).");
}

const struct cmd_entry cmd_term_color_entry = {
    "color", "color [on|off]", "colours on your terminal, where it shows them",
    CMD_TEAM | CMD_FACILITATOR | CMD_OBSERVER | CMD_NO_JOURNAL, cmd_term_color};
