/*
 * test_uncertainty.c - the Monte Carlo uncertainty analysis: determinism,
 * and COINr's sens_UA_N1000_wn run reproduced in distribution
 */
#include "test_util.h"

#include <stdlib.h>

#include "coinr_ref.h"
#include "resilience/uncertainty.h"

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

/* sens_UA_N1000_wn: weights of levels 2 and 3, min-max or z-score. */
static void
ua_spec(struct rs_ua_spec *ua, struct rs_norm_spec norms[2], size_t runs,
    uint64_t seed)
{
	struct rs_error err = {0};

	assert_int_equal(rs_norm_spec_parse(&norms[0], "minmax:1,100", &err),
	    0);
	assert_int_equal(rs_norm_spec_parse(&norms[1], "zscore:10,2", &err),
	    0);
	memset(ua, 0, sizeof(*ua));
	ua->runs = runs;
	ua->seed = seed;
	ua->weight_noise = 0.25;
	ua->levels = 1u << 2 | 1u << 3;
	ua->norms = norms;
	ua->nnorms = 2;
}

static void
same_seed_same_ranks(void **state)
{
	struct rs_norm_spec norms[2];
	struct rs_ua_spec ua;
	struct rs_ua_result a, b, c;
	struct rs_error err = {0};
	size_t i, differ = 0;

	(void)state;
	if (!ref_present())
		skip();
	ua_spec(&ua, norms, 200, 7);
	assert_int_equal(rs_uncertainty_run(&asem, asem_spec, &asem_data, &ua,
	    &a, &err), 0);
	assert_int_equal(rs_uncertainty_run(&asem, asem_spec, &asem_data, &ua,
	    &b, &err), 0);
	ua.seed = 8;
	assert_int_equal(rs_uncertainty_run(&asem, asem_spec, &asem_data, &ua,
	    &c, &err), 0);
	for (i = 0; i < a.nunits; i++) {
		assert_memory_equal(&a.mean[i], &b.mean[i], sizeof(double));
		assert_memory_equal(&a.q95[i], &b.q95[i], sizeof(double));
		assert_true(a.q5[i] <= a.median[i] && a.median[i] <= a.q95[i]);
		differ += a.mean[i] < c.mean[i] || a.mean[i] > c.mean[i];
	}
	assert_true(differ > 0);
	rs_ua_result_release(&a);
	rs_ua_result_release(&b);
	rs_ua_result_release(&c);
	ua.runs = 0;
	assert_int_equal(rs_uncertainty_run(&asem, asem_spec, &asem_data, &ua,
	    &a, &err), RS_EUSAGE);
	rs_ua_result_release(&a);
}

/*
 * Seeded Monte Carlo on both sides, different generators: compare the
 * nominal ranks exactly and the distributions loosely.
 */
static void
asem_ua_n1000_matches_coinr(void **state)
{
	struct rs_norm_spec norms[2];
	struct rs_ua_spec ua;
	struct rs_ua_result r;
	struct rs_error err = {0};
	struct rs_csv_table t;
	size_t i, row;
	double dmean, worst_mean = 0, worst_q = 0;

	(void)state;
	if (!ref_present())
		skip();
	ua_spec(&ua, norms, 1000, 1);
	assert_int_equal(rs_uncertainty_run(&asem, asem_spec, &asem_data, &ua,
	    &r, &err), 0);
	ref_load(&t, "sens_UA_N1000_wn_RankStats.csv");
	assert_int_equal(t.nrows - 1, r.nunits);
	for (i = 0; i < r.nunits; i++) {
		row = ref_row(&t, r.unit[i]);
		assert_true(row > 0);
		assert_near((double)r.nominal[i], ref_number(&t, row, 1), 0);
		dmean = fabs(r.mean[i] - ref_number(&t, row, 2));
		worst_mean = dmean > worst_mean ? dmean : worst_mean;
		dmean = fabs(r.q5[i] - ref_number(&t, row, 4));
		worst_q = dmean > worst_q ? dmean : worst_q;
		dmean = fabs(r.q95[i] - ref_number(&t, row, 5));
		worst_q = dmean > worst_q ? dmean : worst_q;
		/* the medians agree within two places */
		assert_true(fabs(r.median[i] - ref_number(&t, row, 3)) <= 2);
	}
	print_message("mean rank: largest difference %.3f; 5%%/95%% "
	    "quantiles: %.3f\n", worst_mean, worst_q);
	assert_true(worst_mean <= 0.5);
	assert_true(worst_q <= 2.0);
	rs_csv_table_release(&t);
	rs_ua_result_release(&r);
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
