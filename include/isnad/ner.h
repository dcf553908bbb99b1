/*
 * ner.h - named entities (PER, ORG, LOC, MISC): an averaged structured
 * perceptron over BIO tags with Viterbi decoding.
 *
 * Features come from our tokenizer's analysis of each word (clitics split,
 * search-normalised base, stem, affix letters, shape), of its neighbours,
 * and from gazetteer membership; the gazetteer is stored in the model as
 * hashes only.  A model is immutable once built or loaded and may be shared
 * by threads; a tagger (it holds a tokenizer and work buffers) is
 * per-thread.
 *
 * Model files start with the magic "ISNADNER" and a version number, and
 * end with a checksum: a truncated file, a damaged one or one from another
 * version is refused with ISNAD_EFORMAT / ISNAD_EVERSION and a message.
 */
#ifndef ISNAD_NER_H
#define ISNAD_NER_H

#include <stddef.h>
#include <stdint.h>
#include "status.h"
#include "token.h"

enum isnad_ner_type {
	ISNAD_NER_PER = 0,
	ISNAD_NER_ORG,
	ISNAD_NER_LOC,
	ISNAD_NER_MISC,
	ISNAD_NER__COUNT
};

/*
 * Tags: 0 is O; type t has B = 1 + 2t and I = 2 + 2t.
 */
#define ISNAD_NER_O 0
#define ISNAD_NER_NTAGS (1 + 2 * ISNAD_NER__COUNT)
#define ISNAD_NER_B(t) ((uint8_t)(1 + 2 * (t)))
#define ISNAD_NER_I(t) ((uint8_t)(2 + 2 * (t)))
#define ISNAD_NER_TAG_TYPE(tag) (((tag)-1) / 2) /* tag != O */
#define ISNAD_NER_TAG_IS_B(tag) ((tag) != 0 && ((tag)&1))

/* "PER", "ORG", "LOC", "MISC".  Ownership: borrowed, static. */
const char *isnad_ner_type_name(enum isnad_ner_type t);
/* "O", "B-PER", "I-PER", ...; "?" out of range.  Ownership: borrowed,
 * static. */
const char *isnad_ner_tag_name(unsigned tag);
/*
 * Parse a tag as found in CoNLL files: B-/I- of PER (or PERS), ORG, LOC,
 * MISC; GPE and FAC are read as LOC; EVENT, PRODUCT, LAW, WEBSITE, MIS* as
 * MISC; anything else (DATE, NORP, ...) as O.  Returns the tag number.
 */
unsigned isnad_ner_tag_parse(const char *s, size_t len);

struct isnad_ner_model;
struct isnad_ner_tagger;

/*
 * The model built into the library (data/ner.model, made by `make model`),
 * or NULL if it is missing or unreadable.  Ownership: borrowed, static.
 * Thread-safe.
 */
const struct isnad_ner_model *isnad_ner_default(void);

/*
 * Parse a model from memory (the bytes are copied: data need not outlive
 * the model), or load it from a file.  errbuf (may be NULL) receives a
 * message naming the problem on ISNAD_EFORMAT / ISNAD_EVERSION / ISNAD_EIO.
 * Ownership: *out is owned (isnad_ner_model_free); NULL on failure.
 */
isnad_status isnad_ner_model_parse(const void *data, size_t len,
                                   struct isnad_ner_model **out, char *errbuf,
                                   size_t errlen);
isnad_status isnad_ner_model_load(const char *path,
                                  struct isnad_ner_model **out, char *errbuf,
                                  size_t errlen);
void isnad_ner_model_free(struct isnad_ner_model *m);

/*
 * Serialise a model to the file format.  Ownership: *data_out is owned by
 * the caller (isnad_free); NULL on failure.
 */
isnad_status isnad_ner_model_serialize(const struct isnad_ner_model *m,
                                       char **data_out, size_t *len_out);

/* Numbers of weighted features, gazetteer keys and clustered words. */
size_t isnad_ner_model_features(const struct isnad_ner_model *m);
size_t isnad_ner_model_gazetteer(const struct isnad_ner_model *m);
size_t isnad_ner_model_clusters(const struct isnad_ner_model *m);

/*
 * What m's gazetteer knows of the written word made of tokens [a, b) of tv
 * (clitics included) as part of persons' names: ISNAD_NER_GIVEN (a first
 * name, or a one-word name) and ISNAD_NER_FAMILY (a later part: the الأسد
 * of «بشار الأسد»).  0 with no model.
 */
enum { ISNAD_NER_GIVEN = 1, ISNAD_NER_FAMILY = 2 };
unsigned isnad_ner_person_word(const struct isnad_ner_model *m,
                               const struct isnad_token *tv, size_t a,
                               size_t b);
/*
 * The types (bit 1 << ISNAD_NER_PER, _ORG, _LOC) of which m's gazetteer
 * holds the written word made of tokens [a, b) of tv, clitics aside, as a
 * name of one word: أثينا, الموصل, أرامكو.  The gazetteers also hold
 * common words (a village called مدينة): a hint for other evidence, not
 * proof.  0 with no model.
 */
unsigned isnad_ner_whole_name(const struct isnad_ner_model *m,
                              const struct isnad_token *tv, size_t a, size_t b);
/*
 * Whether host, the search form of an adjective in ي or ية without its
 * article, is the nisba of a place m's gazetteer knows, alone or as a word
 * of a longer name: الأمريكية (أمريكا اللاتينية), الإيراني (إيران),
 * التركي (تركيا), السعودية.  Loose: الإسلامي passes for إسلام آباد.  0
 * with no model, and for adjectives of anything else (الاستثنائي).
 */
int isnad_ner_place_nisba(const struct isnad_ner_model *m, const char *host,
                          size_t len);

/*
 * A tagger for one thread.  m is borrowed and must outlive the tagger.
 * Ownership: owned (isnad_ner_tagger_free, safe with NULL).
 */
isnad_status isnad_ner_tagger_new(const struct isnad_ner_model *m,
                                  struct isnad_ner_tagger **out);
void isnad_ner_tagger_free(struct isnad_ner_tagger *t);

/*
 * Tag one sentence given as n whole words (clitics attached, as in CoNLL
 * files; each words[i] is UTF-8 of length lens[i]).  tags_out
 * (caller-provided, n entries) receives one tag per word.  n may be 0.
 */
isnad_status isnad_ner_tag_words(struct isnad_ner_tagger *t,
                                 const char *const *words, const size_t *lens,
                                 size_t n, uint8_t *tags_out);

/*
 * Tag the sentences of one text: sentence i is words[sent[i] ..
 * sent[i + 1]) (sent has n_sent + 1 entries, sent[0] is 0, never
 * decreasing; otherwise ISNAD_EINVAL).  Each
 * sentence is tagged as by isnad_ner_tag_words; then a name tagged in one
 * place is also given to its untagged repetitions (same words, clitics
 * aside) within window words of it: 0 turns this off, SIZE_MAX spans the
 * whole text.  tags_out (caller-provided) has sent[n_sent] entries.
 */
isnad_status isnad_ner_tag_text_words(struct isnad_ner_tagger *t,
                                      const char *const *words,
                                      const size_t *lens, const size_t *sent,
                                      size_t n_sent, size_t window,
                                      uint8_t *tags_out);

struct isnad_ner_mention {
	size_t start, end;  /* byte range in the text, attached proclitics
	                       (و ف ب ل ك) left out; the article stays, and
	                       so does a letter that is the name's own
	                       (سان، بان كي مون) */
	size_t first, last; /* token range [first, last) in the tokens */
	uint8_t type;       /* enum isnad_ner_type */
};

/*
 * Find the mentions in tokenized text: toks as made by isnad_tokenize on
 * text (the tokens' norms and stems must still be valid).  Words are the
 * tokens sharing a white-space word, with punctuation cut off as words of
 * its own.  Names are also given to their untagged repetitions in the
 * text (see isnad_ner_tag_text_words).  Ownership: *mentions_out is
 * borrowed from the tagger until its next call; *n_out may be 0.
 */
isnad_status isnad_ner_tag_tokens(struct isnad_ner_tagger *t,
                                  const struct isnad_tokens *toks,
                                  const struct isnad_ner_mention **mentions_out,
                                  size_t *n_out);

/* ---- training ----------------------------------------------------------- */

struct isnad_ner_sentence {
	const char *const *words; /* n whole words */
	const size_t *lens;
	const uint8_t *tags; /* gold tags */
	size_t n;
	float weight; /* size of its updates; 0 means 1 (lower: other
	                 domains or conventions, used with care) */
};

struct isnad_ner_gaz_entry {
	const char *name; /* UTF-8, one or more words */
	size_t len;
	uint8_t type; /* enum isnad_ner_type (MISC entries are ignored) */
};

/* Called after each epoch with the share of training words tagged right by
 * the current (unaveraged) weights. */
typedef void (*isnad_ner_progress_fn)(void *ud, unsigned epoch,
                                      double accuracy);

struct isnad_ner_train_opts {
	unsigned epochs;     /* 0: the default (12) */
	uint64_t seed;       /* sentence order shuffle */
	unsigned runs;       /* 0 or 1: one; more: the mean of runs with seeds
	                        seed, seed + 1, ... */
	double word_dropout; /* chance, per word and visit, that the word's
	                        own identity (its form, base and stem) is
	                        hidden, so the weights of context, affixes,
	                        gazetteers and clusters learn to carry the
	                        names never seen in training; 0: off */
	const struct isnad_ner_gaz_entry *gaz; /* may be NULL */
	size_t n_gaz;
	/* Unlabelled text for word clusters (may be NULL): n_texts texts. */
	const char *const *texts;
	const size_t *text_lens;
	size_t n_texts;
	isnad_ner_progress_fn progress; /* may be NULL */
	void *ud;
};

/*
 * Train a model on n sentences.  Deterministic for given inputs and
 * options.  Ownership: sentences and gazetteer entries are borrowed for the
 * call; *out is owned (isnad_ner_model_free).
 */
isnad_status isnad_ner_train(const struct isnad_ner_sentence *s, size_t n,
                             const struct isnad_ner_train_opts *o,
                             struct isnad_ner_model **out);

#endif
