/*
 * test_kernels.c - one kernel per rule (src/score/formula.c, base/sort.c):
 * the same inputs scored through the scoring contract, the pipeline with
 * the contract's settings and the sensitivity analysis's nominal runs
 * give the same bits; the effective weights of every path agree; the one
 * rank rule; and the two roundings of a mean, each pinned by hand
 */
#include "test_util.h"

#include <stdint.h>
#include <stdlib.h>

#include "base/sort.h"
#include "resilience/load.h"
#include "resilience/engine.h"
#include "resilience/pipeline.h"
#include "resilience/sensitivity.h"
#include "resilience/stats.h"
#include "score/formula.h"

#define N ((double)NAN)
#define NCITY 60

/* Two doubles are the same: the same bits, or both NaN (of any sign). */
#define assert_same(a, b)                                                   \
	do {                                                                \
		double x_ = (a), y_ = (b);                                  \
		if (isnan(x_) || isnan(y_))                                 \
			assert_true(isnan(x_) && isnan(y_));                \
		else if (memcmp(&x_, &y_, sizeof(double)) != 0) {           \
			print_error("%.17g and %.17g differ\n", x_, y_);    \
			fail();                                             \
		}                                                           \
	} while (0)

static char names_buf[NCITY][8];
static const char *names[NCITY];
static double values[NCITY * 5];

/*
 * Cities on tests/data/small.json (a1 a2 b1 b2 b3): four by hand (X of
 * methodology.md's worked example, Y without a score, Z at the
 * goalposts, W with digits that round), then random values with about
 * one in five missing, the same on every run.
 */
static void
make_cities(void)
{
	static const double hand[] = {
		40, 25, 25, 5, N,
		100, N, N, N, N,
		0, 100, 10, 0, 0,
		73.3, 12.5, 17.1, 3.3, 9.9,
	};
	uint64_t x = 88172645463325252u;
	size_t i, k;

	memcpy(values, hand, sizeof(hand));
	for (i = 4; i < NCITY; i++)
		for (k = 0; k < 5; k++) {
			const struct rs_node *nd =
			    &small_fw.nodes[small_fw.indicators[k]];
			double u, lo = nd->worst < nd->best ? nd->worst :
			    nd->best, hi = nd->worst < nd->best ? nd->best :
			    nd->worst;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			u = (double)(x >> 11) * 0x1.0p-53;
			values[i * 5 + k] = u < 0.2 ? N : lo - 2 + (hi - lo +
			    4) * (u - 0.2) / 0.8;
		}
	for (i = 0; i < NCITY; i++) {
		snprintf(names_buf[i], sizeof(names_buf[i]), "c%02zu", i);
		names[i] = names_buf[i];
	}
	names[0] = "X";
	names[1] = "Y";
}

static int
setup(void **state)
{
	if (small_setup(state) != 0)
		return -1;
	make_cities();
	return 0;
}

/* The pipeline's default spec is the contract (pipeline.md, section 1.1). */
static void
run_pipeline(struct rs_pipeline_result *pr, struct rs_table *t, int sums)
{
	struct rs_pipeline_spec *spec = rs_pipeline_spec_new();
	struct rs_error err = {0};

	spec->sums = sums;
	test_table(t, values, names, NCITY, 5);
	assert_int_equal(rs_pipeline_run(&small_fw, spec, t, pr, &err), 0);
	assert_int_equal(pr->nunits, NCITY);
	rs_pipeline_spec_free(spec);
}

static void
same_bits_on_every_path(void **state)
{
	struct rs_results res, pres;
	struct rs_pipeline_result pr;
	struct rs_table t;
	struct rs_sa_spec sa;
	struct rs_sa_result cr, pa;
	struct rs_error err = {0};
	size_t nn = small_fw.nnodes, i, k;

	(void)state;
	rs_engine_score(&small_fw, NCITY, names, values, &res);
	run_pipeline(&pr, &t, RS_SUMS_CONTRACT);
	memset(&sa, 0, sizeof(sa));
	sa.runs = 4;
	sa.seed = 1;
	sa.threads = 1;
	sa.levels = ~1u;
	sa.weight_noise = 0.2;
	assert_int_equal(rs_sensitivity_run(&small_fw, NULL, NULL, values,
	    names, NCITY, &sa, &cr, &err), 0);
	{
		struct rs_pipeline_spec *spec = rs_pipeline_spec_new();

		assert_int_equal(rs_sensitivity_run(&small_fw, spec, &t, NULL,
		    NULL, 0, &sa, &pa, &err), 0);
		rs_pipeline_spec_free(spec);
	}
	rs_pipeline_results(&pr, 100, &pres);
	assert_true(isnan(res.cities[1].score));
	for (i = 0; i < NCITY; i++) {
		const struct rs_city_result *c = &res.cities[i];

		/* city scores: engine, pipeline, both nominal runs */
		assert_same(c->score, pr.index[i]);
		assert_same(c->score, cr.score[i]);
		assert_same(c->score, pa.score[i]);
		assert_same(c->coverage, pr.index_coverage[i]);
		assert_same(c->coverage, pres.cities[i].coverage);
		/* every node's score and coverage */
		for (k = 0; k < nn; k++) {
			assert_same(c->score_of[k], pr.scores[i * nn + k]);
			assert_same(c->coverage_of[k],
			    pr.coverage[i * nn + k]);
			/* effective weights of score and of the pipeline */
			assert_same(c->weight_of[k],
			    pres.cities[i].weight_of[k]);
			assert_same(c->gain_of[k], pres.cities[i].gain_of[k]);
		}
		/* one rank rule: Y, without a score, has none on any path */
		assert_int_equal(c->rank, pr.index_rank[i]);
		assert_int_equal(c->rank, cr.nominal[i]);
		assert_int_equal(c->rank, pa.nominal[i]);
	}
	assert_int_equal(res.cities[1].rank, 0);
	/* and the runs themselves: the same ranks and shifts on both paths */
	assert_memory_equal(cr.y, pa.y, cr.nruns * sizeof(double));
	for (i = 0; i < NCITY; i++)
		assert_same(cr.mean[i], pa.mean[i]);
	rs_sa_result_release(&cr);
	rs_sa_result_release(&pa);
	rs_results_release(&pres);
	rs_results_release(&res);
	rs_pipeline_result_release(&pr);
	rs_table_release(&t);
}

/*
 * methodology.md, "Aggregate score", against pipeline.md, "Aggregate":
 * city X is (2 * 66.25 + 1 * 75) / 3 in the contract, and
 * (2 / 3) * 66.25 + (1 / 3) * 75 summed in long double as COINr, which
 * rounds to the double below.  A COINr framework keeps COINr's.
 */
static void
two_roundings_of_one_mean(void **state)
{
	struct rs_pipeline_result pr;
	struct rs_table t;
	struct rs_results res;
	struct rs_framework fw;
	struct rs_error err = {0};
	static const char meta[] =
	    "iCode,Level,Parent,Weight,Direction,Type\n"
	    "a,1,P,1,1,Indicator\n"
	    "P,2,,1,1,Aggregate\n";

	(void)state;
	rs_engine_score(&small_fw, 1, names, values, &res);
	assert_same(res.cities[0].score, 207.5 / 3);
	assert_same(res.cities[0].score, 69.166666666666671);
	run_pipeline(&pr, &t, RS_SUMS_COINR);
	assert_same(pr.index[0], 69.166666666666657);
	/* A = (1 * 40 + 3 * 75) / 4 is exact either way */
	assert_same(pr.scores[small_node("A")], 66.25);
	rs_pipeline_result_release(&pr);
	rs_table_release(&t);
	rs_results_release(&res);
	rs_framework_init(&fw);
	assert_int_equal(rs_coinr_read_meta(&fw, meta, sizeof(meta) - 1,
	    "meta.csv", &err), 0);
	assert_int_equal(fw.pipeline->sums, RS_SUMS_COINR);
	rs_framework_release(&fw);
	/* any other framework, with or without a pipeline section: the
	   contract's */
	assert_true(small_fw.pipeline == NULL);
}

/*
 * One effective-weight rule (methodology.md, "Effective weight"): the
 * weight if collected of an indicator with a value is its weight; the
 * complete-data weight of the engine is the statistics' effective weight.
 */
static void
effective_weights_agree(void **state)
{
	struct rs_results res;
	double w[16];
	size_t i, k, node;

	(void)state;
	assert_true(small_fw.nnodes <= 16);
	rs_engine_score(&small_fw, NCITY, names, values, &res);
	for (i = 0; i < NCITY; i++)
		for (k = 0; k < small_fw.nindicators; k++) {
			const struct rs_city_result *c = &res.cities[i];

			node = small_fw.indicators[k];
			if (!isnan(c->weight_of[node]))
				assert_same(rs_engine_weight_if_known(&small_fw,
				    c, node, NULL), c->weight_of[node]);
		}
	/* Every node at once, bit for bit, blockers too. */
	for (i = 0; i < NCITY; i++) {
		double all[16];
		size_t blk[16], b;

		rs_engine_weights_if_known(&small_fw, &res.cities[i], all, blk);
		for (k = 0; k < small_fw.nnodes; k++) {
			double one = rs_engine_weight_if_known(&small_fw,
			    &res.cities[i], k, &b);

			if (isnan(one))
				assert_true(isnan(all[k]));
			else
				assert_same(all[k], one);
			assert_int_equal(blk[k], b);
		}
	}
	rs_stats_effective_weights(&small_fw, w);
	{
		double all[16];

		rs_engine_weights_if_known(&small_fw, NULL, all, NULL);
		for (k = 0; k < small_fw.nnodes; k++)
			assert_same(all[k], w[k]);
	}
	for (k = 0; k < small_fw.nnodes; k++)
		assert_same(w[k], rs_engine_complete_weight(&small_fw, k));
	/* b3: 1/3 * 1/2 * 1/2 */
	assert_same(w[small_node("b3")], 1.0 / 12);
	rs_results_release(&res);
}

/*
 * methodology.md, "Rank": 1 + the number strictly greater, ties sharing
 * the lowest, -0 tying with 0, a NaN no rank (0); the same with a stride.
 */
static void
one_rank_rule(void **state)
{
	static const double x[] = {
		5, N, 7, 5, -0.0, 0, HUGE_VAL, -HUGE_VAL, N, 5.1000000000000005,
		5.0999999999999996,
	};
	static const long want[] = {5, 0, 2, 5, 7, 7, 1, 9, 0, 3, 4};
	double col[2 * 11];
	long rank[11], srank[2 * 11];
	size_t i;

	(void)state;
	rs_rank_desc(x, 11, 1, rank);
	for (i = 0; i < 11; i++)
		assert_int_equal(rank[i], want[i]);
	for (i = 0; i < 11; i++) {
		col[2 * i] = x[i];
		col[2 * i + 1] = -x[i];
	}
	rs_rank_desc(col, 11, 2, srank);
	for (i = 0; i < 11; i++)
		assert_int_equal(srank[2 * i], want[i]);
	rs_rank_desc(col + 1, 11, 2, srank + 1);
	/* negated: -Inf is now last of 9, Inf first */
	assert_int_equal(srank[2 * 6 + 1], 9);
	assert_int_equal(srank[2 * 7 + 1], 1);
	assert_int_equal(srank[2 * 1 + 1], 0);
	rs_rank_desc(x, 0, 1, rank);	/* nothing to rank */
}

/* methodology.md, "Indicator score": clamped, never -0, NaN stays. */
static void
one_goalpost_rule(void **state)
{
	(void)state;
	assert_same(rs_formula_goalpost(25, 100, 0), 75);
	assert_same(rs_formula_goalpost(25, 10, 20), 100);
	assert_same(rs_formula_goalpost(0, 10, 20), 0);
	assert_false(signbit(rs_formula_goalpost(100, 100, 0)));
	assert_nan(rs_formula_goalpost(N, 0, 1));
	assert_same(rs_indicator_score(&small_fw.nodes[small_node("b1")],
	    12.5), rs_formula_goalpost(12.5, 10, 20));
}

/*
 * methodology.md, "Target band", with the band {0, 20, 60, 120}: 0 at
 * or below 0, 100 x / 20 up to 20, 100 from 20 to 60, 100 (120 - x) / 60
 * up to 120, 0 at or above 120.  By hand: 5 -> 25, 10 -> 50, 90 -> 50,
 * 105 -> 25.
 */
static void
band_scores_by_hand(void **state)
{
	static const double b[4] = {0, 20, 60, 120};
	static const double eq[4] = {0, 20, 20, 40};

	(void)state;
	assert_same(rs_formula_band(-5, b), 0);
	assert_same(rs_formula_band(0, b), 0);
	assert_false(signbit(rs_formula_band(0, b)));
	assert_same(rs_formula_band(5, b), 25);
	assert_same(rs_formula_band(10, b), 50);
	assert_same(rs_formula_band(20, b), 100);
	assert_same(rs_formula_band(40, b), 100);
	assert_same(rs_formula_band(60, b), 100);
	assert_same(rs_formula_band(90, b), 50);
	assert_same(rs_formula_band(105, b), 25);
	assert_same(rs_formula_band(120, b), 0);
	assert_false(signbit(rs_formula_band(120, b)));
	assert_same(rs_formula_band(1e300, b), 0);
	assert_nan(rs_formula_band(N, b));
	/* low = high: a single best value, 10 and 30 both 50 */
	assert_same(rs_formula_band(20, eq), 100);
	assert_same(rs_formula_band(10, eq), 50);
	assert_same(rs_formula_band(30, eq), 50);
}

/*
 * A child whose coverage weight is 0 is no child at all: under a
 * geometric mean a left-out indicator at 0 neither fails the run nor
 * pulls the mean to 0.  A: a1 = 0 (left out) and a2 = 25 (score 75);
 * B: b1 (score 50), B2 of b2 (score 50); the index then is
 * exp((2 log 75 + log 50) / 3).
 */
static void
left_out_child_is_no_child(void **state)
{
	struct rs_pipeline_spec *spec = rs_pipeline_spec_new();
	struct rs_error err = {0};
	double w[16], scores[16], norm[5], index, cov[16];
	const char *unit = "U";
	size_t k;

	(void)state;
	spec->agg = RS_AGG_GMEAN;
	for (k = 0; k < small_fw.nnodes; k++)
		w[k] = small_fw.nodes[k].weight;
	norm[0] = 0;
	norm[1] = 75;
	norm[2] = 50;
	norm[3] = 50;
	norm[4] = N;
	w[small_node("a1")] = 0;
	assert_int_equal(rs_pipeline_aggregate_cw(&small_fw, spec, w, w, norm,
	    1, &unit, scores, cov, &index, NULL, &err), 0);
	assert_same(scores[small_node("A")], exp(3 * log(75.0) / 3));
	assert_same(cov[small_node("A")], 1);
	assert_near(index, exp((2 * log(75.0) + log(50.0)) / 3), 1e-12);
	/* counted, it fails the run with the located message */
	w[small_node("a1")] = 1;
	assert_int_equal(rs_pipeline_aggregate_cw(&small_fw, spec, w, w, norm,
	    1, &unit, scores, cov, &index, NULL, &err), RS_EINPUT);
	assert_non_null(strstr(err.msg, "\"a1\" of unit \"U\" is 0"));
	rs_pipeline_spec_free(spec);
}

/*
 * A plan takes a row with every value from its precomputed weight sums
 * while the row follows the pattern it assumed; here b1 = Inf and
 * b2 = -Inf... cannot come from goalposts, so the scores are given:
 * B's children sum to NaN, B has no score although every value is
 * there, and the index must then be A's alone, as a row-by-row walk
 * gives (coverage 2/3).
 */
static void
plan_follows_a_row_off_its_pattern(void **state)
{
	struct rs_agg_rule rule = {RS_AGG_AMEAN, RS_SUMS_CONTRACT, 0.5};
	struct rs_formula_plan *plan;
	double s[2][16], index[2], icov[2];
	size_t bad[3], r;

	(void)state;
	for (r = 0; r < 2; r++) {
		s[r][small_node("a1")] = 40;
		s[r][small_node("a2")] = 75;
		s[r][small_node("b1")] = r == 0 ? HUGE_VAL : 100;
		s[r][small_node("b2")] = r == 0 ? -HUGE_VAL : 50;
		s[r][small_node("b3")] = r == 0 ? 1 : 50;
	}
	plan = rs_formula_plan_new(&small_fw, &rule, 1, NULL, NULL);
	assert_int_equal(rs_formula_plan_scores(plan, &s[0][0], 2, 16, NULL,
	    index, icov, bad), 0);
	rs_formula_plan_free(plan);
	assert_nan(s[0][small_node("B")]);
	assert_same(index[0], 66.25);
	assert_same(icov[0], 2.0 / 3);
	/* the second row, every score finite: (2 * 66.25 + 75) / 3 */
	assert_same(s[1][small_node("B")], 75);
	assert_same(index[1], 207.5 / 3);
	assert_same(icov[1], 1);
}

/*
 * The one order: rs_keyed_sort() gives what qsort() with rs_keyed_cmp()
 * gives, for every length from 0 to 300 (below, at and across the runs
 * of 16 it sorts by insertion), with keys drawn from few values so that
 * ties fall to the id and then to the index; and a case by hand.
 */
static void
keyed_sort_is_the_one_order(void **state)
{
	static const char *const ids[] = { "b", "a", "c", "a" };
	struct rs_keyed a[300], b[300], hand[4];
	uint64_t x = 0x9e3779b97f4a7c15u;
	size_t n, i, with_ids;

	(void)state;
	for (i = 0; i < 4; i++) {
		hand[i].key = i < 2 ? 1.0 : 2.0;
		hand[i].id = ids[i];
		hand[i].index = 10 - i;
	}
	/* 2 (c, 8) and 2 (a, 7); then 1 (a, 9) and 1 (b, 10) */
	rs_keyed_sort(hand, 4);
	assert_int_equal(hand[0].index, 7);
	assert_int_equal(hand[1].index, 8);
	assert_int_equal(hand[2].index, 9);
	assert_int_equal(hand[3].index, 10);
	for (with_ids = 0; with_ids < 2; with_ids++)
		for (n = 0; n <= 300; n++) {
			for (i = 0; i < n; i++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				a[i].key = (double)(x % 7) - 3.0;
				a[i].id = with_ids ? ids[(x >> 8) % 4] : NULL;
				a[i].index = (size_t)((x >> 16) % 1000);
			}
			memcpy(b, a, n * sizeof(*a));
			qsort(b, n, sizeof(*b), rs_keyed_cmp);
			rs_keyed_sort(a, n);
			for (i = 0; i < n; i++) {
				assert_same(a[i].key, b[i].key);
				assert_ptr_equal(a[i].id, b[i].id);
				assert_int_equal(a[i].index, b[i].index);
			}
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_bits_on_every_path),
		cmocka_unit_test(band_scores_by_hand),
		cmocka_unit_test(two_roundings_of_one_mean),
		cmocka_unit_test(effective_weights_agree),
		cmocka_unit_test(one_rank_rule),
		cmocka_unit_test(keyed_sort_is_the_one_order),
		cmocka_unit_test(one_goalpost_rule),
		cmocka_unit_test(left_out_child_is_no_child),
		cmocka_unit_test(plan_follows_a_row_off_its_pattern),
	};

	return cmocka_run_group_tests_name("kernels", tests, setup,
	    small_teardown);
}
