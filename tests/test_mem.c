/*
 * test_mem.c - out of memory goes to one place (mem.c), which a program
 * may hand to its own handler instead of abort()
 */
#include <stdlib.h>

#include "test_util.h"

#include "base/mem.h"

static jmp_buf back;
static int calls;

static void
handler(void)
{
	calls++;
	longjmp(back, 1);
}

/* More than any machine has: malloc() fails at once. */
#define HUGE ((size_t)1 << 62)

/*
 * Every wrapper calls the handler when the allocation fails, and never
 * returns NULL; sizes that overflow take the same path.
 */
static void
every_failure_reaches_the_handler(void **state)
{
	static void *grown;
	struct rs_pool pool;
	void *volatile p = NULL;
	size_t cap = 0;
	volatile int step;

	(void)state;
	rs_mem_set_oom_handler(handler);
	rs_pool_init(&pool);
	calls = 0;
	for (step = 0; step < 7; step++) {
		if (setjmp(back) != 0)
			continue;
		switch (step) {
		case 0:
			p = rs_malloc(HUGE);
			break;
		case 1:
			p = rs_calloc(HUGE, 1);
			break;
		case 2:
			p = rs_calloc(SIZE_MAX / 2, 4);	/* overflows */
			break;
		case 3:
			p = rs_realloc(NULL, HUGE);
			break;
		case 4:
			rs_grow(&grown, &cap, SIZE_MAX / 4, 8); /* overflows */
			break;
		case 5:
			p = rs_pool_strndup(&pool, "x", SIZE_MAX - 10);
			break;
		default:
			rs_mem_oom();
		}
		fail_msg("step %d returned", step);
	}
	assert_int_equal(calls, 7);
	assert_null(p);
	assert_null(grown);
	rs_mem_set_oom_handler(NULL);
	rs_pool_release(&pool);
}

/* What succeeds is not disturbed by a handler. */
static void
allocations_that_fit_are_unchanged(void **state)
{
	char *s;

	(void)state;
	rs_mem_set_oom_handler(handler);
	calls = 0;
	s = rs_strdup("Beirut");
	assert_string_equal(s, "Beirut");
	free(s);
	assert_int_equal(calls, 0);
	rs_mem_set_oom_handler(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_failure_reaches_the_handler),
		cmocka_unit_test(allocations_that_fit_are_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
