/*
 * json_writer.c - numbers and strings of the JSON reports (json_writer.h)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/mem.h"
#include "base/text.h"
#include "io/json_writer.h"

cJSON *
rs_json_number(double v)
{
	char buf[64];

	if (isnan(v) || isinf(v))
		return cJSON_CreateNull();
	return cJSON_CreateRaw(rs_fmt_exact(buf, sizeof(buf), v));
}

/* Whether s holds a code point cJSON would print raw but should not. */
static int
needs_own_escape(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x7F) {
			i++;
			continue;
		}
		if ((len = rs_utf8_next(s + i, n - i, &cp)) == 0 ||
		    rs_text_unsafe(cp))
			return 1;
		i += len;
	}
	return 0;
}

/*
 * s[0..n) as a JSON string literal with its quotes, escaped as cJSON's
 * printer escapes (\" \\ \b \f \n \r \t, other C0 controls as \u00xx in
 * lower case) and as json_writer.h adds.  The caller frees the result.
 */
static char *
literal(const char *s, size_t n)
{
	/* 6 bytes out per byte in at most ("\u0001"), the quotes, the NUL */
	char *buf = rs_malloc(6 * n + 3), *o = buf;
	size_t i = 0, len;
	uint32_t cp;

	*o++ = '"';
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		len = rs_utf8_next(s + i, n - i, &cp);
		if (len == 0) {
			o += sprintf(o, "\\\\x%02X", (unsigned)c);
			len = 1;
		} else if (cp == '"' || cp == '\\') {
			*o++ = '\\';
			*o++ = (char)cp;
		} else if (cp == '\b' || cp == '\f' || cp == '\n' ||
		    cp == '\r' || cp == '\t') {
			*o++ = '\\';
			*o++ = cp == '\b' ? 'b' : cp == '\f' ? 'f' : cp == '\n' ?
			    'n' : cp == '\r' ? 'r' : 't';
		} else if (rs_text_unsafe(cp)) {
			o += sprintf(o, "\\u%04x", (unsigned)cp);
		} else {
			memcpy(o, s + i, len);
			o += len;
		}
		i += len;
	}
	*o++ = '"';
	*o = '\0';
	return buf;
}

cJSON *
rs_json_string(const char *s)
{
	cJSON *item;
	char *raw;

	if (s == NULL)
		return cJSON_CreateNull();
	if (!needs_own_escape(s, strlen(s)))
		return cJSON_CreateString(s);
	raw = literal(s, strlen(s));
	item = cJSON_CreateRaw(raw);
	free(raw);
	return item;
}
