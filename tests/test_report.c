/*
 * test_report.c - the reporters: the shared views (report.c) and what each
 * format promises (exact numbers, safe cells, 80 columns, no stray colour)
 */
#include "test_util.h"

#include <stdlib.h>

#include <cjson/cJSON.h>

#include "ingest/sheet.h"
#include "report/report_priv.h"
#include "resilience/engine.h"
#include "resilience/framework.h"
#include "base/text.h"

#define N ((double)NAN)

/* Indicator order in small.json: a1 a2 b1 b2 b3. */
static const double X[] = {40, 25, 25, 5, N};
static const double Y[] = {100, N, N, N, N};
static const double Z[] = {0, 100, 10, 0, 0};

/* Score n cities named names with rows[i] as their values. */
static void
score(size_t n, const char *const *names, const double *const *rows,
    struct rs_results *res)
{
	double *v = malloc(n * small_fw.nindicators * sizeof(double));
	size_t i;

	for (i = 0; i < n; i++)
		memcpy(v + i * small_fw.nindicators, rows[i],
		    small_fw.nindicators * sizeof(double));
	rs_engine_score(&small_fw, n, names, v, res);
	free(v);
}

static void
report_init(struct rs_report *r, const struct rs_results *res)
{
	memset(r, 0, sizeof(*r));
	r->fw = &small_fw;
	r->res = res;
	r->top = 5;
	r->depth = 1;
}

/* The report as a string the caller frees. */
static char *
render(const struct rs_report *r, enum rs_report_view view,
    enum rs_report_format format)
{
	struct rs_error err = {0};
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	assert_non_null(mem);
	assert_int_equal(rs_report_write(mem, r, view, format, &err), 0);
	assert_int_equal(fclose(mem), 0);
	return buf;
}

static void
compare_ranks_each_row(void **state)
{
	static const char *const names[] = {"X", "Y", "Z", "W"};
	const double *rows[] = {X, Y, Z, X};
	struct rs_results res;
	struct rs_report r;
	struct rs_compare cmp;
	size_t a1 = RS_NONE, k;

	(void)state;
	score(4, names, rows, &res);
	report_init(&r, &res);
	r.depth = 2;
	rs_compare_init(&cmp, &r);
	/* the city, then A a1 a2 B b1 B2 (depth <= 2), pre-order */
	assert_int_equal(cmp.nrows, 7);
	assert_true(cmp.rows[0] == RS_NONE);
	assert_int_equal(cmp.rows[1], small_node("A"));
	assert_int_equal(cmp.rows[6], small_node("B2"));
	for (k = 0; k < cmp.nrows; k++)
		if (cmp.rows[k] == small_node("a1"))
			a1 = k;
	assert_true(a1 != RS_NONE);
	/* city: X and W tie first, Z third, Y unranked */
	assert_near(cmp.best[0], 207.5 / 3, 1e-12);
	assert_int_equal(cmp.rank[0 * 4 + 0], 1);
	assert_int_equal(cmp.rank[0 * 4 + 1], 0);
	assert_int_equal(cmp.rank[0 * 4 + 2], 3);
	assert_int_equal(cmp.rank[0 * 4 + 3], 1);
	/* a1: Y 100 first, X and W 40 share second, Z 0 fourth */
	assert_near(cmp.best[a1], 100, 0);
	assert_int_equal(cmp.rank[a1 * 4 + 1], 1);
	assert_int_equal(cmp.rank[a1 * 4 + 0], 2);
	assert_int_equal(cmp.rank[a1 * 4 + 3], 2);
	assert_int_equal(cmp.rank[a1 * 4 + 2], 4);
	/* by rank, ties and the unscored in input order */
	assert_int_equal(cmp.order[0], 0);
	assert_int_equal(cmp.order[1], 3);
	assert_int_equal(cmp.order[2], 2);
	assert_int_equal(cmp.order[3], 1);
	rs_compare_release(&cmp);
	rs_results_release(&res);
}

/* An aggregate's gain is the sum of its indicators' gains. */
static double
indicator_gains(const struct rs_city_result *c, size_t agg)
{
	double sum = 0;
	size_t k, p;

	for (k = 0; k < small_fw.nindicators; k++) {
		size_t i = small_fw.indicators[k];

		if (isnan(c->gain_of[i]))
			continue;
		for (p = small_fw.nodes[i].parent; p != RS_NONE;
		    p = small_fw.nodes[p].parent)
			if (p == agg)
				sum += c->gain_of[i];
	}
	return sum;
}

static void
node_priorities_form_a_sorted_tree(void **state)
{
	static const char *const names[] = {"Z"};
	const double *rows[] = {Z};
	struct rs_results res;
	struct rs_report r;
	struct rs_node_priority *np;
	size_t n, k;

	(void)state;
	score(1, names, rows, &res);
	report_init(&r, &res);
	n = rs_node_priorities(&r, 0, &np);
	/* A (66.67), B (33.33) and, under B, B2 (16.67) */
	assert_int_equal(n, 3);
	assert_int_equal(np[0].node, small_node("A"));
	assert_int_equal(np[0].rank, 1);
	assert_true(np[0].parent == RS_NONE);
	assert_int_equal(np[1].node, small_node("B"));
	assert_int_equal(np[1].rank, 2);
	assert_int_equal(np[2].node, small_node("B2"));
	assert_int_equal(np[2].rank, 1);
	assert_int_equal(np[2].parent, 1);
	for (k = 0; k < n; k++)
		assert_near(res.cities[0].gain_of[np[k].node],
		    indicator_gains(&res.cities[0], np[k].node), 1e-12);
	assert_near(res.cities[0].gain_of[small_node("A")], 200.0 / 3, 1e-12);
	free(np);
	/* --top 1: one entry per list */
	r.top = 1;
	n = rs_node_priorities(&r, 0, &np);
	assert_int_equal(n, 1);
	assert_int_equal(np[0].node, small_node("A"));
	free(np);
	/* --top 0: none */
	r.top = 0;
	n = rs_node_priorities(&r, 0, &np);
	assert_int_equal(n, 0);
	free(np);
	rs_results_release(&res);
}

static void
collect_list_orders_by_weight_if_collected(void **state)
{
	/* S: a2 and b1; A and B are scored, so is the city */
	static const double S[] = {N, 50, 15, N, N};
	static const char *const names[] = {"S"};
	const double *rows[] = {S};
	struct rs_results res;
	struct rs_report r;
	struct rs_collect *col;
	struct rs_buf b = {0};
	size_t n;

	(void)state;
	score(1, names, rows, &res);
	report_init(&r, &res);
	r.top = -1;
	n = rs_collect_list(&r, NULL, 0, &col);
	assert_int_equal(n, 3);
	/* all three would carry 1/6 (a1: 2/3 * 1/4; b2, b3: 1/3 * 1/2 * 1):
	 * then by complete weight, a1 1/6 before b2 and b3 1/12, by id */
	assert_int_equal(col[0].node, small_node("a1"));
	assert_near(col[0].weight, 1.0 / 6, 1e-15);
	assert_near(col[0].complete, 1.0 / 6, 1e-15);
	assert_int_equal(col[1].node, small_node("b2"));
	assert_int_equal(col[2].node, small_node("b3"));
	assert_near(col[1].weight, 1.0 / 6, 1e-15);
	assert_near(col[2].complete, 1.0 / 12, 1e-15);
	assert_int_equal(col[0].to_score, 0);
	assert_null(col[0].note);
	rs_say_collect(&b, &r, &col[1]);
	assert_string_equal(b.s, "Collecting Half (b2) would let it carry "
	    "16.7% of the city's score (8.3% with complete data).");
	rs_buf_release(&b);
	free(col);
	r.top = 2;
	assert_int_equal(rs_collect_list(&r, NULL, 0, &col), 2);
	free(col);
	rs_results_release(&res);
}

/*
 * A city without a score gets, as its collect list, the fewest
 * indicators that would give it one (methodology.md, "A city without a
 * score"): here a2 alone makes A count and the city with it.
 */
static void
collect_list_of_a_city_without_score_gives_it_one(void **state)
{
	static const double S[] = {N, N, 15, N, N};
	static const char *const names[] = {"S"};
	const double *rows[] = {S};
	struct rs_results res;
	struct rs_report r;
	struct rs_collect *col;
	struct rs_buf b = {0};
	size_t n;

	(void)state;
	score(1, names, rows, &res);
	report_init(&r, &res);
	r.top = -1;
	/* no gain without a city score, so no priority */
	assert_nan(res.cities[0].score);
	assert_nan(res.cities[0].gain_of[small_node("b1")]);
	assert_int_equal(res.cities[0].npriorities, 0);
	n = rs_collect_list(&r, NULL, 0, &col);
	assert_int_equal(n, 1);
	assert_int_equal(col[0].node, small_node("a2"));
	assert_int_equal(col[0].to_score, 1);
	assert_nan(col[0].weight);
	rs_say_collect(&b, &r, &col[0]);
	assert_string_equal(b.s, "Collecting Lower is better (a2) alone would "
	    "give the city a score (with complete data it carries 50.0% of "
	    "the score).");
	rs_buf_release(&b);
	assert_string_equal(rs_none_reason(&r, 0), "None: the city has no "
	    "score, so no gain is defined; the data below would give it "
	    "one.");
	free(col);
	rs_results_release(&res);
}

/* Equal weights: by id in byte order, whatever the file order. */
static void
collect_ties_break_by_id(void **state)
{
	static const char text[] = "{\"id\": \"t\", \"children\": ["
	    "{\"id\": \"T\", \"children\": ["
	    "{\"id\": \"z\", \"worst\": 0, \"best\": 1},"
	    "{\"id\": \"y\", \"worst\": 0, \"best\": 1},"
	    "{\"id\": \"x\", \"worst\": 0, \"best\": 1, \"weight\": 2},"
	    "{\"id\": \"Y\", \"worst\": 0, \"best\": 1}]},"
	    "{\"id\": \"U\", \"children\": ["
	    "{\"id\": \"u\", \"worst\": 0, \"best\": 1}]}]}";
	static const char *const names[] = {"C"};
	static const double some[] = {N, N, N, N, 1};
	static const double none[] = {N, N, N, N, N};
	struct rs_framework tf;
	struct rs_results res;
	struct rs_report r;
	struct rs_collect *col;
	struct rs_error err = {0};
	size_t n;

	(void)state;
	rs_framework_init(&tf);
	assert_int_equal(rs_framework_load_json(&tf, text, strlen(text),
	    "t.json", &err), 0);
	rs_engine_score(&tf, 1, names, some, &res);
	memset(&r, 0, sizeof(r));
	r.fw = &tf;
	r.res = &res;
	r.top = -1;
	n = rs_collect_list(&r, NULL, 0, &col);
	assert_int_equal(n, 4);
	/* none counts alone (1/5 or 2/5 < 1/2): by complete weight, id */
	assert_nan(col[0].weight);
	assert_string_equal(tf.nodes[col[0].node].id, "x");
	assert_string_equal(tf.nodes[col[1].node].id, "Y");
	assert_string_equal(tf.nodes[col[2].node].id, "y");
	assert_string_equal(tf.nodes[col[3].node].id, "z");
	assert_int_equal(col[0].blocker, 0);	/* T */
	free(col);
	rs_results_release(&res);
	/*
	 * No data at all: u alone scores U, half the top weight, which is
	 * enough; T would need two (x and a weight-1 sibling).
	 */
	rs_engine_score(&tf, 1, names, none, &res);
	r.res = &res;
	n = rs_collect_list(&r, NULL, 0, &col);
	assert_int_equal(n, 1);
	assert_string_equal(tf.nodes[col[0].node].id, "u");
	assert_int_equal(col[0].to_score, 1);
	free(col);
	rs_results_release(&res);
	rs_framework_release(&tf);
}

static void
gain_sentences_say_what_they_mean(void **state)
{
	static const char *const names[] = {"X"};
	const double *rows[] = {X};
	struct rs_results res;
	struct rs_report r;
	struct rs_buf b = {0};

	(void)state;
	score(1, names, rows, &res);
	report_init(&r, &res);
	rs_say_gain(&b, &r, 0, small_node("a2"));
	assert_string_equal(b.s, "Reducing Lower is better (a2) from 25 to 0 "
	    "(score 75.0 to 100) would add up to 12.50 points to the city's "
	    "score.");
	rs_buf_release(&b);
	rs_say_gain(&b, &r, 0, small_node("A"));
	assert_string_equal(b.s, "Raising Area A (A) from 66.2 to 100 (every "
	    "indicator with data at its best) would add up to 22.50 points "
	    "to the city's score.");
	rs_buf_release(&b);
	rs_results_release(&res);
}

/*
 * The verb follows the direction, the raw values carry the unit: "%" is
 * attached to them and the rest of a "%" unit follows the second, any
 * other unit goes in the brackets; Arabic names the unit apart.
 */
static void
gain_sentences_follow_direction_and_unit(void **state)
{
	static const char text[] = "{\"id\": \"u\", \"children\": ["
	    "{\"id\": \"U\", \"children\": ["
	    "{\"id\": \"p\", \"name\": {\"en\": \"Jobless\", \"ar\": "
	    "\"البطالة\"}, \"worst\": 50, \"best\": 5, \"unit\": "
	    "\"% of the labour force\"},"
	    "{\"id\": \"q\", \"worst\": 0, \"best\": 80, \"unit\": \"%\"},"
	    "{\"id\": \"w\", \"worst\": -1.5, \"best\": 1.5, \"unit\": "
	    "\"WGI estimate\"},"
	    "{\"id\": \"n\", \"worst\": 0, \"best\": 10}]}]}";
	static const char *const names[] = {"C"};
	static const double v[] = {50.1, 40, -1.2, 2.5};
	struct rs_framework tf;
	struct rs_results res;
	struct rs_report r;
	struct rs_buf b = {0};
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&tf);
	assert_int_equal(rs_framework_load_json(&tf, text, strlen(text),
	    "u.json", &err), 0);
	rs_engine_score(&tf, 1, names, v, &res);
	memset(&r, 0, sizeof(r));
	r.fw = &tf;
	r.res = &res;
	r.top = -1;
	rs_say_gain(&b, &r, 0, 1);
	assert_string_equal(b.s, "Reducing Jobless (p) from 50.1% to 5% of the "
	    "labour force (score 0.0 to 100) would add up to 25.00 points to "
	    "the city's score.");
	rs_buf_release(&b);
	rs_say_gain(&b, &r, 0, 2);
	assert_string_equal(b.s, "Raising q from 40% to 80% (score 50.0 to "
	    "100) would add up to 12.50 points to the city's score.");
	rs_buf_release(&b);
	rs_say_gain(&b, &r, 0, 3);
	assert_string_equal(b.s, "Raising w from -1.2 to 1.5 (WGI estimate; "
	    "score 10.0 to 100) would add up to 22.50 points to the city's "
	    "score.");
	rs_buf_release(&b);
	rs_say_gain(&b, &r, 0, 4);
	assert_string_equal(b.s, "Raising n from 2.5 to 10 (score 25.0 to "
	    "100) would add up to 18.75 points to the city's score.");
	rs_buf_release(&b);
	r.lang = "ar";
	rs_say_gain_in(&b, &r, 0, 1);
	assert_string_equal(b.s, "خفض البطالة (p) من 50.1% إلى 5% (الوحدة: % "
	    "of the labour force؛ الدرجة من 0.0 إلى 100) يضيف ما يصل إلى "
	    "25.00 نقطة إلى الدرجة الإجمالية للمدينة.");
	rs_buf_release(&b);
	rs_say_gain_in(&b, &r, 0, 2);
	assert_string_equal(b.s, "رفع q من 40% إلى 80% (الدرجة من 50.0 إلى "
	    "100) يضيف ما يصل إلى 12.50 نقطة إلى الدرجة الإجمالية للمدينة.");
	rs_buf_release(&b);
	rs_results_release(&res);
	rs_framework_release(&tf);
}

/* Every number of the score JSON must be the engine's double, exactly. */
static void
json_numbers_are_the_engines(void **state)
{
	static const char *const names[] = {"X", "Y", "Z"};
	const double *rows[] = {X, Y, Z};
	struct rs_results res;
	struct rs_report r;
	const cJSON *cities, *c, *scores, *s;
	cJSON *root;
	char *text;
	size_t ci = 0, i, checked = 0;

	(void)state;
	score(3, names, rows, &res);
	report_init(&r, &res);
	text = render(&r, RS_VIEW_SCORE, RS_FORMAT_JSON);
	root = cJSON_Parse(text);
	assert_non_null(root);
	cities = cJSON_GetObjectItemCaseSensitive(root, "cities");
	cJSON_ArrayForEach(c, cities) {
		const struct rs_city_result *cr = &res.cities[ci++];

		scores = cJSON_GetObjectItemCaseSensitive(c, "scores");
		for (i = 0; i < small_fw.nnodes; i++) {
			const char *keys[] = {"score", "weight", "gain"};
			const double *vals[] = {cr->score_of, cr->weight_of,
			    cr->gain_of};
			size_t k;

			for (k = 0; k < 3; k++) {
				s = cJSON_GetObjectItemCaseSensitive(
				    cJSON_GetObjectItemCaseSensitive(scores,
				    small_fw.nodes[i].id), keys[k]);
				assert_non_null(s);
				if (isnan(vals[k][i])) {
					assert_true(cJSON_IsNull(s));
					continue;
				}
				assert_true(cJSON_IsNumber(s));
				/* cJSON's own parser is exact (strtod) */
				assert_memory_equal(&s->valuedouble,
				    &vals[k][i], sizeof(double));
				checked++;
			}
		}
	}
	assert_true(checked > 20);
	cJSON_Delete(root);
	free(text);
	rs_results_release(&res);
}

static void
csv_cells_are_quoted_and_defused(void **state)
{
	static const char *const names[] = {
		"=1+1", "+x", "-y", "@z", "\tt", "a\"b,c\nd", "ok-=",
	};
	const double *rows[] = {X, X, X, X, X, X, X};
	struct rs_results res;
	struct rs_report r;
	char *text;

	(void)state;
	score(7, names, rows, &res);
	report_init(&r, &res);
	text = render(&r, RS_VIEW_COMPARE, RS_FORMAT_CSV);
	assert_true(strncmp(text, "city,node,parent,depth,name,score,level,"
	    "rank,best,gap,change,change_like,change_composition,city_id,"
	    "year,year_min,year_max,indicative,baseline\n", 135) == 0);
	assert_non_null(strstr(text, "\n\"'=1+1\",,,0,,69.16666666666667,"
	    "\"sound\",1,"));
	assert_non_null(strstr(text, "\n\"'+x\",\"A\",,1,\"Area A\",66.25,"));
	assert_non_null(strstr(text, "\n\"'-y\","));
	assert_non_null(strstr(text, "\n\"'@z\","));
	assert_non_null(strstr(text, "\n\"'\tt\","));
	/* RFC 4180: quotes doubled, the line break kept inside quotes */
	assert_non_null(strstr(text, "\n\"a\"\"b,c\nd\",,,0,"));
	/* only a leading character is a risk */
	assert_non_null(strstr(text, "\n\"ok-=\","));
	assert_null(strstr(text, "\n=1+1"));
	assert_null(strstr(text, "\"=1+1"));
	/* negative numbers are numbers, left alone */
	free(text);
	rs_results_release(&res);
}

static void
markdown_escapes_data_text(void **state)
{
	static const char *const names[] = {
		"a|b*c_d`e[f](g)<h>i\nj\\k#l~m&n!o",
	};
	const double *rows[] = {X};
	struct rs_results res;
	struct rs_report r;
	const char *want = "a\\|b\\*c\\_d\\`e\\[f\\](g)\\<h\\>i j\\\\k\\#l"
	    "\\~m\\&n\\!o";
	char *text, *p;
	size_t hits = 0;

	(void)state;
	score(1, names, rows, &res);
	report_init(&r, &res);
	text = render(&r, RS_VIEW_SCORE, RS_FORMAT_MD);
	for (p = text; (p = strstr(p, want)) != NULL; p++)
		hits++;
	assert_int_equal(hits, 2);	/* table row and heading */
	assert_null(strstr(text, "a|b"));
	assert_null(strstr(text, "i\nj"));
	free(text);
	text = render(&r, RS_VIEW_COMPARE, RS_FORMAT_MD);
	assert_non_null(strstr(text, want));
	free(text);
	r.top = -1;
	text = render(&r, RS_VIEW_PRIORITIES, RS_FORMAT_MD);
	assert_non_null(strstr(text, want));
	/* every table line of a table has as many cells as its head */
	free(text);
	rs_results_release(&res);
}

/*
 * Level ids and names, node ids and names from a hostile framework
 * (tests/data/hostile-names.json) in the Markdown and HTML reports: the
 * level cells wrote them raw (a | added a column, <b> and ESC passed, and
 * under --lang ar the level names went out as they are, <script> and
 * links included); C1 controls reached both formats.
 */
static void
markup_escapes_levels_and_controls(void **state)
{
	static const char *const names[] = {"C\xc2\x85ity|<b>", "Hi"};
	static const double v[] = {30, 80};	/* a1: levels low and hi */
	enum rs_report_view views[] = {
		RS_VIEW_SCORE, RS_VIEW_COMPARE, RS_VIEW_PRIORITIES,
	};
	struct rs_framework fw;
	struct rs_results res;
	struct rs_report r;
	struct rs_error err = {0};
	char *text;
	size_t i;

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_file(&fw, RS_TEST_DATA
	    "/hostile-names.json", &err), 0);
	rs_engine_score(&fw, 2, names, v, &res);
	memset(&r, 0, sizeof(r));
	r.fw = &fw;
	r.res = &res;
	r.top = -1;
	r.depth = 3;
	for (i = 0; i < 3; i++) {
		r.lang = NULL;
		text = render(&r, views[i], RS_FORMAT_MD);
		assert_null(strstr(text, "<b>"));
		assert_null(strstr(text, "\033"));
		assert_null(strstr(text, "\xc2\x85"));
		assert_null(strstr(text, "| low|"));
		assert_non_null(strstr(text, "C ity\\|\\<b\\>"));
		if (i != 2)	/* the priorities view shows no level cell */
			assert_non_null(strstr(text,
			    "low\\|\\<b\\>x\\</b\\> \\[31m |"));
		free(text);
		r.lang = "ar";
		text = render(&r, views[i], RS_FORMAT_MD);
		assert_null(strstr(text, "<script>"));
		assert_null(strstr(text, "[l]("));	/* no link */
		assert_null(strstr(text, "\xc2\x85"));
		assert_null(strstr(text, "\xc2\x9b"));
		if (i != 2)
			assert_non_null(strstr(text, "\\<script\\>alert(1)"
			    "\\</script\\>\\|\\[l\\](http://x)  |"));
		free(text);
		text = render(&r, views[i], RS_FORMAT_HTML);
		assert_null(strstr(text, "\033"));
		assert_null(strstr(text, "\xc2\x85"));
		assert_null(strstr(text, "\xc2\x9b"));
		assert_null(strstr(text, "<script>"));
		free(text);
	}
	rs_results_release(&res);
	rs_framework_release(&fw);
}

/* Each line of text is at most 80 columns wide. */
static void
assert_fits(const char *text)
{
	const char *line = text, *nl;
	char *copy;

	for (; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		assert_non_null(nl);
		copy = strndup(line, (size_t)(nl - line));
		if (rs_utf8_width(copy) > 80)
			fail_msg("%zu columns: %s", rs_utf8_width(copy), copy);
		free(copy);
	}
}

static void
text_fits_80_columns_and_hides_controls(void **state)
{
	static const char *const names[] = {
		"evil\033[2J\033[31mred\x7f", "C1 \xc2\x9b" "31m",
		"A city with a name much longer than any column could hold",
		"\xd8\xa7\xd9\x84\xd8\xa5\xd8\xb3\xd9\x83\xd9\x86\xd8\xaf"
		"\xd8\xb1\xd9\x8a\xd8\xa9",
		"\xe6\x9d\xb1\xe4\xba\xac", "six",
		"rlo\xe2\x80\xae" "evil",		/* U+202E */
		"ls\xe2\x80\xa8x\xe2\x81\xa6y",	/* U+2028, U+2066 */
	};
	const double *rows[] = {X, Y, Z, X, Z, Y, X, Z};
	enum rs_report_view views[] = {
		RS_VIEW_SCORE, RS_VIEW_COMPARE, RS_VIEW_PRIORITIES,
	};
	struct rs_results res;
	struct rs_report r;
	char *text;
	size_t v;
	int by, depth;

	(void)state;
	score(8, names, rows, &res);
	report_init(&r, &res);
	for (v = 0; v < 3; v++) {
		for (by = 0; by < 2; by++) {
			for (depth = 1; depth <= 3; depth++) {
				r.by_node = by;
				r.depth = depth;
				r.top = -1;
				text = render(&r, views[v], RS_FORMAT_TEXT);
				assert_fits(text);
				assert_null(strchr(text, '\033'));
				assert_null(strchr(text, '\x7f'));
				assert_null(strstr(text, "\xc2\x9b"));
				assert_null(strstr(text, "\xe2\x80\xae"));
				assert_null(strstr(text, "\xe2\x80\xa8"));
				assert_null(strstr(text, "\xe2\x81\xa6"));
				/* shown as in error messages (text.h) */
				assert_non_null(strstr(text,
				    "evil\\x1B[2J\\x1B[31m"));
				assert_non_null(strstr(text, "C1 \\u009B31m"));
				assert_non_null(strstr(text, "rlo\\u202Eevil"));
				assert_non_null(strstr(text,
				    "ls\\u2028x\\u2066y"));
				free(text);
			}
		}
	}
	rs_results_release(&res);
}

static void
text_colours_only_when_asked(void **state)
{
	static const char *const names[] = {"X", "Z"};
	const double *rows[] = {X, Z};
	struct rs_results res;
	struct rs_report r;
	char *text;

	(void)state;
	score(2, names, rows, &res);
	report_init(&r, &res);
	r.color = 1;
	text = render(&r, RS_VIEW_COMPARE, RS_FORMAT_TEXT);
	/* sound in green, weak in red, each reset */
	assert_non_null(strstr(text, "\033[32m69.2 sound\033[0m"));
	assert_non_null(strstr(text, "\033[31m0.0 weak\033[0m"));
	free(text);
	text = render(&r, RS_VIEW_SCORE, RS_FORMAT_TEXT);
	assert_non_null(strstr(text, "\033[32msound\033[0m"));
	free(text);
	/* other formats never colour */
	text = render(&r, RS_VIEW_COMPARE, RS_FORMAT_MD);
	assert_null(strchr(text, '\033'));
	free(text);
	r.color = 0;
	text = render(&r, RS_VIEW_COMPARE, RS_FORMAT_TEXT);
	assert_null(strchr(text, '\033'));
	free(text);
	rs_results_release(&res);
}

static void
unknown_views_and_formats_are_refused(void **state)
{
	static const char *const names[] = {"X"};
	const double *rows[] = {X};
	struct rs_results res;
	struct rs_report r;
	struct rs_error err = {0};

	(void)state;
	score(1, names, rows, &res);
	report_init(&r, &res);
	assert_int_equal(rs_report_write(stdout, &r,
	    (enum rs_report_view)7, RS_FORMAT_TEXT, &err), RS_EUSAGE);
	assert_int_equal(rs_report_write(stdout, &r, RS_VIEW_SCORE,
	    (enum rs_report_format)9, &err), RS_EUSAGE);
	rs_results_release(&res);
}

static const struct rs_cell *
sheet_cell(const struct rs_sheet *sh, uint32_t row, uint32_t col)
{
	size_t i;

	for (i = 0; i < sh->ncells; i++)
		if (sh->cells[i].row == row && sh->cells[i].col == col)
			return &sh->cells[i];
	return NULL;
}

/*
 * The workbook read back: on the scores sheet a header row per city with
 * its score, level, coverage and rank (none for a city without a score),
 * then a row per node; on the evidence sheet a row per value used.
 */
static void
xlsx_scores_and_evidence_read_back(void **state)
{
	static const char *const names[] = {"X", "Y", "Z"};
	const double *rows[] = {X, Y, Z};
	struct rs_results res;
	struct rs_report r;
	struct rs_sheet sh;
	struct rs_error err = {0};
	const struct rs_cell *c;
	char *buf = NULL;
	size_t len = 0;
	uint32_t per = 1 + (uint32_t)small_fw.nnodes;
	FILE *mem;

	(void)state;
	score(3, names, rows, &res);
	report_init(&r, &res);
	mem = open_memstream(&buf, &len);
	assert_non_null(mem);
	assert_int_equal(rs_report_write(mem, &r, RS_VIEW_COMPARE,
	    RS_FORMAT_XLSX, &err), 0);
	assert_int_equal(fclose(mem), 0);

	rs_sheet_init(&sh);
	assert_int_equal(rs_sheet_read(&sh, "r.xlsx", buf, len, RS_SHEET_XLSX,
	    NULL, NULL, &err), 0);
	assert_string_equal(sh.name, "Scores");
	assert_string_equal(sheet_cell(&sh, 1, 1)->text, "City");
	/* X: 69.17, sound, rank 1 */
	assert_string_equal(sheet_cell(&sh, 2, 1)->text, "X");
	c = sheet_cell(&sh, 2, 4);
	assert_near(c->num, 69.16666666666667, 1e-12);
	assert_string_equal(sheet_cell(&sh, 2, 5)->text, "sound");
	assert_near(sheet_cell(&sh, 2, 7)->num, 1, 0);
	/* its first node row: A, 66.25 */
	assert_string_equal(sheet_cell(&sh, 3, 2)->text, "A");
	assert_near(sheet_cell(&sh, 3, 4)->num, 66.25, 0);
	/* Y has no score, so no rank */
	assert_string_equal(sheet_cell(&sh, 2 + per, 1)->text, "Y");
	assert_null(sheet_cell(&sh, 2 + per, 4));
	assert_null(sheet_cell(&sh, 2 + per, 7));
	assert_string_equal(sheet_cell(&sh, 2 + 2 * per, 1)->text, "Z");
	assert_near(sheet_cell(&sh, 2 + 2 * per, 7)->num, 2, 0);
	rs_sheet_release(&sh);

	/* 4 values of X, 1 of Y, 5 of Z, after the header */
	rs_sheet_init(&sh);
	assert_int_equal(rs_sheet_read(&sh, "r.xlsx", buf, len, RS_SHEET_XLSX,
	    "Evidence", NULL, &err), 0);
	assert_string_equal(sheet_cell(&sh, 6, 1)->text, "Y");
	assert_string_equal(sheet_cell(&sh, 6, 2)->text, "a1");
	assert_near(sheet_cell(&sh, 6, 4)->num, 100, 0);
	assert_string_equal(sheet_cell(&sh, 11, 1)->text, "Z");
	assert_null(sheet_cell(&sh, 12, 1));
	rs_sheet_release(&sh);
	free(buf);
	rs_results_release(&res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xlsx_scores_and_evidence_read_back),
		cmocka_unit_test(compare_ranks_each_row),
		cmocka_unit_test(node_priorities_form_a_sorted_tree),
		cmocka_unit_test(collect_list_orders_by_weight_if_collected),
		cmocka_unit_test(collect_ties_break_by_id),
		cmocka_unit_test(
		    collect_list_of_a_city_without_score_gives_it_one),
		cmocka_unit_test(gain_sentences_say_what_they_mean),
		cmocka_unit_test(gain_sentences_follow_direction_and_unit),
		cmocka_unit_test(json_numbers_are_the_engines),
		cmocka_unit_test(csv_cells_are_quoted_and_defused),
		cmocka_unit_test(markdown_escapes_data_text),
		cmocka_unit_test(markup_escapes_levels_and_controls),
		cmocka_unit_test(text_fits_80_columns_and_hides_controls),
		cmocka_unit_test(text_colours_only_when_asked),
		cmocka_unit_test(unknown_views_and_formats_are_refused),
	};

	return cmocka_run_group_tests(tests, small_setup,
	    small_teardown);
}
