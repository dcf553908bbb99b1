/*
 * normalize.c - Arabic normalisation at three levels (see text.h), with an
 * optional map from every output byte back to its input offset.
 *
 * The hot path is text made of ASCII and two-byte Arabic characters; those
 * go through one table lookup each (norm_tables.h, generated).  Everything
 * else takes the general path: presentation forms expand through their
 * NFKC mapping, controls vanish, white space runs fold.
 */
#include <string.h>
#include <utf8proc.h>

#include "isnad/text.h"
#include "isnad_int.h"
#include "norm_tables.h"

/* Bidi, zero-width and other invisible format characters: removed at every
 * level because they change nothing a reader sees but split words. */
static int is_control(uint32_t cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\v' && cp != '\f' &&
		       cp != '\r';
	if (cp < 0x7F)
		return 0;
	return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85) ||
	       cp == 0xAD || cp == 0x061C || cp == 0x180E ||
	       (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

/* 0: not white space, 1: blank, 2: line break, 3: paragraph break. */
static int ws_kind(uint32_t cp)
{
	switch (cp) {
	case ' ':
	case '\t':
	case '\v':
	case '\f':
	case 0xA0:
	case 0x1680:
	case 0x202F:
	case 0x205F:
	case 0x3000:
		return 1;
	case '\n':
	case '\r':
	case 0x85:
	case 0x2028:
		return 2;
	case 0x2029:
		return 3;
	}
	return cp >= 0x2000 && cp <= 0x200A;
}

static int is_pres(uint32_t cp)
{
	return (cp >= PRES_A_LO && cp <= PRES_A_HI) ||
	       (cp >= PRES_B_LO && cp <= PRES_B_HI);
}

static const uint16_t *pres_expand(uint32_t cp, size_t *n)
{
	size_t i = cp <= PRES_A_HI
	               ? cp - PRES_A_LO
	               : (PRES_A_HI - PRES_A_LO + 1) + cp - PRES_B_LO;
	*n = (size_t)(pres_off[i + 1] - pres_off[i]);
	return pres_cps + pres_off[i];
}

/* Map one non-presentation, non-space, non-control code point for a level;
 * returns 0 when the character is dropped. */
static uint32_t map_cp(uint32_t cp, int level)
{
	if (cp >= 0x600 && cp <= 0x6FF)
		return ar_map[level][cp - 0x600];
	if (level >= ISNAD_NORM_LIGHT && cp >= 0x8D3 && cp <= 0x8FF &&
	    cp != 0x8E2)
		return 0;
	if (level == ISNAD_NORM_SEARCH) {
		if (cp >= 'A' && cp <= 'Z')
			return cp + 32;
		if (cp >= 0x80) {
			utf8proc_int32_t l =
			    utf8proc_tolower((utf8proc_int32_t)cp);
			if (l > 0)
				return (uint32_t)l;
		}
	}
	return cp;
}

/* ---- whole-text normalisation with white space folding and a map --------- */

struct nout {
	struct isnad_buf *b;
	uint32_t **map;
	size_t map_base; /* index in *map of b->len at the start */
	size_t map_cap;
	int pend;          /* pending white space kind, see ws_kind */
	uint32_t pend_off; /* input offset where the pending run began */
	int any;           /* something emitted yet */
	isnad_status st;
};

static int nout_reserve(struct nout *o, size_t extra)
{
	if (o->st)
		return 0;
	if ((o->st = isnad_buf_grow(o->b, extra)) != ISNAD_OK)
		return 0;
	if (o->map) {
		size_t need = o->b->len - o->map_base + extra + 1;
		if (need > o->map_cap) {
			size_t nc = o->map_cap ? o->map_cap : 256;
			uint32_t *m;
			while (nc < need)
				nc *= 2;
			m = isnad_realloc(*o->map, nc * sizeof *m);
			if (!m) {
				o->st = ISNAD_ENOMEM;
				return 0;
			}
			*o->map = m;
			o->map_cap = nc;
		}
	}
	return 1;
}

static void nout_bytes(struct nout *o, const char *p, size_t n, uint32_t off)
{
	if (!nout_reserve(o, n))
		return;
	if (o->map)
		for (size_t i = 0; i < n; i++)
			(*o->map)[o->b->len - o->map_base + i] = off;
	memcpy(o->b->s + o->b->len, p, n);
	o->b->len += n;
	o->b->s[o->b->len] = '\0';
}

static void flush_ws(struct nout *o, int final)
{
	static const char forms[4][3] = {"", " ", "\n", "\n\n"};
	int k = o->pend;
	o->pend = 0;
	if (!k || !o->any || (final && k == 1))
		return;
	nout_bytes(o, forms[k], k == 3 ? 2 : 1, o->pend_off);
}

static void emit_cp(struct nout *o, uint32_t cp, uint32_t off)
{
	char tmp[4];
	size_t n;
	if (o->pend)
		flush_ws(o, 0);
	n = isnad__utf8_encode(cp, tmp);
	nout_bytes(o, tmp, n, off);
	o->any = 1;
}

static void add_ws(struct nout *o, int k, uint32_t off)
{
	if (!o->pend)
		o->pend_off = off;
	if (k == 1) {
		if (!o->pend)
			o->pend = 1;
	} else if (k == 3 || o->pend >= 2) {
		o->pend = 3;
	} else {
		o->pend = 2;
	}
}

static void process_cp(struct nout *o, uint32_t cp, uint32_t off, int level,
                       int depth)
{
	int k;
	if (is_control(cp))
		return;
	if ((k = ws_kind(cp)) != 0) {
		add_ws(o, k, off);
		return;
	}
	if (depth == 0 && is_pres(cp)) {
		size_t n;
		const uint16_t *e = pres_expand(cp, &n);
		if (n == 1 && e[0] == cp) {
			emit_cp(o, cp, off);
			return;
		}
		for (size_t i = 0; i < n; i++)
			process_cp(o, e[i], off, level, 1);
		return;
	}
	cp = map_cp(cp, level);
	if (cp)
		emit_cp(o, cp, off);
}

isnad_status isnad_normalize(const char *s, size_t len,
                             enum isnad_norm_level level, struct isnad_buf *out,
                             uint32_t **map)
{
	const unsigned char *p = (const unsigned char *)s;
	struct nout o = {out, map, out->len, 0, 0, 0, 0, ISNAD_OK};
	size_t i = 0;
	int lv = (int)level;
	int crlf = 0;

	if (lv < 0 || lv > 2 || (!s && len))
		return ISNAD_EINVAL;
	if (len > ISNAD_DECODE_MAX)
		return ISNAD_ETOOBIG;
	if (map)
		*map = NULL;
	/* Most text shrinks or keeps its size; reserve that much up front. */
	nout_reserve(&o, len + 16);
	while (i < len && !o.st) {
		uint32_t cp;
		size_t n;
		unsigned c = p[i];
		if (c < 0x80) {
			if (c > ' ' && c != 0x7F) {
				if (lv == 2 && c >= 'A' && c <= 'Z')
					c += 32;
				if (o.pend)
					flush_ws(&o, 0);
				if (o.b->len + 1 >= o.b->cap ||
				    (map &&
				     o.b->len - o.map_base + 2 > o.map_cap))
					nout_reserve(&o, 64);
				if (o.st)
					break;
				if (map)
					(*map)[o.b->len - o.map_base] =
					    (uint32_t)i;
				o.b->s[o.b->len++] = (char)c;
				o.any = 1;
				i++;
				continue;
			}
			if (c == ' ') { /* the commonest separator */
				if (!o.pend) {
					o.pend = 1;
					o.pend_off = (uint32_t)i;
				}
				crlf = 0;
				i++;
				continue;
			}
			/* CR LF counts as one line break. */
			if (c == '\n' && crlf) {
				crlf = 0;
				i++;
				continue;
			}
			crlf = c == '\r';
			process_cp(&o, c, (uint32_t)i, lv, 0);
			i++;
			continue;
		}
		crlf = 0;
		/* Two-byte Arabic block: one lookup, no code point decoding. */
		if ((c & 0xFC) == 0xD8 && i + 1 < len &&
		    (p[i + 1] & 0xC0) == 0x80) {
			const unsigned char *e =
			    ar_out[lv][((c & 3) << 6) | (p[i + 1] & 0x3F)];
			if (e[0]) {
				if (o.pend)
					flush_ws(&o, 0);
				if (o.b->len + 3 >= o.b->cap ||
				    (map &&
				     o.b->len - o.map_base + 3 > o.map_cap))
					nout_reserve(&o, 64);
				if (o.st)
					break;
				if (map) {
					(*map)[o.b->len - o.map_base] =
					    (uint32_t)i;
					(*map)[o.b->len - o.map_base + 1] =
					    (uint32_t)i;
				}
				o.b->s[o.b->len] = (char)e[1];
				o.b->s[o.b->len + 1] = (char)e[2];
				o.b->len += e[0];
				o.any = 1;
			}
			i += 2;
			continue;
		}
		n = isnad__utf8_decode(p + i, len - i, &cp);
		process_cp(&o, cp, (uint32_t)i, lv, 0);
		i += n;
	}
	if (!o.st) {
		flush_ws(&o, 1);
		o.b->s[o.b->len] = '\0';
	}
	if (!o.st && map) {
		nout_reserve(&o, 0);
		if (!o.st)
			(*map)[o.b->len - o.map_base] = (uint32_t)len;
	}
	if (o.st && map) {
		isnad_free(*map);
		*map = NULL;
	}
	return o.st;
}

/* ---- single words: the tokenizer's hot path ------------------------------ */

static size_t put_cp(char *d, uint32_t cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	return isnad__utf8_encode(cp, d);
}

size_t isnad_normalize_word(const char *s, size_t len,
                            enum isnad_norm_level level, char *dst)
{
	const unsigned char *p = (const unsigned char *)s;
	char *d = dst;
	size_t i = 0;
	int lv = (int)level;
	if (lv < 0 || lv > 2)
		lv = 2;
	while (i < len) {
		unsigned c = p[i];
		uint32_t cp;
		size_t n;
		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				i++;
				continue;
			}
			if (lv == 2 && c >= 'A' && c <= 'Z')
				c += 32;
			*d++ = (char)c;
			i++;
			continue;
		}
		/* Two-byte Arabic block: one table lookup. */
		if ((c & 0xFC) == 0xD8 && i + 1 < len &&
		    (p[i + 1] & 0xC0) == 0x80) {
			const unsigned char *e =
			    ar_out[lv][((c & 3) << 6) | (p[i + 1] & 0x3F)];
			d[0] = (char)e[1];
			d[1] = (char)e[2];
			d += e[0];
			i += 2;
			continue;
		}
		n = isnad__utf8_decode(p + i, len - i, &cp);
		if (is_control(cp)) {
			i += n;
			continue;
		}
		if (is_pres(cp)) {
			size_t ne, bytes = 0;
			const uint16_t *e = pres_expand(cp, &ne);
			char tmp[4];
			for (size_t k = 0; k < ne; k++)
				bytes += isnad__utf8_encode(e[k], tmp);
			if (bytes > 3 * n) {
				memcpy(d, p + i, n);
				d += n;
			} else {
				for (size_t k = 0; k < ne; k++) {
					uint32_t m = is_control(e[k])
					                 ? 0
					                 : map_cp(e[k], lv);
					if (m)
						d += put_cp(d, m);
				}
			}
			i += n;
			continue;
		}
		cp = map_cp(cp, lv);
		if (cp)
			d += put_cp(d, cp);
		i += n;
	}
	return (size_t)(d - dst);
}

int isnad_is_arabic_wordchar(uint32_t cp)
{
	if (cp >= 0x600 && cp <= 0x6FF)
		return isnad__ar_cls[cp - 0x600] == 1;
	if (cp >= 0x750 && cp <= 0x77F)
		return 1;
	if (cp >= 0x8A0 && cp <= 0x8FF)
		return 1;
	if (cp >= 0xFB50 && cp <= 0xFDFB)
		return cp < 0xFD3E || cp > 0xFD3F;
	if (cp >= 0xFE70 && cp <= 0xFEFC)
		return 1;
	return 0;
}
