/*
 * report_pipeline.h - writing pipeline results and analyses as CSV
 * (docs/pipeline.md, "Output")
 *
 * Tables in COINr's layout: a header row, text quoted (and guarded
 * against formula injection, as every CSV the tool writes: csv_writer.h),
 * numbers with 17 significant digits (so that they read back to the same
 * doubles), a missing value as an empty field, infinities as Inf and
 * -Inf.  Output depends on nothing but the inputs.
 */
#ifndef RS_REPORT_PIPELINE_H
#define RS_REPORT_PIPELINE_H

#include <stdio.h>

#include "resilience/error.h"
#include "resilience/pipeline.h"
#include "resilience/stats.h"

enum rs_step {
	RS_STEP_RAW,		/* the selected values */
	RS_STEP_DENOMINATED,
	RS_STEP_IMPUTED,
	RS_STEP_SCREENED,	/* imputed values of the kept units */
	RS_STEP_TREATED,
	RS_STEP_NORMALISED,
	RS_STEP_AGGREGATED,	/* indicators, then aggregates level by level */
	RS_STEP_RANKS,		/* ranks of the aggregated table */
	RS_STEP_SCREENING,	/* per unit: missing, zeros, availability */
	RS_STEP_TREATMENT,	/* per indicator: checks and winsorised points */
	RS_STEP_POINTS,		/* per unit and indicator: treated points */
};

/* The step named s ("raw", "aggregated" ...), or -1. */
int rs_step_parse(const char *s);

/* Write step of r as a CSV table. */
int rs_report_step_csv(FILE *out, const struct rs_pipeline_result *r,
    int step, struct rs_error *err);

/*
 * Per-indicator statistics (stats.h) of the nrows x nind matrix m, in the
 * columns of COINr's get_stats().
 */
int rs_report_stats_csv(FILE *out, const struct rs_framework *fw,
    const double *m, size_t nrows, const struct rs_stats_flags *f,
    struct rs_error *err);

/*
 * Pearson correlations between the nodes at COINr level a (rows) and
 * level b (columns) of the aggregated table of r; levels count from 1,
 * the indicators.  A correlation whose p-value exceeds pmax is left
 * empty (pmax 1 keeps all).
 */
int rs_report_corr_csv(FILE *out, const struct rs_pipeline_result *r,
    int a, int b, double pmax, struct rs_error *err);

/* Each node's level, weight and effective weight. */
int rs_report_weights_csv(FILE *out, const struct rs_framework *fw,
    struct rs_error *err);


#endif /* RS_REPORT_PIPELINE_H */
