/* Join secrets: a secrets file kept out of the scenario, and codes generated for the rest. */
#include "secrets.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "../core/utf8.h"
#include "../core/mem.h"

/* Characters of a join code: Crockford's base 32, nothing to misread (no I, L, O, U). */
static const char secrets_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* The number of id's secret: 0 facilitator, 1 observer, 2 + i team i; -1 for an unknown id. */
static int secrets_which(const struct exercise *ex, const char *id)
{
	int i;

	if (strcmp(id, "facilitator") == 0)
		return 0;
	if (strcmp(id, "observer") == 0)
		return 1;
	i = ex_find_team(ex, id);
	return i >= 0 ? 2 + i : -1;
}

/* The secret numbered k (see secrets_which). */
static char **secrets_slot(struct exercise *ex, int k)
{
	if (k == 0)
		return &ex->facilitator_secret;
	if (k == 1)
		return &ex->observer_secret;
	return &ex->teams[k - 2].secret;
}

/* The secret numbered k (see secrets_which), to read. */
static const char *secrets_get(const struct exercise *ex, int k)
{
	if (k == 0)
		return ex->facilitator_secret;
	if (k == 1)
		return ex->observer_secret;
	return ex->teams[k - 2].secret;
}

/* Check and apply one line of a secrets file (modified in place); -1 after printing a problem. */
static int secrets_line(struct exercise *ex, const char *path, int no, char *line, char *seen,
                        FILE *err)
{
	char *id, *secret, *extra, *save = NULL, **slot;
	size_t len = strlen(line);
	int k;

	if (len > 0 && line[len - 1] == '\n')
		line[--len] = '\0';
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	if (!utf8_valid(line, len)) {
		fprintf(err, "%s:%d: the line is not valid UTF-8\n", path, no);
		return -1;
	}
	id = strtok_r(line, " \t", &save);
	if (id == NULL || id[0] == '#')
		return 0;
	secret = strtok_r(NULL, " \t", &save);
	extra = strtok_r(NULL, " \t", &save);
	if (secret == NULL || extra != NULL) {
		fprintf(err, "%s:%d: expected 'ID SECRET' (one word each)\n", path, no);
		return -1;
	}
	k = secrets_which(ex, id);
	if (k < 0) {
		fprintf(err, "%s:%d: '%s' is not a team of the scenario, facilitator or observer\n",
		        path, no, id);
		return -1;
	}
	if (seen[k]++) {
		fprintf(err, "%s:%d: a second secret for '%s'\n", path, no, id);
		return -1;
	}
	slot = secrets_slot(ex, k);
	free(*slot);
	*slot = mem_strdup(secret);
	return 0;
}

/* Read a secrets file into ex; 0, or -1 after printing FILE:LINE: message lines to err. */
int secrets_load(struct exercise *ex, const char *path, FILE *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *seen;
	size_t cap = 0;
	int no = 0, bad = 0;

	if (f == NULL) {
		fprintf(err, "%s: cannot read the secrets file: %s\n", path, strerror(errno));
		return -1;
	}
	seen = mem_calloc((size_t)ex->n_teams + 2, 1);
	while (getline(&line, &cap, f) >= 0)
		if (secrets_line(ex, path, ++no, line, seen, err) < 0)
			bad = 1;
	free(line);
	free(seen);
	fclose(f);
	return bad ? -1 : 0;
}

/* Fill buf with n random bytes from the kernel; -1 if there are none. */
static int secrets_random(unsigned char *buf, size_t n)
{
	size_t got = 0;
	int fd;

	while (got < n) {
		ssize_t r = getrandom(buf + got, n - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		got += (size_t)r;
	}
	if (got == n)
		return 0;
	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);

		if (r <= 0 && errno != EINTR)
			break;
		if (r > 0)
			got += (size_t)r;
	}
	close(fd);
	return got == n ? 0 : -1;
}

/* Make a join code "XXXXX-XXXXX" (50 random bits) in a new string, or NULL. */
static char *secrets_code(void)
{
	unsigned char r[10];
	char code[12];
	int k = 0;

	if (secrets_random(r, sizeof r) < 0)
		return NULL;
	for (int i = 0; i < 10; i++) {
		if (i == 5)
			code[k++] = '-';
		code[k++] = secrets_alphabet[r[i] & 31];
	}
	code[k] = '\0';
	return mem_strdup(code);
}

/* The id of the secret numbered k (see secrets_which). */
static const char *secrets_id(const struct exercise *ex, int k)
{
	return k == 0 ? "facilitator" : k == 1 ? "observer" : ex->teams[k - 2].id;
}

/* Take the codes kept in keep for the secrets still to give; -1 after a message on err. */
static int secrets_reuse(struct exercise *ex, const char *keep, struct secrets_made *m, FILE *err)
{
	FILE *f = fopen(keep, "r");
	char *line = NULL, *save, *id, *code;
	size_t cap = 0;
	int no = 0, bad = 0;

	if (f == NULL && errno == ENOENT)
		return 0;
	if (f == NULL) {
		fprintf(err, "%s: cannot read the kept join codes: %s\n", keep, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, f) >= 0) {
		int k;

		no++;
		save = NULL;
		id = strtok_r(line, " \t\r\n", &save);
		code = strtok_r(NULL, " \t\r\n", &save);
		if (id == NULL || id[0] == '#')
			continue;
		k = secrets_which(ex, id);
		if (code == NULL || strtok_r(NULL, " \t\r\n", &save) != NULL || k < 0) {
			fprintf(err,
			        "%s:%d: expected 'ID CODE' for a team, facilitator or observer\n",
			        keep, no);
			bad = 1;
		} else if (m->from[k] == SECRETS_MADE && *secrets_slot(ex, k) == NULL) {
			*secrets_slot(ex, k) = mem_strdup(code);
			m->from[k] = SECRETS_KEPT;
			m->kept++;
		}
	}
	free(line);
	fclose(f);
	if (bad)
		fprintf(err, "%s: fix or remove the file (new codes are then generated)\n", keep);
	return bad ? -1 : 0;
}

/* Write the codes that were not set by the scenario or --secrets to keep, mode 0600. */
static int secrets_save(const struct exercise *ex, const char *keep, const struct secrets_made *m,
                        FILE *err)
{
	size_t n = strlen(keep) + 8;
	char *tmp = mem_realloc(NULL, n);
	FILE *f = NULL;
	int fd, ok;

	snprintf(tmp, n, "%s.tmp", keep);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		f = fdopen(fd, "w");
	ok = f != NULL;
	if (ok) {
		fprintf(
		    f, "# tabletop join codes for the journal beside this file; keep it private\n");
		for (int k = 0; k < m->n; k++)
			if (m->from[k] != SECRETS_SET)
				fprintf(f, "%s %s\n", secrets_id(ex, k), secrets_get(ex, k));
		ok = fflush(f) == 0 && fsync(fd) == 0;
		ok = fclose(f) == 0 && ok;
	} else if (fd >= 0) {
		close(fd);
	}
	if (ok)
		ok = rename(tmp, keep) == 0;
	if (!ok) {
		fprintf(err, "%s: cannot keep the join codes: %s\n", keep, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ok ? 0 : -1;
}

/* Give everyone without a secret a join code, kept or new, and write them to keep. */
int secrets_generate(struct exercise *ex, const char *keep, bool reuse, struct secrets_made *m,
                     FILE *err)
{
	m->n = ex->n_teams + 2;
	m->kept = m->made = 0;
	m->from = mem_calloc((size_t)m->n, 1);
	for (int k = 0; k < m->n; k++)
		m->from[k] = *secrets_slot(ex, k) == NULL ? SECRETS_MADE : SECRETS_SET;
	if (keep != NULL && reuse && secrets_reuse(ex, keep, m, err) < 0)
		return -1;
	for (int k = 0; k < m->n; k++) {
		char **slot = secrets_slot(ex, k);

		if (*slot != NULL)
			continue;
		*slot = secrets_code();
		if (*slot == NULL) {
			fprintf(err, "tabletop run: no random numbers for the join codes\n");
			return -1;
		}
		m->made++;
	}
	if (keep != NULL && secrets_save(ex, keep, m, err) < 0)
		return -1;
	return 0;
}

/* Print "  ID: login ID CODE" for every code that secrets_generate gave, under a heading. */
void secrets_print(const struct exercise *ex, const struct secrets_made *m, const char *keep,
                   FILE *out)
{
	if (m->kept > 0)
		fprintf(out,
		        "join codes, the same as before the restart (kept in %s)\n"
		        "(type the command shown after the colon):\n",
		        keep);
	else
		fprintf(out, "join codes (type the command shown after the colon):\n");
	for (int k = 0; k < m->n; k++)
		if (m->from[k] != SECRETS_SET)
			fprintf(out, "  %s: login %s %s%s\n", secrets_id(ex, k), secrets_id(ex, k),
			        secrets_get(ex, k),
			        m->kept > 0 && m->from[k] == SECRETS_MADE ? "  (new code)" : "");
	if (keep != NULL && m->kept == 0 && m->made > 0)
		fprintf(out, "(kept in %s, private, so that --resume gives the same codes)\n",
		        keep);
}

/* Free what secrets_generate recorded. */
void secrets_made_free(struct secrets_made *m)
{
	free(m->from);
	m->from = NULL;
}
