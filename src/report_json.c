/*
 * report_json.c - the JSON report through cJSON
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mem.h"
#include "resilience/report.h"

/* A number, or null for NaN. */
static cJSON *
number(double v)
{
	return isnan(v) ? cJSON_CreateNull() : cJSON_CreateNumber(v);
}

static cJSON *
level(const struct rs_framework *fw, double score)
{
	if (isnan(score))
		return cJSON_CreateNull();
	return cJSON_CreateString(fw->levels[rs_framework_level(fw,
	    score)].id);
}

static cJSON *
city_json(const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = &r->res->cities[ci];
	cJSON *city = cJSON_CreateObject(), *scores, *node, *list, *item;
	size_t i;

	cJSON_AddItemToObject(city, "city", cJSON_CreateString(c->name));
	cJSON_AddItemToObject(city, "score", number(c->score));
	cJSON_AddItemToObject(city, "level", level(fw, c->score));
	cJSON_AddItemToObject(city, "coverage", number(c->coverage));
	cJSON_AddItemToObject(city, "rank", c->rank > 0 ?
	    cJSON_CreateNumber((double)c->rank) : cJSON_CreateNull());
	cJSON_AddItemToObject(city, "indicators_with_data",
	    cJSON_CreateNumber((double)(fw->nindicators - c->nmissing)));
	cJSON_AddItemToObject(city, "indicators",
	    cJSON_CreateNumber((double)fw->nindicators));
	scores = cJSON_AddObjectToObject(city, "scores");
	for (i = 0; i < fw->nnodes; i++) {
		node = cJSON_CreateObject();
		cJSON_AddItemToObject(node, "score", number(c->score_of[i]));
		cJSON_AddItemToObject(node, "level", level(fw,
		    c->score_of[i]));
		if (fw->nodes[i].nchildren > 0) {
			cJSON_AddItemToObject(node, "coverage",
			    number(c->coverage_of[i]));
		} else {
			size_t obs = RS_NONE;

			cJSON_AddItemToObject(node, "value",
			    number(c->value[i]));
			if (r->chosen != NULL)
				obs = r->chosen[ci * fw->nindicators +
				    fw->nodes[i].indicator];
			cJSON_AddItemToObject(node, "year", obs != RS_NONE &&
			    r->ds->obs[obs].has_year ?
			    cJSON_CreateNumber((double)r->ds->obs[obs].year) :
			    cJSON_CreateNull());
		}
		cJSON_AddItemToObject(node, "weight", number(c->weight_of[i]));
		cJSON_AddItemToObject(node, "gain", number(c->gain_of[i]));
		cJSON_AddItemToObject(scores, fw->nodes[i].id, node);
	}
	list = cJSON_AddArrayToObject(city, "priorities");
	for (i = 0; i < c->npriorities; i++) {
		size_t k = c->priorities[i];

		item = cJSON_CreateObject();
		cJSON_AddItemToObject(item, "id",
		    cJSON_CreateString(fw->nodes[k].id));
		cJSON_AddItemToObject(item, "score", number(c->score_of[k]));
		cJSON_AddItemToObject(item, "gain", number(c->gain_of[k]));
		cJSON_AddItemToArray(list, item);
	}
	list = cJSON_AddArrayToObject(city, "missing");
	for (i = 0; i < c->nmissing; i++)
		cJSON_AddItemToArray(list,
		    cJSON_CreateString(fw->nodes[c->missing[i]].id));
	return city;
}

/* Write s with two tabs after each newline: a city at depth 2. */
static int
put_indented(FILE *out, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		if (fwrite(s, 1, (size_t)(nl - s) + 1, out) !=
		    (size_t)(nl - s) + 1 || fputs("\t\t", out) == EOF)
			return -1;
		s = nl + 1;
	}
	return fputs(s, out) == EOF ? -1 : 0;
}

/*
 * The report is printed a city at a time, so that memory holds one
 * city's tree rather than every city's: the bytes are those cJSON_Print
 * gives for the whole document, cities being elements of an array at
 * depth 2, separated by ", ".
 */
int
rs_report_json(FILE *out, const struct rs_report *r, struct rs_error *err)
{
	const struct rs_framework *fw = r->fw;
	cJSON *root = cJSON_CreateObject(), *f, *city;
	char *text, *open;
	size_t i;
	int rc = 0;

	f = cJSON_AddObjectToObject(root, "framework");
	cJSON_AddItemToObject(f, "id", cJSON_CreateString(fw->id));
	cJSON_AddItemToObject(f, "name", cJSON_CreateString(rs_name_get(
	    fw->names, fw->nnames, r->lang, fw->id)));
	cJSON_AddItemToObject(f, "version", cJSON_CreateString(fw->version));
	cJSON_AddItemToObject(f, "min_coverage",
	    cJSON_CreateNumber(fw->min_coverage));
	cJSON_AddArrayToObject(root, "cities");
	text = cJSON_Print(root);
	cJSON_Delete(root);
	/* It ends with "cities": [] and the closing brace. */
	if (text == NULL || (open = strrchr(text, '[')) == NULL)
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot format the JSON report");
	if (fwrite(text, 1, (size_t)(open - text) + 1, out) !=
	    (size_t)(open - text) + 1)
		rc = -1;
	free(text);
	for (i = 0; i < r->res->ncities && rc == 0; i++) {
		city = city_json(r, i);
		text = cJSON_Print(city);
		cJSON_Delete(city);
		if (text == NULL)
			return rs_error_set(err, RS_EIO, "", 0, 0,
			    "cannot format the JSON report");
		if ((i > 0 && fputs(", ", out) == EOF) ||
		    put_indented(out, text) != 0)
			rc = -1;
		free(text);
	}
	if (rc != 0 || fputs("]\n}\n", out) == EOF)
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the JSON report");
	return 0;
}
