/*
 * shock_json.h - the "shock" section of a framework file
 * (docs/framework-format.md, "The shock section")
 *
 * framework_json.c calls this once the nodes are loaded, so that the
 * section's series can name indicators.
 */
#ifndef RS_SHOCK_JSON_H
#define RS_SHOCK_JSON_H

#include "io/jsonutil.h"
#include "base/mem.h"
#include "resilience/framework.h"

/*
 * Load the "shock" object item of the document of fw into s: "before",
 * "shock" and "after" years in that order, "series" an array of indicator
 * ids, "reference" a string.  Strings are kept in pool.  RS_EINPUT
 * located at a bad key.
 */
int rs_shock_json_section(struct rs_shock_section *s,
    const struct rs_framework *fw, struct rs_pool *pool,
    const struct rs_json_doc *doc, const cJSON *item, struct rs_error *err);

#endif /* RS_SHOCK_JSON_H */
