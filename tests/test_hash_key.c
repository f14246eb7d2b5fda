/*
 * test_hash_key.c - where the process key of src/base/hash.c comes from
 * when getrandom(2) is interrupted, fails, or /dev/urandom cannot be
 * opened either: this program stands in for getrandom() and open(), and
 * each case runs this program again, a process that draws its own key.
 */
#include "test_util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/random.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/hash.h"

enum mode { REAL, INTERRUPTED, SHORT, FAILS, NO_URANDOM };
static enum mode mode = REAL;
static int calls;

ssize_t
getrandom(void *buf, size_t n, unsigned flags)
{
	unsigned char *b = buf;
	size_t i;

	(void)flags;
	calls++;
	if (mode == FAILS || mode == NO_URANDOM) {
		errno = ENOSYS;
		return -1;
	}
	if (mode == INTERRUPTED && calls == 1) {
		errno = EINTR;
		return -1;
	}
	if (mode == SHORT && n > 4)
		n = 4;		/* a few bytes a call */
	for (i = 0; i < n; i++)
		b[i] = (unsigned char)(0x5A ^ (calls * 31 + (int)i));
	return (ssize_t)n;
}

int
open(const char *path, int flags, ...)
{
	mode_t m = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & O_CREAT)
		m = (mode_t)va_arg(ap, int);
	va_end(ap);
	if (mode == NO_URANDOM && strcmp(path, "/dev/urandom") == 0) {
		errno = ENOENT;
		return -1;
	}
	return openat(AT_FDCWD, path, flags, m);
}

static const char *self;		/* this program, for the children */

/*
 * This program again, in mode m, from the start (a process of its own,
 * so its own key): the hash of "abc" it prints.
 */
static uint64_t
hash_under(enum mode m)
{
	char arg[8], out[32] = {0};
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	snprintf(arg, sizeof(arg), "%d", (int)m);
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		execl(self, self, "--mode", arg, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	n = read(fds[0], out, sizeof(out) - 1);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(n > 0);
	return strtoull(out, NULL, 16);
}

static void
every_source_of_the_key_gives_a_working_hash(void **state)
{
	uint64_t a, b, c, d;

	(void)state;
	/* interrupted, then the bytes of this getrandom() */
	a = hash_under(INTERRUPTED);
	/* four bytes a call: a different key, so another hash */
	b = hash_under(SHORT);
	assert_true(a != b);
	/* the stand-in is deterministic: the same mode, the same key */
	assert_true(hash_under(SHORT) == b);
	/* getrandom() fails: /dev/urandom, a key of its own */
	c = hash_under(FAILS);
	assert_true(c != a && c != b);
	/* neither: the clock and the addresses, still a key per process */
	d = hash_under(NO_URANDOM);
	assert_true(d != a && d != b);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_source_of_the_key_gives_a_working_hash),
	};

	if (argc == 3 && strcmp(argv[1], "--mode") == 0) {
		uint64_t h;

		mode = (enum mode)atoi(argv[2]);
		h = rs_hash("abc", 3);
		if (h != rs_hash("abc", 3))
			return 1;	/* one key for the process */
		printf("%016llx\n", (unsigned long long)h);
		return 0;
	}
	self = argv[0];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
