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

#endif /* RS_SORT_H */
