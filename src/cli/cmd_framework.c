/*
 * cmd_framework.c - resilience framework: print what a framework measures
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "resilience/describe.h"

static const char usage_text[] =
    "usage: resilience framework [options]\n"
    "\n"
    "Print the framework tree: ids, names, weights and, for each indicator,\n"
    "its goalposts, direction, valid domain and unit.\n"
    "\n"
    "examples:\n"
    "  resilience framework --lang ar\n"
    "  resilience framework --format json -o dpt.json\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON (default: the built-in DPT)\n"
    "  --format text|json|md output format (default: text)\n"
    "  --lang CODE           names in this language (default: en)\n"
    "  --output FILE         write to FILE atomically (default: stdout)\n"
    "  -h, --help            show this help\n";

enum format {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_MD,
};

const struct option cli_framework_options[] = {
	{"framework", required_argument, NULL, 'f'},
	{"format", required_argument, NULL, 'F'},
	{"lang", required_argument, NULL, 'l'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

int
cmd_framework(int argc, char **argv)
{
	struct cli_inputs in = {0};
	struct rs_load_opts lo = {0};
	struct rs_inputs loaded;
	const struct rs_framework *fw = &loaded.fw;
	struct rs_error err = {0};
	enum format format = FORMAT_TEXT;
	const char *output = NULL, *lang = NULL;
	struct cli_buffer b = {0};
	int c, rc;

	memset(&loaded, 0, sizeof(loaded));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", cli_framework_options,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_file_arg("framework", "--framework", optarg))
				return EXIT_USAGE;
			in.framework = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else if (strcmp(optarg, "md") == 0)
				format = FORMAT_MD;
			else
				return cli_usage_msg("framework",
				    RS_MSG_CLI_FORMAT_FRAMEWORK, optarg, "",
				    "");
			break;
		case 'l':
			lang = optarg;
			break;
		case 'o':
			if (cli_file_arg("framework", "--output", optarg))
				return EXIT_USAGE;
			output = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case ':':
			return cli_usage_msg("framework",
			    RS_MSG_CLI_NEEDS_VALUE, argv[optind - 1], "", "");
		default:
			return cli_bad_option("framework", argv, optopt);
		}
	}
	if (optind < argc)
		return cli_usage_msg("framework", RS_MSG_CLI_UNEXPECTED,
		    argv[optind], "", "");

	lo.framework = in.framework;
	if ((rc = rs_inputs_load(&loaded, &lo, &err)) != 0 ||
	    (rc = cli_buffer_open(&b, &err)) != 0)
		goto out;
	if (format == FORMAT_JSON)
		rc = rs_describe_json(b.fp, fw, lang, &err);
	else if (format == FORMAT_MD)
		rc = rs_describe_markdown(b.fp, fw, lang, &err);
	else
		rc = rs_describe_text(b.fp, fw, lang, &err);
	if ((rc = cli_buffer_close(&b, rc, &err)) == 0)
		rc = cli_emit(output, b.buf, b.len, &in, &err);
out:
	rs_inputs_release(&loaded);
	free(b.buf);
	return rc == 0 ? 0 : cli_fail(&err);
}
