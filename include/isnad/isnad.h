/*
 * isnad.h - umbrella header of libisnad, the Arabic news-intelligence
 * library.  Layers, lowest first: status/alloc/buf, text (decode,
 * normalise), token (tokenizer, lexicon, stemmer), sentence, number.
 */
#ifndef ISNAD_ISNAD_H
#define ISNAD_ISNAD_H

#include "status.h"
#include "alloc.h"
#include "buf.h"
#include "text.h"
#include "token.h"
#include "sentence.h"
#include "number.h"

#define ISNAD_VERSION "0.1.0"

#endif
