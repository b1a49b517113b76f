/* Join secrets: a secrets file kept out of the scenario, and codes generated for the rest. */
#ifndef SECRETS_H
#define SECRETS_H

#include <stdio.h>

#include "../core/exercise.h"

/*
 * Read path: one "ID SECRET" a line (ID a team id, facilitator or observer), '#' comments and
 * blank lines allowed. Sets the secrets in ex. Returns 0, or -1 after printing FILE:LINE: message
 * lines to err.
 */
int secrets_load(struct exercise *ex, const char *path, FILE *err);
/*
 * Give every team, facilitator and observer without a secret a random join code, and print
 * "  ID: login ID CODE" for each to out. -1 when the system has no randomness to give.
 */
int secrets_generate(struct exercise *ex, FILE *out);

#endif
