/*
 * lp.c - linear programmes through GLPK (lp.h)
 */
#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "analysis/lp.h"
#include "base/mem.h"

/*
 * A programme without rows or without columns, which glp_exact() refuses:
 * with no rows each x[j] sits at the bound its cost prefers (u[j] when
 * it is a gain, else 0); with no columns every row's sum is 0.
 */
static int
solve_trivial(const struct rs_lp *lp, double *x, double *obj)
{
	size_t i, j;

	for (i = 0; i < lp->nrows; i++)
		if (lp->b[i] > 0)
			return RS_LP_INFEASIBLE;
	*obj = 0;
	for (j = 0; j < lp->ncols; j++) {
		x[j] = lp->c[j] < 0 && lp->u[j] > 0 ? lp->u[j] : 0;
		*obj += lp->c[j] * x[j];
	}
	return RS_LP_OPTIMAL;
}

/* GLPK's indices start at 1; its counts are ints. */
int
rs_lp_solve(const struct rs_lp *lp, double *x, double *obj)
{
	glp_prob *p;
	glp_smcp parm;
	int *ia, *ja, rc = RS_LP_FAILED, status;
	double *ar;
	size_t i, j, ne = 0;

	if (lp->nrows > 1000000 || lp->ncols > 1000000)
		return RS_LP_FAILED;
	if (lp->nrows == 0 || lp->ncols == 0)
		return solve_trivial(lp, x, obj);
	glp_term_out(GLP_OFF);
	p = glp_create_prob();
	glp_set_obj_dir(p, GLP_MIN);
	if (lp->nrows > 0)
		glp_add_rows(p, (int)lp->nrows);
	if (lp->ncols > 0)
		glp_add_cols(p, (int)lp->ncols);
	for (i = 0; i < lp->nrows; i++)
		glp_set_row_bnds(p, (int)i + 1, GLP_LO, lp->b[i], 0);
	for (j = 0; j < lp->ncols; j++) {
		/* GLP_DB needs lb < ub: a column that cannot move is fixed. */
		if (lp->u[j] > 0)
			glp_set_col_bnds(p, (int)j + 1, GLP_DB, 0, lp->u[j]);
		else
			glp_set_col_bnds(p, (int)j + 1, GLP_FX, 0, 0);
		glp_set_obj_coef(p, (int)j + 1, lp->c[j]);
	}
	ia = rs_malloc((lp->nrows * lp->ncols + 1) * sizeof(int));
	ja = rs_malloc((lp->nrows * lp->ncols + 1) * sizeof(int));
	ar = rs_malloc((lp->nrows * lp->ncols + 1) * sizeof(double));
	for (i = 0; i < lp->nrows; i++)
		for (j = 0; j < lp->ncols; j++) {
			double v = lp->a[i * lp->ncols + j];

			if (v < 0 || v > 0) {
				ne++;
				ia[ne] = (int)i + 1;
				ja[ne] = (int)j + 1;
				ar[ne] = v;
			}
		}
	glp_load_matrix(p, (int)ne, ia, ja, ar);
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF;
	/* The floating-point simplex finds a basis, the exact one proves it. */
	if (glp_simplex(p, &parm) != 0 && glp_get_status(p) != GLP_NOFEAS)
		glp_adv_basis(p, 0);
	if (glp_exact(p, &parm) != 0)
		goto out;
	status = glp_get_status(p);
	if (status == GLP_NOFEAS) {
		rc = RS_LP_INFEASIBLE;
		goto out;
	}
	if (status != GLP_OPT)
		goto out;
	for (j = 0; j < lp->ncols; j++)
		x[j] = glp_get_col_prim(p, (int)j + 1);
	*obj = glp_get_obj_val(p);
	rc = RS_LP_OPTIMAL;
out:
	free(ia);
	free(ja);
	free(ar);
	glp_delete_prob(p);
	glp_free_env();
	return rc;
}

const char *
rs_lp_version(void)
{
	return glp_version();
}
