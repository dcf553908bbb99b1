/*
 * decode.c - bytes in any of the encodings Arabic news arrives in, to valid
 * UTF-8 with a map back to input offsets.
 *
 * Detection order: an explicit charset, a BOM, valid UTF-8, UTF-16 without
 * BOM (by where the zero and 0x06 bytes fall), then single-byte charsets:
 * uchardet proposes one, and Windows-1256 / ISO-8859-6 compete with it on
 * how much of the decoded text is Arabic letters, because the two Arabic
 * code pages share most byte values and a wrong pick yields Latin accents
 * inside Arabic words.  Single-byte charsets are converted through a
 * 256-entry table built once with iconv, which keeps the offset map exact.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

#include "isnad/text.h"
#include "isnad_int.h"

#define SAMPLE_MAX (64 * 1024)

struct sbtable {
	char utf8[256][4];
	uint8_t len[256];
};

/* Build the byte -> UTF-8 table of a single-byte charset.  Returns 0 if
 * iconv does not know the charset or it is not single-byte. */
static int sb_table(const char *charset, struct sbtable *t)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	int defined = 0;
	if (cd == (iconv_t)-1)
		return 0;
	for (int b = 0; b < 256; b++) {
		char in = (char)b, *ip = &in, *op = t->utf8[b];
		size_t il = 1, ol = 4;
		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0) {
			/* undefined byte (or a lead byte of a multi-byte set)
			 */
			memcpy(t->utf8[b], "\xEF\xBF\xBD", 3);
			t->len[b] = 3;
		} else {
			t->len[b] = (uint8_t)(4 - ol);
			defined++;
		}
	}
	iconv_close(cd);
	return defined >= 128;
}

/* Share of non-ASCII characters that are Arabic letters when sample is read
 * in charset t, in [0,1]; -1 if there are none. */
static double arabic_score(const struct sbtable *t, const unsigned char *p,
                           size_t n)
{
	size_t hi = 0, ar = 0;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *u;
		if (p[i] < 0x80)
			continue;
		hi++;
		u = (const unsigned char *)t->utf8[p[i]];
		if (t->len[p[i]] == 2 && (u[0] == 0xD8 || u[0] == 0xD9)) {
			uint32_t cp =
			    ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
			if ((cp >= 0x621 && cp <= 0x64A) || cp == 0x60C ||
			    cp == 0x61F || cp == 0x61B)
				ar++;
		}
	}
	return hi ? (double)ar / (double)hi : -1.0;
}

static const char *canonical(const char *name)
{
	static const char *const known[] = {
	    "UTF-8",        "UTF-16LE",     "UTF-16BE",     "WINDOWS-1256",
	    "ISO-8859-6",   "WINDOWS-1252", "ISO-8859-1",   "ISO-8859-15",
	    "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1253", "WINDOWS-1254",
	    "WINDOWS-1255", "ISO-8859-2",   "ISO-8859-5",   "ISO-8859-7",
	    "ISO-8859-8",   "ISO-8859-9",   "KOI8-R",       "IBM864",
	    "MAC-ARABIC",   "ASCII",
	};
	char up[32];
	size_t i;
	if (!name)
		return NULL;
	for (i = 0; name[i] && i + 1 < sizeof up; i++)
		up[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32
		                                                : name[i]);
	up[i] = '\0';
	if (!strcmp(up, "CP1256"))
		return "WINDOWS-1256";
	if (!strcmp(up, "UTF8"))
		return "UTF-8";
	if (!strcmp(up, "ARABIC") || !strcmp(up, "ISO_8859-6") ||
	    !strcmp(up, "ISO-8859-6-I") || !strcmp(up, "ASMO-708"))
		return "ISO-8859-6";
	if (!strcmp(up, "US-ASCII"))
		return "ASCII";
	for (i = 0; i < ISNAD_ARRAY_LEN(known); i++)
		if (!strcmp(up, known[i]))
			return known[i];
	return NULL;
}

/* UTF-16 without BOM: in Arabic or ASCII text one byte of every pair is
 * 0x00 or 0x06 (the Arabic block's high byte). */
static const char *guess_utf16(const unsigned char *p, size_t n)
{
	size_t pairs = 0, le = 0, be = 0;
	if (n < 8)
		return NULL;
	for (size_t i = 0; i + 1 < n && i < SAMPLE_MAX; i += 2) {
		pairs++;
		if ((p[i + 1] == 0 || p[i + 1] == 6) && p[i] != 0)
			le++;
		if ((p[i] == 0 || p[i] == 6) && p[i + 1] != 0)
			be++;
	}
	if (le * 10 >= pairs * 8 && be * 10 < pairs * 3)
		return "UTF-16LE";
	if (be * 10 >= pairs * 8 && le * 10 < pairs * 3)
		return "UTF-16BE";
	return NULL;
}

/* Non-ASCII characters that are valid UTF-8 vs invalid sequences. */
static void utf8_stats(const unsigned char *p, size_t n, size_t *good,
                       size_t *bad)
{
	size_t i = 0;
	*good = *bad = 0;
	while (i < n) {
		uint32_t cp;
		size_t k;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = isnad__utf8_decode(p + i, n - i, &cp);
		if (isnad__utf8_bad(p + i, k, cp))
			(*bad)++;
		else
			(*good)++;
		i += k;
	}
}

static const char *detect_single_byte(const unsigned char *p, size_t n)
{
	struct sbtable a, b, c;
	const char *ud = NULL, *best;
	double s1256, s88596, sother = -1.0, bests;
	uchardet_t u = uchardet_new();
	if (u) {
		if (uchardet_handle_data(u, (const char *)p, n) == 0) {
			uchardet_data_end(u);
			ud = canonical(uchardet_get_charset(u));
		}
		uchardet_delete(u);
	}
	/* The tables are rebuilt per call: 768 one-byte iconv calls cost less
	 * than detection itself and keep the library free of mutable globals.
	 */
	s1256 = sb_table("WINDOWS-1256", &a) ? arabic_score(&a, p, n) : -1;
	s88596 = sb_table("ISO-8859-6", &b) ? arabic_score(&b, p, n) : -1;
	if (ud && strcmp(ud, "WINDOWS-1256") && strcmp(ud, "ISO-8859-6") &&
	    strcmp(ud, "UTF-8") && strncmp(ud, "UTF-16", 6) && sb_table(ud, &c))
		sother = arabic_score(&c, p, n);
	best = s1256 >= s88596 ? "WINDOWS-1256" : "ISO-8859-6";
	bests = s1256 >= s88596 ? s1256 : s88596;
	if (ud && !strcmp(ud, "ISO-8859-6") && s88596 >= s1256 - 0.02) {
		best = "ISO-8859-6";
		bests = s88596;
	}
	/* Not Arabic: trust uchardet's single-byte guess. */
	if (bests < 0.5 && sother >= 0)
		return ud;
	return best;
}

const char *isnad_detect_encoding(const void *in, size_t len)
{
	const unsigned char *p = in;
	size_t n = len < SAMPLE_MAX ? len : SAMPLE_MAX, good, bad;
	const char *u16;
	if (!in)
		return "UTF-8";
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return "UTF-8";
	if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return "UTF-16LE";
	if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return "UTF-16BE";
	if ((u16 = guess_utf16(p, len)) != NULL)
		return u16;
	utf8_stats(p, n, &good, &bad);
	/* Legacy Arabic text is almost never valid UTF-8 by accident (its
	 * letters are lead bytes followed by more lead bytes), so a text with
	 * twice as many valid sequences as broken ones is damaged UTF-8. */
	if (bad == 0 || good >= 2 * bad)
		return "UTF-8";
	return detect_single_byte(p, n);
}

/* ---- converters ---------------------------------------------------------- */

struct out {
	char *s;
	uint32_t *map;
	size_t len, cap;
};

static int out_reserve(struct out *o, size_t extra)
{
	size_t need = o->len + extra + 1, nc;
	char *s;
	uint32_t *m;
	if (need <= o->cap)
		return 1;
	nc = o->cap ? o->cap : 256;
	while (nc < need)
		nc *= 2;
	s = isnad_realloc(o->s, nc);
	if (!s)
		return 0;
	o->s = s;
	m = isnad_realloc(o->map, nc * sizeof *m);
	if (!m)
		return 0;
	o->map = m;
	o->cap = nc;
	return 1;
}

static void out_put(struct out *o, const char *p, size_t n, size_t off)
{
	memcpy(o->s + o->len, p, n);
	for (size_t i = 0; i < n; i++)
		o->map[o->len + i] = (uint32_t)off;
	o->len += n;
}

static isnad_status conv_utf8(const unsigned char *p, size_t len, size_t skip,
                              struct out *o, size_t *n_invalid)
{
	size_t i = skip;
	if (!out_reserve(o, len + len / 2 + 8))
		return ISNAD_ENOMEM;
	while (i < len) {
		uint32_t cp;
		size_t k;
		if (p[i] < 0x80) {
			if (o->len + 4 >= o->cap && !out_reserve(o, 64))
				return ISNAD_ENOMEM;
			o->s[o->len] = (char)p[i];
			o->map[o->len++] = (uint32_t)i;
			i++;
			continue;
		}
		k = isnad__utf8_decode(p + i, len - i, &cp);
		if (o->len + 4 >= o->cap && !out_reserve(o, 64))
			return ISNAD_ENOMEM;
		if (isnad__utf8_bad(p + i, k, cp)) {
			(*n_invalid)++;
			out_put(o, "\xEF\xBF\xBD", 3, i);
		} else {
			out_put(o, (const char *)p + i, k, i);
		}
		i += k;
	}
	return ISNAD_OK;
}

static isnad_status conv_utf16(const unsigned char *p, size_t len, size_t skip,
                               int be, struct out *o, size_t *n_invalid)
{
	size_t i = skip;
	if (!out_reserve(o, len + len / 2 + 8))
		return ISNAD_ENOMEM;
	while (i < len) {
		uint32_t u, cp;
		size_t start = i;
		char tmp[4];
		size_t k;
		if (i + 1 >= len) { /* odd trailing byte */
			(*n_invalid)++;
			cp = 0xFFFD;
			i = len;
		} else {
			u = be ? (uint32_t)(p[i] << 8 | p[i + 1])
			       : (uint32_t)(p[i + 1] << 8 | p[i]);
			i += 2;
			if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
				uint32_t l =
				    be ? (uint32_t)(p[i] << 8 | p[i + 1])
				       : (uint32_t)(p[i + 1] << 8 | p[i]);
				if (l >= 0xDC00 && l <= 0xDFFF) {
					cp = 0x10000 + ((u - 0xD800) << 10) +
					     (l - 0xDC00);
					i += 2;
				} else {
					cp = 0xFFFD;
					(*n_invalid)++;
				}
			} else if (u >= 0xD800 && u <= 0xDFFF) {
				cp = 0xFFFD;
				(*n_invalid)++;
			} else {
				cp = u;
			}
		}
		if (o->len + 4 >= o->cap && !out_reserve(o, 64))
			return ISNAD_ENOMEM;
		k = isnad__utf8_encode(cp, tmp);
		out_put(o, tmp, k, start);
	}
	return ISNAD_OK;
}

static isnad_status conv_table(const unsigned char *p, size_t len,
                               const struct sbtable *t, struct out *o,
                               size_t *n_invalid)
{
	if (!out_reserve(o, 2 * len + 8))
		return ISNAD_ENOMEM;
	for (size_t i = 0; i < len; i++) {
		if (o->len + 4 >= o->cap && !out_reserve(o, 64))
			return ISNAD_ENOMEM;
		if (t->len[p[i]] == 3 &&
		    !memcmp(t->utf8[p[i]], "\xEF\xBF\xBD", 3))
			(*n_invalid)++;
		out_put(o, t->utf8[p[i]], t->len[p[i]], i);
	}
	return ISNAD_OK;
}

isnad_status isnad_decode(const void *in, size_t len, const char *encoding,
                          struct isnad_decoded *out)
{
	const unsigned char *p = in;
	struct out o = {NULL, NULL, 0, 0};
	const char *enc;
	size_t skip = 0;
	int valid = 0;
	isnad_status st;

	memset(out, 0, sizeof *out);
	if (!in && len)
		return ISNAD_EINVAL;
	if (len > ISNAD_DECODE_MAX)
		return ISNAD_ETOOBIG;
	if (encoding) {
		enc = canonical(encoding);
		if (!enc) {
			struct sbtable t;
			if (!sb_table(encoding, &t))
				return ISNAD_EENCODING;
			enc = "SINGLE-BYTE";
		}
	} else if (len &&
	           !(len >= 3 && p[0] == 0xEF && p[1] == 0xBB &&
	             p[2] == 0xBF) &&
	           !memchr(in, 0, len) &&
	           isnad_utf8_valid_prefix(in, len) == len) {
		/* Valid UTF-8 without NULs (which UTF-16 text would have) is
		 * UTF-8: the common case skips detection. */
		enc = "UTF-8";
		valid = 1;
	} else {
		enc = isnad_detect_encoding(in, len);
	}
	if (!strcmp(enc, "UTF-8") || !strcmp(enc, "ASCII")) {
		enc = "UTF-8";
		if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
			skip = 3;
			out->had_bom = 1;
		}
		if (!skip &&
		    (valid || isnad_utf8_valid_prefix(in, len) == len)) {
			/* The common case: no copy of the map, offsets equal.
			 */
			out->s = isnad_malloc(len + 1);
			if (!out->s)
				return ISNAD_ENOMEM;
			if (len)
				memcpy(out->s, in, len);
			out->s[len] = '\0';
			out->len = len;
			out->encoding = "UTF-8";
			return ISNAD_OK;
		}
		st = conv_utf8(p, len, skip, &o, &out->n_invalid);
	} else if (!strncmp(enc, "UTF-16", 6)) {
		int be = !strcmp(enc, "UTF-16BE");
		if (len >= 2 && ((be && p[0] == 0xFE && p[1] == 0xFF) ||
		                 (!be && p[0] == 0xFF && p[1] == 0xFE))) {
			skip = 2;
			out->had_bom = 1;
		}
		st = conv_utf16(p, len, skip, be, &o, &out->n_invalid);
	} else {
		struct sbtable t;
		const char *name = !strcmp(enc, "SINGLE-BYTE") ? encoding : enc;
		if (!sb_table(name, &t))
			return ISNAD_EENCODING;
		st = conv_table(p, len, &t, &o, &out->n_invalid);
	}
	if (st == ISNAD_OK && !out_reserve(&o, 0))
		st = ISNAD_ENOMEM;
	if (st) {
		isnad_free(o.s);
		isnad_free(o.map);
		out->n_invalid = 0;
		return st;
	}
	o.s[o.len] = '\0';
	o.map[o.len] = (uint32_t)len;
	out->s = o.s;
	out->map = o.map;
	out->len = o.len;
	out->encoding = !strcmp(enc, "SINGLE-BYTE") ? "SINGLE-BYTE" : enc;
	return ISNAD_OK;
}

void isnad_decoded_release(struct isnad_decoded *d)
{
	if (!d)
		return;
	isnad_free(d->s);
	isnad_free(d->map);
	memset(d, 0, sizeof *d);
}
