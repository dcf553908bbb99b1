/*
 * clean.c - a record as read (read.h) to a clean page (boiler.h): the
 * cleaner for its kind, the container's own fields over the page's
 * guesses, and the publication date as ISO 8601.  Ingest and extract both
 * start here.
 */
#include <stdio.h>
#include <string.h>

#include "isnad/boiler.h"
#include "isnad/read.h"
#include "isnad/text.h"
#include "isnad_int.h"

/* A publication date as ISO 8601 (YYYY-MM-DD, with Thh:mm:ss when given)
 * from ISO or RFC 822/1123 (feeds: "Tue, 05 Mar 2024 10:00:00 +0000");
 * 0 when neither, so that from:/to: compare like with like. */
static int iso_date(const char *in, char *out, size_t cap)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int y, m, d, hh = -1, mm = 0, ss = 0, n = 0;
	char mon[4];
	if (!in)
		return 0;
	while (*in == ' ')
		in++;
	if (sscanf(in, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10) {
		if (in[10] == 'T' || in[10] == ' ')
			sscanf(in + 11, "%2d:%2d:%2d", &hh, &mm, &ss);
	} else {
		const char *p = strchr(in, ',');
		p = p ? p + 1 : in;
		if (sscanf(p, "%2d %3s %4d %2d:%2d:%2d", &d, mon, &y, &hh, &mm,
		           &ss) < 3)
			return 0;
		mon[3] = '\0';
		m = 0;
		for (int i = 0; i < 12; i++)
			if (!strncmp(months + 3 * i, mon, 3))
				m = i + 1;
	}
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	if (hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && ss >= 0 && ss < 61)
		snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh,
		         mm, ss);
	else
		snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* Replace *field by a copy of v when v is given.  0 on out of memory. */
static int take(char **field, const char *v)
{
	size_t n;
	char *c;
	if (!v || !*v)
		return 1;
	n = strlen(v);
	c = isnad_malloc(n + 1);
	if (!c)
		return 0;
	memcpy(c, v, n + 1);
	isnad_free(*field);
	*field = c;
	return 1;
}

isnad_status isnad_clean_record(const struct isnad_record *r,
                                struct isnad_page *page)
{
	struct isnad_decoded d;
	isnad_status rc;
	char iso[32];
	if (r->is_html) {
		rc = isnad_html_extract(r->body, r->body_len, r->charset, r->url,
		                        page);
	} else if ((rc = isnad_decode(r->body, r->body_len, r->charset, &d)) ==
	           ISNAD_OK) {
		rc = isnad_text_extract(d.s, d.len, page);
		isnad_decoded_release(&d);
	}
	if (rc)
		return rc;
	/* what a JSON Lines export or a feed names on purpose wins over what
	 * the page seems to say */
	if (!take(&page->url, r->url) || !take(&page->title, r->title) ||
	    !take(&page->outlet, r->outlet) || !take(&page->author, r->author) ||
	    !take(&page->published, r->published))
		return ISNAD_ENOMEM;
	if (page->published) {
		if (iso_date(page->published, iso, sizeof iso)) {
			if (!take(&page->published, iso))
				return ISNAD_ENOMEM;
		} else {
			isnad_free(page->published);
			page->published = NULL;
		}
	}
	return ISNAD_OK;
}
