/*
 * load.c - city data files into a dataset, whatever their format
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/readers.h"
#include "io/readfile.h"
#include "resilience/load.h"

int
rs_dataset_read_text(struct rs_dataset *ds, const char *name,
    const char *text, size_t len, enum rs_input_format format,
    struct rs_error *err)
{
	struct rs_pos at;
	size_t i = 0;
	int rc;

	if ((rc = rs_ds_new_file(ds, name, len, &at, err)) != 0)
		return rc;
	if (format == RS_INPUT_AUTO) {
		if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
			i = 3;
		while (i < len && strchr(" \t\r\n", text[i]) && text[i])
			i++;
		format = i < len && (text[i] == '{' || text[i] == '[') ?
		    RS_INPUT_JSON : RS_INPUT_CSV;
	}
	if (format == RS_INPUT_JSON)
		return rs_json_read(ds, text, len, &at, err);
	return rs_csv_read(ds, text, len, &at, err);
}

int
rs_dataset_read_file(struct rs_dataset *ds, const char *path,
    enum rs_input_format format, struct rs_error *err)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	rc = rs_dataset_read_text(ds, path, text, len, format, err);
	free(text);
	return rc;
}
