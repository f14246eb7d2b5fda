/*
 * report_csv.c - the CSV reports: a header, then a row per city and node
 *
 * Through the one CSV writer (csv_writer.h): text cells quoted and guarded
 * against formula injection, numbers bare and exact (rs_fmt_exact), an
 * empty cell for a null.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "io/csv_writer.h"
#include "report/report_priv.h"

/* A count cell, empty when zero means "none" (ranks). */
static void
rank(struct rs_csv *w, long v)
{
	if (v > 0)
		rs_csv_long(w, v);
	else
		rs_csv_bare(w, "");
}

/* The depth of a row: 0 for the city's own. */
static void
depth(struct rs_csv *w, int d)
{
	rs_csv_long(w, d);
}

/*
 * The quoted keys of a report's rows, made once: node, parent, depth and
 * name of each row of cmp (the city's name comes first, quoted per city).
 */
struct keys {
	char **s;
	size_t *len;
};

static void
keys_init(struct keys *k, const struct rs_report *r,
    const struct rs_compare *cmp)
{
	size_t row, cap;
	char *d;

	k->s = rs_calloc(cmp->nrows + 1, sizeof(*k->s));
	k->len = rs_calloc(cmp->nrows + 1, sizeof(*k->len));
	for (row = 0; row < cmp->nrows; row++) {
		size_t node = cmp->rows[row];
		const struct rs_node *n = node == RS_NONE ? NULL :
		    &r->fw->nodes[node];
		const char *id = n != NULL ? n->id : NULL;
		const char *parent = n != NULL && n->parent != RS_NONE ?
		    r->fw->nodes[n->parent].id : NULL;
		const char *name = n != NULL ? rs_node_label(r, node) : NULL;

		cap = (id != NULL ? rs_csv_quoted_max(id) : 0) +
		    (parent != NULL ? rs_csv_quoted_max(parent) : 0) +
		    (name != NULL ? rs_csv_quoted_max(name) : 0) + 32;
		d = k->s[row] = rs_malloc(cap);
		if (id != NULL)
			d += rs_csv_quoted(d, id);
		*d++ = ',';
		if (parent != NULL)
			d += rs_csv_quoted(d, parent);
		d += sprintf(d, ",%d,", n != NULL ? n->depth : 0);
		if (name != NULL)
			d += rs_csv_quoted(d, name);
		k->len[row] = (size_t)(d - k->s[row]);
	}
}

static void
keys_release(struct keys *k, size_t nrows)
{
	size_t row;

	for (row = 0; row < nrows; row++)
		free(k->s[row]);
	free(k->s);
	free(k->len);
}

/* The city's quoted name, made once for all its rows. */
static char *
quoted_city(const char *name, size_t *len)
{
	char *q = rs_malloc(rs_csv_quoted_max(name));

	*len = rs_csv_quoted(q, name);
	return q;
}

static void
header(FILE *out, const char *const *cols)
{
	struct rs_csv w;
	size_t i;

	rs_csv_init(&w, out);
	for (i = 0; cols[i] != NULL; i++)
		rs_csv_bare(&w, cols[i]);
	rs_csv_end(&w);
}

/* A year cell of obs, empty without one. */
static void
year(struct rs_csv *w, const struct rs_obs *o)
{
	rs_csv_number(w, o != NULL && o->has_year ? (double)o->year :
	    (double)NAN);
}

/* change_like and change_composition of row node. */
static void
like_cells(struct rs_csv *w, const struct rs_report *r, size_t ci,
    size_t node)
{
	rs_csv_number(w, rs_row_change_like(r, ci, node));
	rs_csv_number(w, rs_row_change_comp(r, ci, node));
}

/* year_min and year_max of city ci, on its row (node RS_NONE). */
static void
span_cells(struct rs_csv *w, const struct rs_report *r, size_t ci,
    size_t node)
{
	long lo = 0, hi = 0;
	int any = node == RS_NONE && rs_city_years(r, ci, &lo, &hi, NULL,
	    NULL);

	rs_csv_number(w, any ? (double)lo : (double)NAN);
	rs_csv_number(w, any ? (double)hi : (double)NAN);
}

/* "new" for a city the baseline does not have, else empty. */
static void
baseline_cell(struct rs_csv *w, const struct rs_report *r, size_t ci)
{
	rs_csv_text(w, r->base == NULL || rs_in_baseline(r, ci) ? NULL :
	    "new");
}

/*
 * A row for each city of the baseline that the data do not have: its
 * name, id and "missing", the other cells empty (ncols in all; the id
 * in column idcol, "missing" in the last).
 */
static void
missing_rows(FILE *out, const struct rs_report *r, size_t ncols,
    size_t idcol, size_t depthcol, size_t after)
{
	struct rs_csv w;
	size_t k, col;

	rs_csv_init(&w, out);
	for (k = 0; k < rs_missing_count(r); k++) {
		rs_csv_text(&w, rs_missing_name(r, k));
		for (col = 1; col + 1 < ncols; col++) {
			if (col == idcol)
				rs_csv_text(&w, rs_missing_id(r, k));
			else if (col == depthcol)
				depth(&w, 0);
			else
				rs_csv_bare(&w, "");
		}
		rs_csv_text(&w, "missing");
		for (col = 0; col < after; col++)
			rs_csv_bare(&w, "");
		rs_csv_end(&w);
	}
}

/*
 * The evidence of a value (docs/cli.md, "Evidence"): its indicator's
 * unit, its source and note, and "city" or "national" (a national proxy).
 */
static void
evidence_cells(struct rs_csv *w, const struct rs_report *r, size_t node,
    const struct rs_obs *o)
{
	rs_csv_text(w, node != RS_NONE && r->fw->nodes[node].nchildren == 0 ?
	    r->fw->nodes[node].unit : NULL);
	rs_csv_text(w, o != NULL ? rs_obs_extra(r->ds, o, "source") : NULL);
	rs_csv_text(w, o != NULL ? rs_obs_extra(r->ds, o, "note") : NULL);
	rs_csv_text(w, o == NULL ? NULL : rs_obs_national(r, o) ?
	    "national" : "city");
}

int
rs_report_csv_score(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "node", "parent", "depth", "name", "score", "level",
		"coverage", "value", "year", "weight", "gain", "rank",
		"change", "change_like", "change_composition", "city_id",
		"year_min", "year_max", "undated", "stale_value",
		"stale_year", "indicative", "baseline", "unit", "source",
		"note", "scope", NULL,
	};
	const struct rs_framework *fw = r->fw;
	struct rs_report all = *r;
	struct rs_compare cmp;
	const struct rs_obs *o, *stale;
	size_t ci, row, node, nc = r->res->ncities;
	struct rs_csv w;

	struct keys k;
	char *city;
	size_t clen;

	(void)err;
	all.depth = 1 << 30;
	rs_compare_init(&cmp, &all);
	header(out, cols);
	keys_init(&k, r, &cmp);
	rs_csv_init_block(&w, out);
	for (ci = 0; ci < nc; ci++) {
		const struct rs_city_result *c = rs_results_city(r->res, ci);

		city = quoted_city(c->name, &clen);
		for (row = 0; row < cmp.nrows; row++) {
			node = cmp.rows[row];
			rs_csv_raw(&w, city, clen, 1);
			rs_csv_raw(&w, k.s[row], k.len[row], 4);
			rs_csv_number(&w, rs_row_score(c, node));
			rs_csv_text(&w, rs_level_id(fw, rs_row_score(c,
			    node)));
			rs_csv_number(&w, node == RS_NONE ? c->coverage :
			    c->coverage_of[node]);
			rs_csv_number(&w, node == RS_NONE ? (double)NAN :
			    c->value[node]);
			o = node == RS_NONE ? NULL : rs_value_obs(r, ci, node);
			year(&w, o);
			rs_csv_number(&w, node == RS_NONE ? (double)NAN :
			    c->weight_of[node]);
			rs_csv_number(&w, node == RS_NONE ? (double)NAN :
			    c->gain_of[node]);
			rank(&w, cmp.rank[row * nc + ci]);
			rs_csv_number(&w, rs_row_change(r, ci, node));
			like_cells(&w, r, ci, node);
			rs_csv_text(&w, rs_city_id(r, ci));
			span_cells(&w, r, ci, node);
			rs_csv_bare(&w, o != NULL && !o->has_year ? "1" : "");
			stale = node == RS_NONE ? NULL : rs_stale_obs(r, ci,
			    node);
			rs_csv_number(&w, stale != NULL ? stale->value :
			    (double)NAN);
			year(&w, stale);
			rs_csv_bare(&w, rs_indicative(r, ci, node) ? "1" : "");
			baseline_cell(&w, r, ci);
			evidence_cells(&w, r, node, o);
			rs_csv_end(&w);
		}
		free(city);
	}
	rs_csv_flush(&w);
	keys_release(&k, cmp.nrows);
	missing_rows(out, r, 24, 16, 3, 4);
	rs_compare_release(&cmp);
	return 0;
}

int
rs_report_csv_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "node", "parent", "depth", "name", "score", "level",
		"rank", "best", "gap", "change", "change_like",
		"change_composition", "city_id", "year", "year_min",
		"year_max", "indicative", "baseline", NULL,
	};
	struct rs_compare cmp;
	size_t ci, row, nc = r->res->ncities;
	double s;
	struct rs_csv w;

	struct keys k;
	char *city;
	size_t clen;

	(void)err;
	rs_compare_init(&cmp, r);
	header(out, cols);
	keys_init(&k, r, &cmp);
	rs_csv_init_block(&w, out);
	for (ci = 0; ci < nc; ci++) {
		city = quoted_city(r->res->cities[ci].name, &clen);
		for (row = 0; row < cmp.nrows; row++) {
			s = rs_row_score(&r->res->cities[ci], cmp.rows[row]);
			rs_csv_raw(&w, city, clen, 1);
			rs_csv_raw(&w, k.s[row], k.len[row], 4);
			rs_csv_number(&w, s);
			rs_csv_text(&w, rs_level_id(r->fw, s));
			rank(&w, cmp.rank[row * nc + ci]);
			rs_csv_number(&w, cmp.best[row]);
			rs_csv_number(&w, cmp.best[row] - s);
			rs_csv_number(&w, rs_row_change(r, ci, cmp.rows[row]));
			like_cells(&w, r, ci, cmp.rows[row]);
			rs_csv_text(&w, rs_city_id(r, ci));
			year(&w, cmp.rows[row] == RS_NONE ? NULL :
			    rs_value_obs(r, ci, cmp.rows[row]));
			span_cells(&w, r, ci, cmp.rows[row]);
			rs_csv_bare(&w, rs_indicative(r, ci, cmp.rows[row]) ?
			    "1" : "");
			baseline_cell(&w, r, ci);
			rs_csv_end(&w);
		}
		free(city);
	}
	rs_csv_flush(&w);
	keys_release(&k, cmp.nrows);
	missing_rows(out, r, 19, 13, 3, 0);
	rs_compare_release(&cmp);
	return 0;
}

/* One row of the priorities CSV, for a priority or a collect item. */
static void
priority_row(FILE *out, const struct rs_report *r, size_t ci,
    const char *list, size_t k, size_t node, const struct rs_collect *it)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	const struct rs_node *n = &r->fw->nodes[node];
	struct rs_buf b = {0};
	struct rs_csv w;
	int ind = n->nchildren == 0;

	rs_csv_init(&w, out);
	rs_csv_text(&w, c->name);
	rs_csv_text(&w, list);
	rank(&w, (long)k);
	rs_csv_text(&w, n->id);
	rs_csv_text(&w, n->parent != RS_NONE ?
	    r->fw->nodes[n->parent].id : NULL);
	depth(&w, n->depth);
	rs_csv_text(&w, rs_node_label(r, node));
	rs_csv_number(&w, c->score_of[node]);
	rs_csv_number(&w, ind ? c->value[node] : (double)NAN);
	rs_csv_number(&w, ind && n->has_goalposts ?
	    rs_indicator_target(n, c->value[node]) : (double)NAN);
	rs_csv_text(&w, ind ? n->unit : NULL);
	rs_csv_number(&w, it == NULL ? c->weight_of[node] : (double)NAN);
	rs_csv_number(&w, it == NULL ? c->gain_of[node] : (double)NAN);
	rs_csv_number(&w, it != NULL ? it->weight : (double)NAN);
	rs_csv_number(&w, it != NULL ? it->complete : (double)NAN);
	rs_csv_text(&w, it != NULL && it->blocker != RS_NONE ?
	    r->fw->nodes[it->blocker].id : NULL);
	rs_csv_text(&w, it != NULL ? it->note : NULL);
	if (it != NULL)
		rs_say_collect(&b, r, it);
	else if (strcmp(list, "context") == 0)
		rs_say_context(&b, r, ci, node);
	else
		rs_say_gain(&b, r, ci, node);
	rs_csv_text(&w, b.s);
	rs_buf_release(&b);
	year(&w, ind ? rs_value_obs(r, ci, node) : NULL);
	rs_csv_text(&w, rs_city_id(r, ci));
	rs_csv_end(&w);
}

/* A "missing" row for each city of the baseline the data do not have. */
static void
missing_priorities(FILE *out, const struct rs_report *r)
{
	struct rs_csv w;
	size_t k, col;

	rs_csv_init(&w, out);
	for (k = 0; k < rs_missing_count(r); k++) {
		rs_csv_text(&w, rs_missing_name(r, k));
		rs_csv_text(&w, "missing");
		for (col = 2; col < 19; col++)
			rs_csv_bare(&w, "");
		rs_csv_text(&w, rs_missing_id(r, k));
		rs_csv_end(&w);
	}
}

int
rs_report_csv_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "list", "rank", "node", "parent", "depth", "name",
		"score", "value", "best", "unit", "weight", "gain",
		"weight_if_collected", "complete_weight", "blocked_by",
		"note", "text", "year", "city_id", NULL,
	};
	struct rs_node_priority *np;
	struct rs_collect *col;
	size_t *latest = rs_latest_obs(r), ci, k, n, *ctx;

	(void)err;
	header(out, cols);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c = &r->res->cities[ci];

		if (r->by_node) {
			n = rs_node_priorities(r, ci, &np);
			for (k = 0; k < n; k++)
				priority_row(out, r, ci, "improve", np[k].rank,
				    np[k].node, NULL);
			free(np);
		} else {
			n = rs_report_top(r, c->npriorities);
			for (k = 0; k < n; k++)
				priority_row(out, r, ci, "improve", k + 1,
				    c->priorities[k], NULL);
		}
		n = rs_context_list(r, ci, &ctx);
		for (k = 0; k < n; k++)
			priority_row(out, r, ci, "context", k + 1, ctx[k],
			    NULL);
		free(ctx);
		n = rs_collect_list(r, latest, ci, &col);
		for (k = 0; k < n; k++)
			priority_row(out, r, ci, "collect", k + 1,
			    col[k].node, &col[k]);
		free(col);
	}
	missing_priorities(out, r);
	free(latest);
	return 0;
}

/* ---- trend and shock ---------------------------------------------- */

/* city, city_id, node, parent, depth, name: the key of a timeline row. */
static void
time_key(struct rs_csv *w, const struct rs_report *r, size_t ci,
    size_t node)
{
	const struct rs_node *n = node == RS_NONE ? NULL :
	    &r->fw->nodes[node];

	rs_csv_text(w, rs_time_city(r, ci));
	rs_csv_text(w, rs_time_id(r, ci));
	rs_csv_text(w, n != NULL ? n->id : NULL);
	rs_csv_text(w, n != NULL && n->parent != RS_NONE ?
	    r->fw->nodes[n->parent].id : NULL);
	depth(w, n != NULL ? n->depth : 0);
	rs_csv_text(w, n != NULL ? rs_node_label(r, node) : NULL);
}

int
rs_report_csv_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "city_id", "node", "parent", "depth", "name", "year",
		"score", "level", "coverage", "change", "change_like",
		"change_composition", "value", "value_year", NULL,
	};
	const struct rs_trend *t = r->trend;
	const struct rs_obs *o;
	size_t ci, y, i, node;
	double s, total, like;
	struct rs_csv w;
	char buf[32];

	(void)err;
	rs_csv_init(&w, out);
	header(out, cols);
	for (ci = 0; ci < rs_time_ncities(r); ci++)
		for (i = 0; i <= r->fw->nnodes; i++)
			for (y = 0; y < t->nyears; y++) {
				node = i == 0 ? RS_NONE : i - 1;
				time_key(&w, r, ci, node);
				snprintf(buf, sizeof(buf), "%ld", t->from +
				    (long)y);
				rs_csv_bare(&w, buf);
				s = rs_trend_score(r, ci, y, node);
				rs_csv_number(&w, s);
				rs_csv_text(&w, rs_level_id(r->fw, s));
				rs_csv_number(&w, rs_trend_coverage(r, ci, y,
				    node));
				total = rs_trend_change(r, ci, y, node);
				like = rs_trend_like(r, ci, y, node);
				rs_csv_number(&w, total);
				rs_csv_number(&w, like);
				rs_csv_number(&w, isnan(total) || isnan(like) ?
				    (double)NAN : total - like + 0.0);
				o = node == RS_NONE ? NULL :
				    rs_trend_obs(r, ci, y, node);
				rs_csv_number(&w, o != NULL ? o->value :
				    (double)NAN);
				year(&w, o);
				rs_csv_end(&w);
			}
	return 0;
}

int
rs_report_csv_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "city_id", "node", "parent", "depth", "name",
		"score_before", "score_shock", "score_after", "loss",
		"rebound", "net", "recovery_ratio", "years_to_recover",
		"resistance", "recovery", NULL,
	};
	const struct rs_shock *s = r->shock;
	const struct rs_shock_spec *sp = r->shock_spec;
	struct rs_shock_row v;
	size_t ci, i, j, node;
	struct rs_csv w;

	(void)err;
	rs_csv_init(&w, out);
	header(out, cols);
	for (ci = 0; ci < rs_time_ncities(r); ci++)
		for (i = 0; i <= r->fw->nnodes; i++) {
			node = i == 0 ? RS_NONE : i - 1;
			time_key(&w, r, ci, node);
			rs_shock_row(r, ci, node, &v);
			rs_csv_number(&w, v.before);
			rs_csv_number(&w, v.shock);
			rs_csv_number(&w, v.after);
			rs_csv_number(&w, v.loss);
			rs_csv_number(&w, v.rebound);
			rs_csv_number(&w, v.net);
			rs_csv_number(&w, v.ratio);
			rs_csv_number(&w, v.years);
			for (j = 0; j < s->nseries; j++)
				if (sp->series[j] == node)
					break;
			rs_csv_number(&w, j < s->nseries ?
			    s->resistance[ci * s->nseries + j] : (double)NAN);
			rs_csv_number(&w, j < s->nseries ?
			    s->recovery[ci * s->nseries + j] : (double)NAN);
			rs_csv_end(&w);
		}
	return 0;
}
