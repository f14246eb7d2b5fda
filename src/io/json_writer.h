/*
 * json_writer.h - the JSON reports, written as a stream or as a tree
 *
 * A report of many cities writes its members one after another through
 * a stream (struct rs_jw) and holds no tree; a small report may build a
 * cJSON tree with rs_json_number() and rs_json_string() and print it with
 * rs_json_write().  Both write numbers, strings and layout one way: the
 * bytes cJSON_Print() gives for the same tree.
 */
#ifndef RS_JSON_WRITER_H
#define RS_JSON_WRITER_H

#include <stdio.h>

#include <cjson/cJSON.h>

/*
 * A number written by rs_fmt_exact() (fmt.h), which reads back as the
 * very double v; null for NaN and infinities.  cJSON's own printer drops
 * digits when a shorter form is merely close (0.1 + 0.2 would print 0.3).
 */
cJSON *rs_json_number(double v);

/*
 * The string s, or null for NULL.  Beyond what cJSON escapes (quotes,
 * backslashes, C0 controls), the code points that the terminal escaper
 * shows as escapes (rs_text_unsafe(): DEL, C1 controls such as U+0085,
 * U+2028, U+2029, bidirectional overrides and isolates) are written as
 * \uXXXX, which a reader decodes to the same text, and a byte that is not
 * UTF-8 (a file name is not checked as the data is) as the four
 * characters \xHH, so that the document is always valid UTF-8.
 */
cJSON *rs_json_string(const char *s);

/*
 * Writes item to out with the very bytes cJSON_Print() gives for it,
 * every line after the first indented by depth more tabs (an item inside
 * the array of a root member sits at depth 2), and no final newline.
 * It formats into its own buffer and hands the stream a block at a time:
 * cJSON_Print() builds the whole text in memory first, which a report of
 * many cities then splits into lines again.  Returns 0, or -1 when the
 * stream fails or the tree holds an item of no JSON type.
 */
int rs_json_write(FILE *out, const cJSON *item, unsigned depth);

/* Containers a stream may hold open at once. */
#define RS_JW_DEPTH_MAX 32

/*
 * A stream of JSON onto out, laid out as cJSON_Print() lays out the same
 * tree, every line after the first indented by depth more tabs (as
 * rs_json_write()).  It formats into a 64 KiB block handed to out when
 * full; nothing is built per value.  Every value takes a key: the
 * member's name inside an object, NULL inside an array or for the one
 * value at the top.  Numbers and strings are written as rs_json_number()
 * and rs_json_string() make them print (null for NaN, infinities and a
 * NULL string); keys go through the same escaper, where cJSON's printer
 * would leave what rs_text_unsafe() names raw in a key.
 */
struct rs_jw;

struct rs_jw *rs_jw_new(FILE *out, unsigned depth);

/*
 * Hands out the rest of the block and frees w (NULL: nothing).  Returns
 * 0, or -1 when the stream failed, a key was missing or given where none
 * belongs, a container was closed as the other kind or left open, or
 * more than RS_JW_DEPTH_MAX were open.
 */
int rs_jw_free(struct rs_jw *w);

void rs_jw_object(struct rs_jw *w, const char *key);
void rs_jw_end_object(struct rs_jw *w);
void rs_jw_array(struct rs_jw *w, const char *key);
void rs_jw_end_array(struct rs_jw *w);
void rs_jw_string(struct rs_jw *w, const char *key, const char *s);
void rs_jw_number(struct rs_jw *w, const char *key, double v);
void rs_jw_bool(struct rs_jw *w, const char *key, int b);
void rs_jw_null(struct rs_jw *w, const char *key);

/* A small tree as a value of the stream, printed as rs_json_write(). */
void rs_jw_tree(struct rs_jw *w, const char *key, const cJSON *item);

#endif /* RS_JSON_WRITER_H */
