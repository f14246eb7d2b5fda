/*
 * report.c - the views every format shares, and the dispatch of a report
 * to its format (docs/cli.md)
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/sort.h"
#include "resilience/actionable.h"
#include "base/text.h"
#include "report/report_priv.h"

int
rs_report_write(FILE *out, const struct rs_report *r,
    enum rs_report_view view, enum rs_report_format format,
    struct rs_error *err)
{
	static int (*const table[5][6])(FILE *, const struct rs_report *,
	    struct rs_error *) = {
		[RS_VIEW_SCORE] = {
			[RS_FORMAT_TEXT] = rs_report_text,
			[RS_FORMAT_JSON] = rs_report_json,
			[RS_FORMAT_CSV] = rs_report_csv_score,
			[RS_FORMAT_MD] = rs_report_md_score,
			[RS_FORMAT_HTML] = rs_report_html_score,
			[RS_FORMAT_XLSX] = rs_report_xlsx,
		},
		[RS_VIEW_COMPARE] = {
			[RS_FORMAT_TEXT] = rs_report_text_compare,
			[RS_FORMAT_JSON] = rs_report_json_compare,
			[RS_FORMAT_CSV] = rs_report_csv_compare,
			[RS_FORMAT_MD] = rs_report_md_compare,
			[RS_FORMAT_HTML] = rs_report_html_compare,
			[RS_FORMAT_XLSX] = rs_report_xlsx,
		},
		[RS_VIEW_PRIORITIES] = {
			[RS_FORMAT_TEXT] = rs_report_text_priorities,
			[RS_FORMAT_JSON] = rs_report_json_priorities,
			[RS_FORMAT_CSV] = rs_report_csv_priorities,
			[RS_FORMAT_MD] = rs_report_md_priorities,
			[RS_FORMAT_HTML] = rs_report_html_priorities,
		},
		[RS_VIEW_TREND] = {
			[RS_FORMAT_TEXT] = rs_report_text_trend,
			[RS_FORMAT_JSON] = rs_report_json_trend,
			[RS_FORMAT_CSV] = rs_report_csv_trend,
			[RS_FORMAT_MD] = rs_report_md_trend,
			[RS_FORMAT_HTML] = rs_report_html_trend,
		},
		[RS_VIEW_SHOCK] = {
			[RS_FORMAT_TEXT] = rs_report_text_shock,
			[RS_FORMAT_JSON] = rs_report_json_shock,
			[RS_FORMAT_CSV] = rs_report_csv_shock,
			[RS_FORMAT_MD] = rs_report_md_shock,
			[RS_FORMAT_HTML] = rs_report_html_shock,
		},
	};
	int rc;

	if ((unsigned)view > RS_VIEW_SHOCK ||
	    (unsigned)format > RS_FORMAT_XLSX ||
	    table[view][format] == NULL ||
	    (view == RS_VIEW_TREND && r->trend == NULL) ||
	    (view == RS_VIEW_SHOCK && (r->shock == NULL ||
	    r->shock_spec == NULL)))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0,
		    "no such report");
	rc = table[view][format](out, r, err);
	if (rc == 0 && ferror(out))
		rc = rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the report");
	return rc;
}

void
rs_buf_printf(struct rs_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	rs_grow(&b->s, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
rs_buf_release(struct rs_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

double
rs_row_score(const struct rs_city_result *c, size_t node)
{
	return node == RS_NONE ? c->score : c->score_of[node];
}

double
rs_row_change(const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_baseline *b = r->base;
	size_t k;
	double now, then;

	if (b == NULL)
		return (double)NAN;
	if (r->change != NULL)
		return rs_change_total(r->change, ci, node);
	now = rs_row_score(rs_results_city(r->res, ci), node);
	if (isnan(now) || (k = rs_baseline_find(b, rs_city_id(r, ci))) ==
	    RS_NONE)
		return (double)NAN;
	then = node == RS_NONE ? b->score[k] : b->score_of[k * b->nnodes +
	    node];
	return now - then + 0.0;	/* + 0.0: never -0 */
}

double
rs_row_change_like(const struct rs_report *r, size_t ci, size_t node)
{
	if (r->base == NULL || r->change == NULL)
		return (double)NAN;
	return rs_change_like_of(r->change, ci, node);
}

double
rs_row_change_comp(const struct rs_report *r, size_t ci, size_t node)
{
	if (r->base == NULL || r->change == NULL)
		return (double)NAN;
	return rs_change_composition(r->change, ci, node);
}

int
rs_like_available(const struct rs_report *r)
{
	size_t k;

	if (r->base == NULL || r->change == NULL || r->change->refused)
		return 0;
	for (k = 0; k < r->base->ncities; k++)
		if (r->base->has_values[k])
			return 1;
	return 0;
}

int
rs_in_baseline(const struct rs_report *r, size_t ci)
{
	if (r->base == NULL)
		return 0;
	if (r->change != NULL)
		return r->change->base_city[ci] != RS_NONE;
	return rs_baseline_find(r->base, rs_city_id(r, ci)) != RS_NONE;
}

size_t
rs_missing_count(const struct rs_report *r)
{
	return r->base != NULL && r->change != NULL ? r->change->nmissing :
	    0;
}

const char *
rs_missing_name(const struct rs_report *r, size_t k)
{
	return r->base->cities[r->change->missing[k]];
}

const char *
rs_missing_id(const struct rs_report *r, size_t k)
{
	return r->base->ids[r->change->missing[k]];
}

size_t
rs_time_ncities(const struct rs_report *r)
{
	return r->ds != NULL ? r->ds->ncities : 0;
}

const char *
rs_time_city(const struct rs_report *r, size_t ci)
{
	return rs_city_label(&r->ds->cities[ci], r->lang);
}

const char *
rs_time_id(const struct rs_report *r, size_t ci)
{
	return r->ds->cities[ci].id;
}

double
rs_trend_score(const struct rs_report *r, size_t ci, size_t y, size_t node)
{
	return r->trend->score[rs_trend_cell(r->trend, ci, y, node)];
}

double
rs_trend_coverage(const struct rs_report *r, size_t ci, size_t y,
    size_t node)
{
	return r->trend->coverage[rs_trend_cell(r->trend, ci, y, node)];
}

double
rs_trend_change(const struct rs_report *r, size_t ci, size_t y, size_t node)
{
	double now, then;

	if (y == 0)
		return (double)NAN;
	now = rs_trend_score(r, ci, y, node);
	then = rs_trend_score(r, ci, y - 1, node);
	if (isnan(now) || isnan(then))
		return (double)NAN;
	return now - then + 0.0;
}

double
rs_trend_like(const struct rs_report *r, size_t ci, size_t y, size_t node)
{
	return r->trend->like[rs_trend_cell(r->trend, ci, y, node)];
}

const struct rs_obs *
rs_trend_obs(const struct rs_report *r, size_t ci, size_t y, size_t node)
{
	const struct rs_trend *t = r->trend;
	size_t ind = r->fw->nodes[node].indicator, k;

	if (ind == RS_NONE)
		return NULL;
	k = t->chosen[(ci * t->nyears + y) * t->nindicators + ind];
	return k != RS_NONE ? rs_dataset_obs(r->ds, k) : NULL;
}

void
rs_shock_row(const struct rs_report *r, size_t ci, size_t node,
    struct rs_shock_row *row)
{
	const struct rs_shock *s = r->shock;

	row->before = rs_shock_score(s, ci, RS_SHOCK_BEFORE, node);
	row->shock = rs_shock_score(s, ci, RS_SHOCK_SHOCK, node);
	row->after = rs_shock_score(s, ci, RS_SHOCK_AFTER, node);
	row->loss = rs_shock_loss(row->before, row->shock);
	row->rebound = rs_shock_rebound(row->shock, row->after);
	row->net = rs_shock_net(row->before, row->after);
	row->ratio = rs_shock_ratio(row->loss, row->rebound);
	row->years = node == RS_NONE ? (double)NAN :
	    s->years_to_recover[ci * s->nnodes + node];
}

const char *
rs_city_id(const struct rs_report *r, size_t ci)
{
	return r->ids != NULL ? r->ids[ci] : r->res->cities[ci].name;
}

const struct rs_city *
rs_report_city(const struct rs_report *r, size_t ci)
{
	if (r->ds == NULL || (r->chosen == NULL && !r->in_place) ||
	    ci >= r->ds->ncities)
		return NULL;
	return &r->ds->cities[ci];
}

const struct rs_obs *
rs_value_obs(const struct rs_report *r, size_t ci, size_t node)
{
	size_t k, ind = r->fw->nodes[node].indicator;

	if (ind == RS_NONE || rs_report_city(r, ci) == NULL)
		return NULL;
	k = rs_dataset_chosen(r->ds, r->chosen, ci * r->fw->nindicators +
	    ind);
	return k != RS_NONE ? rs_dataset_obs(r->ds, k) : NULL;
}

const struct rs_obs *
rs_stale_obs(const struct rs_report *r, size_t ci, size_t node)
{
	size_t k, ind = r->fw->nodes[node].indicator;

	if (ind == RS_NONE || r->stale == NULL ||
	    rs_report_city(r, ci) == NULL)
		return NULL;
	k = r->stale[ci * r->fw->nindicators + ind];
	return k != RS_NONE ? rs_dataset_obs(r->ds, k) : NULL;
}

int
rs_city_years(const struct rs_report *r, size_t ci, long *lo, long *hi,
    size_t *undated, size_t *stale)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	size_t k, nu = 0, ns = 0;
	int any = 0;

	*lo = *hi = 0;
	for (k = 0; k < fw->nindicators; k++) {
		if (rs_stale_obs(r, ci, fw->indicators[k]) != NULL)
			ns++;
		if ((o = rs_value_obs(r, ci, fw->indicators[k])) == NULL)
			continue;
		if (!o->has_year) {
			nu++;
			continue;
		}
		if (!any || o->year < *lo)
			*lo = o->year;
		if (!any || o->year > *hi)
			*hi = o->year;
		any = 1;
	}
	if (undated != NULL)
		*undated = nu;
	if (stale != NULL)
		*stale = ns;
	return any;
}

char *
rs_fmt_years(char *buf, size_t n, const struct rs_report *r, size_t ci)
{
	long lo, hi;

	if (!rs_city_years(r, ci, &lo, &hi, NULL, NULL))
		snprintf(buf, n, "%s", "");
	else if (lo == hi)
		snprintf(buf, n, "%ld", lo);
	else
		snprintf(buf, n, "%ld-%ld", lo, hi);
	return buf;
}

const char *
rs_level_id(const struct rs_framework *fw, double score)
{
	return isnan(score) ? NULL : fw->levels[rs_framework_level(fw,
	    score)].id;
}

const char *
rs_level_word(const struct rs_report *r, double score)
{
	const struct rs_level *l;

	if (isnan(score))
		return NULL;
	l = &r->fw->levels[rs_framework_level(r->fw, score)];
	if (!rs_i18n_arabic(r->lang))
		return l->id;
	return rs_name_get(l->names, l->nnames, r->lang, l->id);
}

int
rs_node_below(const struct rs_framework *fw, size_t i, size_t top)
{
	for (; i != RS_NONE; i = fw->nodes[i].parent)
		if (i == top)
			return 1;
	return 0;
}

void
rs_report_say(FILE *out, const char *lang, enum rs_msg msg, const char *a,
    const char *b, const char *c)
{
	const char *const args[3] = {a, b, c};

	rs_i18n_print(out, rs_i18n(lang, msg), args, 3);
}

const char *
rs_node_label(const struct rs_report *r, size_t node)
{
	const struct rs_node *n = &r->fw->nodes[node];

	return rs_name_get(n->names, n->nnames, r->lang, n->id);
}

const char *
rs_framework_label(const struct rs_report *r)
{
	return rs_name_get(r->fw->names, r->fw->nnames, r->lang, r->fw->id);
}

size_t
rs_report_top(const struct rs_report *r, size_t n)
{
	return r->top >= 0 && (size_t)r->top < n ? (size_t)r->top : n;
}

#define COMPARE_PASS ((size_t)16 << 20)	/* bytes of row scores a pass */

void
rs_compare_init(struct rs_compare *cmp, const struct rs_report *r)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_results *res = r->res;
	size_t nc = res->ncities, i, k, row, per, from, to;
	struct rs_keyed *tmp;
	double *row_scores;
	long *rank;

	memset(cmp, 0, sizeof(*cmp));
	cmp->rows = rs_malloc((fw->nnodes + 1) * sizeof(size_t));
	cmp->rows[cmp->nrows++] = RS_NONE;
	for (i = 0; i < fw->nnodes; i++)
		if (fw->nodes[i].depth <= r->depth)
			cmp->rows[cmp->nrows++] = i;
	cmp->best = rs_malloc(cmp->nrows * sizeof(double));
	cmp->rank = rs_malloc((cmp->nrows * nc + 1) * sizeof(int32_t));
	/*
	 * City by city, as light results make one city whole at a time, in
	 * passes over the rows that hold at most COMPARE_PASS bytes of
	 * scores: a second pass scores every city again, but the scores of
	 * every row of 100,000 cities would take 70 MiB.
	 */
	per = COMPARE_PASS / sizeof(double) / (nc + 1);
	if (per < 1)
		per = 1;
	if (per > cmp->nrows)
		per = cmp->nrows;
	row_scores = rs_malloc((per * nc + 1) * sizeof(double));
	rank = rs_malloc((nc + 1) * sizeof(long));
	for (from = 0; from < cmp->nrows; from += per) {
		to = from + per < cmp->nrows ? from + per : cmp->nrows;
		for (k = 0; k < nc; k++) {
			const struct rs_city_result *c =
			    rs_results_scores(res, k);

			for (row = from; row < to; row++)
				row_scores[(row - from) * nc + k] =
				    rs_row_score(c, cmp->rows[row]);
		}
		for (row = from; row < to; row++) {
			const double *x = row_scores + (row - from) * nc;

			cmp->best[row] = (double)NAN;
			for (k = 0; k < nc; k++)
				if (!isnan(x[k]) && !(x[k] <= cmp->best[row]))
					cmp->best[row] = x[k];
			/* 1 + cities strictly higher, 0: none. */
			rs_rank_desc(x, nc, 1, rank);
			for (k = 0; k < nc; k++)
				cmp->rank[row * nc + k] = (int32_t)rank[k];
		}
	}
	free(rank);
	free(row_scores);
	/* The cities by rank: the rank, unscored (0) after every other. */
	tmp = rs_malloc((nc + 1) * sizeof(*tmp));
	cmp->order = rs_malloc((nc + 1) * sizeof(size_t));
	for (k = 0; k < nc; k++) {
		tmp[k].key = res->cities[k].rank > 0 ?
		    -(double)res->cities[k].rank : -(double)nc - 1;
		tmp[k].id = NULL;
		tmp[k].index = k;
	}
	rs_keyed_sort(tmp, nc);
	for (k = 0; k < nc; k++)
		cmp->order[k] = tmp[k].index;
	free(tmp);
}

void
rs_compare_release(struct rs_compare *cmp)
{
	free(cmp->rows);
	free(cmp->best);
	free(cmp->rank);
	free(cmp->order);
	memset(cmp, 0, sizeof(*cmp));
}

/* Append the sorted aggregate children of sib[0..n) and their own. */
static void
node_list(const struct rs_report *r, const struct rs_city_result *c,
    const size_t *sib, size_t n, size_t parent,
    struct rs_node_priority **items, size_t *count, size_t *cap)
{
	const struct rs_framework *fw = r->fw;
	struct rs_keyed *list = rs_malloc((n + 1) * sizeof(*list));
	size_t k, m = 0, self;

	for (k = 0; k < n; k++) {
		const struct rs_node *node = &fw->nodes[sib[k]];

		if (node->nchildren == 0 || !(c->gain_of[sib[k]] > 0))
			continue;
		list[m].key = c->gain_of[sib[k]];
		list[m].id = node->id;
		list[m++].index = sib[k];
	}
	rs_keyed_sort(list, m);
	m = rs_report_top(r, m);
	for (k = 0; k < m; k++) {
		rs_grow(items, cap, *count + 1, sizeof(**items));
		self = (*count)++;
		(*items)[self].node = list[k].index;
		(*items)[self].rank = k + 1;
		(*items)[self].parent = parent;
		node_list(r, c, fw->nodes[list[k].index].children,
		    fw->nodes[list[k].index].nchildren, self, items, count,
		    cap);
	}
	free(list);
}

size_t
rs_node_priorities(const struct rs_report *r, size_t ci,
    struct rs_node_priority **items)
{
	size_t count = 0, cap = 0;

	*items = NULL;
	node_list(r, &r->res->cities[ci], r->fw->top, r->fw->ntop, RS_NONE,
	    items, &count, &cap);
	return count;
}

/* Is observation a newer than b (a dated one beats an undated one)? */
static int
newer(const struct rs_obs *a, const struct rs_obs *b)
{
	if (a->has_year != b->has_year)
		return a->has_year;
	return a->year > b->year;
}

size_t *
rs_latest_obs(const struct rs_report *r)
{
	const struct rs_dataset *ds = r->ds;
	size_t nind = r->fw->nindicators, i, *cell, *latest;

	if (ds == NULL)
		return NULL;
	latest = rs_malloc((ds->ncities * nind + 1) * sizeof(size_t));
	for (i = 0; i < ds->ncities * nind; i++)
		latest[i] = rs_dataset_dense_obs(ds, i);
	for (i = 0; i < ds->nobs; i++) {
		cell = &latest[ds->obs[i].city * nind + ds->obs[i].indicator];
		if (*cell == RS_NONE || newer(&ds->obs[i],
		    rs_dataset_obs(ds, *cell)))
			*cell = i;
	}
	return latest;
}

struct collect_key {
	struct rs_collect item;
	const char *id;
};

static int
by_collect(const void *a, const void *b)
{
	const struct collect_key *x = a, *y = b;
	int xn = isnan(x->item.weight), yn = isnan(y->item.weight);

	if (xn != yn)
		return xn - yn;
	if (x->item.weight > y->item.weight)
		return -1;
	if (x->item.weight < y->item.weight)
		return 1;
	if (x->item.complete > y->item.complete)
		return -1;
	if (x->item.complete < y->item.complete)
		return 1;
	return strcmp(x->id, y->id);
}

/*
 * Every node's weight if known, its blocker and its complete weight for
 * city ci, in one pass each: a walk up from each missing indicator cost
 * their number times the depth.
 */
struct collect_weights {
	double *known, *complete;
	size_t *blocker;
};

static void
collect_weights(const struct rs_report *r, size_t ci,
    struct collect_weights *w)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = &r->res->cities[ci];

	w->known = rs_malloc((fw->nnodes + 1) * sizeof(*w->known));
	w->complete = rs_malloc((fw->nnodes + 1) * sizeof(*w->complete));
	w->blocker = rs_malloc((fw->nnodes + 1) * sizeof(*w->blocker));
	if (c->nmissing > 0) {
		rs_engine_weights_if_known(fw, c, w->known, w->blocker);
		rs_engine_weights_if_known(fw, NULL, w->complete, NULL);
	}
}

static void
collect_weights_release(struct collect_weights *w)
{
	free(w->known);
	free(w->complete);
	free(w->blocker);
}

/* Fill item it for the indicator node that city ci has no value of. */
static void
collect_item(const struct rs_report *r, const size_t *latest, size_t ci,
    size_t node, const struct collect_weights *w, struct rs_collect *it)
{
	const struct rs_framework *fw = r->fw;
	size_t obs;

	it->node = node;
	it->city = ci;
	it->weight = w->known[node];
	it->blocker = w->blocker[node];
	it->complete = w->complete[node];
	it->note = NULL;
	obs = latest != NULL && ci < r->ds->ncities ?
	    latest[ci * fw->nindicators + fw->nodes[node].indicator] : RS_NONE;
	if (obs != RS_NONE) {
		it->note = rs_obs_extra(r->ds, rs_dataset_obs(r->ds, obs),
		    "note");
		if (it->note != NULL && it->note[0] == '\0')
			it->note = NULL;
	}
	it->to_score = 0;
}

size_t
rs_gap_list(const struct rs_report *r, const size_t *latest, size_t ci,
    struct rs_collect **items)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	struct collect_weights w;
	size_t k;

	*items = rs_malloc((c->nmissing + 1) * sizeof(**items));
	collect_weights(r, ci, &w);
	for (k = 0; k < c->nmissing; k++)
		collect_item(r, latest, ci, c->missing[k], &w, &(*items)[k]);
	collect_weights_release(&w);
	return c->nmissing;
}

size_t
rs_collect_list(const struct rs_report *r, const size_t *latest, size_t ci,
    struct rs_collect **items)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = &r->res->cities[ci];
	struct collect_key *keys = rs_malloc((2 * c->nmissing + 1) *
	    sizeof(*keys));
	size_t k, n, *set = NULL, nset = 0;
	struct collect_weights w;

	/* docs/methodology.md, "A city without a score". */
	if (isnan(c->score)) {
		set = rs_malloc((fw->nindicators + 1) * sizeof(size_t));
		nset = rs_actionable_to_score(fw, c, set);
	}
	collect_weights(r, ci, &w);
	for (k = 0; k < c->nmissing; k++) {
		collect_item(r, latest, ci, c->missing[k], &w, &keys[k].item);
		keys[k].id = fw->nodes[c->missing[k]].id;
	}
	if (set == NULL) {
		qsort(keys, c->nmissing, sizeof(*keys), by_collect);
		n = rs_report_top(r, c->nmissing);
	} else {
		/* The set, in its order (complete weight, then id). */
		for (k = 0; k < nset; k++) {
			for (n = 0; keys[n].item.node != set[k]; n++)
				;
			keys[nset + c->nmissing].item = keys[n].item;
			keys[n] = keys[k];
			keys[k] = keys[nset + c->nmissing];
			keys[k].item.weight = (double)NAN;
			keys[k].item.blocker = RS_NONE;
			keys[k].item.to_score = nset;
		}
		n = rs_report_top(r, nset);
	}
	*items = rs_malloc((n + 1) * sizeof(**items));
	for (k = 0; k < n; k++)
		(*items)[k] = keys[k].item;
	free(keys);
	free(set);
	collect_weights_release(&w);
	return n;
}

const char *
rs_none_reason(const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	size_t k;

	if (isnan(c->score))
		return "None: the city has no score, so no gain is defined; "
		    "the data below would give it one.";
	for (k = 0; k < r->fw->nindicators; k++)
		if (!isnan(c->weight_of[r->fw->indicators[k]]))
			return "None: every indicator that counts is at its "
			    "best.";
	return "None: no indicator counts yet, for want of data.";
}

const char *
rs_gain_target(const struct rs_city_result *c)
{
	return isnan(c->score) ? "the mean of its scored areas" :
	    "the city's score";
}

/* "Name (id)", or just the id when the node has no name of its own. */
static void
say_node(struct rs_buf *b, const struct rs_report *r, size_t node)
{
	const char *name = rs_node_label(r, node);

	if (strcmp(name, r->fw->nodes[node].id) == 0)
		rs_buf_printf(b, "%s", name);
	else
		rs_buf_printf(b, "%s (%s)", name, r->fw->nodes[node].id);
}

/*
 * Whether the gain of aggregate node counts fewer indicators than those
 * with data below it, because some have a lever that r does not allow.
 */
static int
some_not_allowed(const struct rs_report *r, const struct rs_city_result *c,
    size_t node)
{
	size_t i;

	if (r->levers == 0)
		return 0;
	for (i = node + 1; i < r->fw->nnodes && r->fw->nodes[i].depth >
	    r->fw->nodes[node].depth; i++)
		if (r->fw->nodes[i].nchildren == 0 && !isnan(c->value[i]) &&
		    !RS_LEVER_ALLOWED(r->levers, r->fw->nodes[i].lever))
			return 1;
	return 0;
}

int
rs_lower_better(const struct rs_node *n, double x)
{
	if (n->has_band)
		return x > n->band[2];
	return n->has_goalposts && n->best < n->worst;
}

void
rs_say_value(struct rs_buf *b, const struct rs_node *n, double v)
{
	char num[64];

	rs_fmt_value(num, sizeof(num), v);
	if (n->unit != NULL && n->unit[0] == '%')
		rs_buf_printf(b, "%s%%", num);
	else
		rs_buf_printf(b, "%s", num);
}

static void say_change(struct rs_buf *b, const struct rs_report *r,
    const char *lang, size_t ci, size_t node, double top);

void
rs_say_gain(struct rs_buf *b, const struct rs_report *r, size_t ci,
    size_t node)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	const struct rs_node *n = &r->fw->nodes[node];
	double top = 100;
	char v[64], to[64];

	/*
	 * A pipeline measures gains towards its normaliser's top, which the
	 * contract gives back: gain = weight * (top - score).
	 */
	if (r->fw->pipeline != NULL && c->weight_of[node] > 0)
		top = c->score_of[node] + c->gain_of[node] /
		    c->weight_of[node];
	if (n->nchildren == 0 && n->has_goalposts) {
		say_change(b, r, NULL, ci, node, top);
		return;
	}
	rs_buf_printf(b, "Raising ");
	say_node(b, r, node);
	rs_buf_printf(b, " from %.1f to %s ", c->score_of[node],
	    rs_fmt_value(to, sizeof(to), top));
	if (n->nchildren > 0 && some_not_allowed(r, c, node))
		rs_buf_printf(b, "(every indicator with data that it can act "
		    "on at its best)");
	else if (n->nchildren > 0)
		rs_buf_printf(b, "(every indicator with data at its best)");
	else	/* a pipeline's normaliser scores it */
		rs_buf_printf(b, "(value %s%s%s)",
		    rs_fmt_value(v, sizeof(v), c->value[node]),
		    n->unit != NULL ? ", " : "", n->unit != NULL ? n->unit : "");
	rs_buf_printf(b, " would add up to %.2f points to %s.",
	    c->gain_of[node], rs_gain_target(c));
}

void
rs_say_collect(struct rs_buf *b, const struct rs_report *r,
    const struct rs_collect *item)
{
	rs_buf_printf(b, "Collecting ");
	say_node(b, r, item->node);
	if (item->to_score == 1) {
		rs_buf_printf(b, " alone would give the city a score (with "
		    "complete data it carries %.1f%% of the score).",
		    100 * item->complete);
	} else if (item->to_score > 0) {
		rs_buf_printf(b, " is one of the %zu indicators whose data "
		    "together would give the city a score (with complete data "
		    "it carries %.1f%% of the score).", item->to_score,
		    100 * item->complete);
	} else if (isnan(item->weight)) {
		rs_buf_printf(b, " alone would not count yet: ");
		say_node(b, r, item->blocker);
		rs_buf_printf(b, " needs data for %g%% of its weight "
		    "(with complete data it carries %.1f%% of the score).",
		    100 * r->fw->min_coverage, 100 * item->complete);
	} else {
		rs_buf_printf(b, " would let it carry %.1f%% of %s (%.1f%% "
		    "with complete data).", 100 * item->weight,
		    rs_gain_target(&r->res->cities[item->city]),
		    100 * item->complete);
	}
}

static void
put_buf(void *ctx, const char *s, size_t len)
{
	rs_buf_printf(ctx, "%.*s", (int)len, s);
}

/* Append template tmpl of i18n.h with %1..%9 replaced by args[0..n). */
static void
buf_template(struct rs_buf *b, const char *tmpl, const char *const *args,
    size_t n)
{
	rs_i18n_expand(tmpl, args, n, put_buf, b);
}

/*
 * "Reducing X (id) from 50.1% to 5% ... would add up to 5.00 points to
 * the city's score.": indicator node of city ci moved to its best, in
 * lang's words.
 */
static void
say_change(struct rs_buf *b, const struct rs_report *r, const char *lang,
    size_t ci, size_t node, double top)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	const struct rs_node *n = &r->fw->nodes[node];
	struct rs_buf name = {0}, parts[3] = {{0}, {0}, {0}};
	const char *args[6];
	char gain[32];
	size_t k;

	say_node(&name, r, node);
	rs_say_span_in(lang, n, c->value[node], rs_indicator_target(n,
	    c->value[node]), c->score_of[node], top, parts);
	snprintf(gain, sizeof(gain), "%.2f", c->gain_of[node]);
	args[0] = name.s;
	for (k = 0; k < 3; k++)
		args[k + 1] = parts[k].s;
	args[4] = gain;
	args[5] = rs_i18n(lang, RS_MSG_TARGET_CITY);
	buf_template(b, rs_i18n(lang, rs_lower_better(n, c->value[node]) ?
	    RS_MSG_SAY_REDUCE :
	    RS_MSG_SAY_RAISE), args, 6);
	for (k = 0; k < 3; k++)
		rs_buf_release(&parts[k]);
	rs_buf_release(&name);
}

void
rs_say_span_in(const char *lang, const struct rs_node *n, double from,
    double to, double score_from, double score_to, struct rs_buf *parts)
{
	struct rs_buf score = {0};
	const char *sargs[2], *u = rs_node_unit(n, lang);
	char s0[32], s1[32];

	rs_say_value(&parts[0], n, from);
	rs_say_value(&parts[1], n, to);
	snprintf(s0, sizeof(s0), "%.1f", score_from);
	/* 100, the top of a pipeline's scale, or a plan's score. */
	if (!(floor(score_to) < score_to))
		rs_fmt_value(s1, sizeof(s1), score_to);
	else
		snprintf(s1, sizeof(s1), "%.1f", score_to);
	sargs[0] = s0;
	sargs[1] = s1;
	buf_template(&score, rs_i18n(lang, RS_MSG_SAY_SCORE_SPAN), sargs, 2);
	/*
	 * English reads "5% of the labour force": a unit that starts with
	 * "%" lends the rest of its words to the second value.  Arabic
	 * names the unit (the framework's unit_ar, else its unit) apart.
	 */
	if (u != NULL && u[0] == '%' && !rs_i18n_arabic(lang)) {
		for (u++; *u == ' '; u++)
			;
		if (*u != '\0')
			rs_buf_printf(&parts[1], " %s", u);
		u = NULL;
	}
	if (u != NULL && strcmp(u, "%") != 0) {
		sargs[0] = u;
		buf_template(&parts[2], rs_i18n(lang, RS_MSG_SAY_UNIT), sargs,
		    1);
		rs_buf_printf(&parts[2], "%s", rs_i18n(lang,
		    RS_MSG_SEMICOLON));
	}
	rs_buf_printf(&parts[2], "%s", score.s);
	rs_buf_release(&score);
}

void
rs_say_gain_in(struct rs_buf *b, const struct rs_report *r, size_t ci,
    size_t node)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	const struct rs_node *n = &r->fw->nodes[node];
	struct rs_buf name = {0};
	const char *args[5];
	char from[32], to[32], gain[32];
	double top = 100;

	if (!rs_i18n_arabic(r->lang)) {
		rs_say_gain(b, r, ci, node);
		return;
	}
	if (r->fw->pipeline != NULL && c->weight_of[node] > 0)
		top = c->score_of[node] + c->gain_of[node] /
		    c->weight_of[node];
	say_node(&name, r, node);
	snprintf(gain, sizeof(gain), "%.2f", c->gain_of[node]);
	if (n->nchildren == 0 && n->has_goalposts) {
		say_change(b, r, r->lang, ci, node, top);
		rs_buf_release(&name);
		return;
	}
	snprintf(from, sizeof(from), "%.1f", c->score_of[node]);
	rs_fmt_value(to, sizeof(to), top);
	args[0] = name.s;
	args[1] = from;
	args[2] = to;
	args[3] = gain;
	args[4] = rs_i18n(r->lang, RS_MSG_TARGET_CITY);
	buf_template(b, rs_i18n(r->lang, RS_MSG_SAY_GAIN), args, 5);
	rs_buf_release(&name);
}

void
rs_say_collect_in(struct rs_buf *b, const struct rs_report *r,
    const struct rs_collect *item)
{
	struct rs_buf name = {0}, blocker = {0};
	const char *args[4];
	char w[32], full[32];

	if (!rs_i18n_arabic(r->lang)) {
		rs_say_collect(b, r, item);
		return;
	}
	say_node(&name, r, item->node);
	rs_fmt_percent(full, sizeof(full), item->complete);
	args[0] = name.s;
	if (item->to_score == 1) {
		args[1] = full;
		buf_template(b, rs_i18n(r->lang, RS_MSG_SAY_TO_SCORE_ONE), args,
		    2);
	} else if (item->to_score > 0) {
		snprintf(w, sizeof(w), "%zu", item->to_score);
		args[1] = w;
		args[2] = full;
		buf_template(b, rs_i18n(r->lang, RS_MSG_SAY_TO_SCORE), args, 3);
	} else if (isnan(item->weight)) {
		say_node(&blocker, r, item->blocker);
		snprintf(w, sizeof(w), "%g%%", 100 * r->fw->min_coverage);
		args[1] = blocker.s;
		args[2] = w;
		args[3] = full;
		buf_template(b, rs_i18n(r->lang, RS_MSG_SAY_BLOCKED), args, 4);
	} else {
		rs_fmt_percent(w, sizeof(w), item->weight);
		args[1] = w;
		args[2] = rs_i18n(r->lang, isnan(r->res->cities[item->city].
		    score) ? RS_MSG_TARGET_MEAN : RS_MSG_TARGET_CITY);
		args[3] = full;
		buf_template(b, rs_i18n(r->lang, RS_MSG_SAY_COLLECT), args, 4);
	}
	rs_buf_release(&name);
	rs_buf_release(&blocker);
}

const char *
rs_none_reason_in(const struct rs_report *r, size_t ci)
{
	const char *en = rs_none_reason(r, ci);

	if (!rs_i18n_arabic(r->lang))
		return en;
	if (isnan(r->res->cities[ci].score))
		return rs_i18n(r->lang, RS_MSG_NONE_NO_SCORE);
	return rs_i18n(r->lang, strncmp(en, "None: every", 11) == 0 ?
	    RS_MSG_NONE_BEST : RS_MSG_NONE_NO_DATA);
}

const char *
rs_collect_heading(const struct rs_report *r, size_t ci, int capital)
{
	if (isnan(r->res->cities[ci].score))
		return capital ? rs_i18n(r->lang, RS_MSG_COLLECT_TO_SCORE_CAP) :
		    rs_i18n(r->lang, RS_MSG_COLLECT_TO_SCORE);
	return rs_i18n(r->lang, capital ? RS_MSG_COLLECT : RS_MSG_T_COLLECT);
}

size_t
rs_context_list(const struct rs_report *r, size_t ci, size_t **items)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = &r->res->cities[ci];
	struct rs_keyed *list;
	size_t k, m = 0, ind;

	*items = rs_malloc((fw->nindicators + 1) * sizeof(size_t));
	if (r->levers == 0)
		return 0;
	list = rs_malloc((fw->nindicators + 1) * sizeof(*list));
	for (k = 0; k < fw->nindicators; k++) {
		ind = fw->indicators[k];
		if (!(c->gain_of[ind] > 0) || RS_LEVER_ALLOWED(r->levers,
		    fw->nodes[ind].lever))
			continue;
		list[m].key = c->gain_of[ind];
		list[m].id = fw->nodes[ind].id;
		list[m++].index = ind;
	}
	rs_keyed_sort(list, m);
	m = rs_report_top(r, m);
	for (k = 0; k < m; k++)
		(*items)[k] = list[k].index;
	free(list);
	return m;
}

static enum rs_msg
context_msg(enum rs_lever l)
{
	switch (l) {
	case RS_LEVER_MUNICIPAL:
		return RS_MSG_SAY_CONTEXT_MUNICIPAL;
	case RS_LEVER_NATIONAL:
		return RS_MSG_SAY_CONTEXT_NATIONAL;
	case RS_LEVER_CONTEXT:
		return RS_MSG_SAY_CONTEXT;
	default:
		return RS_MSG_SAY_CONTEXT_NONE;
	}
}

static void
say_context(struct rs_buf *b, const struct rs_report *r, const char *lang,
    size_t ci, size_t node)
{
	struct rs_buf name = {0};
	const char *args[2];
	char gain[32];

	say_node(&name, r, node);
	snprintf(gain, sizeof(gain), "%.2f",
	    r->res->cities[ci].gain_of[node]);
	args[0] = name.s;
	args[1] = gain;
	buf_template(b, rs_i18n(lang, context_msg(r->fw->nodes[node].lever)),
	    args, 2);
	rs_buf_release(&name);
}

void
rs_say_context(struct rs_buf *b, const struct rs_report *r, size_t ci,
    size_t node)
{
	say_context(b, r, NULL, ci, node);
}

void
rs_say_context_in(struct rs_buf *b, const struct rs_report *r, size_t ci,
    size_t node)
{
	say_context(b, r, r->lang, ci, node);
}

const char *
rs_context_heading(const struct rs_report *r, int capital)
{
	return rs_i18n(r->lang, capital ? RS_MSG_CONTEXT_CAP :
	    RS_MSG_CONTEXT);
}

const char *
rs_lever_word(const struct rs_report *r, enum rs_lever l)
{
	static const enum rs_msg m[RS_LEVER_COUNT] = {
		[RS_LEVER_NONE] = RS_MSG_LEVER_NONE,
		[RS_LEVER_MUNICIPAL] = RS_MSG_LEVER_MUNICIPAL,
		[RS_LEVER_NATIONAL] = RS_MSG_LEVER_NATIONAL,
		[RS_LEVER_CONTEXT] = RS_MSG_LEVER_CONTEXT,
	};

	return (unsigned)l < RS_LEVER_COUNT ? rs_i18n(r->lang, m[l]) : "-";
}

/* ---- evidence (docs/input.md, "Evidence") ------------------------- */

int
rs_obs_national(const struct rs_report *r, const struct rs_obs *o)
{
	static const char key[] = "national proxy";
	const char *note, *p;
	size_t k;

	if (o == NULL || r->ds == NULL ||
	    (note = rs_obs_extra(r->ds, o, "note")) == NULL)
		return 0;
	for (p = note; *p != '\0'; p++) {
		for (k = 0; key[k] != '\0'; k++)
			if (tolower((unsigned char)p[k]) != key[k])
				break;
		if (key[k] == '\0')
			return 1;
	}
	return 0;
}

void
rs_evidence_of(const struct rs_report *r, size_t ci, struct rs_evidence *e)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	size_t k;

	memset(e, 0, sizeof(*e));
	for (k = 0; k < fw->nindicators; k++) {
		if ((o = rs_value_obs(r, ci, fw->indicators[k])) == NULL)
			continue;
		e->with_data++;
		if (rs_obs_national(r, o))
			e->national++;
		else
			e->city_level++;
		if (!o->has_year) {
			e->undated++;
			continue;
		}
		if (!e->has_years || o->year < e->oldest)
			e->oldest = o->year;
		if (!e->has_years || o->year > e->newest)
			e->newest = o->year;
		e->has_years = 1;
	}
}

void
rs_say_evidence(struct rs_buf *b, const struct rs_report *r,
    const struct rs_evidence *e)
{
	char v[6][32];
	const char *args[6];
	size_t k;

	snprintf(v[0], sizeof(v[0]), "%zu", e->with_data);
	snprintf(v[1], sizeof(v[1]), "%zu", r->fw->nindicators);
	snprintf(v[2], sizeof(v[2]), "%zu", e->city_level);
	snprintf(v[3], sizeof(v[3]), "%zu", e->national);
	snprintf(v[4], sizeof(v[4]), "%ld", e->oldest);
	snprintf(v[5], sizeof(v[5]), "%ld", e->newest);
	for (k = 0; k < 6; k++)
		args[k] = v[k];
	buf_template(b, rs_i18n(r->lang, e->has_years ? RS_MSG_EVIDENCE_SUM :
	    RS_MSG_EVIDENCE_SUM_UNDATED), args, 6);
}

size_t
rs_values_below(const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_framework *fw = r->fw;
	size_t i, sum = 0;

	/* Nodes are in pre-order: those below node follow it, deeper. */
	for (i = node; i < fw->nnodes && (i == node ||
	    fw->nodes[i].depth > fw->nodes[node].depth); i++)
		if (fw->nodes[i].nchildren == 0)
			sum += rs_value_obs(r, ci, i) != NULL;
	return sum;
}

int
rs_indicative(const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_city_result *c;

	if (!(r->framework_coverage > 0) || r->res == NULL)
		return 0;
	c = &r->res->cities[ci];
	if (node == RS_NONE)
		return c->indicative;
	return c->indicative_of != NULL && c->indicative_of[node];
}

char *
rs_indicative_note(char *buf, size_t size, const struct rs_report *r,
    size_t ci)
{
	char need[32], used[32];
	const char *args[2] = {need, used};

	buf[0] = '\0';
	if (!rs_indicative(r, ci, RS_NONE))
		return buf;
	snprintf(need, sizeof(need), "%g%%", 100 * r->framework_coverage);
	snprintf(used, sizeof(used), "%g", r->fw->min_coverage);
	rs_i18n_expand_buf(buf, size, rs_i18n(r->lang,
	    RS_MSG_INDICATIVE_NOTE), args, 2);
	return buf;
}
