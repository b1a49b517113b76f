/*
 * Fuzz target: the server's input path without a network: the telnet decoder, line assembly and
 * its limits (engine/net/conn.c), the UTF-8 check and the command parser (engine/core/cmd*.c),
 * on a loaded exercise with five sessions that type: one not logged in, a team member, a
 * facilitator and an observer in JSON mode, and a team member in text mode; a sixth, a
 * facilitator in text mode, only listens. Each connection is a real conn on a socketpair, so the
 * bytes a client would read are read and checked: in JSON mode every line must be a JSON object
 * with a "type" (errors and replies with their fields), in text mode every line must be UTF-8,
 * telnet answers must be refusals or the server's own offers to telnet clients, and what the
 * listener gets (events, which carry what others typed) must hold no control character that
 * could drive its terminal. A model of the lines each connection reads (CONTRACT section 4's
 * limits) counts the replies due: in JSON mode, every command line gets exactly one reply, and a
 * blank line none.
 *
 * The input is a list of records. A record's first byte h picks the connection (h % 5) and the
 * operation (h / 5 % 4): 0 and 1 feed the next byte's count of bytes, 2 runs one exercise tick,
 * 3 ends the connection's input (EOF). Real time never matters: the event loop is not run, the
 * rate limit has no refill of its own, and a pause (after a failed login, or pacing once the
 * bucket is empty) ends at once with the bucket full again; the limits that count real time
 * across connections (per team, per address) are off.
 */
#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/utf8.h"
#include "fuzz.h"
#include "lua/scenario.h"
#include "net/conn.h"
#include "net/server.h"

/* Connections the input types on; one more only listens. */
#define FZ_CONNS 5
#define FZ_LISTENER FZ_CONNS
/* The limits the server gets: a short line, and a rate limit refilled only when a pause ends. */
#define FZ_MAX_LINE 256
#define FZ_BURST 64

/* What each connection types before the fuzzed input. */
static const char *const fz_setup[FZ_CONNS + 1] = {
    "mode json\n",
    "mode json\nlogin al al-secret Ana\n",
    "mode json\nlogin facilitator fac-secret Fatos\n",
    "mode json\nlogin observer obs-secret Ola\n",
    "login rs rs-secret Rade\n",
    "login facilitator fac-secret Watch\n",
};

/* One client: its conn, the other end of its socket and what was read of its output. */
struct fz_client {
	struct conn *c; /* NULL once the server closed or dropped it */
	int peer;
	bool json;   /* the mode of the output, as read from it */
	bool listen; /* types nothing: its text must hold no control character */
	int skip;    /* bytes of a telnet answer still to skip */
	int verb;    /* the verb of that answer */
	int sb;      /* bytes of the server's SB TERMINAL-TYPE SEND still to come */
	char *line;
	size_t len, cap;
	/* the model of the lines the connection reads, decoded by a telnet decoder of its own */
	struct telnet tn;
	char in[FZ_MAX_LINE + 1]; /* the start of the line being typed */
	size_t in_len;            /* its whole length */
	long want, got;           /* replies due by the model, and replies read */
	bool counting;            /* got is checked against want: JSON mode all along */
};

/* Whether the string field key of o is value. */
static bool fz_field_is(json_t *o, const char *key, const char *value)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s != NULL && strcmp(s, value) == 0;
}

/* Whether the JSON object o is the reply that switches a connection to JSON mode. */
static bool fz_is_json_switch(json_t *o)
{
	return fz_field_is(o, "type", "ok") && fz_field_is(o, "cmd", "mode") &&
	       fz_field_is(o, "mode", "json");
}

/* Check one JSON-mode line: an object with a type, and the fields of its type; 1 for a reply. */
static int fz_check_json(const char *line, size_t len)
{
	json_t *o = json_loadb(line, len, 0, NULL);
	const char *type;
	int reply;

	FUZZ_CHECK(json_is_object(o));
	type = json_string_value(json_object_get(o, "type"));
	FUZZ_CHECK(type != NULL);
	reply = strcmp(type, "ok") == 0 || strcmp(type, "error") == 0;
	if (reply)
		FUZZ_CHECK(json_is_string(json_object_get(o, "cmd")));
	if (strcmp(type, "error") == 0) {
		FUZZ_CHECK(json_string_length(json_object_get(o, "code")) > 0);
		FUZZ_CHECK(json_string_length(json_object_get(o, "message")) > 0);
	}
	json_decref(o);
	return reply;
}

/* Whether the n bytes at p hold a C0 or C1 control character or DEL. */
static bool fz_has_control(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x20 || c == 0x7f ||
		    (c == 0xc2 && i + 1 < n && (unsigned char)p[i + 1] < 0xa0))
			return true;
	}
	return false;
}

/* One whole line of a client's output. */
static void fz_line(struct fz_client *k)
{
	if (k->json) {
		if (k->len == strlen("Text mode.") && memcmp(k->line, "Text mode.", k->len) == 0) {
			k->json = false;
			k->counting = false;
			return;
		}
		FUZZ_CHECK(k->len > 0);
		k->got += fz_check_json(k->line, k->len);
	} else {
		json_t *o;

		FUZZ_CHECK(utf8_valid(k->line, k->len));
		FUZZ_CHECK(!k->listen || !fz_has_control(k->line, k->len));
		o = json_loadb(k->line, k->len, 0, NULL);
		k->json = fz_is_json_switch(o);
		json_decref(o);
	}
}

/*
 * A byte of a telnet command from the server, after its IAC: a refusal (DONT or WONT), or one of
 * the server's own offers to a telnet client (WILL ECHO, WILL SGA, DO NAWS, DO TERMINAL-TYPE)
 * and its request for the terminal type (SB TERMINAL-TYPE SEND IAC SE). Nothing else.
 */
static void fz_telnet(struct fz_client *k, unsigned char c)
{
	static const unsigned char send[] = {1, TELNET_IAC, TELNET_SE};

	if (k->sb > 0) { /* SEND IAC SE */
		FUZZ_CHECK(c == send[3 - k->sb]);
		if (--k->sb == 0)
			k->skip = 0;
	} else if (k->skip == 2) {
		FUZZ_CHECK(c == TELNET_DONT || c == TELNET_WONT || c == TELNET_WILL ||
		           c == TELNET_DO || c == TELNET_SB);
		k->verb = c;
		k->skip = 1;
	} else {
		FUZZ_CHECK(k->verb != TELNET_WILL || c == TELNET_OPT_ECHO || c == TELNET_OPT_SGA);
		FUZZ_CHECK(k->verb != TELNET_DO || c == TELNET_OPT_NAWS || c == TELNET_OPT_TTYPE);
		FUZZ_CHECK(k->verb != TELNET_SB || c == TELNET_OPT_TTYPE);
		if (k->verb == TELNET_SB)
			k->sb = 3;
		else
			k->skip = 0;
	}
}

/* Read output bytes of a client: telnet answers are skipped, lines are checked. */
static void fz_output(struct fz_client *k, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (k->skip > 0) {
			fz_telnet(k, p[i]);
		} else if (p[i] == TELNET_IAC) {
			k->skip = 2;
		} else if (p[i] == '\n') {
			fz_line(k);
			k->len = 0;
		} else {
			if (k->len == k->cap) {
				k->cap = k->cap != 0 ? k->cap * 2 : 4096;
				k->line = realloc(k->line, k->cap);
				if (k->line == NULL)
					abort();
			}
			k->line[k->len++] = (char)p[i];
		}
	}
}

/* Take what the server wrote to a client (readable: its socket has bytes), then let go of a
 * connection that is closing or was dropped. */
static void fz_drain(struct fz_client *k, bool readable)
{
	unsigned char buf[65536];
	ssize_t n = sizeof buf;

	if (k->c == NULL)
		return;
	while (readable && n == (ssize_t)sizeof buf) {
		n = read(k->peer, buf, sizeof buf);
		if (n < 0 && errno == EINTR) /* libFuzzer's timer */
			n = sizeof buf;
		else if (n > 0)
			fz_output(k, buf, (size_t)n);
	}
	if (k->c->dead) {
		k->c = NULL; /* dropped: the rest of its output is gone */
		return;
	}
	if (k->c->closing) { /* its last bytes wait for the event loop: read them here */
		struct evbuffer *out = bufferevent_get_output(k->c->bev);

		evbuffer_unfreeze(out, 1);
		while ((n = evbuffer_remove(out, buf, sizeof buf)) > 0)
			fz_output(k, buf, (size_t)n);
		evbuffer_freeze(out, 1);
		k->c = NULL;
		return;
	}
	FUZZ_CHECK(k->json == k->c->s.json);
	FUZZ_CHECK(!k->json || k->len == 0);
	FUZZ_CHECK(!k->counting || k->got == k->want);
	FUZZ_CHECK(!(bufferevent_get_enabled(k->c->bev) & EV_WRITE));
}

/* Drain every client whose socket has bytes, with one poll for all of them. */
static void fz_drain_all(struct fz_client *k, int n)
{
	struct pollfd p[FZ_CONNS + 1];

	for (int j = 0; j < n; j++)
		p[j] = (struct pollfd){k[j].c != NULL ? k[j].peer : -1, POLLIN, 0};
	while (poll(p, (nfds_t)n, 0) < 0)
		if (errno != EINTR) /* libFuzzer's timer interrupts */
			abort();
	for (int j = 0; j < n; j++)
		fz_drain(&k[j], p[j].revents & POLLIN);
}

/* Whether the n bytes at p are blanks only: not a command, so no reply. */
static bool fz_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return false;
	return true;
}

/* The model read a whole line: count the reply it is due (conn.c and cmd_exec in a nutshell). */
static void fz_model_line(struct fz_client *k)
{
	size_t n = k->in_len;

	k->in_len = 0;
	if (n > FZ_MAX_LINE) { /* line_too_long, whatever the rate */
		k->want++;
		return;
	}
	while (n > 0 && k->in[n - 1] == '\r')
		n--;
	if (!utf8_valid(k->in, n) || !fz_blank(k->in, n)) /* bad_encoding, or a command */
		k->want++;
}

/* Data bytes from the model's telnet decoder. */
static void fz_model_data(void *ctx, const unsigned char *p, size_t n)
{
	struct fz_client *k = ctx;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n') {
			fz_model_line(k);
			continue;
		}
		if (k->in_len < sizeof k->in)
			k->in[k->in_len] = (char)p[i];
		k->in_len++;
	}
}

/* The model's telnet decoder answers: nothing to count. */
static void fz_model_send(void *ctx, const unsigned char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
}

/* Feed bytes to a client's connection as if they came from its socket, then its end if eof. */
static void fz_feed(struct server *srv, struct fz_client *k, const uint8_t *p, size_t n, bool eof)
{
	struct conn *c = k->c;

	if (c == NULL)
		return;
	telnet_feed(&k->tn, p, n);
	if (eof && k->in_len > 0)
		fz_model_line(k); /* the server reads what is left as a last line */
	conn_input(c, p, n);
	if (eof)
		conn_eof(c);
	else
		conn_process(c);
	while (c->delayed && !c->dead && !c->closing) { /* a pause ends, the bucket full again */
		c->delayed = false;
		c->rate.tokens = FZ_BURST;
		evtimer_del(c->delay_ev);
		conn_process(c);
	}
	server_settle(srv);
}

/* Connect a client through a socketpair and type its set-up lines. */
static void fz_connect(struct server *srv, struct fz_client *k, const char *setup)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int sv[2];

	memset(k, 0, sizeof *k);
	telnet_init(&k->tn, fz_model_data, fz_model_send, k);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		abort();
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	k->peer = sv[1];
	k->c = conn_accept(srv, sv[0], (struct sockaddr *)&sa, sizeof sa, NULL);
	server_settle(srv);
	fz_feed(srv, k, (const uint8_t *)setup, strlen(setup), false);
	fz_drain_all(k, 1);
	FUZZ_CHECK(k->c != NULL);
	k->counting = k->json; /* replies are counted from now on */
	k->want = k->got = 0;
}

/* Load the exercise, connect the clients, play the records, then free everything. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scenario_limits slim = {100000, (size_t)8 << 20, 1000, (size_t)512 << 10};
	struct scenario_problems probs = {0};
	struct server_limits lim;
	struct fz_client k[FZ_CONNS + 1];
	struct scenario *sc;
	struct server *srv;
	size_t i = 0;

	sc = scenario_load(FUZZ_SRCDIR "/session.lua", &slim, -1, &probs);
	FUZZ_CHECK(sc != NULL);
	server_limits_default(&lim);
	lim.max_line = FZ_MAX_LINE;  /* small, so that inputs reach it */
	lim.max_output = 128 * 1024; /* below what a socketpair holds */
	lim.login_failures = 3;
	lim.rate = 0; /* no refill but at the end of a pause: deterministic */
	lim.burst = FZ_BURST;
	lim.team_output = 0; /* no limit that counts real time */
	lim.lockout = 0;
	srv = server_new(scenario_exercise(sc), &lim);
	for (int j = 0; j <= FZ_CONNS; j++)
		fz_connect(srv, &k[j], fz_setup[j]);
	k[FZ_LISTENER].listen = true;
	while (i < size) {
		struct fz_client *kc = &k[data[i] % FZ_CONNS];
		int op = data[i++] / FZ_CONNS % 4;
		size_t n;

		if (op == 2) {
			ex_tick(scenario_exercise(sc));
			server_settle(srv);
		} else if (op == 3) {
			fz_feed(srv, kc, NULL, 0, true);
		} else {
			n = i < size ? data[i++] : 0;
			n = n < size - i ? n : size - i;
			fz_feed(srv, kc, data + i, n, false);
			i += n;
		}
		fz_drain_all(k, FZ_CONNS + 1);
	}
	server_free(srv);
	scenario_free(sc);
	scenario_problems_free(&probs);
	for (int j = 0; j <= FZ_CONNS; j++) {
		close(k[j].peer);
		free(k[j].line);
	}
	return 0;
}
