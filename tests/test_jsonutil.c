/*
 * test_jsonutil.c - cJSON with positions (src/io/jsonutil.c): parse
 * errors located at the offending byte, values located with and without
 * the one-pass index, duplicate keys
 */
#include "test_util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "io/jsonutil.h"
#include "resilience/error.h"

struct bad {
	const char *text;
	long line, col;
	const char *msg;
};

/* Positions by hand: line and character column of the byte at fault. */
static const struct bad bad[] = {
	{"", 1, 1, "empty file"},
	{" \n\t ", 1, 1, "empty file"},
	{"{\"a\": NaN}", 1, 7, "NaN and infinities are not JSON numbers"},
	{"[1, -Infinity]", 1, 5, "NaN and infinities"},
	{"{'a': 1}", 1, 2, "strings and names take double quotes"},
	{"{\"a\": 1 // note\n}", 1, 9, "comments are not allowed"},
	{"[1, 2,\n ]", 2, 2, "a comma before a closing bracket"},
	{"{\"a\": [1, 2}", 1, 13, "unexpected end of file, inside a string, an object or an array"},
	{"{\"a\": [1", 1, 9, "unexpected end of file"},
	/* a string still open at the end: at its opening quote */
	{"{\"a\": \"abc", 1, 7, "invalid JSON syntax: a string is not "
	    "closed (no '\"' after it before the end of the file)"},
	{"{\"a\": \"abc\n", 1, 7, "a string is not closed"},
	{"[\"x\",\n \"a\\\"b\t", 2, 2, "a string is not closed"},
	{"{\"a\": 01}", 1, 7, "\"01\" is not a JSON number"},
	{"[1.]", 1, 2, "\"1.\" is not a JSON number"},
	{"[.5]", 1, 2, "invalid JSON syntax"},
	{"[-]", 1, 2, "\"-\" is not a JSON number"},
	{"[1e]", 1, 2, "\"1e\" is not a JSON number"},
	{"{} x", 1, 4, "text after the end of the document"},
	{"[1]\n\n]", 3, 1, "text after the end of the document"},
	{"{\"a\\u0000b\": 1}", 1, 4, "\\u0000 (a NUL character) is not "
	    "allowed in a string"},
	{"[\"\xd9\xa1\xff\"]", 1, 4, "invalid UTF-8 (byte 0xFF)"},
	/* cJSON skips every byte up to a space; JSON only four of them */
	{"\033\033\r\n", 1, 1, "a control character outside a string"},
	{"[1,\n \001 2]", 2, 2, "a control character outside a string"},
	{"{\"a\":\0331}", 1, 6, "a control character outside a string"},
	{"[\"a\001b\"]", 1, 4, "a control character in a string (write "
	    "it as an escape such as \\t or \\u0001)"},
	{"{\"a\tb\": 1}", 1, 4, "a control character in a string"},
};

static void
syntax_errors_are_located(void **state)
{
	struct rs_json_doc doc;
	struct rs_error err;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(bad) / sizeof(*bad); k++) {
		memset(&err, 0, sizeof(err));
		memset(&doc, 0, sizeof(doc));
		if (rs_json_doc_parse(&doc, bad[k].text, strlen(bad[k].text),
		    "d.json", &err) != RS_EINPUT || err.line != bad[k].line ||
		    err.col != bad[k].col ||
		    strstr(err.msg, bad[k].msg) == NULL) {
			print_error("case %zu: %ld:%ld: %s\n", k, err.line,
			    err.col, err.msg);
			fail();
		}
		rs_json_doc_release(&doc);
	}
}

/* A number of 64 characters: longer than cJSON keeps. */
static void
long_numbers_are_refused(void **state)
{
	struct rs_json_doc doc;
	struct rs_error err = {0};
	char text[80] = "[1";

	(void)state;
	memset(text + 2, '0', 63);
	strcpy(text + 65, "]");
	memset(&doc, 0, sizeof(doc));
	assert_int_equal(rs_json_doc_parse(&doc, text, strlen(text), "d.json",
	    &err), RS_EINPUT);
	assert_int_equal(err.col, 2);
	assert_non_null(strstr(err.msg, "number longer than 63 characters"));
	rs_json_doc_release(&doc);
}

static void
values_are_located_with_or_without_index(void **state)
{
	/* a BOM is skipped: columns count from after it */
	static const char text[] = "\xef\xbb\xbf{\"a\": [1, {\"b\": \"x\"}],\n"
	    "  \"c\":\t\"\xd9\xa1\", \"d\": true}";
	struct rs_json_doc doc;
	struct rs_error err = {0};
	const cJSON *a, *b, *c, *d;
	long line, col;
	int pass;

	(void)state;
	for (pass = 0; pass < 2; pass++) {
		memset(&doc, 0, sizeof(doc));
		assert_int_equal(rs_json_doc_parse(&doc, text, strlen(text),
		    "d.json", &err), 0);
		if (pass)
			rs_json_doc_index(&doc, -1);
		a = cJSON_GetObjectItemCaseSensitive(doc.root, "a");
		b = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(a, 1),
		    "b");
		c = cJSON_GetObjectItemCaseSensitive(doc.root, "c");
		d = cJSON_GetObjectItemCaseSensitive(doc.root, "d");
		rs_json_locate(&doc, doc.root, &line, &col);
		assert_true(line == 1 && col == 1);
		rs_json_locate(&doc, a, &line, &col);
		assert_true(line == 1 && col == 7);
		rs_json_locate(&doc, cJSON_GetArrayItem(a, 0), &line, &col);
		assert_true(line == 1 && col == 8);
		rs_json_locate(&doc, b, &line, &col);
		assert_true(line == 1 && col == 17);
		/* a tab is one column, and so is a two-byte character */
		rs_json_locate(&doc, c, &line, &col);
		assert_true(line == 2 && col == 8);
		rs_json_locate(&doc, d, &line, &col);
		assert_true(line == 2 && col == 18);
		/* an error at a value names the file and the place */
		assert_int_equal(rs_json_error(&doc, d, &err, "no %s", "d"),
		    RS_EINPUT);
		assert_string_equal(err.path, "d.json");
		assert_true(err.line == 2 && err.col == 18);
		assert_string_equal(err.msg, "no d");
		rs_json_doc_release(&doc);
	}
}

/* The index down to a depth: deeper values are found by walking. */
static void
partial_index_falls_back_to_walking(void **state)
{
	static const char text[] = "{\"a\": {\"b\": {\"c\": 5}}}";
	struct rs_json_doc doc;
	struct rs_error err = {0};
	const cJSON *c;
	long line, col;

	(void)state;
	memset(&doc, 0, sizeof(doc));
	assert_int_equal(rs_json_doc_parse(&doc, text, strlen(text), "d.json",
	    &err), 0);
	rs_json_doc_index(&doc, 1);
	c = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(doc.root, "a"), "b"), "c");
	rs_json_locate(&doc, c, &line, &col);
	assert_true(line == 1 && col == 19);
	/* an item of no document is located at the top */
	rs_json_locate(&doc, NULL, &line, &col);
	assert_true(line == 1 && col == 1);
	rs_json_doc_release(&doc);
}

static void
duplicate_keys_are_found(void **state)
{
	cJSON *o = cJSON_Parse("{\"a\": 1, \"b\": 2, \"a\": 3}");
	cJSON *p = cJSON_Parse("{\"a\": 1, \"A\": 2}");
	const cJSON *dup;

	(void)state;
	dup = rs_json_duplicate_key(o);
	assert_non_null(dup);
	assert_string_equal(dup->string, "a");
	assert_int_equal(dup->valueint, 3);
	/* keys are compared byte for byte */
	assert_null(rs_json_duplicate_key(p));
	cJSON_Delete(o);
	cJSON_Delete(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syntax_errors_are_located),
		cmocka_unit_test(long_numbers_are_refused),
		cmocka_unit_test(values_are_located_with_or_without_index),
		cmocka_unit_test(partial_index_falls_back_to_walking),
		cmocka_unit_test(duplicate_keys_are_found),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
