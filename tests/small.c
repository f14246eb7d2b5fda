/*
 * small.c - what several tests share (see test_util.h): the framework of
 * tests/data/small.json, and line-end variants of a text
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/pipeline_spec.h"

struct rs_framework small_fw;

int
small_setup(void **state)
{
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&small_fw);
	return rs_framework_load_file(&small_fw, RS_TEST_DATA "/small.json",
	    &err);
}

int
small_teardown(void **state)
{
	(void)state;
	rs_framework_release(&small_fw);
	return 0;
}

size_t
small_node(const char *id)
{
	size_t i = rs_framework_find(&small_fw, id, strlen(id));

	assert_true(i != RS_NONE);
	return i;
}

char *
test_variant(const char *text, size_t *len, const char *eol, int bom)
{
	char *out = malloc(*len * 2 + 4), *o = out;
	size_t i;

	assert_non_null(out);
	if (bom) {
		memcpy(o, "\xef\xbb\xbf", 3);
		o += 3;
	}
	for (i = 0; i < *len; i++) {
		if (text[i] == '\n') {
			memcpy(o, eol, strlen(eol));
			o += strlen(eol);
		} else {
			*o++ = text[i];
		}
	}
	*len = (size_t)(o - out);
	return out;
}

void
test_table(struct rs_table *t, const double *x, const char *const *names,
    size_t n, size_t nind)
{
	size_t i;

	rs_table_init(t);
	t->path = "t.csv";
	t->nrows = n;
	t->nind = nind;
	t->unit = calloc(n + 1, sizeof(char *));
	t->uname = calloc(n + 1, sizeof(char *));
	t->time = calloc(n + 1, sizeof(long));
	t->line = calloc(n + 1, sizeof(long));
	t->x = malloc((n * nind + 1) * sizeof(double));
	assert_non_null(t->unit);
	assert_non_null(t->uname);
	assert_non_null(t->time);
	assert_non_null(t->line);
	assert_non_null(t->x);
	for (i = 0; i < n; i++) {
		t->unit[i] = t->uname[i] = names[i];
		t->line[i] = (long)i + 2;
	}
	memcpy(t->x, x, n * nind * sizeof(double));
}
