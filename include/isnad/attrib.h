/*
 * attrib.h - attributions (the isnad): reported content in Arabic news and
 * the chain of sources it rests on, and the sentences that assert facts
 * with no source at all.
 *
 * Found by rules over the tokenizer's output: reporting verbs in all
 * persons and tenses (قال، ذكر، أكد، كشف، أشار ...), prepositional cues
 * (وفقاً لـ، بحسب، حسبما، نقلاً عن ...), quotations after a reporting verb,
 * and nested chains («حسبما ذكرت مصادر ... لموقع X» gives [outlet X,
 * anonymous مصادر ...]).  Anaphoric links («الموقع», «الصحيفة», «المصدر»)
 * point back to the source they refer to.
 */
#ifndef ISNAD_ATTRIB_H
#define ISNAD_ATTRIB_H

#include <stddef.h>
#include <stdint.h>
#include "status.h"
#include "sentence.h"
#include "token.h"

enum isnad_source_kind {
	ISNAD_SRC_UNKNOWN = 0,
	ISNAD_SRC_OUTLET, /* موقع، صحيفة، وكالة أنباء، قناة ... */
	ISNAD_SRC_PERSON, /* a title/rank or a personal name */
	ISNAD_SRC_ORGANIZATION, /* وزارة، منظمة، حركة، جهاز ... */
	ISNAD_SRC_ANONYMOUS, /* مصادر، مصدر مطلع، شهود عيان ... */
	ISNAD_SRC_DOCUMENT, /* تقرير، بيان، محضر الاجتماع، وثائق ... */
	ISNAD_SRC__COUNT
};

/* "unknown", "outlet", "person", ... Ownership: borrowed, static. */
const char *isnad_source_kind_name(enum isnad_source_kind k);

/* One link of a chain. */
struct isnad_attrib_link {
	size_t start, end;         /* the source as in the text [start, end) */
	size_t ref_start, ref_end; /* for an anaphor («الموقع»): the earlier
	                              link it refers to; ref_end == 0: none */
	uint8_t kind;              /* enum isnad_source_kind */
};

struct isnad_attribution {
	size_t start, end; /* the claim (reported content) */
	size_t cue_start, cue_end; /* the reporting words, e.g. «حسبما ذكرت» */
	size_t link, n_links; /* chain: links[link .. link + n_links), from
	                         the party cited directly to the origin */
};

struct isnad_attributions {
	struct isnad_attribution *v; /* in text order of their cues */
	size_t n, cap;
	struct isnad_attrib_link *links; /* all chains, back to back */
	size_t n_links, links_cap;
	struct isnad_spans unattributed; /* sentences asserting facts with
	                                    no source */
};

/* Ownership: caller-provided storage; init before use, release after. */
void isnad_attributions_init(struct isnad_attributions *a);
void isnad_attributions_release(struct isnad_attributions *a);
/* Empty the lists, keeping their memory. */
void isnad_attributions_clear(struct isnad_attributions *a);

/*
 * Find the attributions of one document s[0..len) (valid UTF-8, clean
 * text) and append them to *out (which should be empty: results of two
 * documents are not merged).  Offsets are byte offsets into s.  tk is used
 * to tokenize s (its borrowed token strings are invalidated, as by any
 * isnad_tokenize call).  Text with no Arabic gives empty results.
 * Ownership: *out is caller-provided (see isnad_attributions_init); tk is
 * borrowed for the call.  On ISNAD_ENOMEM *out is cleared.  Thread-safe
 * as long as tk is not shared.
 */
isnad_status isnad_attrib_find(struct isnad_tokenizer *tk, const char *s,
                               size_t len, struct isnad_attributions *out);

/* The same on s already tokenized (toks, borrowed, as isnad_tokenize made
 * it from s and still valid): a caller that tokenizes once for several
 * passes. */
isnad_status isnad_attrib_find_tokens(const char *s, size_t len,
                                      const struct isnad_tokens *toks,
                                      struct isnad_attributions *out);

#endif
