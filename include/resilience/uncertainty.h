/*
 * uncertainty.h - Monte Carlo uncertainty analysis of the index ranks
 * (docs/pipeline.md, "Uncertainty analysis"), as COINr's get_sensitivity()
 * with type "UA"
 */
#ifndef RS_UNCERTAINTY_H
#define RS_UNCERTAINTY_H

#include <stddef.h>
#include <stdint.h>

#include "resilience/error.h"
#include "resilience/pipeline.h"

struct rs_ua_spec {
	size_t runs;		/* replications, N */
	uint64_t seed;		/* of the xoshiro256** generator */
	double weight_noise;	/* each weight times 1 + U(-noise, noise) */
	unsigned levels;	/* bit L set: perturb the weights of COINr
				   level L (1 = indicators) */
	const struct rs_norm_spec *norms;	/* normalisers drawn with equal
						   probability; none: the
						   spec's */
	size_t nnorms;
};

struct rs_ua_result {
	size_t nunits;		/* units kept by the nominal pipeline */
	const char **unit;	/* their codes, borrowed from the table */
	long *nominal;		/* rank in the nominal pipeline */
	double *mean, *median, *q5, *q95;	/* of the rank over the runs */
};

/*
 * Run the pipeline of spec once (the nominal ranks), then ua->runs times
 * on the same treated data with a normaliser drawn from ua->norms and
 * perturbed weights; summarise each unit's rank of the index.  Quantiles
 * are R's type 7.  Deterministic for a given seed.  The caller releases
 * res with rs_ua_result_release() whatever the outcome.
 */
int rs_uncertainty_run(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const struct rs_table *t,
    const struct rs_ua_spec *ua, struct rs_ua_result *res,
    struct rs_error *err);

void rs_ua_result_release(struct rs_ua_result *res);

#endif /* RS_UNCERTAINTY_H */
