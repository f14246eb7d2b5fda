/*
 * load.h - files into the model: frameworks and city data
 *
 * Every reader of the library is reached from here: framework files
 * (JSON, COINr iMeta CSV or a workbook sheet), city data (long or wide
 * CSV, JSON, COINr iData CSV, a sheet of an .xlsx or .ods workbook) and
 * standard input ("-").  One sniffer, rs_input_sniff(), tells what a text
 * file holds, and one entry point, rs_inputs_load(), reads what a command
 * is given.  The model (framework.h, dataset.h) knows nothing of file
 * formats.
 */
#ifndef RS_LOAD_H
#define RS_LOAD_H

#include <stddef.h>

#include "resilience/dataset.h"
#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/pipeline_spec.h"

/* What a file holds, told from its first bytes by rs_input_sniff(). */
enum rs_input_kind {
	RS_KIND_JSON,		/* '{' or '[' first, after a UTF-8 BOM and
				   blanks */
	RS_KIND_CSV_LONG,	/* CSV with an "indicator" column: long city
				   data */
	RS_KIND_CSV_META,	/* CSV with an "iCode" column: COINr iMeta */
	RS_KIND_CSV_TABLE,	/* any other CSV: wide city data, COINr
				   iData */
};

/*
 * What text[0..len) holds.  format RS_INPUT_JSON or RS_INPUT_CSV forces
 * JSON or CSV (a CSV's kind is still told from its header); RS_INPUT_AUTO
 * decides by content.  The header is the first row that is not blank, its
 * names trimmed, "indicator" in any case, "iCode" exactly, as the readers
 * take them.  Text that is not valid CSV is RS_KIND_CSV_TABLE: its reader
 * says what is wrong.
 */
enum rs_input_kind rs_input_sniff(const char *text, size_t len,
    enum rs_input_format format);

/* What rs_inputs_load() is to read: the options every command shares. */
struct rs_load_opts {
	const char *framework;		/* framework file, "-" standard input;
					   NULL: the built-in framework */
	char *const *files;		/* data files, "-" standard input */
	size_t nfiles;			/* 0: the framework alone */
	enum rs_input_format format;	/* of the data; RS_INPUT_AUTO: by
					   content */
	int has_year;			/* a table keeps each city's latest
					   value not after year */
	long year;
	int table;			/* 1: a table even for a framework
					   without a pipeline */
	const char *cities;		/* a cities file (docs/input.md,
					   "Cities"), or NULL */
	const char *sheet;		/* the sheet of every workbook read;
					   NULL: its first */
};

/* What rs_inputs_load() read. */
struct rs_inputs {
	struct rs_framework fw;		/* the framework */
	struct rs_dataset ds;		/* the city data (for fw) */
	struct rs_table *table;		/* the data as the pipeline's table,
					   or NULL (see rs_inputs_load()) */
};

/*
 * Read the framework and the data files o names into in.
 *
 * The framework is JSON (docs/framework-format.md), every section of it
 * from one parsed document, or a COINr iMeta CSV: JSON when its text
 * starts with '{' or '[', iMeta when it has an "iCode" column or a name
 * ending in ".csv" (any case), else JSON.
 *
 * With a table (the framework has a pipeline, or o->table), there must be
 * one data file: a COINr iData or wide CSV is read into in->table as it
 * is; JSON and long CSV are read into in->ds and in->table gets each
 * city's latest values.  Otherwise every file is read into in->ds (JSON,
 * long or wide CSV) and in->table stays NULL.
 *
 * Standard input may be named once.  Returns 0, or the error: RS_EUSAGE
 * for a wrong number of files, RS_EINPUT located in the input, RS_EIO
 * when a file cannot be read.  in is to be released with
 * rs_inputs_release() either way; it owns everything it holds.
 */
int rs_inputs_load(struct rs_inputs *in, const struct rs_load_opts *o,
    struct rs_error *err);
void rs_inputs_release(struct rs_inputs *in);

/*
 * Load a framework from the JSON text[0..len).  path names the text in
 * error messages.  On failure fw is left empty and err says where and why
 * (RS_EINPUT).  The framework copies what it keeps from text.
 */
int rs_framework_load_json(struct rs_framework *fw, const char *text,
    size_t len, const char *path, struct rs_error *err);

/* Read and load the framework file at path (RS_EIO when unreadable). */
int rs_framework_load_file(struct rs_framework *fw, const char *path,
    struct rs_error *err);

/*
 * Read the file at path ("-" is standard input) and add its cities.  On
 * failure err is located in the input; the observations read before the
 * error stay, but a caller is expected to give up (the CLI writes nothing).
 */
int rs_dataset_read_file(struct rs_dataset *ds, const char *path,
    enum rs_input_format format, struct rs_error *err);

/* The same for text[0..len) that is named name in messages. */
int rs_dataset_read_text(struct rs_dataset *ds, const char *name,
    const char *text, size_t len, enum rs_input_format format,
    struct rs_error *err);

/*
 * Give the cities of ds the identity a cities file at path lists
 * (docs/input.md, "Cities"): a CSV table with a city_id column and any of
 * city, name_en, name_ar and country.  A row applies to the city with its
 * city_id, or else to the city its city column names (its city_id when
 * it has none); rows naming no city of ds are ignored.  A field that
 * differs from what the data give, an unknown column and an id or name
 * given twice are RS_EINPUT errors located in the file.
 */
int rs_dataset_read_cities(struct rs_dataset *ds, const char *path,
    struct rs_error *err);

/*
 * rs_dataset_read_file() and rs_dataset_read_text() reading sheet `sheet`
 * of a workbook (NULL: its first sheet that is not hidden); the sheet is
 * read in the long or wide layout as a CSV file is (docs/input.md,
 * "Spreadsheets").  Errors at a cell read FILE:SHEET!C7 (err->cell); the
 * dataset's file name of the sheet is "FILE:SHEET".  sheet does not
 * matter for CSV and JSON.
 */
int rs_dataset_read_file_sheet(struct rs_dataset *ds, const char *path,
    enum rs_input_format format, const char *sheet, struct rs_error *err);
int rs_dataset_read_text_sheet(struct rs_dataset *ds, const char *name,
    const char *text, size_t len, enum rs_input_format format,
    const char *sheet, struct rs_error *err);

/*
 * COINr's input layouts (src/ingest/coinr.c): iMeta (the framework) and
 * iData (the units' data), so that a COINr project can be scored as it is
 * (docs/pipeline.md, "COINr input").
 */

/*
 * Load a framework from iMeta CSV text[0..len) named path: one row per
 * code with iCode, Level (1 = indicator), Parent, Weight, Direction,
 * Type (Indicator, Aggregate, Group, Denominator, Other) and optionally
 * iName, Unit, Target, Denominator.  Codes of the highest level, which
 * have no parent, are the top of the tree.  The framework gets a
 * pipeline with COINr's defaults: denominators applied, min-max onto
 * [0, 100], weighted arithmetic means of whatever children are present.
 * Errors are RS_EINPUT located at the iMeta row and column; fw is then
 * empty.  Node positions point into the iMeta file.
 */
int rs_coinr_read_meta(struct rs_framework *fw, const char *text,
    size_t len, const char *path, struct rs_error *err);

/*
 * The same from a workbook data[0..len) (.xlsx or .ods): its sheet named
 * iMeta, or its first sheet when it has none of that name.  Errors at a
 * cell read FILE:SHEET!C7 (err->cell).
 */
int rs_coinr_read_meta_book(struct rs_framework *fw, const char *data,
    size_t len, const char *path, struct rs_error *err);

/* Read and load the iMeta file at path, CSV or a workbook. */
int rs_coinr_load_meta(struct rs_framework *fw, const char *path,
    struct rs_error *err);

/*
 * Read an iData CSV table text[0..len) named path for framework fw: a
 * uCode (or city) column, optionally uName and Time (or year), a column
 * for every indicator of fw, and any further columns (groups,
 * denominators), kept as text and as numbers.  A missing value is an
 * empty field, NA or N/A.  Errors (RS_EINPUT) are located at the field:
 * a bad number, a missing indicator column, a duplicate unit and year.
 */
int rs_coinr_read_data(struct rs_table *t, const struct rs_framework *fw,
    const char *text, size_t len, const char *path, struct rs_error *err);

/*
 * The same from sheet `sheet` (NULL: the first) of a workbook
 * data[0..len); t->path is "FILE:SHEET" and errors at a cell read
 * FILE:SHEET!C7.
 */
int rs_coinr_read_data_book(struct rs_table *t, const struct rs_framework *fw,
    const char *data, size_t len, const char *path, const char *sheet,
    struct rs_error *err);

/* Read the iData file at path ("-" is standard input), CSV or a workbook. */
int rs_coinr_load_data(struct rs_table *t, const struct rs_framework *fw,
    const char *path, struct rs_error *err);

#endif /* RS_LOAD_H */
