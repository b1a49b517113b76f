/*
 * Reading a journal (docs/journal.md): the header and its checks, every later line parsed and
 * numbered, the cut-off last line, and the replay of the inputs into a freshly loaded scenario.
 * Errors are printed as FILE:LINE: message.
 */
#ifndef REPLAY_H
#define REPLAY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/exercise.h"
#include "../lua/scenario.h"

/* What reading a journal found. */
struct replay {
	json_t *header;         /* the header line (owned) */
	long lines;             /* whole lines read, the header included */
	long long keep;         /* bytes in those lines: a cut-off last line starts there */
	bool partial;           /* the last line was cut off (a warning said so) */
	unsigned long max_sess; /* the highest session number journaled */
	long diverged;          /* replay: the line where it first differed from the journal; 0 */
	ex_sink_fn observe;     /* replay_run also hands it every event it makes (NULL: none) */
	void *observe_ctx;
};

/*
 * What replay_read calls for every line after the header: the line as an object with a "type",
 * its text (len bytes, without the '\n') and its number. Returns 0, or -1 after a message.
 */
typedef int (*replay_fn)(void *ctx, json_t *obj, const char *text, size_t len, long no);

/*
 * Read the journal at path: check its header into r->header, then (unless fn is NULL, which
 * stops after the header) call fn for every later line that is not blank. Returns 0, or -1 after
 * a FILE:LINE: message on err. A cut-off last line is skipped with a warning on err.
 */
int replay_read(const char *path, struct replay *r, replay_fn fn, void *ctx, FILE *err);
/*
 * Load the scenario that the header read into r names (or scenario, when not NULL) with the
 * journal's seed and speed. A file whose SHA-256 differs from the header's, or modules loaded by
 * require() that differ from the header's "modules" (names and SHA-256, in order), are refused
 * unless force. NULL after messages on err; path is the journal's, for them.
 */
struct scenario *replay_load(const struct replay *r, const char *path, const char *scenario,
                             bool force, FILE *err);
/*
 * Replay the inputs of the journal at path into ex (loaded by replay_load, not started), with
 * the events compared to the journal's: the first difference is a warning on err. Returns 0, or
 * -1 after a FILE:LINE: message on err. ex has no sink afterwards and no member online.
 */
int replay_run(const char *path, struct exercise *ex, struct replay *r, FILE *err);
/* Free what r holds. */
void replay_free(struct replay *r);

#endif
