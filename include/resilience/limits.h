/*
 * limits.h - how much one run reads (docs/robustness.md), and the index
 * that means none
 */
#ifndef RS_LIMITS_H
#define RS_LIMITS_H

#include <stddef.h>

#define RS_NONE ((size_t)-1)	/* "no index" for size_t indices */

/*
 * Limits on what one run reads (docs/robustness.md), so that an absurd
 * input is refused with a located error rather than exhausting memory:
 * data and framework files of at most RS_MAX_INPUT bytes each, data of
 * at most RS_MAX_INPUT bytes in all, and at most RS_MAX_CELLS cities
 * times framework nodes (each city gets a score, a weight and a gain per
 * node).  CSV fields are limited to 1 MiB and rows to 100,000 fields.
 */
#define RS_MAX_INPUT ((size_t)256 << 20)	/* 256 MiB */
#define RS_MAX_CELLS ((size_t)10000000)

/*
 * The smallest weight a framework may give: weight * score stays a
 * normal double for every score of 1e-150 or more, so weighted means keep
 * every digit.  Only the ratios of weights count, so nothing is lost.
 */
#define RS_MIN_WEIGHT 1e-150

/*
 * The largest magnitude of a value the pipeline takes: squares and sums
 * of a million of them stay finite, as do max - min and means.
 */
#define RS_MAX_PIPELINE_VALUE 1e150

/*
 * What memory the readers may take is bounded by the input too: a JSON
 * file of at most RS_MAX_JSON_VALUES values (cJSON takes 64 bytes a
 * value, so a 256 MiB file of [0,0,...] would take 8 GiB), a framework of
 * at most RS_MAX_NODES nodes (about 1.5 KiB each while it loads).
 */
#define RS_MAX_JSON_VALUES (1 << 24)		/* 16,777,216 */
#define RS_MAX_NODES ((size_t)100000)

/*
 * The memory that the runs of an uncertainty or sensitivity analysis may
 * take (the ranks of every run, the design, each thread's arrays, the
 * normalised matrices of a pipeline), counted before any of it is
 * allocated: 10,000,000 runs of 20,000 cities would need 373 GiB.
 */
#define RS_MAX_WORK ((size_t)1 << 30)		/* 1 GiB */

#endif /* RS_LIMITS_H */
