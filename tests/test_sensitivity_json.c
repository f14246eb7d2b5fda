/*
 * test_sensitivity_json.c - the "sensitivity" section of a framework file
 * (src/ingest/sensitivity_json.c, docs/sensitivity.md, "The sensitivity
 * section of a framework"): every key read, every wrong value refused at
 * that value
 */
#include "test_util.h"

#include "resilience/pipeline_spec.h"
#include "resilience/sa_section.h"
#include "sections.h"

#define SEC(p) "{\"id\": \"s\", \"sensitivity\": " p ", \"children\": " \
	"[{\"id\": \"x\", \"worst\": 0, \"best\": 1}]}"
#define W(k) SEC("{\"weights\": {\"noise\": 0.1, " k "}}")

static const struct refused bad[] = {
	{SEC("[1]"), "[1]", "\"sensitivity\" must be an object"},
	{SEC("{\"runs\": 0}"), "0}", "\"runs\" must be a whole number from 1 "
	    "to 10000000"},
	{SEC("{\"runs\": 2.5}"), "2.5", "\"runs\" must be a whole number"},
	{SEC("{\"runs\": \"9\"}"), "\"9\"", "\"runs\" must be a whole number"},
	{SEC("{\"seed\": -1}"), "-1", "\"seed\" must be a whole number from 0 "
	    "to 9007199254740992"},
	{SEC("{\"bootstrap\": 100001}"), "100001", "\"bootstrap\" must be a "
	    "whole number from 0 to 100000"},
	{SEC("{\"weights\": 0.3}"), "0.3", "\"weights\" must be an object "
	    "such as {\"noise\": 0.25}"},
	{SEC("{\"weights\": {}}"), "{}}", "\"weights\" needs a \"noise\" from "
	    "0 to below 1"},
	{SEC("{\"weights\": {\"noise\": 1}}"), "1}}", "\"weights\" needs a "
	    "\"noise\" from 0 to below 1"},
	{SEC("{\"goalposts\": {\"noise\": 0.5}}"), "0.5", "\"goalposts\" needs "
	    "a \"noise\" from 0 to below 0.5"},
	{SEC("{\"goalposts\": {\"noise\": \"a\"}}"), "\"a\"", "\"goalposts\" "
	    "needs a \"noise\""},
	{W("\"sets\": 1.5"), "1.5", "\"sets\" must be a whole number from 0 "
	    "to 1000000"},
	{W("\"levels\": []"), "[]", "\"levels\" belongs to \"weights\", as a "
	    "non-empty array such as [2, 3]"},
	{W("\"levels\": 2"), "2}", "\"levels\" belongs to \"weights\""},
	{SEC("{\"goalposts\": {\"noise\": 0.1, \"levels\": [1]}}"), "[1]",
	    "\"levels\" belongs to \"weights\""},
	{W("\"levels\": [2, 32]"), "32", "a level is a whole number from 1 "
	    "(indicators) to 31"},
	{W("\"levels\": [0]"), "0]", "a level is a whole number"},
	{W("\"levels\": [1.5]"), "1.5", "a level is a whole number"},
	{W("\"levels\": [\"2\"]"), "\"2\"", "a level is a whole number"},
	{SEC("{\"normalise\": []}"), "[]", "\"normalise\" must be an array of "
	    "1 to 16 normalisers such as \"minmax:1,100\""},
	{SEC("{\"normalise\": \"minmax\"}"), "\"minmax\"", "\"normalise\" must "
	    "be an array"},
	{SEC("{\"aggregate\": [\"amean\", \"amean\", \"amean\", \"amean\", "
	    "\"amean\", \"amean\", \"amean\", \"amean\", \"amean\", \"amean\", "
	    "\"amean\", \"amean\", \"amean\", \"amean\", \"amean\", \"amean\", "
	    "\"amean\"]}"), "[\"amean\"", "\"aggregate\" must be an array of 1 "
	    "to 16 aggregators such as \"gmean\""},
	{SEC("{\"normalise\": [3]}"), "3]", "an alternative is a string"},
	{SEC("{\"aggregate\": [\"gmean\", null]}"), "null", "an alternative "
	    "is a string"},
	{SEC("{\"normalise\": [\"minmax:5,1\"]}"), "\"minmax:5,1\"",
	    "range [5, 1] is empty"},
	{SEC("{\"normalise\": [\"tanh\"]}"), "\"tanh\"",
	    "unknown normaliser \"tanh\""},
	{SEC("{\"aggregate\": [\"median\"]}"), "\"median\"", "an aggregator "
	    "is \"amean\", \"gmean\" or \"hmean\""},
	{SEC("{\"exclude_indicators\": 1}"), "1}", "\"exclude_indicators\" "
	    "must be true or false"},
	{SEC("{\"sobol\": \"yes\"}"), "\"yes\"", "\"sobol\" must be true or "
	    "false"},
	{SEC("{\"winmax\": [3]}"), "[3]", "\"winmax\" must be [A, B], whole "
	    "numbers with 1 <= A <= B <= 1000"},
	{SEC("{\"winmax\": [5, 2]}"), "[5, 2]", "\"winmax\" must be [A, B]"},
	{SEC("{\"winmax\": [0, 2]}"), "[0, 2]", "\"winmax\" must be [A, B]"},
	{SEC("{\"winmax\": [1, 1001]}"), "[1, 1001]", "\"winmax\" must be"},
	{SEC("{\"winmax\": [1.5, 2]}"), "[1.5, 2]", "\"winmax\" must be"},
	{SEC("{\"winmax\": [1, 2.5]}"), "[1, 2.5]", "\"winmax\" must be"},
	{SEC("{\"winmax\": [1, \"2\"]}"), "[1, \"2\"]", "\"winmax\" must be"},
	{SEC("{\"winmax\": 3}"), "3}", "\"winmax\" must be"},
};

static void
wrong_values_are_refused_where_they_are(void **state)
{
	(void)state;
	check_refused(bad, sizeof(bad) / sizeof(*bad));
}

static void
every_key_is_read(void **state)
{
	struct rs_framework fw;
	const struct rs_sa_section *s;

	(void)state;
	load_ok(&fw, SEC("{\"runs\": 40, \"seed\": 9007199254740992, "
	    "\"bootstrap\": 0, \"weights\": {\"noise\": 0.25, \"sets\": 100, "
	    "\"levels\": [1, 3]}, \"goalposts\": {\"noise\": 0.1, \"sets\": "
	    "7}, \"normalise\": [\"minmax:1,100\", \"zscore\"], \"aggregate\": "
	    "[\"gmean\", \"hmean\", \"amean\"], \"exclude_indicators\": false, "
	    "\"sobol\": true, \"winmax\": [2, 5]}"));
	s = fw.sensitivity;
	assert_non_null(s);
	assert_true(s->has_runs && s->runs == 40);
	assert_true(s->has_seed && s->seed == 9007199254740992u);
	assert_true(s->has_bootstrap && s->bootstrap == 0);
	assert_true(s->has_weights && s->has_weight_sets &&
	    s->weight_sets == 100);
	assert_near(s->weight_noise, 0.25, 0);
	/* bit L for level L: 1 and 3 */
	assert_true(s->has_levels);
	assert_int_equal(s->levels, 0xA);
	assert_true(s->has_goalposts && s->has_goalpost_sets &&
	    s->goalpost_sets == 7);
	assert_near(s->goalpost_noise, 0.1, 0);
	assert_int_equal(s->nnorms, 2);
	assert_int_equal(s->norms[0].method, RS_NORM_MINMAX);
	assert_near(s->norms[0].hi, 100, 0);
	assert_int_equal(s->norms[1].method, RS_NORM_ZSCORE);
	assert_int_equal(s->naggs, 3);
	assert_int_equal(s->aggs[0], RS_AGG_GMEAN);
	assert_int_equal(s->aggs[1], RS_AGG_HMEAN);
	assert_int_equal(s->aggs[2], RS_AGG_AMEAN);
	assert_true(s->has_exclude && !s->exclude);
	assert_true(s->has_sobol && s->sobol);
	assert_int_equal(s->winmax_lo, 2);
	assert_int_equal(s->winmax_hi, 5);
	rs_framework_release(&fw);
}

/* What is not given is marked so: the command line's defaults hold. */
static void
an_empty_section_sets_nothing(void **state)
{
	struct rs_framework fw;
	const struct rs_sa_section *s;

	(void)state;
	load_ok(&fw, SEC("{}"));
	s = fw.sensitivity;
	assert_non_null(s);
	assert_false(s->has_runs || s->has_seed || s->has_bootstrap ||
	    s->has_weights || s->has_levels || s->has_weight_sets ||
	    s->has_goalposts || s->has_goalpost_sets || s->has_exclude ||
	    s->has_sobol);
	assert_int_equal(s->winmax_lo, 0);
	assert_int_equal(s->nnorms + s->naggs, 0);
	rs_framework_release(&fw);
	/* and a framework without one has none */
	load_ok(&fw, "{\"id\": \"s\", \"children\": [{\"id\": \"x\", "
	    "\"worst\": 0, \"best\": 1}]}");
	assert_null(fw.sensitivity);
	rs_framework_release(&fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrong_values_are_refused_where_they_are),
		cmocka_unit_test(every_key_is_read),
		cmocka_unit_test(an_empty_section_sets_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
