/*
 * framework_json.c - a framework file into the model
 * (docs/framework-format.md)
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/strmap.h"
#include "ingest/pipeline_json.h"
#include "ingest/sensitivity_json.h"
#include "ingest/shock_json.h"
#include "io/jsonutil.h"
#include "io/readfile.h"
#include "model/framework_priv.h"
#include "resilience/framework.h"
#include "resilience/load.h"

/* Default levels of docs/framework-format.md. */
static const struct {
	const char *id;
	double min;
	const char *name;
} default_levels[] = {
	{"weak", 0, "Weak"},
	{"moderate-weak", 20, "Moderate-weak"},
	{"moderate", 40, "Moderate"},
	{"sound", 60, "Sound"},
	{"high", 80, "High"},
};

struct loader {
	struct rs_framework *fw;
	struct rs_json_doc doc;
	struct rs_error *err;
	size_t cap;		/* allocated nodes */
};

static char *
keep(struct loader *ld, const char *s)
{
	return rs_pool_strdup(&ld->fw->priv->pool, s);
}

/* Refuse an object that gives a key twice: which one counts is unclear. */
static int
unique_keys(struct loader *ld, const cJSON *obj)
{
	const cJSON *dup = rs_json_duplicate_key(obj);

	if (dup == NULL)
		return 0;
	return rs_json_error(&ld->doc, dup, ld->err, "duplicate key \"%s\"",
	    dup->string);
}

/* A string or an object of language code -> string. */
static int
load_names(struct loader *ld, const cJSON *item, struct rs_name **names,
    size_t *n)
{
	const cJSON *c;
	size_t i = 0;
	int rc;

	*names = NULL;
	*n = 0;
	if (item == NULL)
		return 0;
	if (cJSON_IsString(item)) {
		*names = rs_malloc(sizeof(**names));
		(*names)[0].lang = "";
		(*names)[0].text = keep(ld, item->valuestring);
		*n = 1;
		return 0;
	}
	if (!cJSON_IsObject(item))
		return rs_json_error(&ld->doc, item, ld->err, "\"name\" must be "
		    "a string or an object of language codes to strings");
	if ((rc = unique_keys(ld, item)) != 0)
		return rc;
	*names = rs_calloc((size_t)cJSON_GetArraySize(item) + 1,
	    sizeof(**names));
	for (c = item->child; c != NULL; c = c->next) {
		if (!cJSON_IsString(c)) {
			/* The caller may not own *names yet: free them. */
			free(*names);
			*names = NULL;
			*n = 0;
			return rs_json_error(&ld->doc, c, ld->err,
			    "name in \"%s\" must be a string", c->string);
		}
		(*names)[i].lang = keep(ld, c->string);
		(*names)[i].text = keep(ld, c->valuestring);
		*n = ++i;
	}
	return 0;
}

/* An optional finite number; *has tells whether it was there. */
static int
load_number(struct loader *ld, const cJSON *obj, const char *key, int *has,
    double *v)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*has = item != NULL;
	if (item == NULL)
		return 0;
	if (!cJSON_IsNumber(item))
		return rs_json_error(&ld->doc, item, ld->err,
		    "\"%s\" must be a number", key);
	if (!isfinite(item->valuedouble))
		return rs_json_error(&ld->doc, item, ld->err,
		    "\"%s\" is out of range", key);
	*v = item->valuedouble;
	return 0;
}

/* An optional string; NULL when absent. */
static int
load_string(struct loader *ld, const cJSON *obj, const char *key,
    const char **v)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*v = NULL;
	if (item == NULL)
		return 0;
	if (!cJSON_IsString(item))
		return rs_json_error(&ld->doc, item, ld->err,
		    "\"%s\" must be a string", key);
	*v = keep(ld, item->valuestring);
	return 0;
}

/*
 * An optional text in languages: a string, or an object of language codes
 * to strings, as "name" is ("source", a rubric level).
 */
static int
load_text(struct loader *ld, const cJSON *obj, const char *key,
    struct rs_name **names, size_t *n)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*names = NULL;
	*n = 0;
	if (item != NULL && !cJSON_IsString(item) && !cJSON_IsObject(item))
		return rs_json_error(&ld->doc, item, ld->err, "\"%s\" must be "
		    "a string or an object of language codes to strings", key);
	return load_names(ld, item, names, n);
}

/*
 * An indicator's optional "rubric": the descriptions of its levels 1 to 5
 * (docs/framework-format.md), each a string or a language object.  A
 * rubric item is scored 1 to 5, so its domain must allow no other value.
 */
static int
load_rubric(struct loader *ld, const cJSON *item, struct rs_node *node)
{
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(item, "rubric"), *c;
	size_t k = 0;
	int rc;

	if (r == NULL)
		return 0;
	if (!cJSON_IsArray(r) || cJSON_GetArraySize(r) != RS_RUBRIC_LEVELS)
		return rs_json_error(&ld->doc, r, ld->err, "indicator \"%s\": "
		    "\"rubric\" must be an array of %d descriptions, one for "
		    "each level from 1 to %d", node->id, RS_RUBRIC_LEVELS,
		    RS_RUBRIC_LEVELS);
	if (!node->has_min || !node->has_max || node->min < 1 ||
	    node->max > RS_RUBRIC_LEVELS)
		return rs_json_error(&ld->doc, r, ld->err, "indicator \"%s\": "
		    "a rubric item needs \"min\" and \"max\" within 1 and "
		    "%d", node->id, RS_RUBRIC_LEVELS);
	for (c = r->child; c != NULL; c = c->next, k++) {
		if (!cJSON_IsString(c) && !cJSON_IsObject(c))
			return rs_json_error(&ld->doc, c, ld->err,
			    "indicator \"%s\": a rubric level must be a "
			    "string or an object of language codes to "
			    "strings", node->id);
		if ((rc = load_names(ld, c, &node->rubric[k],
		    &node->nrubric[k])) != 0)
			return rc;
		if (node->nrubric[k] == 0)
			return rs_json_error(&ld->doc, c, ld->err,
			    "indicator \"%s\": rubric level %zu is empty",
			    node->id, k + 1);
	}
	return 0;
}

/* One level of "levels"; ids holds the ids of the levels before it. */
static int
load_level(struct loader *ld, const cJSON *c, struct rs_strmap *ids)
{
	struct rs_framework *fw = ld->fw;
	struct rs_level *lv = &fw->levels[fw->nlevels];
	const cJSON *id, *min;
	int has, rc;

	if (!cJSON_IsObject(c))
		return rs_json_error(&ld->doc, c, ld->err,
		    "a level must be an object with \"id\" and \"min\"");
	if ((rc = unique_keys(ld, c)) != 0)
		return rc;
	id = cJSON_GetObjectItemCaseSensitive(c, "id");
	if (!cJSON_IsString(id) || id->valuestring[0] == '\0')
		return rs_json_error(&ld->doc, id ? id : c, ld->err,
		    "a level needs a non-empty string \"id\"");
	lv->id = keep(ld, id->valuestring);
	if ((rc = load_number(ld, c, "min", &has, &lv->min)) != 0)
		return rc;
	if (!has)
		return rs_json_error(&ld->doc, c, ld->err,
		    "level \"%s\" needs a number \"min\"", lv->id);
	if ((rc = load_names(ld, cJSON_GetObjectItemCaseSensitive(c,
	    "name"), &lv->names, &lv->nnames)) != 0)
		return rc;
	fw->nlevels++;
	if (rs_strmap_get(ids, lv->id, strlen(lv->id)) != NULL)
		return rs_json_error(&ld->doc, id, ld->err,
		    "duplicate level id \"%s\"", lv->id);
	rs_strmap_put(ids, lv->id, fw->nlevels - 1);
	min = cJSON_GetObjectItemCaseSensitive(c, "min");
	if (fw->nlevels == 1 && (lv->min < 0 || lv->min > 0))
		return rs_json_error(&ld->doc, min, ld->err,
		    "the first level \"%s\" must have min 0", lv->id);
	if (fw->nlevels > 1 && !(lv->min > lv[-1].min))
		return rs_json_error(&ld->doc, min, ld->err,
		    "level \"%s\": min %g is not above the previous "
		    "level's %g", lv->id, lv->min, lv[-1].min);
	return 0;
}

static int
load_levels(struct loader *ld, const cJSON *root)
{
	struct rs_framework *fw = ld->fw;
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "levels");
	const cJSON *c;
	struct rs_level *lv;
	struct rs_strmap ids;
	size_t i;
	int rc = 0;

	if (arr == NULL) {
		fw->nlevels = sizeof(default_levels) / sizeof(*default_levels);
		fw->levels = rs_calloc(fw->nlevels, sizeof(*fw->levels));
		for (i = 0; i < fw->nlevels; i++) {
			lv = &fw->levels[i];
			lv->id = default_levels[i].id;
			lv->min = default_levels[i].min;
			lv->names = rs_malloc(sizeof(*lv->names));
			lv->names[0].lang = "";
			lv->names[0].text = default_levels[i].name;
			lv->nnames = 1;
		}
		return 0;
	}
	if (!cJSON_IsArray(arr) || arr->child == NULL)
		return rs_json_error(&ld->doc, arr, ld->err,
		    "\"levels\" must be a non-empty array");
	fw->levels = rs_calloc((size_t)cJSON_GetArraySize(arr),
	    sizeof(*fw->levels));
	rs_strmap_init(&ids);
	for (c = arr->child; c != NULL && rc == 0; c = c->next)
		rc = load_level(ld, c, &ids);
	rs_strmap_release(&ids);
	return rc;
}

/*
 * The "band" of docs/framework-format.md: an object of four numbers
 * worst_low < low <= high < worst_high, in place of worst and best.
 */
static int
load_band(struct loader *ld, const cJSON *v, struct rs_node *node)
{
	static const char *const keys[] = {"worst_low", "low", "high",
	    "worst_high"};
	const cJSON *c;
	size_t k;
	int has, rc;

	if (!cJSON_IsObject(v))
		return rs_json_error(&ld->doc, v, ld->err, "indicator \"%s\": "
		    "\"band\" must be an object with \"worst_low\", \"low\", "
		    "\"high\" and \"worst_high\"", node->id);
	if ((rc = unique_keys(ld, v)) != 0)
		return rc;
	for (c = v->child; c != NULL; c = c->next) {
		for (k = 0; k < 4 && strcmp(c->string, keys[k]) != 0; k++)
			;
		if (k == 4)
			return rs_json_error(&ld->doc, c, ld->err, "indicator "
			    "\"%s\": unknown key \"%s\" in \"band\"",
			    node->id, c->string);
	}
	for (k = 0; k < 4; k++) {
		if ((rc = load_number(ld, v, keys[k], &has,
		    &node->band[k])) != 0)
			return rc;
		if (!has)
			return rs_json_error(&ld->doc, v, ld->err, "indicator "
			    "\"%s\": \"band\" needs \"%s\"", node->id,
			    keys[k]);
	}
	if (!(node->band[0] < node->band[1]))
		return rs_json_error(&ld->doc, cJSON_GetObjectItemCaseSensitive(
		    v, "low"), ld->err, "indicator \"%s\": band \"low\" %g "
		    "must be above \"worst_low\" %g", node->id, node->band[1],
		    node->band[0]);
	if (!(node->band[1] <= node->band[2]))
		return rs_json_error(&ld->doc, cJSON_GetObjectItemCaseSensitive(
		    v, "high"), ld->err, "indicator \"%s\": band \"high\" %g "
		    "is below \"low\" %g", node->id, node->band[2],
		    node->band[1]);
	if (!(node->band[2] < node->band[3]))
		return rs_json_error(&ld->doc, cJSON_GetObjectItemCaseSensitive(
		    v, "worst_high"), ld->err, "indicator \"%s\": band "
		    "\"worst_high\" %g must be above \"high\" %g", node->id,
		    node->band[3], node->band[2]);
	if (!isfinite(node->band[1] - node->band[0]) ||
	    !isfinite(node->band[3] - node->band[2]))
		return rs_json_error(&ld->doc, v, ld->err, "indicator \"%s\": "
		    "the band's width overflows a double", node->id);
	node->has_band = 1;
	node->has_goalposts = 1;
	node->worst = node->band[0];
	node->best = node->band[1];
	return 0;
}

/*
 * The "series" of docs/framework-format.md: {"wdi": CODE} or
 * {"wgi": CODE}, the published series resilience import reads.
 */
static int
load_series(struct loader *ld, const cJSON *item, struct rs_node *node)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, "series"), *c;

	if (v == NULL)
		return 0;
	c = cJSON_IsObject(v) ? v->child : NULL;
	if (c == NULL || c->next != NULL || !cJSON_IsString(c) ||
	    (strcmp(c->string, "wdi") != 0 && strcmp(c->string, "wgi") != 0) ||
	    c->valuestring[0] == '\0' || strlen(c->valuestring) > 64)
		return rs_json_error(&ld->doc, v, ld->err, "indicator \"%s\": "
		    "\"series\" must be an object with one key, \"wdi\" or "
		    "\"wgi\", naming a series code of 1 to 64 characters",
		    node->id);
	node->series_db = keep(ld, c->string);
	node->series_code = keep(ld, c->valuestring);
	return 0;
}

static int load_node(struct loader *ld, const cJSON *item, size_t parent,
    int depth, size_t *out);

/*
 * The planning keys of docs/framework-format.md: "lever", "effort" and
 * "max_change_per_year", which only an indicator may carry.
 */
static int
load_plan_keys(struct loader *ld, const cJSON *item, struct rs_node *node,
    int indicator)
{
	static const char *const keys[] = {"lever", "effort",
	    "max_change_per_year"};
	const cJSON *v;
	size_t k;
	int has, rc;

	node->lever = RS_LEVER_NONE;
	node->effort = 1;
	node->has_max_change = 0;
	node->max_change = 0;
	for (k = 0; !indicator && k < sizeof(keys) / sizeof(*keys); k++)
		if ((v = cJSON_GetObjectItemCaseSensitive(item, keys[k])) !=
		    NULL)
			return rs_json_error(&ld->doc, v, ld->err, "node "
			    "\"%s\": \"%s\" belongs to indicators, not to an "
			    "aggregate", node->id, keys[k]);
	if (!indicator)
		return 0;
	v = cJSON_GetObjectItemCaseSensitive(item, "lever");
	if (v != NULL) {
		if (!cJSON_IsString(v) || (node->lever = rs_lever_parse(
		    v->valuestring, strlen(v->valuestring))) == RS_LEVER_COUNT)
			return rs_json_error(&ld->doc, v, ld->err, "indicator "
			    "\"%s\": \"lever\" must be \"municipal\", "
			    "\"national\" or \"context\"", node->id);
	}
	if ((rc = load_number(ld, item, "effort", &has, &node->effort)) != 0)
		return rc;
	v = cJSON_GetObjectItemCaseSensitive(item, "effort");
	if (has && !(node->effort >= RS_MIN_WEIGHT && node->effort <= 1e150))
		return rs_json_error(&ld->doc, v, ld->err, "indicator \"%s\": "
		    "\"effort\" must be from %g to 1e150, not %g", node->id,
		    RS_MIN_WEIGHT, node->effort);
	if ((rc = load_number(ld, item, "max_change_per_year",
	    &node->has_max_change, &node->max_change)) != 0)
		return rc;
	v = cJSON_GetObjectItemCaseSensitive(item, "max_change_per_year");
	if (node->has_max_change && !(node->max_change > 0 &&
	    node->max_change <= 1e150))
		return rs_json_error(&ld->doc, v, ld->err, "indicator \"%s\": "
		    "\"max_change_per_year\" must be above 0 and at most "
		    "1e150, not %g", node->id, node->max_change);
	return 0;
}

/* Load the array of child nodes in key "children" of obj. */
static int
load_children(struct loader *ld, const cJSON *arr, size_t parent, int depth,
    size_t **children, size_t *n)
{
	const cJSON *c;
	size_t idx = 0;
	double sum = 0;
	int rc;

	if (!cJSON_IsArray(arr) || arr->child == NULL)
		return rs_json_error(&ld->doc, arr, ld->err,
		    "\"children\" must be a non-empty array of nodes");
	*children = rs_calloc((size_t)cJSON_GetArraySize(arr),
	    sizeof(**children));
	for (c = arr->child; c != NULL; c = c->next) {
		if ((rc = load_node(ld, c, parent, depth, &idx)) != 0)
			return rc;
		(*children)[(*n)++] = idx;
		sum += ld->fw->nodes[idx].weight;
	}
	/* Weighted means sum weight * score, score up to 100. */
	if (!(sum <= DBL_MAX / 100))
		return rs_json_error(&ld->doc, arr, ld->err, "the weights of "
		    "these children are too large: their sum times 100 "
		    "overflows a double");
	return 0;
}

static int
load_node(struct loader *ld, const cJSON *item, size_t parent, int depth,
    size_t *out)
{
	struct rs_framework *fw = ld->fw;
	const cJSON *id, *kids, *w, *band;
	struct rs_node *node;
	size_t self, *prev, *children = NULL, nchildren = 0;
	int has_worst, has_best, has_weight, rc;
	double worst = 0, best = 0, weight = 1;

	if (!cJSON_IsObject(item))
		return rs_json_error(&ld->doc, item, ld->err,
		    "a node must be an object");
	if ((rc = unique_keys(ld, item)) != 0)
		return rc;
	id = cJSON_GetObjectItemCaseSensitive(item, "id");
	if (!cJSON_IsString(id) || id->valuestring[0] == '\0')
		return rs_json_error(&ld->doc, id ? id : item, ld->err,
		    "a node needs a non-empty string \"id\"");
	prev = rs_strmap_get(&fw->priv->ids, id->valuestring,
	    strlen(id->valuestring));
	if (prev != NULL)
		return rs_json_error(&ld->doc, id, ld->err,
		    "duplicate id \"%s\" (first defined at line %ld)",
		    id->valuestring, fw->nodes[*prev].line);

	if (fw->nnodes == RS_MAX_NODES)
		return rs_json_error(&ld->doc, item, ld->err, "more than %zu "
		    "nodes: a framework may have at most %zu", RS_MAX_NODES,
		    RS_MAX_NODES);
	rs_grow(&fw->nodes, &ld->cap, fw->nnodes + 1, sizeof(*fw->nodes));
	self = fw->nnodes++;
	node = &fw->nodes[self];
	memset(node, 0, sizeof(*node));
	node->id = keep(ld, id->valuestring);
	node->parent = parent;
	node->depth = depth;
	node->indicator = RS_NONE;
	rs_json_locate(&ld->doc, item, &node->line, &node->col);
	rs_strmap_put(&fw->priv->ids, node->id, self);

	if ((rc = load_names(ld, cJSON_GetObjectItemCaseSensitive(item,
	    "name"), &node->names, &node->nnames)) != 0)
		return rc;
	if ((rc = load_number(ld, item, "weight", &has_weight, &weight)) != 0)
		return rc;
	w = cJSON_GetObjectItemCaseSensitive(item, "weight");
	if (has_weight && !(weight > 0))
		return rs_json_error(&ld->doc, w, ld->err,
		    "node \"%s\": weight must be > 0, not %g", node->id,
		    weight);
	/*
	 * A weight below RS_MIN_WEIGHT (subnormal ones among them) loses
	 * digits in weight * score: refuse it rather than compute a wrong
	 * mean (docs/framework-format.md, "weight").
	 */
	if (has_weight && weight < RS_MIN_WEIGHT)
		return rs_json_error(&ld->doc, w, ld->err,
		    "node \"%s\": weight %g is too small to compute with "
		    "exactly; weights must be at least %g (only their "
		    "ratios count: scale them up)", node->id, weight,
		    RS_MIN_WEIGHT);
	node->weight = weight;
	if ((rc = load_number(ld, item, "worst", &has_worst, &worst)) != 0 ||
	    (rc = load_number(ld, item, "best", &has_best, &best)) != 0)
		return rc;
	kids = cJSON_GetObjectItemCaseSensitive(item, "children");
	if (kids != NULL) {
		if (has_worst || has_best || cJSON_GetObjectItemCaseSensitive(
		    item, "band") != NULL)
			return rs_json_error(&ld->doc, item, ld->err,
			    "node \"%s\" has both children and goalposts",
			    node->id);
		if ((rc = load_plan_keys(ld, item, node, 0)) != 0)
			return rc;
		rc = load_children(ld, kids, self, depth + 1, &children,
		    &nchildren);
		node = &fw->nodes[self];	/* the array may have moved */
		node->children = children;
		node->nchildren = nchildren;
		*out = self;
		if (rc == 0 && fw->pipeline != NULL)
			rc = rs_pipeline_json_node(fw->pipeline, &ld->doc,
			    item, self, node->id, 0, 0, 1, ld->err);
		return rc;
	}
	/* With a pipeline, an indicator may go without goalposts. */
	if (fw->pipeline != NULL && !has_worst && !has_best) {
		*out = self;
		if ((rc = load_string(ld, item, "unit", &node->unit)) != 0 ||
		    (rc = load_string(ld, item, "unit_ar",
		    &node->unit_ar)) != 0 ||
		    (rc = load_string(ld, item, "description",
		    &node->description)) != 0 ||
		    (rc = load_plan_keys(ld, item, node, 1)) != 0)
			return rc;
		return rs_pipeline_json_node(fw->pipeline, &ld->doc, item,
		    self, node->id, 1, 0, 1, ld->err);
	}
	band = cJSON_GetObjectItemCaseSensitive(item, "band");
	if (band != NULL && (has_worst || has_best))
		return rs_json_error(&ld->doc, band, ld->err, "indicator \"%s\" "
		    "has both \"band\" and \"worst\" or \"best\"", node->id);
	if (band != NULL && fw->pipeline != NULL)
		return rs_json_error(&ld->doc, band, ld->err, "indicator \"%s\": "
		    "a \"band\" belongs to the scoring contract; a pipeline "
		    "normalises by \"worst\" and \"best\"", node->id);
	if (band != NULL) {
		if ((rc = load_band(ld, band, node)) != 0)
			return rc;
		worst = node->worst;
		best = node->best;
		goto domain;
	}
	if (!has_worst || !has_best)
		return rs_json_error(&ld->doc, item, ld->err,
		    "node \"%s\" needs either \"children\", both \"worst\" "
		    "and \"best\", or \"band\"", node->id);
	if (!(worst < best || worst > best))
		return rs_json_error(&ld->doc,
		    cJSON_GetObjectItemCaseSensitive(item, "best"), ld->err,
		    "indicator \"%s\": worst and best are both %g",
		    node->id, worst);
	if (!isfinite(best - worst))
		return rs_json_error(&ld->doc,
		    cJSON_GetObjectItemCaseSensitive(item, "best"), ld->err,
		    "indicator \"%s\": best - worst overflows a double",
		    node->id);
	node->has_goalposts = 1;
	node->worst = worst;
	node->best = best;
domain:
	if ((rc = load_number(ld, item, "min", &node->has_min,
	    &node->min)) != 0 ||
	    (rc = load_number(ld, item, "max", &node->has_max,
	    &node->max)) != 0)
		return rc;
	if (node->has_min && node->has_max && node->min > node->max)
		return rs_json_error(&ld->doc,
		    cJSON_GetObjectItemCaseSensitive(item, "max"), ld->err,
		    "indicator \"%s\": max %g is below min %g", node->id,
		    node->max, node->min);
	if ((rc = load_string(ld, item, "unit", &node->unit)) != 0 ||
	    (rc = load_string(ld, item, "unit_ar", &node->unit_ar)) != 0 ||
	    (rc = load_string(ld, item, "description",
	    &node->description)) != 0 ||
	    (rc = load_text(ld, item, "source", &node->sources,
	    &node->nsources)) != 0 ||
	    (rc = load_rubric(ld, item, node)) != 0 ||
	    (rc = load_plan_keys(ld, item, node, 1)) != 0 ||
	    (rc = load_series(ld, item, node)) != 0)
		return rc;
	*out = self;
	if (fw->pipeline != NULL)
		return rs_pipeline_json_node(fw->pipeline, &ld->doc, item,
		    self, node->id, 1, 1, best > worst ? 1 : -1, ld->err);
	return 0;
}

static int
load_root(struct loader *ld)
{
	struct rs_framework *fw = ld->fw;
	const cJSON *root = ld->doc.root, *item;
	size_t i, n;
	int has, rc;

	if (!cJSON_IsObject(root))
		return rs_json_error(&ld->doc, root, ld->err,
		    "a framework must be a JSON object");
	if ((rc = unique_keys(ld, root)) != 0)
		return rc;
	item = cJSON_GetObjectItemCaseSensitive(root, "id");
	if (!cJSON_IsString(item) || item->valuestring[0] == '\0')
		return rs_json_error(&ld->doc, item ? item : root, ld->err,
		    "a framework needs a non-empty string \"id\"");
	fw->id = keep(ld, item->valuestring);
	if ((rc = load_names(ld, cJSON_GetObjectItemCaseSensitive(root,
	    "name"), &fw->names, &fw->nnames)) != 0)
		return rc;
	if ((rc = load_string(ld, root, "version", &fw->version)) != 0)
		return rc;
	if (fw->version == NULL)
		fw->version = "";
	if ((rc = load_number(ld, root, "min_coverage", &has,
	    &fw->min_coverage)) != 0)
		return rc;
	if (has && !(fw->min_coverage > 0 && fw->min_coverage <= 1))
		return rs_json_error(&ld->doc,
		    cJSON_GetObjectItemCaseSensitive(root, "min_coverage"),
		    ld->err, "\"min_coverage\" must be in (0, 1], not %g",
		    fw->min_coverage);
	if ((rc = load_levels(ld, root)) != 0)
		return rc;
	item = cJSON_GetObjectItemCaseSensitive(root, "pipeline");
	if (item != NULL) {
		fw->pipeline = rs_pipeline_spec_new();
		if ((rc = rs_pipeline_json_section(fw->pipeline, &ld->doc,
		    item, ld->err)) != 0)
			return rc;
	}
	item = cJSON_GetObjectItemCaseSensitive(root, "children");
	if (item == NULL)
		return rs_json_error(&ld->doc, root, ld->err,
		    "a framework needs a non-empty array \"children\"");
	if ((rc = load_children(ld, item, RS_NONE, 1, &fw->top,
	    &fw->ntop)) != 0)
		return rc;
	if (fw->pipeline != NULL)
		rs_pipeline_spec_nodes(fw->pipeline, fw->nnodes);
	/* How the framework is to be tested: read after what it is. */
	item = cJSON_GetObjectItemCaseSensitive(root, "sensitivity");
	if (item != NULL) {
		fw->sensitivity = rs_malloc(sizeof(*fw->sensitivity));
		if ((rc = rs_sa_json_section(fw->sensitivity, &ld->doc, item,
		    ld->err)) != 0)
			return rc;
	}
	for (i = 0, n = 0; i < fw->nnodes; i++)
		if (fw->nodes[i].nchildren == 0)
			n++;
	fw->indicators = rs_calloc(n, sizeof(*fw->indicators));
	for (i = 0; i < fw->nnodes; i++) {
		if (fw->nodes[i].nchildren != 0)
			continue;
		fw->nodes[i].indicator = fw->nindicators;
		fw->indicators[fw->nindicators++] = i;
	}
	/* The years of a shock, once the ids of the indicators are known. */
	item = cJSON_GetObjectItemCaseSensitive(root, "shock");
	if (item != NULL) {
		fw->shock = rs_calloc(1, sizeof(*fw->shock));
		if ((rc = rs_shock_json_section(fw->shock, fw,
		    &fw->priv->pool, &ld->doc, item, ld->err)) != 0)
			return rc;
	}
	return 0;
}

int
rs_framework_load_json(struct rs_framework *fw, const char *text, size_t len,
    const char *path, struct rs_error *err)
{
	struct loader ld;
	int rc;

	rs_framework_release(fw);
	fw->priv = rs_calloc(1, sizeof(*fw->priv));
	rs_pool_init(&fw->priv->pool);
	rs_strmap_init(&fw->priv->ids);
	memset(&ld, 0, sizeof(ld));
	ld.fw = fw;
	ld.err = err;
	fw->path = keep(&ld, path);
	rc = rs_json_doc_parse(&ld.doc, text, len, fw->path, err);
	if (rc == 0) {
		rs_json_doc_index(&ld.doc, -1);	/* every node is located */
		rc = load_root(&ld);
	}
	rs_json_doc_release(&ld.doc);
	if (rc != 0)
		rs_framework_release(fw);
	return rc;
}

int
rs_framework_load_file(struct rs_framework *fw, const char *path,
    struct rs_error *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	rc = rs_framework_load_json(fw, text, len, path, err);
	free(text);
	return rc;
}

