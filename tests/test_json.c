/*
 * test_json.c - the JSON data reader: both shapes, nulls, and every
 * rejected input located at the offending value
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/dataset.h"
#include "resilience/framework.h"

static int
read_json(struct rs_dataset *ds, const char *text, struct rs_error *err)
{
	rs_dataset_init(ds, &small_fw);
	rs_error_clear(err);
	return rs_dataset_read_text(ds, "t.json", text, strlen(text),
	    RS_INPUT_AUTO, err);
}

static void
cities_array_is_read(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;
	size_t chosen[10];

	(void)state;
	assert_int_equal(read_json(&ds, "{\"cities\": [\n"
	    " {\"city\": \"X\", \"values\": {\"a1\": 40, \"a2\": null}},\n"
	    " {\"city\": \"\xD8\xA8\xD9\x8A\xD8\xB1\xD9\x88\xD8\xAA\", "
	    "\"values\": {\"b2\": -0.5e1, \"b1\": 12}, \"note\": \"x\"}\n"
	    "]}", &err), 0);
	assert_int_equal(ds.ncities, 2);
	assert_string_equal(ds.cities[1].name,
	    "\xD8\xA8\xD9\x8A\xD8\xB1\xD9\x88\xD8\xAA");
	rs_dataset_select(&ds, 0, 0, chosen);
	assert_near(rs_dataset_obs(&ds, chosen[0])->value, 40, 0);
	assert_true(chosen[1] == RS_NONE);
	assert_near(rs_dataset_obs(&ds, chosen[5 + 3])->value, -5, 0);
	assert_near(rs_dataset_obs(&ds, chosen[5 + 2])->value, 12, 0);
	rs_dataset_release(&ds);
}

static void
single_city_object_is_read(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_json(&ds, "\xEF\xBB\xBF{\"city\": \"Kuwait\", "
	    "\"values\": {}}", &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_int_equal(ds.nobs, 0);
	rs_dataset_release(&ds);
}

struct bad_case {
	const char *text;
	long line, col;
	const char *msg;
};

static const struct bad_case bad_cases[] = {
	{"", 1, 1, "empty file"},
	{"  \n ", 1, 1, "empty file"},
	/* At the bracket after the comma (cJSON points one past it) */
	{"{\"cities\": [\n{\"city\": \"X\", \"values\": {\"a1\": 1,}}]}", 2, 34,
	    "invalid JSON syntax"},
	{"{\"cities\": [", 1, 13, "unexpected end of file"},
	{"{\"city\": \"X\", \"values\": {}} x", 1, 29, "text after the end"},
	{"[1, 2]", 1, 1, "expected an object"},
	{"{\"cities\": {}}", 1, 12, "\"cities\" must be an array"},
	{"{\"cities\": [\n  42\n]}", 2, 3, "a city must be an object"},
	{"{\"cities\": [{\"city\": 7, \"values\": {}}]}", 1, 22,
	    "\"city\" must be a string"},
	{"{\"cities\": [{\"values\": {}}]}", 1, 13, "\"city\" must be a string"},
	{"{\"city\": \"X\", \"values\": [1]}", 1, 25,
	    "\"values\" must be an object"},
	{"{\"city\": \"X\", \"values\": {\"a1\": \"12\"}}", 1, 32,
	    "value of \"a1\" must be a number or null"},
	{"{\"city\": \"X\", \"values\": {\"a1\": true}}", 1, 32,
	    "must be a number or null"},
	{"{\"city\": \"X\",\n \"values\": {\"a1\": 1e999}}", 2, 19,
	    "out of range"},
	{"{\"city\": \"X\", \"values\": {\"a1\": NaN}}", 1, 32,
	    "invalid JSON syntax"},
	{"{\"city\": \"X\", \"values\": {\"b1\": 50.5}}", 1, 32,
	    "above its maximum 50"},
	{"{\"city\": \"X\", \"values\": {\"a3\": 1}}", 1, 32,
	    "unknown indicator \"a3\"; did you mean \"a1\"?"},
	{"{\"city\": \"X\", \"values\": {\"a1\": 1, \"a1\": 2}}", 1, 41,
	    "duplicate value of \"a1\" for city \"X\""},
	{"{\"cities\": [{\"city\": \"X\", \"values\": {}},\n"
	    "{\"city\": \"X\", \"values\": {}}]}", 2, 10,
	    "city \"X\" is already defined"},
	{"{\"city\": \"\", \"values\": {}}", 1, 10, "empty city name"},
	{"{\"city\": \"X\", \"values\": {\"a1\": \"\xE2\x82\"}}", 1, 33,
	    "invalid UTF-8"},
	{"\xFE\xFF\0{", 1, 1, "UTF-16"},
	{"{\"city\": \"X\", \"city\": \"Y\", \"values\": {}}", 1, 23,
	    "duplicate key \"city\""},
	/* cJSON would cut this number at 63 characters */
	{"{\"city\": \"X\", \"values\": {\"a1\": 1.000000000000000000000"
	    "000000000000000000000000000000000000000000001}}", 1, 32,
	    "number longer than 63 characters"},
	{"{\"city\": \" X \", \"values\": {\" a1\": 1}}", 1, 35,
	    "unknown indicator \" a1\""},
	/* numbers cJSON's strtod takes but RFC 8259 does not */
	{"{\"city\": \"X\", \"values\": {\"a1\": 01}}", 1, 32,
	    "invalid JSON: \"01\" is not a JSON number"},
	{"{\"city\": \"X\", \"values\": {\"a1\": 1.}}", 1, 32,
	    "invalid JSON: \"1.\" is not a JSON number"},
	{"{\"city\": \"X\",\n \"values\": {\"a1\": -01.5e1}}", 2, 19,
	    "invalid JSON: \"-01.5e1\" is not a JSON number"},
	{"{\"city\": \"X\", \"values\": {\"a1\": 1e}}", 1, 32,
	    "invalid JSON: \"1e\" is not a JSON number"},
	{"{\"city\": \"X\", \"values\": {\"a1\": 2.5E+}}", 1, 32,
	    "invalid JSON: \"2.5E+\" is not a JSON number"},
};

static void
rejected_inputs_are_located(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;
	size_t i, len;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(*bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];

		len = strstr(c->msg, "UTF-16") ? 4 : strlen(c->text);
		rs_dataset_init(&ds, &small_fw);
		rs_error_clear(&err);
		rc = rs_dataset_read_text(&ds, "t.json", c->text, len,
		    RS_INPUT_JSON, &err);
		if (rc != RS_EINPUT || err.line != c->line ||
		    err.col != c->col || strstr(err.msg, c->msg) == NULL)
			print_error("case %zu\n", i);
		assert_int_equal(rc, RS_EINPUT);
		assert_string_equal(err.path, "t.json");
		assert_error_at(err, c->line, c->col, c->msg);
		rs_dataset_release(&ds);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cities_array_is_read),
		cmocka_unit_test(single_city_object_is_read),
		cmocka_unit_test(rejected_inputs_are_located),
	};

	return cmocka_run_group_tests(tests, small_setup,
	    small_teardown);
}
