/*
 * template.c - the data-collection sheet of a framework, in CSV and in
 * .xlsx (template.h)
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"
#include "resilience/template.h"

/* The kinds of column, in the order they are written. */
enum column {
	COL_CITY,
	COL_INDICATOR,
	COL_NAME,
	COL_UNIT,
	COL_DIRECTION,
	COL_WORST,
	COL_BEST,
	COL_MIN,
	COL_MAX,
	COL_VALUE,	/* value, or the year columns of --years */
	COL_YEAR,
	COL_SOURCE,
	COL_NOTE,
	COL_SUGGESTED,
	COL_RUBRIC,	/* rubric_1 to rubric_5 */
	NCOLUMNS
};

static const char *const header[NCOLUMNS] = {
	"city", "indicator", "name", "unit", "direction", "worst", "best",
	"min", "max", "value", "year", "source", "note", "suggested_source",
	"rubric_",
};

/* What the sheet holds: which columns, how many years, the rubric. */
struct layout {
	const struct rs_framework *fw;
	const struct rs_template *t;
	int has[NCOLUMNS];	/* whether the column is written */
	size_t nyears;		/* year columns, 0: value and year */
	int rubric;		/* some indicator has a rubric */
};

static int
layout_init(struct layout *l, const struct rs_framework *fw,
    const struct rs_template *t, struct rs_error *err)
{
	const struct rs_node *node;
	size_t i;

	memset(l, 0, sizeof(*l));
	l->fw = fw;
	l->t = t;
	for (i = 0; i < fw->nindicators; i++) {
		node = &fw->nodes[fw->indicators[i]];
		if (rs_csv_needs_guard(node->id))
			return rs_error_set(err, RS_EINPUT, fw->path,
			    node->line, node->col, "indicator id \"%s\" "
			    "begins with a character that spreadsheets "
			    "treat as a formula; the template would not "
			    "read back", node->id);
		if (node->nrubric[0] > 0)
			l->rubric = 1;
	}
	for (i = 0; i < NCOLUMNS; i++)
		l->has[i] = 1;
	l->has[COL_CITY] = t->city != NULL;
	l->has[COL_RUBRIC] = l->rubric;
	if (t->year_from > 0) {
		l->nyears = (size_t)(t->year_to - t->year_from + 1);
		l->has[COL_YEAR] = 0;
	}
	return 0;
}

/* The number of fields of one row, and the header's names. */
static size_t
columns(const struct layout *l, const char **names, char years[][16])
{
	size_t c, k, n = 0;

	for (c = 0; c < NCOLUMNS; c++) {
		if (!l->has[c])
			continue;
		if (c == COL_VALUE && l->nyears > 0) {
			for (k = 0; k < l->nyears; k++) {
				snprintf(years[k], 16, "%ld", l->t->year_from +
				    (long)k);
				names[n++] = years[k];
			}
		} else if (c == COL_RUBRIC) {
			for (k = 0; k < RS_RUBRIC_LEVELS; k++) {
				snprintf(years[RS_TEMPLATE_MAX_YEARS + k], 16,
				    "%s%zu", header[c], k + 1);
				names[n++] = years[RS_TEMPLATE_MAX_YEARS + k];
			}
		} else {
			names[n++] = header[c];
		}
	}
	return n;
}

/*
 * "higher is better", "lower is better" or, for a target band, "best
 * from 1 to 4, 0 at -3 and below or 30 and above", in lang, into buf.
 */
static const char *
direction(char *buf, size_t size, const struct rs_node *node,
    const char *lang)
{
	char v[4][32];
	const char *args[4] = {v[1], v[2], v[0], v[3]};
	size_t k;

	if (!node->has_band)
		return rs_i18n(lang, node->best > node->worst ?
		    RS_MSG_HIGHER_BETTER : RS_MSG_LOWER_BETTER);
	for (k = 0; k < 4; k++)
		rs_fmt_short(v[k], sizeof(v[k]), node->band[k]);
	rs_i18n_expand_buf(buf, size, rs_i18n(lang, RS_MSG_IN_BAND), args,
	    4);
	return buf;
}

/* Level k (0-based) of a rubric item as a value: "3: description". */
static void
rubric_choice(char *buf, size_t size, const struct rs_node *node, size_t k,
    const char *lang)
{
	snprintf(buf, size, "%zu: %s", k + 1, rs_name_get(node->rubric[k],
	    node->nrubric[k], lang, ""));
}

static const char *
suggested(const struct rs_node *node, const char *lang)
{
	return rs_name_get(node->sources, node->nsources, lang, NULL);
}

/* A number of the framework, empty when not given. */
static void
csv_opt(struct rs_csv *w, int has, double v)
{
	rs_csv_number(w, has ? v : (double)NAN);
}

int
rs_template_write(FILE *out, const struct rs_framework *fw,
    const struct rs_template *t, struct rs_error *err)
{
	const char *names[NCOLUMNS + RS_TEMPLATE_MAX_YEARS + RS_RUBRIC_LEVELS];
	char labels[RS_TEMPLATE_MAX_YEARS + RS_RUBRIC_LEVELS][16];
	char choice[2048], dir[256];
	const struct rs_node *node;
	struct layout l;
	struct rs_csv w;
	size_t i, k, n, nfields;
	int rc;

	if ((rc = layout_init(&l, fw, t, err)) != 0)
		return rc;
	nfields = columns(&l, names, labels);
	/* A byte order mark, so that Excel reads the file as UTF-8. */
	if (!t->no_bom && fwrite("\xEF\xBB\xBF", 1, 3, out) != 3)
		goto fail;
	rs_csv_init_block(&w, out);
	for (i = 0; i < nfields; i++)
		rs_csv_text(&w, names[i]);
	if (rs_csv_end(&w) != 0)
		goto fail;
	for (i = 0; i < fw->nindicators; i++) {
		node = &fw->nodes[fw->indicators[i]];
		if (l.has[COL_CITY])
			rs_csv_text(&w, t->city);
		rs_csv_text(&w, node->id);
		rs_csv_text(&w, rs_name_get(node->names, node->nnames,
		    t->lang, node->id));
		rs_csv_text(&w, rs_node_unit(node, t->lang));
		rs_csv_text(&w, direction(dir, sizeof(dir), node, t->lang));
		/* a band's four points are in the direction column */
		csv_opt(&w, node->has_goalposts && !node->has_band,
		    node->worst);
		csv_opt(&w, node->has_goalposts && !node->has_band,
		    node->best);
		csv_opt(&w, node->has_min, node->min);
		csv_opt(&w, node->has_max, node->max);
		n = l.nyears > 0 ? l.nyears : 2;
		for (k = 0; k < n; k++)
			rs_csv_text(&w, NULL);	/* value, year */
		rs_csv_text(&w, NULL);		/* source */
		rs_csv_text(&w, NULL);		/* note */
		rs_csv_text(&w, suggested(node, t->lang));
		for (k = 0; l.rubric && k < RS_RUBRIC_LEVELS; k++) {
			if (node->nrubric[0] == 0) {
				rs_csv_text(&w, NULL);
				continue;
			}
			rubric_choice(choice, sizeof(choice), node, k, t->lang);
			rs_csv_text(&w, choice);
		}
		if (rs_csv_end(&w) != 0)
			goto fail;
	}
	if (rs_csv_flush(&w) == 0)
		return 0;
fail:
	return rs_error_io(err, errno, "", "cannot write the template");
}

/* The characters of UTF-8 text s. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A number cell of the framework, blank when not given. */
static void
xlsx_opt(struct rs_xlsx *x, size_t row, size_t col, int has, double v)
{
	rs_xlsx_number(x, row, col, has ? v : (double)NAN, RS_XLSX_PLAIN);
}

/* The input prompt and validation of a value cell of node. */
static void
value_check(struct rs_xlsx *x, size_t row, size_t col,
    const struct rs_node *node, const char *lang, size_t rubric_row,
    const char *rubric_sheet)
{
	struct rs_xlsx_check c = {0};
	char prompt[1024], range[256], list[160], dir[256];
	char worst[32], best[32], lo[32], hi[32];
	const char *args[5];

	c.title = rs_i18n(lang, RS_MSG_TPL_PROMPT_TITLE);
	c.error_title = rs_i18n(lang, RS_MSG_TPL_ERROR_TITLE);
	c.error = rs_i18n(lang, RS_MSG_TPL_ERROR);
	if (node->nrubric[0] > 0) {
		snprintf(list, sizeof(list), "'%s'!$B$%zu:$F$%zu",
		    rubric_sheet, rubric_row + 1, rubric_row + 1);
		c.list = list;
		c.prompt = rs_i18n(lang, RS_MSG_TPL_RUBRIC);
		c.error = rs_i18n(lang, RS_MSG_TPL_RUBRIC_ERROR);
		rs_xlsx_validate(x, row, col, &c);
		return;
	}
	c.has_min = node->has_min;
	c.has_max = node->has_max;
	c.min = node->min;
	c.max = node->max;
	range[0] = '\0';
	if (node->has_min && node->has_max) {
		args[0] = rs_fmt_short(lo, sizeof(lo), node->min);
		args[1] = rs_fmt_short(hi, sizeof(hi), node->max);
		rs_i18n_expand_buf(range, sizeof(range),
		    rs_i18n(lang, RS_MSG_TPL_RANGE), args, 2);
	}
	args[0] = rs_node_unit(node, lang) != NULL ?
	    rs_node_unit(node, lang) : "-";
	args[1] = direction(dir, sizeof(dir), node, lang);
	args[2] = rs_fmt_short(worst, sizeof(worst), node->worst);
	args[3] = rs_fmt_short(best, sizeof(best), node->best);
	args[4] = range;
	/* a band: "Unit: %; best from 1 to 4, ...", with the range */
	if (node->has_band) {
		args[2] = range;
		rs_i18n_expand_buf(prompt, sizeof(prompt),
		    rs_i18n(lang, RS_MSG_TPL_BAND_PROMPT), args, 3);
	} else {
		rs_i18n_expand_buf(prompt, sizeof(prompt),
		    rs_i18n(lang, RS_MSG_TPL_PROMPT), args, 5);
	}
	/* Excel shows at most 255 characters: the range goes first. */
	if (utf8_chars(prompt) > 255) {
		range[0] = '\0';
		rs_i18n_expand_buf(prompt, sizeof(prompt), rs_i18n(lang,
		    node->has_band ? RS_MSG_TPL_BAND_PROMPT :
		    RS_MSG_TPL_PROMPT), args, node->has_band ? 3 : 5);
	}
	c.prompt = utf8_chars(prompt) > 255 ? NULL : prompt;
	rs_xlsx_validate(x, row, col, &c);
}

int
rs_template_xlsx(const struct rs_framework *fw, const struct rs_template *t,
    char **buf, size_t *len, struct rs_error *err)
{
	const char *names[NCOLUMNS + RS_TEMPLATE_MAX_YEARS + RS_RUBRIC_LEVELS];
	char labels[RS_TEMPLATE_MAX_YEARS + RS_RUBRIC_LEVELS][16];
	char choice[2048], dir[256];
	const char *rubric_sheet = rs_i18n(t->lang, RS_MSG_TPL_RUBRICS_SHEET);
	const struct rs_node *node;
	struct rs_xlsx *x;
	struct layout l;
	size_t i, k, col, nfields, nrubric = 0, first_input = 0;
	int rtl = rs_i18n_rtl(t->lang), rc;

	*buf = NULL;
	*len = 0;
	if ((rc = layout_init(&l, fw, t, err)) != 0)
		return rc;
	if ((x = rs_xlsx_new(err)) == NULL)
		return err->code;
	nfields = columns(&l, names, labels);
	rs_xlsx_sheet(x, rs_i18n(t->lang, RS_MSG_TPL_SHEET), rtl);
	for (col = 0; col < nfields; col++) {
		rs_xlsx_text(x, 0, col, names[col], RS_XLSX_HEADER);
		rs_xlsx_width(x, col, 12);
	}
	for (i = 0; i < fw->nindicators; i++) {
		size_t row = i + 1, n;

		node = &fw->nodes[fw->indicators[i]];
		col = 0;
		if (l.has[COL_CITY])
			rs_xlsx_text(x, row, col++, t->city, RS_XLSX_PLAIN);
		rs_xlsx_text(x, row, col++, node->id, RS_XLSX_PLAIN);
		rs_xlsx_text(x, row, col++, rs_name_get(node->names,
		    node->nnames, t->lang, node->id), RS_XLSX_WRAP);
		rs_xlsx_text(x, row, col++, rs_node_unit(node, t->lang),
		    RS_XLSX_PLAIN);
		rs_xlsx_text(x, row, col++, direction(dir, sizeof(dir), node,
		    t->lang), RS_XLSX_PLAIN);
		xlsx_opt(x, row, col++, node->has_goalposts &&
		    !node->has_band, node->worst);
		xlsx_opt(x, row, col++, node->has_goalposts &&
		    !node->has_band, node->best);
		xlsx_opt(x, row, col++, node->has_min, node->min);
		xlsx_opt(x, row, col++, node->has_max, node->max);
		first_input = col;
		n = l.nyears > 0 ? l.nyears : 1;
		for (k = 0; k < n; k++) {
			rs_xlsx_text(x, row, col, NULL, RS_XLSX_INPUT);
			value_check(x, row, col++, node, t->lang, nrubric + 1,
			    rubric_sheet);
		}
		if (l.nyears == 0)		/* year */
			rs_xlsx_text(x, row, col++, NULL, RS_XLSX_INPUT);
		rs_xlsx_text(x, row, col++, NULL, RS_XLSX_INPUT);
		rs_xlsx_text(x, row, col++, NULL, RS_XLSX_INPUT);
		rs_xlsx_text(x, row, col++, suggested(node, t->lang),
		    RS_XLSX_WRAP);
		for (k = 0; l.rubric && k < RS_RUBRIC_LEVELS; k++, col++) {
			if (node->nrubric[0] == 0)
				continue;
			rubric_choice(choice, sizeof(choice), node, k, t->lang);
			rs_xlsx_text(x, row, col, choice, RS_XLSX_WRAP);
		}
		if (node->nrubric[0] > 0)
			nrubric++;
	}
	rs_xlsx_width(x, l.has[COL_CITY] ? 1 : 0, 11);
	rs_xlsx_width(x, l.has[COL_CITY] ? 2 : 1, 40);
	rs_xlsx_freeze(x, 1, first_input);
	rs_xlsx_protect(x);
	if (l.rubric) {
		/* The drop-down lists' choices: a row per rubric item. */
		rs_xlsx_sheet(x, rubric_sheet, rtl);
		rs_xlsx_text(x, 0, 0, "indicator", RS_XLSX_HEADER);
		for (k = 0; k < RS_RUBRIC_LEVELS; k++) {
			rs_xlsx_text(x, 0, k + 1, labels[RS_TEMPLATE_MAX_YEARS +
			    k], RS_XLSX_HEADER);
			rs_xlsx_width(x, k + 1, 40);
		}
		nrubric = 0;
		for (i = 0; i < fw->nindicators; i++) {
			node = &fw->nodes[fw->indicators[i]];
			if (node->nrubric[0] == 0)
				continue;
			nrubric++;
			rs_xlsx_text(x, nrubric, 0, node->id, RS_XLSX_PLAIN);
			for (k = 0; k < RS_RUBRIC_LEVELS; k++) {
				rubric_choice(choice, sizeof(choice), node, k,
				    t->lang);
				rs_xlsx_text(x, nrubric, k + 1, choice,
				    RS_XLSX_WRAP);
			}
		}
		rs_xlsx_protect(x);
	}
	return rs_xlsx_close(x, 0, buf, len, err);
}
