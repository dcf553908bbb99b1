/*
 * events.h - events reported in Arabic news: meetings, agreements,
 * demands, transfers, trade, releases, arrests, attacks, funding, travel,
 * support, withdrawals.  An event is found by its trigger words (matched
 * on stems, so every inflection and clitic form counts) and spans its
 * sentence, the evidence a reader checks; actors, place and time are
 * assigned by the caller from the mentions inside that span.
 */
#ifndef ISNAD_EVENTS_H
#define ISNAD_EVENTS_H

#include <stddef.h>
#include "status.h"
#include "token.h"
#include "sentence.h"

enum isnad_event_type {
	ISNAD_EV_MEET = 0,
	ISNAD_EV_AGREE,
	ISNAD_EV_DEMAND,
	ISNAD_EV_TRANSFER,
	ISNAD_EV_TRADE,
	ISNAD_EV_RELEASE,
	ISNAD_EV_ARREST,
	ISNAD_EV_ATTACK,
	ISNAD_EV_FUND,
	ISNAD_EV_TRAVEL,
	ISNAD_EV_SUPPORT,
	ISNAD_EV_WITHDRAW,
	ISNAD_EV__COUNT
};

/* "MEET", "AGREE", ... as in extract-json.md.  Borrowed, static. */
const char *isnad_event_type_name(enum isnad_event_type t);

struct isnad_event {
	enum isnad_event_type type;
	size_t start, end;           /* the sentence: the evidence */
	size_t trig_start, trig_end; /* the first trigger word, as written */
};

struct isnad_events {
	struct isnad_event *v;
	size_t n, cap;
};

void isnad_events_init(struct isnad_events *ev);
void isnad_events_release(struct isnad_events *ev);

/*
 * Find events in text[0..len) (valid UTF-8): at most one per type and
 * sentence, in text order.  tk (borrowed) is used for stems; its token
 * pointers are invalidated.
 */
isnad_status isnad_events_find(struct isnad_tokenizer *tk, const char *text,
                               size_t len, struct isnad_events *out);

/* Is token k (from isnad_tokenize) a trigger word, as the finder reads it
 * (same stem; for stems of three letters the word itself or its past)?
 * Returns the event type, or -1. */
int isnad_event_word(const struct isnad_token *k);

/* The same on text already tokenized (tokens, borrowed, as isnad_tokenize
 * made them from text and still valid). */
isnad_status isnad_events_find_tokens(const char *text, size_t len,
                                      const struct isnad_tokens *tokens,
                                      struct isnad_events *out);

/* The same, with no trigger inside the n named spans (borrowed, sorted by
 * start, not overlapping): «تحالف دعم الشرعية» names a coalition, «خالد
 * بن طالب» a man. */
isnad_status isnad_events_find_named(const char *text, size_t len,
                                     const struct isnad_tokens *tokens,
                                     const struct isnad_span *names, size_t n,
                                     struct isnad_events *out);

#endif
