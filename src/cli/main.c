/*
 * main.c - the resilience command: dispatch to a subcommand
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "cli/cli.h"
#include "resilience/output.h"
#include "base/mem.h"

#ifndef RS_VERSION
#define RS_VERSION "unknown"
#endif

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *summary;
} commands[] = {
	{"score", cmd_score, "score cities on a framework"},
	{"template", cmd_template, "write an empty data-collection CSV"},
	{"framework", cmd_framework, "print the framework tree"},
	{"pipeline", cmd_pipeline, "run the composite-indicator pipeline"},
	{"stats", cmd_stats, "indicator statistics, correlations, weights"},
	{"uncertainty", cmd_uncertainty, "rank uncertainty by Monte Carlo"},
	{"sensitivity", cmd_sensitivity, "rank uncertainty and sensitivity"},
	{"compare", cmd_compare, "compare cities side by side and rank them"},
	{"priorities", cmd_priorities, "what to improve and collect first"},
	{"whatif", cmd_whatif, "scores before and after a scenario"},
	{"plan", cmd_plan, "least-effort changes that reach targets"},
};

static void
usage(FILE *out)
{
	size_t i;

	fputs("usage: resilience <command> [options] [FILE...]\n"
	    "       resilience --help | --version\n\n"
	    "Score the urban economic resilience of cities.\n\n"
	    "commands:\n", out);
	for (i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		fprintf(out, "  %-12s %s\n", commands[i].name,
		    commands[i].summary);
	fputs("\nRun 'resilience <command> --help' for a command's options.\n",
	    out);
}

int
main(int argc, char **argv)
{
	size_t i;

	rs_json_setup();
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("resilience %s\n", RS_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "resilience: '%s' is not a command; see "
	    "'resilience --help'\n", argv[1]);
	return EXIT_USAGE;
}
