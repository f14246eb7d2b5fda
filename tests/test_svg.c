/*
 * test_svg.c - the HTML report's chart geometry (svg.c) and what its
 * pages promise (report_html.c); its escaper is test_markup.c's, its
 * words test_i18n.c's
 */
#include "test_util.h"

#include <stdlib.h>

#include "base/i18n.h"
#include "report/report_priv.h"
#include "resilience/engine.h"
#include "report/svg.h"

/* Coordinates as the charts print them. */
static void
assert_point(double x, double y, const char *ex, const char *ey)
{
	char bx[32], by[32];

	assert_string_equal(rs_svg_num(bx, sizeof(bx), x), ex);
	assert_string_equal(rs_svg_num(by, sizeof(by), y), ey);
}

/*
 * A 5-axis radar of radius 100 centred on (100, 100): score 50 puts a
 * vertex 50 from the centre, axis k at 72k degrees clockwise from the top
 * (sin 72 = 0.95106, cos 72 = 0.30902; sin 144 = 0.58779, cos 144 =
 * -0.80902).
 */
static void
radar_vertices_of_a_pentagon(void **state)
{
	double x, y;

	(void)state;
	rs_svg_radar_point(100, 100, 100, 5, 0, 50, 0, &x, &y);
	assert_point(x, y, "100", "50");
	rs_svg_radar_point(100, 100, 100, 5, 1, 50, 0, &x, &y);
	assert_point(x, y, "147.55", "84.55");
	rs_svg_radar_point(100, 100, 100, 5, 2, 50, 0, &x, &y);
	assert_point(x, y, "129.39", "140.45");
	/* Mirrored for right-to-left pages: anticlockwise. */
	rs_svg_radar_point(100, 100, 100, 5, 1, 50, 1, &x, &y);
	assert_point(x, y, "52.45", "84.55");
	/* 100 on the ring, nothing past it, no score at the centre. */
	rs_svg_radar_point(100, 100, 100, 5, 0, 100, 0, &x, &y);
	assert_point(x, y, "100", "0");
	rs_svg_radar_point(100, 100, 100, 5, 0, 130, 0, &x, &y);
	assert_point(x, y, "100", "0");
	rs_svg_radar_point(100, 100, 100, 5, 3, (double)NAN, 0, &x, &y);
	assert_point(x, y, "100", "100");
	rs_svg_radar_point(100, 100, 100, 5, 3, -5, 0, &x, &y);
	assert_point(x, y, "100", "100");
	/* Four axes: right, down and left of a square. */
	rs_svg_radar_point(0, 0, 10, 4, 1, 100, 0, &x, &y);
	assert_point(x, y, "10", "0");
	rs_svg_radar_point(0, 0, 10, 4, 2, 100, 0, &x, &y);
	assert_point(x, y, "0", "10");
}

static void
scales_map_linearly(void **state)
{
	(void)state;
	assert_near(rs_svg_scale(50, 0, 100, 230, 690), 460, 1e-12);
	assert_near(rs_svg_scale(0, 0, 100, 230, 690), 230, 1e-12);
	/* Mirrored range, and an empty domain. */
	assert_near(rs_svg_scale(25, 0, 100, 400, 0), 300, 1e-12);
	assert_near(rs_svg_scale(7, 3, 3, 10, 20), 10, 1e-12);
}

static void
axis_steps_are_round(void **state)
{
	(void)state;
	assert_near(rs_svg_nice_step(100), 20, 1e-12);
	assert_near(rs_svg_nice_step(5), 1, 1e-12);
	assert_near(rs_svg_nice_step(4.97), 1, 1e-12);
	assert_near(rs_svg_nice_step(7), 2, 1e-12);
	assert_near(rs_svg_nice_step(0.3), 0.1, 1e-12);
	assert_near(rs_svg_nice_step(12), 5, 1e-12);
	assert_near(rs_svg_nice_step(0), 1, 1e-12);
	assert_near(rs_svg_nice_step((double)NAN), 1, 1e-12);
}

static void
coordinates_are_short_and_never_negative_zero(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(rs_svg_num(b, sizeof(b), 12.5), "12.5");
	assert_string_equal(rs_svg_num(b, sizeof(b), 3), "3");
	assert_string_equal(rs_svg_num(b, sizeof(b), 2.345678), "2.35");
	assert_string_equal(rs_svg_num(b, sizeof(b), -0.001), "0");
	assert_string_equal(rs_svg_num(b, sizeof(b), -0.0), "0");
	assert_string_equal(rs_svg_num(b, sizeof(b), -7.25), "-7.25");
	assert_string_equal(rs_svg_num(b, sizeof(b), (double)NAN), "0");
}

/* The page of view for cities named names (small.json's values). */
static char *
page(const char *lang, enum rs_report_view view, size_t n,
    const char *const *names)
{
	static const double row[] = {40, 25, 25, 5, (double)NAN};
	struct rs_results res;
	struct rs_report r;
	struct rs_error err = {0};
	double *v = malloc(n * small_fw.nindicators * sizeof(double));
	char *buf = NULL;
	size_t len = 0, i;
	FILE *mem = open_memstream(&buf, &len);

	for (i = 0; i < n; i++)
		memcpy(v + i * small_fw.nindicators, row, sizeof(row));
	rs_engine_score(&small_fw, n, names, v, &res);
	free(v);
	memset(&r, 0, sizeof(r));
	r.fw = &small_fw;
	r.res = &res;
	r.top = 5;
	r.depth = 1;
	r.lang = lang;
	assert_non_null(mem);
	assert_int_equal(rs_report_write(mem, &r, view, RS_FORMAT_HTML,
	    &err), 0);
	assert_int_equal(fclose(mem), 0);
	rs_results_release(&res);
	return buf;
}

static void
pages_escape_city_names(void **state)
{
	static const char *const names[] = {
		"<script>alert(1)</script>", "O'Hara \"&\" Sons",
	};
	static const enum rs_report_view views[] = {
		RS_VIEW_SCORE, RS_VIEW_COMPARE, RS_VIEW_PRIORITIES,
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < 3; i++) {
		s = page("en", views[i], 2, names);
		assert_null(strstr(s, "<script"));
		assert_null(strstr(s, "O'Hara"));
		assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script"
		    "&gt;"));
		assert_non_null(strstr(s, "O&#39;Hara &quot;&amp;&quot; "
		    "Sons"));
		assert_true(strncmp(s, "<!DOCTYPE html>\n<html lang=\"en\" "
		    "dir=\"ltr\">", 39) == 0);
		assert_string_equal(s + strlen(s) - 8, "</html>\n");
		free(s);
	}
}

static void
arabic_pages_run_right_to_left(void **state)
{
	static const char *const names[] = {"Alpha", "Beta"};
	char *s;

	(void)state;
	s = page("ar", RS_VIEW_COMPARE, 2, names);
	assert_non_null(strstr(s, "<html lang=\"ar\" dir=\"rtl\">"));
	assert_non_null(strstr(s, "direction=\"rtl\""));
	/* Numbers stay left to right inside the page. */
	assert_non_null(strstr(s, "<span class=\"n\" dir=\"ltr\">"));
	assert_non_null(strstr(s, "التغطية"));
	assert_null(strstr(s, ">Coverage<"));
	free(s);
	s = page(NULL, RS_VIEW_COMPARE, 2, names);
	assert_non_null(strstr(s, "<html lang=\"en\" dir=\"ltr\">"));
	assert_null(strstr(s, "direction=\"rtl\""));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(radar_vertices_of_a_pentagon),
		cmocka_unit_test(scales_map_linearly),
		cmocka_unit_test(axis_steps_are_round),
		cmocka_unit_test(coordinates_are_short_and_never_negative_zero),
		cmocka_unit_test(pages_escape_city_names),
		cmocka_unit_test(arabic_pages_run_right_to_left),
	};

	return cmocka_run_group_tests(tests, small_setup, small_teardown);
}
