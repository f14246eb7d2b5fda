/*
 * report_plan.h - the what-if and plan reports in every format
 * (docs/cli.md, "whatif" and "plan"; docs/planning.md)
 */
#ifndef RS_REPORT_PLAN_H
#define RS_REPORT_PLAN_H

#include <stdio.h>

#include "resilience/actions.h"
#include "resilience/plan.h"
#include "resilience/report.h"
#include "resilience/whatif.h"

struct rs_whatif_report {
	const struct rs_report *before;	/* the data as given */
	const struct rs_report *after;	/* the same with the changes */
	const struct rs_whatif *w;	/* the changes */
};

/*
 * Per city, the score and level of the city and of every aggregate (and
 * of the indicators changed) before and after, and the change.  The JSON
 * is {"framework", "cities": [{"city", "before", "after", "changes"}]}
 * with before and after each city's entry of score --format json.
 */
int rs_report_whatif(FILE *out, const struct rs_whatif_report *r,
    enum rs_report_format format, struct rs_error *err);

struct rs_plan_report {
	const struct rs_report *r;	/* framework, scores now, data,
					   language */
	const struct rs_results *after;	/* the scores of each city's plan */
	const struct rs_plan *plans;	/* one per city */
	const struct rs_target *targets;
	size_t ntargets;
	unsigned levers;		/* the levers acted on */
	int has_horizon;		/* --horizon given */
	long horizon;
	const long *start;		/* per city: the year of its data, 0
					   when it has none */
	const struct rs_actions *actions;	/* --actions, or NULL */
	const struct rs_results *with_actions;	/* the scores with every
						   action, or NULL */
	const double *action_values;	/* ncities x nindicators values
					   with every action, or NULL */
};

/* The plan of each city, with its lines of action when given. */
int rs_report_plan(FILE *out, const struct rs_plan_report *p,
    enum rs_report_format format, struct rs_error *err);

#endif /* RS_REPORT_PLAN_H */
