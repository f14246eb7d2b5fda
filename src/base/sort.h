/*
 * sort.h - the one total order that reports, ranks and priorities use
 */
#ifndef RS_SORT_H
#define RS_SORT_H

#include <stddef.h>
#include <stdint.h>

/* An item sorted by key, larger first. */
struct rs_keyed {
	double key;		/* gain, score, ...; larger first */
	const char *id;		/* then by id in byte order, or NULL */
	size_t index;		/* then by index, smaller first */
};

/*
 * qsort comparator of struct rs_keyed: key descending (exact comparison
 * of doubles), then id in byte order when both have one, then index.
 */
int rs_keyed_cmp(const void *a, const void *b);

/*
 * Sorts a[0..n) by rs_keyed_cmp(), the order every caller uses: a
 * merge sort over runs sorted by insertion, with the comparison inlined
 * (qsort's call per comparison was a tenth of the text report).  The
 * order is total for keys that are not NaN, so the result is the one
 * qsort gives.
 */
void rs_keyed_sort(struct rs_keyed *a, size_t n);

/*
 * The first k of a[0..n) by rs_keyed_cmp(), without sorting the rest:
 * rearranges a so that a[0..min(k, n)) are exactly what rs_keyed_sort()
 * would put there, in its order, and the others follow in no particular
 * order.  O(n k) at worst, about n comparisons when k is small: the text
 * report shows five of each city's sixty priorities.
 */
void rs_keyed_top(struct rs_keyed *a, size_t n, size_t k);

/*
 * The one rank rule of methodology.md, "Rank": the rank of each of the n
 * values x[i * stride] into rank[i * stride] is 1 + the number of values
 * strictly greater, so ties share the lowest rank, and a NaN (a null
 * score) has no rank: 0.  Exact comparison of doubles (-0 ties with 0),
 * as COINr's rank of -x with ties.method = "min" and na.last = "keep".
 * O(n), by a radix sort.
 */
void rs_rank_desc(const double *x, size_t n, size_t stride, long *rank);

/* The same in the caller's buffers: 2n keys and 2n indices. */
void rs_rank_desc_buf(const double *x, size_t n, size_t stride, long *rank,
    uint64_t *key, size_t *idx);

#endif /* RS_SORT_H */
