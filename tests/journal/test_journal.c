/*
 * The journal in-process: header and SHA-256, never overwriting, the lock, replay equal to the
 * live exercise at every batch boundary, the cut-off last line, bad journals, another scenario,
 * a divergence, and simulate --journal.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli_simulate.h"
#include "core/cmd.h"
#include "journal/journal.h"
#include "journal/replay.h"
#include "lua/scenario.h"

#define MAX_POINTS 128

/* A live exercise being journaled, with one session per participant, and what it was at each
 * batch boundary. */
struct live {
	char dir[64], path[96];
	struct scenario *sc;
	struct exercise *ex;
	struct journal *j;
	struct cmd_session s[4]; /* al, bt, facilitator, observer */
	json_t *dump[MAX_POINTS];
	long long size[MAX_POINTS];
	int n;
};

enum { AL, BT, FAC, OBS };

/* A fixture file of tests/journal/fixtures. */
static const char *fx_path(const char *name)
{
	static char path[2][1024];
	static int k;

	k = !k;
	snprintf(path[k], sizeof path[k], "%s/tests/journal/fixtures/%s",
	         getenv("SRCDIR") ? getenv("SRCDIR") : ".", name);
	return path[k];
}

/* Load a scenario with its own seed; fails the test if it cannot. */
static struct scenario *fx_load(const char *path)
{
	struct scenario_limits lim;
	struct scenario *sc;

	scenario_limits_default(&lim);
	sc = scenario_load(path, &lim, -1, NULL);
	assert_non_null(sc);
	return sc;
}

/* A file's size in bytes. */
static long long fx_size(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return (long long)st.st_size;
}

/* The whole of a file, NUL-ended (to free). */
static char *fx_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	long long n = fx_size(path);
	char *buf = malloc((size_t)n + 1);

	assert_non_null(f);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Write text to path. */
static void fx_write(const char *path, const char *text, const char *mode)
{
	FILE *f = fopen(path, mode);

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* What an err stream caught, as a string (to free): the stream is closed. */
static char *fx_caught(FILE *f)
{
	long n = ftell(f);
	char *buf = malloc((size_t)n + 1);

	rewind(f);
	buf[fread(buf, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return buf;
}

/* Everything the exercise is, canonically: the clock, teams, injects per team, the queue, the
 * scenario's state. */
static json_t *fx_dump(struct exercise *ex)
{
	json_t *teams = json_array(), *injects = json_array(), *queue = json_array();
	json_t *st = ex->hooks.state != NULL ? ex->hooks.state(ex->hooks.ctx, ex) : NULL;

	for (int i = 0; i < ex->n_teams; i++)
		json_array_append_new(
		    teams, json_pack("[I,b]", (json_int_t)ex->teams[i].score, ex->teams[i].acked));
	for (int i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *in = &ex->injects[i];
		json_t *ts = json_array();

		for (int k = 0; in->ts != NULL && k < ex->n_teams; k++)
			json_array_append_new(ts, json_pack("[i,i,i,i,i,i]", in->ts[k].fired_at,
			                                    in->ts[k].deadline,
			                                    in->ts[k].decided_at, in->ts[k].option,
			                                    in->ts[k].dstate, in->ts[k].timeout));
		json_array_append_new(injects,
		                      json_pack("{s:i,s:o}", "fired", in->times_fired, "ts", ts));
	}
	for (size_t i = 0; i < ex->q.n; i++) {
		const struct queue_item *q = &ex->q.v[i];

		json_array_append_new(queue, json_pack("[I,I,i,i,i,I]", (json_int_t)q->t,
		                                       (json_int_t)q->seq, q->kind, q->a, q->b,
		                                       (json_int_t)q->c));
	}
	return json_pack("{s:s,s:I,s:f,s:s?,s:s?,s:I,s:I,s:I,s:o,s:o,s:o,s:o}", "state",
	                 ex_state_name(ex->state), "t", (json_int_t)ex->t, "speed", ex->speed,
	                 "phase", ex->phase, "end", ex->end_reason, "rfis", (json_int_t)ex->n_rfis,
	                 "fired", (json_int_t)ex->n_fired, "decided", (json_int_t)ex->n_decided,
	                 "teams", teams, "injects", injects, "queue", queue, "lua",
	                 st != NULL ? st : json_null());
}

/* Remember the exercise and the journal's size now: a batch boundary. */
static void live_point(struct live *l)
{
	assert_int_equal(journal_sync(l->j), 0);
	assert_true(l->n < MAX_POINTS);
	l->dump[l->n] = fx_dump(l->ex);
	l->size[l->n++] = fx_size(l->path);
}

/* Type a line as session who, journaled as net does it; returns the error code or NULL. */
static const char *live_in(struct live *l, int who, const char *line)
{
	static char code[64];
	struct cmd_reply r;

	if (cmd_journaled(&l->s[who], line))
		journal_input(l->j, &l->s[who], line);
	cmd_exec(l->ex, NULL, &l->s[who], line, &r);
	if (r.code == NULL && strncmp(line, "login", 5) == 0)
		journal_login(l->j, &l->s[who]);
	snprintf(code, sizeof code, "%s", r.code != NULL ? r.code : "");
	cmd_reply_free(&r);
	live_point(l);
	return code[0] != '\0' ? code : NULL;
}

/* n real-time ticks, journaled as pace does it. */
static void live_ticks(struct live *l, int n)
{
	for (int i = 0; i < n; i++) {
		journal_tick(l->j, l->ex->t + l->ex->tick);
		ex_tick(l->ex);
	}
	live_point(l);
}

/* Start a journaled drill.lua in a new temporary directory. */
static void live_start(struct live *l)
{
	memset(l, 0, sizeof *l);
	snprintf(l->dir, sizeof l->dir, "/tmp/tabletop-journal-XXXXXX");
	assert_non_null(mkdtemp(l->dir));
	snprintf(l->path, sizeof l->path, "%s/j.jsonl", l->dir);
	l->sc = fx_load(fx_path("drill.lua"));
	l->ex = scenario_exercise(l->sc);
	l->j = journal_create(l->path, l->ex, fx_path("drill.lua"), "hint", stderr);
	assert_non_null(l->j);
	journal_attach(l->j, l->ex);
	for (int i = 0; i < 4; i++)
		cmd_session_init(&l->s[i], (unsigned long)i + 1);
	live_point(l);
}

/* Play the drill: every kind of input, real-time ticks among them, to the hotwash. */
static void live_play(struct live *l)
{
	assert_null(live_in(l, FAC, "login facilitator white-cell Dana"));
	assert_null(live_in(l, OBS, "login observer watcher Eve"));
	assert_null(live_in(l, AL, "login al alpha-1 Ann"));
	assert_null(live_in(l, BT, "login bt bravo-2"));
	assert_null(live_in(l, FAC, "commcheck"));
	assert_null(live_in(l, AL, "ack"));
	assert_null(live_in(l, FAC, "start"));
	live_ticks(l, 10);
	assert_null(live_in(l, AL, "decide I-01 share"));
	assert_null(live_in(l, BT, "share al we see it too"));
	live_ticks(l, 3);
	assert_string_equal(live_in(l, OBS, "note observers change nothing"), "not_allowed");
	assert_null(live_in(l, AL, "share all indicators attached"));
	assert_null(live_in(l, BT, "rfi who owns the portal?"));
	assert_null(live_in(l, FAC, "reply bt the ministry"));
	assert_null(live_in(l, FAC, "pause"));
	assert_null(live_in(l, FAC, "advance 20m"));
	assert_null(live_in(l, FAC, "speed 2"));
	assert_null(live_in(l, FAC, "resume"));
	live_ticks(l, 25);
	assert_null(live_in(l, BT, "decide I-02 1"));
	assert_null(live_in(l, FAC, "note Bravo answered the press"));
	assert_null(live_in(l, FAC, "validate bt I-02 missed should not comment"));
	assert_null(live_in(l, FAC, "fire I-04"));
	assert_null(live_in(l, FAC, "score bt -2 slow"));
	assert_null(live_in(l, AL, "say on it"));
	assert_null(live_in(l, AL, "action patching"));
	assert_null(live_in(l, FAC, "broadcast halfway"));
	assert_string_equal(live_in(l, AL, "decide I-01 isolate"), "already_decided");
	assert_null(live_in(l, BT, "login al alpha-1 Bob"));
	assert_null(live_in(l, FAC, "endex done"));
	assert_null(live_in(l, AL, "answer 1 the sharing"));
	assert_null(live_in(l, BT, "answer 2 fewer meetings"));
}

/* Free what the live exercise holds and remove its files. */
static void live_end(struct live *l)
{
	char cmd[160];

	for (int i = 0; i < 4; i++)
		cmd_session_close(l->ex, &l->s[i]);
	if (l->j != NULL)
		assert_int_equal(journal_close(l->j), 0);
	scenario_free(l->sc);
	for (int i = 0; i < l->n; i++)
		json_decref(l->dump[i]);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", l->dir);
	assert_int_equal(system(cmd), 0);
}

/* Replay the journal at path into a fresh scenario; the exercise's dump (to free). */
static json_t *fx_replay(const char *path, struct replay *r, FILE *err)
{
	struct scenario *sc;
	json_t *dump;

	assert_int_equal(replay_read(path, r, NULL, NULL, err), 0);
	sc = replay_load(r, path, NULL, false, err);
	assert_non_null(sc);
	assert_int_equal(replay_run(path, scenario_exercise(sc), r, err), 0);
	dump = fx_dump(scenario_exercise(sc));
	scenario_free(sc);
	return dump;
}

/* The SHA-256 of a file is the one of its bytes. */
static void test_sha256(void **state)
{
	char path[] = "/tmp/tabletop-sha-XXXXXX", hex[65];
	int fd = mkstemp(path);

	(void)state;
	assert_int_equal(write(fd, "abc", 3), 3);
	close(fd);
	assert_int_equal(journal_sha256(path, hex, stderr), 0);
	assert_string_equal(hex,
	                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	unlink(path);
	assert_int_equal(journal_sha256(path, hex, fopen("/dev/null", "w")), -1);
}

/* The header: version, tabletop, scenario and its SHA-256, seed, and what report needs. */
static void test_header(void **state)
{
	struct live l;
	struct replay r = {0};
	char sha[65];
	json_t *h, *teams;

	(void)state;
	live_start(&l);
	assert_int_equal(replay_read(l.path, &r, NULL, NULL, stderr), 0);
	h = r.header;
	assert_string_equal(json_string_value(json_object_get(h, "type")), "journal");
	assert_int_equal(json_integer_value(json_object_get(h, "version")), 1);
	assert_string_equal(json_string_value(json_object_get(h, "tabletop")), TABLETOP_VERSION);
	assert_string_equal(json_string_value(json_object_get(h, "scenario")),
	                    fx_path("drill.lua"));
	assert_int_equal(journal_sha256(fx_path("drill.lua"), sha, stderr), 0);
	assert_string_equal(json_string_value(json_object_get(h, "sha256")), sha);
	assert_int_equal(json_integer_value(json_object_get(h, "seed")), 7);
	assert_string_equal(json_string_value(json_object_get(h, "title")), "Journal drill");
	assert_string_equal(json_string_value(json_object_get(h, "start")), "2024-11-12 09:00");
	assert_int_equal(json_integer_value(json_object_get(h, "duration")), 14400);
	assert_int_equal(json_integer_value(json_object_get(h, "tick")), 60);
	assert_true(json_real_value(json_object_get(h, "speed")) == 0.01);
	teams = json_object_get(h, "teams");
	assert_int_equal(json_array_size(teams), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(teams, 1), "name")),
	                    "Bravo CERT");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(h, "objectives"), 0), "id")),
	                    "O1");
	assert_string_equal(json_string_value(json_array_get(json_object_get(h, "hotwash"), 1)),
	                    "What would you change?");
	assert_int_equal(r.lines, 1);
	replay_free(&r);
	live_end(&l);
}

/* A journal that exists and is not empty is never overwritten; an empty one is used. */
static void test_never_overwrite(void **state)
{
	struct live l;
	FILE *err = tmpfile();
	char *before, *after, *msg, empty[128];
	struct journal *j;

	(void)state;
	live_start(&l);
	assert_int_equal(journal_close(l.j), 0);
	l.j = NULL;
	before = fx_slurp(l.path);
	assert_null(journal_create(l.path, l.ex, fx_path("drill.lua"), "use --resume", err));
	after = fx_slurp(l.path);
	assert_string_equal(before, after);
	msg = fx_caught(err);
	assert_non_null(strstr(msg, "journal exists; use --resume"));
	snprintf(empty, sizeof empty, "%s/empty.jsonl", l.dir);
	fx_write(empty, "", "w");
	j = journal_create(empty, l.ex, fx_path("drill.lua"), "x", stderr);
	assert_non_null(j);
	assert_int_equal(journal_close(j), 0);
	assert_true(fx_size(empty) > 100);
	free(before);
	free(after);
	free(msg);
	live_end(&l);
}

/* A journal that cannot be written is refused at once, saying why. */
static void test_write_error(void **state)
{
	struct scenario *sc = fx_load(fx_path("drill.lua"));
	FILE *err = stderr;
	int saved = dup(2), fd[2];
	char msg[512] = "";
	ssize_t n;

	(void)state;
	if (access("/dev/full", W_OK) != 0) {
		scenario_free(sc);
		return; /* nothing to write to here (cmocka's skip() reads as a failure in meson's TAP) */
	}
	assert_int_equal(pipe(fd), 0);
	dup2(fd[1], 2);
	assert_null(
	    journal_create("/dev/full", scenario_exercise(sc), fx_path("drill.lua"), "x", err));
	fflush(stderr);
	dup2(saved, 2);
	close(fd[1]);
	n = read(fd[0], msg, sizeof msg - 1);
	msg[n > 0 ? n : 0] = '\0';
	close(fd[0]);
	close(saved);
	assert_non_null(strstr(msg, "journal /dev/full: write failed: No space left on device"));
	assert_null(strstr(msg, "goes on"));
	scenario_free(sc);
}

/* A journal being appended to is locked against a second writer. */
static void test_lock(void **state)
{
	struct live l;
	FILE *err = tmpfile();
	char *msg;

	(void)state;
	live_start(&l);
	assert_null(journal_reopen(l.path, fx_size(l.path), err));
	msg = fx_caught(err);
	assert_non_null(strstr(msg, "in use by another tabletop"));
	free(msg);
	live_end(&l);
}

/* The replay of the journal cut at any batch boundary is the live exercise at that point. */
static void test_replay_every_boundary(void **state)
{
	struct live l;
	char cut[128];
	char *all;

	(void)state;
	live_start(&l);
	live_play(&l);
	assert_true(l.n >= 30);
	all = fx_slurp(l.path);
	snprintf(cut, sizeof cut, "%s/cut.jsonl", l.dir);
	for (int i = 0; i < l.n; i++) {
		struct replay r = {0};
		FILE *f = fopen(cut, "w");
		json_t *dump;

		fwrite(all, 1, (size_t)l.size[i], f);
		fclose(f);
		dump = fx_replay(cut, &r, stderr);
		if (!json_equal(dump, l.dump[i])) {
			char *a = json_dumps(dump, JSON_COMPACT),
			     *b = json_dumps(l.dump[i], JSON_COMPACT);

			fail_msg("boundary %d: replay %s\nlive %s", i, a, b);
		}
		assert_int_equal(r.diverged, 0);
		assert_false(r.partial);
		json_decref(dump);
		replay_free(&r);
	}
	free(all);
	live_end(&l);
}

/* Members online are not restored; the session numbers are known to continue after them. */
static void test_replay_sessions(void **state)
{
	struct live l;
	struct replay r = {0};
	struct scenario *sc;

	(void)state;
	live_start(&l);
	live_play(&l);
	assert_int_equal(replay_read(l.path, &r, NULL, NULL, stderr), 0);
	sc = replay_load(&r, l.path, NULL, false, stderr);
	assert_int_equal(replay_run(l.path, scenario_exercise(sc), &r, stderr), 0);
	assert_int_equal(r.max_sess, 4);
	assert_int_equal(scenario_exercise(sc)->teams[0].members, 0);
	assert_true(l.ex->teams[0].members > 0);
	assert_null(scenario_exercise(sc)->sink);
	scenario_free(sc);
	replay_free(&r);
	live_end(&l);
}

/* A cut-off last line: read up to it with a warning; reopening cuts it off, appending goes on. */
static void test_partial_line(void **state)
{
	struct live l;
	struct replay r = {0};
	FILE *err = tmpfile();
	long long whole;
	char *msg, want[160];
	json_t *dump;

	(void)state;
	live_start(&l);
	assert_null(live_in(&l, FAC, "login facilitator white-cell Dana"));
	assert_null(live_in(&l, FAC, "start"));
	assert_int_equal(journal_close(l.j), 0);
	l.j = NULL;
	whole = fx_size(l.path);
	fx_write(l.path, "{\"type\":\"in\",\"sess\":1,\"role\":\"facilit", "a");
	dump = fx_replay(l.path, &r, err);
	assert_true(json_equal(dump, l.dump[l.n - 1]));
	json_decref(dump);
	msg = fx_caught(err);
	snprintf(want, sizeof want, "%s:%ld: warning: the last line is cut off", l.path,
	         r.lines + 1);
	assert_non_null(strstr(msg, want));
	assert_true(r.partial);
	assert_int_equal(r.keep, whole);
	free(msg);

	l.j = journal_reopen(l.path, r.keep, stderr);
	assert_non_null(l.j);
	assert_int_equal(fx_size(l.path), whole);
	journal_resume(l.j, 0);
	assert_int_equal(journal_close(l.j), 0);
	l.j = NULL;
	err = tmpfile();
	dump = fx_replay(l.path, &r, err);
	json_decref(dump);
	msg = fx_caught(err);
	assert_string_equal(msg, "");
	assert_false(r.partial);
	free(msg);
	replay_free(&r);
	live_end(&l);
}

/* Bad journals: each refused with FILE:LINE: and a message that says what is wrong. */
static void test_bad_journals(void **state)
{
	static const char *const cases[][3] = {
	    {"", "", "empty file: not a tabletop journal"},
	    {"{\"type\":\"tick\",\"t\":60}\n", ":1:", "not a tabletop journal"},
	    {"HEADER\n{\"type\":\"tick\",\"t\":60}\nnot json\n", ":3:", "not JSON"},
	    {"HEADER\n[1,2]\n", ":2:", "a JSON object with a \"type\" is expected"},
	    {"HEADER\n{\"t\":5}\n", ":2:", "a JSON object with a \"type\""},
	    {"HEADER\nHEADER\n", ":2:", "a second journal header"},
	    {"HEADER\n{\"type\":\"in\",\"sess\":1,\"role\":\"team\",\"team\":\"zz\",\"name\":\"x\","
	     "\"line\":\"say hi\"}\n",
	     ":2:", "team \"zz\" is not in the scenario"},
	    {"HEADER\n{\"type\":\"in\",\"sess\":1,\"role\":\"team\",\"team\":\"al\",\"name\":\"x\"}"
	     "\n",
	     ":2:", "needs the command's \"line\""},
	    {"HEADER\n{\"type\":\"login\",\"sess\":1,\"role\":\"team\",\"team\":null,\"name\":"
	     "\"x\"}\n",
	     ":2:", "role \"team\" does not go with team null"},
	    {"HEADER\n{\"type\":\"tick\",\"t\":\"soon\"}\n", ":2:", "needs a whole \"t\""},
	    {"{\"type\":\"journal\",\"version\":2}\n", ":1:", "format version is not 1"},
	    {"{\"type\":\"journal\",\"version\":1,\"scenario\":\"x.lua\",\"sha256\":\"abc\","
	     "\"seed\":1}\n",
	     ":1:", "no valid \"sha256\""},
	    {"{\"type\":\"journal\",\"version\":1", ":1:", "the header is cut off"},
	};
	struct live l;
	char *header, bad[128];

	(void)state;
	live_start(&l);
	header = fx_slurp(l.path);
	header[strlen(header) - 1] = '\0';
	snprintf(bad, sizeof bad, "%s/bad.jsonl", l.dir);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct replay r = {0};
		struct scenario *sc = fx_load(fx_path("drill.lua"));
		FILE *f = fopen(bad, "w"), *err = tmpfile();
		char want[256], *msg;
		int rc;

		for (const char *p = cases[i][0]; *p != '\0'; p++)
			if (strncmp(p, "HEADER", 6) == 0) {
				fputs(header, f);
				p += 5;
			} else {
				fputc(*p, f);
			}
		fclose(f);
		rc = replay_read(bad, &r, NULL, NULL, err);
		if (rc == 0)
			rc = replay_run(bad, scenario_exercise(sc), &r, err);
		msg = fx_caught(err);
		snprintf(want, sizeof want, "%s%s", bad, cases[i][1]);
		if (rc != -1 || strstr(msg, want) == NULL || strstr(msg, cases[i][2]) == NULL)
			fail_msg("case %zu: rc %d, message: %s", i, rc, msg);
		free(msg);
		replay_free(&r);
		scenario_free(sc);
	}
	free(header);
	live_end(&l);
}

/* A journal of another scenario (its SHA-256 differs) is refused unless forced. */
static void test_other_scenario(void **state)
{
	struct live l;
	struct replay r = {0};
	struct scenario *sc;
	struct journal *j;
	char copy[128], path[128], *text, *msg;
	FILE *err = tmpfile();

	(void)state;
	live_start(&l);
	snprintf(copy, sizeof copy, "%s/drill.lua", l.dir);
	snprintf(path, sizeof path, "%s/other.jsonl", l.dir);
	text = fx_slurp(fx_path("drill.lua"));
	fx_write(copy, text, "w");
	j = journal_create(path, l.ex, copy, "x", stderr);
	assert_int_equal(journal_close(j), 0);
	fx_write(copy, "-- changed since\n", "a");
	assert_int_equal(replay_read(path, &r, NULL, NULL, stderr), 0);
	assert_null(replay_load(&r, path, NULL, false, err));
	msg = fx_caught(err);
	assert_non_null(strstr(msg, "written for another scenario"));
	assert_non_null(strstr(msg, "--force"));
	free(msg);
	err = tmpfile();
	sc = replay_load(&r, path, NULL, true, err);
	assert_non_null(sc);
	msg = fx_caught(err);
	assert_non_null(strstr(msg, "warning"));
	free(msg);
	scenario_free(sc);
	unlink(copy);
	err = tmpfile();
	assert_null(replay_load(&r, path, NULL, false, err));
	msg = fx_caught(err);
	assert_non_null(strstr(msg, "give its path"));
	free(msg);
	free(text);
	replay_free(&r);
	live_end(&l);
}

/* Load the scenario at path, journal it to journal (header only) and close the journal. */
static void fx_journal(const char *path, const char *journal)
{
	struct scenario *sc = fx_load(path);

	assert_int_equal(
	    journal_close(journal_create(journal, scenario_exercise(sc), path, "x", stderr)), 0);
	scenario_free(sc);
}

/* Whether replay_load of journal works (unless force, without a message); err gets the rest. */
static bool fx_resumes(const char *journal, bool force, char **msg)
{
	struct replay r = {0};
	struct scenario *sc;
	FILE *err = tmpfile();

	assert_int_equal(replay_read(journal, &r, NULL, NULL, stderr), 0);
	sc = replay_load(&r, journal, NULL, force, err);
	*msg = fx_caught(err);
	scenario_free(sc);
	replay_free(&r);
	return sc != NULL;
}

/*
 * The header lists the modules the scenario required, with their SHA-256; a module that changed
 * since, or one that the journal does not list, is refused unless forced.
 */
static void test_modules(void **state)
{
	char dir[] = "/tmp/tabletop-mod-XXXXXX", scen[96], mod[96], journal[96], want[256];
	char sha[65], *text, *msg, *line;
	struct replay r = {0};
	json_t *mods, *h;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(scen, sizeof scen, "%s/drill.lua", dir);
	snprintf(mod, sizeof mod, "%s/jhelper.lua", dir);
	snprintf(journal, sizeof journal, "%s/j.jsonl", dir);
	text = fx_slurp(fx_path("drill.lua"));
	fx_write(scen, text, "w");
	fx_write(scen, "state.helper = require('jhelper')\n", "a");
	fx_write(mod, "return 1\n", "w");
	fx_journal(scen, journal);
	assert_int_equal(replay_read(journal, &r, NULL, NULL, stderr), 0);
	mods = json_object_get(r.header, "modules");
	assert_int_equal(json_array_size(mods), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(mods, 0), "name")),
	                    "jhelper");
	assert_string_equal(json_string_value(json_object_get(json_array_get(mods, 0), "path")),
	                    mod);
	assert_int_equal(journal_sha256(mod, sha, stderr), 0);
	assert_string_equal(json_string_value(json_object_get(json_array_get(mods, 0), "sha256")),
	                    sha);
	replay_free(&r);
	assert_true(fx_resumes(journal, false, &msg));
	assert_string_equal(msg, "");
	free(msg);

	fx_write(mod, "return 2\n", "w");
	assert_false(fx_resumes(journal, false, &msg));
	snprintf(want, sizeof want, "%s: written with another version of module 'jhelper': %s has",
	         journal, mod);
	assert_non_null(strstr(msg, want));
	assert_non_null(strstr(msg, "use --force to replay it anyway"));
	free(msg);
	assert_true(fx_resumes(journal, true, &msg));
	assert_non_null(strstr(msg, "warning: written with another version of module 'jhelper'"));
	free(msg);

	/* a journal of a tabletop without modules (no "modules"): a module it did not list */
	fx_write(mod, "return 1\n", "w");
	free(text);
	text = fx_slurp(journal);
	line = strchr(text, '\n');
	*line = '\0';
	h = json_loads(text, 0, NULL);
	json_object_del(h, "modules");
	free(text);
	text = json_dumps(h, JSON_COMPACT);
	json_decref(h);
	fx_write(journal, text, "w");
	fx_write(journal, "\n", "a");
	assert_false(fx_resumes(journal, false, &msg));
	assert_non_null(strstr(msg, "now loads module 'jhelper'"));
	free(msg);

	/* a scenario without modules has an empty list */
	unlink(journal);
	free(text);
	text = fx_slurp(fx_path("drill.lua"));
	fx_write(scen, text, "w");
	fx_journal(scen, journal);
	assert_int_equal(replay_read(journal, &r, NULL, NULL, stderr), 0);
	mods = json_object_get(r.header, "modules");
	assert_true(json_is_array(mods) && json_array_size(mods) == 0);
	replay_free(&r);
	free(text);
	unlink(journal);
	unlink(mod);
	unlink(scen);
	rmdir(dir);
}

/* An event that the replay does not make again is a warning naming its line. */
static void test_divergence(void **state)
{
	struct live l;
	struct replay r = {0};
	FILE *err = tmpfile();
	char *text, *p, *msg, want[160];
	long line = 1;
	json_t *dump;

	(void)state;
	live_start(&l);
	live_play(&l);
	assert_int_equal(journal_close(l.j), 0);
	l.j = NULL;
	text = fx_slurp(l.path);
	p = strstr(text, "\"reason\":\"two shares\"");
	assert_non_null(p);
	memcpy(p + 10, "six", 3);
	for (char *q = text; q < p; q++)
		line += *q == '\n';
	fx_write(l.path, text, "w");
	dump = fx_replay(l.path, &r, err);
	assert_true(json_equal(dump, l.dump[l.n - 1]));
	msg = fx_caught(err);
	snprintf(want, sizeof want, "%s:%ld: warning: the replay made another event", l.path, line);
	assert_non_null(strstr(msg, want));
	assert_int_equal(r.diverged, line);
	json_decref(dump);
	free(msg);
	free(text);
	replay_free(&r);
	live_end(&l);
}

/* The type of every line of a journal, each checked to be a JSON object with a "type". */
static char *fx_types(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *types = calloc(1, 1);
	size_t cap = 0, len = 0;

	assert_non_null(f);
	while (getline(&line, &cap, f) > 0) {
		json_t *o = json_loads(line, 0, NULL);
		const char *t = json_string_value(json_object_get(o, "type"));

		assert_non_null(t);
		types = realloc(types, len + strlen(t) + 2);
		len += (size_t)sprintf(types + len, "%s ", t);
		json_decref(o);
	}
	free(line);
	fclose(f);
	return types;
}

/* simulate --journal: a journal every line of which is JSON with a type, that replays. */
static void test_simulate_journal(void **state)
{
	struct cli_simulate_opts o = {.seed = -1, .policy = CLI_POLICY_RANDOM, .runs = 1};
	char dir[] = "/tmp/tabletop-sim-XXXXXX", path[64], *types;
	FILE *out = fopen("/dev/null", "w"), *err = tmpfile();
	struct replay r = {0};
	struct scenario *sc;
	char *msg;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sim.jsonl", dir);
	o.journal = path;
	assert_int_equal(cli_simulate_run(fx_path("drill.lua"), &o, out, stderr), 0);
	types = fx_types(path);
	assert_true(strncmp(types, "journal in clock tick ", 22) == 0);
	for (const char *t = "inject decision expect score share end hotwash"; *t != '\0';) {
		char word[32] = " ";
		size_t n = strcspn(t, " ");

		memcpy(word + 1, t, n);
		strcat(word, " ");
		if (strstr(types, word) == NULL)
			fail_msg("no %s line in %s", word, types);
		t += n + (t[n] == ' ');
	}
	assert_non_null(strstr(types, " in "));
	assert_int_equal(cli_simulate_run(fx_path("drill.lua"), &o, out, err), 1);
	msg = fx_caught(err);
	assert_non_null(strstr(msg, "journal exists"));
	free(msg);
	err = tmpfile();
	assert_int_equal(replay_read(path, &r, NULL, NULL, err), 0);
	sc = replay_load(&r, path, NULL, false, err);
	assert_non_null(sc);
	assert_int_equal(replay_run(path, scenario_exercise(sc), &r, err), 0);
	assert_int_equal(r.diverged, 0);
	assert_int_equal(scenario_exercise(sc)->state, EX_ENDED);
	msg = fx_caught(err);
	assert_string_equal(msg, "");
	free(msg);
	scenario_free(sc);
	replay_free(&r);
	fclose(out);
	free(types);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sha256),
	    cmocka_unit_test(test_header),
	    cmocka_unit_test(test_never_overwrite),
	    cmocka_unit_test(test_write_error),
	    cmocka_unit_test(test_lock),
	    cmocka_unit_test(test_replay_every_boundary),
	    cmocka_unit_test(test_replay_sessions),
	    cmocka_unit_test(test_partial_line),
	    cmocka_unit_test(test_bad_journals),
	    cmocka_unit_test(test_other_scenario),
	    cmocka_unit_test(test_divergence),
	    cmocka_unit_test(test_simulate_journal),
	    cmocka_unit_test(test_modules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
