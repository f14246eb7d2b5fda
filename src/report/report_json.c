/*
 * report_json.c - the JSON reports through cJSON (docs/schema/)
 *
 * Numbers and strings are made by json_writer.h: every number reads back
 * as the double computed, every string is valid UTF-8 with the characters
 * a terminal must not see raw escaped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/mem.h"
#include "io/json_writer.h"
#include "report/report_priv.h"
#include "resilience/actionable.h"

static cJSON *
level(const struct rs_framework *fw, double score)
{
	return rs_json_string(rs_level_id(fw, score));
}

/*
 * Every key is a literal or an id of the framework, which outlives the
 * tree: cJSON need not copy it.
 */
static void
add(cJSON *obj, const char *key, cJSON *item)
{
	cJSON_AddItemToObjectCS(obj, key, item);
}

/* The "framework" object every report starts with. */
static cJSON *
framework_json(const struct rs_report *r)
{
	const struct rs_framework *fw = r->fw;
	cJSON *f = cJSON_CreateObject();

	add(f, "id", rs_json_string(fw->id));
	add(f, "name", rs_json_string(rs_framework_label(r)));
	add(f, "version", rs_json_string(fw->version));
	add(f, "min_coverage", rs_json_number(fw->min_coverage));
	if (r->framework_coverage > 0)
		add(f, "indicative_below",
		    rs_json_number(r->framework_coverage));
	return f;
}

/* A new root object with "framework" and, with a baseline, "baseline". */
static cJSON *
root_json(const struct rs_report *r)
{
	cJSON *root = cJSON_CreateObject(), *b, *list, *item;
	size_t k;

	add(root, "framework", framework_json(r));
	if (r->year != 0)
		add(root, "year", rs_json_number((double)r->year));
	if (r->has_max_age)
		add(root, "max_age", rs_json_number((double)r->max_age));
	if (r->base != NULL) {
		b = cJSON_CreateObject();
		add(b, "file", rs_json_string(r->base->path));
		add(b, "cities", rs_json_number((double)r->base->ncities));
		add(b, "framework_version", rs_json_string(
		    r->base->version));
		add(b, "like_for_like", cJSON_CreateBool(r->change != NULL &&
		    !r->change->refused));
		list = cJSON_AddArrayToObject(b, "missing");
		for (k = 0; k < rs_missing_count(r); k++) {
			item = cJSON_CreateObject();
			add(item, "city", rs_json_string(
			    rs_missing_name(r, k)));
			add(item, "id", rs_json_string(rs_missing_id(r, k)));
			cJSON_AddItemToArray(list, item);
		}
		add(root, "baseline", b);
	}
	return root;
}

/* "id", and the display names and country the data give. */
static void
city_identity(cJSON *city, const struct rs_report *r, size_t ci)
{
	const struct rs_city *c = rs_report_city(r, ci);

	add(city, "id", rs_json_string(rs_city_id(r, ci)));
	if (c == NULL)
		return;
	if (c->name_en != NULL)
		add(city, "name_en", rs_json_string(c->name_en));
	if (c->name_ar != NULL)
		add(city, "name_ar", rs_json_string(c->name_ar));
	if (c->country != NULL)
		add(city, "country", rs_json_string(c->country));
}

/* "year_min", "year_max", "undated" and, with --max-age, "stale". */
static void
city_years(cJSON *city, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	cJSON *list, *item;
	long lo, hi;
	size_t k, node;
	int any = rs_city_years(r, ci, &lo, &hi, NULL, NULL);

	add(city, "year_min", any ? rs_json_number((double)lo) :
	    cJSON_CreateNull());
	add(city, "year_max", any ? rs_json_number((double)hi) :
	    cJSON_CreateNull());
	list = cJSON_AddArrayToObject(city, "undated");
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		o = rs_value_obs(r, ci, node);
		if (o != NULL && !o->has_year)
			cJSON_AddItemToArray(list, rs_json_string(
			    fw->nodes[node].id));
	}
	if (!r->has_max_age)
		return;
	list = cJSON_AddArrayToObject(city, "stale");
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		if ((o = rs_stale_obs(r, ci, node)) == NULL)
			continue;
		item = cJSON_CreateObject();
		add(item, "id", rs_json_string(fw->nodes[node].id));
		add(item, "value", rs_json_number(o->value));
		add(item, "year", rs_json_number((double)o->year));
		cJSON_AddItemToArray(list, item);
	}
}

/* The city's score, level, coverage and rank, as every view gives them. */
static void
city_head(cJSON *city, const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = &r->res->cities[ci];

	add(city, "city", rs_json_string(c->name));
	city_identity(city, r, ci);
	add(city, "score", rs_json_number(c->score));
	add(city, "level", level(r->fw, c->score));
	add(city, "coverage", rs_json_number(c->coverage));
	if (rs_indicative(r, ci, RS_NONE))
		add(city, "indicative", cJSON_CreateTrue());
	add(city, "rank", c->rank > 0 ? rs_json_number((double)c->rank) :
	    cJSON_CreateNull());
	city_years(city, r, ci);
}

/* "change", "change_like" and "change_composition" of row node. */
static void
changes(cJSON *obj, const struct rs_report *r, size_t ci, size_t node)
{
	add(obj, "change", rs_json_number(rs_row_change(r, ci, node)));
	add(obj, "change_like", rs_json_number(rs_row_change_like(r, ci,
	    node)));
	add(obj, "change_composition", rs_json_number(rs_row_change_comp(r,
	    ci, node)));
}

/* With a baseline: "in_baseline" and the city's changes. */
static void
city_change(cJSON *city, const struct rs_report *r, size_t ci)
{
	if (r->base == NULL)
		return;
	add(city, "in_baseline", cJSON_CreateBool(rs_in_baseline(r, ci)));
	changes(city, r, ci, RS_NONE);
}

/*
 * An indicator's evidence (docs/cli.md, "Evidence"): "unit", and for a
 * value its "source", "note" and "scope" ("city" or "national").
 */
static void
evidence_json(cJSON *node, const struct rs_report *r, size_t i,
    const struct rs_obs *o)
{
	const char *v;

	add(node, "unit", rs_json_string(r->fw->nodes[i].unit));
	if (o == NULL)
		return;
	v = rs_obs_extra(r->ds, o, "source");
	add(node, "source", rs_json_string(v));
	v = rs_obs_extra(r->ds, o, "note");
	add(node, "note", rs_json_string(v));
	add(node, "scope", rs_json_string(rs_obs_national(r, o) ?
	    "national" : "city"));
}

/* The city's "evidence": its values counted (rs_evidence_of()). */
static cJSON *
evidence_summary(const struct rs_report *r, size_t ci)
{
	struct rs_evidence e;
	cJSON *obj = cJSON_CreateObject();

	rs_evidence_of(r, ci, &e);
	add(obj, "indicators_with_data", rs_json_number((double)e.with_data));
	add(obj, "city_level", rs_json_number((double)e.city_level));
	add(obj, "national_proxy", rs_json_number((double)e.national));
	add(obj, "undated", rs_json_number((double)e.undated));
	add(obj, "oldest_year", e.has_years ? rs_json_number((double)
	    e.oldest) : cJSON_CreateNull());
	add(obj, "newest_year", e.has_years ? rs_json_number((double)
	    e.newest) : cJSON_CreateNull());
	return obj;
}

/* The "scores" object: every node of city c (docs/schema/). */
static cJSON *
scores_json(const struct rs_report *r, size_t ci,
    const struct rs_city_result *c)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	cJSON *scores = cJSON_CreateObject(), *node;
	size_t i;

	for (i = 0; i < fw->nnodes; i++) {
		node = cJSON_CreateObject();
		add(node, "score", rs_json_number(c->score_of[i]));
		add(node, "level", level(fw, c->score_of[i]));
		if (fw->nodes[i].nchildren > 0) {
			add(node, "coverage", rs_json_number(c->coverage_of[i]));
			if (rs_indicative(r, ci, i))
				add(node, "indicative", cJSON_CreateTrue());
		} else {
			o = rs_value_obs(r, ci, i);
			add(node, "value", rs_json_number(c->value[i]));
			add(node, "year", o != NULL && o->has_year ?
			    rs_json_number((double)o->year) :
			    cJSON_CreateNull());
			/* docs/input.md, "Years": 2019/20 counts as 2019 */
			if (o != NULL && o->has_year == RS_YEAR_FISCAL)
				add(node, "fiscal_year", cJSON_CreateTrue());
			if (o != NULL && !o->has_year)
				add(node, "undated", cJSON_CreateTrue());
			evidence_json(node, r, i, o);
		}
		add(node, "weight", rs_json_number(c->weight_of[i]));
		add(node, "gain", rs_json_number(c->gain_of[i]));
		if (r->base != NULL)
			changes(node, r, ci, i);
		add(scores, fw->nodes[i].id, node);
	}
	return scores;
}

static cJSON *
city_json(const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = &r->res->cities[ci];
	cJSON *city = cJSON_CreateObject(), *list, *item;
	size_t i;

	city_head(city, r, ci);
	add(city, "indicators_with_data",
	    rs_json_number((double)(fw->nindicators - c->nmissing)));
	add(city, "indicators", rs_json_number((double)fw->nindicators));
	if (r->ds != NULL)
		add(city, "evidence", evidence_summary(r, ci));
	city_change(city, r, ci);
	add(city, "scores", scores_json(r, ci, c));
	list = cJSON_AddArrayToObject(city, "priorities");
	for (i = 0; i < c->npriorities; i++) {
		size_t k = c->priorities[i];

		item = cJSON_CreateObject();
		add(item, "id", rs_json_string(fw->nodes[k].id));
		add(item, "score", rs_json_number(c->score_of[k]));
		add(item, "gain", rs_json_number(c->gain_of[k]));
		cJSON_AddItemToArray(list, item);
	}
	list = cJSON_AddArrayToObject(city, "missing");
	for (i = 0; i < c->nmissing; i++)
		cJSON_AddItemToArray(list,
		    rs_json_string(fw->nodes[c->missing[i]].id));
	return city;
}

/* Builds item i of the array a report streams. */
typedef cJSON *item_fn(const struct rs_report *r, size_t i, void *ctx);

/*
 * Print root (which is deleted) with a last member key holding the n
 * items that item() builds, one at a time, so that a large report never
 * holds more than one item's tree.  The bytes are those cJSON_Print()
 * would give for the whole tree.
 */
static int
emit_streamed(FILE *out, cJSON *root, const char *key, size_t n,
    item_fn *item, void *ctx, const struct rs_report *r,
    struct rs_error *err)
{
	cJSON *it;
	size_t i;
	int rc;

	rc = rs_json_write_head(out, root, key);
	cJSON_Delete(root);
	for (i = 0; i < n && rc == 0; i++) {
		it = item(r, i, ctx);
		if (i > 0)
			fputs(", ", out);
		/* an item of the array of a root member sits at depth 2 */
		rc = rs_json_write(out, it, 2);
		cJSON_Delete(it);
	}
	if (rc != 0)
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot format the JSON report");
	fputs("]\n}\n", out);
	if (ferror(out))
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the JSON report");
	return 0;
}

static cJSON *
city_item(const struct rs_report *r, size_t i, void *ctx)
{
	(void)ctx;
	return city_json(r, i);
}

int
rs_report_json(FILE *out, const struct rs_report *r, struct rs_error *err)
{
	return emit_streamed(out, root_json(r), "cities", r->res->ncities,
	    city_item, NULL, r, err);
}

/* A node's id, name, depth and parent id. */
static void
node_head(cJSON *obj, const struct rs_report *r, size_t node)
{
	const struct rs_node *n = &r->fw->nodes[node];

	add(obj, "id", rs_json_string(n->id));
	add(obj, "name", rs_json_string(rs_node_label(r, node)));
	add(obj, "depth", rs_json_number(n->depth));
	add(obj, "parent", n->parent == RS_NONE ? cJSON_CreateNull() :
	    rs_json_string(r->fw->nodes[n->parent].id));
}

/* A row of the compare view: the node and every city's cell. */
static cJSON *
compare_node(const struct rs_report *r, size_t i, void *ctx)
{
	const struct rs_compare *cmp = ctx;
	const struct rs_results *res = r->res;
	size_t row = i + 1, node = cmp->rows[row], k, nc = res->ncities;
	cJSON *item = cJSON_CreateObject(), *cells, *cell, *best;
	double s;

	node_head(item, r, node);
	add(item, "best", rs_json_number(cmp->best[row]));
	best = cJSON_AddArrayToObject(item, "best_cities");
	cells = cJSON_AddArrayToObject(item, "cities");
	for (k = 0; k < nc; k++) {
		s = res->cities[k].score_of[node];
		if (!isnan(s) && !(s < cmp->best[row]))
			cJSON_AddItemToArray(best, rs_json_string(
			    res->cities[k].name));
		cell = cJSON_CreateObject();
		add(cell, "city", rs_json_string(res->cities[k].name));
		add(cell, "score", rs_json_number(s));
		add(cell, "level", level(r->fw, s));
		if (rs_indicative(r, k, node))
			add(cell, "indicative", cJSON_CreateTrue());
		add(cell, "rank", cmp->rank[row * nc + k] > 0 ?
		    rs_json_number((double)cmp->rank[row * nc + k]) :
		    cJSON_CreateNull());
		add(cell, "gap", rs_json_number(cmp->best[row] - s));
		if (r->fw->nodes[node].nchildren == 0) {
			const struct rs_obs *o = rs_value_obs(r, k, node);

			add(cell, "year", o != NULL && o->has_year ?
			    rs_json_number((double)o->year) :
			    cJSON_CreateNull());
		}
		if (r->base != NULL)
			changes(cell, r, k, node);
		cJSON_AddItemToArray(cells, cell);
	}
	return item;
}

int
rs_report_json_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_results *res = r->res;
	struct rs_compare cmp;
	cJSON *root = root_json(r), *list, *item;
	size_t k, nc = res->ncities;
	int rc;

	rs_compare_init(&cmp, r);
	add(root, "depth", rs_json_number(r->depth));
	list = cJSON_AddArrayToObject(root, "cities");
	for (k = 0; k < nc; k++) {
		item = cJSON_CreateObject();
		city_head(item, r, k);
		add(item, "gap", rs_json_number(cmp.best[0] - res->cities[k].score));
		city_change(item, r, k);
		add(item, "scores", scores_json(r, k, &res->cities[k]));
		cJSON_AddItemToArray(list, item);
	}
	list = cJSON_AddArrayToObject(root, "ranking");
	for (k = 0; k < nc; k++) {
		const struct rs_city_result *c = &res->cities[cmp.order[k]];

		item = cJSON_CreateObject();
		add(item, "rank", c->rank > 0 ? rs_json_number((double)c->rank) :
		    cJSON_CreateNull());
		add(item, "city", rs_json_string(c->name));
		add(item, "score", rs_json_number(c->score));
		add(item, "level", level(r->fw, c->score));
		cJSON_AddItemToArray(list, item);
	}
	rc = emit_streamed(out, root, "nodes", cmp.nrows - 1, compare_node,
	    &cmp, r, err);
	rs_compare_release(&cmp);
	return rc;
}

/* A sentence from rs_say_*() as a JSON string. */
static cJSON *
sentence(struct rs_buf *b)
{
	cJSON *s = rs_json_string(b->s != NULL ? b->s : "");

	rs_buf_release(b);
	return s;
}

static cJSON *
priority_json(const struct rs_report *r, size_t ci, size_t node,
    size_t rank)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	const struct rs_node *n = &r->fw->nodes[node];
	struct rs_buf b = {0};
	cJSON *item = cJSON_CreateObject();
	int ind = n->nchildren == 0;

	add(item, "rank", rs_json_number((double)rank));
	node_head(item, r, node);
	add(item, "score", rs_json_number(c->score_of[node]));
	add(item, "value", ind ? rs_json_number(c->value[node]) : cJSON_CreateNull());
	add(item, "best", ind && n->has_goalposts ?
	    rs_json_number(rs_indicator_target(n, c->value[node])) :
	    cJSON_CreateNull());
	add(item, "unit", rs_json_string(ind ? n->unit : NULL));
	add(item, "weight", rs_json_number(c->weight_of[node]));
	add(item, "gain", rs_json_number(c->gain_of[node]));
	rs_say_gain(&b, r, ci, node);
	add(item, "text", sentence(&b));
	return item;
}

static cJSON *
collect_json(const struct rs_report *r, const struct rs_collect *it,
    size_t rank)
{
	struct rs_buf b = {0};
	cJSON *item = cJSON_CreateObject();

	add(item, "rank", rs_json_number((double)rank));
	node_head(item, r, it->node);
	add(item, "weight_if_collected", rs_json_number(it->weight));
	add(item, "complete_weight", rs_json_number(it->complete));
	add(item, "blocked_by", rs_json_string(it->blocker != RS_NONE ?
	    r->fw->nodes[it->blocker].id : NULL));
	add(item, "note", rs_json_string(it->note));
	rs_say_collect(&b, r, it);
	add(item, "text", sentence(&b));
	return item;
}

/* A city of the priorities view; ctx holds rs_latest_obs(). */
static cJSON *
priorities_city(const struct rs_report *r, size_t ci, void *ctx)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	struct rs_node_priority *np;
	struct rs_collect *col;
	cJSON *city = cJSON_CreateObject(), *list;
	size_t k, n, *cx;

	city_head(city, r, ci);
	city_change(city, r, ci);
	add(city, "scores", scores_json(r, ci, c));
	list = cJSON_AddArrayToObject(city, "priorities");
	if (r->by_node) {
		n = rs_node_priorities(r, ci, &np);
		for (k = 0; k < n; k++)
			cJSON_AddItemToArray(list, priority_json(r, ci,
			    np[k].node, np[k].rank));
		free(np);
	} else {
		n = rs_report_top(r, c->npriorities);
		for (k = 0; k < n; k++)
			cJSON_AddItemToArray(list, priority_json(r, ci,
			    c->priorities[k], k + 1));
	}
	list = cJSON_AddArrayToObject(city, "context");
	n = rs_context_list(r, ci, &cx);
	for (k = 0; k < n; k++) {
		cJSON *it = priority_json(r, ci, cx[k], k + 1);
		struct rs_buf b = {0};
		const char *lever = rs_lever_name(r->fw->nodes[cx[k]].lever);

		add(it, "lever", rs_json_string(lever));
		rs_say_context(&b, r, ci, cx[k]);
		cJSON_ReplaceItemInObjectCaseSensitive(it, "text",
		    sentence(&b));
		cJSON_AddItemToArray(list, it);
	}
	free(cx);
	/* docs/methodology.md, "A city without a score". */
	if (isnan(c->score)) {
		size_t *set = rs_malloc((r->fw->nindicators + 1) *
		    sizeof(size_t));

		list = cJSON_AddArrayToObject(city, "to_score");
		n = rs_actionable_to_score(r->fw, c, set);
		for (k = 0; k < n; k++)
			cJSON_AddItemToArray(list, cJSON_CreateString(
			    r->fw->nodes[set[k]].id));
		free(set);
	} else {
		add(city, "to_score", cJSON_CreateNull());
	}
	list = cJSON_AddArrayToObject(city, "collect");
	n = rs_collect_list(r, ctx, ci, &col);
	for (k = 0; k < n; k++)
		cJSON_AddItemToArray(list, collect_json(r, &col[k], k + 1));
	free(col);
	return city;
}

int
rs_report_json_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	size_t *latest = rs_latest_obs(r);
	cJSON *root = root_json(r);
	int rc;

	add(root, "by", rs_json_string(r->by_node ? "node" :
	    "indicator"));
	if (r->levers != 0) {
		cJSON *lv = cJSON_CreateArray();
		unsigned l;

		for (l = 0; l < RS_LEVER_COUNT; l++)
			if (RS_LEVER_ALLOWED(r->levers, l))
				cJSON_AddItemToArray(lv, cJSON_CreateString(
				    l == RS_LEVER_NONE ? "none" :
				    rs_lever_name((enum rs_lever)l)));
		add(root, "levers", lv);
	} else {
		add(root, "levers", cJSON_CreateNull());
	}
	add(root, "top", r->top >= 0 ? rs_json_number(r->top) : cJSON_CreateNull());
	rc = emit_streamed(out, root, "cities", r->res->ncities,
	    priorities_city, latest, r, err);
	free(latest);
	return rc;
}

/* ---- trend and shock (docs/schema/trend.schema.json, shock) -------- */

/* change, change_like and change_composition from year y - 1 to y. */
static void
trend_changes(cJSON *obj, const struct rs_report *r, size_t ci, size_t y,
    size_t node)
{
	double total = rs_trend_change(r, ci, y, node);
	double like = rs_trend_like(r, ci, y, node);

	add(obj, "change", rs_json_number(total));
	add(obj, "change_like", rs_json_number(like));
	add(obj, "change_composition", rs_json_number(isnan(total) ||
	    isnan(like) ? (double)NAN : total - like + 0.0));
}

static cJSON *
trend_year(const struct rs_report *r, size_t ci, size_t y)
{
	const struct rs_framework *fw = r->fw;
	cJSON *item = cJSON_CreateObject(), *scores, *node;
	const struct rs_obs *o;
	double s;
	size_t i;

	s = rs_trend_score(r, ci, y, RS_NONE);
	add(item, "year", rs_json_number((double)(r->trend->from +
	    (long)y)));
	add(item, "score", rs_json_number(s));
	add(item, "level", level(fw, s));
	add(item, "coverage", rs_json_number(rs_trend_coverage(r, ci, y,
	    RS_NONE)));
	trend_changes(item, r, ci, y, RS_NONE);
	scores = cJSON_AddObjectToObject(item, "scores");
	for (i = 0; i < fw->nnodes; i++) {
		node = cJSON_CreateObject();
		s = rs_trend_score(r, ci, y, i);
		add(node, "score", rs_json_number(s));
		add(node, "level", level(fw, s));
		if (fw->nodes[i].nchildren > 0) {
			add(node, "coverage", rs_json_number(
			    rs_trend_coverage(r, ci, y, i)));
		} else {
			o = rs_trend_obs(r, ci, y, i);
			add(node, "value", rs_json_number(o != NULL ? o->value :
			    (double)NAN));
			add(node, "year", o != NULL ?
			    rs_json_number((double)o->year) :
			    cJSON_CreateNull());
		}
		trend_changes(node, r, ci, y, i);
		add(scores, fw->nodes[i].id, node);
	}
	return item;
}

static cJSON *
trend_city(const struct rs_report *r, size_t ci, void *ctx)
{
	cJSON *city = cJSON_CreateObject(), *years;
	size_t y;

	(void)ctx;
	add(city, "city", rs_json_string(rs_time_city(r, ci)));
	add(city, "id", rs_json_string(rs_time_id(r, ci)));
	years = cJSON_AddArrayToObject(city, "years");
	for (y = 0; y < r->trend->nyears; y++)
		cJSON_AddItemToArray(years, trend_year(r, ci, y));
	return city;
}

/* "max_age" when the years take older values too. */
static void
timeline_root(cJSON *root, const struct rs_report *r)
{
	if (r->timeline != NULL && r->timeline->has_max_age)
		add(root, "max_age", rs_json_number((double)
		    r->timeline->max_age));
}

int
rs_report_json_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	cJSON *root = cJSON_CreateObject();

	add(root, "framework", framework_json(r));
	add(root, "from", rs_json_number((double)r->trend->from));
	add(root, "to", rs_json_number((double)r->trend->to));
	timeline_root(root, r);
	return emit_streamed(out, root, "cities", rs_time_ncities(r),
	    trend_city, NULL, r, err);
}

/* The figures of one node (RS_NONE: the city) of the shock view. */
static cJSON *
shock_node(const struct rs_report *r, size_t ci, size_t node)
{
	struct rs_shock_row row;
	cJSON *item = cJSON_CreateObject();

	rs_shock_row(r, ci, node, &row);
	add(item, "score_before", rs_json_number(row.before));
	add(item, "score_shock", rs_json_number(row.shock));
	add(item, "score_after", rs_json_number(row.after));
	add(item, "loss", rs_json_number(row.loss));
	add(item, "rebound", rs_json_number(row.rebound));
	add(item, "net", rs_json_number(row.net));
	add(item, "recovery_ratio", rs_json_number(row.ratio));
	if (node != RS_NONE)
		add(item, "years_to_recover", rs_json_number(row.years));
	return item;
}

static cJSON *
shock_city(const struct rs_report *r, size_t ci, void *ctx)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_shock *s = r->shock;
	cJSON *city = cJSON_CreateObject(), *nodes, *series, *item;
	size_t i;

	(void)ctx;
	add(city, "city", rs_json_string(rs_time_city(r, ci)));
	add(city, "id", rs_json_string(rs_time_id(r, ci)));
	add(city, "city_scores", shock_node(r, ci, RS_NONE));
	nodes = cJSON_AddObjectToObject(city, "nodes");
	for (i = 0; i < fw->nnodes; i++)
		add(nodes, fw->nodes[i].id, shock_node(r, ci, i));
	series = cJSON_AddObjectToObject(city, "series");
	for (i = 0; i < s->nseries; i++) {
		item = cJSON_CreateObject();
		add(item, "resistance", rs_json_number(
		    s->resistance[ci * s->nseries + i]));
		add(item, "recovery", rs_json_number(
		    s->recovery[ci * s->nseries + i]));
		add(series, fw->nodes[r->shock_spec->series[i]].id, item);
	}
	return city;
}

int
rs_report_json_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_shock_spec *sp = r->shock_spec;
	cJSON *root = cJSON_CreateObject(), *ref;

	add(root, "framework", framework_json(r));
	add(root, "before", rs_json_number((double)sp->year[RS_SHOCK_BEFORE]));
	add(root, "shock", rs_json_number((double)sp->year[RS_SHOCK_SHOCK]));
	add(root, "after", rs_json_number((double)sp->year[RS_SHOCK_AFTER]));
	timeline_root(root, r);
	if (sp->reference != RS_NONE) {
		ref = cJSON_CreateObject();
		add(ref, "city", rs_json_string(rs_time_city(r,
		    sp->reference)));
		add(ref, "id", rs_json_string(rs_time_id(r,
		    sp->reference)));
		add(root, "reference", ref);
	} else {
		add(root, "reference", cJSON_CreateNull());
	}
	return emit_streamed(out, root, "cities", rs_time_ncities(r),
	    shock_city, NULL, r, err);
}

struct cJSON *
rs_json_root(const struct rs_report *r)
{
	return root_json(r);
}

struct cJSON *
rs_json_city(const struct rs_report *r, size_t ci)
{
	return city_json(r, ci);
}
