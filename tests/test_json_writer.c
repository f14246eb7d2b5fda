/*
 * test_json_writer.c - the numbers and strings of the JSON reports
 * (json_writer.c): exact numbers, strings that are valid UTF-8 and safe
 * on a terminal, and that read back as the text written
 */
#include "test_util.h"

#include <stdlib.h>

#include <cjson/cJSON.h>

#include "io/json_writer.h"

/* item printed alone, unformatted, as a string the caller frees. */
static char *
printed(cJSON *item)
{
	char *s = cJSON_PrintUnformatted(item);

	assert_non_null(s);
	cJSON_Delete(item);
	return s;
}

static void
check(const char *in, const char *want)
{
	char *got = printed(rs_json_string(in));

	if (strcmp(got, want) != 0)
		fail_msg("gave [%s], want [%s]", got, want);
	free(got);
}

static void
numbers_read_back_exactly(void **state)
{
	char *s;

	(void)state;
	s = printed(rs_json_number(0.1 + 0.2));
	assert_string_equal(s, "0.30000000000000004");	/* cJSON: 0.3 */
	free(s);
	s = printed(rs_json_number(1.0 / 3));
	assert_string_equal(s, "0.3333333333333333");
	free(s);
	s = printed(rs_json_number(-0.0));
	assert_string_equal(s, "0");
	free(s);
	s = printed(rs_json_number((double)NAN));
	assert_string_equal(s, "null");
	free(s);
	s = printed(rs_json_number((double)INFINITY));
	assert_string_equal(s, "null");
	free(s);
}

static void
plain_strings_are_cjsons(void **state)
{
	cJSON *item;

	(void)state;
	/* no own escape needed: cJSON's string, printed by cJSON */
	item = rs_json_string("Beirut");
	assert_true(cJSON_IsString(item));
	cJSON_Delete(item);
	check("Beirut", "\"Beirut\"");
	check("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
	check("tab\tnew\nline\x01", "\"tab\\tnew\\nline\\u0001\"");
	check("Evil\033[2J", "\"Evil\\u001b[2J\"");
	check("\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa",
	    "\"\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa\"");
	check("", "\"\"");
	check(NULL, "null");
}

static void
terminal_controls_are_escaped(void **state)
{
	(void)state;
	/* what cJSON leaves raw: DEL, C1, separators, bidi controls */
	check("a\x7f" "b", "\"a\\u007fb\"");
	check("x\xc2\x85y", "\"x\\u0085y\"");
	check("rlo\xe2\x80\xae" "evil", "\"rlo\\u202eevil\"");
	check("ls\xe2\x80\xa8ps\xe2\x80\xa9", "\"ls\\u2028ps\\u2029\"");
	check("\xe2\x81\xa6iso\xe2\x81\xa9", "\"\\u2066iso\\u2069\"");
	/* once one is there, cJSON's escapes are written the same way */
	check("\"q\"\t\033\xc2\x9b\\", "\"\\\"q\\\"\\t\\u001b\\u009b\\\\\"");
	/* Arabic and other text beside them stay as they are */
	check("\xd9\x85\xe2\x80\x8f\xc2\x85", "\"\xd9\x85\xe2\x80\x8f\\u0085\"");
}

static void
bytes_that_are_not_utf8_become_text(void **state)
{
	(void)state;
	/* the city of bad\xff.csv */
	check("bad\xff", "\"bad\\\\xFF\"");
	check("\xc3(", "\"\\\\xC3(\"");
	check("\xed\xa0\x80", "\"\\\\xED\\\\xA0\\\\x80\"");	/* surrogate */
	check("\xf4\x90\x80\x80", "\"\\\\xF4\\\\x90\\\\x80\\\\x80\"");
}

/* What is written parses back, with cJSON, to the text given. */
static void
strings_read_back(void **state)
{
	static const char *const cases[] = {
		"plain", "x\xc2\x85y", "rlo\xe2\x80\xae" "evil", "a\x7f",
		"\"q\"\t\033\xc2\x9b\\", "ls\xe2\x80\xa8",
	};
	cJSON *arr, *back;
	char *text;
	size_t i;

	(void)state;
	arr = cJSON_CreateArray();
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		cJSON_AddItemToArray(arr, rs_json_string(cases[i]));
	text = cJSON_Print(arr);
	cJSON_Delete(arr);
	/* raw bytes of a control never appear in the document */
	assert_null(strstr(text, "\xc2\x85"));
	assert_null(strstr(text, "\xe2\x80\xae"));
	assert_null(strchr(text, '\x7f'));
	back = cJSON_Parse(text);
	free(text);
	assert_non_null(back);
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		assert_string_equal(cJSON_GetArrayItem(back, (int)i)->
		    valuestring, cases[i]);
	cJSON_Delete(back);
}

/* The bytes rs_json_write() gives for item at depth, NUL-terminated. */
static char *
written(const cJSON *item, unsigned depth)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(rs_json_write(f, item, depth), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* A tree of every type, nested objects and arrays, the empty ones too. */
static cJSON *
sample_tree(void)
{
	cJSON *root = cJSON_CreateObject(), *arr, *o;

	cJSON_AddItemToObject(root, "n", cJSON_CreateNull());
	cJSON_AddItemToObject(root, "t", cJSON_CreateTrue());
	cJSON_AddItemToObject(root, "f", cJSON_CreateFalse());
	cJSON_AddItemToObject(root, "exact", rs_json_number(0.1 + 0.2));
	cJSON_AddItemToObject(root, "int", cJSON_CreateNumber(2019));
	cJSON_AddItemToObject(root, "third", cJSON_CreateNumber(1.0 / 3));
	cJSON_AddItemToObject(root, "big", cJSON_CreateNumber(1e300));
	cJSON_AddItemToObject(root, "ctl \"k\"", rs_json_string(
	    "a\"b\\c\b\f\n\r\t\001\037 \xd8\xa8\xd9\x8a\xd8\xb1"));
	cJSON_AddItemToObject(root, "unsafe", rs_json_string("x\xc2\x85"));
	cJSON_AddItemToObject(root, "empty_o", cJSON_CreateObject());
	cJSON_AddItemToObject(root, "empty_a", cJSON_CreateArray());
	arr = cJSON_AddArrayToObject(root, "list");
	cJSON_AddItemToArray(arr, rs_json_number(1));
	o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "inner", cJSON_CreateArray());
	cJSON_AddItemToArray(cJSON_GetObjectItem(o, "inner"),
	    cJSON_CreateObject());
	cJSON_AddItemToObject(o, "s", cJSON_CreateString(""));
	cJSON_AddItemToArray(arr, o);
	cJSON_AddItemToArray(arr, cJSON_CreateArray());
	return root;
}

/* rs_json_write() gives cJSON_Print()'s bytes, at any depth. */
static void
writer_prints_as_cjson(void **state)
{
	cJSON *root = sample_tree(), *wrap, *arr, *copy;
	char *want, *got, *line;
	unsigned depth;

	(void)state;
	want = cJSON_Print(root);
	got = written(root, 0);
	assert_string_equal(got, want);
	free(want);
	free(got);
	/*
	 * At depth 2 the item is what cJSON prints for it inside the array
	 * of a root member: the lines between that array's brackets.
	 */
	for (depth = 1; depth <= 2; depth++) {
		wrap = cJSON_CreateObject();
		copy = cJSON_Duplicate(root, 1);
		if (depth == 1) {
			cJSON_AddItemToObject(wrap, "k", copy);
		} else {
			arr = cJSON_AddArrayToObject(wrap, "k");
			cJSON_AddItemToArray(arr, copy);
		}
		want = cJSON_Print(wrap);
		line = strchr(want, depth == 1 ? '\t' : '[');
		line = strchr(line, '{');
		want[strlen(want) - (depth == 1 ? 2 : 3)] = '\0';
		got = written(root, depth);
		assert_string_equal(got, line);
		free(got);
		free(want);
		cJSON_Delete(wrap);
	}
	cJSON_Delete(root);
}

/* The streamed head and the elements give cJSON_Print()'s document. */
static void
streamed_head_prints_as_cjson(void **state)
{
	cJSON *root = sample_tree(), *arr;
	char *buf = NULL, *want;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(rs_json_write_head(f, root, "cities"), 0);
	assert_int_equal(rs_json_write(f, root, 2), 0);
	fputs(", ", f);
	assert_int_equal(rs_json_write(f, root, 2), 0);
	fputs("]\n}", f);
	assert_int_equal(fclose(f), 0);
	arr = cJSON_CreateArray();
	cJSON_AddItemToArray(arr, cJSON_Duplicate(root, 1));
	cJSON_AddItemToArray(arr, cJSON_Duplicate(root, 1));
	cJSON_AddItemToObject(root, "cities", arr);
	want = cJSON_Print(root);
	assert_string_equal(buf, want);
	free(want);
	free(buf);
	cJSON_Delete(root);
}

/* A stream that fails is reported. */
static void
writer_reports_a_failed_stream(void **state)
{
	cJSON *root = sample_tree();
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (f == NULL) {
		cJSON_Delete(root);
		skip();
	}
	setvbuf(f, NULL, _IONBF, 0);
	assert_int_equal(rs_json_write(f, root, 0), -1);
	fclose(f);
	cJSON_Delete(root);
}

/* With an escape of its own, cJSON's short escapes are kept. */
static void
own_escapes_keep_the_short_ones(void **state)
{
	(void)state;
	check("\b\f\n\r\t\xc2\x85", "\"\\b\\f\\n\\r\\t\\u0085\"");
}

/*
 * A string longer than the writer's 64 KiB block, and an object deeper
 * than a block of tabs, are written whole, as cJSON prints them; a
 * number that 15 digits do not give back takes 17.
 */
static void
writer_past_its_block(void **state)
{
	static const char *const members[] = {
		"\"near\":\t0.33333333333333331,\n", "\"huge\":\t1e+20,\n",
		"\"inf\":\tnull\n",
	};
	size_t n = 200000, i, deep = 70000, o;
	char *s = malloc(n + 1), *want, *got;
	cJSON *root = cJSON_CreateObject();

	(void)state;
	for (i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	s[n] = '\0';
	cJSON_AddItemToObject(root, "long", cJSON_CreateString(s));
	cJSON_AddItemToObject(root, "near", cJSON_CreateNumber(1.0 / 3));
	cJSON_AddItemToObject(root, "huge", cJSON_CreateNumber(1e20));
	cJSON_AddItemToObject(root, "inf", cJSON_CreateNumber(INFINITY));
	want = cJSON_Print(root);
	got = written(root, 0);
	assert_string_equal(got, want);
	free(want);
	free(got);
	/* each member deep + 1 tabs in, the brace deep */
	want = malloc(5 * (deep + 1) + n + 200);
	o = (size_t)sprintf(want, "{\n");
	memset(want + o, '\t', deep + 1);
	o += deep + 1;
	o += (size_t)sprintf(want + o, "\"long\":\t\"%s\",\n", s);
	for (i = 0; i < 3; i++) {
		memset(want + o, '\t', deep + 1);
		o += deep + 1;
		o += (size_t)sprintf(want + o, "%s", members[i]);
	}
	memset(want + o, '\t', deep);
	o += deep;
	strcpy(want + o, "}");
	got = written(root, (unsigned)deep);
	assert_string_equal(got, want);
	free(got);
	free(want);
	cJSON_Delete(root);
	free(s);
}

/* A raw item without text, or an item of no type, cannot be written. */
static void
writer_refuses_broken_items(void **state)
{
	cJSON *raw = cJSON_CreateRaw("1"), *bad = cJSON_CreateObject();
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	free(raw->valuestring);
	raw->valuestring = NULL;
	assert_int_equal(rs_json_write(f, raw, 0), -1);
	bad->type = cJSON_Invalid;
	assert_int_equal(rs_json_write(f, bad, 0), -1);
	fclose(f);
	free(buf);
	cJSON_Delete(raw);
	cJSON_Delete(bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_read_back_exactly),
		cmocka_unit_test(plain_strings_are_cjsons),
		cmocka_unit_test(terminal_controls_are_escaped),
		cmocka_unit_test(bytes_that_are_not_utf8_become_text),
		cmocka_unit_test(strings_read_back),
		cmocka_unit_test(writer_prints_as_cjson),
		cmocka_unit_test(streamed_head_prints_as_cjson),
		cmocka_unit_test(writer_reports_a_failed_stream),
		cmocka_unit_test(own_escapes_keep_the_short_ones),
		cmocka_unit_test(writer_past_its_block),
		cmocka_unit_test(writer_refuses_broken_items),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
