/*
 * Replays fuzz corpora without libFuzzer, so that every build (gcc too) runs them as regression
 * tests: each file named, or found in a folder named, goes through the target once, in name
 * order, as one TAP test point. A crash or a failed check aborts the run.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#pragma weak LLVMFuzzerInitialize

/* The list of input files. */
struct replay_list {
	char **v;
	size_t n, cap;
};

/* A copy of s; aborts when out of memory. */
static char *replay_strdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		abort();
	return p;
}

/* Append a path to the list. */
static void replay_add(struct replay_list *l, const char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap != 0 ? l->cap * 2 : 64;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (l->v == NULL)
			abort();
	}
	l->v[l->n++] = replay_strdup(path);
}

/* Add path, or every regular file in it when it is a folder; -1 if it cannot be read. */
static int replay_collect(struct replay_list *l, const char *path)
{
	struct stat st;
	struct dirent *e;
	DIR *d;

	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		replay_add(l, path);
		return 0;
	}
	d = opendir(path);
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		char full[4096];

		if (e->d_name[0] == '.')
			continue;
		snprintf(full, sizeof full, "%s/%s", path, e->d_name);
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
			replay_add(l, full);
	}
	closedir(d);
	return 0;
}

/* Order paths by name, so that a run is the same everywhere. */
static int replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The whole file at path in a new buffer (*n bytes); NULL if it cannot be read. */
static uint8_t *replay_read(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, r;
	uint8_t *b;

	if (f == NULL)
		return NULL;
	b = malloc(cap);
	*n = 0;
	while (b != NULL && (r = fread(b + *n, 1, cap - *n, f)) > 0) {
		*n += r;
		if (*n == cap)
			b = realloc(b, cap *= 2);
	}
	if (b == NULL)
		abort();
	if (ferror(f)) {
		free(b);
		b = NULL;
	}
	fclose(f);
	return b;
}

/* Replay every corpus file named on the command line (files or folders). */
int main(int argc, char **argv)
{
	struct replay_list l = {0};
	int bad = 0;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++)
		if (replay_collect(&l, argv[i]) < 0) {
			fprintf(stderr, "replay: cannot read %s\n", argv[i]);
			return 1;
		}
	qsort(l.v, l.n, sizeof *l.v, replay_cmp);
	printf("1..%zu\n", l.n);
	for (size_t i = 0; i < l.n; i++) {
		size_t n;
		uint8_t *data = replay_read(l.v[i], &n);

		printf("# %s\n", l.v[i]);
		fflush(stdout);
		if (data == NULL) {
			printf("not ok %zu - %s (cannot read)\n", i + 1, l.v[i]);
			bad++;
		} else {
			LLVMFuzzerTestOneInput(data, n);
			printf("ok %zu - %s\n", i + 1, l.v[i]);
		}
		free(data);
		free(l.v[i]);
	}
	free(l.v);
	return bad != 0;
}
