/*
 * json_writer.h - the values of the JSON reports, built as cJSON items
 *
 * The reporters build a cJSON tree and print it; these make its numbers
 * and strings, so that every JSON report writes them one way.
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

/*
 * The head of an object printed as rs_json_write() would: "{", the
 * members of root, then the key of a last member, an array, opened
 * ("key":<tab>[); the caller writes its elements at depth 2, separated
 * by ", ", and closes it with "]\n}".
 */
int rs_json_write_head(FILE *out, const cJSON *root, const char *key);

#endif /* RS_JSON_WRITER_H */
