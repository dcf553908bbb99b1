/*
 * values.h - dates, money and quantities in Arabic news text, with their
 * values: DATE as a TIMEX3 value, MONEY as amount + ISO 4217 currency,
 * QUANTITY as a number with the unit the text names.
 */
#ifndef ISNAD_VALUES_H
#define ISNAD_VALUES_H

#include <stddef.h>
#include "status.h"

enum isnad_value_type {
	ISNAD_VAL_DATE = 0,
	ISNAD_VAL_MONEY,
	ISNAD_VAL_QUANTITY
};

struct isnad_value {
	size_t start, end; /* byte range in the text */
	enum isnad_value_type type;
	char timex[24];              /* DATE: "2014-05-28", "2014-05", "2014",
	                                "XXXX-05-28", "2014-SP"; "" if unresolved */
	double amount;               /* MONEY amount, QUANTITY number */
	char currency[4];            /* MONEY: ISO 4217 code */
	size_t unit_start, unit_end; /* QUANTITY: the counted noun, if any */
};

struct isnad_values {
	struct isnad_value *v;
	size_t n, cap;
};

void isnad_values_init(struct isnad_values *vals);
void isnad_values_release(struct isnad_values *vals);

/*
 * Find the values in text[0..len) (valid UTF-8), left to right, not
 * overlapping.  doc_date ("YYYY-MM-DD", may be NULL) anchors relative
 * expressions («الشهر الماضي», «أمس», day names); without it they are
 * found but left unresolved (timex "").  Gregorian month names in every
 * regional set (يناير / كانون الثاني / جانفي ...), Hijri months (converted
 * when the year is known, by the tabular calendar), seasons («ربيع 2014»),
 * numeric dates, and years after عام/سنة are DATEs.
 */
isnad_status isnad_values_find(const char *text, size_t len,
                               const char *doc_date, struct isnad_values *out);

#endif
