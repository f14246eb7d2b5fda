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

/*
 * 1 when path, a name inside a directory, is a descriptor of this
 * process: its directory is /proc/PID/fd or /proc/PID/task/TID/fd
 * whatever the way there (/dev/fd, /proc/self/fd, /proc/thread-self/fd,
 * a link to one of them), and its last component is a number N.  Then
 * *fd is N.
 */
static int
is_own_descriptor(const char *path, int *fd)
{
	const char *slash = strrchr(path, '/'), *base, *p;
	char own[64], *dir, *real;
	size_t n;
	long v = 0;
	int yes = 0;

	if (slash == NULL)
		return 0;	/* a descriptor's name has a directory */
	base = slash + 1;
	if (*base == '\0' || strspn(base, "0123456789") != strlen(base) ||
	    strlen(base) > 9)
		return 0;
	dir = slash == path ? rs_strdup("/") :
	    rs_strndup(path, (size_t)(slash - path));
	real = realpath(dir, NULL);
	free(dir);
	if (real == NULL)
		return 0;
	n = (size_t)snprintf(own, sizeof(own), "/proc/%ld/", (long)getpid());
	if (strncmp(real, own, n) == 0) {
		p = real + n;
		if (strncmp(p, "task/", 5) == 0 && p[5] >= '0' &&
		    p[5] <= '9') {
			p += 5 + strspn(p + 5, "0123456789");
			p += *p == '/';
		}
		yes = strcmp(p, "fd") == 0;
	}
	free(real);
	for (p = base; yes && *p != '\0'; p++)
		v = v * 10 + (*p - '0');
	if (yes)
		*fd = (int)v;
	return yes;
}

/* The target of the symbolic link at path, or NULL with errno set. */
static char *
read_link(const char *path)
{
	const char *slash;
	size_t size = 256, dirlen;
	ssize_t n;
	char *buf, *full;

	for (;;) {
		buf = rs_malloc(size);
		if ((n = readlink(path, buf, size)) < 0) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < size)
			break;
		free(buf);
		if (size > 1 << 20) {
			errno = ENAMETOOLONG;
			return NULL;
		}
		size *= 2;
	}
	buf[n] = '\0';
	slash = strrchr(path, '/');
	if (buf[0] == '/' || slash == NULL)
		return buf;
	/* relative to the directory holding the link */
	dirlen = (size_t)(slash - path) + 1;
	full = rs_malloc(dirlen + (size_t)n + 1);
	memcpy(full, path, dirlen);
	memcpy(full + dirlen, buf, (size_t)n + 1);
	free(buf);
	return full;
}

/*
 * Where writing to path goes, as open(2) would decide: follow its
 * symbolic links one at a time (at most 40, as Linux does).  Returns 0
 * with *fd >= 0 when a link in the chain is a descriptor of this process
 * (/dev/stdout, /dev/fd/3, /proc/self/fd/1: the descriptor is written,
 * not the file behind it); else 0 with *target (to free) naming the file
 * that is not a link, existing or not (a dangling link's target);
 * else an errno.
 */
static int
resolve(const char *path, char **target, int *fd)
{
	struct stat st;
	char *cur = rs_strdup(path), *next;
	int hops;

	*target = NULL;
	*fd = -1;
	for (hops = 0;; hops++) {
		if (is_own_descriptor(cur, fd)) {
			free(cur);
			return 0;
		}
		if (lstat(cur, &st) != 0) {
			if (errno != ENOENT) {
				int e = errno;

				free(cur);
				return e;
			}
			break;		/* to be created */
		}
		if (!S_ISLNK(st.st_mode))
			break;
		if (hops == 40 || (next = read_link(cur)) == NULL) {
			int e = hops == 40 ? ELOOP : errno;

			free(cur);
			return e;
		}
		free(cur);
		cur = next;
	}
	*target = cur;
	return 0;
}

/*
 * Would a shell redirection be allowed to write the existing regular
 * file target (st)?  0 when it would, else the errno open(2) would give:
 * the rename that replaces it needs only the directory, so without this
 * a read-only file, someone else's, would be replaced where the
 * directory lets us.  The rename is also refused up front where a
 * sticky directory (/tmp) protects someone else's file.
 */
static int
may_replace(const char *target, const struct stat *st)
{
	const char *slash = strrchr(target, '/');
	struct stat dst;
	char *dir;
	int e = 0;

	if (faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0)
		return errno;
	dir = slash == NULL ? rs_strdup(".") : slash == target ?
	    rs_strdup("/") : rs_strndup(target, (size_t)(slash - target));
	if (stat(dir, &dst) == 0 && (dst.st_mode & S_ISVTX) &&
	    geteuid() != 0 && st->st_uid != geteuid() &&
	    dst.st_uid != geteuid())
		e = EPERM;
	free(dir);
	return e;
}

/*
 * The temporary files being written, for rs_output_abandon(): a report
 * has at most a few outputs open at once.
 */
static const char *live[8];

static void
track(const char *tmp)
{
	size_t i;

	for (i = 0; i < sizeof(live) / sizeof(*live); i++)
		if (live[i] == NULL) {
			live[i] = tmp;
			return;
		}
}

static void
untrack(const char *tmp)
{
	size_t i;

	for (i = 0; tmp != NULL && i < sizeof(live) / sizeof(*live); i++)
		if (live[i] == tmp)
			live[i] = NULL;
}

void
rs_output_abandon(void)
{
	size_t i;

	for (i = 0; i < sizeof(live) / sizeof(*live); i++)
		if (live[i] != NULL) {
			(void)unlink(live[i]);
			live[i] = NULL;
		}
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
	untrack(o->tmp);
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof(*o));
	return err->code;
}

int
rs_output_open(struct rs_output *o, const char *path, struct rs_error *err)
{
	int fd, own, e, fl;

	memset(o, 0, sizeof(*o));
	o->path = path;
	/* A symbolic link stays one: the file it points to is replaced. */
	if ((e = resolve(path, &o->target, &own)) != 0)
		return output_fail(o, e, err);
	if (own >= 0) {
		/*
		 * A descriptor of ours (-o /dev/stdout >>log): written in
		 * place through a duplicate, which shares its offset and its
		 * O_APPEND, as if the report went to it; opening the file
		 * behind it anew would write at its start, and renaming
		 * over it would replace a file the shell opened.
		 */
		if ((fl = fcntl(own, F_GETFL)) == -1)
			return output_fail(o, errno, err);
		if ((fl & O_ACCMODE) == O_RDONLY)
			return output_fail(o, EBADF, err);
		if (own == STDOUT_FILENO)
			fflush(stdout);
		fd = fcntl(own, F_DUPFD_CLOEXEC, 0);
	} else if ((o->exists = stat(o->target, &o->st) == 0) &&
	    S_ISDIR(o->st.st_mode)) {
		return output_fail(o, EISDIR, err);
	} else if (o->exists && !S_ISREG(o->st.st_mode)) {
		/*
		 * Not a regular file (a FIFO, a terminal, /dev/null):
		 * renaming over it would replace the device node, so write
		 * to it in place.
		 */
		fd = open(o->target, O_WRONLY | O_CLOEXEC | O_NOCTTY);
	} else if (o->exists && (e = may_replace(o->target, &o->st)) != 0) {
		return output_fail(o, e, err);
	} else if ((fd = create_temp(o->target, &o->tmp)) < 0) {
		return output_fail(o, errno, err);
	} else {
		track(o->tmp);
	}
	if (fd < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		e = errno;
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
		untrack(o->tmp);
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
	untrack(o->tmp);
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

/*
 * The name of a file that does not exist yet, made canonical: its
 * directory through realpath(), then its last component.  NULL when the
 * directory does not exist either.
 */
static char *
canonical_new(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir, *real, *c;
	size_t n, base;

	dir = slash == NULL ? rs_strdup(".") : slash == target ?
	    rs_strdup("/") : rs_strndup(target, (size_t)(slash - target));
	real = realpath(dir, NULL);
	free(dir);
	if (real == NULL)
		return NULL;
	slash = slash != NULL ? slash + 1 : target;
	n = strlen(real);
	base = strlen(slash);
	c = rs_malloc(n + base + 2);
	memcpy(c, real, n);
	c[n] = '/';
	memcpy(c + n + 1, slash, base + 1);
	free(real);
	return c;
}

int
rs_output_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	char *ta = NULL, *tb = NULL, *ca = NULL, *cb = NULL;
	int fa, fb, same = 0, ea, eb;

	ea = stat(a, &sa) == 0;
	eb = stat(b, &sb) == 0;
	if (ea && eb)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (ea || eb)
		return 0;
	/* Two names of one file to be created: "x", "./x", a link to x. */
	if (resolve(a, &ta, &fa) == 0 && resolve(b, &tb, &fb) == 0) {
		if (ta == NULL || tb == NULL)	/* a descriptor */
			same = ta == NULL && tb == NULL && fa == fb;
		else if ((ca = canonical_new(ta)) != NULL &&
		    (cb = canonical_new(tb)) != NULL)
			same = strcmp(ca, cb) == 0;
	}
	free(ta);
	free(tb);
	free(ca);
	free(cb);
	return same;
}
