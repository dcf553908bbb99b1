/*
 * read_feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one record per item.
 *
 * The feed is parsed as a stream with libxml2's xmlTextReader fed from the
 * input window, so a feed of any length runs in the memory of one item:
 * each <item>/<entry> is expanded to a small tree, turned into a record,
 * and freed when the reader moves on.  The parser never touches the
 * network (XML_PARSE_NONET), loads no DTD and substitutes no external
 * entities; broken markup is recovered where libxml2 can.  Its messages
 * are caught (the library never prints) and the first one is reported.
 */
#include <stdarg.h>
#include <string.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "isnad/buf.h"
#include "isnad_int.h"
#include "read_int.h"

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define FEED_TITLE_MAX 300

struct feed {
	struct isnad__read_ctx *c;
	char err[256]; /* first parser error */
	char outlet[FEED_TITLE_MAX + 1];
};

static int io_read(void *ctx, char *dst, int len)
{
	struct isnad__rd *r = ctx;
	size_t n;
	if (len <= 0)
		return 0;
	if (r->end == r->start && isnad__rd_fill(r, 1) != ISNAD_OK)
		return -1;
	n = r->end - r->start;
	if (n > (size_t)len)
		n = (size_t)len;
	memcpy(dst, r->buf + r->start, n);
	isnad__rd_skip(r, n);
	return (int)n;
}

static int io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void on_error(void *ud, xmlErrorPtr e)
{
	struct feed *fd = ud;
	if (!fd->err[0] && e && e->level >= XML_ERR_ERROR) {
		size_t n;
		snprintf(fd->err, sizeof fd->err, "line %d: %s", e->line,
		         e->message ? e->message : "malformed XML");
		n = strlen(fd->err);
		while (n && (fd->err[n - 1] == '\n' || fd->err[n - 1] == ' '))
			fd->err[--n] = '\0';
	}
}

/* libxml2 2.9 reports encoding and I/O errors through the generic error
 * function, not the reader's handler; it is per thread, so it is swapped
 * for this one while a feed is parsed and put back after. */
static void on_generic(void *ud, const char *fmt, ...)
{
	struct feed *fd = ud;
	va_list ap;
	if (fd->err[0])
		return;
	va_start(ap, fmt);
	vsnprintf(fd->err, sizeof fd->err, fmt, ap);
	va_end(ap);
	fd->err[strcspn(fd->err, "\n")] = '\0';
}

static int is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name);
}

/* Text content of n, trimmed, into out (reset first). */
static isnad_status text_of(const xmlNode *n, struct isnad_buf *out)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *s = (const char *)t, *e;
	isnad_status st;
	isnad_buf_reset(out);
	if (!t)
		return ISNAD_OK;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	                 e[-1] == '\n'))
		e--;
	st = isnad_buf_add(out, s, (size_t)(e - s));
	xmlFree(t);
	return st;
}

/* The children of an Atom type="xhtml" content element, as markup. */
static isnad_status xhtml_of(const xmlNode *n, struct isnad_buf *out)
{
	xmlBufferPtr xb = xmlBufferCreate();
	const xmlNode *k;
	isnad_status st;
	isnad_buf_reset(out);
	if (!xb)
		return ISNAD_ENOMEM;
	for (k = n->children; k; k = k->next)
		xmlNodeDump(xb, n->doc, (xmlNode *)(uintptr_t)k, 0, 0);
	st = isnad_buf_add(out, xmlBufferContent(xb),
	                   (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
	return st;
}

static const char *attr(const xmlNode *n, const char *name, char *buf,
                        size_t len)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	snprintf(buf, len, "%s", (const char *)v);
	xmlFree(v);
	return buf;
}

enum {
	F_URL,
	F_TITLE,
	F_PUB,
	F_UPD,
	F_ENC,
	F_CONTENT,
	F_DESC,
	F_SUM,
	F_AUTHOR,
	F_GUID,
	F_N
};

static isnad_status feed_item(struct feed *fd, size_t n, const xmlNode *item)
{
	struct isnad_buf b[F_N];
	const xmlNode *k;
	struct isnad_record rec;
	isnad_status st = ISNAD_OK;
	int content_html = 1, have[F_N] = {0};
	char a[64], href[4096];
	for (int i = 0; i < F_N; i++)
		isnad_buf_init(&b[i], n ? 0 : 0);
	for (k = item->children; k && !st; k = k->next) {
		int f = -1;
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(k, "link")) {
			const char *rel = attr(k, "rel", a, sizeof a);
			if (have[F_URL])
				continue;
			if (attr(k, "href", href, sizeof href)) {
				if (rel && strcmp(rel, "alternate"))
					continue;
				isnad_buf_reset(&b[F_URL]);
				st = isnad_buf_adds(&b[F_URL], href);
				have[F_URL] = 1;
				continue;
			}
			f = F_URL;
		} else if (is_el(k, "title")) {
			f = F_TITLE;
		} else if (is_el(k, "pubDate") || is_el(k, "published") ||
		           is_el(k, "date") || is_el(k, "issued")) {
			f = F_PUB;
		} else if (is_el(k, "updated") || is_el(k, "modified")) {
			f = F_UPD;
		} else if (is_el(k, "encoded") && k->ns && k->ns->href &&
		           !strcmp((const char *)k->ns->href, NS_CONTENT)) {
			f = F_ENC;
		} else if (is_el(k, "content")) {
			const char *type = attr(k, "type", a, sizeof a);
			if (have[F_CONTENT])
				continue;
			if (type && !strcmp(type, "xhtml")) {
				st = xhtml_of(k, &b[F_CONTENT]);
				have[F_CONTENT] = 1;
				continue;
			}
			content_html = !(type && !strcmp(type, "text"));
			f = F_CONTENT;
		} else if (is_el(k, "description")) {
			f = F_DESC;
		} else if (is_el(k, "summary")) {
			f = F_SUM;
		} else if (is_el(k, "author") || is_el(k, "creator")) {
			const xmlNode *nm;
			/* Atom: <author><name>; RSS: an e-mail (name) */
			for (nm = k->children; nm; nm = nm->next)
				if (is_el(nm, "name"))
					break;
			if (!have[F_AUTHOR]) {
				st = text_of(nm ? nm : k, &b[F_AUTHOR]);
				have[F_AUTHOR] = 1;
			}
			continue;
		} else if (is_el(k, "guid") || is_el(k, "id")) {
			const char *perma = attr(k, "isPermaLink", a, sizeof a);
			if (perma && !strcmp(perma, "false"))
				continue;
			f = F_GUID;
		}
		if (f < 0 || have[f])
			continue;
		st = text_of(k, &b[f]);
		have[f] = b[f].len > 0;
	}
	if (st)
		goto out;
	if (!have[F_URL] && have[F_GUID] &&
	    (!strncmp(b[F_GUID].s, "http://", 7) ||
	     !strncmp(b[F_GUID].s, "https://", 8)))
		have[F_URL] = !isnad_buf_adds(&b[F_URL], b[F_GUID].s);
	memset(&rec, 0, sizeof rec);
	rec.container = ISNAD_FMT_FEED;
	rec.charset = "UTF-8"; /* libxml2 hands us UTF-8 */
	rec.url = have[F_URL] ? b[F_URL].s : NULL;
	rec.title = have[F_TITLE] ? b[F_TITLE].s : NULL;
	rec.published = have[F_PUB]   ? b[F_PUB].s
	                : have[F_UPD] ? b[F_UPD].s
	                              : NULL;
	rec.author = have[F_AUTHOR] && b[F_AUTHOR].len ? b[F_AUTHOR].s : NULL;
	rec.outlet = fd->outlet[0] ? fd->outlet : NULL;
	rec.is_html = 1;
	if (have[F_ENC]) {
		rec.body = b[F_ENC].s;
		rec.body_len = b[F_ENC].len;
	} else if (have[F_CONTENT]) {
		rec.body = b[F_CONTENT].s;
		rec.body_len = b[F_CONTENT].len;
		rec.is_html = content_html;
	} else if (have[F_DESC]) {
		rec.body = b[F_DESC].s;
		rec.body_len = b[F_DESC].len;
	} else if (have[F_SUM]) {
		rec.body = b[F_SUM].s;
		rec.body_len = b[F_SUM].len;
	} else {
		rec.body = "";
	}
	isnad__read_deliver(fd->c, n, &rec);
out:
	for (int i = 0; i < F_N; i++)
		isnad_buf_release(&b[i]);
	return st;
}

isnad_status isnad__read_feed(struct isnad__read_ctx *c)
{
	struct feed fd;
	xmlTextReaderPtr rd;
	xmlGenericErrorFunc old_fn = xmlGenericError;
	void *old_ctx = xmlGenericErrorContext;
	isnad_status st = ISNAD_OK;
	size_t n = 0;
	int ret, in_item = 0;
	memset(&fd, 0, sizeof fd);
	fd.c = c;
	xmlSetGenericErrorFunc(&fd, on_generic);
	rd = xmlReaderForIO(io_read, io_close, c->rd, c->name, NULL,
	                    XML_PARSE_NONET | XML_PARSE_RECOVER |
	                        XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!rd) {
		xmlSetGenericErrorFunc(old_ctx, old_fn);
		return ISNAD_ENOMEM;
	}
	xmlTextReaderSetStructuredErrorHandler(rd, on_error, &fd);
	ret = xmlTextReaderRead(rd);
	while (ret == 1 && !c->stop && !st) {
		const char *name;
		int depth;
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT) {
			ret = xmlTextReaderRead(rd);
			continue;
		}
		name = (const char *)xmlTextReaderConstLocalName(rd);
		depth = xmlTextReaderDepth(rd);
		if (name && (!strcmp(name, "item") || !strcmp(name, "entry"))) {
			xmlNodePtr node = xmlTextReaderExpand(rd);
			n++;
			if (node)
				st = feed_item(&fd, n, node);
			else
				isnad__read_report(c, n, "malformed item");
			in_item = 0;
			ret = xmlTextReaderNext(rd);
			continue;
		}
		/* the feed's own title names the outlet */
		if (name && !in_item && !fd.outlet[0] && depth <= 2 &&
		    !strcmp(name, "title")) {
			xmlChar *t = xmlTextReaderReadString(rd);
			if (t) {
				const char *s = (const char *)t;
				size_t len;
				while (*s == ' ' || *s == '\n' || *s == '\t' ||
				       *s == '\r')
					s++;
				len = strlen(s);
				while (len && (s[len - 1] == ' ' ||
				               s[len - 1] == '\n' ||
				               s[len - 1] == '\t' ||
				               s[len - 1] == '\r'))
					len--;
				if (len > FEED_TITLE_MAX)
					len = FEED_TITLE_MAX;
				/* do not cut a UTF-8 character */
				while (len &&
				       ((unsigned char)s[len] & 0xC0) == 0x80)
					len--;
				memcpy(fd.outlet, s, len);
				fd.outlet[len] = '\0';
				xmlFree(t);
			}
		}
		ret = xmlTextReaderRead(rd);
	}
	if (ret < 0 && !c->stop && !st)
		isnad__read_report(c, 0, "malformed feed: %s",
		                   fd.err[0] ? fd.err : "XML error");
	else if (!n && !c->stop && !st)
		isnad__read_report(c, 0, "feed without items%s%s",
		                   fd.err[0] ? ": " : "", fd.err);
	xmlFreeTextReader(rd);
	xmlSetGenericErrorFunc(old_ctx, old_fn);
	return st;
}
