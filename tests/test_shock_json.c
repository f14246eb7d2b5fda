/*
 * test_shock_json.c - the "shock" section of a framework file
 * (src/ingest/shock_json.c, docs/framework-format.md, "The shock
 * section"): the years, the series and the reference, and every wrong
 * value refused at that value
 */
#include "test_util.h"

#include "sections.h"

#define SEC(p) "{\"id\": \"s\", \"shock\": " p ", \"children\": [{\"id\": " \
	"\"A\", \"children\": [{\"id\": \"x\", \"worst\": 0, \"best\": 1}, " \
	"{\"id\": \"y\", \"worst\": 0, \"best\": 1}]}]}"
#define Y "\"before\": 2018, \"shock\": 2020, \"after\": 2022"

static const struct refused bad[] = {
	{SEC("[2019]"), "[2019]", "\"shock\" must be an object with "
	    "\"before\", \"shock\" and \"after\""},
	{SEC("{" Y ", \"shock\": 2021}"), "2021}",
	    "duplicate key \"shock\""},
	{SEC("{" Y ", \"during\": 2021}"), "2021}", "unknown key "
	    "\"during\" in \"shock\" (before, shock, after, series, "
	    "reference)"},
	{SEC("{\"shock\": 2020, \"after\": 2022}"), "{\"shock\"",
	    "the \"shock\" section needs \"before\", a year"},
	{SEC("{\"before\": 2018, \"after\": 2022}"), "{\"before\"",
	    "the \"shock\" section needs \"shock\", a year"},
	{SEC("{\"before\": 2018, \"shock\": 2020}"), "{\"before\"",
	    "the \"shock\" section needs \"after\", a year"},
	{SEC("{\"before\": 0, \"shock\": 2020, \"after\": 2022}"), "0,",
	    "\"before\" must be a year from 1 to 9999"},
	{SEC("{\"before\": 2018, \"shock\": 2020.5, \"after\": 2022}"),
	    "2020.5", "\"shock\" must be a year from 1 to 9999"},
	{SEC("{\"before\": 2018, \"shock\": 2020, \"after\": \"2022\"}"),
	    "\"2022\"", "\"after\" must be a year"},
	{SEC("{\"before\": 2018, \"shock\": 2020, \"after\": 10000}"),
	    "10000", "\"after\" must be a year"},
	{SEC("{\"before\": 2020, \"shock\": 2020, \"after\": 2022}"),
	    "{\"before\"", "the \"shock\" years must run before < shock < "
	    "after, not 2020, 2020, 2022"},
	{SEC("{\"before\": 2018, \"shock\": 2022, \"after\": 2022}"),
	    "{\"before\"", "not 2018, 2022, 2022"},
	{SEC("{" Y ", \"reference\": \"\"}"), "\"\"}", "\"reference\" must be "
	    "the id or name of a row of the data"},
	{SEC("{" Y ", \"reference\": 5}"), "5}", "\"reference\" must be"},
	{SEC("{" Y ", \"series\": \"x\"}"), "\"x\"}", "\"series\" must be an "
	    "array of indicator ids"},
	{SEC("{" Y ", \"series\": [\"x\", 1]}"), "1]", "\"series\" must be an "
	    "array of indicator ids"},
	{SEC("{" Y ", \"series\": [\"z\"]}"), "\"z\"", "\"z\" in \"series\" is "
	    "not an indicator of the framework"},
	{SEC("{" Y ", \"series\": [\"A\"]}"), "\"A\"]", "\"A\" in \"series\" "
	    "is not an indicator of the framework"},
	{SEC("{" Y ", \"series\": [\"y\", \"x\", \"y\"]}"), "\"y\"]",
	    "\"y\" is twice in \"series\""},
};

static void
wrong_values_are_refused_where_they_are(void **state)
{
	(void)state;
	check_refused(bad, sizeof(bad) / sizeof(*bad));
}

static void
section_is_read(void **state)
{
	struct rs_framework fw;
	const struct rs_shock_section *s;

	(void)state;
	load_ok(&fw, SEC("{" Y ", \"series\": [\"y\", \"x\"], \"reference\": "
	    "\"Nation\"}"));
	s = fw.shock;
	assert_non_null(s);
	assert_int_equal(s->before, 2018);
	assert_int_equal(s->shock, 2020);
	assert_int_equal(s->after, 2022);
	assert_string_equal(s->reference, "Nation");
	assert_int_equal(s->nseries, 2);
	assert_int_equal(s->series[0], rs_framework_find(&fw, "y", 1));
	assert_int_equal(s->series[1], rs_framework_find(&fw, "x", 1));
	rs_framework_release(&fw);
	/* the years alone: no series, no reference */
	load_ok(&fw, SEC("{\"before\": 1, \"shock\": 2, \"after\": 9999}"));
	s = fw.shock;
	assert_int_equal(s->before, 1);
	assert_int_equal(s->after, 9999);
	assert_int_equal(s->nseries, 0);
	assert_null(s->reference);
	rs_framework_release(&fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrong_values_are_refused_where_they_are),
		cmocka_unit_test(section_is_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
