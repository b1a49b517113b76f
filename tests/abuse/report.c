/* The abuse test's figures, as a table, and its checks, as TAP or as the benchmark's verdict. */
#include "abuse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of the table; behind "# " in TAP mode. */
static void report_line(const struct abuse *ab, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One line of the table; behind "# " in TAP mode. */
static void report_line(const struct abuse *ab, const char *fmt, ...)
{
	va_list ap;

	if (ab->tap)
		fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* Mebibytes from kibibytes. */
static double report_mib(long kib)
{
	return (double)kib / 1024.0;
}

/* Sort helper for times. */
static int report_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The percentile p (0 to 1) of the sorted values v[0..n-1]. */
static double report_pct(const double *v, long n, double p)
{
	long i = (long)((double)n * p + 0.999999) - 1;

	return n == 0 ? 0 : v[i < 0 ? 0 : i];
}

/* The table of what each kind of attacker did and what the server did to it. */
static void report_attacks(const struct abuse *ab)
{
	const struct attack_result *r = &ab->res;

	report_line(ab, "%-10s %6s %7s %7s %5s %4s %6s %5s %9s %9s %5s %4s %7s %10s", "attacker",
	            "conns", "opened", "served", "local", "full", "failed", "reset", "idle-bye",
	            "other-end", "early", "late", "at-stop", "bytes sent");
	for (int k = 0; k < ATTACK_KINDS; k++) {
		const struct attack_stats *s = &r->st[k];
		char conns[16];

		if (k == ATTACK_CHURN)
			snprintf(conns, sizeof conns, "%.0f/s", ab->cfg.churn_rate);
		else
			snprintf(conns, sizeof conns, "%d", ab->cfg.n[k]);
		report_line(
		    ab, "%-10s %6s %7ld %7ld %5ld %4ld %6ld %5ld %9ld %9ld %5ld %4ld %7ld %10ld",
		    attack_name((enum attack_kind)k), conns, s->opened, s->served, s->local,
		    s->refused, s->failed, s->reset, s->closed_idle, s->closed_other, s->early,
		    s->late, s->open_at_stop, s->bytes);
	}
	for (int k = 0; k < ATTACK_KINDS; k++)
		if (r->st[k].error != 0)
			report_line(ab, "%s: last error: %s%s", attack_name((enum attack_kind)k),
			            strerror(r->st[k].error),
			            r->st[k].local > 0
			                ? " (local: this machine ran out of ports or "
			                  "descriptors, not the server)"
			                : "");
}

/* What the idle, churn, random and brute-force attackers saw in detail. */
static void report_details(const struct abuse *ab)
{
	const struct attack_result *r = &ab->res;
	const struct attack_stats *idle = &r->st[ATTACK_IDLE], *slow = &r->st[ATTACK_SLOW];
	const struct attack_stats *rnd = &r->st[ATTACK_RANDOM], *b = &r->st[ATTACK_BRUTE];
	double span = r->t_stop - r->t_start;
	double *ms = r->churn_ms;
	long n = r->n_churn_ms;

	report_line(ab,
	            "idle: held %.2f-%.2f s before the idle timeout (%ld s) closed them; "
	            "slowloris: %.2f-%.2f s",
	            idle->held_min, idle->held_max, ab->cfg.idle_timeout, slow->held_min,
	            slow->held_max);
	qsort(ms, (size_t)n, sizeof *ms, report_cmp);
	report_line(ab,
	            "churn: %ld connects served in %.1f s = %.0f/s; connect to banner p50 %.2f ms, "
	            "p99 %.2f ms, max %.2f ms",
	            n, span, (double)n / span, report_pct(ms, n, 0.5), report_pct(ms, n, 0.99),
	            n > 0 ? ms[n - 1] : 0);
	report_line(
	    ab,
	    "random: error replies bad_encoding %ld, line_too_long %ld, unknown_command %ld, "
	    "rate_limited %ld, other %ld; connections without an error reply %ld",
	    rnd->codes[CODE_BAD_ENCODING], rnd->codes[CODE_LINE_TOO_LONG],
	    rnd->codes[CODE_UNKNOWN_COMMAND], rnd->codes[CODE_RATE_LIMITED], rnd->codes[CODE_OTHER],
	    rnd->quiet);
	report_line(ab,
	            "brute: %ld guesses (%.1f/s), %ld logged in, %ld connections closed after %d "
	            "failures; shortest pause before guess 2: %.2f s, guess 3: %.2f s",
	            b->attempts, (double)b->attempts / span, b->logged_in, b->closed_failures,
	            ab->cfg.login_failures, b->delay_min[1], b->delay_min[2]);
}

/* The server's memory: cold, after each warm-up round, around the measured round. */
static void report_memory(const struct abuse *ab)
{
	char warm[160] = "";
	size_t len = 0;

	for (int r = 0; r < ab->warm_rounds && len < sizeof warm; r++)
		len += (size_t)snprintf(warm + len, sizeof warm - len,
		                        ", after warm-up round %d %.1f MiB", r + 1,
		                        report_mib(ab->rss_warm[r]));
	report_line(ab, "server RSS: cold %.1f MiB%s", report_mib(ab->rss_cold), warm);
	report_line(ab,
	            "server RSS: before %.1f MiB, peak %.1f MiB (VmHWM %.1f MiB), after %.1f MiB "
	            "= %.1f %% of before",
	            report_mib(ab->rss_before), report_mib(ab->res.rss_max_kib),
	            report_mib(ab->hwm_after), report_mib(ab->rss_after),
	            ab->rss_before > 0 ? 100.0 * (double)ab->rss_after / (double)ab->rss_before
	                               : 0);
	report_line(
	    ab, "CPU during the attacks: server %.2f s (%.0f %% of one CPU), attackers %.2f s",
	    ab->res.cpu_server, 100 * ab->res.cpu_server / (ab->res.t_stop - ab->res.t_start),
	    ab->res.cpu_self);
	report_line(
	    ab,
	    "server descriptors: before %d, peak %d, after %d (back %.2f s after the stop); "
	    "open files limit %ld",
	    ab->fds_before, ab->res.fds_max, ab->fds_after, ab->settle_s, ab->srv_nofile);
}

/* The team's injects and their delays in each phase. */
static void report_team(const struct abuse *ab)
{
	static const char *phase[] = {"quiet, before", "warm-up rounds", "during the attacks",
	                              "after the attacks"};
	const struct team *tm = &ab->team;

	report_line(ab,
	            "team: %ld injects (A-%06ld to A-%06ld), %ld out of order, %ld other lines; "
	            "exercise time at the end %ld s at speed %g; %ld injects were due during the "
	            "attacks",
	            tm->n_got, tm->n_got > 0 ? tm->got[0].n : 0,
	            tm->n_got > 0 ? tm->got[tm->n_got - 1].n : 0, tm->out_of_order, tm->others,
	            tm->t_final, tm->speed, ab->expected);
	report_line(ab, "%-20s %6s %9s %9s %9s", "inject delay", "n", "p50 ms", "p99 ms", "max ms");
	for (int p = 0; p < PHASES; p++)
		if (p != PHASE_WARM || ab->warm_rounds > 0)
			report_line(ab, "%-20s %6.0f %9.2f %9.2f %9.2f", phase[p], ab->lat[p][0],
			            ab->lat[p][1], ab->lat[p][2], ab->lat[p][3]);
}

/* Print the figures: a table, behind "# " in TAP mode. */
void report_table(const struct abuse *ab)
{
	report_line(ab,
	            "abuse: %.1f s of attacks on tabletop run, loopback, idle timeout %ld s, "
	            "%d login failures",
	            ab->res.t_stop - ab->res.t_start, ab->cfg.idle_timeout, ab->cfg.login_failures);
	if (ab->scaled[0] != '\0')
		report_line(ab, "note: %s", ab->scaled);
	report_attacks(ab);
	report_details(ab);
	report_team(ab);
	report_memory(ab);
}

/* One check: a TAP line, or in bench mode a line only when it fails. */
static void report_check(struct abuse *ab, bool ok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* One check: a TAP line, or in bench mode a line only when it fails. */
static void report_check(struct abuse *ab, bool ok, const char *fmt, ...)
{
	va_list ap;

	ab->n_checks++;
	if (!ok)
		ab->n_failed++;
	if (!ab->tap && ok)
		return;
	if (ab->tap)
		printf("%sok %d - ", ok ? "" : "not ", ab->n_checks);
	else
		printf("FAILED: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* The checks on the team, the server and its descriptors and memory. */
static void report_check_server(struct abuse *ab)
{
	const struct team *tm = &ab->team;
	long need = ab->most_conns;
	long first = tm->n_got > 0 ? tm->got[0].n : 0,
	     last = tm->n_got > 0 ? tm->got[tm->n_got - 1].n : 0;

	report_check(ab, ab->srv_nofile < 0 || ab->srv_nofile >= need,
	             "the server may open %ld descriptors (its limit: %ld)", need, ab->srv_nofile);
	report_check(ab,
	             tm->status_ok && tm->out_of_order == 0 && tm->others == 0 &&
	                 tm->n_got == last - first + 1 && last == tm->t_final / ABUSE_INJECT_EVERY,
	             "the team received every inject in order, up to its last status (%ld)",
	             tm->n_got);
	report_check(ab, ab->lat[PHASE_ATTACK][0] + 1 >= (double)ab->expected && ab->expected > 0,
	             "the team received the %ld injects due during the attacks", ab->expected);
	report_check(
	    ab, ab->alive && ab->fac_ok && ab->team_members == 1,
	    "the server is alive and answers a facilitator; the team still has its member");
	report_check(ab, ab->fds_after == ab->fds_before,
	             "the server's descriptors came back to %d (%d)", ab->fds_before,
	             ab->fds_after);
	report_check(ab, ab->rss_after <= 2 * ab->rss_before,
	             "the server's RSS after the attacks is at most twice what it was before");
	report_check(ab, ab->exit_status == 0, "SIGTERM ends the server cleanly (status %d)",
	             ab->exit_status);
}

/* The checks on what each attacker saw. */
static void report_check_attacks(struct abuse *ab)
{
	const struct attack_stats *st = ab->res.st;
	const struct attack_stats *idle = &st[ATTACK_IDLE], *slow = &st[ATTACK_SLOW];
	const struct attack_stats *lines = &st[ATTACK_SLOW_LINES], *churn = &st[ATTACK_CHURN];
	const struct attack_stats *rnd = &st[ATTACK_RANDOM], *b = &st[ATTACK_BRUTE];
	bool pauses = true;

	report_check(ab,
	             idle->failed == 0 && idle->reset == 0 &&
	                 idle->served >= ab->cfg.n[ATTACK_IDLE] - idle->local - idle->refused,

	             "all %d idle connections were accepted, or refused past --max-conns (%ld)",
	             ab->cfg.n[ATTACK_IDLE], idle->refused);
	report_check(ab,
	             idle->closed_idle >= ab->cfg.n[ATTACK_IDLE] && idle->early == 0 &&
	                 idle->late == 0 && idle->closed_other == 0,
	             "the idle timeout closed every idle connection when due (%ld)",
	             idle->closed_idle);
	report_check(ab, slow->closed_idle >= 1 && slow->early == 0 && slow->late == 0,
	             "the idle timeout closed the slowloris sending a line that never ends");
	report_check(ab, lines->closed_idle >= 1 && lines->early == 0 && lines->late == 0,
	             "the idle timeout closed the slowloris sending a blank line a second");
	report_check(ab, churn->served > 0 && churn->failed == 0 && churn->reset == 0,
	             "every churn connect was served its banner (%ld)", churn->served);
	report_check(ab,
	             rnd->quiet == 0 && rnd->reset == 0 && rnd->codes[CODE_BAD_ENCODING] > 0 &&
	                 rnd->codes[CODE_LINE_TOO_LONG] > 0 &&
	                 rnd->codes[CODE_UNKNOWN_COMMAND] > 0 && rnd->codes[CODE_RATE_LIMITED] == 0,

	             "random bytes got bad_encoding, line_too_long and unknown_command, bursts "
	             "were paced (never rate_limited), and never a reset");
	double span = ab->res.t_stop - ab->res.t_start;

	/* a pause not measured (0) is one that no connection lived to see: failures are counted
	 * per address too, so its parallel connections queue for each guess */
	for (int k = 1; k < ab->cfg.login_failures; k++)
		if (b->delay_min[k] > 0 && b->delay_min[k] < 0.75 * (double)k)
			pauses = false;
	double per_s = span > 0 ? (double)b->attempts / span : 0;

	report_check(ab,
	             b->attempts > 0 && b->logged_in == 0 && b->closed_other == 0 &&
	                 b->failed == 0 && pauses && per_s > 0 && per_s < 2,

	             "the brute force never logged in, was paused 1 s, 2 s... after each failure, "
	             "and its %d connections together guessed under 2 a second (%.1f)",
	             ab->cfg.n[ATTACK_BRUTE], per_s);
}

/* Check the behaviour (and in bench mode the targets), as TAP with --tap; counts the failures. */
void report_checks(struct abuse *ab)
{
	report_check_server(ab);
	report_check_attacks(ab);
	ab->behaviour_failed = ab->n_failed;
	if (ab->bench) {
		double back =
		    ab->rss_before > 0 ? (double)ab->rss_after / (double)ab->rss_before : 0;

		report_check(ab, ab->lat[PHASE_ATTACK][2] < ABUSE_P99_MS,
		             "inject delay p99 during the attacks %.2f ms < %.0f ms",
		             ab->lat[PHASE_ATTACK][2], ABUSE_P99_MS);
		report_check(ab, back <= ABUSE_RSS_RETURN,
		             "RSS after the attacks %.1f %% <= %.0f %% of before", back * 100,
		             ABUSE_RSS_RETURN * 100);
		printf("bench: p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rss_cold_kib=%ld "
		       "rss_before_kib=%ld rss_peak_kib=%ld hwm_kib=%ld rss_after_kib=%ld "
		       "return_pct=%.1f cold_return_pct=%.1f churn_per_s=%.0f cpu_s=%.2f "
		       "behaviour_failed=%d\n",
		       ab->lat[PHASE_ATTACK][1], ab->lat[PHASE_ATTACK][2], ab->lat[PHASE_ATTACK][3],
		       ab->rss_cold, ab->rss_before, ab->res.rss_max_kib, ab->hwm_after,
		       ab->rss_after, back * 100,
		       ab->rss_cold > 0 ? 100.0 * (double)ab->rss_after / (double)ab->rss_cold : 0,
		       (double)ab->res.n_churn_ms / (ab->res.t_stop - ab->res.t_start),
		       ab->res.cpu_server, ab->behaviour_failed);
	}
	if (ab->tap)
		printf("1..%d\n", ab->n_checks);
}
