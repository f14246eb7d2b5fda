/*
 * test_error.c - the library's error type (src/base/error.c): every form
 * of "FILE:LINE:COL: message", messages cut at a character, I/O errors
 */
#include "test_util.h"

#include <errno.h>

#include "resilience/error.h"

static void
forms_of_a_located_error(void **state)
{
	struct rs_error err;
	char buf[1200];

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_error_set(&err, RS_EINPUT, "in.csv", 3, 7,
	    "value %s is %d", "\"x\"", 5), RS_EINPUT);
	assert_int_equal(err.code, RS_EINPUT);
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "in.csv:3:7: value \"x\" is 5");
	rs_error_set(&err, RS_EINPUT, "in.csv", 3, 0, "bad row");
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "in.csv:3: bad row");
	rs_error_set(&err, RS_EINPUT, "in.csv", 0, 0, "empty");
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "in.csv: empty");
	rs_error_set(&err, RS_EUSAGE, NULL, 3, 4, "no file given");
	assert_string_equal(err.path, "");
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "no file given");
	/* a spreadsheet's cell: column 28 is AB */
	rs_error_set(&err, RS_EINPUT, "b.xlsx:Data", 12, 28, "not a number");
	err.cell = 1;
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "b.xlsx:Data!AB12: not a number");
	/* a cell error without a path is the message alone */
	err.path[0] = '\0';
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "not a number");
	/* a new error clears the cell flag */
	rs_error_set(&err, RS_EINPUT, "x.csv", 1, 1, "m");
	assert_int_equal(err.cell, 0);
}

/* Numbers in messages use '.', and control characters are escaped. */
static void
messages_are_one_printable_line(void **state)
{
	struct rs_error err;
	char buf[1200];

	(void)state;
	rs_error_set(&err, RS_EINPUT, "a\nb.csv", 1, 2, "v %.2f\x1b[2J", 1.5);
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "a\\nb.csv:1:2: v 1.50\\x1B[2J");
}

/* A message too long for the buffer ends in "..." at a character. */
static void
long_messages_are_cut_at_a_character(void **state)
{
	struct rs_error err;
	char text[2000];
	size_t i, n;

	(void)state;
	/* 'x' then Arabic letters (2 bytes each) past the 511 bytes kept */
	text[0] = 'x';
	for (i = 1; i + 2 < sizeof(text); i += 2)
		memcpy(text + i, "\xd8\xa8", 2);
	text[i] = '\0';
	rs_error_set(&err, RS_EINPUT, "f", 1, 1, "%s", text);
	n = strlen(err.msg);
	assert_true(n <= sizeof(err.msg) - 1);
	assert_string_equal(err.msg + n - 3, "...");
	/* what precedes "..." is whole characters: 'x' and pairs */
	assert_int_equal((n - 3 - 1) % 2, 0);
	for (i = 1; i < n - 3; i += 2)
		assert_memory_equal(err.msg + i, "\xd8\xa8", 2);
}

static void
io_errors_keep_errno(void **state)
{
	struct rs_error err;
	char buf[1200];

	(void)state;
	rs_error_clear(&err);
	assert_int_equal(rs_error_io(&err, ENOENT, "nope.csv", "cannot open"),
	    RS_EIO);
	assert_int_equal(err.errnum, ENOENT);
	assert_int_equal(err.code, RS_EIO);
	assert_string_equal(rs_error_format(&err, buf, sizeof(buf)),
	    "nope.csv: cannot open: No such file or directory");
	/* without an error to fill, only the code comes back */
	assert_int_equal(rs_error_io(NULL, EACCES, "x", "cannot write"),
	    RS_EIO);
	assert_int_equal(rs_error_set(NULL, RS_EINPUT, "x", 1, 1, "m"),
	    RS_EINPUT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forms_of_a_located_error),
		cmocka_unit_test(messages_are_one_printable_line),
		cmocka_unit_test(long_messages_are_cut_at_a_character),
		cmocka_unit_test(io_errors_keep_errno),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
