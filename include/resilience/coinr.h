/*
 * coinr.h - COINr's input layouts: iMeta (the framework) and iData (the
 * units' data), so that a COINr project can be scored as it is
 * (docs/pipeline.md, "COINr input")
 */
#ifndef RS_COINR_H
#define RS_COINR_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/pipeline_spec.h"

/*
 * Load a framework from iMeta CSV text[0..len) named path: one row per
 * code with iCode, Level (1 = indicator), Parent, Weight, Direction,
 * Type (Indicator, Aggregate, Group, Denominator, Other) and optionally
 * iName, Unit, Target, Denominator.  Codes of the highest level, which
 * have no parent, are the top of the tree.  The framework gets a
 * pipeline with COINr's defaults: denominators applied, min-max onto
 * [0, 100], weighted arithmetic means of whatever children are present.
 * Errors are RS_EINPUT located at the iMeta row and column; fw is then
 * empty.  Node positions point into the iMeta file.
 */
int rs_coinr_read_meta(struct rs_framework *fw, const char *text,
    size_t len, const char *path, struct rs_error *err);

/* Read and load the iMeta file at path. */
int rs_coinr_load_meta(struct rs_framework *fw, const char *path,
    struct rs_error *err);

/*
 * Read an iData CSV table text[0..len) named path for framework fw: a
 * uCode (or city) column, optionally uName and Time (or year), a column
 * for every indicator of fw, and any further columns (groups,
 * denominators), kept as text and as numbers.  A missing value is an
 * empty field, NA or N/A.  Errors (RS_EINPUT) are located at the field:
 * a bad number, a missing indicator column, a duplicate unit and year.
 */
int rs_coinr_read_data(struct rs_table *t, const struct rs_framework *fw,
    const char *text, size_t len, const char *path, struct rs_error *err);

/* Read the iData file at path ("-" is standard input). */
int rs_coinr_load_data(struct rs_table *t, const struct rs_framework *fw,
    const char *path, struct rs_error *err);

#endif /* RS_COINR_H */
