/*
 * lexicon_int.h - what the tokenizer needs from the lexicon beyond the
 * public counts: the clitic rates learnt with it.
 */
#ifndef ISNAD_LEXICON_INT_H
#define ISNAD_LEXICON_INT_H

#include "isnad/token.h"

/* How often a word form is seen with a given proclitic chain (e.g. "وب")
 * or enclitic pronoun attached, relative to the bare form, in the
 * lexicon's corpus.  0 if unknown. */
double isnad__lexicon_rho(const struct isnad_lexicon *lx, const char *chain,
                          size_t len);
double isnad__lexicon_sigma(const struct isnad_lexicon *lx, const char *suf,
                            size_t len);

#endif
