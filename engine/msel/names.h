/* Ids and names derived from MSEL cells: team ids, inject ids, "all", the exercise title. */
#ifndef NAMES_H
#define NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* The longest base names_* make: with "MSEL-" or "-team" and a "-NNNNN" suffix, 61 bytes. */
#define NAMES_ID_MAX 50

/* Whether a recipient name means every team: "All", "All players", "Everyone", ... */
bool names_is_all(const char *name);

/*
 * A team id for a recipient name, in buf (at least 64 bytes): lowercase ASCII letters (accented
 * Latin letters lose their accent), digits, '_' and '-' for everything else; "team" when nothing
 * is left; "-team" added to a reserved id (all, facilitator, observer).
 */
void names_team_id(const char *name, char *buf);

/*
 * An inject id for an inject number, in buf (at least 64 bytes): letters, digits, '_', '.' and
 * '-' for everything else; "MSEL-" in front unless it starts with a letter ("7" is "MSEL-7");
 * "MSEL-R<row>" when nothing is left.
 */
void names_inject_id(const char *number, long row, char *buf);

/* The exercise title for the file at path: its name without extension, '_' and '-' as spaces. */
char *names_title(const char *path);

#endif
