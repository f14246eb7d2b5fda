/*
 * test_cities.c - the identity of a city (city_id, name_en, name_ar,
 * country) from CSV columns, JSON keys and a cities file; one id per
 * city; the years a selection takes, --max-age and its stale values
 * (docs/input.md, "Cities" and "Years")
 */
#include "test_util.h"

#include <stdlib.h>
#include <unistd.h>

#include "resilience/dataset.h"

static int
read_text(struct rs_dataset *ds, const char *name, const char *text,
    enum rs_input_format format, struct rs_error *err)
{
	rs_dataset_init(ds, &small_fw);
	memset(err, 0, sizeof(*err));
	return rs_dataset_read_text(ds, name, text, strlen(text), format,
	    err);
}

static void
csv_columns_give_the_identity(void **state)
{
	static const char text[] =
	    "indicator,value,year,City_ID,name_en,name_ar,country\n"
	    "a1,1,2019,bey, Beirut ,\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa,"
	    "Lebanon\n"
	    "a2,2,2019,,,,\n";
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_text(&ds, "x/beirut.csv", text, RS_INPUT_CSV,
	    &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_string_equal(ds.cities[0].name, "beirut");
	assert_string_equal(ds.cities[0].id, "bey");
	assert_int_equal(ds.cities[0].has_id, 1);
	assert_string_equal(ds.cities[0].name_en, "Beirut");
	assert_string_equal(ds.cities[0].country, "Lebanon");
	assert_string_equal(rs_city_label(&ds.cities[0], NULL), "Beirut");
	assert_string_equal(rs_city_label(&ds.cities[0], "ar"),
	    "\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa");
	assert_string_equal(rs_city_label(&ds.cities[0], "fr"), "Beirut");
	/* identity columns are not further columns */
	assert_int_equal(ds.nextra_names, 0);
	assert_int_equal(rs_dataset_check_ids(&ds, &err), 0);
	rs_dataset_release(&ds);
}

static void
without_an_id_the_id_is_the_name(void **state)
{
	static const char text[] = "city,a1\nTyre,5\nSidon,6\n";
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_text(&ds, "w.csv", text, RS_INPUT_CSV, &err),
	    0);
	assert_string_equal(ds.cities[1].id, "Sidon");
	assert_int_equal(ds.cities[1].has_id, 0);
	assert_null(ds.cities[1].name_en);
	assert_string_equal(rs_city_label(&ds.cities[1], "ar"), "Sidon");
	rs_dataset_release(&ds);
}

static void
wide_and_json_give_the_identity_too(void **state)
{
	static const char wide[] = "city,city_id,name_ar,a1\nX,x1,\xd8\xb3,5\n";
	static const char json[] =
	    "{\"cities\": [{\"city\": \"X\", \"city_id\": \"x1\", "
	    "\"name_en\": \"Ex\", \"country\": null, \"values\": {\"a1\": 5}}]}";
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_text(&ds, "w.csv", wide, RS_INPUT_CSV, &err), 0);
	assert_string_equal(ds.cities[0].id, "x1");
	assert_string_equal(ds.cities[0].name_ar, "\xd8\xb3");
	rs_dataset_release(&ds);
	assert_int_equal(read_text(&ds, "c.json", json, RS_INPUT_JSON, &err),
	    0);
	assert_string_equal(ds.cities[0].id, "x1");
	assert_string_equal(ds.cities[0].name_en, "Ex");
	assert_null(ds.cities[0].country);
	rs_dataset_release(&ds);
}

static void
rejects_an_identity_that_changes_or_is_shared(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_text(&ds, "a.csv", "city,city_id,a1,a2\n"
	    "X,x,1,\nX,y,,2\n", RS_INPUT_CSV, &err), RS_EINPUT);
	rs_dataset_release(&ds);
	/* a city is defined once: the wide reader says so first */
	assert_int_equal(read_text(&ds, "a.csv", "city,indicator,value,"
	    "name_en\nX,a1,1,Ex\nX,a2,2,Why\n", RS_INPUT_CSV, &err),
	    RS_EINPUT);
	assert_error_at(err, 3, 4, "name_en \"Why\" of city \"X\" differs "
	    "from the \"Ex\" given before");
	rs_dataset_release(&ds);
	assert_int_equal(read_text(&ds, "a.json", "{\"city\": \"X\", "
	    "\"city_id\": 3, \"values\": {}}", RS_INPUT_JSON, &err),
	    RS_EINPUT);
	assert_error_at(err, 1, 26, "\"city_id\" must be a string");
	rs_dataset_release(&ds);
	/* two cities, one id, in one file: located at the second */
	assert_int_equal(read_text(&ds, "a.csv", "city,indicator,value,"
	    "city_id\nX,a1,1,k\nY,a1,2,k\n", RS_INPUT_CSV, &err), RS_EINPUT);
	assert_error_at(err, 3, 1, "cities \"Y\" and \"X\" have the same "
	    "city_id \"k\"");
	rs_dataset_release(&ds);
	/* an id that is another city's name: caught once all is read */
	assert_int_equal(read_text(&ds, "a.csv", "city,indicator,value,"
	    "city_id\nX,a1,1,\nY,a1,2,X\n", RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_check_ids(&ds, &err), RS_EINPUT);
	assert_error_at(err, 3, 1, "cities \"Y\" and \"X\" (a.csv:2) have "
	    "the same id \"X\"");
	rs_dataset_release(&ds);
}

/* A city in two files is one city when both give it the same city_id. */
static void
one_city_id_in_two_files_is_one_city(void **state)
{
	static const char y2019[] = "indicator,value,year,city_id\n"
	    "a1,10,2019,bey\na2,20,2019,bey\n";
	static const char y2020[] = "indicator,value,year,city_id\n"
	    "a1,30,2020,bey\n";
	static const char again[] = "indicator,value,year,city_id\n"
	    "a1,40,2019,bey\n";
	static const char wide[] = "city,city_id,year,a2\nBeirut,bey,2020,5\n";
	struct rs_dataset ds;
	struct rs_error err;

	(void)state;
	assert_int_equal(read_text(&ds, "2019/beirut.csv", y2019,
	    RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_read_text(&ds, "2020/Beirut.csv", y2020,
	    strlen(y2020), RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_read_text(&ds, "w.csv", wide,
	    strlen(wide), RS_INPUT_CSV, &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_string_equal(ds.cities[0].name, "beirut");
	assert_int_equal(ds.nobs, 4);
	assert_int_equal(rs_dataset_check_ids(&ds, &err), 0);
	/* the same value twice, from two files: a duplicate, located */
	assert_int_equal(rs_dataset_read_text(&ds, "x/beirut.csv", again,
	    strlen(again), RS_INPUT_CSV, &err), RS_EINPUT);
	assert_error_at(err, 2, 2, "duplicate value of \"a1\" for city "
	    "\"beirut\" in 2019 (first given at 2019/beirut.csv:2)");
	rs_dataset_release(&ds);
	/* without an id, the same name in two files is refused as before */
	assert_int_equal(read_text(&ds, "a/x.csv", "indicator,value\na1,1\n",
	    RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_read_text(&ds, "b/x.csv",
	    "indicator,value\na1,2\n", 21, RS_INPUT_CSV, &err), RS_EINPUT);
	assert_non_null(strstr(err.msg, "city \"x\" is already defined"));
	rs_dataset_release(&ds);
	/* in one file, one id is one name */
	assert_int_equal(read_text(&ds, "a.csv", "city,city_id,a1\nX,k,1\n"
	    "Y,k,2\n", RS_INPUT_CSV, &err), RS_EINPUT);
	assert_error_at(err, 3, 1, "cities \"Y\" and \"X\" have the same "
	    "city_id \"k\"");
	rs_dataset_release(&ds);
}

/* Write text to a file of its own; returns its path (static). */
static const char *
temp_file(const char *text)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/rs-cities-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)),
	    (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void
a_cities_file_fills_in_what_the_data_leave_out(void **state)
{
	static const char data[] = "city,city_id,a1\nAlex,eg-alx,5\nTyre,,6\n"
	    "Sidon,,7\n";
	struct rs_dataset ds;
	struct rs_error err;
	const char *path = temp_file(
	    "city_id,city,name_en,name_ar,country\n"
	    "eg-alx,,Alexandria,\xd8\xa7,Egypt\n"
	    "lb-tyr,Tyre,Tyre,\xd8\xb5,Lebanon\n"
	    "Sidon,,,,Lebanon\n"
	    "xx,Nowhere,,,\n");

	(void)state;
	assert_int_equal(read_text(&ds, "d.csv", data, RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_read_cities(&ds, path, &err), 0);
	/* by city_id */
	assert_string_equal(ds.cities[0].name_en, "Alexandria");
	assert_string_equal(ds.cities[0].country, "Egypt");
	/* by the name the data give: the id comes from the file */
	assert_string_equal(ds.cities[1].id, "lb-tyr");
	assert_int_equal(ds.cities[1].has_id, 1);
	assert_string_equal(rs_city_label(&ds.cities[1], "ar"), "\xd8\xb5");
	/* by the name as its id, when the row has no city */
	assert_string_equal(ds.cities[2].country, "Lebanon");
	assert_int_equal(rs_dataset_check_ids(&ds, &err), 0);
	assert_int_equal(rs_dataset_find_city(&ds, "lb-tyr"), 1);
	assert_int_equal(rs_dataset_find_city(&ds, "Tyre"), 1);
	rs_dataset_release(&ds);
	unlink(path);
}

static void
a_cities_file_is_checked_and_located(void **state)
{
	static const struct {
		const char *text;
		long line, col;
		const char *msg;
	} cases[] = {
		{"city,name_en\nAlex,A\n", 1, 1,
		 "missing required column \"city_id\""},
		{"city_id,population\nx,5\n", 1, 2, "unknown column "
		 "\"population\""},
		{"city_id,City_ID\nx,x\n", 1, 2, "duplicate column "
		 "\"city_id\""},
		{"city_id,name_en\n,A\n", 2, 1, "empty city_id"},
		{"city_id,name_en\nx,A\ny,B\nx,C\n", 4, 1, "city_id \"x\" is "
		 "given twice (first at line 2)"},
		{"city_id,city\nx,Alex\ny,Alex\n", 3, 2, "city \"Alex\" is "
		 "given twice"},
		{"city_id,name_en\neg-alx,Alexandrie\n", 2, 2, "name_en "
		 "\"Alexandrie\" of city \"Alex\" differs from the "
		 "\"Alexandria\""},
	};
	static const char data[] = "city,city_id,name_en,a1\n"
	    "Alex,eg-alx,Alexandria,5\n";
	struct rs_dataset ds;
	struct rs_error err;
	const char *path;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		path = temp_file(cases[k].text);
		assert_int_equal(read_text(&ds, "d.csv", data, RS_INPUT_CSV,
		    &err), 0);
		assert_int_equal(rs_dataset_read_cities(&ds, path, &err),
		    RS_EINPUT);
		assert_error_at(err, cases[k].line, cases[k].col,
		    cases[k].msg);
		assert_string_equal(err.path, path);
		rs_dataset_release(&ds);
		unlink(path);
	}
	assert_int_equal(read_text(&ds, "d.csv", data, RS_INPUT_CSV, &err), 0);
	assert_int_equal(rs_dataset_read_cities(&ds, "/nonexistent/c.csv",
	    &err), RS_EIO);
	rs_dataset_release(&ds);
}

/* a1: 2014, 2018 and undated; a2: 2012 only; b1: undated only. */
static const char aged[] =
    "city,indicator,value,year\n"
    "X,a1,10,2014\nX,a1,20,2018\nX,a1,5,\n"
    "X,a2,30,2012\nX,b1,15,\nX,b2,,2019\n";

static size_t
cell(const char *id)
{
	return small_fw.nodes[small_node(id)].indicator;
}

static void
max_age_leaves_old_values_out_and_lists_them(void **state)
{
	struct rs_dataset ds;
	struct rs_error err;
	size_t chosen[5], stale[5];
	struct rs_select spec = {1, 2019, 4, 1};
	long first;

	(void)state;
	assert_int_equal(read_text(&ds, "a.csv", aged, RS_INPUT_CSV, &err), 0);
	rs_dataset_read_done(&ds);
	assert_int_equal(rs_dataset_last_year(&ds, &first), 2018);
	assert_int_equal(first, 2012);	/* b2's 2019 is missing */
	/* 2019, 4 years: 2015 to 2019 */
	rs_dataset_select_spec(&ds, &spec, chosen, stale);
	assert_near(rs_dataset_obs(&ds, chosen[cell("a1")])->value, 20, 0);
	assert_true(stale[cell("a1")] == RS_NONE);
	/* a2's 2012 is stale; no undated value to fall back on */
	assert_true(chosen[cell("a2")] == RS_NONE);
	assert_near(rs_dataset_obs(&ds, stale[cell("a2")])->value, 30, 0);
	/* b1 undated: today's rule, kept */
	assert_near(rs_dataset_obs(&ds, chosen[cell("b1")])->value, 15, 0);
	assert_int_equal(rs_dataset_obs(&ds, chosen[cell("b1")])->has_year, 0);
	/* 2 years: a1's 2018 is stale too, its undated value stands in */
	spec.max_age = 0;
	spec.year = 2019;
	rs_dataset_select_spec(&ds, &spec, chosen, stale);
	assert_near(rs_dataset_obs(&ds, chosen[cell("a1")])->value, 5, 0);
	assert_near(rs_dataset_obs(&ds, stale[cell("a1")])->value, 20, 0);
	/* the values of 2018 exactly, dated ones only (a trend's year) */
	spec.year = 2018;
	spec.undated = 0;
	rs_dataset_select_spec(&ds, &spec, chosen, NULL);
	assert_near(rs_dataset_obs(&ds, chosen[cell("a1")])->value, 20, 0);
	assert_true(chosen[cell("b1")] == RS_NONE);
	assert_true(chosen[cell("a2")] == RS_NONE);
	/* without max_age: today's rule, the latest not after 2013 */
	spec.year = 2013;
	spec.max_age = -1;
	spec.undated = 1;
	rs_dataset_select_spec(&ds, &spec, chosen, stale);
	assert_near(rs_dataset_obs(&ds, chosen[cell("a1")])->value, 5, 0);
	assert_near(rs_dataset_obs(&ds, chosen[cell("a2")])->value, 30, 0);
	assert_true(stale[cell("a2")] == RS_NONE);
	rs_dataset_release(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_columns_give_the_identity),
		cmocka_unit_test(without_an_id_the_id_is_the_name),
		cmocka_unit_test(wide_and_json_give_the_identity_too),
		cmocka_unit_test(rejects_an_identity_that_changes_or_is_shared),
		cmocka_unit_test(one_city_id_in_two_files_is_one_city),
		cmocka_unit_test(
		    a_cities_file_fills_in_what_the_data_leave_out),
		cmocka_unit_test(a_cities_file_is_checked_and_located),
		cmocka_unit_test(max_age_leaves_old_values_out_and_lists_them),
	};

	return cmocka_run_group_tests(tests, small_setup, small_teardown);
}
