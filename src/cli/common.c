/*
 * common.c - what the scoring commands share: loading, output, errors
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "base/mem.h"
#include "io/readfile.h"
#include "resilience/load.h"
#include "resilience/coinr.h"
#include "resilience/output.h"
#include "resilience/pipeline.h"

int
cli_fail(const struct rs_error *err)
{
	char buf[1200];

	fprintf(stderr, "resilience: %s\n", rs_error_format(err, buf,
	    sizeof(buf)));
	switch (err->code) {
	case RS_EUSAGE:
		return EXIT_USAGE;
	case RS_EINPUT:
		return EXIT_INPUT;
	default:
		return EXIT_IO;
	}
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "resilience %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nsee 'resilience %s --help'\n", cmd);
	return EXIT_USAGE;
}

int
cli_bad_option(const char *cmd, char **argv, int optopt_)
{
	const char *opt = argv[optind - 1];

	if (optopt_ != 0 && strchr(opt, '=') == NULL &&
	    strncmp(opt, "--", 2) != 0 && opt[1] != optopt_)
		return cli_usage(cmd, "unknown option '-%c'", optopt_);
	if (optopt_ != 0 && strncmp(opt, "--", 2) != 0 && opt[1] == optopt_)
		return cli_usage(cmd, "option '%s' needs a value or is "
		    "unknown", opt);
	return cli_usage(cmd, "unknown option or missing value: '%s'", opt);
}

int
cli_parse_year(const char *cmd, const char *arg, long *year)
{
	char *end;
	long y;

	y = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || y < 1 || y > 9999)
		return cli_usage(cmd, "--year takes a year from 1 to 9999, "
		    "not '%s'", arg);
	*year = y;
	return 0;
}

int
cli_parse_max_age(const char *cmd, const char *arg, long *age)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || errno != 0 || v < 0 || v > 9999)
		return cli_usage(cmd, "--max-age takes whole years from 0 to "
		    "9999, not '%s'", arg);
	*age = v;
	return 0;
}

int
cli_parse_input_format(const char *cmd, const char *arg,
    enum rs_input_format *format)
{
	if (strcmp(arg, "csv") == 0)
		*format = RS_INPUT_CSV;
	else if (strcmp(arg, "json") == 0)
		*format = RS_INPUT_JSON;
	else
		return cli_usage(cmd, "--input-format takes csv or json, "
		    "not '%s'", arg);
	return 0;
}

int
cli_buffer_open(struct cli_buffer *b, struct rs_error *err)
{
	b->buf = NULL;
	b->len = 0;
	if ((b->fp = open_memstream(&b->buf, &b->len)) == NULL)
		return rs_error_io(err, errno, "", "cannot buffer the output");
	return 0;
}

int
cli_buffer_close(struct cli_buffer *b, int rc, struct rs_error *err)
{
	if (b->fp != NULL && fclose(b->fp) != 0 && rc == 0)
		rc = rs_error_io(err, errno, "", "cannot buffer the output");
	b->fp = NULL;
	return rc;
}

int
cli_load_framework(struct rs_framework *fw, const char *path,
    struct rs_error *err)
{
	size_t n = path != NULL ? strlen(path) : 0;

	if (path == NULL)
		return rs_framework_load_default(fw, err);
	if (n > 4 && strcmp(path + n - 4, ".csv") == 0)
		return rs_coinr_load_meta(fw, path, err);
	return rs_framework_load_file(fw, path, err);
}

int
cli_load_table(struct rs_table *t, struct rs_dataset *ds,
    const struct rs_framework *fw, const char *path,
    enum rs_input_format format, int has_year, long year,
    struct rs_error *err)
{
	char *text = NULL;
	size_t len = 0, i = 0, n;
	const char *nl;
	int rc, idata;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	while (i < len && strchr(" \t\r\n", text[i]) != NULL)
		i++;
	/* iData unless JSON, or a header with "indicator" (long CSV). */
	nl = memchr(text, '\n', len);
	n = nl != NULL ? (size_t)(nl - text) : len;
	idata = format != RS_INPUT_JSON && !(i < len && (text[i] == '{' ||
	    text[i] == '['));
	for (i = 0; idata && i + 9 <= n; i++)
		if (strncasecmp(text + i, "indicator", 9) == 0 &&
		    (i + 9 == n || strchr(",\"\r", text[i + 9]) != NULL) &&
		    (i == 0 || strchr(",\"", text[i - 1]) != NULL))
			idata = 0;
	if (idata) {
		rc = rs_coinr_read_data(t, fw, text, len, path, err);
	} else {
		rc = rs_dataset_read_text(ds, path, text, len, format, err);
		if (rc == 0 && rs_table_from_dataset(t, ds, has_year, year) !=
		    0)
			rc = rs_error_set(err, RS_EINPUT, path, 1, 1,
			    "no city data in the input");
	}
	free(text);
	return rc;
}

/*
 * A framework with a pipeline (docs/pipeline.md): one data file in the
 * iData layout, run through the framework's pipeline; the kept units are
 * the cities.
 */
static int
run_pipeline(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err)
{
	struct rs_pipeline_spec *spec;
	struct rs_pipeline_result pr;
	char year[16];
	int rc;

	if (in->nfiles != 1)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "a framework "
		    "with a pipeline scores one data file, not %d",
		    in->nfiles);
	run->table = rs_malloc(sizeof(*run->table));
	rs_table_init(run->table);
	memset(&pr, 0, sizeof(pr));
	spec = rs_pipeline_spec_copy(run->fw.pipeline);
	rc = cli_load_table(run->table, &run->ds, &run->fw, in->files[0],
	    in->format, in->has_year, in->year, err);
	if (rc == 0 && in->has_year) {
		snprintf(year, sizeof(year), "%ld", in->year);
		rc = rs_pipeline_spec_set(spec, "year", year, err);
	}
	if (rc == 0)
		rc = rs_pipeline_run(&run->fw, spec, run->table, &pr, err);
	if (rc == 0)
		rs_pipeline_results(&pr, rs_norm_top(&spec->norm), &run->res);
	rs_pipeline_result_release(&pr);
	rs_pipeline_spec_free(spec);
	return rc;
}

int
cli_run_load(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err)
{
	struct rs_select spec = {in->has_year, in->year, -1, 1};
	size_t i, k, nind;
	int rc, nstdin = 0;

	memset(run, 0, sizeof(*run));
	rs_framework_init(&run->fw);
	for (i = 0; i < (size_t)in->nfiles; i++)
		nstdin += strcmp(in->files[i], "-") == 0;
	if (nstdin > 1)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0,
		    "standard input ('-') can be read only once");
	if ((rc = cli_load_framework(&run->fw, in->framework, err)) != 0)
		return rc;
	rs_dataset_init(&run->ds, &run->fw);
	if (run->fw.pipeline != NULL) {
		if (in->has_max_age || in->cities != NULL)
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "%s does not apply to a framework with a "
			    "pipeline", in->has_max_age ? "--max-age" :
			    "--cities");
		return run_pipeline(run, in, err);
	}
	for (i = 0; i < (size_t)in->nfiles; i++)
		if ((rc = rs_dataset_read_file(&run->ds, in->files[i],
		    in->format, err)) != 0)
			return rc;
	rs_dataset_read_done(&run->ds);
	if (in->cities != NULL && (rc = rs_dataset_read_cities(&run->ds,
	    in->cities, err)) != 0)
		return rc;
	if ((rc = rs_dataset_check_ids(&run->ds, err)) != 0)
		return rc;
	nind = run->fw.nindicators;
	run->chosen = rs_calloc(run->ds.ncities * nind + 1, sizeof(size_t));
	run->values = rs_calloc(run->ds.ncities * nind + 1, sizeof(double));
	run->names = rs_calloc(run->ds.ncities + 1, sizeof(char *));
	run->ids = rs_calloc(run->ds.ncities + 1, sizeof(char *));
	/* docs/cli.md, "--max-age": from --year, or the data's last year */
	if (in->has_max_age) {
		spec.max_age = in->max_age;
		if (!spec.has_year) {
			spec.has_year = 1;
			spec.year = rs_dataset_last_year(&run->ds, NULL);
		}
		run->stale = rs_calloc(run->ds.ncities * nind + 1,
		    sizeof(size_t));
	}
	run->year = spec.has_year ? spec.year : 0;
	rs_dataset_select_spec(&run->ds, &spec, run->chosen, run->stale);
	for (i = 0; i < run->ds.ncities * nind; i++) {
		k = run->chosen[i];
		run->values[i] = k == RS_NONE ? (double)NAN : run->ds.obs[k].value;
	}
	for (i = 0; i < run->ds.ncities; i++) {
		run->names[i] = rs_city_label(&run->ds.cities[i], in->lang);
		run->ids[i] = run->ds.cities[i].id;
	}
	if (in->light)
		rs_engine_score_light(&run->fw, run->ds.ncities, run->names,
		    run->values, &run->res);
	else
		rs_engine_score(&run->fw, run->ds.ncities, run->names,
		    run->values, &run->res);
	return 0;
}

void
cli_run_release(struct cli_run *run)
{
	rs_results_release(&run->res);
	if (run->table != NULL) {
		rs_table_release(run->table);
		free(run->table);
	}
	free(run->chosen);
	free(run->values);
	free(run->stale);
	free(run->names);
	free(run->ids);
	rs_dataset_release(&run->ds);
	rs_framework_release(&run->fw);
	memset(run, 0, sizeof(*run));
}

/* Refuse an output that would overwrite an input. */
static int
refuse_inputs(const char *output, const struct cli_inputs *in,
    struct rs_error *err)
{
	int i;

	for (i = 0; i < in->nfiles; i++)
		if (rs_output_same_file(output, in->files[i]))
			return rs_error_set(err, RS_EUSAGE, "", 0, 0,
			    "--output '%s' is the input file '%s'; refusing "
			    "to overwrite it", output, in->files[i]);
	if (in->framework != NULL && rs_output_same_file(output,
	    in->framework))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0,
		    "--output '%s' is the framework file; refusing to "
		    "overwrite it", output);
	return 0;
}

int
cli_emit(const char *output, const char *data, size_t len,
    const struct cli_inputs *in, struct rs_error *err)
{
	int rc;

	if (output == NULL || strcmp(output, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return rs_error_io(err, errno, "<stdout>",
			    "cannot write");
		return 0;
	}
	if ((rc = refuse_inputs(output, in, err)) != 0)
		return rc;
	return rs_output_write(output, data, len, err);
}

int
cli_stream_open(struct cli_stream *s, const char *output,
    const struct cli_inputs *in, struct rs_error *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if (output == NULL || strcmp(output, "-") == 0) {
		s->fp = stdout;
		return 0;
	}
	if ((rc = refuse_inputs(output, in, err)) != 0 ||
	    (rc = rs_output_open(&s->out, output, err)) != 0)
		return rc;
	s->fp = s->out.fp;
	return 0;
}

int
cli_stream_close(struct cli_stream *s, int rc, struct rs_error *err)
{
	if (s->fp == NULL)
		return rc;
	if (s->fp != stdout)
		return rs_output_close(&s->out, rc, err);
	/* A failure to write is told as such, whatever the report said. */
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = rs_error_io(err, errno != 0 ? errno : EIO, "<stdout>",
		    "cannot write");
	s->fp = NULL;
	return rc;
}
