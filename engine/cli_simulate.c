/* tabletop simulate: run a scenario headless from STARTEX to ENDEX while bots play the teams. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_simulate.h"
#include "core/mem.h"
#include "core/timeparse.h"
#include "core/utf8.h"
#include "journal/journal.h"
#include "lua/scenario.h"

enum { BOT_DECIDE, BOT_SHARE, BOT_ACTION, BOT_RFI };

/* What one run saw, and what the bots still have to do. */
struct sim_run {
	struct exercise *ex;
	const struct cli_simulate_opts *o;
	uint64_t rng;
	struct queue bots;      /* BOT_* items, due at exercise times */
	FILE *out;              /* the timeline, or NULL in a multi-run */
	unsigned char *fired;   /* n_declared flags */
	unsigned char **chosen; /* per inject, n_options flags */
	unsigned long decisions, timeouts, logs;
	struct journal *journal;          /* --journal, or NULL */
	struct scenario_problems *errors; /* distinct script errors are added here, or NULL */
};

/* The next number of the run's seeded generator (splitmix64). */
static uint64_t sim_rand(struct sim_run *r)
{
	uint64_t z = (r->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [lo, hi] from the generator. */
static long sim_between(struct sim_run *r, long lo, long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long)(sim_rand(r) % (uint64_t)(hi - lo + 1));
}

/* Plan the bot's answer to inject i for team: a tick strictly before the deadline. */
static void sim_plan_decision(struct sim_run *r, int i, int team)
{
	const struct ex_decision *d = r->ex->injects[i].decision;
	long tick = r->ex->tick, t = r->ex->t, last;

	if (r->o->policy == CLI_POLICY_NONE)
		return;
	if (r->o->policy == CLI_POLICY_DEFAULT && d->dflt < 0)
		return;
	if (d->deadline >= 0)
		last = (d->deadline - 1) / tick; /* ticks after t still before the deadline */
	else
		last = 1800 / tick;
	if (last < 0)
		last = 0;
	queue_push(&r->bots, t + sim_between(r, last > 0 ? 1 : 0, last) * tick, BOT_DECIDE, i, team,
	           0);
}

/* Under the random policy, plan some shares, actions and RFIs in reply to an inject. */
static void sim_plan_chatter(struct sim_run *r, int i, int team)
{
	long t = r->ex->t;

	if (sim_rand(r) % 2 == 0)
		queue_push(&r->bots, t + sim_between(r, 0, 1800), BOT_SHARE, i, team, 0);
	if (sim_rand(r) % 3 == 0)
		queue_push(&r->bots, t + sim_between(r, 0, 1800), BOT_ACTION, i, team, 0);
	if (sim_rand(r) % 5 == 0)
		queue_push(&r->bots, t + sim_between(r, 0, 3600), BOT_RFI, i, team, 0);
}

/* Print a timeline line "T+HH:MM:SS  text" when the run is detailed. */
__attribute__((format(printf, 3, 4))) static void sim_line(struct sim_run *r, long t,
                                                           const char *fmt, ...)
{
	char off[32];
	va_list ap;

	if (r->out == NULL)
		return;
	timeparse_format_offset(t, off, sizeof off);
	fprintf(r->out, "%s  ", off);
	va_start(ap, fmt);
	utf8_term_vprintf(r->out, fmt, ap);
	va_end(ap);
	fputc('\n', r->out);
}

/* A string member of an event's JSON, or "". */
static const char *sim_str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

/* An inject reached teams: note it, and let the bots plan their answers. */
static void sim_on_inject(struct sim_run *r, struct evt *ev)
{
	int i = ex_find_inject(r->ex, sim_str(ev->obj, "id"));
	char to[256] = "";
	size_t used = 0;

	if (i >= r->ex->n_declared)
		i = -1; /* an ad-hoc inject: no coverage, no bot plans */
	if (ev->aud.teams == NULL)
		return; /* the white cell's copy */
	for (int k = 0; k < r->ex->n_teams; k++) {
		if (!ev->aud.teams[k])
			continue;
		if (used < sizeof to - 1)
			used += (size_t)snprintf(to + used, sizeof to - used, "%s%s",
			                         used ? ", " : "", r->ex->teams[k].id);
		if (i < 0)
			continue;
		if (r->ex->injects[i].decision)
			sim_plan_decision(r, i, k);
		if (r->o->policy == CLI_POLICY_RANDOM)
			sim_plan_chatter(r, i, k);
	}
	if (i >= 0)
		r->fired[i] = 1;
	sim_line(r, ev->t, "inject %s -> %s: %s", sim_str(ev->obj, "id"), to,
	         sim_str(ev->obj, "subject"));
}

/* A decision was recorded: count it and mark its option as reached. */
static void sim_on_decision(struct sim_run *r, struct evt *ev)
{
	int i = ex_find_inject(r->ex, sim_str(ev->obj, "inject"));
	int timeout = json_is_true(json_object_get(ev->obj, "timeout"));
	const char *opt = json_string_value(json_object_get(ev->obj, "option"));

	r->decisions++;
	r->timeouts += timeout;
	if (i >= 0 && i < r->ex->n_declared && opt && r->ex->injects[i].decision) {
		int k = ex_find_option(r->ex->injects[i].decision, opt);

		if (k >= 0)
			r->chosen[i][k] = 1;
	}
	sim_line(r, ev->t, "decision %s %s: %s", sim_str(ev->obj, "team"),
	         sim_str(ev->obj, "inject"), opt ? opt : "(none)");
	if (timeout && r->out)
		fputs("            (by the deadline)\n", r->out);
}

/* Add a script error to r->errors unless one at its line with its message is there already. */
static void sim_keep_error(struct sim_run *r, const struct evt *ev)
{
	int line = (int)json_integer_value(json_object_get(ev->obj, "line"));
	const char *msg = sim_str(ev->obj, "message");
	char off[32];

	if (r->errors == NULL)
		return;
	for (int i = 0; i < r->errors->n; i++)
		if (r->errors->v[i].line == line &&
		    !strncmp(r->errors->v[i].msg, msg, strlen(msg)) &&
		    !strncmp(r->errors->v[i].msg + strlen(msg), " (script error", 14))
			return;
	timeparse_format_offset(ev->t, off, sizeof off);
	scenario_problem_add(r->errors, sim_str(ev->obj, "file"), line,
	                     "%s (script error in a headless run: seed %llu, at %s)", msg,
	                     r->ex->seed, off);
}

/* The exercise's sink for a simulated run. */
static void sim_sink(void *ctx, struct evt *ev)
{
	struct sim_run *r = ctx;

	switch (ev->type) {
	case EVT_INJECT:
		sim_on_inject(r, ev);
		break;
	case EVT_DECISION:
		sim_on_decision(r, ev);
		break;
	case EVT_SCORE:
		sim_line(r, ev->t, "score %s %+lld: %s", sim_str(ev->obj, "team"),
		         (long long)json_integer_value(json_object_get(ev->obj, "delta")),
		         sim_str(ev->obj, "reason"));
		break;
	case EVT_PHASE:
		sim_line(r, ev->t, "phase: %s", sim_str(ev->obj, "name"));
		break;
	case EVT_LOG:
		r->logs++;
		sim_line(r, ev->t, "log: %s", sim_str(ev->obj, "text"));
		break;
	case EVT_SCRIPT_ERROR:
		sim_line(r, ev->t, "script error: %s:%lld: %s", sim_str(ev->obj, "file"),
		         (long long)json_integer_value(json_object_get(ev->obj, "line")),
		         sim_str(ev->obj, "message"));
		sim_keep_error(r, ev);
		break;
	case EVT_END:
		sim_line(r, ev->t, "ENDEX: %s", sim_str(ev->obj, "reason"));
		break;
	default:
		break;
	}
}

/* Journal a command as the bot of team typed it (team -1: the simulator, session 0). */
__attribute__((format(printf, 3, 4))) static void sim_journal(struct sim_run *r, int team,
                                                              const char *fmt, ...)
{
	struct cmd_session s;
	char line[512];
	va_list ap;

	if (r->journal == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	cmd_session_init(&s, (unsigned long)(team + 1));
	s.role = team >= 0 ? CMD_ROLE_TEAM : CMD_ROLE_FACILITATOR;
	s.team = team;
	s.name = (char *)(team >= 0 ? "bot" : "simulate");
	journal_input(r->journal, &s, line);
}

/* Carry out every bot action due by now. */
static void sim_bots_act(struct sim_run *r)
{
	struct queue_item it;
	struct exercise *ex = r->ex;

	while (ex->state != EX_ENDED && queue_peek(&r->bots, &it) && it.t <= ex->t) {
		const struct ex_inject *inj = &ex->injects[it.a];
		const char *team = ex->teams[it.b].id, *code;
		char text[256];

		queue_pop(&r->bots, &it);
		switch (it.kind) {
		case BOT_DECIDE: {
			const struct ex_decision *d = inj->decision;
			int k = r->o->policy == CLI_POLICY_FIRST ? 0
			        : r->o->policy == CLI_POLICY_DEFAULT
			            ? d->dflt
			            : (int)sim_between(r, 0, d->n_options - 1);
			sim_journal(r, it.b, "decide %s %s", inj->id, d->options[k].key);
			ex_decide(ex, it.a, it.b, d->options[k].key, "bot", &code);
			break;
		}
		case BOT_SHARE: {
			int to = (int)sim_between(r, -1, ex->n_teams - 1);

			snprintf(text, sizeof text, "%s shares what it knows about %s", team,
			         inj->id);
			if (to == it.b)
				to = -1;
			sim_journal(r, it.b, "share %s %s", to >= 0 ? ex->teams[to].id : "all",
			            text);
			ex_share(ex, it.b, to, "bot", text);
			break;
		}
		case BOT_ACTION:
			snprintf(text, sizeof text, "%s acts on %s", team, inj->id);
			sim_journal(r, it.b, "action %s", text);
			ex_action(ex, it.b, "bot", text);
			break;
		default:
			snprintf(text, sizeof text, "%s asks for more on %s", team, inj->id);
			sim_journal(r, it.b, "rfi %s", text);
			ex_rfi(ex, it.b, "bot", text);
			break;
		}
	}
}

/* Run one exercise to ENDEX; the run's tallies are left in r. */
static void sim_play(struct sim_run *r)
{
	struct exercise *ex = r->ex;

	ex_set_sink(ex, sim_sink, r);
	journal_attach(r->journal, ex);
	sim_journal(r, -1, "start");
	ex_start(ex);
	sim_bots_act(r);
	while (ex->state != EX_ENDED) {
		journal_tick(r->journal, ex->t + ex->tick);
		ex_tick(ex);
		sim_bots_act(r);
	}
}

/* Make the per-inject coverage flags for an exercise. */
static void sim_coverage_alloc(const struct exercise *ex, unsigned char **fired,
                               unsigned char ***chosen)
{
	*fired = mem_calloc((size_t)ex->n_declared + 1, 1);
	*chosen = mem_calloc((size_t)ex->n_declared + 1, sizeof **chosen);
	for (int i = 0; i < ex->n_declared; i++) {
		int n = ex->injects[i].decision ? ex->injects[i].decision->n_options : 0;

		(*chosen)[i] = mem_calloc((size_t)n + 1, 1);
	}
}

/* Free coverage flags. */
static void sim_coverage_free(int n, unsigned char *fired, unsigned char **chosen)
{
	for (int i = 0; i < n; i++)
		free(chosen[i]);
	free(chosen);
	free(fired);
}

/* Print the problems of a scenario that did not load. */
static int sim_problems(struct scenario_problems *p, const char *path, FILE *err)
{
	scenario_problems_print(p, path, err);
	scenario_problems_free(p);
	return 1;
}

/* Load the scenario for one run with the given seed (-1: its own) and limits (NULL: defaults). */
static struct scenario *sim_load(const char *path, long long seed,
                                 const struct scenario_limits *limits, FILE *err)
{
	struct scenario_limits lim;
	struct scenario_problems probs = {0};
	struct scenario *sc;

	scenario_limits_default(&lim);
	if (limits != NULL)
		lim = *limits;
	sc = scenario_load(path, &lim, seed, &probs);
	if (sc == NULL || probs.n > 0) {
		sim_problems(&probs, path, err);
		if (sc)
			scenario_free(sc);
		return NULL;
	}
	scenario_problems_free(&probs);
	scenario_exercise(sc)->no_past = true; /* no `timeline` is asked of a headless run */
	return sc;
}

/* The policy's name. */
static const char *sim_policy_name(enum cli_policy p)
{
	static const char *names[] = {"first", "random", "default", "none"};

	return names[p];
}

/* Print the end-of-run summary of one detailed run. */
static void sim_summary(struct sim_run *r, unsigned long errors)
{
	struct exercise *ex = r->ex;
	int fired = 0, shown = 0;
	char off[32];

	for (int i = 0; i < ex->n_declared; i++)
		fired += r->fired[i];
	fprintf(r->out, "\nSummary\n  injects fired: %d of %d declared (%lu deliveries)\n", fired,
	        ex->n_declared, ex->n_fired);
	for (int i = 0; i < ex->n_declared && shown < 20; i++)
		if (!r->fired[i])
			fprintf(r->out, "%s%s",
			        shown++ ? ", " : "  not fired: ", ex->injects[i].id);
	if (shown)
		fprintf(r->out, "%s\n", fired + shown < ex->n_declared ? ", ..." : "");
	fprintf(r->out, "  decisions: %lu (%lu by deadline)\n  scores:\n", r->decisions,
	        r->timeouts);
	for (int k = 0; k < ex->n_teams; k++)
		utf8_term_printf(r->out, "    %-10s %-40s %6ld\n", ex->teams[k].id,
		                 ex->teams[k].name ? ex->teams[k].name : "", ex->teams[k].score);
	timeparse_format_offset(ex->t, off, sizeof off);
	utf8_term_printf(r->out, "  script errors: %lu\n  ended: %s at %s\n", errors,
	                 ex->end_reason ? ex->end_reason : "?", off);
}

/* One detailed run: the timeline and the summary. */
static int sim_single(const char *path, const struct cli_simulate_opts *o, FILE *out, FILE *err)
{
	struct scenario *sc = sim_load(path, o->seed, o->lim, err);
	struct sim_run r = {0};
	int status = 0;

	if (sc == NULL)
		return 1;
	r.ex = scenario_exercise(sc);
	cli_warn_missing(path, r.ex, err);
	if (o->journal != NULL &&
	    (r.journal = journal_create(o->journal, r.ex, r.ex->path,
	                                "tabletop never overwrites one: remove it or choose "
	                                "another file",
	                                err)) == NULL) {
		scenario_free(sc);
		return 1;
	}
	r.o = o;
	r.out = out;
	r.rng = r.ex->seed;
	queue_init(&r.bots);
	sim_coverage_alloc(r.ex, &r.fired, &r.chosen);
	fprintf(out, "tabletop simulate %s: seed %llu, policy %s\n", path, r.ex->seed,
	        sim_policy_name(o->policy));
	sim_play(&r);
	sim_summary(&r, scenario_errors(sc));
	if (journal_close(r.journal) < 0)
		status = 1;
	sim_coverage_free(r.ex->n_declared, r.fired, r.chosen);
	queue_free(&r.bots);
	scenario_free(sc);
	return status;
}

/* Compare two scores, for sorting. */
static int sim_cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Draw the progress bar for run i of n. */
static void sim_progress(long i, long n)
{
	int w = 40, done = (int)(w * i / n);

	fprintf(stderr, "\r[%.*s%*s] %ld/%ld", done, "########################################",
	        w - done, "", i, n);
	if (i == n)
		fputc('\n', stderr);
	fflush(stderr);
}

/*
 * Print what no run reached: injects never fired and options never chosen. Manual injects (the
 * white cell fires them by hand) are listed apart and are no gap. Returns the number of gaps.
 */
static int sim_print_coverage(FILE *out, const struct exercise *ex, const unsigned char *fired,
                              unsigned char *const *chosen)
{
	int gaps = 0, manual = 0;

	for (int i = 0; i < ex->n_declared; i++) {
		const struct ex_inject *inj = &ex->injects[i];

		if (!fired[i] && inj->manual) {
			fprintf(
			    out, "%s%s",
			    manual++ ? ", " : "  manual, fired only by the white cell: ", inj->id);
			continue;
		}
		if (!fired[i]) {
			fprintf(out, "  %s:%d: inject %s was never fired%s\n", ex->path, inj->line,
			        inj->id,
			        inj->at < 0 ? " (it has no 'at': if only the white cell fires it, "
			                      "say so with manual = true)"
			                    : "");
			gaps++;
			continue;
		}
		for (int k = 0; inj->decision && k < inj->decision->n_options; k++)
			if (!chosen[i][k]) {
				fprintf(out, "  %s:%d: option '%s' of %s was never chosen\n",
				        ex->path, inj->line, inj->decision->options[k].key,
				        inj->id);
				gaps++;
			}
	}
	if (manual)
		fputc('\n', out);
	if (gaps == 0)
		fprintf(out, "  every inject fired and every option was chosen in some run\n");
	return gaps;
}

/* Many runs over consecutive seeds: outcomes, score distributions and coverage. */
static int sim_many(const char *path, const struct cli_simulate_opts *o, FILE *out, FILE *err)
{
	struct scenario *sc = sim_load(path, o->seed, o->lim, err);
	struct exercise *first;
	unsigned char *fired, **chosen;
	long *scores, runs = o->runs;
	unsigned long long seed0;
	unsigned long errors = 0, ended_by_duration = 0;
	int gaps;

	if (sc == NULL)
		return 1;
	first = scenario_exercise(sc);
	cli_warn_missing(path, first, err);
	seed0 = first->seed;
	sim_coverage_alloc(first, &fired, &chosen);
	scores = mem_calloc(mem_mul((size_t)first->n_teams, (size_t)runs) + 1, sizeof *scores);
	for (long n = 0; n < runs; n++) {
		struct scenario *s =
		    n == 0 ? sc : sim_load(path, (long long)(seed0 + n), o->lim, err);
		struct sim_run r = {0};

		if (s == NULL)
			break;
		r.ex = scenario_exercise(s);
		r.o = o;
		r.rng = r.ex->seed;
		r.fired = fired;
		r.chosen = chosen;
		queue_init(&r.bots);
		sim_play(&r);
		for (int k = 0; k < first->n_teams && k < r.ex->n_teams; k++)
			scores[k * runs + n] = r.ex->teams[k].score;
		ended_by_duration += r.ex->end_reason && !strcmp(r.ex->end_reason, "duration");
		errors += scenario_errors(s);
		queue_free(&r.bots);
		if (s != sc)
			scenario_free(s);
		if (o->progress)
			sim_progress(n + 1, runs);
	}
	fprintf(out, "tabletop simulate %s: %ld runs, seeds %llu..%llu, policy %s\n", path, runs,
	        seed0, seed0 + (unsigned long long)runs - 1, sim_policy_name(o->policy));
	fprintf(out, "  ended by duration: %lu, earlier by the scenario or white cell: %lu\n",
	        ended_by_duration, (unsigned long)runs - ended_by_duration);
	fprintf(out, "  script errors: %lu\nscores (min / median / mean / max):\n", errors);
	for (int k = 0; k < first->n_teams; k++) {
		long *v = scores + k * runs;
		double sum = 0;

		qsort(v, (size_t)runs, sizeof *v, sim_cmp_long);
		for (long n = 0; n < runs; n++)
			sum += (double)v[n];
		fprintf(out, "  %-10s %6ld %6ld %8.1f %6ld\n", first->teams[k].id, v[0],
		        v[runs / 2], sum / (double)runs, v[runs - 1]);
	}
	fprintf(out, "coverage:\n");
	gaps = sim_print_coverage(out, first, fired, chosen);
	sim_coverage_free(first->n_declared, fired, chosen);
	free(scores);
	scenario_free(sc);
	return o->strict && gaps > 0 ? 1 : 0;
}

/*
 * Play runs headless runs of path (seeds from its own on, random policy, limits lim): every
 * distinct script error goes to errors. Returns the runs played.
 */
int cli_simulate_probe(const char *path, const struct scenario_limits *lim, int runs,
                       struct scenario_problems *errors)
{
	struct cli_simulate_opts o = {.seed = -1, .policy = CLI_POLICY_RANDOM, .lim = lim};
	unsigned long long seed0 = 0;
	unsigned char *fired, **chosen;
	int n;

	for (n = 0; n < runs; n++) {
		struct scenario *sc =
		    sim_load(path, n == 0 ? -1 : (long long)(seed0 + n), lim, stderr);
		struct sim_run r = {.o = &o, .errors = errors};

		if (sc == NULL)
			break;
		r.ex = scenario_exercise(sc);
		if (n == 0)
			seed0 = r.ex->seed;
		r.rng = r.ex->seed;
		sim_coverage_alloc(r.ex, &fired, &chosen);
		r.fired = fired;
		r.chosen = chosen;
		queue_init(&r.bots);
		sim_play(&r);
		sim_coverage_free(r.ex->n_declared, fired, chosen);
		queue_free(&r.bots);
		scenario_free(sc);
	}
	return n;
}

/* Run simulate on path, writing the summary to out and problems to err; returns the exit status. */
int cli_simulate_run(const char *path, const struct cli_simulate_opts *o, FILE *out, FILE *err)
{
	return o->runs > 1 ? sim_many(path, o, out, err) : sim_single(path, o, out, err);
}

/* The options of simulate. */
static const struct cliopt cli_simulate_opts_table[] = {
    {"seed", 0, "N", "the first seed (default: the scenario's)", 'S'},
    {"policy", 0, "first|random|default|none", "how bots decide (first; random with --runs)", 'p'},
    {"runs", 0, "N", "play seeds SEED..SEED+N-1 and report what no run reached", 'r'},
    {"strict", 0, NULL, "with --runs: exit 1 when something was never reached", 's'},
    {"journal", 0, "FILE", "write the journal of a single run, for tabletop report", 'j'},
    CLI_CALLBACK_OPTS,
    {NULL, 0, NULL, NULL, 0},
};

/* simulate's command line. */
const struct cliopt_spec cli_simulate_spec = {
    "simulate", "SCENARIO.lua [options]", "run STARTEX..ENDEX headless, bots play the teams",
    cli_simulate_opts_table,
    "Runs STARTEX..ENDEX at full speed while bots answer each decision at a seeded\n"
    "random moment before its deadline. --runs N reports score distributions and\n"
    "what no run reached. The bots' policy is first for one run and random with\n"
    "--runs, unless --policy says otherwise.\n"};

/* The policy named p; -1 after a usage error. */
static int cli_simulate_policy(const char *p)
{
	static const char *const names[] = {[CLI_POLICY_FIRST] = "first",
	                                    [CLI_POLICY_RANDOM] = "random",
	                                    [CLI_POLICY_DEFAULT] = "default",
	                                    [CLI_POLICY_NONE] = "none"};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(p, names[i]))
			return (int)i;
	cliopt_error(stderr, &cli_simulate_spec,
	             "--policy is first, random, default or none, not '%s'", p);
	return -1;
}

/* Apply one option of simulate to o (lim: its scenario limits); -1 after a usage error. */
static int cli_simulate_option(struct cli_simulate_opts *o, struct scenario_limits *lim, int key,
                               const char *v)
{
	long long n;
	int p;

	switch (key) {
	case CLI_KEY_CALLBACK_EVENTS:
	case CLI_KEY_CALLBACK_BYTES:
		return cli_callback_cap(key, v, lim);
	case 'S':
		if (cli_parse_long("--seed", v, 0, CLI_SEED_MAX, &n) < 0)
			return -1;
		o->seed = n;
		return 0;
	case 'r':
		if (cli_parse_long("--runs", v, 1, 1000000, &n) < 0)
			return -1;
		o->runs = (long)n;
		return 0;
	case 's':
		o->strict = 1;
		return 0;
	case 'j':
		o->journal = v;
		return 0;
	default:
		if ((p = cli_simulate_policy(v)) < 0)
			return -1;
		o->policy = (enum cli_policy)p;
		return 0;
	}
}

/* tabletop simulate SCENARIO [--seed N] [--policy P] [--runs N] */
int cli_simulate_main(int argc, char **argv)
{
	struct cli_simulate_opts o = {.seed = -1, .policy = CLI_POLICY_FIRST, .runs = 1};
	struct scenario_limits lim;
	struct cliopt_state st;
	const char *path = NULL;
	int key, policy_set = 0;

	scenario_limits_default(&lim);
	o.lim = &lim;
	cliopt_init(&st, argc, argv);
	while ((key = cliopt_next(&st, &cli_simulate_spec)) != CLIOPT_END) {
		if (key == CLIOPT_HELP)
			return 0;
		if (key == CLIOPT_ERROR)
			return 2;
		if (key == CLIOPT_OPERAND && path != NULL)
			return cliopt_error(stderr, &cli_simulate_spec,
			                    "one scenario at a time ('%s' is extra)", st.value);
		if (key == CLIOPT_OPERAND)
			path = st.value;
		else if (cli_simulate_option(&o, &lim, key, st.value) < 0)
			return 2;
		policy_set |= key == 'p';
	}
	if (path == NULL)
		return cliopt_error(stderr, &cli_simulate_spec,
		                    "which scenario? usage: tabletop simulate SCENARIO.lua");
	if (o.journal != NULL && o.runs > 1)
		return cliopt_error(stderr, &cli_simulate_spec,
		                    "--journal records a single run; it cannot go with --runs");
	if (!policy_set && o.runs > 1)
		o.policy = CLI_POLICY_RANDOM; /* coverage needs bots that differ */
	o.progress = o.runs > 1 && isatty(STDERR_FILENO);
	return cli_simulate_run(path, &o, stdout, stderr);
}
