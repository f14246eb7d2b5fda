/*
 * test_json_writer.c - the numbers and strings of the JSON reports
 * (json_writer.c): exact numbers, strings that are valid UTF-8 and safe
 * on a terminal, and that read back as the text written; the printer and
 * the stream held to cJSON_Print()
 */
#include "test_util.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
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

/*
 * A document built twice at once: as a cJSON tree of rs_json_number() and
 * rs_json_string() items, and through the stream.
 */
struct both {
	cJSON *open[RS_JW_DEPTH_MAX + 2];
	int nopen;
	cJSON *root;
	struct rs_jw *w;
	FILE *f;
	char *buf;
	size_t len;
};

static void
both_start(struct both *b, unsigned depth)
{
	memset(b, 0, sizeof(*b));
	b->f = open_memstream(&b->buf, &b->len);
	assert_non_null(b->f);
	b->w = rs_jw_new(b->f, depth);
	assert_non_null(b->w);
}

static void
both_add(struct both *b, const char *key, cJSON *item)
{
	if (b->nopen == 0)
		b->root = item;
	else if (key != NULL)
		cJSON_AddItemToObject(b->open[b->nopen - 1], key, item);
	else
		cJSON_AddItemToArray(b->open[b->nopen - 1], item);
}

static void
b_num(struct both *b, const char *key, double v)
{
	both_add(b, key, rs_json_number(v));
	rs_jw_number(b->w, key, v);
}

static void
b_str(struct both *b, const char *key, const char *s)
{
	both_add(b, key, rs_json_string(s));
	rs_jw_string(b->w, key, s);
}

static void
b_bool(struct both *b, const char *key, int v)
{
	both_add(b, key, cJSON_CreateBool(v));
	rs_jw_bool(b->w, key, v);
}

static void
b_null(struct both *b, const char *key)
{
	both_add(b, key, cJSON_CreateNull());
	rs_jw_null(b->w, key);
}

static void
b_open(struct both *b, const char *key, int object)
{
	cJSON *c = object ? cJSON_CreateObject() : cJSON_CreateArray();

	both_add(b, key, c);
	b->open[b->nopen++] = c;
	if (object)
		rs_jw_object(b->w, key);
	else
		rs_jw_array(b->w, key);
}

static void
b_close(struct both *b, int object)
{
	b->nopen--;
	if (object)
		rs_jw_end_object(b->w);
	else
		rs_jw_end_array(b->w);
}

/* The stream's bytes; the tree in *root (the caller deletes it). */
static char *
both_end(struct both *b, cJSON **root)
{
	assert_int_equal(rs_jw_free(b->w), 0);
	assert_int_equal(fclose(b->f), 0);
	*root = b->root;
	return b->buf;
}

/* Strings every escape rule applies to, and plain ones around them. */
static const char *const strings[] = {
	"", "plain", "Beirut and Tripoli, eight+ bytes", "a\"b\\c/d",
	"\b\f\n\r\t\001\037 end", "Evil\033[2J", "a\x7f" "b", "x\xc2\x85y",
	"rlo\xe2\x80\xae" "evil", "ls\xe2\x80\xa8ps\xe2\x80\xa9",
	"\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa", "bad\xff", "\xc3(",
	"\xed\xa0\x80", "12345678\"12345678\\", "\xd9\x85\xe2\x80\x8f\xc2\x85",
};

/* Numbers: exact digits, integers, exponents, subnormals, -0, NaN. */
static const double numbers[] = {
	0, -0.0, 1, -1, 2019, 100, 0.5, 0.1 + 0.2, 1.0 / 3, 50.0 / 6,
	123456789012345.0, 999999999999999.0, 1e15, -1e15, 1e16, 1e300,
	-1e-300, 1e-5, 0.0001, 5e-324, 2.2250738585072014e-308, DBL_MAX,
	48.236426877910375, 0.0125,
};

/* Whether cJSON's printer escapes s as the stream does. */
static int
cjsons_own(const char *s)
{
	cJSON *item = rs_json_string(s);
	int own = cJSON_IsString(item);

	cJSON_Delete(item);
	return own;
}

/*
 * Values of every kind at the current level of b; nest more levels
 * below it, an object in an array in an object, down to the empty ones.
 */
static void
fill(struct both *b, int object, int nest)
{
	char key[32];
	size_t i;

	for (i = 0; i < sizeof(numbers) / sizeof(*numbers); i++) {
		snprintf(key, sizeof(key), "n%zu", i);
		b_num(b, object ? key : NULL, numbers[i]);
	}
	b_num(b, object ? "nan" : NULL, (double)NAN);
	b_num(b, object ? "inf" : NULL, (double)-INFINITY);
	for (i = 0; i < sizeof(strings) / sizeof(*strings); i++) {
		/* cJSON escapes a key by its own rules alone: see below */
		snprintf(key, sizeof(key), "s%zu", i);
		b_str(b, !object ? NULL : cjsons_own(strings[i]) ?
		    strings[i] : key, strings[i]);
	}
	b_str(b, object ? "none" : NULL, NULL);
	b_bool(b, object ? "t" : NULL, 1);
	b_bool(b, object ? "f" : NULL, 0);
	b_null(b, object ? "null" : NULL);
	b_open(b, object ? "empty_o" : NULL, 1);
	b_close(b, 1);
	b_open(b, object ? "empty_a" : NULL, 0);
	b_close(b, 0);
	if (nest == 0)
		return;
	b_open(b, object ? "array" : NULL, 0);
	fill(b, 0, nest - 1);
	b_open(b, NULL, 1);
	fill(b, 1, nest - 1);
	b_close(b, 1);
	b_close(b, 0);
	b_open(b, object ? "object" : NULL, 1);
	fill(b, 1, nest - 1);
	b_close(b, 1);
}

/* The stream gives cJSON_Print()'s bytes for the same tree. */
static void
stream_prints_as_cjson(void **state)
{
	struct both b;
	cJSON *root;
	char *got, *want;
	int top;

	(void)state;
	for (top = 0; top < 2; top++) {
		both_start(&b, 0);
		b_open(&b, NULL, top);
		fill(&b, top, 4);
		b_close(&b, top);
		got = both_end(&b, &root);
		want = cJSON_Print(root);
		assert_string_equal(got, want);
		free(want);
		free(got);
		cJSON_Delete(root);
	}
	/* a scalar alone, and NaN as the report writes it: null */
	both_start(&b, 0);
	b_num(&b, NULL, (double)NAN);
	got = both_end(&b, &root);
	assert_string_equal(got, "null");
	free(got);
	cJSON_Delete(root);
}

/*
 * Deeper in a document (depth 2: an element of the array of a root
 * member) the stream indents as rs_json_write(), which the test above
 * holds to cJSON_Print().
 */
static void
stream_indents_as_the_printer(void **state)
{
	struct both b;
	cJSON *root;
	char *got, *want;
	unsigned depth;

	(void)state;
	for (depth = 1; depth <= 3; depth++) {
		both_start(&b, depth);
		b_open(&b, NULL, 1);
		fill(&b, 1, 2);
		b_close(&b, 1);
		got = both_end(&b, &root);
		want = written(root, depth);
		assert_string_equal(got, want);
		free(want);
		free(got);
		cJSON_Delete(root);
	}
}

/*
 * A key goes through the one escaper as a string value does, the
 * characters cJSON would leave raw included.
 */
static void
stream_escapes_keys_as_strings(void **state)
{
	char *buf = NULL, *want;
	size_t len = 0, i;
	FILE *f;
	struct rs_jw *w;

	(void)state;
	for (i = 0; i < sizeof(strings) / sizeof(*strings); i++) {
		f = open_memstream(&buf, &len);
		assert_non_null(f);
		w = rs_jw_new(f, 0);
		rs_jw_object(w, NULL);
		rs_jw_null(w, strings[i]);
		rs_jw_end_object(w);
		assert_int_equal(rs_jw_free(w), 0);
		assert_int_equal(fclose(f), 0);
		want = printed(rs_json_string(strings[i]));
		assert_int_equal(strncmp(buf, "{\n\t", 3), 0);
		assert_int_equal(strncmp(buf + 3, want, strlen(want)), 0);
		assert_string_equal(buf + 3 + strlen(want), ":\tnull\n}");
		free(want);
		free(buf);
		buf = NULL;
	}
}

/* Blocks of 64 KiB filled many times over, strings longer than one. */
static void
stream_crosses_blocks(void **state)
{
	struct both b;
	cJSON *root;
	char *got, *want, *big;
	size_t i, n = 200000;

	(void)state;
	big = malloc(n + 1);
	assert_non_null(big);
	for (i = 0; i < n; i++)	/* an escape every 7 bytes, Arabic too */
		big[i] = i % 7 == 6 ? '\n' : i % 7 >= 4 ?
		    (i % 7 == 4 ? '\xd8' : '\xa8') : (char)('a' + i % 26);
	big[n] = '\0';
	both_start(&b, 0);
	b_open(&b, NULL, 1);
	b_str(&b, big, big);
	b_open(&b, "many", 0);
	for (i = 0; i < 30000; i++) {
		b_open(&b, NULL, 1);
		b_num(&b, "score", (double)i / 7);
		b_str(&b, "level", i % 3 ? "moderate" : "x\xc2\x85");
		b_close(&b, 1);
	}
	b_close(&b, 0);
	b_str(&b, "tail", big);
	b_close(&b, 1);
	got = both_end(&b, &root);
	want = cJSON_Print(root);
	assert_string_equal(got, want);
	free(want);
	free(got);
	free(big);
	cJSON_Delete(root);
}

/* The bytes of what f gets from a stream, which must fail. */
static void
refused(void (*misuse)(struct rs_jw *w))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct rs_jw *w;

	assert_non_null(f);
	w = rs_jw_new(f, 0);
	misuse(w);
	assert_int_equal(rs_jw_free(w), -1);
	fclose(f);
	free(buf);
}

static void
no_key_in_object(struct rs_jw *w)
{
	rs_jw_object(w, NULL);
	rs_jw_number(w, NULL, 1);
	rs_jw_end_object(w);
}

static void
key_in_array(struct rs_jw *w)
{
	rs_jw_array(w, NULL);
	rs_jw_bool(w, "k", 1);
	rs_jw_end_array(w);
}

static void
left_open(struct rs_jw *w)
{
	rs_jw_object(w, NULL);
	rs_jw_array(w, "a");
	rs_jw_end_array(w);
}

static void
closed_as_other(struct rs_jw *w)
{
	rs_jw_object(w, NULL);
	rs_jw_end_array(w);
}

static void
closed_twice(struct rs_jw *w)
{
	rs_jw_array(w, NULL);
	rs_jw_end_array(w);
	rs_jw_end_array(w);
}

static void
two_at_top(struct rs_jw *w)
{
	rs_jw_null(w, NULL);
	rs_jw_null(w, NULL);
}

static void
too_deep(struct rs_jw *w)
{
	int i;

	for (i = 0; i <= RS_JW_DEPTH_MAX; i++)
		rs_jw_array(w, NULL);
	for (i = 0; i <= RS_JW_DEPTH_MAX; i++)
		rs_jw_end_array(w);
}

/* A stream used against its rules says so when freed. */
static void
stream_refuses_misuse(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	struct rs_jw *w;

	(void)state;
	refused(no_key_in_object);
	refused(key_in_array);
	refused(left_open);
	refused(closed_as_other);
	refused(closed_twice);
	refused(two_at_top);
	refused(too_deep);
	/* RS_JW_DEPTH_MAX itself is allowed */
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	w = rs_jw_new(f, 0);
	for (len = 0; len < RS_JW_DEPTH_MAX; len++)
		rs_jw_array(w, NULL);
	for (len = 0; len < RS_JW_DEPTH_MAX; len++)
		rs_jw_end_array(w);
	assert_int_equal(rs_jw_free(w), 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(strspn(buf, "["), RS_JW_DEPTH_MAX);
	free(buf);
	assert_int_equal(rs_jw_free(NULL), 0);
}

/* A small tree inside a stream prints as rs_json_write() prints it. */
static void
stream_takes_a_tree(void **state)
{
	cJSON *tree = sample_tree(), *root;
	char *buf = NULL, *want;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct rs_jw *w;

	(void)state;
	assert_non_null(f);
	w = rs_jw_new(f, 0);
	rs_jw_object(w, NULL);
	rs_jw_number(w, "first", 1);
	rs_jw_tree(w, "tree", tree);
	rs_jw_array(w, "list");
	rs_jw_tree(w, NULL, tree);
	rs_jw_end_array(w);
	rs_jw_end_object(w);
	assert_int_equal(rs_jw_free(w), 0);
	assert_int_equal(fclose(f), 0);
	root = cJSON_CreateObject();
	cJSON_AddItemToObject(root, "first", rs_json_number(1));
	cJSON_AddItemToObject(root, "tree", cJSON_Duplicate(tree, 1));
	cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "list"),
	    cJSON_Duplicate(tree, 1));
	want = cJSON_Print(root);
	assert_string_equal(buf, want);
	free(want);
	free(buf);
	cJSON_Delete(root);
	cJSON_Delete(tree);
}

/* A stream whose file fails is reported when freed. */
static void
stream_reports_a_failed_file(void **state)
{
	FILE *f = fopen("/dev/full", "w");
	struct rs_jw *w;
	int i;

	(void)state;
	if (f == NULL)
		skip();
	setvbuf(f, NULL, _IONBF, 0);
	w = rs_jw_new(f, 0);
	rs_jw_array(w, NULL);
	for (i = 0; i < 100000; i++)	/* more than one block */
		rs_jw_number(w, NULL, i);
	rs_jw_end_array(w);
	assert_int_equal(rs_jw_free(w), -1);
	fclose(f);
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
		cmocka_unit_test(writer_reports_a_failed_stream),
		cmocka_unit_test(stream_prints_as_cjson),
		cmocka_unit_test(stream_indents_as_the_printer),
		cmocka_unit_test(stream_escapes_keys_as_strings),
		cmocka_unit_test(stream_crosses_blocks),
		cmocka_unit_test(stream_refuses_misuse),
		cmocka_unit_test(stream_takes_a_tree),
		cmocka_unit_test(stream_reports_a_failed_file),
		cmocka_unit_test(own_escapes_keep_the_short_ones),
		cmocka_unit_test(writer_past_its_block),
		cmocka_unit_test(writer_refuses_broken_items),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
