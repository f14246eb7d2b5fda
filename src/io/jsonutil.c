/*
 * jsonutil.c - parsing JSON with cJSON and locating its values
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/jsonutil.h"
#include "io/readfile.h"
#include "resilience/output.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "base/text.h"

/*
 * Character classes of the scans below, as tests rather than strchr():
 * these loops run over every byte of a document.  Like strchr(set, c),
 * the *0 variants also match the NUL byte.
 */
static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
is_blank0(int c)
{
	return is_blank(c) || c == '\0';
}

/* A character of a JSON number: 0123456789+-.eE (not NUL). */
static int
is_number_char(int c)
{
	return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' ||
	    c == 'e' || c == 'E';
}

/* The end of a bare value: ,:]} blank or NUL. */
static int
ends_value(int c)
{
	return c == ',' || c == ':' || c == ']' || c == '}' || is_blank0(c);
}

/*
 * One pass over JSON text that knows its strings, for the checks below:
 * visit(ctx, text, len, i, in) at every byte i but the quotes of strings
 * and the characters escaped in them, in 1 inside a string.  visit
 * returns how many bytes it took (at least 1), or 0 to stop there.
 * Returns where the pass stopped, or len; *open, when not NULL, is then
 * the offset of the opening quote of the string still open, or len.
 */
typedef size_t visit_fn(void *ctx, const char *text, size_t len, size_t i,
    int in);

static size_t
scan(const char *text, size_t len, visit_fn *visit, void *ctx,
    size_t *open)
{
	size_t i = 0, n, quote = len;
	int in = 0;

	while (i < len) {
		if (text[i] == '"') {
			in = !in;
			quote = in ? i : len;
			i++;
			continue;
		}
		if ((n = visit(ctx, text, len, i, in)) == 0)
			break;
		if (in && text[i] == '\\')
			i++;	/* the escaped character */
		i += n;
	}
	if (open != NULL)
		*open = quote;
	return i < len ? i : len;
}

static size_t
visit_nul(void *ctx, const char *text, size_t len, size_t i, int in)
{
	(void)ctx;
	return in && text[i] == '\\' && len - i > 5 &&
	    memcmp(text + i + 1, "u0000", 5) == 0 ? 0 : 1;
}

/*
 * The offset of the first \u0000 escape in a string of the (valid) JSON
 * text, or len.  cJSON would decode it into a NUL that silently ends the
 * string: "a1\u0000x" would read as "a1".
 */
static size_t
nul_escape(const char *text, size_t len)
{
	return scan(text, len, visit_nul, NULL, NULL);
}

/* Does s (n bytes) start with word? */
static int
starts(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n >= k && memcmp(s, word, k) == 0;
}

/*
 * cJSON says where it stopped (off), not why.  On this error path one
 * pass over the text tells nesting deeper than cJSON allows and a
 * document cut short; the text at off tells common mistakes.
 */
static int
syntax_error(const char *text, size_t len, size_t off, const char *path,
    struct rs_error *err)
{
	const char *why = "invalid JSON syntax";
	size_t i, depth = 0, last = 0, prev;
	int in_string = 0;
	long line, col;

	for (i = 0; i < len; i++) {
		if (strchr(" \t\r\n", text[i]) == NULL)
			last = i;
		if (in_string) {
			if (text[i] == '\\')
				i++;
			else if (text[i] == '"')
				in_string = 0;
		} else if (text[i] == '"') {
			in_string = 1;
		} else if (text[i] == '{' || text[i] == '[') {
			if (++depth > CJSON_NESTING_LIMIT && i <= off) {
				rs_text_locate(text, len, i, &line, &col);
				return rs_error_set(err, RS_EINPUT, path, line,
				    col, "invalid JSON: nested more than %d "
				    "levels deep", CJSON_NESTING_LIMIT);
			}
		} else if ((text[i] == '}' || text[i] == ']') && depth > 0) {
			depth--;
		}
	}
	if (off >= last && (in_string || (depth > 0 && (off >= len ||
	    strchr("\"{}[],:0123456789.eEtruefalsn \t\r\n", text[off]) !=
	    NULL)))) {
		why = "invalid JSON: unexpected end of file, inside a string, "
		    "an object or an array (is the file cut short?)";
		off = len;
	} else if (off < len) {
		const char *p, *hint = "'/}]";
		size_t n;

		/* In an object cJSON stops one past what it could not read. */
		if (off > 0 && strchr(hint, text[off - 1]) != NULL &&
		    (strchr(hint, text[off]) == NULL ||
		    text[off - 1] == '}' || text[off - 1] == ']')) {
			for (prev = off - 1; prev > 0 &&
			    strchr(" \t\r\n", text[prev - 1]) != NULL; prev--)
				;
			if (strchr(hint, text[off]) == NULL ||
			    (prev > 0 && text[prev - 1] == ','))
				off--;
		}
		for (prev = off; prev > 0 &&
		    strchr(" \t\r\n", text[prev - 1]) != NULL; prev--)
			;
		p = text + off;
		n = len - off;

		if (starts(p, n, "NaN") || starts(p, n, "Infinity") ||
		    starts(p, n, "-Infinity") || starts(p, n, "-NaN"))
			why = "invalid JSON syntax: NaN and infinities are not "
			    "JSON numbers (null is a missing value)";
		else if (*p == '\'')
			why = "invalid JSON syntax: strings and names take "
			    "double quotes";
		else if (*p == '/')
			why = "invalid JSON syntax: comments are not allowed";
		else if ((*p == '}' || *p == ']') && prev > 0 &&
		    text[prev - 1] == ',')
			why = "invalid JSON syntax: a comma before a closing "
			    "bracket";
	}
	rs_text_locate(text, len, off, &line, &col);
	return rs_error_set(err, RS_EINPUT, path, line, col, "%s", why);
}

/*
 * The length of the RFC 8259 number at s[0..n) (-?(0|[1-9][0-9]*)
 * (.[0-9]+)?([eE][+-]?[0-9]+)?), or 0 when s does not hold one whole.
 * cJSON's strtod also takes 01, 1. and .5, which RFC 8259 refuses.
 */
static size_t
rfc_number(const char *s, size_t n)
{
	size_t i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	return i == n ? i : 0;
}

static size_t
visit_value(void *ctx, const char *text, size_t len, size_t i, int in)
{
	size_t *values = ctx;

	(void)len;
	if (in || (text[i] != ',' && text[i] != '{' && text[i] != '['))
		return 1;
	*values += text[i] == ',' ? 1 : 2;
	return *values > RS_MAX_JSON_VALUES ? 0 : 1;
}

/*
 * The offset of the value that takes a file past RS_MAX_JSON_VALUES, or
 * len: cJSON makes an item of 64 bytes of every value however short, so
 * such a file is refused before its tree is built.  Each value is at
 * most one per comma, plus a container and its first member per
 * bracket, outside strings.  *open is the offset of the opening quote of
 * a string still open at the end of the text, or len.
 */
static size_t
too_many_values(const char *text, size_t len, size_t *open)
{
	size_t values = 1;

	return scan(text, len, visit_value, &values, open);
}

static size_t
visit_control(void *ctx, const char *text, size_t len, size_t i, int in)
{
	int *inside = ctx;

	(void)len;
	if ((unsigned char)text[i] >= 0x20 || (!in && is_blank0(text[i])))
		return 1;
	*inside = in;
	return 0;
}

/*
 * The offset of the first control character that RFC 8259 does not
 * allow, or len, with *inside set when it is in a string.  Outside
 * strings JSON takes space, tab, CR and LF as blank, and cJSON every byte
 * up to a space, so [1, \001 2] would read (a NUL counts as blank, as
 * everywhere here); inside a string a control character must be escaped,
 * and cJSON takes it raw.
 */
static size_t
bad_control(const char *text, size_t len, int *inside)
{
	return scan(text, len, visit_control, inside, NULL);
}

static size_t
visit_number(void *ctx, const char *text, size_t len, size_t i, int in)
{
	int *toolong = ctx;
	size_t start = i;

	if (in || !is_number_char(text[i]))
		return 1;
	for (; i < len && is_number_char(text[i]); i++)
		;
	if (i - start > RS_JSON_MAX_NUMBER) {
		*toolong = 1;
		return 0;
	}
	/* a letter after it (-Infinity, 1x): cJSON's error names it */
	if ((text[start] == '-' || (text[start] >= '0' &&
	    text[start] <= '9')) && !(i < len &&
	    (text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z') &&
	    rfc_number(text + start, i - start) == 0) {
		*toolong = 0;
		return 0;
	}
	return i - start;
}

/*
 * The offset of the first number outside strings that is not an RFC 8259
 * number, or longer than RS_JSON_MAX_NUMBER characters (cJSON copies a
 * number into a 64-byte buffer before strtod and silently drops what does
 * not fit), with *toolong set for the second; len when there is none.
 * A run of number characters that starts with neither '-' nor a digit is
 * part of a word (true, false) or junk that cJSON itself refuses.
 */
static size_t
bad_number(const char *text, size_t len, int *toolong)
{
	return scan(text, len, visit_number, toolong, NULL);
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
	char q[RS_QUOTE_SIZE];
	size_t i, n, open;
	long line, col;
	int rc, toolong = 0, inside = 0;

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
	for (i = 0; i < len && is_blank0(text[i]); i++)
		;
	if (i == len)
		return rs_error_set(err, RS_EINPUT, path, 1, 1, "empty file");
	if ((i = too_many_values(text, len, &open)) < len) {
		rs_text_locate(text, len, i, &line, &col);
		return rs_error_set(err, RS_EINPUT, path, line, col, "more "
		    "than %d values in one JSON file (the limit on what one "
		    "file may hold)", RS_MAX_JSON_VALUES);
	}
	/* before the control characters: its end of line would be one */
	if (open < len) {
		rs_text_locate(text, len, open, &line, &col);
		return rs_error_set(err, RS_EINPUT, path, line, col, "invalid "
		    "JSON syntax: a string is not closed (no '\"' after it "
		    "before the end of the file)");
	}
	if ((i = bad_control(text, len, &inside)) < len) {
		rs_text_locate(text, len, i, &line, &col);
		return rs_error_set(err, RS_EINPUT, path, line, col, inside ?
		    "invalid JSON syntax: a control character in a string "
		    "(write it as an escape such as \\t or \\u0001)" :
		    "invalid JSON syntax: a control character outside a "
		    "string");
	}
	if ((i = bad_number(text, len, &toolong)) < len) {
		rs_text_locate(text, len, i, &line, &col);
		if (toolong)
			return rs_error_set(err, RS_EINPUT, path, line, col,
			    "number longer than %d characters",
			    RS_JSON_MAX_NUMBER);
		for (n = i; n < len && is_number_char(text[n]); n++)
			;
		return rs_error_set(err, RS_EINPUT, path, line, col,
		    "invalid JSON: \"%s\" is not a JSON number (no leading "
		    "zeros, digits on both sides of the point)",
		    rs_text_quote(q, text + i, n - i));
	}
	/*
	 * cJSON's require_null_terminated wants the NUL inside len: parse
	 * without it and check what follows the value here.
	 */
	doc->root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (doc->root != NULL) {
		size_t off = (size_t)(end - text);

		while (off < len && is_blank0(text[off]))
			off++;
		if (off < len) {
			rs_text_locate(text, len, off, &line, &col);
			rc = rs_error_set(err, RS_EINPUT, path, line, col,
			    "invalid JSON: text after the end of the document");
		} else if ((off = nul_escape(text, len)) < len) {
			rs_text_locate(text, len, off, &line, &col);
			rc = rs_error_set(err, RS_EINPUT, path, line, col,
			    "\\u0000 (a NUL character) is not allowed in a "
			    "string");
		}
		/* A rejected document holds nothing: callers that return at
		 * once release nothing. */
		if (rc != 0) {
			cJSON_Delete(doc->root);
			doc->root = NULL;
			return rc;
		}
	} else {
		size_t off = end != NULL && end >= text ?
		    (size_t)(end - text) : len;

		return syntax_error(text, len, off > len ? len : off, path,
		    err);
	}
	return 0;
}

void
rs_json_doc_release(struct rs_json_doc *doc)
{
	cJSON_Delete(doc->root);
	doc->root = NULL;
	free(doc->at);
	doc->at = NULL;
	doc->nat = 0;
	rs_pairmap_release(&doc->index);
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
	while (p < end && is_blank(*p))
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
			while (p < end && !ends_value(*p))
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

/* A position found by rs_json_doc_index(). */
struct rs_json_at {
	long line, col;
};

struct indexer {
	struct rs_json_doc *doc;
	struct rs_cursor cur;	/* moves forward as values are met */
	size_t cap;		/* allocated in doc->at */
	int depth;		/* deepest level indexed, -1: all */
};

/* Index item, whose text starts at p (after blanks); return its end. */
static const char *
index_value(struct indexer *ix, const cJSON *item, const char *p,
    int depth)
{
	struct rs_json_doc *doc = ix->doc;
	const char *end = doc->text + doc->len;
	const cJSON *c;
	int object = cJSON_IsObject(item);

	p = skip_ws(p, end);
	if (ix->depth >= 0 && depth > ix->depth)
		return skip_value(p, end);
	rs_cursor_seek(&ix->cur, (size_t)(p - doc->text));
	rs_grow(&doc->at, &ix->cap, doc->nat + 1, sizeof(*doc->at));
	doc->at[doc->nat].line = ix->cur.line;
	doc->at[doc->nat].col = ix->cur.col;
	rs_pairmap_add(&doc->index, (uint64_t)(uintptr_t)item, 0, doc->nat++);
	if (!object && !cJSON_IsArray(item))
		return skip_value(p, end);
	p++;					/* '{' or '[' */
	for (c = item->child; c != NULL && p < end; c = c->next) {
		p = skip_ws(p, end);
		if (object) {
			p = skip_string(p, end);
			p = skip_ws(p, end) + 1;	/* the ':' */
		}
		if (p >= end)
			break;
		p = skip_ws(index_value(ix, c, p, depth + 1), end);
		if (p < end && *p == ',')
			p++;
	}
	p = skip_ws(p, end);
	return p < end ? p + 1 : end;		/* '}' or ']' */
}

void
rs_json_doc_index(struct rs_json_doc *doc, int depth)
{
	struct indexer ix;

	if (doc->root == NULL || doc->at != NULL)
		return;
	ix.doc = doc;
	ix.cap = 0;
	ix.depth = depth;
	rs_cursor_init(&ix.cur, doc->text, doc->len);
	index_value(&ix, doc->root, doc->text, 0);
}

void
rs_json_locate(const struct rs_json_doc *doc, const cJSON *item, long *line,
    long *col)
{
	const char *p = doc->text, *end = doc->text + doc->len;
	size_t *path = NULL, n = 0, cap = 0, i;
	const size_t *k;

	if (item != NULL && doc->nat > 0 && (k = rs_pairmap_get(&doc->index,
	    (uint64_t)(uintptr_t)item, 0)) != NULL) {
		*line = doc->at[*k].line;
		*col = doc->at[*k].col;
		return;
	}
	p = skip_ws(p, end);
	if (item != NULL && find_path(doc->root, item, &path, &n, &cap, 0)) {
		for (i = 0; i < n && p < end; i++)
			p = nth_value(p, end, path[i]);
	}
	free(path);
	rs_text_locate(doc->text, doc->len, (size_t)(p - doc->text), line,
	    col);
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

void
rs_json_setup(void)
{
	cJSON_Hooks hooks = {rs_malloc, free};

	cJSON_InitHooks(&hooks);
}

const char *
rs_cjson_version(void)
{
	return cJSON_Version();
}
