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
write_sheet(const struct rs_framework *fw, const char *lang,
    const char *city, struct sheet *s, struct rs_error *err)
{
	struct rs_template t = {lang, city};
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
	    "\"value\",\"year\",\"source\",\"note\",\"suggested_source\"\n"));
	assert_non_null(strstr(s.text, "\n\"RPI 1-1.1\",\"Share of the "
	    "largest economic sector in total employment\",\"%\",\"\",\"\","
	    "\"\",\"\",\""));
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
	    "\"حصة أكبر قطاع اقتصادي من إجمالي العمالة\",\"%\","));
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
	    "\"city\",\"indicator\",\"name\",\"unit\",\"value\",\"year\","
	    "\"source\",\"note\",\"suggested_source\"\n"
	    "\"'=HYPERLINK(\"\"x\"\")\",\"a1\",\"Comma, \"\"quote\"\" and "
	    "`tick`\",\"'-1 to 1\",\"\",\"\",\"\",\"\",\"'@source <b>&</b>\"\n"
	    "\"'=HYPERLINK(\"\"x\"\")\",\"a2\",\"Lower is better [x]\","
	    "\"%\",\"\",\"\",\"\",\"\",\"\"\n");
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dpt_template_has_a_row_per_indicator),
		cmocka_unit_test(city_column_comes_first_and_names_follow_lang),
		cmocka_unit_test(unfilled_template_reads_back_as_missing_values),
		cmocka_unit_test(cells_are_quoted_and_formulas_guarded),
		cmocka_unit_test(formula_like_indicator_id_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
