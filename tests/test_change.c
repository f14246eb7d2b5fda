/*
 * test_change.c - change against a baseline: total, like for like on the
 * common set, composition, cities matched by id, a baseline of another
 * framework version (docs/methodology.md, "Change against a baseline")
 *
 * The framework is tests/data/small.json: A (weight 2) = a1 (1, 0..100)
 * and a2 (3, 100..0); B (1) = b1 (10..20) and B2 (b2, b3: 0..10);
 * min_coverage 0.5.  Every expected figure is worked out by hand below.
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/baseline.h"
#include "resilience/change.h"
#include "resilience/engine.h"

#define N NAN

/* The order of small.json's indicators: a1, a2, b1, b2, b3. */
static const double base_values[] = {50, 50, 15, N, N};
static const double now_values[] = {40, 50, 15, 10, N};

/*
 * Both runs on C = {a1, a2, b1} (b2 has a value now only):
 *   now:  a1 40, a2 50 (score 50): A = (40 + 3 * 50) / 4 = 47.5;
 *         b1 15 (score 50), B2 none: B = 50 (coverage 0.5);
 *         city = (2 * 47.5 + 50) / 3 = 48.333...
 *   base: A = (50 + 3 * 50) / 4 = 50; B = 50; city = 50.
 * like: city -1.666..., A -2.5, B 0, a1 -10, a2 0, b1 0; b2, B2 null.
 */
static void
like_for_like_scores_both_runs_on_the_common_set(void **state)
{
	struct rs_change_scratch *z = NULL;
	double like[16];
	size_t in;

	(void)state;
	in = rs_change_like(&small_fw, now_values, base_values, like, &z);
	assert_int_equal(in, 3);
	assert_near(like[small_fw.nnodes], 145.0 / 3 - 50, 1e-12);
	assert_near(like[small_node("A")], -2.5, 1e-12);
	assert_near(like[small_node("B")], 0, 0);
	assert_near(like[small_node("a1")], -10, 0);
	assert_near(like[small_node("a2")], 0, 0);
	assert_near(like[small_node("b1")], 0, 0);
	assert_nan(like[small_node("b2")]);
	assert_nan(like[small_node("B2")]);
	assert_nan(like[small_node("b3")]);
	/* the other way round: the negation, bit for bit */
	in = rs_change_like(&small_fw, base_values, now_values, like, &z);
	assert_int_equal(in, 3);
	assert_near(like[small_fw.nnodes], 50 - 145.0 / 3, 0);
	assert_near(like[small_node("A")], 2.5, 0);
	rs_change_scratch_free(z);
}

/* A common set too small for the coverage rule: null, not zero. */
static void
like_for_like_is_null_when_a_side_has_no_score_on_c(void **state)
{
	static const double base[] = {50, N, N, N, N};
	static const double now[] = {40, 50, 15, 10, 5};
	struct rs_change_scratch *z = NULL;
	double like[16];

	(void)state;
	/* C = {a1}: A has 1 of 4 weight, below 0.5; B has nothing. */
	assert_int_equal(rs_change_like(&small_fw, now, base, like, &z), 1);
	assert_nan(like[small_fw.nnodes]);
	assert_nan(like[small_node("A")]);
	assert_nan(like[small_node("B")]);
	assert_near(like[small_node("a1")], -10, 0);
	rs_change_scratch_free(z);
}

/* The JSON report of the baseline run, as score --format json gives. */
static const char baseline_json[] =
    "{\"framework\": {\"id\": \"small\", \"version\": \"1\"},\n"
    " \"cities\": [\n"
    "  {\"city\": \"Old name\", \"id\": \"q\", \"score\": 50,\n"
    "   \"scores\": {\"A\": {\"score\": 50}, \"B\": {\"score\": 50},\n"
    "    \"a1\": {\"score\": 50, \"value\": 50},\n"
    "    \"a2\": {\"score\": 50, \"value\": 50},\n"
    "    \"b1\": {\"score\": 50, \"value\": 15},\n"
    "    \"b2\": {\"score\": null, \"value\": null},\n"
    "    \"b3\": {\"score\": null, \"value\": null}}},\n"
    "  {\"city\": \"Gone\", \"score\": 12}\n"
    " ]}\n";

/* Scores now_values as city "New name" with id "q", and a city "r". */
static void
score_now(struct rs_results *res, double *values)
{
	static const char *const names[] = {"New name", "R"};

	memcpy(values, now_values, sizeof(now_values));
	memcpy(values + 5, now_values, sizeof(now_values));
	rs_engine_score(&small_fw, 2, names, values, res);
}

/*
 * now: A = (40 + 150) / 4 = 47.5, B2 = 100, B = (50 + 100) / 2 = 75,
 * city = (95 + 75) / 3 = 56.666...; total +6.666..., like -1.666...,
 * composition +8.333...; A: -2.5 all like; B: +25 all composition.
 */
static void
total_like_and_composition_of_a_city_matched_by_id(void **state)
{
	static const char *const ids[] = {"q", "r"};
	struct rs_baseline b;
	struct rs_results res;
	struct rs_change ch;
	struct rs_error err = {0};
	double values[10];

	(void)state;
	rs_baseline_init(&b);
	assert_int_equal(rs_baseline_load_text(&b, &small_fw, baseline_json,
	    strlen(baseline_json), "b.json", &err), 0);
	assert_int_equal(b.has_values[0], 1);
	assert_int_equal(b.has_values[1], 0);
	assert_string_equal(b.ids[1], "Gone");	/* no "id": its name */
	assert_int_equal(b.same_framework, 1);
	score_now(&res, values);
	rs_change_compute(&ch, &small_fw, &res, ids, values, &b);
	assert_int_equal(ch.refused, 0);
	assert_int_equal(ch.base_city[0], 0);
	assert_true(ch.base_city[1] == RS_NONE);
	assert_int_equal(ch.common[0], 3);
	assert_near(rs_change_total(&ch, 0, RS_NONE), 170.0 / 3 - 50,
	    1e-12);
	assert_near(rs_change_like_of(&ch, 0, RS_NONE), 145.0 / 3 - 50,
	    1e-12);
	assert_near(rs_change_composition(&ch, 0, RS_NONE), 25.0 / 3,
	    1e-12);
	/* total = like + composition, exactly as the report computes it */
	assert_near(rs_change_like_of(&ch, 0, RS_NONE) +
	    rs_change_composition(&ch, 0, RS_NONE),
	    rs_change_total(&ch, 0, RS_NONE), 1e-12);
	assert_near(rs_change_total(&ch, 0, small_node("A")), -2.5, 0);
	assert_near(rs_change_like_of(&ch, 0, small_node("A")), -2.5, 0);
	assert_near(rs_change_composition(&ch, 0, small_node("A")), 0, 0);
	assert_near(rs_change_total(&ch, 0, small_node("B")), 25, 0);
	assert_near(rs_change_like_of(&ch, 0, small_node("B")), 0, 0);
	assert_near(rs_change_composition(&ch, 0, small_node("B")), 25, 0);
	/* b2 had no value in the baseline: no change of any kind */
	assert_nan(rs_change_total(&ch, 0, small_node("b2")));
	assert_nan(rs_change_like_of(&ch, 0, small_node("b2")));
	assert_nan(rs_change_composition(&ch, 0, small_node("b2")));
	/* a city the baseline lacks has none either */
	assert_nan(rs_change_total(&ch, 1, RS_NONE));
	assert_nan(rs_change_like_of(&ch, 1, RS_NONE));
	/* "Gone" is in the baseline only */
	assert_int_equal(ch.nmissing, 1);
	assert_int_equal(ch.missing[0], 1);
	rs_change_release(&ch);
	rs_results_release(&res);
	rs_baseline_release(&b);
}

/* The same city named after its file: without ids the names differ. */
static void
without_an_id_a_renamed_city_is_missing_and_new(void **state)
{
	static const char *const ids[] = {"New name", "R"};
	struct rs_baseline b;
	struct rs_results res;
	struct rs_change ch;
	struct rs_error err = {0};
	double values[10];

	(void)state;
	rs_baseline_init(&b);
	assert_int_equal(rs_baseline_load_text(&b, &small_fw, baseline_json,
	    strlen(baseline_json), "b.json", &err), 0);
	score_now(&res, values);
	rs_change_compute(&ch, &small_fw, &res, ids, values, &b);
	assert_true(ch.base_city[0] == RS_NONE);
	assert_nan(rs_change_total(&ch, 0, RS_NONE));
	assert_int_equal(ch.nmissing, 2);
	rs_change_release(&ch);
	rs_results_release(&res);
	rs_baseline_release(&b);
}

/* Another version of the framework: the total stays, like for like not. */
static void
another_framework_version_refuses_like_for_like(void **state)
{
	static const char *const ids[] = {"q", "r"};
	char text[sizeof(baseline_json)];
	struct rs_baseline b;
	struct rs_results res;
	struct rs_change ch;
	struct rs_error err = {0};
	double values[10];
	char *v;

	(void)state;
	memcpy(text, baseline_json, sizeof(text));
	v = strstr(text, "\"version\": \"1\"");
	assert_non_null(v);
	v[12] = '2';
	rs_baseline_init(&b);
	assert_int_equal(rs_baseline_load_text(&b, &small_fw, text,
	    strlen(text), "b.json", &err), 0);
	assert_string_equal(b.version, "2");
	assert_int_equal(b.same_framework, 0);
	score_now(&res, values);
	rs_change_compute(&ch, &small_fw, &res, ids, values, &b);
	assert_int_equal(ch.refused, 1);
	assert_near(rs_change_total(&ch, 0, RS_NONE), 170.0 / 3 - 50,
	    1e-12);
	assert_nan(rs_change_like_of(&ch, 0, RS_NONE));
	assert_nan(rs_change_composition(&ch, 0, RS_NONE));
	assert_nan(rs_change_like_of(&ch, 0, small_node("A")));
	rs_change_release(&ch);
	/* no values for the run (a pipeline's results): refused too */
	rs_baseline_release(&b);
	rs_baseline_init(&b);
	assert_int_equal(rs_baseline_load_text(&b, &small_fw, baseline_json,
	    strlen(baseline_json), "b.json", &err), 0);
	rs_change_compute(&ch, &small_fw, &res, ids, NULL, &b);
	assert_int_equal(ch.refused, 1);
	assert_nan(rs_change_like_of(&ch, 0, RS_NONE));
	rs_change_release(&ch);
	rs_results_release(&res);
	rs_baseline_release(&b);
}

/* Bad "id", "value" and "version" are located in the baseline. */
static void
rejects_bad_ids_values_and_versions(void **state)
{
	static const struct {
		const char *text;
		long line, col;
		const char *msg;
	} cases[] = {
		{"{\"framework\": {\"id\": \"small\"}, \"cities\": [\n"
		 "{\"city\": \"X\", \"id\": 7, \"score\": 1}]}", 2, 21,
		 "\"id\" must be a string"},
		{"{\"framework\": {\"id\": \"small\"}, \"cities\": [\n"
		 "{\"city\": \"X\", \"id\": \"x\", \"score\": 1},\n"
		 "{\"city\": \"Y\", \"id\": \"x\", \"score\": 1}]}", 3, 21,
		 "city \"x\" appears twice"},
		{"{\"framework\": {\"id\": \"small\"}, \"cities\": [\n"
		 "{\"city\": \"X\", \"score\": 1, \"scores\": {\"a1\": "
		 "{\"score\": 1, \"value\": \"7\"}}}]}", 2, 66,
		 "\"value\" must be null or a number"},
		{"{\"framework\": {\"id\": \"small\", \"version\": 1}, "
		 "\"cities\": []}", 1, 42, "\"version\" must be a string"},
	};
	struct rs_baseline b;
	struct rs_error err;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		rs_baseline_init(&b);
		memset(&err, 0, sizeof(err));
		assert_int_equal(rs_baseline_load_text(&b, &small_fw,
		    cases[k].text, strlen(cases[k].text), "b.json", &err),
		    RS_EINPUT);
		assert_error_at(err, cases[k].line, cases[k].col,
		    cases[k].msg);
		assert_int_equal(b.ncities, 0);
		rs_baseline_release(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    like_for_like_scores_both_runs_on_the_common_set),
		cmocka_unit_test(
		    like_for_like_is_null_when_a_side_has_no_score_on_c),
		cmocka_unit_test(
		    total_like_and_composition_of_a_city_matched_by_id),
		cmocka_unit_test(
		    without_an_id_a_renamed_city_is_missing_and_new),
		cmocka_unit_test(
		    another_framework_version_refuses_like_for_like),
		cmocka_unit_test(rejects_bad_ids_values_and_versions),
	};

	return cmocka_run_group_tests(tests, small_setup, small_teardown);
}
