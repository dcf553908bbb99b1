/*
 * tokenize.c - text to tokens with byte offsets, Arabic clitics split.
 *
 * The scanner classifies characters into runs (Arabic word, Latin word,
 * number, URL, e-mail, hashtag, mention, punctuation).  An Arabic word is
 * then analysed once per distinct surface form and the analysis cached:
 * news vocabulary is Zipfian, so after warm-up almost every word is one hash
 * lookup.  The analysis:
 *
 *  1. proclitic chain (و ف ب ل ك س and pairs such as وب فل): cut when the
 *     lexicon's rate for that chain times the frequency of the remainder
 *     explains the word's own frequency (والعراق is far rarer than the rate
 *     predicts from العراق; كما is far more common than ك + ما predicts, so
 *     it is a word of its own);
 *  2. the article ال (also elided after ل: للحكومة = ل ال حكومة): cut unless
 *     the word is a relative pronoun or the name of God, or the bare form is
 *     never seen while the whole is (المانيا spelt without hamza);
 *  3. an enclitic pronoun, if no article was cut, by the same rate test,
 *     restoring ة/ى that the suffix changed (قادتهم = قادة + هم).
 *
 * Unknown words fall back to conservative rules: و/ف before three or more
 * letters and ب/ك/ل before the article are cut, nothing else.
 */
#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "isnad/text.h"
#include "isnad/token.h"
#include "isnad_int.h"
#include "lexicon_int.h"

#define MAX_LETTERS 64         /* longer Arabic runs are not analysed */
#define CACHE_LIMIT (1u << 18) /* entries before the cache is dropped */
#define HOT_SIZE 32768         /* entries of the hot front, a power of 2 */
#define SUFFIX_BETA 20.0       /* see cut_article_enclitic */
#define MIN_REST 2             /* remainder frequency needed to cut */

/* ---- Arabic letters used by the rules ------------------------------------ */
enum {
	A_ALEF = 0x627,
	A_BEH = 0x628,
	A_TEH_M = 0x629,
	A_TEH = 0x62A,
	A_THEH = 0x62B,
	A_NOON = 0x646,
	A_HEH = 0x647,
	A_WAW = 0x648,
	A_YEH = 0x64A,
	A_MAKSURA = 0x649,
	A_LAM = 0x644,
	A_KAF = 0x643,
	A_FEH = 0x641,
	A_SEEN = 0x633,
	A_MEEM = 0x645,
	A_HAMZA_A = 0x623
};

static const char *const type_names[] = {
    "arabic", "proclitic", "enclitic", "latin",   "number",
    "punct",  "url",       "email",    "hashtag", "mention",
};

const char *isnad_token_type_name(enum isnad_token_type t)
{
	return (unsigned)t < ISNAD_TOK__COUNT ? type_names[t] : "unknown";
}

/* One token of a word's analysis, offsets relative to the word. */
struct piece {
	uint16_t off, len;
	uint8_t type;
	const char *norm, *stem;
	uint16_t norm_len, stem_len;
};

/* Result of analysing one word, while it is built. */
struct analysis {
	uint8_t n;
	struct piece *p; /* room for 5 */
};

/* A cached analysis in one block, so that a lookup touches one or two
 * cache lines: header, pieces, then the key bytes. */
struct entry {
	uint32_t key_len;
	uint32_t seq; /* order of first sight: early words are frequent */
	uint8_t n;
	struct piece p[];
};

static inline const char *entry_key(const struct entry *e)
{
	return (const char *)(e->p + e->n);
}

struct slot {
	uint64_t hash;
	struct entry *e;
};

/* A run found by the scanner, before it becomes tokens. */
struct seg {
	size_t start, end;
	uint64_t hash; /* of an Arabic word, once computed */
	uint32_t word;
	uint8_t type;
	uint8_t hashed;
};

struct isnad_tokenizer {
	const struct isnad_lexicon *lx;
	struct isnad_stemmer *st;
	unsigned flags;
	struct slot *slots; /* open addressing, mask + 1 entries */
	size_t mask, n;
	size_t uncached;  /* words analysed outside the full cache */
	struct seg *segs; /* this call's runs */
	size_t n_segs, cap_segs;
	struct isnad_arena cache; /* keys and pieces of cached analyses */
	struct isnad_arena call;  /* per-call norms and uncached analyses */
	/* Direct-mapped front of the cache: the few thousand commonest words
	 * stay in L1/L2 instead of probing a table of megabytes. */
	struct slot hot[HOT_SIZE];
	double rho_cache[16]; /* rates by chain index, see chains[] */
	double sigma_cache[9];
};

/* ---- proclitic chains and enclitics -------------------------------------- */

struct chain {
	uint32_t cp[2];
	uint8_t n;
	const char *utf8;
};

/* Longest first so that وب is tried before و. */
static const struct chain chains[] = {
    {{A_WAW, A_BEH}, 2, "وب"}, {{A_WAW, A_LAM}, 2, "ول"},
    {{A_WAW, A_KAF}, 2, "وك"}, {{A_WAW, A_SEEN}, 2, "وس"},
    {{A_FEH, A_BEH}, 2, "فب"}, {{A_FEH, A_LAM}, 2, "فل"},
    {{A_FEH, A_KAF}, 2, "فك"}, {{A_FEH, A_SEEN}, 2, "فس"},
    {{A_WAW, 0}, 1, "و"},      {{A_FEH, 0}, 1, "ف"},
    {{A_BEH, 0}, 1, "ب"},      {{A_LAM, 0}, 1, "ل"},
    {{A_KAF, 0}, 1, "ك"},      {{A_SEEN, 0}, 1, "س"},
};

struct suffix {
	uint32_t cp[3];
	uint8_t n;
	const char *utf8;
};

static const struct suffix suffixes[] = {
    {{A_HEH, A_MEEM, A_ALEF}, 3, "هما"},
    {{A_HEH, A_MEEM, 0}, 2, "هم"},
    {{A_HEH, A_NOON, 0}, 2, "هن"},
    {{A_HEH, A_ALEF, 0}, 2, "ها"},
    {{A_KAF, A_MEEM, 0}, 2, "كم"},
    {{A_NOON, A_ALEF, 0}, 2, "نا"},
    {{A_HEH, 0, 0}, 1, "ه"},
    {{A_KAF, 0, 0}, 1, "ك"},
    {{A_YEH, 0, 0}, 1, "ي"},
};

/* Words that begin with ال without an article: relative pronouns and the
 * name of God (a closed class of the grammar, not a list of examples). */
static const char *const al_words[] = {
    "الذي",   "التي",   "الذين",   "اللذان", "اللتان", "اللذين", "اللتين",
    "اللاتي", "اللائي", "اللواتي", "اللتي",  "الله",   "اللهم",
};

/* ---- lifecycle ----------------------------------------------------------- */

isnad_status isnad_tokenizer_new(const struct isnad_lexicon *lx,
                                 struct isnad_tokenizer **out)
{
	struct isnad_tokenizer *tk;
	isnad_status st;
	*out = NULL;
	if (!lx)
		lx = isnad_lexicon_default();
	tk = isnad_calloc(1, sizeof *tk);
	if (!tk)
		return ISNAD_ENOMEM;
	tk->lx = lx;
	tk->mask = 4096 - 1;
	tk->slots = isnad_calloc(tk->mask + 1, sizeof *tk->slots);
	if (!tk->slots) {
		isnad_free(tk);
		return ISNAD_ENOMEM;
	}
	if ((st = isnad_stemmer_new(&tk->st)) != ISNAD_OK) {
		isnad_free(tk->slots);
		isnad_free(tk);
		return st;
	}
	isnad__arena_init(&tk->cache);
	isnad__arena_init(&tk->call);
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(chains); i++)
		tk->rho_cache[i] = isnad__lexicon_rho(lx, chains[i].utf8,
		                                      strlen(chains[i].utf8));
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(suffixes); i++)
		tk->sigma_cache[i] = isnad__lexicon_sigma(
		    lx, suffixes[i].utf8, strlen(suffixes[i].utf8));
	*out = tk;
	return ISNAD_OK;
}

void isnad_tokenizer_free(struct isnad_tokenizer *tk)
{
	if (!tk)
		return;
	isnad_stemmer_free(tk->st);
	isnad__arena_release(&tk->cache);
	isnad__arena_release(&tk->call);
	isnad_free(tk->slots);
	isnad_free(tk->segs);
	isnad_free(tk);
}

void isnad_tokenizer_set_flags(struct isnad_tokenizer *tk, unsigned flags)
{
	if (tk->flags != flags) {
		/* cached stems depend on the flags */
		memset(tk->slots, 0, (tk->mask + 1) * sizeof *tk->slots);
		memset(tk->hot, 0, sizeof tk->hot);
		tk->n = 0;
		isnad__arena_reset(&tk->cache);
	}
	tk->flags = flags;
}

void isnad_tokens_init(struct isnad_tokens *t)
{
	t->v = NULL;
	t->n = t->cap = 0;
}

void isnad_tokens_release(struct isnad_tokens *t)
{
	isnad_free(t->v);
	isnad_tokens_init(t);
}

static struct isnad_token *tok_push(struct isnad_tokens *t)
{
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 256;
		struct isnad_token *v = isnad_realloc(t->v, nc * sizeof *v);
		if (!v)
			return NULL;
		t->v = v;
		t->cap = nc;
	}
	return &t->v[t->n++];
}

/* ---- word analysis ------------------------------------------------------- */

/* A word as letters (light level), each with the surface offset of the
 * character that produced it. */
struct letters {
	uint32_t cp[MAX_LETTERS];
	uint16_t off[MAX_LETTERS + 1];
	int n;
};

static size_t letters_utf8(const uint32_t *cp, int n, char *out)
{
	size_t k = 0;
	for (int i = 0; i < n; i++)
		k += isnad__utf8_encode(cp[i], out + k);
	return k;
}

static uint32_t count_cps(const struct isnad_tokenizer *tk, const uint32_t *cp,
                          int n)
{
	char buf[4 * MAX_LETTERS + 8];
	if (n <= 0)
		return 0;
	return isnad_lexicon_count(tk->lx, buf, letters_utf8(cp, n, buf));
}

/* Count of the form alef + cp[0..n) (a remainder whose article lost its
 * alef after the preposition ل). */
static uint32_t count_with_alef(const struct isnad_tokenizer *tk,
                                const uint32_t *cp, int n)
{
	uint32_t tmp[MAX_LETTERS + 1];
	if (n + 1 > MAX_LETTERS)
		return 0;
	tmp[0] = A_ALEF;
	memcpy(tmp + 1, cp, (size_t)n * sizeof *cp);
	return count_cps(tk, tmp, n + 1);
}

static int starts_with_al(const uint32_t *cp, int n)
{
	return n >= 2 && cp[0] == A_ALEF && cp[1] == A_LAM;
}

static int is_al_word(const uint32_t *cp, int n)
{
	char buf[4 * MAX_LETTERS + 8], norm[12 * MAX_LETTERS + 8], lw[64];
	size_t k = isnad_normalize_word(buf, letters_utf8(cp, n, buf),
	                                ISNAD_NORM_SEARCH, norm);
	/* compared at the search level: التى and الذى are common spellings */
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(al_words); i++) {
		size_t l = isnad_normalize_word(
		    al_words[i], strlen(al_words[i]), ISNAD_NORM_SEARCH, lw);
		if (l == k && !memcmp(lw, norm, k))
			return 1;
	}
	return 0;
}

static int is_imperfect_prefix(uint32_t c)
{
	return c == A_YEH || c == A_TEH || c == A_NOON || c == A_HAMZA_A ||
	       c == A_ALEF;
}

struct cut {
	int pre;      /* letters of the non-article proclitic chain */
	int art;      /* 2 if ال is cut, 1 if an elided article (لل) */
	int suf;      /* letters of the enclitic */
	uint32_t fix; /* letter restored at the end of the base, or 0 */
};

/* Is the word seen with the article in front of it?  An article can't
 * precede a conjunction or preposition, so الكتاب, الوزير and البلد prove
 * that كتاب, وزير and بلد begin with letters of their own.  A handful of
 * such sightings beside thousands of the bare word (الفقد / فقد) are
 * another word or noise, not proof. */
static int article_attested(const struct isnad_tokenizer *tk,
                            const uint32_t *cp, int n, uint32_t cw)
{
	uint32_t tmp[MAX_LETTERS + 2], ca;
	if (n + 2 > MAX_LETTERS)
		return 0;
	tmp[0] = A_ALEF;
	tmp[1] = A_LAM;
	memcpy(tmp + 2, cp, (size_t)n * sizeof *cp);
	ca = count_cps(tk, tmp, n + 2);
	return ca >= MIN_REST && (uint64_t)ca * 100 >= cw;
}

/*
 * Step 1: the best proclitic chain among chains[lo..hi) for cp[0..n), whose
 * own frequency is cw.  Returns the chain index or -1; *elided is set when
 * the remainder is an article written without its alef (ل + لحكومة).
 *
 * The rate test: a compound's frequency is about rate * frequency of its
 * remainder, within a factor that the data show to be wide (وأضاف is 280
 * times more common than the median rate predicts, because reporting verbs
 * open sentences).  So the factor allowed is large for long remainders and
 * for the conjunctions that attach to anything, and small for two-letter
 * remainders, which are mostly function words (كما is not ك + ما).
 */
static int best_chain(const struct isnad_tokenizer *tk, const uint32_t *cp,
                      int n, uint32_t cw, size_t lo, size_t hi, int *elided)
{
	double best = 0.0;
	int best_i = -1, best_el = 0;
	for (size_t i = lo; i < hi; i++) {
		const struct chain *ch = &chains[i];
		const uint32_t *r = cp + ch->n;
		int rn = n - ch->n, el = 0, conj;
		uint32_t cr;
		double score, beta;
		if (rn < 2 || cp[0] != ch->cp[0] ||
		    (ch->n == 2 && cp[1] != ch->cp[1]))
			continue;
		if (ch->cp[ch->n - 1] == A_SEEN && !is_imperfect_prefix(r[0]))
			continue;
		cr = count_cps(tk, r, rn);
		if (ch->cp[ch->n - 1] == A_LAM && r[0] == A_LAM && rn >= 3) {
			uint32_t ca = count_with_alef(tk, r, rn);
			if (ca > cr) {
				cr = ca;
				el = 1;
			}
		}
		if (cr < MIN_REST)
			continue;
		score = tk->rho_cache[i] * (double)cr;
		conj =
		    ch->n == 1 && (ch->cp[0] == A_WAW || ch->cp[0] == A_FEH ||
		                   ch->cp[0] == A_SEEN);
		/* A preposition before the article (بالإضافة, للغاية) or
		 * before a common word (بشكل, بسبب) is a compound however
		 * lexicalised; before a rare one (شار in بشار) it may be
		 * the word's own first letter. */
		beta = rn <= 2                       ? (conj ? 30.0 : 4.0)
		       : el || starts_with_al(r, rn) ? 1e6
		       : conj                        ? 1000.0
		       : ch->cp[ch->n - 1] == A_KAF  ? 10.0
		       : cr >= 100                   ? 300.0
		                                     : 30.0;
		if (score * beta > (double)cw && score > best) {
			best = score;
			best_i = (int)i;
			best_el = el;
		}
	}
	if (best_i >= 0)
		*elided = best_el;
	return best_i;
}

#define CHAIN_WAW 8 /* index of و in chains[] */
#define CHAIN_FEH 9
#define CHAIN_PREP 10 /* ب ل ك س start here */

static void cut_proclitics(const struct isnad_tokenizer *tk,
                           const struct letters *w, uint32_t cw, struct cut *c)
{
	int el = 0, ci;
	if (article_attested(tk, w->cp, w->n, cw))
		return;
	ci = best_chain(tk, w->cp, w->n, cw, 0, ISNAD_ARRAY_LEN(chains), &el);
	if (ci >= 0) {
		c->pre = chains[ci].n;
		c->art = el;
		/* و/ف, then maybe a preposition: و + للحكومة */
		uint32_t c1 = count_cps(tk, w->cp + 1, w->n - 1);
		if ((ci == CHAIN_WAW || ci == CHAIN_FEH) && !el &&
		    w->n - 1 >= 3 &&
		    !article_attested(tk, w->cp + 1, w->n - 1, c1)) {
			int ci2 =
			    best_chain(tk, w->cp + 1, w->n - 1, c1, CHAIN_PREP,
			               ISNAD_ARRAY_LEN(chains), &el);
			if (ci2 >= 0) {
				c->pre = 2;
				c->art = el;
			}
		}
		return;
	}
	if (cw >= MIN_REST)
		return;
	/* Unknown word, unknown remainders: conservative fallbacks. */
	if ((w->cp[0] == A_WAW || w->cp[0] == A_FEH) && w->n >= 4 &&
	    count_cps(tk, w->cp + 1, w->n - 1) == 0) {
		c->pre = 1;
		if (w->n >= 6 &&
		    (w->cp[1] == A_BEH || w->cp[1] == A_KAF ||
		     w->cp[1] == A_LAM) &&
		    starts_with_al(w->cp + 2, w->n - 2))
			c->pre = 2;
		else if (w->n >= 5 && w->cp[1] == A_LAM && w->cp[2] == A_LAM) {
			c->pre = 2;
			c->art = 1;
		}
		return;
	}
	if ((w->cp[0] == A_BEH || w->cp[0] == A_KAF) && w->n >= 5 &&
	    starts_with_al(w->cp + 1, w->n - 1)) {
		c->pre = 1;
	} else if (w->cp[0] == A_LAM && w->n >= 4 && w->cp[1] == A_LAM) {
		c->pre = 1;
		c->art = 1;
	}
}

/* Steps 2 and 3 on the remainder w->cp[c->pre..]. */
static void cut_article_enclitic(const struct isnad_tokenizer *tk,
                                 const struct letters *w, uint32_t cw,
                                 struct cut *c)
{
	const uint32_t *b = w->cp + c->pre;
	int bn = w->n - c->pre;
	uint32_t cb;
	if (c->art == 1) { /* elided article after ل: base follows */
		if (bn >= 3)
			return;
		c->art = 0;
	}
	if (starts_with_al(b, bn) && bn >= 4 && !is_al_word(b, bn)) {
		uint32_t cbare = count_cps(tk, b + 2, bn - 2);
		uint32_t cwhole = c->pre ? count_cps(tk, b, bn) : cw;
		if (cbare >= 1 || cwhole < MIN_REST) {
			c->art = 2;
			return;
		}
	}
	/* A form seen with the article is a noun whose last letters are its
	 * own: الاتجاه, المياه, العربي. */
	if (bn < 3)
		return;
	cb = c->pre ? count_cps(tk, b, bn) : cw;
	if (article_attested(tk, b, bn, cb))
		return;
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(suffixes); i++) {
		const struct suffix *s = &suffixes[i];
		int sn = bn - s->n, k, min = s->cp[0] == A_YEH ? 3 : 2;
		uint32_t cs, alt[MAX_LETTERS], fix = 0;
		if (sn < min)
			continue;
		for (k = 0; k < s->n; k++)
			if (b[sn + k] != s->cp[k])
				break;
		if (k < s->n)
			continue;
		cs = count_cps(tk, b, sn);
		/* ة and ى change shape before a pronoun: قادتهم, عليه */
		memcpy(alt, b, (size_t)sn * sizeof *b);
		if (b[sn - 1] == A_TEH || b[sn - 1] == A_YEH ||
		    b[sn - 1] == A_ALEF) {
			uint32_t ca;
			alt[sn - 1] = b[sn - 1] == A_TEH ? A_TEH_M : A_MAKSURA;
			ca = count_cps(tk, alt, sn);
			if (ca > cs) {
				cs = ca;
				fix = alt[sn - 1];
			}
		}
		if (cs < MIN_REST)
			continue;
		/* as for prefixes, a common stem allows a wider factor; not
		 * for ك and ي, whose stems are often words ending so (هناك) */
		if (tk->sigma_cache[i] * (double)cs *
		        (cs >= 100 && s->cp[0] != A_KAF && s->cp[0] != A_YEH
		             ? 5 * SUFFIX_BETA
		             : SUFFIX_BETA) >
		    (double)cb) {
			c->suf = s->n;
			c->fix = fix;
		}
		return; /* the longest matching suffix decides */
	}
}

static char *arena_str(struct isnad_arena *a, const char *s, size_t n)
{
	char *p = isnad__arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Fill piece p with the letters cp[0..n) spanning surface [off, end). */
static int make_piece(struct isnad_tokenizer *tk, struct isnad_arena *a,
                      struct piece *p, int type, const uint32_t *cp, int n,
                      uint16_t off, uint16_t end)
{
	char light[4 * MAX_LETTERS + 8], norm[12 * MAX_LETTERS + 8];
	size_t ll = letters_utf8(cp, n, light);
	size_t nl = isnad_normalize_word(light, ll, ISNAD_NORM_SEARCH, norm);
	p->off = off;
	p->len = (uint16_t)(end - off);
	p->type = (uint8_t)type;
	p->norm = arena_str(a, norm, nl);
	p->norm_len = (uint16_t)nl;
	if (!p->norm)
		return 0;
	if (type == ISNAD_TOK_ARABIC && !(tk->flags & ISNAD_TOKENIZE_NO_STEM)) {
		size_t sl;
		const char *s = isnad_stem(tk->st, light, ll, &sl);
		p->stem = arena_str(a, s, sl);
		p->stem_len = (uint16_t)sl;
		if (!p->stem)
			return 0;
	} else {
		p->stem = p->norm;
		p->stem_len = p->norm_len;
	}
	return 1;
}

/* Analyse one Arabic surface word into pieces allocated from arena a. */
static int analyse(struct isnad_tokenizer *tk, struct isnad_arena *a,
                   const char *s, size_t len, struct analysis *out)
{
	const unsigned char *u = (const unsigned char *)s;
	struct letters w;
	struct cut c = {0, 0, 0, 0};
	uint32_t cw, tmp[MAX_LETTERS];
	struct piece *p;
	size_t i = 0;
	int np = 0, at;

	w.n = 0;
	while (i < len && w.n < MAX_LETTERS) {
		uint32_t cp;
		size_t k = isnad__utf8_decode(u + i, len - i, &cp);
		char tmpb[64];
		size_t nb =
		    isnad_normalize_word(s + i, k, ISNAD_NORM_LIGHT, tmpb);
		size_t j = 0;
		while (j < nb && w.n < MAX_LETTERS) {
			uint32_t lc;
			j += isnad__utf8_decode((const unsigned char *)tmpb + j,
			                        nb - j, &lc);
			w.cp[w.n] = lc;
			w.off[w.n++] = (uint16_t)i;
		}
		i += k;
	}
	w.off[w.n] = (uint16_t)len;
	p = out->p;
	if (i < len) {
		/* too long to be a word: one piece, normalised from the
		 * surface, not stemmed */
		char *nb = isnad__arena_alloc(a, 3 * len + 4);
		if (!nb)
			return 0;
		p->off = 0;
		p->len = (uint16_t)len;
		p->type = ISNAD_TOK_ARABIC;
		p->norm = p->stem = nb;
		p->norm_len = p->stem_len = (uint16_t)isnad_normalize_word(
		    s, len, ISNAD_NORM_SEARCH, nb);
		out->n = 1;
		return 1;
	}
	if (w.n < 2) {
		if (!make_piece(tk, a, p, ISNAD_TOK_ARABIC, w.cp, w.n, 0,
		                (uint16_t)len))
			return 0;
		out->n = 1;
		return 1;
	}
	cw = count_cps(tk, w.cp, w.n);
	if (w.n >= 3)
		cut_proclitics(tk, &w, cw, &c);
	cut_article_enclitic(tk, &w, cw, &c);

	/* A cut between two letters made by one character (a lam-alef
	 * ligature) cannot be expressed in offsets: keep the word whole. */
	{
		int cuts[8], nc = 0, k;
		for (k = 1; k <= c.pre; k++)
			cuts[nc++] = k;
		if (c.art)
			cuts[nc++] = c.pre + (c.art == 2 ? 2 : 1);
		if (c.suf)
			cuts[nc++] = w.n - c.suf;
		/* letters on both sides of a cut must come from different
		 * characters, and the cuts must advance inside the word */
		for (k = 0; k < nc; k++)
			if (cuts[k] <= 0 || cuts[k] >= w.n ||
			    w.off[cuts[k]] <= w.off[cuts[k] - 1] ||
			    (k && cuts[k] <= cuts[k - 1]))
				break;
		if (k < nc)
			c.pre = c.art = c.suf = 0;
	}

	/* marks or tatweel before the first letter belong to the first piece */
	w.off[0] = 0;
	at = 0;
	if (c.pre) {
		/* the chain's letters each become a proclitic token */
		for (int k = 0; k < c.pre; k++) {
			if (!make_piece(tk, a, &p[np++], ISNAD_TOK_PROCLITIC,
			                w.cp + k, 1, w.off[k], w.off[k + 1]))
				return 0;
		}
		at = c.pre;
	}
	if (c.art == 1) {
		/* elided article: the surface ل stands for ال */
		static const uint32_t al[2] = {A_ALEF, A_LAM};
		if (!make_piece(tk, a, &p[np], ISNAD_TOK_PROCLITIC, al, 2,
		                w.off[at], w.off[at + 1]))
			return 0;
		np++;
		at += 1;
	} else if (c.art == 2) {
		if (!make_piece(tk, a, &p[np++], ISNAD_TOK_PROCLITIC, w.cp + at,
		                2, w.off[at], w.off[at + 2]))
			return 0;
		at += 2;
	}
	{
		int end = w.n - c.suf, bn = end - at;
		memcpy(tmp, w.cp + at, (size_t)bn * sizeof *tmp);
		if (c.fix)
			tmp[bn - 1] = c.fix;
		if (!make_piece(tk, a, &p[np++], ISNAD_TOK_ARABIC, tmp, bn,
		                w.off[at], w.off[end]))
			return 0;
		if (c.suf &&
		    !make_piece(tk, a, &p[np++], ISNAD_TOK_ENCLITIC, w.cp + end,
		                c.suf, w.off[end], w.off[w.n]))
			return 0;
	}
	out->n = (uint8_t)np;
	return 1;
}

static isnad_status cache_grow(struct isnad_tokenizer *tk)
{
	size_t nmask = tk->mask * 2 + 1;
	struct slot *ns = isnad_calloc(nmask + 1, sizeof *ns);
	if (!ns)
		return ISNAD_ENOMEM;
	for (size_t i = 0; i <= tk->mask; i++) {
		size_t j;
		if (!tk->slots[i].e)
			continue;
		for (j = tk->slots[i].hash & nmask; ns[j].e;
		     j = (j + 1) & nmask)
			;
		ns[j] = tk->slots[i];
	}
	isnad_free(tk->slots);
	tk->slots = ns;
	tk->mask = nmask;
	return ISNAD_OK;
}

/* Analyse s and pack the result into one entry allocated from arena a. */
static struct entry *make_entry(struct isnad_tokenizer *tk,
                                struct isnad_arena *a, const char *s,
                                size_t len)
{
	struct piece tmp[5];
	struct analysis an = {0, tmp};
	struct entry *e;
	if (!analyse(tk, a, s, len, &an))
		return NULL;
	e = isnad__arena_alloc(a, sizeof *e + an.n * sizeof *tmp + len);
	if (!e)
		return NULL;
	e->key_len = (uint32_t)len;
	e->seq = UINT32_MAX;
	e->n = an.n;
	memcpy(e->p, tmp, an.n * sizeof *tmp);
	memcpy((char *)(e->p + e->n), s, len);
	return e;
}

static const struct entry *lookup_word(struct isnad_tokenizer *tk,
                                       const char *s, size_t len, uint64_t h)
{
	size_t i = (size_t)h & tk->mask;
	struct slot *hot = &tk->hot[(h >> 32) & (HOT_SIZE - 1)];
	struct entry *e;
	if (hot->hash == h && hot->e && hot->e->key_len == len &&
	    isnad__mem_eq(entry_key(hot->e), s, len))
		return hot->e;
	for (; tk->slots[i].e; i = (i + 1) & tk->mask) {
		e = tk->slots[i].e;
		if (tk->slots[i].hash == h && e->key_len == len &&
		    isnad__mem_eq(entry_key(e), s, len)) {
			/* Words seen first are the frequent ones (Zipf): a
			 * later word does not evict one from the hot front. */
			if (!hot->e || e->seq < hot->e->seq)
				*hot = tk->slots[i];
			return e;
		}
	}
	if (tk->n >= CACHE_LIMIT || len > 256) {
		/* full (or a freak word): analyse into the per-call arena */
		tk->uncached++;
		return make_entry(tk, &tk->call, s, len);
	}
	if ((tk->n + 1) * 2 > tk->mask && cache_grow(tk) == ISNAD_OK)
		for (i = (size_t)h & tk->mask; tk->slots[i].e;
		     i = (i + 1) & tk->mask)
			;
	if ((tk->n + 1) * 2 > tk->mask + 1)
		return make_entry(tk, &tk->call, s, len);
	e = make_entry(tk, &tk->cache, s, len);
	if (!e)
		return NULL;
	e->seq = (uint32_t)tk->n;
	tk->slots[i].hash = h;
	tk->slots[i].e = e;
	if (!hot->e)
		*hot = tk->slots[i];
	tk->n++;
	return e;
}

/* ---- the scanner --------------------------------------------------------- */

enum cls { C_SPACE, C_AR, C_LATIN, C_DIGIT, C_PUNCT, C_MARK, C_CTRL };

static int is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0x660 && cp <= 0x669) ||
	       (cp >= 0x6F0 && cp <= 0x6F9);
}

static enum cls classify(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return C_SPACE;
		if ((cp | 32) >= 'a' && (cp | 32) <= 'z')
			return C_LATIN;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if (cp < 0x20 || cp == 0x7F)
			return C_CTRL;
		return C_PUNCT;
	}
	if (is_digit_cp(cp))
		return C_DIGIT;
	if (isnad_is_arabic_wordchar(cp))
		return C_AR;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_SPACE;
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_LATIN;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CC:
		return cp == 0x85 ? C_SPACE : C_CTRL;
	default:
		return C_PUNCT;
	}
}

struct scan {
	const unsigned char *s;
	size_t len;
};

static uint32_t cp_at(const struct scan *sc, size_t i, size_t *n)
{
	uint32_t cp;
	if (i >= sc->len) {
		*n = 0;
		return 0;
	}
	if (sc->s[i] < 0x80) {
		*n = 1;
		return sc->s[i];
	}
	*n = isnad__utf8_decode(sc->s + i, sc->len - i, &cp);
	return cp;
}

static int ascii_alnum(unsigned c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static int ieq_prefix(const struct scan *sc, size_t i, const char *lit)
{
	size_t n = strlen(lit);
	if (sc->len - i < n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if ((sc->s[i + k] | (ascii_alnum(sc->s[i + k]) ? 32 : 0)) !=
		    (unsigned char)lit[k])
			return 0;
	return 1;
}

/* End of a URL starting at i: up to white space or a character that never
 * ends a URL in running text, then minus trailing punctuation. */
static size_t url_end(const struct scan *sc, size_t i)
{
	size_t j = i, n;
	while (j < sc->len) {
		uint32_t cp = cp_at(sc, j, &n);
		enum cls c = classify(cp);
		if (c == C_SPACE || c == C_CTRL || cp == '"' || cp == '<' ||
		    cp == '>' || cp == 0xAB || cp == 0xBB || cp == 0x201C ||
		    cp == 0x201D || cp == 0x60C || cp == 0x61B || cp == 0x61F ||
		    cp == 0xFFFD)
			break;
		j += n;
	}
	while (j > i && strchr(".,;:!?)]}'", sc->s[j - 1]) && sc->s[j - 1])
		j--;
	return j;
}

/* E-mail at i (ASCII local part already starting here): returns its end or
 * 0. */
static size_t email_end(const struct scan *sc, size_t i)
{
	size_t j = i, at, dot = 0;
	while (j < sc->len &&
	       (ascii_alnum(sc->s[j]) || strchr("._%+-", sc->s[j])) && sc->s[j])
		j++;
	if (j == i || j >= sc->len || sc->s[j] != '@')
		return 0;
	at = j++;
	while (j < sc->len &&
	       (ascii_alnum(sc->s[j]) || sc->s[j] == '-' || sc->s[j] == '.')) {
		if (sc->s[j] == '.')
			dot = j;
		j++;
	}
	while (j > at + 1 && sc->s[j - 1] == '.')
		j--;
	if (!dot || dot <= at + 1 || dot + 2 >= j + 0 || j - dot < 3)
		return 0;
	return j;
}

/* Latin word: letters, digits and marks, with inner - ' . joining parts
 * (F-16, O'Brien, U.S). Returns the end and whether it looks like a bare
 * domain (letters.tld). */
static size_t latin_end(const struct scan *sc, size_t i, int *domain)
{
	size_t j = i, n, last_dot = 0;
	*domain = 0;
	for (;;) {
		uint32_t cp = cp_at(sc, j, &n);
		enum cls c = n ? classify(cp) : C_SPACE;
		if (c == C_LATIN || c == C_DIGIT || c == C_MARK) {
			j += n;
			continue;
		}
		if (n && (cp == '-' || cp == '\'' || cp == '.' || cp == '_' ||
		          cp == 0x2019)) {
			size_t n2;
			uint32_t nx = cp_at(sc, j + n, &n2);
			enum cls c2 = n2 ? classify(nx) : C_SPACE;
			if (c2 == C_LATIN || (c2 == C_DIGIT && cp != '.')) {
				if (cp == '.')
					last_dot = j;
				j += n;
				continue;
			}
		}
		break;
	}
	if (last_dot) {
		size_t tld = j - last_dot - 1, k;
		for (k = last_dot + 1; k < j && ((sc->s[k] | 32) >= 'a' &&
		                                 (sc->s[k] | 32) <= 'z');
		     k++)
			;
		*domain = k == j && tld >= 2 && tld <= 6 && (j - i) > tld + 2;
	}
	return j;
}

static size_t number_end(const struct scan *sc, size_t i)
{
	size_t j = i, n;
	for (;;) {
		uint32_t cp = cp_at(sc, j, &n);
		if (n && (is_digit_cp(cp) ||
		          (cp >= 0x80 && classify(cp) == C_DIGIT))) {
			j += n;
			continue;
		}
		if (n &&
		    (cp == '.' || cp == ',' || cp == 0x66B || cp == 0x66C)) {
			size_t n2;
			uint32_t nx = cp_at(sc, j + n, &n2);
			if (n2 && is_digit_cp(nx)) {
				j += n;
				continue;
			}
		}
		return j;
	}
}

/* Norm of a non-Arabic token into the call arena. */
static int simple_token(struct isnad_tokenizer *tk, struct isnad_token *t,
                        const char *s)
{
	size_t len = t->end - t->start, n;
	const unsigned char *u = (const unsigned char *)s + t->start;
	char *buf;
	/* Plain ASCII without capitals (punctuation, digits, most URLs) is its
	 * own search form: point into the input instead of copying. */
	for (n = 0; n < len && u[n] >= 0x20 && u[n] < 0x7F &&
	            !(u[n] >= 'A' && u[n] <= 'Z');
	     n++)
		;
	if (n == len) {
		t->norm = t->stem = s + t->start;
		t->norm_len = t->stem_len = (uint32_t)len;
		return 1;
	}
	buf = isnad__arena_alloc(&tk->call, 3 * len + 4);
	if (!buf)
		return 0;
	n = isnad_normalize_word(s + t->start, len, ISNAD_NORM_SEARCH, buf);
	if (t->type == ISNAD_TOK_NUMBER) {
		/* Arabic decimal and thousands separators to ASCII */
		size_t o = 0;
		for (size_t k = 0; k < n; k++) {
			unsigned char c = (unsigned char)buf[k];
			if (c == 0xD9 && k + 1 < n &&
			    ((unsigned char)buf[k + 1] == 0xAB ||
			     (unsigned char)buf[k + 1] == 0xAC)) {
				buf[o++] = (unsigned char)buf[k + 1] == 0xAB
				               ? '.'
				               : ',';
				k++;
			} else {
				buf[o++] = (char)c;
			}
		}
		n = o;
	}
	buf[n] = '\0';
	t->norm = t->stem = buf;
	t->norm_len = t->stem_len = (uint32_t)n;
	return 1;
}

static int push_simple(struct isnad_tokenizer *tk, struct isnad_tokens *toks,
                       const char *s, size_t a, size_t b, int type,
                       uint32_t word)
{
	struct isnad_token *t = tok_push(toks);
	if (!t)
		return 0;
	t->start = a;
	t->end = b;
	t->type = (uint8_t)type;
	t->word = word;
	return simple_token(tk, t, s);
}

static int push_word(struct isnad_tokenizer *tk, struct isnad_tokens *toks,
                     const char *s, size_t a, size_t b, uint32_t word,
                     const uint64_t *hash)
{
	const struct entry *an;
	/* Words longer than the offsets of a piece can say go in slices. */
	while (b - a > 0xFFFF) {
		size_t cut = a + 0xFFF0;
		while (cut > a && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		if (!push_word(tk, toks, s, a, cut, word, NULL))
			return 0;
		a = cut;
		hash = NULL;
	}
	an = lookup_word(tk, s + a, b - a,
	                 hash ? *hash : isnad__hash(s + a, b - a));
	if (!an)
		return 0;
	for (int k = 0; k < an->n; k++) {
		struct isnad_token *t = tok_push(toks);
		const struct piece *p = &an->p[k];
		if (!t)
			return 0;
		t->start = a + p->off;
		t->end = a + p->off + p->len;
		t->type = p->type;
		t->norm = p->norm;
		t->norm_len = p->norm_len;
		t->stem = p->stem;
		t->stem_len = p->stem_len;
		t->word = word;
	}
	return 1;
}

static int add_seg(struct isnad_tokenizer *tk, size_t a, size_t b, int type,
                   uint32_t word)
{
	struct seg *g;
	if (tk->n_segs == tk->cap_segs) {
		size_t nc = tk->cap_segs ? tk->cap_segs * 2 : 1024;
		struct seg *v = isnad_realloc(tk->segs, nc * sizeof *v);
		if (!v)
			return 0;
		tk->segs = v;
		tk->cap_segs = nc;
	}
	g = &tk->segs[tk->n_segs++];
	g->start = a;
	g->end = b;
	g->word = word;
	g->type = (uint8_t)type;
	g->hashed = 0;
	return 1;
}

/* How far ahead word lookups are started.  A lookup is two dependent
 * memory reads (hot slot, then entry) that miss the cache on most words
 * but the commonest: the hashes and slots of the words PREFETCH_AHEAD
 * runs on are fetched while this one is emitted. */
#define PREFETCH_AHEAD 8
#define SEG_BATCH 4096

static isnad_status emit_segs(struct isnad_tokenizer *tk, const char *s,
                              struct isnad_tokens *toks)
{
	struct seg *g = tk->segs;
	size_t n = tk->n_segs;
	for (size_t k = 0; k < n; k++) {
		int ok;
		if (k + PREFETCH_AHEAD < n) {
			struct seg *f = &g[k + PREFETCH_AHEAD];
			if (f->type == ISNAD_TOK_ARABIC) {
				f->hash = isnad__hash(s + f->start,
				                      f->end - f->start);
				f->hashed = 1;
				__builtin_prefetch(
				    &tk->hot[(f->hash >> 32) & (HOT_SIZE - 1)]);
			}
		}
		if (k + PREFETCH_AHEAD / 2 < n) {
			struct seg *f = &g[k + PREFETCH_AHEAD / 2];
			if (f->hashed) {
				const struct slot *h =
				    &tk->hot[(f->hash >> 32) & (HOT_SIZE - 1)];
				if (h->hash == f->hash)
					__builtin_prefetch(h->e);
				else
					__builtin_prefetch(
					    &tk->slots[f->hash & tk->mask]);
			}
		}
		if (g[k].type == ISNAD_TOK_ARABIC)
			ok = push_word(tk, toks, s, g[k].start, g[k].end,
			               g[k].word,
			               g[k].hashed ? &g[k].hash : NULL);
		else
			ok = push_simple(tk, toks, s, g[k].start, g[k].end,
			                 g[k].type, g[k].word);
		if (!ok)
			return ISNAD_ENOMEM;
	}
	return ISNAD_OK;
}

isnad_status isnad_tokenize(struct isnad_tokenizer *tk, const char *s,
                            size_t len, struct isnad_tokens *toks)
{
	struct scan sc = {(const unsigned char *)s, len};
	size_t i = 0, n;
	uint32_t word = 0;
	int gap = 0, seen = toks && toks->n > 0;

	if (!tk || !toks || (!s && len))
		return ISNAD_EINVAL;
	isnad__arena_reset(&tk->call);
	tk->n_segs = 0;
	/* A full cache keeps serving the words it has (news vocabulary is
	 * Zipfian: they came first); it is dropped only when the text has
	 * moved on and many words go uncached. */
	if (tk->n >= CACHE_LIMIT && tk->uncached > CACHE_LIMIT / 2) {
		tk->uncached = 0;
		memset(tk->slots, 0, (tk->mask + 1) * sizeof *tk->slots);
		memset(tk->hot, 0, sizeof tk->hot);
		tk->n = 0;
		isnad__arena_reset(&tk->cache);
	}
	while (i < len) {
		uint32_t cp;
		enum cls c;
		size_t j;
		int ok = 1, domain;

		/* the two commonest cases first: a space, an Arabic letter */
		if (s[i] == ' ') {
			gap = 1;
			i++;
			continue;
		}
		if ((sc.s[i] & 0xFC) == 0xD8 && i + 1 < len &&
		    (sc.s[i + 1] & 0xC0) == 0x80 &&
		    isnad__ar_cls[((sc.s[i] & 3) << 6) |
		                  (sc.s[i + 1] & 0x3F)] == 1) {
			cp = 0x600 + (uint32_t)(((sc.s[i] & 3) << 6) |
			                        (sc.s[i + 1] & 0x3F));
			n = 2;
			c = C_AR;
		} else {
			cp = cp_at(&sc, i, &n);
			c = classify(cp);
		}
		if (c == C_SPACE) {
			gap = 1;
			i += n;
			continue;
		}
		if (c == C_CTRL) { /* invisible: neither a token nor a gap */
			i += n;
			continue;
		}
		if (gap && seen)
			word++;
		gap = 0;
		seen = 1;
		if (c == C_AR || (c == C_MARK && cp >= 0x600 && cp < 0x700)) {
			j = i + n;
			for (;;) {
				size_t m;
				uint32_t nx;
				enum cls c2;
				/* two-byte Arabic letters: table, no decoding
				 */
				if (j + 1 < len && (sc.s[j] & 0xFC) == 0xD8 &&
				    (sc.s[j + 1] & 0xC0) == 0x80) {
					if (isnad__ar_cls[((sc.s[j] & 3) << 6) |
					                  (sc.s[j + 1] &
					                   0x3F)] != 1)
						break;
					j += 2;
					continue;
				}
				nx = cp_at(&sc, j, &m);
				if (!m)
					break;
				c2 = classify(nx);
				if (c2 == C_AR || c2 == C_MARK) {
					j += m;
					continue;
				}
				/* ZWNJ and other format marks inside a word */
				if (c2 == C_CTRL && nx >= 0x80) {
					size_t m2;
					uint32_t nn = cp_at(&sc, j + m, &m2);
					if (m2 && classify(nn) == C_AR) {
						j += m;
						continue;
					}
				}
				break;
			}
			ok = add_seg(tk, i, j, ISNAD_TOK_ARABIC, word);
		} else if (c == C_DIGIT) {
			j = number_end(&sc, i);
			/* 3rd, 2015s, COVID19: digits glued to Latin letters */
			ok = add_seg(tk, i, j, ISNAD_TOK_NUMBER, word);
		} else if (c == C_LATIN) {
			size_t e;
			if ((ieq_prefix(&sc, i, "http://") ||
			     ieq_prefix(&sc, i, "https://") ||
			     ieq_prefix(&sc, i, "www.")) &&
			    (j = url_end(&sc, i)) > i + 4) {
				ok = add_seg(tk, i, j, ISNAD_TOK_URL, word);
			} else if (sc.s[i] < 0x80 &&
			           (e = email_end(&sc, i)) != 0) {
				j = e;
				ok = add_seg(tk, i, j, ISNAD_TOK_EMAIL, word);
			} else {
				j = latin_end(&sc, i, &domain);
				if (domain) {
					size_t u = url_end(&sc, i);
					j = u > j ? u : j;
				}
				ok = add_seg(tk, i, j,
				             domain ? ISNAD_TOK_URL
				                    : ISNAD_TOK_LATIN,
				             word);
			}
		} else if ((cp == '#' || cp == '@') && i + 1 < len) {
			size_t m;
			uint32_t nx = cp_at(&sc, i + 1, &m);
			enum cls c2 = m ? classify(nx) : C_SPACE;
			int hash = cp == '#';
			if (cp == '@' && i > 0 && ascii_alnum(sc.s[i - 1]))
				c2 = C_SPACE; /* part of something else */
			if (c2 == C_AR || c2 == C_LATIN ||
			    (hash && c2 == C_DIGIT) || nx == '_') {
				j = i + 1;
				for (;;) {
					uint32_t x = cp_at(&sc, j, &m);
					enum cls c3;
					if (!m)
						break;
					c3 = classify(x);
					if (c3 == C_AR || c3 == C_LATIN ||
					    c3 == C_DIGIT || c3 == C_MARK ||
					    x == '_') {
						j += m;
						continue;
					}
					break;
				}
				ok = add_seg(tk, i, j,
				             hash ? ISNAD_TOK_HASHTAG
				                  : ISNAD_TOK_MENTION,
				             word);
			} else {
				j = i + n;
				ok = add_seg(tk, i, j, ISNAD_TOK_PUNCT, word);
			}
		} else {
			/* punctuation: a run of the same mark is one token
			 * (... !! ؟؟), other marks one each */
			j = i + n;
			if (c == C_PUNCT) {
				size_t m;
				while (cp_at(&sc, j, &m) == cp && m)
					j += m;
				/* ؟! and !? read as one mark */
				if ((cp == 0x61F || cp == '?' || cp == '!') &&
				    j < len) {
					uint32_t nx = cp_at(&sc, j, &m);
					if (m &&
					    (nx == '!' || nx == '?' ||
					     nx == 0x61F) &&
					    nx != cp)
						j += m;
				}
			}
			ok = add_seg(tk, i, j, ISNAD_TOK_PUNCT, word);
		}
		if (!ok)
			return ISNAD_ENOMEM;
		i = j > i ? j : i + n; /* always make progress */
		/* emit in batches: memory for runs stays small on any input */
		if (tk->n_segs >= SEG_BATCH) {
			isnad_status st = emit_segs(tk, s, toks);
			if (st)
				return st;
			tk->n_segs = 0;
		}
	}
	return emit_segs(tk, s, toks);
}
