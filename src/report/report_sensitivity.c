/*
 * report_sensitivity.c - the sensitivity report as text, JSON
 * (docs/schema/sensitivity.schema.json) or CSV, and the design matrix
 * (docs/sensitivity.md, "Output")
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "io/csv_writer.h"
#include "io/json_writer.h"
#include "resilience/report_sensitivity.h"
#include "resilience/sensitivity.h"
#include "report/report_priv.h"

/* The label of alternative a of input j, such as "minmax:1,100". */
static char *
alt_label(char *buf, size_t n, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res, size_t j,
    size_t a)
{
	const struct rs_norm_spec *ns;
	char lo[32], hi[32];

	switch (res->input[j]) {
	case RS_SA_EXCLUDE:
		snprintf(buf, n, "%s", fw->nodes[fw->indicators[a]].id);
		break;
	case RS_SA_WINMAX:
		snprintf(buf, n, "%d", spec->winmax_lo + (int)a);
		break;
	case RS_SA_NORMALISE:
		ns = &spec->norms[a];
		if (ns->has_range)
			snprintf(buf, n, "%s:%s,%s",
			    rs_norm_method_name(ns->method),
			    rs_fmt_exact(lo, sizeof(lo), ns->lo),
			    rs_fmt_exact(hi, sizeof(hi), ns->hi));
		else
			snprintf(buf, n, "%s", rs_norm_method_name(ns->method));
		break;
	case RS_SA_AGGREGATE:
		snprintf(buf, n, "%s", rs_agg_method_name(spec->aggs[a]));
		break;
	default:
		snprintf(buf, n, "set %zu", a);	/* weights, goalposts,
						   years, proxies */
		break;
	}
	return buf;
}

/* --- results in words (docs/sensitivity.md, "Results in words") ---- */

static void
buf_put(void *ctx, const char *s, size_t len)
{
	rs_buf_printf(ctx, "%.*s", (int)len, s);
}

/* Append template m of lang with args. */
static void
put_msg(struct rs_buf *b, const char *lang, enum rs_msg m,
    const char *const *args, size_t n)
{
	rs_i18n_expand(rs_i18n(lang, m), args, n, buf_put, b);
}

/*
 * A share of runs as a percentage, rounded down so that it never says
 * more than the runs do: "97%", "under 1%" (above 0), "0%".
 */
char *
rs_sa_pct(char *buf, size_t n, const char *lang, double share)
{
	struct rs_buf b = {0};
	char num[32];
	const char *arg = num;
	double p = floor(share * 100 + 1e-9);

	if (p < 1 && share > 0) {
		snprintf(buf, n, "%s", rs_i18n(lang, RS_MSG_SA_PCT_SMALL));
		return buf;
	}
	snprintf(num, sizeof(num), "%.0f", p);
	put_msg(&b, lang, RS_MSG_SA_PCT, &arg, 1);
	snprintf(buf, n, "%s", b.s != NULL ? b.s : "");
	rs_buf_release(&b);
	return buf;
}

/* Rank k as a sentence says it: "3rd" in English, "3" in Arabic. */
static char *
ordinal(char *buf, size_t n, const char *lang, long k)
{
	const char *suf = "th";

	if (rs_i18n_arabic(lang)) {
		snprintf(buf, n, "%ld", k);
		return buf;
	}
	if (k % 100 < 11 || k % 100 > 13)
		suf = k % 10 == 1 ? "st" : k % 10 == 2 ? "nd" : k % 10 == 3 ?
		    "rd" : "th";
	snprintf(buf, n, "%ld%s", k, suf);
	return buf;
}

/* Level li as the sentences name it: its id, its Arabic name in ar. */
const char *
rs_sa_level_word(const struct rs_framework *fw, const char *lang, size_t li)
{
	const struct rs_level *l = &fw->levels[li];

	if (!rs_i18n_arabic(lang))
		return l->id;
	return rs_name_get(l->names, l->nnames, lang, l->id);
}

const char *
rs_sa_input_word(const char *lang, int input)
{
	static const enum rs_msg word[RS_SA_NINPUTS] = {
		RS_MSG_SA_IN_WEIGHTS, RS_MSG_SA_IN_GOALPOSTS,
		RS_MSG_SA_IN_EXCLUDE, RS_MSG_SA_IN_WINMAX,
		RS_MSG_SA_IN_NORMALISE, RS_MSG_SA_IN_AGGREGATE,
		RS_MSG_SA_IN_YEAR, RS_MSG_SA_IN_PROXIES, RS_MSG_SA_IN_COVERAGE,
	};

	return input >= 0 && input < RS_SA_NINPUTS ?
	    rs_i18n(lang, word[input]) : "";
}

void
rs_sa_city_sentence(struct rs_buf *b, const struct rs_framework *fw,
    const char *lang, const struct rs_sa_result *res, size_t i)
{
	char lo[32], hi[32], pct[64];
	const char *a[4];
	size_t llo = res->level_lo[i], lhi = res->level_hi[i];

	a[0] = res->unit[i];
	if (res->rank_lo[i] == 0) {
		put_msg(b, lang, RS_MSG_SA_NO_RANK, a, 1);
	} else {
		a[1] = ordinal(lo, sizeof(lo), lang, res->rank_lo[i]);
		a[2] = ordinal(hi, sizeof(hi), lang, res->rank_hi[i]);
		a[3] = rs_sa_pct(pct, sizeof(pct), lang, res->rank_share[i]);
		if (res->rank_lo[i] == res->rank_hi[i]) {
			a[2] = a[3];
			put_msg(b, lang, RS_MSG_SA_RANK_ONE, a, 3);
		} else {
			put_msg(b, lang, RS_MSG_SA_RANK_SPAN, a, 4);
		}
	}
	if (fw->nlevels > 0 && llo == RS_NONE) {
		put_msg(b, lang, RS_MSG_SA_NO_LEVEL, a, 0);
	} else if (fw->nlevels > 0) {
		a[0] = rs_sa_level_word(fw, lang, llo);
		a[1] = rs_sa_level_word(fw, lang, lhi);
		a[2] = rs_sa_pct(pct, sizeof(pct), lang, res->level_share[i]);
		if (llo == lhi) {
			a[1] = a[2];
			put_msg(b, lang, RS_MSG_SA_LEVEL_ONE, a, 2);
		} else {
			put_msg(b, lang, lhi == llo + 1 ? RS_MSG_SA_LEVEL_TWO :
			    RS_MSG_SA_LEVEL_SPAN, a, 3);
		}
	}
	if (res->none[i] > 0 && res->rank_lo[i] > 0) {
		a[0] = rs_sa_pct(pct, sizeof(pct), lang, res->none[i]);
		put_msg(b, lang, RS_MSG_SA_NONE_SHARE, a, 1);
	}
	rs_buf_printf(b, ".");
}

void
rs_sa_areas_sentence(struct rs_buf *b, const struct rs_framework *fw,
    const char *lang, const struct rs_sa_result *res, size_t i)
{
	struct rs_buf list = {0};
	const char *a[2];
	char pct[64];
	size_t k, shown = 0;

	for (k = 0; k < res->nareas; k++) {
		const struct rs_node *node = &fw->nodes[fw->top[k]];
		double share = res->area_change[i * res->nareas + k];

		if (!(share > 0))
			continue;
		if (shown++ > 0)
			rs_buf_printf(&list, "%s", rs_i18n_arabic(lang) ?
			    "، " : "; ");
		a[0] = rs_name_get(node->names, node->nnames, lang, node->id);
		a[1] = rs_sa_pct(pct, sizeof(pct), lang, share);
		put_msg(&list, lang, RS_MSG_SA_AREA_ITEM, a, 2);
	}
	if (shown == 0 || fw->nlevels == 0) {
		put_msg(b, lang, RS_MSG_SA_AREAS_STABLE, a, 0);
	} else {
		a[0] = list.s;
		put_msg(b, lang, RS_MSG_SA_AREAS_CHANGE, a, 1);
	}
	rs_buf_release(&list);
}

void
rs_sa_indices_sentence(struct rs_buf *b, const char *lang,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res)
{
	char v[32], t[32], n[32];
	const char *a[3] = {v, t, n};

	rs_fmt_fixed(v, sizeof(v), res->variance, 4);
	snprintf(t, sizeof(t), "%g", spec->min_variance);
	snprintf(n, sizeof(n), "%zu", spec->bootstrap);
	put_msg(b, lang, res->estimable ? RS_MSG_SA_INDICES : RS_MSG_SA_STABLE,
	    a, 3);
}

void
rs_sa_index_line(struct rs_buf *b, const char *lang,
    const struct rs_sa_result *res, size_t j)
{
	char v[6][32];
	const char *a[7];
	const double x[6] = {res->si[j], res->si_q5[j], res->si_q95[j],
	    res->sti[j], res->sti_q5[j], res->sti_q95[j]};
	size_t k;

	a[0] = rs_sa_input_word(lang, res->input[j]);
	for (k = 0; k < 6; k++)
		a[1 + k] = rs_fmt_fixed(v[k], sizeof(v[k]), x[k], 2);
	put_msg(b, lang, RS_MSG_SA_INDEX_LINE, a, 7);
}

void
rs_sa_interval_note(struct rs_buf *b, const char *lang)
{
	char pct[64];
	const char *a = rs_sa_pct(pct, sizeof(pct), lang,
	    RS_SA_INTERVAL / 100.0);

	put_msg(b, lang, RS_MSG_SA_INTERVAL_NOTE, &a, 1);
}

/* The national proxies among the candidates of the data choices. */
static size_t
count_proxies(const struct rs_sa_spec *spec)
{
	const struct rs_sa_cells *c = spec->cells;
	size_t k, n = 0;

	if (c == NULL)
		return 0;
	for (k = 0; k < c->first[c->ncells]; k++)
		n += c->proxy[k];
	return n;
}

void
rs_sa_input_desc(struct rs_buf *b, const char *lang,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res, size_t j)
{
	char x[4][32];
	const char *a[4] = {x[0], x[1], x[2], x[3]};
	int in = res->input[j];

	switch (in) {
	case RS_SA_WEIGHTS:
	case RS_SA_GOALPOSTS:
		snprintf(x[0], sizeof(x[0]), "%g", in == RS_SA_WEIGHTS ?
		    spec->weight_noise : spec->goalpost_noise);
		put_msg(b, lang, in == RS_SA_WEIGHTS ? RS_MSG_SA_DESC_WEIGHTS :
		    RS_MSG_SA_DESC_GOALPOSTS, a, 1);
		break;
	case RS_SA_YEAR:
		snprintf(x[0], sizeof(x[0]), "%ld", spec->year -
		    spec->year_window);
		snprintf(x[1], sizeof(x[1]), "%ld", spec->year +
		    spec->year_window);
		snprintf(x[2], sizeof(x[2]), "%ld", spec->year);
		snprintf(x[3], sizeof(x[3]), "%ld", spec->year_window);
		put_msg(b, lang, RS_MSG_SA_DESC_YEAR, a, 4);
		break;
	case RS_SA_PROXIES:
		snprintf(x[0], sizeof(x[0]), "%zu", count_proxies(spec));
		put_msg(b, lang, RS_MSG_SA_DESC_PROXIES, a, 1);
		break;
	case RS_SA_COVERAGE:
		snprintf(x[0], sizeof(x[0]), "%g", spec->coverage_lo);
		snprintf(x[1], sizeof(x[1]), "%g", spec->coverage_hi);
		put_msg(b, lang, RS_MSG_SA_DESC_COVERAGE, a, 2);
		break;
	default:
		snprintf(x[0], sizeof(x[0]), "%zu", res->nalts[j]);
		put_msg(b, lang, RS_MSG_SA_DESC_ALTS, a, 1);
		break;
	}
}

/* The words after the text report's table. */
static void
text_words(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    const char *lang)
{
	struct rs_buf b = {0};
	size_t i, j;

	fprintf(out, "\n%s:\n", rs_i18n(lang, RS_MSG_SA_IN_WORDS));
	for (i = 0; i < res->nunits; i++) {
		rs_sa_city_sentence(&b, fw, lang, res, i);
		rs_text_wrapped(out, "  ", 2, 4, b.s);
		rs_buf_release(&b);
		rs_sa_areas_sentence(&b, fw, lang, res, i);
		rs_text_wrapped(out, "    ", 4, 4, b.s);
		rs_buf_release(&b);
	}
	rs_sa_interval_note(&b, lang);
	rs_text_wrapped(out, "  ", 2, 2, b.s);
	rs_buf_release(&b);
	if (!spec->sobol)
		return;
	fputc('\n', out);
	rs_sa_indices_sentence(&b, lang, spec, res);
	rs_text_wrapped(out, "", 0, 0, b.s);
	rs_buf_release(&b);
	if (!res->estimable)
		return;
	for (j = 0; j < res->ninputs; j++) {
		rs_sa_index_line(&b, lang, res, j);
		rs_text_wrapped(out, "  ", 2, 4, b.s);
		rs_buf_release(&b);
	}
}

/*
 * s padded with blanks to w columns of a terminal (display width, so
 * that Arabic headings line up as English ones do), on the left when
 * right is set; s as it is when it is wider.
 */
static void
put_pad(FILE *out, const char *s, size_t w, int right)
{
	size_t sw = rs_utf8_width(s);

	if (right && sw < w)
		fprintf(out, "%*s", (int)(w - sw), "");
	fputs(s, out);
	if (!right && sw < w)
		fprintf(out, "%*s", (int)(w - sw), "");
}

/* "weights: 100 sets" and the like, for the text header. */
static const char *
input_label(const char *lang, int in)
{
	return rs_i18n_arabic(lang) ? rs_sa_input_word(lang, in) :
	    rs_sa_input_name(in);
}

/* The width of the inputs' labels: 10, or the widest label's. */
static size_t
label_width(const char *lang, const struct rs_sa_result *res)
{
	size_t j, w = 10, lw;

	for (j = 0; j < res->ninputs; j++)
		if ((lw = rs_utf8_width(input_label(lang, res->input[j]))) > w)
			w = lw;
	return w;
}

static void
describe_input(FILE *out, const char *lang, const struct rs_sa_spec *spec,
    const struct rs_sa_result *res, size_t j)
{
	int in = res->input[j];
	size_t sets = in == RS_SA_WEIGHTS ? spec->weight_sets :
	    spec->goalpost_sets, lw = label_width(lang, res);

	char num[32];

	fputs("  ", out);
	put_pad(out, input_label(lang, in), lw, 0);
	fputc(' ', out);
	if (in >= RS_SA_YEAR) {
		struct rs_buf b = {0};
		const char *arg = num;

		rs_sa_input_desc(&b, lang, spec, res, j);
		snprintf(num, sizeof(num), "%zu", res->nalts[j]);
		if (in != RS_SA_COVERAGE) {
			rs_buf_printf(&b, "%s", rs_i18n(lang, RS_MSG_COMMA));
			put_msg(&b, lang, res->nalts[j] > 0 ?
			    RS_MSG_SA_TX_SETS : RS_MSG_SA_TX_DRAW_PER_RUN, &arg,
			    1);
		}
		rs_text_wrapped(out, "", lw + 3, lw + 3, b.s);
		rs_buf_release(&b);
	} else if (in == RS_SA_WEIGHTS || in == RS_SA_GOALPOSTS) {
		snprintf(num, sizeof(num), "%g", in == RS_SA_WEIGHTS ?
		    spec->weight_noise : spec->goalpost_noise);
		rs_report_say(out, lang, in == RS_SA_WEIGHTS ? RS_MSG_SA_TX_WEIGHT_NOISE :
		    RS_MSG_SA_TX_GOALPOST_NOISE, num, "", "");
		snprintf(num, sizeof(num), "%zu", sets);
		rs_report_say(out, lang, sets > 0 ? RS_MSG_SA_TX_SETS :
		    RS_MSG_SA_TX_SET_PER_RUN, num, "", "");
		fputc('\n', out);
	} else {
		snprintf(num, sizeof(num), "%zu", res->nalts[j]);
		rs_report_say(out, lang, res->nalts[j] == 1 ?
		    RS_MSG_SA_TX_ALTERNATIVE_ONE : RS_MSG_SA_TX_ALTERNATIVES, num,
		    "", "");
		fputc('\n', out);
	}
}

/* City i's nominal rank, NaN when it has none (no nominal score). */
static double
nominal(const struct rs_sa_result *res, size_t i)
{
	return res->nominal[i] > 0 ? (double)res->nominal[i] : (double)NAN;
}

/* The width of a level's column: its id as shown, at least 5. */
static int
level_width(const char *shown)
{
	size_t w = rs_utf8_width(shown);

	return w < 5 ? 5 : w > 40 ? 40 : (int)w;
}

static void
text_report(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    const char *lang)
{
	static const enum rs_msg head[] = {
		RS_MSG_SA_TX_NOMINAL, RS_MSG_SA_TX_MEAN, RS_MSG_SA_TX_MEDIAN,
	};
	size_t i, j, w, cw;
	char name[256], num[32], **lid;
	int rw = 7;

	/* rank columns wide enough for the largest rank and 2 decimals */
	for (i = res->nunits; i >= 10000; i /= 10)
		rw++;
	/* the city column at least as wide as its heading, 4 in English */
	w = rs_utf8_width(rs_i18n(lang, RS_MSG_SA_TX_CITY));
	w = w < 4 ? 4 : w;
	/* the level ids (names in Arabic) as a terminal may show them */
	lid = rs_malloc((res->nlevels + 1) * sizeof(*lid));
	for (j = 0; j < res->nlevels; j++) {
		const char *shown = rs_i18n_arabic(lang) ?
		    rs_sa_level_word(fw, lang, j) : fw->levels[j].id;

		lid[j] = rs_text_escape_dup(shown, strlen(shown));
	}

	{
		char runs[32], seed[32];

		snprintf(runs, sizeof(runs), "%zu", res->nruns);
		snprintf(seed, sizeof(seed), "%llu",
		    (unsigned long long)spec->seed);
		rs_report_say(out, lang, RS_MSG_SA_TX_TITLE, runs, spec->sobol ?
		    rs_i18n(lang, RS_MSG_SA_TX_SALTELLI) : "", seed);
		fputc('\n', out);
	}
	for (j = 0; j < res->ninputs; j++)
		describe_input(out, lang, spec, res, j);
	fputc('\n', out);
	for (i = 0; i < res->nunits; i++) {
		rs_text_escape(name, sizeof(name), res->unit[i],
		    strlen(res->unit[i]), 40);
		cw = rs_utf8_width(name);
		w = cw > w ? cw : w;
	}
	put_pad(out, rs_i18n(lang, RS_MSG_SA_TX_CITY), w, 0);
	fputc(' ', out);
	put_pad(out, rs_i18n(lang, RS_MSG_SA_TX_SCORE), 8, 1);
	for (j = 0; j < 5; j++) {
		fputc(' ', out);
		put_pad(out, j < 3 ? rs_i18n(lang, head[j]) : j == 3 ? "q5" :
		    "q95", (size_t)rw, 1);
	}
	for (j = 0; j < res->nlevels; j++) {
		fputc(' ', out);
		put_pad(out, lid[j], (size_t)level_width(lid[j]), 1);
	}
	fprintf(out, " %s\n", rs_i18n(lang, RS_MSG_SA_TX_NO_SCORE));
	for (i = 0; i < res->nunits; i++) {
		rs_text_escape(name, sizeof(name), res->unit[i],
		    strlen(res->unit[i]), 40);
		cw = rs_utf8_width(name);
		fprintf(out, "%s%*s", name, (int)(w - cw), "");
		fprintf(out, " %8s", rs_fmt_fixed(num, sizeof(num),
		    res->score[i], 2));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    nominal(res, i), 0));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->mean[i], 2));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->median[i], 1));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->q5[i], 1));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->q95[i], 1));
		for (j = 0; j < res->nlevels; j++)
			fprintf(out, " %*.3f", level_width(lid[j]),
			    res->prob[i * res->nlevels + j]);
		fprintf(out, " %8.3f\n", res->none[i]);
	}
	for (j = 0; j < res->nlevels; j++)
		free(lid[j]);
	free(lid);
	text_words(out, fw, spec, res, lang);
}

/* A string of b, or "" (JSON), and b released. */
static cJSON *
json_words(struct rs_buf *b)
{
	cJSON *s = rs_json_string(b->s != NULL ? b->s : "");

	rs_buf_release(b);
	return s;
}

/* The new keys of a city (docs/schema/sensitivity.schema.json). */
static void
json_city_words(cJSON *o, const struct rs_framework *fw,
    const struct rs_sa_result *res, size_t i, const char *lang)
{
	struct rs_buf b = {0};
	cJSON *l;
	size_t k;

	l = cJSON_AddObjectToObject(o, "rank_interval");
	cJSON_AddItemToObject(l, "lo", rs_json_number(res->rank_lo[i] > 0 ?
	    (double)res->rank_lo[i] : (double)NAN));
	cJSON_AddItemToObject(l, "hi", rs_json_number(res->rank_hi[i] > 0 ?
	    (double)res->rank_hi[i] : (double)NAN));
	cJSON_AddItemToObject(l, "share", rs_json_number(res->rank_share[i]));
	l = cJSON_AddObjectToObject(o, "level_interval");
	if (res->level_lo[i] == RS_NONE) {
		cJSON_AddNullToObject(l, "lo");
		cJSON_AddNullToObject(l, "hi");
	} else {
		cJSON_AddItemToObject(l, "lo", rs_json_string(
		    fw->levels[res->level_lo[i]].id));
		cJSON_AddItemToObject(l, "hi", rs_json_string(
		    fw->levels[res->level_hi[i]].id));
	}
	cJSON_AddItemToObject(l, "share", rs_json_number(res->level_share[i]));
	l = cJSON_AddObjectToObject(o, "area_level_change");
	for (k = 0; k < res->nareas; k++)
		cJSON_AddItemToObject(l, fw->nodes[fw->top[k]].id,
		    rs_json_number(res->area_change[i * res->nareas + k]));
	rs_sa_city_sentence(&b, fw, lang, res, i);
	cJSON_AddItemToObject(o, "summary", json_words(&b));
	rs_sa_areas_sentence(&b, fw, lang, res, i);
	cJSON_AddItemToObject(o, "areas_summary", json_words(&b));
}

/* The new keys of an input that --vary-year and the like add. */
static void
json_input_words(cJSON *o, const struct rs_sa_spec *spec,
    const struct rs_sa_result *res, size_t j)
{
	switch (res->input[j]) {
	case RS_SA_YEAR:
		cJSON_AddItemToObject(o, "year", rs_json_number(
		    (double)spec->year));
		cJSON_AddItemToObject(o, "window", rs_json_number(
		    (double)spec->year_window));
		cJSON_AddItemToObject(o, "sets", rs_json_number((double)
		    res->nalts[j]));
		break;
	case RS_SA_PROXIES:
		cJSON_AddItemToObject(o, "proxies", rs_json_number((double)
		    count_proxies(spec)));
		cJSON_AddItemToObject(o, "sets", rs_json_number((double)
		    res->nalts[j]));
		break;
	case RS_SA_COVERAGE:
		cJSON_AddItemToObject(o, "lo", rs_json_number(
		    spec->coverage_lo));
		cJSON_AddItemToObject(o, "hi", rs_json_number(
		    spec->coverage_hi));
		break;
	default:
		break;
	}
}

static cJSON *
json_report(const struct rs_framework *fw, const struct rs_sa_spec *spec,
    const struct rs_sa_result *res, const char *lang)
{
	struct rs_buf b = {0};
	cJSON *root = cJSON_CreateObject(), *a, *o, *l;
	char buf[128];
	size_t i, j, k;

	cJSON_AddItemToObject(root, "framework", rs_json_string(fw->id));
	cJSON_AddItemToObject(root, "runs", rs_json_number((double)res->nruns));
	/* a seed may exceed 2^53: as an integer, not through a double */
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)spec->seed);
	cJSON_AddItemToObject(root, "seed", cJSON_CreateRaw(buf));
	cJSON_AddBoolToObject(root, "sobol", spec->sobol);
	a = cJSON_AddArrayToObject(root, "inputs");
	for (j = 0; j < res->ninputs; j++) {
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "name", rs_json_string(
		    rs_sa_input_name(res->input[j])));
		l = cJSON_AddArrayToObject(o, "alternatives");
		if (res->input[j] == RS_SA_WEIGHTS ||
		    res->input[j] == RS_SA_GOALPOSTS) {
			cJSON_AddItemToObject(o, "noise", rs_json_number(
			    res->input[j] == RS_SA_WEIGHTS ?
			    spec->weight_noise : spec->goalpost_noise));
			cJSON_AddItemToObject(o, "sets", rs_json_number((double)
			    res->nalts[j]));
		} else if (res->input[j] < RS_SA_YEAR) {
			for (k = 0; k < res->nalts[j]; k++)
				cJSON_AddItemToArray(l, rs_json_string(
				    alt_label(buf, sizeof(buf), fw, spec, res,
				    j, k)));
		}
		json_input_words(o, spec, res, j);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "cities");
	for (i = 0; i < res->nunits; i++) {
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "name", rs_json_string(res->unit[i]));
		cJSON_AddItemToObject(o, "score", rs_json_number(res->score[i]));
		cJSON_AddItemToObject(o, "nominal",
		    rs_json_number(nominal(res, i)));
		cJSON_AddItemToObject(o, "mean", rs_json_number(res->mean[i]));
		cJSON_AddItemToObject(o, "median", rs_json_number(res->median[i]));
		cJSON_AddItemToObject(o, "q5", rs_json_number(res->q5[i]));
		cJSON_AddItemToObject(o, "q95", rs_json_number(res->q95[i]));
		l = cJSON_AddObjectToObject(o, "levels");
		for (j = 0; j < res->nlevels; j++)
			cJSON_AddItemToObject(l, fw->levels[j].id,
			    rs_json_number(res->prob[i * res->nlevels + j]));
		cJSON_AddItemToObject(o, "no_score", rs_json_number(res->none[i]));
		json_city_words(o, fw, res, i, lang);
		cJSON_AddItemToArray(a, o);
	}
	cJSON_AddItemToObject(root, "interval", rs_json_number(
	    RS_SA_INTERVAL / 100.0));
	if (!spec->sobol) {
		cJSON_AddNullToObject(root, "sensitivity");
		return root;
	}
	o = cJSON_AddObjectToObject(root, "sensitivity");
	cJSON_AddItemToObject(o, "variance", rs_json_number(res->variance));
	cJSON_AddItemToObject(o, "bootstrap", rs_json_number((double)spec->bootstrap));
	cJSON_AddItemToObject(o, "min_variance", rs_json_number(
	    spec->min_variance));
	cJSON_AddBoolToObject(o, "estimable", res->estimable);
	rs_sa_indices_sentence(&b, lang, spec, res);
	cJSON_AddItemToObject(o, "summary", json_words(&b));
	a = cJSON_AddArrayToObject(o, "indices");
	for (j = 0; j < res->ninputs; j++) {
		l = cJSON_CreateObject();
		cJSON_AddItemToObject(l, "input", rs_json_string(
		    rs_sa_input_name(res->input[j])));
		cJSON_AddItemToObject(l, "si", rs_json_number(res->si[j]));
		cJSON_AddItemToObject(l, "sti", rs_json_number(res->sti[j]));
		cJSON_AddItemToObject(l, "si_q5", rs_json_number(res->si_q5[j]));
		cJSON_AddItemToObject(l, "si_q95", rs_json_number(res->si_q95[j]));
		cJSON_AddItemToObject(l, "sti_q5", rs_json_number(res->sti_q5[j]));
		cJSON_AddItemToObject(l, "sti_q95", rs_json_number(res->sti_q95[j]));
		cJSON_AddItemToArray(a, l);
	}
	return root;
}

/*
 * One CSV record: the first ntext fields as text, then nnum numbers (a
 * NaN is an empty field).
 */
static int
record(FILE *out, const char *const *f, size_t ntext, const double *v,
    size_t nnum)
{
	struct rs_csv w;
	size_t i;

	rs_csv_init(&w, out);
	for (i = 0; i < ntext; i++)
		rs_csv_text(&w, f[i]);
	for (i = 0; i < nnum; i++)
		rs_csv_number(&w, v[i]);
	return rs_csv_end(&w);
}

/*
 * CSV: a row per city (city, score, nominal ... q95, then a column per
 * level and no_score); with sobol, a blank line and a row per input.
 */
static int
csv_report(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res)
{
	static const char *const head[] = {"city", "score", "nominal",
	    "mean", "median", "q5", "q95"};
	static const char *const shead[] = {"input", "si", "sti", "si_q5",
	    "si_q95", "sti_q5", "sti_q95"};
	const char **f = rs_malloc((8 + res->nlevels) * sizeof(char *));
	double *v = rs_malloc((7 + res->nlevels) * sizeof(double));
	size_t i, j, nl = res->nlevels;
	int rc = 0;

	memcpy(f, head, sizeof(head));
	for (j = 0; j < nl; j++)
		f[7 + j] = fw->levels[j].id;
	f[7 + nl] = "no_score";
	rc |= record(out, f, 8 + nl, NULL, 0);
	for (i = 0; i < res->nunits && rc == 0; i++) {
		v[0] = res->score[i];
		v[1] = nominal(res, i);
		v[2] = res->mean[i];
		v[3] = res->median[i];
		v[4] = res->q5[i];
		v[5] = res->q95[i];
		memcpy(v + 6, res->prob + i * nl, nl * sizeof(double));
		v[6 + nl] = res->none[i];
		rc |= record(out, &res->unit[i], 1, v, 7 + nl);
	}
	if (spec->sobol && rc == 0) {
		rc |= fputc('\n', out) == EOF;
		rc |= record(out, shead, 7, NULL, 0);
		for (j = 0; j < res->ninputs && rc == 0; j++) {
			const char *name = rs_sa_input_name(res->input[j]);

			v[0] = res->si[j];
			v[1] = res->sti[j];
			v[2] = res->si_q5[j];
			v[3] = res->si_q95[j];
			v[4] = res->sti_q5[j];
			v[5] = res->sti_q95[j];
			rc |= record(out, &name, 1, v, 6);
		}
	}
	free(f);
	free(v);
	return rc;
}

int
rs_report_sensitivity(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    enum rs_report_format format, const char *lang, struct rs_error *err)
{
	cJSON *root;
	int rc = 0;

	if (format == RS_FORMAT_JSON) {
		root = json_report(fw, spec, res, lang);
		rc = rs_json_write(out, root, 0) != 0 ||
		    fputc('\n', out) == EOF;
		cJSON_Delete(root);
	} else if (format == RS_FORMAT_CSV) {
		rc = csv_report(out, fw, spec, res) != 0;
	} else if (format == RS_FORMAT_HTML) {
		rs_report_html_sensitivity(out, fw, spec, res, lang);
	} else {
		text_report(out, fw, spec, res, lang);
	}
	if (rc != 0 || ferror(out))
		return rs_error_io(err, errno, "<report>", "cannot write");
	return 0;
}

int
rs_report_sa_design(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    struct rs_error *err)
{
	const char *f[2 + 2 * RS_SA_NINPUTS + 1];
	char lab[RS_SA_NINPUTS + 2][128], col[RS_SA_NINPUTS][32];
	double v[RS_SA_NINPUTS + 1];
	size_t r, j, nf, d = res->ninputs, n = spec->runs;
	int fail = 0;

	f[0] = "run";
	f[1] = "block";
	for (j = 0, nf = 2; j < d; j++) {
		f[nf++] = rs_sa_input_name(res->input[j]);
		snprintf(col[j], sizeof(col[j]), "u_%s",
		    rs_sa_input_name(res->input[j]));
	}
	for (j = 0; j < d; j++)
		f[nf++] = col[j];
	f[nf++] = "rank_shift";
	fail |= record(out, f, nf, NULL, 0);
	for (r = 0; r < res->nruns && !fail; r++) {
		snprintf(lab[0], sizeof(lab[0]), "%zu", r + 1);
		if (!spec->sobol)
			snprintf(lab[1], sizeof(lab[1]), "MC");
		else if (r < 2 * n)
			snprintf(lab[1], sizeof(lab[1]), "%s", r < n ? "A" :
			    "B");
		else
			snprintf(lab[1], sizeof(lab[1]), "AB%zu", r / n - 1);
		for (j = 0; j < d; j++) {
			v[j] = res->u[r * d + j];
			if (res->input[j] == RS_SA_COVERAGE)
				rs_fmt_fixed(lab[2 + j], sizeof(lab[2 + j]),
				    spec->coverage_lo + v[j] *
				    (spec->coverage_hi - spec->coverage_lo), 4);
			else
				alt_label(lab[2 + j], sizeof(lab[2 + j]), fw,
				    spec, res, j, res->alt[r * d + j]);
		}
		for (j = 0; j < d + 2; j++)
			f[j] = lab[j];
		v[d] = res->y[r];
		fail |= record(out, f, d + 2, v, d + 1);
	}
	if (fail || ferror(out))
		return rs_error_io(err, errno, "<design>", "cannot write");
	return 0;
}
