/*
 * cmd_template.c - resilience template: an empty data-collection sheet
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "resilience/template.h"

static const char usage_text[] =
    "usage: resilience template [options]\n"
    "\n"
    "Write an empty long CSV with one row per indicator of the framework,\n"
    "for data collectors.  Fill in value, year, source and note; the file\n"
    "then scores as it is with 'resilience score'.\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON (default: the built-in DPT)\n"
    "  --lang CODE           names in this language (default: en)\n"
    "  --city NAME           add a city column holding NAME\n"
    "  --output FILE         write to FILE atomically (default: stdout)\n"
    "  -h, --help            show this help\n";

const struct option cli_template_options[] = {
	{"framework", required_argument, NULL, 'f'},
	{"lang", required_argument, NULL, 'l'},
	{"city", required_argument, NULL, 'c'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

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
	int c, rc;

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
				return cli_usage("template", "--city takes a "
				    "non-empty name");
			t.city = optarg;
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
			return cli_usage("template", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			return cli_bad_option("template", argv, optopt);
		}
	}
	if (optind < argc)
		return cli_usage_msg("template", RS_MSG_CLI_UNEXPECTED,
		    argv[optind], "", "");

	lo.framework = in.framework;
	if ((rc = rs_inputs_load(&loaded, &lo, &err)) != 0 ||
	    (rc = cli_buffer_open(&b, &err)) != 0)
		goto out;
	rc = rs_template_write(b.fp, &loaded.fw, &t, &err);
	if ((rc = cli_buffer_close(&b, rc, &err)) == 0)
		rc = cli_emit(output, b.buf, b.len, &in, &err);
out:
	rs_inputs_release(&loaded);
	free(b.buf);
	return rc == 0 ? 0 : cli_fail(&err);
}
