/*
 * test_ner.c - named entities: the built-in model on sentences of our own,
 * mention spans without proclitics, the model file's checks (truncated,
 * damaged, other version), training, and inputs that must not crash.
 */
#include <stdlib.h>

#include "harness.h"
#include "isnad/isnad.h"
#include "isnad/ner.h"

struct found {
	char text[64][128];
	char type[64][8];
	size_t n;
};

/* Does the written word at s + at occur again in s? */
static int twice(const char *s, size_t at)
{
	size_t n = strcspn(s + at, " "), len = strlen(s);
	int k = 0;
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(s + i, s + at, n) && (i == 0 || s[i - 1] == ' '))
			k++;
	return k >= 2;
}

/* The mentions of s, tagged by the built-in model. */
static void ner(const char *s, struct found *f)
{
	struct isnad_tokenizer *tk = NULL;
	struct isnad_ner_tagger *tg = NULL;
	struct isnad_tokens t;
	const struct isnad_ner_mention *m;
	size_t n = 0;
	f->n = 0;
	isnad_tokens_init(&t);
	CHECK(isnad_ner_default() != NULL);
	if (!isnad_ner_default())
		return;
	CHECK_INT(isnad_tokenizer_new(NULL, &tk), ISNAD_OK);
	CHECK_INT(isnad_ner_tagger_new(isnad_ner_default(), &tg), ISNAD_OK);
	CHECK_INT(isnad_tokenize(tk, s, strlen(s), &t), ISNAD_OK);
	CHECK_INT(isnad_ner_tag_tokens(tg, &t, &m, &n), ISNAD_OK);
	for (size_t i = 0; i < n && f->n < 64; i++) {
		size_t len = m[i].end - m[i].start;
		CHECK(m[i].start < m[i].end && m[i].end <= strlen(s));
		CHECK(m[i].first < m[i].last && m[i].last <= t.n);
		/* a mention never starts with و ف ب ل ك, unless the letter
		 * is the name's own: س, one before two letters (بان), one
		 * the name has elsewhere in the text (فيفرز), or a person's
		 * first letter other than و (فايزة before her office) */
		CHECK(t.v[m[i].first].type != ISNAD_TOK_PROCLITIC ||
		      t.v[m[i].first].norm_len == 4 ||
		      !strncmp(t.v[m[i].first].norm, "\xd8\xb3", 2) ||
		      (m[i].first + 1 < t.n &&
		       t.v[m[i].first + 1].norm_len <= 4) ||
		      twice(s, m[i].start) ||
		      (m[i].type == ISNAD_NER_PER &&
		       strncmp(t.v[m[i].first].norm, "\xd9\x88", 2)));
		if (len >= sizeof f->text[0])
			len = sizeof f->text[0] - 1;
		memcpy(f->text[f->n], s + m[i].start, len);
		f->text[f->n][len] = '\0';
		snprintf(f->type[f->n], sizeof f->type[0], "%s",
		         isnad_ner_type_name(m[i].type));
		f->n++;
	}
	isnad_tokens_release(&t);
	isnad_ner_tagger_free(tg);
	isnad_tokenizer_free(tk);
}

static int has(const struct found *f, const char *text, const char *type)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->text[i], text) && !strcmp(f->type[i], type))
			return 1;
	fprintf(stderr, "  missing %s %s; found:", type, text);
	for (size_t i = 0; i < f->n; i++)
		fprintf(stderr, " [%s %s]", f->type[i], f->text[i]);
	fprintf(stderr, "\n");
	return 0;
}

TEST(ner_tag_names)
{
	CHECK_STR(isnad_ner_tag_name(0), "O");
	CHECK_STR(isnad_ner_tag_name(ISNAD_NER_B(ISNAD_NER_LOC)), "B-LOC");
	CHECK_STR(isnad_ner_tag_name(ISNAD_NER_I(ISNAD_NER_MISC)), "I-MISC");
	CHECK_STR(isnad_ner_tag_name(99), "?");
	CHECK_INT(isnad_ner_tag_parse("B-PERS", 6), ISNAD_NER_B(ISNAD_NER_PER));
	CHECK_INT(isnad_ner_tag_parse("I-GPE", 5), ISNAD_NER_I(ISNAD_NER_LOC));
	CHECK_INT(isnad_ner_tag_parse("B-MIS2", 6),
	          ISNAD_NER_B(ISNAD_NER_MISC));
	CHECK_INT(isnad_ner_tag_parse("B-DATE", 6), ISNAD_NER_O);
	CHECK_INT(isnad_ner_tag_parse("O", 1), ISNAD_NER_O);
}

TEST(ner_default_model_tags_sentences)
{
	struct found f;
	ner("وقال الرئيس الأمريكي باراك أوباما في واشنطن إن الولايات المتحدة "
	    "ستدعم العراق .",
	    &f);
	CHECK(has(&f, "باراك أوباما", "PER"));
	CHECK(has(&f, "واشنطن", "LOC"));
	CHECK(has(&f, "العراق", "LOC"));
	ner("وصل وزير الخارجية السعودي إلى القاهرة للقاء الرئيس المصري "
	    "حسني مبارك .",
	    &f);
	CHECK(has(&f, "القاهرة", "LOC"));
	CHECK(has(&f, "حسني مبارك", "PER"));
}

TEST(ner_mentions_leave_out_proclitics)
{
	struct found f;
	ner("وقال إن القوات انسحبت من سوريا والعراق وبغداد .", &f);
	CHECK(has(&f, "سوريا", "LOC"));
	CHECK(has(&f, "العراق", "LOC")); /* والعراق: the article stays */
	CHECK(has(&f, "بغداد", "LOC"));  /* وبغداد */
}

/* A family name alone names the person again, but the preposition على,
 * which shares العلي's letters once ال is dropped and ى folded, does not. */
static int lacks(const struct found *f, const char *text)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->text[i], text)) {
			fprintf(stderr, "  unexpected [%s %s]\n", f->type[i],
			        f->text[i]);
			return 0;
		}
	return 1;
}

static int lacks_as(const struct found *f, const char *text, const char *type)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->text[i], text) && !strcmp(f->type[i], type)) {
			fprintf(stderr, "  unexpected [%s %s]\n", f->type[i],
			        f->text[i]);
			return 0;
		}
	return 1;
}

TEST(ner_family_name_not_given_to_preposition)
{
	struct found f;
	ner("وحضر الاجتماع اللواء طلال العلي ورئيس الاستخبارات . وقال العلي "
	    "إن الاتفاق يقوم على تبادل السجناء ويشدد على التعاون .",
	    &f);
	CHECK(has(&f, "طلال العلي", "PER"));
	CHECK(has(&f, "العلي", "PER"));
	CHECK(lacks(&f, "على"));
}

/* A word the tagger names after a preposition and the article, which the
 * gazetteer knows as no name («مدينة للخوف»), names none of its
 * repetitions: «الخوف» is no place. */
TEST(ner_guess_after_preposition_names_no_repetition)
{
	struct found f;
	ner("ولكن آخرين قد يجعلون من منظمتهم مدينة للخوف . لأن كثيرا من "
	    "القادة يعتقدون أن الخوف من النتائج هو السبيل . والخوف يسلب "
	    "الناس قدراتهم .",
	    &f);
	CHECK(lacks(&f, "الخوف"));
}

/* The tokenizer reads some names' first letter as a proclitic: the
 * future marker س never goes with a name, and one letter is not cut off
 * a name of two.  A و glued to an unknown foreign name after a full one
 * starts the next person of a list. */
TEST(ner_name_letters_that_look_like_clitics)
{
	struct found f;
	ner("والتقى الأمين العام بان كي مون وزير الخارجية سيرغي لافروف في "
	    "سان بطرسبرج .",
	    &f);
	CHECK(has(&f, "بان كي مون", "PER"));
	CHECK(has(&f, "سان بطرسبرج", "LOC"));
	ner("واحتل الفيلم المركز الثالث والذي يشارك فيه كل من بيل هادير "
	    "وماريسا تومي وتيلدا سوينتون محققا إيرادات .",
	    &f);
	CHECK(has(&f, "ماريسا تومي", "PER"));
	CHECK(has(&f, "تيلدا سوينتون", "PER"));
	ner("وقال الوزير وحيد عبد المجيد إن الحكومة مستمرة .", &f);
	CHECK(lacks(&f, "حيد عبد المجيد"));
}

/* A name whose first letter the tokenizer took for a clitic keeps it when
 * the whole word is a word of a name elsewhere in the text, and the base
 * alone is no word of it («… كاسيا … لكاسيا»: the ل is a preposition). */
TEST(ner_name_letter_kept_when_the_name_has_it)
{
	struct found f;
	ner("وقال مصممها البريطاني ستيوارت فيفرز إن الدار تعقد آمالا كبيرة . "
	    "وبالنظر إلى ما يقدمه فيفرز للدار فلن نستغرب النجاح .",
	    &f);
	CHECK(has(&f, "ستيوارت فيفرز", "PER"));
	CHECK(lacks(&f, "يفرز"));
	ner("وانتقل اللاعب فرانسيسكو كاسيا إلى ريال مدريد . وسبق لكاسيا أن "
	    "لعب في فرق أخرى . وشارك كاسيا في أول تدريب .",
	    &f);
	CHECK(lacks(&f, "لكاسيا"));
}

/* A title in quotes after the noun of its kind is one MISC name,
 * whatever its words would be; a headline keeps the names in it. */
TEST(ner_titles_after_their_kind)
{
	struct found f;
	ner("وتقدم القناة برنامجا جديدا بعنوان « حوار من القلب » كل أسبوع .",
	    &f);
	CHECK(has(&f, "حوار من القلب", "MISC"));
	ner("وعرض فيلم « لورانس العرب » في القاهرة .", &f);
	CHECK(has(&f, "لورانس العرب", "MISC"));
	CHECK(has(&f, "القاهرة", "LOC"));
	ner("ونشر تقريرا بعنوان « الرئيس باراك أوباما يدافع عن الاتفاق "
	    "النووي » أمس .",
	    &f);
	CHECK(has(&f, "باراك أوباما", "PER"));
}

/* A rare word between a title with its article and a person the tagger
 * found is the person's given name; a genitive after a title in construct
 * is not («محامي حبري»: Habré's lawyer). */
TEST(ner_given_name_after_a_title)
{
	struct found f;
	ner("وقدمت الفنانة مها أحمد برنامجا جديدا في القناة .", &f);
	CHECK(has(&f, "مها أحمد", "PER"));
	ner("وزار الفريق عبدالرحيم محمد حسين الخرطوم أمس .", &f);
	CHECK(has(&f, "عبدالرحيم محمد حسين", "PER"));
	ner("وقال محامي حبري إبراهيم ديوارا إن المحاكمة عادلة .", &f);
	CHECK(lacks(&f, "حبري إبراهيم ديوارا"));
}

/* A place name alone in quotes is a body named after it; a place in
 * quotes after a noun of places stays a place. */
TEST(ner_quoted_place_is_a_body)
{
	struct found f;
	ner("وقال المتحدث لـ « الشرق الأوسط » إن الاجتماع انتهى .", &f);
	CHECK(has(&f, "الشرق الأوسط", "ORG"));
	ner("ووصل الوفد إلى مدينة \" برلين \" أمس .", &f);
	CHECK(has(&f, "برلين", "LOC"));
}

/* In a sentence of a match, the word after «فريق» or «نادي» in
 * construct is a club; a team of work is no club. */
TEST(ner_club_after_its_kind)
{
	struct found f;
	ner("وحقق فريق العربي فوزا كبيرا في المباراة بعد أن سجل لاعب "
	    "الفريق هدفين في الشوط الأول .",
	    &f);
	CHECK(has(&f, "العربي", "ORG"));
	ner("وكنت رئيس فريق التمثيل في المدرسة الثانوية .", &f);
	CHECK(lacks(&f, "التمثيل"));
}

/* In a sentence of a match, a city with a masculine nisba, its country
 * in brackets, or host or guest before it is a club, and so are its other
 * mentions in the report; a country that leads its group stays a place. */
TEST(ner_club_named_for_its_city)
{
	struct found f;
	ner("حقق ليون الفرنسي فوزه الثاني على التوالي . وقال مدرب ليون إن "
	    "اللاعبين قدموا مباراة كبيرة .",
	    &f);
	CHECK(has(&f, "ليون", "ORG"));
	CHECK(lacks_as(&f, "ليون", "PER"));
	ner("سسكا موسكو ( روسيا ) - هامبورغ ( ألمانيا ) 1 - صفر .", &f);
	CHECK(has(&f, "هامبورغ", "ORG"));
	ner("واستعاد الفريق توازنه بعد الخسارة أمام مضيفه بورتو صفر - 2 .", &f);
	CHECK(has(&f, "بورتو", "ORG"));
	ner("وتبقى أستراليا بالتالي متصدرة بثلاث نقاط من فوزها على البحرين "
	    "3 - 1 .",
	    &f);
	CHECK(has(&f, "أستراليا", "LOC"));
	ner("ليل ( فرنسا ) - ميلان ( إيطاليا ) صفر - 1 .", &f);
	CHECK(has(&f, "ليل", "ORG"));
	ner("وفاز الفريق في يناير ( كانون الثاني ) الماضي .", &f);
	CHECK(lacks_as(&f, "كانون", "ORG"));
	ner("وتقام المباراة النهائية في مدينة ليون الفرنسية .", &f);
	CHECK(lacks_as(&f, "ليون", "ORG"));
}

/* A rare word in brackets after a body's long name is its short name, and
 * names the body where it stands alone; a gloss in brackets is none. */
TEST(ner_acronym_in_brackets)
{
	struct found f;
	ner("وناقش الوزراء الصعوبات التي تواجهها قوات المساعدة على إرساء "
	    "الأمن ( إيساف ) في الجنوب . ويمدد البرلمان بقاء الجنود في إطار "
	    "إيساف مدة عام .",
	    &f);
	CHECK(has(&f, "إيساف", "ORG"));
	CHECK(lacks_as(&f, "إيساف", "LOC"));
	ner("وقالت الجمعية إن مرض التصلب ( اللويحي ) ينتشر بين الشباب .", &f);
	CHECK(lacks(&f, "اللويحي"));
}

/* A given name and a family name the tagger left out, right before an
 * office in construct, are a person in apposition; a phrase before one is
 * not («على شرف رئيس الحكومة»). */
TEST(ner_name_before_its_office)
{
	struct found f;
	ner("من جانب آخر بحثت فايزة أبوالنجا وزيرة التعاون الدولي خلال "
	    "استقبالها للسفير الألماني سبل التعاون .",
	    &f);
	CHECK(has(&f, "فايزة أبوالنجا", "PER"));
	ner("وقال خلال إفطار أقيم في بيروت على شرف رئيس الحكومة إن البلاد "
	    "بخير .",
	    &f);
	CHECK(lacks(&f, "على شرف"));
}

static int pn(const char *host)
{
	return isnad_ner_place_nisba(isnad_ner_default(), host, strlen(host));
}

TEST(ner_place_nisba)
{
	/* search forms, without the article */
	CHECK(pn("امريكيه"));
	CHECK(pn("ايراني"));
	CHECK(pn("تركي"));
	CHECK(pn("سعوديه"));
	CHECK(pn("فرنسيه"));
	/* (a word of a longer place's name counts, so أمريكا of «أمريكا
	 * اللاتينية» does, and so does إسلام of «إسلام آباد») */
	CHECK(pn("اسلامي"));
	CHECK(!pn("استثنايي"));
	CHECK(!pn("سوق"));
	CHECK(!isnad_ner_place_nisba(NULL, "تركي", 8));
}

TEST(ner_no_arabic_and_punctuation_only)
{
	struct found f;
	ner("", &f);
	CHECK_INT(f.n, 0);
	ner("!!! ... ??? ،،، «» (( ))", &f);
	CHECK_INT(f.n, 0);
	ner("1 2 3 4 5 6 7 8 9 10 2014 ٢٠١٤", &f);
	ner("hello world, this is not Arabic at all.", &f);
}

TEST(ner_tag_words_edge_cases)
{
	struct isnad_ner_tagger *tg = NULL;
	const char *w[3] = {"", "وداعش", "\xe2\x80\x8f"};
	size_t l[3] = {0, 10, 3};
	uint8_t tags[3];
	if (!isnad_ner_default())
		return;
	CHECK_INT(isnad_ner_tagger_new(isnad_ner_default(), &tg), ISNAD_OK);
	CHECK_INT(isnad_ner_tag_words(tg, w, l, 0, tags), ISNAD_OK);
	CHECK_INT(isnad_ner_tag_words(tg, w, l, 3, tags), ISNAD_OK);
	for (int i = 0; i < 3; i++)
		CHECK(tags[i] < ISNAD_NER_NTAGS);
	/* I-X never opens a sentence or follows another type */
	CHECK(tags[0] == 0 || ISNAD_NER_TAG_IS_B(tags[0]));
	isnad_ner_tagger_free(tg);
	isnad_ner_tagger_free(NULL);
	isnad_ner_model_free(NULL);
}

TEST(ner_long_sentence)
{
	enum { N = 100000 };
	struct isnad_ner_tagger *tg = NULL;
	const char **w = malloc(N * sizeof *w);
	size_t *l = malloc(N * sizeof *l);
	uint8_t *tags = malloc(N);
	static const char *const v[] = {"قال", "محمد",  "في",      "بغداد",
	                                "إن",  "الأمم", "المتحدة", "،"};
	if (!isnad_ner_default() || !w || !l || !tags) {
		free(w);
		free(l);
		free(tags);
		return;
	}
	for (size_t i = 0; i < N; i++) {
		w[i] = v[i % 8];
		l[i] = strlen(w[i]);
	}
	CHECK_INT(isnad_ner_tagger_new(isnad_ner_default(), &tg), ISNAD_OK);
	CHECK_INT(isnad_ner_tag_words(tg, w, l, N, tags), ISNAD_OK);
	for (size_t i = 1; i < N; i++)
		if (tags[i] && !ISNAD_NER_TAG_IS_B(tags[i]) &&
		    tags[i - 1] != tags[i] && tags[i - 1] != tags[i] - 1) {
			CHECK(!"invalid I- tag");
			break;
		}
	isnad_ner_tagger_free(tg);
	free(w);
	free(l);
	free(tags);
}

static char *default_bytes(size_t *len)
{
	char *d = NULL;
	*len = 0;
	if (!isnad_ner_default())
		return NULL;
	CHECK_INT(isnad_ner_model_serialize(isnad_ner_default(), &d, len),
	          ISNAD_OK);
	return d;
}

TEST(ner_model_round_trip)
{
	size_t len, len2;
	char *d = default_bytes(&len), *d2 = NULL;
	struct isnad_ner_model *m = NULL;
	char err[200];
	if (!d)
		return;
	CHECK_INT(isnad_ner_model_parse(d, len, &m, err, sizeof err), ISNAD_OK);
	CHECK_INT(isnad_ner_model_serialize(m, &d2, &len2), ISNAD_OK);
	CHECK(len == len2 && d2 && !memcmp(d, d2, len));
	CHECK_INT(isnad_ner_model_features(m),
	          isnad_ner_model_features(isnad_ner_default()));
	isnad_free(d2);
	isnad_ner_model_free(m);
	isnad_free(d);
}

TEST(ner_model_rejects_truncated_damaged_and_other_versions)
{
	size_t len;
	char *d = default_bytes(&len);
	struct isnad_ner_model *m = NULL;
	char err[200];
	static const size_t cut[] = {0, 1, 7, 8, 11, 12, 40, 47, 100, 1000};
	if (!d)
		return;
	for (size_t i = 0; i < sizeof cut / sizeof *cut; i++) {
		CHECK_INT(isnad_ner_model_parse(d, cut[i], &m, err, sizeof err),
		          ISNAD_EFORMAT);
		CHECK(m == NULL);
		CHECK(strstr(err, "truncated") != NULL);
	}
	CHECK_INT(isnad_ner_model_parse(d, len - 1, &m, err, sizeof err),
	          ISNAD_EFORMAT);
	CHECK(strstr(err, "truncated") != NULL);
	CHECK_INT(isnad_ner_model_parse(d, len / 2, &m, err, sizeof err),
	          ISNAD_EFORMAT);
	CHECK(strstr(err, "truncated") != NULL);
	/* another version */
	d[8] = 2;
	CHECK_INT(isnad_ner_model_parse(d, len, &m, err, sizeof err),
	          ISNAD_EVERSION);
	CHECK(strstr(err, "version 2") != NULL);
	d[8] = 1;
	/* bad magic */
	d[0] = 'X';
	CHECK_INT(isnad_ner_model_parse(d, len, &m, err, sizeof err),
	          ISNAD_EFORMAT);
	CHECK(strstr(err, "magic") != NULL);
	d[0] = 'I';
	/* a flipped weight: the checksum catches it */
	d[len - 20] ^= 0x40;
	CHECK_INT(isnad_ner_model_parse(d, len, &m, err, sizeof err),
	          ISNAD_EFORMAT);
	CHECK(strstr(err, "checksum") != NULL);
	d[len - 20] ^= 0x40;
	CHECK_INT(isnad_ner_model_parse(d, len, &m, err, sizeof err), ISNAD_OK);
	isnad_ner_model_free(m);
	CHECK_INT(
	    isnad_ner_model_load("/nonexistent/ner.model", &m, err, sizeof err),
	    ISNAD_EIO);
	CHECK(strstr(err, "cannot open") != NULL);
	isnad_free(d);
}

TEST(ner_model_parse_out_of_memory)
{
	size_t len;
	char *d = default_bytes(&len);
	if (!d)
		return;
	for (int n = 0; n < 12; n++) {
		struct isnad_ner_model *m = NULL;
		isnad_status st;
		harness_fail_allocs_after(n);
		st = isnad_ner_model_parse(d, len, &m, NULL, 0);
		harness_fail_allocs_after(-1);
		CHECK(st == ISNAD_OK || st == ISNAD_ENOMEM);
		CHECK(st == ISNAD_OK ? m != NULL : m == NULL);
		isnad_ner_model_free(m);
	}
	isnad_free(d);
}

TEST(ner_train_small_is_reproducible)
{
	static const char *const w1[] = {"زار", "أحمد", "بغداد", "أمس"};
	static const char *const w2[] = {"وصل", "أحمد", "إلى", "القاهرة"};
	static const char *const w3[] = {"قالت", "منظمة", "الصحة", "العالمية"};
	static const uint8_t t1[] = {0, 1, 5, 0}, t2[] = {0, 1, 0, 5},
	                     t3[] = {0, 3, 4, 4};
	size_t l1[4], l2[4], l3[4];
	struct isnad_ner_sentence s[3] = {
	    {(const char *const *)w1, l1, t1, 4, 1},
	    {(const char *const *)w2, l2, t2, 4, 1},
	    {(const char *const *)w3, l3, t3, 4, 1}};
	struct isnad_ner_gaz_entry g[2] = {
	    {"بغداد", 10, ISNAD_NER_LOC},
	    {"منظمة الصحة العالمية", 39, ISNAD_NER_ORG}};
	struct isnad_ner_train_opts o;
	struct isnad_ner_model *m1 = NULL, *m2 = NULL;
	struct isnad_ner_tagger *tg = NULL;
	char *d1 = NULL, *d2 = NULL;
	size_t n1 = 0, n2 = 0;
	uint8_t tags[4];
	for (int i = 0; i < 4; i++) {
		l1[i] = strlen(w1[i]);
		l2[i] = strlen(w2[i]);
		l3[i] = strlen(w3[i]);
	}
	g[1].len = strlen(g[1].name);
	memset(&o, 0, sizeof o);
	o.epochs = 5;
	o.seed = 7;
	o.gaz = g;
	o.n_gaz = 2;
	CHECK_INT(isnad_ner_train(s, 3, &o, &m1), ISNAD_OK);
	CHECK_INT(isnad_ner_train(s, 3, &o, &m2), ISNAD_OK);
	if (!m1 || !m2)
		goto out;
	CHECK_INT(isnad_ner_model_serialize(m1, &d1, &n1), ISNAD_OK);
	CHECK_INT(isnad_ner_model_serialize(m2, &d2, &n2), ISNAD_OK);
	CHECK(n1 == n2 && !memcmp(d1, d2, n1));
	CHECK(isnad_ner_model_gazetteer(m1) >= 4);
	CHECK_INT(isnad_ner_tagger_new(m1, &tg), ISNAD_OK);
	CHECK_INT(isnad_ner_tag_words(tg, (const char *const *)w1, l1, 4, tags),
	          ISNAD_OK);
	CHECK(!memcmp(tags, t1, 4));
	CHECK_INT(isnad_ner_tag_words(tg, (const char *const *)w3, l3, 4, tags),
	          ISNAD_OK);
	CHECK(!memcmp(tags, t3, 4));
out:
	isnad_ner_tagger_free(tg);
	isnad_free(d1);
	isnad_free(d2);
	isnad_ner_model_free(m1);
	isnad_ner_model_free(m2);
}

TEST(ner_tag_text_words_checks_sentences)
{
	struct isnad_ner_tagger *tg = NULL;
	static const char *const w[] = {"زار", "محمد", "بغداد", ".",     "ثم",
	                                "عاد", "محمد", "إلى",   "بغداد", "."};
	size_t l[10], bad1[3] = {1, 5, 10}, bad2[3] = {0, 6, 5},
	              ok[3] = {0, 4, 10};
	uint8_t tags[10], tags0[10];
	if (!isnad_ner_default())
		return;
	for (int i = 0; i < 10; i++)
		l[i] = strlen(w[i]);
	CHECK_INT(isnad_ner_tagger_new(isnad_ner_default(), &tg), ISNAD_OK);
	CHECK_INT(isnad_ner_tag_text_words(tg, w, l, bad1, 2, 600, tags),
	          ISNAD_EINVAL);
	CHECK_INT(isnad_ner_tag_text_words(tg, w, l, bad2, 2, 600, tags),
	          ISNAD_EINVAL);
	CHECK_INT(isnad_ner_tag_text_words(tg, w, l, ok, 0, 600, tags),
	          ISNAD_OK);
	CHECK_INT(isnad_ner_tag_text_words(tg, w, l, ok, 2, 0, tags0),
	          ISNAD_OK);
	CHECK_INT(isnad_ner_tag_text_words(tg, w, l, ok, 2, SIZE_MAX, tags),
	          ISNAD_OK);
	/* repetitions only add names where there were none */
	for (int i = 0; i < 10; i++) {
		CHECK(tags[i] < ISNAD_NER_NTAGS);
		if (tags0[i])
			CHECK_INT(tags[i], tags0[i]);
	}
	/* the same words get the same type in both sentences */
	CHECK_INT(tags[2], tags[8]);
	isnad_ner_tagger_free(tg);
}
