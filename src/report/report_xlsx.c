/*
 * report_xlsx.c - the .xlsx reports of score and compare: a sheet of
 * scores, a row per city and node, and a sheet of evidence, a row per
 * value used, with its unit, year and source (docs/cli.md, "Formats")
 *
 * Through the one .xlsx writer (io/xlsx_writer.h); the workbook's bytes go
 * to out as the other reports' do, and are the same for the same inputs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "io/xlsx_writer.h"
#include "report/report_priv.h"

static void
header(struct rs_xlsx *x, const char *lang, const enum rs_msg *cols,
    size_t n, const double *widths)
{
	size_t i;

	for (i = 0; i < n; i++) {
		rs_xlsx_text(x, 0, i, rs_i18n(lang, cols[i]), RS_XLSX_HEADER);
		rs_xlsx_width(x, i, widths[i]);
	}
	rs_xlsx_freeze(x, 1, 0);
}

/* The scores sheet: the city's row, then every node in pre-order. */
static void
scores_sheet(struct rs_xlsx *x, const struct rs_report *r)
{
	static const enum rs_msg cols[] = {
		RS_MSG_CITY, RS_MSG_ID, RS_MSG_NAME, RS_MSG_SCORE,
		RS_MSG_LEVEL, RS_MSG_COVERAGE, RS_MSG_RANK,
	};
	static const double widths[] = {18, 11, 44, 9, 16, 10, 7};
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c;
	size_t ci, i, row = 1, n = sizeof(cols) / sizeof(*cols);
	double score;

	rs_xlsx_sheet(x, rs_i18n(r->lang, RS_MSG_SCORES),
	    rs_i18n_rtl(r->lang));
	header(x, r->lang, cols, n, widths);
	for (ci = 0; ci < r->res->ncities; ci++) {
		c = rs_results_city(r->res, ci);
		rs_xlsx_text(x, row, 0, c->name, RS_XLSX_HEADER);
		rs_xlsx_text(x, row, 2, rs_i18n(r->lang, RS_MSG_CITY_SCORE),
		    RS_XLSX_HEADER);
		rs_xlsx_number(x, row, 3, c->score, RS_XLSX_HEADER);
		rs_xlsx_text(x, row, 4, rs_level_word(r, c->score),
		    RS_XLSX_HEADER);
		rs_xlsx_number(x, row, 5, c->coverage, RS_XLSX_HEADER);
		if (c->rank > 0)
			rs_xlsx_number(x, row, 6, (double)c->rank,
			    RS_XLSX_HEADER);
		row++;
		for (i = 0; i < fw->nnodes; i++, row++) {
			score = c->score_of[i];
			rs_xlsx_text(x, row, 0, c->name, RS_XLSX_PLAIN);
			rs_xlsx_text(x, row, 1, fw->nodes[i].id,
			    RS_XLSX_PLAIN);
			rs_xlsx_text(x, row, 2, rs_node_label(r, i),
			    RS_XLSX_PLAIN);
			rs_xlsx_number(x, row, 3, score, RS_XLSX_PLAIN);
			rs_xlsx_text(x, row, 4, rs_level_word(r, score),
			    RS_XLSX_PLAIN);
			rs_xlsx_number(x, row, 5, c->coverage_of[i],
			    RS_XLSX_PLAIN);
		}
	}
}

/* The evidence sheet: each value a city's score uses. */
static void
evidence_sheet(struct rs_xlsx *x, const struct rs_report *r)
{
	static const enum rs_msg cols[] = {
		RS_MSG_CITY, RS_MSG_ID, RS_MSG_INDICATOR, RS_MSG_VALUE,
		RS_MSG_UNIT, RS_MSG_YEAR, RS_MSG_SOURCE, RS_MSG_NOTE,
	};
	static const double widths[] = {18, 11, 44, 10, 14, 7, 50, 40};
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c;
	const struct rs_obs *o;
	const struct rs_node *node;
	size_t ci, i, row = 1, n = sizeof(cols) / sizeof(*cols);

	rs_xlsx_sheet(x, rs_i18n(r->lang, RS_MSG_EVIDENCE),
	    rs_i18n_rtl(r->lang));
	header(x, r->lang, cols, n, widths);
	for (ci = 0; ci < r->res->ncities; ci++) {
		c = rs_results_city(r->res, ci);
		for (i = 0; i < fw->nindicators; i++) {
			size_t k = fw->indicators[i];

			if (isnan(c->value[k]))
				continue;
			node = &fw->nodes[k];
			o = rs_value_obs(r, ci, k);
			rs_xlsx_text(x, row, 0, c->name, RS_XLSX_PLAIN);
			rs_xlsx_text(x, row, 1, node->id, RS_XLSX_PLAIN);
			rs_xlsx_text(x, row, 2, rs_node_label(r, k),
			    RS_XLSX_PLAIN);
			rs_xlsx_number(x, row, 3, c->value[k], RS_XLSX_PLAIN);
			rs_xlsx_text(x, row, 4, rs_node_unit(node, r->lang),
			    RS_XLSX_PLAIN);
			if (o != NULL && o->has_year)
				rs_xlsx_number(x, row, 5, (double)o->year,
				    RS_XLSX_PLAIN);
			if (o != NULL && r->ds != NULL) {
				rs_xlsx_text(x, row, 6, rs_obs_extra(r->ds, o,
				    "source"), RS_XLSX_PLAIN);
				rs_xlsx_text(x, row, 7, rs_obs_extra(r->ds, o,
				    "note"), RS_XLSX_PLAIN);
			}
			row++;
		}
	}
}

int
rs_report_xlsx(FILE *out, const struct rs_report *r, struct rs_error *err)
{
	struct rs_xlsx *x;
	char *buf = NULL;
	size_t len = 0;
	int rc;

	if ((x = rs_xlsx_new(err)) == NULL)
		return err->code;
	scores_sheet(x, r);
	evidence_sheet(x, r);
	if ((rc = rs_xlsx_close(x, 0, &buf, &len, err)) == 0 &&
	    fwrite(buf, 1, len, out) != len)
		rc = rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the report");
	free(buf);
	return rc;
}
