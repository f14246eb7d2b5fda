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

#endif /* RS_LIMITS_H */
