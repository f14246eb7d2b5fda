/*
 * uncertainty.c - Monte Carlo uncertainty analysis of the index ranks,
 * docs/pipeline.md "Uncertainty analysis"
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/sort.h"
#include "resilience/uncertainty.h"
#include "base/rng.h"

void
rs_ua_result_release(struct rs_ua_result *res)
{
	free(res->unit);
	free(res->nominal);
	free(res->mean);
	free(res->median);
	free(res->q5);
	free(res->q95);
	memset(res, 0, sizeof(*res));
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
rs_uncertainty_run(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const struct rs_table *t,
    const struct rs_ua_spec *ua, struct rs_ua_result *res,
    struct rs_error *err)
{
	struct rs_pipeline_result nom;
	struct rs_pipeline_spec **specs = NULL;
	size_t nn = fw->nnodes, n, i, k, run, nspecs, j;
	double *base = NULL, *w = NULL, *norm = NULL, *scores = NULL;
	double *index = NULL, *ranks = NULL, *col = NULL;
	long *rank = NULL;
	const char **units = NULL;
	unsigned char *noisy = NULL;
	struct rs_rng rng;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&nom, 0, sizeof(nom));
	if (ua->runs == 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "an uncertainty "
		    "analysis needs at least one run");
	if ((rc = rs_pipeline_run(fw, spec, t, &nom, err)) != 0)
		goto out;
	n = nom.nunits;
	nspecs = ua->nnorms > 0 ? ua->nnorms : 1;
	specs = rs_calloc(nspecs, sizeof(struct rs_pipeline_spec *));
	for (j = 0; j < nspecs; j++) {
		specs[j] = rs_pipeline_spec_copy(spec);
		if (ua->nnorms > 0) {
			specs[j]->norm = ua->norms[j];
			for (k = 0; k < specs[j]->nnode; k++)
				specs[j]->node[k].has_norm = 0;
		}
		if ((rc = rs_pipeline_check(fw, specs[j], err)) != 0)
			goto out;
	}
	res->nunits = n;
	res->unit = rs_malloc((n + 1) * sizeof(char *));
	res->nominal = rs_malloc((n + 1) * sizeof(long));
	res->mean = rs_malloc((n + 1) * sizeof(double));
	res->median = rs_malloc((n + 1) * sizeof(double));
	res->q5 = rs_malloc((n + 1) * sizeof(double));
	res->q95 = rs_malloc((n + 1) * sizeof(double));
	units = rs_malloc((n + 1) * sizeof(char *));
	for (i = 0; i < n; i++) {
		res->unit[i] = nom.unit[nom.kept[i]];
		units[i] = res->unit[i];
		res->nominal[i] = nom.index_rank[i];
	}
	base = rs_malloc((nn + 1) * sizeof(double));
	w = rs_malloc((nn + 1) * sizeof(double));
	noisy = rs_calloc(nn + 1, 1);
	for (k = 0; k < nn; k++) {
		int lv = rs_node_level(fw, k);

		base[k] = fw->nodes[k].weight;
		noisy[k] = lv < 32 && (ua->levels >> lv & 1u);
	}
	norm = rs_malloc((n * fw->nindicators + 1) * sizeof(double));
	scores = rs_malloc((n * nn + 1) * sizeof(double));
	index = rs_malloc((n + 1) * sizeof(double));
	rank = rs_malloc((n + 1) * sizeof(long));
	ranks = rs_malloc((n * ua->runs + 1) * sizeof(double));
	rs_rng_seed(&rng, ua->seed);
	for (run = 0; run < ua->runs; run++) {
		j = ua->nnorms > 1 ? (size_t)(rs_rng_uniform(&rng) *
		    (double)ua->nnorms) : 0;
		if (j >= nspecs)
			j = nspecs - 1;
		for (k = 0; k < nn; k++)
			w[k] = noisy[k] ? base[k] * (1 + ua->weight_noise *
			    (2 * rs_rng_uniform(&rng) - 1)) : base[k];
		rs_pipeline_normalise(fw, specs[j], nom.treated, n, norm);
		if ((rc = rs_pipeline_aggregate(fw, specs[j], w, norm, n, units,
		    scores, NULL, index, err)) != 0)
			goto out;
		rs_rank_desc(index, n, 1, rank);
		for (i = 0; i < n; i++)
			ranks[i * ua->runs + run] = (double)rank[i];
	}
	col = rs_malloc((ua->runs + 1) * sizeof(double));
	for (i = 0; i < n; i++) {
		long double sum = 0;

		memcpy(col, ranks + i * ua->runs, ua->runs * sizeof(double));
		for (run = 0; run < ua->runs; run++)
			sum += (long double)(col[run]);
		qsort(col, ua->runs, sizeof(double), cmp_double);
		res->mean[i] = (double)(sum / (long double)ua->runs);
		res->median[i] = rs_quantile7(col, ua->runs, 0.5);
		res->q5[i] = rs_quantile7(col, ua->runs, 0.05);
		res->q95[i] = rs_quantile7(col, ua->runs, 0.95);
	}
out:
	for (j = 0; specs != NULL && j < nspecs; j++)
		rs_pipeline_spec_free(specs[j]);
	free(specs);
	free(base);
	free(w);
	free(noisy);
	free(norm);
	free(scores);
	free(index);
	free(rank);
	free(ranks);
	free(col);
	free(units);
	rs_pipeline_result_release(&nom);
	return rc;
}
