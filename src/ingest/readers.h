/*
 * readers.h - the data readers behind rs_dataset_read_text()
 *
 * Each turns text into calls of model/dataset_build.h.
 */
#ifndef RS_READERS_H
#define RS_READERS_H

#include <stddef.h>

#include "model/dataset_build.h"
#include "resilience/dataset.h"

/* Read CSV text (long or wide layout) into ds. */
int rs_csv_read(struct rs_dataset *ds, const char *text, size_t len,
    const struct rs_pos *at, struct rs_error *err);

/* Read JSON text into ds. */
int rs_json_read(struct rs_dataset *ds, const char *text, size_t len,
    const struct rs_pos *at, struct rs_error *err);

#endif /* RS_READERS_H */
