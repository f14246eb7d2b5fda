/*
 * error.c - the library's error type
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "resilience/error.h"
#include "base/text.h"

/*
 * A message cut by vsnprintf may end inside a UTF-8 sequence: end it at a
 * character boundary with "..." instead.
 */
static void
mark_cut(char *msg, size_t size)
{
	size_t n = size - 1;

	if (n < 4)
		return;
	n -= 3;
	while (n > 0 && ((unsigned char)msg[n] & 0xC0) == 0x80)
		n--;
	memcpy(msg + n, "...", 4);
}

int
rs_error_set(struct rs_error *err, int code, const char *path, long line,
    long col, const char *fmt, ...)
{
	va_list ap;
	locale_t old;

	if (err == NULL)
		return code;
	err->code = code;
	err->errnum = 0;
	err->line = line;
	err->col = col;
	err->cell = 0;
	snprintf(err->path, sizeof(err->path), "%s", path ? path : "");
	old = rs_c_locale_push();	/* numbers in messages use '.' */
	va_start(ap, fmt);
	if (vsnprintf(err->msg, sizeof(err->msg), fmt, ap) >=
	    (int)sizeof(err->msg))
		mark_cut(err->msg, sizeof(err->msg));
	va_end(ap);
	rs_c_locale_pop(old);
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
	char raw[sizeof(err->path) + sizeof(err->msg) + 64], letters[8];

	if (err->cell && err->path[0] != '\0' && err->line > 0 &&
	    err->col > 0)
		snprintf(raw, sizeof(raw), "%s!%s%ld: %s", err->path,
		    rs_column_name(letters, err->col), err->line, err->msg);
	else if (err->cell && err->path[0] != '\0' && err->line > 0)
		snprintf(raw, sizeof(raw), "%s!%ld:%ld: %s", err->path,
		    err->line, err->line, err->msg);
	else if (err->path[0] == '\0')
		snprintf(raw, sizeof(raw), "%s", err->msg);
	else if (err->line <= 0)
		snprintf(raw, sizeof(raw), "%s: %s", err->path, err->msg);
	else if (err->col <= 0)
		snprintf(raw, sizeof(raw), "%s:%ld: %s", err->path, err->line,
		    err->msg);
	else
		snprintf(raw, sizeof(raw), "%s:%ld:%ld: %s", err->path,
		    err->line, err->col, err->msg);
	return rs_text_escape(buf, n, raw, strlen(raw), 0);
}
