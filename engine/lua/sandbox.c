/* The Lua sandbox: a state with a memory cap, an instruction budget and FILE:LINE errors. */
#include "sandbox.h"

#include <lauxlib.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libs.h"

/* VM instructions between two looks at the budget. */
#define SANDBOX_STEP 1000
/* Nested calls allowed on one thread (Lua's own limit would take more memory than the cap). */
#define SANDBOX_DEPTH 10000
/* Allocating 2^SANDBOX_BYTE_SHIFT bytes costs as much budget as one instruction. */
#define SANDBOX_BYTE_SHIFT 5

/* What one run has used of its budget, and where it failed. */
struct sandbox_usage {
	long count, limit; /* budget used and allowed */
	bool aborting;     /* the budget ran out: every hook raises again */
	int abort_line;    /* where it ran out */
	bool mem_refused;  /* an allocation was refused */
	int mem_line;      /* where it was */
	int fn_line;       /* where the function the run called was defined */
	long events;       /* events emitted by this run */
	size_t bytes;      /* bytes of text in them */
	char stop[128];    /* why the run was stopped for good, when not by the budget */
};

struct sandbox {
	lua_State *L;   /* the main thread */
	lua_State *cur; /* the thread inside a core call; NULL: L */
	char *path;
	char *chunkname;            /* "@path" */
	char short_src[LUA_IDSIZE]; /* how Lua's own messages abbreviate path */
	size_t mem, mem_cap;        /* bytes allocated, bytes allowed */
	struct sandbox_usage run;   /* the innermost run */
	int depth;                  /* nested runs */
	long max_events;            /* events one run may emit (0: no cap) */
	size_t max_bytes;           /* bytes of text one run may emit (0: no cap) */
};

/* The sandbox a Lua thread belongs to. */
struct sandbox *sandbox_of(lua_State *L)
{
	return *(struct sandbox **)lua_getextraspace(L);
}

/* The thread that runs scenario code now: the one inside a core call, or the main thread. */
lua_State *sandbox_thread(struct sandbox *sb)
{
	return sb->cur != NULL ? sb->cur : sb->L;
}

/* Mark L as the thread of a core call about to be made; returns what to give sandbox_leave. */
lua_State *sandbox_enter(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);
	lua_State *prev = sb->cur;

	sb->cur = L;
	return prev;
}

/* The core call made after sandbox_enter has returned. */
void sandbox_leave(lua_State *L, lua_State *prev)
{
	sandbox_of(L)->cur = prev;
}

/* The line in the scenario file of the innermost call at or above level, or 0. */
int sandbox_line(lua_State *L, int level)
{
	struct sandbox *sb = sandbox_of(L);
	lua_Debug ar;

	for (; lua_getstack(L, level, &ar); level++)
		if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 &&
		    strcmp(ar.source, sb->chunkname) == 0)
			return ar.currentline;
	return 0;
}

static void sandbox_hook(lua_State *L, lua_Debug *ar);

/* The budget is spent: from now on every instruction on L raises and allocations are refused. */
static void sandbox_spent(struct sandbox *sb, lua_State *L)
{
	if (!sb->run.aborting) {
		sb->run.aborting = true;
		sb->run.abort_line = sandbox_line(L, 0);
	}
	lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, 1);
}

/*
 * The allocator: counts what the scenario holds and refuses past the cap. Allocating costs
 * budget too, and once the budget is spent nothing more is allocated: a loop of big library
 * calls cannot outrun the count hook.
 */
static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct sandbox *sb = ud;
	size_t old = ptr != NULL ? osize : 0;
	void *p;

	if (nsize == 0) {
		free(ptr);
		sb->mem -= old;
		return NULL;
	}
	if (nsize > old && sb->depth > 0 && (sb->run.aborting || sb->run.count > sb->run.limit)) {
		sandbox_spent(sb, sandbox_thread(sb));
		return NULL;
	}
	if (nsize > old && nsize - old > sb->mem_cap - sb->mem) {
		if (!sb->run.mem_refused && sb->depth > 0)
			sb->run.mem_line = sandbox_line(sandbox_thread(sb), 0);
		sb->run.mem_refused = true;
		return NULL;
	}
	p = realloc(ptr, nsize);
	if (p == NULL)
		return NULL;
	sb->mem = sb->mem - old + nsize;
	if (nsize > old)
		sb->run.count += (long)((nsize - old) >> SANDBOX_BYTE_SHIFT);
	return p;
}

/* The count hook: charge the budget; once it is spent, raise on every instruction. */
static void sandbox_hook(lua_State *L, lua_Debug *ar)
{
	struct sandbox *sb = sandbox_of(L);
	int n = lua_gethookcount(L);

	if (!sb->run.aborting) {
		sb->run.count += n;
		if (n != SANDBOX_STEP)
			lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, SANDBOX_STEP);
		if (lua_getstack(L, SANDBOX_DEPTH, ar)) {
			luaL_where(L, 0);
			lua_pushfstring(L, "stack overflow (more than %d nested calls)",
			                SANDBOX_DEPTH);
			lua_concat(L, 2);
			lua_error(L);
		}
		if (sb->run.count <= sb->run.limit)
			return;
	}
	sandbox_spent(sb, L);
	lua_pushfstring(L, "instruction budget of %I exceeded", (lua_Integer)sb->run.limit);
	lua_error(L);
}

/* Whether msg starts with "SRC:LINE:" for this sandbox's chunk as Lua abbreviates it. */
static bool sandbox_has_pos(const struct sandbox *sb, const char *msg)
{
	size_t n = strlen(sb->short_src);
	const char *p = msg + n;

	if (strncmp(msg, sb->short_src, n) != 0 || *p != ':' || p[1] < '0' || p[1] > '9')
		return false;
	for (p++; *p >= '0' && *p <= '9'; p++)
		;
	return *p == ':';
}

/* The message handler: every error gets the scenario's FILE:LINE, never a traceback. */
static int sandbox_msgh(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);
	const char *msg = lua_tostring(L, 1);
	int line;

	if (msg == NULL)
		msg = lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
	if (sandbox_has_pos(sb, msg))
		return 1;
	line = sandbox_line(L, 1);
	if (line > 0)
		lua_pushfstring(L, "%s:%d: %s", sb->short_src, line, msg);
	return 1;
}

/* "N MiB", "N KiB" or "N bytes" for a byte count. */
static void sandbox_bytes(size_t n, char *buf, size_t len)
{
	if (n >= 1048576 && n % 1048576 == 0)
		snprintf(buf, len, "%zu MiB", n / 1048576);
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(buf, len, "%zu KiB", n / 1024);
	else
		snprintf(buf, len, "%zu bytes", n);
}

/* "FILE:LINE: msg", or "FILE: msg" without a line. */
static char *sandbox_at(const struct sandbox *sb, int line, const char *msg)
{
	if (line > 0)
		return mem_printf("%s:%d: %s", sb->path, line, msg);
	return mem_printf("%s: %s", sb->path, msg);
}

/* The message for a run that failed with status and the error object on top of L. */
static char *sandbox_error(struct sandbox *sb, lua_State *L, int status)
{
	const char *msg = lua_tostring(L, -1);
	size_t n = msg != NULL ? strlen(msg) : 0;
	static const char memmsg[] = "not enough memory";
	char text[96], cap[32];

	if (sb->run.aborting && sb->run.stop[0] != '\0') {
		return sandbox_at(sb, sb->run.abort_line ? sb->run.abort_line : sb->run.fn_line,
		                  sb->run.stop);
	} else if (sb->run.aborting) {
		snprintf(text, sizeof text, "instruction budget of %ld exceeded", sb->run.limit);
		return sandbox_at(sb, sb->run.abort_line ? sb->run.abort_line : sb->run.fn_line,
		                  text);
	}
	if (status == LUA_ERRMEM || (sb->run.mem_refused && n >= sizeof memmsg - 1 &&
	                             strcmp(msg + n - (sizeof memmsg - 1), memmsg) == 0)) {
		sandbox_bytes(sb->mem_cap, cap, sizeof cap);
		snprintf(text, sizeof text, "memory cap of %s exceeded", cap);
		return sandbox_at(sb, sb->run.mem_line ? sb->run.mem_line : sb->run.fn_line, text);
	}
	if (msg == NULL)
		return sandbox_at(sb, sb->run.fn_line, "error object is not a string");
	if (!sandbox_has_pos(sb, msg))
		return sandbox_at(sb, sb->run.fn_line, msg);
	for (const char *p = strstr(msg, ": "); p != NULL && sandbox_has_pos(sb, p + 2);
	     p = strstr(msg, ": "))
		msg = p + 2; /* "F:7: F:3: x" from a coroutine: keep the innermost place */
	return mem_printf("%s%s", sb->path, msg + strlen(sb->short_src));
}

/*
 * Run fn(L) with ud as its only argument, in protected mode, under an instruction budget.
 * Returns 0, or -1 with *err (to free) set to "FILE:LINE: message".
 */
int sandbox_run(struct sandbox *sb, lua_CFunction fn, void *ud, long budget, char **err)
{
	lua_State *L = sandbox_thread(sb);
	struct sandbox_usage outer = sb->run;
	int base = lua_gettop(L), status;

	*err = NULL;
	if (!lua_checkstack(L, 3)) {
		*err = sandbox_at(sb, 0, "Lua stack exhausted");
		return -1;
	}
	sb->depth++;
	sb->run = (struct sandbox_usage){.limit = budget};
	lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, SANDBOX_STEP);
	lua_pushcfunction(L, sandbox_msgh);
	lua_pushcfunction(L, fn);
	lua_pushlightuserdata(L, ud);
	status = lua_pcall(L, 1, 0, base + 1);
	if (status != LUA_OK)
		*err = sandbox_error(sb, L, status);
	lua_settop(L, base);
	if (status != LUA_OK && (sb->run.aborting || sb->run.mem_refused))
		lua_gc(L, LUA_GCCOLLECT);
	sb->run = outer;
	sb->depth--;
	lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, SANDBOX_STEP);
	return status == LUA_OK ? 0 : -1;
}

/* Call the function below nargs arguments, as lua_call does, noting where it was defined. */
void sandbox_call(lua_State *L, int nargs, int nresults)
{
	struct sandbox *sb = sandbox_of(L);
	lua_Debug ar;

	luaL_checkstack(L, 1, NULL);
	lua_pushvalue(L, -(nargs + 1));
	if (lua_getinfo(L, ">S", &ar) && strcmp(ar.source, sb->chunkname) == 0)
		sb->run.fn_line = ar.linedefined;
	lua_call(L, nargs, nresults);
}

/*
 * Compile text named chunkname as a function on the stack: a UTF-8 byte order mark is skipped and
 * a first line "#..." left out but still counted. Returns lua_load's status (the message pushed).
 */
int sandbox_compile(lua_State *L, const char *buf, size_t len, const char *chunkname)
{
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (len > 0 && buf[0] == '#') {
		const char *nl = memchr(buf, '\n', len);
		len = nl != NULL ? len - (size_t)(nl - buf) : 0;
		buf = nl != NULL ? nl : buf;
	}
	return luaL_loadbufferx(L, buf, len, chunkname, "t");
}

/* Compile the scenario's text as a function on the stack; raises "FILE:LINE: message". */
void sandbox_load(lua_State *L, const char *buf, size_t len)
{
	if (sandbox_compile(L, buf, len, sandbox_of(L)->chunkname) != LUA_OK)
		lua_error(L);
}

/* Split "FILE:LINE: message" of this sandbox into the line (returned; 0: none) and *msg. */
int sandbox_split(const struct sandbox *sb, const char *text, const char **msg)
{
	size_t n = strlen(sb->path);
	const char *p = text + n;
	int line = 0;

	*msg = text;
	if (strncmp(text, sb->path, n) != 0 || *p != ':')
		return 0;
	if (p[1] == ' ') {
		*msg = p + 2;
		return 0;
	}
	for (p++; *p >= '0' && *p <= '9' && line < 100000000; p++)
		line = line * 10 + (*p - '0');
	if (line == 0 || p[0] != ':' || p[1] != ' ')
		return 0;
	*msg = p + 2;
	return line;
}

/* Charge the budget n instructions for work done in C that the count hook does not see. */
void sandbox_spend(lua_State *L, lua_Integer n)
{
	struct sandbox *sb = sandbox_of(L);

	if (sb->depth == 0)
		return;
	if (n > 0)
		sb->run.count =
		    n > sb->run.limit - sb->run.count ? sb->run.limit + 1 : sb->run.count + (long)n;
	if (sb->run.count > sb->run.limit) {
		sandbox_spent(sb, L);
		luaL_error(L, "instruction budget of %I exceeded", (lua_Integer)sb->run.limit);
	}
}

/* Charge the budget for ordering n items in C, work the count hook does not see. */
void sandbox_charge(lua_State *L, lua_Integer n)
{
	lua_Integer cost = n;

	for (lua_Integer k = n; k > 1; k >>= 1)
		cost += n;
	sandbox_spend(L, cost);
}

/* Open the libraries and learn how Lua abbreviates the path; runs in protected mode. */
static int sandbox_setup(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);
	lua_Debug ar;

	libs_open(L);
	if (luaL_loadbufferx(L, "return", 6, sb->chunkname, "t") != LUA_OK)
		return lua_error(L);
	lua_getinfo(L, ">S", &ar);
	memcpy(sb->short_src, ar.short_src, sizeof sb->short_src);
	return 0;
}

/* Lua's last resort when an error escapes every protected call: say so before it aborts. */
static int sandbox_panic(lua_State *L)
{
	const char *msg = lua_tostring(L, -1);

	fprintf(stderr, "tabletop: unprotected Lua error: %s\n", msg ? msg : "?");
	return 0;
}

/* Make a sandbox for the scenario at path that may allocate mem_cap bytes. */
struct sandbox *sandbox_new(const char *path, size_t mem_cap, char **err)
{
	struct sandbox *sb = mem_calloc(1, sizeof *sb);

	*err = NULL;
	sb->path = mem_strdup(path);
	sb->chunkname = mem_printf("@%s", path);
	sb->mem_cap = mem_cap;
	sb->L = lua_newstate(sandbox_alloc, sb);
	if (sb->L == NULL) {
		*err = mem_printf("%s: the memory cap is too small for Lua itself", path);
		sandbox_free(sb);
		return NULL;
	}
	*(struct sandbox **)lua_getextraspace(sb->L) = sb;
	lua_atpanic(sb->L, sandbox_panic);
	if (sandbox_run(sb, sandbox_setup, NULL, LONG_MAX, err) < 0) {
		sandbox_free(sb);
		return NULL;
	}
	return sb;
}

/* Cap what one run may emit: events and bytes of text (0: no cap). */
void sandbox_set_emit_caps(struct sandbox *sb, long events, size_t bytes)
{
	sb->max_events = events;
	sb->max_bytes = bytes;
}

/*
 * Count an event of n bytes of text that the running callback is about to emit. Past a cap the
 * run is stopped for good, as a spent budget stops it (pcall cannot go on), and nothing is
 * emitted; the message names the cap.
 */
void sandbox_emit(lua_State *L, size_t n)
{
	struct sandbox *sb = sandbox_of(L);
	struct sandbox_usage *u = &sb->run;
	char cap[32];

	if (sb->depth == 0)
		return;
	if (u->aborting) {
		/* stopped already: raise again below */
	} else if (sb->max_events > 0 && u->events >= sb->max_events) {
		snprintf(u->stop, sizeof u->stop,
		         "stopped: this callback reached its cap of %ld events (--callback-events)",
		         sb->max_events);
	} else if (sb->max_bytes > 0 && n > sb->max_bytes - u->bytes) {
		sandbox_bytes(sb->max_bytes, cap, sizeof cap);
		snprintf(u->stop, sizeof u->stop,
		         "stopped: this callback reached its cap of %s of text (--callback-bytes)",
		         cap);
	} else {
		u->events++;
		u->bytes += n;
		return;
	}
	sandbox_spent(sb, L);
	lua_pushstring(L, u->stop[0] != '\0' ? u->stop : "stopped");
	lua_error(L);
}

/* Close the Lua state and free the sandbox. */
void sandbox_free(struct sandbox *sb)
{
	if (sb == NULL)
		return;
	if (sb->L != NULL)
		lua_close(sb->L);
	free(sb->path);
	free(sb->chunkname);
	free(sb);
}
