/* Unit tests of the protocol commands (engine/core/cmd*.c), driven line by line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/cmd.h"
#include "core/exercise.h"
#include "core/timeparse.h"

#define MAX_EVENTS 512
#define N_SESSIONS 6

/* The exercise under test, its recorded events and its sessions. */
struct fx {
	struct exercise *ex;
	struct evt *ev[MAX_EVENTS];
	int n_ev;
	const struct cmd_reply *watch; /* the reply being built while events arrive */
	int late_events;               /* events that arrived after the reply existed */
	struct cmd_session s[N_SESSIONS];
	struct cmd_reply r;
	json_t *state_value; /* what the state hook returns (NULL: no value) */
};

enum { AL1, AL2, RS1, FAC, OBS, ANON };

/* Keep every event the exercise emits, and note any that comes after the reply was built. */
static void fx_sink(void *ctx, struct evt *ev)
{
	struct fx *f = ctx;

	assert_true(f->n_ev < MAX_EVENTS);
	evt_ref(ev);
	f->ev[f->n_ev++] = ev;
	if (f->watch != NULL && f->watch->obj != NULL)
		f->late_events++;
}

/* Forget the recorded events. */
static void fx_clear(struct fx *f)
{
	for (int i = 0; i < f->n_ev; i++)
		evt_unref(f->ev[i]);
	f->n_ev = 0;
}

/* The state hook: a copy of f->state_value, or NULL. */
static json_t *fx_state(void *ctx, struct exercise *ex)
{
	struct fx *f = ctx;

	(void)ex;
	return f->state_value != NULL ? json_deep_copy(f->state_value) : NULL;
}

/* A decision with the given option keys (labels are the keys in capitals). */
static struct ex_decision *fx_decision(const char *prompt, long deadline, int dflt, int n, ...)
{
	struct ex_decision *d = calloc(1, sizeof *d);
	va_list ap;

	d->prompt = strdup(prompt);
	d->options = calloc((size_t)n, sizeof *d->options);
	d->n_options = n;
	d->deadline = deadline;
	d->dflt = dflt;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		const char *k = va_arg(ap, const char *);
		d->options[i].key = strdup(k);
		d->options[i].label = strdup(k);
		for (char *p = d->options[i].label; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
	}
	va_end(ap);
	return d;
}

/* Fill an inject's texts. */
static void fx_texts(struct ex_inject *in, const char *subject)
{
	in->from = strdup("Ministry of Finance IT");
	in->channel = strdup("email");
	in->subject = strdup(subject);
	in->body = strdup("The e-services portal shows a ransom note.");
}

/* Teams al, rs (secrets) and me (no secret); injects I-01 (al+rs, decision, 30m deadline, at
 * 15m), I-02 (all, on demand, no decision), I-03 (rs, decision without deadline, at 10m). */
static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct ex_inject *in;
	const char *err;

	f->ex = ex_new();
	assert_int_equal(timeparse_datetime("2024-11-12 09:00", &f->ex->start_epoch, &err), 0);
	f->ex->duration = 6 * 3600;
	f->ex->tick = 60;
	f->ex->speed = 60;
	f->ex->title = strdup("Drill");
	f->ex->facilitator_secret = strdup("fac-secret");
	f->ex->observer_secret = strdup("obs-secret");
	ex_add_team(f->ex, "al", "AKCESK (Albania)", "alpha-secret", 1);
	ex_add_team(f->ex, "rs", "SRB-CERT", "rs-secret", 2);
	ex_add_team(f->ex, "me", NULL, NULL, 3);

	in = ex_add_inject(f->ex, "I-01", 10);
	fx_texts(in, "Ransom note on the e-services portal");
	in->at = 900;
	in->to = calloc(2, sizeof *in->to);
	in->to[0] = 0;
	in->to[1] = 1;
	in->n_to = 2;
	in->notes = strdup("Expect isolation first");
	in->decision = fx_decision("What do you do first?", 1800, 0, 2, "isolate", "share");

	in = ex_add_inject(f->ex, "I-02", 20);
	fx_texts(in, "Press enquiry");
	in->to_all = true;

	in = ex_add_inject(f->ex, "I-03", 30);
	fx_texts(in, "Phishing wave");
	in->at = 600;
	in->to = calloc(1, sizeof *in->to);
	in->to[0] = 1;
	in->n_to = 1;
	in->decision = fx_decision("Warn the public?", -1, -1, 2, "yes", "no");

	ex_prepare(f->ex);
	ex_set_sink(f->ex, fx_sink, f);
	f->ex->hooks.ctx = f;
	f->ex->hooks.state = fx_state;
	for (int i = 0; i < N_SESSIONS; i++)
		cmd_session_init(&f->s[i], (unsigned long)i + 1);
	*state = f;
	return 0;
}

/* Free everything. */
static int fx_teardown(void **state)
{
	struct fx *f = *state;

	cmd_reply_free(&f->r);
	for (int i = 0; i < N_SESSIONS; i++)
		cmd_session_close(f->ex, &f->s[i]);
	fx_clear(f);
	json_decref(f->state_value);
	ex_free(f->ex);
	free(f);
	return 0;
}

/* Run a line for session i; the reply stays in f->r. Checks the reply's shape. */
static json_t *fx_run(struct fx *f, int i, const char *line)
{
	cmd_reply_free(&f->r);
	f->r.obj = json_null(); /* cmd_exec must clear it before any event */
	f->watch = &f->r;
	cmd_exec(f->ex, NULL, &f->s[i], line, &f->r);
	f->watch = NULL;
	assert_non_null(f->r.obj);
	assert_non_null(f->r.text);
	assert_true(strlen(f->r.text) > 0 && f->r.text[strlen(f->r.text) - 1] == '\n');
	assert_true(json_is_string(json_object_get(f->r.obj, "cmd")));
	return f->r.obj;
}

/* Run a line that must succeed; returns the reply. */
static json_t *fx_ok(struct fx *f, int i, const char *line, const char *verb)
{
	json_t *o = fx_run(f, i, line);

	if (strcmp(json_string_value(json_object_get(o, "type")), "ok") != 0)
		fail_msg("\"%s\" failed: %s", line, f->r.text);
	assert_null(f->r.code);
	assert_string_equal(json_string_value(json_object_get(o, "cmd")), verb);
	return o;
}

/* Run a line that must fail with code. */
static void fx_err(struct fx *f, int i, const char *line, const char *code)
{
	json_t *o = fx_run(f, i, line);

	if (strcmp(json_string_value(json_object_get(o, "type")), "error") != 0)
		fail_msg("\"%s\" did not fail: %s", line, f->r.text);
	assert_string_equal(json_string_value(json_object_get(o, "code")), code);
	assert_string_equal(f->r.code, code);
	assert_true(json_string_length(json_object_get(o, "message")) > 0);
	assert_non_null(strstr(f->r.text, "error: "));
	/* the text is for people: the code is in the JSON reply, not at the end of the message */
	assert_int_equal(strlen(f->r.text),
	                 strlen("error: \n") + json_string_length(json_object_get(o, "message")));
	assert_null(strstr(f->r.text, code));
}

/* How many recorded events have this "type". */
static int fx_count(const struct fx *f, const char *type)
{
	int n = 0;

	for (int i = 0; i < f->n_ev; i++)
		n += strcmp(json_string_value(json_object_get(f->ev[i]->obj, "type")), type) == 0;
	return n;
}

/* The last recorded event of this "type". */
static struct evt *fx_last(const struct fx *f, const char *type)
{
	for (int i = f->n_ev - 1; i >= 0; i--)
		if (strcmp(json_string_value(json_object_get(f->ev[i]->obj, "type")), type) == 0)
			return f->ev[i];
	fail_msg("no %s event", type);
	return NULL;
}

/* A string field of the last reply. */
static const char *fx_str(const struct fx *f, const char *key)
{
	return json_string_value(json_object_get(f->r.obj, key));
}

/* Log everyone in: al1 and al2 to al, rs1 to rs, a facilitator and an observer. */
static void fx_login_all(struct fx *f)
{
	fx_ok(f, AL1, "login al alpha-secret Alice", "login");
	fx_ok(f, AL2, "login al alpha-secret Bob", "login");
	fx_ok(f, RS1, "login rs rs-secret", "login");
	fx_ok(f, FAC, "login facilitator fac-secret Fac", "login");
	fx_ok(f, OBS, "login observer obs-secret", "login");
	fx_clear(f);
}

/* An empty or blank line is not a command: no reply bytes at all. */
static void test_empty_line(void **state)
{
	struct fx *f = *state;
	struct cmd_reply r;
	size_t len = 99;

	cmd_exec(f->ex, NULL, &f->s[ANON], "  \t ", &r);
	assert_null(r.obj);
	cmd_reply_bytes(&r, &f->s[ANON], &len);
	assert_int_equal(len, 0);
	cmd_reply_free(&r);
	cmd_exec(f->ex, NULL, &f->s[ANON], "", &r);
	assert_null(r.obj);
	cmd_reply_free(&r);
}

/* Unknown verbs are named, lower-cased, in the error. */
static void test_unknown_command(void **state)
{
	struct fx *f = *state;

	fx_err(f, ANON, "frobnicate now", "unknown_command");
	assert_string_equal(fx_str(f, "cmd"), "frobnicate");
	fx_err(f, AL1, "FROB", "unknown_command");
	assert_string_equal(fx_str(f, "cmd"), "frob");
	assert_non_null(strstr(fx_str(f, "message"), "frob"));
}

/* Before login only help, mode, login and quit work. */
static void test_not_logged_in(void **state)
{
	struct fx *f = *state;
	const char *cmds[] = {"status",      "injects",    "show I-01",    "decide I-01 share",
	                      "action x",    "share rs x", "say x",        "rfi x",
	                      "who",         "ack",        "start",        "pause",
	                      "resume",      "speed 2",    "advance 1m",   "fire I-02",
	                      "broadcast x", "reply al x", "score al 1 x", "endex",
	                      "teams",       "state",      "commcheck"};

	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		fx_err(f, ANON, cmds[i], "not_logged_in");
		assert_int_equal(f->n_ev, 0);
	}
	fx_ok(f, ANON, "help", "help");
	fx_ok(f, ANON, "mode text", "mode");
	assert_int_equal(f->ex->state, EX_WAITING);
}

/* Verbs are case-insensitive, words may be separated by several blanks. */
static void test_case_insensitive(void **state)
{
	struct fx *f = *state;

	fx_ok(f, AL1, "LoGiN  al\talpha-secret", "login");
	fx_ok(f, AL1, "StAtUs", "status");
	fx_ok(f, FAC, "  LOGIN FACILITATOR fac-secret", "login");
	fx_ok(f, FAC, "START", "start");
	assert_int_equal(f->ex->state, EX_RUNNING);
}

/* login: roles, names, member counts, the join event, relogin. */
static void test_login(void **state)
{
	struct fx *f = *state;
	json_t *o;

	fx_err(f, AL1, "login", "bad_args");
	fx_err(f, AL1, "login al", "bad_args");
	o = fx_ok(f, AL1, "login al alpha-secret  Alice   Smith ", "login");
	assert_string_equal(json_string_value(json_object_get(o, "role")), "team");
	assert_string_equal(json_string_value(json_object_get(o, "team")), "al");
	assert_string_equal(json_string_value(json_object_get(o, "name")), "Alice   Smith");
	assert_int_equal(f->s[AL1].role, CMD_ROLE_TEAM);
	assert_int_equal(f->s[AL1].team, 0);
	assert_int_equal(f->ex->teams[0].members, 1);
	assert_int_equal(fx_count(f, "join"), 1);
	assert_string_equal(json_string_value(json_object_get(fx_last(f, "join")->obj, "name")),
	                    "Alice   Smith");

	o = fx_ok(f, RS1, "login rs rs-secret", "login");
	assert_string_equal(json_string_value(json_object_get(o, "name")), "rs-3");

	o = fx_ok(f, FAC, "login facilitator fac-secret", "login");
	assert_string_equal(json_string_value(json_object_get(o, "role")), "facilitator");
	assert_true(json_is_null(json_object_get(o, "team")));
	assert_string_equal(json_string_value(json_object_get(o, "name")), "facilitator-4");
	o = fx_ok(f, OBS, "login Observer obs-secret Eve", "login");
	assert_string_equal(json_string_value(json_object_get(o, "role")), "observer");

	/* switching team moves the member count */
	fx_ok(f, AL1, "login rs rs-secret Alice", "login");
	assert_int_equal(f->ex->teams[0].members, 0);
	assert_int_equal(f->ex->teams[1].members, 2);
	/* a failed relogin keeps the identity */
	fx_err(f, AL1, "login al wrong", "auth_failed");
	assert_int_equal(f->s[AL1].team, 1);
	assert_string_equal(f->s[AL1].name, "Alice");

	/* names are bounded and printable */
	fx_err(f, AL2,
	       "login al alpha-secret "
	       "abcdefghijabcdefghijabcdefghijabcdefghijX",
	       "bad_args");
	fx_err(f, AL2, "login al alpha-secret bad\x1b[2Jname", "bad_args");
	fx_err(f, AL2, "login al alpha-secret bad\xc2\x9bname", "bad_args");
	fx_ok(f, AL2,
	      "login al alpha-secret \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	      "abcdefghijabcdefghijabcdefghijabcde",
	      "login");
}

/* Wrong, prefix, longer, unknown and missing secrets all fail the same way and are counted. */
static void test_auth_failed(void **state)
{
	struct fx *f = *state;
	const char *bad[] = {"login al alpha",
	                     "login al alpha-secret2",
	                     "login al ALPHA-SECRET",
	                     "login al x",
	                     "login zz alpha-secret",
	                     "login me anything",
	                     "login facilitator fac",
	                     "login observer obs-secret-",
	                     "login facilitator obs-secret",
	                     "login al rs-secret"};
	char msg[256] = "";

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		fx_err(f, ANON, bad[i], "auth_failed");
		assert_int_equal(f->s[ANON].failed_logins, (int)i + 1);
		assert_int_equal(f->s[ANON].role, CMD_ROLE_NONE);
		if (i == 0)
			strcpy(msg, fx_str(f, "message"));
		/* the message does not tell which ids exist */
		assert_string_equal(fx_str(f, "message"), msg);
	}
	assert_int_equal(f->n_ev, 0);
	fx_ok(f, ANON, "login al alpha-secret", "login");
	assert_int_equal(f->s[ANON].failed_logins, 0);
}

/* A facilitator or observer secret that was never set lets nobody in. */
static void test_auth_unset_secret(void **state)
{
	struct fx *f = *state;

	free(f->ex->observer_secret);
	f->ex->observer_secret = NULL;
	fx_err(f, ANON, "login observer x", "auth_failed");
	fx_err(f, ANON, "login observer (null)", "auth_failed");
}

/* mode: text and JSON bytes, the reply to `mode json` itself in JSON. */
static void test_mode(void **state)
{
	struct fx *f = *state;
	const char *b;
	size_t len;
	json_t *o;

	fx_ok(f, ANON, "mode", "mode");
	assert_string_equal(fx_str(f, "mode"), "text");
	fx_ok(f, ANON, "mode JSON", "mode");
	assert_true(f->s[ANON].json);
	assert_string_equal(fx_str(f, "mode"), "json");
	b = cmd_reply_bytes(&f->r, &f->s[ANON], &len);
	assert_int_equal(len, strlen(b));
	assert_string_equal(b, "{\"type\":\"ok\",\"cmd\":\"mode\",\"mode\":\"json\"}\n");
	/* cached: the same bytes again */
	assert_ptr_equal(cmd_reply_bytes(&f->r, &f->s[ANON], &len), b);

	fx_err(f, ANON, "mode xml", "bad_args");
	b = cmd_reply_bytes(&f->r, &f->s[ANON], &len);
	o = json_loadb(b, len, 0, NULL);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "type")), "error");
	assert_string_equal(json_string_value(json_object_get(o, "cmd")), "mode");
	json_decref(o);
	fx_err(f, ANON, "mode text json", "bad_args");

	fx_ok(f, ANON, "mode text", "mode");
	assert_false(f->s[ANON].json);
	b = cmd_reply_bytes(&f->r, &f->s[ANON], &len);
	assert_string_equal(b, "Text mode.\n");
}

/* Whether the last help reply lists the command name. */
static bool fx_help_has(const struct fx *f, const char *name)
{
	json_t *list = json_object_get(f->r.obj, "commands"), *v;
	size_t i;

	json_array_foreach(list, i, v)
	{
		assert_non_null(json_string_value(json_object_get(v, "usage")));
		if (strcmp(json_string_value(json_object_get(v, "name")), name) == 0)
			return true;
	}
	return false;
}

/* help lists only the commands of the session's role. */
static void test_help_roles(void **state)
{
	struct fx *f = *state;

	fx_ok(f, ANON, "help", "help");
	assert_int_equal(json_array_size(json_object_get(f->r.obj, "commands")), 5);
	assert_true(fx_help_has(f, "login"));
	assert_false(fx_help_has(f, "status"));
	assert_non_null(strstr(f->r.text, "login ID SECRET [NAME]"));

	fx_login_all(f);
	fx_ok(f, AL1, "help", "help");
	assert_true(fx_help_has(f, "decide") && fx_help_has(f, "ack") && fx_help_has(f, "who"));
	assert_false(fx_help_has(f, "start") || fx_help_has(f, "teams"));
	assert_non_null(strstr(f->r.text, "decide INJECT OPTION"));

	fx_ok(f, FAC, "help", "help");
	assert_true(fx_help_has(f, "start") && fx_help_has(f, "commcheck") &&
	            fx_help_has(f, "status") && fx_help_has(f, "teams"));
	assert_false(fx_help_has(f, "decide") || fx_help_has(f, "ack"));

	fx_ok(f, OBS, "help", "help");
	assert_true(fx_help_has(f, "teams") && fx_help_has(f, "state") && fx_help_has(f, "show"));
	assert_false(fx_help_has(f, "start") || fx_help_has(f, "decide") ||
	             fx_help_has(f, "broadcast"));

	fx_ok(f, AL1, "help DECIDE", "help");
	assert_int_equal(json_array_size(json_object_get(f->r.obj, "commands")), 1);
	fx_err(f, AL1, "help start", "unknown_command");
	fx_err(f, AL1, "help nothing", "unknown_command");
	fx_err(f, AL1, "help a b", "bad_args");
}

/* Commands of another role are refused with not_allowed, and change nothing. */
static void test_not_allowed(void **state)
{
	struct fx *f = *state;
	const char *team_only[] = {
	    "decide I-01 share", "action x", "share rs x", "say x", "rfi x", "ack"};
	const char *fac_only[] = {"start",        "pause",     "resume",      "speed 2",
	                          "advance 1m",   "fire I-02", "broadcast x", "reply al x",
	                          "score al 1 x", "endex",     "commcheck"};

	fx_login_all(f);
	for (size_t i = 0; i < sizeof team_only / sizeof team_only[0]; i++) {
		fx_err(f, FAC, team_only[i], "not_allowed");
		fx_err(f, OBS, team_only[i], "not_allowed");
	}
	for (size_t i = 0; i < sizeof fac_only / sizeof fac_only[0]; i++) {
		fx_err(f, AL1, fac_only[i], "not_allowed");
		fx_err(f, OBS, fac_only[i], "not_allowed");
	}
	assert_non_null(strstr(fx_str(f, "message"), "observers"));
	fx_err(f, AL1, "teams", "not_allowed");
	fx_err(f, AL1, "state", "not_allowed");
	assert_int_equal(f->n_ev, 0);
	assert_int_equal(f->ex->state, EX_WAITING);
	fx_ok(f, OBS, "teams", "teams");
	fx_ok(f, OBS, "state", "state");
	fx_ok(f, OBS, "who", "who");
}

/* status: contract fields, pending decisions per team and for staff, text rendering. */
static void test_status(void **state)
{
	struct fx *f = *state;
	json_t *o, *p;

	fx_login_all(f);
	o = fx_ok(f, AL1, "status", "status");
	assert_string_equal(fx_str(f, "state"), "waiting");
	assert_int_equal(json_integer_value(json_object_get(o, "t")), 0);
	assert_true(json_is_integer(json_object_get(o, "speed")));
	assert_int_equal(json_integer_value(json_object_get(o, "speed")), 60);
	assert_true(json_is_null(json_object_get(o, "phase")));
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
	assert_non_null(strstr(f->r.text, "waiting for STARTEX"));
	fx_err(f, AL1, "status now", "bad_args");

	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "advance 15m", "advance");
	ex_phase_tr(f->ex, "Move 1", NULL);
	o = fx_ok(f, AL1, "status", "status");
	assert_string_equal(fx_str(f, "state"), "running");
	assert_int_equal(json_integer_value(json_object_get(o, "t")), 900);
	assert_string_equal(fx_str(f, "phase"), "Move 1");
	assert_string_equal(fx_str(f, "time"), "2024-11-12 09:15");
	p = json_object_get(o, "pending");
	assert_int_equal(json_array_size(p), 1);
	assert_string_equal(json_string_value(json_array_get(p, 0)), "I-01");
	assert_non_null(strstr(f->r.text, "Exercise running at T+00:15:00 (2024-11-12 09:15), "
	                                  "speed 60x\nPhase: Move 1\n"));
	assert_non_null(
	    strstr(f->r.text, "Awaiting your decision: I-01 (by T+00:45:00 (2024-11-12 09:45))"));

	o = fx_ok(f, RS1, "status", "status");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 2);

	o = fx_ok(f, FAC, "status", "status");
	p = json_object_get(o, "pending");
	assert_int_equal(json_array_size(p), 2);
	assert_non_null(strstr(f->r.text, "I-01 (2 teams)"));
	fx_ok(f, OBS, "status", "status");

	fx_ok(f, AL1, "decide I-01 share", "decide");
	o = fx_ok(f, AL1, "status", "status");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
	assert_non_null(strstr(f->r.text, "No decision is awaited."));
}

/* start, pause, resume: clock events, bad_state with clear messages. */
static void test_clock_commands(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	fx_err(f, FAC, "pause", "bad_state");
	assert_non_null(strstr(fx_str(f, "message"), "not started"));
	fx_err(f, FAC, "resume", "bad_state");
	fx_err(f, FAC, "start now", "bad_args");
	assert_int_equal(f->n_ev, 0);

	fx_ok(f, FAC, "start", "start");
	assert_string_equal(fx_str(f, "state"), "running");
	assert_int_equal(fx_count(f, "clock"), 1);
	fx_err(f, FAC, "start", "bad_state");
	assert_string_equal(fx_str(f, "message"), "the exercise is already running");
	fx_err(f, FAC, "resume", "bad_state");
	assert_string_equal(fx_str(f, "message"), "the exercise is already running");

	fx_ok(f, FAC, "pause", "pause");
	assert_int_equal(f->ex->state, EX_PAUSED);
	assert_int_equal(fx_count(f, "clock"), 2);
	fx_err(f, FAC, "pause", "bad_state");
	assert_string_equal(fx_str(f, "message"), "the exercise is already paused");
	fx_err(f, FAC, "start", "bad_state");
	assert_non_null(strstr(fx_str(f, "message"), "resume"));
	fx_ok(f, FAC, "resume", "resume");
	assert_int_equal(f->ex->state, EX_RUNNING);
	assert_int_equal(fx_count(f, "clock"), 3);

	fx_ok(f, FAC, "endex", "endex");
	fx_err(f, FAC, "pause", "bad_state");
	assert_string_equal(fx_str(f, "message"), "the exercise has ended");
	fx_err(f, FAC, "resume", "bad_state");
	fx_err(f, FAC, "start", "bad_state");
}

/* speed X: positive numbers only, a clock event, refused after ENDEX. */
static void test_speed(void **state)
{
	struct fx *f = *state;
	const char *bad[] = {"speed",     "speed 0",   "speed -1",   "speed abc",
	                     "speed 2y",  "speed inf", "speed nan",  "speed 1e9",
	                     "speed 1 2", "speed x",   "speed 1e400"};

	fx_login_all(f);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		fx_err(f, FAC, bad[i], "bad_args");
	assert_int_equal(f->n_ev, 0);
	fx_ok(f, FAC, "speed 120", "speed");
	assert_int_equal(json_integer_value(json_object_get(f->r.obj, "speed")), 120);
	assert_true(f->ex->speed == 120);
	assert_int_equal(fx_count(f, "clock"), 1);
	fx_ok(f, FAC, "speed 2.5X", "speed");
	assert_true(json_real_value(json_object_get(f->r.obj, "speed")) == 2.5);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "endex", "endex");
	fx_err(f, FAC, "speed 10", "bad_state");
	assert_true(f->ex->speed == 2.5);
}

/* advance DURATION: parse errors quote the parser, states, firing on the way, ENDEX. */
static void test_advance(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	fx_err(f, FAC, "advance 15m", "bad_state");
	assert_non_null(strstr(fx_str(f, "message"), "not started"));
	fx_ok(f, FAC, "start", "start");
	fx_err(f, FAC, "advance", "bad_args");
	fx_err(f, FAC, "advance xyz", "bad_args");
	assert_non_null(strstr(fx_str(f, "message"), "xyz"));
	assert_true(strlen(fx_str(f, "message")) > strlen("bad duration \"xyz\": "));
	fx_err(f, FAC, "advance 0", "bad_args");
	fx_err(f, FAC, "advance -5m", "bad_args");
	fx_err(f, FAC, "advance 5m 5m", "bad_args");
	fx_ok(f, FAC, "pause", "pause");
	fx_clear(f);

	fx_ok(f, FAC, "advance 0:15", "advance");
	assert_int_equal(json_integer_value(json_object_get(f->r.obj, "t")), 900);
	assert_string_equal(fx_str(f, "state"), "paused");
	assert_int_equal(f->ex->state, EX_PAUSED);
	/* I-03 (rs) and I-01 (al, rs; with a staff copy holding the notes) fired */
	assert_int_equal(fx_count(f, "inject"), 3);

	fx_ok(f, FAC, "advance 100h", "advance");
	assert_string_equal(fx_str(f, "state"), "ended");
	assert_int_equal(fx_count(f, "end"), 1);
	fx_err(f, FAC, "advance 1m", "bad_state");
	assert_non_null(strstr(fx_str(f, "message"), "ended"));
}

/* The decision state object of an injects entry or a show reply. */
static const char *fx_dstate(const json_t *o)
{
	return json_string_value(json_object_get(json_object_get(o, "decision"), "state"));
}

/* injects and show, for teams and for staff. */
static void test_injects_show(void **state)
{
	struct fx *f = *state;
	json_t *o, *list, *in;

	fx_login_all(f);
	o = fx_ok(f, AL1, "injects", "injects");
	assert_int_equal(json_array_size(json_object_get(o, "injects")), 0);
	assert_non_null(strstr(f->r.text, "No inject"));
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "advance 15m", "advance");

	o = fx_ok(f, AL1, "injects", "injects");
	list = json_object_get(o, "injects");
	assert_int_equal(json_array_size(list), 1);
	in = json_array_get(list, 0);
	assert_string_equal(json_string_value(json_object_get(in, "id")), "I-01");
	assert_int_equal(json_integer_value(json_object_get(in, "t")), 900);
	assert_string_equal(fx_dstate(in), "pending");
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(in, "decision"), "deadline")), 2700);

	/* rs: I-03 arrived first */
	o = fx_ok(f, RS1, "injects", "injects");
	list = json_object_get(o, "injects");
	assert_int_equal(json_array_size(list), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "id")),
	                    "I-03");
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "id")),
	                    "I-01");

	/* staff: the fired injects, or with "all" every inject */
	o = fx_ok(f, FAC, "injects", "injects");
	list = json_object_get(o, "injects");
	assert_int_equal(json_array_size(list), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "id")),
	                    "I-03");
	o = fx_ok(f, OBS, "injects ALL", "injects");
	list = json_object_get(o, "injects");
	assert_int_equal(json_array_size(list), 3);
	assert_true(json_is_null(json_object_get(json_array_get(list, 1), "at")));
	assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 0), "pending")),
	                 2);
	fx_err(f, AL1, "injects none", "bad_args");
	fx_err(f, FAC, "injects all all", "bad_args");
	fx_ok(f, AL1, "injects all", "injects");
	assert_int_equal(json_array_size(json_object_get(f->r.obj, "injects")), 1);

	fx_err(f, AL1, "show i-01", "unknown_inject"); /* ids are exact; this one is lower case */
	o = fx_ok(f, AL1, "show I-01", "show");
	in = json_object_get(o, "inject");
	assert_string_equal(json_string_value(json_object_get(in, "type")), "inject");
	assert_string_equal(json_string_value(json_object_get(in, "subject")),
	                    "Ransom note on the e-services portal");
	assert_null(json_object_get(in, "notes"));
	assert_int_equal(json_array_size(json_object_get(in, "to")), 2);
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(in, "decision"), "deadline")), 2700);
	assert_string_equal(fx_dstate(o), "pending");
	assert_non_null(strstr(f->r.text, "decide I-01 share"));
	assert_null(strstr(f->r.text, "Expect isolation"));

	fx_err(f, AL1, "show I-03", "unknown_inject"); /* exists, but not for al */
	fx_err(f, AL1, "show I-99", "unknown_inject");
	fx_err(f, AL1, "show", "bad_args");
	fx_err(f, AL1, "show I-01 I-03", "bad_args");

	o = fx_ok(f, FAC, "show I-01", "show");
	in = json_object_get(o, "inject");
	assert_string_equal(json_string_value(json_object_get(in, "notes")),
	                    "Expect isolation first");
	assert_int_equal(json_array_size(json_object_get(o, "teams")), 2);
	assert_non_null(strstr(f->r.text, "Expect isolation first"));
	o = fx_ok(f, OBS, "show I-02", "show");
	assert_int_equal(json_array_size(json_object_get(o, "teams")), 0);
	fx_err(f, FAC, "show I-99", "unknown_inject");
}

/* decide: every error code ex_decide can give, then the recorded decision. */
static void test_decide(void **state)
{
	struct fx *f = *state;
	struct evt *ev;

	fx_login_all(f);
	fx_err(f, AL1, "decide I-01 share", "unknown_inject"); /* not reached yet */
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "advance 15m", "advance");
	fx_ok(f, FAC, "fire I-02", "fire");
	fx_clear(f);

	fx_err(f, AL1, "decide", "bad_args");
	fx_err(f, AL1, "decide I-01", "bad_args");
	fx_err(f, AL1, "decide I-01 share now", "bad_args");
	fx_err(f, AL1, "decide I-03 yes", "unknown_inject");
	fx_err(f, AL1, "decide I-02 yes", "no_decision");
	fx_err(f, AL1, "decide I-01 maybe", "bad_option");
	assert_non_null(strstr(fx_str(f, "message"), "isolate, share"));
	assert_int_equal(f->n_ev, 0);

	fx_ok(f, AL1, "decide I-01 SHARE", "decide");
	assert_string_equal(fx_str(f, "inject"), "I-01");
	assert_string_equal(fx_str(f, "option"), "share");
	assert_int_equal(fx_count(f, "decision"), 1);
	ev = fx_last(f, "decision");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "by")), "Alice");
	assert_false(json_is_true(json_object_get(ev->obj, "timeout")));
	fx_err(f, AL2, "decide I-01 isolate", "already_decided");

	/* rs lets the deadline pass: the default is recorded, a late answer is refused */
	fx_ok(f, FAC, "advance 31m", "advance");
	fx_err(f, RS1, "decide I-01 share", "deadline_passed");
	fx_ok(f, RS1, "show I-01", "show");
	assert_true(
	    json_is_true(json_object_get(json_object_get(f->r.obj, "decision"), "timeout")));

	fx_ok(f, FAC, "endex", "endex");
	fx_err(f, RS1, "decide I-03 yes", "bad_state");
}

/* action, share, say and rfi: texts keep their spacing, events, errors. */
static void test_team_inputs(void **state)
{
	struct fx *f = *state;
	struct evt *ev;

	fx_login_all(f);
	fx_err(f, AL1, "action isolate the portal", "bad_state");
	fx_err(f, AL1, "share rs hello", "bad_state");
	fx_ok(f, AL1, "say hello  team", "say"); /* talking is fine before STARTEX */
	fx_ok(f, AL1, "rfi   what is in scope?  ", "rfi");
	assert_string_equal(fx_str(f, "id"), "RFI-1");
	ev = fx_last(f, "rfi");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "text")),
	                    "what is in scope?");
	assert_true(ev->aud.staff && ev->aud.teams == NULL && !ev->aud.all);
	fx_ok(f, FAC, "start", "start");
	fx_clear(f);

	fx_err(f, AL1, "action", "bad_args");
	fx_err(f, AL1, "action   ", "bad_args");
	fx_ok(f, AL1, "action  isolate   the portal ", "action");
	ev = fx_last(f, "action");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "text")),
	                    "isolate   the portal");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "by")), "Alice");

	fx_err(f, AL1, "share", "bad_args");
	fx_err(f, AL1, "share rs", "bad_args");
	fx_err(f, AL1, "share zz hello", "unknown_team");
	fx_ok(f, AL1, "share rs IOC list: 203.0.113.7", "share");
	assert_string_equal(fx_str(f, "to"), "rs");
	ev = fx_last(f, "share");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "text")),
	                    "IOC list: 203.0.113.7");
	assert_true(ev->aud.teams[0] && ev->aud.teams[1] && !ev->aud.teams[2] && ev->aud.staff);
	fx_ok(f, AL1, "share ALL heads up", "share");
	assert_string_equal(fx_str(f, "to"), "all");
	assert_string_equal(json_string_value(json_object_get(fx_last(f, "share")->obj, "to")),
	                    "all");

	fx_err(f, AL1, "say", "bad_args");
	fx_ok(f, AL2, "say on it", "say");
	assert_string_equal(json_string_value(json_object_get(fx_last(f, "say")->obj, "by")),
	                    "Bob");
	fx_err(f, AL1, "rfi", "bad_args");
	fx_ok(f, RS1, "rfi who owns the portal?", "rfi");
	assert_string_equal(fx_str(f, "id"), "RFI-2");

	fx_ok(f, FAC, "endex", "endex");
	fx_err(f, AL1, "action too late", "bad_state");
	assert_non_null(strstr(fx_str(f, "message"), "ended"));
}

/* Roster for who: the fixture's logged-in sessions. */
static void fx_each(void *ctx, void (*fn)(const struct cmd_session *s, void *arg), void *arg)
{
	struct fx *f = ctx;

	for (int i = 0; i < N_SESSIONS; i++)
		if (f->s[i].role != CMD_ROLE_NONE)
			fn(&f->s[i], arg);
}

/* who: every team with the names online, and the staff. */
static void test_who(void **state)
{
	struct fx *f = *state;
	struct cmd_roster roster = {f, fx_each};
	json_t *teams, *staff, *al;

	fx_login_all(f);
	cmd_reply_free(&f->r);
	cmd_exec(f->ex, &roster, &f->s[RS1], "who", &f->r);
	assert_string_equal(fx_str(f, "type"), "ok");
	teams = json_object_get(f->r.obj, "teams");
	staff = json_object_get(f->r.obj, "staff");
	assert_int_equal(json_array_size(teams), 3);
	al = json_array_get(teams, 0);
	assert_string_equal(json_string_value(json_object_get(al, "id")), "al");
	assert_int_equal(json_array_size(json_object_get(al, "online")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(al, "online"), 1)),
	                    "Bob");
	assert_int_equal(json_array_size(json_object_get(json_array_get(teams, 2), "online")), 0);
	assert_int_equal(json_array_size(staff), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(staff, 0), "role")),
	                    "facilitator");
	assert_non_null(strstr(f->r.text, "Alice, Bob"));
	assert_non_null(strstr(f->r.text, "nobody online"));

	/* without a roster, who knows only the asking session */
	fx_ok(f, OBS, "who", "who");
	assert_int_equal(json_array_size(json_object_get(f->r.obj, "staff")), 1);
	fx_err(f, OBS, "who me", "bad_args");
}

/* fire INJECT [TEAM]: states, unknown inject and team, targeting. */
static void test_fire(void **state)
{
	struct fx *f = *state;
	struct evt *ev;

	fx_login_all(f);
	fx_err(f, FAC, "fire I-02", "bad_state");
	fx_ok(f, FAC, "start", "start");
	fx_clear(f);
	fx_err(f, FAC, "fire", "bad_args");
	fx_err(f, FAC, "fire I-99", "unknown_inject");
	fx_err(f, FAC, "fire I-02 zz", "unknown_team");
	fx_err(f, FAC, "fire I-02 rs al", "bad_args");
	assert_int_equal(f->n_ev, 0);

	fx_ok(f, FAC, "fire I-02 rs", "fire");
	assert_string_equal(fx_str(f, "team"), "rs");
	ev = fx_last(f, "inject");
	assert_true(ev->aud.teams != NULL && ev->aud.teams[1] && !ev->aud.teams[0]);
	fx_err(f, AL1, "show I-02", "unknown_inject");
	fx_ok(f, RS1, "show I-02", "show");

	fx_ok(f, FAC, "fire I-02", "fire");
	assert_true(json_is_null(json_object_get(f->r.obj, "team")));
	ev = fx_last(f, "inject");
	assert_true(ev->aud.teams[0] && ev->aud.teams[1] && ev->aud.teams[2]);
	fx_ok(f, AL1, "show I-02", "show");
}

/* broadcast, reply and score: texts, targets, whole-number deltas. */
static void test_white_cell(void **state)
{
	struct fx *f = *state;
	struct evt *ev;
	json_t *o;

	fx_login_all(f);
	fx_err(f, FAC, "broadcast", "bad_args");
	fx_ok(f, FAC, "broadcast Welcome to  the drill", "broadcast");
	ev = fx_last(f, "broadcast");
	assert_true(ev->aud.all);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "text")),
	                    "Welcome to  the drill");

	fx_err(f, FAC, "reply", "bad_args");
	fx_err(f, FAC, "reply rs", "bad_args");
	fx_err(f, FAC, "reply zz hello", "unknown_team");
	fx_ok(f, FAC, "reply rs The portal belongs to the ministry.", "reply");
	ev = fx_last(f, "reply");
	assert_true(ev->aud.teams[1] && !ev->aud.teams[0]);

	fx_err(f, FAC, "score", "bad_args");
	fx_err(f, FAC, "score al 5", "bad_args");
	fx_err(f, FAC, "score zz 5 good", "unknown_team");
	fx_err(f, FAC, "score al 1.5 half", "bad_args");
	fx_err(f, FAC, "score al five good", "bad_args");
	fx_err(f, FAC, "score al 99999999999999999999 big", "bad_args");
	fx_err(f, FAC, "score al 5x good", "bad_args");
	o = fx_ok(f, FAC, "score al +5 fast isolation", "score");
	assert_int_equal(json_integer_value(json_object_get(o, "total")), 5);
	o = fx_ok(f, FAC, "score al -3 late report", "score");
	assert_int_equal(json_integer_value(json_object_get(o, "delta")), -3);
	assert_int_equal(json_integer_value(json_object_get(o, "total")), 2);
	assert_int_equal(f->ex->teams[0].score, 2);
	ev = fx_last(f, "score");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "reason")), "late report");
}

/* endex [REASON]: the default reason, states. */
static void test_endex(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	fx_err(f, FAC, "endex", "bad_state");
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "endex", "endex");
	assert_string_equal(fx_str(f, "reason"), "facilitator");
	assert_string_equal(json_string_value(json_object_get(fx_last(f, "end")->obj, "reason")),
	                    "facilitator");
	fx_err(f, FAC, "endex", "bad_state");
	assert_string_equal(fx_str(f, "message"), "the exercise has already ended");
}

/* endex with a reason of several words. */
static void test_endex_reason(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "endex  drill   complete ", "endex");
	assert_string_equal(f->ex->end_reason, "drill   complete");
}

/* teams and state. */
static void test_teams_state(void **state)
{
	struct fx *f = *state;
	json_t *list, *al;

	fx_login_all(f);
	fx_ok(f, FAC, "teams", "teams");
	list = json_object_get(f->r.obj, "teams");
	assert_int_equal(json_array_size(list), 3);
	al = json_array_get(list, 0);
	assert_string_equal(json_string_value(json_object_get(al, "id")), "al");
	assert_string_equal(json_string_value(json_object_get(al, "name")), "AKCESK (Albania)");
	assert_int_equal(json_integer_value(json_object_get(al, "members")), 2);
	assert_int_equal(json_integer_value(json_object_get(al, "score")), 0);
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 2), "name")),
	                    "me");
	fx_err(f, FAC, "teams x", "bad_args");

	fx_ok(f, FAC, "state", "state");
	assert_true(json_is_object(json_object_get(f->r.obj, "state")));
	assert_int_equal(json_object_size(json_object_get(f->r.obj, "state")), 0);
	f->state_value = json_pack("{s:i,s:s}", "infected", 12, "portal", "offline");
	fx_ok(f, OBS, "state", "state");
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(f->r.obj, "state"), "infected")),
	    12);
	assert_non_null(strstr(f->r.text, "\"portal\": \"offline\""));
	f->ex->hooks.state = NULL;
	fx_ok(f, FAC, "state", "state");
	assert_int_equal(json_object_size(json_object_get(f->r.obj, "state")), 0);
}

/* commcheck and ack, before STARTEX. */
static void test_commcheck(void **state)
{
	struct fx *f = *state;
	struct evt *ev;

	fx_login_all(f);
	f->ex->teams[1].acked = true;
	fx_ok(f, FAC, "commcheck", "commcheck");
	assert_false(f->ex->teams[1].acked);
	ev = fx_last(f, "commcheck");
	assert_true(ev->aud.all);
	assert_int_equal(ev->type, EVT_COMMCHECK);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "text")),
	                    "COMMUNICATION CHECK: reply with ack");
	assert_int_equal(json_array_size(json_object_get(f->r.obj, "teams")), 3);
	fx_clear(f);

	fx_err(f, AL1, "ack now", "bad_args");
	fx_ok(f, AL2, "ACK", "ack");
	assert_true(f->ex->teams[0].acked);
	assert_true(f->s[AL2].acked);
	ev = fx_last(f, "ack");
	assert_true(ev->aud.staff && !ev->aud.all && ev->aud.teams == NULL);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "team")), "al");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "by")), "Bob");
	assert_true(cmd_session_receives(&f->s[FAC], ev));
	assert_true(cmd_session_receives(&f->s[OBS], ev));
	assert_false(cmd_session_receives(&f->s[AL1], ev));
	fx_clear(f);

	fx_ok(f, OBS, "teams", "teams");
	assert_true(json_is_true(
	    json_object_get(json_array_get(json_object_get(f->r.obj, "teams"), 0), "acked")));
	fx_ok(f, FAC, "commcheck status", "commcheck");
	assert_int_equal(f->n_ev, 0);
	assert_true(json_is_true(
	    json_object_get(json_array_get(json_object_get(f->r.obj, "teams"), 0), "acked")));
	assert_true(json_is_false(
	    json_object_get(json_array_get(json_object_get(f->r.obj, "teams"), 1), "acked")));
	fx_err(f, FAC, "commcheck now", "bad_args");
	fx_err(f, FAC, "commcheck status now", "bad_args");
	fx_ok(f, FAC, "commcheck", "commcheck");
	assert_false(f->ex->teams[0].acked);
}

/* quit sets the flag; it takes no arguments. */
static void test_quit(void **state)
{
	struct fx *f = *state;

	fx_err(f, ANON, "quit now", "bad_args");
	assert_false(f->s[ANON].quit);
	fx_ok(f, ANON, "QUIT", "quit");
	assert_true(f->s[ANON].quit);
}

/* Every event a command causes is emitted before its reply exists. */
static void test_events_before_reply(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "advance 20m", "advance");
	fx_ok(f, AL1, "decide I-01 share", "decide");
	fx_ok(f, FAC, "commcheck", "commcheck");
	fx_ok(f, AL1, "ack", "ack");
	fx_ok(f, FAC, "endex", "endex");
	assert_true(f->n_ev >= 8);
	assert_int_equal(f->late_events, 0);
}

/* Bytes derived from an event's text are kept once per text and flags, and freed with it. */
static void test_evt_derived(void **state)
{
	struct evt *ev = evt_new(EVT_BROADCAST, 0, json_object());
	static const char a[] = "text a", b[] = "text b";
	size_t n = 0;

	(void)state;
	assert_null(evt_derived(ev, a, 1, &n));
	evt_derive(ev, a, 1, strdup("A1"), 2);
	evt_derive(ev, a, 0, strdup("A0x"), 3);
	evt_derive(ev, b, 1, strdup("B1"), 2);
	assert_string_equal(evt_derived(ev, a, 1, &n), "A1");
	assert_int_equal(n, 2);
	assert_string_equal(evt_derived(ev, a, 0, &n), "A0x");
	assert_int_equal(n, 3);
	assert_ptr_equal(evt_derived(ev, a, 1, &n), evt_derived(ev, a, 1, &n));
	assert_null(evt_derived(ev, b, 0, &n));
	evt_unref(ev); /* valgrind: the derived bytes go with it */
}

/* Who receives what: logged out nobody, audiences by role and team. */
static void test_session_receives(void **state)
{
	struct fx *f = *state;
	struct evt *all = evt_new(EVT_BROADCAST, 0, json_object());
	struct evt *staff = evt_new(EVT_LOG, 0, json_object());
	struct evt *rs = evt_new(EVT_REPLY, 0, json_object());

	all->aud.all = 1;
	staff->aud.staff = 1;
	evt_add_team(rs, 1, 3);
	assert_false(cmd_session_receives(&f->s[ANON], all));
	fx_login_all(f);
	assert_true(cmd_session_receives(&f->s[AL1], all));
	assert_true(cmd_session_receives(&f->s[OBS], all));
	assert_false(cmd_session_receives(&f->s[ANON], all));
	assert_true(cmd_session_receives(&f->s[FAC], staff));
	assert_true(cmd_session_receives(&f->s[OBS], staff));
	assert_false(cmd_session_receives(&f->s[AL1], staff));
	assert_true(cmd_session_receives(&f->s[RS1], rs));
	assert_false(cmd_session_receives(&f->s[AL1], rs));
	assert_false(cmd_session_receives(&f->s[FAC], rs));
	evt_unref(all);
	evt_unref(staff);
	evt_unref(rs);
}

/* Closing a session leaves its team. */
static void test_session_close(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	assert_int_equal(f->ex->teams[0].members, 2);
	cmd_session_close(f->ex, &f->s[AL1]);
	assert_int_equal(f->ex->teams[0].members, 1);
	assert_int_equal(f->s[AL1].role, CMD_ROLE_NONE);
	assert_null(f->s[AL1].name);
	fx_err(f, AL1, "status", "not_logged_in");
}

/* Errors net builds itself render like the others in both modes. */
static void test_reply_error(void **state)
{
	struct fx *f = *state;
	struct cmd_reply r;
	struct cmd_session s;
	size_t len;

	(void)f;
	cmd_session_init(&s, 9);
	cmd_reply_error(&r, "", "line_too_long", "lines are at most 4096 bytes");
	assert_string_equal(r.code, "line_too_long");
	assert_string_equal(cmd_reply_bytes(&r, &s, &len), "error: lines are at most 4096 bytes\n");
	s.json = true;
	assert_string_equal(cmd_reply_bytes(&r, &s, &len),
	                    "{\"type\":\"error\",\"cmd\":\"\",\"code\":\"line_too_long\","
	                    "\"message\":\"lines are at most 4096 bytes\"}\n");
	assert_int_equal(len, strlen(r.json));
	cmd_reply_free(&r);
	assert_null(r.obj);
}

/* Text replies read well: a few exact renderings. */
static void test_text(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	assert_string_equal(f->r.text,
	                    "STARTEX: the exercise is running at T+00:00:00 (2024-11-12 09:00).\n");
	fx_ok(f, FAC, "score rs 3 good catch", "score");
	assert_string_equal(f->r.text, "Score of rs: +3, total 3.\n");
	fx_err(f, AL1, "start", "not_allowed");
	assert_string_equal(f->r.text, "error: start is for facilitators only\n");
}

/* Run every test of the protocol commands. */
/* The last recorded event of this "type" that session i receives. */
static struct evt *fx_last_for(const struct fx *f, int i, const char *type)
{
	for (int k = f->n_ev - 1; k >= 0; k--)
		if (strcmp(json_string_value(json_object_get(f->ev[k]->obj, "type")), type) == 0 &&
		    cmd_session_receives(&f->s[i], f->ev[k]))
			return f->ev[k];
	fail_msg("no %s event for session %d", type, i);
	return NULL;
}

/* A copy of a text in English and Albanian. */
static struct ex_tr *fx_tr(const char *en, const char *sq)
{
	struct ex_tr *tr = ex_lang_new(2);

	tr->v[0] = en != NULL ? strdup(en) : NULL;
	tr->v[1] = sq != NULL ? strdup(sq) : NULL;
	return tr;
}

/* Make the exercise speak English (the default) and Albanian: titles, team al, inject I-01. */
static void fx_languages(struct fx *f)
{
	struct ex_inject *in = &f->ex->injects[0];

	f->ex->langs = calloc(2, sizeof *f->ex->langs);
	f->ex->langs[0] = strdup("en");
	f->ex->langs[1] = strdup("sq");
	f->ex->n_langs = 2;
	f->ex->title_tr = fx_tr("Drill", "Ushtrim");
	f->ex->teams[0].name_tr = fx_tr("AKCESK (Albania)", "AKCESK (Shqipëri)");
	in->subject_tr = fx_tr(NULL, "Shënim shpërblese");
	in->decision->prompt_tr = fx_tr(NULL, "Çfarë bëni së pari?");
	in->decision->options[1].label_tr = fx_tr(NULL, "Lajmëroni");
}

/* lang: anyone, before or after login, sets or shows the session's language; bad codes are
 * bad_args listing the languages. */
static void test_lang(void **state)
{
	struct fx *f = *state;
	json_t *o;

	fx_languages(f);
	o = fx_ok(f, ANON, "lang", "lang");
	assert_string_equal(fx_str(f, "lang"), "en");
	assert_int_equal(json_array_size(json_object_get(o, "languages")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(o, "languages"), 1)),
	                    "sq");
	assert_non_null(
	    strstr(f->r.text, "Your language is en (the exercise's languages: en, sq)"));
	fx_ok(f, ANON, "LANG SQ", "lang");
	assert_string_equal(fx_str(f, "lang"), "sq");
	assert_int_equal(f->s[ANON].lang, 1);
	assert_non_null(strstr(f->r.text, "Language set to sq"));
	fx_err(f, ANON, "lang fr", "bad_args");
	assert_non_null(strstr(fx_str(f, "message"), "choose one of: en, sq"));
	assert_int_equal(f->s[ANON].lang, 1);
	fx_err(f, ANON, "lang en sq", "bad_args");
	fx_ok(f, ANON, "login al alpha-secret Ana", "login");
	assert_non_null(strstr(f->r.text, "team al (AKCESK (Shqipëri))"));
	fx_ok(f, ANON, "lang", "lang");
	assert_string_equal(fx_str(f, "lang"), "sq");
	assert_null(strstr(f->r.text, "every language"));
	fx_ok(f, FAC, "login facilitator fac-secret Fac", "login");
	fx_ok(f, FAC, "lang sq", "lang");
	assert_non_null(strstr(f->r.text, "Facilitators and observers see every language."));
	fx_ok(f, AL1, "help lang", "help");
	assert_non_null(strstr(f->r.text, "lang [CODE]"));
	assert_false(cmd_journaled(&f->s[ANON], "lang en"));
}

/* In an exercise of one language, lang says so and refuses a code. */
static void test_lang_one(void **state)
{
	struct fx *f = *state;
	json_t *o;

	o = fx_ok(f, ANON, "lang", "lang");
	assert_true(json_is_null(json_object_get(o, "lang")));
	assert_int_equal(json_array_size(json_object_get(o, "languages")), 0);
	assert_non_null(strstr(f->r.text, "one language"));
	fx_err(f, ANON, "lang en", "bad_args");
	assert_int_equal(f->s[ANON].lang, 0);
}

/* Replies and events reach a team member in the language chosen, the staff in all of them. */
static void test_lang_replies(void **state)
{
	struct fx *f = *state;
	const char *sq, *en, *staff;
	json_t *o;
	size_t n;

	fx_languages(f);
	fx_ok(f, AL1, "lang sq", "lang");
	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "advance 15m", "advance");
	sq = cmd_event_bytes(&f->s[AL1], fx_last_for(f, AL1, "inject"), f->ex, &n);
	en = cmd_event_bytes(&f->s[AL2], fx_last_for(f, AL2, "inject"), f->ex, &n);
	assert_non_null(strstr(sq, "Subject: Shënim shpërblese\n"));
	assert_non_null(strstr(sq, "Çfarë bëni së pari?"));
	assert_non_null(strstr(sq, "decide I-01 share     Lajmëroni"));
	assert_non_null(strstr(en, "Subject: Ransom note on the e-services portal\n"));
	assert_null(strstr(en, "Shënim"));
	assert_null(strstr(sq, "Expect isolation"));
	staff = cmd_event_bytes(&f->s[FAC], fx_last_for(f, FAC, "inject"), f->ex, &n);
	assert_non_null(strstr(staff, "-- [sq] --"));
	assert_non_null(strstr(staff, "Subject: Shënim shpërblese\n"));
	assert_non_null(strstr(staff, "Notes (white cell only): Expect isolation first"));

	fx_ok(f, AL1, "status", "status");
	assert_string_equal(fx_str(f, "title"), "Ushtrim");
	assert_non_null(strstr(f->r.text, "Team al (AKCESK (Shqipëri))"));
	fx_ok(f, AL2, "status", "status");
	assert_string_equal(fx_str(f, "title"), "Drill");
	fx_ok(f, FAC, "status", "status");
	assert_string_equal(fx_str(f, "title"), "Drill");
	o = fx_ok(f, AL1, "injects", "injects");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(o, "injects"), 0), "subject")),
	                    "Shënim shpërblese");
	o = fx_ok(f, AL1, "show I-01", "show");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(o, "inject"), "subject")),
	    "Shënim shpërblese");
	assert_null(json_object_get(json_object_get(o, "inject"), "i18n"));
	assert_non_null(strstr(f->r.text, "Subject: Shënim shpërblese\n"));
	o = fx_ok(f, FAC, "show I-01", "show");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(o, "inject"), "subject")),
	    "Ransom note on the e-services portal");
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_object_get(json_object_get(json_object_get(o, "inject"), "i18n"), "sq"),
	        "subject")),
	    "Shënim shpërblese");
	assert_non_null(strstr(f->r.text, "-- [sq] --"));
	o = fx_ok(f, AL1, "who", "who");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(o, "teams"), 0), "name")),
	                    "AKCESK (Shqipëri)");
	fx_ok(f, AL1, "decide I-01 share", "decide");
	assert_non_null(strstr(f->r.text, "share (Lajmëroni)"));
	fx_ok(f, FAC, "teams", "teams");
	assert_non_null(strstr(f->r.text, "AKCESK (Albania)"));
}

/* Whether every line of text is at most 80 code points wide. */
static bool fx_fits_80(const char *text)
{
	size_t w = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p == '\n') {
			w = 0;
			continue;
		}
		w += (*p & 0xc0) != 0x80;
		if (w > 80)
			return false;
	}
	return true;
}

/* The events of this "type" that team k receives. */
static int fx_count_to(const struct fx *f, const char *type, int k)
{
	int n = 0;

	for (int i = 0; i < f->n_ev; i++)
		n += strcmp(json_string_value(json_object_get(f->ev[i]->obj, "type")), type) == 0 &&
		     f->ev[i]->aud.teams != NULL && f->ev[i]->aud.teams[k];
	return n;
}

/* An inject the white cell fired early is not delivered again at its `at` to the teams it
 * reached; re-fired to a team that decided, it shows the decision, not an open prompt. */
static void test_fire_early(void **state)
{
	struct fx *f = *state;
	struct evt *ev;
	const json_t *d;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "fire I-01 al", "fire");
	fx_clear(f);
	fx_ok(f, FAC, "advance 20m", "advance"); /* I-01's at (15m) passes */
	assert_int_equal(fx_count_to(f, "inject", 0), 0);
	assert_int_equal(fx_count_to(f, "inject", 1), 2); /* I-03 at 10m, I-01 at 15m */
	ev = fx_last(f, "inject");                        /* the staff's copy, with the notes */
	assert_string_equal(json_string_value(json_object_get(ev->obj, "id")), "I-01");
	assert_int_equal(f->ex->injects[0].ts[0].deadline, 1800); /* al's from its early fire */

	fx_ok(f, AL1, "decide I-01 share", "decide");
	fx_clear(f);
	fx_ok(f, FAC, "fire I-01", "fire"); /* again, to al (decided) and rs (pending) */
	assert_int_equal(fx_count_to(f, "inject", 0), 1);
	assert_int_equal(fx_count_to(f, "inject", 1), 1);
	for (int i = 0; i < f->n_ev; i++) {
		ev = f->ev[i];
		if (ev->type != EVT_INJECT || ev->aud.teams == NULL)
			continue;
		d = json_object_get(ev->obj, "decision");
		if (ev->aud.teams[0]) {
			assert_string_equal(json_string_value(json_object_get(d, "state")),
			                    "decided");
			assert_string_equal(json_string_value(json_object_get(d, "option")),
			                    "share");
			assert_null(strstr(evt_text(ev, f->ex, NULL), "decide I-01 isolate"));
			assert_non_null(strstr(evt_text(ev, f->ex, NULL), "already decided share"));
		} else {
			assert_null(json_object_get(d, "state"));
			assert_int_equal(json_integer_value(json_object_get(d, "deadline")),
			                 900 + 1800);
			assert_non_null(strstr(evt_text(ev, f->ex, NULL), "decide I-01 isolate"));
		}
	}
}

/* reply RFI-ID answers one RFI; rfis lists the open ones with their age. */
static void test_rfi_ids(void **state)
{
	struct fx *f = *state;
	struct evt *ev;
	json_t *o, *q;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	o = fx_ok(f, FAC, "rfis", "rfis");
	assert_int_equal(json_array_size(json_object_get(o, "rfis")), 0);
	assert_non_null(strstr(f->r.text, "No RFI"));
	fx_ok(f, AL1, "rfi Who runs the portal?", "rfi");
	fx_ok(f, RS1, "rfi Is the outage national?", "rfi");
	fx_ok(f, FAC, "advance 10m", "advance");
	o = fx_ok(f, OBS, "rfis", "rfis");
	assert_int_equal(json_array_size(json_object_get(o, "rfis")), 2);
	q = json_array_get(json_object_get(o, "rfis"), 0);
	assert_string_equal(json_string_value(json_object_get(q, "id")), "RFI-1");
	assert_string_equal(json_string_value(json_object_get(q, "team")), "al");
	assert_string_equal(json_string_value(json_object_get(q, "text")), "Who runs the portal?");
	assert_int_equal(json_integer_value(json_object_get(q, "age")), 600);
	assert_non_null(strstr(f->r.text, "RFI-1  al (Alice), T+00:00:00 09:00, 10m ago"));

	fx_clear(f);
	o = fx_ok(f, FAC, "reply rfi-2 Regional only.", "reply");
	assert_string_equal(fx_str(f, "rfi"), "RFI-2");
	assert_string_equal(fx_str(f, "team"), "rs");
	ev = fx_last(f, "reply");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "rfi")), "RFI-2");
	assert_true(ev->aud.teams[1] && !ev->aud.teams[0] && ev->aud.staff);
	assert_string_equal(evt_text(ev, f->ex, NULL),
	                    "[T+00:10:00 09:10] REPLY to rs, answering RFI-2 (\"Is the outage "
	                    "national?\"):\n    Regional only.\n");
	o = fx_ok(f, FAC, "rfis", "rfis");
	assert_int_equal(json_array_size(json_object_get(o, "rfis")), 1);
	o = fx_ok(f, FAC, "rfis all", "rfis");
	assert_int_equal(json_array_size(json_object_get(o, "rfis")), 2);
	assert_int_equal(json_integer_value(json_object_get(
	                     json_array_get(json_object_get(o, "rfis"), 1), "replies")),
	                 1);
	fx_err(f, FAC, "reply RFI-3 nothing", "unknown_rfi");
	fx_err(f, FAC, "rfis some", "bad_args");
	fx_err(f, AL1, "rfis", "not_allowed");
	fx_ok(f, FAC, "reply al The ministry.", "reply");
	assert_true(json_is_null(json_object_get(f->r.obj, "rfi")));
	assert_true(json_is_null(json_object_get(fx_last(f, "reply")->obj, "rfi")));
	o = fx_ok(f, FAC, "rfis", "rfis"); /* a reply to the team answers its oldest open RFI */
	assert_int_equal(json_array_size(json_object_get(o, "rfis")), 0);
	fx_ok(f, AL1, "rfi And the backups?", "rfi");
	fx_ok(f, FAC, "reply al Later.", "reply");
	fx_ok(f, FAC, "reply al Still later.", "reply"); /* no open RFI left: nothing to close */
	o = fx_ok(f, FAC, "rfis all", "rfis");
	assert_int_equal(json_array_size(json_object_get(o, "rfis")), 3);
	assert_int_equal(json_integer_value(json_object_get(
	                     json_array_get(json_object_get(o, "rfis"), 2), "replies")),
	                 1);
}

/* advance ends with a clock event that carries the t reached, and text mode shows it. */
static void test_advance_clock(void **state)
{
	struct fx *f = *state;
	struct evt *ev;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "pause", "pause");
	fx_clear(f);
	fx_ok(f, FAC, "advance 1h", "advance");
	ev = f->ev[f->n_ev - 1];
	assert_int_equal(ev->type, EVT_CLOCK);
	assert_true(ev->aud.all);
	assert_int_equal(json_integer_value(json_object_get(ev->obj, "t")), 3600);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "state")), "paused");
	assert_string_equal(evt_text(ev, f->ex, NULL),
	                    "[T+01:00:00 10:00] CLOCK advanced by 1h, paused, speed "
	                    "60x\n");
}

/* Every inject carries the marking, the scenario's own when it sets one. */
static void test_marking(void **state)
{
	struct fx *f = *state;
	struct evt *ev;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "fire I-02", "fire");
	ev = fx_last(f, "inject");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "marking")),
	                    "EXERCISE EXERCISE EXERCISE");
	assert_non_null(strstr(evt_text(ev, f->ex, NULL), "\nEXERCISE EXERCISE EXERCISE\nINJECT"));
	f->ex->marking = strdup("ÜBUNG ÜBUNG ÜBUNG");
	fx_ok(f, FAC, "fire I-02 rs", "fire");
	ev = fx_last(f, "inject");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "marking")),
	                    "ÜBUNG ÜBUNG ÜBUNG");
	assert_non_null(strstr(evt_text(ev, f->ex, NULL), "\nÜBUNG ÜBUNG ÜBUNG\nINJECT"));
	fx_ok(f, RS1, "show I-02", "show");
	assert_non_null(strstr(f->r.text, "ÜBUNG ÜBUNG ÜBUNG\n"));
}

/* A reminder before the deadline to the teams that still owe it; login says what is owed;
 * after ENDEX nothing is pending. */
static void test_owed(void **state)
{
	struct fx *f = *state;
	struct evt *ev;
	json_t *o;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "advance 15m", "advance"); /* I-01 to al and rs, due at 45m */
	fx_ok(f, AL1, "decide I-01 isolate", "decide");
	fx_clear(f);
	fx_ok(f, FAC, "advance 24m", "advance");
	assert_int_equal(fx_count(f, "reminder"), 0);
	fx_ok(f, FAC, "advance 1m", "advance"); /* 40m: 5 minutes before */
	assert_int_equal(fx_count(f, "reminder"), 1);
	ev = fx_last(f, "reminder");
	assert_true(ev->aud.teams[1] && !ev->aud.teams[0] && !ev->aud.staff);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "inject")), "I-01");
	assert_int_equal(json_integer_value(json_object_get(ev->obj, "deadline")), 2700);
	assert_non_null(
	    strstr(evt_text(ev, f->ex, NULL), "REMINDER: your team still owes a decision on I-01"));
	assert_non_null(strstr(evt_text(ev, f->ex, NULL), "T+00:45:00, 09:45"));

	cmd_session_close(f->ex, &f->s[RS1]);
	o = fx_ok(f, RS1, "login rs rs-secret Rada", "login");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 2); /* I-03, I-01 */
	assert_non_null(strstr(f->r.text, "Your team still owes a decision on:\n"));
	assert_non_null(strstr(f->r.text, "I-01     Ransom note on the e-services portal (by "
	                                  "T+00:45:00 (2024-11-12 09:45))\n"));
	o = fx_ok(f, AL2, "login al alpha-secret Bob", "login");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
	assert_null(strstr(f->r.text, "owes"));

	fx_ok(f, FAC, "endex", "endex");
	o = fx_ok(f, RS1, "status", "status");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
	assert_non_null(strstr(f->r.text, "No decision is awaited."));
	o = fx_ok(f, FAC, "status", "status");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
	fx_ok(f, RS1, "injects", "injects");
	assert_non_null(strstr(f->r.text, "no decision recorded before ENDEX"));
	o = fx_ok(f, RS1, "show I-03", "show");
	assert_string_equal(fx_dstate(o), "closed");
	o = fx_ok(f, RS1, "login rs rs-secret Rada", "login");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
}

/* help fits 80 columns and lists only what the role may do; observers read commcheck status. */
static void test_help_observer(void **state)
{
	struct fx *f = *state;
	json_t *o;

	fx_login_all(f);
	for (int i = 0; i < N_SESSIONS; i++) {
		json_t *cmds;

		o = fx_ok(f, i, "help", "help");
		if (!fx_fits_80(f->r.text))
			fail_msg("help for session %d is wider than 80 columns:\n%s", i, f->r.text);
		cmds = json_incref(json_object_get(o, "commands")); /* o goes with the next reply */
		for (size_t k = 0; k < json_array_size(cmds); k++) {
			const char *usage =
			    json_string_value(json_object_get(json_array_get(cmds, k), "usage"));
			char line[64];
			size_t n = 0;

			/* whatever help lists, the role may run (not_allowed is never the answer):
			 * the usage up to its first placeholder, as in "commcheck status" */
			while (usage[n] != '\0' &&
			       strchr("[|ABCDEFGHIJKLMNOPQRSTUVWXYZ", usage[n]) == NULL)
				n++;
			snprintf(line, sizeof line, "%.*s", (int)n, usage);
			fx_run(f, i, line);
			if (f->r.code != NULL && strcmp(f->r.code, "not_allowed") == 0)
				fail_msg("help of session %d lists %s, which it may not use", i,
				         line);
		}
		json_decref(cmds);
	}
	fx_ok(f, OBS, "help", "help");
	assert_null(strstr(f->r.text, "  start"));
	assert_null(strstr(f->r.text, "broadcast"));
	assert_non_null(strstr(f->r.text, "rfis"));
	fx_ok(f, AL1, "help", "help");
	assert_null(strstr(f->r.text, "advance"));
	o = fx_ok(f, OBS, "commcheck status", "commcheck");
	assert_int_equal(json_array_size(json_object_get(o, "teams")), 3);
	fx_clear(f);
	fx_err(f, OBS, "commcheck", "not_allowed");
	assert_int_equal(f->n_ev, 0);
	assert_false(cmd_journaled(&f->s[OBS], "commcheck status"));
	assert_true(cmd_journaled(&f->s[FAC], "commcheck"));
}

/* An inject id that differs only in case gets a suggestion, for staff and for a team. */
static void test_inject_case(void **state)
{
	struct fx *f = *state;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_err(f, FAC, "show i-02", "unknown_inject");
	assert_non_null(strstr(fx_str(f, "message"), "did you mean I-02?"));
	fx_err(f, FAC, "fire i-02", "unknown_inject");
	assert_non_null(strstr(fx_str(f, "message"), "did you mean I-02?"));
	fx_err(f, AL1, "show i-02", "unknown_inject"); /* not reached al: no hint */
	assert_null(strstr(fx_str(f, "message"), "I-02"));
	fx_ok(f, FAC, "fire I-02", "fire");
	fx_err(f, AL1, "show i-02", "unknown_inject");
	assert_non_null(strstr(fx_str(f, "message"), "did you mean I-02?"));
	fx_err(f, FAC, "validate al i-02 met", "unknown_inject");
	assert_non_null(strstr(fx_str(f, "message"), "did you mean I-02?"));
	fx_err(f, FAC, "show X-99", "unknown_inject");
	assert_null(strstr(fx_str(f, "message"), "did you mean"));
}

/* show gives the event the team received (fired to another team than declared), and ad-hoc
 * injects appear in injects and show; times read with the in-world clock. */
static void test_show_received(void **state)
{
	struct fx *f = *state;
	unsigned char mask[3] = {1, 0, 0};
	json_t *o, *to;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "fire I-03 al", "fire"); /* declared to rs */
	o = fx_ok(f, AL1, "show I-03", "show");
	to = json_object_get(json_object_get(o, "inject"), "to");
	assert_int_equal(json_array_size(to), 1);
	assert_string_equal(json_string_value(json_array_get(to, 0)), "al");
	o = fx_ok(f, FAC, "show I-03", "show");
	to = json_object_get(json_object_get(o, "inject"), "to");
	assert_string_equal(json_string_value(json_array_get(to, 0)), "al");

	ex_send_inject(f->ex, mask,
	               &(struct ex_inject){.from = "CERT-EU",
	                                   .channel = "phone",
	                                   .subject = "Heads-up",
	                                   .body = "Watch port 445"});
	o = fx_ok(f, AL1, "injects", "injects");
	assert_int_equal(json_array_size(json_object_get(o, "injects")), 2);
	assert_non_null(strstr(f->r.text, "adhoc-1  T+00:00:00 09:00  Heads-up"));
	o = fx_ok(f, AL1, "show adhoc-1", "show");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(o, "inject"), "body")),
	    "Watch port 445");
	fx_err(f, RS1, "show adhoc-1", "unknown_inject");
	o = fx_ok(f, FAC, "injects", "injects");
	assert_non_null(strstr(f->r.text, "adhoc-1  ad hoc"));
	fx_ok(f, FAC, "show adhoc-1", "show");
	assert_non_null(strstr(f->r.text, "Sent ad hoc"));
	assert_non_null(strstr(f->r.text, "al       reached T+00:00:00 09:00"));
	fx_ok(f, FAC, "injects all", "injects");
	assert_non_null(strstr(f->r.text, "I-01     T+00:15:00 09:15"));
	assert_int_equal(f->ex->n_declared, 3);
}

/* send composes an inject on the spot, with a decision, a deadline and a default. */
static void test_steer_send(void **state)
{
	struct fx *f = *state;
	struct evt *ev;
	json_t *o, *d;

	fx_login_all(f);
	fx_err(f, FAC, "send all|SOC|email|Call|Hello", "bad_state");
	fx_ok(f, FAC, "start", "start");
	fx_err(f, FAC, "send all|SOC|email", "bad_args");
	fx_err(f, FAC, "send all|SOC|email||", "bad_args");
	fx_err(f, FAC, "send zz|SOC|email|Call|Hello", "unknown_team");
	fx_err(f, FAC, "send al|SOC|email|Call|Hello|Ok?|a=A;a=B|10m", "bad_args");
	fx_err(f, FAC, "send al|SOC|email|Call|Hello|Ok?|a=A|soon", "bad_args");
	fx_err(f, FAC, "send al|SOC|email|Call|Hello||a=A|10m", "bad_args");
	fx_err(f, OBS, "send al|SOC|email|Call|Hello", "not_allowed");
	assert_int_equal(f->ex->n_injects, 3);
	fx_clear(f);
	o = fx_ok(f, FAC,
	          "send al, rs | SOC | email | Block list | 10.0.0.1\\n10.0.0.2 | Block? | "
	          "*yes = Block them; no = Wait | 10m",
	          "send");
	assert_string_equal(json_string_value(json_object_get(o, "inject")), "adhoc-1");
	ev = fx_last(f, "inject");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "body")),
	                    "10.0.0.1\n10.0.0.2");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "from")), "SOC");
	d = json_object_get(ev->obj, "decision");
	assert_string_equal(json_string_value(json_object_get(d, "prompt")), "Block?");
	assert_int_equal(json_integer_value(json_object_get(d, "deadline")), 600);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(d, "options"), 0), "label")),
	                    "Block them");
	assert_true(ev->aud.teams[0] && ev->aud.teams[1] && !ev->aud.teams[2]);
	fx_ok(f, AL1, "decide adhoc-1 no", "decide");
	fx_ok(f, FAC, "advance 10m", "advance"); /* rs's deadline records the default */
	assert_int_equal(f->ex->injects[3].ts[1].option, 0);
	assert_int_equal(f->ex->injects[3].ts[1].timeout, 1);
	o = fx_ok(f, FAC, "send all|||Lunch|", "send");
	assert_string_equal(json_string_value(json_object_get(o, "inject")), "adhoc-2");
	assert_true(json_is_null(json_object_get(fx_last(f, "inject")->obj, "decision")));
	assert_true(cmd_journaled(&f->s[FAC], "send all|||Lunch|"));
}

/* extend moves a team's deadline later (the old one passes unnoticed); overrule replaces a
 * recorded decision. */
static void test_steer_extend_overrule(void **state)
{
	struct fx *f = *state;
	struct evt *ev;
	json_t *o;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	fx_ok(f, FAC, "advance 15m", "advance"); /* I-01 to al and rs, due at 45m */
	fx_err(f, FAC, "extend al I-01", "bad_args");
	fx_err(f, FAC, "extend al I-01 later", "bad_args");
	fx_err(f, FAC, "extend me I-01 10m", "unknown_inject");
	fx_err(f, FAC, "extend al I-02 10m", "unknown_inject");
	fx_err(f, FAC, "extend al I-9 10m", "unknown_inject");
	fx_err(f, OBS, "extend al I-01 10m", "not_allowed");
	fx_clear(f);
	o = fx_ok(f, FAC, "extend al I-01 15m", "extend");
	assert_int_equal(json_integer_value(json_object_get(o, "deadline")), 3600);
	ev = fx_last(f, "deadline");
	assert_true(ev->aud.teams[0] && !ev->aud.teams[1] && ev->aud.staff);
	assert_int_equal(json_integer_value(json_object_get(ev->obj, "previous")), 2700);
	assert_string_equal(json_string_value(json_object_get(ev->obj, "by")), "Fac");
	fx_ok(f, FAC, "advance 30m", "advance"); /* 45m: rs times out, al does not */
	assert_int_equal(f->ex->injects[0].ts[1].dstate, EX_D_DECIDED);
	assert_int_equal(f->ex->injects[0].ts[0].dstate, EX_D_PENDING);
	assert_int_equal(fx_count_to(f, "reminder", 0), 0); /* not at 40m: the deadline moved */
	fx_err(f, FAC, "extend rs I-01 10m", "deadline_passed");
	fx_err(f, FAC, "overrule al I-01 share they said so", "not_decided");
	fx_err(f, FAC, "overrule rs I-01 maybe they said so", "bad_option");
	fx_err(f, FAC, "overrule rs I-01 share", "bad_args");
	fx_clear(f);
	o = fx_ok(f, FAC, "overrule rs I-01 SHARE they phoned it in", "overrule");
	assert_string_equal(json_string_value(json_object_get(o, "option")), "share");
	ev = fx_last(f, "overrule");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "previous")), "isolate");
	assert_string_equal(json_string_value(json_object_get(ev->obj, "reason")),
	                    "they phoned it in");
	assert_true(ev->aud.teams[1] && ev->aud.staff);
	assert_int_equal(f->ex->injects[0].ts[1].option, 1);
	fx_ok(f, FAC, "advance 15m", "advance");
	assert_int_equal(f->ex->injects[0].ts[0].timeout, 1); /* al's extended deadline, at 60m */
	assert_int_equal(fx_count_to(f, "reminder", 0), 1);   /* at 55m, for the new deadline */
}

/* pending lists who owes what, soonest first; timeline gives one team's events in order. */
static void test_steer_pending_timeline(void **state)
{
	struct fx *f = *state;
	json_t *o, *p;

	fx_login_all(f);
	fx_ok(f, FAC, "start", "start");
	o = fx_ok(f, OBS, "pending", "pending");
	assert_int_equal(json_array_size(json_object_get(o, "pending")), 0);
	assert_non_null(strstr(f->r.text, "No team owes a decision."));
	fx_ok(f, FAC, "advance 15m", "advance"); /* I-03 to rs at 10m (no deadline), I-01 at 15m */
	fx_ok(f, AL1, "decide I-01 share", "decide");
	o = fx_ok(f, OBS, "pending", "pending");
	p = json_object_get(o, "pending");
	assert_int_equal(json_array_size(p), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 0), "inject")),
	                    "I-01");
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 0), "team")), "rs");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(p, 0), "deadline")),
	                 2700);
	assert_true(json_is_null(json_object_get(json_array_get(p, 1), "deadline")));
	assert_non_null(strstr(f->r.text, "rs       I-01     by T+00:45:00 09:45 (in 30m)"));
	assert_non_null(strstr(f->r.text, "rs       I-03     no deadline"));

	fx_ok(f, RS1, "rfi Is it national?", "rfi");
	fx_ok(f, AL1, "share rs we see it", "share");
	o = fx_ok(f, OBS, "timeline al", "timeline");
	p = json_object_get(o, "events");
	assert_int_equal(json_array_size(p), 5);
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 0), "type")),
	                    "join");
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 2), "type")),
	                    "inject");
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 3), "type")),
	                    "decision");
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 4), "type")),
	                    "share");
	assert_false(json_is_true(json_object_get(o, "truncated")));
	assert_non_null(strstr(f->r.text, "[T+00:15:00 09:15] INJECT I-01: Ransom note"));
	assert_null(strstr(f->r.text, "CLOCK"));
	o = fx_ok(f, FAC, "timeline rs", "timeline");
	assert_non_null(strstr(f->r.text, "RFI-1 from rs"));
	assert_non_null(strstr(f->r.text, "INJECT I-03"));
	fx_err(f, FAC, "timeline zz", "unknown_team");
	fx_err(f, AL1, "timeline al", "not_allowed");
	fx_err(f, AL1, "pending", "not_allowed");
	assert_false(cmd_journaled(&f->s[FAC], "timeline al"));
	o = fx_ok(f, FAC, "timeline me", "timeline");
	assert_non_null(strstr(f->r.text, "Nothing has happened for team me yet."));

	/* a long timeline gives its latest events, and says so */
	for (int i = 0; i < 600; i++) {
		fx_ok(f, AL1, "say still here", "say");
		if (i % 100 == 0)
			fx_clear(f);
	}
	o = fx_ok(f, FAC, "timeline al", "timeline");
	assert_int_equal(json_array_size(json_object_get(o, "events")), 500);
	assert_true(json_is_true(json_object_get(o, "truncated")));
	assert_non_null(strstr(f->r.text, "(earlier events left out; the latest 500 follow)\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_empty_line, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_command, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_not_logged_in, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_case_insensitive, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_login, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_auth_failed, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_auth_unset_secret, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_mode, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_help_roles, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_not_allowed, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_status, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_clock_commands, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_speed, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_advance, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_injects_show, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_decide, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_team_inputs, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_who, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_fire, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_white_cell, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_endex, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_endex_reason, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_teams_state, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_commcheck, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_quit, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_events_before_reply, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_session_receives, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_session_close, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_reply_error, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_text, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_lang, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_lang_one, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_lang_replies, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_fire_early, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_rfi_ids, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_advance_clock, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_marking, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_owed, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_help_observer, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_inject_case, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_show_received, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_steer_send, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_steer_extend_overrule, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_steer_pending_timeline, fx_setup, fx_teardown),
	    cmocka_unit_test(test_evt_derived),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
