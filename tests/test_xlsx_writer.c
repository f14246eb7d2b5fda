/*
 * test_xlsx_writer.c - the .xlsx writer (src/io/xlsx_writer.c): cells,
 * styles and validations written as asked and read back by the sheet
 * reader; a temporary file that cannot be made, a sheet name used twice
 * and a failure passed in each give an error and leave no file.
 */
#include "test_util.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "ingest/sheet.h"
#include "io/xlsx_writer.h"

static const struct rs_cell *
cell_at(const struct rs_sheet *sh, uint32_t row, uint32_t col)
{
	size_t i;

	for (i = 0; i < sh->ncells; i++)
		if (sh->cells[i].row == row && sh->cells[i].col == col)
			return &sh->cells[i];
	return NULL;
}

/* The text of part name of the archive buf[0..len), to free. */
static char *
part_of(const char *buf, size_t len, const char *name)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_file_t *f;
	zip_stat_t st;
	char *text;

	zip_error_init(&ze);
	src = zip_source_buffer_create(buf, len, 0, &ze);
	assert_non_null(src);
	z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(z);
	assert_int_equal(zip_stat(z, name, 0, &st), 0);
	text = calloc(1, (size_t)st.size + 1);
	f = zip_fopen(z, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, text, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	zip_close(z);
	zip_error_fini(&ze);
	return text;
}

/* Each test's TMPDIR, to see that the workbook's file is removed. */
static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "%s", "/tmp/rs-xlsx-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	return setenv("TMPDIR", dir, 1);
}

static int
teardown(void **state)
{
	(void)state;
	unsetenv("TMPDIR");
	return rmdir(dir);	/* fails when a file is left in it */
}

static void
cells_and_validations_read_back(void **state)
{
	static const struct rs_xlsx_check list = {"='L'!$A$1:$A$2", 0, 0, 0,
	    0, "Pick", "one of the list", "No", "not in the list"};
	static const struct rs_xlsx_check between = {NULL, 1, 1, 0, 50,
	    "Value", "from 0 to 50", NULL, NULL};
	static const struct rs_xlsx_check at_least = {NULL, 1, 0, 10, 0,
	    "Value", "10 or more", NULL, NULL};
	static const struct rs_xlsx_check at_most = {NULL, 0, 1, 0, 99,
	    "Value", "99 or less", NULL, NULL};
	static const struct rs_xlsx_check any = {NULL, 0, 0, 0, 0, "Value",
	    "any number", NULL, NULL};
	struct rs_error err = {0};
	struct rs_xlsx *x;
	struct rs_sheet sh;
	char *buf, *xml;
	size_t len;

	(void)state;
	x = rs_xlsx_new(&err);
	assert_non_null(x);
	rs_xlsx_sheet(x, "Data", 1);
	rs_xlsx_text(x, 0, 0, "city", RS_XLSX_HEADER);
	rs_xlsx_text(x, 0, 1, "", RS_XLSX_PLAIN);	/* blank */
	rs_xlsx_text(x, 0, 2, NULL, RS_XLSX_WRAP);	/* blank */
	rs_xlsx_number(x, 1, 0, 42.5, RS_XLSX_INPUT);
	rs_xlsx_number(x, 1, 1, NAN, RS_XLSX_INPUT);	/* blank */
	rs_xlsx_width(x, 0, 20);
	rs_xlsx_freeze(x, 1, 0);
	rs_xlsx_validate(x, 1, 2, &list);
	rs_xlsx_validate(x, 1, 3, &between);
	rs_xlsx_validate(x, 1, 4, &at_least);
	rs_xlsx_validate(x, 1, 5, &at_most);
	rs_xlsx_validate(x, 1, 6, &any);
	rs_xlsx_protect(x);
	rs_xlsx_sheet(x, "L", 0);
	rs_xlsx_text(x, 0, 0, "a", RS_XLSX_PLAIN);
	assert_int_equal(rs_xlsx_close(x, 0, &buf, &len, &err), 0);

	rs_sheet_init(&sh);
	assert_int_equal(rs_sheet_read(&sh, "w.xlsx", buf, len, RS_SHEET_XLSX,
	    NULL, NULL, &err), 0);
	assert_string_equal(sh.name, "Data");
	assert_int_equal(sh.ncells, 2);
	assert_string_equal(cell_at(&sh, 1, 1)->text, "city");
	assert_false(cell_at(&sh, 2, 1)->num < 42.5 ||
	    cell_at(&sh, 2, 1)->num > 42.5);
	rs_sheet_release(&sh);

	xml = part_of(buf, len, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(xml, "rightToLeft=\"1\""));
	assert_non_null(strstr(xml, "<sheetProtection "));
	assert_non_null(strstr(xml, "<pane ySplit=\"1\""));
	assert_non_null(strstr(xml, "type=\"list\""));
	assert_non_null(strstr(xml, "<formula1>'L'!$A$1:$A$2</formula1>"));
	assert_non_null(strstr(xml, "promptTitle=\"Pick\" "
	    "prompt=\"one of the list\""));
	assert_non_null(strstr(xml, "type=\"decimal\" allowBlank=\"1\" "
	    "showInputMessage=\"1\" showErrorMessage=\"1\" promptTitle=\"Value\" "
	    "prompt=\"from 0 to 50\" sqref=\"D2\"><formula1>0</formula1>"
	    "<formula2>50</formula2>"));
	assert_non_null(strstr(xml, "operator=\"greaterThanOrEqual\""));
	assert_non_null(strstr(xml, "operator=\"lessThanOrEqual\""));
	assert_non_null(strstr(xml, "sqref=\"F2\"><formula1>99</formula1>"));
	assert_non_null(strstr(xml, "sqref=\"E2\"><formula1>10</formula1>"));
	/* any number: a prompt, no error shown */
	assert_non_null(strstr(xml, "<dataValidation allowBlank=\"1\" "
	    "showInputMessage=\"1\" promptTitle=\"Value\" prompt=\"any "
	    "number\" sqref=\"G2\"/>"));
	free(xml);
	free(buf);
}

/* The same calls give the same bytes. */
static void
same_calls_same_bytes(void **state)
{
	struct rs_error err = {0};
	struct rs_xlsx *x;
	char *buf[2];
	size_t len[2];
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		x = rs_xlsx_new(&err);
		assert_non_null(x);
		rs_xlsx_sheet(x, "S", 0);
		rs_xlsx_number(x, 0, 0, 1, RS_XLSX_PLAIN);
		assert_int_equal(rs_xlsx_close(x, 0, &buf[k], &len[k], &err),
		    0);
	}
	assert_int_equal(len[0], len[1]);
	assert_memory_equal(buf[0], buf[1], len[0]);
	free(buf[0]);
	free(buf[1]);
}

static void
temporary_file_that_cannot_be_made(void **state)
{
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(setenv("TMPDIR", "/nonexistent-dir", 1), 0);
	assert_null(rs_xlsx_new(&err));
	assert_int_equal(err.code, RS_EIO);
	assert_int_equal(err.errnum, ENOENT);
	assert_int_equal(strncmp(err.path, "/nonexistent-dir/resilience-",
	    28), 0);
	assert_string_equal(err.msg, "cannot create the workbook: No such "
	    "file or directory");
}

/* An empty TMPDIR, or one longer than 40 bytes, is passed over for /tmp. */
static void
odd_tmpdir_is_passed_over(void **state)
{
	static const char *const odd[] = {"", "/nonexistent-dir/of-a-name-"
	    "longer-than-forty-bytes"};
	struct rs_error err = {0};
	struct rs_xlsx *x;
	char *buf;
	size_t len, k;

	(void)state;
	for (k = 0; k < 2; k++) {
		assert_int_equal(setenv("TMPDIR", odd[k], 1), 0);
		x = rs_xlsx_new(&err);
		assert_non_null(x);
		assert_int_equal(rs_xlsx_close(x, 0, &buf, &len, &err), 0);
		assert_true(len > 4 && memcmp(buf, "PK\3\4", 4) == 0);
		free(buf);
	}
}

static void
sheet_name_used_twice(void **state)
{
	static const struct rs_xlsx_check any = {NULL, 0, 0, 0, 0, "T", "P",
	    NULL, NULL};
	struct rs_error err = {0};
	struct rs_xlsx *x;
	static char set[] = "x";
	char want[200];
	char *buf = set;
	size_t len = 1;

	(void)state;
	snprintf(want, sizeof(want), "cannot make the workbook: %s",
	    lxw_strerror(LXW_ERROR_SHEETNAME_ALREADY_USED));
	x = rs_xlsx_new(&err);
	assert_non_null(x);
	rs_xlsx_sheet(x, "S", 0);
	rs_xlsx_sheet(x, "S", 0);
	/* no current sheet: these do nothing */
	rs_xlsx_text(x, 0, 0, "a", RS_XLSX_PLAIN);
	rs_xlsx_number(x, 0, 1, 1, RS_XLSX_PLAIN);
	rs_xlsx_width(x, 0, 10);
	rs_xlsx_freeze(x, 1, 0);
	rs_xlsx_protect(x);
	rs_xlsx_validate(x, 0, 0, &any);
	assert_int_equal(rs_xlsx_close(x, 0, &buf, &len, &err), RS_EIO);
	assert_null(buf);
	assert_int_equal(len, 0);
	/* the library's own words for LXW_ERROR_SHEETNAME_ALREADY_USED */
	assert_string_equal(err.msg, want);
}

/* A failure of the caller's is returned and nothing is written. */
static void
failure_passed_in_writes_nothing(void **state)
{
	struct rs_error err = {0};
	struct rs_xlsx *x;
	char *buf;
	size_t len;

	(void)state;
	x = rs_xlsx_new(&err);
	assert_non_null(x);
	rs_xlsx_sheet(x, "S", 0);
	assert_int_equal(rs_xlsx_close(x, RS_EINPUT, &buf, &len, &err),
	    RS_EINPUT);
	assert_null(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(cells_and_validations_read_back,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(same_calls_same_bytes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(temporary_file_that_cannot_be_made,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(odd_tmpdir_is_passed_over,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(sheet_name_used_twice,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(failure_passed_in_writes_nothing,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
