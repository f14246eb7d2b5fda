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

#include "resilience/dataset.h"
#include "resilience/engine.h"
#include "resilience/error.h"

struct rs_report {
	const struct rs_framework *fw;	/* the framework scored against */
	const struct rs_results *res;	/* the scores */
	const struct rs_dataset *ds;	/* the data, or NULL */
	const size_t *chosen;		/* rs_dataset_select() cells, or NULL */
	const char *lang;		/* names in this language, NULL: en */
	int color;			/* 1: ANSI colours in text output */
	int top;			/* priorities to list in text output */
};

/* The JSON report of docs/cli.md ("score --format json"). */
int rs_report_json(FILE *out, const struct rs_report *r,
    struct rs_error *err);

/* The text report: a block per city, fitting 80 columns. */
int rs_report_text(FILE *out, const struct rs_report *r,
    struct rs_error *err);

#endif /* RS_REPORT_H */
