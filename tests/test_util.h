/*
 * test_util.h - what every unit test includes
 */
#ifndef RS_TEST_UTIL_H
#define RS_TEST_UTIL_H

/* cmocka 1.1 needs these before <cmocka.h>; keep them in this order. */
// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "resilience/load.h"
#include "resilience/framework.h"

/*
 * tests/data/small.json (tests/small.c): small_setup() and small_teardown()
 * as a group's fixtures load and release small_fw; small_node() is the
 * index of a node id that must exist.
 */
extern struct rs_framework small_fw;
int small_setup(void **state);
int small_teardown(void **state);
size_t small_node(const char *id);

/*
 * A table of n units named names (borrowed), without years or further
 * columns, with the n x nind values x, for the pipeline; the caller
 * releases it with rs_table_release().
 */
struct rs_table;
void test_table(struct rs_table *t, const double *x,
    const char *const *names, size_t n, size_t nind);

/*
 * text[0..*len) with each LF turned into eol and, when bom, a UTF-8 byte
 * order mark in front; *len is updated.  The caller frees the result.
 */
char *test_variant(const char *text, size_t *len, const char *eol, int bom);

/* cmocka's assert_float_equal casts to float: compare doubles here. */
#define assert_near(a, b, tol)                                              \
	do {                                                                \
		double a_ = (a), b_ = (b);                                  \
		if (!(fabs(a_ - b_) <= (tol))) {                            \
			print_error("%.17g != %.17g (tolerance %g)\n", a_,  \
			    b_, (double)(tol));                             \
			fail();                                             \
		}                                                           \
	} while (0)

#define assert_nan(a) assert_true(isnan(a))

/* Check an error's position and that its message contains needle. */
#define assert_error_at(err, ln, cl, needle)                                \
	do {                                                                \
		if ((err).line != (ln) || (err).col != (cl) ||              \
		    strstr((err).msg, (needle)) == NULL) {                  \
			print_error("got %ld:%ld: %s\nwant %ld:%ld: ...%s\n",\
			    (err).line, (err).col, (err).msg, (long)(ln),   \
			    (long)(cl), (needle));                          \
			fail();                                             \
		}                                                           \
	} while (0)

#endif /* RS_TEST_UTIL_H */
