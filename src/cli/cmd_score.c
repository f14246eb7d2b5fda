/*
 * cmd_score.c - resilience score: score cities and report
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "resilience/report.h"

static const char usage_text[] =
    "usage: resilience score [options] FILE...\n"
    "\n"
    "Score each city in the data files on the framework and report.\n"
    "FILE is a long or wide CSV or a JSON file; '-' reads standard input.\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON (default: the built-in DPT)\n"
    "  --format text|json    report format (default: text)\n"
    "  --output FILE         write the report to FILE atomically\n"
    "  --year Y              use each indicator's latest value not after Y\n"
    "  --input-format csv|json  format of the inputs (default: by content)\n"
    "  --lang CODE           names in this language (default: en)\n"
    "  --top N               priorities listed per city in text (default 5)\n"
    "  -h, --help            show this help\n";

enum format {
	FORMAT_TEXT,
	FORMAT_JSON,
};

int
cmd_score(int argc, char **argv)
{
	static const struct option options[] = {
		{"framework", required_argument, NULL, 'f'},
		{"format", required_argument, NULL, 'F'},
		{"output", required_argument, NULL, 'o'},
		{"year", required_argument, NULL, 'y'},
		{"input-format", required_argument, NULL, 'i'},
		{"lang", required_argument, NULL, 'l'},
		{"top", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct cli_inputs in = {0};
	struct cli_run run;
	struct rs_report report = {0};
	struct rs_error err = {0};
	enum format format = FORMAT_TEXT;
	const char *output = NULL;
	char *buf = NULL, *end;
	size_t len = 0;
	FILE *mem = NULL;
	int c, rc;
	long top = 5;

	report.top = 5;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			in.framework = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else
				return cli_usage("score", "--format takes text "
				    "or json, not '%s'", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'y':
			if (cli_parse_year("score", optarg, &in.year) != 0)
				return EXIT_USAGE;
			in.has_year = 1;
			break;
		case 'i':
			if (cli_parse_input_format("score", optarg,
			    &in.format) != 0)
				return EXIT_USAGE;
			break;
		case 'l':
			report.lang = optarg;
			break;
		case 't':
			top = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || top < 0 ||
			    top > 1000000)
				return cli_usage("score", "--top takes a count "
				    "from 0, not '%s'", optarg);
			report.top = (int)top;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case ':':
			return cli_usage("score", "option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return cli_bad_option("score", argv, optopt);
		}
	}
	if (optind >= argc)
		return cli_usage("score", "no data file given");
	in.files = argv + optind;
	in.nfiles = argc - optind;

	if ((rc = cli_run_load(&run, &in, &err)) != 0)
		goto out;
	report.color = output == NULL && format == FORMAT_TEXT &&
	    isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
	report.fw = &run.fw;
	report.res = &run.res;
	report.ds = &run.ds;
	report.chosen = run.chosen;
	if ((mem = open_memstream(&buf, &len)) == NULL) {
		rc = rs_error_io(&err, errno, "", "cannot buffer the report");
		goto out;
	}
	if (format == FORMAT_JSON)
		rc = rs_report_json(mem, &report, &err);
	else
		rc = rs_report_text(mem, &report, &err);
	if (fclose(mem) != 0 && rc == 0)
		rc = rs_error_io(&err, errno, "", "cannot buffer the report");
	mem = NULL;
	if (rc == 0)
		rc = cli_emit(output, buf, len, &in, &err);
out:
	cli_run_release(&run);
	free(buf);
	return rc == 0 ? 0 : cli_fail(&err);
}
