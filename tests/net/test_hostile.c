/*
 * End to end: what a hostile scenario, team or file tried against the real binary (issue 12):
 * the clock's speed, pattern bombs, determinism holes and damaged journals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 5000

/* How many times slower the binary runs: 20 under valgrind (TABLETOP_WRAPPER), else 1. */
static double hostile_slow(void)
{
	return getenv("TABLETOP_WRAPPER") != NULL ? 20 : 1;
}

/* A path in /tmp for this test process: /tmp/tabletop-hostile-PID-NAME (one of 8 buffers). */
static const char *hostile_tmp(const char *name)
{
	static char path[8][256];
	static int k;

	k = (k + 1) % 8;
	snprintf(path[k], sizeof path[k], "/tmp/tabletop-hostile-%d-%s", (int)getpid(), name);
	return path[k];
}

/* Write text to path; fails the test if it cannot. */
static void hostile_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A scenario with one team "al", tick 1m and duration 1h, speed given, and more text after. */
static const char *hostile_scenario(const char *name, const char *speed, const char *more)
{
	const char *path = hostile_tmp(name);
	char text[8192];

	snprintf(text, sizeof text,
	         "exercise { title = \"hostile\", duration = \"1h\", tick = \"1m\", speed = %s, "
	         "seed = 3 }\n"
	         "team { id = \"al\", name = \"Albania\" }\n"
	         "%s",
	         speed, more);
	hostile_write(path, text);
	return path;
}

/* The whole file at path, NUL-ended (to free); fails the test if it cannot be read. */
static char *hostile_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The start of line no (from 1) of text, or NULL. */
static char *hostile_line(char *text, int no)
{
	while (--no > 0 && text != NULL) {
		text = strchr(text, '\n');
		if (text != NULL)
			text++;
	}
	return text;
}

/* Send line on c (JSON mode) and return the error code of its reply, or NULL when it was ok. */
static const char *hostile_cmd(struct hcl *c, const char *line)
{
	static char code[64];
	const char *l;
	json_t *o = NULL;

	h_send(c, "%s", line);
	while (o == NULL) {
		l = h_line(c, WAIT);
		if (l == NULL)
			fail_msg("no reply to '%s'", line);
		o = json_loads(l, 0, NULL);
		if (json_object_get(o, "cmd") == NULL) {
			json_decref(o);
			o = NULL;
		}
	}
	l = json_string_value(json_object_get(o, "code"));
	snprintf(code, sizeof code, "%s", l != NULL ? l : "");
	json_decref(o);
	return code[0] != '\0' ? code : NULL;
}

/*
 * 12.5: one range of speeds for --speed, the speed command and a scenario's speed; the server
 * at the slowest speed still serves, and SIGTERM ends it.
 */
static void test_speed_range(void **state)
{
	static const char *const bad[] = {"1e-300", "1e-20", "0.0009", "100001", "1e400", "nan"};
	const char *ok = hostile_scenario("speed-ok.lua", "60", "");
	const char *slow = hostile_scenario("speed-slow.lua", "1e-20", "");
	struct hsrv s;
	struct hcl fac, al;
	char err[4096];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int st = h_run(err, sizeof err, "run", ok, "--speed", bad[i], NULL);

		if (st != 2 || strstr(err, "--speed wants a number from 0.001 to 100000") == NULL)
			fail_msg("--speed %s: exit %d, stderr: %s", bad[i], st, err);
	}
	assert_int_equal(h_run(err, sizeof err, "check", slow, NULL), 1);
	assert_int_equal(h_run(err, sizeof err, "run", slow, "--listen", "127.0.0.1:0", NULL), 1);
	if (strstr(err,
	           "speed-slow.lua:1: exercise: speed must be a number from 0.001 to 100000") ==
	    NULL)
		fail_msg("run: %s", err);

	h_start(&s, ok, "--autostart", "--speed", "0.001", NULL);
	h_join_json(&fac, &s, "facilitator");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char line[64];

		snprintf(line, sizeof line, "speed %s", bad[i]);
		assert_string_equal(hostile_cmd(&fac, line), "bad_args");
	}
	assert_null(hostile_cmd(&fac, "speed 0.001"));
	assert_null(hostile_cmd(&fac, "speed 100000x"));
	assert_null(hostile_cmd(&fac, "speed 0.001"));
	h_join_json(&al, &s, "al"); /* still serving new clients */
	assert_null(hostile_cmd(&al, "status"));
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
	unlink(ok);
	unlink(slow);
}

/* The score of team al as the facilitator fac (JSON mode) sees it. */
static long hostile_score(struct hcl *fac)
{
	json_t *o, *teams;
	long score;

	h_send(fac, "teams");
	o = h_expect_json(fac, "ok", "teams", WAIT);
	teams = json_object_get(o, "teams");
	score = (long)json_integer_value(json_object_get(json_array_get(teams, 0), "score"));
	json_decref(o);
	return score;
}

/* Write text to path with line a and line b (from 1, a < b) swapped, or line a twice (b 0). */
static void hostile_shuffle(const char *path, char *text, int a, int b)
{
	char *la = hostile_line(text, a), *ea = strchr(la, '\n') + 1;
	char *lb = b > 0 ? hostile_line(text, b) : NULL,
	     *eb = lb != NULL ? strchr(lb, '\n') + 1 : NULL;
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fwrite(text, 1, (size_t)(la - text), f);
	if (lb == NULL) {
		fwrite(la, 1, (size_t)(ea - la), f);
		fputs(la, f);
	} else {
		fwrite(lb, 1, (size_t)(eb - lb), f);
		fwrite(ea, 1, (size_t)(lb - ea), f);
		fwrite(la, 1, (size_t)(ea - la), f);
		fputs(eb, f);
	}
	assert_int_equal(fclose(f), 0);
}

/*
 * 12.5: SIGTERM ends a server whose clock is always due (a tick a second at the top speed for
 * ten years): signals are handled at the clock's priority.
 */
static void test_sigterm_busy_clock(void **state)
{
	const char *path = hostile_tmp("busy.lua");
	struct hsrv s;
	double t0;

	(void)state;
	hostile_write(path, "exercise { title = 'busy', duration = '87600h', tick = '1s', "
	                    "speed = 100000, seed = 1 }\n"
	                    "team { id = 'al', name = 'Albania' }\n");
	h_start(&s, path, "--autostart", NULL);
	usleep(300000); /* let the clock fall behind: there is no event to await for that */
	t0 = h_now_ms();
	assert_int_equal(h_stop(&s), 0);
	assert_true(h_now_ms() - t0 < 5000 * hostile_slow());
	unlink(path);
}

/*
 * 12.8: a whole last record without its '\n' is kept by --resume and report; a duplicated or
 * moved line is refused at FILE:LINE by both; an endless line costs a bounded read.
 */
static void test_journal_damage(void **state)
{
	const char *sc = hostile_scenario("journal.lua", "60", "");
	const char *j = hostile_tmp("journal.jsonl"), *bad = hostile_tmp("bad.jsonl");
	struct hsrv s;
	struct hcl fac;
	char err[4096], *text, *cut;

	(void)state;
	unlink(j);
	h_start(&s, sc, "--journal", j, NULL);
	h_join_json(&fac, &s, "facilitator");
	assert_null(hostile_cmd(&fac, "score al 5 well done"));
	assert_null(hostile_cmd(&fac, "broadcast after the score"));
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);

	/* cut the file just after the score command's line, before its '\n' */
	text = hostile_read(j);
	cut = strstr(text, "score al 5 well done");
	assert_non_null(cut);
	*strchr(cut, '\n') = '\0';
	hostile_write(j, text);
	free(text);
	assert_int_equal(h_run(err, sizeof err, "report", j, NULL), 0);
	if (strstr(err, "cut off") != NULL)
		fail_msg("report: %s", err);
	h_start(&s, sc, "--journal", j, "--resume", NULL);
	h_join_json(&fac, &s, "facilitator");
	assert_int_equal(hostile_score(&fac), 5);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
	text = hostile_read(j);
	cut = strstr(text, "score al 5 well done");
	assert_non_null(cut);
	assert_non_null(strstr(cut, "\"seq\":3}\n{\"type\":\"resume\",\"t\":0,\"seq\":4}\n"));
	assert_int_equal(h_run(err, sizeof err, "report", j, NULL), 0);

	/* line 3 twice, then lines 2 and 3 swapped: refused by both readers at the line */
	for (int k = 0; k < 2; k++) {
		const char *want = k == 0 ? ":4: this line was written as line 3"
		                          : ":2: this line was written as line 3";

		hostile_shuffle(bad, text, k == 0 ? 3 : 2, k == 0 ? 0 : 3);
		assert_int_equal(h_run(err, sizeof err, "report", bad, NULL), 1);
		if (strstr(err, bad) == NULL || strstr(err, want) == NULL)
			fail_msg("report: %s", err);
		assert_int_equal(h_run(err, sizeof err, "run", sc, "--journal", bad, "--resume",
		                       "--listen", "127.0.0.1:0", NULL),
		                 1);
		if (strstr(err, bad) == NULL || strstr(err, want) == NULL)
			fail_msg("resume: %s", err);
	}
	free(text);

	/* an endless line: a clear error after at most 64 MiB */
	assert_int_equal(h_run(err, sizeof err, "report", "/dev/zero", NULL), 1);
	if (strstr(err, "/dev/zero:1: a line longer than 64 MiB") == NULL)
		fail_msg("report /dev/zero: %s", err);
	unlink(j);
	unlink(bad);
	unlink(sc);
}

/*
 * 12.6: a pattern that backtracks without end stops at the budget with FILE:LINE, in check (while
 * the file loads), simulate and run, where the exercise goes on serving the teams at once.
 */
static void test_pattern_bomb(void **state)
{
	const char *load =
	    hostile_scenario("bomb-load.lua", "60", "local n = ('a'):rep(3e4):find('.-.-.-b')\n");
	const char *sc = hostile_scenario("bomb.lua", "60",
	                                  "on('action', function(team, text)\n"
	                                  "  if text:find('.-.-.-b') then log('found') end\n"
	                                  "end)\n"
	                                  "on('start', function()\n"
	                                  "  log(tostring(('a'):rep(3e4):match('(.-)(.-)(.-)b')))\n"
	                                  "end)\n");
	char err[4096], line[4200];
	struct hsrv s;
	struct hcl fac, al;
	const char *told;
	double t0;

	(void)state;
	t0 = h_now_ms();
	assert_int_equal(h_run(err, sizeof err, "check", load, NULL), 1);
	assert_int_equal(h_run(err, sizeof err, "simulate", sc, NULL), 0);
	assert_true(h_now_ms() - t0 < 10000 * hostile_slow());

	h_start(&s, sc, "--autostart", NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&al, &s, "al");
	memset(line, 'a', 4000);
	line[4000] = '\0';
	t0 = h_now_ms();
	h_send(&al, "action %s", line);
	told = h_expect(&fac, "instruction budget", WAIT * (int)hostile_slow());
	if (strstr(told, "bomb.lua:4: ") == NULL && strstr(told, "\"line\":4,") == NULL)
		fail_msg("not at bomb.lua:4: %s", told);
	assert_null(hostile_cmd(&al, "status"));
	assert_true(h_now_ms() - t0 < 1000 * hostile_slow());
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
	unlink(load);
	unlink(sc);
}

/* The scenario of 12.4: assets keyed by tables, ordered by pairs, shown by tostring and %p. */
static const char hostile_assets[] =
    "local assets = {}\n"
    "local names = {'mail', 'web', 'dns', 'vpn', 'erp', 'crm', 'hr', 'ad', 'pki', 'sso',\n"
    "  'ci', 'git', 'wiki', 'chat', 'voip', 'wifi', 'nas', 'ftp', 'ntp', 'log'}\n"
    "for _, n in ipairs(names) do assets[{name = n}] = true end\n"
    "local function order()\n"
    "  local t = {}\n"
    "  for k in pairs(assets) do t[#t + 1] = k.name end\n"
    "  return table.concat(t, ',')\n"
    "end\n"
    "on('start', function()\n"
    "  log(order(), tostring({}), string.format('%p %s', assets, print or order))\n"
    "  score('al', #(next(assets).name), 'first asset')\n"
    "end)\n"
    "on('action', function(team, text)\n"
    "  assets[{name = text}] = true\n"
    "  state.order = order()\n"
    "end)\n";

/* The "order" of the scenario's state as fac (JSON mode) sees it (to free). */
static char *hostile_order(struct hcl *fac)
{
	json_t *o;
	char *order;

	h_send(fac, "state");
	o = h_expect_json(fac, "ok", "state", WAIT);
	order = strdup(json_string_value(json_object_get(json_object_get(o, "state"), "order")));
	json_decref(o);
	return order;
}

/*
 * 12.4: tables as keys give the same run every time, in N processes and across --resume, in the
 * order they were created; tostring and %p show no address.
 */
static void test_determinism(void **state)
{
	const char *sc = hostile_scenario("assets.lua", "60", hostile_assets);
	const char *j = hostile_tmp("assets.jsonl");
	const char *want = "mail,web,dns,vpn,erp,crm,hr,ad,pki,sso,ci,git,wiki,chat,voip,wifi,nas,"
	                   "ftp,ntp,log";
	char err[4096], path[4][96], *first = NULL, *order;
	struct hsrv s;
	struct hcl fac, al;

	(void)state;
	for (int i = 0; i < 4; i++) {
		char *text, name[16];

		snprintf(name, sizeof name, "run%d.jsonl", i);
		snprintf(path[i], sizeof path[i], "%s", hostile_tmp(name)); /* not sc's buffer */
		unlink(path[i]);
		assert_int_equal(h_run(err, sizeof err, "simulate", sc, "--journal", path[i], NULL),
		                 0);
		text = hostile_read(path[i]);
		if (strstr(text, want) == NULL || strstr(text, "table: #") == NULL ||
		    strstr(text, "0x") != NULL)
			fail_msg("run %d: %s", i, text);
		if (first == NULL)
			first = text;
		else if (strcmp(first, text) != 0)
			fail_msg("run %d differs from the first", i);
		else
			free(text);
		unlink(path[i]);
	}
	free(first);

	unlink(j);
	h_start(&s, sc, "--journal", j, "--autostart", NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&al, &s, "al");
	assert_null(hostile_cmd(&al, "action smtp"));
	order = hostile_order(&fac);
	assert_string_equal(order, "mail,web,dns,vpn,erp,crm,hr,ad,pki,sso,ci,git,wiki,chat,voip,"
	                           "wifi,nas,ftp,ntp,log,smtp");
	free(order);
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
	h_start(&s, sc, "--journal", j, "--resume", NULL);
	h_join_json(&fac, &s, "facilitator");
	h_join_json(&al, &s, "al");
	order = hostile_order(&fac);
	assert_string_equal(order, "mail,web,dns,vpn,erp,crm,hr,ad,pki,sso,ci,git,wiki,chat,voip,"
	                           "wifi,nas,ftp,ntp,log,smtp");
	free(order);
	assert_null(hostile_cmd(&al, "action dhcp"));
	order = hostile_order(&fac);
	assert_non_null(strstr(order, ",smtp,dhcp"));
	free(order);
	h_close(&al);
	h_close(&fac);
	assert_int_equal(h_stop(&s), 0);
	unlink(j);
	unlink(sc);
}

/*
 * 12.5 and 12.8: a journal's times and numbers out of range are refused at their line by report
 * (they overflowed its sums of times before).
 */
static void test_journal_extremes(void **state)
{
	static const char *const lines[][2] = {
	    {"{\"type\":\"phase\",\"name\":\"late\",\"t\":9223372036854775807}",
	     ":2: \"t\" of a \"phase\" line should be a time from 0 to 1000000000 seconds"},
	    {"{\"type\":\"expect\",\"team\":\"al\",\"inject\":\"I-1\",\"objective\":null,"
	     "\"option\":null,\"expected\":null,\"within\":-5,\"result\":\"met\","
	     "\"response\":null,\"reason\":\"r\",\"t\":5}",
	     ":2: \"within\" of a \"expect\" line should be a time"},
	    {"{\"type\":\"answer\",\"team\":\"al\",\"by\":\"x\",\"n\":9223372036854775807,"
	     "\"question\":\"q\",\"text\":\"a\",\"t\":5}",
	     ":2: \"n\" of an \"answer\" line should be a question number"},
	};
	const char *path = hostile_tmp("extreme.jsonl");
	char err[4096], text[1024];

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		snprintf(text, sizeof text,
		         "{\"type\":\"journal\",\"version\":1,\"scenario\":\"x.lua\",\"sha256\":"
		         "\"%064d\",\"seed\":1,\"start\":\"2024-11-12 09:00\",\"teams\":"
		         "[{\"id\":\"al\",\"name\":\"A\"}]}\n%s\n",
		         0, lines[i][0]);
		hostile_write(path, text);
		assert_int_equal(h_run(err, sizeof err, "report", path, NULL), 1);
		if (strstr(err, lines[i][1]) == NULL)
			fail_msg("%s: %s", lines[i][0], err);
	}
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_speed_range),    cmocka_unit_test(test_sigterm_busy_clock),
	    cmocka_unit_test(test_journal_damage), cmocka_unit_test(test_pattern_bomb),
	    cmocka_unit_test(test_determinism),    cmocka_unit_test(test_journal_extremes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
