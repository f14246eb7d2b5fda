/*
 * describe.c - the framework tree as text, Markdown and JSON (describe.h)
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "resilience/describe.h"
#include "base/text.h"

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
	return node->best > node->worst ? "higher" : "lower";
}

/* A number as the shortest "%g" form that reads back to the same value. */
static void
format_number(char *buf, size_t n, double v)
{
	double back;
	int prec;

	for (prec = 6; prec <= 17; prec++) {
		snprintf(buf, n, "%.*g", prec, v);
		back = strtod(buf, NULL);
		if (!(back < v) && !(back > v))
			break;
	}
}

static int
finish(FILE *out, struct rs_error *err)
{
	if (ferror(out))
		return rs_error_io(err, errno, "", "cannot write the "
		    "framework description");
	return 0;
}

/* Write s padded or cut to exactly width display columns. */
static void
put_cell(FILE *out, const char *s, size_t width)
{
	int cut;
	size_t n = rs_utf8_fit(s, width, &cut), w = rs_utf8_nwidth(s, n);

	fwrite(s, 1, n, out);
	if (cut) {
		fputs("...", out);
		w += 3;
	}
	for (; w < width; w++)
		fputc(' ', out);
}

static void
put_right(FILE *out, const char *s, size_t width)
{
	size_t w = rs_utf8_width(s);

	for (; w < width; w++)
		fputc(' ', out);
	fputs(s, out);
}

static void
put_levels(FILE *out, const struct rs_framework *fw, const char *lang,
    const char *sep)
{
	const struct rs_level *lv;
	char num[32];
	size_t i;

	for (i = 0; i < fw->nlevels; i++) {
		lv = &fw->levels[i];
		format_number(num, sizeof(num), lv->min);
		fprintf(out, "%s%s (%s) from %s", i > 0 ? sep : "",
		    rs_name_get(lv->names, lv->nnames, lang, lv->id), lv->id,
		    num);
	}
}

int
rs_describe_text(FILE *out, const struct rs_framework *fw, const char *lang,
    struct rs_error *err)
{
	const struct rs_node *node;
	size_t i, w, idw = 2;
	char num[32];

	for (i = 0; i < fw->nnodes; i++) {
		node = &fw->nodes[i];
		w = (size_t)(node->depth - 1) * INDENT + rs_utf8_width(node->id);
		if (w > idw)
			idw = w;
	}
	fprintf(out, "%s", rs_name_get(fw->names, fw->nnames, lang, fw->id));
	if (fw->version[0] != '\0')
		fprintf(out, " (%s)", fw->version);
	fprintf(out, "\n%zu top-level nodes, %zu nodes, %zu indicators\n",
	    fw->ntop, fw->nnodes, fw->nindicators);
	format_number(num, sizeof(num), fw->min_coverage);
	fprintf(out, "levels: ");
	put_levels(out, fw, lang, ", ");
	fprintf(out, "\nminimum coverage of an aggregate: %s\n\n", num);

	put_cell(out, "id", idw + 2);
	put_cell(out, "name", NAME_WIDTH + 2);
	put_right(out, "weight", 6);
	put_right(out, "worst", 8);
	put_right(out, "best", 8);
	fputs("  better  domain          lever      unit\n", out);
	for (i = 0; i < fw->nnodes; i++) {
		node = &fw->nodes[i];
		for (w = 1; w < (size_t)node->depth; w++)
			fputs("  ", out);
		put_cell(out, node->id, idw + 2 -
		    (size_t)(node->depth - 1) * INDENT);
		put_cell(out, node_name(fw, i, lang), NAME_WIDTH + 2);
		format_number(num, sizeof(num), node->weight);
		put_right(out, num, 6);
		if (node->nchildren == 0) {
			char dom[80], lo[32], hi[32];

			format_number(num, sizeof(num), node->worst);
			put_right(out, num, 8);
			format_number(num, sizeof(num), node->best);
			put_right(out, num, 8);
			fputs("  ", out);
			put_cell(out, direction(node), 8);
			if (node->has_min)
				format_number(lo, sizeof(lo), node->min);
			else
				snprintf(lo, sizeof(lo), "-inf");
			if (node->has_max)
				format_number(hi, sizeof(hi), node->max);
			else
				snprintf(hi, sizeof(hi), "+inf");
			snprintf(dom, sizeof(dom), "%s..%s", lo, hi);
			put_cell(out, dom, 16);
			put_cell(out, lever_word(node), 11);
			fputs(node->unit != NULL ? node->unit : "", out);
		}
		/* no trailing blanks: an aggregate line ends at its weight */
		fputc('\n', out);
	}
	return finish(out, err);
}

/*
 * Write s with the Markdown specials that act inside a table cell
 * escaped (\ ` * _ [ ] < > | ~, and & as an entity), newlines as spaces.
 */
static void
put_md(FILE *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n' || *s == '\r')
			fputc(' ', out);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (strchr("\\`*_[]<>|~", *s) != NULL)
			fprintf(out, "\\%c", *s);
		else
			fputc(*s, out);
	}
}

static void
md_row(FILE *out, const struct rs_framework *fw, size_t i, const char *lang)
{
	const struct rs_node *node = &fw->nodes[i];
	char num[32];
	int bold = node->nchildren > 0;

	fputs("| ", out);
	put_md(out, node->id);
	fputs(" | ", out);
	if (bold)
		fputs("**", out);
	put_md(out, node_name(fw, i, lang));
	if (bold)
		fputs("**", out);
	format_number(num, sizeof(num), node->weight);
	fprintf(out, " | %s |", num);
	if (node->nchildren == 0) {
		format_number(num, sizeof(num), node->worst);
		fprintf(out, " %s |", num);
		format_number(num, sizeof(num), node->best);
		fprintf(out, " %s | %s | ", num, direction(node));
		if (node->has_min) {
			format_number(num, sizeof(num), node->min);
			fputs(num, out);
		} else {
			fputs("−∞", out);
		}
		fputs(" .. ", out);
		if (node->has_max) {
			format_number(num, sizeof(num), node->max);
			fputs(num, out);
		} else {
			fputs("+∞", out);
		}
		fprintf(out, " | %s | ", lever_word(node));
		put_md(out, node->unit);
		fputs(" |\n", out);
	} else {
		fputs("  |  |  |  |  |  |\n", out);
	}
}

int
rs_describe_markdown(FILE *out, const struct rs_framework *fw,
    const char *lang, struct rs_error *err)
{
	size_t t, i, end;
	char num[32];

	fputs("# ", out);
	put_md(out, rs_name_get(fw->names, fw->nnames, lang, fw->id));
	if (fw->version[0] != '\0') {
		fputs(" (", out);
		put_md(out, fw->version);
		fputs(")", out);
	}
	fputs("\n\nLevels: ", out);
	for (i = 0; i < fw->nlevels; i++) {
		const struct rs_level *lv = &fw->levels[i];

		format_number(num, sizeof(num), lv->min);
		if (i > 0)
			fputs(", ", out);
		put_md(out, rs_name_get(lv->names, lv->nnames, lang, lv->id));
		fprintf(out, " from %s", num);
	}
	format_number(num, sizeof(num), fw->min_coverage);
	fprintf(out, ".  An aggregate is scored when children carrying at "
	    "least %s of its weight have a score.\n", num);
	for (t = 0; t < fw->ntop; t++) {
		i = fw->top[t];
		end = t + 1 < fw->ntop ? fw->top[t + 1] : fw->nnodes;
		fputs("\n## ", out);
		put_md(out, fw->nodes[i].id);
		fputs(" ", out);
		put_md(out, node_name(fw, i, lang));
		fputs("\n\n| Id | Name | Weight | Worst | Best | Better | "
		    "Domain | Lever | Unit |\n|---|---|---|---|---|---|---|---|"
		    "---|\n", out);
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

	cJSON_AddStringToObject(obj, "id", node->id);
	cJSON_AddStringToObject(obj, "name", node_name(fw, i, lang));
	cJSON_AddNumberToObject(obj, "weight", node->weight);
	if (node->nchildren > 0) {
		kids = cJSON_AddArrayToObject(obj, "children");
		for (k = 0; k < node->nchildren; k++)
			cJSON_AddItemToArray(kids, node_json(fw,
			    node->children[k], lang));
		return obj;
	}
	cJSON_AddNumberToObject(obj, "worst", node->worst);
	cJSON_AddNumberToObject(obj, "best", node->best);
	cJSON_AddStringToObject(obj, "better", direction(node));
	if (node->has_min)
		cJSON_AddNumberToObject(obj, "min", node->min);
	else
		cJSON_AddNullToObject(obj, "min");
	if (node->has_max)
		cJSON_AddNumberToObject(obj, "max", node->max);
	else
		cJSON_AddNullToObject(obj, "max");
	if (node->unit != NULL)
		cJSON_AddStringToObject(obj, "unit", node->unit);
	else
		cJSON_AddNullToObject(obj, "unit");
	if (rs_lever_name(node->lever) != NULL)
		cJSON_AddStringToObject(obj, "lever",
		    rs_lever_name(node->lever));
	else
		cJSON_AddNullToObject(obj, "lever");
	cJSON_AddNumberToObject(obj, "effort", node->effort);
	if (node->has_max_change)
		cJSON_AddNumberToObject(obj, "max_change_per_year",
		    node->max_change);
	else
		cJSON_AddNullToObject(obj, "max_change_per_year");
	return obj;
}

int
rs_describe_json(FILE *out, const struct rs_framework *fw, const char *lang,
    struct rs_error *err)
{
	cJSON *root = cJSON_CreateObject(), *info, *levels, *lv, *nodes;
	char *text;
	size_t i;

	info = cJSON_AddObjectToObject(root, "framework");
	cJSON_AddStringToObject(info, "id", fw->id);
	cJSON_AddStringToObject(info, "name", rs_name_get(fw->names,
	    fw->nnames, lang, fw->id));
	cJSON_AddStringToObject(info, "version", fw->version);
	cJSON_AddNumberToObject(info, "min_coverage", fw->min_coverage);
	cJSON_AddNumberToObject(info, "indicators", (double)fw->nindicators);
	levels = cJSON_AddArrayToObject(root, "levels");
	for (i = 0; i < fw->nlevels; i++) {
		lv = cJSON_CreateObject();
		cJSON_AddStringToObject(lv, "id", fw->levels[i].id);
		cJSON_AddStringToObject(lv, "name", rs_name_get(
		    fw->levels[i].names, fw->levels[i].nnames, lang,
		    fw->levels[i].id));
		cJSON_AddNumberToObject(lv, "min", fw->levels[i].min);
		cJSON_AddItemToArray(levels, lv);
	}
	nodes = cJSON_AddArrayToObject(root, "nodes");
	for (i = 0; i < fw->ntop; i++)
		cJSON_AddItemToArray(nodes, node_json(fw, fw->top[i], lang));
	text = cJSON_Print(root);
	cJSON_Delete(root);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	return finish(out, err);
}
