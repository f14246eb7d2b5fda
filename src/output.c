/*
 * output.c - atomic report files
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "resilience/output.h"

static mode_t
new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return (mode_t)(0666 & ~mask);
}

int
rs_output_write(const char *path, const char *data, size_t len,
    struct rs_error *err)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	char *tmp = rs_malloc(strlen(path) + 16);
	struct stat st;
	mode_t mode;
	ssize_t w;
	size_t off = 0;
	int fd, e;

	mode = stat(path, &st) == 0 ? (st.st_mode & 07777) : new_file_mode();
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		free(tmp);
		return rs_error_io(err, EISDIR, path, "cannot write");
	}
	memcpy(tmp, path, dirlen);
	snprintf(tmp + dirlen, strlen(path) + 16 - dirlen, ".%s.XXXXXX",
	    path + dirlen);
	if ((fd = mkstemp(tmp)) < 0) {
		e = errno;
		free(tmp);
		return rs_error_io(err, e, path, "cannot write");
	}
	while (off < len) {
		w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		off += (size_t)w;
	}
	if (fchmod(fd, mode) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return rs_error_io(err, e, path, "cannot write");
}

int
rs_output_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
