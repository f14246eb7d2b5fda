/*
 * test_report_pipeline.c - the pipeline's CSV tables (report_pipeline.c):
 * COINr's layout, 17-digit numbers, and the formula guard on every unit
 * code and id, as in every CSV the tool writes
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/load.h"
#include "resilience/pipeline.h"
#include "resilience/report_pipeline.h"
#include "resilience/stats.h"

static const char meta[] =
    "{\"id\": \"t\", \"pipeline\": {\"normalise\": \"minmax\","
    " \"aggregate\": {\"method\": \"amean\", \"min_coverage\": 0}},"
    " \"children\": ["
    "  {\"id\": \"A\", \"children\": ["
    "   {\"id\": \"a1\"}, {\"id\": \"@a2\"}]},"
    "  {\"id\": \"B\", \"children\": ["
    "   {\"id\": \"b1\", \"weight\": 2}]}]}";

/* Unit codes a spreadsheet would run, and one with a quote: q"x. */
static const char data[] =
    "uCode,a1,@a2,b1\n"
    "=1+1,1,5,0.1\n"
    "@SUM(A1),3,,10\n"
    "-2,2,8,0\n"
    "\"q\"\"x\",4,2,2\n";

struct run {
	struct rs_framework fw;
	struct rs_table t;
	struct rs_pipeline_spec *spec;
	struct rs_pipeline_result r;
	struct rs_error err;
};

static void
run_load(struct run *s)
{
	memset(s, 0, sizeof(*s));
	rs_framework_init(&s->fw);
	rs_table_init(&s->t);
	assert_int_equal(rs_framework_load_json(&s->fw, meta, strlen(meta),
	    "t.json", &s->err), 0);
	assert_int_equal(rs_coinr_read_data(&s->t, &s->fw, data,
	    strlen(data), "t.csv", &s->err), 0);
	s->spec = rs_pipeline_spec_copy(s->fw.pipeline);
	assert_int_equal(rs_pipeline_run(&s->fw, s->spec, &s->t, &s->r,
	    &s->err), 0);
}

static void
run_free(struct run *s)
{
	rs_pipeline_result_release(&s->r);
	rs_pipeline_spec_free(s->spec);
	rs_table_release(&s->t);
	rs_framework_release(&s->fw);
}

/* Step step of s as text the caller frees. */
static char *
step_text(struct run *s, int step)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	assert_non_null(mem);
	assert_int_equal(rs_report_step_csv(mem, &s->r, step, &s->err), 0);
	assert_int_equal(fclose(mem), 0);
	return buf;
}

/* The number of fields of each line of text, all equal to want. */
static void
assert_fields(const char *text, size_t want)
{
	const char *p;
	size_t n = 1;
	int quoted = 0;

	for (p = text; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			n++;
		else if (*p == '\n' && !quoted) {
			if (n != want)
				fail_msg("%zu fields, want %zu, before: %.40s",
				    n, want, p);
			n = 1;
		}
	}
}

static void
raw_values_have_17_digits_and_guarded_codes(void **state)
{
	struct run s;
	char *text;

	(void)state;
	run_load(&s);
	text = step_text(&s, RS_STEP_RAW);
	assert_string_equal(text,
	    "\"uCode\",\"a1\",\"'@a2\",\"b1\"\n"
	    "\"'=1+1\",1,5,0.10000000000000001\n"
	    "\"'@SUM(A1)\",3,,10\n"
	    "\"'-2\",2,8,0\n"
	    "\"q\"\"x\",4,2,2\n");
	free(text);
	run_free(&s);
}

static void
screening_counts_and_flags(void **state)
{
	struct run s;
	char *text;

	(void)state;
	run_load(&s);
	text = step_text(&s, RS_STEP_SCREENING);
	/* @SUM(A1) misses one of three indicators; -2 has a zero */
	assert_string_equal(text,
	    "\"uCode\",\"N_missing\",\"N_zero\",\"Dat_Avail\",\"Non_Zero\","
	    "\"Included\"\n"
	    "\"'=1+1\",0,0,1,1,TRUE\n"
	    "\"'@SUM(A1)\",1,0,0.66666666666666674,1,TRUE\n"
	    "\"'-2\",0,1,1,0.66666666666666674,TRUE\n"
	    "\"q\"\"x\",0,0,1,1,TRUE\n");
	free(text);
	run_free(&s);
}

static void
every_table_keeps_its_columns(void **state)
{
	struct run s;
	char *text;

	(void)state;
	run_load(&s);
	text = step_text(&s, RS_STEP_TREATMENT);
	assert_non_null(strstr(text, "\"iCode\",\"Pass0\",\"Skew0\",\"Kurt0\","
	    "\"NWin\",\"Pass1\",\"Skew1\",\"Kurt1\",\"Log\",\"Pass2\","
	    "\"Skew2\",\"Kurt2\"\n"));
	assert_non_null(strstr(text, "\n\"'@a2\","));
	assert_fields(text, 12);
	free(text);
	/* indicators, then A and B, then the index t */
	text = step_text(&s, RS_STEP_AGGREGATED);
	assert_non_null(strstr(text,
	    "\"uCode\",\"a1\",\"'@a2\",\"b1\",\"A\",\"B\",\"t\"\n\"'=1+1\","));
	assert_fields(text, 7);
	free(text);
	text = step_text(&s, RS_STEP_RANKS);
	assert_fields(text, 7);
	assert_null(strstr(text, "\n=1+1"));
	free(text);
	text = step_text(&s, RS_STEP_POINTS);
	assert_non_null(strstr(text, "\"uCode\",\"a1\",\"'@a2\",\"b1\"\n"));
	assert_fields(text, 4);
	free(text);
	run_free(&s);
}

static void
stats_weights_and_correlations_guard_ids(void **state)
{
	struct rs_stats_flags flags;
	struct run s;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	(void)state;
	run_load(&s);
	rs_stats_default_flags(&flags);
	assert_int_equal(rs_report_stats_csv(mem, &s.fw, s.r.raw, s.r.nrows,
	    &flags, &s.err), 0);
	assert_int_equal(fclose(mem), 0);
	assert_non_null(strstr(buf, "\"Flag.SkewKurt\"\n\"a1\",1,4,2.5,2.5,"));
	assert_non_null(strstr(buf, "\n\"'@a2\",2,8,5,5,"));
	assert_fields(buf, 20);
	free(buf);

	mem = open_memstream(&buf, &len);
	assert_int_equal(rs_report_weights_csv(mem, &s.fw, &s.err), 0);
	assert_int_equal(fclose(mem), 0);
	/* effective weights: A and B halves, b1 all of B's */
	assert_string_equal(buf,
	    "\"iCode\",\"Level\",\"Weight\",\"EffWeight\"\n"
	    "\"a1\",1,1,0.25\n"
	    "\"'@a2\",1,1,0.25\n"
	    "\"b1\",1,2,0.5\n"
	    "\"A\",2,1,0.5\n"
	    "\"B\",2,1,0.5\n");
	free(buf);

	mem = open_memstream(&buf, &len);
	assert_int_equal(rs_report_corr_csv(mem, &s.r, 1, 2, 1, &s.err), 0);
	assert_int_equal(fclose(mem), 0);
	assert_non_null(strstr(buf, "\"iCode\",\"A\",\"B\"\n\"a1\","));
	assert_non_null(strstr(buf, "\n\"'@a2\","));
	assert_fields(buf, 3);
	free(buf);
	run_free(&s);
}

static void
write_errors_are_io_errors(void **state)
{
	struct run s;
	FILE *full = fopen("/dev/full", "w");

	(void)state;
	if (full == NULL)
		skip();
	setvbuf(full, NULL, _IONBF, 0);
	run_load(&s);
	assert_int_equal(rs_report_step_csv(full, &s.r, RS_STEP_RAW, &s.err),
	    RS_EIO);
	assert_non_null(strstr(s.err.msg, "cannot write the report"));
	run_free(&s);
	fclose(full);
}

static void
steps_are_parsed_by_name(void **state)
{
	(void)state;
	assert_int_equal(rs_step_parse("raw"), RS_STEP_RAW);
	assert_int_equal(rs_step_parse("points"), RS_STEP_POINTS);
	assert_int_equal(rs_step_parse("aggregated"), RS_STEP_AGGREGATED);
	assert_int_equal(rs_step_parse("Raw"), -1);
	assert_int_equal(rs_step_parse(""), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(raw_values_have_17_digits_and_guarded_codes),
		cmocka_unit_test(screening_counts_and_flags),
		cmocka_unit_test(every_table_keeps_its_columns),
		cmocka_unit_test(stats_weights_and_correlations_guard_ids),
		cmocka_unit_test(write_errors_are_io_errors),
		cmocka_unit_test(steps_are_parsed_by_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
