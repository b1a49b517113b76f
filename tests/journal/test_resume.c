/*
 * End to end: `tabletop run --journal` killed with SIGKILL after every step of a scripted
 * exercise, resumed with --resume, must be in the state of an uninterrupted run; real-time ticks
 * survive a kill too; and the command line refuses what it must.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "../common/spawn.h"
#include "../net/harness.h"

#define WAIT 10000

/* A running server: its process, its output so far and its port. */
struct srv {
	pid_t pid;
	int out;
	int port;
	char text[8192];
};

/* Who types a step. */
enum { AL, BT, FAC };

/* One step of the scripted exercise. */
struct step {
	int who;
	const char *line;
};

/*
 * The script: every kind of input, timers, random numbers, deadlines, a `when`, the hotwash, and
 * the white cell's steering (extend, overrule, reply to an RFI, an inject sent on the spot).
 */
static const struct step script[] = {
    {FAC, "commcheck"},
    {AL, "ack"},
    {FAC, "start"},
    {FAC, "advance 10m"},
    {AL, "decide I-01 share"},
    {FAC, "extend bt I-01 10m"},
    {FAC, "overrule al I-01 isolate they phoned in a correction"},
    {BT, "share al we see it too"},
    {FAC, "advance 16m"},
    {BT, "decide I-01 share"},
    {AL, "share all indicators attached"},
    {FAC, "score bt -2 slow"},
    {FAC, "note Bravo hesitated"},
    {FAC, "validate al I-01 met good call"},
    {BT, "rfi who owns the portal?"},
    {FAC, "reply bt the ministry"},
    {FAC, "reply RFI-1 the ministry, really"},
    {FAC, "send all|SOC|email|Heads-up|Line one\\nLine two|Block?|*yes=Block it;no=Wait|15m"},
    {FAC, "pause"},
    {FAC, "advance 30m"},
    {FAC, "speed 0.02"},
    {BT, "action isolating the server"},
    {FAC, "resume"},
    {FAC, "advance 30m"},
    {FAC, "fire I-04"},
    {FAC, "broadcast heads up"},
    {AL, "say we are fine"},
    {AL, "decide I-04 ok"},
    {BT, "decide I-01 isolate"},
    {FAC, "endex done"},
    {AL, "answer 1 sharing worked"},
    {BT, "answer 2 faster decisions"},
    {FAC, "note wrap-up"},
};

#define N_STEPS (sizeof script / sizeof script[0])

/* A fixture file of tests/journal/fixtures. */
static const char *fx_path(const char *name)
{
	static char path[1024];

	snprintf(path, sizeof path, "%s/tests/journal/fixtures/%s",
	         getenv("SRCDIR") ? getenv("SRCDIR") : ".", name);
	return path;
}

/* Start `tabletop run ARGS... --listen 127.0.0.1:0 --no-console` (args NULL-ended) and wait
 * until it says "Ctrl-C ends the server."; fails the test if it exits first. */
static void srv_start(struct srv *s, ...)
{
	char *argv[32] = {getenv("TABLETOP"), "run"};
	int n = 2;
	const char *a;
	va_list ap;

	memset(s, 0, sizeof *s);
	va_start(ap, s);
	while ((a = va_arg(ap, const char *)) != NULL && n < 28)
		argv[n++] = (char *)a;
	va_end(ap);
	argv[n++] = "--listen";
	argv[n++] = "127.0.0.1:0";
	argv[n++] = "--no-console";
	argv[n] = NULL;
	assert_non_null(argv[0]);
	s->pid = spawn_server(argv, SPAWN_STDERR, &s->out, s->text, sizeof s->text, WAIT);
	if (s->pid < 0)
		fail_msg("tabletop run did not start: %s", s->text);
	s->port = spawn_port(s->text, false);
	assert_true(s->port > 0);
}

/* Kill the server with SIGKILL and reap it. */
static void srv_kill(struct srv *s)
{
	int status;

	kill(s->pid, SIGKILL);
	assert_int_equal(waitpid(s->pid, &status, 0), s->pid);
	assert_true(WIFSIGNALED(status));
	close(s->out);
}

/* Stop the server with SIGTERM; returns its exit status. */
static int srv_stop(struct srv *s)
{
	int status;

	kill(s->pid, SIGTERM);
	assert_int_equal(waitpid(s->pid, &status, 0), s->pid);
	close(s->out);
	return spawn_status(status);
}

/* The reply to the command just sent (events before it are skipped); a new reference. */
static json_t *cl_reply(struct hcl *c)
{
	double end = h_now_ms() + WAIT;
	const char *l;

	while ((l = h_line(c, (int)(end - h_now_ms()))) != NULL) {
		json_t *o = json_loads(l, 0, NULL);
		const char *t = json_string_value(json_object_get(o, "type"));

		if (t != NULL && (strcmp(t, "ok") == 0 || strcmp(t, "error") == 0))
			return o;
		json_decref(o);
	}
	fail_msg("no reply within %d ms", WAIT);
	return NULL;
}

/* Connect in JSON mode as who. */
static void cl_join(struct hcl *c, const struct srv *s, int who)
{
	static const char *const login[] = {"login al alpha-1 Ann", "login bt bravo-2 Bob",
	                                    "login facilitator white-cell Dana"};
	struct hsrv hs = {.port = s->port};
	json_t *o;

	h_connect(c, &hs);
	h_send(c, "mode json");
	json_decref(cl_reply(c));
	h_send(c, "%s", login[who]);
	o = cl_reply(c);
	assert_string_equal(json_string_value(json_object_get(o, "type")), "ok");
	json_decref(o);
}

/* Run one step on the server; returns its reply (a new reference). */
static json_t *cl_step(const struct srv *s, const struct step *st)
{
	struct hcl c;
	json_t *o;

	cl_join(&c, s, st->who);
	h_send(&c, "%s", st->line);
	o = cl_reply(&c);
	h_close(&c);
	return o;
}

/* Send a command on c and add its reply to state under key. */
static void cl_ask(struct hcl *c, json_t *state, const char *key, const char *line)
{
	json_t *o;

	h_send(c, "%s", line);
	o = cl_reply(c);
	assert_string_equal(json_string_value(json_object_get(o, "type")), "ok");
	json_object_set_new(state, key, o);
}

/* Everything the facilitators can read: clock, teams (without who is online), the scenario's
 * state, every inject and every team's decisions on it. */
static json_t *cl_state(const struct srv *s)
{
	static const char *const injects[] = {"I-01", "I-02", "I-03", "I-04"};
	json_t *state = json_object(), *teams, *t;
	struct hcl c;
	size_t i;

	cl_join(&c, s, FAC);
	cl_ask(&c, state, "status", "status");
	cl_ask(&c, state, "teams", "teams");
	cl_ask(&c, state, "state", "state");
	cl_ask(&c, state, "injects", "injects all");
	cl_ask(&c, state, "rfis", "rfis all");
	cl_ask(&c, state, "pending", "pending");
	cl_ask(&c, state, "timeline", "timeline bt");
	for (i = 0; i < sizeof injects / sizeof injects[0]; i++) {
		char line[32];

		snprintf(line, sizeof line, "show %s", injects[i]);
		cl_ask(&c, state, injects[i], line);
	}
	h_close(&c);
	teams = json_object_get(json_object_get(state, "teams"), "teams");
	json_array_foreach(teams, i, t) json_object_del(t, "members");
	return state;
}

/* The clock state in a state dump. */
static const char *cl_clock(json_t *state)
{
	return json_string_value(json_object_get(json_object_get(state, "status"), "state"));
}

/* Fail with both states when they differ. */
static void assert_same_state(json_t *got, json_t *want, const char *what)
{
	if (!json_equal(got, want)) {
		char *a = json_dumps(got, JSON_SORT_KEYS), *b = json_dumps(want, JSON_SORT_KEYS);

		fail_msg("%s:\n got  %s\n want %s", what, a, b);
	}
}

/* A fresh journal path in a new temporary directory (dir gets the directory). */
static void fx_journal(char *dir, char *path, size_t n)
{
	strcpy(dir, "/tmp/tabletop-resume-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, n, "%s/j.jsonl", dir);
}

/* Remove a temporary directory and what it holds. */
static void fx_rmdir(const char *dir)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Killed with SIGKILL after each step and resumed, the exercise is the uninterrupted one. */
static void test_kill_every_step(void **state)
{
	json_t *want[N_STEPS], *codes[N_STEPS];
	char dir[64], path[96];
	struct srv s;

	(void)state;
	fx_journal(dir, path, sizeof path);
	srv_start(&s, fx_path("drill.lua"), NULL);
	for (size_t i = 0; i < N_STEPS; i++) {
		codes[i] = cl_step(&s, &script[i]);
		want[i] = cl_state(&s);
	}
	assert_int_equal(srv_stop(&s), 0);
	assert_string_equal(cl_clock(want[N_STEPS - 1]), "ended");

	srv_start(&s, fx_path("drill.lua"), "--journal", path, NULL);
	for (size_t i = 0; i < N_STEPS; i++) {
		json_t *code = cl_step(&s, &script[i]), *got;
		char what[160];

		snprintf(what, sizeof what, "reply to step %zu (%s)", i + 1, script[i].line);
		assert_same_state(code, codes[i], what);
		srv_kill(&s);
		if (i % 2 == 0)
			srv_start(&s, "--journal", path, "--resume", NULL);
		else
			srv_start(&s, fx_path("drill.lua"), "--journal", path, "--resume", NULL);
		assert_non_null(strstr(s.text, "resumed from"));
		got = cl_state(&s);
		if (strcmp(cl_clock(want[i]), "running") == 0) {
			struct step resume = {FAC, "resume"};

			assert_string_equal(cl_clock(got), "paused");
			json_decref(cl_step(&s, &resume));
			json_decref(got);
			got = cl_state(&s);
		}
		snprintf(what, sizeof what, "state after step %zu (%s), killed and resumed", i + 1,
		         script[i].line);
		assert_same_state(got, want[i], what);
		json_decref(got);
		json_decref(code);
	}
	assert_int_equal(srv_stop(&s), 0);
	for (size_t i = 0; i < N_STEPS; i++) {
		json_decref(want[i]);
		json_decref(codes[i]);
	}
	fx_rmdir(dir);
}

/* The t of the last tick line of a journal, or -1. */
static long fx_last_tick(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	long t = -1;

	assert_non_null(f);
	while (getline(&line, &cap, f) > 0) {
		json_t *o = json_loads(line, 0, NULL);

		if (strcmp(json_string_value(json_object_get(o, "type")), "tick") == 0)
			t = (long)json_integer_value(json_object_get(o, "t"));
		json_decref(o);
	}
	free(line);
	fclose(f);
	return t;
}

/* Send a command on c, wait for its reply, then for an event holding needle. */
static void cl_await(struct hcl *c, const char *line, const char *needle)
{
	h_send(c, "%s", line);
	json_decref(cl_reply(c));
	h_expect(c, needle, WAIT);
}

/* Real-time ticks are journaled: killed while paused or while running, nothing is lost. */
static void test_kill_while_ticking(void **state)
{
	char dir[64], path[96];
	struct srv s;
	struct hcl c;
	json_t *before, *after;
	long t;

	(void)state;
	fx_journal(dir, path, sizeof path);
	srv_start(&s, fx_path("drill.lua"), "--journal", path, "--speed", "3000", NULL);
	cl_join(&c, &s, FAC);
	cl_await(&c, "start", "\"id\":\"I-01\"");
	h_send(&c, "pause");
	json_decref(cl_reply(&c));
	h_close(&c);
	before = cl_state(&s);
	srv_kill(&s);
	assert_true(fx_last_tick(path) >= 600);
	srv_start(&s, "--journal", path, "--resume", NULL);
	after = cl_state(&s);
	assert_same_state(after, before, "killed while paused after real-time ticks");
	json_decref(before);
	json_decref(after);

	cl_join(&c, &s, FAC);
	h_send(&c, "resume");
	h_expect(&c, "\"id\":\"I-02\"", WAIT);
	srv_kill(&s); /* while the clock runs */
	h_close(&c);
	t = fx_last_tick(path);
	assert_true(t >= 3000);
	srv_start(&s, "--journal", path, "--resume", NULL);
	after = cl_state(&s);
	assert_string_equal(cl_clock(after), "paused");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(after, "status"), "t")),
	                 t);
	json_decref(after);
	assert_int_equal(srv_stop(&s), 0);
	fx_rmdir(dir);
}

/* The command line: what --journal and --resume refuse, with the right exit status. */
static void test_command_line(void **state)
{
	char dir[64], path[96], bad[128], copy[128], err[4096], cmd[2200];
	const char *drill = fx_path("drill.lua");
	struct srv s;
	FILE *f;

	(void)state;
	fx_journal(dir, path, sizeof path);
	assert_int_equal(h_run(err, sizeof err, "run", drill, "--resume", NULL), 2);
	assert_non_null(strstr(err, "--resume needs --journal"));
	assert_int_equal(h_run(err, sizeof err, "run", drill, "--journal", path, "--force", NULL),
	                 2);
	assert_non_null(strstr(err, "--force goes with --resume"));
	assert_int_equal(
	    h_run(err, sizeof err, "run", "--journal", path, "--resume", "--seed", "3", NULL), 2);
	assert_non_null(strstr(err, "--seed"));
	assert_int_equal(h_run(err, sizeof err, "run", "--journal", path, "--resume", NULL), 1);
	assert_non_null(strstr(err, "cannot read the journal"));
	assert_int_equal(
	    h_run(err, sizeof err, "simulate", drill, "--journal", path, "--runs", "2", NULL), 2);
	assert_non_null(strstr(err, "--journal records a single run"));

	snprintf(copy, sizeof copy, "%s/drill.lua", dir);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", drill, copy);
	assert_int_equal(system(cmd), 0);
	srv_start(&s, copy, "--journal", path, NULL);
	assert_int_equal(srv_stop(&s), 0);
	assert_int_equal(h_run(err, sizeof err, "run", copy, "--journal", path, NULL), 1);
	assert_non_null(strstr(err, "journal exists; use --resume to continue it"));
	f = fopen(copy, "a");
	fputs("-- edited\n", f);
	fclose(f);
	assert_int_equal(h_run(err, sizeof err, "run", "--journal", path, "--resume", NULL), 1);
	assert_non_null(strstr(err, "use --force"));
	srv_start(&s, "--journal", path, "--resume", "--force", NULL);
	assert_int_equal(srv_stop(&s), 0);
	unlink(copy);
	assert_int_equal(h_run(err, sizeof err, "run", "--journal", path, "--resume", NULL), 1);
	assert_non_null(strstr(err, "give its path"));
	srv_start(&s, drill, "--journal", path, "--resume", "--force", NULL);
	assert_int_equal(srv_stop(&s), 0);
	unlink(path);
	srv_start(&s, drill, "--journal", path, "--autostart", NULL);
	assert_int_equal(srv_stop(&s), 0);
	f = fopen(path, "r");
	err[fread(err, 1, sizeof err - 1, f)] = '\0';
	fclose(f);
	assert_non_null(strstr(err, "{\"type\":\"in\",\"sess\":0,\"role\":\"facilitator\","
	                            "\"team\":null,\"name\":\"tabletop\",\"line\":\"start\","
	                            "\"seq\":2}\n"));

	snprintf(bad, sizeof bad, "%s/bad.jsonl", dir);
	f = fopen(bad, "w");
	fputs("{\"type\":\"journal\",\"version\":1,\"scenario\":\"x\",\"sha256\":"
	      "\"0000000000000000000000000000000000000000000000000000000000000000\",\"seed\":1}\n"
	      "{\"type\":\"tick\",\"t\":60}\n{oops\n",
	      f);
	fclose(f);
	assert_int_equal(
	    h_run(err, sizeof err, "run", drill, "--journal", bad, "--resume", "--force", NULL), 1);
	assert_non_null(strstr(err, "bad.jsonl:3: not JSON"));
	fx_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kill_every_step),
	    cmocka_unit_test(test_kill_while_ticking),
	    cmocka_unit_test(test_command_line),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
