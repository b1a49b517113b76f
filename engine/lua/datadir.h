/*
 * Where the shipped scenarios and the helper library are: in the source tree for a binary that
 * runs from its build directory, in the installed data directory otherwise.
 */
#ifndef DATADIR_H
#define DATADIR_H

/* The shipped scenarios' directory: $TABLETOP_SCENARIOS when set, else the built-in one. */
const char *datadir_scenarios(void);

/* The helper library's directory: $TABLETOP_LIB when set, else lib/ of the built-in one. */
const char *datadir_lib(void);

/*
 * The file of a shipped scenario named name ("balkansecure" or "balkansecure.lua"), newly
 * allocated; NULL when name is a path, names an existing file, or no such scenario ships.
 */
char *datadir_find(const char *name);

#endif
