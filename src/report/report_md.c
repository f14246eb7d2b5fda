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

static void
change_cell(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	double v = rs_row_change(r, ci, node);

	char buf[32];

	if (rs_baseline_find(r->base, r->res->cities[ci].name) == RS_NONE)
		fprintf(out, " %s |", rs_i18n(r->lang, RS_MSG_NEW));
	else
		fprintf(out, " %s |", rs_fmt_change(buf, sizeof(buf), v));
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
	fprintf(out, "# %s\n\n%s: ", what, rs_i18n(r->lang, RS_MSG_FRAMEWORK));
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
	}
	fputc('\n', out);
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
	fputc('\n', out);
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
	fprintf(out, "; data for %zu of %zu indicators.\n",
	    r->fw->nindicators - c->nmissing, r->fw->nindicators);
}

int
rs_report_md_score(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const enum rs_msg cols[] = {
		RS_MSG_CITY, RS_MSG_SCORE, RS_MSG_LEVEL, RS_MSG_COVERAGE,
		RS_MSG_RANK, RS_MSG_MD_COL_DATA, RS_MSG_MD_COL_CHANGE,
	};
	static const enum rs_msg area_cols[] = {
		RS_MSG_AREA, RS_MSG_SCORE, RS_MSG_LEVEL, RS_MSG_COVERAGE,
		RS_MSG_MD_COL_CHANGE,
	};
	static const enum rs_msg pri_cols[] = {
		RS_MSG_INDICATOR, RS_MSG_MD_COL_ID,
		RS_MSG_SCORE, RS_MSG_MD_COL_GAIN,
	};
	char of[64];
	const char *args[2];
	const struct rs_framework *fw = r->fw;
	size_t ci, k, i, n, with = r->base != NULL;

	(void)err;
	title(out, r, rs_i18n(r->lang, RS_MSG_T_TITLE_SCORE));
	if (r->res->ncities == 0) {
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_NO_CITIES));
		return 0;
	}
	fputc('\n', out);
	table_head(out, r, 0, cols, "lrlrrrr", 6 + with);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c = &r->res->cities[ci];

		first_cell(out, c->name);
		score_cell(out, c->score);
		level_cell(out, r, c->score);
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
		if (with)
			change_cell(out, r, ci, RS_NONE);
		fputc('\n', out);
	}
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c = &r->res->cities[ci];

		city_head(out, r, ci);
		fputc('\n', out);
		table_head(out, r, 0, area_cols, "lrlrr", 4 + with);
		for (k = 0; k < fw->ntop; k++) {
			i = fw->top[k];
			first_cell(out, rs_node_label(r, i));
			score_cell(out, c->score_of[i]);
			level_cell(out, r, c->score_of[i]);
			percent_cell(out, c->coverage_of[i]);
			if (with)
				change_cell(out, r, ci, i);
			fputc('\n', out);
		}
		n = rs_report_top(r, c->npriorities);
		if (n == 0)
			continue;
		args[0] = rs_i18n(r->lang, isnan(c->score) ?
		    RS_MSG_TARGET_MEAN : RS_MSG_TARGET_CITY);
		fputc('\n', out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_MD_PRIORITIES),
		    args, 1);
		fputs("\n\n", out);
		table_head(out, r, 1, pri_cols, "llrr", 4);
		for (k = 0; k < n; k++) {
			i = c->priorities[k];
			fprintf(out, "| %zu |", k + 1);
			text_cell(out, rs_node_label(r, i));
			text_cell(out, fw->nodes[i].id);
			score_cell(out, c->score_of[i]);
			fprintf(out, " +%.2f |\n", c->gain_of[i]);
		}
	}
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

int
rs_report_md_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const enum rs_msg rank_cols[] = {
		RS_MSG_RANK, RS_MSG_CITY, RS_MSG_SCORE, RS_MSG_LEVEL,
		RS_MSG_MD_COL_GAP, RS_MSG_MD_COL_CHANGE,
	};
	const struct rs_results *res = r->res;
	struct rs_compare cmp;
	size_t row, k, nc = res->ncities, best;
	double s;

	(void)err;
	title(out, r, rs_i18n(r->lang, RS_MSG_T_TITLE_COMPARE));
	if (nc == 0) {
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_NO_CITIES));
		return 0;
	}
	rs_compare_init(&cmp, r);
	fprintf(out, "\n## %s\n\n", rs_i18n(r->lang, RS_MSG_SCORES));
	compare_head(out, r, NULL);
	for (row = 0; row < cmp.nrows; row++) {
		compare_label(out, r, cmp.rows[row]);
		for (k = 0; k < nc; k++)
			score_level_cell(out, r, rs_row_score(&res->cities[k],
			    cmp.rows[row]));
		fputc('\n', out);
	}

	fprintf(out, "\n## %s\n\n", rs_i18n(r->lang, RS_MSG_RANKING));
	table_head(out, r, 0, rank_cols, "rlrlrr", 5 + (r->base != NULL));
	for (k = 0; k < nc; k++) {
		size_t ci = cmp.order[k];
		const struct rs_city_result *c = &res->cities[ci];

		if (c->rank > 0)
			fprintf(out, "| %ld |", c->rank);
		else
			fputs("| n/a |", out);
		text_cell(out, c->name);
		score_cell(out, c->score);
		level_cell(out, r, c->score);
		score_cell(out, cmp.best[0] - c->score);
		if (r->base != NULL)
			change_cell(out, r, ci, RS_NONE);
		fputc('\n', out);
	}

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
		fprintf(out, "\n## %s\n\n", rs_i18n(r->lang,
		    RS_MSG_MD_CHANGE));
		compare_head(out, r, NULL);
		for (row = 0; row < cmp.nrows; row++) {
			compare_label(out, r, cmp.rows[row]);
			for (k = 0; k < nc; k++)
				change_cell(out, r, k, cmp.rows[row]);
			fputc('\n', out);
		}
	}
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
		RS_MSG_SCORE, RS_MSG_MD_COL_GAIN, RS_MSG_MEANING,
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
	for (ci = 0; ci < res->ncities; ci++) {
		const struct rs_city_result *c = &res->cities[ci];

		city_head(out, r, ci);
		if (r->top == 0)
			continue;	/* --top 0: the summaries alone */
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
				table_head(out, r, 1, cols, "llrrl", 5);
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
				table_head(out, r, 1, cols, "llrrl", 5);
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
	}
	free(latest);
	return 0;
}
