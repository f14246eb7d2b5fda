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
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/fmt.h"
#include "base/mem.h"
#include "base/text.h"
#include "resilience/load.h"
#include "resilience/output.h"
#include "resilience/pipeline.h"

/* The program's commands, for cli_bad_option(); none in unit tests. */
static const struct cli_command *commands;
static size_t ncommands;

void
cli_commands_set(const struct cli_command *c, size_t n)
{
	commands = c;
	ncommands = n;
}

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

/* Does command c take the long option name[0..n)? */
static int
takes(const struct cli_command *c, const char *name, size_t n)
{
	const struct option *o;

	for (o = c->options; o != NULL && o->name != NULL; o++)
		if (strlen(o->name) == n && strncmp(o->name, name, n) == 0)
			return 1;
	return 0;
}

/* The language of the messages (cli_lang_scan()), NULL: English. */
static const char *msg_lang;

/*
 * The option of c that argument arg names when it takes its value from
 * the next argument ("--name" or "-x", not "--name=V"), or NULL.
 */
static const struct option *
takes_next(const struct cli_command *c, const char *arg)
{
	const struct option *o;

	for (o = c->options; o != NULL && o->name != NULL; o++) {
		if (o->has_arg != required_argument)
			continue;
		if (strncmp(arg, "--", 2) == 0 && strcmp(arg + 2, o->name) == 0)
			return o;
		if (arg[0] == '-' && arg[1] == o->val && arg[1] != '\0' &&
		    arg[2] == '\0')
			return o;
	}
	return NULL;
}

void
cli_lang_scan(const struct cli_command *c, int argc, char **argv)
{
	const struct option *o;
	int i;

	msg_lang = NULL;
	if (!takes(c, "lang", 4))
		return;
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0) {
			msg_lang = argv[i] + 7;
		} else if ((o = takes_next(c, argv[i])) != NULL &&
		    i + 1 < argc) {
			if (strcmp(o->name, "lang") == 0)
				msg_lang = argv[i + 1];
			i++;	/* the value, whatever it looks like */
		}
	}
}

const char *
cli_word(enum rs_msg msg)
{
	return rs_i18n(msg_lang, msg);
}

const char *
cli_msgv(char *buf, size_t size, enum rs_msg msg, const char *const *args,
    size_t n)
{
	rs_i18n_expand_buf(buf, size, cli_word(msg), args, n);
	return buf;
}

const char *
cli_msg(char *buf, size_t n, enum rs_msg msg, const char *a, const char *b,
    const char *c)
{
	return cli_msgv(buf, n, msg, CLI_ARGS(a, b, c));
}

int
cli_error(struct rs_error *err, int code, const char *path, long line,
    long col, enum rs_msg msg, const char *const *args, size_t n)
{
	char buf[1024];

	return rs_error_set(err, code, path, line, col, "%s",
	    cli_msgv(buf, sizeof(buf), msg, args, n));
}

int
cli_error_io(struct rs_error *err, int errnum, const char *path,
    enum rs_msg what)
{
	return rs_error_io(err, errnum, path, cli_word(what));
}

void
cli_notice(const char *cmd, enum rs_msg msg, const char *const *args,
    size_t n)
{
	char buf[1024];

	fprintf(stderr, "resilience%s%s: %s\n", cmd != NULL ? " " : "",
	    cmd != NULL ? cmd : "", cli_msgv(buf, sizeof(buf), msg, args, n));
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
	char msg[1024], see[256], *shown;
	va_list ap;

	/* The message quotes the command line: one escaped line. */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	shown = rs_text_escape_dup(msg, strlen(msg));
	fprintf(stderr, "resilience %s: %s\n%s\n", cmd, shown,
	    cli_msg(see, sizeof(see), RS_MSG_CLI_SEE_HELP, cmd, "", ""));
	free(shown);
	return EXIT_USAGE;
}

int
cli_usage_msgv(const char *cmd, enum rs_msg msg, const char *const *args,
    size_t n)
{
	char buf[1024];

	return cli_usage(cmd, "%s", cli_msgv(buf, sizeof(buf), msg, args, n));
}

int
cli_usage_msg(const char *cmd, enum rs_msg msg, const char *a,
    const char *b, const char *c)
{
	return cli_usage_msgv(cmd, msg, CLI_ARGS(a, b, c));
}

/*
 * The commands that take the long option name[0..n), as "a", "a and b"
 * or "a, b and c", into buf; 0 when none does or cmd itself does.
 */
static int
owners(const char *cmd, const char *name, size_t n, char *buf, size_t size)
{
	size_t i, k = 0, count = 0, last = 0;

	for (i = 0; i < ncommands; i++) {
		if (!takes(&commands[i], name, n))
			continue;
		if (strcmp(commands[i].name, cmd) == 0)
			return 0;
		count++;
		last = i;
	}
	if (count == 0)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < ncommands; i++) {
		if (!takes(&commands[i], name, n))
			continue;
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s",
		    k == 0 ? "" : i == last ? cli_word(RS_MSG_CLI_AND) :
		    cli_word(RS_MSG_COMMA), commands[i].name);
		k++;
	}
	return 1;
}

const struct cli_command *
cli_command_find(const char *name)
{
	size_t i;

	for (i = 0; i < ncommands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* The long option of cmd closest to name[0..n), or NULL (text.h). */
static const char *
near_option(const char *cmd, const char *name, size_t n)
{
	const struct cli_command *c = cli_command_find(cmd);
	const char *words[256];
	const struct option *o;
	char s[64];
	size_t k = 0;

	if (c == NULL)
		return NULL;
	for (o = c->options; o->name != NULL && k < 256; o++)
		words[k++] = o->name;
	memcpy(s, name, n);
	s[n] = '\0';
	return rs_suggest(s, words, k);
}

int
cli_bad_option(const char *cmd, char **argv, int optopt_)
{
	const char *opt = argv[optind - 1], *near;
	char who[256];
	size_t n;
	int same;

	if (optopt_ != 0 && strchr(opt, '=') == NULL &&
	    strncmp(opt, "--", 2) != 0 && opt[1] != optopt_)
	{
		char c[2] = {(char)optopt_, '\0'};

		return cli_usage_msg(cmd, RS_MSG_CLI_UNKNOWN_SHORT, c, "",
		    "");
	}
	if (optopt_ != 0 && strncmp(opt, "--", 2) != 0 && opt[1] == optopt_)
		return cli_usage_msg(cmd, RS_MSG_CLI_VALUE_OR_UNKNOWN, opt, "",
		    "");
	n = strncmp(opt, "--", 2) == 0 ? strcspn(opt + 2, "=") : 0;
	if (n > 0 && owners(cmd, opt + 2, n, who, sizeof(who))) {
		char name[256];

		snprintf(name, sizeof(name), "%.*s", (int)n, opt + 2);
		return cli_usage_msg(cmd, RS_MSG_CLI_NOT_HERE, name, cmd, who);
	}
	near = n > 0 && n < 64 ? near_option(cmd, opt + 2, n) : NULL;
	same = near != NULL && strlen(near) == n &&
	    strncmp(near, opt + 2, n) == 0;
	if (same && opt[2 + n] == '=')
		return cli_usage_msg(cmd, RS_MSG_CLI_TAKES_NO_VALUE, near, "",
		    "");
	if (near != NULL && !same)
		return cli_usage_msg(cmd, RS_MSG_CLI_DID_YOU_MEAN, opt, near,
		    "");
	return cli_usage_msg(cmd, RS_MSG_CLI_UNKNOWN_OPTION, opt, "", "");
}

int
cli_color(int when, int to_file)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	if (when != CLI_COLOR_AUTO)
		return when == CLI_COLOR_ALWAYS;
	/* https://no-color.org: set and not empty */
	if (no_color != NULL && no_color[0] != '\0')
		return 0;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return !to_file && isatty(STDOUT_FILENO);
}

int
cli_parse_year(const char *cmd, const char *opt, const char *arg,
    long *year)
{
	uint64_t y;

	if (rs_uint_parse(arg, strlen(arg), 1, 9999, &y) != 0)
		return cli_usage_msg(cmd, RS_MSG_CLI_YEAR_RANGE, opt, arg, "");
	*year = (long)y;
	return 0;
}

int
cli_file_arg(const char *cmd, const char *opt, const char *arg)
{
	if (arg[0] == '\0')
		return cli_usage_msg(cmd, RS_MSG_CLI_FILE_NAME, opt, "", "");
	return 0;
}

int
cli_is_stdin(const char *path)
{
	struct stat a, b;

	if (strcmp(path, "-") == 0)
		return 1;
	/* /dev/stdin, /dev/fd/0 and the like: the same pipe or terminal */
	if (stat(path, &a) != 0 || fstat(STDIN_FILENO, &b) != 0 ||
	    S_ISREG(a.st_mode) || S_ISDIR(a.st_mode))
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int
cli_check_inputs(const struct cli_inputs *in, const char *baseline,
    struct rs_error *err)
{
	int i, nstdin = 0;

	for (i = 0; i < in->nfiles; i++) {
		if (in->files[i][0] == '\0')
			return cli_error(err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_EMPTY_DATA_NAME, CLI_NOARGS);
		nstdin += cli_is_stdin(in->files[i]);
	}
	if (in->framework != NULL)
		nstdin += cli_is_stdin(in->framework);
	if (baseline != NULL)
		nstdin += cli_is_stdin(baseline);
	if (nstdin > 1)
		return cli_error(err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_STDIN_ONCE, CLI_NOARGS);
	return 0;
}

int
cli_parse_max_age(const char *cmd, const char *arg, long *age)
{
	uint64_t v;

	if (rs_uint_parse(arg, strlen(arg), 0, 9999, &v) != 0)
		return cli_usage_msg(cmd, RS_MSG_CLI_MAX_AGE_RANGE, arg, "",
		    "");
	*age = (long)v;
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
	else if (strcmp(arg, "xlsx") == 0)
		*format = RS_INPUT_XLSX;
	else if (strcmp(arg, "ods") == 0)
		*format = RS_INPUT_ODS;
	else
		return cli_usage_msg(cmd, RS_MSG_CLI_INPUT_FORMAT, arg, "",
		    "");
	return 0;
}

int
cli_parse_sheet(const char *cmd, const char *arg, const char **sheet)
{
	if (arg[0] == '\0')
		return cli_usage_msgv(cmd, RS_MSG_CLI_SHEET_EMPTY, CLI_NOARGS);
	*sheet = arg;
	return 0;
}

int
cli_buffer_open(struct cli_buffer *b, struct rs_error *err)
{
	b->buf = NULL;
	b->len = 0;
	if ((b->fp = open_memstream(&b->buf, &b->len)) == NULL) {
		if (errno == ENOMEM)
			rs_mem_oom();
		return cli_error_io(err, errno, "", RS_MSG_CLI_CANNOT_BUFFER);
	}
	return 0;
}

int
cli_buffer_close(struct cli_buffer *b, int rc, struct rs_error *err)
{
	int bad;

	if (b->fp != NULL) {
		errno = 0;
		bad = ferror(b->fp);
		if ((fclose(b->fp) != 0 || bad) && errno == ENOMEM)
			rs_mem_oom();	/* the buffer could not grow */
		if (bad && rc == 0)
			rc = cli_error_io(err, errno != 0 ? errno : EIO, "",
			    RS_MSG_CLI_CANNOT_BUFFER);
	}
	b->fp = NULL;
	return rc;
}

/*
 * A framework with a pipeline (docs/pipeline.md): its one data file run
 * through the framework's pipeline; the kept units are the cities.
 */
static int
run_pipeline(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err)
{
	struct rs_pipeline_spec *spec;
	struct rs_pipeline_result pr;
	char year[16];
	int rc = 0;

	memset(&pr, 0, sizeof(pr));
	spec = rs_pipeline_spec_copy(run->in.fw.pipeline);
	if (in->has_year) {
		snprintf(year, sizeof(year), "%ld", in->year);
		rc = rs_pipeline_spec_set(spec, "year", year, err);
	}
	if (rc == 0)
		rc = rs_pipeline_run(&run->in.fw, spec, run->in.table, &pr,
		    err);
	if (rc == 0)
		rs_pipeline_results(&pr, rs_norm_top(&spec->norm), &run->res);
	rs_pipeline_result_release(&pr);
	rs_pipeline_spec_free(spec);
	return rc;
}

static int score_indicative(struct cli_run *run,
    const struct cli_inputs *in, struct rs_error *err);
static int score_run(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err);

int
cli_run_load(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err)
{
	const struct rs_framework *fw = &run->in.fw;
	const struct rs_dataset *ds = &run->in.ds;
	struct rs_select spec = {in->has_year, in->year, -1, 1};
	struct rs_load_opts o = {0};
	size_t i, k, nind;
	double *values;
	int rc;

	memset(run, 0, sizeof(*run));
	o.framework = in->framework;
	o.files = in->files;
	o.nfiles = (size_t)in->nfiles;
	o.format = in->format;
	o.sheet = in->sheet;
	o.has_year = in->has_year;
	o.year = in->year;
	o.cities = in->cities;
	if ((rc = cli_check_inputs(in, NULL, err)) != 0 ||
	    (rc = rs_inputs_load(&run->in, &o, err)) != 0)
		return rc;
	if (run->in.table != NULL) {
		if (in->has_max_age)
			return cli_error(err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_MAX_AGE_PIPELINE, CLI_NOARGS);
		if (in->has_min_coverage)
			return cli_error(err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_MIN_COVERAGE_PIPELINE, CLI_NOARGS);
		return run_pipeline(run, in, err);
	}
	nind = fw->nindicators;
	run->names = rs_calloc(ds->ncities + 1, sizeof(char *));
	run->ids = rs_calloc(ds->ncities + 1, sizeof(char *));
	for (i = 0; i < ds->ncities; i++) {
		run->names[i] = rs_city_label(&ds->cities[i], in->lang);
		run->ids[i] = ds->cities[i].id;
	}
	/*
	 * Undated values in the dataset's matrix are what any selection
	 * takes: a caller that only reads them scores them in place, with
	 * no copy and no chosen cells (docs/performance.md).
	 */
	if (in->in_place && !in->has_max_age && rs_dataset_dense(ds) !=
	    NULL) {
		run->values = rs_dataset_dense(ds);
		run->year = spec.has_year ? spec.year : 0;
		return score_run(run, in, err);
	}
	run->chosen = rs_calloc(ds->ncities * nind + 1, sizeof(size_t));
	run->values = run->owned = values = rs_calloc(ds->ncities * nind + 1,
	    sizeof(double));
	/* docs/cli.md, "--max-age": from --year, or the data's last year */
	if (in->has_max_age) {
		spec.max_age = in->max_age;
		if (!spec.has_year) {
			spec.has_year = 1;
			spec.year = rs_dataset_last_year(ds, NULL);
		}
		run->stale = rs_calloc(ds->ncities * nind + 1,
		    sizeof(size_t));
	}
	run->year = spec.has_year ? spec.year : 0;
	rs_dataset_select_spec(ds, &spec, run->chosen, run->stale);
	for (i = 0; i < ds->ncities * nind; i++) {
		k = run->chosen[i];
		values[i] = k == RS_NONE ? (double)NAN :
		    rs_dataset_obs(ds, k)->value;
	}
	return score_run(run, in, err);
}

/* Score the values of run as in says. */
static int
score_run(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err)
{
	const struct rs_framework *fw = &run->in.fw;
	size_t ncities = run->in.ds.ncities;

	if (in->has_min_coverage)
		return score_indicative(run, in, err);
	if (in->light)
		rs_engine_score_light(fw, ncities, run->names, run->values,
		    &run->res);
	else
		rs_engine_score(fw, ncities, run->names, run->values,
		    &run->res);
	return 0;
}

/*
 * --min-coverage X (docs/methodology.md, "Indicative scores"): score with
 * X below the framework's threshold, then mark what the framework's own
 * threshold would not give as indicative.  X above it is refused.
 */
static int
score_indicative(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err)
{
	struct rs_framework *fw = &run->in.fw, strict;
	char a[32], b[32];

	run->framework_coverage = fw->min_coverage;
	if (in->min_coverage > fw->min_coverage)
		return cli_error(err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_MIN_COVERAGE_ABOVE, CLI_ARGS(rs_fmt_short(a,
		    sizeof(a), in->min_coverage), rs_fmt_short(b, sizeof(b),
		    fw->min_coverage)));
	strict = *fw;
	fw->min_coverage = in->min_coverage;
	rs_engine_score(fw, run->in.ds.ncities, run->names, run->values,
	    &run->res);
	(void)rs_engine_mark_indicative(&strict, run->values, &run->res);
	return 0;
}

void
cli_run_release(struct cli_run *run)
{
	rs_results_release(&run->res);
	free(run->chosen);
	free(run->owned);
	free(run->stale);
	free(run->names);
	free(run->ids);
	rs_inputs_release(&run->in);
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
			return cli_error(err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_OUTPUT_IS_INPUT, CLI_ARGS(output,
			    in->files[i]));
	if (in->framework != NULL && rs_output_same_file(output,
	    in->framework))
		return cli_error(err, RS_EUSAGE, "", 0, 0,
		    RS_MSG_CLI_OUTPUT_IS_FRAMEWORK, CLI_ARGS(output));
	return 0;
}

int
cli_emit(const char *output, const char *data, size_t len,
    const struct cli_inputs *in, struct rs_error *err)
{
	int rc;

	if (output == NULL || strcmp(output, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return cli_error_io(err, errno, "<stdout>",
			    RS_MSG_CLI_CANNOT_WRITE);
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
		rc = cli_error_io(err, errno != 0 ? errno : EIO, "<stdout>",
		    RS_MSG_CLI_CANNOT_WRITE);
	s->fp = NULL;
	return rc;
}
