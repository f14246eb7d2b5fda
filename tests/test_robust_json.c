/*
 * test_robust_json.c - every class of broken JSON data gets one error at
 * the offending value, the same with LF, CRLF or lone CR line ends and
 * with or without a BOM (docs/robustness.md)
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/dataset.h"
#include "resilience/framework.h"

static struct rs_framework fw;

static int
setup(void **state)
{
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&fw);
	return rs_framework_load_file(&fw, RS_TEST_DATA "/small.json", &err);
}

static int
teardown(void **state)
{
	(void)state;
	rs_framework_release(&fw);
	return 0;
}

struct bad {
	const char *text;
	size_t len;		/* 0: strlen(text) */
	long line, col;		/* the character that is wrong */
	const char *msg;
};

static const struct bad bad_json[] = {
	/* Syntax. */
	{"   \n ", 0, 1, 1, "empty file"},
	{"{\"cities\": [\n {\"city\": \"X\", \"values\": {\"a1\": 1,}}]}", 0, 2,
	    35, "invalid JSON syntax: a comma before a closing"},
	{"{\"cities\": [1, 2, ]}", 0, 1, 19, "a comma before a closing"},
	{"{\"cities\": [\n {\"city\": \"X\"", 0, 2, 14,
	    "unexpected end of file, inside a string"},
	/* a string still open at the end: at its opening quote */
	{"{\"city\": \"X", 0, 1, 10, "a string is not closed"},
	{"{\"city\": \"X\", \"values\": {}}\n{}", 0, 2, 1,
	    "text after the end of the document"},
	{"{\"city\": \"X\", \"values\": {\"a1\": NaN}}", 0, 1, 32,
	    "NaN and infinities are not JSON numbers"},
	{"{\"city\": \"X\", \"values\": {\"a1\": -Infinity}}", 0, 1, 32,
	    "NaN and infinities"},
	{"{\"city\": \"X\", /* c */ \"values\": {}}", 0, 1, 15,
	    "comments are not allowed"},
	{"{'city': 'X'}", 0, 1, 2, "take double quotes"},
	{"{\"city\": \"X\", \"values\": {\"a1\": 1 2}}", 0, 1, 34,
	    "invalid JSON syntax"},
	{"{\"city\": \"\\ud800\", \"values\": {}}", 0, 1, 11,
	    "invalid JSON syntax"},
	/* cJSON would cut the string at the NUL: "a1\u0000x" read as a1. */
	{"{\"city\": \"X\", \"values\": {\n \"a1\\u0000x\": 1}}", 0, 2, 5,
	    "\\u0000 (a NUL character) is not allowed"},
	{"{\"city\": \"X\\u0000Y\", \"values\": {}}", 0, 1, 12, "\\u0000"},
	/* Shape. */
	{"[1, 2]", 0, 1, 1, "expected an object with \"cities\""},
	{"\"X\"", 0, 1, 1, "expected an object"},
	{"{\"cities\": {\"city\": \"X\"}}", 0, 1, 12,
	    "\"cities\" must be an array of cities"},
	{"{\"cities\": [\n  \"X\"]}", 0, 2, 3, "a city must be an object"},
	{"{\"cities\": [\n  {\"values\": {}}]}", 0, 2, 3,
	    "\"city\" must be a string"},
	{"{\"cities\": [\n  {\"city\": 5, \"values\": {}}]}", 0, 2, 12,
	    "\"city\" must be a string"},
	{"{\"cities\": [\n  {\"city\": \"X\"}]}", 0, 2, 3,
	    "\"values\" must be an object"},
	{"{\"city\": \"X\", \"values\": [1]}", 0, 1, 25,
	    "\"values\" must be an object"},
	{"{\"city\": \"\", \"values\": {}}", 0, 1, 10, "empty city name"},
	/* Values. */
	{"{\"city\": \"X\", \"values\": {\n \"a1\": \"12\"}}", 0, 2, 8,
	    "value of \"a1\" must be a number or null"},
	{"{\"city\": \"X\", \"values\": {\n \"a1\": true}}", 0, 2, 8,
	    "must be a number or null"},
	{"{\"city\": \"X\", \"values\": {\n \"a1\": {}}}", 0, 2, 8,
	    "must be a number or null"},
	{"{\"city\": \"X\", \"values\": {\n \"a1\": 1e999}}", 0, 2, 8,
	    "value of \"a1\" is out of range for a double"},
	{"{\"city\": \"X\", \"values\": {\n \"a9\": 1}}", 0, 2, 8,
	    "unknown indicator \"a9\""},
	{"{\"city\": \"X\", \"values\": {\n \"B\": 1}}", 0, 2, 7,
	    "\"B\" is an aggregate"},
	{"{\"city\": \"X\", \"values\": {\n \"b1\": 51}}", 0, 2, 8,
	    "value 51 of \"b1\" is above its maximum 50"},
	{"{\"city\": \"X\", \"values\": {\n \"a\\n1\": 1}}", 0, 2, 10,
	    "unknown indicator \"a\\n1\""},
	/* Duplicates. */
	{"{\"city\": \"X\", \"values\": {\n \"a1\": 1,\n \"a1\": null}}", 0, 3,
	    8, "duplicate value of \"a1\" for city \"X\""},
	{"{\"cities\": [\n {\"city\": \"X\", \"values\": {}},\n"
	    " {\"city\": \"X\", \"values\": {}}]}", 0, 3, 11,
	    "city \"X\" is already defined at in.json:2"},
	/* Nesting beyond cJSON's limit of 1000. */
	{NULL, 0, 1, 1001, "nested more than 1000 levels deep"},
	/* Encodings. */
	{"\xfe\xff\0{\0}", 6, 1, 1, "UTF-16BE (it starts with"},
	{"{\0\"\0c\0i\0t\0y\0\"\0:\0", 16, 1, 1, "UTF-16LE without"},
	{"{\"city\": \"X\xff\", \"values\": {}}", 0, 1, 12,
	    "invalid UTF-8 (byte 0xFF)"},
	{"{\"city\": \"X\", \"values\": {}}\0", 28, 1, 28, "NUL byte"},
};

static void
check_bad(const struct bad *c, const char *eol, int bom, size_t k)
{
	struct rs_dataset ds;
	struct rs_error err = {0};
	char deep[2 * 1001 + 1];
	const char *src = c->text;
	size_t len;
	char *text;
	int rc;

	if (src == NULL) {
		memset(deep, '[', 1001);
		memset(deep + 1001, ']', 1001);
		deep[2002] = '\0';
		src = deep;
	}
	len = c->len ? c->len : strlen(src);
	text = test_variant(src, &len, eol, bom);
	rs_dataset_init(&ds, &fw);
	rc = rs_dataset_read_text(&ds, "in.json", text, len, RS_INPUT_JSON,
	    &err);
	if (rc != RS_EINPUT || strcmp(err.path, "in.json") != 0 ||
	    err.line != c->line || err.col != c->col ||
	    strstr(err.msg, c->msg) == NULL) {
		print_error("case %zu (eol %s, bom %d): got %d %s:%ld:%ld: %s\n"
		    "want %ld:%ld: ...%s\n", k, eol[0] == '\n' ? "LF" :
		    eol[1] ? "CRLF" : "CR", bom, rc, err.path, err.line,
		    err.col, err.msg, c->line, c->col, c->msg);
		fail();
	}
	rs_dataset_release(&ds);
	free(text);
}

static void
broken_json_gets_one_located_error(void **state)
{
	static const char *const eols[] = {"\n", "\r\n", "\r"};
	size_t k, e;

	(void)state;
	for (k = 0; k < sizeof(bad_json) / sizeof(*bad_json); k++)
		for (e = 0; e < 3; e++) {
			check_bad(&bad_json[k], eols[e], 0, k);
			check_bad(&bad_json[k], eols[e], 1, k);
		}
}

/* The observation of indicator id of the first city, or NULL. */
static const struct rs_obs *
value(const struct rs_dataset *ds, const char *id)
{
	size_t node = rs_framework_find(ds->fw, id, strlen(id));

	return rs_dataset_obs(ds, rs_dataset_dense_obs(ds,
	    ds->fw->nodes[node].indicator));
}

/* Both layouts, BOM, CRLF, null and escapes read the same values. */
static void
json_layouts_read_the_same(void **state)
{
	static const char *const texts[] = {
	    "{\"cities\": [{\"city\": \"\\u0628\\u064a\\u0631\\u0648\\u062a\", "
	    "\"values\": {\"a1\": 12.5, \"b1\": null, \"a\\u0032\": -0.0}}]}",
	    "\xef\xbb\xbf{\r\n\"city\": \"\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88"
	    "\xd8\xaa\",\r\n\"values\": {\"a1\": 1.25e1, \"b1\": null,\r\n"
	    "\"a2\": 0}}\r\n",
	};
	struct rs_dataset ds;
	struct rs_error err = {0};
	size_t k;

	(void)state;
	for (k = 0; k < 2; k++) {
		rs_dataset_init(&ds, &fw);
		assert_int_equal(rs_dataset_read_text(&ds, "a.json", texts[k],
		    strlen(texts[k]), RS_INPUT_AUTO, &err), 0);
		assert_int_equal(ds.ncities, 1);
		assert_string_equal(ds.cities[0].name,
		    "\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa");
		assert_int_equal(rs_dataset_count(&ds), 3);
		assert_near(value(&ds, "a1")->value, 12.5, 0);
		assert_nan(value(&ds, "b1")->value);
		assert_near(value(&ds, "a2")->value, 0, 0);
		assert_null(value(&ds, "b2"));
		rs_dataset_release(&ds);
	}
}

/* A JSON city clashes with a CSV city at the JSON city's line. */
static void
json_city_is_located_for_later_clashes(void **state)
{
	static const char a[] = "{\"cities\": [\n\n  {\"values\": {},\n"
	    "   \"city\": \"X\"}]}";
	static const char b[] = "city,a1\nX,1\n";
	struct rs_dataset ds;
	struct rs_error err = {0};

	(void)state;
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_text(&ds, "a.json", a, strlen(a),
	    RS_INPUT_AUTO, &err), 0);
	assert_int_equal(ds.cities[0].line, 4);
	assert_int_equal(ds.cities[0].col, 12);
	assert_int_equal(rs_dataset_read_text(&ds, "b.csv", b, strlen(b),
	    RS_INPUT_AUTO, &err), RS_EINPUT);
	assert_error_at(err, 2, 1, "city \"X\" is already defined at "
	    "a.json:4");
	rs_dataset_release(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(broken_json_gets_one_located_error),
		cmocka_unit_test(json_layouts_read_the_same),
		cmocka_unit_test(json_city_is_located_for_later_clashes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
