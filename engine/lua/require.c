/*
 * require(name) for scenarios. A dotted name a.b is the file a/b.lua, looked for in the
 * scenario's directory (and below), then in the helper library; its real path must lie inside
 * one of the two. A module is read while the scenario file loads, compiled as text, run once in
 * the same sandbox (same globals, budget and memory cap), and listed with its SHA-256 for the
 * journal.
 */
#include "require.h"

#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/mem.h"
#include "sandbox.h"

/* The longest module name, the deepest nesting of modules loading each other, the largest file. */
#define REQUIRE_NAME_MAX 128
#define REQUIRE_DEPTH 32
#define REQUIRE_FILE_MAX ((off_t)4 << 20)

/* The upvalues of require: the loader, then its tables. */
#define REQUIRE_BYNAME lua_upvalueindex(2)  /* name -> module */
#define REQUIRE_BYREAL lua_upvalueindex(3)  /* real path -> module */
#define REQUIRE_LOADING lua_upvalueindex(4) /* real path -> depth, while it loads */
#define REQUIRE_CHAIN lua_upvalueindex(5)   /* depth -> name, of the modules loading */

/* A directory modules are looked for in. */
struct require_root {
	char *dir;  /* as named, for messages and chunk names; NULL: none */
	char *real; /* its real path; NULL: none, or it does not exist */
};

struct require {
	struct require_root roots[2]; /* the scenario's directory, then the helper library */
	char *self;                   /* the scenario file's real path, or NULL */
	bool done;                    /* the scenario has loaded: nothing more is read */
	struct exercise *ex;          /* gets the list of modules loaded */
};

/* A module loader for the scenario at path and the helper library at libdir (NULL: none). */
struct require *require_new(const char *path, const char *libdir, struct exercise *ex)
{
	struct require *rq = mem_calloc(1, sizeof *rq);
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		rq->roots[0].dir = mem_strdup(".");
	else
		rq->roots[0].dir = mem_strndup(path, slash == path ? 1 : (size_t)(slash - path));
	rq->roots[1].dir = mem_strdup(libdir);
	rq->ex = ex;
	for (int i = 0; i < 2; i++)
		if (rq->roots[i].dir != NULL)
			rq->roots[i].real = realpath(rq->roots[i].dir, NULL);
	rq->self = realpath(path, NULL);
	return rq;
}

/* Whether the real path real lies inside the directory root (a real path too, or NULL). */
static bool require_inside(const char *real, const char *root)
{
	size_t n = root != NULL ? strlen(root) : 0;

	if (root == NULL)
		return false;
	if (strcmp(root, "/") == 0)
		return real[0] == '/';
	return strncmp(real, root, n) == 0 && real[n] == '/';
}

/* Whether name (len bytes) is Lua names joined by dots: "media", "lib.ladder". */
static bool require_name_ok(const char *name, size_t len)
{
	bool start = true; /* at the start of a name */

	if (len == 0 || len > REQUIRE_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

		if (c == '.' && !start)
			start = true;
		else if (letter || (!start && c >= '0' && c <= '9'))
			start = false;
		else
			return false;
	}
	return !start;
}

/* Raise for a module name that is not one, quoting it only when that is safe to show. */
static int require_bad_name(lua_State *L, const char *name, size_t len)
{
	static const char rule[] = "a module name is Lua names joined by dots, such as 'media' or "
	                           "'lib.ladder' (no slashes, no '..', no file names)";
	bool shown = len <= REQUIRE_NAME_MAX;

	if (memchr(name, '\0', len) != NULL)
		return luaL_error(L, "require: bad module name (it holds a NUL byte): %s", rule);
	for (size_t i = 0; shown && i < len; i++)
		shown = name[i] >= 0x20 && name[i] < 0x7f && name[i] != '\'';
	if (!shown)
		return luaL_error(L, "require: bad module name: %s", rule);
	return luaL_error(L, "require: bad module name '%s': %s", name, rule);
}

/* Raise: module name was found nowhere; say where it was looked for. */
static int require_not_found(lua_State *L, const struct require *rq, const char *name,
                             const char *rel)
{
	const struct require_root *s = &rq->roots[0], *lib = &rq->roots[1];

	if (lib->dir == NULL)
		return luaL_error(L, "require '%s': not found: no %s in %s (no helper library)",
		                  name, rel, s->dir);
	if (lib->real == NULL)
		return luaL_error(L,
		                  "require '%s': not found: no %s in %s, and the helper library "
		                  "%s does not exist",
		                  name, rel, s->dir, lib->dir);
	return luaL_error(L, "require '%s': not found: no %s in %s or in %s", name, rel, s->dir,
	                  lib->dir);
}

/*
 * Look for module name; push the path as found (for messages and the chunk name), then its real
 * path. buf has room for two paths. Raises when it is nowhere, outside both trees, or the
 * scenario file itself.
 */
static void require_find(lua_State *L, const struct require *rq, const char *name, char *buf)
{
	char rel[REQUIRE_NAME_MAX + 5], *cand = buf, *real = buf + PATH_MAX;
	const struct require_root *lib = &rq->roots[1];

	snprintf(rel, sizeof rel, "%s.lua", name);
	for (char *p = rel; *p != '\0' && strcmp(p, ".lua") != 0; p++)
		if (*p == '.')
			*p = '/';
	for (int i = 0; i < 2; i++) {
		const struct require_root *r = &rq->roots[i];

		if (r->real == NULL)
			continue;
		if (snprintf(cand, PATH_MAX, "%s/%s", r->dir, rel) >= PATH_MAX)
			luaL_error(L, "require '%s': the path in %s is too long", name, r->dir);
		if (strcmp(r->dir, ".") == 0)
			snprintf(cand, PATH_MAX, "%s", rel);
		if (realpath(cand, real) == NULL) {
			if (errno == ENOENT || errno == ENOTDIR)
				continue;
			luaL_error(L, "require '%s': cannot read %s: %s", name, cand,
			           strerror(errno));
		}
		if (!require_inside(real, rq->roots[0].real) && !require_inside(real, lib->real))
			luaL_error(L, "require '%s': %s is really %s, outside %s%s%s: refused",
			           name, cand, real, rq->roots[0].dir,
			           lib->real != NULL ? " and " : "",
			           lib->real != NULL ? lib->dir : "");
		if (rq->self != NULL && strcmp(real, rq->self) == 0)
			luaL_error(L, "require '%s': %s is the scenario file itself", name, cand);
		lua_pushstring(L, cand);
		lua_pushstring(L, real);
		return;
	}
	require_not_found(L, rq, name, rel);
}

/* Add a module to the list (once per path), with the SHA-256 of its n bytes at p. */
static void require_record(struct require *rq, const char *name, const char *path, const char *p,
                           size_t n)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	struct exercise *ex = rq->ex;
	struct ex_module *m;

	for (int i = 0; i < ex->n_modules; i++)
		if (strcmp(ex->modules[i].path, path) == 0)
			return;
	if (!EVP_Digest(p, n, md, &len, EVP_sha256(), NULL) || len != 32)
		abort();
	ex->modules =
	    mem_grow(ex->modules, (size_t)ex->n_modules, &ex->cap_modules, sizeof *ex->modules);
	m = &ex->modules[ex->n_modules++];
	m->name = mem_strdup(name);
	m->path = mem_strdup(path);
	for (unsigned int i = 0; i < len; i++)
		snprintf(m->sha256 + 2 * i, 3, "%02x", md[i]);
}

/*
 * Read the module file at real (path as found), list it, and push it compiled as text. Raises
 * when it cannot be read or compiled.
 */
static void require_read(lua_State *L, struct require *rq, const char *name, const char *path,
                         const char *real)
{
	struct stat st;
	size_t got = 0, cap;
	const char *err = NULL;
	char *buf;
	int fd;

	if (stat(real, &st) < 0)
		luaL_error(L, "require '%s': cannot read %s: %s", name, path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		luaL_error(L, "require '%s': %s is not a regular file", name, path);
	if (st.st_size > REQUIRE_FILE_MAX)
		luaL_error(L, "require '%s': %s is larger than 4 MiB", name, path);
	cap = (size_t)st.st_size + 1; /* one more byte tells a file that grew */
	buf = lua_newuserdatauv(L, cap, 0);
	fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		err = fd < 0 ? strerror(errno) : "not a regular file";
	while (err == NULL && got < cap) {
		ssize_t r = read(fd, buf + got, cap - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			err = strerror(errno);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (fd >= 0)
		close(fd);
	if (err == NULL && got == cap)
		err = "it changed while it was read";
	if (err != NULL)
		luaL_error(L, "require '%s': cannot read %s: %s", name, path, err);
	require_record(rq, name, path, buf, got);
	if (sandbox_compile(L, buf, got, lua_pushfstring(L, "@%s", path)) != LUA_OK)
		luaL_error(L, "require '%s': %s", name, lua_tostring(L, -1));
	lua_replace(L, -3); /* the function replaces the buffer; the chunk name goes */
	lua_pop(L, 1);
}

/* Raise: module name (real path at real) is being loaded already; name the cycle. */
static int require_cycle(lua_State *L, const char *name, int real)
{
	lua_Integer from, to = (lua_Integer)lua_rawlen(L, REQUIRE_CHAIN);
	luaL_Buffer b;

	lua_pushvalue(L, real);
	lua_rawget(L, REQUIRE_LOADING);
	from = lua_tointeger(L, -1);
	luaL_buffinit(L, &b);
	for (lua_Integer i = from; i <= to; i++) {
		lua_rawgeti(L, REQUIRE_CHAIN, i);
		luaL_addvalue(&b);
		luaL_addstring(&b, " -> ");
	}
	luaL_addstring(&b, name);
	luaL_pushresult(&b);
	return luaL_error(L, "require '%s': a cycle of modules: %s", name, lua_tostring(L, -1));
}

/* Run the compiled module at idx (real path at real, depth deep) with its name; push its value. */
static void require_run(lua_State *L, int idx, int real, lua_Integer depth)
{
	int status;

	lua_pushvalue(L, real);
	lua_pushinteger(L, depth);
	lua_rawset(L, REQUIRE_LOADING);
	lua_pushvalue(L, 1);
	lua_rawseti(L, REQUIRE_CHAIN, depth);
	lua_pushvalue(L, idx);
	lua_pushvalue(L, 1);
	status = lua_pcall(L, 1, 1, 0);
	lua_pushnil(L); /* removing keys that exist allocates nothing, even past the budget */
	lua_rawseti(L, REQUIRE_CHAIN, depth);
	lua_pushvalue(L, real);
	lua_pushnil(L);
	lua_rawset(L, REQUIRE_LOADING);
	if (status != LUA_OK && lua_type(L, -1) == LUA_TSTRING)
		luaL_error(L, "require '%s': %s", lua_tostring(L, 1), lua_tostring(L, -1));
	if (status != LUA_OK)
		lua_error(L);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_pushboolean(L, 1);
	}
}

/* require(name): the module's value, loading it the first time (only while the file loads). */
static int require_lua(lua_State *L)
{
	struct require *rq = lua_touserdata(L, lua_upvalueindex(1));
	size_t len;
	const char *name = luaL_checklstring(L, 1, &len);
	lua_Integer depth;

	lua_settop(L, 1);
	if (!require_name_ok(name, len))
		return require_bad_name(L, name, len);
	if (lua_getfield(L, REQUIRE_BYNAME, name) != LUA_TNIL)
		return 1;
	if (rq->done)
		return luaL_error(L,
		                  "require '%s': modules are loaded only while the scenario file "
		                  "loads (require it at the top of the file)",
		                  name);
	lua_settop(L, 1);
	require_find(L, rq, name,
	             lua_newuserdatauv(L, 2 * PATH_MAX, 0)); /* 2 buf, 3 path, 4 real */
	lua_pushvalue(L, 4);
	if (lua_rawget(L, REQUIRE_BYREAL) == LUA_TNIL) {
		lua_pushvalue(L, 4);
		if (lua_rawget(L, REQUIRE_LOADING) != LUA_TNIL)
			return require_cycle(L, name, 4);
		depth = (lua_Integer)lua_rawlen(L, REQUIRE_CHAIN) + 1;
		if (depth > REQUIRE_DEPTH)
			return luaL_error(L, "require '%s': modules nest more than %d deep", name,
			                  REQUIRE_DEPTH);
		lua_settop(L, 4);
		require_read(L, rq, name, lua_tostring(L, 3), lua_tostring(L, 4)); /* 5 chunk */
		require_run(L, 5, 4, depth);                                       /* 6 value */
		lua_pushvalue(L, 4);
		lua_pushvalue(L, -2);
		lua_rawset(L, REQUIRE_BYREAL);
	}
	lua_pushvalue(L, 1);
	lua_pushvalue(L, -2);
	lua_rawset(L, REQUIRE_BYNAME);
	return 1;
}

/* Set the global require in L; runs in protected mode. */
void require_open(lua_State *L, struct require *rq)
{
	lua_pushlightuserdata(L, rq);
	for (int i = 0; i < 4; i++)
		lua_newtable(L);
	lua_pushcclosure(L, require_lua, 5);
	lua_setglobal(L, "require");
}

/* Loading is over: from now on require() returns only the modules loaded already. */
void require_done(struct require *rq)
{
	rq->done = true;
}

/* Free the loader and its list of modules. */
void require_free(struct require *rq)
{
	if (rq == NULL)
		return;
	for (int i = 0; i < 2; i++) {
		free(rq->roots[i].dir);
		free(rq->roots[i].real);
	}
	free(rq->self);
	free(rq);
}
