/*
 * tokenise.c - the baseline of the CSV benchmarks: read a file and
 * tokenise it with libcsv, doing nothing with the fields
 *
 *	tokenise FILE
 *
 * It reads the file whole and feeds libcsv 64 KiB at a time with the
 * options the data reader uses (src/ingest/csv_reader.c), so that it costs what
 * any reader of the file through libcsv must pay.  Prints the number of
 * rows and fields, which keeps the callbacks from being optimised away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#define PIECE 65536

struct counts {
	size_t fields;
	size_t rows;
};

static void
on_field(void *data, size_t len, void *p)
{
	(void)data;
	(void)len;
	((struct counts *)p)->fields++;
}

static void
on_row(int term, void *p)
{
	(void)term;
	((struct counts *)p)->rows++;
}

int
main(int argc, char **argv)
{
	struct csv_parser parser;
	struct counts n = {0, 0};
	char *text = NULL;
	size_t len = 0, off, piece;
	FILE *fp;
	long size;
	int rc = 1;

	if (argc != 2) {
		fputs("usage: tokenise FILE\n", stderr);
		return 2;
	}
	if ((fp = fopen(argv[1], "rb")) == NULL ||
	    fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		perror(argv[1]);
		goto out;
	}
	len = (size_t)size;
	if ((text = malloc(len + 1)) == NULL || fread(text, 1, len, fp) != len) {
		perror(argv[1]);
		goto out;
	}
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0)
		goto out;
	csv_set_blk_size(&parser, PIECE);
	for (off = 0; off < len; off += piece) {
		piece = len - off < PIECE ? len - off : PIECE;
		if (csv_parse(&parser, text + off, piece, on_field, on_row,
		    &n) != piece) {
			fprintf(stderr, "%s: %s\n", argv[1],
			    csv_strerror(csv_error(&parser)));
			csv_free(&parser);
			goto out;
		}
	}
	csv_fini(&parser, on_field, on_row, &n);
	csv_free(&parser);
	printf("%zu rows, %zu fields\n", n.rows, n.fields);
	rc = 0;
out:
	if (fp != NULL)
		fclose(fp);
	free(text);
	return rc;
}
