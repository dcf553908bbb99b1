/*
 * attrib.c - attributions: reporting cues, their sources (the chain) and
 * the claims they introduce, by rules over the token stream.
 *
 * The text is tokenized once and split into sentences; each sentence is
 * scanned left to right for cues:
 *   - a reporting verb (past, present or active participle, matched on the
 *     search-normalised form by its morphology, not by a list of surface
 *     forms) followed by its subject and a complement (أن/إن، :، «...»،
 *     عن ...), or preceded by its subject (SV order), or with a dropped
 *     subject continuing the previous attribution (وأضاف ...);
 *   - a prepositional cue (وفقاً لـ، بحسب، حسبما ذكرت ...) whose source
 *     follows and whose claim is the clause before or after it.
 * Recipients («لموقع X», «لصحيفة X») and «نقلت X عن Y» build the chain
 * outward-in.  Anaphors («الموقع», «المصدر») are resolved afterwards to the
 * latest earlier source of the same head noun (or the same outlet class).
 *
 * Invariants: every scan is bounded by the sentence and by small constant
 * windows, so the cost is linear in the number of tokens; spans are byte
 * offsets into the caller's text and always lie on token boundaries.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/alloc.h"
#include "isnad/attrib.h"
#include "isnad/ner.h"
#include "isnad/number.h"
#include "isnad/text.h"
#include "isnad/token.h"
#include "isnad_int.h"

#define ACC_COMMON 100   /* news count of a word that is no name */
#define NP_MAX 14        /* tokens in a source noun phrase */
#define NP_MAX_NAMED 18  /* the same, when it opens with a title */
#define SCAN_MAX 40      /* tokens between a source and its complement */
#define BACK_MAX 14      /* tokens of a subject before its verb */
#define INHERIT_SENT 3   /* sentences a dropped subject may look back */
#define REF_LOOKBACK 256 /* links searched for an anaphor's antecedent */
#define QUOTE_TOKENS 600 /* longest quotation taken as one claim */
#define JUNK_MAX 3       /* other words between a source and complement */

/* ---- output lists ------------------------------------------------- */

void isnad_attributions_init(struct isnad_attributions *a)
{
	memset(a, 0, sizeof *a);
	isnad_spans_init(&a->unattributed);
}

void isnad_attributions_release(struct isnad_attributions *a)
{
	if (!a)
		return;
	isnad_free(a->v);
	isnad_free(a->links);
	isnad_spans_release(&a->unattributed);
	isnad_attributions_init(a);
}

void isnad_attributions_clear(struct isnad_attributions *a)
{
	a->n = 0;
	a->n_links = 0;
	a->unattributed.n = 0;
}

const char *isnad_source_kind_name(enum isnad_source_kind k)
{
	static const char *const names[ISNAD_SRC__COUNT] = {
	    "unknown",      "outlet",    "person",
	    "organization", "anonymous", "document"};
	return (unsigned)k < ISNAD_SRC__COUNT ? names[k] : "unknown";
}

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t c;
	void *p;
	if (need <= *cap)
		return 0;
	c = *cap ? *cap * 2 : 16;
	while (c < need)
		c *= 2;
	p = isnad_realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

/* ---- word lists (search-normalised: ا for أإآ, ه for ة, ي for ى) ----- */

/* Is w[0..n) one of the '|'-separated words of list? */
static int in_list(const char *w, size_t n, const char *list)
{
	const char *p = list;
	while (*p) {
		const char *e = strchr(p, '|');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == n && !memcmp(p, w, n))
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* Does w[0..n) start with one of list's words and end with one of sufs?
 * Returns 0, or 1 + the suffix length in bytes. */
static int stem_suffix(const char *w, size_t n, const char *list,
                       const char *sufs)
{
	const char *p = list;
	while (p && *p) {
		const char *e = strchr(p, '|');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l <= n && !memcmp(p, w, l) && in_list(w + l, n - l, sufs))
			return (int)(n - l) + 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

/* Third person only: «نؤكد», «أقول», «أكدنا» are the writer's own voice
 * or a quoted speaker's, whose quotation is reported already. */
static const char PAST_SUF[] = "|ت|وا|ا|تا|ن";
static const char PRES_PRE[] = "ي|ت";
static const char PRES_SUF[] = "|ون|ان|ين|ن";
/* after ت, ون and ين address the reader («هل تذكرون»): no report */
static const char PRES_SUF_T[] = "|ان|ن";
static const char PART_SUF[] = "|ا|ه|ين|ون|تين|ان|تان|ات";

/* Complements a verb accepts beside أن/إن، : and a quotation. */
enum {
	C_ABOUT = 1, /* عن: كشف عن، أعلن عن */
	C_MASDAR = 16, /* light verb + verbal noun: جددت X تحذيرها من */
	C_FROM = 2,  /* من: حذّر من */
	C_RELAY = 4, /* عن + second source: نقل عن */
	C_OBJ = 8, /* recipient object: أبلغ المصدر صحيفة ... */
	C_NOUN = 32, /* a verbal noun as object: نفى X وجود ... */
	C_BI = 64, /* ب + verbal noun: أفادت مصادر بمقتل ... */
	C_ON = 128 /* على + verbal noun: شدد X على ضرورة ... */
};

struct rverb {
	const char *past, *pres, *part; /* '|' alternatives; NULL: none */
	unsigned comp;
};

static const struct rverb VERBS[] = {
    {"قال", "قول", "قايل", 0},
    {"ذكر", "ذكر", NULL, 0},
    {"اكد", "وكد|اكد", "موكد", C_NOUN | C_ON},
    {"افاد|افد", "فيد", NULL, C_BI},
    {"كشف", "كشف", "كاشف", C_ABOUT | C_NOUN},
    {"اشار|اشر", "شير", "مشير", 0},
    {"اوضح", "وضح", "موضح", 0},
    {"زعم", "زعم", "زاعم", 0},
    {"اضاف|اضف", "ضيف", "مضيف", 0},
    {"صرح", "صرح", "مصرح", 0},
    {"اعلن", "علن", "معلن", C_ABOUT | C_NOUN},
    {"نفي|نف", "نفي", "نافي", C_NOUN},
    {"حذر", "حذر", "محذر", C_FROM},
    {"ادعي|ادع", "دعي", "مدعي", 0},
    {"ابلغ", NULL, NULL, C_ABOUT | C_OBJ},
    {"اخبر", "خبر", NULL, C_OBJ},
    {"اورد", "ورد", NULL, 0},
    {"نقل", "نقل", "ناقل", C_RELAY},
    {"روي|رو", "روي", NULL, C_RELAY},
    {"افصح", "فصح", NULL, C_ABOUT},
    {"اعترف", "عترف", "معترف", C_BI},
    {"شدد", "شدد", "مشدد", C_ON},
    {"لفت", "لفت", "لافت", 0},
    {"نوه", "نوه", "منوه", 0},
    {"اعتبر", "عتبر", "معتبر", 0},
    {"تابع", NULL, NULL, 0},
    {"اردف", "ردف", "مردف", 0},
    {"استطرد", NULL, "مستطرد", 0},
    {"اعرب", "عرب", "معرب", C_ABOUT},
    {"كتب", "كتب", NULL, 0},
    {"نشر", "نشر", NULL, 0},
    {"توقع", "توقع", "متوقع", 0},
    {"رجح", "رجح", "مرجح", 0},
    {"اقر", "قر", "مقر", 0},
    {"ادلي", NULL, NULL, 0},
    {"ابان", "بين", "مبين", 0}, /* «يبيّن أن»; the past «بيّن» is taken
                                   in scan_sentence (بين is «between») */
    {"جدد", "جدد", "مجدد", C_MASDAR},
    {"كرر", "كرر", "مكرر", C_MASDAR}, /* «وكرر جعجع أنها», «كرر تأكيده» */
    {"استبعد", "ستبعد", "مستبعد", 0}, /* ruled out: a stance, as نفى */
    /* a question is a report too, and names the speaker a participle
     * after it goes on with («وتساءل بورغيس عن …، مشيرا إلى») */
    {"تساءل|تسايل", "تساءل|تسايل", "متسايل|متساءل", C_ABOUT},

};
#define N_VERBS ISNAD_ARRAY_LEN(VERBS)

enum vform { VF_NONE = 0, VF_PAST, VF_PRES, VF_PART };

/*
 * match_verb runs on every word, so every inflected form of every verb is
 * put in a hash table once, in the order the list walk below would find
 * them (the first verb, past before present before participle, wins).
 */
#define VF_SLOTS 8192 /* a power of two, over twice the forms */
struct vform_slot {
	char s[48];
	uint8_t len;
	int8_t verb;
	uint8_t form;
};
static struct vform_slot *vforms;
static pthread_once_t vforms_once = PTHREAD_ONCE_INIT;

static size_t vf_slot(const char *w, size_t n)
{
	uint64_t h = isnad__hash(w, n);
	size_t i;
	for (i = (size_t)h & (VF_SLOTS - 1);
	     vforms[i].len &&
	     !(vforms[i].len == n && !memcmp(vforms[i].s, w, n));
	     i = (i + 1) & (VF_SLOTS - 1))
		;
	return i;
}

/* Put pre + each of alts + each of sufs in the table. */
static void vf_add(const char *pre, const char *alts, const char *sufs,
                   int verb, int form)
{
	size_t pl = pre ? strlen(pre) : 0;
	for (const char *p = alts; p && *p;) {
		const char *e = strchr(p, '|');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		for (const char *q = sufs;;) {
			const char *qe = strchr(q, '|');
			size_t ql = qe ? (size_t)(qe - q) : strlen(q);
			char w[48];
			/* a past stem in و (روى: روت، رووا) takes no bare,
			 * ا or ن ending: «رون» is the name Ron */
			int weak =
			    form == VF_PAST && l >= 2 &&
			    !memcmp(p + l - 2, "و", 2) &&
			    (ql == 0 || (ql == 2 && (!memcmp(q, "ا", 2) ||
			                             !memcmp(q, "ن", 2))));
			if (!weak && pl + l + ql < sizeof w) {
				size_t i;
				memcpy(w, pre ? pre : "", pl);
				memcpy(w + pl, p, l);
				memcpy(w + pl + l, q, ql);
				i = vf_slot(w, pl + l + ql);
				if (!vforms[i].len) {
					memcpy(vforms[i].s, w, pl + l + ql);
					vforms[i].len = (uint8_t)(pl + l + ql);
					vforms[i].verb = (int8_t)verb;
					vforms[i].form = (uint8_t)form;
				}
			}
			if (!qe)
				break;
			q = qe + 1;
		}
		p = e ? e + 1 : NULL;
	}
}

static void vforms_init(void)
{
	static struct vform_slot table[VF_SLOTS];
	vforms = table;
	for (size_t i = 0; i < N_VERBS; i++) {
		vf_add(NULL, VERBS[i].past, PAST_SUF, (int)i, VF_PAST);
		if (VERBS[i].pres)
			for (size_t q = 0; q + 2 <= sizeof PRES_PRE - 1;
			     q += 3) {
				char pre[3] = {PRES_PRE[q], PRES_PRE[q + 1], 0};
				vf_add(pre, VERBS[i].pres,
				       strcmp(pre, "ت") ? PRES_SUF : PRES_SUF_T,
				       (int)i, VF_PRES);
			}
		vf_add(NULL, VERBS[i].part, PART_SUF, (int)i, VF_PART);
	}
}

/* Match a word (search form, clitics split) against the reporting verbs. */
static int match_verb(const char *w, size_t n, enum vform *form_out)
{
	size_t i;
	pthread_once(&vforms_once, vforms_init);
	if (n >= sizeof vforms->s) {
		*form_out = VF_NONE;
		return -1;
	}
	i = vf_slot(w, n);
	*form_out = vforms[i].len ? (enum vform)vforms[i].form : VF_NONE;
	return vforms[i].len ? vforms[i].verb : -1;
}

/* Grammatical gender a reporting verb agrees with: 1 feminine singular
 * («قالت», «تقول», «مشيرة»), -1 masculine singular («قال», «يقول»,
 * «مشيراً»), 0 plural or unknown. */
static int verb_gender(const char *w, size_t n)
{
	for (size_t i = 0; i < N_VERBS; i++) {
		const struct rverb *v = &VERBS[i];
		int r;
		if ((r = stem_suffix(w, n, v->past, PAST_SUF)) != 0)
			return r == 1                                   ? -1
			       : (r == 3 && !memcmp(w + n - 2, "ت", 2)) ? 1
			                                                : 0;
		if (v->pres && n > 2 && in_list(w, 2, PRES_PRE) &&
		    (r = stem_suffix(w + 2, n - 2, v->pres, PRES_SUF)) != 0)
			return r != 1               ? 0
			       : !memcmp(w, "ي", 2) ? -1
			       : !memcmp(w, "ت", 2) ? 1
			                            : 0;
		if (v->part && (r = stem_suffix(w, n, v->part, PART_SUF)) != 0)
			return r == 1 || (r == 3 && !memcmp(w + n - 2, "ا", 2))
			           ? -1
			       : (r == 3 && !memcmp(w + n - 2, "ه", 2)) ? 1
			                                                : 0;
	}
	return 0;
}

/* Number a reporting verb agrees with: 1 singular («قال», «مشيراً»), 2
 * plural or dual («قالوا», «يقولون», «مشيرين», «أكدا»), 0 unknown. */
static int verb_number(const char *w, size_t n)
{
	for (size_t i = 0; i < N_VERBS; i++) {
		const struct rverb *v = &VERBS[i];
		const char *sfx;
		int r;
		if ((r = stem_suffix(w, n, v->past, PAST_SUF)) != 0) {
			sfx = w + n - (size_t)(r - 1);
			return r == 1 || (r == 3 && !memcmp(sfx, "ت", 2)) ? 1
			                                                  : 2;
		}
		if (v->pres && n > 2 && in_list(w, 2, PRES_PRE) &&
		    (r = stem_suffix(w + 2, n - 2, v->pres, PRES_SUF)) != 0)
			return r == 1 ? 1 : 2;
		if (v->part && (r = stem_suffix(w, n, v->part, PART_SUF)) != 0)
			return r <= 3 ? 1 : 2;
	}
	return 0;
}

/* Is s[0..n) (a word without its plural ending) a noun of people that
 * takes a sound plural: a participle in م or a فاعل of four letters or
 * more that the news uses («المسؤول(ون)», «مدير(و)», «لاعب(ين)»)?  Names
 * end in ون and ين as well: «كاميرون», «الحسين», «الأمين». */
static int singular_known(const char *s, size_t n)
{
	char buf[3 * 48 + 4];
	size_t m;
	if (n > 8 && !memcmp(s, "ال", 4)) {
		s += 4; /* the bare noun is the commoner */
		n -= 4;
	}
	if (n < 8 || n > 48)
		return 0;
	m = isnad_normalize_word(s, n, ISNAD_NORM_LIGHT, buf);
	if (m < 8 || !(!memcmp(buf, "م", 2) || !memcmp(buf + 2, "ا", 2)))
		return 0;
	return isnad_lexicon_count(isnad_lexicon_default(), buf, m) >= 5;
}

/* Number of a source phrase: 2 when its first word is a sound plural of
 * people («المسؤولون», «مديرو التعليم», «مسؤولون»), 1 for one person
 * or a name, 0 unknown (anonymous sources: «شهود», broken plurals, are
 * not told apart). */
static int source_number(const char *s, size_t n, int kind)
{
	size_t w = 0;
	int def = n > 4 && !memcmp(s, "ال", 4);
	while (w < n && s[w] != ' ')
		w++;
	/* a body, a paper, a document is one: «أكدت الهيئة ...، مؤكدين»
	 * goes back to others; a plural head («السلطات», «وكالات») is
	 * many */
	if (kind == ISNAD_SRC_ORGANIZATION || kind == ISNAD_SRC_OUTLET ||
	    kind == ISNAD_SRC_DOCUMENT)
		return w >= 6 && (!memcmp(s + w - 4, "ات", 4) ||
		                  !memcmp(s + w - 4, "ون", 4) ||
		                  !memcmp(s + w - 4, "ين", 4))
		           ? 0
		           : 1;
	if (kind != ISNAD_SRC_PERSON && kind != ISNAD_SRC_UNKNOWN &&
	    kind != ISNAD_SRC_ANONYMOUS)
		return 0;
	if (w >= 8 && (!memcmp(s + w - 4, "ون", 4) ||
	               (def && !memcmp(s + w - 4, "ين", 4)))) {
		/* «المسؤولون», «مسؤولون»; an indefinite word in ون only
		 * in م: «واتسون» is a name */
		if ((def || !memcmp(s, "م", 2)) && singular_known(s, w - 4))
			return 2;
		return 0;
	}
	/* a plural in construct: «مديرو التعليم» */
	if (w >= 8 && w < n && !memcmp(s + w - 2, "و", 2) && !def &&
	    n - w > 5 && !memcmp(s + w + 1, "ال", 4) &&
	    singular_known(s, w - 2))
		return 2;
	if (w >= 6 &&
	    (!memcmp(s + w - 4, "ين", 4) || !memcmp(s + w - 4, "ات", 4)))
		return 0;
	/* a person, or what reads as a person's name (two words or more,
	 * no article: «عبدالله الزهراني»); «الحضور» and «الجمهور» are
	 * many */
	if (kind == ISNAD_SRC_PERSON ||
	    (kind == ISNAD_SRC_UNKNOWN && !def && w < n))
		return 1;
	return 0;
}

/* Gender of a source phrase s[0..n) as in the text: feminine when its
 * first word ends in ة or it starts with «أم»; masculine for a person
 * otherwise; 0 for plurals and the unknown. */
static int source_gender(const char *s, size_t n, int kind)
{
	size_t w = 0;
	int fem_word;
	while (w < n && s[w] != ' ')
		w++;
	fem_word = w >= 2 && !memcmp(s + w - 2, "ة", 2);
	if (n > 5 && !memcmp(s, "أم ", 5))
		return 1;
	/* a broken plural of things takes a feminine verb: «المصادر أضافت» */
	if (kind == ISNAD_SRC_ANONYMOUS &&
	    ((w == 10 && !memcmp(s, "مصادر", 10)) ||
	     (w == 14 && !memcmp(s, "المصادر", 14))))
		return 1;
	if (kind == ISNAD_SRC_PERSON || kind == ISNAD_SRC_UNKNOWN) {
		/* «حمودة», «أسامة» are men: only a definite or titled
		 * noun in ة («المتحدثة», «رئيسة الشركة») is a woman */
		if (fem_word && (w > 4 && !memcmp(s, "ال", 4)))
			return 1;
		if (fem_word && n > w)
			return 1;
		return kind == ISNAD_SRC_PERSON && !fem_word ? -1 : 0;
	}
	return fem_word ? 1 : 0;
}

/* Verbal nouns of saying after a light verb («جددت X تحذيرها من»). */
static const char MASDARS[] =
    "تحذير|تحذيرات|تاكيد|تاكيدات|نفي|اتهام|اتهامات|اتهامها|مزاعم|دعوه|"
    "دعوات|مطالبه|مطالبات|رفض|ادانه|تهديد|تهديدات|تحذيره|تحذيرها|"
    "تاكيده|تاكيدها|نفيه|نفيها|دعوته|دعوتها";

/* Heads of source noun phrases, by kind. */
static const char OUTLET_HEADS[] =
    "موقع|مواقع|صحيفه|صحف|جريده|جرايد|وكاله|قناه|قنوات|اذاعه|مجله|"
    "تلفزيون|شبكه|محطه|نشره|يوميه|اسبوعيه|وسايل|منصه|برنامج";
static const char OUTLET_NAMES[] =
    "رويترز|اناضول|واس|فرانس|اسوشيتد|بلومبرغ|بلومبيرغ|سبوتنيك|شينخوا|"
    "يونهاب|ايرنا|سانا|كونا|وام|بترا|نيويورك|واشنطن|غارديان|الغارديان|"
    "تايمز|بي|سي|ان|دويتشه|يورونيوز|الاناضول|cnn|bbc|afp|ap|reuters";
static const char PERSON_HEADS[] =
    "وزير|وزيره|متحدث|متحدثه|ناطق|ناطقه|رييس|رييسه|مقدم|عقيد|لواء|عميد|"
    "نقيب|رايد|دكتور|د|شيخ|امير|ملك|ملكه|سفير|سفيره|مدير|مديره|نايب|"
    "نايبه|عضو|امين|محافظ|قايد|باحث|باحثه|محلل|خبير|مستشار|مساعد|كاتب|"
    "كاتبه|صحفي|صحفيه|محامي|طبيب|استاذ|بروفيسور|سيناتور|قاضي|مدعي|جنرال|"
    "سيد|سيده|مهندس|زعيم|مرشد|مفتي|امام|ولي|حاكم|مواطن|مواطنه|الرييس|"
    "مندوب|ممثل|مبعوث|منسق|مفوض|رييسي|لاعب|مدرب|فنان|فنانه|والد|والده|"
    "شقيق|شقيقه|زوج|زوجه|مراسل|مراسله|مقرر|اللواء|العميد|المقدم|"
    "مرشح|مرشحه|طيار|شاعر|روايي|مخرج|ممثله|بطل|حارس|قاضيه|صحافي|صحافيه|"
    "نظير|نظيره";
static const char ANON_HEADS[] =
    "مصدر|مصادر|شهود|شاهد|مراقب|مراقبون|مراقبين|محللون|محللين|خبراء|"
    "ناشطون|ناشطين|اوساط|دواير|مقربون|مقربين|مسوول|مسوولون|مسوولين|"
    "مسووله|سكان|اهالي|مواطنون|مواطنين|جهات|مطلعون|مطلعين|متابعون|"
    "متابعين|منتقدون|منتقدين|معارضون|معارضين|دبلوماسيون|دبلوماسيين|"
    "شخص|اشخاص|عاملون|عاملين|موظفون|موظفين|مصرفيون|مراقبي|بعضهم|"
    "اراء|مصادرنا|مصدرا|مسوولا|مسوولو|تقديرات_|باحثون|باحثين|علماء|"
    "اطباء|مختصون|مختصين|متخصصون|متخصصين|اقتصاديون|اقتصاديين|محامون|"
    "سياسيون|سياسيين|ضابط|ضباط|جنود|عناصر|موظف|مسعفون|ناجون|ناجين|"
    "مشاركون|مشاركين|متظاهرون|متظاهرين|نشطاء|مغردون|مغردين|رواد|اخرون|"
    "اخرين|بعض|كثيرون|كثيرين";
static const char DOC_HEADS[] =
    "تقرير|تقارير|بيان|بيانات|رساله|رسايل|وثيقه|وثايق|محضر|دراسه|دراسات|"
    "احصاييه|احصاييات|احصاءات|تسجيل|تسجيلات|اعترافات|اعتراف|معلومات|"
    "مذكره|تسريبات|خطاب|برقيه|تغريده|تغريدات|منشور|استطلاع|كتاب|تحقيق|"
    "تحقيقات|افاده|شهاده|نص|ارقام|صور|لقطات|فيديو|تحليل|اشارات|قرار|"
    "مرسوم|لايحه|سجلات|بلاغ|نتايج|مسح|تقديرات|بحث|ورقه|صحيفه_|حصيله|"
    "بحوث|بحوثا|ابحاث|دراسات";
static const char ORG_HEADS[] =
    "وزاره|جهاز|منظمه|حركه|هييه|مجلس|لجنه|مركز|مرصد|امم|حكومه|جيش|شرطه|"
    "داخليه|خارجيه|خزانه|دفاع|اتحاد|جامعه|شركه|بنك|موسسه|حزب|جمعيه|نقابه|"
    "سلطات|سلطه|امن|مديريه|اداره|قوات|تحالف|مكتب|سفاره|قنصليه|محكمه|"
    "نيابه|برلمان|كونغرس|مفوضيه|صندوق|جماعه|تنظيم|ايتلاف|هلال|صليب|"
    "امانه|بلديه|رياسه|ديوان|بيت|بنتاغون|كرملين|استخبارات|مخابرات|ناتو|"
    "يونيسف|يونسكو|فيفا|اوبك|مصلحه|ادعاء|قياده|كتيبه|حرس|نظام|وكالات|"
    "الجمارك|جمارك|دايره|عماده|اكاديميه|معهد|مستشفي|فريق|نادي|مجموعه|"
    "البنك|الشرطه|الحكومه|الوزاره|مصرف|هييات|منظمات|وزارات|شركات|"
    "محافظه|اماره|امارات|بعثه|الرياسه|كليه|مدرسه|مديريات|جوازات|مرور|"
    "غرفه|ادارات|لجان|مجالس|مصالح|مستشفيات|جامعات|هييات|مفوضيات|"
    "حكومات|برلمانات|بلديات|امانات|مراكز|جمعيات|طيران|خطوط";
/* Words that cannot start a source phrase (prepositions, demonstratives,
 * particles): after «قال في ...» the subject was dropped. */
static const char NP_BAD_START[] =
    "في|من|علي|عن|الي|مع|حول|خلال|بعد|قبل|منذ|عند|لدي|ضمن|هذا|هذه|ذلك|"
    "تلك|هناك|هنا|كان|كانت|قد|لا|ما|عبر|بين|كل|انه|انها|ايضا|ان|لم|لن|"
    "الا|اما|بل|ثم|حيث|اذا|لو|لقد|فقط|نحو|وفق|بان|انهم|انني|انه|اي|غير|"
    "جيدا|كثيرا|دايما|مجددا|كيف|ماذا|لماذا|هل|متي|اين|هو|هي|هم|نحن|انا|"
    "انت|اخيرا|حاليا|سابقا|امس|اليوم|عندما|لان|كما|مما|مثل|اذ|وهو|وهي|"
    "له|لها|لهم|لنا|لي|لك|لكم|عليه|عليها|منه|منها|عنه|عنها|بعضهم|"
    /* the audience: «وادعت أمام الدبلوماسيين أن» */
    "امام|"
    /* things, the object of «يؤكد أمرين، أولهما أن» */
    "امر|امرين|امور|شيء|شييين|اشياء|حقيقه|حقايق|نقطتين|مسالتين|"
    /* the writer's own voice: «والمنطق يقول», «والواقع يقول إن» */
    "منطق|عقل|واقع|تاريخ|ضمير";
/* Countries and capitals (without the article). */
static const char COUNTRIES[] =
    "مصر|ايران|اسراييل|واشنطن|موسكو|انقره|طهران|لندن|باريس|قطر|لبنان|تونس|"
    "ليبيا|فلسطين|امريكا|اميركا|فرنسا|دمشق|بغداد|بيروت|عمان|برلين|بكين|"
    "كابول|الدوحه|ابوظبي|دبي|مسقط|صنعاء|تركيا|روسيا|سوريا|بريطانيا|المانيا|"
    "اسبانيا|ايطاليا|سعوديه|كويت|بحرين|امارات|يمن|اردن|عراق|"
    "مغرب|جزاير|سودان|صين|يابان|هند|باكستان|اثيوبيا|كوريا|"
    "اوكرانيا|استراليا|كندا|برازيل|نيجيريا|رياض|قاهره|طرابلس|دوحه|"
    "اسطنبول|جنيف|بروكسل|نيويورك|اوروبا|افغانستان|بنغلاديش|ماليزيا|"
    "اندونيسيا|فلبين|تايلاند|ميانمار|صومال|موريتانيا|يونان|ايرلندا|"
    /* capitals that speak for their governments */
    "اثينا|كييف|روما|مدريد|فيينا|وارسو|براغ|بودابست|طوكيو|"
    "نيودلهي|كابل|اوتاوا|الخرطوم|خرطوم|الجزاير|الرباط|رباط|"
    "نواكشوط|مقديشو|نيروبي|"
    "كاراكاس|هافانا|تايبيه|هانوي|جاكرتا|كوالالمبور|مانيلا|"
    "بانكوك|كانبيرا|برازيليا|مكسيكو|اوسلو|ستوكهولم|هلسنكي|"
    "كوبنهاغن|امستردام|لاهاي|لشبونه|بلغراد|بوخارست|منسك|تبليسي|"
    "يريفان|باكو|طشقند|دوشنبه|بيشكك|استانه|نيقوسيا|فاليتا";

/* Anaphoric heads: «الموقع», «المصدر» ... refer back when definite. */
static const char ANAPHOR_HEADS[] =
    "موقع|صحيفه|جريده|وكاله|قناه|مجله|اذاعه|شبكه|مصدر|مصادر|مرصد|منظمه|"
    "وزاره|وزير|تقرير|بيان|متحدث|ناطق|هييه|حركه|مسوول|دراسه|رساله";
/* Quantifiers before a head: «بعض المصادر», «العديد من المراقبين». */
static const char QUANT[] = "بعض|عدد|العديد|عديد|احد|احدي|كبار|كافه|معظم|"
                            "اغلب|غالبيه|جميع|كل|من";
/* Words after في that end a source phrase (venue, time). */
static const char VENUE[] =
    "بيان|تصريح|تصريحات|حديث|مقابله|مؤتمر|موتمر|كلمه|لقاء|رساله|تغريده|"
    "منشور|تقرير|الشهر|شهر|العام|عام|الاسبوع|اسبوع|اليوم|يوم|وقت|مساء|"
    "صباح|حين|سياق|هذا|ذلك|ختام|اعقاب|معرض|رده|رد|اتصال|ندوه|جلسه|"
    "حوار|لقايه|تصريحه|بيانه|كلمته|مداخله|تعليق|اطار|وقتها|كتاب|كتابه|"
    "مقال|مقاله|دراسته|تقريره|حساب|حسابه|صفحته|موقعه|اعترافات|"
    "اعترافاته|حديثه|تصريحاته|تغريدته|افادته|شهادته|رسالته|خطابه|"
    "مقابلته|برنامج|اجتماع|ندوته|خطاب|خطبه|خطبته|محاضره|محاضرته|"
    "احتفال|زياره|زيارته|اجتماعه|جوله|جولته|صفحه|صفحت|حسابات|تويتر|"
    "فيسبوك";
static const char TIME_WORDS[] =
    "امس|يوم|اثنين|ثلاثاء|اربعاء|خميس|سبت|ايضا|كذلك|مجددا|سابقا|لاحقا|"
    "موخرا|ليله|اسبوع|ماضي|جاري|حينها|يومها|قبل|بعد|خلال|عقب|اثناء|فيما|"
    "مساء|صباح_|فجر|ظهر|عصر|اخيرا|حاليا|رسميا|صراحه|مباشره|الاثنين|"
    "الثلاثاء|"
    "الاربعاء|الخميس|الجمعه|السبت|الاحد|اليوم|الماضي|الشهر|الاسبوع";
static const char REL_PRON[] =
    "الذي|التي|الذين|اللذين|اللذان|اللتين|اللتان|اللواتي|اللاتي|اللايي";
static const char CONJ_STOP[] =
    "لكن|ولكن|بينما|حين|حيث|كما|اذ|ثم|فيما|بل|الا|لان|ان|انه|لذلك|وقد|"
    "اما|حتي|عندما|بعدما|منذ|كي|لكي|بعد|قبل";

/* ---- tokens -------------------------------------------------------------- */

struct lhead {
	const char *h; /* head noun, search form (borrowed from the tokens) */
	uint32_t hl;
	uint8_t ana; /* definite anaphoric noun: «الموقع», «المصدر ذاته» */
};

struct ctx {
	const char *s;
	size_t len;
	const struct isnad_token *t;
	size_t n;
	size_t sa, sb; /* token range of the current sentence */
	size_t sent;   /* its index */
	struct isnad_attributions *out;
	size_t *cue_sent; /* sentence of each attribution's cue */
	size_t cue_sent_cap;
	size_t ntail;     /* attributions before this sentence */
	struct lhead *lh; /* per link: head noun, anaphor flag */
	/* a source named with no claim yet («وكانت الصحيفة أفادت،
	 * مشيرة إلى أن ...»): token ranges, for a participle that follows */
	size_t pend_a[4], pend_b[4], pend_n, pend_sent, pend_off;
	int pend_kind[4];
	int cue_seen; /* a cue with a complement in this sentence, even one
	                 whose source could not be named */
	size_t lh_cap;
	/* a report inside the claim of attribution nest_of («قال X إن Y
	 * أبلغه أن ...»): its chain continues X's, its subject is looked
	 * for back to nest_floor (the outer claim's start) */
	size_t nest_of, nest_floor;
	size_t last_pcue; /* the attribution a prepositional cue gave last */
	size_t prev_s, prev_e; /* bytes of the sentence before (0, 0: none) */
	size_t *parent; /* per attribution: the one it nests in, or SIZE_MAX */
	size_t parent_cap;
	int oom;
};

static int teq(const struct isnad_token *t, const char *lit)
{
	size_t l = strlen(lit);
	return t->norm_len == l && !memcmp(t->norm, lit, l);
}

static int tin(const struct isnad_token *t, const char *list)
{
	return in_list(t->norm, t->norm_len, list);
}

static int is_pro(const struct isnad_token *t)
{
	return t->type == ISNAD_TOK_PROCLITIC;
}

static int is_word(const struct isnad_token *t)
{
	return t->type == ISNAD_TOK_ARABIC || t->type == ISNAD_TOK_LATIN;
}

static int is_punct(const struct isnad_token *t)
{
	return t->type == ISNAD_TOK_PUNCT;
}

static int is_dash(const struct isnad_token *t)
{
	return t->type == ISNAD_TOK_PUNCT &&
	       (teq(t, "-") || teq(t, "–") || teq(t, "—"));
}

static int is_comma(const struct isnad_token *t)
{
	return is_punct(t) &&
	       (teq(t, "،") || teq(t, ",") || teq(t, "؛") || teq(t, ";"));
}

static int is_colon(const struct isnad_token *t)
{
	return is_punct(t) && teq(t, ":");
}

static int is_qopen(const struct isnad_token *t)
{
	return is_punct(t) &&
	       (teq(t, "«") || teq(t, "“") || teq(t, "\"") || teq(t, "„"));
}

static int is_qclose(const struct isnad_token *t)
{
	return is_punct(t) && (teq(t, "»") || teq(t, "”") || teq(t, "\""));
}

static int is_quote(const struct isnad_token *t)
{
	return is_qopen(t) || (is_punct(t) && (teq(t, "»") || teq(t, "”")));
}

/* Is the last token of [a, b) a bracket that one inside closes («وكالة
 * أنباء (إسنا)»), or the sign of a share («85%»)?  Then it stays with the
 * phrase. */
static int closes_bracket(const struct ctx *c, size_t a, size_t b)
{
	/* a share's sign belongs to its number: «بنسبة 85%» */
	if (b > a + 1 && (teq(&c->t[b - 1], "%") || teq(&c->t[b - 1], "٪")) &&
	    c->t[b - 2].type == ISNAD_TOK_NUMBER &&
	    c->t[b - 2].end == c->t[b - 1].start)
		return 1;
	if (b <= a || !teq(&c->t[b - 1], ")"))
		return 0;
	for (size_t k = b - 1; k > a; k--)
		if (teq(&c->t[k - 1], "("))
			return 1;
	return 0;
}

/* Is token i a proclitic of norm lit attached to the following word? */
static int pro_is(const struct ctx *c, size_t i, const char *lit)
{
	return i < c->sb && is_pro(&c->t[i]) && teq(&c->t[i], lit);
}

/* Index of the next word token at or after i (skipping proclitics),
 * c->sb if none. */
static size_t host(const struct ctx *c, size_t i)
{
	while (i < c->sb && is_pro(&c->t[i]))
		i++;
	return i;
}

/* First token of the white-space word holding token i. */
static size_t word_start(const struct ctx *c, size_t i)
{
	while (i > c->sa && c->t[i - 1].word == c->t[i].word)
		i--;
	return i;
}

/* Does the word holding host token i carry a proclitic other than و ف س?
 * (a verb takes no article and no ب ل ك) */
static int nominal_prefix(const struct ctx *c, size_t i)
{
	for (size_t k = word_start(c, i); k < i; k++)
		if (is_pro(&c->t[k]) && !teq(&c->t[k], "و") &&
		    !teq(&c->t[k], "ف") && !teq(&c->t[k], "س"))
			return 1;
	return 0;
}

/* Complementizer أن/إن at host token i (not لأن «because»). */
static int is_an(const struct ctx *c, size_t i)
{
	size_t ws;
	if (i >= c->sb || !(teq(&c->t[i], "ان") || teq(&c->t[i], "انه") ||
	                    teq(&c->t[i], "انها")))
		return 0;
	ws = word_start(c, i);
	/* not لأن, كأن, nor الآن (now) */
	for (size_t k = ws; k < i; k++)
		if (teq(&c->t[k], "ل") || teq(&c->t[k], "ك") ||
		    teq(&c->t[k], "ال"))
			return 0;
	return 1;
}

/* Is the word at i (host) a definite noun (ال before it)? */
static int definite(const struct ctx *c, size_t i)
{
	for (size_t k = word_start(c, i); k < i; k++)
		if (teq(&c->t[k], "ال"))
			return 1;
	return 0;
}

static size_t complement_at(const struct ctx *c, size_t i, unsigned comp);

/* After a venue of the web («عبر صفحته», «على حسابه»), the platform it is
 * on: «على «فيس بوك»», «في "تويتر"», «بتويتر», «على موقع التواصل
 * الاجتماعي "تويتر"»; the token after it, or q. */
static size_t platform_after(const struct ctx *c, size_t q)
{
	size_t h, z;
	if (q >= c->sb)
		return q;
	if (pro_is(c, q, "ب"))
		h = host(c, q); /* «بتويتر» */
	else if (!is_pro(&c->t[q]) && tin(&c->t[q], "في|علي|عبر"))
		h = host(c, q + 1);
	else
		return q;
	if (h >= c->sb)
		return q;
	/* «موقع التواصل الاجتماعي»: the platform's kind, then its name */
	if (tin(&c->t[h], "موقع|منصه|شبكه")) {
		z = h + 1;
		while (z < c->sb && z < h + 6 && !is_punct(&c->t[z]) &&
		       !complement_at(c, z, 0))
			z++;
		if (z >= c->sb || !is_qopen(&c->t[z]))
			return z;
		h = z;
	}
	if (is_qopen(&c->t[h])) {
		for (z = h + 1; z < c->sb && z < h + 6; z++)
			if (is_qclose(&c->t[z]))
				return z + 1;
		return q;
	}
	if (tin(&c->t[h], "تويتر|توتير|فيسبوك|انستغرام|انستجرام|يوتيوب|"
	                  "تليجرام|تلغرام"))
		return h + 1;
	if (tin(&c->t[h], "فيس|سناب") && h + 1 < c->sb)
		return h + 2; /* «فيس بوك», «سناب شات» */
	return q;
}

/* «يضيف بعد سرد رائع: "..."»: the indefinite word at host h (word j)
 * after an indefinite time object is its adjective when the phrase ends
 * there, at a colon, a quotation or the complementizer: no speaker stands
 * between them. */
static int last_adjective(const struct ctx *c, size_t j, size_t h,
                          unsigned comp)
{
	size_t n = h + 1;
	if (j != h || j == 0 || c->t[h].norm_len < 6 ||
	    definite(c, host(c, word_start(c, j - 1))))
		return 0;
	if (n < c->sb && c->t[n].type == ISNAD_TOK_ENCLITIC)
		return 0;
	return n < c->sb && (is_colon(&c->t[n]) || is_qopen(&c->t[n]) ||
	                     is_dash(&c->t[n]) || complement_at(c, n, comp));
}

/* ---- emitting ------------------------------------------------------------ */

struct link_tmp {
	size_t a, b; /* token range [a, b) */
	int kind;
};

#define CHAIN_MAX 4

struct chain {
	struct link_tmp l[CHAIN_MAX];
	size_t n;
	size_t from; /* an inherited chain's attribution */
};

static void chain_push(struct chain *ch, size_t a, size_t b, int kind)
{
	if (ch->n < CHAIN_MAX && a < b) {
		ch->l[ch->n].a = a;
		ch->l[ch->n].b = b;
		ch->l[ch->n].kind = kind;
		ch->n++;
	}
}

static void chain_prepend(struct chain *ch, size_t a, size_t b, int kind)
{
	if (ch->n < CHAIN_MAX && a < b) {
		memmove(&ch->l[1], &ch->l[0], ch->n * sizeof ch->l[0]);
		ch->l[0].a = a;
		ch->l[0].b = b;
		ch->l[0].kind = kind;
		ch->n++;
	}
}

/* Byte span of tokens [a, b), leaving out a leading proclitic the text
 * fuses (the ل of «للمصادر») and trailing punctuation. */
static void tok_span(const struct ctx *c, size_t a, size_t b, size_t *s_out,
                     size_t *e_out)
{
	while (b > a && ((is_punct(&c->t[b - 1]) && !is_quote(&c->t[b - 1]) &&
	                  !closes_bracket(c, a, b)) ||
	                 is_pro(&c->t[b - 1])))
		b--;
	while (a < b && is_pro(&c->t[a]) &&
	       (!teq(&c->t[a], "ال") || c->t[a].end - c->t[a].start < 4))
		a++;
	if (a >= b) {
		*s_out = *e_out = 0;
		return;
	}
	*s_out = c->t[a].start;
	*e_out = c->t[b - 1].end;
}

static size_t np_head(const struct ctx *c, size_t a, size_t b);
static size_t n_words(const struct ctx *c, size_t a, size_t b);

/* Head noun of the source phrase [a, b) and whether it is an anaphor. */
static void set_head(const struct ctx *c, size_t a, size_t b, struct lhead *out)
{
	size_t h = host(c, a), hd = np_head(c, a, b);
	memset(out, 0, sizeof *out);
	if (hd >= b || hd >= c->n)
		return;
	out->h = c->t[hd].norm;
	out->hl = c->t[hd].norm_len;
	out->ana = hd == h && definite(c, hd) &&
	           tin(&c->t[hd], ANAPHOR_HEADS) && n_words(c, a, b) <= 3;
}

/* Room for one more attribution and its chain; the attribution is filled
 * but its links are the caller's.  NULL on an empty claim or no memory
 * (then c->oom is set). */
static struct isnad_attribution *
new_attribution(struct ctx *c, size_t cue_a, size_t cue_b, size_t s, size_t e)
{
	struct isnad_attributions *o = c->out;
	struct isnad_attribution *at;
	if (c->oom || e <= s)
		return NULL;
	if (grow((void **)&o->v, &o->cap, o->n + 1, sizeof *o->v) ||
	    grow((void **)&o->links, &o->links_cap, o->n_links + 2 * CHAIN_MAX,
	         sizeof *o->links) ||
	    grow((void **)&c->cue_sent, &c->cue_sent_cap, o->n + 1,
	         sizeof *c->cue_sent) ||
	    grow((void **)&c->lh, &c->lh_cap, o->n_links + 2 * CHAIN_MAX,
	         sizeof *c->lh) ||
	    grow((void **)&c->parent, &c->parent_cap, o->n + 1,
	         sizeof *c->parent)) {
		c->oom = 1;
		return NULL;
	}
	c->parent[o->n] = c->nest_of;
	at = &o->v[o->n];
	at->start = s;
	at->end = e;
	at->cue_start = c->t[cue_a].start;
	at->cue_end = c->t[cue_b - 1].end;
	at->link = o->n_links;
	return at;
}

static int same_head(const struct lhead *x, const struct lhead *y);

/*
 * «وكشفت مصادر "دنيا الرياضة" أن ...، ورفض المصدر الإفصاح عن اسم أي
 * لاعب»: after a comma, و and a verb whose subject names the source again
 * by its head, the narrator speaks of the source; the claim ends there.
 */
static void narrator_ends_claim(const struct ctx *c,
                                struct isnad_attribution *at,
                                const struct lhead *src)
{
	if (!src->h)
		return;
	for (size_t k = c->sa; k + 3 < c->sb; k++) {
		size_t v, nx;
		struct lhead h;
		if (c->t[k].start < at->start)
			continue;
		if (c->t[k].start >= at->end)
			break;
		if (!is_comma(&c->t[k]) || !teq(&c->t[k + 1], "و") ||
		    !is_pro(&c->t[k + 1]))
			continue;
		v = k + 2;
		if (c->t[v].type != ISNAD_TOK_ARABIC)
			continue;
		nx = host(c, v + 1);
		if (nx >= c->sb || !definite(c, nx))
			continue;
		h.h = c->t[nx].norm;
		h.hl = c->t[nx].norm_len;
		h.ana = 1;
		if (!same_head(&h, src))
			continue;
		at->end = c->t[k].start;
		while (at->end > at->start && c->s[at->end - 1] == ' ')
			at->end--;
		return;
	}
}

/*
 * «وأضافت أن الأسعار ستتحدد …، لكنها لم تذكر أي تفاصيل»: «لكن» with the
 * source's pronoun and a reporting verb denied is the narrator's remark
 * on what the source left out; the claim ends before it.
 */
static int pronoun_enclitic(const struct ctx *c, size_t i);
static void denial_ends_claim(const struct ctx *c, struct isnad_attribution *at)
{
	for (size_t k = c->sa; k + 3 < c->sb; k++) {
		enum vform f;
		size_t v;
		if (c->t[k].start < at->start)
			continue;
		if (c->t[k].start >= at->end)
			break;
		if (!tin(&c->t[k], "لكن|ولكن") || !pronoun_enclitic(c, k + 1))
			continue;
		v = k + 1;
		while (v < c->sb && c->t[v].type == ISNAD_TOK_ENCLITIC)
			v++;
		if (v + 1 >= c->sb || !tin(&c->t[v], "لم|لا|لن"))
			continue;
		v = host(c, v + 1);
		if (v >= c->sb ||
		    match_verb(c->t[v].norm, c->t[v].norm_len, &f) < 0)
			continue;
		at->end = c->t[word_start(c, k)].start;
		while (at->end > at->start &&
		       (c->s[at->end - 1] == ' ' || c->s[at->end - 1] == ','))
			at->end--;
		/* an Arabic comma is two bytes */
		if (at->end >= at->start + 2 &&
		    !memcmp(c->s + at->end - 2, "\xd8\x8c", 2))
			at->end -= 2;
		while (at->end > at->start && c->s[at->end - 1] == ' ')
			at->end--;
		return;
	}
}

/*
 * «ونقلت وكالة الأنباء الألمانية عن متحدث باسم الصندوق قوله: ...
 * وأضاف المتحدث: ...»: a source named again by a definite noun of its
 * head goes on speaking through the same relay.  Copies the links before
 * it in that recent chain to the new attribution's place (room for them
 * is made by new_attribution) and returns how many.
 */
static size_t relay_of_anaphor(struct ctx *c, const struct chain *ch)
{
	struct isnad_attributions *o = c->out;
	struct lhead h0;
	set_head(c, ch->l[0].a, ch->l[0].b, &h0);
	if (!h0.ana)
		return 0;
	for (size_t k = o->n; k-- > 0;) {
		const struct isnad_attribution *p = &o->v[k];
		size_t last, n;
		if (c->sent - c->cue_sent[k] > INHERIT_SENT)
			break;
		if (!p->n_links)
			continue;
		last = p->link + p->n_links - 1;
		if (!same_head(&h0, &c->lh[last]))
			continue;
		n = p->n_links - 1 < CHAIN_MAX ? p->n_links - 1 : CHAIN_MAX;
		for (size_t j = 0; j < n; j++) {
			o->links[o->n_links + j] = o->links[p->link + j];
			c->lh[o->n_links + j] = c->lh[p->link + j];
		}
		return n;
	}
	return 0;
}

static void emit(struct ctx *c, size_t cue_a, size_t cue_b, size_t claim_s,
                 size_t claim_e, const struct chain *ch)
{
	struct isnad_attributions *o = c->out;
	struct isnad_attribution *at;
	size_t nl = 0, pre;
	if (!ch->n ||
	    !(at = new_attribution(c, cue_a, cue_b, claim_s, claim_e)))
		return;
	/* a nested report: the outer chain first, then its own source */
	if (c->nest_of != SIZE_MAX) {
		const struct isnad_attribution *p = &o->v[c->nest_of];
		for (size_t k = 0; k < p->n_links && nl < CHAIN_MAX; k++) {
			o->links[o->n_links + nl] = o->links[p->link + k];
			c->lh[o->n_links + nl] = c->lh[p->link + k];
			nl++;
		}
	} else if (ch->l[0].kind != ISNAD_SRC_OUTLET) {
		nl = relay_of_anaphor(c, ch);
	}
	pre = nl;
	for (size_t i = 0; i < ch->n; i++) {
		struct isnad_attrib_link *l = &o->links[o->n_links + nl];
		tok_span(c, ch->l[i].a, ch->l[i].b, &l->start, &l->end);
		if (l->end <= l->start)
			continue;
		l->kind = (uint8_t)ch->l[i].kind;
		l->ref_start = l->ref_end = 0;
		set_head(c, ch->l[i].a, ch->l[i].b, &c->lh[o->n_links + nl]);
		nl++;
	}
	if (nl == pre)
		return;
	narrator_ends_claim(c, at, &c->lh[o->n_links + nl - 1]);
	denial_ends_claim(c, at);
	at->n_links = nl;
	o->n_links += nl;
	c->cue_sent[o->n] = c->sent;
	o->n++;
}

/* «"..."، حسبما نقلت عنه وكالة X» right after an attribution of the same
 * sentence: the outlet relays that claim, so its links go to the front of
 * that chain.  Returns 1 if done. */
/* Where a postposed cue begins: before «حسبما», «كما», «وفقا لما»,
 * «وذلك» in front of its verb at token ws. */
static size_t postposed_cut(const struct ctx *c, size_t ws)
{
	size_t k = ws;
	while (k > c->sa &&
	       (is_pro(&c->t[k - 1]) ||
	        tin(&c->t[k - 1], "حسبما|كما|ما|لما|وفقا|طبقا|بحسب|حسب|ذلك|"
	                          "استنادا|نقلا")))
		k--;
	return c->t[k].start;
}

static int prepend_to_last(struct ctx *c, const struct chain *ch, size_t cut)
{
	struct isnad_attributions *o = c->out;
	struct isnad_attribution *p;
	size_t k = 0;
	if (c->oom || o->n <= c->ntail || !ch->n)
		return 0;
	p = &o->v[o->n - 1];
	if (p->link + p->n_links != o->n_links ||
	    p->n_links + ch->n > CHAIN_MAX + 2)
		return 0;
	if (grow((void **)&o->links, &o->links_cap, o->n_links + CHAIN_MAX,
	         sizeof *o->links) ||
	    grow((void **)&c->lh, &c->lh_cap, o->n_links + CHAIN_MAX,
	         sizeof *c->lh)) {
		c->oom = 1;
		return 0;
	}
	memmove(&o->links[p->link + ch->n], &o->links[p->link],
	        p->n_links * sizeof *o->links);
	memmove(&c->lh[p->link + ch->n], &c->lh[p->link],
	        p->n_links * sizeof *c->lh);
	for (size_t i = 0; i < ch->n; i++) {
		struct isnad_attrib_link *l = &o->links[p->link + k];
		tok_span(c, ch->l[i].a, ch->l[i].b, &l->start, &l->end);
		if (l->end <= l->start)
			continue;
		l->kind = (uint8_t)ch->l[i].kind;
		l->ref_start = l->ref_end = 0;
		set_head(c, ch->l[i].a, ch->l[i].b, &c->lh[p->link + k]);
		k++;
	}
	if (k < ch->n) {
		memmove(&o->links[p->link + k], &o->links[p->link + ch->n],
		        p->n_links * sizeof *o->links);
		memmove(&c->lh[p->link + k], &c->lh[p->link + ch->n],
		        p->n_links * sizeof *c->lh);
	}
	p->n_links += k;
	o->n_links += k;
	/* «قال الوزير إن …، حسبما ذكرت الوكالة»: the claim ends before
	 * the cue that names its relay */
	if (k && p->start < cut && p->end > cut) {
		size_t e = cut;
		while (e > p->start &&
		       (c->s[e - 1] == ' ' || c->s[e - 1] == ',' ||
		        (e - p->start >= 2 &&
		         !memcmp(c->s + e - 2, "\xd8\x8c", 2)))) /* ، */
			e -= c->s[e - 1] == ' ' || c->s[e - 1] == ',' ? 1 : 2;
		if (e > p->start)
			p->end = e;
	}
	return k > 0;
}

/* ---- noun phrases -------------------------------------------------------- */

/* Index of the head word of a source phrase [a, b): the first word after
 * quantifiers («بعض», «العديد من», «أحد»). */
static size_t np_head(const struct ctx *c, size_t a, size_t b)
{
	size_t h = host(c, a);
	for (int k = 0; k < 3 && h < b; k++) {
		size_t nx;
		if (!tin(&c->t[h], QUANT))
			break;
		nx = host(c, h + 1);
		if (nx >= b || !is_word(&c->t[nx]))
			break;
		h = nx;
	}
	return h;
}

static int bad_start(const struct ctx *c, size_t i);
static int reporting_next(const struct ctx *c, size_t k);
static void claim_preposed(const struct ctx *c, size_t k, size_t *cs,
                           size_t *ce);
static int name_pair(const struct ctx *c, size_t i, size_t nx);

static int classify(const struct ctx *c, size_t a, size_t b)
{
	size_t h = host(c, a), hd;
	const struct isnad_token *t;
	int named = 0;
	if (h >= b)
		return ISNAD_SRC_UNKNOWN;
	/* «مسؤول رفض الكشف عن اسمه»: anonymous whatever the head */
	for (size_t k = a; k + 2 < b + 8 && k < c->sb && k < b + 8; k++)
		if ((teq(&c->t[k], "كشف") || teq(&c->t[k], "ذكر")) &&
		    k + 3 < c->sb &&
		    (teq(&c->t[host(c, k + 1)], "اسم") ||
		     teq(&c->t[host(c, k + 1)], "هويه") ||
		     teq(&c->t[host(c, host(c, k + 1) + 1)], "اسم") ||
		     teq(&c->t[host(c, host(c, k + 1) + 1)], "هويه")))
			return ISNAD_SRC_ANONYMOUS;
	hd = np_head(c, a, b);
	if (hd >= b)
		hd = h;
	t = &c->t[hd];
	if (tin(t, "وكاله|وكالات")) {
		size_t nx = host(c, hd + 1);
		if (nx < b && (tin(&c->t[nx], "استخبارات|امن|مخابرات|"
		                              "الاستخبارات|تجسس|الامن")))
			return ISNAD_SRC_ORGANIZATION;
		if (teq(t, "وكالات") && !(nx < b && tin(&c->t[nx], "انباء")))
			return ISNAD_SRC_ANONYMOUS;
		return ISNAD_SRC_OUTLET;
	}
	/* «واشنطن بوست», «نيويورك تايمز» are papers; «تؤكد واشنطن» is the
	 * government */
	if (tin(t, OUTLET_HEADS) ||
	    (tin(t, OUTLET_NAMES) &&
	     !(tin(t, "واشنطن|نيويورك") && host(c, hd + 1) >= b)))
		return ISNAD_SRC_OUTLET;
	if (tin(t, ANON_HEADS))
		return ISNAD_SRC_ANONYMOUS;
	if (tin(t, DOC_HEADS))
		return ISNAD_SRC_DOCUMENT;
	if (tin(t, PERSON_HEADS))
		return ISNAD_SRC_PERSON;
	if (tin(t, ORG_HEADS))
		return ISNAD_SRC_ORGANIZATION;
	if (hd != h && tin(&c->t[h], "احد|احدي"))
		return ISNAD_SRC_PERSON;
	/* «وقال صلى الله عليه وسلم: ...»: the blessing names the Prophet */
	if (teq(t, "صلي") && host(c, hd + 1) < b &&
	    teq(&c->t[host(c, hd + 1)], "الله"))
		return ISNAD_SRC_PERSON;
	/* a given name of the gazetteer, then another name word or a rare
	 * word: «زهرة آدم», «رنا إسماعيل» (a feminine in ة or a word the
	 * name rule below refuses) */
	if (t->type == ISNAD_TOK_ARABIC && hd == h && h == a &&
	    !definite(c, hd) && t->norm_len >= 6 && !bad_start(c, hd) &&
	    hd + 1 < b && c->t[hd + 1].type == ISNAD_TOK_ARABIC &&
	    c->t[hd + 1].norm_len >= 6 && !bad_start(c, hd + 1) &&
	    name_pair(c, hd, hd + 1))
		return ISNAD_SRC_PERSON;
	/* a definite noun, then a person's name: «الطالب محمد الحربي»,
	 * «المواطن أحمد العلي» */
	if (t->type == ISNAD_TOK_ARABIC && definite(c, hd)) {
		size_t n1 = host(c, hd + 1);
		if (n1 < b && c->t[n1].type == ISNAD_TOK_ARABIC &&
		    c->t[n1].norm_len >= 6 && !definite(c, n1) &&
		    !bad_start(c, n1) && name_pair(c, n1, host(c, n1 + 1)))
			return ISNAD_SRC_PERSON;
	}
	/* A country or capital speaks for its government. */
	if (hd == h && tin(t, COUNTRIES) && host(c, hd + 1) >= b)
		return ISNAD_SRC_ORGANIZATION;
	/* A name: up to five words, the first without the article and not a
	 * feminine noun in ة, no attached pronouns, no prepositions. */
	if (t->type == ISNAD_TOK_ARABIC && hd == h && h == a &&
	    !definite(c, hd) && !bad_start(c, hd) &&
	    !(t->norm_len > 4 && !memcmp(t->norm + t->norm_len - 4, "ات", 4)) &&
	    !(t->end - t->start >= 2 && !memcmp(c->s + t->end - 2, "ة", 2))) {
		for (size_t k = hd; k < b; k++) {
			if (c->t[k].type == ISNAD_TOK_ENCLITIC ||
			    (k > hd && (tin(&c->t[k], "في|من|عن|الي|مع|"
			                              "هو|هي|ما|لا|قد") ||
			                bad_start(c, k))) ||
			    (is_pro(&c->t[k]) && !teq(&c->t[k], "ال"))) {
				named = -1;
				break;
			}
			named += c->t[k].type == ISNAD_TOK_ARABIC;
		}
		if (named >= 1 && named <= 5)
			return ISNAD_SRC_PERSON;
	}
	/* A name of one to four words, then its office: «هناء العادل
	 * مديرة إدارة التوعية ...» (the first word as for a name) */
	if (t->type == ISNAD_TOK_ARABIC && hd == h && h == a &&
	    !definite(c, hd) && !bad_start(c, hd) &&
	    !(t->norm_len > 4 && !memcmp(t->norm + t->norm_len - 4, "ات", 4)) &&
	    !(t->end - t->start >= 2 && !memcmp(c->s + t->end - 2, "ة", 2))) {
		size_t words = 0;
		for (size_t k = hd; k < b && words <= 4; k++) {
			if (is_pro(&c->t[k]) && teq(&c->t[k], "ال"))
				continue;
			if (c->t[k].type != ISNAD_TOK_ARABIC)
				break;
			if (words >= 1 && tin(&c->t[k], PERSON_HEADS))
				return ISNAD_SRC_PERSON;
			if (k > hd && (tin(&c->t[k], "في|من|عن|الي|مع|هو|هي|"
			                             "ما|لا|قد") ||
			               bad_start(c, k)))
				break;
			words++;
		}
	}
	return ISNAD_SRC_UNKNOWN;
}

/* Is host token i an outlet head noun (start of a recipient)? */
static int outlet_head(const struct ctx *c, size_t i)
{
	return i < c->sb &&
	       (tin(&c->t[i], OUTLET_HEADS) || tin(&c->t[i], OUTLET_NAMES)) &&
	       !(teq(&c->t[i], "وكاله") && i + 1 < c->sb &&
	         tin(&c->t[host(c, i + 1)], "استخبارات|امن|مخابرات"));
}

/* After a head noun like «صحيفة», a quoted name «"ديلي صباح"» belongs to
 * the phrase: return the index after the closing mark, or i. */
static size_t quoted_name(const struct ctx *c, size_t i)
{
	if (i < c->sb && is_qopen(&c->t[i]))
		for (size_t k = i + 1; k < c->sb && k < i + 10; k++) {
			if (is_quote(&c->t[k]))
				return k + 1;
			/* «بي.في.إم أويل»: dots of an abbreviation */
			if (is_punct(&c->t[k]) &&
			    !(teq(&c->t[k], ".") && k + 1 < c->sb &&
			      c->t[k + 1].start == c->t[k].end))
				break;
		}
	return i;
}

static size_t pcue_at(const struct ctx *c, size_t i, size_t *a_out);

/* «لـ«الشرق الأوسط»», «لـ"سبق"»: ل then a quoted name.  Returns the index
 * after the closing mark (0 if none); [*qa, *qb) is the name. */
static size_t l_quote(const struct ctx *c, size_t i, size_t *qa, size_t *qb)
{
	size_t q;
	/* the closing mark as an opener too: «لـ”الاقتصادية”» */
	if (i + 2 >= c->sb || !teq(&c->t[i], "ل") ||
	    !(is_pro(&c->t[i]) || c->t[i].type == ISNAD_TOK_ARABIC) ||
	    !is_quote(&c->t[i + 1]))
		return 0;
	for (q = i + 2; q < c->sb && q < i + 10; q++) {
		if (is_quote(&c->t[q])) {
			if (q == i + 2)
				return 0;
			*qa = i + 2;
			*qb = q;
			return q + 1;
		}
		if (is_punct(&c->t[q]))
			return 0;
	}
	return 0;
}

/* Is the ل-quote at i a recipient («قال لـ"سبق"، إن»), not part of a
 * longer name («الناطق الإعلامي لـ"شرطة عسير" الرائد ...»)? */
static int l_quote_recipient(const struct ctx *c, size_t i, unsigned comp);

/* Does token i end a source phrase?  flags: verb complement flags. */
static int accusative_common(const struct ctx *c, size_t i);
static int object_start(const struct ctx *c, size_t i);
static int bi_object(const struct ctx *c, size_t i);
static size_t on_object(const struct ctx *c, size_t i);

/* «أفاد مسؤول محلي وكالة فرانس برس أن»: after an indefinite adjective,
 * which ends the subject's construct, an outlet's head is the recipient
 * of any verb (in «مدير تحرير صحيفة الوطن» it is still the subject's). */
static int adjective_then_outlet(const struct ctx *c, size_t i, size_t a)
{
	const struct isnad_token *p;
	if (i < a + 2 || is_pro(&c->t[i]) || !outlet_head(c, i))
		return 0;
	p = &c->t[i - 1];
	return p->type == ISNAD_TOK_ARABIC && !is_pro(&c->t[i - 2]) &&
	       p->norm_len >= 8 && /* not علي، في */
	       !memcmp(p->norm + p->norm_len - 2, "\xd9\x8a", 2); /* ي */
}

/* «رفض الكشف عن اسمه», «طالبا عدم كشف هويته»: a source that withholds
 * its name. */
static const char WITHHELD[] =
    "رفض|طلب|فضل|اشترط|بشرط|شريطه|رافضا|رافضه|رافضين|طالبا|طالبه|"
    "طالبين|مفضلا|مفضله|مشترطا|مشترطه";

/* Heads of a body's name in construct (إدارة النصر, وزارة الخارجية). */
static const char BODY_HEADS[] =
    "اداره|وزاره|هييه|مجلس|لجنه|حكومه|سفاره|قياده|رياسه|امانه|مديريه|"
    "جمعيه|شركه|منظمه|جامعه|نادي|اتحاد|مكتب|مركز";

static int np_stop(const struct ctx *c, size_t i, size_t a, unsigned flags)
{
	const struct isnad_token *t = &c->t[i];
	size_t h;
	/* «د. يوسف الثويني»: the dot of a one-letter title */
	if (teq(t, ".") && i > a && c->t[i - 1].type == ISNAD_TOK_ARABIC &&
	    c->t[i - 1].norm_len == 2 && c->t[i - 1].end == t->start &&
	    i + 1 < c->sb && c->t[i + 1].type == ISNAD_TOK_ARABIC)
		return 0;
	if (is_punct(t))
		return 1;
	h = host(c, i);
	if (h >= c->sb)
		return 1;
	if (is_an(c, h))
		return 1;
	if (i > a) {
		size_t ca;
		if (pcue_at(c, i, &ca))
			return 1;
	}
	if (is_pro(t)) {
		/* «مصطفى العاني وهو محلل أمني ...»: a circumstantial
		 * clause */
		if (i > a && teq(t, "و") && i + 1 < c->sb &&
		    tin(&c->t[i + 1], "هو|هي"))
			return 1;
		/* «قال مصطفى العشوان لقد تعوّدت»: direct speech */
		if (teq(t, "ل") && i > a && h == i + 1 && teq(&c->t[h], "قد"))
			return 1;
		/* recipient «لموقع X» */
		if (teq(t, "ل") && h > a && outlet_head(c, h))
			return 1;
		if (teq(t, "ب") && is_an(c, h))
			return 1;
		if ((flags & C_BI) && i > a && teq(t, "ب") && bi_object(c, h))
			return 1;
		return 0;
	}
	if (tin(t, REL_PRON) && i > a)
		return 1;
	/* «وبحسب رويترز فقد ذكر»: a particle before a verb */
	if (i > a &&
	    (tin(t, "قد|لقد") || (teq(t, "فقد") && reporting_next(c, i))))
		return 1;
	/* «مسؤول رفض الكشف عن اسمه» */
	if (i > a && tin(t, WITHHELD) &&
	    tin(&c->t[host(c, i + 1)], "كشف|عدم|ذكر"))
		return 1;
	/* «قال المواطن ساخراً», «إبراهيم معبرا»: an adverbial accusative
	 * ends the phrase */
	if (i > a &&
	    ((t->end - t->start >= 4 &&
	      (!memcmp(c->s + t->end - 2, "\xd9\x8b", 2) ||
	       !memcmp(c->s + t->end - 4, "\xd9\x8b\xd8\xa7", 4))) ||
	     accusative_common(c, i)) &&
	    !tin(t, "وفقا|طبقا|نقلا|استنادا"))
		return 1;
	if (tin(t, "عن|الي|الا|قوله|قولها|قولهم|منذ|وفق|حسب|كما|حسبما|مثلما|"
	           "قايلا|قايله|قايلين|كيف|ماذا|لماذا|متي|هل|اين") &&
	    i > a &&
	    /* «بيان صادر عن الوزارة» is one source */
	    !(teq(t, "عن") && i > a + 1 &&
	      c->t[i - 1].type == ISNAD_TOK_ARABIC &&
	      tin(&c->t[i - 1], "صادر|صادره|صادرين|صدر|صدرت")))
		return 1;
	/* the preposition على (not the name: «الوزير خالد العلي إن») */
	if (teq(t, "علي") && i > a && !definite(c, i) &&
	    (is_an(c, host(c, i + 1)) ||
	     (i + 1 < c->sb && teq(&c->t[host(c, i + 1)], "لسان"))))
		return 1;
	if ((flags & C_MASDAR) && i > a && tin(t, MASDARS))
		return 1;
	if ((flags & C_NOUN) && i > a && object_start(c, i))
		return 1;
	if ((flags & C_ON) && i > a && on_object(c, i))
		return 1;
	if (teq(t, "قول") && i > a)
		return 1;
	/* «بيان لوزارة الداخلية تلقت «الشرق الأوسط» نسخة منه»: the paper
	 * that received the statement is outside the source */
	if (i > a && i + 1 < c->sb && is_qopen(&c->t[i + 1]) &&
	    tin(t, "تلقت|تلقته|تلقي|حصلت|اطلعت|تسلمت|نشرته|بثته|اوردته"))
		return 1;
	if (teq(t, "من") && (flags & C_FROM) && i > a)
		return 1;
	/* «وصرح داود أوغلو أمام صحافيين بأن»: before whom it was said (the
	 * imam of a mosque stays: «إمام وخطيب المسجد الحرام») */
	if (teq(t, "امام") && i > a && i + 1 < c->sb && !is_pro(&c->t[i + 1]) &&
	    !tin(&c->t[host(c, i + 1)], "مسجد|جامع|حرم|خطيب|مساجد"))
		return 1;
	/* «في بيان», «عبر صفحته», «على حسابه في تويتر»: where it was said */
	if (tin(t, "في|خلال|عبر|علي") && i > a) {
		size_t nx = host(c, i + 1);
		if (nx < c->sb && tin(&c->t[nx], VENUE))
			return 1;
		/* «عبر «تويتر»», «عبر تويتر»: the platform */
		if (teq(t, "عبر") && platform_after(c, i) > i + 1)
			return 1;
	}
	if (i > a && (tin(&c->t[h], TIME_WORDS) ||
	              ((teq(&c->t[h], "احد") || teq(&c->t[h], "جمعه")) &&
	               definite(c, h))))
		return 1;
	if (i > a) {
		size_t ca;
		if (pcue_at(c, i, &ca))
			return 1;
	}
	if ((flags & C_OBJ) && i > a && outlet_head(c, i))
		return 1;
	if (adjective_then_outlet(c, i, a))
		return 1;
	/* «أبلغ الاتحاد السعودي لكرة القدم إدارة النصر بأن»: after a
	 * definite word, a body's head with no article starts the
	 * recipient */
	if ((flags & C_OBJ) && i > a + 1 && !is_pro(t) && tin(t, BODY_HEADS) &&
	    is_pro(&c->t[i - 2]) && teq(&c->t[i - 2], "ال"))
		return 1;
	/* another reporting cue starts */
	if (i > a) {
		enum vform f;
		if (!nominal_prefix(c, i) &&
		    match_verb(t->norm, t->norm_len, &f) >= 0 && f != VF_PART &&
		    c->t[i].word != c->t[a].word)
			return 1;
	}
	return 0;
}

/* Titles and offices a long source phrase may open with: «الأمير بندر بن
 * سلطان الرئيس السابق للمخابرات السعودية» is one person. */
static const char LONG_HEADS[] =
    "امير|اميره|ملك|شيخ|دكتور|وزير|وزيره|رييس|رييسه|مدير|مديره|نايب|"
    "نايبه|سفير|لواء|عميد|عقيد|مقدم|رايد|فريق|مستشار|امين|متحدث|ناطق|"
    "قايد|محافظ|صحفي|صحافي|استاذ|مهندس|مفوض|مفوضه|خبير|باحث|عضو|وكيل|"
    /* «تقرير صادر عن الأمانة العامة لاتحاد غرف مجلس التعاون الخليجي» */
    "تقرير|بيان|دراسه";

/* Scan a source phrase from a; returns its end (exclusive). */
/* Past a quoted recipient (and its commas) that may stand between a
 * source and its complement: «… باسم «ائتلاف عدن» لـ«الشرق الأوسط»، أن». */
static size_t past_recipient(const struct ctx *c, size_t k)
{
	size_t qa, qb, qe;
	if (k < c->sb && (qe = l_quote(c, k, &qa, &qb)) != 0)
		for (k = qe; k < c->sb && is_comma(&c->t[k]);)
			k++;
	return k;
}

static size_t np_scan(const struct ctx *c, size_t a, unsigned flags)
{
	size_t i = a, cap = a + NP_MAX;
	/* «كل من X من الحديدة، وY من مأرب، وZ»: a list of speakers, whose
	 * commas end nothing before the complement */
	int list = a + 1 < c->sb && teq(&c->t[host(c, a)], "كل") &&
	           host(c, a) + 1 < c->sb && teq(&c->t[host(c, a) + 1], "من");
	if (list)
		cap += NP_MAX;
	cap += NP_MAX_NAMED - NP_MAX; /* checked at the end */
	/* quote marks and the preposition before them are no words: each
	 * quoted name a phrase holds widens its limit by three tokens */
	while (i < c->sb && i < cap) {
		size_t qa, qb, qe;
		if (list && is_comma(&c->t[i]) && i > a &&
		    !complement_at(c, host(c, i + 1), flags)) {
			i++;
			continue;
		}
		if (list && is_qopen(&c->t[i]) && i > a) {
			size_t q = quoted_name(c, i);
			if (q > i + 1) {
				cap += q - i;
				i = q;
				continue;
			}
		}
		if (i > a && (qe = l_quote(c, i, &qa, &qb)) != 0) {
			if (l_quote_recipient(c, i, flags))
				break;
			i = qe;
			cap += 3;
			continue;
		}
		/* «مديرة إدارة التوعية بـ"تعليم الرياض"»: a quoted body
		 * after ب is part of the source */
		if (i > a && teq(&c->t[i], "ب") && i + 1 < c->sb &&
		    is_qopen(&c->t[i + 1])) {
			size_t q = quoted_name(c, i + 1);
			if (q > i + 2) {
				i = q;
				cap += 3;
				continue;
			}
		}
		/* «الشركة السعودية للصناعات الأساسية "سابك" عن …», «المختص
		 * النفطي في "بي.في.إم أويل" إن …»: a short quoted name that the
		 * complement follows belongs to the source */
		if (is_qopen(&c->t[i]) && i > a) {
			size_t q = quoted_name(c, i), k = q, nm;
			while (k < c->sb && is_comma(&c->t[k]))
				k++;
			k = past_recipient(c, k);
			if (q > i + 1 && q - i <= 9 && k < c->sb &&
			    complement_at(c, k, flags) && !is_qopen(&c->t[k]) &&
			    !is_colon(&c->t[k])) {
				cap +=
				    q - i; /* the marks and dots are no words */
				i = q;
				break;
			}
			/* «عضو "المكتب الإعلامي للمقاومة" عبد العزيز الصبري
			 * أن …»: the body, then the member's name */
			for (nm = 0, k = q; q > i + 1 && q - i <= 9 && nm < 5;
			     nm++) {
				size_t h = host(c, k);
				if (h >= c->sb || is_an(c, h) ||
				    c->t[h].type != ISNAD_TOK_ARABIC ||
				    l_quote(c, k, &qa, &qb))
					break;
				/* a person's name or title, not «على تونس» */
				if (!nm && h == k &&
				    !(isnad_ner_person_word(isnad_ner_default(),
				                            c->t, h, h + 1) &
				      ISNAD_NER_GIVEN) &&
				    !tin(&c->t[h], LONG_HEADS))
					break;
				if (!nm && h != k && !tin(&c->t[h], LONG_HEADS))
					break;
				k = h + 1;
			}
			if (nm && k < c->sb &&
			    is_an(c, host(c, past_recipient(c, k)))) {
				cap += q - i;
				i = k;
				break;
			}
		}
		if (is_qopen(&c->t[i]) && i > a) {
			size_t q = quoted_name(c, i);
			size_t p = host(c, word_start(c, i - 1));
			if (q > i && p < i &&
			    (outlet_head(c, p) ||
			     /* «وبحسب تقرير «صحارى»» */
			     (c->t[p].type == ISNAD_TOK_ARABIC &&
			      tin(&c->t[p], DOC_HEADS)) ||
			     /* «شركة «كي بي إم جي»», «حركة «حماس»» */
			     (c->t[p].type == ISNAD_TOK_ARABIC &&
			      tin(&c->t[p], ORG_HEADS)) ||
			     /* «تقرير صادر عن «ميتال فوكس»» */
			     (teq(&c->t[p], "عن") && p > a &&
			      tin(&c->t[p - 1], "صادر|صادره|صدر|صدرت")))) {
				i = q;
				cap += 2;
				if (i < c->sb &&
				    !(is_pro(&c->t[i]) && teq(&c->t[i], "ال")))
					break;
				continue;
			}
		}
		/* «وكالة أنباء (إسنا)», «وكالة الأنباء السعودية (واس)»: an
		 * outlet's short name in brackets */
		if (i > a && teq(&c->t[i], "(") && outlet_head(c, host(c, a))) {
			size_t z = i + 1;
			while (z < c->sb && z < i + 6 && !is_punct(&c->t[z]))
				z++;
			if (z > i + 1 && z < c->sb && teq(&c->t[z], ")")) {
				i = z + 1;
				cap += 2;
				continue;
			}
		}
		if (np_stop(c, i, a, flags))
			break;
		i++;
	}
	if (i >= cap)
		return a; /* too long to be a source */
	/* «الصحافي المختص بالجماعات المتطرفة الهادي محمد الأمين»: a long
	 * phrase is a source when it opens with a title or an office */
	if (i >= cap - (NP_MAX_NAMED - NP_MAX) &&
	    !(host(c, a) < i && tin(&c->t[host(c, a)], LONG_HEADS)))
		return a;
	return i;
}

/* Skip a relative clause «، الذي ...،» starting at i (at a comma or the
 * pronoun); a recipient «لصحيفة X» inside it goes to the chain front. */
static size_t skip_relative(const struct ctx *c, size_t i, struct chain *ch)
{
	size_t k = i;
	if (k < c->sb && is_comma(&c->t[k]))
		k++;
	k = host(c, k);
	if (k >= c->sb || !(tin(&c->t[k], REL_PRON) || teq(&c->t[k], "ممن")))
		return i;
	for (size_t lim = k + SCAN_MAX; k < c->sb && k < lim; k++) {
		if (is_comma(&c->t[k]))
			return k + 1;
		if (is_pro(&c->t[k]) && teq(&c->t[k], "ل") &&
		    outlet_head(c, host(c, k + 1)) && ch) {
			size_t a = host(c, k + 1), b = np_scan(c, a, 0);
			chain_prepend(ch, a, b, classify(c, a, b));
			k = b > k ? b - 1 : k;
		}
	}
	return k;
}

/* ---- claims -------------------------------------------------------------- */

/* Claim from token i to the end of the sentence, or to the closing mark
 * when it opens with a quotation. */
static void claim_after(const struct ctx *c, size_t i, size_t *s_out,
                        size_t *e_out)
{
	size_t b = c->sb;
	while (i < b && (is_punct(&c->t[i]) && !is_qopen(&c->t[i])))
		i++;
	/* a quotation is the claim, unless it is a short name or term
	 * («المرقوق») inside a longer clause */
	if (i < b && is_qopen(&c->t[i])) {
		for (size_t k = i + 1; k < b && k < i + QUOTE_TOKENS; k++)
			if (is_qclose(&c->t[k]) && k > i + 1) {
				/* «أن "جلاكسي تاب إس2" سيكون أكثر تطوراً»:
				 * a clause goes on after a short quotation (a
				 * name); a long one is the claim, whatever
				 * follows («…” في إشارة إلى») */
				if ((n_words(c, i, k) >= 3 &&
				     !(n_words(c, i, k) <= 5 && k + 1 < b &&
				       (c->t[k + 1].type == ISNAD_TOK_ARABIC ||
				        (is_pro(&c->t[k + 1]) &&
				         !teq(&c->t[k + 1], "و") &&
				         !teq(&c->t[k + 1], "ف"))))) ||
				    k + 2 >= b)
					b = k + 1;
				break;
			}
	}
	while (b > i && is_punct(&c->t[b - 1]) && !is_quote(&c->t[b - 1]) &&
	       !closes_bracket(c, i, b))
		b--;
	if (i >= b) {
		*s_out = *e_out = 0;
		return;
	}
	*s_out = c->t[i].start;
	*e_out = c->t[b - 1].end;
}

/* The claim of the verb at v from token i.  After «فيما», «بينما», «في
 * حين» a noun-phrase claim is a subordinate clause and ends at the first
 * comma: «وفيما أعلن مجلس النواب عقد جلسته السبت، طالب التحالف …».  A
 * clause after أن/إن may hold commas of its own («إن السبب في انقطاع
 * الخدمة …، هو خلل …»); the next cue ends it. */
static size_t clause_link(const struct ctx *c, size_t w);
static void verb_claim(const struct ctx *c, size_t v, size_t i, size_t *s_out,
                       size_t *e_out)
{
	claim_after(c, i, s_out, e_out);
	if (*e_out <= *s_out || clause_link(c, word_start(c, v)) == SIZE_MAX ||
	    is_an(c, i) ||
	    (i > c->sa && is_an(c, host(c, word_start(c, i - 1)))))
		return;
	for (size_t k = i; k < c->sb && c->t[k].start < *e_out; k++) {
		if (is_qopen(&c->t[k]))
			return; /* a comma inside a quotation ends nothing */
		/* «، وأن …», «، وإن …» go on with the same claim */
		if (is_comma(&c->t[k]) && !is_an(c, host(c, k + 1))) {
			size_t e = c->t[k].start;
			while (e > *s_out && c->s[e - 1] == ' ')
				e--;
			if (e > *s_out)
				*e_out = e;
			break;
		}
	}
}

/* Count Arabic words in [a, b). */
static size_t n_words(const struct ctx *c, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t k = a; k < b; k++)
		n += c->t[k].type == ISNAD_TOK_ARABIC;
	return n;
}

/* Are there at least k Arabic words in [a, b)?  Stops early: cost O(k)
 * words, not O(b - a). */
static int words_atleast(const struct ctx *c, size_t a, size_t b, size_t k)
{
	size_t n = 0;
	for (size_t i = b; i > a && n < k; i--)
		n += c->t[i - 1].type == ISNAD_TOK_ARABIC;
	return n >= k;
}

/* First token in [c->sa, c->sb) starting at or after byte off (binary
 * search: tokens are in text order). */
static size_t tok_from(const struct ctx *c, size_t off)
{
	size_t lo = c->sa, hi = c->sb;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->t[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Claim before a post-posed cue at token i: from the sentence start (or
 * the end of the previous claim in it) to i, without the joining comma. */
static void claim_before(const struct ctx *c, size_t i, size_t *s_out,
                         size_t *e_out)
{
	size_t a = c->sa, b = i;
	const struct isnad_attributions *o = c->out;
	if (o->n > c->ntail) {
		a = tok_from(c, o->v[o->n - 1].end);
		if (a > b)
			a = b;
	}
	while (a < b && (is_punct(&c->t[a]) && !is_qopen(&c->t[a])))
		a++;
	while (b > a && (is_punct(&c->t[b - 1]) && !is_quote(&c->t[b - 1]) &&
	                 !closes_bracket(c, a, b)))
		b--;
	while (b > a && is_pro(&c->t[b - 1]))
		b--;
	while (b > a && is_punct(&c->t[b - 1]) && !is_quote(&c->t[b - 1]) &&
	       !closes_bracket(c, a, b))
		b--;
	if (!words_atleast(c, a, b, 2)) {
		*s_out = *e_out = 0;
		return;
	}
	*s_out = c->t[a].start;
	*e_out = c->t[b - 1].end;
}

/* Chain of the latest attribution within INHERIT_SENT sentences whose
 * source agrees with the verb. */
static int inherit(const struct ctx *c, struct chain *ch, int vg, int vn)
{
	const struct isnad_attributions *o = c->out;
	const struct isnad_attribution *p = NULL;
	/* «قائلةً» does not continue a man's words, nor «معتبراً» a
	 * ministry's: the verb agrees with its dropped subject, which is the
	 * latest source that agrees with it («وأضاف» after a newspaper's
	 * report goes back to the minister quoted before) */
	for (size_t k = o->n; k-- > 0 && !p;) {
		const struct isnad_attribution *q = &o->v[k];
		if (c->sent - c->cue_sent[k] > INHERIT_SENT)
			break;
		/* a nested report is not who goes on speaking: «ويضيف أن»
		 * after «قال X إن المعلومات تؤكد أن» is X */
		if (c->parent[k] != SIZE_MAX)
			continue;
		/* nor is hearsay («يتردد أن»): its source is its cue */
		if (q->n_links == 1 && o->links[q->link].start == q->cue_start)
			continue;
		if (vg && q->n_links) {
			const struct isnad_attrib_link *l =
			    &o->links[q->link + q->n_links - 1];
			int sg = source_gender(c->s + l->start,
			                       l->end - l->start, l->kind);
			/* the latest source may be of unknown gender; one
			 * further back must agree for certain */
			if ((sg && sg != vg) || (k + 1 < o->n && sg != vg))
				continue;
		}
		/* «مشيرين» continues no one man's words, «مؤكداً» not those
		 * of «مديرو التعليم» */
		if (vn && q->n_links) {
			const struct isnad_attrib_link *l =
			    &o->links[q->link + q->n_links - 1];
			int sn = source_number(c->s + l->start,
			                       l->end - l->start, l->kind);
			if (sn && sn != vn)
				continue;
		}
		p = q;
		ch->from = k;
	}
	if (!p)
		return 0;
	/* link token ranges are gone; re-find them by offsets */
	ch->n = 0;
	for (size_t k = 0; k < p->n_links && ch->n < CHAIN_MAX; k++) {
		const struct isnad_attrib_link *l = &o->links[p->link + k];
		ch->l[ch->n].a = (size_t)-1 - l->start; /* marks an offset */
		ch->l[ch->n].b = l->end;
		ch->l[ch->n].kind = l->kind;
		ch->n++;
	}
	return ch->n > 0;
}
static int gender_clash(const struct ctx *c, int vg, int vn, size_t a, size_t b,
                        int kind)
{
	size_t s, e;
	int sg, sn;
	tok_span(c, a, b, &s, &e);
	if (e <= s)
		return 0;
	sg = vg ? source_gender(c->s + s, e - s, kind) : 0;
	sn = vn ? source_number(c->s + s, e - s, kind) : 0;
	return (sg && sg != vg) || (sn && sn != vn);
}

/* emit() for an inherited chain (links given as byte offsets). */
static void emit_inherited(struct ctx *c, size_t cue_a, size_t cue_b, size_t cs,
                           size_t ce, const struct chain *pre,
                           const struct chain *ch)
{
	struct isnad_attributions *o = c->out;
	struct isnad_attribution *at;
	size_t np = 0;
	if (!ch->n || !(at = new_attribution(c, cue_a, cue_b, cs, ce)))
		return;
	/* recipients of this verb (token ranges) before the inherited
	 * chain, within CHAIN_MAX links */
	for (size_t i = 0; i < pre->n && i + ch->n < CHAIN_MAX; i++) {
		struct isnad_attrib_link *l = &o->links[o->n_links];
		tok_span(c, pre->l[i].a, pre->l[i].b, &l->start, &l->end);
		if (l->end <= l->start)
			continue;
		l->kind = (uint8_t)pre->l[i].kind;
		l->ref_start = l->ref_end = 0;
		set_head(c, pre->l[i].a, pre->l[i].b, &c->lh[o->n_links]);
		o->n_links++;
		np++;
	}
	at->n_links = np;
	for (size_t i = 0; i < ch->n; i++) {
		struct isnad_attrib_link *l;
		/* the outlets the speaker told before are not this
		 * report's: «وأضاف لـ«الوطن»» after «… لـ«الرياض»» */
		if (np && i + 1 < ch->n && ch->l[i].kind == ISNAD_SRC_OUTLET)
			continue;
		l = &o->links[o->n_links++];
		at->n_links++;
		l->start = (size_t)-1 - ch->l[i].a;
		l->end = ch->l[i].b;
		l->kind = (uint8_t)ch->l[i].kind;
		l->ref_start = l->ref_end = 0;
		/* the chain is that of the attribution inherited from */
		c->lh[o->n_links - 1] = c->lh[o->v[ch->from].link + i];
	}
	c->cue_sent[o->n] = c->sent;
	o->n++;
}

/* ---- reporting verbs ----------------------------------------------------- */

/* Subject before a verb at v (SV order): [a_out, v). */
static int subject_before(const struct ctx *c, size_t v, size_t *a_out,
                          size_t *e_out)
{
	size_t a = v, lim = v > c->sa + BACK_MAX ? v - BACK_MAX : c->sa;
	const struct isnad_attributions *o = c->out;
	size_t floor_off = c->nest_of != SIZE_MAX ? c->nest_floor
	                   : o->n > c->ntail      ? o->v[o->n - 1].end
	                                          : 0;
	/* «وقد كشفت»: the particle is no subject, nor «كانت» before it
	 * («إلا أن بحوثاً سابقة كانت قد أشارت») */
	while (a > c->sa &&
	       (teq(&c->t[a - 1], "قد") || teq(&c->t[a - 1], "لقد")))
		a--;
	if (a < v && a > c->sa && tin(&c->t[a - 1], "كان|كانت|كانوا|كانا"))
		a--;
	{
		size_t e = a;
		while (a > lim) {
			const struct isnad_token *t = &c->t[a - 1];
			if (t->start < floor_off)
				break;
			if (is_word(t) && tin(t, CONJ_STOP))
				break;
			if (is_word(t) && tin(t, "يذكر|يشار|الجدير|يجدر"))
				return 0;
			/* «…، وكان تنظيم "داعش" أعلن»: «وكان» opens the
			 * clause its subject stands in, when a body or a
			 * definite noun follows (not «إذا كان هنالك …»,
			 * «وكان خائفا») */
			if (is_word(t) && a < e &&
			    tin(t, "كان|كانت|كانوا|كانا") && a - 1 > c->sa &&
			    teq(&c->t[a - 2], "و") &&
			    (definite(c, host(c, a)) ||
			     tin(&c->t[host(c, a)], BODY_HEADS) ||
			     tin(&c->t[host(c, a)], "تنظيم|حزب|حركه|جماعه|"
			                            "جيش|قوات")))
				break;
			/* a semicolon ends a clause as a full stop does */
			if (is_punct(t) && ((!is_comma(t) && !is_quote(t)) ||
			                    teq(t, "؛") || teq(t, ";")))
				break;
			a--;
		}
		if (a <= lim && a > c->sa)
			return 0; /* too far back: not a subject */
		while (a < e && (((is_pro(&c->t[a]) || is_punct(&c->t[a])) &&
		                  !teq(&c->t[a], "ال")) ||
		                 tin(&c->t[a], "كان|كانت|وكانت|وكان")))
			a++;

		while (e > a &&
		       ((is_punct(&c->t[e - 1]) && !is_qclose(&c->t[e - 1])) ||
		        is_pro(&c->t[e - 1])))
			e--;
		/* «ألقى الشيخ X كلمة أعرب فيها عن»: the speaker of the
		 * speech, without the verb and the speech */
		if (e > a + 2 && teq(&c->t[host(c, a)], "القي") &&
		    tin(&c->t[e - 1], "كلمه|خطابا|خطاب|خطبه|محاضره|بيانا")) {
			a = host(c, a) + 1;
			e--;
			while (e > a && is_pro(&c->t[e - 1]))
				e--;
		}
		if (n_words(c, a, e) < 1 || n_words(c, a, e) > 10 ||
		    e - a > BACK_MAX || bad_start(c, host(c, a)))
			return 0;
		for (size_t k = a; k < e; k++)
			if (tin(&c->t[k], "ما|لا|قد|فقد|وقد|لم|لن|هو|هي|كان|"
			                  "كانت|يكون|تكون|ان|لو|اذا"))
				return 0;
		/* inside a claim, «أن البيان الذي أعلنت عنه الوزارة» is no
		 * report of the statement («المسؤول الذي أوضح أن» elsewhere
		 * is the official's) */
		if (c->nest_of != SIZE_MAX && tin(&c->t[e - 1], REL_PRON))
			return 0;
		/* a relative pronoun alone names no one («؛ والذين يتوقع») */
		if (n_words(c, a, e) == 1 && tin(&c->t[host(c, a)], REL_PRON))
			return 0;
		/* a subject is a noun phrase: no verb of ours inside */
		for (size_t k = a; k < e; k++) {
			enum vform f;
			if (c->t[k].type == ISNAD_TOK_ARABIC &&
			    !nominal_prefix(c, k) &&
			    match_verb(c->t[k].norm, c->t[k].norm_len, &f) >= 0)
				return 0;
		}
		*a_out = a;
		*e_out = e;
		return e > a;
	}
}

/* Is i the start of a complement?  Returns the index where the claim
 * starts, or 0. */
static size_t complement_at(const struct ctx *c, size_t i, unsigned comp)
{
	size_t h, k;
	if (i >= c->sb)
		return 0;
	h = host(c, i);
	if (comp & C_MASDAR) {
		/* a light verb reports only through its verbal noun */
		size_t k = h + 1;
		if (h >= c->sb || !tin(&c->t[h], MASDARS))
			return 0;
		while (k < c->sb && c->t[k].type == ISNAD_TOK_ENCLITIC)
			k++;
		return k < c->sb ? k : 0;
	}
	if (is_qopen(&c->t[i])) {
		/* a quoted name of a word or two with the clause going on
		 * after it is the object, not a quotation: «أضاف موقع
		 * الصور «إنستغرام» خاصية جديدة» (added a feature) */
		size_t q = quoted_name(c, i);
		if (q > i + 2 && n_words(c, i, q) <= 2 && q < c->sb &&
		    c->t[q].type == ISNAD_TOK_ARABIC &&
		    !tin(&c->t[q], "ثم|قبل|بعد|حين|عندما|لكن|ولكن|بل|فيما")) {
			/* «بيان تلقت «الشرق الأوسط» نسخة منه إن …»: the
			 * complement further on */
			for (size_t k = q; k < c->sb && k < q + 12; k++) {
				if (is_an(c, k))
					return complement_at(c, k, comp);
				if (is_punct(&c->t[k]) && !is_comma(&c->t[k]))
					break;
			}
			return 0;
		}
		return i;
	}
	if (is_colon(&c->t[i]))
		return i + 1;
	if (h >= c->sb)
		return 0;
	/* «قال مصطفى العشوان لقد تعوّدت …»: direct speech with no mark */
	if (teq(&c->t[h], "قد") && h == i + 1 && pro_is(c, i, "ل"))
		return i;
	if ((teq(&c->t[h], "الي") || teq(&c->t[h], "علي")) &&
	    is_an(c, host(c, h + 1)))
		h = host(c, h + 1);
	if (is_an(c, h)) {
		/* «أنها ...»: keep the pronoun subject in the claim */
		if (h + 1 < c->sb && c->t[h + 1].type == ISNAD_TOK_ENCLITIC)
			return h;
		return h + 1;
	}
	if (teq(&c->t[h], "قول") || teq(&c->t[h], "قوله") ||
	    teq(&c->t[h], "قولها") || teq(&c->t[h], "قولهم")) {
		size_t k = h + 1;
		while (k < c->sb && c->t[k].type == ISNAD_TOK_ENCLITIC)
			k++;
		/* «قوله في مقابلة صحفية «...»»: the quotation is the claim */
		for (size_t q = k; q < c->sb && q < k + 8; q++)
			if (is_qopen(&c->t[q]) || is_colon(&c->t[q]))
				return is_colon(&c->t[q]) ? q + 1 : q;
		/* «قوله إن …»: the claim after the complementizer */
		if (k < c->sb && is_an(c, host(c, k)) &&
		    !(host(c, k) + 1 < c->sb &&
		      c->t[host(c, k) + 1].type == ISNAD_TOK_ENCLITIC))
			return host(c, k) + 1;
		return k;
	}
	if ((comp & C_MASDAR) && tin(&c->t[h], MASDARS)) {
		size_t k = h + 1;
		while (k < c->sb && c->t[k].type == ISNAD_TOK_ENCLITIC)
			k++;
		return k < c->sb ? k : 0;
	}
	if ((comp & C_ABOUT) && teq(&c->t[h], "عن"))
		return h + 1;
	if ((comp & C_NOUN) && object_start(c, i))
		return i;
	if ((comp & C_BI) && pro_is(c, i, "ب") && bi_object(c, h))
		return h;
	if ((comp & C_ON) && (k = on_object(c, h)) != 0)
		return k;
	if ((comp & C_FROM) && teq(&c->t[h], "من"))
		return h + 1;
	return 0;
}

static int l_quote_recipient(const struct ctx *c, size_t i, unsigned comp)
{
	size_t qa, qb, e = l_quote(c, i, &qa, &qb), h;
	if (!e)
		return 0;
	if (e >= c->sb || is_punct(&c->t[e]) || complement_at(c, e, comp))
		return 1;
	h = host(c, e);
	return h >= c->sb || tin(&c->t[h], TIME_WORDS) ||
	       l_quote(c, e, &qa, &qb);
}

/* Is host token i a word that cannot start a source phrase?  («علي» is
 * the name Ali unless the text spells the preposition «على».) */
/* «قائلا», «مثلا», «كتابا»: a common word with the accusative's alef,
 * written without its tanween, is an adverb or an object; a name in ا
 * («نسابيمانا») is rare with or without it. */
static int accusative_common(const struct ctx *c, size_t i)
{
	const struct isnad_token *t = &c->t[i];
	char buf[3 * 32 + 4];
	size_t n, len = t->end - t->start;
	if (t->type != ISNAD_TOK_ARABIC || len < 6 || len > 32)
		return 0;
	/* «حاكما الولايتين»: a dual in construct, a subject */
	if (i + 1 < c->sb && c->t[i + 1].word != t->word &&
	    (definite(c, host(c, i + 1)) ||
	     (c->t[i + 1].norm_len > 4 &&
	      !memcmp(c->t[i + 1].norm, "\xd8\xa7\xd9\x84", 4))))
		return 0;
	n = isnad_normalize_word(c->s + t->start, len, ISNAD_NORM_LIGHT, buf);
	if (n < 6 || memcmp(buf + n - 2, "\xd8\xa7", 2)) /* ا */
		return 0;
	/* سوريا, تركيا: countries in يا stand over their nisba; فرنسا
	 * and أوروبا are common and no accusative */
	if (!memcmp(buf + n - 4, "\xd9\x8a", 2) || tin(t, COUNTRIES))
		return 0;
	/* the word without its alef is common (مثلا, كتابا, قائلا) */
	if (isnad_lexicon_count(isnad_lexicon_default(), buf, n - 2) >=
	    ACC_COMMON)
		return 1;
	/* or the word itself, as a fixed adverb (أيضا, أبدا), unless the
	 * gazetteer knows it as a name: أثينا, فيينا, أوباما are no
	 * accusatives */
	return isnad_lexicon_count(isnad_lexicon_default(), buf, n) >=
	           ACC_COMMON &&
	       !isnad_ner_whole_name(isnad_ner_default(), c->t, i, i + 1) &&
	       !(isnad_ner_person_word(isnad_ner_default(), c->t, i, i + 1) &
	         ISNAD_NER_FAMILY);
}

/* Words that begin no object: particles, prepositions, quantifiers. */
static const char NOT_OBJECT[] =
    "في|علي|من|الي|عن|مع|عند|لدي|حول|ضد|بين|امام|خلف|تحت|فوق|نحو|عبر|"
    "دون|غير|اي|كل|جميع|بعض|عدد|ان|انه|انها|لا|لم|لن|قد|ما|هذا|هذه|ذلك|"
    "تلك|هو|هي|هم|او|ام|بل|له|لها|لهم|عليه|عليها|منه|منها|اليه|نفسه|به|"
    "بها|بهم|فيه|فيها|عنه|عنها|"
    "نفسها|ذاته|ذاتها|رسمي|رسميه|اول|اخر|احد|احدي|ثم|وقت|حين|مره|خاصه|"
    "خصوصا|لاسيما|سيما|شكل|صوره|طريقه|حاله|مثل|عقب|اثر|جراء|بسبب|نتيجه|"
    "وفق|حسب|ضمن|نحو|عبر|نفس|عام|سنه|شهر|يوم|اسبوع|ساعه|مساء|صباح|ليله|"
    "بن|ابن|بنت|ابو|ام|ال";

/* Does the news write host token i with the article too (5 times or
 * more)?  Nouns take it, verbs never. */
static int with_article(const struct ctx *c, size_t i)
{
	const struct isnad_token *t = &c->t[i];
	char buf[3 * 32 + 8];
	size_t n, len = t->end - t->start;
	if (len > 32)
		return 0;
	memcpy(buf, "ال", 4);
	n = isnad_normalize_word(c->s + t->start, len, ISNAD_NORM_LIGHT,
	                         buf + 4);
	if (!n)
		return 0;
	if (isnad_lexicon_count(isnad_lexicon_default(), buf, n + 4) >= 5)
		return 1;
	/* «نيتها»: the ة of the noun is written ت before a pronoun */
	if (n >= 4 && !memcmp(buf + 4 + n - 2, "ت", 2)) {
		memcpy(buf + 4 + n - 2, "ة", 2);
		return isnad_lexicon_count(isnad_lexicon_default(), buf,
		                           n + 4) >= 5;
	}
	return 0;
}

/* A word the news uses ACC_COMMON times or more. */
static int common_noun(const struct ctx *c, size_t i)
{
	const struct isnad_token *t = &c->t[i];
	char buf[3 * 32 + 4];
	size_t n, len = t->end - t->start;
	if (t->type != ISNAD_TOK_ARABIC || len < 4 || len > 32)
		return 0;
	n = isnad_normalize_word(c->s + t->start, len, ISNAD_NORM_LIGHT, buf);
	return isnad_lexicon_count(isnad_lexicon_default(), buf, n) >=
	       ACC_COMMON;
}

/* Do host tokens i and nx start a person's name: a given name of the
 * gazetteer before another name word or a rare word («عادل الجبير»)?
 * One gazetteer entry alone is not enough: «مقتل» begins the name of an
 * article about a killing. */
static int name_pair(const struct ctx *c, size_t i, size_t nx)
{
	const struct isnad_ner_model *m = isnad_ner_default();
	if (!(isnad_ner_person_word(m, c->t, i, i + 1) & ISNAD_NER_GIVEN))
		return 0;
	/* «الملك سلمان», «الأمير متعب بن …» */
	if ((i > c->sa && c->t[i - 1].type == ISNAD_TOK_ARABIC &&
	     tin(&c->t[i - 1], PERSON_HEADS)) ||
	    (nx < c->sb && tin(&c->t[nx], "بن|ابن|بنت|ابو|ال")))
		return 1;
	return nx < c->sb && (isnad_ner_person_word(m, c->t, nx, nx + 1) ||
	                      !common_noun(c, nx));
}

/* Does an أن/إن or a colon come within a few words of i, commas
 * aside («… عبدالكريم بوخمسين، أن»)?  Then that is the complement, not a
 * noun before it. */
static int complement_ahead(const struct ctx *c, size_t i)
{
	for (size_t k = i; k < c->sb && k < i + 24; k++) {
		if (is_colon(&c->t[k]) || is_an(c, k))
			return 1;
		if (is_punct(&c->t[k]) && !is_quote(&c->t[k]) &&
		    !is_comma(&c->t[k]))
			return 0;
	}
	return 0;
}

/* Is token i a possessive pronoun (not the ي of a nisba or a plural in
 * construct, which the tokenizer may split off as well)? */
static int pronoun_enclitic(const struct ctx *c, size_t i)
{
	return i < c->sb && c->t[i].type == ISNAD_TOK_ENCLITIC &&
	       tin(&c->t[i], "ه|ها|هم|هما|هن|كم|كما|نا|ك");
}

/* «أكدت قيادات في المقاومة لـ«عكاظ» سيطرةَ المقاومة على …»: right after
 * a recipient outlet in quotes. */
static int after_recipient(const struct ctx *c, size_t i)
{
	size_t q = i - 1;
	if (!is_qclose(&c->t[q]))
		return 0;
	while (q > c->sa && q + 10 > i && !is_qopen(&c->t[q - 1]))
		q--;
	/* «لـ» (with its tatweel) is a word of its own to the tokenizer */
	return q > c->sa + 1 && is_qopen(&c->t[q - 1]) &&
	       teq(&c->t[q - 2], "ل");
}

/* «وكانت الإدارة قد نفت نيتَها بيع …», «أكد حرصَه على …»: right after
 * the verb, a verbal noun with a possessive pronoun (a noun the news also
 * writes with ال) is the object, and the subject came before it or was
 * dropped. */
static int after_verb_own(const struct ctx *c, size_t i)
{
	enum vform f;
	size_t v = i - 1;
	if (i + 1 >= c->sb || !pronoun_enclitic(c, i + 1) ||
	    c->t[i + 1].word != c->t[i].word || !with_article(c, i))
		return 0;
	while (v > c->sa && c->t[v].type == ISNAD_TOK_ENCLITIC)
		v--;
	return c->t[v].type == ISNAD_TOK_ARABIC && !nominal_prefix(c, v) &&
	       match_verb(c->t[v].norm, c->t[v].norm_len, &f) >= 0 &&
	       f != VF_PART;
}

/*
 * A verbal noun opening the object of «نفى», «أكد», «أعلن», «كشف»: «نفى
 * المتحدث باسم الجيش وجودَ أي قوات», «أعلنت الوزارة مقتلَ ثلاثة».  It
 * comes after a definite word, where the subject is complete (an
 * indefinite noun cannot continue a definite phrase); it is a common
 * indefinite word with no clitic before it and no person's name; and it
 * is in construct with what follows: a definite word, a pronoun, a
 * number or a quantifier.  Right after the verb a word of this shape is
 * the subject («أكد وزير الخارجية»), so it never is there.
 */
static int object_start(const struct ctx *c, size_t i)
{
	const struct isnad_token *t;
	struct isnad_number num;
	size_t nx;
	if (i <= c->sa || i >= c->sb)
		return 0;
	t = &c->t[i];
	if (t->type != ISNAD_TOK_ARABIC || word_start(c, i) != i)
		return 0;
	/* an article the tokenizer left on the word makes it no object */
	if (t->norm_len >= 4 && !memcmp(t->norm, "ال", 4))
		return 0;
	/* after a definite noun, or a noun with a pronoun («بلاده»), not a
	 * preposition with one («عليها») */
	if (!((pronoun_enclitic(c, i - 1) && i >= 2 + c->sa &&
	       c->t[i - 2].type == ISNAD_TOK_ARABIC &&
	       !tin(&c->t[i - 2], NOT_OBJECT)) ||
	      (c->t[i - 1].type == ISNAD_TOK_ARABIC && definite(c, i - 1)) ||
	      after_verb_own(c, i) || after_recipient(c, i)))
		return 0;
	/* a word in ي or ت may be a verb of a relative clause («ووحدات من
	 * الجيش تدعمها»): a noun is one the news also writes with ال */
	if ((!memcmp(t->norm, "ي", 2) || !memcmp(t->norm, "ت", 2)) &&
	    !with_article(c, i))
		return 0;
	/* nor a title or a body's head: «أعلن الدكتور X وزيرُ الثقافة
	 * إطلاق ...» names him again (a document's head may well be the
	 * object: «أعلنت الوزارة تسجيل ...») */
	if (tin(t, NOT_OBJECT) || tin(t, TIME_WORDS) || tin(t, REL_PRON) ||
	    tin(t, CONJ_STOP) || tin(t, PERSON_HEADS) || tin(t, ORG_HEADS) ||
	    tin(t, OUTLET_HEADS) || tin(t, ANON_HEADS) ||
	    !(common_noun(c, i) || with_article(c, i)))
		return 0;
	{
		enum vform f;
		if (match_verb(t->norm, t->norm_len, &f) >= 0)
			return 0;
	}
	nx = i + 1;
	if (nx < c->sb && c->t[nx].word == t->word && pronoun_enclitic(c, nx))
		return !complement_ahead(c, nx);
	nx = host(c, nx);
	if (nx >= c->sb || c->t[nx].word == t->word || name_pair(c, i, nx))
		return 0;
	if (!(definite(c, nx) || c->t[nx].type == ISNAD_TOK_NUMBER ||
	      /* or an indefinite genitive: «إطلاق مشروع», «وقوع انفجار» */
	      (word_start(c, nx) == nx && common_noun(c, nx) &&
	       !accusative_common(c, nx) && !tin(&c->t[nx], NOT_OBJECT)) ||
	      (nx + 1 < c->sb && c->t[nx + 1].word == c->t[nx].word &&
	       pronoun_enclitic(c, nx + 1)) ||
	      tin(&c->t[nx], QUANT) || teq(&c->t[nx], "اي") ||
	      (word_start(c, nx) == nx &&
	       isnad_number_parse(c->s + c->t[nx].start,
	                          c->len - c->t[nx].start, &num) > 0)))
		return 0;
	return !complement_ahead(c, nx);
}

/* «أفادت مصادر بمقتل ...», «اعترف المتهم بارتكاب ...»: host token i,
 * after ب, is a common word (a definite one only before its own
 * preposition: «بالإفراج عن»), not a name or a place. */
static int bi_object(const struct ctx *c, size_t i)
{
	size_t nx;
	if (i >= c->sb || c->t[i].type != ISNAD_TOK_ARABIC ||
	    tin(&c->t[i], NOT_OBJECT) || tin(&c->t[i], TIME_WORDS) ||
	    !common_noun(c, i))
		return 0;
	nx = i + 1;
	while (nx < c->sb && c->t[nx].type == ISNAD_TOK_ENCLITIC)
		nx++;
	if (nx >= c->sb || is_punct(&c->t[nx]) ||
	    name_pair(c, i, host(c, nx)) || complement_ahead(c, nx))
		return 0;
	if (definite(c, i))
		return tin(&c->t[host(c, nx)], "علي|عن|من|في|الي|مع|بين");
	return 1;
}

/* «شدد الوزير على ضرورة …», «أكد على أهمية …»: host token i is the
 * preposition, spelled with ى (علي is the name Ali), and a verbal noun
 * follows.  Returns that noun's token, 0 if none. */
static size_t on_object(const struct ctx *c, size_t i)
{
	const struct isnad_token *t;
	size_t k;
	if (i >= c->sb)
		return 0;
	t = &c->t[i];
	if (!teq(t, "علي") || t->end - t->start < 2 ||
	    memcmp(c->s + t->end - 2, "ى", 2))
		return 0;
	k = host(c, i + 1);
	if (k >= c->sb || c->t[k].type != ISNAD_TOK_ARABIC ||
	    tin(&c->t[k], NOT_OBJECT) || tin(&c->t[k], TIME_WORDS) ||
	    !common_noun(c, k) || name_pair(c, k, host(c, k + 1)) ||
	    complement_ahead(c, k))
		return 0;
	return i + 1; /* the claim keeps the noun's article */
}

static int bad_start(const struct ctx *c, size_t i)
{
	const struct isnad_token *t;
	size_t nx;
	if (i >= c->sb)
		return 1;
	t = &c->t[i];
	nx = i + 1 < c->sb ? host(c, i + 1) : c->sb;
	if (accusative_common(c, i))
		return 1;
	/* «وأضاف مشيرا إلى أن», «وقال متسائلا»: a reporting participle in
	 * the accusative is the manner of the speech, not its speaker */
	{
		enum vform f;
		if (t->type == ISNAD_TOK_ARABIC && t->norm_len >= 8 &&
		    !memcmp(t->norm + t->norm_len - 2, "\xd8\xa7", 2) &&
		    match_verb(t->norm, t->norm_len, &f) >= 0 && f == VF_PART)
			return 1;
	}
	if (teq(t, "علي"))
		return t->end - t->start >= 2 &&
		       !memcmp(c->s + t->end - 2, "ى", 2);
	/* «وأشار كل من X وY إلى أن»: «كل من» opens a list of speakers */
	if (teq(t, "كل") && i + 1 < c->sb && teq(&c->t[i + 1], "من"))
		return 0;
	if (tin(t, NP_BAD_START))
		return 1;
	/* a time: «اعتبر صباح أمس», «قبل ستين عاماً» */
	if (nx < c->sb && tin(t, "صباح|مساء|ظهر|عصر|فجر|ليله") &&
	    tin(&c->t[nx],
	        "امس|اليوم|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|"
	        "السبت|يوم|ال"))
		return 1;
	if (nx < c->sb &&
	    (t->type == ISNAD_TOK_NUMBER ||
	     tin(t, "ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|"
	            "ثمانيه|تسع|تسعه|عشر|عشره|عشرين|ثلاثين|اربعين|خمسين|"
	            "ستين|سبعين|ثمانين|تسعين|مايه|ميه|الف|بضع|بضعه|عده")) &&
	    tin(&c->t[nx], "عاما|عام|اعوام|سنه|سنوات|سنين|يوما|"
	                   "ايام|شهرا|اشهر|شهور|ساعه|ساعات"))
		return 1;
	/* «متسائلاً», «ساخراً»: an adverbial accusative, never a name */
	return t->end - t->start >= 4 &&
	       (!memcmp(c->s + t->end - 2, "\xd9\x8b", 2) ||
	        !memcmp(c->s + t->end - 4, "\xd9\x8b\xd8\xa7", 4));
}

/* Sentence adverbials between a verb and its subject: «من جهته»,
 * «في السياق نفسه», «من ناحية ثانية». */
static const char ADVP[] =
    "جهه|جهت|جانب|ناحيه|سياق|صعيد|اطار|وقت|حين|مقابل|غضون|ضوء|ظل|"
    "نفس|ذاته";

/* Skip a sentence adverbial at i; returns the index after it, or i. */
static size_t skip_advp(const struct ctx *c, size_t i)
{
	size_t h = host(c, i), k;
	if (h + 1 >= c->sb || !tin(&c->t[h], "من|في|علي"))
		return i;
	k = host(c, h + 1);
	if (k >= c->sb || !tin(&c->t[k], ADVP))
		return i;
	for (size_t q = k; q < c->sb && q < k + 5; q++)
		if (is_comma(&c->t[q]))
			return q + 1;
	k++;
	while (k < c->sb && (c->t[k].type == ISNAD_TOK_ENCLITIC ||
	                     tin(&c->t[host(c, k)], "نفس|ذاته|ثانيه|اخري|"
	                                            "اخر|متصل|اخير|سابق|لاحق|"
	                                            "مبكر|متاخر|قريب")))
		k = host(c, k) + 1;
	return k;
}

/* Does a participle cue («، مشيرة إلى») come next at i? */
static int next_is_participle(const struct ctx *c, size_t i)
{
	enum vform f;
	size_t h;
	while (i < c->sb && (is_comma(&c->t[i]) || is_pro(&c->t[i])))
		i++;
	h = host(c, i);
	return h < c->sb && c->t[h].type == ISNAD_TOK_ARABIC &&
	       match_verb(c->t[h].norm, c->t[h].norm_len, &f) >= 0 &&
	       f == VF_PART;
}

/* Handle a reporting verb at host token v (cue tokens [cue_a, v+1)).
 * postposed: the cue follows its claim («... حسبما ذكرت X»). */
/* Index in VERBS of the verb whose past stems are past. */
static int verb_index(const char *past)
{
	for (size_t i = 0; i < N_VERBS; i++)
		if (!strcmp(VERBS[i].past, past))
			return (int)i;
	return -1;
}

/* Where the claim of «وحسبما ذكرت X ...، فإن …» begins: at أن/إن after
 * a comma («حسبما أخبرني X، أحد مؤسسي …، عبر محادثة هاتفية، أنه»), else
 * after the first comma that follows the source closely (a date or an
 * outlet's name may come between: «"الأناضول" فجر اليوم (الأربعاء)،»),
 * else right after the source («بحسب ما نقلته وكالة X «وام» فإن»). */
static size_t preposed_start(const struct ctx *c, const struct chain *ch)
{
	size_t k = 0, comma = 0;
	for (size_t l = 0; l < ch->n; l++)
		if (ch->l[l].b > k)
			k = ch->l[l].b;
	for (size_t q = k; q < c->sb && q < k + 3 * SCAN_MAX; q++) {
		if (is_punct(&c->t[q]) && !is_comma(&c->t[q]) &&
		    !is_quote(&c->t[q]) && !teq(&c->t[q], "(") &&
		    !teq(&c->t[q], ")"))
			break;
		if (is_comma(&c->t[q])) {
			if (is_an(c, host(c, q + 1)))
				return q + 1;
			if (!comma && q < k + SCAN_MAX)
				comma = q + 1;
		}
	}
	return comma ? comma : k;
}

/* A person's name of two to four words from token k, closed by a comma:
 * its end, else 0.  The first word must be a given name, the others
 * names too (the gazetteer's person words). */
static size_t appos_name(const struct ctx *c, size_t k)
{
	const struct isnad_ner_model *m = isnad_ner_default();
	size_t n = 0;
	enum vform f;
	while (k < c->sb && n < 4) {
		size_t h = k;
		/* «عبدالله الشيخي»: the article is the word's own */
		if (n && is_pro(&c->t[h]) && teq(&c->t[h], "ال"))
			h++;
		if (h >= c->sb || c->t[h].type != ISNAD_TOK_ARABIC ||
		    (!n && !(isnad_ner_person_word(m, c->t, h, h + 1) &
		             ISNAD_NER_GIVEN)) ||
		    tin(&c->t[h], PERSON_HEADS) || tin(&c->t[h], TIME_WORDS) ||
		    tin(&c->t[h], "صباح|اول|في|من|علي|عن|الي|مع|بيان|غرب|شرق|"
		                  "شمال|جنوب|وسط|شمالي|جنوبي|شرقي|غربي") ||
		    bad_start(c, h) ||
		    (!nominal_prefix(c, h) &&
		     match_verb(c->t[h].norm, c->t[h].norm_len, &f) >= 0))
			break;
		k = h + 1;
		n++;
	}
	return n >= 2 && k < c->sb && is_comma(&c->t[k]) ? k : 0;
}

/* Prepositions before a demonstrative («وفي ذلك», «ومع ذلك»). */
static const char PREPS[] = "في|عن|من|مع|بعد|قبل|علي|الي|حول|رغم|منذ|خلال|"
                            "اثر|عقب|بين|ازاء|حيال|بدل|مثل|عند|لدي|حتي";

static size_t do_verb(struct ctx *c, size_t cue_a, size_t v, int vi,
                      enum vform form, int postposed)
{
	unsigned comp = VERBS[vi].comp;
	struct chain ch = {{{0, 0, 0}}, 0, 0};
	size_t i = v + 1, np_a, np_b, np_end = 0, cs = 0, ce = 0, claim = 0,
	       end;
	int have_subj = 0, junk = 0;
	size_t nrecip = 0; /* recipients put before the subject */
	int vg = verb_gender(c->t[v].norm, c->t[v].norm_len);
	int vn = verb_number(c->t[v].norm, c->t[v].norm_len);
	/* verbs that may follow their claim: «...»، قال X */
	int say = in_list(VERBS[vi].past, strcspn(VERBS[vi].past, "|"),
	                  "قال|اضاف|تابع|اردف|اوضح|اكد|ذكر|اشار|صرح");
	size_t qa, qb, qe;
	/* «ويتوقع أن ترتفع الأسعار», «يرجح أن»: with أن right after it,
	 * the verb is the impersonal passive (يُتوقع, it is expected), no
	 * one's report; one who expects is named: «ويتوقع محللون أن» */
	if (!postposed && form != VF_PART && i < c->sb &&
	    tin(&c->t[v], "يتوقع|يرجح") && is_an(c, i) &&
	    !(i + 1 < c->sb && c->t[i + 1].type == ISNAD_TOK_ENCLITIC)) {
		/* but «وكان يتوقع أن» (he expected), and «X، الرئيس
		 * التنفيذي ...، يتوقع أن» with its subject before */
		size_t ws = word_start(c, v);
		if (!(ws > c->sa && (tin(&c->t[host(c, ws - 1)], "كان|كانت") ||
		                     is_comma(&c->t[ws - 1]))))
			return v + 1;
	}
	/* «وهذا يؤكد على أن العمل يسير …», «ذلك يعني أن»: the writer infers
	 * from what he told; no one reports (but «هذا وأكد الوزير», the
	 * newsroom's filler, takes its verb with و) */
	if (!postposed && form != VF_PART && v > c->sa &&
	    word_start(c, v) == v) {
		/* the demonstrative alone or after و: not «لذلك يقول
		 * المحللون» (therefore), «كذلك» (also) */
		size_t ws = word_start(c, v), dw;
		if (ws > c->sa) {
			dw = word_start(c, ws - 1);
			/* the subject opening a clause: at the sentence's
			 * or a clause's head, not «وفي ذلك يقول» */
			if (tin(&c->t[ws - 1], "هذا|هذه|ذلك|تلك") &&
			    ((dw == ws - 1 &&
			      (dw == c->sa || is_punct(&c->t[dw - 1]))) ||
			     (dw + 2 == ws && teq(&c->t[dw], "و") &&
			      (dw == c->sa || is_punct(&c->t[dw - 1]) ||
			       !tin(&c->t[dw - 1], PREPS)))))
				return v + 1;
		}
	}
	while (i < c->sb && c->t[i].type == ISNAD_TOK_ENCLITIC)
		i++;
	/* «في وقت أكدت فيه أثينا أنها»: the pronoun of a relative clause */
	if (i + 1 < c->sb && !(comp & C_OBJ) && teq(&c->t[i], "في") &&
	    c->t[i + 1].type == ISNAD_TOK_ENCLITIC) {
		i++;
		while (i < c->sb && c->t[i].type == ISNAD_TOK_ENCLITIC)
			i++;
	}
	/* adverbs between verb and subject: «كشفت أيضا», «قال أمس»,
	 * «من جهته» */
	for (int k = 0; k < 4; k++) {
		size_t j = skip_advp(c, i);
		while (j < c->sb && tin(&c->t[j], TIME_WORDS) &&
		       !is_pro(&c->t[j])) {
			/* «يقول بعد توقيع الاتفاق "..."»: a time
			 * preposition takes its object with it */
			int prep = tin(&c->t[j], "بعد|قبل|خلال|عقب|اثناء");
			j++;
			for (int w = 0; prep && w < 3 && j < c->sb; w++) {
				size_t h = host(c, j);
				/* «قبل أيام قليلة»: an indefinite noun
				 * takes an indefinite adjective */
				if (h >= c->sb ||
				    c->t[h].type != ISNAD_TOK_ARABIC ||
				    complement_at(c, j, comp) ||
				    (w && !definite(c, h) &&
				     !tin(&c->t[h], "قليله|عده|قليلين") &&
				     !last_adjective(c, j, h, comp)))
					break;
				j = h + 1;
			}
		}
		if (j == i)
			break;
		i = j;
	}
	/* «وقالت «داعش» قبل شهر إن», «وحذرت «واي كومبيناتور» أصحاب ...»: a
	 * short quoted name with more of the clause after it, and a
	 * complement to come, is the subject (a quotation that is the claim
	 * ends the clause or meets a comma: «صرح "الخطأ التاريخي"») */
	if (form != VF_PART && i < c->sb && is_qopen(&c->t[i])) {
		size_t q = quoted_name(c, i);
		if (q > i + 2 && q - i <= 14 && n_words(c, i, q) <= 5 &&
		    q < c->sb &&
		    (c->t[q].type == ISNAD_TOK_ARABIC || is_pro(&c->t[q])) &&
		    ((comp &
		      (C_NOUN | C_BI | C_ON | C_ABOUT | C_FROM | C_OBJ)) ||
		     complement_ahead(c, q))) {
			/* with its marks: «فورد» is no ف + ورد.  The news
			 * quotes bodies more than people: a name that only
			 * reads as a person's is left to the tagger */
			int k = classify(c, i + 1, q - 1);
			if (comp & C_OBJ) {
				/* «أبلغت «الشرق الأوسط» مصادر ... أن»: the
				 * recipient comes first, the subject after */
				chain_prepend(&ch, i, q, ISNAD_SRC_OUTLET);
				nrecip++;
			} else {
				/* a title makes it a person's: «"الأستاذ
				 * عبد العزيز العيد"» */
				size_t h1 = host(c, i + 1);
				chain_push(
				    &ch, i, q,
				    k == ISNAD_SRC_PERSON &&
				            !(h1 < q &&
				              tin(&c->t[h1], PERSON_HEADS))
				        ? ISNAD_SRC_UNKNOWN
				        : k);
				have_subj = 1;
			}
			i = q;
		}
	}
	/* «قال لـ«الاقتصادية» عبدالمنعم الشهري … إن»: the recipient, then
	 * the subject */
	if (form != VF_PART && !have_subj &&
	    (qe = l_quote(c, i, &qa, &qb)) != 0 && qe < c->sb &&
	    c->t[qe].type == ISNAD_TOK_ARABIC && !complement_at(c, qe, comp) &&
	    !bad_start(c, host(c, qe))) {
		chain_prepend(&ch, qa, qb, ISNAD_SRC_OUTLET);
		nrecip++;
		i = qe;
	}
	np_a = host(c, i);
	if (form != VF_PART && !have_subj && !complement_at(c, i, comp) &&
	    np_a < c->sb && !bad_start(c, np_a) &&
	    !(np_a > i && !teq(&c->t[i], "ال") && !teq(&c->t[i], "و")) &&
	    !l_quote(c, i, &qa, &qb)) {
		np_b = np_scan(c, i, comp);
		if (np_b > i && n_words(c, i, np_b) + 0 >= 1) {
			chain_push(&ch, i, np_b, classify(c, i, np_b));
			have_subj = 1;
			np_a = i;
			i = np_end = np_b;
		}
	}
	/* modifiers up to the complement: recipients, venue, time, relay,
	 * examples («، مثل تحليل الباحث X»); at most a few other words */
	end = i + SCAN_MAX < c->sb ? i + SCAN_MAX : c->sb;
	while (i < end && junk <= JUNK_MAX) {
		size_t h = host(c, i), k;
		/* a bare noun object follows the subject and its modifiers
		 * closely: after a clause («تنظيم داعش يسيطر على شباب») it is
		 * no complement */
		if ((k = complement_at(
		         c, i,
		         junk > 2 ? comp & ~(unsigned)(C_NOUN | C_BI | C_ON)
		                  : comp)) != 0) {
			if (junk && k <= i + 1 &&
			    (is_qopen(&c->t[i]) || is_colon(&c->t[i])))
				break;
			claim = k;
			c->cue_seen = 1;
			break;
		}
		if ((qe = l_quote(c, i, &qa, &qb)) != 0) {
			chain_prepend(&ch, qa, qb, ISNAD_SRC_OUTLET);
			nrecip++;
			i = qe;
			continue;
		}
		if (h < c->sb && pro_is(c, i, "ل") && outlet_head(c, h)) {
			size_t b = np_scan(c, h, 0);
			if (b > h) {
				chain_prepend(&ch, h, b, classify(c, h, b));
				nrecip++;
				i = b;
				continue;
			}
		}
		if (h < c->sb &&
		    ((comp & C_OBJ) ||
		     (have_subj && i == np_end && np_end > np_a &&
		      adjective_then_outlet(c, h, np_a))) &&
		    outlet_head(c, h)) {
			size_t b = np_scan(c, h, 0);
			if (b > h) {
				chain_prepend(&ch, h, b, classify(c, h, b));
				nrecip++;
				i = b;
				continue;
			}
		}
		if ((comp & C_RELAY) && h < c->sb && teq(&c->t[h], "عن")) {
			size_t a = h + 1, b;
			/* «نقلت عنه وكالة X»: the pronoun is the origin
			 * already named; the outlet follows as subject */
			if (a < c->sb && c->t[a].type == ISNAD_TOK_ENCLITIC) {
				while (a < c->sb &&
				       c->t[a].type == ISNAD_TOK_ENCLITIC)
					a++;
				/* «ونقل عنه قوله إن»: no outlet named, the
				 * speech noun follows; the pronoun's speaker
				 * is the origin, as after «وأضاف» */
				b = have_subj || (host(c, a) < c->sb &&
				                  tin(&c->t[host(c, a)],
				                      "قول|قوله|قولها|قولهم"))
				        ? a
				        : np_scan(c, a, comp);
				if (b > a && !bad_start(c, host(c, a))) {
					chain_prepend(&ch, a, b,
					              classify(c, a, b));
					have_subj = 1;
				}
				i = b > a ? b : a;
				continue;
			}
			b = np_scan(c, a, comp);
			if (b > a) {
				chain_push(&ch, a, b, classify(c, a, b));
				i = b;
				continue;
			}
		}
		/* «ذكرت صحيفة X نقلاً عن مصادر أن ...», «... وفقاً لمسؤول
		 * أن»: the source the subject cites comes after it */
		if (have_subj) {
			size_t pa, pe = pcue_at(c, i, &pa), b;
			if (pe && (b = np_scan(c, pe, comp)) > pe &&
			    classify(c, pe, b) != ISNAD_SRC_UNKNOWN) {
				chain_push(&ch, pe, b, classify(c, pe, b));
				i = b;
				continue;
			}
		}
		if (have_subj && h < c->sb && teq(&c->t[h], "مثل") &&
		    i > c->sa && is_comma(&c->t[i - 1])) {
			size_t a = h + 1, b = np_scan(c, a, comp);
			if (b > a) {
				chain_push(&ch, a, b, classify(c, a, b));
				i = b;
				continue;
			}
		}
		/* «رفض الكشف عن اسمه», «طلب عدم ذكر هويته» */
		if (h < c->sb && tin(&c->t[h], WITHHELD) &&
		    tin(&c->t[host(c, h + 1)], "كشف|عدم|ذكر")) {
			size_t q = h + 1;
			while (q < c->sb && q < h + 9 &&
			       !tin(&c->t[q], "اسم|هويه|هويت|اسمه|هويته"))
				q++;
			if (q < c->sb && q < h + 9) {
				q++;
				while (q < c->sb &&
				       c->t[q].type == ISNAD_TOK_ENCLITIC)
					q++;
				i = q;
				continue;
			}
		}
		/* the platform itself: «كتب جنبلاط عبر «تويتر» أمس» */
		if (h < c->sb && teq(&c->t[h], "عبر") && !is_pro(&c->t[h])) {
			size_t q = platform_after(c, h);
			if (q > h + 1) {
				i = q;
				continue;
			}
		}
		/* venue «في بيان», «في كتابه «...»», «عبر صفحته» */
		if (h < c->sb && tin(&c->t[h], "في|خلال|عبر|علي") &&
		    host(c, h + 1) < c->sb &&
		    tin(&c->t[host(c, h + 1)], VENUE)) {
			size_t q = host(c, h + 1) + 1;
			while (q < c->sb && c->t[q].type == ISNAD_TOK_ENCLITIC)
				q++;
			/* its adjectives: «في مؤتمر صحافي», «في بيان رسمي» */
			for (int k = 0; k < 2 && q < c->sb; k++) {
				size_t a2 = host(c, q);
				const struct isnad_token *w = &c->t[a2];
				if (a2 >= c->sb ||
				    w->type != ISNAD_TOK_ARABIC ||
				    w->norm_len < 6 ||
				    !(!memcmp(w->norm + w->norm_len - 2, "ي",
				              2) ||
				      !memcmp(w->norm + w->norm_len - 4, "يه",
				              4)) ||
				    /* «على «تويتر»»: the platform, below */
				    teq(w, "علي"))
					break;
				q = a2 + 1;
			}
			q = platform_after(c, q);
			if (q < c->sb && is_qopen(&c->t[q]) &&
			    !complement_at(c, q - 1, comp)) {
				size_t z = q + 1;
				while (z < c->sb && z < q + 30 &&
				       !(is_qclose(&c->t[z])))
					z++;
				/* the title, unless a complement follows
				 * nowhere: then it is the claim itself */
				if (z < c->sb && z + 1 < c->sb &&
				    (is_comma(&c->t[z + 1]) ||
				     complement_at(c, z + 1, comp)))
					q = z + 1;
			}
			/* «في مقال نشرته مجلة X», «في بيان بثته وكالة X»:
			 * where the words appeared goes first in the chain */
			{
				size_t r = q + 1;
				enum vform f2;
				if (q < c->sb &&
				    c->t[q].type == ISNAD_TOK_ARABIC &&
				    !nominal_prefix(c, q) &&
				    match_verb(c->t[q].norm, c->t[q].norm_len,
				               &f2) >= 0 &&
				    f2 == VF_PAST && pronoun_enclitic(c, r)) {
					size_t b2;
					while (r < c->sb &&
					       c->t[r].type ==
					           ISNAD_TOK_ENCLITIC)
						r++;
					b2 = np_scan(c, r, comp);
					if (b2 > r && classify(c, r, b2) ==
					                  ISNAD_SRC_OUTLET) {
						chain_prepend(&ch, r, b2,
						              ISNAD_SRC_OUTLET);
						nrecip++;
						q = b2;
					}
				}
			}
			i = q;
			continue;
		}
		if (is_comma(&c->t[i])) {
			size_t r = skip_relative(c, i, &ch), h1, b1;
			/* «وأكد اللواء X، قائد المنطقة الشمالية الغربية
			 * أن»: the speaker's office, no stray words */
			/* «قال السفير الإسرائيلي، رون بروسور، أمام
			 * الصحافيين إن»: the name after the office */
			if (r <= i && have_subj && ch.n &&
			    ch.l[ch.n - 1].b == i) {
				size_t e = appos_name(c, i + 1);
				if (e) {
					ch.l[ch.n - 1].b = e;
					i = e;
					continue;
				}
			}
			if (r <= i && have_subj &&
			    (h1 = host(c, i + 1)) < c->sb &&
			    c->t[h1].type == ISNAD_TOK_ARABIC &&
			    tin(&c->t[h1], PERSON_HEADS) &&
			    (b1 = np_scan(c, h1, comp)) > h1 &&
			    is_an(c, host(c, b1)) &&
			    complement_at(c, b1, comp)) {
				i = b1;
				continue;
			}
			i = r > i ? r : i + 1;
			continue;
		}
		/* «وقال مصطفى العاني وهو محلل أمني عراقي تربطه صلات
		 * بالوزارة إن ...»: the clause describing the speaker runs
		 * to the complement */
		if (have_subj && pro_is(c, i, "و") && h < c->sb &&
		    tin(&c->t[h], "هو|هي")) {
			size_t k = h + 1, q = SIZE_MAX;
			for (; k < end && !is_an(c, host(c, k)); k++) {
				const struct isnad_token *p = &c->t[k];
				if (is_punct(p) &&
				    (teq(p, ".") || teq(p, "!") ||
				     teq(p, "؟") || teq(p, "?")))
					break;
				/* or a quotation soon after: «وهو متطوع
				 * مكلف الأمن "وقع انفجار ثالث"» */
				if (q == SIZE_MAX &&
				    (is_qopen(p) || is_colon(p)) &&
				    !is_pro(&c->t[k - 1]))
					q = k;
			}
			if (k < end && is_an(c, host(c, k))) {
				i = k;
				continue;
			}
			if (q != SIZE_MAX) {
				i = q;
				continue;
			}
		}
		if (h < c->sb && tin(&c->t[h], REL_PRON)) {
			size_t r = skip_relative(c, h, &ch);
			i = r > h ? r : h + 1;
			continue;
		}
		/* «أفادت أمس (الأحد)، بأن» */
		if (teq(&c->t[i], "(")) {
			size_t q = i + 1;
			while (q < c->sb && q < i + 8 && !teq(&c->t[q], ")"))
				q++;
			if (q < c->sb && teq(&c->t[q], ")")) {
				i = q + 1;
				continue;
			}
		}
		if (is_punct(&c->t[i]) && !is_quote(&c->t[i]))
			break;
		/* another cue: stop */
		if (i > v + 1 && c->t[i].type == ISNAD_TOK_ARABIC &&
		    !nominal_prefix(c, i)) {
			enum vform f;
			if (match_verb(c->t[i].norm, c->t[i].norm_len, &f) >=
			        0 &&
			    c->t[i].word != c->t[v].word)
				break;
		}
		if (!is_pro(&c->t[i]) && !tin(&c->t[i], TIME_WORDS) &&
		    !(c->t[i].type == ISNAD_TOK_ARABIC && bad_start(c, i) &&
		      !tin(&c->t[i], NP_BAD_START)))
			junk++;
		i++;
	}
	/* «وقال X، الناطق باسم Y، في تصريح بثته وكالة Z ...، إن»: a long
	 * stretch of modifiers that ends at a comma before إن/أن is still
	 * the verb's; another reporting verb on the way stops the search */
	if (!claim && have_subj && form != VF_PART) {
		size_t lim =
		    v + 2 * SCAN_MAX < c->sb ? v + 2 * SCAN_MAX : c->sb;
		/* a recipient on the way goes first in the chain if the
		 * complement is found: «…، رئيس جمعية …، لوكالة نوفوستي:» */
		size_t rcp_a = 0, rcp_b = 0, nr0 = nrecip;
		for (size_t q = i; q + 1 < lim; q++) {
			enum vform f;
			if (!rcp_b && pro_is(c, q, "ل") &&
			    outlet_head(c, host(c, q))) {
				size_t h2 = host(c, q), b2 = np_scan(c, h2, 0);
				if (b2 > h2) {
					rcp_a = h2;
					rcp_b = b2;
				}
			}
			if (c->t[q].type == ISNAD_TOK_ARABIC &&
			    c->t[q].word != c->t[v].word &&
			    !nominal_prefix(c, q) &&
			    match_verb(c->t[q].norm, c->t[q].norm_len, &f) >= 0)
				break;
			if (is_comma(&c->t[q]) && is_an(c, host(c, q + 1))) {
				claim = complement_at(c, q + 1, comp);
				if (claim)
					c->cue_seen = 1;
				break;
			}
			/* the same with a recipient after the comma:
			 * «...، تعليقا على هذه المزاعم، لـ«الشرق الأوسط»
			 * إن» */
			if (is_comma(&c->t[q])) {
				size_t ra, rb, re = l_quote(c, q + 1, &ra, &rb);
				if (re && is_an(c, host(c, re)) &&
				    (claim = complement_at(c, re, comp)) != 0) {
					chain_prepend(&ch, ra, rb,
					              ISNAD_SRC_OUTLET);
					nrecip++;
					c->cue_seen = 1;
					break;
				}
			}
			/* or at a colon before a quotation, when the subject
			 * is a known kind of source (not «كتب كتاباً ...:»):
			 * «وقال روحاني في خطاب ألقاه مؤخرًا: «...»» */
			if (is_colon(&c->t[q]) && !(comp & C_MASDAR) &&
			    q + 1 < c->sb && is_qopen(&c->t[q + 1]) && ch.n &&
			    ch.l[ch.n - 1].kind != ISNAD_SRC_UNKNOWN) {
				claim = complement_at(c, q, comp);
				if (claim)
					c->cue_seen = 1;
				break;
			}
		}
		if (claim && rcp_b && rcp_b <= claim && nrecip == nr0) {
			chain_prepend(&ch, rcp_a, rcp_b, ISNAD_SRC_OUTLET);
			nrecip++;
		}
	}
	/* «أما أحمد بن ضاحي فقال: …»: the topic before «أما … ف» is the
	 * subject, not a speaker to inherit */
	if (!have_subj && ch.n == nrecip && form != VF_PART && !postposed &&
	    word_start(c, v) < v && pro_is(c, word_start(c, v), "ف")) {
		size_t ws = word_start(c, v);
		for (size_t k = ws; k > c->sa && k + BACK_MAX > ws; k--) {
			size_t h = host(c, k - 1);
			if (is_punct(&c->t[k - 1]) && !is_comma(&c->t[k - 1]))
				break;
			if (h < ws && teq(&c->t[h], "اما") &&
			    word_start(c, h) == k - 1) {
				size_t b = ws;
				while (b > h + 1 && is_comma(&c->t[b - 1]))
					b--;
				/* «أما عن الشعر فقال»: a topic in a preposition
				 * is no speaker */
				if (b > h + 1 &&
				    !bad_start(c, host(c, h + 1)) &&
				    !tin(&c->t[host(c, h + 1)],
				         "عن|في|من|الي|علي|مع|بعد|قبل|"
				         "بالنسبه") &&
				    np_scan(c, h + 1, comp) >= b) {
					chain_push(&ch, h + 1, b,
					           classify(c, h + 1, b));
					have_subj = 1;
				}
				break;
			}
		}
	}
	/* «مصادر ... أبلغت «الشرق الأوسط» أن»: a subject before the verb,
	 * with or without recipients after it */
	if (!have_subj && ch.n == nrecip && form != VF_PART && !postposed &&
	    !(word_start(c, v) < v && (pro_is(c, word_start(c, v), "و") ||
	                               pro_is(c, word_start(c, v), "ف")))) {
		size_t sa, se, vs = word_start(c, cue_a);
		/* «سبق لموقع X أن أبلغ», «X سبق لهم أن صرحوا» */
		if (vs > c->sa + 2 &&
		    is_an(c, host(c, word_start(c, vs - 1)))) {
			size_t k = word_start(c, vs - 1);
			for (size_t q = k; q > c->sa && q + 10 > k; q--) {
				size_t w = host(c, word_start(c, q - 1));
				if (w < k && teq(&c->t[w], "سبق")) {
					size_t a = w + 1;
					if (pro_is(c, a, "ل") &&
					    c->t[host(c, a)].type ==
					        ISNAD_TOK_ARABIC &&
					    host(c, a) < k) {
						chain_push(
						    &ch, a + 1, k,
						    classify(c, a + 1, k));
					} else if (subject_before(
					               c, word_start(c, w), &sa,
					               &se)) {
						chain_push(&ch, sa, se,
						           classify(c, sa, se));
					}
					break;
				}
				q = word_start(c, q - 1) + 1;
			}
		} else if (subject_before(c, vs, &sa, &se)) {
			chain_push(&ch, sa, se, classify(c, sa, se));
		}
	}
	/* no subject: the speaker goes on from before; recipients named
	 * here («وأوضح في حديثه لـ«الرياض» أن») come first in the chain */
	if (!have_subj && ch.n == nrecip) {
		struct chain inh = {{{0, 0, 0}}, 0, 0};
		const struct isnad_attributions *o = c->out;
		if (!postposed && claim && c->pend_n && form == VF_PART &&
		    c->sent - c->pend_sent <= INHERIT_SENT &&
		    !gender_clash(c, vg, vn, c->pend_a[c->pend_n - 1],
		                  c->pend_b[c->pend_n - 1],
		                  c->pend_kind[c->pend_n - 1]) &&
		    (!o->n || o->v[o->n - 1].cue_start < c->pend_off)) {
			for (size_t k = 0; k < c->pend_n; k++)
				chain_push(&inh, c->pend_a[k], c->pend_b[k],
				           c->pend_kind[k]);
			verb_claim(c, v, claim, &cs, &ce);
			emit(c, cue_a, v + 1, cs, ce, &inh);
			return claim;
		}
		if (!postposed && claim && inherit(c, &inh, vg, vn)) {
			verb_claim(c, v, claim, &cs, &ce);
			emit_inherited(c, cue_a, v + 1, cs, ce, &ch, &inh);
			return claim;
		}
		if (ch.n)
			goto named; /* the recipients alone, as before */
		return v + 1;
	}
	if (!ch.n)
		return v + 1;
named:
	if (claim && !postposed) {
		verb_claim(c, v, claim, &cs, &ce);
	} else if (form != VF_PART && (postposed || (have_subj && say))) {
		/* «...»، قال X. / ... حسبما ذكرت X */
		claim_before(c, word_start(c, cue_a), &cs, &ce);
		/* «وحسبما ذكرت مصادر مطلعة، فإن …»: a cue that opens its
		 * sentence takes what follows its source */
		if (postposed && ce <= cs && !words_atleast(c, c->sa, cue_a, 1))
			claim_preposed(c, preposed_start(c, &ch), &cs, &ce);
		if (postposed && ce <= cs &&
		    prepend_to_last(c, &ch,
		                    postposed_cut(c, word_start(c, cue_a))))
			return i > v + 1 ? i : v + 1;
		if (!postposed && ce > cs) {
			size_t ws = word_start(c, cue_a), k = ws;
			while (k > c->sa && is_comma(&c->t[k - 1]))
				k--;
			if (!(k > c->sa && is_qclose(&c->t[k - 1])) &&
			    !words_atleast(c, c->sa, ws, 4))
				cs = ce = 0;
		}
		if (!postposed) {
			size_t ws = word_start(c, cue_a);
			if (ws <= c->sa || !(is_comma(&c->t[ws - 1]) ||
			                     is_quote(&c->t[ws - 1])))
				cs = ce = 0;
		}
	}
	if (ce <= cs && form != VF_PART && ch.n && next_is_participle(c, i)) {
		c->pend_n = ch.n < 4 ? ch.n : 4;
		for (size_t k = 0; k < c->pend_n; k++) {
			c->pend_a[k] = ch.l[k].a;
			c->pend_b[k] = ch.l[k].b;
			c->pend_kind[k] = ch.l[k].kind;
		}
		c->pend_sent = c->sent;
		c->pend_off = c->t[v].start;
	}
	emit(c, cue_a, v + 1, cs, ce, &ch);
	return i > v + 1 ? i : v + 1;
}

/* ---- prepositional cues -------------------------------------------------- */

/* Recognise a prepositional cue at token i.  Returns the index after the
 * cue words (0 if none); *a_out: first cue token. */
static size_t pcue_at(const struct ctx *c, size_t i, size_t *a_out)
{
	size_t h = host(c, i), nx;
	const struct isnad_token *t;
	if (h >= c->sb)
		return 0;
	t = &c->t[h];
	*a_out = h;
	/* «بحسب»: the ب belongs to the cue */
	if (teq(t, "حسب") || teq(t, "حسبما")) {
		if (h > c->sa && pro_is(c, h - 1, "ب"))
			*a_out = h - 1;
		return h + 1;
	}
	nx = h + 1;
	if (tin(t, "وفقا|وفق|طبقا|تبعا") && nx < c->sb &&
	    (pro_is(c, nx, "ل") || teq(&c->t[nx], "لما")))
		return teq(&c->t[nx], "لما") ? nx + 1 : nx + 1;
	if (teq(t, "وفق") && nx < c->sb && teq(&c->t[nx], "ما"))
		return nx + 1;
	if (teq(t, "وفق") && nx < c->sb &&
	    c->t[nx].type == ISNAD_TOK_PROCLITIC && teq(&c->t[nx], "ال"))
		return nx;
	if (teq(t, "نقلا") && nx < c->sb && teq(&c->t[nx], "عن"))
		return nx + 1;
	if (teq(t, "استنادا") && nx < c->sb && teq(&c->t[nx], "الي"))
		return nx + 1;
	if (teq(t, "علي") && nx < c->sb && teq(&c->t[nx], "لسان"))
		return nx + 1;
	return 0;
}

/* Whether the word after token k is a reporting verb: «فقد» is then
 * ف + قد before it («وبحسب رويترز، فقد ذكر الوزير أن»), not the verb
 * «فقد» (lost). */
static int reporting_next(const struct ctx *c, size_t k)
{
	size_t h = host(c, k + 1);
	enum vform f;
	return h < c->sb && c->t[h].type == ISNAD_TOK_ARABIC &&
	       match_verb(c->t[h].norm, c->t[h].norm_len, &f) >= 0 &&
	       f != VF_PART && !nominal_prefix(c, h);
}

/* The claim of a cue that opens its sentence, from token k on past
 * commas and the particle that takes it up: «، فإن ...», «، فقد ...»
 * («فإنه» keeps its pronoun). */
static void claim_preposed(const struct ctx *c, size_t k, size_t *cs,
                           size_t *ce)
{
	while (k < c->sb &&
	       (is_comma(&c->t[k]) || is_pro(&c->t[k]) || teq(&c->t[k], "»") ||
	        teq(&c->t[k], "”") || teq(&c->t[k], "؛")))
		k++;
	if (k < c->sb &&
	    (teq(&c->t[k], "ان") || teq(&c->t[k], "قد") ||
	     teq(&c->t[k], "لقد") ||
	     (teq(&c->t[k], "فقد") && reporting_next(c, k))) &&
	    !(k + 1 < c->sb && c->t[k + 1].type == ISNAD_TOK_ENCLITIC))
		k++;
	claim_after(c, k, cs, ce);
}

/* Handle a prepositional cue [ca, cb). */
static size_t do_pcue(struct ctx *c, size_t ca, size_t cb)
{
	struct chain ch = {{{0, 0, 0}}, 0, 0};
	size_t i = cb, cs = 0, ce = 0, np_b, cue_end = cb;
	size_t h = host(c, i);
	enum vform f;
	int vi;
	if (h < c->sb && teq(&c->t[h], "ما"))
		h = host(c, h + 1), i = h;
	/* «حسبما ذكرت X», «بحسب ما أعلنت X»: a verb inside the cue */
	if (h < c->sb && c->t[h].type == ISNAD_TOK_ARABIC &&
	    (vi = match_verb(c->t[h].norm, c->t[h].norm_len, &f)) >= 0 &&
	    f != VF_PART && !nominal_prefix(c, h)) {
		return do_verb(c, ca, h, vi, f, 1);
	}
	(void)cue_end;
	np_b = np_scan(c, i, 0);
	if (np_b <= i || !n_words(c, i, np_b))
		return cb;
	/* «وفقاً للقانون» is no source: the cue needs one we can name; a bare
	 * name («حسب تقويم أم القرى») is too weak a guess after a preposition
	 */
	if (classify(c, i, np_b) == ISNAD_SRC_UNKNOWN ||
	    (classify(c, i, np_b) == ISNAD_SRC_PERSON &&
	     !tin(&c->t[np_head(c, i, np_b)], PERSON_HEADS)))
		return cb;
	chain_push(&ch, i, np_b, classify(c, i, np_b));
	i = np_b;
	/* «بحسب مراسل لوكالة الصحافة الفرنسية»: the outlet he reports for
	 * stands before him, as after a verb («ذكر مصور لوكالة X») */
	if (i < c->sb && is_pro(&c->t[i]) && teq(&c->t[i], "ل") &&
	    outlet_head(c, host(c, i + 1))) {
		size_t a = host(c, i + 1), b = np_scan(c, a, 0);
		if (b > a) {
			chain_prepend(&ch, a, b, classify(c, a, b));
			i = b;
		}
	}
	/* «وفقاً للمعلومات المتاحة كما أوردت الصحيفة» */
	{
		size_t k = host(c, i);
		if (k < c->sb && tin(&c->t[k], "كما|حسبما|مثلما")) {
			size_t vh = host(c, k + 1);
			if (vh < c->sb &&
			    match_verb(c->t[vh].norm, c->t[vh].norm_len, &f) >=
			        0) {
				size_t a = vh + 1, b;
				while (a < c->sb &&
				       c->t[a].type == ISNAD_TOK_ENCLITIC)
					a++;
				b = np_scan(c, a, 0);
				if (b > a) {
					chain_prepend(&ch, a, b,
					              classify(c, a, b));
					i = b;
				}
			}
		}
	}
	i = skip_relative(c, i, &ch);
	/* «وبحسب صحيفة X ونقلاً عن المصدر»: one chain */
	{
		size_t k = i, a2;
		if (k < c->sb && pro_is(c, k, "و")) {
			size_t e2 = pcue_at(c, k + 1, &a2);
			if (e2) {
				size_t b2 = np_scan(c, e2, 0);
				if (b2 > e2) {
					chain_push(&ch, e2, b2,
					           classify(c, e2, b2));
					i = skip_relative(c, b2, &ch);
				}
			}
		}
	}
	/* pre-posed (claim follows) when little comes before the cue */
	{
		size_t before_a = c->sa;
		const struct isnad_attributions *o = c->out;
		if (o->n > c->ntail) {
			before_a = tok_from(c, o->v[o->n - 1].end);
			if (before_a > ca)
				before_a = ca;
		}
		size_t k = i;
		while (k < c->sb && (is_comma(&c->t[k]) || is_pro(&c->t[k])))
			k++;
		/* «… للمحافظة. وفقاً لوكالة الأنباء اليمنية. وقضى …»: a cue
		 * that ends where its source does belongs to what came before
		 */
		size_t ws = word_start(c, ca);
		if (ws > c->sa && k < c->sb && is_dash(&c->t[ws - 1]) &&
		    is_dash(&c->t[k])) {
			/* «وقضى القرار الأول - وفقاً للوكالة - بتعيين …»: the
			 * cue stands inside the claim */
			size_t s1, e1, s2, e2;
			claim_before(c, ws - 1, &s1, &e1);
			claim_after(c, k + 1, &s2, &e2);
			if (e1 > s1 && e2 > s2) {
				cs = s1;
				ce = e2;
			}
		} else if (k < c->sb && is_punct(&c->t[k]) &&
		           (teq(&c->t[k], ".") || teq(&c->t[k], "؛"))) {
			claim_before(c, ca, &cs, &ce);
			/* a sentence of its own: the one before is the claim,
			 * unless a claim of its own took it already */
			if (ce <= cs && !words_atleast(c, c->sa, ca, 1) &&
			    c->prev_e > c->prev_s &&
			    !(o->n && o->v[o->n - 1].end > c->prev_s)) {
				cs = c->prev_s;
				ce = c->prev_e;
				while (ce > cs && (c->s[ce - 1] == '.' ||
				                   c->s[ce - 1] == ' ' ||
				                   c->s[ce - 1] == '\n'))
					ce--;
			}
		} else if (!words_atleast(c, before_a, ca, 3)) {
			claim_preposed(c, k, &cs, &ce);
		} else {
			claim_before(c, ca, &cs, &ce);
		}
	}
	{
		size_t before = c->out->n;
		emit(c, ca, cb, cs, ce, &ch);
		if (c->out->n > before)
			c->last_pcue = before;
	}
	return i > cb ? i : cb;
}

static int memmem_lite(const char *h, size_t hn, const char *n, size_t nn)
{
	for (size_t i = 0; i + nn <= hn; i++)
		if (h[i] == n[0] && !memcmp(h + i, n, nn))
			return 1;
	return 0;
}

/* ---- driver -------------------------------------------------------------- */

/*
 * A reporting verb inside the claim just found, with a subject of its own
 * and a complement: «قال الوزير إن نظيره الأمريكي أكد له أن واشنطن
 * ستسحب قواتها» gives, besides the minister's claim, the claim «واشنطن
 * ستسحب قواتها» with the chain [الوزير, نظيره الأمريكي].  No subject, no
 * nesting: «إنه أكد أن» is the minister's own words.
 */
/* Whether link l (a nested report's own source) is what the claim of
 * attribution outer opens with: «إن نظيره أكد له أن» nests, «...، فيما
 * أكدت مصادر أن» is a report of its own that the outer claim will be
 * trimmed before. */
static int opens_claim(const struct ctx *c, size_t outer,
                       const struct isnad_attribution *in)
{
	const struct isnad_attribution *p = &c->out->v[outer];
	const struct isnad_attrib_link *l =
	    &c->out->links[in->link + in->n_links - 1];
	size_t a = p->start;
	if (l->start < a)
		return 0;
	/* only spaces, quotes and a pronoun of إنه between */
	while (a < l->start && (c->s[a] == ' ' || c->s[a] == '"'))
		a++;
	/* or the verb itself, when a prepositional cue brought the report:
	 * «ووفقا للوكالة أكد وزير الصحة أن …» → [الوكالة, وزير الصحة] */
	if (outer == c->last_pcue && a == in->cue_start && a < l->start) {
		a = in->cue_end;
		while (a < l->start && c->s[a] == ' ')
			a++;
	}
	return a == l->start;
}

static size_t nested(struct ctx *c, size_t v, int vi, enum vform f)
{
	struct isnad_attributions *o = c->out;
	size_t e, before = o->n, outer = o->n - 1;
	if (f == VF_PART ||
	    (word_start(c, v) < v && (pro_is(c, word_start(c, v), "و") ||
	                              pro_is(c, word_start(c, v), "ف"))))
		return v + 1;
	size_t pend_n = c->pend_n, pend_sent = c->pend_sent;
	size_t pend_off = c->pend_off, pa[4], pb[4];
	int pk[4];
	memcpy(pa, c->pend_a, sizeof pa);
	memcpy(pb, c->pend_b, sizeof pb);
	memcpy(pk, c->pend_kind, sizeof pk);
	c->nest_of = outer;
	c->nest_floor = o->v[outer].start;
	e = do_verb(c, v, v, vi, f, 0);
	c->nest_of = SIZE_MAX;
	/* a verb inside a claim leaves no source pending for a participle
	 * after it («... الذي يعتبر الأكثر غرابة، لافتا إلى أن» is the
	 * speaker's) */
	c->pend_n = pend_n;
	c->pend_sent = pend_sent;
	c->pend_off = pend_off;
	memcpy(c->pend_a, pa, sizeof pa);
	memcpy(c->pend_b, pb, sizeof pb);
	memcpy(c->pend_kind, pk, sizeof pk);
	/* only a report with its own source and its own claim inside the
	 * outer one counts */
	if (o->n > before && (o->v[before].start < c->t[v].end ||
	                      o->v[before].start < o->v[outer].start ||
	                      o->v[before].end > o->v[outer].end ||
	                      o->v[before].n_links <= o->v[outer].n_links ||
	                      !opens_claim(c, outer, &o->v[before]))) {
		o->n_links = o->v[before].link;
		o->n = before;
		return v + 1;
	}
	/* the outer claim opening with the verb was only the report itself
	 * («ووفقا للوكالة أكد الوزير أن …»): the nested one replaces it */
	if (o->n == before + 1 && outer == c->last_pcue &&
	    o->v[outer].start == o->v[before].cue_start) {
		struct isnad_attribution in = o->v[before];
		size_t at = o->v[outer].link;
		memmove(&o->links[at], &o->links[in.link],
		        in.n_links * sizeof *o->links);
		memmove(&c->lh[at], &c->lh[in.link],
		        in.n_links * sizeof *c->lh);
		in.link = at;
		o->v[outer] = in;
		c->cue_sent[outer] = c->cue_sent[before];
		o->n_links = at + in.n_links;
		o->n = before;
		c->last_pcue = SIZE_MAX; /* the report is no cue's claim now */
	}
	return e;
}

/* «...، فيما أكدت مصادر أن», «...، في حين قال X»: a report of its own
 * that interrupts the claim before it, not one nested in it («لكن»
 * mostly goes on with the same speaker's argument).  w: the first token
 * of the verb's word. */
static const char CLAUSE_LINKS[] = "فيما|بينما|حين|حينما|وقت";
static size_t clause_link(const struct ctx *c, size_t w)
{
	size_t p;
	if (w <= c->sa || w > c->sb)
		return SIZE_MAX;
	p = word_start(c, w - 1);
	if (!tin(&c->t[host(c, p)], CLAUSE_LINKS))
		return SIZE_MAX;
	/* «في حين», «في وقت»: the preposition goes with it */
	if (tin(&c->t[host(c, p)], "حين|وقت")) {
		if (p <= c->sa ||
		    !teq(&c->t[host(c, word_start(c, p - 1))], "في"))
			return SIZE_MAX;
		p = word_start(c, p - 1);
	}
	return p;
}

/*
 * Impersonal passives report with no source named: «قيل إن», «أُفيد
 * بأن», «تردد أن», «يُعتقد أن».  Unvocalised, «يعتقد» and «ذكر» are
 * active verbs with a subject, so those count only with the damma of
 * the passive on their first letter.
 */
static const char PASSIVES[] = "قيل|يقال|افيد|يفاد|اشيع|يشاع|تردد|يتردد";
static const char PASSIVES_MARKED[] =
    "يعتقد|اعتقد|يرجح|رجح|يتوقع|توقع|ذكر|اعلن|يعلن|يزعم|زعم|نقل|ينقل|"
    "يقدر|قدر";

/* Whether أن/إن comes in the clause from token k (up to the next
 * punctuation): «كما أكد اللواء X، قائد المنطقة …، أن» puts an
 * apposition, not the claim, after the comma. */
static int an_in_clause(const struct ctx *c, size_t k)
{
	for (size_t q = k; q < c->sb && q < k + SCAN_MAX; q++) {
		if (is_punct(&c->t[q]) && !is_quote(&c->t[q]))
			return 0;
		if (is_an(c, q))
			return 1;
	}
	return 0;
}

/* Is a quotation open at the end of s[0, n)? */
static int open_quote(const char *s, size_t n)
{
	int guil = 0, curly = 0, straight = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (!memcmp(s + i, "«", 2))
			guil++;
		else if (!memcmp(s + i, "»", 2))
			guil--;
		else if (i + 2 < n && !memcmp(s + i, "“", 3))
			curly++;
		else if (i + 2 < n && !memcmp(s + i, "”", 3))
			curly--;
	}
	for (size_t i = 0; i < n; i++)
		straight += s[i] == '"';
	return guil > 0 || curly > 0 || straight % 2;
}

/* «…، ولم يستبعد في حوار لـ«عكاظ»، أن يرتفع …»: a report denied or
 * doubted after «، و» is the speaker's next sentence, no part of the
 * claim before it; that claim ends at the comma.  k: the start of the
 * word «ولم». */
static void cut_at_denial(struct ctx *c, size_t k)
{
	struct isnad_attributions *o = c->out;
	size_t e;
	if (!(k > c->sa && pro_is(c, k, "و") && is_comma(&c->t[k - 1])) ||
	    o->n <= c->ntail)
		return;
	e = c->t[k - 1].start;
	for (size_t a = o->n; a-- > c->ntail;) {
		struct isnad_attribution *x = &o->v[a];
		if (x->start < e && x->end > e) {
			/* a quotation is the speaker's words, all of it */
			if (open_quote(c->s + x->start, e - x->start))
				break;
			while (e > x->start && c->s[e - 1] == ' ')
				e--;
			x->end = e;
			break;
		}
	}
}

/* «وجاء في البيان أن …», «وورد في التقرير أن …»: what a document
 * says, with the document as the source. */
static size_t stated_in(struct ctx *c, size_t i)
{
	struct chain ch = {{{0, 0, 0}}, 0, 0};
	size_t k, b, claim, cs = 0, ce = 0;
	int kind;
	if (!tin(&c->t[i], "جاء|ورد|وورد") || nominal_prefix(c, i))
		return 0;
	k = host(c, i + 1);
	if (k >= c->sb || !teq(&c->t[k], "في"))
		return 0;
	b = np_scan(c, k + 1, 0);
	if (b <= k + 1)
		return 0;
	kind = classify(c, k + 1, b);
	if (kind != ISNAD_SRC_DOCUMENT && kind != ISNAD_SRC_OUTLET)
		return 0;
	/* أن/إن, or a colon before a quotation («وجاء في التقرير: «…»») */
	if (!is_an(c, host(c, b)) &&
	    !(b + 1 < c->sb && is_colon(&c->t[b]) && is_qopen(&c->t[b + 1])))
		return 0;
	if (!(claim = complement_at(c, b, 0)))
		return 0;
	chain_push(&ch, k + 1, b, kind);
	claim_after(c, claim, &cs, &ce);
	c->cue_seen = 1;
	emit(c, i, k + 1, cs, ce, &ch);
	return claim;
}

static size_t passive_cue(struct ctx *c, size_t i)
{
	const struct isnad_token *t = &c->t[i];
	struct chain ch = {{{0, 0, 0}}, 0, 0};
	size_t claim, cs = 0, ce = 0, w = word_start(c, i);
	int marked = t->end - t->start >= 6 &&
	             !memcmp(c->s + t->start + 2, "\xd9\x8f", 2); /* ُ */
	if (nominal_prefix(c, i) ||
	    !(tin(t, PASSIVES) || (marked && tin(t, PASSIVES_MARKED))))
		return 0;
	for (size_t k = w; k < i; k++)
		if (!teq(&c->t[k], "و") && !teq(&c->t[k], "ف"))
			return 0;
	/* «من دون تردد»: a noun, hesitation */
	if (w > c->sa &&
	    tin(&c->t[host(c, word_start(c, w - 1))], "دون|بدون|بلا|عدم"))
		return 0;
	/* «حتى لا يقال إن»: what is not said is no report */
	if (w > c->sa && tin(&c->t[host(c, word_start(c, w - 1))], "لا|لم|لن"))
		return 0;
	/* «وبيّن رئيس الجمعية أنه ...، ويُتوقع أن تكون ...»: a hedge
	 * inside what a speaker of the sentence says is his */
	for (size_t k = c->ntail; k < c->out->n; k++)
		if (c->out->v[k].start <= t->start &&
		    t->start < c->out->v[k].end)
			return 0;
	/* only أن/إن (after a colon or ب at most): «قيل: «مثل»» brings a
	 * proverb, «هتافات تردد «...»» is a chant; «أفيد بوجود» too */
	{
		size_t k = i + 1;
		if (k < c->sb && is_colon(&c->t[k]))
			k++;
		if (!is_an(c, host(c, k)) &&
		    !(tin(t, "افيد|يفاد") && pro_is(c, k, "ب") &&
		      bi_object(c, host(c, k))))
			return 0;
	}
	claim = complement_at(c, i + 1, C_BI);
	if (!claim)
		return 0;
	chain_push(&ch, i, i + 1, ISNAD_SRC_ANONYMOUS);
	claim_after(c, claim, &cs, &ce);
	/* hearsay is a clause: «حول ما يقال إنها عمليات تصفية، يؤكد
	 * المجلس أن ...» goes on with a report of its own */
	for (size_t k = claim; k < c->sb && c->t[k].start < ce; k++)
		if (is_comma(&c->t[k])) {
			ce = c->t[k].start;
			while (ce > cs && c->s[ce - 1] == ' ')
				ce--;
			break;
		}
	c->cue_seen = 1;
	emit(c, i, i + 1, cs, ce, &ch);
	return claim;
}

/* «وبين المهندس فهد العوفي … أن», «كما بين الظاهري أن», «من جهته بين
 * النائب …، أن»: بين with a subject and أن after it, and no «و» joining
 * a second noun to the first («وبين الفينة والأخرى», «بين X وY»), is the
 * verb بيّن written without its shadda. */
static int bayyana(const struct ctx *c, size_t i)
{
	size_t ws = word_start(c, i), h;
	/* after و, كما, «من جانبه»/«من جهته» or at the sentence start */
	if (ws == i && i > c->sa) {
		size_t p = host(c, word_start(c, i - 1));
		if (!(tin(&c->t[p], "كما|جانب|جهه|جانبه|جهته") ||
		      is_comma(&c->t[i - 1])))
			return 0;
	}
	/* «بيني وبين نفسي»: between */
	if (ws > c->sa && c->t[host(c, word_start(c, ws - 1))].norm_len >= 6 &&
	    !memcmp(c->t[host(c, word_start(c, ws - 1))].norm, "بين", 6))
		return 0;
	h = host(c, i + 1);
	if (h >= c->sb || c->t[h].type != ISNAD_TOK_ARABIC || is_an(c, h) ||
	    bad_start(c, h))
		return 0;
	/* a subject that names a source: a title, a body, a document, a
	 * name («وبين العريفي أن»), not «بين الشعور الفعلي بالحب» */
	{
		size_t e = np_scan(c, i + 1, 0);
		if (e <= i + 1 || classify(c, i + 1, e) == ISNAD_SRC_UNKNOWN)
			return 0;
	}
	for (size_t k = i + 1; k < c->sb && k < i + 1 + NP_MAX_NAMED; k++) {
		if (pro_is(c, k, "و"))
			return 0;
		if (is_punct(&c->t[k]) && !is_comma(&c->t[k]))
			return 0;
		if (is_an(c, host(c, k)))
			return 1;
	}
	return 0;
}

static void scan_sentence(struct ctx *c)
{
	size_t i = c->sa;
	c->ntail = c->out->n;
	while (i < c->sb && !c->oom) {
		const struct isnad_token *t = &c->t[i];
		size_t ca, e;
		enum vform f;
		int vi;
		if (is_pro(t) || t->type != ISNAD_TOK_ARABIC) {
			i++;
			continue;
		}
		if ((e = pcue_at(c, i, &ca)) != 0) {
			i = do_pcue(c, ca, e);
			continue;
		}
		if ((e = passive_cue(c, i)) != 0 ||
		    (e = stated_in(c, i)) != 0) {
			i = e;
			continue;
		}
		/* «لفت الأنظار»: drew attention, reported nothing */
		if (tin(t, "لفت|لفتت|لفتا|لفتوا|تلفت|يلفت|يلفتون") &&
		    tin(&c->t[host(c, i + 1)], "انظار|انتباه|نظر")) {
			i++;
			continue;
		}
		/* «أفيد» is the passive of «أفاد», never its first person */
		if (tin(t, "افيد|يفاد")) {
			i++;
			continue;
		}
		if (!nominal_prefix(c, i) && teq(t, "بين") &&
		    (memmem_lite(c->s + t->start, t->end - t->start, "ّ", 2) ||
		     /* «، وبين أن» (between takes no أن) */
		     (word_start(c, i) < i && is_an(c, host(c, i + 1)) &&
		      host(c, i + 1) == i + 1) ||
		     bayyana(c, i))) {
			/* «وبيّن المدير أن»: with its shadda, the verb */
			vi = verb_index("ابان");
			f = VF_PAST;
		} else if (nominal_prefix(c, i) ||
		           (vi = match_verb(t->norm, t->norm_len, &f)) < 0) {
			i++;
			continue;
		}
		/* «ولم يذكر التقرير أن», «لا يتحدث عن»: what is not said;
		 * «طالبا عدم كشف هويته»: a noun, and nothing said either */
		{
			size_t w = word_start(c, i);
			if (w > c->sa &&
			    tin(&c->t[host(c, word_start(c, w - 1))],
			        "لم|لن|لا|عدم")) {
				cut_at_denial(c, word_start(c, w - 1));
				i++;
				continue;
			}
		}
		/* «نفى» is a verb, «نفي» a noun (ى and ي fold alike); «يُدعى»
		 * is a passive */
		if (t->end - t->start >= 2 && t->norm_len >= 2 &&
		    !memcmp(t->norm + t->norm_len - 2, "ي", 2) &&
		    ((f == VF_PAST && !memcmp(c->s + t->end - 2, "ي", 2)) ||
		     (f == VF_PRES && !memcmp(c->s + t->end - 2, "ى", 2)))) {
			i++;
			continue;
		}
		/* «تبين أن» is «it turned out» */
		if (teq(t, "تبين") || teq(t, "يتبين") || teq(t, "تبينت")) {
			i++;
			continue;
		}
		/* «الهدنة التي أعلنها التحالف», «المعلومات التي كشف عنها»,
		 * «التي أعلنت ولاءها»: a relative clause reports nothing of
		 * its own */
		{
			size_t w = word_start(c, i), k = i + 1;
			if (w > c->sa &&
			    tin(&c->t[host(c, word_start(c, w - 1))],
			        REL_PRON)) {
				size_t q;
				int said = 0;
				if (k < c->sb && teq(&c->t[k], "عن"))
					k++;
				/* unless a complement says what: «القرار الذي
				 * أعلنه العمدة بأن …», «الذي تعتبره السلطات
				 * «عملاً إرهابياً»» */
				for (q = k; q < c->sb && q < k + 14 && !said;
				     q++)
					said = is_an(c, q) ||
					       is_qopen(&c->t[q]) ||
					       is_colon(&c->t[q]);
				/* nor does one with a plain object: «المجموعة
				 * التي أعلنت ولاءها لداعش»; but «في الوقت الذي
				 * أعلنت فيه المقاومة عن مقتل …» has a subject
				 * of its own */
				if (!said &&
				    !(k < c->sb && teq(&c->t[k], "في") &&
				      k + 1 < c->sb &&
				      c->t[k + 1].type == ISNAD_TOK_ENCLITIC)) {
					i++;
					continue;
				}
			}
		}
		/* a verb inside the claim just found is part of it, unless
		 * it continues the report («، وأضاف», «مضيفاً») */
		if (c->out->n > c->ntail && f != VF_PART &&
		    t->start >= c->out->v[c->out->n - 1].start &&
		    t->start < c->out->v[c->out->n - 1].end) {
			size_t w = word_start(c, i);
			const struct isnad_attribution *last =
			    &c->out->v[c->out->n - 1];
			/* after «وفيما قالت الشرطة إن …،» the main clause
			 * («، أكد الوزير أن») is a report of its own */
			int main_clause =
			    w > c->sa && is_comma(&c->t[w - 1]) &&
			    clause_link(
			        c,
			        word_start(c, tok_from(c, last->cue_start))) !=
			        SIZE_MAX;
			if (!(w > c->sa && pro_is(c, w, "و") &&
			      is_comma(&c->t[w - 1])) &&
			    clause_link(c, w) == SIZE_MAX && !main_clause) {
				e = nested(c, i, vi, f);
				i = e > i ? e : i + 1;
				continue;
			}
		}
		/* «يذكر أن», «يشار إلى أن»: the writer's voice */
		if (f == VF_PRES && (teq(t, "يذكر") || teq(t, "يشار")) &&
		    complement_at(c, i + 1, 0)) {
			i++;
			continue;
		}
		ca = i;
		if (i > c->sa &&
		    tin(&c->t[host(c, word_start(c, i - 1))], "كما|مثلما"))
			ca = host(c, word_start(c, i - 1));
		{
			int post = 0;
			if (ca != i) {
				/* «كما ذكرت X» with no complement after it is
				 * post-posed; with one it is «also, X said» */
				size_t k = i + 1,
				       b = np_scan(c, k, VERBS[vi].comp);
				post = !complement_at(c, b, VERBS[vi].comp);
				/* at the head of its sentence «كما» is «also»
				 * («كما أشار المستشار إلى قضية …») unless a
				 * comma ends its source: «كما توقعت X، تشيد» */
				if (!words_atleast(c, c->sa, ca, 1) &&
				    !(b < c->sb && is_comma(&c->t[b]) &&
				      !an_in_clause(c, b + 1)))
					post = 0;
				if (!post)
					ca = i;
			}
			e = do_verb(c, ca, i, vi, f, post);
		}
		i = e > i ? e : i + 1;
	}
}

/* Claims end where the next cue of their sentence begins (cues are in
 * text order, so the next one after the claim's start is found by binary
 * search). */
static void trim_claims(struct ctx *c, size_t from)
{
	struct isnad_attributions *o = c->out;
	for (size_t k = from; k + 1 < o->n; k++) {
		struct isnad_attribution *a = &o->v[k];
		size_t lo = k + 1, hi = o->n, e;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (o->v[mid].cue_start <= a->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		while (lo < o->n && c->parent[lo] == k)
			lo++;
		if (lo >= o->n || a->end <= o->v[lo].cue_start)
			continue;
		e = o->v[lo].cue_start;
		/* back over «، و» and spaces before the next cue */
		while (e > a->start) {
			unsigned char ch = (unsigned char)c->s[e - 1];
			if (ch == ' ' || ch == ',' || ch == '\n')
				e--;
			else if (e - a->start >= 2 &&
			         (!memcmp(c->s + e - 2, "،", 2) ||
			          !memcmp(c->s + e - 2, "و", 2)))
				e -= 2;
			else
				break;
		}
		/* nor over the «فيما» that joins the next report to it */
		{
			size_t k = tok_from(c, o->v[lo].cue_start), l;
			if (k < c->sb &&
			    (l = clause_link(c, word_start(c, k))) !=
			        SIZE_MAX &&
			    c->t[l].start >= a->start && c->t[l].start < e) {
				e = c->t[l].start;
				while (e > a->start &&
				       (c->s[e - 1] == ' ' ||
				        (e - a->start >= 2 &&
				         !memcmp(c->s + e - 2, "،", 2))))
					e -= c->s[e - 1] == ' ' ? 1 : 2;
			}
		}
		/* an empty claim still may not run over the next cue */
		a->end = e > a->start ? e : o->v[lo].cue_start;
	}
}

static int is_list_item(const struct ctx *c, size_t sa, size_t sb)
{
	return sa + 1 < sb && c->t[sa].type == ISNAD_TOK_NUMBER &&
	       is_punct(&c->t[sa + 1]) &&
	       (teq(&c->t[sa + 1], "-") || teq(&c->t[sa + 1], ".") ||
	        teq(&c->t[sa + 1], ")"));
}

/* Anaphors: «الموقع» → the latest earlier source with the same head noun
 * (any earlier outlet for an outlet noun); chains of anaphors end at the
 * first full mention. */
static int same_head(const struct lhead *x, const struct lhead *y)
{
	static const char SRC[] = "مصدر|مصادر";
	if (x->hl == y->hl && !memcmp(x->h, y->h, x->hl))
		return 1;
	return in_list(x->h, x->hl, SRC) && in_list(y->h, y->hl, SRC);
}

static void resolve(struct ctx *c)
{
	struct isnad_attributions *o = c->out;
	for (size_t i = 0; i < o->n_links; i++) {
		struct isnad_attrib_link *l = &o->links[i];
		const struct lhead *lh = &c->lh[i];
		size_t best = (size_t)-1, lo;
		int outlet;
		if (!lh->ana)
			continue;
		outlet = in_list(lh->h, lh->hl, OUTLET_HEADS);
		lo = i > REF_LOOKBACK ? i - REF_LOOKBACK : 0;
		for (size_t j = lo; j < o->n_links && j < i + 2 * CHAIN_MAX;
		     j++) {
			const struct isnad_attrib_link *m = &o->links[j];
			if (m->start >= l->start)
				continue;
			if (!((outlet && m->kind == ISNAD_SRC_OUTLET) ||
			      same_head(lh, &c->lh[j])))
				continue;
			if (best == (size_t)-1 ||
			    m->start > o->links[best].start)
				best = j;
		}
		if (best != (size_t)-1) {
			const struct isnad_attrib_link *m = &o->links[best];
			if (m->ref_end) {
				l->ref_start = m->ref_start;
				l->ref_end = m->ref_end;
			} else {
				l->ref_start = m->start;
				l->ref_end = m->end;
			}
			l->kind = m->kind;
		}
	}
}

isnad_status isnad_attrib_find(struct isnad_tokenizer *tk, const char *s,
                               size_t len, struct isnad_attributions *out)
{
	struct isnad_tokens toks;
	isnad_status st;
	isnad_tokens_init(&toks);
	st = isnad_tokenize(tk, s, len, &toks);
	if (st == ISNAD_OK)
		st = isnad_attrib_find_tokens(s, len, &toks, out);
	isnad_tokens_release(&toks);
	return st;
}

/* Verbs of stance: «أدانت الوزارة …», «رحب الأمين العام …», «اتهم
 * المتمردين …» report what an actor said or did; the sentence has its
 * source. */
static const char STANCE_VERBS[] =
    "ادان|ادانت|يدين|تدين|ندد|نددت|يندد|تندد|استنكر|استنكرت|يستنكر|"
    "تستنكر|شجب|شجبت|رحب|رحبت|يرحب|ترحب|طالب|طالبت|يطالب|تطالب|دعا|"
    "دعت|يدعو|تدعو|ناشد|ناشدت|يناشد|تناشد|حث|حثت|يحث|تحث|اعرب|اعربت|"
    "يعرب|تعرب|اتهم|اتهمت|يتهم|تتهم|انتقد|انتقدت|ينتقد|تنتقد|اشاد|"
    "اشادت|يشيد|تشيد|ثمن|ثمنت|هدد|هددت|يهدد|تهدد|توعد|توعدت|تعهد|"
    "تعهدت|يتعهد|تتعهد";

/* Whether the sentence [sa, sb) opens (within its first four words) with
 * a verb of stance. */
static int stance_opening(const struct ctx *c, size_t sa, size_t sb)
{
	size_t words = 0;
	for (size_t k = sa; k < sb && words < 4; k++) {
		const struct isnad_token *t = &c->t[k];
		if (is_pro(t) || t->type == ISNAD_TOK_ENCLITIC)
			continue;
		if (is_punct(t))
			return 0;
		if (t->type == ISNAD_TOK_ARABIC && tin(t, STANCE_VERBS) &&
		    !nominal_prefix(c, k))
			return 1;
		words++;
	}
	return 0;
}

isnad_status isnad_attrib_find_tokens(const char *s, size_t len,
                                      const struct isnad_tokens *toks,
                                      struct isnad_attributions *out)
{
	struct isnad_spans sents;
	struct ctx c;
	isnad_status st;
	size_t ti = 0;
	unsigned char *covered = NULL;
	struct isnad_token *tv = NULL;

	memset(&c, 0, sizeof c);
	c.nest_of = SIZE_MAX;
	c.last_pcue = SIZE_MAX;
	isnad_spans_init(&sents);
	st = isnad_sentences(s, len, &sents);
	if (st != ISNAD_OK)
		goto done;
	c.s = s;
	c.len = len;
	/* the tokens with a sentinel after the last: a look past the end of
	 * the last sentence (host() may stop there) reads an empty mark */
	tv = isnad_malloc((toks->n + 1) * sizeof *tv);
	if (!tv) {
		st = ISNAD_ENOMEM;
		goto done;
	}
	if (toks->n)
		memcpy(tv, toks->v, toks->n * sizeof *tv);
	memset(&tv[toks->n], 0, sizeof *tv);
	tv[toks->n].start = tv[toks->n].end = len;
	tv[toks->n].norm = tv[toks->n].stem = "";
	tv[toks->n].word = UINT32_MAX;
	tv[toks->n].type = ISNAD_TOK_PUNCT;
	c.t = tv;
	c.n = toks->n;
	c.out = out;
	if (sents.n) {
		covered = isnad_calloc(sents.n, 1);
		if (!covered) {
			st = ISNAD_ENOMEM;
			goto done;
		}
	}
	for (size_t si = 0; si < sents.n && !c.oom; si++) {
		size_t first = out->n;
		while (ti < c.n && c.t[ti].start < sents.v[si].start)
			ti++;
		c.sa = ti;
		while (ti < c.n && c.t[ti].start < sents.v[si].end)
			ti++;
		c.sb = ti;
		c.sent = si;
		c.prev_s = si ? sents.v[si - 1].start : 0;
		c.prev_e = si ? sents.v[si - 1].end : 0;
		if (c.sa >= c.sb)
			continue;
		c.cue_seen = 0;
		scan_sentence(&c);
		trim_claims(&c, first);
		if (out->n > first || c.cue_seen)
			covered[si] = 1;
	}
	if (c.oom) {
		st = ISNAD_ENOMEM;
		goto done;
	}
	/* claims ending in «:» take the numbered list after them; claims
	 * cover the sentences they reach into */
	{
		size_t si = 0;
		for (size_t k = 0; k < out->n; k++) {
			struct isnad_attribution *a = &out->v[k];
			while (si < sents.n && sents.v[si].end <= a->start)
				si++;
			for (size_t q = si;
			     q < sents.n && sents.v[q].start < a->end; q++)
				covered[q] = 1;
		}
		for (size_t k = 0; k < out->n; k++) {
			struct isnad_attribution *a = &out->v[k];
			size_t q, e = a->end, lo = 0, hi = sents.n;
			while (e < len && s[e] == ' ')
				e++;
			if (e >= len || s[e] != ':')
				continue;
			/* binary searches: linear time overall */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (sents.v[mid].start < a->end)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (q = lo; q < sents.n && q < lo + 64; q++) {
				size_t sa, sb;
				c.sa = 0;
				c.sb = c.n;
				sa = tok_from(&c, sents.v[q].start);
				sb = tok_from(&c, sents.v[q].end);
				if (!is_list_item(&c, sa, sb))
					break;
				a->end = sents.v[q].end;
				covered[q] = 1;
			}
		}
	}
	resolve(&c);
	/* unattributed: assertions (six words or more, ending as a sentence
	 * or long) with no cue and outside every claim */
	ti = 0;
	for (size_t si = 0; si < sents.n; si++) {
		size_t sa, sb, nw;
		const struct isnad_token *last;
		while (ti < c.n && c.t[ti].start < sents.v[si].start)
			ti++;
		sa = ti;
		sb = sa;
		while (sb < c.n && c.t[sb].start < sents.v[si].end)
			sb++;
		if (covered[si] || sa >= sb)
			continue;
		nw = n_words(&c, sa, sb);
		last = &c.t[sb - 1];
		if (nw < 6)
			continue;
		/* menus and headline lists run words together with wide gaps */
		{
			const char *p = s + sents.v[si].start;
			size_t m = sents.v[si].end - sents.v[si].start;
			if (m >= 3 &&
			    (memmem_lite(p, m, "   ", 3) || memchr(p, '\t', m)))
				continue;
		}
		if (is_punct(last) && (teq(last, "؟") || teq(last, "?") ||
		                       teq(last, ":") || teq(last, "!")))
			continue;
		if (stance_opening(&c, sa, sb))
			continue;
		if (!(is_punct(last) && (teq(last, ".") || teq(last, "…"))) &&
		    nw < 10)
			continue;
		if (grow((void **)&out->unattributed.v, &out->unattributed.cap,
		         out->unattributed.n + 1, sizeof(struct isnad_span))) {
			st = ISNAD_ENOMEM;
			goto done;
		}
		out->unattributed.v[out->unattributed.n].start =
		    sents.v[si].start;
		out->unattributed.v[out->unattributed.n].end = sents.v[si].end;
		out->unattributed.n++;
	}
done:
	if (st != ISNAD_OK)
		isnad_attributions_clear(out);
	isnad_free(covered);
	isnad_free(c.cue_sent);
	isnad_free(c.parent);
	isnad_free(c.lh);
	isnad_free(tv);
	isnad_spans_release(&sents);
	return st;
}
