/*
 * describe.h - the framework tree written out for readers
 *
 * What the framework measures: every node with its id, name (in the
 * language asked for, else English), weight, and for indicators the
 * goalposts, the direction (whether a higher value is better), the valid
 * domain and the unit.  Like the reporters these functions only read the
 * framework and write to a stdio stream; the output depends on nothing
 * else, so it can be compared byte for byte.
 */
#ifndef RS_DESCRIBE_H
#define RS_DESCRIBE_H

#include <stdio.h>

#include "resilience/error.h"
#include "resilience/framework.h"

/*
 * A plain-text tree: one line per node, indented by depth, with columns
 * aligned by display width (text.h) so that Arabic names line up too.
 * lang may be NULL (English).  Returns 0 or RS_EIO.
 */
int rs_describe_text(FILE *out, const struct rs_framework *fw,
    const char *lang, struct rs_error *err);

/*
 * A Markdown document: a heading, the levels, and one table per top-level
 * node.  Text from the framework is escaped so that |, *, _, `, [, <
 * and the other inline Markdown specials print as themselves.
 */
int rs_describe_markdown(FILE *out, const struct rs_framework *fw,
    const char *lang, struct rs_error *err);

/*
 * JSON: {"framework": {...}, "levels": [...], "nodes": [...]} where nodes
 * nest through "children" in framework order.
 */
int rs_describe_json(FILE *out, const struct rs_framework *fw,
    const char *lang, struct rs_error *err);

#endif /* RS_DESCRIBE_H */
