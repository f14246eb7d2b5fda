/*
 * bench_shortest.c - the exact number writer against its reference on N
 * doubles: mismatches (there must be none) and the time of each
 * (docs/performance.md)
 *
 * usage: bench_shortest [N]
 *
 * N (default 10^8) doubles of tests/double_mix.h's kinds in equal parts,
 * after its fixed cases, are written by rs_fmt_exact() and by
 * rs_fmt_exact_ref() in batches of 2^16; each batch is timed for each
 * writer on its own (CPU time of the thread), then the two outputs are
 * compared byte for byte.
 * Prints one line per kind and a total: count, mismatches, and ns per
 * number of each writer.  Exits 1 when any number is written
 * differently.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fmt.h"

#include "../tests/double_mix.h"

#define BATCH 65536
#define WIDTH 32		/* bytes per written number */

struct figures {
	unsigned long long count;	/* numbers written by each writer */
	unsigned long long mismatches;	/* of them, written differently */
	double t_new;			/* seconds in rs_fmt_exact() */
	double t_ref;			/* seconds in rs_fmt_exact_ref() */
};

static char out_new[BATCH][WIDTH], out_ref[BATCH][WIDTH];

/*
 * Seconds of CPU time of this thread: on a shared machine wall time
 * counts the other processes' turns too.
 */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
run(const double *v, size_t n, struct figures *f)
{
	double t0, t1, t2;
	size_t i;

	t0 = cpu_now();
	for (i = 0; i < n; i++)
		rs_fmt_exact(out_new[i], WIDTH, v[i]);
	t1 = cpu_now();
	for (i = 0; i < n; i++)
		rs_fmt_exact_ref(out_ref[i], WIDTH, v[i]);
	t2 = cpu_now();
	f->t_new += t1 - t0;
	f->t_ref += t2 - t1;
	f->count += n;
	for (i = 0; i < n; i++) {
		if (strcmp(out_new[i], out_ref[i]) == 0)
			continue;
		if (f->mismatches++ < 20)
			fprintf(stderr, "bench_shortest: %a: \"%s\", "
			    "reference \"%s\"\n", v[i], out_new[i],
			    out_ref[i]);
	}
}

static void
line(const char *what, const struct figures *f)
{
	double n = f->count > 0 ? (double)f->count : 1;

	printf("| %s | %llu | %llu | %.1f | %.1f | %.1f |\n", what, f->count,
	    f->mismatches, f->t_new / n * 1e9, f->t_ref / n * 1e9,
	    f->t_new > 0 ? f->t_ref / f->t_new : 0);
}

int
main(int argc, char **argv)
{
	static double v[BATCH];
	struct figures kind[MIX_NKINDS], edges, all;
	unsigned long long total = 100000000, done = 0, per;
	uint64_t seed = 19;
	double *e;
	size_t n, i;
	char *end;
	int k;

	if (argc > 2 || (argc == 2 && ((total = strtoull(argv[1], &end,
	    10)) == 0 || *end != '\0'))) {
		fprintf(stderr, "usage: bench_shortest [N]\n");
		return 2;
	}
	memset(kind, 0, sizeof(kind));
	memset(&edges, 0, sizeof(edges));
	if ((e = malloc(MIX_EDGES_MAX * sizeof(double))) == NULL)
		return 1;
	n = mix_edges(e);
	for (i = 0; i < n; i += BATCH)
		run(e + i, n - i < BATCH ? n - i : BATCH, &edges);
	free(e);
	per = total / MIX_NKINDS;
	while (done < per) {
		n = per - done < BATCH ? (size_t)(per - done) : BATCH;
		for (k = 0; k < MIX_NKINDS; k++) {
			for (i = 0; i < n; i++)
				v[i] = mix_draw(&seed, (enum mix_kind)k);
			run(v, n, &kind[k]);
		}
		done += n;
	}
	all = edges;
	for (k = 0; k < MIX_NKINDS; k++) {
		all.count += kind[k].count;
		all.mismatches += kind[k].mismatches;
		all.t_new += kind[k].t_new;
		all.t_ref += kind[k].t_ref;
	}
	printf("| doubles | count | mismatches | ns/number, rs_fmt_exact | "
	    "ns/number, reference | speed-up |\n");
	printf("|---|---:|---:|---:|---:|---:|\n");
	line("powers of 10 and 2, edges, neighbours", &edges);
	for (k = 0; k < MIX_NKINDS; k++)
		line(mix_kind_name((enum mix_kind)k), &kind[k]);
	line("all", &all);
	return all.mismatches != 0;
}
