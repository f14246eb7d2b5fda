/*
 * sensitivity_json.h - the "sensitivity" section of a framework file
 * (docs/sensitivity.md, "The sensitivity section of a framework")
 *
 * framework_json.c calls this while it loads a framework that has a
 * "sensitivity" section, from the document it parsed for the rest.
 */
#ifndef RS_SENSITIVITY_JSON_H
#define RS_SENSITIVITY_JSON_H

#include "io/jsonutil.h"
#include "resilience/framework.h"
#include "resilience/sa_section.h"

/*
 * Load the "sensitivity" object item into s, which it clears first, for
 * framework fw, read but for this section (its pipeline and indicators
 * known).  RS_EINPUT located at a bad key: a value out of range, or an
 * input the framework cannot vary (goalposts under a pipeline,
 * normalisers or winsorisation without one, indicators to exclude from
 * a framework of one, a Sobol design of one run).
 */
int rs_sa_json_section(struct rs_sa_section *s,
    const struct rs_framework *fw, const struct rs_json_doc *doc,
    const cJSON *item, struct rs_error *err);

#endif /* RS_SENSITIVITY_JSON_H */
