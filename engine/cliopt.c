/* One parser for every subcommand's options, from the subcommand's table (cliopt.h). */
#include "cliopt.h"

#include <stdarg.h>
#include <string.h>

/* The screen width that usage fits. */
#define CLIOPT_COLUMNS 80

/* Start parsing argv[1..argc) (argv[0] is the subcommand's name). */
void cliopt_init(struct cliopt_state *st, int argc, char **argv)
{
	memset(st, 0, sizeof *st);
	st->argc = argc;
	st->argv = argv;
	st->i = 1;
	st->out = stdout;
	st->err = stderr;
}

/* Print "tabletop CMD: message", the usage line and the hint to try --help to err. */
static void cliopt_verror(FILE *err, const struct cliopt_spec *spec, const char *fmt, va_list ap)
{
	fprintf(err, "tabletop %s: ", spec->cmd);
	vfprintf(err, fmt, ap);
	fprintf(err, "\nusage: tabletop %s%s%s\nTry 'tabletop %s --help'.\n", spec->cmd,
	        spec->args[0] != '\0' ? " " : "", spec->args, spec->cmd);
}

/* Print a usage error of the parse to st->err; returns CLIOPT_ERROR. */
static int cliopt_fail(const struct cliopt_state *st, const struct cliopt_spec *spec,
                       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cliopt_verror(st->err, spec, fmt, ap);
	va_end(ap);
	return CLIOPT_ERROR;
}

/* Print "tabletop CMD: message" and the hint to try --help to err; returns 2, usage's status. */
int cliopt_error(FILE *err, const struct cliopt_spec *spec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cliopt_verror(err, spec, fmt, ap);
	va_end(ap);
	return 2;
}

/* The edit distance between a[0..na) and b[0..nb), with transpositions, capped at 9. */
static int cliopt_distance(const char *a, size_t na, const char *b, size_t nb)
{
	int d[24][24];

	if (na > 22 || nb > 22)
		return 9;
	for (size_t i = 0; i <= na; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= nb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= na; i++)
		for (size_t j = 1; j <= nb; j++) {
			int cost = a[i - 1] != b[j - 1], v = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[na][nb];
}

/* The option whose name is nearest to name[0..n), if near enough to be a likely typo. */
static const struct cliopt *cliopt_nearest(const struct cliopt_spec *spec, const char *name,
                                           size_t n)
{
	const struct cliopt *best = NULL;
	int best_d = n < 5 ? 2 : 3;

	for (const struct cliopt *o = spec->opts; o->name != NULL; o++) {
		int d = cliopt_distance(name, n, o->name, strlen(o->name));

		if (d < best_d) {
			best_d = d;
			best = o;
		}
	}
	return best;
}

/* The option named name[0..n) or by an unambiguous prefix of it; NULL after an error message. */
static const struct cliopt *cliopt_find(const struct cliopt_state *st,
                                        const struct cliopt_spec *spec, const char *name, size_t n)
{
	const struct cliopt *found = NULL, *near;
	int prefixed = 0;

	for (const struct cliopt *o = spec->opts; o->name != NULL; o++) {
		if (strncmp(o->name, name, n) != 0)
			continue;
		if (o->name[n] == '\0')
			return o;
		found = o;
		prefixed++;
	}
	if (prefixed == 1)
		return found;
	if (prefixed > 1) {
		cliopt_fail(st, spec, "'--%.*s' is ambiguous: it begins more than one option",
		            (int)n, name);
		return NULL;
	}
	near = cliopt_nearest(spec, name, n);
	if (near != NULL)
		cliopt_fail(st, spec, "unknown option '--%.*s'; did you mean '--%s'?", (int)n, name,
		            near->name);
	else
		cliopt_fail(st, spec, "unknown option '--%.*s'", (int)n, name);
	return NULL;
}

/* The option with the one-letter name c; NULL after an error message. */
static const struct cliopt *cliopt_find_short(const struct cliopt_state *st,
                                              const struct cliopt_spec *spec, char c)
{
	for (const struct cliopt *o = spec->opts; o->name != NULL; o++)
		if (o->short_name == c)
			return o;
	cliopt_fail(st, spec, "unknown option '-%c'", c);
	return NULL;
}

/* Take o's value from inline (after '=') or from the next argument; its key or CLIOPT_ERROR. */
static int cliopt_take(struct cliopt_state *st, const struct cliopt_spec *spec,
                       const struct cliopt *o, const char *inline_value)
{
	snprintf(st->flag, sizeof st->flag, "--%s", o->name);
	st->value = NULL;
	if (o->arg == NULL) {
		if (inline_value != NULL)
			return cliopt_fail(st, spec, "%s takes no value", st->flag);
		return o->key;
	}
	if (inline_value != NULL) {
		st->value = inline_value;
		return o->key;
	}
	if (st->i >= st->argc)
		return cliopt_fail(st, spec, "%s needs a value (%s)", st->flag, o->arg);
	st->value = st->argv[st->i++];
	return o->key;
}

/* The next option's key (its value in st->value), or one of CLIOPT_*. */
int cliopt_next(struct cliopt_state *st, const struct cliopt_spec *spec)
{
	const struct cliopt *o;
	const char *a, *eq;

	if (st->i >= st->argc)
		return CLIOPT_END;
	a = st->argv[st->i++];
	if (st->operands_only || a[0] != '-' || a[1] == '\0') {
		st->value = a;
		return CLIOPT_OPERAND;
	}
	if (!strcmp(a, "--")) {
		st->operands_only = true;
		return cliopt_next(st, spec);
	}
	if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
		cliopt_usage(spec, st->out);
		return CLIOPT_HELP;
	}
	if (a[1] != '-') {
		if (a[2] != '\0')
			return cliopt_fail(st, spec,
			                   "unknown option '%s' (long options take two dashes)", a);
		o = cliopt_find_short(st, spec, a[1]);
		return o != NULL ? cliopt_take(st, spec, o, NULL) : CLIOPT_ERROR;
	}
	eq = strchr(a + 2, '=');
	o = cliopt_find(st, spec, a + 2, eq != NULL ? (size_t)(eq - a - 2) : strlen(a + 2));
	return o != NULL ? cliopt_take(st, spec, o, eq != NULL ? eq + 1 : NULL) : CLIOPT_ERROR;
}

/* Print text at column indent, wrapped within CLIOPT_COLUMNS; the first line starts at col. */
static void cliopt_wrap(FILE *f, const char *text, int col, int indent)
{
	const char *p = text;

	while (*p != '\0') {
		size_t word = strcspn(p, " ");

		if (col > indent && col + 1 + (int)word > CLIOPT_COLUMNS) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fprintf(f, "%.*s", (int)word, p);
		col += (int)word;
		p += word;
		while (*p == ' ')
			p++;
	}
	fputc('\n', f);
}

/* Print the subcommand's usage, summary and options to f, within 80 columns. */
void cliopt_usage(const struct cliopt_spec *spec, FILE *f)
{
	const int indent = 24;

	fprintf(f, "usage: tabletop %s%s%s\n\n", spec->cmd, spec->args[0] != '\0' ? " " : "",
	        spec->args);
	cliopt_wrap(f, spec->summary, 0, 0);
	fprintf(f, "\noptions:\n");
	for (const struct cliopt *o = spec->opts; o->name != NULL; o++) {
		char head[64];
		int n;

		if (o->short_name != 0)
			n = snprintf(head, sizeof head, "  -%c, --%s%s%s", o->short_name, o->name,
			             o->arg != NULL ? " " : "", o->arg != NULL ? o->arg : "");
		else
			n = snprintf(head, sizeof head, "  --%s%s%s", o->name,
			             o->arg != NULL ? " " : "", o->arg != NULL ? o->arg : "");
		fputs(head, f);
		if (n + 2 > indent) {
			fprintf(f, "\n%*s", indent, "");
			n = indent;
		} else {
			fprintf(f, "%*s", indent - n, "");
			n = indent;
		}
		cliopt_wrap(f, o->help, n, indent);
	}
	fprintf(f, "  -h, --help%*sthis help\n", indent - 12, "");
	if (spec->more != NULL)
		fprintf(f, "\n%s", spec->more);
}
