/*
 * test_number.c - number finding and parsing on Arabic news sentences
 * written for these tests: digits in three scripts, separators, number
 * words and their spelling variants, clitics, compounds, scale words,
 * approximators, non-numbers, and linear behaviour on large inputs.
 */
#include <math.h>
#include <stdlib.h>

#include "harness.h"
#include "isnad/alloc.h"
#include "isnad/number.h"

struct want {
	const char *text; /* exact span text */
	double value;
	unsigned flags;
};

#define ANY_FLAGS 0xFFFFu

static void expect_numbers(const char *file, int line, const char *s,
                           const struct want *w, size_t nw)
{
	struct isnad_numbers nums;
	isnad_numbers_init(&nums);
	if (isnad_numbers_find(s, strlen(s), &nums) != ISNAD_OK) {
		harness_fail(file, line, "isnad_numbers_find failed");
		return;
	}
	if (nums.n != nw)
		harness_fail(file, line, "%zu numbers, expected %zu", nums.n,
		             nw);
	for (size_t i = 0; i < nums.n; i++) {
		const struct isnad_number *x = &nums.v[i];
		int l = (int)(x->end - x->start);
		if (i >= nw) {
			harness_fail(file, line, "extra number \"%.*s\" = %g",
			             l, s + x->start, x->value);
			continue;
		}
		if (strlen(w[i].text) != (size_t)l ||
		    memcmp(s + x->start, w[i].text, (size_t)l) != 0)
			harness_fail(file, line,
			             "number %zu is \"%.*s\", "
			             "expected \"%s\"",
			             i, l, s + x->start, w[i].text);
		if (fabs(x->value - w[i].value) > 1e-9 * fabs(w[i].value))
			harness_fail(file, line,
			             "number %zu \"%.*s\" = %.10g, "
			             "expected %.10g",
			             i, l, s + x->start, x->value, w[i].value);
		if (w[i].flags != ANY_FLAGS && x->flags != w[i].flags)
			harness_fail(file, line,
			             "number %zu flags %u, "
			             "expected %u",
			             i, x->flags, w[i].flags);
	}
	isnad_numbers_release(&nums);
}

#define NUMS(text, ...)                                                        \
	do {                                                                   \
		static const struct want w_[] = {__VA_ARGS__};                 \
		expect_numbers(__FILE__, __LINE__, (text), w_,                 \
		               sizeof w_ / sizeof w_[0]);                      \
	} while (0)

#define NONE(text) expect_numbers(__FILE__, __LINE__, (text), NULL, 0)

enum { WD = ISNAD_NUM_WORDS, DEC = ISNAD_NUM_DECIMAL, APX = ISNAD_NUM_APPROX };

TEST(number_plain_digits)
{
	NUMS("تأسست الشركة عام 2014.", {"2014", 2014, 0});
	NUMS("وأصيب ١٢ شخصا و۷ جنود في الهجوم.", {"١٢", 12, 0}, {"۷", 7, 0});
	NUMS("فاز الفريق 3-1 في المباراة.", {"3", 3, 0}, {"1", 1, 0});
	NUMS("ارتفع المؤشر 50% أمس.", {"50", 50, 0});
}

TEST(number_grouping)
{
	NUMS("وبلغ عدد الزوار 1,000,000 زائر.", {"1,000,000", 1000000, 0});
	NUMS("وبلغت الميزانية ٢٬٥٠٠ دينار.", {"٢٬٥٠٠", 2500, 0});
	/* Not groups of three: a list. */
	NUMS("الفصول 1,2 و3.", {"1", 1, 0}, {"2", 2, 0}, {"3", 3, 0});
}

TEST(number_decimals)
{
	NUMS("بلغ معدل التضخم 16.22 في المئة.", {"16.22", 16.22, DEC});
	NUMS("نما الاقتصاد ٣٫٥ بالمئة.", {"٣٫٥", 3.5, DEC});
	NUMS("سجلت الحرارة ۴۲.۵ درجة.", {"۴۲.۵", 42.5, DEC});
	/* A full stop after a number is not a decimal point. */
	NUMS("وقع الزلزال عام 2014. وقتل 300 شخص.", {"2014", 2014, 0},
	     {"300", 300, 0});
}

TEST(number_dotted_dates)
{
	NUMS("عقدت الجلسة في 28.5.2014 بحضور الأعضاء.", {"28", 28, 0},
	     {"5", 5, 0}, {"2014", 2014, 0});
	NUMS("الموعد 10/3/2020.", {"10", 10, 0}, {"3", 3, 0},
	     {"2020", 2020, 0});
}

TEST(number_digits_with_scale_words)
{
	NUMS("تبرع بمبلغ 22 ألف دولار.", {"22 ألف", 22000, WD});
	NUMS("نزح 5 ملايين شخص.", {"5 ملايين", 5000000, WD});
	NUMS("بلغ العجز 1.5 مليار ريال.", {"1.5 مليار", 1.5e9, WD | DEC});
	NUMS("خصصت ٣ مليارات درهم.", {"٣ مليارات", 3e9, WD});
	/* و before the scale word is not a multiplier. */
	NUMS("سجل 20 وآلاف آخرون.", {"20", 20, 0});
}

TEST(number_words_units_and_tens)
{
	NUMS("قتل ثلاثة وعشرون شخصا.", {"ثلاثة وعشرون", 23, WD});
	NUMS("اعتقل واحد وعشرين متهما.", {"واحد وعشرين", 21, WD});
	NUMS("أصيب خمسة أشخاص.", {"خمسة", 5, WD});
	NUMS("مضى خمسون عاما.", {"خمسون", 50, WD});
	NUMS("وصل ثلاثة عشر لاعبا.", {"ثلاثة عشر", 13, WD});
	NUMS("وصل أحد عشر لاعبا وإحدى عشرة لاعبة.", {"أحد عشر", 11, WD},
	     {"إحدى عشرة", 11, WD});
}

TEST(number_words_hundreds)
{
	NUMS("أفرج عن مئتين من المعتقلين.", {"مئتين", 200, WD});
	NUMS("وصل ثلاثمائة حاج.", {"ثلاثمائة", 300, WD});
	NUMS("وصل ثلاث مئة حاج.", {"ثلاث مئة", 300, WD});
	NUMS("بنيت خمسمئة وحدة سكنية.", {"خمسمئة", 500, WD});
	NUMS("تضم مائة وخمسة وعشرين عضوا.", {"مائة وخمسة وعشرين", 125, WD});
	NUMS("تضم مئة وثلاثة عشر عضوا.", {"مئة وثلاثة عشر", 113, WD});
}

TEST(number_words_thousands_and_millions)
{
	NUMS("شارك خمسة آلاف متظاهر.", {"خمسة آلاف", 5000, WD});
	NUMS("شارك ألفين متظاهر.", {"ألفين", 2000, WD});
	NUMS("انضم ألف متطوع.", {"ألف", 1000, WD});
	NUMS("استقبلت عشرة آلاف لاجئ.", {"عشرة آلاف", 10000, WD});
	NUMS("بلغت الكلفة مليون دولار.", {"مليون", 1e6, WD});
	NUMS("بلغ العدد خمسة وعشرين ألفا.", {"خمسة وعشرين ألفا", 25000, WD});
	NUMS("في عام ألف وتسعمائة وثمانية وأربعين.",
	     {"ألف وتسعمائة وثمانية وأربعين", 1948, WD});
	NUMS("عاد مئة ألف نازح.", {"مئة ألف", 100000, WD});
}

TEST(number_compounds_with_scale)
{
	NUMS("يعيش فيها مليون ونصف نسمة.", {"مليون ونصف", 1.5e6, WD});
	NUMS("يعيش فيها مليون و500 ألف نسمة.", {"مليون و500 ألف", 1.5e6, WD});
	NUMS("يعيش فيها 2 مليون ونصف نسمة.", {"2 مليون ونصف", 2.5e6, WD});
	NUMS("خصص نصف مليون دولار.", {"نصف مليون", 5e5, WD});
	/* A larger part after و is a new number. */
	NUMS("بين ألف و2000 شخص.", {"ألف", 1000, WD}, {"2000", 2000, 0});
}

TEST(number_no_join_for_lists)
{
	NUMS("تراوح العدد بين 10 و20 قتيلا.", {"10", 10, 0}, {"20", 20, 0});
	NUMS("سجلت 3 و4 إصابات.", {"3", 3, 0}, {"4", 4, 0});
	NUMS("وصل ثلاثة وأربعة.", {"ثلاثة", 3, WD}, {"أربعة", 4, WD});
}

TEST(number_spelling_variants)
{
	/* No hamza, tanween, tatweel, alef maqsura, ta marbuta as ha. */
	NUMS("قتل اربعة جنود.", {"اربعة", 4, WD});
	NUMS("قتل أربعةٌ جنود.", {"أربعةٌ", 4, WD});
	NUMS("قتل ثلاثـــة جنود.", {"ثلاثـــة", 3, WD});
	NUMS("وصل احدى عشره لاعبة.", {"احدى عشره", 11, WD});
	NUMS("قتل خمسه جنود.", {"خمسه", 5, WD});
	NUMS("استقبلت اثنين من الوزراء وإثنين من النواب.", {"اثنين", 2, WD},
	     {"إثنين", 2, WD});
	NUMS("بلغ العدد عشرين ألفاً.", {"عشرين ألفاً", 20000, WD});
	NUMS("عاد مائتا ألف نازح.", {"مائتا ألف", 200000, WD});
}

TEST(number_proclitics)
{
	/* The span leaves out the attached و ب ل ف. */
	NUMS("قدر الخسائر بخمسة ملايين دولار.", {"خمسة ملايين", 5e6, WD});
	NUMS("وصل ثلاثة وخمسون جنديا لستة أشهر.", {"ثلاثة وخمسون", 53, WD},
	     {"ستة", 6, WD});
	NUMS("قتل شخص واحد.", {"واحد", 1, WD});
	/* لست is "(you) are not". */
	NONE("لست أدري ما حدث.");
	NUMS("ارتفع العدد إلى 45 وخمسة منهم أطفال.", {"45", 45, 0},
	     {"خمسة", 5, WD});
}

TEST(number_approximators)
{
	NUMS("قتل حوالى 40 شخصا.", {"حوالى 40", 40, APX});
	NUMS("قتل حوالي أربعين شخصا.", {"حوالي أربعين", 40, APX | WD});
	NUMS("شارك أكثر من 100 ألف شخص.",
	     {"أكثر من 100 ألف", 1e5, APX | ISNAD_NUM_MORE | WD});
	NUMS("سجل أقل من عشرة.",
	     {"أقل من عشرة", 10, APX | ISNAD_NUM_LESS | WD});
	NUMS("نزح نحو خمسين ألف شخص.", {"نحو خمسين ألف", 50000, APX | WD});
	NUMS("شارك ما يقارب 300 شخص.", {"ما يقارب 300", 300, APX});
	NUMS("بلغت الخسائر ما لا يقل عن 7 مليارات.",
	     {"ما لا يقل عن 7 مليارات", 7e9, APX | ISNAD_NUM_MORE | WD});
	NUMS("قدرت بنحو ٢٠٠ مليون.", {"نحو ٢٠٠ مليون", 2e8, APX | WD});
	/* نحو without a number is "towards". */
	NONE("توجه الوفد نحو العاصمة.");
}

TEST(number_non_numbers)
{
	NONE("نزح عشرات الآلاف من السكان.");
	NONE("شارك آلاف المتظاهرين ومئات الناشطين.");
	NONE("قال أحد المسؤولين إن الوضع هادئ.");
	NONE("فازت في المرحلة الثالثة والأخيرة.");
	NONE("نشرت نصف الصفحة الأولى.");
	NONE("سيارة F16 وCOVID19.");
}

TEST(number_parse_direct)
{
	struct isnad_number x;
	const char *t = "خمسة آلاف متظاهر";
	size_t n = isnad_number_parse(t, strlen(t), &x);
	CHECK_INT(n, strlen("خمسة آلاف"));
	CHECK_INT(x.start, 0);
	CHECK_INT(x.end, n);
	CHECK(x.value == 5000);
	CHECK_INT(isnad_number_parse("متظاهر", strlen("متظاهر"), &x), 0);
	CHECK_INT(isnad_number_parse(" 5", 2, &x), 0);
	CHECK_INT(isnad_number_parse("", 0, &x), 0);
	/* Length bounds the input: "12" of "123". */
	CHECK_INT(isnad_number_parse("123", 2, &x), 2);
	CHECK(x.value == 12);
	/* A clitic is stripped from the span. */
	t = "وخمسة";
	CHECK_INT(isnad_number_parse(t, strlen(t), &x), strlen(t));
	CHECK_INT(x.start, 2);
}

TEST(number_huge_values_stay_finite)
{
	char buf[2000];
	struct isnad_numbers nums;
	memset(buf, '9', sizeof buf - 20);
	memcpy(buf + sizeof buf - 20,
	       " \xD8\xAA\xD8\xB1\xD9\x8A\xD9\x84"
	       "\xD9\x8A\xD9\x88\xD9\x86",
	       15); /* تريليون */
	isnad_numbers_init(&nums);
	CHECK_INT(isnad_numbers_find(buf, sizeof buf - 5, &nums), ISNAD_OK);
	CHECK_INT(nums.n, 1);
	if (nums.n == 1) {
		CHECK(isfinite(nums.v[0].value));
		CHECK(nums.v[0].value > 1e200);
	}
	isnad_numbers_release(&nums);
}

TEST(number_out_of_memory)
{
	char buf[40 * 3];
	struct isnad_numbers nums;
	for (int i = 0; i < 40; i++)
		memcpy(buf + 3 * i, "12 ", 3);
	for (int f = 0; f < 2; f++) {
		isnad_numbers_init(&nums);
		harness_fail_allocs_after(f);
		CHECK_INT(isnad_numbers_find(buf, sizeof buf, &nums),
		          ISNAD_ENOMEM);
		harness_fail_allocs_after(-1);
		CHECK_INT(nums.n, 0);
		isnad_numbers_release(&nums);
	}
	isnad_numbers_init(&nums);
	CHECK_INT(isnad_numbers_find(buf, sizeof buf, &nums), ISNAD_OK);
	CHECK_INT(nums.n, 40);
	isnad_numbers_release(&nums);
}

static size_t count_numbers(const char *s, size_t len)
{
	struct isnad_numbers nums;
	size_t n;
	isnad_numbers_init(&nums);
	CHECK_INT(isnad_numbers_find(s, len, &nums), ISNAD_OK);
	for (size_t i = 1; i < nums.n; i++)
		CHECK(nums.v[i].start >= nums.v[i - 1].end);
	n = nums.n;
	isnad_numbers_release(&nums);
	return n;
}

/* 1 MB inputs: a count for each repeated unit, and the degenerate ones
 * (one huge word, one huge digit string, approximators with no number)
 * finish only if the search is linear. */
TEST(number_large_inputs)
{
	static const char unit[] = "قتل 25 شخصا وخمسة آلاف جريح و";
	const size_t per = sizeof unit - 1, total = 1u << 20;
	size_t n = total / per, k;
	char *buf = malloc(total + 8);

	for (k = 0; k < n; k++)
		memcpy(buf + k * per, unit, per);
	CHECK_INT(count_numbers(buf, n * per), 2 * n);

	for (k = 0; k + 2 <= total; k += 2)
		memcpy(buf + k, "\xD8\xB3", 2); /* سسسس... */
	CHECK_INT(count_numbers(buf, k), 0);

	memset(buf, '7', total);
	CHECK_INT(count_numbers(buf, total), 1);

	{
		static const char a[] = "أكثر من ";
		size_t al = sizeof a - 1;
		n = total / al;
		for (k = 0; k < n; k++)
			memcpy(buf + k * al, a, al);
		CHECK_INT(count_numbers(buf, n * al), 0);
	}
	free(buf);
}

/* Every word of the built-in table, in its usual spelling, is found (the
 * lookup is a binary search: this also guards the table's order). */
TEST(number_every_table_word)
{
	static const struct {
		const char *w;
		double v;
	} all[] = {
	    {"واحد", 1},
	    {"واحدة", 1},
	    {"اثنان", 2},
	    {"اثنين", 2},
	    {"اثنتان", 2},
	    {"اثنتين", 2},
	    {"ثلاث", 3},
	    {"ثلاثة", 3},
	    {"أربع", 4},
	    {"أربعة", 4},
	    {"خمس", 5},
	    {"خمسة", 5},
	    {"ست", 6},
	    {"ستة", 6},
	    {"سبع", 7},
	    {"سبعة", 7},
	    {"ثمان", 8},
	    {"ثماني", 8},
	    {"ثمانية", 8},
	    {"تسع", 9},
	    {"تسعة", 9},
	    {"عشر", 10},
	    {"عشرة", 10},
	    {"عشرون", 20},
	    {"عشرين", 20},
	    {"ثلاثون", 30},
	    {"ثلاثين", 30},
	    {"أربعون", 40},
	    {"أربعين", 40},
	    {"خمسون", 50},
	    {"خمسين", 50},
	    {"ستون", 60},
	    {"ستين", 60},
	    {"سبعون", 70},
	    {"سبعين", 70},
	    {"ثمانون", 80},
	    {"ثمانين", 80},
	    {"تسعون", 90},
	    {"تسعين", 90},
	    {"مئة", 100},
	    {"مائة", 100},
	    {"مئتان", 200},
	    {"مئتين", 200},
	    {"مائتان", 200},
	    {"مائتين", 200},
	    {"أربعمائة", 400},
	    {"ستمئة", 600},
	    {"سبعمائة", 700},
	    {"ثمانمئة", 800},
	    {"تسعمائة", 900},
	    {"ألف", 1e3},
	    {"ألفا", 1e3},
	    {"ألفان", 2e3},
	    {"ألفين", 2e3},
	    {"مليون", 1e6},
	    {"مليونا", 1e6},
	    {"مليونان", 2e6},
	    {"مليونين", 2e6},
	    {"مليار", 1e9},
	    {"مليارا", 1e9},
	    {"ملياران", 2e9},
	    {"مليارين", 2e9},
	    {"بليون", 1e9},
	    {"بليونين", 2e9},
	    {"تريليون", 1e12},
	    {"تريليونين", 2e12},
	    {"ثلاثة آلاف", 3e3},
	    {"أربعة ألوف", 4e3},
	    {"ستة ملايين", 6e6},
	    {"سبعة مليارات", 7e9},
	    {"ثمانية بلايين", 8e9},
	    {"تسعة تريليونات", 9e12},
	    {"اثنا عشر", 12},
	    {"اثنتا عشرة", 12},
	    {"اثني عشر", 12},
	    {"اثنتي عشرة", 12},
	    {"أحد عشر", 11},
	    {"إحدى عشرة", 11},
	    {"نصف مليار", 5e8},
	    {"ربع مليون", 2.5e5},
	};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		struct isnad_number x;
		size_t n = strlen(all[i].w);
		if (isnad_number_parse(all[i].w, n, &x) != n ||
		    x.value != all[i].v)
			harness_fail(__FILE__, __LINE__,
			             "\"%s\" = %g, expected %g", all[i].w,
			             x.value, all[i].v);
	}
}
