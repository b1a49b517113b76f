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
	for (const struct cli_cmd *c = cli_cmds; c->name; c++)
		fprintf(f, "  %-9s %-24s %s\n", c->name, c->args, c->summary);
	fprintf(f,
	        "\n  tabletop --help | --version\n\n"
	        "'tabletop help COMMAND' shows a command's options. Docs: docs/ in the source.\n");
}

/* `tabletop help COMMAND`: the command's own --help. */
static int main_help(const char *name)
{
	char *argv[] = {(char *)name, "--help", NULL};

	for (const struct cli_cmd *c = cli_cmds; c->name; c++)
		if (strcmp(name, c->name) == 0)
			return c->main(2, argv);
	fprintf(stderr, "tabletop: no help for '%s': not a command\n", name);
	main_usage(stderr);
	return 2;
}

/* Run the subcommand named by argv[1]. */
int main(int argc, char **argv)
{
	if (argc < 2) {
		main_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "help") && argc > 2)
		return main_help(argv[2]);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		main_usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("tabletop %s\n", TABLETOP_VERSION);
		return 0;
	}
	for (const struct cli_cmd *c = cli_cmds; c->name; c++) {
		if (strcmp(argv[1], c->name) != 0)
			continue;
		return c->main(argc - 1, argv + 1);
	}
	fprintf(stderr, "tabletop: unknown command '%s'\n", argv[1]);
	main_usage(stderr);
	return 2;
}
