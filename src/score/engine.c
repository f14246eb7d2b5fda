/*
 * engine.c - the scoring contract of docs/methodology.md: a city's scores,
 * effective weights, gains, priorities and rank, by the formulas of
 * score/formula.c and the rank of base/sort.c
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/sort.h"
#include "resilience/engine.h"
#include "score/formula.h"

/* methodology.md, "Indicator score". */
double
rs_indicator_score(const struct rs_node *node, double x)
{
	if (node->has_band)
		return rs_formula_band(x, node->band);
	return rs_formula_goalpost(x, node->worst, node->best);
}

/* methodology.md, "Target band": the nearest point of the band. */
double
rs_indicator_target(const struct rs_node *node, double x)
{
	if (!node->has_band)
		return node->best;
	if (x > node->band[2])
		return node->band[2];
	if (x >= node->band[1])
		return x;
	return node->band[1];
}

/*
 * methodology.md, "Aggregate score" and "City score": the weighted
 * arithmetic mean with the framework's weights and min_coverage.
 */
static struct rs_formula_plan *
contract_plan(const struct rs_framework *fw)
{
	struct rs_agg_rule rule;

	rule.agg = RS_AGG_AMEAN;
	rule.sums = RS_SUMS_CONTRACT;
	rule.min_coverage = fw->min_coverage;
	return rs_formula_plan_new(fw, &rule, 1, NULL, NULL);
}

/*
 * Value, score and coverage of every node of a city, and its score,
 * coverage and level, into c's arrays (allocated unless NULL); plan is
 * contract_plan(fw).
 */
static void
score_nodes(const struct rs_framework *fw, const struct rs_formula_plan *plan,
    const double *values, struct rs_city_result *c)
{
	size_t n = fw->nnodes, i, bad[3];

	if (c->value == NULL) {
		c->value = rs_malloc((n + 1) * sizeof(double));
		c->score_of = rs_malloc((n + 1) * sizeof(double));
		c->coverage_of = rs_malloc((n + 1) * sizeof(double));
	}
	for (i = 0; i < n; i++) {
		const struct rs_node *node = &fw->nodes[i];

		c->value[i] = c->score_of[i] = (double)NAN;
		if (node->nchildren == 0) {
			c->value[i] = values[node->indicator];
			c->score_of[i] = rs_indicator_score(node, c->value[i]);
		}
	}
	(void)rs_formula_plan_scores(plan, c->score_of, 1, n, c->coverage_of,
	    &c->score, &c->coverage, bad);
	c->level = isnan(c->score) ? RS_NONE :
	    rs_framework_level(fw, c->score);
}

void
rs_engine_score_nodes(const struct rs_framework *fw, const double *values,
    struct rs_city_result *c)
{
	struct rs_formula_plan *plan = contract_plan(fw);

	score_nodes(fw, plan, values, c);
	rs_formula_plan_free(plan);
}

void
rs_engine_score_city(const struct rs_framework *fw, const double *values,
    struct rs_city_result *c)
{
	struct rs_formula_plan *plan = contract_plan(fw);

	score_nodes(fw, plan, values, c);
	rs_formula_plan_free(plan);
	rs_engine_derive(fw, 100, c);
}

/*
 * Pre-order backwards gives children before their parent.  A walk to the
 * root from each indicator, as before, cost indicators times depth: 9.9
 * million steps a city for a chain 495 deep over 20,000 indicators.
 */
void
rs_engine_sum_gains(const struct rs_framework *fw, unsigned levers,
    double *gain_of)
{
	size_t i, k;

	for (i = fw->nnodes; i-- > 0;) {
		const struct rs_node *node = &fw->nodes[i];
		double sum = (double)NAN, g;

		if (node->nchildren == 0)
			continue;
		for (k = 0; k < node->nchildren; k++) {
			const struct rs_node *child =
			    &fw->nodes[node->children[k]];

			g = gain_of[node->children[k]];
			if (child->nchildren == 0 && (levers &
			    RS_LEVER_BIT(child->lever)) == 0)
				continue;
			if (!isnan(g))
				sum = isnan(sum) ? g : sum + g;
		}
		gain_of[i] = sum;
	}
}

/* rs_engine_derive() with only the first shown priorities in order. */
static void
derive(const struct rs_framework *fw, double top, struct rs_city_result *c,
    size_t shown)
{
	size_t n = fw->nnodes, i, k;
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

	/* methodology.md, "Effective weight" */
	rs_formula_weights(fw, c->score_of, c->weight_of);

	/* Gains of indicators; priorities; missing. */
	for (i = 0; i < n; i++)
		c->gain_of[i] = (double)NAN;
	for (k = 0; k < fw->nindicators; k++) {
		size_t ind = fw->indicators[k];
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
	}
	rs_engine_sum_gains(fw, ~0u, c->gain_of);
	order = rs_malloc((c->npriorities + 1) * sizeof(*order));
	for (k = 0; k < c->npriorities; k++) {
		order[k].key = c->gain_of[c->priorities[k]];
		order[k].id = fw->nodes[c->priorities[k]].id;
		order[k].index = c->priorities[k];
	}
	rs_keyed_top(order, c->npriorities, shown);
	for (k = 0; k < c->npriorities; k++)
		c->priorities[k] = order[k].index;
	free(order);
}

void
rs_engine_derive(const struct rs_framework *fw, double top,
    struct rs_city_result *c)
{
	derive(fw, top, c, SIZE_MAX);
}

/* What light results keep to make a city whole again. */
struct rs_results_lazy {
	const double *values;		/* borrowed: the raw values */
	struct rs_formula_plan *plan;	/* contract_plan() */
	struct rs_city_result whole;	/* the city last made whole */
	size_t city;			/* its index, RS_NONE at first */
	int derived;			/* rs_engine_derive() done for it */
	size_t shown;			/* priorities kept in order */
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
	struct rs_formula_plan *plan = contract_plan(fw);
	size_t i;

	memset(res, 0, sizeof(*res));
	res->fw = fw;
	res->ncities = ncities;
	res->cities = rs_calloc(ncities + 1, sizeof(*res->cities));
	for (i = 0; i < ncities; i++) {
		/* as rs_engine_score_city(), with one plan for all */
		res->cities[i].name = names[i];
		score_nodes(fw, plan, values + i * fw->nindicators,
		    &res->cities[i]);
		rs_engine_derive(fw, 100, &res->cities[i]);
	}
	rs_formula_plan_free(plan);
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
	z->plan = contract_plan(fw);
	z->city = RS_NONE;
	z->shown = SIZE_MAX;
	for (i = 0; i < ncities; i++) {
		struct rs_city_result *c = &res->cities[i];

		/* The same scores as rs_engine_score_city(), kept in part. */
		score_nodes(fw, z->plan, values + i * fw->nindicators,
		    &z->whole);
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
		score_nodes(res->fw, z->plan, z->values + ci *
		    res->fw->nindicators, &z->whole);
		z->whole.name = res->cities[ci].name;
		z->whole.rank = res->cities[ci].rank;
		z->city = ci;
		z->derived = 0;
	}
	if (whole && !z->derived) {
		/* As rs_engine_score_city() goes on after score_nodes(). */
		derive(res->fw, 100, &z->whole, z->shown);
		z->derived = 1;
	}
	return &z->whole;
}

const struct rs_city_result *
rs_results_city(const struct rs_results *res, size_t ci)
{
	return lazy_city(res, ci, 1);
}

void
rs_results_shown(const struct rs_results *res, size_t shown)
{
	struct rs_results_lazy *z = res->lazy;

	if (z == NULL || z->shown == shown)
		return;
	z->shown = shown;
	z->derived = 0;	/* the city made whole last, again */
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
	free(c->indicative_of);
}

/* a and b are the same score: both null, or the same number. */
static int
same_score(double a, double b)
{
	return isnan(a) ? isnan(b) : !isnan(b) && !(a < b) && !(a > b);
}

size_t
rs_engine_mark_indicative(const struct rs_framework *strict,
    const double *values, struct rs_results *res)
{
	struct rs_city_result s;
	struct rs_city_result *c;
	size_t ci, i, n = strict->nnodes, count = 0;

	for (ci = 0; ci < res->ncities; ci++) {
		c = &res->cities[ci];
		memset(&s, 0, sizeof(s));
		rs_engine_score_nodes(strict, values + ci *
		    strict->nindicators, &s);
		for (i = 0; i < n; i++) {
			if (same_score(s.score_of[i], c->score_of[i]))
				continue;
			if (c->indicative_of == NULL)
				c->indicative_of = rs_calloc(n + 1, 1);
			c->indicative_of[i] = 1;
		}
		c->indicative = !same_score(s.score, c->score);
		count += (size_t)c->indicative;
		city_release(&s);
	}
	return count;
}

void
rs_results_release(struct rs_results *res)
{
	size_t i;

	for (i = 0; i < res->ncities; i++)
		city_release(&res->cities[i]);
	if (res->lazy != NULL) {
		city_release(&res->lazy->whole);
		rs_formula_plan_free(res->lazy->plan);
		free(res->lazy);
	}
	free(res->cities);
	memset(res, 0, sizeof(*res));
}

/* docs/cli.md, "Weight if collected". */
double
rs_engine_weight_if_known(const struct rs_framework *fw,
    const struct rs_city_result *c, size_t node, size_t *blocker)
{
	return rs_formula_path_weight(fw, c->score_of, node, blocker);
}

/* docs/cli.md, "Complete-data weight". */
double
rs_engine_complete_weight(const struct rs_framework *fw, size_t node)
{
	return rs_formula_path_weight(fw, NULL, node, NULL);
}

void
rs_engine_weights_if_known(const struct rs_framework *fw,
    const struct rs_city_result *c, double *weight, size_t *blocker)
{
	rs_formula_path_weights(fw, c != NULL ? c->score_of : NULL, weight,
	    blocker);
}
