/*
 * The cost of journaling an event (scripts/bench-journal runs this): N events of the sizes an
 * exercise makes are appended to a journal in a temporary directory, timed per event three ways:
 * with the event's JSON already serialised (as when a JSON client got it first), with the
 * serialisation, and with an fsync after every batch of B events.
 * usage: bench_journal [N [B [DIR]]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/evt.h"
#include "core/exercise.h"
#include "journal/journal.h"

/* Events made by the exercise, kept for the timing. */
struct bench {
	struct evt **ev;
	size_t n, cap;
};

/* Keep every event. */
static void bench_sink(void *ctx, struct evt *ev)
{
	struct bench *b = ctx;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		b->ev = realloc(b->ev, b->cap * sizeof *b->ev);
		if (b->ev == NULL)
			abort();
	}
	evt_ref(ev);
	b->ev[b->n++] = ev;
}

/* Seconds of monotonic time. */
static double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* n staff events of mixed kinds and sizes (say, share, action, score, rfi), like a busy hour. */
static void bench_make(struct exercise *ex, struct bench *b, long n)
{
	static const char *const texts[] = {
	    "on it",
	    "We see 203.0.113.7 scanning the e-services portal; blocking at the perimeter now.",
	    ("Isolated the portal's front end; the database stays up behind the firewall while we "
	     "collect memory images. Ministry informed, press line agreed with the spokesperson."),
	};
	char text[512];

	ex_set_sink(ex, bench_sink, b);
	for (long i = 0; (long)b->n < n; i++) {
		int team = (int)(i % ex->n_teams);

		snprintf(text, sizeof text, "%s (%ld)", texts[i % 3], i);
		switch (i % 5) {
		case 0:
			ex_say(ex, team, "Arbër Çela", text);
			break;
		case 1:
			ex_share(ex, team, (team + 1) % ex->n_teams, "bot", text);
			break;
		case 2:
			ex_action(ex, team, "bot", text);
			break;
		case 3:
			ex_score(ex, team, 1, text);
			break;
		default:
			ex_rfi(ex, team, "bot", text);
			break;
		}
	}
}

/* Append b's events to a new journal in dir, syncing every batch events (0: only at the
 * end, untimed); returns the seconds the appends took. */
static double bench_run(struct exercise *ex, struct bench *b, const char *dir, long batch,
                        const char *scenario, size_t *bytes)
{
	char path[1024];
	struct journal *j;
	double t0, t;
	FILE *f;

	snprintf(path, sizeof path, "%s/bench-%ld.jsonl", dir, batch);
	unlink(path);
	j = journal_create(path, ex, scenario, "remove it", stderr);
	if (j == NULL)
		exit(1);
	t0 = bench_now();
	for (size_t i = 0; i < b->n; i++) {
		journal_event(j, b->ev[i]);
		if (batch > 0 && (long)(i + 1) % batch == 0)
			journal_sync(j);
	}
	t = bench_now() - t0;
	if (journal_close(j) < 0)
		exit(1);
	f = fopen(path, "r");
	fseek(f, 0, SEEK_END);
	*bytes = (size_t)ftell(f);
	fclose(f);
	unlink(path);
	return t;
}

/* Drop the events' references. */
static void bench_free(struct bench *b)
{
	for (size_t i = 0; i < b->n; i++)
		evt_unref(b->ev[i]);
	free(b->ev);
	memset(b, 0, sizeof *b);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000, batch = argc > 2 ? atol(argv[2]) : 64;
	const char *dir = argc > 3 ? argv[3] : "/tmp";
	struct exercise *ex = ex_new();
	struct bench b = {0};
	char scenario[1100];
	double t;
	size_t bytes;
	FILE *f;

	if (n <= 0 || batch <= 0) {
		fprintf(stderr, "usage: bench_journal [N [B [DIR]]]\n");
		return 2;
	}
	snprintf(scenario, sizeof scenario, "%s/bench-scenario.lua", dir);
	f = fopen(scenario, "w");
	if (f == NULL) {
		perror(scenario);
		return 1;
	}
	fputs("-- the scenario a benchmark journal names\n", f);
	fclose(f);
	for (int k = 0; k < 50; k++) {
		char id[16];

		snprintf(id, sizeof id, "t%02d", k);
		ex_add_team(ex, id, "CSIRT of a member state", NULL, 0);
	}
	ex_start(ex);

	bench_make(ex, &b, n);
	for (size_t i = 0; i < b.n; i++)
		evt_json(b.ev[i], NULL);
	t = bench_run(ex, &b, dir, 0, scenario, &bytes);
	printf("%ld events, %zu bytes (%.0f bytes/event), journal in %s\n", n, bytes,
	       (double)bytes / (double)n, dir);
	printf("append, JSON already serialised:  %6.3f us/event\n", t * 1e6 / (double)n);
	bench_free(&b);

	bench_make(ex, &b, n);
	t = bench_run(ex, &b, dir, 0, scenario, &bytes);
	printf("append, serialising the JSON:     %6.3f us/event\n", t * 1e6 / (double)n);
	bench_free(&b);

	bench_make(ex, &b, n / 10 > 0 ? n / 10 : 1);
	t = bench_run(ex, &b, dir, batch, scenario, &bytes);
	printf("append + fsync every %ld events:  %6.3f us/event (%.3f ms per fsync'ed batch)\n",
	       batch, t * 1e6 / (double)b.n, t * 1e3 / ((double)b.n / (double)batch));
	bench_free(&b);
	ex_free(ex);
	unlink(scenario);
	return 0;
}
