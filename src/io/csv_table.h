/*
 * csv_table.h - a whole CSV file as a table of strings
 *
 * The COINr readers (src/coinr.c) and the conformance tests need a CSV
 * file as rows and columns of text with the line of each row, whatever
 * its columns mean.  Row 0 is the header; every row has as many fields.
 */
#ifndef RS_CSV_TABLE_H
#define RS_CSV_TABLE_H

#include <stddef.h>

#include "base/mem.h"
#include "resilience/error.h"

struct rs_csv_table {
	const char *path;	/* name in messages, in the pool */
	size_t nrows;		/* rows, the header included */
	size_t ncols;		/* fields in the header */
	char **cell;		/* nrows * ncols fields, row-major, in pool */
	long *line;		/* 1-based line where each row starts */
	struct rs_pool pool;	/* every field */
	size_t cap_cells, cap_rows;	/* allocated cells and lines */
};

void rs_csv_table_init(struct rs_csv_table *t);
void rs_csv_table_release(struct rs_csv_table *t);

/*
 * Read CSV text[0..len) named path into t (a UTF-8 BOM is skipped; blank
 * lines are ignored, except in a one-column table where they are rows of
 * one empty field).  A row whose field count differs from the header's,
 * bad quoting, invalid UTF-8 and an empty file are RS_EINPUT errors
 * located at the row.  The table owns copies of the fields.
 */
int rs_csv_table_read(struct rs_csv_table *t, const char *text, size_t len,
    const char *path, struct rs_error *err);

/* Read the file at path ("-" is standard input) into t. */
int rs_csv_table_load(struct rs_csv_table *t, const char *path,
    struct rs_error *err);

/*
 * Append a row of t->ncols fields (t->ncols set by the caller before the
 * first row, the header) starting on line; the fields are to live in
 * t->pool.  For tables made from something other than CSV text.
 */
void rs_csv_table_add_row(struct rs_csv_table *t, char **fields, long line);

/* The field at row, col (row 0 is the header); the table owns it. */
const char *rs_csv_table_get(const struct rs_csv_table *t, size_t row,
    size_t col);

/* The column whose header is name (exact match), or (size_t)-1. */
size_t rs_csv_table_column(const struct rs_csv_table *t, const char *name);

#endif /* RS_CSV_TABLE_H */
