/*
 * timeline_cmd.c - what resilience trend and resilience shock share:
 * loading, the years, the report
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/mem.h"
#include "resilience/load.h"
#include "resilience/timeline.h"

/* trend: the years from --from to --to, by default the data's span. */
static int
trend_years(const struct cli_report_opts *o, const struct rs_dataset *ds,
    long *from, long *to, struct rs_error *err)
{
	long first, last = rs_dataset_last_year(ds, &first);
	char a[24], b[24];

	if ((!o->has_from || !o->has_to) && last == 0)
		return cli_error(err, RS_EUSAGE, "", 0, 0, RS_MSG_CLI_NO_YEAR,
		    CLI_NOARGS);
	*from = o->has_from ? o->from : first;
	*to = o->has_to ? o->to : last;
	snprintf(a, sizeof(a), "%ld", *from);
	snprintf(b, sizeof(b), "%ld", *to);
	if (*from > *to)
		return cli_error(err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_FROM_AFTER_TO, CLI_ARGS(a, b));
	return 0;
}

/*
 * shock: the years from --before, --shock and --after, else from the
 * framework's "shock" section; the series and the reference row.
 */
static int
shock_spec(const struct cli_report_opts *o, const struct rs_inputs *in,
    struct rs_shock_spec *sp, struct rs_error *err)
{
	static const char *const opt[] = {"--before", "--shock", "--after"};
	const struct rs_shock_section *sec = in->fw.shock;
	const char *ref = o->reference;
	char y[RS_SHOCK_MOMENTS][24];
	int t;

	memset(sp, 0, sizeof(*sp));
	sp->reference = RS_NONE;
	for (t = 0; t < RS_SHOCK_MOMENTS; t++) {
		if (o->has_moment[t])
			sp->year[t] = o->moment[t];
		else if (sec != NULL)
			sp->year[t] = t == 0 ? sec->before : t == 1 ?
			    sec->shock : sec->after;
		else
			return cli_error(err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_SHOCK_NEEDED, CLI_ARGS(opt[t]));
		snprintf(y[t], sizeof(y[t]), "%ld", sp->year[t]);
	}
	if (!(sp->year[0] < sp->year[1] && sp->year[1] < sp->year[2]))
		return cli_error(err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_SHOCK_ORDER, CLI_ARGS(y[0], y[1], y[2]));
	if (sec != NULL) {
		sp->series = sec->series;
		sp->nseries = sec->nseries;
		if (ref == NULL)
			ref = sec->reference;
	}
	if (ref != NULL) {
		sp->reference = rs_dataset_find_city(&in->ds, ref);
		if (sp->reference == RS_NONE)
			return cli_error(err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_SHOCK_REFERENCE, CLI_ARGS(ref));
	}
	return 0;
}

/* What the PDF's page is made from. */
struct timeline_page {
	const struct rs_report *report;
	enum rs_report_view view;
};

static int
write_page(FILE *out, void *ctx, struct rs_error *err)
{
	const struct timeline_page *p = ctx;

	return rs_report_write(out, p->report, p->view, RS_FORMAT_HTML, err);
}

int
cli_timeline_run(const char *cmd, enum rs_report_view view,
    struct cli_report_opts *o, char **files, int nfiles)
{
	struct rs_inputs in;
	struct rs_load_opts lo = {0};
	struct rs_timeline_opts to = {o->in.has_max_age, o->in.max_age};
	struct rs_trend trend = {0};
	struct rs_shock shock = {0};
	struct rs_shock_spec spec;
	struct rs_report report = {0};
	struct rs_error err = {0};
	struct cli_stream s;
	long from = 0, last = 0;
	int rc, to_file = o->output != NULL && strcmp(o->output, "-") != 0;

	if (nfiles < 1)
		return cli_usage_msg(cmd, RS_MSG_CLI_NO_FILE, "", "", "");
	if (cli_pdf_needs_output(cmd, o))
		return EXIT_USAGE;
	o->in.files = files;
	o->in.nfiles = nfiles;
	lo.framework = o->in.framework;
	lo.files = files;
	lo.nfiles = (size_t)nfiles;
	lo.format = o->in.format;
	lo.sheet = o->in.sheet;
	lo.cities = o->in.cities;
	memset(&in, 0, sizeof(in));
	if ((rc = rs_inputs_load(&in, &lo, &err)) != 0)
		goto out;
	if (in.table != NULL) {
		rc = cli_error(&err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_TIME_PIPELINE, CLI_ARGS(cmd));
		goto out;
	}
	if (view == RS_VIEW_TREND) {
		if ((rc = trend_years(o, &in.ds, &from, &last, &err)) != 0 ||
		    (rc = rs_trend_compute(&trend, &in.ds, from, last, &to,
		    &err)) != 0)
			goto out;
		report.trend = &trend;
	} else {
		if ((rc = shock_spec(o, &in, &spec, &err)) != 0 ||
		    (rc = rs_shock_compute(&shock, &in.ds, &spec, &to,
		    &err)) != 0)
			goto out;
		report.shock = &shock;
		report.shock_spec = &spec;
	}
	report.fw = &in.fw;
	report.ds = &in.ds;
	report.lang = o->lang;
	report.depth = o->depth;
	report.timeline = &to;
	if (!to_file && o->quiet)
		goto out;
	if (o->pdf) {
		struct timeline_page page = {&report, view};

		rc = cli_pdf_write(o->output, o->lang, write_page, &page,
		    &o->in, &err);
		goto out;
	}
	if ((rc = cli_stream_open(&s, to_file ? o->output : NULL, &o->in,
	    &err)) != 0)
		goto out;
	rc = rs_report_write(s.fp, &report, view, o->format, &err);
	rc = cli_stream_close(&s, rc, &err);
out:
	if (rc != 0)
		rc = cli_fail(&err);
	rs_trend_release(&trend);
	rs_shock_release(&shock);
	rs_inputs_release(&in);
	return rc;
}
