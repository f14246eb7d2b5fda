/*
 * report_md.c - the Markdown reports: GitHub-flavoured tables
 *
 * Every text that comes from the data or the framework (city names,
 * notes, names, ids, units, level ids and names, sentences quoting them)
 * goes through rs_md_puts() (markup.h), which backslash-escapes the
 * characters that Markdown and its tables give a meaning to and turns
 * line breaks and other control characters into spaces, so that a name
 * can neither break a table nor inject a link, an image, emphasis or
 * HTML.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "io/markup.h"
#include "report/report_priv.h"

/*
 * "| a | b |" and its alignment row: ncols of cols, align 'l' or 'r'.
 * With numbered, a first column "#" (a sign, the same in every language)
 * aligned right, for which align has no character.
 */
static void
table_head(FILE *out, const struct rs_report *r, int numbered,
    const enum rs_msg *cols, const char *align, size_t ncols)
{
	size_t i;

	fputs(numbered ? "| # |" : "|", out);
	for (i = 0; i < ncols; i++)
		fprintf(out, " %s |", rs_i18n(r->lang, cols[i]));
	fputs(numbered ? "\n| ---: |" : "\n|", out);
	for (i = 0; i < ncols; i++)
		fputs(align[i] == 'r' ? " ---: |" : " --- |", out);
	fputc('\n', out);
}

/* "| text |" started: a first cell of escaped text. */
static void
first_cell(FILE *out, const char *s)
{
	fputs("| ", out);
	rs_md_puts(out, s);
	fputs(" |", out);
}

static void
text_cell(FILE *out, const char *s)
{
	fputc(' ', out);
	if (s != NULL)
		rs_md_puts(out, s);
	fputs(" |", out);
}

/* " 69.2 |" or " n/a |": a score cell. */
static void
score_cell(FILE *out, double s)
{
	if (isnan(s))
		fputs(" n/a |", out);
	else
		fprintf(out, " %.1f |", s);
}

/* " 69.2 sound |": a score and its level. */
static void
score_level_cell(FILE *out, const struct rs_report *r, double s)
{
	if (isnan(s)) {
		fputs(" n/a |", out);
		return;
	}
	fprintf(out, " %.1f ", s);
	rs_md_puts(out, rs_level_word(r, s));
	fputs(" |", out);
}

static void
level_cell(FILE *out, const struct rs_report *r, double s)
{
	text_cell(out, isnan(s) ? "n/a" : rs_level_word(r, s));
}

/* The level of row node (RS_NONE: the city) of city ci, "(indicative)"
 * after it when it is (docs/methodology.md, "Indicative scores"). */
static void
level_cell_of(FILE *out, const struct rs_report *r, size_t ci, size_t node,
    double s)
{
	if (!rs_indicative(r, ci, node)) {
		level_cell(out, r, s);
		return;
	}
	fputc(' ', out);
	rs_md_puts(out, rs_level_word(r, s));
	fprintf(out, " (%s) |", rs_i18n(r->lang, RS_MSG_INDICATIVE));
}

/* A change cell of one of the three parts of a change (part 0 total). */
static void
part_cell(FILE *out, const struct rs_report *r, size_t ci, size_t node,
    int part)
{
	double v = part == 0 ? rs_row_change(r, ci, node) : part == 1 ?
	    rs_row_change_like(r, ci, node) : rs_row_change_comp(r, ci, node);
	char buf[32];

	if (!rs_in_baseline(r, ci))
		fprintf(out, " %s |", rs_i18n(r->lang, RS_MSG_NEW));
	else
		fprintf(out, " %s |", rs_fmt_change(buf, sizeof(buf), v));
}

static void
change_cell(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	part_cell(out, r, ci, node, 0);
}

/* With like-for-like figures: the like-for-like and composition cells. */
static void
like_cells(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	if (!rs_like_available(r))
		return;
	part_cell(out, r, ci, node, 1);
	part_cell(out, r, ci, node, 2);
}

/* " 2019 |", " undated |" or " |": the year of indicator node's value. */
static void
year_cell(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_obs *o = rs_value_obs(r, ci, node);

	if (o == NULL)
		fputs(" |", out);
	else if (o->has_year)
		fprintf(out, " %d |", o->year);
	else
		fprintf(out, " %s |", rs_i18n(r->lang, RS_MSG_UNDATED));
}

/* " 2014-2022 |": the years city ci's values span. */
static void
years_cell(FILE *out, const struct rs_report *r, size_t ci)
{
	char buf[32];

	fprintf(out, " %s |", rs_fmt_years(buf, sizeof(buf), r, ci));
}

static void
put_buf(void *ctx, const char *s, size_t len)
{
	rs_buf_printf(ctx, "%.*s", (int)len, s);
}

static void
percent_cell(FILE *out, double v)
{
	char buf[32];

	fprintf(out, " %s |", rs_fmt_percent(buf, sizeof(buf), v));
}

/* The title and the framework line every report starts with. */
static void
title(FILE *out, const struct rs_report *r, const char *what)
{
	fputs("# ", out);
	if (r->title != NULL)
		rs_md_puts(out, r->title);
	else
		fputs(what, out);
	fputs("\n\n", out);
	if (r->author != NULL) {
		fprintf(out, "%s: ", rs_i18n(r->lang, RS_MSG_AUTHOR));
		rs_md_puts(out, r->author);
		fputs(r->date != NULL ? " | " : "\n\n", out);
	}
	if (r->date != NULL) {
		fprintf(out, "%s: ", rs_i18n(r->lang, RS_MSG_DATE));
		rs_md_puts(out, r->date);
		fputs("\n\n", out);
	}
	fprintf(out, "%s: ", rs_i18n(r->lang, RS_MSG_FRAMEWORK));
	rs_md_puts(out, rs_framework_label(r));
	if (r->fw->version[0] != '\0') {
		fprintf(out, " (%s ", rs_i18n(r->lang, RS_MSG_VERSION_WORD));
		rs_md_puts(out, r->fw->version);
		fputc(')', out);
	}
	fputs(".", out);
	if (r->base != NULL) {
		fprintf(out, " %s ", rs_i18n(r->lang, RS_MSG_SINCE_BASELINE));
		rs_md_puts(out, r->base->path);
		fputs(".", out);
		if (r->change != NULL && r->change->refused &&
		    r->fw->pipeline == NULL) {
			const char *args[2] = {r->base->version,
			    r->fw->version};
			struct rs_buf b = {0};

			rs_i18n_expand(rs_i18n(r->lang, RS_MSG_REFUSED), args,
			    2, put_buf, &b);
			fputc(' ', out);
			rs_md_puts(out, b.s);
			fputc('.', out);
			rs_buf_release(&b);
		}
	}
	fputc('\n', out);
	if (rs_like_available(r)) {
		fputc('\n', out);
		rs_md_puts(out, rs_i18n(r->lang, RS_MSG_LIKE_NOTE));
		fputc('\n', out);
	}
}

/* The baseline's cities that the data do not have, as a paragraph. */
static void
missing_para(FILE *out, const struct rs_report *r)
{
	struct rs_buf list = {0}, b = {0};
	const char *args[1];
	size_t k, n = rs_missing_count(r);

	if (n == 0)
		return;
	for (k = 0; k < n; k++) {
		rs_buf_printf(&list, "%s%s", k > 0 ? rs_i18n(r->lang, RS_MSG_COMMA) : "",
		    rs_missing_name(r, k));
		if (strcmp(rs_missing_name(r, k), rs_missing_id(r, k)) != 0)
			rs_buf_printf(&list, " (id %s)", rs_missing_id(r, k));
	}
	args[0] = list.s;
	rs_i18n_expand(rs_i18n(r->lang, RS_MSG_MISSING_CITIES), args, 1,
	    put_buf, &b);
	fputc('\n', out);
	rs_md_puts(out, b.s);
	fputs(".\n", out);
	rs_buf_release(&list);
	rs_buf_release(&b);
}

/* ", from 2014 to 2022, 1 undated": the years of city ci's values. */
static void
years_clause(FILE *out, const struct rs_report *r, size_t ci)
{
	char a[32], b[32];
	const char *args[2] = {a, b};
	const char *comma = rs_i18n_arabic(r->lang) ? "\xd8\x8c " : ", ";
	size_t undated, stale;
	long lo, hi;

	if (rs_city_years(r, ci, &lo, &hi, &undated, &stale)) {
		snprintf(a, sizeof(a), "%ld", lo);
		snprintf(b, sizeof(b), "%ld", hi);
		fputs(comma, out);
		rs_i18n_print(out, rs_i18n(r->lang, lo == hi ?
		    RS_MSG_DATA_YEAR : RS_MSG_DATA_SPAN), args, 2);
	}
	if (undated > 0) {
		snprintf(a, sizeof(a), "%zu", undated);
		fputs(comma, out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_DATA_UNDATED),
		    args, 1);
	}
	if (stale > 0) {
		snprintf(a, sizeof(a), "%zu", stale);
		snprintf(b, sizeof(b), "%ld", r->year - r->max_age);
		fputs(comma, out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_DATA_STALE), args,
		    2);
	}
}

/*
 * After a city's head: its like-for-like change and, with --max-age, the
 * values left out.
 */
static void
city_notes(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	struct rs_buf b = {0};
	char year[32], v[64];
	const char *args[3] = {NULL, year, v};
	size_t k, node, n = 0;
	char note[1024];

	if (rs_indicative(r, ci, RS_NONE)) {
		fputs("\n**", out);
		rs_md_puts(out, rs_indicative_note(note, sizeof(note), r, ci));
		fputs("**\n", out);
	}
	if (rs_like_available(r) && rs_in_baseline(r, ci) &&
	    r->base->has_values[r->change->base_city[ci]]) {
		fprintf(out, "\n%s:", rs_i18n(r->lang, RS_MSG_T_CHANGE_PARTS));
		part_cell(out, r, ci, RS_NONE, 0);
		part_cell(out, r, ci, RS_NONE, 1);
		part_cell(out, r, ci, RS_NONE, 2);
		fputc('\n', out);
	}
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		if ((o = rs_stale_obs(r, ci, node)) == NULL)
			continue;
		rs_buf_printf(&b, "%s", n++ > 0 ? (rs_i18n_arabic(r->lang) ?
		    "\xd8\x8c " : ", ") : "");
		snprintf(year, sizeof(year), "%d", o->year);
		rs_fmt_value(v, sizeof(v), o->value);
		args[0] = fw->nodes[node].id;
		rs_i18n_expand(rs_i18n(r->lang, RS_MSG_STALE_ITEM), args, 3,
		    put_buf, &b);
	}
	if (n == 0)
		return;
	snprintf(year, sizeof(year), "%ld", r->year - r->max_age);
	args[0] = year;
	fputc('\n', out);
	rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_STALE), args, 1);
	fputs(": ", out);
	rs_md_puts(out, b.s);
	fputs(".\n", out);
	rs_buf_release(&b);
}

/* "\n### text\n\n": a heading of level hl. */
static void
heading(FILE *out, int hl, const char *text)
{
	fprintf(out, "\n%.*s ", hl, "######");
	rs_md_puts(out, text);
	fputs("\n\n", out);
}

/* The --notes block of city ci and node (RS_NONE: the city), if any. */
static int
notes_block(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_city *city = rs_report_city(r, ci);
	const char *md;

	if (r->notes == NULL)
		return 0;
	md = rs_notes_find(r->notes, rs_city_id(r, ci), city != NULL ?
	    city->name : r->res->cities[ci].name, node == RS_NONE ? NULL :
	    r->fw->nodes[node].id);
	if (md == NULL)
		return 0;
	fputc('\n', out);
	rs_md_render_md(out, md);
	return 1;
}

/* The notes of city ci's nodes, each under the node's name. */
static void
area_notes(FILE *out, const struct rs_report *r, size_t ci, int hl)
{
	const struct rs_city *city = rs_report_city(r, ci);
	size_t k;

	if (r->notes == NULL)
		return;
	for (k = 0; k < r->fw->nnodes; k++) {
		if (rs_notes_find(r->notes, rs_city_id(r, ci), city != NULL ?
		    city->name : r->res->cities[ci].name,
		    r->fw->nodes[k].id) == NULL)
			continue;
		heading(out, hl, rs_node_label(r, k));
		notes_block(out, r, ci, k);
	}
}

/*
 * The evidence of city ci (docs/cli.md, "Evidence"): the summary, then a
 * table per area of every value with unit, year, level and source.
 */
static void
evidence_block(FILE *out, const struct rs_report *r, size_t ci, int hl)
{
	static const enum rs_msg cols[] = {
		RS_MSG_MD_COL_ID, RS_MSG_INDICATOR, RS_MSG_VALUE, RS_MSG_UNIT,
		RS_MSG_YEAR, RS_MSG_SCOPE, RS_MSG_SOURCE, RS_MSG_NOTE,
	};
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	struct rs_evidence e;
	struct rs_buf b = {0};
	size_t a, k, i, area;
	char v[64];

	if (r->ds == NULL)
		return;
	rs_evidence_of(r, ci, &e);
	heading(out, hl, rs_i18n(r->lang, RS_MSG_EVIDENCE_HEAD));
	rs_say_evidence(&b, r, &e);
	rs_md_puts(out, b.s);
	rs_buf_release(&b);
	fputs("\n\n", out);
	rs_md_puts(out, rs_i18n(r->lang, RS_MSG_EVIDENCE_NOTE));
	fputc('\n', out);
	for (a = 0; a < fw->ntop; a++) {
		area = fw->top[a];
		if (rs_values_below(r, ci, area) == 0)
			continue;
		heading(out, hl + 1, rs_node_label(r, area));
		table_head(out, r, 0, cols, "llrlrlll", 8);
		for (k = 0; k < fw->nindicators; k++) {
			i = fw->indicators[k];
			if (!rs_node_below(fw, i, area) ||
			    (o = rs_value_obs(r, ci, i)) == NULL)
				continue;
			first_cell(out, fw->nodes[i].id);
			text_cell(out, rs_node_label(r, i));
			fprintf(out, " %s |", rs_fmt_value(v, sizeof(v),
			    o->value));
			text_cell(out, rs_node_unit(&fw->nodes[i], r->lang));
			year_cell(out, r, ci, i);
			text_cell(out, rs_i18n(r->lang, rs_obs_national(r, o) ?
			    RS_MSG_NATIONAL_PROXY : RS_MSG_CITY_LEVEL));
			text_cell(out, rs_obs_extra(r->ds, o, "source"));
			text_cell(out, rs_obs_extra(r->ds, o, "note"));
			fputc('\n', out);
		}
	}
}

/* The data-gap annex of city ci: what is missing and what it would weigh. */
static void
gaps_block(FILE *out, const struct rs_report *r, const size_t *latest,
    size_t ci, int hl)
{
	static const enum rs_msg cols[] = {
		RS_MSG_MD_COL_ID, RS_MSG_INDICATOR, RS_MSG_WEIGHT_IF,
		RS_MSG_WEIGHT_FULL, RS_MSG_SOURCE, RS_MSG_NOTE,
	};
	struct rs_collect *col;
	size_t n = rs_gap_list(r, latest, ci, &col), k;

	heading(out, hl, rs_i18n(r->lang, RS_MSG_GAPS));
	if (n == 0) {
		fprintf(out, "%s\n", rs_i18n(r->lang, RS_MSG_GAPS_NONE));
		free(col);
		return;
	}
	fprintf(out, "%s\n\n", rs_i18n(r->lang, RS_MSG_GAPS_NOTE));
	table_head(out, r, 0, cols, "llrrll", 6);
	for (k = 0; k < n; k++) {
		first_cell(out, r->fw->nodes[col[k].node].id);
		text_cell(out, rs_node_label(r, col[k].node));
		percent_cell(out, col[k].weight);
		percent_cell(out, col[k].complete);
		text_cell(out, rs_name_get(r->fw->nodes[col[k].node].sources,
		    r->fw->nodes[col[k].node].nsources, r->lang, NULL));
		text_cell(out, col[k].note);
		fputc('\n', out);
	}
	free(col);
}

/*
 * The methodology note, with the link to the scoring contract; with plan,
 * also how the plan is computed.
 */
static void
methodology_block(FILE *out, const struct rs_report *r, int plan)
{
	const struct rs_framework *fw = r->fw;
	struct rs_buf bands = {0}, b = {0};
	const char *args[3];
	char cov[32], lo[32], hi[32];
	size_t li;

	for (li = 0; li < fw->nlevels; li++) {
		const struct rs_level *l = &fw->levels[li];

		rs_fmt_value(lo, sizeof(lo), l->min);
		rs_fmt_value(hi, sizeof(hi), li + 1 < fw->nlevels ?
		    fw->levels[li + 1].min : 100);
		args[0] = rs_name_get(l->names, l->nnames, r->lang, l->id);
		args[1] = lo;
		args[2] = hi;
		if (li > 0)
			rs_buf_printf(&bands, "%s", rs_i18n(r->lang,
			    RS_MSG_COMMA));
		rs_i18n_expand(rs_i18n(r->lang, RS_MSG_LEVEL_RANGE), args, 3,
		    put_buf, &bands);
	}
	snprintf(cov, sizeof(cov), "%g%%", 100 * fw->min_coverage);
	args[0] = cov;
	args[1] = bands.s != NULL ? bands.s : "";
	rs_i18n_expand(rs_i18n(r->lang, RS_MSG_METHOD_TEXT), args, 2,
	    put_buf, &b);
	fprintf(out, "\n## %s\n\n", rs_i18n(r->lang, RS_MSG_METHODOLOGY));
	rs_md_puts(out, b.s);
	if (plan) {
		args[0] = "[docs/planning.md](docs/planning.md)";
		args[1] = "`--horizon`";
		args[2] = "`max_change_per_year`";
		fputs("\n\n", out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_PLAN_METHOD), args,
		    3);
	}
	args[0] = "[docs/methodology.md](docs/methodology.md)";
	fputs("\n\n", out);
	rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_METHOD_LINK), args, 1);
	fputc('\n', out);
	rs_buf_release(&bands);
	rs_buf_release(&b);
}

/* city_head()'s line in r->lang's words: "Score 69.2 (Sound) | ..." */
static void
city_head_words(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	const char *args[2];
	char a[32], b[32];

	args[0] = a;
	args[1] = b;
	if (isnan(c->score)) {
		rs_fmt_percent(a, sizeof(a), c->coverage);
		snprintf(b, sizeof(b), "%g%%", 100 * r->fw->min_coverage);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_NO_SCORE), args, 2);
	} else {
		fprintf(out, "%s %.1f (", rs_i18n(r->lang, RS_MSG_SCORE),
		    c->score);
		rs_md_puts(out, rs_level_word(r, c->score));
		fprintf(out, ") | %s %.1f%%", rs_i18n(r->lang,
		    RS_MSG_COVERAGE), 100 * c->coverage);
	}
	if (c->rank > 0 && r->res->ncities > 1) {
		snprintf(a, sizeof(a), "%ld", c->rank);
		snprintf(b, sizeof(b), "%zu", r->res->ncities);
		fprintf(out, " | %s ", rs_i18n(r->lang, RS_MSG_RANK));
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_OF), args, 2);
	}
	snprintf(a, sizeof(a), "%zu", r->fw->nindicators - c->nmissing);
	snprintf(b, sizeof(b), "%zu", r->fw->nindicators);
	fprintf(out, " | %s: ", rs_i18n(r->lang, RS_MSG_DATA));
	rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_OF), args, 2);
	years_clause(out, r, ci);
	fputc('\n', out);
	city_notes(out, r, ci);
}

/* "## X" and "Score 69.2 (sound), coverage 100.0%, rank 1 of 3; ..." */
static void
city_head(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = &r->res->cities[ci];

	fputs("\n## ", out);
	rs_md_puts(out, c->name);
	fputs("\n\n", out);
	if (rs_i18n_arabic(r->lang)) {
		city_head_words(out, r, ci);
		return;
	}
	if (isnan(c->score))
		fprintf(out, "No score: the areas with a score carry %.1f%% "
		    "of the weight, less than %g%%", 100 * c->coverage,
		    100 * r->fw->min_coverage);
	else {
		fprintf(out, "Score %.1f (", c->score);
		rs_md_puts(out, rs_level_id(r->fw, c->score));
		fprintf(out, "), coverage %.1f%%", 100 * c->coverage);
	}
	if (c->rank > 0 && r->res->ncities > 1)
		fprintf(out, ", rank %ld of %zu", c->rank, r->res->ncities);
	fprintf(out, "; data for %zu of %zu indicators",
	    r->fw->nindicators - c->nmissing, r->fw->nindicators);
	years_clause(out, r, ci);
	fputs(".\n", out);
	city_notes(out, r, ci);
}

/*
 * With a baseline: the change of every city and area in a section of its
 * own, as the HTML report has it, so that the Markdown page shows them
 * together and not only as columns of each city's tables.
 */
static void
baseline_block(FILE *out, const struct rs_report *r)
{
	static const enum rs_msg cols[] = {
		RS_MSG_CITY, RS_MSG_AREA, RS_MSG_SCORE, RS_MSG_MD_COL_CHANGE,
		RS_MSG_H_LIKE, RS_MSG_H_COMPOSITION,
	};
	const struct rs_framework *fw = r->fw;
	size_t ci, k, node;

	if (r->base == NULL || r->res->ncities == 0)
		return;
	heading(out, 2, rs_i18n(r->lang, RS_MSG_SECTION_BASELINE));
	fprintf(out, "%s ", rs_i18n(r->lang, RS_MSG_SINCE_BASELINE));
	rs_md_puts(out, r->base->path);
	fputs(".\n\n", out);
	table_head(out, r, 0, cols, "llrrrr", rs_like_available(r) ? 6 : 4);
	for (ci = 0; ci < r->res->ncities; ci++)
		for (k = 0; k <= fw->ntop; k++) {
			node = k == 0 ? RS_NONE : fw->top[k - 1];
			first_cell(out, k == 0 ? r->res->cities[ci].name : "");
			text_cell(out, node == RS_NONE ? rs_i18n(r->lang,
			    RS_MSG_CITY_SCORE) : rs_node_label(r, node));
			score_cell(out, rs_row_score(&r->res->cities[ci],
			    node));
			change_cell(out, r, ci, node);
			like_cells(out, r, ci, node);
			fputc('\n', out);
		}
}

int
rs_report_md_score(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const enum rs_msg cols[] = {
		RS_MSG_CITY, RS_MSG_SCORE, RS_MSG_LEVEL, RS_MSG_COVERAGE,
		RS_MSG_RANK, RS_MSG_MD_COL_DATA, RS_MSG_YEARS,
		RS_MSG_MD_COL_CHANGE, RS_MSG_H_LIKE, RS_MSG_H_COMPOSITION,
	};
	static const enum rs_msg area_cols[] = {
		RS_MSG_AREA, RS_MSG_SCORE, RS_MSG_LEVEL, RS_MSG_COVERAGE,
		RS_MSG_MD_COL_CHANGE, RS_MSG_H_LIKE, RS_MSG_H_COMPOSITION,
	};
	static const enum rs_msg pri_cols[] = {
		RS_MSG_INDICATOR, RS_MSG_MD_COL_ID,
		RS_MSG_SCORE, RS_MSG_MD_COL_GAIN, RS_MSG_YEAR,
	};
	char of[64];
	const char *args[2];
	const struct rs_framework *fw = r->fw;
	size_t ci, k, i, n, with = r->base != NULL, *latest;

	(void)err;
	if (with && rs_like_available(r))
		with = 3;
	title(out, r, rs_i18n(r->lang, RS_MSG_T_TITLE_SCORE));
	if (r->res->ncities == 0) {
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_NO_CITIES));
		missing_para(out, r);
		return 0;
	}
	latest = rs_latest_obs(r);
	heading(out, 2, rs_i18n(r->lang, RS_MSG_SUMMARY));
	table_head(out, r, 0, cols, "lrlrrrlrrr", 7 + with);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c = &r->res->cities[ci];

		first_cell(out, c->name);
		score_cell(out, c->score);
		level_cell_of(out, r, ci, RS_NONE, c->score);
		percent_cell(out, c->coverage);
		if (c->rank > 0)
			fprintf(out, " %ld |", c->rank);
		else
			fputs(" n/a |", out);
		snprintf(of, sizeof(of), "%zu", fw->nindicators - c->nmissing);
		snprintf(of + 32, 32, "%zu", fw->nindicators);
		args[0] = of;
		args[1] = of + 32;
		fputc(' ', out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_OF), args, 2);
		fputs(" |", out);
		years_cell(out, r, ci);
		if (with)
			change_cell(out, r, ci, RS_NONE);
		like_cells(out, r, ci, RS_NONE);
		fputc('\n', out);
	}
	missing_para(out, r);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c = &r->res->cities[ci];

		city_head(out, r, ci);
		notes_block(out, r, ci, RS_NONE);
		heading(out, 3, rs_i18n(r->lang, RS_MSG_SECTION_SCORES));
		table_head(out, r, 0, area_cols, "lrlrrrr", 4 + with);
		for (k = 0; k < fw->ntop; k++) {
			i = fw->top[k];
			first_cell(out, rs_node_label(r, i));
			score_cell(out, c->score_of[i]);
			level_cell_of(out, r, ci, i, c->score_of[i]);
			percent_cell(out, c->coverage_of[i]);
			if (with)
				change_cell(out, r, ci, i);
			like_cells(out, r, ci, i);
			fputc('\n', out);
		}
		n = rs_report_top(r, c->npriorities);
		if (n > 0) {
			args[0] = rs_i18n(r->lang, isnan(c->score) ?
			    RS_MSG_TARGET_MEAN : RS_MSG_TARGET_CITY);
			fputc('\n', out);
			rs_i18n_print(out, rs_i18n(r->lang,
			    RS_MSG_MD_PRIORITIES), args, 1);
			fputs("\n\n", out);
			table_head(out, r, 1, pri_cols, "llrrr", 5);
		}
		for (k = 0; k < n; k++) {
			i = c->priorities[k];
			fprintf(out, "| %zu |", k + 1);
			text_cell(out, rs_node_label(r, i));
			text_cell(out, fw->nodes[i].id);
			score_cell(out, c->score_of[i]);
			fprintf(out, " +%.2f |", c->gain_of[i]);
			year_cell(out, r, ci, i);
			fputc('\n', out);
		}
		area_notes(out, r, ci, 4);
		evidence_block(out, r, ci, 3);
		gaps_block(out, r, latest, ci, 3);
	}
	baseline_block(out, r);
	methodology_block(out, r, 0);
	free(latest);
	return 0;
}

/* The head of a comparison table: Id, Name, a column per city, extra. */
static void
compare_head(FILE *out, const struct rs_report *r, const char *extra)
{
	size_t k;

	fprintf(out, "| %s | %s |", rs_i18n(r->lang, RS_MSG_MD_COL_ID),
	    rs_i18n(r->lang, RS_MSG_NAME));
	for (k = 0; k < r->res->ncities; k++)
		text_cell(out, r->res->cities[k].name);
	if (extra != NULL)
		fprintf(out, " %s |", extra);
	fputs("\n| --- | --- |", out);
	for (k = 0; k < r->res->ncities; k++)
		fputs(" ---: |", out);
	if (extra != NULL)
		fputs(" --- |", out);
	fputc('\n', out);
}

/* "| A | Area A |" or "| | **Score** |" */
static void
compare_label(FILE *out, const struct rs_report *r, size_t node)
{
	if (node == RS_NONE) {
		fprintf(out, "| | **%s** |", rs_i18n(r->lang, RS_MSG_MD_CITY_SCORE));
		return;
	}
	first_cell(out, r->fw->nodes[node].id);
	text_cell(out, rs_node_label(r, node));
}

/* The year of every value, an indicator per row and a city per column. */
static void
years_table(FILE *out, const struct rs_report *r)
{
	const struct rs_framework *fw = r->fw;
	size_t nc = r->res->ncities, k, ci, node;

	for (k = 0; k < fw->nindicators; k++)
		for (ci = 0; ci < nc; ci++)
			if (rs_value_obs(r, ci, fw->indicators[k]) != NULL)
				goto found;
	return;
found:
	fprintf(out, "\n## %s\n\n", rs_i18n(r->lang, RS_MSG_VALUES));
	compare_head(out, r, NULL);
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		for (ci = 0; ci < nc; ci++)
			if (rs_value_obs(r, ci, node) != NULL)
				break;
		if (ci == nc)
			continue;
		compare_label(out, r, node);
		for (ci = 0; ci < nc; ci++)
			year_cell(out, r, ci, node);
		fputc('\n', out);
	}
}

int
rs_report_md_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const enum rs_msg rank_cols[] = {
		RS_MSG_RANK, RS_MSG_CITY, RS_MSG_SCORE, RS_MSG_LEVEL,
		RS_MSG_MD_COL_GAP, RS_MSG_YEARS, RS_MSG_MD_COL_CHANGE,
		RS_MSG_H_LIKE, RS_MSG_H_COMPOSITION,
	};
	const struct rs_results *res = r->res;
	struct rs_compare cmp;
	size_t row, k, nc = res->ncities, best, *latest;
	double s;

	(void)err;
	title(out, r, rs_i18n(r->lang, RS_MSG_T_TITLE_COMPARE));
	if (nc == 0) {
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_NO_CITIES));
		missing_para(out, r);
		return 0;
	}
	rs_compare_init(&cmp, r);
	fprintf(out, "\n## %s\n\n", rs_i18n(r->lang, RS_MSG_SCORES));
	compare_head(out, r, NULL);
	for (row = 0; row < cmp.nrows; row++) {
		compare_label(out, r, cmp.rows[row]);
		for (k = 0; k < nc; k++) {
			double v = rs_row_score(&res->cities[k],
			    cmp.rows[row]);

			if (!rs_indicative(r, k, cmp.rows[row])) {
				score_level_cell(out, r, v);
				continue;
			}
			fprintf(out, " %.1f ", v);
			rs_md_puts(out, rs_level_word(r, v));
			fprintf(out, " (%s) |", rs_i18n(r->lang,
			    RS_MSG_INDICATIVE));
		}
		fputc('\n', out);
	}

	fprintf(out, "\n## %s\n\n", rs_i18n(r->lang, RS_MSG_RANKING));
	table_head(out, r, 0, rank_cols, "rlrlrlrrr", (r->base == NULL ? 6 :
	    rs_like_available(r) ? 9 : 7));
	for (k = 0; k < nc; k++) {
		size_t ci = cmp.order[k];
		const struct rs_city_result *c = &res->cities[ci];

		if (c->rank > 0)
			fprintf(out, "| %ld |", c->rank);
		else
			fputs("| n/a |", out);
		text_cell(out, c->name);
		score_cell(out, c->score);
		level_cell_of(out, r, ci, RS_NONE, c->score);
		score_cell(out, cmp.best[0] - c->score);
		years_cell(out, r, ci);
		if (r->base != NULL)
			change_cell(out, r, ci, RS_NONE);
		like_cells(out, r, ci, RS_NONE);
		fputc('\n', out);
	}
	missing_para(out, r);

	fprintf(out, "\n## %s\n\n%s\n\n", rs_i18n(r->lang, RS_MSG_MD_GAP),
	    rs_i18n(r->lang, RS_MSG_T_GAP_NOTE));
	compare_head(out, r, rs_i18n(r->lang, RS_MSG_BEST));
	for (row = 0; row < cmp.nrows; row++) {
		compare_label(out, r, cmp.rows[row]);
		for (k = 0, best = RS_NONE; k < nc; k++) {
			s = rs_row_score(&res->cities[k], cmp.rows[row]);
			if (!isnan(s) && best == RS_NONE &&
			    !(s < cmp.best[row]))
				best = k;
			score_cell(out, cmp.best[row] - s);
		}
		text_cell(out, best != RS_NONE ? res->cities[best].name :
		    "n/a");
		fputc('\n', out);
	}

	if (r->base != NULL) {
		static const enum rs_msg head[3] = {RS_MSG_MD_CHANGE,
		    RS_MSG_MD_LIKE, RS_MSG_MD_COMPOSITION};
		int part;

		for (part = 0; part < (rs_like_available(r) ? 3 : 1); part++) {
			fprintf(out, "\n## %s\n\n", rs_i18n(r->lang,
			    head[part]));
			compare_head(out, r, NULL);
			for (row = 0; row < cmp.nrows; row++) {
				compare_label(out, r, cmp.rows[row]);
				for (k = 0; k < nc; k++)
					part_cell(out, r, k, cmp.rows[row],
					    part);
				fputc('\n', out);
			}
		}
	}
	years_table(out, r);
	latest = rs_latest_obs(r);
	for (k = 0; k < nc; k++) {
		size_t ci = cmp.order[k];

		city_head(out, r, ci);
		notes_block(out, r, ci, RS_NONE);
		area_notes(out, r, ci, 3);
		evidence_block(out, r, ci, 3);
		gaps_block(out, r, latest, ci, 3);
	}
	free(latest);
	methodology_block(out, r, 0);
	rs_compare_release(&cmp);
	return 0;
}

/* "1.2": the rank path of item k of a --by node list. */
static void
rank_path(FILE *out, const struct rs_node_priority *np, size_t k)
{
	if (np[k].parent != RS_NONE) {
		rank_path(out, np, np[k].parent);
		fputc('.', out);
	}
	fprintf(out, "%zu", np[k].rank);
}

static void
gain_row(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_city_result *c = &r->res->cities[ci];
	struct rs_buf b = {0};

	text_cell(out, rs_node_label(r, node));
	text_cell(out, r->fw->nodes[node].id);
	score_cell(out, c->score_of[node]);
	fprintf(out, " +%.2f |", c->gain_of[node]);
	year_cell(out, r, ci, node);
	rs_say_gain_in(&b, r, ci, node);
	text_cell(out, b.s);
	rs_buf_release(&b);
	fputc('\n', out);
}

int
rs_report_md_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const enum rs_msg cols[] = {
		RS_MSG_NAME, RS_MSG_MD_COL_ID,
		RS_MSG_SCORE, RS_MSG_MD_COL_GAIN, RS_MSG_YEAR, RS_MSG_MEANING,
	};
	static const enum rs_msg collect_cols[] = {
		RS_MSG_NAME, RS_MSG_MD_COL_ID,
		RS_MSG_WEIGHT_IF, RS_MSG_WEIGHT_FULL, RS_MSG_MEANING,
		RS_MSG_NOTE,
	};
	static const enum rs_msg context_cols[] = {
		RS_MSG_NAME, RS_MSG_MD_COL_ID, RS_MSG_LEVER,
		RS_MSG_MD_COL_GAIN, RS_MSG_MEANING,
	};
	const char *args[1];
	const struct rs_results *res = r->res;
	struct rs_node_priority *np;
	struct rs_collect *col;
	struct rs_buf b = {0};
	size_t *latest = rs_latest_obs(r), ci, k, n, *ctx;

	(void)err;
	title(out, r, rs_i18n(r->lang, RS_MSG_T_TITLE_PRIORITIES));
	if (res->ncities == 0)
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_NO_CITIES));
	missing_para(out, r);
	for (ci = 0; ci < res->ncities; ci++) {
		const struct rs_city_result *c = &res->cities[ci];

		city_head(out, r, ci);
		notes_block(out, r, ci, RS_NONE);
		area_notes(out, r, ci, 3);
		if (r->top == 0)
			goto evidence;	/* --top 0: the summaries alone */
		fprintf(out, "\n### %s\n\n", r->by_node ? rs_i18n(r->lang,
		    RS_MSG_AREAS_FIRST_CAP) : rs_i18n(r->lang, RS_MSG_PRIORITIES));
		args[0] = rs_i18n(r->lang, isnan(c->score) ?
		    RS_MSG_TARGET_MEAN : RS_MSG_TARGET_CITY);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_T_GAIN_NOTE), args,
		    1);
		fputs("\n\n", out);
		if (r->by_node) {
			n = rs_node_priorities(r, ci, &np);
			if (n > 0)
				table_head(out, r, 1, cols, "llrrrl", 6);
			for (k = 0; k < n; k++) {
				fputs("| ", out);
				rank_path(out, np, k);
				fputs(" |", out);
				gain_row(out, r, ci, np[k].node);
			}
			free(np);
		} else {
			n = rs_report_top(r, c->npriorities);
			if (n > 0)
				table_head(out, r, 1, cols, "llrrrl", 6);
			for (k = 0; k < n; k++) {
				fprintf(out, "| %zu |", k + 1);
				gain_row(out, r, ci, c->priorities[k]);
			}
		}
		if (n == 0)
			fprintf(out, "%s\n", rs_none_reason_in(r, ci));
		n = rs_context_list(r, ci, &ctx);
		if (n > 0) {
			fprintf(out, "\n### %s\n\n", rs_context_heading(r,
			    1));
			table_head(out, r, 1, context_cols, "lllrl", 5);
		}
		for (k = 0; k < n; k++) {
			fprintf(out, "| %zu |", k + 1);
			text_cell(out, rs_node_label(r, ctx[k]));
			text_cell(out, r->fw->nodes[ctx[k]].id);
			text_cell(out, rs_lever_word(r,
			    r->fw->nodes[ctx[k]].lever));
			fprintf(out, " +%.2f |", c->gain_of[ctx[k]]);
			rs_say_context_in(&b, r, ci, ctx[k]);
			text_cell(out, b.s);
			rs_buf_release(&b);
			fputc('\n', out);
		}
		free(ctx);
		n = rs_collect_list(r, latest, ci, &col);
		if (n > 0) {
			fprintf(out, "\n### %s\n\n%s\n\n",
			    rs_collect_heading(r, ci, 1),
			    rs_i18n(r->lang, RS_MSG_COLLECT_NOTE));
			table_head(out, r, 1, collect_cols, "llrrll", 6);
		}
		for (k = 0; k < n; k++) {
			fprintf(out, "| %zu |", k + 1);
			text_cell(out, rs_node_label(r, col[k].node));
			text_cell(out, r->fw->nodes[col[k].node].id);
			percent_cell(out, col[k].weight);
			percent_cell(out, col[k].complete);
			rs_say_collect_in(&b, r, &col[k]);
			text_cell(out, b.s);
			rs_buf_release(&b);
			text_cell(out, col[k].note);
			fputc('\n', out);
		}
		free(col);
evidence:
		evidence_block(out, r, ci, 3);
		gaps_block(out, r, latest, ci, 3);
	}
	if (res->ncities > 0)
		methodology_block(out, r, 0);
	free(latest);
	return 0;
}

/* ---- trend and shock ---------------------------------------------- */

/* "# title", the framework and what the years take. */
static void
timeline_title(FILE *out, const struct rs_report *r, const char *what,
    const char *span)
{
	char a[32];
	const char *args[1] = {a};

	title(out, r, what);
	fputc('\n', out);
	rs_md_puts(out, span);
	fputs(" (", out);
	if (r->timeline != NULL && r->timeline->has_max_age) {
		snprintf(a, sizeof(a), "%ld", r->timeline->max_age);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_VALUES_MAX_AGE),
		    args, 1);
	} else {
		fputs(rs_i18n(r->lang, RS_MSG_VALUES_OF_YEAR), out);
	}
	fputs(").\n", out);
}

/* "| Id | Name |" then a cell per row of the views over time. */
static void
time_label(FILE *out, const struct rs_report *r, size_t node)
{
	compare_label(out, r, node);
}

/* The rows to show: the city, then the nodes down to r->depth. */
static size_t
time_rows(const struct rs_report *r, size_t *rows)
{
	size_t i, n = 0;

	rows[n++] = RS_NONE;
	for (i = 0; i < r->fw->nnodes; i++)
		if (r->fw->nodes[i].depth <= r->depth)
			rows[n++] = i;
	return n;
}

/* " -2.6 |" or " n/a |" */
static void
delta_cell(FILE *out, double v)
{
	if (isnan(v))
		fputs(" n/a |", out);
	else if (fabs(v) < 0.05)
		fputs(" 0.0 |", out);
	else
		fprintf(out, " %+.1f |", v);
}

int
rs_report_md_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_trend *t = r->trend;
	size_t *rows = rs_malloc((r->fw->nnodes + 1) * sizeof(size_t));
	size_t nrows = time_rows(r, rows), ci, k, y, part;
	struct rs_buf span = {0};
	char a[32], b[32];
	const char *args[2] = {a, b};

	(void)err;
	snprintf(a, sizeof(a), "%ld", t->from);
	snprintf(b, sizeof(b), "%ld", t->to);
	rs_i18n_expand(rs_i18n(r->lang, RS_MSG_TREND_SPAN), args, 2, put_buf,
	    &span);
	timeline_title(out, r, rs_i18n(r->lang, RS_MSG_T_TITLE_TREND),
	    span.s);
	rs_buf_release(&span);
	if (rs_time_ncities(r) == 0)
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_NO_CITIES));
	else
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_TREND_NOTE));
	for (ci = 0; ci < rs_time_ncities(r); ci++) {
		fputs("\n## ", out);
		rs_md_puts(out, rs_time_city(r, ci));
		fputc('\n', out);
		for (part = 0; part < 2; part++) {
			fprintf(out, "\n### %s\n\n", part == 0 ?
			    rs_i18n(r->lang, RS_MSG_SCORES) :
			    rs_i18n(r->lang, RS_MSG_H_LIKE));
			fprintf(out, "| %s | %s |", rs_i18n(r->lang,
			    RS_MSG_MD_COL_ID), rs_i18n(r->lang, RS_MSG_NAME));
			for (y = 0; y < t->nyears; y++)
				fprintf(out, " %ld |", t->from + (long)y);
			fputs("\n| --- | --- |", out);
			for (y = 0; y < t->nyears; y++)
				fputs(" ---: |", out);
			fputc('\n', out);
			for (k = 0; k < nrows; k++) {
				time_label(out, r, rows[k]);
				for (y = 0; y < t->nyears; y++) {
					if (part == 0)
						score_level_cell(out, r,
						    rs_trend_score(r, ci, y,
						    rows[k]));
					else
						delta_cell(out, rs_trend_like(r,
						    ci, y, rows[k]));
				}
				fputc('\n', out);
			}
		}
	}
	free(rows);
	return 0;
}

/* " 1.00 |" or " n/a |": a ratio or an index. */
static void
ratio_cell(FILE *out, double v)
{
	if (isnan(v))
		fputs(" n/a |", out);
	else
		fprintf(out, " %.2f |", v + 0.0);
}

int
rs_report_md_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const enum rs_msg cols[] = {
		RS_MSG_MD_COL_ID, RS_MSG_NAME, RS_MSG_BEFORE, RS_MSG_SHOCK,
		RS_MSG_AFTER, RS_MSG_LOSS, RS_MSG_REBOUND, RS_MSG_NET,
		RS_MSG_RATIO, RS_MSG_YTR,
	};
	static const enum rs_msg series_cols[] = {
		RS_MSG_MD_COL_ID, RS_MSG_NAME, RS_MSG_RESISTANCE,
		RS_MSG_RECOVERY,
	};
	const struct rs_shock_spec *sp = r->shock_spec;
	const struct rs_shock *s = r->shock;
	size_t *rows = rs_malloc((r->fw->nnodes + 1) * sizeof(size_t));
	size_t nrows = time_rows(r, rows), ci, k, j;
	struct rs_shock_row v;
	struct rs_buf span = {0};
	char y[3][32];
	const char *args[3] = {y[0], y[1], y[2]};

	(void)err;
	for (k = 0; k < 3; k++)
		snprintf(y[k], sizeof(y[k]), "%ld", sp->year[k]);
	rs_i18n_expand(rs_i18n(r->lang, RS_MSG_SHOCK_YEARS), args, 3,
	    put_buf, &span);
	timeline_title(out, r, rs_i18n(r->lang, RS_MSG_T_TITLE_SHOCK),
	    span.s);
	rs_buf_release(&span);
	if (rs_time_ncities(r) == 0)
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_NO_CITIES));
	else
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_SHOCK_NOTE));
	for (ci = 0; ci < rs_time_ncities(r); ci++) {
		fputs("\n## ", out);
		rs_md_puts(out, rs_time_city(r, ci));
		fputs("\n\n", out);
		table_head(out, r, 0, cols, "llrrrrrrrr", 10);
		for (k = 0; k < nrows; k++) {
			time_label(out, r, rows[k]);
			rs_shock_row(r, ci, rows[k], &v);
			score_cell(out, v.before);
			score_cell(out, v.shock);
			score_cell(out, v.after);
			delta_cell(out, v.loss);
			delta_cell(out, v.rebound);
			delta_cell(out, v.net);
			ratio_cell(out, v.ratio);
			if (rows[k] == RS_NONE ||
			    r->fw->nodes[rows[k]].nchildren > 0)
				fputs(" |", out);
			else if (isnan(v.years))
				fputs(" n/a |", out);
			else
				fprintf(out, " %.0f |", v.years);
			fputc('\n', out);
		}
		if (s->nseries == 0)
			continue;
		fputc('\n', out);
		if (sp->reference == RS_NONE) {
			rs_md_puts(out, rs_i18n(r->lang, RS_MSG_NO_REFERENCE));
			fputc('\n', out);
			continue;
		}
		args[0] = rs_time_city(r, sp->reference);
		fputs("### ", out);
		rs_i18n_expand(rs_i18n(r->lang, RS_MSG_SERIES), args, 1,
		    put_buf, &span);
		rs_md_puts(out, span.s);
		rs_buf_release(&span);
		fputs("\n\n", out);
		table_head(out, r, 0, series_cols, "llrr", 4);
		for (j = 0; j < s->nseries; j++) {
			time_label(out, r, sp->series[j]);
			ratio_cell(out, s->resistance[ci * s->nseries + j]);
			ratio_cell(out, s->recovery[ci * s->nseries + j]);
			fputc('\n', out);
		}
	}
	free(rows);
	return 0;
}

/* ---- the parts the plan's page shares (report_priv.h) ----------------- */

void
rs_md_title(FILE *out, const struct rs_report *r, const char *what)
{
	title(out, r, what);
}

void
rs_md_city_notes(FILE *out, const struct rs_report *r, size_t ci, int hl)
{
	notes_block(out, r, ci, RS_NONE);
	area_notes(out, r, ci, hl);
}

void
rs_md_evidence(FILE *out, const struct rs_report *r, size_t ci, int hl)
{
	evidence_block(out, r, ci, hl);
}

void
rs_md_methodology(FILE *out, const struct rs_report *r, int plan)
{
	methodology_block(out, r, plan);
}
