/*
 * ner.c - named-entity tagging: features, Viterbi decoding, the tagger and
 * the model file.  Training is in ner_train.c.
 *
 * A sentence is a sequence of words; each word is analysed once (its
 * tokens from our tokenizer: proclitics, base, enclitics) into a struct
 * ner_unit of hashes, and features are 32-bit hashes of (template, value)
 * built from a window of units.  The model maps feature keys to one weight
 * per tag in an open-addressing table.  Invariants: key 0 never occurs in a
 * table (it marks empty slots); a model is never written after parse.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/ner.h"
#include "isnad_int.h"
#include "ner_int.h"

extern const char isnad__ner_blob[];
extern const char isnad__ner_blob_end[];

static const char *const type_names[] = {"PER", "ORG", "LOC", "MISC"};
static const char *const tag_names[] = {"O",     "B-PER",  "I-PER",
                                        "B-ORG", "I-ORG",  "B-LOC",
                                        "I-LOC", "B-MISC", "I-MISC"};

const char *isnad_ner_type_name(enum isnad_ner_type t)
{
	return (unsigned)t < ISNAD_NER__COUNT ? type_names[t] : "?";
}

const char *isnad_ner_tag_name(unsigned tag)
{
	return tag < ISNAD_NER_NTAGS ? tag_names[tag] : "?";
}

static int eq(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

unsigned isnad_ner_tag_parse(const char *s, size_t len)
{
	unsigned bi;
	int t = -1;
	if (len < 3 || (s[0] != 'B' && s[0] != 'I') || s[1] != '-')
		return ISNAD_NER_O;
	bi = s[0] == 'B' ? 0 : 1;
	s += 2;
	len -= 2;
	if (eq(s, len, "PER") || eq(s, len, "PERS"))
		t = ISNAD_NER_PER;
	else if (eq(s, len, "ORG"))
		t = ISNAD_NER_ORG;
	else if (eq(s, len, "LOC") || eq(s, len, "GPE") || eq(s, len, "FAC"))
		t = ISNAD_NER_LOC;
	else if (eq(s, len, "MISC") || eq(s, len, "EVENT") ||
	         eq(s, len, "PRODUCT") || eq(s, len, "LAW") ||
	         eq(s, len, "WEBSITE") || (len >= 3 && !memcmp(s, "MIS", 3)))
		t = ISNAD_NER_MISC;
	if (t < 0)
		return ISNAD_NER_O;
	return bi ? ISNAD_NER_I(t) : ISNAD_NER_B(t);
}

/* ---- hashing and tables ------------------------------------------------ */

uint64_t isnad__ner_hash(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* ---- word analysis ----------------------------------------------------- */

#define H0 0xcbf29ce484222325ull
#define K1 0x9e3779b97f4a7c15ull

static uint32_t cp_count(const char *s, size_t n)
{
	uint32_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Byte length of the first k characters of s[0..n). */
static size_t head_bytes(const char *s, size_t n, unsigned k)
{
	size_t i = 0;
	while (i < n && k) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return k ? 0 : i;
}

/* Byte length of the last k characters. */
static size_t tail_bytes(const char *s, size_t n, unsigned k)
{
	size_t i = n;
	while (i > 0 && k) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		k--;
	}
	return k ? 0 : n - i;
}

static int nisba_of(const struct isnad_ner_model *m, const char *host,
                    size_t len, int masc, unsigned bits);

static int is_article(const struct isnad_token *t)
{
	return t->norm_len == 4 && !memcmp(t->norm, "\xd8\xa7\xd9\x84", 4);
}

/*
 * Closed-class words by their search form (no article), with their
 * NER_K_* kinds (a word may have two: لاعب is a title and a word of a
 * match):
 * - nouns whose work's or product's name follows in quotes: «برنامج
 *   "الناس وأنا"», «فيلم "جوراسيك وورلد"», «بعنوان "…"»;
 * - titles and trades before a person's name: «الفنانة مها أحمد»,
 *   «الفريق عبدالرحيم محمد حسين», and a rank's words (ركن، متقاعد);
 * - nouns of places («مدينة "برلين"»);
 * - فريق, نادي before a club, and words of a match (الدوري and البطولة
 *   with the article or in construct: «دوري في …» is «my role in»);
 * - relative pronouns, which name nothing.
 */
#define K(s, k)                                                                \
	{                                                                      \
		s, sizeof s - 1, k                                             \
	}
static const struct {
	const char *s;
	size_t n;
	unsigned kind;
} kind_words[] = {
    K("برنامج", NER_K_WORK),
    K("مسلسل", NER_K_WORK),
    K("فيلم", NER_K_WORK),
    K("كتاب", NER_K_WORK),
    K("روايه", NER_K_WORK),
    K("مسرحيه", NER_K_WORK),
    K("اغنيه", NER_K_WORK),
    K("البوم", NER_K_WORK),
    K("ديوان", NER_K_WORK),
    K("قصيده", NER_K_WORK),
    K("عنوان", NER_K_WORK),
    K("سياره", NER_K_WORK),
    K("فنان", NER_K_TITLE),
    K("فنانه", NER_K_TITLE),
    K("مدافع", NER_K_TITLE),
    K("حارس", NER_K_TITLE),
    K("لاعب", NER_K_TITLE | NER_K_SPORT),
    K("لاعبه", NER_K_TITLE),
    K("مهاجم", NER_K_TITLE),
    K("مدرب", NER_K_TITLE),
    K("سفير", NER_K_TITLE),
    K("سفيره", NER_K_TITLE),
    K("لواء", NER_K_TITLE),
    K("عميد", NER_K_TITLE),
    K("عقيد", NER_K_TITLE),
    K("نقيب", NER_K_TITLE),
    K("رايد", NER_K_TITLE),
    K("مقدم", NER_K_TITLE),
    K("دكتور", NER_K_TITLE),
    K("دكتوره", NER_K_TITLE),
    K("شيخ", NER_K_TITLE),
    K("امير", NER_K_TITLE),
    K("اميره", NER_K_TITLE),
    K("مطرب", NER_K_TITLE),
    K("مطربه", NER_K_TITLE),
    K("ممثل", NER_K_TITLE),
    K("ممثله", NER_K_TITLE),
    K("كاتب", NER_K_TITLE),
    K("كاتبه", NER_K_TITLE),
    K("شاعر", NER_K_TITLE),
    K("شاعره", NER_K_TITLE),
    K("مخرج", NER_K_TITLE),
    K("مخرجه", NER_K_TITLE),
    K("نجم", NER_K_TITLE),
    K("نجمه", NER_K_TITLE),
    K("استاذ", NER_K_TITLE),
    K("استاذه", NER_K_TITLE),
    K("مهندس", NER_K_TITLE),
    K("مهندسه", NER_K_TITLE),
    K("اعلامي", NER_K_TITLE),
    K("اعلاميه", NER_K_TITLE),
    K("محامي", NER_K_TITLE),
    K("محاميه", NER_K_TITLE),
    K("روايي", NER_K_TITLE),
    K("ركن", NER_K_TITLE),
    K("متقاعد", NER_K_TITLE),
    K("مظلي", NER_K_TITLE),
    K("طيار", NER_K_TITLE),
    K("مدينه", NER_K_PLACE),
    K("ولايه", NER_K_PLACE),
    K("منطقه", NER_K_PLACE),
    K("اقليم", NER_K_PLACE),
    K("حي", NER_K_PLACE),
    K("قريه", NER_K_PLACE),
    K("بلده", NER_K_PLACE),
    K("محافظه", NER_K_PLACE),
    K("مقاطعه", NER_K_PLACE),
    K("جزيره", NER_K_PLACE),
    K("عاصمه", NER_K_PLACE),
    K("دوله", NER_K_PLACE),
    K("حاجز", NER_K_PLACE),
    K("مخيم", NER_K_PLACE),
    K("ميناء", NER_K_PLACE),
    K("فريق", NER_K_CLUB | NER_K_TITLE),
    K("نادي", NER_K_CLUB),
    K("مباراه", NER_K_SPORT),
    K("مباريات", NER_K_SPORT),
    K("شوط", NER_K_SPORT),
    K("تعادل", NER_K_SPORT),
    K("التعادل", NER_K_SPORT),
    K("لاعبين", NER_K_SPORT),
    K("مرمي", NER_K_SPORT),
    K("ملعب", NER_K_SPORT),
    K("هدفي", NER_K_SPORT),
    K("فوز", NER_K_RESULT),
    K("فاز", NER_K_RESULT),
    K("تغلب", NER_K_RESULT),
    K("خساره", NER_K_RESULT),
    K("هزيمه", NER_K_RESULT),
    K("مضيف", NER_K_HOST),
    K("ضيف", NER_K_HOST),
    K("منافس", NER_K_HOST),
    K("غريم", NER_K_HOST),
    /* the tokenizer leaves «مضيفه» whole: its search form is مضيفة's */
    K("مضيفه", NER_K_HOST),
    K("ضيفه", NER_K_HOST),
    K("منافسه", NER_K_HOST),
    K("غريمه", NER_K_HOST),
    K("وزير", NER_K_OFFICE),
    K("وزيره", NER_K_OFFICE),
    K("مدير", NER_K_OFFICE),
    K("مديره", NER_K_OFFICE),
    K("رييس", NER_K_OFFICE),
    K("رييسه", NER_K_OFFICE),
    K("امين", NER_K_OFFICE),
    K("امينه", NER_K_OFFICE),
    K("مستشار", NER_K_OFFICE),
    K("مستشاره", NER_K_OFFICE),
    K("نايب", NER_K_OFFICE),
    K("محافظ", NER_K_OFFICE),
    K("متحدث", NER_K_OFFICE),
    K("قايد", NER_K_OFFICE),
    K("عضو", NER_K_OFFICE),
    K("قوات", NER_K_BODY),
    K("قوه", NER_K_BODY),
    K("منظمه", NER_K_BODY),
    K("هييه", NER_K_BODY),
    K("حركه", NER_K_BODY),
    K("حزب", NER_K_BODY),
    K("جماعه", NER_K_BODY),
    K("جبهه", NER_K_BODY),
    K("شركه", NER_K_BODY),
    K("وكاله", NER_K_BODY),
    K("مجلس", NER_K_BODY),
    K("اتحاد", NER_K_BODY),
    K("لجنه", NER_K_BODY),
    K("بعثه", NER_K_BODY),
    K("صندوق", NER_K_BODY),
    K("مؤسسه", NER_K_BODY),
    K("جمعيه", NER_K_BODY),
    K("رابطه", NER_K_BODY),
    K("تحالف", NER_K_BODY),
    K("مصرف", NER_K_BODY),
    K("بنك", NER_K_BODY),
    K("دوري", NER_K_SPORT_DEF),
    K("بطوله", NER_K_SPORT_DEF),
    K("الذي", NER_K_FUNC),
    K("التي", NER_K_FUNC),
    K("الذين", NER_K_FUNC),
    K("ذي", NER_K_FUNC),
    K("تي", NER_K_FUNC),
    K("ذين", NER_K_FUNC),
    K("اللذين", NER_K_FUNC),
    K("اللتين", NER_K_FUNC),
    K("اللاتي", NER_K_FUNC),
    K("اللواتي", NER_K_FUNC),
};
#undef K

static unsigned word_kind(const char *b, size_t n)
{
	if (n == 2 && !memcmp(b, "\xc2\xab", 2))
		return NER_K_OPENQ;
	if (n == 2 && !memcmp(b, "\xc2\xbb", 2))
		return NER_K_CLOSEQ;
	if ((n == 1 && b[0] == '"') ||
	    (n == 3 &&
	     (!memcmp(b, "\xe2\x80\x9c", 3) || !memcmp(b, "\xe2\x80\x9d", 3))))
		return NER_K_OPENQ | NER_K_CLOSEQ;
	/* every word passes here: compare lengths first */
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(kind_words); i++)
		if (kind_words[i].n == n && !memcmp(kind_words[i].s, b, n))
			return kind_words[i].kind;
	return n > 6 && !memcmp(b, "\xd8\xa7\xd9\x84", 4) ? NER_K_DEF : 0;
}

/* Tokens [*k, *e) of the word [a, b) make its base: no proclitics (all
 * clitics: read them as the base) and no enclitics. */
static void base_range(const struct isnad_token *tv, size_t a, size_t b,
                       size_t *k, size_t *e)
{
	size_t i = a, j = b;
	while (i < b && tv[i].type == ISNAD_TOK_PROCLITIC)
		i++;
	if (i == b)
		i = a;
	while (j > i + 1 && tv[j - 1].type == ISNAD_TOK_ENCLITIC)
		j--;
	*k = i;
	*e = j;
}

void isnad__ner_analyse(const struct isnad_ner_model *m,
                        const struct isnad_token *tv, size_t a, size_t b,
                        const char *raw, size_t rawlen, struct ner_unit *u)
{
	char base[96];
	size_t bl = 0, k = a, e = b, len;
	uint64_t hp = H0, he = H0;
	unsigned type, npre = 0, art = 0, digit = 0;
	memset(u, 0, sizeof *u);
	u->first = a;
	u->last = b;
	u->start_tok = a;
	if (a == b) {
		/* A word with no token (only marks or controls): its bytes. */
		len = rawlen < sizeof base ? rawlen : sizeof base;
		if (len)
			memcpy(base, raw, len);
		bl = len;
		type = 15;
		k = e = a;
	} else {
		base_range(tv, a, b, &k, &e);
		for (size_t i = a; i < k; i++) {
			hp = isnad__ner_hash(hp, tv[i].norm, tv[i].norm_len);
			hp = isnad__ner_hash(hp, "|", 1);
			npre++;
			if (is_article(&tv[i]))
				art = 1;
		}
		for (size_t i = e; i < b; i++)
			he = isnad__ner_hash(he, tv[i].norm, tv[i].norm_len);
		for (size_t i = k; i < e; i++) {
			len = tv[i].norm_len;
			if (len > sizeof base - bl)
				len = sizeof base - bl;
			memcpy(base + bl, tv[i].norm, len);
			bl += len;
			if (tv[i].type == ISNAD_TOK_NUMBER)
				digit = 1;
		}
		type = tv[k].type;
		u->stem = isnad__ner_hash(H0 ^ 3, tv[k].stem, tv[k].stem_len);
		/* The mention starts at the article, after و ف ب ل ك. */
		u->start_tok = k;
		for (size_t i = a; i < k; i++)
			if (is_article(&tv[i])) {
				u->start_tok = i;
				break;
			}
		/* Unless the "clitic" is the name's own letter: س marks
		 * only verbs (سان بطرسبرج, ستوك سيتي), and two letters from
		 * an alef are no name's word but a foreign name's end (بان
		 * كي مون, فان دايك, لاس فيغاس), unlike بعز الدين, وطه
		 * حسين, وتل أبيب. */
		for (size_t i = a; i < k; i++)
			if (tv[i].norm_len == 2 &&
			    !memcmp(tv[i].norm, "\xd8\xb3", 2)) {
				u->start_tok = i;
				break;
			}
		if (u->start_tok == k && k > a && e == k + 1 &&
		    !is_article(&tv[k - 1]) && tv[k].norm_len == 4 &&
		    !memcmp(tv[k].norm, "\xd8\xa7", 2))
			u->start_tok = k - 1;
	}
	u->base = isnad__ner_hash(H0, base, bl);
	u->kind = (uint16_t)word_kind(base, bl);
	/* «الفرنسي» after a club named for its city; a one-word place
	 * only, not «الدولي» of «البنك الدولي» */
	/* «مضيفتها» is a country's team (its host, feminine): a place */
	if ((u->kind & NER_K_HOST) && e < b && bl >= 2 &&
	    !memcmp(base + bl - 2, "\xd9\x87", 2))
		u->kind &= (uint16_t)~NER_K_HOST;
	/* the article alone: «بالتالي» is «so» */
	if (bl > 6 && npre == art &&
	    (art ? nisba_of(m, base, bl, 1, NER_G_LOC_WHOLE)
	         /* «الالماني»: the tokenizer left the article on */
	         : !memcmp(base, "\xd8\xa7\xd9\x84", 4) &&
	               nisba_of(m, base + 4, bl - 4, 1, NER_G_LOC_WHOLE)))
		u->kind |= NER_K_NISBA;
	u->waw = bl >= 8 && !memcmp(base, "\xd9\x88", 2) &&
	         memcmp(base + 2, "\xd9\x88", 2) && cp_count(base, bl) >= 5;
	if (a == b)
		u->stem = u->base;
	u->pre = npre ? hp : 0;
	u->enc = e < b ? he : 0;
	u->full = isnad__ner_hash(u->base ^ (u->pre * K1), "", 0) ^
	          (u->enc * 0x2545f4914f6cdd1dull);
	for (unsigned j = 0; j < 3; j++) {
		size_t hb = head_bytes(base, bl, j + 1);
		size_t tb = tail_bytes(base, bl, j + 1);
		u->pfx[j] = hb ? isnad__ner_hash(H0 ^ 5, base, hb) : 0;
		u->sfx[j] =
		    tb ? isnad__ner_hash(H0 ^ 7, base + bl - tb, tb) : 0;
	}
	{
		uint32_t cl = cp_count(base, bl);
		unsigned lb = cl <= 1   ? 0
		              : cl == 2 ? 1
		              : cl == 3 ? 2
		              : cl <= 5 ? 3
		              : cl <= 8 ? 4
		                        : 5;
		u->shape = type | lb << 4 | (npre ? 1u : 0) << 8 |
		           (u->enc ? 1u : 0) << 9 | art << 10 | digit << 11;
	}
	if (m) {
		uint32_t g = isnad__ktab_find(&m->gtok, (uint32_t)u->base | 1);
		u->gaz = g == NER_NONE ? 0 : (uint8_t)g;
		g = isnad__ktab_find(&m->clus, (uint32_t)u->base | 1);
		if (g != NER_NONE) {
			u->cl = (uint8_t)g;
			u->cl2 = (uint8_t)(g >> 8);
			u->fq = (uint8_t)(g >> 16);
		}
	}
}

/* Gazetteer spans: longest match of unit base sequences, left to right. */
void isnad__ner_spans(const struct isnad_ner_model *m, struct ner_unit *u,
                      size_t n)
{
	size_t i = 0;
	if (!m || !m->gspan.n)
		return;
	while (i < n) {
		uint64_t h[NER_SPAN_MAX + 1];
		size_t maxl = n - i, best = 0;
		uint32_t bv = 0;
		if (maxl > m->span_max)
			maxl = m->span_max;
		h[0] = H0;
		for (size_t l = 1; l <= maxl; l++)
			h[l] = isnad__mix64(h[l - 1] ^ u[i + l - 1].base);
		for (size_t l = maxl; l >= 2; l--) {
			uint32_t v =
			    isnad__ktab_find(&m->gspan, (uint32_t)h[l] | 1);
			if (v != NER_NONE) {
				best = l;
				bv = v;
				break;
			}
		}
		if (!best) {
			i++;
			continue;
		}
		u[i].span = (uint8_t)(0x80 | bv);
		for (size_t l = 1; l < best; l++)
			u[i + l].span = (uint8_t)(0x40 | bv);
		i += best;
	}
}

uint64_t isnad__ner_span_hash(const struct ner_unit *u, size_t n)
{
	uint64_t h = H0;
	for (size_t l = 0; l < n; l++)
		h = isnad__mix64(h ^ u[l].base);
	return h;
}

static inline uint32_t fk(uint32_t tmpl, uint64_t v)
{
	uint32_t k = (uint32_t)isnad__mix64(v * K1 + tmpl);
	return k ? k : 1;
}

static const struct ner_unit bos = {
    .full = 11, .base = 11, .stem = 11, .shape = 0xFFF0, .sfx = {11, 11, 11}};
static const struct ner_unit eos = {
    .full = 13, .base = 13, .stem = 13, .shape = 0xFFF1, .sfx = {13, 13, 13}};

size_t isnad__ner_features(const struct ner_unit *u, size_t n, size_t i,
                           uint32_t *k)
{
	const struct ner_unit *c = &u[i];
	const struct ner_unit *p1 = i >= 1 ? &u[i - 1] : &bos;
	const struct ner_unit *p2 = i >= 2 ? &u[i - 2] : &bos;
	const struct ner_unit *n1 = i + 1 < n ? &u[i + 1] : &eos;
	const struct ner_unit *n2 = i + 2 < n ? &u[i + 2] : &eos;
	size_t j = 0;
	k[j++] = fk(0, 0);
	/* The word's identity: these NER_LEX_FEATS keys come right after
	 * the bias (training's word dropout relies on it). */
	k[j++] = fk(1, c->full);
	k[j++] = fk(2, c->base);
	k[j++] = fk(3, c->stem);
	k[j++] = fk(4, c->pre);
	k[j++] = fk(5, c->enc);
	for (unsigned a = 0; a < 3; a++) {
		if (c->pfx[a])
			k[j++] = fk(6 + a, c->pfx[a]);
		if (c->sfx[a])
			k[j++] = fk(9 + a, c->sfx[a]);
	}
	k[j++] = fk(12, c->shape);
	k[j++] = fk(13, p1->base);
	k[j++] = fk(14, n1->base);
	k[j++] = fk(15, p2->base);
	k[j++] = fk(16, n2->base);
	k[j++] = fk(17, p1->full);
	k[j++] = fk(18, n1->full);
	k[j++] = fk(19, p1->stem);
	k[j++] = fk(20, n1->stem);
	k[j++] = fk(21, p1->base * K1 ^ c->base);
	k[j++] = fk(22, c->base * K1 ^ n1->base);
	k[j++] = fk(23, c->gaz);
	for (unsigned b = 0; b < 8; b++)
		if (c->gaz >> b & 1)
			k[j++] = fk(24, b);
	k[j++] = fk(25, p1->gaz);
	k[j++] = fk(26, n1->gaz);
	if (c->span)
		k[j++] = fk(27, c->span);
	k[j++] = fk(28, p1->span);
	k[j++] = fk(29, n1->span);
	k[j++] = fk(30, p1->shape);
	k[j++] = fk(31, n1->shape);
	k[j++] = fk(32, p1->sfx[1]);
	k[j++] = fk(33, n1->sfx[1]);
	k[j++] = fk(34, (uint64_t)c->gaz << 16 | c->shape);
	k[j++] = fk(35, p1->stem * K1 ^ c->stem);
	k[j++] = fk(36, c->pre * K1 ^ c->stem);
	k[j++] = fk(40, c->cl);
	k[j++] = fk(41, p1->cl);
	k[j++] = fk(42, n1->cl);
	k[j++] = fk(43, p2->cl);
	k[j++] = fk(44, n2->cl);
	k[j++] = fk(45, c->cl2);
	k[j++] = fk(46, p1->cl2);
	k[j++] = fk(47, n1->cl2);
	k[j++] = fk(48, (uint64_t)p1->cl << 8 | c->cl);
	k[j++] = fk(49, (uint64_t)c->cl << 8 | n1->cl);
	k[j++] = fk(50, (uint64_t)c->cl << 8 | c->pre);
	k[j++] = fk(51, c->fq);
	k[j++] = fk(52, p1->fq);
	k[j++] = fk(53, n1->fq);
	k[j++] = fk(54, (uint64_t)c->fq << 8 | c->gaz);
	return j;
}

/* ---- decoding ---------------------------------------------------------- */

static int allowed(unsigned prev, unsigned cur)
{
	if (cur == 0 || (cur & 1))
		return 1;
	return prev == cur || prev == cur - 1;
}

void isnad__ner_viterbi(const float *em, size_t n, const float *start,
                        const float *trans, float *score, uint8_t *bp,
                        uint8_t *tags_out)
{
	enum { T = ISNAD_NER_NTAGS };
	float cur[T], prev[T];
	if (!n)
		return;
	(void)score;
	for (unsigned y = 0; y < T; y++)
		prev[y] = (y && !(y & 1)) ? -1e30f : start[y] + em[y];
	for (size_t i = 1; i < n; i++) {
		float mx = -1e30f;
		for (unsigned y = 0; y < T; y++) {
			float best = -3e30f;
			unsigned arg = 0;
			for (unsigned p = 0; p < T; p++) {
				float s;
				if (!allowed(p, y))
					continue;
				s = prev[p] + trans[p * T + y];
				if (s > best) {
					best = s;
					arg = p;
				}
			}
			cur[y] = best + em[i * T + y];
			bp[i * T + y] = (uint8_t)arg;
			if (cur[y] > mx)
				mx = cur[y];
		}
		/* Keep scores near zero so 100,000 words stay precise. */
		for (unsigned y = 0; y < T; y++)
			prev[y] = cur[y] - mx;
	}
	{
		unsigned best = 0;
		for (unsigned y = 1; y < T; y++)
			if (prev[y] > prev[best])
				best = y;
		tags_out[n - 1] = (uint8_t)best;
		for (size_t i = n - 1; i > 0; i--)
			tags_out[i - 1] = bp[i * T + tags_out[i]];
	}
}

/* ---- the tagger -------------------------------------------------------- */

struct isnad_ner_tagger {
	const struct isnad_ner_model *m;
	struct isnad_tokenizer *tk;
	struct isnad_tokens toks;
	char *buf; /* the words of a sentence joined by spaces */
	size_t bufcap;
	size_t *wstart; /* byte offset of each word in buf */
	size_t wcap;
	struct ner_unit *u;
	size_t ucap;
	float *em;
	uint8_t *bp, *tags;
	size_t ecap;
	struct isnad_ner_mention *ment;
	size_t mcap, nment;
};

static isnad_status grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t nc;
	void *q;
	if (need <= *cap)
		return ISNAD_OK;
	nc = *cap ? *cap : 64;
	while (nc < need)
		nc *= 2;
	if (nc > SIZE_MAX / elem)
		return ISNAD_ENOMEM;
	q = isnad_realloc(*p, nc * elem);
	if (!q)
		return ISNAD_ENOMEM;
	*p = q;
	*cap = nc;
	return ISNAD_OK;
}

isnad_status isnad_ner_tagger_new(const struct isnad_ner_model *m,
                                  struct isnad_ner_tagger **out)
{
	struct isnad_ner_tagger *t;
	isnad_status st;
	*out = NULL;
	if (!m)
		return ISNAD_EINVAL;
	t = isnad_calloc(1, sizeof *t);
	if (!t)
		return ISNAD_ENOMEM;
	t->m = m;
	isnad_tokens_init(&t->toks);
	st = isnad_tokenizer_new(NULL, &t->tk);
	if (st) {
		isnad_free(t);
		return st;
	}
	*out = t;
	return ISNAD_OK;
}

void isnad_ner_tagger_free(struct isnad_ner_tagger *t)
{
	if (!t)
		return;
	isnad_tokenizer_free(t->tk);
	isnad_tokens_release(&t->toks);
	isnad_free(t->buf);
	isnad_free(t->wstart);
	isnad_free(t->u);
	isnad_free(t->em);
	isnad_free(t->bp);
	isnad_free(t->tags);
	isnad_free(t->ment);
	isnad_free(t);
}

/* Units of n words into t->u (also used for training). */
isnad_status isnad__ner_words_units(struct isnad_ner_tagger *t,
                                    const char *const *words,
                                    const size_t *lens, size_t n,
                                    struct ner_unit **units_out)
{
	size_t total = 0, o = 0, k = 0;
	isnad_status st;
	*units_out = NULL;
	for (size_t i = 0; i < n; i++) {
		if (lens[i] > SIZE_MAX / 2 - total)
			return ISNAD_ETOOBIG;
		total += lens[i] + 1;
	}
	if ((st = grow((void **)&t->buf, &t->bufcap, total + 1, 1)) ||
	    (st = grow((void **)&t->wstart, &t->wcap, n + 1, sizeof(size_t))) ||
	    (st = grow((void **)&t->u, &t->ucap, n, sizeof *t->u)))
		return st;
	for (size_t i = 0; i < n; i++) {
		t->wstart[i] = o;
		if (lens[i])
			memcpy(t->buf + o, words[i], lens[i]);
		/* A word is one word: white space inside it would split it. */
		for (size_t j = o; j < o + lens[i]; j++)
			if (t->buf[j] == ' ' || t->buf[j] == '\t' ||
			    t->buf[j] == '\n' || t->buf[j] == '\r')
				t->buf[j] = '_';
		o += lens[i];
		t->buf[o++] = ' ';
	}
	t->wstart[n] = o;
	t->toks.n = 0;
	st = isnad_tokenize(t->tk, t->buf, o, &t->toks);
	if (st)
		return st;
	for (size_t i = 0; i < n; i++) {
		size_t a = k;
		while (k < t->toks.n && t->toks.v[k].start < t->wstart[i + 1])
			k++;
		isnad__ner_analyse(t->m, t->toks.v, a, k, words[i], lens[i],
		                   &t->u[i]);
	}
	isnad__ner_spans(t->m, t->u, n);
	*units_out = t->u;
	return ISNAD_OK;
}

static void emissions(const struct isnad_ner_model *m, const struct ner_unit *u,
                      size_t n, float *em)
{
	uint32_t keys[NER_MAX_FEATS], rows[NER_MAX_FEATS];
	uint32_t mask = m->feat.cap ? m->feat.cap - 1 : 0;
	for (size_t i = 0; i < n; i++) {
		float *e = em + i * ISNAD_NER_NTAGS;
		size_t nk = isnad__ner_features(u, n, i, keys);
		/* The weights are a table of megabytes read at random: start
		 * every slot's load, then every row's, before summing, so the
		 * misses overlap instead of queueing. */
		if (m->feat.cap)
			for (size_t j = 0; j < nk; j++)
				__builtin_prefetch(
				    &m->feat.key[keys[j] & mask]);
		for (size_t j = 0; j < nk; j++) {
			rows[j] = isnad__ktab_find(&m->feat, keys[j]);
			if (rows[j] != NER_NONE)
				__builtin_prefetch(m->w + (size_t)rows[j] *
				                              ISNAD_NER_NTAGS);
		}
		memset(e, 0, ISNAD_NER_NTAGS * sizeof *e);
		for (size_t j = 0; j < nk; j++) {
			const float *w;
			if (rows[j] == NER_NONE)
				continue;
			w = m->w + (size_t)rows[j] * ISNAD_NER_NTAGS;
			for (unsigned y = 0; y < ISNAD_NER_NTAGS; y++)
				e[y] += w[y];
		}
	}
}

/*
 * Two things never inside a person's name: a given name joined by و, which
 * starts the next person of a list («عبدالله وعبدالرحمن», «زكريا ووليد
 * سليمان»; bodies and places keep it: «حركة العدل والمساواة», and so do
 * foreign names whose و is their own: «سكوت ووكر»), and a number
 * («خالد 0504294643»).
 */
static void split_persons(struct ner_unit *u, size_t n, uint8_t *tags)
{
	static const char wa[] = "\xd9\x88|";
	uint64_t h1 = isnad__ner_hash(H0, wa, sizeof wa - 1);
	size_t from = 0; /* where the current person's name starts */
	for (size_t i = 0; i < n; i++) {
		if (ISNAD_NER_TAG_TYPE(tags[i]) != ISNAD_NER_PER ||
		    tags[i] == ISNAD_NER_O)
			continue;
		if (tags[i] == ISNAD_NER_B(ISNAD_NER_PER))
			from = i;
		if (u[i].shape >> 11 & 1) {
			tags[i] = ISNAD_NER_O;
			if (i + 1 < n &&
			    tags[i + 1] == ISNAD_NER_I(ISNAD_NER_PER))
				tags[i + 1] = ISNAD_NER_B(ISNAD_NER_PER);
		} else if (tags[i] == ISNAD_NER_I(ISNAD_NER_PER) &&
		           u[i].pre == h1 && (u[i].shape >> 4 & 15) >= 2 &&
		           (u[i].gaz & (NER_G_PER_FIRST | NER_G_PER_WHOLE))) {
			tags[i] = ISNAD_NER_B(ISNAD_NER_PER);
			from = i;
		} else if (tags[i] == ISNAD_NER_I(ISNAD_NER_PER) && u[i].waw &&
		           !u[i].pre && u[i].fq <= 4 &&
		           !(u[i].gaz & (NER_G_PER_WHOLE | NER_G_PER_FIRST |
		                         NER_G_PER_OTHER)) &&
		           (i - from >= 2 ||
		            (i + 1 < n &&
		             tags[i + 1] == ISNAD_NER_I(ISNAD_NER_PER)))) {
			/* The tokenizer leaves an unknown foreign name whole
			 * with its و: «ماريسا تومي وتيلدا سوينتون». After a
			 * full name, or before the rest of one, it starts
			 * the next person.  Arabic names in و are short
			 * (وافي، وهبة) or common words (وسام، وحيد), so a
			 * word of five letters or more the news has seen
			 * fewer than 16 times. */
			tags[i] = ISNAD_NER_B(ISNAD_NER_PER);
			u[i].lead = 2;
			from = i;
		}
	}
}

/*
 * A title in quotes after the noun of its kind is a work or a product,
 * whatever the tagger made of its words: «برنامج "حوار من القلب"»,
 * «بعنوان "…"», «سيارة "روفر"».
 */
static void patterns(const struct ner_unit *u, size_t n, uint8_t *tags)
{
	for (size_t i = 0; i + 1 < n; i++) {
		size_t j = i + 1, q;
		/* a quoted kind noun closes its quote: «الغربان "رواية"
		 * 2000، …» (the mark after it opens no title) */
		if (!(u[i].kind & NER_K_WORK) ||
		    (i > 0 && (u[i - 1].kind & NER_K_OPENQ)))
			continue;
		/* one adjective between: برنامجا تلفزيونيا "…" */
		if (!(u[j].kind & NER_K_OPENQ) && j + 1 < n &&
		    (u[j].shape & 15) == ISNAD_TOK_ARABIC)
			j++;
		if (!(u[j].kind & NER_K_OPENQ))
			continue;
		for (q = j + 1; q < n && q <= j + 7; q++)
			if (u[q].kind & (NER_K_OPENQ | NER_K_CLOSEQ))
				break;
		if (q >= n || q > j + 7 || q == j + 1 ||
		    !(u[q].kind & NER_K_CLOSEQ))
			continue;
		/* a longer title is a sentence, a headline («أوباما يدافع
		 * عن الاتفاق»): the names in it stay */
		if (q - j > 4) {
			size_t k = j + 1;
			while (k < q &&
			       (tags[k] == ISNAD_NER_O ||
			        ISNAD_NER_TAG_TYPE(tags[k]) == ISNAD_NER_MISC))
				k++;
			if (k < q)
				continue;
		}
		tags[j] = tags[q] = ISNAD_NER_O;
		for (size_t k = j + 1; k < q; k++)
			tags[k] = k == j + 1 ? ISNAD_NER_B(ISNAD_NER_MISC)
			                     : ISNAD_NER_I(ISNAD_NER_MISC);
		/* a name the tagger ran on past the quote starts anew */
		if (q + 1 < n && tags[q + 1] != ISNAD_NER_O &&
		    !ISNAD_NER_TAG_IS_B(tags[q + 1]))
			tags[q + 1] =
			    ISNAD_NER_B(ISNAD_NER_TAG_TYPE(tags[q + 1]));
		i = q;
	}
}

/* A title, a word the tagger left out, then a person it found: the word
 * is the person's given name («الفنانة مها أحمد» tagged «أحمد»), if it
 * is a name of the gazetteer or a word the news uses little (not «حياة»
 * the noun), with no clitic and no article. */
#define GIVEN_FQ_MAX 7
static void titled_given(const struct ner_unit *u, size_t n, uint8_t *tags)
{
	for (size_t i = 1; i + 1 < n; i++)
		/* the title with its article: «محامي حبري إبراهيم» is
		 * Habré's lawyer, «مهاجم أوروجواي» Uruguay's forward */
		if ((u[i - 1].kind & NER_K_TITLE) &&
		    (u[i - 1].shape >> 10 & 1) && tags[i] == ISNAD_NER_O &&
		    tags[i + 1] == ISNAD_NER_B(ISNAD_NER_PER) &&
		    (u[i].shape & 15) == ISNAD_TOK_ARABIC && !u[i].pre &&
		    !(u[i].shape >> 8 & 1) && !(u[i].shape >> 10 & 1) &&
		    !(u[i].kind & (NER_K_TITLE | NER_K_DEF)) &&
		    (u[i].fq <= GIVEN_FQ_MAX ||
		     /* the gazetteer's given names hold common words too
		      * (على، في): a little more use only for them */
		     ((u[i].gaz & (NER_G_PER_FIRST | NER_G_PER_WHOLE)) &&
		      u[i].fq <= GIVEN_FQ_MAX + 2))) {
			tags[i] = ISNAD_NER_B(ISNAD_NER_PER);
			tags[i + 1] = ISNAD_NER_I(ISNAD_NER_PER);
		}
}

/* Two words the tagger left out, a given name of the gazetteer and a
 * family name or a word the news hardly uses, right before an office in
 * construct, are a person in apposition: «فايزة أبوالنجا وزيرة التعاون
 * الدولي», «محرم الراغب مدير عام النادي». */
/* One of ف ب ك ل alone before the base: the tokenizer's reading of a
 * name that starts with the letter («فايزة» → ف + ايزة); و is and. */
static int letter_clitic(uint64_t pre)
{
	static const char *const l[] = {"\xd9\x81", "\xd8\xa8", "\xd9\x83",
	                                "\xd9\x84"};
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(l); i++)
		if (pre ==
		    isnad__ner_hash(isnad__ner_hash(H0, l[i], 2), "|", 1))
			return 1;
	return 0;
}

#define APPOS_FQ_MAX 7
/* a given name outside the gazetteer: one the news has hardly seen
 * (شونيتشي), not a verb or a noun of the news (يحظر، قسوة) */
#define APPOS_RARE_FQ_MAX 4
#define APPOS_GAZ_FQ_MAX 9
static void name_before_office(struct ner_unit *u, size_t n, uint8_t *tags)
{
	const uint64_t alef = isnad__ner_hash(H0 ^ 7, "\xd8\xa7", 2);
	for (size_t i = 0; i + 2 < n; i++) {
		struct ner_unit *g = &u[i];
		const struct ner_unit *f = &u[i + 1], *o = &u[i + 2];
		/* a given name of the gazetteer (which holds على too: the
		 * news uses it much), or a rare word with no clitic but a
		 * letter of its own (فايزة read ف + ايزة) */
		int gaz = (g->gaz & (NER_G_PER_FIRST | NER_G_PER_WHOLE)) &&
		          g->fq <= APPOS_GAZ_FQ_MAX;
		int rare = !gaz && g->fq <= APPOS_RARE_FQ_MAX &&
		           (!g->pre || letter_clitic(g->pre));
		if (tags[i] != ISNAD_NER_O || tags[i + 1] != ISNAD_NER_O ||
		    !(o->kind & NER_K_OFFICE) || (o->shape >> 10 & 1) ||
		    o->pre || !(gaz || rare) ||
		    (g->shape & 15) != ISNAD_TOK_ARABIC ||
		    (f->shape & 15) != ISNAD_TOK_ARABIC || g->kind || f->kind ||
		    g->enc || f->enc || (f->pre && !(f->shape >> 10 & 1)) ||
		    (g->shape >> 10 & 1) || (g->shape >> 4 & 15) < 2 ||
		    !(f->fq <= APPOS_FQ_MAX || ((f->gaz & NER_G_PER_OTHER) &&
		                                f->fq <= APPOS_GAZ_FQ_MAX)))
			continue;
		/* an accusative the news knows («زائرا دشن»); a family name
		 * may end in alef (أبوالنجا، ناكاجاوا) */
		if (g->fq && g->sfx[0] == alef && !(g->gaz & NER_G_PER_FIRST))
			continue;
		if (rare && g->pre)
			g->start_tok = g->first;
		tags[i] = ISNAD_NER_B(ISNAD_NER_PER);
		tags[i + 1] = ISNAD_NER_I(ISNAD_NER_PER);
		i += 2;
	}
}

/* A place name alone in quotes is a body named after it: a paper
 * («« الشرق الأوسط »», «"الرياض"»), a club, a channel. */
static void quoted_place(const struct ner_unit *u, size_t n, uint8_t *tags)
{
	for (size_t i = 1; i + 1 < n; i++) {
		size_t j = i;
		/* «في مدينة "برلين"» is the city */
		if (tags[i] != ISNAD_NER_B(ISNAD_NER_LOC) ||
		    !(u[i - 1].kind & NER_K_OPENQ) ||
		    (i >= 2 && (u[i - 2].kind & NER_K_PLACE)))
			continue;
		while (j + 1 < n && tags[j + 1] == ISNAD_NER_I(ISNAD_NER_LOC))
			j++;
		if (j + 1 >= n || !(u[j + 1].kind & NER_K_CLOSEQ))
			continue;
		tags[i] = ISNAD_NER_B(ISNAD_NER_ORG);
		for (size_t k = i + 1; k <= j; k++)
			tags[k] = ISNAD_NER_I(ISNAD_NER_ORG);
		i = j;
	}
}

/* In a sentence of sport (two words of a match or more), the word after
 * «فريق» or «نادي» is a club: «حقق فريق العربي بداية جيدة» (not «فريق
 * العمل» elsewhere); a club named after its city too («فريق بورتو»). */
#define SPORT_WORDS_MIN 2
#define SPORT_SPAN 30
static int sport_near(const struct ner_unit *u, size_t n, size_t i)
{
	const uint64_t fi = isnad__ner_hash(H0, "\xd9\x81\xd9\x8a", 4);
	size_t sport = 0;
	for (size_t k = i > SPORT_SPAN ? i - SPORT_SPAN : 0;
	     k < n && k <= i + SPORT_SPAN; k++)
		sport += (u[k].kind & NER_K_SPORT) ||
		         ((u[k].kind & NER_K_SPORT_DEF) &&
		          ((u[k].shape >> 10 & 1) ||
		           /* «دوري أبطال آسيا», not «دوري في» */
		           (k + 1 < n && u[k + 1].base != fi)));
	return sport >= SPORT_WORDS_MIN;
}

static void club_after_kind(struct ner_unit *u, size_t n, uint8_t *tags)
{
	for (size_t i = 0; i + 1 < n; i++) {
		size_t j = i + 1;
		/* the kind noun in construct («فريق العربي», «لفريق»), not
		 * «الفريق على …» nor «فريقه الإسباني»; the name definite or
		 * a city's */
		if (!(u[i].kind & NER_K_CLUB) || (u[i].shape >> 10 & 1) ||
		    (u[i].shape >> 9 & 1) ||
		    (u[j].shape & 15) != ISNAD_TOK_ARABIC ||
		    !((u[j].shape >> 10 & 1) || (u[j].kind & NER_K_DEF) ||
		      tags[j] == ISNAD_NER_B(ISNAD_NER_LOC)) ||
		    (u[j].kind &
		     (NER_K_SPORT | NER_K_CLUB | NER_K_TITLE | NER_K_FUNC)) ||
		    !(tags[j] == ISNAD_NER_O ||
		      tags[j] == ISNAD_NER_B(ISNAD_NER_LOC)) ||
		    (j + 1 < n && tags[j + 1] != ISNAD_NER_O &&
		     !ISNAD_NER_TAG_IS_B(tags[j + 1])))
			continue;
		/* words of a match around it, not in the whole text */
		if (sport_near(u, n, i)) {
			tags[j] = ISNAD_NER_B(ISNAD_NER_ORG);
			u[j].sure = 1;
		}
	}
}

static int is_punct(const struct ner_unit *u, const char *c)
{
	return (u->shape & 15) == ISNAD_TOK_PUNCT &&
	       u->base == isnad__ner_hash(H0, c, strlen(c));
}

static int score_digit(const struct ner_unit *u)
{
	/* صفر */
	return (u->shape & 15) == ISNAD_TOK_NUMBER ||
	       u->base == isnad__ner_hash(H0, "\xd8\xb5\xd9\x81\xd8\xb1", 6);
}

/* A match's result near word i: a score («صفر - 2», «1 - 1»), or a word
 * of one (فوز، تغلب، خسارة and the words of sport_near) besides the
 * club's own mark. */
static int result_near(const struct ner_unit *u, size_t n, size_t i)
{
	size_t words = 0;
	for (size_t k = i > SPORT_SPAN ? i - SPORT_SPAN : 0;
	     k < n && k <= i + SPORT_SPAN; k++) {
		if (k > 0 && k + 1 < n && is_punct(&u[k], "-") &&
		    score_digit(&u[k - 1]) && score_digit(&u[k + 1]))
			return 1;
		words += (u[k].kind & (NER_K_RESULT | NER_K_SPORT)) != 0;
	}
	return words >= 1 || sport_near(u, n, i);
}

/*
 * In a sentence of a match, a city or a name the tagger took for a person
 * is a club where a club's marks stand around it: a masculine nisba
 * («ليون الفرنسي»; the city is «الفرنسية»), its country in brackets in a
 * table of results («ليون ( فرنسا )»), or host, guest or rival before it
 * («أمام مضيفه ليون»).
 */
static void club_context(struct ner_unit *u, size_t n, uint8_t *tags)
{
	for (size_t i = 0; i < n; i++) {
		unsigned ty = ISNAD_NER_TAG_TYPE(tags[i]);
		int club, after;
		/* a word the tagger left out that the gazetteer knows as a
		 * place or a body, bare: «ليل ( فرنسا )» */
		int bare = tags[i] == ISNAD_NER_O && !u[i].pre && !u[i].enc &&
		           !u[i].kind &&
		           (u[i].shape & 15) == ISNAD_TOK_ARABIC &&
		           (u[i].gaz & (NER_G_LOC_WHOLE | NER_G_ORG_WHOLE)) &&
		           (u[i].shape >> 4 & 15) >= 2;
		/* a person only if the name is a place's too (ليون), not
		 * «الفرعون المصري»; a city after «مدينة» stays one */
		if ((!bare &&
		     (!ISNAD_NER_TAG_IS_B(tags[i]) ||
		      (ty != ISNAD_NER_LOC &&
		       (ty != ISNAD_NER_PER ||
		        !(u[i].gaz & (NER_G_LOC_WHOLE | NER_G_LOC_PART)))))) ||
		    (i + 1 < n && tags[i + 1] == ISNAD_NER_I(ty)) ||
		    (i > 0 && (u[i - 1].kind & NER_K_PLACE)) ||
		    (i > 1 && (u[i - 2].kind & NER_K_PLACE)))
			continue;
		/* a bare word before a nisba may be a noun: «كانون الثاني»,
		 * «أراد الدوري» */
		after = (!bare && i + 1 < n && (u[i + 1].kind & NER_K_NISBA) &&
		         tags[i + 1] == ISNAD_NER_O) ||
		        (i + 3 < n && is_punct(&u[i + 1], "(") &&
		         tags[i + 2] == ISNAD_NER_B(ISNAD_NER_LOC) &&
		         is_punct(&u[i + 3], ")"));
		club = after ||
		       /* after host or guest, a name with no article: «ضيفه
		        * البوروندي» is a country's team, a place in ANERcorp */
		       (!bare && i > 0 && (u[i - 1].kind & NER_K_HOST) &&
		        !(u[i].shape >> 10 & 1));
		if (club && result_near(u, n, i)) {
			tags[i] = ISNAD_NER_B(ISNAD_NER_ORG);
			u[i].sure = 1;
		}
	}
}

/*
 * A short name in brackets after the long name of a body is its acronym or
 * its short name: «قوات المساعدة على إرساء الأمن ( إيساف )».  A word the
 * news uses little, within a few words of the body's noun with no mark
 * between; a pattern's name, so its bare repetitions follow.
 */
/* An adjective or adverb of the nisba form (صيدلي، اللويحي، قسريا) is a
 * gloss, not a name. */
static int nisba_like(const struct ner_unit *u)
{
	static uint64_t ya, yaa;
	if (!ya) {
		ya = isnad__ner_hash(H0 ^ 7, "\xd9\x8a", 2);
		yaa = isnad__ner_hash(H0 ^ 7, "\xd9\x8a\xd8\xa7", 4);
	}
	return u->sfx[0] == ya || u->sfx[1] == yaa;
}

#define ACRONYM_REACH 8
#define ACRONYM_FQ_MAX 6
static void bracket_acronym(struct ner_unit *u, size_t n, uint8_t *tags)
{
	for (size_t i = 1; i + 2 < n; i++) {
		size_t k = i;
		if (!is_punct(&u[i], "(") || !is_punct(&u[i + 2], ")") ||
		    tags[i + 1] != ISNAD_NER_O ||
		    (u[i + 1].shape & 15) != ISNAD_TOK_ARABIC ||
		    (u[i + 1].shape >> 4 & 15) < 2 ||
		    u[i + 1].fq > ACRONYM_FQ_MAX || u[i + 1].pre ||
		    (u[i + 1].shape >> 11 & 1) || nisba_like(&u[i + 1]))
			continue;
		while (k > 0 && i - k < ACRONYM_REACH &&
		       (u[k - 1].shape & 15) != ISNAD_TOK_PUNCT &&
		       !(u[k - 1].kind & NER_K_BODY))
			k--;
		if (k == 0 || !(u[k - 1].kind & NER_K_BODY))
			continue;
		tags[i + 1] = ISNAD_NER_B(ISNAD_NER_ORG);
		u[i + 1].sure = 1;
	}
}

static isnad_status decode(struct isnad_ner_tagger *t, size_t n,
                           uint8_t *tags_out)
{
	isnad_status st;
	size_t cap = t->ecap, cap2 = t->ecap;
	if (n > SIZE_MAX / ISNAD_NER_NTAGS / sizeof(float))
		return ISNAD_ETOOBIG;
	if ((st = grow((void **)&t->em, &cap, n * ISNAD_NER_NTAGS,
	               sizeof(float))) ||
	    (st = grow((void **)&t->bp, &cap2, n * ISNAD_NER_NTAGS, 1)))
		return st;
	t->ecap = cap < cap2 ? cap : cap2;
	emissions(t->m, t->u, n, t->em);
	isnad__ner_viterbi(t->em, n, t->m->start, t->m->trans, NULL, t->bp,
	                   tags_out);
	split_persons(t->u, n, tags_out);
	patterns(t->u, n, tags_out);
	titled_given(t->u, n, tags_out);
	name_before_office(t->u, n, tags_out);
	quoted_place(t->u, n, tags_out);
	club_after_kind(t->u, n, tags_out);
	club_context(t->u, n, tags_out);
	bracket_acronym(t->u, n, tags_out);
	return ISNAD_OK;
}

isnad_status isnad_ner_tag_words(struct isnad_ner_tagger *t,
                                 const char *const *words, const size_t *lens,
                                 size_t n, uint8_t *tags_out)
{
	struct ner_unit *u;
	isnad_status st;
	if (!t || (n && (!words || !lens || !tags_out)))
		return ISNAD_EINVAL;
	if (!n)
		return ISNAD_OK;
	st = isnad__ner_words_units(t, words, lens, n, &u);
	if (st)
		return st;
	return decode(t, n, tags_out);
}

/* ---- names repeated in a text -------------------------------------------- */

struct ner_ent {
	uint64_t first; /* base hash of its first word */
	size_t at;      /* word index */
	uint32_t len;   /* in words */
	uint8_t type;
};

static int by_first(const void *a, const void *b)
{
	const struct ner_ent *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/*
 * A name tagged in one place is given to its other occurrences (same
 * sequence of word bases) that were left untagged, within window words;
 * the type is the one most often given to that sequence there.  One-word
 * names need three letters or more (WORD_OK) and, to be given to another
 * word, the same article (WORD_ART): the base drops ال and folds ى, so
 * the family name العلي and the preposition على share one.
 */
#define WORD_OK 1u
#define WORD_ART 2u
#define WORD_WEAK 4u
#define WORD_SURE 8u
/* A name typed by a pattern (ner_unit.sure) counts as this many of the
 * tagger's: «ليون الفرنسي» makes the other ليون of a report clubs. */
#define SURE_VOTES 3
/* Votes come from at most NEAR occurrences on each side: a name used
 * thousands of times in one text costs linear time, not quadratic. */
#define NEAR 32

/* Nouns that say what kind of body a name is and are left out when it
 * is named again (search-normalised). */
static int kind_noun(uint64_t base)
{
	static const char *const kinds[] = {"منظمه", "حركه", "حزب", "تنظيم",
	                                    "جماعه", "جبهه", "شركه"};
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(kinds); i++)
		if (base == isnad__ner_hash(H0, kinds[i], strlen(kinds[i])))
			return 1;
	return 0;
}

static isnad_status propagate(const uint64_t *base, const uint8_t *ok1,
                              uint8_t *tags, size_t n, size_t window)
{
	struct ner_ent *e;
	size_t ne = 0;
	if (!window || !n)
		return ISNAD_OK;
	e = isnad_malloc(2 * n * sizeof *e);
	if (!e)
		return ISNAD_ENOMEM;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		unsigned ty;
		if (!tags[i]) {
			i++;
			continue;
		}
		ty = ISNAD_NER_TAG_TYPE(tags[i]);
		while (j < n && tags[j] == ISNAD_NER_I(ty))
			j++;
		/* a word after a preposition and the article («للخوف»,
		 * «بالمزاد») that the gazetteer knows as no name of its
		 * own is the tagger's guess: it names no other word */
		if (j - i <= NER_SPAN_MAX &&
		    (j - i > 1 ||
		     ((ok1[i] & WORD_OK) && !(ok1[i] & WORD_WEAK)))) {
			e[ne].first = base[i];
			e[ne].at = i;
			e[ne].len = (uint32_t)(j - i);
			e[ne].type = (uint8_t)ty;
			ne++;
		}
		/* A body's name after its kind, alone, names the same
		 * body: «الصحة العالمية» after «منظمة الصحة العالمية».  Two
		 * words at least: «حزب الله» does not make every الله a
		 * party. */
		if (ty == ISNAD_NER_ORG && j - i >= 3 && kind_noun(base[i])) {
			e[ne].first = base[i + 1];
			e[ne].at = i + 1;
			e[ne].len = (uint32_t)(j - i - 1);
			e[ne].type = (uint8_t)ty;
			ne++;
		}
		/* A person's family name, alone, names the same person. */
		if (ty == ISNAD_NER_PER && j - i >= 2 &&
		    (ok1[j - 1] & WORD_OK)) {
			e[ne].first = base[j - 1];
			e[ne].at = j - 1;
			e[ne].len = 1;
			e[ne].type = (uint8_t)ty;
			ne++;
		}
		i = j;
	}
	qsort(e, ne, sizeof *e, by_first);
	/* One name, one type within the window: an occurrence typed against
	 * the majority of its identical neighbours takes theirs. */
	for (size_t k = 0; k < ne;) {
		size_t g = k;
		while (g < ne && e[g].first == e[k].first)
			g++;
		int sure = 0;
		for (size_t a = k; a < g; a++)
			sure |= ok1[e[a].at] & WORD_SURE;
		/* three of a name at least, or a pattern's among them */
		for (size_t a = k; a < g && (g - k > 2 || (sure && g - k > 1));
		     a++) {
			unsigned votes[ISNAD_NER__COUNT] = {0}, ty = e[a].type;
			size_t b0 = a - k > NEAR ? a - NEAR : k;
			size_t b1 = g - a > NEAR ? a + NEAR : g;
			for (size_t b = b0; b < b1; b++) {
				size_t d = e[a].at > e[b].at
				               ? e[a].at - e[b].at
				               : e[b].at - e[a].at;
				int same = e[a].len == e[b].len && d <= window;
				for (size_t q = 1; q < e[a].len && same; q++)
					same = base[e[a].at + q] ==
					       base[e[b].at + q];
				if (same)
					votes[e[b].type] +=
					    ok1[e[b].at] & WORD_SURE
					        ? SURE_VOTES
					        : 1;
			}
			for (unsigned t = 0; t < ISNAD_NER__COUNT; t++)
				if (votes[t] > votes[ty])
					ty = t;
			if (ty != e[a].type && !(ok1[e[a].at] & WORD_SURE) &&
			    2 * votes[ty] > votes[e[a].type] + votes[ty] &&
			    ISNAD_NER_TAG_TYPE(tags[e[a].at]) == e[a].type &&
			    (tags[e[a].at] & 1)) {
				tags[e[a].at] = ISNAD_NER_B(ty);
				for (size_t q = 1; q < e[a].len; q++)
					tags[e[a].at + q] = ISNAD_NER_I(ty);
			}
		}
		k = g;
	}
	for (size_t i = 0; i < n;) {
		size_t lo = 0, hi = ne, best = 0;
		unsigned votes[ISNAD_NER__COUNT] = {0}, ty = 0;
		if (tags[i]) {
			i++;
			continue;
		}
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (e[mid].first < base[i] ||
			    (e[mid].first == base[i] && e[mid].at < i))
				lo = mid + 1;
			else
				hi = mid;
		}
		/* the nearest occurrences on either side, at most NEAR each */
		hi = lo;
		for (size_t q = 0;
		     q < NEAR && lo > 0 && e[lo - 1].first == base[i]; q++)
			lo--;
		for (size_t q = 0;
		     q < NEAR && hi < ne && e[hi].first == base[i]; q++)
			hi++;
		for (size_t k = lo; k < hi; k++) {
			size_t L = e[k].len, d;
			int same = 1;
			d = e[k].at > i ? e[k].at - i : i - e[k].at;
			if (d > window || L < best || i + L > n)
				continue;
			if (L == 1 && (ok1[i] ^ ok1[e[k].at]) & WORD_ART)
				continue;
			for (size_t q = 0; q < L && same; q++)
				same = base[i + q] == base[e[k].at + q] &&
				       tags[i + q] == ISNAD_NER_O;
			if (!same)
				continue;
			if (L > best) {
				memset(votes, 0, sizeof votes);
				best = L;
			}
			votes[e[k].type] +=
			    ok1[e[k].at] & WORD_SURE ? SURE_VOTES : 1;
		}
		if (!best) {
			i++;
			continue;
		}
		for (unsigned t = 1; t < ISNAD_NER__COUNT; t++)
			if (votes[t] > votes[ty])
				ty = t;
		/* A family name right after a person's name continues it. */
		tags[i] =
		    ty == ISNAD_NER_PER && best == 1 && i > 0 && tags[i - 1] &&
		            ISNAD_NER_TAG_TYPE(tags[i - 1]) == ISNAD_NER_PER
		        ? ISNAD_NER_I(ty)
		        : ISNAD_NER_B(ty);
		for (size_t q = 1; q < best; q++)
			tags[i + q] = ISNAD_NER_I(ty);
		i += best;
	}
	isnad_free(e);
	return ISNAD_OK;
}

/* The proclitic chains of a preposition and the article: «للخوف»,
 * «بالمزاد», «وللعهد» (hashes as in ner_unit.pre, made once). */
static uint64_t prep_art[9];
static pthread_once_t prep_art_once = PTHREAD_ONCE_INIT;

static void prep_art_init(void)
{
	static const char *const conj[] = {"", "و", "ف"};
	static const char *const prep[] = {"ل", "ب", "ك"};
	for (size_t a = 0; a < 3; a++)
		for (size_t b = 0; b < 3; b++) {
			uint64_t h = H0;
			if (*conj[a]) {
				h = isnad__ner_hash(h, conj[a],
				                    strlen(conj[a]));
				h = isnad__ner_hash(h, "|", 1);
			}
			h = isnad__ner_hash(h, prep[b], strlen(prep[b]));
			h = isnad__ner_hash(h, "|", 1);
			h = isnad__ner_hash(h, "ال", strlen("ال"));
			prep_art[a * 3 + b] = isnad__ner_hash(h, "|", 1);
		}
}

static int prep_article(uint64_t pre)
{
	pthread_once(&prep_art_once, prep_art_init);
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(prep_art); k++)
		if (prep_art[k] == pre)
			return 1;
	return 0;
}

static uint8_t word_flags(const struct ner_unit *u)
{
	/* three letters or more (shape bits 4..7: the length class); bit 10
	 * is the article */
	return (
	    uint8_t)((((u->shape >> 4) & 15) >= 2 ? WORD_OK : 0) |
	             (u->shape >> 10 & 1 ? WORD_ART : 0) |
	             (u->pre && prep_article(u->pre) &&
	                      !(u->gaz & (NER_G_LOC_WHOLE | NER_G_ORG_WHOLE |
	                                  NER_G_PER_WHOLE))
	                  ? WORD_WEAK
	                  : 0) |
	             (u->sure ? WORD_SURE : 0));
}

isnad_status isnad_ner_tag_text_words(struct isnad_ner_tagger *t,
                                      const char *const *words,
                                      const size_t *lens, const size_t *sent,
                                      size_t n_sent, size_t window,
                                      uint8_t *tags_out)
{
	size_t n;
	uint64_t *base = NULL;
	uint8_t *ok1 = NULL;
	isnad_status st = ISNAD_OK;
	if (!t || !sent || sent[0] ||
	    (n_sent && (!words || !lens || !tags_out)))
		return ISNAD_EINVAL;
	n = sent[n_sent];
	for (size_t s = 0; s < n_sent; s++)
		if (sent[s + 1] < sent[s])
			return ISNAD_EINVAL;
	if (window) {
		base = isnad_malloc((n + 1) * sizeof *base);
		ok1 = isnad_malloc(n + 1);
		if (!base || !ok1) {
			st = ISNAD_ENOMEM;
			goto out;
		}
	}
	for (size_t s = 0; s < n_sent && !st; s++) {
		size_t a = sent[s], m = sent[s + 1] - a;
		struct ner_unit *u;
		if (sent[s + 1] < a || sent[s + 1] > n) {
			st = ISNAD_EINVAL;
			break;
		}
		if (!m)
			continue;
		if ((st =
		         isnad__ner_words_units(t, words + a, lens + a, m, &u)))
			break;
		if ((st = decode(t, m, tags_out + a)))
			break;
		/* after decoding: its patterns mark the names they made */
		if (window)
			for (size_t i = 0; i < m; i++) {
				base[a + i] = u[i].base;
				ok1[a + i] = word_flags(&u[i]);
			}
	}
	if (!st)
		st = propagate(base, ok1, tags_out, n, window);
out:
	isnad_free(base);
	isnad_free(ok1);
	return st;
}

/* Words: tokens of one white-space word, punctuation on its own. */
static isnad_status group_units(struct isnad_ner_tagger *t,
                                const struct isnad_tokens *toks, size_t *n_out)
{
	const struct isnad_token *v = toks->v;
	size_t n = 0, i = 0;
	isnad_status st;
	*n_out = 0;
	while (i < toks->n) {
		size_t j = i + 1;
		if (v[i].type != ISNAD_TOK_PUNCT)
			while (j < toks->n && v[j].word == v[i].word &&
			       v[j].type != ISNAD_TOK_PUNCT)
				j++;
		if ((st = grow((void **)&t->u, &t->ucap, n + 1, sizeof *t->u)))
			return st;
		isnad__ner_analyse(t->m, v, i, j, NULL, 0, &t->u[n]);
		n++;
		i = j;
	}
	if (n)
		isnad__ner_spans(t->m, t->u, n);
	*n_out = n;
	return ISNAD_OK;
}

isnad_status isnad__ner_text_units(struct isnad_ner_tagger *t, const char *s,
                                   size_t len, struct ner_unit **units_out,
                                   size_t *n_out)
{
	isnad_status st;
	t->toks.n = 0;
	*units_out = NULL;
	*n_out = 0;
	if ((st = isnad_tokenize(t->tk, s, len, &t->toks)))
		return st;
	if ((st = group_units(t, &t->toks, n_out)))
		return st;
	*units_out = t->u;
	return ISNAD_OK;
}

static isnad_status tokens_propagate(struct isnad_ner_tagger *t, size_t n,
                                     uint8_t *tags)
{
	uint64_t *base = isnad_malloc((n + 1) * sizeof *base);
	uint8_t *ok1 = isnad_malloc(n + 1);
	isnad_status st = ISNAD_ENOMEM;
	if (base && ok1) {
		for (size_t i = 0; i < n; i++) {
			base[i] = t->u[i].base;
			ok1[i] = word_flags(&t->u[i]);
		}
		st = propagate(base, ok1, tags, n, SIZE_MAX);
	}
	isnad_free(base);
	isnad_free(ok1);
	return st;
}

/* A name that starts with a letter the tokenizer took for a clitic (و ف ب
 * ل ك) keeps it when the whole word is a word of a name elsewhere in the
 * text: «ستيوارت فيفرز … ما يقدمه فيفرز» is فيفرز both times, not يفرز. */
/* Hash of the written word of unit u, its proclitics too but no
 * enclitic. */
static uint32_t whole_word(const struct isnad_token *v,
                           const struct ner_unit *u)
{
	size_t k, e;
	uint64_t h = H0;
	base_range(v, u->first, u->last, &k, &e);
	for (size_t j = u->first; j < e; j++)
		h = isnad__ner_hash(h, v[j].norm, v[j].norm_len);
	return (uint32_t)h;
}

#define OWN_MAX 64 /* candidates looked at per text */

static isnad_status own_letters(struct isnad_ner_tagger *t,
                                const struct isnad_token *v, size_t n,
                                const uint8_t *tags)
{
	size_t cand[OWN_MAX], nc = 0;
	uint32_t whole[OWN_MAX];
	uint8_t inner[OWN_MAX] = {0}, bare[OWN_MAX] = {0};
	for (size_t i = 0; i < n && nc < OWN_MAX; i++) {
		const struct ner_unit *u = &t->u[i];
		size_t k, e;
		if (tags[i] == ISNAD_NER_O || !(tags[i] & 1) ||
		    u->start_tok == u->first || u->lead)
			continue;
		base_range(v, u->first, u->last, &k, &e);
		if (u->start_tok != k)
			continue; /* an article: the name starts there */
		whole[nc] = whole_word(v, u);
		cand[nc++] = i;
	}
	for (size_t j = 0; j < n && nc; j++) {
		const struct ner_unit *u = &t->u[j];
		int in = tags[j] != ISNAD_NER_O &&
		         (!(tags[j] & 1) || u->start_tok == u->first);
		int no_pro = v[u->first].type != ISNAD_TOK_PROCLITIC;
		/* with no proclitic the written word hashes as the base */
		uint32_t w = !in      ? 0
		             : no_pro ? (uint32_t)u->base
		                      : whole_word(v, u);
		for (size_t c = 0; c < nc; c++) {
			if (in && w == whole[c])
				inner[c] = 1;
			/* the base alone as a word: the letter is a clitic */
			if (no_pro && u->base == t->u[cand[c]].base)
				bare[c] = 1;
		}
	}
	for (size_t c = 0; c < nc; c++)
		if (inner[c] && !bare[c])
			t->u[cand[c]].start_tok = t->u[cand[c]].first;
	return ISNAD_OK;
}

isnad_status isnad_ner_tag_tokens(struct isnad_ner_tagger *t,
                                  const struct isnad_tokens *toks,
                                  const struct isnad_ner_mention **mentions_out,
                                  size_t *n_out)
{
	const struct isnad_token *v;
	size_t n = 0;
	isnad_status st;
	*mentions_out = NULL;
	*n_out = 0;
	if (!t || !toks)
		return ISNAD_EINVAL;
	t->nment = 0;
	v = toks->v;
	if ((st = group_units(t, toks, &n)))
		return st;
	if (!n)
		return ISNAD_OK;
	{
		size_t c = 0;
		uint8_t *tg = isnad_malloc(n);
		if (!tg)
			return ISNAD_ENOMEM;
		isnad_free(t->tags);
		t->tags = tg;
		if ((st = decode(t, n, tg)))
			return st;
		if ((st = tokens_propagate(t, n, tg)))
			return st;
		if ((st = own_letters(t, v, n, tg)))
			return st;
		for (size_t a = 0; a < n;) {
			unsigned tag = tg[a], ty;
			size_t b = a + 1;
			if (tag == ISNAD_NER_O) {
				a++;
				continue;
			}
			ty = ISNAD_NER_TAG_TYPE(tag);
			while (b < n && tg[b] == ISNAD_NER_I(ty))
				b++;
			if ((st = grow((void **)&t->ment, &t->mcap, c + 1,
			               sizeof *t->ment)))
				return st;
			t->ment[c].start =
			    v[t->u[a].start_tok].start + t->u[a].lead;
			t->ment[c].end = v[t->u[b - 1].last - 1].end;
			t->ment[c].first = t->u[a].start_tok;
			t->ment[c].last = t->u[b - 1].last;
			t->ment[c].type = (uint8_t)ty;
			c++;
			a = b;
		}
		t->nment = c;
	}
	*mentions_out = t->ment;
	*n_out = t->nment;
	return ISNAD_OK;
}

/* ---- the model file ---------------------------------------------------- */

#define NER_MAGIC "ISNADNER"
#define NER_HEADER 40 /* magic, version, ntags, counts, span_max, scale */

static void set_err(char *errbuf, size_t errlen, const char *msg, size_t a,
                    size_t b)
{
	if (errbuf && errlen)
		snprintf(errbuf, errlen, msg, a, b);
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static float rdf(const unsigned char *p)
{
	uint32_t u = rd32(p);
	float f;
	memcpy(&f, &u, 4);
	return f;
}

uint64_t isnad__ner_checksum(const void *data, size_t len)
{
	return isnad__mix64(isnad__ner_hash(H0 ^ 0x51, data, len));
}

void isnad_ner_model_free(struct isnad_ner_model *m)
{
	if (!m)
		return;
	isnad__ktab_release(&m->feat);
	isnad__ktab_release(&m->gtok);
	isnad__ktab_release(&m->gspan);
	isnad__ktab_release(&m->clus);
	isnad_free(m->w);
	isnad_free(m);
}

size_t isnad_ner_model_features(const struct isnad_ner_model *m)
{
	return m ? m->feat.n : 0;
}

size_t isnad_ner_model_gazetteer(const struct isnad_ner_model *m)
{
	return m ? m->gtok.n + m->gspan.n : 0;
}

size_t isnad_ner_model_clusters(const struct isnad_ner_model *m)
{
	return m ? m->clus.n : 0;
}

/* The gazetteer bits of the written word made of tokens [a, b) of tv. */
static unsigned word_gaz(const struct isnad_ner_model *m,
                         const struct isnad_token *tv, size_t a, size_t b)
{
	struct ner_unit u;
	if (!m || a >= b)
		return 0;
	isnad__ner_analyse(m, tv, a, b, NULL, 0, &u);
	return u.gaz;
}

unsigned isnad_ner_person_word(const struct isnad_ner_model *m,
                               const struct isnad_token *tv, size_t a, size_t b)
{
	unsigned g = word_gaz(m, tv, a, b);
	return (g & (NER_G_PER_FIRST | NER_G_PER_WHOLE) ? ISNAD_NER_GIVEN : 0) |
	       (g & NER_G_PER_OTHER ? ISNAD_NER_FAMILY : 0);
}

unsigned isnad_ner_whole_name(const struct isnad_ner_model *m,
                              const struct isnad_token *tv, size_t a, size_t b)
{
	unsigned g = word_gaz(m, tv, a, b);
	return (g & NER_G_PER_WHOLE ? 1u << ISNAD_NER_PER : 0) |
	       (g & NER_G_ORG_WHOLE ? 1u << ISNAD_NER_ORG : 0) |
	       (g & NER_G_LOC_WHOLE ? 1u << ISNAD_NER_LOC : 0);
}

/* A nisba of a place (gazetteer bits `bits`); masculine only: a club is
 * «ليون الفرنسي», the city «ليون الفرنسية». */
static int nisba_of(const struct isnad_ner_model *m, const char *host,
                    size_t len, int masc, unsigned bits)
{
	/* the place is the stem, or the stem with the ending the nisba
	 * drops: ا (أمريكا), يا (تركيا), or the word itself (السعودية) */
	static const char *const tails[] = {"", "\xd8\xa7", "\xd9\x8a\xd8\xa7",
	                                    "\xd9\x8a\xd9\x87"};
	char buf[96];
	size_t stem;
	if (!m || !host || len < 6 || len > sizeof buf - 4)
		return 0;
	if (!memcmp(host + len - 4, "\xd9\x8a\xd9\x87", 4)) /* يه */
		stem = masc ? 0 : len - 4;
	else if (!memcmp(host + len - 2, "\xd9\x8a", 2)) /* ي */
		stem = len - 2;
	else
		return 0;
	if (!stem)
		return 0;
	memcpy(buf, host, stem);
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(tails); i++) {
		size_t n = strlen(tails[i]);
		uint32_t g;
		memcpy(buf + stem, tails[i], n);
		g = isnad__ktab_find(
		    &m->gtok, (uint32_t)isnad__ner_hash(H0, buf, stem + n) | 1);
		if (g != NER_NONE && (g & bits))
			return 1;
	}
	/* the one nisba that drops more: إنجليزي، إنكليزي ← إنجلترا */
	if (stem > 4 && stem + 4 <= sizeof buf &&
	    !memcmp(buf + stem - 4, "\xd9\x8a\xd8\xb2", 4)) {
		uint32_t g;
		memcpy(buf + stem - 4, "\xd8\xaa\xd8\xb1\xd8\xa7", 6);
		g = isnad__ktab_find(
		    &m->gtok, (uint32_t)isnad__ner_hash(H0, buf, stem + 2) | 1);
		if (g != NER_NONE && (g & bits))
			return 1;
	}
	return 0;
}

int isnad_ner_place_nisba(const struct isnad_ner_model *m, const char *host,
                          size_t len)
{
	return nisba_of(m, host, len, 0, NER_G_LOC_WHOLE | NER_G_LOC_PART);
}

static isnad_status parse_body(const unsigned char *p, size_t len,
                               struct isnad_ner_model *m, char *errbuf,
                               size_t errlen)
{
	size_t o = NER_HEADER, nfeat, ngtok, ngspan, nclus;
	float scale;
	uint32_t *slot;
	isnad_status st;
	nfeat = rd32(p + 16);
	ngtok = rd32(p + 20);
	ngspan = rd32(p + 24);
	m->span_max = rd32(p + 28);
	scale = rdf(p + 32);
	nclus = rd32(p + 36);
	if (m->span_max > NER_SPAN_MAX || !(scale >= 0 && scale < 1e6f)) {
		set_err(errbuf, errlen, "bad model header (span %zu)",
		        m->span_max, 0);
		return ISNAD_EFORMAT;
	}
	/* Each record takes at least 5 bytes: bound counts by the size. */
	if (nfeat > len / 6 || ngtok > len / 5 || ngspan > len / 5 ||
	    nclus > len / 7) {
		set_err(errbuf, errlen,
		        "truncated model file (%zu bytes, counts say more)",
		        len, 0);
		return ISNAD_EFORMAT;
	}
	if (len - o < 4 * (ISNAD_NER_NTAGS + ISNAD_NER_NTAGS * ISNAD_NER_NTAGS))
		goto trunc;
	for (unsigned y = 0; y < ISNAD_NER_NTAGS; y++, o += 4)
		m->start[y] = rdf(p + o);
	for (unsigned y = 0; y < ISNAD_NER_NTAGS * ISNAD_NER_NTAGS; y++, o += 4)
		m->trans[y] = rdf(p + o);
	for (unsigned y = 0; y < ISNAD_NER_NTAGS * (ISNAD_NER_NTAGS + 1); y++)
		if (!(m->trans[y % (ISNAD_NER_NTAGS * ISNAD_NER_NTAGS)] >
		          -1e9f &&
		      m->trans[y % (ISNAD_NER_NTAGS * ISNAD_NER_NTAGS)] <
		          1e9f)) {
			set_err(errbuf, errlen, "bad transition weight", 0, 0);
			return ISNAD_EFORMAT;
		}
	m->w =
	    isnad_malloc((nfeat ? nfeat : 1) * ISNAD_NER_NTAGS * sizeof(float));
	if (!m->w)
		return ISNAD_ENOMEM;
	for (size_t i = 0; i < nfeat; i++) {
		uint32_t key;
		unsigned mask;
		float *w = m->w + i * ISNAD_NER_NTAGS;
		if (len - o < 6)
			goto trunc;
		key = rd32(p + o);
		mask = (unsigned)p[o + 4] | (unsigned)p[o + 5] << 8;
		o += 6;
		if (!key || mask >> ISNAD_NER_NTAGS) {
			set_err(errbuf, errlen, "bad feature record %zu", i, 0);
			return ISNAD_EFORMAT;
		}
		for (unsigned y = 0; y < ISNAD_NER_NTAGS; y++) {
			int16_t q = 0;
			if (mask >> y & 1) {
				uint16_t u;
				if (len - o < 2)
					goto trunc;
				u = (uint16_t)(p[o] | p[o + 1] << 8);
				memcpy(&q, &u, 2);
				o += 2;
			}
			w[y] = (float)q * scale;
		}
		if ((st =
		         isnad__ktab_upsert(&m->feat, key, (uint32_t)i, &slot)))
			return st;
		*slot = (uint32_t)i;
	}
	for (int pass = 0; pass < 2; pass++) {
		size_t cnt = pass ? ngspan : ngtok;
		struct isnad_ktab *t = pass ? &m->gspan : &m->gtok;
		for (size_t i = 0; i < cnt; i++) {
			uint32_t key;
			if (len - o < 5)
				goto trunc;
			key = rd32(p + o);
			if (!key) {
				set_err(errbuf, errlen, "bad gazetteer key %zu",
				        i, 0);
				return ISNAD_EFORMAT;
			}
			if ((st = isnad__ktab_upsert(t, key, p[o + 4], &slot)))
				return st;
			*slot = p[o + 4];
			o += 5;
		}
	}
	for (size_t i = 0; i < nclus; i++) {
		uint32_t key;
		uint32_t val;
		if (len - o < 7)
			goto trunc;
		key = rd32(p + o);
		val = p[o + 4] | (uint32_t)p[o + 5] << 8 |
		      (uint32_t)p[o + 6] << 16;
		if (!key) {
			set_err(errbuf, errlen, "bad cluster key %zu", i, 0);
			return ISNAD_EFORMAT;
		}
		if ((st = isnad__ktab_upsert(&m->clus, key, val, &slot)))
			return st;
		*slot = val;
		o += 7;
	}
	if (len - o != 8) {
		if (len - o < 8)
			goto trunc;
		set_err(errbuf, errlen, "%zu bytes of junk after the model",
		        len - o - 8, 0);
		return ISNAD_EFORMAT;
	}
	if (isnad__load64(p + o) != isnad__ner_checksum(p, o)) {
		set_err(errbuf, errlen,
		        "checksum mismatch: damaged model file (%zu bytes)",
		        len, 0);
		return ISNAD_EFORMAT;
	}
	return ISNAD_OK;
trunc:
	set_err(errbuf, errlen, "truncated model file (%zu bytes, ends at %zu)",
	        len, o);
	return ISNAD_EFORMAT;
}

isnad_status isnad_ner_model_parse(const void *data, size_t len,
                                   struct isnad_ner_model **out, char *errbuf,
                                   size_t errlen)
{
	const unsigned char *p = data;
	struct isnad_ner_model *m;
	isnad_status st;
	uint32_t ver;
	*out = NULL;
	if (errbuf && errlen)
		errbuf[0] = '\0';
	if (!data && len)
		return ISNAD_EINVAL;
	if (len < 12 || memcmp(p, NER_MAGIC, 8)) {
		if (len >= 8 && memcmp(p, NER_MAGIC, 8))
			set_err(errbuf, errlen,
			        "not an isnad NER model (bad magic)", 0, 0);
		else
			set_err(errbuf, errlen,
			        "truncated model file (%zu bytes)", len, 0);
		return ISNAD_EFORMAT;
	}
	ver = rd32(p + 8);
	if (ver != NER_VERSION) {
		set_err(errbuf, errlen,
		        "NER model version %zu, this isnad reads version %zu",
		        ver, NER_VERSION);
		return ISNAD_EVERSION;
	}
	if (len < NER_HEADER + 8) {
		set_err(errbuf, errlen, "truncated model file (%zu bytes)", len,
		        0);
		return ISNAD_EFORMAT;
	}
	if (rd32(p + 12) != ISNAD_NER_NTAGS) {
		set_err(errbuf, errlen, "model has %zu tags, expected %zu",
		        rd32(p + 12), ISNAD_NER_NTAGS);
		return ISNAD_EFORMAT;
	}
	m = isnad_calloc(1, sizeof *m);
	if (!m)
		return ISNAD_ENOMEM;
	st = parse_body(p, len, m, errbuf, errlen);
	if (st) {
		isnad_ner_model_free(m);
		return st;
	}
	*out = m;
	return ISNAD_OK;
}

isnad_status isnad_ner_model_load(const char *path,
                                  struct isnad_ner_model **out, char *errbuf,
                                  size_t errlen)
{
	FILE *f;
	char *data = NULL;
	size_t n = 0, cap = 0;
	isnad_status st;
	*out = NULL;
	if (!path)
		return ISNAD_EINVAL;
	f = fopen(path, "rb");
	if (!f) {
		if (errbuf && errlen)
			snprintf(errbuf, errlen, "cannot open '%s'", path);
		return ISNAD_EIO;
	}
	for (;;) {
		size_t r;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 1 << 20;
			char *q = isnad_realloc(data, nc);
			if (!q) {
				isnad_free(data);
				fclose(f);
				return ISNAD_ENOMEM;
			}
			data = q;
			cap = nc;
		}
		r = fread(data + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		isnad_free(data);
		fclose(f);
		if (errbuf && errlen)
			snprintf(errbuf, errlen, "cannot read '%s'", path);
		return ISNAD_EIO;
	}
	fclose(f);
	st = isnad_ner_model_parse(data, n, out, errbuf, errlen);
	isnad_free(data);
	return st;
}

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static struct isnad_ner_model *default_model;

static void parse_default(void)
{
	size_t n = (size_t)(isnad__ner_blob_end - isnad__ner_blob);
	if (isnad_ner_model_parse(isnad__ner_blob, n, &default_model, NULL, 0))
		default_model = NULL;
}

const struct isnad_ner_model *isnad_ner_default(void)
{
	pthread_once(&default_once, parse_default);
	return default_model;
}

/* ---- serialisation ----------------------------------------------------- */

struct wbuf {
	unsigned char *p;
	size_t n, cap;
	int err;
};

static void put(struct wbuf *b, const void *s, size_t n)
{
	if (b->err)
		return;
	if (grow((void **)&b->p, &b->cap, b->n + n, 1)) {
		b->err = 1;
		return;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void put32(struct wbuf *b, uint32_t v)
{
	unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8),
	                      (unsigned char)(v >> 16),
	                      (unsigned char)(v >> 24)};
	put(b, c, 4);
}

static void putf(struct wbuf *b, float f)
{
	uint32_t u;
	memcpy(&u, &f, 4);
	put32(b, u);
}

isnad_status isnad__ner_write(const struct ner_export *x, char **data_out,
                              size_t *len_out)
{
	struct wbuf b = {0};
	uint64_t sum;
	put(&b, NER_MAGIC, 8);
	put32(&b, NER_VERSION);
	put32(&b, ISNAD_NER_NTAGS);
	put32(&b, (uint32_t)x->nfeat);
	put32(&b, (uint32_t)x->ngtok);
	put32(&b, (uint32_t)x->ngspan);
	put32(&b, x->span_max);
	putf(&b, x->scale);
	put32(&b, (uint32_t)x->nclus);
	for (unsigned y = 0; y < ISNAD_NER_NTAGS; y++)
		putf(&b, x->start[y]);
	for (unsigned y = 0; y < ISNAD_NER_NTAGS * ISNAD_NER_NTAGS; y++)
		putf(&b, x->trans[y]);
	for (size_t i = 0; i < x->nfeat; i++) {
		const int16_t *q = x->q + i * ISNAD_NER_NTAGS;
		unsigned mask = 0;
		unsigned char mb[2];
		for (unsigned y = 0; y < ISNAD_NER_NTAGS; y++)
			if (q[y])
				mask |= 1u << y;
		put32(&b, x->fkey[i]);
		mb[0] = (unsigned char)mask;
		mb[1] = (unsigned char)(mask >> 8);
		put(&b, mb, 2);
		for (unsigned y = 0; y < ISNAD_NER_NTAGS; y++)
			if (q[y]) {
				uint16_t u;
				unsigned char c[2];
				memcpy(&u, &q[y], 2);
				c[0] = (unsigned char)u;
				c[1] = (unsigned char)(u >> 8);
				put(&b, c, 2);
			}
	}
	for (size_t i = 0; i < x->ngtok; i++) {
		put32(&b, x->gkey[i]);
		put(&b, &x->gval[i], 1);
	}
	for (size_t i = 0; i < x->ngspan; i++) {
		put32(&b, x->skey[i]);
		put(&b, &x->sval[i], 1);
	}
	for (size_t i = 0; i < x->nclus; i++) {
		unsigned char c[3] = {(unsigned char)x->cval[i],
		                      (unsigned char)(x->cval[i] >> 8),
		                      (unsigned char)(x->cval[i] >> 16)};
		put32(&b, x->ckey[i]);
		put(&b, c, 3);
	}
	if (b.err) {
		isnad_free(b.p);
		*data_out = NULL;
		return ISNAD_ENOMEM;
	}
	sum = isnad__ner_checksum(b.p, b.n);
	put(&b, &sum, 8);
	if (b.err) {
		isnad_free(b.p);
		*data_out = NULL;
		return ISNAD_ENOMEM;
	}
	*data_out = (char *)b.p;
	*len_out = b.n;
	return ISNAD_OK;
}

struct kv {
	uint32_t key, val;
};

static int by_key(const void *a, const void *b)
{
	const struct kv *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

static struct kv *sorted_pairs(const struct isnad_ktab *t)
{
	struct kv *v = isnad_malloc((t->n + 1) * sizeof *v);
	size_t j = 0;
	if (!v)
		return NULL;
	for (uint32_t s = 0; s < t->cap; s++)
		if (t->key[s]) {
			v[j].key = t->key[s];
			v[j++].val = t->val[s];
		}
	qsort(v, j, sizeof *v, by_key);
	return v;
}

isnad_status isnad_ner_model_serialize(const struct isnad_ner_model *m,
                                       char **data_out, size_t *len_out)
{
	struct ner_export x;
	struct kv *kv = NULL, *gv = NULL, *sv = NULL, *cv = NULL;
	isnad_status st;
	float mx = 0;
	size_t nf = m ? m->feat.n : 0, j;
	*data_out = NULL;
	*len_out = 0;
	if (!m)
		return ISNAD_EINVAL;
	memset(&x, 0, sizeof x);
	memcpy(x.start, m->start, sizeof x.start);
	memcpy(x.trans, m->trans, sizeof x.trans);
	x.span_max = m->span_max;
	for (size_t i = 0; i < nf * ISNAD_NER_NTAGS; i++) {
		float a = m->w[i] < 0 ? -m->w[i] : m->w[i];
		if (a > mx)
			mx = a;
	}
	x.scale = mx > 0 ? mx / 32767.0f : 1.0f;
	x.fkey = isnad_malloc((nf + 1) * sizeof *x.fkey);
	x.q = isnad_malloc((nf + 1) * ISNAD_NER_NTAGS * sizeof *x.q);
	x.gkey = isnad_malloc((m->gtok.n + 1) * sizeof *x.gkey);
	x.gval = isnad_malloc(m->gtok.n + 1);
	x.skey = isnad_malloc((m->gspan.n + 1) * sizeof *x.skey);
	x.sval = isnad_malloc(m->gspan.n + 1);
	x.ckey = isnad_malloc((m->clus.n + 1) * sizeof *x.ckey);
	x.cval = isnad_malloc((m->clus.n + 1) * sizeof *x.cval);
	st = ISNAD_ENOMEM;
	if (!x.fkey || !x.q || !x.gkey || !x.gval || !x.skey || !x.sval ||
	    !x.ckey || !x.cval)
		goto out;
	/* Records sorted by key: the bytes depend only on the contents. */
	if (!(kv = sorted_pairs(&m->feat)) || !(gv = sorted_pairs(&m->gtok)) ||
	    !(sv = sorted_pairs(&m->gspan)) || !(cv = sorted_pairs(&m->clus)))
		goto out;
	for (j = 0; j < m->feat.n; j++) {
		const float *w = m->w + (size_t)kv[j].val * ISNAD_NER_NTAGS;
		x.fkey[j] = kv[j].key;
		for (unsigned y = 0; y < ISNAD_NER_NTAGS; y++) {
			float q = w[y] / x.scale;
			x.q[j * ISNAD_NER_NTAGS + y] =
			    (int16_t)(q < 0 ? q - 0.5f : q + 0.5f);
		}
	}
	x.nfeat = m->feat.n;
	for (j = 0; j < m->gtok.n; j++) {
		x.gkey[j] = gv[j].key;
		x.gval[j] = (uint8_t)gv[j].val;
	}
	x.ngtok = m->gtok.n;
	for (j = 0; j < m->gspan.n; j++) {
		x.skey[j] = sv[j].key;
		x.sval[j] = (uint8_t)sv[j].val;
	}
	x.ngspan = m->gspan.n;
	for (j = 0; j < m->clus.n; j++) {
		x.ckey[j] = cv[j].key;
		x.cval[j] = cv[j].val;
	}
	x.nclus = m->clus.n;
	st = isnad__ner_write(&x, data_out, len_out);
out:
	isnad_free(x.fkey);
	isnad_free(x.q);
	isnad_free(x.gkey);
	isnad_free(x.gval);
	isnad_free(x.skey);
	isnad_free(x.sval);
	isnad_free(x.ckey);
	isnad_free(x.cval);
	isnad_free(kv);
	isnad_free(gv);
	isnad_free(sv);
	isnad_free(cv);
	return st;
}
