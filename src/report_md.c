/*
 * report_md.c - the Markdown reports: GitHub-flavoured tables
 *
 * Every text that comes from the data or the framework (city names,
 * notes, names, ids, units, sentences quoting them) goes through md(),
 * which backslash-escapes the characters that Markdown and its tables
 * give a meaning to and turns line breaks and other control characters
 * into spaces, so that a name can neither break a table nor inject a
 * link, an image, emphasis or HTML.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "report_priv.h"

/* Write s escaped for Markdown inline text and table cells. */
static void
md(FILE *out, const char *s)
{
	static const char special[] = "\\|*_`[]<>#~&!";
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fputc(' ', out);
		else if (strchr(special, *p) != NULL)
			fprintf(out, "\\%c", *p);
		else
			fputc(*p, out);
	}
}

/* "| a | b |" and its alignment row: ncols of cols, align 'l' or 'r'. */
static void
table_head(FILE *out, const char *const *cols, const char *align,
    size_t ncols)
{
	size_t i;

	fputc('|', out);
	for (i = 0; i < ncols; i++)
		fprintf(out, " %s |", cols[i]);
	fputs("\n|", out);
	for (i = 0; i < ncols; i++)
		fputs(align[i] == 'r' ? " ---: |" : " --- |", out);
	fputc('\n', out);
}

/* "| text |" started: a first cell of escaped text. */
static void
first_cell(FILE *out, const char *s)
{
	fputs("| ", out);
	md(out, s);
	fputs(" |", out);
}

static void
text_cell(FILE *out, const char *s)
{
	fputc(' ', out);
	if (s != NULL)
		md(out, s);
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
	if (isnan(s))
		fputs(" n/a |", out);
	else
		fprintf(out, " %.1f %s |", s, rs_level_id(r->fw, s));
}

static void
level_cell(FILE *out, const struct rs_report *r, double s)
{
	fprintf(out, " %s |", isnan(s) ? "n/a" : rs_level_id(r->fw, s));
}

static void
change_cell(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	double v = rs_row_change(r, ci, node);

	if (rs_baseline_find(r->base, r->res->cities[ci].name) == RS_NONE)
		fputs(" new |", out);
	else if (isnan(v))
		fputs(" n/a |", out);
	else if (fabs(v) < 0.05)
		fputs(" 0.0 |", out);
	else
		fprintf(out, " %+.1f |", v);
}

static void
percent_cell(FILE *out, double v)
{
	if (isnan(v))
		fputs(" n/a |", out);
	else
		fprintf(out, " %.1f%% |", 100 * v);
}

/* The title and the framework line every report starts with. */
static void
title(FILE *out, const struct rs_report *r, const char *what)
{
	fprintf(out, "# %s\n\nFramework: ", what);
	md(out, rs_framework_label(r));
	if (r->fw->version[0] != '\0') {
		fputs(" (version ", out);
		md(out, r->fw->version);
		fputc(')', out);
	}
	fputs(".", out);
	if (r->base != NULL) {
		fputs(" Changes are since the baseline ", out);
		md(out, r->base->path);
		fputs(".", out);
	}
	fputc('\n', out);
}

/* "## X" and "Score 69.2 (sound), coverage 100.0%, rank 1 of 3; ..." */
static void
city_head(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = &r->res->cities[ci];

	fputs("\n## ", out);
	md(out, c->name);
	fputs("\n\n", out);
	if (isnan(c->score))
		fprintf(out, "No score: the areas with a score carry %.1f%% "
		    "of the weight, less than %g%%", 100 * c->coverage,
		    100 * r->fw->min_coverage);
	else
		fprintf(out, "Score %.1f (%s), coverage %.1f%%", c->score,
		    rs_level_id(r->fw, c->score), 100 * c->coverage);
	if (c->rank > 0 && r->res->ncities > 1)
		fprintf(out, ", rank %ld of %zu", c->rank, r->res->ncities);
	fprintf(out, "; data for %zu of %zu indicators.\n",
	    r->fw->nindicators - c->nmissing, r->fw->nindicators);
}

int
rs_report_md_score(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"City", "Score", "Level", "Coverage", "Rank", "Data", "Change",
	};
	static const char *const area_cols[] = {
		"Area", "Score", "Level", "Coverage", "Change",
	};
	static const char *const pri_cols[] = {
		"#", "Indicator", "Id", "Score", "Gain",
	};
	const struct rs_framework *fw = r->fw;
	size_t ci, k, i, n, with = r->base != NULL;

	(void)err;
	title(out, r, "Resilience scores");
	if (r->res->ncities == 0) {
		fputs("\nNo cities in the input.\n", out);
		return 0;
	}
	fputc('\n', out);
	table_head(out, cols, "lrlrrrr", 6 + with);
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
		fprintf(out, " %zu of %zu |", fw->nindicators - c->nmissing,
		    fw->nindicators);
		if (with)
			change_cell(out, r, ci, RS_NONE);
		fputc('\n', out);
	}
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c = &r->res->cities[ci];

		city_head(out, r, ci);
		fputc('\n', out);
		table_head(out, area_cols, "lrlrr", 4 + with);
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
		fprintf(out, "\nPriorities: the gain is the points %s would "
		    "add if the indicator reached its best.\n\n",
		    rs_gain_target(c));
		table_head(out, pri_cols, "rllrr", 5);
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

	fputs("| Id | Name |", out);
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
		fputs("| | **Score** |", out);
		return;
	}
	first_cell(out, r->fw->nodes[node].id);
	text_cell(out, rs_node_label(r, node));
}

int
rs_report_md_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const rank_cols[] = {
		"Rank", "City", "Score", "Level", "Gap", "Change",
	};
	const struct rs_results *res = r->res;
	struct rs_compare cmp;
	size_t row, k, nc = res->ncities, best;
	double s;

	(void)err;
	title(out, r, "Comparison of cities");
	if (nc == 0) {
		fputs("\nNo cities in the input.\n", out);
		return 0;
	}
	rs_compare_init(&cmp, r);
	fputs("\n## Scores\n\n", out);
	compare_head(out, r, NULL);
	for (row = 0; row < cmp.nrows; row++) {
		compare_label(out, r, cmp.rows[row]);
		for (k = 0; k < nc; k++)
			score_level_cell(out, r, rs_row_score(&res->cities[k],
			    cmp.rows[row]));
		fputc('\n', out);
	}

	fputs("\n## Ranking\n\n", out);
	table_head(out, rank_cols, "rlrlrr", 5 + (r->base != NULL));
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

	fputs("\n## Gap to the best city\n\nPoints behind the best score "
	    "of each row.\n\n", out);
	compare_head(out, r, "Best");
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
		fputs("\n## Change since the baseline\n\n", out);
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
	rs_say_gain(&b, r, ci, node);
	text_cell(out, b.s);
	rs_buf_release(&b);
	fputc('\n', out);
}

int
rs_report_md_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const char *const cols[] = {
		"#", "Name", "Id", "Score", "Gain", "What it means",
	};
	static const char *const collect_cols[] = {
		"#", "Name", "Id", "Weight if collected",
		"Weight with complete data", "What it means", "Note",
	};
	const struct rs_results *res = r->res;
	struct rs_node_priority *np;
	struct rs_collect *col;
	struct rs_buf b = {0};
	size_t *latest = rs_latest_obs(r), ci, k, n;

	(void)err;
	title(out, r, "Recovery priorities");
	if (res->ncities == 0)
		fputs("\nNo cities in the input.\n", out);
	for (ci = 0; ci < res->ncities; ci++) {
		const struct rs_city_result *c = &res->cities[ci];

		city_head(out, r, ci);
		if (r->top == 0)
			continue;	/* --top 0: the summaries alone */
		fprintf(out, "\n### %s to improve first\n\nGain: the points "
		    "%s would add.\n\n", r->by_node ? "Areas" : "Indicators",
		    rs_gain_target(c));
		if (r->by_node) {
			n = rs_node_priorities(r, ci, &np);
			if (n > 0)
				table_head(out, cols, "rllrrl", 6);
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
				table_head(out, cols, "rllrrl", 6);
			for (k = 0; k < n; k++) {
				fprintf(out, "| %zu |", k + 1);
				gain_row(out, r, ci, c->priorities[k]);
			}
		}
		if (n == 0)
			fprintf(out, "%s\n", rs_none_reason(r, ci));
		n = rs_collect_list(r, latest, ci, &col);
		if (n > 0) {
			fputs("\n### Data to collect first\n\nWeight: the "
			    "share of the score the indicator would carry."
			    "\n\n", out);
			table_head(out, collect_cols, "rllrrll", 7);
		}
		for (k = 0; k < n; k++) {
			fprintf(out, "| %zu |", k + 1);
			text_cell(out, rs_node_label(r, col[k].node));
			text_cell(out, r->fw->nodes[col[k].node].id);
			percent_cell(out, col[k].weight);
			percent_cell(out, col[k].complete);
			rs_say_collect(&b, r, &col[k]);
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
