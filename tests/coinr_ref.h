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

#include "csv_table.h"
#include "resilience/coinr.h"
#include "resilience/pipeline.h"
#include "text.h"

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

#endif /* RS_COINR_REF_H */
