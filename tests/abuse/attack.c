/*
 * The attackers of the abuse test, all on one libevent loop: idle connections, connect churn,
 * random bytes, two slowloris clients and a login brute force. Each kind keeps its number of
 * connections open (reconnecting when the server closes one) until the stop, and counts what the
 * server did to it.
 */
#include "abuse.h"

#include <arpa/inet.h>
#include <errno.h>
#include <event2/event.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/mem.h"

/* Connections opened and not served yet, at most (churn aside). */
#define ATTACK_PENDING 256
/* Churn connections in flight, at most. */
#define ATTACK_CHURN_INFLIGHT 1024
/* How much later than its idle timeout the server may close a connection under this load. */
#define ATTACK_IDLE_SLACK 2.0
/*
 * How much earlier: the server's timers count from libevent's clock, which is read once per turn
 * of its loop (CLOCK_MONOTONIC_COARSE), so a connection accepted late in a long turn of the loop
 * has its timeout counted from the start of that turn.
 */
#define ATTACK_IDLE_EARLY 0.5
/* The longest line a random or brute-force client keeps to read. */
#define ATTACK_LINE 4096
/* The alphabet of join codes (engine/net/secrets.c). */
static const char attack_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

struct attack;

/* One attacker connection. */
struct peer {
	struct attack *a;
	enum attack_kind kind;
	int fd;
	struct event *ev;
	struct peer *prev, *next; /* the live peers of the same kind */
	double t_open;            /* when its connect began */
	double next_send;         /* random and slowloris: when to send next */
	double sent_at;           /* brute: when the last guess went */
	bool connected, banner;
	bool any_error; /* random: got an error reply */
	bool bye;       /* brute: got the login_failures goodbye */
	bool full;      /* refused with server_full */
	int failures;   /* brute: auth_failed replies */
	long sent;      /* bytes sent */
	size_t n_tail;
	char tail[256]; /* the last bytes received */
	size_t n_line;
	char *line; /* random and brute: the line being received */
};

/* The loop, the live peers and the results. */
struct attack {
	const struct attack_config *cfg;
	struct attack_result *res;
	struct event_base *base;
	struct sockaddr_in addr;
	struct peer *kinds[ATTACK_KINDS];
	int live[ATTACK_KINDS];
	int pending;
	long churn_opened;
	int churn_inflight;
	long cap_churn;
	bool full; /* out of descriptors this tick */
	uint64_t rng;
	struct event *tick, *sample, *stop;
	char *chunk; /* a random client's next bytes */
	char buf[16384];
};

/* The name of a kind of attacker, for the table. */
const char *attack_name(enum attack_kind k)
{
	static const char *names[] = {"idle",      "churn",      "random",
	                              "slowloris", "slow lines", "brute"};

	return names[k];
}

/* A pseudo-random number (xorshift64*), from the seed. */
static uint64_t attack_rand(struct attack *a)
{
	a->rng ^= a->rng >> 12;
	a->rng ^= a->rng << 25;
	a->rng ^= a->rng >> 27;
	return a->rng * 2685821657736338717ULL;
}

/* A pseudo-random number from lo to hi, both included. */
static long attack_between(struct attack *a, long lo, long hi)
{
	return lo + (long)(attack_rand(a) % (uint64_t)(hi - lo + 1));
}

/* Close and forget p. */
static void attack_free(struct peer *p)
{
	struct attack *a = p->a;

	if (p->prev != NULL)
		p->prev->next = p->next;
	else
		a->kinds[p->kind] = p->next;
	if (p->next != NULL)
		p->next->prev = p->prev;
	a->live[p->kind]--;
	if (p->kind == ATTACK_CHURN)
		a->churn_inflight--;
	else if (!p->banner)
		a->pending--;
	event_free(p->ev);
	close(p->fd);
	free(p->line);
	free(p);
}

/* Send n bytes for p; a full socket buffer drops them (the server is not reading). */
static void attack_send(struct peer *p, const void *data, size_t n)
{
	ssize_t r = send(p->fd, data, n, MSG_NOSIGNAL | MSG_DONTWAIT);

	if (r > 0) {
		p->sent += r;
		p->a->res->st[p->kind].bytes += r;
	}
}

/* A guess at a join code for the team, the facilitators or the observers, at random. */
static void attack_guess(struct peer *p)
{
	static const char *targets[] = {"blue", "facilitator", "observer"};
	struct attack *a = p->a;
	char line[64], code[12];

	for (int i = 0; i < 11; i++)
		code[i] = attack_alphabet[attack_rand(a) % 32];
	code[5] = '-';
	code[11] = '\0';
	snprintf(line, sizeof line, "login %s %s\n", targets[attack_rand(a) % 3], code);
	p->sent_at = wire_now();
	attack_send(p, line, strlen(line));
}

/* The connection was served its banner. */
static void attack_served(struct peer *p, double now)
{
	struct attack *a = p->a;
	struct attack_result *res = a->res;

	p->banner = true;
	res->st[p->kind].served++;
	if (p->kind != ATTACK_CHURN) {
		a->pending--;
		return;
	}
	if (res->n_churn_ms == a->cap_churn) {
		a->cap_churn = a->cap_churn != 0 ? a->cap_churn * 2 : 4096;
		res->churn_ms = mem_realloc(res->churn_ms, (size_t)a->cap_churn * sizeof(double));
	}
	res->churn_ms[res->n_churn_ms++] = (now - p->t_open) * 1e3;
	attack_free(p);
}

/* A brute-force client's JSON line. */
static void attack_brute_line(struct peer *p, const char *line, double now)
{
	json_t *o = json_loads(line, 0, NULL);
	const char *type = json_string_value(json_object_get(o, "type"));
	const char *cmd = json_string_value(json_object_get(o, "cmd"));
	const char *code = json_string_value(json_object_get(o, "code"));
	const char *reason = json_string_value(json_object_get(o, "reason"));
	struct attack_stats *st = &p->a->res->st[ATTACK_BRUTE];

	if (type == NULL) {
		json_decref(o);
		return;
	}
	if (strcmp(type, "ok") == 0 && cmd != NULL && strcmp(cmd, "mode") == 0) {
		attack_guess(p);
	} else if (strcmp(type, "ok") == 0 && cmd != NULL && strcmp(cmd, "login") == 0) {
		st->logged_in++;
	} else if (strcmp(type, "error") == 0 && code != NULL && strcmp(code, "auth_failed") == 0) {
		int k = p->failures++;

		st->attempts++;
		if (k > 0 && k < 8 &&
		    (st->delay_min[k] == 0 || now - p->sent_at < st->delay_min[k]))
			st->delay_min[k] = now - p->sent_at;
		if (p->failures < p->a->cfg->login_failures)
			attack_guess(p);
	} else if (strcmp(type, "bye") == 0 && reason != NULL &&
	           strcmp(reason, "login_failures") == 0) {
		p->bye = true;
	}
	json_decref(o);
}

/* A random client's text line: count the error code it ends with, if it is an error. */
static void attack_random_line(struct peer *p, const char *line)
{
	static const char *codes[] = {"(bad_encoding)", "(line_too_long)", "(unknown_command)",
	                              "(rate_limited)"};
	struct attack_stats *st = &p->a->res->st[ATTACK_RANDOM];
	const char *open = strrchr(line, '(');

	if (strstr(line, "error: ") == NULL || open == NULL)
		return;
	p->any_error = true;
	for (int c = 0; c < CODE_OTHER; c++)
		if (strcmp(open, codes[c]) == 0) {
			st->codes[c]++;
			return;
		}
	st->codes[CODE_OTHER]++;
}

/* Split received bytes into lines for the random and brute-force clients. */
static void attack_lines(struct peer *p, const char *data, size_t n, double now)
{
	for (size_t i = 0; i < n; i++) {
		if (data[i] != '\n') {
			if (p->n_line + 1 < ATTACK_LINE)
				p->line[p->n_line++] = data[i];
			continue;
		}
		p->line[p->n_line] = '\0';
		p->n_line = 0;
		if (p->kind == ATTACK_BRUTE)
			attack_brute_line(p, p->line, now);
		else
			attack_random_line(p, p->line);
	}
}

/* Keep the last bytes received; the banner is complete at the first prompt. */
static void attack_tail(struct peer *p, const char *data, size_t n, double now)
{
	size_t keep = sizeof p->tail - 1;

	if (n >= keep) {
		memcpy(p->tail, data + n - keep, keep);
		p->n_tail = keep;
	} else {
		if (p->n_tail + n > keep) {
			size_t drop = p->n_tail + n - keep;

			memmove(p->tail, p->tail + drop, p->n_tail - drop);
			p->n_tail -= drop;
		}
		memcpy(p->tail + p->n_tail, data, n);
		p->n_tail += n;
	}
	p->tail[p->n_tail] = '\0';
	if (!p->banner && strstr(p->tail, "(server_full)") != NULL)
		p->full = true;
	if (!p->banner && strstr(p->tail, "tabletop> ") != NULL)
		attack_served(p, now);
}

/* The server closed p (reset: with a reset): count why, then forget it. */
static void attack_closed(struct peer *p, bool reset, double now)
{
	struct attack *a = p->a;
	struct attack_stats *st = &a->res->st[p->kind];
	double held = now - p->t_open;

	if (reset) {
		st->reset++;
		st->error = errno;
	}
	if (!p->banner && p->full) {
		st->refused++;
	} else if (!p->banner) {
		st->failed++;
	} else if (p->kind == ATTACK_IDLE || p->kind == ATTACK_SLOW ||
	           p->kind == ATTACK_SLOW_LINES) {
		if (strstr(p->tail, "no login within") == NULL) {
			st->closed_other++;
		} else {
			st->closed_idle++;
			if (held < (double)a->cfg->idle_timeout - ATTACK_IDLE_EARLY)
				st->early++;
			if (st->held_min == 0 || held < st->held_min)
				st->held_min = held;
			if (held > st->held_max)
				st->held_max = held;
		}
	} else if (p->kind == ATTACK_BRUTE) {
		if (p->bye && p->failures == a->cfg->login_failures)
			st->closed_failures++;
		else if (strstr(p->tail, "no login within") != NULL)
			st->closed_idle++; /* waiting for its turn to guess, across connections */
		else
			st->closed_other++;
	} else {
		if (p->kind == ATTACK_RANDOM && !p->any_error)
			st->quiet++;
		st->closed_other++;
	}
	attack_free(p);
}

static void attack_ready(evutil_socket_t fd, short what, void *arg);

/* The connection completed: read from now on, and start talking. */
static void attack_connected(struct peer *p, double now)
{
	p->connected = true;
	event_del(p->ev);
	event_assign(p->ev, p->a->base, p->fd, EV_READ | EV_PERSIST, attack_ready, p);
	event_add(p->ev, NULL);
	if (p->kind == ATTACK_BRUTE)
		attack_send(p, "mode json\n", 10);
	p->next_send = now;
}

/* The socket is ready: the connect finished, or bytes (or the end) arrived. */
static void attack_ready(evutil_socket_t fd, short what, void *arg)
{
	struct peer *p = arg;
	struct attack *a = p->a;
	double now = wire_now();
	ssize_t r;

	(void)what;
	if (!p->connected) {
		int err = 0;
		socklen_t len = sizeof err;

		getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
		if (err != 0) {
			a->res->st[p->kind].error = err;
			a->res->st[p->kind].failed++;
			attack_free(p);
			return;
		}
		attack_connected(p, now);
		return;
	}
	r = recv(fd, a->buf, sizeof a->buf, 0);
	if (r < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (r <= 0) {
		attack_closed(p, r < 0, now);
		return;
	}
	if (p->kind == ATTACK_RANDOM || p->kind == ATTACK_BRUTE)
		attack_lines(p, a->buf, (size_t)r, now);
	attack_tail(p, a->buf, (size_t)r, now); /* last: it frees a churn connection served */
}

/* Whether err is this machine running out of ports, descriptors or memory, not the server. */
static bool attack_local(int err)
{
	return err == EADDRNOTAVAIL || err == EMFILE || err == ENFILE || err == ENOBUFS ||
	       err == ENOMEM;
}

/* Open a connection of kind k; false when this machine is out of ports or descriptors. */
static bool attack_open(struct attack *a, enum attack_kind k)
{
	struct attack_stats *st = &a->res->st[k];
	struct peer *p;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0 || (connect(fd, (struct sockaddr *)&a->addr, sizeof a->addr) < 0 &&
	               errno != EINPROGRESS)) {
		st->error = errno;
		if (attack_local(errno)) {
			st->local++;
			a->full = true;
		} else {
			st->failed++;
		}
		if (fd >= 0)
			close(fd);
		return !a->full;
	}
	p = mem_calloc(1, sizeof *p);
	p->a = a;
	p->kind = k;
	p->fd = fd;
	p->t_open = wire_now();
	if (k == ATTACK_RANDOM || k == ATTACK_BRUTE)
		p->line = mem_calloc(1, ATTACK_LINE);
	p->ev = event_new(a->base, fd, EV_WRITE, attack_ready, p);
	if (p->ev == NULL)
		abort();
	event_add(p->ev, NULL);
	p->next = a->kinds[k];
	if (p->next != NULL)
		p->next->prev = p;
	a->kinds[k] = p;
	a->live[k]++;
	a->res->st[k].opened++;
	if (k == ATTACK_CHURN)
		a->churn_inflight++;
	else
		a->pending++;
	return true;
}

/* Random printable words, separated by spaces, into buf; returns the length. */
static size_t attack_words(struct attack *a, char *buf)
{
	size_t n = 0;
	long words = attack_between(a, 1, 4);

	for (long w = 0; w < words; w++) {
		long len = attack_between(a, 2, 8);

		if (w > 0)
			buf[n++] = ' ';
		for (long i = 0; i < len; i++)
			buf[n++] = (char)('a' + attack_rand(a) % 26);
	}
	return n;
}

/*
 * A random client's next chunk: random bytes, random words, a line longer than the limit, or
 * now and then a burst of lines faster than the rate limit (paced); each ends its line.
 */
static void attack_chunk(struct peer *p)
{
	struct attack *a = p->a;
	char *buf = a->chunk;
	long r = attack_between(a, 0, 24);
	size_t n = 0;

	if (r == 0) {
		for (int i = 0; i < 50; i++) {
			n += attack_words(a, buf + n);
			buf[n++] = '\n';
		}
	} else if (r <= 8) {
		for (long i = attack_between(a, 1, 300); i > 0; i--)
			buf[n++] = (char)(attack_rand(a) & 0xff);
		buf[n++] = '\n';
	} else if (r <= 16) {
		n = attack_words(a, buf);
		buf[n++] = '\n';
	} else {
		for (long i = (long)a->cfg->max_line + attack_between(a, 1, 256); i > 0; i--)
			buf[n++] = (char)attack_between(a, 0x21, 0x7e);
		buf[n++] = '\n';
	}
	attack_send(p, buf, n);
}

/* Send what is due: random chunks every 100 to 300 ms, slowloris bytes every second. */
static void attack_talk(struct attack *a, double now)
{
	static const char slow[] = "login blue ";

	for (struct peer *p = a->kinds[ATTACK_RANDOM]; p != NULL; p = p->next)
		if (p->connected && p->next_send <= now) {
			attack_chunk(p);
			p->next_send = now + (double)attack_between(a, 100, 300) / 1e3;
		}
	for (struct peer *p = a->kinds[ATTACK_SLOW]; p != NULL; p = p->next)
		if (p->connected && p->next_send <= now) {
			char c = p->sent < (long)sizeof slow - 1
			             ? slow[p->sent]
			             : (char)('a' + attack_rand(a) % 26);

			attack_send(p, &c, 1);
			p->next_send += 1;
		}
	for (struct peer *p = a->kinds[ATTACK_SLOW_LINES]; p != NULL; p = p->next)
		if (p->connected && p->next_send <= now) {
			attack_send(p, "\n", 1);
			p->next_send += 1;
		}
}

/* Every millisecond: open what is missing, churn at its rate, send what is due. */
static void attack_tick(evutil_socket_t fd, short what, void *arg)
{
	static const enum attack_kind order[] = {ATTACK_BRUTE, ATTACK_SLOW, ATTACK_SLOW_LINES,
	                                         ATTACK_RANDOM, ATTACK_IDLE};
	struct attack *a = arg;
	const struct attack_config *cfg = a->cfg;
	double now = wire_now();
	long due = (long)((now - a->res->t_start) * cfg->churn_rate);
	struct timeval tv = {0, 1000};

	(void)fd;
	(void)what;
	a->full = false;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		while (!a->full && a->live[order[i]] < cfg->n[order[i]] &&
		       a->pending < ATTACK_PENDING)
			attack_open(a, order[i]);
	while (!a->full && a->churn_opened < due && a->churn_inflight < ATTACK_CHURN_INFLIGHT &&
	       attack_open(a, ATTACK_CHURN))
		a->churn_opened++;
	attack_talk(a, now);
	evtimer_add(a->tick, &tv);
}

/* Every 200 ms: the server's memory and descriptors. */
static void attack_sample(evutil_socket_t fd, short what, void *arg)
{
	struct attack *a = arg;
	long rss = proc_kib(a->cfg->server, "VmRSS:");
	int fds = proc_fds(a->cfg->server);
	struct timeval tv = {0, 200000};

	(void)fd;
	(void)what;
	if (rss > a->res->rss_max_kib)
		a->res->rss_max_kib = rss;
	if (fds > a->res->fds_max)
		a->res->fds_max = fds;
	evtimer_add(a->sample, &tv);
}

/* The CPU time this process has used so far, in seconds. */
static double attack_self_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* The end of the attacks: note who was held too long, close every attacker, leave the loop. */
static void attack_end(evutil_socket_t fd, short what, void *arg)
{
	struct attack *a = arg;
	double now = wire_now();

	(void)fd;
	(void)what;
	attack_sample(-1, 0, a);
	a->res->t_stop = now;
	a->res->cpu_server += proc_cpu(a->cfg->server);
	a->res->cpu_self += attack_self_cpu();
	for (int k = 0; k < ATTACK_KINDS; k++)
		while (a->kinds[k] != NULL) {
			struct peer *p = a->kinds[k];
			bool timed = k == ATTACK_IDLE || k == ATTACK_SLOW || k == ATTACK_SLOW_LINES;

			if (timed && p->banner &&
			    now - p->t_open > (double)a->cfg->idle_timeout + ATTACK_IDLE_SLACK)
				a->res->st[k].late++;
			if (k == ATTACK_RANDOM && !p->any_error)
				a->res->st[k].quiet++;
			a->res->st[k].open_at_stop++;
			attack_free(p);
		}
	event_base_loopbreak(a->base);
}

/* Run every attack at once for cfg->seconds, then close every attacker; results in res. */
void attack_run(const struct attack_config *cfg, struct attack_result *res)
{
	struct attack *a = mem_calloc(1, sizeof *a);
	struct timeval stop = {(time_t)cfg->seconds,
	                       (suseconds_t)((cfg->seconds - (double)(time_t)cfg->seconds) * 1e6)};

	memset(res, 0, sizeof *res);
	a->cfg = cfg;
	a->res = res;
	a->base = event_base_new();
	if (a->base == NULL)
		abort();
	a->addr.sin_family = AF_INET;
	a->addr.sin_port = htons((uint16_t)cfg->port);
	a->addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a->rng = (cfg->seed + 1) * 0x9E3779B97F4A7C15ULL;
	a->chunk = mem_calloc(1, cfg->max_line + 4096);
	a->tick = evtimer_new(a->base, attack_tick, a);
	a->sample = evtimer_new(a->base, attack_sample, a);
	a->stop = evtimer_new(a->base, attack_end, a);
	if (a->tick == NULL || a->sample == NULL || a->stop == NULL)
		abort();
	res->t_start = wire_now();
	res->cpu_server = -proc_cpu(cfg->server);
	res->cpu_self = -attack_self_cpu();
	evtimer_add(a->stop, &stop);
	attack_sample(-1, 0, a);
	attack_tick(-1, 0, a);
	event_base_dispatch(a->base);
	event_free(a->tick);
	event_free(a->sample);
	event_free(a->stop);
	event_base_free(a->base);
	free(a->chunk);
	free(a);
}
