/* tabletop report: the after-action report of a journal, as text, Markdown, HTML or JSON. */
#include <errno.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "core/mem.h"
#include "report/report.h"

/* What the report is about: one exercise (c NULL), or several compared. */
struct cli_report {
	const struct model *m;
	const struct compare *c;
};

/* Write r to f in format ("text", "md", "html" or "json"); -1 if writing failed. */
static int cli_report_emit(const struct cli_report *r, const char *format, FILE *f)
{
	const struct model *m = r->m;
	const struct compare *c = r->c;

	__fsetlocking(f, FSETLOCKING_BYCALLER); /* one thread writes f: no lock per call */
	if (!strcmp(format, "md"))
		c ? md_compare(c, f) : md_write(m, f);
	else if (!strcmp(format, "html"))
		c ? html_compare(c, f) : html_write(m, f);
	else if (!strcmp(format, "json") && (c ? compare_json(c, f) : jsonout_write(m, f)) < 0)
		return -1;
	else if (!strcmp(format, "text"))
		c ? plain_compare(c, f) : plain_write(m, f);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/* Write the report to path atomically (a temporary file beside it, then rename); exit status. */
static int cli_report_to_file(const struct cli_report *m, const char *format, const char *path)
{
	size_t n = strlen(path) + 8;
	char *tmp = mem_realloc(NULL, n);
	mode_t mask = umask(0);
	FILE *f = NULL;
	int fd, ok;

	umask(mask);
	snprintf(tmp, n, "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd >= 0 && (fchmod(fd, 0666 & ~mask) < 0 || (f = fdopen(fd, "w")) == NULL))
		close(fd);
	ok = f != NULL && cli_report_emit(m, format, f) == 0 && fsync(fileno(f)) == 0;
	if (f != NULL && fclose(f) != 0)
		ok = 0;
	if (ok && rename(tmp, path) < 0)
		ok = 0;
	if (!ok) {
		fprintf(stderr, "tabletop report: cannot write %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	return ok ? 0 : 1;
}

/* Whether out names the journal itself (writing there would destroy it). */
static int cli_report_same_file(const char *journal, const char *out)
{
	struct stat a, b;

	return stat(journal, &a) == 0 && stat(out, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

/* The options of report. */
static const struct cliopt cli_report_opts_table[] = {
    {"format", 0, "text|md|html|json", "the format of the report (text)", 'f'},
    {"output", 'o', "FILE", "write the report to FILE (atomically) instead of standard output",
     'o'},
    {NULL, 0, NULL, NULL, 0},
};

/* report's command line. */
const struct cliopt_spec cli_report_spec = {
    "report", "JOURNAL... [options]", "after-action report from a journal, or a comparison",
    cli_report_opts_table,
    "Reads a journal (run --journal, simulate --journal) and writes the after-\n"
    "action report: an executive summary, objectives by team, response times,\n"
    "scores, the injects, each team's decisions, expectations, score and log,\n"
    "information sharing, RFIs, notes and the hotwash. With several journals,\n"
    "compares the exercises side by side (docs/report.md).\n"};

/*
 * Read the arguments: journals into paths (*n), the format and the output; -1 to go on, else
 * the exit status (0 after --help, 2 after a usage error).
 */
static int cli_report_args(int argc, char **argv, char **paths, int *n, const char **format,
                           const char **out)
{
	struct cliopt_state st;
	int key;

	cliopt_init(&st, argc, argv);
	while ((key = cliopt_next(&st, &cli_report_spec)) != CLIOPT_END) {
		if (key == CLIOPT_HELP)
			return 0;
		if (key == CLIOPT_ERROR)
			return 2;
		if (key == 'f') {
			*format = st.value;
			if (strcmp(*format, "text") && strcmp(*format, "md") &&
			    strcmp(*format, "html") && strcmp(*format, "json"))
				return cliopt_error(stderr, &cli_report_spec,
				                    "--format is text, md, html or json, not '%s'",
				                    *format);
		} else if (key == 'o') {
			*out = st.value;
			if ((*out)[0] == '\0')
				return cliopt_error(stderr, &cli_report_spec,
				                    "%s needs a file name", st.flag);
		} else {
			paths[(*n)++] = (char *)st.value;
		}
	}
	if (*n == 0)
		return cliopt_error(stderr, &cli_report_spec, "which journal?");
	return -1;
}

/* Load every journal of paths into ms; -1 (those loaded freed) if one cannot be read. */
static int cli_report_load(char **paths, int n, struct model **ms)
{
	for (int i = 0; i < n; i++) {
		ms[i] = model_load(paths[i], stderr);
		if (ms[i] == NULL) {
			while (i-- > 0)
				model_free(ms[i]);
			return -1;
		}
	}
	return 0;
}

/* tabletop report JOURNAL [JOURNAL...] [--format text|md|html|json] [-o FILE] */
int cli_report_main(int argc, char **argv)
{
	const char *format = "text", *out = NULL;
	char **paths = mem_calloc((size_t)argc, sizeof *paths);
	struct model **ms = mem_calloc((size_t)argc, sizeof *ms);
	struct cli_report r = {NULL, NULL};
	struct compare *c = NULL;
	int status, n = 0;
	status = cli_report_args(argc, argv, paths, &n, &format, &out);
	for (int i = 0; status < 0 && out != NULL && i < n; i++)
		if (cli_report_same_file(paths[i], out))
			status = cliopt_error(
			    stderr, &cli_report_spec,
			    "-o %s is the journal itself; the report goes elsewhere", out);
	if (status < 0 && cli_report_load(paths, n, ms) < 0)
		status = 1;
	if (status < 0) {
		c = compare_new(ms, n);
		r = (struct cli_report){ms[0], c};
		if (out != NULL) {
			status = cli_report_to_file(&r, format, out);
		} else {
			status = cli_report_emit(&r, format, stdout) == 0 ? 0 : 1;
			if (status != 0)
				fprintf(stderr, "tabletop report: cannot write the report: %s\n",
				        strerror(errno));
		}
		compare_free(c);
		for (int i = 0; i < n; i++)
			model_free(ms[i]);
	}
	free(paths);
	free(ms);
	return status;
}
