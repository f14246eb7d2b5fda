/*
 * i18n.h - the words of the reports that are not in the framework:
 * headings, column names, chart titles and the sentences around numbers
 *
 * The framework carries its own names (areas, indicators, levels) in as
 * many languages as its file gives; what the tool itself says lives in one
 * table here, in English and Modern Standard Arabic, so that a translation
 * is reviewed in one place.  Any other language gets English.
 */
#ifndef RS_I18N_H
#define RS_I18N_H

#include <stdio.h>

enum rs_msg {
	RS_MSG_TITLE_SCORE,
	RS_MSG_TITLE_COMPARE,
	RS_MSG_TITLE_PRIORITIES,
	RS_MSG_SUBJECT,
	RS_MSG_FRAMEWORK,
	RS_MSG_VERSION,
	RS_MSG_CITY,
	RS_MSG_CITY_SCORE,
	RS_MSG_SCORE,
	RS_MSG_LEVEL,
	RS_MSG_COVERAGE,
	RS_MSG_RANK,
	RS_MSG_OF,
	RS_MSG_DATA,
	RS_MSG_AREA,
	RS_MSG_INDICATOR,
	RS_MSG_ID,
	RS_MSG_GAIN,
	RS_MSG_GAP,
	RS_MSG_BEST,
	RS_MSG_NA,
	RS_MSG_NO_DATA,
	RS_MSG_NO_CITIES,
	RS_MSG_NO_SCORE,
	RS_MSG_COVERAGE_NOTE,
	RS_MSG_LEVELS,
	RS_MSG_LEVEL_RANGE,
	RS_MSG_CITIES,
	RS_MSG_SCORES,
	RS_MSG_RANKING,
	RS_MSG_AREAS,
	RS_MSG_INDICATORS,
	RS_MSG_PRIORITIES,
	RS_MSG_PRIORITIES_NOTE,
	RS_MSG_COLLECT,
	RS_MSG_COLLECT_NOTE,
	RS_MSG_WEIGHT_IF,
	RS_MSG_WEIGHT_FULL,
	RS_MSG_MEANING,
	RS_MSG_NOTE,
	RS_MSG_SAY_GAIN,
	RS_MSG_SAY_COLLECT,
	RS_MSG_SAY_BLOCKED,
	RS_MSG_NONE_BEST,
	RS_MSG_NONE_NO_DATA,
	RS_MSG_TARGET_CITY,
	RS_MSG_TARGET_MEAN,
	RS_MSG_RADAR_TITLE,
	RS_MSG_RADAR_DESC,
	RS_MSG_BARS_TITLE,
	RS_MSG_BARS_DESC,
	RS_MSG_HEAT_TITLE,
	RS_MSG_HEAT_DESC,
	RS_MSG_PRI_TITLE,
	RS_MSG_PRI_DESC,
	RS_MSG_AXIS_SCORE,
	RS_MSG_AXIS_GAIN,
	RS_MSG_AXIS_AREA,
	RS_MSG_AXIS_INDICATOR,
	RS_MSG_CITY_POLYGON,
	RS_MSG_FOOTER,
	RS_MSG_BASELINE,
	RS_MSG_CHANGE,
	RS_MSG_NEW,
	RS_MSG_GAP_SHORT,
	RS_MSG_AREAS_FIRST,
	RS_MSG_T_NO_SCORE,
	RS_MSG_T_PRIORITIES,
	RS_MSG_T_GAP,
	RS_MSG_T_CHANGE,
	RS_MSG_T_TITLE_SCORE,
	RS_MSG_T_TITLE_COMPARE,
	RS_MSG_T_TITLE_PRIORITIES,
	RS_MSG_T_GAIN_NOTE,
	RS_MSG_T_GAP_NOTE,
	RS_MSG_NAME,
	RS_MSG_VERSION_WORD,
	RS_MSG_SINCE_BASELINE,
	RS_MSG_AREAS_FIRST_CAP,
	RS_MSG_MD_GAP,
	RS_MSG_MD_CHANGE,
	RS_MSG_MD_PRIORITIES,
	/* the text reports' lower-case heads and lines */
	RS_MSG_T_FRAMEWORK,
	RS_MSG_T_SCORE,
	RS_MSG_T_LEVEL,
	RS_MSG_T_COVERAGE,
	RS_MSG_T_RANK,
	RS_MSG_T_CITY,
	RS_MSG_T_CITY_SCORE,
	RS_MSG_T_RANKING,
	RS_MSG_T_BEST,
	RS_MSG_T_NO_CITIES,
	RS_MSG_T_TO_IMPROVE,
	RS_MSG_T_COLLECT,
	/* the Markdown reports' column heads */
	RS_MSG_MD_COL_ID,
	RS_MSG_MD_COL_DATA,
	RS_MSG_MD_COL_CHANGE,
	RS_MSG_MD_COL_GAIN,
	RS_MSG_MD_COL_GAP,
	RS_MSG_MD_CITY_SCORE,
	/* years, identity and like-for-like change (docs/methodology.md) */
	RS_MSG_DATA_SPAN,
	RS_MSG_DATA_YEAR,
	RS_MSG_DATA_UNDATED,
	RS_MSG_DATA_STALE,
	RS_MSG_YEAR,
	RS_MSG_YEARS,
	RS_MSG_VALUE,
	RS_MSG_SOURCE,
	RS_MSG_UNDATED,
	RS_MSG_VALUES,
	RS_MSG_STALE,
	RS_MSG_STALE_ITEM,
	RS_MSG_TOTAL,
	RS_MSG_LIKE,
	RS_MSG_COMPOSITION,
	RS_MSG_T_CHANGE_PARTS,
	RS_MSG_LIKE_NOTE,
	RS_MSG_MISSING_CITIES,
	RS_MSG_MISSING,
	RS_MSG_REFUSED,
	RS_MSG_NO_VALUES,
	RS_MSG_MD_LIKE,
	RS_MSG_MD_COMPOSITION,
	RS_MSG_T_LIKE,
	RS_MSG_T_COMPOSITION,
	RS_MSG_H_CHANGE,
	RS_MSG_H_LIKE,
	RS_MSG_H_COMPOSITION,
	RS_MSG_TITLE_TREND,
	RS_MSG_TITLE_SHOCK,
	RS_MSG_T_TITLE_TREND,
	RS_MSG_T_TITLE_SHOCK,
	RS_MSG_TREND_SPAN,
	RS_MSG_VALUES_OF_YEAR,
	RS_MSG_VALUES_MAX_AGE,
	RS_MSG_SHOCK_YEARS,
	RS_MSG_REFERENCE,
	RS_MSG_BEFORE,
	RS_MSG_SHOCK,
	RS_MSG_AFTER,
	RS_MSG_LOSS,
	RS_MSG_REBOUND,
	RS_MSG_NET,
	RS_MSG_RATIO,
	RS_MSG_YTR,
	RS_MSG_RESISTANCE,
	RS_MSG_RECOVERY,
	RS_MSG_SERIES,
	RS_MSG_NO_REFERENCE,
	RS_MSG_SHOCK_NOTE,
	RS_MSG_TREND_NOTE,
	RS_MSG_LINE_TITLE,
	RS_MSG_LINE_DESC,
	RS_MSG_AXIS_YEAR,
	RS_MSG_SHOCK_BARS_TITLE,
	RS_MSG_SHOCK_BARS_DESC,
	/* the text reports of trend and shock */
	RS_MSG_T_YEAR,
	RS_MSG_T_YEARS,
	RS_MSG_T_BEFORE,
	RS_MSG_T_SHOCK,
	RS_MSG_T_AFTER,
	RS_MSG_T_LOSS,
	RS_MSG_T_REBOUND,
	RS_MSG_T_NET,
	RS_MSG_T_RATIO,
	RS_MSG_T_YTR,
	RS_MSG_T_RESISTANCE,
	RS_MSG_T_RECOVERY,
	RS_MSG_COUNT
};

/*
 * Expand template tmpl with %1..%9 replaced by args[0..n), as they are,
 * handing the pieces in order to put(ctx, s, len).
 */
void rs_i18n_expand(const char *tmpl, const char *const *args, size_t n,
    void (*put)(void *ctx, const char *s, size_t len), void *ctx);

/* The same, written to out: for text, where nothing needs escaping. */
void rs_i18n_print(FILE *out, const char *tmpl, const char *const *args,
    size_t n);

/* Whether lang (NULL: en) asks for the Arabic words. */
int rs_i18n_arabic(const char *lang);

/* Whether text in lang is written right to left (ar, fa, he, ur). */
int rs_i18n_rtl(const char *lang);

/*
 * The text of msg in lang (Arabic for "ar" and "ar-..", else English),
 * static.  Some are templates: %1 to %9 stand for arguments, so that
 * each language puts them in the order its grammar needs.
 */
const char *rs_i18n(const char *lang, enum rs_msg msg);

#endif /* RS_I18N_H */
