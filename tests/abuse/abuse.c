/*
 * The abuse test (issue #6): `tabletop run` on loopback under five attacks at once (idle
 * connections, connect churn, random bytes, slowloris, a login brute force) while a logged-in
 * team keeps receiving injects. Prints the figures; with --tap asserts the behaviour as TAP, with
 * --bench also the targets (p99 < 100 ms, RSS back within 10 %). See docs/performance.md.
 */
#include "abuse.h"

#include <getopt.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "core/mem.h"

#if defined(__SANITIZE_ADDRESS__)
#define ABUSE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ABUSE_ASAN 1
#endif
#endif
#ifndef ABUSE_ASAN
#define ABUSE_ASAN 0
#endif

/* Injects the team receives before the attacks, to warm the server up (one second). */
#define ABUSE_WARM 20
/* Descriptors the attackers and the server need beyond their connections (the churn in flight). */
#define ABUSE_SPARE_FDS 1200
/* The server's memory has settled when it has not gone down for this long (seconds). */
#define ABUSE_RSS_STEADY 2.0

/* The usage text. */
static void abuse_usage(FILE *f)
{
	fprintf(
	    f,
	    "usage: abuse [--tap | --bench] [--seconds S] [--warm-rounds N] [--idle N]\n"
	    "             [--churn PER_S] [--random N] [--brute N] [--slow N]\n"
	    "             [--idle-timeout S] [--login-failures N] [--seed N]\n"
	    "             [--binary PATH] [--fixture PATH] [--trace FILE]\n"
	    "Runs `tabletop run` ($TABLETOP or --binary) on $SRCDIR/tests/abuse/fixtures/"
	    "abuse.lua\nunder every attack at once and prints what happened; --tap asserts the "
	    "behaviour,\n--bench the targets too. --warm-rounds runs that many rounds of attacks "
	    "first;\n--trace writes each inject's due time (s from the measured round's start) "
	    "and delay (ms).\n");
}

/* Parse the command line into ab; -1 after a usage error. */
static int abuse_options(struct abuse *ab, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"tap", no_argument, NULL, 't'},
	    {"bench", no_argument, NULL, 'b'},
	    {"seconds", required_argument, NULL, 's'},
	    {"warm-rounds", required_argument, NULL, 'W'},
	    {"idle", required_argument, NULL, 'i'},
	    {"churn", required_argument, NULL, 'c'},
	    {"random", required_argument, NULL, 'r'},
	    {"brute", required_argument, NULL, 'f'},
	    {"slow", required_argument, NULL, 'w'},
	    {"idle-timeout", required_argument, NULL, 'T'},
	    {"login-failures", required_argument, NULL, 'F'},
	    {"seed", required_argument, NULL, 'S'},
	    {"binary", required_argument, NULL, 'B'},
	    {"fixture", required_argument, NULL, 'X'},
	    {"trace", required_argument, NULL, 'R'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct attack_config *c = &ab->cfg;
	int k;

	while ((k = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (k == 't')
			ab->tap = true;
		else if (k == 'b')
			ab->bench = true;
		else if (k == 's')
			c->seconds = atof(optarg);
		else if (k == 'W')
			ab->warm_rounds = atoi(optarg);
		else if (k == 'i')
			c->n[ATTACK_IDLE] = atoi(optarg);
		else if (k == 'c')
			c->churn_rate = atof(optarg);
		else if (k == 'r')
			c->n[ATTACK_RANDOM] = atoi(optarg);
		else if (k == 'f')
			c->n[ATTACK_BRUTE] = atoi(optarg);
		else if (k == 'w')
			c->n[ATTACK_SLOW] = c->n[ATTACK_SLOW_LINES] = atoi(optarg);
		else if (k == 'T')
			c->idle_timeout = atol(optarg);
		else if (k == 'F')
			c->login_failures = atoi(optarg);
		else if (k == 'S')
			c->seed = strtoul(optarg, NULL, 10);
		else if (k == 'B')
			ab->binary = optarg;
		else if (k == 'X')
			ab->fixture = optarg;
		else if (k == 'R')
			ab->trace = optarg;
		else if (k == 'h')
			return 1;
		else
			return -1;
	}
	if (optind != argc || c->seconds <= 0 || c->idle_timeout < 1 || c->login_failures < 2 ||
	    c->login_failures > 8 || ab->warm_rounds < 0 || ab->warm_rounds > ABUSE_WARM_MAX ||
	    c->churn_rate < 0 || ab->binary == NULL)
		return -1;
	for (int i = 0; i < ATTACK_KINDS; i++)
		if (c->n[i] < 0)
			return -1;
	return 0;
}

/* Why the test cannot mean anything in this build or environment, or NULL. */
static const char *abuse_skip(void)
{
	const char *w = getenv("TABLETOP_WRAPPER");

	if (w != NULL && *w != '\0')
		return "the server runs under TABLETOP_WRAPPER (valgrind): too slow to be abused";
	if (ABUSE_ASAN)
		return "built with AddressSanitizer: timings and memory would not mean anything";
	return NULL;
}

/*
 * The most connections the attackers can make the server hold at once: every idle connection
 * twice (the next one arrives while the server lingers over the close of the one before), the
 * other kinds, and the churn in flight.
 */
static long abuse_most(const struct abuse *ab)
{
	const int *n = ab->cfg.n;

	return 2L * n[ATTACK_IDLE] + n[ATTACK_RANDOM] + n[ATTACK_BRUTE] + n[ATTACK_SLOW] +
	       n[ATTACK_SLOW_LINES] + ABUSE_SPARE_FDS;
}

/* Raise our open files limit to the hard limit; fewer idle connections if even that is short. */
static void abuse_nofile(struct abuse *ab)
{
	struct rlimit rl = {RLIM_INFINITY, RLIM_INFINITY};
	int *idle = &ab->cfg.n[ATTACK_IDLE];

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur != RLIM_INFINITY && (long)rl.rlim_cur < abuse_most(ab)) {
		long fit = *idle - (abuse_most(ab) - (long)rl.rlim_cur + 1) / 2;

		snprintf(ab->scaled, sizeof ab->scaled,
		         "%d idle connections asked, %ld fit under the open files limit of %ld",
		         *idle, fit > 0 ? fit : 0, (long)rl.rlim_cur);
		*idle = fit > 0 ? (int)fit : 0;
	}
	ab->most_conns = abuse_most(ab);
}

/* Start the server (it inherits our open files limit) and log in the team and a facilitator. */
static int abuse_start(struct abuse *ab)
{
	char timeout[24], failures[24], conns[24];
	char *argv[] = {(char *)ab->binary,
	                "run",
	                (char *)ab->fixture,
	                "--listen",
	                "127.0.0.1:0",
	                "--autostart",
	                "--no-console",
	                "--idle-timeout",
	                timeout,
	                "--login-failures",
	                failures,
	                "--max-conns",
	                conns,
	                NULL};

	snprintf(timeout, sizeof timeout, "%ld", ab->cfg.idle_timeout);
	snprintf(failures, sizeof failures, "%d", ab->cfg.login_failures);
	snprintf(conns, sizeof conns, "%ld", ab->most_conns);
	if (proc_start(&ab->srv, argv) < 0)
		return -1;
	ab->cfg.port = ab->srv.port;
	ab->cfg.server = ab->srv.pid;
	ab->srv_nofile = proc_nofile(ab->srv.pid);
	if (proc_code(&ab->srv, "blue") == NULL || proc_code(&ab->srv, "facilitator") == NULL) {
		fprintf(stderr, "abuse: no join codes for blue and facilitator\n");
		return -1;
	}
	if (team_start(&ab->team, ab->srv.port, "blue", proc_code(&ab->srv, "blue")) < 0 ||
	    wire_login(&ab->fac, ab->srv.port, "facilitator", proc_code(&ab->srv, "facilitator")) <
	        0)
		return -1;
	if (!team_wait(&ab->team, ABUSE_WARM, 10000)) {
		fprintf(stderr, "abuse: the team got no injects before the attacks\n");
		return -1;
	}
	return 0;
}

/*
 * After a round of attacks: wait until the server has closed every attacker (its descriptors are
 * back) and its memory no longer goes down; returns how long the descriptors took.
 */
static double abuse_quiet(struct abuse *ab, double t_stop)
{
	double end = wire_now() + 30, back, low_at;
	long low = proc_kib(ab->srv.pid, "VmRSS:");

	while (proc_fds(ab->srv.pid) > ab->fds_before && wire_now() < end)
		poll(NULL, 0, 20);
	back = wire_now() - t_stop;
	low_at = wire_now();
	while (wire_now() - low_at < ABUSE_RSS_STEADY && wire_now() < end) {
		long rss;

		poll(NULL, 0, 100);
		rss = proc_kib(ab->srv.pid, "VmRSS:");
		if (rss < low) {
			low = rss;
			low_at = wire_now();
		}
	}
	return back;
}

/* The warm-up rounds: the same attacks, then quiet again, each time. */
static void abuse_warm(struct abuse *ab)
{
	struct attack_result res;

	for (int r = 0; r < ab->warm_rounds; r++) {
		attack_run(&ab->cfg, &res);
		ab->warm_t[r][0] = res.t_start;
		abuse_quiet(ab, res.t_stop);
		ab->warm_t[r][1] = wire_now();
		ab->rss_warm[r] = proc_kib(ab->srv.pid, "VmRSS:");
		free(res.churn_ms);
	}
}

/* Ask the facilitator's connection `teams` and `status`: the team's members, and whether ok. */
static void abuse_ask(struct abuse *ab)
{
	json_t *o, *t;
	size_t i;

	if (wire_send(&ab->fac, "teams") == 0 &&
	    (o = wire_reply(&ab->fac, "teams", 5000)) != NULL) {
		json_array_foreach(json_object_get(o, "teams"), i, t)
		{
			const char *id = json_string_value(json_object_get(t, "id"));

			if (id != NULL && strcmp(id, "blue") == 0)
				ab->team_members =
				    (long)json_integer_value(json_object_get(t, "members"));
		}
		json_decref(o);
	}
	if (wire_send(&ab->fac, "status") == 0 &&
	    (o = wire_reply(&ab->fac, "status", 5000)) != NULL) {
		const char *type = json_string_value(json_object_get(o, "type"));

		ab->fac_ok = type != NULL && strcmp(type, "ok") == 0;
		json_decref(o);
	}
}

/* After the measured round: wait for the server to settle, ask it how it is, stop it. */
static void abuse_settle(struct abuse *ab)
{
	ab->settle_s = abuse_quiet(ab, ab->res.t_stop);
	ab->fds_after = proc_fds(ab->srv.pid);
	ab->rss_after = proc_kib(ab->srv.pid, "VmRSS:");
	ab->hwm_after = proc_kib(ab->srv.pid, "VmHWM:");
	ab->alive = proc_alive(&ab->srv);
	abuse_ask(ab);
	team_stop(&ab->team);
	wire_close(&ab->fac);
	ab->exit_status = proc_stop(&ab->srv);
}

/* Sort helper for delays. */
static int abuse_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The phase an inject due at monotonic time `due` belongs to. */
static enum abuse_phase abuse_phase(const struct abuse *ab, double due)
{
	for (int r = 0; r < ab->warm_rounds; r++)
		if (due >= ab->warm_t[r][0] && due < ab->warm_t[r][1])
			return PHASE_WARM;
	if (due < ab->res.t_start)
		return PHASE_QUIET;
	return due < ab->res.t_stop ? PHASE_ATTACK : PHASE_AFTER;
}

/* Sort each phase's delays and keep n, p50, p99 and max. */
static void abuse_percentiles(struct abuse *ab, double **v, const long *n)
{
	for (int p = 0; p < PHASES; p++) {
		qsort(v[p], (size_t)n[p], sizeof(double), abuse_cmp);
		ab->lat[p][0] = (double)n[p];
		if (n[p] > 0) {
			ab->lat[p][1] = v[p][(n[p] - 1) / 2];
			ab->lat[p][2] = v[p][(long)ceil(0.99 * (double)n[p]) - 1];
			ab->lat[p][3] = v[p][n[p] - 1];
		}
		free(v[p]);
	}
}

/*
 * Each inject's delay: its arrival less its due time. Both are on this machine's monotonic clock:
 * the server runs tick k at STARTEX + k * tick / speed, so an inject at exercise time t is due at
 * STARTEX + t / speed. STARTEX is taken as the earliest (arrival - t / speed) over the whole run,
 * so a delay is counted from the fastest delivery seen.
 */
static void abuse_latency(struct abuse *ab)
{
	const struct team *tm = &ab->team;
	double t0 = INFINITY, *v[PHASES];
	long n[PHASES] = {0};
	FILE *trace = ab->trace != NULL ? fopen(ab->trace, "w") : NULL;

	if (ab->trace != NULL && trace == NULL)
		perror(ab->trace);
	for (long i = 0; i < tm->n_got; i++)
		t0 = fmin(t0, tm->got[i].at - (double)tm->got[i].t / tm->speed);
	for (int p = 0; p < PHASES; p++)
		v[p] = mem_calloc((size_t)tm->n_got + 1, sizeof(double));
	for (long i = 0; i < tm->n_got; i++) {
		double due = t0 + (double)tm->got[i].t / tm->speed;
		double ms = (tm->got[i].at - due) * 1e3;
		enum abuse_phase p = abuse_phase(ab, due);

		v[p][n[p]++] = ms;
		if (trace != NULL)
			fprintf(trace, "%.3f %.3f\n", due - ab->res.t_start, ms);
	}
	if (trace != NULL)
		fclose(trace);
	abuse_percentiles(ab, v, n);
	ab->expected =
	    (long)floor((ab->res.t_stop - ab->res.t_start) * tm->speed) / ABUSE_INJECT_EVERY;
}

/* The defaults: the figures, ten seconds, limits that make each attack meaningful. */
static void abuse_defaults(struct abuse *ab, char *fixture, size_t n)
{
	struct attack_config *c = &ab->cfg;
	const char *src = getenv("SRCDIR");

	snprintf(fixture, n, "%s/tests/abuse/fixtures/abuse.lua", src != NULL ? src : ".");
	ab->binary = getenv("TABLETOP");
	ab->fixture = fixture;
	c->seconds = 10;
	c->n[ATTACK_IDLE] = 5000;
	c->churn_rate = 1000;
	c->n[ATTACK_RANDOM] = 100;
	c->n[ATTACK_BRUTE] = 10;
	c->n[ATTACK_SLOW] = c->n[ATTACK_SLOW_LINES] = 1;
	c->idle_timeout = 4;
	c->login_failures = 3;
	c->max_line = 4096;
	c->seed = 1;
}

/* abuse [--tap | --bench] [options]: see abuse_usage. */
int main(int argc, char **argv)
{
	static struct abuse ab;
	char fixture[1024];
	const char *why;
	int r;

	abuse_defaults(&ab, fixture, sizeof fixture);
	r = abuse_options(&ab, argc, argv);
	if (r != 0) {
		abuse_usage(r > 0 ? stdout : stderr);
		return r > 0 ? 0 : 2;
	}
	why = abuse_skip();
	if (why != NULL) {
		printf(ab.tap ? "1..0 # SKIP %s\n" : "abuse: %s\n", why);
		return ab.tap ? 0 : 2;
	}
	signal(SIGPIPE, SIG_IGN);
	abuse_nofile(&ab);
	if (abuse_start(&ab) < 0) {
		if (ab.tap)
			printf("Bail out! the server or the team could not start\n");
		return 1;
	}
	ab.rss_cold = proc_kib(ab.srv.pid, "VmRSS:");
	ab.fds_before = proc_fds(ab.srv.pid);
	abuse_warm(&ab);
	ab.rss_before = proc_kib(ab.srv.pid, "VmRSS:");
	attack_run(&ab.cfg, &ab.res);
	abuse_settle(&ab);
	abuse_latency(&ab);
	report_table(&ab);
	report_checks(&ab);
	team_free(&ab.team);
	free(ab.res.churn_ms);
	return ab.n_failed > 0 ? 1 : 0;
}
