/*
 * formula.h - the formulas of docs/methodology.md, each written once
 *
 * The indicator score, the weighted means with their coverage rule, and
 * the effective weight.  The scoring contract (engine.c), the pipeline
 * (pipeline.c), the statistics (stats.c) and every run of the sensitivity
 * analysis (sensitivity.c) compute them here and nowhere else, so the same
 * inputs give the same bits on every path (tests/test_kernels.c).  Ranks
 * are rs_rank_desc() of base/sort.h.
 *
 * NaN stands for "null" throughout: a missing value or a withheld score.
 * Sums run over the children in file order, so results are reproducible.
 */
#ifndef RS_FORMULA_H
#define RS_FORMULA_H

#include <stddef.h>

#include "resilience/framework.h"
#include "resilience/pipeline_spec.h"

/* How a node aggregates its children. */
struct rs_agg_rule {
	int agg;		/* enum rs_agg_method */
	int sums;		/* enum rs_sums: how the means round */
	double min_coverage;	/* share of the coverage weight needed */
};

/*
 * methodology.md, "Indicator score": 100 * clamp((x - worst) / (best -
 * worst), 0, 1), never -0; NaN for a NaN x.
 */
double rs_formula_goalpost(double x, double worst, double best);

/*
 * methodology.md, "Target band": with b = {a, lo, hi, d}, a < lo <= hi < d,
 * 0 at or below a, 100 (x - a) / (lo - a) up to lo, 100 from lo to hi,
 * 100 (d - x) / (d - hi) up to d, 0 at or above d; NaN for a NaN x.
 */
double rs_formula_band(double x, const double b[4]);

/*
 * The scores of every aggregate, children first, and the index (the city
 * score): methodology.md, "Aggregate score" and "City score", and
 * pipeline.md, "Aggregate", for the geometric and harmonic means and
 * rule->sums.  An aggregate's score is the mean of its children whose
 * score in s is not NaN, weighted by w, when they carry at least
 * rule->min_coverage of the coverage weights cw; else NaN.
 *
 * s holds a score per node; the caller fills the indicators', the
 * aggregates' are written.  rule is one rule for every node when nrule
 * is 1, else fw->nnodes + 1 rules, the last for the index.  w and cw are
 * per node; w NULL means the framework's weights, cw NULL means w.  A
 * child whose coverage weight is not > 0 (an indicator left out) counts
 * as no child at all.  coverage (per node, NaN for indicators: the share
 * of the coverage weight that has a score) and index_coverage may be
 * NULL.  Returns 0, or -1 when a geometric or harmonic mean met a score
 * <= 0: bad[0] is then the first such aggregate (RS_NONE for the index)
 * and bad[1] its child; the scores are computed all the same (log 0
 * gives a mean of 0).
 */
int rs_formula_scores(const struct rs_framework *fw,
    const struct rs_agg_rule *rule, size_t nrule, const double *w,
    const double *cw, double *s, double *coverage, double *index,
    double *index_coverage, size_t bad[2]);

/*
 * rs_formula_scores() for many rows with the same rules and weights (the
 * cities of a run, the units of a pipeline), prepared once: the children
 * that count and their weights, and the sums of the weights that a row
 * with every value needs, worked out by the same code and so to the same
 * bits.  The plan copies rule, w and cw; fw stays borrowed.  The caller
 * frees it with rs_formula_plan_free() (NULL does nothing).
 */
struct rs_formula_plan;
struct rs_formula_plan *rs_formula_plan_new(const struct rs_framework *fw,
    const struct rs_agg_rule *rule, size_t nrule, const double *w,
    const double *cw);
void rs_formula_plan_free(struct rs_formula_plan *plan);
/*
 * rs_formula_scores() of n rows with plan's rules and weights: row r of s
 * and of coverage starts at r * stride, its index is index[r] (and
 * index_coverage[r]).  Returns 0, or -1 when a geometric or harmonic mean
 * met a score <= 0: bad[0] is then the first such row, bad[1] and bad[2]
 * as rs_formula_scores()'s bad[0] and bad[1]; the rows after the block
 * of that row are not scored.
 */
int rs_formula_plan_scores(const struct rs_formula_plan *plan, double *s,
    size_t n, size_t stride, double *coverage, double *index,
    double *index_coverage, size_t bad[3]);

/*
 * The coverage rule of methodology.md, "Aggregate score": 1 when the
 * children with a score carry covered of all the weight, covered > 0 and
 * covered / all >= min_coverage.
 */
int rs_formula_covers(double covered, double all, double min_coverage);

/*
 * methodology.md, "Effective weight", for every node into weight_of:
 * its weight's share among its siblings with a score, times its
 * parent's effective weight; NaN for a node without a score or below
 * one.  score_of NULL: every node counts, which gives the complete-data
 * weights of pipeline.md, "Effective weights".
 */
void rs_formula_weights(const struct rs_framework *fw,
    const double *score_of, double *weight_of);

/*
 * The effective weight of node if it had a score (docs/cli.md, "Weight if
 * collected"): the same product as rs_formula_weights() along its path,
 * each ancestor without a score given one when the coverage rule grants
 * it with the framework's min_coverage.  NaN when an ancestor still would
 * have none; *blocker (when not NULL) is then the lowest such ancestor,
 * else RS_NONE.  score_of NULL: every node counts (docs/cli.md,
 * "Complete-data weight").
 */
double rs_formula_path_weight(const struct rs_framework *fw,
    const double *score_of, size_t node, size_t *blocker);

/*
 * rs_formula_path_weight() for every node at once, bit for bit, into
 * weight[] and (when not NULL) blocker[] (fw->nnodes entries each): one
 * pass top-down, each node's step taken once rather than once for every
 * node below it.  The cost is the framework's size, plus, for a node
 * without a score, its siblings with one that come after it (the sum
 * of the siblings' weights that includes it, in file order).
 */
void rs_formula_path_weights(const struct rs_framework *fw,
    const double *score_of, double *weight, size_t *blocker);

#endif /* RS_FORMULA_H */
