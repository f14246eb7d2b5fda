/*
 * test_robust_csv.c - every class of broken CSV gets one located error,
 * the same with LF, CRLF or lone CR line ends and with or without a BOM;
 * limits on fields, rows, cities and sizes (docs/robustness.md)
 */
#include "test_util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "io/readfile.h"
#include "resilience/dataset.h"
#include "resilience/framework.h"

static struct rs_framework fw;

static int
setup(void **state)
{
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&fw);
	return rs_framework_load_file(&fw, RS_TEST_DATA "/small.json", &err);
}

static int
teardown(void **state)
{
	(void)state;
	rs_framework_release(&fw);
	return 0;
}

/* A rejected file: where the error is and part of what it says. */
struct bad {
	const char *text;
	size_t len;		/* 0: strlen(text) */
	long line, col;		/* col: the field number, or the character
				 * column of an encoding error */
	const char *msg;
};

static const struct bad bad_csv[] = {
	/* Structure. */
	{"", 0, 1, 1, "empty file"},
	{"\n \n\t\n", 0, 1, 1, "empty file"},
	{"city,a1\nX,\"12\n", 0, 2, 2, "unterminated quoted field"},
	{"city,a1\nX,1\"2\n", 0, 2, 2, "malformed quoting"},
	{"city,a1\nX,\"1\"2\n", 0, 2, 2, "malformed quoting"},
	{"city,a1\nX,1,2\n", 0, 2, 3, "row has 3 fields, the header has 2"},
	{"city,a1,a2\nX,1\n", 0, 2, 3, "row has 2 fields, the header has 3"},
	{"city,a1\n\"X\nY\",1\nZ\n", 0, 4, 2, "row has 1 fields"},
	/* Header. */
	{"city,,a1\nX,1,2\n", 0, 1, 2, "empty column name in the header"},
	{"city,a1,a1\nX,1,2\n", 0, 1, 3, "duplicate column \"a1\""},
	{"city,note,note\nX,1,2\n", 0, 1, 3, "duplicate column \"note\""},
	{"City,CITY,a1\nX,Y,2\n", 0, 1, 2, "duplicate column \"city\""},
	{"indicator,city\na1,X\n", 0, 1, 1,
	    "missing required column \"value\""},
	{"value,city\n1,X\n", 0, 1, 1, "missing required column \"indicator\""},
	{"a1,a2\n1,2\n", 0, 1, 1, "\"indicator\" (long layout) or \"city\""},
	{"city,zzzzzz\nX,1\n", 0, 1, 2, "unknown indicator \"zzzzzz\""},
	{"city,a1\xe2\x80\xae\nX,1\n", 0, 1, 2, "unknown indicator "
	    "\"a1\\u202E\""},
	/* Ids and names. */
	{"city,indicator,value\nX,zzzzzz,1\n", 0, 2, 2,
	    "unknown indicator \"zzzzzz\" (not in framework \"small\")"},
	{"city,indicator,value\nX,b4,1\n", 0, 2, 2, "did you mean"},
	{"city,indicator,value\nX,A,1\n", 0, 2, 2, "\"A\" is an aggregate"},
	{"city,indicator,value\nX, ,1\n", 0, 2, 2, "empty indicator id"},
	{"city,a1\n ,1\n", 0, 2, 1, "empty city name"},
	{"city,indicator,value\nX,a\x1b[2J1,1\n", 0, 2, 2,
	    "unknown indicator \"a\\x1B[2J1\""},
	/* Values. */
	{"city,a1\nX,12,5\n", 0, 2, 3, "row has 3 fields, the header has 2 "
	    "(a ',' inside an unquoted value?): if 12,5 is a number, write it "
	    "12.5 (with '.' as the decimal point)"},
	{"city,indicator,value,note\nX,a1,-3,25,n\n", 0, 2, 5,
	    "write it -3.25"},
	{"city,a1\nX,\"12,5\"\n", 0, 2, 2, "use '.' as the decimal point"},
	{"city,a1\nX,1 234\n", 0, 2, 2, "without spaces"},
	{"city,a1\nX,abc\n", 0, 2, 2, "value \"abc\" is not a number"},
	{"city,a1\nX,nan\n", 0, 2, 2, "is NaN"},
	{"city,a1\nX,-inf\n", 0, 2, 2, "is infinite"},
	{"city,a1\nX,1e999\n", 0, 2, 2, "out of range"},
	{"city,a1\nX,null\n", 0, 2, 2, "value \"null\" is not a number"},
	{"city,b1\nX,51\n", 0, 2, 2, "value 51 of \"b1\" is above its maximum"},
	{"city,b1\nX,-0.5\n", 0, 2, 2, "is below its minimum 0"},
	{"city,a1,a2\n\"X\nY\",1,\"x\ny\"\n", 0, 3, 3,
	    "value \"x\\"},	/* x\ny, x\r\ny or x\ry, escaped */
	{"city,a1\nX,123456789012345678901234567890123456789012x\n", 0, 2, 2,
	    "value \"1234567890123456789012345678901234567890...\""},
	/* Years. */
	{"city,indicator,value,year\nX,a1,1,19.5\n", 0, 2, 4,
	    "year \"19.5\" is not a whole number from 1 to 9999"},
	{"city,indicator,value,year\nX,a1,1,0\n", 0, 2, 4, "year \"0\""},
	{"city,indicator,value,year\nX,a1,1,10000\n", 0, 2, 4, "year"},
	{"city,indicator,value,year\nX,a1,1,-2019\n", 0, 2, 4, "year"},
	/* Duplicates. */
	{"city,indicator,value\nX,a1,1\nX,a1,2\n", 0, 3, 3,
	    "duplicate value of \"a1\" for city \"X\" (first given at "
	    "in.csv:2)"},
	{"city,indicator,value,year\nX,a1,1,2019\nX,a1,,2019\n", 0, 3, 3,
	    "duplicate value of \"a1\" for city \"X\" in 2019"},
	{"city,a1\nX,1\nX,2\n", 0, 3, 2, "duplicate value"},
	/* Encodings: the column is the character's. */
	{"\xff\xfe" "c\0i\0t\0y\0", 10, 1, 1, "UTF-16LE (it starts with"},
	{"\xfe\xff\0c\0i\0t\0y", 10, 1, 1, "UTF-16BE (it starts with"},
	{"\xff\xfe\0\0" "c\0\0\0", 8, 1, 1, "UTF-32LE"},
	{"\0\0\xfe\xff\0\0\0c", 8, 1, 1, "UTF-32BE"},
	{"c\0i\0t\0y\0,\0a\0" "1\0", 14, 1, 1, "UTF-16LE without a byte"},
	{"\0c\0i\0t\0y\0,\0a\0" "1", 14, 1, 1, "UTF-16BE without a byte"},
	{"city,a1\nM\xfcnchen,1\n", 0, 2, 2, "invalid UTF-8 (byte 0xFC); "
	    "save the file as UTF-8 (it may be Latin-1 or Windows-1252)"},
	{"city,a1\nX,\xd9\xa1\xd9\n", 0, 2, 4, "invalid UTF-8 (byte 0xD9)"},
	{"city,a1\nX,1\0\n", 13, 2, 4, "NUL byte"},
	{"PK\x03\x04\x14\0\x06\0\x08\0", 10, 1, 1, "ZIP archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10, 1, 1, ".xls"},
	{"\x1f\x8b\x08\0\0\0", 6, 1, 1, "gzip"},
	{"\x7f" "ELF\x02\x01\x01\0", 8, 1, 8, "NUL byte"},
};

static void
check_bad(const struct bad *c, const char *eol, int bom, size_t k)
{
	struct rs_dataset ds;
	struct rs_error err = {0};
	size_t len = c->len ? c->len : strlen(c->text);
	char *text = test_variant(c->text, &len, eol, bom);
	int rc;

	rs_dataset_init(&ds, &fw);
	rc = rs_dataset_read_text(&ds, "in.csv", text, len, RS_INPUT_CSV,
	    &err);
	if (rc != RS_EINPUT || strcmp(err.path, "in.csv") != 0 ||
	    err.line != c->line || err.col != c->col ||
	    strstr(err.msg, c->msg) == NULL) {
		print_error("case %zu (eol %s, bom %d): got %d %s:%ld:%ld: %s\n"
		    "want %ld:%ld: ...%s\n", k, eol[0] == '\n' ? "LF" :
		    eol[1] ? "CRLF" : "CR", bom, rc, err.path, err.line,
		    err.col, err.msg, c->line, c->col, c->msg);
		fail();
	}
	rs_dataset_release(&ds);
	free(text);
}

static void
broken_csv_gets_one_located_error(void **state)
{
	static const char *const eols[] = {"\n", "\r\n", "\r"};
	size_t k, e;

	(void)state;
	for (k = 0; k < sizeof(bad_csv) / sizeof(*bad_csv); k++)
		for (e = 0; e < 3; e++) {
			check_bad(&bad_csv[k], eols[e], 0, k);
			check_bad(&bad_csv[k], eols[e], 1, k);
		}
}

/* Read text as a.csv into ds, which the caller releases. */
static void
read_ok(struct rs_dataset *ds, const char *text, size_t len)
{
	struct rs_error err = {0};

	rs_dataset_init(ds, &fw);
	if (rs_dataset_read_text(ds, "a.csv", text, len, RS_INPUT_CSV,
	    &err) != 0) {
		print_error("%s:%ld:%ld: %s\n", err.path, err.line, err.col,
		    err.msg);
		fail();
	}
}

/* LF, CRLF, lone CR, BOM, quoting and blanks read the same values. */
static void
line_ends_bom_and_quoting_read_the_same(void **state)
{
	static const char base[] = "city,indicator,value,year,note\n"
	    "X,a1,12.5,2019,\"a, b\"\n"
	    "X,b1, +7 ,2019,\n"
	    "\"Y\",\"a2\",\xd9\xa1\xd9\xa2\xd9\xab\xd9\xa5,,"
	    "\"say \"\"hi\"\"\"\n"
	    "Y,b2,NA,,\n"
	    "\n"
	    "Z,b3,1e1,2020,\"two\nlines\"\n";
	static const char *const eols[] = {"\n", "\r\n", "\r"};
	static const double want[] = {12.5, 7, 12.5, (double)NAN, 10};
	struct rs_dataset ds;
	size_t e, bom, i, len;
	char *text;

	(void)state;
	for (e = 0; e < 3; e++)
		for (bom = 0; bom < 2; bom++) {
			len = sizeof(base) - 1;
			text = test_variant(base, &len, eols[e], (int)bom);
			read_ok(&ds, text, len);
			assert_int_equal(ds.ncities, 3);
			assert_int_equal(ds.nobs, 5);
			for (i = 0; i < 5; i++) {
				if (isnan(want[i]))
					assert_nan(ds.obs[i].value);
				else
					assert_near(ds.obs[i].value, want[i],
					    0);
			}
			assert_int_equal(ds.obs[4].line, 7);	/* lines */
			assert_string_equal(rs_obs_extra(&ds, &ds.obs[0],
			    "note"), "a, b");
			assert_string_equal(rs_obs_extra(&ds, &ds.obs[2],
			    "note"), "say \"hi\"");
			rs_dataset_release(&ds);
			free(text);
		}
}

/* The decimal-comma hint appears only for a number split in two. */
static void
decimal_comma_hint_only_for_a_split_number(void **state)
{
	static const char *const texts[] = {
		"city,a1\nX,1,2,3\n",		/* two fields too many */
		"city,a1\nX,a,5\n",		/* not a number */
		"city,a1\nX,1.5,5\n",		/* not a whole number */
		"city,indicator,value,note\nX,a1,x,1,2\n",	/* not the value */
	};
	struct rs_dataset ds;
	struct rs_error err;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(texts) / sizeof(*texts); k++) {
		rs_error_clear(&err);
		rs_dataset_init(&ds, &fw);
		assert_int_equal(rs_dataset_read_text(&ds, "in.csv", texts[k],
		    strlen(texts[k]), RS_INPUT_CSV, &err), RS_EINPUT);
		assert_non_null(strstr(err.msg, "unquoted value?)"));
		assert_null(strstr(err.msg, "write it"));
		rs_dataset_release(&ds);
	}
}

/* A city given in two files is an error at its second place. */
static void
city_in_two_files_is_an_error(void **state)
{
	struct rs_dataset ds;
	struct rs_error err = {0};
	static const char a[] = "city,a1\nX,1\n";
	static const char b[] = "indicator,value,city\na2,3,Y\na2,1,X\n";

	(void)state;
	read_ok(&ds, a, sizeof(a) - 1);
	assert_int_equal(rs_dataset_read_text(&ds, "b.csv", b, sizeof(b) - 1,
	    RS_INPUT_CSV, &err), RS_EINPUT);
	assert_string_equal(err.path, "b.csv");
	assert_error_at(err, 3, 3, "city \"X\" is already defined at a.csv:2");
	rs_dataset_release(&ds);
}

/* A text of n copies of unit after head, NUL-terminated. */
static char *
repeat(const char *head, const char *unit, size_t n, const char *tail,
    size_t *len)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail), i;
	char *s = malloc(hl + ul * n + tl + 1);

	assert_non_null(s);
	memcpy(s, head, hl);
	for (i = 0; i < n; i++)
		memcpy(s + hl + i * ul, unit, ul);
	memcpy(s + hl + n * ul, tail, tl + 1);
	*len = hl + ul * n + tl;
	return s;
}

static void
expect_error(const char *text, size_t len, long line, long col,
    const char *msg)
{
	struct rs_dataset ds;
	struct rs_error err = {0};

	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_text(&ds, "big.csv", text, len,
	    RS_INPUT_CSV, &err), RS_EINPUT);
	assert_error_at(err, line, col, msg);
	rs_dataset_release(&ds);
}

/* 1 MiB of field is read; one byte more is refused, quoted or not. */
static void
field_over_one_mib_is_refused(void **state)
{
	size_t len;
	char *s;

	(void)state;
	s = repeat("city,indicator,value,note\nX,a1,1,", "x", 1 << 20, "\n",
	    &len);
	{
		struct rs_dataset ds;

		read_ok(&ds, s, len);
		assert_int_equal(strlen(rs_obs_extra(&ds, &ds.obs[0],
		    "note")), 1 << 20);
		rs_dataset_release(&ds);
	}
	free(s);
	s = repeat("city,indicator,value,note\nX,a1,1,", "x", (1 << 20) + 1,
	    "\n", &len);
	expect_error(s, len, 2, 4, "field is longer than 1 MiB");
	free(s);
	s = repeat("city,indicator,value,note\nX,a1,1,\"", "x\n",
	    (1 << 19) + 1, "\"\n", &len);
	expect_error(s, len, 2, 4, "field is longer than 1 MiB");
	free(s);
	/* Caught while it is read: not "unterminated quoted field". */
	s = repeat("city,indicator,value,note\nX,a1,1,\"", "x", 8 << 20, "",
	    &len);
	expect_error(s, len, 2, 4, "field is longer than 1 MiB");
	free(s);
}

static void
row_over_100000_fields_is_refused(void **state)
{
	size_t len;
	char *s;

	(void)state;
	s = repeat("city,a1", ",x", 100000, "\nX,1\n", &len);
	expect_error(s, len, 1, 100001, "row has more than 100000 fields");
	free(s);
	s = repeat("city,a1\nX,1", ",", 100000, "\n", &len);
	expect_error(s, len, 2, 100001, "row has more than 100000 fields");
	free(s);
}

/*
 * RS_MAX_CELLS bounds cities times framework nodes: with a framework of
 * 2,001 nodes, city 4,998 is one too many.
 */
static void
too_many_cities_for_the_framework_is_refused(void **state)
{
	struct rs_framework big;
	struct rs_dataset ds;
	struct rs_error err = {0};
	size_t i, n = 2000, max;
	char *fwtext = malloc(64 * (n + 2)), *csv, *o;

	(void)state;
	assert_non_null(fwtext);
	o = fwtext + sprintf(fwtext, "{\"id\": \"big\", \"children\": "
	    "[{\"id\": \"A\", \"children\": [");
	for (i = 0; i < n; i++)
		o += sprintf(o, "%s{\"id\": \"i%zu\", \"worst\": 0, "
		    "\"best\": 1}", i ? ", " : "", i);
	sprintf(o, "]}]}");
	rs_framework_init(&big);
	assert_int_equal(rs_framework_load_json(&big, fwtext, strlen(fwtext),
	    "big.json", &err), 0);
	assert_int_equal(big.nnodes, n + 1);
	max = RS_MAX_CELLS / big.nnodes;
	csv = malloc(16 * (max + 2));
	assert_non_null(csv);
	o = csv + sprintf(csv, "city\n");
	for (i = 0; i <= max; i++)
		o += sprintf(o, "c%zu\n", i);
	rs_dataset_init(&ds, &big);
	assert_int_equal(rs_dataset_read_text(&ds, "many.csv", csv,
	    (size_t)(o - csv), RS_INPUT_CSV, &err), RS_EINPUT);
	assert_error_at(err, (long)max + 2, 1, "too many cities: a framework "
	    "of 2001 nodes allows 4997");
	assert_int_equal(ds.ncities, max);
	rs_dataset_release(&ds);
	rs_framework_release(&big);
	free(csv);
	free(fwtext);
}

/* A sparse file over RS_MAX_INPUT is refused before it is read. */
static void
file_over_the_size_limit_is_refused(void **state)
{
	char path[] = "/tmp/rs-big-XXXXXX";
	struct rs_dataset ds;
	struct rs_error err = {0};
	char *text;
	size_t len;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)RS_MAX_INPUT + 1), 0);
	close(fd);
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_file(&ds, path, RS_INPUT_AUTO,
	    &err), RS_EINPUT);
	assert_string_equal(err.path, path);
	assert_error_at(err, 1, 1, "file is larger than the limit of 256 MiB");
	rs_dataset_release(&ds);
	unlink(path);
	/* What is not a regular file is cut off while it is read. */
	assert_int_equal(rs_read_file_max("/dev/zero", 100000, &text, &len,
	    &err), RS_EINPUT);
	assert_error_at(err, 1, 1, "larger than the limit");
}

/* The limit holds for all the data of a run, not only per file. */
static void
data_over_the_size_limit_in_all_is_refused(void **state)
{
	static const char a[] = "city,a1\nX,1\n";
	struct rs_dataset ds;
	struct rs_error err = {0};
	char *zeros = calloc(RS_MAX_INPUT, 1);	/* pages never touched */

	(void)state;
	assert_non_null(zeros);
	read_ok(&ds, a, sizeof(a) - 1);
	assert_int_equal(rs_dataset_read_text(&ds, "b.csv", zeros,
	    RS_MAX_INPUT - (sizeof(a) - 1) + 1, RS_INPUT_CSV, &err),
	    RS_EINPUT);
	assert_error_at(err, 1, 1, "larger than the limit of 256 MiB in all");
	rs_dataset_release(&ds);
	free(zeros);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(broken_csv_gets_one_located_error),
		cmocka_unit_test(line_ends_bom_and_quoting_read_the_same),
		cmocka_unit_test(decimal_comma_hint_only_for_a_split_number),
		cmocka_unit_test(city_in_two_files_is_an_error),
		cmocka_unit_test(field_over_one_mib_is_refused),
		cmocka_unit_test(row_over_100000_fields_is_refused),
		cmocka_unit_test(too_many_cities_for_the_framework_is_refused),
		cmocka_unit_test(file_over_the_size_limit_is_refused),
		cmocka_unit_test(data_over_the_size_limit_in_all_is_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
