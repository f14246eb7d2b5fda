/*
 * load.h - files into the model: frameworks and city data
 *
 * Every reader of the library is reached from here: framework files
 * (JSON), city data (long or wide CSV, JSON) and standard input ("-").
 * The model (framework.h, dataset.h) knows nothing of file formats.
 */
#ifndef RS_LOAD_H
#define RS_LOAD_H

#include <stddef.h>

#include "resilience/dataset.h"
#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/sa_section.h"

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
 * Read the "sensitivity" section of the framework JSON file at path into
 * s (all unset when there is none).  RS_EINPUT located at a bad key;
 * RS_EIO when the file cannot be read.  docs/sensitivity.md, section 5.
 */
int rs_sa_section_load(struct rs_sa_section *s, const char *path,
    struct rs_error *err);

#endif /* RS_LOAD_H */
