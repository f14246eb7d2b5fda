/*
 * cmd_whatif.c - resilience whatif: scores before and after a scenario of
 * changes to the data, which is never written (docs/cli.md, "whatif")
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/mem.h"
#include "resilience/report_plan.h"
#include "resilience/scenario.h"
#include "resilience/whatif.h"

static const char usage_text[] =
    "usage: resilience whatif [options] FILE... --set CITY:ID=CHANGE ...\n"
    "       resilience whatif [options] FILE... --scenario FILE\n"
    "\n"
    "Apply changes to a copy of the data and report, for each city, the\n"
    "score and level of the city, of every area and RPI and of each\n"
    "indicator changed, before and after, and the change.\n"
    "\n"
    "examples:\n"
    "  resilience whatif data/beirut.csv --set 'beirut:RPI 2-1.1=20'\n"
    "\n"
    "options:\n"
    "  --set CITY:ID=CHANGE  change indicator ID of CITY ('*': every city);\n"
    "                        CHANGE is a new value (V or =V), +N or -N in\n"
    "                        the indicator's unit, or +N% or -N%\n"
    "  --scenario FILE       the changes of a CSV file: columns city,\n"
    "                        indicator, value or change, and note\n"
    "  --framework FILE      framework JSON (default: the built-in DPT)\n"
    "  --format FMT          text, json, csv, md, html or pdf (default:\n"
    "                        text); pdf prints the html with Chromium\n"
    "  -o, --output FILE     write the report to FILE atomically\n"
    "  --year Y              use each indicator's latest value not after Y\n"
    "  --input-format FMT    csv or json (default: by content)\n"
    "  --lang CODE           names in this language; ar: Arabic words\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 ok, 2 usage, 3 input rejected, 4 a file could not be\n"
    "read or written.  See docs/cli.md or resilience(1).\n";

enum { OPT_SET = 400, OPT_SCENARIO };

const struct option cli_whatif_options[] = {
	{"set", required_argument, NULL, OPT_SET},
	{"scenario", required_argument, NULL, OPT_SCENARIO},
	{"framework", required_argument, NULL, CLI_OPT_FRAMEWORK},
	{"format", required_argument, NULL, CLI_OPT_FORMAT},
	{"output", required_argument, NULL, CLI_OPT_OUTPUT},
	{"year", required_argument, NULL, CLI_OPT_YEAR},
	{"input-format", required_argument, NULL, CLI_OPT_INPUT_FORMAT},
	{"lang", required_argument, NULL, CLI_OPT_LANG},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

int
cmd_whatif(int argc, char **argv)
{
	struct cli_report_opts o;
	struct cli_run run;
	struct rs_scenario sc;
	struct rs_whatif w;
	struct rs_results after;
	struct rs_report before_r, after_r;
	struct rs_whatif_report wr;
	struct rs_error err = {0};
	struct cli_buffer b = {0};
	const char **sets = NULL, **files = NULL;
	size_t nsets = 0, nfiles = 0, k;
	int c, rc = 0, loaded = 0;

	cli_report_opts_init(&o);
	sets = rs_calloc((size_t)argc + 1, sizeof(*sets));
	files = rs_calloc((size_t)argc + 1, sizeof(*files));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", cli_whatif_options,
	    NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			rc = -1;
			goto done;
		case 'o':
			o.output = optarg;
			break;
		case OPT_SET:
			sets[nsets++] = optarg;
			break;
		case OPT_SCENARIO:
			files[nfiles++] = optarg;
			break;
		case ':':
			rc = cli_usage_msg("whatif", RS_MSG_CLI_NEEDS_VALUE,
			    argv[optind - 1], "", "");
			goto done;
		case '?':
			rc = cli_bad_option("whatif", argv, optopt);
			goto done;
		default:
			if (cli_report_option("whatif", &o, c, optarg) != 0) {
				rc = EXIT_USAGE;
				goto done;
			}
		}
	}
	if (optind >= argc) {
		rc = cli_usage_msg("whatif", RS_MSG_CLI_NO_FILE, "", "", "");
		goto done;
	}
	if (cli_pdf_needs_output("whatif", &o)) {
		rc = EXIT_USAGE;
		goto done;
	}
	if (nsets == 0 && nfiles == 0) {
		rc = cli_usage_msgv("whatif", RS_MSG_CLI_NO_CHANGE,
		    CLI_NOARGS);
		goto done;
	}
	o.in.files = argv + optind;
	o.in.nfiles = argc - optind;
	/* standard input is one stream: checked before anything is read */
	for (k = 0; k < nfiles; k++) {
		int i;

		for (i = 0; i < o.in.nfiles; i++)
			if (strcmp(files[k], "-") == 0 &&
			    strcmp(o.in.files[i], "-") == 0) {
				cli_error(&err, RS_EUSAGE, "", 0, 0,
				    RS_MSG_CLI_STDIN_ONCE, CLI_NOARGS);
				rc = cli_fail(&err);
				goto done;
			}
	}
	rs_scenario_init(&sc);
	memset(&w, 0, sizeof(w));
	memset(&after, 0, sizeof(after));
	loaded = 1;
	if ((rc = cli_run_load(&run, &o.in, &err)) != 0)
		goto fail;
	if (run.in.fw.pipeline != NULL) {
		rc = cli_error(&err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_WHATIF_PIPELINE, CLI_ARGS(run.in.fw.id));
		goto fail;
	}
	for (k = 0; k < nsets; k++)
		if ((rc = rs_scenario_add_spec(&sc, &run.in.fw, sets[k],
		    &err)) != 0)
			goto fail;
	for (k = 0; k < nfiles; k++)
		if ((rc = rs_scenario_read_file(&sc, &run.in.fw, files[k],
		    &err)) != 0)
			goto fail;
	if ((rc = rs_whatif_apply(&run.in.fw, run.in.ds.ncities, run.names,
	    run.ids,
	    run.values, &sc, &w, &err)) != 0)
		goto fail;
	rs_engine_score(&run.in.fw, run.in.ds.ncities, run.names, w.values, &after);
	memset(&before_r, 0, sizeof(before_r));
	before_r.fw = &run.in.fw;
	before_r.res = &run.res;
	before_r.ds = &run.in.ds;
	before_r.chosen = run.chosen;
	before_r.lang = o.lang;
	before_r.top = -1;
	after_r = before_r;
	after_r.res = &after;
	wr.before = &before_r;
	wr.after = &after_r;
	wr.w = &w;
	if ((rc = cli_buffer_open(&b, &err)) != 0)
		goto fail;
	rc = rs_report_whatif(b.fp, &wr, o.format, &err);
	rc = cli_buffer_close(&b, rc, &err);
	if (rc == 0)
		rc = o.pdf ? cli_pdf_emit(o.output, o.lang, b.buf, b.len,
		    &o.in, &err) : cli_emit(o.output, b.buf, b.len, &o.in,
		    &err);
fail:
	if (rc != 0)
		rc = cli_fail(&err);
	free(b.buf);
	rs_results_release(&after);
	rs_whatif_release(&w);
	rs_scenario_release(&sc);
	cli_run_release(&run);
done:
	(void)loaded;
	free(sets);
	free(files);
	return rc < 0 ? 0 : rc;
}
