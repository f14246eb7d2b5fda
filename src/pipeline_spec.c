/*
 * pipeline_spec.c - the pipeline's settings: defaults, command-line
 * overrides and the framework file's "pipeline" section
 * (docs/pipeline.md, "The pipeline section", "Command-line overrides")
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "pipeline_json.h"
#include "resilience/pipeline.h"

static const char *const norm_names[] = {
	[RS_NORM_GOALPOSTS] = "goalposts",
	[RS_NORM_MINMAX] = "minmax",
	[RS_NORM_ZSCORE] = "zscore",
	[RS_NORM_RANK] = "rank",
	[RS_NORM_PRANK] = "prank",
	[RS_NORM_BORDA] = "borda",
	[RS_NORM_DIST2MAX] = "dist2max",
	[RS_NORM_FRACMAX] = "fracmax",
	[RS_NORM_DIST2TARGET] = "dist2target",
	[RS_NORM_NONE] = "none",
};

static const char *const agg_names[] = {
	[RS_AGG_AMEAN] = "amean",
	[RS_AGG_GMEAN] = "gmean",
	[RS_AGG_HMEAN] = "hmean",
};

static const char *const impute_names[] = {
	[RS_IMPUTE_NONE] = "none",
	[RS_IMPUTE_MEAN] = "mean",
	[RS_IMPUTE_MEDIAN] = "median",
	[RS_IMPUTE_GROUP_MEAN] = "group-mean",
	[RS_IMPUTE_GROUP_MEDIAN] = "group-median",
	[RS_IMPUTE_LATEST] = "latest",
};

static const char *const screen_names[] = {
	[RS_SCREEN_MISSING] = "missing",
	[RS_SCREEN_ZEROS] = "zeros",
	[RS_SCREEN_BOTH] = "both",
};

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

static int
lookup(const char *const *names, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && strncmp(names[i], s, len) == 0)
			return (int)i;
	return -1;
}

const char *
rs_norm_method_name(int method)
{
	return method >= 0 && (size_t)method < COUNT(norm_names) ?
	    norm_names[method] : "?";
}

const char *
rs_agg_method_name(int method)
{
	return method >= 0 && (size_t)method < COUNT(agg_names) ?
	    agg_names[method] : "?";
}

const char *
rs_impute_method_name(int method)
{
	return method >= 0 && (size_t)method < COUNT(impute_names) ?
	    impute_names[method] : "?";
}

struct rs_pipeline_spec *
rs_pipeline_spec_new(void)
{
	struct rs_pipeline_spec *s = rs_calloc(1, sizeof(*s));

	s->denominate = 1;
	s->impute = RS_IMPUTE_NONE;
	s->screen = 0;
	s->screen_by = RS_SCREEN_MISSING;
	s->screen_min = 0.5;
	s->screen_nonzero = 0.5;
	s->treat = 0;
	s->skew_max = 2;
	s->kurt_max = 3.5;
	s->winmax = 5;
	s->treat_log = 1;
	s->norm.method = RS_NORM_GOALPOSTS;
	s->agg = RS_AGG_AMEAN;
	s->min_coverage = (double)NAN;
	return s;
}

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

void
rs_pipeline_spec_free(struct rs_pipeline_spec *spec)
{
	size_t i;

	if (spec == NULL)
		return;
	free(spec->impute_group);
	free_list(spec->include, spec->ninclude);
	free_list(spec->exclude, spec->nexclude);
	for (i = 0; i < spec->nnode; i++)
		free(spec->node[i].denominator);
	free(spec->node);
	free(spec);
}

static char **
copy_list(char *const *list, size_t n)
{
	char **c = rs_calloc(n + 1, sizeof(*c));
	size_t i;

	for (i = 0; i < n; i++)
		c[i] = rs_strdup(list[i]);
	return c;
}

struct rs_pipeline_spec *
rs_pipeline_spec_copy(const struct rs_pipeline_spec *spec)
{
	struct rs_pipeline_spec *c = rs_malloc(sizeof(*c));
	size_t i;

	*c = *spec;
	c->impute_group = spec->impute_group ?
	    rs_strdup(spec->impute_group) : NULL;
	c->include = copy_list(spec->include, spec->ninclude);
	c->exclude = copy_list(spec->exclude, spec->nexclude);
	c->node = rs_calloc(spec->nnode + 1, sizeof(*c->node));
	for (i = 0; i < spec->nnode; i++) {
		c->node[i] = spec->node[i];
		if (spec->node[i].denominator != NULL)
			c->node[i].denominator =
			    rs_strdup(spec->node[i].denominator);
	}
	return c;
}

void
rs_pipeline_spec_nodes(struct rs_pipeline_spec *spec, size_t nnodes)
{
	size_t i;

	if (nnodes <= spec->nnode)
		return;
	spec->node = rs_realloc(spec->node, nnodes * sizeof(*spec->node));
	for (i = spec->nnode; i < nnodes; i++) {
		memset(&spec->node[i], 0, sizeof(spec->node[i]));
		spec->node[i].agg = -1;
		spec->node[i].min_coverage = (double)NAN;
		spec->node[i].treat = 1;
		spec->node[i].direction = 1;
		spec->node[i].scale = 1;
	}
	spec->nnode = nnodes;
}

/* A number from text, all of it, finite. */
static int
number(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return end != s && *end == '\0' && errno == 0 && isfinite(*v) ? 0 : -1;
}

static int
on_off(const char *s, int *v)
{
	if (strcmp(s, "on") == 0 || strcmp(s, "true") == 0 ||
	    strcmp(s, "yes") == 0)
		*v = 1;
	else if (strcmp(s, "off") == 0 || strcmp(s, "false") == 0 ||
	    strcmp(s, "no") == 0)
		*v = 0;
	else
		return -1;
	return 0;
}

/* Check a normaliser's parameters. */
static int
norm_check(const struct rs_norm_spec *n, char *why, size_t len)
{
	if (!n->has_range)
		return 0;
	if (n->method == RS_NORM_ZSCORE) {
		if (!(n->hi > 0)) {
			snprintf(why, len, "the z-score's sd must be > 0, "
			    "not %g", n->hi);
			return -1;
		}
		return 0;
	}
	if (n->method == RS_NORM_NONE) {
		snprintf(why, len, "\"none\" takes no range");
		return -1;
	}
	if (!(n->lo < n->hi)) {
		snprintf(why, len, "the range [%g, %g] is empty: the lower "
		    "bound must be below the upper", n->lo, n->hi);
		return -1;
	}
	return 0;
}

int
rs_norm_spec_parse(struct rs_norm_spec *norm, const char *text,
    struct rs_error *err)
{
	const char *colon = strchr(text, ':'), *comma;
	char buf[64], why[160];
	size_t len = colon ? (size_t)(colon - text) : strlen(text);
	int m = lookup(norm_names, COUNT(norm_names), text, len);
	struct rs_norm_spec n = {0};

	if (m < 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "unknown "
		    "normaliser \"%.*s\" (goalposts, minmax, zscore, rank, "
		    "prank, borda, dist2max, fracmax, dist2target, none)",
		    (int)len, text);
	n.method = m;
	if (colon != NULL) {
		comma = strchr(colon + 1, ',');
		if (comma == NULL || (size_t)(comma - colon - 1) >=
		    sizeof(buf))
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "normaliser \"%s\": write the range as "
			    "METHOD:A,B, such as minmax:1,100", text);
		memcpy(buf, colon + 1, (size_t)(comma - colon - 1));
		buf[comma - colon - 1] = '\0';
		if (number(buf, &n.lo) != 0 || number(comma + 1, &n.hi) != 0)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "normaliser \"%s\": the range needs two numbers",
			    text);
		n.has_range = 1;
	}
	if (norm_check(&n, why, sizeof(why)) != 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0,
		    "normaliser \"%s\": %s", text, why);
	*norm = n;
	return 0;
}

/* Append the comma-separated codes of s to a list. */
static void
add_codes(char ***list, size_t *n, const char *s)
{
	const char *p = s, *q;

	while (*p != '\0') {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		if (q > p) {
			*list = rs_realloc(*list, (*n + 1) * sizeof(**list));
			(*list)[(*n)++] = rs_strndup(p, (size_t)(q - p));
		}
		p = *q ? q + 1 : q;
	}
}

int
rs_pipeline_spec_set(struct rs_pipeline_spec *spec, const char *name,
    const char *value, struct rs_error *err)
{
	const char *colon;
	size_t i, len;
	double v;
	int m;

	if (strcmp(name, "denominate") == 0 || strcmp(name, "treat") == 0 ||
	    strcmp(name, "log") == 0) {
		int *dst = name[0] == 'd' ? &spec->denominate :
		    name[0] == 't' ? &spec->treat : &spec->treat_log;

		if (on_off(value, dst) != 0)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--%s takes on or off, not \"%s\"", name, value);
		return 0;
	}
	if (strcmp(name, "impute") == 0) {
		colon = strchr(value, ':');
		len = colon ? (size_t)(colon - value) : strlen(value);
		m = lookup(impute_names, COUNT(impute_names), value, len);
		if (m < 0)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--impute takes none, mean, median, "
			    "group-mean:COLUMN, group-median:COLUMN or "
			    "latest, not \"%s\"", value);
		if ((m == RS_IMPUTE_GROUP_MEAN || m == RS_IMPUTE_GROUP_MEDIAN)
		    != (colon != NULL && colon[1] != '\0'))
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--impute \"%s\": a group method needs its "
			    "column (group-mean:COLUMN) and no other method "
			    "takes one", value);
		spec->impute = m;
		free(spec->impute_group);
		spec->impute_group = colon ? rs_strdup(colon + 1) : NULL;
		return 0;
	}
	if (strcmp(name, "screen") == 0) {
		if (strcmp(value, "off") == 0) {
			spec->screen = 0;
			return 0;
		}
		if (number(value, &v) != 0 || v < 0 || v > 1)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--screen takes off or a share of available "
			    "values from 0 to 1, not \"%s\"", value);
		spec->screen = 1;
		spec->screen_min = v;
		return 0;
	}
	if (strcmp(name, "screen-by") == 0) {
		m = lookup(screen_names, COUNT(screen_names), value,
		    strlen(value));
		if (m < 0)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--screen-by takes missing, zeros or both, not "
			    "\"%s\"", value);
		spec->screen_by = m;
		return 0;
	}
	if (strcmp(name, "nonzero") == 0 ||
	    strcmp(name, "min-coverage") == 0) {
		if (number(value, &v) != 0 || v < 0 || v > 1)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--%s takes a share from 0 to 1, not \"%s\"",
			    name, value);
		if (name[0] == 'n') {
			spec->screen_nonzero = v;
			return 0;
		}
		spec->min_coverage = v;
		for (i = 0; i < spec->nnode; i++)
			spec->node[i].min_coverage = (double)NAN;
		return 0;
	}
	if (strcmp(name, "include") == 0) {
		add_codes(&spec->include, &spec->ninclude, value);
		return 0;
	}
	if (strcmp(name, "exclude") == 0) {
		add_codes(&spec->exclude, &spec->nexclude, value);
		return 0;
	}
	if (strcmp(name, "winmax") == 0) {
		if (number(value, &v) != 0 || v < 0 || v > 1e6 ||
		    (v < floor(v) || v > floor(v)))
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--winmax takes a count of points from 0, not "
			    "\"%s\"", value);
		spec->winmax = (int)v;
		return 0;
	}
	if (strcmp(name, "skew") == 0 || strcmp(name, "kurtosis") == 0) {
		if (number(value, &v) != 0 || !(v > 0))
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--%s takes a threshold > 0, not \"%s\"", name,
			    value);
		if (name[0] == 's')
			spec->skew_max = v;
		else
			spec->kurt_max = v;
		return 0;
	}
	if (strcmp(name, "normalise") == 0) {
		if (rs_norm_spec_parse(&spec->norm, value, err) != 0)
			return RS_EUSAGE;
		for (i = 0; i < spec->nnode; i++)
			spec->node[i].has_norm = 0;
		return 0;
	}
	if (strcmp(name, "aggregate") == 0) {
		m = lookup(agg_names, COUNT(agg_names), value, strlen(value));
		if (m < 0)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--aggregate takes amean, gmean or hmean, not "
			    "\"%s\"", value);
		spec->agg = m;
		for (i = 0; i < spec->nnode; i++)
			spec->node[i].agg = -1;
		return 0;
	}
	if (strcmp(name, "year") == 0) {
		if (number(value, &v) != 0 || v < 1 || v > 9999 ||
		    (v < floor(v) || v > floor(v)))
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--year takes a year from 1 to 9999, not \"%s\"",
			    value);
		spec->has_year = 1;
		spec->year = (long)v;
		return 0;
	}
	return rs_error_set(err, RS_EUSAGE, "", 0, 0,
	    "unknown pipeline option \"%s\"", name);
}

/* JSON ------------------------------------------------------------------ */

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
	m = lookup(norm_names, COUNT(norm_names), method->valuestring,
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
	if (norm_check(n, why, sizeof(why)) != 0)
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
	m = lookup(agg_names, COUNT(agg_names), method->valuestring,
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
	m = lookup(impute_names, COUNT(impute_names), method->valuestring,
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
	m = cJSON_IsString(by) ? lookup(screen_names, COUNT(screen_names),
	    by->valuestring, strlen(by->valuestring)) : -1;
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
