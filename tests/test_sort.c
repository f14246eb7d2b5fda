/*
 * test_sort.c - the one total order and the one rank rule (src/base/sort.c,
 * docs/methodology.md, "Rank")
 */
#include "test_util.h"

#include <float.h>
#include <stdlib.h>

#include "base/rng.h"
#include "base/sort.h"

static void
keyed_order_is_key_then_id_then_index(void **state)
{
	struct rs_keyed k[] = {
		{1.0, "b", 0}, {2.0, "z", 1}, {1.0, "a", 2}, {1.0, NULL, 4},
		{1.0, NULL, 3}, {-0.0, "c", 5}, {0.0, "c", 6}, {2.0, "z", 0},
	};
	size_t n = sizeof(k) / sizeof(*k);

	(void)state;
	qsort(k, n, sizeof(*k), rs_keyed_cmp);
	/* larger key first; equal keys by id; -0 and 0 are one key */
	assert_int_equal(k[0].index, 0);	/* 2, "z", 0 */
	assert_int_equal(k[1].index, 1);	/* 2, "z", 1 */
	assert_string_equal(k[2].id, "a");
	assert_string_equal(k[3].id, "b");
	/* without ids, by index */
	assert_true(k[4].id == NULL && k[4].index == 3);
	assert_true(k[5].id == NULL && k[5].index == 4);
	assert_int_equal(k[6].index, 5);
	assert_int_equal(k[7].index, 6);
	/* the comparator is antisymmetric and says equal for equal items */
	assert_true(rs_keyed_cmp(&k[0], &k[1]) < 0);
	assert_true(rs_keyed_cmp(&k[1], &k[0]) > 0);
	assert_int_equal(rs_keyed_cmp(&k[2], &k[2]), 0);
}

static void
ranks_share_the_lowest_and_nan_has_none(void **state)
{
	/* ranks by hand: 50 -> 2 (one above), 70 -> 1, NaN -> 0, 50 -> 2,
	 * -0 and 0 tie at 5, 10 -> 4, -3 -> 7 */
	const double x[] = {50, 70, (double)NAN, 50, -0.0, 10, 0.0, -3};
	const long want[] = {2, 1, 0, 2, 5, 4, 5, 7};
	long rank[8];
	size_t i;

	(void)state;
	rs_rank_desc(x, 8, 1, rank);
	for (i = 0; i < 8; i++)
		assert_int_equal(rank[i], want[i]);
}

static void
ranks_with_a_stride_and_in_own_buffers(void **state)
{
	/* column 1 of a 3-column matrix: 5, 9, 5, -inf */
	const double x[] = {0, 5, 0, 0, 9, 0, 0, 5, 0, 0, -(double)INFINITY, 0};
	long rank[12];
	uint64_t key[8];
	size_t idx[8];

	(void)state;
	memset(rank, 0xff, sizeof(rank));
	rs_rank_desc(x + 1, 4, 3, rank + 1);
	assert_int_equal(rank[1], 2);
	assert_int_equal(rank[4], 1);
	assert_int_equal(rank[7], 2);
	assert_int_equal(rank[10], 4);
	/* the other columns are not touched */
	assert_int_equal(rank[0], -1);
	assert_int_equal(rank[2], -1);
	memset(rank, 0, sizeof(rank));
	rs_rank_desc_buf(x + 1, 4, 3, rank + 1, key, idx);
	assert_int_equal(rank[1], 2);
	assert_int_equal(rank[4], 1);
	assert_int_equal(rank[10], 4);
	/* nothing to rank */
	rs_rank_desc(x, 0, 1, rank);
}

static void
all_missing_and_all_equal(void **state)
{
	const double nan3[] = {(double)NAN, (double)NAN, (double)NAN};
	const double same[] = {4, 4, 4, 4};
	long rank[4];

	(void)state;
	rs_rank_desc(nan3, 3, 1, rank);
	assert_true(rank[0] == 0 && rank[1] == 0 && rank[2] == 0);
	rs_rank_desc(same, 4, 1, rank);
	assert_true(rank[0] == 1 && rank[3] == 1);
}

/* A double from a pool with many ties and every kind the order meets. */
static double
draw(uint64_t *g, int pool)
{
	static const double special[] = {
		0.0, -0.0, 1.0, -1.0, 50.0, 100.0, DBL_MAX, -DBL_MAX,
		DBL_MIN, -DBL_MIN, 4.9406564584124654e-324, (double)INFINITY,
		-(double)INFINITY, 0.1, 0.30000000000000004, 99.99999999999999,
	};
	uint64_t u = rs_splitmix64(g), b;
	double x;

	if (u % 8 == 0)
		return (double)NAN;
	if (pool || u % 8 == 1)
		return special[(u >> 8) % (sizeof(special) / sizeof(*special))];
	do {
		b = rs_splitmix64(g);
		memcpy(&x, &b, sizeof(x));
	} while (isnan(x));
	return x;
}

/*
 * The rank as it was computed before the radix sort: the values that are
 * not NaN sorted by qsort() with rs_keyed_cmp(), each ranked one past the
 * first value equal to it.
 */
static void
rank_by_comparison(const double *x, size_t n, long *rank)
{
	struct rs_keyed *k = malloc((n + 1) * sizeof(*k));
	size_t i, m = 0, first = 0;

	for (i = 0; i < n; i++) {
		rank[i] = 0;
		if (isnan(x[i]))
			continue;
		k[m].key = x[i];
		k[m].id = NULL;
		k[m++].index = i;
	}
	qsort(k, m, sizeof(*k), rs_keyed_cmp);
	for (i = 0; i < m; i++) {
		if (i == 0 || k[i].key < k[first].key)
			first = i;
		rank[k[i].index] = (long)first + 1;
	}
	free(k);
}

/*
 * Random values, drawn from a pool of ties (NaN, -0 and 0, infinities,
 * the extremes, a subnormal) or from every bit pattern that is not NaN:
 * the radix rank is the comparison rank, value for value.
 */
static void
radix_rank_is_the_comparison_rank(void **state)
{
	uint64_t g;
	size_t n, i, t;
	double *x = malloc(5000 * sizeof(*x));
	long *got = malloc(5000 * sizeof(*got));
	long *want = malloc(5000 * sizeof(*want));
	size_t sizes[] = {1, 2, 3, 7, 64, 255, 256, 257, 1000, 5000};

	(void)state;
	g = 19;
	for (t = 0; t < 400; t++) {
		n = sizes[t % (sizeof(sizes) / sizeof(*sizes))];
		for (i = 0; i < n; i++)
			x[i] = draw(&g, t % 3 == 0);
		rs_rank_desc(x, n, 1, got);
		rank_by_comparison(x, n, want);
		for (i = 0; i < n; i++)
			if (got[i] != want[i])
				fail_msg("trial %zu, n %zu, x[%zu] = %a: rank "
				    "%ld, by comparison %ld", t, n, i, x[i],
				    got[i], want[i]);
	}
	free(x);
	free(got);
	free(want);
}

/*
 * rs_keyed_top() keeps exactly the first k of rs_keyed_sort(), in its
 * order, and the rest of the items after them: random keys with ties
 * (broken by id, or by index without ids), every k from 0 to n + 1.
 */
static void
top_k_is_the_first_k_of_the_sort(void **state)
{
	static const char *const ids[] = {"a", "b", "RPI 1-1.1", "RPI 1-1.2",
	    "c"};
	struct rs_keyed all[80], top[80];
	uint64_t g;
	size_t n, k, i, t, seen;
	unsigned char hit[80];

	(void)state;
	g = 5;
	for (t = 0; t < 300; t++) {
		n = t % 80;
		for (i = 0; i < n; i++) {
			all[i].key = draw(&g, 1);
			if (isnan(all[i].key))
				all[i].key = 3.5;	/* a total order */
			all[i].id = t % 2 ? ids[rs_splitmix64(&g) % 5] : NULL;
			all[i].index = (size_t)(rs_splitmix64(&g) % 1000) *
			    100 + i;
		}
		memcpy(top, all, sizeof(all));
		rs_keyed_sort(all, n);
		for (k = 0; k <= n + 1; k++) {
			struct rs_keyed a[80];

			memcpy(a, top, sizeof(top));
			rs_keyed_top(a, n, k);
			for (i = 0; i < k && i < n; i++)
				assert_true(a[i].index == all[i].index &&
				    a[i].id == all[i].id);
			/* a permutation of the items */
			memset(hit, 0, sizeof(hit));
			for (i = 0, seen = 0; i < n; i++) {
				size_t j = a[i].index % 100;

				assert_true(j < n && !hit[j]);
				hit[j] = 1;
				seen++;
			}
			assert_int_equal(seen, n);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keyed_order_is_key_then_id_then_index),
		cmocka_unit_test(ranks_share_the_lowest_and_nan_has_none),
		cmocka_unit_test(ranks_with_a_stride_and_in_own_buffers),
		cmocka_unit_test(all_missing_and_all_equal),
		cmocka_unit_test(radix_rank_is_the_comparison_rank),
		cmocka_unit_test(top_k_is_the_first_k_of_the_sort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
