/*
 * baseline.c - reading the JSON report of an earlier run through cJSON
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/jsonutil.h"
#include "base/mem.h"
#include "io/readfile.h"
#include "resilience/baseline.h"
#include "base/strmap.h"

struct rs_baseline_priv {
	struct rs_pool pool;		/* the city names */
	struct rs_strmap names;		/* city id -> index */
	size_t cap;			/* cities allocated */
};

void
rs_baseline_init(struct rs_baseline *b)
{
	memset(b, 0, sizeof(*b));
	b->path = "";
	b->version = "";
	b->same_framework = 1;
	b->priv = rs_calloc(1, sizeof(*b->priv));
	rs_pool_init(&b->priv->pool);
	rs_strmap_init(&b->priv->names);
}

void
rs_baseline_release(struct rs_baseline *b)
{
	if (b->priv != NULL) {
		rs_strmap_release(&b->priv->names);
		rs_pool_release(&b->priv->pool);
		free(b->priv);
	}
	free(b->cities);
	free(b->ids);
	free(b->score);
	free(b->score_of);
	free(b->value);
	free(b->has_values);
	memset(b, 0, sizeof(*b));
	b->path = "";
	b->version = "";
}

/* A score: null (NaN) or a number from 0 to 100. */
static int
get_score(const struct rs_json_doc *doc, const cJSON *item, double *score,
    struct rs_error *err)
{
	if (item == NULL || cJSON_IsNull(item)) {
		*score = (double)NAN;
		return 0;
	}
	if (!cJSON_IsNumber(item) || !(item->valuedouble >= 0 &&
	    item->valuedouble <= 100))
		return rs_json_error(doc, item, err, "\"score\" must be null "
		    "or a number from 0 to 100");
	*score = item->valuedouble;
	return 0;
}

/* A raw value: null (NaN) or a finite number. */
static int
get_value(const struct rs_json_doc *doc, const cJSON *item, double *value,
    struct rs_error *err)
{
	if (cJSON_IsNull(item)) {
		*value = (double)NAN;
		return 0;
	}
	if (!cJSON_IsNumber(item) || !isfinite(item->valuedouble))
		return rs_json_error(doc, item, err, "\"value\" must be null "
		    "or a number");
	*value = item->valuedouble;
	return 0;
}

static int
read_city(struct rs_baseline *b, const struct rs_framework *fw,
    const struct rs_json_doc *doc, const cJSON *entry, struct rs_error *err)
{
	const cJSON *name, *id, *scores, *s, *v;
	size_t ci = b->ncities, node, k, nind = fw->nindicators;
	double *row;
	int rc;

	if (!cJSON_IsObject(entry))
		return rs_json_error(doc, entry, err, "a city must be an "
		    "object with \"city\", \"score\" and \"scores\"");
	name = cJSON_GetObjectItemCaseSensitive(entry, "city");
	if (!cJSON_IsString(name))
		return rs_json_error(doc, name ? name : entry, err,
		    "\"city\" must be a string naming the city");
	id = cJSON_GetObjectItemCaseSensitive(entry, "id");
	if (id != NULL && !cJSON_IsString(id))
		return rs_json_error(doc, id, err, "\"id\" must be a string "
		    "naming the city");
	if (id == NULL)
		id = name;	/* a report from before cities had ids */
	if (rs_strmap_get(&b->priv->names, id->valuestring,
	    strlen(id->valuestring)) != NULL)
		return rs_json_error(doc, id, err, "city \"%s\" appears "
		    "twice in the baseline", id->valuestring);
	rs_grow(&b->cities, &b->priv->cap, ci + 1, sizeof(*b->cities));
	b->ids = rs_realloc(b->ids, b->priv->cap * sizeof(*b->ids));
	b->score = rs_realloc(b->score, b->priv->cap * sizeof(double));
	b->score_of = rs_realloc(b->score_of, b->priv->cap * fw->nnodes *
	    sizeof(double));
	b->value = rs_realloc(b->value, (b->priv->cap * nind + 1) *
	    sizeof(double));
	b->has_values = rs_realloc(b->has_values, b->priv->cap);
	b->cities[ci] = rs_pool_strdup(&b->priv->pool, name->valuestring);
	b->ids[ci] = id == name ? b->cities[ci] :
	    rs_pool_strdup(&b->priv->pool, id->valuestring);
	rs_strmap_put(&b->priv->names, b->ids[ci], ci);
	b->has_values[ci] = 0;
	b->ncities++;
	row = b->score_of + ci * fw->nnodes;
	for (node = 0; node < fw->nnodes; node++)
		row[node] = (double)NAN;
	for (k = 0; k < nind; k++)
		b->value[ci * nind + k] = (double)NAN;
	rc = get_score(doc, cJSON_GetObjectItemCaseSensitive(entry, "score"),
	    &b->score[ci], err);
	if (rc != 0)
		return rc;
	scores = cJSON_GetObjectItemCaseSensitive(entry, "scores");
	if (scores == NULL)
		return 0;
	if (!cJSON_IsObject(scores))
		return rs_json_error(doc, scores, err, "\"scores\" must be an "
		    "object of node ids to objects with a \"score\"");
	for (s = scores->child; s != NULL; s = s->next) {
		if (!cJSON_IsObject(s))
			return rs_json_error(doc, s, err, "\"scores\" entry "
			    "\"%s\" must be an object with a \"score\"",
			    s->string);
		node = rs_framework_find(fw, s->string, strlen(s->string));
		if (node == RS_NONE)
			continue;	/* a node this framework dropped */
		rc = get_score(doc, cJSON_GetObjectItemCaseSensitive(s,
		    "score"), &row[node], err);
		if (rc != 0)
			return rc;
		v = cJSON_GetObjectItemCaseSensitive(s, "value");
		if (v == NULL || fw->nodes[node].indicator == RS_NONE)
			continue;
		b->has_values[ci] = 1;
		rc = get_value(doc, v, &b->value[ci * nind +
		    fw->nodes[node].indicator], err);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int
rs_baseline_load_text(struct rs_baseline *b, const struct rs_framework *fw,
    const char *text, size_t len, const char *path, struct rs_error *err)
{
	struct rs_json_doc doc;
	const cJSON *f, *id, *version, *cities, *c;
	int rc;

	rs_baseline_release(b);
	rs_baseline_init(b);
	b->nnodes = fw->nnodes;
	b->nindicators = fw->nindicators;
	if ((rc = rs_json_doc_parse(&doc, text, len, path, err)) != 0)
		goto out;
	if (!cJSON_IsObject(doc.root)) {
		rc = rs_json_error(&doc, doc.root, err, "expected the JSON "
		    "report of 'resilience score --format json'");
		goto out;
	}
	f = cJSON_GetObjectItemCaseSensitive(doc.root, "framework");
	id = cJSON_GetObjectItemCaseSensitive(f, "id");
	if (!cJSON_IsString(id)) {
		rc = rs_json_error(&doc, id ? id : f ? f : doc.root, err,
		    "expected \"framework\" with a string \"id\"");
		goto out;
	}
	if (strcmp(id->valuestring, fw->id) != 0) {
		rc = rs_json_error(&doc, id, err, "the baseline was scored "
		    "on framework \"%s\", not \"%s\"", id->valuestring,
		    fw->id);
		goto out;
	}
	version = cJSON_GetObjectItemCaseSensitive(f, "version");
	if (version != NULL && !cJSON_IsString(version)) {
		rc = rs_json_error(&doc, version, err, "the framework's "
		    "\"version\" must be a string");
		goto out;
	}
	if (version != NULL) {
		b->version = rs_pool_strdup(&b->priv->pool,
		    version->valuestring);
		b->same_framework = strcmp(b->version, fw->version) == 0;
	} else {
		b->same_framework = fw->version[0] == '\0';
	}
	cities = cJSON_GetObjectItemCaseSensitive(doc.root, "cities");
	if (!cJSON_IsArray(cities)) {
		rc = rs_json_error(&doc, cities ? cities : doc.root, err,
		    "\"cities\" must be an array of cities");
		goto out;
	}
	for (c = cities->child; c != NULL && rc == 0; c = c->next)
		rc = read_city(b, fw, &doc, c, err);
out:
	rs_json_doc_release(&doc);
	if (rc != 0) {
		rs_baseline_release(b);
		rs_baseline_init(b);
	}
	b->path = path;
	return rc;
}

int
rs_baseline_load_file(struct rs_baseline *b, const struct rs_framework *fw,
    const char *path, struct rs_error *err)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	rc = rs_baseline_load_text(b, fw, text, len, path, err);
	free(text);
	return rc;
}

size_t
rs_baseline_find(const struct rs_baseline *b, const char *id)
{
	const size_t *i;

	if (b->priv == NULL)
		return RS_NONE;
	i = rs_strmap_get(&b->priv->names, id, strlen(id));
	return i != NULL ? *i : RS_NONE;
}
