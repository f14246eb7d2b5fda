/*
 * test_stats.c - descriptive statistics, correlations and effective
 * weights (docs/pipeline.md, "Analysis"): hand-checked values, and COINr's
 * ASEM statistics reproduced
 */
#include "test_util.h"

#include <stdlib.h>
#include <strings.h>

#include "coinr_ref.h"
#include "resilience/stats.h"

static void
moments_match_spreadsheet_formulas(void **state)
{
	/* SKEW and KURT of 1, 2, 3, 4, 10 by hand: mean 4, deviations
	 * -3 -2 -1 0 6; m2 = 50, m3 = 180, m4 = 1394. */
	const double x[] = {1, 2, 3, 4, 10, (double)NAN};
	double skew = sqrt(5.0) * 180 / pow(50, 1.5) * sqrt(20.0) / 3;
	double r = 5 * 1394.0 / 2500;
	double kurt = (6 * (r - 3) + 6) * 4 / (3 * 2.0);

	(void)state;
	assert_near(rs_stats_mean(x, 6, 1), 4, 1e-15);
	assert_near(rs_stats_sd(x, 6, 1), sqrt(50 / 4.0), 1e-15);
	assert_near(rs_stats_median(x, 6, 1), 3, 0);
	assert_near(rs_stats_median(x, 4, 1), 2.5, 0);
	assert_near(rs_stats_skew(x, 6, 1), skew, 1e-14);
	assert_near(rs_stats_kurt(x, 6, 1), kurt, 1e-14);
	/* too few values */
	assert_nan(rs_stats_skew(x, 2, 1));
	assert_nan(rs_stats_kurt(x, 3, 1));
	assert_nan(rs_stats_sd(x, 1, 1));
	assert_nan(rs_stats_mean(x + 5, 1, 1));
}

static void
pearson_and_p_value(void **state)
{
	/* r = 0.8 exactly for these; t = 0.8 sqrt(3 / 0.36), 3 df */
	const double x[] = {1, 2, 3, 4, 5};
	const double y[] = {2, 1, 4, 3, 5};
	const double c[] = {3, 3, 3, 3, 3};
	double p, r;

	(void)state;
	r = rs_stats_pearson(x, 1, y, 1, 5, &p);
	assert_near(r, 0.8, 1e-15);
	/* two-sided p of t = 2.3094 with 3 df: 0.10408803866182788 */
	assert_near(p, 0.10408803866182788, 1e-12);
	r = rs_stats_pearson(x, 1, x, 1, 5, &p);
	assert_near(r, 1, 0);
	assert_near(p, 0, 0);
	assert_nan(rs_stats_pearson(x, 1, c, 1, 5, &p));	/* no variance */
	assert_nan(p);
	assert_nan(rs_stats_pearson(x, 1, y, 1, 2, NULL));	/* 2 pairs */
}

static void
column_counts_and_flags(void **state)
{
	const double x[] = {0, 0, 0, 1, 2, (double)NAN, (double)NAN, (double)NAN, (double)NAN, (double)NAN};
	struct rs_stats_flags f;
	struct rs_stats st;

	(void)state;
	rs_stats_default_flags(&f);
	rs_stats_column(x, 10, 1, &f, &st);
	assert_int_equal(st.navail, 5);
	assert_int_equal(st.nnonzero, 2);
	assert_int_equal(st.nunique, 3);
	assert_int_equal(st.nsame, 3);
	assert_near(st.frc_avail, 0.5, 0);
	assert_near(st.frc_nonzero, 0.4, 1e-16);
	assert_near(st.frc_same, 0.6, 1e-16);
	assert_true(st.low_avail);	/* 0.5 < 0.65 */
	assert_true(st.low_nonzero);	/* 0.4 < 0.5 */
	assert_false(st.low_unique);	/* 0.6 */
	assert_near(st.min, 0, 0);
	assert_near(st.max, 2, 0);
}

static void
effective_weights_multiply_shares(void **state)
{
	static const char json[] = "{\"id\": \"t\", \"children\": ["
	    "{\"id\": \"A\", \"weight\": 3, \"children\": ["
	    "{\"id\": \"a1\", \"worst\": 0, \"best\": 1},"
	    "{\"id\": \"a2\", \"weight\": 3, \"worst\": 0, \"best\": 1}]},"
	    "{\"id\": \"B\", \"children\": ["
	    "{\"id\": \"b1\", \"worst\": 0, \"best\": 1}]}]}";
	struct rs_framework fw;
	struct rs_error err = {0};
	double w[5];

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_json(&fw, json, strlen(json),
	    "t.json", &err), 0);
	rs_stats_effective_weights(&fw, w);
	/* pre-order: A a1 a2 B b1 */
	assert_near(w[0], 0.75, 1e-16);
	assert_near(w[1], 0.75 * 0.25, 1e-16);
	assert_near(w[2], 0.75 * 0.75, 1e-16);
	assert_near(w[3], 0.25, 1e-16);
	assert_near(w[4], 0.25, 1e-16);
	rs_framework_release(&fw);
}

/* ASEM ------------------------------------------------------------------ */

static struct rs_framework asem;
static struct rs_table asem_data;
static struct rs_pipeline_result asem_run;
static int asem_loaded;

static int
setup_asem(void **state)
{
	struct rs_pipeline_spec *spec;
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&asem);
	rs_table_init(&asem_data);
	memset(&asem_run, 0, sizeof(asem_run));
	if (!ref_present())
		return 0;
	if (rs_coinr_load_meta(&asem, REF_DIR "/input_iMeta.csv", &err) != 0 ||
	    rs_coinr_load_data(&asem_data, &asem, REF_DIR "/input_iData.csv",
	    &err) != 0)
		return -1;
	spec = rs_pipeline_spec_copy(asem.pipeline);
	if (rs_pipeline_spec_set(spec, "impute", "group-mean:EurAsia_group",
	    &err) != 0 || rs_pipeline_spec_set(spec, "screen", "0.9",
	    &err) != 0 || rs_pipeline_spec_set(spec, "treat", "on", &err) != 0 ||
	    rs_pipeline_run(&asem, spec, &asem_data, &asem_run, &err) != 0) {
		rs_pipeline_spec_free(spec);
		return -1;
	}
	rs_pipeline_spec_free(spec);
	asem_loaded = 1;
	return 0;
}

static int
teardown_asem(void **state)
{
	(void)state;
	rs_pipeline_result_release(&asem_run);
	rs_table_release(&asem_data);
	rs_framework_release(&asem);
	return 0;
}

static double
stat_value(const struct rs_stats *st, const char *col)
{
	static const struct {
		const char *name;
		size_t off;
		int count;
	} f[] = {
		{"Min", offsetof(struct rs_stats, min), 0},
		{"Max", offsetof(struct rs_stats, max), 0},
		{"Mean", offsetof(struct rs_stats, mean), 0},
		{"Median", offsetof(struct rs_stats, median), 0},
		{"Std", offsetof(struct rs_stats, sd), 0},
		{"Skew", offsetof(struct rs_stats, skew), 0},
		{"Kurt", offsetof(struct rs_stats, kurt), 0},
		{"N.Avail", offsetof(struct rs_stats, navail), 1},
		{"N.NonZero", offsetof(struct rs_stats, nnonzero), 1},
		{"N.Unique", offsetof(struct rs_stats, nunique), 1},
		{"N.Same", offsetof(struct rs_stats, nsame), 1},
		{"Frc.Avail", offsetof(struct rs_stats, frc_avail), 0},
		{"Frc.NonZero", offsetof(struct rs_stats, frc_nonzero), 0},
		{"Frc.Unique", offsetof(struct rs_stats, frc_unique), 0},
		{"Frc.Same", offsetof(struct rs_stats, frc_same), 0},
	};
	const char *base = (const char *)st;
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(*f); i++) {
		if (strcmp(f[i].name, col) != 0)
			continue;
		if (f[i].count)
			return (double)*(const size_t *)(const void *)(base +
			    f[i].off);
		return *(const double *)(const void *)(base + f[i].off);
	}
	return (double)NAN;
}

static const char *
stat_flag(const struct rs_stats *st, const char *col)
{
	if (strcmp(col, "Flag.Avail") == 0)
		return st->low_avail ? "LOW" : "ok";
	if (strcmp(col, "Flag.NonZero") == 0)
		return st->low_nonzero ? "LOW" : "ok";
	if (strcmp(col, "Flag.Unique") == 0)
		return st->low_unique ? "LOW" : "ok";
	if (strcmp(col, "Flag.SkewKurt") == 0)
		return st->outlier ? "OUT" : "ok";
	return NULL;
}

static void
compare_stats(const char *file, const double *m, size_t nrows)
{
	struct rs_csv_table t;
	struct rs_stats_flags f;
	struct rs_stats st;
	size_t row, c, k, node, bad = 0;

	rs_stats_default_flags(&f);
	ref_load(&t, file);
	assert_int_equal(t.nrows - 1, asem.nindicators);
	for (row = 1; row < t.nrows; row++) {
		const char *code = rs_csv_table_get(&t, row, 0);

		node = rs_framework_find(&asem, code, strlen(code));
		assert_true(node != RS_NONE);
		k = asem.nodes[node].indicator;
		rs_stats_column(m + k, nrows, asem.nindicators, &f, &st);
		for (c = 1; c < t.ncols; c++) {
			const char *col = rs_csv_table_get(&t, 0, c);
			const char *want = rs_csv_table_get(&t, row, c);
			const char *flag = stat_flag(&st, col);

			if (flag != NULL ? strcmp(flag, want) != 0 :
			    !ref_close(stat_value(&st, col),
			    ref_number(&t, row, c))) {
				print_error("%s: %s %s: got %.17g (%s), want "
				    "%s\n", file, code, col,
				    stat_value(&st, col), flag ? flag : "",
				    want);
				bad++;
			}
		}
	}
	rs_csv_table_release(&t);
	assert_int_equal(bad, 0);
}

static void
asem_stats_raw(void **state)
{
	(void)state;
	if (!asem_loaded)
		skip();
	compare_stats("stats_Raw.csv", asem_run.raw, asem_run.nrows);
}

static void
asem_stats_screened(void **state)
{
	double *m;
	size_t i, nind = asem_run.nind;

	(void)state;
	if (!asem_loaded)
		skip();
	m = malloc((asem_run.nunits * nind + 1) * sizeof(double));
	assert_non_null(m);
	for (i = 0; i < asem_run.nunits; i++)
		memcpy(m + i * nind, asem_run.imputed + asem_run.kept[i] * nind,
		    nind * sizeof(double));
	compare_stats("stats_Screened.csv", m, asem_run.nunits);
	free(m);
}

static int
by_code(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * corr_Aggregated_L<a>_vs_L<b>.csv: rows are the codes of level a and
 * columns those of level b, both sorted ignoring case (COINr's order);
 * a correlation whose p-value exceeds 0.05 is left empty.
 */
static void
compare_corr(const char *file, int depth_rows, int depth_cols)
{
	struct rs_csv_table t;
	const char *codes[64];
	size_t n = 0, i, row, c, a, b, nn = asem.nnodes, cells = 0;
	int maxdepth = 0;

	for (i = 0; i < nn; i++)
		if (asem.nodes[i].depth > maxdepth)
			maxdepth = asem.nodes[i].depth;
	/* COINr's level L is depth maxdepth + 1 - L here. */
	for (i = 0; i < nn; i++)
		if (asem.nodes[i].depth == maxdepth + 1 - depth_rows)
			codes[n++] = asem.nodes[i].id;
	qsort(codes, n, sizeof(*codes), by_code);
	ref_load(&t, file);
	assert_int_equal(t.nrows - 1, n);
	for (row = 1; row < t.nrows; row++) {
		a = rs_framework_find(&asem, codes[row - 1],
		    strlen(codes[row - 1]));
		for (c = 0; c < t.ncols; c++) {
			const char *col = rs_csv_table_get(&t, 0, c);
			double p, r;

			b = rs_framework_find(&asem, col, strlen(col));
			assert_true(b != RS_NONE);
			assert_int_equal(asem.nodes[b].depth,
			    maxdepth + 1 - depth_cols);
			r = rs_stats_pearson(asem_run.scores + a, nn,
			    asem_run.scores + b, nn, asem_run.nunits, &p);
			if (!(p <= 0.05))
				r = (double)NAN;
			if (!ref_close(r, ref_number(&t, row, c))) {
				print_error("%s: %s %s: got %.17g (p %g), want "
				    "%s\n", file, codes[row - 1], col, r, p,
				    rs_csv_table_get(&t, row, c));
				fail();
			}
			cells++;
		}
	}
	assert_true(cells > 0);
	rs_csv_table_release(&t);
}

static void
asem_correlations(void **state)
{
	(void)state;
	if (!asem_loaded)
		skip();
	compare_corr("corr_Aggregated_L1_vs_L2.csv", 1, 2);
	compare_corr("corr_Aggregated_L2_vs_L4.csv", 2, 4);
}

static void
asem_effective_weights(void **state)
{
	struct rs_csv_table t;
	double w[128];
	size_t row, node;

	(void)state;
	if (!asem_loaded)
		skip();
	assert_true(asem.nnodes <= 128);
	rs_stats_effective_weights(&asem, w);
	ref_load(&t, "meta_effective_weights.csv");
	assert_int_equal(t.nrows - 1, asem.nnodes);
	for (row = 1; row < t.nrows; row++) {
		const char *code = rs_csv_table_get(&t, row, 0);

		node = rs_framework_find(&asem, code, strlen(code));
		assert_true(node != RS_NONE);
		assert_true(ref_close(asem.nodes[node].weight,
		    ref_number(&t, row, 2)));
		assert_true(ref_close(w[node], ref_number(&t, row, 3)));
	}
	rs_csv_table_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(moments_match_spreadsheet_formulas),
		cmocka_unit_test(pearson_and_p_value),
		cmocka_unit_test(column_counts_and_flags),
		cmocka_unit_test(effective_weights_multiply_shares),
	};
	const struct CMUnitTest asem_tests[] = {
		cmocka_unit_test(asem_stats_raw),
		cmocka_unit_test(asem_stats_screened),
		cmocka_unit_test(asem_correlations),
		cmocka_unit_test(asem_effective_weights),
	};
	int rc;

	rc = cmocka_run_group_tests_name("stats", tests, NULL, NULL);
	return rc | cmocka_run_group_tests_name("stats_coinr_asem",
	    asem_tests, setup_asem, teardown_asem);
}
