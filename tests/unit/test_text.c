/*
 * test_text.c - decoding and normalisation, with their offset maps.
 */
#include <iconv.h>
#include <stdlib.h>

#include "harness.h"
#include "isnad/isnad.h"

static char *norm(const char *s, enum isnad_norm_level lv)
{
	static char out[4096];
	struct isnad_buf b;
	isnad_buf_init(&b, 0);
	if (isnad_normalize(s, strlen(s), lv, &b, NULL) != ISNAD_OK) {
		isnad_buf_release(&b);
		return NULL;
	}
	snprintf(out, sizeof out, "%s", b.s);
	isnad_buf_release(&b);
	return out;
}

TEST(normalize_search_removes_harakat_and_folds_letters)
{
	CHECK_STR(norm("كَتَبَ", ISNAD_NORM_SEARCH), "كتب");
	CHECK_STR(norm("مُحَمَّدٌ", ISNAD_NORM_SEARCH), "محمد");
	CHECK_STR(norm("أحمد إبراهيم آمال ٱلله", ISNAD_NORM_SEARCH),
	          "احمد ابراهيم امال الله");
	CHECK_STR(norm("مستشفى مدرسة مسؤول رئيس", ISNAD_NORM_SEARCH),
	          "مستشفي مدرسه مسوول رييس");
	CHECK_STR(norm("الرحمٰن", ISNAD_NORM_SEARCH), "الرحمن");
	CHECK_STR(norm("جـــــميل", ISNAD_NORM_SEARCH), "جميل");
}

TEST(normalize_search_digits_and_latin)
{
	CHECK_STR(norm("عام ٢٠١٤ و۱۳۹۹", ISNAD_NORM_SEARCH), "عام 2014 و1399");
	CHECK_STR(norm("WHO Ankara", ISNAD_NORM_SEARCH), "who ankara");
}

TEST(normalize_presentation_forms_and_controls)
{
	/* ﻻ (FEFB) and the isolated/final forms of a word */
	CHECK_STR(norm("\xef\xbb\xbb", ISNAD_NORM_DISPLAY), "لا");
	CHECK_STR(norm("ﺍﻟﻌﺮﺍﻕ", ISNAD_NORM_DISPLAY), "العراق");
	/* RLM, ZWJ, BOM and bidi embedding vanish at every level */
	CHECK_STR(norm("\xe2\x80\x8f\xd8\xb9\xe2\x80\x8d\xd9\x84\xd9\x8a"
	               "\xef\xbb\xbf\xe2\x80\xab",
	               ISNAD_NORM_DISPLAY),
	          "علي");
	/* display keeps harakat, light drops them but keeps hamza */
	CHECK_STR(norm("أَحْمَد", ISNAD_NORM_DISPLAY), "أَحْمَد");
	CHECK_STR(norm("أَحْمَد", ISNAD_NORM_LIGHT), "أحمد");
}

TEST(normalize_whitespace_folding)
{
	CHECK_STR(
	    norm("  قال\xc2\xa0\xc2\xa0 الوزير\t\tأمس  ", ISNAD_NORM_SEARCH),
	    "قال الوزير امس");
	CHECK_STR(norm("سطر\r\nسطر", ISNAD_NORM_DISPLAY), "سطر\nسطر");
	CHECK_STR(norm("فقرة  \n \n\n  فقرة\n", ISNAD_NORM_DISPLAY),
	          "فقرة\n\nفقرة\n");
}

TEST(normalize_map_points_to_original_bytes)
{
	const char *s = "  وَقَالَ ٣";
	struct isnad_buf b;
	uint32_t *map = NULL;
	isnad_buf_init(&b, 0);
	CHECK_INT(isnad_normalize(s, strlen(s), ISNAD_NORM_SEARCH, &b, &map),
	          ISNAD_OK);
	CHECK_STR(b.s, "وقال 3");
	/* و at 2, ق at 6 (after و and its fatha), the digit at its own byte */
	CHECK_INT(map[0], 2);
	CHECK_INT(map[2], 6);
	CHECK_INT(map[b.len - 1], strlen(s) - 2);
	CHECK_INT(map[b.len], strlen(s));
	isnad_free(map);
	isnad_buf_release(&b);
}

TEST(normalize_search_is_idempotent_on_real_text)
{
	size_t len;
	char *txt = harness_seed("000_d7045005b1b551ef.txt", &len);
	struct isnad_buf a, b;
	if (!txt)
		return;
	isnad_buf_init(&a, 0);
	isnad_buf_init(&b, 0);
	CHECK_INT(isnad_normalize(txt, len, ISNAD_NORM_SEARCH, &a, NULL),
	          ISNAD_OK);
	CHECK_INT(isnad_normalize(a.s, a.len, ISNAD_NORM_SEARCH, &b, NULL),
	          ISNAD_OK);
	CHECK(a.len == b.len && !memcmp(a.s, b.s, a.len));
	/* folded letters are gone */
	CHECK(strstr(a.s, "أ") == NULL && strstr(a.s, "ى") == NULL &&
	      strstr(a.s, "ة") == NULL);
	CHECK(strstr(a.s, "حسبما ذكرت مصادر متعدده") != NULL);
	isnad_buf_release(&a);
	isnad_buf_release(&b);
	free(txt);
}

TEST(normalize_word_agrees_with_normalize)
{
	const char *w = "بِالاجْتِمَاعَاتِ";
	char out[256];
	size_t n = isnad_normalize_word(w, strlen(w), ISNAD_NORM_SEARCH, out);
	CHECK_MEM(out, n, "بالاجتماعات");
	/* U+FDFA would expand 11-fold: kept as is to honour the bound */
	n = isnad_normalize_word("\xef\xb7\xba", 3, ISNAD_NORM_SEARCH, out);
	CHECK_INT(n, 3);
}

/* ---- decoding ------------------------------------------------------------ */

static size_t to_charset(const char *utf8, const char *cs, char *out,
                         size_t cap)
{
	iconv_t cd = iconv_open(cs, "UTF-8");
	char *in = (char *)utf8, *o = out;
	size_t il = strlen(utf8), ol = cap;
	if (cd == (iconv_t)-1)
		return 0;
	iconv(cd, &in, &il, &o, &ol);
	iconv_close(cd);
	return cap - ol;
}

TEST(decode_valid_utf8_is_identity)
{
	const char *s = "قال الوزير إن 40 جندياً";
	struct isnad_decoded d;
	CHECK_INT(isnad_decode(s, strlen(s), NULL, &d), ISNAD_OK);
	CHECK_STR(d.encoding, "UTF-8");
	CHECK(d.map == NULL);
	CHECK_MEM(d.s, d.len, s);
	isnad_decoded_release(&d);
}

TEST(decode_invalid_utf8_replaced_offsets_kept)
{
	/* a truncated 3-byte sequence, a stray continuation byte, then text */
	const char s[] = "ab\xe2\x80"
	                 "cd\x80"
	                 "عل";
	struct isnad_decoded d;
	CHECK_INT(isnad_decode(s, sizeof s - 1, "UTF-8", &d), ISNAD_OK);
	CHECK_MEM(d.s, d.len,
	          "ab\xef\xbf\xbd"
	          "cd\xef\xbf\xbd"
	          "عل");
	CHECK_INT(d.n_invalid, 2);
	CHECK(d.map != NULL);
	if (d.map) {
		CHECK_INT(d.map[2], 2);  /* U+FFFD from offset 2 */
		CHECK_INT(d.map[5], 4);  /* 'c' */
		CHECK_INT(d.map[7], 6);  /* second U+FFFD */
		CHECK_INT(d.map[10], 7); /* ع */
		CHECK_INT(d.map[d.len], sizeof s - 1);
	}
	isnad_decoded_release(&d);
}

TEST(decode_bom_and_utf16)
{
	struct isnad_decoded d;
	const char u8[] = "\xef\xbb\xbf"
	                  "سلام";
	const char le[] = "\xff\xfe\x33\x06\x44\x06"; /* BOM + سل */
	const char be[] = "\x06\x33\x06\x44\x06\x27\x06\x45\x00\x20\x06\x39";
	CHECK_INT(isnad_decode(u8, sizeof u8 - 1, NULL, &d), ISNAD_OK);
	CHECK_MEM(d.s, d.len, "سلام");
	CHECK(d.had_bom);
	CHECK(d.map && d.map[0] == 3);
	isnad_decoded_release(&d);
	CHECK_INT(isnad_decode(le, sizeof le - 1, NULL, &d), ISNAD_OK);
	CHECK_STR(d.encoding, "UTF-16LE");
	CHECK_MEM(d.s, d.len, "سل");
	CHECK(d.map && d.map[0] == 2 && d.map[2] == 4);
	isnad_decoded_release(&d);
	/* UTF-16BE without a BOM, recognised by where 0x06 falls */
	CHECK_INT(isnad_decode(be, sizeof be - 1, NULL, &d), ISNAD_OK);
	CHECK_STR(d.encoding, "UTF-16BE");
	CHECK_MEM(d.s, d.len, "سلام ع");
	isnad_decoded_release(&d);
}

TEST(decode_detects_windows1256_and_iso88596)
{
	char raw[8192];
	size_t len, n;
	char *txt = harness_seed("002_ed962ffacf59246b.txt", &len);
	struct isnad_decoded d;
	if (!txt)
		return;
	/* the first paragraph, cut at a character boundary */
	{
		size_t cut = 1200;
		while (((unsigned char)txt[cut] & 0xC0) == 0x80)
			cut--;
		txt[cut] = '\0';
	}
	n = to_charset(txt, "WINDOWS-1256", raw, sizeof raw);
	CHECK(n > 0);
	CHECK_STR(isnad_detect_encoding(raw, n), "WINDOWS-1256");
	CHECK_INT(isnad_decode(raw, n, NULL, &d), ISNAD_OK);
	CHECK(d.len == strlen(txt) && !memcmp(d.s, txt, d.len));
	CHECK(d.map && d.map[2] == 1); /* one byte per Arabic letter */
	isnad_decoded_release(&d);
	/* ISO-8859-6 has no « »: iconv stops there, compare that much */
	n = to_charset(txt, "ISO-8859-6", raw, sizeof raw);
	CHECK(n > 100);
	CHECK_STR(isnad_detect_encoding(raw, n), "ISO-8859-6");
	CHECK_INT(isnad_decode(raw, n, NULL, &d), ISNAD_OK);
	CHECK(d.len > 200 && d.len <= strlen(txt) && !memcmp(d.s, txt, d.len));
	isnad_decoded_release(&d);
	free(txt);
}

TEST(decode_binary_and_nul_never_break)
{
	unsigned char junk[4096];
	struct isnad_decoded d;
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	junk[10] = 0;
	CHECK_INT(isnad_decode(junk, sizeof junk, NULL, &d), ISNAD_OK);
	CHECK(isnad_utf8_valid_prefix(d.s, d.len) == d.len);
	isnad_decoded_release(&d);
	CHECK_INT(isnad_decode("", 0, NULL, &d), ISNAD_OK);
	CHECK_INT(d.len, 0);
	isnad_decoded_release(&d);
	CHECK_INT(isnad_decode("x", 1, "NO-SUCH-CHARSET", &d), ISNAD_EENCODING);
}

TEST(utf8_valid_prefix_stops_at_first_error)
{
	CHECK_INT(isnad_utf8_valid_prefix("abc", 3), 3);
	CHECK_INT(isnad_utf8_valid_prefix("ab\xc0\x80", 4), 2); /* overlong */
	CHECK_INT(isnad_utf8_valid_prefix("a\xed\xa0\x80", 4),
	          1);                                       /* surrogate */
	CHECK_INT(isnad_utf8_valid_prefix("عل\xd9", 5), 4); /* truncated */
	CHECK_INT(isnad_utf8_valid_prefix("\xef\xbf\xbd", 3),
	          3); /* U+FFFD itself */
}
