/*
 * test_framework.c - the framework loader: defaults, structure, and every
 * rejected framework located at the offending value
 */
#include "test_util.h"

#include "resilience/framework.h"

static int
load(struct rs_framework *fw, const char *text, struct rs_error *err)
{
	rs_framework_init(fw);
	rs_error_clear(err);
	return rs_framework_load_json(fw, text, strlen(text), "f.json", err);
}

static void
defaults_apply(void **state)
{
	struct rs_framework fw;
	struct rs_error err;

	(void)state;
	assert_int_equal(load(&fw, "{\"id\": \"f\", \"children\": [{\"id\": "
	    "\"x\", \"worst\": 1, \"best\": 0}]}", &err), 0);
	assert_string_equal(fw.id, "f");
	assert_string_equal(fw.version, "");
	assert_near(fw.min_coverage, 0.5, 0);
	assert_int_equal(fw.nlevels, 5);
	assert_string_equal(fw.levels[1].id, "moderate-weak");
	assert_near(fw.levels[1].min, 20, 0);
	assert_string_equal(fw.levels[4].id, "high");
	assert_near(fw.levels[4].min, 80, 0);
	assert_int_equal(fw.nnodes, 1);
	assert_near(fw.nodes[0].weight, 1, 0);
	assert_false(fw.nodes[0].has_min);
	assert_null(fw.nodes[0].unit);
	assert_null(fw.nodes[0].unit_ar);
	assert_null(rs_node_unit(&fw.nodes[0], "ar"));
	assert_int_equal(fw.nodes[0].lever, RS_LEVER_NONE);
	assert_near(fw.nodes[0].effort, 1, 0);
	assert_false(fw.nodes[0].has_max_change);
	assert_string_equal(rs_name_get(fw.nodes[0].names, fw.nodes[0].nnames,
	    NULL, "x"), "x");
	rs_framework_release(&fw);
}

/* "unit_ar" is the unit under Arabic; without it Arabic falls back to "unit". */
static void
arabic_unit_falls_back_to_unit(void **state)
{
	struct rs_framework fw;
	struct rs_error err;

	(void)state;
	assert_int_equal(load(&fw, "{\"id\": \"f\", \"children\": [{\"id\": "
	    "\"x\", \"worst\": 1, \"best\": 0, \"unit\": \"% of GDP\", "
	    "\"unit_ar\": \"% من الناتج المحلي الإجمالي\"}, {\"id\": \"y\", "
	    "\"worst\": 1, \"best\": 0, \"unit\": \"months\"}]}", &err), 0);
	assert_string_equal(rs_node_unit(&fw.nodes[0], "ar"),
	    "% من الناتج المحلي الإجمالي");
	assert_string_equal(rs_node_unit(&fw.nodes[0], "en"), "% of GDP");
	assert_string_equal(rs_node_unit(&fw.nodes[0], NULL), "% of GDP");
	assert_null(fw.nodes[1].unit_ar);
	assert_string_equal(rs_node_unit(&fw.nodes[1], "ar"), "months");
	rs_framework_release(&fw);
}

static void
planning_keys_are_read(void **state)
{
	struct rs_framework fw;
	struct rs_error err;

	(void)state;
	assert_int_equal(load(&fw, "{\"id\": \"f\", \"children\": [{\"id\": "
	    "\"a\", \"children\": [{\"id\": \"x\", \"worst\": 1, \"best\": "
	    "0, \"lever\": \"municipal\", \"effort\": 2.5, "
	    "\"max_change_per_year\": 0.25}, {\"id\": \"y\", \"worst\": 0, "
	    "\"best\": 1, \"lever\": \"national\"}, {\"id\": \"z\", "
	    "\"worst\": 0, \"best\": 1, \"lever\": \"context\"}]}]}", &err),
	    0);
	assert_int_equal(fw.nodes[1].lever, RS_LEVER_MUNICIPAL);
	assert_near(fw.nodes[1].effort, 2.5, 0);
	assert_true(fw.nodes[1].has_max_change);
	assert_near(fw.nodes[1].max_change, 0.25, 0);
	assert_int_equal(fw.nodes[2].lever, RS_LEVER_NATIONAL);
	assert_int_equal(fw.nodes[3].lever, RS_LEVER_CONTEXT);
	assert_near(fw.nodes[0].effort, 1, 0);
	assert_string_equal(rs_lever_name(RS_LEVER_CONTEXT), "context");
	assert_null(rs_lever_name(RS_LEVER_NONE));
	assert_int_equal(rs_lever_parse("national", 8), RS_LEVER_NATIONAL);
	assert_int_equal(rs_lever_parse("nation", 6), RS_LEVER_COUNT);
	rs_framework_release(&fw);
}

static void
tree_is_stored_in_preorder(void **state)
{
	struct rs_framework fw;
	struct rs_error err;

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_file(&fw, RS_TEST_DATA
	    "/small.json", &err), 0);
	assert_int_equal(fw.nnodes, 8);
	assert_int_equal(fw.ntop, 2);
	assert_int_equal(fw.nindicators, 5);
	assert_string_equal(fw.nodes[fw.indicators[3]].id, "b2");
	assert_string_equal(fw.nodes[fw.top[1]].id, "B");
	assert_int_equal(fw.nodes[rs_framework_find(&fw, "b3", 2)].depth, 3);
	assert_string_equal(fw.nodes[fw.nodes[rs_framework_find(&fw, "b3",
	    2)].parent].id, "B2");
	assert_true(rs_framework_find(&fw, "b", 1) == RS_NONE);
	assert_string_equal(rs_name_get(fw.names, fw.nnames, "ar", ""),
	    "\xD8\xA5\xD8\xB7\xD8\xA7\xD8\xB1 \xD8\xA7\xD8\xAE\xD8\xAA\xD8\xA8"
	    "\xD8\xA7\xD8\xB1");
	assert_string_equal(rs_name_get(fw.names, fw.nnames, "fr", ""),
	    "Small test framework");
	rs_framework_release(&fw);
}

static void
builtin_framework_loads(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_default(&fw, &err), 0);
	assert_string_equal(fw.id, "dpt");
	assert_int_equal(fw.ntop, 5);
	assert_true(fw.nindicators > 0);
	rs_framework_release(&fw);
}

struct bad_case {
	const char *text;
	long line, col;
	const char *msg;
};

#define IND "{\"id\": \"x\", \"worst\": 0, \"best\": 1}"

static const struct bad_case bad_cases[] = {
	{"", 1, 1, "empty file"},
	{"[]", 1, 1, "a framework must be a JSON object"},
	{"{\"children\": [" IND "]}", 1, 1, "needs a non-empty string \"id\""},
	{"{\"id\": 3, \"children\": [" IND "]}", 1, 8,
	    "needs a non-empty string \"id\""},
	{"{\"id\": \"f\"}", 1, 1, "needs a non-empty array \"children\""},
	{"{\"id\": \"f\", \"children\": []}", 1, 25,
	    "\"children\" must be a non-empty array"},
	{"{\"id\": \"f\",\n \"children\": [{\"id\": \"a\", \"children\": []}]}",
	    2, 39, "\"children\" must be a non-empty array"},
	{"{\"id\": \"f\", \"children\": [" IND ",\n  " IND "]}", 2, 10,
	    "duplicate id \"x\" (first defined at line 1)"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 5, "
	    "\"best\": 5}]}", 1, 58, "indicator \"x\": worst and best are "
	    "both 5"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 5}]}", 1,
	    26, "needs either \"children\", both \"worst\" and \"best\", or \"band\""},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"children\": [" IND "]}]}", 1, 26,
	    "has both children and goalposts"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"weight\": 0, "
	    "\"worst\": 0, \"best\": 1}]}", 1, 48, "weight must be > 0, not 0"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"weight\": -2, "
	    "\"worst\": 0, \"best\": 1}]}", 1, 48, "weight must be > 0"},
	/* subnormal and tiny weights lose digits in weight x score */
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"weight\": 5e-324, "
	    "\"worst\": 0, \"best\": 1}]}", 1, 48,
	    "node \"x\": weight 4.94066e-324 is too small to compute with "
	    "exactly; weights must be at least 1e-150"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"weight\": 1e-151, "
	    "\"worst\": 0, \"best\": 1}]}", 1, 48, "is too small to compute"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"weight\": \"2\", "
	    "\"worst\": 0, \"best\": 1}]}", 1, 48, "\"weight\" must be a number"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"weight\": 1e400, "
	    "\"worst\": 0, \"best\": 1}]}", 1, 48, "\"weight\" is out of range"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"min\": 5, \"max\": 4}]}", 1, 78,
	    "max 4 is below min 5"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"unit\": 4}]}", 1, 69, "\"unit\" must be a string"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"unit\": \"%\", \"unit_ar\": [\"%\"]}]}", 1, 85,
	    "\"unit_ar\" must be a string"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"\", \"worst\": 0, "
	    "\"best\": 1}]}", 1, 33, "a node needs a non-empty string \"id\""},
	{"{\"id\": \"f\", \"children\": [7]}", 1, 26, "a node must be an object"},
	{"{\"id\": \"f\", \"name\": 7, \"children\": [" IND "]}", 1, 21,
	    "\"name\" must be a string or an object"},
	{"{\"id\": \"f\", \"name\": {\"en\": 7}, \"children\": [" IND "]}", 1,
	    28, "name in \"en\" must be a string"},
	{"{\"id\": \"f\", \"min_coverage\": 0, \"children\": [" IND "]}", 1,
	    29, "\"min_coverage\" must be in (0, 1], not 0"},
	{"{\"id\": \"f\", \"min_coverage\": 1.5, \"children\": [" IND "]}", 1,
	    29, "must be in (0, 1]"},
	{"{\"id\": \"f\", \"levels\": [], \"children\": [" IND "]}", 1, 23,
	    "\"levels\" must be a non-empty array"},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"a\", \"min\": 10}], "
	    "\"children\": [" IND "]}", 1, 43, "first level \"a\" must have "
	    "min 0"},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"a\", \"min\": 0}, {\"id\": "
	    "\"b\", \"min\": 0}], \"children\": [" IND "]}", 1, 66,
	    "level \"b\": min 0 is not above the previous level's 0"},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"a\", \"min\": 0}, {\"id\": "
	    "\"a\", \"min\": 50}], \"children\": [" IND "]}", 1, 54,
	    "duplicate level id \"a\""},
	{"{\"id\": \"f\", \"levels\": [{\"min\": 0}], \"children\": [" IND
	    "]}", 1, 24, "a level needs a non-empty string \"id\""},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"a\"}], \"children\": [" IND
	    "]}", 1, 24, "level \"a\" needs a number \"min\""},
	{"{\"id\": \"f\", \"levels\": [\"weak\"], \"children\": [" IND "]}", 1,
	    24, "a level must be an object"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"worst\": 2}]}", 1, 70, "duplicate key \"worst\""},
	{"{\"id\": \"f\", \"id\": \"g\", \"children\": [" IND "]}", 1, 19,
	    "duplicate key \"id\""},
	/* the planning keys (docs/framework-format.md) */
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"lever\": \"city\"}]}", 1, 70, "indicator \"x\": "
	    "\"lever\" must be \"municipal\", \"national\" or \"context\""},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"lever\": 1}]}", 1, 70, "\"lever\" must be"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"effort\": 0}]}", 1, 71, "indicator \"x\": "
	    "\"effort\" must be from 1e-150 to 1e150, not 0"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"effort\": \"low\"}]}", 1, 71,
	    "\"effort\" must be a number"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", \"worst\": 0, "
	    "\"best\": 1, \"max_change_per_year\": -1}]}", 1, 84,
	    "indicator \"x\": \"max_change_per_year\" must be above 0 and at "
	    "most 1e150, not -1"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"lever\": "
	    "\"national\", \"children\": [" IND "]}]}", 1, 47, "node \"a\": "
	    "\"lever\" belongs to indicators, not to an aggregate"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"effort\": 2, "
	    "\"children\": [" IND "]}]}", 1, 48, "\"effort\" belongs to "
	    "indicators"},
	/* target bands and series (framework-format.md, "band", "series") */
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"band\": {\"worst_low\": 0, \"low\": 0, \"high\": 5, \"worst_high\": 9}}]}", 1, 70, "indicator \"x\": band \"low\" 0 must be above \"worst_low\" 0"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"band\": {\"worst_low\": 0, \"low\": 6, \"high\": 5, \"worst_high\": 9}}]}", 1, 81, "band \"high\" 5 is below \"low\" 6"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"band\": {\"worst_low\": 0, \"low\": 1, \"high\": 5, \"worst_high\": 5}}]}", 1, 98, "band \"worst_high\" 5 must be above \"high\" 5"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"band\": {\"worst_low\": 0, \"low\": 1, \"high\": 5}}]}", 1, 46, "\"band\" needs \"worst_high\""},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"band\": {\"worst_low\": 0, \"low\": 1, \"high\": 5, \"worst_high\": 9, \"best\": 3}}]}", 1, 109, "unknown key \"best\" in \"band\""},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"band\": [0, 1, 5, 9]}]}", 1, 46, "\"band\" must be an object"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"band\": {\"worst_low\": \"0\", \"low\": 1, \"high\": 5, \"worst_high\": 9}}]}", 1, 60, "\"worst_low\" must be a number"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"worst\": 0, \"band\": {\"worst_low\": 0, \"low\": 1, \"high\": 5, \"worst_high\": 9}}]}", 1, 58, "has both \"band\" and \"worst\" or \"best\""},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"worst\": 0, \"best\": 1, \"series\": {\"imf\": \"X\"}}]}", 1, 71, "\"series\" must be an object with one key"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"x\", "
	    "\"worst\": 0, \"best\": 1, \"series\": {\"wdi\": \"\"}}]}", 1, 71, "\"series\" must be an object with one key"},
};

static void
rejected_frameworks_are_located(void **state)
{
	struct rs_framework fw;
	struct rs_error err;
	size_t i, failed = 0;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(*bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];

		rc = load(&fw, c->text, &err);
		if (rc != RS_EINPUT || strcmp(err.path, "f.json") != 0 ||
		    err.line != c->line || err.col != c->col ||
		    strstr(err.msg, c->msg) == NULL || fw.nnodes != 0) {
			print_error("case %zu: got %d %s:%ld:%ld: %s\n"
			    "  want %ld:%ld: ...%s\n", i, rc, err.path,
			    err.line, err.col, err.msg, c->line, c->col,
			    c->msg);
			failed++;
		}
		rs_framework_release(&fw);
	}
	/* every case is reported above before the test fails */
	assert_int_equal(failed, 0);
}

static void
missing_framework_file_is_an_io_error(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_file(&fw, "/nonexistent/f.json",
	    &err), RS_EIO);
	assert_string_equal(err.path, "/nonexistent/f.json");
	rs_framework_release(&fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_apply),
		cmocka_unit_test(arabic_unit_falls_back_to_unit),
		cmocka_unit_test(planning_keys_are_read),
		cmocka_unit_test(tree_is_stored_in_preorder),
		cmocka_unit_test(builtin_framework_loads),
		cmocka_unit_test(rejected_frameworks_are_located),
		cmocka_unit_test(missing_framework_file_is_an_io_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
