/*
 * cmd_trend.c - resilience trend: every city scored year by year
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

static const char usage_text[] =
    "usage: resilience trend [options] FILE...\n"
    "\n"
    "Score every city of the data files for each year from --from to --to\n"
    "on the values of that year, and give each node's change from year to\n"
    "year, like for like (on the indicators with a value in both years).\n"
    "FILE is a long or wide CSV or a JSON file; '-' reads standard input.\n"
    "\n"
    "examples:\n"
    "  resilience trend --from 2018 --to 2022 data/*.csv\n"
    "\n"
    "options:\n"
    "  --from Y1             the first year (default: the data's first)\n"
    "  --to Y2               the last year (default: the data's last)\n"
    CLI_TIME_USAGE;

const struct option cli_trend_options[] = {
	CLI_TIME_OPTIONS,
	{"from", required_argument, NULL, CLI_OPT_FROM},
	{"to", required_argument, NULL, CLI_OPT_TO},
	{NULL, 0, NULL, 0},
};

int
cmd_trend(int argc, char **argv)
{
	struct cli_report_opts o;
	int rc, first;

	cli_report_opts_init(&o);
	rc = cli_report_parse("trend", usage_text, cli_trend_options, argc,
	    argv, &o, &first);
	if (rc >= 0)
		return rc;
	return cli_timeline_run("trend", RS_VIEW_TREND, &o, argv + first,
	    argc - first);
}
