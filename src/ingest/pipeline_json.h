/*
 * pipeline_json.h - the "pipeline" section and per-node pipeline keys of a
 * framework file (docs/pipeline.md, "The pipeline section")
 *
 * framework.c calls these while it loads a framework that has a
 * "pipeline" section; nothing else reads the keys.
 */
#ifndef RS_PIPELINE_JSON_H
#define RS_PIPELINE_JSON_H

#include <stddef.h>

#include "io/jsonutil.h"
#include "resilience/pipeline_spec.h"

/* Load the "pipeline" object item into spec (defaults already set). */
int rs_pipeline_json_section(struct rs_pipeline_spec *spec,
    const struct rs_json_doc *doc, const cJSON *item, struct rs_error *err);

/*
 * Load the pipeline keys of node item (framework node index node, id id)
 * into spec->node[node]: direction, target, denominator, scale, treat and
 * normalise for an indicator (has_goalposts: worst and best were given,
 * dir: the direction they imply); aggregate and min_coverage for an
 * aggregate.
 */
int rs_pipeline_json_node(struct rs_pipeline_spec *spec,
    const struct rs_json_doc *doc, const cJSON *item, size_t node,
    const char *id, int indicator, int has_goalposts, int dir,
    struct rs_error *err);

#endif /* RS_PIPELINE_JSON_H */
