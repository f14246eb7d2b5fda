/*
 * csv_writer.h - the one CSV writer: every CSV a command writes (reports,
 * pipeline tables, statistics, sensitivity and uncertainty results, the
 * data-collection template) goes through it
 *
 * A text field is quoted as RFC 4180 says (in double quotes, a quote
 * doubled, a line break kept inside the quotes).  A text field that a
 * spreadsheet would read as a formula, one that begins with = + - @, a
 * tab or a carriage return, gets a leading single quote, so that opening
 * the file cannot run it (the OWASP advice on CSV injection).  Numbers and
 * other fields the program itself writes go out bare.  Lines end with LF.
 *
 *	struct rs_csv w;
 *
 *	rs_csv_init(&w, out);
 *	rs_csv_text(&w, city);		"=1+1" is written "'=1+1"
 *	rs_csv_number(&w, score);	exact, empty for NaN
 *	rs_csv_bare(&w, "TRUE");
 *	rs_csv_end(&w);
 */
#ifndef RS_CSV_WRITER_H
#define RS_CSV_WRITER_H

#include <stddef.h>
#include <stdio.h>

/*
 * A record being written: out, the fields written on its line and the
 * bytes not yet handed to out.  A line goes to out in one fwrite() when it
 * ends; a writer begun by rs_csv_init_block() keeps whole lines until its
 * buffer is nearly full, and rs_csv_flush() must end its use.
 */
#define RS_CSV_BUF 16384

struct rs_csv {
	FILE *out;		/* borrowed */
	size_t nfields;		/* fields on the current line */
	size_t len;		/* bytes in buf */
	int block;		/* keep whole lines until buf is nearly full */
	char buf[RS_CSV_BUF];
};

void rs_csv_init(struct rs_csv *w, FILE *out);

/* The same, for many lines: writes a block of lines at a time. */
void rs_csv_init_block(struct rs_csv *w, FILE *out);

/*
 * Hand out what the writer holds.  Returns 0, or -1 when out has failed.
 */
int rs_csv_flush(struct rs_csv *w);

/*
 * n bytes already written as CSV (one field or several, with their
 * commas): a quoted key made once and written on many lines.  nfields is
 * the number of fields they hold.
 */
void rs_csv_raw(struct rs_csv *w, const char *s, size_t n, size_t nfields);

/* A whole number, bare. */
void rs_csv_long(struct rs_csv *w, long v);

/*
 * Write s into dst as rs_csv_text() writes it, with no comma before it;
 * dst has room for rs_csv_quoted_max(s) bytes.  Returns the length (no
 * terminating NUL is written).
 */
size_t rs_csv_quoted(char *dst, const char *s);
size_t rs_csv_quoted_max(const char *s);

/* A text field, quoted and guarded; NULL is an empty, unquoted field. */
void rs_csv_text(struct rs_csv *w, const char *s);

/* A field written as it is: a number or a word the program chose. */
void rs_csv_bare(struct rs_csv *w, const char *s);

/* A number by rs_fmt_exact() (fmt.h): empty for NaN. */
void rs_csv_number(struct rs_csv *w, double v);

/* End the line.  Returns 0, or -1 when out has failed. */
int rs_csv_end(struct rs_csv *w);

/*
 * Write the n fields as one record of text fields, each quoted and
 * guarded, a NULL one as "".  Returns 0, or -1 with errno set when out
 * cannot be written.
 */
int rs_csv_write_record(FILE *out, const char *const *fields, size_t n);

/* 1 when s would get the formula guard, else 0. */
int rs_csv_needs_guard(const char *s);

#endif /* RS_CSV_WRITER_H */
