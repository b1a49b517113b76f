/* tabletop: a tabletop cyber-crisis exercise simulator. Dispatches to one subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Print the usage summary to f. */
static void main_usage(FILE *f)
{
	fprintf(f,
	        "usage: tabletop COMMAND [ARGS]\n\n"
	        "A tabletop cyber-crisis exercise simulator: scenarios in Lua, teams over TCP.\n\n"
	        "commands:\n");
	for (const struct cli_cmd *c = cli_cmds; c->spec != NULL; c++)
		fprintf(f, "  %-9s %s\n", c->spec->cmd, c->spec->summary);
	fprintf(f, "\n  tabletop --help | --version\n\n"
	           "'tabletop help COMMAND' (or 'tabletop COMMAND --help') shows a command's\n"
	           "usage and options. Docs: docs/ in the source.\n");
}

/* tabletop help [COMMAND]: the summary, or one command's usage and options. */
static int main_help(int argc, char **argv)
{
	const struct cli_cmd *c;

	if (argc < 3) {
		main_usage(stdout);
		return 0;
	}
	c = cli_find(argv[2]);
	if (c == NULL) {
		fprintf(stderr, "tabletop help: no command '%s'\n", argv[2]);
		main_usage(stderr);
		return 2;
	}
	cliopt_usage(c->spec, stdout);
	return 0;
}

/* Run the subcommand named by argv[1]. */
int main(int argc, char **argv)
{
	const struct cli_cmd *c;

	if (argc < 2) {
		main_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "help"))
		return main_help(argc, argv);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		main_usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("tabletop %s\n", TABLETOP_VERSION);
		return 0;
	}
	c = cli_find(argv[1]);
	if (c != NULL)
		return c->main(argc - 1, argv + 1);
	fprintf(stderr, "tabletop: unknown command '%s'\n", argv[1]);
	main_usage(stderr);
	return 2;
}
