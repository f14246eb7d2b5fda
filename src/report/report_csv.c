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
			obs = node == RS_NONE || r->chosen == NULL ||
			    fw->nodes[node].nchildren > 0 ? RS_NONE :
			    r->chosen[ci * fw->nindicators +
			    fw->nodes[node].indicator];
			num(out, &first, obs != RS_NONE &&
			    r->ds->obs[obs].has_year ?
			    (double)r->ds->obs[obs].year : (double)NAN);
			num(out, &first, node == RS_NONE ? (double)NAN :
			    c->weight_of[node]);
			num(out, &first, node == RS_NONE ? (double)NAN :
			    c->gain_of[node]);
			rank(out, &first, cmp.rank[row * nc + ci]);
			num(out, &first, rs_row_change(r, ci, node));
			fputc('\n', out);
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
			fputc('\n', out);
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
	else if (strcmp(list, "context") == 0)
		rs_say_context(&b, r, ci, node);
	else
		rs_say_gain(&b, r, ci, node);
	text(out, &first, b.s);
	rs_buf_release(&b);
	fputc('\n', out);
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
