/*
 * cmd_compare.c - resilience compare: the cities side by side
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

static const char usage_text[] =
    "usage: resilience compare [options] FILE...\n"
    "\n"
    "Compare the cities of the data files: a table with a row per area\n"
    "(and, with a larger --depth, per RPI and indicator) and a column per\n"
    "city, the ranking of the cities, and each city's gap to the best\n"
    "city on every row.\n"
    "\n"
    "examples:\n"
    "  resilience compare --depth 2 data/*.csv\n"
    "  resilience compare --format html --lang ar -o report.html data/*.csv\n"
    "\n"
    "options:\n"
    "  --depth N             node levels shown: 1 areas (default), 2 also\n"
    "                        RPIs, 3 also indicators\n"
    CLI_REPORT_USAGE;

const struct option cli_compare_options[] = {
	CLI_REPORT_OPTIONS,
	{"depth", required_argument, NULL, CLI_OPT_DEPTH},
	{NULL, 0, NULL, 0},
};

int
cmd_compare(int argc, char **argv)
{
	struct cli_report_opts o;
	int rc, first;

	cli_report_opts_init(&o);
	rc = cli_report_parse("compare", usage_text, cli_compare_options,
	    argc, argv, &o, &first);
	if (rc >= 0)
		return rc;
	return cli_report_run("compare", RS_VIEW_COMPARE, &o, argv + first,
	    argc - first);
}
