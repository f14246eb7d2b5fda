/*
 * test_sheet.c - .xlsx and .ods files (src/ingest/sheet.c) and the data
 * readers fed by their cells
 *
 * Workbooks are written here with libxlsxwriter into the build tree, and
 * read from tests/data/sheets/, hand-made by make.py there as openpyxl,
 * LibreOffice and stranger writers lay them out, with one broken file per
 * error the reader must report.
 */
#include "test_util.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <xlsxwriter.h>

#include "io/csv_table.h"
#include "ingest/sheet.h"
#include "io/readfile.h"
#include "resilience/dataset.h"
#include "resilience/engine.h"
#include "resilience/load.h"
#include "resilience/pipeline.h"
#include "resilience/report.h"
#include "base/text.h"

#define SHEETS RS_TEST_DATA "/sheets/"

/* The bytes of a file; the caller frees them. */
static char *
slurp(const char *path, size_t *len)
{
	struct rs_error err = {0};
	char *text;

	if (rs_read_file(path, &text, len, &err) != 0) {
		print_error("%s: %s\n", path, err.msg);
		fail();
	}
	return text;
}

/* A path in the scratch folder of these tests. */
static const char *
tmp(const char *name)
{
	static char buf[4][1024];
	static int k;

	mkdir(RS_TEST_TMP, 0777);
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", RS_TEST_TMP, name);
	return buf[k];
}

/*
 * Write a workbook with one sheet per entry of sheets[], each a list of
 * rows ending with NULL, a row being cells separated by '|': "s:text",
 * "n:number", "b:1", "d:2019-03-31" (a date), "t:10:30" (a time of day),
 * "p:0.19" (a percentage), "f:=5*5:25" (a formula and its result), ""
 * for an empty cell.  constant_memory writes inline strings.
 */
struct sheet_spec {
	const char *name;
	const char *const *rows;
	int hidden;
};

static double
num(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	assert_true(end != s);
	return v;
}

/* The number formats of one workbook. */
struct formats {
	lxw_format *date, *time, *pct;
};

static void
write_cell(const struct formats *f, lxw_worksheet *ws, lxw_row_t r,
    lxw_col_t c, const char *cell)
{
	const char *v = cell + 2;

	switch (cell[0]) {
	case 's':
		worksheet_write_string(ws, r, c, v, NULL);
		break;
	case 'n':
		worksheet_write_number(ws, r, c, num(v), NULL);
		break;
	case 'p':
		worksheet_write_number(ws, r, c, num(v), f->pct);
		break;
	case 'b':
		worksheet_write_boolean(ws, r, c, v[0] == '1', NULL);
		break;
	case 'd': {
		lxw_datetime dt = {0};

		dt.year = (int)num(v);
		dt.month = (uint8_t)num(v + 5);
		dt.day = (uint8_t)num(v + 8);
		worksheet_write_datetime(ws, r, c, &dt, f->date);
		break;
	}
	case 't': {
		lxw_datetime dt = {0};

		dt.hour = (uint8_t)num(v);
		dt.min = (uint8_t)num(v + 3);
		worksheet_write_datetime(ws, r, c, &dt, f->time);
		break;
	}
	case 'f': {
		char formula[64];
		const char *colon = strrchr(v, ':');

		snprintf(formula, sizeof(formula), "%.*s", (int)(colon - v), v);
		worksheet_write_formula_num(ws, r, c, formula, NULL,
		    num(colon + 1));
		break;
	}
	default:
		break;
	}
}

static void
write_book(const char *path, const struct sheet_spec *sheets, size_t n,
    int constant_memory)
{
	static char tmpdir[] = RS_TEST_TMP;
	lxw_workbook_options opt = {0};
	struct formats f;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	char cell[256];
	const char *p, *bar;
	size_t i, k;
	lxw_row_t r;
	lxw_col_t c;

	opt.constant_memory = (uint8_t)constant_memory;
	opt.tmpdir = tmpdir;
	mkdir(RS_TEST_TMP, 0777);
	wb = workbook_new_opt(path, &opt);
	assert_non_null(wb);
	f.date = workbook_add_format(wb);
	format_set_num_format(f.date, "yyyy-mm-dd");
	f.time = workbook_add_format(wb);
	format_set_num_format(f.time, "hh:mm");
	f.pct = workbook_add_format(wb);
	format_set_num_format(f.pct, "0%");
	for (i = 0; i < n; i++) {
		ws = workbook_add_worksheet(wb, sheets[i].name);
		for (r = 0; sheets[i].rows[r] != NULL; r++) {
			for (c = 0, p = sheets[i].rows[r];; c++, p = bar + 1) {
				bar = strchr(p, '|');
				k = bar != NULL ? (size_t)(bar - p) : strlen(p);
				snprintf(cell, sizeof(cell), "%.*s", (int)k, p);
				if (k > 0)
					write_cell(&f, ws, r, c, cell);
				if (bar == NULL)
					break;
			}
		}
		if (sheets[i].hidden)
			worksheet_hide(ws);
	}
	if (n > 1 && sheets[0].hidden)
		worksheet_activate(workbook_get_worksheet_by_name(wb,
		    sheets[1].name));
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* One sheet, with or without inline strings. */
static void
write_one(const char *path, const char *const *rows, int constant_memory)
{
	struct sheet_spec s = {"Sheet1", rows, 0};

	write_book(path, &s, 1, constant_memory);
}

/* Read the sheet of file path, named name in messages. */
static int
read_sheet(struct rs_sheet *sh, const char *path, const char *name,
    const char *sheet, const struct rs_sheet_limits *lim,
    struct rs_error *err)
{
	size_t len;
	char *data = slurp(path, &len);
	int rc;

	rs_sheet_init(sh);
	rc = rs_sheet_read(sh, name, data, len, RS_SHEET_ANY, sheet, lim,
	    err);
	free(data);
	return rc;
}

static const struct rs_cell *
cell_at(const struct rs_sheet *sh, uint32_t row, uint32_t col)
{
	size_t i;

	for (i = 0; i < sh->ncells; i++)
		if (sh->cells[i].row == row && sh->cells[i].col == col)
			return &sh->cells[i];
	return NULL;
}

static void
assert_same_double(double a, double b)
{
	if (memcmp(&a, &b, sizeof(a)) != 0) {
		print_error("%.17g != %.17g\n", a, b);
		fail();
	}
}

#define assert_cell(sh, r, c, k, text_)                                    \
	do {                                                                \
		const struct rs_cell *c_ = cell_at((sh), (r), (c));         \
		assert_non_null(c_);                                        \
		assert_int_equal(c_->kind, (k));                            \
		if ((text_) != NULL)                                        \
			assert_string_equal(c_->text, (const char *)(text_));\
	} while (0)

/* The formatted error line, for exact comparisons. */
static const char *
line(const struct rs_error *err)
{
	static char buf[1200];

	return rs_error_format(err, buf, sizeof(buf));
}

/* --- the cells ------------------------------------------------------- */

static const char *const kinds_rows[] = {
	"s:caf\xc3\xa9 |s: x|n:0.1|b:1|b:0|d:2019-03-31|t:10:30|f:=1+1:2|p:0.19"
	    "||n:12.3456789012345|n:-1e-300",
	"|||s:   |n:2019",
	NULL,
};

static void
check_kinds(const struct rs_sheet *sh, int inline_strings)
{
	const struct rs_cell *c;

	(void)inline_strings;
	assert_string_equal(sh->name, "Sheet1");
	assert_string_equal(sh->label, "k.xlsx:Sheet1");
	assert_cell(sh, 1, 1, RS_CELL_TEXT, "caf\xc3\xa9 ");
	assert_cell(sh, 1, 2, RS_CELL_TEXT, " x");
	assert_cell(sh, 1, 3, RS_CELL_NUMBER, NULL);
	assert_same_double(cell_at(sh, 1, 3)->num, 0.1);
	assert_cell(sh, 1, 4, RS_CELL_BOOL, NULL);
	assert_same_double(cell_at(sh, 1, 4)->num, 1);
	assert_same_double(cell_at(sh, 1, 5)->num, 0);
	assert_cell(sh, 1, 6, RS_CELL_DATE, "2019-03-31");
	assert_same_double(cell_at(sh, 1, 6)->num, 2019);
	/* A time of day alone: text, and no year. */
	assert_cell(sh, 1, 7, RS_CELL_DATE, "10:30:00");
	assert_nan(cell_at(sh, 1, 7)->num);
	assert_cell(sh, 1, 8, RS_CELL_NUMBER, NULL);	/* the result */
	assert_same_double(cell_at(sh, 1, 8)->num, 2);
	c = cell_at(sh, 1, 9);
	assert_int_equal(c->kind, RS_CELL_NUMBER);
	assert_int_equal(c->percent, 1);
	assert_same_double(c->num, 0.19);
	assert_null(cell_at(sh, 1, 10));		/* empty */
	assert_same_double(cell_at(sh, 1, 11)->num, 12.3456789012345);
	assert_same_double(cell_at(sh, 1, 12)->num, -1e-300);
	assert_null(cell_at(sh, 2, 1));
	assert_cell(sh, 2, 4, RS_CELL_TEXT, "   ");
	assert_cell(sh, 2, 5, RS_CELL_NUMBER, NULL);
	assert_int_equal(sh->ncells, 13);
}

static void
xlsx_cells_of_every_kind_with_shared_strings(void **state)
{
	struct rs_sheet sh;
	struct rs_error err = {0};

	(void)state;
	write_one(tmp("kinds.xlsx"), kinds_rows, 0);
	assert_int_equal(read_sheet(&sh, tmp("kinds.xlsx"), "k.xlsx", NULL,
	    NULL, &err), 0);
	assert_int_equal(sh.kind, RS_SHEET_XLSX);
	check_kinds(&sh, 0);
	rs_sheet_release(&sh);
}

static void
xlsx_cells_of_every_kind_with_inline_strings(void **state)
{
	struct rs_sheet sh;
	struct rs_error err = {0};
	size_t len;
	char *data;

	(void)state;
	write_one(tmp("kinds-inline.xlsx"), kinds_rows, 1);
	/* constant_memory mode writes t="inlineStr" and no shared strings */
	data = slurp(tmp("kinds-inline.xlsx"), &len);
	free(data);
	assert_int_equal(read_sheet(&sh, tmp("kinds-inline.xlsx"), "k.xlsx",
	    NULL, NULL, &err), 0);
	check_kinds(&sh, 1);
	rs_sheet_release(&sh);
}

static void
ods_repeats_and_value_types(void **state)
{
	struct rs_sheet sh;
	struct rs_error err = {0};
	const struct rs_cell *c;
	uint32_t col;

	(void)state;
	assert_int_equal(read_sheet(&sh, SHEETS "small.ods", "s.ods", "KINDS",
	    NULL, &err), 0);
	assert_int_equal(sh.kind, RS_SHEET_ODS);
	assert_string_equal(sh.name, "Kinds");
	assert_string_equal(sh.label, "s.ods:Kinds");
	assert_int_equal(sh.ncells, 18);
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "k");
	for (col = 2; col <= 4; col++)		/* columns-repeated="3" */
		assert_same_double(cell_at(&sh, 1, col)->num, 7);
	assert_null(cell_at(&sh, 1, 5));
	assert_same_double(cell_at(&sh, 1, 7)->num, 8);
	assert_cell(&sh, 2, 1, RS_CELL_TEXT, "r");	/* rows-repeated="2" */
	assert_cell(&sh, 3, 1, RS_CELL_TEXT, "r");
	assert_same_double(cell_at(&sh, 3, 2)->num, 1.5);
	c = cell_at(&sh, 7, 1);
	assert_int_equal(c->kind, RS_CELL_NUMBER);
	assert_int_equal(c->percent, 1);
	assert_same_double(c->num, 0.19);
	assert_cell(&sh, 7, 2, RS_CELL_BOOL, NULL);
	assert_same_double(cell_at(&sh, 7, 2)->num, 1);
	assert_cell(&sh, 7, 3, RS_CELL_DATE, "2020-02-29T10:30:00");
	assert_same_double(cell_at(&sh, 7, 3)->num, 2020);
	assert_same_double(cell_at(&sh, 7, 4)->num, -2.25);
	assert_cell(&sh, 7, 5, RS_CELL_ERROR, "#DIV/0!");
	assert_cell(&sh, 7, 6, RS_CELL_TEXT, "two\nlines\tand   gaps");
	assert_cell(&sh, 7, 7, RS_CELL_TEXT, "10:30");
	/* Seventeen digits: the very double, not one near it. */
	assert_same_double(cell_at(&sh, 8, 2)->num, 0.1 + 0.2);
	rs_sheet_release(&sh);
}

static void
ods_first_table_and_annotations(void **state)
{
	struct rs_sheet sh;
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(read_sheet(&sh, SHEETS "small.ods", "s.ods", NULL,
	    NULL, &err), 0);
	assert_string_equal(sh.name, "Data");
	/* A comment is not the cell's text; an empty cell with one is. */
	assert_null(cell_at(&sh, 2, 6));
	assert_cell(&sh, 2, 5, RS_CELL_TEXT, "survey");
	assert_cell(&sh, 6, 5, RS_CELL_TEXT, "not collected");
	assert_cell(&sh, 3, 4, RS_CELL_DATE, "2019-03-31");
	/* 12 rows of 4 or 5 cells; the million empty rows cost nothing. */
	assert_int_equal(sh.ncells, 5 + 6 * 5 - 1 + 5 * 4);
	rs_sheet_release(&sh);
}

static void
xlsx_unusual_relationships_and_markup(void **state)
{
	struct rs_sheet sh;
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(read_sheet(&sh, SHEETS "small-odd.xlsx", "o.xlsx",
	    NULL, NULL, &err), 0);
	/* The hidden first sheet is passed over. */
	assert_string_equal(sh.name, "Data 2019");
	assert_string_equal(sh.label, "o.xlsx:'Data 2019'");
	/* A phonetic run is not text; _x0063_ is 'c'; runs join. */
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "city");
	assert_cell(&sh, 1, 5, RS_CELL_TEXT, "source");
	assert_cell(&sh, 2, 5, RS_CELL_TEXT, "survey");
	assert_cell(&sh, 6, 5, RS_CELL_TEXT, "not collected");
	/* The 1904 date system: serial 42093 is 2019-03-31. */
	assert_cell(&sh, 4, 4, RS_CELL_DATE, "2019-03-31");
	/* Cells in reverse order and cells without references. */
	assert_cell(&sh, 3, 1, RS_CELL_TEXT, "X");
	assert_cell(&sh, 3, 3, RS_CELL_TEXT, "25");
	assert_cell(&sh, 5, 2, RS_CELL_TEXT, "b2");
	assert_same_double(cell_at(&sh, 5, 3)->num, 5);
	rs_sheet_release(&sh);
	assert_int_equal(read_sheet(&sh, SHEETS "small-odd.xlsx", "o.xlsx",
	    "notes", NULL, &err), 0);
	assert_string_equal(sh.name, "Notes");
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "notes");
	rs_sheet_release(&sh);
}

static void
xlsx_hidden_sheet_skipped_and_sheet_by_name(void **state)
{
	static const char *const hidden[] = {"s:lists", NULL};
	static const char *const data[] = {"s:city|s:a1", "s:X|n:1", NULL};
	static const char *const more[] = {"s:city|s:a1", "s:Y|n:2", NULL};
	const struct sheet_spec sheets[] = {
		{"Lists", hidden, 1}, {"Data", data, 0}, {"More", more, 0},
	};
	struct rs_sheet sh;
	struct rs_error err = {0};

	(void)state;
	write_book(tmp("three.xlsx"), sheets, 3, 0);
	assert_int_equal(read_sheet(&sh, tmp("three.xlsx"), "t.xlsx", NULL,
	    NULL, &err), 0);
	assert_string_equal(sh.name, "Data");
	rs_sheet_release(&sh);
	assert_int_equal(read_sheet(&sh, tmp("three.xlsx"), "t.xlsx", "more",
	    NULL, &err), 0);
	assert_string_equal(sh.name, "More");
	assert_cell(&sh, 2, 1, RS_CELL_TEXT, "Y");
	rs_sheet_release(&sh);
	assert_int_equal(read_sheet(&sh, tmp("three.xlsx"), "t.xlsx", "lists",
	    NULL, &err), 0);
	assert_string_equal(sh.name, "Lists");
	rs_sheet_release(&sh);
	assert_int_equal(read_sheet(&sh, tmp("three.xlsx"), "t.xlsx", "Datum",
	    NULL, &err), RS_EINPUT);
	assert_string_equal(line(&err), "t.xlsx:1:1: no sheet \"Datum\" in the "
	    "workbook (its sheets: \"Lists\", \"Data\", \"More\")");
	rs_sheet_release(&sh);
}

static void
parts_in_memory_read_as_an_archive_would(void **state)
{
	static const char rels[] =
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\"><Relationship Id=\"r1\" Type=\"http://"
	    "schemas.openxmlformats.org/officeDocument/2006/relationships/"
	    "worksheet\" Target=\"s.xml\"/></Relationships>";
	static const char book[] =
	    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships\"><sheets><sheet name=\"S\" "
	    "sheetId=\"1\" r:id=\"r1\"/></sheets></workbook>";
	static const char sheet[] =
	    "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>city</t>"
	    "</is></c><c t=\"b\"><v>1</v></c></row></sheetData></worksheet>";
	const struct rs_sheet_part parts[] = {
		{"XL/Workbook.xml", book, sizeof(book) - 1},
		{"xl/_rels/workbook.xml.rels", rels, sizeof(rels) - 1},
		{"xl/s.xml", sheet, sizeof(sheet) - 1},
	};
	struct rs_sheet sh;
	struct rs_error err = {0};

	(void)state;
	/* No package relationships, names in another case, no namespace. */
	rs_sheet_init(&sh);
	assert_int_equal(rs_sheet_read_parts(&sh, "p.xlsx", parts, 3,
	    RS_SHEET_ANY, NULL, NULL, &err), 0);
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "city");
	assert_cell(&sh, 1, 2, RS_CELL_BOOL, NULL);
	rs_sheet_release(&sh);
	assert_int_equal(rs_sheet_read_parts(&sh, "p.xlsx", parts, 2,
	    RS_SHEET_ANY, NULL, NULL, &err), RS_EINPUT);
	assert_string_equal(line(&err), "p.xlsx:1:1: missing part xl/s.xml: "
	    "the workbook is incomplete or not an .xlsx file");
	rs_sheet_release(&sh);
}

/* --- the data readers -------------------------------------------------- */

/* The JSON report of the data read into ds. */
static char *
json_of(struct rs_dataset *ds)
{
	size_t n = ds->ncities * small_fw.nindicators, i, len;
	size_t *chosen = calloc(n + 1, sizeof(size_t));
	double *values = calloc(n + 1, sizeof(double));
	const char **names = calloc(ds->ncities + 1, sizeof(char *));
	struct rs_results res;
	struct rs_report r = {0};
	struct rs_error err = {0};
	char *buf = NULL;
	FILE *mem = open_memstream(&buf, &len);

	rs_dataset_select(ds, 0, 0, chosen);
	for (i = 0; i < n; i++)
		values[i] = chosen[i] == RS_NONE ? (double)NAN :
		    rs_dataset_obs(ds, chosen[i])->value;
	for (i = 0; i < ds->ncities; i++)
		names[i] = ds->cities[i].name;
	rs_engine_score(&small_fw, ds->ncities, names, values, &res);
	r.fw = &small_fw;
	r.res = &res;
	r.ds = ds;
	r.chosen = chosen;
	r.top = 5;
	assert_int_equal(rs_report_json(mem, &r, &err), 0);
	fclose(mem);
	rs_results_release(&res);
	free(chosen);
	free(values);
	free(names);
	return buf;
}

/* Read text (CSV) and the workbook at path; both must give the same. */
static void
same_as_csv(const char *csv, const char *path, const char *sheet)
{
	struct rs_dataset a, b;
	struct rs_error err = {0};
	char *ja, *jb;
	size_t i;

	rs_dataset_init(&a, &small_fw);
	rs_dataset_init(&b, &small_fw);
	assert_int_equal(rs_dataset_read_text(&a, "in.csv", csv, strlen(csv),
	    RS_INPUT_AUTO, &err), 0);
	if (rs_dataset_read_file_sheet(&b, path, RS_INPUT_AUTO, sheet,
	    &err) != 0) {
		print_error("%s\n", line(&err));
		fail();
	}
	assert_int_equal(a.ncities, b.ncities);
	assert_int_equal(a.nobs, b.nobs);
	for (i = 0; i < a.nobs; i++) {
		assert_same_double(a.obs[i].value, b.obs[i].value);
		assert_int_equal(a.obs[i].city, b.obs[i].city);
		assert_int_equal(a.obs[i].indicator, b.obs[i].indicator);
		assert_int_equal(a.obs[i].has_year, b.obs[i].has_year);
		assert_int_equal(a.obs[i].year, b.obs[i].year);
		assert_int_equal(a.obs[i].line, b.obs[i].line);
		assert_int_equal(a.obs[i].col, b.obs[i].col);
		assert_int_equal(a.obs[i].nextra, b.obs[i].nextra);
	}
	for (i = 0; i < a.nextras; i++)
		assert_string_equal(a.extras[i].value, b.extras[i].value);
	for (i = 0; i < a.ncities; i++)
		assert_string_equal(a.cities[i].name, b.cities[i].name);
	ja = json_of(&a);
	jb = json_of(&b);
	assert_string_equal(ja, jb);
	free(ja);
	free(jb);
	rs_dataset_release(&a);
	rs_dataset_release(&b);
}

static void
hand_made_workbooks_score_as_the_csv(void **state)
{
	size_t len;
	char *csv = slurp(RS_TEST_DATA "/small.csv", &len);

	(void)state;
	same_as_csv(csv, SHEETS "small-openpyxl.xlsx", NULL);
	same_as_csv(csv, SHEETS "small-odd.xlsx", NULL);
	same_as_csv(csv, SHEETS "small.ods", NULL);
	same_as_csv(csv, SHEETS "small.ods", "data");
	free(csv);
}

static void
long_layout_from_libxlsxwriter_as_csv(void **state)
{
	static const char *const rows[] = {
		"", "s:city|s:indicator|s:value|s:year|s:source",
		"s:X|s:a1|n:40|d:2019-06-30|s:survey",
		"s:X|s:a2|f:=5*5:25|n:2019|n:2021",
		"s:X|s:b1|s: 25 |n:2018|b:1",
		"s:X|s:b2|b:1|n:2019|d:2020-01-02",
		"s:X|s:b3|s:NA|n:2019|s:not collected",
		"", "s:Y|s:a1|n:12.3456789012345|n:2019|",
		"s:Z|s:a1|n:0.1||", NULL,
	};
	/* The same rows, blank ones too, so that positions agree. */
	static const char csv[] =
	    "\n"
	    "city,indicator,value,year,source\n"
	    "X,a1,40,2019,survey\n"
	    "X,a2,25,2019,2021\n"
	    "X,b1,25,2018,TRUE\n"
	    "X,b2,1,2019,2020-01-02\n"
	    "X,b3,NA,2019,not collected\n"
	    "\n"
	    "Y,a1,12.3456789012345,2019,\n"
	    "Z,a1,0.1,,\n";

	(void)state;
	write_one(tmp("long.xlsx"), rows, 0);
	same_as_csv(csv, tmp("long.xlsx"), NULL);
	write_one(tmp("long-inline.xlsx"), rows, 1);
	same_as_csv(csv, tmp("long-inline.xlsx"), NULL);
}

static void
wide_layout_from_libxlsxwriter_as_csv(void **state)
{
	static const char *const rows[] = {
		"s:city|s:year|s:a1|s:a2|s:b1|s:b2|s:b3",
		"s:X|n:2019|n:40|n:25|n:25|n:5|",
		"s:Y|n:2019|n:100|s:NA||s:N/A|",
		"n:101|d:2020-12-31|n:0|n:100|n:10|n:0|n:0", NULL,
	};
	static const char csv[] =
	    "city,year,a1,a2,b1,b2,b3\n"
	    "X,2019,40,25,25,5,\n"
	    "Y,2019,100,NA,,N/A,\n"
	    "101,2020,0,100,10,0,0\n";

	(void)state;
	write_one(tmp("wide.xlsx"), rows, 0);
	same_as_csv(csv, tmp("wide.xlsx"), NULL);
	write_one(tmp("wide-inline.xlsx"), rows, 1);
	same_as_csv(csv, tmp("wide-inline.xlsx"), NULL);
}

/* The data of rows as a sheet must fail with exactly want. */
static void
data_fails(const char *const *rows, const char *want)
{
	struct rs_dataset ds;
	struct rs_error err = {0};
	size_t len;
	char *data;

	write_one(tmp("bad.xlsx"), rows, 0);
	data = slurp(tmp("bad.xlsx"), &len);
	rs_dataset_init(&ds, &small_fw);
	if (rs_dataset_read_text_sheet(&ds, "data.xlsx", data, len,
	    RS_INPUT_AUTO, NULL, &err) != RS_EINPUT ||
	    strcmp(line(&err), want) != 0) {
		print_error("got  %s\nwant %s\n", line(&err), want);
		fail();
	}
	rs_dataset_release(&ds);
	free(data);
}

static void
data_errors_are_located_at_the_cell(void **state)
{
	static const char *const unknown[] = {
		"s:city|s:indicator|s:value", "s:X|s:a1|n:1",
		"s:X|s:a_1|n:2", NULL};
	static const char *const far[] = {
		"s:city|s:indicator|s:value", "s:X|s:a1|n:1",
		"s:X|s:a2|n:2|||||||||||||||||||||||s:x", NULL};
	static const char *const pct[] = {
		"s:city|s:indicator|s:value", "s:X|s:a1|p:0.19", NULL};
	static const char *const date[] = {
		"s:city|s:a1", "s:X|d:2019-03-31", NULL};
	static const char *const dup[] = {
		"s:city|s:indicator|s:value|s:year", "s:X|s:a1|n:1|n:2019",
		"s:X|s:a1|n:2|d:2019-12-31", NULL};
	static const char *const year[] = {
		"s:city|s:indicator|s:value|s:year", "s:X|s:a1|n:1|n:2019.5",
		NULL};
	static const char *const domain[] = {
		"s:city|s:b1", "s:X|n:51", NULL};
	static const char *const text[] = {
		"s:city|s:b1", "s:X|s:12,5", NULL};
	static const char *const header[] = {
		"s:city||s:b1", NULL};
	static const char *const empty[] = {"", "s:  ", NULL};
	static const char *const none[] = {"s:name|s:other", NULL};

	(void)state;
	data_fails(unknown, "data.xlsx:Sheet1!B3: unknown indicator \"a_1\"; "
	    "did you mean \"a1\"?");
	data_fails(far, "data.xlsx:Sheet1!Z3: cell outside the table: the "
	    "header's last column is C");
	data_fails(pct, "data.xlsx:Sheet1!C2: value 19% is a cell formatted "
	    "as a percentage, but \"a1\" is measured in no unit, not in "
	    "percent: format the cell as a number");
	data_fails(date, "data.xlsx:Sheet1!B2: value is the date 2019-03-31, "
	    "not a number");
	data_fails(dup, "data.xlsx:Sheet1!C3: duplicate value of \"a1\" for "
	    "city \"X\" in 2019 (first given at data.xlsx:Sheet1!C2)");
	data_fails(year, "data.xlsx:Sheet1!D2: year \"2019.5\" is not a whole "
	    "number from 1 to 9999");
	data_fails(domain, "data.xlsx:Sheet1!B2: value 51 of \"b1\" is above "
	    "its maximum 50");
	data_fails(text, "data.xlsx:Sheet1!B2: value \"12,5\" is not a number: "
	    "use '.' as the decimal point and no thousands separator");
	data_fails(header, "data.xlsx:Sheet1!B1: empty column name in the "
	    "header");
	data_fails(empty, "data.xlsx:Sheet1!A1: empty sheet: no header row");
	data_fails(none, "data.xlsx:Sheet1!A1: missing required column "
	    "\"indicator\" (long layout) or \"city\" (wide layout)");
}

static void
percent_cells_for_percent_units(void **state)
{
	static const char fw_json[] =
	    "{\"id\": \"p\", \"children\": [{\"id\": \"A\", \"children\": ["
	    "{\"id\": \"x\", \"worst\": 0, \"best\": 100, \"unit\": \"%\"},"
	    "{\"id\": \"y\", \"worst\": 0, \"best\": 1, \"unit\": \"ratio\"}"
	    "]}]}";
	static const char *const ok[] = {
		"s:city|s:x", "s:X|p:0.07", "s:Y|p:0.19", "s:Z|n:19", NULL};
	static const char *const bad[] = {"s:city|s:y", "s:X|p:0.5", NULL};
	struct rs_framework fw;
	struct rs_dataset ds;
	struct rs_error err = {0};
	char buf[48];

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_framework_load_json(&fw, fw_json,
	    sizeof(fw_json) - 1, "p.json", &err), 0);
	write_one(tmp("pct.xlsx"), ok, 0);
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_file_sheet(&ds, tmp("pct.xlsx"),
	    RS_INPUT_AUTO, NULL, &err), 0);
	assert_int_equal(rs_dataset_count(&ds), 3);
	/*
	 * The percentage, not the fraction times 100 (7.000000000000001),
	 * in the matrix of cities X, Y, Z by indicators x, y.
	 */
	assert_same_double(rs_dataset_dense(&ds)[0], 7);
	assert_same_double(rs_dataset_dense(&ds)[2], 19);
	assert_same_double(rs_dataset_dense(&ds)[4], 19);
	rs_dataset_release(&ds);
	write_one(tmp("pct-bad.xlsx"), bad, 0);
	rs_dataset_init(&ds, &fw);
	assert_int_equal(rs_dataset_read_file_sheet(&ds, tmp("pct-bad.xlsx"),
	    RS_INPUT_AUTO, NULL, &err), RS_EINPUT);
	assert_non_null(strstr(line(&err), "pct-bad.xlsx:Sheet1!B2: value 50% "
	    "is a cell formatted as a percentage, but \"y\" is measured in "
	    "\"ratio\", not in percent: format the cell as a number"));
	rs_dataset_release(&ds);
	rs_framework_release(&fw);
	assert_string_equal(rs_sheet_percent_text(buf, 0.19), "19");
	assert_string_equal(rs_sheet_percent_text(buf, 0.07), "7");
	assert_string_equal(rs_sheet_percent_text(buf, 0.005), "0.5");
	assert_string_equal(rs_sheet_percent_text(buf, 1), "100");
	assert_string_equal(rs_sheet_percent_text(buf, 12.5), "1250");
	assert_string_equal(rs_sheet_percent_text(buf, -0.0123), "-1.23");
	assert_string_equal(rs_sheet_percent_text(buf, 1e-9), "0.0000001");
	assert_string_equal(rs_sheet_percent_text(buf, 1e-12), "1e-10");
	assert_string_equal(rs_sheet_percent_text(buf, 0), "0");
}

static void
city_defined_in_csv_and_sheet(void **state)
{
	static const char *const rows[] = {"s:city|s:a1", "s:X|n:2", NULL};
	struct rs_dataset ds;
	struct rs_error err = {0};

	(void)state;
	write_one(tmp("city.xlsx"), rows, 0);
	rs_dataset_init(&ds, &small_fw);
	assert_int_equal(rs_dataset_read_file_sheet(&ds, tmp("city.xlsx"),
	    RS_INPUT_XLSX, NULL, &err), 0);
	assert_int_equal(rs_dataset_read_text(&ds, "b.csv", "city,a1\nX,1\n",
	    12, RS_INPUT_AUTO, &err), RS_EINPUT);
	assert_true(strstr(line(&err), "b.csv:2:1: city \"X\" is already "
	    "defined at ") != NULL);
	assert_true(strstr(line(&err), "city.xlsx:Sheet1!A2") != NULL);
	rs_dataset_release(&ds);
}

static void
long_sheet_without_city_takes_the_file_name(void **state)
{
	static const char *const rows[] = {
		"s:indicator|s:value", "s:a1|n:3", NULL};
	struct rs_dataset ds;
	struct rs_error err = {0};

	(void)state;
	write_one(tmp("tripoli.xlsx"), rows, 0);
	rs_dataset_init(&ds, &small_fw);
	assert_int_equal(rs_dataset_read_file_sheet(&ds, tmp("tripoli.xlsx"),
	    RS_INPUT_AUTO, NULL, &err), 0);
	assert_int_equal(ds.ncities, 1);
	assert_string_equal(ds.cities[0].name, "tripoli");
	assert_string_equal(ds.files[0] + strlen(ds.files[0]) -
	    strlen("tripoli.xlsx:Sheet1"), "tripoli.xlsx:Sheet1");
	rs_dataset_release(&ds);
}

/* --- broken workbooks -------------------------------------------------- */

static void
every_broken_file_gives_one_located_line(void **state)
{
	static const struct {
		const char *file, *sheet;
		int format;
		const char *want;
	} cases[] = {
		{"bad-xml.xlsx", NULL, RS_INPUT_AUTO, "bad-xml.xlsx:xl/"
		    "worksheets/sheet1.xml:5:32: malformed XML (mismatched "
		    "tag)"},
		{"missing-part.xlsx", NULL, RS_INPUT_AUTO, "missing-part.xlsx:"
		    "1:1: missing part xl/worksheets/sheet1.xml: the workbook "
		    "is incomplete or not an .xlsx file"},
		{"doctype.xlsx", NULL, RS_INPUT_AUTO, "doctype.xlsx:xl/"
		    "workbook.xml:2:20: a document type declaration is not "
		    "allowed here"},
		{"bad-sst.xlsx", NULL, RS_INPUT_AUTO, "bad-sst.xlsx:Sheet1!B2: "
		    "shared string \"2\" does not exist (the workbook has 2)"},
		{"bad-ref.xlsx", NULL, RS_INPUT_AUTO, "bad-ref.xlsx:xl/"
		    "worksheets/sheet1.xml:2:289: bad cell reference \"A0\""},
		{"formula.xlsx", NULL, RS_INPUT_AUTO, "formula.xlsx:Sheet1!B2: "
		    "formula without a saved result: open the file in a "
		    "spreadsheet program and save it again"},
		{"twice.xlsx", NULL, RS_INPUT_AUTO, "twice.xlsx:Sheet1!A2: the "
		    "cell is given twice in the sheet's XML"},
		{"no-rel.xlsx", NULL, RS_INPUT_AUTO, "no-rel.xlsx:1:1: sheet "
		    "\"Sheet1\" has no relationship \"rId1\" in the workbook's "
		    "relationships"},
		{"crc.xlsx", NULL, RS_INPUT_AUTO, "crc.xlsx:1:1: cannot read "
		    "part xl/worksheets/sheet1.xml: its data does not match its "
		    "checksum (CRC)"},
		{"not-a-sheet.zip", NULL, RS_INPUT_AUTO, "not-a-sheet.zip:1:1: "
		    "ZIP archive is neither an .xlsx nor an .ods spreadsheet "
		    "(it has no xl/workbook.xml or content.xml)"},
		{"text.odt", NULL, RS_INPUT_AUTO, "text.odt:1:1: the "
		    "OpenDocument file is \"application/vnd.oasis.opendocument."
		    "text\", not a spreadsheet"},
		{"bad-value.ods", NULL, RS_INPUT_AUTO, "bad-value.ods:S!B2: "
		    "cell value \"1,5\" is not a number"},
		{"wide-repeat.ods", NULL, RS_INPUT_AUTO, "wide-repeat.ods:S!"
		    "XFD2: the sheet has more than 16384 columns"},
		{"tall-repeat.ods", NULL, RS_INPUT_AUTO, "tall-repeat.ods:S!"
		    "1048576:1048576: the sheet has more than 1048576 rows"},
		{"small-odd.xlsx", "Chart", RS_INPUT_AUTO, "small-odd.xlsx:1:1: "
		    "sheet \"Chart\" is not a worksheet (a chart sheet?)"},
		{"small-odd.xlsx", "x", RS_INPUT_AUTO, "small-odd.xlsx:1:1: no "
		    "sheet \"x\" in the workbook (its sheets: \"Notes\", "
		    "\"Data 2019\", \"Chart\")"},
		{"small.ods", "x", RS_INPUT_AUTO, "small.ods:1:1: no sheet "
		    "\"x\" in the workbook (its sheets: \"Data\", \"Kinds\")"},
		{"small.ods", NULL, RS_INPUT_XLSX, "small.ods:1:1: file is an "
		    ".ods spreadsheet, not .xlsx"},
		{"small-openpyxl.xlsx", NULL, RS_INPUT_ODS, "small-openpyxl."
		    "xlsx:1:1: file is an .xlsx spreadsheet, not .ods"},
		{"make.py", NULL, RS_INPUT_XLSX, "make.py:1:1: file is not a "
		    "ZIP archive, so not an .xlsx spreadsheet"},
		{"small.ods", NULL, RS_INPUT_CSV, "small.ods:1:1: file is a ZIP "
		    "archive (an .xlsx or .ods spreadsheet?), not CSV or JSON "
		    "text"},
	};
	struct rs_dataset ds;
	struct rs_error err;
	char path[512], *data;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		snprintf(path, sizeof(path), SHEETS "%s", cases[i].file);
		data = slurp(path, &len);
		rs_error_clear(&err);
		rs_dataset_init(&ds, &small_fw);
		assert_int_equal(rs_dataset_read_text_sheet(&ds, cases[i].file,
		    data, len, (enum rs_input_format)cases[i].format,
		    cases[i].sheet, &err), RS_EINPUT);
		if (strcmp(line(&err), cases[i].want) != 0) {
			print_error("case %zu\ngot  %s\nwant %s\n", i,
			    line(&err), cases[i].want);
			fail();
		}
		rs_dataset_release(&ds);
		free(data);
	}
}

static void
truncated_and_damaged_archives_are_rejected(void **state)
{
	struct rs_sheet sh;
	struct rs_error err;
	size_t len, n, k;
	char *data = slurp(SHEETS "small-openpyxl.xlsx", &len);
	char *copy = malloc(len);
	int rc;

	(void)state;
	for (n = 0; n < len; n++) {
		rs_error_clear(&err);
		rs_sheet_init(&sh);
		rc = rs_sheet_read(&sh, "t.xlsx", data, n, RS_SHEET_ANY, NULL,
		    NULL, &err);
		assert_int_equal(rc, RS_EINPUT);
		assert_true(err.line >= 1);
		rs_sheet_release(&sh);
	}
	/* Every byte changed in turn: an error or a sheet, never a crash. */
	for (k = 0; k < len; k++) {
		memcpy(copy, data, len);
		copy[k] = (char)(copy[k] ^ 0x5A);
		rs_error_clear(&err);
		rs_sheet_init(&sh);
		rc = rs_sheet_read(&sh, "t.xlsx", copy, len, RS_SHEET_ANY,
		    NULL, NULL, &err);
		assert_true(rc == 0 || (rc == RS_EINPUT && err.line >= 1 &&
		    strncmp(err.path, "t.xlsx", 6) == 0));
		rs_sheet_release(&sh);
	}
	free(copy);
	free(data);
}

static void
limits_on_xml_and_cells(void **state)
{
	struct rs_sheet_limits lim;
	struct rs_sheet sh;
	struct rs_error err = {0};

	(void)state;
	lim.max_xml = 1000;
	lim.max_cells = 1000;
	assert_int_equal(read_sheet(&sh, SHEETS "small-openpyxl.xlsx",
	    "s.xlsx", NULL, &lim, &err), RS_EINPUT);
	assert_string_equal(line(&err), "s.xlsx:1:1: the workbook's XML is "
	    "larger than the limit of 1000 bytes decompressed");
	rs_sheet_release(&sh);
	/* 12 rows of 5 columns, 6 of them empty: 54 cells. */
	lim.max_xml = (size_t)1 << 20;
	lim.max_cells = 53;
	assert_int_equal(read_sheet(&sh, SHEETS "small-openpyxl.xlsx",
	    "s.xlsx", NULL, &lim, &err), RS_EINPUT);
	assert_string_equal(line(&err), "s.xlsx:1:1: sheet \"Sheet\" has more "
	    "than 53 cells that hold something, the limit");
	rs_sheet_release(&sh);
	lim.max_cells = 54;
	assert_int_equal(read_sheet(&sh, SHEETS "small-openpyxl.xlsx",
	    "s.xlsx", NULL, &lim, &err), 0);
	assert_int_equal(sh.ncells, 54);
	rs_sheet_release(&sh);
	/*
	 * A row repeated past the limit is refused before it is made: the
	 * first row holds 5 cells, the next two 2 each.
	 */
	lim.max_cells = 6;
	assert_int_equal(read_sheet(&sh, SHEETS "small.ods", "s.ods", "Kinds",
	    &lim, &err), RS_EINPUT);
	assert_string_equal(line(&err), "s.ods:1:1: sheet \"Kinds\" has more "
	    "than 6 cells that hold something, the limit");
	rs_sheet_release(&sh);
}

static void
error_lines_of_cells(void **state)
{
	struct rs_error err = {0};
	char a[8];

	(void)state;
	assert_string_equal(rs_column_name(a, 1), "A");
	assert_string_equal(rs_column_name(a, 26), "Z");
	assert_string_equal(rs_column_name(a, 27), "AA");
	assert_string_equal(rs_column_name(a, 702), "ZZ");
	assert_string_equal(rs_column_name(a, 703), "AAA");
	assert_string_equal(rs_column_name(a, 16384), "XFD");
	assert_string_equal(rs_column_name(a, 0), "?");
	rs_error_set(&err, RS_EINPUT, "d.xlsx:S", 7, 3, "bad");
	assert_string_equal(line(&err), "d.xlsx:S:7:3: bad");
	err.cell = 1;
	assert_string_equal(line(&err), "d.xlsx:S!C7: bad");
	err.col = 0;
	assert_string_equal(line(&err), "d.xlsx:S!7:7: bad");
	/* A new error is no cell's until said so. */
	rs_error_set(&err, RS_EINPUT, "d.xlsx:S", 7, 3, "bad");
	assert_int_equal(err.cell, 0);
}

static void
number_text_reads_back(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(rs_sheet_number_text(buf, 0.1), "0.1");
	assert_string_equal(rs_sheet_number_text(buf, 0.1 + 0.2),
	    "0.30000000000000004");
	assert_string_equal(rs_sheet_number_text(buf, 2019), "2019");
	assert_string_equal(rs_sheet_number_text(buf, -1e-300), "-1e-300");
	assert_string_equal(rs_sheet_number_text(buf, 1e21), "1e+21");
}

/* A share as the percentage it shows, its digits moved two places. */
static void
percent_text_moves_the_point(void **state)
{
	static const char *const cases[][2] = {
		{"0.5", "50"}, {"-0.125", "-12.5"}, {"3", "300"},
		{"1.25", "125"}, {"12.345", "1234.5"}, {"1e-10", "1e-8"},
		{"1e18", "100000000000000000000"}, {"1e19", "1e21"},
		{"1e20", "1e22"}, {"1.5e-300", "1.5e-298"},
		{"-2.5e25", "-2.5e27"},
	};
	char buf[48];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		rs_sheet_percent_text(buf, strtod(cases[i][0], NULL));
		if (strcmp(buf, cases[i][1]) != 0) {
			print_error("%s: got %s, want %s\n", cases[i][0], buf,
			    cases[i][1]);
			fail();
		}
	}
}

/* --- COINr's tables ------------------------------------------------- */

/* The CSV file at path as a sheet of text and numbers. */
static void
csv_as_book(const char *csv_path, const char *book, const char *sheet)
{
	struct rs_csv_table t;
	struct rs_error err = {0};
	lxw_workbook *wb = workbook_new(book);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Other");
	size_t r, c;
	const char *s, *why;
	double v;

	worksheet_write_string(ws, 0, 0, "not this one", NULL);
	ws = workbook_add_worksheet(wb, sheet);
	rs_csv_table_init(&t);
	assert_int_equal(rs_csv_table_load(&t, csv_path, &err), 0);
	for (r = 0; r < t.nrows; r++)
		for (c = 0; c < t.ncols; c++) {
			s = rs_csv_table_get(&t, r, c);
			if (rs_number_parse(s, strlen(s), &v, &why) ==
			    RS_NUMBER_OK)
				worksheet_write_number(ws, (lxw_row_t)r,
				    (lxw_col_t)c, v, NULL);
			else if (s[0] != '\0')
				worksheet_write_string(ws, (lxw_row_t)r,
				    (lxw_col_t)c, s, NULL);
		}
	rs_csv_table_release(&t);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void
coinr_tables_from_workbooks(void **state)
{
	struct rs_framework a, b;
	struct rs_table ta, tb;
	struct rs_error err = {0};
	size_t i, len;
	char *data;

	(void)state;
	csv_as_book(RS_TEST_DATA "/coinr/meta.csv", tmp("meta.xlsx"),
	    "iMeta");
	csv_as_book(RS_TEST_DATA "/coinr/data.csv", tmp("data.xlsx"),
	    "iData");
	rs_framework_init(&a);
	rs_framework_init(&b);
	assert_int_equal(rs_coinr_load_meta(&a, RS_TEST_DATA "/coinr/meta.csv",
	    &err), 0);
	/* The sheet named iMeta, though it is not the first. */
	assert_int_equal(rs_coinr_load_meta(&b, tmp("meta.xlsx"), &err), 0);
	assert_int_equal(a.nnodes, b.nnodes);
	for (i = 0; i < a.nnodes; i++) {
		assert_string_equal(a.nodes[i].id, b.nodes[i].id);
		assert_same_double(a.nodes[i].weight, b.nodes[i].weight);
		assert_int_equal(a.nodes[i].line, b.nodes[i].line);
	}
	rs_table_init(&ta);
	rs_table_init(&tb);
	assert_int_equal(rs_coinr_load_data(&ta, &a, RS_TEST_DATA
	    "/coinr/data.csv", &err), 0);
	data = slurp(tmp("data.xlsx"), &len);
	assert_int_equal(rs_coinr_read_data_book(&tb, &a, data, len,
	    "data.xlsx", "iData", &err), 0);
	assert_int_equal(ta.nrows, tb.nrows);
	assert_int_equal(ta.naux, tb.naux);
	for (i = 0; i < ta.nrows * ta.nind; i++)
		assert_same_double(ta.x[i], tb.x[i]);
	for (i = 0; i < ta.nrows; i++)
		assert_string_equal(ta.unit[i], tb.unit[i]);
	for (i = 0; i < ta.nrows * ta.naux; i++)
		assert_string_equal(ta.aux_text[i], tb.aux_text[i]);
	/* The first sheet is not iData: its error is at its cell. */
	rs_table_release(&tb);
	rs_table_init(&tb);
	assert_int_equal(rs_coinr_read_data_book(&tb, &a, data, len,
	    "data.xlsx", NULL, &err), RS_EINPUT);
	assert_string_equal(line(&err), "data.xlsx:Other!A1: missing column "
	    "\"uCode\" (or \"city\"): the units' codes");
	free(data);
	rs_table_release(&ta);
	rs_table_release(&tb);
	rs_framework_release(&a);
	rs_framework_release(&b);
}

/* --- the XML of a workbook, part by part ------------------------------- */

#define RELS_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define REL(id, type, target) "<Relationship Id=\"" id "\" Type=\"" \
	RELS_NS "/" type "\" Target=\"" target "\"/>"

/*
 * Read a workbook of one sheet "S" made of parts in memory: rows is the
 * content of its sheetData, styles and strings the content of
 * styleSheet and sst (NULL: no such part).  Returns the status.
 */
static int
parts_book_lim(struct rs_sheet *sh, const char *rows, const char *styles,
    const char *strings, const struct rs_sheet_limits *lim,
    struct rs_error *err)
{
	static const char book[] =
	    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships\"><sheets><sheet name=\"S\" "
	    "sheetId=\"1\" r:id=\"r1\"/></sheets></workbook>";
	static char sheet[3 << 20], st[4096], sst[3 << 20], rels[1024];
	struct rs_sheet_part parts[5] = {
		{"xl/workbook.xml", book, sizeof(book) - 1},
		{"xl/_rels/workbook.xml.rels", rels, 0},
		{"xl/worksheets/s.xml", sheet, 0},
	};
	size_t n = 3;

	parts[1].len = (size_t)snprintf(rels, sizeof(rels), "<Relationships>"
	    REL("r1", "worksheet", "worksheets/s.xml") "%s%s</Relationships>",
	    styles != NULL ? REL("r2", "styles", "styles.xml") : "",
	    strings != NULL ? REL("r3", "sharedStrings", "strings.xml") : "");
	parts[2].len = (size_t)snprintf(sheet, sizeof(sheet), "<worksheet>"
	    "<sheetData>%s</sheetData></worksheet>", rows);
	if (styles != NULL) {
		parts[n].name = "xl/styles.xml";
		parts[n].data = st;
		parts[n++].len = (size_t)snprintf(st, sizeof(st),
		    "<styleSheet>%s</styleSheet>", styles);
	}
	if (strings != NULL) {
		parts[n].name = "xl/strings.xml";
		parts[n].data = sst;
		parts[n++].len = (size_t)snprintf(sst, sizeof(sst), "<sst>%s"
		    "</sst>", strings);
	}
	rs_error_clear(err);
	rs_sheet_init(sh);
	return rs_sheet_read_parts(sh, "p.xlsx", parts, n, RS_SHEET_ANY, NULL,
	    lim, err);
}

static int
parts_book(struct rs_sheet *sh, const char *rows, const char *styles,
    const char *strings, struct rs_error *err)
{
	return parts_book_lim(sh, rows, styles, strings, NULL, err);
}

/* rows (styles, strings) must fail with exactly want. */
static void
parts_fail(const char *rows, const char *styles, const char *strings,
    const char *want)
{
	struct rs_sheet sh;
	struct rs_error err;

	if (parts_book(&sh, rows, styles, strings, &err) != RS_EINPUT ||
	    strcmp(line(&err), want) != 0) {
		print_error("rows %s\ngot  %s\nwant %s\n", rows, line(&err),
		    want);
		fail();
	}
	rs_sheet_release(&sh);
}

/* "<worksheet><sheetData><row>" is 27 characters: a first <c at 28. */
static void
xlsx_bad_rows_and_references(void **state)
{
	static const struct {
		const char *rows, *want;
	} cases[] = {
		{"<row r=\"0\"/>", "p.xlsx:xl/worksheets/s.xml:1:23: row "
		    "number \"0\" is not from 1 to 1048576"},
		{"<row r=\"1048577\"/>", "p.xlsx:xl/worksheets/s.xml:1:23: "
		    "row number \"1048577\" is not from 1 to 1048576"},
		{"<row r=\"2a\"/>", "p.xlsx:xl/worksheets/s.xml:1:23: row "
		    "number \"2a\" is not from 1 to 1048576"},
		{"<row><c r=\"AAAA1\"/></row>", "p.xlsx:xl/worksheets/s.xml:"
		    "1:28: bad cell reference \"AAAA1\""},
		{"<row><c r=\"XFE1\"/></row>", "p.xlsx:xl/worksheets/s.xml:"
		    "1:28: bad cell reference \"XFE1\""},
		{"<row><c r=\"A12345678\"/></row>", "p.xlsx:xl/worksheets/"
		    "s.xml:1:28: bad cell reference \"A12345678\""},
		{"<row><c r=\"A1048577\"/></row>", "p.xlsx:xl/worksheets/"
		    "s.xml:1:28: bad cell reference \"A1048577\""},
		{"<row><c r=\"12\"/></row>", "p.xlsx:xl/worksheets/s.xml:1:"
		    "28: bad cell reference \"12\""},
		{"<row><c r=\"B\"/></row>", "p.xlsx:xl/worksheets/s.xml:1:"
		    "28: bad cell reference \"B\""},
		{"<row><c r=\"B2:C3\"/></row>", "p.xlsx:xl/worksheets/s.xml:"
		    "1:28: bad cell reference \"B2:C3\""},
		/* the column after XFD, the last, has no name */
		{"<row><c r=\"XFD1\"/><c/></row>", "p.xlsx:xl/worksheets/"
		    "s.xml:1:41: more than 16384 columns"},
		{"<row><c t=\"b\"><v>2</v></c></row>", "p.xlsx:S!A1: boolean "
		    "cell holds \"2\", not 0 or 1"},
		{"<row r=\"3\"><c r=\"C3\" t=\"d\"><v>2019-13-01</v></c></row>",
		    "p.xlsx:S!C3: date cell holds \"2019-13-01\", not an ISO "
		    "8601 date"},
		{"<row><c t=\"d\"><v>2019-02-31x</v></c></row>", "p.xlsx:S!"
		    "A1: date cell holds \"2019-02-31x\", not an ISO 8601 "
		    "date"},
		{"<row><c t=\"d\"><v>2019-03-31T10h</v></c></row>", "p.xlsx:S!"
		    "A1: date cell holds \"2019-03-31T10h\", not an ISO 8601 "
		    "date"},
		{"<row><c t=\"d\"><v>0000-03-31</v></c></row>", "p.xlsx:S!"
		    "A1: date cell holds \"0000-03-31\", not an ISO 8601 "
		    "date"},
		{"<row><c t=\"d\"><v>2019/03/31</v></c></row>", "p.xlsx:S!"
		    "A1: date cell holds \"2019/03/31\", not an ISO 8601 "
		    "date"},
		{"<row><c t=\"d\"><v>2019-00-10</v></c></row>", "p.xlsx:S!"
		    "A1: date cell holds \"2019-00-10\", not an ISO 8601 "
		    "date"},
		{"<row><c t=\"d\"><v>2019-01-00</v></c></row>", "p.xlsx:S!"
		    "A1: date cell holds \"2019-01-00\", not an ISO 8601 "
		    "date"},
		{"<row><c t=\"s\"><v>x</v></c></row>", "p.xlsx:S!A1: shared "
		    "string \"x\" does not exist (the workbook has 0)"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		parts_fail(cases[i].rows, NULL, NULL, cases[i].want);
}

/* A cell of text or error, its _xHHHH_ escapes decoded as UTF-8. */
static void
xlsx_text_error_bool_and_iso_date_cells(void **state)
{
	struct rs_sheet sh;
	struct rs_error err;

	(void)state;
	assert_int_equal(parts_book(&sh,
	    "<row><c t=\"str\"><f>A2</f><v>caf_x00E9_</v></c>"
	    "<c t=\"str\"><f>A2</f><v>_x4e2d_!</v></c>"
	    "<c t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
	    "<c t=\"str\"><v>_xD800_ _x0000_ _x00G0_ _x41</v></c>"
	    "<c t=\"str\"><f>A3</f><v></v></c>"
	    "<c t=\"str\"><v>_x0041_</v></c></row>"
	    "<row><c t=\"b\"><v>true</v></c><c t=\"b\"><v>false</v></c>"
	    "<c t=\"b\"><v>0</v></c>"
	    "<c t=\"d\"><v>2019-03-31T00:00:00.000Z</v></c>"
	    "<c t=\"d\"><v>2019-03-31T10:30:00+02:00</v></c>"
	    "<c t=\"d\"><v>1999-12-31</v></c></row>", NULL, NULL, &err), 0);
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "caf\xc3\xa9");
	assert_cell(&sh, 1, 2, RS_CELL_TEXT, "\xe4\xb8\xad!");
	assert_cell(&sh, 1, 3, RS_CELL_ERROR, "#DIV/0!");
	/* a surrogate, NUL, a bad digit and a short escape stay as written */
	assert_cell(&sh, 1, 4, RS_CELL_TEXT, "_xD800_ _x0000_ _x00G0_ _x41");
	assert_null(cell_at(&sh, 1, 5));	/* an empty string result */
	assert_cell(&sh, 1, 6, RS_CELL_TEXT, "A");
	assert_cell(&sh, 2, 1, RS_CELL_BOOL, NULL);
	assert_same_double(cell_at(&sh, 2, 1)->num, 1);
	assert_cell(&sh, 2, 2, RS_CELL_BOOL, NULL);
	assert_same_double(cell_at(&sh, 2, 2)->num, 0);
	assert_same_double(cell_at(&sh, 2, 3)->num, 0);
	/* a time of zeros is dropped, another one kept as written */
	assert_cell(&sh, 2, 4, RS_CELL_DATE, "2019-03-31");
	assert_same_double(cell_at(&sh, 2, 4)->num, 2019);
	assert_cell(&sh, 2, 5, RS_CELL_DATE, "2019-03-31T10:30:00+02:00");
	assert_cell(&sh, 2, 6, RS_CELL_DATE, "1999-12-31");
	assert_same_double(cell_at(&sh, 2, 6)->num, 1999);
	assert_int_equal(sh.ncells, 11);
	rs_sheet_release(&sh);
}

/*
 * Number formats decide which numbers are dates or percentages: built-in
 * ids 9-10 are percentages, 14-22, 27-36, 45-47 and 50-58 dates; a code
 * of one's own is a date when its first section has d, m, y, h or s
 * outside quoted text, escapes and brackets.
 */
static void
xlsx_number_formats_make_dates_and_percentages(void **state)
{
	static const char styles[] =
	    "<numFmts><numFmt numFmtId=\"164\" formatCode=\"0.0&quot; "
	    "days&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"\\d0\"/>"
	    "<numFmt numFmtId=\"166\" formatCode=\"[Red]0.0\"/>"
	    "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm\"/>"
	    "<numFmt numFmtId=\"168\" formatCode=\"0;[Red]-0%\"/>"
	    "<numFmt numFmtId=\"169\" formatCode=\"0.0_)%\"/>"
	    "<numFmt numFmtId=\"170\" formatCode=\"general\"/>"
	    "<numFmt numFmtId=\"171\"/><numFmt formatCode=\"yy\"/>"
	    "<numFmt numFmtId=\"172\" formatCode=\"0&quot;unclosed\"/>"
	    "</numFmts><cellXfs>"
	    "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
	    "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"168\"/>"
	    "<xf numFmtId=\"169\"/><xf numFmtId=\"170\"/><xf numFmtId=\"10\"/>"
	    "<xf numFmtId=\"14\"/><xf numFmtId=\"47\"/><xf numFmtId=\"58\"/>"
	    "<xf numFmtId=\"59\"/><xf numFmtId=\"27\"/><xf/>"
	    "<xf numFmtId=\"172\"/></cellXfs>";
	static const int date[] = {0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1,
	    0, 0};
	static const int pct[] = {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0,
	    0, 0};
	char rows[2048];
	struct rs_sheet sh;
	struct rs_error err;
	const struct rs_cell *c;
	size_t n = 0, s;

	(void)state;
	n += (size_t)snprintf(rows + n, sizeof(rows) - n, "<row>");
	for (s = 0; s < 16; s++)
		n += (size_t)snprintf(rows + n, sizeof(rows) - n,
		    "<c s=\"%zu\"><v>43555.5</v></c>", s);
	/* a style that is not in the table is plain */
	snprintf(rows + n, sizeof(rows) - n, "<c s=\"16\"><v>1</v></c>"
	    "<c s=\"x\"><v>1</v></c></row>");
	assert_int_equal(parts_book(&sh, rows, styles, NULL, &err), 0);
	for (s = 0; s < 16; s++) {
		c = cell_at(&sh, 1, (uint32_t)s + 1);
		assert_non_null(c);
		if (c->kind != (date[s] ? RS_CELL_DATE : RS_CELL_NUMBER) ||
		    c->percent != pct[s]) {
			print_error("style %zu: kind %d percent %d\n", s,
			    c->kind, c->percent);
			fail();
		}
		if (date[s])
			assert_string_equal(c->text, "2019-03-31T12:00:00");
	}
	assert_cell(&sh, 1, 17, RS_CELL_NUMBER, NULL);
	assert_cell(&sh, 1, 18, RS_CELL_NUMBER, NULL);
	rs_sheet_release(&sh);
}

/*
 * Serial dates of the 1900 system: 60 is the 29th of February 1900 that
 * Excel counts, serials below 1 are times of day (no year), a time that
 * rounds to midnight is the next day, and serials out of 1900-9999 stay
 * numbers.
 */
static void
xlsx_serial_dates_of_the_1900_system(void **state)
{
	static const struct {
		const char *v, *text;
		double year;
	} cases[] = {
		{"1", "1900-01-01", 1900},
		{"59", "1900-02-28", 1900},
		{"60", "1900-02-29", 1900},
		{"61", "1900-03-01", 1900},
		{"0.75", "18:00:00", NAN},
		{"1.99999999", "1900-01-02", 1900},
		{"43555.25", "2019-03-31T06:00:00", 2019},
		{"2958465", "9999-12-31", 9999},
		{"2958466", NULL, 0},
		{"-1", NULL, 0},
	};
	char rows[2048];
	struct rs_sheet sh;
	struct rs_error err;
	const struct rs_cell *c;
	size_t n = 0, i, ncases = sizeof(cases) / sizeof(*cases);

	(void)state;
	n += (size_t)snprintf(rows + n, sizeof(rows) - n, "<row>");
	for (i = 0; i < ncases; i++)
		n += (size_t)snprintf(rows + n, sizeof(rows) - n,
		    "<c s=\"1\"><v>%s</v></c>", cases[i].v);
	snprintf(rows + n, sizeof(rows) - n, "</row>");
	assert_int_equal(parts_book(&sh, rows, "<cellXfs><xf/><xf numFmtId="
	    "\"14\"/></cellXfs>", NULL, &err), 0);
	for (i = 0; i < ncases; i++) {
		c = cell_at(&sh, 1, (uint32_t)i + 1);
		assert_non_null(c);
		if (cases[i].text == NULL) {
			assert_int_equal(c->kind, RS_CELL_NUMBER);
			assert_same_double(c->num, strtod(cases[i].v, NULL));
			continue;
		}
		assert_int_equal(c->kind, RS_CELL_DATE);
		assert_string_equal(c->text, cases[i].text);
		if (isnan(cases[i].year))
			assert_true(isnan(c->num));
		else
			assert_same_double(c->num, cases[i].year);
	}
	rs_sheet_release(&sh);
}

/* Shared strings: phonetic runs are not text, an empty one no cell. */
static void
xlsx_shared_strings(void **state)
{
	struct rs_sheet sh;
	struct rs_error err;

	(void)state;
	assert_int_equal(parts_book(&sh, "<row><c t=\"s\"><v>0</v></c>"
	    "<c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c></row>", NULL,
	    "<si><r><t>To</t></r><r><t>kyo</t></r><rPh><t>tokyo</t></rPh>"
	    "</si><si><t/></si><si><t>_x005F_x0041_</t></si>"
	    "<extLst><si><t>not a string</t></si></extLst>", &err), 0);
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "Tokyo");
	assert_null(cell_at(&sh, 1, 2));
	assert_cell(&sh, 1, 3, RS_CELL_TEXT, "_x0041_");
	assert_int_equal(sh.ncells, 2);
	rs_sheet_release(&sh);
	parts_fail("<row><c t=\"s\"><v>3</v></c></row>", NULL, "<si><t>a</t>"
	    "</si><si><t>b</t></si><si><t>c</t></si>", "p.xlsx:S!A1: shared "
	    "string \"3\" does not exist (the workbook has 3)");
}

#define SHEET_OF(name, id, extra) "<sheet name=\"" name "\" r:id=\"" id \
	"\"" extra "/>"

/*
 * A workbook of the sheets given (the content of <sheets>), the
 * relationships given (of <Relationships>) and parts d.xml, h.xml of
 * xl/worksheets/, read for sheet want; *top is the package's
 * _rels/.rels when not NULL.
 */
static int
rels_book(struct rs_sheet *sh, const char *top, const char *sheets,
    const char *rels, const char *want, struct rs_error *err)
{
	static char book[2048], rel[2048];
	static const char d[] = "<worksheet><sheetData><row><c t=\"inlineStr\">"
	    "<is><t>d</t></is></c></row></sheetData></worksheet>";
	static const char h[] = "<worksheet><sheetData><row><c t=\"inlineStr\">"
	    "<is><t>h</t></is></c></row></sheetData></worksheet>";
	struct rs_sheet_part parts[6] = {
		{"xl/workbook.xml", book, 0},
		{"xl/_rels/workbook.xml.rels", rel, 0},
		{"xl/worksheets/d.xml", d, sizeof(d) - 1},
		{"xl/worksheets/h.xml", h, sizeof(h) - 1},
		{"xl/chart.xml", "<chartsheet/>", 13},
	};
	size_t n = 5;

	parts[0].len = (size_t)snprintf(book, sizeof(book), "<workbook "
	    "xmlns:r=\"" RELS_NS "\"><sheets>%s</sheets></workbook>", sheets);
	parts[1].len = (size_t)snprintf(rel, sizeof(rel), "<Relationships>%s"
	    "</Relationships>", rels);
	if (top != NULL) {
		parts[n].name = "_rels/.rels";
		parts[n].data = top;
		parts[n++].len = strlen(top);
	}
	rs_error_clear(err);
	rs_sheet_init(sh);
	return rs_sheet_read_parts(sh, "w.xlsx", parts, n, RS_SHEET_ANY, want,
	    NULL, err);
}

/* The text of cell A1 of the sheet read, or the error line. */
static const char *
rels_a1(const char *top, const char *sheets, const char *rels,
    const char *want)
{
	static char out[1300];
	struct rs_sheet sh;
	struct rs_error err;
	const struct rs_cell *c;

	if (rels_book(&sh, top, sheets, rels, want, &err) != 0) {
		snprintf(out, sizeof(out), "%s", line(&err));
	} else {
		c = cell_at(&sh, 1, 1);
		snprintf(out, sizeof(out), "%s %s", sh.label,
		    c != NULL && c->text != NULL ? c->text : "(none)");
	}
	rs_sheet_release(&sh);
	return out;
}

/*
 * A relationship's target: from the top of the package when it starts
 * with '/', else from the workbook's folder, "." and ".." resolved, %XX
 * decoded (not %00) and '\' read as '/'; an external one names no part.
 */
static void
xlsx_relationship_targets_and_hidden_sheets(void **state)
{
	(void)state;
	assert_string_equal(rels_a1(NULL, SHEET_OF("D", "r1", ""),
	    REL("r1", "worksheet", "/xl/worksheets/d.xml"), NULL), "w.xlsx:D d");
	assert_string_equal(rels_a1(NULL, SHEET_OF("D", "r1", ""),
	    REL("r1", "worksheet", "..\\xl\\.\\worksheets//d%2Exml"), NULL),
	    "w.xlsx:D d");
	assert_string_equal(rels_a1(NULL, SHEET_OF("D", "r1", ""),
	    REL("r1", "worksheet", "worksheets/d%00.xml"), NULL), "w.xlsx:1:1: "
	    "missing part xl/worksheets/d%00.xml: the workbook is incomplete "
	    "or not an .xlsx file");
	/* more ".." than folders stays at the top */
	assert_string_equal(rels_a1(NULL, SHEET_OF("D", "r1", ""),
	    REL("r1", "worksheet", "../../../xl/worksheets/d.xml"), NULL),
	    "w.xlsx:D d");
	assert_string_equal(rels_a1(NULL, SHEET_OF("D", "r1", ""),
	    "<Relationship Id=\"r1\" Type=\"" RELS_NS "/worksheet\" Target=\""
	    "http://example.org/d.xml\" TargetMode=\"External\"/>", NULL),
	    "w.xlsx:1:1: sheet \"D\" has no relationship \"r1\" in the "
	    "workbook's relationships");
	assert_string_equal(rels_a1(NULL, SHEET_OF("D", "r1", ""),
	    "<Relationship Id=\"r1\" Type=\"" RELS_NS "/worksheet\"/>", NULL),
	    "w.xlsx:xl/_rels/workbook.xml.rels:1:16: a relationship lacks its "
	    "Id, Type or Target");
	/* hidden and very hidden sheets are passed over, unless all are */
	assert_string_equal(rels_a1(NULL, SHEET_OF("H", "r1",
	    " state=\"hidden\"") SHEET_OF("V", "r1", " state=\"veryHidden\"")
	    SHEET_OF("Data 1", "r2", " state=\"visible\""),
	    REL("r1", "worksheet", "worksheets/h.xml")
	    REL("r2", "worksheet", "worksheets/d.xml"), NULL),
	    "w.xlsx:'Data 1' d");
	assert_string_equal(rels_a1(NULL, SHEET_OF("H", "r1",
	    " state=\"hidden\"") SHEET_OF("V", "r2", " state=\"veryHidden\""),
	    REL("r1", "worksheet", "worksheets/h.xml")
	    REL("r2", "worksheet", "worksheets/d.xml"), NULL), "w.xlsx:H h");
	assert_string_equal(rels_a1(NULL, SHEET_OF("it's", "r1", ""),
	    REL("r1", "worksheet", "worksheets/h.xml"), NULL),
	    "w.xlsx:'it''s' h");
	assert_string_equal(rels_a1(NULL, SHEET_OF("2019", "r1", ""),
	    REL("r1", "worksheet", "worksheets/h.xml"), NULL), "w.xlsx:'2019' h");
}

static void
xlsx_broken_workbooks(void **state)
{
	static const char no_office[] = "<Relationships>" REL("r1",
	    "extended-properties", "docProps/app.xml") "</Relationships>";
	static const char office[] = "<Relationships>" REL("r1",
	    "officeDocument", "xl/workbook.xml") "</Relationships>";

	(void)state;
	assert_string_equal(rels_a1(no_office, SHEET_OF("D", "r1", ""),
	    REL("r1", "worksheet", "worksheets/d.xml"), NULL), "w.xlsx:1:1: "
	    "_rels/.rels names no workbook part (no officeDocument "
	    "relationship)");
	assert_string_equal(rels_a1(office, SHEET_OF("D", "r1", ""),
	    REL("r1", "worksheet", "worksheets/d.xml"), NULL), "w.xlsx:D d");
	assert_string_equal(rels_a1(NULL, "", "", NULL), "w.xlsx:1:1: the "
	    "workbook has no sheet");
	assert_string_equal(rels_a1(NULL, "<sheet r:id=\"r1\"/>", "", NULL),
	    "w.xlsx:xl/workbook.xml:1:97: a sheet lacks its name or r:id");
	assert_string_equal(rels_a1(NULL, SHEET_OF("C", "r1", ""),
	    REL("r1", "worksheet", "chart.xml"), NULL), "w.xlsx:xl/chart.xml:"
	    "1:1: xl/chart.xml is not a worksheet (its root is <chartsheet>)");
}

/* --- the XML of an .ods content.xml ------------------------------------ */

#define ODS_NS " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:" \
	"office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:" \
	"table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:" \
	"text:1.0\" xmlns:calcext=\"urn:org:documentfoundation:names:" \
	"experimental:calc:xmlns:calcext:1.0\""

/*
 * Read the .ods whose content.xml holds tables (the content of
 * office:spreadsheet), with a mimetype part when mime is not NULL, for
 * sheet want with flags (RS_SHEET_PREFER).
 */
static int
ods_content(struct rs_sheet *sh, const char *mime, const char *content,
    const char *want, int flags, struct rs_error *err)
{
	struct rs_sheet_part parts[2] = {{"content.xml", content, 0}};
	size_t n = 1;

	parts[0].len = strlen(content);
	if (mime != NULL) {
		parts[n].name = "mimetype";
		parts[n].data = mime;
		parts[n++].len = strlen(mime);
	}
	rs_error_clear(err);
	rs_sheet_init(sh);
	return rs_sheet_read_parts(sh, "o.ods", parts, n, RS_SHEET_ANY |
	    flags, want, NULL, err);
}

static int
ods_book(struct rs_sheet *sh, const char *mime, const char *tables,
    const char *want, int flags, struct rs_error *err)
{
	static char content[3 << 20];

	snprintf(content, sizeof(content), "<office:document-content" ODS_NS
	    "><office:body><office:spreadsheet>%s</office:spreadsheet>"
	    "</office:body></office:document-content>", tables);
	return ods_content(sh, mime, content, want, flags, err);
}

static void
ods_fail(const char *tables, const char *want)
{
	struct rs_sheet sh;
	struct rs_error err;

	if (ods_book(&sh, NULL, tables, NULL, 0, &err) != RS_EINPUT ||
	    strcmp(line(&err), want) != 0) {
		print_error("tables %s\ngot  %s\nwant %s\n", tables, line(&err),
		    want);
		fail();
	}
	rs_sheet_release(&sh);
}

#define TABLE(name, rows) "<table:table table:name=\"" name "\">" rows \
	"</table:table>"
#define ODS_CELL(atts, text) "<table:table-cell " atts "><text:p>" \
	text "</text:p></table:table-cell>"

static void
ods_cells_of_each_value_type(void **state)
{
	struct rs_sheet sh;
	struct rs_error err;

	(void)state;
	assert_int_equal(ods_book(&sh, "application/vnd.oasis.opendocument."
	    "spreadsheet", TABLE("T", "<table:table-column/>"
	    "<table:table-header-rows><table:table-row>"
	    ODS_CELL("office:value-type=\"boolean\" office:boolean-value=\"true\"",
	    "TRUE")
	    ODS_CELL("office:value-type=\"boolean\" office:boolean-value=\"false\"",
	    "FALSE")
	    ODS_CELL("office:value-type=\"date\" office:date-value=\"2019-03-31"
	    "T00:00:00\"", "31/03/19")
	    ODS_CELL("office:value-type=\"currency\" office:value=\"-2.5\"", "x")
	    ODS_CELL("office:value-type=\"string\" office:string-value=\"attr\"",
	    "shown")
	    ODS_CELL("office:value-type=\"time\" office:time-value=\"PT10H\"",
	    "10:00")
	    ODS_CELL("table:formula=\"of:=1/0\" office:value-type=\"float\" "
	    "office:value=\"0\" calcext:value-type=\"error\"", "#DIV/0!")
	    ODS_CELL("table:formula=\"of:=A1\"", "")
	    "</table:table-row></table:table-header-rows>"
	    "<table:table-row-group><table:table-rows><table:table-row>"
	    "<table:table-cell><text:h>head</text:h><text:p>a<text:s "
	    "text:c=\"3\"/>b<text:tab/>c<text:line-break/>d<text:span>e"
	    "<text:note><text:p>note</text:p></text:note></text:span></text:p>"
	    "</table:table-cell>"
	    "<table:covered-table-cell table:number-columns-repeated=\"2\"/>"
	    ODS_CELL("office:value-type=\"float\" office:value=\"1\"", "1")
	    "</table:table-row></table:table-rows></table:table-row-group>"),
	    NULL, 0, &err), 0);
	assert_string_equal(sh.label, "o.ods:T");
	assert_cell(&sh, 1, 1, RS_CELL_BOOL, NULL);
	assert_same_double(cell_at(&sh, 1, 1)->num, 1);
	assert_same_double(cell_at(&sh, 1, 2)->num, 0);
	assert_cell(&sh, 1, 3, RS_CELL_DATE, "2019-03-31");
	assert_same_double(cell_at(&sh, 1, 3)->num, 2019);
	assert_cell(&sh, 1, 4, RS_CELL_NUMBER, NULL);
	assert_same_double(cell_at(&sh, 1, 4)->num, -2.5);
	/* the string value, not the text shown; a time is its text */
	assert_cell(&sh, 1, 5, RS_CELL_TEXT, "attr");
	assert_cell(&sh, 1, 6, RS_CELL_TEXT, "10:00");
	assert_cell(&sh, 1, 7, RS_CELL_ERROR, "#DIV/0!");
	assert_cell(&sh, 1, 8, RS_CELL_NOVALUE, NULL);
	/* paragraphs joined by a newline, spaces, tab, break; no note */
	assert_cell(&sh, 2, 1, RS_CELL_TEXT, "head\na   b\tc\nde");
	assert_null(cell_at(&sh, 2, 2));
	assert_null(cell_at(&sh, 2, 3));
	assert_cell(&sh, 2, 4, RS_CELL_NUMBER, NULL);
	assert_int_equal(sh.ncells, 10);
	rs_sheet_release(&sh);
}

static void
ods_sheet_by_name_or_the_first(void **state)
{
	static const char tables[] = TABLE("First", "<table:table-row>"
	    ODS_CELL("", "1st") "</table:table-row>") TABLE("Second",
	    "<table:table-row>" ODS_CELL("", "2nd") "</table:table-row>")
	    "<table:named-expressions/>";
	struct rs_sheet sh;
	struct rs_error err;

	(void)state;
	assert_int_equal(ods_book(&sh, NULL, tables, "second", 0, &err), 0);
	assert_string_equal(sh.name, "Second");
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "2nd");
	rs_sheet_release(&sh);
	/* preferred but absent: the first table, read again from the top */
	assert_int_equal(ods_book(&sh, NULL, tables, "third",
	    RS_SHEET_PREFER, &err), 0);
	assert_string_equal(sh.name, "First");
	assert_cell(&sh, 1, 1, RS_CELL_TEXT, "1st");
	rs_sheet_release(&sh);
	assert_int_equal(ods_book(&sh, NULL, tables, "third", 0, &err),
	    RS_EINPUT);
	assert_string_equal(line(&err), "o.ods:1:1: no sheet \"third\" in the "
	    "workbook (its sheets: \"First\", \"Second\")");
	rs_sheet_release(&sh);
	assert_int_equal(ods_book(&sh, NULL, "", "x", 0, &err), RS_EINPUT);
	assert_string_equal(line(&err), "o.ods:1:1: no sheet \"x\": the "
	    "workbook has no sheet");
	rs_sheet_release(&sh);
	assert_int_equal(ods_book(&sh, NULL, "", NULL, 0, &err), RS_EINPUT);
	assert_string_equal(line(&err), "o.ods:1:1: the workbook has no "
	    "sheet");
	rs_sheet_release(&sh);
	/* a table without a name */
	assert_int_equal(ods_book(&sh, NULL, "<table:table><table:table-row>"
	    ODS_CELL("", "x") "</table:table-row></table:table>", NULL, 0, &err),
	    0);
	assert_string_equal(sh.label, "o.ods:''");
	rs_sheet_release(&sh);
}

static void
ods_broken_cells_and_repeats(void **state)
{
	(void)state;
	ods_fail(TABLE("T", "<table:table-row>" ODS_CELL("office:value-type="
	    "\"boolean\" office:boolean-value=\"yes\"", "") "</table:table-row>"),
	    "o.ods:T!A1: boolean cell holds \"yes\", not true or false");
	ods_fail(TABLE("T", "<table:table-row>" ODS_CELL("", "")
	    ODS_CELL("office:value-type=\"date\" office:date-value=\"31/03/2019\"",
	    "") "</table:table-row>"), "o.ods:T!B1: date cell holds "
	    "\"31/03/2019\", not an ISO 8601 date");
	ods_fail(TABLE("T", "<table:table-row>" ODS_CELL("office:value-type="
	    "\"float\"", "1") "</table:table-row>"), "o.ods:content.xml:1:"
	    "375: a cell of value type \"float\" lacks its value");
	ods_fail(TABLE("T", "<table:table-row>" ODS_CELL(
	    "table:number-columns-repeated=\"0\"", "") "</table:table-row>"),
	    "o.ods:content.xml:1:375: number-columns-repeated \"0\" is not a "
	    "whole number from 1");
	ods_fail(TABLE("T", "<table:table-row table:number-rows-repeated="
	    "\"\"/>"), "o.ods:content.xml:1:358: number-rows-repeated \"\" is "
	    "not a whole number from 1");
	ods_fail(TABLE("T", "<table:table-row table:number-rows-repeated="
	    "\"-1\"/>"), "o.ods:content.xml:1:358: number-rows-repeated \"-1\" "
	    "is not a whole number from 1");
}

static void
ods_not_a_spreadsheet(void **state)
{
	static const char *const cases[][3] = {
		{NULL, "<office:document-content" ODS_NS "><office:body>"
		    "<office:text/></office:body></office:document-content>",
		    "o.ods:1:1: content.xml holds no spreadsheet: the file is "
		    "not an .ods spreadsheet"},
		{NULL, "<office:document-styles" ODS_NS "/>", "o.ods:"
		    "content.xml:1:1: content.xml is not an OpenDocument "
		    "document (its root is <document-styles>)"},
		{"application/vnd.oasis.opendocument.graphics",
		    "<office:document-content" ODS_NS "/>", "o.ods:1:1: the "
		    "OpenDocument file is \"application/vnd.oasis."
		    "opendocument.graphics\", not a spreadsheet"},
	};
	struct rs_sheet sh;
	struct rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		assert_int_equal(ods_content(&sh, cases[i][0], cases[i][1],
		    NULL, 0, &err), RS_EINPUT);
		assert_string_equal(line(&err), cases[i][2]);
		rs_sheet_release(&sh);
	}
	/* an empty mimetype says nothing: the content decides */
	assert_int_equal(ods_book(&sh, "", TABLE("T", ""), NULL, 0, &err),
	    0);
	assert_int_equal(sh.ncells, 0);
	rs_sheet_release(&sh);
}

/*
 * The limits of rs_sheet_limits and RS_SHEET_MAX_TEXT on the XML of the
 * parts: cell formats and shared strings count as cells, a text is at
 * most 1 MiB, the XML read at most max_xml (said in MiB when whole).
 */
static void
limits_on_the_parts(void **state)
{
	struct rs_sheet_limits lim = {(size_t)1 << 20, 2};
	struct rs_sheet sh;
	struct rs_error err;
	size_t big = RS_SHEET_MAX_TEXT + 1;
	char *rows = malloc(big + 200), *text = malloc(big + 1);

	(void)state;
	assert_int_equal(parts_book_lim(&sh, "", "<cellXfs><xf/><xf/><xf/>"
	    "</cellXfs>", NULL, &lim, &err), RS_EINPUT);
	assert_string_equal(line(&err), "p.xlsx:xl/styles.xml:1:32: more than "
	    "2 cell formats");
	rs_sheet_release(&sh);
	assert_int_equal(parts_book_lim(&sh, "", NULL, "<si><t>a</t></si>"
	    "<si><t>b</t></si><si><t>c</t></si>", &lim, &err), RS_EINPUT);
	assert_string_equal(line(&err), "p.xlsx:xl/strings.xml:1:52: more "
	    "than 2 shared strings");
	rs_sheet_release(&sh);
	memset(text, 'x', big);
	text[big] = '\0';
	/* the XML of the sheet alone is past 1 MiB */
	snprintf(rows, big + 200, "<row><c t=\"inlineStr\"><is><t>%s</t></is>"
	    "</c></row>", text);
	assert_int_equal(parts_book_lim(&sh, rows, NULL, NULL, &lim, &err),
	    RS_EINPUT);
	assert_string_equal(line(&err), "p.xlsx:1:1: the workbook's XML is "
	    "larger than the limit of 1 MiB decompressed");
	rs_sheet_release(&sh);
	/* within the XML limit, past the text's */
	assert_int_equal(parts_book(&sh, rows, NULL, NULL, &err), RS_EINPUT);
	assert_string_equal(line(&err), "p.xlsx:S!A1: text longer than 1 MiB");
	rs_sheet_release(&sh);
	snprintf(rows, big + 200, "<row><c t=\"str\"><v>%s</v></c></row>", text);
	assert_int_equal(parts_book(&sh, rows, NULL, NULL, &err), RS_EINPUT);
	assert_string_equal(line(&err), "p.xlsx:S!A1: text longer than 1 MiB");
	rs_sheet_release(&sh);
	snprintf(rows, big + 200, "<si><t>%s</t></si>", text);
	assert_int_equal(parts_book(&sh, "", NULL, rows, &err), RS_EINPUT);
	assert_non_null(strstr(line(&err), ": shared string 0 is longer than "
	    "1 MiB"));
	rs_sheet_release(&sh);
	snprintf(rows, big + 200, TABLE("T", "<table:table-row>"
	    "<table:table-cell><text:p>%s</text:p></table:table-cell>"
	    "</table:table-row>"), text);
	assert_int_equal(ods_book(&sh, NULL, rows, NULL, 0, &err), RS_EINPUT);
	assert_string_equal(line(&err), "o.ods:T!A1: text longer than 1 MiB");
	rs_sheet_release(&sh);
	free(rows);
	free(text);
}

/* Read rows, written as one sheet, as COINr iData for meta a, b. */
static int
coinr_book(const char *const *rows, struct rs_table *t, struct rs_error *err)
{
	static const char meta[] = "Level,iCode,Parent\n1,a,P\n1,b,P\n2,P,\n";
	struct rs_framework fw;
	size_t len;
	char *data;
	int rc;

	rs_framework_init(&fw);
	assert_int_equal(rs_coinr_read_meta(&fw, meta, strlen(meta), "m.csv",
	    err), 0);
	write_one(tmp("idata.xlsx"), rows, 0);
	data = slurp(tmp("idata.xlsx"), &len);
	rs_table_init(t);
	rs_error_clear(err);
	rc = rs_coinr_read_data_book(t, &fw, data, len, "d.xlsx", NULL, err);
	free(data);
	rs_framework_release(&fw);
	return rc;
}

/*
 * iData cells: a number as the shortest text that reads back, a formula
 * as its result, a blank row skipped; a boolean is no number, a cell
 * right of the header is refused, an empty sheet has no header.
 */
static void
coinr_data_cells_from_a_workbook(void **state)
{
	static const char *const good[] = {"s:uCode|s:a|s:b", "",
	    "s:A|n:0.1|f:=1+1:2", "s:B|n:-3|", NULL};
	static const char *const boolean[] = {"s:uCode|s:a|s:b", "s:A|b:1|n:2",
	    NULL};
	static const char *const outside[] = {"s:uCode|s:a|s:b",
	    "s:A|n:1|n:2|s:x", NULL};
	static const char *const empty[] = {"", "s:  ", NULL};
	struct rs_table t;
	struct rs_error err;

	(void)state;
	assert_int_equal(coinr_book(good, &t, &err), 0);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(t.unit[0], "A");
	assert_int_equal(t.line[0], 3);
	assert_same_double(t.x[0], 0.1);
	assert_same_double(t.x[1], 2);
	assert_same_double(t.x[2], -3);
	assert_true(isnan(t.x[3]));
	rs_table_release(&t);
	assert_int_equal(coinr_book(boolean, &t, &err), RS_EINPUT);
	assert_string_equal(line(&err), "d.xlsx:Sheet1!B2: value \"TRUE\" is "
	    "not a number");
	rs_table_release(&t);
	assert_int_equal(coinr_book(outside, &t, &err), RS_EINPUT);
	assert_string_equal(line(&err), "d.xlsx:Sheet1!D2: cell outside the "
	    "table: the header's last column is C");
	rs_table_release(&t);
	assert_int_equal(coinr_book(empty, &t, &err), RS_EINPUT);
	assert_string_equal(line(&err), "d.xlsx:Sheet1!A1: empty sheet: no "
	    "header row");
	rs_table_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xlsx_cells_of_every_kind_with_shared_strings),
		cmocka_unit_test(xlsx_cells_of_every_kind_with_inline_strings),
		cmocka_unit_test(ods_repeats_and_value_types),
		cmocka_unit_test(ods_first_table_and_annotations),
		cmocka_unit_test(xlsx_unusual_relationships_and_markup),
		cmocka_unit_test(xlsx_hidden_sheet_skipped_and_sheet_by_name),
		cmocka_unit_test(parts_in_memory_read_as_an_archive_would),
		cmocka_unit_test(hand_made_workbooks_score_as_the_csv),
		cmocka_unit_test(long_layout_from_libxlsxwriter_as_csv),
		cmocka_unit_test(wide_layout_from_libxlsxwriter_as_csv),
		cmocka_unit_test(data_errors_are_located_at_the_cell),
		cmocka_unit_test(percent_cells_for_percent_units),
		cmocka_unit_test(city_defined_in_csv_and_sheet),
		cmocka_unit_test(long_sheet_without_city_takes_the_file_name),
		cmocka_unit_test(every_broken_file_gives_one_located_line),
		cmocka_unit_test(truncated_and_damaged_archives_are_rejected),
		cmocka_unit_test(limits_on_xml_and_cells),
		cmocka_unit_test(error_lines_of_cells),
		cmocka_unit_test(number_text_reads_back),
		cmocka_unit_test(percent_text_moves_the_point),
		cmocka_unit_test(coinr_tables_from_workbooks),
		cmocka_unit_test(xlsx_bad_rows_and_references),
		cmocka_unit_test(xlsx_text_error_bool_and_iso_date_cells),
		cmocka_unit_test(xlsx_number_formats_make_dates_and_percentages),
		cmocka_unit_test(xlsx_serial_dates_of_the_1900_system),
		cmocka_unit_test(xlsx_shared_strings),
		cmocka_unit_test(xlsx_relationship_targets_and_hidden_sheets),
		cmocka_unit_test(xlsx_broken_workbooks),
		cmocka_unit_test(ods_cells_of_each_value_type),
		cmocka_unit_test(ods_sheet_by_name_or_the_first),
		cmocka_unit_test(ods_broken_cells_and_repeats),
		cmocka_unit_test(ods_not_a_spreadsheet),
		cmocka_unit_test(limits_on_the_parts),
		cmocka_unit_test(coinr_data_cells_from_a_workbook),
	};

	return cmocka_run_group_tests(tests, small_setup, small_teardown);
}
