/*
 * load.c - what a command is given, whatever its format: one sniffer and
 * one entry point over every reader, workbooks (ingest/sheet.h) included
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "base/text.h"
#include "ingest/readers.h"
#include "ingest/sheet.h"
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
rs_load_sheet(struct rs_dataset *ds, const struct rs_sheet *sh, size_t len,
    struct rs_error *err)
{
	struct rs_pos at;
	int rc;

	if ((rc = rs_ds_new_sheet(ds, sh->label, len, &at, err)) != 0)
		return rc;
	return rs_csv_read_sheet(ds, sh, &at, err);
}

/* A workbook: its sheet's cells through the CSV reader's rows. */
static int
read_book(struct rs_dataset *ds, const char *name, const char *data,
    size_t len, enum rs_input_format format, const char *sheet,
    struct rs_error *err)
{
	struct rs_sheet sh;
	int rc;

	rs_sheet_init(&sh);
	rc = rs_sheet_read(&sh, name, data, len, format == RS_INPUT_XLSX ?
	    RS_SHEET_XLSX : format == RS_INPUT_ODS ? RS_SHEET_ODS :
	    RS_SHEET_ANY, sheet, NULL, err);
	if (rc == 0)
		rc = rs_load_sheet(ds, &sh, len, err);
	rs_sheet_release(&sh);
	return rc;
}

static int read_text(struct rs_dataset *ds, const char *name,
    const char *text, size_t len, enum rs_input_format format,
    const char *sheet, int discard, struct rs_error *err);

int
rs_dataset_read_text(struct rs_dataset *ds, const char *name,
    const char *text, size_t len, enum rs_input_format format,
    struct rs_error *err)
{
	return rs_dataset_read_text_sheet(ds, name, text, len, format, NULL,
	    err);
}

int
rs_dataset_read_text_sheet(struct rs_dataset *ds, const char *name,
    const char *text, size_t len, enum rs_input_format format,
    const char *sheet, struct rs_error *err)
{
	return read_text(ds, name, text, len, format, sheet, 0, err);
}

/* The same; discard: text is rs_read_file()'s, read once (readers.h). */
static int
read_text(struct rs_dataset *ds, const char *name, const char *text,
    size_t len, enum rs_input_format format, const char *sheet, int discard,
    struct rs_error *err)
{
	struct rs_pos at;
	int rc;

	if (format == RS_INPUT_XLSX || format == RS_INPUT_ODS ||
	    (format == RS_INPUT_AUTO && rs_sheet_is_zip(text, len)))
		return read_book(ds, name, text, len, format, sheet, err);
	if ((rc = rs_ds_new_file(ds, name, len, &at, err)) != 0)
		return rc;
	if (rs_input_sniff(text, len, format) == RS_KIND_JSON)
		return rs_json_read(ds, text, len, &at, err);
	return rs_csv_read(ds, text, len, discard, &at, err);
}

int
rs_dataset_read_file(struct rs_dataset *ds, const char *path,
    enum rs_input_format format, struct rs_error *err)
{
	return rs_dataset_read_file_sheet(ds, path, format, NULL, err);
}

int
rs_dataset_read_file_sheet(struct rs_dataset *ds, const char *path,
    enum rs_input_format format, const char *sheet, struct rs_error *err)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	rc = read_text(ds, path, text, len, format, sheet, 1, err);
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
	if (rs_sheet_is_zip(text, len))
		rc = rs_coinr_read_meta_book(fw, text, len, path, err);
	else if (kind == RS_KIND_CSV_META || (kind != RS_KIND_JSON && n > 4 &&
	    strcasecmp(path + n - 4, ".csv") == 0))
		rc = rs_coinr_read_meta(fw, text, len, path, err);
	else
		rc = rs_framework_load_json(fw, text, len, path, err);
	free(text);
	return rc;
}

/*
 * Does sheet `sheet` of workbook data[0..len) have an "indicator" column
 * in its header (its first row that holds something), so that it is in
 * the long layout rather than COINr's iData?  An unreadable workbook
 * says no: its error comes when it is read.
 */
static int
sheet_is_long(const char *data, size_t len, const char *sheet)
{
	struct rs_sheet sh;
	struct rs_error err = {0};
	size_t i, n;
	const char *s;
	int yes = 0;

	rs_sheet_init(&sh);
	if (rs_sheet_read(&sh, "", data, len, RS_SHEET_ANY, sheet, NULL,
	    &err) == 0)
		for (i = 0; i < sh.ncells && sh.cells[i].row ==
		    sh.cells[0].row && !yes; i++) {
			if (sh.cells[i].kind != RS_CELL_TEXT)
				continue;
			n = sh.cells[i].len;
			s = rs_trim(sh.cells[i].text, &n);
			yes = n == 9 && strncasecmp(s, "indicator", 9) == 0;
		}
	rs_sheet_release(&sh);
	return yes;
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
	if (o->format == RS_INPUT_XLSX || o->format == RS_INPUT_ODS ||
	    (o->format == RS_INPUT_AUTO && rs_sheet_is_zip(text, len))) {
		if (!sheet_is_long(text, len, o->sheet))
			rc = rs_coinr_read_data_book(in->table, &in->fw, text,
			    len, path, o->sheet, err);
		else if ((rc = rs_dataset_read_text_sheet(&in->ds, path, text,
		    len, o->format, o->sheet, err)) == 0 &&
		    rs_table_from_dataset(in->table, &in->ds, o->has_year,
		    o->year) != 0)
			rc = rs_error_set(err, RS_EINPUT, path, 1, 1,
			    "no city data in the input");
	} else if (kind == RS_KIND_CSV_TABLE || kind == RS_KIND_CSV_META) {
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
	if (o->cities != NULL)
		nstdin += strcmp(o->cities, "-") == 0;
	if (nstdin > 1)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0,
		    "standard input ('-') can be read only once");
	if ((rc = load_framework(&in->fw, o->framework, err)) != 0)
		return rc;
	if (o->nfiles == 0)
		return 0;
	if (in->fw.pipeline != NULL || o->table) {
		if (o->cities != NULL)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--cities does not apply to a framework with a "
			    "pipeline");
		if (o->nfiles != 1)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0, "a "
			    "framework with a pipeline scores one data file, "
			    "not %zu", o->nfiles);
		return load_table(in, o, err);
	}
	for (i = 0; i < o->nfiles; i++)
		if ((rc = rs_dataset_read_file_sheet(&in->ds, o->files[i],
		    o->format, o->sheet, err)) != 0)
			return rc;
	rs_dataset_read_done(&in->ds);
	/* docs/input.md, "Cities": the identity, then one id per city */
	if (o->cities != NULL && (rc = rs_dataset_read_cities(&in->ds,
	    o->cities, err)) != 0)
		return rc;
	return rs_dataset_check_ids(&in->ds, err);
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
