/*
 * test_coinr.c - reading COINr's iMeta and iData tables: the ASEM example,
 * and every rejected input located at its row and column
 */
#include "test_util.h"

#include <stdlib.h>

#include "coinr_ref.h"
#include "resilience/load.h"
#include "resilience/stats.h"

static const char meta[] =
    "Level,iCode,iName,Direction,Weight,Target,Denominator,Parent,Type\n"
    "1,a,Alpha,1,1,,,P,Indicator\n"
    "1,b,Beta,-1,2,5,pop,P,Indicator\n"
    "2,P,Pillar,,1,,,Idx,Aggregate\n"
    "3,Idx,Index,,1,,,,Aggregate\n"
    ",grp,Group,,,,,,Group\n"
    ",pop,Population,,,,,,Denominator\n";

static void
meta_builds_the_tree(void **state)
{
	struct rs_framework fw;
	struct rs_error err = {0};
	const struct rs_node_spec *b;
	size_t i;

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_coinr_read_meta(&fw, meta, strlen(meta),
	    "dir/m\xff.csv", &err), 0);
	/* named after the file; a byte that is not UTF-8 as text */
	assert_string_equal(fw.id, "m\\xFF");
	assert_int_equal(fw.nnodes, 4);
	assert_int_equal(fw.ntop, 1);
	assert_string_equal(fw.nodes[fw.top[0]].id, "Idx");
	assert_int_equal(fw.nindicators, 2);
	assert_non_null(fw.pipeline);
	assert_int_equal(fw.pipeline->norm.method, RS_NORM_MINMAX);
	assert_near(fw.pipeline->min_coverage, 0, 0);
	i = rs_framework_find(&fw, "b", 1);
	assert_true(i != RS_NONE);
	assert_near(fw.nodes[i].weight, 2, 0);
	assert_int_equal(fw.nodes[i].line, 3);	/* its iMeta row */
	b = &fw.pipeline->node[i];
	assert_int_equal(b->direction, -1);
	assert_true(b->has_target);
	assert_near(b->target, 5, 0);
	assert_string_equal(b->denominator, "pop");
	assert_string_equal(rs_name_get(fw.nodes[i].names,
	    fw.nodes[i].nnames, NULL, ""), "Beta");
	rs_framework_release(&fw);
}

static void
meta_errors_are_located(void **state)
{
	static const struct {
		const char *text, *needle;
		long line, col;
	} cases[] = {
		{"iCode,Parent\na,\n", "needs columns", 1, 1},
		{"Level,iCode,Parent\n1,a,P\n1,a,P\n2,P,\n",
		    "duplicate iCode \"a\" (first at line 2)", 3, 2},
		{"Level,iCode,Parent\nx,a,P\n2,P,\n", "Level \"x\"", 2, 1},
		{"Level,iCode,Parent\n1,a,Q\n2,P,\n",
		    "Parent \"Q\" of \"a\" is not an aggregate", 2, 3},
		{"Level,iCode,Parent\n1,a,P\n2,P,R\n3,R,\n2,Q,\n",
		    "\"Q\" (level 2) has no Parent", 5, 3},
		{"Level,iCode,Parent\n1,a,P\n3,P,\n",
		    "Parent \"P\" of \"a\" is at level 3, not 2", 2, 3},
		{"Level,iCode,Parent,Weight\n1,a,P,0\n2,P,,1\n",
		    "Weight of \"a\" must be > 0", 2, 4},
		{"Level,iCode,Parent,Direction\n1,a,P,2\n2,P,,\n",
		    "Direction of \"a\" must be 1 or -1", 2, 4},
		{"Level,iCode,Parent,Type\n1,a,P,Indicator\n2,P,,Agg\n",
		    "unknown Type \"Agg\"", 3, 4},
		{"Level,iCode,Parent,Type\n2,a,P,Indicator\n3,P,,\n",
		    "indicators are level 1", 2, 1},
		{"Level,iCode,Parent\n1,a,P\n2,P,\n2,E,\n",
		    "aggregate \"E\" has no children", 4, 2},
		{"Level,iCode,Parent\n1,a,P\n2,P\n", "row has 2 fields", 3, 2},
		{"Level,iCode,Parent\n,g,\n", "has no indicator", 1, 1},
		{"Level,iCode,Parent,Type\n2,P,,Other\n",
		    "has no indicator (no row of Type \"Indicator\"", 1, 4},
		/* errors of the framework made from the table, at its cells */
		{"Level,iCode,Parent,Weight\n1,a,P,1e308\n1,b,P,1e308\n2,P,,1\n",
		    "the weights of these children are too large", 2, 4},
		{"Level,iCode,Parent,Weight\n1,a,P,1\n1,b,P,1e-200\n2,P,,1\n",
		    "node \"b\": weight 1e-200 is too small", 3, 4},
		{"Level,iCode,Parent,Weight\n1,a,P,1\n2,P,,5e-324\n",
		    "node \"P\": weight 4.94066e-324 is too small", 3, 4},
		/* an unterminated quote that opens a row, and nothing else */
		{"Level,iCode,Parent\n1,a,P\n\n\"2,P,\n", "unterminated", 4, 1},
		{"\"", "unterminated", 1, 1},
		{"Level,Parent\n1,P\n", "(missing \"iCode\")", 1, 1},
		{"Level,iCode\n1,a\n", "(missing \"Parent\")", 1, 1},
		{"iCode,Parent\na,\n", "(missing \"Level\")", 1, 1},
		{"Level,iCode,Parent\n1,,P\n", "empty iCode", 2, 2},
		{"Level,iCode,Parent\n1.5,a,P\n2,P,\n", "Level of \"a\" must "
		    "be a whole number from 1", 2, 1},
		{"Level,iCode,Parent\n0,a,P\n2,P,\n", "Level of \"a\" must be "
		    "a whole number from 1", 2, 1},
		{"Level,iCode,Parent\n101,a,P\n2,P,\n", "Level of \"a\" must "
		    "be a whole number from 1", 2, 1},
		{"Level,iCode,Parent,Type\n,a,P,Indicator\n2,P,,\n",
		    "indicator \"a\" needs a Level", 2, 1},
		{"Level,iCode,Parent,Type\n1,a,P,\n,P,,Aggregate\n",
		    "aggregate \"P\" needs a Level", 3, 1},
		{"Level,iCode,Parent,Type\n1,a,P,Aggregate\n2,P,,\n",
		    "\"a\": indicators are level 1 and aggregates level 2 or "
		    "above, not an aggregate at level 1", 2, 1},
		{"Level,iCode,Parent,Direction\n1,a,P,x\n2,P,,\n",
		    "Direction \"x\" ", 2, 4},
		{"Level,iCode,Parent,Target\n1,a,P,t\n2,P,,\n", "Target \"t\" ",
		    2, 4},
		{"Level,iCode,Parent,Weight\n1,a,P,-1\n2,P,,\n", "Weight of "
		    "\"a\" must be > 0, not -1", 2, 4},
		/* a row of Type Group is no aggregate to hang a node on */
		{"Level,iCode,Parent,Type\n1,a,g,\n2,P,,\n,g,,Group\n",
		    "Parent \"g\" of \"a\" is not an aggregate of the table", 2,
		    3},
		/* long texts are cut at 40 bytes in the message */
		{"Level,iCode,Parent\n1,a,ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ"
		    "XYZ\n2,P,\n", "Parent \"ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCD"
		    "EFGHIJ\" of \"a\"", 2, 3},
		{"Level,iCode,Parent,Weight\n1,a,P,ABCDEFGHIJABCDEFGHIJABCDEFGHIJ"
		    "ABCDEFGHIJXYZ\n2,P,,\n", "Weight \"ABCDEFGHIJABCDEFGHIJABCDEF"
		    "GHIJABCDEFGHIJ\" ", 2, 4},
		{"Level,iCode,Parent,Type\n1,a,P,ABCDEFGHIJABCDEFGHIJABCDEFGHIJ"
		    "ABCDEFGHIJXYZ\n", "unknown Type \"ABCDEFGHIJABCDEFGHIJABCDEF"
		    "GHIJABCDEFGHIJ\" (Indicator", 2, 4},
	};
	struct rs_framework fw;
	struct rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		memset(&err, 0, sizeof(err));
		rs_framework_init(&fw);
		assert_int_equal(rs_coinr_read_meta(&fw, cases[i].text,
		    strlen(cases[i].text), "m.csv", &err), RS_EINPUT);
		assert_string_equal(err.path, "m.csv");
		if (strstr(err.msg, cases[i].needle) == NULL ||
		    err.line != cases[i].line || err.col != cases[i].col) {
			print_error("case %zu: got %ld:%ld: %s\n", i, err.line,
			    err.col, err.msg);
			fail();
		}
		assert_int_equal(fw.nnodes, 0);
		rs_framework_release(&fw);
	}
}

/* iMeta numbers reach the framework bit for bit (cJSON's printer kept
 * 15 digits of 0.30000000000000004 and made it 0.3). */
static void
meta_numbers_are_exact(void **state)
{
	static const char m[] =
	    "Level,iCode,Parent,Weight,Target\n"
	    "1,a,P,0.30000000000000004,8.333333333333332\n"
	    "2,P,,1,\n";
	struct rs_framework fw;
	struct rs_error err = {0};
	double w, target;
	size_t a;

	(void)state;
	rs_framework_init(&fw);
	assert_int_equal(rs_coinr_read_meta(&fw, m, strlen(m), "m.csv", &err),
	    0);
	a = rs_framework_find(&fw, "a", 1);
	assert_true(a != RS_NONE);
	w = 0.1 + 0.2;
	assert_memory_equal(&fw.nodes[a].weight, &w, sizeof(w));
	target = strtod("8.333333333333332", NULL);
	assert_memory_equal(&fw.pipeline->node[a].target, &target,
	    sizeof(target));
	rs_framework_release(&fw);
}

static void
data_reads_units_groups_and_years(void **state)
{
	static const char data[] =
	    "uName,uCode,grp,pop,Time,a,b\n"
	    "Ay,A,x,10,2019,1,NA\n"
	    "Ay,A,x,12,2020,2,3\n"
	    ",B,y,,2020,,4\n";
	struct rs_framework fw;
	struct rs_table t;
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&fw);
	rs_table_init(&t);
	assert_int_equal(rs_coinr_read_meta(&fw, meta, strlen(meta), "m.csv",
	    &err), 0);
	assert_int_equal(rs_coinr_read_data(&t, &fw, data, strlen(data),
	    "d.csv", &err), 0);
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.naux, 2);
	assert_string_equal(t.unit[2], "B");
	assert_string_equal(t.uname[2], "B");	/* no name: the code */
	assert_string_equal(t.uname[0], "Ay");
	assert_int_equal(t.time[1], 2020);
	assert_nan(t.x[0 * 2 + 1]);
	assert_near(t.x[1 * 2 + 1], 3, 0);
	assert_string_equal(t.aux_text[2 * 2 + rs_table_aux(&t, "grp")], "y");
	assert_nan(t.aux[2 * 2 + rs_table_aux(&t, "pop")]);
	assert_near(t.aux[1 * 2 + rs_table_aux(&t, "pop")], 12, 0);
	assert_true(rs_table_aux(&t, "nosuch") == RS_NONE);
	rs_table_release(&t);
	rs_framework_release(&fw);
}

static void
data_errors_are_located(void **state)
{
	static const struct {
		const char *text, *needle;
		long line, col;
	} cases[] = {
		{"code,a,b\nA,1,2\n", "missing column \"uCode\"", 1, 1},
		{"uCode,a\nA,1\n", "indicator \"b\" of framework \"m\" is not a "
		    "column: the header ends after 2 columns", 1, 3},
		{"uCode,a,b\nA,1,x\n", "value \"x\" ", 2, 3},
		{"uCode,a,b\nA,1,2\nA,3,4\n", "unit \"A\" appears twice", 3, 1},
		{"uCode,Time,a,b\nA,2020,1,2\nA,2020,3,4\n",
		    "twice in the same year (first at line 2)", 3, 1},
		{"uCode,Time,a,b\nA,20.5,1,2\n", "Time \"20.5\"", 2, 2},
		{"uCode,a,b,a\nA,1,2,3\n", "duplicate column \"a\"", 1, 4},
		{"uCode,a,b\n,1,2\n", "empty unit code", 2, 1},
		{"uCode,a,b\n", "no unit", 1, 1},
		{"uCode,a,b\nA,\"1,2\n", "unterminated", 2, 2},
		{"uCode,a,b\nA,1,2\n\"B,3,4\n", "unterminated", 3, 1},
		{"uCode,Time,a,b\nA,0,1,2\n", "Time \"0\" is not a year from 1 "
		    "to 9999", 2, 2},
		{"uCode,Time,a,b\nA,10000,1,2\n", "Time \"10000\" is not a "
		    "year", 2, 2},
		{"uCode,Time,a,b\nA,,1,2\n", "Time \"\" is not a year", 2, 2},
		{"uCode,Time,a,b\nA,123456789012345678901234,1,2\n", "Time "
		    "\"12345678901234567890\" is not a year", 2, 2},
		{"uCode,a,b,x,x\nA,1,2,3,4\n", "duplicate column \"x\"", 1, 5},
		{"uCode, ,a,b\nA,1,2,3\n", "empty column name in the header", 1,
		    2},
		{"uCode,a,b\nA,1,ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJXYZ\n",
		    "value \"ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ\" ", 2, 3},
		/* a second city column is a column of its own */
		{"uCode,city,a,b\nA,X,1,2\nA,Y,3,4\n", "unit \"A\" appears "
		    "twice (first at line 2)", 3, 1},
	};
	struct rs_framework fw;
	struct rs_table t;
	struct rs_error err;
	size_t i;

	(void)state;
	rs_framework_init(&fw);
	rs_table_init(&t);
	assert_int_equal(rs_coinr_read_meta(&fw, meta, strlen(meta), "m.csv",
	    &err), 0);
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		memset(&err, 0, sizeof(err));
		assert_int_equal(rs_coinr_read_data(&t, &fw, cases[i].text,
		    strlen(cases[i].text), "d.csv", &err), RS_EINPUT);
		if (strstr(err.msg, cases[i].needle) == NULL ||
		    err.line != cases[i].line || err.col != cases[i].col) {
			print_error("case %zu: got %ld:%ld: %s\n", i, err.line,
			    err.col, err.msg);
			fail();
		}
	}
	rs_table_release(&t);
	rs_framework_release(&fw);
}

/* A panel: latest-year imputation and the cross-section year. */
static void
panel_latest_year(void **state)
{
	static const char data[] =
	    "uCode,grp,pop,Time,a,b\n"
	    "A,x,10,2018,1,6\n"
	    "A,x,10,2019,5,\n"
	    "A,x,10,2020,2,\n"
	    "B,y,10,2020,3,4\n";
	struct rs_framework fw;
	struct rs_table t;
	struct rs_pipeline_spec *spec;
	struct rs_pipeline_result r;
	struct rs_error err = {0};

	(void)state;
	rs_framework_init(&fw);
	rs_table_init(&t);
	assert_int_equal(rs_coinr_read_meta(&fw, meta, strlen(meta), "m.csv",
	    &err), 0);
	assert_int_equal(rs_coinr_read_data(&t, &fw, data, strlen(data),
	    "d.csv", &err), 0);
	spec = rs_pipeline_spec_copy(fw.pipeline);
	assert_int_equal(rs_pipeline_spec_set(spec, "impute", "latest", &err),
	    0);
	assert_int_equal(rs_pipeline_run(&fw, spec, &t, &r, &err), 0);
	assert_int_equal(r.nrows, 2);		/* the 2020 cross-section */
	assert_near(r.raw[0], 2, 0);
	assert_nan(r.raw[1]);
	/* b of A in 2020: 2018's 6 / pop 10 * 1000 is not scaled (COINr
	 * iMeta has no scale): 0.6 */
	assert_near(r.imputed[1], 0.6, 1e-15);
	rs_pipeline_result_release(&r);
	assert_int_equal(rs_pipeline_spec_set(spec, "year", "2019", &err), 0);
	assert_int_equal(rs_pipeline_run(&fw, spec, &t, &r, &err), 0);
	assert_int_equal(r.nrows, 1);
	assert_near(r.raw[0], 5, 0);
	rs_pipeline_result_release(&r);
	assert_int_equal(rs_pipeline_spec_set(spec, "year", "2017", &err), 0);
	assert_int_equal(rs_pipeline_run(&fw, spec, &t, &r, &err), RS_EINPUT);
	assert_non_null(strstr(err.msg, "no unit has data for 2017"));
	rs_pipeline_result_release(&r);
	rs_pipeline_spec_free(spec);
	rs_table_release(&t);
	rs_framework_release(&fw);
}

static void
asem_meta_and_data(void **state)
{
	struct rs_framework fw;
	struct rs_table t;
	struct rs_error err = {0};
	int depth[5] = {0};
	size_t i;

	(void)state;
	if (!ref_present())
		skip();
	rs_framework_init(&fw);
	rs_table_init(&t);
	assert_int_equal(rs_coinr_load_meta(&fw, REF_DIR "/input_iMeta.csv",
	    &err), 0);
	assert_int_equal(rs_coinr_load_data(&t, &fw, REF_DIR "/input_iData.csv",
	    &err), 0);
	assert_int_equal(fw.nindicators, 49);
	assert_int_equal(fw.nnodes, 49 + 8 + 2 + 1);
	for (i = 0; i < fw.nnodes; i++)
		depth[fw.nodes[i].depth]++;
	assert_int_equal(depth[1], 1);
	assert_int_equal(depth[2], 2);
	assert_int_equal(depth[3], 8);
	assert_int_equal(depth[4], 49);
	assert_int_equal(t.nrows, 51);
	assert_int_equal(t.naux, 8);	/* 4 groups, 4 denominators */
	rs_table_release(&t);
	rs_framework_release(&fw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(meta_builds_the_tree),
		cmocka_unit_test(meta_errors_are_located),
		cmocka_unit_test(meta_numbers_are_exact),
		cmocka_unit_test(data_reads_units_groups_and_years),
		cmocka_unit_test(data_errors_are_located),
		cmocka_unit_test(panel_latest_year),
		cmocka_unit_test(asem_meta_and_data),
	};

	return cmocka_run_group_tests_name("coinr", tests, NULL, NULL);
}
