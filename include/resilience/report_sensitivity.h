/*
 * report_sensitivity.h - the reports of the sensitivity analysis
 */
#ifndef RS_REPORT_SENSITIVITY_H
#define RS_REPORT_SENSITIVITY_H

#include <stdio.h>

#include "resilience/error.h"
#include "resilience/report.h"
#include "resilience/sensitivity.h"

/*
 * Write res as text, JSON (docs/schema/sensitivity.schema.json), CSV or
 * HTML; spec is what res was run with (labels of the alternatives), lang
 * (NULL: English) the language of the sentences and names.
 */
int rs_report_sensitivity(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    enum rs_report_format format, const char *lang, struct rs_error *err);

/*
 * Write the design as CSV: a row per run with its block (MC, or A, B,
 * AB1 ... of the Saltelli design), each input's u and the alternative it
 * picked, and the run's mean absolute rank shift.
 */
int rs_report_sa_design(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    struct rs_error *err);

#endif /* RS_REPORT_SENSITIVITY_H */
