/*
 * framework.c - the framework model: lifetime, lookups, levels (docs/framework-format.md)
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/strmap.h"
#include "base/text.h"
#include "model/framework_data.h"
#include "model/framework_priv.h"
#include "resilience/framework.h"
#include "resilience/pipeline_spec.h"


void
rs_framework_init(struct rs_framework *fw)
{
	memset(fw, 0, sizeof(*fw));
	fw->path = "";
	fw->id = "";
	fw->version = "";
	fw->min_coverage = 0.5;
}

void
rs_framework_release(struct rs_framework *fw)
{
	size_t i;

	if (fw->priv != NULL && fw->priv->borrowed)
		goto priv;
	for (i = 0; i < fw->nnodes; i++) {
		size_t k;

		free(fw->nodes[i].children);
		free(fw->nodes[i].names);
		free(fw->nodes[i].sources);
		for (k = 0; k < RS_RUBRIC_LEVELS; k++)
			free(fw->nodes[i].rubric[k]);
	}
	for (i = 0; i < fw->nlevels; i++)
		free(fw->levels[i].names);
	free(fw->names);
	free(fw->nodes);
	free(fw->levels);
	free(fw->top);
	free(fw->indicators);
	rs_pipeline_spec_free(fw->pipeline);
	free(fw->sensitivity);
	if (fw->shock != NULL)
		free(fw->shock->series);
	free(fw->shock);
priv:
	if (fw->priv != NULL) {
		rs_pool_release(&fw->priv->pool);
		rs_strmap_release(&fw->priv->ids);
		free(fw->priv);
	}
	rs_framework_init(fw);
}

void
rs_framework_load_static(struct rs_framework *fw,
    const struct rs_framework *data)
{
	size_t i;

	rs_framework_release(fw);
	*fw = *data;
	fw->priv = rs_calloc(1, sizeof(*fw->priv));
	rs_pool_init(&fw->priv->pool);
	rs_strmap_init(&fw->priv->ids);
	fw->priv->borrowed = 1;
	for (i = 0; i < fw->nnodes; i++)
		rs_strmap_put(&fw->priv->ids, fw->nodes[i].id, i);
}

size_t
rs_framework_find(const struct rs_framework *fw, const char *s, size_t n)
{
	const size_t *v;

	if (fw->priv == NULL)
		return RS_NONE;
	v = rs_strmap_get(&fw->priv->ids, s, n);
	return v ? *v : RS_NONE;
}

const char *
rs_framework_suggest(const struct rs_framework *fw, const char *s)
{
	size_t i, d, limit = strlen(s) / 3 + 1, bestd;
	const char *best = NULL;

	if (limit > 3)
		limit = 3;
	bestd = limit + 1;
	for (i = 0; i < fw->nindicators; i++) {
		const char *id = fw->nodes[fw->indicators[i]].id;

		d = rs_edit_distance(s, id, limit);
		if (d < bestd) {
			bestd = d;
			best = id;
		}
	}
	return best;
}

size_t
rs_framework_level(const struct rs_framework *fw, double score)
{
	size_t i, level = 0;

	for (i = 0; i < fw->nlevels; i++)
		if (fw->levels[i].min <= score)
			level = i;
	return level;
}

const char *
rs_node_unit(const struct rs_node *n, const char *lang)
{
	if (lang != NULL && strcmp(lang, "ar") == 0 && n->unit_ar != NULL)
		return n->unit_ar;
	return n->unit;
}

const char *
rs_name_get(const struct rs_name *names, size_t n, const char *lang,
    const char *fallback)
{
	size_t i;

	if (lang != NULL)
		for (i = 0; i < n; i++)
			if (strcmp(names[i].lang, lang) == 0)
				return names[i].text;
	for (i = 0; i < n; i++)
		if (strcmp(names[i].lang, "en") == 0)
			return names[i].text;
	for (i = 0; i < n; i++)
		if (names[i].lang[0] == '\0')
			return names[i].text;
	return n > 0 ? names[0].text : fallback;
}

int
rs_node_level(const struct rs_framework *fw, size_t i)
{
	int up = 1;
	size_t c = i;

	/* 1 + the longest path down to an indicator */
	while (fw->nodes[c].nchildren > 0) {
		c = fw->nodes[c].children[0];
		up++;
	}
	return up;
}

static const char *const lever_names[RS_LEVER_COUNT] = {
	[RS_LEVER_NONE] = NULL,
	[RS_LEVER_MUNICIPAL] = "municipal",
	[RS_LEVER_NATIONAL] = "national",
	[RS_LEVER_CONTEXT] = "context",
};

const char *
rs_lever_name(enum rs_lever lever)
{
	return (unsigned)lever < RS_LEVER_COUNT ? lever_names[lever] : NULL;
}

enum rs_lever
rs_lever_parse(const char *s, size_t n)
{
	unsigned l;

	for (l = RS_LEVER_MUNICIPAL; l < RS_LEVER_COUNT; l++)
		if (strlen(lever_names[l]) == n &&
		    memcmp(lever_names[l], s, n) == 0)
			return (enum rs_lever)l;
	return RS_LEVER_COUNT;
}

int
rs_rubric_level(const struct rs_node *node, const char *s, size_t n)
{
	const struct rs_name *names;
	size_t i, len;
	int level;

	if (node->nrubric[0] == 0 || n < 4 || s[0] < '1' ||
	    s[0] > '0' + RS_RUBRIC_LEVELS || s[1] != ':' || s[2] != ' ')
		return 0;
	level = s[0] - '0';
	names = node->rubric[level - 1];
	for (i = 0; i < node->nrubric[level - 1]; i++) {
		len = strlen(names[i].text);
		if (len == n - 3 && memcmp(names[i].text, s + 3, len) == 0)
			return level;
	}
	return 0;
}
