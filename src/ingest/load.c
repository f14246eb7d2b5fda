/*
 * load.c - what a command is given, whatever its format: one sniffer and
 * one entry point over every reader
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "ingest/readers.h"
#include "io/readfile.h"
#include "resilience/load.h"

enum rs_input_kind
rs_input_sniff(const char *text, size_t len, enum rs_input_format format)
{
	int indicator, icode;
	size_t i = 0;

	if (format == RS_INPUT_AUTO) {
		if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
			i = 3;
		while (i < len && text[i] != '\0' && strchr(" \t\r\n",
		    text[i]) != NULL)
			i++;
		if (i < len && (text[i] == '{' || text[i] == '['))
			format = RS_INPUT_JSON;
	}
	if (format == RS_INPUT_JSON)
		return RS_KIND_JSON;
	if (!rs_csv_header(text, len, &indicator, &icode))
		return RS_KIND_CSV_TABLE;
	return indicator ? RS_KIND_CSV_LONG : icode ? RS_KIND_CSV_META :
	    RS_KIND_CSV_TABLE;
}

int
rs_dataset_read_text(struct rs_dataset *ds, const char *name,
    const char *text, size_t len, enum rs_input_format format,
    struct rs_error *err)
{
	struct rs_pos at;
	int rc;

	if ((rc = rs_ds_new_file(ds, name, len, &at, err)) != 0)
		return rc;
	if (rs_input_sniff(text, len, format) == RS_KIND_JSON)
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

/* A framework file: JSON, or COINr's iMeta (rs_inputs_load()). */
static int
load_framework(struct rs_framework *fw, const char *path,
    struct rs_error *err)
{
	enum rs_input_kind kind;
	char *text = NULL;
	size_t len = 0, n;
	int rc;

	if (path == NULL)
		return rs_framework_load_default(fw, err);
	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	kind = rs_input_sniff(text, len, RS_INPUT_AUTO);
	n = strlen(path);
	if (kind == RS_KIND_CSV_META || (kind != RS_KIND_JSON && n > 4 &&
	    strcasecmp(path + n - 4, ".csv") == 0))
		rc = rs_coinr_read_meta(fw, text, len, path, err);
	else
		rc = rs_framework_load_json(fw, text, len, path, err);
	free(text);
	return rc;
}

/* The one data file of a pipeline into in->table. */
static int
load_table(struct rs_inputs *in, const struct rs_load_opts *o,
    struct rs_error *err)
{
	const char *path = o->files[0];
	enum rs_input_kind kind;
	char *text = NULL;
	size_t len = 0;
	int rc;

	in->table = rs_malloc(sizeof(*in->table));
	rs_table_init(in->table);
	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	kind = rs_input_sniff(text, len, o->format);
	if (kind == RS_KIND_CSV_TABLE || kind == RS_KIND_CSV_META) {
		rc = rs_coinr_read_data(in->table, &in->fw, text, len, path,
		    err);
	} else {
		rc = rs_dataset_read_text(&in->ds, path, text, len, o->format,
		    err);
		if (rc == 0 && rs_table_from_dataset(in->table, &in->ds,
		    o->has_year, o->year) != 0)
			rc = rs_error_set(err, RS_EINPUT, path, 1, 1,
			    "no city data in the input");
	}
	free(text);
	return rc;
}

int
rs_inputs_load(struct rs_inputs *in, const struct rs_load_opts *o,
    struct rs_error *err)
{
	size_t i, nstdin = 0;
	int rc;

	memset(in, 0, sizeof(*in));
	rs_framework_init(&in->fw);
	rs_dataset_init(&in->ds, &in->fw);
	for (i = 0; i < o->nfiles; i++)
		nstdin += strcmp(o->files[i], "-") == 0;
	if (o->framework != NULL)
		nstdin += strcmp(o->framework, "-") == 0;
	if (nstdin > 1)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0,
		    "standard input ('-') can be read only once");
	if ((rc = load_framework(&in->fw, o->framework, err)) != 0)
		return rc;
	if (o->nfiles == 0)
		return 0;
	if (in->fw.pipeline != NULL || o->table) {
		if (o->nfiles != 1)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0, "a "
			    "framework with a pipeline scores one data file, "
			    "not %zu", o->nfiles);
		return load_table(in, o, err);
	}
	for (i = 0; i < o->nfiles; i++)
		if ((rc = rs_dataset_read_file(&in->ds, o->files[i],
		    o->format, err)) != 0)
			return rc;
	rs_dataset_read_done(&in->ds);
	return 0;
}

void
rs_inputs_release(struct rs_inputs *in)
{
	if (in->table != NULL) {
		rs_table_release(in->table);
		free(in->table);
	}
	rs_dataset_release(&in->ds);
	rs_framework_release(&in->fw);
	memset(in, 0, sizeof(*in));
}
