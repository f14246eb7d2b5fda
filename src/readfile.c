/*
 * readfile.c - reading a whole file
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"
#include "readfile.h"

int
rs_read_file(const char *path, char **text, size_t *len,
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
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!stdin_)
			fclose(fp);
		return rs_error_io(err, EISDIR, path, "cannot read");
	}
	for (;;) {
		rs_grow(&buf, &cap, n + 65536 + 1, 1);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		int e = errno;

		free(buf);
		if (!stdin_)
			fclose(fp);
		return rs_error_io(err, e ? e : EIO, path, "cannot read");
	}
	if (!stdin_)
		fclose(fp);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}
