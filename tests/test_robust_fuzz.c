/*
 * test_robust_fuzz.c - replay the fuzz seeds and every input the fuzzers
 * once broke the library with (tests/data/fuzz-regressions/TARGET/)
 * through the same entry points as the libFuzzer harnesses (fuzz/)
 */
#include "test_util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>

#include "io/readfile.h"
#include "targets.h"

/* A fuzz entry point of targets.h. */
#define ENTRY(fn) int (*fn)(const unsigned char *, size_t)

/* Run every file of dir, and every prefix of it, through fn. */
static size_t
replay_dir(const char *dir, ENTRY(fn))
{
	struct rs_error err = {0};
	struct dirent *e;
	char path[4096], *text;
	size_t len, n = 0;
	DIR *d = opendir(dir);

	if (d == NULL) {
		/* git keeps no empty directory: no regression yet */
		assert_int_equal(errno, ENOENT);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		assert_int_equal(rs_read_file(path, &text, &len, &err), 0);
		if (fn((const unsigned char *)text, len) != 0) {
			print_error("%s breaks an invariant\n", path);
			fail();
		}
		/* Truncated files are a class of input of their own. */
		while (len <= 4096 && len-- > 0)
			if (fn((const unsigned char *)text, len) != 0) {
				print_error("%s cut to %zu bytes breaks an "
				    "invariant\n", path, len);
				fail();
			}
		free(text);
		n++;
	}
	closedir(d);
	return n;
}

static void
replay(const char *target, ENTRY(fn))
{
	char dir[4096];
	size_t n;

	snprintf(dir, sizeof(dir), "%s/fuzz/seeds/%s", RS_SOURCE_DIR, target);
	n = replay_dir(dir, fn);
	snprintf(dir, sizeof(dir), "%s/fuzz-regressions/%s", RS_TEST_DATA,
	    target);
	n += replay_dir(dir, fn);
	assert_true(n > 0);
}

static void
csv_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("csv", fuzz_csv_one);
}

static void
json_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("json", fuzz_json_one);
}

static void
framework_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("framework", fuzz_framework_one);
}

static void
import_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("import", fuzz_import_one);
}

static void
sheet_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("sheet", fuzz_sheet_one);
}

static void
baseline_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("baseline", fuzz_baseline_one);
}

static void
imeta_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("imeta", fuzz_imeta_one);
}

static void
idata_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("idata", fuzz_idata_one);
}

static void
pipeline_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("pipeline", fuzz_pipeline_one);
}

static void
sensitivity_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("sensitivity", fuzz_sensitivity_one);
}

static void
shock_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("shock", fuzz_shock_one);
}

static void
scenario_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("scenario", fuzz_scenario_one);
}

static void
actions_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("actions", fuzz_actions_one);
}

static void
commands_seeds_and_regressions_pass(void **state)
{
	(void)state;
	replay("commands", fuzz_commands_one);
}

/* The shipped data and framework pass the same checks. */
static void
shipped_files_pass(void **state)
{
	static const char *const files[] = {"alexandria.csv", "beirut.csv",
	    "kuwait.csv", "frameworks/dpt.json"};
	struct rs_error err = {0};
	char path[4096], *text;
	size_t len, i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(*files); i++) {
		snprintf(path, sizeof(path), "%s/data/%s", RS_SOURCE_DIR,
		    files[i]);
		assert_int_equal(rs_read_file(path, &text, &len, &err), 0);
		assert_int_equal((i < 3 ? fuzz_csv_one :
		    fuzz_framework_one)((const unsigned char *)text, len), 0);
		free(text);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_seeds_and_regressions_pass),
		cmocka_unit_test(json_seeds_and_regressions_pass),
		cmocka_unit_test(framework_seeds_and_regressions_pass),
		cmocka_unit_test(import_seeds_and_regressions_pass),
		cmocka_unit_test(sheet_seeds_and_regressions_pass),
		cmocka_unit_test(baseline_seeds_and_regressions_pass),
		cmocka_unit_test(imeta_seeds_and_regressions_pass),
		cmocka_unit_test(idata_seeds_and_regressions_pass),
		cmocka_unit_test(pipeline_seeds_and_regressions_pass),
		cmocka_unit_test(sensitivity_seeds_and_regressions_pass),
		cmocka_unit_test(shock_seeds_and_regressions_pass),
		cmocka_unit_test(scenario_seeds_and_regressions_pass),
		cmocka_unit_test(actions_seeds_and_regressions_pass),
		cmocka_unit_test(commands_seeds_and_regressions_pass),
		cmocka_unit_test(shipped_files_pass),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
