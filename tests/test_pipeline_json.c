/*
 * test_pipeline_json.c - the "pipeline" section and the per-node pipeline
 * keys of a framework file (src/ingest/pipeline_json.c, docs/pipeline.md,
 * "The pipeline section"): every key read, every wrong value refused at
 * that value
 */
#include "test_util.h"

#include "resilience/pipeline_spec.h"
#include "sections.h"

#define HEAD "{\"id\": \"p\", \"pipeline\": "
#define TAIL ", \"children\": [{\"id\": \"A\", \"children\": " \
	"[{\"id\": \"x\", \"direction\": 1}, {\"id\": \"y\"}]}]}"
#define SEC(p) HEAD p TAIL
/* an indicator with goalposts, its pipeline keys k */
#define NODE(k) "{\"id\": \"p\", \"pipeline\": {}, \"children\": [{\"id\": \"A\", " \
	"\"children\": [{\"id\": \"x\", \"worst\": 0, \"best\": 1, " k "}]}]}"
#define AGG(k) "{\"id\": \"p\", \"pipeline\": {}, \"children\": [{\"id\": \"A\", " k ", " \
	"\"children\": [{\"id\": \"x\", \"worst\": 0, \"best\": 1}]}]}"

static const struct refused bad[] = {
	{SEC("[]"), "[]", "\"pipeline\" must be an object"},
	{SEC("{\"year\": 0}"), "0}", "\"year\" must be a year from 1 to 9999"},
	{SEC("{\"year\": 2019.5}"), "2019.5", "\"year\" must be a year"},
	{SEC("{\"year\": \"2019\"}"), "\"2019\"", "\"year\" must be a year"},
	{SEC("{\"year\": 10000}"), "10000", "\"year\" must be a year"},
	{SEC("{\"denominate\": 1}"), "1}", "\"denominate\" must be true or false"},
	{SEC("{\"impute\": 3}"), "3}", "\"impute\" is a method name or an "
	    "object with a string \"method\""},
	{SEC("{\"impute\": {\"group\": \"g\"}}"), "{\"group",
	    "\"impute\" is a method name"},
	{SEC("{\"impute\": \"guess\"}"), "\"guess\"",
	    "unknown imputation \"guess\""},
	{SEC("{\"impute\": {\"method\": \"mean\", \"group\": \"\"}}"),
	    "\"\"}", "\"group\" must be a column name"},
	{SEC("{\"impute\": {\"method\": \"mean\", \"group\": 1}}"), "1}}",
	    "\"group\" must be a column name"},
	{SEC("{\"impute\": \"group-mean\"}"), "\"group-mean\"",
	    "imputation \"group-mean\" needs \"group\""},
	{SEC("{\"impute\": {\"method\": \"group-median\"}}"),
	    "{\"method\": \"group-median",
	    "imputation \"group-median\" needs \"group\""},
	{SEC("{\"screen\": 1}"), "1}", "\"screen\" must be false or an object"},
	{SEC("{\"screen\": {\"min_availability\": 2}}"), "2}",
	    "\"min_availability\" must be a number from 0 to 1"},
	{SEC("{\"screen\": {\"min_nonzero\": -0.5}}"), "-0.5",
	    "\"min_nonzero\" must be a number from 0 to 1"},
	{SEC("{\"screen\": {\"min_nonzero\": \"half\"}}"), "\"half\"",
	    "\"min_nonzero\" must be a number"},
	{SEC("{\"screen\": {\"include\": \"A\"}}"), "\"A\"}",
	    "\"include\" must be an array of unit codes"},
	{SEC("{\"screen\": {\"exclude\": [\"B\", \"\"]}}"), "\"\"]",
	    "\"exclude\" must hold non-empty strings"},
	{SEC("{\"screen\": {\"include\": [7]}}"), "7]",
	    "\"include\" must hold non-empty strings"},
	{SEC("{\"screen\": {\"by\": \"nulls\"}}"), "\"nulls\"",
	    "\"by\" must be \"missing\", \"zeros\" or \"both\""},
	{SEC("{\"screen\": {\"by\": 2}}"), "2}", "\"by\" must be"},
	{SEC("{\"treat\": \"yes\"}"), "\"yes\"",
	    "\"treat\" must be true, false or an object"},
	{SEC("{\"treat\": {\"skew\": 0}}"), "0}", "\"skew\" must be a number > 0"},
	{SEC("{\"treat\": {\"kurtosis\": \"x\"}}"), "\"x\"",
	    "\"kurtosis\" must be a number > 0"},
	{SEC("{\"treat\": {\"log\": 0}}"), "0}", "\"log\" must be true or false"},
	{SEC("{\"treat\": {\"winmax\": 2.5}}"), "2.5",
	    "\"winmax\" must be a whole number from 0"},
	{SEC("{\"treat\": {\"winmax\": -1}}"), "-1",
	    "\"winmax\" must be a whole number from 0"},
	{SEC("{\"treat\": {\"winmax\": \"5\"}}"), "\"5\"", "\"winmax\" must be"},
	{SEC("{\"normalise\": 5}"), "5}", "a normaliser is a method name or "
	    "an object with a string \"method\""},
	{SEC("{\"normalise\": {\"range\": [0, 1]}}"), "{\"range",
	    "a normaliser is a method name"},
	{SEC("{\"normalise\": \"scale\"}"), "\"scale\"",
	    "unknown normaliser \"scale\""},
	{SEC("{\"normalise\": {\"method\": \"minmax\", \"cap\": 1}}"), "1}}",
	    "\"cap\" must be true or false"},
	{SEC("{\"normalise\": {\"method\": \"minmax\", \"range\": [1]}}"),
	    "[1]", "\"range\" must be an array of two numbers"},
	{SEC("{\"normalise\": {\"method\": \"minmax\", \"range\": [1, \"a\"]}}"),
	    "[1, \"a\"]", "\"range\" must be an array of two numbers"},
	{SEC("{\"normalise\": {\"method\": \"minmax\", \"range\": 3}}"),
	    "3}}", "\"range\" must be an array of two numbers"},
	{SEC("{\"normalise\": {\"method\": \"minmax\", \"range\": [5, 1]}}"),
	    "[5, 1]", "range [5, 1] is empty"},
	{SEC("{\"aggregate\": 1}"), "1}", "an aggregator is a method name or "
	    "an object with a string \"method\""},
	{SEC("{\"aggregate\": {\"method\": 2}}"), "2}}", "an aggregator is"},
	{SEC("{\"aggregate\": \"median\"}"), "\"median\"",
	    "unknown aggregator \"median\" (amean, gmean, hmean)"},
	{SEC("{\"aggregate\": {\"min_coverage\": 1.5}}"), "1.5",
	    "\"min_coverage\" must be a number from 0 to 1"},
	/* per node */
	{NODE("\"direction\": 2"), "2}", "indicator \"x\": \"direction\" must "
	    "be 1 or -1"},
	{NODE("\"direction\": \"up\""), "\"up\"", "\"direction\" must be 1 or -1"},
	{NODE("\"direction\": -1"), "-1", "indicator \"x\": \"direction\" -1 "
	    "contradicts its goalposts"},
	{NODE("\"target\": \"high\""), "\"high\"",
	    "indicator \"x\": \"target\" must be a number"},
	{NODE("\"denominator\": \"\""), "\"\"}",
	    "indicator \"x\": \"denominator\" must be a column name"},
	{NODE("\"denominator\": 3"), "3}", "\"denominator\" must be a column"},
	{NODE("\"scale\": -2"), "-2", "\"scale\" must be a number > 0"},
	{NODE("\"treat\": \"no\""), "\"no\"", "\"treat\" must be true or false"},
	{NODE("\"normalise\": \"nope\""), "\"nope\"",
	    "unknown normaliser \"nope\""},
	{AGG("\"aggregate\": \"max\""), "\"max\"", "unknown aggregator \"max\""},
	{AGG("\"min_coverage\": 7"), "7,", "\"min_coverage\" must be a number "
	    "from 0 to 1"},
};

static void
wrong_values_are_refused_where_they_are(void **state)
{
	(void)state;
	check_refused(bad, sizeof(bad) / sizeof(*bad));
}

/* Every key of the section, read into the spec. */
static void
section_is_read_whole(void **state)
{
	struct rs_framework fw;
	const struct rs_pipeline_spec *s;

	(void)state;
	load_ok(&fw, SEC("{\"year\": 2019, \"denominate\": true, "
	    "\"impute\": {\"method\": \"group-median\", \"group\": \"grp\"}, "
	    "\"screen\": {\"min_availability\": 0.5, \"min_nonzero\": 0.25, "
	    "\"include\": [\"A\", \"B\"], \"exclude\": [\"C\"], \"by\": "
	    "\"both\"}, \"treat\": {\"skew\": 3, \"kurtosis\": 4.5, \"log\": "
	    "true, \"winmax\": 7}, \"normalise\": {\"method\": \"zscore\", "
	    "\"range\": [10, 2], \"cap\": true}, \"aggregate\": {\"method\": "
	    "\"gmean\", \"min_coverage\": 0.75}}"));
	s = fw.pipeline;
	assert_non_null(s);
	assert_int_equal(s->has_year, 1);
	assert_int_equal(s->year, 2019);
	assert_int_equal(s->denominate, 1);
	assert_int_equal(s->impute, RS_IMPUTE_GROUP_MEDIAN);
	assert_string_equal(s->impute_group, "grp");
	assert_int_equal(s->screen, 1);
	assert_near(s->screen_min, 0.5, 0);
	assert_near(s->screen_nonzero, 0.25, 0);
	assert_int_equal(s->ninclude, 2);
	assert_string_equal(s->include[1], "B");
	assert_int_equal(s->nexclude, 1);
	assert_string_equal(s->exclude[0], "C");
	assert_int_equal(s->treat, 1);
	assert_near(s->skew_max, 3, 0);
	assert_near(s->kurt_max, 4.5, 0);
	assert_int_equal(s->treat_log, 1);
	assert_int_equal(s->winmax, 7);
	assert_int_equal(s->norm.method, RS_NORM_ZSCORE);
	assert_int_equal(s->norm.has_range, 1);
	assert_near(s->norm.lo, 10, 0);
	assert_near(s->norm.hi, 2, 0);
	assert_int_equal(s->norm.cap, 1);
	assert_int_equal(s->agg, RS_AGG_GMEAN);
	assert_near(s->min_coverage, 0.75, 0);
	rs_framework_release(&fw);
}

/* false turns screening and treatment off; a name stands for an object. */
static void
short_forms(void **state)
{
	struct rs_framework fw;
	const struct rs_pipeline_spec *s;

	(void)state;
	load_ok(&fw, SEC("{\"screen\": false, \"treat\": false, "
	    "\"impute\": \"median\", \"normalise\": \"rank\", "
	    "\"aggregate\": \"hmean\"}"));
	s = fw.pipeline;
	assert_int_equal(s->screen, 0);
	assert_int_equal(s->treat, 0);
	assert_int_equal(s->impute, RS_IMPUTE_MEDIAN);
	assert_null(s->impute_group);
	assert_int_equal(s->norm.method, RS_NORM_RANK);
	assert_int_equal(s->norm.has_range, 0);
	assert_int_equal(s->agg, RS_AGG_HMEAN);
	rs_framework_release(&fw);
	load_ok(&fw, SEC("{\"screen\": true, \"treat\": true, "
	    "\"aggregate\": {\"min_coverage\": 0.2}}"));
	s = fw.pipeline;
	assert_int_equal(s->screen, 1);
	assert_int_equal(s->treat, 1);
	assert_near(s->min_coverage, 0.2, 0);
	rs_framework_release(&fw);
}

/* The keys of an indicator and of an aggregate. */
static void
node_keys_are_read(void **state)
{
	struct rs_framework fw;
	const struct rs_node_spec *x, *a;
	size_t ix, ia;

	(void)state;
	load_ok(&fw, "{\"id\": \"p\", \"pipeline\": {}, \"children\": [{\"id\": "
	    "\"A\", \"aggregate\": {\"method\": \"gmean\", \"min_coverage\": "
	    "0.4}, \"children\": [{\"id\": \"x\", \"direction\": -1, "
	    "\"target\": 12.5, \"denominator\": \"pop\", \"scale\": 1000, "
	    "\"treat\": false, \"normalise\": {\"method\": \"minmax\", "
	    "\"range\": [1, 100]}}]}]}");
	ix = rs_framework_find(&fw, "x", 1);
	ia = rs_framework_find(&fw, "A", 1);
	assert_true(fw.pipeline->nnode > ix && fw.pipeline->nnode > ia);
	x = &fw.pipeline->node[ix];
	a = &fw.pipeline->node[ia];
	assert_int_equal(x->direction, -1);
	assert_int_equal(x->has_target, 1);
	assert_near(x->target, 12.5, 0);
	assert_string_equal(x->denominator, "pop");
	assert_near(x->scale, 1000, 0);
	assert_int_equal(x->treat, 0);
	assert_int_equal(x->has_norm, 1);
	assert_int_equal(x->norm.method, RS_NORM_MINMAX);
	assert_near(x->norm.lo, 1, 0);
	assert_near(x->norm.hi, 100, 0);
	assert_int_equal(a->agg, RS_AGG_GMEAN);
	assert_near(a->min_coverage, 0.4, 0);
	rs_framework_release(&fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrong_values_are_refused_where_they_are),
		cmocka_unit_test(section_is_read_whole),
		cmocka_unit_test(short_forms),
		cmocka_unit_test(node_keys_are_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
