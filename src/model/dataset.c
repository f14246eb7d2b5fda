/*
 * dataset.c - the data model and the checks every reader shares
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "model/dataset_build.h"
#include "base/strmap.h"
#include "base/text.h"
#include "resilience/pipeline_spec.h"

#define NO_OBS UINT32_MAX	/* an empty cell of rs_dataset_priv.first */
#define NO_FILE UINT32_MAX	/* a city with no row in the matrix yet */
#define NO_COL INT32_MIN	/* a column not yet seen in the matrix */

/* Where the matrix values of a city come from: one row of one file. */
struct dense_row {
	uint32_t file;		/* NO_FILE until the first */
	int32_t line;
};

struct rs_dataset_priv {
	struct rs_pool pool;		/* names and fields */
	struct rs_strmap city_ids;	/* name -> city index */
	struct rs_strmap given_ids;	/* city_id given -> city index */
	struct rs_strmap extra_ids;	/* column name -> extra_names index */
	uint32_t *first;		/* per city and indicator: its first
					   observation, or NO_OBS */
	struct rs_pairmap seen;		/* (city, indicator, year) -> obs, for
					   the later observations of a cell */
	double *dense;			/* per city and indicator: its undated
					   value, NaN when missing or none */
	uint64_t *given;		/* bit per cell: dense holds one */
	struct dense_row *rows;		/* per city */
	int32_t *cols;			/* per file and indicator: its column,
					   NO_COL */
	size_t ndense;			/* cells given */
	struct rs_obs ring[RS_OBS_RING];	/* rs_dataset_obs() */
	unsigned ringpos;
	size_t cap_cities, cap_obs, cap_files, cap_extra_names, cap_extras;
	size_t cap_first, cap_dense, cap_given, cap_rows, cap_cols;
	unsigned char *sheet_file;	/* per file: 1 for a sheet */
	size_t nplaces;			/* places handed out */
	size_t bytes;			/* text read, for RS_MAX_INPUT */
	int done;			/* rs_dataset_read_done() called */
};

void
rs_dataset_init(struct rs_dataset *ds, const struct rs_framework *fw)
{
	memset(ds, 0, sizeof(*ds));
	ds->fw = fw;
	ds->priv = rs_calloc(1, sizeof(*ds->priv));
	rs_pool_init(&ds->priv->pool);
	rs_strmap_init(&ds->priv->city_ids);
	rs_strmap_init(&ds->priv->given_ids);
	rs_strmap_init(&ds->priv->extra_ids);
	rs_pairmap_init(&ds->priv->seen);
}

void
rs_dataset_release(struct rs_dataset *ds)
{
	if (ds->priv != NULL) {
		rs_pool_release(&ds->priv->pool);
		rs_strmap_release(&ds->priv->city_ids);
		rs_strmap_release(&ds->priv->given_ids);
		rs_strmap_release(&ds->priv->extra_ids);
		rs_pairmap_release(&ds->priv->seen);
		free(ds->priv->first);
		free(ds->priv->dense);
		free(ds->priv->given);
		free(ds->priv->rows);
		free(ds->priv->cols);
		free(ds->priv->sheet_file);
		free(ds->priv);
	}
	free(ds->cities);
	free(ds->obs);
	free(ds->files);
	free(ds->extra_names);
	free(ds->extras);
	memset(ds, 0, sizeof(*ds));
}

/*
 * A position in file for messages: "FILE:LINE", or "FILE:SHEET!C7" for a
 * sheet.  Returns buf (of size n).
 */
static const char *
where(const struct rs_dataset *ds, size_t file, long line, long col,
    char *buf, size_t n)
{
	char a[8];

	if (ds->priv->sheet_file[file])
		snprintf(buf, n, "%s!%s%ld", ds->files[file],
		    rs_column_name(a, col), line);
	else
		snprintf(buf, n, "%s:%ld", ds->files[file], line);
	return buf;
}

/* The index of first observations, for n cities, made when first needed. */
static void
grow_first(struct rs_dataset *ds, size_t n)
{
	struct rs_dataset_priv *p = ds->priv;
	size_t nind = ds->fw->nindicators, had = p->first == NULL ? 0 :
	    ds->ncities, i;

	rs_grow(&p->first, &p->cap_first, n * nind + 1, sizeof(*p->first));
	for (i = had * nind; i < n * nind; i++)
		p->first[i] = NO_OBS;
}

/* The matrix, its bits and its rows for n cities. */
static void
grow_dense(struct rs_dataset *ds, size_t n)
{
	struct rs_dataset_priv *p = ds->priv;
	size_t nind = ds->fw->nindicators, had = p->cap_given, i;

	rs_grow(&p->dense, &p->cap_dense, n * nind + 1, sizeof(*p->dense));
	for (i = ds->ncities * nind; i < n * nind; i++)
		p->dense[i] = (double)NAN;
	rs_grow(&p->given, &p->cap_given, (n * nind + 63) / 64 + 1,
	    sizeof(*p->given));
	if (p->cap_given > had)
		memset(p->given + had, 0, (p->cap_given - had) *
		    sizeof(*p->given));
	rs_grow(&p->rows, &p->cap_rows, n, sizeof(*p->rows));
	for (i = ds->ncities; i < n; i++)
		p->rows[i].file = NO_FILE;
}

static int
is_given(const struct rs_dataset_priv *p, size_t cell)
{
	return (p->given[cell / 64] >> (cell % 64)) & 1;
}

size_t
rs_ds_new_place(struct rs_dataset *ds)
{
	return ds->priv->nplaces++;
}

int
rs_ds_city(struct rs_dataset *ds, const char *name, size_t n, size_t place,
    const struct rs_pos *at, size_t *city, struct rs_error *err)
{
	return rs_ds_city_id(ds, name, n, "", 0, place, at, city, err);
}

int
rs_ds_city_id(struct rs_dataset *ds, const char *name, size_t n,
    const char *id, size_t idn, size_t place, const struct rs_pos *at,
    size_t *city, struct rs_error *err)
{
	struct rs_dataset_priv *p = ds->priv;
	const size_t *found;
	struct rs_city *c;
	char q[RS_QUOTE_SIZE], a[RS_QUOTE_SIZE], b[RS_QUOTE_SIZE], at_[600];

	if (n == 0)
		return rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
		    "empty city name");
	id = rs_trim(id, &idn);
	/*
	 * docs/input.md, "Cities": a city_id given in another file (or JSON
	 * entry) is the same city, whatever its name there; in one place,
	 * one id is one name.
	 */
	found = idn > 0 ? rs_strmap_get(&p->given_ids, id, idn) : NULL;
	if (found != NULL) {
		c = &ds->cities[*found];
		if (c->place == place && (strlen(c->name) != n ||
		    memcmp(c->name, name, n) != 0))
			return rs_error_set(err, RS_EINPUT, at->path, at->line,
			    at->col, "cities \"%s\" and \"%s\" have the same "
			    "city_id \"%s\"", rs_text_quote(a, name, n),
			    rs_text_quote(b, c->name, strlen(c->name)),
			    rs_text_quote(q, id, idn));
		*city = *found;
		return 0;
	}
	found = rs_strmap_get(&p->city_ids, name, n);
	if (found != NULL) {
		c = &ds->cities[*found];
		if (c->place != place)
			return rs_error_set(err, RS_EINPUT, at->path, at->line,
			    at->col, "city \"%s\" is already defined at %s",
			    rs_text_quote(q, c->name, strlen(c->name)),
			    where(ds, c->file, c->line, c->col, at_,
			    sizeof(at_)));
		*city = *found;
		return 0;
	}
	if (ds->ncities >= RS_MAX_CELLS / ds->fw->nnodes)
		return rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
		    "too many cities: a framework of %zu nodes allows %zu "
		    "(%zu city-node cells in all)", ds->fw->nnodes,
		    RS_MAX_CELLS / ds->fw->nnodes, RS_MAX_CELLS);
	rs_grow(&ds->cities, &p->cap_cities, ds->ncities + 1,
	    sizeof(*ds->cities));
	c = &ds->cities[ds->ncities];
	c->name = rs_pool_strndup(&p->pool, name, n);
	c->id = c->name;
	c->name_en = c->name_ar = c->country = NULL;
	c->has_id = 0;
	c->place = place;
	c->file = at->file;
	c->line = at->line;
	c->col = at->col;
	rs_strmap_put(&p->city_ids, c->name, ds->ncities);
	if (p->first != NULL)
		grow_first(ds, ds->ncities + 1);
	grow_dense(ds, ds->ncities + 1);
	*city = ds->ncities++;
	return 0;
}

const char *
rs_city_field_name(enum rs_city_field f)
{
	switch (f) {
	case RS_CITY_ID:
		return "city_id";
	case RS_CITY_NAME_EN:
		return "name_en";
	case RS_CITY_NAME_AR:
		return "name_ar";
	case RS_CITY_COUNTRY:
		break;
	}
	return "country";
}

int
rs_ds_city_field(struct rs_dataset *ds, size_t city, enum rs_city_field f,
    const char *s, size_t n, const struct rs_pos *at, struct rs_error *err)
{
	struct rs_city *c = &ds->cities[city];
	const char **slot;
	char q[RS_QUOTE_SIZE], was[RS_QUOTE_SIZE], name[RS_QUOTE_SIZE];
	int set;

	s = rs_trim(s, &n);
	if (n == 0)
		return 0;
	switch (f) {
	case RS_CITY_ID:
		slot = &c->id;
		set = c->has_id;
		break;
	case RS_CITY_NAME_EN:
		slot = &c->name_en;
		set = *slot != NULL;
		break;
	case RS_CITY_NAME_AR:
		slot = &c->name_ar;
		set = *slot != NULL;
		break;
	case RS_CITY_COUNTRY:
	default:
		slot = &c->country;
		set = *slot != NULL;
		break;
	}
	if (set) {
		if (strlen(*slot) == n && memcmp(*slot, s, n) == 0)
			return 0;
		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->col, "%s \"%s\" of city \"%s\" differs from the "
		    "\"%s\" given before", rs_city_field_name(f),
		    rs_text_quote(q, s, n), rs_text_quote(name, c->name,
		    strlen(c->name)), rs_text_quote(was, *slot,
		    strlen(*slot)));
	}
	if (f == RS_CITY_ID && rs_strmap_get(&ds->priv->given_ids, s, n) !=
	    NULL) {
		const struct rs_city *o = &ds->cities[*rs_strmap_get(
		    &ds->priv->given_ids, s, n)];

		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->col, "cities \"%s\" and \"%s\" have the same "
		    "city_id \"%s\"", rs_text_quote(name, c->name,
		    strlen(c->name)), rs_text_quote(was, o->name,
		    strlen(o->name)), rs_text_quote(q, s, n));
	}
	*slot = rs_pool_strndup(&ds->priv->pool, s, n);
	if (f == RS_CITY_ID) {
		c->has_id = 1;
		rs_strmap_put(&ds->priv->given_ids, *slot, city);
	}
	return 0;
}

int
rs_ds_indicator(struct rs_dataset *ds, const char *id, size_t n,
    const struct rs_pos *at, size_t *indicator, struct rs_error *err)
{
	const struct rs_framework *fw = ds->fw;
	const char *hint;
	char *name, q[RS_QUOTE_SIZE];
	size_t node;
	int rc;

	node = rs_framework_find(fw, id, n);
	if (node != RS_NONE && fw->nodes[node].indicator != RS_NONE) {
		*indicator = fw->nodes[node].indicator;
		return 0;
	}
	name = rs_strndup(id, n);
	rs_text_quote(q, id, n);
	if (node != RS_NONE)
		rc = rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
		    "\"%s\" is an aggregate of framework \"%s\", not an "
		    "indicator: give values of its indicators", q, fw->id);
	else if ((hint = rs_framework_suggest(fw, name)) != NULL)
		rc = rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
		    "unknown indicator \"%s\"; did you mean \"%s\"?", q,
		    hint);
	else
		rc = rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
		    "unknown indicator \"%s\" (not in framework \"%s\")",
		    q, fw->id);
	free(name);
	return rc;
}

size_t
rs_ds_extra_column(struct rs_dataset *ds, const char *name, size_t n)
{
	struct rs_dataset_priv *p = ds->priv;
	const size_t *found = rs_strmap_get(&p->extra_ids, name, n);
	const char *copy;

	if (found != NULL)
		return *found;
	rs_grow(&ds->extra_names, &p->cap_extra_names,
	    ds->nextra_names + 1, sizeof(*ds->extra_names));
	copy = rs_pool_strndup(&p->pool, name, n);
	ds->extra_names[ds->nextra_names] = copy;
	rs_strmap_put(&p->extra_ids, copy, ds->nextra_names);
	return ds->nextra_names++;
}

size_t
rs_ds_extra(struct rs_dataset *ds, size_t column, const char *value, size_t n)
{
	struct rs_dataset_priv *p = ds->priv;

	rs_grow(&ds->extras, &p->cap_extras, ds->nextras + 1,
	    sizeof(*ds->extras));
	ds->extras[ds->nextras].column = column;
	ds->extras[ds->nextras].value = rs_pool_strndup(&p->pool, value, n);
	return ds->nextras++;
}

/*
 * The observation of cell built in the next slot of the ring: the city's
 * row and the indicator's column in its file give the position.
 */
static const struct rs_obs *
dense_obs(const struct rs_dataset *ds, size_t cell)
{
	struct rs_dataset_priv *p = ds->priv;
	size_t nind = ds->fw->nindicators, city = cell / nind;
	struct rs_obs *o = &p->ring[p->ringpos++ % RS_OBS_RING];
	const struct dense_row *row = &p->rows[city];

	memset(o, 0, sizeof(*o));
	o->value = p->dense[cell];
	o->city = (uint32_t)city;
	o->indicator = (uint32_t)(cell % nind);
	o->file = row->file;
	o->line = row->line;
	o->col = p->cols[(size_t)row->file * nind + o->indicator];
	return o;
}

/*
 * Can the value of cell go into the matrix?  While nothing is listed, an
 * undated value without further fields does when its city's values come
 * from one row and its indicator's from one column of each file; JSON
 * values carry no position at all.  The first value of a city or of a
 * column sets them.
 */
static int
dense_fits(struct rs_dataset *ds, size_t city, size_t indicator,
    int has_year, size_t nextra, const struct rs_pos *at)
{
	struct rs_dataset_priv *p = ds->priv;
	struct dense_row *row = &p->rows[city];
	int32_t *col = &p->cols[at->file * ds->fw->nindicators + indicator];

	if (ds->nobs > 0 || has_year || nextra > 0)
		return 0;
	if (row->file != NO_FILE && (row->file != at->file ||
	    row->line != at->line))
		return 0;
	if (*col != NO_COL && *col != at->col)
		return 0;
	row->file = (uint32_t)at->file;
	row->line = (int32_t)at->line;
	*col = (int32_t)at->col;
	return 1;
}

/*
 * The duplicate check: the observation already given for (city,
 * indicator, year), or NULL after noting the one about to be added as
 * obs[ds->nobs].  An undated value may be in the matrix.  Most listed
 * cells hold one observation, found in the dense first[] (one sequential
 * array, where a hash of every observation cost a cache miss each); a
 * cell's later observations, other years of it, go through the pair hash,
 * so that many years stay linear too.
 */
static const struct rs_obs *
seen(struct rs_dataset *ds, size_t city, size_t indicator, int has_year,
    long year)
{
	struct rs_dataset_priv *p = ds->priv;
	size_t k = city * ds->fw->nindicators + indicator;
	uint32_t *cell;
	const struct rs_obs *o;
	const size_t *prev;

	if (p->first == NULL)
		grow_first(ds, ds->ncities);
	cell = &p->first[k];
	if (*cell == NO_OBS) {	/* NOLINT(clang-analyzer-core.NullDereference): grow_first() made first */
		/* Below NO_OBS: each value takes a byte of RS_MAX_INPUT. */
		*cell = (uint32_t)ds->nobs;
		return NULL;
	}
	o = &ds->obs[*cell];
	if ((o->has_year != 0) == (has_year != 0) &&
	    (!has_year || o->year == year))
		return o;
	prev = rs_pairmap_add(&p->seen, (uint64_t)city << 32 | indicator,
	    has_year ? (uint64_t)year << 1 | 1u : 0, ds->nobs);
	return prev != NULL ? &ds->obs[*prev] : NULL;
}

/* A second value of a cell, located at the first when it has a line. */
static int
duplicate(struct rs_dataset *ds, const struct rs_obs *first, size_t city,
    const struct rs_node *node, int has_year, long year,
    const struct rs_pos *at, struct rs_error *err)
{
	char when[32] = "", q[RS_QUOTE_SIZE], at_[600];

	if (has_year)
		snprintf(when, sizeof(when), " in %ld", year);
	rs_text_quote(q, ds->cities[city].name, strlen(ds->cities[city].name));
	if (first->line > 0)
		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->col, "duplicate value of \"%s\" for city \"%s\"%s "
		    "(first given at %s)", node->id, q, when, where(ds,
		    first->file, first->line, first->col, at_, sizeof(at_)));
	return rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
	    "duplicate value of \"%s\" for city \"%s\"%s", node->id, q,
	    when);
}

int
rs_ds_add(struct rs_dataset *ds, size_t city, size_t indicator, double value,
    int has_year, long year, size_t extra, size_t nextra,
    const struct rs_pos *at, struct rs_error *err)
{
	struct rs_dataset_priv *p = ds->priv;
	const struct rs_node *node =
	    &ds->fw->nodes[ds->fw->indicators[indicator]];
	size_t k = city * ds->fw->nindicators + indicator;
	const struct rs_obs *prev;
	struct rs_obs *o;

	if (!isnan(value) && node->has_min && value < node->min)
		return rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
		    "value %.17g of \"%s\" is below its minimum %.17g",
		    value, node->id, node->min);
	if (!isnan(value) && node->has_max && value > node->max)
		return rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
		    "value %.17g of \"%s\" is above its maximum %.17g",
		    value, node->id, node->max);
	if (is_given(p, k) && !has_year)
		return duplicate(ds, dense_obs(ds, k), city, node, has_year,
		    year, at, err);
	if (dense_fits(ds, city, indicator, has_year, nextra, at)) {
		p->dense[k] = isnan(value) ? (double)NAN : value;
		p->given[k / 64] |= (uint64_t)1 << (k % 64);
		p->ndense++;
		return 0;
	}
	if ((prev = seen(ds, city, indicator, has_year, year)) != NULL)
		return duplicate(ds, prev, city, node, has_year, year, at, err);
	rs_grow(&ds->obs, &p->cap_obs, ds->nobs + 1, sizeof(*ds->obs));
	o = &ds->obs[ds->nobs++];
	o->city = (uint32_t)city;
	o->indicator = (uint32_t)indicator;
	o->value = value;
	o->has_year = (unsigned char)has_year;
	o->year = (int16_t)(has_year ? year : 0);
	o->file = (uint32_t)at->file;
	o->line = (int32_t)at->line;
	o->col = (int32_t)at->col;
	o->extra = (uint32_t)extra;
	o->nextra = (uint32_t)nextra;
	return 0;
}

/* The digits at s[0..n) as a number, or -1 if any is not a digit. */
static long
digits(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
rs_ds_year(const char *s, size_t n, long *year, int *fiscal,
    const struct rs_pos *at, struct rs_error *err)
{
	char q[RS_QUOTE_SIZE];
	long y = -1, next;
	size_t i;

	s = rs_trim(s, &n);
	*fiscal = 0;
	for (i = 0; i < n && s[i] != '/' && s[i] != '-'; i++)
		;
	if (i <= 4)
		y = digits(s, i);
	if (i < n && y >= 1 && y <= 9998) {
		/* a fiscal year, 2019/20 or 2019-2020: the year it starts */
		next = n - i - 1 == 2 || n - i - 1 == 4 ?
		    digits(s + i + 1, n - i - 1) : -1;
		if (next >= 0 && next == (n - i - 1 == 2 ? (y + 1) % 100 :
		    y + 1)) {
			*year = y;
			*fiscal = 1;
			return 0;
		}
		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->col, "year \"%s\" is neither a year nor a fiscal "
		    "year such as %ld/%02ld or %ld-%ld", rs_text_quote(q, s, n),
		    y, (y + 1) % 100, y, y + 1);
	}
	if (n == 0 || i != n || y < 1 || y > 9999)
		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->col, "year \"%s\" is not a whole number from 1 to "
		    "9999", rs_text_quote(q, s, n));
	*year = y;
	return 0;
}

/*
 * 1 when an indicator's unit is a percentage: it holds '%' (U+0025 or
 * the Arabic U+066A) or the word "percent".
 */
static int
percent_unit(const char *unit)
{
	return unit != NULL && (strchr(unit, '%') != NULL ||
	    strstr(unit, "\xD9\xAA") != NULL || strstr(unit, "percent") != NULL);
}

int
rs_ds_value(const struct rs_dataset *ds, size_t indicator, const char *s,
    size_t n, double *value, const struct rs_pos *at, struct rs_error *err)
{
	const struct rs_node *node = &ds->fw->nodes[ds->fw->indicators[
	    indicator]];
	const char *why;
	char q[41 * 6 + 4];
	size_t m = n, sign = 0;
	int level;

	/* 19% (or 19 ٪) for an indicator measured in percent */
	s = rs_trim(s, &n);
	if (n >= 1 && s[n - 1] == '%')
		sign = 1;
	else if (n >= 2 && memcmp(s + n - 2, "\xD9\xAA", 2) == 0)
		sign = 2;
	if (sign > 0) {
		if (!percent_unit(node->unit)) {
			return rs_error_set(err, RS_EINPUT, at->path, at->line,
			    at->col, "value \"%s\" has a percent sign, but "
			    "\"%s\" is measured in %s%s%s, not in percent: "
			    "write the number alone",
			    rs_text_escape(q, sizeof(q), s, n, 40), node->id,
			    node->unit ? "\"" : "", node->unit ? node->unit :
			    "no unit", node->unit ? "\"" : "");
		}
		m = n - sign;
		while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == '\t'))
			m--;
		if (m == 0)
			return rs_error_set(err, RS_EINPUT, at->path, at->line,
			    at->col, "value \"%s\" is a percent sign without "
			    "a number", rs_text_escape(q, sizeof(q), s, n, 40));
		n = m;
	}

	switch (rs_number_parse(s, n, value, &why)) {
	case RS_NUMBER_OK:
		return 0;
	case RS_NUMBER_MISSING:
		*value = (double)NAN;
		return 0;
	case RS_NUMBER_BAD:
		break;
	}
	s = rs_trim(s, &n);
	/* A rubric item's choice from the template's list: "3: ..." */
	if (sign == 0 && (level = rs_rubric_level(node, s, n)) > 0) {
		*value = level;
		return 0;
	}
	return rs_error_set(err, RS_EINPUT, at->path, at->line, at->col,
	    "value \"%s\" %s", rs_text_escape(q, sizeof(q), s, n, 40), why);
}

int
rs_ds_percent_unit(const struct rs_dataset *ds, size_t indicator)
{
	return percent_unit(ds->fw->nodes[ds->fw->indicators[indicator]].unit);
}

static size_t
add_file(struct rs_dataset *ds, const char *name, int sheet)
{
	size_t cap = ds->priv->cap_files, nind = ds->fw->nindicators, i;

	rs_grow(&ds->files, &ds->priv->cap_files, ds->nfiles + 1,
	    sizeof(*ds->files));
	if (ds->priv->cap_files != cap)
		ds->priv->sheet_file = rs_realloc(ds->priv->sheet_file,
		    ds->priv->cap_files);
	ds->files[ds->nfiles] = rs_pool_strdup(&ds->priv->pool, name);
	ds->priv->sheet_file[ds->nfiles] = (unsigned char)sheet;
	rs_grow(&ds->priv->cols, &ds->priv->cap_cols, (ds->nfiles + 1) * nind,
	    sizeof(*ds->priv->cols));
	for (i = ds->nfiles * nind; i < (ds->nfiles + 1) * nind; i++)
		ds->priv->cols[i] = NO_COL;
	return ds->nfiles++;
}

/* rs_ds_new_file() and rs_ds_new_sheet(). */
static int
new_input(struct rs_dataset *ds, const char *name, int sheet, size_t len,
    struct rs_pos *at, struct rs_error *err)
{
	if (ds->priv->done)
		return rs_error_set(err, RS_EUSAGE, name, 0, 0, "internal "
		    "error: data read after rs_dataset_read_done()");
	at->file = add_file(ds, name, sheet);
	at->path = ds->files[at->file];
	at->line = 0;
	at->col = 0;
	if (len > RS_MAX_INPUT - ds->priv->bytes)
		return rs_error_set(err, RS_EINPUT, name, 1, 1, "the data "
		    "files are larger than the limit of %zu MiB in all",
		    RS_MAX_INPUT >> 20);
	ds->priv->bytes += len;
	return 0;
}

int
rs_ds_new_file(struct rs_dataset *ds, const char *name, size_t len,
    struct rs_pos *at, struct rs_error *err)
{
	return new_input(ds, name, 0, len, at, err);
}

int
rs_ds_new_sheet(struct rs_dataset *ds, const char *label, size_t len,
    struct rs_pos *at, struct rs_error *err)
{
	return new_input(ds, label, 1, len, at, err);
}

void
rs_dataset_read_done(struct rs_dataset *ds)
{
	struct rs_dataset_priv *p = ds->priv;

	free(p->first);
	p->first = NULL;
	p->cap_first = 0;
	rs_pairmap_release(&p->seen);
	rs_pairmap_init(&p->seen);
	p->done = 1;
}

/* Is a newer than b?  A dated value is newer than an undated one. */
static int
newer(const struct rs_obs *a, const struct rs_obs *b)
{
	if ((a->has_year != 0) != (b->has_year != 0))
		return a->has_year != 0;
	return a->year > b->year;
}

void
rs_dataset_select(const struct rs_dataset *ds, int has_limit, long year_limit,
    size_t *chosen)
{
	struct rs_select spec = {has_limit, year_limit, -1, 1};

	rs_dataset_select_spec(ds, &spec, chosen, NULL);
}

void
rs_dataset_select_spec(const struct rs_dataset *ds,
    const struct rs_select *spec, size_t *chosen, size_t *stale)
{
	size_t nind = ds->fw->nindicators, i, *cell, *old;
	long oldest = spec->year - spec->max_age;
	const struct rs_obs *o;
	int aged = spec->max_age >= 0;

	/* The matrix's values are undated: they count only as the oldest. */
	for (i = 0; i < ds->ncities * nind; i++) {
		chosen[i] = spec->undated ? rs_dataset_chosen(ds, NULL, i) :
		    RS_NONE;
		if (stale != NULL)
			stale[i] = RS_NONE;
	}
	for (i = 0; i < ds->nobs; i++) {
		o = &ds->obs[i];
		if (isnan(o->value))
			continue;
		if (!o->has_year && !spec->undated)
			continue;
		if (spec->has_year && o->has_year && o->year > spec->year)
			continue;
		if (aged && o->has_year && o->year < oldest) {
			/* docs/input.md, "--max-age": left out, listed */
			if (stale == NULL)
				continue;
			old = &stale[o->city * nind + o->indicator];
			if (*old == RS_NONE || newer(o, &ds->obs[*old]))
				*old = i;
			continue;
		}
		cell = &chosen[o->city * nind + o->indicator];
		if (*cell == RS_NONE || newer(o, rs_dataset_obs(ds, *cell)))
			*cell = i;
	}
	/* A cell with a dated value in the window has nothing stale. */
	for (i = 0; stale != NULL && i < ds->ncities * nind; i++)
		if (chosen[i] != RS_NONE && chosen[i] < ds->nobs &&
		    ds->obs[chosen[i]].has_year)
			stale[i] = RS_NONE;
}

/* The matrix holds only undated values: the years are the list's. */
long
rs_dataset_last_year(const struct rs_dataset *ds, long *first)
{
	long last = 0, lo = 0;
	size_t i;

	for (i = 0; i < ds->nobs; i++) {
		const struct rs_obs *o = &ds->obs[i];

		if (isnan(o->value) || !o->has_year)
			continue;
		if (o->year > last)
			last = o->year;
		if (lo == 0 || o->year < lo)
			lo = o->year;
	}
	if (first != NULL)
		*first = lo;
	return last;
}

const struct rs_obs *
rs_dataset_obs(const struct rs_dataset *ds, size_t k)
{
	if (k < ds->nobs)
		return &ds->obs[k];
	k -= ds->nobs;
	if (k >= ds->ncities * ds->fw->nindicators || !is_given(ds->priv, k))
		return NULL;
	return dense_obs(ds, k);
}

size_t
rs_dataset_nobs_all(const struct rs_dataset *ds)
{
	return ds->nobs + ds->ncities * ds->fw->nindicators;
}

size_t
rs_dataset_count(const struct rs_dataset *ds)
{
	return ds->nobs + ds->priv->ndense;
}

size_t
rs_dataset_dense_obs(const struct rs_dataset *ds, size_t cell)
{
	return is_given(ds->priv, cell) ? ds->nobs + cell : RS_NONE;
}

const double *
rs_dataset_dense(const struct rs_dataset *ds)
{
	return ds->nobs == 0 ? ds->priv->dense : NULL;
}

size_t
rs_dataset_chosen(const struct rs_dataset *ds, const size_t *chosen,
    size_t cell)
{
	if (chosen != NULL)
		return chosen[cell];
	return isnan(ds->priv->dense[cell]) ? RS_NONE : ds->nobs + cell;
}

size_t
rs_dataset_find_city(const struct rs_dataset *ds, const char *s)
{
	const size_t *found;
	size_t i;

	for (i = 0; i < ds->ncities; i++)
		if (strcmp(ds->cities[i].id, s) == 0)
			return i;
	found = rs_strmap_get(&ds->priv->city_ids, s, strlen(s));
	return found != NULL ? *found : RS_NONE;
}

const char *
rs_city_label(const struct rs_city *c, const char *lang)
{
	if (rs_i18n_arabic(lang) && c->name_ar != NULL)
		return c->name_ar;
	if (c->name_en != NULL)
		return c->name_en;
	return c->name;
}

int
rs_dataset_check_ids(const struct rs_dataset *ds, struct rs_error *err)
{
	struct rs_strmap ids;
	const size_t *prev;
	char q[RS_QUOTE_SIZE], a[RS_QUOTE_SIZE], b[RS_QUOTE_SIZE];
	size_t i;
	int rc = 0;

	rs_strmap_init(&ids);
	for (i = 0; i < ds->ncities && rc == 0; i++) {
		const struct rs_city *c = &ds->cities[i], *d;

		prev = rs_strmap_get(&ids, c->id, strlen(c->id));
		if (prev == NULL) {
			rs_strmap_put(&ids, c->id, i);
			continue;
		}
		d = &ds->cities[*prev];
		rc = rs_error_set(err, RS_EINPUT, ds->files[c->file], c->line,
		    c->col, "cities \"%s\" and \"%s\" (%s:%ld) have the "
		    "same id \"%s\"", rs_text_quote(a, c->name,
		    strlen(c->name)), rs_text_quote(b, d->name,
		    strlen(d->name)), ds->files[d->file], d->line,
		    rs_text_quote(q, c->id, strlen(c->id)));
	}
	rs_strmap_release(&ids);
	return rc;
}

const char *
rs_obs_extra(const struct rs_dataset *ds, const struct rs_obs *obs,
    const char *name)
{
	size_t i;

	for (i = 0; i < obs->nextra; i++) {
		const struct rs_extra *e = &ds->extras[obs->extra + i];

		if (strcmp(ds->extra_names[e->column], name) == 0)
			return e->value;
	}
	return NULL;
}

int
rs_table_from_dataset(struct rs_table *t, const struct rs_dataset *ds,
    int has_year, long year)
{
	size_t nind = ds->fw->nindicators, i, k, *chosen;

	rs_table_release(t);
	rs_table_init(t);
	t->path = ds->nfiles > 0 ? rs_pool_strdup(t->pool, ds->files[0]) :
	    "";
	t->nrows = ds->ncities;
	t->nind = nind;
	t->unit = rs_calloc(t->nrows + 1, sizeof(char *));
	t->uname = rs_calloc(t->nrows + 1, sizeof(char *));
	t->time = rs_calloc(t->nrows + 1, sizeof(long));
	t->line = rs_calloc(t->nrows + 1, sizeof(long));
	t->x = rs_malloc((t->nrows * nind + 1) * sizeof(double));
	chosen = rs_malloc((t->nrows * nind + 1) * sizeof(size_t));
	rs_dataset_select(ds, has_year, year, chosen);
	for (i = 0; i < t->nrows; i++) {
		t->unit[i] = rs_pool_strdup(t->pool, ds->cities[i].name);
		t->uname[i] = t->unit[i];
		t->line[i] = ds->cities[i].line;
		for (k = 0; k < nind; k++) {
			size_t o = chosen[i * nind + k];

			t->x[i * nind + k] = o == RS_NONE ? (double)NAN :
			    rs_dataset_obs(ds, o)->value;
		}
	}
	free(chosen);
	return t->nrows > 0 ? 0 : -1;
}
