/*
 * test_uncertainty.c - the uncertainty analysis (resilience uncertainty,
 * another name for resilience sensitivity): determinism, and COINr's
 * sens_UA_N1000_wn run reproduced in distribution by rs_sensitivity_run()
 */
#include "test_util.h"

#include <stdlib.h>

#include "coinr_ref.h"
#include "resilience/sensitivity.h"

static struct rs_framework asem;
static struct rs_table asem_data;
static struct rs_pipeline_spec *asem_spec;

static int
setup(void **state)
{
	(void)state;
	return ref_asem_load(&asem, &asem_data, &asem_spec);
}

static int
teardown(void **state)
{
	(void)state;
	rs_pipeline_spec_free(asem_spec);
	rs_table_release(&asem_data);
	rs_framework_release(&asem);
	return 0;
}

/*
 * sens_UA_N1000_wn as the command line gives it: --weight-noise 0.25
 * --noise-levels 2,3 --vary-normalise minmax:1,100 --vary-normalise
 * zscore:10,2 --runs N --seed S (a fresh weight set per run).
 */
static void
ua_spec(struct rs_sa_spec *sa, struct rs_norm_spec norms[2], size_t runs,
    uint64_t seed, unsigned threads)
{
	struct rs_error err = {0};

	assert_int_equal(rs_norm_spec_parse(&norms[0], "minmax:1,100", &err),
	    0);
	assert_int_equal(rs_norm_spec_parse(&norms[1], "zscore:10,2", &err),
	    0);
	memset(sa, 0, sizeof(*sa));
	sa->runs = runs;
	sa->seed = seed;
	sa->threads = threads;
	sa->weight_noise = 0.25;
	sa->levels = 1u << 2 | 1u << 3;
	sa->norms = norms;
	sa->nnorms = 2;
	sa->bootstrap = 100;
}

static void
same_seed_same_ranks(void **state)
{
	struct rs_norm_spec norms[2];
	struct rs_sa_spec sa;
	struct rs_sa_result a, b, c;
	struct rs_error err = {0};
	size_t i, differ = 0;

	(void)state;
	if (!ref_present())
		skip();
	ua_spec(&sa, norms, 200, 7, 1);
	assert_int_equal(rs_sensitivity_run(&asem, asem_spec, &asem_data,
	    NULL, NULL, 0, &sa, &a, &err), 0);
	sa.threads = 3;		/* the same bits on any number of threads */
	assert_int_equal(rs_sensitivity_run(&asem, asem_spec, &asem_data,
	    NULL, NULL, 0, &sa, &b, &err), 0);
	sa.seed = 8;
	assert_int_equal(rs_sensitivity_run(&asem, asem_spec, &asem_data,
	    NULL, NULL, 0, &sa, &c, &err), 0);
	assert_int_equal(a.nunits, 51);
	assert_int_equal(a.nruns, 200);
	for (i = 0; i < a.nunits; i++) {
		assert_memory_equal(&a.mean[i], &b.mean[i], sizeof(double));
		assert_memory_equal(&a.q95[i], &b.q95[i], sizeof(double));
		assert_true(a.q5[i] <= a.median[i] && a.median[i] <= a.q95[i]);
		differ += a.mean[i] < c.mean[i] || a.mean[i] > c.mean[i];
	}
	assert_true(differ > 0);
	rs_sa_result_release(&a);
	rs_sa_result_release(&b);
	rs_sa_result_release(&c);
	sa.runs = 0;
	assert_int_equal(rs_sensitivity_run(&asem, asem_spec, &asem_data,
	    NULL, NULL, 0, &sa, &a, &err), RS_EUSAGE);
	rs_sa_result_release(&a);
}

/*
 * Seeded Monte Carlo on both sides, different generators: compare the
 * nominal ranks exactly and the distributions within Monte Carlo error.
 * Over seeds 1 to 20 (N = 1000) the standard deviation of our estimate
 * of a unit's mean rank is at most 0.128; COINr's estimate has an error
 * of its own of the same size, so their difference has at most
 * sqrt(2) * 0.128 = 0.18, and 0.65 is 3.6 of those for the noisiest
 * unit (over those seeds the largest difference was 0.41).  The medians
 * and the 5th and 95th percentiles are ranks or halfway between two:
 * they differed by at most 1 on every seed; 2 is allowed.
 */
static void
asem_ua_n1000_matches_coinr(void **state)
{
	struct rs_norm_spec norms[2];
	struct rs_sa_spec sa;
	struct rs_sa_result r;
	struct rs_error err = {0};
	struct rs_csv_table t;
	size_t i, row;
	double d, worst_mean = 0, worst_q = 0;

	(void)state;
	if (!ref_present())
		skip();
	ua_spec(&sa, norms, 1000, 1, 2);
	assert_int_equal(rs_sensitivity_run(&asem, asem_spec, &asem_data,
	    NULL, NULL, 0, &sa, &r, &err), 0);
	assert_int_equal(r.ninputs, 2);
	assert_int_equal(r.input[0], RS_SA_WEIGHTS);
	assert_int_equal(r.input[1], RS_SA_NORMALISE);
	ref_load(&t, "sens_UA_N1000_wn_RankStats.csv");
	assert_int_equal(t.nrows - 1, r.nunits);
	for (i = 0; i < r.nunits; i++) {
		row = ref_row(&t, r.unit[i]);
		assert_true(row > 0);
		assert_near((double)r.nominal[i], ref_number(&t, row, 1), 0);
		d = fabs(r.mean[i] - ref_number(&t, row, 2));
		worst_mean = d > worst_mean ? d : worst_mean;
		d = fabs(r.q5[i] - ref_number(&t, row, 4));
		worst_q = d > worst_q ? d : worst_q;
		d = fabs(r.q95[i] - ref_number(&t, row, 5));
		worst_q = d > worst_q ? d : worst_q;
		assert_true(fabs(r.median[i] - ref_number(&t, row, 3)) <= 2);
	}
	print_message("mean rank: largest difference %.3f; 5%%/95%% "
	    "quantiles: %.3f\n", worst_mean, worst_q);
	assert_true(worst_mean <= 0.65);
	assert_true(worst_q <= 2.0);
	rs_csv_table_release(&t);
	rs_sa_result_release(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_seed_same_ranks),
		cmocka_unit_test(asem_ua_n1000_matches_coinr),
	};

	return cmocka_run_group_tests_name("uncertainty", tests, setup,
	    teardown);
}
