/*
 * error.c - the library's error type
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "resilience/error.h"

int
rs_error_set(struct rs_error *err, int code, const char *path, long line,
    long col, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	err->errnum = 0;
	err->line = line;
	err->col = col;
	snprintf(err->path, sizeof(err->path), "%s", path ? path : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

int
rs_error_io(struct rs_error *err, int errnum, const char *path,
    const char *what)
{
	rs_error_set(err, RS_EIO, path, 0, 0, "%s: %s", what,
	    strerror(errnum));
	if (err != NULL)
		err->errnum = errnum;
	return RS_EIO;
}

void
rs_error_clear(struct rs_error *err)
{
	memset(err, 0, sizeof(*err));
}

char *
rs_error_format(const struct rs_error *err, char *buf, size_t n)
{
	if (err->path[0] == '\0')
		snprintf(buf, n, "%s", err->msg);
	else if (err->line <= 0)
		snprintf(buf, n, "%s: %s", err->path, err->msg);
	else if (err->col <= 0)
		snprintf(buf, n, "%s:%ld: %s", err->path, err->line, err->msg);
	else
		snprintf(buf, n, "%s:%ld:%ld: %s", err->path, err->line,
		    err->col, err->msg);
	return buf;
}
