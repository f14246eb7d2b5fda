/*
 * report_plan.c - the what-if and plan reports as text, JSON, CSV,
 * Markdown and HTML (docs/cli.md, "whatif" and "plan"; docs/planning.md)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/csv_writer.h"
#include "io/json_writer.h"
#include "io/markup.h"
#include "report/report_priv.h"
#include "report/svg.h"
#include "resilience/report_plan.h"

#define WIDTH 80

/* ---- shared words ---------------------------------------------------- */

static const char *
say(const struct rs_report *r, enum rs_msg m)
{
	return rs_i18n(r->lang, m);
}

static double
node_score(const struct rs_city_result *c, size_t node)
{
	return node == RS_NONE ? c->score : c->score_of[node];
}

/* "Name (id)", the city's own words for RS_NONE. */
static void
label(struct rs_buf *b, const struct rs_report *r, size_t node)
{
	const char *name;

	if (node == RS_NONE) {
		rs_buf_printf(b, "%s", say(r, RS_MSG_THE_CITY));
		return;
	}
	name = rs_node_label(r, node);
	if (strcmp(name, r->fw->nodes[node].id) == 0)
		rs_buf_printf(b, "%s", name);
	else
		rs_buf_printf(b, "%s (%s)", name, r->fw->nodes[node].id);
}

static const char *
node_id(const struct rs_framework *fw, size_t node)
{
	return node == RS_NONE ? "city" : fw->nodes[node].id;
}

/* A score with one decimal, or "n/a". */
static char *
fmt_score(char *buf, size_t n, const struct rs_report *r, double s)
{
	if (isnan(s))
		snprintf(buf, n, "%s", say(r, RS_MSG_NA));
	else
		snprintf(buf, n, "%.1f", s);
	return buf;
}

/* The level of a score in r's words; "" for none (its score says n/a). */
static const char *
level_word(const struct rs_report *r, double s)
{
	const char *w = rs_level_word(r, s);

	return w != NULL ? w : "";
}

/* A signed change of points, "+1.4", never "-0.0"; "n/a" for NaN. */
static char *
fmt_change(char *buf, size_t n, double d)
{
	if (isnan(d))
		snprintf(buf, n, "n/a");
	else if (fabs(d) < 0.05)
		snprintf(buf, n, "0.0");
	else
		snprintf(buf, n, "%+.1f", d);
	return buf;
}

static void
put_template(void *ctx, const char *s, size_t len)
{
	rs_buf_printf(ctx, "%.*s", (int)len, s);
}

static void
buf_msg(struct rs_buf *b, const struct rs_report *r, enum rs_msg m,
    const char *const *args, size_t n)
{
	rs_i18n_expand(say(r, m), args, n, put_template, b);
}

/*
 * The sentence of a plan's change of indicator node: "Reduce X (id) from
 * 29.6% to 18.2% of labour force (score 0.0 to 52.3)."
 */
static void
say_change(struct rs_buf *b, const struct rs_report *r,
    const struct rs_plan_change *ch)
{
	const struct rs_node *n = &r->fw->nodes[ch->node];
	struct rs_buf name = {0}, parts[3] = {{0}, {0}, {0}};
	const char *args[4];
	size_t k;

	label(&name, r, ch->node);
	rs_say_span_in(r->lang, n, ch->collect ? ch->value_to : ch->value_from,
	    ch->value_to, ch->collect ? 0 : ch->score_from, ch->score_to,
	    parts);
	args[0] = name.s;
	if (ch->collect && !(ch->score_to > 0)) {
		/* Counted, not moved: its worst value is what the plan needs. */
		rs_buf_release(&parts[2]);
		if (rs_node_unit(n, r->lang) != NULL)
			rs_buf_printf(&parts[2], "%s",
			    rs_node_unit(n, r->lang));
		args[1] = parts[1].s;
		args[2] = parts[2].s != NULL ? parts[2].s : "-";
		buf_msg(b, r, RS_MSG_PLAN_COLLECT_ONLY, args, 3);
	} else if (ch->collect) {
		args[1] = parts[1].s;
		args[2] = parts[2].s;
		buf_msg(b, r, RS_MSG_PLAN_COLLECT, args, 3);
	} else {
		for (k = 0; k < 3; k++)
			args[k + 1] = parts[k].s;
		buf_msg(b, r, rs_lower_better(n, ch->value_from) ? RS_MSG_PLAN_REDUCE :
		    RS_MSG_PLAN_RAISE, args, 4);
	}
	for (k = 0; k < 3; k++)
		rs_buf_release(&parts[k]);
	rs_buf_release(&name);
}

/* The line of target k of city ci. */
static void
say_target(struct rs_buf *b, const struct rs_plan_report *p, size_t ci,
    size_t k)
{
	const struct rs_report *r = p->r;
	const struct rs_target *t = &p->targets[k];
	const struct rs_plan_target *pt = &p->plans[ci].targets[k];
	struct rs_buf name = {0};
	char sc[32], now[64], after[64];
	const char *args[6];

	label(&name, r, t->node);
	snprintf(sc, sizeof(sc), "%s", rs_fmt_value(now, sizeof(now),
	    t->score));
	fmt_score(now, sizeof(now), r, pt->before);
	fmt_score(after, sizeof(after), r, pt->after);
	args[0] = name.s;
	args[1] = sc;
	args[2] = level_word(r, t->score);
	args[3] = now;
	args[4] = after;
	args[5] = say(r, pt->reached ? RS_MSG_REACHED : RS_MSG_NOT_REACHED);
	k = b->len;
	buf_msg(b, r, RS_MSG_TARGET_LINE, args, 6);
	/* A sentence starts with a capital: "The city to reach ...". */
	if (b->s != NULL && b->s[k] >= 'a' && b->s[k] <= 'z')
		b->s[k] = (char)(b->s[k] - 'a' + 'A');
	rs_buf_release(&name);
}

/* Why target k of city ci is not reached, and what would close the gap. */
static void
say_short(struct rs_buf *b, const struct rs_plan_report *p, size_t ci,
    size_t k)
{
	const struct rs_report *r = p->r;
	const struct rs_plan_target *pt = &p->plans[ci].targets[k];
	struct rs_buf name = {0};
	char a[32], o[32], c[32], m[32];
	const char *args[4];

	if (isnan(pt->shortfall)) {
		size_t at = b->len;

		label(&name, r, p->targets[k].node);
		args[0] = name.s;
		buf_msg(b, r, RS_MSG_NO_TARGET_SCORE, args, 1);
		if (b->s != NULL && b->s[at] >= 'a' && b->s[at] <= 'z')
			b->s[at] = (char)(b->s[at] - 'a' + 'A');
		rs_buf_release(&name);
		return;
	}
	snprintf(a, sizeof(a), "%.2f", pt->shortfall);
	snprintf(o, sizeof(o), "%.2f", pt->other_levers);
	snprintf(c, sizeof(c), "%.2f", pt->capped);
	snprintf(m, sizeof(m), "%zu", pt->nmissing);
	args[0] = a;
	args[1] = o;
	args[2] = c;
	args[3] = m;
	buf_msg(b, r, RS_MSG_SHORT, args, 4);
}

/* What to say when a plan changes nothing. */
static enum rs_msg
no_change_msg(const struct rs_plan *pl, size_t nt)
{
	size_t k;

	for (k = 0; k < nt; k++)
		if (!pl->targets[k].reached)
			return RS_MSG_NOTHING_MOVES;
	return RS_MSG_NO_CHANGE;
}

static void
say_effort(struct rs_buf *b, const struct rs_report *r,
    const struct rs_plan *pl)
{
	char e[32], o[32];
	const char *args[2];

	snprintf(e, sizeof(e), "%.2f", pl->effort);
	snprintf(o, sizeof(o), "%.2f", pl->effort_optimal);
	args[0] = e;
	args[1] = o;
	buf_msg(b, r, RS_MSG_EFFORT, args, 2);
}

/* "levers acted on: municipal, national" */
static void
say_levers(struct rs_buf *b, const struct rs_report *r, unsigned levers)
{
	struct rs_buf list = {0};
	const char *args[1];
	unsigned l;

	for (l = 0; l < RS_LEVER_COUNT; l++)
		if (levers & RS_LEVER_BIT(l))
			rs_buf_printf(&list, "%s%s", list.len > 0 ? rs_i18n(r->lang, RS_MSG_COMMA) : "",
			    l == RS_LEVER_NONE ? (rs_i18n_arabic(r->lang) ?
			    rs_i18n(r->lang, RS_MSG_LEVER_NONE) : "unclassified") :
			    rs_lever_word(r, (enum rs_lever)l));
	args[0] = list.s != NULL ? list.s : "";
	buf_msg(b, r, RS_MSG_LEVERS_LINE, args, 1);
	rs_buf_release(&list);
}

static void
say_horizon(struct rs_buf *b, const struct rs_plan_report *p, size_t ci)
{
	char h[32], y[32], s[32];
	const char *args[3];

	if (!p->has_horizon)
		return;
	snprintf(h, sizeof(h), "%ld", p->horizon);
	if (p->start[ci] > 0) {
		snprintf(y, sizeof(y), "%ld", p->horizon - p->start[ci] > 0 ?
		    p->horizon - p->start[ci] : 0);
		snprintf(s, sizeof(s), "%ld", p->start[ci]);
	} else {
		snprintf(y, sizeof(y), "?");
		snprintf(s, sizeof(s), "?");
	}
	args[0] = h;
	args[1] = y;
	args[2] = s;
	buf_msg(b, p->r, RS_MSG_HORIZON, args, 3);
}

/*
 * The title of action a in r's language, "" when it has none: its id is
 * shown beside it everywhere, and is not repeated in its place.
 */
static const char *
action_title(const struct rs_report *r, const struct rs_action *a)
{
	if (rs_i18n_arabic(r->lang) && a->title_ar != NULL)
		return a->title_ar;
	return a->title_en != NULL ? a->title_en : "";
}

/* Whether action a serves target node (or moves an indicator below it). */
static int
serves(const struct rs_framework *fw, const struct rs_action *a, size_t node)
{
	size_t k, i;

	if (node == RS_NONE)
		return 1;
	for (i = a->serves; i != RS_NONE; i = fw->nodes[i].parent)
		if (i == node)
			return 1;
	for (k = 0; k < a->nmoves; k++)
		for (i = a->moves[k].node; i != RS_NONE; i = fw->nodes[i].parent)
			if (i == node)
				return 1;
	return 0;
}

/* The indicators a plan document monitors: changed or moved or named. */
static char *
monitored(const struct rs_plan_report *p, size_t ci)
{
	const struct rs_framework *fw = p->r->fw;
	char *m = rs_calloc(fw->nnodes + 1, 1);
	size_t k, j;

	for (k = 0; k < p->plans[ci].nchanges; k++)
		m[p->plans[ci].changes[k].node] = 1;
	for (k = 0; p->actions != NULL && k < p->actions->nitems; k++) {
		const struct rs_action *a = &p->actions->items[k];

		for (j = 0; j < a->nmoves; j++)
			m[a->moves[j].node] = 1;
		if (a->monitor != RS_NONE)
			m[a->monitor] = 1;
	}
	return m;
}

/* What the monitoring table says of indicator node of city ci. */
struct monitor_row {
	double baseline;	/* value now, NaN when none */
	long baseline_year;	/* its year, 0 when none */
	double target;		/* the plan's value, else the actions' */
	long target_year;	/* the horizon, else the actions' last end */
};

static void
monitor_row(const struct rs_plan_report *p, size_t ci, size_t node,
    struct monitor_row *m)
{
	const struct rs_report *r = p->r;
	const struct rs_framework *fw = r->fw;
	size_t k, j, cell = ci * fw->nindicators + fw->nodes[node].indicator;
	size_t obs = rs_report_city(r, ci) != NULL ?
	    rs_dataset_chosen(r->ds, r->chosen, cell) : RS_NONE;
	const struct rs_obs *o = obs != RS_NONE ? rs_dataset_obs(r->ds, obs) :
	    NULL;

	m->baseline = r->res->cities[ci].value[node];
	m->baseline_year = o != NULL && o->has_year ? o->year : p->start[ci];
	m->target = p->plans[ci].values[fw->nodes[node].indicator];
	if (p->action_values != NULL && !(m->target < m->baseline ||
	    m->target > m->baseline))
		m->target = p->action_values[cell];
	m->target_year = p->has_horizon ? p->horizon : 0;
	for (k = 0; !p->has_horizon && p->actions != NULL &&
	    k < p->actions->nitems; k++) {
		const struct rs_action *a = &p->actions->items[k];

		for (j = 0; j < a->nmoves; j++)
			if ((a->moves[j].node == node || a->monitor == node) &&
			    a->end > m->target_year)
				m->target_year = a->end;
	}
	if (m->target_year == 0)
		m->target_year = m->baseline_year;
}

/* The milestone of year y on the straight line from baseline to target. */
static double
milestone(const struct monitor_row *m, long y)
{
	if (m->target_year <= m->baseline_year)
		return m->target;
	return m->baseline + (m->target - m->baseline) *
	    (double)(y - m->baseline_year) /
	    (double)(m->target_year - m->baseline_year);
}

/*
 * A milestone of indicator nd: on the plan's grid (a thousandth of the
 * goalposts' range or finer, plan.h), trailing zeros dropped.
 */
static char *
fmt_milestone(char *buf, size_t n, const struct rs_node *nd, double v)
{
	char tmp[400];
	int dec = 3 - (int)floor(log10(fabs(nd->best - nd->worst)));

	if (!nd->has_goalposts)
		return rs_fmt_value(buf, n, v);
	if (dec < 0)
		dec = 0;
	if (dec > 6)
		dec = 6;
	snprintf(tmp, sizeof(tmp), "%.*f", dec, v);
	return rs_fmt_value(buf, n, strtod(tmp, NULL));
}

/* A raw value for a table, or "n/a". */
static char *
fmt_raw(char *buf, size_t n, const struct rs_report *r, double v)
{
	if (isnan(v))
		snprintf(buf, n, "%s", say(r, RS_MSG_NA));
	else
		rs_fmt_value(buf, n, v);
	return buf;
}

/* A heading: the word with its first letter capitalised (ASCII only). */
static const char *
cap(char *buf, size_t n, const char *s)
{
	snprintf(buf, n, "%s", s);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

/* Whether the scenario changed anything of city ci. */
static int
any_change(const struct rs_whatif *w, size_t ci)
{
	size_t k;

	for (k = 0; k < w->nchanges; k++)
		if (w->changes[k].city == ci)
			return 1;
	return 0;
}

/* ---- text ------------------------------------------------------------ */

static void
put_safe(FILE *out, const char *s)
{
	rs_text_write(out, s, strlen(s));
}

static void
put_cell(FILE *out, const char *s, size_t width)
{
	rs_text_write_cell(out, s, width);
}

/* text after head, wrapped at WIDTH columns, continued at indent. */
static void
put_wrapped(FILE *out, const char *head, size_t indent, const char *text)
{
	char buf[4096];
	const char *p, *end;
	size_t col, start, w, k, n;

	rs_text_escape(buf, sizeof(buf), text, strlen(text), 0);
	fputs(head, out);
	col = start = rs_utf8_width(head);
	for (p = buf; *p != '\0';) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end != '\0' && *end != ' ';)
			end++;
		n = (size_t)(end - p);
		w = rs_utf8_nwidth(p, n);
		if (col > start && col + 1 + w > WIDTH) {
			fputc('\n', out);
			for (k = 0; k < indent; k++)
				fputc(' ', out);
			col = start = indent;
		}
		if (col > start) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, n, out);
		col += w;
		p = end;
	}
	fputc('\n', out);
}

static void
text_framework(FILE *out, const struct rs_report *r)
{
	fprintf(out, "%s: ", say(r, RS_MSG_T_FRAMEWORK));
	put_safe(out, rs_framework_label(r));
	if (r->fw->version[0] != '\0') {
		fputs(" (", out);
		put_safe(out, r->fw->version);
		fputc(')', out);
	}
	fputc('\n', out);
}

/* A row "id name  before level  after level  change". */
static void
text_row(FILE *out, const struct rs_report *r, const char *id,
    const char *name, int depth, double before, double after)
{
	char a[32], b[32], d[32];
	int k;

	fputs("  ", out);
	for (k = 1; k < depth; k++)
		fputs("  ", out);
	put_cell(out, id, (size_t)(14 - 2 * (depth > 1 ? depth - 1 : 0)));
	put_cell(out, name, 28);
	fprintf(out, " %5s ", fmt_score(a, sizeof(a), r, before));
	put_cell(out, level_word(r, before), 14);
	fprintf(out, " %5s ", fmt_score(b, sizeof(b), r, after));
	put_cell(out, level_word(r, after), 14);
	fprintf(out, " %5s\n", fmt_change(d, sizeof(d), after - before));
}

static int
whatif_text(FILE *out, const struct rs_whatif_report *wr)
{
	const struct rs_report *r = wr->before;
	const struct rs_framework *fw = r->fw;
	size_t ci, i, k;
	struct rs_buf b = {0};

	text_framework(out, r);
	put_wrapped(out, "", 0, say(r, RS_MSG_WHATIF_NOTE));
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c0 = &r->res->cities[ci];
		const struct rs_city_result *c1 = &wr->after->res->cities[ci];
		char *changed = rs_calloc(fw->nnodes + 1, 1);

		fputc('\n', out);
		put_safe(out, c0->name);
		fprintf(out, "\n  %s\n", say(r, RS_MSG_CHANGES));
		for (k = 0; k < wr->w->nchanges; k++) {
			const struct rs_whatif_change *ch = &wr->w->changes[k];
			const struct rs_node *n = &fw->nodes[ch->node];

			if (ch->city != ci)
				continue;
			changed[ch->node] = 1;
			label(&b, r, ch->node);
			rs_buf_printf(&b, ": ");
			if (isnan(ch->from))
				rs_buf_printf(&b, "%s", say(r, RS_MSG_NA));
			else
				rs_say_value(&b, n, ch->from);
			rs_buf_printf(&b, " -> ");
			rs_say_value(&b, n, ch->to);
			if (rs_node_unit(n, r->lang) != NULL)
				rs_buf_printf(&b, " (%s)",
				    rs_node_unit(n, r->lang));
			if (ch->note != NULL)
				rs_buf_printf(&b, "; %s: %s", say(r,
				    RS_MSG_NOTE_WORD), ch->note);
			put_wrapped(out, "    ", 6, b.s);
			rs_buf_release(&b);
		}
		if (!any_change(wr->w, ci))
			put_wrapped(out, "    ", 4, say(r, RS_MSG_NO_CITY_CHANGE));
		fputc('\n', out);
		text_row(out, r, "", say(r, RS_MSG_CITY_SCORE), 1, c0->score,
		    c1->score);
		for (i = 0; i < fw->nnodes; i++)
			if (fw->nodes[i].nchildren > 0 || changed[i])
				text_row(out, r, fw->nodes[i].id,
				    rs_node_label(r, i), fw->nodes[i].depth,
				    c0->score_of[i], c1->score_of[i]);
		free(changed);
	}
	return 0;
}

static void
text_plan_city(FILE *out, const struct rs_plan_report *p, size_t ci)
{
	const struct rs_report *r = p->r;
	const struct rs_framework *fw = r->fw;
	const struct rs_plan *pl = &p->plans[ci];
	const struct rs_city_result *c0 = &r->res->cities[ci];
	const struct rs_city_result *c1 = &p->after->cities[ci];
	struct rs_buf b = {0};
	char head[32], *mon;
	size_t k, j, i, n;

	fputc('\n', out);
	put_safe(out, c0->name);
	fputc('\n', out);
	say_horizon(&b, p, ci);
	if (b.s != NULL)
		put_wrapped(out, "  ", 2, b.s);
	rs_buf_release(&b);
	fprintf(out, "\n  %s\n", say(r, RS_MSG_TARGETS));
	for (k = 0; k < p->ntargets; k++) {
		snprintf(head, sizeof(head), "  %3zu. ", k + 1);
		say_target(&b, p, ci, k);
		put_wrapped(out, head, 7, b.s);
		rs_buf_release(&b);
		if (pl->targets[k].reached)
			continue;
		say_short(&b, p, ci, k);
		put_wrapped(out, "       ", 7, b.s);
		rs_buf_release(&b);
	}
	fprintf(out, "\n  %s\n", say(r, RS_MSG_CHANGES));
	if (pl->nchanges == 0)
		put_wrapped(out, "    ", 4, say(r, no_change_msg(pl, p->ntargets)));
	for (k = 0; k < pl->nchanges; k++) {
		snprintf(head, sizeof(head), "  %3zu. ", k + 1);
		say_change(&b, r, &pl->changes[k]);
		put_wrapped(out, head, 7, b.s);
		rs_buf_release(&b);
	}
	if (pl->nchanges > 0) {
		say_effort(&b, r, pl);
		put_wrapped(out, "    ", 4, b.s);
		rs_buf_release(&b);
	}
	fprintf(out, "\n  %s\n", say(r, RS_MSG_RESULTING));
	text_row(out, r, "", say(r, RS_MSG_CITY_SCORE), 1, c0->score,
	    c1->score);
	for (i = 0; i < fw->nnodes; i++)
		if (fw->nodes[i].depth == 1)
			text_row(out, r, fw->nodes[i].id, rs_node_label(r, i), 1,
			    c0->score_of[i], c1->score_of[i]);
	if (p->actions == NULL)
		return;
	/* The plan document (docs/planning.md). */
	for (k = 0; k < p->ntargets; k++) {
		size_t node = p->targets[k].node;
		char sc[32];
		const char *args[3];

		fputs("\n  ", out);
		label(&b, r, node);
		fprintf(out, "%s: ", say(r, RS_MSG_ACTIONS));
		put_safe(out, b.s);
		fputc('\n', out);
		rs_buf_release(&b);
		for (n = 0, j = 0; j < p->actions->nitems; j++) {
			const struct rs_action *a = &p->actions->items[j];

			if (!serves(fw, a, node))
				continue;
			snprintf(head, sizeof(head), "  %3zu. ", ++n);
			rs_buf_printf(&b, "%s%s%s (%s: %s; %ld-%ld", a->id,
			    action_title(r, a)[0] != '\0' ? " " : "",
			    action_title(r, a), say(r, RS_MSG_OWNER),
			    a->owner != NULL ? a->owner : "-", a->start,
			    a->end);
			if (a->cost != NULL)
				rs_buf_printf(&b, "; %s: %s", say(r,
				    RS_MSG_COST), a->cost);
			rs_buf_printf(&b, ")");
			put_wrapped(out, head, 7, b.s);
			rs_buf_release(&b);
		}
		if (n == 0)
			put_wrapped(out, "    ", 4, say(r, RS_MSG_NO_ACTIONS));
		label(&b, r, node);
		fmt_score(sc, sizeof(sc), r, node_score(
		    &p->with_actions->cities[ci], node));
		args[0] = b.s;
		args[1] = sc;
		args[2] = say(r, node_score(&p->with_actions->cities[ci],
		    node) >= p->targets[k].score ? RS_MSG_REACHED :
		    RS_MSG_NOT_REACHED);
		{
			struct rs_buf s = {0};

			buf_msg(&s, r, RS_MSG_ACTIONS_REACH, args, 3);
			put_wrapped(out, "    ", 4, s.s);
			rs_buf_release(&s);
		}
		rs_buf_release(&b);
	}
	fprintf(out, "\n  %s\n", say(r, RS_MSG_MONITORING));
	mon = monitored(p, ci);
	for (i = 0; i < fw->nnodes; i++) {
		struct monitor_row m;
		char v[64];
		long y;

		if (!mon[i])
			continue;
		monitor_row(p, ci, i, &m);
		label(&b, r, i);
		rs_buf_printf(&b, ": %s ", say(r, RS_MSG_BASELINE));
		if (isnan(m.baseline))
			rs_buf_printf(&b, "%s", say(r, RS_MSG_NA));
		else
			rs_say_value(&b, &fw->nodes[i], m.baseline);
		rs_buf_printf(&b, " (%ld); %s ", m.baseline_year,
		    say(r, RS_MSG_TARGET_WORD));
		rs_say_value(&b, &fw->nodes[i], m.target);
		rs_buf_printf(&b, " (%ld)", m.target_year);
		if (!isnan(m.baseline) && m.target_year > m.baseline_year + 1) {
			rs_buf_printf(&b, "; %s:", say(r, RS_MSG_MILESTONES));
			for (y = m.baseline_year + 1; y < m.target_year; y++)
				rs_buf_printf(&b, " %ld %s%s", y,
				    fmt_milestone(v, sizeof(v), &fw->nodes[i],
				    milestone(&m, y)), y + 1 < m.target_year ?
				    "," : "");
		}
		put_wrapped(out, "    ", 6, b.s);
		rs_buf_release(&b);
	}
	free(mon);
}

static int
plan_text(FILE *out, const struct rs_plan_report *p)
{
	struct rs_buf b = {0};
	size_t ci;

	text_framework(out, p->r);
	say_levers(&b, p->r, p->levers);
	put_wrapped(out, "", 0, b.s);
	rs_buf_release(&b);
	for (ci = 0; ci < p->r->res->ncities; ci++)
		text_plan_city(out, p, ci);
	return 0;
}

/* ---- JSON ------------------------------------------------------------ */

static cJSON *
jstr(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *
jlevel(const struct rs_framework *fw, double s)
{
	return jstr(rs_level_id(fw, s));
}

/*
 * Writes the score JSON's root for r (rs_json_root()) followed by the
 * members of tail, which is deleted, and the final newline.
 */
static int
json_out(FILE *out, const struct rs_report *r, cJSON *tail,
    struct rs_error *err)
{
	struct rs_jw *w = rs_jw_new(out, 0);
	const cJSON *c;
	int rc;

	rs_json_root(w, r);
	for (c = tail != NULL ? tail->child : NULL; c != NULL; c = c->next)
		rs_jw_tree(w, c->string, c);
	rs_jw_end_object(w);
	rc = rs_jw_free(w);
	cJSON_Delete(tail);
	if (rc != 0)
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot format the JSON report");
	fputc('\n', out);
	return 0;
}

/* A change of the what-if, streamed onto w. */
static void
whatif_change_json(struct rs_jw *w, const struct rs_framework *fw,
    const struct rs_whatif_change *ch)
{
	rs_jw_object(w, NULL);
	rs_jw_string(w, "id", fw->nodes[ch->node].id);
	rs_jw_number(w, "value_from", ch->from);
	rs_jw_number(w, "value_to", ch->to);
	rs_jw_string(w, "note", ch->note);
	rs_jw_end_object(w);
}

static int
whatif_json(FILE *out, const struct rs_whatif_report *wr,
    struct rs_error *err)
{
	const struct rs_framework *fw = wr->before->fw;
	struct rs_jw *w = rs_jw_new(out, 0);
	size_t ci, k;

	rs_json_root(w, wr->before);
	rs_jw_array(w, "cities");
	for (ci = 0; ci < wr->before->res->ncities; ci++) {
		rs_jw_object(w, NULL);
		rs_jw_string(w, "city", wr->before->res->cities[ci].name);
		rs_json_city(w, "before", wr->before, ci);
		rs_json_city(w, "after", wr->after, ci);
		rs_jw_array(w, "changes");
		for (k = 0; k < wr->w->nchanges; k++)
			if (wr->w->changes[k].city == ci)
				whatif_change_json(w, fw, &wr->w->changes[k]);
		rs_jw_end_array(w);
		rs_jw_end_object(w);
	}
	rs_jw_end_array(w);
	rs_jw_end_object(w);
	if (rs_jw_free(w) != 0)
		return rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot format the JSON report");
	fputc('\n', out);
	return 0;
}

static cJSON *
plan_city_json(const struct rs_plan_report *p, size_t ci)
{
	const struct rs_report *r = p->r;
	const struct rs_framework *fw = r->fw;
	const struct rs_plan *pl = &p->plans[ci];
	cJSON *city = cJSON_CreateObject(), *list, *it, *sub;
	struct rs_buf b = {0};
	size_t k, j, i;
	char *mon;

	cJSON_AddItemToObject(city, "city", cJSON_CreateString(
	    r->res->cities[ci].name));
	cJSON_AddItemToObject(city, "start_year", p->start[ci] > 0 ?
	    rs_json_number((double)p->start[ci]) : cJSON_CreateNull());
	list = cJSON_AddArrayToObject(city, "targets");
	for (k = 0; k < p->ntargets; k++) {
		const struct rs_target *t = &p->targets[k];
		const struct rs_plan_target *pt = &pl->targets[k];

		it = cJSON_CreateObject();
		cJSON_AddItemToObject(it, "node", cJSON_CreateString(node_id(fw,
		    t->node)));
		cJSON_AddItemToObject(it, "target", rs_json_number(t->score));
		cJSON_AddItemToObject(it, "level", t->level != RS_NONE ?
		    cJSON_CreateString(fw->levels[t->level].id) :
		    cJSON_CreateNull());
		cJSON_AddItemToObject(it, "score_before",
		    rs_json_number(pt->before));
		cJSON_AddItemToObject(it, "score_after",
		    rs_json_number(pt->after));
		cJSON_AddItemToObject(it, "level_before", jlevel(fw,
		    pt->before));
		cJSON_AddItemToObject(it, "level_after", jlevel(fw,
		    pt->after));
		cJSON_AddItemToObject(it, "reached",
		    cJSON_CreateBool(pt->reached));
		cJSON_AddItemToObject(it, "shortfall",
		    rs_json_number(pt->shortfall));
		cJSON_AddItemToObject(it, "other_levers",
		    rs_json_number(pt->other_levers));
		cJSON_AddItemToObject(it, "capped", rs_json_number(pt->capped));
		cJSON_AddItemToObject(it, "missing",
		    rs_json_number((double)pt->nmissing));
		say_target(&b, p, ci, k);
		if (!pt->reached) {
			rs_buf_printf(&b, " ");
			say_short(&b, p, ci, k);
		}
		cJSON_AddItemToObject(it, "text", cJSON_CreateString(b.s));
		rs_buf_release(&b);
		cJSON_AddItemToArray(list, it);
	}
	list = cJSON_AddArrayToObject(city, "changes");
	for (k = 0; k < pl->nchanges; k++) {
		const struct rs_plan_change *ch = &pl->changes[k];

		it = cJSON_CreateObject();
		cJSON_AddItemToObject(it, "id", cJSON_CreateString(
		    fw->nodes[ch->node].id));
		cJSON_AddItemToObject(it, "name", cJSON_CreateString(
		    rs_node_label(r, ch->node)));
		cJSON_AddItemToObject(it, "lever", jstr(rs_lever_name(
		    fw->nodes[ch->node].lever)));
		cJSON_AddItemToObject(it, "collect",
		    cJSON_CreateBool(ch->collect));
		cJSON_AddItemToObject(it, "value_from",
		    rs_json_number(ch->value_from));
		cJSON_AddItemToObject(it, "value_to",
		    rs_json_number(ch->value_to));
		cJSON_AddItemToObject(it, "score_from",
		    rs_json_number(ch->score_from));
		cJSON_AddItemToObject(it, "score_to",
		    rs_json_number(ch->score_to));
		say_change(&b, r, ch);
		cJSON_AddItemToObject(it, "text", cJSON_CreateString(b.s));
		rs_buf_release(&b);
		cJSON_AddItemToArray(list, it);
	}
	cJSON_AddItemToObject(city, "effort", rs_json_number(pl->effort));
	cJSON_AddItemToObject(city, "effort_optimal",
	    rs_json_number(pl->effort_optimal));
	cJSON_AddItemToObject(city, "score_before",
	    rs_json_number(r->res->cities[ci].score));
	cJSON_AddItemToObject(city, "score_after",
	    rs_json_number(p->after->cities[ci].score));
	if (p->actions == NULL)
		return city;
	list = cJSON_AddArrayToObject(city, "actions");
	for (k = 0; k < p->ntargets; k++) {
		size_t node = p->targets[k].node;
		double s = node_score(&p->with_actions->cities[ci], node);

		it = cJSON_CreateObject();
		cJSON_AddItemToObject(it, "node", cJSON_CreateString(node_id(fw,
		    node)));
		sub = cJSON_AddArrayToObject(it, "lines");
		for (j = 0; j < p->actions->nitems; j++)
			if (serves(fw, &p->actions->items[j], node))
				cJSON_AddItemToArray(sub, cJSON_CreateString(
				    p->actions->items[j].id));
		cJSON_AddItemToObject(it, "score_with_actions",
		    rs_json_number(s));
		cJSON_AddItemToObject(it, "reached", cJSON_CreateBool(s >=
		    p->targets[k].score));
		cJSON_AddItemToArray(list, it);
	}
	list = cJSON_AddArrayToObject(city, "monitoring");
	mon = monitored(p, ci);
	for (i = 0; i < fw->nnodes; i++) {
		struct monitor_row m;
		long y;

		if (!mon[i])
			continue;
		monitor_row(p, ci, i, &m);
		it = cJSON_CreateObject();
		cJSON_AddItemToObject(it, "indicator",
		    cJSON_CreateString(fw->nodes[i].id));
		cJSON_AddItemToObject(it, "baseline",
		    rs_json_number(m.baseline));
		cJSON_AddItemToObject(it, "baseline_year", m.baseline_year > 0 ?
		    rs_json_number((double)m.baseline_year) :
		    cJSON_CreateNull());
		cJSON_AddItemToObject(it, "target", rs_json_number(m.target));
		cJSON_AddItemToObject(it, "target_year", m.target_year > 0 ?
		    rs_json_number((double)m.target_year) : cJSON_CreateNull());
		sub = cJSON_AddArrayToObject(it, "milestones");
		for (y = m.baseline_year + 1; !isnan(m.baseline) &&
		    y < m.target_year; y++) {
			cJSON *ms = cJSON_CreateObject();

			cJSON_AddItemToObject(ms, "year",
			    rs_json_number((double)y));
			cJSON_AddItemToObject(ms, "value",
			    rs_json_number(milestone(&m, y)));
			cJSON_AddItemToArray(sub, ms);
		}
		cJSON_AddItemToArray(list, it);
	}
	free(mon);
	return city;
}

static int
plan_json(FILE *out, const struct rs_plan_report *p, struct rs_error *err)
{
	const struct rs_report *r = p->r;
	cJSON *root = cJSON_CreateObject(), *lv, *cities, *acts, *it, *mv;
	size_t ci, k, j;
	unsigned l;

	lv = cJSON_AddArrayToObject(root, "levers");
	for (l = 0; l < RS_LEVER_COUNT; l++)
		if (p->levers & RS_LEVER_BIT(l))
			cJSON_AddItemToArray(lv, cJSON_CreateString(
			    l == RS_LEVER_NONE ? "none" :
			    rs_lever_name((enum rs_lever)l)));
	cJSON_AddItemToObject(root, "horizon", p->has_horizon ?
	    rs_json_number((double)p->horizon) : cJSON_CreateNull());
	if (p->actions != NULL) {
		acts = cJSON_AddArrayToObject(root, "actions");
		for (k = 0; k < p->actions->nitems; k++) {
			const struct rs_action *a = &p->actions->items[k];

			it = cJSON_CreateObject();
			cJSON_AddItemToObject(it, "id",
			    cJSON_CreateString(a->id));
			cJSON_AddItemToObject(it, "title_en", jstr(a->title_en));
			cJSON_AddItemToObject(it, "title_ar", jstr(a->title_ar));
			cJSON_AddItemToObject(it, "serves", jstr(a->serves !=
			    RS_NONE ? r->fw->nodes[a->serves].id : NULL));
			cJSON_AddItemToObject(it, "owner", jstr(a->owner));
			cJSON_AddItemToObject(it, "cost", jstr(a->cost));
			cJSON_AddItemToObject(it, "start",
			    rs_json_number((double)a->start));
			cJSON_AddItemToObject(it, "end",
			    rs_json_number((double)a->end));
			cJSON_AddItemToObject(it, "monitor", jstr(a->monitor !=
			    RS_NONE ? r->fw->nodes[a->monitor].id : NULL));
			mv = cJSON_AddArrayToObject(it, "moves");
			for (j = 0; j < a->nmoves; j++)
				cJSON_AddItemToArray(mv, cJSON_CreateString(
				    r->fw->nodes[a->moves[j].node].id));
			cJSON_AddItemToArray(acts, it);
		}
	}
	cities = cJSON_AddArrayToObject(root, "cities");
	for (ci = 0; ci < r->res->ncities; ci++)
		cJSON_AddItemToArray(cities, plan_city_json(p, ci));
	return json_out(out, r, root, err);
}

/* ---- CSV ------------------------------------------------------------- */

/* The fields of one CSV record, through the one CSV writer. */
#define csv_text(w, s) rs_csv_text((w), (s))
#define csv_num(w, v) rs_csv_number((w), (v))

static void
csv_score_row(FILE *out, const struct rs_report *r, const char *city,
    size_t node, const struct rs_city_result *c0,
    const struct rs_city_result *c1)
{
	const struct rs_framework *fw = r->fw;
	int ind = node != RS_NONE && fw->nodes[node].nchildren == 0;
	double s0 = node_score(c0, node), s1 = node_score(c1, node);
	struct rs_csv w;
	char depth[32];

	rs_csv_init(&w, out);
	snprintf(depth, sizeof(depth), "%d", node != RS_NONE ?
	    fw->nodes[node].depth : 0);
	csv_text(&w, city);
	csv_text(&w, node != RS_NONE ? fw->nodes[node].id : NULL);
	csv_text(&w, node != RS_NONE ? rs_node_label(r, node) :
	    NULL);
	rs_csv_bare(&w, depth);
	csv_num(&w, ind ? c0->value[node] : (double)NAN);
	csv_num(&w, ind ? c1->value[node] : (double)NAN);
	csv_num(&w, s0);
	csv_text(&w, rs_level_id(fw, s0));
	csv_num(&w, s1);
	csv_text(&w, rs_level_id(fw, s1));
	csv_num(&w, isnan(s0) || isnan(s1) ? (double)NAN :
	    s1 - s0 + 0.0);
	rs_csv_end(&w);
}

static int
whatif_csv(FILE *out, const struct rs_whatif_report *wr)
{
	const struct rs_report *r = wr->before;
	size_t ci, i;

	fputs("city,node,name,depth,value_before,value_after,score_before,"
	    "level_before,score_after,level_after,change\n", out);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c0 = &r->res->cities[ci];
		const struct rs_city_result *c1 = &wr->after->res->cities[ci];

		csv_score_row(out, r, c0->name, RS_NONE, c0, c1);
		for (i = 0; i < r->fw->nnodes; i++)
			csv_score_row(out, r, c0->name, i, c0, c1);
	}
	return 0;
}

static int
plan_csv(FILE *out, const struct rs_plan_report *p)
{
	const struct rs_report *r = p->r;
	const struct rs_framework *fw = r->fw;
	struct rs_buf b = {0};
	size_t ci, k, j;
	struct rs_csv w;

	fputs("city,row,node,target,score_before,score_after,reached,"
	    "value_from,value_to,score_from,score_to,collect,effort,text\n",
	    out);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_plan *pl = &p->plans[ci];

		for (k = 0; k < p->ntargets; k++) {
			rs_csv_init(&w, out);
			csv_text(&w, r->res->cities[ci].name);
			csv_text(&w, "target");
			csv_text(&w, node_id(fw,
			    p->targets[k].node));
			csv_num(&w, p->targets[k].score);
			csv_num(&w, pl->targets[k].before);
			csv_num(&w, pl->targets[k].after);
			rs_csv_bare(&w, pl->targets[k].reached ? "yes" :
			    "no");
			for (j = 0; j < 6; j++)
				csv_text(&w, NULL);
			say_target(&b, p, ci, k);
			if (!pl->targets[k].reached) {
				rs_buf_printf(&b, " ");
				say_short(&b, p, ci, k);
			}
			csv_text(&w, b.s);
			rs_buf_release(&b);
			rs_csv_end(&w);
		}
		for (k = 0; k < pl->nchanges; k++) {
			const struct rs_plan_change *ch = &pl->changes[k];

			rs_csv_init(&w, out);
			csv_text(&w, r->res->cities[ci].name);
			csv_text(&w, "change");
			csv_text(&w, fw->nodes[ch->node].id);
			for (j = 0; j < 4; j++)
				csv_text(&w, NULL);
			csv_num(&w, ch->value_from);
			csv_num(&w, ch->value_to);
			csv_num(&w, ch->score_from);
			csv_num(&w, ch->score_to);
			rs_csv_bare(&w, ch->collect ? "yes" : "no");
			csv_num(&w, fw->nodes[ch->node].effort *
			    (ch->score_to - (ch->collect ? 0 : ch->score_from)));
			say_change(&b, r, ch);
			csv_text(&w, b.s);
			rs_buf_release(&b);
			rs_csv_end(&w);
		}
	}
	return 0;
}

/* ---- Markdown -------------------------------------------------------- */

/* s as Markdown inline text or a table cell (io/markup.h). */
static void
md(FILE *out, const char *s)
{
	rs_md_puts(out, s);
}

static void
md_score_row(FILE *out, const struct rs_report *r, size_t node,
    const struct rs_city_result *c0, const struct rs_city_result *c1)
{
	char a[32], b[32], d[32];
	double s0 = node_score(c0, node), s1 = node_score(c1, node);

	fputs("| ", out);
	md(out, node == RS_NONE ? "" : r->fw->nodes[node].id);
	fputs(" | ", out);
	md(out, node == RS_NONE ? say(r, RS_MSG_CITY_SCORE) :
	    rs_node_label(r, node));
	fprintf(out, " | %s | ", fmt_score(a, sizeof(a), r, s0));
	md(out, level_word(r, s0));
	fprintf(out, " | %s | ", fmt_score(b, sizeof(b), r, s1));
	md(out, level_word(r, s1));
	fprintf(out, " | %s |\n", fmt_change(d, sizeof(d), s1 - s0));
}

static void
md_score_head(FILE *out, const struct rs_report *r)
{
	fprintf(out, "\n| %s | %s | %s | %s | %s | %s | %s |\n"
	    "| --- | --- | ---: | --- | ---: | --- | ---: |\n",
	    say(r, RS_MSG_ID), say(r, RS_MSG_NAME), say(r, RS_MSG_P_BEFORE),
	    say(r, RS_MSG_LEVEL), say(r, RS_MSG_P_AFTER), say(r, RS_MSG_LEVEL),
	    say(r, RS_MSG_CHANGE));
}

static int
whatif_md(FILE *out, const struct rs_whatif_report *wr)
{
	const struct rs_report *r = wr->before;
	const struct rs_framework *fw = r->fw;
	struct rs_buf b = {0};
	size_t ci, i, k;

	char hd[128];

	rs_md_title(out, r, say(r, RS_MSG_T_TITLE_WHATIF));
	fprintf(out, "\n%s\n", say(r, RS_MSG_WHATIF_NOTE));
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_city_result *c0 = &r->res->cities[ci];
		const struct rs_city_result *c1 = &wr->after->res->cities[ci];
		char *changed = rs_calloc(fw->nnodes + 1, 1);

		fputs("\n## ", out);
		md(out, c0->name);
		fprintf(out, "\n\n### %s\n\n", cap(hd, sizeof(hd),
		    say(r, RS_MSG_CHANGES)));
		for (k = 0; k < wr->w->nchanges; k++) {
			const struct rs_whatif_change *ch = &wr->w->changes[k];
			const struct rs_node *n = &fw->nodes[ch->node];

			if (ch->city != ci)
				continue;
			changed[ch->node] = 1;
			label(&b, r, ch->node);
			rs_buf_printf(&b, ": ");
			if (isnan(ch->from))
				rs_buf_printf(&b, "%s", say(r, RS_MSG_NA));
			else
				rs_say_value(&b, n, ch->from);
			rs_buf_printf(&b, " → ");
			rs_say_value(&b, n, ch->to);
			if (ch->note != NULL)
				rs_buf_printf(&b, " (%s)", ch->note);
			fputs("- ", out);
			md(out, b.s);
			fputc('\n', out);
			rs_buf_release(&b);
		}
		if (!any_change(wr->w, ci)) {
			md(out, say(r, RS_MSG_NO_CITY_CHANGE));
			fputc('\n', out);
		}
		md_score_head(out, r);
		md_score_row(out, r, RS_NONE, c0, c1);
		for (i = 0; i < fw->nnodes; i++)
			if (fw->nodes[i].nchildren > 0 || changed[i])
				md_score_row(out, r, i, c0, c1);
		free(changed);
	}
	return 0;
}

static int
plan_md(FILE *out, const struct rs_plan_report *p)
{
	const struct rs_report *r = p->r;
	const struct rs_framework *fw = r->fw;
	struct rs_buf b = {0};
	size_t ci, k, i, j;
	char *mon;

	char hd[128];

	rs_md_title(out, r, say(r, RS_MSG_T_TITLE_PLAN));
	say_levers(&b, r, p->levers);
	fputs("\n", out);
	md(out, b.s);
	fputs("\n", out);
	rs_buf_release(&b);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_plan *pl = &p->plans[ci];

		fputs("\n## ", out);
		md(out, r->res->cities[ci].name);
		fputs("\n", out);
		rs_md_city_notes(out, r, ci, 3);
		say_horizon(&b, p, ci);
		if (b.s != NULL) {
			fputs("\n", out);
			md(out, b.s);
			fputs("\n", out);
		}
		rs_buf_release(&b);
		fprintf(out, "\n### %s\n\n", cap(hd, sizeof(hd),
		    say(r, RS_MSG_TARGETS)));
		for (k = 0; k < p->ntargets; k++) {
			say_target(&b, p, ci, k);
			if (!pl->targets[k].reached) {
				rs_buf_printf(&b, " ");
				say_short(&b, p, ci, k);
			}
			fprintf(out, "%zu. ", k + 1);
			md(out, b.s);
			fputc('\n', out);
			rs_buf_release(&b);
		}
		fprintf(out, "\n### %s\n\n", cap(hd, sizeof(hd),
		    say(r, RS_MSG_CHANGES)));
		if (pl->nchanges == 0) {
			md(out, say(r, no_change_msg(pl, p->ntargets)));
			fputc('\n', out);
		}
		for (k = 0; k < pl->nchanges; k++) {
			say_change(&b, r, &pl->changes[k]);
			fprintf(out, "%zu. ", k + 1);
			md(out, b.s);
			fputc('\n', out);
			rs_buf_release(&b);
		}
		if (pl->nchanges > 0) {
			say_effort(&b, r, pl);
			fputc('\n', out);
			md(out, b.s);
			fputc('\n', out);
			rs_buf_release(&b);
		}
		fprintf(out, "\n### %s\n", cap(hd, sizeof(hd),
		    say(r, RS_MSG_RESULTING)));
		md_score_head(out, r);
		md_score_row(out, r, RS_NONE, &r->res->cities[ci],
		    &p->after->cities[ci]);
		for (i = 0; i < fw->nnodes; i++)
			if (fw->nodes[i].depth <= 2 && fw->nodes[i].nchildren > 0)
				md_score_row(out, r, i, &r->res->cities[ci],
				    &p->after->cities[ci]);
		if (p->actions == NULL) {
			rs_md_evidence(out, r, ci, 3);
			continue;
		}
		fprintf(out, "\n### %s\n\n| %s | %s | %s | %s | %s | %s | "
		    "%s |\n| --- | --- | --- | --- | ---: | ---: | --- |\n",
		    cap(hd, sizeof(hd), say(r, RS_MSG_ACTIONS)), say(r, RS_MSG_ID),
		    say(r, RS_MSG_NAME), say(r, RS_MSG_SERVES),
		    say(r, RS_MSG_OWNER), say(r, RS_MSG_START),
		    say(r, RS_MSG_END), say(r, RS_MSG_COST));
		for (j = 0; j < p->actions->nitems; j++) {
			const struct rs_action *a = &p->actions->items[j];

			fputs("| ", out);
			md(out, a->id);
			fputs(" | ", out);
			md(out, action_title(r, a));
			fputs(" | ", out);
			md(out, a->serves != RS_NONE ? fw->nodes[a->serves].id :
			    "");
			fputs(" | ", out);
			md(out, a->owner != NULL ? a->owner : "");
			fprintf(out, " | %ld | %ld | ", a->start, a->end);
			md(out, a->cost != NULL ? a->cost : "");
			fputs(" |\n", out);
		}
		fputc('\n', out);
		for (k = 0; k < p->ntargets; k++) {
			size_t node = p->targets[k].node;
			double s = node_score(&p->with_actions->cities[ci],
			    node);
			char sc[32];
			const char *args[3];

			label(&b, r, node);
			fmt_score(sc, sizeof(sc), r, s);
			args[0] = b.s;
			args[1] = sc;
			args[2] = say(r, s >= p->targets[k].score ?
			    RS_MSG_REACHED : RS_MSG_NOT_REACHED);
			{
				struct rs_buf t = {0};

				buf_msg(&t, r, RS_MSG_ACTIONS_REACH, args, 3);
				fputs("- ", out);
				md(out, t.s);
				fputc('\n', out);
				rs_buf_release(&t);
			}
			rs_buf_release(&b);
		}
		fprintf(out, "\n### %s\n\n| %s | %s | %s | %s | %s | %s |\n"
		    "| --- | ---: | ---: | ---: | ---: | --- |\n",
		    cap(hd, sizeof(hd), say(r, RS_MSG_MONITORING)),
		    say(r, RS_MSG_INDICATOR),
		    say(r, RS_MSG_BASELINE), say(r, RS_MSG_P_YEAR),
		    say(r, RS_MSG_TARGET_WORD), say(r, RS_MSG_P_YEAR),
		    say(r, RS_MSG_MILESTONES));
		mon = monitored(p, ci);
		for (i = 0; i < fw->nnodes; i++) {
			struct monitor_row m;
			char v[64];
			long y;

			if (!mon[i])
				continue;
			monitor_row(p, ci, i, &m);
			fputs("| ", out);
			md(out, fw->nodes[i].id);
			fprintf(out, " | %s | %ld | ", fmt_raw(v,
			    sizeof(v), r, m.baseline), m.baseline_year);
			fprintf(out, "%s | %ld | ", rs_fmt_value(v, sizeof(v),
			    m.target), m.target_year);
			for (y = m.baseline_year + 1; !isnan(m.baseline) &&
			    y < m.target_year; y++)
				fprintf(out, "%s%ld: %s", y > m.baseline_year + 1 ?
				    ", " : "", y, fmt_milestone(v, sizeof(v),
				    &fw->nodes[i], milestone(&m, y)));
			fputs(" |\n", out);
		}
		free(mon);
		rs_md_evidence(out, r, ci, 3);
	}
	rs_md_methodology(out, r, 1);
	return 0;
}

/* ---- HTML ------------------------------------------------------------ */

static void
esc(FILE *out, const char *s)
{
	rs_xml_puts(out, s);
}

static void
html_head(FILE *out, const struct rs_report *r, enum rs_msg title)
{
	const char *lang = r->lang != NULL ? r->lang : "en";

	fputs("<!DOCTYPE html>\n<html lang=\"", out);
	esc(out, lang);
	fprintf(out, "\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<title>", rs_i18n_rtl(r->lang) ? "rtl" : "ltr");
	esc(out, r->title != NULL ? r->title : say(r, title));
	fputs("</title>\n<style>\n", out);
	rs_html_style(out);
	fputs("</style>\n</head>\n<body>\n<h1>", out);
	esc(out, r->title != NULL ? r->title : say(r, title));
	fputs("</h1>\n", out);
	rs_html_byline(out, r);
	fputs("<p>", out);
	esc(out, say(r, RS_MSG_FRAMEWORK));
	fputs(": ", out);
	esc(out, rs_framework_label(r));
	if (r->fw->version[0] != '\0') {
		const char *arg = r->fw->version;
		char v[160];

		/* "(version 1)" as the score page words it */
		rs_i18n_expand_buf(v, sizeof(v), say(r, RS_MSG_VERSION), &arg,
		    1);
		fputs(" (", out);
		esc(out, v);
		fputc(')', out);
	}
	fputs("</p>\n", out);
}

static void
html_foot(FILE *out, const struct rs_report *r)
{
	fputs("<footer><p>", out);
	esc(out, say(r, RS_MSG_FOOTER));
	fputs("</p></footer>\n</body>\n</html>\n", out);
}

static void
html_score_table(FILE *out, const struct rs_report *r,
    const struct rs_city_result *c0, const struct rs_city_result *c1,
    const char *show)
{
	static const enum rs_msg cols[] = {RS_MSG_ID, RS_MSG_NAME,
	    RS_MSG_P_BEFORE, RS_MSG_LEVEL, RS_MSG_P_AFTER, RS_MSG_LEVEL,
	    RS_MSG_CHANGE};
	size_t i, k;
	char a[32], hd[128];

	fputs("<table>\n<thead><tr>", out);
	for (k = 0; k < sizeof(cols) / sizeof(*cols); k++) {
		fputs("<th>", out);
		esc(out, cap(hd, sizeof(hd), say(r, cols[k])));
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (i = RS_NONE; i == RS_NONE || i < r->fw->nnodes; i++) {
		double s0 = node_score(c0, i), s1 = node_score(c1, i);

		if (i != RS_NONE && !show[i])
			continue;
		fputs("<tr><td dir=\"ltr\">", out);
		esc(out, i == RS_NONE ? "" : r->fw->nodes[i].id);
		fputs("</td><td>", out);
		esc(out, i == RS_NONE ? say(r, RS_MSG_CITY_SCORE) :
		    rs_node_label(r, i));
		fprintf(out, "</td><td class=\"num\">%s</td><td>",
		    fmt_score(a, sizeof(a), r, s0));
		esc(out, level_word(r, s0));
		fprintf(out, "</td><td class=\"num\">%s</td><td>",
		    fmt_score(a, sizeof(a), r, s1));
		esc(out, level_word(r, s1));
		fprintf(out, "</td><td class=\"num\" dir=\"ltr\">%s</td></tr>\n",
		    fmt_change(a, sizeof(a), s1 - s0));
		if (i == RS_NONE && r->fw->nnodes == 0)
			break;
	}
	fputs("</tbody>\n</table>\n", out);
}

static int
whatif_html(FILE *out, const struct rs_whatif_report *wr)
{
	const struct rs_report *r = wr->before;
	const struct rs_framework *fw = r->fw;
	struct rs_buf b = {0};
	size_t ci, i, k;
	char hd[128];

	html_head(out, r, RS_MSG_T_TITLE_WHATIF);
	fputs("<p>", out);
	esc(out, say(r, RS_MSG_WHATIF_NOTE));
	fputs("</p>\n", out);
	for (ci = 0; ci < r->res->ncities; ci++) {
		char *show = rs_calloc(fw->nnodes + 1, 1);

		fputs("<section>\n<h2>", out);
		esc(out, r->res->cities[ci].name);
		fputs("</h2>\n<h3>", out);
		esc(out, cap(hd, sizeof(hd), say(r, RS_MSG_CHANGES)));
		fputs("</h3>\n<ul>\n", out);
		for (k = 0; k < wr->w->nchanges; k++) {
			const struct rs_whatif_change *ch = &wr->w->changes[k];

			if (ch->city != ci)
				continue;
			show[ch->node] = 1;
			label(&b, r, ch->node);
			rs_buf_printf(&b, ": ");
			if (isnan(ch->from))
				rs_buf_printf(&b, "%s", say(r, RS_MSG_NA));
			else
				rs_say_value(&b, &fw->nodes[ch->node],
				    ch->from);
			rs_buf_printf(&b, " → ");
			rs_say_value(&b, &fw->nodes[ch->node], ch->to);
			if (ch->note != NULL)
				rs_buf_printf(&b, " (%s)", ch->note);
			fputs("<li>", out);
			esc(out, b.s);
			fputs("</li>\n", out);
			rs_buf_release(&b);
		}
		fputs("</ul>\n", out);
		if (!any_change(wr->w, ci)) {
			fputs("<p>", out);
			esc(out, say(r, RS_MSG_NO_CITY_CHANGE));
			fputs("</p>\n", out);
		}
		for (i = 0; i < fw->nnodes; i++)
			if (fw->nodes[i].nchildren > 0)
				show[i] = 1;
		html_score_table(out, r, &r->res->cities[ci],
		    &wr->after->res->cities[ci], show);
		fputs("</section>\n", out);
		free(show);
	}
	html_foot(out, r);
	return 0;
}

/* The areas before (dashed) and after (solid) the plan, as a radar. */
static void
plan_radar(FILE *out, const struct rs_plan_report *p, size_t ci, int *nsvg)
{
	const struct rs_report *r = p->r;
	const struct rs_framework *fw = r->fw;
	const struct rs_city_result *c[2] = {&r->res->cities[ci],
	    &p->after->cities[ci]};
	double cx = 200, cy = 190, rad = 140, x, y;
	size_t n = fw->ntop, k, s;
	int mirror = rs_i18n_rtl(r->lang);
	struct rs_buf b = {0}, list = {0};
	const char *args[2];
	char nx[32], ny[32], sc[32];

	if (n < 3)
		return;
	for (k = 0; k < n; k++)
		rs_buf_printf(&list, "%s%s %s → %s", k > 0 ? rs_i18n(r->lang, RS_MSG_SEMICOLON) : "",
		    rs_node_label(r, fw->top[k]), fmt_score(nx, sizeof(nx), r,
		    c[0]->score_of[fw->top[k]]), fmt_score(ny, sizeof(ny), r,
		    c[1]->score_of[fw->top[k]]));
	args[0] = r->res->cities[ci].name;
	args[1] = list.s;
	++*nsvg;
	fprintf(out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 400 400\" width=\"400\" height=\"400\" "
	    "role=\"img\" aria-labelledby=\"t%d d%d\" direction=\"%s\">\n"
	    "<title id=\"t%d\">", *nsvg, *nsvg, mirror ? "rtl" : "ltr", *nsvg);
	buf_msg(&b, r, RS_MSG_RADAR_PLAN, args, 1);
	esc(out, b.s);
	rs_buf_release(&b);
	fprintf(out, "</title>\n<desc id=\"d%d\">", *nsvg);
	buf_msg(&b, r, RS_MSG_RADAR_PLAN_DESC, args, 2);
	esc(out, b.s);
	rs_buf_release(&b);
	fputs("</desc>\n", out);
	for (k = 0; k < n; k++) {
		rs_svg_radar_point(cx, cy, rad, n, k, 100, mirror, &x, &y);
		fprintf(out, "<line x1=\"%s\" y1=\"%s\" ", rs_svg_num(nx,
		    sizeof(nx), cx), rs_svg_num(ny, sizeof(ny), cy));
		fprintf(out, "x2=\"%s\" y2=\"%s\" stroke=\"#bbb\"/>\n",
		    rs_svg_num(nx, sizeof(nx), x), rs_svg_num(ny, sizeof(ny),
		    y));
		fprintf(out, "<text x=\"%s\" y=\"%s\" font-size=\"11\" "
		    "text-anchor=\"middle\">", rs_svg_num(nx, sizeof(nx), x),
		    rs_svg_num(ny, sizeof(ny), y < cy ? y - 6 : y + 14));
		esc(out, fw->nodes[fw->top[k]].id);
		fputs("</text>\n", out);
	}
	for (s = 0; s < 2; s++) {
		fprintf(out, "<polygon fill=\"%s\" stroke=\"%s\" "
		    "stroke-width=\"2\"%s points=\"", s == 0 ? "none" :
		    "#0072b2", s == 0 ? "#d55e00" : "#0072b2", s == 0 ?
		    " stroke-dasharray=\"6 4\"" : " fill-opacity=\"0.25\"");
		for (k = 0; k < n; k++) {
			rs_svg_radar_point(cx, cy, rad, n, k,
			    c[s]->score_of[fw->top[k]], mirror, &x, &y);
			fprintf(out, "%s%s,%s", k > 0 ? " " : "",
			    rs_svg_num(nx, sizeof(nx), x), rs_svg_num(ny,
			    sizeof(ny), y));
		}
		fputs("\"/>\n", out);
	}
	(void)sc;
	fputs("</svg>\n</figure>\n", out);
	rs_buf_release(&list);
}

/* The lines of action as bars from their start to their end year. */
static void
plan_timeline(FILE *out, const struct rs_plan_report *p, size_t ci,
    int *nsvg)
{
	const struct rs_report *r = p->r;
	const struct rs_actions *a = p->actions;
	long y0 = 0, y1 = 0, y;
	double left = 150, width = 420, row = 22, top = 30, x0, x1, h;
	struct rs_buf b = {0}, list = {0};
	const char *args[2];
	char n1[32], n2[32], n3[32];
	size_t k;

	if (a == NULL || a->nitems == 0)
		return;
	for (k = 0; k < a->nitems; k++) {
		if (k == 0 || a->items[k].start < y0)
			y0 = a->items[k].start;
		if (k == 0 || a->items[k].end > y1)
			y1 = a->items[k].end;
		rs_buf_printf(&list, "%s%s %ld-%ld", k > 0 ? rs_i18n(r->lang, RS_MSG_SEMICOLON) : "",
		    a->items[k].id, a->items[k].start, a->items[k].end);
	}
	y1++;
	h = top + row * (double)a->nitems + 20;
	args[0] = r->res->cities[ci].name;
	args[1] = list.s;
	++*nsvg;
	fprintf(out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 600 %s\" width=\"600\" role=\"img\" "
	    "aria-labelledby=\"t%d d%d\" direction=\"%s\">\n"
	    "<title id=\"t%d\">", rs_svg_num(n1, sizeof(n1), h), *nsvg,
	    *nsvg, rs_i18n_rtl(r->lang) ? "rtl" : "ltr", *nsvg);
	buf_msg(&b, r, RS_MSG_TIMELINE_TITLE, args, 1);
	esc(out, b.s);
	rs_buf_release(&b);
	fprintf(out, "</title>\n<desc id=\"d%d\">", *nsvg);
	buf_msg(&b, r, RS_MSG_TIMELINE_DESC, args + 1, 1);
	esc(out, b.s);
	rs_buf_release(&b);
	fputs("</desc>\n", out);
	for (y = y0; y <= y1; y++) {
		x0 = rs_svg_scale((double)y, (double)y0, (double)y1, left,
		    left + width);
		fprintf(out, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" "
		    "stroke=\"#ddd\"/>\n<text x=\"%s\" y=\"20\" "
		    "font-size=\"11\" text-anchor=\"middle\">%ld</text>\n",
		    rs_svg_num(n1, sizeof(n1), x0), rs_svg_num(n2, sizeof(n2),
		    top - 5), rs_svg_num(n3, sizeof(n3), x0),
		    rs_svg_num(n2, sizeof(n2), h - 15), rs_svg_num(n1,
		    sizeof(n1), x0), y);
	}
	for (k = 0; k < a->nitems; k++) {
		const struct rs_action *it = &a->items[k];
		double yy = top + row * (double)k;

		x0 = rs_svg_scale((double)it->start, (double)y0, (double)y1,
		    left, left + width);
		x1 = rs_svg_scale((double)it->end + 1, (double)y0, (double)y1,
		    left, left + width);
		fprintf(out, "<text x=\"%s\" y=\"%s\" font-size=\"11\">",
		    rs_svg_num(n1, sizeof(n1), 4), rs_svg_num(n2, sizeof(n2),
		    yy + 14));
		esc(out, it->id);
		fprintf(out, "</text>\n<rect x=\"%s\" y=\"%s\" width=\"%s\" "
		    "height=\"16\" fill=\"#0072b2\"><title>",
		    rs_svg_num(n1, sizeof(n1), x0), rs_svg_num(n2, sizeof(n2),
		    yy + 2), rs_svg_num(n3, sizeof(n3), x1 - x0));
		/* the bar's tooltip names the action even without a title */
		esc(out, action_title(r, it)[0] != '\0' ? action_title(r, it) :
		    it->id);
		fputs("</title></rect>\n", out);
	}
	fputs("</svg>\n</figure>\n", out);
	rs_buf_release(&list);
}

static void
html_list_item(FILE *out, const char *s)
{
	fputs("<li>", out);
	esc(out, s);
	fputs("</li>\n", out);
}

static int
plan_html(FILE *out, const struct rs_plan_report *p)
{
	const struct rs_report *r = p->r;
	const struct rs_framework *fw = r->fw;
	struct rs_buf b = {0};
	size_t ci, k, i, j;
	char *show, *mon, v[64], hd[128];
	int nsvg = 0;

	html_head(out, r, RS_MSG_T_TITLE_PLAN);
	say_levers(&b, r, p->levers);
	fputs("<p>", out);
	esc(out, b.s);
	fputs("</p>\n", out);
	rs_buf_release(&b);
	for (ci = 0; ci < r->res->ncities; ci++) {
		const struct rs_plan *pl = &p->plans[ci];

		fputs("<section class=\"city\">\n<h2>", out);
		esc(out, r->res->cities[ci].name);
		fputs("</h2>\n", out);
		rs_html_city_notes(out, r, ci, 3);
		say_horizon(&b, p, ci);
		if (b.s != NULL) {
			fputs("<p>", out);
			esc(out, b.s);
			fputs("</p>\n", out);
		}
		rs_buf_release(&b);
		fputs("<h3>", out);
		esc(out, cap(hd, sizeof(hd), say(r, RS_MSG_TARGETS)));
		fputs("</h3>\n<ol>\n", out);
		for (k = 0; k < p->ntargets; k++) {
			say_target(&b, p, ci, k);
			if (!pl->targets[k].reached) {
				rs_buf_printf(&b, " ");
				say_short(&b, p, ci, k);
			}
			html_list_item(out, b.s);
			rs_buf_release(&b);
		}
		fputs("</ol>\n<h3>", out);
		esc(out, cap(hd, sizeof(hd), say(r, RS_MSG_CHANGES)));
		fputs("</h3>\n<ol>\n", out);
		for (k = 0; k < pl->nchanges; k++) {
			say_change(&b, r, &pl->changes[k]);
			html_list_item(out, b.s);
			rs_buf_release(&b);
		}
		fputs("</ol>\n", out);
		if (pl->nchanges == 0) {
			fputs("<p>", out);
			esc(out, say(r, no_change_msg(pl, p->ntargets)));
			fputs("</p>\n", out);
		} else {
			say_effort(&b, r, pl);
			fputs("<p>", out);
			esc(out, b.s);
			fputs("</p>\n", out);
			rs_buf_release(&b);
		}
		fputs("<h3>", out);
		esc(out, cap(hd, sizeof(hd), say(r, RS_MSG_RESULTING)));
		fputs("</h3>\n", out);
		plan_radar(out, p, ci, &nsvg);
		show = rs_calloc(fw->nnodes + 1, 1);
		for (i = 0; i < fw->nnodes; i++)
			show[i] = fw->nodes[i].nchildren > 0 &&
			    fw->nodes[i].depth <= 2;
		html_score_table(out, r, &r->res->cities[ci],
		    &p->after->cities[ci], show);
		free(show);
		if (p->actions == NULL) {
			rs_html_evidence(out, r, ci, 3);
			fputs("</section>\n", out);
			continue;
		}
		fputs("<h3>", out);
		esc(out, cap(hd, sizeof(hd), say(r, RS_MSG_ACTIONS)));
		fputs("</h3>\n", out);
		plan_timeline(out, p, ci, &nsvg);
		for (k = 0; k < p->ntargets; k++) {
			size_t node = p->targets[k].node;
			double s = node_score(&p->with_actions->cities[ci],
			    node);
			const char *args[3];
			char sc[32];

			fputs("<h4>", out);
			label(&b, r, node);
			esc(out, b.s);
			fputs("</h4>\n<table>\n<thead><tr>", out);
			{
				static const enum rs_msg cols[] = {RS_MSG_ID,
				    RS_MSG_NAME, RS_MSG_OWNER, RS_MSG_START,
				    RS_MSG_END, RS_MSG_COST, RS_MSG_MOVES};
				size_t c;

				for (c = 0; c < sizeof(cols) / sizeof(*cols);
				    c++) {
					fputs("<th>", out);
					esc(out, cap(hd, sizeof(hd),
					    say(r, cols[c])));
					fputs("</th>", out);
				}
			}
			fputs("</tr></thead>\n<tbody>\n", out);
			for (j = 0; j < p->actions->nitems; j++) {
				const struct rs_action *a =
				    &p->actions->items[j];
				size_t m;

				if (!serves(fw, a, node))
					continue;
				fputs("<tr><td dir=\"ltr\">", out);
				esc(out, a->id);
				fputs("</td><td>", out);
				esc(out, action_title(r, a));
				fputs("</td><td>", out);
				esc(out, a->owner != NULL ? a->owner : "");
				fprintf(out, "</td><td class=\"num\">%ld</td>"
				    "<td class=\"num\">%ld</td><td>", a->start,
				    a->end);
				esc(out, a->cost != NULL ? a->cost : "");
				fputs("</td><td dir=\"ltr\">", out);
				for (m = 0; m < a->nmoves; m++) {
					if (m > 0)
						fputs(", ", out);
					esc(out, fw->nodes[a->moves[m].node].id);
				}
				fputs("</td></tr>\n", out);
			}
			fputs("</tbody>\n</table>\n", out);
			fmt_score(sc, sizeof(sc), r, s);
			args[0] = b.s;
			args[1] = sc;
			args[2] = say(r, s >= p->targets[k].score ?
			    RS_MSG_REACHED : RS_MSG_NOT_REACHED);
			{
				struct rs_buf t = {0};

				buf_msg(&t, r, RS_MSG_ACTIONS_REACH, args, 3);
				fputs("<p>", out);
				esc(out, t.s);
				fputs("</p>\n", out);
				rs_buf_release(&t);
			}
			rs_buf_release(&b);
		}
		fputs("<h3>", out);
		esc(out, cap(hd, sizeof(hd), say(r, RS_MSG_MONITORING)));
		fputs("</h3>\n<table>\n<thead><tr>", out);
		{
			static const enum rs_msg cols[] = {RS_MSG_INDICATOR,
			    RS_MSG_BASELINE, RS_MSG_P_YEAR, RS_MSG_TARGET_WORD,
			    RS_MSG_P_YEAR, RS_MSG_MILESTONES};
			size_t c;

			for (c = 0; c < sizeof(cols) / sizeof(*cols); c++) {
				fputs("<th>", out);
				esc(out, cap(hd, sizeof(hd), say(r, cols[c])));
				fputs("</th>", out);
			}
		}
		fputs("</tr></thead>\n<tbody>\n", out);
		mon = monitored(p, ci);
		for (i = 0; i < fw->nnodes; i++) {
			struct monitor_row m;
			long y;

			if (!mon[i])
				continue;
			monitor_row(p, ci, i, &m);
			label(&b, r, i);
			fputs("<tr><td>", out);
			esc(out, b.s);
			rs_buf_release(&b);
			fprintf(out, "</td><td class=\"num\">%s</td>"
			    "<td class=\"num\">%ld</td>", fmt_raw(v,
			    sizeof(v), r, m.baseline), m.baseline_year);
			fprintf(out, "<td class=\"num\">%s</td>"
			    "<td class=\"num\">%ld</td><td dir=\"ltr\">",
			    rs_fmt_value(v, sizeof(v), m.target),
			    m.target_year);
			for (y = m.baseline_year + 1; !isnan(m.baseline) &&
			    y < m.target_year; y++)
				fprintf(out, "%s%ld: %s", y > m.baseline_year + 1 ?
				    ", " : "", y, fmt_milestone(v, sizeof(v),
				    &fw->nodes[i], milestone(&m, y)));
			fputs("</td></tr>\n", out);
		}
		free(mon);
		fputs("</tbody>\n</table>\n", out);
		rs_html_evidence(out, r, ci, 3);
		fputs("</section>\n", out);
	}
	rs_html_methodology(out, r, 1);
	html_foot(out, r);
	return 0;
}

/* ---- dispatch -------------------------------------------------------- */

static int
finish(FILE *out, int rc, struct rs_error *err)
{
	if (rc == 0 && ferror(out))
		rc = rs_error_set(err, RS_EIO, "", 0, 0,
		    "cannot write the report");
	return rc;
}

int
rs_report_whatif(FILE *out, const struct rs_whatif_report *r,
    enum rs_report_format format, struct rs_error *err)
{
	locale_t old = rs_c_locale_push();
	int rc;

	switch (format) {
	case RS_FORMAT_TEXT:
		rc = whatif_text(out, r);
		break;
	case RS_FORMAT_JSON:
		rc = whatif_json(out, r, err);
		break;
	case RS_FORMAT_CSV:
		rc = whatif_csv(out, r);
		break;
	case RS_FORMAT_MD:
		rc = whatif_md(out, r);
		break;
	case RS_FORMAT_HTML:
		rc = whatif_html(out, r);
		break;
	default:
		rc = rs_error_set(err, RS_EUSAGE, "", 0, 0, "no such report");
	}
	rs_c_locale_pop(old);
	return finish(out, rc, err);
}

int
rs_report_plan(FILE *out, const struct rs_plan_report *p,
    enum rs_report_format format, struct rs_error *err)
{
	locale_t old = rs_c_locale_push();
	int rc;

	switch (format) {
	case RS_FORMAT_TEXT:
		rc = plan_text(out, p);
		break;
	case RS_FORMAT_JSON:
		rc = plan_json(out, p, err);
		break;
	case RS_FORMAT_CSV:
		rc = plan_csv(out, p);
		break;
	case RS_FORMAT_MD:
		rc = plan_md(out, p);
		break;
	case RS_FORMAT_HTML:
		rc = plan_html(out, p);
		break;
	default:
		rc = rs_error_set(err, RS_EUSAGE, "", 0, 0, "no such report");
	}
	rs_c_locale_pop(old);
	return finish(out, rc, err);
}
