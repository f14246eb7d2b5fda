/*
 * plan.c - the least-effort changes that reach a city's targets, as
 * docs/planning.md writes the programme out
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/lp.h"
#include "base/mem.h"
#include "resilience/actionable.h"
#include "resilience/engine.h"
#include "resilience/plan.h"

/* Whether node i lies below node top (RS_NONE: the city). */
static int
below(const struct rs_framework *fw, size_t i, size_t top)
{
	if (top == RS_NONE)
		return 1;
	for (; i != RS_NONE; i = fw->nodes[i].parent)
		if (i == top)
			return 1;
	return 0;
}

double
rs_plan_weight(const struct rs_framework *fw, const double *score_of,
    size_t node, size_t ind)
{
	double w = 1, sum;
	const size_t *sib;
	size_t i, k, n, p;

	if (isnan(score_of[ind]) || ind == node || !below(fw, ind, node))
		return ind == node ? 1 : 0;
	for (i = ind; i != node; i = p) {
		/* A node without a score passes nothing up. */
		if (isnan(score_of[i]))
			return 0;
		p = fw->nodes[i].parent;
		sib = p == RS_NONE ? fw->top : fw->nodes[p].children;
		n = p == RS_NONE ? fw->ntop : fw->nodes[p].nchildren;
		/* The sums of engine.c: scored siblings, file order. */
		for (sum = 0, k = 0; k < n; k++)
			if (!isnan(score_of[sib[k]]))
				sum += fw->nodes[sib[k]].weight;
		w *= fw->nodes[i].weight / sum;
	}
	return w;
}

/* The raw value of score s (0 < s <= 100) of indicator n. */
static double
value_of_score(const struct rs_node *n, double s)
{
	return n->worst + s / 100 * (n->best - n->worst);
}

double
rs_plan_round(const struct rs_node *n, double x, double lim)
{
	double range = fabs(n->best - n->worst), scale, k, r;
	int up = n->best > n->worst, dec, tries;
	char buf[400];

	dec = 3 - (int)floor(log10(range));
	if (dec < 0)
		dec = 0;
	if (dec > 15)
		dec = 15;
	scale = pow(10, dec);
	k = up ? ceil(x * scale) : floor(x * scale);
	for (tries = 0; tries < 3; tries++) {
		snprintf(buf, sizeof(buf), "%.*f", dec, k / scale);
		r = strtod(buf, NULL);
		if (up ? r >= x : r <= x)
			break;
		k += up ? 1 : -1;
	}
	if (tries == 3 || (up ? r > lim : r < lim))
		r = lim;
	return r + 0.0;
}

/*
 * The most improved value indicator n may take from x0 in o's terms:
 * its best goalpost, within its domain, at most max_change_per_year
 * times the years away from x0.
 */
static double
value_limit(const struct rs_node *n, double x0, const struct rs_plan_opts *o,
    int capped)
{
	int up = n->best > n->worst;
	double xl = n->best, cap;

	if (n->has_min && xl < n->min)
		xl = n->min;
	if (n->has_max && xl > n->max)
		xl = n->max;
	if (capped && n->has_max_change && !isinf(o->years)) {
		cap = n->max_change * (o->years > 0 ? o->years : 0);
		if (up && xl > x0 + cap)
			xl = x0 + cap;
		if (!up && xl < x0 - cap)
			xl = x0 - cap;
	}
	if (up ? xl < x0 : xl > x0)
		xl = x0;
	return xl;
}

/*
 * Indicator n as a plain pair of goalposts seen from x0: itself, or for a
 * target band (methodology.md, "Target band") the side x0 is on, so that
 * the plan's target is the nearest point of the band: from worst_high
 * down to high above the band, from worst_low up to low otherwise.  On
 * that side the pair scores as the band does.
 */
static struct rs_node
side_of(const struct rs_node *n, double x0)
{
	struct rs_node s = *n;

	if (!n->has_band)
		return s;
	s.has_band = 0;
	if (x0 > n->band[2]) {
		s.worst = n->band[3];
		s.best = n->band[2];
	} else {
		s.worst = n->band[0];
		s.best = n->band[1];
	}
	return s;
}

/* Where a collected indicator is assumed to start: its worst value. */
static double
collect_start(const struct rs_node *n)
{
	double x = n->worst;

	if (n->has_min && x < n->min)
		x = n->min;
	if (n->has_max && x > n->max)
		x = n->max;
	return x;
}

static void
score_city(const struct rs_framework *fw, const double *values,
    struct rs_city_result *c)
{
	memset(c, 0, sizeof(*c));
	rs_engine_score_city(fw, values, c);
}

static void
city_free(struct rs_city_result *c)
{
	free(c->value);
	free(c->score_of);
	free(c->coverage_of);
	free(c->weight_of);
	free(c->gain_of);
	free(c->priorities);
	free(c->missing);
}

static double
node_score(const struct rs_city_result *c, size_t node)
{
	return node == RS_NONE ? c->score : c->score_of[node];
}

/* The programme of docs/planning.md for margin delta. */
struct program {
	size_t *cols;		/* indicator node of each column */
	size_t ncols;		/* columns of indicators; one slack per row
				   follows them */
	size_t *rows;		/* target index of each row */
	size_t nrows;
	double *w;		/* nt x ncols: rs_plan_weight() */
	double *u;		/* ncols: headroom in score points */
	double *u_free;		/* ncols: the same without the yearly caps */
};

static int
solve(const struct rs_framework *fw, const struct program *pg,
    const struct rs_city_result *c0, const struct rs_target *t,
    double delta, double *d, double *slack, double *effort)
{
	size_t nc = pg->ncols + pg->nrows, nr = pg->nrows, i, j, k;
	double *a = rs_calloc((nr + 1) * nc + 1, sizeof(double));
	double *b = rs_calloc(nr + 2, sizeof(double));
	double *c = rs_calloc(nc + 1, sizeof(double));
	double *u = rs_calloc(nc + 1, sizeof(double));
	double *x = rs_calloc(nc + 1, sizeof(double));
	double obj = 0, gap, total = 0;
	struct rs_lp lp;
	int rc;

	for (i = 0; i < nr; i++) {
		k = pg->rows[i];
		gap = t[k].score + delta - node_score(c0, t[k].node);
		for (j = 0; j < pg->ncols; j++)
			a[i * nc + j] = pg->w[k * pg->ncols + j];
		a[i * nc + pg->ncols + i] = 1;
		b[i] = gap;
		u[pg->ncols + i] = gap;
	}
	for (j = 0; j < pg->ncols; j++)
		u[j] = pg->u[j];
	/* Phase 1: the least total shortfall of the allowed levers. */
	for (i = 0; i < nr; i++)
		c[pg->ncols + i] = 1;
	lp.nrows = nr;
	lp.ncols = nc;
	lp.a = a;
	lp.b = b;
	lp.c = c;
	lp.u = u;
	rc = rs_lp_solve(&lp, x, &obj);
	if (rc != RS_LP_OPTIMAL)
		goto out;
	for (i = 0; i < nr; i++)
		total += x[pg->ncols + i];
	/* Phase 2: the least effort with no more shortfall than that. */
	for (i = 0; i < nr; i++) {
		c[pg->ncols + i] = 0;
		a[nr * nc + pg->ncols + i] = -1;
	}
	/*
	 * Exactly no slack when none is needed; else a hair over, as GLPK
	 * reads bounds that are no round number a hair away.
	 */
	b[nr] = total > 0 ? -(total + 1e-9 * (1 + total)) : 0;
	for (j = 0; j < pg->ncols; j++)
		c[j] = fw->nodes[pg->cols[j]].effort;
	lp.nrows = nr + 1;
	rc = rs_lp_solve(&lp, x, &obj);
	if (rc != RS_LP_OPTIMAL)
		goto out;
	/* GLPK may land a hair beyond a bound that is no round number. */
	for (j = 0; j < pg->ncols; j++)
		d[j] = x[j] < 0 ? 0 : x[j] > pg->u[j] ? pg->u[j] : x[j];
	for (i = 0; i < nr; i++)
		slack[i] = x[pg->ncols + i];
	*effort = obj;
out:
	free(a);
	free(b);
	free(c);
	free(u);
	free(x);
	return rc;
}

static int plan_make(const struct rs_framework *fw, const double *values,
    const struct rs_target *t, size_t nt, const struct rs_plan_opts *o,
    const char *unreached, struct rs_plan *p, struct rs_error *err);

/*
 * --collect (docs/planning.md, "Data to collect"): the indicators with
 * data first; only for the targets they cannot reach may indicators
 * without a value join, those below these targets.
 */
int
rs_plan_make(const struct rs_framework *fw, const double *values,
    const struct rs_target *t, size_t nt, const struct rs_plan_opts *o,
    struct rs_plan *p, struct rs_error *err)
{
	struct rs_plan_opts o2 = *o;
	char *unreached;
	size_t k;
	int rc, all = 1;

	o2.collect = 0;
	if ((rc = plan_make(fw, values, t, nt, &o2, NULL, p, err)) != 0 ||
	    !o->collect)
		return rc;
	unreached = rs_calloc(nt + 1, 1);
	for (k = 0; k < nt; k++)
		if (!p->targets[k].reached)
			all = 0, unreached[k] = 1;
	if (!all) {
		rs_plan_release(p);
		rc = plan_make(fw, values, t, nt, o, unreached, p, err);
	}
	free(unreached);
	return rc;
}

static int
plan_make(const struct rs_framework *fw, const double *values,
    const struct rs_target *t, size_t nt, const struct rs_plan_opts *o,
    const char *unreached, struct rs_plan *p, struct rs_error *err)
{
	size_t ni = fw->nindicators, k, j, i, ind, tries;
	struct rs_city_result now, c0, c1;
	struct program pg;
	double *v0, *d, *slack, delta = 1e-9, x0, x, xl, s;
	struct rs_node *side;	/* each indicator seen from v0 */
	char *collected;
	int rc = 0, under, feasible;

	memset(p, 0, sizeof(*p));
	memset(&pg, 0, sizeof(pg));
	p->targets = rs_calloc(nt + 1, sizeof(*p->targets));
	p->values = rs_malloc((ni + 1) * sizeof(double));
	v0 = rs_malloc((ni + 1) * sizeof(double));
	collected = rs_calloc(ni + 1, 1);
	memcpy(v0, values, ni * sizeof(double));
	score_city(fw, values, &now);
	/* --collect: a missing indicator starts at its worst value. */
	for (k = 0; o->collect && k < ni; k++) {
		ind = fw->indicators[k];
		if (!isnan(values[k]) || !fw->nodes[ind].has_goalposts ||
		    !RS_LEVER_ALLOWED(o->levers, fw->nodes[ind].lever))
			continue;
		for (under = 0, j = 0; j < nt && !under; j++)
			under = unreached[j] && below(fw, ind, t[j].node);
		if (!under)
			continue;
		v0[k] = collect_start(&fw->nodes[ind]);
		collected[k] = 1;
	}
	score_city(fw, v0, &c0);
	side = rs_malloc((ni + 1) * sizeof(*side));
	for (k = 0; k < ni; k++)
		side[k] = side_of(&fw->nodes[fw->indicators[k]], v0[k]);

	/* Columns: the indicators that can move and count for a target. */
	pg.cols = rs_malloc((ni + 1) * sizeof(size_t));
	pg.rows = rs_malloc((nt + 1) * sizeof(size_t));
	for (k = 0; k < ni; k++) {
		const struct rs_node *n;

		ind = fw->indicators[k];
		n = &fw->nodes[ind];
		if (isnan(v0[k]) || !n->has_goalposts ||
		    !RS_LEVER_ALLOWED(o->levers, n->lever))
			continue;
		for (under = 0, j = 0; j < nt && !under; j++)
			under = !isnan(node_score(&c0, t[j].node)) &&
			    rs_plan_weight(fw, c0.score_of, t[j].node, ind) > 0;
		if (under)
			pg.cols[pg.ncols++] = ind;
	}
	pg.w = rs_calloc(nt * pg.ncols + 1, sizeof(double));
	pg.u = rs_calloc(pg.ncols + 1, sizeof(double));
	pg.u_free = rs_calloc(pg.ncols + 1, sizeof(double));
	for (j = 0; j < pg.ncols; j++) {
		const struct rs_node *n = &side[fw->nodes[pg.cols[j]].indicator];

		x0 = v0[n->indicator];
		s = c0.score_of[pg.cols[j]];
		pg.u[j] = rs_indicator_score(n, value_limit(n, x0, o, 1)) - s;
		pg.u_free[j] = rs_indicator_score(n, value_limit(n, x0, o, 0)) -
		    s;
		if (!(pg.u[j] > 0))
			pg.u[j] = 0;
		if (!(pg.u_free[j] > 0))
			pg.u_free[j] = 0;
		for (k = 0; k < nt; k++)
			pg.w[k * pg.ncols + j] = rs_plan_weight(fw, c0.score_of,
			    t[k].node, pg.cols[j]);
	}
	/* Rows: the targets with a score that is below them. */
	for (k = 0; k < nt; k++) {
		s = node_score(&c0, t[k].node);
		p->targets[k].before = node_score(&now, t[k].node);
		p->targets[k].shortfall = isnan(s) ? (double)NAN : 0;
		if (!isnan(s) && s < t[k].score + delta)
			pg.rows[pg.nrows++] = k;
	}
	d = rs_calloc(pg.ncols + 1, sizeof(double));
	slack = rs_calloc(pg.nrows + 1, sizeof(double));
	memset(&c1, 0, sizeof(c1));
	for (tries = 0; tries < 4; tries++, delta *= 1000) {
		memcpy(p->values, v0, ni * sizeof(double));
		p->effort_optimal = 0;
		if (pg.nrows > 0 && solve(fw, &pg, &c0, t, delta, d, slack,
		    &p->effort_optimal) != RS_LP_OPTIMAL) {
			rc = rs_error_set(err, RS_EINPUT, "", 0, 0, "the linear "
			    "programme of the plan could not be solved");
			goto out;
		}
		for (j = 0; j < pg.ncols; j++) {
			const struct rs_node *n =
			    &side[fw->nodes[pg.cols[j]].indicator];

			if (!(d[j] > 1e-12))
				continue;
			x0 = v0[n->indicator];
			xl = value_limit(n, x0, o, 1);
			s = c0.score_of[pg.cols[j]] + d[j];
			x = s >= rs_indicator_score(n, xl) ? xl :
			    value_of_score(n, s);
			p->values[n->indicator] = rs_plan_round(n, x, xl);
		}
		city_free(&c1);
		score_city(fw, p->values, &c1);
		feasible = 1;
		for (i = 0; i < pg.nrows; i++) {
			k = pg.rows[i];
			/* Reachable but missed by the last bit: more margin. */
			if (!(slack[i] > 1e-9) && !(node_score(&c1, t[k].node) >=
			    t[k].score))
				feasible = 0;
		}
		if (feasible)
			break;
	}
	if (tries == 4)
		delta /= 1000;
	/* The targets, with what falls short and what would close it. */
	for (k = 0; k < nt; k++) {
		struct rs_plan_target *pt = &p->targets[k];

		pt->after = node_score(&c1, t[k].node);
		pt->reached = pt->after >= t[k].score;
		/* The margin was asked for on top of the target. */
		for (i = 0; i < pg.nrows; i++)
			if (pg.rows[i] == k && slack[i] > 1e-9)
				pt->shortfall = slack[i] - delta > 0 ?
				    slack[i] - delta : 0;
		for (j = 0; j < ni; j++) {
			const struct rs_node *n;

			ind = fw->indicators[j];
			n = &fw->nodes[ind];
			if (!below(fw, ind, t[k].node))
				continue;
			if (isnan(values[j]))
				pt->nmissing++;
			if (isnan(v0[j]) || isnan(node_score(&c0, t[k].node)))
				continue;
			if (!RS_LEVER_ALLOWED(o->levers, n->lever))
				pt->other_levers += rs_plan_weight(fw,
				    c0.score_of, t[k].node, ind) *
				    (100 - c0.score_of[ind]);
		}
		for (j = 0; j < pg.ncols; j++)
			pt->capped += pg.w[k * pg.ncols + j] * (pg.u_free[j] -
			    pg.u[j]);
	}
	/* The changes, in framework order, and their effort. */
	p->changes = rs_calloc(ni + 1, sizeof(*p->changes));
	for (k = 0; k < ni; k++) {
		struct rs_plan_change *ch;

		ind = fw->indicators[k];
		if (!collected[k] && (isnan(values[k]) ||
		    !(p->values[k] < values[k] || p->values[k] > values[k])))
			continue;
		ch = &p->changes[p->nchanges++];
		ch->node = ind;
		ch->collect = collected[k] != 0;
		ch->value_from = values[k];
		ch->value_to = p->values[k];
		ch->score_from = now.score_of[ind];
		ch->score_to = c1.score_of[ind];
		p->effort += fw->nodes[ind].effort * (ch->score_to -
		    c0.score_of[ind]);
	}
out:
	city_free(&now);
	city_free(&c0);
	city_free(&c1);
	free(pg.cols);
	free(pg.rows);
	free(pg.w);
	free(pg.u);
	free(pg.u_free);
	free(d);
	free(slack);
	free(v0);
	free(side);
	free(collected);
	if (rc != 0)
		rs_plan_release(p);
	return rc;
}

void
rs_plan_release(struct rs_plan *p)
{
	free(p->targets);
	free(p->changes);
	free(p->values);
	memset(p, 0, sizeof(*p));
}
