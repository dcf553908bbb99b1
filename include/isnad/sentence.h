/*
 * sentence.h - sentence splitting for Arabic (and Latin) news text.
 */
#ifndef ISNAD_SENTENCE_H
#define ISNAD_SENTENCE_H

#include <stddef.h>
#include "status.h"

struct isnad_span {
	size_t start, end; /* byte range [start, end) */
};

struct isnad_spans {
	struct isnad_span *v;
	size_t n, cap;
};

void isnad_spans_init(struct isnad_spans *sp);
void isnad_spans_release(struct isnad_spans *sp);

/*
 * Split s[0..len) (valid UTF-8) into sentences and append their spans, each
 * trimmed of surrounding white space (empty sentences are never produced).
 * Terminators: . ! ? ؟ … and line breaks (news paragraphs and headlines end
 * without punctuation).  No split inside numbers (16.22, ٣٫٥), dates
 * (28.5.2014), abbreviations (single letters such as "د." or "U.S.", and
 * common Latin ones), URLs, or quotations «...» “...” "..." that close
 * within the same paragraph.  A numbered list item (1- 1. 1) أولاً:) at
 * the start of a line starts a sentence of its own.  Memory is linear in
 * the number of sentences.
 * Ownership: *out is caller-provided (isnad_spans_init before, release
 * with isnad_spans_release); spans are appended to what it holds.  On
 * ISNAD_ENOMEM nothing is appended.  Thread-safe (no shared state).
 */
isnad_status isnad_sentences(const char *s, size_t len,
                             struct isnad_spans *out);

#endif
