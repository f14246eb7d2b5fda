/*
 * test_csv_writer.c - the one CSV writer (csv_writer.c): RFC 4180 quoting,
 * the formula guard, bare numbers, and write errors
 */
#include "test_util.h"

#include <errno.h>
#include <stdlib.h>

#include "io/csv_writer.h"

/* A memory stream and its text. */
struct sink {
	FILE *fp;
	char *buf;
	size_t len;
};

static void
sink_open(struct sink *s)
{
	s->buf = NULL;
	s->len = 0;
	s->fp = open_memstream(&s->buf, &s->len);
	assert_non_null(s->fp);
}

/* Close and return the text, which the caller frees. */
static char *
sink_close(struct sink *s)
{
	assert_int_equal(fclose(s->fp), 0);
	return s->buf;
}

/* One text field written alone, as a line. */
static void
check_text(const char *in, const char *want)
{
	struct sink k;
	struct rs_csv w;
	char *got;

	sink_open(&k);
	rs_csv_init(&w, k.fp);
	rs_csv_text(&w, in);
	assert_int_equal(rs_csv_end(&w), 0);
	got = sink_close(&k);
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" gave [%s], want [%s]", in, got, want);
	free(got);
}

static void
text_is_quoted_with_quotes_doubled(void **state)
{
	(void)state;
	check_text("Beirut", "\"Beirut\"\n");
	check_text("a\"b", "\"a\"\"b\"\n");
	check_text("\"", "\"\"\"\"\n");
	check_text("comma, and\nline break", "\"comma, and\nline break\"\n");
	check_text("", "\"\"\n");
	check_text(NULL, "\n");
	check_text("\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa",
	    "\"\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa\"\n");
}

static void
formula_triggers_get_a_quote(void **state)
{
	(void)state;
	/* OWASP's triggers, first character only */
	check_text("=1+1", "\"'=1+1\"\n");
	check_text("@SUM(A1)", "\"'@SUM(A1)\"\n");
	check_text("+1 Ville", "\"'+1 Ville\"\n");
	check_text("-Moins", "\"'-Moins\"\n");
	check_text("\tx", "\"'\tx\"\n");
	check_text("\rx", "\"'\rx\"\n");
	check_text("=HYPERLINK(\"http://x\")",
	    "\"'=HYPERLINK(\"\"http://x\"\")\"\n");
	/* elsewhere in the field they are text */
	check_text("ok-=", "\"ok-=\"\n");
	check_text(" =1", "\" =1\"\n");
	assert_true(rs_csv_needs_guard("=x"));
	assert_true(rs_csv_needs_guard("@"));
	assert_false(rs_csv_needs_guard("x="));
	assert_false(rs_csv_needs_guard(""));
	assert_false(rs_csv_needs_guard(NULL));
	assert_false(rs_csv_needs_guard("'=x"));
}

static void
numbers_and_bare_fields_are_written_as_they_are(void **state)
{
	struct sink k;
	struct rs_csv w;
	char *got;

	(void)state;
	sink_open(&k);
	rs_csv_init(&w, k.fp);
	rs_csv_text(&w, "city");
	rs_csv_number(&w, 0.1 + 0.2);
	rs_csv_number(&w, -2.5);	/* a negative number is no formula */
	rs_csv_number(&w, (double)NAN);
	rs_csv_bare(&w, "TRUE");
	rs_csv_bare(&w, "");
	assert_int_equal(rs_csv_end(&w), 0);
	rs_csv_bare(&w, "second");	/* a new line starts without a comma */
	rs_csv_number(&w, 100);
	assert_int_equal(rs_csv_end(&w), 0);
	got = sink_close(&k);
	assert_string_equal(got, "\"city\",0.30000000000000004,-2.5,,TRUE,\n"
	    "second,100\n");
	free(got);
}

static void
records_quote_every_field(void **state)
{
	static const char *const f[] = {"city", NULL, "=cmd", "a\"b", ""};
	struct sink k;
	char *got;

	(void)state;
	sink_open(&k);
	assert_int_equal(rs_csv_write_record(k.fp, f, 5), 0);
	assert_int_equal(rs_csv_write_record(k.fp, f, 0), 0);
	got = sink_close(&k);
	assert_string_equal(got, "\"city\",\"\",\"'=cmd\",\"a\"\"b\",\"\"\n\n");
	free(got);
}

static void
write_errors_are_reported(void **state)
{
	static const char *const f[] = {"a", "b"};
	struct rs_csv w;
	FILE *full = fopen("/dev/full", "w");

	(void)state;
	if (full == NULL)
		skip();
	setvbuf(full, NULL, _IONBF, 0);
	assert_int_equal(rs_csv_write_record(full, f, 2), -1);
	assert_int_equal(errno, ENOSPC);
	rs_csv_init(&w, full);
	rs_csv_text(&w, "x");
	assert_int_equal(rs_csv_end(&w), -1);
	fclose(full);
}

/*
 * Whole numbers, raw runs of fields, a bare field longer than the
 * writer's buffer, and a block of many lines: the bytes asked for.
 */
static void
longs_raw_fields_and_long_lines(void **state)
{
	struct sink k;
	struct rs_csv w;
	size_t n = 100000, i, o;
	char *big = malloc(n + 1), *got, *want = malloc(n + 400000);

	(void)state;
	memset(big, 'x', n);
	big[n] = '\0';
	sink_open(&k);
	rs_csv_init(&w, k.fp);
	rs_csv_long(&w, -2019);
	rs_csv_long(&w, 0);
	rs_csv_long(&w, 1234567);
	rs_csv_raw(&w, "nothing", 7, 0);	/* no field: nothing written */
	rs_csv_raw(&w, "a,b", 3, 2);
	rs_csv_bare(&w, "c");
	assert_int_equal(rs_csv_end(&w), 0);
	rs_csv_bare(&w, "y");
	rs_csv_bare(&w, big);
	assert_int_equal(rs_csv_end(&w), 0);
	got = sink_close(&k);
	o = (size_t)sprintf(want, "-2019,0,1234567,a,b,c\ny,");
	memcpy(want + o, big, n);
	strcpy(want + o + n, "\n");
	assert_string_equal(got, want);
	free(got);
	/* a block of lines past the buffer's size, numbers at its edge */
	sink_open(&k);
	rs_csv_init_block(&w, k.fp);
	o = 0;
	for (i = 0; i < 20000; i++) {
		rs_csv_long(&w, (long)i);
		rs_csv_number(&w, 0.5 + (double)i);
		assert_int_equal(rs_csv_end(&w), 0);
		o += (size_t)sprintf(want + o, "%zu,%zu.5\n", i, i);
	}
	assert_int_equal(rs_csv_flush(&w), 0);
	got = sink_close(&k);
	assert_string_equal(got, want);
	free(got);
	free(want);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_is_quoted_with_quotes_doubled),
		cmocka_unit_test(formula_triggers_get_a_quote),
		cmocka_unit_test(numbers_and_bare_fields_are_written_as_they_are),
		cmocka_unit_test(records_quote_every_field),
		cmocka_unit_test(write_errors_are_reported),
		cmocka_unit_test(longs_raw_fields_and_long_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
