/*
 * resolve.h - one key per real entity: the mentions of a document grouped
 * into entities, with keys that are the same for the same entity in every
 * document (they are derived from the entity's full name).
 *
 * Within a document, a mention joins another of the same type when their
 * name skeletons are equal (harakat, hamza and alef forms, ى/ي, ة/ه, the
 * article and inner long vowels do not count: أمريكا = أميركا), or when
 * its words are a run of the other's words (الصحة العالمية in منظمة
 * الصحة العالمية, أورن in ألبير أورن) and of no other entity's: a short
 * form shared by two bodies (وزارة الخارجية in the Saudi and the American
 * one) joins neither.  A short form in brackets right after a name
 * («قوات الحماية الشعبية (YPG)», «حركة المقاومة الإسلامية (حماس)») joins
 * it, and so does every other mention of that short form in the text.
 */
#ifndef ISNAD_RESOLVE_H
#define ISNAD_RESOLVE_H

#include <stddef.h>
#include "status.h"

struct isnad_entity {
	char key[160];    /* "TYPE:skeleton of the full name" */
	int type;         /* the mentions' type (caller's numbering) */
	size_t name;      /* index of the mention giving the full name */
	int name_article; /* that mention opens with the ل of the article
	                     after ل («للنصر» gives «لنصر»): the name reads
	                     with ا before it («النصر») */
	size_t n_mentions;
	char alias[64]; /* skeleton of a short form the text defines for it
	                   («... (YPG)»), or "" */
};

struct isnad_resolution {
	struct isnad_entity *ents;
	size_t n_ents;
	size_t *entity_of; /* per mention: index into ents */
};

/* Mentions as byte spans of text with a type.  generic: a description
 * that refers to a body without naming it («القوات التركية», «قوات
 * الأمن»): an actor and a source, not a named mention. */
struct isnad_span_typed {
	size_t start, end;
	int type;
	int generic;
};

/*
 * Group n mentions of text into entities.  Ownership: *out is
 * caller-provided; release with isnad_resolution_release.
 */
isnad_status isnad_resolve(const char *text, const struct isnad_span_typed *m,
                           size_t n, struct isnad_resolution *out);
void isnad_resolution_release(struct isnad_resolution *r);

/* The skeleton of a name (see above) into out (cap bytes); returns its
 * length. */
size_t isnad_name_skeleton(const char *s, size_t len, char *out, size_t cap);

#endif
