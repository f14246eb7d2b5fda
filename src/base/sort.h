/*
 * sort.h - the one total order that reports, ranks and priorities use
 */
#ifndef RS_SORT_H
#define RS_SORT_H

#include <stddef.h>

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
 * Rank of each of the n values x[i * stride] into rank[i * stride] (NaN
 * gets 0): 1 + the number of values strictly greater, so ties share the
 * lowest rank.  Exact comparison of doubles, as COINr's rank of -x with
 * ties.method = "min".  methodology.md, "Rank".
 */
void rs_rank_desc(const double *x, size_t n, size_t stride, long *rank);

#endif /* RS_SORT_H */
