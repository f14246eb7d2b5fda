/*
 * test_csv.c - the CSV reader: layouts, quoting, line endings, and every
 * rejected input with its position (file:line:field)
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/dataset.h"
#include "resilience/framework.h"

/* Read text as file name into ds; returns the status. */
static int
read_csv(struct rs_dataset *ds, const char *name, const char *text,
    struct rs_error *err)
{
	rs_dataset_init(ds, &small_fw);
	rs_error_clear(err);
	return rs_dataset_read_text(ds, name, text, strlen(text),
	    RS_INPUT_CSV, err);
}

/* The value selected for (city, indicator id), NaN when none. */
static double
value_of(const struct rs_dataset *ds, size_t city, const char *id)
{
	size_t *chosen = calloc(ds->ncities * small_fw.nindicators, sizeof(size_t));
	size_t node = rs_framework_find(&small_fw, id, strlen(id)), k;
	double v;

	assert_non_null(chosen);
	rs_dataset_select(ds, 0, 0, chosen);
	k = chosen[city * small_fw.nindicators + small_fw.nodes[node].indicator];
	v = k == RS_NONE ? (double)NAN : rs_dataset_obs(ds, k)->value;
	free(chosen);
	return v;
}

static void
long_layout_without_city_names_the_city_after_the_file(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "data/alexandria.csv",
	    "Value,INDICATOR\n12.5,a1\n,a2\nNA,b1\nn/a,b2\n", &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_string_equal(ds.cities[0].name, "alexandria");
	assert_near(value_of(&ds, 0, "a1"), 12.5, 0);
	assert_nan(value_of(&ds, 0, "a2"));
	assert_nan(value_of(&ds, 0, "b1"));
	assert_nan(value_of(&ds, 0, "b2"));
	assert_nan(value_of(&ds, 0, "b3"));
	rs_dataset_release(&ds);
}

/*
 * A file name is bytes: one that is not UTF-8 names its city with the
 * byte as text (\xFF), as the terminal escaper shows it, so that no
 * report holds the byte (it went into JSON and HTML reports as it was).
 */
static void
city_named_after_a_file_that_is_not_utf8(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "dir/bad\xff.csv",
	    "indicator,value\na1,40\n", &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_string_equal(ds.cities[0].name, "bad\\xFF");
	rs_dataset_release(&ds);
	/* Latin-1 ü; a control character is data and stays */
	assert_int_equal(read_csv(&ds, "M\xfcnchen\033.csv",
	    "indicator,value\na1,40\n", &err), 0);
	assert_string_equal(ds.cities[0].name, "M\\xFCnchen\033");
	rs_dataset_release(&ds);
}

static void
long_layout_keeps_further_columns(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "t.csv", "city,indicator,value,source,"
	    "note\nX,a1,1,\"WDI, 2019\",\"said \"\"approx\"\"\"\n", &err), 0);
	assert_int_equal(ds.nobs, 1);
	assert_string_equal(rs_obs_extra(&ds, &ds.obs[0], "source"),
	    "WDI, 2019");
	assert_string_equal(rs_obs_extra(&ds, &ds.obs[0], "note"),
	    "said \"approx\"");
	assert_null(rs_obs_extra(&ds, &ds.obs[0], "year"));
	rs_dataset_release(&ds);
}

static void
cities_pool_in_order_of_first_appearance(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "t.csv", "city,indicator,value\n"
	    "Beirut,a1,1\nKuwait,a1,2\nBeirut,a2,3\n", &err), 0);
	assert_int_equal(ds.ncities, 2);
	assert_string_equal(ds.cities[0].name, "Beirut");
	assert_string_equal(ds.cities[1].name, "Kuwait");
	assert_near(value_of(&ds, 0, "a2"), 3, 0);
	rs_dataset_release(&ds);
}

static void
latest_year_wins_and_year_limit_applies(void **state)
{
	static const char text[] = "city,indicator,value,year\n"
	    "X,a1,10,2019\nX,a1,30,2021\nX,a1,20,2020\nX,a1,,2022\n"
	    "X,a2,5,\nX,a2,7,2018\n";
	struct rs_dataset ds;
	struct rs_error err;
	size_t chosen[5], a1 = 0, a2 = 1;

	(void)state;
	assert_int_equal(read_csv(&ds, "t.csv", text, &err), 0);
	/* 2022 is empty, so 2021 is the latest value */
	rs_dataset_select(&ds, 0, 0, chosen);
	assert_near(rs_dataset_obs(&ds, chosen[a1])->value, 30, 0);
	assert_near(rs_dataset_obs(&ds, chosen[a2])->value, 7, 0);
	rs_dataset_select(&ds, 1, 2020, chosen);
	assert_near(rs_dataset_obs(&ds, chosen[a1])->value, 20, 0);
	rs_dataset_select(&ds, 1, 2017, chosen);
	assert_true(chosen[a1] == RS_NONE);
	/* an undated value is older than any dated one */
	assert_near(rs_dataset_obs(&ds, chosen[a2])->value, 5, 0);
	rs_dataset_release(&ds);
}

/* docs/input.md, "Values" and "Years": .., 19% and 2019/20 */
static void
world_bank_and_spreadsheet_values_are_read(void **state)
{
	static const char fwtext[] = "{\"id\": \"p\", \"children\": ["
	    "{\"id\": \"A\", \"children\": ["
	    "{\"id\": \"u\", \"unit\": \"% of labour force\", \"worst\": 0,"
	    " \"best\": 100},"
	    "{\"id\": \"v\", \"unit\": \"\u066a\", \"worst\": 0, \"best\": 100},"
	    "{\"id\": \"w\", \"unit\": \"months\", \"worst\": 0, "
	    "\"best\": 12}]}]}";
	static const char text[] = "city,indicator,value,year\n"
	    "X,u,19%,2019/20\nX,u,..,2021\nX,v,12.5 \xD9\xAA,2018-2019\n"
	    "X,w,..,2020\n";
	static const char bad[] = "city,indicator,value\nX,w,3%\n";
	struct rs_framework fw;
	struct rs_dataset ds;
	struct rs_error err;
	size_t chosen[3];

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_json(&fw, fwtext, strlen(fwtext),
	    "p.json", &err), 0);
	rs_dataset_init(&ds, &fw);
	if (rs_dataset_read_text(&ds, "t.csv", text, strlen(text),
	    RS_INPUT_CSV, &err) != 0)
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	rs_dataset_select(&ds, 0, 0, chosen);
	/* ".." is missing: 2021 gives way to the fiscal year 2019/20 */
	assert_near(rs_dataset_obs(&ds, chosen[0])->value, 19, 0);
	assert_int_equal(rs_dataset_obs(&ds, chosen[0])->year, 2019);
	assert_int_equal(rs_dataset_obs(&ds, chosen[0])->has_year, RS_YEAR_FISCAL);
	assert_near(rs_dataset_obs(&ds, chosen[1])->value, 12.5, 0);
	assert_int_equal(rs_dataset_obs(&ds, chosen[1])->year, 2018);
	assert_true(chosen[2] == RS_NONE);
	assert_int_equal(ds.obs[3].has_year, RS_YEAR_CALENDAR);
	rs_dataset_release(&ds);
	/* a percent sign for a unit that is not a percentage */
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_text(&ds, "t.csv", bad, strlen(bad),
	    RS_INPUT_CSV, &err), RS_EINPUT);
	assert_string_equal(err.msg, "value \"3%\" has a percent sign, but "
	    "\"w\" is measured in \"months\", not in percent: write the "
	    "number alone");
	rs_dataset_release(&ds);
	rs_framework_release(&fw);
}

static void
wide_layout_reads_a_row_per_city(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "t.csv", "city,a1,b2,a2\n"
	    "X,1,2,\nY,4,NA,6\n", &err), 0);
	assert_int_equal(ds.ncities, 2);
	assert_near(value_of(&ds, 0, "b2"), 2, 0);
	assert_nan(value_of(&ds, 0, "a2"));
	assert_near(value_of(&ds, 1, "a2"), 6, 0);
	assert_nan(value_of(&ds, 1, "b2"));
	rs_dataset_release(&ds);
}

static void
bom_crlf_and_quoted_newlines_are_read(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "t.csv", "\xEF\xBB\xBF" "city,indicator,"
	    "value,note\r\nX,a1,1,\"two\r\nlines\"\r\n\r\nX,a2,2,\r\n", &err),
	    0);
	assert_int_equal(ds.nobs, 2);
	assert_string_equal(rs_obs_extra(&ds, &ds.obs[0], "note"),
	    "two\r\nlines");
	/* the second row starts on physical line 5 */
	assert_int_equal(ds.obs[1].line, 5);
	rs_dataset_release(&ds);
}

/*
 * A wide file goes into the matrix, its observations rebuilt with their
 * row's line and their column; a long file read after it (the same
 * cities by their city_id) is listed, and a selection takes the dated
 * value over the matrix's undated one.
 */
static void
wide_values_in_the_matrix_and_long_ones_listed(void **state)
{
	static const char wide[] = "city,city_id,a2,a1\nX,x,5,\nY,y,,7\n";
	static const char dated[] = "city,city_id,indicator,value,year\n"
	    "X,x,a1,9,2019\n";
	static const char again[] = "city,city_id,indicator,value\nY,y,a1,8\n";
	size_t ni = small_fw.nindicators, a1, a2, b3, k;
	const struct rs_obs *o;
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	a1 = small_fw.nodes[rs_framework_find(&small_fw, "a1", 2)].indicator;
	a2 = small_fw.nodes[rs_framework_find(&small_fw, "a2", 2)].indicator;
	assert_int_equal(read_csv(&ds, "w.csv", wide, &err), 0);
	assert_int_equal(ds.nobs, 0);
	assert_int_equal(rs_dataset_count(&ds), 4);
	assert_non_null(rs_dataset_dense(&ds));
	assert_near(rs_dataset_dense(&ds)[a2], 5, 0);
	assert_nan(rs_dataset_dense(&ds)[ni + a2]);
	assert_near(rs_dataset_dense(&ds)[ni + a1], 7, 0);
	o = rs_dataset_obs(&ds, rs_dataset_dense_obs(&ds, ni + a1));
	assert_non_null(o);
	assert_int_equal(o->city, 1);
	assert_int_equal(o->indicator, a1);
	assert_int_equal(o->line, 3);
	assert_int_equal(o->col, 4);
	assert_int_equal(o->has_year, 0);
	assert_int_equal(o->nextra, 0);
	o = rs_dataset_obs(&ds, rs_dataset_dense_obs(&ds, ni + a2));
	assert_non_null(o);	/* given, without a value */
	assert_nan(o->value);
	b3 = small_fw.nodes[rs_framework_find(&small_fw, "b3", 2)].indicator;
	assert_true(rs_dataset_dense_obs(&ds, b3) == RS_NONE);
	assert_null(rs_dataset_obs(&ds, ds.nobs + b3));
	assert_true(rs_dataset_chosen(&ds, NULL, ni + a2) == RS_NONE);
	assert_int_equal(rs_dataset_chosen(&ds, NULL, a2), ds.nobs + a2);
	/* an undated value given twice, first in the matrix */
	assert_int_not_equal(rs_dataset_read_text(&ds, "l.csv", again,
	    strlen(again), RS_INPUT_CSV, &err), 0);
	assert_string_equal(err.msg, "duplicate value of \"a1\" for city "
	    "\"Y\" (first given at w.csv:3)");
	assert_int_equal(err.line, 2);
	rs_dataset_release(&ds);
	assert_int_equal(read_csv(&ds, "w.csv", wide, &err), 0);
	assert_int_equal(rs_dataset_read_text(&ds, "d.csv", dated,
	    strlen(dated), RS_INPUT_CSV, &err), 0);
	assert_int_equal(ds.nobs, 1);
	assert_null(rs_dataset_dense(&ds));
	assert_near(value_of(&ds, 0, "a1"), 9, 0);
	assert_near(value_of(&ds, 0, "a2"), 5, 0);
	assert_near(value_of(&ds, 1, "a1"), 7, 0);
	for (k = 0; k < 2 * ni; k++)
		if (rs_dataset_dense_obs(&ds, k) != RS_NONE)
			assert_true(rs_dataset_dense_obs(&ds, k) >= ds.nobs);
	rs_dataset_release(&ds);
}

/* A city's second row, or a dated one, is listed, not in the matrix. */
static void
wide_rows_that_do_not_fit_the_matrix_are_listed(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "t.csv", "city,a1,year\nX,5,2019\n",
	    &err), 0);
	assert_int_equal(ds.nobs, 1);
	assert_int_equal(ds.obs[0].year, 2019);
	assert_null(rs_dataset_dense(&ds));
	rs_dataset_release(&ds);
	assert_int_not_equal(read_csv(&ds, "t.csv", "city,a1,a2\nX,5,\nX,,\n",
	    &err), 0);
	assert_string_equal(err.msg, "duplicate value of \"a1\" for city "
	    "\"X\" (first given at t.csv:2)");
	rs_dataset_release(&ds);
}

static void
reading_done_keeps_the_data_and_refuses_more(void **state)
{
	static const char text[] = "city,indicator,value\nX,a1,12.5\n"
	    "Y,a2,3\n";
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_csv(&ds, "t.csv", text, &err), 0);
	rs_dataset_read_done(&ds);
	assert_int_equal(ds.ncities, 2);
	assert_int_equal(rs_dataset_count(&ds), 2);
	assert_near(value_of(&ds, 0, "a1"), 12.5, 0);
	assert_near(value_of(&ds, 1, "a2"), 3, 0);
	assert_nan(value_of(&ds, 1, "a1"));
	assert_int_not_equal(rs_dataset_read_text(&ds, "u.csv", text,
	    strlen(text), RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_count(&ds), 2);
	assert_int_equal(ds.nfiles, 1);
	rs_dataset_release(&ds);
}

struct bad_case {
	const char *text;	/* the file */
	long line, col;		/* where the error is */
	const char *msg;	/* a part of the message */
};

static const struct bad_case bad_cases[] = {
	{"city,indicator,value\nX,a1,\"12\n", 2, 3,
	    "unterminated quoted field"},
	{"city,indicator,value\nX,a1,\"1\n2\n3\n", 2, 3,
	    "unterminated quoted field"},
	{"city,indicator,value\nX,a1,1\"2\n", 2, 3, "malformed quoting"},
	{"city,indicator,value\nX,a1,abc\n", 2, 3, "\"abc\" is not a number"},
	{"city,indicator,value\nX,a1,19%\n", 2, 3, "value \"19%\" has a "
	    "percent sign, but \"a1\" is measured in no unit, not in percent: "
	    "write the number alone"},
	{"city,indicator,value,year\nX,a1,1,2019/21\n", 2, 4,
	    "year \"2019/21\" is neither a year nor a fiscal year such as "
	    "2019/20 or 2019-2020"},
	{"city,indicator,value,year\nX,a1,1,2019/2\n", 2, 4,
	    "is neither a year nor a fiscal year"},
	{"city,indicator,value,year\nX,a1,1,2019/20\nX,a1,2,2019\n", 3, 3,
	    "duplicate value of \"a1\" for city \"X\" in 2019"},
	{"city,indicator,value,year\nX,a1,1,/20\n", 2, 4,
	    "is not a whole number from 1 to 9999"},
	{"city,indicator,value\nX,a1,12,5\n", 2, 4,
	    "row has 4 fields, the header has 3 (a ',' inside an unquoted "
	    "value?)"},
	{"city,indicator,value\nX,a1,\"12,5\"\n", 2, 3, "decimal point"},
	{"city,indicator,value\nX,a1,1 234\n", 2, 3, "is not a number"},
	{"city,indicator,value\nX,a1,NaN\n", 2, 3, "NaN"},
	{"city,indicator,value\nX,a1,-inf\n", 2, 3, "infinite"},
	{"city,indicator,value\nX,a1,Infinity\n", 2, 3, "infinite"},
	{"city,indicator,value\nX,a1,1e999\n", 2, 3, "out of range"},
	{"city,indicator,value\nX,a1,0x1A\n", 2, 3, "is not a number"},
	{"city,indicator,value\nX,b1,51\n", 2, 3, "above its maximum 50"},
	{"city,indicator,value\nX,b1,-1\n", 2, 3, "below its minimum 0"},
	{"city,indicator,value\nX,A1,1\n", 2, 2,
	    "unknown indicator \"A1\"; did you mean \"a1\"?"},
	{"city,indicator,value\nX,zzzzzz,1\n", 2, 2,
	    "unknown indicator \"zzzzzz\" (not in framework \"small\")"},
	{"city,indicator,value\nX,B2,1\n", 2, 2, "is an aggregate"},
	{"city,indicator,value\nX,,1\n", 2, 2, "empty indicator id"},
	{"city,indicator,value\nX,a1,1\nY,a2,1\nX,a1,2\n", 4, 3,
	    "duplicate value of \"a1\" for city \"X\" (first given at "
	    "t.csv:2)"},
	{"city,indicator,value,year\nX,a1,1,2019\nX,a1,2,2019\n", 3, 3,
	    "duplicate value of \"a1\" for city \"X\" in 2019"},
	/* A cell's first value, and its later years, are both checked. */
	{"city,indicator,value,year\nX,a1,1,2018\nX,a1,2,2019\n"
	    "X,a1,3,2019\n", 4, 3, "duplicate value of \"a1\" for city \"X\" "
	    "in 2019 (first given at t.csv:3)"},
	{"city,indicator,value,year\nX,a1,1,\nX,a1,2,2019\nX,a1,3,\n", 4, 3,
	    "duplicate value of \"a1\" for city \"X\" (first given at "
	    "t.csv:2)"},
	{"city,indicator,value,year\nX,a1,1,\nY,a1,2,2019\nX,a1,3,2019\n"
	    "Y,a1,4,\nX,a1,5,2019\n", 6, 3, "duplicate value of \"a1\" for "
	    "city \"X\" in 2019 (first given at t.csv:4)"},
	{"city,indicator,value,year\nX,a1,1,19.5\n", 2, 4, "year \"19.5\""},
	{"city,indicator,value\n,a1,1\n", 2, 1, "empty city name"},
	{"city,indicator\nX,a1\n", 1, 1, "missing required column \"value\""},
	{"indicator;value\na1;1\n", 1, 1,
	    "missing required column \"indicator\" (long layout) or "
	    "\"city\" (wide layout)"},
	{"value,note\n1,x\n", 1, 1, "missing required column \"indicator\""},
	{"city,a1,a1\nX,1,2\n", 1, 3, "duplicate column \"a1\""},
	{"City,indicator,value,CITY\n", 1, 4, "duplicate column \"city\""},
	{"city,a1,a9\nX,1,2\n", 1, 3, "unknown indicator \"a9\""},
	{"city,indicator,,value\n", 1, 3, "empty column name"},
	{"city,indicator,value\nX,a1\n", 2, 3, "row has 2 fields, the header "
	    "has 3"},
	/* A row after blank lines starts on its own line (it was given the
	 * line after the last row: fuzz-regressions/commands). */
	{"city,indicator,value\n\n\nX\n", 4, 2, "row has 1 fields"},
	{"city,indicator,value\n\r  \nX,a1,3,4\n", 4, 4, "row has 4 fields"},
	/* A bad quote in a field that starts on line 1: at its line. */
	{"city,indicator,\"v\n\" x,value\n", 1, 3, "malformed quoting"},
	{"", 1, 1, "empty file"},
	{"\xEF\xBB\xBF \r\n\n", 1, 1, "empty file"},
	{"city,indicator,value\nX,a1,\xC3\x28\n", 2, 6, "invalid UTF-8"},
	{"city,indicator,value\nX,a1,1\0\n", 2, 7, "NUL byte"},
	{"\xFF\xFE" "c\0i\0", 1, 1, "UTF-16"},
};

static void
rejected_inputs_are_located(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;
	size_t i, len;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(*bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];

		/* Cases with a NUL byte give their length explicitly. */
		len = strlen(c->text);
		if (strstr(c->msg, "NUL") != NULL)
			len += 2;
		if (strstr(c->msg, "UTF-16") != NULL)
			len = 6;
		rs_dataset_init(&ds, &small_fw);
		rs_error_clear(&err);
		rc = rs_dataset_read_text(&ds, "t.csv", c->text, len,
		    RS_INPUT_CSV, &err);
		if (rc != RS_EINPUT)
			print_error("case %zu: status %d\n", i, rc);
		assert_int_equal(rc, RS_EINPUT);
		assert_string_equal(err.path, "t.csv");
		if (err.line != c->line || err.col != c->col ||
		    strstr(err.msg, c->msg) == NULL)
			print_error("case %zu\n", i);
		assert_error_at(err, c->line, c->col, c->msg);
		rs_dataset_release(&ds);
	}
}

static void
same_city_in_two_files_is_rejected(void **state)
{
	struct rs_dataset ds;
	struct rs_error err = {0};
	static const char a[] = "city,indicator,value\nX,a1,1\n";
	static const char b[] = "city,indicator,value\nY,a1,1\nX,a2,1\n";

	(void)state;
	rs_dataset_init(&ds, &small_fw);
	assert_int_equal(rs_dataset_read_text(&ds, "a.csv", a, strlen(a),
	    RS_INPUT_AUTO, &err), 0);
	assert_int_equal(rs_dataset_read_text(&ds, "b.csv", b, strlen(b),
	    RS_INPUT_AUTO, &err), RS_EINPUT);
	assert_string_equal(err.path, "b.csv");
	assert_error_at(err, 3, 1,
	    "city \"X\" is already defined at a.csv:2");
	rs_dataset_release(&ds);
}

static void
file_named_cities_collide_across_files(void **state)
{
	struct rs_dataset ds;
	struct rs_error err = {0};
	static const char a[] = "indicator,value\na1,1\n";

	(void)state;
	rs_dataset_init(&ds, &small_fw);
	assert_int_equal(rs_dataset_read_text(&ds, "x/beirut.csv", a,
	    strlen(a), RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_read_text(&ds, "y/beirut.csv", a,
	    strlen(a), RS_INPUT_CSV, &err), RS_EINPUT);
	assert_non_null(strstr(err.msg, "\"beirut\" is already defined"));
	rs_dataset_release(&ds);
}

static void
unreadable_file_is_an_io_error(void **state)
{
	struct rs_dataset ds;
	struct rs_error err = {0};

	(void)state;
	rs_dataset_init(&ds, &small_fw);
	assert_int_equal(rs_dataset_read_file(&ds, RS_TEST_DATA "/nope.csv",
	    RS_INPUT_AUTO, &err), RS_EIO);
	assert_non_null(strstr(err.msg, "cannot open"));
	assert_int_equal(rs_dataset_read_file(&ds, RS_TEST_DATA,
	    RS_INPUT_AUTO, &err), RS_EIO);
	rs_dataset_release(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    long_layout_without_city_names_the_city_after_the_file),
		cmocka_unit_test(long_layout_keeps_further_columns),
		cmocka_unit_test(wide_values_in_the_matrix_and_long_ones_listed),
		cmocka_unit_test(wide_rows_that_do_not_fit_the_matrix_are_listed),
		cmocka_unit_test(city_named_after_a_file_that_is_not_utf8),
		cmocka_unit_test(reading_done_keeps_the_data_and_refuses_more),
		cmocka_unit_test(cities_pool_in_order_of_first_appearance),
		cmocka_unit_test(latest_year_wins_and_year_limit_applies),
		cmocka_unit_test(world_bank_and_spreadsheet_values_are_read),
		cmocka_unit_test(wide_layout_reads_a_row_per_city),
		cmocka_unit_test(bom_crlf_and_quoted_newlines_are_read),
		cmocka_unit_test(rejected_inputs_are_located),
		cmocka_unit_test(same_city_in_two_files_is_rejected),
		cmocka_unit_test(file_named_cities_collide_across_files),
		cmocka_unit_test(unreadable_file_is_an_io_error),
	};

	return cmocka_run_group_tests(tests, small_setup,
	    small_teardown);
}
