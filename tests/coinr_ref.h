/*
 * coinr_ref.h - reading COINr's reference outputs for the conformance
 * tests (../shared/coinr-asem, docs/pipeline.md "Conformance")
 *
 * The reference files are read where they are, never copied: a test that
 * needs them calls ref_dir() and skips when they are absent.
 */
#ifndef RS_COINR_REF_H
#define RS_COINR_REF_H

#include <stdlib.h>
#include <sys/stat.h>

#include "io/csv_table.h"
#include "resilience/load.h"
#include "resilience/pipeline.h"
#include "base/text.h"

#define REF_DIR RS_SHARED_DIR "/coinr-asem"

/* Relative tolerance of the conformance tests, with a floor near 0. */
#ifndef REF_REL
#define REF_REL 1e-9
#endif
#ifndef REF_ABS
#define REF_ABS 1e-12
#endif

/* 1 when the reference data is there. */
static inline int
ref_present(void)
{
	struct stat st;

	return stat(REF_DIR "/input_iMeta.csv", &st) == 0;
}

/* Load reference file name into t; fails the test if unreadable. */
static inline void
ref_load(struct rs_csv_table *t, const char *name)
{
	char path[1024];
	struct rs_error err = {0};

	snprintf(path, sizeof(path), "%s/%s", REF_DIR, name);
	rs_csv_table_init(t);
	if (rs_csv_table_load(t, path, &err) != 0) {
		print_error("%s: %s\n", path, err.msg);
		fail();
	}
}

/* A reference number: NaN for an empty field. */
static inline double
ref_number(const struct rs_csv_table *t, size_t row, size_t col)
{
	const char *s = rs_csv_table_get(t, row, col), *why;
	double v;

	if (strcmp(s, "Inf") == 0)
		return HUGE_VAL;
	if (strcmp(s, "-Inf") == 0)
		return -HUGE_VAL;
	if (rs_number_parse(s, strlen(s), &v, &why) != RS_NUMBER_OK)
		return (double)NAN;
	return v;
}

static inline int
ref_close(double got, double want)
{
	double scale;

	if (isnan(got) || isnan(want))
		return isnan(got) && isnan(want);
	if (!(got < want || got > want))
		return 1;	/* equal, infinities included */
	scale = fabs(got) > fabs(want) ? fabs(got) : fabs(want);
	return fabs(got - want) <= REF_REL * scale + REF_ABS;
}

/* The row of unit code in reference table t (column "uCode"), or 0. */
static inline size_t
ref_row(const struct rs_csv_table *t, const char *code)
{
	size_t c = rs_csv_table_column(t, "uCode"), r;

	for (r = 1; r < t->nrows; r++)
		if (strcmp(rs_csv_table_get(t, r, c), code) == 0)
			return r;
	return 0;
}

/*
 * Compare a units x columns matrix with reference file name: every
 * reference cell (but uCode) must match the value of the same unit and
 * code; get(ctx, unit, code) returns ours.  Reports every mismatch, then
 * fails; returns the number of cells compared.
 */
static inline size_t
ref_compare(const char *name, const char *const *units, size_t nunits,
    double (*get)(const void *, size_t, const char *), const void *ctx)
{
	struct rs_csv_table t;
	size_t ucol, r, c, u, cells = 0, bad = 0;

	ref_load(&t, name);
	ucol = rs_csv_table_column(&t, "uCode");
	assert_true(ucol != (size_t)-1);
	assert_int_equal(t.nrows - 1, nunits);
	for (r = 1; r < t.nrows; r++) {
		const char *code = rs_csv_table_get(&t, r, ucol);

		for (u = 0; u < nunits; u++)
			if (strcmp(units[u], code) == 0)
				break;
		if (u == nunits) {
			print_error("%s: unit %s not in our result\n", name,
			    code);
			bad++;
			continue;
		}
		for (c = 0; c < t.ncols; c++) {
			const char *col = rs_csv_table_get(&t, 0, c);
			double want, got;

			if (c == ucol)
				continue;
			want = ref_number(&t, r, c);
			got = get(ctx, u, col);
			cells++;
			if (!ref_close(got, want)) {
				if (bad++ < 10)
					print_error("%s: %s %s: got %.17g, "
					    "want %.17g\n", name, code, col,
					    got, want);
			}
		}
	}
	rs_csv_table_release(&t);
	if (bad > 0) {
		print_error("%s: %zu of %zu cells differ\n", name, bad, cells);
		fail();
	}
	return cells;
}

/*
 * COINr's ASEM example as its sensitivity runs had it: the iMeta and
 * iData inputs, and the pipeline of the framework with group-mean
 * imputation by EurAsia_group, screening at 0.9 and treatment (the
 * caller frees *spec).  Nothing is loaded when the reference data is
 * absent; -1 when it fails to load.
 */
static inline int
ref_asem_load(struct rs_framework *fw, struct rs_table *t,
    struct rs_pipeline_spec **spec)
{
	struct rs_error err = {0};

	rs_framework_init(fw);
	rs_table_init(t);
	*spec = NULL;
	if (!ref_present())
		return 0;
	if (rs_coinr_load_meta(fw, REF_DIR "/input_iMeta.csv", &err) != 0 ||
	    rs_coinr_load_data(t, fw, REF_DIR "/input_iData.csv", &err) != 0)
		return -1;
	*spec = rs_pipeline_spec_copy(fw->pipeline);
	if (rs_pipeline_spec_set(*spec, "impute", "group-mean:EurAsia_group",
	    &err) != 0 || rs_pipeline_spec_set(*spec, "screen", "0.9",
	    &err) != 0 || rs_pipeline_spec_set(*spec, "treat", "on",
	    &err) != 0)
		return -1;
	return 0;
}

#endif /* RS_COINR_REF_H */
