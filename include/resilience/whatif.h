/*
 * whatif.h - a scenario applied to a copy of the city data (docs/cli.md,
 * "whatif")
 */
#ifndef RS_WHATIF_H
#define RS_WHATIF_H

#include <stddef.h>

#include "resilience/actions.h"
#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/scenario.h"

/* What a scenario did to one cell. */
struct rs_whatif_change {
	size_t city;		/* index of the city */
	size_t node;		/* the indicator */
	double from;		/* raw value before, NaN when none */
	double to;		/* raw value after */
	const char *note;	/* the last note given for it, or NULL;
				   borrowed from the scenario */
};

struct rs_whatif {
	double *values;		/* ncities x fw->nindicators, the changes
				   applied */
	struct rs_whatif_change *changes;	/* by city, then framework
						   order */
	size_t nchanges;
};

/*
 * Apply the changes of sc, in order, to a copy of values (ncities rows
 * of fw->nindicators raw values, NaN when missing; names the cities'
 * names as shown and ids their ids, or NULL; a change names a city by
 * either): a change applies to the value as the changes before it left
 * it.  values is not written.  A change that names no city of the data,
 * a relative change of a missing value, and a result outside the
 * indicator's domain are errors located where the change was given.
 * The caller releases w with rs_whatif_release().
 */
int rs_whatif_apply(const struct rs_framework *fw, size_t ncities,
    const char *const *names, const char *const *ids, const double *values,
    const struct rs_scenario *sc, struct rs_whatif *w,
    struct rs_error *err);
void rs_whatif_release(struct rs_whatif *w);

/*
 * The values of one city (fw->nindicators raw values in values) with
 * every move of every action of a applied, in file order, into out: a
 * result beyond the indicator's domain stops at its bound, and a relative
 * move of a missing value is left out (what it would give is unknown).
 */
void rs_actions_apply(const struct rs_framework *fw,
    const struct rs_actions *a, const double *values, double *out);

#endif /* RS_WHATIF_H */
