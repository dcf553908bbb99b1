/*
 * test_attrib.c - attributions: the reviewed cases of tests/data/attrib/
 * cases.tsv (sentences taken or paraphrased from news articles, with the
 * expected cue, chain and a piece of the claim), the chains of the seed
 * pages, anaphora, unattributed sentences, and bad input.
 */
#include <stdlib.h>

#include "harness.h"
#include "isnad/alloc.h"
#include "isnad/attrib.h"

static struct isnad_tokenizer *tok(void)
{
	struct isnad_tokenizer *tk = NULL;
	CHECK_INT(isnad_tokenizer_new(NULL, &tk), ISNAD_OK);
	return tk;
}

/* Every span inside the text, non-empty, ordered. */
static void check_spans(const char *s, size_t len,
                        const struct isnad_attributions *a)
{
	for (size_t i = 0; i < a->n; i++) {
		const struct isnad_attribution *x = &a->v[i];
		CHECK(x->start < x->end && x->end <= len);
		CHECK(x->cue_start < x->cue_end && x->cue_end <= len);
		CHECK(x->n_links >= 1 && x->link + x->n_links <= a->n_links);
		for (size_t k = 0; k < x->n_links; k++) {
			const struct isnad_attrib_link *l =
			    &a->links[x->link + k];
			CHECK(l->start < l->end && l->end <= len);
			CHECK(l->kind < ISNAD_SRC__COUNT);
			CHECK(l->ref_end == 0 ||
			      (l->ref_start < l->ref_end && l->ref_end <= len));
		}
	}
	for (size_t i = 0; i < a->unattributed.n; i++)
		CHECK(a->unattributed.v[i].start < a->unattributed.v[i].end &&
		      a->unattributed.v[i].end <= len);
	(void)s;
}

static int span_is(const char *s, size_t a, size_t b, const char *want,
                   size_t wn)
{
	return b - a == wn && !memcmp(s + a, want, wn);
}

/* Chain as "kind:text|kind:text". */
static void chain_str(const char *s, const struct isnad_attributions *a,
                      const struct isnad_attribution *x, char *out, size_t cap)
{
	size_t n = 0;
	out[0] = 0;
	for (size_t k = 0; k < x->n_links; k++) {
		const struct isnad_attrib_link *l = &a->links[x->link + k];
		int w = snprintf(out + n, cap - n, "%s%s:%.*s", k ? "|" : "",
		                 isnad_source_kind_name(l->kind),
		                 (int)(l->end - l->start), s + l->start);
		if (w < 0 || (size_t)w >= cap - n)
			return;
		n += (size_t)w;
	}
}

/* Is there an attribution with this cue, chain and claim piece? */
static int has(const char *s, const struct isnad_attributions *a,
               const char *cue, const char *chain, const char *claim, char *got,
               size_t gcap)
{
	size_t gl = 0;
	got[0] = 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct isnad_attribution *x = &a->v[i];
		char ch[1024];
		chain_str(s, a, x, ch, sizeof ch);
		if (gl + strlen(ch) + 64 < gcap)
			gl +=
			    (size_t)snprintf(got + gl, gcap - gl, " {%.*s %s}",
			                     (int)(x->cue_end - x->cue_start),
			                     s + x->cue_start, ch);
		if (!span_is(s, x->cue_start, x->cue_end, cue, strlen(cue)))
			continue;
		if (strcmp(ch, chain))
			continue;
		{
			size_t cl = strlen(claim), m = x->end - x->start;
			for (size_t j = 0; j + cl <= m; j++)
				if (!memcmp(s + x->start + j, claim, cl))
					return 1;
		}
	}
	return 0;
}

TEST(attrib_cases)
{
	size_t len = 0, ncases = 0;
	char *data = harness_slurp("tests/data/attrib/cases.tsv", &len);
	struct isnad_tokenizer *tk = tok();
	struct isnad_attributions a;
	char *line, *save = NULL;
	CHECK(data != NULL);
	if (!data || !tk) {
		free(data);
		isnad_tokenizer_free(tk);
		return;
	}
	isnad_attributions_init(&a);
	for (line = strtok_r(data, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[4], *p = line, got[4096];
		int nf = 0;
		if (line[0] == '#' || !line[0])
			continue;
		while (nf < 4) {
			f[nf++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = 0;
		}
		if (nf != 4) {
			harness_fail(__FILE__, __LINE__, "bad case line: %s",
			             line);
			continue;
		}
		ncases++;
		isnad_attributions_clear(&a);
		CHECK_INT(isnad_attrib_find(tk, f[0], strlen(f[0]), &a),
		          ISNAD_OK);
		check_spans(f[0], strlen(f[0]), &a);
		if (!strcmp(f[1], "-")) {
			if (a.n)
				harness_fail(__FILE__, __LINE__,
				             "no attribution expected in: %s "
				             "(found %zu)",
				             f[0], a.n);
			continue;
		}
		if (!has(f[0], &a, f[1], f[2], f[3], got, sizeof got))
			harness_fail(__FILE__, __LINE__,
			             "case: %s\n  want {%s %s} claim ~ %s\n"
			             "  got%s",
			             f[0], f[1], f[2], f[3], got);
	}
	CHECK(ncases >= 40);
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
	free(data);
}

/* The gold chains of the seed pages are found (as the scorer reads them:
 * the source's words inside a link, the claim's words inside the span). */
static int seed_has(const char *s, const struct isnad_attributions *a,
                    const char *claim, const char *src1, int kind1,
                    const char *src2, int kind2)
{
	for (size_t i = 0; i < a->n; i++) {
		const struct isnad_attribution *x = &a->v[i];
		int ok1 = 0, ok2 = !src2;
		size_t cl = strlen(claim), m = x->end - x->start, j;
		for (j = 0; j + cl <= m; j++)
			if (!memcmp(s + x->start + j, claim, cl))
				break;
		if (j + cl > m)
			continue;
		for (size_t k = 0; k < x->n_links; k++) {
			const struct isnad_attrib_link *l =
			    &a->links[x->link + k];
			size_t ln = l->end - l->start;
			for (size_t q = 0; q + strlen(src1) <= ln; q++)
				if (!memcmp(s + l->start + q, src1,
				            strlen(src1)) &&
				    k == 0 && l->kind == kind1)
					ok1 = 1;
			if (src2)
				for (size_t q = 0; q + strlen(src2) <= ln; q++)
					if (!memcmp(s + l->start + q, src2,
					            strlen(src2)) &&
					    k == 1 && l->kind == kind2)
						ok2 = 1;
		}
		if (ok1 && ok2)
			return 1;
	}
	return 0;
}

TEST(attrib_seeds)
{
	struct isnad_tokenizer *tk = tok();
	struct isnad_attributions a;
	size_t len;
	char *s;
	isnad_attributions_init(&a);

	s = harness_seed("000_d7045005b1b551ef.txt", &len);
	if (s && tk) {
		CHECK_INT(isnad_attrib_find(tk, s, len, &a), ISNAD_OK);
		check_spans(s, len, &a);
		/* «حسبما ذكرت مصادر متعددة ... لموقع نورديك مونيتور» */
		CHECK(seed_has(s, &a, "ثلاثة اجتماعات", "نورديك مونيتور",
		               ISNAD_SRC_OUTLET, "مصادر متعددة",
		               ISNAD_SRC_ANONYMOUS));
		/* «وفقا للمصادر»: the same sources, through the same site */
		CHECK(seed_has(s, &a, "ألبير أورن", "نورديك مونيتور",
		               ISNAD_SRC_OUTLET, "مصادر", ISNAD_SRC_ANONYMOUS));
		CHECK(seed_has(s, &a, "كمال إسكنتان", "نورديك مونيتور",
		               ISNAD_SRC_OUTLET, NULL, 0));
		CHECK(seed_has(s, &a, "قاعة المؤتمرات", "الموقع",
		               ISNAD_SRC_OUTLET, NULL, 0));
		CHECK(seed_has(s, &a, "المواد الغذائية", "محضر الاجتماع",
		               ISNAD_SRC_DOCUMENT, NULL, 0));
		CHECK(seed_has(s, &a, "هاكان فيدان", "المصدر",
		               ISNAD_SRC_ANONYMOUS, NULL, 0));
		/* «وأشار الموقع» refers back to «موقع نورديك مونيتور» */
		{
			int found = 0;
			for (size_t i = 0; i < a.n_links; i++) {
				const struct isnad_attrib_link *l = &a.links[i];
				if (span_is(s, l->start, l->end, "الموقع",
				            12) &&
				    l->ref_end &&
				    l->ref_end - l->ref_start > 20 &&
				    !memcmp(s + l->ref_start, "موقع نورديك",
				            strlen("موقع نورديك")))
					found = 1;
			}
			CHECK(found);
		}
	}
	free(s);

	isnad_attributions_clear(&a);
	s = harness_seed("001_c3bd0c4db61350cf.txt", &len);
	if (s && tk) {
		CHECK_INT(isnad_attrib_find(tk, s, len, &a), ISNAD_OK);
		check_spans(s, len, &a);
		CHECK(seed_has(s, &a, "الشدّادي", "صحيفة محلية",
		               ISNAD_SRC_OUTLET, "مصدر في جهاز الاستخبارات",
		               ISNAD_SRC_ANONYMOUS));
		CHECK(seed_has(s, &a, "البنود الأربعة", "ديلي صباح",
		               ISNAD_SRC_OUTLET, "المصدر الاستخباراتي",
		               ISNAD_SRC_ANONYMOUS));
		CHECK(seed_has(s, &a, "نظريات المؤامرة", "الصحيفة",
		               ISNAD_SRC_OUTLET, NULL, 0));
	}
	free(s);

	isnad_attributions_clear(&a);
	s = harness_seed("002_ed962ffacf59246b.txt", &len);
	if (s && tk) {
		int un = 0;
		CHECK_INT(isnad_attrib_find(tk, s, len, &a), ISNAD_OK);
		check_spans(s, len, &a);
		CHECK(seed_has(s, &a, "أمراء داعش", "المرصد السوري لحقوق",
		               ISNAD_SRC_ORGANIZATION, NULL, 0));
		CHECK(seed_has(s, &a, "100 مليون دولار", "وزارة الخزانة",
		               ISNAD_SRC_DOCUMENT, NULL, 0));
		CHECK(seed_has(s, &a, "أنشطة إرهابية", "الأمم المتحدة",
		               ISNAD_SRC_ORGANIZATION, NULL, 0));
		/* the sentence with no source is marked */
		for (size_t i = 0; i < a.unattributed.n; i++) {
			const struct isnad_span *u = &a.unattributed.v[i];
			const char *w = "خلايا نائمة تدعمها تركيا";
			for (size_t q = u->start; q + strlen(w) <= u->end; q++)
				if (!memcmp(s + q, w, strlen(w)))
					un = 1;
		}
		CHECK(un);
	}
	free(s);

	isnad_attributions_clear(&a);
	s = harness_seed("003_08cc6811943044f1.txt", &len);
	if (s && tk) {
		CHECK_INT(isnad_attrib_find(tk, s, len, &a), ISNAD_OK);
		check_spans(s, len, &a);
		/* «نقلت وكالة أنباء الأناضول عن وزير الخارجية ... قوله» */
		CHECK(seed_has(s, &a, "إسطنبول", "وكالة أنباء الأناضول",
		               ISNAD_SRC_OUTLET, "مولود جاويش أوغلو",
		               ISNAD_SRC_PERSON));
		CHECK(seed_has(s, &a, "دعاية إعلامية", "المراقبين",
		               ISNAD_SRC_ANONYMOUS, NULL, 0));
	}
	free(s);
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* A sentence that opens with a verb of stance (condemned, welcomed,
 * accused …) has its source: it is not an unsourced assertion; one that
 * asserts with no source is. */
TEST(attrib_stance_is_not_unattributed)
{
	static const char *const s[] = {
	    "وأدانت الوزارة في بيان صحفي، اقتحام المستوطنين المتطرفين تحت "
	    "حماية قوات الاحتلال اليوم المسجد الأقصى المبارك.",
	    "واتهم المتمردين بمواصلة عملياتهم العسكرية في منطقة جبل صبر "
	    "رغم الهدنة المعلنة.",
	    "ورحب الأمين العام للأمم المتحدة بوقف إطلاق النار وحث جميع "
	    "الأطراف على وقف العمليات.",
	    NULL};
	const char *plain = "ووصلت مساعدات سعودية جديدة اليوم إلى مدينة عدن "
	                    "جنوب اليمن مع زيارة وفد أممي.";
	struct isnad_tokenizer *tk = tok();
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	for (int i = 0; s[i] && tk; i++) {
		isnad_attributions_clear(&a);
		CHECK_INT(isnad_attrib_find(tk, s[i], strlen(s[i]), &a),
		          ISNAD_OK);
		CHECK_INT(a.unattributed.n, 0);
	}
	if (tk) {
		isnad_attributions_clear(&a);
		CHECK_INT(isnad_attrib_find(tk, plain, strlen(plain), &a),
		          ISNAD_OK);
		CHECK_INT(a.unattributed.n, 1);
	}
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* Text with no Arabic, only punctuation or digits, empty text, and one
 * sentence of 100,000 tokens: empty results (or sane ones), no crash. */
TEST(attrib_bad_input)
{
	static const char *const empties[] = {
	    "",
	    "hello world, this is English text. Said: \"nothing\".",
	    "!!! ... ؟؟؟ ،،، «» “” \"\" :::",
	    "1234 5678 ٣٤٥ 9.5 10,000",
	    "قال",
	    "قال إن",
	    "وفقا ل",
	    "بحسب",
	    "«",
	    "، حسبما ذكرت",
	    NULL};
	struct isnad_tokenizer *tk = tok();
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	for (int i = 0; empties[i] && tk; i++) {
		isnad_attributions_clear(&a);
		CHECK_INT(
		    isnad_attrib_find(tk, empties[i], strlen(empties[i]), &a),
		    ISNAD_OK);
		CHECK_INT(a.n, 0);
		CHECK_INT(a.unattributed.n, 0);
	}
	if (tk) {
		/* 100,000 tokens without a full stop, full of cues */
		const char *unit = "قال مصدر إن وفقا للمصادر ";
		size_t ul = strlen(unit), n = 20000, len = ul * n;
		char *big = malloc(len + 1);
		CHECK(big != NULL);
		if (big) {
			for (size_t i = 0; i < n; i++)
				memcpy(big + i * ul, unit, ul);
			big[len] = 0;
			isnad_attributions_clear(&a);
			CHECK_INT(isnad_attrib_find(tk, big, len, &a),
			          ISNAD_OK);
			check_spans(big, len, &a);
			memset(big, '.', len);
			isnad_attributions_clear(&a);
			CHECK_INT(isnad_attrib_find(tk, big, len, &a),
			          ISNAD_OK);
			CHECK_INT(a.n, 0);
			free(big);
		}
	}
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* Out of memory at every allocation: ISNAD_ENOMEM and empty lists, or
 * success; never a leak or crash. */
TEST(attrib_oom)
{
	const char *s =
	    "وقال المتحدث باسم الوزارة لـ«الشرق الأوسط» إن الاجتماع "
	    "عقد أمس. وأضاف أن النتائج جيدة، حسبما ذكرت مصادر "
	    "مطلعة لموقع الخبر. وتحدث الناس طويلا عن أمور كثيرة "
	    "جدا في المدينة الكبيرة.";
	struct isnad_tokenizer *tk = tok();
	struct isnad_attributions a;
	int ok = 0;
	if (!tk)
		return;
	isnad_attributions_init(&a);
	for (int n = 0; n < 400 && !ok; n++) {
		isnad_status st;
		isnad_attributions_clear(&a);
		harness_fail_allocs_after(n);
		st = isnad_attrib_find(tk, s, strlen(s), &a);
		harness_fail_allocs_after(-1);
		CHECK(st == ISNAD_OK || st == ISNAD_ENOMEM);
		if (st == ISNAD_ENOMEM)
			CHECK(a.n == 0 && a.unattributed.n == 0);
		ok = st == ISNAD_OK;
	}
	CHECK(ok);
	CHECK(a.n >= 2);
	isnad_attributions_release(&a);
	isnad_attributions_release(NULL);
	isnad_tokenizer_free(tk);
}

TEST(attrib_kind_names)
{
	CHECK_STR(isnad_source_kind_name(ISNAD_SRC_OUTLET), "outlet");
	CHECK_STR(isnad_source_kind_name(ISNAD_SRC_ANONYMOUS), "anonymous");
	CHECK_STR(isnad_source_kind_name(ISNAD_SRC_DOCUMENT), "document");
	CHECK_STR(isnad_source_kind_name((enum isnad_source_kind)99),
	          "unknown");
}

/* A verb continuing a dropped subject agrees with it: «قائلةً» does not
 * continue a man's words, «معتبراً» not a ministry's. */
TEST(attrib_gender_agreement)
{
	static const struct {
		const char *text, *bad_cue;
	} cases[] = {
	    {"وأشار سليمان السنيدي إلى أنه عاصر العيد في طفولته. قائلةً إن "
	     "ربة المنزل تختلف عن النساء الأوائل.",
	     "قائلةً"},
	    {"وقالت وزارة الدفاع في بيان إن الوزيرين بحثا التعاون، معتبرًا "
	     "أن العراق خط الدفاع الأول.",
	     "معتبرًا"},
	    {NULL, NULL}};
	struct isnad_tokenizer *tk = tok();
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	for (int i = 0; cases[i].text && tk; i++) {
		const char *s = cases[i].text;
		isnad_attributions_clear(&a);
		CHECK_INT(isnad_attrib_find(tk, s, strlen(s), &a), ISNAD_OK);
		CHECK(a.n >= 1);
		for (size_t k = 0; k < a.n; k++)
			CHECK(!span_is(s, a.v[k].cue_start, a.v[k].cue_end,
			               cases[i].bad_cue,
			               strlen(cases[i].bad_cue)));
	}
	/* but «مضيفة» continues the ministry */
	if (tk) {
		const char *s = "وقالت وزارة الدفاع إن الوزيرين بحثا التعاون، "
		                "مضيفة أن الجانب العراقي شدد على المساعدة.";
		int found = 0;
		isnad_attributions_clear(&a);
		CHECK_INT(isnad_attrib_find(tk, s, strlen(s), &a), ISNAD_OK);
		for (size_t k = 0; k < a.n; k++)
			found |=
			    span_is(s, a.v[k].cue_start, a.v[k].cue_end,
			            "مضيفة", strlen("مضيفة")) &&
			    a.v[k].n_links == 1 &&
			    a.links[a.v[k].link].kind == ISNAD_SRC_ORGANIZATION;
		CHECK(found);
	}
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* A long stretch of modifiers (an apposition, a venue with its own
 * clause) ending at a comma before إن still belongs to the verb. */
TEST(attrib_long_modifiers_up_to_comma_an)
{
	const char *t = "وقال خالد منصور، المتحدث باسم الحركة، في مقابلة "
	                "تلفزيونية بثتها قناة محلية مساء السبت، إن المفاوضات "
	                "توقفت.";
	struct isnad_tokenizer *tk = NULL;
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	CHECK(isnad_tokenizer_new(NULL, &tk) == ISNAD_OK);
	CHECK(isnad_attrib_find(tk, t, strlen(t), &a) == ISNAD_OK);
	CHECK_INT(a.n, 1);
	if (a.n == 1) {
		const struct isnad_attribution *x = &a.v[0];
		const struct isnad_attrib_link *l = &a.links[x->link];
		CHECK_MEM(t + x->start, x->end - x->start, "المفاوضات توقفت");
		CHECK_MEM(t + l->start, l->end - l->start, "خالد منصور");
	}
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* A report joined by «فيما» or «في حين» is a claim of its own, and the
 * claim it interrupts ends before the joining word. */
TEST(attrib_clause_link_ends_claim)
{
	const char *t = "ذكرت تقارير إعلامية أن الرئيس سيزور القاهرة الأسبوع "
	                "المقبل، فيما أكدت مصادر دبلوماسية أن الزيارة تأجلت. "
	                "وقال المدير إن المشروع اكتمل في حين أكد المهندسون أن "
	                "العمل لم ينته.";
	static const char *const claims[] = {
	    "الرئيس سيزور القاهرة الأسبوع المقبل", "الزيارة تأجلت",
	    "المشروع اكتمل", "العمل لم ينته"};
	struct isnad_tokenizer *tk = NULL;
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	CHECK(isnad_tokenizer_new(NULL, &tk) == ISNAD_OK);
	CHECK(isnad_attrib_find(tk, t, strlen(t), &a) == ISNAD_OK);
	CHECK_INT(a.n, 4);
	for (size_t i = 0; i < a.n && i < 4; i++)
		CHECK_MEM(t + a.v[i].start, a.v[i].end - a.v[i].start,
		          claims[i]);
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* A dropped subject agrees in number: «وأضاف» does not go on with «قال
 * المتحدثون», «وأضافوا» does; a participle after hearsay («يتردد أن»)
 * does not take the hearsay for its speaker. */
TEST(attrib_number_agreement)
{
	static const struct {
		const char *text;
		size_t n;
	} cases[] = {
	    {"وقال المتحدثون باسم الحملة إن التبرعات تجاوزت المليون. وأضاف "
	     "أن التوزيع يبدأ غدا.",
	     1},
	    {"وقال المتحدثون باسم الحملة إن التبرعات تجاوزت المليون. "
	     "وأضافوا أن التوزيع يبدأ غدا.",
	     2},
	    {"وقال الوزير إن المشروع اكتمل. وأضافوا أن التوزيع يبدأ غدا.", 1},
	    /* the report a prepositional cue relays replaces the cue's own
	     * claim, which was only that report */
	    {"ووفقا لوكالة الأنباء السعودية أكد وزير الصحة أن الوضع مطمئن.", 1},
	    /* a body is one: a plural participle goes back to others */
	    {"وأكدت الهيئة أنها كثفت جولاتها. وتلقت الصحيفة اتصالات من "
	     "المواطنين، مؤكدين أن حضورهم جاء بناء على مواعيد.",
	     1},
	    /* a hedge in a speaker's words is his, no report of its own */
	    {"وأوضح رئيس الجمعية أنه سيتسبب ضوء القمر في طمس الشهب، ويُتوقع "
	     "أن تكون في قمة نشاطها فجرا.",
	     2},
	    /* a definite noun before a name is one person's title */
	    {"وقال الطالب محمد الحربي إن الدراسة صعبة. وأضافوا أن المدرسة "
	     "تحتاج إلى معلمين.",
	     1},
	    {"ويتردد أنه أصبح مسؤولا في التنظيم. وأضاف أن القتال مستمر.", 1},
	};
	struct isnad_tokenizer *tk = NULL;
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	CHECK(isnad_tokenizer_new(NULL, &tk) == ISNAD_OK);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		isnad_attributions_clear(&a);
		CHECK(isnad_attrib_find(tk, cases[i].text,
		                        strlen(cases[i].text), &a) == ISNAD_OK);
		if (a.n != cases[i].n)
			harness_fail(__FILE__, __LINE__,
			             "%zu attributions in: %s", a.n,
			             cases[i].text);
	}
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* A report after «فيما» is a subordinate clause: a noun-phrase claim ends
 * at the first comma; a clause after إن runs on to the next cue. */
TEST(attrib_clause_link_subordinate)
{
	const char *t = "وفيما أعلن مجلس النواب عقد جلسته السبت المقبل، طالب "
	                "التحالف الكتل النيابية بموقف موحد. وفيما قالت الشرطة "
	                "إن أربعة مهاجمين قتلوا، وإن اثنين أصيبا، أكد الوزير "
	                "أن الطرق مغلقة.";
	struct isnad_tokenizer *tk = NULL;
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	CHECK(isnad_tokenizer_new(NULL, &tk) == ISNAD_OK);
	CHECK(isnad_attrib_find(tk, t, strlen(t), &a) == ISNAD_OK);
	CHECK_INT(a.n, 3);
	if (a.n == 3) {
		CHECK_MEM(t + a.v[0].start, a.v[0].end - a.v[0].start,
		          "عقد جلسته السبت المقبل");
		CHECK_MEM(t + a.v[1].start, a.v[1].end - a.v[1].start,
		          "أربعة مهاجمين قتلوا، وإن اثنين أصيبا");
	}
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* s holds one attribution, with n_links links, whose claim is not empty
 * and ends before the first occurrence of stop. */
static void one_claim_ends_before(const char *s, const char *stop,
                                  size_t n_links)
{
	struct isnad_tokenizer *tk = tok();
	struct isnad_attributions a;
	isnad_attributions_init(&a);
	CHECK_INT(isnad_attrib_find(tk, s, strlen(s), &a), ISNAD_OK);
	CHECK_INT(a.n, 1);
	if (a.n) {
		const char *r = strstr(s, stop);
		CHECK(r && a.v[0].end <= (size_t)(r - s));
		CHECK(a.v[0].end > a.v[0].start);
		CHECK_INT(a.v[0].n_links, n_links);
	}
	isnad_attributions_release(&a);
	isnad_tokenizer_free(tk);
}

/* «...، ورفض المصدر الإفصاح عن اسمه»: the narrator speaks of the source
 * again; the claim ends before. */
TEST(attrib_narrator_ends_claim)
{
	one_claim_ends_before("وكشفت مصادر مطلعة ان اللاعبين الثلاثة يمتلكون "
	                      "سيرة ذاتية جيدة، ورفض المصدر الإفصاح عن اسم أي "
	                      "لاعب منهم.",
	                      "رفض", 1);
}

/* A postposed cue names the relay of the report before it; the claim ends
 * before that cue. */
TEST(attrib_postposed_cue_ends_claim)
{
	one_claim_ends_before(
	    "وقال الوزير إن المفاوضات مستمرة، حسبما ذكرت وكالة "
	    "الأنباء الرسمية.",
	    "،", 2);
}

/* «…، لكنه لم يوضح …»: the narrator on what the source left out ends the
 * claim. */
TEST(attrib_denial_ends_claim)
{
	one_claim_ends_before("وقال الوزير إن المفاوضات مستمرة، لكنه لم يوضح "
	                      "موعد انتهائها.",
	                      "،", 1);
}
