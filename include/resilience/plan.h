/*
 * plan.h - recovery plans: the least-effort changes to a city's indicators
 * that reach targets for its areas, RPIs or score (docs/planning.md)
 *
 * Under the scoring contract an aggregate's score is a weighted mean of
 * its indicators' scores with weights that depend only on which
 * indicators have a value, so as long as no value appears or disappears
 * a node's score is linear in the indicators' scores, and the least
 * effort that reaches every target is a linear programme.
 */
#ifndef RS_PLAN_H
#define RS_PLAN_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/scenario.h"

struct rs_plan_opts {
	unsigned levers;	/* the levers acted on (RS_LEVER_BIT()) */
	int collect;		/* move indicators without a value too */
	double years;		/* years to the horizon, for the yearly caps;
				   INFINITY without a horizon */
};

/* A change of one indicator. */
struct rs_plan_change {
	size_t node;		/* the indicator */
	int collect;		/* no value yet: to be collected first */
	double value_from;	/* raw value now, NaN when collected */
	double value_to;	/* raw value of the plan */
	double score_from;	/* score now, NaN when collected */
	double score_to;	/* score of the plan */
};

/* What the plan does for one target. */
struct rs_plan_target {
	double before;		/* the node's score now, NaN when none */
	double after;		/* its score with the plan's values */
	int reached;		/* after >= the target */
	double shortfall;	/* points the allowed levers fall short at
				   best (0 when reachable), NaN when the node
				   has no score to plan from */
	double other_levers;	/* points the indicators with data of the
				   levers not allowed would add at best */
	double capped;		/* points the yearly caps hold back */
	size_t nmissing;	/* indicators below it without a value */
};

struct rs_plan {
	struct rs_plan_target *targets;	/* one per target, in order */
	struct rs_plan_change *changes;	/* in framework order */
	size_t nchanges;
	double effort;		/* sum of effort x (score_to - score_from)
				   over the changes; a collected indicator
				   counts from its worst goalpost */
	double effort_optimal;	/* the optimum of the programme, before the
				   values are rounded (<= effort) */
	double *values;		/* fw->nindicators raw values with the plan */
};

/*
 * Plan for one city with raw values values (fw->nindicators, NaN when
 * missing): fills p, which the caller releases with rs_plan_release().
 * The scores of p are the engine's on p->values, so that scoring those
 * values again gives the same bits.  Returns 0, or an error when the
 * solver fails (which it should not).  fw must have no pipeline.
 */
int rs_plan_make(const struct rs_framework *fw, const double *values,
    const struct rs_target *t, size_t nt, const struct rs_plan_opts *o,
    struct rs_plan *p, struct rs_error *err);
void rs_plan_release(struct rs_plan *p);

/*
 * The weight of indicator ind in the score of node (RS_NONE: the city)
 * for the scores score_of (an rs_city_result's): the product along the
 * path from ind up to node of weight / scored siblings' weight, 0 when
 * ind is not below node or has no score.  A node's score moves by this
 * times a change of the indicator's score.
 */
double rs_plan_weight(const struct rs_framework *fw, const double *score_of,
    size_t node, size_t ind);

/*
 * The value of indicator n nearest to x on its plan's grid, towards its
 * best: x rounded up (down when lower is better) to a thousandth of the
 * goalposts' range or finer (a power of ten), then no further than lim.
 */
double rs_plan_round(const struct rs_node *n, double x, double lim);

#endif /* RS_PLAN_H */
