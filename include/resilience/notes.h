/*
 * notes.h - the notes file of --notes: Markdown blocks a report shows
 * under a city and under a node of it (docs/cli.md, "Notes")
 *
 *	## alexandria
 *	Text about the city, in the safe Markdown subset.
 *
 *	### A1
 *	Text about its business environment.
 *
 * "## ID" names a city by its id or name; "### ID" a framework node of
 * the city above.  A first "# " line is a title and is ignored.
 */
#ifndef RS_NOTES_H
#define RS_NOTES_H

#include <stddef.h>

#include "resilience/error.h"

struct rs_note {
	char *city;		/* the city's id or name, owned */
	char *node;		/* a node id, or NULL: the city's own, owned */
	char *text;		/* the block's Markdown, owned */
	long line, col;		/* where its heading's id starts */
};

struct rs_notes {
	const char *path;	/* the file, borrowed */
	struct rs_note *notes;	/* in file order, nnotes of them */
	size_t nnotes;
};

/*
 * Read the notes file at path (borrowed; it must outlive notes) into
 * notes, which the caller releases.  RS_EIO when it cannot be read,
 * RS_EINPUT (located) for text before the first city heading, an empty
 * id, a node heading before any city or a heading given twice.
 */
int rs_notes_read(struct rs_notes *notes, const char *path,
    struct rs_error *err);

void rs_notes_release(struct rs_notes *notes);

/*
 * The Markdown of city (id or name) and node (NULL: the city itself), or
 * NULL when the file has none.
 */
const char *rs_notes_find(const struct rs_notes *notes, const char *id,
    const char *name, const char *node);

#endif /* RS_NOTES_H */
