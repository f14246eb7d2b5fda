/*
 * cmd_shock.c - resilience shock: the loss in a shock and the recovery
 * after it
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

static const char usage_text[] =
    "usage: resilience shock [options] FILE...\n"
    "\n"
    "Score every city of the data files before (--before), in (--shock)\n"
    "and after (--after) a shock, each year on the values of that year,\n"
    "and give for every node the loss, the rebound, the net change, the\n"
    "recovery ratio and, for indicators, the years to recover.  For the\n"
    "indicators the framework's \"shock\" section lists in \"series\", the\n"
    "resistance and recovery indices of Martin and Sunley (2015) against\n"
    "the reference row of the data.  The years may also come from the\n"
    "framework's \"shock\" section.\n"
    "FILE is a long or wide CSV or a JSON file; '-' reads standard input.\n"
    "\n"
    "examples:\n"
    "  resilience shock --before 2019 --shock 2020 --after 2022 data/*.csv\n"
    "\n"
    "options:\n"
    "  --before B            the year before the shock\n"
    "  --shock K             the year of the shock\n"
    "  --after A             the year after it\n"
    "  --reference NAME      the row (id or name) of the nation or region\n"
    "                        the series are compared with\n"
    CLI_TIME_USAGE;

const struct option cli_shock_options[] = {
	CLI_TIME_OPTIONS,
	{"before", required_argument, NULL, CLI_OPT_BEFORE},
	{"shock", required_argument, NULL, CLI_OPT_SHOCK},
	{"after", required_argument, NULL, CLI_OPT_AFTER},
	{"reference", required_argument, NULL, CLI_OPT_REFERENCE},
	{NULL, 0, NULL, 0},
};

int
cmd_shock(int argc, char **argv)
{
	struct cli_report_opts o;
	int rc, first;

	cli_report_opts_init(&o);
	rc = cli_report_parse("shock", usage_text, cli_shock_options, argc,
	    argv, &o, &first);
	if (rc >= 0)
		return rc;
	return cli_timeline_run("shock", RS_VIEW_SHOCK, &o, argv + first,
	    argc - first);
}
