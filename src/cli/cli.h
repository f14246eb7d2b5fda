/*
 * cli.h - the commands of the resilience program
 */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "base/i18n.h"
#include "resilience/dataset.h"
#include "resilience/engine.h"
#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/load.h"
#include "resilience/output.h"
#include "resilience/pipeline.h"
#include "resilience/report.h"

/* Exit statuses (docs/cli.md). */
enum {
	EXIT_GATE = 1,		/* a --fail-below style gate failed */
	EXIT_USAGE = 2,
	EXIT_INPUT = 3,
	EXIT_IO = 4,
};

/*
 * A command of the program; the table of them, commands[] in main.c, says
 * how to add one.  options is the command's getopt_long table, exported
 * by its file, so that an option given to the wrong command can be told
 * as such (cli_bad_option()).
 */
struct cli_command {
	const char *name;		/* matched exactly */
	int (*fn)(int argc, char **argv);	/* returns the exit status */
	const char *summary;		/* for 'resilience --help' */
	const struct option *options;	/* ends with a NULL name */
};

/* Give cli_bad_option() the program's commands; main() does, first. */
void cli_commands_set(const struct cli_command *commands, size_t n);

/* The command named name, or NULL. */
const struct cli_command *cli_command_find(const char *name);

int cmd_score(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_priorities(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_framework(int argc, char **argv);
int cmd_pipeline(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_sensitivity(int argc, char **argv);
int cmd_uncertainty(int argc, char **argv);	/* sensitivity's alias */
int cmd_trend(int argc, char **argv);
int cmd_shock(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_plan(int argc, char **argv);

extern const struct option cli_score_options[];
extern const struct option cli_compare_options[];
extern const struct option cli_priorities_options[];
extern const struct option cli_whatif_options[];
extern const struct option cli_plan_options[];
extern const struct option cli_template_options[];
extern const struct option cli_import_options[];
extern const struct option cli_framework_options[];
extern const struct option cli_pipeline_options[];
extern const struct option cli_stats_options[];
extern const struct option cli_sensitivity_options[];
extern const struct option cli_trend_options[];
extern const struct option cli_shock_options[];

/*
 * The pipeline overrides (docs/pipeline.md, "Command-line overrides"),
 * for the getopt_long tables of pipeline, stats and sensitivity: each
 * option's name is the one rs_pipeline_spec_set() takes, and getopt_long
 * gives it through its longindex.
 */
enum { CLI_OPT_OVERRIDE = 500 };

#define CLI_OVERRIDE_OPTIONS \
	{"denominate", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"impute", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"screen", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"screen-by", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"nonzero", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"include", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"exclude", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"treat", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"winmax", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"skew", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"kurtosis", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"log", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"normalise", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"aggregate", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"min-coverage", required_argument, NULL, CLI_OPT_OVERRIDE}, \
	{"year", required_argument, NULL, CLI_OPT_OVERRIDE}

/* Help lines of the pipeline overrides (docs/pipeline.md). */
#define PIPELINE_OPTIONS_HELP \
    "  --denominate on|off   divide by the indicators' denominators\n" \
    "  --impute METHOD       none, mean, median, group-mean:COLUMN,\n" \
    "                        group-median:COLUMN, latest\n" \
    "  --screen off|SHARE    drop units with less data than SHARE\n" \
    "  --screen-by missing|zeros|both, --nonzero SHARE\n" \
    "  --include CODES, --exclude CODES  units kept or dropped anyway\n" \
    "  --treat on|off        outlier treatment (winsorise, then log)\n" \
    "  --winmax N, --skew X, --kurtosis X, --log on|off\n" \
    "  --normalise METHOD[:A,B]  goalposts, minmax, zscore, rank,\n" \
    "                        prank, borda, dist2max, fracmax,\n" \
    "                        dist2target, none; onto [A, B]\n" \
    "  --aggregate amean|gmean|hmean\n" \
    "  --min-coverage SHARE  weight share of children needed\n" \
    "  --year Y              the cross-section of year Y\n"

/* The pipeline overrides of a command line, in the order given. */
struct cli_overrides {
	const char *name[64];		/* rs_pipeline_spec_set()'s names */
	const char *value[64];
	size_t n;
};

/* Add override name=value; EXIT_USAGE (said) when there are too many. */
int cli_override_add(const char *cmd, struct cli_overrides *ov,
    const char *name, const char *value);

/* Set each override in spec, in order; the first refused raises err. */
int cli_overrides_apply(const struct cli_overrides *ov,
    struct rs_pipeline_spec *spec, struct rs_error *err);

/*
 * What the pipeline commands (pipeline, stats) share (pipeline_cmd.c):
 * the one data file, the framework, the overrides and the run.
 */
struct cli_pipe {
	const char *cmd;		/* "pipeline" or "stats" */
	const char *framework;		/* --framework, NULL: built in */
	const char *output;		/* --output, NULL: standard output */
	const char *sheet;		/* --sheet, NULL: the first */
	char *file;			/* the data file */
	struct cli_overrides ov;	/* the overrides */
	struct rs_inputs in;		/* what was loaded */
	struct rs_pipeline_result r;	/* what the run made */
};

/*
 * Check that argv[first..argc) is one data file and take it; EXIT_USAGE
 * (said) otherwise.
 */
int cli_pipe_file(struct cli_pipe *p, int argc, char **argv, int first);

/*
 * Load the framework and the data file, and run the framework's pipeline
 * (or the default one) with the overrides.  p is to be released with
 * cli_pipe_release() either way.
 */
int cli_pipe_run(struct cli_pipe *p, struct rs_error *err);
void cli_pipe_release(struct cli_pipe *p);

/*
 * Write the len bytes of data to --output (never over the data file or
 * the framework) or to standard output.
 */
int cli_pipe_emit(const struct cli_pipe *p, const char *data, size_t len,
    struct rs_error *err);

/* Everything a scoring command loads, in the order it is loaded. */
struct cli_run {
	struct rs_inputs in;		/* the framework, the data of every
					   input, a pipeline's table */
	size_t *chosen;			/* rs_dataset_select() cells, NULL
					   when values is the matrix */
	const double *values;		/* chosen values, city-major */
	double *owned;			/* values, unless they are
					   rs_dataset_dense()'s */
	size_t *stale;			/* cells --max-age left out, or NULL */
	const char **names;		/* city display names */
	const char **ids;		/* city ids */
	long year;			/* the year of the selection, 0: the
					   latest of each value */
	struct rs_results res;		/* the scores */
	double framework_coverage;	/* with --min-coverage: the
					   framework's own min_coverage, below
					   which scores are indicative; NaN */
};

/* Options every scoring command shares. */
struct cli_inputs {
	const char *framework;		/* --framework, NULL: built in */
	enum rs_input_format format;	/* --input-format */
	const char *sheet;		/* --sheet, NULL: the first */
	int has_year;			/* --year given */
	long year;			/* --year */
	char **files;			/* the data files, "-" for stdin */
	int nfiles;
	int light;			/* rs_engine_score_light() */
	int in_place;			/* the values may be the dataset's
					   own matrix, read only, with no
					   chosen cells (cli_run_load) */
	int has_max_age;		/* --max-age given */
	long max_age;			/* --max-age */
	const char *cities;		/* --cities FILE, or NULL */
	const char *lang;		/* --lang, for the cities' names */
	int has_min_coverage;		/* --min-coverage given */
	double min_coverage;		/* --min-coverage, in (0, 1] */
};

/*
 * Load the framework and the data, select each city's values and score
 * them.  On failure err says why; run is to be released either way.
 */
int cli_run_load(struct cli_run *run, const struct cli_inputs *in,
    struct rs_error *err);
void cli_run_release(struct cli_run *run);

/*
 * Write data[0..len) to standard output, or atomically to output when it
 * is not NULL.  An output that names one of the inputs is refused.
 */
int cli_emit(const char *output, const char *data, size_t len,
    const struct cli_inputs *in, struct rs_error *err);

/*
 * A report is written to memory first, so that a failure writes nothing
 * anywhere: cli_buffer_open() gives the stream to write to, and
 * cli_buffer_close() closes it (rc is the status of the writing; a failure
 * to buffer is raised in err).  buf and len then hold the bytes to give to
 * cli_emit(); free(buf) in every case.
 */
struct cli_buffer {
	FILE *fp;		/* the stream to write to */
	char *buf;		/* the bytes written, owned */
	size_t len;
};

int cli_buffer_open(struct cli_buffer *b, struct rs_error *err);
int cli_buffer_close(struct cli_buffer *b, int rc, struct rs_error *err);

/*
 * A report too large to hold in memory is written as it is made:
 * cli_stream_open() gives s->fp, standard output or the temporary file
 * of rs_output_open() (an output naming an input is refused first), and
 * cli_stream_close() flushes it and, for a file, renames it into place
 * when rc is 0 or removes it otherwise; it returns rc or the failure to
 * write.  A file still appears whole or not at all; standard output gets
 * what was written before a failure to write it.
 */
struct cli_stream {
	FILE *fp;		/* the stream to write to */
	struct rs_output out;	/* when writing to a file */
};

int cli_stream_open(struct cli_stream *s, const char *output,
    const struct cli_inputs *in, struct rs_error *err);
int cli_stream_close(struct cli_stream *s, int rc, struct rs_error *err);

/* Print err as "resilience: ..." and return its exit status. */
int cli_fail(const struct rs_error *err);

/* Print a usage error for command cmd and return EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * The language of the command line's messages: --lang's value in argv
 * (the last one given, as getopt_long keeps) when command c takes
 * --lang, else NULL, which is English.  main() sets it before the
 * command runs, so that a message about an option given before --lang
 * is in that language too.
 */
void cli_lang_scan(const struct cli_command *c, int argc, char **argv);

/* The text of message msg in the command line's language; static. */
const char *cli_word(enum rs_msg msg);

/*
 * The message msg of the table (base/i18n.c) in the command line's
 * language with %1..%n replaced by args[0..n), into buf; returns buf.
 * cli_msg() takes three arguments.
 */
const char *cli_msgv(char *buf, size_t size, enum rs_msg msg,
    const char *const *args, size_t n);
const char *cli_msg(char *buf, size_t n, enum rs_msg msg, const char *a,
    const char *b, const char *c);

/* The arguments of cli_msgv() and the functions below, as a list. */
#define CLI_ARGS(...) (const char *const[]){__VA_ARGS__}, \
    sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)
#define CLI_NOARGS NULL, 0

/* cli_usage() of message msg with its arguments. */
int cli_usage_msg(const char *cmd, enum rs_msg msg, const char *a,
    const char *b, const char *c);
int cli_usage_msgv(const char *cmd, enum rs_msg msg,
    const char *const *args, size_t n);

/* rs_error_set() of message msg with its arguments. */
int cli_error(struct rs_error *err, int code, const char *path, long line,
    long col, enum rs_msg msg, const char *const *args, size_t n);

/* rs_error_io() of message what. */
int cli_error_io(struct rs_error *err, int errnum, const char *path,
    enum rs_msg what);

/*
 * A line on standard error that is not an error: "resilience CMD: "
 * ("resilience: " when cmd is NULL), then message msg.
 */
void cli_notice(const char *cmd, enum rs_msg msg, const char *const *args,
    size_t n);

/* Parse --year's argument. */
int cli_parse_year(const char *cmd, const char *opt, const char *arg,
    long *year);

/* Parse --max-age's argument: whole years from 0 to 9999. */
int cli_parse_max_age(const char *cmd, const char *arg, long *age);

/*
 * The value of an option naming a file (--output, --framework ...): 0, or
 * EXIT_USAGE after saying that an empty name is not a file.
 */
int cli_file_arg(const char *cmd, const char *opt, const char *arg);

/*
 * 1 when path is standard input: "-", or a name of the pipe, terminal or
 * device that standard input is (/dev/stdin, /dev/fd/0).
 */
int cli_is_stdin(const char *path);

/*
 * Refuse, as RS_EUSAGE in err, an empty data file name and standard input
 * named twice among the data files, the framework and baseline (NULL:
 * none): it can be read only once.
 */
int cli_check_inputs(const struct cli_inputs *in, const char *baseline,
    struct rs_error *err);

/* Parse --input-format's argument. */
int cli_parse_input_format(const char *cmd, const char *arg,
    enum rs_input_format *format);

/* Parse --sheet's argument: a sheet name, not empty. */
int cli_parse_sheet(const char *cmd, const char *arg, const char **sheet);

/*
 * The message for an unknown option at argv[optind - 1]: that it does
 * not apply to cmd when another command takes it.  Returns EXIT_USAGE.
 */
int cli_bad_option(const char *cmd, char **argv, int optopt_);

/*
 * The reporting commands (score, compare, priorities) share their options
 * and their run (report_cmd.c).  Each lists CLI_REPORT_OPTIONS and its own
 * options in its getopt_long table, and hands every option whose value is
 * a CLI_OPT_* to cli_report_option().
 */
enum {
	CLI_OPT_FRAMEWORK = 256,
	CLI_OPT_FORMAT,
	CLI_OPT_OUTPUT,
	CLI_OPT_YEAR,
	CLI_OPT_INPUT_FORMAT,
	CLI_OPT_LANG,
	CLI_OPT_TOP,
	CLI_OPT_FAIL_BELOW,
	CLI_OPT_BASELINE,
	CLI_OPT_FAIL_ON_DROP,
	CLI_OPT_QUIET,
	CLI_OPT_DEPTH,
	CLI_OPT_BY,
	CLI_OPT_MAX_AGE,
	CLI_OPT_CITIES,
	CLI_OPT_DETAILS,
	CLI_OPT_FAIL_ON_MISSING,
	CLI_OPT_FROM,
	CLI_OPT_TO,
	CLI_OPT_BEFORE,
	CLI_OPT_SHOCK,
	CLI_OPT_AFTER,
	CLI_OPT_REFERENCE,
	CLI_OPT_SHEET,
	CLI_OPT_LEVERS,
	CLI_OPT_TITLE,
	CLI_OPT_AUTHOR,
	CLI_OPT_DATE,
	CLI_OPT_NOTES,
	CLI_OPT_MIN_COVERAGE,
	CLI_OPT_ALLOW_INDICATIVE,
	CLI_OPT_COLOR,
};

#define CLI_REPORT_OPTIONS \
	{"framework", required_argument, NULL, CLI_OPT_FRAMEWORK}, \
	{"format", required_argument, NULL, CLI_OPT_FORMAT}, \
	{"output", required_argument, NULL, CLI_OPT_OUTPUT}, \
	{"year", required_argument, NULL, CLI_OPT_YEAR}, \
	{"input-format", required_argument, NULL, CLI_OPT_INPUT_FORMAT}, \
	{"sheet", required_argument, NULL, CLI_OPT_SHEET}, \
	{"lang", required_argument, NULL, CLI_OPT_LANG}, \
	{"fail-below", required_argument, NULL, CLI_OPT_FAIL_BELOW}, \
	{"baseline", required_argument, NULL, CLI_OPT_BASELINE}, \
	{"fail-on-drop", required_argument, NULL, CLI_OPT_FAIL_ON_DROP}, \
	{"quiet", no_argument, NULL, CLI_OPT_QUIET}, \
	{"max-age", required_argument, NULL, CLI_OPT_MAX_AGE}, \
	{"cities", required_argument, NULL, CLI_OPT_CITIES}, \
	{"details", no_argument, NULL, CLI_OPT_DETAILS}, \
	{"fail-on-missing", no_argument, NULL, CLI_OPT_FAIL_ON_MISSING}, \
	{"title", required_argument, NULL, CLI_OPT_TITLE}, \
	{"author", required_argument, NULL, CLI_OPT_AUTHOR}, \
	{"date", required_argument, NULL, CLI_OPT_DATE}, \
	{"notes", required_argument, NULL, CLI_OPT_NOTES}, \
	{"min-coverage", required_argument, NULL, CLI_OPT_MIN_COVERAGE}, \
	{"allow-indicative", no_argument, NULL, CLI_OPT_ALLOW_INDICATIVE}, \
	{"color", optional_argument, NULL, CLI_OPT_COLOR}, \
	{"help", no_argument, NULL, 'h'}

/* The options of trend and shock (timeline_cmd.c), with their own. */
#define CLI_TIME_OPTIONS \
	{"framework", required_argument, NULL, CLI_OPT_FRAMEWORK}, \
	{"format", required_argument, NULL, CLI_OPT_FORMAT}, \
	{"output", required_argument, NULL, CLI_OPT_OUTPUT}, \
	{"input-format", required_argument, NULL, CLI_OPT_INPUT_FORMAT}, \
	{"sheet", required_argument, NULL, CLI_OPT_SHEET}, \
	{"lang", required_argument, NULL, CLI_OPT_LANG}, \
	{"cities", required_argument, NULL, CLI_OPT_CITIES}, \
	{"max-age", required_argument, NULL, CLI_OPT_MAX_AGE}, \
	{"depth", required_argument, NULL, CLI_OPT_DEPTH}, \
	{"quiet", no_argument, NULL, CLI_OPT_QUIET}, \
	{"help", no_argument, NULL, 'h'}

#define CLI_TIME_USAGE \
    "  --max-age N           a year also takes values up to N years older\n" \
    "                        (the latest first); default: that year's only\n" \
    "  --depth N             node levels shown in text, md and html:\n" \
    "                        1 areas (default), 2 also RPIs, 3 indicators\n" \
    "  --framework FILE      framework JSON (default: the built-in DPT)\n" \
    "  --format FMT          text, json, csv, md, html or pdf (default:\n" \
    "                        text); pdf prints the html with Chromium\n" \
    "  -o, --output FILE     write the report to FILE atomically\n" \
    "  --input-format FMT    csv, json, xlsx or ods (default: by content)\n" \
    "  --sheet NAME          read sheet NAME of .xlsx and .ods files\n" \
    "                        (default: the first)\n" \
    "  --cities FILE         city ids and display names (CSV: city_id,\n" \
    "                        city, name_en, name_ar, country)\n" \
    "  --lang CODE           names in this language; ar: Arabic words\n" \
    "                        and a right-to-left page (default: en)\n" \
    "  -q, --quiet           write no report on standard output\n" \
    "  -h, --help            show this help\n" \
    "\n" \
    "Exit status: 0 ok, 2 usage, 3 input rejected, 4 a file could not be\n" \
    "read or written.  See docs/cli.md or resilience(1).\n"

/* --color=WHEN (docs/cli.md, "Colour"). */
enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER };

/*
 * Whether a text report goes out in colour: always or never as --color
 * says, or, for auto, when it goes to a terminal (not to a file), the
 * environment variable NO_COLOR is unset or empty and TERM is not
 * "dumb".
 */
int cli_color(int when, int to_file);

/* What the reporting commands' options ask for. */
struct cli_report_opts {
	struct cli_inputs in;		/* framework, data, year */
	enum rs_report_format format;	/* --format */
	const char *output;		/* --output, NULL: standard output */
	const char *lang;		/* --lang, NULL: en */
	int top;			/* --top, -1: all */
	int depth;			/* --depth (compare) */
	int by_node;			/* --by node (priorities) */
	unsigned levers;		/* --levers (priorities), 0: not
					   asked for */
	double fail_below;		/* --fail-below as a score, or NaN */
	const char *fail_below_arg;	/* --fail-below LEVEL, unresolved */
	const char *baseline;		/* --baseline, or NULL */
	double fail_on_drop;		/* --fail-on-drop, or NaN */
	int fail_on_missing;		/* --fail-on-missing */
	int allow_indicative;		/* --allow-indicative */
	int color;			/* --color: CLI_COLOR_AUTO, _ALWAYS or
					   _NEVER */
	int quiet;			/* --quiet */
	int details;			/* --details */
	int pdf;			/* --format pdf: html printed */
	const char *title;		/* --title, or NULL */
	const char *author;		/* --author, or NULL */
	const char *date;		/* --date, or NULL */
	const char *notes;		/* --notes FILE, or NULL */
	int has_from, has_to;		/* trend: --from, --to given */
	long from, to;
	int has_moment[3];		/* shock: --before, --shock, --after */
	long moment[3];
	const char *reference;		/* shock: --reference, or NULL */
};

/* The defaults: text, top 5, depth 1, no gate. */
void cli_report_opts_init(struct cli_report_opts *o);

/*
 * Parse argv with getopt_long and options (CLI_REPORT_OPTIONS and the
 * command's own, such as --depth) into o, also taking -o FILE, -q and -h.
 * Returns -1 when the command is to run (*first is then the index of the
 * first file), else an exit status: 0 after printing usage for --help,
 * EXIT_USAGE after a usage error.
 */
int cli_report_parse(const char *cmd, const char *usage,
    const struct option *options, int argc, char **argv,
    struct cli_report_opts *o, int *first);

/* The help text of the options CLI_REPORT_OPTIONS lists. */
#define CLI_REPORT_USAGE \
    "  --framework FILE      framework JSON (default: the built-in DPT)\n" \
    "  --format FMT          text, json, csv, md, html or pdf (default:\n" \
    "                        text); pdf prints the html with Chromium;\n" \
    "                        score and compare: also xlsx\n" \
    "  -o, --output FILE     write the report to FILE atomically\n" \
    "  --year Y              use each indicator's latest value not after Y\n" \
    "  --input-format FMT    csv, json, xlsx or ods (default: by content)\n" \
    "  --sheet NAME          read sheet NAME of .xlsx and .ods files\n" \
    "                        (default: the first)\n" \
    "  --max-age N           leave out values older than N years before\n" \
    "                        --year (or the latest year of the data) and\n" \
    "                        list them as stale\n" \
    "  --cities FILE         city ids and display names (CSV: city_id,\n" \
    "                        city, name_en, name_ar, country)\n" \
    "  --lang CODE           names in this language; ar: Arabic words\n" \
    "                        and a right-to-left page (default: en)\n" \
    "  --fail-below S|LEVEL  exit 1 if a city scores below S or LEVEL's\n" \
    "                        minimum; no score counts as below, and so\n" \
    "                        does an indicative one\n" \
    "  --min-coverage SHARE  score down to this weight share (0 to 1)\n" \
    "                        below the framework's threshold; such\n" \
    "                        scores are marked indicative\n" \
    "  --allow-indicative    --fail-below takes indicative scores as\n" \
    "                        scores\n" \
    "  --baseline FILE       report changes since an earlier\n" \
    "                        'score --format json' output\n" \
    "  --fail-on-drop P      exit 1 if a city's like-for-like score fell by\n" \
    "                        more than P points since the baseline\n" \
    "  --fail-on-missing     exit 1 if a city of the baseline is not in\n" \
    "                        the data\n" \
    "  --details             text: every value with its year and source\n" \
    "  --title TEXT          md, html and pdf: the report's title\n" \
    "  --author TEXT         md, html and pdf: who prepared it\n" \
    "  --date TEXT           md, html and pdf: its date, as given\n" \
    "  --notes FILE          md, html and pdf: Markdown notes per city and\n" \
    "                        area ('## CITY', '### NODE')\n" \
    "  --color[=WHEN]        colour the text report's levels: auto\n" \
    "                        (default: on a terminal, without NO_COLOR),\n" \
    "                        always (the default of --color) or never\n" \
    "  -q, --quiet           write no report on standard output\n" \
    "  -h, --help            show this help\n" \
    "\n" \
    "Exit status: 0 ok, 1 a gate failed (the report is written), 2 usage,\n" \
    "3 input rejected, 4 a file could not be read or written.\n" \
    "See docs/cli.md or resilience(1).\n"

/*
 * Apply option c (a CLI_OPT_* value) with argument arg to o.  Returns 0,
 * or EXIT_USAGE after printing why arg is wrong.
 */
int cli_report_option(const char *cmd, struct cli_report_opts *o, int c,
    const char *arg);

/*
 * The views over time (timeline_cmd.c): load files[0..nfiles) as o says,
 * compute the trend (RS_VIEW_TREND) or the shock (RS_VIEW_SHOCK) and
 * write its report.  Returns the exit status.
 */
int cli_timeline_run(const char *cmd, enum rs_report_view view,
    struct cli_report_opts *o, char **files, int nfiles);

/*
 * Load, score, report view of files[0..nfiles) as o says, then apply the
 * gates.  Returns the exit status: 0, EXIT_GATE when a gate failed after
 * the report was written, or the status of an error (nothing written).
 */
int cli_report_run(const char *cmd, enum rs_report_view view,
    struct cli_report_opts *o, char **files, int nfiles);

/*
 * --format pdf (pdf.c): the HTML report that put() makes, printed to
 * output by headless Chromium (RS_CHROMIUM, else chromium or
 * chromium-browser on PATH).  The page goes to a temporary directory;
 * output gets the PDF whole or not at all.  RS_EIO when Chromium is
 * missing (the message names the package) or fails.
 */
int cli_pdf_write(const char *output, const char *lang,
    int (*put)(FILE *out, void *ctx, struct rs_error *err), void *ctx,
    const struct cli_inputs *in, struct rs_error *err);

/* The same for an HTML report already made: buf[0..len). */
int cli_pdf_emit(const char *output, const char *lang, const char *buf,
    size_t len, const struct cli_inputs *in, struct rs_error *err);

/* Whether --format pdf is given without --output FILE: a usage error. */
int cli_pdf_needs_output(const char *cmd, const struct cli_report_opts *o);

/*
 * Read the --notes FILE path into notes and check that every heading
 * names a city of run and a node of its framework; else a located
 * RS_EINPUT (or RS_EIO).  Release notes with rs_notes_release().
 */
struct rs_notes;
int cli_notes_load(struct rs_notes *notes, const char *path,
    const struct cli_run *run, struct rs_error *err);

#endif /* RS_CLI_H */
