/*
 * phrases.c - names by the patterns Arabic news uses to name institutions
 * and places (see phrases.h).
 *
 * The text is first regrouped into written words: the tokenizer's
 * proclitics (و ف, ب ل ك, the article) become flags of their host, so
 * «ولوزارة الخزانة» reads as one construct head with a preposition and a
 * definite noun.  Every list below is a closed class of the language (head
 * nouns of institutions, nouns that introduce a place or an outlet,
 * ordinals, function words); none names an entity.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/ner.h"
#include "isnad/phrases.h"
#include "isnad/text.h"
#include "isnad_int.h"

enum { PW_AR, PW_LAT, PW_NUM, PW_PUNCT, PW_OTHER };

/* One written word. */
struct pw {
	size_t s, e;   /* the word, clitics included */
	size_t ns;     /* where a name in it starts: the article or host */
	const char *h; /* the host's search form */
	uint32_t hl;
	uint8_t kind, conj, prep, art, enc;
	uint64_t cls;  /* 1 << L_*: the lists it is in */
	size_t t0, t1; /* its tokens */
};

/* Heads that name an institution when in construct with a definite noun
 * or a name: «قوات الأسد», «وزارة الخارجية», «هيئة تحرير الشام». */
static const char *const heads_safe[] = {
    "وزاره",  "هييه",   "حلف",     "جيش",    "قوات",     "مجلس",
    "منظمه",  "حزب",    "جبهه",    "لواء",   "كتيبه",    "فوج",
    "فرقه",   "جماعه",  "اتحاد",   "شركه",   "جامعه",    "محكمه",
    "مصرف",   "بنك",    "حكومه",   "شرطه",   "سلطات",    "مرصد",
    "ايتلاف", "تحالف",  "ميليشيا", "مليشيا", "مخابرات",  "استخبارات",
    "وكاله",  "مفوضيه", "برلمان",  "حرس",    "ميليشيات", "مليشيات",
};
/* Heads that are also common nouns (تنظيم الانتخابات, حركة المرور,
 * مجموعة الأشخاص): only with more evidence of a name after them. */
static const char *const heads_risky[] = {
    "تنظيم", "حركه", "مجموعه", "مكتب", "مركز",  "لجنه", "موسسه",
    "جمعيه", "شبكه", "نظام",   "جهاز", "وحدات", "غرفه", /* غرفة جدة, the
                                                           chamber; غرفة
                                                           العمليات */
};
/* Of these, نظام (regime; also system), تنظيم (organisation; also
 * organising) and غرفة (a chamber of commerce; also a room) name a body
 * only before a name: «نظام الأسد», «تنظيم الدولة
 * الإسلامية», not «نظام مشاركة المعلومات», «تنظيم المنطقة المركزية». */
static const char *const heads_owner[] = {"نظام", "تنظيم", "غرفه"};
/* Plural heads that mostly describe rather than name: «القوات الأميركية»,
 * «السلطات التركية», «قوات الأمن» are "the American forces", "the Turkish
 * authorities", "security forces" (the NER corpora leave them O).  They
 * name a body before a name (قوات الأسد) or a longer proper name (قوات
 * الحماية الشعبية, قوات الحرس الجمهوري). */
static const char *const heads_plural[] = {"قوات", "سلطات", "ميليشيات",
                                           "مليشيات"};
/* Definite heads that name a body when a nisba follows: «الجيش التركي»,
 * «المرصد السوري», «الكتيبة الحدودية الثالثة». */
static const char *const heads_def[] = {
    "حكومه", "جيش",    "قوات",   "شرطه",  "مخابرات", "استخبارات", "برلمان",
    "سلطات", "مرصد",   "كتيبه",  "لواء",  "فرقه",    "فوج",       "حرس",
    "حزب",   "جبهه",   "حركه",   "مجلس",  "هييه",    "منظمه",     "اتحاد",
    "وكاله", "داخليه", "خارجيه", "بحريه", "دفاع",    "مفوضيه",    "امبراطوريه",
    "تحالف", "مقاومه", /* «التحالف العربي», «المقاومة الشعبية» */
};
/* Definite heads that, before a place's nisba, describe a state's arm or
 * envoys: «الطائرات التركية», «الطيران الروسي», «الوفد المصري» (not
 * «الجانب», also an aspect: «الجانب الديني», and the gazetteer's villages
 * let دين، تاريخ pass for places). */
static const char *const heads_nat[] = {"طيران",  "طايرات", "مقاتلات", "مدفعيه",
                                        "دبابات", "زوارق",  "بوارج",   "وفد"};
/* Adjectives of those heads that the gazetteer's villages let pass for a
 * place's nisba: «الطيران المدني», «الطائرات الحربية». */
static const char *const arm_adj[] = {
    "مدني",    "مدنيه",    "حربي",   "حربيه",  "عسكري", "عسكريه",  "مروحي",
    "مروحيه",  "حكومي",    "حكوميه", "خاص",    "خاصه",  "اقتصادي", "تجاري",
    "داخلي",   "خارجي",    "دولي",   "دوليه",  "عالمي", "فني",     "اداري",
    "قانوني",  "سياسي",    "امني",   "اخر",    "اخري",  "ثاني",    "ثالث",
    "اول",     "مقابل",    "اخير",   "ايجابي", "سلبي",  "انساني",  "نفسي",
    "مالي",    "ماليه",    "تقني",   "صحي",    "علمي",  "عملي",    "مهني",
    "فيدرالي", "فيدراليه", "رييسي",  "رييسيه", "شرقي",  "غربي",    "شمالي",
    "جنوبي",   "شرقيه",    "غربيه",  "شماليه", "جنوبيه"};
/* Adjectives of an office that are no state's: «الرئيس التنفيذي»,
 * «الرئيس الدوري», «رئيس التحرير الإداري». */
static const char *const office_adj[] = {
    "تنفيذي",  "تنفيذيه", "دوري",   "اتحادي",  "اداري", "اداريه",
    "وطني",    "وطنيه",   "فخري",   "شرفي",    "اعلي",  "عام",
    "عامه",    "فني",     "تقني",   "مالي",    "سياسي", "امني",
    "عسكري",   "اقتصادي", "تجاري",  "رياضي",   "ثقافي", "علمي",
    "اكاديمي", "جامعي",   "اسلامي", "اسلاميه", "عربي",  "عربيه"};

/* Titles that a following ministry completes (وزير الخارجية الأميركي). */
static const char *const title_of_body[] = {"وزير",  "وزيره", "وكيل",
                                            "مساعد", "متحدث", "ناطق"};
/* Nouns that introduce an outlet's name, which is given without them
 * («صحيفة "ديلي صباح"», «موقع نورديك مونيتور»). */
static const char *const intro_media[] = {
    "موقع", "صحيفه", "جريده", "قناه", "مجله", "اذاعه", "تلفزيون",
};
static const char *const place_intro_site[] = {"موقع"};
/* Nouns that introduce a group's name, kept with it (تنظيم "الدولة"). */
static const char *const intro_group[] = {
    "تنظيم", "حركه",  "جماعه", "حزب",   "جبهه",   "جيش",     "لواء",
    "كتيبه", "فصيل",  "فرقه",  "تحالف", "ايتلاف", "ميليشيا", "مليشيا",
    "شركه",  "منظمه", "موسسه", "جمعيه", "مجموعه", "وكاله",   "شبكه",
};
/* Nouns that introduce a place's name (مدينة رأس العين). */
static const char *const intro_place[] = {
    "مدينه", "بلده", "قريه",  "مقاطعه", "محافظه", "اقليم", "ميناء",
    "مطار",  "معبر", "جزيره", "ناحيه",  "حي",     "عاصمه",
};
/* Common nouns that begin two-word place names: رأس العين، تل أبيض،
 * دير الزور، باب الهوى، عين العرب، جسر الشغور. */
static const char *const place_first[] = {
    "راس", "تل",   "دير", "عين",  "باب", "جسر",  "بير", "بير",  "كفر",
    "خان", "ام",   "ابو", "بيت",  "جبل", "وادي", "سوق", "مرج",  "قصر",
    "برج", "حمام", "سان", "سانت", "بني", "بنت",  "شرم", "مرسي", "نهر",
};
/* Of these, the ones that begin a place's name after a preposition with
 * no noun before them («في تل أبيض», «من دير الزور», «قرب جسر الشغور»):
 * not راس، عين، باب، سوق، بيت (في رأس المال، في عين الاعتبار). */
static const char *const place_first_bare[] = {
    "تل", "دير", "جسر", "كفر", "خان", "جبل", "وادي", "نهر", "مرج", "شرم",
};
/* Owners that describe a force rather than name it: «جيش النظام», «قوات
 * الاحتلال», «ميليشيات الانقلاب» (unlike «جيش الإسلام», «قوات الأسد»). */
static const char *const desc_owners[] = {
    "نظام",
    "احتلال",
    "عدو",
    "انقلاب",
    "انقلابيين",
    "متمردين",
    /* and the boards every company or school has: «مجلس الإدارة»,
     * «مجلس الأمناء», «لجنة التحكيم» */
    "اداره",
    "امناء",
    "مديرين",
    "تحكيم",
};
/* Heads of a group whose members are called by the plural of its nisba
 * (جماعة الحوثي: الحوثيون; الحزب الجمهوري: الجمهوريون). */
static const char *const group_heads[] = {
    "جماعه", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا",
    "حزب",   "تنظيم",    "جبهه",    "تيار",    "انصار",
};
/* Prepositions and directions before a place. */
static const char *const place_preps[] = {
    "في",   "من",   "الي", "قرب", "نحو",  "حتي",    "عند",
    "شمال", "جنوب", "شرق", "غرب", "داخل", "باتجاه", "ريف",
};
/* Adjectives of a region that belong to its name after a place: «سكسونيا
 * السفلى», «أوروبا الغربية», «كارولينا الشمالية». */
static const char *const region_adj[] = {
    "سفلي", "عليا", "وسطي", "شماليه", "جنوبيه", "شرقيه", "غربيه",
};
/* Nouns of places before such a name (ولاية كارولينا الشمالية; the dual
 * «ولايتي», which the tokenizer reads as و + لايت + ي, is matched whole),
 * unlike the nouns the adjective agrees with (محكمة فيرجينيا العليا،
 * ضواحي دمشق الجنوبية). */
static const char *const region_nouns[] = {
    "ولايه", "ولايات", "جمهوريه", "اقليم", "مقاطعه", "قاره",
};
/* Honorific epithets of holy places, part of their names: «مكة
 * المكرمة», «المدينة المنورة», «الكعبة المشرفة», «القدس الشريف». */
static const char *const honorifics[] = {
    "مكرمه", "منوره", "مشرفه", "شريف", "مبارك", "مقدسه", "مطهره",
};
/* Adjectives of time or stance, not of identity (الحكومة الحالية). */
static const char *const not_adj[] = {
    "حاليه",  "سابقه", "انتقاليه", "حالي",    "ماضي",   "ماضيه",
    "ثانيه",  "ثاني",  "شرعيه",    "تاليه",   "موالي",  "مواليه",
    "معنيه",  "معني",  "محليه",    "محلي",    "رسميه",  "رسمي",
    "اجنبيه", "اجنبي", "ذي",       "اقليميه", "اقليمي", "اخري",
    "قويه",   "قوي",   "شرسه",     "عنيفه",   "شديده",
};
static const char *const ordinals[] = {
    "اول",    "اولي",   "ثاني",  "ثانيه", "ثالث",  "ثالثه",  "رابع",
    "رابعه",  "خامس",   "خامسه", "سادس",  "سادسه", "سابع",   "سابعه",
    "ثامن",   "ثامنه",  "تاسع",  "تاسعه", "عاشر",  "عاشره",  "عشرين",
    "ثلاثين", "اربعين", "خمسين", "ستين",  "سبعين", "ثمانين", "تسعين",
};
/* Function words, and words of time and direction that follow a name. */
static const char *const func[] = {
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ضمن",
    "قرب",
    "بين",
    "حتي",
    "منذ",
    "خلال",
    "عبر",
    "نحو",
    "لدي",
    "عند",
    "امام",
    "وراء",
    "تحت",
    "فوق",
    "بعد",
    "قبل",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "وسط",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هناك",
    "هنا",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "قد",
    "لقد",
    "لم",
    "لن",
    "ان",
    "انه",
    "انها",
    "او",
    "ام",
    "ثم",
    "كما",
    "لكن",
    "بل",
    "اذا",
    "يوم",
    "امس",
    "غدا",
    "حاليا",
    "ايضا",
    "موخرا",
    "سابقا",
    "كل",
    "بعض",
    "غير",
    "اي",
    "عام",
    "سنه",
    "شهر",
    "اثناء",
    "حول",
    "دون",
    "تم",
    "يتم",
    "تمت",
    "عديد",
    "جميع",
    "معظم",
    "اغلب",
    "مختلف",
    "كافه",
    "عده",
    "احد",
    "نفس",
    "ذات",
    "سبت",
    "اثنين",
    "ثلاثاء",
    "اربعاء",
    "خميس",
    "جمعه",
    "ضد",
    "حيث",
    "بينما",
    "ما",
    "لا",
    "مما",
    "ممن",
    "اطار",
    "حين",
    "عندما",
    "لدى",
    "ليس",
    "جدا",
    /* not هو, لي: هو جينتاو, لي كه تشيانغ */
    "انا",
    "نحن",
    "انت",
};
/* Nouns of a region that a place name completes (ريف دمشق). */
static const char *const region[] = {"ريف", "ضواحي", "اطراف"};
/* Ranks, honorifics and professions written before a person's name
 * (with the article): «العقيد تامر نظمي سيزن،». */
static const char *const person_titles[] = {
    "عقيد",  "مقدم",  "لواء",  "عميد",   "رايد",  "نقيب",  "ملازم",
    "فريق",  "مشير",  "جنرال", "دكتور",  "مهندس", "شيخ",   "امير",
    "اميره", "سفير",  "قاضي",  "مستشار", "استاذ", "حاج",   "محامي",
    "صحفي",  "صحفيه", "كاتب",  "كاتبه",  "فنان",  "فنانه", "لاعب",
    "مدرب",  "سيد",   "سيده",  "رييس",   "وزير",  "نايب",  "داعيه",
};
/* What kind of name «اسمه» gives: «باسمه الأول», «اسمه الحركي». */
static const char *const name_kinds[] = {"اول",   "حركي", "مستعار",
                                         "حقيقي", "كامل", "ثلاثي"};
/* Places and institutions named after a king, prince or sheikh: «مطار
 * الملك عبد العزيز الدولي», «جامعة الملك سعود».  The first set are
 * places, the second bodies. */
static const char *const facility_place[] = {
    "مطار", "مدينه", "ملعب", "استاد", "طريق",  "شارع", "قاعده", "ميناء",
    "جسر",  "حي",    "مسجد", "قصر",   "ميدان", "منفذ", "سد",    "كورنيش",
};
static const char *const facility_body[] = {
    "جامعه", "مستشفي", "مركز",  "مجمع",  "كليه",  "موسسه",
    "مكتبه", "معهد",   "مدرسه", "صندوق", "جمعيه",
};
/* The titles such names carry (with the article). */
static const char *const royal_titles[] = {"ملك", "امير", "شيخ", "امام",
                                           "سلطان"};
/* Nouns of office before a name in apposition: «رئيس المكتب، علي
 * مملوك،», «ضابط المخابرات كمال الكان،» (without the article). */
static const char *const office_words[] = {
    "رييس",  "قايد",  "مدير", "وزير", "نايب", "امين",  "ضابط",
    "مسوول", "متحدث", "ناطق", "زعيم", "سفير", "محافظ", "مستشار",
    "منسق",  "عضو",   "امير", "ولي",  "خادم", "صاحب",
};
/* Words that join the parts of a name: بن، آل، أبو، عبد. */
static const char *const name_links[] = {"بن",  "ابن", "ال", "ابو",
                                         "عبد", "بنت", "ام"};

/* Grades after a rank: «الفريق أول ركن». */
static const char *const grades[] = {"اول", "ركن", "اركان", "طيار", "بحري"};

/* The verbs among the function words. */
static const char *const func_verbs[] = {"كان", "كانت", "يكون", "تكون",
                                         "تم",  "يتم",  "تمت",  "ليس"};

/* After «لـ» these continue a name: «المرصد السوري لحقوق الإنسان». */
static const char *const lam_chain[] = {"حقوق", "شوون", "شيون"};
/* Verbal nouns of a purpose after a body («الاتحاد الأفريقي لدعم الحكومة»,
 * «مجلس الوزراء لاتخاذ القرار»), not of its name («لمكافحة الفساد»). */
static const char *const purpose_nouns[] = {
    "اتخاذ", "جلب",    "دعم",   "رفع",    "استكمال", "بحث",   "مناقشه", "تقديم",
    "اجراء", "اعتماد", "اقرار", "مواجهه", "تعزيز",   "تنفيذ", "منع",    "وقف",
    "انهاء", "حل",     "تصبح",  "تكون",   "ضمان",    "تحقيق", "وضع",    "صالح",
};
/* Verbal nouns whose subject a body is and whose object ل brings: «شراء
 * البنك التجاري لأوراق الدين», «دعم الاتحاد الأوروبي لأوكرانيا». */
static const char *const acts_on[] = {
    "شراء", "بيع", "دعم",   "تقديم", "منح",   "اقراض",  "تمويل",   "استخدام",
    "طلب",  "رفض", "تاييد", "ادانه", "تسليم", "اعتراف", "استضافه",
};
/* Bodies whose names go on with a ل-complement («الهيئة العامة للسياحة»,
 * «البنك الإسلامي للتنمية»); not ministries, governments or forces. */
static const char *const lam_heads[] = {
    "هييه",   "مجلس",  "اتحاد", "منظمه",    "مركز",  "موسسه",
    "جمعيه",  "شركه",  "بنك",   "صندوق",    "وكاله", "لجنه",
    "مفوضيه", "جامعه", "معهد",  "اكاديميه", "مصرف",
};

/*
 * Which lists a word is in, looked up once per word (words_of) in one hash
 * of every list's words: the rules ask about the same word many times.
 * Lists hold hosts without the article; a word the tokenizer kept whole
 * (السويدي) is looked up with and without it.
 */
enum {
	L_heads_safe,
	L_heads_risky,
	L_heads_owner,
	L_heads_plural,
	L_heads_def,
	L_title_of_body,
	L_intro_media,
	L_place_intro_site,
	L_intro_group,
	L_intro_place,
	L_place_first,
	L_not_adj,
	L_ordinals,
	L_func,
	L_lam_chain,
	L_region,
	L_person_titles,
	L_office_words,
	L_name_links,
	L_func_verbs,
	L_grades,
	L_facility_place,
	L_facility_body,
	L_royal_titles,
	L_name_kinds,
	L_place_first_bare,
	L_place_preps,
	L_group_heads,
	L_desc_owners,
	L_heads_nat,
	L_arm_adj,
	L_office_adj,
	L_region_adj,
	L_region_nouns,
	L_lam_heads,
	L_honorifics,
	L_purpose_nouns,
	L_acts_on,
	L__N
};
#define LIST(x)                                                                \
	{                                                                      \
		x, ISNAD_ARRAY_LEN(x)                                          \
	}
static const struct {
	const char *const *v;
	size_t n;
} lists[L__N] = {
    LIST(heads_safe),    LIST(heads_risky),
    LIST(heads_owner),   LIST(heads_plural),
    LIST(heads_def),     LIST(title_of_body),
    LIST(intro_media),   LIST(place_intro_site),
    LIST(intro_group),   LIST(intro_place),
    LIST(place_first),   LIST(not_adj),
    LIST(ordinals),      LIST(func),
    LIST(lam_chain),     LIST(region),
    LIST(person_titles), LIST(office_words),
    LIST(name_links),    LIST(func_verbs),
    LIST(grades),        LIST(facility_place),
    LIST(facility_body), LIST(royal_titles),
    LIST(name_kinds),    LIST(place_first_bare),
    LIST(place_preps),   LIST(group_heads),
    LIST(desc_owners),   LIST(heads_nat),
    LIST(arm_adj),       LIST(office_adj),
    LIST(region_adj),    LIST(region_nouns),
    LIST(lam_heads),     LIST(honorifics),
    LIST(purpose_nouns), LIST(acts_on),
};

#define CLS_SLOTS 1024 /* a power of two, over twice the list words */
static struct {
	const char *s;
	uint32_t len;
	uint64_t bits;
} cls_tab[CLS_SLOTS];
static pthread_once_t cls_once = PTHREAD_ONCE_INIT;

static size_t cls_slot(const char *s, size_t n)
{
	uint64_t h = isnad__hash(s, n);
	size_t i;
	for (i = (size_t)h & (CLS_SLOTS - 1);
	     cls_tab[i].s &&
	     !(cls_tab[i].len == n && !memcmp(cls_tab[i].s, s, n));
	     i = (i + 1) & (CLS_SLOTS - 1))
		;
	return i;
}

static void cls_init(void)
{
	for (unsigned l = 0; l < L__N; l++)
		for (size_t k = 0; k < lists[l].n; k++) {
			const char *w = lists[l].v[k];
			size_t i = cls_slot(w, strlen(w));
			cls_tab[i].s = w;
			cls_tab[i].len = (uint32_t)strlen(w);
			cls_tab[i].bits |= 1ull << l;
		}
}

static uint64_t cls_of(const char *h, size_t hl)
{
	size_t i = cls_slot(h, hl);
	return cls_tab[i].s ? cls_tab[i].bits : 0;
}

#define IN(w, l) (((w)->cls >> L_##l) & 1u)

static int ends(const struct pw *w, const char *suf)
{
	size_t n = strlen(suf);
	return w->hl >= n && !memcmp(w->h + w->hl - n, suf, n);
}

/* A quotation mark that can open (open = 1) or close a name: " ' “ ”
 * either way (news uses them both ways), « only opening, » only closing. */
static int is_quote(const struct pw *w, int open)
{
	return w->kind == PW_PUNCT &&
	       ((w->hl == 1 && (w->h[0] == '"' || w->h[0] == '\'')) ||
	        (w->hl == 2 &&
	         !memcmp(w->h, open ? "\xc2\xab" : "\xc2\xbb", 2)) ||
	        (w->hl == 3 && (!memcmp(w->h, "\xe2\x80\x9c", 3) ||
	                        !memcmp(w->h, "\xe2\x80\x9d", 3))));
}
#define is_open_quote(w) is_quote((w), 1)
#define is_close_quote(w) is_quote((w), 0)

/* A plain word: Arabic, nothing attached before it but maybe the article,
 * and not a function word. */
static int plain(const struct pw *w)
{
	/* a verb never takes the article: «الكان» is a name, not كان */
	return w->kind == PW_AR && !w->conj && !w->prep && !w->enc &&
	       (!IN(w, func) || (w->art && IN(w, func_verbs)));
}

/* With the article, split off or (in words the lexicon keeps whole, such
 * as السويدي) still attached. */
static int definite(const struct pw *w)
{
	return w->art || (w->kind == PW_AR && w->hl >= 8 &&
	                  !memcmp(w->h, "\xd8\xa7\xd9\x84", 4));
}

static int nisba(const struct pw *w)
{
	return plain(w) && definite(w) && w->hl >= 6 &&
	       (ends(w, "يه") || ends(w, "ي")) && !IN(w, not_adj);
}

/* Whether w's host is the search form s, with or without the article
 * (the lexicon keeps some definite words whole: الله). */
static int host_is(const struct pw *w, const char *s)
{
	size_t n = strlen(s);
	if (w->hl == n && !memcmp(w->h, s, n))
		return 1;
	return n > 4 && !memcmp(s, "\xd8\xa7\xd9\x84", 4) && w->art &&
	       w->hl == n - 4 && !memcmp(w->h, s + 4, n - 4);
}

static int ordinal(const struct pw *w)
{
	return plain(w) && definite(w) && IN(w, ordinals);
}

/* Regroup tokens into written words; w must hold t->n entries. */
static size_t words_of(const struct isnad_tokens *t, struct pw *w)
{
	size_t nw = 0;
	int can_join = 0;
	uint32_t cur = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct isnad_token *k = &t->v[i];
		struct pw *p;
		if (k->type == ISNAD_TOK_PUNCT || !can_join || k->word != cur ||
		    (w[nw - 1].hl && k->type != ISNAD_TOK_ENCLITIC)) {
			p = &w[nw++];
			memset(p, 0, sizeof *p);
			p->s = p->ns = k->start;
			p->kind = PW_OTHER;
			p->t0 = i;
			cur = k->word;
		}
		p = &w[nw - 1];
		p->e = k->end;
		p->t1 = i + 1;
		can_join = k->type != ISNAD_TOK_PUNCT;
		switch (k->type) {
		case ISNAD_TOK_PUNCT:
			p->kind = PW_PUNCT;
			p->h = k->norm;
			p->hl = k->norm_len;
			break;
		case ISNAD_TOK_PROCLITIC:
			if (k->norm_len == 4) { /* ال */
				p->art = 1;
				p->ns = k->start;
			} else if (k->norm_len == 2) {
				/* و ف are conjunctions; ب ل ك (and the
				 * future س) tie the word to what precedes */
				if (!memcmp(k->norm, "\xd9\x88", 2) ||
				    !memcmp(k->norm, "\xd9\x81", 2))
					p->conj = 1;
				else
					p->prep = (uint8_t)k->norm[1];
				p->ns = k->end;
			}
			break;
		case ISNAD_TOK_ENCLITIC:
			p->enc = 1;
			break;
		default:
			if (!p->art)
				p->ns = k->start;
			p->h = k->norm;
			p->hl = k->norm_len;
			p->kind = k->type == ISNAD_TOK_ARABIC   ? PW_AR
			          : k->type == ISNAD_TOK_LATIN  ? PW_LAT
			          : k->type == ISNAD_TOK_NUMBER ? PW_NUM
			                                        : PW_OTHER;
		}
	}
	pthread_once(&cls_once, cls_init);
	for (size_t i = 0; i < nw; i++) {
		struct pw *p = &w[i];
		if (!p->hl)
			continue;
		p->cls = cls_of(p->h, p->hl);
		if (!p->art && p->kind == PW_AR && p->hl >= 8 &&
		    !memcmp(p->h, "\xd8\xa7\xd9\x84", 4))
			p->cls |= cls_of(p->h + 4, p->hl - 4);
	}
	return nw;
}

/* The prepositions of struct pw.prep (second byte of ل, ب). */
#define PREP_LAM 0x84
#define PREP_BA 0xa8

struct ctx {
	const char *text;
	size_t len;
	struct pw *w;
	size_t nw;
	const struct isnad_span_typed *m; /* the tagger's, sorted */
	size_t n_m;
	const struct isnad_lexicon *lx;
	const struct isnad_token *tv;
};

/* Index of the tagger mention starting at byte a, or SIZE_MAX. */
/* Is the whole written word w, clitics and all, s (search form)?  For
 * words the tokenizer cuts wrongly: «وليا» is no و + ل + يا. */
static int whole_is(const struct ctx *c, const struct pw *w, const char *s)
{
	char buf[64];
	size_t n;
	if (w->e - w->s > 20)
		return 0;
	n = isnad_normalize_word(c->text + w->s, w->e - w->s, ISNAD_NORM_SEARCH,
	                         buf);
	return n == strlen(s) && !memcmp(buf, s, n);
}

static size_t mention_in(const struct isnad_span_typed *m, size_t n, size_t a)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (m[mid].start < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && m[lo].start == a ? lo : SIZE_MAX;
}

/* In the tagger's list, as the finding rules see it (not after place). */
static size_t mention_at(const struct ctx *c, size_t a)
{
	return mention_in(c->m, c->n_m, a);
}

/* Index of the first word starting at or after byte b. */
static size_t word_from(const struct ctx *c, size_t j, size_t b)
{
	while (j < c->nw && c->w[j].s < b)
		j++;
	return j;
}

/*
 * Whether an unattached word after a place noun looks like its name: the
 * tagger's, or a word the news rarely uses.  A feminine word whose
 * masculine is a common word is an adjective agreeing with the noun
 * (مدينة كبيرة، مدينة سورية), and a common word that the tagger left alone
 * is most likely not a name (مدينة تشهد).
 */
/* The word's count in the news (light form of its name part), and
 * whether it is feminine with a common masculine: an adjective. */
static uint32_t news_count(const struct ctx *c, const struct pw *w,
                           int *adjective)
{
	char buf[256];
	size_t n;
	*adjective = 0;
	if ((w->e - w->ns) * 3 + 4 > sizeof buf)
		return 0;
	n = isnad_normalize_word(c->text + w->ns, w->e - w->ns,
	                         ISNAD_NORM_LIGHT, buf);
	/* final ي for ى and ه for ة are common spellings the lexicon
	 * (Saudi news) rarely has: count the standard form too */
	if (n > 2 && !memcmp(buf + n - 2, "\xd9\x8a", 2)) { /* ي */
		uint32_t a = isnad_lexicon_count(c->lx, buf, n), b;
		buf[n - 1] = '\x89'; /* ى */
		b = isnad_lexicon_count(c->lx, buf, n);
		return a > b ? a : b;
	}
	if (n > 2 && !memcmp(buf + n - 2, "\xd9\x87", 2)) { /* ه */
		/* «الله», «وجه» end in ه of their own: the larger count */
		uint32_t h = isnad_lexicon_count(c->lx, buf, n);
		buf[n - 2] = '\xd8';
		buf[n - 1] = '\xa9'; /* ة */
		*adjective = isnad_lexicon_count(c->lx, buf, n - 2) >= 5;
		{
			uint32_t t = isnad_lexicon_count(c->lx, buf, n);
			return t > h ? t : h;
		}
	}
	*adjective = n > 2 && !memcmp(buf + n - 2, "\xd8\xa9", 2) && /* ة */
	             isnad_lexicon_count(c->lx, buf, n - 2) >= 5;
	return isnad_lexicon_count(c->lx, buf, n);
}

static int name_like(const struct ctx *c, const struct pw *w)
{
	int adj;
	uint32_t cnt;
	if (mention_at(c, w->ns) != SIZE_MAX)
		return 1;
	if (w->kind != PW_AR || !plain(w) || definite(w))
		return 0;
	cnt = news_count(c, w, &adj);
	return !adj && cnt < 40;
}

/* An indefinite noun that can stand inside a construct chain (مكتب
 * استخبارات, وحدات حماية), not an adjective (مخابرات عسكرية). */
static int chain_noun(const struct ctx *c, const struct pw *w)
{
	int adj;
	if (!plain(w) || definite(w) || ends(w, "ي"))
		return 0;
	news_count(c, w, &adj);
	return !adj;
}

struct found {
	size_t seq;    /* order found in, to keep qsort stable */
	size_t a, b;   /* the name */
	size_t zone_a; /* tagger mentions inside [zone_a, b) give way */
	int type;
	int pending;   /* a risky head still short of evidence */
	int generic;   /* a description, not a name (heads_plural) */
	size_t name_w; /* its one definite name word, or SIZE_MAX */
};

static int by_zone(const void *x, const void *y)
{
	const struct found *a = x, *b = y;
	if (a->zone_a != b->zone_a)
		return a->zone_a < b->zone_a ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Adjectives (nisba, then ordinals) from word j; returns the next word
 * and moves *end. */
static size_t adjectives(const struct ctx *c, size_t j, size_t *end,
                         int *evidence)
{
	for (int k = 0; k < 3 && j < c->nw && nisba(&c->w[j]); k++, j++) {
		*end = c->w[j].e;
		*evidence = 1;
	}
	/* not the hour: «بمقر غرفة الرياض التاسعة صباحاً» */
	if (j < c->nw && ordinal(&c->w[j]) &&
	    !(j + 1 < c->nw &&
	      (host_is(&c->w[j + 1], "صباحا") ||
	       host_is(&c->w[j + 1], "مساء") || host_is(&c->w[j + 1], "ظهرا") ||
	       host_is(&c->w[j + 1], "ليلا") || host_is(&c->w[j + 1], "عصرا") ||
	       host_is(&c->w[j + 1], "فجرا")))) {
		*end = c->w[j].e;
		*evidence = 1;
		j++;
	}
	return j;
}

/* A nisba of a known place: السعودية, الأمريكية, التركي. */
static int place_nisba(const struct pw *w)
{
	const char *h = w->h;
	size_t n = w->hl;
	if (!w->art && n >= 8 && !memcmp(h, "\xd8\xa7\xd9\x84", 4)) {
		h += 4;
		n -= 4;
	}
	return isnad_ner_place_nisba(isnad_ner_default(), h, n);
}

/*
 * Where the tagger ended a body's name that the phrase would carry on
 * over adjectives only, the name ends there or at a place's nisba after
 * it: «منظمة التعاون الإسلامي الاستثنائي» is the organisation's
 * extraordinary meeting, but «وزارة الخارجية السعودية» is one ministry
 * and not another.
 */
static void end_with_tagger(const struct ctx *c, size_t i, size_t *end)
{
	size_t tm = mention_at(c, c->w[i].ns), q, last;
	if (tm == SIZE_MAX || c->m[tm].type != ISNAD_NER_ORG ||
	    c->m[tm].end >= *end)
		return;
	q = word_from(c, i, c->m[tm].end);
	if (q >= c->nw || c->w[q].s < c->m[tm].end)
		return; /* the tagger ended inside a word */
	for (size_t k = q; k < c->nw && c->w[k].e <= *end; k++)
		if (!nisba(&c->w[k]))
			return;
	last = c->m[tm].end;
	for (; q < c->nw && c->w[q].e <= *end && place_nisba(&c->w[q]); q++)
		last = c->w[q].e;
	*end = last;
}

/* «لحقوق الإنسان», «لشؤون اللاجئين» after a body's name. */
static size_t lam_tail(const struct ctx *c, size_t j, size_t *end)
{
	const struct pw *w = &c->w[j];
	if (j + 1 < c->nw && w->kind == PW_AR && w->prep == PREP_LAM &&
	    !w->conj && !definite(w) && !w->enc && IN(w, lam_chain) &&
	    plain(&c->w[j + 1]) && definite(&c->w[j + 1])) {
		*end = c->w[j + 1].e;
		j += 2;
		int ev = 0;
		j = adjectives(c, j, end, &ev);
	}
	return j;
}

/* A quoted name from word j (an opening quote): its bytes, or 0. */
static int quoted(const struct ctx *c, size_t j, size_t *a, size_t *b,
                  size_t *next)
{
	size_t k;
	if (j >= c->nw || !is_open_quote(&c->w[j]))
		return 0;
	for (k = j + 1; k < c->nw && k <= j + 7; k++) {
		const struct pw *w = &c->w[k];
		if (is_close_quote(w) && k > j + 1) {
			*a = c->w[j + 1].ns;
			*b = c->w[k - 1].e;
			*next = k + 1;
			return 1;
		}
		if (w->kind == PW_PUNCT || w->kind == PW_OTHER)
			return 0;
	}
	return 0;
}

static int is_paren(const struct pw *w, char ch)
{
	return w->kind == PW_PUNCT && w->hl == 1 && w->h[0] == ch;
}

/* An acronym in Latin letters: 2 to 10 letters, most of them capitals
 * (YPG, PKK, NATO, DoD). */
static int latin_acronym(const char *text, const struct pw *w)
{
	size_t n = w->e - w->s, caps = 0;
	if (w->kind != PW_LAT || n < 2 || n > 10)
		return 0;
	for (size_t i = w->s; i < w->e; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch >= 'A' && ch <= 'Z')
			caps++;
		else if (!(ch >= 'a' && ch <= 'z'))
			return 0;
	}
	return caps * 2 > n;
}

/* Institution heads in construct (rule A) or definite with a nisba
 * (rule B), from word i. */
static int body_at(const struct ctx *c, size_t i, struct found *f)
{
	const struct pw *h = &c->w[i];
	size_t j = i + 1, end = 0, mi;
	int evidence = 0, risky, by_mention = 0;
	f->pending = f->generic = 0;
	f->name_w = SIZE_MAX;
	if (h->kind != PW_AR || h->enc || j >= c->nw)
		return 0;
	if (definite(h)) {
		/* agreeing: «الطيران التركي», «الطائرات التركية»; in
		 * «إدارة الطيران الأمريكية» the adjective is the body's */
		if (IN(h, heads_nat) && plain(&c->w[j]) &&
		    !IN(&c->w[j], arm_adj) && !ordinal(&c->w[j]) &&
		    /* the masculine heads take a masculine nisba */
		    ends(&c->w[j], "ه") ==
		        !(host_is(h, "طيران") || host_is(h, "وفد")) &&
		    place_nisba(&c->w[j])) {
			f->a = f->zone_a = h->ns;
			f->b = c->w[j].e;
			f->type = ISNAD_NER_ORG;
			f->generic = 1;
			return 1;
		}
		if (!IN(h, heads_def))
			return 0;
		/* وزير الخارجية الأميركي is a title, not the ministry */
		if (i > 0 && IN(&c->w[i - 1], title_of_body) &&
		    !definite(&c->w[i - 1]))
			return 0;
		if (!nisba(&c->w[j]))
			return 0;
		j = adjectives(c, j, &end, &evidence);
		lam_tail(c, j, &end);
		end_with_tagger(c, i, &end);
		f->a = f->zone_a = h->ns;
		f->b = end;
		f->type = ISNAD_NER_ORG;
		f->generic = IN(h, heads_plural);
		return 1;
	}
	risky = IN(h, heads_risky);
	if (!risky && !IN(h, heads_safe))
		return 0;
	/* up to two indefinite nouns in the chain: مكتب استخبارات الأمن */
	for (int k = 0; k < 2 && j < c->nw && chain_noun(c, &c->w[j]) &&
	                mention_at(c, c->w[j].ns) == SIZE_MAX;
	     k++)
		j++;
	if (j >= c->nw)
		return 0;
	mi = mention_at(c, c->w[j].ns);
	/* a currency, a product or an event is no owner a common noun
	 * names a body by: «حركة اليورو», «نظام ويندوز»; a group may be
	 * (مجموعة اليورو) */
	if (mi != SIZE_MAX && risky && c->m[mi].type == ISNAD_NER_MISC &&
	    !host_is(h, "مجموعه"))
		mi = SIZE_MAX;
	if (mi != SIZE_MAX && !c->w[j].conj && !c->w[j].prep) {
		/* «تنظيم داعش»: the tagger has the name and the head only
		 * describes it; «حكومة رجب طيب أردوغان»: the person is
		 * worth more than the phrase.  «قوات الأسد» is a body. */
		if (c->m[mi].type == ISNAD_NER_ORG ||
		    (c->m[mi].type == ISNAD_NER_PER &&
		     word_from(c, j, c->m[mi].end) > j + 1))
			return 0;
		end = c->m[mi].end;
		j = word_from(c, j, end);
		evidence = by_mention = 1;
	} else if (plain(&c->w[j]) && definite(&c->w[j])) {
		if (j == i + 1)
			f->name_w = j; /* right after the head: its owner */
		end = c->w[j].e;
		evidence |= ordinal(&c->w[j]); /* مجموعة العشرين */
		j++;
	} else {
		return 0;
	}
	j = adjectives(c, j, &end, &evidence);
	j = lam_tail(c, j, &end);
	if (f->name_w != j - 1)
		f->name_w = SIZE_MAX; /* more than the one word */
	/* a short form defined after it names it: «وحدات حماية المرأة (YPJ)» */
	if (j + 2 < c->nw && is_paren(&c->w[j], '(') &&
	    is_paren(&c->w[j + 2], ')') &&
	    (latin_acronym(c->text, &c->w[j + 1]) || plain(&c->w[j + 1])))
		evidence = 1;
	end_with_tagger(c, i, &end);
	f->pending =
	    risky && (!evidence || (IN(h, heads_owner) && !by_mention));
	/* قوات الأمن, سلطات الاحتلال describe; قوات الأسد names
	 * (confirm_owners); so does any head before a describing owner */
	f->generic = f->name_w != SIZE_MAX &&
	             (IN(h, heads_plural) || IN(&c->w[f->name_w], desc_owners));
	f->a = f->zone_a = h->ns;
	f->b = end;
	f->type = ISNAD_NER_ORG;
	return 1;
}

/*
 * An outlet's name after «صحيفة», «قناة», «موقع» with no quotes: a
 * definite name (صحيفة الشرق الأوسط; a second definite word unless it is
 * an adjective or a participle: الحياة الصادرة) or unfamiliar words
 * (موقع نورديك مونيتور).  «موقع» is also "site" (موقع الانفجار), so after
 * it only unfamiliar words count.
 */
static int media_name(const struct ctx *c, size_t i, struct found *f)
{
	size_t j = i + 1, b;
	const struct pw *w = &c->w[j];
	int site = IN(&c->w[i], place_intro_site);
	if (plain(w) && definite(w) && !nisba(w) && !site) {
		b = w->e;
		if (j + 1 < c->nw && plain(&c->w[j + 1]) &&
		    definite(&c->w[j + 1]) && !nisba(&c->w[j + 1]) &&
		    !ends(&c->w[j + 1], "ه"))
			b = c->w[j + 1].e;
	} else if (name_like(c, w) && !definite(w)) {
		size_t k = j + 1;
		int known = mention_at(c, w->ns) != SIZE_MAX;
		b = w->e;
		if (known)
			b = c->m[mention_at(c, w->ns)].end;
		/* «موقع أقوى»: after "site" one unfamiliar word is not
		 * enough */
		if (site && !known && !(k < c->nw && name_like(c, &c->w[k])))
			return 0;
		/* more unfamiliar words (نيويورك تايمز), or one plain noun
		 * (ديلي صباح) that is not a verb in ت (ديلي تلغراف قالت) */
		for (; k < c->nw && k < j + 3 && c->w[k].s >= b; k++) {
			const struct pw *x = &c->w[k];
			if (!name_like(c, x) &&
			    !(k == j + 1 && plain(x) && !definite(x) &&
			      !ends(x, "ت") && !ends(x, "ه") && !ends(x, "ي")))
				break;
			b = x->e;
		}
	} else {
		return 0;
	}
	f->a = w->ns;
	f->zone_a = c->w[i].ns;
	f->b = b;
	f->type = ISNAD_NER_ORG;
	return 1;
}

/*
 * A person's name after a title, closed by punctuation: «العقيد تامر
 * نظمي سيزن،», «ضابط المخابرات كمال الكان، الذي», and a name in
 * apposition between commas after an office: «رئيس مكتب ... القومي، علي
 * مملوك،».  The name is one to five plain words, the first without the
 * article (family names may have it: فضل السليم); the closing punctuation
 * or relative pronoun is what keeps verbs out («المحامي يقول إن»).
 */
/* «مديرا», «رسميا»: an accusative in ا of a common word is no name. */
static int adverbial(const struct ctx *c, const struct pw *w)
{
	char buf[256];
	size_t n;
	if (!ends(w, "ا") || (w->e - w->ns) * 3 + 4 > sizeof buf)
		return 0;
	n = isnad_normalize_word(c->text + w->ns, w->e - w->ns,
	                         ISNAD_NORM_LIGHT, buf);
	return n > 4 && isnad_lexicon_count(c->lx, buf, n - 2) >= 20;
}

static int is_comma(const struct pw *w)
{
	return w->kind == PW_PUNCT &&
	       ((w->hl == 2 && !memcmp(w->h, "\xd8\x8c", 2)) || /* ، */
	        (w->hl == 1 && w->h[0] == ','));
}

static int relative(const struct pw *w)
{
	static const char *const rel[] = {"الذي", "التي", "الذين", "اللذين",
	                                  "اللتين"};
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(rel); i++)
		if (w->hl == strlen(rel[i]) && !memcmp(w->h, rel[i], w->hl))
			return 1;
	return 0;
}

/* علي the name is written with ي, على the preposition with ى. */
static int ali_name(const struct ctx *c, const struct pw *w)
{
	return w->hl == 6 && !memcmp(w->h, "علي", 6) && !w->conj && !w->prep &&
	       !w->enc && !memcmp(c->text + w->e - 2, "\xd9\x8a", 2);
}

/* Whether the tagger has a person that ends where words j..k-1 end and
 * starts one or two words after j, none of them a title: the end of a
 * name it found only in part («المحامي فضل السليم أبو مصطفى،», where it
 * has أبو مصطفى; not «وقلده قلادة الملك عبد العزيز»). */
static int person_ends(const struct ctx *c, size_t j, size_t k)
{
	size_t lo = 0, hi = c->n_m, e = c->w[k - 1].e, q;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->m[mid].start < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || c->m[lo - 1].end != e || c->m[lo - 1].type != ISNAD_NER_PER)
		return 0;
	for (q = j; q < k && c->w[q].e <= c->m[lo - 1].start; q++)
		if (IN(&c->w[q], person_titles) || IN(&c->w[q], royal_titles))
			return 0;
	return q > j && q <= j + 2 && c->w[q].ns == c->m[lo - 1].start;
}

static int name_words(const struct ctx *c, size_t j, size_t *end_w)
{
	size_t k = j;
	if (k < c->nw && ali_name(c, &c->w[k]))
		k++;
	else if (k >= c->nw || !plain(&c->w[k]) || definite(&c->w[k]) ||
	         IN(&c->w[k], name_links) || IN(&c->w[k], office_words) ||
	         IN(&c->w[k], person_titles) || adverbial(c, &c->w[k]))
		return 0;
	while (k < c->nw && k < j + 5 && plain(&c->w[k]) &&
	       !(k > j && nisba(&c->w[k]) && !IN(&c->w[k - 1], name_links)))
		k++;
	if (k == j)
		return 0;
	/* closed: punctuation, a relative pronoun, or the text's end */
	if (k < c->nw && c->w[k].kind != PW_PUNCT && !relative(&c->w[k]))
		return 0;
	/* and a name has a word the news rarely uses, or ends in a person
	 * the tagger found: «الفريق تحديات كثيرة،» is a team facing
	 * challenges, «الفريق خليفة حفتر،» a general */
	{
		/* the last word (the family name) at least; words of one
		 * letter (a cut «لـ») are none */
		int adj;
		for (size_t q = j; q < k; q++)
			if (c->w[q].hl < 4)
				return 0;
		if ((news_count(c, &c->w[k - 1], &adj) >= 40 || adj) &&
		    !person_ends(c, j, k))
			return 0;
	}
	*end_w = k;
	return 1;
}

/* «يدعى», «يُدعى», «المدعو», «المدعوة»: a person named next. */
static int naming(const struct pw *h)
{
	return (h->hl == 8 && !memcmp(h->h, "يدعي", 8) && !h->art) ||
	       (h->art && ((h->hl == 8 && !memcmp(h->h, "مدعو", 8)) ||
	                   (h->hl == 10 && !memcmp(h->h, "مدعوه", 10))));
}

static int person_at(const struct ctx *c, size_t i, struct found *f)
{
	const struct pw *h = &c->w[i];
	size_t j = i + 1, e;
	f->pending = f->generic = 0;
	f->name_w = SIZE_MAX;
	if (h->kind != PW_AR || h->enc)
		return 0;
	if (definite(h) && IN(h, person_titles)) {
		/* «العقيد X»; a title may take a nisba first (الرئيس
		 * الأمريكي باراك أوباما) or a grade (الفريق أول ركن) */
		while (j < c->nw && (nisba(&c->w[j]) || IN(&c->w[j], grades)))
			j++;
	} else if (!definite(h) && IN(h, office_words)) {
		/* «رئيس مكتب استخبارات الأمن القومي، X،»: the office with
		 * its construct chain, then the name between commas */
		size_t k = j;
		while (k < c->nw && k < i + 7 && plain(&c->w[k]) &&
		       (definite(&c->w[k]) || chain_noun(c, &c->w[k])))
			k++;
		if (k > j && k < c->nw && is_comma(&c->w[k]) &&
		    name_words(c, k + 1, &e) && e < c->nw &&
		    is_comma(&c->w[e])) {
			j = k + 1;
			goto found;
		}
		/* «ضابط المخابرات X،»: definite complements, then the name
		 * (after a rank's grade: قائد الجيش الفريق أول X) */
		while (j < c->nw && j < i + 5 && plain(&c->w[j]) &&
		       definite(&c->w[j]))
			j++;
		if (j == i + 1)
			return 0;
		while (j < c->nw && IN(&c->w[j], grades))
			j++;
	} else if (naming(h) &&
	           /* يدعي also claims: only after the noun it names, «رجلاً
	            * يدعى» («بعضها يدعي صداقة», «ويدعي منتقدو» claim) */
	           (h->art || (!h->conj && i > 0 && c->w[i - 1].kind == PW_AR &&
	                       c->w[i - 1].hl >= 6 && plain(&c->w[i - 1]) &&
	                       !definite(&c->w[i - 1])))) {
		/* «رجلا يدعى ساوتي كوما يوم الأحد», «المدعو إسماعيل»: the
		 * name runs over up to four plain words, the first without
		 * the article */
		size_t k = j;
		int adj;
		if (j < c->nw && is_open_quote(&c->w[j]))
			j = k = j + 1;
		if (j >= c->nw ||
		    (!plain(&c->w[j]) && !ali_name(c, &c->w[j])) ||
		    definite(&c->w[j]))
			return 0;
		while (k < c->nw && k < j + 4 &&
		       (plain(&c->w[k]) || (k == j && ali_name(c, &c->w[k]))) &&
		       c->w[k].hl >= 4)
			k++;
		/* a run closed by punctuation, a function word or a word
		 * joined by و is the name, common words and all («المدعو
		 * إسماعيل إنه»); otherwise it ends at a rare word */
		if (!(k == c->nw || c->w[k].kind == PW_PUNCT ||
		      IN(&c->w[k], func) || c->w[k].conj))
			while (k > j &&
			       (news_count(c, &c->w[k - 1], &adj) >= 40 || adj))
				k--;
		if (k == j)
			return 0;
		e = k;
		goto found;
	} else {
		return 0;
	}
	if (!name_words(c, j, &e))
		return 0;
found:
	if (mention_at(c, c->w[j].ns) != SIZE_MAX)
		return 0; /* the tagger has it */
	f->a = c->w[j].ns;
	f->zone_a = f->a;
	f->b = c->w[e - 1].e;
	f->type = ISNAD_NER_PER;
	return 1;
}

/*
 * An official described and not named: «وزير الخارجية الأمريكي», «رئيس
 * الوزراء البريطاني», «الرئيس الفرنسي», with no name or title after it
 * (then it is that person's title: «وزير الخارجية السعودي عادل الجبير»).
 * An actor and a source, like «القوات التركية»; not «نائب الرئيس
 * الأمريكي», whose office is another's.
 */
static int official_at(const struct ctx *c, size_t i, struct found *f)
{
	const struct pw *h = &c->w[i];
	size_t j = i + 1, q;
	f->pending = f->generic = 0;
	f->name_w = SIZE_MAX;
	if (h->kind != PW_AR || h->enc || j >= c->nw)
		return 0;
	if (!definite(h) && (IN(h, title_of_body) || host_is(h, "رييس") ||
	                     host_is(h, "رييسه"))) {
		/* its ministry or council: one definite word, which no
		 * name holds (in «رئيس البنك الدولي» the bank is named) */
		struct found g;
		if (!plain(&c->w[j]) || !definite(&c->w[j]) ||
		    place_nisba(&c->w[j]) ||
		    mention_in(c->m, c->n_m, c->w[j].ns) != SIZE_MAX ||
		    body_at(c, j, &g))
			return 0;
		j++;
	} else if (!(definite(h) && host_is(h, "رييس"))) {
		return 0;
	}
	/* another's office («نائب الرئيس», «مساعدة وزير»), or a role after
	 * a name («آشتون كارتر وزير الدفاع الأميركي», «X، وزير الآثار») */
	if (i > 0) {
		const struct pw *p = &c->w[i - 1];
		size_t b = i - 1;
		if (p->kind == PW_AR && !definite(p) &&
		    (IN(p, office_words) || IN(p, title_of_body) ||
		     host_is(p, "مساعده") || host_is(p, "نايبه") ||
		     host_is(p, "وكيله") || host_is(p, "مستشاره") || p->prep))
			return 0;
		if (is_comma(p) && i > 1)
			b = i - 2;
		if (c->w[b].kind == PW_AR &&
		    mention_in(c->m, c->n_m, c->w[b].ns) != SIZE_MAX)
			return 0;
	}
	if (j >= c->nw || !plain(&c->w[j]) || !place_nisba(&c->w[j]) ||
	    IN(&c->w[j], not_adj) || IN(&c->w[j], office_adj) ||
	    mention_at(c, c->w[j].ns) != SIZE_MAX)
		return 0;
	/* a person named within four words after it (commas, «آنذاك»,
	 * «للشؤون الخارجية» between) has it for a title */
	for (q = j + 1; q < c->nw && q <= j + 4; q++) {
		size_t k;
		if (c->w[q].kind == PW_PUNCT && !is_comma(&c->w[q]))
			break;
		if (IN(&c->w[q], person_titles) || IN(&c->w[q], royal_titles))
			return 0;
		k = mention_in(c->m, c->n_m, c->w[q].ns);
		if (k != SIZE_MAX && c->m[k].type == ISNAD_NER_PER)
			return 0;
	}
	f->a = f->zone_a = h->ns;
	f->b = c->w[j].e;
	f->type = ISNAD_NER_PER;
	f->generic = 1;
	return 1;
}

/* A name introduced by what it is (rules C and D), from word i. */
/*
 * A person given by name after «باسمه الأول», «اسمها الحركي», «اسمه
 * الحقيقي»: the name in brackets or quotes («تم التعرف عليه فقط باسمه
 * الأول (مسوت)»).  Without them the words after «اسمه» are as often a
 * sentence («اسمه مكتوب على الباب»).
 */
static int named_as_at(const struct ctx *c, size_t i, struct found *f)
{
	const struct pw *h = &c->w[i];
	size_t j = i + 1, k;
	f->pending = f->generic = 0;
	f->name_w = SIZE_MAX;
	if (h->kind != PW_AR || !h->enc || h->art || h->hl != 6 ||
	    memcmp(h->h, "اسم", 6) || (h->prep && h->prep != PREP_BA))
		return 0;
	/* the kind of name tells it is a person's: «مشروع اسمه
	 * «هابيتات»», «الفيلم واسمه «سلو قلبي»» name things */
	if (j >= c->nw || c->w[j].kind != PW_AR || !definite(&c->w[j]) ||
	    !IN(&c->w[j], name_kinds))
		return 0;
	j++;
	if (j + 2 >= c->nw ||
	    !(is_paren(&c->w[j], '(') || is_open_quote(&c->w[j])))
		return 0;
	for (k = j + 1; k < c->nw && k < j + 5 && plain(&c->w[k]) &&
	                (k > j + 1 || !definite(&c->w[k]));
	     k++)
		;
	if (k == j + 1 || k >= c->nw ||
	    !(is_paren(&c->w[k], ')') || is_close_quote(&c->w[k])))
		return 0;
	if (mention_at(c, c->w[j + 1].ns) != SIZE_MAX)
		return 0; /* the tagger has it */
	f->a = f->zone_a = c->w[j + 1].ns;
	f->b = c->w[k - 1].e;
	f->type = ISNAD_NER_PER;
	return 1;
}

static int introduced_at(const struct ctx *c, size_t i, struct found *f)
{
	const struct pw *h = &c->w[i];
	size_t a, b, next, j = i + 1, k;
	int group, media, place;
	if (h->kind != PW_AR || definite(h) || h->enc || j >= c->nw)
		return 0;
	f->pending = f->generic = 0;
	f->name_w = SIZE_MAX;
	group = IN(h, intro_group);
	media = IN(h, intro_media);
	place = IN(h, intro_place);
	if (!group && !media && !place)
		return 0;
	if (quoted(c, j, &a, &b, &next)) {
		f->zone_a = h->ns;
		f->b = b;
		f->a = group ? h->ns : a;
		f->type = place ? ISNAD_NER_LOC : ISNAD_NER_ORG;
		/* تنظيم "الدولة" الإسلامية: the name goes on.  With nothing
		 * after the quotes it ends with them: a head keeps its name
		 * (تنظيم "الدولة"), and a span never holds one quote alone */
		if (group) {
			size_t end = b;
			int ev = 0;
			adjectives(c, next, &end, &ev);
			f->b = end == b ? c->w[next - 1].e : end;
		}
		return 1;
	}
	if (media)
		return media_name(c, i, f);
	if (!place || (!name_like(c, &c->w[j]) &&
	               !(plain(&c->w[j]) && IN(&c->w[j], place_first))))
		return 0;
	/* one word, or a two-word name: رأس العين، سان فرانسيسكو */
	b = c->w[j].e;
	k = mention_at(c, c->w[j].ns);
	if (k != SIZE_MAX) {
		b = c->m[k].end;
	} else if (j + 1 < c->nw && IN(&c->w[j], place_first) &&
	           plain(&c->w[j + 1]) && !nisba(&c->w[j + 1])) {
		b = c->w[j + 1].e;
	}
	f->a = c->w[j].ns;
	f->zone_a = h->ns;
	f->b = b;
	f->type = ISNAD_NER_LOC;
	return 1;
}

/* «في تل أبيض», «بدير الزور», «شمال جسر الشغور»: a common noun that
 * begins place names, after a preposition, with the word after it. */
static int compound_place_at(const struct ctx *c, size_t i, struct found *f)
{
	const struct pw *h = &c->w[i], *n;
	size_t k;
	if (h->kind != PW_AR || definite(h) || h->enc || i + 1 >= c->nw ||
	    !IN(h, place_first_bare))
		return 0;
	if (!(h->prep == PREP_BA ||
	      (i > 0 && c->w[i - 1].kind == PW_AR && !c->w[i - 1].enc &&
	       !c->w[i - 1].art && IN(&c->w[i - 1], place_preps))))
		return 0;
	n = &c->w[i + 1];
	if (n->kind != PW_AR || n->conj || n->prep || n->enc || IN(n, func) ||
	    ordinal(n))
		return 0;
	f->pending = f->generic = 0;
	f->name_w = SIZE_MAX;
	f->a = f->zone_a = h->ns;
	k = mention_at(c, n->ns);
	f->b = k != SIZE_MAX ? c->m[k].end : n->e;
	f->type = ISNAD_NER_LOC;
	return 1;
}

/*
 * Put the founds in the list: tagger mentions inside a found's zone give
 * way; one that crosses its edges keeps its place and the found is
 * dropped, as is a found overlapping one already kept.  One pass with
 * binary searches, so a long text's thousands of phrases stay linear.
 */
static isnad_status place_all(struct isnad_span_typed **m, size_t *n,
                              size_t *cap, struct found *fv, size_t nf)
{
	struct isnad_span_typed *v = *m, *out;
	size_t nm = *n, nk = 0, o = 0, k, j;
	unsigned char *drop = isnad_calloc(nm + 1, 1);
	if (!drop)
		return ISNAD_ENOMEM;
	for (size_t i = 0; i < nf; i++) {
		const struct found *f = &fv[i];
		size_t lo = 0, hi = nm;
		int crossing = 0;
		if (f->pending || (nk && f->zone_a < fv[nk - 1].b))
			continue;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (v[mid].start < f->zone_a)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0 && v[lo - 1].end > f->zone_a)
			lo--;
		for (k = lo; k < nm && v[k].start < f->b && !crossing; k++)
			crossing = v[k].start < f->zone_a || v[k].end > f->b;
		if (crossing)
			continue;
		for (k = lo; k < nm && v[k].start < f->b; k++)
			drop[k] = 1;
		fv[nk++] = *f; /* kept founds, in order, over the list */
	}
	out = isnad_malloc((nm + nk + 1) * sizeof *out);
	if (!out) {
		isnad_free(drop);
		return ISNAD_ENOMEM;
	}
	for (k = 0, j = 0; k < nm || j < nk;) {
		if (k < nm && drop[k]) {
			k++;
		} else if (j < nk && (k >= nm || fv[j].a <= v[k].start)) {
			out[o].start = fv[j].a;
			out[o].end = fv[j].b;
			out[o].type = fv[j].type;
			out[o].generic = fv[j].generic;
			o++;
			j++;
		} else {
			out[o++] = v[k++];
		}
	}
	isnad_free(drop);
	isnad_free(v);
	*m = out;
	*n = o;
	*cap = nm + nk + 1;
	return ISNAD_OK;
}

/* Index of the word holding byte a (words are in order), or SIZE_MAX. */
static size_t word_holding(const struct ctx *c, size_t a)
{
	size_t lo = 0, hi = c->nw;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->w[mid].e <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nw && c->w[lo].s <= a ? lo : SIZE_MAX;
}

/* Whether word w ends a person's longer name among the n mentions m: a
 * family name the text also gives whole («عبد الله الفوزان» … «الفوزان»). */
static int ends_a_name(const struct ctx *c, const struct isnad_span_typed *m,
                       size_t n, const struct pw *w)
{
	size_t len = w->e - w->ns;
	for (size_t j = 0; j < n; j++)
		if (m[j].type == ISNAD_NER_PER && m[j].end - m[j].start > len &&
		    c->text[m[j].end - len - 1] == ' ' &&
		    !memcmp(c->text + m[j].end - len, c->text + w->ns, len))
			return 1;
	return 0;
}

/*
 * Mend what the tagger gets wrong in ways a closed class shows: a one-word
 * mention that is a function word or an ordinal («باسمه الأول») is no
 * name; a one-word person that is a definite nisba right after a definite
 * word or a name is that word's adjective («الموقع السويدي»); a region
 * noun tagged alone joins the place after it (ريف + حلب).
 */
/*
 * Conjoined places share their type: «تدمر والسّخنة».  The definite word
 * after و or أو joins as a place when it is itself unfamiliar to the news
 * (a common word after و is another thing: «دمشق والمعارضة») and the
 * gazetteer knows it as a place, or the news has it once at most and it
 * has no plural ending (rarer words after و are as often participles,
 * verbal nouns and plurals: «مكة المكرمة أو المغادرون منها»,
 * «والاقتتال», «والمصطافين»).
 */
static isnad_status conjoined(const struct ctx *c, struct isnad_span_typed **m,
                              size_t *n, size_t *cap)
{
	for (size_t i = 0; i < *n; i++) {
		size_t wi = word_holding(c, (*m)[i].end - 1), k;
		const struct pw *w;
		struct isnad_span_typed add;
		int adj;
		uint32_t cnt;
		if (wi == SIZE_MAX || wi + 1 >= c->nw ||
		    c->w[wi].e != (*m)[i].end)
			continue;
		k = wi + 1;
		w = &c->w[k];
		if (!w->conj) { /* أو between them */
			if (w->kind != PW_AR || w->prep || w->hl != 4 ||
			    memcmp(w->h, "\xd8\xa7\xd9\x88", 4) ||
			    k + 1 >= c->nw)
				continue;
			w = &c->w[++k];
			if (w->conj)
				continue;
		}
		/* places only, and a definite noun: after و an unfamiliar
		 * word is as often a verb (وتعبث) or a name's first half */
		if ((*m)[i].type != ISNAD_NER_LOC || w->kind != PW_AR ||
		    w->prep || w->enc || !definite(w) || IN(w, func) ||
		    ends(w, "ي") || ends(w, "يه"))
			continue;
		if ((cnt = news_count(c, w, &adj)) >= 40 || adj ||
		    mention_in(*m, *n, w->ns) != SIZE_MAX)
			continue;
		if (!(isnad_ner_whole_name(isnad_ner_default(), c->tv, w->t0,
		                           w->t1) &
		      1u << ISNAD_NER_LOC) &&
		    (cnt > 1 || ends(w, "ون") || ends(w, "ين") ||
		     ends(w, "ات")))
			continue;
		add = (*m)[i];
		add.start = w->ns;
		add.end = w->e;
		if (isnad_span_insert(m, n, cap, &add) != ISNAD_OK)
			return ISNAD_ENOMEM;
	}
	return ISNAD_OK;
}

/*
 * A group's members by the plural of the nisba its name ends in: after
 * «جماعة الحوثي» or «ميليشيات الحوثي», «الحوثيين» and «الحوثيون» are that
 * body.  The mention leaves the plural ending out, so that it reads as
 * the name's last word and joins the body's entity (resolve.h).
 */
static isnad_status group_plurals(const struct ctx *c,
                                  struct isnad_span_typed **m, size_t *n,
                                  size_t *cap)
{
	for (size_t i = 0; i < c->nw; i++) {
		const struct pw *w = &c->w[i];
		struct isnad_span_typed add;
		size_t len, j;
		if (w->kind != PW_AR || !definite(w) || w->enc ||
		    w->e - w->ns < 14 || !(ends(w, "يين") || ends(w, "يون")) ||
		    mention_in(*m, *n, w->ns) != SIZE_MAX)
			continue;
		len = w->e - 4 - w->ns; /* without ين / ون */
		/* not a people's nisba: اليمنيين after «الجيش اليمني» */
		if (w->hl > 4 &&
		    isnad_ner_place_nisba(isnad_ner_default(), w->h, w->hl - 4))
			continue;
		for (j = 0; j < *n; j++) {
			const struct isnad_span_typed *x = &(*m)[j];
			size_t h0 = word_holding(c, x->start);
			if (x->type == ISNAD_NER_ORG && !x->generic &&
			    x->end - x->start > len && h0 != SIZE_MAX &&
			    IN(&c->w[h0], group_heads) &&
			    c->text[x->end - len - 1] == ' ' &&
			    !memcmp(c->text + x->end - len, c->text + w->ns,
			            len))
				break;
		}
		if (j == *n)
			continue;
		add.start = w->ns;
		add.end = w->e - 4;
		add.type = ISNAD_NER_ORG;
		add.generic = 0;
		if (isnad_span_insert(m, n, cap, &add) != ISNAD_OK)
			return ISNAD_ENOMEM;
	}
	return ISNAD_OK;
}

/*
 * A person (or a body) the tagger found at or after a royal title that
 * follows a place or institution noun is the namesake of that place: «مطار
 * الملك عبد العزيز الدولي» is an airport (LOC), «بجامعة الملك سعود» a
 * university (ORG), not a mention of the king.  The phrase takes the noun, the
 * title, the name and the nisba adjectives after it.
 */
static void facilities(const struct ctx *c, struct isnad_span_typed *m,
                       size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t wi = word_holding(c, m[i].start), we, k, ti;
		const struct pw *t, *f;
		/* «المسجد الحرام», «المسجد الأقصى»: the tagger took the
		 * adjective of a definite place noun for the name */
		if (wi != SIZE_MAX && wi >= 1 && c->w[wi].ns == m[i].start &&
		    m[i].end == c->w[wi].e && definite(&c->w[wi]) &&
		    !c->w[wi].conj && !c->w[wi].prep &&
		    definite(&c->w[wi - 1]) && !c->w[wi - 1].enc &&
		    IN(&c->w[wi - 1], facility_place) &&
		    (i == 0 || m[i - 1].end <= c->w[wi - 1].ns)) {
			m[i].start = c->w[wi - 1].ns;
			m[i].type = ISNAD_NER_LOC;
			continue;
		}
		if ((m[i].type != ISNAD_NER_PER &&
		     m[i].type != ISNAD_NER_ORG) ||
		    wi == SIZE_MAX || wi < 1 || c->w[wi].ns != m[i].start)
			continue;
		/* the mention starts at the title or right after it */
		ti = IN(&c->w[wi], royal_titles) && definite(&c->w[wi])
		         ? wi
		         : wi - 1;
		if (ti < 1 || (ti == wi && m[i].end <= c->w[wi].e))
			continue;
		t = &c->w[ti];
		f = &c->w[ti - 1];
		if (t->kind != PW_AR || !definite(t) || t->conj || t->prep ||
		    !IN(t, royal_titles) || f->kind != PW_AR || definite(f) ||
		    f->enc || (!IN(f, facility_place) && !IN(f, facility_body)))
			continue;
		/* the mention before must not reach into the phrase */
		if (i > 0 && m[i - 1].end > f->ns)
			continue;
		we = word_holding(c, m[i].end - 1);
		if (we == SIZE_MAX)
			continue;
		for (k = we + 1; k < c->nw && nisba(&c->w[k]); k++)
			;
		m[i].start = f->ns;
		if (k > we + 1 &&
		    (i + 1 >= n || m[i + 1].start >= c->w[k - 1].e))
			m[i].end = c->w[k - 1].e;
		m[i].type =
		    IN(f, facility_place) ? ISNAD_NER_LOC : ISNAD_NER_ORG;
	}
}

/* «سلمان بن عبدالعزيز آل سعود»: a person's name goes on over آل and the
 * family's name, which the tagger often cut off or typed apart. */
static void family_names(const struct ctx *c, struct isnad_span_typed *m,
                         size_t *n)
{
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		size_t we;
		m[k++] = m[i];
		if (m[i].type != ISNAD_NER_PER ||
		    (we = word_holding(c, m[i].end - 1)) == SIZE_MAX ||
		    c->w[we].e != m[i].end || we + 2 >= c->nw ||
		    c->w[we + 1].e - c->w[we + 1].s != 4 ||
		    memcmp(c->text + c->w[we + 1].s, "\xd8\xa2\xd9\x84", 4) ||
		    !plain(&c->w[we + 2]))
			continue;
		/* the family name may be a mention of its own: it joins */
		while (i + 1 < *n && m[i + 1].start < c->w[we + 2].e) {
			if (m[i + 1].end > c->w[we + 2].e)
				break;
			i++;
		}
		if (i + 1 < *n && m[i + 1].start < c->w[we + 2].e)
			continue; /* a longer mention there: leave it */
		m[k - 1].end = c->w[we + 2].e;
	}
	*n = k;
}

/* «مكة المكرمة», «الكعبة المشرفة»: a place (or a body or thing named
 * after one) takes the honorific epithet after it, which the training
 * corpus leaves out of the name but a reader keeps in it. */
static void honorific_epithets(const struct ctx *c, struct isnad_span_typed *m,
                               size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t we;
		const struct pw *x;
		if (m[i].type == ISNAD_NER_PER ||
		    (we = word_holding(c, m[i].end - 1)) == SIZE_MAX ||
		    c->w[we].e != m[i].end || we + 1 >= c->nw ||
		    (i + 1 < n && m[i + 1].start < c->w[we + 1].e))
			continue;
		x = &c->w[we + 1];
		if (x->kind == PW_AR && definite(x) && !x->conj && !x->prep &&
		    !x->enc && IN(x, honorifics))
			m[i].end = x->e;
	}
}

/* «في أوروبا الغربية», «ولايتي سكسونيا السفلى»: a place after a
 * preposition (its own or a word of its own) or a noun of places takes the
 * region's adjective that follows it. */
static void region_adjectives(const struct ctx *c, struct isnad_span_typed *m,
                              size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t wa, we;
		const struct pw *a, *x;
		if (m[i].type != ISNAD_NER_LOC ||
		    (wa = word_holding(c, m[i].start)) == SIZE_MAX ||
		    (we = word_holding(c, m[i].end - 1)) == SIZE_MAX ||
		    c->w[we].e != m[i].end || we + 1 >= c->nw ||
		    (i + 1 < n && m[i + 1].start < c->w[we + 1].e))
			continue;
		a = &c->w[wa];
		x = &c->w[we + 1];
		if (x->kind != PW_AR || !definite(x) || x->conj || x->prep ||
		    x->enc || !IN(x, region_adj))
			continue;
		if (a->prep || wa == 0 || c->w[wa - 1].kind == PW_PUNCT ||
		    (c->w[wa - 1].kind == PW_AR && !c->w[wa - 1].enc &&
		     (IN(&c->w[wa - 1], place_preps) ||
		      IN(&c->w[wa - 1], region_nouns))) ||
		    whole_is(c, &c->w[wa - 1], "ولايتي"))
			m[i].end = x->e;
	}
}

/* «الاتحاد الدولي لكرة القدم», «المجلس الأعلى للأمن القومي», «مجلس
 * التعاون لدول الخليج العربية»: a body's name goes on over a ل-complement
 * after its adjective or its genitive, when the tagger stopped before it
 * (not «قال المجلس الأعلى للصحفيين»: the press is spoken to). */
static void lam_complements(const struct ctx *c, struct isnad_span_typed *m,
                            size_t *n)
{
	for (size_t i = 0; i < *n; i++) {
		size_t wa, we, j, end, k;
		const struct pw *x;
		int bare = 0; /* one definite word: «للموافقة» */
		if (m[i].type != ISNAD_NER_ORG ||
		    (wa = word_holding(c, m[i].start)) == SIZE_MAX ||
		    (we = word_holding(c, m[i].end - 1)) == SIZE_MAX ||
		    we == wa || c->w[we].e != m[i].end || we + 2 >= c->nw ||
		    !IN(&c->w[wa], lam_heads) || !definite(&c->w[we]) ||
		    c->w[we].enc)
			continue;
		/* the body as the subject of an act on what ل brings */
		if (wa > 0 && c->w[wa - 1].kind == PW_AR &&
		    IN(&c->w[wa - 1], acts_on))
			continue;
		x = &c->w[we + 1];
		/* not people spoken or given to: «للصحافيين», «للمعلمين» */
		if (x->kind != PW_AR || x->prep != PREP_LAM || x->conj ||
		    x->enc || IN(x, intro_media) || ends(x, "ين") ||
		    host_is(x, "صحافه") || host_is(x, "اعلام"))
			continue;
		end = x->e;
		j = we + 2;
		/* a noun in construct takes its genitive: «لكرة القدم»,
		 * «لدول الخليج العربية»; a definite one only adjectives:
		 * «للأمن القومي الإيراني» (not «للقضاء الشيخ …») */
		if (i + 1 < *n && m[i + 1].start >= x->s &&
		    m[i + 1].start < x->e) {
			/* a name after ل: «المجلس البلدي لمصراتة» */
			size_t q = word_holding(c, m[i + 1].end - 1);
			if (q == SIZE_MAX || c->w[q].e != m[i + 1].end)
				continue;
			end = c->w[q].e;
			j = q + 1;
		} else if (!definite(x)) {
			if (!plain(&c->w[j]) || !definite(&c->w[j]) ||
			    IN(x, purpose_nouns))
				continue;
			end = c->w[j++].e;
		} else
			bare = 1;
		for (k = 0; k < 3 && j < c->nw && nisba(&c->w[j]); k++, j++)
			end = c->w[j].e;
		bare = bare && !k;
		/* names inside the complement join the body; one that
		 * runs past it leaves the body as it was */
		for (k = i + 1; k < *n && m[k].start < end; k++)
			if (m[k].end > end)
				break;
		if (k < *n && m[k].start < end)
			continue;
		/* a purpose with its object: «مجلس الأمن للموافقة على»
		 * (not «لكرة القدم أن», «للأمن القومي الإيراني على علم») */
		if (bare && j < c->nw && c->w[j].kind == PW_AR &&
		    !c->w[j].prep && IN(&c->w[j], func))
			continue;
		m[i].end = end;
		if (k > i + 1) {
			memmove(m + i + 1, m + k, (*n - k) * sizeof *m);
			*n -= k - i - 1;
		}
	}
}

#define MISC_COMMON 150 /* news count (of 4 M words) of a common word */

/* «الهولنديون», «المنافقين»: a sound masculine plural whose singular
 * the news uses. */
static int singular_known(const struct ctx *c, const struct pw *w)
{
	char buf[256];
	size_t n;
	if (!(ends(w, "ون") || ends(w, "ين")) ||
	    (w->e - w->ns) * 3 + 4 > sizeof buf)
		return 0;
	n = isnad_normalize_word(c->text + w->ns, w->e - w->ns,
	                         ISNAD_NORM_LIGHT, buf);
	return n > 8 && isnad_lexicon_count(c->lx, buf, n - 4) >= 20;
}

/* Does a word with the host of w stand between quote marks anywhere in
 * the text («عنوان «مسارات»»)?  Then it is a title wherever it is. */
static int quoted_somewhere(const struct ctx *c, const struct pw *w)
{
	for (size_t i = 0; i < c->nw; i++) {
		const struct pw *x = &c->w[i];
		size_t a = x->s, b = x->e;
		if (x->hl != w->hl || memcmp(x->h, w->h, w->hl))
			continue;
		while (a > 0 && c->text[a - 1] == ' ')
			a--;
		while (b < c->len && c->text[b] == ' ')
			b++;
		if (((a >= 2 && !memcmp(c->text + a - 2, "\xc2\xab", 2)) ||
		     (a >= 1 && c->text[a - 1] == '"') ||
		     (a >= 3 && !memcmp(c->text + a - 3, "\xe2\x80\x9c", 3))) &&
		    ((b + 2 <= c->len && !memcmp(c->text + b, "\xc2\xbb", 2)) ||
		     (b < c->len && c->text[b] == '"') ||
		     (b + 3 <= c->len &&
		      !memcmp(c->text + b, "\xe2\x80\x9d", 3))))
			return 1;
	}
	return 0;
}

static void tidy(const struct ctx *c, struct isnad_span_typed *m, size_t *n)
{
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		size_t wi = word_holding(c, m[i].start);
		const struct pw *w = wi == SIZE_MAX ? NULL : &c->w[wi];
		int one = w && m[i].end <= w->e;
		if (one && w->kind == PW_AR &&
		    (IN(w, func) || IN(w, ordinals))) {
			continue;
		}
		/* «نادي», «منظمة», «جامعة» alone: a head without its name */
		if (one && m[i].type != ISNAD_NER_PER && w->kind == PW_AR &&
		    !definite(w) &&
		    (IN(w, heads_safe) || IN(w, heads_risky) ||
		     IN(w, facility_body) ||
		     (w->hl == 8 && !memcmp(w->h, "نادي", 8))))
			continue;
		/* a one-word «other» name that the news uses all the time
		 * is a common word: الله, الإسلام, اليورو, الدولار, السوبر,
		 * الميليشيات (a product or a prize is rarer: ويندوز, نوبل) */
		if (one && m[i].type == ISNAD_NER_MISC && w->kind == PW_AR) {
			int adj;
			if (news_count(c, w, &adj) >= MISC_COMMON)
				continue;
			/* a plural is a kind of things or people, no name:
			 * «البروتونات», «الفيتامينات»; «الهولنديون»,
			 * «المنافقين» when the singular is a word of the
			 * news (not «الكرملين», «هاليبرتون») */
			if (w->hl >= 10 &&
			    (ends(w, "ات") || singular_known(c, w)) &&
			    !quoted_somewhere(c, w))
				continue;
		}
		/* «آية الله (العظمى) علي السيستاني»: a cleric's title, not
		 * his name; alone it names no one */
		if (m[i].type == ISNAD_NER_PER && w && w->kind == PW_AR &&
		    !w->conj && !w->prep && host_is(w, "ايه") &&
		    wi + 1 < c->nw && host_is(&c->w[wi + 1], "الله")) {
			size_t nx = wi + 2;
			if (nx < c->nw && host_is(&c->w[nx], "عظمي"))
				nx++;
			if (nx >= c->nw || c->w[nx].ns >= m[i].end)
				continue;
			m[i].start = c->w[nx].ns;
			m[k++] = m[i]; /* (the title is no definite word
			                  the name could be an adjective of) */
			continue;
		}
		/* «اليأس», «الكيمياء», «الروبوت» alone: a common word the
		 * news uses often, no word of any person's name the
		 * gazetteer knows, and no nisba (الغامدي) */
		if (one && m[i].type == ISNAD_NER_PER && w->kind == PW_AR &&
		    definite(w) && !ends(w, "ي") &&
		    !isnad_ner_person_word(isnad_ner_default(), c->tv, w->t0,
		                           w->t1) &&
		    !ends_a_name(c, m, *n, w)) {
			int adj;
			if (news_count(c, w, &adj) >= 20)
				continue;
		}
		/* «ولي العهد», «وليا للعهد»: the crown prince's title */
		if (one && w->kind == PW_AR && host_is(w, "عهد") && wi > 0 &&
		    (host_is(&c->w[wi - 1], "ولي") ||
		     host_is(&c->w[wi - 1], "ولايه") ||
		     whole_is(c, &c->w[wi - 1], "وليا")))
			continue;
		/* «الشيخ», «الفنان» alone: a title, no name (سلطان without
		 * the article is also a name) */
		if (one && m[i].type == ISNAD_NER_PER && w->kind == PW_AR &&
		    definite(w) &&
		    (IN(w, person_titles) || IN(w, royal_titles)))
			continue;
		if (one && m[i].type == ISNAD_NER_PER && definite(w) &&
		    wi > 0 && nisba(w)) {
			const struct pw *p = &c->w[wi - 1];
			if ((p->kind == PW_AR && definite(p)) ||
			    is_close_quote(p) || (k && m[k - 1].end >= p->s))
				continue;
		}
		if (one && IN(w, region)) {
			if (i + 1 < *n && wi + 1 < c->nw &&
			    m[i + 1].start == c->w[wi + 1].ns &&
			    m[i + 1].type == ISNAD_NER_LOC) {
				m[i + 1].start = m[i].start;
			}
			continue;
		}
		m[k++] = m[i];
	}
	*n = k;
}

isnad_status isnad_span_insert(struct isnad_span_typed **m, size_t *n,
                               size_t *cap, const struct isnad_span_typed *s)
{
	size_t lo = 0, hi = *n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if ((*m)[mid].start < s->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if ((lo < *n && (*m)[lo].start < s->end) ||
	    (lo > 0 && (*m)[lo - 1].end > s->start))
		return ISNAD_OK; /* taken */
	if (*n >= *cap) {
		size_t nc = *n ? 2 * *n : 8;
		struct isnad_span_typed *v = isnad_realloc(*m, nc * sizeof *v);
		if (!v)
			return ISNAD_ENOMEM;
		*m = v;
		*cap = nc;
	}
	memmove(*m + lo + 1, *m + lo, (*n - lo) * sizeof **m);
	(*m)[lo] = *s;
	(*n)++;
	return ISNAD_OK;
}

/*
 * A name's short form given in brackets right after it, «قوات الحماية
 * الشعبية (YPG)», «حركة المقاومة الإسلامية (حماس)», is a mention of the
 * same type (resolve.c joins the two).  Added at index *i + 1, with room
 * made in *m.
 */
static isnad_status bracketed(const struct ctx *c, struct isnad_span_typed **m,
                              size_t *n, size_t *cap)
{
	for (size_t i = 0; i < *n; i++) {
		size_t wi = word_holding(c, (*m)[i].end - 1), k, e;
		struct isnad_span_typed add;
		if (wi == SIZE_MAX || wi + 2 >= c->nw ||
		    c->w[wi].e != (*m)[i].end || !is_paren(&c->w[wi + 1], '('))
			continue;
		k = wi + 2;
		if (latin_acronym(c->text, &c->w[k])) {
			e = k + 1;
		} else if ((*m)[i].type != ISNAD_NER_ORG ||
		           word_holding(c, (*m)[i].start) == wi) {
			/* an Arabic word in brackets is a short form only
			 * after a body's full name: «مستشفى جدة (إحلال)» */
			continue;
		} else {
			for (e = k; e < c->nw && e < k + 3 && plain(&c->w[e]) &&
			            !definite(&c->w[e]);
			     e++)
				;
		}
		if (e == k || e >= c->nw || !is_paren(&c->w[e], ')') ||
		    (i + 1 < *n && (*m)[i + 1].start < c->w[e].s))
			continue;
		add = (*m)[i];
		add.start = c->w[k].ns;
		add.end = c->w[e - 1].e;
		if (*n == *cap) {
			size_t nc = *cap ? 2 * *cap : 8;
			struct isnad_span_typed *v =
			    isnad_realloc(*m, nc * sizeof *v);
			if (!v)
				return ISNAD_ENOMEM;
			*m = v;
			*cap = nc;
		}
		memmove(*m + i + 2, *m + i + 1, (*n - i - 1) * sizeof **m);
		(*m)[i + 1] = add;
		(*n)++;
		i++;
		/* and wherever else the short form stands alone */
		for (size_t w = e + 1; w + (e - k) <= c->nw; w++) {
			size_t a = c->w[w].ns, b = c->w[w + (e - k) - 1].e;
			struct isnad_span_typed rep = add;
			if (b - a != add.end - add.start ||
			    memcmp(c->text + a, c->text + add.start, b - a))
				continue;
			rep.start = a;
			rep.end = b;
			if (isnad_span_insert(m, n, cap, &rep) != ISNAD_OK)
				return ISNAD_ENOMEM;
		}
	}
	return ISNAD_OK;
}

static int by_host(const void *x, const void *y)
{
	const struct pw *a = *(const struct pw *const *)x;
	const struct pw *b = *(const struct pw *const *)y;
	int r = memcmp(a->h, b->h, a->hl < b->hl ? a->hl : b->hl);
	return r ? r : (a->hl > b->hl) - (a->hl < b->hl);
}

/*
 * A body whose one-word owner is shown to be a name is named: «قوات الأسد»
 * when «بشار الأسد» is a person here (or الحوثيين a body), when a body
 * found without doubt has the same owner, when the gazetteer knows الأسد
 * as a family name, or when the news seldom uses the word (البيشمركة);
 * until then «قوات X» is a description («قوات الأمن»).  A pending «نظام
 * X» needs the text itself: a person, or a named body with that owner
 * (the gazetteer has too many family names that are also common words:
 * حركة المرور).  The owners are sorted so a long text costs n log n.
 */
static int owner_known(const struct pw **own, size_t no, const struct pw *key)
{
	return no && bsearch(&key, own, no, sizeof *own, by_host);
}

/* A word the news seldom uses, no adjective and no sound plural or dual
 * (common nouns inflect out of the lexicon: الحراسات, الحكومتين):
 * «البيشمركة», «المارينز». */
static int unfamiliar(const struct ctx *c, const struct pw *w)
{
	int adj;
	if (ends(w, "ات") || ends(w, "ين") || ends(w, "ون"))
		return 0;
	return news_count(c, w, &adj) < 40 && !adj;
}

static isnad_status confirm_owners(const struct ctx *c, struct found *fv,
                                   size_t nf)
{
	const struct pw **own;
	size_t no = 0, np = 0, firm;
	for (size_t i = 0; i < nf; i++)
		np += (fv[i].pending || fv[i].generic) &&
		      fv[i].name_w != SIZE_MAX;
	if (!np)
		return ISNAD_OK;
	own = isnad_malloc((nf + c->n_m) * sizeof *own);
	if (!own)
		return ISNAD_ENOMEM;
	for (size_t i = 0; i < nf; i++)
		if (!fv[i].pending && !fv[i].generic &&
		    fv[i].name_w != SIZE_MAX)
			own[no++] = &c->w[fv[i].name_w];
	for (size_t i = 0; i < c->n_m; i++) {
		size_t a, b;
		if (c->m[i].type != ISNAD_NER_PER &&
		    c->m[i].type != ISNAD_NER_ORG)
			continue;
		a = word_holding(c, c->m[i].start);
		b = word_holding(c, c->m[i].end - 1);
		if (a != SIZE_MAX && b != SIZE_MAX &&
		    (c->m[i].type == ISNAD_NER_PER ? b > a : b == a))
			own[no++] = &c->w[b];
	}
	if (no > 1)
		qsort(own, no, sizeof *own, by_host);
	firm = no;
	for (size_t i = 0; i < nf; i++) {
		const struct pw *key;
		if (!fv[i].generic || fv[i].name_w == SIZE_MAX)
			continue;
		key = &c->w[fv[i].name_w];
		if (IN(key, desc_owners))
			continue;
		if (owner_known(own, firm, key) || unfamiliar(c, key) ||
		    (!IN(key, person_titles) && !IN(key, royal_titles) &&
		     (isnad_ner_person_word(isnad_ner_default(), c->tv, key->t0,
		                            key->t1) &
		      ISNAD_NER_FAMILY))) {
			fv[i].generic = 0;
			own[no++] = key;
		}
	}
	if (no > firm)
		qsort(own, no, sizeof *own, by_host);
	for (size_t i = 0; i < nf; i++)
		if (fv[i].pending && fv[i].name_w != SIZE_MAX &&
		    owner_known(own, no, &c->w[fv[i].name_w]))
			fv[i].pending = 0;
	isnad_free(own);
	return ISNAD_OK;
}

isnad_status isnad_name_phrases(const char *text, size_t len,
                                const struct isnad_tokens *toks,
                                struct isnad_span_typed **m, size_t *n)
{
	struct ctx c;
	struct found *fv = NULL;
	size_t nf = 0, capf = 0, cap = *n;
	isnad_status st = ISNAD_OK;
	if (!toks->n)
		return ISNAD_OK;
	c.text = text;
	c.len = len;
	c.w = isnad_malloc(toks->n * sizeof *c.w);
	if (!c.w)
		return ISNAD_ENOMEM;
	c.nw = words_of(toks, c.w);
	c.m = *m;
	c.n_m = *n;
	c.lx = isnad_lexicon_default();
	c.tv = toks->v;
	/* find against the tagger's list as it is, then place */
	for (size_t i = 0; i < c.nw; i++) {
		struct found f;
		if (!body_at(&c, i, &f) && !introduced_at(&c, i, &f) &&
		    !person_at(&c, i, &f) && !named_as_at(&c, i, &f) &&
		    !compound_place_at(&c, i, &f) && !official_at(&c, i, &f))
			continue;
		if (f.b <= f.a)
			continue;
		if (nf == capf) {
			size_t nc = capf ? 2 * capf : 16;
			struct found *v = isnad_realloc(fv, nc * sizeof *v);
			if (!v) {
				st = ISNAD_ENOMEM;
				goto out;
			}
			fv = v;
			capf = nc;
		}
		f.seq = nf;
		fv[nf++] = f;
		/* a person's office may hold a body: «رئيس مكتب استخبارات
		 * الأمن القومي، علي مملوك،» gives both; so may a pending
		 * find */
		if (!f.pending && f.type != ISNAD_NER_PER)
			i = word_from(&c, i, f.b) - 1;
	}
	if (nf > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(fv, nf, sizeof *fv, by_zone);
	st = confirm_owners(&c, fv, nf);
	if (st != ISNAD_OK)
		goto out;
	st = place_all(m, n, &cap, fv, nf);
	c.m = NULL; /* freed by place_all: the later passes use *m */
	c.n_m = 0;
	if (st == ISNAD_OK) {
		tidy(&c, *m, n);
		family_names(&c, *m, n);
		region_adjectives(&c, *m, *n);
		honorific_epithets(&c, *m, *n);
		lam_complements(&c, *m, n);
		facilities(&c, *m, *n);
	}
	if (st == ISNAD_OK)
		st = conjoined(&c, m, n, &cap);
	if (st == ISNAD_OK)
		st = bracketed(&c, m, n, &cap);
	if (st == ISNAD_OK)
		st = group_plurals(&c, m, n, &cap);
out:
	isnad_free(fv);
	isnad_free(c.w);
	return st;
}
