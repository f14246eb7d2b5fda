/*
 * cmd_import.c - resilience import: a city's national proxies from the
 * World Bank's WDI and WGI files (docs/input.md, "Import")
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/fmt.h"
#include "base/mem.h"
#include "cli/cli.h"
#include "io/csv_table.h"
#include "io/csv_writer.h"
#include "base/text.h"
#include "io/readfile.h"
#include "resilience/import.h"

static const char usage_text[] =
    "usage: resilience import [options] --city NAME --country ISO3 "
    "SOURCE...\n"
    "\n"
    "Write a long city CSV with a value for every indicator of the\n"
    "framework whose \"series\" a SOURCE holds, for the country ISO3, each\n"
    "row citing the database, the series, the file and its release, noted\n"
    "\"national proxy: COUNTRY\".  A SOURCE is a WDI bulk CSV (wide by\n"
    "year), the WGI data file, or a WDI data-package file\n"
    "(indicators/<code>/data.csv, or CODE=FILE).\n"
    "\n"
    "examples:\n"
    "  resilience import --city Beirut --country LBN --from 2015 \\\n"
    "      WDICSV.csv WGIData.csv --output beirut.csv\n"
    "  resilience import --city Beirut --country LBN --merge \\\n"
    "      data/beirut.csv --output beirut-new.csv WDICSV.csv\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON (default: the built-in DPT)\n"
    "  --city NAME           the city (a column of the output)\n"
    "  --country ISO3        the country's code in the files, such as LBN\n"
    "  --from YEAR           no value before YEAR (default: every year)\n"
    "  --to YEAR             no value after YEAR\n"
    "  --release DB=TEXT     cite TEXT as the release of the wdi or wgi\n"
    "                        files (repeatable)\n"
    "  --merge FILE          add to the city file FILE; a value already\n"
    "                        there is kept, and stderr says what was kept\n"
    "                        and what added\n"
    "  --output FILE         write to FILE atomically (default: stdout)\n"
    "  -h, --help            show this help\n";

const struct option cli_import_options[] = {
	{"framework", required_argument, NULL, 'f'},
	{"city", required_argument, NULL, 'c'},
	{"country", required_argument, NULL, 'C'},
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"release", required_argument, NULL, 'r'},
	{"merge", required_argument, NULL, 'm'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* A row of the output: an existing one of --merge, or an imported one. */
struct row {
	size_t order;		/* framework position of its indicator,
				   RS_NONE when the framework has none */
	long year;		/* 0 when the row has no year */
	size_t seq;		/* position in the input, for a stable sort */
	const struct rs_pub *obs;	/* imported value, or NULL */
	size_t mrow;		/* the --merge row, or RS_NONE */
	size_t node;		/* indicator node, for an imported row */
};

static int
row_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;

	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

struct import {
	const struct rs_framework *fw;
	const char *city, *iso3;
	long from, to;
	const char *release[2];		/* by enum rs_series_db */
	struct rs_csv_table merge;	/* --merge, ncols 0 when none */
	size_t col[5];			/* indicator value year source note
					   in merge */
	size_t city_col;		/* "city" in merge, or RS_NONE */
};

/* Year of a --merge row, 0 when it has none or not a year. */
static long
merge_year(const struct import *im, size_t r)
{
	const char *f;
	uint64_t y;

	if (im->col[2] == RS_NONE)
		return 0;
	f = rs_csv_table_get(&im->merge, r, im->col[2]);
	if (rs_uint_parse(f, strlen(f), 1, 9999, &y) != 0)
		return 0;
	return (long)y;
}

static const char *
merge_get(const struct import *im, size_t r, size_t c)
{
	return c == RS_NONE ? "" : rs_csv_table_get(&im->merge, r, c);
}

static size_t
indicator_order(const struct rs_framework *fw, const char *id)
{
	size_t n = rs_framework_find(fw, id, strlen(id));

	return n == RS_NONE ? RS_NONE : fw->nodes[n].indicator;
}

static void
source_text(char *buf, size_t size, const struct import *im,
    const struct rs_pub *o)
{
	const char *rel = im->release[o->db];

	snprintf(buf, size, "World Bank, %s, %s, file %s%s%s",
	    rs_series_db_name(o->db), o->code, o->path,
	    rel != NULL ? ", release " : "", rel != NULL ? rel : "");
}

/*
 * A field of the --merge file as it was: quoted when it holds a comma, a
 * quote or a line break, and never given the formula guard of
 * rs_csv_text() (a value of -0.5 stays a number).
 */
static void
keep_field(struct rs_csv *w, const char *s)
{
	size_t n = strlen(s), i, k = 0;
	char *q;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		rs_csv_raw(w, s, n, 1);
		return;
	}
	q = rs_malloc(2 * n + 3);
	q[k++] = '"';
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			q[k++] = '"';
		q[k++] = s[i];
	}
	q[k++] = '"';
	rs_csv_raw(w, q, k, 1);
	free(q);
}

/* Write an imported row in the columns of the output. */
static void
write_obs(struct rs_csv *w, const struct import *im, const struct row *rw,
    size_t ncols, const char *const *head)
{
	char src[1024], note[512];
	size_t c;

	source_text(src, sizeof(src), im, rw->obs);
	snprintf(note, sizeof(note), "national proxy: %s", rw->obs->country);
	for (c = 0; c < ncols; c++) {
		const char *h = head[c];

		if (strcmp(h, "indicator") == 0)
			rs_csv_text(w, im->fw->nodes[rw->node].id);
		else if (strcmp(h, "value") == 0)
			rs_csv_number(w, rw->obs->value);
		else if (strcmp(h, "year") == 0)
			rs_csv_long(w, rw->obs->year);
		else if (strcmp(h, "source") == 0)
			rs_csv_text(w, src);
		else if (strcmp(h, "note") == 0)
			rs_csv_text(w, note);
		else if (strcmp(h, "city") == 0)
			rs_csv_text(w, im->city);
		else if (im->merge.ncols > 0 && im->merge.nrows > 1)
			/* the city's identity columns: as on its first row */
			keep_field(w, rs_csv_table_get(&im->merge, 1, c));
		else
			rs_csv_text(w, "");
	}
}

static int
import_run(struct import *im, const struct rs_pubset *set, FILE *out,
    struct rs_error *err)
{
	const struct rs_framework *fw = im->fw;
	static const char *const plain[] = {"city", "indicator", "value",
	    "year", "source", "note"};
	const char *const *head = plain;
	size_t nr = 0, k, i, j, ncols = 6, nm, nrows, added = 0, kept = 0;
	struct row *rows;
	char *filled;
	struct rs_csv w;
	int rc = 0;

	nm = im->merge.ncols > 0 ? im->merge.nrows - 1 : 0;
	rows = rs_calloc(nm + set->nobs + 1, sizeof(*rows));
	filled = rs_calloc(nm + 1, 1);
	for (i = 0; i < nm; i++) {
		rows[nr].order = indicator_order(fw, merge_get(im, i + 1,
		    im->col[0]));
		rows[nr].year = merge_year(im, i + 1);
		rows[nr].seq = nr;
		rows[nr].mrow = i + 1;
		nr++;
	}
	/* the imported values, framework order, each (indicator, year) once */
	for (k = 0; k < fw->nindicators; k++) {
		const struct rs_node *n = &fw->nodes[fw->indicators[k]];

		if (n->series_db == NULL)
			continue;
		for (i = 0; i < set->nobs; i++) {
			const struct rs_pub *o = &set->obs[i];
			size_t dup = RS_NONE;

			if (strcmp(rs_series_db_key(o->db), n->series_db) != 0 ||
			    strcasecmp(o->code, n->series_code) != 0 ||
			    strcasecmp(o->iso3, im->iso3) != 0 ||
			    o->year < im->from || o->year > im->to)
				continue;
			for (j = nm; j < nr && dup == RS_NONE; j++)
				if (rows[j].node == fw->indicators[k] &&
				    rows[j].year == o->year)
					dup = j;
			if (dup != RS_NONE) {
				const struct rs_pub *f = rows[dup].obs;

				if (f->value < o->value || f->value > o->value) {
					char a[40], bv[40];

					char y[24], l[24];

					snprintf(y, sizeof(y), "%ld", o->year);
					snprintf(l, sizeof(l), "%ld", f->line);
					rc = cli_error(err, RS_EINPUT, o->path,
					    o->line, 1,
					    RS_MSG_CLI_IMPORT_CONFLICT,
					    CLI_ARGS(o->code, o->iso3, y,
					    rs_fmt_exact(a, sizeof(a),
					    o->value), rs_fmt_exact(bv,
					    sizeof(bv), f->value), f->path,
					    l));
					goto out;
				}
				continue;
			}
			/* --merge: a value already there wins */
			for (j = 0; j < nm; j++)
				if (rows[j].order == k && rows[j].year ==
				    o->year)
					break;
			if (j < nm && merge_get(im, rows[j].mrow,
			    im->col[1])[0] != '\0') {
				char num[40], y[24], l[24];

				snprintf(y, sizeof(y), "%ld", o->year);
				snprintf(l, sizeof(l), "%ld",
				    im->merge.line[rows[j].mrow]);
				cli_notice("import", RS_MSG_CLI_IMPORT_KEPT,
				    CLI_ARGS(n->id, y, im->merge.path, l,
				    o->code, rs_fmt_exact(num, sizeof(num),
				    o->value)));
				kept++;
				continue;
			}
			if (j < nm)
				filled[j] = 1;	/* an empty row: replaced */
			rows[nr].order = k;
			rows[nr].year = o->year;
			rows[nr].seq = nr;
			rows[nr].obs = o;
			rows[nr].mrow = RS_NONE;
			rows[nr].node = fw->indicators[k];
			nr++;
			added++;
			if (nm > 0) {
				char y[24];

				snprintf(y, sizeof(y), "%ld", o->year);
				cli_notice("import", RS_MSG_CLI_IMPORT_ADDED,
				    CLI_ARGS(n->id, y, n->series_db,
				    o->code));
			}
		}
	}
	qsort(rows, nr, sizeof(*rows), row_cmp);
	if (nm > 0 || im->merge.ncols > 0) {
		ncols = im->merge.ncols;
		head = (const char *const *)im->merge.cell;
	}
	rs_csv_init_block(&w, out);
	for (i = 0; i < ncols; i++)
		keep_field(&w, head[i]);
	rs_csv_end(&w);
	for (nrows = 0, i = 0; i < nr; i++) {
		if (rows[i].obs != NULL) {
			write_obs(&w, im, &rows[i], ncols, head);
		} else {
			if (filled[rows[i].mrow - 1])
				continue;
			for (j = 0; j < ncols; j++)
				keep_field(&w, rs_csv_table_get(&im->merge,
				    rows[i].mrow, j));
		}
		rs_csv_end(&w);
		nrows++;
	}
	if (rs_csv_flush(&w) != 0)
		rc = cli_error_io(err, 0, "", RS_MSG_CLI_CANNOT_WRITE_CITY);
	if (im->merge.ncols > 0) {
		char a[24], b[24];

		snprintf(a, sizeof(a), "%zu", added);
		snprintf(b, sizeof(b), "%zu", kept);
		cli_notice("import", RS_MSG_CLI_IMPORT_SUMMARY,
		    CLI_ARGS(im->merge.path, a, b));
	}
out:
	free(rows);
	free(filled);
	return rc;
}

/* --release wdi=TEXT or wgi=TEXT. */
static int
parse_release(struct import *im, const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (eq != NULL && eq[1] != '\0' && eq - arg == 3 &&
	    strncmp(arg, "wdi", 3) == 0)
		im->release[RS_DB_WDI] = eq + 1;
	else if (eq != NULL && eq[1] != '\0' && eq - arg == 3 &&
	    strncmp(arg, "wgi", 3) == 0)
		im->release[RS_DB_WGI] = eq + 1;
	else
		return cli_usage_msg("import", RS_MSG_CLI_RELEASE, arg, "", "");
	return 0;
}

/* The columns --merge needs: indicator, value, year, source, note. */
static int
merge_columns(struct import *im, struct rs_error *err)
{
	static const char *const need[] = {"indicator", "value", "year",
	    "source", "note"};
	size_t k;

	for (k = 0; k < 5; k++) {
		im->col[k] = rs_csv_table_column(&im->merge, need[k]);
		if (im->col[k] == RS_NONE)
			return cli_error(err, RS_EINPUT, im->merge.path, 1,
			    1, RS_MSG_CLI_IMPORT_NO_COLUMN, CLI_ARGS(need[k]));
	}
	im->city_col = rs_csv_table_column(&im->merge, "city");
	return 0;
}

int
cmd_import(int argc, char **argv)
{
	struct cli_inputs in = {0};
	struct rs_load_opts lo = {0};
	struct rs_inputs loaded;
	struct rs_error err = {0};
	struct rs_pubset set;
	struct import im;
	const char *output = NULL, *merge = NULL;
	struct cli_buffer b = {0};
	char *text = NULL;
	size_t len;
	int c, i, rc = 0;

	memset(&loaded, 0, sizeof(loaded));
	memset(&im, 0, sizeof(im));
	im.from = 0;
	im.to = 9999;
	rs_csv_table_init(&im.merge);
	rs_pub_init(&set);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", cli_import_options,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_file_arg("import", "--framework", optarg))
				goto usage;
			in.framework = optarg;
			break;
		case 'c':
			if (optarg[0] == '\0') {
				rc = cli_usage_msgv("import",
				    RS_MSG_CLI_CITY_NAME, CLI_NOARGS);
				goto done;
			}
			im.city = optarg;
			break;
		case 'C':
			if (strlen(optarg) != 3) {
				rc = cli_usage_msg("import",
				    RS_MSG_CLI_COUNTRY_CODE, optarg, "", "");
				goto done;
			}
			im.iso3 = optarg;
			break;
		case 'F':
		case 'T':
			if (cli_parse_year("import", c == 'F' ? "--from" :
			    "--to", optarg, c == 'F' ? &im.from : &im.to))
				goto usage;
			break;
		case 'r':
			if (parse_release(&im, optarg))
				goto usage;
			break;
		case 'm':
			if (cli_file_arg("import", "--merge", optarg))
				goto usage;
			merge = optarg;
			break;
		case 'o':
			if (cli_file_arg("import", "--output", optarg))
				goto usage;
			output = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			goto done;
		case ':':
			rc = cli_usage_msg("import", RS_MSG_CLI_NEEDS_VALUE,
			    argv[optind - 1], "", "");
			goto done;
		default:
			rc = cli_bad_option("import", argv, optopt);
			goto done;
		}
	}
	if (im.city == NULL || im.iso3 == NULL) {
		rc = cli_usage_msgv("import", RS_MSG_CLI_CITY_COUNTRY,
		    CLI_NOARGS);
		goto done;
	}
	if (im.from > im.to) {
		char from[24], to[24];

		snprintf(from, sizeof(from), "%ld", im.from);
		snprintf(to, sizeof(to), "%ld", im.to);
		rc = cli_usage_msg("import", RS_MSG_CLI_FROM_AFTER_TO, from,
		    to, "");
		goto done;
	}
	if (optind >= argc) {
		rc = cli_usage_msgv("import", RS_MSG_CLI_NO_SOURCE,
		    CLI_NOARGS);
		goto done;
	}
	in.files = argv + optind;
	in.nfiles = argc - optind;
	lo.framework = in.framework;
	if ((rc = rs_inputs_load(&loaded, &lo, &err)) != 0)
		goto out;
	im.fw = &loaded.fw;
	for (i = optind; i < argc; i++) {
		const char *arg = argv[i], *path = arg, *eq = strchr(arg, '=');
		char code[72];

		code[0] = '\0';
		if (eq != NULL && (size_t)(eq - arg) < sizeof(code) &&
		    memchr(arg, '/', (size_t)(eq - arg)) == NULL) {
			memcpy(code, arg, (size_t)(eq - arg));
			code[eq - arg] = '\0';
			path = eq + 1;
		}
		if ((rc = rs_read_file(path, &text, &len, &err)) != 0 ||
		    (rc = rs_text_check(text, len, path, &err)) != 0 ||
		    (rc = rs_pub_read(&set, text, len, path, code[0] != '\0' ?
		    code : NULL, im.iso3, &err)) != 0)
			goto out;
		free(text);
		text = NULL;
	}
	if (merge != NULL && ((rc = rs_csv_table_load(&im.merge, merge,
	    &err)) != 0 || (rc = merge_columns(&im, &err)) != 0))
		goto out;
	if ((rc = cli_buffer_open(&b, &err)) != 0)
		goto out;
	rc = import_run(&im, &set, b.fp, &err);
	if ((rc = cli_buffer_close(&b, rc, &err)) == 0)
		rc = cli_emit(output, b.buf, b.len, &in, &err);
out:
	free(text);
	free(b.buf);
	rs_inputs_release(&loaded);
	rs_csv_table_release(&im.merge);
	rs_pub_release(&set);
	return rc == 0 ? 0 : cli_fail(&err);
usage:
	rc = EXIT_USAGE;
done:
	rs_inputs_release(&loaded);
	rs_csv_table_release(&im.merge);
	rs_pub_release(&set);
	return rc;
}
