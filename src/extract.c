/*
 * extract.c - one document's extraction as an isnad.extract/1 JSON object
 * (../shared/spec/extract-json.md): values, named mentions grouped into
 * entities, attributions with their chains, and events with actors, place,
 * time and the attribution they rest on.  `isnad extract` prints it and
 * `isnad ingest` stores it.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/attrib.h"
#include "isnad/boiler.h"
#include "isnad/events.h"
#include "isnad/extract.h"
#include "isnad/json.h"
#include "isnad/ner.h"
#include "isnad/phrases.h"
#include "isnad/resolve.h"
#include "isnad/text.h"
#include "isnad/values.h"
#include "isnad_int.h"

/* A short form some document of the run defined («... (YPG)»), by its
 * key as an entity of its own, to the key of its full name. */
struct alias_rec {
	char from[80];
	char to[160];
};

struct isnad_extractor {
	struct isnad_tokenizer *tk;
	struct isnad_ner_tagger *ner; /* NULL without a model */
	struct alias_rec *al;         /* open addressing; from[0] = empty */
	size_t al_n, al_cap;          /* al_cap: 0 or a power of two */
};

isnad_status isnad_extractor_new(struct isnad_extractor **out)
{
	struct isnad_extractor *ex = isnad_calloc(1, sizeof *ex);
	isnad_status st;
	*out = NULL;
	if (!ex)
		return ISNAD_ENOMEM;
	if ((st = isnad_tokenizer_new(NULL, &ex->tk)) != ISNAD_OK) {
		isnad_free(ex);
		return st;
	}
	if (isnad_ner_default() &&
	    isnad_ner_tagger_new(isnad_ner_default(), &ex->ner) != ISNAD_OK)
		ex->ner = NULL;
	*out = ex;
	return ISNAD_OK;
}

void isnad_extractor_free(struct isnad_extractor *ex)
{
	if (!ex)
		return;
	isnad_ner_tagger_free(ex->ner);
	isnad_tokenizer_free(ex->tk);
	isnad_free(ex->al);
	isnad_free(ex);
}

/* What is known of one document's entities, for the JSON writers. */
struct doc {
	FILE *f;
	const char *text;
	size_t len;
	struct isnad_span_typed *m; /* named mentions */
	size_t n_m;
	struct isnad_resolution res;
	struct isnad_attributions att;
	struct isnad_tokens toks; /* of text, made once for every pass: no
	                             other isnad_tokenize call on the
	                             extractor's tokenizer may come between */
	size_t *by_ent;  /* mention indices grouped by entity, text order */
	size_t *ent_off; /* entity e's: by_ent[ent_off[e] .. ent_off[e+1]) */
};

/* In n records of `size` bytes sorted by the size_t at byte offset `off`
 * (a start offset), the first whose start is at or after `at`. */
static size_t lower_start(const void *v, size_t n, size_t size, size_t off,
                          size_t at)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, start;
		memcpy(&start, (const char *)v + mid * size + off,
		       sizeof start);
		if (start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Mentions in text order; the first whose start is at or after `at`. */
static size_t first_at_or_after(const struct doc *d, size_t at)
{
	return lower_start(d->m, d->n_m, sizeof *d->m,
	                   offsetof(struct isnad_span_typed, start), at);
}

/* Each entity's mentions, by a counting sort, so that writing an entity
 * reads its own mentions and not all of them.  On failure both stay
 * NULL and the entities are written without aliases, titles or roles. */
static void group_by_entity(struct doc *d)
{
	size_t ne = d->res.n_ents, *fill;
	if (!d->n_m || !ne)
		return;
	d->by_ent = isnad_malloc(d->n_m * sizeof *d->by_ent);
	d->ent_off = isnad_calloc(ne + 1, sizeof *d->ent_off);
	fill = isnad_calloc(ne + 1, sizeof *fill);
	if (!d->by_ent || !d->ent_off || !fill) {
		isnad_free(d->by_ent);
		isnad_free(d->ent_off);
		isnad_free(fill);
		d->by_ent = d->ent_off = NULL;
		return;
	}
	for (size_t i = 0; i < d->n_m; i++)
		d->ent_off[d->res.entity_of[i] + 1]++;
	for (size_t e = 0; e < ne; e++)
		d->ent_off[e + 1] += d->ent_off[e];
	for (size_t i = 0; i < d->n_m; i++) {
		size_t e = d->res.entity_of[i];
		d->by_ent[d->ent_off[e] + fill[e]++] = i;
	}
	isnad_free(fill);
}

static const char *const ner_type[] = {"PER", "ORG", "LOC", "MISC"};

/* The entity key of the named mention overlapping [a, b), or NULL. */
static int rank_type(unsigned type)
{
	return type == ISNAD_NER_PER ? 0 : type == ISNAD_NER_ORG ? 1 : 2;
}

/* The entity a span names: of the mentions inside it, a person before a
 * body before a place («مديرة إدارة التوعية بـ"تعليم الرياض"» is not
 * الرياض; «صحيفة نيويورك تايمز» is the paper, not the city). */
static const char *key_at(const struct doc *d, size_t a, size_t b)
{
	size_t best = SIZE_MAX, i = first_at_or_after(d, a);
	/* a mention or two may start before a and reach into the span */
	for (size_t back = 0; back < 4 && i > 0; back++)
		i--;
	for (; i < d->n_m && d->m[i].start < b; i++)
		if (d->m[i].end > a &&
		    (best == SIZE_MAX ||
		     rank_type(d->m[i].type) < rank_type(d->m[best].type)))
			best = i;
	return best == SIZE_MAX ? NULL
	                        : d->res.ents[d->res.entity_of[best]].key;
}

static void jstr(FILE *f, const char *s)
{
	if (s)
		isnad_json_str(f, s, strlen(s));
	else
		fputs("null", f);
}

/* Returns how many it printed. */
static size_t print_values(FILE *f, const struct isnad_values *vals_in,
                           const char *text)
{
	const struct isnad_values vals = *vals_in;
	int first = 1;
	for (size_t i = 0; i < vals.n; i++) {
		const struct isnad_value *v = &vals.v[i];
		static const char *const type[] = {"DATE", "MONEY", "QUANTITY"};
		fprintf(
		    f, "%s{\"start\":%zu,\"end\":%zu,\"type\":\"%s\",\"text\":",
		    first ? "" : ",", v->start, v->end, type[v->type]);
		isnad_json_str(f, text + v->start, v->end - v->start);
		fputs(",\"value\":", f);
		if (v->type == ISNAD_VAL_DATE) {
			if (v->timex[0])
				fprintf(f, "\"%s\"", v->timex);
			else
				fputs("null", f);
		} else if (v->type == ISNAD_VAL_MONEY) {
			fprintf(f,
			        "{\"amount\":%.15g,\"currency\":", v->amount);
			if (v->currency[0])
				fprintf(f, "\"%s\"}", v->currency);
			else
				fputs("null}", f);
		} else {
			fprintf(f, "%.15g", v->amount);
			if (v->unit_end > v->unit_start) {
				fputs(",\"unit\":", f);
				isnad_json_str(f, text + v->unit_start,
				               v->unit_end - v->unit_start);
			}
		}
		fputs(",\"entity\":null}", f);
		first = 0;
	}
	return vals.n;
}

/* The word that ends right before byte `at` (white space skipped):
 * [*a, at'). Returns 0 at the start of the text. */
static int word_before(const char *t, size_t at, size_t *a, size_t *b)
{
	size_t e = at;
	while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\n'))
		e--;
	if (!e)
		return 0;
	*b = e;
	while (e > 0 && t[e - 1] != ' ' && t[e - 1] != '\n')
		e--;
	*a = e;
	return 1;
}

static int word_in(const char *t, size_t a, size_t b, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == b - a && !memcmp(t + a, *list, b - a))
			return 1;
	return 0;
}

/* Is the word [a, b) one of the letters of `clitics` (two bytes each)
 * joined to a word of list? */
static int clitic_word_in(const char *t, size_t a, size_t b,
                          const char *clitics, const char *const *list)
{
	if (b - a <= 2)
		return 0;
	for (; *clitics; clitics += 2)
		if (!memcmp(t + a, clitics, 2))
			return word_in(t, a + 2, b, list);
	return 0;
}

/* Is the place mention m where something happens, after a preposition,
 * a direction or a place noun («في أنقرة», «بأنقرة», «إلى مدينة
 * إسطنبول», «بقطاع نجران», «جنوب طرابلس», «مدينة عدن»), rather than a
 * state that acts («أفرجت أنقرة»)? */
static int locative(const char *t, const struct isnad_span_typed *m)
{
	static const char *const preps[] = {
	    "في",    "فى",    "إلى",   "الى",  "إلي",  "من",    "نحو",
	    "قرب",   "داخل",  "عند",   "شمال", "جنوب", "شرق",   "غرب",
	    "وسط",   "شمالي", "جنوبي", "شرقي", "غربي", "أطراف", "ضواحي",
	    "جنوبى", "شمالى", "شرقى",  "غربى", NULL};
	static const char *const states[] = {"جمهورية", "دولة",  "مملكة",
	                                     "إمارة",   "سلطنة", NULL};
	static const char *const heads[] = {
	    "مدينة", "مدينتي", "بلدة",   "العاصمة", "ولاية", "منطقة", "محافظة",
	    "إقليم", "حي",     "قرية",   "مديرية",  "قطاع",  "ميناء", "مطار",
	    "مخيم",  "ريف",    "مقاطعة", "جزيرة",   "عاصمة", NULL};
	size_t a, b, pa, pb;
	/* «بأنقرة»; not ل, which gives to a party as often as it goes to
	 * a place («التنازلات التي قدمت لإيران») */
	if (m->start >= 2 && !memcmp(t + m->start - 2, "\xd8\xa8", 2))
		return 1;
	if (!word_before(t, m->start, &a, &b))
		return 0;
	/* «بمدينة», «لمدينة», «مدينة عدن», «مطار القاهرة»: a place noun
	 * before it says where, with or without a preposition */
	if (clitic_word_in(t, a, b, "بلو", heads))
		return 1;
	if (word_in(t, a, b, heads))
		return 1;
	/* «كل من كوريا واليابان أعلنت»: both, not from */
	if (b - a == 4 && !memcmp(t + a, "من", 4) &&
	    word_before(t, a, &pa, &pb) && pb - pa == 4 &&
	    !memcmp(t + pa, "كل", 4))
		return 0;
	/* «بجنوب بغداد», «وشمال سوريا»: a direction with its own clitic;
	 * «بجمهورية مصر العربية», «بدولة الكويت»: a state's title after ب */
	if (clitic_word_in(t, a, b, "بوف", preps) ||
	    clitic_word_in(t, a, b, "ب", states))
		return 1;
	return word_in(t, a, b, preps);
}

/* A place in construct after a noun («متنزهات جدة», «أمانة الأحساء»,
 * «أهالي حلب»: the noun's, no party); a feminine or plural ending tells
 * a noun from a verb that a state is the subject of («أفرجت أنقرة»). */
static int place_of_noun(const char *t, const struct isnad_span_typed *m)
{
	/* a state's title is the state; a relation's or a lead's noun
	 * takes its party («بقيادة السعودية», «مفاوضات إيران») */
	static const char *const party[] = {
	    "جمهورية", "دولة",    "مملكة",   "إمارة",  "سلطنة",  "قيادة",
	    "بقيادة",  "مفاوضات", "اتفاقية", "علاقات", "عودة",   "مساعدة",
	    "رغبة",    "تعهدات",  "مشاركة",  "موافقة", "مطالبة", "رئاسة",
	    "مبادرة",  "محادثات", "مباحثات", "حكومة",  "معارضة", "مواجهة",
	    "سيطرة",   NULL};
	size_t a, b;
	if (m->type != ISNAD_NER_LOC || !word_before(t, m->start, &a, &b) ||
	    b != m->start - 1 || b - a < 8 || word_in(t, a, b, party))
		return 0;
	return !memcmp(t + b - 2, "\xd8\xa9", 2) ||       /* ة */
	       !memcmp(t + b - 4, "\xd8\xa7\xd8\xaa", 4); /* ات */
}

/* The second of two places joined by و, the first where something
 * happens: «إلى مناطق المواجهات في عدن وتعز». */
static int coordinated_locative(const struct doc *d, size_t i)
{
	const struct isnad_span_typed *m = &d->m[i], *p;
	if (!i || m->type != ISNAD_NER_LOC || m->start < 3 ||
	    memcmp(d->text + m->start - 2, "\xd9\x88", 2) ||
	    d->text[m->start - 3] != ' ')
		return 0;
	p = &d->m[i - 1];
	return p->type == ISNAD_NER_LOC && p->end == m->start - 3 &&
	       locative(d->text, p);
}

/* Actors: the entities named in the event's sentence; place: the first
 * place named after a preposition there.  Places after prepositions are
 * where, not who: none of them is an actor. */
static int link_kind(const struct doc *d, const struct isnad_attrib_link *l);
static int honorific(const struct doc *d, const struct isnad_attrib_link *l);

/* Does the claim of a open with a pronoun for its speaker («أعلن الوزير
 * أنه التقى ...», «بأنها»)? */
static int claim_by_speaker(const struct doc *d,
                            const struct isnad_attribution *a)
{
	static const char *const an[] = {"أن", "إن", "ان", "بأن", "بان"};
	static const char *const pro[] = {"ه ", "ها ", "هم ", "هما ", "هن "};
	const char *t = d->text + a->start;
	size_t n = a->end - a->start;
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(an); k++) {
		size_t l = strlen(an[k]);
		if (n <= l || memcmp(t, an[k], l))
			continue;
		for (size_t p = 0; p < ISNAD_ARRAY_LEN(pro); p++)
			if (n >= l + strlen(pro[p]) &&
			    !memcmp(t + l, pro[p], strlen(pro[p])))
				return 1;
	}
	return 0;
}

/* Whether mention m is a source in the chain of attribution att, outside
 * its claim: the paper that reports a meeting did not attend it («...
 * حسبما ذكرت مصادر لموقع نورديك مونيتور»), nor the minister quoted on a
 * traveller («نقلت الأناضول عن الوزير قوله «إن بومدين وصلت …»»).  A
 * speaker the claim opens with («أنه التقى …») is one of the actors. */
static int reporting_source(const struct doc *d, long att,
                            const struct isnad_span_typed *m)
{
	const struct isnad_attribution *a;
	int own;
	if (att < 0)
		return 0;
	a = &d->att.v[att];
	if (m->start >= a->start && m->end <= a->end)
		return 0;
	own = claim_by_speaker(d, a);
	for (size_t k = a->link; k < a->link + a->n_links; k++) {
		const struct isnad_attrib_link *l = &d->att.links[k];
		if (m->start < l->end && m->end > l->start &&
		    (!own || link_kind(d, l) == ISNAD_SRC_OUTLET))
			return 1;
	}
	return 0;
}

/* Is mention i right after an opening quote mark («, ", “)? */
static int quoted_at(const struct doc *d, size_t i)
{
	size_t a = d->m[i].start;
	while (a > 0 && d->text[a - 1] == ' ')
		a--;
	return (a >= 2 && !memcmp(d->text + a - 2, "\xc2\xab", 2)) ||
	       (a >= 1 && d->text[a - 1] == '"') ||
	       (a >= 3 && !memcmp(d->text + a - 3, "\xe2\x80\x9c", 3));
}

/* A date that names a group or a movement, «قوى 8 آذار», «ثورة 25
 * يناير», «حركة 6 أبريل»: no event's time. */
static int date_names_group(const char *t, size_t at)
{
	static const char *const groups[] = {
	    "قوى",   "تحالف",   "فريق",  "حركة", "تيار",  "ائتلاف",
	    "ثورة",  "انتفاضة", "لقوى",  "وقوى", "بثورة", "لثورة",
	    "وثورة", "لحركة",   "وحركة", NULL};
	size_t a, b;
	return word_before(t, at, &a, &b) && word_in(t, a, b, groups);
}

/* An outlet in any chain relays; it takes no part in what it reports
 * («وقال سكان لـ«الشرق الأوسط» إن ...»). */
static int relaying_outlet(const struct doc *d,
                           const struct isnad_span_typed *m)
{
	for (size_t k = 0; k < d->att.n_links; k++) {
		const struct isnad_attrib_link *l = &d->att.links[k];
		if (l->kind == ISNAD_SRC_OUTLET && m->start < l->end &&
		    m->end > l->start)
			return 1;
	}
	return 0;
}

/* Where the event's actors end: at the cue of a report that follows the
 * trigger in its sentence and does not hold it («مطالبات للمواطنين ...،
 * وقال سكان ... إن ...»): what comes after is another clause's. */
static size_t actors_end(const struct doc *d, const struct isnad_event *e)
{
	size_t end = e->end;
	for (size_t a = 0; a < d->att.n; a++) {
		const struct isnad_attribution *x = &d->att.v[a];
		if (x->cue_start >= e->trig_end && x->cue_start < end &&
		    !(x->start <= e->trig_start && e->trig_end <= x->end))
			end = x->cue_start;
	}
	return end;
}

/* A speaker of any report of the event's sentence, outside that report's
 * claim, who is not the subject its claim opens with: «ويؤكد الأمير X …،
 * حيث يشير سموه إلى أنها … بدعم خادم الحرمين» lists the king, not X. */
static int speaker_of_sentence(const struct doc *d, const struct isnad_event *e,
                               const struct isnad_span_typed *m)
{
	for (size_t a = 0; a < d->att.n; a++) {
		const struct isnad_attribution *x = &d->att.v[a];
		if (x->cue_start < e->start || x->cue_start >= e->end ||
		    (m->start >= x->start && m->end <= x->end) ||
		    claim_by_speaker(d, x))
			continue;
		for (size_t k = x->link; k < x->link + x->n_links; k++) {
			const struct isnad_attrib_link *l = &d->att.links[k];
			if (m->start < l->end && m->end > l->start)
				return 1;
		}
	}
	return 0;
}

/* A place right after another, nothing between, says where that one is
 * («إقليم كردستان العراق»): no actor. */
static int place_of_place(const struct doc *d, size_t i)
{
	size_t k;
	if (!i || d->m[i].type != ISNAD_NER_LOC ||
	    d->m[i - 1].type != ISNAD_NER_LOC ||
	    d->m[i - 1].end > d->m[i].start)
		return 0;
	for (k = d->m[i - 1].end; k < d->m[i].start; k++)
		if (d->text[k] != ' ')
			return 0;
	return 1;
}

/* A name in construct after one person's role stands for the one who
 * holds it: «نائب المستشارة أنغيلا ميركل», «مدير أعمال دراكسلر», «عضو
 * مجلس الوزراء الدكتور X»; and a country's team or league is no
 * country («منتخب تشيلي», «دوري ألمانيا»). The holder acts, not the
 * name. A group's members act as the group: «مقاتلي تنظيم داعش», «أعضاء
 * مجلس الأمن» keep it. */
static int genitive_of_role(const struct doc *d, size_t i)
{
	static const char *const role[] = {
	    "نائب",  "مدير",  "مستشار", "مساعد", "ممثل",  "عضو",
	    "مدرب",  "منتخب", "دوري",   "لاعب",  "سفير",  "متحدث",
	    "أعمال", "مندوب", "وكيل",   "محامي", NULL};
	size_t a, b;
	/* «للاعب سعيد المولد» is ل + ال: a title before its holder */
	return word_before(d->text, d->m[i].start, &a, &b) &&
	       (word_in(d->text, a, b, role) ||
	        (!(b - a > 4 && !memcmp(d->text + a, "\xd9\x84\xd9\x84", 4)) &&
	         clitic_word_in(d->text, a, b,
	                        "\xd9\x88\xd9\x81\xd8\xa8\xd9\x84", role)));
}

/* A name more than ACTOR_SPAN words from the event's word belongs to
 * another clause of a long sentence: the background («… الذي وصل إلى
 * كينيا …، فيما تواصل حركة الشباب …»), a source, a later list. */
#define ACTOR_SPAN 25
#define DEFINITE_SPAN 6

static int far_from_trigger(const struct doc *d, const struct isnad_event *e,
                            const struct isnad_span_typed *m)
{
	size_t a, b, words = 0, span;
	if (m->end <= e->trig_start) {
		a = m->end;
		b = e->trig_start;
	} else if (m->start >= e->trig_end) {
		a = e->trig_end;
		b = m->start;
	} else {
		return 0;
	}
	/* a definite event noun («الاتفاق النووي», «الهجوم الانتحاري
	 * الذي …») names an event known already, mostly in passing: its
	 * parties, when named, stand right by it («بين إيران والقوى
	 * الكبرى», «ضد حزب العمال») */
	span = e->trig_start >= 4 && !memcmp(d->text + e->trig_start - 4,
	                                     "\xd8\xa7\xd9\x84", 4)
	           ? DEFINITE_SPAN
	           : ACTOR_SPAN;
	for (size_t q = a; q < b && words <= span; q++)
		words += d->text[q] == ' ' || d->text[q] == '\n';
	return words > span;
}

/* Where the trigger's clause ends: at a word that opens another one
 * («… في عدن فيما أحكمت المقاومة …», «لكنه يأتي بينما هدد الحزب …»,
 * «عقب الهجوم الذي تعرضت له مدينة سروج»); the sentence's end if none. */
static int tok_is(const struct isnad_token *t, const char *w)
{
	return t->norm_len == strlen(w) && !memcmp(t->norm, w, t->norm_len);
}

/* Token k opens a clause of its own: a coordinator («فيما», «بينما»,
 * «لكن», «في حين», «حيث», «إذ») or, with sub set, a preposition of
 * sequence or aim that takes an event of its own («عقب الهجوم»). */
static int opens_clause(const struct doc *d, size_t k, int sub)
{
	static const char *const coord[] = {"فيما",  "بينما", "لكن", "لكنه",
	                                    "لكنها", "حيث",   "اذ"};
	static const char *const seq[] = {"عقب", "اثر", "سعيا"};
	const struct isnad_token *v = d->toks.v;
	if (v[k].type != ISNAD_TOK_ARABIC)
		return 0;
	for (size_t w = 0; w < ISNAD_ARRAY_LEN(coord); w++)
		if (tok_is(&v[k], coord[w]))
			return 1;
	for (size_t w = 0; sub && w < ISNAD_ARRAY_LEN(seq); w++)
		if (tok_is(&v[k], seq[w]))
			return 1;
	return k + 1 < d->toks.n && tok_is(&v[k], "في") &&
	       tok_is(&v[k + 1], "حين");
}

/* «، وهنأ رئيس سريلانكا …»: a comma, و and a verb of the acts news lists
 * one after another open the next clause (token k: the و). */
static int next_act(const struct doc *d, size_t k)
{
	static const char *const acts[] = {
	    "هنا",   "هنات",  "بعث",  "بعثت", "استقبل", "استقبلت", "التقي",
	    "التقت", "تلقي",  "تلقت", "اجري", "اجرت",   "زار",     "زارت",
	    "شارك",  "شاركت", "حضر",  "حضرت", "افتتح",  "افتتحت",  "دشن",
	    "دشنت",  "رعي",   "رعت",  "اصدر", "اصدرت",  "ترا",     "تراس",
	    "تراست", "وجه",   "وجهت", "غادر", "غادرت",  "وصل",     "وصلت"};
	const struct isnad_token *v = d->toks.v;
	if (!(k > 0 && k + 1 < d->toks.n && tok_is(&v[k], "و") &&
	      v[k].type == ISNAD_TOK_PROCLITIC && v[k - 1].end <= v[k].start &&
	      (tok_is(&v[k - 1], "،") || tok_is(&v[k - 1], ","))))
		return 0;
	for (size_t w = 0; w < ISNAD_ARRAY_LEN(acts); w++)
		if (tok_is(&v[k + 1], acts[w]))
			return 1;
	return 0;
}

/* First token at or after byte offset at. */
static size_t tok_at(const struct doc *d, size_t at)
{
	return lower_start(d->toks.v, d->toks.n, sizeof *d->toks.v,
	                   offsetof(struct isnad_token, start), at);
}

static size_t clause_end(const struct doc *d, const struct isnad_event *e)
{
	for (size_t k = tok_at(d, e->trig_end);
	     k < d->toks.n && d->toks.v[k].start < e->end; k++)
		if (opens_clause(d, k, 1) || next_act(d, k))
			return d->toks.v[k].start;
	return e->end;
}

/* Where the trigger's clause begins: at a coordinator before it
 * («… فيما أحكمت المقاومة سيطرتها»); the sentence's start if none.
 * «عقب ذلك قام الوزير بزيارة» keeps its subject. */
static size_t clause_start(const struct doc *d, const struct isnad_event *e)
{
	/* a known event after a preposition of sequence is another
	 * clause's: «تعهدت ميركل للحكومة التركية بتقديم مساندة عقب
	 * الهجوم» (the government did not attack) */
	size_t t0 = tok_at(d, e->trig_start);
	if (t0 >= 2 && tok_is(&d->toks.v[t0 - 1], "ال") &&
	    d->toks.v[t0 - 2].start >= e->start &&
	    (tok_is(&d->toks.v[t0 - 2], "عقب") ||
	     tok_is(&d->toks.v[t0 - 2], "اثر") ||
	     tok_is(&d->toks.v[t0 - 2], "بعد") ||
	     tok_is(&d->toks.v[t0 - 2], "قبل")))
		return d->toks.v[t0 - 2].start;
	for (size_t k = tok_at(d, e->trig_start);
	     k > 0 && d->toks.v[k - 1].start >= e->start; k--)
		if (opens_clause(d, k - 1, 0) || next_act(d, k - 1))
			return d->toks.v[k - 1].start;
	return e->start;
}

/* Words between byte offsets a < b. */
static size_t words_between(const char *t, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t q = a; q < b; q++)
		n += t[q] == ' ' || t[q] == '\n';
	return n;
}

/* The event's actors (entity keys, at most cap) and place. */
static size_t event_actors(const struct doc *d, const struct isnad_event *e,
                           long att, const char **seen, size_t cap,
                           const char **place_out)
{
	const char *place = NULL;
	size_t ns = 0, stop = actors_end(d, e), cend = clause_end(d, e);
	size_t pa = clause_start(d, e), i0 = first_at_or_after(d, pa), pb;
	size_t best = SIZE_MAX;
	if (cend < stop)
		stop = cend;
	pb = stop;
	/* an event told in a claim took place where the claim says, not
	 * where it was told («وقال في تصريح أدلى به في أنقرة إن التفجير
	 * …») */
	if (att >= 0 && d->att.v[att].start <= e->trig_start &&
	    e->trig_end <= d->att.v[att].end) {
		if (d->att.v[att].start > pa)
			pa = d->att.v[att].start;
		if (d->att.v[att].end < pb)
			pb = d->att.v[att].end;
	}
	/* the place nearest the trigger in its clause */
	for (size_t i = i0; i < d->n_m && d->m[i].start < pb; i++) {
		const struct isnad_span_typed *m = &d->m[i];
		size_t dist;
		if (m->type != ISNAD_NER_LOC || m->end > pb || m->start < pa ||
		    !locative(d->text, m) || far_from_trigger(d, e, m))
			continue;
		dist = m->end <= e->trig_start
		           ? words_between(d->text, m->end, e->trig_start)
		           : words_between(d->text, e->trig_end, m->start);
		if (dist < best) {
			best = dist;
			place = d->res.ents[d->res.entity_of[i]].key;
		}
	}
	for (size_t i = i0; i < d->n_m && d->m[i].start < stop; i++) {
		const char *k = d->res.ents[d->res.entity_of[i]].key;
		size_t j;
		if (d->m[i].end > e->end || (place && !strcmp(k, place)) ||
		    far_from_trigger(d, e, &d->m[i]) ||
		    reporting_source(d, att, &d->m[i]) ||
		    relaying_outlet(d, &d->m[i]) ||
		    speaker_of_sentence(d, e, &d->m[i]) ||
		    place_of_place(d, i) || d->m[i].type == ISNAD_NER_MISC ||
		    genitive_of_role(d, i) ||
		    (d->m[i].type == ISNAD_NER_LOC &&
		     (locative(d->text, &d->m[i]) ||
		      place_of_noun(d->text, &d->m[i]) ||
		      coordinated_locative(d, i))))
			continue;
		for (j = 0; j < ns && strcmp(seen[j], k); j++)
			;
		if (j < ns || ns == cap)
			continue;
		seen[ns++] = k;
	}
	*place_out = place;
	return ns;
}

static size_t alias_slot(const struct alias_rec *v, size_t cap,
                         const char *from);

/* Latin short forms that an earlier document of the run defined («(YPG)»)
 * are mentions here too, though the tagger does not know them. */
static void known_short_forms(struct isnad_extractor *ex, struct doc *d,
                              const struct isnad_tokens *toks)
{
	static const char *const tn[] = {"PER", "ORG", "LOC", "MISC"};
	size_t cap = d->n_m;
	if (!ex->al_n)
		return;
	for (size_t i = 0; i < toks->n; i++) {
		const struct isnad_token *k = &toks->v[i];
		char sk[64], from[96];
		if (k->type != ISNAD_TOK_LATIN || k->end - k->start < 2 ||
		    k->end - k->start > 10)
			continue;
		isnad_name_skeleton(d->text + k->start, k->end - k->start, sk,
		                    sizeof sk);
		for (int t = 0; t < 4; t++) {
			struct isnad_span_typed s;
			snprintf(from, sizeof from, "%s:%s", tn[t], sk);
			if (!ex->al[alias_slot(ex->al, ex->al_cap, from)]
			         .from[0])
				continue;
			s.start = k->start;
			s.end = k->end;
			s.type = t;
			s.generic = 0;
			if (isnad_span_insert(&d->m, &d->n_m, &cap, &s) !=
			    ISNAD_OK)
				return;
			break;
		}
	}
}

/* The tagger's mentions of the whole text, as typed spans, completed by
 * the naming patterns of phrases.h. */
static void named_mentions(struct isnad_extractor *ex, struct doc *d)
{
	const struct isnad_ner_mention *ms;
	size_t n = 0;
	if (!d->toks.n)
		return;
	if (ex->ner &&
	    isnad_ner_tag_tokens(ex->ner, &d->toks, &ms, &n) == ISNAD_OK && n) {
		d->m = isnad_malloc(n * sizeof *d->m);
		if (!d->m)
			return;
		for (size_t i = 0; i < n; i++) {
			d->m[i].start = ms[i].start;
			d->m[i].end = ms[i].end;
			d->m[i].type = ms[i].type;
			d->m[i].generic = 0;
		}
		d->n_m = n;
	}
	/* on failure the tagger's list stands as it is */
	(void)isnad_name_phrases(d->text, d->len, &d->toks, &d->m, &d->n_m);
	known_short_forms(ex, d, &d->toks);
}

static size_t alias_slot(const struct alias_rec *v, size_t cap,
                         const char *from)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;
	for (const char *p = from; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	for (i = (size_t)h & (cap - 1); v[i].from[0] && strcmp(v[i].from, from);
	     i = (i + 1) & (cap - 1))
		;
	return i;
}

static void alias_put(struct isnad_extractor *ex, const char *from,
                      const char *to)
{
	size_t i;
	if (strlen(from) >= sizeof ex->al->from)
		return;
	if (2 * (ex->al_n + 1) > ex->al_cap) {
		size_t nc = ex->al_cap ? 2 * ex->al_cap : 64;
		struct alias_rec *v = isnad_calloc(nc, sizeof *v);
		if (!v)
			return;
		for (size_t k = 0; k < ex->al_cap; k++)
			if (ex->al[k].from[0])
				v[alias_slot(v, nc, ex->al[k].from)] =
				    ex->al[k];
		isnad_free(ex->al);
		ex->al = v;
		ex->al_cap = nc;
	}
	i = alias_slot(ex->al, ex->al_cap, from);
	if (!ex->al[i].from[0] && strlen(to) < sizeof ex->al[i].to) {
		memcpy(ex->al[i].from, from, strlen(from) + 1);
		memcpy(ex->al[i].to, to, strlen(to) + 1);
		ex->al_n++;
	}
}

/*
 * One key for a short form across the run: a document that defines it
 * teaches the extractor, and later documents that use the short form alone
 * get the full name's key.  (Documents before the definition keep their
 * own key.)
 */
static void run_aliases(struct isnad_extractor *ex, struct doc *d)
{
	static const char *const tn[] = {"PER", "ORG", "LOC", "MISC"};
	for (size_t e = 0; e < d->res.n_ents; e++) {
		struct isnad_entity *en = &d->res.ents[e];
		char from[96];
		if (en->type < 0 || en->type > 3)
			continue;
		if (en->alias[0]) {
			snprintf(from, sizeof from, "%s:%s", tn[en->type],
			         en->alias);
			alias_put(ex, from, en->key);
		} else if (ex->al_cap) {
			size_t i = alias_slot(ex->al, ex->al_cap, en->key);
			if (ex->al[i].from[0])
				snprintf(en->key, sizeof en->key, "%s",
				         ex->al[i].to);
		}
	}
}

static int club_word(const struct isnad_token *t)
{
	return (t->norm_len == strlen("نادي") &&
	        !memcmp(t->norm, "نادي", t->norm_len)) ||
	       (t->norm_len == strlen("فريق") &&
	        !memcmp(t->norm, "فريق", t->norm_len));
}

static int by_value_start(const void *a, const void *b)
{
	const struct isnad_value *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* «الاتفاق النووي», «الاجتماع»: a one-word body or thing that is an event
 * noun is the event, whatever a club called after it taught the tagger;
 * it stays a name where the text calls it a club or team (نادي الاتفاق,
 * فريق الاتفاق) anywhere. */
static void drop_event_nouns(struct doc *d)
{
	const struct isnad_token *v = d->toks.v;
	size_t k = 0, nt = d->toks.n, nclub = 0, club[64];
	/* the words the text names clubs or teams with */
	for (size_t q = 0; q + 1 < nt && nclub < 64; q++)
		if (club_word(&v[q])) {
			size_t r = q + 1;
			while (r < nt && v[r].type == ISNAD_TOK_PROCLITIC)
				r++;
			if (r < nt)
				club[nclub++] = r;
		}
	for (size_t i = 0; i < d->n_m; i++) {
		size_t t, lo = 0, hi = nt;
		int drop = 0;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (v[mid].start < d->m[i].start)
				lo = mid + 1;
			else
				hi = mid;
		}
		/* the host after an attached article */
		for (t = lo;
		     t < nt && t < lo + 2 && v[t].type == ISNAD_TOK_PROCLITIC;
		     t++)
			;
		if ((d->m[i].type == ISNAD_NER_ORG ||
		     d->m[i].type == ISNAD_NER_MISC) &&
		    t < nt && v[t].end == d->m[i].end &&
		    isnad_event_word(&v[t]) >= 0) {
			drop = 1;
			for (size_t c = 0; c < nclub && drop; c++)
				drop = !(v[club[c]].norm_len == v[t].norm_len &&
				         !memcmp(v[club[c]].norm, v[t].norm,
				                 v[t].norm_len));
		}
		if (!drop)
			d->m[k++] = d->m[i];
	}
	d->n_m = k;
}

/* A currency or a month is a value, not a name: «100 مليون دولار» gives
 * no MISC «دولار», «28 أيار» no person «أيار».  Mentions and values are
 * both in text order, so one pass: the values that start at or before a
 * mention hold it if the farthest end among them reaches its end. */
static void drop_inside_values(struct doc *d, const struct isnad_values *vals)
{
	size_t k = 0, j = 0, reach = 0;
	for (size_t i = 0; i < d->n_m; i++) {
		for (; j < vals->n && vals->v[j].start <= d->m[i].start; j++)
			if (vals->v[j].type != ISNAD_VAL_QUANTITY &&
			    vals->v[j].end > reach)
				reach = vals->v[j].end;
		if (!(reach && d->m[i].end <= reach))
			d->m[k++] = d->m[i];
	}
	d->n_m = k;
}

/* The first mention starting at byte `at`, or SIZE_MAX. */
static size_t mention_starting(const struct doc *d, size_t at)
{
	size_t i = first_at_or_after(d, at);
	return i < d->n_m && d->m[i].start == at ? i : SIZE_MAX;
}

/* A person or body named right after a number is not what it counts:
 * «لوميا 535 مايكروسوفت» is a model number beside a company.  The tagger
 * also takes counted nouns for names («ربع مليون فلاح», «547 حصانا»), so
 * the name must be one the text uses again; places are left alone
 * («1380 ألمانيا» are Germans, «15 كوبا» cups), and «17 من قوات النظام»
 * counts members of a body. */
static void drop_named_units(const struct doc *d, struct isnad_values *vals)
{
	size_t k = 0, *uses;
	if (!vals->n || !d->n_m ||
	    !(uses = isnad_calloc(d->res.n_ents + 1, sizeof *uses)))
		return;
	for (size_t i = 0; i < d->n_m; i++)
		uses[d->res.entity_of[i]]++;
	for (size_t j = 0; j < vals->n; j++) {
		const struct isnad_value *v = &vals->v[j];
		size_t i = SIZE_MAX;
		if (v->type == ISNAD_VAL_QUANTITY &&
		    v->unit_end > v->unit_start &&
		    !(v->unit_start >= 5 && !memcmp(d->text + v->unit_start - 5,
		                                    "\xd9\x85\xd9\x86 ", 5)))
			i = mention_starting(d, v->unit_start);
		if (i != SIZE_MAX &&
		    (d->m[i].type == ISNAD_NER_PER ||
		     d->m[i].type == ISNAD_NER_ORG) &&
		    uses[d->res.entity_of[i]] >= 2)
			continue;
		vals->v[k++] = *v;
	}
	vals->n = k;
	isnad_free(uses);
}

/* The named mentions (generic 0) or the descriptions (generic 1). */
static void print_mentions_entities(const struct doc *d, int first, int generic)
{
	FILE *f = d->f;
	for (size_t i = 0; i < d->n_m; i++) {
		if (!d->m[i].generic != !generic)
			continue;
		fprintf(f, "%s{", first ? "" : ",");
		first = 0;
		fprintf(f,
		        "\"start\":%zu,\"end\":%zu,\"type\":\"%s\",\"text\":",
		        d->m[i].start, d->m[i].end, ner_type[d->m[i].type]);
		isnad_json_str(f, d->text + d->m[i].start,
		               d->m[i].end - d->m[i].start);
		if (!generic)
			fputs(",\"value\":null", f);
		fputs(",\"entity\":", f);
		jstr(f, d->res.ents[d->res.entity_of[i]].key);
		putc('}', f);
	}
}

/* Whether entity e is only ever described («القوات التركية»), never
 * named: it stands as an actor or a source but is no named entity. */
static int described_only(const struct doc *d, size_t e)
{
	if (!d->by_ent)
		return d->m[d->res.ents[e].name].generic;
	for (size_t p = d->ent_off[e]; p < d->ent_off[e + 1]; p++)
		if (!d->m[d->by_ent[p]].generic)
			return 0;
	return 1;
}

/* Titles and ranks are a closed class of the language: the words a news
 * text puts before a name (الرئيس، المقدم، وزير ...). */
static const char *const title_words[] = {
    "الرئيس",     "رئيس",    "نائب",    "الوزير",  "وزير",     "وزيره",
    "المقدم",     "العقيد",  "اللواء",  "العميد",  "الرائد",   "النقيب",
    "الملازم",    "الفريق",  "المشير",  "الجنرال", "الدكتور",  "د",
    "المهندس",    "الشيخ",   "الامير",  "الاميره", "الملك",    "الملكه",
    "السيد",      "السيده",  "السفير",  "القاضي",  "المستشار", "الاستاذ",
    "الحاج",      "الامام",  "المتحدث", "الناطق",  "قائد",     "مدير",
    "امين",       "العاهل",  "ولي",     "المرشد",  "الجنرال",  "البابا",
    "الكاردينال", "المطران", "النائب",  "العضو",   "المحامي",  "الصحفي",
    "الكاتب",     "المفتي",  "ايه",     "حجه",
};

static int is_title_word(const char *w, size_t n)
{
	char norm[3 * 64 + 4];
	size_t k;
	if (n > 64)
		return 0;
	k = isnad_normalize_word(w, n, ISNAD_NORM_SEARCH, norm);
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(title_words); i++)
		if (strlen(title_words[i]) == k &&
		    !memcmp(title_words[i], norm, k))
			return 1;
	return 0;
}

/* The title before a person mention: from the farthest title word among
 * the (up to four) words right before it, with no punctuation between,
 * to the name.  «المقدم ألبير أورن» -> المقدم; «وزير الخارجية التركي
 * مولود جاويش أوغلو» -> وزير الخارجية التركي.  *a == *b: none. */
static void title_before(const char *t, size_t start, size_t *a, size_t *b)
{
	size_t i = start, words = 0, best = start;
	*a = *b = start;
	while (i > 0 && words < 4) {
		size_t e, w;
		while (i > 0 && t[i - 1] == ' ')
			i--;
		e = i;
		while (i > 0 && t[i - 1] != ' ' && t[i - 1] != '\n')
			i--;
		w = i;
		if (w == e || strchr(".,:;!?()\"", t[e - 1]) ||
		    (e - w >= 2 && (unsigned char)t[e - 2] == 0xD8 &&
		     ((unsigned char)t[e - 1] == 0x8C ||
		      (unsigned char)t[e - 1] == 0x9B)))
			break; /* punctuation ends the title */
		words++;
		if (is_title_word(t + w, e - w))
			best = w;
		if (t[w - (w > 0)] == '\n')
			break;
	}
	if (best < start) {
		/* the title word, then only definite complements (وزير
		 * الخارجية التركي); an indefinite word is the name's start */
		size_t end = best, p = best;
		while (p < start && t[p] != ' ')
			p++;
		end = p;
		while (p < start) {
			size_t w;
			while (p < start && t[p] == ' ')
				p++;
			w = p;
			while (p < start && t[p] != ' ')
				p++;
			if (p == w ||
			    !((p - w > 4 &&
			       !memcmp(t + w, "\xd8\xa7\xd9\x84", 4)) ||
			      (p - w == 8 &&
			       !memcmp(t + w,
			               "\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x85", 8))))
				break;
			end = p;
		}
		*a = best;
		*b = end;
	}
}

/*
 * A role in apposition after a person: «ألبير أورن، قائد الكتيبة الحدودية
 * الثالثة، حضر»; «حياة بومدين، شريكة كوليبالي الذي اقتحم».  After a comma
 * or a dash, a role word (the title words, and nouns of office or
 * relation), then words up to the next punctuation or relative pronoun,
 * ten at most; no end in sight means no role.  *a == *b: none.
 */
static const char *const role_words[] = {
    "مسوول",   "مسووله",  "عضو",     "عضوه",    "زعيم",   "الزعيم",  "موسس",
    "موسسه",   "رييسه",   "قايده",   "مديره",   "مستشار", "مستشاره", "سفير",
    "مبعوث",   "المبعوث", "محافظ",   "المحافظ", "المدير", "القايد",  "متحدث",
    "ناطق",    "شريك",    "شريكه",   "زوج",     "زوجه",   "نجل",     "ابن",
    "ابنه",    "شقيق",    "شقيقه",   "والد",    "والده",  "رييس",    "قايد",
    "مدير",    "امين",    "وزير",    "نايب",    "الرييس", "الوزير",  "الامين",
    "المتحدث", "الناطق",  "المسوول", "ضابط",    "الضابط", "منسق",    "القاضي",
};

static int is_role_word(const char *w, size_t n)
{
	char norm[3 * 64 + 4];
	size_t k;
	if (n > 64)
		return 0;
	k = isnad_normalize_word(w, n, ISNAD_NORM_SEARCH, norm);
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(role_words); i++)
		if (strlen(role_words[i]) == k &&
		    !memcmp(role_words[i], norm, k))
			return 1;
	return 0;
}

static int role_stop(const char *w, size_t n)
{
	static const char *const stop[] = {"الذي", "التي",  "الذين",
	                                   "الذى", "والذي", "والتي"};
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(stop); i++)
		if (strlen(stop[i]) == n && !memcmp(stop[i], w, n))
			return 1;
	return 0;
}

static int role_punct(const char *t, size_t len, size_t p)
{
	return strchr("\n\t.,:;!?()\"-", t[p]) ||
	       ((unsigned char)t[p] == 0xD8 && p + 1 < len &&
	        ((unsigned char)t[p + 1] == 0x8C ||
	         (unsigned char)t[p + 1] == 0x9B)); /* ، ؛ */
}

/*
 * A role in apposition before a person, closed by commas on both sides:
 * «بعد تكليفه من قبل رئيس مكتب استخبارات الأمن القومي، علي مملوك،».  The
 * role runs from the farthest role word among the eight words before the
 * first comma, with no punctuation between.  *a == *b: none.
 */
static void role_before(const char *t, size_t len, size_t start, size_t end,
                        size_t *a, size_t *b)
{
	size_t p = start, q = end, stop, best;
	*a = *b = start;
	while (p > 0 && t[p - 1] == ' ')
		p--;
	if (p < 2 || (unsigned char)t[p - 2] != 0xD8 ||
	    (unsigned char)t[p - 1] != 0x8C) /* ، before the name */
		return;
	while (q < len && t[q] == ' ')
		q++;
	if (q + 1 >= len || (unsigned char)t[q] != 0xD8 ||
	    (unsigned char)t[q + 1] != 0x8C) /* and after it */
		return;
	stop = p - 2; /* the role ends before the comma */
	while (stop > 0 && t[stop - 1] == ' ')
		stop--;
	best = stop;
	p = stop;
	for (int words = 0; words < 8 && p > 0; words++) {
		size_t e = p, w;
		while (p > 0 && t[p - 1] != ' ' && !role_punct(t, len, p - 1) &&
		       !(p >= 2 && (unsigned char)t[p - 2] == 0xD8 &&
		         role_punct(t, len, p - 2)))
			p--;
		w = p;
		if (w == e)
			break;
		if (is_role_word(t + w, e - w))
			best = w;
		while (p > 0 && t[p - 1] == ' ')
			p--;
		if (p == 0 || role_punct(t, len, p - 1) ||
		    (p >= 2 && (unsigned char)t[p - 2] == 0xD8 &&
		     role_punct(t, len, p - 2)))
			break;
	}
	if (best < stop) {
		*a = best;
		*b = stop;
	}
}

static void role_after(const char *t, size_t len, size_t end, size_t *a,
                       size_t *b)
{
	size_t p = end, last = 0;
	int closed = 0;
	*a = *b = end;
	while (p < len && t[p] == ' ')
		p++;
	if (p + 1 < len && (unsigned char)t[p] == 0xD8 &&
	    (unsigned char)t[p + 1] == 0x8C) /* ، */
		p += 2;
	else if (p < len && (t[p] == ',' || t[p] == '-'))
		p++;
	else
		return;
	for (int words = 0; words < 10; words++) {
		size_t w;
		while (p < len && t[p] == ' ')
			p++;
		if (p >= len || role_punct(t, len, p)) {
			closed = 1;
			break;
		}
		w = p;
		while (p < len && t[p] != ' ' && !role_punct(t, len, p))
			p++;
		if (words && role_stop(t + w, p - w)) {
			closed = 1;
			break;
		}
		if (!words && !is_role_word(t + w, p - w))
			return;
		if (!words)
			*a = w;
		last = p;
	}
	if (closed && last)
		*b = last;
	else
		*b = *a;
}

static void print_titles(const struct doc *d, size_t e)
{
	FILE *f = d->f;
	size_t nt = 0, seen_a[16], seen_b[16];
	if (!d->by_ent)
		return;
	for (size_t p = d->ent_off[e]; p < d->ent_off[e + 1] && nt < 16; p++) {
		size_t a, b, k, i = d->by_ent[p];
		if (d->m[i].type != 0 /* PER */)
			continue;
		title_before(d->text, d->m[i].start, &a, &b);
		if (a == b)
			continue;
		for (k = 0; k < nt; k++)
			if (seen_b[k] - seen_a[k] == b - a &&
			    !memcmp(d->text + seen_a[k], d->text + a, b - a))
				break;
		if (k < nt)
			continue;
		seen_a[nt] = a;
		seen_b[nt] = b;
		fprintf(f, "%s", nt++ ? "," : "");
		isnad_json_str(f, d->text + a, b - a);
	}
}

/* The roles in apposition after the entity's person mentions, each
 * once. */
static void print_roles(const struct doc *d, size_t e)
{
	FILE *f = d->f;
	size_t nr = 0, seen_a[16], seen_b[16];
	if (!d->by_ent)
		return;
	for (size_t p = d->ent_off[e]; p < d->ent_off[e + 1] && nr < 16; p++) {
		size_t a, b, k, i = d->by_ent[p];
		if (d->m[i].type != 0 /* PER */)
			continue;
		role_after(d->text, d->len, d->m[i].end, &a, &b);
		if (a == b)
			role_before(d->text, d->len, d->m[i].start, d->m[i].end,
			            &a, &b);
		if (a == b)
			continue;
		for (k = 0; k < nr; k++)
			if (seen_b[k] - seen_a[k] == b - a &&
			    !memcmp(d->text + seen_a[k], d->text + a, b - a))
				break;
		if (k < nr)
			continue;
		seen_a[nr] = a;
		seen_b[nr] = b;
		fprintf(f, "%s", nr++ ? "," : "");
		isnad_json_str(f, d->text + a, b - a);
	}
}

static void print_entities(const struct doc *d)
{
	FILE *f = d->f;
	for (size_t e = 0; e < d->res.n_ents; e++) {
		const struct isnad_entity *en = &d->res.ents[e];
		const struct isnad_span_typed *nm = &d->m[en->name];
		size_t na = 0, printed[64];
		fprintf(f, "%s{\"key\":", e ? "," : "");
		jstr(f, en->key);
		fprintf(f, ",\"type\":\"%s\",\"name\":", ner_type[en->type]);
		if (en->name_article) {
			/* «لنصر» of «للنصر» is named «النصر» */
			char buf[256];
			size_t l = nm->end - nm->start;
			if (l > sizeof buf - 2)
				l = sizeof buf - 2;
			memcpy(buf, "\xd8\xa7", 2); /* ا */
			memcpy(buf + 2, d->text + nm->start, l);
			isnad_json_str(f, buf, l + 2);
		} else {
			isnad_json_str(f, d->text + nm->start,
			               nm->end - nm->start);
		}
		fputs(",\"aliases\":[", f);
		/* each distinct form once: compared with the forms printed
		 * (few), not with every earlier mention (a name can recur
		 * thousands of times) */
		for (size_t p = d->by_ent ? d->ent_off[e] : 0;
		     d->by_ent && p < d->ent_off[e + 1]; p++) {
			size_t i = d->by_ent[p];
			size_t l = d->m[i].end - d->m[i].start, k;
			int dup = 0;
			if (l == nm->end - nm->start &&
			    !memcmp(d->text + d->m[i].start,
			            d->text + nm->start, l))
				continue;
			for (k = 0; k < na && !dup; k++)
				dup = d->m[printed[k]].end -
				              d->m[printed[k]].start ==
				          l &&
				      !memcmp(d->text + d->m[printed[k]].start,
				              d->text + d->m[i].start, l);
			if (dup)
				continue;
			if (na == ISNAD_ARRAY_LEN(printed))
				break; /* 64 other forms are plenty */
			printed[na] = i;
			fprintf(f, "%s", na++ ? "," : "");
			isnad_json_str(f, d->text + d->m[i].start, l);
		}
		fputs("],\"titles\":[", f);
		print_titles(d, e);
		fputs("],\"roles\":[", f);
		print_roles(d, e);
		putc(']', f);
		if (described_only(d, e))
			fputs(",\"generic\":true", f);
		putc('}', f);
	}
}

/* A source the attribution rules could not classify but that opens with a
 * name the tagger found («أسامة البار أمين العاصمة المقدسة»: the rules
 * take a first word in ة for a feminine noun) is that name's kind; a
 * place speaks for its government.  The tagger also corrects a bare name
 * the rules took for a person. */
static int link_kind(const struct doc *d, const struct isnad_attrib_link *l)
{
	/* a name in quotes («وأوضح "الأسمري"») is matched without them */
	struct isnad_attrib_link q = *l;
	size_t i;
	if (q.end - q.start > 2 && d->text[q.start] == '"' &&
	    d->text[q.end - 1] == '"') {
		q.start++;
		q.end--;
	} else if (q.end - q.start > 4 &&
	           !memcmp(d->text + q.start, "\xc2\xab", 2) &&
	           !memcmp(d->text + q.end - 2, "\xc2\xbb", 2)) {
		q.start += 2;
		q.end -= 2;
	}
	l = &q;
	i = first_at_or_after(d, l->start);
	/* a bare one-word name the rules took for a person («وقالت حماس»)
	 * that the tagger found as exactly a body or a place (two words
	 * keep the rules' reading: «اللواء الجوهري» is a general) */
	if (l->kind == ISNAD_SRC_PERSON && i < d->n_m &&
	    d->m[i].start == l->start && d->m[i].end == l->end &&
	    !memchr(d->text + l->start, ' ', l->end - l->start) &&
	    (d->m[i].type == ISNAD_NER_ORG || d->m[i].type == ISNAD_NER_LOC))
		return ISNAD_SRC_ORGANIZATION;
	if (l->kind != ISNAD_SRC_UNKNOWN)
		return l->kind;
	if (honorific(d, l))
		return ISNAD_SRC_PERSON;
	if (i < d->n_m && d->m[i].start == l->start && d->m[i].end <= l->end)
		return d->m[i].type == ISNAD_NER_PER ? ISNAD_SRC_PERSON
		       : d->m[i].type == ISNAD_NER_MISC
		           ? ISNAD_SRC_UNKNOWN
		           : ISNAD_SRC_ORGANIZATION;
	/* a person after a title or two: «الدكتورة نائلة عطار» */
	if (i < d->n_m && d->m[i].type == ISNAD_NER_PER &&
	    d->m[i].end <= l->end) {
		size_t sp = 0;
		for (size_t q = l->start; q < d->m[i].start; q++)
			sp += d->text[q] == ' ';
		if (sp <= 2)
			return ISNAD_SRC_PERSON;
	}
	/* or a longer description that ends in the name: «وكيل أعمال
	 * اللاعبين المعروف غرم العمري», «الأكاديمي والاقتصادي الدكتور لؤي
	 * الطيار» */
	for (; i < d->n_m && d->m[i].end <= l->end; i++)
		if (d->m[i].type == ISNAD_NER_PER && d->m[i].end == l->end)
			return ISNAD_SRC_PERSON;
	return ISNAD_SRC_UNKNOWN;
}

/* The titles an honorific pronoun answers to («وقال سموه» after «صاحب
 * السمو الملكي الأمير …»), by pronoun; NULL if the link is none. */
static const char *const *honorific_titles(const struct doc *d,
                                           const struct isnad_attrib_link *l)
{
	static const char *const prince[] = {"سمو", "امير", "الامير", NULL};
	static const char *const minister[] = {"معالي", "وزير",   "الوزير",
	                                       "رييس",  "الرييس", NULL};
	static const char *const excellency[] = {
	    "سعاده",  "مدير",   "المدير", "دكتور", "الدكتور", "سفير",
	    "السفير", "اللواء", "العميد", "محافظ", "المحافظ", NULL};
	static const char *const cleric[] = {"فضيله", "سماحه",  "الشيخ",
	                                     "شيخ",   "المفتي", NULL};
	static const char *const king[] = {"جلاله", "الملك", "ملك", NULL};
	static const char *const president[] = {"فخامه", "الرييس", "رييس",
	                                        "دوله", NULL};
	static const struct {
		const char *w;
		const char *const *titles;
	} hon[] = {{"سموه", prince},       {"سموها", prince},
	           {"معاليه", minister},   {"معاليها", minister},
	           {"سعادته", excellency}, {"سعادتها", excellency},
	           {"فضيلته", cleric},     {"سماحته", cleric},
	           {"جلالته", king},       {"فخامته", president},
	           {"دولته", president}};
	char w[64];
	size_t n;
	if (l->end - l->start < 6 || l->end - l->start > 20 ||
	    memchr(d->text + l->start, ' ', l->end - l->start))
		return NULL;
	n = isnad_normalize_word(d->text + l->start, l->end - l->start,
	                         ISNAD_NORM_SEARCH, w);
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(hon); k++)
		if (n == strlen(hon[k].w) && !memcmp(w, hon[k].w, n))
			return hon[k].titles;
	return NULL;
}

static int honorific(const struct doc *d, const struct isnad_attrib_link *l)
{
	return honorific_titles(d, l) != NULL;
}

/* The person an honorific pronoun stands for: the latest person named
 * within HONORIFIC_BACK bytes before it after a title of its kind («…
 * الأمير فيصل بن خالد …. وقال سموه»; not the king named in passing for
 * «معاليه»).  Sets [*a, *b) to it. */
#define HONORIFIC_BACK 3000
#define TITLE_WORDS 4
static int honorific_antecedent(const struct doc *d,
                                const struct isnad_attrib_link *l, size_t *a,
                                size_t *b)
{
	const char *const *titles = honorific_titles(d, l);
	if (!titles)
		return 0;
	for (size_t i = first_at_or_after(d, l->start); i-- > 0;) {
		const struct isnad_span_typed *m = &d->m[i];
		size_t at = m->start;
		if (m->end + HONORIFIC_BACK < l->start)
			break;
		if (m->type != ISNAD_NER_PER || m->end > l->start)
			continue;
		/* a title among the few words before the name */
		for (int k = 0; k < TITLE_WORDS; k++) {
			size_t wa, wb;
			char w[64];
			size_t n;
			if (!word_before(d->text, at, &wa, &wb) ||
			    wb - wa >= sizeof w / 2)
				break;
			n = isnad_normalize_word(d->text + wa, wb - wa,
			                         ISNAD_NORM_SEARCH, w);
			for (size_t t = 0; titles[t]; t++)
				if (n == strlen(titles[t]) &&
				    !memcmp(w, titles[t], n)) {
					*a = m->start;
					*b = m->end;
					return 1;
				}
			at = wa;
		}
	}
	return 0;
}

/* The body an anaphor no earlier link resolved refers to: «وقال التنظيم»
 * after «وكان تنظيم القاعدة تحدث في بيان» (no claim there, so no link):
 * the latest earlier mention of a body of two words or more whose first
 * word is the anaphor's noun.  Sets [*a, *b) to it. */
static int mention_antecedent(const struct doc *d,
                              const struct isnad_attrib_link *l, size_t *a,
                              size_t *b)
{
	char ana[64], w[64];
	size_t na, i;
	if (l->ref_end || l->end - l->start < 6 || l->end - l->start > 40 ||
	    memchr(d->text + l->start, ' ', l->end - l->start))
		return 0;
	na = isnad_normalize_word(d->text + l->start, l->end - l->start,
	                          ISNAD_NORM_SEARCH, ana);
	if (na < 6 || na >= sizeof ana || memcmp(ana, "\xd8\xa7\xd9\x84", 4))
		return 0; /* no article: no anaphor */
	for (i = first_at_or_after(d, l->start); i-- > 0;) {
		const struct isnad_span_typed *m = &d->m[i];
		const char *sp;
		size_t nw;
		if (m->type != ISNAD_NER_ORG || m->generic ||
		    m->end > l->start ||
		    !(sp = memchr(d->text + m->start, ' ', m->end - m->start)))
			continue;
		if ((size_t)(sp - (d->text + m->start)) * 3 + 4 > sizeof w)
			continue;
		nw = isnad_normalize_word(d->text + m->start,
		                          (size_t)(sp - (d->text + m->start)),
		                          ISNAD_NORM_SEARCH, w);
		if (nw == na - 4 && !memcmp(w, ana + 4, nw)) {
			*a = m->start;
			*b = m->end;
			return 1;
		}
	}
	return 0;
}

static void print_attributions(const struct doc *d)
{
	FILE *f = d->f;
	for (size_t a = 0; a < d->att.n; a++) {
		const struct isnad_attribution *at = &d->att.v[a];
		fprintf(f,
		        "%s{\"start\":%zu,\"end\":%zu,\"cue\":", a ? "," : "",
		        at->start, at->end);
		isnad_json_str(f, d->text + at->cue_start,
		               at->cue_end - at->cue_start);
		fputs(",\"chain\":[", f);
		for (size_t k = 0; k < at->n_links; k++) {
			const struct isnad_attrib_link *l =
			    &d->att.links[at->link + k];
			size_t s0 = l->ref_end ? l->ref_start : l->start;
			size_t e0 = l->ref_end ? l->ref_end : l->end;
			int ref = l->ref_end != 0 ||
			          mention_antecedent(d, l, &s0, &e0) ||
			          honorific_antecedent(d, l, &s0, &e0);
			fprintf(f, "%s{\"kind\":\"%s\",\"text\":", k ? "," : "",
			        isnad_source_kind_name(
			            (enum isnad_source_kind)link_kind(d, l)));
			isnad_json_str(f, d->text + l->start,
			               l->end - l->start);
			/* what an anaphor («الوكالة», «المصدر نفسه») refers
			 * back to, as the text first names it */
			if (ref && (e0 - s0 != l->end - l->start ||
			            memcmp(d->text + s0, d->text + l->start,
			                   e0 - s0))) {
				fputs(",\"refers_to\":", f);
				isnad_json_str(f, d->text + s0, e0 - s0);
			}
			fputs(",\"entity\":", f);
			jstr(f, key_at(d, s0, e0));
			putc('}', f);
		}
		fputs("]}", f);
	}
}

/* Events with their evidence sentence; time is the first date inside it. */
/* An attribution by the start of its claim. */
struct claim_ref {
	size_t start, idx;
};

static int by_claim_start(const void *x, const void *y)
{
	const struct claim_ref *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

/*
 * The innermost claim holding an event's trigger (a nested report's is
 * inside its parent's), or -1.  by_start lists the attributions by claim
 * start (NULL: scan them all); the claims that start at or before the
 * trigger are searched back from the nearest, at most CLAIM_BACK of them,
 * so a text with tens of thousands of claims and events stays n log n.
 */
#define CLAIM_BACK 64
static long claim_holding(const struct doc *d, const struct claim_ref *by_start,
                          const struct isnad_event *e)
{
	long att = -1;
	size_t lo = 0, hi = d->att.n, k;
	if (!by_start) {
		for (size_t a = 0; a < d->att.n; a++)
			if (d->att.v[a].start <= e->trig_start &&
			    d->att.v[a].end >= e->trig_end &&
			    (att < 0 ||
			     d->att.v[a].end - d->att.v[a].start <
			         d->att.v[att].end - d->att.v[att].start))
				att = (long)a;
		return att;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (by_start[mid].start <= e->trig_start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k > 0 && lo - k < CLAIM_BACK; k--) {
		size_t ai = by_start[k - 1].idx;
		const struct isnad_attribution *a = &d->att.v[ai];
		if (a->end >= e->trig_end &&
		    (att < 0 ||
		     a->end - a->start <
		         d->att.v[att].end - d->att.v[att].start ||
		     (a->end - a->start ==
		          d->att.v[att].end - d->att.v[att].start &&
		      ai < (size_t)att)))
			att = (long)ai;
	}
	return att;
}

/* The event's time: the date nearest its trigger in its clause
 * («وصل الفريق إلى بولو … ويستمر المعسكر حتى 6 أغسطس» gives the
 * camp's end to no arrival; «الذي يواجه ثورة منذ عام 2011» is
 * another clause's). */
static const char *event_time(const struct doc *d, const struct isnad_event *e,
                              const struct isnad_values *vals)
{
	const char *time = NULL;
	/* a date that opens the sentence («وفي يوم الثلاثاء 24 مارس هنأ …،
	 * واستقبل …») dates all its clauses: no clause start here */
	size_t cend = clause_end(d, e), cstart = e->start;
	size_t best = SIZE_MAX;
	/* the values are sorted by start (extract sorts them): only the
	 * event's sentence is read */
	for (size_t k =
	         lower_start(vals->v, vals->n, sizeof *vals->v,
	                     offsetof(struct isnad_value, start), cstart);
	     k < vals->n && vals->v[k].start < cend; k++) {
		const struct isnad_value *v = &vals->v[k];
		size_t dist;
		if (v->type != ISNAD_VAL_DATE || v->start < cstart ||
		    v->end > e->end || !v->timex[0] || v->start >= cend ||
		    date_names_group(d->text, v->start))
			continue;
		/* a date may stand further from a known event's noun than
		 * its parties («السفر خارج المملكة هذا اليوم السبت التاسع
		 * من شوال»): the long span only */
		dist = v->end <= e->trig_start
		           ? words_between(d->text, v->end, e->trig_start)
		           : words_between(d->text, e->trig_end, v->start);
		if (dist > ACTOR_SPAN)
			continue;
		if (dist < best) {
			best = dist;
			time = v->timex;
		}
	}
	return time;
}

static void print_events(const struct doc *d, const struct isnad_values *vals)
{
	FILE *f = d->f;
	const char *text = d->text;
	size_t len = d->len;
	struct isnad_events ev;
	struct claim_ref *by_start =
	    d->att.n ? isnad_malloc(d->att.n * sizeof *by_start) : NULL;
	struct isnad_span *names;
	size_t nn = 0;
	isnad_events_init(&ev);
	if (by_start) {
		for (size_t a = 0; a < d->att.n; a++) {
			by_start[a].start = d->att.v[a].start;
			by_start[a].idx = a;
		}
		qsort(by_start, d->att.n, sizeof *by_start, by_claim_start);
	}
	/* no trigger inside a name («تحالف دعم الشرعية») */
	names = d->n_m ? isnad_malloc(d->n_m * sizeof *names) : NULL;
	for (size_t i = 0; names && i < d->n_m; i++) {
		if (nn && d->m[i].start < names[nn - 1].end)
			continue; /* overlapping: keep the first */
		/* the name of an event is the event: «القمة العربية»; a
		 * title in quotes is a work's: «بنات المول» */
		if (d->m[i].type == ISNAD_NER_MISC && !quoted_at(d, i))
			continue;
		names[nn].start = d->m[i].start;
		names[nn++].end = d->m[i].end;
	}
	if (isnad_events_find_named(text, len, &d->toks, names, nn, &ev) ==
	    ISNAD_OK)
		for (size_t i = 0, printed = 0; i < ev.n; i++) {
			const struct isnad_event *e = &ev.v[i];
			const char *time = NULL, *acts[64], *place;
			size_t na;
			long att = -1;
			time = event_time(d, e, vals);
			att = claim_holding(d, by_start, e);
			na = event_actors(d, e, att, acts, 64, &place);
			/* support, a demand, a sale, a trip or funding with
			 * no one, no place and no time named is a kind of
			 * thing talked about («موسم السفر», «العرض
			 * والطلب», «دعم الشباب»), far more often than an
			 * act (a sample: 22 of 30) */
			if (!na && !place && !time &&
			    (e->type == ISNAD_EV_SUPPORT ||
			     e->type == ISNAD_EV_DEMAND ||
			     e->type == ISNAD_EV_TRADE ||
			     e->type == ISNAD_EV_TRAVEL ||
			     e->type == ISNAD_EV_FUND))
				continue;
			fprintf(f,
			        "%s{\"type\":\"%s\",\"start\":%zu,\"end\":%zu,"
			        "\"trigger\":",
			        printed++ ? "," : "",
			        isnad_event_type_name(e->type), e->start,
			        e->end);
			isnad_json_str(f, text + e->trig_start,
			               e->trig_end - e->trig_start);
			fputs(",\"actors\":[", f);
			for (size_t k = 0; k < na; k++) {
				fputs(k ? "," : "", f);
				jstr(f, acts[k]);
			}
			fputs("],\"place\":", f);
			jstr(f, place);
			fputs(",\"time\":", f);
			jstr(f, time);
			if (att >= 0)
				fprintf(f, ",\"attribution\":%ld}", att);
			else
				fputs(",\"attribution\":null}", f);
		}
	isnad_events_release(&ev);
	isnad_free(by_start);
	isnad_free(names);
}

/* Bytes of a quote mark ending at t[e] (before = 1) or starting at t[e]. */
static size_t quote_at(const char *t, size_t a, size_t e, size_t len,
                       int before)
{
	static const char *const q[] = {"\"", "«", "»", "“", "”"};
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(q); k++) {
		size_t n = strlen(q[k]);
		if (before ? e >= a + n && !memcmp(t + e - n, q[k], n)
		           : e + n <= len && !memcmp(t + e, q[k], n))
			return n;
	}
	return 0;
}

/*
 * A name that is the whole of a source the attribution rules read as an
 * outlet, or stands in quotes inside it («قال لـ«الشرق الأوسط»», «ذكرت
 * صحيفة «الرياض»»), is the paper, not the place or a person.  A place
 * that is only part of an outlet's name (إذاعة جدة) or where it sits
 * keeps its type.
 */
static void outlets_are_bodies(struct doc *d)
{
	for (size_t k = 0; k < d->att.n_links; k++) {
		const struct isnad_attrib_link *l = &d->att.links[k];
		size_t a = l->start, e = l->end, q;
		if (l->kind != ISNAD_SRC_OUTLET)
			continue;
		for (;;) {
			q = a < e && d->text[a] == ' ' ? 1
			    : a < e ? quote_at(d->text, a, a, e, 0)
			            : 0;
			if (!q)
				break;
			a += q;
		}
		for (;;) {
			q = e > a && d->text[e - 1] == ' ' ? 1
			    : e > a ? quote_at(d->text, a, e, e, 1)
			            : 0;
			if (!q)
				break;
			e -= q;
		}
		for (size_t i = first_at_or_after(d, l->start);
		     i < d->n_m && d->m[i].start < l->end; i++) {
			struct isnad_span_typed *m = &d->m[i];
			int whole = m->start == a && m->end == e;
			int quoted =
			    quote_at(d->text, l->start, m->start, d->len, 1) &&
			    quote_at(d->text, m->end, m->end, d->len, 0);
			if ((whole || quoted) && (m->type == ISNAD_NER_LOC ||
			                          m->type == ISNAD_NER_PER))
				m->type = ISNAD_NER_ORG;
		}
	}
}

isnad_status isnad_extract_write(struct isnad_extractor *ex, const char *source,
                                 const struct isnad_page *page, FILE *f)
{
	char id[17], date[11];
	struct isnad_values vals;
	struct doc d;
	isnad_text_id(page->text ? page->text : "",
	              page->text ? page->text_len : 0, id);
	date[0] = '\0';
	if (page->published && strlen(page->published) >= 10)
		snprintf(date, sizeof date, "%.10s", page->published);
	fprintf(
	    f, "{\"schema\":\"isnad.extract/1\",\"id\":\"%s\",\"source\":", id);
	jstr(f, source);
	fputs(",\"title\":", f);
	jstr(f, page->title);
	fputs(",\"outlet\":", f);
	jstr(f, page->outlet);
	fputs(",\"published\":", f);
	jstr(f, date[0] ? date : NULL);
	fputs(",\"lang\":\"ar\",\"tags\":[", f);
	for (size_t i = 0; i < page->n_tags; i++) {
		if (i)
			putc(',', f);
		jstr(f, page->tags[i]);
	}
	fputs("],\"text\":", f);
	isnad_json_str(f, page->text ? page->text : "",
	               page->text ? page->text_len : 0);
	isnad_values_init(&vals);
	memset(&d, 0, sizeof d);
	d.f = f;
	d.text = page->text ? page->text : "";
	d.len = page->text ? page->text_len : 0;
	isnad_attributions_init(&d.att);
	isnad_tokens_init(&d.toks);
	if (d.len) {
		isnad_values_find(d.text, d.len, date[0] ? date : NULL, &vals);
		if (isnad_tokenize(ex->tk, d.text, d.len, &d.toks) != ISNAD_OK)
			d.toks.n = 0; /* then no names, claims or events */
	}
	named_mentions(ex, &d);
	drop_event_nouns(&d);
	/* the page's outlet, where the tagger found it (a dateline «أنقرة -
	 * الخليج أونلاين»), is a body whatever type it guessed */
	if (page->outlet)
		for (size_t i = 0; i < d.n_m; i++)
			if (d.m[i].end - d.m[i].start == strlen(page->outlet) &&
			    !memcmp(d.text + d.m[i].start, page->outlet,
			            d.m[i].end - d.m[i].start))
				d.m[i].type = ISNAD_NER_ORG;
	if (d.toks.n)
		isnad_attrib_find_tokens(d.text, d.len, &d.toks, &d.att);
	outlets_are_bodies(&d);
	/* values come dates first, then numbers: into text order */
	if (vals.n > 1)
		qsort(vals.v, vals.n, sizeof *vals.v, by_value_start);
	drop_inside_values(&d, &vals);
	isnad_resolve(d.text, d.m, d.n_m, &d.res);
	drop_named_units(&d, &vals);
	run_aliases(ex, &d);
	group_by_entity(&d);
	fputs(",\"mentions\":[", f);
	print_mentions_entities(&d, print_values(f, &vals, d.text) == 0, 0);
	fputs("],\"descriptions\":[", f);
	print_mentions_entities(&d, 1, 1);
	fputs("],\"entities\":[", f);
	print_entities(&d);
	fputs("],\"attributions\":[", f);
	print_attributions(&d);
	fputs("],\"unattributed\":[", f);
	for (size_t k = 0; k < d.att.unattributed.n; k++)
		fprintf(f, "%s{\"start\":%zu,\"end\":%zu}", k ? "," : "",
		        d.att.unattributed.v[k].start,
		        d.att.unattributed.v[k].end);
	fputs("],\"events\":[", f);
	if (d.toks.n)
		print_events(&d, &vals);
	fputs("]}\n", f);
	isnad_values_release(&vals);
	isnad_attributions_release(&d.att);
	isnad_resolution_release(&d.res);
	isnad_tokens_release(&d.toks);
	isnad_free(d.m);
	isnad_free(d.by_ent);
	isnad_free(d.ent_off);
	return ferror(f) ? ISNAD_EIO : ISNAD_OK;
}
