/* Starting a tabletop process for a test, reading what it prints, reaping it. */
#include "spawn.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds of monotonic time. */
double spawn_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Exec argv, through the command in TABLETOP_WRAPPER when asked and set; returns on failure. */
static void spawn_exec_argv(char **argv, bool wrap)
{
	char *wrapped[68] = {"/bin/sh", "-c", "exec $TABLETOP_WRAPPER \"$@\"", "sh"};
	const char *w = getenv("TABLETOP_WRAPPER");
	int n = 4;

	if (!wrap || w == NULL || *w == '\0') {
		execv(argv[0], argv);
		return;
	}
	for (int i = 0; argv[i] != NULL && n < 67; i++)
		wrapped[n++] = argv[i];
	wrapped[n] = NULL;
	execv(wrapped[0], wrapped);
}

/* Start argv in a child with its output on a pipe read through *out; its pid, or -1. */
pid_t spawn_exec(char **argv, int flags, int *out)
{
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(null, 0);
		dup2(flags & SPAWN_ERR ? null : fds[1], 1);
		if (flags & (SPAWN_STDERR | SPAWN_ERR))
			dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		spawn_exec_argv(argv, flags & SPAWN_WRAP);
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return -1;
	}
	*out = fds[0];
	return pid;
}

/* Append what fd gives to text until it holds needle, the output ends or ms pass. */
bool spawn_read(int fd, char *text, size_t cap, const char *needle, int ms)
{
	size_t len = strlen(text);
	double end = spawn_now_ms() + ms;

	while (needle == NULL || strstr(text, needle) == NULL) {
		struct pollfd p = {fd, POLLIN, 0};
		int left = (int)(end - spawn_now_ms());
		char junk[4096];
		ssize_t r;

		if (left <= 0 || poll(&p, 1, left) <= 0)
			return false;
		if (len + 1 < cap)
			r = read(fd, text + len, cap - len - 1);
		else
			r = read(fd, junk, sizeof junk);
		if (r <= 0)
			return false;
		if (len + 1 < cap)
			text[len += (size_t)r] = '\0';
	}
	return true;
}

/* Start argv and read its output into text until SPAWN_READY: its pid, or -1. */
pid_t spawn_server(char **argv, int flags, int *out, char *text, size_t cap, int ms)
{
	pid_t pid = spawn_exec(argv, flags, out);

	text[0] = '\0';
	if (pid < 0) {
		snprintf(text, cap, "cannot start %s", argv[0]);
		return -1;
	}
	if (spawn_read(*out, text, cap, SPAWN_READY, ms))
		return pid;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(*out);
	return -1;
}

/* The port of the first "listening on 127.0.0.1:PORT" line of text, or of the first TLS one. */
int spawn_port(const char *text, bool tls)
{
	static const char at[] = "listening on 127.0.0.1:";

	for (const char *p = strstr(text, at); p != NULL; p = strstr(p + 1, at)) {
		const char *eol = strchr(p, '\n'), *mark = strstr(p, " (TLS)");
		bool is_tls = mark != NULL && (eol == NULL || mark < eol);

		if (is_tls == tls)
			return atoi(p + strlen(at));
	}
	return 0;
}

/* The "login ID CODE" lines of text into codes (at most max); how many. */
int spawn_codes(const char *text, char codes[][2][64], int max)
{
	int n = 0;

	while (*text != '\0' && n < max) {
		size_t k = strcspn(text, "\n");
		char line[256];
		const char *p;

		snprintf(line, sizeof line, "%.*s", (int)k, text);
		p = strstr(line, "login ");
		if (p != NULL && sscanf(p, "login %63s %63s", codes[n][0], codes[n][1]) == 2)
			n++;
		text += k + (text[k] != '\0');
	}
	return n;
}

/* An exit status from waitpid's: the process's own, or 128 + the signal that ended it. */
int spawn_status(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
