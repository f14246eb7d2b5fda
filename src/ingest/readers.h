/*
 * readers.h - the data readers behind rs_dataset_read_text()
 *
 * Each turns text into calls of model/dataset_build.h.  The CSV reader
 * also tells rs_input_sniff() what a CSV header names, by its own rules.
 */
#ifndef RS_READERS_H
#define RS_READERS_H

#include <stddef.h>

#include "model/dataset_build.h"
#include "resilience/dataset.h"

/*
 * Read CSV text (long or wide layout) into ds.  With discard set, text is
 * a buffer of rs_read_file() whose pages are given back as they are read
 * (rs_text_discard()).
 */
int rs_csv_read(struct rs_dataset *ds, const char *text, size_t len,
    int discard, const struct rs_pos *at, struct rs_error *err);

/*
 * What the header row of CSV text names, for rs_input_sniff(): 1 with
 * *indicator set when it has an "indicator" column (as this reader takes
 * it: trimmed, any case) and *icode when it has "iCode"; 0 when the text
 * has no header row or its quoting is bad.
 */
int rs_csv_header(const char *text, size_t len, int *indicator,
    int *icode);

/*
 * Read the cells of sheet sh (long or wide layout, as CSV) into ds; at
 * names the sheet by its label (sh->label), and errors at a cell are
 * marked as such (rs_sheet_locate()).
 */
struct rs_sheet;
int rs_csv_read_sheet(struct rs_dataset *ds, const struct rs_sheet *sh,
    const struct rs_pos *at, struct rs_error *err);

/* Add sheet sh, read already, to ds as an input of its own (load.c). */
int rs_load_sheet(struct rs_dataset *ds, const struct rs_sheet *sh,
    size_t len, struct rs_error *err);

/* Read JSON text into ds. */
int rs_json_read(struct rs_dataset *ds, const char *text, size_t len,
    const struct rs_pos *at, struct rs_error *err);

/* The version of libcsv the CSV reader is built with, "3.0.3"; static. */
const char *rs_csv_version(void);

#endif /* RS_READERS_H */
