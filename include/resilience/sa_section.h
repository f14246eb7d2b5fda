/*
 * sa_section.h - the "sensitivity" section of a framework file
 * (docs/sensitivity.md, section 5)
 */
#ifndef RS_SA_SECTION_H
#define RS_SA_SECTION_H

#include <stddef.h>
#include <stdint.h>

#include "resilience/pipeline_spec.h"

#define RS_SA_MAXALT 16	/* alternatives of a normaliser or aggregator */

/* What a framework's "sensitivity" section sets; has_* say which keys. */
struct rs_sa_section {
	int has_runs, has_seed, has_bootstrap;
	size_t runs;
	uint64_t seed;
	size_t bootstrap;
	int has_weights, has_levels, has_weight_sets;
	double weight_noise;
	unsigned levels;	/* bit L: COINr level L */
	size_t weight_sets;
	int has_goalposts, has_goalpost_sets;
	double goalpost_noise;
	size_t goalpost_sets;
	int has_exclude, exclude;
	int has_sobol, sobol;
	int winmax_lo, winmax_hi;	/* 0: not given */
	struct rs_norm_spec norms[RS_SA_MAXALT];
	size_t nnorms;		/* 0: not given */
	int aggs[RS_SA_MAXALT];
	size_t naggs;
	/*
	 * Where the keys' values are in the framework file (line 0: not
	 * given), for the inputs a framework may not be able to vary: the
	 * command that applies the section locates its refusal there.
	 */
	struct rs_sa_at {
		long line, col;
	} at_runs, at_goalposts, at_exclude, at_normalise, at_winmax;
};

#endif /* RS_SA_SECTION_H */
