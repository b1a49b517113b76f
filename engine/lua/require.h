/*
 * require(name) for scenarios: modules from the scenario's own directory tree, then from the
 * helper library, loaded as text in the scenario's sandbox while the file loads, each once.
 */
#ifndef REQUIRE_H
#define REQUIRE_H

#include <lua.h>

#include "scenario.h"

struct require;

/*
 * A module loader for the scenario at path and the helper library at libdir (NULL: none); the
 * modules it loads are listed in ex->modules.
 */
struct require *require_new(const char *path, const char *libdir, struct exercise *ex);
/* Set the global require in L; runs in protected mode. */
void require_open(lua_State *L, struct require *rq);
/* Loading is over: from now on require() returns only the modules loaded already. */
void require_done(struct require *rq);
/* Free the loader. */
void require_free(struct require *rq);

#endif
