/*
 * stats.h - descriptive statistics, correlations and effective weights
 * (docs/pipeline.md, "Analysis")
 *
 * Every function skips NaN values.  Sums are accumulated in long double
 * and means are refined by a second pass, as R computes them, so that the
 * results agree with COINr to the last digit or nearly.
 */
#ifndef RS_STATS_H
#define RS_STATS_H

#include <stddef.h>

#include "resilience/framework.h"

/* x[0], x[stride], ... x[(n - 1) * stride] hold the values of a column. */

/* Arithmetic mean of the non-NaN values, NaN when there are none. */
double rs_stats_mean(const double *x, size_t n, size_t stride);

/* Sample standard deviation (n - 1), NaN with fewer than 2 values. */
double rs_stats_sd(const double *x, size_t n, size_t stride);

/* Median (mean of the middle two for an even count), NaN when empty. */
double rs_stats_median(const double *x, size_t n, size_t stride);

/*
 * Sample skewness as a spreadsheet's SKEW:
 * sqrt(n) m3 / m2^(3/2) * sqrt(n (n - 1)) / (n - 2), with m2 and m3 the
 * sums of squared and cubed deviations; NaN with fewer than 3 values.
 */
double rs_stats_skew(const double *x, size_t n, size_t stride);

/*
 * Sample excess kurtosis as a spreadsheet's KURT:
 * ((n + 1) (r - 3) + 6) (n - 1) / ((n - 2) (n - 3)), r = n m4 / m2^2;
 * NaN with fewer than 4 values.
 */
double rs_stats_kurt(const double *x, size_t n, size_t stride);

/*
 * Pearson correlation of the pairs where both x and y are present, and
 * its two-sided p-value from Student's t with (pairs - 2) degrees of
 * freedom (*p may be NULL).  NaN with fewer than 3 pairs or no variance.
 */
double rs_stats_pearson(const double *x, size_t xstride, const double *y,
    size_t ystride, size_t n, double *p);

/* Per-indicator statistics, as COINr's get_stats(). */
struct rs_stats {
	double min, max, mean, median, sd, skew, kurt;
	size_t n;		/* units */
	size_t navail;		/* values present */
	size_t nnonzero;	/* values present and not 0 */
	size_t nunique;		/* distinct values present */
	size_t nsame;		/* occurrences of the most frequent value */
	double frc_avail;	/* navail / n */
	double frc_nonzero;	/* nnonzero / navail */
	double frc_unique;	/* nunique / navail */
	double frc_same;	/* nsame / navail */
	int low_avail;		/* frc_avail < t_avail */
	int low_nonzero;	/* frc_nonzero < t_zero */
	int low_unique;		/* frc_unique < t_unique */
	int outlier;		/* |skew| >= t_skew and kurt >= t_kurt */
};

/* Thresholds of the flags; rs_stats_default_flags() gives COINr's. */
struct rs_stats_flags {
	double t_avail;		/* 0.65 */
	double t_zero;		/* 0.5 */
	double t_unique;	/* 0.5 */
	double t_skew;		/* 2 */
	double t_kurt;		/* 3.5 */
};

void rs_stats_default_flags(struct rs_stats_flags *f);

void rs_stats_column(const double *x, size_t n, size_t stride,
    const struct rs_stats_flags *f, struct rs_stats *st);

/*
 * Effective weight of every node (fw->nnodes values in w): the product of
 * its weight's share among its siblings, up to the top level, whose
 * weights are shared likewise.  Static: missing data plays no part.
 */
void rs_stats_effective_weights(const struct rs_framework *fw, double *w);

#endif /* RS_STATS_H */
