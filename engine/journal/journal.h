/*
 * The journal writer: a JSON Lines file with a header, every input and every event the staff
 * receive (docs/journal.md), each line after the header numbered ("seq"). Lines gather in memory;
 * journal_sync writes them out and fsyncs, and net calls it before anything reaches a client. Every function accepts a NULL journal and
 * then does nothing, so callers need not know whether there is one.
 */
#ifndef JOURNAL_H
#define JOURNAL_H

#include <stdio.h>

#include "../core/cmd.h"
#include "../core/exercise.h"

/* The format version written in the header and the only one read. */
#define JOURNAL_VERSION 1

struct journal;

/* The SHA-256 of the file at path as 64 hex digits (hex holds 65 bytes); -1 after a message on
 * err. */
int journal_sha256(const char *path, char *hex, FILE *err);
/*
 * Create the journal at path for ex, loaded from scenario, and write its header. An existing file
 * that is not empty is refused (nothing is ever overwritten): the message ends with hint. NULL
 * after a message on err.
 */
struct journal *journal_create(const char *path, const struct exercise *ex, const char *scenario,
                               const char *hint, FILE *err);
/*
 * Open the existing journal at path to append after its first keep bytes, which hold lines lines
 * (a partial last line beyond them is cut off; a whole one without its '\n' gets one); NULL after
 * a message on err.
 */
struct journal *journal_reopen(const char *path, long long keep, long lines, FILE *err);
/* Journal ex's events from now on: its current sink is wrapped, so set that first. */
void journal_attach(struct journal *j, struct exercise *ex);
/* Append an event, if the staff receive it. */
void journal_event(struct journal *j, struct evt *ev);
/* Append a command line typed by session s (call cmd_journaled first). */
void journal_input(struct journal *j, const struct cmd_session *s, const char *line);
/* Append a successful login of session s. */
void journal_login(struct journal *j, const struct cmd_session *s);
/* Append the end of logged-in session sess. */
void journal_logout(struct journal *j, unsigned long sess);
/* Append a real-time tick that moves the clock to t (before it runs). */
void journal_tick(struct journal *j, long t);
/* Append the mark of a resume at t. */
void journal_resume(struct journal *j, long t);
/* Write out what gathered and fsync it; -1 when the journal has failed (said once on stderr). */
int journal_sync(struct journal *j);
/* Sync, close and free the journal; returns journal_sync's result. */
int journal_close(struct journal *j);

#endif
