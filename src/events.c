/*
 * events.c - event triggers matched on stems, scoped to sentences.
 *
 * The trigger vocabulary is the ordinary Arabic news wording of each event
 * type (nouns and verbs); each trigger is stemmed with the same tokenizer
 * as the text, so اجتماعات, بالاجتماع and اجتماعا all meet اجتماع.  A few
 * triggers need a neighbour to mean the event: سراح after إطلاق, or a
 * prison after it (release), مالي after دعم (funding, not support).
 */
#include <pthread.h>
#include <string.h>

#include "isnad/events.h"
#include "isnad/sentence.h"
#include "isnad_int.h"

static const char *const type_names[ISNAD_EV__COUNT] = {
    "MEET",   "AGREE",  "DEMAND", "TRANSFER", "TRADE",   "RELEASE",
    "ARREST", "ATTACK", "FUND",   "TRAVEL",   "SUPPORT", "WITHDRAW",
};

const char *isnad_event_type_name(enum isnad_event_type t)
{
	return (unsigned)t < ISNAD_EV__COUNT ? type_names[t] : "OTHER";
}

static const struct {
	const char *word;
	enum isnad_event_type type;
} triggers[] = {
    {"اجتماع", ISNAD_EV_MEET},    {"اجتمع", ISNAD_EV_MEET},
    {"لقاء", ISNAD_EV_MEET},      {"التقى", ISNAD_EV_MEET},
    {"يلتقي", ISNAD_EV_MEET},     {"قمة", ISNAD_EV_MEET},
    {"محادثات", ISNAD_EV_MEET},   {"مباحثات", ISNAD_EV_MEET},
    {"اتفاق", ISNAD_EV_AGREE},    {"اتفاقية", ISNAD_EV_AGREE},
    {"صفقة", ISNAD_EV_AGREE},     {"بنود", ISNAD_EV_AGREE},
    {"اتفق", ISNAD_EV_AGREE},     {"تفاهم", ISNAD_EV_AGREE},
    {"طالب", ISNAD_EV_DEMAND},    {"مطالب", ISNAD_EV_DEMAND},
    {"اشترط", ISNAD_EV_DEMAND},   {"شروط", ISNAD_EV_DEMAND},
    {"طلب", ISNAD_EV_DEMAND},     {"يطالب", ISNAD_EV_DEMAND},
    {"تسليم", ISNAD_EV_TRANSFER}, {"سلم", ISNAD_EV_TRANSFER},
    {"يسلم", ISNAD_EV_TRANSFER},  {"تسلم", ISNAD_EV_TRANSFER},
    {"بيع", ISNAD_EV_TRADE},      {"يبيع", ISNAD_EV_TRADE},
    {"شراء", ISNAD_EV_TRADE},     {"تهريب", ISNAD_EV_TRADE},
    {"تصدير", ISNAD_EV_TRADE},    {"سراح", ISNAD_EV_RELEASE},
    {"أفرج", ISNAD_EV_RELEASE},   {"الإفراج", ISNAD_EV_RELEASE},
    {"اعتقال", ISNAD_EV_ARREST},  {"اعتقل", ISNAD_EV_ARREST},
    {"القبض", ISNAD_EV_ARREST},   {"احتجاز", ISNAD_EV_ARREST},
    {"توقيف", ISNAD_EV_ARREST},   {"هجوم", ISNAD_EV_ATTACK},
    {"هاجم", ISNAD_EV_ATTACK},    {"قصف", ISNAD_EV_ATTACK},
    {"غارة", ISNAD_EV_ATTACK},    {"غارات", ISNAD_EV_ATTACK},
    {"ضربات", ISNAD_EV_ATTACK},   {"تفجير", ISNAD_EV_ATTACK},
    {"تمويل", ISNAD_EV_FUND},     {"تحويلات", ISNAD_EV_FUND},
    {"موّل", ISNAD_EV_FUND},       {"سافر", ISNAD_EV_TRAVEL},
    {"سفر", ISNAD_EV_TRAVEL},     {"زيارة", ISNAD_EV_TRAVEL},
    {"زار", ISNAD_EV_TRAVEL},     {"توجه", ISNAD_EV_TRAVEL},
    {"وصل", ISNAD_EV_TRAVEL},     {"دعم", ISNAD_EV_SUPPORT},
    {"مساندة", ISNAD_EV_SUPPORT}, {"انسحاب", ISNAD_EV_WITHDRAW},
    {"انسحب", ISNAD_EV_WITHDRAW}, {"إطلاق", ISNAD_EV_RELEASE},
    {"أطلق", ISNAD_EV_RELEASE},   {"استقبل", ISNAD_EV_MEET},
    {"استهدف", ISNAD_EV_ATTACK},  {"هدنة", ISNAD_EV_AGREE},
    {"غادر", ISNAD_EV_TRAVEL},    {"استيراد", ISNAD_EV_TRADE},
    {"احتجز", ISNAD_EV_ARREST},   {"اغتيال", ISNAD_EV_ATTACK},
    {"اغتال", ISNAD_EV_ATTACK},   {"اشتباكات", ISNAD_EV_ATTACK},
    {"اشتبك", ISNAD_EV_ATTACK},   {"اشتباك", ISNAD_EV_ATTACK},
    {"زود", ISNAD_EV_SUPPORT},    {"قتل", ISNAD_EV_ATTACK},
    {"مقتل", ISNAD_EV_ATTACK},    {"داهم", ISNAD_EV_ARREST},
    {"مداهمة", ISNAD_EV_ARREST},  {"مفاوضات", ISNAD_EV_MEET},
    {"شحنة", ISNAD_EV_TRANSFER},  {"شحنات", ISNAD_EV_TRANSFER},
    {"باع", ISNAD_EV_TRADE},
};

#define MAX_TRIG 96

struct trig {
	char stem[64], norm[64];
	size_t len, norm_len;
	enum isnad_event_type type;
	int whole; /* the stemmer cut a root letter: match the word itself */
};

void isnad_events_init(struct isnad_events *ev)
{
	ev->v = NULL;
	ev->n = ev->cap = 0;
}

void isnad_events_release(struct isnad_events *ev)
{
	isnad_free(ev->v);
	isnad_events_init(ev);
}

static int push(struct isnad_events *ev, const struct isnad_event *e)
{
	if (ev->n == ev->cap) {
		size_t nc = ev->cap ? ev->cap * 2 : 16;
		struct isnad_event *v = isnad_realloc(ev->v, nc * sizeof *v);
		if (!v)
			return 0;
		ev->v = v;
		ev->cap = nc;
	}
	ev->v[ev->n++] = *e;
	return 1;
}

/* The stem of each trigger word, by the text's own tokenizer. */
static size_t stem_triggers(struct isnad_tokenizer *tk, struct trig *out)
{
	struct isnad_tokens t;
	size_t n = 0;
	isnad_tokens_init(&t);
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(triggers) && n < MAX_TRIG; i++) {
		t.n = 0;
		if (isnad_tokenize(tk, triggers[i].word,
		                   strlen(triggers[i].word), &t) != ISNAD_OK)
			continue;
		for (size_t k = 0; k < t.n; k++)
			if (t.v[k].type == ISNAD_TOK_ARABIC &&
			    t.v[k].stem_len < sizeof out[n].stem) {
				memcpy(out[n].stem, t.v[k].stem,
				       t.v[k].stem_len);
				out[n].len = t.v[k].stem_len;
				out[n].norm_len =
				    t.v[k].norm_len < sizeof out[n].norm
				        ? t.v[k].norm_len
				        : 0;
				memcpy(out[n].norm, t.v[k].norm,
				       out[n].norm_len);
				out[n].type = triggers[i].type;
				/* the stemmer reads a final ك as a pronoun:
				 * اشتبك (clashed) becomes اشتب, which اشتبه and
				 * اشتباه (suspected, suspicion) share */
				out[n].whole =
				    out[n].norm_len > out[n].len &&
				    out[n].norm_len >= 2 &&
				    !memcmp(out[n].norm + out[n].norm_len - 2,
				            "ك", 2);
				n++;
				break;
			}
	}
	isnad_tokens_release(&t);
	return n;
}

/*
 * The trigger stems, made once by a tokenizer of the default lexicon: not
 * by the caller's, whose buffers the text's tokens point into.
 */
static struct trig trig_tab[MAX_TRIG];
static size_t trig_n;
static pthread_once_t trig_once = PTHREAD_ONCE_INIT;

static void trig_init(void)
{
	struct isnad_tokenizer *tk;
	if (isnad_tokenizer_new(NULL, &tk) != ISNAD_OK)
		return; /* no triggers: no events, not a crash */
	trig_n = stem_triggers(tk, trig_tab);
	isnad_tokenizer_free(tk);
}

static int norm_is(const struct isnad_token *t, const char *w)
{
	return t->norm_len == strlen(w) && !memcmp(t->norm, w, t->norm_len);
}

static int same_or_past(const struct isnad_token *k, const struct trig *t)
{
	static const char *const endings[] = {"", "ت", "وا", "تا", "ا"};
	for (size_t e = 0; e < ISNAD_ARRAY_LEN(endings); e++) {
		size_t el = strlen(endings[e]);
		if (k->norm_len == t->norm_len + el &&
		    !memcmp(k->norm, t->norm, t->norm_len) &&
		    !memcmp(k->norm + t->norm_len, endings[e], el))
			return 1;
	}
	return 0;
}

/* Is k the nisba adjective of the trigger's noun (اجتماعي, اجتماعية)? */
static int nisba_of(const struct isnad_token *k, const struct trig *t)
{
	static const char *const ends[] = {"ي", "يه", "يين", "يون", "يات"};
	const char *w = k->norm;
	size_t n = k->norm_len;
	/* the tokenizer keeps some nisbas whole, article and all:
	 * «الاتفاقيين» */
	if (n > 4 && !memcmp(w, "ال", 4) &&
	    !(t->norm_len >= 4 && !memcmp(t->norm, "ال", 4))) {
		w += 4;
		n -= 4;
	}
	if (t->norm_len < 2 || n <= t->norm_len ||
	    memcmp(w, t->norm, t->norm_len))
		return 0;
	for (size_t e = 0; e < ISNAD_ARRAY_LEN(ends); e++)
		if (n == t->norm_len + strlen(ends[e]) &&
		    !memcmp(w + t->norm_len, ends[e], strlen(ends[e])))
			return 1;
	return 0;
}

/* The word w within the next n tokens of the sentence. */
static int word_after(const struct isnad_tokens *t, size_t i, size_t end,
                      size_t n, const char *w)
{
	for (size_t k = i + 1; k < t->n && k <= i + n && t->v[k].start < end;
	     k++)
		if (norm_is(&t->v[k], w))
			return 1;
	return 0;
}

/* A number, or a word that names a measure, within the next six tokens:
 * the subject or goal of «وصل» is then a figure. */
static int figure_after(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const measure[] = {
	    "نسبه",  "عدد",    "حجم",  "قيمه",  "سعر",
	    "مستوي", "اجمالي", "معدل", "مجموع", "اسعار"};
	for (size_t k = i + 1; k < t->n && k <= i + 10 && t->v[k].start < end;
	     k++) {
		/* a number soon after, or «إلى» and a number («وصل إيجار
		 * السيارات الفاخرة إلى 3000 ريال») */
		if (t->v[k].type == ISNAD_TOK_NUMBER &&
		    (k <= i + 6 || norm_is(&t->v[k - 1], "الي")))
			return 1;
		if (k > i + 6)
			continue;
		for (size_t m = 0; m < sizeof measure / sizeof *measure; m++)
			if (norm_is(&t->v[k], measure[m]))
				return 1;
	}
	return 0;
}

/* Fire or a projectile right before or after token i: «أطلقوا النار»,
 * «بصاروخ أطلقته». */
static int fire_near(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const shot[] = {"نار",   "صاروخ", "صواريخ", "قذيفه",
	                                   "قذايف", "رصاص",  "رصاصه"};
	size_t a = i >= 3 ? i - 3 : 0;
	for (size_t k = a; k < t->n && k <= i + 3 && t->v[k].start < end; k++)
		for (size_t m = 0; m < sizeof shot / sizeof *shot; m++)
			if (k != i && norm_is(&t->v[k], shot[m]))
				return 1;
	return 0;
}

/* A prison within the next dozen tokens of the sentence. */
static int prison_after(const struct isnad_tokens *t, size_t i, size_t end)
{
	for (size_t k = i + 1; k < t->n && k <= i + 12 && t->v[k].start < end;
	     k++)
		if (norm_is(&t->v[k], "سجن") || norm_is(&t->v[k], "سجون") ||
		    norm_is(&t->v[k], "معتقل"))
			return 1;
	return 0;
}

static int norm_in(const struct isnad_token *t, const char *const *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (norm_is(t, w[i]))
			return 1;
	return 0;
}

/* Money within four tokens after i: «تحويل أموال», «تحويلات مالية»,
 * «تحويل 5 ملايين دولار». */
static int money_near(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const money[] = {
	    "مالي",  "ماليه", "اموال",  "الاموال", "مبالغ", "مبلغ",  "دولار",
	    "ريال",  "يورو",  "درهم",   "دينار",   "جنيه",  "ليره",  "نقود",
	    "نقديه", "نقدي",  "مصرفيه", "مصرفي",   "بنكيه", "اموالا"};
	for (size_t k = i + 1; k < t->n && k <= i + 6 && t->v[k].start < end;
	     k++)
		if (norm_in(&t->v[k], money, ISNAD_ARRAY_LEN(money)) ||
		    (k + 1 < t->n && norm_is(&t->v[k], "ال") &&
		     norm_in(&t->v[k + 1], money, ISNAD_ARRAY_LEN(money))))
			return 1;
	return 0;
}

static int has_shadda(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xd9 &&
		    (unsigned char)s[i + 1] == 0x91) /* U+0651 */
			return 1;
	return 0;
}

/* The verb اتفق of shared opinion, no deal: «لا أتفق مع هذا الرأي»,
 * «قد أتفق معه في جمال الطقس» (مع a pronoun or a view), «اتفق الخبراء
 * على أن الأزمة …» (agreed that; «على أن يقوم» is a term of a deal).
 * The nouns «اتفاق», «تفاهم» are deals. */
static int opinion_agreed(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const view[] = {"هذا", "هذه",   "ذلك", "تلك",
	                                   "راي", "رايين", "طرح", "وجهه",
	                                   "ما",  "كلام",  "قول"};
	const struct isnad_token *k = &t->v[i];
	int verb = 0;
	for (size_t q = 0; q + 6 <= k->norm_len; q += 2)
		if (!memcmp(k->norm + q, "تفق", 6))
			verb = 1;
	if (!verb || (k->norm_len >= 8 && !memcmp(k->norm, "اتفا", 8)))
		return 0;
	for (size_t q = i + 1; q < t->n && q <= i + 8 && t->v[q].start < end;
	     q++) {
		if (q <= i + 3 && norm_is(&t->v[q], "مع") && q + 1 < t->n) {
			size_t w = q + 1;
			if (t->v[w].type == ISNAD_TOK_ENCLITIC)
				return 1;
			if (norm_is(&t->v[w], "ال") && w + 1 < t->n)
				w++;
			return norm_in(&t->v[w], view, ISNAD_ARRAY_LEN(view));
		}
		if (norm_is(&t->v[q], "علي") && q + 2 < t->n &&
		    norm_is(&t->v[q + 1], "ان")) {
			/* «على أن يقوم»: a present verb after أن */
			const struct isnad_token *w = &t->v[q + 2];
			return !(w->type == ISNAD_TOK_ARABIC &&
			         w->norm_len > 4 &&
			         (!memcmp(w->norm, "ي", 2) ||
			          !memcmp(w->norm, "ت", 2) ||
			          !memcmp(w->norm, "ن", 2)));
		}
	}
	return 0;
}

/* The word after i, the article aside, is one of w. */
static int next_in(const struct isnad_tokens *t, size_t i, const char *const *w,
                   size_t n)
{
	size_t k = i + 1;
	if (k < t->n && norm_is(&t->v[k], "ال"))
		k++;
	return k < t->n && norm_in(&t->v[k], w, n);
}

/* Blows that are no attack: «ضربات القلب» (heartbeats), «ضربات
 * الجزاء/الترجيح» (penalties), «الضربات الركنية» (corners). */
static int blows_of_kind(const struct isnad_tokens *t, size_t i)
{
	static const char *const kind[] = {"قلب",   "جزاء", "ترجيح",
	                                   "ركنيه", "حره",  "راس"};
	return next_in(t, i, kind, ISNAD_ARRAY_LEN(kind));
}

/* An attack in words: «هجوم إعلامي وثقافي», «شن هجوما حادا على
 * الحكومة», «هجوم لفظي». */
static int attack_in_words(const struct isnad_tokens *t, size_t i)
{
	static const char *const kind[] = {
	    "اعلامي", "اعلاميا", "ثقافي",  "فكري",   "لفظي", "لفظيا",
	    "كلامي",  "سياسي",   "سياسيا", "حاد",    "حادا", "لاذع",
	    "لاذعا",  "دعايي",   "معنوي",  "اخلاقي", "ديني", "عنصري"};
	return next_in(t, i, kind, ISNAD_ARRAY_LEN(kind));
}

/* A count of deals («152.1 ألف صفقة», «عدد الصفقات»): market
 * statistics, no agreement. */
static int deal_count(const struct isnad_tokens *t, size_t i)
{
	size_t p = i;
	if (p > 0 && norm_is(&t->v[p - 1], "ال"))
		p--;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	return p > 0 && (t->v[p - 1].type == ISNAD_TOK_NUMBER ||
	                 norm_is(&t->v[p - 1], "الف") ||
	                 norm_is(&t->v[p - 1], "مليون") ||
	                 norm_is(&t->v[p - 1], "عدد") ||
	                 norm_is(&t->v[p - 1], "اجمالي"));
}

/* Death by accident within the next eight tokens: «قتل في حادث سير»,
 * «مقتل 5 إثر انهيار منزل». */
static int accident_after(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const acc[] = {"انهيار", "غرق", "تصادم", "اصطدام",
	                                  "انقلاب", "صعق", "سيول",  "زلزال"};
	/* «حادث» alone is any incident («حادث إطلاق نيران صديقة») */
	static const char *const road[] = {"سير", "مروري", "مرور", "مروريه",
	                                   "سياره"};
	for (size_t k = i + 1; k < t->n && k <= i + 8 && t->v[k].start < end;
	     k++)
		if (norm_in(&t->v[k], acc, ISNAD_ARRAY_LEN(acc)) ||
		    ((norm_is(&t->v[k], "حادث") ||
		      norm_is(&t->v[k], "حوادث")) &&
		     next_in(t, k, road, ISNAD_ARRAY_LEN(road))))
			return 1;
	return 0;
}

/* «مستوى دعم», «مستويات الدعم»: a price level of technical analysis. */
static int level_before(const struct isnad_tokens *t, size_t i)
{
	static const char *const lv[] = {"مستوي", "مستويات", "نقطه",
	                                 "نقاط",  "خط",      "حاجز"};
	size_t p = i;
	if (p > 0 && norm_is(&t->v[p - 1], "ال"))
		p--;
	return p > 0 && norm_in(&t->v[p - 1], lv, ISNAD_ARRAY_LEN(lv));
}

/* What a state subsidises, after دعم (the article aside). */
static int subsidy(const struct isnad_tokens *t, size_t i)
{
	static const char *const goods[] = {
	    "وقود", "كهرباء", "محروقات", "اسعار", "خبز",      "سلع",
	    "طاقه", "بنزين",  "ديزل",    "مياه",  "غاز",      "قمح",
	    "دقيق", "سكر",    "اعلاف",   "ادويه", "المحروقات"};
	size_t k = i + 1;
	if (k < t->n && norm_is(&t->v[k], "ال"))
		k++;
	return k < t->n && norm_in(&t->v[k], goods, ISNAD_ARRAY_LEN(goods));
}

/* The word before i (the article aside) names an office or a firm:
 * «مدير التمويل», «شركة تمويل», «إدارة التمويل». */
static int office_before(const struct isnad_tokens *t, size_t i)
{
	static const char *const office[] = {
	    "مدير", "مديره", "رييس", "قسم", "اداره", "شركه", "شركات", "موسسه",
	    "وحده", "لجنه", "نايب", "مسوول", "صندوق", "بنك", "مكتب", "هييه",
	    /* «جهات تمويل», «بيت التمويل الخليجي», «مصادر التمويل»,
	     * «برامج التمويل»: who or what funds, no funding */
	    "جهات", "جهه", "بيت", "مصادر", "موسسات", "بنوك", "برامج", "برنامج"};
	size_t p = i;
	if (p > 0 && norm_is(&t->v[p - 1], "ال"))
		p--;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	/* in construct, so without the article: not «أعلن البنك تحويل» */
	return p > 0 &&
	       norm_in(&t->v[p - 1], office, ISNAD_ARRAY_LEN(office)) &&
	       !(p > 1 && norm_is(&t->v[p - 2], "ال"));
}

/* A kind, not one event: «جميع أنواع المحادثات», «كل هجوم», «أي اتفاق»,
 * «مختلف أشكال الدعم». */
static int generic_before(const struct isnad_tokens *t, size_t i)
{
	static const char *const q[] = {"كل",  "جميع",  "كافه",  "مختلف",
	                                "شتي", "انواع", "اشكال", "اي"};
	size_t p = i;
	if (p > 0 && norm_is(&t->v[p - 1], "ال"))
		p--;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	/* in construct: «الجميع اتفق» (all agreed) is one event */
	return p > 0 && norm_in(&t->v[p - 1], q, ISNAD_ARRAY_LEN(q)) &&
	       !(p > 1 && norm_is(&t->v[p - 2], "ال"));
}

/* The visit is a patient's or a reader's: «زيارة الطبيب», «بزيارة
 * الموقع الإلكتروني» (visiting the sick is a visit). */
static int visit_of_care(const struct isnad_tokens *t, size_t i)
{
	static const char *const care[] = {"طبيب", "عياده", "موقع",
	                                   "صفحه", "رابط",  "اطباء"};
	size_t k = i + 1;
	if (k < t->n && norm_is(&t->v[k], "ال"))
		k++;
	return k < t->n && norm_in(&t->v[k], care, ISNAD_ARRAY_LEN(care));
}

/* The verb's object is a team's opponent («يلتقي نظيره», «والتقى العروبة
 * بمستضيفه», «ذهابا وإيابا»), in a sentence of sport: a match, where a
 * club's officials meeting people («التقى بالجهاز الفني») and a minister
 * his counterpart («التقى نظيره التركي») meet. */
static int opponent_after(const struct isnad_tokens *t, size_t i, size_t end)
{
	/* with and without the pronoun the tokenizer may leave on */
	static const char *const opp[] = {
	    "نظير",  "غريم",   "شقيق",  "مضيف",  "مستضيف", "ضيف",
	    "منافس", "نظيره",  "غريمه", "شقيقه", "مضيفه",  "مستضيفه",
	    "ضيفه",  "منافسه", "ذهابا", "ايابا"};
	for (size_t k = i + 1; k < t->n && k <= i + 8 && t->v[k].start < end;
	     k++)
		if (norm_in(&t->v[k], opp, ISNAD_ARRAY_LEN(opp)))
			return 1;
	return 0;
}

/* «السفر» in construct after a noun of the trade, its papers or a ban. */
static int travel_compound(const struct isnad_tokens *t, size_t i)
{
	static const char *const heads[] = {
	    "مكاتب", "مكتب",  "وكالات", "وكاله", "تذاكر",
	    "تذكره", "جواز",  "جوازات", "وثايق", "وثيقه",
	    "شركات", "حقايب", "حظر",    "منع",   "تاشيرات"};
	return i >= 2 && norm_is(&t->v[i - 1], "ال") &&
	       norm_in(&t->v[i - 2], heads, ISNAD_ARRAY_LEN(heads));
}

/* What is sold is one's own self: «يبيع دينه», «باع ضميره». */
static int sold_self(const struct isnad_tokens *t, size_t i)
{
	static const char *const self[] = {"دين", "ضمير", "نفس",
	                                   "شرف", "وطن",  "عرض"};
	size_t k = i + 1;
	while (k < t->n && t->v[k].type == ISNAD_TOK_ENCLITIC)
		k++; /* «يبيعه» */
	return k < t->n && norm_in(&t->v[k], self, ISNAD_ARRAY_LEN(self)) &&
	       k + 1 < t->n && t->v[k + 1].type == ISNAD_TOK_ENCLITIC;
}

/* «قاعة دعم المشاريع», «مجموعة دعم دولية», «الدعم الفني», «سحب الدعم»:
 * a body or a service named by support, or a subsidy withdrawn. */
static int support_named(const struct isnad_tokens *t, size_t i)
{
	static const char *const heads[] = {
	    "قاعه", "مجموعه", "مركز", "صندوق", "وحده", "اداره",
	    "قسم",  "خط",     "فريق", "منصه",  "شبكه", "مكتب",
	    "سحب",  "الغاء",  "خفض",  "تقليص", "رفع"};
	static const char *const kinds[] = {"فني", "تقني", "اللوجستي", "لوجستي",
	                                    "نفسي"};
	size_t p = i, k = i + 1;
	if (p > 0 && norm_is(&t->v[p - 1], "ال"))
		p--;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	if (p > 0 && norm_in(&t->v[p - 1], heads, ISNAD_ARRAY_LEN(heads)))
		return 1;
	if (k < t->n && norm_is(&t->v[k], "ال"))
		k++;
	return k < t->n && norm_in(&t->v[k], kinds, ISNAD_ARRAY_LEN(kinds));
}

/* طالب at i is a student: after a number or a copula («400 طالب», «كان
 * طالبا», «وهو طالب»), or before his studies («طالب في الجامعة», «طالب
 * جامعي», «طالب الصيدلة»). */
static int student_noun(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const before[] = {"كان",  "كنت", "هو",   "وهو",
	                                     "اول",  "كل",  "اي",   "افضل",
	                                     "مجرد", "ليس", "يكون", "اصبح"};
	static const char *const study[] = {
	    "جامعي",     "جامعه", "كليه",    "مدرسه",   "معهد",
	    "ثانوي",     "مبتعث", "دكتوراه", "ماجستير", "صيدله",
	    "طب",        "هندسه", "علوم",    "دراسات",  "حقوق",
	    "بكالوريوس", "مرحله", "صف",      "جامعات",  "مدارس"};
	size_t p = i, k = i + 1;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	if (p > 0 && (t->v[p - 1].type == ISNAD_TOK_NUMBER ||
	              norm_in(&t->v[p - 1], before, ISNAD_ARRAY_LEN(before))))
		return 1;
	if (k < t->n && t->v[k].start < end && norm_is(&t->v[k], "في"))
		k++;
	while (k < t->n && t->v[k].type == ISNAD_TOK_PROCLITIC)
		k++;
	return k < t->n && t->v[k].start < end &&
	       norm_in(&t->v[k], study, ISNAD_ARRAY_LEN(study));
}

/* A sentence [a, b) about a sports match (scanned from its trigger i,
 * so a long text costs the sentence, not the text). */
/* Words of sport in the sentence [a, b), counted once per sentence: a
 * sentence of 100,000 tokens with a trigger in every few would
 * otherwise be read once per trigger. */
struct sport_cache {
	size_t a; /* the sentence counted (SIZE_MAX: none yet) */
	size_t n;
};

static int sport_word(const struct isnad_token *k)
{
	static const char *const sport[] = {
	    "دوري",    "مباراه", "مباريات",  "جوله",   "منتخب",
	    "هدف",     "اهداف",  "بطوله",    "ملعب",   "كاس",
	    "نادي",    "الدوري", "المباراه", "الملعب", "هدفين",
	    "التعادل", "تعادل",  "ذهاب",     "اياب"};
	return norm_in(k, sport, ISNAD_ARRAY_LEN(sport));
}

/* A word of sport elsewhere in the sentence of token i. */
static int sports_sentence(const struct isnad_tokens *t, size_t i, size_t a,
                           size_t b, struct sport_cache *sc)
{
	if (sc->a != a) {
		size_t k = i;
		while (k > 0 && t->v[k - 1].start >= a)
			k--;
		sc->a = a;
		sc->n = 0;
		for (; k < t->n && t->v[k].start < b; k++)
			sc->n += (size_t)sport_word(&t->v[k]);
	}
	return sc->n > (size_t)sport_word(&t->v[i]);
}

/* A verbal noun with ل of purpose attached («محل لبيع الخضروات», «معروض
 * للبيع», «استعدادا للسفر»): a use or an intent, not an
 * act that took place. */
static int purpose_lam(const struct isnad_tokens *t, size_t i)
{
	size_t k = i;
	while (k > 0 && t->v[k - 1].type == ISNAD_TOK_PROCLITIC &&
	       t->v[k - 1].end == t->v[k].start) {
		k--;
		if (norm_is(&t->v[k], "ل"))
			return 1;
	}
	return 0;
}

/* «الفرق الاتفاقية», «مصادر اتفاقية»: in a sentence of sport, اتفاقية
 * after a noun of people or teams is the adjective of the club «الاتفاق»,
 * not an agreement. */
static int club_adjective(const struct isnad_tokens *t, size_t i, size_t sa,
                          size_t sb, struct sport_cache *sc)
{
	static const char *const who[] = {
	    "مصادر", "مصدر",   "فرق",  "جماهير",   "اداره", "اوساط",
	    "لاعب",  "لاعبين", "نجوم", "جماهيريه", "بيت",   "ادارات"};
	size_t p = i;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	return p > 0 && t->v[p - 1].start >= sa &&
	       norm_in(&t->v[p - 1], who, ISNAD_ARRAY_LEN(who)) &&
	       sports_sentence(t, i, sa, sb, sc);
}

/* «الاتفاق» is a club (Al-Ettifaq) after a team's noun in construct
 * («نادي الاتفاق», «فريقه السابق الاتفاق») or before the club a player
 * moves to («انتقل من الاتفاق للهلال»); an agreement is «الاتفاق مع»,
 * «على», «النووي», «بالاتفاق». */
static int club_agreement(const struct isnad_tokens *t, size_t i, size_t sa,
                          size_t sb)
{
	static const char *const teams[] = {"نادي", "فريق", "سابق", "لاعب",
	                                    "مدرب", "نجم",  "فريقه"};
	size_t w = i - 1; /* the article */
	if (w > 0 && t->v[w - 1].type == ISNAD_TOK_PROCLITIC &&
	    t->v[w - 1].end == t->v[w].start)
		return 0; /* بالاتفاق، للاتفاق، والاتفاق */
	if (w > 0 && t->v[w - 1].start >= sa &&
	    norm_in(&t->v[w - 1], teams, ISNAD_ARRAY_LEN(teams)) &&
	    !(w > 1 && norm_is(&t->v[w - 2], "ال") &&
	      t->v[w - 2].end == t->v[w - 1].start &&
	      !norm_is(&t->v[w - 1], "سابق")))
		return 1;
	return i + 2 < t->n && t->v[i + 1].start < sb &&
	       norm_is(&t->v[i + 1], "ل") &&
	       t->v[i + 1].end == t->v[i + 2].start && w > 0 &&
	       norm_is(&t->v[w - 1], "من");
}

/* The attack line of a team, in a sentence of sport: after a position
 * («خط الهجوم», «قلب الهجوم», «الوسط والهجوم», «دفاعا وهجوما»), as a
 * place to play («في الهجوم», «للهجوم») or the team's («تعزيز هجومه»),
 * never «الهجوم على». */
static int attack_line(const struct isnad_tokens *t, size_t i, size_t sa,
                       size_t sb, struct sport_cache *sc)
{
	static const char *const pos[] = {"خط",   "قلب",   "مركز",
	                                  "وسط",  "دفاع",  "دفاعا",
	                                  "خانه", "تعزيز", "محور"};
	size_t p = i;
	if (!sports_sentence(t, i, sa, sb, sc) ||
	    (i + 1 < t->n && t->v[i + 1].start < sb &&
	     norm_is(&t->v[i + 1], "علي")))
		return 0;
	if (i + 1 < t->n && t->v[i + 1].type == ISNAD_TOK_ENCLITIC)
		return 1;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC) {
		if (norm_is(&t->v[p - 1], "ل"))
			return 1;
		p--;
	}
	return p > 0 && t->v[p - 1].start >= sa &&
	       (norm_in(&t->v[p - 1], pos, ISNAD_ARRAY_LEN(pos)) ||
	        norm_is(&t->v[p - 1], "في"));
}

/* A Gregorian month's name (delivery months of futures). */
static int month_word(const struct isnad_token *k)
{
	static const char *const m[] = {"يناير",  "فبراير", "مارس",   "ابريل",
	                                "مايو",   "يونيو",  "يوليو",  "اغسطس",
	                                "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"};
	return norm_in(k, m, ISNAD_ARRAY_LEN(m));
}

/* «زاد الطلب», «يتراجع الطلب»: a verb of the market's size. */
static int market_verb(const struct isnad_token *k)
{
	static const char *const v[] = {
	    "زاد",   "يزيد",  "تزيد",   "ازداد", "يزداد", "تزايد",  "يتزايد",
	    "ارتفع", "يرتفع", "انخفض",  "ينخفض", "تراجع", "يتراجع", "قل",
	    "يقل",   "تضاعف", "يتضاعف", "نما",   "ينمو",  "تنامي",  "ضعف"};
	return norm_in(k, v, ISNAD_ARRAY_LEN(v));
}

/* The noun before a trade noun (the article aside) makes it a category:
 * «سعر بيع», «أسعار شراء», «مجال التصدير», «لأغراض شراء». */
static int trade_category(const struct isnad_tokens *t, size_t i)
{
	static const char *const cat[] = {"سعر",   "اسعار", "مجال",  "مجالات",
	                                  "قطاع",  "اغراض", "غرض",   "نقاط",
	                                  "منافذ", "هامش",  "قيمه",  "تكلفه",
	                                  "عمليه", "قروض",  "تمويل", "رخص"};
	size_t p = i;
	if (p > 0 && norm_is(&t->v[p - 1], "ال"))
		p--;
	return p > 0 && t->v[p - 1].type == ISNAD_TOK_ARABIC &&
	       norm_in(&t->v[p - 1], cat, ISNAD_ARRAY_LEN(cat));
}

/* Whose conditions: a pronoun on شروط, a name right after it, or a verb
 * that imposes them just before («فرضت», «وضع», «رفض»). */
static int owned_terms(const struct isnad_tokens *t, size_t i, size_t end,
                       const struct isnad_span *names, size_t nn)
{
	static const char *const impose[] = {
	    "فرض",  "فرضت", "يفرض",  "تفرض", "وضع", "وضعت",  "يضع", "تضع",
	    "طرح",  "طرحت", "حدد",   "حددت", "رفض", "رفضت",  "قبل", "قبلت",
	    "املي", "املت", "تلبيه", "قبول", "رفض", "بشروط", "وفق", "فرضها"};
	size_t p = i;
	if (i + 1 < t->n && t->v[i + 1].type == ISNAD_TOK_ENCLITIC)
		return 1;
	/* in construct with a definite noun: «شروط المعارضة» */
	if (i + 1 < t->n && t->v[i + 1].type == ISNAD_TOK_PROCLITIC &&
	    norm_is(&t->v[i + 1], "ال") &&
	    !(i > 0 && norm_is(&t->v[i - 1], "ال")))
		return 1;
	if (i + 1 < t->n && t->v[i + 1].start < end)
		for (size_t q = 0; q < nn; q++)
			if (names[q].start <= t->v[i + 1].start &&
			    t->v[i + 1].start < names[q].end)
				return 1;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	for (size_t k = p >= 4 ? p - 4 : 0; k < p; k++)
		if (norm_in(&t->v[k], impose, ISNAD_ARRAY_LEN(impose)))
			return 1;
	return 0;
}

/* وصل at i reaches a stage, a level or a point, or has a pronoun object
 * and no إلى: no journey. */
static int stage_reached(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const stage[] = {
	    "مرحله",   "مراحل", "نقطه",  "حد",    "مستوي", "درجه",
	    "مستويات", "ذروه",  "نهايه", "طريق",  "قناعه", "نتيجه",
	    "اتفاق",   "تفاهم", "حل",    "تسويه", "قرار"};
	int to = 0;
	for (size_t k = i + 1; k < t->n && k <= i + 4 && t->v[k].start < end;
	     k++) {
		if (norm_is(&t->v[k], "الي") || norm_is(&t->v[k], "ل")) {
			to = 1;
			continue;
		}
		if (norm_is(&t->v[k], "ال"))
			continue;
		if (to && norm_in(&t->v[k], stage, ISNAD_ARRAY_LEN(stage)))
			return 1;
		if (to)
			break;
	}
	/* «وصل الأمر إلى», «وصل الحال», «وصلت الخلافات»: things, no one */
	{
		static const char *const things[] = {"امر",  "حال",    "وضع",
		                                     "خلاف", "خلافات", "تصعيد",
		                                     "حد",   "سعر"};
		size_t k = i + 1;
		if (k < t->n && norm_is(&t->v[k], "ال"))
			k++;
		if (k < t->n && t->v[k].start < end &&
		    norm_in(&t->v[k], things, ISNAD_ARRAY_LEN(things)))
			return 1;
	}
	if (i + 1 < t->n && t->v[i + 1].type == ISNAD_TOK_ENCLITIC) {
		for (size_t k = i + 1; k < t->n && k <= i + 4; k++)
			if (norm_is(&t->v[k], "الي"))
				return 0;
		return 1;
	}
	return 0;
}

/* One of the words w within the n tokens before i, from byte start on. */
static int word_before(const struct isnad_tokens *t, size_t i, size_t n,
                       size_t start, const char *const *w, size_t nw)
{
	for (size_t k = i >= n ? i - n : 0; k < i; k++)
		if (t->v[k].start >= start && norm_in(&t->v[k], w, nw))
			return 1;
	return 0;
}

/* A condition, a wish or a negation just before the trigger: «ولو
 * طلبت», «إذا وصل», «لمن يرغب السفر», «لم تعتقل», «عدم اعتقال» — an event
 * that did not take place. */
static int unreal(const struct isnad_tokens *t, size_t i, size_t start)
{
	static const char *const mood[] = {
	    "لو",   "اذا",  "لولا",   "يرغب", "ترغب",  "يرغبون",
	    "يريد", "تريد", "يريدون", "يمكن", "يمكنك", "بامكان"};
	/* a negation right before: «لم تعتقل», «لم يتم اعتقال», «عدم
	 * دعم» (not «لن تتخلى عن دعم»: what is not given up goes on) */
	static const char *const neg[] = {"لم", "لن", "عدم", "دون", "بدون"};
	/* further back in the clause: «عدم وجود اجتماعات», «لن يدخل في
	 * مفاوضات», «من دون أن تشن غارات», «عدم حاجتها لأي تمويل»; a hope
	 * or a stop: «يأملون في استكمال الاتفاق», «تتوقف خلالها الغارات» */
	static const char *const far[] = {"عدم",   "لن",    "دون",    "بدون",
	                                  "يامل",  "تامل",  "ياملون", "نامل",
	                                  "تتوقف", "يتوقف", "وقف",    "ايقاف"};
	size_t p = i;
	if (word_before(t, i, 3, start, mood, ISNAD_ARRAY_LEN(mood)))
		return 1;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	/* «لن نكف عن دعم», «لن تتخلى عن دعم»: what is not given up goes
	 * on */
	/* a known event is presupposed: «لن تتغير بسبب الاتفاقية», «عدم
	 * التزام إيران بالاتفاق», «لن تكون هذه الصفقة مجدية» */
	if (!(p > 0 && norm_is(&t->v[p - 1], "عن")) &&
	    !(i > 0 && norm_is(&t->v[i - 1], "ال")) &&
	    !(p > 0 &&
	      (norm_is(&t->v[p - 1], "هذه") || norm_is(&t->v[p - 1], "هذا") ||
	       norm_is(&t->v[p - 1], "تلك") || norm_is(&t->v[p - 1], "ذلك"))))
		for (size_t k = p, w = 0; k > 0 && w < 4; k--) {
			const struct isnad_token *b = &t->v[k - 1];
			if (b->start < start || b->type == ISNAD_TOK_PUNCT)
				break;
			if (b->type != ISNAD_TOK_ARABIC)
				continue;
			w++;
			if (norm_in(b, far, ISNAD_ARRAY_LEN(far)) ||
			    /* «في حال», not «الحال» */
			    (norm_is(b, "حال") && k >= 2 &&
			     norm_is(&t->v[k - 2], "في")))
				return 1;
		}
	p = i;
	while (p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC)
		p--;
	if (p > 0 && t->v[p - 1].start >= start &&
	    norm_in(&t->v[p - 1], neg, ISNAD_ARRAY_LEN(neg)))
		return 1;
	/* «لم يتم اعتقال», «لن يتم الإفراج» */
	return p > 1 && t->v[p - 2].start >= start &&
	       norm_in(&t->v[p - 2], neg, 2) &&
	       (norm_is(&t->v[p - 1], "يتم") || norm_is(&t->v[p - 1], "تتم"));
}

/* A refusal just before an act of the refuser's own: «رفضوا التوجه إلى
 * مناطق المواجهات», «ترفض شراء البنزين» (a request or a deal refused had
 * taken place: «رفض طلبه», «رفض الاتفاق»). */
static int refused(const struct isnad_tokens *t, size_t i, size_t start)
{
	static const char *const refuse[] = {"رفض",  "رفضت",  "رفضوا",
	                                     "يرفض", "ترفض",  "يرفضون",
	                                     "رفضه", "رفضها", "رفضهم"};
	return word_before(t, i, 3, start, refuse, ISNAD_ARRAY_LEN(refuse));
}

/* سلم at token i greets: «سلم الوزراء على خادم الحرمين» (على before any
 * إلى), or ends a blessing: «صلى الله عليه وسلم». */
static int greeting(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const on[] = {"علي"};
	if (word_before(t, i, 3, 0, on, 1))
		return 1;
	for (size_t k = i + 1; k < t->n && k <= i + 5 && t->v[k].start < end;
	     k++) {
		if (norm_is(&t->v[k], "الي"))
			return 0;
		if (norm_is(&t->v[k], "علي"))
			return 1;
	}
	return 0;
}

/*
 * قمة is a summit, or a peak: of something it belongs to («في قمة
 * نجاحها», «قمتها»), on top («على قمة جدول المسابقة», «إلى قمة»), of a
 * mountain or a ranking, or the top match of a league («مباراة القمة»).
 */
static int peak(const struct isnad_tokens *t, size_t i, size_t end)
{
	static const char *const tops[] = {
	    "جبل",   "هرم",   "جدول",    "ترتيب", "سلم",   "مجد",
	    "الجبل", "الهرم", "الترتيب", "المجد", "السلم", "الجدول"};
	static const char *const matches[] = {"مباراه", "لقاء", "مواجهه",
	                                      "مباريات"};
	size_t p = i, nx = i + 1;
	/* the word before, past the article */
	if (p > 0 && norm_is(&t->v[p - 1], "ال"))
		p--;
	if (p > 0 &&
	    (norm_is(&t->v[p - 1], "علي") || norm_is(&t->v[p - 1], "الي") ||
	     (t->v[p - 1].type == ISNAD_TOK_PROCLITIC && p > 1 &&
	      (norm_is(&t->v[p - 2], "علي") || norm_is(&t->v[p - 2], "الي")))))
		return 1;
	for (size_t m = 0; m < ISNAD_ARRAY_LEN(matches); m++)
		if (p > 0 && norm_is(&t->v[p - 1], matches[m]))
			return 1;
	/* لقمة: a morsel («لقمة سائغة», «لقمة العيش») */
	if (p == i && p > 0 && t->v[p - 1].type == ISNAD_TOK_PROCLITIC &&
	    norm_is(&t->v[p - 1], "ل") && nx < t->n &&
	    (norm_is(&t->v[nx], "سايغه") || norm_is(&t->v[nx], "عيش") ||
	     (norm_is(&t->v[nx], "ال") && nx + 1 < t->n &&
	      norm_is(&t->v[nx + 1], "عيش"))))
		return 1;
	if (nx >= t->n || t->v[nx].start >= end)
		return 0;
	if (t->v[nx].type == ISNAD_TOK_ENCLITIC)
		return 1;
	/* the next word, with its article */
	if (norm_is(&t->v[nx], "ال") && nx + 1 < t->n) {
		for (size_t m = 0; m < ISNAD_ARRAY_LEN(tops); m++)
			if (!strncmp(tops[m], "ال", 4) &&
			    t->v[nx + 1].norm_len + 4 == strlen(tops[m]) &&
			    !memcmp(t->v[nx + 1].norm, tops[m] + 4,
			            t->v[nx + 1].norm_len))
				return 1;
		nx++;
	} else {
		for (size_t m = 0; m < ISNAD_ARRAY_LEN(tops); m++)
			if (norm_is(&t->v[nx], tops[m]))
				return 1;
	}
	/* «قمة نجاحها», «قمة عطائه» */
	return nx + 1 < t->n && t->v[nx + 1].type == ISNAD_TOK_ENCLITIC &&
	       t->v[nx + 1].start < end;
}

isnad_status isnad_events_find(struct isnad_tokenizer *tk, const char *text,
                               size_t len, struct isnad_events *out)
{
	struct isnad_tokens t;
	isnad_status rc;
	isnad_tokens_init(&t);
	rc = isnad_tokenize(tk, text, len, &t);
	if (rc == ISNAD_OK)
		rc = isnad_events_find_tokens(text, len, &t, out);
	isnad_tokens_release(&t);
	return rc;
}

/* طالبان, طالبات, طالبة, طلاب, الطالب: the Taliban and students, not
 * demands («وطالبته», طالبت + ه read back as طالبة + ه, still demands). */
static int students(const struct isnad_token *k, const struct isnad_token *prev,
                    const struct isnad_token *next)
{
	return norm_is(k, "طالبان") || norm_is(k, "طالبات") ||
	       ((norm_is(k, "طالبه") || norm_is(k, "طلبه")) &&
	        !(next && next->type == ISNAD_TOK_ENCLITIC)) ||
	       norm_is(k, "طلاب") || norm_is(k, "طالبين") ||
	       (norm_is(k, "طالب") && prev && norm_is(prev, "ال"));
}

int isnad_event_word(const struct isnad_token *k)
{
	pthread_once(&trig_once, trig_init);
	if (!k || k->type != ISNAD_TOK_ARABIC)
		return -1;
	for (size_t j = 0; j < trig_n; j++)
		if (k->stem_len == trig_tab[j].len &&
		    !memcmp(k->stem, trig_tab[j].stem, k->stem_len) &&
		    (trig_tab[j].len > 6 || same_or_past(k, &trig_tab[j])) &&
		    (!trig_tab[j].whole ||
		     (k->norm_len >= trig_tab[j].norm_len &&
		      !memcmp(k->norm, trig_tab[j].norm,
		              trig_tab[j].norm_len))) &&
		    !nisba_of(k, &trig_tab[j]) &&
		    !(trig_tab[j].type == ISNAD_EV_DEMAND &&
		      students(k, NULL, NULL)))
			return (int)trig_tab[j].type;
	return -1;
}

isnad_status isnad_events_find_tokens(const char *text, size_t len,
                                      const struct isnad_tokens *tokens,
                                      struct isnad_events *out)
{
	return isnad_events_find_named(text, len, tokens, NULL, 0, out);
}

isnad_status isnad_events_find_named(const char *text, size_t len,
                                     const struct isnad_tokens *tokens,
                                     const struct isnad_span *names, size_t nn,
                                     struct isnad_events *out)
{
	size_t ni = 0;
	const struct trig *trig;
	size_t nt, si = 0;
	struct isnad_spans sents;
	const struct isnad_tokens t = *tokens;
	isnad_status rc;
	pthread_once(&trig_once, trig_init);
	trig = trig_tab;
	nt = trig_n;
	isnad_spans_init(&sents);
	if ((rc = isnad_sentences(text, len, &sents)) != ISNAD_OK)
		goto out;
	for (size_t s = 0; s < sents.n; s++) {
		unsigned seen = 0;
		struct sport_cache sc = {SIZE_MAX, 0};
		for (; si < t.n && t.v[si].start < sents.v[s].end; si++) {
			const struct isnad_token *k = &t.v[si];
			if (k->type != ISNAD_TOK_ARABIC ||
			    k->start < sents.v[s].start)
				continue;
			while (ni < nn && names[ni].end <= k->start)
				ni++;
			if (ni < nn && names[ni].start <= k->start &&
			    k->end <= names[ni].end)
				continue;
			for (size_t j = 0; j < nt; j++) {
				struct isnad_event e;
				enum isnad_event_type ty = trig[j].type;
				if (k->stem_len != trig[j].len ||
				    memcmp(k->stem, trig[j].stem, k->stem_len))
					continue;
				/* a stem of three letters or fewer says too
				 * little (سلمية is not سلم): the word itself
				 * must match, or with a past-tense ending */
				if (trig[j].len <= 6 &&
				    !same_or_past(k, &trig[j]))
					continue;
				if (trig[j].whole &&
				    (k->norm_len < trig[j].norm_len ||
				     memcmp(k->norm, trig[j].norm,
				            trig[j].norm_len)))
					continue;
				/* «الروابط الاجتماعية»: a nisba made from the
				 * noun describes, it is no event */
				if (nisba_of(k, &trig[j])) {
					/* a people's plural («الاتفاقيين»)
					 * is no other trigger's either;
					 * اتفاقية is its own */
					if (k->norm_len > 6 &&
					    (!memcmp(k->norm + k->norm_len - 6,
					             "يين", 6) ||
					     !memcmp(k->norm + k->norm_len - 6,
					             "يون", 6)))
						break;
					continue;
				}
				/* توجه is a journey only towards somewhere
				 * («توجه إلى»; «لا توجه نحو أشخاص» is not);
				 * يسلم من is to be spared, not to hand over */
				if (norm_is(k, "توجه") &&
				    !word_after(&t, si, sents.v[s].end, 6,
				                "الي"))
					continue;
				if (ty == ISNAD_EV_TRANSFER &&
				    word_after(&t, si, sents.v[s].end, 1, "من"))
					continue;
				/* «الطلب على السيارات», «ارتفاع الطلب»: the
				 * market's demand, no one's request */
				if (ty == ISNAD_EV_DEMAND &&
				    norm_is(k, "طلب") && si > 0 &&
				    norm_is(&t.v[si - 1], "ال") &&
				    (word_after(&t, si, sents.v[s].end, 1,
				                "علي") ||
				     /* «الطلب المتزايد على المساكن» */
				     (si + 3 < t.n &&
				      norm_is(&t.v[si + 1], "ال") &&
				      norm_is(&t.v[si + 3], "علي")) ||
				     (si > 1 &&
				      (norm_is(&t.v[si - 2], "ارتفاع") ||
				       norm_is(&t.v[si - 2], "زياده") ||
				       norm_is(&t.v[si - 2], "انخفاض") ||
				       norm_is(&t.v[si - 2], "تراجع") ||
				       norm_is(&t.v[si - 2], "ضعف") ||
				       norm_is(&t.v[si - 2], "حجم") ||
				       norm_is(&t.v[si - 2], "نمو") ||
				       norm_is(&t.v[si - 2], "و") ||
				       market_verb(&t.v[si - 2])))))
					continue;
				/* «سعر بيع اللتر», «مجال التصدير», «لأغراض
				 * شراء سيارات»: a price or a line of business
				 */
				if (ty == ISNAD_EV_TRADE &&
				    (trade_category(&t, si) ||
				     /* «لهم باع طويل»: a long reach */
				     (norm_is(k, "باع") &&
				      (word_after(&t, si, sents.v[s].end, 1,
				                  "طويل") ||
				       word_after(&t, si, sents.v[s].end, 1,
				                  "طويلا")))))
					continue;
				/* طالب demands, but طالبان, طالبات, الطالب and
				 * طلبة are the Taliban and students */
				if (ty == ISNAD_EV_DEMAND &&
				    students(k, si > 0 ? &t.v[si - 1] : NULL,
				             si + 1 < t.n ? &t.v[si + 1]
				                          : NULL))
					continue;
				/* «طالب آل طالب»: a name, then its family */
				if (ty == ISNAD_EV_DEMAND && si + 1 < t.n &&
				    t.v[si + 1].type == ISNAD_TOK_ARABIC &&
				    (norm_is(&t.v[si + 1], "ال") ||
				     norm_is(&t.v[si + 1], "بن")))
					continue;
				/* وصل is an arrival, but «وصلت النسبة إلى 2.5»
				 * is a figure reaching a level and «حلقة
				 * الوصل» a link */
				if (ty == ISNAD_EV_TRAVEL &&
				    trig[j].len == strlen("وصل") &&
				    !memcmp(trig[j].stem, "وصل", trig[j].len) &&
				    ((si > 0 && norm_is(&t.v[si - 1], "ال")) ||
				     figure_after(&t, si, sents.v[s].end)))
					continue;
				/* أطلق and إطلاق release only out of a prison
				 * («إطلاقها لعناصر ... من السجن»); otherwise
				 * they launch, fire or mean «at all»
				 * (أطلقوا النار، إطلاقاً).  «أطلق سراحه» is
				 * found by سراح */
				if (ty == ISNAD_EV_RELEASE &&
				    trig[j].norm_len >= strlen("اطل") &&
				    !memcmp(trig[j].norm, "اطل",
				            strlen("اطل")) &&
				    !prison_after(&t, si, sents.v[s].end)) {
					/* «أطلقوا النار على», «صاروخ أطلقته»:
					 * shooting is an attack, but «وقف إطلاق
					 * النار» is a ceasefire */
					if (!fire_near(&t, si,
					               sents.v[s].end) ||
					    (si > 0 &&
					     norm_is(&t.v[si - 1], "وقف")))
						continue;
					ty = ISNAD_EV_ATTACK;
				}
				/* سلم hands over, but «صلى الله عليه وسلم»
				 * blesses, «سلم على» greets, and السلم is
				 * peace or a ladder */
				if (ty == ISNAD_EV_TRANSFER &&
				    norm_is(k, "سلم") &&
				    ((si > 0 && norm_is(&t.v[si - 1], "ال")) ||
				     greeting(&t, si, sents.v[s].end)))
					continue;
				if (ty == ISNAD_EV_MEET && norm_is(k, "قمه") &&
				    peak(&t, si, sents.v[s].end))
					continue;
				/* تحويل converts or refers («تحويل أرضياتها
				 * إلى», «تم تحويلها للجنة»); only money
				 * transferred is funding (تحويلات, remittances,
				 * always is) */
				if (ty == ISNAD_EV_FUND &&
				    norm_is(k, "تحويل") &&
				    !money_near(&t, si, sents.v[s].end))
					continue;
				/* «الشروط المنصوص عليها في المواصفات» are
				 * terms; a demand's conditions are someone's:
				 * «شروطه», «شروط إيران», «فرضت شروطا» */
				if (ty == ISNAD_EV_DEMAND &&
				    norm_is(k, "شروط") &&
				    !owned_terms(&t, si, sents.v[s].end, names,
				                 nn))
					continue;
				/* a goal that is a stage, not a place: «صفقة
				 * وصلت إلى مراحلها الأخيرة», «حتى وصل لنقطة»;
				 * and «وصلنا الرسالة»: a message reached us */
				if (ty == ISNAD_EV_TRAVEL &&
				    trig[j].len == strlen("وصل") &&
				    !memcmp(trig[j].stem, "وصل", trig[j].len) &&
				    stage_reached(&t, si, sents.v[s].end))
					continue;
				/* «لو طلبت», «إذا وصل», «لمن يرغب السفر»: what
				 * did not happen */
				if (unreal(&t, si, sents.v[s].start))
					continue;
				/* «محل لبيع», «استعدادا للسفر»: a use or an
				 * intent */
				if ((ty == ISNAD_EV_TRADE ||
				     ty == ISNAD_EV_TRAVEL) &&
				    purpose_lam(&t, si))
					continue;
				if (ty != ISNAD_EV_AGREE &&
				    ty != ISNAD_EV_DEMAND &&
				    ty != ISNAD_EV_ATTACK &&
				    ty != ISNAD_EV_ARREST &&
				    refused(&t, si, sents.v[s].start))
					continue;
				if (ty == ISNAD_EV_AGREE &&
				    (norm_is(k, "اتفاقيه") ||
				     norm_is(k, "اتفاقيات")) &&
				    club_adjective(&t, si, sents.v[s].start,
				                   sents.v[s].end, &sc))
					continue;
				/* «كسرت مستويات دعم»: a chart's support level
				 */
				if (ty == ISNAD_EV_SUPPORT &&
				    level_before(&t, si))
					continue;
				/* «دعم الوقود», «دعم الأسعار»: a subsidy, a
				 * policy rather than an event */
				if (ty == ISNAD_EV_SUPPORT &&
				    (subsidy(&t, si) || support_named(&t, si)))
					continue;
				/* «كان طالبا», «400 طالب», «طالب في الجامعة»,
				 * «طالب الصيدلة»: a student */
				if (ty == ISNAD_EV_DEMAND &&
				    (norm_is(k, "طالب") ||
				     norm_is(k, "طالبا")) &&
				    student_noun(&t, si, sents.v[s].end))
					continue;
				/* «لقاء الهلال والنصر في الدوري», «يلتقي
				 * الفريق نظيره في الجولة الثانية»: a match */
				if (ty == ISNAD_EV_MEET && trig[j].len > 0 &&
				    ((k->norm_len >= 6 &&
				      !memcmp(k->norm, "لقاء", 6) &&
				      sports_sentence(&t, si, sents.v[s].start,
				                      sents.v[s].end, &sc)) ||
				     ((norm_is(k, "يلتقي") ||
				       norm_is(k, "التقي") ||
				       norm_is(k, "تلتقي")) &&
				      opponent_after(&t, si, sents.v[s].end) &&
				      sports_sentence(&t, si, sents.v[s].start,
				                      sents.v[s].end, &sc))))
					continue;
				if (ty == ISNAD_EV_AGREE &&
				    norm_is(k, "اتفاق") && si > 0 &&
				    norm_is(&t.v[si - 1], "ال") &&
				    club_agreement(&t, si, sents.v[s].start,
				                   sents.v[s].end))
					continue;
				/* «قلب الهجوم», «الوسط والهجوم», «في الهجوم»:
				 * a team's attack line */
				if (ty == ISNAD_EV_ATTACK &&
				    (norm_is(k, "هجوم") ||
				     norm_is(k, "هجوما")) &&
				    (attack_line(&t, si, sents.v[s].start,
				                 sents.v[s].end, &sc) ||
				     attack_in_words(&t, si)))
					continue;
				/* «مكاتب السفر», «جواز السفر», «حظر السفر»:
				 * a trade, a document, a ban, no journey */
				if (ty == ISNAD_EV_TRAVEL &&
				    norm_is(k, "سفر") &&
				    travel_compound(&t, si))
					continue;
				/* «لدعم صفوفه»: a club strengthens its squad */
				if (ty == ISNAD_EV_SUPPORT &&
				    word_after(&t, si, sents.v[s].end, 1,
				               "صفوف"))
					continue;
				/* «مدير التمويل», «شركة تمويل»: an office or a
				 * firm named by what it does */
				if (ty == ISNAD_EV_FUND &&
				    office_before(&t, si))
					continue;
				if (generic_before(&t, si))
					continue;
				/* «زيارات المرضى», «زيارة الطبيب», «زيارة
				 * الموقع»: a clinic's or a web page's visits */
				if (ty == ISNAD_EV_TRAVEL &&
				    visit_of_care(&t, si))
					continue;
				/* «يبيع دينه», «باع ضميره»: a figure of speech
				 */
				if (ty == ISNAD_EV_TRADE && sold_self(&t, si))
					continue;
				if (ty == ISNAD_EV_ATTACK &&
				    (norm_is(k, "ضربات") ||
				     norm_is(k, "ضربه")) &&
				    blows_of_kind(&t, si))
					continue;
				if (ty == ISNAD_EV_AGREE &&
				    (norm_is(k, "صفقه") ||
				     norm_is(k, "صفقات")) &&
				    deal_count(&t, si))
					continue;
				if (ty == ISNAD_EV_AGREE &&
				    opinion_agreed(&t, si, sents.v[s].end))
					continue;
				/* «قتل في حادث سير»: a death, no attack */
				if (ty == ISNAD_EV_ATTACK &&
				    ((k->norm_len >= 6 &&
				      !memcmp(k->norm, "قتل", 6)) ||
				     (k->norm_len >= 8 &&
				      !memcmp(k->norm, "مقتل", 8))) &&
				    accident_after(&t, si, sents.v[s].end))
					continue;
				/* «مول» is a mall; the verb «موّل» is written
				 * with its shadda or an ending («مولت») */
				if (ty == ISNAD_EV_FUND && norm_is(k, "مول") &&
				    !has_shadda(text + k->start,
				                k->end - k->start))
					continue;
				/* «تسليم أغسطس»: a futures month */
				if (ty == ISNAD_EV_TRANSFER && si + 1 < t.n &&
				    month_word(&t.v[si + 1]))
					continue;
				/* دعم مالي is funding */
				if (ty == ISNAD_EV_SUPPORT && si + 1 < t.n &&
				    (norm_is(&t.v[si + 1], "مالي") ||
				     norm_is(&t.v[si + 1], "ماليا")))
					ty = ISNAD_EV_FUND;
				if (seen & (1u << ty))
					break;
				seen |= 1u << ty;
				e.type = ty;
				e.start = sents.v[s].start;
				e.end = sents.v[s].end;
				e.trig_start = k->start;
				e.trig_end = k->end;
				if (!push(out, &e)) {
					rc = ISNAD_ENOMEM;
					goto out;
				}
				break;
			}
		}
	}
out:
	isnad_spans_release(&sents);
	return rc;
}
