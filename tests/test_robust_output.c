/*
 * test_robust_output.c - report files are written atomically, with the
 * permissions a user expects, and a failed write changes nothing
 * (output.c; docs/robustness.md)
 */
#include "test_util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/readfile.h"
#include "resilience/output.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "%s", "/tmp/rs-output-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s' && rm -rf '%s'", dir,
	    dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *
at(const char *name)
{
	static char path[2][512];
	static int k;

	k = !k;
	snprintf(path[k], sizeof(path[k]), "%s/%s", dir, name);
	return path[k];
}

static void
put(const char *path, const char *text, mode_t mode)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static void
assert_content(const char *path, const char *want)
{
	struct rs_error err = {0};
	char *text;
	size_t len;

	assert_int_equal(rs_read_file(path, &text, &len, &err), 0);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(text, want, len);
	free(text);
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* Names in dir, sorted "a b c" style, to see what a write left behind. */
static void
assert_dir(const char *d, const char *want)
{
	char got[1024] = "", names[64][64];
	struct dirent *e;
	size_t n = 0, i, j;
	DIR *dp = opendir(d);

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL && n < 64)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			snprintf(names[n++], sizeof(names[0]), "%.63s",
			    e->d_name);
	closedir(dp);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char t[64];

				memcpy(t, names[i], sizeof(t));
				memcpy(names[i], names[j], sizeof(t));
				memcpy(names[j], t, sizeof(t));
			}
	for (i = 0; i < n; i++) {
		strcat(got, i ? " " : "");
		strcat(got, names[i]);
	}
	assert_string_equal(got, want);
}

static void
new_file_gets_0666_less_the_umask(void **state)
{
	struct rs_error err = {0};
	mode_t old = umask(022);

	(void)state;
	assert_int_equal(rs_output_write(at("a.txt"), "hello\n", 6, &err), 0);
	assert_content(at("a.txt"), "hello\n");
	assert_int_equal(mode_of(at("a.txt")), 0644);
	umask(077);
	assert_int_equal(rs_output_write(at("b.txt"), "", 0, &err), 0);
	assert_content(at("b.txt"), "");
	assert_int_equal(mode_of(at("b.txt")), 0600);
	umask(old);
	assert_dir(dir, "a.txt b.txt");		/* no temporary file left */
}

static void
replaced_file_keeps_its_mode_not_set_id_bits(void **state)
{
	struct rs_error err = {0};
	mode_t old = umask(077);

	(void)state;
	put(at("r.txt"), "old\n", 0640);
	assert_int_equal(rs_output_write(at("r.txt"), "new\n", 4, &err), 0);
	assert_content(at("r.txt"), "new\n");
	assert_int_equal(mode_of(at("r.txt")), 0640);	/* not the umask */
	put(at("s.txt"), "old\n", 04755);
	assert_int_equal(rs_output_write(at("s.txt"), "new\n", 4, &err), 0);
	assert_int_equal(mode_of(at("s.txt")), 0755);
	umask(old);
	assert_dir(dir, "r.txt s.txt");
}

/* Past RLIMIT_FSIZE write() fails with EFBIG, even for root. */
static void
failed_write_keeps_the_old_file(void **state)
{
	struct rs_error err = {0};
	struct rlimit old, small;
	char big[4096];
	void (*oldsig)(int) = signal(SIGXFSZ, SIG_IGN);

	(void)state;
	put(at("keep.txt"), "precious\n", 0644);
	memset(big, 'x', sizeof(big));
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 100;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(rs_output_write(at("keep.txt"), big, sizeof(big),
	    &err), RS_EIO);
	assert_int_equal(rs_output_write(at("none.txt"), big, sizeof(big),
	    &err), RS_EIO);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, oldsig);
	assert_int_equal(err.errnum, EFBIG);
	assert_string_equal(err.path, at("none.txt"));
	assert_non_null(strstr(err.msg, "cannot write"));
	assert_content(at("keep.txt"), "precious\n");
	assert_dir(dir, "keep.txt");		/* none.txt, no temporary */
}

static void
missing_or_bad_directory_creates_nothing(void **state)
{
	struct rs_error err = {0};

	(void)state;
	put(at("file"), "x", 0644);
	assert_int_equal(rs_output_write(at("no/such/dir.txt"), "x", 1,
	    &err), RS_EIO);
	assert_int_equal(err.errnum, ENOENT);
	assert_int_equal(rs_output_write(at("file/out.txt"), "x", 1, &err),
	    RS_EIO);
	assert_int_equal(err.errnum, ENOTDIR);
	assert_int_equal(mkdir(at("d"), 0755), 0);
	assert_int_equal(rs_output_write(at("d"), "x", 1, &err), RS_EIO);
	assert_int_equal(err.errnum, EISDIR);
	assert_dir(dir, "d file");
	assert_dir(at("d"), "");
}

/* Permissions do not stop root: only tested as another user. */
static void
unwritable_directory_creates_nothing(void **state)
{
	struct rs_error err = {0};

	(void)state;
	if (geteuid() == 0) {
		fprintf(stderr, "SKIP: running as root, who may write in a "
		    "read-only directory; failed_write_keeps_the_old_file "
		    "covers the failure path\n");
		skip();
	}
	assert_int_equal(mkdir(at("ro"), 0755), 0);
	put(at("ro/old.txt"), "old\n", 0644);
	assert_int_equal(chmod(at("ro"), 0555), 0);
	assert_int_equal(rs_output_write(at("ro/old.txt"), "new\n", 4, &err),
	    RS_EIO);
	assert_int_equal(err.errnum, EACCES);
	assert_int_equal(chmod(at("ro"), 0755), 0);
	assert_content(at("ro/old.txt"), "old\n");
	assert_dir(at("ro"), "old.txt");
}

static void
symlink_stays_and_its_target_is_replaced(void **state)
{
	struct rs_error err = {0};
	struct stat st;

	(void)state;
	put(at("real.txt"), "old\n", 0600);
	assert_int_equal(symlink("real.txt", at("link.txt")), 0);
	assert_int_equal(rs_output_write(at("link.txt"), "new\n", 4, &err), 0);
	assert_int_equal(lstat(at("link.txt"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_content(at("real.txt"), "new\n");
	assert_int_equal(mode_of(at("real.txt")), 0600);
	assert_dir(dir, "link.txt real.txt");
}

/* A FIFO (like /dev/stdout) is written in place, not replaced. */
static void
fifo_is_written_in_place(void **state)
{
	struct rs_error err = {0};
	struct stat st;
	char buf[16] = "";
	int rd;

	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	rd = open(at("fifo"), O_RDONLY | O_NONBLOCK);
	assert_true(rd >= 0);
	assert_int_equal(rs_output_write(at("fifo"), "data\n", 5, &err), 0);
	assert_int_equal(read(rd, buf, sizeof(buf)), 5);
	assert_memory_equal(buf, "data\n", 5);
	close(rd);
	assert_int_equal(lstat(at("fifo"), &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_dir(dir, "fifo");
}

/*
 * A report written as it is made: nothing shows at path until it is
 * closed whole, then it is what was written, in the replaced file's
 * mode; closed with a failure, the old file stays and no temporary file.
 */
static void
stream_appears_whole_or_not_at_all(void **state)
{
	struct rs_error err = {0};
	struct rs_output o;
	static char want[200000];
	size_t n = 0;
	int i;

	(void)state;
	put(at("r.csv"), "old\n", 0640);
	assert_int_equal(rs_output_open(&o, at("r.csv"), &err), 0);
	for (i = 0; i < 10000; i++) {
		fprintf(o.fp, "row %d\n", i);
		n += (size_t)snprintf(want + n, sizeof(want) - n, "row %d\n",
		    i);
	}
	assert_content(at("r.csv"), "old\n");
	assert_int_equal(rs_output_close(&o, 0, &err), 0);
	assert_null(o.fp);
	assert_content(at("r.csv"), want);
	assert_int_equal(mode_of(at("r.csv")), 0640);
	assert_int_equal(rs_output_open(&o, at("r.csv"), &err), 0);
	fputs("half a report", o.fp);
	assert_int_equal(rs_output_close(&o, RS_EINPUT, &err), RS_EINPUT);
	assert_dir(dir, "r.csv");
	assert_int_equal(rs_output_open(&o, at("new.csv"), &err), 0);
	fputs("a\n", o.fp);
	assert_int_equal(rs_output_close(&o, 0, &err), 0);
	assert_content(at("new.csv"), "a\n");
	assert_dir(dir, "new.csv r.csv");
	assert_int_equal(rs_output_open(&o, at("no/such/dir.csv"), &err),
	    RS_EIO);
	assert_int_equal(err.errnum, ENOENT);
}

static void
same_file_follows_links(void **state)
{
	(void)state;
	put(at("in.csv"), "x", 0644);
	assert_int_equal(symlink("in.csv", at("alias.csv")), 0);
	assert_int_equal(rs_output_same_file(at("in.csv"), at("alias.csv")),
	    1);
	assert_int_equal(rs_output_same_file(at("in.csv"), at("other")), 0);
}

/* Temporary files (".NAME.XXXXXX") in dir. */
static int
dot_files(void)
{
	struct dirent *e;
	DIR *dp = opendir(dir);
	int n = 0;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL)
		n += e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0;
	closedir(dp);
	return n;
}

/*
 * Out of memory, the program stops at once: rs_output_abandon() removes
 * the temporary file of every report still being written, and the files
 * they were to replace stay as they were.
 */
static void
abandon_removes_every_temporary_file(void **state)
{
	struct rs_error err = {0};
	struct rs_output a, b;

	(void)state;
	put(at("old.txt"), "old\n", 0644);
	assert_int_equal(rs_output_open(&a, at("old.txt"), &err), 0);
	assert_int_equal(rs_output_open(&b, at("new.txt"), &err), 0);
	fputs("half", a.fp);
	fputs("half", b.fp);
	assert_int_equal(fflush(a.fp), 0);
	assert_int_equal(dot_files(), 2);
	rs_output_abandon();
	assert_int_equal(dot_files(), 0);
	assert_dir(dir, "old.txt");
	assert_content(at("old.txt"), "old\n");
	/* released as a failed report is; nothing comes back */
	assert_int_equal(rs_output_close(&a, RS_EINPUT, &err), RS_EINPUT);
	assert_int_equal(rs_output_close(&b, RS_EINPUT, &err), RS_EINPUT);
	assert_dir(dir, "old.txt");
}

/* Two names of one file that does not exist yet are the same output. */
static void
same_file_knows_names_of_a_new_file(void **state)
{
	char other[600];

	(void)state;
	assert_int_equal(mkdir(at("sub"), 0755), 0);
	snprintf(other, sizeof(other), "%s/sub/../x", dir);
	assert_int_equal(rs_output_same_file(at("x"), other), 1);
	assert_int_equal(symlink("x", at("to-x")), 0);
	assert_int_equal(rs_output_same_file(at("x"), at("to-x")), 1);
	assert_int_equal(rs_output_same_file(at("x"), at("y")), 0);
	assert_int_equal(rs_output_same_file("/dev/fd/1", "/dev/stdout"), 1);
	assert_int_equal(rs_output_same_file(at("x"), at("no/x")), 0);
}

/* "/dev/fd/N" for fd, in buf. */
static const char *
fd_path(char *buf, size_t size, const char *prefix, int fd)
{
	snprintf(buf, size, "%s%d", prefix, fd);
	return buf;
}

/*
 * -o /dev/stdout >>log: the descriptor is written, appending as it was
 * opened to, through every name of it; the file behind it is neither
 * replaced (same inode) nor written from its start.
 */
static void
own_descriptor_is_written_in_place_appending(void **state)
{
	static const char *const prefix[] = {"/dev/fd/", "/proc/self/fd/",
	    "/proc/thread-self/fd/"};
	struct rs_error err = {0};
	struct stat before, after;
	char path[64], want[256] = "earlier log\n";
	size_t i;
	int fd;

	(void)state;
	put(at("log.txt"), "earlier log\n", 0644);
	assert_int_equal(stat(at("log.txt"), &before), 0);
	fd = open(at("log.txt"), O_WRONLY | O_APPEND);
	assert_true(fd >= 0);
	for (i = 0; i < sizeof(prefix) / sizeof(*prefix); i++) {
		assert_int_equal(rs_output_write(fd_path(path, sizeof(path),
		    prefix[i], fd), "report\n", 7, &err), 0);
		strcat(want, "report\n");
	}
	/* a link of our own to the descriptor's name */
	assert_int_equal(symlink(fd_path(path, sizeof(path), "/dev/fd/", fd),
	    at("to-log")), 0);
	assert_int_equal(rs_output_write(at("to-log"), "linked\n", 7, &err),
	    0);
	strcat(want, "linked\n");
	close(fd);
	assert_content(at("log.txt"), want);
	assert_int_equal(stat(at("log.txt"), &after), 0);
	assert_true(before.st_ino == after.st_ino);
	assert_dir(dir, "log.txt to-log");
}

/* Without O_APPEND a descriptor is written at its offset, as stdout. */
static void
own_descriptor_is_written_at_its_offset(void **state)
{
	struct rs_error err = {0};
	struct rs_output o;
	char path[64];
	int fd;

	(void)state;
	put(at("out.txt"), "", 0644);
	fd = open(at("out.txt"), O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "first\n", 6), 6);
	assert_int_equal(rs_output_open(&o, fd_path(path, sizeof(path),
	    "/dev/fd/", fd), &err), 0);
	assert_null(o.tmp);
	fputs("stream\n", o.fp);
	assert_int_equal(rs_output_close(&o, 0, &err), 0);
	assert_int_equal(write(fd, "last\n", 5), 5);
	close(fd);
	assert_content(at("out.txt"), "first\nstream\nlast\n");
}

/* A descriptor open for reading only cannot take a report. */
static void
read_only_descriptor_is_refused(void **state)
{
	struct rs_error err = {0};
	char path[64];
	int fd;

	(void)state;
	put(at("in.txt"), "data\n", 0644);
	fd = open(at("in.txt"), O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(rs_output_write(fd_path(path, sizeof(path),
	    "/dev/fd/", fd), "x", 1, &err), RS_EIO);
	assert_int_equal(err.errnum, EBADF);
	close(fd);
	assert_content(at("in.txt"), "data\n");
	/* a descriptor that is not open */
	assert_int_equal(rs_output_write("/dev/fd/999", "x", 1, &err),
	    RS_EIO);
	assert_int_equal(err.errnum, EBADF);
	assert_dir(dir, "in.txt");
}

/*
 * What a shell redirection may not write is not replaced either, though
 * the directory would let a rename through: a read-only file, and
 * someone else's file in a sticky directory.  As root the check runs in
 * a child that becomes "nobody"; root itself may write both, as with >.
 */
/* 1 when path holds exactly want. */
static int
holds(const char *path, const char *want)
{
	char buf[64];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n == (ssize_t)strlen(want) && memcmp(buf, want, (size_t)n) == 0;
}

/*
 * The checks, without cmocka's asserts so that they can run in a child:
 * 0 when all hold, else the number of the first that does not.
 */
static int
check_unwritable_as_user(void)
{
	struct rs_error err = {0};
	struct stat st;

	if (rs_output_write(at("ro.txt"), "new\n", 4, &err) != RS_EIO ||
	    err.errnum != EACCES)
		return 1;
	if (!holds(at("ro.txt"), "old\n") || stat(at("ro.txt"), &st) != 0 ||
	    (st.st_mode & 07777) != 0444)
		return 2;
	if (geteuid() == 65534) {
		/* root's 0666 file in a sticky directory: rename refused */
		if (rs_output_write(at("sticky/rw.txt"), "new\n", 4, &err) !=
		    RS_EIO || err.errnum != EPERM)
			return 3;
		if (!holds(at("sticky/rw.txt"), "old\n"))
			return 4;
	}
	return 0;
}

static void
unwritable_file_is_not_replaced(void **state)
{
	struct rs_error err = {0};
	unsigned char result = 0;
	int status, fd[2];
	pid_t pid;

	(void)state;
	put(at("ro.txt"), "old\n", 0444);
	if (geteuid() != 0) {
		assert_int_equal(check_unwritable_as_user(), 0);
		assert_dir(dir, "ro.txt");
		return;
	}
	assert_int_equal(mkdir(at("sticky"), 0755), 0);
	assert_int_equal(chmod(at("sticky"), 01777), 0);
	put(at("sticky/rw.txt"), "old\n", 0666);
	assert_int_equal(chmod(dir, 0777), 0);
	fflush(NULL);
	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/*
		 * The result goes through the pipe, then SIGKILL ends the
		 * child: no exit handler runs in the copy of the test runner,
		 * nor valgrind's leak check of its heap.
		 */
		result = setgid(65534) != 0 || setuid(65534) != 0 ? 255 :
		    (unsigned char)check_unwritable_as_user();
		if (write(fd[1], &result, 1) == 1)
			raise(SIGKILL);
		_exit(1);
	}
	close(fd[1]);
	assert_int_equal(read(fd[0], &result, 1), 1);
	close(fd[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	if (result == 255) {
		fprintf(stderr, "SKIP: cannot become nobody (65534)\n");
		skip();
	}
	/* else the number of the check that failed */
	assert_int_equal(result, 0);
	assert_dir(dir, "ro.txt sticky");
	assert_dir(at("sticky"), "rw.txt");
	/* root may, as with a redirection */
	assert_int_equal(rs_output_write(at("ro.txt"), "root\n", 5, &err), 0);
	assert_content(at("ro.txt"), "root\n");
	assert_int_equal(mode_of(at("ro.txt")), 0444);
}

/*
 * A dangling link stays a link, as docs/robustness.md says: the file it
 * points to is created, as a redirection would create it; through a
 * chain of links too.  A link into a missing directory, or a loop,
 * creates nothing.
 */
static void
dangling_symlink_creates_its_target(void **state)
{
	struct rs_error err = {0};
	struct stat st;
	mode_t old = umask(022);

	(void)state;
	assert_int_equal(mkdir(at("d"), 0755), 0);
	assert_int_equal(symlink("d/new.txt", at("link")), 0);
	assert_int_equal(symlink("link", at("chain")), 0);
	assert_int_equal(rs_output_write(at("chain"), "new\n", 4, &err), 0);
	assert_int_equal(lstat(at("link"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(at("chain"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_content(at("d/new.txt"), "new\n");
	assert_int_equal(mode_of(at("d/new.txt")), 0644);
	assert_dir(at("d"), "new.txt");
	/* relative to the link's directory, not the working one */
	assert_int_equal(symlink("../top.txt", at("d/up")), 0);
	assert_int_equal(rs_output_write(at("d/up"), "up\n", 3, &err), 0);
	assert_content(at("top.txt"), "up\n");
	assert_int_equal(symlink("nodir/x", at("bad")), 0);
	assert_int_equal(rs_output_write(at("bad"), "x", 1, &err), RS_EIO);
	assert_int_equal(err.errnum, ENOENT);
	assert_int_equal(symlink("loop2", at("loop1")), 0);
	assert_int_equal(symlink("loop1", at("loop2")), 0);
	assert_int_equal(rs_output_write(at("loop1"), "x", 1, &err), RS_EIO);
	assert_int_equal(err.errnum, ELOOP);
	assert_dir(dir, "bad chain d link loop1 loop2 top.txt");
	umask(old);
}

/* A replaced file keeps its owner and group; only root may give them. */
static void
replaced_file_keeps_its_owner(void **state)
{
	struct rs_error err = {0};
	struct stat st;

	(void)state;
	if (geteuid() != 0) {
		fprintf(stderr, "SKIP: only root may give a file to another "
		    "user\n");
		skip();
	}
	put(at("theirs.txt"), "old\n", 0644);
	assert_int_equal(chown(at("theirs.txt"), 4321, 4322), 0);
	assert_int_equal(rs_output_write(at("theirs.txt"), "new\n", 4, &err),
	    0);
	assert_content(at("theirs.txt"), "new\n");
	assert_int_equal(stat(at("theirs.txt"), &st), 0);
	assert_int_equal(st.st_uid, 4321);
	assert_int_equal(st.st_gid, 4322);
	assert_dir(dir, "theirs.txt");
}

/*
 * Names that look like a descriptor's and are not: a number in another
 * directory, in a missing one, too long a number; a link whose target
 * is longer than the first buffer read_link() tries.
 */
static void
names_like_descriptors_are_files(void **state)
{
	struct rs_error err = {0};
	char longer[400], path[64];
	size_t n = 0;

	(void)state;
	assert_int_equal(rs_output_write(at("7"), "seven\n", 6, &err), 0);
	assert_content(at("7"), "seven\n");
	assert_int_equal(rs_output_write(at("no/7"), "x", 1, &err), RS_EIO);
	assert_int_equal(err.errnum, ENOENT);
	/* /dev/fd/1234567890 is no descriptor, nor a file one may create */
	snprintf(path, sizeof(path), "/dev/fd/1234567890");
	assert_int_equal(rs_output_write(path, "x", 1, &err), RS_EIO);
	assert_string_equal(err.path, path);
	while (n < 300)
		n += (size_t)snprintf(longer + n, sizeof(longer) - n, "./");
	snprintf(longer + n, sizeof(longer) - n, "7");
	assert_int_equal(symlink(longer, at("far")), 0);
	assert_int_equal(rs_output_write(at("far"), "far\n", 4, &err), 0);
	assert_content(at("7"), "far\n");
	assert_dir(dir, "7 far");
}

/* A socket cannot be opened for writing: ENXIO, nothing created. */
static void
socket_is_refused(void **state)
{
	struct rs_error err = {0};
	struct sockaddr_un sa;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	(void)state;
	assert_true(fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", at("sock"));
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(rs_output_write(at("sock"), "x", 1, &err), RS_EIO);
	assert_int_equal(err.errnum, ENXIO);
	assert_string_equal(err.path, at("sock"));
	close(fd);
	assert_dir(dir, "sock");
}

/* Descriptors not open yet: two names of one are the same output. */
static void
same_file_of_descriptors_not_open(void **state)
{
	(void)state;
	assert_int_equal(fcntl(98, F_GETFD), -1);
	assert_int_equal(fcntl(97, F_GETFD), -1);
	assert_int_equal(rs_output_same_file("/dev/fd/98", "/proc/self/fd/98"),
	    1);
	assert_int_equal(rs_output_same_file("/dev/fd/98", "/dev/fd/97"), 0);
	assert_int_equal(rs_output_same_file("/dev/fd/98", at("x")), 0);
	assert_int_equal(rs_output_same_file(at("x"), "/dev/fd/98"), 0);
}

/*
 * Names that cannot be resolved are no file's: a loop of links, a name
 * under a file, a name in a missing directory, on either side.
 */
static void
same_file_of_names_that_lead_nowhere(void **state)
{
	(void)state;
	put(at("f"), "x", 0644);
	assert_int_equal(symlink("l2", at("l1")), 0);
	assert_int_equal(symlink("l1", at("l2")), 0);
	assert_int_equal(rs_output_same_file(at("l1"), at("l1")), 0);
	assert_int_equal(rs_output_same_file(at("new"), at("l2")), 0);
	assert_int_equal(rs_output_same_file(at("f/x"), at("f/x")), 0);
	assert_int_equal(rs_output_same_file(at("no/x"), at("x")), 0);
	assert_int_equal(rs_output_same_file(at("no/x"), at("no/x")), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    new_file_gets_0666_less_the_umask, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    replaced_file_keeps_its_mode_not_set_id_bits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    failed_write_keeps_the_old_file, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    missing_or_bad_directory_creates_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    unwritable_directory_creates_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    symlink_stays_and_its_target_is_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(fifo_is_written_in_place,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    stream_appears_whole_or_not_at_all, setup, teardown),
		cmocka_unit_test_setup_teardown(same_file_follows_links, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    same_file_knows_names_of_a_new_file, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    abandon_removes_every_temporary_file, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    own_descriptor_is_written_in_place_appending, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    own_descriptor_is_written_at_its_offset, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    read_only_descriptor_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    unwritable_file_is_not_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    dangling_symlink_creates_its_target, setup, teardown),
		cmocka_unit_test_setup_teardown(replaced_file_keeps_its_owner,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    names_like_descriptors_are_files, setup, teardown),
		cmocka_unit_test_setup_teardown(socket_is_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    same_file_of_descriptors_not_open, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    same_file_of_names_that_lead_nowhere, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
