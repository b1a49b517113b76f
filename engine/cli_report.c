/* tabletop report: the after-action report of a journal, as text, Markdown, HTML or JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "report/report.h"

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

/* The options of report. */
static const struct cliopt cli_report_opts_table[] = {
    {"format", 0, "text|md|html|json", "the format of the report (text)", 'f'},
    {"output", 'o', "FILE", "write the report to FILE (atomically) instead of standard output",
     'o'},
    {NULL, 0, NULL, NULL, 0},
};

/* report's command line. */
const struct cliopt_spec cli_report_spec = {
    "report", "JOURNAL [options]", "after-action report from a journal", cli_report_opts_table,
    "Reads a journal (run --journal, simulate --journal) and writes the after-\n"
    "action report: summary, injects, each team's decisions, deadlines,\n"
    "expectations and score, information sharing, RFIs, notes and the hotwash.\n"};

/* tabletop report JOURNAL [--format text|md|html|json] [-o FILE] */
int cli_report_main(int argc, char **argv)
{
	const char *path = NULL, *format = "text", *out = NULL;
	struct cliopt_state st;
	struct model *m;
	int status, key;

	cliopt_init(&st, argc, argv);
	while ((key = cliopt_next(&st, &cli_report_spec)) != CLIOPT_END) {
		if (key == CLIOPT_HELP)
			return 0;
		if (key == CLIOPT_ERROR)
			return 2;
		if (key == 'f') {
			format = st.value;
			if (strcmp(format, "text") && strcmp(format, "md") &&
			    strcmp(format, "html") && strcmp(format, "json"))
				return cliopt_error(stderr, &cli_report_spec,
				                    "--format is text, md, html or json, not '%s'",
				                    format);
		} else if (key == 'o') {
			out = st.value;
			if (out[0] == '\0')
				return cliopt_error(stderr, &cli_report_spec,
				                    "%s needs a file name", st.flag);
		} else if (path == NULL) {
			path = st.value;
		} else {
			return cliopt_error(stderr, &cli_report_spec,
			                    "one journal at a time ('%s' is extra)", st.value);
		}
	}
	if (path == NULL)
		return cliopt_error(stderr, &cli_report_spec, "which journal?");
	if (out != NULL && cli_report_same_file(path, out))
		return cliopt_error(stderr, &cli_report_spec,
		                    "-o %s is the journal itself; the report goes elsewhere", out);
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
