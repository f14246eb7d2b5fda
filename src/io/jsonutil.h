/*
 * jsonutil.h - cJSON with positions
 *
 * cJSON gives no position for a parsed value.  rs_json_locate() finds one
 * afterwards: it takes the path of child indices from the root to the item
 * and walks the (already validated) text along it.  This is only done when
 * an error is reported, so the happy path costs nothing.
 */
#ifndef RS_JSONUTIL_H
#define RS_JSONUTIL_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "resilience/error.h"
#include "base/strmap.h"
#include "base/text.h"

/* Longest number token accepted (cJSON keeps 63 characters of one). */
#define RS_JSON_MAX_NUMBER 63

/* A parsed document and what is needed to locate its values. */
struct rs_json_doc {
	const char *path;	/* file name for messages */
	const char *text;	/* the text after any UTF-8 BOM */
	size_t len;		/* bytes in text */
	cJSON *root;		/* owned; freed by rs_json_doc_release() */
	struct rs_json_at *at;	/* positions found by rs_json_doc_index() */
	size_t nat;
	struct rs_pairmap index;	/* item address -> index into at */
};

/*
 * Parse text[0..len) (a UTF-8 BOM is skipped).  Invalid UTF-8, NUL bytes,
 * an empty document, syntax errors and a \u0000 escape in a string (cJSON
 * would cut the string there) are RS_EINPUT errors located at the
 * offending byte; doc then holds nothing (releasing it is harmless, not
 * needed).  doc borrows text, which must outlive it.
 */
int rs_json_doc_parse(struct rs_json_doc *doc, const char *text, size_t len,
    const char *path, struct rs_error *err);
void rs_json_doc_release(struct rs_json_doc *doc);

/*
 * Find the position of every value down to depth (the root is at depth 0;
 * -1: every value) in one pass over the text, so that rs_json_locate()
 * answers at once for them.  Without an index each rs_json_locate() walks
 * the text from the top: fine for one error, quadratic for every node of
 * a framework.
 */
void rs_json_doc_index(struct rs_json_doc *doc, int depth);

/* Line and character column (1-based) where item's value starts. */
void rs_json_locate(const struct rs_json_doc *doc, const cJSON *item,
    long *line, long *col);

/* The second of two members of object with the same key, or NULL. */
const cJSON *rs_json_duplicate_key(const cJSON *object);

/* Raise RS_EINPUT located at item: "path:line:col: message". */
int rs_json_error(const struct rs_json_doc *doc, const cJSON *item,
    struct rs_error *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The version of cJSON linked, for --version; static. */
const char *rs_cjson_version(void);

#endif /* RS_JSONUTIL_H */
