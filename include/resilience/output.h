/*
 * output.h - writing a report file atomically
 */
#ifndef RS_OUTPUT_H
#define RS_OUTPUT_H

#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

#include "resilience/error.h"

/*
 * Write data[0..len) to path atomically: into a temporary file
 * ".NAME.XXXXXX" in the same directory, flushed to disk, then renamed over
 * path.  On any failure (unwritable directory, full disk, size limit) the
 * temporary file is removed and path is untouched (RS_EIO).
 *
 * A new file gets mode 0666 less the umask, as with a shell redirection;
 * a replaced file keeps its permission bits (not set-user-ID, set-group-ID
 * or sticky) and, when the caller may, its owner and group.  A file that
 * the caller could not open for writing (read-only, or another user's in
 * a sticky directory) is refused as a redirection would refuse it
 * (EACCES, EPERM).  When path is a symbolic link, the file it points to
 * is replaced, or created when the link dangles, and the link stays.
 * When a link on the way names a descriptor of this process
 * (/dev/stdout, /dev/fd/N, /proc/self/fd/N), data goes to the descriptor
 * in place, at its offset and with its O_APPEND; when path is not a
 * regular file (a FIFO, a terminal), to it in place.  Neither is atomic.
 */
int rs_output_write(const char *path, const char *data, size_t len,
    struct rs_error *err);

/*
 * The same, for a report written as it is made: rs_output_open() gives
 * o->fp, a stream to the temporary file (or, in place, to the file that
 * is not regular); rs_output_close() with rc 0 flushes it to disk and
 * renames it over path, with any other rc removes it and returns rc.
 * Either way o is released.  A failure is RS_EIO in err, with the
 * temporary file removed and path untouched.
 */
struct rs_output {
	FILE *fp;		/* where to write */
	const char *path;	/* as given, for messages (borrowed) */
	char *target;		/* the file replaced (a link's target) */
	char *tmp;		/* the temporary file; NULL: in place */
	struct stat st;		/* target's, when it exists */
	int exists;		/* target exists */
};

int rs_output_open(struct rs_output *o, const char *path,
    struct rs_error *err);
int rs_output_close(struct rs_output *o, int rc, struct rs_error *err);

/*
 * Remove the temporary file of every output still open, for a program
 * that must stop at once (out of memory): unlink(2) only, no allocation.
 * The outputs are not to be written after it; rs_output_close() with a
 * failure status still releases them.
 */
void rs_output_abandon(void);

/*
 * 1 when paths a and b name the same existing file (same device and
 * inode), or, when neither exists, would create the same file (x, ./x, a
 * link to x) or write the same descriptor; else 0.  The CLI refuses to
 * write a report over an input, or two outputs to one file.
 */
int rs_output_same_file(const char *a, const char *b);

/*
 * Route cJSON's allocations through the library's allocator (base/mem.h),
 * so that running out of memory ends as everywhere else; call once,
 * before any JSON is read or written.
 */
void rs_json_setup(void);

#endif /* RS_OUTPUT_H */
