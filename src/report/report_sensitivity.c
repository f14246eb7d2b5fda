/*
 * report_sensitivity.c - the sensitivity report as text, JSON
 * (docs/schema/sensitivity.schema.json) or CSV, and the design matrix
 * (docs/sensitivity.md, "Output")
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "io/csv_writer.h"
#include "io/json_writer.h"
#include "resilience/report_sensitivity.h"
#include "resilience/sensitivity.h"

/* The label of alternative a of input j, such as "minmax:1,100". */
static char *
alt_label(char *buf, size_t n, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res, size_t j,
    size_t a)
{
	const struct rs_norm_spec *ns;
	char lo[32], hi[32];

	switch (res->input[j]) {
	case RS_SA_EXCLUDE:
		snprintf(buf, n, "%s", fw->nodes[fw->indicators[a]].id);
		break;
	case RS_SA_WINMAX:
		snprintf(buf, n, "%d", spec->winmax_lo + (int)a);
		break;
	case RS_SA_NORMALISE:
		ns = &spec->norms[a];
		if (ns->has_range)
			snprintf(buf, n, "%s:%s,%s",
			    rs_norm_method_name(ns->method),
			    rs_fmt_exact(lo, sizeof(lo), ns->lo),
			    rs_fmt_exact(hi, sizeof(hi), ns->hi));
		else
			snprintf(buf, n, "%s", rs_norm_method_name(ns->method));
		break;
	case RS_SA_AGGREGATE:
		snprintf(buf, n, "%s", rs_agg_method_name(spec->aggs[a]));
		break;
	default:
		snprintf(buf, n, "set %zu", a);	/* weights, goalposts */
		break;
	}
	return buf;
}

/* One of the report's own words or sentences (i18n.c), in English. */
static void
say(FILE *out, enum rs_msg msg, const char *a, const char *b, const char *c)
{
	const char *const args[3] = {a, b, c};

	rs_i18n_print(out, rs_i18n(NULL, msg), args, 3);
}

/* "weights: 100 sets" and the like, for the text header. */
static void
describe_input(FILE *out, const struct rs_sa_spec *spec,
    const struct rs_sa_result *res, size_t j)
{
	int in = res->input[j];
	size_t sets = in == RS_SA_WEIGHTS ? spec->weight_sets :
	    spec->goalpost_sets;
	char num[32];

	fprintf(out, "  %-10s ", rs_sa_input_name(in));
	if (in == RS_SA_WEIGHTS || in == RS_SA_GOALPOSTS) {
		snprintf(num, sizeof(num), "%g", in == RS_SA_WEIGHTS ?
		    spec->weight_noise : spec->goalpost_noise);
		say(out, in == RS_SA_WEIGHTS ? RS_MSG_SA_WEIGHT_NOISE :
		    RS_MSG_SA_GOALPOST_NOISE, num, "", "");
		snprintf(num, sizeof(num), "%zu", sets);
		say(out, sets > 0 ? RS_MSG_SA_SETS : RS_MSG_SA_SET_PER_RUN,
		    num, "", "");
	} else {
		snprintf(num, sizeof(num), "%zu", res->nalts[j]);
		say(out, RS_MSG_SA_ALTERNATIVES, num, "", "");
	}
	fputc('\n', out);
}

/* City i's nominal rank, NaN when it has none (no nominal score). */
static double
nominal(const struct rs_sa_result *res, size_t i)
{
	return res->nominal[i] > 0 ? (double)res->nominal[i] : (double)NAN;
}

/* The width of a level's column: its id as shown, at least 5. */
static int
level_width(const char *shown)
{
	size_t w = rs_utf8_width(shown);

	return w < 5 ? 5 : w > 40 ? 40 : (int)w;
}

static void
text_report(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res)
{
	size_t i, j, w = 4, cw;
	char name[256], num[32], **lid;
	int rw = 7;

	/* rank columns wide enough for the largest rank and 2 decimals */
	for (i = res->nunits; i >= 10000; i /= 10)
		rw++;
	/* the level ids as a terminal may show them */
	lid = rs_malloc((res->nlevels + 1) * sizeof(*lid));
	for (j = 0; j < res->nlevels; j++)
		lid[j] = rs_text_escape_dup(fw->levels[j].id,
		    strlen(fw->levels[j].id));

	{
		char runs[32], seed[32];

		snprintf(runs, sizeof(runs), "%zu", res->nruns);
		snprintf(seed, sizeof(seed), "%llu",
		    (unsigned long long)spec->seed);
		say(out, RS_MSG_SA_TITLE, runs, spec->sobol ?
		    rs_i18n(NULL, RS_MSG_SA_SALTELLI) : "", seed);
		fputc('\n', out);
	}
	for (j = 0; j < res->ninputs; j++)
		describe_input(out, spec, res, j);
	fputc('\n', out);
	for (i = 0; i < res->nunits; i++) {
		rs_text_escape(name, sizeof(name), res->unit[i],
		    strlen(res->unit[i]), 40);
		cw = rs_utf8_width(name);
		w = cw > w ? cw : w;
	}
	fprintf(out, "%-*s %8s %*s %*s %*s %*s %*s", (int)w,
	    rs_i18n(NULL, RS_MSG_SA_CITY), rs_i18n(NULL, RS_MSG_SA_SCORE), rw,
	    rs_i18n(NULL, RS_MSG_SA_NOMINAL), rw, rs_i18n(NULL, RS_MSG_SA_MEAN),
	    rw, rs_i18n(NULL, RS_MSG_SA_MEDIAN), rw, "q5", rw, "q95");
	for (j = 0; j < res->nlevels; j++)
		fprintf(out, " %*s", level_width(lid[j]), lid[j]);
	fprintf(out, " %s\n", rs_i18n(NULL, RS_MSG_SA_NO_SCORE));
	for (i = 0; i < res->nunits; i++) {
		rs_text_escape(name, sizeof(name), res->unit[i],
		    strlen(res->unit[i]), 40);
		cw = rs_utf8_width(name);
		fprintf(out, "%s%*s", name, (int)(w - cw), "");
		fprintf(out, " %8s", rs_fmt_fixed(num, sizeof(num),
		    res->score[i], 2));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    nominal(res, i), 0));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->mean[i], 2));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->median[i], 1));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->q5[i], 1));
		fprintf(out, " %*s", rw, rs_fmt_fixed(num, sizeof(num),
		    res->q95[i], 1));
		for (j = 0; j < res->nlevels; j++)
			fprintf(out, " %*.3f", level_width(lid[j]),
			    res->prob[i * res->nlevels + j]);
		fprintf(out, " %8.3f\n", res->none[i]);
	}
	for (j = 0; j < res->nlevels; j++)
		free(lid[j]);
	free(lid);
	if (!spec->sobol)
		return;
	{
		char draws[32];

		snprintf(draws, sizeof(draws), "%zu", spec->bootstrap);
		fputc('\n', out);
		say(out, RS_MSG_SA_SOBOL_TITLE, rs_fmt_fixed(num, sizeof(num),
		    res->variance, 4), draws, "");
		fputc('\n', out);
	}
	fprintf(out, "%-10s %8s %8s %8s %8s %8s %8s\n",
	    rs_i18n(NULL, RS_MSG_SA_INPUT), "Si", "STi",
	    "Si q5", "Si q95", "STi q5", "STi q95");
	for (j = 0; j < res->ninputs; j++) {
		const double v[6] = {res->si[j], res->sti[j], res->si_q5[j],
		    res->si_q95[j], res->sti_q5[j], res->sti_q95[j]};

		fprintf(out, "%-10s", rs_sa_input_name(res->input[j]));
		for (i = 0; i < 6; i++)
			fprintf(out, " %8s", rs_fmt_fixed(num, sizeof(num),
			    v[i], 4));
		fputc('\n', out);
	}
}

static cJSON *
json_report(const struct rs_framework *fw, const struct rs_sa_spec *spec,
    const struct rs_sa_result *res)
{
	cJSON *root = cJSON_CreateObject(), *a, *o, *l;
	char buf[128];
	size_t i, j, k;

	cJSON_AddItemToObject(root, "framework", rs_json_string(fw->id));
	cJSON_AddItemToObject(root, "runs", rs_json_number((double)res->nruns));
	/* a seed may exceed 2^53: as an integer, not through a double */
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)spec->seed);
	cJSON_AddItemToObject(root, "seed", cJSON_CreateRaw(buf));
	cJSON_AddBoolToObject(root, "sobol", spec->sobol);
	a = cJSON_AddArrayToObject(root, "inputs");
	for (j = 0; j < res->ninputs; j++) {
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "name", rs_json_string(
		    rs_sa_input_name(res->input[j])));
		l = cJSON_AddArrayToObject(o, "alternatives");
		if (res->input[j] == RS_SA_WEIGHTS ||
		    res->input[j] == RS_SA_GOALPOSTS) {
			cJSON_AddItemToObject(o, "noise", rs_json_number(
			    res->input[j] == RS_SA_WEIGHTS ?
			    spec->weight_noise : spec->goalpost_noise));
			cJSON_AddItemToObject(o, "sets", rs_json_number((double)
			    res->nalts[j]));
		} else {
			for (k = 0; k < res->nalts[j]; k++)
				cJSON_AddItemToArray(l, rs_json_string(
				    alt_label(buf, sizeof(buf), fw, spec, res,
				    j, k)));
		}
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "cities");
	for (i = 0; i < res->nunits; i++) {
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "name", rs_json_string(res->unit[i]));
		cJSON_AddItemToObject(o, "score", rs_json_number(res->score[i]));
		cJSON_AddItemToObject(o, "nominal",
		    rs_json_number(nominal(res, i)));
		cJSON_AddItemToObject(o, "mean", rs_json_number(res->mean[i]));
		cJSON_AddItemToObject(o, "median", rs_json_number(res->median[i]));
		cJSON_AddItemToObject(o, "q5", rs_json_number(res->q5[i]));
		cJSON_AddItemToObject(o, "q95", rs_json_number(res->q95[i]));
		l = cJSON_AddObjectToObject(o, "levels");
		for (j = 0; j < res->nlevels; j++)
			cJSON_AddItemToObject(l, fw->levels[j].id,
			    rs_json_number(res->prob[i * res->nlevels + j]));
		cJSON_AddItemToObject(o, "no_score", rs_json_number(res->none[i]));
		cJSON_AddItemToArray(a, o);
	}
	if (!spec->sobol) {
		cJSON_AddNullToObject(root, "sensitivity");
		return root;
	}
	o = cJSON_AddObjectToObject(root, "sensitivity");
	cJSON_AddItemToObject(o, "variance", rs_json_number(res->variance));
	cJSON_AddItemToObject(o, "bootstrap", rs_json_number((double)spec->bootstrap));
	a = cJSON_AddArrayToObject(o, "indices");
	for (j = 0; j < res->ninputs; j++) {
		l = cJSON_CreateObject();
		cJSON_AddItemToObject(l, "input", rs_json_string(
		    rs_sa_input_name(res->input[j])));
		cJSON_AddItemToObject(l, "si", rs_json_number(res->si[j]));
		cJSON_AddItemToObject(l, "sti", rs_json_number(res->sti[j]));
		cJSON_AddItemToObject(l, "si_q5", rs_json_number(res->si_q5[j]));
		cJSON_AddItemToObject(l, "si_q95", rs_json_number(res->si_q95[j]));
		cJSON_AddItemToObject(l, "sti_q5", rs_json_number(res->sti_q5[j]));
		cJSON_AddItemToObject(l, "sti_q95", rs_json_number(res->sti_q95[j]));
		cJSON_AddItemToArray(a, l);
	}
	return root;
}

/*
 * One CSV record: the first ntext fields as text, then nnum numbers (a
 * NaN is an empty field).
 */
static int
record(FILE *out, const char *const *f, size_t ntext, const double *v,
    size_t nnum)
{
	struct rs_csv w;
	size_t i;

	rs_csv_init(&w, out);
	for (i = 0; i < ntext; i++)
		rs_csv_text(&w, f[i]);
	for (i = 0; i < nnum; i++)
		rs_csv_number(&w, v[i]);
	return rs_csv_end(&w);
}

/*
 * CSV: a row per city (city, score, nominal ... q95, then a column per
 * level and no_score); with sobol, a blank line and a row per input.
 */
static int
csv_report(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res)
{
	static const char *const head[] = {"city", "score", "nominal",
	    "mean", "median", "q5", "q95"};
	static const char *const shead[] = {"input", "si", "sti", "si_q5",
	    "si_q95", "sti_q5", "sti_q95"};
	const char **f = rs_malloc((8 + res->nlevels) * sizeof(char *));
	double *v = rs_malloc((7 + res->nlevels) * sizeof(double));
	size_t i, j, nl = res->nlevels;
	int rc = 0;

	memcpy(f, head, sizeof(head));
	for (j = 0; j < nl; j++)
		f[7 + j] = fw->levels[j].id;
	f[7 + nl] = "no_score";
	rc |= record(out, f, 8 + nl, NULL, 0);
	for (i = 0; i < res->nunits && rc == 0; i++) {
		v[0] = res->score[i];
		v[1] = nominal(res, i);
		v[2] = res->mean[i];
		v[3] = res->median[i];
		v[4] = res->q5[i];
		v[5] = res->q95[i];
		memcpy(v + 6, res->prob + i * nl, nl * sizeof(double));
		v[6 + nl] = res->none[i];
		rc |= record(out, &res->unit[i], 1, v, 7 + nl);
	}
	if (spec->sobol && rc == 0) {
		rc |= fputc('\n', out) == EOF;
		rc |= record(out, shead, 7, NULL, 0);
		for (j = 0; j < res->ninputs && rc == 0; j++) {
			const char *name = rs_sa_input_name(res->input[j]);

			v[0] = res->si[j];
			v[1] = res->sti[j];
			v[2] = res->si_q5[j];
			v[3] = res->si_q95[j];
			v[4] = res->sti_q5[j];
			v[5] = res->sti_q95[j];
			rc |= record(out, &name, 1, v, 6);
		}
	}
	free(f);
	free(v);
	return rc;
}

int
rs_report_sensitivity(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    enum rs_report_format format, struct rs_error *err)
{
	cJSON *root;
	char *text;
	int rc = 0;

	if (format == RS_FORMAT_JSON) {
		root = json_report(fw, spec, res);
		text = cJSON_PrintBuffered(root, 4096, 1);
		cJSON_Delete(root);
		if (text == NULL)
			rs_mem_oom();	/* cJSON's hooks get there first */
		rc = fputs(text, out) == EOF || fputc('\n', out) == EOF;
		free(text);
	} else if (format == RS_FORMAT_CSV) {
		rc = csv_report(out, fw, spec, res) != 0;
	} else {
		text_report(out, fw, spec, res);
	}
	if (rc != 0 || ferror(out))
		return rs_error_io(err, errno, "<report>", "cannot write");
	return 0;
}

int
rs_report_sa_design(FILE *out, const struct rs_framework *fw,
    const struct rs_sa_spec *spec, const struct rs_sa_result *res,
    struct rs_error *err)
{
	const char *f[2 + 2 * RS_SA_NINPUTS + 1];
	char lab[RS_SA_NINPUTS + 2][128], col[RS_SA_NINPUTS][32];
	double v[RS_SA_NINPUTS + 1];
	size_t r, j, nf, d = res->ninputs, n = spec->runs;
	int fail = 0;

	f[0] = "run";
	f[1] = "block";
	for (j = 0, nf = 2; j < d; j++) {
		f[nf++] = rs_sa_input_name(res->input[j]);
		snprintf(col[j], sizeof(col[j]), "u_%s",
		    rs_sa_input_name(res->input[j]));
	}
	for (j = 0; j < d; j++)
		f[nf++] = col[j];
	f[nf++] = "rank_shift";
	fail |= record(out, f, nf, NULL, 0);
	for (r = 0; r < res->nruns && !fail; r++) {
		snprintf(lab[0], sizeof(lab[0]), "%zu", r + 1);
		if (!spec->sobol)
			snprintf(lab[1], sizeof(lab[1]), "MC");
		else if (r < 2 * n)
			snprintf(lab[1], sizeof(lab[1]), "%s", r < n ? "A" :
			    "B");
		else
			snprintf(lab[1], sizeof(lab[1]), "AB%zu", r / n - 1);
		for (j = 0; j < d; j++) {
			alt_label(lab[2 + j], sizeof(lab[2 + j]), fw, spec,
			    res, j, res->alt[r * d + j]);
			v[j] = res->u[r * d + j];
		}
		for (j = 0; j < d + 2; j++)
			f[j] = lab[j];
		v[d] = res->y[r];
		fail |= record(out, f, d + 2, v, d + 1);
	}
	if (fail || ferror(out))
		return rs_error_io(err, errno, "<design>", "cannot write");
	return 0;
}
