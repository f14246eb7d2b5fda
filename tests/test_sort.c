/*
 * test_sort.c - the one total order and the one rank rule (src/base/sort.c,
 * docs/methodology.md, "Rank")
 */
#include "test_util.h"

#include <stdlib.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keyed_order_is_key_then_id_then_index),
		cmocka_unit_test(ranks_share_the_lowest_and_nan_has_none),
		cmocka_unit_test(ranks_with_a_stride_and_in_own_buffers),
		cmocka_unit_test(all_missing_and_all_equal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
