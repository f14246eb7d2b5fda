/*
 * report.h - writing scored results
 *
 * Reporters only read: the framework, the results of rs_engine_score() and,
 * where a report shows where a value came from, the dataset and the
 * observation chosen for each cell.  They write to a stdio stream; the
 * caller decides where the bytes go (the CLI buffers them so that a
 * failed run writes nothing).  Output depends on nothing but the inputs:
 * no time, no locale, no environment.
 */
#ifndef RS_REPORT_H
#define RS_REPORT_H

#include <stdio.h>

#include "resilience/baseline.h"
#include "resilience/change.h"
#include "resilience/dataset.h"
#include "resilience/engine.h"
#include "resilience/error.h"
#include "resilience/notes.h"
#include "resilience/timeline.h"

/* What a report shows (docs/cli.md: the commands of the same names). */
enum rs_report_view {
	RS_VIEW_SCORE,		/* each city's scores, levels and gains */
	RS_VIEW_COMPARE,	/* the cities side by side, ranked */
	RS_VIEW_PRIORITIES,	/* what to improve and to collect first */
	RS_VIEW_TREND,		/* every city year by year (r->trend) */
	RS_VIEW_SHOCK,		/* before, in and after a shock (r->shock) */
};

/* How a report is written (docs/cli.md, "Formats"). */
enum rs_report_format {
	RS_FORMAT_TEXT,		/* aligned for a terminal, 80 columns */
	RS_FORMAT_JSON,		/* one document (docs/schema/) */
	RS_FORMAT_CSV,		/* RFC 4180, a row per city and node */
	RS_FORMAT_MD,		/* GitHub-flavoured Markdown tables */
	RS_FORMAT_HTML,		/* one self-contained page with charts */
	RS_FORMAT_XLSX,		/* a workbook: scores and evidence (score
				   and compare only) */
};

struct rs_report {
	const struct rs_framework *fw;	/* the framework scored against */
	const struct rs_results *res;	/* the scores */
	const struct rs_dataset *ds;	/* the data, or NULL */
	const size_t *chosen;		/* rs_dataset_select() cells, or NULL */
	int in_place;			/* chosen is NULL for ds's matrix was
					   scored in place (rs_dataset_chosen()) */
	const char *lang;		/* names in this language, NULL: en */
	int color;			/* 1: ANSI colours in text output */
	int top;			/* priorities to list in text output */
	int depth;			/* compare: deepest node level shown */
	int by_node;			/* priorities: rank areas and RPIs */
	const struct rs_baseline *base;	/* earlier scores, or NULL */
	const struct rs_change *change;	/* with base: what changed */
	const char *const *ids;		/* per city: its id (NULL: names) */
	const size_t *stale;		/* per city and indicator: the value
					   --max-age left out, or NULL */
	int has_max_age;		/* --max-age was given */
	long max_age;			/* --max-age, in years */
	long year;			/* the year of the values, 0: latest */
	int details;			/* text: every value and its year */
	double framework_coverage;	/* the framework's min_coverage when
					   scored below it (--min-coverage:
					   fw->min_coverage is then the one
					   used), else 0 or NaN */
	/* RS_VIEW_TREND and RS_VIEW_SHOCK (res is then NULL): */
	const struct rs_trend *trend;	/* the trend, or NULL */
	const struct rs_shock *shock;	/* the shock analysis, or NULL */
	const struct rs_shock_spec *shock_spec;	/* its years and series */
	const struct rs_timeline_opts *timeline;	/* which values */
	/* A report that stands alone (docs/cli.md, "Publishing"): */
	const char *title;		/* --title, or NULL: the view's own */
	const char *author;		/* --author, or NULL */
	const char *date;		/* --date as given, or NULL (never
					   the clock) */
	const struct rs_notes *notes;	/* --notes, or NULL */
	unsigned levers;		/* the levers acted on
					   (RS_LEVER_BIT()); 0: every lever,
					   and no list of context */
};

/* The JSON report of docs/cli.md ("score --format json"). */
int rs_report_json(FILE *out, const struct rs_report *r,
    struct rs_error *err);

/* The text report: a block per city, fitting 80 columns. */
int rs_report_text(FILE *out, const struct rs_report *r,
    struct rs_error *err);

/*
 * Write view of r to out in format.  r->top bounds the priorities listed
 * (and, for RS_VIEW_PRIORITIES, the data to collect) per city, r->depth
 * the node levels of RS_VIEW_COMPARE; with r->base every node's change
 * since the baseline is shown.  RS_EIO when out cannot be written.
 */
int rs_report_write(FILE *out, const struct rs_report *r,
    enum rs_report_view view, enum rs_report_format format,
    struct rs_error *err);

#endif /* RS_REPORT_H */
