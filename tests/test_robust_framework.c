/*
 * test_robust_framework.c - every class of broken framework file gets one
 * error at the offending value, with any line ends and with or without a
 * BOM; node positions found in one pass (docs/robustness.md)
 */
#include "test_util.h"

#include <stdlib.h>
#include <string.h>

#include "resilience/framework.h"

#define L "{\"id\": \"a\", \"worst\": 0, \"best\": 1}"

struct bad {
	const char *text;
	size_t len;		/* 0: strlen(text) */
	long line, col;
	const char *msg;
};

static const struct bad bad_fw[] = {
	{"[1]", 0, 1, 1, "a framework must be a JSON object"},
	{"{\"children\": [" L "]}", 0, 1, 1, "non-empty string \"id\""},
	{"{\"id\": \"\", \"children\": [" L "]}", 0, 1, 8,
	    "non-empty string \"id\""},
	{"{\"id\": \"f\"}", 0, 1, 1, "needs a non-empty array \"children\""},
	{"{\"id\": \"f\", \"children\": []}", 0, 1, 25,
	    "\"children\" must be a non-empty array of nodes"},
	{"{\"id\": \"f\", \"children\": {}}", 0, 1, 25, "non-empty array"},
	{"{\"id\": \"f\", \"name\": 5, \"children\": [" L "]}", 0, 1, 21,
	    "\"name\" must be a string or an object"},
	{"{\"id\": \"f\", \"name\": {\"en\": 5}, \"children\": [" L "]}", 0, 1,
	    28, "name in \"en\" must be a string"},
	{"{\"id\": \"f\", \"version\": 2, \"children\": [" L "]}", 0, 1, 24,
	    "\"version\" must be a string"},
	{"{\"id\": \"f\", \"min_coverage\": 0, \"children\": [" L "]}", 0, 1,
	    29, "\"min_coverage\" must be in (0, 1], not 0"},
	{"{\"id\": \"f\", \"min_coverage\": 1.5, \"children\": [" L "]}", 0, 1,
	    29, "must be in (0, 1]"},
	{"{\"id\": \"f\", \"min_coverage\": \"x\", \"children\": [" L "]}", 0,
	    1, 29, "\"min_coverage\" must be a number"},
	/* Levels. */
	{"{\"id\": \"f\", \"levels\": [], \"children\": [" L "]}", 0, 1, 23,
	    "\"levels\" must be a non-empty array"},
	{"{\"id\": \"f\", \"levels\": [1], \"children\": [" L "]}", 0, 1, 24,
	    "a level must be an object"},
	{"{\"id\": \"f\", \"levels\": [{\"min\": 0}], \"children\": [" L "]}",
	    0, 1, 24, "a level needs a non-empty string \"id\""},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"x\"}], \"children\": [" L
	    "]}", 0, 1, 24, "level \"x\" needs a number \"min\""},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"x\", \"min\": 5}], "
	    "\"children\": [" L "]}", 0, 1, 43,
	    "the first level \"x\" must have min 0"},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"x\", \"min\": 0},\n"
	    " {\"id\": \"y\", \"min\": 0}], \"children\": [" L "]}", 0, 2, 21,
	    "level \"y\": min 0 is not above the previous level's 0"},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"x\", \"min\": 0},\n"
	    " {\"id\": \"x\", \"min\": 10}], \"children\": [" L "]}", 0, 2, 9,
	    "duplicate level id \"x\""},
	{"{\"id\": \"f\", \"levels\": [{\"id\": \"x\", \"min\": 0,\n"
	    " \"name\": {\"en\": \"X\", \"ar\": null}}], \"children\": [" L
	    "]}", 0, 2, 28, "name in \"ar\" must be a string"},
	/* Nodes. */
	{"{\"id\": \"f\", \"children\": [\n 5]}", 0, 2, 2,
	    "a node must be an object"},
	{"{\"id\": \"f\", \"children\": [\n {\"worst\": 0, \"best\": 1}]}", 0,
	    2, 2, "a node needs a non-empty string \"id\""},
	{"{\"id\": \"f\", \"children\": [\n " L ",\n " L "]}", 0, 3, 9,
	    "duplicate id \"a\" (first defined at line 2)"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"weight\": 0, "
	    "\"worst\": 0, \"best\": 1}]}", 0, 2, 24,
	    "node \"a\": weight must be > 0, not 0"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"weight\": -1, "
	    "\"worst\": 0, \"best\": 1}]}", 0, 2, 24, "weight must be > 0"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"weight\": \"1\", "
	    "\"worst\": 0, \"best\": 1}]}", 0, 2, 24,
	    "\"weight\" must be a number"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"worst\": 0, "
	    "\"best\": 1, \"children\": [" L "]}]}", 0, 2, 2,
	    "node \"a\" has both children and goalposts"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"best\": 1}]}", 0,
	    2, 2, "needs either \"children\", both \"worst\" and \"best\", or \"band\""},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"worst\": 1, "
	    "\"best\": 1}]}", 0, 2, 34, "worst and best are both 1"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"worst\": 0, "
	    "\"best\": 1, \"min\": 5, \"max\": 1}]}", 0, 2, 54,
	    "max 1 is below min 5"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"worst\": 0, "
	    "\"best\": 1, \"unit\": 1}]}", 0, 2, 45,
	    "\"unit\" must be a string"},
	/* Numbers that overflow in the scoring sums. */
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"weight\": 1e307, "
	    "\"worst\": 0, \"best\": 1}]}", 0, 1, 25,
	    "the weights of these children are too large"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", \"worst\": -1e308, "
	    "\"best\": 1e308}]}", 0, 2, 39, "best - worst overflows"},
	/* Text. */
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\\u0000b\", "
	    "\"worst\": 0, \"best\": 1}]}", 0, 2, 11, "\\u0000"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\\u001b[2J\", "
	    "\"worst\": 0, \"best\": 1},\n {\"id\": \"a\\u001b[2J\", "
	    "\"worst\": 0, \"best\": 1}]}", 0, 3, 9,
	    "duplicate id \"a\x1b[2J\""},	/* rs_error_format escapes */
	{"\xff\xfe{\0", 4, 1, 1, "UTF-16LE"},
	{"{\"id\": \"f\xe9\", \"children\": []}", 0, 1, 10,
	    "invalid UTF-8 (byte 0xE9)"},
	{"{\"id\": \"f\", \"children\": [\n {\"id\": \"a\", ", 0, 2, 14,
	    "unexpected end of file"},
	{"", 0, 1, 1, "empty file"},
	/* Rubric items, series, effort and the yearly change cap. */
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 1, \"b"
	    "est\": 5, \"min\": 1, \"max\": 5, \"rubric\": 3}]}", 0, 1, 91,
	    "indicator \"a\": \"rubric\" must be an array of 5 "
	    "descriptions"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 1, \"b"
	    "est\": 5, \"min\": 1, \"max\": 5, \"rubric\": [\"1\", \"2\", "
	    "\"3\", \"4\"]}]}", 0, 1, 91,
	    "\"rubric\" must be an array of 5 descriptions"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 1, \"b"
	    "est\": 5, \"rubric\": [\"1\", \"2\", \"3\", \"4\", \"5\"]}]}", 0, 1, 71,
	    "indicator \"a\": a rubric item needs \"min\" and "
	    "\"max\" within 1 and 5"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 1, \"b"
	    "est\": 5, \"min\": 0, \"max\": 5, \"rubric\": [\"1\", \"2\", "
	    "\"3\", \"4\", \"5\"]}]}", 0, 1, 91,
	    "a rubric item needs \"min\" and \"max\" within 1 a"
	    "nd 5"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 1, \"b"
	    "est\": 5, \"min\": 1, \"max\": 6, \"rubric\": [\"1\", \"2\", "
	    "\"3\", \"4\", \"5\"]}]}", 0, 1, 91,
	    "a rubric item needs \"min\" and \"max\" within 1 a"
	    "nd 5"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 1, \"b"
	    "est\": 5, \"min\": 1, \"max\": 5, \"rubric\": [\"1\", 2, \"3\""
	    ", \"4\", \"5\"]}]}", 0, 1, 97,
	    "indicator \"a\": a rubric level must be a string o"
	    "r an object of language codes to strings"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 1, \"b"
	    "est\": 5, \"min\": 1, \"max\": 5, \"rubric\": [\"1\", {}, \"3"
	    "\", \"4\", \"5\"]}]}", 0, 1, 97,
	    "indicator \"a\": rubric level 2 is empty"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"series\": \"SL\"}]}", 0, 1, 71,
	    "indicator \"a\": \"series\" must be an object with"
	    " one key"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"series\": {\"imf\": \"X\"}}]}", 0, 1, 71,
	    "\"series\" must be an object with one key"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"series\": {\"wdi\": \"\"}}]}", 0, 1, 71,
	    "\"series\" must be an object with one key"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"series\": {\"wdi\": \"A\", \"wgi\": \"B\"}}]}", 0, 1, 71,
	    "\"series\" must be an object with one key"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"series\": {\"wdi\": 5}}]}", 0, 1, 71,
	    "\"series\" must be an object with one key"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"effort\": 0}]}", 0, 1, 71,
	    "indicator \"a\": \"effort\" must be from"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"effort\": 1e200}]}", 0, 1, 71,
	    "\"effort\" must be from"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"max_change_per_year\": 0}]}", 0, 1, 84,
	    "indicator \"a\": \"max_change_per_year\" must be a"
	    "bove 0 and at most 1e150, not 0"},
	{"{\"id\": \"f\", \"children\": [{\"id\": \"a\", \"worst\": 0, \"b"
	    "est\": 1, \"max_change_per_year\": -2}]}", 0, 1, 84,
	    "\"max_change_per_year\" must be above 0 and at mos"
	    "t 1e150, not -2"},
};

static void
broken_framework_gets_one_located_error(void **state)
{
	static const char *const eols[] = {"\n", "\r\n", "\r"};
	struct rs_framework fw;
	struct rs_error err;
	size_t k, e, len;
	int bom, rc;
	char *text;

	(void)state;
	for (k = 0; k < sizeof(bad_fw) / sizeof(*bad_fw); k++)
		for (e = 0; e < 3; e++)
			for (bom = 0; bom < 2; bom++) {
				const struct bad *c = &bad_fw[k];

				len = c->len ? c->len : strlen(c->text);
				text = test_variant(c->text, &len, eols[e], bom);
				rs_error_clear(&err);
				rs_framework_init(&fw);
				rc = rs_framework_load_json(&fw, text, len,
				    "fw.json", &err);
				if (rc != RS_EINPUT || err.line != c->line ||
				    err.col != c->col ||
				    strcmp(err.path, "fw.json") != 0 ||
				    strstr(err.msg, c->msg) == NULL) {
					print_error("case %zu (eol %zu, bom "
					    "%d): got %d %s:%ld:%ld: %s\n"
					    "want %ld:%ld: ...%s\n", k, e, bom,
					    rc, err.path, err.line, err.col,
					    err.msg, c->line, c->col, c->msg);
					fail();
				}
				/* A rejected framework is left empty. */
				assert_int_equal(fw.nnodes, 0);
				rs_framework_release(&fw);
				free(text);
			}
}

/*
 * Every node is located in one pass over the text (jsonutil.c): check the
 * positions on a framework of 3,000 nodes, one per line, and on the
 * shipped one.
 */
static void
node_positions_are_exact(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	size_t n = 3000, i;
	char *text = malloc(80 * n + 100), *o;

	(void)state;
	assert_non_null(text);
	o = text + sprintf(text, "{\"id\": \"f\", \"children\": [\n"
	    "  {\"id\": \"A\", \"children\": [");
	for (i = 0; i < n; i++)
		o += sprintf(o, "%s\n    {\"id\": \"\xd9\xa1%zu\", "
		    "\"worst\": 0, \"best\": 1}", i ? "," : "", i);
	sprintf(o, "]}]}\n");
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_json(&fw, text, strlen(text),
	    "f.json", &err), 0);
	assert_int_equal(fw.nnodes, n + 1);
	assert_int_equal(fw.nodes[0].line, 2);
	assert_int_equal(fw.nodes[0].col, 3);
	for (i = 1; i <= n; i++) {
		assert_int_equal(fw.nodes[i].line, (long)i + 2);
		assert_int_equal(fw.nodes[i].col, 5);
	}
	rs_framework_release(&fw);
	free(text);
	assert_int_equal(rs_framework_load_json(&fw, rs_default_framework,
	    rs_default_framework_len, "dpt.json", &err), 0);
	assert_int_equal(fw.nodes[0].line > 0 && fw.nodes[0].col > 0, 1);
	for (i = 1; i < fw.nnodes; i++)
		assert_true(fw.nodes[i].line > fw.nodes[i - 1].line);
	rs_framework_release(&fw);
}

static void
names_equal(const struct rs_name *a, size_t na, const struct rs_name *b,
    size_t nb)
{
	size_t i;

	assert_int_equal(na, nb);
	for (i = 0; i < na; i++) {
		assert_string_equal(a[i].lang, b[i].lang);
		assert_string_equal(a[i].text, b[i].text);
	}
}

static void
strings_equal(const char *a, const char *b)
{
	assert_int_equal(a == NULL, b == NULL);
	if (a != NULL)
		assert_string_equal(a, b);
}

static void
doubles_equal(double a, double b)
{
	assert_memory_equal(&a, &b, sizeof(a));
}

/*
 * The embedded framework is C data written at build time (src/gen/fwgen.c);
 * it must be, field by field, the model of its JSON text as loaded now.
 */
static void
embedded_framework_is_its_json(void **state)
{
	struct rs_framework fw, json;
	struct rs_error err = {0};
	const struct rs_node *a, *b;
	size_t i, k;

	(void)state;
	rs_framework_init(&fw);
	rs_framework_init(&json);
	assert_int_equal(rs_framework_load_default(&fw, &err), 0);
	assert_int_equal(rs_framework_load_json(&json, rs_default_framework,
	    rs_default_framework_len, "<builtin>/dpt.json", &err), 0);
	assert_string_equal(fw.path, json.path);
	assert_string_equal(fw.id, json.id);
	names_equal(fw.names, fw.nnames, json.names, json.nnames);
	assert_string_equal(fw.version, json.version);
	doubles_equal(fw.min_coverage, json.min_coverage);
	assert_int_equal(fw.nlevels, json.nlevels);
	for (i = 0; i < fw.nlevels; i++) {
		assert_string_equal(fw.levels[i].id, json.levels[i].id);
		doubles_equal(fw.levels[i].min, json.levels[i].min);
		names_equal(fw.levels[i].names, fw.levels[i].nnames,
		    json.levels[i].names, json.levels[i].nnames);
	}
	assert_int_equal(fw.ntop, json.ntop);
	for (i = 0; i < fw.ntop; i++)
		assert_int_equal(fw.top[i], json.top[i]);
	assert_int_equal(fw.nindicators, json.nindicators);
	for (i = 0; i < fw.nindicators; i++)
		assert_int_equal(fw.indicators[i], json.indicators[i]);
	assert_true(fw.pipeline == NULL && json.pipeline == NULL);
	assert_int_equal(fw.nnodes, json.nnodes);
	for (i = 0; i < fw.nnodes; i++) {
		a = &fw.nodes[i];
		b = &json.nodes[i];
		assert_string_equal(a->id, b->id);
		names_equal(a->names, a->nnames, b->names, b->nnames);
		doubles_equal(a->weight, b->weight);
		assert_int_equal(a->parent, b->parent);
		assert_int_equal(a->nchildren, b->nchildren);
		for (k = 0; k < a->nchildren; k++)
			assert_int_equal(a->children[k], b->children[k]);
		assert_int_equal(a->depth, b->depth);
		assert_int_equal(a->indicator, b->indicator);
		assert_int_equal(a->has_goalposts, b->has_goalposts);
		doubles_equal(a->worst, b->worst);
		doubles_equal(a->best, b->best);
		assert_int_equal(a->has_min, b->has_min);
		assert_int_equal(a->has_max, b->has_max);
		doubles_equal(a->min, b->min);
		doubles_equal(a->max, b->max);
		strings_equal(a->unit, b->unit);
		strings_equal(a->unit_ar, b->unit_ar);
		strings_equal(a->description, b->description);
		names_equal(a->sources, a->nsources, b->sources, b->nsources);
		for (k = 0; k < RS_RUBRIC_LEVELS; k++)
			names_equal(a->rubric[k], a->nrubric[k], b->rubric[k],
			    b->nrubric[k]);
		assert_int_equal(a->lever, b->lever);
		doubles_equal(a->effort, b->effort);
		assert_int_equal(a->has_max_change, b->has_max_change);
		doubles_equal(a->max_change, b->max_change);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->col, b->col);
		assert_int_equal(rs_framework_find(&fw, a->id, strlen(a->id)),
		    i);
	}
	rs_framework_release(&json);
	rs_framework_release(&fw);
	/* Loading it again over itself, and releasing twice, is safe. */
	assert_int_equal(rs_framework_load_default(&fw, &err), 0);
	assert_int_equal(rs_framework_load_default(&fw, &err), 0);
	assert_int_equal(rs_framework_find(&fw, "b", 1), RS_NONE);
	rs_framework_release(&fw);
	rs_framework_release(&fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(broken_framework_gets_one_located_error),
		cmocka_unit_test(node_positions_are_exact),
		cmocka_unit_test(embedded_framework_is_its_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
