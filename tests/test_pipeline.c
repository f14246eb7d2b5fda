/*
 * test_pipeline.c - the composite-indicator pipeline (docs/pipeline.md):
 * COINr's ASEM example reproduced step by step and method by method, and
 * each step's rules and errors on small hand-checked tables
 */
#include "test_util.h"

#include <stdlib.h>

#include "base/sort.h"
#include "coinr_ref.h"
#include "resilience/load.h"
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
		return (double)NAN;
	col = v->by_node ? node : fw->nodes[node].indicator;
	if (col == RS_NONE)
		return (double)NAN;
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

/* Small tables, checked by hand ----------------------------------------- */

static const char small_meta[] =
    "{\"id\": \"t\", \"pipeline\": {\"normalise\": \"minmax\","
    " \"aggregate\": {\"method\": \"amean\", \"min_coverage\": 0}},"
    " \"children\": ["
    "  {\"id\": \"A\", \"children\": ["
    "   {\"id\": \"a1\"},"
    "   {\"id\": \"a2\", \"direction\": -1, \"denominator\": \"pop\","
    "    \"scale\": 1000}]},"
    "  {\"id\": \"B\", \"children\": ["
    "   {\"id\": \"b1\", \"worst\": 0, \"best\": 10}]}]}";

static const char small_data[] =
    "uCode,grp,pop,a1,a2,b1\n"
    "U1,x,10,1,5,5\n"
    "U2,x,20,3,,10\n"
    "U3,y,40,2,8,0\n"
    "U4,y,,4,2,2\n";

struct small {
	struct rs_framework fw;
	struct rs_table t;
	struct rs_pipeline_spec *spec;
	struct rs_pipeline_result r;
	struct rs_error err;
};

static void
small_load(struct small *s, const char *fw, const char *data)
{
	memset(s, 0, sizeof(*s));
	rs_framework_init(&s->fw);
	rs_table_init(&s->t);
	if (rs_framework_load_json(&s->fw, fw, strlen(fw), "t.json",
	    &s->err) != 0)
		print_error("%ld:%ld: %s\n", s->err.line, s->err.col,
		    s->err.msg);
	assert_non_null(s->fw.pipeline);
	assert_int_equal(rs_coinr_read_data(&s->t, &s->fw, data, strlen(data),
	    "t.csv", &s->err), 0);
	s->spec = rs_pipeline_spec_copy(s->fw.pipeline);
}

static void
small_set(struct small *s, const char *name, const char *value)
{
	assert_int_equal(rs_pipeline_spec_set(s->spec, name, value, &s->err),
	    0);
}

static int
small_run(struct small *s)
{
	return rs_pipeline_run(&s->fw, s->spec, &s->t, &s->r, &s->err);
}

static void
small_free(struct small *s)
{
	rs_pipeline_result_release(&s->r);
	rs_pipeline_spec_free(s->spec);
	rs_table_release(&s->t);
	rs_framework_release(&s->fw);
}

/* Values whose statistics overflow are refused where they are. */
static void
pipeline_refuses_values_that_overflow(void **state)
{
	static const char big[] =
	    "uCode,grp,pop,a1,a2,b1\n"
	    "U1,x,10,1e308,5,5\n"
	    "U2,x,20,-1e308,,10\n"
	    "U3,y,40,2,8,0\n";
	static const char huge_ratio[] =
	    "uCode,grp,pop,a1,a2,b1\n"
	    "U1,x,1e-100,1,1e100,5\n"
	    "U2,x,20,3,1,10\n";
	struct small s;

	(void)state;
	small_load(&s, small_meta, big);
	assert_int_equal(small_run(&s), RS_EINPUT);
	assert_int_equal(s.err.line, 2);
	assert_int_equal(s.err.col, 4);
	assert_string_equal(s.err.msg, "unit \"U1\", indicator \"a1\": value "
	    "1e+308 is beyond +-1e+150, where the pipeline's statistics "
	    "overflow; rescale the indicator");
	small_free(&s);
	/* 1e100 / 1e-100 * 1000: the denominated value is beyond the bound */
	small_load(&s, small_meta, huge_ratio);
	assert_int_equal(small_run(&s), RS_EINPUT);
	assert_int_equal(s.err.line, 2);
	assert_non_null(strstr(s.err.msg, "indicator \"a2\": denominated value "
	    "1e+203 is beyond"));
	small_free(&s);
}

/* A normaliser's range must leave max - min and hi - lo exact. */
static void
normaliser_ranges_that_lose_digits_are_refused(void **state)
{
	struct rs_norm_spec n;
	struct rs_error err;

	(void)state;
	assert_int_equal(rs_norm_spec_parse(&n, "minmax:-1e308,1e308", &err),
	    RS_EUSAGE);
	assert_string_equal(err.msg, "normaliser \"minmax:-1e308,1e308\": "
	    "the range [-1e+308, 1e+308] is wider than a double can hold "
	    "(hi - lo overflows)");
	assert_int_equal(rs_norm_spec_parse(&n, "minmax:1e-320,2e-320", &err),
	    RS_EUSAGE);
	assert_non_null(strstr(err.msg, "is narrower than the smallest normal "
	    "double"));
	assert_int_equal(rs_norm_spec_parse(&n, "minmax:1,100", &err), 0);
	assert_true(n.has_range);
	assert_near(n.lo, 1, 0);
	assert_near(n.hi, 100, 0);
}

/* Indicator order a1 a2 b1; rows U1..U4. */
#define CELL(m, i, k) ((m)[(i) * 3 + (k)])

static void
denominate_divides_and_scales(void **state)
{
	struct small s;

	(void)state;
	small_load(&s, small_meta, small_data);
	assert_int_equal(small_run(&s), 0);
	assert_near(CELL(s.r.denominated, 0, 1), 5.0 / 10 * 1000, 0);
	assert_nan(CELL(s.r.denominated, 1, 1));	/* value missing */
	assert_near(CELL(s.r.denominated, 2, 1), 8.0 / 40 * 1000, 0);
	assert_nan(CELL(s.r.denominated, 3, 1));	/* pop missing */
	assert_near(CELL(s.r.denominated, 0, 0), 1, 0);	/* no denominator */
	rs_pipeline_result_release(&s.r);
	small_set(&s, "denominate", "off");
	assert_int_equal(small_run(&s), 0);
	assert_near(CELL(s.r.denominated, 3, 1), 2, 0);
	small_free(&s);
}

static void
impute_fills_by_group_and_overall(void **state)
{
	struct small s;

	(void)state;
	small_load(&s, small_meta, small_data);
	small_set(&s, "impute", "group-mean:grp");
	assert_int_equal(small_run(&s), 0);
	assert_near(CELL(s.r.imputed, 1, 1), 500, 0);	/* U1 of group x */
	assert_near(CELL(s.r.imputed, 3, 1), 200, 0);	/* U3 of group y */
	rs_pipeline_result_release(&s.r);
	small_set(&s, "impute", "mean");
	assert_int_equal(small_run(&s), 0);
	assert_near(CELL(s.r.imputed, 1, 1), 350, 1e-12);
	rs_pipeline_result_release(&s.r);
	small_set(&s, "impute", "group-median:nosuch");
	assert_int_equal(small_run(&s), RS_EINPUT);
	assert_non_null(strstr(s.err.msg, "\"nosuch\""));
	small_free(&s);
}

static void
screen_drops_and_forces_units(void **state)
{
	struct small s;

	(void)state;
	small_load(&s, small_meta, small_data);
	small_set(&s, "screen", "1");		/* U2 and U4 lack a2 */
	assert_int_equal(small_run(&s), 0);
	assert_int_equal(s.r.nunits, 2);
	assert_string_equal(s.r.unit[s.r.kept[0]], "U1");
	assert_string_equal(s.r.unit[s.r.kept[1]], "U3");
	assert_int_equal(s.r.nmissing[1], 1);
	rs_pipeline_result_release(&s.r);
	small_set(&s, "include", "U4");
	small_set(&s, "exclude", "U1");
	assert_int_equal(small_run(&s), 0);
	assert_int_equal(s.r.nunits, 2);
	assert_string_equal(s.r.unit[s.r.kept[0]], "U3");
	assert_string_equal(s.r.unit[s.r.kept[1]], "U4");
	rs_pipeline_result_release(&s.r);
	small_set(&s, "exclude", "U3,U4");
	assert_int_equal(small_run(&s), RS_EINPUT);
	assert_non_null(strstr(s.err.msg, "left no unit"));
	rs_pipeline_result_release(&s.r);
	small_set(&s, "exclude", "U9");
	assert_int_equal(small_run(&s), RS_EINPUT);
	assert_non_null(strstr(s.err.msg, "\"U9\""));
	small_free(&s);
}

static void
normalise_and_aggregate_by_hand(void **state)
{
	struct small s;
	size_t a = 0, b = 3;	/* pre-order: A a1 a2 B b1 */

	(void)state;
	small_load(&s, small_meta, small_data);
	assert_int_equal(small_run(&s), 0);
	/* a1 1 3 2 4 -> minmax 0 66.67 33.33 100 */
	assert_near(CELL(s.r.normalised, 1, 0), 200.0 / 3, 1e-12);
	/* a2 reversed: -500 . -200 . -> 0 . 100 . */
	assert_near(CELL(s.r.normalised, 0, 1), 0, 0);
	assert_near(CELL(s.r.normalised, 2, 1), 100, 0);
	/* A of U2: only a1 present, coverage 1/2, min_coverage 0 */
	assert_near(s.r.scores[1 * 5 + a], 200.0 / 3, 1e-12);
	assert_near(s.r.coverage[1 * 5 + a], 0.5, 0);
	/* B = b1 minmax: 5 10 0 2 -> 50 100 0 20 */
	assert_near(s.r.scores[0 * 5 + b], 50, 1e-12);
	/* index of U1: mean of A (0 + 0) / 2 = 0 and B 50 */
	assert_near(s.r.index[0], 25, 1e-12);
	assert_int_equal(s.r.index_rank[0], 4);	/* 83.3 60 33.3 25 */
	rs_pipeline_result_release(&s.r);

	small_set(&s, "normalise", "minmax:1,100");
	small_set(&s, "aggregate", "gmean");
	assert_int_equal(small_run(&s), 0);
	/* U1: A = sqrt(1 * 1) = 1, B = 50.5, index = sqrt(50.5) */
	assert_near(s.r.index[0], sqrt(50.5), 1e-12);
	rs_pipeline_result_release(&s.r);
	small_set(&s, "aggregate", "hmean");
	assert_int_equal(small_run(&s), 0);
	assert_near(s.r.index[0], 2 / (1 + 1 / 50.5), 1e-12);
	small_free(&s);
}

static void
coverage_thresholds_per_node(void **state)
{
	static const char fw[] =
	    "{\"id\": \"t\", \"pipeline\": {\"normalise\": \"minmax\","
	    " \"aggregate\": {\"min_coverage\": 0}}, \"children\": ["
	    "  {\"id\": \"A\", \"min_coverage\": 0.5, \"children\": ["
	    "   {\"id\": \"a1\"}, {\"id\": \"a2\", \"weight\": 1.5}]},"
	    "  {\"id\": \"B\", \"aggregate\": {\"method\": \"amean\","
	    "   \"min_coverage\": 0.9}, \"children\": ["
	    "   {\"id\": \"b1\"}, {\"id\": \"b2\"}]}]}";
	static const char data[] = "uCode,a1,a2,b1,b2\n"
	    "U1,1,,1,\nU2,2,2,2,2\nU3,3,3,,3\n";
	struct small s;

	(void)state;
	small_load(&s, fw, data);
	assert_int_equal(small_run(&s), 0);
	/* pre-order: A a1 a2 B b1 b2; U1 has 40 % of A and 50 % of B */
	assert_nan(s.r.scores[0 * 6 + 0]);
	assert_near(s.r.coverage[0 * 6 + 0], 0.4, 1e-15);
	assert_nan(s.r.scores[0 * 6 + 3]);
	/* U3 has 100 % of A, 50 % of B: B withheld, index from A alone */
	assert_near(s.r.scores[2 * 6 + 0], 100, 1e-12);
	assert_nan(s.r.scores[2 * 6 + 3]);
	assert_near(s.r.index[2], 100, 1e-12);
	assert_nan(s.r.index[0]);	/* no top-level node has a score */
	assert_int_equal(s.r.index_rank[0], 0);
	rs_pipeline_result_release(&s.r);
	/* the command line overrides every node */
	small_set(&s, "min-coverage", "0");
	assert_int_equal(small_run(&s), 0);
	assert_near(s.r.scores[0 * 6 + 0], 0, 0);
	small_free(&s);
}

static void
every_normaliser_takes_a_range(void **state)
{
	static const char *const methods[] = {"zscore:10,2", "rank:0,1",
	    "prank:0,100", "borda:0,100", "dist2max:1,100", "fracmax:0,10",
	    "goalposts:1,100"};
	static const double want[][4] = {
		/* a1 = 1 3 2 4: mean 2.5, sd sqrt(5/3) */
		{10 - 1.5 / 1.2909944487358056 * 2,
		    10 + 0.5 / 1.2909944487358056 * 2,
		    10 - 0.5 / 1.2909944487358056 * 2,
		    10 + 1.5 / 1.2909944487358056 * 2},
		{0, 2.0 / 3, 1.0 / 3, 1},
		{0, 200.0 / 3, 100.0 / 3, 100},
		{0, 200.0 / 3, 100.0 / 3, 100},
		{1, 67, 34, 100},
		{2.5, 7.5, 5, 10},
		{(double)NAN, (double)NAN, (double)NAN, (double)NAN},
	};
	struct small s;
	size_t m, i;

	(void)state;
	for (m = 0; m < sizeof(methods) / sizeof(*methods); m++) {
		small_load(&s, small_meta, small_data);
		small_set(&s, "normalise", methods[m]);
		if (m == 6) {
			/* a1 has no goalposts: caught before running */
			assert_int_equal(small_run(&s), RS_EINPUT);
			assert_non_null(strstr(s.err.msg, "\"a1\" has no "
			    "goalposts"));
			small_free(&s);
			continue;
		}
		assert_int_equal(small_run(&s), 0);
		for (i = 0; i < 4; i++)
			assert_near(CELL(s.r.normalised, i, 0), want[m][i],
			    1e-12);
		small_free(&s);
	}
}

static void
rank_ties_share_the_lowest(void **state)
{
	const double x[] = {3, 1, 3, (double)NAN, 2, 5.0999999999999996,
	    5.1000000000000005};
	long r[7];

	(void)state;
	rs_rank_desc(x, 7, 1, r);
	assert_int_equal(r[0], 3);
	assert_int_equal(r[2], 3);
	assert_int_equal(r[4], 5);
	assert_int_equal(r[1], 6);
	assert_int_equal(r[3], 0);
	assert_int_equal(r[5], 2);	/* exact doubles: not a tie */
	assert_int_equal(r[6], 1);
}

static void
winsorise_then_log_as_coinr(void **state)
{
	static const char fw[] = "{\"id\": \"t\", \"pipeline\": "
	    "{\"normalise\": \"minmax\"}, \"children\": [{\"id\": \"x\"}]}";
	static const char data[] = "uCode,x\nA,1\nB,2\nC,3\nD,4\nE,5\nF,6\n"
	    "G,7\nH,8\nI,9\nJ,10\nK,30\nL,100\n";
	static const char data2[] = "uCode,x\nA,1\nB,2\nC,3\nD,4\nE,5\nF,6\n"
	    "G,7\nH,8\nI,9\nJ,10\nK,1000\n";
	struct small s;
	size_t i;

	(void)state;
	small_load(&s, fw, data);
	small_set(&s, "treat", "on");
	assert_int_equal(small_run(&s), 0);
	/* skew 3.06, kurtosis 9.74 fail; 100 -> 30 passes (skew 1.71) */
	assert_false(s.r.treat[0].pass0);
	assert_near(s.r.treat[0].skew0, 3.0632410342394985, 1e-12);
	assert_near(s.r.treat[0].kurt0, 9.741390834569144, 1e-12);
	assert_int_equal(s.r.treat[0].nwin, 1);
	assert_true(s.r.treat[0].pass1);
	assert_near(s.r.treated[11], 30, 0);
	assert_int_equal(s.r.points[11], RS_POINT_WINHI);
	assert_int_equal(s.r.points[10], RS_POINT_NONE);
	small_free(&s);

	small_load(&s, fw, data2);
	small_set(&s, "treat", "on");
	small_set(&s, "winmax", "0");
	assert_int_equal(small_run(&s), 0);
	assert_true(s.r.treat[0].logged);
	assert_false(s.r.treat[0].pass2);
	for (i = 0; i < 11; i++) {
		double x = i < 10 ? (double)i + 1 : 1000;

		assert_near(s.r.treated[i], log(x - 1 + 0.01 * 999), 1e-12);
		assert_int_equal(s.r.points[i], RS_POINT_LOG);
	}
	small_free(&s);
}

static void
conflicts_are_caught_before_running(void **state)
{
	static const struct {
		const char *norm, *agg, *needle;
	} cases[] = {
		{"zscore", "gmean", "indicator \"a1\" is normalised by zscore"},
		{"minmax", "hmean", "minmax, which gives values <= 0"},
		{"minmax:0,100", "gmean", "minmax onto [0, 100]"},
		{"borda", "gmean", "normalise onto a range such as [1, 100]"},
	};
	struct small s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		small_load(&s, small_meta, small_data);
		small_set(&s, "normalise", cases[i].norm);
		small_set(&s, "aggregate", cases[i].agg);
		assert_int_equal(rs_pipeline_check(&s.fw, s.spec, &s.err),
		    RS_EINPUT);
		assert_non_null(strstr(s.err.msg, "aggregate \"A\""));
		assert_non_null(strstr(s.err.msg, cases[i].needle));
		assert_string_equal(s.err.path, "t.json");
		assert_true(s.err.line > 0);
		small_free(&s);
	}
	/* a data-dependent floor is checked on the values */
	small_load(&s, small_meta, small_data);
	small_set(&s, "normalise", "fracmax");
	small_set(&s, "aggregate", "gmean");
	assert_int_equal(rs_pipeline_check(&s.fw, s.spec, &s.err), 0);
	assert_int_equal(small_run(&s), RS_EINPUT);
	assert_non_null(strstr(s.err.msg, "of unit \"U3\" is 0"));
	assert_non_null(strstr(s.err.msg, "[1, 100]"));
	small_free(&s);
}

static void
bad_options_are_usage_errors(void **state)
{
	static const char *const bad[][2] = {
		{"normalise", "minmax:5,1"}, {"normalise", "zscore:0,0"},
		{"normalise", "nosuch"}, {"normalise", "minmax:1"},
		{"aggregate", "median"}, {"impute", "group-mean"},
		{"impute", "mean:grp"}, {"screen", "1.5"}, {"treat", "maybe"},
		{"winmax", "-1"}, {"skew", "0"}, {"year", "0"},
		{"nosuch", "1"}, {"min-coverage", "2"},
	};
	struct rs_pipeline_spec *spec = rs_pipeline_spec_new();
	struct rs_error err = {0};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		memset(&err, 0, sizeof(err));
		assert_int_equal(rs_pipeline_spec_set(spec, bad[i][0],
		    bad[i][1], &err), RS_EUSAGE);
		assert_true(err.msg[0] != '\0');
	}
	rs_pipeline_spec_free(spec);
}

static void
bad_pipeline_sections_are_located(void **state)
{
	static const struct {
		const char *json, *needle;
		long line;
	} cases[] = {
		{"{\"id\": \"t\",\n\"pipeline\": 3, \"children\": [{\"id\": "
		    "\"a\"}]}", "\"pipeline\" must be an object", 2},
		{"{\"id\": \"t\", \"pipeline\": {\n\"normalise\": \"x\"}, "
		    "\"children\": [{\"id\": \"a\"}]}", "unknown normaliser",
		    2},
		{"{\"id\": \"t\", \"pipeline\": {\"normalise\": {\"method\": "
		    "\"minmax\",\n\"range\": [2, 1]}}, \"children\": "
		    "[{\"id\": \"a\"}]}", "is empty", 2},
		{"{\"id\": \"t\", \"pipeline\": {\"impute\": \"group-mean\"}"
		    ", \"children\": [{\"id\": \"a\"}]}", "needs \"group\"",
		    1},
		{"{\"id\": \"t\", \"pipeline\": {}, \"children\": [{\"id\": "
		    "\"a\",\n\"direction\": 2}]}", "must be 1 or -1", 2},
		{"{\"id\": \"t\", \"pipeline\": {}, \"children\": [{\"id\": "
		    "\"a\", \"worst\": 0, \"best\": 1,\n\"direction\": -1}]}",
		    "contradicts its goalposts", 2},
		{"{\"id\": \"t\", \"pipeline\": {}, \"children\": [{\"id\": "
		    "\"A\",\n\"aggregate\": \"median\", \"children\": [{\"id\": "
		    "\"a\"}]}]}", "unknown aggregator", 2},
		{"{\"id\": \"t\", \"children\": [{\"id\": \"a\"}]}",
		    "needs either \"children\", both", 1},
	};
	struct rs_framework fw;
	struct rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		memset(&err, 0, sizeof(err));
		rs_framework_init(&fw);
		assert_int_equal(rs_framework_load_json(&fw, cases[i].json,
		    strlen(cases[i].json), "f.json", &err), RS_EINPUT);
		if (strstr(err.msg, cases[i].needle) == NULL ||
		    err.line != cases[i].line) {
			print_error("case %zu: %ld: %s\n", i, err.line,
			    err.msg);
			fail();
		}
		rs_framework_release(&fw);
	}
}

/*
 * The default pipeline of a framework with goalposts (normaliser
 * goalposts, arithmetic means, the framework's min_coverage) gives the
 * scores of the core engine.
 */
static void
default_pipeline_is_the_core_contract(void **state)
{
	static const char fw[] =
	    "{\"id\": \"t\", \"min_coverage\": 0.6, \"pipeline\": {},"
	    " \"children\": ["
	    "  {\"id\": \"A\", \"weight\": 2, \"children\": ["
	    "   {\"id\": \"a1\", \"worst\": 0, \"best\": 100},"
	    "   {\"id\": \"a2\", \"worst\": 100, \"best\": 0}]},"
	    "  {\"id\": \"B\", \"children\": ["
	    "   {\"id\": \"b1\", \"worst\": 0, \"best\": 50},"
	    "   {\"id\": \"b2\", \"weight\": 3, \"worst\": 10, \"best\": 0}]}]}";
	static const char data[] = "uCode,a1,a2,b1,b2\n"
	    "X,40,25,25,5\nY,,10,60,\nZ,100,100,,2\nW,3,,,\n";
	const char *names[4];
	struct rs_results res;
	struct small s;
	size_t i, k;

	(void)state;
	small_load(&s, fw, data);
	assert_int_equal(small_run(&s), 0);
	for (i = 0; i < 4; i++)
		names[i] = s.t.unit[i];
	rs_engine_score(&s.fw, 4, names, s.t.x, &res);
	for (i = 0; i < 4; i++) {
		const struct rs_city_result *c = &res.cities[i];

		for (k = 0; k < s.fw.nnodes; k++) {
			double want = c->score_of[k];
			double got = s.r.scores[i * s.fw.nnodes + k];

			if (isnan(want))
				assert_nan(got);
			else
				assert_near(got, want, 1e-12);
		}
		if (isnan(c->score))
			assert_nan(s.r.index[i]);
		else
			assert_near(s.r.index[i], c->score, 1e-12);
		assert_int_equal(s.r.index_rank[i], c->rank);
	}
	rs_results_release(&res);
	small_free(&s);
}

int
main(void)
{
	const struct CMUnitTest asem_tests[] = {
		cmocka_unit_test(pipeline_refuses_values_that_overflow),
		cmocka_unit_test(normaliser_ranges_that_lose_digits_are_refused),
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

	const struct CMUnitTest tests[] = {
		cmocka_unit_test(denominate_divides_and_scales),
		cmocka_unit_test(impute_fills_by_group_and_overall),
		cmocka_unit_test(screen_drops_and_forces_units),
		cmocka_unit_test(normalise_and_aggregate_by_hand),
		cmocka_unit_test(coverage_thresholds_per_node),
		cmocka_unit_test(every_normaliser_takes_a_range),
		cmocka_unit_test(rank_ties_share_the_lowest),
		cmocka_unit_test(winsorise_then_log_as_coinr),
		cmocka_unit_test(conflicts_are_caught_before_running),
		cmocka_unit_test(bad_options_are_usage_errors),
		cmocka_unit_test(bad_pipeline_sections_are_located),
		cmocka_unit_test(default_pipeline_is_the_core_contract),
	};
	int rc;

	rc = cmocka_run_group_tests_name("pipeline", tests, NULL, NULL);
	return rc | cmocka_run_group_tests_name("coinr_asem", asem_tests,
	    setup_asem, teardown_asem);
}
