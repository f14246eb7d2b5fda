/*
 * test_strmap.c - the string-keyed and pair-keyed hash tables
 * (src/base/strmap.c)
 */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/strmap.h"

static void
strings_map_to_indices(void **state)
{
	struct rs_strmap m;
	static char keys[3000][8];
	size_t i, *v;

	(void)state;
	rs_strmap_init(&m);
	/* an empty map has nothing, not even the empty key */
	assert_null(rs_strmap_get(&m, "", 0));
	assert_null(rs_strmap_get(&m, "a", 1));
	for (i = 0; i < 3000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i);
		rs_strmap_put(&m, keys[i], i * 2);
	}
	assert_int_equal(m.count, 3000);
	/* the table grew to a power of two, under its load limit */
	assert_int_equal(m.nslots & (m.nslots - 1), 0);
	assert_true(m.nslots > m.count);
	for (i = 0; i < 3000; i++) {
		v = rs_strmap_get(&m, keys[i], strlen(keys[i]));
		assert_non_null(v);
		assert_int_equal(*v, i * 2);
	}
	/* a key is its n bytes: a prefix is another key */
	assert_non_null(rs_strmap_get(&m, "k12", 3));
	assert_int_equal(*rs_strmap_get(&m, "k123", 3), 24);
	assert_null(rs_strmap_get(&m, "k3000", 5));
	assert_null(rs_strmap_get(&m, "k", 1));
	/* put replaces; the count stays */
	rs_strmap_put(&m, keys[7], 99);
	assert_int_equal(*rs_strmap_get(&m, "k7", 2), 99);
	assert_int_equal(m.count, 3000);
	/* the value can be changed through the pointer */
	*rs_strmap_get(&m, "k8", 2) = 5;
	assert_int_equal(*rs_strmap_get(&m, "k8", 2), 5);
	rs_strmap_release(&m);
	assert_int_equal(m.count, 0);
	assert_null(rs_strmap_get(&m, "k1", 2));
}

/* Keys that are not text: bytes above 0x7F, and the empty key. */
static void
any_bytes_are_a_key(void **state)
{
	struct rs_strmap m;

	(void)state;
	rs_strmap_init(&m);
	rs_strmap_put(&m, "", 1);
	rs_strmap_put(&m, "\xd8\xa7\xd9\x84", 2);
	rs_strmap_put(&m, "\xff", 3);
	assert_int_equal(*rs_strmap_get(&m, "", 0), 1);
	assert_int_equal(*rs_strmap_get(&m, "\xd8\xa7\xd9\x84", 4), 2);
	assert_int_equal(*rs_strmap_get(&m, "\xff", 1), 3);
	assert_null(rs_strmap_get(&m, "\xd8\xa7", 2));
	rs_strmap_release(&m);
}

static void
pairs_are_added_once(void **state)
{
	struct rs_pairmap m;
	const size_t *old;
	uint64_t a, b;

	(void)state;
	rs_pairmap_init(&m);
	assert_null(rs_pairmap_get(&m, 1, 2));
	for (a = 0; a < 100; a++)
		for (b = 0; b < 50; b++)
			assert_null(rs_pairmap_add(&m, a, b, (size_t)(a * 50 + b)));
	assert_int_equal(m.count, 5000);
	/* (a, b) and (b, a) are two pairs */
	assert_int_equal(*rs_pairmap_get(&m, 3, 7), 157);
	assert_int_equal(*rs_pairmap_get(&m, 7, 3), 353);
	assert_null(rs_pairmap_get(&m, 100, 0));
	assert_null(rs_pairmap_get(&m, 0, 50));
	/* a pair already there keeps its first value, which add returns */
	old = rs_pairmap_add(&m, 3, 7, 1);
	assert_non_null(old);
	assert_int_equal(*old, 157);
	assert_int_equal(*rs_pairmap_get(&m, 3, 7), 157);
	assert_int_equal(m.count, 5000);
	/* the full range of 64 bits */
	assert_null(rs_pairmap_add(&m, UINT64_MAX, UINT64_MAX, 42));
	assert_int_equal(*rs_pairmap_get(&m, UINT64_MAX, UINT64_MAX), 42);
	rs_pairmap_release(&m);
	assert_int_equal(m.count, 0);
	assert_null(rs_pairmap_get(&m, 3, 7));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_map_to_indices),
		cmocka_unit_test(any_bytes_are_a_key),
		cmocka_unit_test(pairs_are_added_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
