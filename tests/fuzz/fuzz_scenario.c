/*
 * Fuzz target: loading a scenario from Lua source (engine/lua/), with small limits (an
 * instruction budget of 100,000 and 8 MiB of memory). When the scenario loads, its exercise is
 * played for a while: STARTEX, every team joins, acts, shares, asks and decides the injects it
 * was sent, the clock ticks, ENDEX; every event is rendered as JSON and as text. Nothing may
 * crash, leak or hang, whatever the source says.
 */
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "core/exercise.h"
#include "fuzz.h"
#include "lua/scenario.h"

/* Ticks played after STARTEX. */
#define FZ_TICKS 30

/* The temporary file the source is written to (scenario_load reads a path). */
static char fz_path[] = "/tmp/tabletop-fuzz-XXXXXX.lua";
static int fz_fd = -1;

/* Remove the temporary file at exit. */
static void fz_cleanup(void)
{
	unlink(fz_path);
}

/* Make the temporary file. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_fd = mkstemps(fz_path, 4);
	if (fz_fd < 0) {
		perror("fuzz_scenario: mkstemps");
		abort();
	}
	atexit(fz_cleanup);
	return 0;
}

/* The sink: render every event both ways, as every recipient would get it. */
static void fz_sink(void *ctx, struct evt *ev)
{
	size_t n;
	const char *p = evt_json(ev, &n);

	FUZZ_CHECK(n > 0 && p[n - 1] == '\n');
	p = evt_text(ev, ctx, &n);
	FUZZ_CHECK(n > 0 && p[n - 1] == '\n');
}

/* What every team does once: join, act, share, ask and decide what it was sent. */
static void fz_play_teams(struct exercise *ex)
{
	const char *code;

	for (int t = 0; t < ex->n_teams && ex->state != EX_ENDED; t++) {
		ex_join(ex, t, "fuzz");
		ex_action(ex, t, "fuzz", "escalate to the CSIRT");
		ex_share(ex, t, -1, "fuzz", "indicators");
		ex_say(ex, t, "fuzz", "hello");
		ex_rfi(ex, t, "fuzz", "what now?");
		for (int i = 0; i < ex->n_injects; i++) {
			const struct ex_inject *in = &ex->injects[i];

			if (in->decision != NULL && in->decision->n_options > 0)
				ex_decide(ex, i, t, in->decision->options[0].key, "fuzz", &code);
		}
		ex_settle(ex);
	}
}

/* Play a loaded exercise: STARTEX, the teams, ticks, the state table and ENDEX. */
static void fz_play(struct exercise *ex)
{
	json_t *state;

	ex_set_sink(ex, fz_sink, ex);
	if (ex_start(ex) < 0)
		return;
	fz_play_teams(ex);
	for (int i = 0; i < FZ_TICKS && ex->state != EX_ENDED; i++)
		ex_tick(ex);
	fz_play_teams(ex);
	if (ex->hooks.state != NULL) {
		state = ex->hooks.state(ex->hooks.ctx, ex);
		json_decref(state);
	}
	ex_endex(ex, "fuzz");
}

/* Write the input as a scenario file, load it, and play it if it loads. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scenario_limits lim = {100000, (size_t)8 << 20, 1000, (size_t)512 << 10};
	struct scenario_problems probs = {0};
	struct scenario *sc;

	FUZZ_CHECK(ftruncate(fz_fd, 0) == 0);
	FUZZ_CHECK(pwrite(fz_fd, data, size, 0) == (ssize_t)size);
	sc = scenario_load(fz_path, &lim, -1, &probs);
	FUZZ_CHECK((sc != NULL) == (probs.n == 0));
	for (int i = 0; i < probs.n; i++)
		FUZZ_CHECK(probs.v[i].msg != NULL && probs.v[i].msg[0] != '\0');
	if (sc != NULL)
		fz_play(scenario_exercise(sc));
	scenario_free(sc);
	scenario_problems_free(&probs);
	return 0;
}
