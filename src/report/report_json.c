/*
 * report_json.c - the JSON reports, streamed (docs/schema/)
 *
 * Every report is written member by member through the stream of
 * json_writer.h, without a tree: a report of 100,000 cities holds no more
 * than its counters.  Numbers read back as the double computed, strings
 * are valid UTF-8 with the characters a terminal must not see raw
 * escaped, and the layout is cJSON_Print()'s.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "io/json_writer.h"
#include "report/report_priv.h"
#include "resilience/actionable.h"

static void
level(struct rs_jw *w, const struct rs_framework *fw, double score)
{
	rs_jw_string(w, "level", rs_level_id(fw, score));
}

/* v as the number of key when has, else null. */
static void
number_or_null(struct rs_jw *w, const char *key, int has, double v)
{
	if (has)
		rs_jw_number(w, key, v);
	else
		rs_jw_null(w, key);
}

/* The "framework" object every report starts with. */
static void
framework_json(struct rs_jw *w, const struct rs_report *r)
{
	const struct rs_framework *fw = r->fw;

	rs_jw_object(w, "framework");
	rs_jw_string(w, "id", fw->id);
	rs_jw_string(w, "name", rs_framework_label(r));
	rs_jw_string(w, "version", fw->version);
	rs_jw_number(w, "min_coverage", fw->min_coverage);
	if (r->framework_coverage > 0)
		rs_jw_number(w, "indicative_below", r->framework_coverage);
	rs_jw_end_object(w);
}

/*
 * Opens the root object and writes its "framework" and, with a baseline,
 * "baseline".
 */
static void
root_json(struct rs_jw *w, const struct rs_report *r)
{
	size_t k;

	rs_jw_object(w, NULL);
	framework_json(w, r);
	if (r->year != 0)
		rs_jw_number(w, "year", (double)r->year);
	if (r->has_max_age)
		rs_jw_number(w, "max_age", (double)r->max_age);
	if (r->base == NULL)
		return;
	rs_jw_object(w, "baseline");
	rs_jw_string(w, "file", r->base->path);
	rs_jw_number(w, "cities", (double)r->base->ncities);
	rs_jw_string(w, "framework_version", r->base->version);
	rs_jw_bool(w, "like_for_like", r->change != NULL &&
	    !r->change->refused);
	rs_jw_array(w, "missing");
	for (k = 0; k < rs_missing_count(r); k++) {
		rs_jw_object(w, NULL);
		rs_jw_string(w, "city", rs_missing_name(r, k));
		rs_jw_string(w, "id", rs_missing_id(r, k));
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
	rs_jw_end_object(w);
}

/*
 * Closes the stream w of a report on out with the final newline; an
 * error when it could not be written or was not well formed.
 */
static int
finish(FILE *out, struct rs_jw *w, struct rs_error *err)
{
	if (rs_jw_free(w) != 0 && !ferror(out))
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot format the JSON report");
	fputc('\n', out);
	if (ferror(out))
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the JSON report");
	return 0;
}

/* "id", and the display names and country the data give. */
static void
city_identity(struct rs_jw *w, const struct rs_report *r, size_t ci)
{
	const struct rs_city *c = rs_report_city(r, ci);

	rs_jw_string(w, "id", rs_city_id(r, ci));
	if (c == NULL)
		return;
	if (c->name_en != NULL)
		rs_jw_string(w, "name_en", c->name_en);
	if (c->name_ar != NULL)
		rs_jw_string(w, "name_ar", c->name_ar);
	if (c->country != NULL)
		rs_jw_string(w, "country", c->country);
}

/* "year_min", "year_max", "undated" and, with --max-age, "stale". */
static void
city_years(struct rs_jw *w, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	long lo, hi;
	size_t k, node;
	int any = rs_city_years(r, ci, &lo, &hi, NULL, NULL);

	number_or_null(w, "year_min", any, (double)lo);
	number_or_null(w, "year_max", any, (double)hi);
	rs_jw_array(w, "undated");
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		o = rs_value_obs(r, ci, node);
		if (o != NULL && !o->has_year)
			rs_jw_string(w, NULL, fw->nodes[node].id);
	}
	rs_jw_end_array(w);
	if (!r->has_max_age)
		return;
	rs_jw_array(w, "stale");
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		if ((o = rs_stale_obs(r, ci, node)) == NULL)
			continue;
		rs_jw_object(w, NULL);
		rs_jw_string(w, "id", fw->nodes[node].id);
		rs_jw_number(w, "value", o->value);
		rs_jw_number(w, "year", (double)o->year);
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
}

/* The city's score, level, coverage and rank, as every view gives them. */
static void
city_head(struct rs_jw *w, const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = &r->res->cities[ci];

	rs_jw_string(w, "city", c->name);
	city_identity(w, r, ci);
	rs_jw_number(w, "score", c->score);
	level(w, r->fw, c->score);
	rs_jw_number(w, "coverage", c->coverage);
	if (rs_indicative(r, ci, RS_NONE))
		rs_jw_bool(w, "indicative", 1);
	number_or_null(w, "rank", c->rank > 0, (double)c->rank);
	city_years(w, r, ci);
}

/* "change", "change_like" and "change_composition" of row node. */
static void
changes(struct rs_jw *w, const struct rs_report *r, size_t ci, size_t node)
{
	rs_jw_number(w, "change", rs_row_change(r, ci, node));
	rs_jw_number(w, "change_like", rs_row_change_like(r, ci, node));
	rs_jw_number(w, "change_composition", rs_row_change_comp(r, ci,
	    node));
}

/* With a baseline: "in_baseline" and the city's changes. */
static void
city_change(struct rs_jw *w, const struct rs_report *r, size_t ci)
{
	if (r->base == NULL)
		return;
	rs_jw_bool(w, "in_baseline", rs_in_baseline(r, ci));
	changes(w, r, ci, RS_NONE);
}

/*
 * An indicator's evidence (docs/cli.md, "Evidence"): "unit", and for a
 * value its "source", "note" and "scope" ("city" or "national").
 */
static void
evidence_json(struct rs_jw *w, const struct rs_report *r, size_t i,
    const struct rs_obs *o)
{
	rs_jw_string(w, "unit", r->fw->nodes[i].unit);
	if (o == NULL)
		return;
	rs_jw_string(w, "source", rs_obs_extra(r->ds, o, "source"));
	rs_jw_string(w, "note", rs_obs_extra(r->ds, o, "note"));
	rs_jw_string(w, "scope", rs_obs_national(r, o) ? "national" :
	    "city");
}

/* The city's "evidence": its values counted (rs_evidence_of()). */
static void
evidence_summary(struct rs_jw *w, const struct rs_report *r, size_t ci)
{
	struct rs_evidence e;

	rs_evidence_of(r, ci, &e);
	rs_jw_object(w, "evidence");
	rs_jw_number(w, "indicators_with_data", (double)e.with_data);
	rs_jw_number(w, "city_level", (double)e.city_level);
	rs_jw_number(w, "national_proxy", (double)e.national);
	rs_jw_number(w, "undated", (double)e.undated);
	number_or_null(w, "oldest_year", e.has_years, (double)e.oldest);
	number_or_null(w, "newest_year", e.has_years, (double)e.newest);
	rs_jw_end_object(w);
}

/* The "scores" object: every node of city c (docs/schema/). */
static void
scores_json(struct rs_jw *w, const struct rs_report *r, size_t ci,
    const struct rs_city_result *c)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	size_t i;

	rs_jw_object(w, "scores");
	for (i = 0; i < fw->nnodes; i++) {
		rs_jw_object(w, fw->nodes[i].id);
		rs_jw_number(w, "score", c->score_of[i]);
		level(w, fw, c->score_of[i]);
		if (fw->nodes[i].nchildren > 0) {
			rs_jw_number(w, "coverage", c->coverage_of[i]);
			if (rs_indicative(r, ci, i))
				rs_jw_bool(w, "indicative", 1);
		} else {
			o = rs_value_obs(r, ci, i);
			rs_jw_number(w, "value", c->value[i]);
			number_or_null(w, "year", o != NULL && o->has_year,
			    o != NULL ? (double)o->year : 0);
			/* docs/input.md, "Years": 2019/20 counts as 2019 */
			if (o != NULL && o->has_year == RS_YEAR_FISCAL)
				rs_jw_bool(w, "fiscal_year", 1);
			if (o != NULL && !o->has_year)
				rs_jw_bool(w, "undated", 1);
			evidence_json(w, r, i, o);
		}
		rs_jw_number(w, "weight", c->weight_of[i]);
		rs_jw_number(w, "gain", c->gain_of[i]);
		if (r->base != NULL)
			changes(w, r, ci, i);
		rs_jw_end_object(w);
	}
	rs_jw_end_object(w);
}

void
rs_json_city(struct rs_jw *w, const char *key, const struct rs_report *r,
    size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = rs_results_city(r->res, ci);
	size_t i, k;

	rs_jw_object(w, key);
	city_head(w, r, ci);
	rs_jw_number(w, "indicators_with_data",
	    (double)(fw->nindicators - c->nmissing));
	rs_jw_number(w, "indicators", (double)fw->nindicators);
	if (r->ds != NULL)
		evidence_summary(w, r, ci);
	city_change(w, r, ci);
	scores_json(w, r, ci, c);
	rs_jw_array(w, "priorities");
	for (i = 0; i < c->npriorities; i++) {
		k = c->priorities[i];
		rs_jw_object(w, NULL);
		rs_jw_string(w, "id", fw->nodes[k].id);
		rs_jw_number(w, "score", c->score_of[k]);
		rs_jw_number(w, "gain", c->gain_of[k]);
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
	rs_jw_array(w, "missing");
	for (i = 0; i < c->nmissing; i++)
		rs_jw_string(w, NULL, fw->nodes[c->missing[i]].id);
	rs_jw_end_array(w);
	rs_jw_end_object(w);
}

void
rs_json_root(struct rs_jw *w, const struct rs_report *r)
{
	root_json(w, r);
}

int
rs_report_json(FILE *out, const struct rs_report *r, struct rs_error *err)
{
	struct rs_jw *w = rs_jw_new(out, 0);
	size_t ci;

	root_json(w, r);
	rs_jw_array(w, "cities");
	for (ci = 0; ci < r->res->ncities; ci++)
		rs_json_city(w, NULL, r, ci);
	rs_jw_end_array(w);
	rs_jw_end_object(w);
	return finish(out, w, err);
}

/* A node's id, name, depth and parent id. */
static void
node_head(struct rs_jw *w, const struct rs_report *r, size_t node)
{
	const struct rs_node *n = &r->fw->nodes[node];

	rs_jw_string(w, "id", n->id);
	rs_jw_string(w, "name", rs_node_label(r, node));
	rs_jw_number(w, "depth", n->depth);
	rs_jw_string(w, "parent", n->parent == RS_NONE ? NULL :
	    r->fw->nodes[n->parent].id);
}

/* Row row of the compare view: the node and every city's cell. */
static void
compare_node(struct rs_jw *w, const struct rs_report *r,
    const struct rs_compare *cmp, size_t row)
{
	const struct rs_results *res = r->res;
	size_t node = cmp->rows[row], k, nc = res->ncities;
	const struct rs_obs *o;
	double s;

	rs_jw_object(w, NULL);
	node_head(w, r, node);
	rs_jw_number(w, "best", cmp->best[row]);
	rs_jw_array(w, "best_cities");
	for (k = 0; k < nc; k++) {
		s = res->cities[k].score_of[node];
		if (!isnan(s) && !(s < cmp->best[row]))
			rs_jw_string(w, NULL, res->cities[k].name);
	}
	rs_jw_end_array(w);
	rs_jw_array(w, "cities");
	for (k = 0; k < nc; k++) {
		s = res->cities[k].score_of[node];
		rs_jw_object(w, NULL);
		rs_jw_string(w, "city", res->cities[k].name);
		rs_jw_number(w, "score", s);
		level(w, r->fw, s);
		if (rs_indicative(r, k, node))
			rs_jw_bool(w, "indicative", 1);
		number_or_null(w, "rank", cmp->rank[row * nc + k] > 0,
		    (double)cmp->rank[row * nc + k]);
		rs_jw_number(w, "gap", cmp->best[row] - s);
		if (r->fw->nodes[node].nchildren == 0) {
			o = rs_value_obs(r, k, node);
			number_or_null(w, "year", o != NULL && o->has_year,
			    o != NULL ? (double)o->year : 0);
		}
		if (r->base != NULL)
			changes(w, r, k, node);
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
	rs_jw_end_object(w);
}

int
rs_report_json_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_results *res = r->res;
	const struct rs_city_result *c;
	struct rs_jw *w = rs_jw_new(out, 0);
	struct rs_compare cmp;
	size_t k, nc = res->ncities;

	rs_compare_init(&cmp, r);
	root_json(w, r);
	rs_jw_number(w, "depth", r->depth);
	rs_jw_array(w, "cities");
	for (k = 0; k < nc; k++) {
		rs_jw_object(w, NULL);
		city_head(w, r, k);
		rs_jw_number(w, "gap", cmp.best[0] - res->cities[k].score);
		city_change(w, r, k);
		scores_json(w, r, k, &res->cities[k]);
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
	rs_jw_array(w, "ranking");
	for (k = 0; k < nc; k++) {
		c = &res->cities[cmp.order[k]];
		rs_jw_object(w, NULL);
		number_or_null(w, "rank", c->rank > 0, (double)c->rank);
		rs_jw_string(w, "city", c->name);
		rs_jw_number(w, "score", c->score);
		level(w, r->fw, c->score);
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
	rs_jw_array(w, "nodes");
	for (k = 1; k < cmp.nrows; k++)
		compare_node(w, r, &cmp, k);
	rs_jw_end_array(w);
	rs_jw_end_object(w);
	rs_compare_release(&cmp);
	return finish(out, w, err);
}

/* A sentence from rs_say_*() as the string of key. */
static void
sentence(struct rs_jw *w, const char *key, struct rs_buf *b)
{
	rs_jw_string(w, key, b->s != NULL ? b->s : "");
	rs_buf_release(b);
}

/*
 * An entry of "priorities" or, with context, of "context": its text is
 * then the context sentence, and its lever follows.
 */
static void
priority_json(struct rs_jw *w, const struct rs_report *r, size_t ci,
    size_t node, size_t rank, int context)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	const struct rs_node *n = &r->fw->nodes[node];
	struct rs_buf b = {0};
	int ind = n->nchildren == 0;

	rs_jw_object(w, NULL);
	rs_jw_number(w, "rank", (double)rank);
	node_head(w, r, node);
	rs_jw_number(w, "score", c->score_of[node]);
	number_or_null(w, "value", ind, ind ? c->value[node] : 0);
	number_or_null(w, "best", ind && n->has_goalposts, ind &&
	    n->has_goalposts ? rs_indicator_target(n, c->value[node]) : 0);
	rs_jw_string(w, "unit", ind ? n->unit : NULL);
	rs_jw_number(w, "weight", c->weight_of[node]);
	rs_jw_number(w, "gain", c->gain_of[node]);
	if (context)
		rs_say_context(&b, r, ci, node);
	else
		rs_say_gain(&b, r, ci, node);
	sentence(w, "text", &b);
	if (context)
		rs_jw_string(w, "lever", rs_lever_name(n->lever));
	rs_jw_end_object(w);
}

static void
collect_json(struct rs_jw *w, const struct rs_report *r,
    const struct rs_collect *it, size_t rank)
{
	struct rs_buf b = {0};

	rs_jw_object(w, NULL);
	rs_jw_number(w, "rank", (double)rank);
	node_head(w, r, it->node);
	rs_jw_number(w, "weight_if_collected", it->weight);
	rs_jw_number(w, "complete_weight", it->complete);
	rs_jw_string(w, "blocked_by", it->blocker != RS_NONE ?
	    r->fw->nodes[it->blocker].id : NULL);
	rs_jw_string(w, "note", it->note);
	rs_say_collect(&b, r, it);
	sentence(w, "text", &b);
	rs_jw_end_object(w);
}

/* The "priorities" of city ci: by node, or its indicators' first. */
static void
priorities_list(struct rs_jw *w, const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	struct rs_node_priority *np;
	size_t k, n;

	rs_jw_array(w, "priorities");
	if (r->by_node) {
		n = rs_node_priorities(r, ci, &np);
		for (k = 0; k < n; k++)
			priority_json(w, r, ci, np[k].node, np[k].rank, 0);
		free(np);
	} else {
		n = rs_report_top(r, c->npriorities);
		for (k = 0; k < n; k++)
			priority_json(w, r, ci, c->priorities[k], k + 1, 0);
	}
	rs_jw_end_array(w);
}

/* A city of the priorities view; latest holds rs_latest_obs(). */
static void
priorities_city(struct rs_jw *w, const struct rs_report *r, size_t ci,
    size_t *latest)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	struct rs_collect *col;
	size_t k, n, *cx, *set;

	rs_jw_object(w, NULL);
	city_head(w, r, ci);
	city_change(w, r, ci);
	scores_json(w, r, ci, c);
	priorities_list(w, r, ci);
	rs_jw_array(w, "context");
	n = rs_context_list(r, ci, &cx);
	for (k = 0; k < n; k++)
		priority_json(w, r, ci, cx[k], k + 1, 1);
	free(cx);
	rs_jw_end_array(w);
	/* docs/methodology.md, "A city without a score". */
	if (isnan(c->score)) {
		set = rs_malloc((r->fw->nindicators + 1) * sizeof(size_t));
		rs_jw_array(w, "to_score");
		n = rs_actionable_to_score(r->fw, c, set);
		for (k = 0; k < n; k++)
			rs_jw_string(w, NULL, r->fw->nodes[set[k]].id);
		rs_jw_end_array(w);
		free(set);
	} else {
		rs_jw_null(w, "to_score");
	}
	rs_jw_array(w, "collect");
	n = rs_collect_list(r, latest, ci, &col);
	for (k = 0; k < n; k++)
		collect_json(w, r, &col[k], k + 1);
	free(col);
	rs_jw_end_array(w);
	rs_jw_end_object(w);
}

int
rs_report_json_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	size_t *latest = rs_latest_obs(r), ci;
	struct rs_jw *w = rs_jw_new(out, 0);
	unsigned l;

	root_json(w, r);
	rs_jw_string(w, "by", r->by_node ? "node" : "indicator");
	if (r->levers != 0) {
		rs_jw_array(w, "levers");
		for (l = 0; l < RS_LEVER_COUNT; l++)
			if (RS_LEVER_ALLOWED(r->levers, l))
				rs_jw_string(w, NULL, l == RS_LEVER_NONE ?
				    "none" : rs_lever_name((enum rs_lever)l));
		rs_jw_end_array(w);
	} else {
		rs_jw_null(w, "levers");
	}
	number_or_null(w, "top", r->top >= 0, r->top);
	rs_jw_array(w, "cities");
	for (ci = 0; ci < r->res->ncities; ci++)
		priorities_city(w, r, ci, latest);
	rs_jw_end_array(w);
	rs_jw_end_object(w);
	free(latest);
	return finish(out, w, err);
}

/* ---- trend and shock (docs/schema/trend.schema.json, shock) -------- */

/* change, change_like and change_composition from year y - 1 to y. */
static void
trend_changes(struct rs_jw *w, const struct rs_report *r, size_t ci,
    size_t y, size_t node)
{
	double total = rs_trend_change(r, ci, y, node);
	double like = rs_trend_like(r, ci, y, node);

	rs_jw_number(w, "change", total);
	rs_jw_number(w, "change_like", like);
	rs_jw_number(w, "change_composition", isnan(total) || isnan(like) ?
	    (double)NAN : total - like + 0.0);
}

static void
trend_year(struct rs_jw *w, const struct rs_report *r, size_t ci, size_t y)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	double s;
	size_t i;

	rs_jw_object(w, NULL);
	s = rs_trend_score(r, ci, y, RS_NONE);
	rs_jw_number(w, "year", (double)(r->trend->from + (long)y));
	rs_jw_number(w, "score", s);
	level(w, fw, s);
	rs_jw_number(w, "coverage", rs_trend_coverage(r, ci, y, RS_NONE));
	trend_changes(w, r, ci, y, RS_NONE);
	rs_jw_object(w, "scores");
	for (i = 0; i < fw->nnodes; i++) {
		rs_jw_object(w, fw->nodes[i].id);
		s = rs_trend_score(r, ci, y, i);
		rs_jw_number(w, "score", s);
		level(w, fw, s);
		if (fw->nodes[i].nchildren > 0) {
			rs_jw_number(w, "coverage", rs_trend_coverage(r, ci,
			    y, i));
		} else {
			o = rs_trend_obs(r, ci, y, i);
			rs_jw_number(w, "value", o != NULL ? o->value :
			    (double)NAN);
			number_or_null(w, "year", o != NULL, o != NULL ?
			    (double)o->year : 0);
		}
		trend_changes(w, r, ci, y, i);
		rs_jw_end_object(w);
	}
	rs_jw_end_object(w);
	rs_jw_end_object(w);
}

/* "max_age" when the years take older values too. */
static void
timeline_root(struct rs_jw *w, const struct rs_report *r)
{
	if (r->timeline != NULL && r->timeline->has_max_age)
		rs_jw_number(w, "max_age", (double)r->timeline->max_age);
}

int
rs_report_json_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	struct rs_jw *w = rs_jw_new(out, 0);
	size_t ci, y;

	rs_jw_object(w, NULL);
	framework_json(w, r);
	rs_jw_number(w, "from", (double)r->trend->from);
	rs_jw_number(w, "to", (double)r->trend->to);
	timeline_root(w, r);
	rs_jw_array(w, "cities");
	for (ci = 0; ci < rs_time_ncities(r); ci++) {
		rs_jw_object(w, NULL);
		rs_jw_string(w, "city", rs_time_city(r, ci));
		rs_jw_string(w, "id", rs_time_id(r, ci));
		rs_jw_array(w, "years");
		for (y = 0; y < r->trend->nyears; y++)
			trend_year(w, r, ci, y);
		rs_jw_end_array(w);
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
	rs_jw_end_object(w);
	return finish(out, w, err);
}

/* The figures of one node (RS_NONE: the city) of the shock view. */
static void
shock_node(struct rs_jw *w, const char *key, const struct rs_report *r,
    size_t ci, size_t node)
{
	struct rs_shock_row row;

	rs_shock_row(r, ci, node, &row);
	rs_jw_object(w, key);
	rs_jw_number(w, "score_before", row.before);
	rs_jw_number(w, "score_shock", row.shock);
	rs_jw_number(w, "score_after", row.after);
	rs_jw_number(w, "loss", row.loss);
	rs_jw_number(w, "rebound", row.rebound);
	rs_jw_number(w, "net", row.net);
	rs_jw_number(w, "recovery_ratio", row.ratio);
	if (node != RS_NONE)
		rs_jw_number(w, "years_to_recover", row.years);
	rs_jw_end_object(w);
}

static void
shock_city(struct rs_jw *w, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_shock *s = r->shock;
	size_t i;

	rs_jw_object(w, NULL);
	rs_jw_string(w, "city", rs_time_city(r, ci));
	rs_jw_string(w, "id", rs_time_id(r, ci));
	shock_node(w, "city_scores", r, ci, RS_NONE);
	rs_jw_object(w, "nodes");
	for (i = 0; i < fw->nnodes; i++)
		shock_node(w, fw->nodes[i].id, r, ci, i);
	rs_jw_end_object(w);
	rs_jw_object(w, "series");
	for (i = 0; i < s->nseries; i++) {
		rs_jw_object(w, fw->nodes[r->shock_spec->series[i]].id);
		rs_jw_number(w, "resistance", s->resistance[ci * s->nseries +
		    i]);
		rs_jw_number(w, "recovery", s->recovery[ci * s->nseries + i]);
		rs_jw_end_object(w);
	}
	rs_jw_end_object(w);
	rs_jw_end_object(w);
}

int
rs_report_json_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_shock_spec *sp = r->shock_spec;
	struct rs_jw *w = rs_jw_new(out, 0);
	size_t ci;

	rs_jw_object(w, NULL);
	framework_json(w, r);
	rs_jw_number(w, "before", (double)sp->year[RS_SHOCK_BEFORE]);
	rs_jw_number(w, "shock", (double)sp->year[RS_SHOCK_SHOCK]);
	rs_jw_number(w, "after", (double)sp->year[RS_SHOCK_AFTER]);
	timeline_root(w, r);
	if (sp->reference != RS_NONE) {
		rs_jw_object(w, "reference");
		rs_jw_string(w, "city", rs_time_city(r, sp->reference));
		rs_jw_string(w, "id", rs_time_id(r, sp->reference));
		rs_jw_end_object(w);
	} else {
		rs_jw_null(w, "reference");
	}
	rs_jw_array(w, "cities");
	for (ci = 0; ci < rs_time_ncities(r); ci++)
		shock_city(w, r, ci);
	rs_jw_end_array(w);
	rs_jw_end_object(w);
	return finish(out, w, err);
}
