/*
 * sections.h - the framework-section tests' shared check: a framework
 * text that must be refused at a given value with a given message
 */
#ifndef RS_TEST_SECTIONS_H
#define RS_TEST_SECTIONS_H

#include <stdlib.h>
#include <string.h>

#include "resilience/error.h"
#include "resilience/framework.h"

struct refused {
	const char *text;	/* one line of JSON */
	const char *at;		/* where the error points: its first
				   occurrence in text */
	const char *msg;	/* a part of the message */
};

/* Every case of table[0..n) is refused with one located error. */
static void
check_refused(const struct refused *table, size_t n)
{
	struct rs_framework fw;
	struct rs_error err;
	size_t k;
	long col;
	int rc;

	for (k = 0; k < n; k++) {
		const struct refused *c = &table[k];
		const char *at = strstr(c->text, c->at);

		assert_non_null(at);
		col = (long)(at - c->text) + 1;
		memset(&err, 0, sizeof(err));
		rs_framework_init(&fw);
		rc = rs_framework_load_json(&fw, c->text, strlen(c->text),
		    "fw.json", &err);
		if (rc != RS_EINPUT || err.line != 1 || err.col != col ||
		    strstr(err.msg, c->msg) == NULL) {
			print_error("case %zu: got %d %ld:%ld: %s\n"
			    "want 1:%ld: ...%s\n", k, rc, err.line, err.col,
			    err.msg, col, c->msg);
			fail();
		}
		rs_framework_release(&fw);
	}
}

/* text loaded, or the test fails with the error. */
static void
load_ok(struct rs_framework *fw, const char *text)
{
	struct rs_error err;

	memset(&err, 0, sizeof(err));
	rs_framework_init(fw);
	if (rs_framework_load_json(fw, text, strlen(text), "fw.json",
	    &err) != 0) {
		print_error("%s:%ld:%ld: %s\n", err.path, err.line, err.col,
		    err.msg);
		fail();
	}
}

#endif /* RS_TEST_SECTIONS_H */
