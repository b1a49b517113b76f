/* tabletop report: the after-action report of a journal, as text, Markdown, HTML or JSON. */
#include <errno.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "report/report.h"

#define CLI_REPORT_USAGE "usage: tabletop report JOURNAL... [--format text|md|html|json] [-o FILE]"

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
	char *tmp = malloc(n);
	mode_t mask = umask(0);
	FILE *f = NULL;
	int fd, ok;

	umask(mask);
	if (tmp == NULL)
		abort();
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

/* The value of option a (at argv[*i]): "--format=X" or the next argument; NULL if none. */
static const char *cli_report_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (*i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* Whether a is option name, alone or as "name=VALUE". */
static int cli_report_is(const char *a, const char *name)
{
	size_t n = strlen(name);

	return !strncmp(a, name, n) && (a[n] == '\0' || a[n] == '=');
}

/* Read the arguments: journals into paths (*n), the format and the output; -1 to go on, else
 * the exit status (0 after --help, 2 after a usage error). */
static int cli_report_args(int argc, char **argv, char **paths, int *n, const char **format,
                           const char **out)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf(
			    "%s\n"
			    "Reads a journal (run --journal, simulate --journal) and writes the\n"
			    "after-action report: an executive summary, objectives by team, "
			    "response\n"
			    "times, scores, the injects, each team's decisions, expectations, "
			    "score and\n"
			    "log, information sharing, RFIs, notes and the hotwash. With several\n"
			    "journals, compares the exercises side by side (docs/report.md).\n"
			    "-o writes FILE (atomically) instead of standard output.\n",
			    CLI_REPORT_USAGE);
			return 0;
		}
		if (cli_report_is(a, "--format")) {
			const char *f = cli_report_value(argc, argv, &i, "--format");
			if (f == NULL || (strcmp(f, "text") && strcmp(f, "md") &&
			                  strcmp(f, "html") && strcmp(f, "json")))
				return cli_usage_error(
				    "report", "--format is text, md, html or json, not '%s'\n%s",
				    f ? f : "", CLI_REPORT_USAGE);
			*format = f;
		} else if (!strcmp(a, "-o") || cli_report_is(a, "--output")) {
			*out = cli_report_value(argc, argv, &i, "--output");
			if (*out == NULL || (*out)[0] == '\0')
				return cli_usage_error("report", "%s needs a file name\n%s", a,
				                       CLI_REPORT_USAGE);
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("report", "unknown option '%s'\n%s", a,
			                       CLI_REPORT_USAGE);
		} else {
			paths[(*n)++] = argv[i];
		}
	}
	if (*n == 0)
		return cli_usage_error("report", "which journal?\n%s", CLI_REPORT_USAGE);
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
	char **paths = calloc((size_t)argc, sizeof *paths);
	struct model **ms = calloc((size_t)argc, sizeof *ms);
	struct cli_report r = {NULL, NULL};
	struct compare *c = NULL;
	int status, n = 0;

	if (paths == NULL || ms == NULL)
		abort();
	status = cli_report_args(argc, argv, paths, &n, &format, &out);
	for (int i = 0; status < 0 && out != NULL && i < n; i++)
		if (cli_report_same_file(paths[i], out))
			status = cli_usage_error(
			    "report", "-o %s is the journal itself; the report goes elsewhere",
			    out);
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
