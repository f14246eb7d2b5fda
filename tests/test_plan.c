/*
 * test_plan.c - plans, what-if scenarios, levers and the fewest data to
 * score a city: small cases solved by hand, and the plan's optimum
 * against a brute-force enumeration of the vertices of its programme on
 * random small frameworks (docs/planning.md)
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/actionable.h"
#include "resilience/actions.h"
#include "resilience/engine.h"
#include "resilience/plan.h"
#include "resilience/scenario.h"
#include "resilience/whatif.h"

#define N ((double)NAN)

/* A framework from JSON text, asserted to load. */
static void
load(struct rs_framework *fw, const char *text)
{
	struct rs_error err = {0};

	rs_framework_init(fw);
	if (rs_framework_load_json(fw, text, strlen(text), "t.json",
	    &err) != 0)
		fail_msg("%s:%ld:%ld: %s", err.path, err.line, err.col, err.msg);
}

/* small.json with the planning keys of its A indicators set. */
static const char small_plan[] = "{\"id\": \"s\", \"children\": ["
    "{\"id\": \"A\", \"weight\": 2, \"children\": ["
    "{\"id\": \"a1\", \"worst\": 0, \"best\": 100, \"lever\": \"municipal\" %s},"
    "{\"id\": \"a2\", \"weight\": 3, \"worst\": 100, \"best\": 0, "
    "\"lever\": \"%s\" %s}]},"
    "{\"id\": \"B\", \"children\": ["
    "{\"id\": \"b1\", \"worst\": 10, \"best\": 20, \"min\": 0, \"max\": 50},"
    "{\"id\": \"B2\", \"children\": ["
    "{\"id\": \"b2\", \"worst\": 0, \"best\": 10},"
    "{\"id\": \"b3\", \"worst\": 0, \"best\": 10}]}]}]}";

static void
load_small(struct rs_framework *fw, const char *a1, const char *lever2,
    const char *a2)
{
	char text[2048];

	snprintf(text, sizeof(text), small_plan, a1, lever2, a2);
	load(fw, text);
}

static struct rs_plan_opts
opts(unsigned levers, double years)
{
	struct rs_plan_opts o;

	o.levers = levers;
	o.collect = 0;
	o.years = years;
	return o;
}

static void
plan(const struct rs_framework *fw, const double *v, struct rs_target *t,
    size_t nt, const struct rs_plan_opts *o, struct rs_plan *p)
{
	struct rs_error err = {0};

	assert_int_equal(rs_plan_make(fw, v, t, nt, o, p, &err), 0);
}

/*
 * A at 47.5 to 60: +12.5 points of A.  a2 carries 3/4 of A, a1 1/4: at
 * equal effort a2 is the cheaper, 16.67 points of its score, from 50 to
 * 66.67, value 33.33, rounded towards its best (lower) to 33.3.
 */
static void
single_target_takes_the_cheapest_indicator(void **state)
{
	static const double v[] = {40, 50, 15, 5, 5};
	struct rs_framework fw;
	struct rs_target t = {0, 60, RS_NONE};
	struct rs_plan_opts o = opts(RS_LEVERS_ACTIONABLE, INFINITY);
	struct rs_plan p;

	(void)state;
	load_small(&fw, "", "municipal", "");
	plan(&fw, v, &t, 1, &o, &p);
	assert_near(p.targets[0].before, 47.5, 1e-12);
	assert_true(p.targets[0].reached);
	assert_int_equal(p.nchanges, 1);
	assert_string_equal(fw.nodes[p.changes[0].node].id, "a2");
	assert_near(p.changes[0].value_from, 50, 0);
	assert_near(p.changes[0].value_to, 33.3, 0);
	assert_near(p.changes[0].score_to, 66.7, 1e-12);
	assert_near(p.targets[0].after, (40 + 3 * 66.7) / 4, 1e-12);
	assert_near(p.effort_optimal, 50.0 / 3, 1e-9);
	assert_near(p.effort, 16.7, 1e-12);
	assert_near(p.values[0], 40, 0);
	rs_plan_release(&p);
	rs_framework_release(&fw);
}

/*
 * A target band's target is the nearest point of the band (planning.md,
 * "Target bands"): c has the band {0, 20, 60, 120}, d 0 to 100.  With
 * d = 100 the city scores (s_c + 100) / 2.  From c = 150 (score 0) to
 * reach 75 c must score 50: 120 - 0.5 * 60 = 90, from above; to reach
 * 100, 60, the band's high end.  From c = -10, 100 takes c to 20.
 */
static void
band_target_is_the_nearest_point(void **state)
{
	static const char text[] = "{\"id\": \"s\", \"children\": ["
	    "{\"id\": \"A\", \"children\": ["
	    "{\"id\": \"c\", \"band\": {\"worst_low\": 0, \"low\": 20, "
	    "\"high\": 60, \"worst_high\": 120}, \"lever\": \"municipal\"},"
	    "{\"id\": \"d\", \"worst\": 0, \"best\": 100}]}]}";
	double v[] = {150, 100};
	struct rs_framework fw;
	struct rs_target t = {RS_NONE, 75, RS_NONE};
	struct rs_plan_opts o = opts(RS_LEVERS_ACTIONABLE, INFINITY);
	struct rs_plan p;

	(void)state;
	load(&fw, text);
	plan(&fw, v, &t, 1, &o, &p);
	assert_near(p.targets[0].before, 50, 0);
	assert_true(p.targets[0].reached);
	assert_int_equal(p.nchanges, 1);
	assert_near(p.changes[0].value_to, 90, 1e-9);
	assert_near(p.changes[0].score_to, 50, 1e-9);
	rs_plan_release(&p);
	t.score = 100;
	plan(&fw, v, &t, 1, &o, &p);
	assert_true(p.targets[0].reached);
	assert_near(p.changes[0].value_to, 60, 0);
	rs_plan_release(&p);
	v[0] = -10;
	plan(&fw, v, &t, 1, &o, &p);
	assert_true(p.targets[0].reached);
	assert_near(p.changes[0].value_to, 20, 0);
	assert_near(p.changes[0].score_to, 100, 0);
	rs_plan_release(&p);
	rs_framework_release(&fw);
}

/*
 * Effort 4 on a2: a point of A costs 4 / (3/4) = 5.33 through a2 and
 * 1 / (1/4) = 4 through a1, so a1 takes all 50 points, to 90.
 */
static void
effort_weights_choose_the_indicator(void **state)
{
	static const double v[] = {40, 50, 15, 5, 5};
	struct rs_framework fw;
	struct rs_target t = {0, 60, RS_NONE};
	struct rs_plan_opts o = opts(RS_LEVERS_ACTIONABLE, INFINITY);
	struct rs_plan p;

	(void)state;
	load_small(&fw, "", "municipal", ", \"effort\": 4");
	plan(&fw, v, &t, 1, &o, &p);
	assert_int_equal(p.nchanges, 1);
	assert_string_equal(fw.nodes[p.changes[0].node].id, "a1");
	assert_near(p.changes[0].value_to, 90, 0);
	assert_near(p.effort_optimal, 50, 1e-9);
	assert_near(p.targets[0].after, 60, 1e-12);
	rs_plan_release(&p);
	rs_framework_release(&fw);
}

/*
 * a1 may move 5 a year for 2 years: 10 points (2.5 of A); the other 10
 * points of A come from a2 at effort 4: 13.33 of its points, 53.33 of
 * effort; the cap holds back 1/4 x (60 - 10) = 12.5 points of A.
 */
static void
yearly_caps_bound_the_change(void **state)
{
	static const double v[] = {40, 50, 15, 5, 5};
	struct rs_framework fw;
	struct rs_target t = {0, 60, RS_NONE};
	struct rs_plan_opts o = opts(RS_LEVERS_ACTIONABLE, 2);
	struct rs_plan p;

	(void)state;
	load_small(&fw, ", \"max_change_per_year\": 5", "municipal",
	    ", \"effort\": 4");
	plan(&fw, v, &t, 1, &o, &p);
	assert_int_equal(p.nchanges, 2);
	assert_near(p.changes[0].value_to, 50, 0);	/* a1: 40 + 2 x 5 */
	assert_near(p.effort_optimal, 10 + 4 * 40.0 / 3, 1e-9);
	assert_near(p.targets[0].capped, 12.5, 1e-12);
	assert_true(p.targets[0].reached);
	rs_plan_release(&p);
	/* No years left: nothing capped moves. */
	o.years = 0;
	plan(&fw, v, &t, 1, &o, &p);
	assert_int_equal(p.nchanges, 1);
	assert_string_equal(fw.nodes[p.changes[0].node].id, "a2");
	rs_plan_release(&p);
	rs_framework_release(&fw);
}

/*
 * a2 is national: under --levers municipal only a1 moves, 50 points; A
 * at 95 is out of reach: a1 at its best gives 47.5 + 15 = 62.5, 32.5
 * short, and a2 would add 3/4 x 50 = 37.5.
 */
static void
levers_not_allowed_never_move(void **state)
{
	static const double v[] = {40, 50, 15, 5, 5};
	struct rs_framework fw;
	struct rs_target t = {0, 60, RS_NONE};
	struct rs_plan_opts o = opts(RS_LEVER_BIT(RS_LEVER_MUNICIPAL),
	    INFINITY);
	struct rs_plan p;

	(void)state;
	load_small(&fw, "", "national", "");
	plan(&fw, v, &t, 1, &o, &p);
	assert_int_equal(p.nchanges, 1);
	assert_string_equal(fw.nodes[p.changes[0].node].id, "a1");
	assert_near(p.changes[0].value_to, 90, 0);
	rs_plan_release(&p);
	t.score = 95;
	plan(&fw, v, &t, 1, &o, &p);
	assert_false(p.targets[0].reached);
	assert_near(p.targets[0].shortfall, 32.5, 1e-6);
	assert_near(p.targets[0].other_levers, 37.5, 1e-12);
	assert_near(p.targets[0].after, 62.5, 1e-12);
	assert_int_equal(p.nchanges, 1);
	assert_near(p.changes[0].value_to, 100, 0);
	rs_plan_release(&p);
	rs_framework_release(&fw);
}

/* A target reached already needs nothing; one without a score, data. */
static void
reached_and_unscored_targets(void **state)
{
	static const double v[] = {40, 50, N, N, N};
	struct rs_framework fw;
	struct rs_target t[2] = {{0, 40, RS_NONE}, {3, 50, RS_NONE}};
	struct rs_plan_opts o = opts(RS_LEVERS_ACTIONABLE, INFINITY);
	struct rs_plan p;

	(void)state;
	load_small(&fw, "", "municipal", "");
	plan(&fw, v, t, 2, &o, &p);
	assert_true(p.targets[0].reached);
	assert_int_equal(p.nchanges, 0);
	assert_near(p.effort, 0, 0);
	assert_false(p.targets[1].reached);	/* B has no score */
	assert_nan(p.targets[1].shortfall);
	assert_nan(p.targets[1].before);
	assert_int_equal(p.targets[1].nmissing, 3);
	rs_plan_release(&p);
	rs_framework_release(&fw);
}

/*
 * --collect: a1 has no value and a2 is national, so under --levers
 * municipal nothing with data moves and A stays at 50, 10 short of 60.
 * Collected, a1 counts from its worst, 0: A is (0 + 3 x 50) / 4 = 37.5,
 * and a1 at 90 brings it to 60.  A target reached already collects
 * nothing.
 */
static void
collect_moves_missing_indicators_from_their_worst(void **state)
{
	static const double v[] = {N, 50, 15, 5, 5};
	struct rs_framework fw;
	struct rs_target t = {0, 60, RS_NONE};
	struct rs_plan_opts o = opts(RS_LEVER_BIT(RS_LEVER_MUNICIPAL),
	    INFINITY);
	struct rs_plan p;

	(void)state;
	load_small(&fw, "", "national", "");
	plan(&fw, v, &t, 1, &o, &p);
	assert_false(p.targets[0].reached);
	assert_near(p.targets[0].shortfall, 10, 1e-6);
	assert_int_equal(p.targets[0].nmissing, 1);
	assert_int_equal(p.nchanges, 0);
	rs_plan_release(&p);
	o.collect = 1;
	plan(&fw, v, &t, 1, &o, &p);
	assert_true(p.targets[0].reached);
	assert_int_equal(p.nchanges, 1);
	assert_true(p.changes[0].collect);
	assert_nan(p.changes[0].value_from);
	assert_near(p.changes[0].value_to, 90, 0);
	assert_near(p.effort_optimal, 90, 1e-9);
	assert_near(p.targets[0].after, 60, 1e-12);
	rs_plan_release(&p);
	t.score = 40;
	plan(&fw, v, &t, 1, &o, &p);
	assert_true(p.targets[0].reached);
	assert_int_equal(p.nchanges, 0);
	rs_plan_release(&p);
	rs_framework_release(&fw);
}

/* Values land on a grid of a thousandth of the range, towards the best. */
static void
values_round_towards_the_best(void **state)
{
	struct rs_node up, down;

	(void)state;
	memset(&up, 0, sizeof(up));
	up.worst = 25;
	up.best = 3;		/* range 22: hundredths */
	assert_near(rs_plan_round(&up, 21.2143, 3), 21.21, 0);
	assert_near(rs_plan_round(&up, 21.21, 3), 21.21, 0);
	assert_near(rs_plan_round(&up, 3.004, 3), 3, 0);
	down = up;
	down.worst = -1.5;
	down.best = 1.5;	/* range 3: thousandths */
	assert_near(rs_plan_round(&down, -0.12341, 1.5), -0.123, 0);
	assert_near(rs_plan_round(&down, 1.4999, 1.4995), 1.4995, 0);
}

/* ---- brute force ----------------------------------------------------- */

static uint64_t seed = 0x9e3779b97f4a7c15u;

static double
uniform(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (double)(seed >> 11) / 9007199254740992.0;
}

static int
pick(int n)
{
	return (int)(uniform() * n);
}

/* A random framework of 2-3 areas, each of 1-3 indicators or RPIs. */
static void
random_framework(char *buf, size_t n, int caps)
{
	size_t len = 0;
	int a, na = 2 + pick(2), k, nk, j, nj, id = 0;

#define PUT(...) (len += (size_t)snprintf(buf + len, n - len, __VA_ARGS__))
	PUT("{\"id\": \"r\", \"min_coverage\": 0.5, \"children\": [");
	for (a = 0; a < na; a++) {
		PUT("%s{\"id\": \"A%d\", \"weight\": %d, \"children\": [",
		    a > 0 ? "," : "", a, 1 + pick(3));
		for (nk = 1 + pick(3), k = 0; k < nk; k++) {
			int rpi = pick(2);

			PUT("%s", k > 0 ? "," : "");
			if (rpi)
				PUT("{\"id\": \"R%d-%d\", \"weight\": %d, "
				    "\"children\": [", a, k, 1 + pick(3));
			for (nj = rpi ? 1 + pick(3) : 1, j = 0; j < nj; j++) {
				int up = pick(2);

				PUT("%s{\"id\": \"i%d\", \"weight\": %d, "
				    "\"worst\": %d, \"best\": %d, \"min\": 0, "
				    "\"max\": 100, \"effort\": %d, \"lever\": "
				    "\"%s\"", j > 0 ? "," : "", id++,
				    1 + pick(3), up ? 10 : 90, up ? 90 : 10,
				    1 + pick(4), pick(4) == 0 ? "national" :
				    "municipal");
				if (caps && pick(3) == 0)
					PUT(", \"max_change_per_year\": %d",
					    2 + pick(8));
				PUT("}");
			}
			if (rpi)
				PUT("]}");
		}
		PUT("]}");
	}
	PUT("]}");
#undef PUT
}

static double
score_at(const struct rs_framework *fw, const double *v, size_t node)
{
	struct rs_city_result c;
	double s;

	memset(&c, 0, sizeof(c));
	rs_engine_score_city(fw, v, &c);
	s = node == RS_NONE ? c.score : c.score_of[node];
	free(c.value);
	free(c.score_of);
	free(c.coverage_of);
	free(c.weight_of);
	free(c.gain_of);
	free(c.priorities);
	free(c.missing);
	return s;
}

#define MAXV 12
#define MAXR 2

/*
 * The least cost of c.x with a.x >= b (m rows), 0 <= x <= u (n columns),
 * by trying every vertex: each column at 0, at u or free, with as many
 * tight rows as free columns (m <= 2), solved by Cramer's rule.  NaN
 * when no point is feasible.
 */
static double
vertex_min(size_t n, size_t m, double a[MAXR][MAXV], const double *b,
    const double *u, const double *c)
{
	double best = (double)NAN, x[MAXV], rhs[MAXR], obj, det;
	size_t total = 1, code, k, i, j, f[MAXR], nf, t0, t1;
	int state[MAXV], ok;

	for (k = 0; k < n; k++)
		total *= 3;
	for (code = 0; code < total; code++) {
		size_t z = code;

		nf = 0;
		ok = 1;
		for (k = 0; k < n; k++, z /= 3) {
			state[k] = (int)(z % 3);
			if (state[k] == 2) {
				if (nf == m) {
					ok = 0;
					break;
				}
				f[nf++] = k;
			}
			x[k] = state[k] == 1 ? u[k] : 0;
		}
		if (!ok)
			continue;
		/* Every choice of nf tight rows. */
		for (t0 = 0; t0 < (nf == 0 ? 1 : m); t0++)
			for (t1 = nf == 2 ? t0 + 1 : t0; t1 < (nf == 2 ? m :
			    t0 + 1); t1++) {
				size_t rows[2] = {t0, t1};

				for (i = 0; i < nf; i++) {
					rhs[i] = b[rows[i]];
					for (j = 0; j < n; j++)
						if (state[j] != 2)
							rhs[i] -= a[rows[i]][j] *
							    x[j];
				}
				if (nf == 1) {
					if (!(fabs(a[t0][f[0]]) > 1e-15))
						continue;
					x[f[0]] = rhs[0] / a[t0][f[0]];
				} else if (nf == 2) {
					det = a[t0][f[0]] * a[t1][f[1]] -
					    a[t0][f[1]] * a[t1][f[0]];
					if (!(fabs(det) > 1e-15))
						continue;
					x[f[0]] = (rhs[0] * a[t1][f[1]] -
					    a[t0][f[1]] * rhs[1]) / det;
					x[f[1]] = (a[t0][f[0]] * rhs[1] -
					    rhs[0] * a[t1][f[0]]) / det;
				}
				for (ok = 1, i = 0; i < nf; i++)
					if (x[f[i]] < -1e-9 ||
					    x[f[i]] > u[f[i]] + 1e-9)
						ok = 0;
				for (i = 0; ok && i < m; i++) {
					double lhs = 0;

					for (j = 0; j < n; j++)
						lhs += a[i][j] * x[j];
					if (lhs < b[i] - 1e-7)
						ok = 0;
				}
				if (!ok)
					continue;
				for (obj = 0, j = 0; j < n; j++)
					obj += c[j] * x[j];
				if (isnan(best) || obj < best)
					best = obj;
			}
	}
	return best;
}

/* The most improved value of indicator node from x0, as plan.c allows. */
static double
limit(const struct rs_node *n, double x0, double years)
{
	double xl = n->best;
	int up = n->best > n->worst;

	if (n->has_max_change) {
		if (up && xl > x0 + n->max_change * years)
			xl = x0 + n->max_change * years;
		if (!up && xl < x0 - n->max_change * years)
			xl = x0 - n->max_change * years;
	}
	return up ? (xl < x0 ? x0 : xl) : (xl > x0 ? x0 : xl);
}

/*
 * On random frameworks, values, efforts, levers, caps and one or two
 * targets, the plan's optimum is the least cost over every vertex of
 * the programme written out independently here (a node's score moves
 * by the engine's own difference quotient), its values reach every
 * reachable target when the engine scores them, and rounding costs at
 * most a tenth of a point of effort per indicator.
 */
static void
plan_is_optimal_against_brute_force(void **state)
{
	char text[8192];
	int trial, checked = 0, unreachable = 0;

	(void)state;
	for (trial = 0; trial < 300; trial++) {
		struct rs_framework fw;
		struct rs_target t[MAXR];
		struct rs_plan_opts o = opts(RS_LEVER_BIT(RS_LEVER_MUNICIPAL),
		    3);
		struct rs_plan p;
		double v[64], w[64], a[MAXR][MAXV], b[MAXR], u[MAXV], c[MAXV];
		double s, best, se = 0;
		size_t ni, k, j, i, nt, nc = 0, nr = 0, col[MAXV];
		size_t cand[64], ncand = 0;

		random_framework(text, sizeof(text), 1);
		load(&fw, text);
		ni = fw.nindicators;
		for (k = 0; k < ni; k++)
			v[k] = pick(6) == 0 ? N : 10 + 80 * uniform();
		for (k = 0; k < fw.nnodes; k++)
			if (fw.nodes[k].nchildren > 0 &&
			    !isnan(score_at(&fw, v, k)))
				cand[ncand++] = k;
		if (ncand == 0 || isnan(score_at(&fw, v, RS_NONE))) {
			rs_framework_release(&fw);
			continue;
		}
		nt = 1 + (size_t)pick(2);
		for (k = 0; k < nt; k++) {
			t[k].node = pick(5) == 0 ? RS_NONE :
			    cand[pick((int)ncand)];
			s = score_at(&fw, v, t[k].node);
			t[k].score = floor(s + (100 - s) * uniform() * 0.8);
			t[k].level = RS_NONE;
		}
		if (nt == 2 && t[0].node == t[1].node)
			nt = 1;
		/* The programme: columns, their weight in each target. */
		for (k = 0; k < ni && nc < MAXV; k++) {
			size_t ind = fw.indicators[k];
			const struct rs_node *n = &fw.nodes[ind];
			int any = 0;
			double up = limit(n, v[k], 3), s0;

			if (isnan(v[k]) || n->lever != RS_LEVER_MUNICIPAL)
				continue;
			s0 = rs_indicator_score(n, v[k]);
			memcpy(w, v, ni * sizeof(double));
			w[k] = n->best;
			for (i = 0; i < nt; i++) {
				a[i][nc] = (score_at(&fw, w, t[i].node) -
				    score_at(&fw, v, t[i].node)) / (100 - s0);
				if (a[i][nc] > 1e-12)
					any = 1;
			}
			if (!any)
				continue;
			u[nc] = rs_indicator_score(n, up) - s0;
			c[nc] = n->effort;
			col[nc++] = k;
		}
		if (nc >= MAXV) {
			rs_framework_release(&fw);
			continue;
		}
		for (i = 0; i < nt; i++) {
			s = score_at(&fw, v, t[i].node);
			if (s < t[i].score) {
				for (j = 0; j < nc; j++)
					a[nr][j] = a[i][j];
				b[nr++] = t[i].score - s;
			}
		}
		best = nr == 0 ? 0 : vertex_min(nc, nr, a, b, u, c);
		plan(&fw, v, t, nt, &o, &p);
		if (isnan(best)) {
			/* Out of reach: the plan says how far. */
			for (i = 0, s = 0; i < nt; i++)
				s += p.targets[i].shortfall;
			assert_true(s > 1e-9);
			unreachable++;
		} else {
			if (fabs(p.effort_optimal - best) > 1e-6 * (1 + best))
				fail_msg("trial %d: plan %.17g, brute force "
				    "%.17g\n%s", trial, p.effort_optimal, best,
				    text);
			for (i = 0; i < nt; i++)
				assert_true(p.targets[i].reached);
			for (j = 0; j < nc; j++)
				se += c[j];
			assert_true(p.effort >= p.effort_optimal - 1e-6);
			assert_true(p.effort <= p.effort_optimal + 0.1 * se +
			    1e-6);
			checked++;
		}
		/* Its scores are the engine's on its values, bit for bit. */
		for (i = 0; i < nt; i++) {
			s = score_at(&fw, p.values, t[i].node);
			assert_memory_equal(&s, &p.targets[i].after, sizeof(s));
		}
		(void)col;
		rs_plan_release(&p);
		rs_framework_release(&fw);
	}
	/* The random cases cover both outcomes. */
	assert_true(checked > 100);
	assert_true(unreachable > 5);
}

/*
 * The fewest indicators that give a city a score, against every subset
 * of its missing indicators by size, on random frameworks and gaps.
 */
static void
to_score_is_the_fewest_against_brute_force(void **state)
{
	char text[8192];
	int trial, checked = 0;

	(void)state;
	for (trial = 0; trial < 300; trial++) {
		struct rs_framework fw;
		struct rs_city_result c;
		double v[64], w[64];
		size_t ni, k, miss[64], nmiss = 0, set[64], nset, best = 0;
		uint32_t sub;

		random_framework(text, sizeof(text), 0);
		load(&fw, text);
		ni = fw.nindicators;
		for (k = 0; k < ni; k++) {
			v[k] = pick(2) == 0 ? N : 50;
			if (isnan(v[k]))
				miss[nmiss++] = k;
		}
		if (!isnan(score_at(&fw, v, RS_NONE)) || nmiss > 14) {
			rs_framework_release(&fw);
			continue;
		}
		for (best = 1; best <= nmiss; best++) {
			int found = 0;

			for (sub = 0; sub < (1u << nmiss) && !found; sub++) {
				if ((size_t)__builtin_popcount(sub) != best)
					continue;
				memcpy(w, v, ni * sizeof(double));
				for (k = 0; k < nmiss; k++)
					if (sub >> k & 1)
						w[miss[k]] = 50;
				found = !isnan(score_at(&fw, w, RS_NONE));
			}
			if (found)
				break;
		}
		memset(&c, 0, sizeof(c));
		rs_engine_score_city(&fw, v, &c);
		nset = rs_actionable_to_score(&fw, &c, set);
		assert_int_equal(nset, best);
		memcpy(w, v, ni * sizeof(double));
		for (k = 0; k < nset; k++)
			w[fw.nodes[set[k]].indicator] = 50;
		assert_true(isnan(score_at(&fw, w, RS_NONE)) == 0);
		free(c.value);
		free(c.score_of);
		free(c.coverage_of);
		free(c.weight_of);
		free(c.gain_of);
		free(c.priorities);
		free(c.missing);
		rs_framework_release(&fw);
		checked++;
	}
	assert_true(checked > 50);
}

/* ---- levers ---------------------------------------------------------- */

static void
levers_restrict_priorities_and_node_gains(void **state)
{
	static const double v[] = {40, 50, 15, 5, 5};
	struct rs_framework fw;
	struct rs_city_result c;
	unsigned l;
	double a1;

	(void)state;
	load_small(&fw, "", "national", "");
	memset(&c, 0, sizeof(c));
	rs_engine_score_city(&fw, v, &c);
	a1 = c.gain_of[1];
	assert_int_equal(c.npriorities, 5);
	rs_actionable_restrict(&fw, RS_LEVERS_ACTIONABLE, &c);
	assert_int_equal(c.npriorities, 5);	/* none is context */
	rs_actionable_restrict(&fw, RS_LEVER_BIT(RS_LEVER_MUNICIPAL), &c);
	assert_int_equal(c.npriorities, 1);
	assert_int_equal(c.priorities[0], 1);	/* a1 */
	assert_memory_equal(&c.gain_of[0], &a1, sizeof(a1));	/* A */
	assert_nan(c.gain_of[3]);		/* B: nothing municipal */
	assert_int_equal(rs_levers_parse("municipal,national", &l), 0);
	assert_int_equal(l, RS_LEVER_BIT(RS_LEVER_MUNICIPAL) |
	    RS_LEVER_BIT(RS_LEVER_NATIONAL));
	assert_int_equal(rs_levers_parse("all", &l), 0);
	assert_int_equal(l, RS_LEVERS_ACTIONABLE);
	assert_int_equal(rs_levers_parse("municipal,", &l), -1);
	assert_int_equal(rs_levers_parse("city", &l), -1);
	free(c.value);
	free(c.score_of);
	free(c.coverage_of);
	free(c.weight_of);
	free(c.gain_of);
	free(c.priorities);
	free(c.missing);
	rs_framework_release(&fw);
}

/* ---- what-if --------------------------------------------------------- */

static void
changes_parse_as_documented(void **state)
{
	static const struct {
		const char *s;
		enum rs_change_op op;
		double v;
	} ok[] = {
		{"12.5", RS_CHANGE_SET, 12.5},
		{"=-0.5", RS_CHANGE_SET, -0.5},
		{"+3", RS_CHANGE_ADD, 3},
		{"-3", RS_CHANGE_ADD, -3},
		{"+10%", RS_CHANGE_PERCENT, 10},
		{"-25%", RS_CHANGE_PERCENT, -25},
	};
	static const char *const bad[] = {"", "=", "+", "%", "abc", "+5%%",
	    "-150%", "1e999", "+x%"};
	enum rs_change_op op;
	const char *why;
	double v;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(ok) / sizeof(*ok); k++) {
		assert_int_equal(rs_change_parse(ok[k].s, &op, &v, &why), 0);
		assert_int_equal(op, ok[k].op);
		assert_near(v, ok[k].v, 0);
	}
	for (k = 0; k < sizeof(bad) / sizeof(*bad); k++)
		if (rs_change_parse(bad[k], &op, &v, &why) == 0)
			fail_msg("'%s' parsed", bad[k]);
}

static void
whatif_applies_changes_in_order(void **state)
{
	static const double v[] = {40, 50, 15, 5, 5, 40, N, 15, 5, 5};
	static const char *const names[] = {"X", "Y:Z"};
	struct rs_scenario sc;
	struct rs_whatif w;
	struct rs_error err = {0};

	(void)state;
	rs_scenario_init(&sc);
	assert_int_equal(rs_scenario_add_spec(&sc, &small_fw, "X:a1=+10",
	    &err), 0);
	assert_int_equal(rs_scenario_add_spec(&sc, &small_fw, "X:a1=+50%",
	    &err), 0);
	/* the city's name holds a colon: split where an id follows */
	assert_int_equal(rs_scenario_add_spec(&sc, &small_fw, "Y:Z:a2=20",
	    &err), 0);
	assert_int_equal(rs_scenario_add_spec(&sc, &small_fw, "*:b1==12",
	    &err), 0);
	assert_int_equal(rs_whatif_apply(&small_fw, 2, names, NULL, v, &sc, &w,
	    &err), 0);
	assert_near(w.values[0], 75, 0);	/* (40 + 10) x 1.5 */
	assert_near(w.values[6], 20, 0);
	assert_near(w.values[2], 12, 0);
	assert_near(w.values[7], 12, 0);
	assert_near(v[0], 40, 0);		/* the input stays */
	assert_int_equal(w.nchanges, 4);
	assert_near(w.changes[0].from, 40, 0);
	assert_near(w.changes[0].to, 75, 0);
	assert_nan(w.changes[2].from);		/* Y's a2 had none */
	rs_whatif_release(&w);
	rs_scenario_release(&sc);
}

static void
whatif_refuses_what_it_cannot_do(void **state)
{
	static const double v[] = {40, 50, 15, N, 5};
	static const char *const names[] = {"X"};
	static const struct {
		const char *spec;
		const char *msg;
	} bad[] = {
		{"Q:a1=1", "--set Q:a1: no city 'Q' in the data"},
		{"X:b2=+1", "'X' has no value of b2 to change; give a new "
		    "value"},
		{"X:b1=+40", "the new value of b1 for 'X' is outside its "
		    "domain: 55"},
		{"X:b1=-100%", NULL},
	};
	struct rs_scenario sc;
	struct rs_whatif w;
	struct rs_error err = {0};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(bad) / sizeof(*bad); k++) {
		rs_scenario_init(&sc);
		assert_int_equal(rs_scenario_add_spec(&sc, &small_fw,
		    bad[k].spec, &err), 0);
		if (bad[k].msg == NULL) {	/* 15 x 0 = 0: in the domain */
			assert_int_equal(rs_whatif_apply(&small_fw, 1, names, NULL,
			    v, &sc, &w, &err), 0);
			assert_near(w.values[2], 0, 0);
			rs_whatif_release(&w);
		} else {
			assert_int_equal(rs_whatif_apply(&small_fw, 1, names, NULL,
			    v, &sc, &w, &err), RS_EUSAGE);
			assert_non_null(strstr(err.msg, bad[k].msg));
		}
		rs_scenario_release(&sc);
	}
	rs_scenario_init(&sc);
	assert_int_equal(rs_scenario_add_spec(&sc, &small_fw, "X:A=1", &err),
	    RS_EUSAGE);
	assert_non_null(strstr(err.msg, "no CITY:INDICATOR before '=' names "
	    "an indicator"));
	assert_int_equal(rs_scenario_add_spec(&sc, &small_fw, "X:a1=++1",
	    &err), RS_EUSAGE);
	assert_int_equal(rs_scenario_add_spec(&sc, &small_fw, "X:a1", &err),
	    RS_EUSAGE);
	rs_scenario_release(&sc);
}

static void
targets_parse_levels_and_scores(void **state)
{
	struct rs_target t;
	struct rs_error err = {0};

	(void)state;
	assert_int_equal(rs_target_parse(&small_fw, "A=moderate", &t, &err),
	    0);
	assert_int_equal(t.node, small_node("A"));
	assert_near(t.score, 40, 0);
	assert_int_equal(t.level, 2);
	assert_int_equal(rs_target_parse(&small_fw, "city=62.5", &t, &err), 0);
	assert_int_equal(t.node, RS_NONE);
	assert_near(t.score, 62.5, 0);
	assert_int_equal(t.level, RS_NONE);
	assert_int_equal(rs_target_parse(&small_fw, "A=101", &t, &err),
	    RS_EUSAGE);
	assert_non_null(strstr(err.msg, "'101' is neither a level"));
	assert_int_equal(rs_target_parse(&small_fw, "Q=40", &t, &err),
	    RS_EUSAGE);
	assert_non_null(strstr(err.msg, "'Q' is neither a node"));
	assert_int_equal(rs_target_parse(&small_fw, "A", &t, &err),
	    RS_EUSAGE);
}

/* ---- actions --------------------------------------------------------- */

static int
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static void
actions_read_from_csv_and_json(void **state)
{
	static const char csv[] = "id,title_en,title_ar,serves,indicator,"
	    "change,owner,cost,start,end,monitor\n"
	    "L1,Jobs,وظائف,A,a1,+10,City,USD 1m,2024,2026,a1\n"
	    "L1,,,,a2,-5%,,,2024,2026,\n"
	    "L2,Data,,B,,,Office,,2025,2025,\n";
	static const char json[] = "{\"actions\": [{\"id\": \"L1\", \"title\":"
	    " {\"en\": \"Jobs\", \"ar\": \"وظائف\"}, \"serves\": \"A\", "
	    "\"moves\": [{\"indicator\": \"a1\", \"change\": \"+10\"}], "
	    "\"start\": 2024, \"end\": \"2026\"}]}";
	static const double v[] = {40, 50, 15, 5, 5};
	struct rs_actions a;
	struct rs_error err = {0};
	double out[5];

	(void)state;
	assert_int_equal(write_file("actions.csv", csv), 0);
	rs_actions_init(&a);
	assert_int_equal(rs_actions_read_file(&a, &small_fw, "actions.csv",
	    &err), 0);
	assert_int_equal(a.nitems, 2);
	assert_string_equal(a.items[0].title_ar, "وظائف");
	assert_int_equal(a.items[0].nmoves, 2);
	assert_int_equal(a.items[0].serves, small_node("A"));
	assert_int_equal(a.items[0].monitor, small_node("a1"));
	assert_int_equal(a.items[1].nmoves, 0);
	assert_null(a.items[1].title_ar);
	rs_actions_apply(&small_fw, &a, v, out);
	assert_near(out[0], 50, 0);
	assert_near(out[1], 47.5, 0);
	rs_actions_release(&a);
	assert_int_equal(write_file("actions.json", json), 0);
	rs_actions_init(&a);
	assert_int_equal(rs_actions_read_file(&a, &small_fw, "actions.json",
	    &err), 0);
	assert_int_equal(a.nitems, 1);
	assert_int_equal(a.items[0].end, 2026);
	assert_string_equal(a.items[0].title_en, "Jobs");
	rs_actions_release(&a);
	remove("actions.csv");
	remove("actions.json");
}

static void
bad_actions_files_are_located(void **state)
{
	static const struct {
		const char *text;
		long line, col;
		const char *msg;
	} bad[] = {
		{"id,title_en,indicator,change,start,end\nL1,T,zz,+1,2024,"
		    "2025\n", 2, 3, "action \"L1\": \"zz\" is not an indicator"},
		{"id,title_en,indicator,change,start,end\nL1,T,a1,up,2024,"
		    "2025\n", 2, 4, "action \"L1\": change \"up\" is"},
		{"id,title_en,indicator,change,start,end\nL1,T,a1,+1,2026,"
		    "2025\n", 2, 6, "action \"L1\" ends in 2025, before it "
		    "starts in 2026"},
		{"id,title_en,indicator,change,start,end\nL1,T,a1,+1,soon,"
		    "2025\n", 2, 5, "start must be a year"},
		{"id,title_en,indicator,change,start\nL1,T,a1,+1,2024\n", 1, 1,
		    "needs the column end"},
		{"id,title_en,indicator,change,start,end,serves\n"
		    "L1,T,a1,+1,2024,2025,Q\n", 2, 7, "\"Q\" is not a node"},
		{"id,title_en,indicator,change,start,end\nL1,T,a1,+1,2024,2025\n"
		    "L2,T,a1,+1,2024,2025\nL1,T,a1,+1,2024,2025\n", 4, 1,
		    "duplicate action \"L1\" (first at line 2)"},
		{"{\"actions\": [{\"id\": \"L1\", \"start\": 2024, \"end\": "
		    "2025, \"moves\": [{\"indicator\": \"a1\", \"change\": "
		    "\"x\"}]}]}", 1, 65, "change \"x\" is not a number"},
		/* Rows after a lone CR and blank lines, a bad quote in a
		 * field that starts on line 2: at their own lines
		 * (fuzz-regressions/commands). */
		{"id,title_en,indicator,change,start,end\n\r  \n"
		    "L1,T,a1,+1,2024\n", 4, 5, "row has 5 fields"},
		{"id,title_en,indicator,change,start,end\n\n\n"
		    "L1,T,a1,+1,2024\n", 4, 5, "row has 5 fields"},
		{"id,title_en,indicator,change,start,end\nL1,\"T\n\" x,a1\n",
		    2, 2, "malformed quoting"},
		{"{\"actions\": [{}]} x", 1, 19, "text after the end"},
		{"{\"actions\": []}", 1, 13, "at least one action"},
		{"{\"actions\": [{\"id\": 7}]}", 1, 21, "\"id\" must be a "
		    "string"},
	};
	struct rs_actions a;
	struct rs_error err = {0};
	size_t k;
	int failed = 0;

	(void)state;
	for (k = 0; k < sizeof(bad) / sizeof(*bad); k++) {
		assert_int_equal(write_file("bad-actions", bad[k].text), 0);
		rs_actions_init(&a);
		if (rs_actions_read_file(&a, &small_fw, "bad-actions", &err) !=
		    RS_EINPUT || err.line != bad[k].line ||
		    err.col != bad[k].col || strstr(err.msg, bad[k].msg) ==
		    NULL) {
			print_error("case %zu: %ld:%ld: %s\n", k, err.line,
			    err.col, err.msg);
			failed++;
		}
		rs_actions_release(&a);
	}
	remove("bad-actions");
	assert_int_equal(failed, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(single_target_takes_the_cheapest_indicator),
		cmocka_unit_test(band_target_is_the_nearest_point),
		cmocka_unit_test(effort_weights_choose_the_indicator),
		cmocka_unit_test(yearly_caps_bound_the_change),
		cmocka_unit_test(levers_not_allowed_never_move),
		cmocka_unit_test(reached_and_unscored_targets),
		cmocka_unit_test(
		    collect_moves_missing_indicators_from_their_worst),
		cmocka_unit_test(values_round_towards_the_best),
		cmocka_unit_test(plan_is_optimal_against_brute_force),
		cmocka_unit_test(to_score_is_the_fewest_against_brute_force),
		cmocka_unit_test(levers_restrict_priorities_and_node_gains),
		cmocka_unit_test(changes_parse_as_documented),
		cmocka_unit_test(whatif_applies_changes_in_order),
		cmocka_unit_test(whatif_refuses_what_it_cannot_do),
		cmocka_unit_test(targets_parse_levels_and_scores),
		cmocka_unit_test(actions_read_from_csv_and_json),
		cmocka_unit_test(bad_actions_files_are_located),
	};

	return cmocka_run_group_tests(tests, small_setup, small_teardown);
}
