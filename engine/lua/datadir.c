/* Where the shipped scenarios and the helper library are (docs/install.md). */
#include "datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/mem.h"

/* meson sets these: the installed scenarios, the source tree's, and the build directory. */
#ifndef TABLETOP_DATADIR
#define TABLETOP_DATADIR "/usr/local/share/tabletop/scenarios"
#endif
#ifndef TABLETOP_SRCDATA
#define TABLETOP_SRCDATA TABLETOP_DATADIR
#endif
#ifndef TABLETOP_BUILDDIR
#define TABLETOP_BUILDDIR "/nonexistent"
#endif

/* The built-in scenarios' directory: the source tree's when this program is in the build tree. */
static const char *datadir_root(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	size_t n;

	if (realpath("/proc/self/exe", exe) == NULL || realpath(TABLETOP_BUILDDIR, build) == NULL)
		return TABLETOP_DATADIR;
	n = strlen(build);
	return strncmp(exe, build, n) == 0 && exe[n] == '/' ? TABLETOP_SRCDATA : TABLETOP_DATADIR;
}

/* The value of the environment variable name when it is set and not empty, else NULL. */
static const char *datadir_env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* The shipped scenarios' directory: $TABLETOP_SCENARIOS when set, else the built-in one. */
const char *datadir_scenarios(void)
{
	const char *env = datadir_env("TABLETOP_SCENARIOS");

	return env != NULL ? env : datadir_root();
}

/* The helper library's directory: $TABLETOP_LIB when set, else lib/ of the built-in one. */
const char *datadir_lib(void)
{
	static char lib[PATH_MAX];
	const char *env = datadir_env("TABLETOP_LIB");

	if (env != NULL)
		return env;
	if (lib[0] == '\0')
		snprintf(lib, sizeof lib, "%s/lib", datadir_root());
	return lib;
}

/*
 * The file of a shipped scenario named name ("balkansecure" or "balkansecure.lua"), newly
 * allocated; NULL when name is a path, names an existing file, or no such scenario ships.
 */
char *datadir_find(const char *name)
{
	size_t n = strlen(name);
	char *path;

	if (n == 0 || name[0] == '.' || strchr(name, '/') != NULL || access(name, F_OK) == 0)
		return NULL;
	if (n > 4 && strcmp(name + n - 4, ".lua") == 0)
		path = mem_printf("%s/%s", datadir_scenarios(), name);
	else
		path = mem_printf("%s/%s.lua", datadir_scenarios(), name);
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}
