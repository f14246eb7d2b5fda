/*
 * formula.c - the indicator score, the weighted means and the effective
 * weight, each as docs/methodology.md defines it, once
 */
#include <math.h>
#include <stdlib.h>

#include "base/mem.h"
#include "score/formula.h"

/* methodology.md, "Indicator score". */
double
rs_formula_goalpost(double x, double worst, double best)
{
	double t;

	if (isnan(x))
		return (double)NAN;
	t = (x - worst) / (best - worst);
	if (!(t > 0))
		t = 0;		/* also turns -0 into 0 */
	if (t > 1)
		t = 1;
	return 100 * t;
}

/* methodology.md, "Aggregate score": the coverage rule. */
int
rs_formula_covers(double covered, double all, double min_coverage)
{
	return covered > 0 && covered / all >= min_coverage;
}

/* The children of node, RS_NONE standing for the top level. */
static const size_t *
children(const struct rs_framework *fw, size_t node, size_t *n)
{
	*n = node == RS_NONE ? fw->ntop : fw->nodes[node].nchildren;
	return node == RS_NONE ? fw->top : fw->nodes[node].children;
}

/*
 * One child's term of a mean (pipeline.md, "Aggregate"): w x for the
 * arithmetic mean, w log x for the geometric, w / x for the harmonic.
 */
static double
term(int agg, double w, double x)
{
	if (agg == RS_AGG_GMEAN)
		return w * log(x);
	if (agg == RS_AGG_HMEAN)
		return w / x;
	return w * x;
}

/* The mean from the sum of the terms and the sum of the weights. */
static double
finish(int agg, double sum, double wsum)
{
	if (agg == RS_AGG_GMEAN)
		return exp(sum / wsum);
	if (agg == RS_AGG_HMEAN)
		return wsum / sum;
	return sum / wsum;
}

double
rs_formula_mean(const struct rs_framework *fw, size_t node,
    const struct rs_agg_rule *rule, const double *w, const double *cw,
    const double *s, double *coverage, size_t *bad)
{
	int agg = rule->agg, coinr = rule->sums == RS_SUMS_COINR;
	double all = 0, covered = 0, wsum = 0, sum = 0, x, wc, cc;
	long double lcov = 0, lw = 0, lsum = 0;
	const size_t *child;
	size_t n, i, c;

	child = children(fw, node, &n);
	if (bad != NULL)
		*bad = RS_NONE;
	for (i = 0; i < n; i++) {
		c = child[i];
		wc = w != NULL ? w[c] : fw->nodes[c].weight;
		cc = cw != NULL ? cw[c] : wc;
		if (!(cc > 0))
			continue;	/* left out: no child at all */
		all += cc;
		x = s[c];
		if (isnan(x))
			continue;
		if (coinr) {
			lcov += (long double)cc;
			lw += (long double)wc;
		} else {
			covered += cc;
			wsum += wc;
		}
		if (agg != RS_AGG_AMEAN && !(x > 0) && bad != NULL &&
		    *bad == RS_NONE)
			*bad = c;
	}
	if (coinr) {
		covered = (double)lcov;
		wsum = (double)lw;
	}
	*coverage = covered / all;
	if (!rs_formula_covers(covered, all, rule->min_coverage))
		return (double)NAN;
	for (i = 0; i < n; i++) {
		c = child[i];
		wc = w != NULL ? w[c] : fw->nodes[c].weight;
		cc = cw != NULL ? cw[c] : wc;
		x = s[c];
		if (!(cc > 0) || isnan(x))
			continue;
		if (!coinr)
			sum += term(agg, wc, x);
		else if (agg == RS_AGG_AMEAN)
			lsum += (long double)term(agg, wc / wsum, x);
		else
			lsum += (long double)term(agg, wc, x);
	}
	if (!coinr)
		return finish(agg, sum, wsum);
	/* COINr's arithmetic mean sums the weighted shares: no division */
	return agg == RS_AGG_AMEAN ? (double)lsum :
	    finish(agg, (double)lsum, wsum);
}

int
rs_formula_scores(const struct rs_framework *fw,
    const struct rs_agg_rule *rule, size_t nrule, const double *w,
    const double *cw, double *s, double *coverage, double *index,
    double *index_coverage, size_t bad[2])
{
	size_t k, b;
	double cv;
	int rc = 0;

	bad[0] = bad[1] = RS_NONE;
	/* pre-order reversed visits children first */
	for (k = fw->nnodes; k-- > 0;) {
		if (fw->nodes[k].nchildren == 0) {
			if (coverage != NULL)
				coverage[k] = (double)NAN;
			continue;
		}
		s[k] = rs_formula_mean(fw, k, nrule > 1 ? &rule[k] : rule, w,
		    cw, s, &cv, &b);
		if (coverage != NULL)
			coverage[k] = cv;
		if (b != RS_NONE && rc == 0) {
			bad[0] = k;
			bad[1] = b;
			rc = -1;
		}
	}
	*index = rs_formula_mean(fw, RS_NONE, nrule > 1 ? &rule[fw->nnodes] :
	    rule, w, cw, s, &cv, &b);
	if (index_coverage != NULL)
		*index_coverage = cv;
	if (b != RS_NONE && rc == 0) {
		bad[0] = RS_NONE;
		bad[1] = b;
		rc = -1;
	}
	return rc;
}

/*
 * The sum of the weights of the children of parent (RS_NONE: the top
 * level) that count: every one when score_of is NULL, else those with a
 * score and also.
 */
static double
sibling_weight(const struct rs_framework *fw, size_t parent,
    const double *score_of, size_t also)
{
	const size_t *sib;
	double sum = 0;
	size_t n, i;

	sib = children(fw, parent, &n);
	for (i = 0; i < n; i++)
		if (score_of == NULL || sib[i] == also ||
		    !isnan(score_of[sib[i]]))
			sum += fw->nodes[sib[i]].weight;
	return sum;
}

/*
 * methodology.md, "Effective weight": one step down the path, from the
 * parent's effective weight up to the node's, its weight w among
 * siblings weighing sum.
 */
static double
share(double up, double w, double sum)
{
	return up * (w / sum);
}

void
rs_formula_weights(const struct rs_framework *fw, const double *score_of,
    double *weight_of)
{
	size_t n = fw->nnodes, i;
	double *sum = rs_malloc((n + 1) * sizeof(double)), top, up;

	/* top-down: pre-order gives a parent's weight before its own */
	top = sibling_weight(fw, RS_NONE, score_of, RS_NONE);
	for (i = 0; i < n; i++) {
		const struct rs_node *node = &fw->nodes[i];

		up = node->parent == RS_NONE ? 1 : weight_of[node->parent];
		if (node->nchildren > 0)
			sum[i] = sibling_weight(fw, i, score_of, RS_NONE);
		if ((score_of != NULL && isnan(score_of[i])) || isnan(up)) {
			weight_of[i] = (double)NAN;
			continue;
		}
		weight_of[i] = share(up, node->weight, node->parent ==
		    RS_NONE ? top : sum[node->parent]);
	}
	free(sum);
}

/*
 * Only the ancestors of node can change: walk up from it, deciding for
 * each whether it would have a score, then take the steps top-down with
 * the same sums as rs_formula_weights(), so that a node with a score gets
 * exactly its weight_of.
 */
double
rs_formula_path_weight(const struct rs_framework *fw, const double *score_of,
    size_t node, size_t *blocker)
{
	size_t depth = (size_t)fw->nodes[node].depth, j = 0, prev, p;
	double *num = rs_malloc((depth + 1) * sizeof(double));
	double *den = rs_malloc((depth + 1) * sizeof(double));
	double w = (double)NAN;
	int prev_scored = 1;

	if (blocker != NULL)
		*blocker = RS_NONE;
	for (prev = node;; prev = p) {
		p = fw->nodes[prev].parent;
		if (!prev_scored) {
			if (blocker != NULL)
				*blocker = prev;
			goto out;
		}
		num[j] = fw->nodes[prev].weight;
		den[j] = sibling_weight(fw, p, score_of, prev);
		if (p == RS_NONE)
			break;
		prev_scored = score_of == NULL || !isnan(score_of[p]) ||
		    rs_formula_covers(den[j], sibling_weight(fw, p, NULL,
		    RS_NONE), fw->min_coverage);
		j++;
	}
	for (w = 1, j++; j-- > 0;)
		w = share(w, num[j], den[j]);
out:
	free(num);
	free(den);
	return w;
}
