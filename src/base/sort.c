/*
 * sort.c - the total order of sort.h, and ranks (methodology.md, "Rank")
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/sort.h"

int
rs_keyed_cmp(const void *a, const void *b)
{
	const struct rs_keyed *x = a, *y = b;
	int c;

	if (x->key > y->key)
		return -1;
	if (x->key < y->key)
		return 1;
	if (x->id != NULL && y->id != NULL && (c = strcmp(x->id, y->id)) != 0)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

/*
 * 1 + the number of values strictly greater.  Sorted once, so that many
 * values stay O(n log n): a value's rank is one past the first of its key.
 */
void
rs_rank_desc(const double *x, size_t n, size_t stride, long *rank)
{
	struct rs_keyed *o = rs_malloc((n + 1) * sizeof(*o));
	size_t i, m = 0, first = 0;

	for (i = 0; i < n; i++) {
		rank[i * stride] = 0;
		if (isnan(x[i * stride]))
			continue;
		o[m].key = x[i * stride];
		o[m].id = NULL;
		o[m++].index = i;
	}
	qsort(o, m, sizeof(*o), rs_keyed_cmp);
	for (i = 0; i < m; i++) {
		if (o[i].key < o[first].key)
			first = i;
		rank[o[i].index * stride] = (long)first + 1;
	}
	free(o);
}
