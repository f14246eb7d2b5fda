/*
 * change.c - total and like-for-like change since a baseline, and the
 * composition effect, as docs/methodology.md ("Change against a
 * baseline") defines them
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "resilience/change.h"

/* The two sides scored on the common set, kept from city to city. */
struct rs_change_scratch {
	double *now, *base;		/* raw values, outside C as NaN */
	struct rs_city_result a, b;	/* their scores */
};

static double
diff(double now, double then)
{
	if (isnan(now) || isnan(then))
		return (double)NAN;
	return now - then + 0.0;	/* + 0.0: never -0 */
}

size_t
rs_change_like(const struct rs_framework *fw, const double *now,
    const double *base, double *like, struct rs_change_scratch **scratch)
{
	struct rs_change_scratch *z = *scratch;
	size_t k, n = fw->nindicators, in = 0;

	if (z == NULL) {
		z = *scratch = rs_calloc(1, sizeof(*z));
		z->now = rs_malloc((n + 1) * sizeof(double));
		z->base = rs_malloc((n + 1) * sizeof(double));
	}
	/* C: the indicators with a value in both runs. */
	for (k = 0; k < n; k++) {
		int common = !isnan(now[k]) && !isnan(base[k]);

		z->now[k] = common ? now[k] : (double)NAN;
		z->base[k] = common ? base[k] : (double)NAN;
		in += (size_t)common;
	}
	rs_engine_score_nodes(fw, z->now, &z->a);
	rs_engine_score_nodes(fw, z->base, &z->b);
	for (k = 0; k < fw->nnodes; k++)
		like[k] = diff(z->a.score_of[k], z->b.score_of[k]);
	like[fw->nnodes] = diff(z->a.score, z->b.score);
	return in;
}

void
rs_change_scratch_free(struct rs_change_scratch *z)
{
	if (z == NULL)
		return;
	free(z->now);
	free(z->base);
	free(z->a.value);
	free(z->a.score_of);
	free(z->a.coverage_of);
	free(z->b.value);
	free(z->b.score_of);
	free(z->b.coverage_of);
	free(z);
}

void
rs_change_compute(struct rs_change *ch, const struct rs_framework *fw,
    const struct rs_results *res, const char *const *ids,
    const double *values, const struct rs_baseline *base)
{
	struct rs_change_scratch *z = NULL;
	size_t nc = res->ncities, w = fw->nnodes + 1, ci, k, bi;
	unsigned char *seen;
	double *row, *lrow;

	memset(ch, 0, sizeof(*ch));
	ch->ncities = nc;
	ch->nnodes = fw->nnodes;
	ch->base_city = rs_malloc((nc + 1) * sizeof(size_t));
	ch->total = rs_malloc((nc * w + 1) * sizeof(double));
	ch->like = rs_malloc((nc * w + 1) * sizeof(double));
	ch->common = rs_calloc(nc + 1, sizeof(size_t));
	ch->refused = !base->same_framework || values == NULL ||
	    fw->pipeline != NULL;
	seen = rs_calloc(base->ncities + 1, 1);
	for (ci = 0; ci < nc; ci++) {
		const struct rs_city_result *c = rs_results_scores(res, ci);

		row = ch->total + ci * w;
		lrow = ch->like + ci * w;
		for (k = 0; k < w; k++)
			row[k] = lrow[k] = (double)NAN;
		bi = ch->base_city[ci] = rs_baseline_find(base, ids[ci]);
		if (bi == RS_NONE)
			continue;
		seen[bi] = 1;
		for (k = 0; k < fw->nnodes; k++)
			row[k] = diff(c->score_of[k],
			    base->score_of[bi * base->nnodes + k]);
		row[fw->nnodes] = diff(c->score, base->score[bi]);
		if (ch->refused || !base->has_values[bi])
			continue;
		ch->common[ci] = rs_change_like(fw, values +
		    ci * fw->nindicators, base->value + bi * fw->nindicators,
		    lrow, &z);
	}
	rs_change_scratch_free(z);
	ch->missing = rs_malloc((base->ncities + 1) * sizeof(size_t));
	for (bi = 0; bi < base->ncities; bi++)
		if (!seen[bi])
			ch->missing[ch->nmissing++] = bi;
	free(seen);
}

void
rs_change_release(struct rs_change *ch)
{
	free(ch->base_city);
	free(ch->total);
	free(ch->like);
	free(ch->common);
	free(ch->missing);
	memset(ch, 0, sizeof(*ch));
}

static size_t
column(const struct rs_change *ch, size_t node)
{
	return node == RS_NONE ? ch->nnodes : node;
}

double
rs_change_total(const struct rs_change *ch, size_t ci, size_t node)
{
	return ch->total[ci * (ch->nnodes + 1) + column(ch, node)];
}

double
rs_change_like_of(const struct rs_change *ch, size_t ci, size_t node)
{
	return ch->like[ci * (ch->nnodes + 1) + column(ch, node)];
}

double
rs_change_composition(const struct rs_change *ch, size_t ci, size_t node)
{
	return diff(rs_change_total(ch, ci, node),
	    rs_change_like_of(ch, ci, node));
}
