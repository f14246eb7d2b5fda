/*
 * csv_writer.h - writing CSV records through libcsv
 */
#ifndef RS_CSV_WRITER_H
#define RS_CSV_WRITER_H

#include <stddef.h>
#include <stdio.h>

/*
 * Write the n fields as one CSV record ending in "\n".  Every field is
 * quoted, with its quotes doubled (libcsv's csv_fwrite).  A field a
 * spreadsheet would read as a formula (one that begins with = + - @, a
 * tab or a carriage return) gets a leading single quote, so that opening
 * the file cannot run it.  A NULL field is written empty.  Returns 0, or
 * -1 with errno set when out cannot be written.
 */
int rs_csv_write_record(FILE *out, const char *const *fields, size_t n);

/* 1 when s would be neutralised by rs_csv_write_record(), else 0. */
int rs_csv_needs_guard(const char *s);

#endif /* RS_CSV_WRITER_H */
