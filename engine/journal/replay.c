/* Reading a journal, and replaying its inputs into a freshly loaded scenario. */
#include "replay.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "../core/cmd.h"
#include "../core/evt.h"
#include "../core/mem.h"
#include "journal.h"
#include "lines.h"
#include "reader.h"

/* One event line waiting to be compared. */
struct replay_event {
	char *text;
	size_t len;
	long no; /* its journal line; 0 for a regenerated event */
};

/* Events in order, taken from the front. */
struct replay_fifo {
	struct replay_event *v;
	size_t head, n, cap; /* the waiting ones are v[head..n) */
};

/* A replay in progress. */
struct replay_ctx {
	const char *path;
	struct exercise *ex;
	struct replay *r;
	FILE *err;
	struct replay_fifo made;      /* events the replay regenerated, not compared yet */
	struct replay_fifo journaled; /* events of the journal, not compared yet */
};

/* Check what the replay needs of the header o (the reader checked its type and version). */
static int replay_header(const char *path, json_t *o, FILE *err)
{
	static const char *const need[] = {"scenario", "sha256", "seed"};
	const char *sha = json_string_value(json_object_get(o, "sha256"));

	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
		json_t *v = json_object_get(o, need[i]);
		bool ok =
		    i == 2 ? json_is_integer(v) && json_integer_value(v) >= 0 : json_is_string(v);

		if (i == 1 && ok)
			ok = strlen(sha) == 64 && strspn(sha, "0123456789abcdef") == 64;
		if (!ok) {
			fprintf(err, "%s:1: the header has no valid \"%s\"\n", path, need[i]);
			return -1;
		}
	}
	return 0;
}

/* Read the journal at path: its header, then fn for every later line. */
int replay_read(const char *path, struct replay *r, replay_fn fn, void *ctx, FILE *err)
{
	struct reader in;
	json_t *o;
	int rc = 0;

	json_decref(r->header);
	r->header = NULL;
	if (reader_open(&in, path, err) < 0)
		return -1;
	while (rc == 0 && (r->header == NULL || fn != NULL) && (rc = reader_next(&in, &o)) > 0) {
		rc = in.in.no == 1 ? replay_header(path, o, err)
		                   : fn(ctx, o, in.in.text, in.in.len, in.in.no);
		if (rc == 0 && in.in.no == 1)
			r->header = json_incref(o);
		json_decref(o);
	}
	r->lines = in.lines;
	r->keep = in.keep;
	r->partial = in.partial;
	reader_close(&in);
	return rc;
}

/* Print the problems of a scenario that did not load. */
static void replay_problems(const struct scenario_problems *p, const char *scenario, FILE *err)
{
	if (scenario_problems_print(p, scenario, err) == 0)
		fprintf(err, "%s: the scenario cannot run\n", scenario);
}

/*
 * Whether sc loaded the modules the header lists (by name and SHA-256, in order; a header without
 * "modules" lists none). A difference is refused, or only a warning when forced.
 */
static bool replay_modules(const struct replay *r, const char *path, struct scenario *sc,
                           bool force, FILE *err)
{
	json_t *want = json_object_get(r->header, "modules");
	size_t k = json_array_size(want);
	const struct ex_module *m = scenario_exercise(sc)->modules;
	int n = scenario_exercise(sc)->n_modules;
	char why[256];

	for (size_t i = 0; i < k || i < (size_t)n; i++) {
		json_t *o = json_array_get(want, i);
		const char *name = json_string_value(json_object_get(o, "name"));
		const char *sha = json_string_value(json_object_get(o, "sha256"));

		if (i >= (size_t)n)
			snprintf(why, sizeof why,
			         "the journal's run loaded module '%s', which %s no longer loads",
			         name != NULL ? name : "?", scenario_exercise(sc)->path);
		else if (i >= k || name == NULL || strcmp(name, m[i].name) != 0)
			snprintf(why, sizeof why,
			         "%s now loads module '%s' (%s), which the journal's run did not",
			         scenario_exercise(sc)->path, m[i].name, m[i].path);
		else if (sha == NULL || strcmp(sha, m[i].sha256) != 0)
			snprintf(why, sizeof why,
			         "written with another version of module '%s': %s has SHA-256 "
			         "%.12s..., the journal's has %.12s...",
			         name, m[i].path, m[i].sha256, sha != NULL ? sha : "nothing");
		else
			continue;
		if (force)
			fprintf(err, "%s: warning: %s; replaying anyway\n", path, why);
		else
			fprintf(err, "%s: %s; use --force to replay it anyway\n", path, why);
		return force;
	}
	return true;
}

/* Load the scenario that the header names (or scenario) with the journal's seed and speed. */
struct scenario *replay_load(const struct replay *r, const char *path, const char *scenario,
                             bool force, FILE *err)
{
	const char *named = json_string_value(json_object_get(r->header, "scenario"));
	const char *want = json_string_value(json_object_get(r->header, "sha256"));
	json_t *speed = json_object_get(r->header, "speed");
	struct scenario_problems probs = {0};
	struct scenario_limits lim;
	struct scenario *sc;
	char sha[65];

	if (scenario == NULL)
		scenario = named;
	if (journal_sha256(scenario, sha, err) < 0) {
		if (scenario == named)
			fprintf(
			    err,
			    "%s: the journal's scenario is not there; give its path: tabletop run "
			    "SCENARIO.lua --journal %s --resume\n",
			    path, path);
		return NULL;
	}
	if (strcmp(sha, want) != 0 && !force) {
		fprintf(err,
		        "%s: written for another scenario: %s has SHA-256 %.12s..., the journal's "
		        "has %.12s...; use --force to replay it anyway\n",
		        path, scenario, sha, want);
		return NULL;
	}
	if (strcmp(sha, want) != 0)
		fprintf(err, "%s: warning: written for another version of %s; replaying anyway\n",
		        path, scenario);
	scenario_limits_default(&lim);
	sc = scenario_load(scenario, &lim,
	                   (long long)json_integer_value(json_object_get(r->header, "seed")),
	                   &probs);
	if (sc == NULL)
		replay_problems(&probs, scenario, err);
	scenario_problems_free(&probs);
	if (sc != NULL && !replay_modules(r, path, sc, force, err)) {
		scenario_free(sc);
		return NULL;
	}
	if (sc != NULL && json_is_number(speed) && ex_speed_ok(json_number_value(speed)))
		scenario_exercise(sc)->speed = json_number_value(speed);
	return sc;
}

/*
 * Add a copy of an event's text to the back of q; a journaled one (no > 0) without its line
 * number, as the replay makes it.
 */
static void replay_push(struct replay_fifo *q, const char *text, size_t len, long no)
{
	size_t k = no > 0 ? lines_unnumbered(text, len, no) : len;
	char *copy = mem_realloc(NULL, len + 1);

	memcpy(copy, text, k);
	if (k < len)
		copy[k++] = '}';
	copy[k] = '\0';
	len = k;
	if (q->n == q->cap && q->head > 0) {
		memmove(q->v, q->v + q->head, (q->n - q->head) * sizeof *q->v);
		q->n -= q->head;
		q->head = 0;
	}
	*MEM_PUSH(q->v, q->n, q->cap) = (struct replay_event){copy, len, no};
}

/* Empty q and free its storage. */
static void replay_clear(struct replay_fifo *q)
{
	for (size_t i = q->head; i < q->n; i++)
		free(q->v[i].text);
	free(q->v);
	memset(q, 0, sizeof *q);
}

/* The replay first differs from the journal at line no: warn, and compare no more. */
static void replay_diverge(struct replay_ctx *c, long no, const char *what)
{
	fprintf(c->err,
	        "%s:%ld: warning: %s; the replay differs from the journal from here on (was the "
	        "scenario or tabletop changed?)\n",
	        c->path, no, what);
	c->r->diverged = no;
	replay_clear(&c->made);
	replay_clear(&c->journaled);
}

/* Compare the events waiting on both sides, in order. */
static void replay_match(struct replay_ctx *c)
{
	struct replay_fifo *a = &c->made, *b = &c->journaled;

	while (a->head < a->n && b->head < b->n) {
		struct replay_event x = a->v[a->head++], y = b->v[b->head++];
		bool same = x.len == y.len && memcmp(x.text, y.text, x.len) == 0;

		free(x.text);
		free(y.text);
		if (!same) {
			replay_diverge(c, y.no, "the replay made another event than this one");
			return;
		}
	}
	if (a->head == a->n)
		a->head = a->n = 0;
	if (b->head == b->n)
		b->head = b->n = 0;
}

/* The sink during replay: keep what the staff would receive, to compare with the journal, after
 * handing it to the observer. */
static void replay_sink(void *ctx, struct evt *ev)
{
	struct replay_ctx *c = ctx;
	const char *p;
	size_t n;

	if (c->r->observe != NULL)
		c->r->observe(c->r->observe_ctx, ev);
	if (c->r->diverged || !(ev->aud.all || ev->aud.staff))
		return;
	p = evt_json(ev, &n);
	replay_push(&c->made, p, n - 1, 0);
}

/* The session an input or login line names into s (name allocated); -1 after a message. */
static int replay_session(struct replay_ctx *c, json_t *o, long no, struct cmd_session *s)
{
	static const char *const roles[] = {"team", "facilitator", "observer"};
	static const enum cmd_role role_of[] = {CMD_ROLE_TEAM, CMD_ROLE_FACILITATOR,
	                                        CMD_ROLE_OBSERVER};
	json_t *sess = json_object_get(o, "sess"), *team = json_object_get(o, "team");
	const char *role = json_string_value(json_object_get(o, "role"));
	const char *name = json_string_value(json_object_get(o, "name"));

	cmd_session_init(s, 0);
	if (!json_is_integer(sess) || json_integer_value(sess) < 0 || role == NULL ||
	    name == NULL || !(json_is_string(team) || json_is_null(team))) {
		fprintf(c->err, "%s:%ld: a \"%s\" line needs sess, role, team and name\n", c->path,
		        no, json_string_value(json_object_get(o, "type")));
		return -1;
	}
	s->id = (unsigned long)json_integer_value(sess);
	if (s->id > c->r->max_sess)
		c->r->max_sess = s->id;
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(role, roles[i]) == 0)
			s->role = role_of[i];
	if (json_is_string(team) && (s->team = ex_find_team(c->ex, json_string_value(team))) < 0) {
		fprintf(c->err, "%s:%ld: team \"%s\" is not in the scenario\n", c->path, no,
		        json_string_value(team));
		return -1;
	}
	if (s->role == CMD_ROLE_NONE || (s->role == CMD_ROLE_TEAM) != (s->team >= 0)) {
		fprintf(c->err, "%s:%ld: role \"%s\" does not go with team %s\n", c->path, no, role,
		        s->team >= 0 ? json_string_value(team) : "null");
		return -1;
	}
	s->name = mem_strdup(name);
	return 0;
}

/* Replay one input line: a command, a login, a tick. -1 after a message. */
static int replay_input(struct replay_ctx *c, json_t *o, const char *type, long no)
{
	const char *line = json_string_value(json_object_get(o, "line"));
	struct cmd_session s;
	struct cmd_reply reply;

	if (strcmp(type, "in") == 0 && line == NULL) {
		fprintf(c->err, "%s:%ld: an \"in\" line needs the command's \"line\"\n", c->path,
		        no);
		return -1;
	}
	if (replay_session(c, o, no, &s) < 0)
		return -1;
	if (strcmp(type, "in") == 0) {
		cmd_exec(c->ex, NULL, &s, line, &reply);
		cmd_reply_free(&reply);
	} else if (s.role == CMD_ROLE_TEAM) {
		ex_join(c->ex, s.team, s.name);
	}
	free(s.name);
	return 0;
}

/* Replay a tick: the clock moves to t. -1 after a message. */
static int replay_tick(struct replay_ctx *c, json_t *o, long no)
{
	json_t *t = json_object_get(o, "t");
	struct exercise *ex = c->ex;

	if (!json_is_integer(t)) {
		fprintf(c->err, "%s:%ld: a \"tick\" line needs a whole \"t\"\n", c->path, no);
		return -1;
	}
	if (!c->r->diverged && (ex->state == EX_WAITING || ex->state == EX_ENDED ||
	                        ex->t + ex->tick != json_integer_value(t)))
		replay_diverge(c, no, "the clock cannot tick to this t");
	ex_tick(ex);
	return 0;
}

/* Replay one journal line: an input runs again, an event is compared. */
static int replay_apply(void *ctx, json_t *o, const char *text, size_t len, long no)
{
	struct replay_ctx *c = ctx;
	const char *type = json_string_value(json_object_get(o, "type"));
	json_t *sess = json_object_get(o, "sess");
	int rc = 0;

	if (strcmp(type, "tick") == 0) {
		rc = replay_tick(c, o, no);
	} else if (strcmp(type, "in") == 0 || strcmp(type, "login") == 0) {
		rc = replay_input(c, o, type, no);
	} else if (strcmp(type, "logout") == 0) {
		if (json_is_integer(sess) && json_integer_value(sess) > (json_int_t)c->r->max_sess)
			c->r->max_sess = (unsigned long)json_integer_value(sess);
	} else if (strcmp(type, "resume") != 0 && !c->r->diverged) {
		replay_push(&c->journaled, text, len, no);
	}
	replay_match(c);
	return rc;
}

/* Replay the inputs of the journal at path into ex, comparing the events. */
int replay_run(const char *path, struct exercise *ex, struct replay *r, FILE *err)
{
	struct replay_ctx c = {.path = path, .ex = ex, .r = r, .err = err};
	int rc;

	r->max_sess = 0;
	r->diverged = 0;
	ex_set_sink(ex, replay_sink, &c);
	rc = replay_read(path, r, replay_apply, &c, err);
	if (rc == 0 && !r->diverged && c.journaled.head < c.journaled.n)
		replay_diverge(&c, c.journaled.v[c.journaled.head].no,
		               "the replay did not make this event");
	replay_clear(&c.made);
	replay_clear(&c.journaled);
	ex_set_sink(ex, NULL, NULL);
	for (int i = 0; i < ex->n_teams; i++)
		ex->teams[i].members = 0;
	return rc;
}

/* Free what r holds. */
void replay_free(struct replay *r)
{
	json_decref(r->header);
	r->header = NULL;
}
