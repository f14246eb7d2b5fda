/*
 * engine.c - indicator, aggregate and city scores, effective weights, gains,
 * priorities and ranks, as docs/methodology.md defines them
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "resilience/engine.h"
#include "base/sort.h"

/* methodology.md, "Indicator score". */
double
rs_indicator_score(const struct rs_node *node, double x)
{
	double t;

	if (isnan(x))
		return (double)NAN;
	t = (x - node->worst) / (node->best - node->worst);
	if (!(t > 0))
		t = 0;		/* also turns -0 into 0 */
	if (t > 1)
		t = 1;
	return 100 * t;
}

/*
 * methodology.md, "Aggregate score": the weighted mean of the children that
 * have a score, when they carry at least min_coverage of the weight.
 * Sums run in the children's file order, so results are reproducible.
 */
static double
aggregate(const struct rs_framework *fw, const size_t *children, size_t n,
    const double *score_of, double *coverage)
{
	double all = 0, avail = 0, sum = 0, w, s;
	size_t i;

	for (i = 0; i < n; i++) {
		w = fw->nodes[children[i]].weight;
		s = score_of[children[i]];
		all += w;
		if (isnan(s))
			continue;
		avail += w;
		sum += w * s;
	}
	*coverage = avail / all;
	if (avail > 0 && *coverage >= fw->min_coverage)
		return sum / avail;
	return (double)NAN;
}

/* Sum of the weights of the siblings (children of parent) with a score. */
static double
scored_weight(const struct rs_framework *fw, size_t parent,
    const double *score_of)
{
	const size_t *sib = parent == RS_NONE ? fw->top :
	    fw->nodes[parent].children;
	size_t n = parent == RS_NONE ? fw->ntop : fw->nodes[parent].nchildren;
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(score_of[sib[i]]))
			sum += fw->nodes[sib[i]].weight;
	return sum;
}

/*
 * Value, score and coverage of every node of a city, and its score,
 * coverage and level, into c's arrays (allocated unless NULL).
 */
static void
score_nodes(const struct rs_framework *fw, const double *values,
    struct rs_city_result *c)
{
	size_t n = fw->nnodes, i;

	if (c->value == NULL) {
		c->value = rs_malloc((n + 1) * sizeof(double));
		c->score_of = rs_malloc((n + 1) * sizeof(double));
		c->coverage_of = rs_malloc((n + 1) * sizeof(double));
	}

	/* Scores bottom-up: pre-order reversed visits children first. */
	for (i = n; i-- > 0;) {
		const struct rs_node *node = &fw->nodes[i];

		c->coverage_of[i] = (double)NAN;
		c->value[i] = (double)NAN;
		if (node->nchildren == 0) {
			c->value[i] = values[node->indicator];
			c->score_of[i] = rs_indicator_score(node, c->value[i]);
		} else {
			c->score_of[i] = aggregate(fw, node->children,
			    node->nchildren, c->score_of, &c->coverage_of[i]);
		}
	}
	c->score = aggregate(fw, fw->top, fw->ntop, c->score_of, &c->coverage);
	c->level = isnan(c->score) ? RS_NONE :
	    rs_framework_level(fw, c->score);
}

void
rs_engine_score_city(const struct rs_framework *fw, const double *values,
    struct rs_city_result *c)
{
	score_nodes(fw, values, c);
	rs_engine_derive(fw, 100, c);
}

void
rs_engine_derive(const struct rs_framework *fw, double top,
    struct rs_city_result *c)
{
	size_t n = fw->nnodes, i, k;
	double *parent_sum, top_sum;
	struct rs_keyed *order;

	if (c->weight_of == NULL) {
		c->weight_of = rs_malloc((n + 1) * sizeof(double));
		c->gain_of = rs_malloc((n + 1) * sizeof(double));
		c->priorities = rs_malloc((fw->nindicators + 1) *
		    sizeof(size_t));
		c->missing = rs_malloc((fw->nindicators + 1) * sizeof(size_t));
	}
	c->npriorities = 0;
	c->nmissing = 0;

	/*
	 * Effective weights top-down (methodology.md, "Effective weight"):
	 * a node's share among its scored siblings times its parent's,
	 * defined only along a path of scored nodes.
	 */
	parent_sum = rs_malloc(n * sizeof(double));
	top_sum = scored_weight(fw, RS_NONE, c->score_of);
	for (i = 0; i < n; i++) {
		const struct rs_node *node = &fw->nodes[i];
		double up = node->parent == RS_NONE ? 1 :
		    c->weight_of[node->parent];

		if (node->nchildren > 0)
			parent_sum[i] = scored_weight(fw, i, c->score_of);
		if (isnan(c->score_of[i]) || isnan(up)) {
			c->weight_of[i] = (double)NAN;
			continue;
		}
		c->weight_of[i] = up * (node->weight / (node->parent ==
		    RS_NONE ? top_sum : parent_sum[node->parent]));
	}
	free(parent_sum);

	/* Gains, summed up the tree for aggregates; priorities; missing. */
	for (i = 0; i < n; i++)
		c->gain_of[i] = (double)NAN;
	for (k = 0; k < fw->nindicators; k++) {
		size_t ind = fw->indicators[k], p;
		double g;

		if (isnan(c->value[ind]))
			c->missing[c->nmissing++] = ind;
		/* No gain without a city score (methodology.md, "Gain"). */
		if (isnan(c->weight_of[ind]) || isnan(top) || isnan(c->score))
			continue;
		g = c->weight_of[ind] * (top - c->score_of[ind]);
		c->gain_of[ind] = g;
		if (g > 0)
			c->priorities[c->npriorities++] = ind;
		for (p = fw->nodes[ind].parent; p != RS_NONE;
		    p = fw->nodes[p].parent)
			c->gain_of[p] = isnan(c->gain_of[p]) ? g :
			    c->gain_of[p] + g;
	}
	order = rs_malloc((c->npriorities + 1) * sizeof(*order));
	for (k = 0; k < c->npriorities; k++) {
		order[k].key = c->gain_of[c->priorities[k]];
		order[k].id = fw->nodes[c->priorities[k]].id;
		order[k].index = c->priorities[k];
	}
	qsort(order, c->npriorities, sizeof(*order), rs_keyed_cmp);
	for (k = 0; k < c->npriorities; k++)
		c->priorities[k] = order[k].index;
	free(order);
}

/* What light results keep to make a city whole again. */
struct rs_results_lazy {
	const double *values;		/* borrowed: the raw values */
	struct rs_city_result whole;	/* the city last made whole */
	size_t city;			/* its index, RS_NONE at first */
	int derived;			/* rs_engine_derive() done for it */
};

/* methodology.md, "Rank". */
static void
rank_cities(struct rs_results *res)
{
	double *scores;
	long *ranks;
	size_t i;

	scores = rs_malloc((res->ncities + 1) * sizeof(double));
	ranks = rs_malloc((res->ncities + 1) * sizeof(long));
	for (i = 0; i < res->ncities; i++)
		scores[i] = res->cities[i].score;
	rs_rank_desc(scores, res->ncities, 1, ranks);
	for (i = 0; i < res->ncities; i++)
		res->cities[i].rank = ranks[i];
	free(scores);
	free(ranks);
}

void
rs_engine_score(const struct rs_framework *fw, size_t ncities,
    const char *const *names, const double *values, struct rs_results *res)
{
	size_t i;

	memset(res, 0, sizeof(*res));
	res->fw = fw;
	res->ncities = ncities;
	res->cities = rs_calloc(ncities + 1, sizeof(*res->cities));
	for (i = 0; i < ncities; i++) {
		res->cities[i].name = names[i];
		rs_engine_score_city(fw, values + i * fw->nindicators,
		    &res->cities[i]);
	}
	rank_cities(res);
}

void
rs_engine_score_light(const struct rs_framework *fw, size_t ncities,
    const char *const *names, const double *values, struct rs_results *res)
{
	struct rs_results_lazy *z;
	size_t i;

	memset(res, 0, sizeof(*res));
	res->fw = fw;
	res->ncities = ncities;
	res->cities = rs_calloc(ncities + 1, sizeof(*res->cities));
	res->lazy = z = rs_calloc(1, sizeof(*z));
	z->values = values;
	z->city = RS_NONE;
	for (i = 0; i < ncities; i++) {
		struct rs_city_result *c = &res->cities[i];

		/* The same scores as rs_engine_score_city(), kept in part. */
		score_nodes(fw, values + i * fw->nindicators, &z->whole);
		c->name = names[i];
		c->score = z->whole.score;
		c->coverage = z->whole.coverage;
		c->level = z->whole.level;
	}
	rank_cities(res);
}

/* City ci of res, made whole when whole, else only scored. */
static const struct rs_city_result *
lazy_city(const struct rs_results *res, size_t ci, int whole)
{
	struct rs_results_lazy *z = res->lazy;

	if (z == NULL)
		return &res->cities[ci];
	if (z->city != ci) {
		score_nodes(res->fw, z->values + ci * res->fw->nindicators,
		    &z->whole);
		z->whole.name = res->cities[ci].name;
		z->whole.rank = res->cities[ci].rank;
		z->city = ci;
		z->derived = 0;
	}
	if (whole && !z->derived) {
		/* As rs_engine_score_city() goes on after score_nodes(). */
		rs_engine_derive(res->fw, 100, &z->whole);
		z->derived = 1;
	}
	return &z->whole;
}

const struct rs_city_result *
rs_results_city(const struct rs_results *res, size_t ci)
{
	return lazy_city(res, ci, 1);
}

const struct rs_city_result *
rs_results_scores(const struct rs_results *res, size_t ci)
{
	return lazy_city(res, ci, 0);
}

static void
city_release(struct rs_city_result *c)
{
	free(c->value);
	free(c->score_of);
	free(c->coverage_of);
	free(c->weight_of);
	free(c->gain_of);
	free(c->priorities);
	free(c->missing);
}

void
rs_results_release(struct rs_results *res)
{
	size_t i;

	for (i = 0; i < res->ncities; i++)
		city_release(&res->cities[i]);
	if (res->lazy != NULL) {
		city_release(&res->lazy->whole);
		free(res->lazy);
	}
	free(res->cities);
	memset(res, 0, sizeof(*res));
}

/*
 * docs/cli.md, "Weight if collected".  Only the ancestors of node can
 * change: walk up from it, deciding for each whether it would have a
 * score, then multiply the factors top-down in the same order and with
 * the same sums (file order) as score_nodes(), so that an indicator with a
 * value gets exactly its weight_of.
 */
double
rs_engine_weight_if_known(const struct rs_framework *fw,
    const struct rs_city_result *c, size_t node, size_t *blocker)
{
	size_t depth = (size_t)fw->nodes[node].depth, j = 0, k, n, prev, p;
	double *num = rs_malloc(depth * sizeof(double));
	double *den = rs_malloc(depth * sizeof(double));
	double all, avail, w = (double)NAN;
	const size_t *sib;
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
		sib = p == RS_NONE ? fw->top : fw->nodes[p].children;
		n = p == RS_NONE ? fw->ntop : fw->nodes[p].nchildren;
		all = avail = 0;
		for (k = 0; k < n; k++) {
			all += fw->nodes[sib[k]].weight;
			if (sib[k] == prev || !isnan(c->score_of[sib[k]]))
				avail += fw->nodes[sib[k]].weight;
		}
		num[j] = fw->nodes[prev].weight;
		den[j++] = avail;
		if (p == RS_NONE)
			break;
		/* The coverage rule of aggregate(). */
		prev_scored = !isnan(c->score_of[p]) ||
		    (avail > 0 && avail / all >= fw->min_coverage);
	}
	for (w = 1; j-- > 0;)
		w = w * (num[j] / den[j]);
out:
	free(num);
	free(den);
	return w;
}

/* docs/cli.md, "Complete-data weight". */
double
rs_engine_complete_weight(const struct rs_framework *fw, size_t node)
{
	size_t depth = (size_t)fw->nodes[node].depth, j = 0, k, n, p;
	double *num = rs_malloc(depth * sizeof(double));
	double *den = rs_malloc(depth * sizeof(double));
	const size_t *sib;
	double all, w;

	for (; node != RS_NONE; node = p) {
		p = fw->nodes[node].parent;
		sib = p == RS_NONE ? fw->top : fw->nodes[p].children;
		n = p == RS_NONE ? fw->ntop : fw->nodes[p].nchildren;
		for (all = 0, k = 0; k < n; k++)
			all += fw->nodes[sib[k]].weight;
		num[j] = fw->nodes[node].weight;
		den[j++] = all;
	}
	for (w = 1; j-- > 0;)
		w = w * (num[j] / den[j]);
	free(num);
	free(den);
	return w;
}
