/*
 * test_describe.c - the framework tree as text, Markdown and JSON
 * (describe.h)
 */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "resilience/describe.h"
#include "resilience/framework.h"
#include "base/text.h"

enum kind { TEXT, MARKDOWN, JSON };

/* The description of the framework at path (NULL: built in); caller frees. */
static char *
describe(const char *path, const char *lang, enum kind kind)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	rs_framework_init(&fw);
	if (path == NULL)
		assert_int_equal(rs_framework_load_default(&fw, &err), 0);
	else
		assert_int_equal(rs_framework_load_file(&fw, path, &err), 0);
	mem = open_memstream(&text, &len);
	assert_non_null(mem);
	if (kind == TEXT)
		rc = rs_describe_text(mem, &fw, lang, &err);
	else if (kind == MARKDOWN)
		rc = rs_describe_markdown(mem, &fw, lang, &err);
	else
		rc = rs_describe_json(mem, &fw, lang, &err);
	assert_int_equal(rc, 0);
	assert_int_equal(fclose(mem), 0);
	rs_framework_release(&fw);
	return text;
}

/*
 * Every column but the unit has a fixed display width, so each node line
 * ends (aggregates) or reaches its unit (indicators) at the same column,
 * whatever the script of the names.
 */
static void
check_alignment(const char *lang)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	char *text = describe(NULL, lang, TEXT), *line, *save = NULL;
	size_t agg = 0, ind = 0, w, k = 0, seen = 0;
	const struct rs_node *node;

	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_default(&fw, &err), 0);
	/* skip the four header lines and the column titles (strtok_r skips
	 * the blank line) */
	line = strtok_r(text, "\n", &save);
	for (k = 0; k < 4; k++)
		line = strtok_r(NULL, "\n", &save);
	for (k = 0; k < fw.nnodes; k++) {
		line = strtok_r(NULL, "\n", &save);
		assert_non_null(line);
		node = &fw.nodes[k];
		assert_non_null(strstr(line, node->id));
		w = rs_utf8_width(line);
		if (node->nchildren > 0) {
			if (agg == 0)
				agg = w;
			assert_int_equal(w, agg);
		} else {
			w -= rs_utf8_width(rs_node_unit(node, lang));
			if (ind == 0)
				ind = w;
			assert_int_equal(w, ind);
		}
		seen++;
	}
	assert_null(strtok_r(NULL, "\n", &save));
	assert_int_equal(seen, 85);
	/* worst, best, better, domain, lever and series take 10 + 10 + 10 +
	 * 16 + 11 + 23 columns */
	assert_int_equal(ind, agg + 80);
	free(text);
	rs_framework_release(&fw);
}

static void
text_columns_align_in_english(void **state)
{
	(void)state;
	check_alignment(NULL);
}

static void
text_columns_align_in_arabic(void **state)
{
	char *text = describe(NULL, "ar", TEXT);

	(void)state;
	assert_non_null(strstr(text, "A1             بيئة الأعمال"));
	assert_non_null(strstr(text, "RPI 1-1.1  حصة أكبر قطاع اقتصادي"));
	assert_non_null(strstr(text, "المستويات: ضعيف (weak) ابتداءً من 0"));
	/* the unit in Arabic (unit_ar), at the end of the line */
	assert_non_null(strstr(text, "% من الناتج المحلي الإجمالي\n"));
	assert_null(strstr(text, "% of GDP"));
	free(text);
	text = describe(NULL, NULL, TEXT);
	assert_non_null(strstr(text, "% of GDP\n"));
	assert_null(strstr(text, "الناتج المحلي"));
	free(text);
	check_alignment("ar");
}

static void
text_shows_goalposts_direction_and_open_domains(void **state)
{
	char *text = describe(RS_TEST_DATA "/odd-names.json", NULL, TEXT);

	(void)state;
	assert_non_null(strstr(text, "\n  a2  Lower is better [x]"));
	assert_non_null(strstr(text, "        80        20  lower   0..+inf"
	    "         -          -                      %\n"));
	assert_non_null(strstr(text, "        -1         1  higher  -1..1"
	    "           -          -                      -1 to 1\n"));
	free(text);
}

/*
 * A target band shows its two outer and two inner points, "band" for its
 * direction, and the series each indicator names (tests/data/band.json).
 */
static void
bands_and_series_are_shown(void **state)
{
	char *text = describe(RS_TEST_DATA "/band.json", NULL, TEXT);
	size_t i, j;

	(void)state;
	assert_non_null(strstr(text, "    10/150     40-80  band    -inf..+inf"
	    "      national   wdi:FS.AST.PRVT.GD.ZS  % of GDP\n"));
	assert_non_null(strstr(text, "  higher  -inf..+inf      -          "
	    "wgi:GE.EST"));
	free(text);
	text = describe(RS_TEST_DATA "/band.json", NULL, MARKDOWN);
	assert_non_null(strstr(text, "| 10/150 | 40-80 | band | −∞ .. +∞ | "
	    "national | wdi:FS.AST.PRVT.GD.ZS | % of GDP |"));
	free(text);
	text = describe(RS_TEST_DATA "/band.json", NULL, JSON);
	for (i = j = 0; text[i] != '\0'; i++)
		if (text[i] != '\t' && text[i] != '\n')
			text[j++] = text[i];
	text[j] = '\0';
	assert_non_null(strstr(text, "\"worst\":null,\"best\":null,"
	    "\"band\":{\"worst_low\":10,\"low\":40,\"high\":80,"
	    "\"worst_high\":150}"));
	assert_non_null(strstr(text, "\"series\":{\"wdi\":"
	    "\"FS.AST.PRVT.GD.ZS\"}"));
	free(text);
}

static void
markdown_escapes_specials(void **state)
{
	char *text = describe(RS_TEST_DATA "/odd-names.json", NULL,
	    MARKDOWN);

	(void)state;
	assert_non_null(strstr(text, "# Odd \\| names\n"));
	assert_non_null(strstr(text, "## A Area \\*one\\* \\| \\_two\\_\n"));
	assert_non_null(strstr(text, "| a1 | Comma, \"quote\" and \\`tick\\` "
	    "| 1 | -1 | 1 | higher | -1 .. 1 | - | - | -1 to 1 |\n"));
	assert_non_null(strstr(text, "| a2 | Lower is better \\[x\\] | 1 | "
	    "80 | 20 | lower | 0 .. +∞ | - | - | % |\n"));
	/* every table row has the same number of cells as the header */
	assert_non_null(strstr(text, "| A | **Area \\*one\\* \\| \\_two\\_** "
	    "| 1 |  |  |  |  |  |  |  |\n"));
	free(text);
}

/* No byte of a control or bidirectional character in text. */
static void
assert_no_raw_controls(const char *text)
{
	static const char *const raw[] = {
		"\033", "\007", "\xc2\x85", "\xc2\x9b", "\xe2\x80\xa8",
		"\xe2\x80\xae", "\xe2\x80\xac", "\xe2\x81\xa6",
	};
	size_t i;

	for (i = 0; i < sizeof(raw) / sizeof(*raw); i++)
		if (strstr(text, raw[i]) != NULL)
			fail_msg("raw control %zu in: %s", i, text);
}

/*
 * Names, units, versions and level ids with terminal controls, bidi
 * overrides, Markdown and HTML (tests/data/hostile-names.json): the text
 * shows them as a terminal escaper does, the Markdown neither runs nor
 * keeps them, the JSON escapes them.  All three wrote them raw.
 */
static void
hostile_names_are_escaped_in_every_format(void **state)
{
	const char *path = RS_TEST_DATA "/hostile-names.json";
	char *text;

	(void)state;
	text = describe(path, NULL, TEXT);
	assert_no_raw_controls(text);
	assert_non_null(strstr(text, "Evil\\x1B]0;owned\\x07 | <b>fw</b> "
	    "& co (1\\x1B[2J)\n"));
	assert_non_null(strstr(text, "levels: Low (low|<b>x</b>\\x1B[31m) "
	    "from 0, High (hi\\u202Egh) from 50\n"));
	assert_non_null(strstr(text, "\nA\\u0085  Area \\u202EA\\u202C  "));
	assert_non_null(strstr(text, "  a1     x\\x1B[2Jy  "));
	assert_non_null(strstr(text, "-inf..+inf      -          -                      km\\u0085\\u2028|<i>\n"));
	free(text);
	text = describe(path, "ar", TEXT);
	assert_no_raw_controls(text);
	assert_non_null(strstr(text, "<script>alert(1)</script>|[l](http://x)"
	    "\\u0085 (low|<b>x</b>\\x1B[31m) ابتداءً من 0"));
	free(text);

	text = describe(path, NULL, MARKDOWN);
	assert_non_null(strstr(text, "# Evil \\]0;owned  \\| \\<b\\>fw"
	    "\\</b\\> \\& co (1 \\[2J)\n"));
	assert_non_null(strstr(text, "| a1 | x \\[2Jy | 1 | 0 | 100 | "));
	assert_non_null(strstr(text, "| km \xe2\x80\xa8\\|\\<i\\> |\n"));
	assert_null(strstr(text, "\033"));
	assert_null(strstr(text, "\xc2\x85"));
	free(text);
	text = describe(path, "ar", MARKDOWN);
	assert_non_null(strstr(text, "\\<script\\>alert(1)\\</script\\>"
	    "\\|\\[l\\](http://x)  ابتداءً من 0"));
	assert_null(strstr(text, "<script>"));
	assert_null(strstr(text, "\xc2\x85"));
	assert_null(strstr(text, "\xc2\x9b"));
	free(text);

	text = describe(path, NULL, JSON);
	assert_no_raw_controls(text);
	assert_non_null(strstr(text, "\"id\":\t\"A\\u0085\""));
	assert_non_null(strstr(text, "\"unit\":\t\"km\\u0085\\u2028|<i>\""));
	assert_non_null(strstr(text, "\"id\":\t\"hi\\u202egh\""));
	free(text);
}

static size_t
count_indicators(const cJSON *nodes)
{
	const cJSON *n, *kids;
	size_t count = 0;

	cJSON_ArrayForEach(n, nodes) {
		kids = cJSON_GetObjectItemCaseSensitive(n, "children");
		count += kids != NULL ? count_indicators(kids) : 1;
	}
	return count;
}

static const cJSON *
find(const cJSON *nodes, const char *id)
{
	const cJSON *n, *hit, *kids;

	cJSON_ArrayForEach(n, nodes) {
		if (strcmp(cJSON_GetObjectItemCaseSensitive(n,
		    "id")->valuestring, id) == 0)
			return n;
		kids = cJSON_GetObjectItemCaseSensitive(n, "children");
		if (kids != NULL && (hit = find(kids, id)) != NULL)
			return hit;
	}
	return NULL;
}

static void
json_nests_every_node(void **state)
{
	char *text = describe(NULL, "ar", JSON);
	cJSON *root = cJSON_Parse(text);
	const cJSON *nodes, *n;

	(void)state;
	assert_non_null(root);
	nodes = cJSON_GetObjectItemCaseSensitive(root, "nodes");
	assert_int_equal(cJSON_GetArraySize(nodes), 5);
	assert_int_equal(count_indicators(nodes), 63);
	n = find(nodes, "RPI 2-1.1");
	assert_non_null(n);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(n,
	    "better")->valuestring, "lower");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(n,
	    "name")->valuestring, "معدل البطالة");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(n,
	    "lever")->valuestring, "municipal");
	assert_near(cJSON_GetObjectItemCaseSensitive(n,
	    "effort")->valuedouble, 1, 0);
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(n,
	    "max_change_per_year")));
	n = find(nodes, "RPI 4-3.4");	/* voice and accountability */
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(n,
	    "lever")->valuestring, "national");
	n = find(nodes, "RPI 1-4.3");	/* political stability */
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(n,
	    "lever")->valuestring, "context");
	n = find(nodes, "RPI 1-2.1");
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(n,
	    "max")));
	assert_near(cJSON_GetObjectItemCaseSensitive(n, "best")->valuedouble,
	    100, 0);
	cJSON_Delete(root);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_columns_align_in_english),
		cmocka_unit_test(text_columns_align_in_arabic),
		cmocka_unit_test(text_shows_goalposts_direction_and_open_domains),
		cmocka_unit_test(markdown_escapes_specials),
		cmocka_unit_test(bands_and_series_are_shown),
		cmocka_unit_test(hostile_names_are_escaped_in_every_format),
		cmocka_unit_test(json_nests_every_node),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
