/*
 * test_lp.c - linear programmes through GLPK (src/analysis/lp.c), with
 * optima worked out by hand
 */
#include "test_util.h"

#include "analysis/lp.h"

/*
 * minimise 2x + 3y with x + y >= 4, x >= 1, 0 <= x <= 3, 0 <= y <= 10:
 * x is the cheaper, so x = 3, y = 1, cost 9.
 */
static void
optimum_by_hand(void **state)
{
	const double a[] = {1, 1, 1, 0}, b[] = {4, 1}, c[] = {2, 3},
	    u[] = {3, 10};
	struct rs_lp lp = {2, 2, a, b, c, u};
	double x[2], obj;

	(void)state;
	assert_int_equal(rs_lp_solve(&lp, x, &obj), RS_LP_OPTIMAL);
	assert_near(x[0], 3, 0);
	assert_near(x[1], 1, 0);
	assert_near(obj, 9, 0);
}

/* x + y >= 5 with x <= 2 and y fixed at 0 (u = 0): no solution. */
static void
infeasible_is_said(void **state)
{
	const double a[] = {1, 1}, b[] = {5}, c[] = {1, 1}, u[] = {2, 0};
	struct rs_lp lp = {1, 2, a, b, c, u};
	double x[2], obj;

	(void)state;
	assert_int_equal(rs_lp_solve(&lp, x, &obj), RS_LP_INFEASIBLE);
}

/*
 * Exact arithmetic: minimise x with 3x >= 1 is x = 1/3, the double
 * nearest, not one within a tolerance.
 */
static void
optimum_is_exact(void **state)
{
	const double a[] = {3}, b[] = {1}, c[] = {1}, u[] = {1};
	struct rs_lp lp = {1, 1, a, b, c, u};
	double x[1], obj;

	(void)state;
	assert_int_equal(rs_lp_solve(&lp, x, &obj), RS_LP_OPTIMAL);
	assert_near(x[0], 1.0 / 3.0, 0);
}

/* A row every x meets: x = 0 costs nothing; a programme too large fails. */
static void
edge_cases(void **state)
{
	const double a[] = {1, 1}, b[] = {0}, c[] = {1, 0}, u[] = {1, 1};
	struct rs_lp lp = {1, 2, a, b, c, u};
	struct rs_lp big = {1000001, 1, NULL, NULL, NULL, NULL};
	double x[2] = {7, 7}, obj = -1;

	(void)state;
	assert_int_equal(rs_lp_solve(&lp, x, &obj), RS_LP_OPTIMAL);
	assert_near(x[0], 0, 0);
	assert_near(obj, 0, 0);
	assert_int_equal(rs_lp_solve(&big, x, &obj), RS_LP_FAILED);
}

/*
 * No rows: the bounds alone.  minimise 2x - 3y + 0z with x <= 4, y <= 5,
 * z <= 1: x = 0 (a cost), y = 5 (a gain), z = 0 (neither), cost -15.
 */
static void
no_rows(void **state)
{
	const double c[] = {2, -3, 0}, u[] = {4, 5, 1};
	struct rs_lp lp = {0, 3, NULL, NULL, c, u};
	double x[3] = {7, 7, 7}, obj = 1;

	(void)state;
	assert_int_equal(rs_lp_solve(&lp, x, &obj), RS_LP_OPTIMAL);
	assert_near(x[0], 0, 0);
	assert_near(x[1], 5, 0);
	assert_near(x[2], 0, 0);
	assert_near(obj, -15, 0);
}

/* No columns: rows asking for at most 0 hold, one asking for 1 cannot. */
static void
no_columns(void **state)
{
	const double b0[] = {0, -1}, b1[] = {0, 1};
	struct rs_lp lp0 = {2, 0, NULL, b0, NULL, NULL};
	struct rs_lp lp1 = {2, 0, NULL, b1, NULL, NULL};
	double obj = 1;

	(void)state;
	assert_int_equal(rs_lp_solve(&lp0, NULL, &obj), RS_LP_OPTIMAL);
	assert_near(obj, 0, 0);
	assert_int_equal(rs_lp_solve(&lp1, NULL, &obj), RS_LP_INFEASIBLE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(optimum_by_hand),
		cmocka_unit_test(infeasible_is_said),
		cmocka_unit_test(optimum_is_exact),
		cmocka_unit_test(edge_cases),
		cmocka_unit_test(no_rows),
		cmocka_unit_test(no_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
