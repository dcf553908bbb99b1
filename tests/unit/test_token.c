/*
 * test_token.c - tokenizer, clitic segmentation, lexicon and stems.
 */
#include <stdlib.h>

#include "harness.h"
#include "isnad/isnad.h"

static struct isnad_tokenizer *tk(void)
{
	static struct isnad_tokenizer *t;
	if (!t && isnad_tokenizer_new(NULL, &t) != ISNAD_OK)
		return NULL;
	return t;
}

/* The tokens of s as "text|type text|type ...". */
static const char *toks(const char *s)
{
	static char out[8192];
	struct isnad_tokens t;
	size_t o = 0;
	out[0] = '\0';
	isnad_tokens_init(&t);
	if (!tk() || isnad_tokenize(tk(), s, strlen(s), &t) != ISNAD_OK)
		return "(error)";
	for (size_t i = 0; i < t.n && o < sizeof out - 200; i++)
		o += (size_t)snprintf(
		    out + o, sizeof out - o, "%s%.*s|%s", i ? " " : "",
		    (int)(t.v[i].end - t.v[i].start), s + t.v[i].start,
		    isnad_token_type_name(t.v[i].type));
	isnad_tokens_release(&t);
	return out;
}

/* The surface pieces of a single word joined by '+'. */
static const char *seg(const char *w)
{
	static char out[1024];
	struct isnad_tokens t;
	size_t o = 0;
	isnad_tokens_init(&t);
	out[0] = '\0';
	if (!tk() || isnad_tokenize(tk(), w, strlen(w), &t) != ISNAD_OK)
		return "(error)";
	for (size_t i = 0; i < t.n; i++)
		o += (size_t)snprintf(
		    out + o, sizeof out - o, "%s%.*s", i ? "+" : "",
		    (int)(t.v[i].end - t.v[i].start), w + t.v[i].start);
	isnad_tokens_release(&t);
	return out;
}

/* Stem of the content token of a word (two buffers, so that two calls can
 * be compared). */
static const char *stem_of(const char *w)
{
	static char bufs[2][256];
	static int which;
	char *out = bufs[which ^= 1];
	struct isnad_tokens t;
	isnad_tokens_init(&t);
	out[0] = '\0';
	if (!tk() || isnad_tokenize(tk(), w, strlen(w), &t) != ISNAD_OK)
		return "(error)";
	for (size_t i = 0; i < t.n; i++)
		if (t.v[i].type == ISNAD_TOK_ARABIC)
			snprintf(out, sizeof bufs[0], "%.*s",
			         (int)t.v[i].stem_len, t.v[i].stem);
	isnad_tokens_release(&t);
	return out;
}

TEST(lexicon_default_loads_with_counts)
{
	const struct isnad_lexicon *lx = isnad_lexicon_default();
	CHECK(lx != NULL);
	CHECK(isnad_lexicon_size(lx) > 50000);
	CHECK(isnad_lexicon_count(lx, "في", strlen("في")) > 10000);
	CHECK(isnad_lexicon_count(lx, "العراق", strlen("العراق")) >
	      isnad_lexicon_count(lx, "والعراق", strlen("والعراق")));
	CHECK_INT(isnad_lexicon_count(lx, "xqzw", 4), 0);
}

TEST(lexicon_rejects_bad_files_clearly)
{
	struct isnad_lexicon *lx;
	char err[128];
	const char bad_magic[] = "hello\n";
	const char bad_ver[] = "isnad-lexicon 7\n";
	const char bad_line[] = "isnad-lexicon 1\nفي\tx\n";
	const char ok[] = "isnad-lexicon 1\n@rho و 0.1\nفي\t5\n";
	CHECK_INT(isnad_lexicon_parse(bad_magic, sizeof bad_magic - 1, &lx, err,
	                              sizeof err),
	          ISNAD_EFORMAT);
	CHECK(lx == NULL);
	CHECK_INT(isnad_lexicon_parse(bad_ver, sizeof bad_ver - 1, &lx, err,
	                              sizeof err),
	          ISNAD_EVERSION);
	CHECK_INT(isnad_lexicon_parse(bad_line, sizeof bad_line - 1, &lx, err,
	                              sizeof err),
	          ISNAD_EFORMAT);
	CHECK(strstr(err, "line 2") != NULL);
	/* a truncated file: the half line is rejected, not misread */
	CHECK_INT(isnad_lexicon_parse(ok, sizeof ok - 3, &lx, err, sizeof err),
	          ISNAD_EFORMAT);
	CHECK(strstr(err, "line 3") != NULL);
	CHECK_INT(isnad_lexicon_parse(ok, sizeof ok - 1, &lx, err, sizeof err),
	          ISNAD_OK);
	CHECK_INT(isnad_lexicon_count(lx, "في", strlen("في")), 5);
	isnad_lexicon_free(lx);
}

TEST(clitics_split_where_the_issue_says)
{
	CHECK_STR(seg("والاستخبارات"), "و+ال+استخبارات");
	CHECK_STR(seg("لمقاتلي"), "ل+مقاتلي");
	CHECK_STR(seg("والعراق"), "و+ال+عراق");
	CHECK_STR(seg("لصحيفة"), "ل+صحيفة");
	CHECK_STR(seg("بالاجتماعات"), "ب+ال+اجتماعات");
	CHECK_STR(seg("للمفاوضات"), "ل+ل+مفاوضات");
	CHECK_STR(seg("وللحكومة"), "و+ل+ل+حكومة");
	CHECK_STR(seg("وقال"), "و+قال");
	CHECK_STR(seg("وأضاف"), "و+أضاف");
	CHECK_STR(seg("سيقول"), "س+يقول");
}

TEST(words_that_only_begin_with_clitic_letters_stay_whole)
{
	const char *whole[] = {"بريطانيا", "لبنان", "كتاب", "فلسطين",
	                       "والي",     "بلد",   "كما",  "وزير",
	                       "فيصل",     "بشار",  "ولي",  "واشنطن",
	                       "باريس",    "الذي",  "التى", "الله"};
	for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
		CHECK_STR(seg(whole[i]), whole[i]);
}

TEST(enclitic_pronouns_split_with_restored_base)
{
	struct isnad_tokens t;
	const char *w = "قادتهم";
	CHECK_STR(seg("قادتهم"), "قادت+هم");
	CHECK_STR(seg("عليه"), "علي+ه");
	CHECK_STR(seg("منها"), "من+ها");
	CHECK_STR(seg("هناك"), "هناك");
	CHECK_STR(seg("اتجاه"), "اتجاه");
	isnad_tokens_init(&t);
	CHECK_INT(isnad_tokenize(tk(), w, strlen(w), &t), ISNAD_OK);
	CHECK_INT(t.n, 2);
	/* the base's norm has its ة back, so it matches قادة */
	if (t.n == 2) {
		CHECK_MEM(t.v[0].norm, t.v[0].norm_len, "قاده");
		CHECK_INT(t.v[1].type, ISNAD_TOK_ENCLITIC);
	}
	isnad_tokens_release(&t);
}

TEST(offsets_cover_diacritics_and_clitics)
{
	const char *s = "وَالعِرَاقِ";
	struct isnad_tokens t;
	isnad_tokens_init(&t);
	CHECK_INT(isnad_tokenize(tk(), s, strlen(s), &t), ISNAD_OK);
	CHECK_INT(t.n, 3);
	if (t.n == 3) {
		/* the fatha stays with its و; pieces tile the word */
		CHECK_INT(t.v[0].start, 0);
		CHECK_INT(t.v[0].end, 4);
		CHECK_INT(t.v[1].start, 4);
		CHECK_INT(t.v[2].end, strlen(s));
		CHECK_MEM(t.v[2].norm, t.v[2].norm_len, "عراق");
		CHECK_INT(t.v[0].word, t.v[2].word);
	}
	isnad_tokens_release(&t);
}

TEST(token_types)
{
	CHECK_STR(
	    toks("انظر https://example.com/a?b=1. أو راسلنا: info@example.org"),
	    "انظر|arabic https://example.com/a?b=1|url .|punct أو|arabic "
	    "راسل|arabic نا|enclitic :|punct info@example.org|email");
	CHECK_STR(toks("#اليوم_الوطني @isnad_news"),
	          "#اليوم_الوطني|hashtag @isnad_news|mention");
	CHECK_STR(toks("«16.22» ٣٫٥ 1,000,000 F-16"),
	          "«|punct 16.22|number »|punct ٣٫٥|number 1,000,000|number "
	          "F-16|latin");
	CHECK_STR(toks("متى؟! ..."), "متى|arabic ؟!|punct ...|punct");
	CHECK_STR(toks("موقع aljazeera.net"), "موقع|arabic aljazeera.net|url");
	CHECK_STR(toks("عام 2014."), "عام|arabic 2014|number .|punct");
}

TEST(number_norms_are_ascii)
{
	const char *s = "٣٫٥ ۱۲٬۰۰۰";
	struct isnad_tokens t;
	isnad_tokens_init(&t);
	CHECK_INT(isnad_tokenize(tk(), s, strlen(s), &t), ISNAD_OK);
	CHECK_INT(t.n, 2);
	if (t.n == 2) {
		CHECK_MEM(t.v[0].norm, t.v[0].norm_len, "3.5");
		CHECK_MEM(t.v[1].norm, t.v[1].norm_len, "12,000");
	}
	isnad_tokens_release(&t);
}

TEST(stems_conflate_clitic_forms_with_bare_forms)
{
	/* the issue's examples: Snowball alone leaves والاستخبارا, لمقاتل,
	 * والعراق, لصحيف */
	CHECK_STR(stem_of("والاستخبارات"), stem_of("الاستخبارات"));
	CHECK_STR(stem_of("لمقاتلي"), stem_of("مقاتلي"));
	CHECK_STR(stem_of("والعراق"), stem_of("العراق"));
	CHECK_STR(stem_of("لصحيفة"), stem_of("صحيفة"));
	CHECK_STR(stem_of("بالاجتماعات"), stem_of("اجتماع"));
	CHECK_STR(stem_of("كَتَبَ"), stem_of("كتب"));
	/* look-alikes stay apart */
	CHECK(strcmp(stem_of("بلد"), stem_of("ولد")) != 0);
	CHECK(strcmp(stem_of("عمل"), stem_of("عامل")) != 0);
}

TEST(tokenize_real_article_tiles_input)
{
	size_t len, prev = 0, arabic = 0, clitics = 0;
	char *txt = harness_seed("000_d7045005b1b551ef.txt", &len);
	struct isnad_tokens t;
	if (!txt)
		return;
	isnad_tokens_init(&t);
	CHECK_INT(isnad_tokenize(tk(), txt, len, &t), ISNAD_OK);
	for (size_t i = 0; i < t.n; i++) {
		CHECK(t.v[i].start >= prev && t.v[i].end > t.v[i].start);
		/* nothing but white space between tokens */
		for (size_t k = prev; k < t.v[i].start; k++)
			CHECK(txt[k] == ' ' || txt[k] == '\n');
		prev = t.v[i].end;
		arabic += t.v[i].type == ISNAD_TOK_ARABIC;
		clitics += t.v[i].type == ISNAD_TOK_PROCLITIC;
	}
	CHECK(arabic > 300);
	CHECK(clitics > 100);
	isnad_tokens_release(&t);
	free(txt);
}

TEST(tokenizer_survives_pathological_input)
{
	/* a 200,000-letter "word", long runs of marks and ligatures */
	size_t n = 400000, i;
	char *s = malloc(n + 64);
	struct isnad_tokens t;
	CHECK(s != NULL);
	if (!s)
		return;
	for (i = 0; i + 2 <= n; i += 2)
		memcpy(s + i, "\xd9\x84", 2); /* ل */
	memcpy(s + i, " \xef\xbb\xbb\xd9\x8e\xd9\x8e", 7);
	i += 7;
	isnad_tokens_init(&t);
	CHECK_INT(isnad_tokenize(tk(), s, i, &t), ISNAD_OK);
	CHECK(t.n >= 2);
	CHECK(t.n > 0 && t.v[t.n - 1].end == i);
	isnad_tokens_release(&t);
	free(s);
}

/* The conflation check as a regression guard: on the 200 pairs drawn from
 * real text (tests/data/conflation), the clitic split + Snowball must put
 * clearly more pairs right than Snowball alone. */
TEST(conflation_pairs_beat_snowball_alone)
{
	FILE *f = fopen("tests/data/conflation/pairs.tsv", "r");
	char line[512], a_ours[256];
	struct isnad_stemmer *st;
	int total = 0, ours = 0, peer = 0;
	CHECK(f != NULL);
	if (!f || isnad_stemmer_new(&st) != ISNAD_OK)
		return;
	while (fgets(line, sizeof line, f)) {
		char *a = strtok(line, "\t\n"), *b = strtok(NULL, "\t\n");
		char *expect = strtok(NULL, "\t\n");
		size_t na, nb;
		const char *pa;
		char pa_copy[256];
		int same;
		if (!a || !b || !expect || !strcmp(a, "word_a"))
			continue;
		same = !strcmp(expect, "same");
		snprintf(a_ours, sizeof a_ours, "%s", stem_of(a));
		ours += (strcmp(a_ours, stem_of(b)) == 0) == same;
		pa = isnad_stem_snowball(st, a, strlen(a), &na);
		snprintf(pa_copy, sizeof pa_copy, "%.*s", (int)na, pa);
		pa = isnad_stem_snowball(st, b, strlen(b), &nb);
		peer +=
		    (nb == strlen(pa_copy) && !memcmp(pa, pa_copy, nb)) == same;
		total++;
	}
	fclose(f);
	isnad_stemmer_free(st);
	CHECK_INT(total, 200);
	CHECK(ours * 100 >= total * 85);
	CHECK(ours >= peer + total / 10);
}

/* Every allocation failure surfaces as ISNAD_ENOMEM, never a crash or a
 * leak (the sanitizer build checks the latter). */
TEST(text_core_out_of_memory)
{
	const char *s = "وقال المتحدث باسم الوزارة لصحيفة «الحياة» إن 22 ألف "
	                "ملف وصلت، http://x.org #وسم";
	int ok = 0, nomem = 0;
	isnad_lexicon_default(); /* parsed once, before the failures */
	for (int f = 0; f < 60; f++) {
		struct isnad_tokenizer *t = NULL;
		struct isnad_tokens toks;
		struct isnad_decoded d;
		struct isnad_buf b;
		isnad_status st;
		isnad_tokens_init(&toks);
		isnad_buf_init(&b, 0);
		harness_fail_allocs_after(f);
		st = isnad_tokenizer_new(NULL, &t);
		if (st == ISNAD_OK)
			st = isnad_tokenize(t, s, strlen(s), &toks);
		if (st == ISNAD_OK)
			st = isnad_decode("\xc7\xe1\xda", 3, NULL, &d);
		if (st == ISNAD_OK) {
			isnad_decoded_release(&d);
			st = isnad_normalize(s, strlen(s), ISNAD_NORM_SEARCH,
			                     &b, NULL);
		}
		harness_fail_allocs_after(-1);
		CHECK(st == ISNAD_OK || st == ISNAD_ENOMEM);
		ok += st == ISNAD_OK;
		nomem += st == ISNAD_ENOMEM;
		isnad_tokens_release(&toks);
		isnad_tokenizer_free(t);
		isnad_buf_release(&b);
	}
	CHECK(ok > 0 && nomem > 0);
}

TEST(word_indices_count_white_space_words)
{
	const char *s = "قال الوزير: «والعراق» 2014م ok";
	struct isnad_tokens t;
	isnad_tokens_init(&t);
	CHECK_INT(isnad_tokenize(tk(), s, strlen(s), &t), ISNAD_OK);
	/* قال | ال وزير : | « و ال عراق » | 2014 م | ok */
	CHECK_INT(t.n, 12);
	if (t.n == 12) {
		CHECK_INT(t.v[0].word, 0);
		CHECK_INT(t.v[1].word, 1);
		CHECK_INT(t.v[3].word, 1);
		CHECK_INT(t.v[4].word, 2);
		CHECK_INT(t.v[8].word, 2);
		CHECK_INT(t.v[9].word, 3);
		CHECK_INT(t.v[10].word, 3);
		CHECK_INT(t.v[11].word, 4);
	}
	isnad_tokens_release(&t);
}
