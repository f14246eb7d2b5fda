/*
 * notes.c - the notes file of --notes (resilience/notes.h)
 */
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/readfile.h"
#include "resilience/notes.h"

static char *
copy(const char *s, size_t n)
{
	char *d = rs_malloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* The heading level of line s[0..n) ("## x": 2), 0 when it is none. */
static int
heading(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && s[k] == '#')
		k++;
	return k >= 1 && k <= 3 && k < n && s[k] == ' ' ? (int)k : 0;
}

static const char *
find(const struct rs_notes *notes, const char *city, const char *node)
{
	size_t k;

	for (k = 0; k < notes->nnotes; k++) {
		const struct rs_note *n = &notes->notes[k];

		if (strcmp(n->city, city) == 0 && (node == NULL ?
		    n->node == NULL : n->node != NULL &&
		    strcmp(n->node, node) == 0))
			return n->text;
	}
	return NULL;
}

/* Close the note being read: its text runs from b to e. */
static void
finish(struct rs_note *n, const char *b, const char *e)
{
	while (e > b && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' '))
		e--;
	n->text = copy(b, (size_t)(e - b));
}

int
rs_notes_read(struct rs_notes *notes, const char *path,
    struct rs_error *err)
{
	char *text = NULL, *city = NULL;
	const char *p, *e, *b = NULL, *nl, *id;
	size_t len, n, cap = 0;
	long line = 0;
	int lv, rc;

	memset(notes, 0, sizeof(*notes));
	notes->path = path;
	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	if ((rc = rs_text_check(text, len, path, err)) != 0)
		goto out;
	for (p = text, e = text + len; p < e; p = nl + 1) {
		line++;
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			nl = e;
		n = (size_t)(nl - p);
		lv = heading(p, n);
		if (lv == 1 && line == 1)
			continue;
		if (lv < 2) {
			if (b == NULL && !rs_blank_line(p, n)) {
				rc = rs_error_set(err, RS_EINPUT, path, line, 1,
				    "text before the first city heading "
				    "('## CITY')");
				goto out;
			}
			continue;
		}
		if (b != NULL)
			finish(&notes->notes[notes->nnotes - 1], b, p);
		for (id = p + lv; id < nl && *id == ' '; id++)
			;
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
			n--;
		if (id >= p + n) {
			rc = rs_error_set(err, RS_EINPUT, path, line,
			    (long)(id - p) + 1, "heading without an id");
			goto out;
		}
		if (lv == 3 && city == NULL) {
			rc = rs_error_set(err, RS_EINPUT, path, line, 1,
			    "node heading '### %.*s' before any city "
			    "heading", (int)(p + n - id), id);
			goto out;
		}
		if (notes->nnotes == cap) {
			cap = cap ? 2 * cap : 8;
			notes->notes = rs_realloc(notes->notes,
			    cap * sizeof(*notes->notes));
		}
		{
			struct rs_note *nt = &notes->notes[notes->nnotes];
			char *name = copy(id, (size_t)(p + n - id));

			if (lv == 3 && city != NULL) {
				nt->city = copy(city, strlen(city));
				nt->node = name;
			} else {
				nt->city = name;
				nt->node = NULL;
				city = name;
			}
			nt->text = NULL;
			nt->line = line;
			nt->col = (long)(id - p) + 1;
			if (find(notes, nt->city, nt->node) != NULL) {
				rc = rs_error_set(err, RS_EINPUT, path, line,
				    nt->col, "notes for '%s' given twice",
				    name);
				free(nt->city != name ? nt->city : NULL);
				free(name);
				goto out;
			}
			notes->nnotes++;
		}
		b = nl < e ? nl + 1 : e;
	}
	if (b != NULL)
		finish(&notes->notes[notes->nnotes - 1], b, e);
out:
	free(text);
	if (rc != 0)
		rs_notes_release(notes);
	return rc;
}

void
rs_notes_release(struct rs_notes *notes)
{
	size_t k;

	for (k = 0; k < notes->nnotes; k++) {
		free(notes->notes[k].city);
		free(notes->notes[k].node);
		free(notes->notes[k].text);
	}
	free(notes->notes);
	notes->notes = NULL;
	notes->nnotes = 0;
}

const char *
rs_notes_find(const struct rs_notes *notes, const char *id,
    const char *name, const char *node)
{
	const char *t;

	if (notes == NULL)
		return NULL;
	if (id != NULL && (t = find(notes, id, node)) != NULL)
		return t;
	return name != NULL ? find(notes, name, node) : NULL;
}
