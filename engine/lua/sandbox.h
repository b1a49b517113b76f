/*
 * The Lua sandbox: a Lua 5.4 state with a memory cap, an instruction budget per run, only the
 * safe libraries, text chunks only, a deterministic pairs and errors that read FILE:LINE: message.
 */
#ifndef SANDBOX_H
#define SANDBOX_H

#include <lua.h>
#include <stdarg.h>
#include <stddef.h>

#include "../core/mem.h"

struct sandbox;

/*
 * Make a sandbox for the scenario at path (used in every message) that may allocate mem_cap
 * bytes. Returns NULL and sets *err (to free) when even the libraries do not fit.
 */
struct sandbox *sandbox_new(const char *path, size_t mem_cap, char **err);
/* Close the Lua state and free the sandbox. */
void sandbox_free(struct sandbox *sb);
/* The sandbox a Lua thread belongs to. */
struct sandbox *sandbox_of(lua_State *L);
/* The thread that runs scenario code now: the one inside a core call, or the main thread. */
lua_State *sandbox_thread(struct sandbox *sb);

/*
 * Run fn(L) with a light userdata ud as its only argument, in protected mode, under an
 * instruction budget. Runs nest (a callback may cause another), each with its own budget.
 * Returns 0, or -1 with *err (to free) set to "FILE:LINE: message".
 */
int sandbox_run(struct sandbox *sb, lua_CFunction fn, void *ud, long budget, char **err);
/* Call the function below nargs arguments, as lua_call does, noting where it was defined. */
void sandbox_call(lua_State *L, int nargs, int nresults);
/*
 * Compile text named chunkname as a function on the stack: a UTF-8 byte order mark is skipped and
 * a first line "#..." left out but still counted. Returns lua_load's status (the message pushed).
 */
int sandbox_compile(lua_State *L, const char *buf, size_t len, const char *chunkname);
/* Compile the scenario's text as a function on the stack; raises "FILE:LINE: message". */
void sandbox_load(lua_State *L, const char *buf, size_t len);
/*
 * Charge the budget n instructions for work done in C that the count hook does not see; raises
 * once the budget is spent, before the work is done.
 */
void sandbox_spend(lua_State *L, lua_Integer n);
/* Charge the budget for ordering n items in C (n log n); raises as sandbox_spend does. */
void sandbox_charge(lua_State *L, lua_Integer n);

/* Cap what one run may emit: events and bytes of text (0: no cap). */
void sandbox_set_emit_caps(struct sandbox *sb, long events, size_t bytes);
/*
 * Count an event of n bytes of text that the running callback is about to emit; past a cap,
 * raise and stop the run for good (as a spent budget does) before anything is emitted.
 */
void sandbox_emit(lua_State *L, size_t n);

/* Mark L as the thread of a core call about to be made; returns what to give sandbox_leave. */
lua_State *sandbox_enter(lua_State *L);
/* The core call made after sandbox_enter has returned. */
void sandbox_leave(lua_State *L, lua_State *prev);

/* The line in the scenario file of the innermost call at or above level, or 0. */
int sandbox_line(lua_State *L, int level);
/* Split "FILE:LINE: message" of this sandbox into the line (returned; 0: none) and *msg. */
int sandbox_split(const struct sandbox *sb, const char *text, const char **msg);

#endif
