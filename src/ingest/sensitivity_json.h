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
#include "resilience/sa_section.h"

/*
 * Load the "sensitivity" object item into s, which it clears first.
 * RS_EINPUT located at a bad key.
 */
int rs_sa_json_section(struct rs_sa_section *s,
    const struct rs_json_doc *doc, const cJSON *item, struct rs_error *err);

#endif /* RS_SENSITIVITY_JSON_H */
