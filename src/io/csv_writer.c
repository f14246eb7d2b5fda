/*
 * csv_writer.c - CSV records safe to open in a spreadsheet (csv_writer.h)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "io/csv_writer.h"

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
}

/* The comma before every field but the first of a line. */
static void
next_field(struct rs_csv *w)
{
	if (w->nfields++ > 0)
		fputc(',', w->out);
}

void
rs_csv_text(struct rs_csv *w, const char *s)
{
	const char *q, *end;

	next_field(w);
	if (s == NULL)
		return;
	end = s + strlen(s);
	fputc('"', w->out);
	if (rs_csv_needs_guard(s))
		fputc('\'', w->out);
	/* RFC 4180, 2.7: each quote doubled. */
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		fwrite(s, 1, (size_t)(q - s) + 1, w->out);
		fputc('"', w->out);
		s = q + 1;
	}
	fwrite(s, 1, (size_t)(end - s), w->out);
	fputc('"', w->out);
}

void
rs_csv_bare(struct rs_csv *w, const char *s)
{
	next_field(w);
	fputs(s, w->out);
}

void
rs_csv_number(struct rs_csv *w, double v)
{
	char buf[64];

	rs_csv_bare(w, rs_fmt_exact(buf, sizeof(buf), v));
}

int
rs_csv_end(struct rs_csv *w)
{
	w->nfields = 0;
	return fputc('\n', w->out) == EOF || ferror(w->out) ? -1 : 0;
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
