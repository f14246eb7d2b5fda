/*
 * report_pipeline.c - pipeline results and analyses as CSV tables, through
 * the one CSV writer (csv_writer.h) and the 17-digit numbers of fmt.h
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/mem.h"
#include "io/csv_writer.h"
#include "resilience/report_pipeline.h"

static const char *const step_names[] = {
	[RS_STEP_RAW] = "raw",
	[RS_STEP_DENOMINATED] = "denominated",
	[RS_STEP_IMPUTED] = "imputed",
	[RS_STEP_SCREENED] = "screened",
	[RS_STEP_TREATED] = "treated",
	[RS_STEP_NORMALISED] = "normalised",
	[RS_STEP_AGGREGATED] = "aggregated",
	[RS_STEP_RANKS] = "ranks",
	[RS_STEP_SCREENING] = "screening",
	[RS_STEP_TREATMENT] = "treatment",
	[RS_STEP_POINTS] = "points",
};

int
rs_step_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(step_names) / sizeof(*step_names); i++)
		if (strcmp(s, step_names[i]) == 0)
			return (int)i;
	return -1;
}

/* A number in COINr's layout: 17 digits, Inf, empty for NaN. */
static void
put_num(struct rs_csv *w, double v)
{
	char buf[64];

	rs_csv_bare(w, rs_fmt_17(buf, sizeof(buf), v));
}

static void
put_bool(struct rs_csv *w, int v)
{
	rs_csv_bare(w, v ? "TRUE" : "FALSE");
}

/* A count, or an empty field when skip (no rank). */
static void
put_count(struct rs_csv *w, long v, int skip)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	rs_csv_bare(w, skip ? "" : buf);
}

/* n empty fields. */
static void
put_empty(struct rs_csv *w, size_t n)
{
	while (n-- > 0)
		rs_csv_bare(w, "");
}

static int
finish(FILE *out, struct rs_error *err)
{
	if (ferror(out))
		return rs_error_io(err, errno ? errno : EIO, "", "cannot "
		    "write the report");
	return 0;
}

/* The nodes in output order: indicators, then each level upwards. */
static size_t *
column_order(const struct rs_framework *fw, int aggregates, size_t *n)
{
	size_t *o = rs_malloc((fw->nnodes + 1) * sizeof(size_t)), i;
	int lv, maxlv = 1;

	*n = 0;
	for (i = 0; i < fw->nnodes; i++)
		if (rs_node_level(fw, i) > maxlv)
			maxlv = rs_node_level(fw, i);
	for (lv = 1; lv <= (aggregates ? maxlv : 1); lv++)
		for (i = 0; i < fw->nnodes; i++)
			if (rs_node_level(fw, i) == lv)
				o[(*n)++] = i;
	return o;
}

static void
header(struct rs_csv *w, const struct rs_framework *fw, const size_t *cols,
    size_t n, int index)
{
	size_t k;

	rs_csv_text(w, "uCode");
	for (k = 0; k < n; k++)
		rs_csv_text(w, fw->nodes[cols[k]].id);
	if (index)
		rs_csv_text(w, fw->id);
	rs_csv_end(w);
}

static int
matrix(FILE *out, const struct rs_pipeline_result *r, int step,
    struct rs_error *err)
{
	const struct rs_framework *fw = r->fw;
	int agg = step == RS_STEP_AGGREGATED || step == RS_STEP_RANKS;
	int before = step <= RS_STEP_IMPUTED;
	int index = agg && fw->ntop > 1;
	size_t n, *cols = column_order(fw, agg, &n), i, k, row;
	const double *m = NULL;
	struct rs_csv w;

	rs_csv_init(&w, out);
	switch (step) {
	case RS_STEP_RAW:
		m = r->raw;
		break;
	case RS_STEP_DENOMINATED:
		m = r->denominated;
		break;
	case RS_STEP_IMPUTED:
	case RS_STEP_SCREENED:
		m = r->imputed;
		break;
	case RS_STEP_TREATED:
		m = r->treated;
		break;
	case RS_STEP_NORMALISED:
		m = r->normalised;
		break;
	default:
		break;
	}
	header(&w, fw, cols, n, index);
	for (i = 0; i < (before ? r->nrows : r->nunits); i++) {
		row = before ? i : r->kept[i];
		rs_csv_text(&w, r->unit[row]);
		for (k = 0; k < n; k++) {
			size_t node = cols[k];

			if (step == RS_STEP_RANKS) {
				long rk = r->ranks[i * fw->nnodes + node];

				put_count(&w, rk, rk <= 0);
			} else if (agg) {
				put_num(&w, r->scores[i * fw->nnodes + node]);
			} else if (m != NULL) {
				size_t ind = fw->nodes[node].indicator;

				/* treated and normalised have kept rows */
				put_num(&w, m[(step == RS_STEP_TREATED ||
				    step == RS_STEP_NORMALISED ? i : row) *
				    r->nind + ind]);
			} else {
				put_empty(&w, 1);
			}
		}
		if (index && step == RS_STEP_RANKS)
			put_count(&w, r->index_rank[i], r->index_rank[i] <= 0);
		else if (index)
			put_num(&w, r->index[i]);
		rs_csv_end(&w);
	}
	free(cols);
	return finish(out, err);
}

/* A header of fixed column names, quoted as COINr writes them. */
static void
fixed_header(struct rs_csv *w, const char *const *cols)
{
	for (; *cols != NULL; cols++)
		rs_csv_text(w, *cols);
	rs_csv_end(w);
}

static int
screening(FILE *out, const struct rs_pipeline_result *r,
    struct rs_error *err)
{
	static const char *const cols[] = {"uCode", "N_missing", "N_zero",
	    "Dat_Avail", "Non_Zero", "Included", NULL};
	struct rs_csv w;
	size_t i;
	double nind = (double)r->nind;

	rs_csv_init(&w, out);
	fixed_header(&w, cols);
	for (i = 0; i < r->nrows; i++) {
		rs_csv_text(&w, r->unit[i]);
		put_count(&w, (long)r->nmissing[i], 0);
		put_count(&w, (long)r->nzero[i], 0);
		put_num(&w, 1 - (double)r->nmissing[i] / nind);
		put_num(&w, 1 - (double)r->nzero[i] / nind);
		put_bool(&w, r->included[i]);
		rs_csv_end(&w);
	}
	return finish(out, err);
}

/* A check's pass, skew and kurtosis, or three empty fields. */
static void
put_check(struct rs_csv *w, int done, int pass, double skew, double kurt)
{
	if (!done) {
		put_empty(w, 3);
		return;
	}
	put_bool(w, pass);
	put_num(w, skew);
	put_num(w, kurt);
}

static int
treatment(FILE *out, const struct rs_pipeline_result *r,
    struct rs_error *err)
{
	static const char *const cols[] = {"iCode", "Pass0", "Skew0", "Kurt0",
	    "NWin", "Pass1", "Skew1", "Kurt1", "Log", "Pass2", "Skew2",
	    "Kurt2", NULL};
	const struct rs_framework *fw = r->fw;
	struct rs_csv w;
	size_t k;

	rs_csv_init(&w, out);
	fixed_header(&w, cols);
	for (k = 0; k < r->nind; k++) {
		const struct rs_treat_info *t = &r->treat[k];

		rs_csv_text(&w, fw->nodes[fw->indicators[k]].id);
		put_check(&w, !t->skipped, t->pass0, t->skew0, t->kurt0);
		if (t->winsorised)
			put_count(&w, t->nwin, 0);
		else
			put_empty(&w, 1);
		put_check(&w, t->winsorised, t->pass1, t->skew1, t->kurt1);
		if (t->logged)
			put_bool(&w, 1);
		else
			put_empty(&w, 1);
		put_check(&w, t->logged, t->pass2, t->skew2, t->kurt2);
		rs_csv_end(&w);
	}
	return finish(out, err);
}

static int
points(FILE *out, const struct rs_pipeline_result *r, struct rs_error *err)
{
	static const char *const names[] = {"", "winhi", "winlo", "log"};
	const struct rs_framework *fw = r->fw;
	size_t n, *cols = column_order(fw, 0, &n), i, k;
	struct rs_csv w;

	rs_csv_init(&w, out);
	header(&w, fw, cols, n, 0);
	for (i = 0; i < r->nunits; i++) {
		rs_csv_text(&w, r->unit[r->kept[i]]);
		for (k = 0; k < n; k++)
			rs_csv_text(&w, names[r->points[i * r->nind +
			    fw->nodes[cols[k]].indicator]]);
		rs_csv_end(&w);
	}
	free(cols);
	return finish(out, err);
}

int
rs_report_step_csv(FILE *out, const struct rs_pipeline_result *r, int step,
    struct rs_error *err)
{
	switch (step) {
	case RS_STEP_SCREENING:
		return screening(out, r, err);
	case RS_STEP_TREATMENT:
		return treatment(out, r, err);
	case RS_STEP_POINTS:
		return points(out, r, err);
	default:
		return matrix(out, r, step, err);
	}
}

int
rs_report_stats_csv(FILE *out, const struct rs_framework *fw,
    const double *m, size_t nrows, const struct rs_stats_flags *f,
    struct rs_error *err)
{
	static const char *const head[] = {"iCode", "Min", "Max", "Mean",
	    "Median", "Std", "Skew", "Kurt", "N.Avail", "N.NonZero",
	    "N.Unique", "N.Same", "Frc.Avail", "Frc.NonZero", "Frc.Unique",
	    "Frc.Same", "Flag.Avail", "Flag.NonZero", "Flag.Unique",
	    "Flag.SkewKurt", NULL};
	struct rs_stats st;
	struct rs_csv w;
	size_t n, *cols = column_order(fw, 0, &n), k;

	rs_csv_init(&w, out);
	fixed_header(&w, head);
	for (k = 0; k < n; k++) {
		size_t ind = fw->nodes[cols[k]].indicator;

		rs_stats_column(m + ind, nrows, fw->nindicators, f, &st);
		rs_csv_text(&w, fw->nodes[cols[k]].id);
		put_num(&w, st.min);
		put_num(&w, st.max);
		put_num(&w, st.mean);
		put_num(&w, st.median);
		put_num(&w, st.sd);
		put_num(&w, st.skew);
		put_num(&w, st.kurt);
		put_count(&w, (long)st.navail, 0);
		put_count(&w, (long)st.nnonzero, 0);
		put_count(&w, (long)st.nunique, 0);
		put_count(&w, (long)st.nsame, 0);
		put_num(&w, st.frc_avail);
		put_num(&w, st.frc_nonzero);
		put_num(&w, st.frc_unique);
		put_num(&w, st.frc_same);
		rs_csv_text(&w, st.low_avail ? "LOW" : "ok");
		rs_csv_text(&w, st.low_nonzero ? "LOW" : "ok");
		rs_csv_text(&w, st.low_unique ? "LOW" : "ok");
		rs_csv_text(&w, st.outlier ? "OUT" : "ok");
		rs_csv_end(&w);
	}
	free(cols);
	return finish(out, err);
}

int
rs_report_corr_csv(FILE *out, const struct rs_pipeline_result *r, int a,
    int b, double pmax, struct rs_error *err)
{
	const struct rs_framework *fw = r->fw;
	size_t n, *cols = column_order(fw, 1, &n), i, j, nn = fw->nnodes;
	struct rs_csv w;
	double p, c;

	rs_csv_init(&w, out);
	rs_csv_text(&w, "iCode");
	for (j = 0; j < n; j++)
		if (rs_node_level(fw, cols[j]) == b)
			rs_csv_text(&w, fw->nodes[cols[j]].id);
	rs_csv_end(&w);
	for (i = 0; i < n; i++) {
		if (rs_node_level(fw, cols[i]) != a)
			continue;
		rs_csv_text(&w, fw->nodes[cols[i]].id);
		for (j = 0; j < n; j++) {
			if (rs_node_level(fw, cols[j]) != b)
				continue;
			c = rs_stats_pearson(r->scores + cols[i], nn,
			    r->scores + cols[j], nn, r->nunits, &p);
			if (!(p <= pmax))
				c = (double)NAN;
			put_num(&w, c);
		}
		rs_csv_end(&w);
	}
	free(cols);
	return finish(out, err);
}

int
rs_report_weights_csv(FILE *out, const struct rs_framework *fw,
    struct rs_error *err)
{
	static const char *const head[] = {"iCode", "Level", "Weight",
	    "EffWeight", NULL};
	size_t n, *cols = column_order(fw, 1, &n), k;
	double *w = rs_malloc((fw->nnodes + 1) * sizeof(double));
	struct rs_csv c;

	rs_stats_effective_weights(fw, w);
	rs_csv_init(&c, out);
	fixed_header(&c, head);
	for (k = 0; k < n; k++) {
		rs_csv_text(&c, fw->nodes[cols[k]].id);
		put_count(&c, rs_node_level(fw, cols[k]), 0);
		put_num(&c, fw->nodes[cols[k]].weight);
		put_num(&c, w[cols[k]]);
		rs_csv_end(&c);
	}
	free(w);
	free(cols);
	return finish(out, err);
}
