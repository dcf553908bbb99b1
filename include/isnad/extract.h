/*
 * extract.h - a document's extraction as one isnad.extract/1 JSON object
 * (../shared/spec/extract-json.md).
 */
#ifndef ISNAD_EXTRACT_H
#define ISNAD_EXTRACT_H

#include <stdio.h>

#include "boiler.h"
#include "status.h"

struct isnad_extractor;

/* An extractor holds a tokenizer and the NER tagger (the built-in model;
 * without one, no named mentions), so it is per-thread.
 * Ownership: owned (isnad_extractor_free, safe with NULL). */
isnad_status isnad_extractor_new(struct isnad_extractor **out);
void isnad_extractor_free(struct isnad_extractor *ex);

/*
 * Extract from a clean page and write its JSON object, one line, to f.
 * source is the input as named.  ISNAD_EIO if f reports an error.
 */
isnad_status isnad_extract_write(struct isnad_extractor *ex, const char *source,
                                 const struct isnad_page *page, FILE *f);

#endif
