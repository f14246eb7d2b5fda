/*
 * jsonutil.c - parsing JSON with cJSON and locating its values
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonutil.h"
#include "mem.h"
#include "strmap.h"
#include "text.h"

/* Does the text end inside a string, an object or an array? */
static int
truncated(const char *text, size_t len)
{
	size_t i;
	long depth = 0;
	int in_string = 0;

	for (i = 0; i < len; i++) {
		if (in_string) {
			if (text[i] == '\\')
				i++;
			else if (text[i] == '"')
				in_string = 0;
		} else if (text[i] == '"') {
			in_string = 1;
		} else if (text[i] == '{' || text[i] == '[') {
			depth++;
		} else if (text[i] == '}' || text[i] == ']') {
			depth--;
		}
	}
	return in_string || depth > 0;
}

/*
 * cJSON copies a number into a 64-byte buffer before strtod and silently
 * drops what does not fit.  Refuse such numbers before cJSON sees them.
 */
static size_t
long_number(const char *text, size_t len)
{
	size_t i, run = 0;
	int in_string = 0;

	for (i = 0; i < len; i++) {
		if (in_string) {
			if (text[i] == '\\')
				i++;
			else if (text[i] == '"')
				in_string = 0;
			continue;
		}
		if (text[i] == '"') {
			in_string = 1;
			run = 0;
		} else if (strchr("0123456789+-.eE", text[i]) != NULL &&
		    text[i] != '\0') {
			if (++run > RS_JSON_MAX_NUMBER)
				return i + 1 - run;
		} else {
			run = 0;
		}
	}
	return len;
}

const cJSON *
rs_json_duplicate_key(const cJSON *object)
{
	struct rs_strmap seen;
	const cJSON *a;

	rs_strmap_init(&seen);
	for (a = object->child; a != NULL; a = a->next) {
		if (rs_strmap_get(&seen, a->string, strlen(a->string)))
			break;
		rs_strmap_put(&seen, a->string, 0);
	}
	rs_strmap_release(&seen);
	return a;
}

int
rs_json_doc_parse(struct rs_json_doc *doc, const char *text, size_t len,
    const char *path, struct rs_error *err)
{
	const char *end = NULL;
	size_t i;
	long line, col;
	int rc;

	memset(doc, 0, sizeof(*doc));
	doc->path = path;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	doc->text = text;
	doc->len = len;
	if ((rc = rs_text_check(text, len, path, err)) != 0)
		return rc;
	for (i = 0; i < len && strchr(" \t\r\n", text[i]) != NULL; i++)
		;
	if (i == len)
		return rs_error_set(err, RS_EINPUT, path, 1, 1, "empty file");
	if ((i = long_number(text, len)) < len) {
		rs_text_position(text, i, &line, &col);
		return rs_error_set(err, RS_EINPUT, path, line, col,
		    "number longer than %d characters", RS_JSON_MAX_NUMBER);
	}
	/*
	 * cJSON's require_null_terminated wants the NUL inside len: parse
	 * without it and check what follows the value here.
	 */
	doc->root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (doc->root != NULL) {
		size_t off = (size_t)(end - text);

		while (off < len && strchr(" \t\r\n", text[off]) != NULL)
			off++;
		if (off < len) {
			rs_text_position(text, off, &line, &col);
			return rs_error_set(err, RS_EINPUT, path, line, col,
			    "invalid JSON: text after the end of the document");
		}
	} else {
		size_t off = end != NULL && end >= text ?
		    (size_t)(end - text) : len;

		/* cJSON puts an error at the end on the last byte. */
		if (off + 1 >= len && truncated(text, len))
			off = len;
		if (off > len)
			off = len;
		rs_text_position(text, off, &line, &col);
		return rs_error_set(err, RS_EINPUT, path, line, col, "%s",
		    off >= len ? "invalid JSON: unexpected end of file" :
		    "invalid JSON syntax");
	}
	return 0;
}

void
rs_json_doc_release(struct rs_json_doc *doc)
{
	cJSON_Delete(doc->root);
	doc->root = NULL;
}

/* Record in path[] the child indices leading from node to item. */
static int
find_path(const cJSON *node, const cJSON *item, size_t **path, size_t *n,
    size_t *cap, size_t depth)
{
	const cJSON *c;
	size_t i = 0;

	if (node == item) {
		*n = depth;
		return 1;
	}
	for (c = node->child; c != NULL; c = c->next, i++) {
		rs_grow(path, cap, depth + 1, sizeof(**path));
		(*path)[depth] = i;
		if (find_path(c, item, path, n, cap, depth + 1))
			return 1;
	}
	return 0;
}

static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && strchr(" \t\r\n", *p) != NULL && *p != '\0')
		p++;
	return p;
}

static const char *
skip_string(const char *p, const char *end)
{
	for (p++; p < end && *p != '"'; p++)
		if (*p == '\\')
			p++;
	return p < end ? p + 1 : end;
}

/* Skip one value; the text is known to be valid JSON. */
static const char *
skip_value(const char *p, const char *end)
{
	int depth = 0;

	do {
		p = skip_ws(p, end);
		if (p >= end)
			return end;
		if (*p == '"') {
			p = skip_string(p, end);
		} else if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			depth--;
			p++;
		} else if (*p == ',' || *p == ':') {
			p++;
		} else {
			while (p < end && strchr(",:]} \t\r\n", *p) == NULL)
				p++;
		}
	} while (depth > 0);
	return p;
}

/* p at '{' or '['; return the start of its index-th value. */
static const char *
nth_value(const char *p, const char *end, size_t index)
{
	int object = *p == '{';
	size_t i;

	p++;
	for (i = 0;; i++) {
		p = skip_ws(p, end);
		if (object) {
			p = skip_string(p, end);
			p = skip_ws(p, end);
			p = skip_ws(p + 1, end);	/* the ':' */
		}
		if (i == index || p >= end)
			return p;
		p = skip_value(p, end);
		p = skip_ws(p, end);
		p++;					/* the ',' */
	}
}

void
rs_json_locate(const struct rs_json_doc *doc, const cJSON *item, long *line,
    long *col)
{
	const char *p = doc->text, *end = doc->text + doc->len;
	size_t *path = NULL, n = 0, cap = 0, i;

	p = skip_ws(p, end);
	if (item != NULL && find_path(doc->root, item, &path, &n, &cap, 0)) {
		for (i = 0; i < n && p < end; i++)
			p = nth_value(p, end, path[i]);
	}
	free(path);
	rs_text_position(doc->text, (size_t)(p - doc->text), line, col);
}

int
rs_json_error(const struct rs_json_doc *doc, const cJSON *item,
    struct rs_error *err, const char *fmt, ...)
{
	char msg[sizeof(err->msg)];
	va_list ap;
	long line, col;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rs_json_locate(doc, item, &line, &col);
	return rs_error_set(err, RS_EINPUT, doc->path, line, col, "%s", msg);
}
