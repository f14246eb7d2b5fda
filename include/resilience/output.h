/*
 * output.h - writing a report file atomically
 */
#ifndef RS_OUTPUT_H
#define RS_OUTPUT_H

#include <stddef.h>

#include "resilience/error.h"

/*
 * Write data[0..len) to path atomically: into a temporary file in the same
 * directory, flushed to disk, then renamed over path.  On any failure the
 * temporary file is removed and path is untouched (RS_EIO).  A new file
 * gets mode 0666 less the umask; a replaced file keeps its mode.
 */
int rs_output_write(const char *path, const char *data, size_t len,
    struct rs_error *err);

/*
 * 1 when paths a and b name the same existing file (same device and
 * inode), else 0: the CLI refuses to write a report over an input.
 */
int rs_output_same_file(const char *a, const char *b);

#endif /* RS_OUTPUT_H */
