/*
 * timeline.c - the trend of every city year by year and the shock and
 * the recovery, as docs/methodology.md ("Trend", "Shock and recovery")
 * defines them
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "resilience/change.h"
#include "resilience/engine.h"
#include "resilience/timeline.h"

/* The values of every city in year y, as o says: dated ones only. */
static void
select_year(const struct rs_dataset *ds, long y,
    const struct rs_timeline_opts *o, size_t *chosen, double *values)
{
	struct rs_select spec = {1, y, o->has_max_age ? o->max_age : 0, 0};
	size_t i, n = ds->ncities * ds->fw->nindicators;

	rs_dataset_select_spec(ds, &spec, chosen, NULL);
	for (i = 0; i < n; i++)
		values[i] = chosen[i] == RS_NONE ? (double)NAN :
		    rs_dataset_obs(ds, chosen[i])->value;
}

static double
diff(double a, double b)
{
	if (isnan(a) || isnan(b))
		return (double)NAN;
	return a - b + 0.0;	/* never -0 */
}

/* Too many cells for one run (limits.h)? */
static int
too_big(size_t a, size_t b, size_t c)
{
	return a != 0 && b != 0 && (b > RS_MAX_CELLS / a ||
	    c > RS_MAX_CELLS / (a * b));
}

size_t
rs_trend_cell(const struct rs_trend *t, size_t c, size_t y, size_t node)
{
	return (c * t->nyears + y) * (t->nnodes + 1) +
	    (node == RS_NONE ? t->nnodes : node);
}

int
rs_trend_compute(struct rs_trend *t, const struct rs_dataset *ds,
    long from, long to, const struct rs_timeline_opts *o,
    struct rs_error *err)
{
	const struct rs_framework *fw = ds->fw;
	struct rs_change_scratch *z = NULL;
	struct rs_city_result c = {0};
	size_t nc = ds->ncities, nind = fw->nindicators, w = fw->nnodes + 1;
	size_t y, ci, k, cell;
	double *values, *prev, *tmp;
	size_t *chosen;

	memset(t, 0, sizeof(*t));
	t->from = from;
	t->to = to;
	t->nyears = (size_t)(to - from + 1);
	t->ncities = nc;
	t->nnodes = fw->nnodes;
	t->nindicators = nind;
	if (too_big(nc, t->nyears, w) || too_big(nc, t->nyears, nind + 1))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "a trend of %zu "
		    "cities over %zu years is more than %zu cells",
		    nc, t->nyears, RS_MAX_CELLS);
	t->score = rs_malloc((nc * t->nyears * w + 1) * sizeof(double));
	t->coverage = rs_malloc((nc * t->nyears * w + 1) * sizeof(double));
	t->like = rs_malloc((nc * t->nyears * w + 1) * sizeof(double));
	t->chosen = rs_malloc((nc * t->nyears * nind + 1) * sizeof(size_t));
	chosen = rs_malloc((nc * nind + 1) * sizeof(size_t));
	values = rs_malloc((nc * nind + 1) * sizeof(double));
	prev = rs_malloc((nc * nind + 1) * sizeof(double));
	for (y = 0; y < t->nyears; y++) {
		select_year(ds, from + (long)y, o, chosen, values);
		for (ci = 0; ci < nc; ci++) {
			memcpy(t->chosen + (ci * t->nyears + y) * nind,
			    chosen + ci * nind, nind * sizeof(size_t));
			rs_engine_score_nodes(fw, values + ci * nind, &c);
			cell = rs_trend_cell(t, ci, y, 0);
			for (k = 0; k < fw->nnodes; k++) {
				t->score[cell + k] = c.score_of[k];
				t->coverage[cell + k] = c.coverage_of[k];
			}
			t->score[cell + fw->nnodes] = c.score;
			t->coverage[cell + fw->nnodes] = c.coverage;
			if (y == 0) {
				for (k = 0; k < w; k++)
					t->like[cell + k] = (double)NAN;
				continue;
			}
			/* methodology.md, "Trend": like for like on C */
			rs_change_like(fw, values + ci * nind, prev +
			    ci * nind, t->like + cell, &z);
		}
		tmp = prev;
		prev = values;
		values = tmp;
	}
	rs_change_scratch_free(z);
	free(c.value);
	free(c.score_of);
	free(c.coverage_of);
	free(chosen);
	free(values);
	free(prev);
	return 0;
}

void
rs_trend_release(struct rs_trend *t)
{
	free(t->score);
	free(t->coverage);
	free(t->like);
	free(t->chosen);
	memset(t, 0, sizeof(*t));
}

/* ---- the shock ---------------------------------------------------- */

double
rs_shock_loss(double before, double shock)
{
	return diff(before, shock);
}

double
rs_shock_rebound(double shock, double after)
{
	return diff(after, shock);
}

double
rs_shock_net(double before, double after)
{
	return diff(after, before);
}

double
rs_shock_ratio(double loss, double rebound)
{
	if (isnan(loss) || isnan(rebound) || !(loss > 0))
		return (double)NAN;
	return rebound / loss;
}

double
rs_shock_relative(double from, double to)
{
	if (isnan(from) || isnan(to) || !(fabs(from) > 0))
		return (double)NAN;
	return (to - from) / fabs(from);
}

double
rs_shock_index(double r_city, double r_ref)
{
	if (isnan(r_city) || isnan(r_ref) || !(fabs(r_ref) > 0))
		return (double)NAN;
	return (r_city - r_ref) / fabs(r_ref);
}

double
rs_shock_score(const struct rs_shock *s, size_t c, int t, size_t node)
{
	return s->score[(c * RS_SHOCK_MOMENTS + (size_t)t) * (s->nnodes + 1) +
	    (node == RS_NONE ? s->nnodes : node)];
}

/*
 * methodology.md, "Years to recover": 0 when the indicator did not fall,
 * else the years from the shock to the first later year whose value
 * scores at least S_B; NaN when there is none.
 */
static void
years_to_recover(struct rs_shock *s, const struct rs_dataset *ds,
    const struct rs_shock_spec *spec, const struct rs_timeline_opts *o)
{
	const struct rs_framework *fw = ds->fw;
	size_t nc = ds->ncities, nind = fw->nindicators, ci, k, node;
	size_t *chosen = rs_malloc((nc * nind + 1) * sizeof(size_t));
	double *values = rs_malloc((nc * nind + 1) * sizeof(double));
	double *ytr = s->years_to_recover, loss, sb;
	long last = rs_dataset_last_year(ds, NULL), y;
	unsigned char *open = rs_calloc(nc * nind + 1, 1);

	for (ci = 0; ci < nc; ci++) {
		for (node = 0; node < fw->nnodes; node++)
			ytr[ci * fw->nnodes + node] = (double)NAN;
		for (k = 0; k < nind; k++) {
			node = fw->indicators[k];
			loss = rs_shock_loss(rs_shock_score(s, ci,
			    RS_SHOCK_BEFORE, node), rs_shock_score(s, ci,
			    RS_SHOCK_SHOCK, node));
			if (isnan(loss))
				continue;
			if (loss <= 0)
				ytr[ci * fw->nnodes + node] = 0;
			else
				open[ci * nind + k] = 1;
		}
	}
	for (y = spec->year[RS_SHOCK_SHOCK] + 1; y <= last; y++) {
		select_year(ds, y, o, chosen, values);
		for (ci = 0; ci < nc; ci++)
			for (k = 0; k < nind; k++) {
				if (!open[ci * nind + k] ||
				    isnan(values[ci * nind + k]))
					continue;
				node = fw->indicators[k];
				sb = rs_shock_score(s, ci, RS_SHOCK_BEFORE,
				    node);
				if (!(rs_indicator_score(&fw->nodes[node],
				    values[ci * nind + k]) >= sb))
					continue;
				ytr[ci * fw->nnodes + node] = (double)(y -
				    spec->year[RS_SHOCK_SHOCK]);
				open[ci * nind + k] = 0;
			}
	}
	free(open);
	free(chosen);
	free(values);
}

int
rs_shock_compute(struct rs_shock *s, const struct rs_dataset *ds,
    const struct rs_shock_spec *spec, const struct rs_timeline_opts *o,
    struct rs_error *err)
{
	const struct rs_framework *fw = ds->fw;
	struct rs_city_result c = {0};
	size_t nc = ds->ncities, nind = fw->nindicators, w = fw->nnodes + 1;
	size_t ci, k, t, cell, node, j;
	double *values[RS_SHOCK_MOMENTS], *common, r[2][RS_SHOCK_MOMENTS];
	size_t *chosen;
	int all;

	memset(s, 0, sizeof(*s));
	s->ncities = nc;
	s->nnodes = fw->nnodes;
	s->nseries = spec->nseries;
	if (too_big(nc, RS_SHOCK_MOMENTS, w))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "a shock "
		    "analysis of %zu cities is more than %zu cells", nc,
		    RS_MAX_CELLS);
	s->score = rs_malloc((nc * RS_SHOCK_MOMENTS * w + 1) *
	    sizeof(double));
	s->years_to_recover = rs_malloc((nc * fw->nnodes + 1) *
	    sizeof(double));
	s->resistance = rs_malloc((nc * spec->nseries + 1) * sizeof(double));
	s->recovery = rs_malloc((nc * spec->nseries + 1) * sizeof(double));
	chosen = rs_malloc((nc * nind + 1) * sizeof(size_t));
	common = rs_malloc((nind + 1) * sizeof(double));
	for (t = 0; t < RS_SHOCK_MOMENTS; t++) {
		values[t] = rs_malloc((nc * nind + 1) * sizeof(double));
		select_year(ds, spec->year[t], o, chosen, values[t]);
	}
	for (ci = 0; ci < nc; ci++) {
		for (t = 0; t < RS_SHOCK_MOMENTS; t++) {
			const double *v = values[t] + ci * nind;

			/* Aggregates on the indicators valued all three times. */
			for (k = 0; k < nind; k++) {
				all = !isnan(values[0][ci * nind + k]) &&
				    !isnan(values[1][ci * nind + k]) &&
				    !isnan(values[2][ci * nind + k]);
				common[k] = all ? v[k] : (double)NAN;
			}
			rs_engine_score_nodes(fw, common, &c);
			cell = (ci * RS_SHOCK_MOMENTS + t) * w;
			for (node = 0; node < fw->nnodes; node++)
				s->score[cell + node] =
				    fw->nodes[node].nchildren > 0 ?
				    c.score_of[node] : rs_indicator_score(
				    &fw->nodes[node],
				    v[fw->nodes[node].indicator]);
			s->score[cell + fw->nnodes] = c.score;
		}
		/* Martin and Sunley (2015) against the reference row. */
		for (j = 0; j < spec->nseries; j++) {
			size_t ind = fw->nodes[spec->series[j]].indicator;
			size_t who[2] = {ci, spec->reference};

			for (k = 0; k < 2; k++) {
				const double *x[3];

				if (who[k] == RS_NONE) {
					r[k][0] = r[k][1] = (double)NAN;
					continue;
				}
				for (t = 0; t < RS_SHOCK_MOMENTS; t++)
					x[t] = values[t] + who[k] * nind + ind;
				r[k][0] = rs_shock_relative(*x[0], *x[1]);
				r[k][1] = rs_shock_relative(*x[1], *x[2]);
			}
			s->resistance[ci * spec->nseries + j] =
			    rs_shock_index(r[0][0], r[1][0]);
			s->recovery[ci * spec->nseries + j] =
			    rs_shock_index(r[0][1], r[1][1]);
		}
	}
	years_to_recover(s, ds, spec, o);
	for (t = 0; t < RS_SHOCK_MOMENTS; t++)
		free(values[t]);
	free(c.value);
	free(c.score_of);
	free(c.coverage_of);
	free(chosen);
	free(common);
	return 0;
}

void
rs_shock_release(struct rs_shock *s)
{
	free(s->score);
	free(s->years_to_recover);
	free(s->resistance);
	free(s->recovery);
	memset(s, 0, sizeof(*s));
}
