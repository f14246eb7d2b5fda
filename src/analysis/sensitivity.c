/*
 * sensitivity.c - uncertainty and variance-based sensitivity analysis of
 * the city ranks, docs/sensitivity.md
 *
 * The work is split so that a run redoes only what it varies.  Before
 * the runs: the nominal scores, the normalised matrix of every
 * (winsorisation limit, normaliser) pair of a pipeline, or the goalpost
 * scores of the scoring contract.  In a run: the noisy weights or
 * goalposts of the set its design row picks, the aggregation, the
 * ranking.  Runs are claimed in chunks by worker threads and write to
 * their own row of the results, so the output is the same for any number
 * of threads.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"
#include "resilience/limits.h"
#include "base/rng.h"
#include "base/sort.h"
#include "resilience/sensitivity.h"
#include "score/formula.h"

/* Stream tags: each kind of draw has its own family of streams. */
enum {
	TAG_DESIGN = 1,
	TAG_WEIGHTS,
	TAG_GOALPOSTS,
	TAG_BOOT,
	TAG_YEAR,
	TAG_PROXY,
};

#define CHUNK 8		/* runs a worker claims at a time */
#define ROWS 64		/* cities a run scores at a time */

/* What every run reads; set up before the threads start. */
struct sa {
	const struct rs_framework *fw;
	const struct rs_sa_spec *spec;
	size_t n, nn, nind;		/* units, nodes, indicators */
	size_t d;			/* inputs that vary */
	int input[RS_SA_NINPUTS];
	size_t nalts[RS_SA_NINPUTS];
	const double *u;		/* nruns * d design */
	size_t *alt;			/* nruns * d picked alternatives */
	size_t nruns, nstat;		/* runs; runs that count for ranks */
	double *base;			/* nominal node weights */
	unsigned char *noisy;		/* per node: its weight varies */
	/* The scoring contract: */
	const double *values;		/* n * nind raw values */
	double *norm0;			/* n * nind nominal goalpost scores */
	double *worst0, *best0;		/* nind nominal goalposts */
	/* Both: */
	size_t ntop;			/* areas */
	double *area0;			/* n * ntop nominal area scores */
	/* A pipeline: */
	double **mats;			/* per (winmax, normaliser) */
	struct rs_pipeline_spec **aspec;	/* per aggregator */
	const char **units;
	long *nominal;			/* per unit */
	/* Results of the runs: */
	uint16_t *r16;			/* nstat * n ranks (0: none), when
					   n < 65536 */
	uint32_t *r32;			/* else */
	double *y;			/* per run */
	uint32_t *levels;		/* n * nlevels counts, summed */
	uint32_t *achg;			/* n * ntop counts of a changed area
					   level, summed */
	/* Scheduling: */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	size_t next;			/* first run not claimed */
	size_t done;			/* runs finished */
	int stop;			/* a run failed: claim no more */
	int running;			/* workers not yet finished */
};

struct worker {
	struct sa *sa;
	pthread_t tid;
	double *w;			/* nn run weights */
	double *cw;			/* nn coverage weights: nominal, the
					   left-out indicator 0 */
	double *norm;			/* n * nind goalpost scores of a run */
	double *scores, *cov;		/* n * nn (pipelines), or ROWS * nn */
	double *index;			/* n city scores */
	uint64_t *key;			/* 2n ranking keys */
	size_t *idx;			/* 2n unit order */
	long *rank;			/* n ranks, 0: none */
	uint32_t *levels;		/* n * nlevels counts */
	double *vals;			/* n * nind raw values of a run */
	double *area;			/* n * ntop area scores of a run */
	uint32_t *achg;			/* n * ntop changed area levels */
	size_t failed;			/* lowest failed run, or nruns */
	struct rs_error err;		/* why it failed */
};

static const char *const input_names[RS_SA_NINPUTS] = {
	"weights", "goalposts", "exclude", "winmax", "normalise", "aggregate",
	"year", "proxies", "min_coverage",
};

const char *
rs_sa_input_name(int input)
{
	return input >= 0 && input < RS_SA_NINPUTS ? input_names[input] : "";
}

void
rs_sa_result_release(struct rs_sa_result *res)
{
	free(res->unit);
	free(res->score);
	free(res->nominal);
	free(res->mean);
	free(res->median);
	free(res->q5);
	free(res->q95);
	free(res->prob);
	free(res->none);
	free(res->rank_lo);
	free(res->rank_hi);
	free(res->rank_share);
	free(res->level_lo);
	free(res->level_hi);
	free(res->level_share);
	free(res->area_change);
	free(res->u);
	free(res->alt);
	free(res->y);
	free(res->si);
	free(res->sti);
	free(res->si_q5);
	free(res->si_q95);
	free(res->sti_q5);
	free(res->sti_q95);
	memset(res, 0, sizeof(*res));
}

/* Alternative of n picked by u in [0, 1): COINr's equal-width bins. */
static size_t
pick(double u, size_t n)
{
	size_t k = (size_t)(u * (double)n);

	return k < n ? k : n - 1;
}

/* --- scoring a run -------------------------------------------------- */

/*
 * The scoring contract's nested means (methodology.md, "Aggregate score")
 * of n cities (rows of norm, goalpost scores) into index, with the run's
 * weights w and aggregator agg.  Coverage is judged on the coverage
 * weights cw, the nominal ones (docs/sensitivity.md): a noisy weight must
 * not withhold a score that sits at the threshold, nor grant one below
 * it; a left-out indicator's is 0.  With the nominal weights this is
 * rs_engine_score() to the bit: the same function on the same numbers.
 */
static void
contract_scores(const struct sa *sa, const double *norm, const double *w,
    const double *cw, int agg, double min_coverage, double *s, double *index,
    double *area, size_t n)
{
	const struct rs_framework *fw = sa->fw;
	struct rs_formula_plan *plan;
	struct rs_agg_rule rule;
	size_t i, r, nr, k, nn = sa->nn, nind = sa->nind, bad[3];

	rule.agg = agg;
	rule.sums = RS_SUMS_CONTRACT;
	rule.min_coverage = min_coverage;
	plan = rs_formula_plan_new(fw, &rule, 1, w, cw);
	for (i = 0; i < n; i += ROWS) {
		nr = n - i < ROWS ? n - i : ROWS;
		for (r = 0; r < nr; r++)
			for (k = 0; k < nind; k++)
				s[r * nn + fw->indicators[k]] = norm[(i + r) *
				    nind + k];
		/* a geometric mean of a score of 0 is 0: no error here */
		(void)rs_formula_plan_scores(plan, s, nr, nn, NULL, index + i,
		    NULL, bad);
		for (r = 0; r < nr; r++)
			for (k = 0; k < sa->ntop; k++)
				area[(i + r) * sa->ntop + k] = s[r * nn +
				    fw->top[k]];
	}
	rs_formula_plan_free(plan);
}

/*
 * Goalpost scores of n rows of raw values; worst and best per indicator,
 * except that a target band scores by its own four points, unmoved
 * (sensitivity.md, "Goalposts").
 */
static void
goalpost_scores(const struct rs_framework *fw, const double *values,
    size_t n, const double *worst, const double *best, double *out)
{
	size_t nind = fw->nindicators, i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < nind; k++)
			out[i * nind + k] = fw->nodes[fw->indicators[k]].has_band ?
			    rs_formula_band(values[i * nind + k],
			    fw->nodes[fw->indicators[k]].band) :
			    rs_formula_goalpost(values[i * nind + k], worst[k],
			    best[k]);
}

/* Weight set k: the nominal weights, the noisy ones times 1 + U(-f, f). */
static void
weight_set(const struct sa *sa, uint64_t k, double *w)
{
	struct rs_rng r;
	size_t i;

	rs_rng_stream(&r, sa->spec->seed, TAG_WEIGHTS, k);
	for (i = 0; i < sa->nn; i++)
		w[i] = sa->noisy[i] ? sa->base[i] * (1 + sa->spec->weight_noise *
		    (2 * rs_rng_uniform(&r) - 1)) : sa->base[i];
}

/* The set an input's u picks: one of sets, or a fresh one per u. */
static uint64_t
set_of(double u, size_t sets)
{
	return sets > 0 ? (uint64_t)pick(u, sets) :
	    (uint64_t)(u * 0x1.0p53);
}

/* Every cell takes one draw of each stream, whatever its candidates. */
void
rs_sa_draw_values(const struct rs_sa_spec *spec, int have_y, uint64_t yset,
    int have_p, uint64_t pset, double *vals)
{
	const struct rs_sa_cells *c = spec->cells;
	struct rs_rng ry, rp;
	size_t i, f, m, k;
	double uy = 0, up = 1;

	rs_rng_stream(&ry, spec->seed, TAG_YEAR, yset);
	rs_rng_stream(&rp, spec->seed, TAG_PROXY, pset);
	for (i = 0; i < c->ncells; i++) {
		if (have_y)
			uy = rs_rng_uniform(&ry);
		if (have_p)
			up = rs_rng_uniform(&rp);
		f = c->first[i];
		m = c->first[i + 1] - f;
		if (m == 0) {
			vals[i] = (double)NAN;
			continue;
		}
		k = f + (have_y ? pick(uy, m) : 0);
		vals[i] = c->proxy[k] && up < 0.5 ? (double)NAN : c->value[k];
	}
}

/* 1 when score s is not in the level of nominal s0 (NaN is a level). */
static uint32_t
level_changed(const struct rs_framework *fw, double s, double s0)
{
	if (isnan(s) || isnan(s0))
		return isnan(s) != isnan(s0);
	return rs_framework_level(fw, s) != rs_framework_level(fw, s0);
}

/* Score and rank run r into the worker's buffers; 0 or an error. */
static int
run_one(struct worker *wk, size_t r)
{
	struct sa *sa = wk->sa;
	const struct rs_sa_spec *spec = sa->spec;
	const double *u = sa->u + r * sa->d;
	size_t *alt = sa->alt + r * sa->d;
	size_t j, k, wi = 0, ni = 0, ai = 0, excl = RS_NONE, n = sa->n;
	size_t ranked;
	const double *norm = sa->norm0;
	int agg = RS_AGG_AMEAN;
	uint64_t wset = 0, gset = 0, yset = 0, pset = 0;
	int have_w = 0, have_g = 0, have_y = 0, have_p = 0, rc;
	double cov = sa->fw->min_coverage;
	long shift = 0;

	for (j = 0; j < sa->d; j++) {
		size_t na = sa->nalts[sa->input[j]];
		size_t a = na > 0 ? pick(u[j], na) : 0;

		switch (sa->input[j]) {
		case RS_SA_WEIGHTS:
			wset = set_of(u[j], spec->weight_sets);
			a = (size_t)wset;
			have_w = 1;
			break;
		case RS_SA_GOALPOSTS:
			gset = set_of(u[j], spec->goalpost_sets);
			a = (size_t)gset;
			have_g = 1;
			break;
		case RS_SA_EXCLUDE:
			excl = sa->fw->indicators[a];
			break;
		case RS_SA_WINMAX:
			wi = a;
			break;
		case RS_SA_NORMALISE:
			ni = a;
			break;
		case RS_SA_YEAR:
			yset = set_of(u[j], spec->year_sets);
			a = (size_t)yset;
			have_y = 1;
			break;
		case RS_SA_PROXIES:
			pset = set_of(u[j], spec->proxy_sets);
			a = (size_t)pset;
			have_p = 1;
			break;
		case RS_SA_COVERAGE:
			/* docs/sensitivity.md: U(lo, hi), no alternatives */
			cov = spec->coverage_lo + u[j] * (spec->coverage_hi -
			    spec->coverage_lo);
			a = 0;
			break;
		default:
			ai = a;
			agg = spec->aggs[a];
			break;
		}
		alt[j] = a;
	}
	if (have_w)
		weight_set(sa, wset, wk->w);
	else
		memcpy(wk->w, sa->base, sa->nn * sizeof(double));
	memcpy(wk->cw, sa->base, sa->nn * sizeof(double));
	if (excl != RS_NONE)
		wk->w[excl] = wk->cw[excl] = 0;
	if (sa->mats != NULL) {
		size_t nnorm = sa->nalts[RS_SA_NORMALISE];

		rc = rs_pipeline_aggregate_cw(sa->fw, sa->aspec[ai], wk->w,
		    wk->cw, sa->mats[wi * nnorm + ni], n, sa->units,
		    wk->scores, wk->cov, wk->index, NULL, &wk->err);
		if (rc != 0)
			return rc;
		if (sa->ntop > 0)
			for (j = 0; j < n; j++)
				for (k = 0; k < sa->ntop; k++)
					wk->area[j * sa->ntop + k] =
					    wk->scores[j * sa->nn +
					    sa->fw->top[k]];
	} else {
		const double *worst = sa->worst0, *best = sa->best0;
		const double *vals = sa->values;

		if (have_g) {
			double *gw = wk->scores, *gb = wk->cov;
			struct rs_rng g;

			rs_rng_stream(&g, spec->seed, TAG_GOALPOSTS, gset);
			for (k = 0; k < sa->nind; k++) {
				const struct rs_node *node =
				    &sa->fw->nodes[sa->fw->indicators[k]];
				double span = fabs(node->best - node->worst);

				gw[k] = node->worst + spec->goalpost_noise *
				    span * (2 * rs_rng_uniform(&g) - 1);
				gb[k] = node->best + spec->goalpost_noise *
				    span * (2 * rs_rng_uniform(&g) - 1);
			}
			worst = gw;
			best = gb;
		}
		if (have_y || have_p) {
			rs_sa_draw_values(spec, have_y, yset, have_p, pset,
			    wk->vals);
			vals = wk->vals;
		}
		if (have_g || have_y || have_p) {
			goalpost_scores(sa->fw, vals, n, worst, best,
			    wk->norm);
			norm = wk->norm;
		}
		/* scores after the goalposts: worst and best may sit there */
		contract_scores(sa, norm, wk->w, wk->cw, agg, cov, wk->scores,
		    wk->index, wk->area, sa->n);
	}
	rs_rank_desc_buf(wk->index, n, 1, wk->rank, wk->key, wk->idx);
	/* the shift over the cities ranked both here and nominally */
	for (j = 0, ranked = 0; j < n; j++) {
		long d = wk->rank[j] - sa->nominal[j];

		if (wk->rank[j] > 0 && sa->nominal[j] > 0) {
			shift += d < 0 ? -d : d;
			ranked++;
		}
		if (r >= sa->nstat)
			continue;	/* an AB_i run: only its shift counts */
		if (sa->r16 != NULL)
			sa->r16[r * n + j] = (uint16_t)wk->rank[j];
		else
			sa->r32[r * n + j] = (uint32_t)wk->rank[j];
	}
	sa->y[r] = ranked > 0 ? (double)shift / (double)ranked : 0;
	if (r < sa->nstat && sa->fw->nlevels > 0)
		for (j = 0; j < n; j++) {
			if (!isnan(wk->index[j]))
				wk->levels[j * sa->fw->nlevels +
				    rs_framework_level(sa->fw,
				    wk->index[j])]++;
			for (k = 0; k < sa->ntop; k++)
				wk->achg[j * sa->ntop + k] += level_changed(
				    sa->fw, wk->area[j * sa->ntop + k],
				    sa->area0[j * sa->ntop + k]);
		}
	return 0;
}

static void *
work(void *arg)
{
	struct worker *wk = arg;
	struct sa *sa = wk->sa;
	size_t r, first, last;

	for (;;) {
		pthread_mutex_lock(&sa->lock);
		first = sa->next;
		if (sa->stop || first >= sa->nruns) {
			sa->running--;
			pthread_cond_signal(&sa->cond);
			pthread_mutex_unlock(&sa->lock);
			return NULL;
		}
		last = first + CHUNK < sa->nruns ? first + CHUNK : sa->nruns;
		sa->next = last;
		pthread_mutex_unlock(&sa->lock);
		/*
		 * A chunk is always finished, so when a run fails every
		 * earlier run has been tried: the lowest failure is found
		 * whatever the scheduling.
		 */
		for (r = first; r < last; r++)
			if (run_one(wk, r) != 0 && r < wk->failed) {
				wk->failed = r;
				break;
			}
		pthread_mutex_lock(&sa->lock);
		sa->done += last - first;
		if (wk->failed < sa->nruns)
			sa->stop = 1;
		pthread_mutex_unlock(&sa->lock);
	}
}

/* Run every row of the design on nthreads workers; 0 or the first error. */
static int
run_all(struct sa *sa, unsigned nthreads, struct rs_error *err)
{
	struct worker *wk = rs_calloc(nthreads, sizeof(*wk));
	size_t n = sa->n, nl = sa->fw->nlevels, t, i, failed = sa->nruns;
	size_t pn = sa->mats != NULL ? n * sa->nn : ROWS * sa->nn;
	unsigned started = 0;
	struct timespec ts;
	int rc = 0;

	pthread_mutex_init(&sa->lock, NULL);
	pthread_cond_init(&sa->cond, NULL);
	for (t = 0; t < nthreads; t++) {
		wk[t].sa = sa;
		wk[t].failed = sa->nruns;
		wk[t].w = rs_malloc((sa->nn + 1) * sizeof(double));
		wk[t].cw = rs_malloc((sa->nn + 1) * sizeof(double));
		wk[t].norm = rs_malloc((n * sa->nind + 1) * sizeof(double));
		wk[t].scores = rs_malloc((pn + sa->nind + 1) * sizeof(double));
		wk[t].cov = rs_malloc((pn + sa->nind + 1) * sizeof(double));
		wk[t].index = rs_malloc((n + 1) * sizeof(double));
		wk[t].key = rs_malloc((2 * n + 1) * sizeof(uint64_t));
		wk[t].idx = rs_malloc((2 * n + 1) * sizeof(size_t));
		wk[t].rank = rs_malloc((n + 1) * sizeof(long));
		wk[t].levels = rs_calloc(n * nl + 1, sizeof(uint32_t));
		wk[t].vals = rs_malloc((n * sa->nind + 1) * sizeof(double));
		wk[t].area = rs_malloc((n * sa->ntop + 1) * sizeof(double));
		wk[t].achg = rs_calloc(n * sa->ntop + 1, sizeof(uint32_t));
	}
	sa->running = (int)nthreads;
	for (t = 0; t < nthreads; t++) {
		if (pthread_create(&wk[t].tid, NULL, work, &wk[t]) != 0)
			break;
		started++;
	}
	pthread_mutex_lock(&sa->lock);
	sa->running -= (int)(nthreads - started);
	if (started == 0) {
		pthread_mutex_unlock(&sa->lock);
		work(&wk[0]);	/* no thread to be had: work here */
		pthread_mutex_lock(&sa->lock);
	}
	while (sa->running > 0) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&sa->cond, &sa->lock, &ts);
		if (sa->spec->progress != NULL) {
			size_t done = sa->done;

			pthread_mutex_unlock(&sa->lock);
			sa->spec->progress(sa->spec->progress_arg, done,
			    sa->nruns);
			pthread_mutex_lock(&sa->lock);
		}
	}
	pthread_mutex_unlock(&sa->lock);
	for (t = 0; t < started; t++)
		pthread_join(wk[t].tid, NULL);
	for (t = 0; t < nthreads; t++) {
		if (wk[t].failed < failed) {
			failed = wk[t].failed;
			*err = wk[t].err;
			rc = err->code;
		}
		free(wk[t].w);
		free(wk[t].cw);
		free(wk[t].norm);
		free(wk[t].scores);
		free(wk[t].cov);
		free(wk[t].index);
		free(wk[t].key);
		free(wk[t].idx);
		free(wk[t].rank);
		free(wk[t].vals);
		free(wk[t].area);
	}
	/* integer counts: the sum is the same in any order */
	for (t = 1; t < nthreads; t++) {
		for (i = 0; i < n * nl; i++)
			wk[0].levels[i] += wk[t].levels[i];
		free(wk[t].levels);
		for (i = 0; i < n * sa->ntop; i++)
			wk[0].achg[i] += wk[t].achg[i];
		free(wk[t].achg);
	}
	sa->levels = wk[0].levels;
	sa->achg = wk[0].achg;
	pthread_cond_destroy(&sa->cond);
	pthread_mutex_destroy(&sa->lock);
	free(wk);
	return rc;
}

/* --- statistics ----------------------------------------------------- */

static size_t
rank_at(const struct sa *sa, size_t r, size_t i)
{
	return sa->r16 != NULL ? sa->r16[r * sa->n + i] :
	    sa->r32[r * sa->n + i];
}

/* The order statistic k (0-based) of the counts of ranks lo, lo+1, ... */
static double
order_stat(const size_t *count, size_t lo, size_t k)
{
	size_t v = 0, seen = 0;

	for (;; v++) {
		seen += count[v];
		if (seen > k)
			return (double)(lo + v);
	}
}

/*
 * The shortest run of adjacent entries of count[0 .. n) whose sum is at
 * least need (docs/sensitivity.md, "Results in words"); of two as short,
 * the one with the larger sum, then the first.  Returns the sum and sets
 * *a and *b (inclusive); when the whole array sums to less than need, the
 * span from the first to the last entry that is not 0.  Two pointers: the
 * shortest end for each start never moves back, so it is O(n).
 */
static size_t
shortest_interval(const size_t *count, size_t n, size_t need, size_t *a,
    size_t *b)
{
	size_t i, j = 0, sum = 0, best = 0, bw = (size_t)-1, total = 0;

	*a = *b = 0;
	for (i = 0; i < n; i++)
		total += count[i];
	if (total == 0)
		return 0;
	if (total < need) {
		for (i = 0; count[i] == 0; i++)
			;
		for (j = n - 1; count[j] == 0; j--)
			;
		*a = i;
		*b = j;
		return total;
	}
	/* sum is count[i .. j) */
	for (i = 0; i < n; i++) {
		while (j < n && sum < need)
			sum += count[j++];
		if (sum < need)
			break;
		if (j - i < bw || (j - i == bw && sum > best)) {
			bw = j - i;
			best = sum;
			*a = i;
			*b = j - 1;
		}
		sum -= count[i];
	}
	return best;
}

/* RS_SA_INTERVAL percent of n runs, rounded up. */
static size_t
interval_need(size_t n)
{
	return (n / 100) * RS_SA_INTERVAL + ((n % 100) * RS_SA_INTERVAL + 99) /
	    100;
}

/*
 * Mean, median, 5th and 95th percentile (R's type 7) of each unit's rank
 * over the first nstat runs in which it has one (methodology.md, "Rank":
 * a run that gives it no score gives it no rank, and counts in its
 * no-score share instead); NaN when no run ranks it.  Ranks are whole
 * numbers from 1 to n: a count per rank gives the order statistics
 * without sorting, and the sum is exact.  Units are taken in blocks so
 * that the run-major ranks are read a cache line at a time.
 */
static void
rank_stats(const struct sa *sa, struct rs_sa_result *res)
{
	enum { BLOCK = 64 };
	size_t n = sa->n, i0, i, r, b, nb, rk, m, m2, ia, ib;
	size_t lo[BLOCK], hi[BLOCK], cnt[BLOCK], *count;
	uint64_t sum[BLOCK];
	static const double p[3] = {0.5, 0.05, 0.95};
	double *out[3], h, fl, x0, x1;
	int q;

	out[0] = res->median;
	out[1] = res->q5;
	out[2] = res->q95;
	count = rs_malloc((n + 2) * sizeof(size_t));
	for (i0 = 0; i0 < n; i0 += BLOCK) {
		nb = n - i0 < BLOCK ? n - i0 : BLOCK;
		for (b = 0; b < nb; b++) {
			lo[b] = n + 1;
			hi[b] = 0;
			sum[b] = 0;
			cnt[b] = 0;
		}
		for (r = 0; r < sa->nstat; r++)
			for (b = 0; b < nb; b++) {
				rk = rank_at(sa, r, i0 + b);
				if (rk == 0)
					continue;
				lo[b] = rk < lo[b] ? rk : lo[b];
				hi[b] = rk > hi[b] ? rk : hi[b];
				sum[b] += rk;
				cnt[b]++;
			}
		for (b = 0; b < nb; b++) {
			i = i0 + b;
			m = cnt[b];
			if (m == 0) {
				res->mean[i] = out[0][i] = out[1][i] =
				    out[2][i] = (double)NAN;
				res->rank_lo[i] = res->rank_hi[i] = 0;
				res->rank_share[i] = 0;
				continue;
			}
			memset(count, 0, (hi[b] - lo[b] + 1) * sizeof(size_t));
			for (r = 0; r < sa->nstat; r++)
				if ((rk = rank_at(sa, r, i)) > 0)
					count[rk - lo[b]]++;
			res->mean[i] = (double)sum[b] / (double)m;
			m2 = shortest_interval(count, hi[b] - lo[b] + 1,
			    interval_need(sa->nstat), &ia, &ib);
			res->rank_lo[i] = (long)(lo[b] + ia);
			res->rank_hi[i] = (long)(lo[b] + ib);
			res->rank_share[i] = (double)m2 / (double)sa->nstat;
			for (q = 0; q < 3; q++) {
				h = (double)(m - 1) * p[q];
				fl = floor(h);
				x0 = order_stat(count, lo[b], (size_t)fl);
				x1 = (size_t)fl + 1 < m ? order_stat(count,
				    lo[b], (size_t)fl + 1) : x0;
				out[q][i] = x0 + (h - fl) * (x1 - x0);
			}
		}
	}
	free(count);
}

void
rs_sobol_design(size_t n, size_t d, uint64_t seed, double *u)
{
	size_t j, k, i;
	struct rs_rng r;

	for (j = 0; j < n; j++) {
		rs_rng_stream(&r, seed, TAG_DESIGN, j);
		for (k = 0; k < d; k++)
			u[j * d + k] = rs_rng_uniform(&r);	/* A */
		for (k = 0; k < d; k++)
			u[(n + j) * d + k] = rs_rng_uniform(&r);	/* B */
	}
	/* AB_i: A with column i from B (COINr's SA_sample) */
	for (i = 0; i < d; i++)
		for (j = 0; j < n; j++) {
			memcpy(u + ((2 + i) * n + j) * d, u + j * d,
			    d * sizeof(double));
			u[((2 + i) * n + j) * d + i] = u[(n + j) * d + i];
		}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
rs_sobol_estimate(const double *y, size_t n, size_t d, size_t nboot,
    uint64_t seed, double *si, double *sti, double *si_q5, double *si_q95,
    double *sti_q5, double *sti_q95)
{
	const double *ya = y, *yb = y + n, *yab;
	double mean = 0, var = 0, sa, st, *bs, *bt, dv;
	size_t i, j, b, k;
	struct rs_rng r;

	/* var(c(yA, yB)), R's var: denominator 2n - 1 */
	for (j = 0; j < 2 * n; j++)
		mean += y[j];
	mean /= (double)(2 * n);
	for (j = 0; j < 2 * n; j++)
		var += (y[j] - mean) * (y[j] - mean);
	var /= (double)(2 * n - 1);
	bs = rs_malloc((nboot + 1) * sizeof(double));
	bt = rs_malloc((nboot + 1) * sizeof(double));
	for (i = 0; i < d; i++) {
		yab = y + (2 + i) * n;
		/* Si = mean(yB (yABi - yA)) / V; STi = sum((yA - yABi)^2) / 2nV */
		sa = 0;
		st = 0;
		for (j = 0; j < n; j++) {
			sa += yb[j] * (yab[j] - ya[j]);
			st += (ya[j] - yab[j]) * (ya[j] - yab[j]);
		}
		si[i] = sa / (double)n / var;
		sti[i] = st / (2 * (double)n * var);
		if (nboot == 0) {
			si_q5[i] = si_q95[i] = sti_q5[i] = sti_q95[i] =
			    (double)NAN;
			continue;
		}
		/* each estimator's terms resampled on their own, as COINr */
		rs_rng_stream(&r, seed, TAG_BOOT, i);
		for (b = 0; b < nboot; b++) {
			sa = 0;
			for (j = 0; j < n; j++) {
				k = pick(rs_rng_uniform(&r), n);
				sa += yb[k] * (yab[k] - ya[k]);
			}
			st = 0;
			for (j = 0; j < n; j++) {
				k = pick(rs_rng_uniform(&r), n);
				dv = ya[k] - yab[k];
				st += dv * dv;
			}
			bs[b] = sa / (double)n / var;
			bt[b] = st / (2 * (double)n * var);
		}
		qsort(bs, nboot, sizeof(double), cmp_double);
		qsort(bt, nboot, sizeof(double), cmp_double);
		si_q5[i] = rs_quantile7(bs, nboot, 0.05);
		si_q95[i] = rs_quantile7(bs, nboot, 0.95);
		sti_q5[i] = rs_quantile7(bt, nboot, 0.05);
		sti_q95[i] = rs_quantile7(bt, nboot, 0.95);
	}
	free(bs);
	free(bt);
	return var;
}

/* --- setting up ----------------------------------------------------- */

/* Which inputs vary and how many alternatives each has. */
static int
choose_inputs(struct sa *sa, const struct rs_pipeline_spec *spec,
    size_t ncities, struct rs_error *err)
{
	const struct rs_sa_spec *s = sa->spec;
	int pipe = spec != NULL, i;

	if (!pipe && (s->nnorms > 0 || s->winmax_lo > 0))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--vary-%s "
		    "needs a framework with a pipeline; the scoring contract "
		    "normalises by goalposts alone", s->nnorms > 0 ?
		    "normalise" : "winmax");
	if (pipe && s->goalpost_noise > 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--goalpost-"
		    "noise applies to the scoring contract, not to a "
		    "framework with a pipeline (vary its normaliser instead)");
	if (pipe && (s->vary_year || s->vary_proxies || s->coverage_lo > 0))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--vary-%s "
		    "applies to the scoring contract, not to a framework with "
		    "a pipeline (its own steps choose the year and the "
		    "coverage)", s->vary_year ? "year" : s->vary_proxies ?
		    "proxies" : "min-coverage");
	if ((s->vary_year || s->vary_proxies) && (s->cells == NULL ||
	    s->cells->ncells != sa->nind * ncities))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--vary-year "
		    "and --vary-proxies need the data's values of every city "
		    "and indicator");
	if (s->coverage_lo > 0 && !(s->coverage_lo <= s->coverage_hi &&
	    s->coverage_hi <= 1))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--vary-min-"
		    "coverage takes LO,HI with 0 < LO <= HI <= 1");
	sa->nalts[RS_SA_WEIGHTS] = s->weight_sets;
	sa->nalts[RS_SA_GOALPOSTS] = s->goalpost_sets;
	sa->nalts[RS_SA_EXCLUDE] = sa->nind;
	sa->nalts[RS_SA_WINMAX] = s->winmax_lo > 0 ?
	    (size_t)(s->winmax_hi - s->winmax_lo + 1) : 1;
	sa->nalts[RS_SA_NORMALISE] = s->nnorms > 0 ? s->nnorms : 1;
	sa->nalts[RS_SA_AGGREGATE] = s->naggs;
	sa->nalts[RS_SA_YEAR] = s->year_sets;
	sa->nalts[RS_SA_PROXIES] = s->proxy_sets;
	sa->nalts[RS_SA_COVERAGE] = 0;
	for (i = 0; i < RS_SA_NINPUTS; i++) {
		int on = i == RS_SA_WEIGHTS ? s->weight_noise > 0 &&
		    s->levels != 0 :
		    i == RS_SA_GOALPOSTS ? s->goalpost_noise > 0 :
		    i == RS_SA_EXCLUDE ? s->exclude :
		    i == RS_SA_WINMAX ? s->winmax_lo > 0 :
		    i == RS_SA_NORMALISE ? s->nnorms > 0 :
		    i == RS_SA_AGGREGATE ? s->naggs > 0 :
		    i == RS_SA_YEAR ? s->vary_year :
		    i == RS_SA_PROXIES ? s->vary_proxies :
		    s->coverage_lo > 0;

		if (on)
			sa->input[sa->d++] = i;
	}
	if (sa->d == 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "nothing varies: "
		    "give --weight-noise, --goalpost-noise, "
		    "--exclude-indicators, --vary-normalise, --vary-aggregate, "
		    "--vary-winmax, --vary-year, --vary-proxies or "
		    "--vary-min-coverage");
	if (s->exclude && sa->nind < 2)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--exclude-"
		    "indicators needs at least two indicators");
	return 0;
}

/*
 * The bytes that the runs of n units take (RS_MAX_WORK): the ranks of
 * every run that counts, the design, each worker's arrays and, for a
 * pipeline, the normalised matrix of every (winsorisation limit,
 * normaliser) pair.  Counted in double so that no product overflows.
 */
static double
work_bytes(const struct sa *sa, double n, double runs, int pipeline)
{
	const struct rs_sa_spec *s = sa->spec;
	double nn = (double)sa->nn, ni = (double)sa->nind;
	double nl = (double)sa->fw->nlevels, d = (double)sa->d;
	double nruns = s->sobol ? runs * (d + 2) : runs;
	double nstat = s->sobol ? 2 * runs : runs;
	double pn = pipeline ? n * nn : nn, worker, mats = 0;

	worker = 8 * (2 * nn + 2 * n * ni + 2 * (pn + ni) + n +
	    n * (double)sa->ntop) + 4 * n * (double)sa->ntop +
	    n * (2 * 8 + 2 * sizeof(size_t) + sizeof(long) + 4 * nl);
	if (pipeline)
		mats = (double)sa->nalts[RS_SA_WINMAX] *
		    (double)sa->nalts[RS_SA_NORMALISE] * n * ni * 8;
	return nstat * n * (n < 65536 ? 2 : 4) + nruns * (d * 16 + 8) +
	    (double)s->threads * worker + mats;
}

/*
 * Refuse, before allocating, runs of n units that would take more than
 * RS_MAX_WORK, with the number of runs that would fit.
 */
static int
check_work(const struct sa *sa, size_t n, int pipeline,
    struct rs_error *err)
{
	const struct rs_sa_spec *s = sa->spec;
	double need = work_bytes(sa, (double)n, (double)s->runs, pipeline);
	double fixed = work_bytes(sa, (double)n, 0, pipeline);
	double per = work_bytes(sa, (double)n, 1, pipeline) - fixed;
	double fit = ((double)RS_MAX_WORK - fixed) / per;
	const char *what = pipeline ? "units" : "cities";

	if (need <= (double)RS_MAX_WORK)
		return 0;
	if (fit >= 1)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "%zu runs of "
		    "%zu %s need %.0f MiB of memory, more than the limit of "
		    "%zu MiB: at most %.0f runs%s", s->runs, n, what,
		    need / 1048576, RS_MAX_WORK >> 20, floor(fit),
		    s->sobol ? " (the base sample of --sobol)" : "");
	return rs_error_set(err, RS_EUSAGE, "", 0, 0, "%zu %s on %u threads "
	    "need %.0f MiB of memory before any run, more than the limit "
	    "of %zu MiB: give fewer --threads%s", n, what, s->threads,
	    fixed / 1048576, RS_MAX_WORK >> 20,
	    pipeline ? " or fewer alternatives to vary" : "");
}

/*
 * A pipeline: the nominal run, then the normalised matrix of every
 * (winsorisation limit, normaliser) pair and a spec per aggregator.
 */
static int
setup_pipeline(struct sa *sa, const struct rs_pipeline_spec *spec,
    const struct rs_table *t, struct rs_sa_result *res, struct rs_error *err)
{
	const struct rs_sa_spec *s = sa->spec;
	struct rs_pipeline_result nom, pr;
	struct rs_pipeline_spec *ws = NULL, *ns = NULL;
	size_t nw = sa->nalts[RS_SA_WINMAX], nnorm = sa->nalts[RS_SA_NORMALISE];
	size_t na = s->naggs > 0 ? s->naggs : 1, i, j, k;
	int rc;

	memset(&pr, 0, sizeof(pr));
	if ((rc = rs_pipeline_run(sa->fw, spec, t, &nom, err)) != 0)
		goto out;
	sa->n = nom.nunits;
	if ((rc = check_work(sa, sa->n, 1, err)) != 0)
		goto out;
	res->unit = rs_malloc((sa->n + 1) * sizeof(char *));
	res->score = rs_malloc((sa->n + 1) * sizeof(double));
	for (i = 0; i < sa->n; i++) {
		res->unit[i] = nom.unit[nom.kept[i]];
		res->score[i] = nom.index[i];
	}
	sa->area0 = rs_malloc((sa->n * sa->ntop + 1) * sizeof(double));
	for (i = 0; i < sa->n; i++)
		for (k = 0; k < sa->ntop; k++)
			sa->area0[i * sa->ntop + k] = nom.scores[i *
			    sa->fw->nnodes + sa->fw->top[k]];
	sa->units = res->unit;
	sa->mats = rs_calloc(nw * nnorm + 1, sizeof(double *));
	for (i = 0; i < nw && rc == 0; i++) {
		const double *treated = nom.treated;

		if (s->winmax_lo > 0) {
			ws = rs_pipeline_spec_copy(spec);
			ws->winmax = s->winmax_lo + (int)i;
			rc = rs_pipeline_run(sa->fw, ws, t, &pr, err);
			rs_pipeline_spec_free(ws);
			if (rc != 0)
				break;
			treated = pr.treated;
		}
		for (j = 0; j < nnorm; j++) {
			ns = rs_pipeline_spec_copy(spec);
			if (s->nnorms > 0) {
				ns->norm = s->norms[j];
				for (k = 0; k < ns->nnode; k++)
					ns->node[k].has_norm = 0;
			}
			sa->mats[i * nnorm + j] = rs_malloc((sa->n *
			    sa->nind + 1) * sizeof(double));
			rs_pipeline_normalise(sa->fw, ns, treated, sa->n,
			    sa->mats[i * nnorm + j]);
			rs_pipeline_spec_free(ns);
		}
		rs_pipeline_result_release(&pr);
	}
	/*
	 * rs_pipeline_check() is not asked about the alternatives: COINr
	 * lets a geometric mean meet z-scores and fails the run only when
	 * a value <= 0 turns up, and so do we.
	 */
	sa->aspec = rs_calloc(na + 1, sizeof(struct rs_pipeline_spec *));
	for (i = 0; i < na; i++) {
		sa->aspec[i] = rs_pipeline_spec_copy(spec);
		if (s->naggs == 0)
			continue;
		sa->aspec[i]->agg = s->aggs[i];
		for (k = 0; k < sa->aspec[i]->nnode; k++)
			sa->aspec[i]->node[k].agg = -1;
	}
out:
	rs_pipeline_result_release(&pr);
	rs_pipeline_result_release(&nom);
	return rc;
}

/* The scoring contract: goalpost scores once, the nominal run as any. */
static void
setup_contract(struct sa *sa, const double *values, const char *const *names,
    size_t ncities, struct rs_sa_result *res)
{
	size_t i, k, nind = sa->nind;
	double *worst = rs_malloc((nind + 1) * sizeof(double));
	double *best = rs_malloc((nind + 1) * sizeof(double));
	double *s = rs_malloc((ROWS * sa->nn + 1) * sizeof(double));

	sa->worst0 = worst;
	sa->best0 = best;
	sa->area0 = rs_malloc((ncities * sa->ntop + 1) * sizeof(double));
	sa->n = ncities;
	sa->values = values;
	res->unit = rs_malloc((ncities + 1) * sizeof(char *));
	res->score = rs_malloc((ncities + 1) * sizeof(double));
	for (i = 0; i < ncities; i++)
		res->unit[i] = names[i];
	for (k = 0; k < nind; k++) {
		worst[k] = sa->fw->nodes[sa->fw->indicators[k]].worst;
		best[k] = sa->fw->nodes[sa->fw->indicators[k]].best;
	}
	sa->norm0 = rs_malloc((ncities * nind + 1) * sizeof(double));
	goalpost_scores(sa->fw, values, ncities, worst, best, sa->norm0);
	contract_scores(sa, sa->norm0, sa->base, sa->base, RS_AGG_AMEAN,
	    sa->fw->min_coverage, s, res->score, sa->area0, ncities);
	free(s);
}

int
rs_sensitivity_run(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const struct rs_table *t,
    const double *values, const char *const *names, size_t ncities,
    const struct rs_sa_spec *s, struct rs_sa_result *res,
    struct rs_error *err)
{
	struct sa sa;
	size_t i, j, k, n, nl = fw->nlevels, d, m, lo, hi, *lcount;
	struct rs_rng r;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&sa, 0, sizeof(sa));
	sa.fw = fw;
	sa.spec = s;
	sa.nn = fw->nnodes;
	sa.nind = fw->nindicators;
	sa.ntop = fw->ntop;
	if (s->runs == 0 || s->threads == 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "the analysis "
		    "needs at least one run and one thread");
	if (s->sobol && s->runs < 2)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "a sensitivity "
		    "analysis needs a base sample of at least 2 runs");
	if ((rc = choose_inputs(&sa, spec, ncities, err)) != 0)
		return rc;
	d = sa.d;
	sa.base = rs_malloc((sa.nn + 1) * sizeof(double));
	sa.noisy = rs_calloc(sa.nn + 1, 1);
	for (k = 0; k < sa.nn; k++) {
		int lv = rs_node_level(fw, k);

		sa.base[k] = fw->nodes[k].weight;
		sa.noisy[k] = lv < 32 && (s->levels >> lv & 1u);
	}
	if (spec != NULL)
		rc = setup_pipeline(&sa, spec, t, res, err);
	else if ((rc = check_work(&sa, ncities, 0, err)) == 0)
		setup_contract(&sa, values, names, ncities, res);
	if (rc != 0)
		goto out;
	n = res->nunits = sa.n;
	res->nlevels = nl;
	res->ninputs = d;
	for (j = 0; j < d; j++) {
		res->input[j] = sa.input[j];
		res->nalts[j] = sa.nalts[sa.input[j]];
	}
	/* the nominal ranks (methodology.md, "Rank"): 0 for no score */
	res->nominal = rs_malloc((n + 1) * sizeof(long));
	rs_rank_desc(res->score, n, 1, res->nominal);
	sa.nominal = res->nominal;

	/* the design */
	sa.nruns = res->nruns = s->sobol ? s->runs * (d + 2) : s->runs;
	sa.nstat = s->sobol ? 2 * s->runs : s->runs;
	res->u = rs_malloc((sa.nruns * d + 1) * sizeof(double));
	res->alt = rs_calloc(sa.nruns * d + 1, sizeof(size_t));
	if (s->sobol) {
		rs_sobol_design(s->runs, d, s->seed, res->u);
	} else {
		for (j = 0; j < sa.nruns; j++) {
			rs_rng_stream(&r, s->seed, TAG_DESIGN, j);
			for (k = 0; k < d; k++)
				res->u[j * d + k] = rs_rng_uniform(&r);
		}
	}
	sa.u = res->u;
	sa.alt = res->alt;
	res->y = rs_malloc((sa.nruns + 1) * sizeof(double));
	sa.y = res->y;
	if (n < 65536)
		sa.r16 = rs_malloc((sa.nstat * n + 1) * sizeof(uint16_t));
	else
		sa.r32 = rs_malloc((sa.nstat * n + 1) * sizeof(uint32_t));
	if ((rc = run_all(&sa, s->threads, err)) != 0)
		goto out;

	res->mean = rs_malloc((n + 1) * sizeof(double));
	res->median = rs_malloc((n + 1) * sizeof(double));
	res->q5 = rs_malloc((n + 1) * sizeof(double));
	res->q95 = rs_malloc((n + 1) * sizeof(double));
	res->rank_lo = rs_malloc((n + 1) * sizeof(long));
	res->rank_hi = rs_malloc((n + 1) * sizeof(long));
	res->rank_share = rs_malloc((n + 1) * sizeof(double));
	rank_stats(&sa, res);
	res->prob = rs_malloc((n * nl + 1) * sizeof(double));
	res->none = rs_malloc((n + 1) * sizeof(double));
	res->level_lo = rs_malloc((n + 1) * sizeof(size_t));
	res->level_hi = rs_malloc((n + 1) * sizeof(size_t));
	res->level_share = rs_malloc((n + 1) * sizeof(double));
	res->nareas = sa.ntop;
	res->area_change = rs_malloc((n * sa.ntop + 1) * sizeof(double));
	lcount = rs_malloc((nl + 1) * sizeof(size_t));
	for (i = 0; i < n; i++) {
		size_t scored = 0;

		for (j = 0; j < nl; j++) {
			scored += sa.levels[i * nl + j];
			res->prob[i * nl + j] = (double)sa.levels[i * nl + j] /
			    (double)sa.nstat;
		}
		res->none[i] = (double)(sa.nstat - scored) / (double)sa.nstat;
		res->level_lo[i] = res->level_hi[i] = RS_NONE;
		res->level_share[i] = 0;
		if (nl > 0) {
			for (j = 0; j < nl; j++)
				lcount[j] = sa.levels[i * nl + j];
			m = shortest_interval(lcount, nl,
			    interval_need(sa.nstat), &lo, &hi);
			if (m > 0) {
				res->level_lo[i] = lo;
				res->level_hi[i] = hi;
				res->level_share[i] = (double)m /
				    (double)sa.nstat;
			}
		}
		for (k = 0; k < sa.ntop; k++)
			res->area_change[i * sa.ntop + k] = (double)sa.achg[i *
			    sa.ntop + k] / (double)sa.nstat;
	}
	free(lcount);
	if (s->sobol) {
		res->si = rs_malloc((d + 1) * sizeof(double));
		res->sti = rs_malloc((d + 1) * sizeof(double));
		res->si_q5 = rs_malloc((d + 1) * sizeof(double));
		res->si_q95 = rs_malloc((d + 1) * sizeof(double));
		res->sti_q5 = rs_malloc((d + 1) * sizeof(double));
		res->sti_q95 = rs_malloc((d + 1) * sizeof(double));
		res->variance = rs_sobol_estimate(res->y, s->runs, d,
		    s->bootstrap, s->seed, res->si, res->sti, res->si_q5,
		    res->si_q95, res->sti_q5, res->sti_q95);
		/* docs/sensitivity.md, "Sensitivity indices": or noise */
		res->estimable = res->variance > 0 &&
		    res->variance >= s->min_variance;
	}
out:
	if (sa.mats != NULL)
		for (i = 0; i < sa.nalts[RS_SA_WINMAX] *
		    sa.nalts[RS_SA_NORMALISE]; i++)
			free(sa.mats[i]);
	free(sa.mats);
	if (sa.aspec != NULL)
		for (i = 0; i < (s->naggs > 0 ? s->naggs : 1); i++)
			rs_pipeline_spec_free(sa.aspec[i]);
	free(sa.aspec);
	free(sa.base);
	free(sa.noisy);
	free(sa.norm0);
	free(sa.worst0);
	free(sa.best0);
	free(sa.area0);
	free(sa.achg);
	free(sa.r16);
	free(sa.r32);
	free(sa.levels);
	return rc;
}

/* --- the data choices ----------------------------------------------- */

/* Does s contain the ASCII word w, in either case? */
static int
contains_nocase(const char *s, const char *w)
{
	size_t n = strlen(w), i;

	for (; *s != '\0'; s++) {
		for (i = 0; i < n; i++) {
			char a = s[i], b = w[i];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

static int
equal_nocase(const char *s, const char *w)
{
	return strlen(s) == strlen(w) && contains_nocase(s, w);
}

int
rs_sa_obs_proxy(const struct rs_dataset *ds, const struct rs_obs *o)
{
	size_t k;

	for (k = o->extra; k < (size_t)o->extra + o->nextra; k++) {
		const char *col = ds->extra_names[ds->extras[k].column];
		const char *v = ds->extras[k].value;

		if (strcmp(col, "note") == 0 && contains_nocase(v,
		    "national proxy"))
			return 1;
		if (strcmp(col, "level") == 0 && equal_nocase(v, "national"))
			return 1;
	}
	return 0;
}

/* Is observation o a candidate of the window around year? */
static int
in_window(const struct rs_obs *o, long year, long window)
{
	long d = (long)o->year - year;

	return !isnan(o->value) && o->has_year != RS_YEAR_NONE &&
	    d >= -window && d <= window;
}

void
rs_sa_cells_build(const struct rs_dataset *ds, const size_t *chosen,
    long year, long window, struct rs_sa_cells *c)
{
	size_t nind = ds->fw->nindicators, n = ds->ncities * nind, i, k, at;
	size_t *fill;
	const struct rs_obs *o;

	memset(c, 0, sizeof(*c));
	c->ncells = n;
	c->first = rs_calloc(n + 2, sizeof(size_t));
	/* count: first[i + 1] is the candidates of cell i */
	if (window >= 0)
		for (k = 0; k < ds->nobs; k++) {
			o = &ds->obs[k];
			if (in_window(o, year, window))
				c->first[o->city * nind + o->indicator + 1]++;
		}
	for (i = 0; i < n; i++)
		if (c->first[i + 1] == 0 && chosen[i] != RS_NONE &&
		    !isnan(rs_dataset_obs(ds, chosen[i])->value))
			c->first[i + 1] = 1;	/* its chosen value alone */
	for (i = 0; i < n; i++)
		c->first[i + 1] += c->first[i];
	c->value = rs_malloc((c->first[n] + 1) * sizeof(double));
	c->year = rs_malloc((c->first[n] + 1) * sizeof(long));
	c->proxy = rs_malloc(c->first[n] + 1);
	fill = rs_malloc((n + 1) * sizeof(size_t));
	memcpy(fill, c->first, n * sizeof(size_t));
	if (window >= 0)
		for (k = 0; k < ds->nobs; k++) {
			o = &ds->obs[k];
			if (!in_window(o, year, window))
				continue;
			i = o->city * nind + o->indicator;
			/* insert by year: a cell holds a few */
			for (at = fill[i]++; at > c->first[i] &&
			    c->year[at - 1] > o->year; at--) {
				c->value[at] = c->value[at - 1];
				c->year[at] = c->year[at - 1];
				c->proxy[at] = c->proxy[at - 1];
			}
			c->value[at] = o->value;
			c->year[at] = o->year;
			c->proxy[at] = (unsigned char)rs_sa_obs_proxy(ds, o);
		}
	for (i = 0; i < n; i++)
		if (fill[i] < c->first[i + 1]) {
			o = rs_dataset_obs(ds, chosen[i]);
			at = fill[i];
			c->value[at] = o->value;
			c->year[at] = o->has_year != RS_YEAR_NONE ? o->year : 0;
			c->proxy[at] = (unsigned char)rs_sa_obs_proxy(ds, o);
		}
	free(fill);
}

void
rs_sa_cells_release(struct rs_sa_cells *c)
{
	free(c->first);
	free(c->value);
	free(c->year);
	free(c->proxy);
	memset(c, 0, sizeof(*c));
}
