/*
 * output.c - atomic report files
 *
 * A report replaces its file in one step: it is written to a temporary
 * file next to it, flushed, and renamed over it, so that a reader never
 * sees half a report and a failed run leaves the old file as it was.
 */
#define _XOPEN_SOURCE 700	/* realpath(), on top of POSIX 2008 */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"
#include "resilience/output.h"

/* Write all of data[0..len) to fd; -1 with errno on failure. */
static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t w;

	while (len > 0) {
		w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Not a regular file (/dev/stdout, a FIFO, a terminal): renaming over it
 * would replace the device node, so write to it in place.
 */
static int
write_in_place(const char *path, const char *data, size_t len,
    struct rs_error *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY), e;

	if (fd < 0)
		return rs_error_io(err, errno, path, "cannot write");
	if (write_all(fd, data, len) != 0) {
		e = errno;
		close(fd);
		return rs_error_io(err, e, path, "cannot write");
	}
	if (close(fd) != 0)
		return rs_error_io(err, errno, path, "cannot write");
	return 0;
}

/*
 * Create a new temporary file ".NAME.XXXXXX" next to target with mode
 * 0666, so that the umask and any default ACL apply as they would to the
 * file itself.  Returns its descriptor and its name in *tmp (to free).
 */
static int
create_temp(const char *target, char **tmp)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	size_t baselen = strlen(target + dirlen), size, k, o;
	uint64_t x = (uint64_t)time(NULL) ^ (uint64_t)getpid() << 32 ^
	    (uint64_t)(uintptr_t)tmp;
	struct timespec ts;
	int fd = -1, tries;

	if (baselen > 200)
		baselen = 200;		/* room for the suffix in NAME_MAX */
	size = dirlen + baselen + 16;
	*tmp = rs_malloc(size);
	if (clock_gettime(CLOCK_REALTIME, &ts) == 0)
		x ^= (uint64_t)ts.tv_nsec << 20;
	for (tries = 0; tries < 100; tries++) {
		memcpy(*tmp, target, dirlen);
		o = dirlen;
		(*tmp)[o++] = '.';
		memcpy(*tmp + o, target + dirlen, baselen);
		o += baselen;
		(*tmp)[o++] = '.';
		for (k = 0; k < 6; k++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			(*tmp)[o++] = digits[(x >> 33) % 36];
		}
		(*tmp)[o] = '\0';
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	return fd;
}

/* Flush the directory of path so that the rename itself is durable. */
static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (slash == NULL)
		dir = rs_strdup(".");
	else if (slash == path)
		dir = rs_strdup("/");
	else
		dir = rs_strndup(path, (size_t)(slash - path));
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);	/* best effort: the data is safe */
		close(fd);
	}
	free(dir);
}

int
rs_output_write(const char *path, const char *data, size_t len,
    struct rs_error *err)
{
	char *target = NULL, *tmp = NULL;
	struct stat st, lst;
	int fd, e, exists;

	/* A symbolic link stays one: the file it points to is replaced. */
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
		target = realpath(path, NULL);
	if (target == NULL)
		target = rs_strdup(path);
	exists = stat(target, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		free(target);
		return rs_error_io(err, EISDIR, path, "cannot write");
	}
	if (exists && !S_ISREG(st.st_mode)) {
		free(target);
		return write_in_place(path, data, len, err);
	}
	if ((fd = create_temp(target, &tmp)) < 0)
		goto fail;
	if (write_all(fd, data, len) != 0)
		goto fail;
	/* A replaced file keeps its permissions, not its set-id bits. */
	if (exists && fchmod(fd, st.st_mode & 0777) != 0)
		goto fail;
	if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()))
		(void)fchown(fd, st.st_uid, st.st_gid);	/* when allowed */
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, target) != 0)
		goto fail;
	sync_dir(target);
	free(tmp);
	free(target);
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	free(target);
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
