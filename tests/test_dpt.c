/*
 * test_dpt.c - the shipped DPT framework (data/frameworks/dpt.json) loads
 * and keeps the shape docs/framework.md promises
 */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#include "resilience/framework.h"

static struct rs_framework fw;

static int
setup(void **state)
{
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&fw);
	return rs_framework_load_default(&fw, &err);
}

static int
teardown(void **state)
{
	(void)state;
	rs_framework_release(&fw);
	return 0;
}

/* The text of names in language lang exactly (no fallback), or NULL. */
static const char *
exact_name(const struct rs_name *names, size_t n, const char *lang)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i].lang, lang) == 0)
			return names[i].text;
	return NULL;
}

static void
embedded_copy_is_the_file(void **state)
{
	FILE *f = fopen(RS_SOURCE_DIR "/data/frameworks/dpt.json", "rb");
	char *buf = malloc(rs_default_framework_len + 1);
	size_t n;

	(void)state;
	assert_non_null(f);
	n = fread(buf, 1, rs_default_framework_len + 1, f);
	fclose(f);
	assert_int_equal(n, rs_default_framework_len);
	assert_memory_equal(buf, rs_default_framework, n);
	free(buf);
}

static void
has_5_areas_17_rpis_63_indicators(void **state)
{
	size_t i, rpis = 0;

	(void)state;
	assert_string_equal(fw.id, "dpt");
	assert_int_equal(fw.ntop, 5);
	for (i = 0; i < fw.ntop; i++)
		rpis += fw.nodes[fw.top[i]].nchildren;
	assert_int_equal(rpis, 17);
	assert_int_equal(fw.nindicators, 63);
	assert_int_equal(fw.nnodes, 5 + 17 + 63);
	assert_near(fw.min_coverage, 0.5, 0);
	assert_int_equal(fw.nlevels, 5);
}

static void
ids_follow_the_rpi_scheme(void **state)
{
	char want[80];
	size_t a, r, k;
	const struct rs_node *area, *rpi, *ind;

	(void)state;
	for (a = 0; a < fw.ntop; a++) {
		area = &fw.nodes[fw.top[a]];
		snprintf(want, sizeof(want), "A%zu", a + 1);
		assert_string_equal(area->id, want);
		for (r = 0; r < area->nchildren; r++) {
			rpi = &fw.nodes[area->children[r]];
			snprintf(want, sizeof(want), "RPI %zu-%zu", a + 1,
			    r + 1);
			assert_string_equal(rpi->id, want);
			assert_in_range(rpi->nchildren, 3, 5);
			for (k = 0; k < rpi->nchildren; k++) {
				ind = &fw.nodes[rpi->children[k]];
				snprintf(want, sizeof(want), "RPI %zu-%zu.%zu",
				    a + 1, r + 1, k + 1);
				assert_string_equal(ind->id, want);
				assert_int_equal(ind->nchildren, 0);
			}
		}
	}
}

static void
every_node_has_english_and_arabic_names(void **state)
{
	const char *en, *ar;
	size_t i;

	(void)state;
	assert_non_null(exact_name(fw.names, fw.nnames, "ar"));
	for (i = 0; i < fw.nnodes; i++) {
		en = exact_name(fw.nodes[i].names, fw.nodes[i].nnames, "en");
		ar = exact_name(fw.nodes[i].names, fw.nodes[i].nnames, "ar");
		if (en == NULL || ar == NULL || en[0] == '\0' ||
		    ar[0] == '\0')
			fail_msg("node \"%s\" lacks an en or ar name",
			    fw.nodes[i].id);
		/* an Arabic name is written in Arabic letters */
		assert_true((unsigned char)ar[0] >= 0xd8 &&
		    (unsigned char)ar[0] <= 0xdb);
	}
	for (i = 0; i < fw.nlevels; i++)
		assert_non_null(exact_name(fw.levels[i].names,
		    fw.levels[i].nnames, "ar"));
}

static void
indicators_are_documented_and_consistent(void **state)
{
	const struct rs_node *n;
	size_t i;

	(void)state;
	for (i = 0; i < fw.nindicators; i++) {
		n = &fw.nodes[fw.indicators[i]];
		if (n->unit == NULL || n->unit_ar == NULL ||
		    n->description == NULL ||
		    exact_name(n->sources, n->nsources, "en") == NULL ||
		    exact_name(n->sources, n->nsources, "ar") == NULL)
			fail_msg("indicator \"%s\" lacks unit, unit_ar, "
			    "description or source in English and Arabic",
			    n->id);
		if (strstr(n->sources[0].text, "CAPMAS") != NULL)
			fail_msg("indicator \"%s\": the suggested source "
			    "names one country's office", n->id);
		if (n->nrubric[0] > 0) {
			size_t k;

			for (k = 0; k < RS_RUBRIC_LEVELS; k++)
				assert_non_null(exact_name(n->rubric[k],
				    n->nrubric[k], "ar"));
		}
		assert_true(n->worst < n->best || n->worst > n->best);
		if (n->has_min) {
			assert_true(n->worst >= n->min);
			assert_true(n->best >= n->min);
		}
		if (n->has_max) {
			assert_true(n->worst <= n->max);
			assert_true(n->best <= n->max);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(embedded_copy_is_the_file),
		cmocka_unit_test(has_5_areas_17_rpis_63_indicators),
		cmocka_unit_test(ids_follow_the_rpi_scheme),
		cmocka_unit_test(every_node_has_english_and_arabic_names),
		cmocka_unit_test(indicators_are_documented_and_consistent),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
