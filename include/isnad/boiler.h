/*
 * boiler.h - from a page as it was fetched or scraped to its clean main
 * text and metadata: HTML (article body found from the DOM) and flattened
 * text pages (scraped text with tickers, menus, comment prompts and share
 * lines still in it).
 */
#ifndef ISNAD_BOILER_H
#define ISNAD_BOILER_H

#include <stddef.h>
#include "status.h"

/* What the cleaner keeps of a page.  Every string is UTF-8, NUL-terminated,
 * owned by the page (isnad_page_release), NULL when unknown. */
struct isnad_page {
	char *text;       /* main text; paragraphs separated by "\n\n" */
	size_t text_len;
	char *title;
	char *published;  /* "YYYY-MM-DD" or "YYYY-MM-DDThh:mm[:ss][Z|+hh:mm]" */
	char *author;
	char *outlet;     /* og:site_name, else the URL's domain */
	char *url;        /* canonical URL if the page gives one, else url_hint */
	char **tags;      /* n_tags strings */
	size_t n_tags;
};

void isnad_page_init(struct isnad_page *p);
void isnad_page_release(struct isnad_page *p);

/*
 * Clean an HTML page given as raw bytes.  The charset comes from
 * charset_hint (an HTTP Content-Type charset, may be NULL), else the BOM,
 * else <meta charset>/http-equiv, else detection (isnad_detect_encoding).
 * Broken markup and deep nesting are tolerated; url_hint (may be NULL)
 * resolves the outlet when the page names none.  On error *out is left
 * empty.
 */
isnad_status isnad_html_extract(const char *html, size_t len,
				const char *charset_hint, const char *url_hint,
				struct isnad_page *out);

/*
 * Clean a flattened text page (valid UTF-8): drop headline-like runs from
 * tickers and menus, comment/report prompts, share lines, "read at the
 * source" lines and tag lists (kept as tags); take a leading date line as
 * `published` and the headline at the top (often repeated) as `title`.
 */
isnad_status isnad_text_extract(const char *text, size_t len,
				struct isnad_page *out);

/*
 * Clean a record as read (read.h): the HTML or text cleaner by its kind,
 * then the container's url/title/outlet/author/published over the page's
 * own, the date as ISO 8601 ("YYYY-MM-DD[Thh:mm:ss]", NULL if not a
 * date).  *page is caller-provided and initialised (isnad_page_init).
 */
struct isnad_record;
isnad_status isnad_clean_record(const struct isnad_record *r,
                                struct isnad_page *page);

#endif
