/*
 * cmd_stats.c - resilience stats: statistics of the indicators after a
 * pipeline step, correlations between levels, or effective weights
 * (docs/pipeline.md)
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/mem.h"
#include "resilience/report_pipeline.h"
#include "resilience/stats.h"
#include "base/text.h"

static const char usage[] =
    "usage: resilience stats [options] FILE\n"
    "\n"
    "Statistics of FILE's indicators after a pipeline step (per indicator:\n"
    "min, max, mean, median, sd, skew, kurtosis, availability, flags),\n"
    "correlations between levels, or effective weights, as CSV.\n"
    "\n"
    "examples:\n"
    "  resilience stats --framework iMeta.csv --corr 1,2 iData.csv\n"
    "\n"
    "options:\n"
    "  --framework FILE      framework JSON, or COINr iMeta CSV (*.csv)\n"
    "  --sheet NAME          the sheet of an .xlsx or .ods FILE to read\n"
    "                        (default: the first)\n"
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
	OPT_FRAMEWORK = 1000,
	OPT_SHEET,
	OPT_STEP,
	OPT_CORR,
	OPT_PVALUE,
	OPT_WEIGHTS,
};

const struct option cli_stats_options[] = {
	{"framework", required_argument, NULL, OPT_FRAMEWORK},
	{"sheet", required_argument, NULL, OPT_SHEET},
	{"step", required_argument, NULL, OPT_STEP},
	{"corr", required_argument, NULL, OPT_CORR},
	{"pvalue", required_argument, NULL, OPT_PVALUE},
	{"weights", no_argument, NULL, OPT_WEIGHTS},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	CLI_OVERRIDE_OPTIONS,
	{NULL, 0, NULL, 0},
};

/* What the command is asked for. */
struct stats_args {
	int step;			/* --step, or -1 */
	int corr_a, corr_b;		/* --corr A,B; 0: not given */
	double pvalue;			/* --pvalue, 1 by default */
	int has_pvalue;
	int weights;			/* --weights */
};

/* "A,B": two levels from 1 to 99. */
static int
parse_levels(const char *s, int *a, int *b)
{
	const char *comma = strchr(s, ',');
	uint64_t x, y;

	if (comma == NULL || rs_uint_parse(s, (size_t)(comma - s), 1, 99,
	    &x) != 0 || rs_uint_parse(comma + 1, strlen(comma + 1), 1, 99,
	    &y) != 0)
		return -1;
	*a = (int)x;
	*b = (int)y;
	return 0;
}

static int
parse_args(int argc, char **argv, struct cli_pipe *p, struct stats_args *a)
{
	char *end;
	int c, idx;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", cli_stats_options,
	    &idx)) != -1) {
		switch (c) {
		case OPT_FRAMEWORK:
			if (cli_file_arg(p->cmd, "--framework", optarg))
				return EXIT_USAGE;
			p->framework = optarg;
			break;
		case OPT_SHEET:
			if (cli_parse_sheet(p->cmd, optarg, &p->sheet) != 0)
				return EXIT_USAGE;
			break;
		case 'o':
			if (cli_file_arg(p->cmd, "--output", optarg))
				return EXIT_USAGE;
			p->output = optarg;
			break;
		case OPT_STEP:
			if ((a->step = rs_step_parse(optarg)) < 0)
				return cli_usage_msg(p->cmd,
				    RS_MSG_CLI_UNKNOWN_STEP, optarg, "", "");
			if (a->step > RS_STEP_NORMALISED)
				return cli_usage_msgv(p->cmd,
				    RS_MSG_CLI_STATS_STEP, CLI_NOARGS);
			break;
		case OPT_CORR:
			if (parse_levels(optarg, &a->corr_a, &a->corr_b) != 0)
				return cli_usage_msg(p->cmd,
				    RS_MSG_CLI_CORR_LEVELS, optarg, "", "");
			break;
		case OPT_PVALUE:
			errno = 0;
			a->pvalue = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    !(a->pvalue >= 0 && a->pvalue <= 1))
				return cli_usage_msg(p->cmd,
				    RS_MSG_CLI_PVALUE, optarg, "", "");
			a->has_pvalue = 1;
			break;
		case OPT_WEIGHTS:
			a->weights = 1;
			break;
		case CLI_OPT_OVERRIDE:
			if (cli_override_add(p->cmd, &p->ov,
			    cli_stats_options[idx].name, optarg) != 0)
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(usage, stdout);
			return -1;
		case ':':
			return cli_usage_msg(p->cmd, RS_MSG_CLI_NEEDS_VALUE,
			    argv[optind - 1], "", "");
		default:
			return cli_bad_option(p->cmd, argv, optopt);
		}
	}
	/* One table per run: say which options the chosen one ignores. */
	if (a->corr_a > 0 && a->weights)
		return cli_usage_msgv(p->cmd, RS_MSG_CLI_CORR_OR_WEIGHTS,
		    CLI_NOARGS);
	if (a->has_pvalue && a->corr_a == 0)
		return cli_usage_msgv(p->cmd, RS_MSG_CLI_PVALUE_CORR,
		    CLI_NOARGS);
	if (a->step >= 0 && (a->corr_a > 0 || a->weights))
		return cli_usage_msgv(p->cmd, a->weights ?
		    RS_MSG_CLI_STEP_WEIGHTS : RS_MSG_CLI_STEP_CORR,
		    CLI_NOARGS);
	return cli_pipe_file(p, argc, argv, optind);
}

/* A matrix of the kept units for a statistics step. */
static double *
step_matrix(const struct rs_pipeline_result *r, int step, size_t *nrows)
{
	size_t nind = r->nind, i;
	double *m;

	*nrows = step <= RS_STEP_IMPUTED ? r->nrows : r->nunits;
	m = rs_malloc((*nrows * nind + 1) * sizeof(double));
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
write_table(FILE *fp, const struct cli_pipe *p, const struct stats_args *a,
    struct rs_error *err)
{
	struct rs_stats_flags flags;
	size_t nrows;
	double *m;
	int rc;

	if (a->weights)
		return rs_report_weights_csv(fp, &p->in.fw, err);
	if (a->corr_a > 0)
		return rs_report_corr_csv(fp, &p->r, a->corr_a, a->corr_b,
		    a->pvalue, err);
	rs_stats_default_flags(&flags);
	m = step_matrix(&p->r, a->step >= 0 ? a->step : RS_STEP_RAW, &nrows);
	rc = rs_report_stats_csv(fp, &p->in.fw, m, nrows, &flags, err);
	free(m);
	return rc;
}

int
cmd_stats(int argc, char **argv)
{
	struct cli_pipe p;
	struct stats_args a = {0};
	struct cli_buffer b = {0};
	struct rs_error err = {0};
	int rc;

	memset(&p, 0, sizeof(p));
	p.cmd = "stats";
	a.step = -1;
	a.pvalue = 1;
	if ((rc = parse_args(argc, argv, &p, &a)) != 0)
		return rc < 0 ? 0 : rc;
	if ((rc = cli_pipe_run(&p, &err)) == 0 &&
	    (rc = cli_buffer_open(&b, &err)) == 0) {
		rc = write_table(b.fp, &p, &a, &err);
		if ((rc = cli_buffer_close(&b, rc, &err)) == 0)
			rc = cli_pipe_emit(&p, b.buf, b.len, &err);
	}
	free(b.buf);
	cli_pipe_release(&p);
	return rc == 0 ? 0 : cli_fail(&err);
}
