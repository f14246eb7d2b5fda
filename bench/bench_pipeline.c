/*
 * bench_pipeline.c - time the ASEM pipeline of COINr's reference data
 * (docs/performance-pipeline.md)
 *
 * usage: bench_pipeline [DIR [REPEATS]]
 *
 * DIR holds input_iMeta.csv and input_iData.csv (default
 * ../shared/coinr-asem).  Times, on one core: reading both files; the
 * default pipeline (denominate, impute by group mean, screen, treat,
 * min-max, arithmetic means, ranks); each method variant; the
 * uncertainty analysis of sens_UA_N1000_wn (rs_sensitivity_run() on one
 * thread).  Each figure is the median of REPEATS timed batches (default
 * 7).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "resilience/load.h"
#include "resilience/pipeline.h"
#include "resilience/sensitivity.h"

#include "now.h"

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
die(const struct rs_error *err)
{
	fprintf(stderr, "bench_pipeline: %s:%ld:%ld: %s\n", err->path,
	    err->line, err->col, err->msg);
	exit(1);
}

static struct rs_pipeline_spec *
asem_spec(const struct rs_framework *fw, const char *norm, const char *agg)
{
	struct rs_pipeline_spec *s = rs_pipeline_spec_copy(fw->pipeline);
	struct rs_error err = {0};

	if (rs_pipeline_spec_set(s, "impute", "group-mean:EurAsia_group",
	    &err) != 0 || rs_pipeline_spec_set(s, "screen", "0.9", &err) != 0 ||
	    rs_pipeline_spec_set(s, "treat", "on", &err) != 0 ||
	    (norm != NULL && rs_pipeline_spec_set(s, "normalise", norm,
	    &err) != 0) ||
	    (agg != NULL && rs_pipeline_spec_set(s, "aggregate", agg,
	    &err) != 0))
		die(&err);
	return s;
}

/* Seconds per pipeline run: median over repeats of batches of n runs. */
static double
time_runs(const struct rs_framework *fw, const struct rs_table *t,
    const struct rs_pipeline_spec *s, int n, int repeats)
{
	struct rs_pipeline_result r;
	struct rs_error err = {0};
	double v[64], t0;
	int k, i;

	for (k = 0; k < repeats; k++) {
		t0 = now();
		for (i = 0; i < n; i++) {
			if (rs_pipeline_run(fw, s, t, &r, &err) != 0)
				die(&err);
			rs_pipeline_result_release(&r);
		}
		v[k] = (now() - t0) / n;
	}
	return median(v, repeats);
}

int
main(int argc, char **argv)
{
	static const char *const variants[][3] = {
		{"default (minmax, amean)", NULL, NULL},
		{"zscore, amean", "zscore", NULL},
		{"minmax [1, 100], gmean", "minmax:1,100", "gmean"},
		{"minmax [1, 100], hmean", "minmax:1,100", "hmean"},
		{"prank, amean", "prank", NULL},
		{"borda, amean", "borda", NULL},
		{"rank, amean", "rank", NULL},
		{"dist2max, amean", "dist2max", NULL},
		{"fracmax, amean", "fracmax", NULL},
	};
	const char *dir = argc > 1 ? argv[1] : "../shared/coinr-asem";
	int repeats = argc > 2 ? atoi(argv[2]) : 7, k;
	char meta[1024], data[1024];
	struct rs_framework fw;
	struct rs_table t;
	struct rs_error err = {0};
	struct rs_pipeline_spec *s;
	struct rs_norm_spec norms[2];
	struct rs_sa_spec ua;
	struct rs_sa_result ur;
	struct rusage ru;
	double v[64], t0;
	size_t i;

	if (repeats < 1 || repeats > 64)
		repeats = 7;
	snprintf(meta, sizeof(meta), "%s/input_iMeta.csv", dir);
	snprintf(data, sizeof(data), "%s/input_iData.csv", dir);
	rs_framework_init(&fw);
	rs_table_init(&t);

	for (k = 0; k < repeats; k++) {
		t0 = now();
		for (i = 0; i < 100; i++) {
			if (rs_coinr_load_meta(&fw, meta, &err) != 0 ||
			    rs_coinr_load_data(&t, &fw, data, &err) != 0)
				die(&err);
		}
		v[k] = (now() - t0) / 100;
	}
	printf("read iMeta + iData (51 x 49):        %10.1f us\n",
	    median(v, repeats) * 1e6);

	for (i = 0; i < sizeof(variants) / sizeof(*variants); i++) {
		s = asem_spec(&fw, variants[i][1], variants[i][2]);
		printf("pipeline, %-26s %10.1f us\n", variants[i][0],
		    time_runs(&fw, &t, s, 200, repeats) * 1e6);
		rs_pipeline_spec_free(s);
	}

	s = asem_spec(&fw, NULL, NULL);
	if (rs_norm_spec_parse(&norms[0], "minmax:1,100", &err) != 0 ||
	    rs_norm_spec_parse(&norms[1], "zscore:10,2", &err) != 0)
		die(&err);
	memset(&ua, 0, sizeof(ua));
	ua.runs = 1000;
	ua.seed = 1;
	ua.threads = 1;
	ua.weight_noise = 0.25;
	ua.levels = 1u << 2 | 1u << 3;
	ua.norms = norms;
	ua.nnorms = 2;
	for (k = 0; k < repeats; k++) {
		t0 = now();
		if (rs_sensitivity_run(&fw, s, &t, NULL, NULL, 0, &ua, &ur,
		    &err) != 0)
			die(&err);
		v[k] = now() - t0;
		rs_sa_result_release(&ur);
	}
	printf("uncertainty, N = 1000 (sens_UA_N1000_wn): %7.1f ms\n",
	    median(v, repeats) * 1e3);
	rs_pipeline_spec_free(s);
	getrusage(RUSAGE_SELF, &ru);
	printf("peak resident memory:                %10.1f MiB\n",
	    (double)ru.ru_maxrss / 1024);
	rs_table_release(&t);
	rs_framework_release(&fw);
	return 0;
}
