/*
 * The one way the tests start a tabletop process (tests/net/harness.c, tests/journal/test_resume.c,
 * tests/abuse/proc.c): fork and exec it with its output on a pipe, read that output until a line
 * appears, take the port and the join codes out of it, and reap it. No cmocka here: each caller
 * turns a failure into its own kind of report.
 */
#ifndef SPAWN_H
#define SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* What `tabletop run` prints last at its start, once it listens. */
#define SPAWN_READY "Ctrl-C ends the server."

enum {
	SPAWN_STDERR = 1, /* its stderr goes to the pipe too (else it is inherited) */
	SPAWN_WRAP = 2, /* run it through the command in TABLETOP_WRAPPER (e.g. valgrind) if set */
	SPAWN_ERR = 4,  /* only its stderr goes to the pipe; its stdout goes to /dev/null */
};

/* Milliseconds of monotonic time. */
double spawn_now_ms(void);
/*
 * Start argv in a child (killed when this process dies; stdin from /dev/null) with its output,
 * as flags say, on a pipe whose reading end goes to *out. Its pid, or -1.
 */
pid_t spawn_exec(char **argv, int flags, int *out);
/*
 * Append what fd gives to text (NUL-ended; what does not fit in cap is dropped) until text holds
 * needle (never when NULL), the end of the output, or ms milliseconds: whether it holds needle.
 */
bool spawn_read(int fd, char *text, size_t cap, const char *needle, int ms);
/* Start argv and read its output into text until SPAWN_READY: its pid, or -1 (text says why). */
pid_t spawn_server(char **argv, int flags, int *out, char *text, size_t cap, int ms);
/* The port of the first "listening on 127.0.0.1:PORT" line of text (tls: one with " (TLS)"). */
int spawn_port(const char *text, bool tls);
/* The "login ID CODE" lines of text into codes (at most max); how many. */
int spawn_codes(const char *text, char codes[][2][64], int max);
/* An exit status from waitpid's: the process's own, or 128 + the signal that ended it. */
int spawn_status(int status);

#endif
