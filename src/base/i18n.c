/*
 * i18n.c - the reports' own words in English and Arabic (i18n.h)
 *
 * The Arabic follows the names of data/frameworks/dpt.json: resilience is
 * الصمود there (أداة التشخيص والتخطيط للصمود الاقتصادي الحضري), so it is
 * here too.  Counts are kept out of the Arabic sentences' grammar ("%1 من
 * %2", "عددها %1"), where a number would otherwise decide the noun's form.
 */
#include <string.h>

#include "base/i18n.h"

static const char *const msgs[RS_MSG_COUNT][2] = {
	[RS_MSG_TITLE_SCORE] = {
		"Urban economic resilience: scores",
		"قدرة المدن على الصمود الاقتصادي: الدرجات",
	},
	[RS_MSG_TITLE_COMPARE] = {
		"Urban economic resilience: comparison of cities",
		"قدرة المدن على الصمود الاقتصادي: مقارنة بين المدن",
	},
	[RS_MSG_TITLE_PRIORITIES] = {
		"Urban economic resilience: recovery priorities",
		"قدرة المدن على الصمود الاقتصادي: أولويات التعافي",
	},
	[RS_MSG_SUBJECT] = {
		"Urban economic resilience",
		"قدرة المدن على الصمود الاقتصادي",
	},
	[RS_MSG_FRAMEWORK] = {"Framework", "الإطار"},
	[RS_MSG_VERSION] = {"version %1", "الإصدار %1"},
	[RS_MSG_CITY] = {"City", "المدينة"},
	[RS_MSG_CITY_SCORE] = {"City score", "الدرجة الإجمالية للمدينة"},
	[RS_MSG_SCORE] = {"Score", "الدرجة"},
	[RS_MSG_LEVEL] = {"Level", "المستوى"},
	[RS_MSG_COVERAGE] = {"Coverage", "التغطية"},
	[RS_MSG_RANK] = {"Rank", "الترتيب"},
	[RS_MSG_OF] = {"%1 of %2", "%1 من %2"},
	[RS_MSG_DATA] = {"Indicators with data", "المؤشرات المتوفرة بياناتها"},
	[RS_MSG_AREA] = {"Area", "المجال"},
	[RS_MSG_INDICATOR] = {"Indicator", "المؤشر"},
	[RS_MSG_ID] = {"Code", "الرمز"},
	[RS_MSG_GAIN] = {"Gain (points)", "المكسب (نقاط)"},
	[RS_MSG_GAP] = {"Gap to the best", "الفجوة عن المدينة الأعلى درجةً"},
	[RS_MSG_BEST] = {"Best", "الأفضل"},
	[RS_MSG_NA] = {"n/a", "غير متاح"},
	[RS_MSG_NO_DATA] = {"No data", "لا توجد بيانات"},
	[RS_MSG_NO_CITIES] = {
		"No cities in the input.",
		"لا توجد مدن في المدخلات.",
	},
	[RS_MSG_NO_SCORE] = {
		"No score: the areas with a score carry %1 of the weight, "
		"less than %2.",
		"لا توجد درجة: المجالات التي لها درجة تحمل %1 من الوزن، "
		"وهذا أقل من %2.",
	},
	[RS_MSG_COVERAGE_NOTE] = {
		"Coverage is the share of the top-level weight whose areas "
		"have a score; indicators without data are left out and "
		"their weight goes to their siblings, so read it with the "
		"count of indicators with data.",
		"التغطية هي نسبة الوزن الإجمالي للمجالات التي أمكن احتساب "
		"درجاتها؛ وتُستبعد المؤشرات التي لا تتوفر بياناتها، ويُوزَّع "
		"وزنها على سائر المؤشرات في المجموعة نفسها، لذا تُقرأ "
		"التغطية مع عدد المؤشرات المتوفرة بياناتها.",
	},
	[RS_MSG_LEVELS] = {"Levels", "المستويات"},
	[RS_MSG_LEVEL_RANGE] = {"%1 (%2 to %3)", "%1 (من %2 إلى %3)"},
	[RS_MSG_CITIES] = {"Cities", "المدن"},
	[RS_MSG_SCORES] = {"Scores", "الدرجات"},
	[RS_MSG_RANKING] = {"Ranking", "الترتيب العام"},
	[RS_MSG_AREAS] = {"Resilience areas", "مجالات الصمود"},
	[RS_MSG_INDICATORS] = {"Indicators", "المؤشرات"},
	[RS_MSG_PRIORITIES] = {"Indicators to improve first",
		"المؤشرات ذات الأولوية للتحسين"},
	[RS_MSG_PRIORITIES_NOTE] = {
		"The gain is the points %1 would add if the indicator reached "
		"its best.",
		"المكسب هو عدد النقاط التي تضاف إلى %1 لو بلغ المؤشر أفضل "
		"قيمة له.",
	},
	[RS_MSG_COLLECT] = {"Data to collect first",
		"أولويات جمع البيانات"},
	[RS_MSG_COLLECT_NOTE] = {
		"Weight: the share of the score the indicator would carry.",
		"الوزن: نسبة الدرجة التي سيحملها المؤشر.",
	},
	[RS_MSG_WEIGHT_IF] = {"Weight if collected", "الوزن عند جمعها"},
	[RS_MSG_WEIGHT_FULL] = {"Weight with complete data",
		"الوزن عند اكتمال البيانات"},
	[RS_MSG_MEANING] = {"What it means", "المعنى"},
	[RS_MSG_NOTE] = {"Note", "ملاحظة"},
	[RS_MSG_SAY_GAIN] = {
		"Raising %1 from %2 to %3 would add up to %4 points to %5.",
		"رفع %1 من %2 إلى %3 يضيف ما يصل إلى %4 نقطة إلى %5.",
	},
	[RS_MSG_SAY_COLLECT] = {
		"Collecting %1 would let it carry %2 of %3 (%4 with complete "
		"data).",
		"جمع بيانات %1 يجعل وزن هذا المؤشر %2 من %3 (%4 عند "
		"اكتمال البيانات).",
	},
	[RS_MSG_SAY_BLOCKED] = {
		"Collecting %1 alone would not count yet: %2 needs data for "
		"%3 of its weight (with complete data it carries %4 of the "
		"score).",
		"جمع بيانات %1 وحده لن يُحتسب بعد: يحتاج %2 إلى بيانات تغطي "
		"%3 من وزنه (ومع اكتمال البيانات يحمل %4 من الدرجة).",
	},
	[RS_MSG_NONE_BEST] = {
		"None: every indicator that counts is at its best.",
		"لا شيء: كل مؤشر محتسب بلغ أفضل قيمة له.",
	},
	[RS_MSG_NONE_NO_DATA] = {
		"None: no indicator counts yet, for want of data.",
		"لا شيء: لا يُحتسب أي مؤشر بعد لعدم توفر البيانات.",
	},
	[RS_MSG_TARGET_CITY] = {"the city's score", "الدرجة الإجمالية للمدينة"},
	[RS_MSG_TARGET_MEAN] = {"the mean of its scored areas",
		"متوسط مجالاتها التي لها درجة"},
	[RS_MSG_RADAR_TITLE] = {
		"%1: scores of the resilience areas",
		"%1: درجات مجالات الصمود",
	},
	[RS_MSG_RADAR_DESC] = {
		"Radar chart of the scores of %1 in each resilience area, on "
		"a scale of 0 to 100, with the bands of the levels shaded: %2.",
		"مخطط عنكبوتي لدرجات %1 في كل مجال من مجالات الصمود على مقياس "
		"من 0 إلى 100، مع تظليل نطاقات المستويات: %2.",
	},
	[RS_MSG_BARS_TITLE] = {
		"Scores of the resilience areas by city",
		"درجات مجالات الصمود حسب المدينة",
	},
	[RS_MSG_BARS_DESC] = {
		"Grouped bar chart, a group per resilience area and a bar per "
		"city, on a scale of 0 to 100: %1.",
		"مخطط أعمدة مجمّعة، مجموعة لكل مجال من مجالات الصمود وعمود لكل "
		"مدينة، على مقياس من 0 إلى 100: %1.",
	},
	[RS_MSG_HEAT_TITLE] = {
		"Indicator scores by city",
		"درجات المؤشرات حسب المدينة",
	},
	[RS_MSG_HEAT_DESC] = {
		"Heat map of the indicators (%1 rows) by city (%2 columns), "
		"each cell coloured by the level of its score; the %3 hatched "
		"cells have no data.",
		"خريطة حرارية للمؤشرات (الصفوف: %1) حسب المدينة (الأعمدة: "
		"%2)، وكل خلية ملوّنة بحسب مستوى درجتها؛ والخلايا المخططة "
		"بلا بيانات (عددها %3).",
	},
	[RS_MSG_PRI_TITLE] = {
		"%1: indicators to improve first",
		"%1: المؤشرات ذات الأولوية للتحسين",
	},
	[RS_MSG_PRI_DESC] = {
		"Bar chart of the points each indicator would add to %1 if "
		"it reached its best: %2.",
		"مخطط أعمدة للنقاط التي يضيفها كل مؤشر إلى %1 لو بلغ أفضل "
		"قيمة له: %2.",
	},
	[RS_MSG_AXIS_SCORE] = {"Score (0 to 100)", "الدرجة (من 0 إلى 100)"},
	[RS_MSG_AXIS_GAIN] = {"Gain (points)", "المكسب (نقاط)"},
	[RS_MSG_AXIS_AREA] = {"Resilience area", "مجال الصمود"},
	[RS_MSG_AXIS_INDICATOR] = {"Indicator", "المؤشر"},
	[RS_MSG_CITY_POLYGON] = {"Scores of the city", "درجات المدينة"},
	[RS_MSG_FOOTER] = {
		"Written by resilience from the data files given. Scores run "
		"from 0 (worst) to 100 (best).",
		"أُعدّ هذا التقرير بأداة resilience من ملفات البيانات المقدمة. "
		"تتراوح الدرجات من 0 (الأسوأ) إلى 100 (الأفضل).",
	},
	/* The text and Markdown reports' own words (report_text.c). */
	[RS_MSG_BASELINE] = {"baseline", "خط الأساس"},
	[RS_MSG_CHANGE] = {"change", "التغير"},
	[RS_MSG_NEW] = {"new", "جديدة"},
	[RS_MSG_GAP_SHORT] = {"gap", "الفجوة"},
	[RS_MSG_AREAS_FIRST] = {"areas to improve first",
		"المجالات ذات الأولوية للتحسين"},
	[RS_MSG_T_NO_SCORE] = {
		"no score: the areas with a score carry less than %1 of the "
		"weight",
		"لا توجد درجة: المجالات التي لها درجة تحمل أقل من %1 من الوزن",
	},
	[RS_MSG_T_PRIORITIES] = {
		"priorities (points the city score gains if the indicator "
		"reaches its best)",
		"الأولويات (النقاط التي تكسبها درجة المدينة لو بلغ المؤشر أفضل "
		"قيمة له)",
	},
	[RS_MSG_T_GAP] = {
		"gap to the best city (points behind the best score of each "
		"row)",
		"الفجوة عن المدينة الأعلى درجةً (النقاط دون أعلى درجة في كل صف)",
	},
	[RS_MSG_T_CHANGE] = {"change since the baseline (points)",
		"التغير منذ خط الأساس (نقاط)"},
	[RS_MSG_T_TITLE_SCORE] = {"Resilience scores", "درجات الصمود"},
	[RS_MSG_T_TITLE_COMPARE] = {"Comparison of cities", "مقارنة المدن"},
	[RS_MSG_T_TITLE_PRIORITIES] = {"Recovery priorities",
		"أولويات التعافي"},
	[RS_MSG_T_GAIN_NOTE] = {"Gain: the points %1 would add.",
		"المكسب: النقاط التي تضاف إلى %1."},
	[RS_MSG_T_GAP_NOTE] = {"Points behind the best score of each row.",
		"النقاط دون أعلى درجة في كل صف."},
	[RS_MSG_NAME] = {"Name", "الاسم"},
	[RS_MSG_VERSION_WORD] = {"version", "الإصدار"},
	[RS_MSG_SINCE_BASELINE] = {"Changes are since the baseline",
		"التغيرات محسوبة منذ خط الأساس"},
	[RS_MSG_AREAS_FIRST_CAP] = {"Areas to improve first",
		"المجالات ذات الأولوية للتحسين"},
	[RS_MSG_MD_GAP] = {"Gap to the best city", "الفجوة عن المدينة الأعلى درجةً"},
	[RS_MSG_MD_CHANGE] = {"Change since the baseline",
		"التغير منذ خط الأساس"},
	[RS_MSG_MD_PRIORITIES] = {
		"Priorities: the gain is the points %1 would add if the "
		"indicator reached its best.",
		"الأولويات: المكسب هو عدد النقاط التي تضاف إلى %1 لو بلغ "
		"المؤشر أفضل قيمة له.",
	},
	/*
	 * The text reports write their heads and labels in lower case, the
	 * Markdown reports their column heads short; the Arabic is that of
	 * the words above.
	 */
	[RS_MSG_T_FRAMEWORK] = {"framework", "الإطار"},
	[RS_MSG_T_SCORE] = {"score", "الدرجة"},
	[RS_MSG_T_LEVEL] = {"level", "المستوى"},
	[RS_MSG_T_COVERAGE] = {"coverage", "التغطية"},
	[RS_MSG_T_RANK] = {"rank", "الترتيب"},
	[RS_MSG_T_CITY] = {"city", "المدينة"},
	[RS_MSG_T_CITY_SCORE] = {"city score", "الدرجة الإجمالية للمدينة"},
	[RS_MSG_T_RANKING] = {"ranking", "الترتيب العام"},
	[RS_MSG_T_BEST] = {"best", "الأفضل"},
	[RS_MSG_T_NO_CITIES] = {"no cities in the input",
		"لا توجد مدن في المدخلات."},
	[RS_MSG_T_TO_IMPROVE] = {"indicators to improve first",
		"المؤشرات ذات الأولوية للتحسين"},
	[RS_MSG_T_COLLECT] = {"data to collect first",
		"أولويات جمع البيانات"},
	[RS_MSG_MD_COL_ID] = {"Id", "الرمز"},
	[RS_MSG_MD_COL_DATA] = {"Data", "المؤشرات المتوفرة بياناتها"},
	[RS_MSG_MD_COL_CHANGE] = {"Change", "التغير"},
	[RS_MSG_MD_COL_GAIN] = {"Gain", "المكسب (نقاط)"},
	[RS_MSG_MD_COL_GAP] = {"Gap", "الفجوة"},
	[RS_MSG_MD_CITY_SCORE] = {"Score", "الدرجة الإجمالية للمدينة"},
	/* The years of the values, cities and change (issue of time). */
	[RS_MSG_DATA_SPAN] = {"from %1 to %2", "من %1 إلى %2"},
	[RS_MSG_DATA_YEAR] = {"from %1", "من سنة %1"},
	[RS_MSG_DATA_UNDATED] = {"%1 undated", "بلا سنة: %1"},
	[RS_MSG_DATA_STALE] = {
		"%1 older than %2 left out",
		"قيم أقدم من %2 مستبعدة: %1",
	},
	[RS_MSG_YEAR] = {"Year", "السنة"},
	[RS_MSG_YEARS] = {"Years", "السنوات"},
	[RS_MSG_VALUE] = {"Value", "القيمة"},
	[RS_MSG_SOURCE] = {"Source", "المصدر"},
	[RS_MSG_UNDATED] = {"undated", "بلا سنة"},
	[RS_MSG_VALUES] = {"Values and their years", "القيم وسنواتها"},
	[RS_MSG_STALE] = {
		"Left out as older than %1 (--max-age)",
		"مستبعدة لأنها أقدم من %1 (--max-age)",
	},
	[RS_MSG_STALE_ITEM] = {"%1 (%2, value %3)", "%1 (%2، القيمة %3)"},
	[RS_MSG_TOTAL] = {"total", "الإجمالي"},
	[RS_MSG_LIKE] = {"like for like", "على أساس متماثل"},
	[RS_MSG_COMPOSITION] = {"composition", "أثر التركيب"},
	[RS_MSG_T_CHANGE_PARTS] = {
		"change since the baseline (points): total = like for like + "
		"composition",
		"التغير منذ خط الأساس (نقاط): الإجمالي = على أساس متماثل + "
		"أثر التركيب",
	},
	[RS_MSG_LIKE_NOTE] = {
		"Like for like: both runs scored again on the indicators with "
		"a value in both; composition: the rest of the change, which "
		"comes from indicators that only one of the runs has.",
		"على أساس متماثل: تُحسب درجات الجولتين من جديد على المؤشرات "
		"التي لها قيمة في كلتيهما؛ أثر التركيب: بقية التغير، وتأتي من "
		"مؤشرات لا توجد إلا في إحدى الجولتين.",
	},
	[RS_MSG_MISSING_CITIES] = {
		"In the baseline but not in the data: %1",
		"في خط الأساس وليست في البيانات: %1",
	},
	[RS_MSG_MISSING] = {"missing", "غائبة"},
	[RS_MSG_REFUSED] = {
		"the baseline was scored on version %1 of the framework, not "
		"%2: no like-for-like change",
		"قيس خط الأساس بالإصدار %1 من الإطار لا %2: لا تغير على أساس "
		"متماثل",
	},
	[RS_MSG_NO_VALUES] = {
		"the baseline gives no values: no like-for-like change",
		"لا يتضمن خط الأساس قيماً: لا تغير على أساس متماثل",
	},
	[RS_MSG_MD_LIKE] = {
		"Like-for-like change since the baseline",
		"التغير منذ خط الأساس على أساس متماثل",
	},
	[RS_MSG_MD_COMPOSITION] = {
		"Composition effect",
		"أثر التركيب",
	},
	[RS_MSG_T_LIKE] = {
		"like-for-like change since the baseline (points)",
		"التغير منذ خط الأساس على أساس متماثل (نقاط)",
	},
	[RS_MSG_T_COMPOSITION] = {
		"composition effect (points: change minus like for like)",
		"أثر التركيب (نقاط: التغير ناقص التغير على أساس متماثل)",
	},
	[RS_MSG_H_CHANGE] = {"Change", "التغير"},
	[RS_MSG_H_LIKE] = {"Like for like", "على أساس متماثل"},
	[RS_MSG_H_COMPOSITION] = {"Composition", "أثر التركيب"},
	/* resilience trend and resilience shock */
	[RS_MSG_TITLE_TREND] = {
		"Urban economic resilience: year by year",
		"قدرة المدن على الصمود الاقتصادي: سنة بسنة",
	},
	[RS_MSG_TITLE_SHOCK] = {
		"Urban economic resilience: the shock and the recovery",
		"قدرة المدن على الصمود الاقتصادي: الصدمة والتعافي",
	},
	[RS_MSG_T_TITLE_TREND] = {
		"Resilience year by year",
		"الصمود سنة بسنة",
	},
	[RS_MSG_T_TITLE_SHOCK] = {
		"The shock and the recovery",
		"الصدمة والتعافي",
	},
	[RS_MSG_TREND_SPAN] = {
		"years %1 to %2",
		"السنوات من %1 إلى %2",
	},
	[RS_MSG_VALUES_OF_YEAR] = {
		"the values of each year",
		"قيم كل سنة",
	},
	[RS_MSG_VALUES_MAX_AGE] = {
		"each year's latest value, at most %1 years old",
		"أحدث قيمة في كل سنة، لا يزيد عمرها على %1 سنوات",
	},
	[RS_MSG_SHOCK_YEARS] = {
		"before %1, shock %2, after %3",
		"قبل الصدمة %1، الصدمة %2، بعد الصدمة %3",
	},
	[RS_MSG_REFERENCE] = {
		"reference",
		"المرجع",
	},
	[RS_MSG_BEFORE] = {
		"Before",
		"قبل",
	},
	[RS_MSG_SHOCK] = {
		"Shock",
		"الصدمة",
	},
	[RS_MSG_AFTER] = {
		"After",
		"بعد",
	},
	[RS_MSG_LOSS] = {
		"Loss",
		"الخسارة",
	},
	[RS_MSG_REBOUND] = {
		"Rebound",
		"الارتداد",
	},
	[RS_MSG_NET] = {
		"Net",
		"الصافي",
	},
	[RS_MSG_RATIO] = {
		"Recovery ratio",
		"نسبة التعافي",
	},
	[RS_MSG_YTR] = {
		"Years to recover",
		"سنوات التعافي",
	},
	[RS_MSG_RESISTANCE] = {
		"Resistance",
		"المقاومة",
	},
	[RS_MSG_RECOVERY] = {
		"Recovery",
		"التعافي",
	},
	[RS_MSG_SERIES] = {
		"Resistance and recovery against %1 (Martin and Sunley, "
		"2015)",
		"المقاومة والتعافي مقارنةً بـ%1 (مارتن وسنلي، 2015)",
	},
	[RS_MSG_NO_REFERENCE] = {
		"Resistance and recovery (Martin and Sunley, 2015) need a "
		"reference row: --reference.",
		"يحتاج مؤشرا المقاومة والتعافي (مارتن وسنلي، 2015) إلى صف "
		"مرجعي: --reference.",
	},
	[RS_MSG_SHOCK_NOTE] = {
		"Loss = before - shock; rebound = after - shock; net = "
		"after - before; recovery ratio = rebound / loss when the "
		"loss is positive. Areas and the city are scored on the "
		"indicators with a value in all three years.",
		"الخسارة = قبل الصدمة - الصدمة؛ الارتداد = بعد الصدمة - "
		"الصدمة؛ الصافي = بعد الصدمة - قبل الصدمة؛ نسبة التعافي = "
		"الارتداد / الخسارة حين تكون الخسارة موجبة. تُحسب درجات "
		"المجالات والمدينة على المؤشرات التي لها قيمة في السنوات "
		"الثلاث كلها.",
	},
	[RS_MSG_TREND_NOTE] = {
		"Change: since the year before; like for like: both years "
		"scored on the indicators with a value in both.",
		"التغير: منذ السنة السابقة؛ على أساس متماثل: تُحسب درجتا "
		"السنتين على المؤشرات التي لها قيمة في كلتيهما.",
	},
	[RS_MSG_LINE_TITLE] = {
		"%1 by year",
		"%1 حسب السنة",
	},
	[RS_MSG_LINE_DESC] = {
		"Line chart of %1 from %2 to %3, a line per city, on a "
		"scale of 0 to 100, with the bands of the levels shaded: "
		"%4.",
		"مخطط خطي لـ%1 من %2 إلى %3، خط لكل مدينة، على مقياس من 0 "
		"إلى 100، مع تظليل نطاقات المستويات: %4.",
	},
	[RS_MSG_AXIS_YEAR] = {
		"Year",
		"السنة",
	},
	[RS_MSG_SHOCK_BARS_TITLE] = {
		"%1: the areas before, in and after the shock",
		"%1: المجالات قبل الصدمة وفيها وبعدها",
	},
	[RS_MSG_SHOCK_BARS_DESC] = {
		"Grouped bar chart of the scores of %1 in each resilience "
		"area in %2 (before), %3 (shock) and %4 (after), on a scale "
		"of 0 to 100: %5.",
		"مخطط أعمدة مجمّعة لدرجات %1 في كل مجال من مجالات الصمود في "
		"%2 (قبل الصدمة) و%3 (الصدمة) و%4 (بعد الصدمة)، على مقياس "
		"من 0 إلى 100: %5.",
	},
	[RS_MSG_T_YEAR] = {"year", "السنة"},
	[RS_MSG_T_YEARS] = {"years", "السنوات"},
	[RS_MSG_T_BEFORE] = {"before", "قبل"},
	[RS_MSG_T_SHOCK] = {"shock", "الصدمة"},
	[RS_MSG_T_AFTER] = {"after", "بعد"},
	[RS_MSG_T_LOSS] = {"loss", "الخسارة"},
	[RS_MSG_T_REBOUND] = {"rebound", "الارتداد"},
	[RS_MSG_T_NET] = {"net", "الصافي"},
	[RS_MSG_T_RATIO] = {"ratio", "نسبة التعافي"},
	[RS_MSG_T_YTR] = {"years", "سنوات التعافي"},
	[RS_MSG_T_RESISTANCE] = {"resistance", "المقاومة"},
	[RS_MSG_T_RECOVERY] = {"recovery", "التعافي"},
	/* An indicator's change in raw values: %2 and %3 the values with
	 * their "%", %4 the unit and the scores, %5 the gain. */
	[RS_MSG_SAY_RAISE] = {
		"Raising %1 from %2 to %3 (%4) would add up to %5 points to "
		"%6.",
		"رفع %1 من %2 إلى %3 (%4) يضيف ما يصل إلى %5 نقطة إلى %6.",
	},
	[RS_MSG_SAY_REDUCE] = {
		"Reducing %1 from %2 to %3 (%4) would add up to %5 points to "
		"%6.",
		"خفض %1 من %2 إلى %3 (%4) يضيف ما يصل إلى %5 نقطة إلى %6.",
	},
	[RS_MSG_SAY_SCORE_SPAN] = {"score %1 to %2", "الدرجة من %1 إلى %2"},
	[RS_MSG_SAY_UNIT] = {"%1", "الوحدة: %1"},
	[RS_MSG_SEMICOLON] = {"; ", "؛ "},
	[RS_MSG_COMMA] = {", ", "، "},
	/* A city without a score (docs/methodology.md). */
	[RS_MSG_SAY_TO_SCORE] = {
		"Collecting %1 is one of the %2 indicators whose data together "
		"would give the city a score (with complete data it carries %3 "
		"of the score).",
		"جمع بيانات %1 من بين المؤشرات التي يمنح جمعُ بياناتها معاً "
		"المدينةَ درجةً (وعددها %2)، ويحمل المؤشر عند اكتمال البيانات %3 "
		"من الدرجة.",
	},
	[RS_MSG_SAY_TO_SCORE_ONE] = {
		"Collecting %1 alone would give the city a score (with "
		"complete data it carries %2 of the score).",
		"جمع بيانات %1 وحده يمنح المدينةَ درجةً، ويحمل المؤشر عند "
		"اكتمال البيانات %2 من الدرجة.",
	},
	[RS_MSG_NONE_NO_SCORE] = {
		"None: the city has no score, so no gain is defined; the data "
		"below would give it one.",
		"لا شيء: ليست للمدينة درجة، فلا يُحدَّد أي مكسب؛ والبيانات الواردة "
		"أدناه تمنحها درجة.",
	},
	[RS_MSG_COLLECT_TO_SCORE] = {
		"data that would give the city a score (the fewest indicators)",
		"البيانات التي تمنح المدينة درجة (أقل عدد من المؤشرات)",
	},
	/* The indicators that the levers allowed do not reach. */
	[RS_MSG_SAY_CONTEXT] = {
		"%1 moves with the context, not with a line of action: at its "
		"best it would add up to %2 points to the city's score.",
		"يتغير %1 بتغير السياق لا بإجراء من إجراءات الخطة، ولو بلغ أفضل "
		"قيمة له لأضاف ما يصل إلى %2 نقطة إلى درجة المدينة.",
	},
	[RS_MSG_SAY_CONTEXT_NATIONAL] = {
		"%1 is for the national government to move: at its best it "
		"would add up to %2 points to the city's score.",
		"تحريك %1 من اختصاص الحكومة الوطنية، ولو بلغ أفضل قيمة له لأضاف "
		"ما يصل إلى %2 نقطة إلى درجة المدينة.",
	},
	[RS_MSG_SAY_CONTEXT_MUNICIPAL] = {
		"%1 is for the city government to move: at its best it would "
		"add up to %2 points to the city's score.",
		"تحريك %1 من اختصاص السلطة المحلية، ولو بلغ أفضل قيمة له لأضاف "
		"ما يصل إلى %2 نقطة إلى درجة المدينة.",
	},
	[RS_MSG_SAY_CONTEXT_NONE] = {
		"%1 has no lever in the framework: at its best it would add up "
		"to %2 points to the city's score.",
		"لا يحدد الإطار جهة تحرّك %1، ولو بلغ أفضل قيمة له لأضاف ما يصل "
		"إلى %2 نقطة إلى درجة المدينة.",
	},
	[RS_MSG_CONTEXT] = {
		"context (indicators that the levers allowed do not move)",
		"السياق (مؤشرات لا تحركها الجهات المسموح بها)",
	},
	[RS_MSG_CONTEXT_CAP] = {
		"Context (indicators that the levers allowed do not move)",
		"السياق (مؤشرات لا تحركها الجهات المسموح بها)",
	},
	[RS_MSG_LEVER] = {"Lever", "جهة التحريك"},
	[RS_MSG_LEVER_NONE] = {"-", "غير محددة"},
	[RS_MSG_LEVER_MUNICIPAL] = {"municipal", "محلي"},
	[RS_MSG_LEVER_NATIONAL] = {"national", "وطني"},
	[RS_MSG_LEVER_CONTEXT] = {"context", "السياق"},
	[RS_MSG_COLLECT_TO_SCORE_CAP] = {
		"Data that would give the city a score (the fewest indicators)",
		"البيانات التي تمنح المدينة درجة (أقل عدد من المؤشرات)",
	},
	/* whatif and plan (docs/planning.md). */
	[RS_MSG_T_TITLE_WHATIF] = {
		"What-if scenario",
		"سيناريو افتراضي",
	},
	[RS_MSG_T_TITLE_PLAN] = {
		"Recovery plan",
		"خطة التعافي",
	},
	[RS_MSG_P_BEFORE] = {
		"before",
		"قبل",
	},
	[RS_MSG_P_AFTER] = {
		"after",
		"بعد",
	},
	[RS_MSG_CHANGES] = {
		"changes",
		"التغييرات",
	},
	[RS_MSG_TARGETS] = {
		"targets",
		"الأهداف",
	},
	[RS_MSG_NODE] = {
		"node",
		"العقدة",
	},
	[RS_MSG_THE_CITY] = {
		"the city",
		"المدينة",
	},
	[RS_MSG_PLAN_RAISE] = {
		"Raise %1 from %2 to %3 (%4).",
		"رفع %1 من %2 إلى %3 (%4).",
	},
	[RS_MSG_PLAN_REDUCE] = {
		"Reduce %1 from %2 to %3 (%4).",
		"خفض %1 من %2 إلى %3 (%4).",
	},
	[RS_MSG_PLAN_COLLECT] = {
		"Collect data for %1, then bring it to %2 or better (%3); "
		"the plan counts it from its worst value.",
		"جمع بيانات %1، ثم بلوغ %2 أو أفضل (%3)؛ وتحتسبه الخطة "
		"بدءاً من أسوأ قيمة له.",
	},
	[RS_MSG_PLAN_COLLECT_ONLY] = {
		"Collect data for %1; the plan counts it at its worst value, "
		"%2 (%3).",
		"جمع بيانات %1؛ وتحتسبه الخطة عند أسوأ قيمة له، %2 (%3).",
	},
	[RS_MSG_TARGET_LINE] = {
		"%1 to reach %2 (%3): %4 now, %5 with the plan: %6.",
		"%1 لبلوغ %2 (%3): %4 حالياً، و%5 مع الخطة: %6.",
	},
	[RS_MSG_REACHED] = {
		"reached",
		"يتحقق الهدف",
	},
	[RS_MSG_NOT_REACHED] = {
		"not reached",
		"لا يتحقق الهدف",
	},
	[RS_MSG_SHORT] = {
		"The levers allowed fall %1 points short at best. The "
		"indicators with data of other levers would add up to %2 "
		"points and the yearly caps hold back %3; indicators below it "
		"without data: %4 (--collect lets the plan count them).",
		"تقصر الجهات المسموح بها عن الهدف بمقدار %1 نقطة في أحسن "
		"الأحوال. ويمكن أن تضيف المؤشرات المتوفرة بياناتها التابعة لجهات "
		"أخرى ما يصل إلى %2 نقطة، وتحجب الحدود السنوية %3 نقطة؛ "
		"والمؤشرات التابعة له التي لا بيانات لها: %4 (يتيح الخيار "
		"--collect للخطة احتسابها).",
	},
	[RS_MSG_NO_TARGET_SCORE] = {
		"%1 has no score to plan from: collect its data first "
		"(--collect lets the plan count it).",
		"ليست لـ%1 درجة يُبنى عليها التخطيط: تُجمع بياناته أولاً "
		"(يتيح الخيار --collect للخطة احتسابها).",
	},
	[RS_MSG_EFFORT] = {
		"Effort: %1 points of indicator score, each times its "
		"effort weight (the least possible: %2).",
		"الجهد: %1 نقطة من درجات المؤشرات، كل منها مضروبة في وزن "
		"الجهد الخاص بالمؤشر (أدنى جهد ممكن: %2).",
	},
	[RS_MSG_NO_CHANGE] = {
		"No change is needed: every target is reached already.",
		"لا حاجة إلى أي تغيير: كل الأهداف متحققة بالفعل.",
	},
	[RS_MSG_HORIZON] = {
		"horizon %1: %2 years from the data of %3",
		"الأفق %1: عدد السنوات من بيانات عام %3: %2",
	},
	[RS_MSG_LEVERS_LINE] = {
		"levers acted on: %1",
		"جهات التحريك المعتمدة: %1",
	},
	[RS_MSG_RESULTING] = {
		"resulting scores",
		"الدرجات الناتجة",
	},
	[RS_MSG_ACTIONS] = {
		"lines of action",
		"خطوط العمل",
	},
	[RS_MSG_ACTIONS_REACH] = {
		"With every line of action, %1 would score %2: %3.",
		"مع تنفيذ جميع خطوط العمل تبلغ درجة %1 ‏%2: %3.",
	},
	[RS_MSG_NO_ACTIONS] = {
		"No line of action serves it.",
		"لا يخدمه أي خط من خطوط العمل.",
	},
	[RS_MSG_MONITORING] = {
		"monitoring",
		"المتابعة",
	},
	[RS_MSG_TARGET_WORD] = {
		"target",
		"الهدف",
	},
	[RS_MSG_P_YEAR] = {
		"year",
		"السنة",
	},
	[RS_MSG_MILESTONES] = {
		"milestones",
		"المعالم المرحلية",
	},
	[RS_MSG_OWNER] = {
		"owner",
		"الجهة المسؤولة",
	},
	[RS_MSG_COST] = {
		"cost",
		"التكلفة",
	},
	[RS_MSG_START] = {
		"start",
		"البداية",
	},
	[RS_MSG_END] = {
		"end",
		"النهاية",
	},
	[RS_MSG_SERVES] = {
		"serves",
		"يخدم",
	},
	[RS_MSG_MOVES] = {
		"moves",
		"يحرّك",
	},
	[RS_MSG_TIMELINE_TITLE] = {
		"%1: timeline of the lines of action",
		"%1: الجدول الزمني لخطوط العمل",
	},
	[RS_MSG_TIMELINE_DESC] = {
		"Gantt chart of the lines of action, a bar from the start "
		"to the end year of each: %1.",
		"مخطط جانت لخطوط العمل، لكل منها عمود من سنة البداية إلى "
		"سنة النهاية: %1.",
	},
	[RS_MSG_RADAR_PLAN] = {
		"%1: scores of the resilience areas before and after the "
		"plan",
		"%1: درجات مجالات الصمود قبل الخطة وبعدها",
	},
	[RS_MSG_RADAR_PLAN_DESC] = {
		"Radar chart of the scores of %1 in each resilience area, "
		"before the plan (dashed) and after it (solid): %2.",
		"مخطط عنكبوتي لدرجات %1 في كل مجال من مجالات الصمود، قبل "
		"الخطة (خط متقطع) وبعدها (خط متصل): %2.",
	},
	[RS_MSG_WHATIF_NOTE] = {
		"Scores before and after the changes of the scenario; the "
		"input files are not changed.",
		"الدرجات قبل تغييرات السيناريو وبعدها؛ ولا تُعدَّل ملفات "
		"المدخلات.",
	},
	[RS_MSG_NOTHING_MOVES] = {
		"No indicator of the levers allowed can move these targets.",
		"لا يوجد مؤشر تابع للجهات المسموح بها يمكنه تحريك هذه الأهداف.",
	},
	[RS_MSG_NO_CITY_CHANGE] = {
		"The scenario changes nothing of this city.",
		"لا يغيّر السيناريو شيئاً في هذه المدينة.",
	},
	[RS_MSG_NOTE_WORD] = {
		"note",
		"ملاحظة",
	},
	/* Evidence, sections and notes of a report that stands alone. */
	[RS_MSG_EVIDENCE_HEAD] = {
		"Evidence: the values behind the scores",
		"الأدلة: القيم التي بُنيت عليها الدرجات",
	},
	[RS_MSG_EVIDENCE_NOTE] = {
		"Each value is the one the score uses: the latest of its "
		"indicator. A national proxy is the country's figure standing "
		"in for the city's, as the data's note says.",
		"كل قيمة هي القيمة التي تستند إليها الدرجة، أي أحدث قيمة "
		"للمؤشر. والقيمة الوطنية البديلة رقمٌ على مستوى البلد يحل محل "
		"رقم المدينة، كما تبيّن ملاحظة البيانات.",
	},
	[RS_MSG_SCOPE] = {"Level of the data", "مستوى البيانات"},
	[RS_MSG_CITY_LEVEL] = {"city level", "على مستوى المدينة"},
	[RS_MSG_NATIONAL_PROXY] = {"national proxy", "قيمة وطنية بديلة"},
	[RS_MSG_EVIDENCE_SUM] = {
		"Indicators with data: %1 of %2 (city level: %3, national "
		"proxies: %4); oldest value %5, newest %6.",
		"المؤشرات المتوفرة بياناتها: %1 من %2 (على مستوى المدينة: %3، "
		"قيم وطنية بديلة: %4)؛ أقدم قيمة من سنة %5، وأحدثها من سنة %6.",
	},
	[RS_MSG_EVIDENCE_SUM_UNDATED] = {
		"Indicators with data: %1 of %2 (city level: %3, national "
		"proxies: %4); no value is dated.",
		"المؤشرات المتوفرة بياناتها: %1 من %2 (على مستوى المدينة: %3، "
		"قيم وطنية بديلة: %4)؛ ولا تحمل أي قيمة سنة.",
	},
	[RS_MSG_T_EVIDENCE] = {"evidence", "الأدلة"},
	[RS_MSG_SUMMARY] = {"Summary", "الملخص"},
	[RS_MSG_SECTION_SCORES] = {"Scores and levels",
		"الدرجات والمستويات"},
	[RS_MSG_SECTION_CHARTS] = {"Charts", "الرسوم البيانية"},
	[RS_MSG_METHODOLOGY] = {"Methodology", "المنهجية"},
	[RS_MSG_METHOD_TEXT] = {
		"Each indicator's latest value is scored from 0 to 100 "
		"between the framework's worst and best goalposts. An area's "
		"score is the weighted mean of the scores of its indicators "
		"with data, and the city's score that of its areas; an "
		"aggregate gets a score only when the parts with a score carry "
		"at least %1 of its weight (its coverage). The level is the "
		"band of the score: %2. A priority's gain is the points the "
		"city's score would rise if the indicator reached its best "
		"goalpost, everything else equal. The framework is a "
		"reconstruction of the UN Diagnostic and Planning Tool "
		"(February 2021): the five areas, the codes of the 17 "
		"indicators and the names of three of them are published; the "
		"sub-indicators, goalposts, weights and level bands are "
		"reconstructed, and scores made with them are not the tool's "
		"own. National proxies describe the country, not the city.",
		"تُحسب لأحدث قيمة لكل مؤشر درجةٌ من 0 إلى 100 بين الحدّين "
		"الأسوأ والأفضل اللذين يحددهما الإطار. ودرجة المجال هي المتوسط "
		"المرجَّح لدرجات مؤشراته المتوفرة بياناتها، والدرجة الإجمالية "
		"للمدينة هي المتوسط المرجَّح لدرجات مجالاتها؛ ولا تُحتسب درجة "
		"لأي مستوى تجميعي إلا إذا بلغ وزن مكوناته التي لها درجة %1 على "
		"الأقل من وزنه (التغطية). والمستوى هو نطاق الدرجة: %2. ومكسب "
		"الأولوية هو عدد النقاط التي ترتفع بها الدرجة الإجمالية للمدينة "
		"لو بلغ المؤشر حدّه الأفضل مع بقاء العوامل الأخرى على حالها. "
		"والإطار إعادة بناء لأداة التشخيص والتخطيط التابعة للأمم المتحدة "
		"(شباط/فبراير 2021)؛ فالمجالات الخمسة ورموز المؤشرات السبعة عشر "
		"وأسماء ثلاثة منها منشورة، أما المؤشرات الفرعية والحدود والأوزان "
		"ونطاقات المستويات فمُعاد بناؤها، والدرجات المحسوبة بها ليست "
		"درجات الأداة نفسها. وتصف القيم الوطنية البديلة البلد لا المدينة.",
	},
	[RS_MSG_METHOD_LINK] = {
		"The formulas and their caveats: %1.",
		"الصيغ وتحفظاتها: %1.",
	},
	[RS_MSG_PLAN_METHOD] = {
		"The plan is the set of changes of least effort that reaches "
		"the targets: a linear programme chooses the points each "
		"indicator's score gains so that every target's score is "
		"reached, and minimises the sum of those points, each times "
		"the indicator's effort weight. Only indicators with a value "
		"and of the levers allowed move; none is made worse, none goes "
		"past its best goalpost or out of its valid range, and with "
		"%2 none moves more in a year than its %3. The points are "
		"turned back into raw values through the goalposts, and the "
		"scores after the plan "
		"are computed by the same formulas as those before it, from "
		"the values of each city's evidence table. A target the levers "
		"allowed cannot reach is reported with the points they fall "
		"short by. The programme and what it guarantees: %1.",
		"الخطة هي مجموعة التغييرات الأقل جهداً التي تحقق الأهداف: "
		"يحدد برنامج خطي عدد النقاط التي تكسبها درجة كل مؤشر بحيث "
		"يتحقق كل هدف، ويجعل مجموع هذه النقاط، كلٌّ منها مضروبةً في "
		"وزن الجهد الخاص بالمؤشر، في حده الأدنى. "
		"ولا يتغير إلا المؤشر الذي تتوفر له قيمة وتملك إحدى الجهات "
		"المسموح بها تحريكه؛ فلا يسوء أي مؤشر، ولا يتجاوز حدّه الأفضل "
		"أو نطاق قيمه الصالحة، ومع الخيار %2 لا يتغير في السنة "
		"الواحدة بأكثر من حدّه السنوي %3. وتُحوَّل النقاط إلى قيم "
		"أولية عبر الحدّين الأسوأ والأفضل، وتُحسب "
		"الدرجات بعد الخطة بالصيغ نفسها التي حُسبت بها الدرجات قبلها، "
		"انطلاقاً من القيم الواردة في جدول الأدلة لكل مدينة. وإذا "
		"تعذّر على الجهات المسموح بها تحقيق هدفٍ ما، يُذكر عدد النقاط "
		"التي تقصر عنه. البرنامج الخطي وضماناته: %1.",
	},
	[RS_MSG_GAPS] = {"Annex: data gaps", "المرفق: فجوات البيانات"},
	[RS_MSG_GAPS_NOTE] = {
		"The indicators without a value, and the share of the city's "
		"score each would carry once collected and with complete "
		"data.",
		"المؤشرات التي لا تتوفر لها قيمة، ونسبة الدرجة الإجمالية "
		"للمدينة التي سيحملها كلٌّ منها عند جمع بياناته وعند اكتمال "
		"البيانات.",
	},
	[RS_MSG_GAPS_NONE] = {
		"No gap: every indicator has a value.",
		"لا فجوات: لكل مؤشر قيمة.",
	},
	[RS_MSG_SECTION_BASELINE] = {"Changes since the baseline",
		"التغيرات منذ خط الأساس"},
	[RS_MSG_SECTION_PLAN] = {"Recovery plan", "خطة التعافي"},
	[RS_MSG_AUTHOR] = {"Prepared by", "إعداد"},
	[RS_MSG_DATE] = {"Date", "التاريخ"},
	[RS_MSG_NOTES] = {"Notes", "ملاحظات"},
	[RS_MSG_PDF_NO_CHROMIUM] = {
		"--format pdf needs Chromium: install the package chromium "
		"(apt-get install chromium) or set RS_CHROMIUM",
		"يتطلب --format pdf متصفح Chromium: ثبّت الحزمة chromium "
		"(apt-get install chromium) أو اضبط RS_CHROMIUM",
	},
	[RS_MSG_HIGHER_BETTER] = {
		"higher is better",
		"الأعلى أفضل",
	},
	[RS_MSG_LOWER_BETTER] = {
		"lower is better",
		"الأدنى أفضل",
	},
	[RS_MSG_UNIT] = {
		"Unit",
		"الوحدة",
	},
	[RS_MSG_TPL_PROMPT_TITLE] = {
		"What to enter",
		"ما يُدخَل",
	},
	[RS_MSG_TPL_PROMPT] = {
		"Unit: %1; %2. %3 scores 0 and %4 scores 100.%5",
		"الوحدة: %1؛ %2. القيمة %3 تعطي الدرجة 0 والقيمة %4 تعطي الدرجة 100.%5",
	},
	[RS_MSG_TPL_RANGE] = {
		" Valid values: %1 to %2.",
		" القيم المقبولة: من %1 إلى %2.",
	},
	[RS_MSG_TPL_RUBRIC] = {
		"Choose the description that fits best (level 1 to 5).",
		"اختر الوصف الأنسب (المستوى من 1 إلى 5).",
	},
	[RS_MSG_TPL_ERROR_TITLE] = {
		"Value not accepted",
		"قيمة غير مقبولة",
	},
	[RS_MSG_TPL_ERROR] = {
		"Enter a number within the indicator's valid range, or leave the cell empty.",
		"أدخل رقماً ضمن النطاق المقبول للمؤشر، أو اترك الخلية فارغة.",
	},
	[RS_MSG_TPL_SHEET] = {
		"Data",
		"البيانات",
	},
	[RS_MSG_TPL_RUBRICS_SHEET] = {
		"Rubrics",
		"سلالم التقدير",
	},
	[RS_MSG_EVIDENCE] = {
		"Evidence",
		"الأدلة",
	},
	[RS_MSG_INDICATIVE] = {
		"indicative",
		"استرشادية",
	},
	[RS_MSG_INDICATIVE_NOTE] = {
		"Indicative: some of these scores rest on less data than the "
		"framework asks for (%1 of the weight at each level); scored "
		"with --min-coverage %2. Not a result to publish as it is.",
		"درجة استرشادية: تستند بعض هذه الدرجات إلى بيانات أقل مما "
		"يشترطه الإطار (%1 من الوزن في كل مستوى)؛ حُسبت بالخيار "
		"‎--min-coverage %2. لا تُنشر بوصفها نتيجة نهائية.",
	},
	[RS_MSG_IN_BAND] = {
		"best from %1 to %2, 0 at %3 and below or %4 and above",
		"الأفضل من %1 إلى %2، والدرجة 0 عند %3 فما دون أو %4 فما فوق",
	},
	[RS_MSG_TPL_RUBRIC_ERROR] = {
		"Choose one of the five levels from the list, or leave the "
		"cell empty.",
		"اختر أحد المستويات الخمسة من القائمة، أو اترك الخلية فارغة.",
	},
	[RS_MSG_TPL_BAND_PROMPT] = {
		"Unit: %1; %2.%3",
		"الوحدة: %1؛ %2.%3",
	},
	[RS_MSG_SA_TITLE] = {
		"Urban economic resilience: how far the ranks "
		"depend on the choices behind them",
		"الصمود الاقتصادي الحضري: "
		"مدى تأثر الترتيب بالخيارات "
		"التي يستند إليها",
	},
	[RS_MSG_SA_RUNS] = {
		"%1 runs, seed %2. Inputs drawn in each run:",
		"عدد عمليات المحاكاة %1، "
		"والبذرة %2. المدخلات التي "
		"تُسحب في كل عملية:",
	},
	[RS_MSG_SA_IN_WEIGHTS] = {
		"weights",
		"الأوزان",
	},
	[RS_MSG_SA_IN_GOALPOSTS] = {
		"goalposts",
		"الحدود المرجعية",
	},
	[RS_MSG_SA_IN_EXCLUDE] = {
		"indicator left out",
		"المؤشر المستبعد",
	},
	[RS_MSG_SA_IN_WINMAX] = {
		"winsorisation limit",
		"حد التشذيب",
	},
	[RS_MSG_SA_IN_NORMALISE] = {
		"normaliser",
		"طريقة التطبيع",
	},
	[RS_MSG_SA_IN_AGGREGATE] = {
		"aggregator",
		"طريقة التجميع",
	},
	[RS_MSG_SA_IN_YEAR] = {
		"data year",
		"سنة البيانات",
	},
	[RS_MSG_SA_IN_PROXIES] = {
		"national proxies",
		"البدائل الوطنية",
	},
	[RS_MSG_SA_IN_COVERAGE] = {
		"coverage threshold",
		"عتبة التغطية",
	},
	[RS_MSG_SA_DESC_WEIGHTS] = {
		"each weight times 1 + U(-%1, %1)",
		"يُضرب كل وزن في 1 + U(-%1، %1)",
	},
	[RS_MSG_SA_DESC_GOALPOSTS] = {
		"worst and best each moved by U(-%1, %1) times "
		"their span",
		"يُزاح كل من الحدين الأدنى "
		"والأعلى بمقدار U(-%1، %1) من "
		"المدى بينهما",
	},
	[RS_MSG_SA_DESC_ALTS] = {
		"one of %1 alternatives",
		"أحد البدائل، وعددها %1",
	},
	[RS_MSG_SA_DESC_YEAR] = {
		"each value drawn among those dated %1 to %2 (assessment "
		"year %3, plus or minus %4)",
		"تُسحب كل قيمة من بين القيم المؤرخة من %1 إلى %2 (سنة "
		"التقييم %3، بزيادة أو نقصان %4)",
	},
	[RS_MSG_SA_DESC_PROXIES] = {
		"each national proxy kept or dropped with "
		"probability 1/2 (%1 values are national proxies)",
		"يُبقى على كل بديل وطني أو "
		"يُستبعد باحتمال 1/2 (عدد "
		"القيم التي هي بدائل وطنية: "
		"%1)",
	},
	[RS_MSG_SA_DESC_COVERAGE] = {
		"threshold drawn uniformly from %1 to %2",
		"تُسحب العتبة بتوزيع منتظم "
		"من %1 إلى %2",
	},
	[RS_MSG_SA_PCT] = {
		"%1%",
		"%1 في المائة",
	},
	[RS_MSG_SA_RANK_ONE] = {
		"%1 ranks %2 in %3 of runs",
		"تحتل %1 المرتبة %2 في %3 من "
		"عمليات المحاكاة",
	},
	[RS_MSG_SA_RANK_SPAN] = {
		"%1 ranks %2 to %3 in %4 of runs",
		"تحتل %1 مرتبة بين %2 و%3 في %4 من "
		"عمليات المحاكاة",
	},
	[RS_MSG_SA_NO_RANK] = {
		"%1 has no rank in any run",
		"لا تحصل %1 على ترتيب في أي "
		"عملية محاكاة",
	},
	[RS_MSG_SA_LEVEL_ONE] = {
		" and is '%1' in %2",
		"، وتقع في مستوى «%1» في %2",
	},
	[RS_MSG_SA_LEVEL_TWO] = {
		" and is '%1' or '%2' in %3",
		"، وتقع في مستوى «%1» أو «%2» "
		"في %3",
	},
	[RS_MSG_SA_LEVEL_SPAN] = {
		" and is '%1' to '%2' in %3",
		"، وتقع بين مستوى «%1» ومستوى "
		"«%2» في %3",
	},
	[RS_MSG_SA_NO_LEVEL] = {
		" and has no score in any run",
		"، ولا تحصل على درجة في أي "
		"عملية محاكاة",
	},
	[RS_MSG_SA_NONE_SHARE] = {
		"; it has no score in %1 of runs",
		"؛ ولا تحصل على درجة في %1 من عمليات المحاكاة",
	},
	[RS_MSG_SA_PCT_SMALL] = {
		"under 1%",
		"أقل من 1 في المائة",
	},
	[RS_MSG_SA_AREAS_CHANGE] = {
		"Areas whose level changes: %1.",
		"المجالات التي يتغير "
		"مستواها: %1.",
	},
	[RS_MSG_SA_AREA_ITEM] = {
		"%1 in %2 of runs",
		"%1 في %2 من عمليات المحاكاة",
	},
	[RS_MSG_SA_AREAS_STABLE] = {
		"No area changes level in any run.",
		"لا يتغير مستوى أي مجال في أي "
		"عملية محاكاة.",
	},
	[RS_MSG_SA_STABLE] = {
		"The ranks are stable under the inputs tried: the "
		"variance of the mean rank shift is %1, below the "
		"%2 needed to estimate sensitivity indices, so none "
		"are given.",
		"الترتيب مستقر في ظل "
		"المدخلات التي اختُبرت: يبلغ "
		"تباين متوسط التحول في "
		"الترتيب %1، وهو دون القيمة %2 "
		"اللازمة لتقدير مؤشرات "
		"الحساسية، ولذلك لا تُعرض "
		"هذه المؤشرات.",
	},
	[RS_MSG_SA_INDICES] = {
		"Sensitivity of the mean rank shift to each input "
		"(variance %1, at least %2 needed; intervals are "
		"the 5th to 95th percentiles of %3 bootstrap "
		"draws):",
		"حساسية متوسط التحول في "
		"الترتيب لكل مدخل (التباين "
		"%1، والحد الأدنى اللازم %2؛ "
		"المجالات هي المئينات من "
		"الخامس إلى الخامس والتسعين "
		"لعدد %3 من سحبات إعادة "
		"المعاينة):",
	},
	[RS_MSG_SA_INDEX_LINE] = {
		"%1: first-order %2 (%3 to %4), total %5 (%6 to %7)",
		"%1: أثر من الدرجة الأولى %2 (%3 "
		"إلى %4)، وأثر كلي %5 (%6 إلى %7)",
	},
	[RS_MSG_SA_INTERVAL_NOTE] = {
		"Each interval is the shortest run of ranks, or of "
		"adjacent levels, that holds at least %1 of the "
		"runs.",
		"كل مجال هو أقصر سلسلة متصلة "
		"من المراتب، أو من المستويات "
		"المتجاورة، تضم %1 على الأقل "
		"من عمليات المحاكاة.",
	},
	[RS_MSG_SA_RANKS_TITLE] = {
		"Rank of each city over the runs",
		"ترتيب كل مدينة عبر عمليات "
		"المحاكاة",
	},
	[RS_MSG_SA_RANKS_DESC] = {
		"For each city, a bar over the ranks of the "
		"shortest interval that holds at least %1 of the "
		"runs, and a dot at its nominal rank.",
		"لكل مدينة شريط يغطي مراتب "
		"أقصر مجال يضم %1 على الأقل من "
		"عمليات المحاكاة، ونقطة عند "
		"ترتيبها الاسمي.",
	},
	[RS_MSG_SA_INDICES_TITLE] = {
		"Sensitivity indices of the mean rank shift",
		"مؤشرات الحساسية لمتوسط "
		"التحول في الترتيب",
	},
	[RS_MSG_SA_INDICES_DESC] = {
		"For each input, a bar of its first-order index and "
		"one of its total index, from 0 to 1, with their "
		"bootstrap intervals.",
		"لكل مدخل شريط لمؤشره من "
		"الدرجة الأولى وآخر لمؤشره "
		"الكلي، من 0 إلى 1، مع مجالات "
		"إعادة المعاينة.",
	},
	[RS_MSG_SA_FIRST_ORDER] = {
		"first-order",
		"من الدرجة الأولى",
	},
	[RS_MSG_SA_TOTAL] = {
		"total",
		"كلي",
	},
	[RS_MSG_SA_INPUTS] = {
		"Inputs",
		"المدخلات",
	},
	[RS_MSG_SA_IN_WORDS] = {
		"Results in words",
		"النتائج",
	},
	[RS_MSG_SA_AXIS_RANK] = {
		"Rank (1 = best)",
		"الترتيب (1 = الأفضل)",
	},
	[RS_MSG_SA_AXIS_INDEX] = {
		"Index",
		"المؤشر",
	},
	/* the sensitivity text report's table, in English in every language */
	[RS_MSG_SA_TX_TITLE] = {
		"Rank uncertainty: %1 runs%2, seed %3",
		"عدم اليقين في الترتيب: عدد عمليات المحاكاة %1%2، البذرة "
		"العشوائية %3",
	},
	[RS_MSG_SA_TX_SALTELLI] = {" (Saltelli design)", " (تصميم سالتيلي)"},
	[RS_MSG_SA_TX_WEIGHT_NOISE] = {
		"weights times 1 + U(-%1, %1), ",
		"الأوزان مضروبة في 1 + U(-%1, %1)، ",
	},
	[RS_MSG_SA_TX_GOALPOST_NOISE] = {
		"worst and best moved by U(-%1, %1) times their span, ",
		"الحدّان الأدنى والأعلى مُزاحان بمقدار U(-%1, %1) مضروبًا في "
		"المدى بينهما، ",
	},
	[RS_MSG_SA_TX_SETS] = {"%1 sets", "عدد المجموعات %1"},
	[RS_MSG_SA_TX_SET_PER_RUN] = {
		"a set per run",
		"مجموعة لكل عملية محاكاة",
	},
	[RS_MSG_SA_TX_DRAW_PER_RUN] = {
		"a draw per run",
		"سحب لكل عملية محاكاة",
	},
	[RS_MSG_SA_TX_ALTERNATIVES] = {"%1 alternatives", "عدد البدائل %1"},
	[RS_MSG_SA_TX_ALTERNATIVE_ONE] = {"1 alternative", "بديل واحد"},
	[RS_MSG_SA_TX_CITY] = {"city", "المدينة"},
	[RS_MSG_SA_TX_SCORE] = {"score", "الدرجة"},
	[RS_MSG_SA_TX_NOMINAL] = {"nominal", "الاسمي"},
	[RS_MSG_SA_TX_MEAN] = {"mean", "المتوسط"},
	[RS_MSG_SA_TX_MEDIAN] = {"median", "الوسيط"},
	[RS_MSG_SA_TX_NO_SCORE] = {"no score", "بلا درجة"},
	[RS_MSG_DESC_COUNTS] = {
		"%1 top-level nodes, %2 nodes, %3 indicators",
		"عدد عقد المستوى الأعلى %1، وعدد العقد %2، وعدد المؤشرات %3",
	},
	[RS_MSG_DESC_LEVELS] = {"levels: ", "المستويات: "},
	[RS_MSG_DESC_FROM] = {"from %1", "ابتداءً من %1"},
	[RS_MSG_DESC_MIN_COVERAGE] = {
		"minimum coverage of an aggregate: %1",
		"الحد الأدنى لتغطية المؤشر المركّب: %1",
	},
	/* column heads of the text table, each within its column's width */
	[RS_MSG_DESC_ID] = {"id", "الرمز"},
	[RS_MSG_DESC_NAME] = {"name", "الاسم"},
	[RS_MSG_DESC_WEIGHT] = {"weight", "الوزن"},
	[RS_MSG_DESC_WORST] = {"worst", "الأسوأ"},
	[RS_MSG_DESC_BEST] = {"best", "الأفضل"},
	[RS_MSG_DESC_BETTER] = {"better", "الاتجاه"},
	[RS_MSG_DESC_DOMAIN] = {"domain", "النطاق"},
	[RS_MSG_DESC_LEVER] = {"lever", "الأداة"},
	[RS_MSG_DESC_SERIES] = {"series", "السلسلة"},
	[RS_MSG_DESC_UNIT] = {"unit", "الوحدة"},
	[RS_MSG_CLI_SEE_HELP] = {
		"see 'resilience %1 --help'",
		"انظر 'resilience %1 --help'",
	},
	[RS_MSG_CLI_NEEDS_VALUE] = {
		"option '%1' needs a value",
		"الخيار '%1' يحتاج إلى قيمة",
	},
	[RS_MSG_CLI_NO_FILE] = {
		"no data file given",
		"لم يُحدَّد ملف بيانات",
	},
	[RS_MSG_CLI_YEAR_RANGE] = {
		"%1 takes a year from 1 to 9999, not '%2'",
		"يأخذ الخيار %1 سنةً من 1 إلى 9999، لا '%2'",
	},
	[RS_MSG_CLI_FILE_NAME] = {
		"%1 takes a file name, not ''",
		"يأخذ الخيار %1 اسمَ ملف، لا ''",
	},
	[RS_MSG_CLI_MAX_AGE_RANGE] = {
		"--max-age takes whole years from 0 to 9999, not '%1'",
		"يأخذ الخيار --max-age عددًا صحيحًا من السنوات من 0 إلى "
		"9999، لا '%1'",
	},
	[RS_MSG_CLI_INPUT_FORMAT] = {
		"--input-format takes csv, json, xlsx or ods, not '%1'",
		"يأخذ الخيار --input-format إحدى القيم csv أو json أو xlsx "
		"أو ods، لا '%1'",
	},
	[RS_MSG_CLI_SHEET_EMPTY] = {
		"--sheet takes the name of a sheet, not ''",
		"يأخذ الخيار --sheet اسمَ ورقة، لا ''",
	},
	[RS_MSG_CLI_COUNT] = {
		"%1 takes a whole number from %2, not '%3'",
		"يأخذ الخيار %1 عددًا صحيحًا ابتداءً من %2، لا '%3'",
	},
	[RS_MSG_CLI_COUNT_ALL] = {
		"%1 takes a whole number from %2 or 'all', not '%3'",
		"يأخذ الخيار %1 عددًا صحيحًا ابتداءً من %2 أو 'all'، لا "
		"'%3'",
	},
	[RS_MSG_CLI_COUNT_RANGE] = {
		"%1 takes a whole number from %2 to %3, not '%4'",
		"يأخذ الخيار %1 عددًا صحيحًا من %2 إلى %3، لا '%4'",
	},
	[RS_MSG_CLI_REAL_RANGE] = {
		"%1 takes a number from %2 to below %3, not '%4'",
		"يأخذ الخيار %1 عددًا من %2 إلى ما دون %3، لا '%4'",
	},
	[RS_MSG_CLI_FORMAT_REPORT] = {
		"--format takes text, json, csv, md, html or pdf, not '%1'",
		"يأخذ الخيار --format إحدى القيم text أو json أو csv أو md "
		"أو html أو pdf، لا '%1'",
	},
	[RS_MSG_CLI_FORMAT_XLSX] = {
		"--format takes text, json, csv, md, html, pdf or xlsx, "
		"not '%1'",
		"يأخذ الخيار --format إحدى القيم text أو json أو csv أو md "
		"أو html أو pdf أو xlsx، لا '%1'",
	},
	[RS_MSG_CLI_FORMAT_FRAMEWORK] = {
		"--format takes text, json or md, not '%1'",
		"يأخذ الخيار --format إحدى القيم text أو json أو md، لا "
		"'%1'",
	},
	[RS_MSG_CLI_FORMAT_SENSITIVITY] = {
		"--format takes text, json, csv or html, not '%1'",
		"يأخذ الخيار --format إحدى القيم text أو json أو csv أو "
		"html، لا '%1'",
	},
	[RS_MSG_CLI_FORMAT_TEMPLATE] = {
		"--format takes csv or xlsx, not '%1'",
		"يأخذ الخيار --format إحدى القيمتين csv أو xlsx، لا '%1'",
	},
	[RS_MSG_CLI_TEXT_LENGTH] = {
		"%1 takes a text of 1 to 500 bytes",
		"يأخذ الخيار %1 نصًا يتراوح طوله بين 1 و500 بايت",
	},
	[RS_MSG_CLI_LANG_CODE] = {
		"--lang takes a language code such as en or ar, not '%1'",
		"يأخذ الخيار --lang رمز لغة مثل en أو ar، لا '%1'",
	},
	[RS_MSG_CLI_FAIL_BELOW] = {
		"--fail-below takes a score from 0 to 100 or a level id, "
		"not '%1'",
		"يأخذ الخيار --fail-below درجةً من 0 إلى 100 أو رمز مستوى، "
		"لا '%1'",
	},
	[RS_MSG_CLI_FAIL_ON_DROP] = {
		"--fail-on-drop takes points from 0 to 100, not '%1'",
		"يأخذ الخيار --fail-on-drop عددًا من النقاط من 0 إلى 100، "
		"لا '%1'",
	},
	[RS_MSG_CLI_MIN_COVERAGE] = {
		"--min-coverage takes a weight share above 0 and at most "
		"1, not '%1'",
		"يأخذ الخيار --min-coverage حصةً من الوزن تزيد على 0 ولا "
		"تتجاوز 1، لا '%1'",
	},
	[RS_MSG_CLI_COLOR] = {
		"--color takes auto, always or never, not '%1'",
		"يأخذ الخيار --color إحدى القيم auto أو always أو never، "
		"لا '%1'",
	},
	[RS_MSG_CLI_LEVERS] = {
		"--levers takes a list of municipal, national, context or "
		"all, not '%1'",
		"يأخذ الخيار --levers قائمةً من القيم municipal أو "
		"national أو context أو all، لا '%1'",
	},
	[RS_MSG_CLI_BY] = {
		"--by takes indicator or node, not '%1'",
		"يأخذ الخيار --by إحدى القيمتين indicator أو node، لا '%1'",
	},
	[RS_MSG_CLI_INTERNAL_OPTION] = {
		"internal error: option %1",
		"خطأ داخلي: الخيار %1",
	},
	[RS_MSG_CLI_FAIL_BELOW_LEVEL] = {
		"--fail-below: '%1' is neither a score from 0 to 100 nor a "
		"level of framework \"%2\" (%3)",
		"--fail-below: القيمة '%1' ليست درجةً من 0 إلى 100 ولا "
		"مستوى من مستويات الإطار \"%2\" (%3)",
	},
	[RS_MSG_CLI_PDF_OUTPUT] = {
		"--format pdf needs --output FILE",
		"يتطلب الخيار --format pdf تحديد --output FILE",
	},
	[RS_MSG_CLI_NEEDS_BASELINE] = {
		"%1 needs --baseline",
		"يتطلب الخيار %1 تحديد --baseline",
	},
	[RS_MSG_CLI_RELEASE] = {
		"--release takes wdi=TEXT or wgi=TEXT, not '%1'",
		"يأخذ الخيار --release القيمة wdi=TEXT أو wgi=TEXT، لا '%1'",
	},
	[RS_MSG_CLI_CITY_NAME] = {
		"--city takes a non-empty name",
		"يأخذ الخيار --city اسمًا غير فارغ",
	},
	[RS_MSG_CLI_COUNTRY_CODE] = {
		"--country takes a three-letter code such as LBN, not '%1'",
		"يأخذ الخيار --country رمزًا من ثلاثة أحرف مثل LBN، لا '%1'",
	},
	[RS_MSG_CLI_CITY_COUNTRY] = {
		"--city and --country are required",
		"الخياران --city و--country مطلوبان",
	},
	[RS_MSG_CLI_FROM_AFTER_TO] = {
		"--from %1 is after --to %2",
		"السنة %1 المحددة في --from تلي السنة %2 المحددة في --to",
	},
	[RS_MSG_CLI_NO_SOURCE] = {
		"no SOURCE file given",
		"لم يُحدَّد ملف SOURCE",
	},
	[RS_MSG_CLI_UNKNOWN_STEP] = {
		"unknown --step '%1'",
		"قيمة غير معروفة للخيار --step: '%1'",
	},
	[RS_MSG_CLI_STATS_STEP] = {
		"--step of stats is one of raw to normalised",
		"يأخذ الخيار --step للأمر stats إحدى المراحل من raw إلى "
		"normalised",
	},
	[RS_MSG_CLI_CORR_LEVELS] = {
		"--corr takes two levels such as 1,2, not '%1'",
		"يأخذ الخيار --corr مستويين مثل 1,2، لا '%1'",
	},
	[RS_MSG_CLI_PVALUE] = {
		"--pvalue takes a number from 0 to 1, not '%1'",
		"يأخذ الخيار --pvalue عددًا من 0 إلى 1، لا '%1'",
	},
	[RS_MSG_CLI_CORR_OR_WEIGHTS] = {
		"--corr and --weights are two tables: give one of them",
		"الخياران --corr و--weights جدولان مختلفان: حدّد أحدهما",
	},
	[RS_MSG_CLI_PVALUE_CORR] = {
		"--pvalue applies to --corr only",
		"لا ينطبق الخيار --pvalue إلا على --corr",
	},
	[RS_MSG_CLI_STEP_WEIGHTS] = {
		"--step does not apply to --weights (the framework's "
		"weights)",
		"لا ينطبق الخيار --step على --weights (أوزان الإطار)",
	},
	[RS_MSG_CLI_STEP_CORR] = {
		"--step does not apply to --corr (the aggregated table)",
		"لا ينطبق الخيار --step على --corr (الجدول المجمَّع)",
	},
	[RS_MSG_CLI_TOO_MANY_OVERRIDES] = {
		"too many pipeline options",
		"عدد خيارات مسار المعالجة يتجاوز الحد المسموح به",
	},
	[RS_MSG_CLI_ONE_FILE] = {
		"one data file only, not %1",
		"يُقبل ملف بيانات واحد فقط، لا %1",
	},
	[RS_MSG_CLI_NO_TARGET] = {
		"no target given: use --target NODE=LEVEL|SCORE or "
		"--targets FILE",
		"لم يُحدَّد أي هدف: استخدم --target NODE=LEVEL|SCORE أو "
		"--targets FILE",
	},
	[RS_MSG_CLI_NO_CHANGE] = {
		"no change given: use --set or --scenario",
		"لم يُحدَّد أي تغيير: استخدم --set أو --scenario",
	},
	[RS_MSG_CLI_NOISE_LEVELS] = {
		"--noise-levels takes levels from 1 to 31 such as 2,3, not "
		"'%1'",
		"يأخذ الخيار --noise-levels مستويات من 1 إلى 31 مثل 2,3، "
		"لا '%1'",
	},
	[RS_MSG_CLI_VARY_WINMAX] = {
		"--vary-winmax takes two limits A,B with 1 <= A <= B <= "
		"1000, not '%1'",
		"يأخذ الخيار --vary-winmax حدَّين A,B بحيث 1 <= A <= B <= "
		"1000، لا '%1'",
	},
	[RS_MSG_CLI_VARY_MIN_COVERAGE] = {
		"--vary-min-coverage takes two shares LO,HI with 0 < LO <= "
		"HI <= 1, not '%1'",
		"يأخذ الخيار --vary-min-coverage حصتين LO,HI بحيث 0 < LO "
		"<= HI <= 1، لا '%1'",
	},
	[RS_MSG_CLI_VARY_AGGREGATE] = {
		"--vary-aggregate takes amean, gmean or hmean, not '%1'",
		"يأخذ الخيار --vary-aggregate إحدى القيم amean أو gmean أو "
		"hmean، لا '%1'",
	},
	[RS_MSG_CLI_AT_MOST] = {
		"at most %1 %2",
		"لا يُسمح بأكثر من %1 من الخيار %2",
	},
	[RS_MSG_CLI_DESIGN_SAME] = {
		"--design and the report both go to '%1'; give them two "
		"files",
		"يُكتب كلٌّ من --design والتقرير في '%1'؛ حدّد ملفين "
		"مختلفين",
	},
	[RS_MSG_CLI_YEARS_RANGE] = {
		"--years takes FROM-TO, two years with FROM <= TO and at "
		"most %1 years, not '%2'",
		"يأخذ الخيار --years القيمة FROM-TO، أي سنتين بحيث FROM <= "
		"TO وبما لا يتجاوز %1 سنة، لا '%2'",
	},
	[RS_MSG_CLI_HELP_USAGE] = {
		"usage: resilience help [COMMAND]",
		"الاستخدام: resilience help [COMMAND]",
	},
	[RS_MSG_CLI_EMPTY_DATA_NAME] = {
		"a data file name is empty ('')",
		"اسم أحد ملفات البيانات فارغ ('')",
	},
	[RS_MSG_CLI_STDIN_ONCE] = {
		"standard input ('-') can be read only once",
		"لا يمكن قراءة الإدخال القياسي ('-') إلا مرة واحدة",
	},
	[RS_MSG_CLI_MAX_AGE_PIPELINE] = {
		"--max-age does not apply to a framework with a pipeline",
		"لا ينطبق الخيار --max-age على إطار ذي مسار معالجة",
	},
	[RS_MSG_CLI_MIN_COVERAGE_PIPELINE] = {
		"--min-coverage of score, compare and priorities does not "
		"apply to a framework with a pipeline; its pipeline says "
		"its own",
		"لا ينطبق الخيار --min-coverage للأوامر score وcompare "
		"وpriorities على إطار ذي مسار معالجة؛ إذ يحدد مسار "
		"المعالجة حدَّه الخاص",
	},
	[RS_MSG_CLI_MIN_COVERAGE_ABOVE] = {
		"--min-coverage %1 is above the framework's threshold %2: "
		"it scores below it, not above",
		"القيمة %1 للخيار --min-coverage أعلى من عتبة الإطار %2: "
		"فهذا الخيار يتيح احتساب الدرجات دون العتبة لا فوقها",
	},
	[RS_MSG_CLI_OUTPUT_IS_INPUT] = {
		"--output '%1' is the input file '%2'; refusing to "
		"overwrite it",
		"الملف '%1' المحدد في --output هو ملف الإدخال '%2'؛ ولن "
		"يُكتب فوقه",
	},
	[RS_MSG_CLI_OUTPUT_IS_FRAMEWORK] = {
		"--output '%1' is the framework file; refusing to "
		"overwrite it",
		"الملف '%1' المحدد في --output هو ملف الإطار؛ ولن يُكتب "
		"فوقه",
	},
	[RS_MSG_CLI_OUTPUT_IS_BASELINE] = {
		"--output '%1' is the baseline; refusing to overwrite it",
		"الملف '%1' المحدد في --output هو خط الأساس؛ ولن يُكتب فوقه",
	},
	[RS_MSG_CLI_XLSX_TERMINAL] = {
		"a workbook is not for a terminal: give --output FILE.xlsx",
		"لا يُعرض المصنَّف على الطرفية: حدّد --output FILE.xlsx",
	},
	[RS_MSG_CLI_NOTES_NO_CITY] = {
		"no city '%1' in the data",
		"لا توجد مدينة '%1' في البيانات",
	},
	[RS_MSG_CLI_NOTES_NO_NODE] = {
		"no node '%1' in the framework",
		"لا توجد عقدة '%1' في الإطار",
	},
	[RS_MSG_CLI_PLAN_PIPELINE] = {
		"plan works on the scoring contract's weighted means; "
		"framework \"%1\" has a pipeline (docs/planning.md)",
		"يعمل الأمر plan على المتوسطات المرجحة وفق قواعد احتساب "
		"الدرجات؛ والإطار \"%1\" ذو مسار معالجة (docs/planning.md)",
	},
	[RS_MSG_CLI_PLAN_NO_DATED] = {
		"'%1' has no dated value, so --horizon cannot count the "
		"years of its plan; give --year",
		"ليس لـ'%1' أي قيمة مؤرخة، فلا يمكن للخيار --horizon حساب "
		"سنوات خطتها؛ حدّد --year",
	},
	[RS_MSG_CLI_WHATIF_PIPELINE] = {
		"whatif scores by the scoring contract; framework \"%1\" "
		"has a pipeline",
		"يطبّق الأمر whatif قواعد احتساب الدرجات؛ والإطار \"%1\" ذو "
		"مسار معالجة",
	},
	[RS_MSG_CLI_TIME_PIPELINE] = {
		"%1 scores the contract's goalposts, not a framework with "
		"a pipeline",
		"يستند الأمر %1 إلى الحدود المرجعية المحددة في قواعد احتساب "
		"الدرجات، لا إلى إطار ذي مسار معالجة",
	},
	[RS_MSG_CLI_NO_YEAR] = {
		"no value of the data has a year: give --from and --to",
		"لا تحمل أي قيمة من قيم البيانات سنةً: حدّد --from و--to",
	},
	[RS_MSG_CLI_SHOCK_NEEDED] = {
		"%1 is needed: the framework has no \"shock\" section",
		"الخيار %1 مطلوب: لا يتضمن الإطار القسم \"shock\"",
	},
	[RS_MSG_CLI_SHOCK_ORDER] = {
		"the years must run --before < --shock < --after, not %1, "
		"%2, %3",
		"يجب أن تتوالى السنوات على النحو --before < --shock < "
		"--after، لا %1، %2، %3",
	},
	[RS_MSG_CLI_SHOCK_REFERENCE] = {
		"the reference '%1' is not a city of the data (give its "
		"city_id or name)",
		"المرجع '%1' ليس مدينةً من مدن البيانات (حدّد city_id "
		"الخاص بها أو اسمها)",
	},
	[RS_MSG_CLI_NEEDS_PIPELINE] = {
		"--%1 needs a framework with a pipeline",
		"يتطلب الخيار --%1 إطارًا ذا مسار معالجة",
	},
	[RS_MSG_CLI_SA_GOALPOSTS] = {
		"\"goalposts\" noise applies to the scoring contract, not "
		"to a framework with a pipeline (vary its normaliser "
		"instead)",
		"ينطبق تشويش \"goalposts\" على قواعد احتساب الدرجات، لا "
		"على إطار ذي مسار معالجة (غيِّر طريقة التطبيع فيه بدلًا من "
		"ذلك)",
	},
	[RS_MSG_CLI_SA_NEEDS_PIPELINE] = {
		"\"%1\" needs a framework with a pipeline; the scoring "
		"contract normalises by goalposts alone",
		"يتطلب \"%1\" إطارًا ذا مسار معالجة؛ إذ لا تُطبِّع قواعد "
		"احتساب الدرجات إلا بالحدود المرجعية",
	},
	[RS_MSG_CLI_SA_EXCLUDE] = {
		"\"exclude_indicators\" needs at least two indicators",
		"يتطلب \"exclude_indicators\" مؤشرين على الأقل",
	},
	[RS_MSG_CLI_SA_RUNS] = {
		"\"runs\" must be at least 2 with \"sobol\" (the base "
		"sample)",
		"يجب ألا يقل \"runs\" عن 2 مع \"sobol\" (العينة الأساسية)",
	},
	[RS_MSG_CLI_SA_RUNS_WORD] = {
		"runs",
		"تكرار",
	},
	[RS_MSG_CLI_IMPORT_CONFLICT] = {
		"%1 %2 %3 is %4 here and %5 in %6, line %7",
		"قيمة %1 %2 %3 هي %4 هنا و%5 في %6، السطر %7",
	},
	[RS_MSG_CLI_IMPORT_KEPT] = {
		"kept %1 %2 from %3, line %4 (%5 had %6)",
		"أُبقي على %1 %2 من %3، السطر %4 (وكانت قيمة %5 هي %6)",
	},
	[RS_MSG_CLI_IMPORT_ADDED] = {
		"added %1 %2 (%3 %4)",
		"أُضيف %1 %2 (%3 %4)",
	},
	[RS_MSG_CLI_IMPORT_SUMMARY] = {
		"%1: added %2 values, kept %3 already there",
		"%1: أُضيفت %2 قيمة، وأُبقي على %3 قيمة موجودة من قبل",
	},
	[RS_MSG_CLI_IMPORT_NO_COLUMN] = {
		"the city file to merge into has no \"%1\" column",
		"لا يتضمن ملف المدينة المراد الدمج فيه العمود \"%1\"",
	},
	[RS_MSG_CLI_CANNOT_WRITE_CITY] = {
		"cannot write the city file",
		"تعذّرت كتابة ملف المدينة",
	},
	[RS_MSG_CLI_GATE_LOST] = {
		"'%1' lost its score (%2 in the baseline; --fail-on-drop)",
		"فقدت '%1' درجتها (%2 في خط الأساس؛ --fail-on-drop)",
	},
	[RS_MSG_CLI_GATE_DROPPED] = {
		"'%1' dropped %2 points, from %3 to %4, more than %5 "
		"(--fail-on-drop)",
		"انخفضت درجة '%1' بمقدار %2 نقطة، من %3 إلى %4، أي بأكثر "
		"من %5 (--fail-on-drop)",
	},
	[RS_MSG_CLI_GATE_VERSION] = {
		"'%1': the baseline was scored on version \"%2\" of the "
		"framework, not \"%3\", so there is no like-for-like "
		"change to check (--fail-on-drop)",
		"'%1': احتُسبت درجات خط الأساس وفق الإصدار \"%2\" من "
		"الإطار لا وفق \"%3\"، فلا يوجد تغيّر قابل للمقارنة يمكن "
		"التحقق منه (--fail-on-drop)",
	},
	[RS_MSG_CLI_GATE_NO_LIKE] = {
		"'%1' has no like-for-like change: on the %2 indicators "
		"both runs have a value for, one side has no score "
		"(--fail-on-drop)",
		"ليس لـ'%1' تغيّر قابل للمقارنة: فعلى المؤشرات الـ%2 التي "
		"لها قيمة في كلا التشغيلين، لا درجة لأحد الطرفين "
		"(--fail-on-drop)",
	},
	[RS_MSG_CLI_GATE_DROPPED_LIKE] = {
		"'%1' dropped %2 points like for like (on the %3 "
		"indicators both runs have a value for; %4 in all), more "
		"than %5 (--fail-on-drop)",
		"انخفضت درجة '%1' بمقدار %2 نقطة على أساس قابل للمقارنة "
		"(على المؤشرات الـ%3 التي لها قيمة في كلا التشغيلين؛ و%4 "
		"إجمالًا)، أي بأكثر من %5 (--fail-on-drop)",
	},
	[RS_MSG_CLI_GATE_NO_CITY] = {
		"no city in the input, which fails --fail-below",
		"لا توجد أي مدينة في المدخلات، وهو ما يُعدّ إخفاقًا في "
		"--fail-below",
	},
	[RS_MSG_CLI_GATE_INDICATIVE] = {
		"'%1' has only an indicative score, which counts as no "
		"score (--fail-below; --allow-indicative takes it)",
		"ليس لـ'%1' سوى درجة استرشادية، وهي تُعدّ بمثابة انعدام "
		"الدرجة (--fail-below؛ ويقبلها الخيار --allow-indicative)",
	},
	[RS_MSG_CLI_GATE_NO_SCORE] = {
		"'%1' has no score, which counts as below %2 (--fail-below)",
		"ليس لـ'%1' درجة، وهو ما يُعدّ دون %2 (--fail-below)",
	},
	[RS_MSG_CLI_GATE_BELOW] = {
		"'%1' scores %2, below %3 (--fail-below)",
		"درجة '%1' هي %2، أي دون %3 (--fail-below)",
	},
	[RS_MSG_CLI_GATE_MISSING] = {
		"'%1' (id '%2') of the baseline is not in the data "
		"(--fail-on-missing)",
		"'%1' (الرمز '%2') الواردة في خط الأساس غير موجودة في "
		"البيانات (--fail-on-missing)",
	},
	[RS_MSG_CLI_CANNOT_WRITE] = {
		"cannot write",
		"تعذّرت الكتابة",
	},
	[RS_MSG_CLI_CANNOT_READ] = {
		"cannot read",
		"تعذّرت القراءة",
	},
	[RS_MSG_CLI_CANNOT_BUFFER] = {
		"cannot buffer the output",
		"تعذّر تخزين المخرجات مؤقتًا",
	},
	[RS_MSG_CLI_CANNOT_MKDIR] = {
		"cannot create a directory",
		"تعذّر إنشاء دليل",
	},
	[RS_MSG_CLI_CANNOT_RESOLVE] = {
		"cannot resolve",
		"تعذّر تحديد المسار",
	},
	[RS_MSG_CLI_PDF_NONE] = {
		"Chromium wrote no PDF",
		"لم يُنتج Chromium ملف PDF",
	},
	[RS_MSG_CLI_PDF_FAILED] = {
		"%1 failed to print the report",
		"أخفق %1 في طباعة التقرير",
	},
	[RS_MSG_CLI_OUT_OF_MEMORY] = {
		"out of memory",
		"نفدت الذاكرة",
	},
	[RS_MSG_CLI_UNEXPECTED] = {
		"unexpected argument '%1'",
		"وسيط غير متوقع '%1'",
	},
	[RS_MSG_CLI_UNKNOWN_SHORT] = {
		"unknown option '-%1'",
		"خيار غير معروف '-%1'",
	},
	[RS_MSG_CLI_VALUE_OR_UNKNOWN] = {
		"option '%1' needs a value or is unknown",
		"الخيار '%1' يحتاج إلى قيمة أو أنه غير معروف",
	},
	[RS_MSG_CLI_NOT_HERE] = {
		"option '--%1' does not apply to %2 (only to %3)",
		"الخيار '--%1' لا ينطبق على %2 (بل على %3 فقط)",
	},
	[RS_MSG_CLI_UNKNOWN_OPTION] = {
		"unknown option or missing value: '%1'",
		"خيار غير معروف أو قيمة ناقصة: '%1'",
	},
	[RS_MSG_CLI_TAKES_NO_VALUE] = {
		"option '--%1' takes no value",
		"الخيار '--%1' لا يأخذ قيمة",
	},
	[RS_MSG_CLI_DID_YOU_MEAN] = {
		"unknown option '%1'; did you mean '--%2'?",
		"خيار غير معروف '%1'؛ هل المقصود '--%2'؟",
	},
	[RS_MSG_CLI_NOT_A_COMMAND] = {
		"'%1' is not a command; see 'resilience --help'",
		"'%1' ليس أمرًا؛ انظر 'resilience --help'",
	},
	[RS_MSG_CLI_NOT_A_COMMAND_NEAR] = {
		"'%1' is not a command; did you mean '%2'?\nsee 'resilience "
		"--help'",
		"'%1' ليس أمرًا؛ هل المقصود '%2'؟\nانظر 'resilience --help'",
	},
	[RS_MSG_CLI_AND] = {" and ", " و"},
	[RS_MSG_DESC_MD_LEVELS] = {"Levels: ", "المستويات: "},
	[RS_MSG_DESC_MD_COVERAGE] = {
		".  An aggregate is scored when children carrying at least %1 "
		"of its weight have a score.",
		".  يُحسب للمؤشر المركّب درجةٌ عندما تكون للعناصر الفرعية التي "
		"تحمل %1 على الأقل من وزنه درجات.",
	},
	[RS_MSG_DESC_MD_HEAD] = {
		"| Id | Name | Weight | Worst | Best | Better | Domain | "
		"Lever | Series | Unit |",
		"| الرمز | الاسم | الوزن | الأسوأ | الأفضل | الاتجاه | النطاق | "
		"الأداة | السلسلة | الوحدة |",
	},
};

void
rs_i18n_expand(const char *tmpl, const char *const *args, size_t n,
    void (*put)(void *ctx, const char *s, size_t len), void *ctx)
{
	const char *p, *lit = tmpl;
	size_t k;

	for (p = tmpl; *p != '\0'; p++) {
		if (p[0] != '%' || p[1] < '1' || p[1] > '9' ||
		    (k = (size_t)(p[1] - '1')) >= n)
			continue;
		put(ctx, lit, (size_t)(p - lit));
		put(ctx, args[k], strlen(args[k]));
		lit = ++p + 1;
	}
	put(ctx, lit, (size_t)(p - lit));
}

static void
put_file(void *ctx, const char *s, size_t len)
{
	fwrite(s, 1, len, ctx);
}

void
rs_i18n_print(FILE *out, const char *tmpl, const char *const *args,
    size_t n)
{
	rs_i18n_expand(tmpl, args, n, put_file, out);
}

struct bufput {
	char *buf;
	size_t size, len;
};

static void
put_buf(void *ctx, const char *s, size_t len)
{
	struct bufput *b = ctx;
	size_t room = b->size - 1 - b->len;

	if (len > room)
		len = room;
	memcpy(b->buf + b->len, s, len);
	b->len += len;
	b->buf[b->len] = '\0';
}

void
rs_i18n_expand_buf(char *buf, size_t size, const char *tmpl,
    const char *const *args, size_t n)
{
	struct bufput b = {buf, size, 0};

	if (size == 0)
		return;
	buf[0] = '\0';
	rs_i18n_expand(tmpl, args, n, put_buf, &b);
}

int
rs_i18n_arabic(const char *lang)
{
	return lang != NULL && strncmp(lang, "ar", 2) == 0 &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

int
rs_i18n_rtl(const char *lang)
{
	static const char *const rtl[] = {"ar", "fa", "he", "ur"};
	size_t i;

	if (lang == NULL)
		return 0;
	for (i = 0; i < sizeof(rtl) / sizeof(rtl[0]); i++)
		if (strncmp(lang, rtl[i], 2) == 0 && (lang[2] == '\0' ||
		    lang[2] == '-' || lang[2] == '_'))
			return 1;
	return 0;
}

const char *
rs_i18n(const char *lang, enum rs_msg msg)
{
	if ((unsigned)msg >= RS_MSG_COUNT)
		return "";
	return msgs[msg][rs_i18n_arabic(lang)];
}
