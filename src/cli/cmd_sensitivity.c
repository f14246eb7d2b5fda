/*
 * cmd_sensitivity.c - resilience sensitivity, and its other name
 * resilience uncertainty: how the city ranks move when the weights,
 * goalposts, indicators, normaliser or aggregator are uncertain
 * (docs/sensitivity.md)
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "resilience/report_sensitivity.h"
#include "resilience/sa_section.h"
#include "resilience/sensitivity.h"
#include "base/text.h"

static const char usage[] =
    "usage: resilience sensitivity [options] FILE...\n"
    "       resilience uncertainty [options] FILE...\n"
    "\n"
    "Monte Carlo uncertainty analysis of the city ranks: rescore the cities\n"
    "RUNS times with the uncertain inputs drawn at random and report each\n"
    "city's nominal rank, the mean, median, 5th and 95th percentile of its\n"
    "rank and the share of runs in each level.  With --sobol, first-order\n"
    "and total sensitivity indices of each input (Saltelli design).\n"
    "uncertainty is another name for sensitivity.\n"
    "\n"
    "examples:\n"
    "  resilience sensitivity --weight-noise 0.25 --exclude-indicators --sobol data/*.csv\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON, or COINr iMeta CSV (*.csv)\n"
    "  --runs N              runs, or base sample with --sobol (default\n"
    "                        1000)\n"
    "  --seed S              random seed (default 1)\n"
    "  --threads T           worker threads (default: online CPUs)\n"
    "  --weight-noise X      each weight times 1 + U(-X, X)\n"
    "  --noise-levels L,...  levels whose weights vary (1 = indicators;\n"
    "                        default: all)\n"
    "  --weight-sets K       draw among K noisy weight sets (default: 100\n"
    "                        with --sobol, else a set per run)\n"
    "  --goalpost-noise X    worst and best each moved by U(-X, X) times\n"
    "                        their span (X below 0.5)\n"
    "  --goalpost-sets K     as --weight-sets, for the goalposts\n"
    "  --exclude-indicators  each run leaves out one indicator\n"
    "  --vary-normalise M    a normaliser to draw, such as minmax:1,100;\n"
    "                        repeat for several (pipelines)\n"
    "  --vary-aggregate M    an aggregator to draw: amean, gmean, hmean;\n"
    "                        repeat for several\n"
    "  --vary-winmax A,B     winsorisation limit drawn from A..B\n"
    "                        (pipelines)\n"
    "  --vary-year N         each value drawn among those dated at most N\n"
    "                        years from the assessment year (--year, or\n"
    "                        the latest year in the data)\n"
    "  --vary-proxies        each national proxy kept or dropped with\n"
    "                        probability 1/2 (note \"national proxy\" or\n"
    "                        level column \"national\")\n"
    "  --vary-min-coverage LO,HI  coverage threshold drawn from U(LO, HI)\n"
    "  --min-variance X      print the indices when the variance of the\n"
    "                        rank shift reaches X (default 0.01)\n"
    "  --sobol               variance-based sensitivity indices\n"
    "  --bootstrap B         bootstrap draws of the indices (default 100)\n"
    "  --design FILE         write the design, a row per run, as CSV\n"
    "  --format FMT          text, json, csv or html (default: text)\n"
    "  --lang LANG           words and names in LANG: en or ar\n"
    "  -o, --output FILE     write the report to FILE atomically\n"
    "  --year Y              use each indicator's latest value not after Y\n"
    "  --input-format FMT    csv, json, xlsx or ods (default: by content)\n"
    "  --sheet NAME          read sheet NAME of .xlsx and .ods files\n"
    "                        (default: the first)\n"
    "  --no-progress         no progress bar on standard error\n"
    "  -q, --quiet           no progress bar, no report on standard output\n"
    PIPELINE_OPTIONS_HELP
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 ok, 2 usage, 3 input rejected, 4 a file could not be\n"
    "read or written.  See docs/sensitivity.md.\n";

enum {
	OPT_FRAMEWORK = 300,
	OPT_RUNS,
	OPT_SEED,
	OPT_THREADS,
	OPT_NOISE,
	OPT_LEVELS,
	OPT_WSETS,
	OPT_GNOISE,
	OPT_GSETS,
	OPT_EXCLUDE,
	OPT_VNORM,
	OPT_VAGG,
	OPT_WINMAX,
	OPT_SOBOL,
	OPT_BOOT,
	OPT_DESIGN,
	OPT_FORMAT,
	OPT_YEAR,
	OPT_INFMT,
	OPT_SHEET,
	OPT_NOPROG,
	OPT_VYEAR,
	OPT_VPROXY,
	OPT_VCOV,
	OPT_MINVAR,
	OPT_LANG,
};

const struct option cli_sensitivity_options[] = {
	{"framework", required_argument, NULL, OPT_FRAMEWORK},
	{"runs", required_argument, NULL, OPT_RUNS},
	{"seed", required_argument, NULL, OPT_SEED},
	{"threads", required_argument, NULL, OPT_THREADS},
	{"weight-noise", required_argument, NULL, OPT_NOISE},
	{"noise-levels", required_argument, NULL, OPT_LEVELS},
	{"weight-sets", required_argument, NULL, OPT_WSETS},
	{"goalpost-noise", required_argument, NULL, OPT_GNOISE},
	{"goalpost-sets", required_argument, NULL, OPT_GSETS},
	{"exclude-indicators", no_argument, NULL, OPT_EXCLUDE},
	{"vary-normalise", required_argument, NULL, OPT_VNORM},
	{"vary-aggregate", required_argument, NULL, OPT_VAGG},
	{"vary-winmax", required_argument, NULL, OPT_WINMAX},
	{"sobol", no_argument, NULL, OPT_SOBOL},
	{"bootstrap", required_argument, NULL, OPT_BOOT},
	{"design", required_argument, NULL, OPT_DESIGN},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"output", required_argument, NULL, 'o'},
	{"year", required_argument, NULL, OPT_YEAR},
	{"input-format", required_argument, NULL, OPT_INFMT},
	{"sheet", required_argument, NULL, OPT_SHEET},
	{"no-progress", no_argument, NULL, OPT_NOPROG},
	{"vary-year", required_argument, NULL, OPT_VYEAR},
	{"vary-proxies", no_argument, NULL, OPT_VPROXY},
	{"vary-min-coverage", required_argument, NULL, OPT_VCOV},
	{"min-variance", required_argument, NULL, OPT_MINVAR},
	{"lang", required_argument, NULL, OPT_LANG},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	CLI_OVERRIDE_OPTIONS,
	{NULL, 0, NULL, 0},
};

#define MAXALT RS_SA_MAXALT

struct sens_args {
	const char *cmd;		/* "sensitivity" or "uncertainty" */
	struct rs_sa_spec sa;
	struct cli_inputs in;
	struct rs_norm_spec norms[MAXALT];
	int aggs[MAXALT];
	unsigned char set[OPT_LANG - OPT_FRAMEWORK + 1];	/* per option:
					   given on the command line */
	enum rs_report_format format;
	const char *output;
	const char *design;
	int quiet, no_progress;
	struct cli_overrides ov;	/* pipeline overrides, in order */
};

/* A whole number from lo to hi. */
static int
parse_count(const char *cmd, const char *opt, const char *arg, uint64_t lo,
    uint64_t hi, uint64_t *out)
{
	uint64_t v;
	char a[24], b[24];

	snprintf(a, sizeof(a), "%llu", (unsigned long long)lo);
	snprintf(b, sizeof(b), "%llu", (unsigned long long)hi);
	if (rs_uint_parse(arg, strlen(arg), lo, hi, &v) != 0)
		return cli_usage_msgv(cmd, RS_MSG_CLI_COUNT_RANGE,
		    CLI_ARGS(opt, a, b, arg));
	*out = v;
	return 0;
}

/* A number in [lo, hi). */
static int
parse_share(const char *cmd, const char *opt, const char *arg, double lo,
    double hi, double *out)
{
	char *end, a[32], b[32];
	double v;

	errno = 0;
	v = strtod(arg, &end);
	snprintf(a, sizeof(a), "%g", lo);
	snprintf(b, sizeof(b), "%g", hi);
	if (end == arg || *end != '\0' || errno != 0 || !(v >= lo && v < hi))
		return cli_usage_msgv(cmd, RS_MSG_CLI_REAL_RANGE,
		    CLI_ARGS(opt, a, b, arg));
	*out = v;
	return 0;
}

/* "L[,L...]": levels from 1 to 31 as a bit set. */
static int
parse_levels(const char *cmd, const char *arg, unsigned *out)
{
	const char *s = arg, *end;
	uint64_t v;

	*out = 0;
	for (;;) {
		end = s + strcspn(s, ",");
		if (rs_uint_parse(s, (size_t)(end - s), 1, 31, &v) != 0)
			break;
		*out |= 1u << v;
		if (*end == '\0')
			return 0;
		s = end + 1;
	}
	return cli_usage_msg(cmd, RS_MSG_CLI_NOISE_LEVELS, arg, "", "");
}

static int
parse_winmax(const char *cmd, const char *arg, int *lo, int *hi)
{
	const char *comma = strchr(arg, ',');
	uint64_t a, b;

	if (comma != NULL && rs_uint_parse(arg, (size_t)(comma - arg), 1,
	    1000, &a) == 0 && rs_uint_parse(comma + 1, strlen(comma + 1), a,
	    1000, &b) == 0) {
		*lo = (int)a;
		*hi = (int)b;
		return 0;
	}
	return cli_usage_msg(cmd, RS_MSG_CLI_VARY_WINMAX, arg, "", "");
}

/* "LO,HI": two shares with 0 < LO <= HI <= 1. */
static int
parse_coverage(const char *cmd, const char *arg, double *lo, double *hi)
{
	const char *comma = strchr(arg, ',');
	char buf[64], *end;
	double a = 0, b = 0;
	size_t n = comma != NULL ? (size_t)(comma - arg) : 0;

	if (comma != NULL && n > 0 && n < sizeof(buf)) {
		memcpy(buf, arg, n);
		buf[n] = '\0';
		errno = 0;
		a = strtod(buf, &end);
		if (end != buf && *end == '\0' && errno == 0) {
			b = strtod(comma + 1, &end);
			if (end != comma + 1 && *end == '\0' && errno == 0 &&
			    a > 0 && a <= b && b <= 1) {
				*lo = a;
				*hi = b;
				return 0;
			}
		}
	}
	return cli_usage_msg(cmd, RS_MSG_CLI_VARY_MIN_COVERAGE, arg, "", "");
}

static int
parse_agg(const char *cmd, const char *arg, int *out)
{
	int m;

	for (m = RS_AGG_AMEAN; m <= RS_AGG_HMEAN; m++)
		if (strcmp(arg, rs_agg_method_name(m)) == 0) {
			*out = m;
			return 0;
		}
	return cli_usage_msg(cmd, RS_MSG_CLI_VARY_AGGREGATE, arg, "", "");
}

static int
parse_format(const char *cmd, const char *arg, enum rs_report_format *out)
{
	if (strcmp(arg, "text") == 0)
		*out = RS_FORMAT_TEXT;
	else if (strcmp(arg, "json") == 0)
		*out = RS_FORMAT_JSON;
	else if (strcmp(arg, "csv") == 0)
		*out = RS_FORMAT_CSV;
	else if (strcmp(arg, "html") == 0)
		*out = RS_FORMAT_HTML;
	else
		return cli_usage_msg(cmd, RS_MSG_CLI_FORMAT_SENSITIVITY, arg,
		    "", "");
	return 0;
}

/* "at most MAXALT opt": a repeatable option given too often. */
static int
at_most(const char *cmd, const char *opt)
{
	char n[16];

	snprintf(n, sizeof(n), "%d", MAXALT);
	return cli_usage_msg(cmd, RS_MSG_CLI_AT_MOST, n, opt, "");
}

static int
internal_option(const char *cmd, int c)
{
	char n[16];

	snprintf(n, sizeof(n), "%d", c);
	return cli_usage_msg(cmd, RS_MSG_CLI_INTERNAL_OPTION, n, "", "");
}

/* One option; 0 or an exit status. */
static int
option(struct sens_args *a, int c, const char *name, const char *arg)
{
	const char *cmd = a->cmd;
	struct rs_error err = {0};
	uint64_t u = 0;
	int rc = 0;

	if (c >= OPT_FRAMEWORK && c <= OPT_LANG)
		a->set[c - OPT_FRAMEWORK] = 1;
	switch (c) {
	case OPT_FRAMEWORK:
		a->in.framework = arg;
		rc = cli_file_arg(cmd, "--framework", arg);
		break;
	case 'o':
		a->output = arg;
		rc = cli_file_arg(cmd, "--output", arg);
		break;
	case OPT_DESIGN:
		a->design = arg;
		rc = cli_file_arg(cmd, "--design", arg);
		break;
	case OPT_RUNS:
		if ((rc = parse_count(cmd, "--runs", arg, 1, 10000000,
		    &u)) == 0)
			a->sa.runs = (size_t)u;
		break;
	case OPT_SEED:
		if ((rc = parse_count(cmd, "--seed", arg, 0, UINT64_MAX,
		    &u)) == 0)
			a->sa.seed = u;
		break;
	case OPT_THREADS:
		if ((rc = parse_count(cmd, "--threads", arg, 1, 256,
		    &u)) == 0)
			a->sa.threads = (unsigned)u;
		break;
	case OPT_NOISE:
		rc = parse_share(cmd, "--weight-noise", arg, 0, 1,
		    &a->sa.weight_noise);
		break;
	case OPT_LEVELS:
		rc = parse_levels(cmd, arg, &a->sa.levels);
		break;
	case OPT_WSETS:
	case OPT_GSETS:
		if ((rc = parse_count(cmd, c == OPT_WSETS ? "--weight-sets" :
		    "--goalpost-sets", arg, 1, 1000000, &u)) != 0)
			break;
		if (c == OPT_WSETS)
			a->sa.weight_sets = (size_t)u;
		else
			a->sa.goalpost_sets = (size_t)u;
		break;
	case OPT_GNOISE:
		rc = parse_share(cmd, "--goalpost-noise", arg, 0, 0.5,
		    &a->sa.goalpost_noise);
		break;
	case OPT_EXCLUDE:
		a->sa.exclude = 1;
		break;
	case OPT_VNORM:
		if (a->sa.nnorms == MAXALT)
			return at_most(cmd, "--vary-normalise");
		if (rs_norm_spec_parse(&a->norms[a->sa.nnorms], arg,
		    &err) != 0)
			return cli_usage(cmd, "%s", err.msg);
		a->sa.nnorms++;
		break;
	case OPT_VAGG:
		if (a->sa.naggs == MAXALT)
			return at_most(cmd, "--vary-aggregate");
		if ((rc = parse_agg(cmd, arg, &a->aggs[a->sa.naggs])) == 0)
			a->sa.naggs++;
		break;
	case OPT_WINMAX:
		rc = parse_winmax(cmd, arg, &a->sa.winmax_lo,
		    &a->sa.winmax_hi);
		break;
	case OPT_SOBOL:
		a->sa.sobol = 1;
		break;
	case OPT_VYEAR:
		if ((rc = parse_count(cmd, "--vary-year", arg, 0, 100,
		    &u)) == 0) {
			a->sa.vary_year = 1;
			a->sa.year_window = (long)u;
		}
		break;
	case OPT_VPROXY:
		a->sa.vary_proxies = 1;
		break;
	case OPT_VCOV:
		rc = parse_coverage(cmd, arg, &a->sa.coverage_lo,
		    &a->sa.coverage_hi);
		break;
	case OPT_MINVAR:
		rc = parse_share(cmd, "--min-variance", arg, 0, 1e300,
		    &a->sa.min_variance);
		break;
	case OPT_LANG:
		if (arg[0] == '\0' || strlen(arg) > 35)
			return cli_usage_msg(cmd, RS_MSG_CLI_LANG_CODE, arg, "",
			    "");
		a->in.lang = arg;
		break;
	case OPT_BOOT:
		if ((rc = parse_count(cmd, "--bootstrap", arg, 0, 100000,
		    &u)) == 0)
			a->sa.bootstrap = (size_t)u;
		break;
	case OPT_FORMAT:
		rc = parse_format(cmd, arg, &a->format);
		break;
	case OPT_YEAR:
		if ((rc = cli_parse_year(cmd, "--year", arg,
		    &a->in.year)) == 0)
			a->in.has_year = 1;
		break;
	case OPT_INFMT:
		rc = cli_parse_input_format(cmd, arg, &a->in.format);
		break;
	case OPT_SHEET:
		rc = cli_parse_sheet(cmd, arg, &a->in.sheet);
		break;
	case OPT_NOPROG:
		a->no_progress = 1;
		break;
	case 'q':
		a->quiet = 1;
		break;
	case CLI_OPT_OVERRIDE:
		rc = cli_override_add(cmd, &a->ov, name, arg);
		break;
	default:
		return internal_option(cmd, c);
	}
	return rc;
}

static int
parse_args(int argc, char **argv, struct sens_args *a)
{
	int c, idx, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:q", cli_sensitivity_options,
	    &idx)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return -1;
		}
		if (c == ':')
			return cli_usage_msg(a->cmd, RS_MSG_CLI_NEEDS_VALUE,
			    argv[optind - 1], "", "");
		if (c == '?')
			return cli_bad_option(a->cmd, argv, optopt);
		if ((rc = option(a, c, cli_sensitivity_options[idx].name,
		    optarg)) != 0)
			return rc;
	}
	if (optind >= argc)
		return cli_usage_msg(a->cmd, RS_MSG_CLI_NO_FILE, "", "", "");
	a->in.files = argv + optind;
	a->in.nfiles = argc - optind;
	/* Two outputs in one file: the report would replace the design. */
	if (a->design == NULL)
		return 0;
	if (strcmp(a->design, "-") == 0 ? (a->output == NULL && !a->quiet) ||
	    (a->output != NULL && strcmp(a->output, "-") == 0) :
	    a->output != NULL && (strcmp(a->design, a->output) == 0 ||
	    rs_output_same_file(a->design, a->output)))
		return cli_usage_msg(a->cmd, RS_MSG_CLI_DESIGN_SAME, a->design,
		    "", "");
	return 0;
}

/* The progress bar: on a terminal, once the work has lasted a second. */
struct bar {
	const char *cmd;	/* the command's name, shown first */
	struct timespec start;
	int shown;		/* 1: something is on the line */
};

static void
bar_update(void *arg, size_t done, size_t total)
{
	struct bar *b = arg;
	struct timespec now;
	double t;
	int fill;

	clock_gettime(CLOCK_MONOTONIC, &now);
	t = (double)(now.tv_sec - b->start.tv_sec) +
	    (double)(now.tv_nsec - b->start.tv_nsec) * 1e-9;
	if (t < 1 || total == 0)
		return;
	fill = (int)(30 * done / total);
	fprintf(stderr, "\r%s [%.*s%*s] %3d%% %zu/%zu %s", b->cmd,
	    fill, "##############################", 30 - fill, "",
	    (int)(100 * done / total), done, total,
	    cli_word(RS_MSG_CLI_SA_RUNS_WORD));
	b->shown = 1;
}

static void
bar_clear(const struct bar *b)
{
	if (b->shown)
		fprintf(stderr, "\r%*s\r", 79, "");
}

/* The framework's pipeline with the command line's overrides. */
static int
make_spec(const struct sens_args *a, const struct cli_run *run,
    struct rs_pipeline_spec **out, struct rs_error *err)
{
	struct rs_pipeline_spec *spec;
	char year[24];
	int rc = 0;

	*out = NULL;
	if (run->in.table == NULL) {
		if (a->ov.n > 0)
			return cli_error(err, RS_EUSAGE, "", 0, 0,
			    RS_MSG_CLI_NEEDS_PIPELINE, CLI_ARGS(a->ov.name[0]));
		return 0;
	}
	spec = rs_pipeline_spec_copy(run->in.fw.pipeline);
	rs_pipeline_spec_nodes(spec, run->in.fw.nnodes);
	if (a->in.has_year) {
		snprintf(year, sizeof(year), "%ld", a->in.year);
		rc = rs_pipeline_spec_set(spec, "year", year, err);
	}
	if (rc == 0)
		rc = cli_overrides_apply(&a->ov, spec, err);
	*out = spec;
	return rc;
}

/*
 * The framework's "sensitivity" section under the command line: each
 * input the command line does not set comes from the section.
 */
/*
 * An input of the framework's "sensitivity" section, not overridden on
 * the command line, that the framework cannot vary: an error of the
 * file, at the key's value (the same given as an option is a usage
 * error naming it, from rs_sensitivity_run()).
 */
static int
section_applies(const struct sens_args *a, const struct rs_framework *fw,
    const struct rs_sa_section *s, int pipeline, struct rs_error *err)
{
	const struct rs_sa_at *at = NULL;
	enum rs_msg msg = RS_MSG_COUNT;
	const char *key = "";

#define UNSET(opt) (!a->set[(opt) - OPT_FRAMEWORK])
	if (pipeline && s->has_goalposts && s->goalpost_noise > 0 &&
	    UNSET(OPT_GNOISE)) {
		at = &s->at_goalposts;
		msg = RS_MSG_CLI_SA_GOALPOSTS;
	} else if (!pipeline && s->nnorms > 0 && UNSET(OPT_VNORM)) {
		at = &s->at_normalise;
		msg = RS_MSG_CLI_SA_NEEDS_PIPELINE;
		key = "normalise";
	} else if (!pipeline && s->winmax_lo > 0 && UNSET(OPT_WINMAX)) {
		at = &s->at_winmax;
		msg = RS_MSG_CLI_SA_NEEDS_PIPELINE;
		key = "winmax";
	} else if (s->has_exclude && s->exclude && fw->nindicators < 2 &&
	    UNSET(OPT_EXCLUDE)) {
		at = &s->at_exclude;
		msg = RS_MSG_CLI_SA_EXCLUDE;
	} else if (a->sa.sobol && s->has_runs && s->runs < 2 &&
	    UNSET(OPT_RUNS)) {
		at = &s->at_runs;
		msg = RS_MSG_CLI_SA_RUNS;
	}
#undef UNSET
	if (msg == RS_MSG_COUNT)
		return 0;
	return cli_error(err, RS_EINPUT, fw->path, at->line, at->col, msg,
	    CLI_ARGS(key));
}

static int
merge_section(struct sens_args *a, const struct rs_framework *fw,
    int pipeline, struct rs_error *err)
{
	static const struct rs_sa_section none;
	const struct rs_sa_section *s = fw->sensitivity;
	struct rs_sa_spec *sa = &a->sa;
	int rc;

#define UNSET(opt) (!a->set[(opt) - OPT_FRAMEWORK])
	if (s == NULL)
		s = &none;	/* no section: nothing set */
	if (s->has_runs && UNSET(OPT_RUNS))
		sa->runs = s->runs;
	if (s->has_seed && UNSET(OPT_SEED))
		sa->seed = s->seed;
	if (s->has_bootstrap && UNSET(OPT_BOOT))
		sa->bootstrap = s->bootstrap;
	if (s->has_weights && UNSET(OPT_NOISE))
		sa->weight_noise = s->weight_noise;
	if (s->has_levels && UNSET(OPT_LEVELS))
		sa->levels = s->levels;
	if (s->has_weight_sets && UNSET(OPT_WSETS))
		sa->weight_sets = s->weight_sets;
	if (s->has_goalposts && UNSET(OPT_GNOISE))
		sa->goalpost_noise = s->goalpost_noise;
	if (s->has_goalpost_sets && UNSET(OPT_GSETS))
		sa->goalpost_sets = s->goalpost_sets;
	if (s->has_exclude && UNSET(OPT_EXCLUDE))
		sa->exclude = s->exclude;
	if (s->has_sobol && UNSET(OPT_SOBOL))
		sa->sobol = s->sobol;
	if (s->winmax_lo > 0 && UNSET(OPT_WINMAX)) {
		sa->winmax_lo = s->winmax_lo;
		sa->winmax_hi = s->winmax_hi;
	}
	if (s->nnorms > 0 && UNSET(OPT_VNORM)) {
		memcpy(a->norms, s->norms, sizeof(s->norms));
		sa->nnorms = s->nnorms;
	}
	if (s->naggs > 0 && UNSET(OPT_VAGG)) {
		memcpy(a->aggs, s->aggs, sizeof(s->aggs));
		sa->naggs = s->naggs;
	}
	if ((rc = section_applies(a, fw, s, pipeline, err)) != 0)
		return rc;
	/* COINr picks among 100 noisy sets in its sensitivity vignette */
	if (sa->sobol && UNSET(OPT_WSETS) && !s->has_weight_sets)
		sa->weight_sets = 100;
	if (sa->sobol && UNSET(OPT_GSETS) && !s->has_goalpost_sets)
		sa->goalpost_sets = 100;
	if (sa->sobol) {
		sa->year_sets = 100;
		sa->proxy_sets = 100;
	}
#undef UNSET
	return 0;
}

/* Buffer what write() writes and give it to cli_emit(). */
static int
emit(const char *path, const struct cli_inputs *in, int (*write)(FILE *,
    const struct sens_args *, const struct cli_run *,
    const struct rs_sa_result *, struct rs_error *),
    const struct sens_args *a, const struct cli_run *run,
    const struct rs_sa_result *res, struct rs_error *err)
{
	struct cli_buffer b = {0};
	int rc;

	if ((rc = cli_buffer_open(&b, err)) != 0)
		return rc;
	rc = write(b.fp, a, run, res, err);
	if ((rc = cli_buffer_close(&b, rc, err)) == 0)
		rc = cli_emit(path, b.buf, b.len, in, err);
	free(b.buf);
	return rc;
}

static int
write_report(FILE *fp, const struct sens_args *a, const struct cli_run *run,
    const struct rs_sa_result *res, struct rs_error *err)
{
	return rs_report_sensitivity(fp, &run->in.fw, &a->sa, res, a->format,
	    a->in.lang, err);
}

static int
write_design(FILE *fp, const struct sens_args *a, const struct cli_run *run,
    const struct rs_sa_result *res, struct rs_error *err)
{
	return rs_report_sa_design(fp, &run->in.fw, &a->sa, res, err);
}

/* sensitivity, or uncertainty as cmd: the same grammar and run. */
static int
sensitivity(const char *cmd, int argc, char **argv)
{
	struct sens_args a;
	struct cli_run run;
	struct rs_sa_result res;
	struct rs_sa_cells cells;
	struct rs_pipeline_spec *spec = NULL;
	struct rs_error err = {0};
	struct bar bar = {0};
	long cpus;
	int rc;

	memset(&a, 0, sizeof(a));
	memset(&res, 0, sizeof(res));
	memset(&run, 0, sizeof(run));
	memset(&cells, 0, sizeof(cells));
	a.cmd = cmd;
	bar.cmd = cmd;
	a.sa.runs = 1000;
	a.sa.seed = 1;
	a.sa.levels = ~1u;	/* every level */
	a.sa.bootstrap = 100;
	a.sa.min_variance = RS_SA_MIN_VARIANCE;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	a.sa.threads = cpus < 1 ? 1 : cpus > 256 ? 256 : (unsigned)cpus;
	a.format = RS_FORMAT_TEXT;
	if ((rc = parse_args(argc, argv, &a)) != 0)
		return rc < 0 ? 0 : rc;
	a.sa.norms = a.norms;
	a.sa.aggs = a.aggs;
	if (!a.quiet && !a.no_progress && isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &bar.start);
		a.sa.progress = bar_update;
		a.sa.progress_arg = &bar;
	}
	if ((rc = cli_run_load(&run, &a.in, &err)) != 0)
		goto out;
	if ((rc = merge_section(&a, &run.in.fw, run.in.table != NULL,
	    &err)) != 0)
		goto out;
	if ((rc = make_spec(&a, &run, &spec, &err)) != 0)
		goto out;
	/* docs/sensitivity.md, "Data choices": the assessment year */
	if (run.in.table == NULL && (a.sa.vary_year || a.sa.vary_proxies)) {
		a.sa.year = a.in.has_year ? a.in.year :
		    rs_dataset_last_year(&run.in.ds, NULL);
		rs_sa_cells_build(&run.in.ds, run.chosen, a.sa.year,
		    a.sa.vary_year ? a.sa.year_window : -1, &cells);
		a.sa.cells = &cells;
	}
	rc = rs_sensitivity_run(&run.in.fw, spec, run.in.table, run.values,
	    run.names, run.in.ds.ncities, &a.sa, &res, &err);
	bar_clear(&bar);
	if (rc != 0)
		goto out;
	if (a.design != NULL && (rc = emit(a.design, &a.in, write_design, &a,
	    &run, &res, &err)) != 0)
		goto out;
	if (!a.quiet || a.output != NULL)
		rc = emit(a.output, &a.in, write_report, &a, &run, &res, &err);
out:
	rs_sa_result_release(&res);
	rs_sa_cells_release(&cells);
	rs_pipeline_spec_free(spec);
	cli_run_release(&run);
	return rc == 0 ? 0 : cli_fail(&err);
}

int
cmd_sensitivity(int argc, char **argv)
{
	return sensitivity("sensitivity", argc, argv);
}

int
cmd_uncertainty(int argc, char **argv)
{
	return sensitivity("uncertainty", argc, argv);
}
