/*
 * sensitivity.h - uncertainty and variance-based sensitivity analysis of
 * the city ranks (docs/sensitivity.md), as COINr's get_sensitivity()
 *
 * Each uncertain input is one scalar u in [0, 1) per run, mapped to one
 * of its alternatives: a noisy weight set, a normaliser, an aggregator, a
 * winsorisation limit, a left-out indicator, a noisy goalpost set, a
 * draw of the data's years, a draw of the national proxies kept, a
 * coverage threshold.  A run
 * rescores every city with the alternatives its row of u picks and ranks
 * them.  The rows come from a generator seeded by (seed, row), so the
 * results do not depend on the number of threads.
 */
#ifndef RS_SENSITIVITY_H
#define RS_SENSITIVITY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "resilience/dataset.h"
#include "resilience/error.h"
#include "resilience/pipeline.h"

/* The uncertain inputs, in the order of the design's columns. */
enum rs_sa_input {
	RS_SA_WEIGHTS,		/* weights times 1 + U(-f, f), per level */
	RS_SA_GOALPOSTS,	/* worst and best moved by U(-x, x) span */
	RS_SA_EXCLUDE,		/* one indicator left out */
	RS_SA_WINMAX,		/* winsorisation limit (pipelines) */
	RS_SA_NORMALISE,	/* normaliser (pipelines) */
	RS_SA_AGGREGATE,	/* aggregator */
	RS_SA_YEAR,		/* each value drawn among the years near the
				   assessment year */
	RS_SA_PROXIES,		/* each national proxy kept or dropped */
	RS_SA_COVERAGE,		/* coverage threshold U(lo, hi) */
	RS_SA_NINPUTS
};

/* The indices are shown when the variance of the output reaches this. */
#define RS_SA_MIN_VARIANCE 0.01

/* The percentage of runs that a rank or level interval holds at least. */
#define RS_SA_INTERVAL 90

/*
 * The values a run may give each cell (city, indicator) of the scoring
 * contract, city-major (docs/sensitivity.md, "Data choices"): the
 * candidates of cell c are first[c] .. first[c + 1] - 1, ascending by
 * year.  Without --vary-year a cell's one candidate is its nominal value.
 */
struct rs_sa_cells {
	size_t ncells;		/* cities * indicators */
	size_t *first;		/* ncells + 1 offsets */
	double *value;		/* per candidate */
	long *year;		/* per candidate, 0: undated */
	unsigned char *proxy;	/* per candidate: 1 for a national proxy */
};

/*
 * The candidates of every cell of ds: with window >= 0, each dated value
 * at most window years from year (before or after), or, when a cell has
 * none, its chosen value (chosen from rs_dataset_select_spec()); with
 * window < 0 the chosen value alone.  c is the caller's to release with
 * rs_sa_cells_release().
 */
void rs_sa_cells_build(const struct rs_dataset *ds, const size_t *chosen,
    long year, long window, struct rs_sa_cells *c);
void rs_sa_cells_release(struct rs_sa_cells *c);

/*
 * Whether observation o of ds is a national proxy: its "note" says
 * "national proxy", or its "level" column is "national" (either case).
 */
int rs_sa_obs_proxy(const struct rs_dataset *ds, const struct rs_obs *o);

struct rs_sa_spec;

/*
 * The raw values of a run (docs/sensitivity.md, "Data choices") into
 * vals (spec->cells->ncells of them): each cell's value is the candidate
 * that a uniform draw of the stream of year set yset picks (with have_y;
 * else its one candidate), missing when it is a national proxy and the
 * draw of proxy set pset for the cell is below 1/2 (with have_p), and
 * missing when the cell has no candidate.
 */
void rs_sa_draw_values(const struct rs_sa_spec *spec, int have_y,
    uint64_t yset, int have_p, uint64_t pset, double *vals);

struct rs_sa_spec {
	size_t runs;		/* N: runs, or base sample with sobol */
	uint64_t seed;		/* of every random stream */
	unsigned threads;	/* worker threads, >= 1 */
	double weight_noise;	/* f; 0: weights fixed */
	unsigned levels;	/* bit L: vary the weights of COINr level L
				   (1 = indicators) */
	size_t weight_sets;	/* noisy weight sets to pick from; 0: a
				   fresh set per run */
	double goalpost_noise;	/* x, below 0.5; 0: goalposts fixed */
	size_t goalpost_sets;	/* as weight_sets */
	int exclude;		/* 1: each run leaves out one indicator */
	int winmax_lo, winmax_hi;	/* limits drawn from lo..hi; 0: fixed */
	const struct rs_norm_spec *norms;	/* normalisers to draw from */
	size_t nnorms;		/* 0: the pipeline's own */
	const int *aggs;	/* enum rs_agg_method alternatives */
	size_t naggs;		/* 0: the framework's own */
	const struct rs_sa_cells *cells;	/* with vary_year or
					   vary_proxies: built with window
					   year_window, or -1 without
					   vary_year */
	int vary_year;		/* 1: each value drawn among its cell's */
	long year;		/* the assessment year (for the report) */
	long year_window;	/* N of --vary-year (for the report) */
	size_t year_sets;	/* as weight_sets */
	int vary_proxies;	/* 1: each national proxy kept or dropped
				   with probability 1/2 */
	size_t proxy_sets;	/* as weight_sets */
	double coverage_lo, coverage_hi;	/* threshold drawn from
					   U(lo, hi); lo 0: fixed */
	double min_variance;	/* indices shown from this variance */
	int sobol;		/* 1: Saltelli design, N (d + 2) runs */
	size_t bootstrap;	/* bootstrap draws of the indices */
	/* Called now and then from the calling thread with the runs done. */
	void (*progress)(void *arg, size_t done, size_t total);
	void *progress_arg;
};

struct rs_sa_result {
	size_t nunits;		/* cities (units kept by a pipeline) */
	const char **unit;	/* their names, borrowed from the input */
	double *score;		/* nominal score, NaN when none */
	long *nominal;		/* nominal rank, 1 = best, 0 when none */
	double *mean, *median, *q5, *q95;	/* of the rank over the runs
						   that rank the city, NaN
						   when none does */
	size_t nlevels;		/* the framework's levels */
	double *prob;		/* nunits * nlevels: share of runs in which
				   the city's score is in the level */
	double *none;		/* nunits: share of runs in which the city
				   has no score (coverage withheld it) */
	long *rank_lo, *rank_hi;	/* nunits: the shortest interval of
					   ranks that holds RS_SA_INTERVAL of
					   the runs, 0 when no run ranks it */
	double *rank_share;	/* nunits: the share of runs it holds */
	size_t *level_lo, *level_hi;	/* nunits: the same over adjacent
					   levels, RS_NONE when none */
	double *level_share;	/* nunits */
	size_t nareas;		/* fw->ntop */
	double *area_change;	/* nunits * nareas: share of runs in which
				   the area's level is not its nominal
				   one (no score counting as a level) */
	int estimable;		/* sobol: variance >= min_variance */
	size_t ninputs;		/* d: the inputs that vary */
	int input[RS_SA_NINPUTS];	/* enum rs_sa_input of each */
	size_t nalts[RS_SA_NINPUTS];	/* alternatives of each */
	size_t nruns;		/* N, or N (d + 2) with sobol */
	double *u;		/* nruns * d: the design */
	size_t *alt;		/* nruns * d: alternative picked */
	double *y;		/* per run: mean absolute rank shift of the
				   cities ranked in it and nominally */
	double variance;	/* of y over the A and B blocks (sobol) */
	double *si, *sti;	/* per input: first-order and total index */
	double *si_q5, *si_q95, *sti_q5, *sti_q95;	/* bootstrap */
};

/*
 * Run the analysis.  A framework without a pipeline (spec NULL) is
 * scored by the scoring contract on values (ncities rows of
 * fw->nindicators raw values, names the cities); a framework with one is
 * run through spec on the table t (values and names unused).  Fills res,
 * which the caller releases with rs_sa_result_release() whatever the
 * outcome.  RS_EUSAGE when nothing varies or an input does not apply to
 * the framework; RS_EINPUT when a run fails (the lowest such run).
 */
int rs_sensitivity_run(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const struct rs_table *t,
    const double *values, const char *const *names, size_t ncities,
    const struct rs_sa_spec *sa, struct rs_sa_result *res,
    struct rs_error *err);

void rs_sa_result_release(struct rs_sa_result *res);

/* The name of an input, such as "weights". */
const char *rs_sa_input_name(int input);

/*
 * First-order and total indices from the outputs y[0 .. n (d + 2)) of a
 * Saltelli design (blocks A, B, AB_1 ... AB_d of n rows each): Si as
 * Saltelli (2010), STi by Jansen's estimator, both over the variance of
 * the A and B blocks; with nboot > 0 the 5th and 95th percentiles of
 * nboot bootstrap draws (seeded by seed).  Writes d entries into each of
 * the output arrays; returns the variance.  COINr's SA_estimate().
 */
double rs_sobol_estimate(const double *y, size_t n, size_t d, size_t nboot,
    uint64_t seed, double *si, double *sti, double *si_q5, double *si_q95,
    double *sti_q5, double *sti_q95);

/*
 * The Saltelli design: n (d + 2) rows of d values in [0, 1) into u, the
 * A and B rows from the stream of (seed, row).
 */
void rs_sobol_design(size_t n, size_t d, uint64_t seed, double *u);

#endif /* RS_SENSITIVITY_H */
