/*
 * readfile.c - reading a whole file
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"
#include "readfile.h"

/* The error for a file over the limit. */
static int
too_big(const char *path, size_t max, struct rs_error *err)
{
	return rs_error_set(err, RS_EINPUT, path, 1, 1, "file is larger than "
	    "the limit of %zu MiB on input files", max >> 20);
}

int
rs_read_file_max(const char *path, size_t max, char **text, size_t *len,
    struct rs_error *err)
{
	FILE *fp;
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	int stdin_ = strcmp(path, "-") == 0;
	struct stat st;

	*text = NULL;
	*len = 0;
	fp = stdin_ ? stdin : fopen(path, "rb");
	if (fp == NULL)
		return rs_error_io(err, errno, path, "cannot open");
	if (fstat(fileno(fp), &st) == 0) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : 0;

		if (e == 0 && S_ISREG(st.st_mode) &&
		    (uintmax_t)st.st_size > max) {
			if (!stdin_)
				fclose(fp);
			return too_big(path, max, err);
		}
		if (e != 0) {
			if (!stdin_)
				fclose(fp);
			return rs_error_io(err, e, path, "cannot read");
		}
	}
	for (;;) {
		rs_grow(&buf, &cap, n + 65536 + 1, 1);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0 || n > max)
			break;
	}
	if (ferror(fp) || n > max) {
		int e = errno;

		free(buf);
		if (!stdin_)
			fclose(fp);
		if (n > max)
			return too_big(path, max, err);
		return rs_error_io(err, e ? e : EIO, path, "cannot read");
	}
	if (!stdin_)
		fclose(fp);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

int
rs_read_file(const char *path, char **text, size_t *len,
    struct rs_error *err)
{
	return rs_read_file_max(path, RS_MAX_INPUT, text, len, err);
}
