/*
 * test_engine.c - the scoring contract (docs/methodology.md), pinned with
 * numbers computed by hand from tests/data/small.json
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/engine.h"
#include "resilience/framework.h"

/* Indicator order in small.json: a1 a2 b1 b2 b3. */
#define N ((double)NAN)

static void
score(const double *values, size_t n, struct rs_results *res)
{
	static const char *const names[] = {"X", "Y", "Z", "W"};

	rs_engine_score(&small_fw, n, names, values, res);
}

static void
indicator_score_is_clamped_linear(void **state)
{
	const struct rs_node *a1 = &small_fw.nodes[small_node("a1")];
	const struct rs_node *a2 = &small_fw.nodes[small_node("a2")];
	const struct rs_node *b1 = &small_fw.nodes[small_node("b1")];

	(void)state;
	assert_near(rs_indicator_score(a1, 40), 40, 1e-12);
	assert_near(rs_indicator_score(a2, 25), 75, 1e-12);
	assert_near(rs_indicator_score(b1, 25), 100, 0);	/* clamped */
	assert_near(rs_indicator_score(b1, 0), 0, 0);		/* clamped */
	assert_near(rs_indicator_score(b1, 12.5), 25, 1e-12);
	assert_nan(rs_indicator_score(a1, N));
	/* never -0: 100 * 0 / -100 */
	assert_false(signbit(rs_indicator_score(a2, 100)));
}

static void
aggregates_weigh_available_children(void **state)
{
	/* X: a1=40 a2=25 b1=25 b2=5 b3 missing */
	const double v[] = {40, 25, 25, 5, N};
	struct rs_results res;
	const struct rs_city_result *c;

	(void)state;
	score(v, 1, &res);
	c = &res.cities[0];
	/* A = (1*40 + 3*75) / 4 */
	assert_near(c->score_of[small_node("A")], 66.25, 1e-12);
	assert_near(c->coverage_of[small_node("A")], 1, 0);
	/* B2 = b2 alone: coverage 1/2 is exactly min_coverage */
	assert_near(c->score_of[small_node("B2")], 50, 1e-12);
	assert_near(c->coverage_of[small_node("B2")], 0.5, 0);
	/* B = (100 + 50) / 2 */
	assert_near(c->score_of[small_node("B")], 75, 1e-12);
	/* city = (2 * 66.25 + 1 * 75) / 3 */
	assert_near(c->score, 207.5 / 3, 1e-12);
	assert_near(c->coverage, 1, 0);
	assert_string_equal(small_fw.levels[c->level].id, "sound");
	assert_int_equal(c->rank, 1);
	assert_near(c->value[small_node("a2")], 25, 0);
	assert_nan(c->value[small_node("b3")]);
	assert_nan(c->coverage_of[small_node("a1")]);
	rs_results_release(&res);
}

static void
effective_weights_and_gains(void **state)
{
	const double v[] = {40, 25, 25, 5, N};
	struct rs_results res;
	const struct rs_city_result *c;

	(void)state;
	score(v, 1, &res);
	c = &res.cities[0];
	assert_near(c->weight_of[small_node("A")], 2.0 / 3, 1e-15);
	assert_near(c->weight_of[small_node("a1")], 1.0 / 6, 1e-15);
	assert_near(c->weight_of[small_node("a2")], 0.5, 1e-15);
	assert_near(c->weight_of[small_node("b1")], 1.0 / 6, 1e-15);
	/* b3 has no score, so b2 carries all of B2's weight */
	assert_near(c->weight_of[small_node("b2")], 1.0 / 6, 1e-15);
	assert_nan(c->weight_of[small_node("b3")]);
	assert_near(c->gain_of[small_node("a1")], 10, 1e-12);
	assert_near(c->gain_of[small_node("a2")], 12.5, 1e-12);
	assert_near(c->gain_of[small_node("b1")], 0, 0);
	assert_near(c->gain_of[small_node("b2")], 50.0 / 6, 1e-12);
	assert_nan(c->gain_of[small_node("b3")]);
	/* aggregates sum their indicators' gains */
	assert_near(c->gain_of[small_node("A")], 22.5, 1e-12);
	assert_near(c->gain_of[small_node("B")], 50.0 / 6, 1e-12);
	/* priorities: gain > 0, descending; b1 (gain 0) is left out */
	assert_int_equal(c->npriorities, 3);
	assert_string_equal(small_fw.nodes[c->priorities[0]].id, "a2");
	assert_string_equal(small_fw.nodes[c->priorities[1]].id, "a1");
	assert_string_equal(small_fw.nodes[c->priorities[2]].id, "b2");
	assert_int_equal(c->nmissing, 1);
	assert_string_equal(small_fw.nodes[c->missing[0]].id, "b3");
	rs_results_release(&res);
}

static void
weights_of_scored_indicators_sum_to_one(void **state)
{
	const double v[] = {40, 25, 25, 5, N};
	struct rs_results res;
	const struct rs_city_result *c;
	double sum = 0, dot = 0;
	size_t k, i;

	(void)state;
	score(v, 1, &res);
	c = &res.cities[0];
	for (k = 0; k < small_fw.nindicators; k++) {
		i = small_fw.indicators[k];
		if (isnan(c->weight_of[i]))
			continue;
		sum += c->weight_of[i];
		dot += c->weight_of[i] * c->score_of[i];
	}
	assert_near(sum, 1, 1e-12);
	assert_near(dot, c->score, 1e-12);
	rs_results_release(&res);
}

static void
coverage_below_minimum_gives_null(void **state)
{
	/* Y: a1 only. A: coverage 1/4 < 0.5; B: nothing */
	const double v[] = {100, N, N, N, N};
	struct rs_results res;
	const struct rs_city_result *c;

	(void)state;
	score(v, 1, &res);
	c = &res.cities[0];
	assert_near(c->score_of[small_node("a1")], 100, 0);
	assert_nan(c->score_of[small_node("A")]);
	assert_near(c->coverage_of[small_node("A")], 0.25, 0);
	assert_nan(c->score_of[small_node("B2")]);
	assert_near(c->coverage_of[small_node("B2")], 0, 0);
	assert_nan(c->score);
	assert_near(c->coverage, 0, 0);
	assert_true(c->level == RS_NONE);
	assert_int_equal(c->rank, 0);
	/* no path of scored nodes: no weight, no gain, no priority */
	assert_nan(c->weight_of[small_node("a1")]);
	assert_nan(c->gain_of[small_node("a1")]);
	assert_int_equal(c->npriorities, 0);
	assert_int_equal(c->nmissing, 4);
	rs_results_release(&res);
}

static void
priority_ties_break_by_id(void **state)
{
	/* Z: everything at its worst; a1 and b1 both weigh 1/6 exactly */
	const double v[] = {0, 100, 10, 0, 0};
	static const char *const want[] = {"a2", "a1", "b1", "b2", "b3"};
	struct rs_results res;
	const struct rs_city_result *c;
	size_t k;

	(void)state;
	score(v, 1, &res);
	c = &res.cities[0];
	assert_near(c->score, 0, 0);
	assert_string_equal(small_fw.levels[c->level].id, "weak");
	assert_int_equal(c->npriorities, 5);
	for (k = 0; k < 5; k++)
		assert_string_equal(small_fw.nodes[c->priorities[k]].id, want[k]);
	assert_near(c->gain_of[small_node("a2")], 50, 1e-12);
	assert_near(c->gain_of[small_node("b3")], 100.0 / 12, 1e-12);
	rs_results_release(&res);
}

static void
ranks_share_ties_and_skip_nulls(void **state)
{
	/* X 69.17, Y null, Z 0, W = X */
	const double v[] = {
		40, 25, 25, 5, N,
		100, N, N, N, N,
		0, 100, 10, 0, 0,
		40, 25, 25, 5, N,
	};
	struct rs_results res;

	(void)state;
	score(v, 4, &res);
	assert_int_equal(res.cities[0].rank, 1);
	assert_int_equal(res.cities[1].rank, 0);
	assert_int_equal(res.cities[2].rank, 3);
	assert_int_equal(res.cities[3].rank, 1);
	rs_results_release(&res);
}

static void
levels_start_at_their_minimum(void **state)
{
	(void)state;
	assert_string_equal(small_fw.levels[rs_framework_level(&small_fw, 0)].id, "weak");
	assert_string_equal(small_fw.levels[rs_framework_level(&small_fw, 19.999)].id,
	    "weak");
	assert_string_equal(small_fw.levels[rs_framework_level(&small_fw, 20)].id,
	    "moderate-weak");
	assert_string_equal(small_fw.levels[rs_framework_level(&small_fw, 60)].id,
	    "sound");
	assert_string_equal(small_fw.levels[rs_framework_level(&small_fw, 80)].id, "high");
	assert_string_equal(small_fw.levels[rs_framework_level(&small_fw, 100)].id,
	    "high");
}

/*
 * "Weight if collected" must be what the engine itself gives the indicator
 * once a value is filled in: check it bit for bit for every missing
 * indicator of several cities, and for indicators that have a value.
 */
static void
weight_if_known_matches_a_rescore(void **state)
{
	static const double rows[][5] = {
		{40, 25, 25, 5, N},	/* X */
		{100, N, N, N, N},	/* Y */
		{N, N, N, N, N},	/* nothing */
		{N, N, 25, N, N},	/* B only, via b1 */
		{0, 100, 10, 0, 0},	/* Z: complete */
		{N, 50, N, 5, N},
	};
	struct rs_results res, again;
	double v[5], w;
	size_t r, k, i, blocker;

	(void)state;
	for (r = 0; r < sizeof(rows) / sizeof(*rows); r++) {
		score(rows[r], 1, &res);
		for (k = 0; k < small_fw.nindicators; k++) {
			i = small_fw.indicators[k];
			w = rs_engine_weight_if_known(&small_fw, &res.cities[0], i,
			    &blocker);
			memcpy(v, rows[r], sizeof(v));
			if (isnan(v[k]))
				v[k] = small_fw.nodes[i].worst;
			score(v, 1, &again);
			if (isnan(again.cities[0].weight_of[i])) {
				assert_nan(w);
				assert_true(blocker != RS_NONE);
				assert_nan(again.cities[0].score_of[blocker]);
			} else {
				assert_near(w, again.cities[0].weight_of[i], 0);
				assert_true(blocker == RS_NONE);
			}
			rs_results_release(&again);
		}
		rs_results_release(&res);
	}
}

/*
 * The same with weights whose products depend on the order of the
 * operations (0.1, 0.7, 1.3, ...), three levels deep, over many cities
 * drawn with a fixed seed: the association must be the engine's.
 */
static void
weight_if_known_matches_with_awkward_weights(void **state)
{
	static const char text[] = "{\"id\": \"w\", \"children\": ["
	    "{\"id\": \"P\", \"weight\": 0.7, \"children\": ["
	    " {\"id\": \"Q\", \"weight\": 0.1, \"children\": ["
	    "  {\"id\": \"q1\", \"weight\": 0.3, \"worst\": 0, \"best\": 1},"
	    "  {\"id\": \"q2\", \"weight\": 1.3, \"worst\": 0, \"best\": 1},"
	    "  {\"id\": \"q3\", \"weight\": 0.2, \"worst\": 0, \"best\": 1}]},"
	    " {\"id\": \"R\", \"weight\": 0.3, \"children\": ["
	    "  {\"id\": \"r1\", \"weight\": 0.7, \"worst\": 0, \"best\": 1},"
	    "  {\"id\": \"r2\", \"weight\": 0.1, \"worst\": 0, \"best\": 1}]},"
	    " {\"id\": \"p1\", \"weight\": 0.9, \"worst\": 0, \"best\": 1}]},"
	    "{\"id\": \"S\", \"weight\": 1.3, \"children\": ["
	    " {\"id\": \"s1\", \"weight\": 0.1, \"worst\": 0, \"best\": 1},"
	    " {\"id\": \"s2\", \"weight\": 0.6, \"worst\": 0, \"best\": 1},"
	    " {\"id\": \"s3\", \"weight\": 0.7, \"worst\": 0, \"best\": 1}]}]}";
	static const char *const names[] = {"C"};
	struct rs_framework wf;
	struct rs_results res, again;
	struct rs_error err = {0};
	double v[9], x[9], w;
	uint64_t seed = 42;
	size_t run, k, i, checked = 0;

	(void)state;
	rs_framework_init(&wf);
	assert_int_equal(rs_framework_load_json(&wf, text, strlen(text),
	    "w.json", &err), 0);
	assert_int_equal(wf.nindicators, 9);
	for (run = 0; run < 2000; run++) {
		for (k = 0; k < 9; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			v[k] = (seed >> 62) == 0 ? N :
			    (double)(seed >> 11) / 9007199254740992.0;
		}
		rs_engine_score(&wf, 1, names, v, &res);
		for (k = 0; k < 9; k++) {
			i = wf.indicators[k];
			w = rs_engine_weight_if_known(&wf, &res.cities[0], i,
			    NULL);
			memcpy(x, v, sizeof(x));
			if (isnan(x[k]))
				x[k] = 0.5;
			rs_engine_score(&wf, 1, names, x, &again);
			if (isnan(again.cities[0].weight_of[i])) {
				assert_nan(w);
			} else {
				assert_memory_equal(&w,
				    &again.cities[0].weight_of[i],
				    sizeof(double));
				checked++;
			}
			rs_results_release(&again);
		}
		rs_results_release(&res);
	}
	assert_true(checked > 5000);
	rs_framework_release(&wf);
}

static void
weight_if_known_of_hand_computed_cases(void **state)
{
	/* Y: a1 = 100 only */
	const double y[] = {100, N, N, N, N};
	struct rs_results res;
	const struct rs_city_result *c;
	size_t blocker;

	(void)state;
	score(y, 1, &res);
	c = &res.cities[0];
	/* a2 brings A to coverage 1; A alone at the top: 1 * 3/4 */
	assert_near(rs_engine_weight_if_known(&small_fw, c, small_node("a2"), NULL),
	    0.75, 0);
	/* b1 brings B to coverage 1/2, exactly enough: 1 * 1/1 */
	assert_near(rs_engine_weight_if_known(&small_fw, c, small_node("b1"), &blocker),
	    1, 0);
	assert_true(blocker == RS_NONE);
	/* b3 brings B2 to 1/2 and B2 brings B to 1/2: both just enough */
	assert_near(rs_engine_weight_if_known(&small_fw, c, small_node("b3"), NULL),
	    1, 0);
	/* a1 has a value but no weight: A stays at coverage 1/4 */
	assert_nan(rs_engine_weight_if_known(&small_fw, c, small_node("a1"), &blocker));
	assert_string_equal(small_fw.nodes[blocker].id, "A");
	rs_results_release(&res);
}

static void
complete_weights_sum_to_one(void **state)
{
	double sum = 0;
	size_t k;

	(void)state;
	assert_near(rs_engine_complete_weight(&small_fw, small_node("A")), 2.0 / 3, 0);
	assert_near(rs_engine_complete_weight(&small_fw, small_node("a2")), 0.5, 0);
	assert_near(rs_engine_complete_weight(&small_fw, small_node("b1")), 1.0 / 6, 0);
	assert_near(rs_engine_complete_weight(&small_fw, small_node("b3")), 1.0 / 12, 0);
	for (k = 0; k < small_fw.nindicators; k++)
		sum += rs_engine_complete_weight(&small_fw, small_fw.indicators[k]);
	assert_near(sum, 1, 1e-15);
}

static void
light_results_make_one_city_whole_at_a_time(void **state)
{
	/* X as above; Y: a1 only, so A (1/4) and the city have no score */
	const double v[] = {40, 25, 25, 5, N, 100, N, N, N, N};
	static const char *const names[] = {"X", "Y"};
	struct rs_results res;
	struct rs_city_result one = {0};
	const struct rs_city_result *c;
	int pass;

	(void)state;
	rs_engine_score_light(&small_fw, 2, names, v, &res);
	assert_null(res.cities[0].score_of);
	assert_null(res.cities[1].weight_of);
	/* city = (2 * 66.25 + 1 * 75) / 3 */
	assert_near(res.cities[0].score, 207.5 / 3, 1e-12);
	assert_near(res.cities[0].coverage, 1, 0);
	assert_string_equal(small_fw.levels[res.cities[0].level].id, "sound");
	assert_int_equal(res.cities[0].rank, 1);
	assert_nan(res.cities[1].score);
	assert_near(res.cities[1].coverage, 0, 0);
	assert_int_equal(res.cities[1].level, RS_NONE);
	assert_int_equal(res.cities[1].rank, 0);
	c = rs_results_scores(&res, 0);
	assert_near(c->score_of[small_node("A")], 66.25, 1e-12);
	assert_near(c->score_of[small_node("B")], 75, 1e-12);
	assert_near(c->value[small_node("b2")], 5, 0);
	assert_nan(c->coverage_of[small_node("b2")]);
	assert_null(c->weight_of);		/* not made whole yet */
	for (pass = 0; pass < 2; pass++) {	/* back to X after Y */
		c = rs_results_city(&res, 0);
		assert_string_equal(c->name, "X");
		assert_int_equal(c->rank, 1);
		assert_near(c->score, 207.5 / 3, 1e-12);
		assert_near(c->score_of[small_node("A")], 66.25, 1e-12);
		assert_near(c->weight_of[small_node("a2")], 0.5, 1e-15);
		assert_near(c->gain_of[small_node("b2")], 50.0 / 6, 1e-12);
		assert_int_equal(c->npriorities, 3);
		assert_string_equal(small_fw.nodes[c->priorities[0]].id, "a2");
		assert_int_equal(c->nmissing, 1);
		assert_ptr_equal(rs_results_city(&res, 0), c);
		c = rs_results_city(&res, 1);
		assert_string_equal(c->name, "Y");
		assert_int_equal(c->rank, 0);
		assert_nan(c->score);
		assert_near(c->value[small_node("a1")], 100, 0);
		assert_near(c->score_of[small_node("a1")], 100, 1e-12);
		assert_nan(c->score_of[small_node("A")]);
		assert_near(c->coverage_of[small_node("A")], 0.25, 0);
		assert_int_equal(c->npriorities, 0);
		assert_int_equal(c->nmissing, 4);
	}
	rs_results_release(&res);

	/* One city on its own, into arrays it allocates. */
	rs_engine_score_city(&small_fw, v, &one);
	assert_near(one.score, 207.5 / 3, 1e-12);
	assert_near(one.gain_of[small_node("A")], 22.5, 1e-12);
	assert_string_equal(small_fw.nodes[one.missing[0]].id, "b3");
	free(one.value);
	free(one.score_of);
	free(one.coverage_of);
	free(one.weight_of);
	free(one.gain_of);
	free(one.priorities);
	free(one.missing);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(indicator_score_is_clamped_linear),
		cmocka_unit_test(aggregates_weigh_available_children),
		cmocka_unit_test(effective_weights_and_gains),
		cmocka_unit_test(weights_of_scored_indicators_sum_to_one),
		cmocka_unit_test(coverage_below_minimum_gives_null),
		cmocka_unit_test(priority_ties_break_by_id),
		cmocka_unit_test(ranks_share_ties_and_skip_nulls),
		cmocka_unit_test(levels_start_at_their_minimum),
		cmocka_unit_test(weight_if_known_matches_a_rescore),
		cmocka_unit_test(weight_if_known_matches_with_awkward_weights),
		cmocka_unit_test(weight_if_known_of_hand_computed_cases),
		cmocka_unit_test(complete_weights_sum_to_one),
		cmocka_unit_test(light_results_make_one_city_whole_at_a_time),
	};

	return cmocka_run_group_tests(tests, small_setup,
	    small_teardown);
}
