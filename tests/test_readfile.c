/*
 * test_readfile.c - whole files into memory, and the check that they are
 * text (src/io/readfile.c)
 */
#include "test_util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "io/readfile.h"
#include "resilience/error.h"

static char dir[] = "/tmp/rs-readfile-XXXXXX";

static int
make_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL;
}

static int
remove_dir(void **state)
{
	char p[64];

	(void)state;
	snprintf(p, sizeof(p), "%s/f.txt", dir);
	unlink(p);
	return rmdir(dir);
}

static void
files_are_read_whole(void **state)
{
	struct rs_error err = {0};
	char p[64], *text = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	snprintf(p, sizeof(p), "%s/f.txt", dir);
	fp = fopen(p, "wb");
	assert_non_null(fp);
	fwrite("a,b\n1,\0002\n", 1, 10, fp);
	fclose(fp);
	assert_int_equal(rs_read_file(p, &text, &len, &err), 0);
	assert_int_equal(len, 10);
	assert_memory_equal(text, "a,b\n1,\0002\n", 10);
	assert_int_equal(text[10], '\0');	/* NUL-terminated */
	free(text);
	/* exactly at the limit, then one byte over */
	assert_int_equal(rs_read_file_max(p, 10, &text, &len, &err), 0);
	free(text);
	assert_int_equal(rs_read_file_max(p, 9, &text, &len, &err), RS_EINPUT);
	assert_true(err.line == 1 && err.col == 1);
	assert_non_null(strstr(err.msg, "larger than the limit"));
}

static void
unreadable_files_are_io_errors(void **state)
{
	struct rs_error err = {0};
	char *text = NULL;
	size_t len;

	(void)state;
	assert_int_equal(rs_read_file("/nonexistent/x.csv", &text, &len,
	    &err), RS_EIO);
	assert_string_equal(err.path, "/nonexistent/x.csv");
	assert_non_null(strstr(err.msg, "cannot open"));
	memset(&err, 0, sizeof(err));
	assert_int_equal(rs_read_file(dir, &text, &len, &err), RS_EIO);
	assert_non_null(strstr(err.msg, "cannot read"));
}

/*
 * "-" is standard input, never closed: read whole; a directory, a file
 * over the limit and a pipe over the limit refused as a named file is.
 */
static void
standard_input_is_read_and_kept_open(void **state)
{
	struct rs_error err = {0};
	char p[64], *text = NULL;
	size_t len = 0;
	int fd[2], saved = dup(0);
	FILE *fp;

	(void)state;
	assert_true(saved >= 0);
	snprintf(p, sizeof(p), "%s/f.txt", dir);
	fp = fopen(p, "wb");
	assert_non_null(fp);
	fputs("city,a1\nX,1\n", fp);
	fclose(fp);
	assert_non_null(freopen(p, "rb", stdin));
	assert_int_equal(rs_read_file("-", &text, &len, &err), 0);
	assert_string_equal(text, "city,a1\nX,1\n");
	free(text);
	/* a regular file over the limit, told from its size */
	rewind(stdin);
	assert_int_equal(rs_read_file_max("-", 4, &text, &len, &err),
	    RS_EINPUT);
	assert_string_equal(err.path, "-");
	assert_non_null(strstr(err.msg, "larger than the limit"));
	assert_int_equal(fcntl(0, F_GETFD), 0);		/* still open */
	/* a pipe over the limit, told from what was read */
	assert_int_equal(pipe(fd), 0);
	assert_int_equal(write(fd[1], "0123456789", 10), 10);
	close(fd[1]);
	assert_int_equal(dup2(fd[0], 0), 0);
	close(fd[0]);
	clearerr(stdin);
	assert_int_equal(rs_read_file_max("-", 4, &text, &len, &err),
	    RS_EINPUT);
	assert_non_null(strstr(err.msg, "larger than the limit"));
	assert_null(text);
	/* a directory */
	assert_non_null(freopen(dir, "rb", stdin));
	memset(&err, 0, sizeof(err));
	assert_int_equal(rs_read_file("-", &text, &len, &err), RS_EIO);
	assert_int_equal(err.errnum, EISDIR);
	assert_int_equal(fcntl(0, F_GETFD), 0);
	assert_int_equal(dup2(saved, 0), 0);
	close(saved);
	clearerr(stdin);
}

struct kind {
	const char *text;
	size_t len;
	long line, col;
	const char *msg;	/* NULL: text */
};

static const struct kind kinds[] = {
	{"city,a1\n\xd8\xa7,1\n", 13, 0, 0, NULL},
	{"", 0, 0, 0, NULL},
	{"\xff\xfe\0\0c\0\0\0", 8, 1, 1, "file is UTF-32LE"},
	{"\0\0\xfe\xff\0\0\0c", 8, 1, 1, "file is UTF-32BE"},
	{"\xff\xfe" "c\0", 4, 1, 1, "file is UTF-16LE (it starts with a byte "
	    "order mark)"},
	{"\xfe\xff\0c", 4, 1, 1, "file is UTF-16BE"},
	{"PK\x03\x04\x14\0", 6, 1, 1, "file is a ZIP archive"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0", 9, 1, 1, "an .xls spreadsheet"},
	{"\x1F\x8B\x08\0", 4, 1, 1, "gzip-compressed"},
	{"%PDF-1.4\n\xe2\xe3\xcf\xd3", 13, 1, 1, "a PDF document"},
	{"c\0i\0t\0y\0", 8, 1, 1, "UTF-16LE without a byte order mark"},
	{"\0c\0i\0t\0y", 8, 1, 1, "UTF-16BE without a byte order mark"},
	/* a NUL with no pattern: its line and column */
	{"ab\ncd\0e", 7, 2, 3, "NUL byte: this is not a text file"},
	/* a lone high byte may be Latin-1; a broken sequence is not */
	{"x\nM\xfcnchen", 9, 2, 2, "invalid UTF-8 (byte 0xFC); save the file "
	    "as UTF-8 (it may be Latin-1 or Windows-1252)"},
	{"\xe2\x82\xe2\x82\xac", 5, 1, 1, "invalid UTF-8 (byte 0xE2); save "
	    "the file as UTF-8"},
};

static void
what_is_not_text_is_named(void **state)
{
	struct rs_error err;
	size_t k;
	int rc;

	(void)state;
	for (k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		const struct kind *c = &kinds[k];

		memset(&err, 0, sizeof(err));
		rc = rs_text_check(c->text, c->len, "in.csv", &err);
		if (c->msg == NULL ? rc != 0 : rc != RS_EINPUT ||
		    err.line != c->line || err.col != c->col ||
		    strstr(err.msg, c->msg) == NULL) {
			print_error("case %zu: %d %ld:%ld: %s\n", k, rc,
			    err.line, err.col, err.msg);
			fail();
		}
	}
	/* the Latin-1 hint is not given for a cut sequence */
	memset(&err, 0, sizeof(err));
	rs_text_check("\xe2\x82\xe2\x82\xac", 5, "in.csv", &err);
	assert_null(strstr(err.msg, "Latin-1"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(files_are_read_whole),
		cmocka_unit_test(unreadable_files_are_io_errors),
		cmocka_unit_test(standard_input_is_read_and_kept_open),
		cmocka_unit_test(what_is_not_text_is_named),
	};

	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
