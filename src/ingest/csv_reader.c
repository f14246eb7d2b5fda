/*
 * csv_reader.c - long and wide city data: CSV through libcsv, and the
 * cells of a spreadsheet (src/ingest/sheet.h) through the same row logic
 *
 * libcsv reports fields and rows but no positions.  The text is fed to it
 * one physical line at a time, so that a callback knows the line it is
 * called on: a field starts on the line where the previous field or row
 * ended (a quoted field may span lines).  Error columns are field numbers.
 * A line ends with LF, CRLF or a lone CR, as libcsv's rows do.
 *
 * A sheet's rows become rows of fields too, a field per column from A to
 * the header's last, so that both layouts and every check are the CSV
 * reader's; the line is the row and the field number the column.  A field
 * from a cell keeps the cell's kind, so that a number is taken as the
 * double the cell holds rather than read back from text.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "base/mem.h"
#include "ingest/readers.h"
#include "ingest/sheet.h"
#include "io/readfile.h"
#include "base/strmap.h"
#include "base/text.h"

#define MAX_FIELD (1024 * 1024)	/* bytes in one field */
#define MAX_FIELDS 100000	/* fields in one row */
#define PIECE 65536		/* bytes fed to libcsv at a time */
#define DISCARD_STEP ((size_t)1 << 20)	/* text read between discards */

enum layout {
	LAYOUT_LONG,	/* indicator, value [, city, year, ...] */
	LAYOUT_WIDE,	/* city [, year], one column per indicator */
};

/* The role of a column. */
enum role {
	ROLE_EXTRA,	/* kept as a further field */
	ROLE_CITY,
	ROLE_INDICATOR,
	ROLE_VALUE,
	ROLE_YEAR,
	ROLE_CITY_ID,	/* the identity of the city: dataset_build.h */
	ROLE_NAME_EN,
	ROLE_NAME_AR,
	ROLE_COUNTRY,
	ROLE_DATA,	/* wide: the values of one indicator */
	ROLE_YEARS,	/* long: the values of one year ("2019") */
};

struct column {
	enum role role;
	size_t index;	/* ROLE_DATA: indicator; ROLE_EXTRA: extra column */
	long year;	/* ROLE_YEARS: the year */
	int fiscal;	/* ROLE_YEARS: RS_YEAR_CALENDAR or RS_YEAR_FISCAL */
};

struct field {
	size_t off, len;	/* in row.buf */
	long line;		/* where it starts */
	double num;		/* NUMBER, BOOL, DATE: rs_cell.num */
	unsigned char kind;	/* 0 for CSV text, else enum rs_cell_kind */
	unsigned char percent;	/* rs_cell.percent */
};

struct reader {
	struct rs_dataset *ds;
	struct rs_error *err;
	struct rs_pos at;
	const char *file;	/* the file's name, for city_from_path() */
	int rc;			/* first error, 0 while all is well */
	long line;		/* the physical line being fed */
	long next_line;		/* where the next field starts */
	int header_done;
	enum layout layout;
	struct column *cols;	/* ncols of them, from the header */
	size_t ncols;
	int has_city, has_year;
	size_t fixed_city;	/* the city of a long file without city column */
	size_t place;		/* this file's place */
	char *buf;		/* the current row's fields, NUL-separated */
	size_t buflen, bufcap;
	struct field *fields;	/* the current row */
	size_t nfields, fieldcap;
};

static int
fail(struct reader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
fail(struct reader *r, long line, long col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->rc = rs_error_set(r->err, RS_EINPUT, r->at.path, line, col, "%s",
	    msg);
	return r->rc;
}

/* Append field data[0..len) starting on line to the row. */
static struct field *
add_field(struct reader *r, const void *data, size_t len, long line)
{
	struct field *f;

	rs_grow(&r->fields, &r->fieldcap, r->nfields + 1, sizeof(*r->fields));
	rs_grow(&r->buf, &r->bufcap, r->buflen + len + 1, 1);
	f = &r->fields[r->nfields++];
	memset(f, 0, sizeof(*f));
	f->off = r->buflen;
	f->len = len;
	f->line = line;
	if (len > 0)
		memcpy(r->buf + r->buflen, data, len);
	r->buflen += len;
	r->buf[r->buflen++] = '\0';
	return f;
}

static void
on_field(void *data, size_t len, void *p)
{
	struct reader *r = p;

	if (r->rc != 0)
		return;
	if (len > MAX_FIELD) {
		fail(r, r->next_line, (long)r->nfields + 1,
		    "field is longer than 1 MiB");
		return;
	}
	if (r->nfields >= MAX_FIELDS) {
		fail(r, r->next_line, (long)r->nfields + 1,
		    "row has more than %d fields", MAX_FIELDS);
		return;
	}
	add_field(r, data, len, r->next_line);
	r->next_line = r->line;
}

static const char *
field_text(const struct reader *r, size_t i, size_t *len)
{
	*len = r->fields[i].len;
	return r->buf + r->fields[i].off;
}

static void
at_field(struct reader *r, size_t i)
{
	r->at.line = r->fields[i].line;
	r->at.col = (long)i + 1;
}

/* The role of a header name: one of the known columns, or ROLE_EXTRA. */
static enum role
header_role(const char *s, size_t n)
{
	static const struct {
		const char *name;
		enum role role;
	} known[] = {
		{"city", ROLE_CITY},
		{"indicator", ROLE_INDICATOR},
		{"value", ROLE_VALUE},
		{"year", ROLE_YEAR},
		{"city_id", ROLE_CITY_ID},
		{"name_en", ROLE_NAME_EN},
		{"name_ar", ROLE_NAME_AR},
		{"country", ROLE_COUNTRY},
	};
	size_t k;

	for (k = 0; k < sizeof(known) / sizeof(*known); k++)
		if (rs_word_eq(s, n, known[k].name))
			return known[k].role;
	return ROLE_EXTRA;
}

static const char *
header_role_name(enum role role)
{
	switch (role) {
	case ROLE_CITY:
		return "city";
	case ROLE_INDICATOR:
		return "indicator";
	case ROLE_VALUE:
		return "value";
	case ROLE_YEAR:
		return "year";
	case ROLE_CITY_ID:
		return "city_id";
	case ROLE_NAME_EN:
		return "name_en";
	case ROLE_NAME_AR:
		return "name_ar";
	case ROLE_COUNTRY:
		return "country";
	case ROLE_EXTRA:
	case ROLE_DATA:
	case ROLE_YEARS:
		break;
	}
	return "";
}

/* Wide layout: every column but city and year names an indicator. */
static int
wide_columns(struct reader *r)
{
	size_t i, n, nind = r->ds->fw->nindicators;
	unsigned char *used = rs_calloc(nind, 1);
	const char *s;
	char q[RS_QUOTE_SIZE];

	for (i = 0; i < r->ncols && r->rc == 0; i++) {
		if (r->cols[i].role != ROLE_EXTRA)
			continue;
		s = rs_trim(field_text(r, i, &n), &n);
		at_field(r, i);
		r->cols[i].role = ROLE_DATA;
		r->rc = rs_ds_indicator(r->ds, s, n, &r->at,
		    &r->cols[i].index, r->err);
		if (r->rc == 0 && used[r->cols[i].index]++)
			fail(r, r->at.line, r->at.col,
			    "duplicate column \"%s\"", rs_text_quote(q, s, n));
	}
	free(used);
	return r->rc;
}

/*
 * The city of a long file without a city column: its base name, or the
 * city that another file gave the city_id id[0..idn).
 */
static int
city_from_path(struct reader *r, const char *id, size_t idn)
{
	const char *base = strrchr(r->file, '/'), *dot;
	char *name;
	size_t n;

	base = base ? base + 1 : r->file;
	if (strcmp(r->file, "-") == 0)
		base = "stdin";
	dot = strrchr(base, '.');
	n = dot != NULL && dot != base ? (size_t)(dot - base) : strlen(base);
	/* A file name is bytes: make it text, as the data is. */
	name = rs_utf8_valid_dup(base, n);
	r->rc = rs_ds_city_id(r->ds, name, strlen(name), id, idn, r->place,
	    &r->at, &r->fixed_city, r->err);
	free(name);
	return r->rc;
}

/*
 * A long file may give a column per year instead of value and year, as
 * the template does with --years: a column named as a year ("2019") or a
 * fiscal year ("2019/20") holds the values of that year.  Returns how
 * many there are.
 */
static size_t
year_columns(struct reader *r)
{
	struct rs_error scratch;
	size_t i, n, found = 0;
	const char *s;
	int fiscal;

	for (i = 0; i < r->ncols; i++) {
		if (r->cols[i].role != ROLE_EXTRA)
			continue;
		s = rs_trim(field_text(r, i, &n), &n);
		if (n == 0 || s[0] < '0' || s[0] > '9' ||
		    rs_ds_year(s, n, &r->cols[i].year, &fiscal, &r->at,
		    &scratch) != 0)
			continue;
		r->cols[i].role = ROLE_YEARS;
		r->cols[i].fiscal = fiscal ? RS_YEAR_FISCAL : RS_YEAR_CALENDAR;
		found++;
	}
	return found;
}

static int
read_header(struct reader *r)
{
	struct rs_strmap seen;
	size_t i, n, count[ROLE_YEARS + 1] = {0};
	const char *s, *key;
	char lowered[16], q[RS_QUOTE_SIZE];

	r->ncols = r->nfields;
	r->cols = rs_calloc(r->ncols, sizeof(*r->cols));
	rs_strmap_init(&seen);
	for (i = 0; i < r->ncols && r->rc == 0; i++) {
		s = rs_trim(field_text(r, i, &n), &n);
		at_field(r, i);
		if (n == 0) {
			fail(r, r->at.line, r->at.col,
			    "empty column name in the header");
			break;
		}
		r->cols[i].role = header_role(s, n);
		if (r->cols[i].role != ROLE_EXTRA) {
			size_t k;

			for (k = 0; k < n; k++)
				lowered[k] = (char)(s[k] | 0x20);
			lowered[n] = '\0';
			key = lowered;
			n = strlen(key);
		} else {
			/* Trim in place: the row buffer is ours. */
			char *k = r->buf + (s - r->buf);

			k[n] = '\0';
			key = k;
		}
		if (rs_strmap_get(&seen, key, n) != NULL) {
			fail(r, r->at.line, r->at.col,
			    "duplicate column \"%s\"",
			    rs_text_quote(q, key, strlen(key)));
			break;
		}
		if (r->cols[i].role == ROLE_EXTRA)
			rs_strmap_put(&seen, key, i);
		else
			rs_strmap_put(&seen, header_role_name(r->cols[i].role),
			    i);
		count[r->cols[i].role]++;
	}
	rs_strmap_release(&seen);
	if (r->rc != 0)
		return r->rc;
	r->has_city = count[ROLE_CITY] > 0;
	r->has_year = count[ROLE_YEAR] > 0;
	r->at.line = r->fields[0].line;
	r->at.col = 1;
	if (count[ROLE_INDICATOR] && !count[ROLE_VALUE] &&
	    (count[ROLE_YEARS] = year_columns(r)) > 0) {
		if (count[ROLE_YEAR])
			return fail(r, r->at.line, 1, "a file with a column "
			    "per year has no \"year\" column");
		count[ROLE_VALUE] = count[ROLE_YEARS];
	}
	if (count[ROLE_INDICATOR] && !count[ROLE_VALUE])
		return fail(r, r->at.line, 1, "missing required column "
		    "\"value\" (a long file has \"indicator\" and \"value\", "
		    "or a column per year)");
	if (count[ROLE_VALUE] && !count[ROLE_INDICATOR])
		return fail(r, r->at.line, 1, "missing required column "
		    "\"indicator\" (a long file has \"indicator\" and "
		    "\"value\")");
	if (count[ROLE_INDICATOR]) {
		r->layout = LAYOUT_LONG;
		for (i = 0; i < r->ncols; i++) {
			if (r->cols[i].role != ROLE_EXTRA)
				continue;
			s = rs_trim(field_text(r, i, &n), &n);
			r->cols[i].index = rs_ds_extra_column(r->ds, s, n);
		}
		if (r->has_city)
			return 0;
		/* With a city_id column the first row says which city. */
		r->fixed_city = RS_NONE;
		for (i = 0; i < r->ncols; i++)
			if (r->cols[i].role == ROLE_CITY_ID)
				return 0;
		return city_from_path(r, "", 0);
	}
	if (!r->has_city)
		return fail(r, r->at.line, 1, "missing required column "
		    "\"indicator\" (long layout) or \"city\" (wide layout)");
	r->layout = LAYOUT_WIDE;
	return wide_columns(r);
}

static int
find_role(const struct reader *r, enum role role)
{
	size_t i;

	for (i = 0; i < r->ncols; i++)
		if (r->cols[i].role == role)
			return (int)i;
	return -1;
}

static int
read_year(struct reader *r, int col, int *has_year, long *year)
{
	const char *s;
	size_t n;
	int fiscal;

	*has_year = 0;
	if (col < 0)
		return 0;
	s = rs_trim(field_text(r, (size_t)col, &n), &n);
	if (n == 0)
		return 0;
	at_field(r, (size_t)col);
	/* A date in the year column gives its year. */
	if (r->fields[col].kind == RS_CELL_DATE &&
	    !isnan(r->fields[col].num)) {
		*year = (long)r->fields[col].num;
		*has_year = RS_YEAR_CALENDAR;
		return 0;
	}
	if ((r->rc = rs_ds_year(s, n, year, &fiscal, &r->at, r->err)) != 0)
		return r->rc;
	*has_year = fiscal ? RS_YEAR_FISCAL : RS_YEAR_CALENDAR;
	return 0;
}

/*
 * A cell formatted as a percentage holds a fraction: 19% is 0.19.  For an
 * indicator measured in percent the value is the percentage, the cell's
 * shortest digits with the point moved two places, so that 0.07 gives
 * exactly 7 (not 0.07 * 100 = 7.000000000000001); any other indicator
 * refuses it, as it refuses "19%" (docs/input.md, "Spreadsheets").
 */
static int
percent_value(struct reader *r, const struct field *f, size_t indicator,
    double *value)
{
	const struct rs_node *node =
	    &r->ds->fw->nodes[r->ds->fw->indicators[indicator]];
	const char *why;
	char pct[48];

	rs_sheet_percent_text(pct, f->num);
	if (!rs_ds_percent_unit(r->ds, indicator))
		return fail(r, r->at.line, r->at.col, "value %s%% is a cell "
		    "formatted as a percentage, but \"%s\" is measured in "
		    "%s%s%s, not in percent: format the cell as a number",
		    pct, node->id, node->unit ? "\"" : "", node->unit ?
		    node->unit : "no unit", node->unit ? "\"" : "");
	if (rs_number_parse(pct, strlen(pct), value, &why) != RS_NUMBER_OK)
		return fail(r, r->at.line, r->at.col, "value %s%% %s", pct,
		    why != NULL ? why : "is not a number");
	return 0;
}

/*
 * The value of field i for the indicator at position indicator, NaN when
 * missing: text is read as a number, a number cell gives its double and
 * a boolean 1 or 0 (docs/input.md).
 */
static int
field_value(struct reader *r, size_t i, size_t indicator, double *value)
{
	const struct field *f = &r->fields[i];
	const char *s;
	size_t n;

	s = field_text(r, i, &n);
	at_field(r, i);
	switch (f->kind) {
	case RS_CELL_NUMBER:
		if (f->percent)
			return percent_value(r, f, indicator, value);
		*value = f->num;
		return 0;
	case RS_CELL_BOOL:
		*value = f->num;
		return 0;
	case RS_CELL_DATE:
		return fail(r, r->at.line, r->at.col, "value is the date %s, "
		    "not a number", s);
	case RS_CELL_ERROR:
		if (strcmp(s, "#N/A") == 0) {
			*value = (double)NAN;
			return 0;
		}
		return fail(r, r->at.line, r->at.col, "value is the formula "
		    "error %.40s, not a number", s);
	default:
		return r->rc = rs_ds_value(r->ds, indicator, s, n, value,
		    &r->at, r->err);
	}
}

/* The identity columns of a row: city_id, name_en, name_ar, country. */
static int
read_identity(struct reader *r, size_t city)
{
	static const struct {
		enum role role;
		enum rs_city_field field;
	} ids[] = {
		{ROLE_CITY_ID, RS_CITY_ID},
		{ROLE_NAME_EN, RS_CITY_NAME_EN},
		{ROLE_NAME_AR, RS_CITY_NAME_AR},
		{ROLE_COUNTRY, RS_CITY_COUNTRY},
	};
	const char *s;
	size_t k, n;
	int col;

	for (k = 0; k < sizeof(ids) / sizeof(*ids); k++) {
		if ((col = find_role(r, ids[k].role)) < 0)
			continue;
		s = field_text(r, (size_t)col, &n);
		at_field(r, (size_t)col);
		if ((r->rc = rs_ds_city_field(r->ds, city, ids[k].field, s, n,
		    &r->at, r->err)) != 0)
			return r->rc;
	}
	return 0;
}

static int
read_city(struct reader *r, size_t *city)
{
	int col = find_role(r, ROLE_CITY), idcol = find_role(r, ROLE_CITY_ID);
	const char *s, *id = "";
	size_t n, idn = 0;

	if (idcol >= 0)
		id = field_text(r, (size_t)idcol, &idn);
	if (col < 0) {
		if (r->fixed_city == RS_NONE) {
			at_field(r, (size_t)idcol);
			if (city_from_path(r, id, idn) != 0)
				return r->rc;
		}
		*city = r->fixed_city;
		return read_identity(r, *city);
	}
	s = rs_trim(field_text(r, (size_t)col, &n), &n);
	at_field(r, (size_t)col);
	if ((r->rc = rs_ds_city_id(r->ds, s, n, id, idn, r->place, &r->at,
	    city, r->err)) != 0)
		return r->rc;
	return read_identity(r, *city);
}

/*
 * The year columns of a long row: a value for each that holds something
 * (an empty cell adds nothing, so that the value can be given later in
 * a row of its own), sharing the row's extra fields.
 */
static int
read_year_values(struct reader *r, size_t city, size_t indicator,
    size_t extra, size_t nextra)
{
	double value;
	size_t i, n;

	for (i = 0; i < r->ncols; i++) {
		if (r->cols[i].role != ROLE_YEARS)
			continue;
		(void)rs_trim(field_text(r, i, &n), &n);
		if (n == 0 && r->fields[i].kind != RS_CELL_NUMBER &&
		    r->fields[i].kind != RS_CELL_BOOL)
			continue;
		if (field_value(r, i, indicator, &value) != 0 ||
		    (r->rc = rs_ds_add(r->ds, city, indicator, value,
		    r->cols[i].fiscal, r->cols[i].year, extra, nextra,
		    &r->at, r->err)) != 0)
			return r->rc;
	}
	return 0;
}

static int
read_long_row(struct reader *r)
{
	size_t i, n, city, indicator, extra = r->ds->nextras, nextra = 0;
	int has_year;
	long year = 0;
	double value = (double)NAN;
	const char *s;

	if (read_city(r, &city) != 0 ||
	    read_year(r, find_role(r, ROLE_YEAR), &has_year, &year) != 0)
		return r->rc;
	i = (size_t)find_role(r, ROLE_INDICATOR);
	s = rs_trim(field_text(r, i, &n), &n);
	at_field(r, i);
	if (n == 0)
		return fail(r, r->at.line, r->at.col, "empty indicator id");
	if ((r->rc = rs_ds_indicator(r->ds, s, n, &r->at, &indicator,
	    r->err)) != 0)
		return r->rc;
	for (i = 0; i < r->ncols; i++) {
		if (r->cols[i].role != ROLE_EXTRA)
			continue;
		s = field_text(r, i, &n);
		if (n == 0)
			continue;
		rs_ds_extra(r->ds, r->cols[i].index, s, n);
		nextra++;
	}
	if (find_role(r, ROLE_VALUE) < 0)
		return read_year_values(r, city, indicator, extra, nextra);
	i = (size_t)find_role(r, ROLE_VALUE);
	if (field_value(r, i, indicator, &value) != 0)
		return r->rc;
	return r->rc = rs_ds_add(r->ds, city, indicator, value, has_year,
	    year, extra, nextra, &r->at, r->err);
}

static int
read_wide_row(struct reader *r)
{
	size_t i, city;
	int has_year;
	long year = 0;
	double value = (double)NAN;

	if (read_city(r, &city) != 0 ||
	    read_year(r, find_role(r, ROLE_YEAR), &has_year, &year) != 0)
		return r->rc;
	for (i = 0; i < r->ncols; i++) {
		if (r->cols[i].role != ROLE_DATA)
			continue;
		if (field_value(r, i, r->cols[i].index, &value) != 0 ||
		    (r->rc = rs_ds_add(r->ds, city, r->cols[i].index, value,
		    has_year, year, 0, 0, &r->at, r->err)) != 0)
			return r->rc;
	}
	return 0;
}

/* Is s[0..n) a whole number, with a sign when sign is set? */
static int
digits(const char *s, size_t n, int sign)
{
	size_t i = 0;

	s = rs_trim(s, &n);
	if (sign && n > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	if (i == n)
		return 0;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/*
 * A row with one field too many whose value column and the field after it
 * are whole numbers, as "X,a1,12,5" is, most likely holds a decimal
 * comma: say how to write the number.
 */
static void
decimal_comma_hint(const struct reader *r, char *hint, size_t size)
{
	const char *a, *b;
	char q[RS_QUOTE_SIZE];
	size_t i, na, nb;

	for (i = 0; i + 1 < r->nfields && i < r->ncols; i++) {
		if (r->cols[i].role != ROLE_VALUE &&
		    r->cols[i].role != ROLE_DATA)
			continue;
		a = field_text(r, i, &na);
		b = field_text(r, i + 1, &nb);
		if (!digits(a, na, 1) || !digits(b, nb, 0))
			continue;
		a = rs_trim(a, &na);
		b = rs_trim(b, &nb);
		snprintf(hint, size, ": if %s,%s is a number, write it %s.%s "
		    "(with '.' as the decimal point)",
		    rs_text_quote(q, a, na), b, a, b);
		if (strlen(hint) + 1 >= size)
			hint[0] = '\0';
		return;
	}
}

/* The row of fields is whole: the header, or a row of data. */
static void
end_row(struct reader *r)
{
	size_t i, n;
	int blank = 1;

	if (r->rc != 0)
		goto out;
	for (i = 0; i < r->nfields && blank; i++) {
		rs_trim(field_text(r, i, &n), &n);
		blank = n == 0;
	}
	if (blank)
		goto out;
	if (!r->header_done) {
		r->header_done = 1;
		read_header(r);
		goto out;
	}
	if (r->nfields != r->ncols) {
		size_t at = r->nfields < r->ncols ? r->nfields : r->ncols;
		char hint[RS_QUOTE_SIZE + 64] = "";

		if (r->nfields == r->ncols + 1)
			decimal_comma_hint(r, hint, sizeof(hint));
		fail(r, r->fields[at > 0 ? at - 1 : 0].line, (long)at + 1,
		    "row has %zu fields, the "
		    "header has %zu%s%s", r->nfields, r->ncols,
		    r->nfields > r->ncols ? " (a ',' inside an unquoted "
		    "value?)" : "", hint);
		goto out;
	}
	if (r->layout == LAYOUT_LONG)
		read_long_row(r);
	else
		read_wide_row(r);
out:
	r->nfields = 0;
	r->buflen = 0;
}

static void
on_row(int term, void *p)
{
	struct reader *r = p;

	(void)term;
	end_row(r);
	r->next_line = r->line + 1;
}

/*
 * Feed one line to libcsv, PIECE bytes at a time: libcsv keeps a field
 * until it ends, so a field over MAX_FIELD is caught here, with the
 * memory it holds bounded, rather than when (and if) it ends.
 * csv_parser.entry_pos, the length of the field so far, is public in
 * <csv.h>.
 */
static void
feed_line(struct reader *r, struct csv_parser *parser, const char *p,
    size_t n)
{
	size_t piece;

	while (n > 0 && r->rc == 0) {
		piece = n < PIECE ? n : PIECE;
		if (csv_parse(parser, p, piece, on_field, on_row, r) != piece &&
		    r->rc == 0)
			fail(r, r->next_line, (long)r->nfields + 1, "malformed "
			    "quoting: a quote inside an unquoted field, or "
			    "text after a closing quote");
		if (r->rc == 0 && parser->entry_pos > MAX_FIELD)
			fail(r, r->next_line, (long)r->nfields + 1,
			    "field is longer than 1 MiB");
		p += piece;
		n -= piece;
	}
}

int
rs_csv_read(struct rs_dataset *ds, const char *text, size_t len,
    int discard, const struct rs_pos *at, struct rs_error *err)
{
	struct csv_parser parser;
	struct reader r;
	const char *p, *end, *nl, *kept;
	size_t chunk;
	int rc;

	memset(&r, 0, sizeof(r));
	r.ds = ds;
	r.err = err;
	r.at = *at;
	r.file = at->path;
	r.line = 1;
	r.next_line = 1;
	r.place = rs_ds_new_place(ds);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if ((rc = rs_text_check(text, len, at->path, err)) != 0)
		return rc;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0)
		return rs_error_set(err, RS_EIO, at->path, 0, 0,
		    "cannot start the CSV parser");
	/* grown through the wrappers: out of memory is not bad CSV */
	csv_set_realloc_func(&parser, rs_realloc);
	/* libcsv grows a field 128 bytes at a time by default. */
	csv_set_blk_size(&parser, PIECE);
	p = kept = text;
	end = text + len;
	while (p < end && r.rc == 0) {
		/*
		 * Every field is copied as it is parsed: the lines read so
		 * far are not needed again, and a file of values need not
		 * be held beside them (docs/performance.md).
		 */
		if (discard && (size_t)(p - kept) >= DISCARD_STEP) {
			rs_text_discard(text, (size_t)(p - text));
			kept = p;
		}
		chunk = rs_line_len(p, (size_t)(end - p));
		nl = p + chunk - 1;
		/* No row begun (libcsv's ROW_NOT_BEGUN, 0): blank lines and
		 * blanks before a row start none, so it starts here. */
		if (parser.pstate == 0)
			r.next_line = r.line;
		feed_line(&r, &parser, p, chunk);
		p += chunk;
		if (*nl == '\n' || *nl == '\r')
			r.line++;
	}
	if (r.rc == 0 && csv_fini(&parser, on_field, on_row, &r) != 0 &&
	    r.rc == 0)
		fail(&r, r.next_line, (long)r.nfields + 1,
		    "unterminated quoted field");
	if (r.rc == 0 && !r.header_done)
		fail(&r, 1, 1, "empty file");
	csv_free(&parser);
	free(r.cols);
	free(r.buf);
	free(r.fields);
	return r.rc;
}

/* What rs_csv_header() has seen of the header row. */
struct sniff {
	int nonblank;		/* a field of the current row is not blank */
	int done;		/* the header row has ended */
	int indicator;		/* it has an "indicator" column */
	int icode;		/* it has an "iCode" column */
};

static void
sniff_field(void *data, size_t len, void *p)
{
	struct sniff *s = p;
	const char *f = data != NULL ? data : "";
	size_t n = data != NULL ? len : 0;

	if (s->done)
		return;
	f = rs_trim(f, &n);
	s->nonblank |= n > 0;
	s->indicator |= header_role(f, n) == ROLE_INDICATOR;
	s->icode |= n == 5 && memcmp(f, "iCode", 5) == 0;
}

static void
sniff_row(int term, void *p)
{
	struct sniff *s = p;

	(void)term;
	if (s->done)
		return;
	s->done = s->nonblank;
	s->nonblank = 0;
}

int
rs_csv_header(const char *text, size_t len, int *indicator, int *icode)
{
	struct csv_parser parser;
	struct sniff s = {0};
	const char *p = text, *end = text + len;
	size_t chunk;
	int bad = 0;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	*indicator = *icode = 0;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 0;
	/* A line at a time, so that only the header is parsed. */
	while (p < end && !s.done && !bad) {
		chunk = rs_line_len(p, (size_t)(end - p));
		bad = csv_parse(&parser, p, chunk, sniff_field, sniff_row,
		    &s) != chunk;
		p += chunk;
	}
	if (!s.done && !bad)
		csv_fini(&parser, sniff_field, sniff_row, &s);
	csv_free(&parser);
	if (!s.done)
		return 0;
	*indicator = s.indicator;
	*icode = s.icode;
	return 1;
}

/* --- spreadsheets ------------------------------------------------------ */

/* A cell that holds nothing but blanks, or no cell. */
static int
blank_cell(const struct rs_cell *c)
{
	size_t n;

	if (c == NULL)
		return 1;
	if (c->kind != RS_CELL_TEXT)
		return 0;
	n = c->len;
	rs_trim(c->text, &n);
	return n == 0;
}

/* Add the field of cell c (NULL: an empty cell) at row, col. */
static int
cell_field(struct reader *r, const struct rs_cell *c, long row, long col)
{
	struct field *f;
	const char *s = "";
	char num[32];
	size_t n = 0;

	if (c != NULL) {
		switch (c->kind) {
		case RS_CELL_NUMBER:
			s = rs_sheet_number_text(num, c->num);
			n = strlen(s);
			break;
		case RS_CELL_BOOL:
			s = c->num > 0 ? "TRUE" : "FALSE";
			n = strlen(s);
			break;
		case RS_CELL_NOVALUE:
			return fail(r, row, col, "formula without a saved "
			    "result: open the file in a spreadsheet program "
			    "and save it again");
		default:
			s = c->text;
			n = c->len;
			break;
		}
	}
	f = add_field(r, s, n, row);
	if (c != NULL) {
		f->kind = c->kind;
		f->num = c->num;
		f->percent = c->percent;
	}
	return 0;
}

/* The n cells of one row, in column order. */
static void
sheet_row(struct reader *r, const struct rs_cell *cells, size_t n)
{
	long row = (long)cells[0].row, col, last = 0;
	char a[8];
	size_t k;

	if (r->header_done) {
		last = (long)r->ncols;
	} else {
		for (k = 0; k < n; k++)
			if (!blank_cell(&cells[k]))
				last = (long)cells[k].col;
		if (last == 0)
			return;		/* a blank row before the header */
	}
	for (col = 1, k = 0; col <= last && r->rc == 0; col++)
		if (cell_field(r, k < n && cells[k].col == (uint32_t)col ?
		    &cells[k++] : NULL, row, col) != 0)
			return;
	for (; k < n && r->rc == 0; k++)
		if (!blank_cell(&cells[k]))
			fail(r, row, (long)cells[k].col, "cell outside the "
			    "table: the header's last column is %s",
			    rs_column_name(a, last));
	end_row(r);
}

int
rs_csv_read_sheet(struct rs_dataset *ds, const struct rs_sheet *sh,
    const struct rs_pos *at, struct rs_error *err)
{
	struct reader r;
	size_t i, j;

	memset(&r, 0, sizeof(r));
	r.ds = ds;
	r.err = err;
	r.at = *at;
	r.file = sh->path;
	r.place = rs_ds_new_place(ds);
	for (i = 0; i < sh->ncells && r.rc == 0; i = j) {
		for (j = i + 1; j < sh->ncells &&
		    sh->cells[j].row == sh->cells[i].row; j++)
			;
		sheet_row(&r, sh->cells + i, j - i);
	}
	if (r.rc == 0 && !r.header_done)
		fail(&r, 1, 1, "empty sheet: no header row");
	free(r.cols);
	free(r.buf);
	free(r.fields);
	if (r.rc != 0)
		rs_sheet_locate(sh, err);
	return r.rc;
}

#define RS_STR(x) #x
#define RS_XSTR(x) RS_STR(x)

const char *
rs_csv_version(void)
{
	return RS_XSTR(CSV_MAJOR) "." RS_XSTR(CSV_MINOR) "."
	    RS_XSTR(CSV_RELEASE);
}
