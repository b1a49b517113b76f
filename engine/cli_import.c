/* tabletop import: a scenario skeleton from an HSEEP-style MSEL saved as CSV, on stdout. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/mem.h"
#include "msel/emit.h"
#include "msel/msel.h"

/* The largest MSEL file read. */
#define CLI_IMPORT_MAX (16L * 1024 * 1024)

/* import's command line. */
const struct cliopt_spec cli_import_spec = {
    "import", "MSEL.csv > SCENARIO.lua", "a scenario skeleton from an HSEEP-style MSEL, on stdout",
    (const struct cliopt[]){{NULL, 0, NULL, NULL, 0}},
    "Turns an HSEEP-style MSEL spreadsheet saved as CSV UTF-8 (comma, semicolon or\n"
    "tab separated) into a scenario on stdout: one team per recipient, one objective\n"
    "per objective, one inject per row. '-' reads standard input.\n\n"
    "Columns are found by their header, without regard to case:\n"
    "  required  inject number (\"Inject #\", \"MSEL #\", \"ID\"), time (\"Time\",\n"
    "            \"Scenario Time\", \"T+\"), to (\"To\", \"Recipient\", \"Player\"),\n"
    "            subject or description (\"Subject\", \"Description\", \"Inject\")\n"
    "  optional  from, method, body (\"Details\"), expected action, objective, notes\n"
    "Times count from STARTEX: 0:15, 1:30:00, 90m, 2h, 1h30m, T+0:15, T+01:30.\n"
    "Recipients: several separated by ; , / or \" and \"; \"All\" means every team.\n\n"
    "A bad row is reported as MSEL.csv:row N: message, N as the spreadsheet numbers\n"
    "its rows; then nothing is written and the exit status is 1. Every column name\n"
    "and rule: docs/msel-import.md.\n"};

/* Read all of path ("-": standard input) into a malloc'd buffer; NULL after a message. */
static char *cli_import_slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 64 * 1024, n = 0, got;
	char *buf;

	if (f == NULL) {
		fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
		return NULL;
	}
	buf = mem_realloc(NULL, cap);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > (size_t)CLI_IMPORT_MAX)
			break;
		if (n == cap)
			buf = mem_realloc(buf, cap = mem_mul(cap, 2));
	}
	if (ferror(f) || n > (size_t)CLI_IMPORT_MAX) {
		if (ferror(f))
			fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
		else
			fprintf(stderr, "%s: larger than %ld MiB: is it really an MSEL?\n", path,
			        CLI_IMPORT_MAX >> 20);
		free(buf);
		buf = NULL;
	}
	if (f != stdin)
		fclose(f);
	*len = n;
	return buf;
}

/* Read, check and convert one MSEL; write the scenario to stdout only when all went well. */
static int cli_import_file(const char *path)
{
	struct msel m;
	size_t len;
	char *buf = cli_import_slurp(path, &len), *err, *lua;
	int rc = 0;

	if (buf == NULL)
		return 1;
	if (msel_read(&m, path, buf, len, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		free(buf);
		return 1;
	}
	free(buf);
	for (int i = 0; i < m.n_warnings; i++)
		fprintf(stderr, "%s\n", m.warnings[i]);
	lua = emit_lua(&m, path);
	msel_free(&m);
	if (fputs(lua, stdout) == EOF || fflush(stdout) != 0) {
		fprintf(stderr, "tabletop import: cannot write the scenario: %s\n",
		        strerror(errno));
		rc = 1;
	}
	free(lua);
	return rc;
}

/* tabletop import MSEL.csv: the scenario on stdout; exit 1 on a bad MSEL, 2 on bad usage. */
int cli_import_main(int argc, char **argv)
{
	const char *path = NULL;
	struct cliopt_state st;
	int key;

	cliopt_init(&st, argc, argv);
	while ((key = cliopt_next(&st, &cli_import_spec)) == CLIOPT_OPERAND) {
		if (path != NULL)
			return cliopt_error(stderr, &cli_import_spec,
			                    "one MSEL at a time, not '%s' too", st.value);
		path = st.value;
	}
	if (key == CLIOPT_HELP)
		return 0;
	if (key == CLIOPT_ERROR)
		return 2;
	if (path == NULL)
		return cliopt_error(stderr, &cli_import_spec,
		                    "which MSEL? usage: tabletop import MSEL.csv > SCENARIO.lua");
	return cli_import_file(path);
}
