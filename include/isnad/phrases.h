/*
 * phrases.h - names found by the way Arabic news names institutions and
 * places, to complete the statistical tagger (ner.h).
 *
 * The tagger learnt from corpora that often leave out, or cut short, the
 * phrases a reader takes as one actor or place: a head noun of an
 * institution in construct with its name («وزارة الخزانة الأميركية»,
 * «مكتب استخبارات الأمن القومي», «قوات الأسد»), a body with its
 * nationality or number («الكتيبة الحدودية الثالثة»), and a name given
 * after a noun saying what it is («موقع "نورديك مونيتور"», «مدينة رأس
 * العين», «ميناء «سيهان»»), a person after a rank or an office
 * («العقيد X،», «رئيس المكتب، X،») or a naming verb («شاب يدعى X»,
 * «المدعو X»), a place joined to another by و
 * («تدمر والسّخنة»), a place whose name begins with a common noun of
 * places after a preposition («في تل أبيض», «قرب جسر الشغور»), a short
 * form in brackets after a name («(YPG)»), a group's members by the
 * plural of its name's nisba («الحوثيين» after «جماعة الحوثي»), and
 * a place or body named after a king («مطار الملك خالد الدولي», not the
 * king).
 * These patterns are closed-class and general; the name itself is
 * whatever the text gives.
 */
#ifndef ISNAD_PHRASES_H
#define ISNAD_PHRASES_H

#include <stddef.h>

#include "resolve.h"
#include "status.h"
#include "token.h"

/*
 * Add the phrases found in text (tokenized as toks by isnad_tokenize) to
 * the mention list *m of *n spans (types are enum isnad_ner_type), which
 * must be sorted by start.  A phrase replaces the tagger's mentions that
 * lie inside it (so «قوات الأسد» is one ORG, not a PER inside a word
 * group); one that cuts across a tagger mention is dropped.  After a
 * place noun the noun is left out of the name («مقاطعة شانلورفا» gives
 * شانلورفا).  The list stays sorted.  Ownership: *m is isnad_malloc'd
 * and may be reallocated; the caller frees it.
 */
isnad_status isnad_name_phrases(const char *text, size_t len,
                                const struct isnad_tokens *toks,
                                struct isnad_span_typed **m, size_t *n);

/*
 * Insert s into the list *m of *n spans sorted by start, unless it
 * overlaps one there (then nothing changes).  *cap is the number
 * allocated (may equal *n); *m may be reallocated.
 */
isnad_status isnad_span_insert(struct isnad_span_typed **m, size_t *n,
                               size_t *cap, const struct isnad_span_typed *s);

#endif
