/*
 * test_values.c - dates, money and quantities with their values.
 */
#include <stdlib.h>

#include "harness.h"
#include "isnad/isnad.h"
#include "isnad/values.h"

/* The values of s as "TYPE[text]=value; ..." */
static const char *vals(const char *s, const char *doc_date)
{
	static char out[4096];
	struct isnad_values v;
	size_t o = 0;
	static const char *const type[] = {"DATE", "MONEY", "QUANTITY"};
	out[0] = '\0';
	isnad_values_init(&v);
	if (isnad_values_find(s, strlen(s), doc_date, &v) != ISNAD_OK)
		return "(error)";
	for (size_t i = 0; i < v.n && o < sizeof out - 200; i++) {
		const struct isnad_value *x = &v.v[i];
		o += (size_t)snprintf(
		    out + o, sizeof out - o, "%s%s[%.*s]=", i ? "; " : "",
		    type[x->type], (int)(x->end - x->start), s + x->start);
		if (x->type == ISNAD_VAL_DATE)
			o += (size_t)snprintf(out + o, sizeof out - o, "%s",
			                      x->timex);
		else if (x->type == ISNAD_VAL_MONEY)
			o += (size_t)snprintf(out + o, sizeof out - o,
			                      "%.15g %s", x->amount,
			                      x->currency);
		else
			o += (size_t)snprintf(out + o, sizeof out - o, "%.15g",
			                      x->amount);
	}
	isnad_values_release(&v);
	return out;
}

TEST(values_gregorian_months_in_every_regional_set)
{
	CHECK_STR(vals("اجتماع في 28 مايو/أيار 2014", NULL),
	          "DATE[28 مايو/أيار 2014]=2014-05-28");
	CHECK_STR(vals("في 5 كانون الثاني 2015", NULL),
	          "DATE[5 كانون الثاني 2015]=2015-01-05");
	CHECK_STR(vals("يوم 3 جانفي 2016", NULL),
	          "DATE[3 جانفي 2016]=2016-01-03");
	CHECK_STR(vals("منذ مارس 2014", NULL), "DATE[مارس 2014]=2014-03");
	CHECK_STR(vals("في الثاني من يناير 2015", NULL),
	          "DATE[الثاني من يناير 2015]=2015-01-02");
	CHECK_STR(vals("و15 ديسمبر", NULL), "DATE[15 ديسمبر]=XXXX-12-15");
	/* a bare month name is not a date (مايو could be a name) */
	CHECK_STR(vals("قال مايو إن", NULL), "");
}

TEST(values_hijri_seasons_numeric_and_relative)
{
	/* 15 Ramadan 1436 is 2 July 2015 (tabular calendar) */
	CHECK_STR(vals("في 15 رمضان 1436", NULL),
	          "DATE[15 رمضان 1436]=2015-07-02");
	CHECK_STR(vals("رجب طيب أردوغان", NULL), "");
	CHECK_STR(vals("في ربيع 2014", NULL), "DATE[ربيع 2014]=2014-SP");
	CHECK_STR(vals("في ربيع عام 2014", NULL),
	          "DATE[ربيع عام 2014]=2014-SP");
	CHECK_STR(vals("بتاريخ 12/03/2015", NULL),
	          "DATE[12/03/2015]=2015-03-12");
	CHECK_STR(vals("عام 2013", NULL), "DATE[عام 2013]=2013");
	/* era marks, attached or not, and numeric Hijri dates: a Hijri
	 * year is the Gregorian year of its middle */
	CHECK_STR(vals("في 15 رمضان 1436هـ", NULL),
	          "DATE[15 رمضان 1436هـ]=2015-07-02");
	CHECK_STR(vals("من 15/ 9/ 1436 هـ إلى 1436/9/20هـ", NULL),
	          "DATE[15/ 9/ 1436 هـ]=2015-07-02; "
	          "DATE[1436/9/20هـ]=2015-07-07");
	CHECK_STR(vals("عام 1436 هجري", NULL), "DATE[عام 1436 هجري]=2015");
	CHECK_STR(vals("ولد عام 1948م وتوفي 1402هـ", NULL),
	          "DATE[عام 1948م]=1948; DATE[1402هـ]=1982");
	CHECK_STR(vals("في 15 مايو 2015م", NULL),
	          "DATE[15 مايو 2015م]=2015-05-15");
	CHECK_STR(vals("بني عام 1534", NULL), "DATE[عام 1534]=1534");
	/* a Gregorian month takes no Hijri year */
	CHECK_STR(vals("في 15 مايو 1436هـ", NULL),
	          "DATE[15 مايو]=XXXX-05-15; DATE[1436هـ]=2015");
	CHECK_STR(vals("الشهر الماضي", "2015-07-21"),
	          "DATE[الشهر الماضي]=2015-06");
	CHECK_STR(vals("الشهر الماضي", NULL), "DATE[الشهر الماضي]=");
	/* 2015-07-21 was a Tuesday: the last Monday is the 20th */
	CHECK_STR(vals("يوم الاثنين", "2015-07-21"),
	          "DATE[يوم الاثنين]=2015-07-20");
	CHECK_STR(vals("وأمس", "2015-07-21"), "DATE[أمس]=2015-07-20");
}

TEST(values_money_and_quantities)
{
	CHECK_STR(vals("نحو 100 مليون دولار", NULL),
	          "MONEY[نحو 100 مليون دولار]=100000000 USD");
	CHECK_STR(vals("دفع 300 ليرة تركية", NULL),
	          "MONEY[300 ليرة تركية]=300 TRY");
	CHECK_STR(vals("بـ 3 ملايين دينار كويتي", NULL),
	          "MONEY[3 ملايين دينار كويتي]=3000000 KWD");
	CHECK_STR(vals("1.5 مليار يورو", NULL),
	          "MONEY[1.5 مليار يورو]=1500000000 EUR");
	/* 11..99 take the accusative singular, tanween and its alef */
	CHECK_STR(vals("بسعر 137 دولارًا قبل", NULL),
	          "MONEY[137 دولارًا]=137 USD");
	CHECK_STR(vals("و30 ريالا", NULL), "MONEY[30 ريالا]=30 SAR");
	CHECK_STR(vals("قطع 40 كيلومترا", NULL), "QUANTITY[40 كيلومترا]=40");
	CHECK_STR(vals("لحوالى 40 جندى", NULL), "QUANTITY[حوالى 40 جندى]=40");
	CHECK_STR(vals("22 ألف ملف", NULL), "QUANTITY[22 ألف ملف]=22000");
	CHECK_STR(vals("أربعة أشخاص", NULL), "QUANTITY[أربعة أشخاص]=4");
	CHECK_STR(vals("أن 4 من أمراء التنظيم", NULL),
	          "QUANTITY[4 من أمراء]=4");
	/* shares: a sign, or بالمائة (مائة has its hamza on ya) */
	CHECK_STR(vals("ارتفع بنسبة 70 بالمائة للسياحة", NULL),
	          "QUANTITY[70 بالمائة]=70");
	CHECK_STR(vals("من 13% الى 23% بالنسبة للمنتج", NULL),
	          "QUANTITY[13%]=13; QUANTITY[23%]=23");
	/* telephone numbers and «12 بالتوقيت المحلي» count nothing */
	CHECK_STR(vals("اتصلوا على 0504294643 للاستفسار", NULL), "");
	CHECK_STR(vals("تبدأ الساعة 12 بالتوقيت المحلي", NULL), "");
	/* a number ending a sentence counts nothing after it */
	CHECK_STR(vals("صدرت عام 1993 ثم 2002. وقدم برنامجا", NULL),
	          "DATE[عام 1993]=1993");
	CHECK_STR(vals("عام 1935) متأثرا", NULL), "DATE[عام 1935]=1935");
	CHECK_STR(vals("بلغ (354863) شخصا", NULL),
	          "QUANTITY[354863) شخصا]=354863");
	/* a letter after a year is its era (a date, below), not a unit;
	 * واحد follows its noun */
	CHECK_STR(vals("حتى 1436 هـ .", NULL), "DATE[1436 هـ]=2015");
	CHECK_STR(vals("سباق 1500 م .", NULL), "");
	CHECK_STR(vals("من عائلة واحدة بإصابات", NULL), "");
	/* a number before a preposition counts nothing */
	CHECK_STR(vals("المادة 5 من القانون", NULL), "");
}

TEST(values_on_real_text_and_bad_input)
{
	size_t len;
	char *txt = harness_seed("000_d7045005b1b551ef.txt", &len);
	const char *r;
	if (!txt)
		return;
	r = vals(txt, NULL);
	CHECK(strstr(r, "DATE[ربيع 2014]=2014-SP") != NULL);
	CHECK(strstr(r, "DATE[مايو 2014]=2014-05") != NULL);
	CHECK(strstr(r, "=40") != NULL && strstr(r, "=30") != NULL);
	free(txt);
	CHECK_STR(vals("", NULL), "");
	CHECK_STR(vals("... ، ؟ !!", NULL), "");
	CHECK_STR(vals("1 2 3 4 5", NULL), "");
}
