/*
 * xlsx_writer.c - the one .xlsx writer, through libxlsxwriter
 * (xlsx_writer.h)
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "base/mem.h"
#include "io/readfile.h"
#include "io/xlsx_writer.h"

/*
 * libxlsxwriter 1.1.4 leaks its copy of a list validation's range formula
 * (tests/valgrind.supp says the same to valgrind): LeakSanitizer, in the
 * sanitizer build, is told of it.  Its fast unwinder stops inside the
 * library (built without frame pointers), so the leak is named by the
 * library's strdup, the frame it still sees, not by the caller.
 */
#if defined(__SANITIZE_ADDRESS__)
#define RS_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RS_LSAN 1
#endif
#endif
#ifdef RS_LSAN
const char *__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:lxw_strdup\n";
}
#endif

struct rs_xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;		/* the sheet being written */
	lxw_format *style[RS_XLSX_STYLES];
	char path[64];			/* the temporary file */
	lxw_error rc;			/* the first failure of the library */
};

static void
note(struct rs_xlsx *x, lxw_error rc)
{
	if (x->rc == LXW_NO_ERROR)
		x->rc = rc;
}

struct rs_xlsx *
rs_xlsx_new(struct rs_error *err)
{
	struct rs_xlsx *x = rs_calloc(1, sizeof(*x));
	lxw_workbook_options opts = {0};
	lxw_doc_properties props = {0};
	const char *dir = getenv("TMPDIR");
	int fd;

	if (dir == NULL || dir[0] == '\0' || strlen(dir) > 40)
		dir = "/tmp";
	snprintf(x->path, sizeof(x->path), "%s/resilience-XXXXXX", dir);
	if ((fd = mkstemp(x->path)) < 0) {
		rs_error_io(err, errno, x->path, "cannot create the workbook");
		free(x);
		return NULL;
	}
	close(fd);
	opts.tmpdir = (char *)(uintptr_t)dir;
	x->wb = workbook_new_opt(x->path, &opts);
	if (x->wb == NULL) {
		unlink(x->path);
		rs_error_io(err, ENOMEM, x->path, "cannot create the workbook");
		free(x);
		return NULL;
	}
	props.created = (time_t)RS_XLSX_CREATED;
	note(x, workbook_set_properties(x->wb, &props));
	x->style[RS_XLSX_PLAIN] = NULL;
	x->style[RS_XLSX_HEADER] = workbook_add_format(x->wb);
	format_set_bold(x->style[RS_XLSX_HEADER]);
	x->style[RS_XLSX_WRAP] = workbook_add_format(x->wb);
	format_set_text_wrap(x->style[RS_XLSX_WRAP]);
	format_set_align(x->style[RS_XLSX_WRAP], LXW_ALIGN_VERTICAL_TOP);
	x->style[RS_XLSX_INPUT] = workbook_add_format(x->wb);
	format_set_unlocked(x->style[RS_XLSX_INPUT]);
	format_set_bg_color(x->style[RS_XLSX_INPUT], 0xFFF8DC);
	format_set_border(x->style[RS_XLSX_INPUT], LXW_BORDER_HAIR);
	return x;
}

void
rs_xlsx_sheet(struct rs_xlsx *x, const char *name, int rtl)
{
	x->ws = workbook_add_worksheet(x->wb, name);
	if (x->ws == NULL) {
		note(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return;
	}
	if (rtl)
		worksheet_right_to_left(x->ws);
}

void
rs_xlsx_text(struct rs_xlsx *x, size_t row, size_t col, const char *s,
    enum rs_xlsx_style style)
{
	if (x->ws == NULL)
		return;
	if (s == NULL || s[0] == '\0')
		note(x, worksheet_write_blank(x->ws, (lxw_row_t)row,
		    (lxw_col_t)col, x->style[style]));
	else
		note(x, worksheet_write_string(x->ws, (lxw_row_t)row,
		    (lxw_col_t)col, s, x->style[style]));
}

void
rs_xlsx_number(struct rs_xlsx *x, size_t row, size_t col, double v,
    enum rs_xlsx_style style)
{
	if (x->ws == NULL)
		return;
	if (isnan(v))
		note(x, worksheet_write_blank(x->ws, (lxw_row_t)row,
		    (lxw_col_t)col, x->style[style]));
	else
		note(x, worksheet_write_number(x->ws, (lxw_row_t)row,
		    (lxw_col_t)col, v, x->style[style]));
}

void
rs_xlsx_width(struct rs_xlsx *x, size_t col, double width)
{
	if (x->ws != NULL)
		note(x, worksheet_set_column(x->ws, (lxw_col_t)col,
		    (lxw_col_t)col, width, NULL));
}

void
rs_xlsx_freeze(struct rs_xlsx *x, size_t row, size_t col)
{
	if (x->ws != NULL)
		worksheet_freeze_panes(x->ws, (lxw_row_t)row, (lxw_col_t)col);
}

void
rs_xlsx_protect(struct rs_xlsx *x)
{
	lxw_protection p = {0};

	/* Columns may still be widened and the table sorted or filtered. */
	p.format_columns = 1;
	p.format_rows = 1;
	p.sort = 1;
	p.autofilter = 1;
	if (x->ws != NULL)
		worksheet_protect(x->ws, NULL, &p);
}

/* libxlsxwriter takes char * but only reads the strings. */
static char *
unconst(const char *s)
{
	return (char *)(uintptr_t)s;
}

void
rs_xlsx_validate(struct rs_xlsx *x, size_t row, size_t col,
    const struct rs_xlsx_check *check)
{
	lxw_data_validation v;

	if (x->ws == NULL)
		return;
	memset(&v, 0, sizeof(v));
	v.ignore_blank = LXW_VALIDATION_ON;
	v.show_input = LXW_VALIDATION_ON;
	v.show_error = LXW_VALIDATION_ON;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	v.input_title = unconst(check->title);
	v.input_message = unconst(check->prompt);
	v.error_title = unconst(check->error_title);
	v.error_message = unconst(check->error);
	if (check->list != NULL) {
		v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		v.value_formula = unconst(check->list);
	} else if (check->has_min && check->has_max) {
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = check->min;
		v.maximum_number = check->max;
	} else if (check->has_min || check->has_max) {
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = check->has_min ?
		    LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO :
		    LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
		v.value_number = check->has_min ? check->min : check->max;
	} else {
		/* Any number: the prompt still says what to enter. */
		v.validate = LXW_VALIDATION_TYPE_ANY;
		v.show_error = LXW_VALIDATION_OFF;
	}
	note(x, worksheet_data_validation_cell(x->ws, (lxw_row_t)row,
	    (lxw_col_t)col, &v));
}

int
rs_xlsx_close(struct rs_xlsx *x, int rc, char **buf, size_t *len,
    struct rs_error *err)
{
	lxw_error closed;

	*buf = NULL;
	*len = 0;
	closed = workbook_close(x->wb);
	if (rc == 0 && x->rc != LXW_NO_ERROR)
		rc = rs_error_set(err, RS_EIO, "", 0, 0, "cannot make the "
		    "workbook: %s", lxw_strerror(x->rc));
	else if (rc == 0 && closed != LXW_NO_ERROR)
		rc = rs_error_set(err, RS_EIO, "", 0, 0, "cannot write the "
		    "workbook: %s", lxw_strerror(closed));
	if (rc == 0)
		rc = rs_read_file(x->path, buf, len, err);
	unlink(x->path);
	free(x);
	return rc;
}

const char *
rs_xlsx_version(void)
{
	return LXW_VERSION;
}
