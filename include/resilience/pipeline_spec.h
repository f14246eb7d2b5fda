/*
 * pipeline_spec.h - the settings of the composite-indicator pipeline and
 * the table of units it reads (docs/pipeline.md)
 */
#ifndef RS_PIPELINE_SPEC_H
#define RS_PIPELINE_SPEC_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/limits.h"

enum rs_impute_method {
	RS_IMPUTE_NONE,
	RS_IMPUTE_MEAN,		/* mean of the indicator over all units */
	RS_IMPUTE_MEDIAN,
	RS_IMPUTE_GROUP_MEAN,	/* mean over units of the same group */
	RS_IMPUTE_GROUP_MEDIAN,
	RS_IMPUTE_LATEST,	/* panel data: the latest earlier year */
};

enum rs_norm_method {
	RS_NORM_GOALPOSTS,	/* the core: 100 clamp((x-worst)/(best-worst)) */
	RS_NORM_MINMAX,		/* (x - min) / (max - min) onto [lo, hi] */
	RS_NORM_ZSCORE,		/* (x - mean) / sd * p2 + p1 */
	RS_NORM_RANK,		/* rank, ties share the lowest */
	RS_NORM_PRANK,		/* (rank - 1) / (n - 1) */
	RS_NORM_BORDA,		/* rank - 1 */
	RS_NORM_DIST2MAX,	/* 1 - (max - x) / (max - min) */
	RS_NORM_FRACMAX,	/* x / max */
	RS_NORM_DIST2TARGET,	/* 1 - (target - x) / (target - min) */
	RS_NORM_NONE,		/* x times direction */
};

enum rs_agg_method {
	RS_AGG_AMEAN,		/* weighted arithmetic mean */
	RS_AGG_GMEAN,		/* weighted geometric mean, values > 0 */
	RS_AGG_HMEAN,		/* weighted harmonic mean, values > 0 */
};

/*
 * How a weighted mean is rounded (docs/pipeline.md, "Aggregate").  The
 * two are the same formula; they differ in the last bits.
 */
enum rs_sums {
	RS_SUMS_CONTRACT,	/* sums in double, the arithmetic mean
				   sum(w x) / sum(w): methodology.md */
	RS_SUMS_COINR,		/* sums in long double, the arithmetic mean
				   sum((w / sum(w)) x): COINr's a_amean */
};

enum rs_screen_by {
	RS_SCREEN_MISSING,	/* share of available values */
	RS_SCREEN_ZEROS,	/* share of non-zero values */
	RS_SCREEN_BOTH,		/* both thresholds */
};

/* A normaliser and its parameters. */
struct rs_norm_spec {
	int method;		/* enum rs_norm_method */
	int has_range;		/* 1: lo and hi were given */
	double lo, hi;		/* output range; z-score: mean and sd */
	int cap;		/* dist2target: scores above 1 become 1 */
};

/* Per-node settings; fields at their "unset" value use the defaults. */
struct rs_node_spec {
	int has_norm;		/* indicators: norm overrides the default */
	struct rs_norm_spec norm;
	int agg;		/* aggregates: enum rs_agg_method, -1 unset */
	double min_coverage;	/* aggregates: NaN when unset */
	int treat;		/* indicators: 0 never treat, 1 default */
	int direction;		/* +1 or -1 */
	int has_target;
	double target;		/* dist2target's target, raw units */
	char *denominator;	/* data column to divide by, or NULL */
	double scale;		/* denominated value times scale */
};

struct rs_pipeline_spec {
	int has_year;		/* 1: the cross-section of year */
	long year;		/* else the latest year of each unit */
	int denominate;		/* 1: apply the nodes' denominators */
	int impute;		/* enum rs_impute_method */
	char *impute_group;	/* group column of the group methods */
	int screen;		/* 1: drop units with too little data */
	int screen_by;		/* enum rs_screen_by */
	double screen_min;	/* min share of available values, 0..1 */
	double screen_nonzero;	/* min share of non-zero values, 0..1 */
	char **include;		/* unit codes always kept */
	size_t ninclude;
	char **exclude;		/* unit codes always dropped */
	size_t nexclude;
	int treat;		/* 1: outlier treatment */
	double skew_max;	/* passes when |skew| < skew_max ... */
	double kurt_max;	/* ... or kurtosis < kurt_max */
	int winmax;		/* most points winsorised per indicator */
	int treat_log;		/* 1: log transform when winsorising fails */
	struct rs_norm_spec norm;	/* default normaliser */
	int agg;		/* default aggregator */
	int sums;		/* enum rs_sums of every mean */
	double min_coverage;	/* default share of weight needed */
	struct rs_node_spec *node;	/* per framework node */
	size_t nnode;		/* entries in node */
};

/* A spec with the defaults of docs/pipeline.md ("The default pipeline"). */
struct rs_pipeline_spec *rs_pipeline_spec_new(void);
void rs_pipeline_spec_free(struct rs_pipeline_spec *spec);
/* A deep copy of spec; the caller frees it. */
struct rs_pipeline_spec *rs_pipeline_spec_copy(
    const struct rs_pipeline_spec *spec);
/* Make room for nnodes node entries, new ones unset. */
void rs_pipeline_spec_nodes(struct rs_pipeline_spec *spec, size_t nnodes);

/*
 * Set one option from text, as the command line gives it: name is one of
 * denominate, impute, screen, screen-by, include, exclude, treat, winmax,
 * skew, kurtosis, normalise, aggregate, min-coverage, year; value is as
 * docs/pipeline.md ("Command-line overrides") describes.  RS_EUSAGE with a
 * message on a bad value.
 */
int rs_pipeline_spec_set(struct rs_pipeline_spec *spec, const char *name,
    const char *value, struct rs_error *err);

/*
 * Check a normaliser's parameters: 0, or -1 with the reason in why
 * (len bytes).
 */
int rs_norm_spec_check(const struct rs_norm_spec *n, char *why, size_t len);

/* Parse a normaliser "METHOD[:A,B]" such as "minmax:1,100". */
int rs_norm_spec_parse(struct rs_norm_spec *norm, const char *text,
    struct rs_error *err);

/*
 * The method named s[0..len) (such as "minmax" or "gmean"), or -1; and
 * the name of a method.
 */
int rs_norm_method_find(const char *s, size_t len);
int rs_agg_method_find(const char *s, size_t len);
int rs_impute_method_find(const char *s, size_t len);
int rs_screen_by_find(const char *s, size_t len);
const char *rs_norm_method_name(int method);
const char *rs_agg_method_name(int method);
const char *rs_impute_method_name(int method);

/*
 * A table of units: the rows of the data, with the indicator values in
 * the framework's indicator order and the further columns (groups,
 * denominators) as text and as numbers.  Panel data has several rows per
 * unit, one per year.
 */
struct rs_table {
	const char *path;	/* name in messages */
	size_t nrows;
	const char **unit;	/* unit code of each row */
	const char **uname;	/* unit name of each row, or the code */
	long *time;		/* year of each row, 0 when none */
	long *line;		/* line of each row in path, 0 if unknown */
	size_t nind;		/* the framework's indicator count */
	long *col;		/* column of each indicator in path, 1-based;
				   NULL if unknown */
	double *x;		/* nrows * nind values, NaN when missing */
	size_t naux;		/* further columns */
	const char **aux_name;	/* their headers */
	const char **aux_text;	/* nrows * naux fields, "" when empty */
	double *aux;		/* the same as numbers, NaN if not numeric */
	struct rs_pool *pool;	/* the strings */
};

void rs_table_init(struct rs_table *t);
void rs_table_release(struct rs_table *t);
/* The further column named name, or RS_NONE. */
size_t rs_table_aux(const struct rs_table *t, const char *name);

#endif /* RS_PIPELINE_SPEC_H */
