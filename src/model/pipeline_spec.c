/*
 * pipeline_spec.c - the pipeline's settings: defaults and command-line
 * overrides; the table of units the pipeline reads
 * (docs/pipeline.md, "The pipeline section", "Command-line overrides")
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"
#include "resilience/pipeline_spec.h"

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
	s->sums = RS_SUMS_CONTRACT;
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
	/* a subnormal is a number: what it is used for decides (ERANGE) */
	if (errno == ERANGE && fabs(*v) < DBL_MIN)
		errno = 0;
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

int
rs_norm_spec_check(const struct rs_norm_spec *n, char *why, size_t len)
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
	/* (x - min) / (max - min) (hi - lo) + lo must stay exact */
	if (!isfinite(n->hi - n->lo)) {
		snprintf(why, len, "the range [%g, %g] is wider than a "
		    "double can hold (hi - lo overflows)", n->lo, n->hi);
		return -1;
	}
	if (n->hi - n->lo < DBL_MIN) {
		snprintf(why, len, "the range [%g, %g] is narrower than the "
		    "smallest normal double (%g): its digits would be lost",
		    n->lo, n->hi, DBL_MIN);
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
	if (rs_norm_spec_check(&n, why, sizeof(why)) != 0)
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
	uint64_t u;
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
		if (rs_uint_parse(value, strlen(value), 0, 1000000, &u) != 0)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--winmax takes a count of points from 0, not "
			    "\"%s\"", value);
		spec->winmax = (int)u;
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
		if (rs_uint_parse(value, strlen(value), 1, 9999, &u) != 0)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--year takes a year from 1 to 9999, not \"%s\"",
			    value);
		spec->has_year = 1;
		spec->year = (long)u;
		return 0;
	}
	return rs_error_set(err, RS_EUSAGE, "", 0, 0,
	    "unknown pipeline option \"%s\"", name);
}

int
rs_norm_method_find(const char *s, size_t len)
{
	return lookup(norm_names, COUNT(norm_names), s, len);
}

int
rs_agg_method_find(const char *s, size_t len)
{
	return lookup(agg_names, COUNT(agg_names), s, len);
}

int
rs_impute_method_find(const char *s, size_t len)
{
	return lookup(impute_names, COUNT(impute_names), s, len);
}

int
rs_screen_by_find(const char *s, size_t len)
{
	return lookup(screen_names, COUNT(screen_names), s, len);
}

/* Tables ---------------------------------------------------------------- */

void
rs_table_init(struct rs_table *t)
{
	memset(t, 0, sizeof(*t));
	t->path = "";
	t->pool = rs_malloc(sizeof(*t->pool));
	rs_pool_init(t->pool);
}

void
rs_table_release(struct rs_table *t)
{
	free(t->unit);
	free(t->uname);
	free(t->time);
	free(t->line);
	free(t->col);
	free(t->x);
	free(t->aux_name);
	free(t->aux_text);
	free(t->aux);
	if (t->pool != NULL) {
		rs_pool_release(t->pool);
		free(t->pool);
	}
	memset(t, 0, sizeof(*t));
}

size_t
rs_table_aux(const struct rs_table *t, const char *name)
{
	size_t j;

	for (j = 0; j < t->naux; j++)
		if (strcmp(t->aux_name[j], name) == 0)
			return j;
	return RS_NONE;
}
