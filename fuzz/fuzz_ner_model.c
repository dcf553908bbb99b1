/*
 * fuzz_ner_model.c - the NER model parser on arbitrary bytes: it either
 * refuses them (with a message) or returns a model that tags a sentence
 * with valid tags and serialises again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/isnad.h"
#include "isnad/ner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct isnad_ner_model *m = NULL;
	struct isnad_ner_tagger *tg = NULL;
	char err[256];
	isnad_status st =
	    isnad_ner_model_parse(data, size, &m, err, sizeof err);
	static const char *const w[] = {"قال", "محمد", "في", "وبغداد", "."};
	size_t l[5];
	uint8_t tags[5];
	char *out = NULL;
	size_t n = 0;
	if (st != ISNAD_OK) {
		if (m || !err[0])
			abort();
		return 0;
	}
	for (int i = 0; i < 5; i++)
		l[i] = strlen(w[i]);
	if (isnad_ner_tagger_new(m, &tg) != ISNAD_OK ||
	    isnad_ner_tag_words(tg, w, l, 5, tags) != ISNAD_OK)
		abort();
	for (int i = 0; i < 5; i++)
		if (tags[i] >= ISNAD_NER_NTAGS)
			abort();
	if (isnad_ner_model_serialize(m, &out, &n) != ISNAD_OK)
		abort();
	isnad_free(out);
	isnad_ner_tagger_free(tg);
	isnad_ner_model_free(m);
	return 0;
}
