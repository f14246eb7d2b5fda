/*
 * test_wdi.c - the World Bank's published series (src/ingest/wdi.c): the
 * WDI bulk and WGI wide files and the WDI data package read for one
 * country or all, each value located; every refused file located at the
 * line and column of its first problem
 */
#include "test_util.h"

#include "resilience/import.h"

static int
read_text(struct rs_pubset *s, const char *text, const char *path,
    const char *code, const char *iso3, struct rs_error *err)
{
	rs_error_clear(err);
	return rs_pub_read(s, text, strlen(text), path, code, iso3, err);
}

static void
assert_pub(const struct rs_pub *o, const char *code, const char *iso3,
    long year, double value, enum rs_series_db db, long line)
{
	assert_string_equal(o->code, code);
	assert_string_equal(o->iso3, iso3);
	assert_int_equal(o->year, year);
	assert_near(o->value, value, 0);
	assert_int_equal(o->db, db);
	assert_int_equal(o->line, line);
}

static void
wide_files_wdi_and_wgi(void **state)
{
	static const char text[] =
	    "Country Name,Country Code,Indicator Name,Indicator Code,2019,"
	    "2020,\n"
	    "Lebanon,LBN,Unemployment,sl.uem.totl.zs,11.4,..,\n"
	    "Lebanon,lbn,Government Effectiveness,GE.EST,-0.9,-1.1,\n"
	    "Lebanon,LBN,Rank,GE.PER.RNK.LOWER,,20.5,\n"
	    "Lebanon,LBN,Not WGI,GEX.EST,1,,\n"
	    "Kuwait,KWT,Unemployment,SL.UEM.TOTL.ZS,2.2,2.9,\n";
	struct rs_pubset s;
	struct rs_error err;

	(void)state;
	rs_pub_init(&s);
	assert_int_equal(read_text(&s, text, "wdi.csv", NULL, "Lbn", &err), 0);
	assert_int_equal(s.nobs, 5);
	assert_pub(&s.obs[0], "SL.UEM.TOTL.ZS", "LBN", 2019, 11.4, RS_DB_WDI,
	    2);
	assert_string_equal(s.obs[0].country, "Lebanon");
	assert_string_equal(s.obs[0].path, "wdi.csv");
	assert_pub(&s.obs[1], "GE.EST", "LBN", 2019, -0.9, RS_DB_WGI, 3);
	assert_pub(&s.obs[2], "GE.EST", "LBN", 2020, -1.1, RS_DB_WGI, 3);
	assert_pub(&s.obs[3], "GE.PER.RNK.LOWER", "LBN", 2020, 20.5,
	    RS_DB_WGI, 4);
	assert_pub(&s.obs[4], "GEX.EST", "LBN", 2019, 1, RS_DB_WDI, 5);
	/* every country, added after */
	assert_int_equal(read_text(&s, text, "wdi.csv", NULL, NULL, &err), 0);
	assert_int_equal(s.nobs, 12);
	assert_pub(&s.obs[11], "SL.UEM.TOTL.ZS", "KWT", 2020, 2.9, RS_DB_WDI,
	    6);
	rs_pub_release(&s);
}

static void
data_package_by_folder_or_code(void **state)
{
	static const char text[] = "Country Name,Country Code,Year,Value\n"
	    "Lebanon,LBN,2019,11.4\nLebanon,LBN,2020,\nKuwait,KWT,2020,2.9\n";
	struct rs_pubset s;
	struct rs_error err;

	(void)state;
	rs_pub_init(&s);
	assert_int_equal(read_text(&s, text, "ind/sl.uem.totl.zs/data.csv",
	    NULL, "LBN", &err), 0);
	assert_int_equal(s.nobs, 1);
	assert_pub(&s.obs[0], "SL.UEM.TOTL.ZS", "LBN", 2019, 11.4, RS_DB_WDI,
	    2);
	assert_int_equal(read_text(&s, text, "data.csv", "ny.gdp.pcap.cd",
	    NULL, &err), 0);
	assert_int_equal(s.nobs, 3);
	assert_pub(&s.obs[2], "NY.GDP.PCAP.CD", "KWT", 2020, 2.9, RS_DB_WDI,
	    4);
	rs_pub_release(&s);
}

static void
refused_files_are_located(void **state)
{
	static const char pkg[] = "Country Name,Country Code,Year,Value\n";
	static const struct {
		const char *text, *path, *code;
		long line, col;
		const char *msg;
	} cases[] = {
		{"a,b,c\n", "x.csv", NULL, 1, 1, "not a WDI or WGI file"},
		{"Country Name,Country Code,Indicator Name,Indicator Code,1799\n",
		    "w.csv", NULL, 1, 5, "column \"1799\" is not a year"},
		{"Country Name,Country Code,Indicator Name,Indicator Code,2019\n"
		    "L,LBN,n,SL UEM,1\n", "w.csv", NULL, 2, 4, "indicator code "
		    "\"SL UEM\" is not a series code"},
		{"Country Name,Country Code,Indicator Name,Indicator Code,2019\n"
		    "L,LBN,n,,1\n", "w.csv", NULL, 2, 4, "indicator code \"\" is "
		    "not a series code"},
		{"Country Name,Country Code,Indicator Name,Indicator Code,2019\n"
		    "L,LBN,n,SL,1,5\n", "w.csv", NULL, 2, 6, "row has 6 fields"},
		{"Country Name,Country Code,Indicator Name,Indicator Code,2019\n"
		    "L,LBN,n,SL,x\n", "w.csv", NULL, 2, 5, "value \"x\" "},
		{"Country Name,Country Code,Year,Value\nL,LBN,2201,1\n",
		    "d/SL/data.csv", NULL, 2, 3, "year \"2201\" is not a year "
		    "from 1800 to 2200"},
		{"Country Name,Country Code,Year,Value\nL,LBN,2019,1x\n",
		    "d/SL/data.csv", NULL, 2, 4, "value \"1x\" "},
		{pkg, "data.csv", NULL, 1, 1, "a data-package file names no "
		    "series"},
		{pkg, "/data.csv", NULL, 1, 1, "a data-package file names no "
		    "series"},
		{pkg, "a//data.csv", NULL, 1, 1, "a data-package file names no "
		    "series"},
		{pkg, "./data.csv", NULL, 1, 1, "a data-package file names no "
		    "series"},
		{pkg, "a/../data.csv", NULL, 1, 1, "a data-package file names "
		    "no series"},
		{pkg, "d/a-b/data.csv", NULL, 1, 1, "\"a-b\" is not a series "
		    "code"},
		{pkg, "data.csv", "SL/UEM", 1, 1, "\"SL/UEM\" is not a series "
		    "code"},
		{pkg, "data.csv", "12345678901234567890123456789012345678901234"
		    "567890123456789012345", 1, 1, "\"1234567890123456789012345678"
		    "901234567890\" is not a series code"},
	};
	struct rs_pubset s;
	struct rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		rs_pub_init(&s);
		assert_int_equal(read_text(&s, cases[i].text, cases[i].path,
		    cases[i].code, NULL, &err), RS_EINPUT);
		if (err.line != cases[i].line || err.col != cases[i].col ||
		    strncmp(err.msg, cases[i].msg, strlen(cases[i].msg)) != 0 ||
		    strcmp(err.path, cases[i].path) != 0) {
			print_error("case %zu: got %s:%ld:%ld: %s\n", i,
			    err.path, err.line, err.col, err.msg);
			fail();
		}
		rs_pub_release(&s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wide_files_wdi_and_wgi),
		cmocka_unit_test(data_package_by_folder_or_code),
		cmocka_unit_test(refused_files_are_located),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
