/*
 * report_html.c - the HTML reports: one self-contained page per view, with
 * its charts drawn as inline SVG (docs/cli.md, "Formats")
 *
 * The page loads nothing: the style is inline, the charts are SVG written
 * here, there is no script.  It is well-formed XML as well as HTML (every
 * element closed, attributes quoted, only the five XML entities), so that
 * a test can parse it whole.  Every text from the input (city names,
 * notes, framework names and ids) goes through rs_xml_puts(), in text and
 * in attributes alike.
 *
 * Right-to-left pages (--lang ar) mirror the charts: a chart is laid out
 * in "logical" coordinates, where x grows in the reading direction, and
 * px() and the text helpers turn them into SVG's.  Numbers are isolated
 * left to right (dir="ltr" in HTML, direction="ltr" in SVG) so that the
 * bidirectional algorithm cannot reorder "+5.00" or "46.8%".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "io/markup.h"
#include "report/report_priv.h"
#include "report/svg.h"
#include "resilience/sensitivity.h"

struct html {
	FILE *out;
	const struct rs_report *r;
	const char *lang;	/* r->lang: names and words */
	int rtl;		/* 1: a right-to-left page */
	int nsvg;		/* charts written, for ids unique in the page */
	double w;		/* width of the chart being drawn, px */
};

/* An argument of a template of i18n.h: text, or a number to isolate. */
struct html;
struct arg {
	const char *s;		/* the text, when fn is NULL */
	int num;		/* 1: a number */
	void (*fn)(const struct html *, const void *);	/* writes it */
	const void *ctx;	/* fn's argument */
};

#define TXT(s) {(s), 0, NULL, NULL}
#define NUM(s) {(s), 1, NULL, NULL}
#define FN(f, c) {NULL, 0, (f), (c)}
#define SAY(h, markup, msg, ...) say((h), (markup), (msg), \
    (const struct arg[]){__VA_ARGS__}, \
    sizeof((const struct arg[]){__VA_ARGS__}) / sizeof(struct arg))

/* Colour-blind-safe diverging scale (ColorBrewer RdYlBu, 9 classes). */
static const char *const level_fill[] = {
	"#d73027", "#f46d43", "#fdae61", "#fee090", "#ffffbf",
	"#e0f3f8", "#abd9e9", "#74add1", "#4575b4",
};
/* The ink readable on each: white on the two dark ends only. */
static const char *const level_ink[] = {
	"#ffffff", "#000000", "#000000", "#000000", "#000000",
	"#000000", "#000000", "#000000", "#ffffff",
};

/* Okabe and Ito's colour-blind-safe palette, for cities. */
static const char *const city_fill[] = {
	"#e69f00", "#56b4e9", "#009e73", "#f0e442",
	"#0072b2", "#d55e00", "#cc79a7", "#000000",
};

#define NCITY_FILL (sizeof(city_fill) / sizeof(city_fill[0]))

static const char *
msg(const struct html *h, enum rs_msg m)
{
	return rs_i18n(h->lang, m);
}

static void
esc(const struct html *h, const char *s)
{
	rs_xml_puts(h->out, s);
}

static void
esc_n(const struct html *h, const char *s, size_t n)
{
	rs_xml_write(h->out, s, n);
}

/* A number, isolated left to right in HTML (markup) or left bare. */
static void
put_num(const struct html *h, int markup, const char *s)
{
	if (markup)
		fputs("<span class=\"n\" dir=\"ltr\">", h->out);
	esc(h, s);
	if (markup)
		fputs("</span>", h->out);
}

/* An indicator code, isolated and kept on one line ("RPI 2-2.4"). */
static void
put_id(const struct html *h, const char *id)
{
	fputs("<bdi class=\"id\" dir=\"ltr\">", h->out);
	esc(h, id);
	fputs("</bdi>", h->out);
}

static void
say_id(const struct html *h, const void *ctx)
{
	put_id(h, ctx);
}

/* A table cell of an indicator code. */
static void
td_id(const struct html *h, const char *id)
{
	fputs("<td class=\"id\">", h->out);
	put_id(h, id);
	fputs("</td>", h->out);
}

/* Write template m with %1..%9 replaced by args[0..n), escaped. */
static void
say(const struct html *h, int markup, enum rs_msg m, const struct arg *args,
    size_t n)
{
	const char *p = msg(h, m), *lit = p;
	size_t k;

	for (; *p != '\0'; p++) {
		if (p[0] != '%' || p[1] < '1' || p[1] > '9' ||
		    (k = (size_t)(p[1] - '1')) >= n)
			continue;
		esc_n(h, lit, (size_t)(p - lit));
		if (args[k].fn != NULL)
			args[k].fn(h, args[k].ctx);
		else if (args[k].num)
			put_num(h, markup, args[k].s);
		else
			esc(h, args[k].s);
		lit = ++p + 1;
	}
	esc_n(h, lit, (size_t)(p - lit));
}

static void
say0(const struct html *h, enum rs_msg m)
{
	esc(h, msg(h, m));
}

/* The level index of a score, RS_NONE for NaN. */
static size_t
level_of(const struct rs_framework *fw, double s)
{
	return isnan(s) ? RS_NONE : rs_framework_level(fw, s);
}

static const char *
level_name(const struct html *h, size_t li)
{
	const struct rs_level *l;

	if (li == RS_NONE)
		return msg(h, RS_MSG_NA);
	l = &h->r->fw->levels[li];
	return rs_name_get(l->names, l->nnames, h->lang, l->id);
}

/* The palette entry of level li: the scale spread over the levels. */
static size_t
level_color(const struct rs_framework *fw, size_t li)
{
	size_t last = sizeof(level_fill) / sizeof(level_fill[0]) - 1;

	if (fw->nlevels < 2)
		return last / 2;
	return (li * last * 2 + fw->nlevels - 1) / ((fw->nlevels - 1) * 2);
}

/* The upper bound of level li's band. */
static double
level_top(const struct rs_framework *fw, size_t li)
{
	return li + 1 < fw->nlevels ? fw->levels[li + 1].min : 100;
}

static const char *
gain_target(const struct html *h, const struct rs_city_result *c)
{
	return msg(h, isnan(c->score) ? RS_MSG_TARGET_MEAN :
	    RS_MSG_TARGET_CITY);
}

/* ---- the page ----------------------------------------------------- */

static const char style[] =
    "@page{size:A4;margin:14mm}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{font-family:\"Noto Sans\",\"DejaVu Sans\",\"Amiri\",\"Noto "
    "Naskh Arabic\",\"Noto Sans Arabic\",Tahoma,Arial,sans-serif;"
    "color:#111;"
    "background:#fff;max-width:190mm;margin:0 auto;padding:8px;"
    "line-height:1.45;font-size:11pt}\n"
    "h1{font-size:1.6em;margin:0 0 .3em}\n"
    "h2{font-size:1.3em;border-bottom:2px solid #444;margin:1.4em 0 .4em;"
    "break-after:avoid}\n"
    "h3{font-size:1.05em;margin:1em 0 .3em;break-after:avoid}\n"
    "table{border-collapse:collapse;margin:.4em 0 .8em;font-size:.92em;"
    "break-inside:auto}\n"
    "tr{break-inside:avoid}\n"
    "th,td{border:1px solid #aaa;padding:2px 6px;text-align:start;"
    "vertical-align:top}\n"
    "th{background:#eee}\n"
    "td.num,th.num{text-align:end;white-space:nowrap}\n"
    ".n{unicode-bidi:isolate;font-variant-numeric:tabular-nums}\n"
    ".id{white-space:nowrap}\n"
    ".chip{display:inline-block;width:.8em;height:.8em;border:1px solid "
    "#555;vertical-align:middle;margin-inline-end:.3em}\n"
    ".summary{font-size:1.05em}\n"
    ".coverage{font-weight:bold}\n"
    ".note{color:#333;font-size:.9em}\n"
    "figure{margin:.8em 0;break-inside:avoid;page-break-inside:avoid}\n"
    "svg{max-width:100%;height:auto}\n"
    "svg text{font-size:11px;fill:#111}\n"
    "svg .t{font-size:14px;font-weight:bold}\n"
    "svg .s{font-size:9px}\n"
    "svg .b{font-weight:bold}\n"
    ".radars{display:flex;flex-wrap:wrap;gap:8px}\n"
    ".radars figure{flex:0 1 48%;margin:0}\n"
    "footer{margin-top:2em;border-top:1px solid #aaa;font-size:.85em;"
    "color:#333}\n"
    "html[dir=rtl] body{font-family:\"Amiri\",\"Noto Naskh Arabic\","
    "\"Noto Sans Arabic\",\"DejaVu Sans\",Tahoma,sans-serif}\n"
    "h4{font-size:1em;margin:.8em 0 .2em;break-after:avoid}\n"
    ".byline{font-size:.95em}\n"
    ".notes{border-inline-start:3px solid #888;padding-inline-start:"
    ".6em;margin:.4em 0}\n"
    "td.src{font-size:.85em;overflow-wrap:anywhere}\n"
    "@media print{body{max-width:none;padding:0}"
    "section.city{break-before:page;page-break-before:always}}\n";

/* The baseline's cities that the data do not have. */
static void
missing_para(const struct html *h)
{
	struct rs_buf list = {0};
	size_t k, n = rs_missing_count(h->r);

	if (n == 0)
		return;
	for (k = 0; k < n; k++) {
		rs_buf_printf(&list, "%s%s", k > 0 ? msg(h, RS_MSG_COMMA) : "",
		    rs_missing_name(h->r, k));
		if (strcmp(rs_missing_name(h->r, k), rs_missing_id(h->r, k)) !=
		    0)
			rs_buf_printf(&list, " (id %s)",
			    rs_missing_id(h->r, k));
	}
	fputs("<p class=\"missing\">", h->out);
	SAY(h, 1, RS_MSG_MISSING_CITIES, TXT(list.s));
	fputs(".</p>\n", h->out);
	rs_buf_release(&list);
}

/* The page's title: --title, or the view's. */
static void
page_title(const struct html *h, enum rs_msg title)
{
	if (h->r->title != NULL)
		esc(h, h->r->title);
	else
		say0(h, title);
}

/* "Prepared by ... | Date ...", from --author and --date. */
static void
byline(const struct html *h)
{
	if (h->r->author == NULL && h->r->date == NULL)
		return;
	fputs("<p class=\"byline\">", h->out);
	if (h->r->author != NULL) {
		say0(h, RS_MSG_AUTHOR);
		fputs(": <bdi class=\"author\">", h->out);
		esc(h, h->r->author);
		fputs("</bdi>", h->out);
	}
	if (h->r->author != NULL && h->r->date != NULL)
		fputs(" | ", h->out);
	if (h->r->date != NULL) {
		say0(h, RS_MSG_DATE);
		fputs(": <bdi class=\"date\">", h->out);
		esc(h, h->r->date);
		fputs("</bdi>", h->out);
	}
	fputs("</p>\n", h->out);
}

/* The --notes block of city ci and node (RS_NONE: the city), if any. */
static void
notes_block(const struct html *h, size_t ci, size_t node)
{
	const struct rs_city *city = rs_report_city(h->r, ci);
	const char *md;

	if (h->r->notes == NULL)
		return;
	md = rs_notes_find(h->r->notes, rs_city_id(h->r, ci), city != NULL ?
	    city->name : h->r->res->cities[ci].name, node == RS_NONE ? NULL :
	    h->r->fw->nodes[node].id);
	if (md == NULL)
		return;
	fputs("<div class=\"notes\">\n", h->out);
	rs_md_render_html(h->out, md);
	fputs("</div>\n", h->out);
}

/* The notes of city ci's areas, each under the area's name. */
static void
area_notes(const struct html *h, size_t ci, int hl)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_city *city = rs_report_city(h->r, ci);
	size_t k, node;

	if (h->r->notes == NULL)
		return;
	for (k = 0; k < fw->nnodes; k++) {
		node = k;
		if (rs_notes_find(h->r->notes, rs_city_id(h->r, ci), city !=
		    NULL ? city->name : h->r->res->cities[ci].name,
		    fw->nodes[node].id) == NULL)
			continue;
		fprintf(h->out, "<h%d>", hl);
		esc(h, rs_node_label(h->r, node));
		fprintf(h->out, "</h%d>\n", hl);
		notes_block(h, ci, node);
	}
}

static void
page_head(struct html *h, enum rs_msg title)
{
	const struct rs_framework *fw = h->r->fw;
	size_t li, k;

	fputs("<!DOCTYPE html>\n<html lang=\"", h->out);
	esc(h, h->lang != NULL ? h->lang : "en");
	fprintf(h->out, "\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<title>", h->rtl ? "rtl" : "ltr");
	page_title(h, title);
	fputs("</title>\n<style>\n", h->out);
	fputs(style, h->out);
	for (li = 0; li < fw->nlevels; li++) {
		k = level_color(fw, li);
		fprintf(h->out, ".l%zu{background:%s;color:%s}\n", li,
		    level_fill[k], level_ink[k]);
	}
	fputs("</style>\n</head>\n<body>\n<header>\n<h1>", h->out);
	page_title(h, title);
	fputs("</h1>\n", h->out);
	byline(h);
	fputs("<p>", h->out);
	say0(h, RS_MSG_FRAMEWORK);
	fputs(": ", h->out);
	esc(h, rs_framework_label(h->r));
	if (fw->version[0] != '\0') {
		fputs(" (", h->out);
		SAY(h, 1, RS_MSG_VERSION, NUM(fw->version));
		fputc(')', h->out);
	}
	if (h->r->base != NULL) {
		fputs("</p>\n<p>", h->out);
		say0(h, RS_MSG_SINCE_BASELINE);
		fputs(" <span dir=\"ltr\">", h->out);
		esc(h, h->r->base->path);
		fputs("</span>.", h->out);
		if (h->r->change != NULL && h->r->change->refused &&
		    fw->pipeline == NULL) {
			fputc(' ', h->out);
			SAY(h, 1, RS_MSG_REFUSED, NUM(h->r->base->version),
			    NUM(fw->version));
			fputc('.', h->out);
		}
	}
	fputs("</p>\n<p class=\"note\">", h->out);
	say0(h, RS_MSG_COVERAGE_NOTE);
	if (rs_like_available(h->r)) {
		fputc(' ', h->out);
		say0(h, RS_MSG_LIKE_NOTE);
	}
	fputs("</p>\n</header>\n<main>\n", h->out);
	missing_para(h);
	if (h->r->res != NULL && h->r->res->ncities == 0) {
		fputs("<p>", h->out);
		say0(h, RS_MSG_NO_CITIES);
		fputs("</p>\n", h->out);
	}
}

/* "Weak (0 to 20), Moderate (20 to 40), ...": the levels' bands. */
static void
level_bands(const struct html *h, const void *ctx)
{
	const struct rs_framework *fw = h->r->fw;
	char lo[32], hi[32];
	size_t li;

	(void)ctx;
	for (li = 0; li < fw->nlevels; li++) {
		if (li > 0)
			say0(h, RS_MSG_COMMA);
		rs_fmt_value(lo, sizeof(lo), fw->levels[li].min);
		rs_fmt_value(hi, sizeof(hi), level_top(fw, li));
		SAY(h, 1, RS_MSG_LEVEL_RANGE, TXT(level_name(h, li)),
		    NUM(lo), NUM(hi));
	}
}

/*
 * The link to the scoring contract: docs/methodology.md of the source,
 * installed beside README.md (share/doc/resilience/methodology.md).
 */
static void
method_link(const struct html *h, const void *ctx)
{
	(void)ctx;
	fputs("<a href=\"docs/methodology.md\" dir=\"ltr\">"
	    "docs/methodology.md</a>", h->out);
}

/* The link to how a plan is computed: docs/planning.md, as above. */
static void
plan_link(const struct html *h, const void *ctx)
{
	(void)ctx;
	fputs("<a href=\"docs/planning.md\" dir=\"ltr\">"
	    "docs/planning.md</a>", h->out);
}

/*
 * The methodology note: how the numbers are made, and where to read more;
 * with plan, also how the plan is computed.
 */
static void
methodology_block(const struct html *h, int plan)
{
	const struct rs_framework *fw = h->r->fw;
	char cov[32];

	snprintf(cov, sizeof(cov), "%g%%", 100 * fw->min_coverage);
	fputs("<section class=\"methodology\">\n<h2>", h->out);
	say0(h, RS_MSG_METHODOLOGY);
	fputs("</h2>\n<p>", h->out);
	SAY(h, 1, RS_MSG_METHOD_TEXT, NUM(cov), FN(level_bands, NULL));
	if (plan) {
		fputs("</p>\n<p>", h->out);
		SAY(h, 1, RS_MSG_PLAN_METHOD, FN(plan_link, NULL),
		    NUM("--horizon"), NUM("max_change_per_year"));
	}
	fputs("</p>\n<p>", h->out);
	SAY(h, 1, RS_MSG_METHOD_LINK, FN(method_link, NULL));
	fputs("</p>\n</section>\n", h->out);
}

static void
page_foot(struct html *h)
{
	fputs("</main>\n<footer>\n<p>", h->out);
	say0(h, RS_MSG_FOOTER);
	fputs("</p>\n</footer>\n</body>\n</html>\n", h->out);
}

/* ---- table cells -------------------------------------------------- */

static void
th(const struct html *h, enum rs_msg m, int num)
{
	fputs(num ? "<th class=\"num\">" : "<th>", h->out);
	say0(h, m);
	fputs("</th>", h->out);
}

static void
td_text(const struct html *h, const char *s)
{
	fputs("<td>", h->out);
	if (s != NULL)
		esc(h, s);
	fputs("</td>", h->out);
}

/* How a number cell shows its value. */
enum num_kind {
	NUM_SCORE,		/* 46.8 */
	NUM_PERCENT,		/* 100.0% of a share */
	NUM_GAIN,		/* +5.00 */
	NUM_COUNT,		/* 3 */
	NUM_CHANGE,		/* -2.6, 0.0 */
};

/* A number cell, or n/a for NaN. */
static void
td_num(const struct html *h, enum num_kind kind, double v)
{
	char buf[64];

	fputs("<td class=\"num\">", h->out);
	if (isnan(v)) {
		say0(h, RS_MSG_NA);
		fputs("</td>", h->out);
		return;
	}
	v += 0.0;
	switch (kind) {
	case NUM_SCORE:
		snprintf(buf, sizeof(buf), "%.1f", v);
		break;
	case NUM_PERCENT:
		rs_fmt_percent(buf, sizeof(buf), v);
		break;
	case NUM_GAIN:
		snprintf(buf, sizeof(buf), "+%.2f", v);
		break;
	case NUM_CHANGE:
		if (fabs(v) < 0.05)
			snprintf(buf, sizeof(buf), "0.0");
		else
			snprintf(buf, sizeof(buf), "%+.1f", v);
		break;
	case NUM_COUNT:
	default:
		snprintf(buf, sizeof(buf), "%.0f", v);
		break;
	}
	put_num(h, 1, buf);
	fputs("</td>", h->out);
}

/* A level's colour chip and name. */
static void
level_chip(const struct html *h, size_t li)
{
	if (li != RS_NONE)
		fprintf(h->out, "<span class=\"chip l%zu\"></span>", li);
	esc(h, level_name(h, li));
}

/*
 * The level of row node (RS_NONE: the city) of city ci, marked when the
 * score is indicative (docs/methodology.md, "Indicative scores").
 */
static void
td_level_of(const struct html *h, size_t ci, size_t node, double s)
{
	fputs("<td>", h->out);
	level_chip(h, level_of(h->r->fw, s));
	if (rs_indicative(h->r, ci, node)) {
		fputs(" <em class=\"indicative\">(", h->out);
		say0(h, RS_MSG_INDICATIVE);
		fputs(")</em>", h->out);
	}
	fputs("</td>", h->out);
}

/* ", from 2014 to 2022, 1 undated": the years city ci's values span. */
static void
years_clause(const struct html *h, size_t ci)
{
	char a[32], b[32];
	const char *comma = msg(h, RS_MSG_COMMA);
	size_t undated, stale;
	long lo, hi;

	if (rs_city_years(h->r, ci, &lo, &hi, &undated, &stale)) {
		snprintf(a, sizeof(a), "%ld", lo);
		snprintf(b, sizeof(b), "%ld", hi);
		fputs(comma, h->out);
		if (lo == hi)
			SAY(h, 1, RS_MSG_DATA_YEAR, NUM(a));
		else
			SAY(h, 1, RS_MSG_DATA_SPAN, NUM(a), NUM(b));
	}
	if (undated > 0) {
		snprintf(a, sizeof(a), "%zu", undated);
		fputs(comma, h->out);
		SAY(h, 1, RS_MSG_DATA_UNDATED, NUM(a));
	}
	if (stale > 0) {
		snprintf(a, sizeof(a), "%zu", stale);
		snprintf(b, sizeof(b), "%ld", h->r->year - h->r->max_age);
		fputs(comma, h->out);
		SAY(h, 1, RS_MSG_DATA_STALE, NUM(a), NUM(b));
	}
}

/* The values --max-age left out of city ci's score, as a paragraph. */
static void
city_notes(const struct html *h, size_t ci)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_obs *o;
	char year[32], v[64];
	size_t k, node, n = 0;

	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		if ((o = rs_stale_obs(h->r, ci, node)) == NULL)
			continue;
		if (n++ == 0) {
			snprintf(year, sizeof(year), "%ld", h->r->year -
			    h->r->max_age);
			fputs("<p class=\"note\">", h->out);
			SAY(h, 1, RS_MSG_STALE, NUM(year));
			fputs(": ", h->out);
		} else {
			say0(h, RS_MSG_COMMA);
		}
		snprintf(year, sizeof(year), "%d", o->year);
		rs_fmt_value(v, sizeof(v), o->value);
		SAY(h, 1, RS_MSG_STALE_ITEM, FN(say_id, fw->nodes[node].id),
		    NUM(year), NUM(v));
	}
	if (n > 0)
		fputs("</p>\n", h->out);
}

/* "Score 46.8 (Moderate) · Coverage 100.0% · Rank 2 of 3 · ..." */
static void
city_summary(const struct html *h, size_t ci)
{
	const struct rs_results *res = h->r->res;
	const struct rs_city_result *c = &res->cities[ci];
	size_t nind = h->r->fw->nindicators;
	char a[64], b[64];

	fputs("<p class=\"summary\">", h->out);
	if (isnan(c->score)) {
		rs_fmt_percent(a, sizeof(a), c->coverage);
		snprintf(b, sizeof(b), "%g%%", 100 * h->r->fw->min_coverage);
		SAY(h, 1, RS_MSG_NO_SCORE, NUM(a), NUM(b));
	} else {
		say0(h, RS_MSG_SCORE);
		snprintf(a, sizeof(a), "%.1f", c->score);
		fputs(" <b>", h->out);
		put_num(h, 1, a);
		fputs("</b> (", h->out);
		level_chip(h, c->level);
		if (rs_indicative(h->r, ci, RS_NONE)) {
			fputs(", <em class=\"indicative\">", h->out);
			say0(h, RS_MSG_INDICATIVE);
			fputs("</em>", h->out);
		}
		fputs(") | <span class=\"coverage\">", h->out);
		say0(h, RS_MSG_COVERAGE);
		rs_fmt_percent(a, sizeof(a), c->coverage);
		fputc(' ', h->out);
		put_num(h, 1, a);
		fputs("</span>", h->out);
	}
	if (c->rank > 0 && res->ncities > 1) {
		fputs(" | ", h->out);
		say0(h, RS_MSG_RANK);
		fputc(' ', h->out);
		snprintf(a, sizeof(a), "%ld", c->rank);
		snprintf(b, sizeof(b), "%zu", res->ncities);
		SAY(h, 1, RS_MSG_OF, NUM(a), NUM(b));
	}
	fputs(" | ", h->out);
	say0(h, RS_MSG_DATA);
	fputs(": ", h->out);
	snprintf(a, sizeof(a), "%zu", nind - c->nmissing);
	snprintf(b, sizeof(b), "%zu", nind);
	SAY(h, 1, RS_MSG_OF, NUM(a), NUM(b));
	years_clause(h, ci);
	fputs("</p>\n", h->out);
	if (rs_indicative(h->r, ci, RS_NONE)) {
		char note[1024];

		fputs("<p class=\"indicative\"><strong>", h->out);
		esc(h, rs_indicative_note(note, sizeof(note), h->r, ci));
		fputs("</strong></p>\n", h->out);
	}
	city_notes(h, ci);
}

/* ---- SVG ---------------------------------------------------------- */

/* Logical x (growing in the reading direction) to SVG's x. */
static double
px(const struct html *h, double x)
{
	return h->rtl ? h->w - x : x;
}

/*
 * Open a <text> at SVG coordinates (x, y) whose left (edge -1), middle (0)
 * or right (1) end is at x.  A number runs left to right whatever the
 * page; other text runs in the page's direction, which flips what "start"
 * and "end" mean.
 */
static void
text_at(const struct html *h, double x, double y, int edge, const char *cls,
    int number)
{
	char bx[32], by[32];
	int rtl = h->rtl && !number;
	const char *anchor = edge == 0 ? "middle" :
	    (edge < 0) != rtl ? "start" : "end";

	fprintf(h->out, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\"",
	    rs_svg_num(bx, sizeof(bx), x), rs_svg_num(by, sizeof(by), y),
	    anchor);
	if (number && h->rtl)
		fputs(" direction=\"ltr\"", h->out);
	if (cls != NULL)
		fprintf(h->out, " class=\"%s\"", cls);
	fputc('>', h->out);
}

/* The same at a logical x, edge -1 being the end text starts from. */
static void
text_logical(const struct html *h, double x, double y, int edge,
    const char *cls, int number)
{
	text_at(h, px(h, x), y, h->rtl ? -edge : edge, cls, number);
}

/* A whole <text> of s (escaped) at logical x. */
static void
text_put(const struct html *h, double x, double y, int edge, const char *cls,
    const char *s, int number)
{
	text_logical(h, x, y, edge, cls, number);
	esc(h, s);
	fputs("</text>\n", h->out);
}

/* A rectangle at logical x, w wide; extra is more attributes. */
static void
rect(const struct html *h, double x, double y, double w, double ht,
    const char *extra)
{
	char b[4][32];

	fprintf(h->out, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" "
	    "%s", rs_svg_num(b[0], sizeof(b[0]), h->rtl ? h->w - x - w : x),
	    rs_svg_num(b[1], sizeof(b[1]), y),
	    rs_svg_num(b[2], sizeof(b[2]), w),
	    rs_svg_num(b[3], sizeof(b[3]), ht), extra);
}

static void
line(const struct html *h, double x1, double y1, double x2, double y2,
    const char *stroke)
{
	char b[4][32];

	fprintf(h->out, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" "
	    "stroke=\"%s\"/>\n", rs_svg_num(b[0], sizeof(b[0]), px(h, x1)),
	    rs_svg_num(b[1], sizeof(b[1]), y1),
	    rs_svg_num(b[2], sizeof(b[2]), px(h, x2)),
	    rs_svg_num(b[3], sizeof(b[3]), y2), stroke);
}

/*
 * What a line must not break inside (an indicator code, "RPI 2-2.4"):
 * its spaces are GLUE in the text that text_wrapped() wraps.
 */
#define GLUE '\x01'

/* s[0..n) of a wrapped text, each GLUE written as the space it stands for. */
static void
put_glued(const struct html *h, const char *s, size_t n)
{
	const char *g;

	while (n > 0 && (g = memchr(s, GLUE, n)) != NULL) {
		esc_n(h, s, (size_t)(g - s));
		fputc(' ', h->out);
		n -= (size_t)(g - s) + 1;
		s = g + 1;
	}
	esc_n(h, s, n);
}

/* Copy id into buf with its spaces as GLUE. */
static const char *
glue_id(char *buf, size_t n, const char *id)
{
	size_t k;

	for (k = 0; k + 1 < n && id[k] != '\0'; k++)
		buf[k] = id[k] == ' ' ? GLUE : id[k];
	buf[k] = '\0';
	return buf;
}

/*
 * Up to maxlines lines of s, each at most cols columns wide, broken at
 * spaces (never at a GLUE) (a last line that does not fit ends in "..."), as <tspan>s of a
 * <text> at logical x.  Returns the number of lines.
 */
static int
text_wrapped(const struct html *h, double x, double y, int edge,
    const char *cls, const char *s, size_t cols, int maxlines, double lh)
{
	const char *p = s, *end, *brk;
	char bx[32], bdy[32];
	size_t fit;
	int n = 0, trunc;

	text_logical(h, x, y, edge, cls, 0);
	while (*p != '\0' && n < maxlines) {
		while (*p == ' ')
			p++;
		if (n + 1 == maxlines || rs_utf8_width(p) <= cols) {
			fit = rs_utf8_fit(p, cols, &trunc);
			end = p + fit;
		} else {
			/* The last space that keeps the line within cols. */
			end = NULL;
			for (brk = p; *brk != '\0'; brk++)
				if (*brk == ' ' && rs_utf8_nwidth(p,
				    (size_t)(brk - p)) <= cols)
					end = brk;
			if (end == NULL || end == p) {
				fit = rs_utf8_fit(p, cols, &trunc);
				end = p + fit;
			}
			trunc = 0;
		}
		fprintf(h->out, "<tspan x=\"%s\" dy=\"%s\">",
		    rs_svg_num(bx, sizeof(bx), px(h, x)),
		    rs_svg_num(bdy, sizeof(bdy), n == 0 ? 0 : lh));
		put_glued(h, p, (size_t)(end - p));
		p = end;
		if (trunc) {
			fputs("...", h->out);
			p += strlen(p);
		}
		fputs("</tspan>", h->out);
		n++;
	}
	fputs("</text>\n", h->out);
	return n;
}

/* The lines text_wrapped() would take, without writing them. */
static int
wrapped_lines(const char *s, size_t cols, int maxlines)
{
	const char *p = s, *brk, *end;
	int n = 0, t;

	while (*p != '\0' && n < maxlines) {
		while (*p == ' ')
			p++;
		n++;
		if (rs_utf8_width(p) <= cols)
			break;
		end = NULL;
		for (brk = p; *brk != '\0'; brk++)
			if (*brk == ' ' && rs_utf8_nwidth(p,
			    (size_t)(brk - p)) <= cols)
				end = brk;
		if (end == NULL || end == p) {
			p += rs_utf8_fit(p, cols, &t);
			continue;
		}
		p = end;
	}
	return n;
}

/*
 * Open a chart w x ht: <figure>, <svg> and its <title>; the caller writes
 * the title, then calls svg_desc() and writes the text alternative, then
 * svg_body() and the drawing, then svg_end().
 */
static void
svg_begin(struct html *h, double w, double ht)
{
	char bw[32], bh[32];
	int id = ++h->nsvg;

	h->w = w;
	rs_svg_num(bw, sizeof(bw), w);
	rs_svg_num(bh, sizeof(bh), ht);
	fprintf(h->out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" role=\"img\" "
	    "aria-labelledby=\"c%d-t c%d-d\" direction=\"%s\">\n"
	    "<title id=\"c%d-t\">", bw, bh, bw, bh, id, id,
	    h->rtl ? "rtl" : "ltr", id);
}

static void
svg_desc(const struct html *h)
{
	fprintf(h->out, "</title>\n<desc id=\"c%d-d\">", h->nsvg);
}

/* Close the <desc> and draw the white ground and the visible title. */
static void
svg_body(const struct html *h, enum rs_msg title, const char *arg)
{
	fputs("</desc>\n", h->out);
	rect(h, 0, 0, h->w, 100000, "fill=\"#ffffff\"/>\n");
	text_logical(h, 8, 18, -1, "t", 0);
	SAY(h, 0, title, TXT(arg != NULL ? arg : ""));
	fputs("</text>\n", h->out);
}

static void
svg_end(const struct html *h)
{
	fputs("</svg>\n</figure>\n", h->out);
}

/* The rows a legend of n entries in ncols columns takes. */
static size_t
rows(size_t n, size_t ncols)
{
	return (n + ncols - 1) / ncols;
}

/* Where entry k of a legend of ncols columns starting at y0 goes. */
static void
legend_pos(const struct html *h, size_t k, size_t ncols, double y0,
    double *x, double *y)
{
	double colw = (h->w - 16) / (double)ncols;
	size_t row = k / ncols, col = k % ncols;

	*x = 8 + colw * (double)col;
	*y = y0 + 18 * (double)row;
}

/* A legend swatch at logical (x, y): fill, or hatched when fill NULL. */
static void
swatch(const struct html *h, double x, double y, const char *fill)
{
	char extra[160];

	if (fill != NULL)
		snprintf(extra, sizeof(extra), "fill=\"%s\" "
		    "stroke=\"#555\"/>\n", fill);
	else
		snprintf(extra, sizeof(extra), "fill=\"url(#c%d-hatch)\" "
		    "stroke=\"#555\"/>\n", h->nsvg);
	rect(h, x, y - 10, 12, 12, extra);
}

/* The legend of the levels from y0: "Weak (0 to 20)" ... */
static void
legend_levels(const struct html *h, double y0, size_t ncols, int hatch)
{
	const struct rs_framework *fw = h->r->fw;
	size_t li, k = 0;
	double x, y;
	char lo[32], hi[32];

	text_put(h, 8, y0, -1, "b", msg(h, RS_MSG_LEVELS), 0);
	y0 += 18;
	for (li = 0; li < fw->nlevels; li++, k++) {
		legend_pos(h, k, ncols, y0, &x, &y);
		swatch(h, x, y, level_fill[level_color(fw, li)]);
		text_logical(h, x + 17, y, -1, NULL, 0);
		rs_fmt_value(lo, sizeof(lo), fw->levels[li].min);
		rs_fmt_value(hi, sizeof(hi), level_top(fw, li));
		SAY(h, 0, RS_MSG_LEVEL_RANGE, TXT(level_name(h, li)),
		    NUM(lo), NUM(hi));
		fputs("</text>\n", h->out);
	}
	if (hatch) {
		legend_pos(h, k++, ncols, y0, &x, &y);
		swatch(h, x, y, NULL);
		text_put(h, x + 17, y, -1, NULL, msg(h, RS_MSG_NO_DATA), 0);
	}
}

/* The hatch pattern of cells without data. */
static void
hatch_pattern(const struct html *h)
{
	fprintf(h->out, "<defs><pattern id=\"c%d-hatch\" width=\"6\" "
	    "height=\"6\" patternUnits=\"userSpaceOnUse\" "
	    "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
	    "fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
	    "stroke=\"#888888\" stroke-width=\"2\"/></pattern></defs>\n",
	    h->nsvg);
}

/* "Name: 46.8 (Moderate)", the text of one score, for desc and title. */
static void
say_score(const struct html *h, const char *name, double s)
{
	char v[32];

	esc(h, name);
	fputs(": ", h->out);
	if (isnan(s)) {
		say0(h, RS_MSG_NA);
		return;
	}
	snprintf(v, sizeof(v), "%.1f", s);
	fprintf(h->out, "%s (", v);
	esc(h, level_name(h, level_of(h->r->fw, s)));
	fputc(')', h->out);
}

/* A polygon's points: n axes at radius r% of radius, or scores. */
static void
radar_points(const struct html *h, double cx, double cy, double radius,
    size_t n, const double *scores, double r)
{
	char bx[32], by[32];
	double x, y;
	size_t k;

	for (k = 0; k < n; k++) {
		rs_svg_radar_point(cx, cy, radius, n, k, scores != NULL ?
		    scores[k] : r, h->rtl, &x, &y);
		fprintf(h->out, "%s%s,%s", k > 0 ? " " : "",
		    rs_svg_num(bx, sizeof(bx), x),
		    rs_svg_num(by, sizeof(by), y));
	}
}

/* The scores of a city's areas, "Area: 46.8 (Moderate); ...". */
static void
list_areas(const struct html *h, const void *ctx)
{
	const struct rs_city_result *c = ctx;
	const struct rs_framework *fw = h->r->fw;
	size_t k;

	for (k = 0; k < fw->ntop; k++) {
		if (k > 0)
			say0(h, RS_MSG_SEMICOLON);
		say_score(h, rs_node_label(h->r, fw->top[k]),
		    c->score_of[fw->top[k]]);
	}
}

/* The radar chart of city ci's areas, the level bands shaded. */
static void
radar(struct html *h, size_t ci)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_city_result *c = &h->r->res->cities[ci];
	size_t n = fw->ntop, k, li;
	double cx = 260, cy = 200, R = 120, x, y, ly, m, legend_y;
	double *s;
	char bx[32], by[32];
	int edge, lines;

	if (n < 3)
		return;		/* two axes make no polygon */
	s = rs_malloc(n * sizeof(double));
	for (k = 0; k < n; k++)
		s[k] = c->score_of[fw->top[k]];
	/* The legend: the levels from y 372, then the city's polygon. */
	legend_y = 372 + 18 + 18 * (double)rows(fw->nlevels, 2);
	svg_begin(h, 520, legend_y + 12);
	SAY(h, 0, RS_MSG_RADAR_TITLE, TXT(c->name));
	svg_desc(h);
	SAY(h, 0, RS_MSG_RADAR_DESC, TXT(c->name), FN(list_areas, c));
	svg_body(h, RS_MSG_RADAR_TITLE, c->name);
	/*
	 * The bands, the outermost first, each painted over by the next;
	 * the group's opacity lightens them without mixing their colours.
	 */
	fputs("<g opacity=\"0.6\">\n", h->out);
	for (li = fw->nlevels; li-- > 0;) {
		fputs("<polygon points=\"", h->out);
		radar_points(h, cx, cy, R, n, NULL, level_top(fw, li));
		fprintf(h->out, "\" fill=\"%s\" stroke=\"#666666\" "
		    "stroke-width=\"0.5\"/>\n",
		    level_fill[level_color(fw, li)]);
	}
	fputs("</g>\n", h->out);
	for (k = 0; k < n; k++) {
		rs_svg_radar_point(cx, cy, R, n, k, 100, h->rtl, &x, &y);
		fprintf(h->out, "<line x1=\"%s\" y1=\"%s\" ",
		    rs_svg_num(bx, sizeof(bx), cx),
		    rs_svg_num(by, sizeof(by), cy));
		fprintf(h->out, "x2=\"%s\" y2=\"%s\" stroke=\"#666666\" "
		    "stroke-width=\"0.5\"/>\n", rs_svg_num(bx, sizeof(bx), x),
		    rs_svg_num(by, sizeof(by), y));
	}
	/* The scale: the cut-offs up the first axis. */
	for (li = 1; li <= fw->nlevels; li++) {
		m = level_top(fw, li - 1);
		text_at(h, cx + (h->rtl ? -3 : 3), cy - R * m / 100 - 2,
		    h->rtl ? 1 : -1, "s", 1);
		fprintf(h->out, "%s</text>\n", rs_fmt_value(bx, sizeof(bx),
		    m));
	}
	fputs("<polygon points=\"", h->out);
	radar_points(h, cx, cy, R, n, s, 0);
	fputs("\" fill=\"#000000\" fill-opacity=\"0.18\" stroke=\"#000000\" "
	    "stroke-width=\"2\"/>\n", h->out);
	for (k = 0; k < n; k++) {
		rs_svg_radar_point(cx, cy, R, n, k, s[k], h->rtl, &x, &y);
		fprintf(h->out, "<circle cx=\"%s\" cy=\"%s\" r=\"3.5\" "
		    "fill=\"#000000\"><title>", rs_svg_num(bx, sizeof(bx), x),
		    rs_svg_num(by, sizeof(by), y));
		say_score(h, rs_node_label(h->r, fw->top[k]), s[k]);
		fputs("</title></circle>\n", h->out);
	}
	/* The axes' names just outside the 100 ring, away from the centre. */
	for (k = 0; k < n; k++) {
		const char *name = rs_node_label(h->r, fw->top[k]);

		rs_svg_radar_point(cx, cy, R + 10, n, k, 100, h->rtl, &x, &y);
		edge = x > cx + 1 ? -1 : x < cx - 1 ? 1 : 0;
		lines = wrapped_lines(name, 20, 3);
		/* Clear of the scale's numbers above the top axis. */
		if (k == 0)
			y -= 6;
		ly = y < cy - 1 ? y - 12 * (double)(lines - 1) :
		    y > cy + 1 ? y + 9 : y - 6 * (double)(lines - 1) + 4;
		/* text_wrapped() takes logical x and edge: px() undone. */
		text_wrapped(h, px(h, x), ly, h->rtl ? -edge : edge, NULL,
		    name, 20, 3, 12);
	}
	legend_levels(h, 372, 2, 0);
	rect(h, 8, legend_y - 10, 12, 12, "fill=\"#000000\" "
	    "fill-opacity=\"0.18\" stroke=\"#000000\" stroke-width=\"2\"/>\n");
	text_put(h, 25, legend_y, -1, NULL, msg(h, RS_MSG_CITY_POLYGON), 0);
	free(s);
	svg_end(h);
}

/* The colour of city k in the charts. */
static const char *
city_color(size_t k)
{
	return city_fill[k % NCITY_FILL];
}

/* The scores of every city in every area, for the bars' description. */
static void
list_area_cities(const struct html *h, const void *ctx)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_results *res = h->r->res;
	size_t k, ci;
	char v[32];

	(void)ctx;
	for (k = 0; k < fw->ntop; k++) {
		if (k > 0)
			say0(h, RS_MSG_SEMICOLON);
		esc(h, rs_node_label(h->r, fw->top[k]));
		fputs(": ", h->out);
		for (ci = 0; ci < res->ncities; ci++) {
			double s = res->cities[ci].score_of[fw->top[k]];

			if (ci > 0)
				say0(h, RS_MSG_COMMA);
			esc(h, res->cities[ci].name);
			fputc(' ', h->out);
			if (isnan(s))
				say0(h, RS_MSG_NA);
			else
				fprintf(h->out, "%s", rs_svg_num(v, sizeof(v),
				    floor(s * 10 + 0.5) / 10));
		}
	}
}

/*
 * The x axis of a horizontal bar chart from logical x0 to x1 at y: ticks
 * every step from 0 to max, their numbers and the axis title.
 */
static void
x_axis(const struct html *h, double x0, double x1, double ytop, double y,
    double max, double step, enum rs_msg title)
{
	double v, x;
	char b[32];
	int i;

	for (i = 0; (v = step * i) <= max + step / 1000; i++) {
		x = rs_svg_scale(v, 0, max, x0, x1);
		line(h, x, ytop, x, y + 4, i == 0 ? "#000000" : "#bbbbbb");
		text_logical(h, x, y + 16, 0, "s", 1);
		fprintf(h->out, "%s</text>\n", rs_svg_num(b, sizeof(b), v));
	}
	line(h, x0, y, x1, y, "#000000");
	text_put(h, (x0 + x1) / 2, y + 32, 0, "b", msg(h, title), 0);
}

/* The grouped bars: one group per area, one bar per city. */
static void
area_bars(struct html *h)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_results *res = h->r->res;
	size_t nc = res->ncities, k, ci, li, ncols = 4;
	double x0 = 230, x1 = 690, top = 56, barh = 14, gap = 14;
	double gh = barh * (double)nc + gap, bottom, y, xs, ly;
	char extra[200], v[32];

	if (fw->ntop == 0 || nc == 0)
		return;
	bottom = top + gh * (double)fw->ntop;
	svg_begin(h, 720, bottom + 60 + 18 * (double)rows(nc, ncols) + 24);
	say0(h, RS_MSG_BARS_TITLE);
	svg_desc(h);
	SAY(h, 0, RS_MSG_BARS_DESC, FN(list_area_cities, NULL));
	svg_body(h, RS_MSG_BARS_TITLE, NULL);
	/* The level bands behind the bars, faint. */
	for (li = 0; li < fw->nlevels; li++) {
		xs = rs_svg_scale(fw->levels[li].min, 0, 100, x0, x1);
		snprintf(extra, sizeof(extra), "fill=\"%s\" fill-opacity="
		    "\"0.35\"/>\n", level_fill[level_color(fw, li)]);
		rect(h, xs, top, rs_svg_scale(level_top(fw, li), 0, 100, x0,
		    x1) - xs, bottom - top, extra);
	}
	x_axis(h, x0, x1, top, bottom, 100, 20, RS_MSG_AXIS_SCORE);
	text_put(h, x0 - 8, top - 10, 1, "b", msg(h, RS_MSG_AXIS_AREA), 0);
	for (k = 0; k < fw->ntop; k++) {
		size_t node = fw->top[k];
		const char *name = rs_node_label(h->r, node);
		int lines = wrapped_lines(name, 34, 3);

		y = top + gh * (double)k + gap / 2;
		text_wrapped(h, x0 - 8, y + gh / 2 - gap / 2 + 4 -
		    6 * (double)(lines - 1), 1, NULL, name, 34, 3, 12);
		for (ci = 0; ci < nc; ci++) {
			double s = res->cities[ci].score_of[node];
			double yb = y + barh * (double)ci;

			if (isnan(s)) {
				text_put(h, x0 + 4, yb + barh - 3, -1, "s",
				    msg(h, RS_MSG_NA), 0);
				continue;
			}
			snprintf(extra, sizeof(extra), "fill=\"%s\" stroke="
			    "\"#333333\" stroke-width=\"0.5\"><title>",
			    city_color(ci));
			rect(h, x0, yb + 1, rs_svg_scale(s, 0, 100, 0, x1 - x0),
			    barh - 2, extra);
			esc(h, res->cities[ci].name);
			say0(h, RS_MSG_COMMA);
			say_score(h, name, s);
			fputs("</title></rect>\n", h->out);
			snprintf(v, sizeof(v), "%.1f", s);
			text_put(h, rs_svg_scale(s, 0, 100, x0, x1) + 3,
			    yb + barh - 3, -1, "s", v, 1);
		}
	}
	ly = bottom + 56;
	text_put(h, 8, ly, -1, "b", msg(h, RS_MSG_CITIES), 0);
	for (ci = 0; ci < nc; ci++) {
		legend_pos(h, ci, ncols, ly + 18, &xs, &y);
		swatch(h, xs, y, city_color(ci));
		text_logical(h, xs + 17, y, -1, NULL, 0);
		esc(h, res->cities[ci].name);
		fputs("</text>\n", h->out);
	}
	svg_end(h);
}

/* The heat map's description needs its counts. */
struct heat_counts {
	char rows[32], cols[32], missing[32];
};

/* The heat map: an indicator per row, a city per column, by level. */
static void
heat_map(struct html *h)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_results *res = h->r->res;
	size_t nc = res->ncities, i, ci, li, missing = 0, nrows = 0;
	double lab = 330, cw = 64, rh = 15, top = 88, y, w, x;
	struct heat_counts hc;
	char extra[200], v[32];

	if (nc == 0 || fw->nindicators == 0)
		return;
	for (i = 0; i < fw->nnodes; i++)
		nrows += fw->nodes[i].nchildren == 0 ||
		    fw->nodes[i].depth == 1;
	for (ci = 0; ci < nc; ci++)
		missing += res->cities[ci].nmissing;
	snprintf(hc.rows, sizeof(hc.rows), "%zu", fw->nindicators);
	snprintf(hc.cols, sizeof(hc.cols), "%zu", nc);
	snprintf(hc.missing, sizeof(hc.missing), "%zu", missing);
	w = lab + cw * (double)nc + 16;
	if (w < 520)
		w = 520;
	svg_begin(h, w, top + rh * (double)nrows + 24 + 18 *
	    (double)rows(fw->nlevels + 1, 3) + 30);
	say0(h, RS_MSG_HEAT_TITLE);
	svg_desc(h);
	SAY(h, 0, RS_MSG_HEAT_DESC, NUM(hc.rows), NUM(hc.cols),
	    NUM(hc.missing));
	svg_body(h, RS_MSG_HEAT_TITLE, NULL);
	hatch_pattern(h);
	text_put(h, 8, top - 8, -1, "b", msg(h, RS_MSG_AXIS_INDICATOR), 0);
	text_put(h, lab + cw * (double)nc / 2, 36, 0, "b",
	    msg(h, RS_MSG_CITIES), 0);
	for (ci = 0; ci < nc; ci++)
		text_wrapped(h, lab + cw * ((double)ci + 0.5), 54, 0, "s",
		    res->cities[ci].name, 11, 2, 11);
	y = top;
	for (i = 0; i < fw->nnodes; i++) {
		const struct rs_node *node = &fw->nodes[i];
		char label[400];
		size_t fit;
		int trunc;

		if (node->nchildren > 0) {
			if (node->depth != 1)
				continue;
			y += rh;
			text_wrapped(h, 8, y - 4, -1, "b", rs_node_label(h->r,
			    i), 70, 1, 0);
			continue;
		}
		y += rh;
		snprintf(label, sizeof(label), "%s", rs_node_label(h->r, i));
		/*
		 * The id and the name apart: an id run left to right inside
		 * an Arabic label would move the label's anchor.
		 */
		text_put(h, 8, y - 4, -1, "s", node->id, 1);
		fit = rs_utf8_fit(label, 44, &trunc);
		text_logical(h, 72, y - 4, -1, "s", 0);
		label[fit] = '\0';
		esc(h, label);
		if (trunc)
			fputs("...", h->out);
		fputs("</text>\n", h->out);
		for (ci = 0; ci < nc; ci++) {
			double s = res->cities[ci].score_of[i];

			x = lab + cw * (double)ci;
			li = level_of(fw, s);
			if (li == RS_NONE)
				snprintf(extra, sizeof(extra), "fill=\"url("
				    "#c%d-hatch)\" stroke=\"#ffffff\">"
				    "<title>", h->nsvg);
			else
				snprintf(extra, sizeof(extra), "fill=\"%s\" "
				    "stroke=\"#ffffff\"><title>",
				    level_fill[level_color(fw, li)]);
			rect(h, x, y - rh + 1, cw, rh, extra);
			esc(h, res->cities[ci].name);
			say0(h, RS_MSG_COMMA);
			esc(h, node->id);
			fputc(' ', h->out);
			say_score(h, rs_node_label(h->r, i), s);
			fputs("</title></rect>\n", h->out);
			if (li == RS_NONE)
				continue;
			snprintf(v, sizeof(v), "%.1f", s);
			text_logical(h, x + cw / 2, y - 3, 0, "s", 1);
			fprintf(h->out, "<tspan fill=\"%s\">%s</tspan>"
			    "</text>\n", level_ink[level_color(fw, li)], v);
		}
	}
	legend_levels(h, y + 24, 3, 1);
	svg_end(h);
}

/* An entry of a priorities chart: a node and its gain. */
struct bar_item {
	size_t node;
	const char *prefix;	/* "1.2" for --by node, or NULL */
};

/* The gains of the chart's items, for its description. */
struct pri_ctx {
	const struct rs_city_result *c;
	const struct bar_item *items;
	size_t n;
};

static void
list_gains(const struct html *h, const void *ctx)
{
	const struct pri_ctx *p = ctx;
	size_t k;

	for (k = 0; k < p->n; k++) {
		if (k > 0)
			say0(h, RS_MSG_SEMICOLON);
		esc(h, rs_node_label(h->r, p->items[k].node));
		fprintf(h->out, " +%.2f", p->c->gain_of[p->items[k].node]);
	}
}

/* The priorities bar chart of city ci: the gain of each item. */
static void
gain_bars(struct html *h, size_t ci, const struct bar_item *items, size_t n)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_city_result *c = &h->r->res->cities[ci];
	struct pri_ctx pc = {c, items, n};
	double x0 = 300, x1 = 680, top = 56, rowh = 30, max = 0, step, y, g;
	size_t k, li;
	char extra[200], v[32], label[600], code[256];

	if (n == 0)
		return;
	for (k = 0; k < n; k++)
		if (c->gain_of[items[k].node] > max)
			max = c->gain_of[items[k].node];
	step = rs_svg_nice_step(max);
	max = step * ceil(max / step);
	if (!(max > 0))
		max = step;
	svg_begin(h, 720, top + rowh * (double)n + 60 + 18 *
	    (double)rows(fw->nlevels, 3) + 24);
	SAY(h, 0, RS_MSG_PRI_TITLE, TXT(c->name));
	svg_desc(h);
	SAY(h, 0, RS_MSG_PRI_DESC, TXT(gain_target(h, c)),
	    FN(list_gains, &pc));
	svg_body(h, RS_MSG_PRI_TITLE, c->name);
	x_axis(h, x0, x1, top, top + rowh * (double)n, max, step,
	    RS_MSG_AXIS_GAIN);
	text_put(h, x0 - 8, top - 10, 1, "b", msg(h, RS_MSG_AXIS_INDICATOR),
	    0);
	for (k = 0; k < n; k++) {
		size_t node = items[k].node;
		int lines;

		y = top + rowh * (double)k;
		g = c->gain_of[node];
		snprintf(label, sizeof(label), "%s%s%s (%s)",
		    items[k].prefix != NULL ? items[k].prefix : "",
		    items[k].prefix != NULL ? " " : "",
		    rs_node_label(h->r, node), glue_id(code, sizeof(code),
		    fw->nodes[node].id));
		lines = wrapped_lines(label, 44, 2);
		text_wrapped(h, x0 - 8, y + rowh / 2 + 4 - 6 *
		    (double)(lines - 1), 1, "s", label, 44, 2, 12);
		li = level_of(fw, c->score_of[node]);
		snprintf(extra, sizeof(extra), "fill=\"%s\" stroke=\"#333333\" "
		    "stroke-width=\"0.5\"><title>", li == RS_NONE ? "#999999" :
		    level_fill[level_color(fw, li)]);
		rect(h, x0, y + 6, rs_svg_scale(g, 0, max, 0, x1 - x0),
		    rowh - 12, extra);
		esc(h, rs_node_label(h->r, node));
		fprintf(h->out, " +%.2f</title></rect>\n", g);
		snprintf(v, sizeof(v), "+%.2f", g);
		text_put(h, rs_svg_scale(g, 0, max, x0, x1) + 3,
		    y + rowh / 2 + 4, -1, "s", v, 1);
	}
	/* The bars take the colour of the indicator's level today. */
	legend_levels(h, top + rowh * (double)n + 56, 3, 0);
	svg_end(h);
}

/* ---- tables and views --------------------------------------------- */

/* With a baseline: the heads of the change, like for like, composition. */
static void
change_heads(const struct html *h)
{
	if (h->r->base == NULL)
		return;
	th(h, RS_MSG_H_CHANGE, 1);
	if (!rs_like_available(h->r))
		return;
	th(h, RS_MSG_H_LIKE, 1);
	th(h, RS_MSG_H_COMPOSITION, 1);
}

/* The cells under change_heads() for row node of city ci. */
static void
change_cells(const struct html *h, size_t ci, size_t node)
{
	if (h->r->base == NULL)
		return;
	if (!rs_in_baseline(h->r, ci)) {
		fputs("<td class=\"num\">", h->out);
		say0(h, RS_MSG_NEW);
		fputs("</td>", h->out);
		if (rs_like_available(h->r))
			fputs("<td></td><td></td>", h->out);
		return;
	}
	td_num(h, NUM_CHANGE, rs_row_change(h->r, ci, node));
	if (!rs_like_available(h->r))
		return;
	td_num(h, NUM_CHANGE, rs_row_change_like(h->r, ci, node));
	td_num(h, NUM_CHANGE, rs_row_change_comp(h->r, ci, node));
}

/* A year cell: the year of obs, "undated", or empty. */
static void
td_year(const struct html *h, const struct rs_obs *o)
{
	char v[32];

	fputs("<td class=\"num\">", h->out);
	if (o != NULL && o->has_year) {
		snprintf(v, sizeof(v), "%d", o->year);
		put_num(h, 1, v);
	} else if (o != NULL) {
		say0(h, RS_MSG_UNDATED);
	}
	fputs("</td>", h->out);
}

/* A cell of text quoted from the data or the framework's sources. */
static void
td_src(const struct html *h, const char *s)
{
	fputs("<td class=\"src\">", h->out);
	esc(h, s);
	fputs("</td>", h->out);
}

/* Write a paragraph of sentence b (already in the page's words). */
static void
note_para(const struct html *h, const char *cls, const char *s)
{
	fprintf(h->out, "<p class=\"%s\">", cls);
	esc(h, s);
	fputs("</p>\n", h->out);
}

/*
 * The evidence of city ci (docs/cli.md, "Evidence"): how many values its
 * score stands on and how old, then a table per area of every value with
 * its unit, year, source and whether it is the city's own or a national
 * proxy.  Headings at level hl (area headings one below).
 */
static void
evidence_block(const struct html *h, size_t ci, int hl)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_obs *o;
	struct rs_evidence e;
	struct rs_buf b = {0};
	size_t k, a, i, area;
	char v[64];

	if (h->r->ds == NULL)
		return;
	rs_evidence_of(h->r, ci, &e);
	fprintf(h->out, "<section class=\"evidence\">\n<h%d>", hl);
	say0(h, RS_MSG_EVIDENCE_HEAD);
	fprintf(h->out, "</h%d>\n", hl);
	rs_say_evidence(&b, h->r, &e);
	note_para(h, "evidence-summary", b.s);
	rs_buf_release(&b);
	note_para(h, "note", msg(h, RS_MSG_EVIDENCE_NOTE));
	for (a = 0; a < fw->ntop; a++) {
		area = fw->top[a];
		if (rs_values_below(h->r, ci, area) == 0)
			continue;
		fprintf(h->out, "<h%d>", hl + 1);
		esc(h, rs_node_label(h->r, area));
		fprintf(h->out, "</h%d>\n<table class=\"evidence\">\n"
		    "<thead><tr>", hl + 1);
		th(h, RS_MSG_ID, 0);
		th(h, RS_MSG_INDICATOR, 0);
		th(h, RS_MSG_VALUE, 1);
		th(h, RS_MSG_UNIT, 0);
		th(h, RS_MSG_YEAR, 1);
		th(h, RS_MSG_SCOPE, 0);
		th(h, RS_MSG_SOURCE, 0);
		th(h, RS_MSG_NOTE, 0);
		fputs("</tr></thead>\n<tbody>\n", h->out);
		for (k = 0; k < fw->nindicators; k++) {
			i = fw->indicators[k];
			if (!rs_node_below(fw, i, area) ||
			    (o = rs_value_obs(h->r, ci, i)) == NULL)
				continue;
			fputs("<tr>", h->out);
			td_id(h, fw->nodes[i].id);
			td_text(h, rs_node_label(h->r, i));
			fputs("<td class=\"num\">", h->out);
			put_num(h, 1, rs_fmt_value(v, sizeof(v), o->value));
			fputs("</td>", h->out);
			td_text(h, rs_node_unit(&fw->nodes[i], h->r->lang));
			td_year(h, o);
			td_text(h, msg(h, rs_obs_national(h->r, o) ?
			    RS_MSG_NATIONAL_PROXY : RS_MSG_CITY_LEVEL));
			td_src(h, rs_obs_extra(h->r->ds, o, "source"));
			td_src(h, rs_obs_extra(h->r->ds, o, "note"));
			fputs("</tr>\n", h->out);
		}
		fputs("</tbody>\n</table>\n", h->out);
	}
	fputs("</section>\n", h->out);
}

/*
 * The data-gap annex of city ci: every indicator without a value and the
 * share of the score it would carry, collected and with complete data.
 */
static void
gaps_block(const struct html *h, size_t ci, const size_t *latest, int hl)
{
	const struct rs_report *r = h->r;
	struct rs_collect *col;
	size_t n = rs_gap_list(r, latest, ci, &col), k;

	fprintf(h->out, "<section class=\"gaps\">\n<h%d>", hl);
	say0(h, RS_MSG_GAPS);
	fprintf(h->out, "</h%d>\n", hl);
	if (n == 0) {
		note_para(h, "note", msg(h, RS_MSG_GAPS_NONE));
		fputs("</section>\n", h->out);
		free(col);
		return;
	}
	note_para(h, "note", msg(h, RS_MSG_GAPS_NOTE));
	fputs("<table class=\"gaps\">\n<thead><tr>", h->out);
	th(h, RS_MSG_ID, 0);
	th(h, RS_MSG_INDICATOR, 0);
	th(h, RS_MSG_WEIGHT_IF, 1);
	th(h, RS_MSG_WEIGHT_FULL, 1);
	th(h, RS_MSG_SOURCE, 0);
	th(h, RS_MSG_NOTE, 0);
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (k = 0; k < n; k++) {
		fputs("<tr>", h->out);
		td_id(h, r->fw->nodes[col[k].node].id);
		td_text(h, rs_node_label(r, col[k].node));
		td_num(h, NUM_PERCENT, col[k].weight);
		td_num(h, NUM_PERCENT, col[k].complete);
		td_src(h, rs_name_get(r->fw->nodes[col[k].node].sources,
		    r->fw->nodes[col[k].node].nsources, h->lang, NULL));
		td_src(h, col[k].note);
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n</section>\n", h->out);
	free(col);
}

/* The year of every value: an indicator per row, a city per column. */
static void
years_table(const struct html *h)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_results *res = h->r->res;
	size_t k, ci, node, n = 0;

	for (k = 0; k < fw->nindicators; k++)
		for (ci = 0; ci < res->ncities; ci++)
			if (rs_value_obs(h->r, ci, fw->indicators[k]) != NULL) {
				n++;
				break;
			}
	if (n == 0)
		return;
	fputs("<section>\n<h2>", h->out);
	say0(h, RS_MSG_VALUES);
	fputs("</h2>\n<table>\n<thead><tr>", h->out);
	th(h, RS_MSG_ID, 0);
	th(h, RS_MSG_INDICATOR, 0);
	for (ci = 0; ci < res->ncities; ci++) {
		fputs("<th class=\"num\">", h->out);
		esc(h, res->cities[ci].name);
		fputs("</th>", h->out);
	}
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (k = 0; k < fw->nindicators; k++) {
		node = fw->indicators[k];
		for (ci = 0; ci < res->ncities; ci++)
			if (rs_value_obs(h->r, ci, node) != NULL)
				break;
		if (ci == res->ncities)
			continue;
		fputs("<tr>", h->out);
		td_id(h, fw->nodes[node].id);
		td_text(h, rs_node_label(h->r, node));
		for (ci = 0; ci < res->ncities; ci++)
			td_year(h, rs_value_obs(h->r, ci, node));
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n</section>\n", h->out);
}

/* The table of city ci's areas. */
static void
areas_table(const struct html *h, size_t ci)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_city_result *c = &h->r->res->cities[ci];
	size_t k, i;

	fputs("<table>\n<thead><tr>", h->out);
	th(h, RS_MSG_AREA, 0);
	th(h, RS_MSG_SCORE, 1);
	th(h, RS_MSG_LEVEL, 0);
	th(h, RS_MSG_COVERAGE, 1);
	change_heads(h);
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (k = 0; k < fw->ntop; k++) {
		i = fw->top[k];
		fputs("<tr>", h->out);
		td_text(h, rs_node_label(h->r, i));
		td_num(h, NUM_SCORE, c->score_of[i]);
		td_level_of(h, ci, i, c->score_of[i]);
		td_num(h, NUM_PERCENT, c->coverage_of[i]);
		change_cells(h, ci, i);
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n", h->out);
}

/* "Name (id)" for the sentences; the id is isolated like a number. */
static void
say_node(const struct html *h, const void *ctx)
{
	size_t node = *(const size_t *)ctx;
	const char *name = rs_node_label(h->r, node);

	esc(h, name);
	if (strcmp(name, h->r->fw->nodes[node].id) != 0) {
		fputs(" (", h->out);
		put_id(h, h->r->fw->nodes[node].id);
		fputc(')', h->out);
	}
}

/* The sentence of docs/cli.md, "priorities", in the page's language. */
static void
say_gain(const struct html *h, size_t ci, size_t node)
{
	const struct rs_city_result *c = &h->r->res->cities[ci];
	const struct rs_node *n = &h->r->fw->nodes[node];
	double top = 100;
	char from[32], to[32], gain[32];
	size_t k;

	/* A pipeline's gains run to its normaliser's top (report.c). */
	if (h->r->fw->pipeline != NULL && c->weight_of[node] > 0)
		top = c->score_of[node] + c->gain_of[node] /
		    c->weight_of[node];
	snprintf(from, sizeof(from), "%.1f", c->score_of[node]);
	rs_fmt_value(to, sizeof(to), top);
	snprintf(gain, sizeof(gain), "%.2f", c->gain_of[node]);
	if (n->nchildren == 0 && n->has_goalposts) {
		/* Raw values and unit, the verb after the direction. */
		struct rs_buf parts[3] = {{0}, {0}, {0}};

		rs_say_span_in(h->lang, n, c->value[node],
		    rs_indicator_target(n, c->value[node]),
		    c->score_of[node], top, parts);
		SAY(h, 1, rs_lower_better(n, c->value[node]) ? RS_MSG_SAY_REDUCE :
		    RS_MSG_SAY_RAISE, FN(say_node, &node), NUM(parts[0].s),
		    NUM(parts[1].s), TXT(parts[2].s), NUM(gain),
		    TXT(gain_target(h, c)));
		for (k = 0; k < 3; k++)
			rs_buf_release(&parts[k]);
		return;
	}
	SAY(h, 1, RS_MSG_SAY_GAIN, FN(say_node, &node), NUM(from), NUM(to),
	    NUM(gain), TXT(gain_target(h, c)));
}

static void
say_collect(const struct html *h, const struct rs_collect *it)
{
	char a[32], b[32];

	rs_fmt_percent(b, sizeof(b), it->complete);
	if (it->to_score == 1) {
		SAY(h, 1, RS_MSG_SAY_TO_SCORE_ONE, FN(say_node, &it->node),
		    NUM(b));
	} else if (it->to_score > 0) {
		snprintf(a, sizeof(a), "%zu", it->to_score);
		SAY(h, 1, RS_MSG_SAY_TO_SCORE, FN(say_node, &it->node), NUM(a),
		    NUM(b));
	} else if (isnan(it->weight)) {
		snprintf(a, sizeof(a), "%g%%", 100 * h->r->fw->min_coverage);
		SAY(h, 1, RS_MSG_SAY_BLOCKED, FN(say_node, &it->node),
		    FN(say_node, &it->blocker), NUM(a), NUM(b));
	} else {
		rs_fmt_percent(a, sizeof(a), it->weight);
		SAY(h, 1, RS_MSG_SAY_COLLECT, FN(say_node, &it->node), NUM(a),
		    TXT(gain_target(h, &h->r->res->cities[it->city])),
		    NUM(b));
	}
}

/* "1.2": the rank path of item k of a --by node list. */
static void
rank_path(char *buf, size_t n, const struct rs_node_priority *np, size_t k)
{
	char tail[64];

	snprintf(tail, sizeof(tail), "%zu", np[k].rank);
	if (np[k].parent == RS_NONE) {
		snprintf(buf, n, "%s", tail);
		return;
	}
	rank_path(buf, n, np, np[k].parent);
	snprintf(buf + strlen(buf), n - strlen(buf), ".%s", tail);
}

/*
 * City ci's priorities: the chart, then the table.  full, for the
 * priorities view, adds the sentences and follows --by node.
 */
static void
priorities_block(struct html *h, size_t ci, int full)
{
	const struct rs_report *r = h->r;
	const struct rs_city_result *c = &r->res->cities[ci];
	struct rs_node_priority *np = NULL;
	struct bar_item *items;
	char (*paths)[64] = NULL;
	size_t n, k;
	char v[32];

	if (full && r->by_node) {
		n = rs_node_priorities(r, ci, &np);
		items = rs_malloc((n + 1) * sizeof(*items));
		paths = rs_malloc((n + 1) * sizeof(*paths));
		for (k = 0; k < n; k++) {
			rank_path(paths[k], sizeof(paths[k]), np, k);
			items[k].node = np[k].node;
			items[k].prefix = paths[k];
		}
	} else {
		n = rs_report_top(r, c->npriorities);
		items = rs_malloc((n + 1) * sizeof(*items));
		for (k = 0; k < n; k++) {
			items[k].node = c->priorities[k];
			items[k].prefix = NULL;
		}
	}
	fputs("<h3>", h->out);
	say0(h, RS_MSG_PRIORITIES);
	fputs("</h3>\n", h->out);
	if (n == 0) {
		fputs("<p>", h->out);
		esc(h, rs_none_reason_in(h->r, ci));
		fputs("</p>\n", h->out);
	} else {
		fputs("<p class=\"note\">", h->out);
		SAY(h, 1, RS_MSG_PRIORITIES_NOTE, TXT(gain_target(h, c)));
		fputs("</p>\n", h->out);
		gain_bars(h, ci, items, n);
		fputs("<table>\n<thead><tr><th class=\"num\">#</th>", h->out);
		th(h, RS_MSG_INDICATOR, 0);
		th(h, RS_MSG_ID, 0);
		th(h, RS_MSG_SCORE, 1);
		th(h, RS_MSG_GAIN, 1);
		if (full)
			th(h, RS_MSG_MEANING, 0);
		fputs("</tr></thead>\n<tbody>\n", h->out);
	}
	for (k = 0; k < n; k++) {
		size_t node = items[k].node;

		fputs("<tr><td class=\"num\">", h->out);
		if (items[k].prefix != NULL)
			put_num(h, 1, items[k].prefix);
		else {
			snprintf(v, sizeof(v), "%zu", k + 1);
			put_num(h, 1, v);
		}
		fputs("</td>", h->out);
		td_text(h, rs_node_label(r, node));
		td_id(h, r->fw->nodes[node].id);
		td_num(h, NUM_SCORE, c->score_of[node]);
		td_num(h, NUM_GAIN, c->gain_of[node]);
		if (full) {
			fputs("<td>", h->out);
			say_gain(h, ci, node);
			fputs("</td>", h->out);
		}
		fputs("</tr>\n", h->out);
	}
	if (n > 0)
		fputs("</tbody>\n</table>\n", h->out);
	free(items);
	free(paths);
	free(np);
}

/* The indicators of city ci that the levers allowed do not move. */
static void
context_block(const struct html *h, size_t ci)
{
	const struct rs_report *r = h->r;
	const struct rs_city_result *c = &r->res->cities[ci];
	struct rs_buf b = {0};
	size_t *ctx, n = rs_context_list(r, ci, &ctx), k;
	char v[32];

	if (n > 0) {
		fputs("<h3>", h->out);
		say0(h, RS_MSG_CONTEXT_CAP);
		fputs("</h3>\n<table>\n<thead><tr><th class=\"num\">#</th>",
		    h->out);
		th(h, RS_MSG_INDICATOR, 0);
		th(h, RS_MSG_ID, 0);
		th(h, RS_MSG_LEVER, 0);
		th(h, RS_MSG_GAIN, 1);
		th(h, RS_MSG_MEANING, 0);
		fputs("</tr></thead>\n<tbody>\n", h->out);
	}
	for (k = 0; k < n; k++) {
		snprintf(v, sizeof(v), "%zu", k + 1);
		fputs("<tr><td class=\"num\">", h->out);
		put_num(h, 1, v);
		fputs("</td>", h->out);
		td_text(h, rs_node_label(r, ctx[k]));
		td_id(h, r->fw->nodes[ctx[k]].id);
		td_text(h, rs_lever_word(r, r->fw->nodes[ctx[k]].lever));
		td_num(h, NUM_GAIN, c->gain_of[ctx[k]]);
		rs_say_context_in(&b, r, ci, ctx[k]);
		td_text(h, b.s);
		rs_buf_release(&b);
		fputs("</tr>\n", h->out);
	}
	if (n > 0)
		fputs("</tbody>\n</table>\n", h->out);
	free(ctx);
}

/* The data city ci would gain most from collecting. */
static void
collect_block(const struct html *h, size_t ci, const size_t *latest)
{
	const struct rs_report *r = h->r;
	struct rs_collect *col;
	size_t n = rs_collect_list(r, latest, ci, &col), k;
	char v[32];

	if (n > 0) {
		fputs("<h3>", h->out);
		say0(h, isnan(r->res->cities[ci].score) ?
		    RS_MSG_COLLECT_TO_SCORE_CAP : RS_MSG_COLLECT);
		fputs("</h3>\n<p class=\"note\">", h->out);
		say0(h, RS_MSG_COLLECT_NOTE);
		fputs("</p>\n<table>\n<thead><tr><th class=\"num\">#</th>",
		    h->out);
		th(h, RS_MSG_INDICATOR, 0);
		th(h, RS_MSG_ID, 0);
		th(h, RS_MSG_WEIGHT_IF, 1);
		th(h, RS_MSG_WEIGHT_FULL, 1);
		th(h, RS_MSG_MEANING, 0);
		th(h, RS_MSG_NOTE, 0);
		fputs("</tr></thead>\n<tbody>\n", h->out);
	}
	for (k = 0; k < n; k++) {
		snprintf(v, sizeof(v), "%zu", k + 1);
		fputs("<tr><td class=\"num\">", h->out);
		put_num(h, 1, v);
		fputs("</td>", h->out);
		td_text(h, rs_node_label(r, col[k].node));
		td_id(h, r->fw->nodes[col[k].node].id);
		td_num(h, NUM_PERCENT, col[k].weight);
		td_num(h, NUM_PERCENT, col[k].complete);
		fputs("<td>", h->out);
		say_collect(h, &col[k]);
		fputs("</td>", h->out);
		td_text(h, col[k].note);
		fputs("</tr>\n", h->out);
	}
	if (n > 0)
		fputs("</tbody>\n</table>\n", h->out);
	free(col);
}

/* <section> and <h2> of city ci, and its summary line. */
static void
city_open(const struct html *h, size_t ci)
{
	fputs("<section class=\"city\">\n<h2>", h->out);
	esc(h, h->r->res->cities[ci].name);
	fputs("</h2>\n", h->out);
	city_summary(h, ci);
}

static void
html_init(struct html *h, FILE *out, const struct rs_report *r)
{
	memset(h, 0, sizeof(*h));
	h->out = out;
	h->r = r;
	h->lang = r->lang;
	h->rtl = rs_i18n_rtl(r->lang);
}

/* The table of every city's score, level, coverage and rank. */
static void
cities_table(const struct html *h, const size_t *order, int gap,
    double best)
{
	const struct rs_results *res = h->r->res;
	size_t nind = h->r->fw->nindicators, k, ci;
	char a[32], b[32];

	fputs("<table>\n<thead><tr>", h->out);
	th(h, RS_MSG_RANK, 1);
	th(h, RS_MSG_CITY, 0);
	th(h, RS_MSG_SCORE, 1);
	th(h, RS_MSG_LEVEL, 0);
	th(h, RS_MSG_COVERAGE, 1);
	if (gap)
		th(h, RS_MSG_GAP, 1);
	th(h, RS_MSG_DATA, 1);
	th(h, RS_MSG_YEARS, 1);
	change_heads(h);
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (k = 0; k < res->ncities; k++) {
		const struct rs_city_result *c;

		ci = order != NULL ? order[k] : k;
		c = &res->cities[ci];
		fputs("<tr>", h->out);
		td_num(h, NUM_COUNT, c->rank > 0 ? (double)c->rank :
		    (double)NAN);
		td_text(h, c->name);
		td_num(h, NUM_SCORE, c->score);
		td_level_of(h, ci, RS_NONE, c->score);
		td_num(h, NUM_PERCENT, c->coverage);
		if (gap)
			td_num(h, NUM_SCORE, best - c->score);
		snprintf(a, sizeof(a), "%zu", nind - c->nmissing);
		snprintf(b, sizeof(b), "%zu", nind);
		fputs("<td class=\"num\">", h->out);
		SAY(h, 1, RS_MSG_OF, NUM(a), NUM(b));
		fputs("</td><td class=\"num\">", h->out);
		put_num(h, 1, rs_fmt_years(a, sizeof(a), h->r, ci));
		fputs("</td>", h->out);
		change_cells(h, ci, RS_NONE);
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n", h->out);
}

/* With --baseline: the change of every city and area since it. */
static void
baseline_block(const struct html *h)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_results *res = h->r->res;
	size_t ci, k, node;

	if (h->r->base == NULL || res->ncities == 0)
		return;
	fputs("<section class=\"baseline\">\n<h2>", h->out);
	say0(h, RS_MSG_SECTION_BASELINE);
	fputs("</h2>\n<p class=\"note\">", h->out);
	say0(h, RS_MSG_SINCE_BASELINE);
	fputs(" <span dir=\"ltr\">", h->out);
	esc(h, h->r->base->path);
	fputs("</span>.</p>\n<table class=\"baseline\">\n<thead><tr>",
	    h->out);
	th(h, RS_MSG_CITY, 0);
	th(h, RS_MSG_AREA, 0);
	th(h, RS_MSG_SCORE, 1);
	change_heads(h);
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (ci = 0; ci < res->ncities; ci++)
		for (k = 0; k <= fw->ntop; k++) {
			node = k == 0 ? RS_NONE : fw->top[k - 1];
			fputs("<tr>", h->out);
			td_text(h, k == 0 ? res->cities[ci].name : "");
			td_text(h, node == RS_NONE ? msg(h, RS_MSG_CITY_SCORE) :
			    rs_node_label(h->r, node));
			td_num(h, NUM_SCORE, rs_row_score(&res->cities[ci],
			    node));
			change_cells(h, ci, node);
			fputs("</tr>\n", h->out);
		}
	fputs("</tbody>\n</table>\n</section>\n", h->out);
}

/* An <h3> of the page's words. */
static void
h3(const struct html *h, enum rs_msg m)
{
	fputs("<h3>", h->out);
	say0(h, m);
	fputs("</h3>\n", h->out);
}

/*
 * The sections of city ci on a page of its own (score and priorities):
 * summary and notes, scores and levels, charts and priorities, evidence,
 * the data-gap annex.
 */
static void
city_sections(struct html *h, size_t ci, const size_t *latest, int full)
{
	city_open(h, ci);
	notes_block(h, ci, RS_NONE);
	h3(h, RS_MSG_SECTION_SCORES);
	areas_table(h, ci);
	area_notes(h, ci, 4);
	if (!full) {
		h3(h, RS_MSG_SECTION_CHARTS);
		radar(h, ci);
		priorities_block(h, ci, 0);
	} else if (h->r->top != 0) {
		priorities_block(h, ci, 1);
		context_block(h, ci);
		collect_block(h, ci, latest);
	}
	evidence_block(h, ci, 3);
	gaps_block(h, ci, latest, 3);
	fputs("</section>\n", h->out);
}

/* Summary, then a section per city, baseline changes, methodology. */
static int
city_pages(FILE *out, const struct rs_report *r, enum rs_msg title,
    int full)
{
	struct html h;
	size_t ci, *latest = rs_latest_obs(r);

	html_init(&h, out, r);
	page_head(&h, title);
	if (r->res->ncities > 0) {
		fputs("<section class=\"summary\">\n<h2>", out);
		say0(&h, RS_MSG_SUMMARY);
		fputs("</h2>\n", out);
		cities_table(&h, NULL, 0, 0);
		fputs("</section>\n", out);
	}
	for (ci = 0; ci < r->res->ncities; ci++)
		city_sections(&h, ci, latest, full);
	baseline_block(&h);
	methodology_block(&h, 0);
	page_foot(&h);
	free(latest);
	return 0;
}

int
rs_report_html_score(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	(void)err;
	return city_pages(out, r, RS_MSG_TITLE_SCORE, 0);
}

/* The scores of every shown row by city, each with its level. */
static void
scores_table(const struct html *h, const struct rs_compare *cmp)
{
	const struct rs_results *res = h->r->res;
	size_t row, k, node;
	double s;
	char v[32];

	fputs("<table>\n<thead><tr>", h->out);
	th(h, RS_MSG_ID, 0);
	th(h, RS_MSG_NAME, 0);
	for (k = 0; k < res->ncities; k++) {
		fputs("<th>", h->out);
		esc(h, res->cities[k].name);
		fputs("</th>", h->out);
	}
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (row = 0; row < cmp->nrows; row++) {
		node = cmp->rows[row];
		fputs("<tr>", h->out);
		if (node == RS_NONE) {
			fputs("<td></td><td><b>", h->out);
			say0(h, RS_MSG_CITY_SCORE);
			fputs("</b></td>", h->out);
		} else {
			td_id(h, h->r->fw->nodes[node].id);
			td_text(h, rs_node_label(h->r, node));
		}
		for (k = 0; k < res->ncities; k++) {
			s = rs_row_score(&res->cities[k], node);
			fputs("<td>", h->out);
			if (isnan(s)) {
				say0(h, RS_MSG_NA);
			} else {
				snprintf(v, sizeof(v), "%.1f", s);
				put_num(h, 1, v);
				fputc(' ', h->out);
				level_chip(h, level_of(h->r->fw, s));
			}
			fputs("</td>", h->out);
		}
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n", h->out);
}

int
rs_report_html_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	struct rs_compare cmp;
	struct html h;
	size_t ci, k, *latest = rs_latest_obs(r);

	(void)err;
	html_init(&h, out, r);
	page_head(&h, RS_MSG_TITLE_COMPARE);
	if (r->res->ncities > 0) {
		rs_compare_init(&cmp, r);
		fputs("<section class=\"summary\">\n<h2>", out);
		say0(&h, RS_MSG_SUMMARY);
		fputs("</h2>\n<h3>", out);
		say0(&h, RS_MSG_RANKING);
		fputs("</h3>\n", out);
		cities_table(&h, cmp.order, 1, cmp.best[0]);
		fputs("</section>\n<section class=\"scores\">\n<h2>", out);
		say0(&h, RS_MSG_SECTION_SCORES);
		fputs("</h2>\n", out);
		scores_table(&h, &cmp);
		fputs("</section>\n<section class=\"charts\">\n<h2>", out);
		say0(&h, RS_MSG_SECTION_CHARTS);
		fputs("</h2>\n", out);
		area_bars(&h);
		fputs("<div class=\"radars\">\n", out);
		for (ci = 0; ci < r->res->ncities; ci++)
			radar(&h, cmp.order[ci]);
		fputs("</div>\n<h3>", out);
		say0(&h, RS_MSG_INDICATORS);
		fputs("</h3>\n", out);
		heat_map(&h);
		fputs("</section>\n", out);
		years_table(&h);
		for (ci = 0; ci < r->res->ncities; ci++) {
			k = cmp.order[ci];
			fputs("<section class=\"city\">\n<h2>", out);
			esc(&h, r->res->cities[k].name);
			fputs("</h2>\n", out);
			city_summary(&h, k);
			notes_block(&h, k, RS_NONE);
			area_notes(&h, k, 3);
			evidence_block(&h, k, 3);
			gaps_block(&h, k, latest, 3);
			fputs("</section>\n", out);
		}
		rs_compare_release(&cmp);
	}
	baseline_block(&h);
	methodology_block(&h, 0);
	free(latest);
	page_foot(&h);
	return 0;
}

int
rs_report_html_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	(void)err;
	return city_pages(out, r, RS_MSG_TITLE_PRIORITIES, 1);
}

/* ---- trend and shock ---------------------------------------------- */

/* What the years take, and the note of the view, under the header. */
static void
timeline_intro(const struct html *h, enum rs_msg span, const char *const *y,
    size_t ny, enum rs_msg note)
{
	char a[32];

	fputs("<p>", h->out);
	if (ny == 2)
		SAY(h, 1, span, NUM(y[0]), NUM(y[1]));
	else
		SAY(h, 1, span, NUM(y[0]), NUM(y[1]), NUM(y[2]));
	fputs(" (", h->out);
	if (h->r->timeline != NULL && h->r->timeline->has_max_age) {
		snprintf(a, sizeof(a), "%ld", h->r->timeline->max_age);
		SAY(h, 1, RS_MSG_VALUES_MAX_AGE, NUM(a));
	} else {
		say0(h, RS_MSG_VALUES_OF_YEAR);
	}
	fputs(").</p>\n<p class=\"note\">", h->out);
	say0(h, note);
	fputs("</p>\n", h->out);
	if (rs_time_ncities(h->r) == 0) {
		fputs("<p>", h->out);
		say0(h, RS_MSG_NO_CITIES);
		fputs("</p>\n", h->out);
	}
}

/* The label of a row: the city score, or a node's name. */
static const char *
row_label(const struct html *h, size_t node)
{
	return node == RS_NONE ? msg(h, RS_MSG_CITY_SCORE) :
	    rs_node_label(h->r, node);
}

/* For the line chart's description: "City: 2019 45.2, 2020 n/a; ..." */
static void
list_trend(const struct html *h, const void *ctx)
{
	size_t node = *(const size_t *)ctx, ci, y;
	const struct rs_trend *t = h->r->trend;
	char v[32];
	double s;

	for (ci = 0; ci < rs_time_ncities(h->r); ci++) {
		if (ci > 0)
			say0(h, RS_MSG_SEMICOLON);
		esc(h, rs_time_city(h->r, ci));
		fputs(":", h->out);
		for (y = 0; y < t->nyears; y++) {
			s = rs_trend_score(h->r, ci, y, node);
			fprintf(h->out, "%s%ld ", y > 0 ? msg(h, RS_MSG_COMMA) : " ",
			    t->from + (long)y);
			if (isnan(s))
				say0(h, RS_MSG_NA);
			else
				fprintf(h->out, "%s", rs_svg_num(v, sizeof(v),
				    floor(s * 10 + 0.5) / 10));
		}
	}
}

/*
 * The line chart of row node (RS_NONE: the city score) over the years:
 * a line per city, the level bands shaded, the years on the x axis.
 */
static void
trend_chart(struct html *h, size_t node)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_trend *t = h->r->trend;
	size_t nc = rs_time_ncities(h->r), ci, y, li, ncols = 4;
	double x0 = 70, x1 = 690, top = 50, bottom = 300, x, yv, ly, xs;
	double *px_of = rs_malloc((t->nyears + 1) * sizeof(double));
	char extra[200], a[32], b[32], bx[32], by[32];
	const char *label = row_label(h, node);
	int pen, any;

	for (y = 0; y < t->nyears; y++)
		px_of[y] = t->nyears == 1 ? (x0 + x1) / 2 :
		    rs_svg_scale((double)y, 0, (double)(t->nyears - 1),
		    x0 + 20, x1 - 20);
	snprintf(a, sizeof(a), "%ld", t->from);
	snprintf(b, sizeof(b), "%ld", t->to);
	svg_begin(h, 720, bottom + 64 + 18 * (double)rows(nc, ncols) + 24);
	SAY(h, 0, RS_MSG_LINE_TITLE, TXT(label));
	svg_desc(h);
	SAY(h, 0, RS_MSG_LINE_DESC, TXT(label), NUM(a), NUM(b),
	    FN(list_trend, &node));
	svg_body(h, RS_MSG_LINE_TITLE, label);
	/* The level bands, faint, from the bottom up. */
	for (li = 0; li < fw->nlevels; li++) {
		double y_lo = rs_svg_scale(fw->levels[li].min, 0, 100, bottom,
		    top), y_hi = rs_svg_scale(level_top(fw, li), 0, 100,
		    bottom, top);

		snprintf(extra, sizeof(extra), "fill=\"%s\" fill-opacity="
		    "\"0.35\"/>\n", level_fill[level_color(fw, li)]);
		rect(h, x0, y_hi, x1 - x0, y_lo - y_hi, extra);
	}
	/* The score axis: 0 to 100 every 20. */
	for (li = 0; li <= 5; li++) {
		yv = rs_svg_scale(20 * (double)li, 0, 100, bottom, top);
		line(h, x0 - 4, yv, x1, yv, li == 0 ? "#000000" : "#bbbbbb");
		text_logical(h, x0 - 8, yv + 4, 1, "s", 1);
		fprintf(h->out, "%s</text>\n", rs_svg_num(bx, sizeof(bx),
		    20 * (double)li));
	}
	text_put(h, 8, top - 12, -1, "b", msg(h, RS_MSG_AXIS_SCORE), 0);
	/* The years. */
	for (y = 0; y < t->nyears; y++) {
		line(h, px_of[y], bottom, px_of[y], bottom + 4, "#000000");
		snprintf(a, sizeof(a), "%ld", t->from + (long)y);
		text_put(h, px_of[y], bottom + 16, 0, "s", a, 1);
	}
	text_put(h, (x0 + x1) / 2, bottom + 32, 0, "b", msg(h,
	    RS_MSG_AXIS_YEAR), 0);
	/* A line per city, broken where a year has no score. */
	for (ci = 0; ci < nc; ci++) {
		for (y = 0, pen = 0, any = 0; y < t->nyears; y++) {
			double s = rs_trend_score(h->r, ci, y, node);

			if (isnan(s)) {
				pen = 0;
				continue;
			}
			if (!any)
				fprintf(h->out, "<path fill=\"none\" "
				    "stroke=\"%s\" stroke-width=\"2.5\" d=\"",
				    city_color(ci));
			x = px(h, px_of[y]);
			yv = rs_svg_scale(s, 0, 100, bottom, top);
			fprintf(h->out, "%s%s %s", pen ? " L" : any ? " M" :
			    "M", rs_svg_num(bx, sizeof(bx), x),
			    rs_svg_num(by, sizeof(by), yv));
			pen = any = 1;
		}
		if (any)
			fputs("\"/>\n", h->out);
		for (y = 0; y < t->nyears; y++) {
			double s = rs_trend_score(h->r, ci, y, node);

			if (isnan(s))
				continue;
			fprintf(h->out, "<circle cx=\"%s\" cy=\"%s\" r=\"3.5\" "
			    "fill=\"%s\" stroke=\"#333333\"><title>",
			    rs_svg_num(bx, sizeof(bx), px(h, px_of[y])),
			    rs_svg_num(by, sizeof(by), rs_svg_scale(s, 0,
			    100, bottom, top)), city_color(ci));
			esc(h, rs_time_city(h->r, ci));
			fprintf(h->out, ", %ld, ", t->from + (long)y);
			say_score(h, label, s);
			fputs("</title></circle>\n", h->out);
		}
	}
	ly = bottom + 60;
	text_put(h, 8, ly, -1, "b", msg(h, RS_MSG_CITIES), 0);
	for (ci = 0; ci < nc; ci++) {
		legend_pos(h, ci, ncols, ly + 18, &xs, &yv);
		swatch(h, xs, yv, city_color(ci));
		text_logical(h, xs + 17, yv, -1, NULL, 0);
		esc(h, rs_time_city(h->r, ci));
		fputs("</text>\n", h->out);
	}
	free(px_of);
	svg_end(h);
}

/* A table of row scores by year (part 0) or like-for-like changes. */
static void
trend_table(const struct html *h, size_t ci, int part)
{
	const struct rs_framework *fw = h->r->fw;
	const struct rs_trend *t = h->r->trend;
	size_t i, y, node;
	char v[32];

	fputs("<h3>", h->out);
	say0(h, part == 0 ? RS_MSG_SCORES : RS_MSG_H_LIKE);
	fputs("</h3>\n<table>\n<thead><tr>", h->out);
	th(h, RS_MSG_ID, 0);
	th(h, RS_MSG_NAME, 0);
	for (y = 0; y < t->nyears; y++) {
		snprintf(v, sizeof(v), "%ld", t->from + (long)y);
		fputs("<th class=\"num\">", h->out);
		put_num(h, 1, v);
		fputs("</th>", h->out);
	}
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (i = 0; i <= fw->nnodes; i++) {
		node = i == 0 ? RS_NONE : i - 1;
		if (node != RS_NONE && fw->nodes[node].depth > h->r->depth)
			continue;
		fputs("<tr><td class=\"id\" dir=\"ltr\">", h->out);
		if (node != RS_NONE)
			esc(h, fw->nodes[node].id);
		fputs("</td>", h->out);
		td_text(h, row_label(h, node));
		for (y = 0; y < t->nyears; y++)
			td_num(h, part == 0 ? NUM_SCORE : NUM_CHANGE,
			    part == 0 ? rs_trend_score(h->r, ci, y, node) :
			    rs_trend_like(h->r, ci, y, node));
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n", h->out);
}

int
rs_report_html_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_framework *fw = r->fw;
	struct html h;
	size_t ci, k, node;
	char a[32], b[32];
	const char *y[2] = {a, b};

	(void)err;
	html_init(&h, out, r);
	page_head(&h, RS_MSG_TITLE_TREND);
	snprintf(a, sizeof(a), "%ld", r->trend->from);
	snprintf(b, sizeof(b), "%ld", r->trend->to);
	timeline_intro(&h, RS_MSG_TREND_SPAN, y, 2, RS_MSG_TREND_NOTE);
	if (rs_time_ncities(r) > 0) {
		fputs("<section>\n<h2>", out);
		say0(&h, RS_MSG_AREAS);
		fputs("</h2>\n", out);
		node = RS_NONE;
		trend_chart(&h, node);
		for (k = 0; k < fw->ntop; k++)
			trend_chart(&h, fw->top[k]);
		fputs("</section>\n", out);
	}
	for (ci = 0; ci < rs_time_ncities(r); ci++) {
		fputs("<section>\n<h2>", out);
		esc(&h, rs_time_city(r, ci));
		fputs("</h2>\n", out);
		trend_table(&h, ci, 0);
		trend_table(&h, ci, 1);
		fputs("</section>\n", out);
	}
	page_foot(&h);
	return 0;
}

/* The three moments' colours: before, shock, after. */
static const char *const moment_fill[RS_SHOCK_MOMENTS] = {
	"#0072b2", "#d55e00", "#009e73",
};

/* For the shock chart's description: "Area: 56.7, 48.3, 56.7; ..." */
static void
list_shock(const struct html *h, const void *ctx)
{
	size_t ci = *(const size_t *)ctx, k;
	const struct rs_framework *fw = h->r->fw;
	char v[32];
	int t;
	double s;

	for (k = 0; k < fw->ntop; k++) {
		if (k > 0)
			say0(h, RS_MSG_SEMICOLON);
		esc(h, rs_node_label(h->r, fw->top[k]));
		fputs(":", h->out);
		for (t = 0; t < RS_SHOCK_MOMENTS; t++) {
			s = rs_shock_score(h->r->shock, ci, t, fw->top[k]);
			fputs(t > 0 ? msg(h, RS_MSG_COMMA) : " ", h->out);
			if (isnan(s))
				say0(h, RS_MSG_NA);
			else
				fprintf(h->out, "%s", rs_svg_num(v, sizeof(v),
				    floor(s * 10 + 0.5) / 10));
		}
	}
}

/* City ci's areas before, in and after the shock: three bars an area. */
static void
shock_chart(struct html *h, size_t ci)
{
	static const enum rs_msg moment[RS_SHOCK_MOMENTS] = {RS_MSG_BEFORE,
	    RS_MSG_SHOCK, RS_MSG_AFTER};
	const struct rs_framework *fw = h->r->fw;
	const struct rs_shock_spec *sp = h->r->shock_spec;
	double x0 = 230, x1 = 690, top = 56, barh = 14, gap = 14;
	double gh = barh * RS_SHOCK_MOMENTS + gap, bottom, y, xs, ly;
	char extra[200], v[32], yr[3][32];
	const char *name = rs_time_city(h->r, ci);
	size_t k, li;
	int t;

	if (fw->ntop == 0)
		return;
	for (t = 0; t < RS_SHOCK_MOMENTS; t++)
		snprintf(yr[t], sizeof(yr[t]), "%ld", sp->year[t]);
	bottom = top + gh * (double)fw->ntop;
	svg_begin(h, 720, bottom + 60 + 18 + 24);
	SAY(h, 0, RS_MSG_SHOCK_BARS_TITLE, TXT(name));
	svg_desc(h);
	SAY(h, 0, RS_MSG_SHOCK_BARS_DESC, TXT(name), NUM(yr[0]), NUM(yr[1]),
	    NUM(yr[2]), FN(list_shock, &ci));
	svg_body(h, RS_MSG_SHOCK_BARS_TITLE, name);
	for (li = 0; li < fw->nlevels; li++) {
		xs = rs_svg_scale(fw->levels[li].min, 0, 100, x0, x1);
		snprintf(extra, sizeof(extra), "fill=\"%s\" fill-opacity="
		    "\"0.35\"/>\n", level_fill[level_color(fw, li)]);
		rect(h, xs, top, rs_svg_scale(level_top(fw, li), 0, 100, x0,
		    x1) - xs, bottom - top, extra);
	}
	x_axis(h, x0, x1, top, bottom, 100, 20, RS_MSG_AXIS_SCORE);
	text_put(h, x0 - 8, top - 10, 1, "b", msg(h, RS_MSG_AXIS_AREA), 0);
	for (k = 0; k < fw->ntop; k++) {
		size_t node = fw->top[k];
		const char *label = rs_node_label(h->r, node);
		int lines = wrapped_lines(label, 34, 3);

		y = top + gh * (double)k + gap / 2;
		text_wrapped(h, x0 - 8, y + gh / 2 - gap / 2 + 4 -
		    6 * (double)(lines - 1), 1, NULL, label, 34, 3, 12);
		for (t = 0; t < RS_SHOCK_MOMENTS; t++) {
			double s = rs_shock_score(h->r->shock, ci, t, node);
			double yb = y + barh * (double)t;

			if (isnan(s)) {
				text_put(h, x0 + 4, yb + barh - 3, -1, "s",
				    msg(h, RS_MSG_NA), 0);
				continue;
			}
			snprintf(extra, sizeof(extra), "fill=\"%s\" stroke="
			    "\"#333333\" stroke-width=\"0.5\"><title>",
			    moment_fill[t]);
			rect(h, x0, yb + 1, rs_svg_scale(s, 0, 100, 0,
			    x1 - x0), barh - 2, extra);
			esc(h, msg(h, moment[t]));
			fprintf(h->out, " %s", yr[t]);
			say0(h, RS_MSG_COMMA);
			say_score(h, label, s);
			fputs("</title></rect>\n", h->out);
			snprintf(v, sizeof(v), "%.1f", s);
			text_put(h, rs_svg_scale(s, 0, 100, x0, x1) + 3,
			    yb + barh - 3, -1, "s", v, 1);
		}
	}
	ly = bottom + 56;
	for (t = 0; t < RS_SHOCK_MOMENTS; t++) {
		legend_pos(h, (size_t)t, 3, ly, &xs, &y);
		swatch(h, xs, y, moment_fill[t]);
		text_logical(h, xs + 17, y, -1, NULL, 0);
		esc(h, msg(h, moment[t]));
		fputc(' ', h->out);
		esc(h, yr[t]);
		fputs("</text>\n", h->out);
	}
	svg_end(h);
}

/* The shock table of city ci: a row per node to r->depth. */
static void
shock_table(const struct html *h, size_t ci)
{
	static const enum rs_msg cols[] = {RS_MSG_BEFORE, RS_MSG_SHOCK,
	    RS_MSG_AFTER, RS_MSG_LOSS, RS_MSG_REBOUND, RS_MSG_NET,
	    RS_MSG_RATIO, RS_MSG_YTR};
	const struct rs_framework *fw = h->r->fw;
	struct rs_shock_row v;
	size_t i, k, node;
	char buf[32];

	fputs("<table>\n<thead><tr>", h->out);
	th(h, RS_MSG_ID, 0);
	th(h, RS_MSG_NAME, 0);
	for (k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		th(h, cols[k], 1);
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (i = 0; i <= fw->nnodes; i++) {
		node = i == 0 ? RS_NONE : i - 1;
		if (node != RS_NONE && fw->nodes[node].depth > h->r->depth)
			continue;
		rs_shock_row(h->r, ci, node, &v);
		fputs("<tr><td class=\"id\" dir=\"ltr\">", h->out);
		if (node != RS_NONE)
			esc(h, fw->nodes[node].id);
		fputs("</td>", h->out);
		td_text(h, row_label(h, node));
		td_num(h, NUM_SCORE, v.before);
		td_num(h, NUM_SCORE, v.shock);
		td_num(h, NUM_SCORE, v.after);
		td_num(h, NUM_CHANGE, v.loss);
		td_num(h, NUM_CHANGE, v.rebound);
		td_num(h, NUM_CHANGE, v.net);
		fputs("<td class=\"num\">", h->out);
		if (isnan(v.ratio)) {
			say0(h, RS_MSG_NA);
		} else {
			snprintf(buf, sizeof(buf), "%.2f", v.ratio + 0.0);
			put_num(h, 1, buf);
		}
		fputs("</td>", h->out);
		if (node == RS_NONE || fw->nodes[node].nchildren > 0)
			fputs("<td></td>", h->out);
		else
			td_num(h, NUM_COUNT, v.years);
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n", h->out);
}

/* Martin and Sunley's indices of city ci against the reference. */
static void
series_table(const struct html *h, size_t ci)
{
	const struct rs_shock *s = h->r->shock;
	const struct rs_shock_spec *sp = h->r->shock_spec;
	size_t j;
	char buf[32];
	double v;
	int k;

	if (s->nseries == 0)
		return;
	if (sp->reference == RS_NONE) {
		fputs("<p class=\"note\">", h->out);
		say0(h, RS_MSG_NO_REFERENCE);
		fputs("</p>\n", h->out);
		return;
	}
	fputs("<h3>", h->out);
	SAY(h, 1, RS_MSG_SERIES, TXT(rs_time_city(h->r, sp->reference)));
	fputs("</h3>\n<table>\n<thead><tr>", h->out);
	th(h, RS_MSG_ID, 0);
	th(h, RS_MSG_NAME, 0);
	th(h, RS_MSG_RESISTANCE, 1);
	th(h, RS_MSG_RECOVERY, 1);
	fputs("</tr></thead>\n<tbody>\n", h->out);
	for (j = 0; j < s->nseries; j++) {
		fputs("<tr>", h->out);
		td_id(h, h->r->fw->nodes[sp->series[j]].id);
		td_text(h, rs_node_label(h->r, sp->series[j]));
		for (k = 0; k < 2; k++) {
			v = k == 0 ? s->resistance[ci * s->nseries + j] :
			    s->recovery[ci * s->nseries + j];
			fputs("<td class=\"num\">", h->out);
			if (isnan(v)) {
				say0(h, RS_MSG_NA);
			} else {
				snprintf(buf, sizeof(buf), "%.2f", v + 0.0);
				put_num(h, 1, buf);
			}
			fputs("</td>", h->out);
		}
		fputs("</tr>\n", h->out);
	}
	fputs("</tbody>\n</table>\n", h->out);
}

int
rs_report_html_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err)
{
	const struct rs_shock_spec *sp = r->shock_spec;
	struct html h;
	size_t ci;
	char yr[3][32];
	const char *y[3] = {yr[0], yr[1], yr[2]};
	int t;

	(void)err;
	html_init(&h, out, r);
	page_head(&h, RS_MSG_TITLE_SHOCK);
	for (t = 0; t < RS_SHOCK_MOMENTS; t++)
		snprintf(yr[t], sizeof(yr[t]), "%ld", sp->year[t]);
	timeline_intro(&h, RS_MSG_SHOCK_YEARS, y, 3, RS_MSG_SHOCK_NOTE);
	for (ci = 0; ci < rs_time_ncities(r); ci++) {
		fputs("<section>\n<h2>", out);
		esc(&h, rs_time_city(r, ci));
		fputs("</h2>\n", out);
		shock_chart(&h, ci);
		shock_table(&h, ci);
		series_table(&h, ci);
		fputs("</section>\n", out);
	}
	page_foot(&h);
	return 0;
}

/* ---- the sensitivity page (docs/sensitivity.md, "Figures") -------- */

/* Write b's text escaped as a paragraph of class cls, and release b. */
static void
para(const struct html *h, const char *cls, struct rs_buf *b)
{
	if (cls != NULL)
		fprintf(h->out, "<p class=\"%s\">", cls);
	else
		fputs("<p>", h->out);
	esc(h, b->s != NULL ? b->s : "");
	fputs("</p>\n", h->out);
	rs_buf_release(b);
}

/* A dot at logical x. */
static void
dot(const struct html *h, double x, double y, double r, const char *fill)
{
	char b[3][32];

	fprintf(h->out, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" "
	    "stroke=\"#000000\"/>\n", rs_svg_num(b[0], sizeof(b[0]), px(h, x)),
	    rs_svg_num(b[1], sizeof(b[1]), y),
	    rs_svg_num(b[2], sizeof(b[2]), r), fill);
}

/*
 * City ci's rank interval: an axis of the ranks 1 to n, a bar over the
 * shortest interval that holds RS_SA_INTERVAL percent of the runs, with
 * its share, a tick at each of the 5th and 95th percentiles and a dot at
 * the nominal rank.
 */
static void
rank_chart(struct html *h, const struct rs_sa_result *res, size_t ci)
{
	double x0 = 24, x1 = 616, y = 64, step, x, lo, hi;
	double n = (double)(res->nunits > 1 ? res->nunits : 1);
	struct rs_buf b = {0};
	char v[32], pct[64];
	long k;

	step = n <= 20 ? 1 : ceil(rs_svg_nice_step(n));
	svg_begin(h, 640, 120);
	say0(h, RS_MSG_SA_RANKS_TITLE);
	fputs(": ", h->out);
	esc(h, res->unit[ci]);
	svg_desc(h);
	rs_sa_pct(pct, sizeof(pct), h->lang, RS_SA_INTERVAL / 100.0);
	SAY(h, 0, RS_MSG_SA_RANKS_DESC, TXT(pct));
	fputc(' ', h->out);
	rs_sa_city_sentence(&b, h->r->fw, h->lang, res, ci);
	esc(h, b.s);
	rs_buf_release(&b);
	svg_body(h, RS_MSG_SA_RANKS_TITLE, NULL);
	text_put(h, 8, 36, -1, "b", res->unit[ci], 0);
	for (k = 1; (double)k <= n; k += (long)step) {
		x = rs_svg_scale((double)k, 0.5, n + 0.5, x0, x1);
		line(h, x, y - 14, x, y + 18, "#bbbbbb");
		snprintf(v, sizeof(v), "%ld", k);
		text_put(h, x, y + 30, 0, "s", v, 1);
	}
	line(h, x0, y + 18, x1, y + 18, "#000000");
	text_put(h, (x0 + x1) / 2, y + 46, 0, "b",
	    msg(h, RS_MSG_SA_AXIS_RANK), 0);
	if (res->rank_lo[ci] > 0) {
		lo = rs_svg_scale((double)res->rank_lo[ci] - 0.4, 0.5, n + 0.5,
		    x0, x1);
		hi = rs_svg_scale((double)res->rank_hi[ci] + 0.4, 0.5, n + 0.5,
		    x0, x1);
		rect(h, lo, y - 8, hi - lo, 16, "fill=\"#56b4e9\" "
		    "stroke=\"#333333\"/>\n");
		rs_sa_pct(pct, sizeof(pct), h->lang, res->rank_share[ci]);
		text_put(h, (lo + hi) / 2, y - 12, 0, "s", pct, 0);
		if (!isnan(res->q5[ci]) && !isnan(res->q95[ci])) {
			lo = rs_svg_scale(res->q5[ci], 0.5, n + 0.5, x0, x1);
			hi = rs_svg_scale(res->q95[ci], 0.5, n + 0.5, x0, x1);
			line(h, lo, y, hi, y, "#000000");
			line(h, lo, y - 5, lo, y + 5, "#000000");
			line(h, hi, y - 5, hi, y + 5, "#000000");
		}
	}
	if (res->nominal[ci] > 0)
		dot(h, rs_svg_scale((double)res->nominal[ci], 0.5, n + 0.5,
		    x0, x1), y, 4, "#d55e00");
	svg_end(h);
}

/*
 * The indices: a row per input, a bar of its first-order index and one
 * of its total index on a scale of 0 to 1 (clamped), each with a line
 * over its bootstrap interval.
 */
static void
index_chart(struct html *h, const struct rs_sa_spec *spec,
    const struct rs_sa_result *res)
{
	double x0 = 180, x1 = 600, top = 56, gh = 40, y, xs, ly;
	double v[2][3];
	size_t j, m;
	char val[32];
	static const char *const fill[2] = {"#e69f00", "#0072b2"};
	static const enum rs_msg name[2] = {RS_MSG_SA_FIRST_ORDER,
	    RS_MSG_SA_TOTAL};

	(void)spec;
	svg_begin(h, 640, top + gh * (double)res->ninputs + 90);
	say0(h, RS_MSG_SA_INDICES_TITLE);
	svg_desc(h);
	say0(h, RS_MSG_SA_INDICES_DESC);
	svg_body(h, RS_MSG_SA_INDICES_TITLE, NULL);
	x_axis(h, x0, x1, top, top + gh * (double)res->ninputs, 1, 0.2,
	    RS_MSG_SA_AXIS_INDEX);
	for (j = 0; j < res->ninputs; j++) {
		y = top + gh * (double)j + 6;
		text_put(h, x0 - 8, y + 18, 1, NULL,
		    rs_sa_input_word(h->lang, res->input[j]), 0);
		v[0][0] = res->si[j];
		v[0][1] = res->si_q5[j];
		v[0][2] = res->si_q95[j];
		v[1][0] = res->sti[j];
		v[1][1] = res->sti_q5[j];
		v[1][2] = res->sti_q95[j];
		for (m = 0; m < 2; m++) {
			double c = v[m][0] > 1 ? 1 : v[m][0] > 0 ? v[m][0] : 0;
			double yb = y + 14 * (double)m;
			char extra[80];

			snprintf(extra, sizeof(extra), "fill=\"%s\" stroke="
			    "\"#333333\"/>\n", fill[m]);
			rect(h, x0, yb, rs_svg_scale(c, 0, 1, 0, x1 - x0), 12,
			    extra);
			if (!isnan(v[m][1]) && !isnan(v[m][2])) {
				double a = v[m][1] < 0 ? 0 : v[m][1] > 1 ? 1 :
				    v[m][1];
				double b = v[m][2] < 0 ? 0 : v[m][2] > 1 ? 1 :
				    v[m][2];

				line(h, rs_svg_scale(a, 0, 1, x0, x1), yb + 6,
				    rs_svg_scale(b, 0, 1, x0, x1), yb + 6,
				    "#000000");
			}
			rs_fmt_fixed(val, sizeof(val), v[m][0], 2);
			text_put(h, rs_svg_scale(c, 0, 1, x0, x1) + 4, yb + 10,
			    -1, "s", val, 1);
		}
	}
	ly = top + gh * (double)res->ninputs + 56;
	for (m = 0; m < 2; m++) {
		legend_pos(h, m, 4, ly, &xs, &y);
		swatch(h, xs, y, fill[m]);
		text_put(h, xs + 17, y, -1, NULL, msg(h, name[m]), 0);
	}
	svg_end(h);
}

void
rs_report_html_sensitivity(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    const char *lang)
{
	struct rs_report r;
	struct html h;
	struct rs_buf b = {0};
	char runs[32], seed[32];
	size_t i, j;

	memset(&r, 0, sizeof(r));
	r.fw = fw;
	r.lang = lang;
	html_init(&h, out, &r);
	page_head(&h, RS_MSG_SA_TITLE);
	fputs("<section>\n<h2>", out);
	say0(&h, RS_MSG_SA_INPUTS);
	fputs("</h2>\n<p>", out);
	snprintf(runs, sizeof(runs), "%zu", res->nruns);
	snprintf(seed, sizeof(seed), "%llu", (unsigned long long)spec->seed);
	SAY(&h, 1, RS_MSG_SA_RUNS, NUM(runs), NUM(seed));
	fputs("</p>\n<ul>\n", out);
	for (j = 0; j < res->ninputs; j++) {
		fputs("<li><b>", out);
		esc(&h, rs_sa_input_word(lang, res->input[j]));
		fputs("</b>: ", out);
		rs_sa_input_desc(&b, lang, spec, res, j);
		esc(&h, b.s);
		rs_buf_release(&b);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n</section>\n<section>\n<h2>", out);
	say0(&h, RS_MSG_SA_IN_WORDS);
	fputs("</h2>\n", out);
	rs_sa_interval_note(&b, lang);
	para(&h, "note", &b);
	for (i = 0; i < res->nunits; i++) {
		fputs("<section class=\"city\">\n<h3>", out);
		esc(&h, res->unit[i]);
		fputs("</h3>\n", out);
		rs_sa_city_sentence(&b, fw, lang, res, i);
		para(&h, "summary", &b);
		rs_sa_areas_sentence(&b, fw, lang, res, i);
		para(&h, NULL, &b);
		rank_chart(&h, res, i);
		fputs("</section>\n", out);
	}
	fputs("</section>\n", out);
	if (spec->sobol) {
		fputs("<section>\n<h2>", out);
		say0(&h, RS_MSG_SA_INDICES_TITLE);
		fputs("</h2>\n", out);
		rs_sa_indices_sentence(&b, lang, spec, res);
		para(&h, NULL, &b);
		if (res->estimable) {
			fputs("<ul>\n", out);
			for (j = 0; j < res->ninputs; j++) {
				rs_sa_index_line(&b, lang, res, j);
				fputs("<li>", out);
				esc(&h, b.s);
				fputs("</li>\n", out);
				rs_buf_release(&b);
			}
			fputs("</ul>\n", out);
			index_chart(&h, spec, res);
		}
		fputs("</section>\n", out);
	}
	page_foot(&h);
}

/* ---- the parts the plan's page shares (report_priv.h) ----------------- */

void
rs_html_style(FILE *out)
{
	fputs(style, out);
}

void
rs_html_byline(FILE *out, const struct rs_report *r)
{
	struct html h;

	html_init(&h, out, r);
	byline(&h);
}

void
rs_html_city_notes(FILE *out, const struct rs_report *r, size_t ci, int hl)
{
	struct html h;

	html_init(&h, out, r);
	notes_block(&h, ci, RS_NONE);
	area_notes(&h, ci, hl);
}

void
rs_html_evidence(FILE *out, const struct rs_report *r, size_t ci, int hl)
{
	struct html h;

	html_init(&h, out, r);
	evidence_block(&h, ci, hl);
}

void
rs_html_methodology(FILE *out, const struct rs_report *r, int plan)
{
	struct html h;

	html_init(&h, out, r);
	methodology_block(&h, plan);
}
