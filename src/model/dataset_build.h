/*
 * dataset_build.h - how readers add to a dataset
 *
 * The readers turn text into calls of the functions below, which check
 * every observation against the framework and the data already read.
 */
#ifndef RS_DATASET_BUILD_H
#define RS_DATASET_BUILD_H

#include <stddef.h>

#include "resilience/dataset.h"

/* Where a reader is in its input, for messages. */
struct rs_pos {
	const char *path;	/* the input's name */
	size_t file;		/* index into ds->files */
	long line, col;		/* 1-based; col is a CSV field or a column */
};

/*
 * Register input name of len bytes in ds and set *at to its start; the
 * data of one run are limited to RS_MAX_INPUT bytes in all.
 */
int rs_ds_new_file(struct rs_dataset *ds, const char *name, size_t len,
    struct rs_pos *at, struct rs_error *err);

/*
 * The same for a sheet of a workbook, named label ("FILE:SHEET"): its
 * positions are a row and a column, shown as FILE:SHEET!C7 in messages.
 */
int rs_ds_new_sheet(struct rs_dataset *ds, const char *label, size_t len,
    struct rs_pos *at, struct rs_error *err);

/* A new place: cities defined in two places are an error. */
size_t rs_ds_new_place(struct rs_dataset *ds);

/*
 * The index of city name[0..n) in *city, creating it in place if new.
 * A city already defined in another place, or an empty name, is an error.
 * Names are taken as given: the CSV reader trims its fields first.
 */
int rs_ds_city(struct rs_dataset *ds, const char *name, size_t n,
    size_t place, const struct rs_pos *at, size_t *city,
    struct rs_error *err);

/*
 * The same, for a row or entry that gives city_id id[0..idn) (idn 0:
 * none): a city that another place gave that id is this one, whatever its
 * name there (docs/input.md, "Cities"); two names with one id in one
 * place are an error.  The caller sets the id with rs_ds_city_field().
 */
int rs_ds_city_id(struct rs_dataset *ds, const char *name, size_t n,
    const char *id, size_t idn, size_t place, const struct rs_pos *at,
    size_t *city, struct rs_error *err);

/* The identity fields of a city (dataset.h, struct rs_city). */
enum rs_city_field {
	RS_CITY_ID,
	RS_CITY_NAME_EN,
	RS_CITY_NAME_AR,
	RS_CITY_COUNTRY,
};

/* The column or key name of field f: "city_id", "name_en", ... */
const char *rs_city_field_name(enum rs_city_field f);

/*
 * Set field f of city to s[0..n) (trimmed; empty leaves it as it is).
 * A field already set to another text is an error located at at.
 */
int rs_ds_city_field(struct rs_dataset *ds, size_t city,
    enum rs_city_field f, const char *s, size_t n, const struct rs_pos *at,
    struct rs_error *err);

/* The position among the indicators of id[0..n); unknown ids are errors. */
int rs_ds_indicator(struct rs_dataset *ds, const char *id, size_t n,
    const struct rs_pos *at, size_t *indicator, struct rs_error *err);

/* The index of further column name[0..n), added if new. */
size_t rs_ds_extra_column(struct rs_dataset *ds, const char *name, size_t n);

/* Append a further field to the extras; returns its index. */
size_t rs_ds_extra(struct rs_dataset *ds, size_t column, const char *value,
    size_t n);

/*
 * Add an observation (value NaN when missing) whose further fields are the
 * extras [extra, extra + nextra).  Values outside the indicator's domain
 * and a second value for the same city, indicator and year are errors.
 */
int rs_ds_add(struct rs_dataset *ds, size_t city, size_t indicator,
    double value, int has_year, long year, size_t extra, size_t nextra,
    const struct rs_pos *at, struct rs_error *err);

/*
 * Parse a year field: a whole number from 1 to 9999, or a fiscal year
 * (2019/20, 2019-20, 2019/2020, 2019-2020), taken as the year it starts
 * with *fiscal set (docs/input.md, "Years").
 */
int rs_ds_year(const char *s, size_t n, long *year, int *fiscal,
    const struct rs_pos *at, struct rs_error *err);

/*
 * Parse a value field of the indicator at position indicator: NaN when
 * missing (empty, NA, N/A, ..); a percent sign after the number when the
 * indicator's unit is a percentage (docs/input.md, "Values"); a bad
 * number is an error.
 */
int rs_ds_value(const struct rs_dataset *ds, size_t indicator,
    const char *s, size_t n, double *value, const struct rs_pos *at,
    struct rs_error *err);

/* Is the unit of the indicator at position indicator a percentage? */
int rs_ds_percent_unit(const struct rs_dataset *ds, size_t indicator);

#endif /* RS_DATASET_BUILD_H */
