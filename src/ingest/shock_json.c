/*
 * shock_json.c - the "shock" section of a framework file
 * (docs/framework-format.md, "The shock section")
 */
#include <math.h>
#include <string.h>

#include "base/mem.h"
#include "ingest/shock_json.h"

/* A year: a whole number from 1 to 9999. */
static int
year(const struct rs_json_doc *doc, const cJSON *o, const char *key,
    long *out, struct rs_error *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (v == NULL)
		return rs_json_error(doc, o, err, "the \"shock\" section needs "
		    "\"%s\", a year", key);
	if (!cJSON_IsNumber(v) || !(v->valuedouble >= 1 &&
	    v->valuedouble <= 9999) || floor(v->valuedouble) <
	    v->valuedouble)
		return rs_json_error(doc, v, err, "\"%s\" must be a year from "
		    "1 to 9999", key);
	*out = (long)v->valuedouble;
	return 0;
}

int
rs_shock_json_section(struct rs_shock_section *s,
    const struct rs_framework *fw, struct rs_pool *pool,
    const struct rs_json_doc *doc, const cJSON *item, struct rs_error *err)
{
	static const char *const known[] = {"before", "shock", "after",
	    "series", "reference"};
	const cJSON *v, *e;
	size_t k, node;
	int rc, n;

	memset(s, 0, sizeof(*s));
	if (!cJSON_IsObject(item))
		return rs_json_error(doc, item, err, "\"shock\" must be an "
		    "object with \"before\", \"shock\" and \"after\"");
	if ((v = rs_json_duplicate_key(item)) != NULL)
		return rs_json_error(doc, v, err, "duplicate key \"%s\"",
		    v->string);
	for (v = item->child; v != NULL; v = v->next) {
		for (k = 0; k < sizeof(known) / sizeof(*known); k++)
			if (strcmp(v->string, known[k]) == 0)
				break;
		if (k == sizeof(known) / sizeof(*known))
			return rs_json_error(doc, v, err, "unknown key \"%s\" "
			    "in \"shock\" (before, shock, after, series, "
			    "reference)", v->string);
	}
	if ((rc = year(doc, item, "before", &s->before, err)) != 0 ||
	    (rc = year(doc, item, "shock", &s->shock, err)) != 0 ||
	    (rc = year(doc, item, "after", &s->after, err)) != 0)
		return rc;
	if (!(s->before < s->shock && s->shock < s->after))
		return rs_json_error(doc, item, err, "the \"shock\" years must "
		    "run before < shock < after, not %ld, %ld, %ld",
		    s->before, s->shock, s->after);
	v = cJSON_GetObjectItemCaseSensitive(item, "reference");
	if (v != NULL && (!cJSON_IsString(v) || v->valuestring[0] == '\0'))
		return rs_json_error(doc, v, err, "\"reference\" must be the "
		    "id or name of a row of the data");
	if (v != NULL)
		s->reference = rs_pool_strdup(pool, v->valuestring);
	v = cJSON_GetObjectItemCaseSensitive(item, "series");
	if (v == NULL)
		return 0;
	if (!cJSON_IsArray(v))
		return rs_json_error(doc, v, err, "\"series\" must be an array "
		    "of indicator ids");
	n = cJSON_GetArraySize(v);
	s->series = rs_calloc((size_t)n + 1, sizeof(size_t));
	for (e = v->child; e != NULL; e = e->next) {
		if (!cJSON_IsString(e))
			return rs_json_error(doc, e, err, "\"series\" must be "
			    "an array of indicator ids");
		node = rs_framework_find(fw, e->valuestring,
		    strlen(e->valuestring));
		if (node == RS_NONE || fw->nodes[node].nchildren > 0)
			return rs_json_error(doc, e, err, "\"%s\" in "
			    "\"series\" is not an indicator of the framework",
			    e->valuestring);
		for (k = 0; k < s->nseries; k++)
			if (s->series[k] == node)
				return rs_json_error(doc, e, err, "\"%s\" is "
				    "twice in \"series\"", e->valuestring);
		s->series[s->nseries++] = node;
	}
	return 0;
}
