/*
 * test_sentence.c - the sentence splitter on Arabic news text written for
 * these tests: terminators, numbers, abbreviations, quotations, lists,
 * URLs, and linear behaviour on large inputs.
 */
#include <stdlib.h>

#include "harness.h"
#include "isnad/alloc.h"
#include "isnad/sentence.h"

/* Split text and compare with the expected sentences (NULL-terminated). */
static void expect_split(const char *file, int line, const char *text,
                         const char *const *want)
{
	struct isnad_spans sp;
	size_t n = 0, len = strlen(text);
	isnad_spans_init(&sp);
	if (isnad_sentences(text, len, &sp) != ISNAD_OK) {
		harness_fail(file, line, "isnad_sentences failed");
		isnad_spans_release(&sp);
		return;
	}
	while (want[n])
		n++;
	if (sp.n != n)
		harness_fail(file, line, "%zu sentences, expected %zu", sp.n,
		             n);
	for (size_t i = 0; i < sp.n; i++) {
		const char *p = text + sp.v[i].start;
		size_t l = sp.v[i].end - sp.v[i].start;
		if (i >= n || strlen(want[i]) != l || memcmp(p, want[i], l))
			harness_fail(file, line,
			             "sentence %zu is \"%.*s\"%s%s%s", i,
			             (int)l, p, i < n ? ", expected \"" : "",
			             i < n ? want[i] : "", i < n ? "\"" : "");
	}
	isnad_spans_release(&sp);
}

#define SPLIT(text, ...)                                                       \
	do {                                                                   \
		static const char *const w_[] = {__VA_ARGS__, NULL};           \
		expect_split(__FILE__, __LINE__, (text), w_);                  \
	} while (0)

static size_t count_sentences(const char *s, size_t len)
{
	struct isnad_spans sp;
	size_t n;
	isnad_spans_init(&sp);
	CHECK_INT(isnad_sentences(s, len, &sp), ISNAD_OK);
	n = sp.n;
	isnad_spans_release(&sp);
	return n;
}

TEST(sentence_basic_terminators)
{
	SPLIT("وصل وزير الخارجية إلى عمّان صباح اليوم. وبحث مع نظيره "
	      "الأردني الأوضاع في المنطقة! هل تنجح الوساطة؟ لا أحد يعرف.",
	      "وصل وزير الخارجية إلى عمّان صباح اليوم.",
	      "وبحث مع نظيره الأردني الأوضاع في المنطقة!", "هل تنجح الوساطة؟",
	      "لا أحد يعرف.");
}

TEST(sentence_trim_and_no_empty)
{
	SPLIT("   \n\n  ارتفعت أسعار النفط.   \n \n\n   ",
	      "ارتفعت أسعار النفط.");
	SPLIT("", NULL);
	SPLIT(" \t\n\r\n \xC2\xA0 ", NULL);
	/* A BOM and bidi marks are trimmed too. */
	SPLIT("\xEF\xBB\xBF\xE2\x80\x8Fأعلنت الحكومة خطتها.\xE2\x80\x8F",
	      "أعلنت الحكومة خطتها.");
}

TEST(sentence_numbers_and_dates)
{
	SPLIT("بلغ معدل التضخم 16.22 في المئة خلال الربع الأول. "
	      "وقال البنك إن النمو بلغ ٣٫٥ بالمئة.",
	      "بلغ معدل التضخم 16.22 في المئة خلال الربع الأول.",
	      "وقال البنك إن النمو بلغ ٣٫٥ بالمئة.");
	SPLIT("عقدت الجلسة في 28.5.2014 بحضور الأعضاء. ثم رفعت.",
	      "عقدت الجلسة في 28.5.2014 بحضور الأعضاء.", "ثم رفعت.");
	SPLIT("وانتهى المشروع عام 2014. وبدأ غيره عام ٢٠١٥.",
	      "وانتهى المشروع عام 2014.", "وبدأ غيره عام ٢٠١٥.");
}

TEST(sentence_arabic_abbreviations)
{
	SPLIT("وقال د. محمد العلي إن الاتفاق صامد. وأضاف أ.د. سعيد أن "
	      "المفاوضات مستمرة.",
	      "وقال د. محمد العلي إن الاتفاق صامد.",
	      "وأضاف أ.د. سعيد أن المفاوضات مستمرة.");
	SPLIT("بني المعبد في القرن الثالث ق.م. وما زال قائما.",
	      "بني المعبد في القرن الثالث ق.م. وما زال قائما.");
	SPLIT("ولد الشاعر عام 1950 م. وتوفي في القاهرة.",
	      "ولد الشاعر عام 1950 م.", "وتوفي في القاهرة.");
}

TEST(sentence_latin_abbreviations)
{
	SPLIT("والتقى Mr. Smith بالسفير في U.S. Embassy أمس. "
	      "وحضر Dr. Jones أيضا.",
	      "والتقى Mr. Smith بالسفير في U.S. Embassy أمس.",
	      "وحضر Dr. Jones أيضا.");
	SPLIT("The talks, e.g. on trade, went on. Nothing was agreed.",
	      "The talks, e.g. on trade, went on.", "Nothing was agreed.");
}

TEST(sentence_guillemets)
{
	SPLIT("وقال المتحدث: «لن نتراجع. سنواصل العمل.» وغادر القاعة. "
	      "ثم عاد.",
	      "وقال المتحدث: «لن نتراجع. سنواصل العمل.»", "وغادر القاعة.",
	      "ثم عاد.");
	SPLIT("ووصف الوزير الخطة بأنها «خطوة أولى. لا أكثر» في حديث للصحفيين.",
	      "ووصف الوزير الخطة بأنها «خطوة أولى. لا أكثر» في حديث "
	      "للصحفيين.");
}

TEST(sentence_curly_and_straight_quotes)
{
	SPLIT("وكتب على حسابه “المعركة طويلة. لكننا سننتصر” ثم حذف التغريدة.",
	      "وكتب على حسابه “المعركة طويلة. لكننا سننتصر” ثم حذف "
	      "التغريدة.");
	SPLIT("وقال \"الوضع هادئ. لا إصابات\" بحسب الوكالة. وانتهى البيان.",
	      "وقال \"الوضع هادئ. لا إصابات\" بحسب الوكالة.", "وانتهى البيان.");
}

TEST(sentence_unclosed_quote)
{
	/* The quotation never closes: splitting goes on as usual. */
	SPLIT("وقال «سنرد بقوة. ونحن جاهزون. والأيام بيننا.",
	      "وقال «سنرد بقوة.", "ونحن جاهزون.", "والأيام بيننا.");
	/* A straight mark left open is no opener of the text up to the
	 * next quotation's opening mark. */
	SPLIT("وقالت \"الوزيرة تحاول التدخل. وكتبت \"يسرائيل هيوم\" ان "
	      "الرئيس زار المكان. وقالت مصادر إن الوضع هادئ.",
	      "وقالت \"الوزيرة تحاول التدخل.",
	      "وكتبت \"يسرائيل هيوم\" ان الرئيس زار المكان.",
	      "وقالت مصادر إن الوضع هادئ.");
	/* A quotation does not bridge paragraphs. */
	SPLIT("قال «أولا. ثانيا\n\nوبعد ذلك.» انتهى.", "قال «أولا.", "ثانيا",
	      "وبعد ذلك.»", "انتهى.");
}

TEST(sentence_quote_too_long)
{
	/* Past QUOTE_MAX bytes an opener protects nothing. */
	size_t n = 3000, k = 0;
	char *buf = malloc(n + 64);
	memcpy(buf, "\xC2\xAB", 2);
	k = 2;
	while (k + 20 < n) {
		memcpy(buf + k, "\xD9\x86\xD8\xB5. ", 6); /* نص. */
		k += 6;
	}
	memcpy(buf + k, "\xC2\xBB", 2);
	k += 2;
	CHECK(count_sentences(buf, k) > 400);
	free(buf);
}

TEST(sentence_ellipsis)
{
	SPLIT("وانتظر الجميع... ثم جاء الخبر.", "وانتظر الجميع...",
	      "ثم جاء الخبر.");
	SPLIT("وانتظر الجميع… ثم جاء الخبر.", "وانتظر الجميع…",
	      "ثم جاء الخبر.");
	/* Glued to the next word, or followed by lower case: not a break. */
	SPLIT("وهكذا...استمر الحصار.", "وهكذا...استمر الحصار.");
	SPLIT("He paused... and then left.", "He paused... and then left.");
	/* Set off by spaces: an elision inside a quoted sentence. */
	SPLIT("وقال إن الحكومة ... ستتخذ الإجراءات اللازمة.",
	      "وقال إن الحكومة ... ستتخذ الإجراءات اللازمة.");
}

TEST(sentence_grouped_terminators)
{
	SPLIT("هل هذا معقول؟! لا يصدق!!! لكنه حدث.", "هل هذا معقول؟!",
	      "لا يصدق!!!", "لكنه حدث.");
	SPLIT("ماذا بعد؟...  لا جواب.", "ماذا بعد؟...", "لا جواب.");
}

TEST(sentence_closer_after_terminator)
{
	SPLIT("(وهذا ما أكده البيان.) ثم انفض الاجتماع.",
	      "(وهذا ما أكده البيان.)", "ثم انفض الاجتماع.");
	/* An unbalanced quote mark after the stop stays with the sentence. */
	SPLIT("وختم بقوله: لن نستسلم.» وصفق الحضور.", "وختم بقوله: لن نستسلم.»",
	      "وصفق الحضور.");
}

TEST(sentence_line_breaks)
{
	SPLIT("عاجل: انفجار في ميناء المدينة\nقتل ثلاثة أشخاص وأصيب عشرة "
	      "آخرون\r\nوفتحت الشرطة تحقيقا",
	      "عاجل: انفجار في ميناء المدينة",
	      "قتل ثلاثة أشخاص وأصيب عشرة آخرون", "وفتحت الشرطة تحقيقا");
}

TEST(sentence_numbered_lists)
{
	SPLIT("وتضمن الاتفاق ما يلي:\n1. وقف إطلاق النار.\n2. تبادل "
	      "الأسرى.\n3- فتح المعابر\n(4) إعادة الإعمار.\n٥) عودة "
	      "النازحين.",
	      "وتضمن الاتفاق ما يلي:", "1. وقف إطلاق النار.",
	      "2. تبادل الأسرى.", "3- فتح المعابر", "(4) إعادة الإعمار.",
	      "٥) عودة النازحين.");
	SPLIT("أولاً: تشكيل لجنة. ثانياً - تحديد موعد.\nثالثا: النشر.",
	      "أولاً: تشكيل لجنة.", "ثانياً - تحديد موعد.", "ثالثا: النشر.");
}

TEST(sentence_urls)
{
	SPLIT("ونشرت الوزارة التقرير على www.example.gov.sa/reports/a.pdf "
	      "اليوم. وللمزيد انظر https://news.example.com/a?id=5.",
	      "ونشرت الوزارة التقرير على www.example.gov.sa/reports/a.pdf "
	      "اليوم.",
	      "وللمزيد انظر https://news.example.com/a?id=5.");
}

TEST(sentence_missing_space)
{
	/* Writers sometimes drop the space after a full stop. */
	SPLIT("انتهى الاجتماع.وقال المتحدث إن النتائج جيدة؟وأكد ذلك.",
	      "انتهى الاجتماع.", "وقال المتحدث إن النتائج جيدة؟", "وأكد ذلك.");
}

TEST(sentence_appends_and_offsets)
{
	const char *t = "الجملة الأولى. الجملة الثانية.";
	struct isnad_spans sp;
	isnad_spans_init(&sp);
	CHECK_INT(isnad_sentences(t, strlen(t), &sp), ISNAD_OK);
	CHECK_INT(sp.n, 2);
	CHECK_INT(isnad_sentences(t, strlen(t), &sp), ISNAD_OK);
	CHECK_INT(sp.n, 4);
	if (sp.n == 4) {
		CHECK_INT(sp.v[0].start, 0);
		CHECK_INT(sp.v[2].start, sp.v[0].start);
		CHECK_INT(sp.v[3].end, strlen(t));
		CHECK_MEM(t + sp.v[1].start, sp.v[1].end - sp.v[1].start,
		          "الجملة الثانية.");
	}
	isnad_spans_release(&sp);
	CHECK(sp.v == NULL && sp.n == 0);
	/* Length, not NUL, bounds the input. */
	isnad_spans_init(&sp);
	CHECK_INT(isnad_sentences(t, 26, &sp), ISNAD_OK);
	CHECK_INT(sp.n, 1);
	if (sp.n == 1)
		CHECK_INT(sp.v[0].end, 26);
	isnad_spans_release(&sp);
}

TEST(sentence_out_of_memory)
{
	/* Enough sentences to need a second allocation. */
	char buf[64 * 20];
	size_t k = 0;
	struct isnad_spans sp;
	for (int i = 0; i < 40; i++) {
		memcpy(buf + k, "\xD9\x86\xD8\xB9\xD9\x85. ", 7); /* نعم. */
		k += 7;
	}
	for (int f = 0; f < 2; f++) {
		isnad_spans_init(&sp);
		harness_fail_allocs_after(f);
		CHECK_INT(isnad_sentences(buf, k, &sp), ISNAD_ENOMEM);
		harness_fail_allocs_after(-1);
		CHECK_INT(sp.n, 0);
		isnad_spans_release(&sp);
	}
	isnad_spans_init(&sp);
	CHECK_INT(isnad_sentences(buf, k, &sp), ISNAD_OK);
	CHECK_INT(sp.n, 40);
	isnad_spans_release(&sp);
}

/* 1 MB inputs: counts prove every sentence was seen, and the pathological
 * ones (unclosed quotes, one huge line) finish under the test timeout only
 * if the pass is linear. */
TEST(sentence_large_inputs)
{
	static const char unit[] = "أعلنت الوزارة نتائج الامتحانات. ";
	const size_t per = sizeof unit - 1, total = 1u << 20;
	size_t n = total / per, k;
	char *buf = malloc(total + 8);

	for (k = 0; k < n; k++)
		memcpy(buf + k * per, unit, per);
	CHECK_INT(count_sentences(buf, n * per), n);

	/* One line of words without a terminator. */
	for (k = 0; k + 2 <= total; k += 2)
		memcpy(buf + k, k % 10 == 8 ? "  " : "\xD8\xA8", 2);
	CHECK_INT(count_sentences(buf, k), 1);

	/* Openers that never close, each followed by a sentence. */
	{
		static const char q[] = "\xC2\xAB"
		                        "لا. ";
		size_t ql = sizeof q - 1;
		n = total / ql;
		for (k = 0; k < n; k++)
			memcpy(buf + k * ql, q, ql);
		CHECK_INT(count_sentences(buf, n * ql), n);
	}

	/* Straight quotes pair up: every other one opens. */
	for (k = 0; k + 9 <= total; k += 9)
		memcpy(buf + k, "\"\xD9\x86\xD8\xB9\xD9\x85. ", 9);
	CHECK(count_sentences(buf, k) >= k / 18);
	free(buf);
}
