/*
 * cmd_pipeline.c - resilience pipeline: run the composite-indicator
 * pipeline (docs/pipeline.md) and write one step's table
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "resilience/report_pipeline.h"

static const char usage[] =
    "usage: resilience pipeline [options] FILE\n"
    "\n"
    "Run the composite-indicator pipeline on FILE (COINr's iData layout:\n"
    "uCode [, uName, Time], group and denominator columns, one column per\n"
    "indicator) and write one step's table as CSV.\n"
    "\n"
    "examples:\n"
    "  resilience pipeline --framework iMeta.csv --treat on --normalise zscore iData.csv\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON, or COINr iMeta CSV (*.csv)\n"
    "  --sheet NAME          the sheet of an .xlsx or .ods FILE to read\n"
    "                        (default: the first)\n"
    "  --step STEP           raw, denominated, imputed, screened, treated,\n"
    "                        normalised, aggregated (default), ranks,\n"
    "                        screening, treatment, points\n"
    "  --output FILE         write the table to FILE atomically\n"
    PIPELINE_OPTIONS_HELP
    "  -h, --help            show this help\n";

enum {
	OPT_FRAMEWORK = 1000,
	OPT_SHEET,
	OPT_STEP,
};

const struct option cli_pipeline_options[] = {
	{"framework", required_argument, NULL, OPT_FRAMEWORK},
	{"sheet", required_argument, NULL, OPT_SHEET},
	{"step", required_argument, NULL, OPT_STEP},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	CLI_OVERRIDE_OPTIONS,
	{NULL, 0, NULL, 0},
};

int
cmd_pipeline(int argc, char **argv)
{
	struct cli_pipe p;
	struct cli_buffer b = {0};
	struct rs_error err = {0};
	int c, idx, rc, step = RS_STEP_AGGREGATED;

	memset(&p, 0, sizeof(p));
	p.cmd = "pipeline";
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", cli_pipeline_options,
	    &idx)) != -1) {
		switch (c) {
		case OPT_FRAMEWORK:
			if (cli_file_arg(p.cmd, "--framework", optarg))
				return EXIT_USAGE;
			p.framework = optarg;
			break;
		case OPT_SHEET:
			if (cli_parse_sheet(p.cmd, optarg, &p.sheet) != 0)
				return EXIT_USAGE;
			break;
		case 'o':
			if (cli_file_arg(p.cmd, "--output", optarg))
				return EXIT_USAGE;
			p.output = optarg;
			break;
		case OPT_STEP:
			if ((step = rs_step_parse(optarg)) < 0)
				return cli_usage_msg(p.cmd,
				    RS_MSG_CLI_UNKNOWN_STEP, optarg, "", "");
			break;
		case CLI_OPT_OVERRIDE:
			if (cli_override_add(p.cmd, &p.ov,
			    cli_pipeline_options[idx].name, optarg) != 0)
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		case ':':
			return cli_usage_msg(p.cmd, RS_MSG_CLI_NEEDS_VALUE,
			    argv[optind - 1], "", "");
		default:
			return cli_bad_option(p.cmd, argv, optopt);
		}
	}
	if ((rc = cli_pipe_file(&p, argc, argv, optind)) != 0)
		return rc;
	if ((rc = cli_pipe_run(&p, &err)) == 0 &&
	    (rc = cli_buffer_open(&b, &err)) == 0) {
		rc = rs_report_step_csv(b.fp, &p.r, step, &err);
		if ((rc = cli_buffer_close(&b, rc, &err)) == 0)
			rc = cli_pipe_emit(&p, b.buf, b.len, &err);
	}
	free(b.buf);
	cli_pipe_release(&p);
	return rc == 0 ? 0 : cli_fail(&err);
}
