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

#include "base/mem.h"
#include "resilience/output.h"

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

/* Give up o: remove its temporary file; e is the errno to report. */
static int
output_fail(struct rs_output *o, int e, struct rs_error *err)
{
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	rs_error_io(err, e, o->path, "cannot write");
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof(*o));
	return err->code;
}

int
rs_output_open(struct rs_output *o, const char *path, struct rs_error *err)
{
	struct stat lst;
	int fd;

	memset(o, 0, sizeof(*o));
	o->path = path;
	/* A symbolic link stays one: the file it points to is replaced. */
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
		o->target = realpath(path, NULL);
	if (o->target == NULL)
		o->target = rs_strdup(path);
	o->exists = stat(o->target, &o->st) == 0;
	if (o->exists && S_ISDIR(o->st.st_mode))
		return output_fail(o, EISDIR, err);
	if (o->exists && !S_ISREG(o->st.st_mode)) {
		/*
		 * Not a regular file (/dev/stdout, a FIFO, a terminal):
		 * renaming over it would replace the device node, so write
		 * to it in place.
		 */
		fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
	} else if ((fd = create_temp(o->target, &o->tmp)) < 0) {
		return output_fail(o, errno, err);
	}
	if (fd < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return output_fail(o, e, err);
	}
	return 0;
}

int
rs_output_close(struct rs_output *o, int rc, struct rs_error *err)
{
	int fd, e;

	if (o->fp == NULL)
		return rc;
	/* A failure to write is told as such, with the file and errno. */
	if (rc != 0 && !ferror(o->fp)) {
		fclose(o->fp);
		if (o->tmp != NULL)
			unlink(o->tmp);
		free(o->tmp);
		free(o->target);
		memset(o, 0, sizeof(*o));
		return rc;
	}
	fd = fileno(o->fp);
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		return output_fail(o, errno != 0 ? errno : EIO, err);
	if (o->tmp != NULL) {
		/* A replaced file keeps its permissions, not set-id bits. */
		if (o->exists && fchmod(fd, o->st.st_mode & 0777) != 0)
			return output_fail(o, errno, err);
		if (o->exists && (o->st.st_uid != geteuid() ||
		    o->st.st_gid != getegid()))
			(void)fchown(fd, o->st.st_uid, o->st.st_gid);
		if (fsync(fd) != 0)
			return output_fail(o, errno, err);
	}
	e = fclose(o->fp) != 0 ? errno : 0;
	o->fp = NULL;
	if (e == 0 && o->tmp != NULL && rename(o->tmp, o->target) != 0)
		e = errno;
	if (e != 0)
		return output_fail(o, e, err);
	if (o->tmp != NULL)
		sync_dir(o->target);
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof(*o));
	return 0;
}

int
rs_output_write(const char *path, const char *data, size_t len,
    struct rs_error *err)
{
	struct rs_output o;
	int rc;

	if ((rc = rs_output_open(&o, path, err)) != 0)
		return rc;
	if (len > 0 && fwrite(data, 1, len, o.fp) != len)
		return output_fail(&o, errno, err);
	return rs_output_close(&o, 0, err);
}

int
rs_output_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
