/*
 * readfile.c - reading a whole file, and giving back the pages already read
 */
#define _DEFAULT_SOURCE		/* madvise() */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/readfile.h"

/* The error for a file over the limit. */
static int
too_big(const char *path, size_t max, struct rs_error *err)
{
	return rs_error_set(err, RS_EINPUT, path, 1, 1, "file is larger than "
	    "the limit of %zu MiB on input files", max >> 20);
}

int
rs_read_file_max(const char *path, size_t max, char **text, size_t *len,
    struct rs_error *err)
{
	FILE *fp;
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	int stdin_ = strcmp(path, "-") == 0;
	struct stat st;

	*text = NULL;
	*len = 0;
	fp = stdin_ ? stdin : fopen(path, "rb");
	if (fp == NULL)
		return rs_error_io(err, errno, path, "cannot open");
	if (fstat(fileno(fp), &st) == 0) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : 0;

		if (e == 0 && S_ISREG(st.st_mode) &&
		    (uintmax_t)st.st_size > max) {
			if (!stdin_)
				fclose(fp);
			return too_big(path, max, err);
		}
		if (e != 0) {
			if (!stdin_)
				fclose(fp);
			return rs_error_io(err, e, path, "cannot read");
		}
	}
	for (;;) {
		rs_grow(&buf, &cap, n + 65536 + 1, 1);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0 || n > max)
			break;
	}
	if (ferror(fp) || n > max) {
		int e = errno;

		free(buf);
		if (!stdin_)
			fclose(fp);
		if (n > max)
			return too_big(path, max, err);
		return rs_error_io(err, e ? e : EIO, path, "cannot read");
	}
	if (!stdin_)
		fclose(fp);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

int
rs_read_file(const char *path, char **text, size_t *len,
    struct rs_error *err)
{
	return rs_read_file_max(path, RS_MAX_INPUT, text, len, err);
}

void
rs_text_discard(const char *text, size_t n)
{
	long page = sysconf(_SC_PAGESIZE);
	uintptr_t from = (uintptr_t)text, to = from + n;

	if (page <= 0)
		return;
	/* Only whole pages inside the text: never the block's header. */
	from = (from + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
	to &= ~((uintptr_t)page - 1);
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_DONTNEED);
}

/* Files that are not text, known by their first bytes. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} not_text[] = {
	{"PK\x03\x04", 4, "file is a ZIP archive (an .xlsx or .ods "
	    "spreadsheet?), not CSV or JSON text"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "file is an .xls spreadsheet "
	    "or another OLE2 document, not text; export the sheet as CSV "
	    "(UTF-8)"},
	{"\x1F\x8B", 2, "file is gzip-compressed; decompress it first"},
	{"%PDF-", 5, "file is a PDF document, not CSV or JSON"},
};

/*
 * A file of UTF-16 without a byte order mark starting with ASCII, as a
 * header does, has a NUL as every second byte.  Returns "LE", "BE" or NULL.
 */
static const char *
utf16_without_bom(const unsigned char *u, size_t len)
{
	size_t n = (len < 64 ? len : 64) & ~(size_t)1, i, odd = 0, even = 0;

	if (n < 4)
		return NULL;
	for (i = 0; i < n; i += 2) {
		even += u[i] == 0;
		odd += u[i + 1] == 0;
	}
	if (odd == n / 2 && even == 0)
		return "LE";
	if (even == n / 2 && odd == 0)
		return "BE";
	return NULL;
}

int
rs_text_check(const char *text, size_t len, const char *path,
    struct rs_error *err)
{
	const unsigned char *u = (const unsigned char *)text;
	const char *order;
	size_t bad, k;
	long line, col;

	if (len >= 4 && memcmp(u, "\xFF\xFE\0\0", 4) == 0)
		return rs_error_set(err, RS_EINPUT, path, 1, 1,
		    "file is UTF-32LE (it starts with a byte order mark); save "
		    "it as UTF-8");
	if (len >= 4 && memcmp(u, "\0\0\xFE\xFF", 4) == 0)
		return rs_error_set(err, RS_EINPUT, path, 1, 1,
		    "file is UTF-32BE (it starts with a byte order mark); save "
		    "it as UTF-8");
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)))
		return rs_error_set(err, RS_EINPUT, path, 1, 1,
		    "file is UTF-16%s (it starts with a byte order mark); save "
		    "it as UTF-8", u[0] == 0xFF ? "LE" : "BE");
	if (rs_utf8_check(text, len, &bad) == 0)
		return 0;
	for (k = 0; k < sizeof(not_text) / sizeof(*not_text); k++)
		if (len >= not_text[k].len &&
		    memcmp(u, not_text[k].magic, not_text[k].len) == 0)
			return rs_error_set(err, RS_EINPUT, path, 1, 1, "%s",
			    not_text[k].what);
	if ((order = utf16_without_bom(u, len)) != NULL)
		return rs_error_set(err, RS_EINPUT, path, 1, 1,
		    "file looks like UTF-16%s without a byte order mark (every "
		    "second byte is NUL); save it as UTF-8", order);
	rs_text_locate(text, len, bad, &line, &col);
	if (text[bad] == '\0')
		return rs_error_set(err, RS_EINPUT, path, line, col,
		    "NUL byte: this is not a text file");
	return rs_error_set(err, RS_EINPUT, path, line, col,
	    "invalid UTF-8 (byte 0x%02X); save the file as UTF-8%s",
	    (unsigned)u[bad], u[bad] >= 0x80 && (bad + 1 >= len ||
	    u[bad + 1] < 0x80) ? " (it may be Latin-1 or Windows-1252)" : "");
}
