/*
 * report_text.c - the text report: a block per city, 80 columns wide
 *
 * Names are aligned by display width, not bytes (text.h), so Arabic and
 * other non-ASCII names line up like ASCII ones.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "resilience/report.h"
#include "text.h"

#define NAME_WIDTH 34	/* columns for a node name in the area table */
#define BAR_WIDTH 20	/* columns of the score bar */

/* ANSI colours by level position, low to high. */
static const char *const level_color[] = {
	"\033[31m", "\033[33m", "\033[33m", "\033[32m", "\033[32;1m",
};

/*
 * s as it may be shown: names and ids come from input files, and a control
 * character or a bidirectional override in one must not reach the
 * terminal (text.h, rs_text_escape).  Returns s itself, or a copy in *tmp
 * that the caller frees.
 */
static const char *
safe(const char *s, char **tmp)
{
	size_t n = strlen(s), size;

	*tmp = NULL;
	if (!rs_text_needs_escape(s, n))
		return s;
	size = n * 6 + 4;
	*tmp = rs_malloc(size);
	return rs_text_escape(*tmp, size, s, n, 0);
}

/* Write s, escaped. */
static void
put_text(FILE *out, const char *s)
{
	char *tmp;

	fputs(safe(s, &tmp), out);
	free(tmp);
}

/* Write s, escaped, padded or cut to exactly width display columns. */
static void
put_cell(FILE *out, const char *s, size_t width)
{
	char *tmp;
	int cut;
	size_t n, w;

	s = safe(s, &tmp);
	n = rs_utf8_fit(s, width, &cut);
	w = rs_utf8_nwidth(s, n);
	fwrite(s, 1, n, out);
	if (cut) {
		fputs("...", out);
		w += 3;
	}
	for (; w < width; w++)
		fputc(' ', out);
	free(tmp);
}

static void
put_level(FILE *out, const struct rs_report *r, double score)
{
	const struct rs_framework *fw = r->fw;
	size_t lv, nc = sizeof(level_color) / sizeof(*level_color);

	if (isnan(score)) {
		fputs("n/a", out);
		return;
	}
	lv = rs_framework_level(fw, score);
	if (r->color)
		fputs(level_color[fw->nlevels <= 1 ? 0 :
		    lv * (nc - 1) / (fw->nlevels - 1)], out);
	put_text(out, fw->levels[lv].id);
	if (r->color)
		fputs("\033[0m", out);
}

static void
put_bar(FILE *out, double score)
{
	int i, fill = isnan(score) ? 0 : (int)lround(score / 100 * BAR_WIDTH);

	for (i = 0; i < BAR_WIDTH; i++)
		fputc(i < fill ? '#' : '.', out);
}

static void
put_score(FILE *out, double v)
{
	if (isnan(v))
		fputs("  n/a", out);
	else
		fprintf(out, "%5.1f", v);
}

static const char *
node_name(const struct rs_report *r, size_t i)
{
	const struct rs_node *node = &r->fw->nodes[i];

	return rs_name_get(node->names, node->nnames, r->lang, node->id);
}

static void
city_text(FILE *out, const struct rs_report *r, size_t ci)
{
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c = &r->res->cities[ci];
	size_t i, k, n;
	char gain[64];

	put_text(out, c->name);
	fputc('\n', out);
	fputs("  score ", out);
	if (isnan(c->score))
		fputs("n/a", out);
	else
		fprintf(out, "%.1f", c->score);
	fputs("  level ", out);
	put_level(out, r, c->score);
	fprintf(out, "  coverage %.1f%%", 100 * c->coverage);
	if (c->rank > 0 && r->res->ncities > 1)
		fprintf(out, "  rank %ld of %zu", c->rank, r->res->ncities);
	fputc('\n', out);
	fprintf(out, "  data for %zu of %zu indicators\n",
	    fw->nindicators - c->nmissing, fw->nindicators);
	if (isnan(c->score))
		fprintf(out, "  no score: the areas with a score carry less "
		    "than %.0f%% of the weight\n", 100 * fw->min_coverage);
	fputc('\n', out);
	for (k = 0; k < fw->ntop; k++) {
		i = fw->top[k];
		fputs("  ", out);
		put_cell(out, node_name(r, i), NAME_WIDTH);
		fputc(' ', out);
		put_bar(out, c->score_of[i]);
		fputc(' ', out);
		put_score(out, c->score_of[i]);
		fputs("  ", out);
		put_level(out, r, c->score_of[i]);
		fputc('\n', out);
	}
	n = c->npriorities < (size_t)r->top ? c->npriorities : (size_t)r->top;
	if (n > 0) {
		fputs("\n  priorities (points the city score gains if the "
		    "indicator reaches its best)\n", out);
		for (k = 0; k < n; k++) {
			i = c->priorities[k];
			fprintf(out, "  %2zu  ", k + 1);
			put_cell(out, fw->nodes[i].id, 12);
			fputc(' ', out);
			put_cell(out, node_name(r, i), 38);
			fputc(' ', out);
			put_score(out, c->score_of[i]);
			snprintf(gain, sizeof(gain), "+%.2f", c->gain_of[i]);
			fprintf(out, " %7s\n", gain);
		}
	}
}

int
rs_report_text(FILE *out, const struct rs_report *r, struct rs_error *err)
{
	const struct rs_framework *fw = r->fw;
	locale_t old = rs_c_locale_push();	/* "12.5" in any locale */
	size_t i;

	fputs("framework: ", out);
	put_text(out, rs_name_get(fw->names, fw->nnames, r->lang, fw->id));
	if (fw->version[0] != '\0') {
		fputs(" (", out);
		put_text(out, fw->version);
		fputc(')', out);
	}
	fputc('\n', out);
	for (i = 0; i < r->res->ncities; i++) {
		fputc('\n', out);
		city_text(out, r, i);
	}
	rs_c_locale_pop(old);
	if (ferror(out))
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the text report");
	return 0;
}
