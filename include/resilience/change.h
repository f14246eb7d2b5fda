/*
 * change.h - what changed since a baseline: for the city and every node,
 * the total change, the like-for-like change and the composition effect
 * (docs/methodology.md, "Change against a baseline")
 *
 * The total change compares the scores as they were reported.  The
 * like-for-like change scores both runs again on the common set C, the
 * indicators with a value in both, every other indicator treated as
 * missing, so that a score that now rests on more (or other) indicators
 * does not pass for a change in what was measured.
 */
#ifndef RS_CHANGE_H
#define RS_CHANGE_H

#include <stddef.h>

#include "resilience/baseline.h"
#include "resilience/engine.h"
#include "resilience/framework.h"

struct rs_change {
	size_t ncities;		/* cities of the run */
	size_t nnodes;		/* the framework's nodes */
	size_t *base_city;	/* per city: its baseline index, or RS_NONE */
	double *total;		/* ncities rows of nnodes + 1 changes in
				   points, the city's last; NaN: unknown */
	double *like;		/* the same, like for like; NaN: undefined
				   or refused */
	size_t *common;		/* per city: indicators in C */
	int refused;		/* 1: the baseline's framework version is
				   not the run's (or the run is a
				   pipeline's), so no like-for-like */
	size_t *missing;	/* baseline cities absent from the run, in
				   baseline order */
	size_t nmissing;
};

/*
 * Like-for-like change of every node between the raw values now and base
 * (fw->nindicators each, NaN when missing): like[node] for each node and
 * like[fw->nnodes] for the city, NaN where either side has no score on
 * the common set.  Returns the number of indicators in the common set.
 * scratch holds the scores of both sides; it is allocated when its value
 * is NULL and is the caller's to release with rs_change_scratch_free().
 */
struct rs_change_scratch;
size_t rs_change_like(const struct rs_framework *fw, const double *now,
    const double *base, double *like, struct rs_change_scratch **scratch);
void rs_change_scratch_free(struct rs_change_scratch *scratch);

/*
 * Fill ch for the cities of res, whose ids are ids[] and whose raw values
 * are values (ncities rows of fw->nindicators; NULL for a pipeline's
 * results), against base.  Release ch with rs_change_release().
 */
void rs_change_compute(struct rs_change *ch, const struct rs_framework *fw,
    const struct rs_results *res, const char *const *ids,
    const double *values, const struct rs_baseline *base);
void rs_change_release(struct rs_change *ch);

/* The total change of node (RS_NONE: the city) of city ci, or NaN. */
double rs_change_total(const struct rs_change *ch, size_t ci, size_t node);

/* The like-for-like change of node (RS_NONE: the city), or NaN. */
double rs_change_like_of(const struct rs_change *ch, size_t ci,
    size_t node);

/* The composition effect: total minus like-for-like, or NaN. */
double rs_change_composition(const struct rs_change *ch, size_t ci,
    size_t node);

#endif /* RS_CHANGE_H */
