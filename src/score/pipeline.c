/*
 * pipeline.c - denominate, impute, screen, treat, normalise and aggregate
 * a table of units, as docs/pipeline.md defines each step
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/sort.h"
#include "resilience/pipeline.h"
#include "resilience/stats.h"
#include "score/formula.h"

void
rs_pipeline_result_release(struct rs_pipeline_result *r)
{
	free(r->unit);
	free(r->uname);
	free(r->row);
	free(r->raw);
	free(r->denominated);
	free(r->imputed);
	free(r->nmissing);
	free(r->nzero);
	free(r->included);
	free(r->kept);
	free(r->treated);
	free(r->points);
	free(r->treat);
	free(r->normalised);
	free(r->scores);
	free(r->coverage);
	free(r->ranks);
	free(r->index);
	free(r->index_coverage);
	free(r->index_rank);
	memset(r, 0, sizeof(*r));
}

/* The settings of node i, or defaults when the spec has none for it. */
static struct rs_node_spec
node_spec(const struct rs_framework *fw, const struct rs_pipeline_spec *s,
    size_t i)
{
	struct rs_node_spec ns;
	const struct rs_node *node = &fw->nodes[i];

	if (i < s->nnode)
		return s->node[i];
	memset(&ns, 0, sizeof(ns));
	ns.agg = -1;
	ns.min_coverage = (double)NAN;
	ns.treat = 1;
	ns.scale = 1;
	ns.direction = node->has_goalposts && node->best < node->worst ?
	    -1 : 1;
	return ns;
}

static struct rs_norm_spec
norm_of(const struct rs_framework *fw, const struct rs_pipeline_spec *s,
    size_t i)
{
	struct rs_node_spec ns = node_spec(fw, s, i);

	return ns.has_norm ? ns.norm : s->norm;
}

static int
agg_of(const struct rs_framework *fw, const struct rs_pipeline_spec *s,
    size_t i)
{
	struct rs_node_spec ns = node_spec(fw, s, i);

	return ns.agg >= 0 ? ns.agg : s->agg;
}

static double
coverage_of(const struct rs_framework *fw, const struct rs_pipeline_spec *s,
    size_t i)
{
	struct rs_node_spec ns;

	if (i != RS_NONE) {
		ns = node_spec(fw, s, i);
		if (!isnan(ns.min_coverage))
			return ns.min_coverage;
	}
	return isnan(s->min_coverage) ? fw->min_coverage : s->min_coverage;
}

static int
node_error(const struct rs_framework *fw, size_t i, struct rs_error *err,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
node_error(const struct rs_framework *fw, size_t i, struct rs_error *err,
    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return rs_error_set(err, RS_EINPUT, fw->path, fw->nodes[i].line,
	    fw->nodes[i].col, "%s", msg);
}

/*
 * The smallest value a normaliser can give, for the conflict check:
 * -HUGE_VAL when it can be negative, (double)NAN when it depends on the data.
 */
static double
norm_floor(const struct rs_norm_spec *n)
{
	switch (n->method) {
	case RS_NORM_GOALPOSTS:
	case RS_NORM_MINMAX:
	case RS_NORM_PRANK:
	case RS_NORM_BORDA:
	case RS_NORM_DIST2MAX:
		return n->has_range ? n->lo : 0;
	case RS_NORM_RANK:
		return n->has_range ? n->lo : 1;
	case RS_NORM_ZSCORE:
	case RS_NORM_DIST2TARGET:
		return -HUGE_VAL;
	case RS_NORM_FRACMAX:
	case RS_NORM_NONE:
	default:
		return (double)NAN;
	}
}

/* How a normaliser's floor reads in a message. */
static void
describe(const struct rs_norm_spec *n, char *buf, size_t len)
{
	if (n->has_range)
		snprintf(buf, len, "%s onto [%g, %g]",
		    rs_norm_method_name(n->method), n->lo, n->hi);
	else
		snprintf(buf, len, "%s", rs_norm_method_name(n->method));
}

/*
 * A geometric or harmonic mean at node i must not be fed a normaliser
 * whose floor (floor_of, from the indicator from) is <= 0.
 */
static int
check_positive(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, size_t i, const double *floor_of,
    const size_t *from, struct rs_error *err)
{
	const struct rs_node *node = &fw->nodes[i];
	int agg = agg_of(fw, spec, i);
	struct rs_norm_spec n;
	char what[96];
	size_t k, c;

	for (k = 0; agg != RS_AGG_AMEAN && k < node->nchildren; k++) {
		c = node->children[k];
		if (isnan(floor_of[c]) || floor_of[c] > 0)
			continue;
		n = norm_of(fw, spec, from[c]);
		describe(&n, what, sizeof(what));
		return node_error(fw, i, err, "aggregate \"%s\": the %s mean "
		    "needs values > 0, but indicator \"%s\" is normalised by "
		    "%s, which gives values <= 0; normalise onto a range such "
		    "as [1, 100] (minmax:1,100) or aggregate \"%s\" with "
		    "amean", node->id, agg == RS_AGG_GMEAN ? "geometric" :
		    "harmonic", fw->nodes[from[c]].id, what, node->id);
	}
	return 0;
}

int
rs_pipeline_check(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, struct rs_error *err)
{
	double *floor_of = rs_malloc((fw->nnodes + 1) * sizeof(double));
	size_t *from = rs_malloc((fw->nnodes + 1) * sizeof(size_t));
	size_t i, k, c, src;
	struct rs_norm_spec n;
	int *height = rs_malloc((fw->nnodes + 1) * sizeof(int));
	double f;
	int rc = 0, unknown, lv, maxlv = 1;

	/* What each indicator's normaliser needs, in file order. */
	for (i = 0; i < fw->nnodes && rc == 0; i++) {
		const struct rs_node *node = &fw->nodes[i];

		if (node->nchildren > 0)
			continue;
		n = norm_of(fw, spec, i);
		if (n.method == RS_NORM_GOALPOSTS && !node->has_goalposts)
			rc = node_error(fw, i, err, "indicator \"%s\" has no "
			    "goalposts (\"worst\" and \"best\") for normaliser "
			    "\"goalposts\"; give them or choose another "
			    "normaliser, such as minmax", node->id);
		else if (n.method == RS_NORM_DIST2TARGET &&
		    !node_spec(fw, spec, i).has_target)
			rc = node_error(fw, i, err, "indicator \"%s\" has no "
			    "\"target\" for normaliser \"dist2target\"",
			    node->id);
	}
	/* The lowest value each node can take, children first. */
	for (i = fw->nnodes; i-- > 0 && rc == 0;) {
		const struct rs_node *node = &fw->nodes[i];

		if (node->nchildren == 0) {
			n = norm_of(fw, spec, i);
			floor_of[i] = norm_floor(&n);
			from[i] = i;
			height[i] = 1;
			continue;
		}
		f = HUGE_VAL;
		src = RS_NONE;
		unknown = 0;
		for (k = 0; k < node->nchildren; k++) {
			c = node->children[k];
			if (isnan(floor_of[c]))
				unknown = 1;
			else if (floor_of[c] < f) {
				f = floor_of[c];
				src = from[c];
			}
		}
		floor_of[i] = unknown && f > 0 ? (double)NAN : f;
		from[i] = src;
		height[i] = 1 + height[node->children[0]];
		maxlv = height[i] > maxlv ? height[i] : maxlv;
	}
	/*
	 * Geometric and harmonic means fed values <= 0: the aggregates
	 * nearest the indicators first, then in file order.
	 */
	for (lv = 2; lv <= maxlv && rc == 0; lv++) {
		for (i = 0; i < fw->nnodes && rc == 0; i++) {
			if (fw->nodes[i].nchildren > 0 && height[i] == lv)
				rc = check_positive(fw, spec, i, floor_of,
				    from, err);
		}
	}
	free(floor_of);
	free(from);
	free(height);
	return rc;
}

/* Step 0: the cross-section --------------------------------------------- */

/*
 * The year of the cross-section: the spec's, else the table's latest; 0
 * for a table without years.
 */
static long
cross_year(const struct rs_table *t, const struct rs_pipeline_spec *s)
{
	long y = 0;
	size_t i;

	for (i = 0; i < t->nrows; i++)
		if (t->time[i] > y)
			y = t->time[i];
	/* A table without years is one cross-section, whatever the year. */
	return s->has_year && y > 0 ? s->year : y;
}

static int
select_rows(const struct rs_table *t, long year, struct rs_pipeline_result *r,
    struct rs_error *err)
{
	size_t i;

	r->row = rs_malloc((t->nrows + 1) * sizeof(size_t));
	r->unit = rs_malloc((t->nrows + 1) * sizeof(char *));
	r->uname = rs_malloc((t->nrows + 1) * sizeof(char *));
	for (i = 0; i < t->nrows; i++) {
		if (t->time[i] != year)
			continue;
		r->row[r->nrows] = i;
		r->unit[r->nrows] = t->unit[i];
		r->uname[r->nrows++] = t->uname[i];
	}
	if (r->nrows == 0)
		return rs_error_set(err, RS_EINPUT, t->path, 1, 1,
		    "no unit has data for %ld", year);
	return 0;
}

/* Step 1: denominate (pipeline.md, "Denominate") ------------------------ */

/* Indicator k of table row i divided by its denominator, times scale. */
static double
denominated(const struct rs_table *t, size_t i, size_t k, size_t col,
    double scale)
{
	double x = t->x[i * t->nind + k], d;

	if (col == RS_NONE)
		return x;
	d = t->aux[i * t->naux + col];
	if (isnan(x) || isnan(d) || !(d < 0 || d > 0))
		return (double)NAN;
	x = x / d;
	return scale < 1 || scale > 1 ? x * scale : x;
}

/* The denominator column of each indicator, RS_NONE when none. */
static int
denominators(const struct rs_framework *fw, const struct rs_pipeline_spec *s,
    const struct rs_table *t, size_t *col, struct rs_error *err)
{
	size_t k, node;

	for (k = 0; k < fw->nindicators; k++) {
		struct rs_node_spec ns;

		node = fw->indicators[k];
		ns = node_spec(fw, s, node);
		col[k] = RS_NONE;
		if (!s->denominate || ns.denominator == NULL)
			continue;
		col[k] = rs_table_aux(t, ns.denominator);
		if (col[k] == RS_NONE)
			return node_error(fw, node, err, "indicator \"%s\": "
			    "denominator \"%s\" is not a column of %s",
			    fw->nodes[node].id, ns.denominator, t->path);
	}
	return 0;
}

/* Step 2: impute (pipeline.md, "Impute") -------------------------------- */

static int
impute(const struct rs_framework *fw, const struct rs_pipeline_spec *s,
    const struct rs_table *t, const size_t *dcol, const double *scale,
    long year, struct rs_pipeline_result *r, struct rs_error *err)
{
	size_t n = r->nrows, nind = r->nind, i, j, k, m, gcol = RS_NONE;
	double *v, best;
	long when;

	memcpy(r->imputed, r->denominated, n * nind * sizeof(double));
	if (s->impute == RS_IMPUTE_NONE)
		return 0;
	if (s->impute == RS_IMPUTE_GROUP_MEAN ||
	    s->impute == RS_IMPUTE_GROUP_MEDIAN) {
		gcol = rs_table_aux(t, s->impute_group ? s->impute_group : "");
		if (gcol == RS_NONE)
			return rs_error_set(err, RS_EINPUT, t->path, 1, 1,
			    "imputation %s: group column \"%s\" is not in "
			    "the data", rs_impute_method_name(s->impute),
			    s->impute_group ? s->impute_group : "");
	}
	v = rs_malloc((n + 1) * sizeof(double));
	for (k = 0; k < nind; k++) {
		const double *col = r->denominated + k;

		for (i = 0; i < n; i++) {
			double *cell = &r->imputed[i * nind + k];
			const char *g;

			if (!isnan(*cell))
				continue;
			switch (s->impute) {
			case RS_IMPUTE_MEAN:
				*cell = rs_stats_mean(col, n, nind);
				break;
			case RS_IMPUTE_MEDIAN:
				*cell = rs_stats_median(col, n, nind);
				break;
			case RS_IMPUTE_GROUP_MEAN:
			case RS_IMPUTE_GROUP_MEDIAN:
				g = t->aux_text[r->row[i] * t->naux + gcol];
				for (j = 0, m = 0; j < n; j++)
					if (strcmp(t->aux_text[r->row[j] *
					    t->naux + gcol], g) == 0)
						v[m++] = col[j * nind];
				*cell = s->impute == RS_IMPUTE_GROUP_MEAN ?
				    rs_stats_mean(v, m, 1) :
				    rs_stats_median(v, m, 1);
				break;
			case RS_IMPUTE_LATEST:
				best = (double)NAN;
				when = 0;
				for (j = 0; j < t->nrows; j++) {
					double x;

					if (t->time[j] >= year ||
					    t->time[j] <= when ||
					    strcmp(t->unit[j],
					    r->unit[i]) != 0)
						continue;
					x = denominated(t, j, k, dcol[k],
					    scale[k]);
					if (isnan(x))
						continue;
					best = x;
					when = t->time[j];
				}
				*cell = best;
				break;
			default:
				break;
			}
		}
	}
	free(v);
	(void)fw;
	return 0;
}

/* Step 3: screen (pipeline.md, "Screen") -------------------------------- */

static size_t
find_unit(const struct rs_pipeline_result *r, const char *code)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (strcmp(r->unit[i], code) == 0)
			return i;
	return RS_NONE;
}

static int
screen(const struct rs_pipeline_spec *s, const struct rs_table *t,
    struct rs_pipeline_result *r, struct rs_error *err)
{
	size_t n = r->nrows, nind = r->nind, i, k, u;
	double avail, nonzero;

	for (i = 0; i < n; i++) {
		for (k = 0; k < nind; k++) {
			double x = r->imputed[i * nind + k];

			if (isnan(x))
				r->nmissing[i]++;
			else if (!(x < 0 || x > 0))
				r->nzero[i]++;
		}
		avail = 1 - (double)r->nmissing[i] / (double)nind;
		nonzero = 1 - (double)r->nzero[i] / (double)nind;
		r->included[i] = 1;
		if (!s->screen)
			continue;
		if (s->screen_by != RS_SCREEN_ZEROS && avail < s->screen_min)
			r->included[i] = 0;
		if (s->screen_by != RS_SCREEN_MISSING &&
		    nonzero < s->screen_nonzero)
			r->included[i] = 0;
	}
	for (i = 0; i < s->ninclude + s->nexclude; i++) {
		int in = i < s->ninclude;
		const char *code = in ? s->include[i] :
		    s->exclude[i - s->ninclude];

		u = find_unit(r, code);
		if (u == RS_NONE)
			return rs_error_set(err, RS_EINPUT, t->path, 1, 1,
			    "unit \"%s\" to %s is not in the data", code,
			    in ? "include" : "exclude");
		r->included[u] = (unsigned char)in;
	}
	r->kept = rs_malloc((n + 1) * sizeof(size_t));
	for (i = 0; i < n; i++)
		if (r->included[i])
			r->kept[r->nunits++] = i;
	if (r->nunits == 0)
		return rs_error_set(err, RS_EINPUT, t->path, 1, 1,
		    "screening left no unit: lower the availability "
		    "threshold (--screen)");
	return 0;
}

/* Step 4: treat (pipeline.md, "Treat") ---------------------------------- */

static int
passes(const struct rs_pipeline_spec *s, const double *x, size_t n,
    size_t stride, double *skew, double *kurt)
{
	*skew = rs_stats_skew(x, n, stride);
	*kurt = rs_stats_kurt(x, n, stride);
	return fabs(*skew) < s->skew_max || *kurt < s->kurt_max;
}

/*
 * Winsorise column x (n values, stride) in place, as COINr's winsorise():
 * while it fails and fewer than winmax points were changed, the values
 * tied at the maximum (skew >= 0) or minimum (skew < 0) are replaced by
 * the next value inward.  The count of changed points is the number of
 * values tied at the last changed maximum plus those at the last changed
 * minimum; those are the points marked.
 */
static void
winsorise(const struct rs_pipeline_spec *s, double *x, size_t n,
    size_t stride, unsigned char *pts, size_t pstride,
    struct rs_treat_info *ti)
{
	unsigned char *hi = rs_calloc(n + 1, 1), *lo = rs_calloc(n + 1, 1);
	size_t i, nhi = 0, nlo = 0;
	int passing = 0;

	ti->winsorised = 1;
	while (!passing && (int)(nhi + nlo) < s->winmax) {
		int top = rs_stats_skew(x, n, stride) >= 0;
		double ext = (double)NAN, next = (double)NAN, v;
		unsigned char *mark = top ? hi : lo;
		size_t *count = top ? &nhi : &nlo;

		for (i = 0; i < n; i++) {
			v = x[i * stride];
			if (!isnan(v) && (isnan(ext) || (top ? v > ext :
			    v < ext)))
				ext = v;
		}
		for (i = 0; i < n; i++) {
			v = x[i * stride];
			if (!isnan(v) && (v < ext || v > ext) &&
			    (isnan(next) || (top ? v > next : v < next)))
				next = v;
		}
		if (isnan(next))
			break;	/* all values equal: nothing to move */
		memset(mark, 0, n);
		*count = 0;
		for (i = 0; i < n; i++) {
			v = x[i * stride];
			if (!isnan(v) && !(v < ext || v > ext)) {
				mark[i] = 1;
				(*count)++;
				x[i * stride] = next;
			}
		}
		passing = passes(s, x, n, stride, &ti->skew1, &ti->kurt1);
	}
	ti->nwin = (int)(nhi + nlo);
	ti->pass1 = passing;
	if (ti->nwin == 0)
		ti->pass1 = passes(s, x, n, stride, &ti->skew1, &ti->kurt1);
	for (i = 0; i < n; i++)
		pts[i * pstride] = hi[i] ? RS_POINT_WINHI : lo[i] ?
		    RS_POINT_WINLO : RS_POINT_NONE;
	free(hi);
	free(lo);
}

static void
treat(const struct rs_framework *fw, const struct rs_pipeline_spec *s,
    struct rs_pipeline_result *r)
{
	size_t n = r->nunits, nind = r->nind, i, k, m;
	double *orig = rs_malloc((n + 1) * sizeof(double)), mn, mx;

	for (i = 0; i < n; i++)
		memcpy(r->treated + i * nind, r->imputed + r->kept[i] * nind,
		    nind * sizeof(double));
	if (!s->treat) {
		free(orig);
		return;
	}
	for (k = 0; k < nind; k++) {
		struct rs_treat_info *ti = &r->treat[k];
		double *x = r->treated + k;

		for (i = 0, m = 0; i < n; i++)
			m += isnan(x[i * nind]) ? 0 : 1;
		if (m < 4 || !node_spec(fw, s, fw->indicators[k]).treat) {
			ti->skipped = 1;
			continue;
		}
		ti->pass0 = passes(s, x, n, nind, &ti->skew0, &ti->kurt0);
		if (isnan(ti->skew0) || isnan(ti->kurt0)) {
			ti->skipped = 1;
			continue;
		}
		if (ti->pass0)
			continue;
		for (i = 0; i < n; i++)
			orig[i] = x[i * nind];
		winsorise(s, x, n, nind, r->points + k, nind, ti);
		if (ti->pass1 || !s->treat_log)
			continue;
		/* pipeline.md, "Treat": log(x - min + 0.01 (max - min)) */
		mn = HUGE_VAL;
		mx = -HUGE_VAL;
		for (i = 0; i < n; i++) {
			if (isnan(orig[i]))
				continue;
			mn = orig[i] < mn ? orig[i] : mn;
			mx = orig[i] > mx ? orig[i] : mx;
		}
		ti->logged = 1;
		for (i = 0; i < n; i++) {
			x[i * nind] = log(orig[i] - mn + 0.01 * (mx - mn));
			r->points[i * nind + k] = isnan(orig[i]) ?
			    RS_POINT_NONE : RS_POINT_LOG;
		}
		ti->pass2 = passes(s, x, n, nind, &ti->skew2, &ti->kurt2);
	}
	free(orig);
}

/* Step 5: normalise (pipeline.md, "Normalise") -------------------------- */

static void
normalise_column(const struct rs_norm_spec *ns, const struct rs_node *node,
    const struct rs_node_spec *nd, const double *x, double *y, size_t n,
    size_t stride)
{
	double mn = HUGE_VAL, mx = -HUGE_VAL, mean = 0, sd = 1, v, t;
	double lo = ns->lo, hi = ns->hi, dir = nd->direction;
	long *rank = NULL;
	size_t i, m = 0;
	double *neg = NULL;

	for (i = 0; i < n; i++) {
		v = x[i * stride] * dir;
		if (isnan(v))
			continue;
		m++;
		mn = v < mn ? v : mn;
		mx = v > mx ? v : mx;
	}
	switch (ns->method) {
	case RS_NORM_ZSCORE:
		neg = rs_malloc((n + 1) * sizeof(double));
		for (i = 0; i < n; i++)
			neg[i] = x[i * stride] * dir;
		mean = rs_stats_mean(neg, n, 1);
		sd = rs_stats_sd(neg, n, 1);
		free(neg);
		neg = NULL;
		if (!ns->has_range) {
			lo = 0;
			hi = 1;
		}
		break;
	case RS_NORM_RANK:
	case RS_NORM_PRANK:
	case RS_NORM_BORDA:
		/* ascending ranks: rank the negated values descending */
		neg = rs_malloc((n + 1) * sizeof(double));
		rank = rs_malloc((n + 1) * sizeof(long));
		for (i = 0; i < n; i++)
			neg[i] = -(x[i * stride] * dir);
		rs_rank_desc(neg, n, 1, rank);
		free(neg);
		break;
	case RS_NORM_MINMAX:
		if (!ns->has_range) {
			lo = 0;
			hi = 100;
		}
		break;
	default:
		break;
	}
	for (i = 0; i < n; i++) {
		v = x[i * stride] * dir;
		if (isnan(v)) {
			y[i * stride] = (double)NAN;
			continue;
		}
		switch (ns->method) {
		case RS_NORM_GOALPOSTS:
			/* methodology.md, "Indicator score" */
			t = rs_indicator_score(node, x[i * stride]);
			v = ns->has_range ? lo + (hi - lo) * t / 100 : t;
			break;
		case RS_NORM_MINMAX:
			/* (x - min) / (max - min) (u - l) + l */
			v = (v - mn) / (mx - mn) * (hi - lo) + lo;
			break;
		case RS_NORM_ZSCORE:
			/* (x - mean) / sd * s + m */
			v = (v - mean) / sd * hi + lo;
			break;
		case RS_NORM_RANK:
			v = (double)rank[i];
			if (ns->has_range)
				v = lo + (hi - lo) * (v - 1) / (double)(m - 1);
			break;
		case RS_NORM_BORDA:
			v = (double)rank[i] - 1;
			if (ns->has_range)
				v = lo + (hi - lo) * v / (double)(m - 1);
			break;
		case RS_NORM_PRANK:
			/* (rank - 1) / (n - 1) */
			v = ((double)rank[i] - 1) / ((double)m - 1);
			if (ns->has_range)
				v = lo + (hi - lo) * v;
			break;
		case RS_NORM_DIST2MAX:
			/* 1 - (max - x) / (max - min) */
			v = 1 - (mx - v) / (mx - mn);
			if (ns->has_range)
				v = lo + (hi - lo) * v;
			break;
		case RS_NORM_FRACMAX:
			/* x / max */
			v = v / mx;
			if (ns->has_range)
				v = lo + (hi - lo) * v;
			break;
		case RS_NORM_DIST2TARGET:
			/* 1 - (target - x) / (target - min) */
			t = nd->target * dir;
			v = 1 - (t - v) / (t - mn);
			if (ns->cap && v > 1)
				v = 1;
			if (ns->has_range)
				v = lo + (hi - lo) * v;
			break;
		case RS_NORM_NONE:
		default:
			break;
		}
		y[i * stride] = v;
	}
	free(rank);
}

/* Step 6: aggregate (pipeline.md, "Aggregate") -------------------------- */

/* The rule of every node, then the index's, as rs_formula_scores() takes. */
static struct rs_agg_rule *
agg_rules(const struct rs_framework *fw, const struct rs_pipeline_spec *s)
{
	struct rs_agg_rule *rule = rs_malloc((fw->nnodes + 1) *
	    sizeof(*rule));
	size_t k;

	for (k = 0; k <= fw->nnodes; k++) {
		rule[k].agg = k < fw->nnodes ? agg_of(fw, s, k) : s->agg;
		rule[k].sums = s->sums;
		rule[k].min_coverage = coverage_of(fw, s, k < fw->nnodes ? k :
		    RS_NONE);
	}
	return rule;
}

void
rs_pipeline_normalise(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const double *x, size_t n,
    double *y)
{
	size_t nind = fw->nindicators, k;

	for (k = 0; k < nind; k++) {
		size_t node = fw->indicators[k];
		struct rs_norm_spec ns = norm_of(fw, spec, node);
		struct rs_node_spec nd = node_spec(fw, spec, node);

		normalise_column(&ns, &fw->nodes[node], &nd, x + k, y + k, n,
		    nind);
	}
}

int
rs_pipeline_aggregate(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const double *weight,
    const double *normalised, size_t n, const char *const *units,
    double *scores, double *coverage, double *index, struct rs_error *err)
{
	return rs_pipeline_aggregate_cw(fw, spec, weight, NULL, normalised, n,
	    units, scores, coverage, index, NULL, err);
}

int
rs_pipeline_aggregate_cw(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const double *weight,
    const double *cover, const double *normalised, size_t n,
    const char *const *units, double *scores, double *coverage,
    double *index, double *index_coverage, struct rs_error *err)
{
	size_t nind = fw->nindicators, nn = fw->nnodes, i, k, bad[3];
	struct rs_agg_rule *rule = agg_rules(fw, spec);
	struct rs_formula_plan *plan;
	int rc = 0;

	for (i = 0; i < n; i++)
		for (k = 0; k < nind; k++)
			scores[i * nn + fw->indicators[k]] = normalised[i *
			    nind + k];
	plan = rs_formula_plan_new(fw, rule, nn + 1, weight, cover);
	if (rs_formula_plan_scores(plan, scores, n, nn, coverage, index,
	    index_coverage, bad) != 0) {
		i = bad[0];
		rc = node_error(fw, bad[1] == RS_NONE ? bad[2] : bad[1], err,
		    "aggregate \"%s\": the %s mean needs values > 0, but "
		    "\"%s\" of unit \"%s\" is %.17g; normalise onto a range "
		    "such as [1, 100] (minmax:1,100)", bad[1] == RS_NONE ?
		    fw->id : fw->nodes[bad[1]].id, rule[bad[1] == RS_NONE ?
		    nn : bad[1]].agg == RS_AGG_GMEAN ? "geometric" :
		    "harmonic", fw->nodes[bad[2]].id, units[i],
		    scores[i * nn + bad[2]]);
	}
	rs_formula_plan_free(plan);
	free(rule);
	return rc;
}

/*
 * Values beyond RS_MAX_PIPELINE_VALUE, raw or denominated, would overflow
 * max - min, sums of squares or means, and come out as Inf, 0 or a
 * missing cell (docs/pipeline.md, "Input"): refuse them where they are.
 */
static int
check_magnitudes(const struct rs_framework *fw, const struct rs_table *t,
    const struct rs_pipeline_result *r, struct rs_error *err)
{
	size_t nind = fw->nindicators, i, k;
	const double *m[2] = {r->raw, r->denominated};
	int which;

	for (which = 0; which < 2; which++)
		for (i = 0; i < r->nrows; i++)
			for (k = 0; k < nind; k++) {
				double v = m[which][i * nind + k];

				if (!(fabs(v) > RS_MAX_PIPELINE_VALUE))
					continue;
				return rs_error_set(err, RS_EINPUT, t->path,
				    t->line ? t->line[r->row[i]] : 0,
				    t->col ? t->col[k] : 0,
				    "unit \"%s\", indicator \"%s\": %s %g "
				    "is beyond +-%g, where the "
				    "pipeline's statistics overflow; "
				    "rescale the indicator", t->unit[
				    r->row[i]], fw->nodes[fw->indicators[k]]
				    .id, which ? "denominated value" : "value",
				    v, RS_MAX_PIPELINE_VALUE);
			}
	return 0;
}

int
rs_pipeline_run(const struct rs_framework *fw,
    const struct rs_pipeline_spec *spec, const struct rs_table *t,
    struct rs_pipeline_result *r, struct rs_error *err)
{
	size_t nind = fw->nindicators, nn = fw->nnodes, i, k, n, *dcol;
	const char **units;
	double *scale;
	long year;
	int rc;

	memset(r, 0, sizeof(*r));
	r->fw = fw;
	r->nind = nind;
	if ((rc = rs_pipeline_check(fw, spec, err)) != 0)
		return rc;
	year = cross_year(t, spec);
	if ((rc = select_rows(t, year, r, err)) != 0)
		return rc;
	n = r->nrows;
	r->raw = rs_malloc((n * nind + 1) * sizeof(double));
	r->denominated = rs_malloc((n * nind + 1) * sizeof(double));
	r->imputed = rs_malloc((n * nind + 1) * sizeof(double));
	r->nmissing = rs_calloc(n + 1, sizeof(size_t));
	r->nzero = rs_calloc(n + 1, sizeof(size_t));
	r->included = rs_calloc(n + 1, 1);
	r->treat = rs_calloc(nind + 1, sizeof(*r->treat));
	dcol = rs_malloc((nind + 1) * sizeof(size_t));
	scale = rs_malloc((nind + 1) * sizeof(double));
	if ((rc = denominators(fw, spec, t, dcol, err)) != 0)
		goto out;
	for (k = 0; k < nind; k++)
		scale[k] = node_spec(fw, spec, fw->indicators[k]).scale;
	for (i = 0; i < n; i++) {
		memcpy(r->raw + i * nind, t->x + r->row[i] * nind,
		    nind * sizeof(double));
		for (k = 0; k < nind; k++)
			r->denominated[i * nind + k] = denominated(t,
			    r->row[i], k, dcol[k], scale[k]);
	}
	if ((rc = check_magnitudes(fw, t, r, err)) != 0 ||
	    (rc = impute(fw, spec, t, dcol, scale, year, r, err)) != 0 ||
	    (rc = screen(spec, t, r, err)) != 0)
		goto out;
	n = r->nunits;
	r->treated = rs_malloc((n * nind + 1) * sizeof(double));
	r->points = rs_calloc(n * nind + 1, 1);
	r->normalised = rs_malloc((n * nind + 1) * sizeof(double));
	treat(fw, spec, r);
	rs_pipeline_normalise(fw, spec, r->treated, n, r->normalised);
	r->scores = rs_malloc((n * nn + 1) * sizeof(double));
	r->coverage = rs_malloc((n * nn + 1) * sizeof(double));
	r->ranks = rs_calloc(n * nn + 1, sizeof(long));
	r->index = rs_malloc((n + 1) * sizeof(double));
	r->index_coverage = rs_malloc((n + 1) * sizeof(double));
	r->index_rank = rs_calloc(n + 1, sizeof(long));
	units = rs_malloc((n + 1) * sizeof(*units));
	for (i = 0; i < n; i++)
		units[i] = r->unit[r->kept[i]];
	rc = rs_pipeline_aggregate_cw(fw, spec, NULL, NULL, r->normalised, n,
	    units, r->scores, r->coverage, r->index, r->index_coverage, err);
	free(units);
	if (rc != 0)
		goto out;
	for (k = 0; k < nn; k++)
		rs_rank_desc(r->scores + k, n, nn, r->ranks + k);
	rs_rank_desc(r->index, n, 1, r->index_rank);
out:
	free(dcol);
	free(scale);
	return rc;
}

/*
 * pipeline.md, "Copeland": the outranking matrix
 * e_ij = sum of w_k over columns where unit i beats unit j, plus half the
 * sum where they tie, with weights over the columns both units have;
 * unit i's score is the number of units it outranks (e_ij > e_ji) minus
 * the number that outrank it.
 */
void
rs_copeland(const double *x, size_t n, size_t ncols, size_t stride,
    const double *w, double *score)
{
	size_t i, j, k;

	for (i = 0; i < n; i++)
		score[i] = 0;
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			long double eij = 0, eji = 0;

			for (k = 0; k < ncols; k++) {
				double a = x[i * stride + k];
				double b = x[j * stride + k];

				if (isnan(a) || isnan(b))
					continue;
				if (a > b)
					eij += (long double)w[k];
				else if (a < b)
					eji += (long double)w[k];
				else {
					eij += (long double)(w[k] / 2);
					eji += (long double)(w[k] / 2);
				}
			}
			if (eij > eji) {
				score[i] += 1;
				score[j] -= 1;
			} else if (eij < eji) {
				score[i] -= 1;
				score[j] += 1;
			}
		}
	}
}

double
rs_norm_top(const struct rs_norm_spec *n)
{
	switch (n->method) {
	case RS_NORM_GOALPOSTS:
	case RS_NORM_MINMAX:
		return n->has_range ? n->hi : 100;
	case RS_NORM_PRANK:
	case RS_NORM_DIST2MAX:
	case RS_NORM_FRACMAX:
	case RS_NORM_DIST2TARGET:
	case RS_NORM_RANK:
	case RS_NORM_BORDA:
		return n->has_range ? n->hi : n->method == RS_NORM_RANK ||
		    n->method == RS_NORM_BORDA ? (double)NAN : 1;
	default:
		return (double)NAN;
	}
}

void
rs_pipeline_results(const struct rs_pipeline_result *pr, double hi,
    struct rs_results *res)
{
	const struct rs_framework *fw = pr->fw;
	size_t nn = fw->nnodes, u, i;

	res->fw = fw;
	res->ncities = pr->nunits;
	res->cities = rs_calloc(pr->nunits + 1, sizeof(*res->cities));
	res->lazy = NULL;
	for (u = 0; u < pr->nunits; u++) {
		struct rs_city_result *c = &res->cities[u];
		const double *score = pr->scores + u * nn;
		size_t row = pr->kept[u];

		c->name = pr->uname[row];
		c->score = pr->index[u];
		c->rank = pr->index_rank[u];
		c->level = isnan(c->score) ? RS_NONE :
		    rs_framework_level(fw, c->score);
		c->coverage = pr->index_coverage[u];
		c->value = rs_malloc(nn * sizeof(double));
		c->score_of = rs_malloc(nn * sizeof(double));
		c->coverage_of = rs_malloc(nn * sizeof(double));
		memcpy(c->score_of, score, nn * sizeof(double));
		memcpy(c->coverage_of, pr->coverage + u * nn,
		    nn * sizeof(double));
		for (i = 0; i < nn; i++) {
			const struct rs_node *node = &fw->nodes[i];

			c->value[i] = node->nchildren == 0 ?
			    pr->raw[row * pr->nind + node->indicator] :
			    (double)NAN;
		}
		rs_engine_derive(fw, hi, c);
	}
}
