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

#include "io/csv_writer.h"
#include "report/report_priv.h"

/* A count cell, empty when zero means "none" (ranks). */
static void
rank(struct rs_csv *w, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	rs_csv_bare(w, v > 0 ? buf : "");
}

/* The depth of a row: 0 for the city's own. */
static void
depth(struct rs_csv *w, int d)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%d", d);
	rs_csv_bare(w, buf);
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

/* city, node, parent, depth, name: the key of every row. */
static void
row_key(struct rs_csv *w, const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_node *n = node == RS_NONE ? NULL :
	    &r->fw->nodes[node];

	rs_csv_text(w, r->res->cities[ci].name);
	rs_csv_text(w, n != NULL ? n->id : NULL);
	rs_csv_text(w, n != NULL && n->parent != RS_NONE ?
	    r->fw->nodes[n->parent].id : NULL);
	depth(w, n != NULL ? n->depth : 0);
	rs_csv_text(w, n != NULL ? rs_node_label(r, node) : NULL);
}

int
rs_report_csv_score(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "node", "parent", "depth", "name", "score", "level",
		"coverage", "value", "year", "weight", "gain", "rank",
		"change", NULL,
	};
	const struct rs_framework *fw = r->fw;
	struct rs_report all = *r;
	struct rs_compare cmp;
	size_t ci, row, node, nc = r->res->ncities, obs;
	struct rs_csv w;

	(void)err;
	rs_csv_init(&w, out);
	all.depth = 1 << 30;
	rs_compare_init(&cmp, &all);
	header(out, cols);
	for (ci = 0; ci < nc; ci++) {
		const struct rs_city_result *c = rs_results_city(r->res, ci);

		for (row = 0; row < cmp.nrows; row++) {
			node = cmp.rows[row];
						row_key(&w, r, ci, node);
			rs_csv_number(&w, rs_row_score(c, node));
			rs_csv_text(&w, rs_level_id(fw, rs_row_score(c,
			    node)));
			rs_csv_number(&w, node == RS_NONE ? c->coverage :
			    c->coverage_of[node]);
			rs_csv_number(&w, node == RS_NONE ? (double)NAN :
			    c->value[node]);
			obs = node == RS_NONE || r->chosen == NULL ||
			    fw->nodes[node].nchildren > 0 ? RS_NONE :
			    r->chosen[ci * fw->nindicators +
			    fw->nodes[node].indicator];
			rs_csv_number(&w, obs != RS_NONE &&
			    r->ds->obs[obs].has_year ?
			    (double)r->ds->obs[obs].year : (double)NAN);
			rs_csv_number(&w, node == RS_NONE ? (double)NAN :
			    c->weight_of[node]);
			rs_csv_number(&w, node == RS_NONE ? (double)NAN :
			    c->gain_of[node]);
			rank(&w, cmp.rank[row * nc + ci]);
			rs_csv_number(&w, rs_row_change(r, ci, node));
			rs_csv_end(&w);
		}
	}
	rs_compare_release(&cmp);
	return 0;
}

int
rs_report_csv_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "node", "parent", "depth", "name", "score", "level",
		"rank", "best", "gap", "change", NULL,
	};
	struct rs_compare cmp;
	size_t ci, row, nc = r->res->ncities;
	double s;
	struct rs_csv w;

	(void)err;
	rs_csv_init(&w, out);
	rs_compare_init(&cmp, r);
	header(out, cols);
	for (ci = 0; ci < nc; ci++) {
		for (row = 0; row < cmp.nrows; row++) {
						s = rs_row_score(&r->res->cities[ci], cmp.rows[row]);
			row_key(&w, r, ci, cmp.rows[row]);
			rs_csv_number(&w, s);
			rs_csv_text(&w, rs_level_id(r->fw, s));
			rank(&w, cmp.rank[row * nc + ci]);
			rs_csv_number(&w, cmp.best[row]);
			rs_csv_number(&w, cmp.best[row] - s);
			rs_csv_number(&w, rs_row_change(r, ci, cmp.rows[row]));
			rs_csv_end(&w);
		}
	}
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
	rs_csv_number(&w, ind && n->has_goalposts ? n->best : (double)NAN);
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
	rs_csv_end(&w);
}

int
rs_report_csv_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"city", "list", "rank", "node", "parent", "depth", "name",
		"score", "value", "best", "unit", "weight", "gain",
		"weight_if_collected", "complete_weight", "blocked_by",
		"note", "text", NULL,
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
	free(latest);
	return 0;
}
