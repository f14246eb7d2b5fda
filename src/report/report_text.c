/*
 * report_text.c - the text reports, for a terminal 80 columns wide
 *
 * Names are aligned by display width, not bytes (text.h), so Arabic and
 * other non-ASCII names line up like ASCII ones.  Every text from the
 * input is shown through the terminal escaper (rs_text_escape(), text.h),
 * as in error messages: control characters, line separators and
 * bidirectional overrides and isolates as escapes (\x1B, \u202E), so
 * that data can neither move the cursor, recolour or retitle the
 * terminal nor reorder what it shows.  Colour (r->color) marks levels
 * only.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "report/report_priv.h"
#include "base/text.h"

#define WIDTH 80	/* columns of a line */
#define NAME_WIDTH 34	/* columns for a node name in the area table */
#define BAR_WIDTH 20	/* columns of the score bar */
#define LABEL_MAX 36	/* widest row label of a comparison table */
#define CITY_MAX 24	/* widest city column of a comparison table */

/* ANSI colours by level position, low to high. */
static const char *const level_color[] = {
	"\033[31m", "\033[33m", "\033[33m", "\033[32m", "\033[32;1m",
};

/* The colour of the level of a (non-NaN) score. */
static const char *
color_of(const struct rs_report *r, double score)
{
	const struct rs_framework *fw = r->fw;
	size_t lv, nc = sizeof(level_color) / sizeof(*level_color);

	lv = rs_framework_level(fw, score);
	return level_color[fw->nlevels <= 1 ? 0 :
	    lv * (nc - 1) / (fw->nlevels - 1)];
}

/* Display width of s as a cell of at most max columns shows it. */
static size_t
cell_width(const char *s, size_t max)
{
	size_t w = rs_text_shown_width(s);

	return w < max ? w : max;
}

static void
put_level(FILE *out, const struct rs_report *r, double score)
{
	if (isnan(score)) {
		fputs("n/a", out);
		return;
	}
	if (r->color)
		fputs(color_of(r, score), out);
	rs_text_write(out, rs_level_word(r, score),
	    strlen(rs_level_word(r, score)));
	if (r->color)
		fputs("\033[0m", out);
}

/* A bar of width columns, filled in proportion to score. */
static void
put_bar(FILE *out, double score, int width)
{
	int i, fill = isnan(score) ? 0 : (int)lround(score / 100 * width);

	for (i = 0; i < width; i++)
		fputc(i < fill ? '#' : '.', out);
}


/* "%5.1f", or "  n/a" */
static void
put_score(FILE *out, double v)
{
	char buf[64];

	rs_text_put_right(out, rs_fmt_fixed(buf, sizeof(buf), v, 1), 5);
}

static void
framework_line(FILE *out, const struct rs_report *r)
{
	const struct rs_framework *fw = r->fw;
	const char *name = rs_framework_label(r);

	fprintf(out, "%s: ", rs_i18n(r->lang, RS_MSG_T_FRAMEWORK));
	rs_text_write(out, name, strlen(name));
	if (fw->version[0] != '\0') {
		fputs(" (", out);
		rs_text_write(out, fw->version, strlen(fw->version));
		fputc(')', out);
	}
	fputc('\n', out);
	if (r->base != NULL) {
		fprintf(out, "%s: ", rs_i18n(r->lang, RS_MSG_BASELINE));
		rs_text_write(out, r->base->path, strlen(r->base->path));
		if (r->change != NULL && r->change->refused &&
		    r->fw->pipeline == NULL) {
			const char *args[2] = {r->base->version,
			    r->fw->version};

			fputs(" (", out);
			rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_REFUSED),
			    args, 2);
			fputc(')', out);
		}
		fputc('\n', out);
	}
}

/* ", from 2014 to 2022, 1 undated, 2 older than 2015 left out" */
static void
years_clause(FILE *out, const struct rs_report *r, size_t ci)
{
	char a[32], b[32];
	const char *args[2] = {a, b};
	size_t undated, stale;
	long lo, hi;

	if (rs_city_years(r, ci, &lo, &hi, &undated, &stale)) {
		snprintf(a, sizeof(a), "%ld", lo);
		snprintf(b, sizeof(b), "%ld", hi);
		fputs(rs_i18n_arabic(r->lang) ? "\xd8\x8c " : ", ", out);
		rs_i18n_print(out, rs_i18n(r->lang, lo == hi ?
		    RS_MSG_DATA_YEAR : RS_MSG_DATA_SPAN), args, 2);
	}
	if (undated > 0) {
		snprintf(a, sizeof(a), "%zu", undated);
		fputs(rs_i18n_arabic(r->lang) ? "\xd8\x8c " : ", ", out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_DATA_UNDATED),
		    args, 1);
	}
	if (stale > 0) {
		snprintf(a, sizeof(a), "%zu", stale);
		snprintf(b, sizeof(b), "%ld", r->year - r->max_age);
		fputs(rs_i18n_arabic(r->lang) ? "\xd8\x8c " : ", ", out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_DATA_STALE), args,
		    2);
	}
}

/* "  score 69.2  level sound  coverage 100.0%  rank 1 of 3" */
static void
city_summary(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_city_result *c = rs_results_city(r->res, ci);
	char buf[32];

	const char *args[2];
	char a[32], b[32];

	rs_text_write(out, c->name, strlen(c->name));
	fprintf(out, "\n  %s ", rs_i18n(r->lang, RS_MSG_T_SCORE));
	fputs(rs_fmt_fixed(buf, sizeof(buf), c->score, 1), out);
	fprintf(out, "  %s ", rs_i18n(r->lang, RS_MSG_T_LEVEL));
	put_level(out, r, c->score);
	if (rs_indicative(r, ci, RS_NONE))
		fprintf(out, " (%s)", rs_i18n(r->lang, RS_MSG_INDICATIVE));
	fprintf(out, "  %s ", rs_i18n(r->lang, RS_MSG_T_COVERAGE));
	if (isnan(c->coverage))
		fprintf(out, "%.1f%%", 100 * c->coverage);
	else
		fputs(rs_fmt_percent(buf, sizeof(buf), c->coverage), out);
	args[0] = a;
	args[1] = b;
	if (c->rank > 0 && r->res->ncities > 1) {
		snprintf(a, sizeof(a), "%ld", c->rank);
		snprintf(b, sizeof(b), "%zu", r->res->ncities);
		fprintf(out, "  %s ", rs_i18n(r->lang, RS_MSG_T_RANK));
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_OF), args, 2);
	}
	if (r->base != NULL)
		fprintf(out, "  %s %s", rs_i18n(r->lang, RS_MSG_CHANGE),
		    !rs_in_baseline(r, ci) ?
		    rs_i18n(r->lang, RS_MSG_NEW) : rs_fmt_change(buf,
		    sizeof(buf), rs_row_change(r, ci, RS_NONE)));
	fputc('\n', out);
	snprintf(a, sizeof(a), "%zu", r->fw->nindicators - c->nmissing);
	snprintf(b, sizeof(b), "%zu", r->fw->nindicators);
	if (rs_i18n_arabic(r->lang)) {
		fprintf(out, "  %s: ", rs_i18n(r->lang, RS_MSG_DATA));
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_OF), args, 2);
	} else {
		fprintf(out, "  data for %s of %s indicators", a, b);
	}
	years_clause(out, r, ci);
	fputc('\n', out);
	if (rs_in_baseline(r, ci) && rs_like_available(r) &&
	    r->base->has_values[r->change->base_city[ci]]) {
		fprintf(out, "  %s %s", rs_i18n(r->lang, RS_MSG_LIKE),
		    rs_fmt_change(buf, sizeof(buf), rs_row_change_like(r, ci,
		    RS_NONE)));
		fprintf(out, "%s %s %s\n", rs_i18n_arabic(r->lang) ?
		    "\xd8\x8c" : ",", rs_i18n(r->lang, RS_MSG_COMPOSITION),
		    rs_fmt_change(buf, sizeof(buf), rs_row_change_comp(r, ci,
		    RS_NONE)));
	}
	if (rs_indicative(r, ci, RS_NONE)) {
		char note[1024];

		rs_text_wrapped(out, "  ", 2, 2, rs_indicative_note(note,
		    sizeof(note), r, ci));
	}
	if (isnan(c->score)) {
		snprintf(a, sizeof(a), "%g%%", 100 * r->fw->min_coverage);
		fputs("  ", out);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_T_NO_SCORE), args,
		    1);
		fputc('\n', out);
	}
}

/* The widest level as shown, at least as wide as "n/a". */
static size_t
level_width(const struct rs_report *r)
{
	const struct rs_framework *fw = r->fw;
	size_t i, w = 3;

	for (i = 0; i < fw->nlevels; i++)
		if (rs_text_shown_width(rs_level_word(r, fw->levels[i].min)) > w)
			w = rs_text_shown_width(rs_level_word(r, fw->levels[i].min));
	return w;
}

static void city_details(FILE *out, const struct rs_report *r, size_t ci);
static void stale_lines(FILE *out, const struct rs_report *r, size_t ci);
static void city_changes(FILE *out, const struct rs_report *r, size_t ci);
static void missing_line(FILE *out, const struct rs_report *r);

/* "  2019", the year of indicator node's value, "" when undated. */
static void
put_year(FILE *out, const struct rs_report *r, size_t ci, size_t node)
{
	const struct rs_obs *o = rs_value_obs(r, ci, node);

	if (o != NULL && o->has_year)
		fprintf(out, "  %d", o->year);
}

/*
 * The cells every city repeats, made once per node: working out their
 * display widths city by city was a tenth of the report's time.
 */
struct cells {
	char **area;		/* per node: its label in NAME_WIDTH columns */
	char **id;		/* per node: its id in 12 columns */
	char **name;		/* per node: its label in 38 columns */
};

static void
cells_init(struct cells *cl, const struct rs_report *r)
{
	size_t n = r->fw->nnodes + 1;

	cl->area = rs_calloc(n, sizeof(char *));
	cl->id = rs_calloc(n, sizeof(char *));
	cl->name = rs_calloc(n, sizeof(char *));
}

static void
cells_release(struct cells *cl, const struct rs_report *r)
{
	size_t i;

	for (i = 0; i < r->fw->nnodes; i++) {
		free(cl->area[i]);
		free(cl->id[i]);
		free(cl->name[i]);
	}
	free(cl->area);
	free(cl->id);
	free(cl->name);
}

/* What rs_text_write_cell(out, s, width) writes, made the first time. */
static void
put_cell(FILE *out, char **cell, const char *s, size_t width)
{
	if (*cell == NULL)
		*cell = rs_text_cell_dup(s, width);
	fputs(*cell, out);
}

static void
city_text(FILE *out, const struct rs_report *r, struct cells *cl, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = rs_results_city(r->res, ci);
	size_t i, k, n, lw;
	char buf[64];

	city_summary(out, r, ci);
	fputc('\n', out);
	for (k = 0; k < fw->ntop; k++) {
		i = fw->top[k];
		fputs("  ", out);
		put_cell(out, &cl->area[i], rs_node_label(r, i), NAME_WIDTH);
		fputc(' ', out);
		/* Narrower when a change follows, to stay in WIDTH. */
		put_bar(out, c->score_of[i], r->base != NULL ? BAR_WIDTH - 6 :
		    BAR_WIDTH);
		fputc(' ', out);
		put_score(out, c->score_of[i]);
		fputs("  ", out);
		put_level(out, r, c->score_of[i]);
		if (rs_indicative(r, ci, i))
			fprintf(out, " (%s)", rs_i18n(r->lang,
			    RS_MSG_INDICATIVE));
		if (r->base != NULL) {
			lw = isnan(c->score_of[i]) ? 3 :
			    rs_text_shown_width(rs_level_word(r, c->score_of[i]));
			for (; lw < level_width(r); lw++)
				fputc(' ', out);
			fprintf(out, "  %6s", rs_fmt_change(buf, sizeof(buf),
			    rs_row_change(r, ci, i)));
		}
		fputc('\n', out);
	}
	n = rs_report_top(r, c->npriorities);
	if (n > 0) {
		fprintf(out, "\n  %s\n", rs_i18n(r->lang,
		    RS_MSG_T_PRIORITIES));
		for (k = 0; k < n; k++) {
			i = c->priorities[k];
			fprintf(out, "  %2zu  ", k + 1);
			put_cell(out, &cl->id[i], fw->nodes[i].id, 12);
			fputc(' ', out);
			put_cell(out, &cl->name[i], rs_node_label(r, i), 38);
			fputc(' ', out);
			put_score(out, c->score_of[i]);
			buf[0] = '+';
			rs_fmt_fixed(buf + 1, sizeof(buf) - 1, c->gain_of[i], 2);
			fputc(' ', out);
			rs_text_put_right(out, buf, 7);
			put_year(out, r, ci, i);
			fputc('\n', out);
		}
	}
	if (rs_like_available(r) && rs_in_baseline(r, ci))
		city_changes(out, r, ci);
	if (r->details)
		city_details(out, r, ci);
}

int
rs_report_text(FILE *out, const struct rs_report *r, struct rs_error *err)
{
	locale_t old = rs_c_locale_push();	/* "12.5" in any locale */
	struct cells cl;
	size_t i;

	cells_init(&cl, r);
	/* Only the priorities shown need their order. */
	rs_results_shown(r->res, rs_report_top(r, SIZE_MAX));
	framework_line(out, r);
	if (r->res->ncities == 0)
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_T_NO_CITIES));
	for (i = 0; i < r->res->ncities; i++) {
		fputc('\n', out);
		city_text(out, r, &cl, i);
	}
	cells_release(&cl, r);
	missing_line(out, r);
	rs_results_shown(r->res, SIZE_MAX);
	rs_c_locale_pop(old);
	if (ferror(out))
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the text report");
	return 0;
}

/*
 * A table of nrows x ncols cells: row 0 holds the column heads, column 0
 * the row labels (indented by depth).  Columns align left or right; a
 * cell with a colour (a score's level) is coloured when r->color is set.
 */
struct table {
	size_t nrows, ncols;
	char **cell;		/* owned strings, row-major */
	const char **color;	/* per cell: ANSI colour or NULL */
	size_t *indent;		/* per row: spaces before the label */
	char *right;		/* per column: 1 to align right */
	size_t label_max;	/* widest row label, LABEL_MAX unless set */
};

static void
table_init(struct table *t, size_t nrows, size_t ncols)
{
	size_t i;

	t->nrows = nrows;
	t->ncols = ncols;
	t->cell = rs_calloc(nrows * ncols, sizeof(char *));
	t->color = rs_calloc(nrows * ncols, sizeof(char *));
	t->indent = rs_calloc(nrows, sizeof(size_t));
	t->right = rs_calloc(ncols, 1);
	t->label_max = LABEL_MAX;
	for (i = 0; i < nrows * ncols; i++)
		t->cell[i] = rs_strdup("");
}

static void
table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->color);
	free(t->indent);
	free(t->right);
}

/* Set a cell to s as a terminal shows it (text.h). */
static void
table_set(struct table *t, size_t row, size_t col, const char *s)
{
	free(t->cell[row * t->ncols + col]);
	t->cell[row * t->ncols + col] = rs_text_needs_escape(s, strlen(s)) ?
	    rs_text_escape_dup(s, strlen(s)) : rs_strdup(s);
}

/* Width of column col: its widest cell (with indents), within max. */
static size_t
column_width(const struct table *t, size_t col, size_t max)
{
	size_t row, w, best = 0;

	for (row = 0; row < t->nrows; row++) {
		w = rs_utf8_width(t->cell[row * t->ncols + col]);
		if (col == 0)
			w += t->indent[row];
		if (w > best)
			best = w;
	}
	return best < max ? best : max;
}

/*
 * Print the table two columns apart after margin blanks; when it is wider
 * than WIDTH, in groups of columns that fit, each repeating the labels.
 * No line ends with a blank.
 */
static void
table_print(FILE *out, const struct table *t, const struct rs_report *r,
    size_t margin)
{
	size_t *w = rs_malloc(t->ncols * sizeof(size_t));
	size_t first = 1, last, used, row, col, k, pad, cw, lw;
	const char *s, *color;

	w[0] = column_width(t, 0, t->label_max);
	for (col = 1; col < t->ncols; col++)
		w[col] = column_width(t, col, CITY_MAX);
	do {
		used = margin + w[0];
		for (last = first; last < t->ncols &&
		    (last == first || used + 2 + w[last] <= WIDTH); last++)
			used += 2 + w[last];
		if (first > 1)
			fputc('\n', out);
		for (row = 0; row < t->nrows; row++) {
			pad = margin + t->indent[row];
			s = t->cell[row * t->ncols];
			lw = w[0] > t->indent[row] ? w[0] - t->indent[row] : 0;
			cw = cell_width(s, lw);
			if (t->right[0])
				pad += lw - cw;
			for (k = 0; k < pad; k++)
				fputc(' ', out);
			rs_text_write_cell(out, s, cw);
			pad = t->right[0] ? 0 : lw - cw;
			for (col = first; col < last; col++) {
				s = t->cell[row * t->ncols + col];
				color = t->color[row * t->ncols + col];
				cw = cell_width(s, w[col]);
				pad += 2;
				if (s[0] == '\0') {
					pad += w[col];
					continue;
				}
				if (t->right[col])
					pad += w[col] - cw;
				for (k = 0; k < pad; k++)
					fputc(' ', out);
				if (r->color && color != NULL)
					fputs(color, out);
				rs_text_write_cell(out, s, cw);
				if (r->color && color != NULL)
					fputs("\033[0m", out);
				pad = t->right[col] ? 0 : w[col] - cw;
			}
			fputc('\n', out);
		}
		first = last;
	} while (first < t->ncols);
	free(w);
}


/* A label column and a column per city, heads filled in. */
static void
compare_table(struct table *t, const struct rs_report *r,
    const struct rs_compare *cmp, size_t extra)
{
	size_t row, k, nc = r->res->ncities;

	table_init(t, cmp->nrows + 1, nc + 1 + extra);
	for (k = 0; k < nc; k++)
		table_set(t, 0, k + 1, r->res->cities[k].name);
	for (row = 0; row < cmp->nrows; row++) {
		size_t node = cmp->rows[row];

		table_set(t, row + 1, 0, node == RS_NONE ? rs_i18n(r->lang,
		    RS_MSG_T_CITY_SCORE) :
		    rs_node_label(r, node));
		t->indent[row + 1] = node == RS_NONE ? 0 :
		    2 * (size_t)(r->fw->nodes[node].depth - 1);
	}
}


static void
put_buf(void *ctx, const char *s, size_t len)
{
	rs_buf_printf(ctx, "%.*s", (int)len, s);
}

/*
 * "CITY: no score ..." for a city the coverage rule withholds, in the
 * report's language (the English words are older than the word table).
 */
static void
no_score_line(struct rs_buf *b, const struct rs_report *r,
    const struct rs_city_result *c)
{
	char have[32], need[32];
	const char *args[2] = {have, need};

	if (!rs_i18n_arabic(r->lang)) {
		rs_buf_printf(b, "%s: no score, the areas with a score carry "
		    "%.1f%% of the weight (%g%% needed)", c->name,
		    100 * c->coverage, 100 * r->fw->min_coverage);
		return;
	}
	rs_fmt_percent(have, sizeof(have), c->coverage);
	snprintf(need, sizeof(need), "%g%%", 100 * r->fw->min_coverage);
	rs_buf_printf(b, "%s: ", c->name);
	rs_i18n_expand(rs_i18n(r->lang, RS_MSG_NO_SCORE), args, 2, put_buf, b);
}

/*
 * With a baseline: the change of every row, then, unless refused, its
 * like-for-like part and its composition part (methodology.md, "Change
 * against a baseline").
 */
static void
change_tables(FILE *out, const struct rs_report *r,
    const struct rs_compare *cmp)
{
	static const enum rs_msg head[3] = {RS_MSG_T_CHANGE, RS_MSG_T_LIKE,
	    RS_MSG_T_COMPOSITION};
	double (*const fn[3])(const struct rs_report *, size_t, size_t) = {
		rs_row_change, rs_row_change_like, rs_row_change_comp,
	};
	size_t nc = r->res->ncities, row, k, col, part;
	struct table t;
	char buf[32];

	for (part = 0; part < 3; part++) {
		if (part > 0 && !rs_like_available(r))
			break;
		fprintf(out, "\n%s\n", rs_i18n(r->lang, head[part]));
		compare_table(&t, r, cmp, 0);
		for (col = 1; col <= nc; col++)
			t.right[col] = 1;
		for (row = 0; row < cmp->nrows; row++)
			for (k = 0; k < nc; k++)
				table_set(&t, row + 1, k + 1,
				    !rs_in_baseline(r, k) ?
				    rs_i18n(r->lang, RS_MSG_NEW) :
				    rs_fmt_change(buf, sizeof(buf),
				    fn[part](r, k, cmp->rows[row])));
		table_print(out, &t, r, 0);
		table_release(&t);
	}
}

/*
 * City ci's change since the baseline in its parts, the areas (every
 * node with --details): total, like for like, composition.
 */
static void
city_changes(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	size_t i, row = 0, n = 1;
	struct table t;
	char buf[32];

	for (i = 0; i < fw->nnodes; i++)
		n += r->details || fw->nodes[i].depth == 1;
	fprintf(out, "\n  %s\n", rs_i18n(r->lang, RS_MSG_T_CHANGE_PARTS));
	table_init(&t, n + 1, 4);
	table_set(&t, 0, 1, rs_i18n(r->lang, RS_MSG_TOTAL));
	table_set(&t, 0, 2, rs_i18n(r->lang, RS_MSG_LIKE));
	table_set(&t, 0, 3, rs_i18n(r->lang, RS_MSG_COMPOSITION));
	t.right[1] = t.right[2] = t.right[3] = 1;
	for (i = RS_NONE;; i++) {
		if (i != RS_NONE && i >= fw->nnodes)
			break;
		if (i != RS_NONE && !r->details && fw->nodes[i].depth != 1)
			continue;
		row++;
		table_set(&t, row, 0, i == RS_NONE ? rs_i18n(r->lang,
		    RS_MSG_T_CITY_SCORE) : rs_node_label(r, i));
		t.indent[row] = i == RS_NONE ? 0 :
		    2 * (size_t)(fw->nodes[i].depth - 1);
		table_set(&t, row, 1, rs_fmt_change(buf, sizeof(buf),
		    rs_row_change(r, ci, i)));
		table_set(&t, row, 2, rs_fmt_change(buf, sizeof(buf),
		    rs_row_change_like(r, ci, i)));
		table_set(&t, row, 3, rs_fmt_change(buf, sizeof(buf),
		    rs_row_change_comp(r, ci, i)));
	}
	table_print(out, &t, r, 2);
	table_release(&t);
}

/*
 * --details: every value city ci uses, with its year and source, then
 * what --max-age left out.
 */
static void
city_details(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	const char *src, *note, *unit;
	size_t k, node, n = 0, row = 0, idw = 0, w;
	struct rs_evidence e;
	struct rs_buf b = {0};
	struct table t;
	char buf[64], head[64];

	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		if (rs_value_obs(r, ci, node) == NULL)
			continue;
		n++;
		if ((w = rs_utf8_width(fw->nodes[node].id)) > idw)
			idw = w;
	}
	rs_evidence_of(r, ci, &e);
	fprintf(out, "\n  %s\n", rs_i18n(r->lang, RS_MSG_VALUES));
	rs_say_evidence(&b, r, &e);
	rs_text_wrapped(out, "  ", 2, 2, b.s);
	rs_buf_release(&b);
	table_init(&t, n + 1, 5);
	table_set(&t, 0, 0, rs_i18n(r->lang, RS_MSG_ID));
	table_set(&t, 0, 1, rs_i18n(r->lang, RS_MSG_VALUE));
	table_set(&t, 0, 2, rs_i18n(r->lang, RS_MSG_UNIT));
	table_set(&t, 0, 3, rs_i18n(r->lang, RS_MSG_YEAR));
	table_set(&t, 0, 4, rs_i18n(r->lang, RS_MSG_SCOPE));
	t.right[1] = 1;
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		if ((o = rs_value_obs(r, ci, node)) == NULL)
			continue;
		row++;
		table_set(&t, row, 0, fw->nodes[node].id);
		table_set(&t, row, 1, rs_fmt_value(buf, sizeof(buf),
		    o->value));
		unit = rs_node_unit(&fw->nodes[node], r->lang);
		table_set(&t, row, 2, unit != NULL ? unit : "");
		if (o->has_year == RS_YEAR_FISCAL)
			snprintf(buf, sizeof(buf), "%d/%02d", o->year,
			    (o->year + 1) % 100);
		else if (o->has_year)
			snprintf(buf, sizeof(buf), "%d", o->year);
		else
			snprintf(buf, sizeof(buf), "%s", rs_i18n(r->lang,
			    RS_MSG_UNDATED));
		table_set(&t, row, 3, buf);
		table_set(&t, row, 4, rs_i18n(r->lang, rs_obs_national(r, o) ?
		    RS_MSG_NATIONAL_PROXY : RS_MSG_CITY_LEVEL));
	}
	table_print(out, &t, r, 2);
	table_release(&t);
	/* Each value's source and note in full, wrapped. */
	if (n > 0)
		fprintf(out, "\n  %s\n", rs_i18n(r->lang, RS_MSG_SOURCE));
	if (idw > 40)
		idw = 40;
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		if ((o = rs_value_obs(r, ci, node)) == NULL)
			continue;
		src = rs_obs_extra(r->ds, o, "source");
		note = rs_obs_extra(r->ds, o, "note");
		rs_buf_printf(&b, "%s", src != NULL && src[0] != '\0' ? src :
		    "-");
		if (note != NULL && note[0] != '\0')
			rs_buf_printf(&b, "%s%s: %s", rs_i18n(r->lang,
			    RS_MSG_SEMICOLON), rs_i18n(r->lang,
			    RS_MSG_NOTE_WORD), note);
		w = rs_utf8_width(fw->nodes[node].id);
		snprintf(head, sizeof(head), "  %.40s%*s", fw->nodes[node].id,
		    (int)(idw + 2 - (w < idw ? w : idw)), "");
		rs_text_wrapped(out, head, idw + 4, idw + 4, b.s);
		rs_buf_release(&b);
	}
	stale_lines(out, r, ci);
}

/* The values of city ci that --max-age left out, if any. */
static void
stale_lines(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_obs *o;
	struct rs_buf b = {0};
	size_t k, node, n = 0;
	char year[32], v[64], head[32];
	const char *args[3] = {NULL, year, v};

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
	fputs("\n  ", out);
	rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_STALE), args, 1);
	fputs(":\n", out);
	snprintf(head, sizeof(head), "    ");
	rs_text_wrapped(out, head, 4, 4, b.s);
	rs_buf_release(&b);
}

/* --details: the year of every value, an indicator per row. */
static void
years_table(FILE *out, const struct rs_report *r)
{
	const struct rs_framework *fw = r->fw;
	size_t nc = r->res->ncities, k, ci, row = 0, n = 0, node;
	const struct rs_obs *o;
	struct table t;
	char buf[32];

	for (k = 0; k < fw->nindicators; k++)
		for (ci = 0; ci < nc; ci++)
			if (rs_value_obs(r, ci, fw->indicators[k]) != NULL) {
				n++;
				break;
			}
	if (n == 0)
		return;
	fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_VALUES));
	table_init(&t, n + 1, nc + 1);
	for (ci = 0; ci < nc; ci++) {
		table_set(&t, 0, ci + 1, r->res->cities[ci].name);
		t.right[ci + 1] = 1;
	}
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		for (ci = 0; ci < nc; ci++)
			if (rs_value_obs(r, ci, node) != NULL)
				break;
		if (ci == nc)
			continue;
		table_set(&t, ++row, 0, fw->nodes[node].id);
		for (ci = 0; ci < nc; ci++) {
			if ((o = rs_value_obs(r, ci, node)) == NULL)
				continue;
			if (o->has_year)
				snprintf(buf, sizeof(buf), "%d", o->year);
			else
				snprintf(buf, sizeof(buf), "%s",
				    rs_i18n(r->lang, RS_MSG_UNDATED));
			table_set(&t, row, ci + 1, buf);
		}
	}
	table_print(out, &t, r, 0);
	table_release(&t);
}

/* The baseline's cities that the data do not have. */
static void
missing_line(FILE *out, const struct rs_report *r)
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
	rs_text_wrapped(out, "", 0, 2, b.s);
	rs_buf_release(&list);
	rs_buf_release(&b);
}

int
rs_report_text_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_results *res = r->res;
	struct rs_compare cmp;
	struct rs_buf b = {0};
	struct table t;
	size_t row, k, nc = res->ncities, best, nw, col;
	char buf[160], num[32];
	double s;

	(void)err;
	framework_line(out, r);
	if (nc == 0) {
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_T_NO_CITIES));
		return 0;
	}
	rs_compare_init(&cmp, r);
	fputc('\n', out);

	/* Scores: "69.2 sound", numbers right-aligned within a column. */
	compare_table(&t, r, &cmp, 0);
	for (k = 0; k < nc; k++) {
		for (row = 0, nw = 3; row < cmp.nrows; row++) {
			rs_fmt_fixed(num, sizeof(num), rs_row_score(
			    &res->cities[k], cmp.rows[row]), 1);
			if (strlen(num) > nw)
				nw = strlen(num);
		}
		for (row = 0; row < cmp.nrows; row++) {
			s = rs_row_score(&res->cities[k], cmp.rows[row]);
			snprintf(buf, sizeof(buf), "%*s%s%s", (int)nw,
			    rs_fmt_fixed(num, sizeof(num), s, 1), isnan(s) ? "" :
			    " ", isnan(s) ? "" : rs_level_word(r, s));
			table_set(&t, row + 1, k + 1, buf);
			if (!isnan(s))
				t.color[(row + 1) * t.ncols + k + 1] =
				    color_of(r, s);
		}
	}
	table_print(out, &t, r, 0);
	table_release(&t);

	/* The ranking. */
	fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_T_RANKING));
	table_init(&t, nc + 1, r->base != NULL ? 7 : 6);
	table_set(&t, 0, 0, rs_i18n(r->lang, RS_MSG_T_RANK));
	table_set(&t, 0, 1, rs_i18n(r->lang, RS_MSG_T_CITY));
	table_set(&t, 0, 2, rs_i18n(r->lang, RS_MSG_T_SCORE));
	table_set(&t, 0, 3, rs_i18n(r->lang, RS_MSG_T_LEVEL));
	table_set(&t, 0, 4, rs_i18n(r->lang, RS_MSG_GAP_SHORT));
	table_set(&t, 0, 5, rs_i18n(r->lang, RS_MSG_T_YEARS));
	if (r->base != NULL)
		table_set(&t, 0, 6, rs_i18n(r->lang, RS_MSG_CHANGE));
	t.right[0] = t.right[2] = t.right[4] = t.right[6 % t.ncols] = 1;
	for (k = 0; k < nc; k++) {
		size_t ci = cmp.order[k];
		const struct rs_city_result *c = &res->cities[ci];

		if (c->rank > 0)
			snprintf(buf, sizeof(buf), "%ld", c->rank);
		table_set(&t, k + 1, 0, c->rank > 0 ? buf : "-");
		table_set(&t, k + 1, 1, c->name);
		table_set(&t, k + 1, 2, rs_fmt_fixed(num, sizeof(num),
		    c->score, 1));
		if (isnan(c->score)) {
			table_set(&t, k + 1, 3, "n/a");
			table_set(&t, k + 1, 4, "n/a");
		} else {
			table_set(&t, k + 1, 3, rs_level_word(r, c->score));
			t.color[(k + 1) * t.ncols + 3] = color_of(r, c->score);
			table_set(&t, k + 1, 4, rs_fmt_fixed(num,
			    sizeof(num), cmp.best[0] - c->score, 1));
		}
		table_set(&t, k + 1, 5, rs_fmt_years(buf, sizeof(buf), r,
		    ci));
		if (r->base != NULL)
			table_set(&t, k + 1, 6, !rs_in_baseline(r, ci) ?
			    rs_i18n(r->lang, RS_MSG_NEW) : rs_fmt_change(buf,
			    sizeof(buf), rs_row_change(r, ci, RS_NONE)));
	}
	table_print(out, &t, r, 2);
	table_release(&t);
	for (k = 0; k < nc; k++) {
		const struct rs_city_result *c = &res->cities[cmp.order[k]];

		if (!isnan(c->score))
			continue;
		no_score_line(&b, r, c);
		rs_text_wrapped(out, "  ", 2, 4, b.s);
		rs_buf_release(&b);
	}

	/* The gaps. */
	fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_T_GAP));
	compare_table(&t, r, &cmp, 1);
	table_set(&t, 0, nc + 1, rs_i18n(r->lang, RS_MSG_T_BEST));
	for (col = 1; col <= nc; col++)
		t.right[col] = 1;
	for (row = 0; row < cmp.nrows; row++) {
		for (k = 0, best = RS_NONE; k < nc; k++) {
			s = rs_row_score(&res->cities[k], cmp.rows[row]);
			if (!isnan(s) && best == RS_NONE &&
			    !(s < cmp.best[row]))
				best = k;
			table_set(&t, row + 1, k + 1, rs_fmt_fixed(num,
			    sizeof(num), cmp.best[row] - s, 1));
		}
		table_set(&t, row + 1, nc + 1, best == RS_NONE ? "n/a" :
		    res->cities[best].name);
	}
	table_print(out, &t, r, 0);
	table_release(&t);

	if (r->base != NULL)
		change_tables(out, r, &cmp);
	if (r->details)
		years_table(out, r);
	missing_line(out, r);
	rs_compare_release(&cmp);
	return 0;
}

#define BLANKS " \t\r\n\v\f"

void
rs_text_wrapped(FILE *out, const char *head, size_t head_width, size_t indent,
    const char *text)
{
	size_t col = head_width, w, k, n, start = head_width;
	const char *p = text, *end;
	char *word;

	fputs(head, out);
	while (*p != '\0') {
		while (*p != '\0' && strchr(BLANKS, *p) != NULL)
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end != '\0' && strchr(BLANKS, *end) == NULL;)
			end++;
		n = (size_t)(end - p);
		word = rs_text_escape_dup(p, n);
		w = rs_utf8_width(word);
		if (col > start && col + 1 + w > WIDTH) {
			fputc('\n', out);
			for (k = 0; k < indent; k++)
				fputc(' ', out);
			col = start = indent;
		}
		if (col > start) {
			fputc(' ', out);
			col++;
		}
		fputs(word, out);
		free(word);
		col += w;
		p += n;
	}
	fputc('\n', out);
}

/*
 * The head of item k of a --by node list, "  1. " at the top and "1.2 "
 * below, indented under its parent's text; hw[] holds each item's head
 * width, parents coming before their children.  Returns the width.
 */
static size_t
item_head(char *buf, size_t n, const struct rs_node_priority *np,
    size_t k, size_t *hw)
{
	char path[96] = "", tmp[96];
	size_t i;

	if (np[k].parent == RS_NONE) {
		snprintf(buf, n, "  %3zu. ", np[k].rank);
		return hw[k] = strlen(buf);
	}
	for (i = k; i != RS_NONE; i = np[i].parent) {
		int m = snprintf(tmp, sizeof(tmp), "%zu%s%s", np[i].rank,
		    path[0] != '\0' ? "." : "", path);

		if (m < 0 || (size_t)m >= sizeof(tmp))
			break;	/* a deeper path keeps its innermost ranks */
		memcpy(path, tmp, sizeof(path));
	}
	snprintf(buf, n, "%*s%s ", (int)hw[np[k].parent], "", path);
	return hw[k] = strlen(buf);
}

int
rs_report_text_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_results *res = r->res;
	struct rs_node_priority *np;
	struct rs_collect *col;
	struct rs_buf b = {0};
	size_t *latest = rs_latest_obs(r), ci, k, n, hw, *hws, *ctx;
	char head[128];

	(void)err;
	framework_line(out, r);
	if (res->ncities == 0)
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_T_NO_CITIES));
	for (ci = 0; ci < res->ncities; ci++) {
		const struct rs_city_result *c = &res->cities[ci];

		fputc('\n', out);
		city_summary(out, r, ci);
		if (r->top == 0)
			continue;	/* --top 0: the summaries alone */
		if (r->by_node) {
			n = rs_node_priorities(r, ci, &np);
			hws = rs_malloc((n + 1) * sizeof(size_t));
			fprintf(out, "\n  %s\n", rs_i18n(r->lang,
			    RS_MSG_AREAS_FIRST));
			for (k = 0; k < n; k++) {
				hw = item_head(head, sizeof(head), np, k, hws);
				rs_say_gain_in(&b, r, ci, np[k].node);
				rs_text_wrapped(out, head, hw, hw, b.s);
				rs_buf_release(&b);
			}
			free(hws);
			free(np);
		} else {
			n = rs_report_top(r, c->npriorities);
			fprintf(out, "\n  %s\n", rs_i18n(r->lang,
			    RS_MSG_T_TO_IMPROVE));
			for (k = 0; k < n; k++) {
				hw = (size_t)snprintf(head, sizeof(head),
				    "  %3zu. ", k + 1);
				rs_say_gain_in(&b, r, ci, c->priorities[k]);
				rs_text_wrapped(out, head, hw, hw, b.s);
				rs_buf_release(&b);
			}
		}
		if (n == 0)
			rs_text_wrapped(out, "    ", 4, 4,
			    rs_none_reason_in(r, ci));
		n = rs_context_list(r, ci, &ctx);
		if (n > 0)
			fprintf(out, "\n  %s\n", rs_context_heading(r, 0));
		for (k = 0; k < n; k++) {
			hw = (size_t)snprintf(head, sizeof(head), "  %3zu. ",
			    k + 1);
			rs_say_context_in(&b, r, ci, ctx[k]);
			rs_text_wrapped(out, head, hw, hw, b.s);
			rs_buf_release(&b);
		}
		free(ctx);
		n = rs_collect_list(r, latest, ci, &col);
		if (n > 0)
			fprintf(out, "\n  %s\n", rs_collect_heading(r, ci,
			    0));
		for (k = 0; k < n; k++) {
			hw = (size_t)snprintf(head, sizeof(head), "  %3zu. ",
			    k + 1);
			rs_say_collect_in(&b, r, &col[k]);
			if (col[k].note != NULL)
				rs_buf_printf(&b, " %s: %s", rs_i18n(r->lang,
				    RS_MSG_NOTE), col[k].note);
			rs_text_wrapped(out, head, hw, hw, b.s);
			rs_buf_release(&b);
		}
		free(col);
		if (r->details)
			city_details(out, r, ci);
	}
	missing_line(out, r);
	free(latest);
	return 0;
}

/* ---- trend and shock ---------------------------------------------- */

/* "framework: ..." and what the years take, for the views over time. */
static void
timeline_head(FILE *out, const struct rs_report *r, const char *what)
{
	char a[32];
	const char *args[1] = {a};

	framework_line(out, r);
	fputs(what, out);
	fputs(" (", out);
	if (r->timeline != NULL && r->timeline->has_max_age) {
		snprintf(a, sizeof(a), "%ld", r->timeline->max_age);
		rs_i18n_print(out, rs_i18n(r->lang, RS_MSG_VALUES_MAX_AGE),
		    args, 1);
	} else {
		fputs(rs_i18n(r->lang, RS_MSG_VALUES_OF_YEAR), out);
	}
	fputs(")\n", out);
}

/* The rows a trend or shock table shows: the city, then nodes to depth. */
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

/* "%.1f" of a score, or n/a. */
static void
set_score(struct table *t, size_t row, size_t col, double v)
{
	char buf[32];

	if (isnan(v))
		snprintf(buf, sizeof(buf), "n/a");
	else
		snprintf(buf, sizeof(buf), "%.1f", v);
	table_set(t, row, col, buf);
}

int
rs_report_text_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_trend *tr = r->trend;
	size_t *rows = rs_malloc((r->fw->nnodes + 1) * sizeof(size_t));
	size_t nrows = time_rows(r, rows), ci, k, y, row, nc;
	struct table t;
	char buf[64], a[32], b[32];
	const char *args[2] = {a, b};
	double s;

	(void)err;
	snprintf(a, sizeof(a), "%ld", tr->from);
	snprintf(b, sizeof(b), "%ld", tr->to);
	{
		struct rs_buf what = {0};

		rs_i18n_expand(rs_i18n(r->lang, RS_MSG_TREND_SPAN), args, 2,
		    put_buf, &what);
		timeline_head(out, r, what.s);
		rs_buf_release(&what);
	}
	nc = rs_time_ncities(r);
	if (nc == 0)
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_T_NO_CITIES));
	for (ci = 0; ci < nc; ci++) {
		fputc('\n', out);
		rs_text_write(out, rs_time_city(r, ci), strlen(rs_time_city(r,
		    ci)));
		fputc('\n', out);
		table_init(&t, nrows * tr->nyears + 1, 6);
		t.label_max = 26;	/* the six columns in 80 */
		table_set(&t, 0, 1, rs_i18n(r->lang, RS_MSG_T_YEAR));
		table_set(&t, 0, 2, rs_i18n(r->lang, RS_MSG_T_SCORE));
		table_set(&t, 0, 3, rs_i18n(r->lang, RS_MSG_T_LEVEL));
		table_set(&t, 0, 4, rs_i18n(r->lang, RS_MSG_CHANGE));
		table_set(&t, 0, 5, rs_i18n(r->lang, RS_MSG_LIKE));
		t.right[2] = t.right[4] = t.right[5] = 1;
		for (k = 0, row = 1; k < nrows; k++) {
			for (y = 0; y < tr->nyears; y++, row++) {
				if (y == 0) {
					table_set(&t, row, 0, rows[k] ==
					    RS_NONE ? rs_i18n(r->lang,
					    RS_MSG_T_CITY_SCORE) :
					    rs_node_label(r, rows[k]));
					t.indent[row] = rows[k] == RS_NONE ?
					    0 : 2 * (size_t)(r->fw->nodes[
					    rows[k]].depth - 1);
				}
				snprintf(buf, sizeof(buf), "%ld", tr->from +
				    (long)y);
				table_set(&t, row, 1, buf);
				s = rs_trend_score(r, ci, y, rows[k]);
				set_score(&t, row, 2, s);
				table_set(&t, row, 3, isnan(s) ? "n/a" :
				    rs_level_word(r, s));
				if (!isnan(s))
					t.color[row * t.ncols + 3] =
					    color_of(r, s);
				table_set(&t, row, 4, rs_fmt_change(buf,
				    sizeof(buf), rs_trend_change(r, ci, y,
				    rows[k])));
				table_set(&t, row, 5, rs_fmt_change(buf,
				    sizeof(buf), rs_trend_like(r, ci, y,
				    rows[k])));
			}
		}
		table_print(out, &t, r, 2);
		table_release(&t);
	}
	if (nc > 0) {
		fputc('\n', out);
		rs_text_wrapped(out, "", 0, 0, rs_i18n(r->lang,
		    RS_MSG_TREND_NOTE));
	}
	free(rows);
	return 0;
}

/* "1.00", or n/a: a ratio or an index. */
static void
set_ratio(struct table *t, size_t row, size_t col, double v)
{
	char buf[32];

	if (isnan(v))
		snprintf(buf, sizeof(buf), "n/a");
	else
		snprintf(buf, sizeof(buf), "%.2f", v + 0.0);
	table_set(t, row, col, buf);
}

int
rs_report_text_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	static const enum rs_msg head[] = {
		RS_MSG_T_BEFORE, RS_MSG_T_SHOCK, RS_MSG_T_AFTER, RS_MSG_T_LOSS,
		RS_MSG_T_REBOUND, RS_MSG_T_NET, RS_MSG_T_RATIO, RS_MSG_T_YTR,
	};
	const struct rs_shock_spec *sp = r->shock_spec;
	const struct rs_shock *sh = r->shock;
	size_t *rows = rs_malloc((r->fw->nnodes + 1) * sizeof(size_t));
	size_t nrows = time_rows(r, rows), ci, k, row, nc, j;
	int ind;
	struct rs_shock_row v;
	struct table t;
	struct rs_buf what = {0};
	char buf[64], y[3][32];
	const char *args[3] = {y[0], y[1], y[2]};

	(void)err;
	for (k = 0; k < 3; k++)
		snprintf(y[k], sizeof(y[k]), "%ld", sp->year[k]);
	rs_i18n_expand(rs_i18n(r->lang, RS_MSG_SHOCK_YEARS), args, 3,
	    put_buf, &what);
	timeline_head(out, r, what.s);
	rs_buf_release(&what);
	if (sp->reference != RS_NONE) {
		fprintf(out, "%s: ", rs_i18n(r->lang,
		    RS_MSG_REFERENCE));
		rs_text_write(out, rs_time_city(r, sp->reference),
		    strlen(rs_time_city(r, sp->reference)));
		fputc('\n', out);
	}
	nc = rs_time_ncities(r);
	if (nc == 0)
		fprintf(out, "\n%s\n", rs_i18n(r->lang, RS_MSG_T_NO_CITIES));
	for (ci = 0; ci < nc; ci++) {
		fputc('\n', out);
		rs_text_write(out, rs_time_city(r, ci), strlen(rs_time_city(r,
		    ci)));
		fputc('\n', out);
		/* years to recover are an indicator's: no column without one */
		for (k = 0, ind = 0; k < nrows && !ind; k++)
			ind = rows[k] != RS_NONE &&
			    r->fw->nodes[rows[k]].nchildren == 0;
		table_init(&t, nrows + 1, ind ? 9 : 8);
		t.label_max = 22;	/* the nine columns in 80 */
		for (k = 0; k < (ind ? 8u : 7u); k++) {
			table_set(&t, 0, k + 1, rs_i18n(r->lang, head[k]));
			t.right[k + 1] = 1;
		}
		for (k = 0, row = 1; k < nrows; k++, row++) {
			table_set(&t, row, 0, rows[k] == RS_NONE ? rs_i18n(r->lang,
			    RS_MSG_T_CITY_SCORE) :
			    rs_node_label(r, rows[k]));
			t.indent[row] = rows[k] == RS_NONE ? 0 :
			    2 * (size_t)(r->fw->nodes[rows[k]].depth - 1);
			rs_shock_row(r, ci, rows[k], &v);
			set_score(&t, row, 1, v.before);
			set_score(&t, row, 2, v.shock);
			set_score(&t, row, 3, v.after);
			table_set(&t, row, 4, rs_fmt_change(buf, sizeof(buf),
			    v.loss));
			table_set(&t, row, 5, rs_fmt_change(buf, sizeof(buf),
			    v.rebound));
			table_set(&t, row, 6, rs_fmt_change(buf, sizeof(buf),
			    v.net));
			set_ratio(&t, row, 7, v.ratio);
			if (!ind)
				continue;
			if (rows[k] == RS_NONE ||
			    r->fw->nodes[rows[k]].nchildren > 0)
				table_set(&t, row, 8, "");
			else if (isnan(v.years))
				table_set(&t, row, 8, "n/a");
			else {
				snprintf(buf, sizeof(buf), "%.0f", v.years);
				table_set(&t, row, 8, buf);
			}
		}
		table_print(out, &t, r, 2);
		table_release(&t);
		if (sh->nseries == 0)
			continue;
		fputc('\n', out);
		if (sp->reference == RS_NONE) {
			rs_text_wrapped(out, "  ", 2, 2, rs_i18n(r->lang,
			    RS_MSG_NO_REFERENCE));
			continue;
		}
		table_init(&t, sh->nseries + 1, 3);
		table_set(&t, 0, 1, rs_i18n(r->lang,
		    RS_MSG_T_RESISTANCE));
		table_set(&t, 0, 2, rs_i18n(r->lang, RS_MSG_T_RECOVERY));
		t.right[1] = t.right[2] = 1;
		for (j = 0; j < sh->nseries; j++) {
			table_set(&t, j + 1, 0,
			    r->fw->nodes[sp->series[j]].id);
			set_ratio(&t, j + 1, 1,
			    sh->resistance[ci * sh->nseries + j]);
			set_ratio(&t, j + 1, 2,
			    sh->recovery[ci * sh->nseries + j]);
		}
		table_print(out, &t, r, 2);
		table_release(&t);
	}
	if (nc > 0) {
		fputc('\n', out);
		rs_text_wrapped(out, "", 0, 0, rs_i18n(r->lang,
		    RS_MSG_SHOCK_NOTE));
	}
	free(rows);
	return 0;
}
