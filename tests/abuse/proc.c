/* The server under test: start it, read its port and join codes, watch it through /proc. */
#include "abuse.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../common/spawn.h"

/* Start argv (a `tabletop run` command line); 0 once it printed STARTEX, else -1 and a message. */
int proc_start(struct proc *p, char **argv)
{
	char text[4096];

	memset(p, 0, sizeof *p);
	p->pid = spawn_server(argv, 0, &p->out, text, sizeof text, 30000);
	if (p->pid < 0 || strstr(text, "STARTEX") == NULL) {
		fprintf(stderr, "abuse: %s run did not start: %s\n", argv[0], text);
		return -1;
	}
	p->port = spawn_port(text, false);
	p->n_codes = spawn_codes(text, p->codes, 8);
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
	return spawn_status(p->status);
}
