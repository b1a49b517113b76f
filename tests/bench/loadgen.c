/*
 * Load generator for `tabletop run`: N clients connect and log in (JSON mode), a facilitator
 * broadcasts timestamped messages, and every client measures how long each took to arrive: at
 * its socket (the kernel's receive timestamp) and in the load generator's hands (when it read it).
 * The first is the server's fan-out; the second adds the load generator's own queue, which shares
 * the server's processors. With QUIET_MS the load generator sleeps that long after each broadcast,
 * leaving the processors to the server as clients on other machines would.
 * Prints connects per second and the latency percentiles. Used by scripts/bench-fanout.
 */
#include <errno.h>
#include <event2/event.h>
#include <jansson.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* How many connections may be opening at once. */
#define LOADGEN_INFLIGHT 256

struct client;

/* The run: options, clients and measurements. */
struct loadgen {
	struct event_base *base;
	struct sockaddr_in addr;
	int n;               /* clients */
	int rounds;          /* broadcasts */
	double interval;     /* seconds between broadcasts */
	char **ids, **codes; /* team ids and their join codes */
	int n_teams;
	const char *fac_code;
	struct client *clients;
	struct client *fac;
	int started, joined, failed;
	double t_first, t_joined;
	int sent;
	double *sent_at; /* per broadcast, monotonic seconds */
	double *sent_rt; /* per broadcast, real-time seconds (the kernel's timestamps' clock) */
	double *lat;     /* every delivery's latency when read, seconds */
	double *arrival; /* every delivery's latency at the socket, seconds */
	double *slowest; /* per broadcast, its latest arrival, seconds */
	double quiet;    /* seconds to sleep after each broadcast */
	long n_lat;
	struct event *tick, *deadline;
};

/* One connection. */
struct client {
	struct loadgen *lg;
	int fd;
	struct event *ev;
	int id;
	int connected;
	int logged_in;
	int got;         /* broadcasts received */
	char login[160]; /* the lines sent once connected */
	char buf[8192];  /* a partial line */
	size_t len;
};

/* Monotonic seconds. */
static double loadgen_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Real-time seconds. */
static double loadgen_realtime(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sort helper for latencies. */
static int loadgen_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The longest time any broadcast but the first took to reach every client, seconds. */
static double loadgen_slowest_after_first(const struct loadgen *lg)
{
	double m = 0;

	for (int k = 1; k < lg->rounds; k++)
		if (lg->slowest[k] > m)
			m = lg->slowest[k];
	return m;
}

/* Print the figures and stop the loop. */
static void loadgen_finish(struct loadgen *lg)
{
	long expect = (long)lg->n * lg->rounds;
	double span = lg->t_joined - lg->t_first;

	qsort(lg->lat, (size_t)lg->n_lat, sizeof *lg->lat, loadgen_cmp);
	qsort(lg->arrival, (size_t)lg->n_lat, sizeof *lg->arrival, loadgen_cmp);
	printf("clients %d: joined %d (failed %d) in %.2f s, %.0f connects+logins/s\n", lg->n,
	       lg->joined, lg->failed, span, span > 0 ? lg->joined / span : 0);
	if (lg->n_lat > 0) {
		printf("clients %d: broadcast latency p50 %.2f ms, p99 %.2f ms, max %.2f ms "
		       "(%d broadcasts, %ld deliveries, %ld missing)\n",
		       lg->n, lg->arrival[lg->n_lat / 2] * 1e3,
		       lg->arrival[(lg->n_lat * 99) / 100] * 1e3, lg->arrival[lg->n_lat - 1] * 1e3,
		       lg->rounds, lg->n_lat, expect - lg->n_lat);
		printf(
		    "clients %d: the first broadcast reached all in %.2f ms, the others in at most "
		    "%.2f ms\n",
		    lg->n, lg->slowest[0] * 1e3, loadgen_slowest_after_first(lg) * 1e3);
		printf("clients %d: read by the load generator p50 %.2f ms, p99 %.2f ms, max %.2f "
		       "ms\n",
		       lg->n, lg->lat[lg->n_lat / 2] * 1e3, lg->lat[(lg->n_lat * 99) / 100] * 1e3,
		       lg->lat[lg->n_lat - 1] * 1e3);
	} else
		printf("clients %d: no broadcast arrived\n", lg->n);
	fflush(stdout);
	event_base_loopexit(lg->base, NULL);
}

/* One line from the server for client c, read at now; it reached the socket at arrived. */
static void loadgen_line(struct client *c, const char *line, double now, double arrived)
{
	struct loadgen *lg = c->lg;
	json_t *o = json_loads(line, 0, NULL);
	const char *type = json_string_value(json_object_get(o, "type"));
	const char *cmd = json_string_value(json_object_get(o, "cmd"));

	if (type == NULL) {
		json_decref(o);
		return;
	}
	if (strcmp(type, "ok") == 0 && cmd != NULL && strcmp(cmd, "login") == 0 && !c->logged_in) {
		c->logged_in = 1;
		if (c != lg->fac && ++lg->joined + lg->failed == lg->n)
			lg->t_joined = now;
	} else if (strcmp(type, "error") == 0 && !c->logged_in) {
		fprintf(stderr, "loadgen: client %d: %s\n", c->id, line);
		if (c != lg->fac && ++lg->failed + lg->joined == lg->n)
			lg->t_joined = now;
	} else if (strcmp(type, "broadcast") == 0 && c != lg->fac) {
		int k;
		const char *text = json_string_value(json_object_get(o, "text"));

		if (text != NULL && sscanf(text, "bench %d", &k) == 1 && k >= 0 && k < lg->sent) {
			lg->arrival[lg->n_lat] = arrived - lg->sent_rt[k];
			if (arrived - lg->sent_rt[k] > lg->slowest[k])
				lg->slowest[k] = arrived - lg->sent_rt[k];
			lg->lat[lg->n_lat++] = now - lg->sent_at[k];
			c->got++;
			if (lg->n_lat == (long)lg->n * lg->rounds)
				loadgen_finish(lg);
		}
	}
	json_decref(o);
}

/* A connection is gone: count it and forget it. */
static void loadgen_lost(struct client *c, const char *why)
{
	struct loadgen *lg = c->lg;

	if (!c->logged_in && c != lg->fac && ++lg->failed + lg->joined == lg->n)
		lg->t_joined = loadgen_now();
	fprintf(stderr, "loadgen: client %d: %s\n", c->id, why);
	event_free(c->ev);
	close(c->fd);
	c->ev = NULL;
	if (c == lg->fac)
		loadgen_finish(lg);
}

/* Send a short line; the socket buffer always has room for it. */
static void loadgen_send(struct client *c, const char *line)
{
	size_t n = strlen(line);

	if (send(c->fd, line, n, MSG_NOSIGNAL) != (ssize_t)n)
		loadgen_lost(c, "send failed");
}

/* Read what c's socket holds; *arrived is when it reached the socket (real-time seconds). */
static ssize_t loadgen_recv(struct client *c, double *arrived)
{
	char ctl[CMSG_SPACE(sizeof(struct timespec))];
	struct iovec iov = {c->buf + c->len, sizeof c->buf - c->len - 1};
	struct msghdr m = {
	    .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof ctl};
	ssize_t r = recvmsg(c->fd, &m, 0);

	*arrived = loadgen_realtime();
	for (struct cmsghdr *h = CMSG_FIRSTHDR(&m); r > 0 && h != NULL; h = CMSG_NXTHDR(&m, h))
		if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_TIMESTAMPNS) {
			struct timespec ts;

			memcpy(&ts, CMSG_DATA(h), sizeof ts);
			*arrived = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
		}
	return r;
}

/* The socket is ready: the connection completed, or lines arrived. */
static void loadgen_ready(evutil_socket_t fd, short what, void *arg)
{
	struct client *c = arg;
	double now = loadgen_now(), arrived = 0;
	ssize_t r;

	(void)what;
	if (!c->connected) {
		int err = 0, one = 1;
		socklen_t len = sizeof err;

		getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
		if (err != 0) {
			loadgen_lost(c, strerror(err));
			return;
		}
		c->connected = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
		event_del(c->ev);
		event_assign(c->ev, c->lg->base, fd, EV_READ | EV_PERSIST, loadgen_ready, c);
		event_add(c->ev, NULL);
		loadgen_send(c, c->login);
		return;
	}
	r = loadgen_recv(c, &arrived);
	if (r <= 0) {
		loadgen_lost(c, r == 0 ? "closed by the server" : strerror(errno));
		return;
	}
	c->len += (size_t)r;
	for (;;) {
		char *nl = memchr(c->buf, '\n', c->len);
		size_t k;

		if (nl == NULL)
			break;
		*nl = '\0';
		loadgen_line(c, c->buf, now, arrived);
		k = (size_t)(nl + 1 - c->buf);
		memmove(c->buf, nl + 1, c->len - k);
		c->len -= k;
	}
	if (c->len == sizeof c->buf - 1)
		c->len = 0; /* a line longer than the buffer: not one we measure */
}

/* Start connection c: connect, then switch to JSON and log in. */
static void loadgen_start(struct loadgen *lg, struct client *c, const char *id, const char *code)
{
	c->lg = lg;
	snprintf(c->login, sizeof c->login, "mode json\nlogin %s %s bench-%d\n", id, code, c->id);
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0) {
		perror("loadgen: socket");
		exit(1);
	}
	if (connect(c->fd, (struct sockaddr *)&lg->addr, sizeof lg->addr) < 0 &&
	    errno != EINPROGRESS) {
		perror("loadgen: connect");
		exit(1);
	}
	c->ev = event_new(lg->base, c->fd, EV_WRITE, loadgen_ready, c);
	event_add(c->ev, NULL);
}

/* Open the next connections, keeping at most LOADGEN_INFLIGHT opening at once. */
static void loadgen_open_more(struct loadgen *lg)
{
	while (lg->started < lg->n && lg->started - lg->joined - lg->failed < LOADGEN_INFLIGHT) {
		struct client *c = &lg->clients[lg->started];

		c->id = lg->started;
		loadgen_start(lg, c, lg->ids[c->id % lg->n_teams], lg->codes[c->id % lg->n_teams]);
		lg->started++;
	}
}

/* The pacing timer: open connections until all joined, then broadcast every interval. */
static void loadgen_tick(evutil_socket_t fd, short what, void *arg)
{
	struct loadgen *lg = arg;
	struct timeval tv = {0, 1000};

	(void)fd;
	(void)what;
	if (lg->joined + lg->failed < lg->n) {
		loadgen_open_more(lg);
	} else if (lg->fac->logged_in && lg->sent < lg->rounds) {
		char line[64];

		snprintf(line, sizeof line, "broadcast bench %d\n", lg->sent);
		lg->sent_rt[lg->sent] = loadgen_realtime();
		lg->sent_at[lg->sent++] = loadgen_now();
		loadgen_send(lg->fac, line);
		if (lg->quiet > 0) {
			struct timespec q = {(time_t)lg->quiet,
			                     (long)((lg->quiet - (double)(time_t)lg->quiet) * 1e9)};

			nanosleep(&q, NULL);
		}
		tv.tv_sec = (time_t)lg->interval;
		tv.tv_usec = (suseconds_t)((lg->interval - (double)tv.tv_sec) * 1e6);
	} else if (lg->sent == lg->rounds) {
		return;
	}
	evtimer_add(lg->tick, &tv);
}

/* Give up waiting for deliveries. */
static void loadgen_timeout(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	fprintf(stderr, "loadgen: timed out\n");
	loadgen_finish(arg);
}

/* Parse "ID:CODE,ID:CODE" into the team lists. */
static void loadgen_teams(struct loadgen *lg, char *spec)
{
	char *save = NULL;

	for (char *p = strtok_r(spec, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(p, ':');

		if (colon == NULL) {
			fprintf(stderr, "loadgen: --teams wants ID:CODE,...\n");
			exit(2);
		}
		*colon = '\0';
		lg->ids = realloc(lg->ids, (size_t)(lg->n_teams + 1) * sizeof *lg->ids);
		lg->codes = realloc(lg->codes, (size_t)(lg->n_teams + 1) * sizeof *lg->codes);
		lg->ids[lg->n_teams] = p;
		lg->codes[lg->n_teams++] = colon + 1;
	}
}

/* loadgen PORT FACILITATOR_CODE ID:CODE,... CLIENTS ROUNDS INTERVAL_MS TIMEOUT_S [QUIET_MS] */
int main(int argc, char **argv)
{
	struct loadgen lg = {0};
	struct timeval tv = {0, 0}, limit;

	if (argc != 8 && argc != 9) {
		fprintf(stderr, "usage: loadgen PORT FACILITATOR_CODE ID:CODE,... CLIENTS ROUNDS "
		                "INTERVAL_MS TIMEOUT_S [QUIET_MS]\n");
		return 2;
	}
	lg.base = event_base_new();
	lg.addr.sin_family = AF_INET;
	lg.addr.sin_port = htons((uint16_t)atoi(argv[1]));
	lg.addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lg.fac_code = argv[2];
	loadgen_teams(&lg, argv[3]);
	lg.n = atoi(argv[4]);
	lg.rounds = atoi(argv[5]);
	lg.interval = atof(argv[6]) / 1000.0;
	limit.tv_sec = atoi(argv[7]);
	limit.tv_usec = 0;
	lg.quiet = argc == 9 ? atof(argv[8]) / 1000.0 : 0;
	if (lg.n <= 0 || lg.rounds <= 0 || lg.n_teams == 0 || lg.quiet < 0 ||
	    lg.quiet >= lg.interval) {
		fprintf(stderr, "loadgen: bad arguments\n");
		return 2;
	}
	lg.clients = calloc((size_t)lg.n + 1, sizeof *lg.clients);
	lg.sent_at = calloc((size_t)lg.rounds, sizeof *lg.sent_at);
	lg.sent_rt = calloc((size_t)lg.rounds, sizeof *lg.sent_rt);
	lg.slowest = calloc((size_t)lg.rounds, sizeof *lg.slowest);
	lg.lat = calloc((size_t)lg.n * (size_t)lg.rounds, sizeof *lg.lat);
	lg.arrival = calloc((size_t)lg.n * (size_t)lg.rounds, sizeof *lg.arrival);
	lg.fac = &lg.clients[lg.n];
	lg.fac->id = -1;
	loadgen_start(&lg, lg.fac, "facilitator", lg.fac_code);
	lg.tick = evtimer_new(lg.base, loadgen_tick, &lg);
	lg.deadline = evtimer_new(lg.base, loadgen_timeout, &lg);
	lg.t_first = loadgen_now();
	evtimer_add(lg.tick, &tv);
	evtimer_add(lg.deadline, &limit);
	event_base_dispatch(lg.base);
	return lg.n_lat == (long)lg.n * lg.rounds && lg.failed == 0 ? 0 : 1;
}
