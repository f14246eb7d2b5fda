/*
 * report_priv.h - what the reporters share: the derived views and the
 * number and sentence formats every format uses
 *
 * The views are computed here once, so that the four formats of a report
 * cannot disagree on what is ranked first or how a priority is worded.
 */
#ifndef RS_REPORT_PRIV_H
#define RS_REPORT_PRIV_H

#include <stdint.h>
#include <stdio.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "resilience/report.h"

/* One entry point per format and view (report.c dispatches). */
int rs_report_text_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_text_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_json_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_json_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_csv_score(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_csv_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_csv_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err);
/* The .xlsx workbook of score and compare (report_xlsx.c). */
int rs_report_xlsx(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_md_score(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_md_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_md_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_html_score(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_html_compare(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_html_priorities(FILE *out, const struct rs_report *r,
    struct rs_error *err);

int rs_report_text_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_json_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_csv_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_md_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_html_trend(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_text_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_json_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_csv_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_md_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err);
int rs_report_html_shock(FILE *out, const struct rs_report *r,
    struct rs_error *err);

/*
 * Write text as words wrapped to 80 columns, each escaped for a
 * terminal, the first line after head (of head_width columns), the
 * others after indent blanks, and a newline.
 */
void rs_text_wrapped(FILE *out, const char *head, size_t head_width,
    size_t indent, const char *text);

/* A growing string, for sentences built before they are wrapped. */
struct rs_buf {
	char *s;		/* NUL-terminated, owned; NULL when empty */
	size_t len;		/* bytes before the NUL */
	size_t cap;		/* bytes allocated */
};

void rs_buf_printf(struct rs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void rs_buf_release(struct rs_buf *b);

/*
 * The compare view: a row per shown node (the city score first, as node
 * RS_NONE), the best score of each row and every city's rank on it.
 */
struct rs_compare {
	size_t *rows;		/* RS_NONE (the city), then nodes, pre-order */
	size_t nrows;
	double *best;		/* per row: the best score, NaN when none */
	int32_t *rank;		/* nrows x ncities: 1 + cities higher, 0:
				   none (fewer than RS_MAX_CELLS cities) */
	size_t *order;		/* cities by rank, unscored last, stable */
};

void rs_compare_init(struct rs_compare *cmp, const struct rs_report *r);
void rs_compare_release(struct rs_compare *cmp);

/* An aggregate node in the --by node ranking: a tree sorted by gain. */
struct rs_node_priority {
	size_t node;		/* the aggregate */
	size_t rank;		/* 1-based position among its listed siblings */
	size_t parent;		/* index of the parent's entry, or RS_NONE */
};

/*
 * The aggregates of city ci with a gain > 0, siblings by gain (largest
 * first, ties by id), each followed by its own, at most r->top siblings
 * per list.  Returns the count; *items is the caller's to free.
 */
size_t rs_node_priorities(const struct rs_report *r, size_t ci,
    struct rs_node_priority **items);

/* An indicator without data, as a "collect data" item. */
struct rs_collect {
	size_t city;		/* the city */
	size_t node;		/* the indicator */
	double weight;		/* rs_engine_weight_if_known(), NaN: none */
	double complete;	/* rs_engine_complete_weight() */
	size_t blocker;		/* when weight is NaN: the ancestor short of
				   data, else RS_NONE */
	const char *note;	/* the data's "note" for it, or NULL */
	size_t to_score;	/* for a city without a score: the size of
				   the set that would give it one, of which
				   this item is part (weight is then NaN);
				   else 0 */
};

/*
 * For each city and indicator (city-major), the index in r->ds->obs of
 * its latest observation, with or without a value, or RS_NONE; NULL when
 * r has no dataset.  The caller frees the array.
 */
size_t *rs_latest_obs(const struct rs_report *r);

/*
 * The indicators of city ci without a value, by weight if collected
 * (none last), then complete-data weight, then id; at most r->top of
 * them.  For a city without a score, instead, the fewest indicators whose
 * collection would give it one (rs_actionable_to_score()).  latest (from rs_latest_obs(), may be NULL) gives the notes.
 * Returns the count; *items is the caller's to free.
 */
size_t rs_collect_list(const struct rs_report *r, const size_t *latest,
    size_t ci, struct rs_collect **items);

/*
 * Every indicator of city ci without a value, in framework order, as
 * collect items (the data-gap annex); latest as for rs_collect_list().
 * Returns the count; *items is the caller's to free.
 */
size_t rs_gap_list(const struct rs_report *r, const size_t *latest,
    size_t ci, struct rs_collect **items);

/*
 * Trend and shock reports: the number of cities of r->ds, the display
 * name of city ci in r->lang and its id.
 */
size_t rs_time_ncities(const struct rs_report *r);
const char *rs_time_city(const struct rs_report *r, size_t ci);
const char *rs_time_id(const struct rs_report *r, size_t ci);

/* The trend's figures of city ci, year index y, node (RS_NONE: city). */
double rs_trend_score(const struct rs_report *r, size_t ci, size_t y,
    size_t node);
double rs_trend_coverage(const struct rs_report *r, size_t ci, size_t y,
    size_t node);
double rs_trend_change(const struct rs_report *r, size_t ci, size_t y,
    size_t node);
double rs_trend_like(const struct rs_report *r, size_t ci, size_t y,
    size_t node);
/* The observation of indicator node used in year index y, or NULL. */
const struct rs_obs *rs_trend_obs(const struct rs_report *r, size_t ci,
    size_t y, size_t node);

/* The shock's figures of node (RS_NONE: city) of city ci. */
struct rs_shock_row {
	double before, shock, after;	/* S_B, S_K, S_A */
	double loss, rebound, net, ratio;
	double years;			/* years to recover, NaN: null */
};
void rs_shock_row(const struct rs_report *r, size_t ci, size_t node,
    struct rs_shock_row *row);

/* The id of city ci: its city_id, or its name (docs/input.md, "Cities"). */
const char *rs_city_id(const struct rs_report *r, size_t ci);

/* The data's city ci, when the results are the dataset's; else NULL. */
const struct rs_city *rs_report_city(const struct rs_report *r, size_t ci);

/*
 * The observation of indicator node that city ci's score uses, or NULL
 * (no value, or results not made from a dataset).
 */
const struct rs_obs *rs_value_obs(const struct rs_report *r, size_t ci,
    size_t node);

/* The observation --max-age left out for indicator node, or NULL. */
const struct rs_obs *rs_stale_obs(const struct rs_report *r, size_t ci,
    size_t node);

/*
 * The years city ci's values span (docs/cli.md, "Years"): 1 with *lo and
 * *hi set, 0 when no value it uses is dated.  *undated (when not NULL)
 * counts the values without a year, *stale those --max-age left out.
 */
int rs_city_years(const struct rs_report *r, size_t ci, long *lo, long *hi,
    size_t *undated, size_t *stale);

/* Is city ci in the baseline?  (0 without a baseline.) */
int rs_in_baseline(const struct rs_report *r, size_t ci);

/* The like-for-like change of row node of city ci, NaN when unknown. */
double rs_row_change_like(const struct rs_report *r, size_t ci, size_t node);

/* The composition effect of row node: change minus like-for-like. */
double rs_row_change_comp(const struct rs_report *r, size_t ci, size_t node);

/*
 * Whether the like-for-like figures can be shown: a baseline of the same
 * framework version that gives the values of at least one city.
 */
int rs_like_available(const struct rs_report *r);

/* The baseline's cities that the run does not have (r->change). */
size_t rs_missing_count(const struct rs_report *r);
const char *rs_missing_name(const struct rs_report *r, size_t k);
const char *rs_missing_id(const struct rs_report *r, size_t k);

/* "2014-2022", "2019", or "" when city ci has no dated value. */
char *rs_fmt_years(char *buf, size_t n, const struct rs_report *r,
    size_t ci);

/* The score of row node for city c: the city's own when node is RS_NONE. */
double rs_row_score(const struct rs_city_result *c, size_t node);

/* The change of row node for city ci since r->base, NaN when unknown. */
double rs_row_change(const struct rs_report *r, size_t ci, size_t node);

/* The level id of a score, or NULL for NaN. */
const char *rs_level_id(const struct rs_framework *fw, double score);

/*
 * The level of a score as the text and Markdown reports show it: its id,
 * or under --lang ar its name in r->lang; NULL for NaN.
 */
const char *rs_level_word(const struct rs_report *r, double score);

/*
 * Whether the score of row node (RS_NONE: the city's) of city ci is
 * indicative (docs/methodology.md, "Indicative scores"): given only
 * because --min-coverage went below the framework's threshold.
 */
int rs_indicative(const struct rs_report *r, size_t ci, size_t node);

/*
 * The sentence that says city ci's score is indicative, in r->lang, into
 * buf; "" when it is not.
 */
char *rs_indicative_note(char *buf, size_t size, const struct rs_report *r,
    size_t ci);

/* A node's display name in r->lang. */
const char *rs_node_label(const struct rs_report *r, size_t node);

/* 1 when node i is node top or lies below it. */
int rs_node_below(const struct rs_framework *fw, size_t i, size_t top);

/* Message msg of lang with up to three arguments, written to out. */
void rs_report_say(FILE *out, const char *lang, enum rs_msg msg,
    const char *a, const char *b, const char *c);

/* The framework's display name in r->lang. */
const char *rs_framework_label(const struct rs_report *r);

/* The number of entries to list out of n: r->top bounds it. */
size_t rs_report_top(const struct rs_report *r, size_t n);

/*
 * The root of the score JSON, opened onto stream w with its "framework"
 * (and "baseline" with one), and the entry of city ci in its "cities" as
 * the value of key, as score --format json writes them.
 */
struct rs_jw;
void rs_json_root(struct rs_jw *w, const struct rs_report *r);
void rs_json_city(struct rs_jw *w, const char *key,
    const struct rs_report *r, size_t ci);

/*
 * The sentences of docs/cli.md, "priorities", starting with a capital and
 * ending with a period: what raising indicator or aggregate node of city
 * ci to its best would add, and what collecting an item would weigh.
 */
void rs_say_gain(struct rs_buf *b, const struct rs_report *r, size_t ci,
    size_t node);
void rs_say_collect(struct rs_buf *b, const struct rs_report *r,
    const struct rs_collect *item);

/*
 * The same sentences in r->lang's words for the text and Markdown reports:
 * Arabic under --lang ar, else those above.  (JSON and CSV keep English
 * sentences whatever --lang says, for the programs that read them.)
 */
void rs_say_gain_in(struct rs_buf *b, const struct rs_report *r, size_t ci,
    size_t node);
void rs_say_collect_in(struct rs_buf *b, const struct rs_report *r,
    const struct rs_collect *item);
const char *rs_none_reason_in(const struct rs_report *r, size_t ci);

/*
 * Whether indicator n improves from raw value x by going down: lower is
 * better, or x is above n's target band.
 */
int rs_lower_better(const struct rs_node *n, double x);

/* A raw value of n with its unit's "%" when the unit starts with one. */
void rs_say_value(struct rs_buf *b, const struct rs_node *n, double v);

/*
 * A change of indicator n's raw value and score in lang's words, in three
 * parts for the templates RS_MSG_SAY_RAISE and RS_MSG_SAY_REDUCE: the two
 * values (in English the second carries what follows a unit's "%": "5%
 * of the labour force") and what goes in the brackets, the unit and the
 * scores ("WGI estimate; score 9.8 to 100").  The caller releases the
 * parts.
 */
void rs_say_span_in(const char *lang, const struct rs_node *n, double from,
    double to, double score_from, double score_to, struct rs_buf *parts);

/* Why city ci has no priority at all, as a sentence. */
const char *rs_none_reason(const struct rs_report *r, size_t ci);

/*
 * The indicators of city ci with a gain above 0 that r does not act on
 * (their lever is not in r->levers), largest gain first, then id; at most
 * r->top of them; none when r->levers is 0.  Returns the count; *items
 * is the caller's to free.
 */
size_t rs_context_list(const struct rs_report *r, size_t ci, size_t **items);

/*
 * The sentence of a context item: who moves indicator node and what it
 * would add at its best; English, or in r->lang's words.
 */
void rs_say_context(struct rs_buf *b, const struct rs_report *r, size_t ci,
    size_t node);
void rs_say_context_in(struct rs_buf *b, const struct rs_report *r,
    size_t ci, size_t node);

/* The heading of the context list ("Context: ..."), in r->lang's words. */
const char *rs_context_heading(const struct rs_report *r, int capital);

/* A lever's name in r->lang's words ("municipal", "بلدي"; "-" for none). */
const char *rs_lever_word(const struct rs_report *r, enum rs_lever l);

/* The heading of the collect list of city ci, in r->lang's words. */
const char *rs_collect_heading(const struct rs_report *r, size_t ci,
    int capital);

/*
 * What stands in for a city's score when it has none: "the city's score"
 * or "the mean of its scored areas" (gains are relative to it).
 */
const char *rs_gain_target(const struct rs_city_result *c);

/*
 * Where a value comes from (docs/input.md, "Evidence"): 1 when the data's
 * note for it says "national proxy" (the value is the country's, standing
 * in for the city's), 0 when it is the city's own.
 */
int rs_obs_national(const struct rs_report *r, const struct rs_obs *o);

/* What city ci's score stands on: the values it uses, counted. */
struct rs_evidence {
	size_t with_data;	/* indicators with a value */
	size_t city_level;	/* of them, the city's own values */
	size_t national;	/* of them, national proxies */
	size_t undated;		/* of them, values without a year */
	int has_years;		/* 1: oldest and newest are set */
	long oldest, newest;	/* the years of the dated values */
};

void rs_evidence_of(const struct rs_report *r, size_t ci,
    struct rs_evidence *e);

/*
 * The summary sentence of e in r->lang's words: "Indicators with data:
 * 26 of 63 (city level: 2, national proxies: 24); oldest value 2014,
 * newest 2023."  The caller releases b.
 */
void rs_say_evidence(struct rs_buf *b, const struct rs_report *r,
    const struct rs_evidence *e);

/* The number of indicators below node (itself when it is one) that city
 * ci has a value of. */
size_t rs_values_below(const struct rs_report *r, size_t ci, size_t node);

/*
 * The sensitivity report's words (docs/sensitivity.md, "Results in
 * words"), one home for every format: each appends to b, in lang, the
 * sentence it names, with names as they are (the caller escapes).
 */
struct rs_sa_spec;
struct rs_sa_result;
void rs_sa_city_sentence(struct rs_buf *b, const struct rs_framework *fw,
    const char *lang, const struct rs_sa_result *res, size_t i);
void rs_sa_areas_sentence(struct rs_buf *b, const struct rs_framework *fw,
    const char *lang, const struct rs_sa_result *res, size_t i);
void rs_sa_indices_sentence(struct rs_buf *b, const char *lang,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res);
void rs_sa_index_line(struct rs_buf *b, const char *lang,
    const struct rs_sa_result *res, size_t j);
void rs_sa_interval_note(struct rs_buf *b, const char *lang);
void rs_sa_input_desc(struct rs_buf *b, const char *lang,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res, size_t j);
/* A share of runs as "97%", rounded down, into buf. */
char *rs_sa_pct(char *buf, size_t n, const char *lang, double share);
/* Level li and input in as the sentences name them (static). */
const char *rs_sa_level_word(const struct rs_framework *fw, const char *lang,
    size_t li);
const char *rs_sa_input_word(const char *lang, int input);

/*
 * The parts of the score page that the plan's page shares, so that it
 * stands alone as score's does (report_html.c, report_md.c): the style
 * sheet (A4, the Arabic font, a printed page a city), the byline of
 * --author and --date; city ci's --notes and those of its nodes, each
 * under a heading of level hl; city ci's evidence, its heading at level
 * hl; and the methodology section, with plan also how a plan is
 * computed.  The Markdown title is the page's "# " line, the byline and
 * the framework (what: the view's own title, unless --title).
 */
void rs_html_style(FILE *out);
void rs_html_byline(FILE *out, const struct rs_report *r);
void rs_html_city_notes(FILE *out, const struct rs_report *r, size_t ci,
    int hl);
void rs_html_evidence(FILE *out, const struct rs_report *r, size_t ci, int hl);
void rs_html_methodology(FILE *out, const struct rs_report *r, int plan);
void rs_md_title(FILE *out, const struct rs_report *r, const char *what);
void rs_md_city_notes(FILE *out, const struct rs_report *r, size_t ci,
    int hl);
void rs_md_evidence(FILE *out, const struct rs_report *r, size_t ci, int hl);
void rs_md_methodology(FILE *out, const struct rs_report *r, int plan);

/* The sensitivity report as one HTML page (report_html.c). */
void rs_report_html_sensitivity(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    const char *lang);

#endif /* RS_REPORT_PRIV_H */
