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

/* rs_keyed_cmp(x, y) < 0, without the call. */
static inline int
before(const struct rs_keyed *x, const struct rs_keyed *y)
{
	int c;

	if (x->key > y->key)
		return 1;
	if (x->key < y->key)
		return 0;
	if (x->id != NULL && y->id != NULL && (c = strcmp(x->id, y->id)) != 0)
		return c < 0;
	return x->index < y->index;
}

static void
insertion(struct rs_keyed *a, size_t n)
{
	struct rs_keyed t;
	size_t i, j;

	for (i = 1; i < n; i++) {
		t = a[i];
		for (j = i; j > 0 && before(&t, &a[j - 1]); j--)
			a[j] = a[j - 1];
		a[j] = t;
	}
}

/* Runs of 16 by insertion, then merged pairwise through tmp. */
void
rs_keyed_sort(struct rs_keyed *a, size_t n)
{
	struct rs_keyed *tmp, *src = a, *dst, *t;
	size_t run = 16, i, lo, mid, hi, p, q, o;

	for (i = 0; i < n; i += run)
		insertion(a + i, n - i < run ? n - i : run);
	if (n <= run)
		return;
	tmp = rs_malloc(n * sizeof(*tmp));
	dst = tmp;
	for (; run < n; run *= 2) {
		for (lo = 0; lo < n; lo += 2 * run) {
			mid = lo + run < n ? lo + run : n;
			hi = lo + 2 * run < n ? lo + 2 * run : n;
			p = lo;
			q = mid;
			o = lo;
			while (p < mid && q < hi)
				dst[o++] = before(&src[q], &src[p]) ? src[q++] :
				    src[p++];
			while (p < mid)
				dst[o++] = src[p++];
			while (q < hi)
				dst[o++] = src[q++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
	free(tmp);
}

/*
 * a[0..m) stays sorted and holds the best m seen so far; an item better
 * than the last of them takes its place, which goes back to the item's
 * slot, so a stays a permutation of what it was.
 */
void
rs_keyed_top(struct rs_keyed *a, size_t n, size_t k)
{
	struct rs_keyed t;
	size_t i, j, m = 0;

	if (k >= n) {
		rs_keyed_sort(a, n);
		return;
	}
	for (i = 0; i < n && k > 0; i++) {
		if (m < k) {
			t = a[i];
			a[i] = a[m];
			j = m++;
		} else if (before(&a[i], &a[m - 1])) {
			t = a[i];
			a[i] = a[m - 1];
			j = m - 1;
		} else {
			continue;
		}
		for (; j > 0 && before(&t, &a[j - 1]); j--)
			a[j] = a[j - 1];
		a[j] = t;
	}
}

/*
 * A key whose unsigned order is the order of the doubles: ranks then
 * come from one radix sort instead of n log n comparisons.  -0 and 0 get
 * the same key, as they compare equal.
 */
static uint64_t
order_key(double x)
{
	uint64_t b;

	if (!(x < 0) && !(x > 0))
		x = 0;
	memcpy(&b, &x, sizeof(b));
	return (b >> 63) ? ~b : b | 0x8000000000000000u;
}

/*
 * methodology.md, "Rank": 1 + the number of values strictly greater, a
 * NaN none.  An LSD radix sort of the keys of the values that are not
 * NaN, descending, a byte at a time, skipping bytes that all keys share;
 * then a value's rank is one past the first of its key.
 */
void
rs_rank_desc_buf(const double *x, size_t n, size_t stride, long *rank,
    uint64_t *key, size_t *idx)
{
	uint64_t *k0 = key, *k1 = key + n, *kt, all_or = 0, all_and = ~0ull;
	size_t *i0 = idx, *i1 = idx + n, *it;
	size_t count[256], i, m = 0, pos, sum;
	int shift;

	for (i = 0; i < n; i++) {
		rank[i * stride] = 0;
		if (isnan(x[i * stride]))
			continue;
		k0[m] = order_key(x[i * stride]);
		i0[m] = i;
		all_or |= k0[m];
		all_and &= k0[m++];
	}
	for (shift = 0; shift < 64; shift += 8) {
		if (((all_or ^ all_and) >> shift & 0xff) == 0)
			continue;	/* every key has this byte */
		memset(count, 0, sizeof(count));
		for (i = 0; i < m; i++)
			count[255 - (k0[i] >> shift & 0xff)]++;
		for (i = 0, sum = 0; i < 256; i++) {
			pos = count[i];
			count[i] = sum;
			sum += pos;
		}
		for (i = 0; i < m; i++) {
			pos = count[255 - (k0[i] >> shift & 0xff)]++;
			k1[pos] = k0[i];
			i1[pos] = i0[i];
		}
		kt = k0, k0 = k1, k1 = kt;
		it = i0, i0 = i1, i1 = it;
	}
	/* descending now; ties share the rank of their first */
	for (i = 0; i < m; i++)
		rank[i0[i] * stride] = i > 0 && k0[i] == k0[i - 1] ?
		    rank[i0[i - 1] * stride] : (long)i + 1;
}

void
rs_rank_desc(const double *x, size_t n, size_t stride, long *rank)
{
	uint64_t *key = rs_malloc((2 * n + 1) * sizeof(uint64_t));
	size_t *idx = rs_malloc((2 * n + 1) * sizeof(size_t));

	rs_rank_desc_buf(x, n, stride, rank, key, idx);
	free(key);
	free(idx);
}
