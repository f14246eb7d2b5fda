/*
 * template.h - a data-collection sheet for a framework, that teaches
 *
 * The template is a long table (docs/input.md) with one row per indicator
 * of the framework, in framework order, and the columns
 *
 *	[city,] indicator, name, unit, direction, worst, best, min, max,
 *	value, year | one column per year, source, note, suggested_source
 *	[, rubric_1 ... rubric_5]
 *
 * value and year (or the year columns of --years), source and note are
 * left empty for the data collector; the others say what is measured:
 * the unit, whether higher or lower is better, the goalposts (worst
 * scores 0, best 100), the valid range, where to look, and for a rubric
 * item the five levels as the value may be written ("3: ...",
 * rs_rubric_level()), all in the language asked for.  Filled in, the
 * file is read by rs_dataset_read_file() as it is: a missing value is an
 * empty field, the columns other than city, indicator, value and year
 * (or the year columns) are kept as extras, and a UTF-8 byte order mark
 * is skipped.  Cells that a spreadsheet would take for a formula are
 * written with a leading single quote (csv_writer.h); an indicator id
 * that needs this guard therefore does not read back, and the template
 * says so by failing with RS_EINPUT rather than writing it.
 *
 * The .xlsx template holds the same table on its first sheet, with the
 * cells to fill in unlocked and the others locked, an input prompt on
 * each value cell (unit, direction, goalposts, range), a validation from
 * the indicator's domain, and for a rubric item a drop-down list of its
 * five levels, kept on a second sheet; under a right-to-left language
 * the sheets run right to left.
 */
#ifndef RS_TEMPLATE_H
#define RS_TEMPLATE_H

#include <stddef.h>
#include <stdio.h>

#include "resilience/error.h"
#include "resilience/framework.h"

struct rs_template {
	const char *lang;	/* names in this language, NULL: en */
	const char *city;	/* value of a first city column, NULL: none */
	long year_from;		/* --years FROM-TO: a value column per year; */
	long year_to;		/* 0 and 0: one value and one year column */
	int no_bom;		/* CSV: no UTF-8 byte order mark */
};

/* The most year columns --years may ask for. */
#define RS_TEMPLATE_MAX_YEARS 50

/*
 * Write the CSV template of fw to out.  Returns 0, RS_EINPUT when an
 * indicator id would not survive the formula guard, or RS_EIO when out
 * cannot be written.  Nothing is allocated that outlives the call.
 */
int rs_template_write(FILE *out, const struct rs_framework *fw,
    const struct rs_template *t, struct rs_error *err);

/*
 * Make the .xlsx template of fw: *buf (the caller frees it) and *len hold
 * the workbook's bytes.  Returns 0, RS_EINPUT as rs_template_write(), or
 * RS_EIO when the workbook cannot be made.
 */
int rs_template_xlsx(const struct rs_framework *fw,
    const struct rs_template *t, char **buf, size_t *len,
    struct rs_error *err);

#endif /* RS_TEMPLATE_H */
