/* The server under test: start it, read its port and join codes, watch it through /proc. */
#include "abuse.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* Take the port and the join codes out of the server's startup text. */
static void proc_parse(struct proc *p, char *text)
{
	char *save = NULL;

	for (char *l = strtok_r(text, "\n", &save); l != NULL; l = strtok_r(NULL, "\n", &save)) {
		char *at = strstr(l, "listening on 127.0.0.1:");
		char id[64], code[64];

		if (at != NULL && p->port == 0)
			p->port = atoi(at + strlen("listening on 127.0.0.1:"));
		at = strstr(l, "login ");
		if (at != NULL && p->n_codes < 8 && sscanf(at, "login %63s %63s", id, code) == 2) {
			strcpy(p->codes[p->n_codes][0], id);
			strcpy(p->codes[p->n_codes][1], code);
			p->n_codes++;
		}
	}
}

/* Start argv (a `tabletop run` command line); 0 once it printed STARTEX, else -1 and a message. */
int proc_start(struct proc *p, char **argv)
{
	char text[4096] = "";
	size_t len = 0;
	double end = wire_now() + 30;
	int fds[2];

	memset(p, 0, sizeof *p);
	if (pipe(fds) < 0)
		return -1;
	p->pid = fork();
	if (p->pid < 0)
		return -1;
	if (p->pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(null, 0);
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	p->out = fds[0];
	while (strstr(text, "STARTEX") == NULL && len + 1 < sizeof text) {
		struct pollfd pfd = {p->out, POLLIN, 0};
		ssize_t r;

		if (wire_now() > end || poll(&pfd, 1, 100) < 0)
			break;
		r = read(p->out, text + len, sizeof text - len - 1);
		if (r == 0 || (r < 0 && !proc_alive(p)))
			break;
		if (r > 0)
			text[len += (size_t)r] = '\0';
	}
	if (strstr(text, "STARTEX") == NULL) {
		fprintf(stderr, "abuse: %s run did not start: %s\n", argv[0], text);
		return -1;
	}
	proc_parse(p, text);
	if (p->port == 0) {
		fprintf(stderr, "abuse: no 'listening on' line: %s\n", text);
		return -1;
	}
	return 0;
}

/* The join code the server printed for id, or NULL. */
const char *proc_code(const struct proc *p, const char *id)
{
	for (int i = 0; i < p->n_codes; i++)
		if (strcmp(p->codes[i][0], id) == 0)
			return p->codes[i][1];
	return NULL;
}

/* The number after prefix on the first line of /proc/PID/NAME that starts with it, or -1. */
static long proc_number(pid_t pid, const char *name, const char *prefix)
{
	char path[64], line[256];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, name);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, prefix, strlen(prefix)) == 0) {
			v = strtol(line + strlen(prefix), NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

/* A "Vm...:" figure of /proc/PID/status in KiB (field is e.g. "VmRSS:"), or -1. */
long proc_kib(pid_t pid, const char *field)
{
	return proc_number(pid, "status", field);
}

/* How many descriptors the process has open, or -1. */
int proc_fds(pid_t pid)
{
	char path[64];
	struct dirent *e;
	int n = 0;
	DIR *d;

	snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
	d = opendir(path);
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* The CPU time the process has used so far (user and system), in seconds, or -1. */
double proc_cpu(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long user, sys;
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')'); /* the name may hold spaces; fields 14 and 15 are utime and stime */
	if (p == NULL ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &user, &sys) != 2)
		return -1;
	return (double)(user + sys) / (double)sysconf(_SC_CLK_TCK);
}

/* The process's soft limit of open files, or -1. */
long proc_nofile(pid_t pid)
{
	return proc_number(pid, "limits", "Max open files");
}

/* Whether the process has not exited. */
bool proc_alive(struct proc *p)
{
	if (!p->exited && waitpid(p->pid, &p->status, WNOHANG) == p->pid)
		p->exited = true;
	return !p->exited;
}

/* SIGTERM the server and wait for it; its exit status, 128 + signal, or -1 if it hung. */
int proc_stop(struct proc *p)
{
	double end = wire_now() + 15;
	int status;

	if (proc_alive(p))
		kill(p->pid, SIGTERM);
	while (proc_alive(p)) {
		if (wire_now() > end) {
			kill(p->pid, SIGKILL);
			waitpid(p->pid, NULL, 0);
			close(p->out);
			return -1;
		}
		poll(NULL, 0, 20);
	}
	close(p->out);
	status = p->status;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
