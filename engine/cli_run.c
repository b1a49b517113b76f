/* `tabletop run`: load a scenario, serve it over TCP until SIGINT or SIGTERM. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"
#include "core/mem.h"
#include "core/snap.h"
#include "core/timeparse.h"
#include "journal/journal.h"
#include "journal/replay.h"
#include "lua/scenario.h"
#include "net/console.h"
#include "net/listen.h"
#include "net/secrets.h"
#include "net/server.h"
#include "net/tls.h"
#include "web/web.h"

/* What the command line asked for. */
struct cli_run_opts {
	const char *scenario;
	const char **listen;
	int n_listen;
	double speed;   /* 0: the scenario's */
	long long seed; /* -1: the scenario's */
	const char *secrets;
	int autostart;
	int console; /* 1: when stdin is the terminal's foreground; 0: never */
	struct server_limits lim;
	const char *journal; /* --journal FILE, or NULL */
	int resume;          /* --resume: rebuild the exercise from the journal */
	int force;           /* --force: resume even if the scenario file changed */
	/* --tls-listen ADDR:PORT (n_tls_listen of them), served with the TLS settings tls, which
	 * are loaded from tls_cert and tls_key before anything listens */
	const char **tls_listen;
	int n_tls_listen;
	const char *tls_cert, *tls_key;
	struct ssl_ctx_st *tls;
	long long writers; /* --writers: threads that write large batches of output */
	/* what the scenario's callbacks may do */
	struct scenario_limits slim;
	/* --http and --https ADDR:PORT: the web console (HTTPS with the TLS settings above) */
	const char **http, **https;
	int n_http, n_https;
};

/* The most writer threads --writers accepts. */
#define CLI_RUN_MAX_WRITERS 64

/* Writer threads by default: one per processor, up to 4 (more buys nothing on loopback). */
static long long cli_run_default_writers(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : n;
}

/* The options of run, in the order --help lists them. */
static const struct cliopt cli_run_opts_table[] = {
    {"listen", 0, "ADDR:PORT",
     "listen there (repeatable; default 127.0.0.1:7300 unless --tls-listen is given; port 0: any)",
     'l'},
    {"tls-listen", 0, "ADDR:PORT", "serve TLS there (repeatable; port 0: any); needs both:", 'T'},
    {"tls-cert", 0, "FILE", "the server's certificate, or its chain, in PEM", 'c'},
    {"tls-key", 0, "FILE", "the certificate's private key in PEM, not encrypted", 'K'},
    {"http", 0, "ADDR:PORT", "serve the web console there (repeatable; port 0: any)", 'H'},
    {"https", 0, "ADDR:PORT", "serve it over HTTPS there (needs --tls-cert and --tls-key)", 'P'},
    {"speed", 0, "X",
     "exercise seconds per real second, 0.001 to 100000 (overrides the scenario's; run prints "
     "what it means in real time)",
     's'},
    {"autostart", 0, NULL, "STARTEX at once instead of waiting for `start`", 'a'},
    {"seed", 0, "N", "override the scenario's seed", 'S'},
    {"secrets", 0, "FILE", "'ID SECRET' lines for teams, facilitator and observer", 'k'},
    {"journal", 0, "FILE",
     "record every input and event in FILE (JSON Lines); the generated join codes go to "
     "FILE.codes (private)",
     'j'},
    {"resume", 0, NULL,
     "rebuild the exercise from the journal and go on with it, with the same join codes; "
     "SCENARIO.lua may then be left out (the journal names it)",
     'r'},
    {"force", 0, NULL, "resume even though the scenario file has changed", 'f'},
    {"max-line", 0, "N", "longest input line in bytes (4096)", 'L'},
    {"max-output", 0, "BYTES", "output waiting for a client before it is dropped (1048576)", 'O'},
    {"max-conns", 0, "N", "connections at once (20000)", 'C'},
    {"login-failures", 0, "N", "failed logins before a connection is closed (5)", 'F'},
    {"login-lockout", 0, "SECONDS",
     "longest wait for a login after failed ones from the same address or for the same id (60; "
     "0: none)",
     'D'},
    {"idle-timeout", 0, "SECONDS", "close connections that do not log in (60; 0: never)", 'I'},
    {"rate", 0, "LINES_PER_S",
     "commands per second and connection (20, bursts of twice that); a faster client waits, "
     "nothing is dropped",
     'R'},
    {"team-conns", 0, "N", "connections logged in to one team at once (32)", 'M'},
    {"team-output", 0, "BYTES_PER_S",
     "bytes of events one team's commands may send any one reader (262144, bursts of twice that "
     "up to half --max-output; 0: no limit); a team over it waits",
     'B'},
    {"writers", 0, "N", "threads that write a broadcast to many clients (processors, up to 4)",
     'W'},
    {"no-console", 0, NULL, "do not read facilitator commands from the terminal", 'n'},
    CLI_CALLBACK_OPTS,
    {NULL, 0, NULL, NULL, 0},
};

/* run's command line. */
const struct cliopt_spec cli_run_spec = {
    "run", "SCENARIO.lua [options]", "run an exercise and serve the teams", cli_run_opts_table,
    "To go on after a crash: tabletop run [SCENARIO.lua] --journal FILE --resume\n"};

/*
 * Parse a real number above 0, from min (when above 0) to max, for flag; prints a usage error
 * and returns -1 if bad.
 */
static int cli_run_real(const char *flag, const char *s, double min, double max, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (*s == '\0' || *end != '\0' || !isfinite(v) || v <= 0 || v < min || v > max) {
		if (min > 0)
			fprintf(stderr, "tabletop: %s wants a number from %g to %g, not '%s'\n",
			        flag, min, max, s);
		else
			fprintf(stderr,
			        "tabletop: %s wants a number above 0 and up to %g, not '%s'\n",
			        flag, max, s);
		return -1;
	}
	*out = v;
	return 0;
}

/* Apply one option with a value; -1 on a bad value (already reported). */
static int cli_run_option(struct cli_run_opts *o, int key, const char *name, const char *v)
{
	long long n;

	switch (key) {
	case 'l':
	case 'T':
	case 'H':
	case 'P': {
		char err[256];

		if (!listen_valid(v, err, sizeof err)) {
			fprintf(stderr, "tabletop: %s: %s\n", name, err);
			return -1;
		}
		if (key == 'l')
			o->listen[o->n_listen++] = v;
		else if (key == 'T')
			o->tls_listen[o->n_tls_listen++] = v;
		else if (key == 'H')
			o->http[o->n_http++] = v;
		else
			o->https[o->n_https++] = v;
		return 0;
	}
	case 'c':
		o->tls_cert = v;
		return 0;
	case 'K':
		o->tls_key = v;
		return 0;
	case 's':
		return cli_run_real(name, v, EX_SPEED_MIN, EX_SPEED_MAX, &o->speed);
	case 'S':
		return cli_parse_long(name, v, 0, CLI_SEED_MAX, &o->seed);
	case 'k':
		o->secrets = v;
		return 0;
	case 'j':
		o->journal = v;
		return 0;
	case 'L':
		if (cli_parse_long(name, v, 64, 1 << 20, &n) < 0)
			return -1;
		o->lim.max_line = (size_t)n;
		return 0;
	case 'O':
		if (cli_parse_long(name, v, 1024, 1LL << 30, &n) < 0)
			return -1;
		o->lim.max_output = (size_t)n;
		return 0;
	case 'C':
		if (cli_parse_long(name, v, 1, 1000000, &n) < 0)
			return -1;
		o->lim.max_conns = (int)n;
		return 0;
	case 'F':
		if (cli_parse_long(name, v, 1, 1000, &n) < 0)
			return -1;
		o->lim.login_failures = (int)n;
		return 0;
	case 'I':
		if (cli_parse_long(name, v, 0, 7 * 86400, &n) < 0)
			return -1;
		o->lim.idle_timeout = (long)n;
		return 0;
	case 'W':
		return cli_parse_long(name, v, 1, CLI_RUN_MAX_WRITERS, &o->writers);
	case CLI_KEY_CALLBACK_EVENTS:
	case CLI_KEY_CALLBACK_BYTES:
		return cli_callback_cap(key, v, &o->slim);
	case 'M':
		if (cli_parse_long(name, v, 1, 1000000, &n) < 0)
			return -1;
		o->lim.team_conns = (int)n;
		return 0;
	case 'B':
		if (cli_parse_long(name, v, 0, 1LL << 40, &n) < 0)
			return -1;
		o->lim.team_output = (double)n;
		return 0;
	case 'D':
		if (cli_parse_long(name, v, 0, 86400, &n) < 0)
			return -1;
		o->lim.lockout = (double)n;
		return 0;
	case 'R':
		if (cli_run_real(name, v, 0, 1e6, &o->lim.rate) < 0)
			return -1;
		o->lim.burst = o->lim.rate * 2 < 1 ? 1 : o->lim.rate * 2;
		return 0;
	}
	return -1;
}

/* Check the options that go together; -1 after a usage error. */
static int cli_run_check(const struct cli_run_opts *o)
{
	const char *why = NULL;

	if (o->resume && o->journal == NULL)
		why = "--resume needs --journal FILE, the journal to go on with";
	else if (o->force && !o->resume)
		why = "--force goes with --resume";
	else if (o->resume && o->seed >= 0)
		why = "--seed cannot change a resumed exercise: the journal's seed is used";
	else if (o->n_tls_listen > 0 && (o->tls_cert == NULL || o->tls_key == NULL))
		why = "--tls-listen needs --tls-cert FILE and --tls-key FILE";
	else if (o->n_https > 0 && (o->tls_cert == NULL || o->tls_key == NULL))
		why = "--https needs --tls-cert FILE and --tls-key FILE";
	else if (o->n_tls_listen + o->n_https == 0 && (o->tls_cert != NULL || o->tls_key != NULL))
		why = "--tls-cert and --tls-key go with --tls-listen or --https ADDR:PORT";
	if (why == NULL)
		return 0;
	cliopt_error(stderr, &cli_run_spec, "%s", why);
	return -1;
}

/* Parse the command line into o; returns -1 (usage error reported), 0, or 1 for --help. */
static int cli_run_parse(int argc, char **argv, struct cli_run_opts *o)
{
	struct cliopt_state st;
	int key;

	cliopt_init(&st, argc, argv);
	while ((key = cliopt_next(&st, &cli_run_spec)) != CLIOPT_END) {
		if (key == CLIOPT_HELP)
			return 1;
		if (key == CLIOPT_ERROR)
			return -1;
		if (key == CLIOPT_OPERAND) {
			if (o->scenario != NULL) {
				cliopt_error(stderr, &cli_run_spec, "one scenario only, not '%s'",
				             st.value);
				return -1;
			}
			o->scenario = st.value;
		} else if (key == 'a') {
			o->autostart = 1;
		} else if (key == 'n') {
			o->console = 0;
		} else if (key == 'r') {
			o->resume = 1;
		} else if (key == 'f') {
			o->force = 1;
		} else if (cli_run_option(o, key, st.flag, st.value) < 0) {
			return -1;
		}
	}
	if (o->scenario == NULL && !o->resume) {
		cliopt_error(stderr, &cli_run_spec,
		             "which scenario? tabletop run SCENARIO.lua [options]");
		return -1;
	}
	return cli_run_check(o);
}

/* Print a scenario's problems as FILE:LINE: message. */
static void cli_run_problems(const struct scenario_problems *p, const char *path)
{
	if (scenario_problems_print(p, path, stderr) == 0)
		fprintf(stderr, "%s: the scenario cannot run\n", path);
}

/* Where the server listens, one line each, printed once everything has succeeded. */
struct cli_run_where {
	char (*line)[160];
	int n;
};

/* Open the listeners of one kind (tls NULL: plaintext) and note where; -1 after a message. */
static int cli_run_listen_on(struct server *srv, const char **specs, int n, struct ssl_ctx_st *tls,
                             struct cli_run_where *w)
{
	for (int i = 0; i < n; i++) {
		char real[128], err[256];

		if (listen_add(srv, specs[i], tls, real, sizeof real, err, sizeof err) < 0) {
			fprintf(stderr, "tabletop run: %s\n", err);
			return -1;
		}
		snprintf(w->line[w->n++], sizeof w->line[0], "listening on %s%s", real,
		         tls != NULL ? " (TLS)" : "");
	}
	return 0;
}

/* Open the listeners, plaintext then TLS, and note where in w; -1 after a message. */
static int cli_run_listen(struct server *srv, const struct cli_run_opts *o, struct cli_run_where *w)
{
	for (int i = 0; i < o->n_listen; i++)
		if (listen_is_ipv4(o->listen[i]))
			srv->v6only = true;
	for (int i = 0; i < o->n_tls_listen; i++)
		if (listen_is_ipv4(o->tls_listen[i]))
			srv->v6only = true;
	w->line = mem_calloc((size_t)(o->n_listen + o->n_tls_listen), sizeof *w->line);
	if (cli_run_listen_on(srv, o->listen, o->n_listen, NULL, w) < 0 ||
	    cli_run_listen_on(srv, o->tls_listen, o->n_tls_listen, o->tls, w) < 0)
		return -1;
	return 0;
}

/* Open the web console's listeners and note its addresses in where; -1 after a message. */
static int cli_run_web(struct web *w, const struct cli_run_opts *o, struct cli_run_where *where)
{
	char url[128], err[256];

	where->line = mem_array(where->line, (size_t)(where->n + o->n_http + o->n_https),
	                        sizeof *where->line);
	for (int i = 0; i < o->n_http + o->n_https; i++) {
		bool tls = i >= o->n_http;
		const char *spec = tls ? o->https[i - o->n_http] : o->http[i];
		struct ssl_ctx_st *ctx = tls ? o->tls : NULL;

		if (web_listen(w, spec, ctx, url, sizeof url, err, sizeof err) < 0) {
			fprintf(stderr, "tabletop run: %s\n", err);
			return -1;
		}
		snprintf(where->line[where->n++], sizeof where->line[0], "web console on %s", url);
	}
	return 0;
}

/* Whether stdin is the terminal and this process is in its foreground. */
static int cli_run_tty(void)
{
	return isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) == getpgrp();
}

/* Continue a replayed exercise: mark the resume, come back paused, apply --speed. */
static void cli_run_resumed(struct server *srv, const struct cli_run_opts *o,
                            const struct replay *rep)
{
	struct exercise *ex = srv->ex;
	char cmd[64];

	srv->next_id = rep->max_sess;
	journal_resume(srv->journal, ex->t);
	if (ex->state == EX_RUNNING)
		server_command(srv, "pause");
	snprintf(cmd, sizeof cmd, "speed %.17g", o->speed);
	if (o->speed > 0 && server_command(srv, cmd) < 0)
		fprintf(stderr,
		        "tabletop run: --speed %g: the exercise has ended; the journal's speed "
		        "is kept\n",
		        o->speed);
}

/* Say what --resume rebuilt. */
static void cli_run_print_resumed(const struct exercise *ex, const struct cli_run_opts *o,
                                  const struct replay *rep)
{
	char when[32];

	timeparse_format_offset(ex->t, when, sizeof when);
	printf("resumed from %s: %ld lines replayed; the exercise is %s at %s\n", o->journal,
	       rep->lines, ex_state_name(ex->state), when);
}

/* Write a span of secs seconds for people ("1 hour", "2.5 minutes"), kind being "real" or
 * "exercise", to buf. */
static void cli_run_span(double secs, const char *kind, char *buf, size_t n)
{
	static const struct {
		const char *unit;
		double secs, from;
	} units[] = {{"day", 86400, 2 * 86400},
	             {"hour", 3600, 2 * 3600},
	             {"minute", 60, 2 * 60},
	             {"second", 1, 0}};
	size_t i = 0;
	double v;

	while (i + 1 < sizeof units / sizeof units[0] && secs < units[i].from &&
	       secs != units[i].secs)
		i++;
	v = secs / units[i].secs;
	v = v >= 10 ? round(v) : round(v * 10) / 10;
	snprintf(buf, n, "%g %s %s%s", v, kind, units[i].unit, v == 1 ? "" : "s");
}

/* Say how fast the clock runs and what that means in real time. */
static void cli_run_print_speed(const struct exercise *ex)
{
	char minute[64], left[64], dur[32];
	long rest = ex->duration - ex->t;

	cli_run_span(60 * ex->speed, "exercise", minute, sizeof minute);
	cli_run_span((double)(rest > 0 ? rest : 0) / ex->speed, "real", left, sizeof left);
	timeparse_format_duration(rest > 0 ? rest : 0, dur, sizeof dur);
	printf("speed %g: 1 real minute = %s; the %s%s exercise lasts %s\n", ex->speed, minute,
	       ex->t > 0 ? "rest of the " : "", dur, left);
}

/* The line that says what happens next, ending in "Ctrl-C ends the server." */
static void cli_run_next(const struct exercise *ex, const struct cli_run_opts *o)
{
	char when[32];

	timeparse_format_offset(ex->t, when, sizeof when);
	if (ex->state == EX_WAITING)
		printf("STARTEX %s; ", o->autostart ? "now" : "when a facilitator types start");
	else if (ex->state == EX_PAUSED)
		printf("Paused at %s: a facilitator types resume to go on; ", when);
	else if (ex->state == EX_ENDED)
		printf("ENDEX was at %s: the teams may still answer the hotwash; ", when);
	printf("Ctrl-C ends the server.\n");
}

/* Create or reopen the journal and hand it to the server; -1 after a message. */
static int cli_run_journal(struct server *srv, const struct cli_run_opts *o,
                           const struct replay *rep)
{
	struct journal *j;

	if (o->journal == NULL)
		return 0;
	if (o->resume)
		j = journal_reopen(o->journal, rep->keep, rep->lines, stderr);
	else
		j = journal_create(o->journal, srv->ex, srv->ex->path,
		                   "use --resume to continue it", stderr);
	if (j == NULL)
		return -1;
	server_set_journal(srv, j);
	if (o->resume)
		cli_run_resumed(srv, o, rep);
	return 0;
}

/* The file beside the journal that keeps the generated join codes (NULL without a journal). */
static char *cli_run_codes_path(const struct cli_run_opts *o)
{
	return o->journal != NULL ? mem_printf("%s.codes", o->journal) : NULL;
}

/* Everything that can fail has succeeded: say where the server listens, its codes, what next. */
static void cli_run_print(const struct exercise *ex, const struct cli_run_opts *o,
                          const struct replay *rep, const struct cli_run_where *w,
                          const struct secrets_made *made, const char *keep)
{
	for (int i = 0; i < w->n; i++)
		printf("%s\n", w->line[i]);
	if (o->resume)
		cli_run_print_resumed(ex, o, rep);
	cli_run_print_speed(ex);
	secrets_print(ex, made, keep, stdout);
	cli_run_next(ex, o);
	fflush(stdout);
}

/* Descriptors the server needs besides its connections: stdio, listeners, journal, spare. */
#define CLI_RUN_SPARE_FDS 64

/*
 * Raise the soft limit on open files so that --max-conns connections fit, as far as the hard
 * limit allows; say so when it does not (the server then refuses connections past it).
 */
static void cli_run_nofile(const struct cli_run_opts *o)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)o->lim.max_conns + CLI_RUN_SPARE_FDS;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= want)
		return;
	rl.rlim_cur = rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want ? rl.rlim_max : want;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
		getrlimit(RLIMIT_NOFILE, &rl);
	if (rl.rlim_cur >= (rlim_t)o->lim.max_conns)
		return; /* the spare ones are a margin: accept waits for a free descriptor */
	fprintf(stderr,
	        "tabletop run: the open files limit (%llu) allows about %llu connections, not "
	        "--max-conns %d; raise it with ulimit -n\n",
	        (unsigned long long)rl.rlim_cur,
	        (unsigned long long)(rl.rlim_cur > CLI_RUN_SPARE_FDS
	                                 ? rl.rlim_cur - CLI_RUN_SPARE_FDS
	                                 : 0),
	        o->lim.max_conns);
}

/* What the web console learns from the events a --resume replays: RFIs, shares and script errors
 * (log), and the last WEB_PAST events for its feed (ev, a ring; n counts them all). */
struct cli_run_past {
	struct snap_log log;
	struct evt *ev[WEB_PAST];
	unsigned long n;
};

/* The replay made ev: learn from it and keep it among the last ones. */
static void cli_run_observe(void *ctx, struct evt *ev)
{
	struct cli_run_past *past = ctx;
	struct evt **slot = &past->ev[past->n++ % WEB_PAST];

	snap_log_observe(&past->log, ev);
	evt_unref(*slot);
	evt_ref(ev);
	*slot = ev;
}

/* Let go of what the replay made (again: nothing). */
static void cli_run_past_free(struct cli_run_past *past)
{
	snap_log_free(&past->log);
	for (int i = 0; i < WEB_PAST; i++) {
		evt_unref(past->ev[i]);
		past->ev[i] = NULL;
	}
}

/* A web console for srv that starts from what the replay made (past, left empty). */
static struct web *cli_run_web_new(struct server *srv, struct cli_run_past *past)
{
	struct web *w = web_new(srv, &past->log);
	unsigned long k = past->n > WEB_PAST ? past->n - WEB_PAST : 0;

	for (; k < past->n; k++)
		web_past(w, past->ev[k % WEB_PAST]);
	return w;
}

/* Serve the loaded (or replayed) exercise, the web console starting from past; returns the exit
 * status. */
static int cli_run_serve(struct exercise *ex, const struct cli_run_opts *o,
                         const struct replay *rep, struct cli_run_past *past)
{
	struct server *srv = server_new(ex, &o->lim);
	struct cli_run_where where = {0};
	struct secrets_made made = {0};
	char *keep = cli_run_codes_path(o);
	struct web *w = o->n_http + o->n_https > 0 ? cli_run_web_new(srv, past) : NULL;
	struct journal *j;
	int status = 0;

	cli_run_past_free(past); /* the web console holds what it needs */

	server_set_writers(srv, (int)o->writers);
	cli_run_nofile(o);
	if (cli_run_listen(srv, o, &where) < 0 || (w != NULL && cli_run_web(w, o, &where) < 0) ||
	    cli_run_journal(srv, o, rep) < 0 ||
	    secrets_generate(ex, keep, o->resume, &made, stderr) < 0) {
		status = 1;
	} else {
		cli_run_print(ex, o, rep, &where, &made, keep);
		if (o->console && cli_run_tty())
			console_open(srv);
		if (o->autostart && ex->state == EX_WAITING)
			server_start(srv);
		if (server_run(srv) < 0)
			status = 1;
	}
	j = srv->journal;
	web_free(w);
	server_free(srv); /* the sessions' logouts go to the journal */
	journal_close(j);
	secrets_made_free(&made);
	free(where.line);
	free(keep);
	return status;
}

/* Load the scenario, or rebuild the exercise from the journal with --resume; NULL after
 * messages. */
static struct scenario *cli_run_load(const struct cli_run_opts *o, struct replay *rep)
{
	struct scenario_problems probs = {0};
	struct scenario *sc;

	if (o->resume) {
		if (replay_read(o->journal, rep, NULL, NULL, stderr) < 0)
			return NULL;
		sc = replay_load(rep, o->journal, o->scenario, o->force, stderr);
		if (sc != NULL && replay_run(o->journal, scenario_exercise(sc), rep, stderr) < 0) {
			scenario_free(sc);
			return NULL;
		}
		return sc;
	}
	sc = scenario_load(o->scenario, &o->slim, o->seed, &probs);
	if (sc == NULL)
		cli_run_problems(&probs, o->scenario);
	else
		cli_warn_missing(o->scenario, scenario_exercise(sc), stderr);
	scenario_problems_free(&probs);
	if (sc != NULL && o->speed > 0)
		scenario_exercise(sc)->speed = o->speed;
	return sc;
}

/* Load the TLS certificate and key before anything listens; -1 after a message. */
static int cli_run_tls(struct cli_run_opts *o)
{
	char err[512];

	o->tls = tls_new(o->tls_cert, o->tls_key, err, sizeof err);
	if (o->tls != NULL)
		return 0;
	fprintf(stderr, "tabletop run: %s\n", err);
	return -1;
}

/* `tabletop run SCENARIO.lua [options]`. */
int cli_run_main(int argc, char **argv)
{
	struct cli_run_opts o = {.seed = -1, .console = 1};
	struct replay rep = {0};
	struct cli_run_past *past;
	struct scenario *sc;
	int r;

	o.listen = mem_calloc((size_t)argc + 1, sizeof *o.listen);
	o.tls_listen = mem_calloc((size_t)argc + 1, sizeof *o.tls_listen);
	o.http = mem_calloc((size_t)argc + 1, sizeof *o.http);
	o.https = mem_calloc((size_t)argc + 1, sizeof *o.https);
	server_limits_default(&o.lim);
	scenario_limits_default(&o.slim);
	o.writers = cli_run_default_writers();
	r = cli_run_parse(argc, argv, &o);
	if (r == 0 && o.n_tls_listen + o.n_https > 0 && cli_run_tls(&o) < 0)
		r = -1;
	if (r != 0) {
		free(o.listen);
		free(o.tls_listen);
		free(o.http);
		free(o.https);
		return r > 0 ? 0 : 2;
	}
	if (o.n_listen == 0 && o.n_tls_listen == 0)
		o.listen[o.n_listen++] = "127.0.0.1:7300";
	past = mem_calloc(1, sizeof *past);
	snap_log_init(&past->log);
	if (o.n_http + o.n_https > 0) { /* only the web console uses what the replay made */
		rep.observe = cli_run_observe;
		rep.observe_ctx = past;
	}
	sc = cli_run_load(&o, &rep);
	if (sc != NULL)
		scenario_report_to(sc, stderr);
	if (sc == NULL)
		r = 1;
	else if (o.secrets != NULL && secrets_load(scenario_exercise(sc), o.secrets, stderr) < 0)
		r = 1;
	else
		r = cli_run_serve(scenario_exercise(sc), &o, &rep, past);
	cli_run_past_free(past);
	free(past);
	scenario_free(sc);
	replay_free(&rep);
	free(o.listen);
	free(o.tls_listen);
	free(o.http);
	free(o.https);
	tls_free(o.tls);
	return r;
}
