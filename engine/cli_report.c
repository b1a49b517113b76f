/* tabletop report: the after-action report of a journal, as text, Markdown, HTML or JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "report/report.h"

#define CLI_REPORT_USAGE "usage: tabletop report JOURNAL [--format text|md|html|json] [-o FILE]"

/* Write m to f in format ("text", "md", "html" or "json"); -1 if writing failed. */
static int cli_report_emit(const struct model *m, const char *format, FILE *f)
{
	if (!strcmp(format, "md"))
		md_write(m, f);
	else if (!strcmp(format, "html"))
		html_write(m, f);
	else if (!strcmp(format, "json") && jsonout_write(m, f) < 0)
		return -1;
	else if (!strcmp(format, "text"))
		plain_write(m, f);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/* Write the report to path atomically (a temporary file beside it, then rename); exit status. */
static int cli_report_to_file(const struct model *m, const char *format, const char *path)
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

/* tabletop report JOURNAL [--format text|md|html|json] [-o FILE] */
int cli_report_main(int argc, char **argv)
{
	const char *path = NULL, *format = "text", *out = NULL;
	struct model *m;
	int status;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("%s\n"
			       "Reads a journal (run --journal, simulate --journal) and writes the "
			       "after-action\n"
			       "report: summary, injects, each team's decisions, deadlines, "
			       "expectations and\n"
			       "score, information sharing, RFIs, notes and the hotwash. -o writes "
			       "FILE (atomically)\n"
			       "instead of standard output.\n",
			       CLI_REPORT_USAGE);
			return 0;
		}
		if (cli_report_is(a, "--format")) {
			format = cli_report_value(argc, argv, &i, "--format");
			if (format == NULL || (strcmp(format, "text") && strcmp(format, "md") &&
			                       strcmp(format, "html") && strcmp(format, "json")))
				return cli_usage_error(
				    "report", "--format is text, md, html or json, not '%s'\n%s",
				    format ? format : "", CLI_REPORT_USAGE);
		} else if (!strcmp(a, "-o") || cli_report_is(a, "--output")) {
			out = cli_report_value(argc, argv, &i, "--output");
			if (out == NULL || out[0] == '\0')
				return cli_usage_error("report", "%s needs a file name\n%s", a,
				                       CLI_REPORT_USAGE);
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("report", "unknown option '%s'\n%s", a,
			                       CLI_REPORT_USAGE);
		} else if (path == NULL) {
			path = a;
		} else {
			return cli_usage_error("report",
			                       "one journal at a time ('%s' is extra)\n%s", a,
			                       CLI_REPORT_USAGE);
		}
	}
	if (path == NULL)
		return cli_usage_error("report", "which journal?\n%s", CLI_REPORT_USAGE);
	if (out != NULL && cli_report_same_file(path, out))
		return cli_usage_error(
		    "report", "-o %s is the journal itself; the report goes elsewhere", out);
	m = model_load(path, stderr);
	if (m == NULL)
		return 1;
	if (out != NULL) {
		status = cli_report_to_file(m, format, out);
	} else {
		status = cli_report_emit(m, format, stdout) == 0 ? 0 : 1;
		if (status != 0)
			fprintf(stderr, "tabletop report: cannot write the report: %s\n",
			        strerror(errno));
	}
	model_free(m);
	return status;
}
