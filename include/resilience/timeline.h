/*
 * timeline.h - resilience over time: every city scored year by year (the
 * trend), and before, in and after a shock (docs/methodology.md, "Trend"
 * and "Shock and recovery")
 *
 * Each year is scored on the values of that year, or with max_age on the
 * latest value at most max_age years older; undated values belong to no
 * year and are left out.  Every array is city-major: for city c, year or
 * moment t and node n (the city itself at n = nnodes), the cell is
 * (c * ntimes + t) * (nnodes + 1) + n.
 */
#ifndef RS_TIMELINE_H
#define RS_TIMELINE_H

#include <stddef.h>

#include "resilience/dataset.h"
#include "resilience/error.h"
#include "resilience/framework.h"

/* Which values a year of a timeline takes. */
struct rs_timeline_opts {
	int has_max_age;	/* 0: the values of the year itself */
	long max_age;		/* else: up to max_age years older */
};

struct rs_trend {
	long from, to;		/* the years, inclusive */
	size_t nyears;		/* to - from + 1 */
	size_t ncities;		/* the dataset's cities */
	size_t nnodes;		/* the framework's */
	double *score;		/* per cell: score 0..100, NaN when null */
	double *coverage;	/* per cell: coverage (aggregates, city) */
	double *like;		/* per cell: like-for-like change since the
				   year before, NaN for the first year or
				   when undefined */
	size_t *chosen;		/* per city, year and indicator: the
				   observation used, or RS_NONE; cell
				   (c * nyears + t) * nindicators + i */
	size_t nindicators;
};

/*
 * Score every city of ds for each year from from to to (from <= to) as o
 * says.  RS_EUSAGE when the trend would hold more than RS_MAX_CELLS
 * cells.  Release t with rs_trend_release() either way.
 */
int rs_trend_compute(struct rs_trend *t, const struct rs_dataset *ds,
    long from, long to, const struct rs_timeline_opts *o,
    struct rs_error *err);
void rs_trend_release(struct rs_trend *t);

/* The cell of city c, year index y, node (RS_NONE: the city). */
size_t rs_trend_cell(const struct rs_trend *t, size_t c, size_t y,
    size_t node);

/* The three moments of a shock. */
enum {
	RS_SHOCK_BEFORE,
	RS_SHOCK_SHOCK,
	RS_SHOCK_AFTER,
	RS_SHOCK_MOMENTS,
};

/* What a shock analysis is asked for (docs/cli.md, "shock"). */
struct rs_shock_spec {
	long year[RS_SHOCK_MOMENTS];	/* before, shock, after */
	const size_t *series;	/* indicator nodes for Martin and Sunley's
				   indices, nseries of them */
	size_t nseries;
	size_t reference;	/* the city they compare with, RS_NONE */
};

struct rs_shock {
	size_t ncities, nnodes;
	double *score;		/* per cell (moment t): S_t, the score of
				   an indicator on its own value, of an
				   aggregate or the city on the indicators
				   with a value at all three moments */
	double *years_to_recover;	/* per city and node: years after
				   the shock until an indicator's score is
				   back to S_B (0 when it did not fall),
				   NaN when null or for aggregates */
	double *resistance;	/* per city and series entry, NaN: null */
	double *recovery;
	size_t nseries;
};

/*
 * Score every city of ds at the three moments of spec and derive what
 * methodology.md ("Shock and recovery") defines.  Release s with
 * rs_shock_release() either way.
 */
int rs_shock_compute(struct rs_shock *s, const struct rs_dataset *ds,
    const struct rs_shock_spec *spec, const struct rs_timeline_opts *o,
    struct rs_error *err);
void rs_shock_release(struct rs_shock *s);

/* S_t of node (RS_NONE: the city) of city c at moment t. */
double rs_shock_score(const struct rs_shock *s, size_t c, int t,
    size_t node);

/*
 * The formulas of methodology.md, "Shock and recovery", NaN when an
 * argument is: loss = S_B - S_K; rebound = S_A - S_K; net = S_A - S_B;
 * recovery ratio = rebound / loss when loss > 0, else NaN.
 */
double rs_shock_loss(double before, double shock);
double rs_shock_rebound(double shock, double after);
double rs_shock_net(double before, double after);
double rs_shock_ratio(double loss, double rebound);

/*
 * Martin and Sunley (2015): the relative change r = (to - from) / |from|
 * (NaN when from is 0 or either is NaN), and an index of a city against
 * a reference, (r_city - r_ref) / |r_ref| (NaN when r_ref is 0 or either
 * is NaN).
 */
double rs_shock_relative(double from, double to);
double rs_shock_index(double r_city, double r_ref);

#endif /* RS_TIMELINE_H */
