/*
 * test_timeline.c - the trend year by year and the shock and the recovery
 * (docs/methodology.md, "Trend", "Shock and recovery"), every figure
 * worked out by hand on tests/data/small.json: A (weight 2) = a1 (1,
 * 0..100), a2 (3, 100..0); B (1) = b1 (10..20), B2 = b2, b3 (0..10);
 * min_coverage 0.5.  The data are those of tests/cli/data/years.csv.
 */
#include "test_util.h"

#include <stdlib.h>

#include "resilience/dataset.h"
#include "resilience/timeline.h"

/*
 * Port (p):   a1 55 60 30 45 70 in 2018..2022 (scores as values);
 *             a2 20 40 .. 30 in 2019, 2020, 2022 (scores 80, 60, 70);
 *             b1 12 14 .. 13 (scores 20, 40, 30); b2 5 in 2019 and 8
 *             in 2022 (50, 80).
 * Nation (n): a1 50 40 55 in 2019, 2020, 2022.
 */
static const char years_csv[] =
    "city,city_id,indicator,value,year\n"
    "Port,p,a1,55,2018\nPort,p,a1,60,2019\nPort,p,a1,30,2020\n"
    "Port,p,a1,45,2021\nPort,p,a1,70,2022\n"
    "Port,p,a2,20,2019\nPort,p,a2,40,2020\nPort,p,a2,30,2022\n"
    "Port,p,b1,12,2019\nPort,p,b1,14,2020\nPort,p,b1,13,2022\n"
    "Port,p,b2,5,2019\nPort,p,b2,8,2022\n"
    "Nation,n,a1,50,2019\nNation,n,a1,40,2020\nNation,n,a1,55,2022\n"
    "Port,p,b3,3,\n";

static void
load(struct rs_dataset *ds)
{
	struct rs_error err = {0};

	rs_dataset_init(ds, &small_fw);
	assert_int_equal(rs_dataset_read_text(ds, "years.csv", years_csv,
	    strlen(years_csv), RS_INPUT_CSV, &err), 0);
	rs_dataset_read_done(ds);
}

static double
score(const struct rs_trend *t, size_t c, long year, const char *id)
{
	return t->score[rs_trend_cell(t, c, (size_t)(year - t->from),
	    id == NULL ? RS_NONE : small_node(id))];
}

static double
like(const struct rs_trend *t, size_t c, long year, const char *id)
{
	return t->like[rs_trend_cell(t, c, (size_t)(year - t->from),
	    id == NULL ? RS_NONE : small_node(id))];
}

/*
 * 2018: a1 alone, 1 of A's 4: A, B and the city null.
 * 2019: A = (60 + 3 * 80) / 4 = 75; B2 = 50; B = (20 + 50) / 2 = 35;
 *       city = (2 * 75 + 35) / 3 = 61.666...
 * 2020: A = (30 + 3 * 60) / 4 = 52.5; B = 40 (b1 alone); city = 48.333...
 *       like for like on C = {a1, a2, b1}: 2019 again on C gives B 20,
 *       city (150 + 20) / 3 = 56.666..., so the city's like -8.333...,
 *       B's +20, A's -22.5; the total -13.333... is -5 of composition.
 * 2021: a1 alone: null.  2022: A = (70 + 210) / 4 = 70, B2 = 80,
 *       B = (30 + 80) / 2 = 55, city = (140 + 55) / 3 = 65; like for
 *       like against 2021 on C = {a1}: null but for a1 itself (+25).
 * The undated b3 belongs to no year.
 */
static void
trend_scores_each_year_on_its_values_like_for_like(void **state)
{
	struct rs_timeline_opts o = {0, 0};
	struct rs_dataset ds;
	struct rs_trend t;
	struct rs_error err = {0};

	(void)state;
	load(&ds);
	assert_int_equal(rs_trend_compute(&t, &ds, 2018, 2022, &o, &err), 0);
	assert_int_equal(t.nyears, 5);
	assert_nan(score(&t, 0, 2018, NULL));
	assert_nan(score(&t, 0, 2018, "A"));
	assert_near(score(&t, 0, 2018, "a1"), 55, 1e-12);
	assert_near(score(&t, 0, 2019, "A"), 75, 1e-12);
	assert_near(score(&t, 0, 2019, "B"), 35, 1e-12);
	assert_near(score(&t, 0, 2019, NULL), 185.0 / 3, 1e-12);
	assert_near(score(&t, 0, 2020, NULL), 145.0 / 3, 1e-12);
	assert_near(score(&t, 0, 2020, "B"), 40, 1e-12);
	assert_nan(like(&t, 0, 2019, NULL));	/* 2018 had no score */
	assert_nan(like(&t, 0, 2018, "a1"));	/* the first year */
	assert_near(like(&t, 0, 2019, "a1"), 5, 1e-12);
	assert_near(like(&t, 0, 2020, NULL), 145.0 / 3 - 170.0 / 3, 1e-12);
	assert_near(like(&t, 0, 2020, "B"), 20, 1e-12);
	assert_near(like(&t, 0, 2020, "A"), -22.5, 1e-12);
	assert_nan(like(&t, 0, 2020, "b2"));
	assert_nan(score(&t, 0, 2021, NULL));
	assert_near(score(&t, 0, 2022, NULL), 65, 1e-12);
	assert_nan(like(&t, 0, 2022, NULL));
	assert_nan(like(&t, 0, 2022, "A"));
	assert_near(like(&t, 0, 2022, "a1"), 25, 1e-12);
	assert_nan(score(&t, 0, 2019, "b3"));	/* undated */
	/* the value each year used */
	assert_true(t.chosen[(0 * t.nyears + 1) * t.nindicators + 0] !=
	    RS_NONE);
	assert_true(t.chosen[(0 * t.nyears + 3) * t.nindicators + 1] ==
	    RS_NONE);
	rs_trend_release(&t);
	rs_dataset_release(&ds);
}

/*
 * --max-age 1: 2021 takes a2, b1 of 2020 (a1 is 2021's own), so 2021 is
 * A = (45 + 3 * 60) / 4 = 56.25, B = 40, city = (112.5 + 40) / 3 =
 * 50.833...; like for like against 2020 on C = {a1, a2, b1}: A +15 /
 * 4 = +3.75, city +7.5 / 3 = +2.5.  2018 takes nothing older than 2017.
 */
static void
trend_max_age_takes_the_latest_older_value(void **state)
{
	struct rs_timeline_opts o = {1, 1};
	struct rs_dataset ds;
	struct rs_trend t;
	struct rs_error err = {0};

	(void)state;
	load(&ds);
	assert_int_equal(rs_trend_compute(&t, &ds, 2018, 2022, &o, &err), 0);
	assert_near(score(&t, 0, 2021, "A"), 56.25, 1e-12);
	assert_near(score(&t, 0, 2021, NULL), 152.5 / 3, 1e-12);
	assert_near(like(&t, 0, 2021, "A"), 3.75, 1e-12);
	assert_near(like(&t, 0, 2021, NULL), 2.5, 1e-12);
	assert_nan(score(&t, 0, 2018, "A"));
	rs_trend_release(&t);
	rs_dataset_release(&ds);
}

/* 120 cities over 9999 years of 9 cells each: more than RS_MAX_CELLS. */
static void
trend_refuses_more_cells_than_a_run_holds(void **state)
{
	struct rs_timeline_opts o = {0, 0};
	struct rs_dataset ds;
	struct rs_trend t;
	struct rs_error err = {0};
	char *text = malloc(120 * 32 + 32), *p = text;
	int k;

	(void)state;
	assert_non_null(text);
	p += sprintf(p, "city,year,a1\n");
	for (k = 0; k < 120; k++)
		p += sprintf(p, "c%d,2019,%d\n", k, k % 100);
	rs_dataset_init(&ds, &small_fw);
	assert_int_equal(rs_dataset_read_text(&ds, "many.csv", text,
	    strlen(text), RS_INPUT_CSV, &err), 0);
	rs_dataset_read_done(&ds);
	assert_int_equal(rs_trend_compute(&t, &ds, 1, 9999, &o, &err),
	    RS_EUSAGE);
	assert_non_null(strstr(err.msg, "a trend of 120 cities over 9999 "
	    "years is more than 10000000 cells"));
	rs_trend_release(&t);
	/* fewer years fit */
	assert_int_equal(rs_trend_compute(&t, &ds, 2000, 2020, &o, &err), 0);
	assert_near(t.score[rs_trend_cell(&t, 7, 19, small_node("a1"))], 7,
	    1e-12);
	rs_trend_release(&t);
	rs_dataset_release(&ds);
	free(text);
}

static void
shock_formulas_as_methodology_writes_them(void **state)
{
	(void)state;
	assert_near(rs_shock_loss(60, 30), 30, 0);
	assert_near(rs_shock_rebound(30, 70), 40, 0);
	assert_near(rs_shock_net(60, 70), 10, 0);
	assert_near(rs_shock_ratio(30, 40), 40.0 / 30, 0);
	/* the ratio needs a loss: none for a rise or no change */
	assert_nan(rs_shock_ratio(0, 5));
	assert_nan(rs_shock_ratio(-20, -10));
	assert_nan(rs_shock_loss(NAN, 1));
	assert_nan(rs_shock_rebound(1, NAN));
	assert_nan(rs_shock_net(NAN, NAN));
	assert_nan(rs_shock_ratio(NAN, 1));
	assert_near(rs_shock_loss(5, 5), 0, 0);
	assert_false(signbit(rs_shock_loss(5, 5)));	/* never -0 */
	/* Martin and Sunley: r = (x1 - x0) / |x0|, index (r - ref) / |ref| */
	assert_near(rs_shock_relative(60, 30), -0.5, 0);
	assert_near(rs_shock_relative(-4, -2), 0.5, 0);
	assert_nan(rs_shock_relative(0, 3));
	assert_nan(rs_shock_relative(NAN, 3));
	assert_near(rs_shock_index(-0.5, -0.2), -1.5, 1e-15);
	assert_nan(rs_shock_index(-0.5, 0));
	assert_nan(rs_shock_index(NAN, 0.2));
}

static double
at(const struct rs_shock *s, size_t c, int t, const char *id)
{
	return rs_shock_score(s, c, t, id == NULL ? RS_NONE : small_node(id));
}

static double
ytr(const struct rs_shock *s, size_t c, const char *id)
{
	return s->years_to_recover[c * s->nnodes + small_node(id)];
}

/*
 * 2019, 2020, 2022 for Port; aggregates on {a1, a2, b1}, the indicators
 * valued all three years:
 *   A: (60 + 240) / 4 = 75, (30 + 180) / 4 = 52.5, (70 + 210) / 4 = 70;
 *   B: b1 alone: 20, 40, 30;  B2: nothing: null;
 *   city: (150 + 20) / 3, (105 + 40) / 3, (140 + 30) / 3.
 * Indicators on their own values: b2 is 50, null, 80.
 * Years to recover: a1 fell 30; 2021 scores 45 < 60, 2022 70 >= 60: 2.
 * a2 fell 20; 2021 has no value, 2022 scores 70 < 80: null.  b1 rose:
 * 0.  b2 has no shock value: null.
 * Series a1 against Nation: r = (30 - 60) / 60 = -0.5 and r_ref = (40 -
 * 50) / 50 = -0.2: resistance (-0.5 + 0.2) / 0.2 = -1.5; q = 40 / 30,
 * q_ref = 15 / 40: recovery (4 / 3 - 3 / 8) / (3 / 8) = 23 / 9.
 */
static void
shock_scores_the_three_years_on_the_common_indicators(void **state)
{
	struct rs_timeline_opts o = {0, 0};
	size_t series[1];
	struct rs_shock_spec sp = {{2019, 2020, 2022}, series, 1, 1};
	struct rs_dataset ds;
	struct rs_shock s;
	struct rs_error err = {0};

	(void)state;
	series[0] = small_node("a1");
	load(&ds);
	assert_int_equal(rs_dataset_find_city(&ds, "n"), 1);
	assert_int_equal(rs_dataset_find_city(&ds, "Nation"), 1);
	assert_true(rs_dataset_find_city(&ds, "nation") == RS_NONE);
	assert_int_equal(rs_shock_compute(&s, &ds, &sp, &o, &err), 0);
	assert_near(at(&s, 0, RS_SHOCK_BEFORE, "A"), 75, 1e-12);
	assert_near(at(&s, 0, RS_SHOCK_SHOCK, "A"), 52.5, 1e-12);
	assert_near(at(&s, 0, RS_SHOCK_AFTER, "A"), 70, 1e-12);
	assert_near(at(&s, 0, RS_SHOCK_BEFORE, "B"), 20, 1e-12);
	assert_near(at(&s, 0, RS_SHOCK_SHOCK, "B"), 40, 1e-12);
	assert_nan(at(&s, 0, RS_SHOCK_BEFORE, "B2"));
	assert_near(at(&s, 0, RS_SHOCK_BEFORE, NULL), 170.0 / 3, 1e-12);
	assert_near(at(&s, 0, RS_SHOCK_SHOCK, NULL), 145.0 / 3, 1e-12);
	assert_near(at(&s, 0, RS_SHOCK_AFTER, NULL), 170.0 / 3, 1e-12);
	/* the city lost 8.333 and won it back: a ratio of exactly 1 */
	assert_near(rs_shock_ratio(rs_shock_loss(at(&s, 0, 0, NULL),
	    at(&s, 0, 1, NULL)), rs_shock_rebound(at(&s, 0, 1, NULL),
	    at(&s, 0, 2, NULL))), 1, 1e-12);
	assert_near(rs_shock_net(at(&s, 0, 0, NULL), at(&s, 0, 2, NULL)), 0,
	     1e-12);
	assert_near(at(&s, 0, RS_SHOCK_BEFORE, "b2"), 50, 1e-12);
	assert_nan(at(&s, 0, RS_SHOCK_SHOCK, "b2"));
	assert_near(at(&s, 0, RS_SHOCK_AFTER, "b2"), 80, 1e-12);
	assert_near(ytr(&s, 0, "a1"), 2, 1e-12);
	assert_nan(ytr(&s, 0, "a2"));
	assert_near(ytr(&s, 0, "b1"), 0, 1e-12);
	assert_nan(ytr(&s, 0, "b2"));
	assert_nan(ytr(&s, 0, "b3"));
	assert_nan(ytr(&s, 0, "A"));		/* aggregates: null */
	assert_near(s.resistance[0], -1.5, 1e-15);
	assert_near(s.recovery[0], 23.0 / 9, 1e-15);
	/* the reference against itself */
	assert_near(s.resistance[1], 0, 1e-12);
	assert_near(s.recovery[1], 0, 1e-12);
	/* the Nation's a1 fell 10 and scored 55 >= 50 in 2022 */
	assert_near(ytr(&s, 1, "a1"), 2, 1e-12);
	rs_shock_release(&s);
	/* without a reference: no index */
	sp.reference = RS_NONE;
	assert_int_equal(rs_shock_compute(&s, &ds, &sp, &o, &err), 0);
	assert_nan(s.resistance[0]);
	assert_nan(s.recovery[0]);
	rs_shock_release(&s);
	rs_dataset_release(&ds);
}

/*
 * With --max-age 1 the after year 2021 takes a2 and b1 of 2020: A after
 * = (45 + 180) / 4 = 56.25; a2's years to recover stay null (2021 60,
 * 2022 70, both below 80).
 */
static void
shock_max_age_takes_older_values(void **state)
{
	struct rs_timeline_opts o = {1, 1};
	struct rs_shock_spec sp = {{2019, 2020, 2021}, NULL, 0, RS_NONE};
	struct rs_dataset ds;
	struct rs_shock s;
	struct rs_error err = {0};

	(void)state;
	load(&ds);
	assert_int_equal(rs_shock_compute(&s, &ds, &sp, &o, &err), 0);
	assert_near(at(&s, 0, RS_SHOCK_AFTER, "A"), 56.25, 1e-12);
	assert_nan(ytr(&s, 0, "a2"));
	assert_near(ytr(&s, 0, "a1"), 2, 1e-12);
	rs_shock_release(&s);
	rs_dataset_release(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    trend_scores_each_year_on_its_values_like_for_like),
		cmocka_unit_test(trend_max_age_takes_the_latest_older_value),
		cmocka_unit_test(trend_refuses_more_cells_than_a_run_holds),
		cmocka_unit_test(shock_formulas_as_methodology_writes_them),
		cmocka_unit_test(
		    shock_scores_the_three_years_on_the_common_indicators),
		cmocka_unit_test(shock_max_age_takes_older_values),
	};

	return cmocka_run_group_tests(tests, small_setup, small_teardown);
}
