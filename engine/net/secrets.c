/* Join secrets: a secrets file kept out of the scenario, and codes generated for the rest. */
#include "secrets.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "utf8.h"

/* Characters of a join code: Crockford's base 32, nothing to misread (no I, L, O, U). */
static const char secrets_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* strdup that aborts when out of memory. */
static char *secrets_strdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		abort();
	return p;
}

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
	*slot = secrets_strdup(secret);
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
	seen = calloc((size_t)ex->n_teams + 2, 1);
	if (seen == NULL)
		abort();
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
	return secrets_strdup(code);
}

/* Give slot a code if it has no secret, and print the command that uses it. */
static int secrets_fill(char **slot, const char *id, FILE *out)
{
	if (*slot != NULL)
		return 0;
	*slot = secrets_code();
	if (*slot == NULL)
		return -1;
	fprintf(out, "  %s: login %s %s\n", id, id, *slot);
	return 0;
}

/* Give everyone without a secret a random join code and print the login command for each. */
int secrets_generate(struct exercise *ex, FILE *out)
{
	if (secrets_fill(&ex->facilitator_secret, "facilitator", out) < 0 ||
	    secrets_fill(&ex->observer_secret, "observer", out) < 0)
		return -1;
	for (int i = 0; i < ex->n_teams; i++)
		if (secrets_fill(&ex->teams[i].secret, ex->teams[i].id, out) < 0)
			return -1;
	return 0;
}
