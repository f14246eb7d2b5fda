/*
 * csv_writer.c - CSV records through libcsv, safe to open in a spreadsheet
 *
 * The guard follows the OWASP advice on CSV injection: a cell that begins
 * with a formula trigger is prefixed with a single quote, which
 * spreadsheets show as text and do not evaluate.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "io/csv_writer.h"
#include "base/mem.h"

int
rs_csv_needs_guard(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

/* One quoted field, guarded against formula injection. */
static int
write_field(FILE *out, const char *s)
{
	static const char quote[] = "'";
	size_t n = s == NULL ? 0 : strlen(s);
	char *buf = NULL;
	int rc;

	if (!rs_csv_needs_guard(s))
		return csv_fwrite(out, s == NULL ? "" : s, n) == 0 ? 0 : -1;
	/* csv_fwrite quotes its whole argument: prefix the text itself. */
	buf = rs_malloc(n + 2);
	memcpy(buf, quote, 1);
	memcpy(buf + 1, s, n + 1);
	rc = csv_fwrite(out, buf, n + 1) == 0 ? 0 : -1;
	free(buf);
	return rc;
}

int
rs_csv_write_record(FILE *out, const char *const *fields, size_t n)
{
	size_t i;

	errno = 0;
	for (i = 0; i < n; i++) {
		if (i > 0 && fputc(',', out) == EOF)
			return -1;
		if (write_field(out, fields[i]) != 0)
			return -1;
	}
	if (fputc('\n', out) == EOF)
		return -1;
	return 0;
}
