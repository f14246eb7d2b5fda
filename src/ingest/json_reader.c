/*
 * json_reader.c - city data in JSON through cJSON
 *
 *	{"cities": [{"city": NAME, "values": {ID: number or null, ...}}, ...]}
 *	{"city": NAME, "values": {...}}
 *
 * A city may also give "city_id", "name_en", "name_ar" and "country", as
 * strings (docs/input.md, "Cities").
 *
 * Positions are found only when something is wrong (rs_json_locate), so a
 * valid file is read in one pass.
 */
#include <math.h>
#include <string.h>

#include "io/jsonutil.h"
#include "ingest/readers.h"

/* Give an error raised without a position the position of item. */
static int
locate(const struct rs_json_doc *doc, const cJSON *item, struct rs_error *err,
    int rc)
{
	if (rc != 0 && err != NULL)
		rs_json_locate(doc, item, &err->line, &err->col);
	return rc;
}

static int
read_city(struct rs_dataset *ds, const struct rs_json_doc *doc,
    const cJSON *entry, const struct rs_pos *at, struct rs_error *err)
{
	const cJSON *name, *values, *v;
	struct rs_pos here = *at;
	size_t city, indicator;
	enum rs_city_field f;
	double value;
	char q[RS_QUOTE_SIZE];
	int rc;

	if (!cJSON_IsObject(entry))
		return rs_json_error(doc, entry, err, "a city must be an "
		    "object with \"city\" and \"values\"");
	if ((v = rs_json_duplicate_key(entry)) != NULL)
		return rs_json_error(doc, v, err, "duplicate key \"%s\"",
		    v->string);
	name = cJSON_GetObjectItemCaseSensitive(entry, "city");
	if (!cJSON_IsString(name))
		return rs_json_error(doc, name ? name : entry, err,
		    "\"city\" must be a string naming the city");
	values = cJSON_GetObjectItemCaseSensitive(entry, "values");
	if (!cJSON_IsObject(values))
		return rs_json_error(doc, values ? values : entry, err,
		    "\"values\" must be an object of indicator ids to numbers");
	if (name->valuestring[0] == '\0')
		return rs_json_error(doc, name, err, "empty city name");
	/* The city is where its name is; its values carry no position. */
	rs_json_locate(doc, name, &here.line, &here.col);
	v = cJSON_GetObjectItemCaseSensitive(entry, "city_id");
	rc = rs_ds_city_id(ds, name->valuestring, strlen(name->valuestring),
	    cJSON_IsString(v) ? v->valuestring : "", cJSON_IsString(v) ?
	    strlen(v->valuestring) : 0, rs_ds_new_place(ds), &here, &city,
	    err);
	if (rc != 0)
		return locate(doc, name, err, rc);
	for (f = RS_CITY_ID; f <= RS_CITY_COUNTRY; f++) {
		v = cJSON_GetObjectItemCaseSensitive(entry,
		    rs_city_field_name(f));
		if (v == NULL || cJSON_IsNull(v))
			continue;
		if (!cJSON_IsString(v))
			return rs_json_error(doc, v, err, "\"%s\" must be a "
			    "string", rs_city_field_name(f));
		rs_json_locate(doc, v, &here.line, &here.col);
		rc = rs_ds_city_field(ds, city, f, v->valuestring,
		    strlen(v->valuestring), &here, err);
		if (rc != 0)
			return rc;
	}
	here.line = here.col = 0;
	for (v = values->child; v != NULL; v = v->next) {
		rc = rs_ds_indicator(ds, v->string, strlen(v->string), &here,
		    &indicator, err);
		if (rc != 0)
			return locate(doc, v, err, rc);
		if (cJSON_IsNull(v))
			value = (double)NAN;
		else if (!cJSON_IsNumber(v))
			return rs_json_error(doc, v, err, "value of \"%s\" "
			    "must be a number or null",
			    rs_text_quote(q, v->string, strlen(v->string)));
		else if (!isfinite(v->valuedouble))
			return rs_json_error(doc, v, err, "value of \"%s\" "
			    "is out of range for a double",
			    rs_text_quote(q, v->string, strlen(v->string)));
		else
			value = v->valuedouble;
		rc = rs_ds_add(ds, city, indicator, value, 0, 0, 0, 0, &here,
		    err);
		if (rc != 0)
			return locate(doc, v, err, rc);
	}
	return 0;
}

int
rs_json_read(struct rs_dataset *ds, const char *text, size_t len,
    const struct rs_pos *at, struct rs_error *err)
{
	struct rs_json_doc doc;
	const cJSON *cities, *c;
	int rc;

	if ((rc = rs_json_doc_parse(&doc, text, len, at->path, err)) != 0)
		goto out;
	/* Positions of the cities and their names: depth 3 in "cities". */
	rs_json_doc_index(&doc, 3);
	if (!cJSON_IsObject(doc.root)) {
		rc = rs_json_error(&doc, doc.root, err, "expected an object "
		    "with \"cities\" or with \"city\" and \"values\"");
		goto out;
	}
	cities = cJSON_GetObjectItemCaseSensitive(doc.root, "cities");
	if (cities == NULL) {
		rc = read_city(ds, &doc, doc.root, at, err);
		goto out;
	}
	if (!cJSON_IsArray(cities)) {
		rc = rs_json_error(&doc, cities, err,
		    "\"cities\" must be an array of cities");
		goto out;
	}
	for (c = cities->child; c != NULL && rc == 0; c = c->next)
		rc = read_city(ds, &doc, c, at, err);
out:
	rs_json_doc_release(&doc);
	return rc;
}
