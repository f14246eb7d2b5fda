/*
 * report_pipeline.c - pipeline results and analyses as CSV tables
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
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

/* A quoted text field; quotes doubled. */
static void
put_text(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void
put_num(FILE *out, double v)
{
	if (isnan(v))
		return;
	if (isinf(v))
		fputs(v > 0 ? "Inf" : "-Inf", out);
	else
		fprintf(out, "%.17g", v);
}

static void
put_bool(FILE *out, int v)
{
	fputs(v ? "TRUE" : "FALSE", out);
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
header(FILE *out, const struct rs_framework *fw, const size_t *cols,
    size_t n, int index)
{
	size_t k;

	put_text(out, "uCode");
	for (k = 0; k < n; k++) {
		fputc(',', out);
		put_text(out, fw->nodes[cols[k]].id);
	}
	if (index) {
		fputc(',', out);
		put_text(out, fw->id);
	}
	fputc('\n', out);
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
	header(out, fw, cols, n, index);
	for (i = 0; i < (before ? r->nrows : r->nunits); i++) {
		row = before ? i : r->kept[i];
		put_text(out, r->unit[row]);
		for (k = 0; k < n; k++) {
			size_t node = cols[k];

			fputc(',', out);
			if (step == RS_STEP_RANKS) {
				long rk = r->ranks[i * fw->nnodes + node];

				if (rk > 0)
					fprintf(out, "%ld", rk);
			} else if (agg) {
				put_num(out, r->scores[i * fw->nnodes + node]);
			} else if (m != NULL) {
				size_t ind = fw->nodes[node].indicator;

				/* treated and normalised have kept rows */
				put_num(out, m[(step == RS_STEP_TREATED ||
				    step == RS_STEP_NORMALISED ? i : row) *
				    r->nind + ind]);
			}
		}
		if (index) {
			fputc(',', out);
			if (step == RS_STEP_RANKS) {
				if (r->index_rank[i] > 0)
					fprintf(out, "%ld", r->index_rank[i]);
			} else {
				put_num(out, r->index[i]);
			}
		}
		fputc('\n', out);
	}
	free(cols);
	return finish(out, err);
}

static int
screening(FILE *out, const struct rs_pipeline_result *r,
    struct rs_error *err)
{
	size_t i;
	double nind = (double)r->nind;

	fputs("\"uCode\",\"N_missing\",\"N_zero\",\"Dat_Avail\","
	    "\"Non_Zero\",\"Included\"\n", out);
	for (i = 0; i < r->nrows; i++) {
		put_text(out, r->unit[i]);
		fprintf(out, ",%zu,%zu,", r->nmissing[i], r->nzero[i]);
		put_num(out, 1 - (double)r->nmissing[i] / nind);
		fputc(',', out);
		put_num(out, 1 - (double)r->nzero[i] / nind);
		fputc(',', out);
		put_bool(out, r->included[i]);
		fputc('\n', out);
	}
	return finish(out, err);
}

static int
treatment(FILE *out, const struct rs_pipeline_result *r,
    struct rs_error *err)
{
	const struct rs_framework *fw = r->fw;
	size_t k;

	fputs("\"iCode\",\"Pass0\",\"Skew0\",\"Kurt0\",\"NWin\",\"Pass1\","
	    "\"Skew1\",\"Kurt1\",\"Log\",\"Pass2\",\"Skew2\",\"Kurt2\"\n",
	    out);
	for (k = 0; k < r->nind; k++) {
		const struct rs_treat_info *t = &r->treat[k];

		put_text(out, fw->nodes[fw->indicators[k]].id);
		fputc(',', out);
		if (!t->skipped) {
			put_bool(out, t->pass0);
			fputc(',', out);
			put_num(out, t->skew0);
			fputc(',', out);
			put_num(out, t->kurt0);
		} else {
			fputs(",,", out);
		}
		fputc(',', out);
		if (t->winsorised) {
			fprintf(out, "%d,", t->nwin);
			put_bool(out, t->pass1);
			fputc(',', out);
			put_num(out, t->skew1);
			fputc(',', out);
			put_num(out, t->kurt1);
		} else {
			fputs(",,,", out);
		}
		fputc(',', out);
		if (t->logged) {
			fputs("TRUE,", out);
			put_bool(out, t->pass2);
			fputc(',', out);
			put_num(out, t->skew2);
			fputc(',', out);
			put_num(out, t->kurt2);
		} else {
			fputs(",,,", out);
		}
		fputc('\n', out);
	}
	return finish(out, err);
}

static int
points(FILE *out, const struct rs_pipeline_result *r, struct rs_error *err)
{
	static const char *const names[] = {"", "winhi", "winlo", "log"};
	const struct rs_framework *fw = r->fw;
	size_t n, *cols = column_order(fw, 0, &n), i, k;

	header(out, fw, cols, n, 0);
	for (i = 0; i < r->nunits; i++) {
		put_text(out, r->unit[r->kept[i]]);
		for (k = 0; k < n; k++) {
			fputc(',', out);
			put_text(out, names[r->points[i * r->nind +
			    fw->nodes[cols[k]].indicator]]);
		}
		fputc('\n', out);
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
	struct rs_stats st;
	size_t n, *cols = column_order(fw, 0, &n), k;

	fputs("\"iCode\",\"Min\",\"Max\",\"Mean\",\"Median\",\"Std\","
	    "\"Skew\",\"Kurt\",\"N.Avail\",\"N.NonZero\",\"N.Unique\","
	    "\"N.Same\",\"Frc.Avail\",\"Frc.NonZero\",\"Frc.Unique\","
	    "\"Frc.Same\",\"Flag.Avail\",\"Flag.NonZero\",\"Flag.Unique\","
	    "\"Flag.SkewKurt\"\n", out);
	for (k = 0; k < n; k++) {
		size_t ind = fw->nodes[cols[k]].indicator;

		rs_stats_column(m + ind, nrows, fw->nindicators, f, &st);
		put_text(out, fw->nodes[cols[k]].id);
		fputc(',', out);
		put_num(out, st.min);
		fputc(',', out);
		put_num(out, st.max);
		fputc(',', out);
		put_num(out, st.mean);
		fputc(',', out);
		put_num(out, st.median);
		fputc(',', out);
		put_num(out, st.sd);
		fputc(',', out);
		put_num(out, st.skew);
		fputc(',', out);
		put_num(out, st.kurt);
		fprintf(out, ",%zu,%zu,%zu,%zu,", st.navail, st.nnonzero,
		    st.nunique, st.nsame);
		put_num(out, st.frc_avail);
		fputc(',', out);
		put_num(out, st.frc_nonzero);
		fputc(',', out);
		put_num(out, st.frc_unique);
		fputc(',', out);
		put_num(out, st.frc_same);
		fprintf(out, ",\"%s\",\"%s\",\"%s\",\"%s\"\n",
		    st.low_avail ? "LOW" : "ok", st.low_nonzero ? "LOW" : "ok",
		    st.low_unique ? "LOW" : "ok", st.outlier ? "OUT" : "ok");
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
	double p, c;

	put_text(out, "iCode");
	for (j = 0; j < n; j++) {
		if (rs_node_level(fw, cols[j]) != b)
			continue;
		fputc(',', out);
		put_text(out, fw->nodes[cols[j]].id);
	}
	fputc('\n', out);
	for (i = 0; i < n; i++) {
		if (rs_node_level(fw, cols[i]) != a)
			continue;
		put_text(out, fw->nodes[cols[i]].id);
		for (j = 0; j < n; j++) {
			if (rs_node_level(fw, cols[j]) != b)
				continue;
			fputc(',', out);
			c = rs_stats_pearson(r->scores + cols[i], nn,
			    r->scores + cols[j], nn, r->nunits, &p);
			if (!(p <= pmax))
				c = (double)NAN;
			put_num(out, c);
		}
		fputc('\n', out);
	}
	free(cols);
	return finish(out, err);
}

int
rs_report_weights_csv(FILE *out, const struct rs_framework *fw,
    struct rs_error *err)
{
	size_t n, *cols = column_order(fw, 1, &n), k;
	double *w = rs_malloc((fw->nnodes + 1) * sizeof(double));

	rs_stats_effective_weights(fw, w);
	fputs("\"iCode\",\"Level\",\"Weight\",\"EffWeight\"\n", out);
	for (k = 0; k < n; k++) {
		put_text(out, fw->nodes[cols[k]].id);
		fprintf(out, ",%d,", rs_node_level(fw, cols[k]));
		put_num(out, fw->nodes[cols[k]].weight);
		fputc(',', out);
		put_num(out, w[cols[k]]);
		fputc('\n', out);
	}
	free(w);
	free(cols);
	return finish(out, err);
}
