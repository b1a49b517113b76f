/* `tabletop run`: load a scenario, serve it over TCP until SIGINT or SIGTERM. */
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"
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

/* The usage text. */
static void cli_run_usage(FILE *f)
{
	fprintf(
	    f,
	    "usage: tabletop run SCENARIO.lua [options]\n"
	    "       tabletop run [SCENARIO.lua] --journal FILE --resume [options]\n"
	    "  --listen ADDR:PORT     listen there (repeatable; default 127.0.0.1:7300 unless "
	    "--tls-listen\n"
	    "                         is given; port 0: any)\n"
	    "  --tls-listen ADDR:PORT serve TLS there (repeatable; port 0: any); needs both:\n"
	    "  --tls-cert FILE        the server's certificate, or its chain, in PEM\n"
	    "  --tls-key FILE         the certificate's private key in PEM, not encrypted\n"
	    "  --http ADDR:PORT       serve the web console there (repeatable; port 0: any)\n"
	    "  --https ADDR:PORT      serve it over HTTPS there (needs --tls-cert and --tls-key)\n"
	    "  --speed X              exercise seconds per real second (overrides the scenario)\n"
	    "  --autostart            STARTEX at once instead of waiting for `start`\n"
	    "  --seed N               override the scenario's seed\n"
	    "  --secrets FILE         'ID SECRET' lines for teams, facilitator and observer\n"
	    "  --journal FILE         record every input and event in FILE (JSON Lines)\n"
	    "  --resume               rebuild the exercise from the journal and go on with it;\n"
	    "                         SCENARIO.lua may then be left out (the journal names it)\n"
	    "  --force                resume even though the scenario file has changed\n"
	    "  --max-line N           longest input line in bytes (4096)\n"
	    "  --max-output BYTES     output waiting for a client before it is dropped (1048576)\n"
	    "  --max-conns N          connections at once (20000)\n"
	    "  --login-failures N     failed logins before a connection is closed (5)\n"
	    "  --idle-timeout SECONDS close connections that do not log in (60; 0: never)\n"
	    "  --rate LINES_PER_S     commands per second and connection (20, bursts of twice "
	    "that)\n"
	    "  --writers N            threads that write a broadcast to many clients (processors, "
	    "up to 4)\n"
	    "  --no-console           do not read facilitator commands from the terminal\n");
}

/* Parse a positive real number for flag; prints a usage error and returns -1 if bad. */
static int cli_run_real(const char *flag, const char *s, double max, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (*s == '\0' || *end != '\0' || !isfinite(v) || v <= 0 || v > max) {
		fprintf(stderr, "tabletop: %s wants a number above 0 and up to %g, not '%s'\n",
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
		return cli_run_real(name, v, 1e6, &o->speed);
	case 'S':
		return cli_parse_long(name, v, 0, 9007199254740992LL, &o->seed);
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
	case 'R':
		if (cli_run_real(name, v, 1e6, &o->lim.rate) < 0)
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
	cli_usage_error("run", "%s", why);
	return -1;
}

/* Parse the command line into o; returns -1 (usage error reported), 0, or 1 for --help. */
static int cli_run_parse(int argc, char **argv, struct cli_run_opts *o)
{
	static const struct option longopts[] = {
	    {"listen", required_argument, NULL, 'l'},
	    {"tls-listen", required_argument, NULL, 'T'},
	    {"tls-cert", required_argument, NULL, 'c'},
	    {"tls-key", required_argument, NULL, 'K'},
	    {"http", required_argument, NULL, 'H'},
	    {"https", required_argument, NULL, 'P'},
	    {"speed", required_argument, NULL, 's'},
	    {"autostart", no_argument, NULL, 'a'},
	    {"seed", required_argument, NULL, 'S'},
	    {"secrets", required_argument, NULL, 'k'},
	    {"max-line", required_argument, NULL, 'L'},
	    {"max-output", required_argument, NULL, 'O'},
	    {"max-conns", required_argument, NULL, 'C'},
	    {"login-failures", required_argument, NULL, 'F'},
	    {"idle-timeout", required_argument, NULL, 'I'},
	    {"rate", required_argument, NULL, 'R'},
	    {"no-console", no_argument, NULL, 'n'},
	    {"journal", required_argument, NULL, 'j'},
	    {"resume", no_argument, NULL, 'r'},
	    {"force", no_argument, NULL, 'f'},
	    {"writers", required_argument, NULL, 'W'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int key, idx;

	opterr = 0;
	optind = 0;
	while ((key = getopt_long(argc, argv, ":h", longopts, &idx)) != -1) {
		if (key == 'h')
			return 1;
		if (key == 'a') {
			o->autostart = 1;
		} else if (key == 'n') {
			o->console = 0;
		} else if (key == 'r') {
			o->resume = 1;
		} else if (key == 'f') {
			o->force = 1;
		} else if (key == ':') {
			cli_usage_error("run", "%s needs a value", argv[optind - 1]);
			return -1;
		} else if (key == '?') {
			cli_usage_error("run", "unknown option '%s'", argv[optind - 1]);
			return -1;
		} else {
			char flag[32];

			snprintf(flag, sizeof flag, "--%s", longopts[idx].name);
			if (cli_run_option(o, key, flag, optarg) < 0)
				return -1;
		}
	}
	if (optind >= argc && !o->resume) {
		cli_usage_error("run", "which scenario? tabletop run SCENARIO.lua [options]");
		return -1;
	}
	if (optind < argc - 1) {
		cli_usage_error("run", "one scenario only, not '%s'", argv[argc - 1]);
		return -1;
	}
	o->scenario = optind < argc ? argv[optind] : NULL;
	return cli_run_check(o);
}

/* Print a scenario's problems as FILE:LINE: message. */
static void cli_run_problems(const struct scenario_problems *p, const char *path)
{
	for (int i = 0; i < p->n; i++) {
		const struct scenario_problem *q = &p->v[i];

		if (q->line > 0)
			fprintf(stderr, "%s:%d: %s\n", q->file != NULL ? q->file : path, q->line,
			        q->msg);
		else
			fprintf(stderr, "%s: %s\n", q->file != NULL ? q->file : path, q->msg);
	}
	if (p->n == 0)
		fprintf(stderr, "%s: the scenario cannot run\n", path);
}

/* Open the listeners of one kind (tls NULL: plaintext) and print where; -1 after a message. */
static int cli_run_listen_on(struct server *srv, const char **specs, int n, struct ssl_ctx_st *tls)
{
	for (int i = 0; i < n; i++) {
		char real[128], err[256];

		if (listen_add(srv, specs[i], tls, real, sizeof real, err, sizeof err) < 0) {
			fprintf(stderr, "tabletop run: %s\n", err);
			return -1;
		}
		printf("listening on %s%s\n", real, tls != NULL ? " (TLS)" : "");
	}
	return 0;
}

/* Open the listeners, plaintext then TLS, and print where; -1 after a message. */
static int cli_run_listen(struct server *srv, const struct cli_run_opts *o)
{
	for (int i = 0; i < o->n_listen; i++)
		if (listen_is_ipv4(o->listen[i]))
			srv->v6only = true;
	for (int i = 0; i < o->n_tls_listen; i++)
		if (listen_is_ipv4(o->tls_listen[i]))
			srv->v6only = true;
	if (cli_run_listen_on(srv, o->listen, o->n_listen, NULL) < 0 ||
	    cli_run_listen_on(srv, o->tls_listen, o->n_tls_listen, o->tls) < 0)
		return -1;
	return 0;
}

/* Serve the web console where --http and --https ask, and print where; -1 after a message. */
static int cli_run_web(struct web *w, const struct cli_run_opts *o)
{
	char url[160], err[256];

	for (int i = 0; i < o->n_http + o->n_https; i++) {
		bool tls = i >= o->n_http;
		const char *spec = tls ? o->https[i - o->n_http] : o->http[i];

		struct ssl_ctx_st *ctx = tls ? o->tls : NULL;

		if (web_listen(w, spec, ctx, url, sizeof url, err, sizeof err) < 0) {
			fprintf(stderr, "tabletop run: %s\n", err);
			return -1;
		}
		printf("web console on %s\n", url);
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
	char cmd[64], when[32];

	srv->next_id = rep->max_sess;
	journal_resume(srv->journal, ex->t);
	if (ex->state == EX_RUNNING)
		server_command(srv, "pause");
	snprintf(cmd, sizeof cmd, "speed %.17g", o->speed);
	if (o->speed > 0 && server_command(srv, cmd) < 0)
		fprintf(stderr,
		        "tabletop run: --speed %g is more than a facilitator may set; the "
		        "journal's speed is kept\n",
		        o->speed);
	timeparse_format_offset(ex->t, when, sizeof when);
	printf("resumed from %s: %ld lines replayed; the exercise is %s at %s\n", o->journal,
	       rep->lines, ex_state_name(ex->state), when);
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
		j = journal_reopen(o->journal, rep->keep, stderr);
	else
		j = journal_create(o->journal, srv->ex, o->scenario, "use --resume to continue it",
		                   stderr);
	if (j == NULL)
		return -1;
	server_set_journal(srv, j);
	if (o->resume)
		cli_run_resumed(srv, o, rep);
	return 0;
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

/* Serve the loaded (or replayed) exercise; returns the exit status. */
static int cli_run_serve(struct exercise *ex, const struct cli_run_opts *o,
                         const struct replay *rep)
{
	struct server *srv = server_new(ex, &o->lim);
	struct web *w = o->n_http + o->n_https > 0 ? web_new(srv) : NULL;
	struct journal *j;
	int status = 0;

	server_set_writers(srv, (int)o->writers);
	cli_run_nofile(o);
	if (cli_run_listen(srv, o) < 0 || (w != NULL && cli_run_web(w, o) < 0) ||
	    cli_run_journal(srv, o, rep) < 0) {
		web_free(w);
		server_free(srv);
		return 1;
	}
	printf("join codes (type the command shown after the colon):\n");
	if (secrets_generate(ex, stdout) < 0) {
		fprintf(stderr, "tabletop run: no random numbers for the join codes\n");
		status = 1;
	} else {
		cli_run_next(ex, o);
		fflush(stdout);
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
	return status;
}

/* Load the scenario, or rebuild the exercise from the journal with --resume; NULL after
 * messages. */
static struct scenario *cli_run_load(const struct cli_run_opts *o, struct replay *rep)
{
	struct scenario_limits slim;
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
	scenario_limits_default(&slim);
	sc = scenario_load(o->scenario, &slim, o->seed, &probs);
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
	struct scenario *sc;
	int r;

	o.listen = calloc((size_t)argc + 1, sizeof *o.listen);
	o.tls_listen = calloc((size_t)argc + 1, sizeof *o.tls_listen);
	o.http = calloc((size_t)argc + 1, sizeof *o.http);
	o.https = calloc((size_t)argc + 1, sizeof *o.https);
	if (o.listen == NULL || o.tls_listen == NULL || o.http == NULL || o.https == NULL)
		abort();
	server_limits_default(&o.lim);
	o.writers = cli_run_default_writers();
	r = cli_run_parse(argc, argv, &o);
	if (r == 0 && o.n_tls_listen + o.n_https > 0 && cli_run_tls(&o) < 0)
		r = -1;
	if (r != 0) {
		if (r > 0)
			cli_run_usage(stdout);
		free(o.listen);
		free(o.tls_listen);
		free(o.http);
		free(o.https);
		return r > 0 ? 0 : 2;
	}
	if (o.n_listen == 0 && o.n_tls_listen == 0)
		o.listen[o.n_listen++] = "127.0.0.1:7300";
	sc = cli_run_load(&o, &rep);
	if (sc == NULL)
		r = 1;
	else if (o.secrets != NULL && secrets_load(scenario_exercise(sc), o.secrets, stderr) < 0)
		r = 1;
	else
		r = cli_run_serve(scenario_exercise(sc), &o, &rep);
	scenario_free(sc);
	replay_free(&rep);
	free(o.listen);
	free(o.tls_listen);
	free(o.http);
	free(o.https);
	tls_free(o.tls);
	return r;
}
