/*
 * test_template.c - the data-collection sheet (template.h): its layout,
 * its quoting and formula guard, and that it reads back as it is
 */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#include "resilience/dataset.h"
#include "resilience/framework.h"
#include "resilience/template.h"

struct sheet {
	char *text;
	size_t len;
};

static void
load(struct rs_framework *fw, const char *path)
{
	struct rs_error err = {0};

	rs_framework_init(fw);
	if (path == NULL)
		assert_int_equal(rs_framework_load_default(fw, &err), 0);
	else
		assert_int_equal(rs_framework_load_file(fw, path, &err), 0);
}

static int
write_opts(const struct rs_framework *fw, const struct rs_template *t,
    struct sheet *s, struct rs_error *err)
{
	FILE *mem = open_memstream(&s->text, &s->len);
	int rc;

	assert_non_null(mem);
	rc = rs_template_write(mem, fw, t, err);
	assert_int_equal(fclose(mem), 0);
	return rc;
}

static int
write_sheet(const struct rs_framework *fw, const char *lang,
    const char *city, struct sheet *s, struct rs_error *err)
{
	struct rs_template t = {lang, city, 0, 0, 1};
	FILE *mem = open_memstream(&s->text, &s->len);
	int rc;

	assert_non_null(mem);
	rc = rs_template_write(mem, fw, &t, err);
	assert_int_equal(fclose(mem), 0);
	return rc;
}

static int
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static size_t
count_lines(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

static void
dpt_template_has_a_row_per_indicator(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	struct sheet s = {0};

	(void)state;
	load(&fw, NULL);
	assert_int_equal(write_sheet(&fw, NULL, NULL, &s, &err), 0);
	assert_int_equal(count_lines(s.text), 1 + 63);
	assert_true(starts_with(s.text, "\"indicator\",\"name\",\"unit\","
	    "\"direction\",\"worst\",\"best\",\"min\",\"max\",\"value\","
	    "\"year\",\"source\",\"note\",\"suggested_source\",\"rubric_1\","
	    "\"rubric_2\",\"rubric_3\",\"rubric_4\",\"rubric_5\"\n"));
	/* goalposts 50 (worst) and 15 (best), range 0 to 100 */
	assert_non_null(strstr(s.text, "\n\"RPI 1-1.1\",\"Share of the "
	    "largest economic sector in total employment\",\"%\","
	    "\"lower is better\",50,15,0,100,,,,,\""));
	/* a rubric item: its levels as a value may be written */
	assert_non_null(strstr(s.text, ",\"1: No local support services "
	    "for start-ups or small firms.\",\"2: Isolated initiatives"));
	assert_non_null(strstr(s.text, "\n\"RPI 5-4.3\","));
	free(s.text);
	rs_framework_release(&fw);
}

static void
city_column_comes_first_and_names_follow_lang(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	struct sheet s = {0};

	(void)state;
	load(&fw, NULL);
	assert_int_equal(write_sheet(&fw, "ar", "Alexandria", &s, &err), 0);
	assert_true(starts_with(s.text, "\"city\",\"indicator\","));
	assert_non_null(strstr(s.text, "\n\"Alexandria\",\"RPI 1-1.1\","
	    "\"حصة أكبر قطاع اقتصادي من إجمالي العمالة\",\"%\","
	    "\"الأدنى أفضل\","));
	free(s.text);
	rs_framework_release(&fw);
}

static void
unfilled_template_reads_back_as_missing_values(void **state)
{
	struct rs_framework fw;
	struct rs_dataset ds;
	struct rs_error err = {0};
	struct sheet s = {0};
	size_t i;

	(void)state;
	load(&fw, NULL);
	assert_int_equal(write_sheet(&fw, "ar", "Beirut", &s, &err), 0);
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_text(&ds, "t.csv", s.text, s.len,
	    RS_INPUT_AUTO, &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_string_equal(ds.cities[0].name, "Beirut");
	assert_int_equal(ds.nobs, 63);
	for (i = 0; i < ds.nobs; i++) {
		assert_true(isnan(ds.obs[i].value));
		assert_false(ds.obs[i].has_year);
		assert_int_equal(ds.obs[i].indicator, i);
	}
	assert_string_equal(rs_obs_extra(&ds, &ds.obs[0], "unit"), "%");
	rs_dataset_release(&ds);
	free(s.text);
	rs_framework_release(&fw);
}

static void
cells_are_quoted_and_formulas_guarded(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	struct sheet s = {0};

	(void)state;
	load(&fw, RS_TEST_DATA "/odd-names.json");
	assert_int_equal(write_sheet(&fw, NULL, "=HYPERLINK(\"x\")", &s,
	    &err), 0);
	assert_string_equal(s.text,
	    "\"city\",\"indicator\",\"name\",\"unit\",\"direction\","
	    "\"worst\",\"best\",\"min\",\"max\",\"value\",\"year\","
	    "\"source\",\"note\",\"suggested_source\"\n"
	    "\"'=HYPERLINK(\"\"x\"\")\",\"a1\",\"Comma, \"\"quote\"\" and "
	    "`tick`\",\"'-1 to 1\",\"higher is better\",-1,1,-1,1,,,,,"
	    "\"'@source <b>&</b>\"\n"
	    "\"'=HYPERLINK(\"\"x\"\")\",\"a2\",\"Lower is better [x]\","
	    "\"%\",\"lower is better\",80,20,0,,,,,,\n");
	free(s.text);
	rs_framework_release(&fw);
}

static void
formula_like_indicator_id_is_refused(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	struct sheet s = {0};

	(void)state;
	load(&fw, RS_TEST_DATA "/formula-id.json");
	assert_int_equal(write_sheet(&fw, NULL, NULL, &s, &err), RS_EINPUT);
	assert_error_at(err, 6, 7, "indicator id \"=1+1\" begins with");
	assert_int_equal(s.len, 0);
	free(s.text);
	rs_framework_release(&fw);
}

static void
csv_starts_with_a_bom_unless_told(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	struct sheet s = {0};
	struct rs_template t = {NULL, NULL, 0, 0, 0};

	(void)state;
	load(&fw, NULL);
	assert_int_equal(write_opts(&fw, &t, &s, &err), 0);
	assert_true(starts_with(s.text, "\xEF\xBB\xBF\"indicator\","));
	free(s.text);
	s.text = NULL;
	t.no_bom = 1;
	assert_int_equal(write_opts(&fw, &t, &s, &err), 0);
	assert_true(starts_with(s.text, "\"indicator\","));
	free(s.text);
	rs_framework_release(&fw);
}

/*
 * --years 2019-2021: a column per year; filled cells read back as values
 * of their year, a rubric level "4: ..." as 4, "19%" of a percentage as
 * 19, and empty cells as nothing at all.
 */
static void
year_columns_read_back_as_values_of_their_year(void **state)
{
	struct rs_framework fw;
	struct rs_dataset ds;
	struct rs_error err = {0};
	struct sheet s = {0};
	struct rs_template t = {NULL, "Tripoli", 2019, 2021, 0};
	const char *text;
	char *filled;
	size_t n;

	(void)state;
	load(&fw, NULL);
	assert_int_equal(write_opts(&fw, &t, &s, &err), 0);
	assert_non_null(strstr(s.text, "\"max\",\"2019\",\"2020\","
	    "\"2021\",\"source\""));
	text = "\xEF\xBB\xBF\"city\",\"indicator\",\"unit\",\"2019\","
	    "\"2020\",\"2021\",\"source\"\n"
	    "Tripoli,RPI 2-1.1,%,7.5,19%,,LFS\n"
	    "Tripoli,RPI 1-3.4,,\"4: A coordinated local programme (one-stop "
	    "shop, incubation, finance links) reaches a significant share of "
	    "new firms.\",,,\n"
	    "Tripoli,RPI 1-1.1,%,,,,\n";
	filled = strdup(text);
	n = strlen(filled);
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_text(&ds, "t.csv", filled, n,
	    RS_INPUT_AUTO, &err), 0);
	assert_int_equal(ds.nobs, 3);
	assert_near(ds.obs[0].value, 7.5, 0);
	assert_int_equal(ds.obs[0].year, 2019);
	assert_near(ds.obs[1].value, 19, 0);
	assert_int_equal(ds.obs[1].year, 2020);
	assert_near(ds.obs[2].value, 4, 0);
	assert_int_equal(ds.obs[2].year, 2019);
	assert_string_equal(rs_obs_extra(&ds, &ds.obs[1], "source"), "LFS");
	rs_dataset_release(&ds);
	free(filled);
	free(s.text);
	rs_framework_release(&fw);
}

/* A rubric level must be one of the item's own, word for word. */
static void
rubric_level_is_read_only_when_exact(void **state)
{
	struct rs_framework fw;
	const struct rs_node *node;
	const char *ok = "2: Isolated initiatives (one incubator or NGO "
	    "programme) reaching few firms.";

	(void)state;
	load(&fw, NULL);
	node = &fw.nodes[rs_framework_find(&fw, "RPI 1-3.4", 9)];
	assert_int_equal(rs_rubric_level(node, ok, strlen(ok)), 2);
	assert_int_equal(rs_rubric_level(node, "3: Isolated initiatives (one "
	    "incubator or NGO programme) reaching few firms.", 79), 0);
	assert_int_equal(rs_rubric_level(node, "2: Isolated", 11), 0);
	node = &fw.nodes[rs_framework_find(&fw, "RPI 1-1.1", 9)];
	assert_int_equal(rs_rubric_level(node, ok, strlen(ok)), 0);
	rs_framework_release(&fw);
}

/*
 * The workbook: the same bytes twice, a zip archive, and it reads back
 * through the spreadsheet reader as the unfilled CSV does.
 */
static void
xlsx_is_deterministic_and_reads_back(void **state)
{
	struct rs_framework fw;
	struct rs_dataset ds;
	struct rs_error err = {0};
	struct rs_template t = {"ar", "Tripoli", 0, 0, 0};
	char *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;

	(void)state;
	load(&fw, NULL);
	assert_int_equal(rs_template_xlsx(&fw, &t, &a, &na, &err), 0);
	assert_int_equal(rs_template_xlsx(&fw, &t, &b, &nb, &err), 0);
	assert_true(na > 1000 && na == nb);
	assert_memory_equal(a, b, na);
	assert_memory_equal(a, "PK\x03\x04", 4);
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_text(&ds, "tripoli.xlsx", a, na,
	    RS_INPUT_AUTO, &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_string_equal(ds.cities[0].name, "Tripoli");
	assert_int_equal(ds.nobs, 63);	/* missing values, as in CSV */
	rs_dataset_release(&ds);
	free(a);
	free(b);
	rs_framework_release(&fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dpt_template_has_a_row_per_indicator),
		cmocka_unit_test(city_column_comes_first_and_names_follow_lang),
		cmocka_unit_test(unfilled_template_reads_back_as_missing_values),
		cmocka_unit_test(cells_are_quoted_and_formulas_guarded),
		cmocka_unit_test(formula_like_indicator_id_is_refused),
		cmocka_unit_test(csv_starts_with_a_bom_unless_told),
		cmocka_unit_test(year_columns_read_back_as_values_of_their_year),
		cmocka_unit_test(rubric_level_is_read_only_when_exact),
		cmocka_unit_test(xlsx_is_deterministic_and_reads_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
