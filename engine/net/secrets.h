/* Join secrets: a secrets file kept out of the scenario, and codes generated for the rest. */
#ifndef SECRETS_H
#define SECRETS_H

#include <stdbool.h>
#include <stdio.h>

#include "../core/exercise.h"

/*
 * Read path: one "ID SECRET" a line (ID a team id, facilitator or observer), '#' comments and
 * blank lines allowed. Sets the secrets in ex. Returns 0, or -1 after printing FILE:LINE: message
 * lines to err.
 */
int secrets_load(struct exercise *ex, const char *path, FILE *err);
/* Where each join code came from, for secrets_print. */
struct secrets_made {
	char *from; /* per secret (0 facilitator, 1 observer, 2 + i team i): SECRETS_* */
	int n;
	int kept; /* codes taken from the codes file */
	int made; /* codes generated now */
};

enum { SECRETS_SET, SECRETS_MADE, SECRETS_KEPT };

/*
 * Give every team, facilitator and observer without a secret a join code: with reuse, the one
 * kept in the codes file keep (when it has one), else a random one; then write them all to keep
 * (mode 0600; NULL: no file). Returns 0, or -1 after a message on err.
 */
int secrets_generate(struct exercise *ex, const char *keep, bool reuse, struct secrets_made *m,
                     FILE *err);
/* Print "  ID: login ID CODE" for every code that secrets_generate gave, under a heading. */
void secrets_print(const struct exercise *ex, const struct secrets_made *m, const char *keep,
                   FILE *out);
/* Free what secrets_generate recorded. */
void secrets_made_free(struct secrets_made *m);

#endif
