/*
 * csv_table.c - a whole CSV file as a table of strings, through libcsv
 *
 * As in csv_reader.c, the text is fed to libcsv one physical line at a
 * time so that the callbacks know the line a row starts on.
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "base/mem.h"
#include "io/csv_table.h"
#include "io/readfile.h"
#include "base/text.h"

struct table_reader {
	struct rs_csv_table *t;
	struct rs_error *err;
	int rc;			/* first error */
	long line;		/* physical line being fed */
	long next_line;		/* where the next field starts */
	long row_line;		/* where the current row started */
	int row_started;	/* a field of the current row was seen */
	long last_end;		/* line on which the last row ended */
	char **fields;		/* the current row, in the pool */
	size_t nfields, cap;
};

void
rs_csv_table_init(struct rs_csv_table *t)
{
	memset(t, 0, sizeof(*t));
	rs_pool_init(&t->pool);
	t->path = "";
}

void
rs_csv_table_release(struct rs_csv_table *t)
{
	free(t->cell);
	free(t->line);
	rs_pool_release(&t->pool);
	rs_csv_table_init(t);
}

static void
on_field(void *data, size_t len, void *p)
{
	struct table_reader *r = p;

	if (r->rc != 0)
		return;
	if (!r->row_started) {
		r->row_started = 1;
		r->row_line = r->next_line;
	}
	rs_grow(&r->fields, &r->cap, r->nfields + 1, sizeof(*r->fields));
	r->fields[r->nfields++] = rs_pool_strndup(&r->t->pool,
	    data != NULL ? data : "", data != NULL ? len : 0);
	r->next_line = r->line;
}

static void
add_row(struct rs_csv_table *t, char **fields, long line)
{
	rs_grow(&t->cell, &t->cap_cells, (t->nrows + 1) * t->ncols,
	    sizeof(*t->cell));
	rs_grow(&t->line, &t->cap_rows, t->nrows + 1, sizeof(*t->line));
	memcpy(t->cell + t->nrows * t->ncols, fields,
	    t->ncols * sizeof(*t->cell));
	t->line[t->nrows++] = line;
}

/*
 * libcsv reports no row for a blank line; in a one-column table a blank
 * line is a row with an empty field (how R writes NA), so the lines
 * between the last row and line `upto` become such rows.
 */
static void
blank_rows(struct table_reader *r, long upto)
{
	char *empty[1];
	long l;

	if (r->t->nrows == 0 || r->t->ncols != 1)
		return;
	empty[0] = rs_pool_strdup(&r->t->pool, "");
	for (l = r->last_end + 1; l < upto; l++)
		add_row(r->t, empty, l);
}

static void
on_row(int term, void *p)
{
	struct table_reader *r = p;
	struct rs_csv_table *t = r->t;
	size_t i, n;
	int blank = 1;

	(void)term;
	if (r->rc != 0)
		goto out;
	/*
	 * A blank line is skipped, but a row of empty fields is a row of
	 * missing values; so is a blank line of a one-column table.
	 */
	for (i = 0; i < r->nfields && blank; i++) {
		n = strlen(r->fields[i]);
		rs_trim(r->fields[i], &n);
		blank = n == 0;
	}
	if (blank && r->nfields <= 1 && (t->nrows == 0 || t->ncols > 1))
		goto out;
	blank_rows(r, r->row_line);
	if (t->nrows == 0)
		t->ncols = r->nfields;
	else if (r->nfields != t->ncols) {
		r->rc = rs_error_set(r->err, RS_EINPUT, t->path, r->row_line,
		    (long)(r->nfields < t->ncols ? r->nfields :
		    t->ncols + 1), "row has %zu fields, the header has %zu",
		    r->nfields, t->ncols);
		goto out;
	}
	add_row(t, r->fields, r->row_line);
out:
	r->last_end = r->line;
	r->next_line = r->line + 1;
	r->nfields = 0;
	r->row_started = 0;
}

/*
 * The first line after line `after` that is not empty: where a row starts
 * whose first field libcsv has not finished (an unterminated quote that
 * opens the row), as no callback has told its line.
 */
static long
first_line_after(const char *text, size_t len, long after)
{
	size_t off = 0, n;
	long line = 1;

	while (off < len) {
		n = rs_line_len(text + off, len - off);
		if (line > after && !(text[off] == '\n' || text[off] == '\r'))
			return line;
		off += n;
		line++;
	}
	return line;
}

int
rs_csv_table_read(struct rs_csv_table *t, const char *text, size_t len,
    const char *path, struct rs_error *err)
{
	struct csv_parser parser;
	struct table_reader r;
	const char *p, *end, *nl;
	size_t chunk;
	int rc;

	rs_csv_table_release(t);
	t->path = rs_pool_strdup(&t->pool, path);
	memset(&r, 0, sizeof(r));
	r.t = t;
	r.err = err;
	r.line = 1;
	r.next_line = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if ((rc = rs_text_check(text, len, path, err)) != 0)
		return rc;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0)
		return rs_error_set(err, RS_EIO, path, 0, 0,
		    "cannot start the CSV parser");
	/* grown through the wrappers: out of memory is not bad CSV */
	csv_set_realloc_func(&parser, rs_realloc);
	p = text;
	end = text + len;
	/* A line ends with LF, CRLF or a lone CR, as libcsv's rows do. */
	while (p < end && r.rc == 0) {
		chunk = rs_line_len(p, (size_t)(end - p));
		nl = p + chunk - 1;
		/* No row begun (libcsv's ROW_NOT_BEGUN, 0): blank lines and
		 * blanks before a row start none, so it starts here. */
		if (parser.pstate == 0)
			r.next_line = r.line;
		if (csv_parse(&parser, p, chunk, on_field, on_row, &r) !=
		    chunk && r.rc == 0)
			r.rc = rs_error_set(err, RS_EINPUT, t->path,
			    r.next_line, (long)r.nfields + 1, "malformed "
			    "quoting: a quote inside an unquoted field, or "
			    "text after a closing quote");
		p += chunk;
		if (*nl == '\n' || *nl == '\r')
			r.line++;
	}
	if (r.rc == 0 && csv_fini(&parser, on_field, on_row, &r) != 0 &&
	    r.rc == 0)
		r.rc = rs_error_set(err, RS_EINPUT, t->path, r.row_started ?
		    r.row_line : first_line_after(text, len, r.last_end),
		    (long)r.nfields + 1, "unterminated quoted field");
	if (r.rc == 0)
		blank_rows(&r, len > 0 && text[len - 1] != '\n' &&
		    text[len - 1] != '\r' ? r.line + 1 :
		    r.line);
	if (r.rc == 0 && t->nrows == 0)
		r.rc = rs_error_set(err, RS_EINPUT, t->path, 1, 1,
		    "empty file");
	csv_free(&parser);
	free(r.fields);
	return r.rc;
}

int
rs_csv_table_load(struct rs_csv_table *t, const char *path,
    struct rs_error *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	rc = rs_csv_table_read(t, text, len, path, err);
	free(text);
	return rc;
}

const char *
rs_csv_table_get(const struct rs_csv_table *t, size_t row, size_t col)
{
	return t->cell[row * t->ncols + col];
}

size_t
rs_csv_table_column(const struct rs_csv_table *t, const char *name)
{
	size_t j;

	for (j = 0; t->nrows > 0 && j < t->ncols; j++)
		if (strcmp(rs_csv_table_get(t, 0, j), name) == 0)
			return j;
	return (size_t)-1;
}

void
rs_csv_table_add_row(struct rs_csv_table *t, char **fields, long line)
{
	add_row(t, fields, line);
}
