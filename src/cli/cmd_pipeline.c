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

#include "cli.h"
#include "resilience/coinr.h"
#include "resilience/pipeline.h"
#include "resilience/report_pipeline.h"
#include "resilience/stats.h"

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

enum {
	OPT_STEP = 1000,
	OPT_CORR,
	OPT_PVALUE,
	OPT_WEIGHTS,
	OPT_SPEC,	/* OPT_SPEC + i: pipeline option i */
};

/* The pipeline options; their names are rs_pipeline_spec_set()'s. */
static const char *const spec_options[] = {
	"denominate", "impute", "screen", "screen-by", "nonzero", "include",
	"exclude", "treat", "winmax", "skew", "kurtosis", "log", "normalise",
	"aggregate", "min-coverage", "year",
};

#define NSPEC (sizeof(spec_options) / sizeof(*spec_options))

struct pipe_args {
	const char *cmd;
	const char *framework;
	const char *output;
	const char *file;
	int step;
	int corr_a, corr_b;
	double pvalue;
	int weights;
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
	struct option options[8 + NSPEC + 1];
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
	for (i = 0; i < NSPEC; i++)
		options[n++] = (struct option){spec_options[i],
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
				    spec_options[c - OPT_SPEC];
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

/* Load, configure and run; the framework decides the defaults. */
static int
run(const struct pipe_args *a, struct rs_framework *fw, struct rs_table *t,
    struct rs_pipeline_result *r, struct rs_error *err)
{
	struct rs_pipeline_spec *spec = NULL;
	size_t i;
	int rc;

	if ((rc = cli_load_framework(fw, a->framework, err)) != 0 ||
	    (rc = rs_coinr_load_data(t, fw, a->file, err)) != 0)
		return rc;
	spec = fw->pipeline != NULL ? rs_pipeline_spec_copy(fw->pipeline) :
	    rs_pipeline_spec_new();
	rs_pipeline_spec_nodes(spec, fw->nnodes);
	for (i = 0; i < a->nspec && rc == 0; i++)
		rc = rs_pipeline_spec_set(spec, a->spec_name[i],
		    a->spec_value[i], err);
	if (rc == 0)
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
	char *buf = NULL;
	size_t len = 0, nrows;
	double *m;
	FILE *mem;
	int rc;

	memset(&a, 0, sizeof(a));
	a.cmd = cmd;
	a.step = stats ? RS_STEP_RAW : RS_STEP_AGGREGATED;
	a.pvalue = 1;
	if ((rc = parse_args(argc, argv, &a, usage)) != 0)
		return rc < 0 ? 0 : rc;
	if (stats && a.step > RS_STEP_NORMALISED)
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
	if ((mem = open_memstream(&buf, &len)) == NULL) {
		rc = rs_error_io(&err, errno, "", "cannot buffer the report");
		goto out;
	}
	if (!stats) {
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
	if (fclose(mem) != 0 && rc == 0)
		rc = rs_error_io(&err, errno, "", "cannot buffer the report");
	if (rc == 0)
		rc = cli_emit(a.output, buf, len, &in, &err);
out:
	free(buf);
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
