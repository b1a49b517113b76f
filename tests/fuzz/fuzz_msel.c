/*
 * Fuzz target: `tabletop import` (engine/msel/): the CSV reader, the MSEL reader and the Lua it
 * writes. The input is read as CSV under small limits (every row within them), then as an MSEL;
 * an MSEL that reads must become a scenario that loads without a problem, as `tabletop check`
 * would load it. And any text, quoted by emit_string, must read back as itself in Lua.
 */
#include <lauxlib.h>
#include <lualib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lua/scenario.h"
#include "msel/csv.h"
#include "msel/emit.h"
#include "msel/msel.h"

/* The temporary scenario file, and a bare Lua state to read string literals back. */
static char fz_path[] = "/tmp/tabletop-fuzz-XXXXXX.lua";
static int fz_fd = -1;
static lua_State *fz_L;

/* Remove the temporary file at exit. */
static void fz_cleanup(void)
{
	unlink(fz_path);
	lua_close(fz_L);
}

/* Make the temporary file and the Lua state. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_fd = mkstemps(fz_path, 4);
	fz_L = luaL_newstate();
	if (fz_fd < 0 || fz_L == NULL) {
		perror("fuzz_msel");
		abort();
	}
	atexit(fz_cleanup);
	return 0;
}

/* Read the input as CSV with small limits: every row read keeps within them. */
static void fz_csv(const char *buf, size_t len)
{
	struct csv_limits lim = {64, 256, 8, 200};
	struct csv_reader r;
	long row = 0;
	int rc;

	csv_init(&r, buf, len, &lim);
	while ((rc = csv_next(&r)) == 1) {
		size_t total = 0;

		FUZZ_CHECK(r.row > row && r.n >= 0 && r.n <= lim.max_fields);
		FUZZ_CHECK(r.row <= lim.max_rows);
		for (int i = 0; i < r.n; i++) {
			size_t n = strlen(r.field[i]);

			FUZZ_CHECK(n <= lim.max_field);
			total += n;
		}
		FUZZ_CHECK(total <= lim.max_row);
		row = r.row;
	}
	FUZZ_CHECK(rc == 0 || r.err[0] != '\0');
	csv_free(&r);
}

/* Text quoted by emit_string reads back as itself. */
static void fz_string(const char *buf, size_t len)
{
	char *s = strndup(buf, len), *lit, *chunk;
	size_t n;

	if (s == NULL)
		abort();
	lit = emit_string(s);
	n = strlen(lit) + 8;
	chunk = malloc(n);
	if (chunk == NULL)
		abort();
	snprintf(chunk, n, "return %s", lit);
	FUZZ_CHECK(luaL_loadbufferx(fz_L, chunk, strlen(chunk), "=lit", "t") == LUA_OK);
	FUZZ_CHECK(lua_pcall(fz_L, 0, 1, 0) == LUA_OK);
	FUZZ_CHECK(lua_type(fz_L, -1) == LUA_TSTRING && strcmp(lua_tostring(fz_L, -1), s) == 0);
	lua_pop(fz_L, 1);
	free(chunk);
	free(lit);
	free(s);
}

/* Read the input as an MSEL; what reads must load as a scenario. */
static void fz_msel(const char *buf, size_t len)
{
	struct scenario_limits lim = {100000, (size_t)8 << 20, 1000, (size_t)512 << 10};
	struct scenario_problems probs = {0};
	struct msel m;
	struct scenario *sc;
	char *err = NULL, *lua;
	size_t n;

	if (msel_read(&m, "fuzz.csv", buf, len, &err) < 0) {
		FUZZ_CHECK(err != NULL && err[0] != '\0');
		free(err);
		return;
	}
	lua = emit_lua(&m, "fuzz.csv");
	n = strlen(lua);
	FUZZ_CHECK(ftruncate(fz_fd, 0) == 0);
	FUZZ_CHECK(pwrite(fz_fd, lua, n, 0) == (ssize_t)n);
	sc = scenario_load(fz_path, &lim, -1, &probs);
	if (sc == NULL) {
		for (int i = 0; i < probs.n; i++)
			fprintf(stderr, "%s:%d: %s\n", probs.v[i].file, probs.v[i].line,
			        probs.v[i].msg);
		FUZZ_CHECK(sc != NULL);
	}
	FUZZ_CHECK(scenario_exercise(sc)->n_injects == m.n_injects);
	scenario_free(sc);
	scenario_problems_free(&probs);
	free(lua);
	msel_free(&m);
}

/* The CSV reader, the string quoting and the MSEL import on the same bytes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;

	fz_csv(buf, size);
	fz_string(buf, size < 512 ? size : 512);
	fz_msel(buf, size);
	return 0;
}
