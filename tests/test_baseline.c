/*
 * test_baseline.c - reading the JSON report of an earlier run
 */
#include "test_util.h"

#include "resilience/baseline.h"
#include "resilience/framework.h"

static int
load(struct rs_baseline *b, const char *text, struct rs_error *err)
{
	return rs_baseline_load_text(b, &small_fw, text, strlen(text), "b.json",
	    err);
}

static void
keeps_city_and_node_scores(void **state)
{
	static const char text[] =
	    "{\"framework\": {\"id\": \"small\", \"version\": \"0\"},\n"
	    " \"cities\": [\n"
	    "  {\"city\": \"X\", \"score\": 69.16666666666667, \"scores\": {\n"
	    "    \"A\": {\"score\": 66.25, \"level\": \"sound\"},\n"
	    "    \"b3\": {\"score\": null}, \"gone\": {\"score\": 7}}},\n"
	    "  {\"city\": \"Y\", \"score\": null},\n"
	    "  {\"city\": \"\\u0627\\u0644\", \"score\": 0, \"rank\": 3}\n"
	    " ]}\n";
	struct rs_baseline b;
	struct rs_error err = {0};
	size_t x, y;

	(void)state;
	rs_baseline_init(&b);
	assert_int_equal(load(&b, text, &err), 0);
	assert_int_equal(b.ncities, 3);
	assert_int_equal(b.nnodes, small_fw.nnodes);
	x = rs_baseline_find(&b, "X");
	y = rs_baseline_find(&b, "Y");
	assert_int_equal(x, 0);
	assert_int_equal(y, 1);
	assert_int_equal(rs_baseline_find(&b, "\xd8\xa7\xd9\x84"), 2);
	assert_true(rs_baseline_find(&b, "x") == RS_NONE);
	assert_true(rs_baseline_find(&b, "Z") == RS_NONE);
	/* exactly the double written, not a neighbour */
	assert_near(b.score[x], 69.16666666666667, 0);
	assert_near(b.score_of[x * b.nnodes + small_node("A")], 66.25, 0);
	assert_nan(b.score_of[x * b.nnodes + small_node("b3")]);
	assert_nan(b.score_of[x * b.nnodes + small_node("B")]);
	assert_nan(b.score[y]);
	assert_nan(b.score_of[y * b.nnodes + small_node("A")]);
	assert_near(b.score[2], 0, 0);
	assert_string_equal(b.path, "b.json");
	rs_baseline_release(&b);
	rs_baseline_release(&b);	/* twice is harmless */
}

static void
rejects_what_is_not_a_score_report(void **state)
{
	static const struct {
		const char *text;
		long line, col;
		const char *msg;
	} cases[] = {
		{"", 1, 1, "empty file"},
		{"{\"framework\": {\"id\": \"small\"},\n \"cities\": [",
		    2, 13, "unexpected end of file"},
		{"[1, 2]", 1, 1, "expected the JSON report"},
		{"{\"cities\": []}", 1, 1,
		    "expected \"framework\" with a string \"id\""},
		{"{\"framework\": 3, \"cities\": []}", 1, 15,
		    "expected \"framework\" with a string \"id\""},
		{"{\"framework\": {\"id\": 1}}", 1, 22,
		    "expected \"framework\" with a string \"id\""},
		{"{\"framework\": {\"id\": \"dpt\"}}", 1, 22,
		    "scored on framework \"dpt\", not \"small\""},
		{"{\"framework\": {\"id\": \"small\"}}", 1, 1,
		    "\"cities\" must be an array"},
		{"{\"framework\": {\"id\": \"small\"}, \"cities\": {}}", 1, 42,
		    "\"cities\" must be an array"},
		{"{\"framework\": {\"id\": \"small\"}, \"cities\": [1]}", 1, 43,
		    "a city must be an object"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"score\": 1}]}", 2, 12, "\"city\" must be a string"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": 5}]}", 2, 21, "\"city\" must be a string"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\"}, {\"city\": \"X\"}]}", 2, 36,
		    "city \"X\" appears twice"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\", \"score\": \"50\"}]}", 2, 35,
		    "\"score\" must be null or a number from 0 to 100"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\", \"score\": 100.0001}]}", 2, 35,
		    "from 0 to 100"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\", \"score\": -1e-9}]}", 2, 35,
		    "from 0 to 100"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\", \"scores\": []}]}", 2, 36,
		    "\"scores\" must be an object"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\", \"scores\": {\"A\": 5}}]}", 2, 42,
		    "\"scores\" entry \"A\" must be an object"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\", \"scores\": "
		    "{\"A\": {\"score\": true}}}]}", 2, 52,
		    "\"score\" must be null"},
		{"{\"framework\": {\"id\": \"small\"},\n\"cities\": "
		    "[{\"city\": \"X\", \"score\": 1e999}]}", 2, 35,
		    "from 0 to 100"},
		{"{\"framework\": {\"id\": \"small\"}, \"cities\": []} x",
		    1, 46, "text after the end"},
		{"\xff{}", 1, 1, "UTF-8"},
	};
	struct rs_baseline b;
	struct rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		rs_baseline_init(&b);
		memset(&err, 0, sizeof(err));
		print_message("case %zu: %s\n", i, cases[i].text);
		assert_int_equal(load(&b, cases[i].text, &err), RS_EINPUT);
		assert_int_equal(err.code, RS_EINPUT);
		assert_string_equal(err.path, "b.json");
		assert_error_at(err, cases[i].line, cases[i].col,
		    cases[i].msg);
		/* a failed load leaves nothing behind */
		assert_int_equal(b.ncities, 0);
		assert_true(rs_baseline_find(&b, "X") == RS_NONE);
		rs_baseline_release(&b);
	}
}

static void
a_missing_file_is_an_io_error(void **state)
{
	struct rs_baseline b;
	struct rs_error err = {0};

	(void)state;
	rs_baseline_init(&b);
	assert_int_equal(rs_baseline_load_file(&b, &small_fw,
	    RS_TEST_DATA "/no-such-baseline.json", &err), RS_EIO);
	assert_int_equal(err.code, RS_EIO);
	assert_non_null(strstr(err.msg, "cannot open"));
	rs_baseline_release(&b);
}

static void
a_later_load_replaces_an_earlier_one(void **state)
{
	struct rs_baseline b;
	struct rs_error err = {0};

	(void)state;
	rs_baseline_init(&b);
	assert_int_equal(load(&b, "{\"framework\": {\"id\": \"small\"}, "
	    "\"cities\": [{\"city\": \"X\", \"score\": 1}]}", &err), 0);
	assert_int_equal(load(&b, "{\"framework\": {\"id\": \"small\"}, "
	    "\"cities\": [{\"city\": \"Y\", \"score\": 2}]}", &err), 0);
	assert_int_equal(b.ncities, 1);
	assert_true(rs_baseline_find(&b, "X") == RS_NONE);
	assert_int_equal(rs_baseline_find(&b, "Y"), 0);
	assert_near(b.score[0], 2, 0);
	rs_baseline_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_city_and_node_scores),
		cmocka_unit_test(rejects_what_is_not_a_score_report),
		cmocka_unit_test(a_missing_file_is_an_io_error),
		cmocka_unit_test(a_later_load_replaces_an_earlier_one),
	};

	return cmocka_run_group_tests(tests, small_setup,
	    small_teardown);
}
