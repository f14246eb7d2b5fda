/*
 * test_notes.c - the notes file of --notes (src/ingest/notes.c): city and
 * node blocks with their text trimmed, found by id or name, and every
 * refused file located at its line and column
 */
#include "test_util.h"

#include <stdlib.h>
#include <unistd.h>

#include "resilience/notes.h"

static char path[64];

static int
setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "%s", "/tmp/rs-notes-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	close(fd);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return unlink(path);
}

/* Read text as the notes file; the status. */
static int
notes_of(struct rs_notes *notes, const char *text, struct rs_error *err)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	rs_error_clear(err);
	return rs_notes_read(notes, path, err);
}

static void
blocks_of_cities_and_nodes(void **state)
{
	struct rs_notes notes;
	struct rs_error err;

	(void)state;
	assert_int_equal(notes_of(&notes, "# Notes of 2026\n\n## Beirut\n"
	    "Text one\n\nmore  \n\n### A\nnode text  \r\n\n##   Kuwait City  \r\n"
	    "\n", &err), 0);
	assert_int_equal(notes.nnotes, 3);
	assert_string_equal(notes.notes[0].city, "Beirut");
	assert_null(notes.notes[0].node);
	assert_string_equal(notes.notes[0].text, "Text one\n\nmore");
	assert_int_equal(notes.notes[0].line, 3);
	assert_int_equal(notes.notes[0].col, 4);
	assert_string_equal(notes.notes[1].city, "Beirut");
	assert_string_equal(notes.notes[1].node, "A");
	assert_string_equal(notes.notes[1].text, "node text");
	assert_int_equal(notes.notes[1].line, 8);
	assert_int_equal(notes.notes[1].col, 5);
	assert_string_equal(notes.notes[2].city, "Kuwait City");
	assert_string_equal(notes.notes[2].text, "");
	assert_int_equal(notes.notes[2].line, 11);
	assert_int_equal(notes.notes[2].col, 6);
	/* by id, else by name; the city's own block is not a node's */
	assert_string_equal(rs_notes_find(&notes, "LB", "Beirut", NULL),
	    "Text one\n\nmore");
	assert_string_equal(rs_notes_find(&notes, "Beirut", NULL, "A"),
	    "node text");
	assert_null(rs_notes_find(&notes, "Beirut", NULL, "B"));
	assert_null(rs_notes_find(&notes, "LB", NULL, NULL));
	assert_null(rs_notes_find(&notes, NULL, "Tunis", NULL));
	assert_null(rs_notes_find(NULL, "Beirut", "Beirut", NULL));
	rs_notes_release(&notes);
	/* the last block runs to the end of a file without a newline */
	assert_int_equal(notes_of(&notes, "## X\nlast", &err), 0);
	assert_string_equal(notes.notes[0].text, "last");
	rs_notes_release(&notes);
	assert_int_equal(notes_of(&notes, "", &err), 0);
	assert_int_equal(notes.nnotes, 0);
	rs_notes_release(&notes);
}

/* More blocks than the first allocation holds. */
static void
many_blocks(void **state)
{
	struct rs_notes notes;
	struct rs_error err;
	char text[2048], id[16];
	size_t n = 0, k;

	(void)state;
	for (k = 0; k < 20; k++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "## C%zu\n"
		    "note %zu\n### N\nnode of C%zu\n", k, k, k);
	assert_int_equal(notes_of(&notes, text, &err), 0);
	assert_int_equal(notes.nnotes, 40);
	for (k = 0; k < 20; k++) {
		snprintf(id, sizeof(id), "C%zu", k);
		snprintf(text, sizeof(text), "note %zu", k);
		assert_string_equal(rs_notes_find(&notes, id, NULL, NULL), text);
		snprintf(text, sizeof(text), "node of C%zu", k);
		assert_string_equal(rs_notes_find(&notes, id, NULL, "N"), text);
	}
	rs_notes_release(&notes);
}

static void
refused_files_are_located(void **state)
{
	static const struct {
		const char *text;
		long line, col;
		const char *msg;
	} cases[] = {
		{"intro\n## X\n", 1, 1, "text before the first city heading "
		    "('## CITY')"},
		{"# Title\n# Another\n## X\n", 2, 1, "text before the first city "
		    "heading ('## CITY')"},
		{"#### deep\n", 1, 1, "text before the first city heading "
		    "('## CITY')"},
		{"##X\n", 1, 1, "text before the first city heading ('## CITY')"},
		{"\n## X\n##   \n", 3, 6, "heading without an id"},
		{"##  \r\n", 1, 5, "heading without an id"},
		{"### A\n", 1, 1, "node heading '### A' before any city heading"},
		{"## X\ntext\n## X\n", 3, 4, "notes for 'X' given twice"},
		{"## X\n### A\n### B\n###  A\n", 4, 6, "notes for 'A' given "
		    "twice"},
	};
	struct rs_notes notes;
	struct rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		assert_int_equal(notes_of(&notes, cases[i].text, &err),
		    RS_EINPUT);
		if (err.line != cases[i].line || err.col != cases[i].col ||
		    strcmp(err.msg, cases[i].msg) != 0 ||
		    strcmp(err.path, path) != 0) {
			print_error("case %zu: got %ld:%ld: %s\n", i, err.line,
			    err.col, err.msg);
			fail();
		}
		assert_int_equal(notes.nnotes, 0);
		assert_null(notes.notes);
	}
	/* not UTF-8 */
	assert_int_equal(notes_of(&notes, "## X\nbad \xff\n", &err),
	    RS_EINPUT);
	assert_int_equal(err.line, 2);
	assert_int_equal(notes.nnotes, 0);
	assert_int_equal(rs_notes_read(&notes, "/nonexistent/notes.md", &err),
	    RS_EIO);
	assert_string_equal(err.path, "/nonexistent/notes.md");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(blocks_of_cities_and_nodes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(many_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(refused_files_are_located,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
