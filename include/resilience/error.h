/*
 * error.h - one error type for the whole library
 *
 * Every fallible function returns an int status (0 on success, an
 * rs_error_code otherwise) and takes a struct rs_error * as its last
 * argument.  The error owns no heap memory, so it can be declared on the
 * stack and dropped without cleanup.  The library never prints: the caller
 * formats the error with rs_error_format() and picks the exit status.
 */
#ifndef RS_ERROR_H
#define RS_ERROR_H

#include <stddef.h>

/* Status codes; the CLI maps them to exit codes (docs/cli.md). */
enum rs_error_code {
	RS_OK = 0,
	RS_EUSAGE = 2,	/* bad command line */
	RS_EINPUT = 3,	/* data or framework rejected */
	RS_EIO = 4,	/* a file could not be read or written */
};

struct rs_error {
	int code;		/* enum rs_error_code, RS_OK when unset */
	int errnum;		/* errno for RS_EIO, else 0 */
	long line;		/* 1-based line in path, 0 when unknown */
	long col;		/* 1-based column or CSV field, 0 when unknown */
	int cell;		/* line and col are a spreadsheet's row and
				   column: path is "FILE:SHEET" */
	char path[512];		/* file the error is about, "" when none */
	char msg[512];		/* lower case, no final period */
};

/*
 * Record an error and return its code, so that a caller can write
 * `return rs_error_set(err, RS_EINPUT, path, line, col, "...", ...)`.
 * path may be NULL; err may be NULL (the error is then only returned).
 */
int rs_error_set(struct rs_error *err, int code, const char *path, long line,
    long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Like rs_error_set() with code RS_EIO, appending strerror(errnum). */
int rs_error_io(struct rs_error *err, int errnum, const char *path,
    const char *what);

/* Reset err to "no error". */
void rs_error_clear(struct rs_error *err);

/*
 * Write "path:line:col: message" (parts that are unknown are left out)
 * into buf of size n > 0, always NUL-terminated; an error in a cell of a
 * spreadsheet (err->cell) is written "FILE:SHEET!C7: message", or
 * "FILE:SHEET!7:7: message" for a whole row.  The result is one line
 * of printable UTF-8: control characters, bidirectional overrides and
 * bytes that are not UTF-8, which a path or quoted data may hold, are
 * escaped as \n, \x1B, \u202E, \xFF.  Returns buf.
 */
char *rs_error_format(const struct rs_error *err, char *buf, size_t n);

#endif /* RS_ERROR_H */
