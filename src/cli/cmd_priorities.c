/*
 * cmd_priorities.c - resilience priorities: what to improve and what data
 * to collect first
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

static const char usage_text[] =
    "usage: resilience priorities [options] FILE...\n"
    "\n"
    "For each city, the indicators (or areas and RPIs) whose improvement\n"
    "would raise its score most, and the indicators without data in the\n"
    "order of the weight they would carry: each said in words.\n"
    "\n"
    "examples:\n"
    "  resilience priorities --by node data/beirut.csv\n"
    "  resilience priorities --levers municipal data/beirut.csv\n"
    "\n"
    "options:\n"
    "  --top N               items per list (default 5, 'all' for all)\n"
    "  --by indicator|node   rank indicators (default), or areas and\n"
    "                        their RPIs by the sum of their indicators'\n"
    "                        gains\n"
    "  --levers LIST         act on these levers: municipal, national,\n"
    "                        context, comma-separated, or all (default:\n"
    "                        all, which is every lever but context);\n"
    "                        the others are listed as context\n"
    CLI_REPORT_USAGE;

const struct option cli_priorities_options[] = {
	CLI_REPORT_OPTIONS,
	{"top", required_argument, NULL, CLI_OPT_TOP},
	{"by", required_argument, NULL, CLI_OPT_BY},
	{"levers", required_argument, NULL, CLI_OPT_LEVERS},
	{NULL, 0, NULL, 0},
};

int
cmd_priorities(int argc, char **argv)
{
	struct cli_report_opts o;
	int rc, first;

	cli_report_opts_init(&o);
	rc = cli_report_parse("priorities", usage_text,
	    cli_priorities_options, argc, argv, &o, &first);
	if (rc >= 0)
		return rc;
	return cli_report_run("priorities", RS_VIEW_PRIORITIES, &o,
	    argv + first, argc - first);
}
