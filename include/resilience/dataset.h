/*
 * dataset.h - city indicator data read from CSV and JSON files
 *
 * A dataset holds observations: one value (or a missing value) of one
 * indicator for one city, optionally for one year, with the file position
 * it came from and any further columns of its row (source, note, ...).
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
	RS_INPUT_AUTO,	/* JSON when the text starts with '{', else CSV */
	RS_INPUT_CSV,
	RS_INPUT_JSON,
};

enum rs_year_kind {
	RS_YEAR_NONE,
	RS_YEAR_CALENDAR,
	RS_YEAR_FISCAL,		/* 2019/20: counted as 2019 */
};

struct rs_city {
	const char *name;	/* as given, UTF-8 */
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
	struct rs_obs *obs;		/* in input order */
	size_t nobs;
	const char **files;		/* names of the inputs read */
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
 * Pick the value each city uses for each indicator: the value with the
 * latest year (not after year_limit when has_limit), a value with no year
 * counting as older than any year.  Fills chosen[city * nindicators + i]
 * with an index into obs or RS_NONE, for ncities * nindicators cells the
 * caller allocates.
 */
void rs_dataset_select(const struct rs_dataset *ds, int has_limit,
    long year_limit, size_t *chosen);

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
