/*
 * actionable.c - priorities restricted to levers, and the fewest
 * indicators that give a city a score (actionable.h)
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/sort.h"
#include "resilience/actionable.h"

int
rs_levers_parse(const char *s, unsigned *levers)
{
	const char *p = s, *end;
	enum rs_lever l;
	unsigned set = 0;

	for (;;) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		if (end - p == 3 && memcmp(p, "all", 3) == 0)
			set |= RS_LEVERS_ACTIONABLE;
		else if ((l = rs_lever_parse(p, (size_t)(end - p))) !=
		    RS_LEVER_COUNT)
			set |= RS_LEVER_BIT(l);
		else
			return -1;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	*levers = set;
	return 0;
}

void
rs_actionable_restrict(const struct rs_framework *fw, unsigned levers,
    struct rs_city_result *c)
{
	size_t k, m = 0;

	for (k = 0; k < c->npriorities; k++)
		if (RS_LEVER_ALLOWED(levers, fw->nodes[c->priorities[k]].lever))
			c->priorities[m++] = c->priorities[k];
	c->npriorities = m;
	/* As rs_engine_derive() sums them, over the allowed levers. */
	rs_engine_sum_gains(fw, levers, c->gain_of);
}

/* What it takes to give a node a score. */
struct need {
	size_t count;		/* indicators to collect, SIZE_MAX: cannot */
	double weight;		/* their complete-data weight */
};

/*
 * The cheapest children of sib[0..n) to score, over the scored ones, so
 * that they reach min_coverage as aggregate() in engine.c decides it
 * (sums in file order); marks them in pick[].  Subsets are tried in
 * order when there are few candidates, else the cheapest per weight
 * first.
 */
static struct need
cheapest(const struct rs_framework *fw, const struct rs_city_result *c,
    const size_t *sib, size_t n, const struct need *need, char *pick)
{
	struct need best = {SIZE_MAX, 0};
	size_t cand[20], ncand = 0, k, j, total;
	uint32_t set, best_set = 0, nsets;
	double all = 0, avail, w;
	int ok;

	for (k = 0; k < n; k++) {
		all += fw->nodes[sib[k]].weight;
		if (isnan(c->score_of[sib[k]]) && need[sib[k]].count !=
		    SIZE_MAX && ncand < 20)
			cand[ncand++] = k;
	}
	nsets = (uint32_t)1 << ncand;
	for (set = 0; set < nsets; set++) {
		avail = 0;
		total = 0;
		w = 0;
		for (k = 0, j = 0; k < n; k++) {
			int in = j < ncand && cand[j] == k && (set >> j & 1);

			if (j < ncand && cand[j] == k)
				j++;
			if (!isnan(c->score_of[sib[k]]) || in) {
				avail += fw->nodes[sib[k]].weight;
				if (in) {
					total += need[sib[k]].count;
					w += need[sib[k]].weight;
				}
			}
		}
		ok = avail > 0 && avail / all >= fw->min_coverage;
		if (ok && (total < best.count || (total == best.count &&
		    w > best.weight))) {
			best.count = total;
			best.weight = w;
			best_set = set;
		}
	}
	for (j = 0; j < ncand; j++)
		pick[sib[cand[j]]] = (char)(best_set >> j & 1);
	return best;
}

static void
gather(const struct rs_framework *fw, const size_t *sib, size_t n,
    const char *pick, size_t *nodes, size_t *count)
{
	size_t k;

	for (k = 0; k < n; k++) {
		const struct rs_node *node = &fw->nodes[sib[k]];

		if (!pick[sib[k]])
			continue;
		if (node->nchildren == 0)
			nodes[(*count)++] = sib[k];
		else
			gather(fw, node->children, node->nchildren, pick, nodes,
			    count);
	}
}

size_t
rs_actionable_to_score(const struct rs_framework *fw,
    const struct rs_city_result *c, size_t *nodes)
{
	struct need *need, top;
	struct rs_keyed *order;
	double *complete;
	char *pick;
	size_t i, k, count = 0;

	if (!isnan(c->score))
		return 0;
	need = rs_malloc((fw->nnodes + 1) * sizeof(*need));
	pick = rs_calloc(fw->nnodes + 1, 1);
	/* Every complete-data weight at once, not a walk up from each. */
	complete = rs_malloc((fw->nnodes + 1) * sizeof(*complete));
	rs_engine_weights_if_known(fw, NULL, complete, NULL);
	for (i = fw->nnodes; i-- > 0;) {
		const struct rs_node *node = &fw->nodes[i];

		if (!isnan(c->score_of[i])) {
			need[i].count = 0;
			need[i].weight = 0;
		} else if (node->nchildren == 0) {
			need[i].count = 1;
			need[i].weight = complete[i];
		} else {
			need[i] = cheapest(fw, c, node->children,
			    node->nchildren, need, pick);
		}
	}
	top = cheapest(fw, c, fw->top, fw->ntop, need, pick);
	if (top.count != SIZE_MAX)
		gather(fw, fw->top, fw->ntop, pick, nodes, &count);
	order = rs_malloc((count + 1) * sizeof(*order));
	for (k = 0; k < count; k++) {
		order[k].key = complete[nodes[k]];
		order[k].id = fw->nodes[nodes[k]].id;
		order[k].index = nodes[k];
	}
	rs_keyed_sort(order, count);
	for (k = 0; k < count; k++)
		nodes[k] = order[k].index;
	free(order);
	free(pick);
	free(need);
	free(complete);
	return count;
}
