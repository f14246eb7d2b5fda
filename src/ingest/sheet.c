/*
 * sheet.c - one sheet of an .xlsx or .ods workbook, through libzip and
 * expat (docs/input.md, "Spreadsheets")
 *
 * Every part is read from the archive in pieces and fed to expat as it
 * comes, so that neither a large sheet nor a ZIP bomb is ever held whole:
 * the decompressed bytes are counted against the limit as they arrive.
 * Names are matched with namespaces resolved (expat's "URI|local"), so a
 * prefix such as x: or table: does not matter; elements of namespaces the
 * reader does not know (extensions, markup compatibility) are skipped
 * with their content.  A document type declaration is refused: neither
 * format has one, and refusing it shuts out entity expansion.
 *
 * .xlsx: _rels/.rels names the workbook part, the workbook's relationships
 * (DIR/_rels/NAME.rels) its sheets, shared strings and styles, each target
 * taken relative to the workbook's folder unless it starts with '/'.  The
 * styles say which cells show dates (a date format, built in or custom)
 * and percentages.  .ods: content.xml, the tables of office:spreadsheet,
 * rows and cells with their repeat counts.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "ingest/sheet.h"
#include "base/mem.h"
#include "base/text.h"

#define CHUNK 65536		/* bytes read from a part at a time */
#define NS_SEP '|'		/* between a namespace URI and a name */
#define ABSENT (-1)		/* parse_part(): no such part */

/* The class of a number format. */
enum {
	FMT_PLAIN,
	FMT_DATE,
	FMT_PERCENT,
};

/* A relationship of the part read last (.rels). */
struct rel {
	const char *id;		/* Id */
	const char *type;	/* Type, a URI */
	const char *target;	/* the part it names, resolved */
};

/* A sheet of the workbook, in the workbook's order. */
struct book_sheet {
	const char *name;
	const char *rid;	/* .xlsx: r:id, the relationship */
	int hidden;		/* state="hidden" or "veryHidden" */
};

/* A cell of .xlsx being read. */
struct xcell {
	long row, col;		/* position */
	char type[12];		/* t=, "" for a number */
	long style;		/* s=, index into cellXfs */
	int has_f, has_v;	/* a <f> and a <v> were seen */
};

/* A cell of .ods being read. */
struct ocell {
	long repeat;		/* table:number-columns-repeated */
	int kind;		/* RS_CELL_* or 0 while unknown */
	int percent;
	int formula;		/* table:formula */
	int error;		/* calcext:value-type="error" */
	int string_attr;	/* office:string-value given */
	int paragraphs;		/* text:p seen, for the line breaks */
	double num;
	char *value;		/* the attribute holding the value, owned */
};

/*
 * Where the parts come from: the archive, or parts already in memory
 * (rs_sheet_read_parts()).
 */
struct source {
	zip_t *za;				/* the archive, or NULL */
	zip_file_t *zf;				/* the part being read */
	const struct rs_sheet_part *parts;	/* or these */
	size_t nparts;
	const struct rs_sheet_part *cur;	/* the part being read */
	size_t off;				/* bytes of it read */
};

struct book {
	struct source src;
	const char *path;		/* the workbook's name */
	struct rs_sheet *sh;
	struct rs_sheet_limits lim;
	struct rs_error *err;
	int rc;				/* first error */
	size_t xml;			/* XML bytes decompressed so far */
	struct rs_pool pool;		/* names of parts and relationships */

	/* the part being parsed */
	XML_Parser p;
	const char *part;		/* its name in the archive */
	void (*start)(struct book *, const char *, const char *,
	    const char **);
	void (*end)(struct book *, const char *, const char *);
	int depth;			/* of the element being read */
	int skip;			/* depth of a subtree skipped, or 0 */
	int done;			/* the parse stopped: all is read */
	char *text;			/* character data collected */
	size_t tlen, tcap;
	int collect;			/* collecting into text */
	int text_over;			/* text passed the limit */

	/* relationships of the last .rels read */
	const char *rels_base;		/* folder of the part they are of */
	struct rel *rels;
	size_t nrels, cap_rels;

	/* workbook.xml or the tables of content.xml */
	int root_seen;			/* the root element was the right one */
	int date1904;			/* workbookPr date1904 */
	struct book_sheet *sheets;
	size_t nsheets, cap_sheets;

	/* styles.xml */
	int in_numfmts, in_cellxfs;
	long *fmt_id;			/* custom number formats */
	unsigned char *fmt_class;
	size_t nfmts, cap_fmts;
	unsigned char *xf_class;	/* class of each cellXfs entry */
	size_t nxf, cap_xf;

	/* sharedStrings.xml */
	const char **sst;		/* in the sheet's pool */
	uint32_t *sst_len;
	size_t nsst, cap_sst;
	int in_si;

	/* a worksheet */
	int in_data;			/* inside sheetData */
	long row;			/* current row, 0 before the first */
	long col;			/* last column of the row */
	int in_cell, in_v, in_is;
	struct xcell xc;
	char *val;			/* <v>'s text */
	size_t vlen, vcap;

	/* content.xml */
	int in_sheets;			/* depth of office:spreadsheet */
	int target_depth;		/* depth of the table read, or 0 */
	long orow, ocol;		/* rows and columns before this one */
	long row_repeat;		/* of the row being read */
	int cell_depth;			/* depth of the open cell, or 0 */
	int p_depth;			/* depth of the paragraph, or 0 */
	struct ocell oc;
	struct rs_cell *rowcells;	/* the cells of the row being read */
	size_t nrowcells, cap_rowcells;
	int found;			/* the sheet asked for was read */
	const char *want;		/* the sheet asked for, or NULL */
	int prefer;			/* want if there is one, else first */
};

/* --- errors ------------------------------------------------------------ */

static void
stop(struct book *b)
{
	if (b->p != NULL)
		XML_StopParser(b->p, XML_FALSE);
}

static int
vfail(struct book *b, const char *path, long line, long col, int cell,
    const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

static int
vfail(struct book *b, const char *path, long line, long col, int cell,
    const char *fmt, va_list ap)
{
	char msg[512];

	if (b->rc != 0)
		return b->rc;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	b->rc = rs_error_set(b->err, RS_EINPUT, path, line, col, "%s", msg);
	if (b->err != NULL)
		b->err->cell = cell;
	stop(b);
	return b->rc;
}

/* An error about the workbook as a whole, at 1:1 as other readers do. */
static int
fail(struct book *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct book *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail(b, b->path, 1, 1, 0, fmt, ap);
	va_end(ap);
	return rc;
}

/* An error at the current place of the part being parsed. */
static int
fail_xml(struct book *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail_xml(struct book *b, const char *fmt, ...)
{
	char where[sizeof(b->err->path)];
	va_list ap;
	long line = 0, col = 0;
	int rc;

	snprintf(where, sizeof(where), "%s:%s", b->path, b->part);
	if (b->p != NULL) {
		line = (long)XML_GetCurrentLineNumber(b->p);
		col = (long)XML_GetCurrentColumnNumber(b->p) + 1;
	}
	va_start(ap, fmt);
	rc = vfail(b, where, line, col, 0, fmt, ap);
	va_end(ap);
	return rc;
}

/* An error at a cell of the sheet: FILE:SHEET!C7. */
static int
fail_cell(struct book *b, long row, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
fail_cell(struct book *b, long row, long col, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail(b, b->sh->label, row, col, 1, fmt, ap);
	va_end(ap);
	return rc;
}

/* --- small parsers ----------------------------------------------------- */

/* A whole number of digits only, at most max; -1 when it is not one. */
static long
whole(const char *s, long max)
{
	long v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > max)
			return -1;
	}
	return v;
}

/* A repeat count: a whole number >= 1, large ones kept at max. */
static long
repeat_count(const char *s, long max)
{
	long v = 0;

	if (s == NULL)
		return 1;
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v <= max)
			v = v * 10 + (*s - '0');
	}
	if (v < 1)
		return -1;
	return v > max ? max : v;
}

/* A cell reference such as "C7"; 0 when it is not one within a sheet. */
static int
cell_ref(const char *s, long *row, long *col)
{
	long c = 0, r = 0;
	int nl = 0, nd = 0;

	for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++) {
		if (++nl > 3)
			return 0;
		c = c * 26 + ((*s | 0x20) - 'a' + 1);
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++nd > 7)
			return 0;
		r = r * 10 + (*s - '0');
	}
	if (*s != '\0' || nl == 0 || nd == 0 || c > RS_SHEET_MAX_COLS ||
	    r < 1 || r > RS_SHEET_MAX_ROWS)
		return 0;
	*row = r;
	*col = c;
	return 1;
}

/* Does the namespace URI ns end with suffix? */
static int
ns_is(const char *ns, const char *suffix)
{
	size_t n = strlen(ns), k = strlen(suffix);

	return n >= k && strcmp(ns + n - k, suffix) == 0;
}

/* SpreadsheetML, transitional or strict, or no namespace at all. */
static int
ns_main(const char *ns)
{
	return *ns == '\0' || ns_is(ns, "/spreadsheetml/2006/main") ||
	    ns_is(ns, "/spreadsheetml/main");
}

/*
 * The value of attribute local in namespace ns_suffix (NULL: an attribute
 * without namespace), or NULL.
 */
static const char *
attr(const char **atts, const char *ns_suffix, const char *local)
{
	const char *bar, *name;
	size_t i, n;

	for (i = 0; atts[i] != NULL; i += 2) {
		name = atts[i];
		bar = strrchr(name, NS_SEP);
		if (bar == NULL) {
			if (ns_suffix == NULL && strcmp(name, local) == 0)
				return atts[i + 1];
			continue;
		}
		if (ns_suffix == NULL || strcmp(bar + 1, local) != 0)
			continue;
		n = strlen(ns_suffix);
		if ((size_t)(bar - name) >= n &&
		    strncmp(bar - n, ns_suffix, n) == 0)
			return atts[i + 1];
	}
	return NULL;
}

static int
ascii_case_eq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char x = *a, y = *b;

		if (x >= 'A' && x <= 'Z')
			x = (char)(x | 0x20);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y | 0x20);
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int
is_true(const char *s)
{
	return s != NULL && (strcmp(s, "1") == 0 || strcmp(s, "true") == 0);
}

/* --- text -------------------------------------------------------------- */

static void
text_reset(struct book *b)
{
	b->tlen = 0;
	b->text_over = 0;
}

static void
text_add(struct book *b, const char *s, size_t n)
{
	if (b->text_over || n == 0)
		return;
	if (n > RS_SHEET_MAX_TEXT - b->tlen) {
		b->text_over = 1;
		return;
	}
	rs_grow(&b->text, &b->tcap, b->tlen + n + 1, 1);
	memcpy(b->text + b->tlen, s, n);
	b->tlen += n;
	b->text[b->tlen] = '\0';
}

/* n spaces, as text:s c="n" asks (a count < 1 is taken as 1). */
static void
text_spaces(struct book *b, long n)
{
	static const char blanks[] = "                                ";
	size_t k;

	if (n < 1)
		n = 1;
	while (n > 0 && !b->text_over) {
		k = n < 32 ? (size_t)n : 32;
		text_add(b, blanks, k);
		n -= (long)k;
	}
}

static int
hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * OOXML strings write characters XML cannot hold as _xHHHH_ (ECMA-376
 * ST_Xstring; "_x005F_" is the underscore itself): decode them in place,
 * as UTF-8 is never longer than the escape.  Surrogates stay as written.
 */
static size_t
unescape_x(char *s, size_t n)
{
	size_t i = 0, o = 0;
	unsigned cp;
	int k, d;

	while (i < n) {
		if (i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			cp = 0;
			for (k = 2; k < 6; k++) {
				if ((d = hex(s[i + (size_t)k])) < 0)
					break;
				cp = cp << 4 | (unsigned)d;
			}
			if (k == 6 && cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
				if (cp < 0x80) {
					s[o++] = (char)cp;
				} else if (cp < 0x800) {
					s[o++] = (char)(0xC0 | cp >> 6);
					s[o++] = (char)(0x80 | (cp & 0x3F));
				} else {
					s[o++] = (char)(0xE0 | cp >> 12);
					s[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
					s[o++] = (char)(0x80 | (cp & 0x3F));
				}
				i += 7;
				continue;
			}
		}
		s[o++] = s[i++];
	}
	s[o] = '\0';
	return o;
}

/* --- the grid ---------------------------------------------------------- */

/* Room for one more cell, or an error over the limit. */
static int
room(struct book *b, size_t more)
{
	if (b->sh->ncells > b->lim.max_cells ||
	    more > b->lim.max_cells - b->sh->ncells)
		return fail(b, "sheet \"%s\" has more than %zu cells that hold "
		    "something, the limit", b->sh->name, b->lim.max_cells);
	rs_grow(&b->sh->cells, &b->sh->cap_cells, b->sh->ncells + more,
	    sizeof(*b->sh->cells));
	return 0;
}

static char *
pool_text(struct book *b, const char *s, size_t n)
{
	return rs_pool_strndup(&b->sh->pool, s, n);
}

static int
cell_cmp(const void *pa, const void *pb)
{
	const struct rs_cell *a = pa, *b = pb;

	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

/* Cells in order; a cell given twice is an error. */
static int
finish_grid(struct book *b)
{
	struct rs_sheet *sh = b->sh;
	size_t i;
	int sorted = 1;

	for (i = 1; i < sh->ncells && sorted; i++)
		sorted = cell_cmp(&sh->cells[i - 1], &sh->cells[i]) < 0;
	if (!sorted)
		qsort(sh->cells, sh->ncells, sizeof(*sh->cells), cell_cmp);
	for (i = 1; i < sh->ncells; i++)
		if (cell_cmp(&sh->cells[i - 1], &sh->cells[i]) == 0)
			return fail_cell(b, sh->cells[i].row, sh->cells[i].col,
			    "the cell is given twice in the sheet's XML");
	return 0;
}

/* --- dates ------------------------------------------------------------- */

/* The civil date of day z since 1970-01-01 (H. Hinnant's algorithm). */
static void
civil(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/*
 * A serial date of Excel as ISO 8601 text: "2019-03-31", with
 * "T10:30:00" when it has a time of day, or "10:30:00" alone for a
 * serial below 1.  The 1900 system counts the 29th of February 1900 that
 * never was (serial 60), as Excel does; the 1904 system starts at
 * 1904-01-01.  Returns the year, or 0 when v is outside 1900 (1904) to
 * 9999 and is no date.
 */
static long
serial_date(double v, int date1904, char *buf, size_t n)
{
	double day = floor(v);
	long days, secs, y, m, d;

	if (!(v >= 0) || v >= (date1904 ? 2957004.0 : 2958466.0))
		return 0;
	secs = (long)floor((v - day) * 86400 + 0.5);
	days = (long)day;
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (days == 0 && !date1904) {
		snprintf(buf, n, "%02d:%02d:%02d", (int)(secs / 3600),
		    (int)(secs / 60 % 60), (int)(secs % 60));
		return -1;
	}
	if (!date1904 && days == 60) {
		y = 1900;
		m = 2;
		d = 29;
	} else {
		civil(date1904 ? days - 24107 : days < 60 ? days - 25568 :
		    days - 25569, &y, &m, &d);
	}
	if (secs == 0)
		snprintf(buf, n, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
	else
		snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d", (int)y,
		    (int)m, (int)d, (int)(secs / 3600), (int)(secs / 60 % 60),
		    (int)(secs % 60));
	return y;
}

/*
 * An ISO 8601 date or date and time as written by ODF (office:date-value)
 * or by OOXML's t="d": YYYY-MM-DD, then optionally T and a time, kept as
 * given except that a time of 00:00:00 (with any fraction of zeros and a
 * zone) is dropped.  Returns the year, or 0 when s is not such a date.
 */
static long
iso_date(const char *s, char *buf, size_t n)
{
	const char *t;
	long y = 0;
	int i, m, d, zero = 1;

	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	if (s[4] != '-' || s[5] < '0' || s[5] > '1' || s[6] < '0' ||
	    s[6] > '9' || s[7] != '-' || s[8] < '0' || s[8] > '3' ||
	    s[9] < '0' || s[9] > '9' || y < 1)
		return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	if (s[10] != '\0' && s[10] != 'T')
		return 0;
	if (s[10] == 'T') {
		for (t = s + 11; *t != '\0'; t++)
			if (*t >= '1' && *t <= '9')
				zero = 0;
			else if (!(*t == '0' || *t == ':' || *t == '.' ||
			    *t == 'Z' || *t == '+' || *t == '-'))
				return 0;
	}
	if (strlen(s) >= n)
		return 0;
	snprintf(buf, n, "%.*s", s[10] == 'T' && !zero ? (int)(n - 1) : 10,
	    s);
	return y;
}

/*
 * The class of a number format code: a date when its first section has
 * one of the date or time codes d, m, y, h, s outside quoted text,
 * escapes and [brackets] (as Excel decides), a percentage when it has a
 * '%' there instead.
 */
static int
format_class(const char *code)
{
	const char *s;
	int pct = 0;

	if (ascii_case_eq(code, "General"))
		return FMT_PLAIN;
	for (s = code; *s != '\0' && *s != ';'; s++) {
		switch (*s) {
		case '"':
			while (s[1] != '\0' && s[1] != '"')
				s++;
			if (s[1] == '"')
				s++;
			break;
		case '\\':
		case '_':
		case '*':
			if (s[1] != '\0')
				s++;
			break;
		case '[':
			while (s[1] != '\0' && s[1] != ']')
				s++;
			break;
		case '%':
			pct = 1;
			break;
		case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
		case 'h': case 'H': case 's': case 'S':
			return FMT_DATE;
		default:
			break;
		}
	}
	return pct ? FMT_PERCENT : FMT_PLAIN;
}

/* The class of built-in number format id (ECMA-376 18.8.30). */
static int
builtin_class(long id)
{
	if (id == 9 || id == 10)
		return FMT_PERCENT;
	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
	    (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
		return FMT_DATE;
	return FMT_PLAIN;
}

/* --- parsing a part ---------------------------------------------------- */

static void
split(const char *name, char *ns, size_t size, const char **local)
{
	const char *bar = strrchr(name, NS_SEP);
	size_t n;

	if (bar == NULL) {
		ns[0] = '\0';
		*local = name;
		return;
	}
	n = (size_t)(bar - name);
	if (n >= size)
		n = size - 1;
	memcpy(ns, name, n);
	ns[n] = '\0';
	*local = bar + 1;
}

/* Skip the element being started and everything in it. */
static void
skip(struct book *b)
{
	b->skip = b->depth;
}

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = ud;
	char ns[256];
	const char *local;

	b->depth++;
	if (b->skip != 0 || b->rc != 0 || b->done)
		return;
	split(name, ns, sizeof(ns), &local);
	b->start(b, ns, local, atts);
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct book *b = ud;
	char ns[256];
	const char *local;

	if (b->skip != 0) {
		if (b->skip == b->depth)
			b->skip = 0;
	} else if (b->rc == 0 && !b->done) {
		split(name, ns, sizeof(ns), &local);
		b->end(b, ns, local);
	}
	b->depth--;
}

static void XMLCALL
on_chars(void *ud, const XML_Char *s, int n)
{
	struct book *b = ud;

	if (b->skip != 0 || !b->collect || n <= 0)
		return;
	if (b->in_v) {
		if ((size_t)n > RS_SHEET_MAX_TEXT - b->vlen) {
			b->text_over = 1;
			return;
		}
		rs_grow(&b->val, &b->vcap, b->vlen + (size_t)n + 1, 1);
		memcpy(b->val + b->vlen, s, (size_t)n);
		b->vlen += (size_t)n;
		b->val[b->vlen] = '\0';
		return;
	}
	text_add(b, s, (size_t)n);
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal)
{
	struct book *b = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	fail_xml(b, "a document type declaration is not allowed here");
}

/* The message for a failure of libzip, in the project's words. */
/* Allocation for expat, so that its failures end as the program's do. */
static const XML_Memory_Handling_Suite xml_memory = {rs_malloc, rs_realloc,
    free};
static const XML_Char ns_sep = NS_SEP;

static const char *
zip_why(int code)
{
	switch (code) {
	case ZIP_ER_CRC:
		return "its data does not match its checksum (CRC)";
	case ZIP_ER_ZLIB:
	case ZIP_ER_COMPRESSED_DATA:
		return "its compressed data is damaged";
	case ZIP_ER_COMPNOTSUPP:
		return "it is compressed by a method this build cannot read";
	case ZIP_ER_ENCRNOTSUPP:
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD:
		return "it is encrypted; save the workbook without a password";
	case ZIP_ER_MEMORY:
		rs_mem_oom();	/* not a damaged archive: base/mem.h */
	default:
		return "the archive is damaged";
	}
}

/* Is there a part of this name (ASCII case ignored when nocase)? */
static int
has_part(const struct source *src, const char *name, int nocase)
{
	size_t i;

	if (src->za != NULL)
		return zip_name_locate(src->za, name, nocase ? ZIP_FL_NOCASE :
		    0) >= 0;
	for (i = 0; i < src->nparts; i++)
		if (nocase ? ascii_case_eq(src->parts[i].name, name) :
		    strcmp(src->parts[i].name, name) == 0)
			return 1;
	return 0;
}

/* Open part name for reading: 0, ABSENT, or a libzip error code. */
static int
open_part(struct source *src, const char *name, int nocase)
{
	zip_int64_t idx;
	size_t i;

	if (src->za == NULL) {
		for (i = 0; i < src->nparts; i++)
			if (nocase ? ascii_case_eq(src->parts[i].name, name) :
			    strcmp(src->parts[i].name, name) == 0) {
				src->cur = &src->parts[i];
				src->off = 0;
				return 0;
			}
		return ABSENT;
	}
	idx = zip_name_locate(src->za, name, nocase ? ZIP_FL_NOCASE : 0);
	if (idx < 0)
		return ABSENT;
	src->zf = zip_fopen_index(src->za, (zip_uint64_t)idx, 0);
	if (src->zf == NULL)
		return zip_error_code_zip(zip_get_error(src->za));
	return 0;
}

/* Up to n bytes of the open part: the count, or -1 and *code. */
static long
read_part(struct source *src, char *buf, size_t n, int *code)
{
	zip_int64_t got;
	size_t k;

	if (src->za == NULL) {
		k = src->cur->len - src->off;
		k = k < n ? k : n;
		if (k > 0)
			memcpy(buf, src->cur->data + src->off, k);
		src->off += k;
		return (long)k;
	}
	got = zip_fread(src->zf, buf, n);
	if (got < 0)
		*code = zip_error_code_zip(zip_file_get_error(src->zf));
	return (long)got;
}

static void
close_part(struct source *src)
{
	if (src->zf != NULL)
		zip_fclose(src->zf);
	src->zf = NULL;
	src->cur = NULL;
}

/*
 * Parse part `part` with b->start and b->end.  Returns 0, ABSENT when
 * the part is not there and not required, or the error.
 */
static int
parse_part(struct book *b, const char *part, int required)
{
	long got;
	char *buf = NULL;
	int last = 0, code = 0;

	b->part = part;
	if ((code = open_part(&b->src, part, 1)) == ABSENT) {
		if (!required)
			return ABSENT;
		return fail(b, "missing part %s: the workbook is incomplete "
		    "or not an %s file", part, b->sh->kind == RS_SHEET_ODS ?
		    ".ods" : ".xlsx");
	}
	if (code != 0)
		return fail(b, "cannot read part %s: %s", part, zip_why(code));
	/* expat allocates through the wrappers: out of memory is not bad XML */
	b->p = XML_ParserCreate_MM(NULL, &xml_memory, &ns_sep);
	if (b->p == NULL)
		rs_mem_oom();
	XML_SetUserData(b->p, b);
	XML_SetElementHandler(b->p, on_start, on_end);
	XML_SetCharacterDataHandler(b->p, on_chars);
	XML_SetStartDoctypeDeclHandler(b->p, on_doctype);
	b->depth = 0;
	b->skip = 0;
	b->done = 0;
	b->collect = 0;
	buf = rs_malloc(CHUNK);
	/*
	 * Once the parse has what it needs (b->done) the rest is still read,
	 * unparsed: libzip checks a part's CRC when it reaches its end.
	 */
	while (b->rc == 0 && !last) {
		got = read_part(&b->src, buf, CHUNK, &code);
		if (got < 0) {
			fail(b, "cannot read part %s: %s", part, zip_why(code));
			break;
		}
		if ((size_t)got > b->lim.max_xml - b->xml) {
			if (b->lim.max_xml % ((size_t)1 << 20) == 0)
				fail(b, "the workbook's XML is larger than the "
				    "limit of %zu MiB decompressed",
				    b->lim.max_xml >> 20);
			else
				fail(b, "the workbook's XML is larger than the "
				    "limit of %zu bytes decompressed",
				    b->lim.max_xml);
			break;
		}
		b->xml += (size_t)got;
		last = got == 0;
		if (!b->done && XML_Parse(b->p, buf, (int)got, last) ==
		    XML_STATUS_ERROR && b->rc == 0 && !b->done)
			fail_xml(b, "malformed XML (%s)",
			    XML_ErrorString(XML_GetErrorCode(b->p)));
	}
	free(buf);
	XML_ParserFree(b->p);
	b->p = NULL;
	close_part(&b->src);
	return b->rc;
}

/* --- relationships ----------------------------------------------------- */

/* The folder of part name, with its '/', in the pool ("" at the top). */
static const char *
folder(struct book *b, const char *name)
{
	const char *slash = strrchr(name, '/');

	return rs_pool_strndup(&b->pool, name, slash != NULL ?
	    (size_t)(slash - name) + 1 : 0);
}

/*
 * The part a relationship's target names: a target starting with '/' is
 * taken from the top of the package, any other from base; "." and ".."
 * steps are resolved, %XX escapes decoded and '\' taken as '/', as some
 * writers put it.
 */
static const char *
resolve(struct book *b, const char *base, const char *target)
{
	size_t n = strlen(base) + strlen(target) + 1, o = 0, i, seg;
	char *joined = rs_malloc(n + 1), *out = rs_malloc(n + 1);
	const char *res;
	int hi, lo;

	if (target[0] == '/' || target[0] == '\\')
		snprintf(joined, n + 1, "%s", target + 1);
	else
		snprintf(joined, n + 1, "%s%s", base, target);
	for (i = 0; joined[i] != '\0'; i++) {
		char c = joined[i];

		if (c == '%' && (hi = hex(joined[i + 1])) >= 0 &&
		    (lo = hex(joined[i + 2])) >= 0 && (hi | lo) != 0) {
			c = (char)(hi << 4 | lo);
			i += 2;
		}
		out[o++] = c == '\\' ? '/' : c;
	}
	out[o] = '\0';
	/* Resolve the steps: copy segment by segment. */
	o = 0;
	for (i = 0; out[i] != '\0';) {
		seg = strcspn(out + i, "/");
		if ((seg == 0) || (seg == 1 && out[i] == '.')) {
			/* "//" or "./": nothing */
		} else if (seg == 2 && out[i] == '.' && out[i + 1] == '.') {
			while (o > 0 && joined[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
			while (o > 0 && joined[o - 1] != '/')
				o--;
		} else {
			memcpy(joined + o, out + i, seg);
			o += seg;
			if (out[i + seg] == '/')
				joined[o++] = '/';
		}
		i += seg + (out[i + seg] == '/');
	}
	joined[o] = '\0';
	res = rs_pool_strdup(&b->pool, joined);
	free(joined);
	free(out);
	return res;
}

static void
rels_start(struct book *b, const char *ns, const char *local,
    const char **atts)
{
	const char *id, *type, *target, *mode;
	struct rel *r;

	(void)ns;
	if (strcmp(local, "Relationship") != 0)
		return;
	id = attr(atts, NULL, "Id");
	type = attr(atts, NULL, "Type");
	target = attr(atts, NULL, "Target");
	mode = attr(atts, NULL, "TargetMode");
	if (id == NULL || type == NULL || target == NULL) {
		fail_xml(b, "a relationship lacks its Id, Type or Target");
		return;
	}
	if (mode != NULL && strcmp(mode, "External") == 0)
		return;
	rs_grow(&b->rels, &b->cap_rels, b->nrels + 1, sizeof(*b->rels));
	r = &b->rels[b->nrels++];
	r->id = rs_pool_strdup(&b->pool, id);
	r->type = rs_pool_strdup(&b->pool, type);
	r->target = resolve(b, b->rels_base, target);
}

static void
rels_end(struct book *b, const char *ns, const char *local)
{
	(void)b;
	(void)ns;
	(void)local;
}

/*
 * Read the relationships of part `of` (NULL: of the package), found in
 * DIR/_rels/NAME.rels.  Returns 0, ABSENT when there are none, or the
 * error.
 */
static int
read_rels(struct book *b, const char *of)
{
	const char *base = of != NULL ? folder(b, of) : "";
	const char *name = of != NULL ? of + strlen(base) : "";
	size_t n = strlen(base) + strlen(name) + 16;
	char *part = rs_malloc(n);
	const char *keep;

	snprintf(part, n, "%s_rels/%s.rels", base, name);
	keep = rs_pool_strdup(&b->pool, part);
	free(part);
	b->nrels = 0;
	b->rels_base = base;
	b->start = rels_start;
	b->end = rels_end;
	return parse_part(b, keep, 0);
}

/* The target of the first relationship whose type ends with suffix. */
static const char *
rel_of_type(const struct book *b, const char *suffix)
{
	size_t i;

	for (i = 0; i < b->nrels; i++)
		if (ns_is(b->rels[i].type, suffix))
			return b->rels[i].target;
	return NULL;
}

static const struct rel *
rel_of_id(const struct book *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->nrels; i++)
		if (strcmp(b->rels[i].id, id) == 0)
			return &b->rels[i];
	return NULL;
}

/* --- xlsx: workbook, styles, shared strings ----------------------------- */

static void
add_sheet(struct book *b, const char *name, const char *rid, int hidden)
{
	struct book_sheet *s;

	rs_grow(&b->sheets, &b->cap_sheets, b->nsheets + 1,
	    sizeof(*b->sheets));
	s = &b->sheets[b->nsheets++];
	s->name = rs_pool_strdup(&b->pool, name);
	s->rid = rid != NULL ? rs_pool_strdup(&b->pool, rid) : NULL;
	s->hidden = hidden;
}

static void
workbook_start(struct book *b, const char *ns, const char *local,
    const char **atts)
{
	const char *name, *rid, *state;

	if (!ns_main(ns)) {
		skip(b);
		return;
	}
	if (b->depth == 1) {
		b->root_seen = strcmp(local, "workbook") == 0;
		if (!b->root_seen)
			skip(b);
	} else if (strcmp(local, "workbookPr") == 0) {
		b->date1904 = is_true(attr(atts, NULL, "date1904"));
	} else if (strcmp(local, "sheet") == 0) {
		name = attr(atts, NULL, "name");
		rid = attr(atts, "relationships", "id");
		state = attr(atts, NULL, "state");
		if (name == NULL || rid == NULL) {
			fail_xml(b, "a sheet lacks its name or r:id");
			return;
		}
		add_sheet(b, name, rid, state != NULL &&
		    (strcmp(state, "hidden") == 0 ||
		    strcmp(state, "veryHidden") == 0));
	}
}

static void
styles_start(struct book *b, const char *ns, const char *local,
    const char **atts)
{
	const char *code;
	long id;

	if (!ns_main(ns)) {
		skip(b);
		return;
	}
	if (strcmp(local, "numFmts") == 0) {
		b->in_numfmts = 1;
	} else if (strcmp(local, "cellXfs") == 0) {
		b->in_cellxfs = 1;
	} else if (b->in_numfmts && strcmp(local, "numFmt") == 0) {
		id = whole(attr(atts, NULL, "numFmtId"), 1L << 30);
		code = attr(atts, NULL, "formatCode");
		if (id < 0 || code == NULL)
			return;
		rs_grow(&b->fmt_id, &b->cap_fmts, b->nfmts + 1,
		    sizeof(*b->fmt_id));
		b->fmt_class = rs_realloc(b->fmt_class, b->cap_fmts);
		b->fmt_id[b->nfmts] = id;
		b->fmt_class[b->nfmts++] = (unsigned char)format_class(code);
	} else if (b->in_cellxfs && strcmp(local, "xf") == 0) {
		const char *v = attr(atts, NULL, "numFmtId");
		size_t i;
		int cls;

		id = v != NULL ? whole(v, 1L << 30) : 0;
		cls = builtin_class(id);
		for (i = 0; i < b->nfmts; i++)
			if (b->fmt_id[i] == id)
				cls = b->fmt_class[i];
		if (b->nxf >= b->lim.max_cells) {
			fail_xml(b, "more than %zu cell formats",
			    b->lim.max_cells);
			return;
		}
		rs_grow(&b->xf_class, &b->cap_xf, b->nxf + 1, 1);
		b->xf_class[b->nxf++] = (unsigned char)cls;
	}
}

static void
styles_end(struct book *b, const char *ns, const char *local)
{
	(void)ns;
	if (strcmp(local, "numFmts") == 0)
		b->in_numfmts = 0;
	else if (strcmp(local, "cellXfs") == 0)
		b->in_cellxfs = 0;
}

static void
sst_start(struct book *b, const char *ns, const char *local,
    const char **atts)
{
	(void)atts;
	if (!ns_main(ns) || strcmp(local, "rPh") == 0 ||
	    strcmp(local, "phoneticPr") == 0 || strcmp(local, "extLst") == 0) {
		skip(b);
		return;
	}
	if (strcmp(local, "si") == 0) {
		b->in_si = 1;
		text_reset(b);
	} else if (b->in_si && strcmp(local, "t") == 0) {
		b->collect = 1;
	}
}

static void
sst_end(struct book *b, const char *ns, const char *local)
{
	(void)ns;
	if (strcmp(local, "t") == 0) {
		b->collect = 0;
	} else if (strcmp(local, "si") == 0 && b->in_si) {
		b->in_si = 0;
		if (b->text_over) {
			fail_xml(b, "shared string %zu is longer than 1 MiB",
			    b->nsst);
			return;
		}
		if (b->nsst >= b->lim.max_cells) {
			fail_xml(b, "more than %zu shared strings",
			    b->lim.max_cells);
			return;
		}
		rs_grow(&b->sst, &b->cap_sst, b->nsst + 1, sizeof(*b->sst));
		b->sst_len = rs_realloc(b->sst_len, b->cap_sst *
		    sizeof(*b->sst_len));
		b->tlen = b->tlen > 0 ? unescape_x(b->text, b->tlen) : 0;
		b->sst[b->nsst] = pool_text(b, b->tlen > 0 ? b->text : "",
		    b->tlen);
		b->sst_len[b->nsst++] = (uint32_t)b->tlen;
	}
}

/* --- xlsx: a worksheet ------------------------------------------------- */

static void
sheet_start(struct book *b, const char *ns, const char *local,
    const char **atts)
{
	const char *v;
	long r;

	if (!ns_main(ns) || strcmp(local, "extLst") == 0 ||
	    strcmp(local, "rPh") == 0 || strcmp(local, "phoneticPr") == 0) {
		skip(b);
		return;
	}
	if (b->depth == 1) {
		if (strcmp(local, "worksheet") != 0)
			fail_xml(b, "%s is not a worksheet (its root is <%s>)",
			    b->part, local);
		return;
	}
	if (strcmp(local, "sheetData") == 0)
		b->in_data = 1;
	if (!b->in_data || strcmp(local, "sheetData") == 0)
		return;
	if (strcmp(local, "row") == 0) {
		v = attr(atts, NULL, "r");
		r = v != NULL ? whole(v, RS_SHEET_MAX_ROWS) : b->row + 1;
		if (r < 1 || r > RS_SHEET_MAX_ROWS) {
			fail_xml(b, "row number \"%.20s\" is not from 1 to %ld",
			    v != NULL ? v : "", RS_SHEET_MAX_ROWS);
			return;
		}
		b->row = r;
		b->col = 0;
		return;
	}
	if (strcmp(local, "c") == 0) {
		memset(&b->xc, 0, sizeof(b->xc));
		v = attr(atts, NULL, "r");
		if (v != NULL) {
			if (!cell_ref(v, &b->xc.row, &b->xc.col)) {
				fail_xml(b, "bad cell reference \"%.20s\"", v);
				return;
			}
		} else {
			if (b->row == 0)
				b->row = 1;
			b->xc.row = b->row;
			b->xc.col = b->col + 1;
			if (b->xc.col > RS_SHEET_MAX_COLS) {
				fail_xml(b, "more than %ld columns",
				    RS_SHEET_MAX_COLS);
				return;
			}
		}
		b->col = b->xc.col;
		v = attr(atts, NULL, "t");
		snprintf(b->xc.type, sizeof(b->xc.type), "%s",
		    v != NULL && strcmp(v, "n") != 0 ? v : "");
		v = attr(atts, NULL, "s");
		b->xc.style = v != NULL ? whole(v, 1L << 30) : 0;
		b->in_cell = 1;
		b->vlen = 0;
		text_reset(b);
		return;
	}
	if (!b->in_cell)
		return;
	if (strcmp(local, "v") == 0) {
		b->xc.has_v = 1;
		b->in_v = 1;
		b->collect = 1;
	} else if (strcmp(local, "f") == 0) {
		b->xc.has_f = 1;
	} else if (strcmp(local, "is") == 0) {
		b->in_is = 1;
	} else if (b->in_is && strcmp(local, "t") == 0) {
		b->collect = 1;
	}
}

/* The number in <v>, or an error at the cell. */
static int
cell_number(struct book *b, double *v)
{
	const char *why;
	char q[RS_QUOTE_SIZE];

	if (rs_number_parse(b->val, b->vlen, v, &why) == RS_NUMBER_OK)
		return 0;
	return fail_cell(b, b->xc.row, b->xc.col, "cell value \"%s\" is not "
	    "a number", rs_text_quote(q, b->val, b->vlen));
}

/* The class of the cell's number format. */
static int
cell_class(const struct book *b)
{
	if (b->xc.style < 0 || (size_t)b->xc.style >= b->nxf)
		return FMT_PLAIN;
	return b->xf_class[b->xc.style];
}

/* Keep the cell just read. */
static void
sheet_cell(struct book *b)
{
	struct rs_cell c;
	const char *t = b->xc.type;
	char q[RS_QUOTE_SIZE], date[64];
	long k, y;

	memset(&c, 0, sizeof(c));
	c.row = (uint32_t)b->xc.row;
	c.col = (uint32_t)b->xc.col;
	if (b->text_over) {
		fail_cell(b, b->xc.row, b->xc.col, "text longer than 1 MiB");
		return;
	}
	if (strcmp(t, "inlineStr") == 0) {
		b->tlen = b->tlen > 0 ? unescape_x(b->text, b->tlen) : 0;
		if (b->tlen == 0)
			return;
		c.kind = RS_CELL_TEXT;
		c.text = pool_text(b, b->text, b->tlen);
		c.len = (uint32_t)b->tlen;
	} else if (!b->xc.has_v) {
		if (!b->xc.has_f)
			return;		/* a cell with a style alone */
		c.kind = RS_CELL_NOVALUE;
	} else if (b->vlen == 0) {
		/* openpyxl writes <v></v> for a formula it cannot compute. */
		if (!b->xc.has_f || strcmp(t, "str") == 0)
			return;		/* an empty result */
		c.kind = RS_CELL_NOVALUE;
	} else if (strcmp(t, "s") == 0) {
		k = whole(b->val, 1L << 30);
		if (k < 0 || (size_t)k >= b->nsst) {
			fail_cell(b, b->xc.row, b->xc.col, "shared string "
			    "\"%s\" does not exist (the workbook has %zu)",
			    rs_text_quote(q, b->val, b->vlen), b->nsst);
			return;
		}
		if (b->sst_len[k] == 0)
			return;
		c.kind = RS_CELL_TEXT;
		c.text = b->sst[k];
		c.len = b->sst_len[k];
	} else if (strcmp(t, "str") == 0 || strcmp(t, "e") == 0) {
		b->vlen = unescape_x(b->val, b->vlen);
		c.kind = t[0] == 'e' ? RS_CELL_ERROR : RS_CELL_TEXT;
		c.text = pool_text(b, b->val, b->vlen);
		c.len = (uint32_t)b->vlen;
		if (c.len == 0)
			return;
	} else if (strcmp(t, "b") == 0) {
		if (strcmp(b->val, "1") != 0 && strcmp(b->val, "0") != 0 &&
		    strcmp(b->val, "true") != 0 && strcmp(b->val, "false") != 0) {
			fail_cell(b, b->xc.row, b->xc.col, "boolean cell holds "
			    "\"%s\", not 0 or 1", rs_text_quote(q, b->val,
			    b->vlen));
			return;
		}
		c.kind = RS_CELL_BOOL;
		c.num = b->val[0] == '1' || b->val[0] == 't' ? 1 : 0;
	} else if (strcmp(t, "d") == 0) {
		if ((y = iso_date(b->val, date, sizeof(date))) == 0) {
			fail_cell(b, b->xc.row, b->xc.col, "date cell holds "
			    "\"%s\", not an ISO 8601 date", rs_text_quote(q,
			    b->val, b->vlen));
			return;
		}
		c.kind = RS_CELL_DATE;
		c.num = (double)y;
		c.text = pool_text(b, date, strlen(date));
		c.len = (uint32_t)strlen(date);
	} else if (t[0] == '\0') {
		if (cell_number(b, &c.num) != 0)
			return;
		c.kind = RS_CELL_NUMBER;
		switch (cell_class(b)) {
		case FMT_DATE:
			y = serial_date(c.num, b->date1904, date, sizeof(date));
			if (y == 0)
				break;
			c.kind = RS_CELL_DATE;
			c.num = y > 0 ? (double)y : (double)NAN;
			c.text = pool_text(b, date, strlen(date));
			c.len = (uint32_t)strlen(date);
			break;
		case FMT_PERCENT:
			c.percent = 1;
			break;
		default:
			break;
		}
	} else {
		fail_cell(b, b->xc.row, b->xc.col, "unknown cell type "
		    "t=\"%s\"", rs_text_quote(q, t, strlen(t)));
		return;
	}
	if (room(b, 1) != 0)
		return;
	b->sh->cells[b->sh->ncells++] = c;
}

static void
sheet_end(struct book *b, const char *ns, const char *local)
{
	(void)ns;
	if (!b->in_data)
		return;
	if (strcmp(local, "sheetData") == 0) {
		b->in_data = 0;
		b->done = 1;		/* nothing after it is needed */
		stop(b);
	} else if (strcmp(local, "c") == 0 && b->in_cell) {
		b->in_cell = 0;
		b->collect = 0;
		sheet_cell(b);
	} else if (strcmp(local, "v") == 0) {
		b->in_v = 0;
		b->collect = 0;
	} else if (strcmp(local, "is") == 0) {
		b->in_is = 0;
	} else if (strcmp(local, "t") == 0) {
		b->collect = 0;
	}
}

/* --- choosing the sheet ------------------------------------------------ */

/* Quote a sheet name as Excel does in a reference when it must. */
static void
set_label(struct book *b, const char *name)
{
	size_t n = strlen(name), i, o = 0;
	char *buf = rs_malloc(strlen(b->path) + 2 * n + 4);
	int quote = n == 0 || (name[0] >= '0' && name[0] <= '9');

	for (i = 0; i < n && !quote; i++) {
		unsigned char c = (unsigned char)name[i];

		quote = c < 0x80 && !((c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '.');
	}
	o = (size_t)sprintf(buf, "%s:", b->path);
	if (quote)
		buf[o++] = '\'';
	for (i = 0; i < n; i++) {
		if (quote && name[i] == '\'')
			buf[o++] = '\'';
		buf[o++] = name[i];
	}
	if (quote)
		buf[o++] = '\'';
	buf[o] = '\0';
	b->sh->name = rs_pool_strdup(&b->sh->pool, name);
	b->sh->label = rs_pool_strdup(&b->sh->pool, buf);
	free(buf);
}

/* No sheet of that name: say which there are. */
static int
no_such_sheet(struct book *b, const char *name)
{
	char list[300] = "", q[RS_QUOTE_SIZE];
	size_t i, n = 0;

	for (i = 0; i < b->nsheets; i++) {
		rs_text_quote(q, b->sheets[i].name, strlen(b->sheets[i].name));
		if (n + strlen(q) + 8 >= sizeof(list)) {
			snprintf(list + n, sizeof(list) - n, ", ...");
			break;
		}
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s\"%s\"",
		    i > 0 ? ", " : "", q);
	}
	rs_text_quote(q, name, strlen(name));
	if (b->nsheets == 0)
		return fail(b, "no sheet \"%s\": the workbook has no sheet", q);
	return fail(b, "no sheet \"%s\" in the workbook (its sheets: %s)", q,
	    list);
}

/* --- xlsx -------------------------------------------------------------- */

static int
read_xlsx(struct book *b)
{
	const char *wb, *styles, *strings;
	const struct book_sheet *pick = NULL;
	const struct rel *rel;
	const char *wb_part;
	size_t i;
	int rc;

	b->sh->kind = RS_SHEET_XLSX;
	if ((rc = read_rels(b, NULL)) == ABSENT)
		wb = "xl/workbook.xml";		/* no package relationships */
	else if (rc != 0)
		return rc;
	else if ((wb = rel_of_type(b, "/officeDocument")) == NULL)
		return fail(b, "_rels/.rels names no workbook part (no "
		    "officeDocument relationship)");
	wb_part = wb;
	b->start = workbook_start;
	b->end = rels_end;
	if ((rc = parse_part(b, wb_part, 1)) != 0)
		return rc;
	if (!b->root_seen)
		return fail(b, "%s is not a workbook: the file is not an "
		    ".xlsx spreadsheet", wb_part);
	if (b->nsheets == 0)
		return fail(b, "the workbook has no sheet");
	for (i = 0; i < b->nsheets && pick == NULL; i++)
		if (b->want != NULL ? ascii_case_eq(b->sheets[i].name, b->want) :
		    !b->sheets[i].hidden)
			pick = &b->sheets[i];
	for (i = 0; i < b->nsheets && pick == NULL && b->prefer; i++)
		if (!b->sheets[i].hidden)
			pick = &b->sheets[i];
	if (pick == NULL && b->want != NULL && !b->prefer)
		return no_such_sheet(b, b->want);
	if (pick == NULL)
		pick = &b->sheets[0];	/* every sheet hidden */
	set_label(b, pick->name);
	if ((rc = read_rels(b, wb_part)) != 0)
		return rc == ABSENT ? fail(b, "missing part %s_rels/%s.rels: the "
		    "workbook's sheets cannot be found", folder(b, wb_part),
		    wb_part + strlen(folder(b, wb_part))) : rc;
	rel = rel_of_id(b, pick->rid);
	if (rel == NULL)
		return fail(b, "sheet \"%s\" has no relationship \"%s\" in "
		    "the workbook's relationships", pick->name, pick->rid);
	if (!ns_is(rel->type, "/worksheet"))
		return fail(b, "sheet \"%s\" is not a worksheet (a chart "
		    "sheet?)", pick->name);
	styles = rel_of_type(b, "/styles");
	strings = rel_of_type(b, "/sharedStrings");
	b->rels_base = NULL;
	if (styles != NULL) {
		b->start = styles_start;
		b->end = styles_end;
		if ((rc = parse_part(b, styles, 1)) != 0)
			return rc;
	}
	if (strings != NULL) {
		b->start = sst_start;
		b->end = sst_end;
		if ((rc = parse_part(b, strings, 1)) != 0)
			return rc;
	}
	b->start = sheet_start;
	b->end = sheet_end;
	if ((rc = parse_part(b, rel->target, 1)) != 0)
		return rc;
	return finish_grid(b);
}

/* --- ods --------------------------------------------------------------- */

#define ODS_OFFICE ":office:1.0"
#define ODS_TABLE ":table:1.0"
#define ODS_TEXT ":text:1.0"

/* Whole rows and columns counted past the sheet's edge stay there. */
#define ODS_FAR (RS_SHEET_MAX_ROWS * 2)

static void
ods_cell_start(struct book *b, const char **atts)
{
	const char *type, *v, *rep;
	struct ocell *oc = &b->oc;

	free(oc->value);
	memset(oc, 0, sizeof(*oc));
	rep = attr(atts, ODS_TABLE, "number-columns-repeated");
	if ((oc->repeat = repeat_count(rep, ODS_FAR)) < 0) {
		fail_xml(b, "number-columns-repeated \"%.20s\" is not a whole "
		    "number from 1", rep);
		return;
	}
	b->cell_depth = b->depth;
	text_reset(b);
	b->collect = 0;
	oc->formula = attr(atts, ODS_TABLE, "formula") != NULL;
	v = attr(atts, ":calcext:1.0", "value-type");
	oc->error = v != NULL && strcmp(v, "error") == 0;
	type = attr(atts, ODS_OFFICE, "value-type");
	if (type == NULL)
		return;
	if (strcmp(type, "float") == 0 || strcmp(type, "currency") == 0 ||
	    strcmp(type, "percentage") == 0) {
		oc->kind = RS_CELL_NUMBER;
		oc->percent = type[0] == 'p';
		v = attr(atts, ODS_OFFICE, "value");
	} else if (strcmp(type, "date") == 0) {
		oc->kind = RS_CELL_DATE;
		v = attr(atts, ODS_OFFICE, "date-value");
	} else if (strcmp(type, "boolean") == 0) {
		oc->kind = RS_CELL_BOOL;
		v = attr(atts, ODS_OFFICE, "boolean-value");
	} else {
		/* string, time, and whatever else: the text shown */
		oc->kind = RS_CELL_TEXT;
		v = strcmp(type, "string") == 0 ? attr(atts, ODS_OFFICE,
		    "string-value") : NULL;
		oc->string_attr = v != NULL;
	}
	if (v != NULL)
		oc->value = rs_strdup(v);
	else if (oc->kind != RS_CELL_TEXT) {
		fail_xml(b, "a cell of value type \"%.20s\" lacks its value",
		    type);
	}
}

/* The cell just read, or an error; 0 with c->kind 0 for an empty one. */
static int
ods_cell_value(struct book *b, long col, struct rs_cell *c)
{
	struct ocell *oc = &b->oc;
	const char *why;
	char q[RS_QUOTE_SIZE], date[64];
	long row = b->orow + 1, y;

	memset(c, 0, sizeof(*c));
	if (b->text_over)
		return fail_cell(b, row, col, "text longer than 1 MiB");
	if (oc->error && b->tlen > 0) {
		c->kind = RS_CELL_ERROR;
		c->text = pool_text(b, b->text, b->tlen);
		c->len = (uint32_t)b->tlen;
		return 0;
	}
	switch (oc->kind) {
	case RS_CELL_NUMBER:
		if (rs_number_parse(oc->value, strlen(oc->value), &c->num,
		    &why) != RS_NUMBER_OK)
			return fail_cell(b, row, col, "cell value \"%s\" is "
			    "not a number", rs_text_quote(q, oc->value,
			    strlen(oc->value)));
		c->percent = (unsigned char)oc->percent;
		break;
	case RS_CELL_BOOL:
		if (strcmp(oc->value, "true") != 0 &&
		    strcmp(oc->value, "false") != 0)
			return fail_cell(b, row, col, "boolean cell holds "
			    "\"%s\", not true or false", rs_text_quote(q,
			    oc->value, strlen(oc->value)));
		c->num = oc->value[0] == 't';
		break;
	case RS_CELL_DATE:
		if ((y = iso_date(oc->value, date, sizeof(date))) == 0)
			return fail_cell(b, row, col, "date cell holds \"%s\", "
			    "not an ISO 8601 date", rs_text_quote(q, oc->value,
			    strlen(oc->value)));
		c->num = (double)y;
		c->text = pool_text(b, date, strlen(date));
		c->len = (uint32_t)strlen(date);
		break;
	default:
		if (oc->string_attr) {
			text_reset(b);
			text_add(b, oc->value, strlen(oc->value));
		}
		if (b->tlen == 0) {
			if (oc->formula && oc->kind == 0)
				c->kind = RS_CELL_NOVALUE;
			return 0;
		}
		c->kind = RS_CELL_TEXT;
		c->text = pool_text(b, b->text, b->tlen);
		c->len = (uint32_t)b->tlen;
		return 0;
	}
	c->kind = (unsigned char)oc->kind;
	return 0;
}

static void
ods_cell_end(struct book *b)
{
	struct rs_cell c;
	long k;

	b->cell_depth = 0;
	b->collect = 0;
	if (ods_cell_value(b, b->ocol + 1, &c) != 0)
		return;
	if (c.kind != 0) {
		if (b->ocol + b->oc.repeat > RS_SHEET_MAX_COLS) {
			fail_cell(b, b->orow + 1, b->ocol + 1 <
			    RS_SHEET_MAX_COLS ? RS_SHEET_MAX_COLS : b->ocol + 1,
			    "the sheet has more than %ld columns",
			    RS_SHEET_MAX_COLS);
			return;
		}
		if (b->nrowcells + (size_t)b->oc.repeat > b->lim.max_cells ||
		    b->sh->ncells > b->lim.max_cells - b->nrowcells -
		    (size_t)b->oc.repeat) {
			room(b, b->lim.max_cells + 1);
			return;
		}
		rs_grow(&b->rowcells, &b->cap_rowcells, b->nrowcells +
		    (size_t)b->oc.repeat, sizeof(*b->rowcells));
		for (k = 0; k < b->oc.repeat; k++) {
			c.col = (uint32_t)(b->ocol + 1 + k);
			b->rowcells[b->nrowcells++] = c;
		}
	}
	b->ocol += b->oc.repeat;
	if (b->ocol > ODS_FAR)
		b->ocol = ODS_FAR;
}

static void
ods_row_end(struct book *b)
{
	uint64_t total;
	size_t i;
	long k;

	if (b->nrowcells > 0) {
		if (b->orow + b->row_repeat > RS_SHEET_MAX_ROWS) {
			fail_cell(b, b->orow + 1 <= RS_SHEET_MAX_ROWS ?
			    RS_SHEET_MAX_ROWS : b->orow + 1, 0, "the sheet has "
			    "more than %ld rows", RS_SHEET_MAX_ROWS);
			return;
		}
		total = (uint64_t)b->nrowcells * (uint64_t)b->row_repeat;
		if (total > (uint64_t)(b->lim.max_cells - b->sh->ncells)) {
			room(b, b->lim.max_cells + 1);
			return;
		}
		if (room(b, (size_t)total) != 0)
			return;
		for (k = 0; k < b->row_repeat; k++)
			for (i = 0; i < b->nrowcells; i++) {
				struct rs_cell *c =
				    &b->sh->cells[b->sh->ncells++];

				*c = b->rowcells[i];
				c->row = (uint32_t)(b->orow + 1 + k);
			}
	}
	b->nrowcells = 0;
	b->orow += b->row_repeat;
	if (b->orow > ODS_FAR)
		b->orow = ODS_FAR;
}

static void
ods_start(struct book *b, const char *ns, const char *local,
    const char **atts)
{
	const char *name, *rep;

	if (b->cell_depth != 0) {
		/* Inside a cell: paragraphs and what they hold. */
		if (ns_is(ns, ODS_TEXT) && (strcmp(local, "p") == 0 ||
		    strcmp(local, "h") == 0) && b->depth == b->cell_depth + 1) {
			if (b->oc.paragraphs++ > 0)
				text_add(b, "\n", 1);
			b->p_depth = b->depth;
			b->collect = 1;
		} else if (b->p_depth == 0 || !ns_is(ns, ODS_TEXT) ||
		    strcmp(local, "note") == 0) {
			/* office:annotation, drawings, notes: not the text */
			skip(b);
		} else if (strcmp(local, "s") == 0) {
			text_spaces(b, repeat_count(attr(atts, ODS_TEXT, "c"),
			    (long)RS_SHEET_MAX_TEXT + 1));
		} else if (strcmp(local, "tab") == 0) {
			text_add(b, "\t", 1);
		} else if (strcmp(local, "line-break") == 0) {
			text_add(b, "\n", 1);
		}
		return;
	}
	if (b->depth == 1) {
		if (!ns_is(ns, ODS_OFFICE) || strcmp(local,
		    "document-content") != 0) {
			fail_xml(b, "content.xml is not an OpenDocument "
			    "document (its root is <%s>)", local);
		}
		return;
	}
	if (b->target_depth == 0) {
		if (ns_is(ns, ODS_OFFICE) && strcmp(local, "spreadsheet") == 0) {
			b->in_sheets = b->depth;
			b->root_seen = 1;
		} else if (b->in_sheets != 0 && b->depth == b->in_sheets + 1 &&
		    ns_is(ns, ODS_TABLE) && strcmp(local, "table") == 0) {
			name = attr(atts, ODS_TABLE, "name");
			add_sheet(b, name != NULL ? name : "", NULL, 0);
			if (b->found || (b->want != NULL && (name == NULL ||
			    !ascii_case_eq(name, b->want)))) {
				skip(b);
				return;
			}
			set_label(b, name != NULL ? name : "");
			b->target_depth = b->depth;
			b->orow = 0;
		} else if (b->in_sheets != 0 || !(ns_is(ns, ODS_OFFICE) &&
		    strcmp(local, "body") == 0)) {
			skip(b);
		}
		return;
	}
	/* Inside the table read: rows, cells and their groups. */
	if (!ns_is(ns, ODS_TABLE) || (strcmp(local, "table-row") != 0 &&
	    strcmp(local, "table-cell") != 0 &&
	    strcmp(local, "covered-table-cell") != 0 &&
	    strcmp(local, "table-header-rows") != 0 &&
	    strcmp(local, "table-row-group") != 0 &&
	    strcmp(local, "table-rows") != 0)) {
		skip(b);	/* columns, shapes, named ranges, ... */
	} else if (strcmp(local, "table-row") == 0) {
		rep = attr(atts, ODS_TABLE, "number-rows-repeated");
		if ((b->row_repeat = repeat_count(rep, ODS_FAR)) < 0) {
			fail_xml(b, "number-rows-repeated \"%.20s\" is not a "
			    "whole number from 1", rep);
			return;
		}
		b->ocol = 0;
		b->nrowcells = 0;
	} else if (strcmp(local, "table-cell") == 0 ||
	    strcmp(local, "covered-table-cell") == 0) {
		ods_cell_start(b, atts);
	}
}

static void
ods_end(struct book *b, const char *ns, const char *local)
{
	if (b->cell_depth != 0) {
		if (b->depth == b->cell_depth) {
			ods_cell_end(b);
		} else if (b->depth == b->p_depth) {
			b->p_depth = 0;
			b->collect = 0;
		}
		return;
	}
	if (b->target_depth == 0 || !ns_is(ns, ODS_TABLE))
		return;
	if (b->depth == b->target_depth) {
		b->target_depth = 0;
		b->found = 1;
		b->done = 1;		/* the rest is not needed */
		stop(b);
	} else if (strcmp(local, "table-row") == 0) {
		ods_row_end(b);
	}
}

static int
read_ods(struct book *b)
{
	char mime[128];
	long n = 0;
	int rc, code;

	b->sh->kind = RS_SHEET_ODS;
	if (open_part(&b->src, "mimetype", 0) == 0) {
		n = read_part(&b->src, mime, sizeof(mime) - 1, &code);
		close_part(&b->src);
		mime[n > 0 ? n : 0] = '\0';
		if (n > 0 && strncmp(mime, "application/vnd.oasis."
		    "opendocument.spreadsheet", 46) != 0) {
			char q[RS_QUOTE_SIZE];

			return fail(b, "the OpenDocument file is \"%s\", not a "
			    "spreadsheet", rs_text_quote(q, mime,
			    strlen(mime)));
		}
	}
	b->start = ods_start;
	b->end = ods_end;
	if ((rc = parse_part(b, "content.xml", 1)) != 0)
		return rc;
	if (!b->found && b->want != NULL && b->prefer && b->root_seen) {
		/* Not there: the first table, from the top again. */
		b->want = NULL;
		b->nsheets = 0;
		b->in_sheets = 0;
		b->root_seen = 0;
		if ((rc = parse_part(b, "content.xml", 1)) != 0)
			return rc;
	}
	if (!b->root_seen)
		return fail(b, "content.xml holds no spreadsheet: the file is "
		    "not an .ods spreadsheet");
	if (!b->found && b->want != NULL)
		return no_such_sheet(b, b->want);
	if (!b->found)
		return fail(b, "the workbook has no sheet");
	return finish_grid(b);
}

/* --- the entry point --------------------------------------------------- */

void
rs_sheet_init(struct rs_sheet *sh)
{
	memset(sh, 0, sizeof(*sh));
	rs_pool_init(&sh->pool);
	sh->path = sh->name = sh->label = "";
}

void
rs_sheet_release(struct rs_sheet *sh)
{
	free(sh->cells);
	rs_pool_release(&sh->pool);
	rs_sheet_init(sh);
}

int
rs_sheet_is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

/* Which format the archive holds, by the parts it has. */
static int
detect(const struct source *src)
{
	if (has_part(src, "xl/workbook.xml", 1) ||
	    has_part(src, "[Content_Types].xml", 1))
		return RS_SHEET_XLSX;
	if (has_part(src, "content.xml", 0) || has_part(src, "mimetype", 0))
		return RS_SHEET_ODS;
	return RS_SHEET_ANY;
}

/* Start reading: b->sh, err, the name asked for, the limits. */
static void
book_init(struct book *b, struct rs_sheet *sh, const char *path, int kind,
    const char *name, const struct rs_sheet_limits *lim,
    struct rs_error *err)
{
	rs_sheet_release(sh);
	memset(b, 0, sizeof(*b));
	b->sh = sh;
	b->err = err;
	sh->path = rs_pool_strdup(&sh->pool, path);
	sh->label = sh->path;
	b->path = sh->path;
	b->want = name;
	b->prefer = (kind & RS_SHEET_PREFER) != 0;
	b->lim.max_xml = lim != NULL ? lim->max_xml : RS_SHEET_MAX_XML;
	b->lim.max_cells = lim != NULL ? lim->max_cells : RS_SHEET_MAX_CELLS;
	rs_pool_init(&b->pool);
}

/* Read the workbook whose parts b->src gives, then free b. */
static int
read_book(struct book *b, int kind)
{
	int found = detect(&b->src), rc;

	if (found == RS_SHEET_ANY)
		rc = fail(b, "ZIP archive is neither an .xlsx nor an .ods "
		    "spreadsheet (it has no xl/workbook.xml or content.xml)");
	else if (kind != RS_SHEET_ANY && found != kind)
		rc = fail(b, "file is an %s spreadsheet, not %s", found ==
		    RS_SHEET_ODS ? ".ods" : ".xlsx", kind == RS_SHEET_ODS ?
		    ".ods" : ".xlsx");
	else
		rc = found == RS_SHEET_ODS ? read_ods(b) : read_xlsx(b);
	free(b->text);
	free(b->val);
	free(b->rels);
	free(b->sheets);
	free(b->fmt_id);
	free(b->fmt_class);
	free(b->xf_class);
	free(b->sst);
	free(b->sst_len);
	free(b->oc.value);
	free(b->rowcells);
	rs_pool_release(&b->pool);
	return rc;
}

int
rs_sheet_read_parts(struct rs_sheet *sh, const char *path,
    const struct rs_sheet_part *parts, size_t nparts, int kind,
    const char *name, const struct rs_sheet_limits *lim,
    struct rs_error *err)
{
	struct book b;

	book_init(&b, sh, path, kind, name, lim, err);
	b.src.parts = parts;
	b.src.nparts = nparts;
	return read_book(&b, kind & ~RS_SHEET_PREFER);
}

int
rs_sheet_read(struct rs_sheet *sh, const char *path, const char *data,
    size_t len, int kind, const char *name,
    const struct rs_sheet_limits *lim, struct rs_error *err)
{
	struct book b;
	zip_source_t *src;
	zip_error_t ze;
	int code, rc;

	book_init(&b, sh, path, kind, name, lim, err);
	kind &= ~RS_SHEET_PREFER;
	if (!rs_sheet_is_zip(data, len)) {
		rs_pool_release(&b.pool);
		return rs_error_set(err, RS_EINPUT, path, 1, 1, "file is not "
		    "a ZIP archive, so not an %s spreadsheet", kind ==
		    RS_SHEET_ODS ? ".ods" : ".xlsx");
	}
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src == NULL)
		rs_mem_oom();	/* its only failure with a buffer */
	b.src.za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (b.src.za == NULL) {
		code = zip_error_code_zip(&ze);
		zip_source_free(src);
		zip_error_fini(&ze);
		rs_pool_release(&b.pool);
		return rs_error_set(err, RS_EINPUT, path, 1, 1, "corrupt ZIP "
		    "archive: %s", code == ZIP_ER_NOZIP ? "its directory is "
		    "missing (a truncated file?)" : zip_why(code));
	}
	zip_error_fini(&ze);
	rc = read_book(&b, kind);
	zip_discard(b.src.za);
	return rc;
}

void
rs_sheet_locate(const struct rs_sheet *sh, struct rs_error *err)
{
	if (err != NULL && err->code != RS_OK && err->line > 0 &&
	    strcmp(err->path, sh->label) == 0)
		err->cell = 1;
}

char *
rs_sheet_number_text(char *buf, double v)
{
	locale_t old = rs_c_locale_push();
	int digits;
	char *end;

	double back;

	for (digits = 15; digits <= 17; digits++) {
		snprintf(buf, 32, "%.*g", digits, v);
		back = strtod(buf, &end);
		if (!(back < v || back > v))
			break;
	}
	rs_c_locale_pop(old);
	return buf;
}

char *
rs_sheet_percent_text(char *buf, double v)
{
	char num[32], dig[32] = "", *end;
	const char *p = rs_sheet_number_text(num, v);
	long point = -1, nd = 0, first = 0, k, o = 0;

	if (*p == '-') {
		buf[o++] = '-';
		p++;
	}
	for (; *p != '\0' && *p != 'e' && nd < 30; p++) {
		if (*p == '.')
			point = nd;
		else
			dig[nd++] = *p;
	}
	if (point < 0)
		point = nd;
	if (*p == 'e')
		point += strtol(p + 1, &end, 10);
	point += 2;
	while (first < nd - 1 && dig[first] == '0') {
		first++;
		point--;
	}
	while (nd > first + 1 && dig[nd - 1] == '0')
		nd--;
	memmove(dig, dig + first, (size_t)(nd - first));
	nd -= first;
	if (nd == 0 || (nd == 1 && dig[0] == '0')) {
		snprintf(buf, 48, "0");
	} else if (point > 21 || point < -6) {
		buf[o++] = dig[0];
		if (nd > 1)
			buf[o++] = '.';
		for (k = 1; k < nd; k++)
			buf[o++] = dig[k];
		snprintf(buf + o, (size_t)(48 - o), "e%ld", point - 1);
	} else if (point <= 0) {
		buf[o++] = '0';
		buf[o++] = '.';
		for (k = point; k < 0; k++)
			buf[o++] = '0';
		for (k = 0; k < nd; k++)
			buf[o++] = dig[k];
		buf[o] = '\0';
	} else {
		for (k = 0; k < nd || k < point; k++) {
			if (k == point)
				buf[o++] = '.';
			buf[o++] = k < nd ? dig[k] : '0';
		}
		buf[o] = '\0';
	}
	return buf;
}

const char *
rs_sheet_zip_version(void)
{
	return zip_libzip_version();
}

const char *
rs_sheet_expat_version(void)
{
	/* "expat_2.5.0": the number after the underscore */
	const char *v = XML_ExpatVersion(), *u = strchr(v, '_');

	return u != NULL ? u + 1 : v;
}
