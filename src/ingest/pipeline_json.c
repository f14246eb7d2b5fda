/*
 * pipeline_json.c - the framework file's "pipeline" section and per-node
 * pipeline keys (docs/pipeline.md, "The pipeline section")
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "ingest/pipeline_json.h"
#include "resilience/pipeline_spec.h"

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

#define GET(obj, key) cJSON_GetObjectItemCaseSensitive((obj), (key))

static int
json_share(const struct rs_json_doc *doc, const cJSON *obj, const char *key,
    double *v, struct rs_error *err)
{
	const cJSON *item = GET(obj, key);

	if (item == NULL)
		return 0;
	if (!cJSON_IsNumber(item) || !(item->valuedouble >= 0 &&
	    item->valuedouble <= 1))
		return rs_json_error(doc, item, err, "\"%s\" must be a number "
		    "from 0 to 1", key);
	*v = item->valuedouble;
	return 0;
}

static int
json_positive(const struct rs_json_doc *doc, const cJSON *obj,
    const char *key, double *v, struct rs_error *err)
{
	const cJSON *item = GET(obj, key);

	if (item == NULL)
		return 0;
	if (!cJSON_IsNumber(item) || !(item->valuedouble > 0) ||
	    !isfinite(item->valuedouble))
		return rs_json_error(doc, item, err, "\"%s\" must be a number "
		    "> 0", key);
	*v = item->valuedouble;
	return 0;
}

static int
json_bool(const struct rs_json_doc *doc, const cJSON *obj, const char *key,
    int *v, struct rs_error *err)
{
	const cJSON *item = GET(obj, key);

	if (item == NULL)
		return 0;
	if (!cJSON_IsBool(item))
		return rs_json_error(doc, item, err, "\"%s\" must be true or "
		    "false", key);
	*v = cJSON_IsTrue(item);
	return 0;
}

static int
json_codes(const struct rs_json_doc *doc, const cJSON *obj, const char *key,
    char ***list, size_t *n, struct rs_error *err)
{
	const cJSON *item = GET(obj, key), *c;

	if (item == NULL)
		return 0;
	if (!cJSON_IsArray(item))
		return rs_json_error(doc, item, err, "\"%s\" must be an array "
		    "of unit codes", key);
	for (c = item->child; c != NULL; c = c->next) {
		if (!cJSON_IsString(c) || c->valuestring[0] == '\0')
			return rs_json_error(doc, c, err, "\"%s\" must hold "
			    "non-empty strings", key);
		*list = rs_realloc(*list, (*n + 1) * sizeof(**list));
		(*list)[(*n)++] = rs_strdup(c->valuestring);
	}
	return 0;
}

/* A normaliser: "method" or {"method": ..., "range": [a, b], "cap": b}. */
static int
json_norm(const struct rs_json_doc *doc, const cJSON *item,
    struct rs_norm_spec *n, struct rs_error *err)
{
	const cJSON *method = item, *range;
	char why[160];
	int m, rc;

	memset(n, 0, sizeof(*n));
	if (cJSON_IsObject(item))
		method = GET(item, "method");
	if (!cJSON_IsString(method))
		return rs_json_error(doc, method ? method : item, err,
		    "a normaliser is a method name or an object with a "
		    "string \"method\"");
	m = rs_norm_method_find(method->valuestring,
	    strlen(method->valuestring));
	if (m < 0)
		return rs_json_error(doc, method, err, "unknown normaliser "
		    "\"%s\" (goalposts, minmax, zscore, rank, prank, borda, "
		    "dist2max, fracmax, dist2target, none)",
		    method->valuestring);
	n->method = m;
	if (!cJSON_IsObject(item))
		return 0;
	if ((rc = json_bool(doc, item, "cap", &n->cap, err)) != 0)
		return rc;
	range = GET(item, "range");
	if (range == NULL)
		return 0;
	if (!cJSON_IsArray(range) || cJSON_GetArraySize(range) != 2 ||
	    !cJSON_IsNumber(range->child) ||
	    !cJSON_IsNumber(range->child->next))
		return rs_json_error(doc, range, err, "\"range\" must be an "
		    "array of two numbers, such as [1, 100]");
	n->has_range = 1;
	n->lo = range->child->valuedouble;
	n->hi = range->child->next->valuedouble;
	if (rs_norm_spec_check(n, why, sizeof(why)) != 0)
		return rs_json_error(doc, range, err, "%s", why);
	return 0;
}

/* An aggregator: "method" or {"method": ..., "min_coverage": c}. */
static int
json_agg(const struct rs_json_doc *doc, const cJSON *item, int *agg,
    double *min_coverage, struct rs_error *err)
{
	const cJSON *method = item;
	int m;

	if (cJSON_IsObject(item)) {
		method = GET(item, "method");
		if (json_share(doc, item, "min_coverage", min_coverage,
		    err) != 0)
			return RS_EINPUT;
		if (method == NULL)
			return 0;
	}
	if (!cJSON_IsString(method))
		return rs_json_error(doc, method ? method : item, err,
		    "an aggregator is a method name or an object with a "
		    "string \"method\"");
	m = rs_agg_method_find(method->valuestring,
	    strlen(method->valuestring));
	if (m < 0)
		return rs_json_error(doc, method, err, "unknown aggregator "
		    "\"%s\" (amean, gmean, hmean)", method->valuestring);
	*agg = m;
	return 0;
}

static int
json_impute(struct rs_pipeline_spec *spec, const struct rs_json_doc *doc,
    const cJSON *item, struct rs_error *err)
{
	const cJSON *method = item, *group = NULL;
	int m;

	if (cJSON_IsObject(item)) {
		method = GET(item, "method");
		group = GET(item, "group");
	}
	if (!cJSON_IsString(method))
		return rs_json_error(doc, method ? method : item, err,
		    "\"impute\" is a method name or an object with a string "
		    "\"method\"");
	m = rs_impute_method_find(method->valuestring,
	    strlen(method->valuestring));
	if (m < 0)
		return rs_json_error(doc, method, err, "unknown imputation "
		    "\"%s\" (none, mean, median, group-mean, group-median, "
		    "latest)", method->valuestring);
	if (group != NULL && (!cJSON_IsString(group) ||
	    group->valuestring[0] == '\0'))
		return rs_json_error(doc, group, err, "\"group\" must be a "
		    "column name");
	if ((m == RS_IMPUTE_GROUP_MEAN || m == RS_IMPUTE_GROUP_MEDIAN) &&
	    group == NULL)
		return rs_json_error(doc, item, err, "imputation \"%s\" needs "
		    "\"group\": the column that groups the units",
		    method->valuestring);
	spec->impute = m;
	free(spec->impute_group);
	spec->impute_group = group ? rs_strdup(group->valuestring) : NULL;
	return 0;
}

static int
json_screen(struct rs_pipeline_spec *spec, const struct rs_json_doc *doc,
    const cJSON *item, struct rs_error *err)
{
	const cJSON *by;
	int m;

	if (cJSON_IsBool(item)) {
		spec->screen = cJSON_IsTrue(item);
		return 0;
	}
	if (!cJSON_IsObject(item))
		return rs_json_error(doc, item, err, "\"screen\" must be false "
		    "or an object");
	spec->screen = 1;
	if (json_share(doc, item, "min_availability", &spec->screen_min,
	    err) != 0 || json_share(doc, item, "min_nonzero",
	    &spec->screen_nonzero, err) != 0 ||
	    json_codes(doc, item, "include", &spec->include,
	    &spec->ninclude, err) != 0 ||
	    json_codes(doc, item, "exclude", &spec->exclude,
	    &spec->nexclude, err) != 0)
		return RS_EINPUT;
	by = GET(item, "by");
	if (by == NULL)
		return 0;
	m = cJSON_IsString(by) ? rs_screen_by_find(by->valuestring, strlen(by->valuestring)) : -1;
	if (m < 0)
		return rs_json_error(doc, by, err, "\"by\" must be \"missing\", "
		    "\"zeros\" or \"both\"");
	spec->screen_by = m;
	return 0;
}

static int
json_treat(struct rs_pipeline_spec *spec, const struct rs_json_doc *doc,
    const cJSON *item, struct rs_error *err)
{
	const cJSON *w;

	if (cJSON_IsBool(item)) {
		spec->treat = cJSON_IsTrue(item);
		return 0;
	}
	if (!cJSON_IsObject(item))
		return rs_json_error(doc, item, err, "\"treat\" must be true, "
		    "false or an object");
	spec->treat = 1;
	if (json_positive(doc, item, "skew", &spec->skew_max, err) != 0 ||
	    json_positive(doc, item, "kurtosis", &spec->kurt_max, err) != 0 ||
	    json_bool(doc, item, "log", &spec->treat_log, err) != 0)
		return RS_EINPUT;
	w = GET(item, "winmax");
	if (w != NULL) {
		if (!cJSON_IsNumber(w) || !(w->valuedouble >= 0 &&
		    w->valuedouble <= 1e6) ||
		    (w->valuedouble < floor(w->valuedouble) ||
		    w->valuedouble > floor(w->valuedouble)))
			return rs_json_error(doc, w, err, "\"winmax\" must be "
			    "a whole number from 0");
		spec->winmax = (int)w->valuedouble;
	}
	return 0;
}

int
rs_pipeline_json_section(struct rs_pipeline_spec *spec,
    const struct rs_json_doc *doc, const cJSON *item, struct rs_error *err)
{
	const cJSON *v;

	if (!cJSON_IsObject(item))
		return rs_json_error(doc, item, err, "\"pipeline\" must be an "
		    "object");
	if ((v = GET(item, "year")) != NULL) {
		if (!cJSON_IsNumber(v) || v->valuedouble < 1 ||
		    v->valuedouble > 9999 ||
		    (v->valuedouble < floor(v->valuedouble) ||
		    v->valuedouble > floor(v->valuedouble)))
			return rs_json_error(doc, v, err, "\"year\" must be a "
			    "year from 1 to 9999");
		spec->has_year = 1;
		spec->year = (long)v->valuedouble;
	}
	if (json_bool(doc, item, "denominate", &spec->denominate, err) != 0)
		return RS_EINPUT;
	if ((v = GET(item, "impute")) != NULL &&
	    json_impute(spec, doc, v, err) != 0)
		return RS_EINPUT;
	if ((v = GET(item, "screen")) != NULL &&
	    json_screen(spec, doc, v, err) != 0)
		return RS_EINPUT;
	if ((v = GET(item, "treat")) != NULL &&
	    json_treat(spec, doc, v, err) != 0)
		return RS_EINPUT;
	if ((v = GET(item, "normalise")) != NULL &&
	    json_norm(doc, v, &spec->norm, err) != 0)
		return RS_EINPUT;
	if ((v = GET(item, "aggregate")) != NULL &&
	    json_agg(doc, v, &spec->agg, &spec->min_coverage, err) != 0)
		return RS_EINPUT;
	return 0;
}

int
rs_pipeline_json_node(struct rs_pipeline_spec *spec,
    const struct rs_json_doc *doc, const cJSON *item, size_t node,
    const char *id, int indicator, int has_goalposts, int dir,
    struct rs_error *err)
{
	struct rs_node_spec *ns;
	const cJSON *v;

	rs_pipeline_spec_nodes(spec, node + 1);
	ns = &spec->node[node];
	ns->direction = dir;
	if (!indicator) {
		if ((v = GET(item, "aggregate")) != NULL &&
		    json_agg(doc, v, &ns->agg, &ns->min_coverage, err) != 0)
			return RS_EINPUT;
		return json_share(doc, item, "min_coverage",
		    &ns->min_coverage, err);
	}
	if ((v = GET(item, "direction")) != NULL) {
		if (!cJSON_IsNumber(v) || ((v->valuedouble < 1 ||
		    v->valuedouble > 1) && (v->valuedouble < -1 ||
		    v->valuedouble > -1)))
			return rs_json_error(doc, v, err, "indicator \"%s\": "
			    "\"direction\" must be 1 or -1", id);
		if (has_goalposts && (int)v->valuedouble != dir)
			return rs_json_error(doc, v, err, "indicator \"%s\": "
			    "\"direction\" %d contradicts its goalposts "
			    "(worst to best goes the other way)", id,
			    (int)v->valuedouble);
		ns->direction = (int)v->valuedouble;
	}
	if ((v = GET(item, "target")) != NULL) {
		if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
			return rs_json_error(doc, v, err, "indicator \"%s\": "
			    "\"target\" must be a number", id);
		ns->has_target = 1;
		ns->target = v->valuedouble;
	}
	if ((v = GET(item, "denominator")) != NULL) {
		if (!cJSON_IsString(v) || v->valuestring[0] == '\0')
			return rs_json_error(doc, v, err, "indicator \"%s\": "
			    "\"denominator\" must be a column name", id);
		ns->denominator = rs_strdup(v->valuestring);
	}
	if (json_positive(doc, item, "scale", &ns->scale, err) != 0 ||
	    json_bool(doc, item, "treat", &ns->treat, err) != 0)
		return RS_EINPUT;
	if ((v = GET(item, "normalise")) != NULL) {
		if (json_norm(doc, v, &ns->norm, err) != 0)
			return RS_EINPUT;
		ns->has_norm = 1;
	}
	return 0;
}
