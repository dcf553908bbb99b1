/*
 * fuzz_query.c - the search query parser: any valid UTF-8 query against a
 * small in-memory store must return a result or a clean refusal, with hits
 * whose fields are valid UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/ingest.h"
#include "isnad/isnad.h"
#include "isnad/store.h"

static struct isnad_store *st;

static const char *const docs[] = {
    ("قال وزير الخارجية إن الاجتماعات مع الوفد التركي ستتواصل في أنقرة "
     "خلال الأسبوع المقبل بحضور ممثلين عن الأمم المتحدة."),
    "كَتَبَ الصَّحَفِيُّ عن أسعار النفط في الأسواق العالمية هذا العام.",
    "WHO warns of 22,000 cases; #الصحة @who http://example.org/a",
};

static int check_hit(const struct isnad_hit *h, void *ud)
{
	(void)ud;
	if (!h->id || (h->snippet && isnad_utf8_valid_prefix(
	                                 h->snippet, strlen(h->snippet)) !=
	                                 strlen(h->snippet)))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q;
	size_t len;
	isnad_status rc;
	if (!st) {
		struct isnad_ingest *ig;
		if (isnad_store_open(":memory:", &st, NULL, 0) != ISNAD_OK ||
		    isnad_ingest_new(st, 0, &ig) != ISNAD_OK)
			abort();
		for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
			struct isnad_record r;
			enum isnad_ingest_result res;
			memset(&r, 0, sizeof r);
			r.source = "doc";
			r.body = docs[i];
			r.body_len = strlen(docs[i]);
			r.outlet = "الرياض";
			r.published = "2015-07-21";
			isnad_ingest_record(ig, &r, &res, NULL, NULL, 0);
		}
		isnad_ingest_free(ig);
	}
	len = isnad_utf8_valid_prefix((const char *)data, size);
	q = malloc(len + 1);
	if (!q)
		return 0;
	memcpy(q, data, len);
	q[len] = '\0';
	rc = isnad_search(st, q, 5, "[", "]", check_hit, NULL);
	if (rc != ISNAD_OK && rc != ISNAD_EINVAL && rc != ISNAD_ESTORE)
		abort();
	free(q);
	return 0;
}
