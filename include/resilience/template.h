/*
 * template.h - an empty data-collection sheet for a framework
 *
 * The template is a long CSV (docs/input.md) with one row per indicator of
 * the framework, in framework order, and the columns
 *
 *	[city,] indicator, name, unit, value, year, source, note,
 *	suggested_source
 *
 * value, year, source and note are left empty for the data collector;
 * name and unit say what is measured and suggested_source where the
 * framework suggests looking.  Filled in, the file is read by
 * rs_dataset_read_file() as it is: a missing value is an empty field, and
 * the columns other than city, indicator, value and year are kept as
 * extras.  Cells that a spreadsheet would take for a formula are written
 * with a leading single quote (csv_writer.h); an indicator id that needs
 * this guard therefore does not read back, and the template says so by
 * failing with RS_EINPUT rather than writing it.
 */
#ifndef RS_TEMPLATE_H
#define RS_TEMPLATE_H

#include <stdio.h>

#include "resilience/error.h"
#include "resilience/framework.h"

struct rs_template {
	const char *lang;	/* names in this language, NULL: en */
	const char *city;	/* value of a first city column, NULL: none */
};

/*
 * Write the template of fw to out.  Returns 0, RS_EINPUT when an
 * indicator id would not survive the formula guard, or RS_EIO when out
 * cannot be written.  Nothing is allocated that outlives the call.
 */
int rs_template_write(FILE *out, const struct rs_framework *fw,
    const struct rs_template *t, struct rs_error *err);

#endif /* RS_TEMPLATE_H */
