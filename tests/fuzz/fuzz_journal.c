/*
 * Fuzz target: the journal reader and its replay (engine/journal/replay.c). The input is written
 * as a journal file and read; when its header is good, its inputs are replayed into
 * tests/fuzz/session.lua (the scenario the seed journals were written for, loaded with the
 * header's seed and speed whatever its hash says) and the events compared with the journal's.
 * Messages go to /dev/null. Nothing may crash, leak or hang, whatever the file holds.
 */
#include <jansson.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "journal/replay.h"

/* The temporary journal file, and where the reader's messages go. */
static char fz_path[] = "/tmp/tabletop-fuzz-XXXXXX.jsonl";
static int fz_fd = -1;
static FILE *fz_null;

/* Remove the temporary file at exit. */
static void fz_cleanup(void)
{
	unlink(fz_path);
}

/* Make the temporary file and open /dev/null. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_fd = mkstemps(fz_path, 6);
	fz_null = fopen("/dev/null", "w");
	if (fz_fd < 0 || fz_null == NULL) {
		perror("fuzz_journal");
		abort();
	}
	atexit(fz_cleanup);
	return 0;
}

/* Every line after the header: an object with a type, numbered in order, without its end. */
static int fz_line(void *ctx, json_t *obj, const char *text, size_t len, long no)
{
	long *last = ctx;

	FUZZ_CHECK(json_is_string(json_object_get(obj, "type")));
	FUZZ_CHECK(no > *last);
	FUZZ_CHECK(memchr(text, '\n', len) == NULL);
	*last = no;
	return 0;
}

/* Write the input as a journal, read it, and replay it if its header is good. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct replay r = {0};
	struct scenario *sc = NULL;
	long last = 1;

	FUZZ_CHECK(ftruncate(fz_fd, 0) == 0);
	FUZZ_CHECK(pwrite(fz_fd, data, size, 0) == (ssize_t)size);
	if (replay_read(fz_path, &r, fz_line, &last, fz_null) == 0) {
		FUZZ_CHECK(r.header != NULL && r.keep <= (long long)size);
		sc = replay_load(&r, fz_path, FUZZ_SRCDIR "/session.lua", true, fz_null);
	}
	if (sc != NULL)
		replay_run(fz_path, scenario_exercise(sc), &r, fz_null);
	scenario_free(sc);
	replay_free(&r);
	return 0;
}
