/*
 * readfile.h - whole files into memory, and the check that they are text
 */
#ifndef RS_READFILE_H
#define RS_READFILE_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/limits.h"

/*
 * Read the file at path ("-" is standard input) into a new NUL-terminated
 * buffer that the caller frees.  RS_EIO when it cannot be read; RS_EINPUT
 * when it is larger than RS_MAX_INPUT (resilience/limits.h).
 */
int rs_read_file(const char *path, char **text, size_t *len,
    struct rs_error *err);

/*
 * The first n bytes of text, a buffer of rs_read_file(), will not be read
 * again: their whole pages go back to the system, so that a reader that
 * keeps what it needs as it goes does not hold the file as well.  The
 * bytes then read as zeros; the buffer is freed as before.
 */
void rs_text_discard(const char *text, size_t n);

/* The same with a limit of max bytes. */
int rs_read_file_max(const char *path, size_t max, char **text, size_t *len,
    struct rs_error *err);

/*
 * Check that text[0..len) is UTF-8 text: no UTF-16/32 byte order mark,
 * no invalid UTF-8, no NUL byte.  On failure raise a located RS_EINPUT
 * that says what the file seems to be instead: UTF-16 or UTF-32 (with or
 * without a byte order mark), a spreadsheet, an archive, a PDF, a legacy
 * 8-bit encoding, binary data.
 */
int rs_text_check(const char *text, size_t len, const char *path,
    struct rs_error *err);

#endif /* RS_READFILE_H */
