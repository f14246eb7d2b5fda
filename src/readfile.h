/*
 * readfile.h - whole files into memory, and atomic output
 */
#ifndef RS_READFILE_H
#define RS_READFILE_H

#include <stddef.h>

#include "resilience/dataset.h"
#include "resilience/error.h"

/*
 * Read the file at path ("-" is standard input) into a new NUL-terminated
 * buffer that the caller frees.  RS_EIO when it cannot be read; RS_EINPUT
 * when it is larger than RS_MAX_INPUT (dataset.h).
 */
int rs_read_file(const char *path, char **text, size_t *len,
    struct rs_error *err);

/* The same with a limit of max bytes. */
int rs_read_file_max(const char *path, size_t max, char **text, size_t *len,
    struct rs_error *err);

#endif /* RS_READFILE_H */
