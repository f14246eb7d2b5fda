/*
 * engine.h - the scoring contract (docs/methodology.md)
 *
 * The engine is a pure function of a framework and a matrix of raw values:
 * it reads nothing, prints nothing and keeps no state.  NaN stands for
 * "null" in every array below: a missing value, a score that the coverage
 * rule withholds, or a gain that is not defined.
 */
#ifndef RS_ENGINE_H
#define RS_ENGINE_H

#include <stddef.h>

#include "resilience/framework.h"

struct rs_city_result {
	const char *name;	/* borrowed from the caller */
	double score;		/* city score 0..100, NaN when null */
	double coverage;	/* weight share of the top level with a score */
	size_t level;		/* index into fw->levels, RS_NONE when null */
	long rank;		/* 1 = best in the run, 0 when null */
	double *value;		/* per node: raw value (indicators), or NaN */
	double *score_of;	/* per node: score 0..100, or NaN */
	double *coverage_of;	/* per node: coverage (aggregates), or NaN */
	double *weight_of;	/* per node: effective weight, or NaN */
	double *gain_of;	/* per node: gain in city points, or NaN */
	size_t *priorities;	/* indicator node indices, largest gain first */
	size_t npriorities;
	size_t *missing;	/* indicator node indices without a value */
	size_t nmissing;
	unsigned char *indicative_of;	/* per node: 1 when its score is
				   indicative, or NULL when none is (only
				   rs_engine_mark_indicative() sets it) */
	int indicative;		/* the city score is indicative */
};

/*
 * The results of a run.  Whole, every city carries its per-node arrays.
 * Light (rs_engine_score_light()), the cities carry only name, score,
 * coverage, level and rank, with NULL arrays, and rs_results_city()
 * scores a city again whole when it is asked for.
 */
struct rs_results {
	const struct rs_framework *fw;	/* borrowed */
	struct rs_city_result *cities;	/* in input order */
	size_t ncities;
	struct rs_results_lazy *lazy;	/* NULL unless light */
};

/*
 * Score ncities cities.  values holds ncities rows of fw->nindicators raw
 * values (NaN when missing) in the framework's indicator order; names
 * holds the city names (borrowed).  Fills res, which the caller releases
 * with rs_results_release().  Raw values are not checked here: the readers
 * reject values outside an indicator's domain.
 */
void rs_engine_score(const struct rs_framework *fw, size_t ncities,
    const char *const *names, const double *values, struct rs_results *res);

/*
 * The same, light: each city's arrays are freed once its score, coverage
 * and level are known, which keeps O(ncities) instead of O(ncities x
 * nodes).  values stays borrowed by res until it is released.
 */
void rs_engine_score_light(const struct rs_framework *fw, size_t ncities,
    const char *const *names, const double *values, struct rs_results *res);

/*
 * City ci of res, whole.  For light results it is scored again into a
 * buffer of res, by the same code, so the figures are the same bits; the
 * pointer then holds until a call for another city or the release.
 */
const struct rs_city_result *rs_results_city(const struct rs_results *res,
    size_t ci);

/*
 * How many priorities a report of light results shows: from now on the
 * cities that rs_results_city() makes whole have priorities[0..shown) in
 * the order of rs_engine_derive(), the very same indices, and the others
 * after them in no particular order (npriorities is unchanged).  SIZE_MAX,
 * the default, orders them all; whole results are always in full order.
 * Selecting five of sixty instead of sorting them was a tenth of the text
 * report's time.
 */
void rs_results_shown(const struct rs_results *res, size_t shown);

/*
 * The same with only value, score_of, coverage_of, score, coverage,
 * level, name and rank meant to be read: light results skip the rest.
 */
const struct rs_city_result *rs_results_scores(const struct rs_results *res,
    size_t ci);

void rs_results_release(struct rs_results *res);

/*
 * Score one city: c's value, score_of, coverage_of, score, coverage and
 * level from values (fw->nindicators raw values), then what
 * rs_engine_derive() adds.  Arrays of c that are NULL are allocated;
 * others are reused.  c's name and rank are left as they are.
 */
void rs_engine_score_city(const struct rs_framework *fw,
    const double *values, struct rs_city_result *c);

/*
 * Only the scores: c's value, score_of, coverage_of, score, coverage and
 * level from values, as rs_engine_score_city() computes them, without
 * what rs_engine_derive() adds.  Arrays of c that are NULL are allocated.
 */
void rs_engine_score_nodes(const struct rs_framework *fw,
    const double *values, struct rs_city_result *c);

/*
 * From the scores of c (value, score_of, coverage_of filled), derive what
 * methodology.md defines on top of them: effective weights, gains towards
 * top (100 in the scoring contract; the top of the normalised scale in a
 * pipeline), aggregate gains, priorities and the missing indicators.
 * Allocates weight_of, gain_of, priorities and missing unless
 * weight_of is not NULL (then all four are reused); rs_results_release()
 * frees them.
 */
void rs_engine_derive(const struct rs_framework *fw, double top,
    struct rs_city_result *c);

/*
 * The gains of the aggregates from those of the indicators in gain_of
 * (fw->nnodes entries; NaN: no gain): each aggregate's is the sum of
 * its children's that are not NaN, in file order, NaN when all are.  An
 * indicator whose lever is not in levers (a mask of RS_LEVER_BIT()s;
 * ~0u: every lever) counts as NaN.  One pass bottom-up over the nodes:
 * the cost is the framework's size, whatever its depth.
 */
void rs_engine_sum_gains(const struct rs_framework *fw, unsigned levers,
    double *gain_of);


/*
 * Indicative scores (docs/methodology.md, "Indicative scores"): res was
 * scored with a min_coverage below the framework's, strict->min_coverage.
 * A score of res is indicative when scoring values again under strict
 * gives it no score or another score (an aggregate whose indicative
 * child would have been left out); this marks them in indicative_of and
 * indicative, and returns how many city scores are indicative.  res must
 * be whole (not light); values as rs_engine_score() took them.
 */
size_t rs_engine_mark_indicative(const struct rs_framework *strict,
    const double *values, struct rs_results *res);

/*
 * Indicator score: 100 * clamp((x - worst) / (best - worst), 0, 1), or
 * the target band's score when the indicator has a band.
 */
double rs_indicator_score(const struct rs_node *node, double x);

/*
 * The value at which indicator node scores 100 nearest to x: its best
 * goalpost, or for a target band the nearest point of the band (low at
 * or below it, high above it, x itself inside; methodology.md, "Target
 * band").  NaN x gives best (low for a band).
 */
double rs_indicator_target(const struct rs_node *node, double x);

/*
 * The effective weight indicator node would carry in city c if it had a
 * value and every other value stayed as it is (docs/cli.md, "Weight if
 * collected"): the scores of its ancestors are recomputed with it, and the
 * weight follows the effective weight rule.  For an indicator with a value
 * this is c->weight_of[node].  NaN when it still would not count because
 * an ancestor would stay below min_coverage; *blocker (when not NULL) is
 * then the lowest such ancestor, else RS_NONE.
 */
double rs_engine_weight_if_known(const struct rs_framework *fw,
    const struct rs_city_result *c, size_t node, size_t *blocker);

/*
 * The effective weight of node when every indicator has a value: the
 * product along its path of weight / sum of the weights of all siblings
 * (docs/cli.md, "Complete-data weight").
 */
double rs_engine_complete_weight(const struct rs_framework *fw, size_t node);

/*
 * rs_engine_weight_if_known() of every node of fw into weight[] and
 * blocker[] (fw->nnodes entries each; blocker may be NULL), bit for bit,
 * in one pass: c NULL gives rs_engine_complete_weight() of every node.
 * A city's collection list costs the framework's size this way, not its
 * missing indicators times their depth.
 */
void rs_engine_weights_if_known(const struct rs_framework *fw,
    const struct rs_city_result *c, double *weight, size_t *blocker);

#endif /* RS_ENGINE_H */
