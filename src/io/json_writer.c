/*
 * json_writer.c - numbers and strings of the JSON reports (json_writer.h)
 */
#include <float.h>
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

/* The output buffer of rs_json_write(): a block handed to the stream. */
struct jw {
	FILE *out;
	size_t len;
	int failed;
	char buf[65536];
};

static void
jw_flush(struct jw *w)
{
	if (w->len > 0 && fwrite(w->buf, 1, w->len, w->out) != w->len)
		w->failed = 1;
	w->len = 0;
}

static void
jw_put_slow(struct jw *w, const char *s, size_t n)
{
	jw_flush(w);
	if (n > sizeof(w->buf)) {
		if (fwrite(s, 1, n, w->out) != n)
			w->failed = 1;
		return;
	}
	memcpy(w->buf, s, n);
	w->len = n;
}

/* Most pieces are a few bytes: copied without a call. */
static inline void
jw_put(struct jw *w, const char *s, size_t n)
{
	char *d = w->buf + w->len;
	size_t i;

	if (n > sizeof(w->buf) - w->len) {
		jw_put_slow(w, s, n);
		return;
	}
	if (n <= 16)
		for (i = 0; i < n; i++)
			d[i] = s[i];
	else
		memcpy(d, s, n);
	w->len += n;
}

static void
jw_tabs(struct jw *w, unsigned n)
{
	if (n > sizeof(w->buf) - w->len) {
		jw_flush(w);
		for (; n > sizeof(w->buf); n -= (unsigned)sizeof(w->buf)) {
			memset(w->buf, '\t', sizeof(w->buf));
			w->len = sizeof(w->buf);
			jw_flush(w);
		}
	}
	memset(w->buf + w->len, '\t', n);
	w->len += n;
}

/* A string as cJSON prints one: the C0 controls escaped, the rest raw. */
static void
jw_string(struct jw *w, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;
	char esc[6];
	size_t n;

	jw_put(w, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		jw_put(w, run, (size_t)(s - run));
		run = s + 1;
		esc[0] = '\\';
		n = 2;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
		}
		jw_put(w, esc, n);
	}
	jw_put(w, run, (size_t)(s - run));
	jw_put(w, "\"", 1);
}

/* cJSON's test of whether %1.15g read back well enough. */
static int
close_enough(double a, double b)
{
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= m * DBL_EPSILON;
}

/*
 * cJSON's formatted printer, item by item: an object puts each member on
 * a line of its own, indented one tab deeper, as "key":<tab>value; an
 * array keeps its elements on one line, separated by ", ", each one
 * level deeper (an object in it indents its members by one tab more).
 */
static int
jw_value(struct jw *w, const cJSON *it, unsigned depth)
{
	char num[64];
	const cJSON *c;

	switch (it->type & 0xFF) {
	case cJSON_NULL:
		jw_put(w, "null", 4);
		return 0;
	case cJSON_False:
		jw_put(w, "false", 5);
		return 0;
	case cJSON_True:
		jw_put(w, "true", 4);
		return 0;
	case cJSON_Raw:
		if (it->valuestring == NULL)
			return -1;
		jw_put(w, it->valuestring, strlen(it->valuestring));
		return 0;
	case cJSON_String:
		if (it->valuestring == NULL)
			jw_put(w, "\"\"", 2);
		else
			jw_string(w, it->valuestring);
		return 0;
	case cJSON_Number:
		/* not made by rs_json_number(): printed as cJSON would */
		if (isnan(it->valuedouble) || isinf(it->valuedouble))
			jw_put(w, "null", 4);
		else if (!(it->valuedouble < (double)it->valueint) &&
		    !(it->valuedouble > (double)it->valueint))
			jw_put(w, num, (size_t)snprintf(num, sizeof(num),
			    "%d", it->valueint));
		else {
			snprintf(num, sizeof(num), "%1.15g", it->valuedouble);
			if (!close_enough(strtod(num, NULL), it->valuedouble))
				snprintf(num, sizeof(num), "%1.17g",
				    it->valuedouble);
			jw_put(w, num, strlen(num));
		}
		return 0;
	case cJSON_Array:
		jw_put(w, "[", 1);
		for (c = it->child; c != NULL; c = c->next) {
			if (jw_value(w, c, depth + 1) != 0)
				return -1;
			if (c->next != NULL)
				jw_put(w, ", ", 2);
		}
		jw_put(w, "]", 1);
		return 0;
	case cJSON_Object:
		jw_put(w, "{\n", 2);
		for (c = it->child; c != NULL; c = c->next) {
			jw_tabs(w, depth + 1);
			jw_string(w, c->string != NULL ? c->string : "");
			jw_put(w, ":\t", 2);
			if (jw_value(w, c, depth + 1) != 0)
				return -1;
			jw_put(w, c->next != NULL ? ",\n" : "\n",
			    c->next != NULL ? 2 : 1);
		}
		jw_tabs(w, depth);
		jw_put(w, "}", 1);
		return 0;
	default:
		return -1;
	}
}

int
rs_json_write(FILE *out, const cJSON *item, unsigned depth)
{
	struct jw *w = rs_malloc(sizeof(*w));
	int rc;

	w->out = out;
	w->len = 0;
	w->failed = 0;
	rc = jw_value(w, item, depth);
	jw_flush(w);
	rc = rc != 0 || w->failed ? -1 : 0;
	free(w);
	return rc;
}

int
rs_json_write_head(FILE *out, const cJSON *root, const char *key)
{
	struct jw *w = rs_malloc(sizeof(*w));
	const cJSON *c;
	int rc = 0;

	w->out = out;
	w->len = 0;
	w->failed = 0;
	jw_put(w, "{\n", 2);
	for (c = root->child; c != NULL && rc == 0; c = c->next) {
		jw_tabs(w, 1);
		jw_string(w, c->string != NULL ? c->string : "");
		jw_put(w, ":\t", 2);
		rc = jw_value(w, c, 1);
		jw_put(w, ",\n", 2);
	}
	jw_tabs(w, 1);
	jw_string(w, key);
	jw_put(w, ":\t[", 3);
	jw_flush(w);
	rc = rc != 0 || w->failed ? -1 : 0;
	free(w);
	return rc;
}
