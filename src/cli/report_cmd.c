/*
 * report_cmd.c - what the reporting commands (score, compare, priorities)
 * share: their common options, the CI gates and the run itself
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "resilience/actionable.h"
#include "resilience/baseline.h"
#include "resilience/change.h"
#include "resilience/output.h"
#include "base/fmt.h"
#include "base/text.h"

void
cli_report_opts_init(struct cli_report_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->format = RS_FORMAT_TEXT;
	o->top = 5;
	o->depth = 1;
	o->fail_below = (double)NAN;
	o->fail_on_drop = (double)NAN;
}

/* A count from min to 1000000, or "all" (-1) when all_ok. */
static int
parse_count(const char *cmd, const char *opt, const char *arg, long min,
    int all_ok, int *out)
{
	uint64_t v;
	char lo[24];

	if (all_ok && strcmp(arg, "all") == 0) {
		*out = -1;
		return 0;
	}
	snprintf(lo, sizeof(lo), "%ld", min);
	if (rs_uint_parse(arg, strlen(arg), (uint64_t)min, 1000000, &v) != 0)
		return cli_usage_msg(cmd, all_ok ? RS_MSG_CLI_COUNT_ALL :
		    RS_MSG_CLI_COUNT, opt, lo, arg);
	*out = (int)v;
	return 0;
}

/* A number of points from 0 to 100. */
static int
parse_points(const char *arg, double *out)
{
	const char *why;
	double v;

	if (rs_number_parse(arg, strlen(arg), &v, &why) != RS_NUMBER_OK ||
	    !(v >= 0 && v <= 100))
		return -1;
	*out = v;
	return 0;
}

int
cli_report_option(const char *cmd, struct cli_report_opts *o, int c,
    const char *arg)
{
	switch (c) {
	case CLI_OPT_FRAMEWORK:
		o->in.framework = arg;
		return cli_file_arg(cmd, "--framework", arg);
	case CLI_OPT_FORMAT:
		if (strcmp(arg, "text") == 0)
			o->format = RS_FORMAT_TEXT;
		else if (strcmp(arg, "json") == 0)
			o->format = RS_FORMAT_JSON;
		else if (strcmp(arg, "csv") == 0)
			o->format = RS_FORMAT_CSV;
		else if (strcmp(arg, "md") == 0)
			o->format = RS_FORMAT_MD;
		else if (strcmp(arg, "html") == 0 || strcmp(arg, "pdf") == 0)
			o->format = RS_FORMAT_HTML;	/* pdf: printed */
		else if (strcmp(arg, "xlsx") == 0 &&
		    (strcmp(cmd, "score") == 0 || strcmp(cmd, "compare") == 0))
			o->format = RS_FORMAT_XLSX;
		else if (strcmp(cmd, "score") == 0 ||
		    strcmp(cmd, "compare") == 0)
			return cli_usage_msg(cmd, RS_MSG_CLI_FORMAT_XLSX, arg,
			    "", "");
		else
			return cli_usage_msg(cmd, RS_MSG_CLI_FORMAT_REPORT, arg,
			    "", "");
		o->pdf = strcmp(arg, "pdf") == 0;
		return 0;
	case CLI_OPT_TITLE:
	case CLI_OPT_AUTHOR:
	case CLI_OPT_DATE: {
		static const char *const names[] = {"--title", "--author",
		    "--date"};
		const char **dst[] = {&o->title, &o->author, &o->date};
		int k = c - CLI_OPT_TITLE;

		if (arg[0] == '\0' || strlen(arg) > 500)
			return cli_usage_msg(cmd, RS_MSG_CLI_TEXT_LENGTH,
			    names[k], "", "");
		*dst[k] = arg;
		return 0;
	}
	case CLI_OPT_NOTES:
		o->notes = arg;
		return cli_file_arg(cmd, "--notes", arg);
	case CLI_OPT_OUTPUT:
		o->output = arg;
		return cli_file_arg(cmd, "--output", arg);
	case CLI_OPT_YEAR:
		if (cli_parse_year(cmd, "--year", arg, &o->in.year) != 0)
			return EXIT_USAGE;
		o->in.has_year = 1;
		return 0;
	case CLI_OPT_INPUT_FORMAT:
		return cli_parse_input_format(cmd, arg, &o->in.format);
	case CLI_OPT_SHEET:
		return cli_parse_sheet(cmd, arg, &o->in.sheet);
	case CLI_OPT_LANG:
		if (arg[0] == '\0' || strlen(arg) > 35)
			return cli_usage_msg(cmd, RS_MSG_CLI_LANG_CODE, arg, "",
			    "");
		o->lang = arg;
		o->in.lang = arg;
		return 0;
	case CLI_OPT_TOP:
		return parse_count(cmd, "--top", arg, 0, 1, &o->top);
	case CLI_OPT_FAIL_BELOW:
		/* A level id is resolved once the framework is loaded. */
		o->fail_below_arg = arg;
		if (parse_points(arg, &o->fail_below) == 0)
			o->fail_below_arg = NULL;
		else if (arg[0] == '\0' || strchr("0123456789+-.", arg[0]))
			return cli_usage_msg(cmd, RS_MSG_CLI_FAIL_BELOW, arg,
			    "", "");
		return 0;
	case CLI_OPT_BASELINE:
		o->baseline = arg;
		return cli_file_arg(cmd, "--baseline", arg);
	case CLI_OPT_FAIL_ON_DROP:
		if (parse_points(arg, &o->fail_on_drop) != 0)
			return cli_usage_msg(cmd, RS_MSG_CLI_FAIL_ON_DROP, arg,
			    "", "");
		return 0;
	case CLI_OPT_QUIET:
		o->quiet = 1;
		return 0;
	case CLI_OPT_MAX_AGE:
		if (cli_parse_max_age(cmd, arg, &o->in.max_age) != 0)
			return EXIT_USAGE;
		o->in.has_max_age = 1;
		return 0;
	case CLI_OPT_CITIES:
		o->in.cities = arg;
		return 0;
	case CLI_OPT_DETAILS:
		o->details = 1;
		return 0;
	case CLI_OPT_FAIL_ON_MISSING:
		o->fail_on_missing = 1;
		return 0;
	case CLI_OPT_MIN_COVERAGE: {
		const char *why;

		if (rs_number_parse(arg, strlen(arg), &o->in.min_coverage,
		    &why) != RS_NUMBER_OK || !(o->in.min_coverage > 0 &&
		    o->in.min_coverage <= 1))
			return cli_usage_msg(cmd, RS_MSG_CLI_MIN_COVERAGE, arg,
			    "", "");
		o->in.has_min_coverage = 1;
		return 0;
	}
	case CLI_OPT_ALLOW_INDICATIVE:
		o->allow_indicative = 1;
		return 0;
	case CLI_OPT_COLOR:
		if (arg == NULL || strcmp(arg, "always") == 0)
			o->color = CLI_COLOR_ALWAYS;
		else if (strcmp(arg, "auto") == 0)
			o->color = CLI_COLOR_AUTO;
		else if (strcmp(arg, "never") == 0)
			o->color = CLI_COLOR_NEVER;
		else
			return cli_usage_msg(cmd, RS_MSG_CLI_COLOR, arg, "",
			    "");
		return 0;
	case CLI_OPT_FROM:
	case CLI_OPT_TO:
	case CLI_OPT_BEFORE:
	case CLI_OPT_SHOCK:
	case CLI_OPT_AFTER: {
		static const char *const names[] = {"--from", "--to",
		    "--before", "--shock", "--after"};
		uint64_t u;
		long y;
		int k = c - CLI_OPT_FROM;

		if (rs_uint_parse(arg, strlen(arg), 1, 9999, &u) != 0)
			return cli_usage_msg(cmd, RS_MSG_CLI_YEAR_RANGE,
			    names[k], arg, "");
		y = (long)u;
		if (c == CLI_OPT_FROM) {
			o->has_from = 1;
			o->from = y;
		} else if (c == CLI_OPT_TO) {
			o->has_to = 1;
			o->to = y;
		} else {
			o->has_moment[k - 2] = 1;
			o->moment[k - 2] = y;
		}
		return 0;
	}
	case CLI_OPT_REFERENCE:
		o->reference = arg;
		return 0;
	case CLI_OPT_DEPTH:
		return parse_count(cmd, "--depth", arg, 1, 0, &o->depth);
	case CLI_OPT_LEVERS:
		if (rs_levers_parse(arg, &o->levers) != 0)
			return cli_usage_msg(cmd, RS_MSG_CLI_LEVERS, arg, "",
			    "");
		return 0;
	case CLI_OPT_BY:
		if (strcmp(arg, "indicator") == 0)
			o->by_node = 0;
		else if (strcmp(arg, "node") == 0)
			o->by_node = 1;
		else
			return cli_usage_msg(cmd, RS_MSG_CLI_BY, arg, "", "");
		return 0;
	default: {
		char num[16];

		snprintf(num, sizeof(num), "%d", c);
		return cli_usage_msg(cmd, RS_MSG_CLI_INTERNAL_OPTION, num, "",
		    "");
	}
	}
}

int
cli_report_parse(const char *cmd, const char *usage,
    const struct option *options, int argc, char **argv,
    struct cli_report_opts *o, int *first)
{
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:q", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage, stdout);
			return 0;
		case 'o':
			c = CLI_OPT_OUTPUT;
			break;
		case 'q':
			c = CLI_OPT_QUIET;
			break;
		case ':':
			return cli_usage_msg(cmd, RS_MSG_CLI_NEEDS_VALUE,
			    argv[optind - 1], "", "");
		case '?':
			return cli_bad_option(cmd, argv, optopt);
		default:
			break;
		}
		if (cli_report_option(cmd, o, c, optarg) != 0)
			return EXIT_USAGE;
	}
	*first = optind;
	return -1;
}

/* Resolve --fail-below LEVEL against the loaded framework. */
static int
resolve_level(struct cli_report_opts *o, const struct rs_framework *fw,
    struct rs_error *err)
{
	char ids[400] = "";
	size_t i, n = 0;

	if (o->fail_below_arg == NULL)
		return 0;
	for (i = 0; i < fw->nlevels; i++) {
		if (strcmp(fw->levels[i].id, o->fail_below_arg) == 0) {
			o->fail_below = fw->levels[i].min;
			return 0;
		}
		n += (size_t)snprintf(ids + n, n < sizeof(ids) ?
		    sizeof(ids) - n : 0, "%s%s", i > 0 ? ", " : "",
		    fw->levels[i].id);
		if (n >= sizeof(ids))
			n = sizeof(ids) - 1;
	}
	return cli_error(err, RS_EUSAGE, "", 0, 0, RS_MSG_CLI_FAIL_BELOW_LEVEL,
	    CLI_ARGS(o->fail_below_arg, fw->id, ids));
}

/*
 * The decimals, from 2, that show a and b apart, so that a message never
 * says that 60.00 is below 60.00.
 */
static int
decimals_apart(double a, double b)
{
	char x[400], y[400];
	int p;

	for (p = 2; p < 17; p++) {
		snprintf(x, sizeof(x), "%.*f", p, a);
		snprintf(y, sizeof(y), "%.*f", p, b);
		if (strcmp(x, y) != 0)
			break;
	}
	return p;
}

/*
 * The like-for-like gate of city i (docs/cli.md, "--fail-on-drop"), name
 * escaped for the log.
 */
static int
drop_gate(const struct cli_report_opts *o, const struct cli_run *run,
    const struct rs_baseline *base, const struct rs_change *ch, size_t i,
    const char *name)
{
	size_t k = ch->base_city[i];
	double s = run->res.cities[i].score, then, like, total;
	char a[400], b[400], c[400], d[400];
	int p;

	if (k == RS_NONE || isnan(then = base->score[k]))
		return 0;
	if (isnan(s)) {
		cli_notice(NULL, RS_MSG_CLI_GATE_LOST, CLI_ARGS(name,
		    rs_fmt_fixed(a, sizeof(a), then, 2)));
		return 1;
	}
	if (!ch->refused && !base->has_values[k]) {
		/* A baseline without values: only the total change. */
		if (!(then - s > o->fail_on_drop))
			return 0;
		p = decimals_apart(then - s, o->fail_on_drop);
		cli_notice(NULL, RS_MSG_CLI_GATE_DROPPED, CLI_ARGS(name,
		    rs_fmt_fixed(a, sizeof(a), then - s, p), rs_fmt_fixed(b,
		    sizeof(b), then, 2), rs_fmt_fixed(c, sizeof(c), s, 2),
		    rs_fmt_fixed(d, sizeof(d), o->fail_on_drop, p)));
		return 1;
	}
	if (ch->refused) {
		cli_notice(NULL, RS_MSG_CLI_GATE_VERSION, CLI_ARGS(name,
		    base->version, run->in.fw.version));
		return 1;
	}
	like = rs_change_like_of(ch, i, RS_NONE);
	total = rs_change_total(ch, i, RS_NONE);
	if (isnan(like)) {
		snprintf(a, sizeof(a), "%zu", ch->common[i]);
		cli_notice(NULL, RS_MSG_CLI_GATE_NO_LIKE, CLI_ARGS(name, a));
		return 1;
	}
	if (!(-like > o->fail_on_drop))
		return 0;
	p = decimals_apart(-like, o->fail_on_drop);
	snprintf(b, sizeof(b), "%zu", ch->common[i]);
	snprintf(c, sizeof(c), "%+.2f", total);
	cli_notice(NULL, RS_MSG_CLI_GATE_DROPPED_LIKE, CLI_ARGS(name,
	    rs_fmt_fixed(a, sizeof(a), -like, p), b, c, rs_fmt_fixed(d,
	    sizeof(d), o->fail_on_drop, p)));
	return 1;
}

/*
 * The gates of docs/cli.md, "Exit status": one line on stderr per city
 * that fails one; returns EXIT_GATE when any does, else 0.
 */
static int
check_gates(const struct cli_report_opts *o, const struct cli_run *run,
    const struct rs_baseline *base, const struct rs_change *ch)
{
	const struct rs_results *res = &run->res;
	size_t i, k;
	int failed = 0, p;
	double s;
	char a[400], b[400];

	if (!isnan(o->fail_below) && res->ncities == 0) {
		cli_notice(NULL, RS_MSG_CLI_GATE_NO_CITY, CLI_NOARGS);
		failed = 1;
	}
	for (i = 0; i < res->ncities; i++) {
		/* a log shows the name as a terminal would (text.h) */
		char *name = rs_text_escape_dup(res->cities[i].name,
		    strlen(res->cities[i].name));

		s = res->cities[i].score;
		if (!isnan(o->fail_below) && !isnan(s) &&
		    res->cities[i].indicative && !o->allow_indicative) {
			cli_notice(NULL, RS_MSG_CLI_GATE_INDICATIVE,
			    CLI_ARGS(name));
			failed = 1;
		} else if (!isnan(o->fail_below) && isnan(s)) {
			cli_notice(NULL, RS_MSG_CLI_GATE_NO_SCORE,
			    CLI_ARGS(name, rs_fmt_fixed(a, sizeof(a),
			    o->fail_below, 2)));
			failed = 1;
		} else if (!isnan(o->fail_below) && s < o->fail_below) {
			p = decimals_apart(s, o->fail_below);
			cli_notice(NULL, RS_MSG_CLI_GATE_BELOW, CLI_ARGS(name,
			    rs_fmt_fixed(a, sizeof(a), s, p), rs_fmt_fixed(b,
			    sizeof(b), o->fail_below, p)));
			failed = 1;
		}
		if (!isnan(o->fail_on_drop) && base != NULL &&
		    drop_gate(o, run, base, ch, i, name))
			failed = 1;
		free(name);
	}
	/* docs/cli.md, "--fail-on-missing": matched by id, not by name */
	for (k = 0; base != NULL && k < ch->nmissing; k++) {
		size_t bi = ch->missing[k];
		char *name, *id;

		if (!o->fail_on_missing)
			continue;	/* the reports list it as missing */
		name = rs_text_escape_dup(base->cities[bi],
		    strlen(base->cities[bi]));
		id = rs_text_escape_dup(base->ids[bi], strlen(base->ids[bi]));
		cli_notice(NULL, RS_MSG_CLI_GATE_MISSING, CLI_ARGS(name, id));
		free(name);
		free(id);
		failed = 1;
	}
	return failed ? EXIT_GATE : 0;
}

/*
 * Every heading of the notes file names a city of the run and a node of
 * the framework; else a located RS_EINPUT.
 */
static int
check_notes(const struct rs_notes *notes, const struct cli_run *run,
    struct rs_error *err)
{
	const struct rs_note *n;
	size_t k, ci;

	for (k = 0; k < notes->nnotes; k++) {
		n = &notes->notes[k];
		for (ci = 0; ci < run->res.ncities; ci++)
			if ((run->ids != NULL && strcmp(run->ids[ci],
			    n->city) == 0) || (ci < run->in.ds.ncities &&
			    strcmp(run->in.ds.cities[ci].name, n->city) == 0))
				break;
		if (n->node == NULL && ci == run->res.ncities)
			return cli_error(err, RS_EINPUT, notes->path,
			    n->line, n->col, RS_MSG_CLI_NOTES_NO_CITY,
			    CLI_ARGS(n->city));
		if (n->node != NULL && rs_framework_find(&run->in.fw,
		    n->node, strlen(n->node)) == RS_NONE)
			return cli_error(err, RS_EINPUT, notes->path,
			    n->line, n->col, RS_MSG_CLI_NOTES_NO_NODE,
			    CLI_ARGS(n->node));
	}
	return 0;
}

int
cli_notes_load(struct rs_notes *notes, const char *path,
    const struct cli_run *run, struct rs_error *err)
{
	int rc;

	if ((rc = rs_notes_read(notes, path, err)) != 0)
		return rc;
	return check_notes(notes, run, err);
}

int
cli_pdf_needs_output(const char *cmd, const struct cli_report_opts *o)
{
	if (!o->pdf || (o->output != NULL && strcmp(o->output, "-") != 0))
		return 0;
	cli_usage_msgv(cmd, RS_MSG_CLI_PDF_OUTPUT, CLI_NOARGS);
	return 1;
}

/* What the PDF's page is made from. */
struct pdf_page {
	const struct rs_report *report;
	enum rs_report_view view;
};

static int
write_page(FILE *out, void *ctx, struct rs_error *err)
{
	const struct pdf_page *p = ctx;

	return rs_report_write(out, p->report, p->view, RS_FORMAT_HTML, err);
}

int
cli_report_run(const char *cmd, enum rs_report_view view,
    struct cli_report_opts *o, char **files, int nfiles)
{
	struct cli_run run;
	struct rs_baseline base;
	struct rs_change change = {0};
	size_t ci;
	struct rs_report report = {0};
	struct rs_error err = {0};
	struct cli_stream s;
	struct rs_notes notes = {0};
	int rc, to_file = o->output != NULL && strcmp(o->output, "-") != 0;

	if (nfiles < 1)
		return cli_usage_msg(cmd, RS_MSG_CLI_NO_FILE, "", "", "");
	if (cli_pdf_needs_output(cmd, o))
		return EXIT_USAGE;
	if (!isnan(o->fail_on_drop) && o->baseline == NULL)
		return cli_usage_msg(cmd, RS_MSG_CLI_NEEDS_BASELINE,
		    "--fail-on-drop", "", "");
	if (o->fail_on_missing && o->baseline == NULL)
		return cli_usage_msg(cmd, RS_MSG_CLI_NEEDS_BASELINE,
		    "--fail-on-missing", "", "");
	o->in.files = files;
	o->in.nfiles = nfiles;
	if (cli_check_inputs(&o->in, o->baseline, &err) != 0)
		return cli_fail(&err);
	if (to_file && o->baseline != NULL && (strcmp(o->baseline,
	    o->output) == 0 || rs_output_same_file(o->baseline, o->output)))
		return cli_usage_msg(cmd, RS_MSG_CLI_OUTPUT_IS_BASELINE,
		    o->output, "", "");
	/*
	 * Reports that make one city whole at a time keep only each city's
	 * score, coverage, level and rank (docs/performance.md).
	 */
	o->in.light = view == RS_VIEW_SCORE && (o->format == RS_FORMAT_CSV ||
	    o->format == RS_FORMAT_TEXT || o->format == RS_FORMAT_JSON) &&
	    !o->in.has_min_coverage;
	o->in.in_place = 1;
	rs_baseline_init(&base);
	if ((rc = cli_run_load(&run, &o->in, &err)) != 0 ||
	    (rc = resolve_level(o, &run.in.fw, &err)) != 0)
		goto out;
	if (o->baseline != NULL && (rc = rs_baseline_load_file(&base,
	    &run.in.fw, o->baseline, &err)) != 0)
		goto out;
	if (o->notes != NULL && (rc = cli_notes_load(&notes, o->notes, &run,
	    &err)) != 0)
		goto out;
	if (o->baseline != NULL)
		rs_change_compute(&change, &run.in.fw, &run.res,
		    run.ids != NULL ? run.ids : run.names, run.values, &base);
	report.fw = &run.in.fw;
	report.res = &run.res;
	report.ds = &run.in.ds;
	report.chosen = run.chosen;
	report.in_place = run.chosen == NULL;
	report.lang = o->lang;
	report.top = o->top;
	report.depth = o->depth;
	report.by_node = o->by_node;
	/* The priorities act on the levers allowed (docs/planning.md). */
	if (view == RS_VIEW_PRIORITIES) {
		report.levers = o->levers != 0 ? o->levers :
		    RS_LEVERS_ACTIONABLE;
		for (ci = 0; ci < run.res.ncities; ci++)
			rs_actionable_restrict(&run.in.fw, report.levers,
			    &run.res.cities[ci]);
	}
	report.base = o->baseline != NULL ? &base : NULL;
	report.change = o->baseline != NULL ? &change : NULL;
	report.ids = run.ids;
	report.stale = run.stale;
	report.has_max_age = o->in.has_max_age;
	report.max_age = o->in.max_age;
	report.year = run.year;
	report.details = o->details;
	report.title = o->title;
	report.author = o->author;
	report.date = o->date;
	report.notes = o->notes != NULL ? &notes : NULL;
	report.framework_coverage = o->in.has_min_coverage ?
	    run.framework_coverage : (double)NAN;
	report.color = o->format == RS_FORMAT_TEXT &&
	    cli_color(o->color, to_file);
	/*
	 * Written as it is made: a CSV report of 100,000 cities is twenty
	 * times its input.  Everything that can be refused was checked
	 * above; a file is still replaced whole or not at all.
	 */
	if (!to_file && o->quiet)
		goto out;
	if (o->pdf) {
		struct pdf_page page = {&report, view};

		rc = cli_pdf_write(o->output, o->lang, write_page, &page,
		    &o->in, &err);
		goto out;
	}
	if (o->format == RS_FORMAT_XLSX && !to_file &&
	    isatty(STDOUT_FILENO)) {
		rc = cli_error(&err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_XLSX_TERMINAL, CLI_NOARGS);
		goto out;
	}
	if ((rc = cli_stream_open(&s, to_file ? o->output : NULL, &o->in,
	    &err)) != 0)
		goto out;
	rc = rs_report_write(s.fp, &report, view, o->format, &err);
	rc = cli_stream_close(&s, rc, &err);
out:
	if (rc == 0)
		rc = check_gates(o, &run, report.base, &change);
	else
		rc = cli_fail(&err);
	rs_change_release(&change);
	rs_baseline_release(&base);
	rs_notes_release(&notes);
	cli_run_release(&run);
	return rc;
}
