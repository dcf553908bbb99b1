/*
 * ner_int.h - private pieces shared by ner.c (tagging, model file) and
 * ner_train.c (training).
 */
#ifndef ISNAD_NER_INT_H
#define ISNAD_NER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "isnad/ner.h"
#include "isnad_int.h"

#define NER_VERSION 1
#define NER_NONE ISNAD_KTAB_NONE
#define NER_SPAN_MAX 8   /* longest gazetteer name, in words */
#define NER_MAX_FEATS 64 /* features of one word, at most */
/* isnad__ner_features puts the bias first, then the NER_LEX_FEATS keys
 * of the word's identity (form, base, stem); training's word dropout
 * hides exactly those. */
#define NER_LEX_FEATS 3

/* Gazetteer bits of a word (struct ner_unit.gaz). */
enum {
	NER_G_LOC_WHOLE = 1, /* a one-word place name */
	NER_G_LOC_PART = 2,  /* a word of a longer place name */
	NER_G_ORG_WHOLE = 4,
	NER_G_ORG_FIRST = 8,
	NER_G_ORG_PART = 16,
	NER_G_PER_WHOLE = 32,
	NER_G_PER_FIRST = 64,
	NER_G_PER_OTHER = 128
};

/* Closed-class words of struct ner_unit.kind. */
enum {
	NER_K_WORK = 1, /* a noun of works and products: برنامج، فيلم */
	NER_K_OPENQ = 2,  /* « " “ */
	NER_K_CLOSEQ = 4, /* » " ” */
	NER_K_TITLE = 8, /* a person's title or trade: الفنانة، الفريق */
	NER_K_DEF = 16, /* a base that opens with ال (the tokenizer left
	                   it on: «الأميركى») */
	NER_K_PLACE = 32, /* a noun of places: مدينة، ولاية، منطقة */
	NER_K_CLUB = 64, /* فريق، نادي: a club's name follows */
	NER_K_SPORT = 128, /* words of a match: مباراة، الدوري، هدف */
	NER_K_FUNC = 256,      /* relative pronouns: الذي، التي */
	NER_K_SPORT_DEF = 512, /* a word of a match with its article only:
	                         الدوري (دوري is also «my role») */
	NER_K_NISBA = 1024,    /* a masculine nisba of a one-word place, with
	                          the article: الفرنسي */
	NER_K_HOST = 2048, /* host, guest, rival of a match: مضيفه، ضيفه */
	NER_K_RESULT = 4096, /* a match's result: فوز، تغلب، خسارة */
	NER_K_BODY = 8192,   /* a noun that opens a body's name: قوات،
	                        منظمة، هيئة */
	NER_K_OFFICE = 16384 /* an office after a name: وزيرة، مدير */
};

struct isnad_ner_model {
	float start[ISNAD_NER_NTAGS];                   /* first-word tag */
	float trans[ISNAD_NER_NTAGS * ISNAD_NER_NTAGS]; /* [prev * T + cur] */
	struct isnad_ktab feat;  /* feature key -> row of w */
	float *w;                /* rows of ISNAD_NER_NTAGS weights */
	struct isnad_ktab gtok;  /* word base hash -> NER_G_* bits */
	struct isnad_ktab gspan; /* word-sequence hash -> 1 << type bits */
	struct isnad_ktab clus;  /* word base hash -> fine | coarse << 8 |
	                          log2 frequency class << 16 */
	size_t span_max;         /* longest name in gspan, in words */
};

/* One word, analysed: hashes of its parts (0 = absent). */
struct ner_unit {
	uint64_t full, base, stem, pre, enc; /* whole; base; stem; clitics */
	uint64_t pfx[3], sfx[3];             /* first/last 1..3 letters */
	uint32_t shape;     /* token type, length class, clitic flags */
	uint8_t gaz;        /* NER_G_* */
	uint8_t cl, cl2;    /* word cluster, fine and coarse (0: none) */
	uint8_t fq;         /* frequency class in the news (0: unseen) */
	uint8_t span;       /* 0x80 first / 0x40 inside a gazetteer name, with
	                       the name's type bits */
	size_t first, last; /* token range of the word */
	size_t start_tok;   /* first token of a mention starting here */
	uint8_t waw;        /* the base starts with و and another letter, and
	                       is five letters or more: «وتيلدا» */
	uint8_t lead;       /* bytes of start_tok a mention leaves out: 2 for
	                       a و glued to the next person of a list */
	uint16_t kind;      /* NER_K_*: closed-class words the patterns after
	                       decoding look for */
	uint8_t sure;       /* a pattern after decoding typed the name that
	                       starts here: it outvotes the tagger's guesses
	                       in the repeated-names pass */
};

uint64_t isnad__ner_hash(uint64_t h, const char *s, size_t n);
void isnad__ner_analyse(const struct isnad_ner_model *m,
                        const struct isnad_token *tv, size_t a, size_t b,
                        const char *raw, size_t rawlen, struct ner_unit *u);
void isnad__ner_spans(const struct isnad_ner_model *m, struct ner_unit *u,
                      size_t n);
uint64_t isnad__ner_span_hash(const struct ner_unit *u, size_t n);
size_t isnad__ner_features(const struct ner_unit *u, size_t n, size_t i,
                           uint32_t *keys_out);
void isnad__ner_viterbi(const float *em, size_t n, const float *start,
                        const float *trans, float *score, uint8_t *bp,
                        uint8_t *tags_out);
isnad_status isnad__ner_words_units(struct isnad_ner_tagger *t,
                                    const char *const *words,
                                    const size_t *lens, size_t n,
                                    struct ner_unit **units_out);
isnad_status isnad__ner_text_units(struct isnad_ner_tagger *t, const char *s,
                                   size_t len, struct ner_unit **units_out,
                                   size_t *n_out);
uint64_t isnad__ner_checksum(const void *data, size_t len);

/* A model ready to write: quantised weights (w = q * scale). */
struct ner_export {
	float start[ISNAD_NER_NTAGS];
	float trans[ISNAD_NER_NTAGS * ISNAD_NER_NTAGS];
	float scale;
	uint32_t span_max;
	size_t nfeat, ngtok, ngspan, nclus;
	uint32_t *fkey, *ckey;
	uint32_t *cval;
	int16_t *q; /* nfeat rows of ISNAD_NER_NTAGS */
	uint32_t *gkey, *skey;
	uint8_t *gval, *sval;
};

isnad_status isnad__ner_write(const struct ner_export *x, char **data_out,
                              size_t *len_out);

#endif
