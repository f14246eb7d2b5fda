/*
 * cmd_pipeline.c - resilience pipeline and resilience stats: run the
 * composite-indicator pipeline (docs/pipeline.md) and write a step's
 * table, or statistics, correlations and effective weights
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "resilience/coinr.h"
#include "resilience/pipeline.h"
#include "resilience/report_pipeline.h"
#include "resilience/stats.h"
#include "resilience/uncertainty.h"

static const char pipeline_usage[] =
    "usage: resilience pipeline [options] FILE\n"
    "\n"
    "Run the composite-indicator pipeline on FILE (COINr's iData layout:\n"
    "uCode [, uName, Time], group and denominator columns, one column per\n"
    "indicator) and write one step's table as CSV.\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON, or COINr iMeta CSV (*.csv)\n"
    "  --step STEP           raw, denominated, imputed, screened, treated,\n"
    "                        normalised, aggregated (default), ranks,\n"
    "                        screening, treatment, points\n"
    "  --output FILE         write the table to FILE atomically\n"
    PIPELINE_OPTIONS_HELP
    "  -h, --help            show this help\n";

static const char stats_usage[] =
    "usage: resilience stats [options] FILE\n"
    "\n"
    "Statistics of FILE's indicators after a pipeline step (per indicator:\n"
    "min, max, mean, median, sd, skew, kurtosis, availability, flags),\n"
    "correlations between levels, or effective weights, as CSV.\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON, or COINr iMeta CSV (*.csv)\n"
    "  --step STEP           raw (default), denominated, imputed,\n"
    "                        screened, treated, normalised\n"
    "  --corr A,B            correlations of level A with level B of the\n"
    "                        aggregated table (1 = indicators)\n"
    "  --pvalue P            leave out correlations with p-value > P\n"
    "                        (default 1: keep all)\n"
    "  --weights             effective weight of every node\n"
    "  --output FILE         write the table to FILE atomically\n"
    PIPELINE_OPTIONS_HELP
    "  -h, --help            show this help\n";

static const char ua_usage[] =
    "usage: resilience uncertainty [options] FILE\n"
    "\n"
    "Monte Carlo uncertainty analysis of the index ranks: run the pipeline\n"
    "RUNS times on the treated data, drawing a normaliser from those given\n"
    "with --vary-normalise and multiplying the weights of the chosen levels\n"
    "by 1 + U(-NOISE, NOISE); write each unit's nominal rank and the mean,\n"
    "median, 5th and 95th percentile of its rank as CSV.\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON, or COINr iMeta CSV (*.csv)\n"
    "  --runs N              replications (default 1000)\n"
    "  --seed S              random seed (default 1)\n"
    "  --weight-noise X      relative noise on weights (default 0.25)\n"
    "  --noise-levels A,B    levels whose weights vary (default 2,3)\n"
    "  --vary-normalise M    a normaliser to draw, such as minmax:1,100;\n"
    "                        repeat for several (default: the pipeline's)\n"
    "  --output FILE         write the table to FILE atomically\n"
    PIPELINE_OPTIONS_HELP
    "  -h, --help            show this help\n";

enum {
	OPT_RUNS = 900,
	OPT_SEED,
	OPT_NOISE,
	OPT_LEVELS,
	OPT_VARY,
	OPT_STEP = 1000,
	OPT_CORR,
	OPT_PVALUE,
	OPT_WEIGHTS,
	OPT_SPEC,	/* OPT_SPEC + i: pipeline option i */
};

/* The pipeline options; their names are rs_pipeline_spec_set()'s. */
const char *const cli_spec_options[] = {
	"denominate", "impute", "screen", "screen-by", "nonzero", "include",
	"exclude", "treat", "winmax", "skew", "kurtosis", "log", "normalise",
	"aggregate", "min-coverage", "year",
};

#define NSPEC (sizeof(cli_spec_options) / sizeof(*cli_spec_options))

const size_t cli_nspec_options = NSPEC;

struct pipe_args {
	const char *cmd;
	const char *framework;
	const char *output;
	const char *file;
	int step;
	int corr_a, corr_b;
	double pvalue;
	int weights;
	size_t runs;			/* uncertainty */
	unsigned long long seed;
	double noise;
	unsigned levels;
	struct rs_norm_spec vary[16];
	size_t nvary;
	const char *spec_name[64];	/* overrides in command-line order */
	const char *spec_value[64];
	size_t nspec;
};

/* "A,B": two levels from 1 to 99. */
static int
parse_levels(const char *s, int *a, int *b)
{
	char *end;
	long x, y;

	x = strtol(s, &end, 10);
	if (end == s || *end != ',')
		return -1;
	s = end + 1;
	y = strtol(s, &end, 10);
	if (end == s || *end != '\0' || x < 1 || x > 99 || y < 1 || y > 99)
		return -1;
	*a = (int)x;
	*b = (int)y;
	return 0;
}

static int
parse_args(int argc, char **argv, struct pipe_args *a, const char *usage)
{
	struct option options[13 + NSPEC + 1];
	struct rs_error err = {0};
	unsigned long long u;
	int la, lb;
	size_t i, n = 0;
	char *end;
	int c;

	memset(options, 0, sizeof(options));
	options[n++] = (struct option){"framework", required_argument, NULL,
	    'f'};
	options[n++] = (struct option){"output", required_argument, NULL,
	    'o'};
	options[n++] = (struct option){"step", required_argument, NULL,
	    OPT_STEP};
	options[n++] = (struct option){"corr", required_argument, NULL,
	    OPT_CORR};
	options[n++] = (struct option){"pvalue", required_argument, NULL,
	    OPT_PVALUE};
	options[n++] = (struct option){"weights", no_argument, NULL,
	    OPT_WEIGHTS};
	options[n++] = (struct option){"help", no_argument, NULL, 'h'};
	options[n++] = (struct option){"runs", required_argument, NULL,
	    OPT_RUNS};
	options[n++] = (struct option){"seed", required_argument, NULL,
	    OPT_SEED};
	options[n++] = (struct option){"weight-noise", required_argument,
	    NULL, OPT_NOISE};
	options[n++] = (struct option){"noise-levels", required_argument,
	    NULL, OPT_LEVELS};
	options[n++] = (struct option){"vary-normalise", required_argument,
	    NULL, OPT_VARY};
	for (i = 0; i < NSPEC; i++)
		options[n++] = (struct option){cli_spec_options[i],
		    required_argument, NULL, OPT_SPEC + (int)i};
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			a->framework = optarg;
			break;
		case 'o':
			a->output = optarg;
			break;
		case OPT_STEP:
			a->step = rs_step_parse(optarg);
			if (a->step < 0)
				return cli_usage(a->cmd, "unknown --step '%s'",
				    optarg);
			break;
		case OPT_CORR:
			if (parse_levels(optarg, &a->corr_a, &a->corr_b) != 0)
				return cli_usage(a->cmd, "--corr takes two "
				    "levels such as 1,2, not '%s'", optarg);
			break;
		case OPT_PVALUE:
			errno = 0;
			a->pvalue = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    !(a->pvalue >= 0 && a->pvalue <= 1))
				return cli_usage(a->cmd, "--pvalue takes a "
				    "number from 0 to 1, not '%s'", optarg);
			break;
		case OPT_WEIGHTS:
			a->weights = 1;
			break;
		case OPT_RUNS:
		case OPT_SEED:
			errno = 0;
			u = strtoull(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    optarg[0] == '-' || (c == OPT_RUNS && (u < 1 ||
			    u > 10000000)))
				return cli_usage(a->cmd, "--%s takes a whole "
				    "number%s, not '%s'", c == OPT_RUNS ?
				    "runs" : "seed", c == OPT_RUNS ?
				    " from 1 to 10000000" : "", optarg);
			if (c == OPT_RUNS)
				a->runs = (size_t)u;
			else
				a->seed = u;
			break;
		case OPT_NOISE:
			errno = 0;
			a->noise = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    !(a->noise >= 0 && a->noise < 1))
				return cli_usage(a->cmd, "--weight-noise takes "
				    "a number from 0 to below 1, not '%s'",
				    optarg);
			break;
		case OPT_LEVELS:
			if (parse_levels(optarg, &la, &lb) != 0 || la > 31 ||
			    lb > 31)
				return cli_usage(a->cmd, "--noise-levels takes "
				    "two levels such as 2,3, not '%s'", optarg);
			a->levels = 1u << la | 1u << lb;
			break;
		case OPT_VARY:
			if (a->nvary == 16)
				return cli_usage(a->cmd, "at most 16 "
				    "--vary-normalise");
			if (rs_norm_spec_parse(&a->vary[a->nvary], optarg,
			    &err) != 0)
				return cli_usage(a->cmd, "%s", err.msg);
			a->nvary++;
			break;
		case 'h':
			fputs(usage, stdout);
			return -1;
		case ':':
			return cli_usage(a->cmd, "option '%s' needs a value",
			    argv[optind - 1]);
		default:
			if (c >= OPT_SPEC && c < OPT_SPEC + (int)NSPEC) {
				if (a->nspec == 64)
					return cli_usage(a->cmd, "too many "
					    "pipeline options");
				a->spec_name[a->nspec] =
				    cli_spec_options[c - OPT_SPEC];
				a->spec_value[a->nspec++] = optarg;
				break;
			}
			return cli_bad_option(a->cmd, argv, optopt);
		}
	}
	if (optind >= argc)
		return cli_usage(a->cmd, "no data file given");
	if (optind + 1 < argc)
		return cli_usage(a->cmd, "one data file only, not %d",
		    argc - optind);
	a->file = argv[optind];
	return 0;
}

/* The spec of the framework with the command line's overrides. */
static int
make_spec(const struct pipe_args *a, const struct rs_framework *fw,
    struct rs_pipeline_spec **out, struct rs_error *err)
{
	struct rs_pipeline_spec *spec;
	size_t i;
	int rc = 0;

	spec = fw->pipeline != NULL ? rs_pipeline_spec_copy(fw->pipeline) :
	    rs_pipeline_spec_new();
	rs_pipeline_spec_nodes(spec, fw->nnodes);
	for (i = 0; i < a->nspec && rc == 0; i++)
		rc = rs_pipeline_spec_set(spec, a->spec_name[i],
		    a->spec_value[i], err);
	*out = spec;
	return rc;
}

static int
write_ua(FILE *out, const struct pipe_args *a, const struct rs_framework *fw,
    const struct rs_table *t, struct rs_error *err)
{
	struct rs_pipeline_spec *spec = NULL;
	struct rs_ua_spec ua;
	struct rs_ua_result res;
	size_t i;
	int rc;

	memset(&res, 0, sizeof(res));
	memset(&ua, 0, sizeof(ua));
	ua.runs = a->runs;
	ua.seed = a->seed;
	ua.weight_noise = a->noise;
	ua.levels = a->levels;
	ua.norms = a->vary;
	ua.nnorms = a->nvary;
	if ((rc = make_spec(a, fw, &spec, err)) == 0)
		rc = rs_uncertainty_run(fw, spec, t, &ua, &res, err);
	if (rc == 0) {
		fputs("\"uCode\",\"Nominal\",\"Mean\",\"Median\",\"Q5\","
		    "\"Q95\"\n", out);
		for (i = 0; i < res.nunits; i++)
			fprintf(out, "\"%s\",%ld,%.17g,%.17g,%.17g,%.17g\n",
			    res.unit[i], res.nominal[i], res.mean[i],
			    res.median[i], res.q5[i], res.q95[i]);
	}
	rs_ua_result_release(&res);
	rs_pipeline_spec_free(spec);
	return rc;
}

/* Load, configure and run; the framework decides the defaults. */
static int
run(const struct pipe_args *a, struct rs_framework *fw, struct rs_table *t,
    struct rs_pipeline_result *r, struct rs_error *err)
{
	struct rs_pipeline_spec *spec = NULL;
	int rc;

	struct rs_dataset ds;

	if ((rc = cli_load_framework(fw, a->framework, err)) != 0)
		return rc;
	rs_dataset_init(&ds, fw);
	rc = cli_load_table(t, &ds, fw, a->file, RS_INPUT_AUTO, 0, 0, err);
	rs_dataset_release(&ds);
	if (rc != 0)
		return rc;
	if ((rc = make_spec(a, fw, &spec, err)) == 0)
		rc = rs_pipeline_run(fw, spec, t, r, err);
	rs_pipeline_spec_free(spec);
	return rc;
}

/* A matrix of the kept units for a statistics step. */
static double *
step_matrix(const struct rs_pipeline_result *r, int step, size_t *nrows)
{
	size_t nind = r->nind, i;
	double *m;

	*nrows = step <= RS_STEP_IMPUTED ? r->nrows : r->nunits;
	m = malloc((*nrows * nind + 1) * sizeof(double));
	if (m == NULL)
		abort();
	for (i = 0; i < *nrows; i++) {
		const double *src = step == RS_STEP_RAW ? r->raw + i * nind :
		    step == RS_STEP_DENOMINATED ? r->denominated + i * nind :
		    step == RS_STEP_IMPUTED ? r->imputed + i * nind :
		    step == RS_STEP_SCREENED ? r->imputed + r->kept[i] * nind :
		    step == RS_STEP_TREATED ? r->treated + i * nind :
		    r->normalised + i * nind;

		memcpy(m + i * nind, src, nind * sizeof(double));
	}
	return m;
}

static int
command(int argc, char **argv, const char *cmd, const char *usage,
    int stats)
{
	struct pipe_args a;
	struct rs_framework fw;
	struct rs_table t;
	struct rs_pipeline_result r;
	struct rs_stats_flags flags;
	struct cli_inputs in = {0};
	struct rs_error err = {0};
	struct cli_buffer b = {0};
	size_t nrows;
	double *m;
	FILE *mem;
	int rc;

	memset(&a, 0, sizeof(a));
	a.cmd = cmd;
	a.runs = 1000;
	a.seed = 1;
	a.noise = 0.25;
	a.levels = 1u << 2 | 1u << 3;
	a.step = stats ? RS_STEP_RAW : RS_STEP_AGGREGATED;
	a.pvalue = 1;
	if ((rc = parse_args(argc, argv, &a, usage)) != 0)
		return rc < 0 ? 0 : rc;
	if (stats == 1 && a.step > RS_STEP_NORMALISED)
		return cli_usage(cmd, "--step of stats is one of raw to "
		    "normalised");
	rs_framework_init(&fw);
	rs_table_init(&t);
	memset(&r, 0, sizeof(r));
	in.framework = a.framework;
	in.files = &argv[argc - 1];	/* the data file, for cli_emit() */
	in.nfiles = 1;
	if ((rc = run(&a, &fw, &t, &r, &err)) != 0)
		goto out;
	if (stats == 2)
		rs_pipeline_result_release(&r);	/* the analysis reruns it */
	if ((rc = cli_buffer_open(&b, &err)) != 0)
		goto out;
	mem = b.fp;
	if (stats == 2) {
		rc = write_ua(mem, &a, &fw, &t, &err);
	} else if (!stats) {
		rc = rs_report_step_csv(mem, &r, a.step, &err);
	} else if (a.weights) {
		rc = rs_report_weights_csv(mem, &fw, &err);
	} else if (a.corr_a > 0) {
		rc = rs_report_corr_csv(mem, &r, a.corr_a, a.corr_b, a.pvalue,
		    &err);
	} else {
		rs_stats_default_flags(&flags);
		m = step_matrix(&r, a.step, &nrows);
		rc = rs_report_stats_csv(mem, &fw, m, nrows, &flags, &err);
		free(m);
	}
	if ((rc = cli_buffer_close(&b, rc, &err)) == 0)
		rc = cli_emit(a.output, b.buf, b.len, &in, &err);
out:
	free(b.buf);
	rs_pipeline_result_release(&r);
	rs_table_release(&t);
	rs_framework_release(&fw);
	return rc == 0 ? 0 : cli_fail(&err);
}

int
cmd_pipeline(int argc, char **argv)
{
	return command(argc, argv, "pipeline", pipeline_usage, 0);
}

int
cmd_stats(int argc, char **argv)
{
	return command(argc, argv, "stats", stats_usage, 1);
}

int
cmd_uncertainty(int argc, char **argv)
{
	return command(argc, argv, "uncertainty", ua_usage, 2);
}
