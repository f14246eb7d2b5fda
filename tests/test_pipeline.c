/*
 * test_pipeline.c - the composite-indicator pipeline (docs/pipeline.md):
 * COINr's ASEM example reproduced step by step and method by method, and
 * each step's rules and errors on small hand-checked tables
 */
#include "test_util.h"

#include <stdlib.h>

#include "coinr_ref.h"
#include "resilience/coinr.h"
#include "resilience/framework.h"
#include "resilience/pipeline.h"

/* The ASEM example, loaded once. */
static struct rs_framework asem;
static struct rs_table asem_data;
static int asem_loaded;

static int
setup_asem(void **state)
{
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&asem);
	rs_table_init(&asem_data);
	if (!ref_present())
		return 0;
	if (rs_coinr_load_meta(&asem, REF_DIR "/input_iMeta.csv", &err) != 0 ||
	    rs_coinr_load_data(&asem_data, &asem, REF_DIR "/input_iData.csv",
	    &err) != 0) {
		fprintf(stderr, "%s:%ld:%ld: %s\n", err.path, err.line,
		    err.col, err.msg);
		return -1;
	}
	asem_loaded = 1;
	return 0;
}

static int
teardown_asem(void **state)
{
	(void)state;
	rs_table_release(&asem_data);
	rs_framework_release(&asem);
	return 0;
}

/* Run the ASEM pipeline with options "name=value", NULL-terminated. */
static void
run_asem(struct rs_pipeline_result *r, const char *const *opts)
{
	struct rs_pipeline_spec *spec;
	struct rs_error err = {0};
	char name[64];
	const char *eq;
	int rc;

	if (!asem_loaded)
		skip();
	spec = rs_pipeline_spec_copy(asem.pipeline);
	for (; opts != NULL && *opts != NULL; opts++) {
		eq = strchr(*opts, '=');
		assert_non_null(eq);
		snprintf(name, sizeof(name), "%.*s", (int)(eq - *opts), *opts);
		assert_int_equal(rs_pipeline_spec_set(spec, name, eq + 1,
		    &err), 0);
	}
	rc = rs_pipeline_run(&asem, spec, &asem_data, r, &err);
	if (rc != 0)
		print_error("%s:%ld:%ld: %s\n", err.path, err.line, err.col,
		    err.msg);
	assert_int_equal(rc, 0);
	rs_pipeline_spec_free(spec);
}

/* COINr's default ASEM pipeline (the README of the reference data). */
static const char *const default_opts[] = {
	"impute=group-mean:EurAsia_group", "screen=0.9", "treat=on", NULL,
};

static size_t
indicator(const struct rs_framework *fw, const char *code)
{
	size_t node = rs_framework_find(fw, code, strlen(code));

	assert_true(node != RS_NONE);
	return fw->nodes[node].indicator;
}

/* Getters for ref_compare(): ctx is a struct view. */
struct view {
	const struct rs_pipeline_result *r;
	const double *m;	/* matrix with rows of nind or nnodes */
	const long *ranks;	/* or ranks */
	int by_node;		/* columns are nodes, not indicators */
	int before_screen;	/* rows are all units, not the kept ones */
};

static double
view_get(const void *ctx, size_t u, const char *code)
{
	const struct view *v = ctx;
	const struct rs_framework *fw = v->r->fw;
	size_t node = rs_framework_find(fw, code, strlen(code)), col;
	size_t width = v->by_node ? fw->nnodes : fw->nindicators;

	if (node == RS_NONE)
		return NAN;
	col = v->by_node ? node : fw->nodes[node].indicator;
	if (col == RS_NONE)
		return NAN;
	if (v->ranks != NULL)
		return v->ranks[u * width + col] == 0 ? (double)NAN :
		    (double)v->ranks[u * width + col];
	return v->m[u * width + col];
}

/* The codes of the kept units. */
static const char **
kept_units(const struct rs_pipeline_result *r)
{
	const char **u = malloc((r->nunits + 1) * sizeof(*u));
	size_t i;

	assert_non_null(u);
	for (i = 0; i < r->nunits; i++)
		u[i] = r->unit[r->kept[i]];
	return u;
}

static void
compare(const struct rs_pipeline_result *r, const char *file,
    const double *m, const long *ranks, int by_node, int before)
{
	struct view v = {r, m, ranks, by_node, before};
	const char **units = kept_units(r);

	ref_compare(file, before ? r->unit : units, before ? r->nrows :
	    r->nunits, view_get, &v);
	free(units);
}

static void
asem_default_denominated_and_imputed(void **state)
{
	struct rs_pipeline_result r;

	(void)state;
	run_asem(&r, default_opts);
	compare(&r, "default_Raw.csv", r.raw, NULL, 0, 1);
	compare(&r, "default_Denominated.csv", r.denominated, NULL, 0, 1);
	compare(&r, "default_Imputed.csv", r.imputed, NULL, 0, 1);
	rs_pipeline_result_release(&r);
}

static void
asem_default_screened(void **state)
{
	struct rs_pipeline_result r;
	struct rs_csv_table t;
	size_t row, i, nind;
	double *screened;

	(void)state;
	run_asem(&r, default_opts);
	nind = r.nind;
	screened = malloc((r.nunits * nind + 1) * sizeof(double));
	assert_non_null(screened);
	for (i = 0; i < r.nunits; i++)
		memcpy(screened + i * nind, r.imputed + r.kept[i] * nind,
		    nind * sizeof(double));
	compare(&r, "default_Screened.csv", screened, NULL, 0, 0);
	free(screened);

	ref_load(&t, "default_screen_data_availability.csv");
	assert_int_equal(t.nrows - 1, r.nrows);
	for (i = 0; i < r.nrows; i++) {
		double avail = 1 - (double)r.nmissing[i] / (double)nind;
		double nonzero = 1 - (double)r.nzero[i] / (double)nind;
		const char *inc;

		row = ref_row(&t, r.unit[i]);
		assert_true(row > 0);
		assert_near((double)r.nmissing[i], ref_number(&t, row,
		    rs_csv_table_column(&t, "N_missing")), 0);
		assert_near((double)r.nzero[i], ref_number(&t, row,
		    rs_csv_table_column(&t, "N_zero")), 0);
		assert_true(ref_close(avail, ref_number(&t, row,
		    rs_csv_table_column(&t, "Dat_Avail"))));
		assert_true(ref_close(nonzero, ref_number(&t, row,
		    rs_csv_table_column(&t, "Non_Zero"))));
		inc = rs_csv_table_get(&t, row, rs_csv_table_column(&t,
		    "Included"));
		assert_int_equal(r.included[i], strcmp(inc, "TRUE") == 0);
	}
	rs_csv_table_release(&t);
	rs_pipeline_result_release(&r);
}

static int
ref_bool(const struct rs_csv_table *t, size_t row, const char *col)
{
	const char *s = rs_csv_table_get(t, row, rs_csv_table_column(t, col));

	return strcmp(s, "TRUE") == 0 ? 1 : strcmp(s, "FALSE") == 0 ? 0 : -1;
}

static void
asem_default_treated(void **state)
{
	struct rs_pipeline_result r;
	struct rs_csv_table t;
	size_t row, k, i, ucol, nwin = 0, npts = 0;

	(void)state;
	run_asem(&r, default_opts);
	compare(&r, "default_Treated.csv", r.treated, NULL, 0, 0);

	/* Details: pass, skew and kurtosis before and after, points. */
	ref_load(&t, "default_treat_details.csv");
	assert_int_equal(t.nrows - 1, r.nind);
	for (row = 1; row < t.nrows; row++) {
		const struct rs_treat_info *ti;
		double want;

		k = indicator(&asem, rs_csv_table_get(&t, row, 0));
		ti = &r.treat[k];
		assert_int_equal(ti->pass0, ref_bool(&t, row,
		    "check_SkewKurt0.Pass"));
		assert_true(ref_close(ti->skew0, ref_number(&t, row,
		    rs_csv_table_column(&t, "check_SkewKurt0.Skew"))));
		assert_true(ref_close(ti->kurt0, ref_number(&t, row,
		    rs_csv_table_column(&t, "check_SkewKurt0.Kurt"))));
		want = ref_number(&t, row, rs_csv_table_column(&t,
		    "winsorise.nwin"));
		if (isnan(want)) {
			assert_false(ti->winsorised);
			continue;
		}
		assert_true(ti->winsorised);
		assert_int_equal(ti->nwin, (int)want);
		assert_int_equal(ti->pass1, ref_bool(&t, row,
		    "check_SkewKurt1.Pass"));
		assert_true(ref_close(ti->skew1, ref_number(&t, row,
		    rs_csv_table_column(&t, "check_SkewKurt1.Skew"))));
		assert_true(ref_close(ti->kurt1, ref_number(&t, row,
		    rs_csv_table_column(&t, "check_SkewKurt1.Kurt"))));
		assert_false(ti->logged);
		nwin++;
	}
	assert_int_equal(nwin, 15);	/* the reference README's count */
	rs_csv_table_release(&t);

	ref_load(&t, "default_treat_points.csv");
	ucol = rs_csv_table_column(&t, "uCode");
	for (row = 1; row < t.nrows; row++) {
		for (i = 0; i < r.nunits; i++)
			if (strcmp(r.unit[r.kept[i]], rs_csv_table_get(&t, row,
			    ucol)) == 0)
				break;
		assert_true(i < r.nunits);
		for (k = 0; k < t.ncols; k++) {
			const char *want = rs_csv_table_get(&t, row, k);
			int p;

			if (k == ucol)
				continue;
			p = r.points[i * r.nind + indicator(&asem,
			    rs_csv_table_get(&t, 0, k))];
			if (strcmp(want, "winhi") == 0)
				assert_int_equal(p, RS_POINT_WINHI);
			else if (strcmp(want, "winlo") == 0)
				assert_int_equal(p, RS_POINT_WINLO);
			else
				assert_int_equal(p, RS_POINT_NONE);
			npts += p != RS_POINT_NONE;
		}
	}
	assert_true(npts > 0);
	rs_csv_table_release(&t);
	rs_pipeline_result_release(&r);
}

static void
asem_default_normalised_aggregated_ranked(void **state)
{
	struct rs_pipeline_result r;

	(void)state;
	run_asem(&r, default_opts);
	compare(&r, "default_Normalised.csv", r.normalised, NULL, 0, 0);
	compare(&r, "default_Aggregated.csv", r.scores, NULL, 1, 0);
	compare(&r, "default_Aggregated_ranks.csv", NULL, r.ranks, 1, 0);
	rs_pipeline_result_release(&r);
}

static void
asem_default_long_form(void **state)
{
	struct rs_pipeline_result r;
	struct rs_csv_table t;
	size_t row, i, node, n = 0;

	(void)state;
	run_asem(&r, default_opts);
	ref_load(&t, "default_scores_ranks_long.csv");
	for (row = 1; row < t.nrows; row++) {
		const char *u = rs_csv_table_get(&t, row, 0);
		const char *code = rs_csv_table_get(&t, row, 1);

		for (i = 0; i < r.nunits; i++)
			if (strcmp(r.unit[r.kept[i]], u) == 0)
				break;
		assert_true(i < r.nunits);
		node = rs_framework_find(&asem, code, strlen(code));
		assert_true(node != RS_NONE);
		assert_true(ref_close(r.scores[i * asem.nnodes + node],
		    ref_number(&t, row, 4)));
		assert_near((double)r.ranks[i * asem.nnodes + node],
		    ref_number(&t, row, 5), 0);
		n++;
	}
	assert_int_equal(n, r.nunits * asem.nnodes);
	rs_csv_table_release(&t);
	rs_pipeline_result_release(&r);
}

static void
asem_simple(void **state)
{
	static const char *const opts[] = {"denominate=off", NULL};
	struct rs_pipeline_result r;

	(void)state;
	run_asem(&r, opts);
	compare(&r, "simple_Normalised.csv", r.normalised, NULL, 0, 0);
	compare(&r, "simple_Aggregated.csv", r.scores, NULL, 1, 0);
	compare(&r, "simple_Aggregated_ranks.csv", NULL, r.ranks, 1, 0);
	rs_pipeline_result_release(&r);
}

/* A variant: the default treated data, then normaliser and aggregator. */
static void
variant(const char *name, const char *norm, const char *agg)
{
	char n[64], a[64], file[128];
	const char *opts[] = {default_opts[0], default_opts[1],
	    default_opts[2], n, a, NULL};
	struct rs_pipeline_result r;

	snprintf(n, sizeof(n), "normalise=%s", norm);
	snprintf(a, sizeof(a), "aggregate=%s", agg);
	run_asem(&r, opts);
	snprintf(file, sizeof(file), "variant_%s_Normalised.csv", name);
	compare(&r, file, r.normalised, NULL, 0, 0);
	snprintf(file, sizeof(file), "variant_%s_Aggregated.csv", name);
	compare(&r, file, r.scores, NULL, 1, 0);
	rs_pipeline_result_release(&r);
}

static void
asem_variant_zscore(void **state)
{
	(void)state;
	variant("zscore_amean", "zscore", "amean");
}

static void
asem_variant_minmax1_gmean(void **state)
{
	(void)state;
	variant("minmax1_gmean", "minmax:1,100", "gmean");
}

static void
asem_variant_minmax1_hmean(void **state)
{
	(void)state;
	variant("minmax1_hmean", "minmax:1,100", "hmean");
}

static void
asem_variant_prank(void **state)
{
	(void)state;
	variant("prank_amean", "prank", "amean");
}

static void
asem_variant_borda(void **state)
{
	(void)state;
	variant("borda_amean", "borda", "amean");
}

static void
asem_variant_rank(void **state)
{
	(void)state;
	variant("rank_amean", "rank", "amean");
}

static void
asem_variant_dist2max(void **state)
{
	(void)state;
	variant("dist2max_amean", "dist2max", "amean");
}

static void
asem_variant_fracmax(void **state)
{
	(void)state;
	variant("fracmax_amean", "fracmax", "amean");
}

static void
asem_variant_copeland_on_pillars(void **state)
{
	static const char *const pillars[] = {"ConEcFin", "Environ",
	    "Instit", "P2P", "Physical", "Political", "Social", "SusEcFin"};
	struct rs_pipeline_result r;
	struct rs_csv_table t;
	double x[64 * 8], w[8], score[64];
	long rank[64];
	size_t i, k, row;

	(void)state;
	run_asem(&r, default_opts);
	assert_true(r.nunits <= 64);
	for (k = 0; k < 8; k++) {
		size_t node = rs_framework_find(&asem, pillars[k],
		    strlen(pillars[k]));

		assert_true(node != RS_NONE);
		w[k] = 1;
		for (i = 0; i < r.nunits; i++)
			x[i * 8 + k] = r.scores[i * asem.nnodes + node];
	}
	rs_copeland(x, r.nunits, 8, 8, w, score);
	rs_rank_desc(score, r.nunits, 1, rank);
	ref_load(&t, "variant_copeland_on_pillars.csv");
	assert_int_equal(t.nrows - 1, r.nunits);
	for (i = 0; i < r.nunits; i++) {
		row = ref_row(&t, r.unit[r.kept[i]]);
		assert_true(row > 0);
		assert_near(score[i], ref_number(&t, row, 1), 0);
		assert_near((double)rank[i], ref_number(&t, row, 2), 0);
	}
	rs_csv_table_release(&t);
	rs_pipeline_result_release(&r);
}

int
main(void)
{
	const struct CMUnitTest asem_tests[] = {
		cmocka_unit_test(asem_default_denominated_and_imputed),
		cmocka_unit_test(asem_default_screened),
		cmocka_unit_test(asem_default_treated),
		cmocka_unit_test(asem_default_normalised_aggregated_ranked),
		cmocka_unit_test(asem_default_long_form),
		cmocka_unit_test(asem_simple),
		cmocka_unit_test(asem_variant_zscore),
		cmocka_unit_test(asem_variant_minmax1_gmean),
		cmocka_unit_test(asem_variant_minmax1_hmean),
		cmocka_unit_test(asem_variant_prank),
		cmocka_unit_test(asem_variant_borda),
		cmocka_unit_test(asem_variant_rank),
		cmocka_unit_test(asem_variant_dist2max),
		cmocka_unit_test(asem_variant_fracmax),
		cmocka_unit_test(asem_variant_copeland_on_pillars),
	};

	return cmocka_run_group_tests_name("coinr_asem", asem_tests,
	    setup_asem, teardown_asem);
}
