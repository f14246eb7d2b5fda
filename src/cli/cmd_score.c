/*
 * cmd_score.c - resilience score: score cities and report
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

static const char usage_text[] =
    "usage: resilience score [options] FILE...\n"
    "\n"
    "Score each city in the data files on the framework and report its\n"
    "score, level, coverage, area scores and priorities.\n"
    "FILE is a long or wide CSV or a JSON file; '-' reads standard input.\n"
    "\n"
    "examples:\n"
    "  resilience score data/alexandria.csv\n"
    "  resilience score --format json -o scores.json data/*.csv\n"
    "  resilience score --min-coverage 0.3 data/beirut.csv\n"
    "  resilience score --quiet --fail-below moderate data/*.csv\n"
    "\n"
    "options:\n"
    "  --top N               priorities listed per city in text and md\n"
    "                        (default 5, 'all' for every one)\n"
    CLI_REPORT_USAGE;

const struct option cli_score_options[] = {
	CLI_REPORT_OPTIONS,
	{"top", required_argument, NULL, CLI_OPT_TOP},
	{NULL, 0, NULL, 0},
};

int
cmd_score(int argc, char **argv)
{
	struct cli_report_opts o;
	int rc, first;

	cli_report_opts_init(&o);
	rc = cli_report_parse("score", usage_text, cli_score_options, argc,
	    argv, &o, &first);
	if (rc >= 0)
		return rc;
	return cli_report_run("score", RS_VIEW_SCORE, &o, argv + first,
	    argc - first);
}
