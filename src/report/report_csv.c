/*
 * report_csv.c - the CSV reports: a header, then a row per city and node
 *
 * Text cells are quoted as RFC 4180 says (always in double quotes, a
 * quote doubled); numbers are written bare, exactly (rs_fmt_exact), and
 * an empty cell is a null.  A text cell that begins with = + - @, a tab or
 * a carriage return gets a leading single quote, so that a spreadsheet
 * does not run it as a formula (CSV injection).  Lines end with LF.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "report/report_priv.h"

/* Write a separator unless the cell is the first of its row. */
static void
sep(FILE *out, int *first)
{
	if (!*first)
		fputc(',', out);
	*first = 0;
}

/* s[0..n) in double quotes, each quote doubled (RFC 4180, 2.7). */
static void
quoted(FILE *out, const char *s, size_t n)
{
	const char *q, *end = s + n;

	fputc('"', out);
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		fwrite(s, 1, (size_t)(q - s) + 1, out);
		fputc('"', out);
		s = q + 1;
	}
	fwrite(s, 1, (size_t)(end - s), out);
	fputc('"', out);
}

/* A text cell, neutralised and quoted; NULL is an empty cell. */
static void
text(FILE *out, int *first, const char *s)
{
	static const char risky[] = "=+-@\t\r";
	char *tmp;
	size_t n;

	sep(out, first);
	if (s == NULL)
		return;
	n = strlen(s);
	if (n > 0 && strchr(risky, s[0]) != NULL) {
		tmp = rs_malloc(n + 2);
		tmp[0] = '\'';
		memcpy(tmp + 1, s, n + 1);
		quoted(out, tmp, n + 1);
		free(tmp);
		return;
	}
	quoted(out, s, n);
}

/* A number cell, empty for NaN. */
static void
num(FILE *out, int *first, double v)
{
	char buf[64];

	sep(out, first);
	fputs(rs_fmt_exact(buf, sizeof(buf), v), out);
}

/* A count cell, empty when zero means "none" (ranks). */
static void
rank(FILE *out, int *first, long v)
{
	sep(out, first);
	if (v > 0)
		fprintf(out, "%ld", v);
}

static void
header(FILE *out, const char *const *cols)
{
	size_t i;

	for (i = 0; cols[i] != NULL; i++)
		fprintf(out, "%s%s", i > 0 ? "," : "", cols[i]);
	fputc('\n', out);
}

/* city, node, parent, depth, name: the key of every row. */
static void
row_key(FILE *out, int *first, const struct rs_report *r, size_t ci,
    size_t node)
{
	const struct rs_node *n = node == RS_NONE ? NULL :
	    &r->fw->nodes[node];

	text(out, first, r->res->cities[ci].name);
	text(out, first, n != NULL ? n->id : NULL);
	text(out, first, n != NULL && n->parent != RS_NONE ?
	    r->fw->nodes[n->parent].id : NULL);
	sep(out, first);
	fprintf(out, "%d", n != NULL ? n->depth : 0);
	text(out, first, n != NULL ? rs_node_label(r, node) : NULL);
}

/* A year cell of obs, empty without one. */
static void
year(FILE *out, int *first, const struct rs_obs *o)
{
	num(out, first, o != NULL && o->has_year ? (double)o->year :
	    (double)NAN);
}

/* change_like and change_composition of row node. */
static void
like_cells(FILE *out, int *first, const struct rs_report *r, size_t ci,
    size_t node)
{
	num(out, first, rs_row_change_like(r, ci, node));
	num(out, first, rs_row_change_comp(r, ci, node));
}

/* year_min and year_max of city ci, on its row (node RS_NONE). */
static void
span_cells(FILE *out, int *first, const struct rs_report *r, size_t ci,
    size_t node)
{
	long lo = 0, hi = 0;
	int any = node == RS_NONE && rs_city_years(r, ci, &lo, &hi, NULL,
	    NULL);

	num(out, first, any ? (double)lo : (double)NAN);
	num(out, first, any ? (double)hi : (double)NAN);
}

/* "new" for a city the baseline does not have, else empty. */
static void
baseline_cell(FILE *out, int *first, const struct rs_report *r, size_t ci)
{
	text(out, first, r->base == NULL || rs_in_baseline(r, ci) ? NULL :
	    "new");
}

/*
 * A row for each city of the baseline that the data do not have: its
 * name, id and "missing", the other cells empty (ncols in all; the id
 * in column idcol, "missing" in the last).
 */
static void
missing_rows(FILE *out, const struct rs_report *r, size_t ncols,
    size_t idcol, size_t depthcol)
{
	size_t k, col;
	int first;

	for (k = 0; k < rs_missing_count(r); k++) {
		first = 1;
		text(out, &first, rs_missing_name(r, k));
		for (col = 1; col + 1 < ncols; col++) {
			if (col == idcol) {
				text(out, &first, rs_missing_id(r, k));
			} else if (col == depthcol) {
				sep(out, &first);
				fputc('0', out);
			} else {
				sep(out, &first);
			}
		}
		text(out, &first, "missing");
		fputc('\n', out);
	}
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
		"stale_year", "baseline", NULL,
	};
	const struct rs_framework *fw = r->fw;
	struct rs_report all = *r;
	struct rs_compare cmp;
	const struct rs_obs *o, *stale;
	size_t ci, row, node, nc = r->res->ncities;
	int first;

	(void)err;
	all.depth = 1 << 30;
	rs_compare_init(&cmp, &all);
	header(out, cols);
	for (ci = 0; ci < nc; ci++) {
		const struct rs_city_result *c = rs_results_city(r->res, ci);

		for (row = 0; row < cmp.nrows; row++) {
			node = cmp.rows[row];
			first = 1;
			row_key(out, &first, r, ci, node);
			num(out, &first, rs_row_score(c, node));
			text(out, &first, rs_level_id(fw, rs_row_score(c,
			    node)));
			num(out, &first, node == RS_NONE ? c->coverage :
			    c->coverage_of[node]);
			num(out, &first, node == RS_NONE ? (double)NAN :
			    c->value[node]);
			o = node == RS_NONE ? NULL : rs_value_obs(r, ci, node);
			year(out, &first, o);
			num(out, &first, node == RS_NONE ? (double)NAN :
			    c->weight_of[node]);
			num(out, &first, node == RS_NONE ? (double)NAN :
			    c->gain_of[node]);
			rank(out, &first, cmp.rank[row * nc + ci]);
			num(out, &first, rs_row_change(r, ci, node));
			like_cells(out, &first, r, ci, node);
			text(out, &first, rs_city_id(r, ci));
			span_cells(out, &first, r, ci, node);
			sep(out, &first);
			if (o != NULL && !o->has_year)
				fputc('1', out);
			stale = node == RS_NONE ? NULL : rs_stale_obs(r, ci,
			    node);
			num(out, &first, stale != NULL ? stale->value :
			    (double)NAN);
			year(out, &first, stale);
			baseline_cell(out, &first, r, ci);
			fputc('\n', out);
		}
	}
	missing_rows(out, r, 23, 16, 3);
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
		"year_max", "baseline", NULL,
	};
	struct rs_compare cmp;
	size_t ci, row, nc = r->res->ncities;
	double s;
	int first;

	(void)err;
	rs_compare_init(&cmp, r);
	header(out, cols);
	for (ci = 0; ci < nc; ci++) {
		for (row = 0; row < cmp.nrows; row++) {
			first = 1;
			s = rs_row_score(&r->res->cities[ci], cmp.rows[row]);
			row_key(out, &first, r, ci, cmp.rows[row]);
			num(out, &first, s);
			text(out, &first, rs_level_id(r->fw, s));
			rank(out, &first, cmp.rank[row * nc + ci]);
			num(out, &first, cmp.best[row]);
			num(out, &first, cmp.best[row] - s);
			num(out, &first, rs_row_change(r, ci, cmp.rows[row]));
			like_cells(out, &first, r, ci, cmp.rows[row]);
			text(out, &first, rs_city_id(r, ci));
			year(out, &first, cmp.rows[row] == RS_NONE ? NULL :
			    rs_value_obs(r, ci, cmp.rows[row]));
			span_cells(out, &first, r, ci, cmp.rows[row]);
			baseline_cell(out, &first, r, ci);
			fputc('\n', out);
		}
	}
	missing_rows(out, r, 18, 13, 3);
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
	int first = 1, ind = n->nchildren == 0;

	text(out, &first, c->name);
	text(out, &first, list);
	rank(out, &first, (long)k);
	text(out, &first, n->id);
	text(out, &first, n->parent != RS_NONE ?
	    r->fw->nodes[n->parent].id : NULL);
	sep(out, &first);
	fprintf(out, "%d", n->depth);
	text(out, &first, rs_node_label(r, node));
	num(out, &first, c->score_of[node]);
	num(out, &first, ind ? c->value[node] : (double)NAN);
	num(out, &first, ind && n->has_goalposts ? n->best : (double)NAN);
	text(out, &first, ind ? n->unit : NULL);
	num(out, &first, it == NULL ? c->weight_of[node] : (double)NAN);
	num(out, &first, it == NULL ? c->gain_of[node] : (double)NAN);
	num(out, &first, it != NULL ? it->weight : (double)NAN);
	num(out, &first, it != NULL ? it->complete : (double)NAN);
	text(out, &first, it != NULL && it->blocker != RS_NONE ?
	    r->fw->nodes[it->blocker].id : NULL);
	text(out, &first, it != NULL ? it->note : NULL);
	if (it != NULL)
		rs_say_collect(&b, r, it);
	else
		rs_say_gain(&b, r, ci, node);
	text(out, &first, b.s);
	rs_buf_release(&b);
	year(out, &first, ind ? rs_value_obs(r, ci, node) : NULL);
	text(out, &first, rs_city_id(r, ci));
	fputc('\n', out);
}

/* A "missing" row for each city of the baseline the data do not have. */
static void
missing_priorities(FILE *out, const struct rs_report *r)
{
	size_t k, col;
	int first;

	for (k = 0; k < rs_missing_count(r); k++) {
		first = 1;
		text(out, &first, rs_missing_name(r, k));
		text(out, &first, "missing");
		for (col = 2; col < 19; col++)
			sep(out, &first);
		text(out, &first, rs_missing_id(r, k));
		fputc('\n', out);
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
	size_t *latest = rs_latest_obs(r), ci, k, n;

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
time_key(FILE *out, int *first, const struct rs_report *r, size_t ci,
    size_t node)
{
	const struct rs_node *n = node == RS_NONE ? NULL :
	    &r->fw->nodes[node];

	text(out, first, rs_time_city(r, ci));
	text(out, first, rs_time_id(r, ci));
	text(out, first, n != NULL ? n->id : NULL);
	text(out, first, n != NULL && n->parent != RS_NONE ?
	    r->fw->nodes[n->parent].id : NULL);
	sep(out, first);
	fprintf(out, "%d", n != NULL ? n->depth : 0);
	text(out, first, n != NULL ? rs_node_label(r, node) : NULL);
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
	int first;

	(void)err;
	header(out, cols);
	for (ci = 0; ci < rs_time_ncities(r); ci++)
		for (i = 0; i <= r->fw->nnodes; i++)
			for (y = 0; y < t->nyears; y++) {
				node = i == 0 ? RS_NONE : i - 1;
				first = 1;
				time_key(out, &first, r, ci, node);
				sep(out, &first);
				fprintf(out, "%ld", t->from + (long)y);
				s = rs_trend_score(r, ci, y, node);
				num(out, &first, s);
				text(out, &first, rs_level_id(r->fw, s));
				num(out, &first, rs_trend_coverage(r, ci, y,
				    node));
				total = rs_trend_change(r, ci, y, node);
				like = rs_trend_like(r, ci, y, node);
				num(out, &first, total);
				num(out, &first, like);
				num(out, &first, isnan(total) || isnan(like) ?
				    (double)NAN : total - like + 0.0);
				o = node == RS_NONE ? NULL :
				    rs_trend_obs(r, ci, y, node);
				num(out, &first, o != NULL ? o->value :
				    (double)NAN);
				year(out, &first, o);
				fputc('\n', out);
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
	int first;

	(void)err;
	header(out, cols);
	for (ci = 0; ci < rs_time_ncities(r); ci++)
		for (i = 0; i <= r->fw->nnodes; i++) {
			node = i == 0 ? RS_NONE : i - 1;
			first = 1;
			time_key(out, &first, r, ci, node);
			rs_shock_row(r, ci, node, &v);
			num(out, &first, v.before);
			num(out, &first, v.shock);
			num(out, &first, v.after);
			num(out, &first, v.loss);
			num(out, &first, v.rebound);
			num(out, &first, v.net);
			num(out, &first, v.ratio);
			num(out, &first, v.years);
			for (j = 0; j < s->nseries; j++)
				if (sp->series[j] == node)
					break;
			num(out, &first, j < s->nseries ?
			    s->resistance[ci * s->nseries + j] : (double)NAN);
			num(out, &first, j < s->nseries ?
			    s->recovery[ci * s->nseries + j] : (double)NAN);
			fputc('\n', out);
		}
	return 0;
}
