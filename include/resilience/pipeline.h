/*
 * pipeline.h - the composite-indicator pipeline (docs/pipeline.md)
 *
 * Denominate, impute, screen units, treat outliers, normalise and
 * aggregate a table of units by indicators, as COINr does.  The steps are
 * configured by a specification: the "pipeline" section of a framework
 * file, per-node keys (direction, target, denominator, normaliser,
 * aggregator, coverage), and command-line overrides.  The core scoring
 * contract (engine.h) is not used here; a framework without a "pipeline"
 * section is scored by the engine alone.
 *
 * Like the engine, the pipeline is a pure function of its inputs: it
 * reads nothing, prints nothing and keeps no state.  NaN stands for a
 * missing value in every matrix.
 */
#ifndef RS_PIPELINE_H
#define RS_PIPELINE_H

#include <stddef.h>

#include "resilience/dataset.h"
#include "resilience/engine.h"
#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/pipeline_spec.h"

/* Outlier treatment of one indicator (docs/pipeline.md, "Treat"). */
struct rs_treat_info {
	int pass0;		/* the untreated column passed */
	double skew0, kurt0;	/* its skewness and excess kurtosis */
	int winsorised;		/* 1: winsorisation was tried */
	int nwin;		/* points winsorised */
	int pass1;		/* the winsorised column passed */
	double skew1, kurt1;
	int logged;		/* 1: the log transform replaced it */
	int pass2;		/* the log-transformed column passed */
	double skew2, kurt2;
	int skipped;		/* 1: too few values or "treat": false */
};

/* What treatment a cell received. */
enum rs_treat_point {
	RS_POINT_NONE,
	RS_POINT_WINHI,		/* winsorised from above */
	RS_POINT_WINLO,		/* winsorised from below */
	RS_POINT_LOG,		/* log-transformed */
};

struct rs_pipeline_result {
	const struct rs_framework *fw;	/* borrowed */
	size_t nrows;		/* units of the cross-section */
	const char **unit;	/* their codes, borrowed from the table */
	const char **uname;	/* their names, borrowed */
	size_t *row;		/* the table row of each unit */
	size_t nind;		/* fw->nindicators */
	double *raw;		/* nrows * nind: the selected values */
	double *denominated;	/* nrows * nind */
	double *imputed;	/* nrows * nind */
	size_t *nmissing;	/* per unit: missing values, after imputing */
	size_t *nzero;		/* per unit: zero values, after imputing */
	unsigned char *included;	/* per unit: 1 if kept by screening */
	size_t nunits;		/* units kept */
	size_t *kept;		/* row of each kept unit */
	/* The matrices below have nunits rows. */
	double *treated;	/* nunits * nind */
	unsigned char *points;	/* nunits * nind enum rs_treat_point */
	struct rs_treat_info *treat;	/* per indicator */
	double *normalised;	/* nunits * nind */
	double *scores;		/* nunits * fw->nnodes: normalised values of
				   indicators and aggregates, pre-order */
	double *coverage;	/* nunits * fw->nnodes: weight share present */
	long *ranks;		/* nunits * fw->nnodes, 0 when NaN */
	double *index;		/* per unit: the top-level aggregate */
	double *index_coverage;	/* per unit: the index's coverage */
	long *index_rank;	/* per unit */
};

/*
 * Check spec against fw before running: every indicator's normaliser has
 * what it needs (goalposts, target), and no geometric or harmonic mean is
 * fed by a normaliser that gives values <= 0 (z-scores, min-max onto a
 * range starting at 0, Borda ...).  Returns RS_EINPUT with a message
 * naming the node and the fix, located at the node in fw's file.
 */
int rs_pipeline_check(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, struct rs_error *err);

/*
 * Run the pipeline of spec on the table t for framework fw.  Fills res,
 * which the caller releases with rs_pipeline_result_release() whatever
 * the outcome.  Errors (RS_EINPUT): a missing denominator or group
 * column, no unit left after screening, a geometric or harmonic mean
 * meeting a value <= 0 (the message names the node and unit).
 */
int rs_pipeline_run(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const struct rs_table *t,
    struct rs_pipeline_result *res, struct rs_error *err);

void rs_pipeline_result_release(struct rs_pipeline_result *res);

/*
 * Step 5 alone: normalise the n x fw->nindicators matrix x (treated
 * values) into y with the normalisers of spec.
 */
void rs_pipeline_normalise(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const double *x, size_t n,
    double *y);

/*
 * Step 6 alone: aggregate the n x fw->nindicators normalised matrix into
 * scores (n x fw->nnodes), coverage (the same shape, or NULL) and index
 * (n), with node weights weight[fw->nnodes] (NULL: the framework's).
 * units names the n rows in messages.  RS_EINPUT when a geometric or
 * harmonic mean meets a value <= 0.
 */
int rs_pipeline_aggregate(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const double *weight,
    const double *normalised, size_t n, const char *const *units,
    double *scores, double *coverage, double *index, struct rs_error *err);

/*
 * The same with coverage judged on the weights cover[fw->nnodes] (NULL:
 * weight), a node whose cover is 0 counting as no child at all
 * (docs/sensitivity.md: coverage stays the nominal weights'), and the
 * index's coverage into index_coverage (n, or NULL).
 */
int rs_pipeline_aggregate_cw(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const double *weight,
    const double *cover, const double *normalised, size_t n,
    const char *const *units, double *scores, double *coverage,
    double *index, double *index_coverage, struct rs_error *err);


/*
 * Copeland scores of n units on ncols columns (x[i * stride + k]) with
 * column weights w: for each pair, the unit with the larger weight of
 * columns where it scores higher (ties count half to each) wins; a unit's
 * score is its wins minus its losses.  Columns missing for either unit of
 * a pair are left out of that pair.  O(n^2 ncols).
 */
void rs_copeland(const double *x, size_t n, size_t ncols, size_t stride,
    const double *w, double *score);

/*
 * The best value of a normaliser's scale, towards which gains are
 * measured: 100 for goalposts and min-max (or the range's top), 1 for
 * percentile ranks and the distance methods; NaN when there is none
 * (z-scores, ranks and Borda scores without a range).
 */
double rs_norm_top(const struct rs_norm_spec *n);

/*
 * Fill res (engine.h) from a pipeline result, for the reporters: node
 * scores, coverage, effective weights among scored siblings, gains
 * towards the normaliser's top value hi (rs_norm_top(); NaN: no gains,
 * no priorities), priorities and ranks.  The cities are the kept units,
 * named by their uName.  The caller releases res with
 * rs_results_release().
 */
void rs_pipeline_results(const struct rs_pipeline_result *pr, double hi,
    struct rs_results *res);

#endif /* RS_PIPELINE_H */
