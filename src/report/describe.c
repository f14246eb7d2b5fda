/*
 * describe.c - the framework tree as text, Markdown and JSON (describe.h)
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/json_writer.h"
#include "io/markup.h"
#include "report/report_priv.h"
#include "resilience/describe.h"

#define NAME_WIDTH 44	/* display columns for a node name in text */
#define INDENT 2	/* columns of indentation per level */

static const char *
node_name(const struct rs_framework *fw, size_t i, const char *lang)
{
	const struct rs_node *node = &fw->nodes[i];

	return rs_name_get(node->names, node->nnames, lang, node->id);
}

/* The lever of an indicator as the tables show it: "-" when not said. */
static const char *
lever_word(const struct rs_node *node)
{
	const char *w = rs_lever_name(node->lever);

	return w != NULL ? w : "-";
}

static const char *
direction(const struct rs_node *node)
{
	if (node->has_band)
		return "band";
	return node->best > node->worst ? "higher" : "lower";
}

/*
 * The worst and best columns of an indicator: its goalposts, or for a
 * target band "worst_low/worst_high" and "low-high" (framework-format.md,
 * "band").
 */
static void
goalpost_cells(const struct rs_node *node, char *worst, char *best,
    size_t size)
{
	char a[32], b[32];

	if (!node->has_band) {
		rs_fmt_short(worst, size, node->worst);
		rs_fmt_short(best, size, node->best);
		return;
	}
	rs_fmt_short(a, sizeof(a), node->band[0]);
	rs_fmt_short(b, sizeof(b), node->band[3]);
	snprintf(worst, size, "%s/%s", a, b);
	rs_fmt_short(a, sizeof(a), node->band[1]);
	rs_fmt_short(b, sizeof(b), node->band[2]);
	snprintf(best, size, "%s-%s", a, b);
}

/* The series an indicator names, as "wdi:CODE", or "-". */
static void
series_cell(const struct rs_node *node, char *buf, size_t size)
{
	if (node->series_db == NULL)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s:%s", node->series_db,
		    node->series_code);
}

static int
finish(FILE *out, struct rs_error *err)
{
	if (ferror(out))
		return rs_error_io(err, errno, "", "cannot write the "
		    "framework description");
	return 0;
}


static void
put_levels(FILE *out, const struct rs_framework *fw, const char *lang,
    const char *sep)
{
	const struct rs_level *lv;
	const char *name;
	char num[32];
	size_t i;

	for (i = 0; i < fw->nlevels; i++) {
		lv = &fw->levels[i];
		rs_fmt_short(num, sizeof(num), lv->min);
		fputs(i > 0 ? sep : "", out);
		name = rs_name_get(lv->names, lv->nnames, lang, lv->id);
		rs_text_write(out, name, strlen(name));
		fputs(" (", out);
		rs_text_write(out, lv->id, strlen(lv->id));
		fputs(") ", out);
		rs_report_say(out, lang, RS_MSG_DESC_FROM, num, "", "");
	}
}

int
rs_describe_text(FILE *out, const struct rs_framework *fw, const char *lang,
    struct rs_error *err)
{
	const struct rs_node *node;
	const char *name, *unit;
	size_t i, w, idw = 2;
	char num[32];

	for (i = 0; i < fw->nnodes; i++) {
		node = &fw->nodes[i];
		w = (size_t)(node->depth - 1) * INDENT +
		    rs_text_shown_width(node->id);
		if (w > idw)
			idw = w;
	}
	name = rs_name_get(fw->names, fw->nnames, lang, fw->id);
	rs_text_write(out, name, strlen(name));
	if (fw->version[0] != '\0') {
		fputs(" (", out);
		rs_text_write(out, fw->version, strlen(fw->version));
		fputc(')', out);
	}
	{
		char top[32], all[32], ind[32];

		snprintf(top, sizeof(top), "%zu", fw->ntop);
		snprintf(all, sizeof(all), "%zu", fw->nnodes);
		snprintf(ind, sizeof(ind), "%zu", fw->nindicators);
		fputc('\n', out);
		rs_report_say(out, lang, RS_MSG_DESC_COUNTS, top, all, ind);
		fputc('\n', out);
	}
	rs_fmt_short(num, sizeof(num), fw->min_coverage);
	fputs(rs_i18n(lang, RS_MSG_DESC_LEVELS), out);
	put_levels(out, fw, lang, rs_i18n(lang, RS_MSG_COMMA));
	fputc('\n', out);
	rs_report_say(out, lang, RS_MSG_DESC_MIN_COVERAGE, num, "", "");
	fputs("\n\n", out);

	rs_text_write_cell(out, rs_i18n(lang, RS_MSG_DESC_ID), idw + 2);
	rs_text_write_cell(out, rs_i18n(lang, RS_MSG_DESC_NAME),
	    NAME_WIDTH + 2);
	rs_text_put_right(out, rs_i18n(lang, RS_MSG_DESC_WEIGHT), 6);
	rs_text_put_right(out, rs_i18n(lang, RS_MSG_DESC_WORST), 10);
	rs_text_put_right(out, rs_i18n(lang, RS_MSG_DESC_BEST), 10);
	fputs("  ", out);
	rs_text_write_cell(out, rs_i18n(lang, RS_MSG_DESC_BETTER), 8);
	rs_text_write_cell(out, rs_i18n(lang, RS_MSG_DESC_DOMAIN), 16);
	rs_text_write_cell(out, rs_i18n(lang, RS_MSG_DESC_LEVER), 11);
	rs_text_write_cell(out, rs_i18n(lang, RS_MSG_DESC_SERIES), 23);
	fputs(rs_i18n(lang, RS_MSG_DESC_UNIT), out);
	fputc('\n', out);
	for (i = 0; i < fw->nnodes; i++) {
		node = &fw->nodes[i];
		for (w = 1; w < (size_t)node->depth; w++)
			fputs("  ", out);
		rs_text_write_cell(out, node->id, idw + 2 -
		    (size_t)(node->depth - 1) * INDENT);
		rs_text_write_cell(out, node_name(fw, i, lang), NAME_WIDTH + 2);
		rs_fmt_short(num, sizeof(num), node->weight);
		rs_text_put_right(out, num, 6);
		if (node->nchildren == 0) {
			char dom[80], lo[32], hi[32], wcell[72], bcell[72];
			char ser[96];

			goalpost_cells(node, wcell, bcell, sizeof(wcell));
			rs_text_put_right(out, wcell, 10);
			rs_text_put_right(out, bcell, 10);
			fputs("  ", out);
			rs_text_write_cell(out, direction(node), 8);
			if (node->has_min)
				rs_fmt_short(lo, sizeof(lo), node->min);
			else
				snprintf(lo, sizeof(lo), "-inf");
			if (node->has_max)
				rs_fmt_short(hi, sizeof(hi), node->max);
			else
				snprintf(hi, sizeof(hi), "+inf");
			snprintf(dom, sizeof(dom), "%s..%s", lo, hi);
			rs_text_write_cell(out, dom, 16);
			rs_text_write_cell(out, lever_word(node), 11);
			series_cell(node, ser, sizeof(ser));
			rs_text_write_cell(out, ser, 23);
			if ((unit = rs_node_unit(node, lang)) != NULL)
				rs_text_write(out, unit, strlen(unit));
		}
		/* no trailing blanks: an aggregate line ends at its weight */
		fputc('\n', out);
	}
	return finish(out, err);
}

static void
md_row(FILE *out, const struct rs_framework *fw, size_t i, const char *lang)
{
	const struct rs_node *node = &fw->nodes[i];
	char num[32];
	int bold = node->nchildren > 0;

	fputs("| ", out);
	rs_md_puts(out, node->id);
	fputs(" | ", out);
	if (bold)
		fputs("**", out);
	rs_md_puts(out, node_name(fw, i, lang));
	if (bold)
		fputs("**", out);
	rs_fmt_short(num, sizeof(num), node->weight);
	fprintf(out, " | %s |", num);
	if (node->nchildren == 0) {
		char wcell[72], bcell[72], ser[96];

		goalpost_cells(node, wcell, bcell, sizeof(wcell));
		fprintf(out, " %s | %s | %s | ", wcell, bcell, direction(node));
		if (node->has_min) {
			rs_fmt_short(num, sizeof(num), node->min);
			fputs(num, out);
		} else {
			fputs("−∞", out);
		}
		fputs(" .. ", out);
		if (node->has_max) {
			rs_fmt_short(num, sizeof(num), node->max);
			fputs(num, out);
		} else {
			fputs("+∞", out);
		}
		fprintf(out, " | %s | ", lever_word(node));
		series_cell(node, ser, sizeof(ser));
		rs_md_puts(out, ser);
		fputs(" | ", out);
		rs_md_puts(out, rs_node_unit(node, lang));
		fputs(" |\n", out);
	} else {
		fputs("  |  |  |  |  |  |  |\n", out);
	}
}

int
rs_describe_markdown(FILE *out, const struct rs_framework *fw,
    const char *lang, struct rs_error *err)
{
	size_t t, i, end;
	char num[32];

	fputs("# ", out);
	rs_md_puts(out, rs_name_get(fw->names, fw->nnames, lang, fw->id));
	if (fw->version[0] != '\0') {
		fputs(" (", out);
		rs_md_puts(out, fw->version);
		fputs(")", out);
	}
	fputs("\n\n", out);
	fputs(rs_i18n(lang, RS_MSG_DESC_MD_LEVELS), out);
	for (i = 0; i < fw->nlevels; i++) {
		const struct rs_level *lv = &fw->levels[i];

		rs_fmt_short(num, sizeof(num), lv->min);
		if (i > 0)
			fputs(rs_i18n(lang, RS_MSG_COMMA), out);
		rs_md_puts(out, rs_name_get(lv->names, lv->nnames, lang, lv->id));
		fputc(' ', out);
		rs_report_say(out, lang, RS_MSG_DESC_FROM, num, "", "");
	}
	rs_fmt_short(num, sizeof(num), fw->min_coverage);
	rs_report_say(out, lang, RS_MSG_DESC_MD_COVERAGE, num, "", "");
	fputc('\n', out);
	for (t = 0; t < fw->ntop; t++) {
		i = fw->top[t];
		end = t + 1 < fw->ntop ? fw->top[t + 1] : fw->nnodes;
		fputs("\n## ", out);
		rs_md_puts(out, fw->nodes[i].id);
		fputs(" ", out);
		rs_md_puts(out, node_name(fw, i, lang));
		fputs("\n\n", out);
		fputs(rs_i18n(lang, RS_MSG_DESC_MD_HEAD), out);
		fputs("\n|---|---|---|---|---|---|---|---|---|---|\n", out);
		for (; i < end; i++)
			md_row(out, fw, i, lang);
	}
	return finish(out, err);
}

static cJSON *
node_json(const struct rs_framework *fw, size_t i, const char *lang)
{
	const struct rs_node *node = &fw->nodes[i];
	cJSON *obj = cJSON_CreateObject(), *kids;
	size_t k;

	cJSON_AddItemToObject(obj, "id", rs_json_string(node->id));
	cJSON_AddItemToObject(obj, "name", rs_json_string(node_name(fw, i,
	    lang)));
	cJSON_AddItemToObject(obj, "weight", rs_json_number(node->weight));
	if (node->nchildren > 0) {
		kids = cJSON_AddArrayToObject(obj, "children");
		for (k = 0; k < node->nchildren; k++)
			cJSON_AddItemToArray(kids, node_json(fw,
			    node->children[k], lang));
		return obj;
	}
	if (node->has_band) {
		cJSON *b;

		cJSON_AddNullToObject(obj, "worst");
		cJSON_AddNullToObject(obj, "best");
		b = cJSON_AddObjectToObject(obj, "band");
		cJSON_AddItemToObject(b, "worst_low",
		    rs_json_number(node->band[0]));
		cJSON_AddItemToObject(b, "low", rs_json_number(node->band[1]));
		cJSON_AddItemToObject(b, "high", rs_json_number(node->band[2]));
		cJSON_AddItemToObject(b, "worst_high",
		    rs_json_number(node->band[3]));
	} else {
		cJSON_AddItemToObject(obj, "worst",
		    rs_json_number(node->worst));
		cJSON_AddItemToObject(obj, "best", rs_json_number(node->best));
		cJSON_AddNullToObject(obj, "band");
	}
	cJSON_AddItemToObject(obj, "better", rs_json_string(direction(node)));
	if (node->has_min)
		cJSON_AddItemToObject(obj, "min", rs_json_number(node->min));
	else
		cJSON_AddNullToObject(obj, "min");
	if (node->has_max)
		cJSON_AddItemToObject(obj, "max", rs_json_number(node->max));
	else
		cJSON_AddNullToObject(obj, "max");
	cJSON_AddItemToObject(obj, "unit", rs_json_string(node->unit));
	cJSON_AddItemToObject(obj, "unit_ar", rs_json_string(node->unit_ar));
	cJSON_AddItemToObject(obj, "lever",
	    rs_json_string(rs_lever_name(node->lever)));
	cJSON_AddNumberToObject(obj, "effort", node->effort);
	if (node->has_max_change)
		cJSON_AddNumberToObject(obj, "max_change_per_year",
		    node->max_change);
	else
		cJSON_AddNullToObject(obj, "max_change_per_year");
	if (node->series_db != NULL) {
		cJSON *ser = cJSON_AddObjectToObject(obj, "series");

		cJSON_AddItemToObject(ser, node->series_db,
		    rs_json_string(node->series_code));
	} else {
		cJSON_AddNullToObject(obj, "series");
	}
	return obj;
}

int
rs_describe_json(FILE *out, const struct rs_framework *fw, const char *lang,
    struct rs_error *err)
{
	cJSON *root = cJSON_CreateObject(), *info, *levels, *lv, *nodes;
	int rc;
	size_t i;

	info = cJSON_AddObjectToObject(root, "framework");
	cJSON_AddItemToObject(info, "id", rs_json_string(fw->id));
	cJSON_AddItemToObject(info, "name", rs_json_string(rs_name_get(
	    fw->names, fw->nnames, lang, fw->id)));
	cJSON_AddItemToObject(info, "version", rs_json_string(fw->version));
	cJSON_AddItemToObject(info, "min_coverage",
	    rs_json_number(fw->min_coverage));
	cJSON_AddItemToObject(info, "indicators",
	    rs_json_number((double)fw->nindicators));
	levels = cJSON_AddArrayToObject(root, "levels");
	for (i = 0; i < fw->nlevels; i++) {
		lv = cJSON_CreateObject();
		cJSON_AddItemToObject(lv, "id", rs_json_string(
		    fw->levels[i].id));
		cJSON_AddItemToObject(lv, "name", rs_json_string(rs_name_get(
		    fw->levels[i].names, fw->levels[i].nnames, lang,
		    fw->levels[i].id)));
		cJSON_AddItemToObject(lv, "min", rs_json_number(fw->levels[i].min));
		cJSON_AddItemToArray(levels, lv);
	}
	nodes = cJSON_AddArrayToObject(root, "nodes");
	for (i = 0; i < fw->ntop; i++)
		cJSON_AddItemToArray(nodes, node_json(fw, fw->top[i], lang));
	rc = rs_json_write(out, root, 0);
	cJSON_Delete(root);
	if (rc != 0)
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot format the JSON report");
	fputc('\n', out);
	return finish(out, err);
}
