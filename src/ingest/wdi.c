/*
 * wdi.c - the World Bank's WDI and WGI files (import.h; docs/input.md,
 * "Import"), read through the CSV table reader
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/csv_table.h"
#include "resilience/import.h"

struct rs_import_priv {
	struct rs_pool pool;	/* codes, names and paths */
};

void
rs_pub_init(struct rs_pubset *s)
{
	memset(s, 0, sizeof(*s));
	s->priv = rs_calloc(1, sizeof(*s->priv));
	rs_pool_init(&s->priv->pool);
}

void
rs_pub_release(struct rs_pubset *s)
{
	if (s->priv != NULL) {
		rs_pool_release(&s->priv->pool);
		free(s->priv);
	}
	free(s->obs);
	memset(s, 0, sizeof(*s));
}

const char *
rs_series_db_name(enum rs_series_db db)
{
	return db == RS_DB_WGI ? "Worldwide Governance Indicators" :
	    "World Development Indicators";
}

const char *
rs_series_db_key(enum rs_series_db db)
{
	return db == RS_DB_WGI ? "wgi" : "wdi";
}

/* Whether s[0..n) equals word, ignoring case and surrounding blanks. */
static int
is_word(const char *s, const char *word)
{
	size_t n = strlen(s);

	s = rs_trim(s, &n);
	return rs_word_eq(s, n, word);
}

/* A copy of s[0..n), upper case, in the pool. */
static char *
upper(struct rs_pubset *s, const char *t, size_t n)
{
	char *c = rs_pool_strndup(&s->priv->pool, t, n);
	size_t i;

	for (i = 0; i < n; i++)
		c[i] = (char)toupper((unsigned char)c[i]);
	return c;
}

/* Whether code (upper case) is a series of the WGI data file. */
static int
is_wgi(const char *code)
{
	static const char *const fam[] = {"CC.", "GE.", "PV.", "RL.", "RQ.",
	    "VA."};
	static const char *const stat[] = {"EST", "STD.ERR", "NO.SRC",
	    "PER.RNK", "PER.RNK.LOWER", "PER.RNK.UPPER"};
	size_t i;

	for (i = 0; i < 6 && strncmp(code, fam[i], 3) != 0; i++)
		;
	if (i == 6)
		return 0;
	for (i = 0; i < 6; i++)
		if (strcmp(code + 3, stat[i]) == 0)
			return 1;
	return 0;
}

/*
 * The series of a data-package file: the name of the folder that holds
 * path ("indicators/sl.uem.totl.zs/data.csv"), or NULL.
 */
static const char *
folder_code(const char *path, size_t *n)
{
	const char *end = strrchr(path, '/'), *start;

	if (end == NULL || end == path)
		return NULL;
	for (start = end; start > path && start[-1] != '/'; start--)
		;
	*n = (size_t)(end - start);
	if (*n == 0 || (*n == 1 && start[0] == '.') ||
	    (*n == 2 && start[0] == '.' && start[1] == '.'))
		return NULL;
	return start;
}

/* A series code: letters, digits, dots and underscores, 1 to 64. */
static int
code_ok(const char *c, size_t n)
{
	size_t i;

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)c[i]) && c[i] != '.' &&
		    c[i] != '_')
			return 0;
	return 1;
}

static void
add(struct rs_pubset *s, const struct rs_pub *o)
{
	rs_grow(&s->obs, &s->cap, s->nobs + 1, sizeof(*s->obs));
	s->obs[s->nobs++] = *o;
}

/* The value in cell (row, col): 0 and *has, or a located error. */
static int
cell_value(const struct rs_csv_table *t, size_t row, size_t col, int *has,
    double *v, struct rs_error *err)
{
	const char *f = rs_csv_table_get(t, row, col), *why;

	*has = 0;
	switch (rs_number_parse(f, strlen(f), v, &why)) {
	case RS_NUMBER_OK:
		*has = 1;
		return 0;
	case RS_NUMBER_MISSING:
		return 0;
	default:
		return rs_error_set(err, RS_EINPUT, t->path, t->line[row],
		    (long)col + 1, "value \"%.40s\" %s", f, why);
	}
}

/* Row r's Country Code (column 1), trimmed and upper case, in the pool. */
static const char *
country_code(struct rs_pubset *s, const struct rs_csv_table *t, size_t r)
{
	const char *f = rs_csv_table_get(t, r, 1);
	size_t n = strlen(f);

	f = rs_trim(f, &n);
	return upper(s, f, n);
}

/* Whether row's Country Code (column 1) is iso3 (NULL: any). */
static int
wanted(const struct rs_csv_table *t, size_t row, const char *iso3)
{
	const char *f = rs_csv_table_get(t, row, 1);
	size_t n = strlen(f);

	f = rs_trim(f, &n);
	return iso3 == NULL || rs_word_eq(f, n, iso3);
}

/* The wide form: one row per country and series, a column per year. */
static int
read_wide(struct rs_pubset *s, const struct rs_csv_table *t,
    const char *path, const char *iso3, struct rs_error *err)
{
	long *year = rs_malloc((t->ncols + 1) * sizeof(long));
	size_t r, c, n;
	const char *f, *country, *code, *p, *cc;
	struct rs_pub o;
	uint64_t y;
	int rc = 0, has;

	for (c = 4; c < t->ncols; c++) {
		f = rs_csv_table_get(t, 0, c);
		n = strlen(f);
		f = rs_trim(f, &n);
		year[c] = 0;
		if (n == 0)
			continue;	/* the bulk files end each line in ',' */
		if (rs_uint_parse(f, n, 1800, 2200, &y) != 0) {
			rc = rs_error_set(err, RS_EINPUT, t->path, t->line[0],
			    (long)c + 1, "column \"%.40s\" is not a year",
			    f);
			goto out;
		}
		year[c] = (long)y;
	}
	p = rs_pool_strdup(&s->priv->pool, path);
	for (r = 1; r < t->nrows; r++) {
		if (!wanted(t, r, iso3))
			continue;
		f = rs_csv_table_get(t, r, 3);
		n = strlen(f);
		f = rs_trim(f, &n);
		if (!code_ok(f, n)) {
			rc = rs_error_set(err, RS_EINPUT, t->path, t->line[r],
			    4, "indicator code \"%.40s\" is not a series "
			    "code", f);
			goto out;
		}
		code = upper(s, f, n);
		country = rs_pool_strdup(&s->priv->pool,
		    rs_csv_table_get(t, r, 0));
		cc = country_code(s, t, r);
		for (c = 4; c < t->ncols; c++) {
			if (year[c] == 0)
				continue;
			if ((rc = cell_value(t, r, c, &has, &o.value,
			    err)) != 0)
				goto out;
			if (!has)
				continue;
			o.code = code;
			o.country = country;
			o.iso3 = cc;
			o.year = year[c];
			o.db = is_wgi(code) ? RS_DB_WGI : RS_DB_WDI;
			o.path = p;
			o.line = t->line[r];
			add(s, &o);
		}
	}
out:
	free(year);
	return rc;
}

/* The data-package form: Country Name, Country Code, Year, Value. */
static int
read_long(struct rs_pubset *s, const struct rs_csv_table *t,
    const char *path, const char *code, const char *iso3,
    struct rs_error *err)
{
	const char *f, *p, *c;
	struct rs_pub o;
	size_t r, n;
	uint64_t y;
	int has, rc;

	if (code != NULL)
		n = strlen(code);
	else
		code = folder_code(path, &n);
	if (code == NULL)
		return rs_error_set(err, RS_EINPUT, t->path, 1, 1, "a "
		    "data-package file names no series: put it in a folder "
		    "named by its code, or give it as CODE=FILE");
	if (!code_ok(code, n))
		return rs_error_set(err, RS_EINPUT, t->path, 1, 1, "\"%.*s\" "
		    "is not a series code", (int)(n > 40 ? 40 : n), code);
	c = upper(s, code, n);
	p = rs_pool_strdup(&s->priv->pool, path);
	for (r = 1; r < t->nrows; r++) {
		if (!wanted(t, r, iso3))
			continue;
		f = rs_csv_table_get(t, r, 2);
		n = strlen(f);
		f = rs_trim(f, &n);
		if (rs_uint_parse(f, n, 1800, 2200, &y) != 0)
			return rs_error_set(err, RS_EINPUT, t->path,
			    t->line[r], 3, "year \"%.40s\" is not a year from "
			    "1800 to 2200", f);
		if ((rc = cell_value(t, r, 3, &has, &o.value, err)) != 0)
			return rc;
		if (!has)
			continue;
		o.code = c;
		o.country = rs_pool_strdup(&s->priv->pool,
		    rs_csv_table_get(t, r, 0));
		o.iso3 = country_code(s, t, r);
		o.year = (long)y;
		o.db = RS_DB_WDI;
		o.path = p;
		o.line = t->line[r];
		add(s, &o);
	}
	return 0;
}

int
rs_pub_read(struct rs_pubset *s, const char *text, size_t len,
    const char *path, const char *code, const char *iso3,
    struct rs_error *err)
{
	struct rs_csv_table t;
	int rc;

	rs_csv_table_init(&t);
	if ((rc = rs_csv_table_read(&t, text, len, path, err)) != 0)
		goto out;
	if (t.ncols >= 4 && is_word(rs_csv_table_get(&t, 0, 0),
	    "Country Name") && is_word(rs_csv_table_get(&t, 0, 1),
	    "Country Code") && is_word(rs_csv_table_get(&t, 0, 2),
	    "Indicator Name") && is_word(rs_csv_table_get(&t, 0, 3),
	    "Indicator Code"))
		rc = read_wide(s, &t, path, iso3, err);
	else if (t.ncols == 4 && is_word(rs_csv_table_get(&t, 0, 0),
	    "Country Name") && is_word(rs_csv_table_get(&t, 0, 1),
	    "Country Code") && is_word(rs_csv_table_get(&t, 0, 2), "Year") &&
	    is_word(rs_csv_table_get(&t, 0, 3), "Value"))
		rc = read_long(s, &t, path, code, iso3, err);
	else
		rc = rs_error_set(err, RS_EINPUT, t.path, 1, 1, "not a WDI "
		    "or WGI file: the header must be \"Country Name,Country "
		    "Code,Indicator Name,Indicator Code,YEAR...\" or "
		    "\"Country Name,Country Code,Year,Value\"");
out:
	rs_csv_table_release(&t);
	return rc;
}
