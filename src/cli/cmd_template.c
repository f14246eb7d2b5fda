/*
 * cmd_template.c - resilience template: an empty data-collection sheet,
 * CSV or .xlsx
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/text.h"
#include "resilience/template.h"

static const char usage_text[] =
    "usage: resilience template [options]\n"
    "\n"
    "Write an empty sheet with one row per indicator of the framework,\n"
    "for data collectors: its unit, direction, goalposts, valid range,\n"
    "suggested source and, for a rubric item, its five levels.  Fill in\n"
    "value, year, source and note; the file then scores as it is with\n"
    "'resilience score'.\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON (default: the built-in DPT)\n"
    "  --format FMT          csv (default) or xlsx: a workbook with input\n"
    "                        prompts, validation and drop-down lists\n"
    "  --lang CODE           names in this language (default: en)\n"
    "  --city NAME           add a city column holding NAME\n"
    "  --years FROM-TO       a value column per year instead of value and\n"
    "                        year (at most 50 years)\n"
    "  --no-bom              CSV without the UTF-8 byte order mark\n"
    "  -o, --output FILE     write to FILE atomically (default: stdout)\n"
    "  -h, --help            show this help\n"
    "\n"
    "examples:\n"
    "  resilience template --city Tripoli --output tripoli.csv\n"
    "  resilience template --format xlsx --lang ar --city Tripoli \\\n"
    "      --years 2019-2022 --output tripoli.xlsx\n";

const struct option cli_template_options[] = {
	{"framework", required_argument, NULL, 'f'},
	{"lang", required_argument, NULL, 'l'},
	{"city", required_argument, NULL, 'c'},
	{"format", required_argument, NULL, 'F'},
	{"years", required_argument, NULL, 'y'},
	{"no-bom", no_argument, NULL, 'B'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* --years FROM-TO: whole years, FROM <= TO, at most 50 of them. */
static int
parse_years(const char *arg, struct rs_template *t)
{
	const char *dash = strchr(arg, '-');
	char from[16], max[16];
	uint64_t y;
	size_t n = dash != NULL ? (size_t)(dash - arg) : 0;

	if (dash == NULL || n == 0 || n >= sizeof(from))
		goto bad;
	memcpy(from, arg, n);
	from[n] = '\0';
	if (rs_uint_parse(from, n, 1, 9999, &y) != 0)
		goto bad;
	t->year_from = (long)y;
	if (rs_uint_parse(dash + 1, strlen(dash + 1), 1, 9999, &y) != 0)
		goto bad;
	t->year_to = (long)y;
	if (t->year_to < t->year_from ||
	    t->year_to - t->year_from >= RS_TEMPLATE_MAX_YEARS)
		goto bad;
	return 0;
bad:
	snprintf(max, sizeof(max), "%d", RS_TEMPLATE_MAX_YEARS);
	return cli_usage_msg("template", RS_MSG_CLI_YEARS_RANGE, max, arg,
	    "");
}

int
cmd_template(int argc, char **argv)
{
	struct cli_inputs in = {0};
	struct rs_load_opts lo = {0};
	struct rs_inputs loaded;
	struct rs_template t = {0};
	struct rs_error err = {0};
	const char *output = NULL;
	struct cli_buffer b = {0};
	int c, rc, xlsx = 0;

	memset(&loaded, 0, sizeof(loaded));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", cli_template_options,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_file_arg("template", "--framework", optarg))
				return EXIT_USAGE;
			in.framework = optarg;
			break;
		case 'l':
			t.lang = optarg;
			break;
		case 'c':
			if (optarg[0] == '\0')
				return cli_usage_msgv("template",
				    RS_MSG_CLI_CITY_NAME, CLI_NOARGS);
			t.city = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "xlsx") == 0)
				xlsx = 1;
			else if (strcmp(optarg, "csv") == 0)
				xlsx = 0;
			else
				return cli_usage_msg("template",
				    RS_MSG_CLI_FORMAT_TEMPLATE, optarg, "",
				    "");
			break;
		case 'y':
			if (parse_years(optarg, &t) != 0)
				return EXIT_USAGE;
			break;
		case 'B':
			t.no_bom = 1;
			break;
		case 'o':
			if (cli_file_arg("template", "--output", optarg))
				return EXIT_USAGE;
			output = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case ':':
			return cli_usage_msg("template",
			    RS_MSG_CLI_NEEDS_VALUE, argv[optind - 1], "", "");
		default:
			return cli_bad_option("template", argv, optopt);
		}
	}
	if (optind < argc)
		return cli_usage_msg("template", RS_MSG_CLI_UNEXPECTED,
		    argv[optind], "", "");

	lo.framework = in.framework;
	if ((rc = rs_inputs_load(&loaded, &lo, &err)) != 0)
		goto out;
	if (xlsx) {
		rc = rs_template_xlsx(&loaded.fw, &t, &b.buf, &b.len, &err);
	} else if ((rc = cli_buffer_open(&b, &err)) == 0) {
		rc = rs_template_write(b.fp, &loaded.fw, &t, &err);
		rc = cli_buffer_close(&b, rc, &err);
	}
	if (rc == 0)
		rc = cli_emit(output, b.buf, b.len, &in, &err);
out:
	rs_inputs_release(&loaded);
	free(b.buf);
	return rc == 0 ? 0 : cli_fail(&err);
}
