/*
 * cities.c - a cities file: the identity of the cities of the data
 * (docs/input.md, "Cities")
 *
 * A CSV table with a city_id column and any of city, name_en, name_ar and
 * country.  Each row names a city of the data by its city_id, or by the
 * name the data give it in the city column (the file name for a file
 * without a city column), and gives it what the data leave out.
 */
#include <string.h>

#include "io/csv_table.h"
#include "model/dataset_build.h"
#include "resilience/load.h"
#include "base/text.h"

/* The columns of a cities file, and the field each sets. */
static const struct {
	const char *name;
	int field;		/* an rs_city_field, or -1 for city */
} columns[] = {
	{"city", -1},
	{"city_id", RS_CITY_ID},
	{"name_en", RS_CITY_NAME_EN},
	{"name_ar", RS_CITY_NAME_AR},
	{"country", RS_CITY_COUNTRY},
};

#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

/* A field of row, trimmed; "" when the column is absent. */
static const char *
cell(const struct rs_csv_table *t, size_t row, size_t col, size_t *n)
{
	const char *s;

	if (col == (size_t)-1) {
		*n = 0;
		return "";
	}
	s = rs_csv_table_get(t, row, col);
	*n = strlen(s);
	return rs_trim(s, n);
}

/* The row of t for city c, or 0 (the header) when none names it. */
static size_t
row_of(const struct rs_csv_table *t, const size_t *col,
    const struct rs_city *c)
{
	const char *id, *name;
	size_t row, nid, nname, len = strlen(c->name);

	for (row = 1; row < t->nrows; row++) {
		id = cell(t, row, col[1], &nid);
		name = cell(t, row, col[0], &nname);
		if (c->has_id && nid == strlen(c->id) &&
		    memcmp(id, c->id, nid) == 0)
			return row;
		if (nname > 0 ? nname == len && memcmp(name, c->name, len) ==
		    0 : !c->has_id && nid == len && memcmp(id, c->name, len) ==
		    0)
			return row;
	}
	return 0;
}

/* Check the header and the rows: known columns, ids given once. */
static int
check_table(const struct rs_csv_table *t, size_t *col, struct rs_error *err)
{
	const char *s;
	size_t row, k, i, n;
	char q[RS_QUOTE_SIZE];
	int rc = 0;

	for (k = 0; k < NCOLUMNS; k++)
		col[k] = (size_t)-1;
	for (i = 0; i < t->ncols; i++) {
		s = rs_csv_table_get(t, 0, i);
		for (k = 0; k < NCOLUMNS; k++)
			if (rs_word_eq(s, strlen(s), columns[k].name))
				break;
		if (k == NCOLUMNS)
			return rs_error_set(err, RS_EINPUT, t->path, t->line[0],
			    (long)i + 1, "unknown column \"%s\" (a cities "
			    "file has city_id, city, name_en, name_ar and "
			    "country)", rs_text_quote(q, s, strlen(s)));
		if (col[k] != (size_t)-1)
			return rs_error_set(err, RS_EINPUT, t->path, t->line[0],
			    (long)i + 1, "duplicate column \"%s\"",
			    columns[k].name);
		col[k] = i;
	}
	if (col[1] == (size_t)-1)
		return rs_error_set(err, RS_EINPUT, t->path, t->line[0], 1,
		    "missing required column \"city_id\"");
	/* A cities file is small: each row against the earlier ones. */
	for (row = 1; row < t->nrows && rc == 0; row++) {
		for (k = 0; k < 2 && rc == 0; k++) {
			s = cell(t, row, col[k], &n);
			if (n == 0 && k == 1)
				rc = rs_error_set(err, RS_EINPUT, t->path,
				    t->line[row], (long)col[k] + 1,
				    "empty city_id");
			for (i = 1; i < row && n > 0 && rc == 0; i++) {
				size_t m;
				const char *o = cell(t, i, col[k], &m);

				if (m == n && memcmp(o, s, n) == 0)
					rc = rs_error_set(err, RS_EINPUT,
					    t->path, t->line[row],
					    (long)col[k] + 1, "%s \"%s\" is "
					    "given twice (first at line %ld)",
					    columns[k].name,
					    rs_text_quote(q, s, n), t->line[i]);
			}
		}
	}
	return rc;
}

int
rs_dataset_read_cities(struct rs_dataset *ds, const char *path,
    struct rs_error *err)
{
	struct rs_csv_table t;
	struct rs_pos at;
	size_t col[NCOLUMNS], ci, row, k, n;
	const char *s;
	int rc;

	rs_csv_table_init(&t);
	if ((rc = rs_csv_table_load(&t, path, err)) != 0 ||
	    (rc = check_table(&t, col, err)) != 0)
		goto out;
	memset(&at, 0, sizeof(at));
	at.path = t.path;
	for (ci = 0; ci < ds->ncities && rc == 0; ci++) {
		if ((row = row_of(&t, col, &ds->cities[ci])) == 0)
			continue;
		at.line = t.line[row];
		for (k = 1; k < NCOLUMNS && rc == 0; k++) {
			s = cell(&t, row, col[k], &n);
			at.col = (long)col[k] + 1;
			rc = rs_ds_city_field(ds, ci,
			    (enum rs_city_field)columns[k].field, s, n, &at,
			    err);
		}
	}
out:
	rs_csv_table_release(&t);
	return rc;
}
