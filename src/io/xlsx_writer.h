/*
 * xlsx_writer.h - the one .xlsx writer (libxlsxwriter behind it): the
 * template's workbook and the xlsx reports
 *
 * libxlsxwriter writes a file by name, so a workbook is made in a
 * temporary file and read back into memory (rs_xlsx_close()), which the
 * CLI then writes as it writes every report, atomically.  Nothing of the
 * library is seen outside xlsx_writer.c.  The workbook is deterministic:
 * its creation time is a fixed date (RS_XLSX_CREATED) and libxlsxwriter
 * dates the archive's members 1980-01-01, so the same calls give the same
 * bytes.
 *
 *	struct rs_xlsx *x = rs_xlsx_new(&err);
 *
 *	rs_xlsx_sheet(x, "Scores", 0);
 *	rs_xlsx_text(x, 0, 0, "City", RS_XLSX_HEADER);
 *	rs_xlsx_number(x, 1, 1, 42.5, RS_XLSX_PLAIN);
 *	rc = rs_xlsx_close(x, &buf, &len, &err);
 */
#ifndef RS_XLSX_WRITER_H
#define RS_XLSX_WRITER_H

#include <stddef.h>

#include "resilience/error.h"

/* The workbook's creation time: 2021-02-01T00:00:00Z, the DPT's month. */
#define RS_XLSX_CREATED 1612137600L

struct rs_xlsx;

/* How a cell looks and whether a protected sheet lets it be edited. */
enum rs_xlsx_style {
	RS_XLSX_PLAIN,		/* locked */
	RS_XLSX_HEADER,		/* bold, locked */
	RS_XLSX_WRAP,		/* wrapped text, locked */
	RS_XLSX_INPUT,		/* unlocked: to be filled in */
	RS_XLSX_STYLES
};

/* A data validation of one cell (rs_xlsx_validate()). */
struct rs_xlsx_check {
	const char *list;	/* a range formula ("='R'!$B$2:$F$2") for a
				   drop-down list, or NULL for a number */
	int has_min, has_max;	/* number: its bounds, when set */
	double min, max;
	const char *title;	/* input prompt: title (at most 32 bytes) */
	const char *prompt;	/* and message (at most 255 characters) */
	const char *error_title, *error;	/* shown on a refused entry */
};

/*
 * A new workbook in a temporary file, or NULL with err set (RS_EIO).
 * Release it with rs_xlsx_close() in every case.
 */
struct rs_xlsx *rs_xlsx_new(struct rs_error *err);

/*
 * Add a sheet named name (Excel's rules: at most 31 characters, none of
 * []:*?/\) and make it the one written; rtl: right to left.  Sheets come
 * in the order added.
 */
void rs_xlsx_sheet(struct rs_xlsx *x, const char *name, int rtl);

/* Cells of the current sheet, row and col from 0; NULL text is blank. */
void rs_xlsx_text(struct rs_xlsx *x, size_t row, size_t col, const char *s,
    enum rs_xlsx_style style);
void rs_xlsx_number(struct rs_xlsx *x, size_t row, size_t col, double v,
    enum rs_xlsx_style style);

/* Column col's width, in characters. */
void rs_xlsx_width(struct rs_xlsx *x, size_t col, double width);

/* Keep rows above row and columns left of col in view. */
void rs_xlsx_freeze(struct rs_xlsx *x, size_t row, size_t col);

/* Protect the current sheet: only RS_XLSX_INPUT cells can be edited. */
void rs_xlsx_protect(struct rs_xlsx *x);

/* A data validation with an input prompt on one cell. */
void rs_xlsx_validate(struct rs_xlsx *x, size_t row, size_t col,
    const struct rs_xlsx_check *check);

/*
 * Write the workbook out and read it back: *buf (malloc'd, the caller
 * frees it) and *len hold its bytes when rc is 0 and the workbook was
 * written.  With rc other than 0 nothing is written and rc is returned;
 * the temporary file is removed either way and x is freed.
 */
int rs_xlsx_close(struct rs_xlsx *x, int rc, char **buf, size_t *len,
    struct rs_error *err);

/* The version of libxlsxwriter linked, for --version. */
const char *rs_xlsx_version(void);

#endif /* RS_XLSX_WRITER_H */
