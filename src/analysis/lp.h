/*
 * lp.h - a linear programme solved by GLPK, the only file that sees it
 *
 *	minimise    sum(c[j] * x[j])
 *	subject to  sum(a[i][j] * x[j]) >= b[i]	for each row i
 *	            0 <= x[j] <= u[j]
 *
 * solved with GLPK's simplex method, then again from its basis by
 * glp_exact(), GLPK's simplex in exact rational arithmetic, so that the
 * optimum is the true optimum of the doubles given rather than one within
 * a tolerance (docs/planning.md, "The solver").
 */
#ifndef RS_LP_H
#define RS_LP_H

#include <stddef.h>

struct rs_lp {
	size_t nrows, ncols;
	const double *a;	/* nrows x ncols, row-major */
	const double *b;	/* nrows lower bounds of the rows */
	const double *c;	/* ncols costs */
	const double *u;	/* ncols upper bounds, >= 0 */
};

enum {
	RS_LP_OPTIMAL,		/* x and *obj hold the optimum */
	RS_LP_INFEASIBLE,	/* no x meets every row */
	RS_LP_FAILED,		/* the solver gave up (should not happen) */
};

/*
 * Solve lp; on RS_LP_OPTIMAL, x (ncols) holds an optimal point and *obj
 * its cost.  Prints nothing (GLPK's terminal output is off) and keeps no
 * state: GLPK's environment is freed before it returns.
 */
int rs_lp_solve(const struct rs_lp *lp, double *x, double *obj);

/* The version of GLPK linked, for --version; static. */
const char *rs_lp_version(void);

#endif /* RS_LP_H */
