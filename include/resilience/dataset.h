/*
 * dataset.h - city indicator data read from CSV, JSON and spreadsheet files
 *
 * A dataset holds observations: one value (or a missing value) of one
 * indicator for one city, optionally for one year, with the file position
 * it came from and any further columns of its row (source, note, ...).
 * The values of wide CSV and JSON input, undated and without further
 * fields, sit in a dense matrix of cities by indicators (8 bytes a cell)
 * rather than in a list of observations (40 bytes each); the rest of an
 * observation is per city (its row) and per column, and is rebuilt on
 * demand by rs_dataset_obs().
 * Readers check every observation against the framework as they add it:
 * unknown indicator ids, values outside an indicator's domain, duplicates
 * and a city given in two places are errors located in the input.
 */
#ifndef RS_DATASET_H
#define RS_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "resilience/error.h"
#include "resilience/limits.h"
#include "resilience/framework.h"

enum rs_input_format {
	RS_INPUT_AUTO,	/* JSON when the text starts with '{' or '[', a
			   spreadsheet when it is a ZIP archive, else CSV */
	RS_INPUT_CSV,
	RS_INPUT_JSON,
	RS_INPUT_XLSX,	/* an .xlsx workbook */
	RS_INPUT_ODS,	/* an .ods spreadsheet */
};

enum rs_year_kind {
	RS_YEAR_NONE,
	RS_YEAR_CALENDAR,
	RS_YEAR_FISCAL,		/* 2019/20: counted as 2019 */
};

/*
 * A city: the name the data know it by, and its identity (docs/input.md,
 * "Cities"): a stable id, which baselines and trends match on, and
 * display names.  Without a city_id the id is the name.
 */
struct rs_city {
	const char *name;	/* as given, UTF-8 */
	const char *id;		/* city_id, or name when none is given */
	const char *name_en;	/* display name in English, or NULL */
	const char *name_ar;	/* display name in Arabic, or NULL */
	const char *country;	/* country, or NULL */
	int has_id;		/* 1 when the data or --cities gave id */
	size_t place;		/* file or JSON entry it was defined in */
	size_t file;		/* index into files */
	long line, col;		/* where it first appeared */
};

/* A further column of a row, such as source or note. */
struct rs_extra {
	size_t column;		/* index into extra_names */
	const char *value;	/* the field, UTF-8 */
};

/*
 * 40 bytes, for there may be millions: indices and positions fit 32 bits,
 * as every observation takes at least a byte of RS_MAX_INPUT.
 */
struct rs_obs {
	double value;		/* NaN when the value is missing */
	uint32_t city;		/* index into cities */
	uint32_t indicator;	/* position among the framework's indicators */
	uint32_t file;		/* index into files */
	int32_t line, col;	/* position of the value */
	uint32_t extra;		/* first of nextra entries in extras */
	uint32_t nextra;
	int16_t year;		/* 1 to 9999, when has_year */
	unsigned char has_year;	/* RS_YEAR_NONE (0): the row carries no
				   year; RS_YEAR_CALENDAR; RS_YEAR_FISCAL:
				   a fiscal year starting in year */
};

struct rs_dataset {
	const struct rs_framework *fw;	/* borrowed; must outlive it */
	struct rs_city *cities;		/* in order of first appearance */
	size_t ncities;
	struct rs_obs *obs;		/* listed observations, in input
					   order: those of the dense matrix
					   are not among them */
	size_t nobs;
	const char **files;		/* names of the inputs read; a sheet
					   is "FILE:SHEET" */
	size_t nfiles;
	const char **extra_names;	/* further columns, first seen first */
	size_t nextra_names;
	struct rs_extra *extras;	/* referenced by the observations */
	size_t nextras;
	struct rs_dataset_priv *priv;	/* indices, pool, capacities */
};

/* Prepare an empty dataset for framework fw (borrowed). */
void rs_dataset_init(struct rs_dataset *ds, const struct rs_framework *fw);
void rs_dataset_release(struct rs_dataset *ds);

/*
 * Every input is read: free what only the reading needs, the index of the
 * observations of each city and indicator that catches duplicates (4 bytes
 * a cell).  Reading more is then refused.
 */
void rs_dataset_read_done(struct rs_dataset *ds);

/*
 * Observations are named by a number: below ds->nobs, obs[k]; from
 * ds->nobs on, the cell k - ds->nobs (city * nindicators + indicator) of
 * the dense matrix.  rs_dataset_obs() returns the observation k, or NULL
 * for a cell of the matrix that no input gave.  The observation of a cell
 * is built into one of RS_OBS_RING slots of ds: the pointer stays valid
 * for the next RS_OBS_RING - 1 calls on ds, which is what a comparison of
 * two needs, and ds is not to be shared by threads that call it.
 */
#define RS_OBS_RING 16
const struct rs_obs *rs_dataset_obs(const struct rs_dataset *ds, size_t k);

/* One more than the largest observation number: nobs + the cells. */
size_t rs_dataset_nobs_all(const struct rs_dataset *ds);

/* The observations, listed or in the matrix. */
size_t rs_dataset_count(const struct rs_dataset *ds);

/*
 * The observation the matrix holds for city * nindicators + indicator,
 * with or without a value, or RS_NONE.
 */
size_t rs_dataset_dense_obs(const struct rs_dataset *ds, size_t cell);

/*
 * The matrix of every value, ncities x nindicators, NaN where missing,
 * when no observation is listed; else NULL.  Its cells are what
 * rs_dataset_select() takes (undated values counting), so a caller that
 * would copy the chosen values may read them here.
 */
const double *rs_dataset_dense(const struct rs_dataset *ds);

/*
 * The observation a selection takes for cell: chosen[cell], or with
 * chosen NULL for a dataset whose values are all in the matrix
 * (rs_dataset_dense() not NULL), what rs_dataset_select() would choose.
 */
size_t rs_dataset_chosen(const struct rs_dataset *ds, const size_t *chosen,
    size_t cell);

/*
 * Pick the value each city uses for each indicator: the value with the
 * latest year (not after year_limit when has_limit), a value with no year
 * counting as older than any year.  Fills chosen[city * nindicators + i]
 * with an index into obs or RS_NONE, for ncities * nindicators cells the
 * caller allocates.
 */
void rs_dataset_select(const struct rs_dataset *ds, int has_limit,
    long year_limit, size_t *chosen);

/*
 * Which values a selection takes (docs/input.md, "Years"): the latest
 * dated value not after year (when has_year), at most max_age years older
 * than it (when max_age >= 0); undated values only when undated is set,
 * as older than any dated value.
 */
struct rs_select {
	int has_year;		/* year bounds the values taken */
	long year;		/* the year of the selection */
	long max_age;		/* years before year still taken, -1: any */
	int undated;		/* 1: undated values count, as the oldest */
};

/*
 * Select as spec says: chosen[city * nindicators + i] is an index into
 * obs or RS_NONE.  When stale is not NULL, stale[same cell] is the value
 * that max_age left out (the latest dated one not after year), or
 * RS_NONE; a cell may have both a chosen (undated) value and a stale one.
 */
void rs_dataset_select_spec(const struct rs_dataset *ds,
    const struct rs_select *spec, size_t *chosen, size_t *stale);

/*
 * The latest year of a value (not a missing one) in ds; 0 when no value
 * is dated.  The earliest in *first when first is not NULL.
 */
long rs_dataset_last_year(const struct rs_dataset *ds, long *first);

/*
 * The city whose id, or else whose name, is s; RS_NONE when none is.
 */
size_t rs_dataset_find_city(const struct rs_dataset *ds, const char *s);

/*
 * Every city has an id of its own: two with the same id are an error
 * located at the second (RS_EINPUT).
 */
int rs_dataset_check_ids(const struct rs_dataset *ds, struct rs_error *err);

/*
 * The display name of city c in language lang (NULL: en): name_ar under
 * Arabic, else name_en, else the name the data give.
 */
const char *rs_city_label(const struct rs_city *c, const char *lang);

struct rs_table;

/*
 * A table of the cities of ds (read by the long, wide or JSON readers):
 * one row per city with each indicator's latest value (not after year
 * when has_year), no further columns.  Returns -1 when ds has no city.
 */
int rs_table_from_dataset(struct rs_table *t, const struct rs_dataset *ds,
    int has_year, long year);

/* The value of column name (such as "source") in obs, or NULL. */
const char *rs_obs_extra(const struct rs_dataset *ds,
    const struct rs_obs *obs, const char *name);

#endif /* RS_DATASET_H */
