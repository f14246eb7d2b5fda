/*
 * formula.c - the indicator score, the weighted means and the effective
 * weight, each as docs/methodology.md defines it, once
 */
#include <math.h>
#include <stdlib.h>
#include <stdint.h>

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

/*
 * methodology.md, "Target band": each side is the goalpost formula, the
 * rising edge from worst_low to low, the falling one from worst_high to
 * high, so that both clamp and round the same way.
 */
double
rs_formula_band(double x, const double b[4])
{
	if (isnan(x))
		return (double)NAN;
	if (x < b[1])
		return rs_formula_goalpost(x, b[0], b[1]);
	if (x > b[2])
		return rs_formula_goalpost(x, b[3], b[2]);
	return 100;
}

/* methodology.md, "Aggregate score": the coverage rule. */
int
rs_formula_covers(double covered, double all, double min_coverage)
{
	return covered > 0 && covered / all >= min_coverage;
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

/*
 * A plan holds what the means of one set of rules and weights need,
 * compactly: the aggregates in the order of the walk (pre-order reversed,
 * so children come first; the index last), and for each the children
 * that count (coverage weight > 0; a left-out indicator is no child at
 * all) with their weights, in file order.
 */
struct mean {
	size_t node;		/* the aggregate, RS_NONE for the index */
	struct rs_agg_rule rule;
	size_t first, n;	/* its children: edges first .. first + n */
	/* For a row in which every indicator has a score: */
	double coverage;	/* its coverage */
	double wsum;		/* the weight of its children with a score */
	int scored;		/* 1: it has a score */
};

struct edge {
	size_t child;		/* node index */
	double w, cw;		/* its weight and coverage weight */
};

struct rs_formula_plan {
	const struct rs_framework *fw;	/* borrowed */
	struct mean *mean;		/* nmean, the index last */
	size_t nmean;
	struct edge *edge;		/* the children of every mean */
	size_t *leaf;			/* the indicators that count */
	size_t nleaf;
};

/*
 * The weights part of a mean: the coverage of its children with a score
 * in s and their weight, in the rounding of m->rule.sums; they depend on
 * which children have a score, not on the scores, so a plan works them
 * out once for the rows that have every value.
 */
static void
weigh(const struct rs_formula_plan *p, const struct mean *m, const double *s,
    double *coverage, double *wsum)
{
	const struct edge *e = p->edge + m->first;
	double all = 0, covered = 0, sum = 0;
	long double lcov = 0, lw = 0;
	size_t i;

	for (i = 0; i < m->n; i++) {
		all += e[i].cw;
		if (isnan(s[e[i].child]))
			continue;
		if (m->rule.sums == RS_SUMS_COINR) {
			lcov += (long double)e[i].cw;
			lw += (long double)e[i].w;
		} else {
			covered += e[i].cw;
			sum += e[i].w;
		}
	}
	if (m->rule.sums == RS_SUMS_COINR) {
		covered = (double)lcov;
		sum = (double)lw;
	}
	*coverage = covered / all;
	*wsum = rs_formula_covers(covered, all, m->rule.min_coverage) ? sum :
	    (double)NAN;
}

/*
 * methodology.md, "Aggregate score" (pipeline.md, 3.6, for the geometric
 * and harmonic means and COINr's rounding): the mean of the children with
 * a score in s, given its weight wsum (NaN: the coverage rule withholds
 * the score); *bad gets the first child with
 * a score <= 0 under a geometric or harmonic mean, else RS_NONE.
 */
static double
combine(const struct rs_formula_plan *p, const struct mean *m,
    const double *s, double wsum, size_t *bad)
{
	const struct edge *e = p->edge + m->first;
	int agg = m->rule.agg, coinr = m->rule.sums == RS_SUMS_COINR;
	long double lsum = 0;
	double sum = 0, x;
	size_t i;

	*bad = RS_NONE;
	if (!coinr && agg == RS_AGG_AMEAN) {
		/* the scoring contract's mean, the common case, on its own */
		for (i = 0; i < m->n; i++)
			if (!isnan(x = s[e[i].child]))
				sum += term(agg, e[i].w, x);
		return isnan(wsum) ? (double)NAN : finish(agg, sum, wsum);
	}
	for (i = 0; i < m->n; i++) {
		x = s[e[i].child];
		if (isnan(x))
			continue;
		if (agg != RS_AGG_AMEAN && !(x > 0) && *bad == RS_NONE)
			*bad = e[i].child;
		if (!coinr)
			sum += term(agg, e[i].w, x);
		else if (agg == RS_AGG_AMEAN)
			lsum += (long double)term(agg, e[i].w / wsum, x);
		else
			lsum += (long double)term(agg, e[i].w, x);
	}
	if (isnan(wsum))
		return (double)NAN;
	if (!coinr)
		return finish(agg, sum, wsum);
	/* COINr's arithmetic mean sums the weighted shares: no division */
	return agg == RS_AGG_AMEAN ? (double)lsum :
	    finish(agg, (double)lsum, wsum);
}

struct rs_formula_plan *
rs_formula_plan_new(const struct rs_framework *fw,
    const struct rs_agg_rule *rule, size_t nrule, const double *w,
    const double *cw)
{
	struct rs_formula_plan *p = rs_calloc(1, sizeof(*p));
	size_t nn = fw->nnodes, j, k, i, n, c, ne = 0;
	double *s = rs_malloc((nn + 1) * sizeof(double)), wc, cc;
	const size_t *child;
	struct mean *m;

	p->fw = fw;
	p->mean = rs_malloc((nn + 1) * sizeof(*p->mean));
	p->edge = rs_malloc((nn + 1) * sizeof(*p->edge));
	p->leaf = rs_malloc((fw->nindicators + 1) * sizeof(size_t));
	for (j = 0; j <= nn; j++) {
		k = j < nn ? nn - 1 - j : nn;	/* children first */
		if (k < nn && fw->nodes[k].nchildren == 0) {
			wc = w != NULL ? w[k] : fw->nodes[k].weight;
			if ((cw != NULL ? cw[k] : wc) > 0)
				p->leaf[p->nleaf++] = k;
			s[k] = 0;	/* a row with every value */
			continue;
		}
		m = &p->mean[p->nmean++];
		m->node = k < nn ? k : RS_NONE;
		m->rule = rule[nrule > 1 ? k : 0];
		m->first = ne;
		n = k < nn ? fw->nodes[k].nchildren : fw->ntop;
		child = k < nn ? fw->nodes[k].children : fw->top;
		for (i = 0; i < n; i++) {
			c = child[i];
			wc = w != NULL ? w[c] : fw->nodes[c].weight;
			cc = cw != NULL ? cw[c] : wc;
			if (!(cc > 0))
				continue;	/* left out: no child at all */
			p->edge[ne].child = c;
			p->edge[ne].w = wc;
			p->edge[ne++].cw = cc;
		}
		m->n = ne - m->first;
		weigh(p, m, s, &m->coverage, &m->wsum);
		m->scored = !isnan(m->wsum);
		if (k < nn)
			s[k] = m->scored ? 0 : (double)NAN;
	}
	free(s);
	return p;
}

void
rs_formula_plan_free(struct rs_formula_plan *p)
{
	if (p == NULL)
		return;
	free(p->mean);
	free(p->edge);
	free(p->leaf);
	free(p);
}

#define BLOCK 16	/* rows at a time: their means overlap in the CPU */

int
rs_formula_plan_scores(const struct rs_formula_plan *p, double *s, size_t n,
    size_t stride, double *coverage, double *index, double *index_coverage,
    size_t bad[3])
{
	const struct rs_framework *fw = p->fw;
	unsigned char full[BLOCK];
	size_t i, k, r, r0, nb, b, bnode[BLOCK], bchild[BLOCK];
	double cv, wsum, x, *row;

	bad[0] = bad[1] = bad[2] = RS_NONE;
	for (r0 = 0; r0 < n; r0 += BLOCK) {
		nb = n - r0 < BLOCK ? n - r0 : BLOCK;
		/* the plan's weights hold for a row with every value ... */
		for (r = 0; r < nb; r++) {
			row = s + (r0 + r) * stride;
			bnode[r] = bchild[r] = RS_NONE;
			full[r] = 1;
			for (k = 0; k < p->nleaf && full[r]; k++)
				if (isnan(row[p->leaf[k]]))
					full[r] = 0;
			if (coverage != NULL)
				for (k = 0; k < fw->nindicators; k++)
					coverage[(r0 + r) * stride +
					    fw->indicators[k]] = (double)NAN;
		}
		for (i = 0; i < p->nmean; i++) {
			const struct mean *m = &p->mean[i];

			for (r = 0; r < nb; r++) {
				row = s + (r0 + r) * stride;
				cv = m->coverage;
				wsum = m->wsum;
				if (!full[r])
					weigh(p, m, row, &cv, &wsum);
				x = combine(p, m, row, wsum, &b);
				if (b != RS_NONE && bchild[r] == RS_NONE) {
					bnode[r] = m->node;
					bchild[r] = b;
				}
				if (m->node == RS_NONE) {
					index[r0 + r] = x;
					if (index_coverage != NULL)
						index_coverage[r0 + r] = cv;
					continue;
				}
				row[m->node] = x;
				if (coverage != NULL)
					coverage[(r0 + r) * stride +
					    m->node] = cv;
				/* ... while its scores have the plan's
				   pattern (not a NaN from infinities) */
				if ((isnan(x) ? 0 : 1) != m->scored)
					full[r] = 0;
			}
		}
		for (r = 0; r < nb; r++)
			if (bchild[r] != RS_NONE) {
				bad[0] = r0 + r;
				bad[1] = bnode[r];
				bad[2] = bchild[r];
				return -1;
			}
	}
	return 0;
}

int
rs_formula_scores(const struct rs_framework *fw,
    const struct rs_agg_rule *rule, size_t nrule, const double *w,
    const double *cw, double *s, double *coverage, double *index,
    double *index_coverage, size_t bad[2])
{
	struct rs_formula_plan *p = rs_formula_plan_new(fw, rule, nrule, w,
	    cw);
	size_t b[3];
	int rc;

	rc = rs_formula_plan_scores(p, s, 1, fw->nnodes, coverage, index,
	    index_coverage, b);
	bad[0] = b[1];
	bad[1] = b[2];
	rs_formula_plan_free(p);
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

	n = parent == RS_NONE ? fw->ntop : fw->nodes[parent].nchildren;
	sib = parent == RS_NONE ? fw->top : fw->nodes[parent].children;
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

/*
 * The same steps as rs_formula_path_weight(), memoised: the step from a
 * node to its parent (its weight over the sibling sum that counts it,
 * and whether the parent then has a score) is the same whichever node
 * below it the path starts from.
 */
void
rs_formula_path_weights(const struct rs_framework *fw, const double *score_of,
    double *weight, size_t *blocker)
{
	size_t n = fw->nnodes, i, k, p, np, *pos, *last, *blk;
	double *scored, *total, *prefix, *t, den, acc;
	const size_t *sib;

	pos = rs_malloc((n + 1) * sizeof(*pos));
	last = rs_malloc((n + 2) * sizeof(*last));
	blk = rs_malloc((n + 1) * sizeof(*blk));
	scored = rs_malloc((n + 2) * sizeof(*scored));
	total = rs_malloc((n + 2) * sizeof(*total));
	prefix = rs_malloc((n + 1) * sizeof(*prefix));
	t = rs_malloc((n + 1) * sizeof(*t));
	/*
	 * Per parent (slot n: the top): the sums of sibling_weight() in
	 * file order, the prefix before each child, its position and the
	 * position of the last child with a score.
	 */
	for (p = 0; p <= n; p++) {
		if (p < n && fw->nodes[p].nchildren == 0)
			continue;
		np = p == n ? fw->ntop : fw->nodes[p].nchildren;
		sib = p == n ? fw->top : fw->nodes[p].children;
		acc = 0;
		last[p] = SIZE_MAX;
		for (k = 0; k < np; k++) {
			pos[sib[k]] = k;
			prefix[sib[k]] = acc;
			if (score_of == NULL || !isnan(score_of[sib[k]])) {
				acc += fw->nodes[sib[k]].weight;
				last[p] = k;
			}
		}
		scored[p] = acc;
		total[p] = sibling_weight(fw, p == n ? RS_NONE : p, NULL,
		    RS_NONE);
	}
	for (i = 0; i < n; i++) {	/* pre-order: parents first */
		const struct rs_node *node = &fw->nodes[i];

		p = node->parent == RS_NONE ? n : node->parent;
		sib = p == n ? fw->top : fw->nodes[p].children;
		if (score_of == NULL || !isnan(score_of[i])) {
			den = scored[p];
		} else {
			/* sibling_weight(fw, parent, score_of, i) */
			den = prefix[i] + node->weight;
			for (k = pos[i] + 1; last[p] != SIZE_MAX && k <= last[p];
			    k++)
				if (!isnan(score_of[sib[k]]))
					den += fw->nodes[sib[k]].weight;
		}
		t[i] = share(p == n ? 1 : t[p], node->weight, den);
		if (p == n)
			blk[i] = RS_NONE;
		else if (score_of == NULL || !isnan(score_of[p]) ||
		    rs_formula_covers(den, total[p], fw->min_coverage))
			blk[i] = blk[p];
		else
			blk[i] = p;
		weight[i] = blk[i] != RS_NONE ? (double)NAN : t[i];
		if (blocker != NULL)
			blocker[i] = blk[i];
	}
	free(pos);
	free(last);
	free(blk);
	free(scored);
	free(total);
	free(prefix);
	free(t);
}
