/*
 * test_load.c - the one sniffer (rs_input_sniff()) and the one entry
 * point (rs_inputs_load()) that every command reads its inputs through
 */
#include "test_util.h"

#include <stdlib.h>
#include <unistd.h>

#include "resilience/sa_section.h"

#define BOM "\xEF\xBB\xBF"
#define COINR RS_TEST_DATA "/coinr"

static void
sniff_tells_each_kind_by_content(void **state)
{
	static const struct {
		const char *text;
		enum rs_input_format format;
		enum rs_input_kind kind;
	} cases[] = {
		/* JSON: '{' or '[' first, after a BOM and blanks */
		{"{\"cities\": []}", RS_INPUT_AUTO, RS_KIND_JSON},
		{BOM "{\"cities\": []}", RS_INPUT_AUTO, RS_KIND_JSON},
		{" \r\n\t[1]", RS_INPUT_AUTO, RS_KIND_JSON},
		{BOM "\n  {", RS_INPUT_AUTO, RS_KIND_JSON},
		{"indicator,value\n", RS_INPUT_JSON, RS_KIND_JSON},
		/* long CSV: an "indicator" column, as the reader takes it */
		{"city,indicator,value\nX,a1,1\n", RS_INPUT_AUTO,
		    RS_KIND_CSV_LONG},
		{BOM "indicator,value,city\n", RS_INPUT_AUTO,
		    RS_KIND_CSV_LONG},
		{" Indicator ,value", RS_INPUT_AUTO, RS_KIND_CSV_LONG},
		{"\"INDICATOR\",\"value\"\r\n", RS_INPUT_AUTO,
		    RS_KIND_CSV_LONG},
		{"\n , \nvalue,indicator\n", RS_INPUT_AUTO, RS_KIND_CSV_LONG},
		{"\"city\nname\",indicator,value\n", RS_INPUT_AUTO,
		    RS_KIND_CSV_LONG},
		/* iMeta: an "iCode" column, exactly */
		{"Level,iCode,Parent\n1,a,P\n", RS_INPUT_AUTO,
		    RS_KIND_CSV_META},
		{BOM "iCode,Level,Parent", RS_INPUT_CSV, RS_KIND_CSV_META},
		{"Level,icode,Parent\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		/* any other CSV: wide data, iData */
		{"city,a1,a2\nX,1,2\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{"uName,uCode,a\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{"city,a1\nX,indicator\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{"individual,value\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{"{\"cities\": []}", RS_INPUT_CSV, RS_KIND_CSV_TABLE},
		/* no header, or bad quoting: the reader will say */
		{"", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{BOM, RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{"\n\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{"\"indicator,value\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
		{"ind\"icator\",value\n", RS_INPUT_AUTO, RS_KIND_CSV_TABLE},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		enum rs_input_kind got = rs_input_sniff(cases[i].text,
		    strlen(cases[i].text), cases[i].format);

		if (got != cases[i].kind) {
			print_error("case %zu: kind %d, want %d\n", i,
			    (int)got, (int)cases[i].kind);
			fail();
		}
	}
}

/* Only the header is looked at: a huge body is never parsed. */
static void
sniff_reads_only_the_header(void **state)
{
	static const char head[] = "city,indicator,value\n\"";
	size_t len = sizeof(head) - 1;

	(void)state;
	/* the unterminated quote after the header does not matter */
	assert_int_equal(rs_input_sniff(head, len, RS_INPUT_AUTO),
	    RS_KIND_CSV_LONG);
}

/*
 * A new file holding text whose name ends in suffix, in a directory of
 * its own; its path into path (128 bytes).  gone() removes both.
 */
static void
temp_file(char *path, const char *suffix, const char *text)
{
	char dir[] = "/tmp/rs-load-XXXXXX";
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, 128, "%s/in%s", dir, suffix);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static void
gone(char *path)
{
	assert_int_equal(unlink(path), 0);
	*strrchr(path, '/') = '\0';
	assert_int_equal(rmdir(path), 0);
}

static int
load(struct rs_inputs *in, const char *framework, const char *file,
    int table, struct rs_error *err)
{
	struct rs_load_opts o = {0};
	char name[256], *files[1] = {name};

	snprintf(name, sizeof(name), "%s", file != NULL ? file : "");
	o.framework = framework;
	o.files = files;
	o.nfiles = file != NULL;
	o.table = table;
	return rs_inputs_load(in, &o, err);
}

static void
framework_alone_default_and_file(void **state)
{
	struct rs_inputs in;
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(load(&in, NULL, NULL, 0, &err), 0);
	assert_string_equal(in.fw.id, "dpt");
	assert_null(in.table);
	assert_null(in.fw.sensitivity);
	rs_inputs_release(&in);
	assert_int_equal(load(&in, RS_TEST_DATA "/small.json", NULL, 0, &err),
	    0);
	assert_string_equal(in.fw.id, "small");
	assert_int_equal(in.ds.ncities, 0);
	rs_inputs_release(&in);
}

/* The "sensitivity" section comes with the framework, from one read. */
static void
framework_brings_its_sensitivity_section(void **state)
{
	struct rs_inputs in;
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(load(&in, RS_TEST_DATA "/../cli/data/small-sens.json",
	    NULL, 0, &err), 0);
	assert_non_null(in.fw.sensitivity);
	assert_true(in.fw.sensitivity->has_runs);
	assert_int_equal(in.fw.sensitivity->runs, 40);
	assert_near(in.fw.sensitivity->weight_noise, 0.3, 0);
	assert_true(in.fw.sensitivity->has_exclude &&
	    in.fw.sensitivity->exclude);
	rs_inputs_release(&in);
	/* a bad section is a bad framework file, whoever reads it */
	assert_int_equal(load(&in, RS_TEST_DATA "/../cli/data/"
	    "small-sens-bad.json", NULL, 0, &err), RS_EINPUT);
	assert_error_at(err, 6, 63, "\"weights\" needs a \"noise\"");
	assert_null(in.fw.sensitivity);
	rs_inputs_release(&in);
}

/* iMeta by its "iCode" column or its name; JSON by its first byte. */
static void
framework_kind_by_content_then_name(void **state)
{
	struct rs_inputs in;
	struct rs_error err = {0};
	char path[128];

	(void)state;
	temp_file(path, ".txt", BOM "Level,iCode,Parent,Type\n"
	    "1,a,I,Indicator\n2,I,,Aggregate\n");
	assert_int_equal(load(&in, path, NULL, 0, &err), 0);
	assert_int_equal(in.fw.nindicators, 1);
	assert_non_null(in.fw.pipeline);
	rs_inputs_release(&in);
	gone(path);
	temp_file(path, ".CSV", "{\"id\": \"j\", \"children\": "
	    "[{\"id\": \"i\", \"worst\": 0, \"best\": 1}]}\n");
	assert_int_equal(load(&in, path, NULL, 0, &err), 0);
	assert_string_equal(in.fw.id, "j");
	assert_null(in.fw.pipeline);
	rs_inputs_release(&in);
	gone(path);
	/* neither: a broken iMeta named .csv says what an iMeta needs */
	temp_file(path, ".csv", "Level,Code\n");
	assert_int_equal(load(&in, path, NULL, 0, &err), RS_EINPUT);
	assert_error_at(err, 1, 1, "an iMeta table needs columns");
	rs_inputs_release(&in);
	gone(path);
	/* and a broken file of another name is told as JSON */
	temp_file(path, ".json", "Level,Code\n");
	assert_int_equal(load(&in, path, NULL, 0, &err), RS_EINPUT);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 1);
	rs_inputs_release(&in);
	gone(path);
}

static void
data_without_pipeline_goes_to_the_dataset(void **state)
{
	struct rs_inputs in;
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(load(&in, RS_TEST_DATA "/small.json",
	    RS_TEST_DATA "/small.csv", 0, &err), 0);
	assert_null(in.table);
	assert_int_equal(in.ds.ncities, 3);
	assert_string_equal(in.ds.cities[1].name, "Y");
	rs_inputs_release(&in);
}

/* pipeline and stats ask for a table: long CSV and JSON become one. */
static void
data_as_a_table_from_every_layout(void **state)
{
	static const char *const texts[] = {
		"city,indicator,value\nX,a1,40\nZ,a1,0\n",
		BOM "indicator,value,city\na1,40,X\na1,0,Z\n",
		BOM "{\"cities\": [{\"city\": \"X\", \"values\": {\"a1\": 40}},"
		    " {\"city\": \"Z\", \"values\": {\"a1\": 0}}]}",
		BOM "city,a1,a2,b1,b2,b3\nX,40,,,,\nZ,0,,,,\n",
	};
	struct rs_inputs in;
	struct rs_error err = {0};
	char path[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		temp_file(path, ".dat", texts[i]);
		assert_int_equal(load(&in, RS_TEST_DATA "/small.json", path,
		    1, &err), 0);
		assert_non_null(in.table);
		assert_int_equal(in.table->nrows, 2);
		assert_int_equal(in.table->nind, 5);
		assert_string_equal(in.table->unit[0], "X");
		assert_string_equal(in.table->unit[1], "Z");
		assert_near(in.table->x[0], 40, 0);
		assert_near(in.table->x[5], 0, 0);
		assert_nan(in.table->x[1]);
		rs_inputs_release(&in);
		gone(path);
	}
}

static void
data_of_a_pipeline_framework_is_its_table(void **state)
{
	struct rs_inputs in;
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(load(&in, COINR "/meta.csv", COINR "/data.csv", 0,
	    &err), 0);
	assert_non_null(in.table);
	assert_int_equal(in.table->nrows, 4);
	assert_int_equal(in.table->naux, 2);	/* grp, pop */
	assert_string_equal(in.table->uname[1], "Bland");
	assert_int_equal(in.ds.ncities, 0);
	rs_inputs_release(&in);
}

static void
refuses_what_cannot_be_read(void **state)
{
	struct rs_load_opts o = {0};
	struct rs_inputs in;
	struct rs_error err = {0};
	char data[] = COINR "/data.csv", dash[] = "-";
	char *two[] = {data, data}, *dashes[] = {dash, dash};
	char path[128];

	(void)state;
	o.framework = COINR "/meta.csv";
	o.files = two;
	o.nfiles = 2;
	assert_int_equal(rs_inputs_load(&in, &o, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "a framework with a pipeline scores one "
	    "data file, not 2");
	rs_inputs_release(&in);
	o.framework = NULL;
	o.files = dashes;
	assert_int_equal(rs_inputs_load(&in, &o, &err), RS_EUSAGE);
	assert_string_equal(err.msg, "standard input ('-') can be read only "
	    "once");
	rs_inputs_release(&in);
	o.framework = "-";
	o.nfiles = 1;
	assert_int_equal(rs_inputs_load(&in, &o, &err), RS_EUSAGE);
	rs_inputs_release(&in);
	assert_int_equal(load(&in, NULL, RS_TEST_DATA "/nope.csv", 0, &err),
	    RS_EIO);
	rs_inputs_release(&in);
	/* a table with no city in it */
	temp_file(path, ".json", "{\"cities\": []}");
	assert_int_equal(load(&in, RS_TEST_DATA "/small.json", path, 1, &err),
	    RS_EINPUT);
	assert_error_at(err, 1, 1, "no city data in the input");
	rs_inputs_release(&in);
	gone(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniff_tells_each_kind_by_content),
		cmocka_unit_test(sniff_reads_only_the_header),
		cmocka_unit_test(framework_alone_default_and_file),
		cmocka_unit_test(framework_brings_its_sensitivity_section),
		cmocka_unit_test(framework_kind_by_content_then_name),
		cmocka_unit_test(data_without_pipeline_goes_to_the_dataset),
		cmocka_unit_test(data_as_a_table_from_every_layout),
		cmocka_unit_test(data_of_a_pipeline_framework_is_its_table),
		cmocka_unit_test(refuses_what_cannot_be_read),
	};

	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
