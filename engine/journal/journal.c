/* The journal writer: the header, then lines gathered in memory and written out in batches. */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/evt.h"
#include "../core/mem.h"
#include "../core/utf8.h"

/* Bytes gathered before they are written out, even in the middle of a batch. */
#define JOURNAL_CHUNK 65536

struct journal {
	int fd;
	char *path;
	char *buf; /* lines not written yet */
	size_t len, cap;
	bool unsynced; /* written since the last fsync */
	bool failed;   /* a write failed: the journal ends there */
	bool started;  /* the header is on disk: a failure now leaves the exercise going on */
	long no;       /* the number of the last line gathered (the header is 1) */
	struct exercise *ex;
	ex_sink_fn inner; /* the sink the journal wraps */
	void *inner_ctx;
};

/* The SHA-256 of the file at path as 64 hex digits; -1 after a message on err. */
int journal_sha256(const char *path, char *hex, FILE *err)
{
	unsigned char buf[65536], md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	EVP_MD_CTX *ctx;
	FILE *f = fopen(path, "rb");
	size_t r;
	int ok;

	if (f == NULL) {
		fprintf(err, "%s: cannot read: %s\n", path, strerror(errno));
		return -1;
	}
	ctx = EVP_MD_CTX_new();
	if (ctx == NULL)
		abort();
	ok = EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	while (ok && (r = fread(buf, 1, sizeof buf, f)) > 0)
		ok = EVP_DigestUpdate(ctx, buf, r);
	ok = ok && !ferror(f) && EVP_DigestFinal_ex(ctx, md, &n) && n == 32;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		fprintf(err, "%s: cannot read: %s\n", path,
		        ferror(f) ? strerror(errno) : "SHA-256 failed");
	fclose(f);
	for (unsigned int i = 0; ok && i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	return ok ? 0 : -1;
}

/* The journal has failed: say so once; nothing more is written. */
static void journal_fail(struct journal *j, const char *what)
{
	fprintf(stderr, "tabletop: journal %s: %s failed: %s%s\n", j->path, what, strerror(errno),
	        j->started ? "; the exercise goes on without the journal" : "");
	j->failed = true;
	j->len = 0;
}

/* Write out the gathered lines. */
static void journal_write(struct journal *j)
{
	size_t off = 0;

	while (!j->failed && off < j->len) {
		ssize_t w = write(j->fd, j->buf + off, j->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			journal_fail(j, "write");
			return;
		}
		off += (size_t)w;
	}
	j->len = 0;
	j->unsynced = true;
}

/* Gather n bytes (whole lines) to write. */
static void journal_put(struct journal *j, const char *p, size_t n)
{
	if (j->failed)
		return;
	j->buf = mem_reserve(j->buf, &j->cap, j->len, n);
	memcpy(j->buf + j->len, p, n);
	j->len += n;
	if (j->len >= JOURNAL_CHUNK)
		journal_write(j);
}

/* Gather a JSON object as one line, numbered after the header, dropping the reference to it. */
static void journal_obj(struct journal *j, json_t *o)
{
	char *s;

	if (o == NULL)
		abort();
	if (j->no++ > 0)
		json_object_set_new(o, "seq", json_integer(j->no));
	s = json_dumps(o, JSON_COMPACT);
	if (s == NULL)
		abort();
	journal_put(j, s, strlen(s));
	journal_put(j, "\n", 1);
	free(s);
	json_decref(o);
}

/* A speed as JSON: an integer when it is whole, as the clock event has it. */
static json_t *journal_speed(double speed)
{
	if (speed == floor(speed) && fabs(speed) < 1e15)
		return json_integer((json_int_t)speed);
	return json_real(speed);
}

/* The modules the scenario of ex loaded with require(): [{"name","path","sha256"}] in order. */
static json_t *journal_modules(const struct exercise *ex)
{
	json_t *a = json_array();
	const struct ex_module *m = ex->modules;

	for (int i = 0; i < ex->n_modules; i++)
		json_array_append_new(a, json_pack("{s:o,s:o,s:s}", "name", utf8_json(m[i].name),
		                                   "path", utf8_json(m[i].path), "sha256",
		                                   m[i].sha256));
	return a;
}

/* The header line: the format, the scenario and what report needs without it. */
static json_t *journal_header(const struct exercise *ex, const char *scenario, const char *sha)
{
	json_t *teams = json_array(), *objectives = json_array(), *hotwash = json_array();
	char start[32];

	for (int i = 0; i < ex->n_teams; i++)
		json_array_append_new(teams,
		                      json_pack("{s:o,s:o}", "id", utf8_json(ex->teams[i].id),
		                                "name", utf8_json(ex->teams[i].name)));
	for (int i = 0; i < ex->n_objectives; i++)
		json_array_append_new(objectives,
		                      json_pack("{s:o,s:o}", "id", utf8_json(ex->objectives[i].id),
		                                "text", utf8_json(ex->objectives[i].text)));
	for (int i = 0; i < ex->n_hotwash; i++)
		json_array_append_new(hotwash, utf8_json(ex->hotwash[i]));
	ex_world_time(ex, 0, start, sizeof start);
	return json_pack(
	    "{s:s,s:i,s:s,s:o,s:s,s:o,s:I,s:o,s:o,s:I,s:I,s:o,s:o,s:o,s:o}", "type", "journal",
	    "version", JOURNAL_VERSION, "tabletop", TABLETOP_VERSION, "scenario",
	    utf8_json(scenario), "sha256", sha, "modules", journal_modules(ex), "seed",
	    (json_int_t)ex->seed, "title", utf8_json(ex->title), "start",
	    start[0] != '\0' ? json_string(start) : json_null(), "duration",
	    (json_int_t)ex->duration, "tick", (json_int_t)ex->tick, "speed",
	    journal_speed(ex->speed), "teams", teams, "objectives", objectives, "hotwash", hotwash);
}

/* Open path with flags and lock it for this process alone; -1 after a message on err. */
static int journal_open_locked(const char *path, int flags, FILE *err)
{
	int fd = open(path, flags | O_CLOEXEC, 0666);

	if (fd < 0) {
		fprintf(err, "%s: cannot open the journal: %s\n", path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		fprintf(err, "%s: the journal is in use by another tabletop\n", path);
		close(fd);
		return -1;
	}
	return fd;
}

/* A journal writing to fd. */
static struct journal *journal_new(int fd, const char *path)
{
	struct journal *j = mem_calloc(1, sizeof *j);

	j->fd = fd;
	j->path = mem_strdup(path);
	return j;
}

/* Make a new file's name durable: fsync the directory that holds it. */
static void journal_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = mem_strdup(slash == NULL ? "." : path);
	int fd;

	if (slash != NULL)
		dir[slash == path ? 1 : slash - path] = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Create the journal at path for ex, loaded from scenario, and write its header. */
struct journal *journal_create(const char *path, const struct exercise *ex, const char *scenario,
                               const char *hint, FILE *err)
{
	char sha[65];
	struct journal *j;
	struct stat st;
	int fd;

	if (journal_sha256(scenario, sha, err) < 0)
		return NULL;
	fd = journal_open_locked(path, O_WRONLY | O_CREAT | O_APPEND, err);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && st.st_size > 0) {
		fprintf(err, "%s: journal exists; %s\n", path, hint);
		close(fd);
		return NULL;
	}
	j = journal_new(fd, path);
	journal_obj(j, journal_header(ex, scenario, sha));
	if (journal_sync(j) < 0) {
		journal_close(j);
		return NULL;
	}
	journal_sync_dir(path);
	j->started = true;
	return j;
}

/*
 * Open the existing journal at path to append after its first keep bytes, which hold lines
 * lines; a last line kept without its '\n' gets one.
 */
struct journal *journal_reopen(const char *path, long long keep, long lines, FILE *err)
{
	int fd = journal_open_locked(path, O_RDWR | O_APPEND, err);
	struct journal *j;
	struct stat st;
	char last = '\n';

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && st.st_size > keep &&
	    (ftruncate(fd, (off_t)keep) < 0 || fsync(fd) < 0)) {
		fprintf(err, "%s: cannot cut off the partial last line: %s\n", path,
		        strerror(errno));
		close(fd);
		return NULL;
	}
	if (keep > 0 && pread(fd, &last, 1, (off_t)keep - 1) != 1) {
		fprintf(err, "%s: cannot read the journal: %s\n", path, strerror(errno));
		close(fd);
		return NULL;
	}
	j = journal_new(fd, path);
	j->started = true;
	j->no = lines;
	if (last != '\n')
		journal_put(j, "\n", 1);
	return j;
}

/* The sink that journals an event, then hands it on. */
static void journal_sink(void *ctx, struct evt *ev)
{
	struct journal *j = ctx;

	journal_event(j, ev);
	if (j->inner != NULL)
		j->inner(j->inner_ctx, ev);
}

/* Journal ex's events from now on: its current sink is wrapped. */
void journal_attach(struct journal *j, struct exercise *ex)
{
	if (j == NULL)
		return;
	j->ex = ex;
	j->inner = ex->sink;
	j->inner_ctx = ex->sink_ctx;
	ex_set_sink(ex, journal_sink, j);
}

/*
 * Gather a line {"type":TYPE,KEY:N,"seq":NO}, written by hand: ticks come often. Without a type,
 * only the end of a line begun already: ,"seq":NO}.
 */
static void journal_small(struct journal *j, const char *type, const char *key, long long n)
{
	char line[128];
	int len = 0;

	if (j == NULL)
		return;
	if (type != NULL)
		len = snprintf(line, sizeof line, "{\"type\":\"%s\",\"%s\":%lld", type, key, n);
	len += snprintf(line + len, sizeof line - (size_t)len, ",\"seq\":%ld}\n", ++j->no);
	journal_put(j, line, (size_t)len);
}

/* Append an event, if the staff receive it. */
void journal_event(struct journal *j, struct evt *ev)
{
	const char *p;
	size_t n;

	if (j == NULL || !(ev->aud.all || ev->aud.staff))
		return;
	p = evt_json(ev, &n); /* "{...}\n": numbered as ,"seq":NO} before the '\n' */
	journal_put(j, p, n - 2);
	journal_small(j, NULL, NULL, 0);
}

/* The session fields of an input or login line: sess, role, team and name. */
static json_t *journal_session(const struct journal *j, const char *type,
                               const struct cmd_session *s)
{
	bool team = s->team >= 0 && j->ex != NULL && s->team < j->ex->n_teams;

	return json_pack("{s:s,s:I,s:s,s:o,s:o}", "type", type, "sess", (json_int_t)s->id, "role",
	                 cmd_role_name(s->role), "team",
	                 team ? utf8_json(j->ex->teams[s->team].id) : json_null(), "name",
	                 utf8_json(s->name));
}

/* Append a command line typed by session s. */
void journal_input(struct journal *j, const struct cmd_session *s, const char *line)
{
	json_t *o;

	if (j == NULL)
		return;
	o = journal_session(j, "in", s);
	json_object_set_new(o, "line", utf8_json(line));
	journal_obj(j, o);
}

/* Append a successful login of session s. */
void journal_login(struct journal *j, const struct cmd_session *s)
{
	if (j != NULL)
		journal_obj(j, journal_session(j, "login", s));
}

/* Append the end of logged-in session sess. */
void journal_logout(struct journal *j, unsigned long sess)
{
	journal_small(j, "logout", "sess", (long long)sess);
}

/* Append a real-time tick that moves the clock to t. */
void journal_tick(struct journal *j, long t)
{
	journal_small(j, "tick", "t", t);
}

/* Append the mark of a resume at t. */
void journal_resume(struct journal *j, long t)
{
	journal_small(j, "resume", "t", t);
}

/* Write out what gathered and fsync it; -1 when the journal has failed. */
int journal_sync(struct journal *j)
{
	if (j == NULL)
		return 0;
	if (j->len > 0)
		journal_write(j);
	if (!j->failed && j->unsynced) {
		if (fsync(j->fd) < 0)
			journal_fail(j, "fsync");
		j->unsynced = false;
	}
	return j->failed ? -1 : 0;
}

/* Sync, close and free the journal; returns journal_sync's result. */
int journal_close(struct journal *j)
{
	int r;

	if (j == NULL)
		return 0;
	r = journal_sync(j);
	close(j->fd);
	free(j->buf);
	free(j->path);
	free(j);
	return r;
}
