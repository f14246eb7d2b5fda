/*
 * template.c - the data-collection sheet of a framework (template.h)
 */
#include <errno.h>
#include <stdio.h>

#include "io/csv_writer.h"
#include "resilience/template.h"

#define NCOLS 9		/* city and the eight columns of every row */

int
rs_template_write(FILE *out, const struct rs_framework *fw,
    const struct rs_template *t, struct rs_error *err)
{
	static const char *const header[NCOLS] = {
		"city", "indicator", "name", "unit", "value", "year",
		"source", "note", "suggested_source",
	};
	const char *row[NCOLS];
	const struct rs_node *node;
	size_t i, skip = t->city == NULL ? 1 : 0;

	for (i = 0; i < fw->nindicators; i++) {
		node = &fw->nodes[fw->indicators[i]];
		if (rs_csv_needs_guard(node->id))
			return rs_error_set(err, RS_EINPUT, fw->path,
			    node->line, node->col, "indicator id \"%s\" "
			    "begins with a character that spreadsheets "
			    "treat as a formula; the template would not "
			    "read back", node->id);
	}
	if (rs_csv_write_record(out, header + skip, NCOLS - skip) != 0)
		goto fail;
	for (i = 0; i < fw->nindicators; i++) {
		node = &fw->nodes[fw->indicators[i]];
		row[0] = t->city;
		row[1] = node->id;
		row[2] = rs_name_get(node->names, node->nnames, t->lang,
		    node->id);
		row[3] = node->unit;
		row[4] = row[5] = row[6] = row[7] = NULL;
		row[8] = node->source;
		if (rs_csv_write_record(out, row + skip, NCOLS - skip) != 0)
			goto fail;
	}
	return 0;
fail:
	return rs_error_io(err, errno, "", "cannot write the template");
}
