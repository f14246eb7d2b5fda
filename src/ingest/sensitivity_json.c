/*
 * sensitivity_json.c - the "sensitivity" section of a framework file
 * (docs/sensitivity.md, "The sensitivity section of a framework")
 *
 * The section says how the framework is to be tested, not what it is;
 * it is read with the rest of the framework, from the same document.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/sensitivity_json.h"
#include "io/jsonutil.h"
#include "resilience/sa_section.h"

#define GET cJSON_GetObjectItemCaseSensitive

/* A whole number from lo to hi at key of obj, if there. */
static int
whole(const struct rs_json_doc *doc, const cJSON *obj, const char *key,
    double lo, double hi, int *has, double *out, struct rs_error *err)
{
	const cJSON *v = GET(obj, key);

	if (v == NULL)
		return 0;
	if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo &&
	    v->valuedouble <= hi) || v->valuedouble < floor(v->valuedouble) ||
	    v->valuedouble > floor(v->valuedouble))
		return rs_json_error(doc, v, err, "\"%s\" must be a whole "
		    "number from %.0f to %.0f", key, lo, hi);
	*has = 1;
	*out = v->valuedouble;
	return 0;
}

/* {"noise": X, "levels": [L...], "sets": K} of weights or goalposts. */
static int
noisy(const struct rs_json_doc *doc, const cJSON *obj, const char *key,
    double max, struct rs_sa_section *s, struct rs_error *err)
{
	const cJSON *o = GET(obj, key), *v, *l;
	int weights = strcmp(key, "weights") == 0, has = 0;
	double x = 0;

	if (o == NULL)
		return 0;
	if (!cJSON_IsObject(o))
		return rs_json_error(doc, o, err, "\"%s\" must be an object "
		    "such as {\"noise\": 0.25}", key);
	v = GET(o, "noise");
	if (v == NULL || !cJSON_IsNumber(v) || !(v->valuedouble >= 0 &&
	    v->valuedouble < max))
		return rs_json_error(doc, v != NULL ? v : o, err, "\"%s\" "
		    "needs a \"noise\" from 0 to below %g", key, max);
	if (weights) {
		s->has_weights = 1;
		s->weight_noise = v->valuedouble;
	} else {
		s->has_goalposts = 1;
		s->goalpost_noise = v->valuedouble;
	}
	if (whole(doc, o, "sets", 0, 1e6, &has, &x, err) != 0)
		return RS_EINPUT;
	if (has && weights) {
		s->has_weight_sets = 1;
		s->weight_sets = (size_t)x;
	} else if (has) {
		s->has_goalpost_sets = 1;
		s->goalpost_sets = (size_t)x;
	}
	if ((v = GET(o, "levels")) == NULL)
		return 0;
	if (!weights || !cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0)
		return rs_json_error(doc, v, err, "\"levels\" belongs to "
		    "\"weights\", as a non-empty array such as [2, 3]");
	s->has_levels = 1;
	s->levels = 0;
	cJSON_ArrayForEach(l, v) {
		if (!cJSON_IsNumber(l) || !(l->valuedouble >= 1 &&
		    l->valuedouble <= 31) ||
		    l->valuedouble > floor(l->valuedouble))
			return rs_json_error(doc, l, err, "a level is a whole "
			    "number from 1 (indicators) to 31");
		s->levels |= 1u << (int)l->valuedouble;
	}
	return 0;
}

/* "normalise" and "aggregate": arrays of the command line's values. */
static int
alternatives(const struct rs_json_doc *doc, const cJSON *obj,
    struct rs_sa_section *s, struct rs_error *err)
{
	const cJSON *v, *a;
	struct rs_error why = {0};
	int m, agg;

	for (agg = 0; agg < 2; agg++) {
		if ((v = GET(obj, agg ? "aggregate" : "normalise")) == NULL)
			continue;
		if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0 ||
		    cJSON_GetArraySize(v) > RS_SA_MAXALT)
			return rs_json_error(doc, v, err, "\"%s\" must be an "
			    "array of 1 to %d %s", agg ? "aggregate" :
			    "normalise", RS_SA_MAXALT, agg ? "aggregators "
			    "such as \"gmean\"" : "normalisers such as "
			    "\"minmax:1,100\"");
		cJSON_ArrayForEach(a, v) {
			if (!cJSON_IsString(a))
				return rs_json_error(doc, a, err, "an "
				    "alternative is a string");
			if (!agg) {
				if (rs_norm_spec_parse(&s->norms[s->nnorms],
				    a->valuestring, &why) != 0)
					return rs_json_error(doc, a, err,
					    "%s", why.msg);
				s->nnorms++;
				continue;
			}
			for (m = RS_AGG_AMEAN; m <= RS_AGG_HMEAN; m++)
				if (strcmp(a->valuestring,
				    rs_agg_method_name(m)) == 0)
					break;
			if (m > RS_AGG_HMEAN)
				return rs_json_error(doc, a, err, "an "
				    "aggregator is \"amean\", \"gmean\" or "
				    "\"hmean\"");
			s->aggs[s->naggs++] = m;
		}
	}
	return 0;
}

/* Where the value of key in obj is, if there. */
static void
at(const struct rs_json_doc *doc, const cJSON *obj, const char *key,
    struct rs_sa_at *where)
{
	const cJSON *v = GET(obj, key);

	if (v != NULL)
		rs_json_locate(doc, v, &where->line, &where->col);
}

int
rs_sa_json_section(struct rs_sa_section *s,
    const struct rs_json_doc *doc, const cJSON *o, struct rs_error *err)
{
	const cJSON *v;
	double x = 0;

	memset(s, 0, sizeof(*s));
	if (!cJSON_IsObject(o))
		return rs_json_error(doc, o, err, "\"sensitivity\" must be an "
		    "object");
	at(doc, o, "runs", &s->at_runs);
	at(doc, o, "goalposts", &s->at_goalposts);
	at(doc, o, "exclude_indicators", &s->at_exclude);
	at(doc, o, "normalise", &s->at_normalise);
	at(doc, o, "winmax", &s->at_winmax);
	if (whole(doc, o, "runs", 1, 1e7, &s->has_runs, &x, err) != 0)
		return RS_EINPUT;
	if (s->has_runs)
		s->runs = (size_t)x;
	if (whole(doc, o, "seed", 0, 9007199254740992.0, &s->has_seed, &x,
	    err) != 0)
		return RS_EINPUT;
	if (s->has_seed)
		s->seed = (uint64_t)x;
	if (whole(doc, o, "bootstrap", 0, 1e5, &s->has_bootstrap, &x,
	    err) != 0)
		return RS_EINPUT;
	if (s->has_bootstrap)
		s->bootstrap = (size_t)x;
	if (noisy(doc, o, "weights", 1, s, err) != 0 ||
	    noisy(doc, o, "goalposts", 0.5, s, err) != 0 ||
	    alternatives(doc, o, s, err) != 0)
		return RS_EINPUT;
	if ((v = GET(o, "exclude_indicators")) != NULL) {
		if (!cJSON_IsBool(v))
			return rs_json_error(doc, v, err, "\"exclude_"
			    "indicators\" must be true or false");
		s->has_exclude = 1;
		s->exclude = cJSON_IsTrue(v);
	}
	if ((v = GET(o, "sobol")) != NULL) {
		if (!cJSON_IsBool(v))
			return rs_json_error(doc, v, err, "\"sobol\" must be "
			    "true or false");
		s->has_sobol = 1;
		s->sobol = cJSON_IsTrue(v);
	}
	if ((v = GET(o, "winmax")) != NULL) {
		const cJSON *a = cJSON_GetArrayItem(v, 0);
		const cJSON *b = cJSON_GetArrayItem(v, 1);

		if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2 ||
		    !cJSON_IsNumber(a) || !cJSON_IsNumber(b) ||
		    !(a->valuedouble >= 1 && a->valuedouble <=
		    b->valuedouble && b->valuedouble <= 1000) ||
		    a->valuedouble > floor(a->valuedouble) ||
		    b->valuedouble > floor(b->valuedouble))
			return rs_json_error(doc, v, err, "\"winmax\" must be "
			    "[A, B], whole numbers with 1 <= A <= B <= 1000");
		s->winmax_lo = (int)a->valuedouble;
		s->winmax_hi = (int)b->valuedouble;
	}
	return 0;
}
