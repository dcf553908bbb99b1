/*
 * test_phrases.c - names by the patterns of Arabic naming (phrases.h), on
 * sentences written for the test in the way the news writes them.
 */
#include <stdlib.h>

#include "harness.h"
#include "isnad/isnad.h"
#include "isnad/ner.h"
#include "isnad/phrases.h"

/* Run the phrases over text with the tagger mentions given as "TYPE:name"
 * strings found in order (NULL-terminated); return "TYPE:text|...", with
 * "TYPE~:" for a description (generic) */
static const char *run(const char *text, const char *const *tagged)
{
	static char out[1024];
	static const char *const tn[] = {"PER", "ORG", "LOC", "MISC"};
	struct isnad_tokenizer *tk = NULL;
	struct isnad_tokens t;
	struct isnad_span_typed *m = NULL;
	size_t n = 0, o = 0, len = strlen(text);
	const char *from = text;
	out[0] = '\0';
	for (; tagged && tagged[n]; n++)
		;
	if (n) {
		m = isnad_malloc(n * sizeof *m);
		for (size_t i = 0; i < n; i++) {
			const char *name = strchr(tagged[i], ':') + 1;
			const char *p = strstr(from, name);
			if (!p)
				return "(not in text)";
			m[i].start = (size_t)(p - text);
			m[i].end = m[i].start + strlen(name);
			m[i].type = tagged[i][0] == 'P'   ? ISNAD_NER_PER
			            : tagged[i][0] == 'O' ? ISNAD_NER_ORG
			            : tagged[i][0] == 'L' ? ISNAD_NER_LOC
			                                  : ISNAD_NER_MISC;
			m[i].generic = 0;
			from = p + 1;
		}
	}
	isnad_tokens_init(&t);
	if (isnad_tokenizer_new(NULL, &tk) != ISNAD_OK ||
	    isnad_tokenize(tk, text, len, &t) != ISNAD_OK ||
	    isnad_name_phrases(text, len, &t, &m, &n) != ISNAD_OK) {
		snprintf(out, sizeof out, "(error)");
		n = 0;
	}
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(
		    out + o, sizeof out - o, "%s%s%s:%.*s", i ? "|" : "",
		    tn[m[i].type], m[i].generic ? "~" : "",
		    (int)(m[i].end - m[i].start), text + m[i].start);
	isnad_free(m);
	isnad_tokens_release(&t);
	isnad_tokenizer_free(tk);
	return out;
}

TEST(phrases_institutions_in_construct)
{
	CHECK_STR(run("أعلنت وزارة العدل الأمريكية أمس فرض عقوبات.", NULL),
	          "ORG:وزارة العدل الأمريكية");
	/* conjunction and preposition stay outside the name */
	CHECK_STR(run("شارك ممثلون عن الشرطة، ووزارة الصحة، ولهيئة الطيران "
	              "المدني دور.",
	              NULL),
	          "ORG:وزارة الصحة|ORG:هيئة الطيران المدني");
	/* indefinite nouns inside the chain, then a nisba */
	CHECK_STR(
	    run("قال مدير مكتب شؤون اللاجئين الأممي إن العدد ارتفع.", NULL),
	    "ORG:مكتب شؤون اللاجئين الأممي");
	/* a body named after the tagger's person is one actor */
	CHECK_STR(run("تقدمت قوات صالح نحو المدينة.",
	              (const char *const[]){"PER:صالح", NULL}),
	          "ORG:قوات صالح");
}

TEST(phrases_plural_heads_describe)
{
	/* forces and authorities by nationality or kind are descriptions */
	CHECK_STR(run("قالت السلطات التركية إن القوات الأمريكية وقوات الأمن "
	              "انسحبت.",
	              NULL),
	          "ORG~:السلطات التركية|ORG~:القوات الأمريكية|ORG~:قوات الأمن");
	/* before a name they name a body: a person of the text, a word the
	 * news seldom uses, a family name of the gazetteer */
	CHECK_STR(run("قال الحوثيين إنهم انتصروا، وانسحبت قوات الحوثيين.",
	              (const char *const[]){"ORG:الحوثيين", NULL}),
	          "ORG:الحوثيين|ORG:قوات الحوثيين");
	CHECK_STR(
	    run("قال الحوثيين إنهم انتصروا، وانسحبت قوات الحوثيين.", NULL),
	    "ORG~:قوات الحوثيين");
	CHECK_STR(run("وصلت قوات البيشمركة إلى المدينة.", NULL),
	          "ORG:قوات البيشمركة");
	CHECK_STR(run("تقدمت قوات الأسد نحو المدينة.", NULL), "ORG:قوات الأسد");
	/* a longer name is a name */
	CHECK_STR(run("قالت قوات الحماية الشعبية إنها تقدمت.", NULL),
	          "ORG:قوات الحماية الشعبية");
	/* a group's members by the plural of its nisba are the group;
	 * the plural ending stays out of the mention */
	CHECK_STR(run("وقال المتحدث باسم جماعة الحوثي إن الحوثيين سيطروا على "
	              "المدينة.",
	              (const char *const[]){"ORG:جماعة الحوثي", NULL}),
	          "ORG:جماعة الحوثي|ORG:الحوثي");
	/* not a people after an army or a union named by its nation */
	CHECK_STR(run("وقال الجيش اليمني إن اليمنيين صامدون.",
	              (const char *const[]){"ORG:الجيش اليمني", NULL}),
	          "ORG:الجيش اليمني");
	/* a force of «the regime», «the occupation», «the enemy» is
	 * described, whatever its head; «جيش الإسلام» is a name */
	CHECK_STR(run("وقصف جيش النظام مواقع جيش الإسلام قرب المطار.", NULL),
	          "ORG~:جيش النظام|ORG:جيش الإسلام");
	/* militias: named by their leader or party, described by kind */
	CHECK_STR(run("وشنت ميليشيات الحوثي هجوما على المدينة.", NULL),
	          "ORG:ميليشيات الحوثي");
	CHECK_STR(run("وشنت ميليشيات المتمردين هجوما على المدينة.", NULL),
	          "ORG~:ميليشيات المتمردين");
}

TEST(phrases_risky_heads_need_evidence)
{
	/* تنظيم and حركة are also verbal nouns */
	CHECK_STR(run("ناقش المجلس تنظيم الانتخابات وحركة المرور.", NULL), "");
	CHECK_STR(run("تبنى تنظيم الجهاد الإسلامي الهجوم.",
	              (const char *const[]){"LOC:الجهاد الإسلامي", NULL}),
	          "ORG:تنظيم الجهاد الإسلامي");
	/* and with no name after it, تنظيم is organising */
	CHECK_STR(run("ناقشوا تنظيم المنطقة المركزية.", NULL), "");
	/* جهاز is also a device */
	CHECK_STR(run("اشترى جهاز الجوال الجديد.", NULL), "");
	/* the tagger's organisation is the name; the head only describes */
	CHECK_STR(run("هاجم تنظيم القاعدة القاعدة العسكرية.",
	              (const char *const[]){"ORG:القاعدة", NULL}),
	          "ORG:القاعدة");
}

TEST(phrases_definite_body_with_nisba_and_ordinal)
{
	CHECK_STR(run("انسحبت الفرقة الجبلية الرابعة من المنطقة.", NULL),
	          "ORG:الفرقة الجبلية الرابعة");
	CHECK_STR(run("وثّقت الشبكة والمرصد اليمني للحقوق ما جرى، وقال "
	              "المرصد الليبي لحقوق الإنسان إن عشرة قتلوا.",
	              NULL),
	          "ORG:المرصد اليمني|ORG:المرصد الليبي لحقوق الإنسان");
	/* a title completed by the ministry is not the ministry: it is the
	 * minister, described */
	CHECK_STR(run("صرح وزير الخارجية الفرنسي بأن الحوار مستمر.", NULL),
	          "PER~:وزير الخارجية الفرنسي");
	/* adjectives of time do not name a body */
	CHECK_STR(run("قالت الحكومة الحالية إنها ستستقيل.", NULL), "");
}

TEST(phrases_names_after_what_they_are)
{
	CHECK_STR(run("نشرت صحيفة \"لوموند\" الفرنسية تقريرا.", NULL),
	          "ORG:لوموند");
	CHECK_STR(run("أعلنت جماعة «أنصار الحق» مسؤوليتها.", NULL),
	          "ORG:جماعة «أنصار الحق»");
	/* the quotes close inside the name, never one left open */
	CHECK_STR(run("لا تزال شركة “نوكيا” تعمل.", NULL), "ORG:شركة “نوكيا”");
	CHECK_STR(run("وقع الانفجار في مدينة «كوباني» شمالا.", NULL),
	          "LOC:كوباني");
	/* a place noun followed by a tagger's mention retypes it, and the
	 * noun is left out */
	CHECK_STR(run("وصل الوفد إلى مقاطعة كوردوبا الأرجنتينية.",
	              (const char *const[]){"ORG:مقاطعة كوردوبا", NULL}),
	          "LOC:كوردوبا");
	/* adjectives agreeing with the place noun are no names */
	CHECK_STR(run("تحولت إلى مدينة كبيرة وقرية صغيرة.", NULL), "");
	/* two-word place names start with a common toponym noun */
	CHECK_STR(run("اشتباكات في بلدة جسر الشغور أمس.", NULL),
	          "LOC:جسر الشغور");
}

TEST(phrases_tagger_end_holds_against_adjectives)
{
	/* adjectives after the tagger's end of a body's name are another
	 * noun's, unless they are a place's nisba */
	CHECK_STR(
	    run("نتائج اجتماع منظمة التعاون الإسلامي الاستثنائي.",
	        (const char *const[]){"ORG:منظمة التعاون الإسلامي", NULL}),
	    "ORG:منظمة التعاون الإسلامي");
	CHECK_STR(run("وقالت وزارة الخارجية السعودية إن الوفد وصل.",
	              (const char *const[]){"ORG:وزارة الخارجية", NULL}),
	          "ORG:وزارة الخارجية السعودية");
	CHECK_STR(run("وقالت وزارة الخارجية الأمريكية إن الوفد وصل.",
	              (const char *const[]){"ORG:وزارة الخارجية", NULL}),
	          "ORG:وزارة الخارجية الأمريكية");
	CHECK_STR(run("وأعلن الجيش التركي مقتل جندي.", NULL),
	          "ORG:الجيش التركي");
}

TEST(phrases_compound_places_after_prepositions)
{
	/* some of those nouns begin a place's name after a preposition
	 * alone; a tagger's mention after the noun is taken in */
	CHECK_STR(run("نقلوا إلى حامية عسكرية في تل أبيض أمس.", NULL),
	          "LOC:تل أبيض");
	CHECK_STR(run("وصلت التعزيزات شمال جسر الشغور ودير الزور.", NULL),
	          "LOC:جسر الشغور");
	CHECK_STR(run("قتل ثلاثة في دير الزور.",
	              (const char *const[]){"LOC:الزور", NULL}),
	          "LOC:دير الزور");
	CHECK_STR(run("سقطت قذيفة في جبل التركمان بريف اللاذقية.",
	              (const char *const[]){"LOC:اللاذقية", NULL}),
	          "LOC:جبل التركمان|LOC:اللاذقية");
	CHECK_STR(run("وقعت اشتباكات بتل أبيض.", NULL), "LOC:تل أبيض");
	/* not without the preposition, nor before a function word, nor
	 * the nouns that are common in other senses */
	CHECK_STR(run("وقال إن جبل الجليد ظاهر.", NULL), "");
	CHECK_STR(run("نظرت المحكمة في دير من الأديرة.", NULL), "");
	CHECK_STR(run("أخذ ذلك في عين الاعتبار.", NULL), "");
}

TEST(phrases_tidy_what_the_tagger_gets_wrong)
{
	/* a cleric's title is no part of his name, nor a name alone */
	CHECK_STR(run("وقال آية الله العظمى علي السيستاني إن الوضع خطير.",
	              (const char *const[]){"PER:آية الله العظمى علي السيستاني",
	                                    NULL}),
	          "PER:علي السيستاني");
	CHECK_STR(
	    run("للمرشد آية الله سيد علي خامنئي.",
	        (const char *const[]){"PER:آية الله", "PER:علي خامنئي", NULL}),
	    "PER:علي خامنئي");
	/* a common word alone is no person, but a family name the text
	 * also gives whole is */
	CHECK_STR(run("وحصل على جائزة في الكيمياء هذا العام.",
	              (const char *const[]){"PER:الكيمياء", NULL}),
	          "");
	CHECK_STR(run("وقال عبد الله الفوزان إن السوق مستقرة. وأضاف الفوزان "
	              "أن الأسعار ستنخفض.",
	              (const char *const[]){"PER:عبد الله الفوزان",
	                                    "PER:الفوزان", NULL}),
	          "PER:عبد الله الفوزان|PER:الفوزان");
	/* an ordinal is not a person */
	CHECK_STR(run("عرف باسمه الأول فقط.",
	              (const char *const[]){"PER:الأول", NULL}),
	          "");
	/* a region noun joins the place after it */
	CHECK_STR(run("قصفت الطائرات ريف إدلب.",
	              (const char *const[]){"LOC:ريف", "LOC:إدلب", NULL}),
	          "LOC:ريف إدلب");
	/* a crossing tagger mention keeps its place */
	CHECK_STR(run("قال وزير الداخلية محمد علي إن الأمن مستتب.",
	              (const char *const[]){"PER:الداخلية محمد علي", NULL}),
	          "PER:الداخلية محمد علي");
	/* a one-word «other» name the news uses all the time is a common
	 * word; a rarer one (a prize, a product) stays */
	CHECK_STR(run("وقال إن الله أمر بالعدل وإن اليورو تراجع.",
	              (const char *const[]){"MISC:الله", "MISC:اليورو", NULL}),
	          "");
	CHECK_STR(run("فاز الكاتب بجائزة نوبل وثبت ويندوز.",
	              (const char *const[]){"MISC:نوبل", "MISC:ويندوز", NULL}),
	          "MISC:نوبل|MISC:ويندوز");
	/* «ولي العهد», «وليا للعهد»: the crown prince, no place */
	CHECK_STR(run("وعين الأمير مقرن وليا للعهد والأمير محمد وليا لولي "
	              "العهد.",
	              (const char *const[]){"LOC:لعهد", "LOC:العهد", NULL}),
	          "");
}

TEST(phrases_owner_heads_need_the_owner)
{
	/* نظام is also "system" */
	CHECK_STR(run("أطلقت الوزارة نظام الدفع الإلكتروني.", NULL), "");
	/* the tagger's person after it, or the same word naming a body
	 * elsewhere in the text */
	CHECK_STR(run("اتهم نظام القذافي بالقمع.",
	              (const char *const[]){"PER:القذافي", NULL}),
	          "ORG:نظام القذافي");
	CHECK_STR(run("تقدمت قوات القذافي، وقال نظام القذافي إنه انتصر.", NULL),
	          "ORG:قوات القذافي|ORG:نظام القذافي");
}

TEST(phrases_conjoined_places_share_the_type)
{
	CHECK_STR(run("سيطروا على تدمر والقريتين أمس.",
	              (const char *const[]){"LOC:تدمر", NULL}),
	          "LOC:تدمر|LOC:القريتين");
	/* a common word after و is another thing */
	CHECK_STR(run("وصل إلى دمشق والمعارضة ترفض.",
	              (const char *const[]){"LOC:دمشق", NULL}),
	          "LOC:دمشق");
	/* and a verb is no place */
	CHECK_STR(run("عاد إلى دمشق وتعبث الأيدي بها.",
	              (const char *const[]){"LOC:دمشق", NULL}),
	          "LOC:دمشق");
	/* nor a rare participle the gazetteer does not know as a place */
	CHECK_STR(run("سواء القادمون إلى جدة أو المغادرون منها.",
	              (const char *const[]){"LOC:جدة", NULL}),
	          "LOC:جدة");
}

/* A holy place's honorific epithet is part of its name. */
TEST(phrases_honorific_epithets)
{
	CHECK_STR(run("وصل الوفد إلى مكة المكرمة أمس.",
	              (const char *const[]){"LOC:مكة", NULL}),
	          "LOC:مكة المكرمة");
	CHECK_STR(run("وطاف حول الكعبة المشرفة.",
	              (const char *const[]){"MISC:الكعبة", NULL}),
	          "MISC:الكعبة المشرفة");
	/* a person's family name is his own */
	CHECK_STR(run("وقال عمر الشريف إنه سعيد.",
	              (const char *const[]){"PER:عمر", NULL}),
	          "PER:عمر");
}

TEST(phrases_places_named_after_kings)
{
	/* the namesake is the place, not the king */
	CHECK_STR(run("وصل الوفد إلى مطار الملك عبد العزيز الدولي أمس.",
	              (const char *const[]){"PER:عبد العزيز الدولي", NULL}),
	          "LOC:مطار الملك عبد العزيز الدولي");
	CHECK_STR(run("ودرس في جامعة الملك سعود سنوات.",
	              (const char *const[]){"ORG:الملك سعود", NULL}),
	          "ORG:جامعة الملك سعود");
	/* a definite place noun and the adjective the tagger took for the
	 * name */
	CHECK_STR(run("وصلى المسلمون في المسجد الحرام أمس.",
	              (const char *const[]){"ORG:الحرام", NULL}),
	          "LOC:المسجد الحرام");
	/* a person's name goes on over آل and the family's name */
	CHECK_STR(run("وأصدر الملك سلمان بن عبدالعزيز آل سعود أمرا.",
	              (const char *const[]){"PER:سلمان بن عبدالعزيز",
	                                    "ORG:آل سعود", NULL}),
	          "PER:سلمان بن عبدالعزيز آل سعود");
	/* a head alone names no body */
	CHECK_STR(run("وقال نادي في بيانه إن المباراة تأجلت.",
	              (const char *const[]){"ORG:نادي", NULL}),
	          "");
	/* a title alone names no one */
	CHECK_STR(run("وقال الشيخ إن الصلاة في المسجد.",
	              (const char *const[]){"PER:الشيخ", NULL}),
	          "");
	/* the king himself stays a person */
	CHECK_STR(run("وقال الملك سلمان إن المملكة مستعدة.",
	              (const char *const[]){"PER:سلمان", NULL}),
	          "PER:سلمان");
}

TEST(phrases_persons_after_naming_verbs)
{
	/* the naming verb after the noun it names, or المدعو */
	CHECK_STR(run("ألقت الشرطة القبض على شاب يدعى رضوان فردوس كان يخطط "
	              "للهجوم.",
	              NULL),
	          "PER:رضوان فردوس");
	CHECK_STR(run("وقال المدعو إسماعيل إنه هرب.", NULL), "PER:إسماعيل");
	/* يدعي also claims */
	CHECK_STR(run("ويدعي منتقدو الحكومة أن الوضع سيئ.", NULL), "");
	CHECK_STR(run("دول بعضها يدعي صداقة بالقاهرة.", NULL), "");
}

TEST(phrases_persons_by_their_kind_of_name)
{
	CHECK_STR(run("وكان ضابط تم التعرف عليه فقط باسمه الأول (كرمو) بين "
	              "الحضور.",
	              NULL),
	          "PER:كرمو");
	CHECK_STR(
	    run("قاد الهجوم رجل اسمه الحركي «أبو صالح الأنصاري» أمس.", NULL),
	    "PER:أبو صالح الأنصاري");
	/* a thing's name: no kind of name */
	CHECK_STR(run("باعت شركة تشرف على مشروع اسمه «هابيتات» الشقق.", NULL),
	          "");
}

TEST(phrases_persons_after_titles_and_offices)
{
	/* a rank, a name the news rarely uses, punctuation */
	CHECK_STR(run("وقال العقيد يوهانس كريستيانسن، إن القوات انسحبت.", NULL),
	          "PER:يوهانس كريستيانسن");
	/* an office with its chain, the name between commas: both */
	CHECK_STR(
	    run("كلفه رئيس هيئة الأركان العامة، فاروق زيدانوف، بالملف.", NULL),
	    "ORG:هيئة الأركان|PER:فاروق زيدانوف");
	/* a grade after the rank stays out of the name */
	CHECK_STR(run("التقى الفريق أول ماركوس هيلبرانت، أمس.", NULL),
	          "PER:ماركوس هيلبرانت");
	/* common words after a title are no name: الفريق is also a team */
	CHECK_STR(run("وواجه الفريق تحديات كثيرة، مثل الإصابات.", NULL), "");
	/* no closing punctuation: a verb may follow the title */
	CHECK_STR(run("المحامي يقول إن القضية انتهت.", NULL), "");
	/* علي the name (ي), not على (ى) */
	CHECK_STR(run("قال وزير الدفاع، علي شمخانوف، إن الهدنة صامدة.", NULL),
	          "PER:علي شمخانوف");
	CHECK_STR(run("وافق وزير الدفاع، على الخطة، أمس.", NULL), "");
	/* common words that end in the tagger's person are that person's
	 * first names; a title among them is not */
	CHECK_STR(run("وهم المحامي سامر الخليل أبو مصطفى، ورفاقه.",
	              (const char *const[]){"PER:أبو مصطفى", NULL}),
	          "PER:سامر الخليل أبو مصطفى");
	CHECK_STR(run("وقال المحامي مصطفى، إن القضية انتهت.", NULL), "");
	CHECK_STR(run("استقبل رئيس السنغال، وقلده قلادة الملك عبد العزيز، أمس.",
	              (const char *const[]){"PER:عبد العزيز", NULL}),
	          "PER:عبد العزيز");
}

/* A state's arm named by a place's nisba, agreeing with its head, is a
 * description (an actor, not a name); other adjectives are not. */
TEST(phrases_arms_of_a_state_describe)
{
	CHECK_STR(run("وطالب بوقف قصف الطائرات التركية على المواقع.", NULL),
	          "ORG~:الطائرات التركية");
	CHECK_STR(run("وأسفرت غارات الطيران الروسي عن قتلى.", NULL),
	          "ORG~:الطيران الروسي");
	CHECK_STR(run("وقالت إدارة الطيران الأمريكية إن الرحلات تأخرت.", NULL),
	          "");
	CHECK_STR(run("وأعلنت هيئة الطيران المدني عن رحلات جديدة.", NULL),
	          "ORG:هيئة الطيران المدني");
}

/* An official described and not named is a description of a person; with
 * a name after it, or as another's office, it is a title. */
TEST(phrases_officials_described)
{
	CHECK_STR(run("والتقى وزير الخارجية الأمريكي نظيره في جنيف.", NULL),
	          "PER~:وزير الخارجية الأمريكي");
	CHECK_STR(run("وقال الرئيس الفرنسي إن بلاده ستدعم الاتفاق.", NULL),
	          "PER~:الرئيس الفرنسي");
	CHECK_STR(run("وأكد وزير الخارجية السعودي عادل الجبير أن المملكة "
	              "ستواصل.",
	              (const char *const[]){"PER:عادل الجبير", NULL}),
	          "PER:عادل الجبير");
	CHECK_STR(run("وصرح نائب الرئيس الأمريكي بأن الوضع خطير.", NULL), "");
	CHECK_STR(run("وقال الرئيس التنفيذي للشركة إن الأرباح ارتفعت.", NULL),
	          "");
	/* the head of a named body: the body keeps its name */
	CHECK_STR(run("وقال رئيس الحكومة التونسية إن الوضع مستقر.", NULL),
	          "ORG:الحكومة التونسية");
}

/* A place after a preposition or a noun of places takes the adjective of a
 * region that follows it; after another noun the adjective is that
 * noun's. */
TEST(phrases_region_adjective_after_place)
{
	CHECK_STR(run("وتقع المدينة في أوروبا الغربية منذ قرون.",
	              (const char *const[]){"LOC:أوروبا", NULL}),
	          "LOC:أوروبا الغربية");
	CHECK_STR(
	    run("تضرب العاصفة ولايتي سكسونيا السفلى وهامبورغ.",
	        (const char *const[]){"LOC:سكسونيا", "LOC:هامبورغ", NULL}),
	    "LOC:سكسونيا السفلى|LOC:هامبورغ");
	CHECK_STR(run("وسقطت قذائف على ضواحي دمشق الجنوبية أمس.",
	              (const char *const[]){"LOC:دمشق", NULL}),
	          "LOC:دمشق");
}

/* A currency or a product after a head that is also a common noun names
 * no body by it; a group may take one. */
TEST(phrases_misc_owner_needs_a_group)
{
	/* (and the currency, a common word, is no name either) */
	CHECK_STR(run("وارتفع الدولار بدعم من حركة اليورو.",
	              (const char *const[]){"MISC:اليورو", NULL}),
	          "");
	CHECK_STR(run("واجتمع وزراء مجموعة اليورو في بروكسل.",
	              (const char *const[]){"MISC:اليورو", "LOC:بروكسل", NULL}),
	          "ORG:مجموعة اليورو|LOC:بروكسل");
}

/* A delegation named by a place's nisba is one actor, a description; an
 * aspect is not («الجانب الديني»). */
TEST(phrases_delegation_by_nisba)
{
	CHECK_STR(run("والتقى الوفد المصري بالمسؤولين أمس.", NULL),
	          "ORG~:الوفد المصري");
	CHECK_STR(run("وركز الجانب الديني من الحملة على الشباب.", NULL), "");
}

/* غرفة names a chamber of commerce only before a name; a room is no body,
 * and an hour after it is no ordinal of its name. */
TEST(phrases_chamber_before_a_name)
{
	CHECK_STR(run("وقال نائب رئيس غرفة جدة إن التجارة نمت.",
	              (const char *const[]){"LOC:جدة", NULL}),
	          "ORG:غرفة جدة");
	CHECK_STR(run("وتطل غرفة المعيشة الرئيسية على الحديقة.", NULL), "");
	CHECK_STR(run("وتعقد المقابلات بمقر غرفة الرياض التاسعة صباحا.",
	              (const char *const[]){"LOC:الرياض", NULL}),
	          "ORG:غرفة الرياض");
}

/* A plural «other» name is a kind of things or people (a sound masculine
 * plural only when the news knows its singular), unless the text quotes
 * it as a title somewhere. */
TEST(phrases_plural_misc_is_no_name)
{
	CHECK_STR(run("وتتكون الذرة من البروتونات في نواتها.",
	              (const char *const[]){"MISC:البروتونات", NULL}),
	          "");
	CHECK_STR(run("وتعاقدت الشركة مع هاليبرتون لتنفيذ المشروع.",
	              (const char *const[]){"MISC:هاليبرتون", NULL}),
	          "MISC:هاليبرتون");
	CHECK_STR(
	    run("صدر العدد الأول من مجلة «مسارات» الشهرية. وتصدر "
	        "مسارات كل شهر.",
	        (const char *const[]){"MISC:مسارات", "MISC:مسارات", NULL}),
	    "ORG:مسارات|MISC:مسارات");
}

/* A body's name goes on over its ل-complement: a noun in construct with
 * its genitive, or a definite noun with its adjectives; never over people
 * spoken to or a purpose. */
TEST(phrases_lam_complement_of_a_body)
{
	CHECK_STR(run("وقرر الاتحاد الدولي لكرة القدم إيقاف اللاعب.",
	              (const char *const[]){"ORG:الاتحاد الدولي", NULL}),
	          "ORG:الاتحاد الدولي لكرة القدم");
	CHECK_STR(run("وأكد المجلس الأعلى للأمن القومي الإيراني موقفه.",
	              (const char *const[]){"ORG:المجلس الأعلى", NULL}),
	          "ORG:المجلس الأعلى للأمن القومي الإيراني");
	CHECK_STR(run("ودعا المجلس الأعلى للصحفيين إلى الحضور.",
	              (const char *const[]){"ORG:المجلس الأعلى", NULL}),
	          "ORG:المجلس الأعلى");
	CHECK_STR(run("واجتمع الاتحاد الأفريقي لدعم الحكومة الصومالية.",
	              (const char *const[]){"ORG:الاتحاد الأفريقي", NULL}),
	          "ORG:الاتحاد الأفريقي|ORG:الحكومة الصومالية");
	/* a function word after a whole complement is the sentence's */
	CHECK_STR(run("وأكد رئيس الاتحاد البنمي لكرة القدم أن المباراة صعبة.",
	              (const char *const[]){"ORG:الاتحاد البنمي", NULL}),
	          "ORG:الاتحاد البنمي لكرة القدم");
	CHECK_STR(run("وقال إن المجلس الأعلى للأمن القومي الإيراني على علم.",
	              (const char *const[]){"ORG:المجلس الأعلى", NULL}),
	          "ORG:المجلس الأعلى للأمن القومي الإيراني");
	CHECK_STR(run("ودعا مجلس الأمن للموافقة على القرار.",
	              (const char *const[]){"ORG:مجلس الأمن", NULL}),
	          "ORG:مجلس الأمن");
	CHECK_STR(run("وصوت مجلس الأمن لصالح الاتفاق النووي.",
	              (const char *const[]){"ORG:مجلس الأمن", NULL}),
	          "ORG:مجلس الأمن");
}

/* The board every company has is a description, not a name. */
TEST(phrases_board_is_a_description)
{
	CHECK_STR(run("وقال رئيس مجلس الإدارة إن الشركة ربحت.", NULL),
	          "ORG~:مجلس الإدارة");
	CHECK_STR(run("وقال مجلس الأمن إنه سيجتمع.", NULL), "ORG:مجلس الأمن");
}

/* The coalition and the resistance named by their nisba are bodies; a
 * resistance described by its strength is not. */
TEST(phrases_coalition_and_resistance)
{
	CHECK_STR(run("وشن طيران التحالف العربي غارات على صعدة.", NULL),
	          "ORG:التحالف العربي");
	CHECK_STR(run("وتقدمت المقاومة الشعبية في المدينة.", NULL),
	          "ORG:المقاومة الشعبية");
	CHECK_STR(run("وواجه الجيش المقاومة القوية في المدينة.", NULL), "");
}
