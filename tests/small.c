/*
 * small.c - the framework of tests/data/small.json, shared by the tests
 * that pin numbers on it (see test_util.h)
 */
#include "test_util.h"

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
