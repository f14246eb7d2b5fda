/*
 * csv_writer.c - CSV records safe to open in a spreadsheet (csv_writer.h)
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "io/csv_writer.h"

/* Room kept for one number: rs_fmt_exact() writes fewer than 64 bytes. */
#define NUMBER_MAX 64

int
rs_csv_needs_guard(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

void
rs_csv_init(struct rs_csv *w, FILE *out)
{
	w->out = out;
	w->nfields = 0;
	w->len = 0;
	w->block = 0;
}

void
rs_csv_init_block(struct rs_csv *w, FILE *out)
{
	rs_csv_init(w, out);
	w->block = 1;
}

int
rs_csv_flush(struct rs_csv *w)
{
	/*
	 * The last byte goes into the stream's own buffer, so that a stream
	 * which has failed still holds something: its flush fails again and
	 * tells why (errno), as the callers' closing flush expects.
	 */
	if (w->len > 0) {
		fwrite(w->buf, 1, w->len - 1, w->out);
		fputc(w->buf[w->len - 1], w->out);
	}
	w->len = 0;
	return ferror(w->out) ? -1 : 0;
}

/* n bytes of s at the end of the buffer, or straight to out when large. */
static void
put(struct rs_csv *w, const char *s, size_t n)
{
	if (w->len + n > sizeof(w->buf)) {
		rs_csv_flush(w);
		if (n > sizeof(w->buf)) {
			fwrite(s, 1, n, w->out);
			return;
		}
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static void
put_c(struct rs_csv *w, char c)
{
	if (w->len == sizeof(w->buf))
		rs_csv_flush(w);
	w->buf[w->len++] = c;
}

/* The comma before every field but the first of a line. */
static void
next_field(struct rs_csv *w)
{
	if (w->nfields++ > 0)
		put_c(w, ',');
}

size_t
rs_csv_quoted_max(const char *s)
{
	return 2 * strlen(s) + 3;
}

size_t
rs_csv_quoted(char *dst, const char *s)
{
	char *d = dst;

	*d++ = '"';
	if (rs_csv_needs_guard(s))
		*d++ = '\'';
	/* RFC 4180, 2.7: each quote doubled. */
	for (; *s != '\0'; s++) {
		*d++ = *s;
		if (*s == '"')
			*d++ = '"';
	}
	*d++ = '"';
	return (size_t)(d - dst);
}

void
rs_csv_text(struct rs_csv *w, const char *s)
{
	const char *q, *end;

	next_field(w);
	if (s == NULL)
		return;
	end = s + strlen(s);
	put_c(w, '"');
	if (rs_csv_needs_guard(s))
		put_c(w, '\'');
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		put(w, s, (size_t)(q - s) + 1);
		put_c(w, '"');
		s = q + 1;
	}
	put(w, s, (size_t)(end - s));
	put_c(w, '"');
}

void
rs_csv_bare(struct rs_csv *w, const char *s)
{
	next_field(w);
	put(w, s, strlen(s));
}

void
rs_csv_raw(struct rs_csv *w, const char *s, size_t n, size_t nfields)
{
	if (nfields == 0)
		return;
	next_field(w);
	w->nfields += nfields - 1;
	put(w, s, n);
}

void
rs_csv_long(struct rs_csv *w, long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	next_field(w);
	put(w, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
rs_csv_number(struct rs_csv *w, double v)
{
	char *p;

	next_field(w);
	if (isnan(v))		/* an empty cell */
		return;
	if (w->len + NUMBER_MAX > sizeof(w->buf))
		rs_csv_flush(w);
	p = w->buf + w->len;
	rs_fmt_exact(p, NUMBER_MAX, v);
	w->len += strlen(p);
}

int
rs_csv_end(struct rs_csv *w)
{
	w->nfields = 0;
	put_c(w, '\n');
	if (!w->block || w->len + 4096 > sizeof(w->buf))
		return rs_csv_flush(w);
	return ferror(w->out) ? -1 : 0;
}

int
rs_csv_write_record(FILE *out, const char *const *fields, size_t n)
{
	struct rs_csv w;
	size_t i;

	errno = 0;
	rs_csv_init(&w, out);
	for (i = 0; i < n; i++)
		rs_csv_text(&w, fields[i] != NULL ? fields[i] : "");
	if (rs_csv_end(&w) != 0) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}
