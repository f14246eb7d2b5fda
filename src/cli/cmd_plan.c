/*
 * cmd_plan.c - resilience plan: the least-effort changes that reach
 * targets for each city, and the plan document with its lines of action
 * (docs/cli.md, "plan"; docs/planning.md)
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/mem.h"
#include "resilience/actionable.h"
#include "resilience/actions.h"
#include "resilience/notes.h"
#include "resilience/plan.h"
#include "resilience/report_plan.h"
#include "resilience/scenario.h"
#include "resilience/whatif.h"

static const char usage_text[] =
    "usage: resilience plan [options] FILE... --target NODE=LEVEL|SCORE ...\n"
    "\n"
    "For each city, the changes to its indicators of the least effort that\n"
    "reach every target (a linear programme; docs/planning.md), in raw\n"
    "values, with the resulting scores and, for a target out of reach,\n"
    "how far the levers allowed fall short and what would close the gap.\n"
    "\n"
    "examples:\n"
    "  resilience plan --target A2=moderate --levers municipal data/beirut.csv\n"
    "\n"
    "options:\n"
    "  --target NODE=T       reach level or score T (0-100) at area, RPI\n"
    "                        or indicator NODE, or 'city' (repeatable)\n"
    "  --targets FILE        the targets of a CSV file: columns node and\n"
    "                        target\n"
    "  --levers LIST         move only indicators of these levers:\n"
    "                        municipal, national, context, comma-separated,\n"
    "                        or all (default: every lever but context)\n"
    "  --horizon YEAR        the plan's last year: an indicator moves at\n"
    "                        most its max_change_per_year a year from the\n"
    "                        year of the data (or --year)\n"
    "  --collect             also move indicators without a value, counted\n"
    "                        from their worst value, as data to collect\n"
    "  --actions FILE        the lines of action (CSV or JSON): the plan\n"
    "                        document, with owners, dates and monitoring\n"
    "  --framework FILE      framework JSON (default: the built-in DPT)\n"
    "  --format FMT          text, json, csv, md, html or pdf (default:\n"
    "                        text); pdf prints the html with Chromium\n"
    "  -o, --output FILE     write the report to FILE atomically\n"
    "  --year Y              use each indicator's latest value not after Y\n"
    "  --input-format FMT    csv or json (default: by content)\n"
    "  --lang CODE           names in this language; ar: Arabic words\n"
    "  --title TEXT          md, html and pdf: the plan's title\n"
    "  --author TEXT         md, html and pdf: who prepared it\n"
    "  --date TEXT           md, html and pdf: its date, as given\n"
    "  --notes FILE          md, html and pdf: Markdown notes per city and\n"
    "                        area ('## CITY', '### NODE')\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 ok, 2 usage, 3 input rejected, 4 a file could not be\n"
    "read or written.  See docs/cli.md or resilience(1).\n";

enum {
	OPT_TARGET = 400, OPT_TARGETS, OPT_HORIZON, OPT_COLLECT, OPT_ACTIONS,
};

const struct option cli_plan_options[] = {
	{"target", required_argument, NULL, OPT_TARGET},
	{"targets", required_argument, NULL, OPT_TARGETS},
	{"levers", required_argument, NULL, CLI_OPT_LEVERS},
	{"horizon", required_argument, NULL, OPT_HORIZON},
	{"collect", no_argument, NULL, OPT_COLLECT},
	{"actions", required_argument, NULL, OPT_ACTIONS},
	{"framework", required_argument, NULL, CLI_OPT_FRAMEWORK},
	{"format", required_argument, NULL, CLI_OPT_FORMAT},
	{"output", required_argument, NULL, CLI_OPT_OUTPUT},
	{"year", required_argument, NULL, CLI_OPT_YEAR},
	{"input-format", required_argument, NULL, CLI_OPT_INPUT_FORMAT},
	{"lang", required_argument, NULL, CLI_OPT_LANG},
	{"title", required_argument, NULL, CLI_OPT_TITLE},
	{"author", required_argument, NULL, CLI_OPT_AUTHOR},
	{"date", required_argument, NULL, CLI_OPT_DATE},
	{"notes", required_argument, NULL, CLI_OPT_NOTES},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* The year of city ci's data: the latest year of its chosen values. */
static long
start_year(const struct cli_run *run, size_t ci, const struct cli_inputs *in)
{
	size_t k, obs, ni = run->in.fw.nindicators;
	const struct rs_obs *o;
	long y = 0;

	if (in->has_year)
		return in->year;
	for (k = 0; k < ni; k++) {
		obs = run->chosen[ci * ni + k];
		o = obs != RS_NONE ? rs_dataset_obs(&run->in.ds, obs) : NULL;
		if (o != NULL && o->has_year && o->year > y)
			y = o->year;
	}
	return y;
}

/* Whether any indicator of fw has a yearly cap. */
static int
has_caps(const struct rs_framework *fw)
{
	size_t k;

	for (k = 0; k < fw->nindicators; k++)
		if (fw->nodes[fw->indicators[k]].has_max_change)
			return 1;
	return 0;
}

int
cmd_plan(int argc, char **argv)
{
	struct cli_report_opts o;
	struct cli_run run;
	struct rs_plan *plans = NULL;
	struct rs_target *targets = NULL;
	struct rs_actions acts;
	struct rs_results after, with_actions;
	struct rs_report rep;
	struct rs_plan_report pr;
	struct rs_plan_opts po;
	struct rs_notes notes = {0};
	struct rs_error err = {0};
	struct cli_buffer b = {0};
	const char **specs = NULL, *targets_file = NULL, *actions_file = NULL;
	double *values_after = NULL, *values_actions = NULL;
	long horizon = 0, *start = NULL;
	size_t nspecs = 0, ntargets = 0, ci, k, ni, nplans = 0;
	int c, rc = 0, has_horizon = 0, collect = 0;

	cli_report_opts_init(&o);
	specs = rs_calloc((size_t)argc + 1, sizeof(*specs));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", cli_plan_options,
	    NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			free(specs);
			return 0;
		case 'o':
			o.output = optarg;
			break;
		case OPT_TARGET:
			specs[nspecs++] = optarg;
			break;
		case OPT_TARGETS:
			if (cli_file_arg("plan", "--targets", optarg) != 0) {
				free(specs);
				return EXIT_USAGE;
			}
			targets_file = optarg;
			break;
		case OPT_HORIZON:
			if (cli_parse_year("plan", "--horizon", optarg,
			    &horizon) != 0) {
				free(specs);
				return EXIT_USAGE;
			}
			has_horizon = 1;
			break;
		case OPT_COLLECT:
			collect = 1;
			break;
		case OPT_ACTIONS:
			if (cli_file_arg("plan", "--actions", optarg) != 0) {
				free(specs);
				return EXIT_USAGE;
			}
			actions_file = optarg;
			break;
		case ':':
			free(specs);
			return cli_usage_msg("plan", RS_MSG_CLI_NEEDS_VALUE,
			    argv[optind - 1], "", "");
		case '?':
			free(specs);
			return cli_bad_option("plan", argv, optopt);
		default:
			if (cli_report_option("plan", &o, c, optarg) != 0) {
				free(specs);
				return EXIT_USAGE;
			}
		}
	}
	if (optind >= argc) {
		free(specs);
		return cli_usage_msg("plan", RS_MSG_CLI_NO_FILE, "", "", "");
	}
	if (cli_pdf_needs_output("plan", &o)) {
		free(specs);
		return EXIT_USAGE;
	}
	if (nspecs == 0 && targets_file == NULL) {
		free(specs);
		return cli_usage_msgv("plan", RS_MSG_CLI_NO_TARGET, CLI_NOARGS);
	}
	o.in.files = argv + optind;
	o.in.nfiles = argc - optind;
	rs_actions_init(&acts);
	memset(&after, 0, sizeof(after));
	memset(&with_actions, 0, sizeof(with_actions));
	if ((rc = cli_run_load(&run, &o.in, &err)) != 0)
		goto fail;
	if (run.in.fw.pipeline != NULL) {
		rc = cli_error(&err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_PLAN_PIPELINE, CLI_ARGS(run.in.fw.id));
		goto fail;
	}
	ni = run.in.fw.nindicators;
	targets = rs_calloc(nspecs + 1, sizeof(*targets));
	for (k = 0; k < nspecs; k++, ntargets++)
		if ((rc = rs_target_parse(&run.in.fw, specs[k], &targets[k],
		    &err)) != 0)
			goto fail;
	if (targets_file != NULL && (rc = rs_targets_read_file(&run.in.fw,
	    targets_file, &targets, &ntargets, &err)) != 0)
		goto fail;
	if (actions_file != NULL && (rc = rs_actions_read_file(&acts,
	    &run.in.fw, actions_file, &err)) != 0)
		goto fail;
	if (o.notes != NULL && (rc = cli_notes_load(&notes, o.notes, &run,
	    &err)) != 0)
		goto fail;
	po.levers = o.levers != 0 ? o.levers : RS_LEVERS_ACTIONABLE;
	po.collect = collect;
	plans = rs_calloc(run.in.ds.ncities + 1, sizeof(*plans));
	start = rs_calloc(run.in.ds.ncities + 1, sizeof(*start));
	values_after = rs_calloc(run.in.ds.ncities * ni + 1, sizeof(double));
	for (ci = 0; ci < run.in.ds.ncities; ci++) {
		start[ci] = start_year(&run, ci, &o.in);
		po.years = (double)INFINITY;
		if (has_horizon && start[ci] == 0 && has_caps(&run.in.fw)) {
			rc = cli_error(&err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_PLAN_NO_DATED, CLI_ARGS(run.names[ci]));
			goto fail;
		}
		if (has_horizon && start[ci] > 0)
			po.years = horizon > start[ci] ?
			    (double)(horizon - start[ci]) : 0;
		if ((rc = rs_plan_make(&run.in.fw, run.values + ci * ni,
		    targets, ntargets, &po, &plans[ci], &err)) != 0)
			goto fail;
		nplans++;
		memcpy(values_after + ci * ni, plans[ci].values,
		    ni * sizeof(double));
	}
	rs_engine_score(&run.in.fw, run.in.ds.ncities, run.names, values_after,
	    &after);
	if (actions_file != NULL) {
		values_actions = rs_calloc(run.in.ds.ncities * ni + 1,
		    sizeof(double));
		for (ci = 0; ci < run.in.ds.ncities; ci++)
			rs_actions_apply(&run.in.fw, &acts, run.values + ci * ni,
			    values_actions + ci * ni);
		rs_engine_score(&run.in.fw, run.in.ds.ncities, run.names,
		    values_actions, &with_actions);
	}
	memset(&rep, 0, sizeof(rep));
	rep.fw = &run.in.fw;
	rep.res = &run.res;
	rep.ds = &run.in.ds;
	rep.chosen = run.chosen;
	rep.lang = o.lang;
	rep.top = -1;
	rep.ids = run.ids;
	rep.title = o.title;
	rep.author = o.author;
	rep.date = o.date;
	rep.notes = o.notes != NULL ? &notes : NULL;
	memset(&pr, 0, sizeof(pr));
	pr.r = &rep;
	pr.after = &after;
	pr.plans = plans;
	pr.targets = targets;
	pr.ntargets = ntargets;
	pr.levers = po.levers;
	pr.has_horizon = has_horizon;
	pr.horizon = horizon;
	pr.start = start;
	pr.actions = actions_file != NULL ? &acts : NULL;
	pr.with_actions = actions_file != NULL ? &with_actions : NULL;
	pr.action_values = values_actions;
	if ((rc = cli_buffer_open(&b, &err)) != 0)
		goto fail;
	rc = rs_report_plan(b.fp, &pr, o.format, &err);
	rc = cli_buffer_close(&b, rc, &err);
	if (rc == 0)
		rc = o.pdf ? cli_pdf_emit(o.output, o.lang, b.buf, b.len,
		    &o.in, &err) : cli_emit(o.output, b.buf, b.len, &o.in,
		    &err);
fail:
	if (rc != 0)
		rc = cli_fail(&err);
	free(b.buf);
	for (ci = 0; ci < nplans; ci++)
		rs_plan_release(&plans[ci]);
	free(plans);
	free(start);
	free(values_after);
	free(values_actions);
	free(targets);
	free(specs);
	rs_results_release(&after);
	rs_results_release(&with_actions);
	rs_actions_release(&acts);
	rs_notes_release(&notes);
	cli_run_release(&run);
	return rc;
}
