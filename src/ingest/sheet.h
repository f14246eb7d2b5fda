/*
 * sheet.h - the cells of one sheet of an .xlsx or .ods workbook
 *
 * rs_sheet_read() opens a workbook held in memory, reads the parts it
 * needs and keeps the cells of one sheet, the first or the one named, as
 * a sparse grid ordered by row, then column.  The container is read with
 * libzip and the XML with expat, and this file's .c alone includes them:
 * what it hands out is plain cells (docs/input.md, "Spreadsheets").
 *
 *	struct rs_sheet sh;
 *
 *	rs_sheet_init(&sh);
 *	if (rs_sheet_read(&sh, "data.xlsx", data, len, 0, NULL, NULL,
 *	    &err) == 0)
 *		for (i = 0; i < sh.ncells; i++)
 *			use(&sh.cells[i]);
 *	rs_sheet_release(&sh);
 */
#ifndef RS_SHEET_H
#define RS_SHEET_H

#include <stddef.h>
#include <stdint.h>

#include "base/mem.h"
#include "resilience/error.h"

/* What a cell holds; an empty cell is not stored. */
enum rs_cell_kind {
	RS_CELL_NUMBER = 1,	/* num */
	RS_CELL_TEXT,		/* text, never empty */
	RS_CELL_BOOL,		/* num, 1 for TRUE and 0 for FALSE */
	RS_CELL_DATE,		/* text in ISO 8601, num its year or NaN */
	RS_CELL_ERROR,		/* text, a formula's error such as "#N/A" */
	RS_CELL_NOVALUE,	/* a formula whose result was not saved */
};

struct rs_cell {
	double num;		/* NUMBER, BOOL, DATE as above, else 0 */
	const char *text;	/* TEXT, DATE, ERROR: UTF-8, NUL-terminated,
				   in the sheet's pool; NULL otherwise */
	uint32_t len;		/* bytes of text */
	uint32_t row, col;	/* 1-based: row 1, column 1 is A1 */
	unsigned char kind;	/* enum rs_cell_kind */
	unsigned char percent;	/* NUMBER shown as a percentage (19% is
				   0.19) */
};

enum rs_sheet_kind {
	RS_SHEET_ANY,		/* whichever the content is */
	RS_SHEET_XLSX,		/* Office Open XML (.xlsx, .xlsm) */
	RS_SHEET_ODS,		/* OpenDocument (.ods) */
};

/* With a kind for rs_sheet_read(): the sheet named if there is one. */
#define RS_SHEET_PREFER 0x100

/*
 * What one workbook may cost (docs/robustness.md): the XML of the parts
 * read, decompressed, at most max_xml bytes in all; at most max_cells
 * cells that hold something in the sheet (a repeated ODS cell counts
 * each time); a cell's text at most RS_SHEET_MAX_TEXT bytes; rows and
 * columns as in Excel.
 */
struct rs_sheet_limits {
	size_t max_xml;		/* bytes of decompressed XML */
	size_t max_cells;	/* non-empty cells of the sheet */
};

#define RS_SHEET_MAX_XML ((size_t)256 << 20)	/* 256 MiB */
#define RS_SHEET_MAX_CELLS ((size_t)5000000)
#define RS_SHEET_MAX_TEXT ((size_t)1 << 20)	/* 1 MiB */
#define RS_SHEET_MAX_ROWS 1048576L
#define RS_SHEET_MAX_COLS 16384L

struct rs_sheet {
	int kind;		/* enum rs_sheet_kind of the workbook */
	const char *path;	/* the workbook's name, in the pool */
	const char *name;	/* the sheet's name, in the pool */
	const char *label;	/* "FILE:SHEET" for messages, the sheet
				   quoted as Excel does when it must be
				   ('My data'), in the pool */
	struct rs_cell *cells;	/* ncells, by row then column */
	size_t ncells;
	size_t cap_cells;	/* allocated cells */
	struct rs_pool pool;	/* names and texts */
};

void rs_sheet_init(struct rs_sheet *sh);
void rs_sheet_release(struct rs_sheet *sh);

/* 1 when data[0..len) starts as a ZIP archive does ("PK\3\4"). */
int rs_sheet_is_zip(const char *data, size_t len);

/*
 * Read sheet `name` (NULL: the first sheet that is not hidden; names are
 * compared ignoring ASCII case) of the workbook data[0..len), named path
 * in messages, into sh.  kind says which format it must be (RS_SHEET_ANY:
 * either), with RS_SHEET_PREFER when a workbook without sheet `name` is
 * to give its first sheet instead; lim NULL means the limits above.  Dates become RS_CELL_DATE
 * (docs/input.md says how), formulas their saved results.
 *
 * Errors are RS_EINPUT with one located line: a container that is not a
 * ZIP archive or is corrupt at path:1:1; malformed XML at "path:PART" with its
 * line and column; a missing part, sheet or relationship at path:1:1; a bad cell at the cell (err->cell set, path
 * sh->label).  sh owns everything it holds; release it either way.
 */
int rs_sheet_read(struct rs_sheet *sh, const char *path, const char *data,
    size_t len, int kind, const char *name,
    const struct rs_sheet_limits *lim, struct rs_error *err);

/*
 * The same from parts already in memory rather than an archive, as tests
 * and the fuzzer feed them: parts[i].name is the part's name in the
 * archive ("xl/workbook.xml"), data[0..len) its bytes; the caller keeps
 * them until the call returns.
 */
struct rs_sheet_part {
	const char *name;	/* the part's name */
	const char *data;	/* its bytes, not NUL-terminated */
	size_t len;
};

int rs_sheet_read_parts(struct rs_sheet *sh, const char *path,
    const struct rs_sheet_part *parts, size_t nparts, int kind,
    const char *name, const struct rs_sheet_limits *lim,
    struct rs_error *err);

/*
 * An error raised at sh->label with the row and column of a cell (or a
 * row alone) is a cell's: set err->cell so that it reads FILE:SHEET!C7.
 * Errors about anything else are left as they are.
 */
void rs_sheet_locate(const struct rs_sheet *sh, struct rs_error *err);

/*
 * The text of a number, the shortest of 15, 16 or 17 significant digits
 * that reads back as v, into buf of at least 32 bytes.  Returns buf.
 */
char *rs_sheet_number_text(char *buf, double v);

/*
 * The percentage a fraction shows as, the shortest digits of v with the
 * point moved two places ("19" for 0.19, "7" for 0.07, "0.5" for 0.005),
 * into buf of at least 48 bytes.  Returns buf.
 */
char *rs_sheet_percent_text(char *buf, double v);

/* The versions of libzip and expat linked, for --version; static. */
const char *rs_sheet_zip_version(void);
const char *rs_sheet_expat_version(void);

#endif /* RS_SHEET_H */
