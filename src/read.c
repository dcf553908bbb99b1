/*
 * read.c - inputs as they come, turned into records (read.h).
 *
 * An input is read through one window (struct rd) that inflates gzip as a
 * stream when the first bytes are a gzip header (concatenated members are
 * read one after another).  The first bytes of the inflated data pick the
 * format (isnad_guess_format); each format reader then takes records off
 * the window: the whole input (text, HTML), one line (JSON Lines), one WARC
 * record, or one feed item (read_feed.c).  The window never holds more than
 * one record plus a read chunk, so memory stays bounded by ISNAD_RECORD_MAX
 * whatever the size of the input.  Problems are reported through errfn and
 * never printed; the other records of the input are still delivered.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <jansson.h>

#include "isnad/buf.h"
#include "isnad/read.h"
#include "isnad_int.h"
#include "read_int.h"

#define RD_CHUNK (64u << 10)     /* bytes read from the file at a time */
#define HEAD_LEN 4096            /* bytes looked at to guess the format */
#define WARC_HEAD_MAX (1u << 20) /* WARC or HTTP header block */

/* ---- reporting ----------------------------------------------------------- */

void isnad__read_report(struct isnad__read_ctx *c, size_t n, const char *fmt,
                        ...)
{
	char src[512], msg[512];
	va_list ap;
	c->bad = 1;
	if (!c->errfn)
		return;
	if (n)
		snprintf(src, sizeof src, "%s#%zu", c->name, n);
	else
		snprintf(src, sizeof src, "%s", c->name);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->errfn(src, msg, c->ud);
}

/* Deliver one record; returns nonzero when the caller asked to stop. */
int isnad__read_deliver(struct isnad__read_ctx *c, size_t n,
                        struct isnad_record *r)
{
	char src[512];
	if (n) {
		snprintf(src, sizeof src, "%s#%zu", c->name, n);
		r->source = src;
	} else {
		r->source = c->name;
	}
	if (r->body_len > c->max) {
		isnad__read_report(c, n,
		                   "record of %zu bytes is larger than "
		                   "the limit of %zu, skipped",
		                   r->body_len, c->max);
		return 0;
	}
	c->stop = c->fn(r, c->ud) != 0;
	return c->stop;
}

/* ---- the input window, with streaming gzip ------------------------------- */

static void *z_alloc(void *ud, unsigned n, unsigned size)
{
	(void)ud;
	return isnad_calloc(n, size);
}

static void z_free(void *ud, void *p)
{
	(void)ud;
	isnad_free(p);
}

static void rd_error(struct isnad__rd *r, isnad_status st, const char *msg)
{
	if (!r->err) {
		r->err = st;
		snprintf(r->errmsg, sizeof r->errmsg, "%s", msg);
	}
}

/* Refill r->in from the file; returns the bytes now pending. */
static size_t rd_in(struct isnad__rd *r)
{
	size_t n;
	if (r->z.avail_in)
		return r->z.avail_in;
	if (r->f_eof)
		return 0;
	n = fread(r->in, 1, RD_CHUNK, r->f);
	if (n < RD_CHUNK) {
		r->f_eof = 1;
		if (ferror(r->f))
			rd_error(r, ISNAD_EIO, strerror(errno));
	}
	r->z.next_in = r->in;
	r->z.avail_in = (uInt)n;
	return n;
}

/* Up to n bytes of the (inflated) input into dst; 0 at the end. */
static size_t rd_raw(struct isnad__rd *r, unsigned char *dst, size_t n)
{
	if (r->err)
		return 0;
	if (!r->gz) {
		size_t k;
		if (!rd_in(r))
			return 0;
		k = n < r->z.avail_in ? n : r->z.avail_in;
		memcpy(dst, r->z.next_in, k);
		r->z.next_in += k;
		r->z.avail_in -= (uInt)k;
		return k;
	}
	if (n > (1u << 30))
		n = 1u << 30;
	for (;;) {
		int ret;
		size_t made;
		if (r->z_done) {
			/* another member, or trailing bytes we ignore (as
			 * gzip does with padding) */
			if (!rd_in(r))
				return 0;
			if (r->z.next_in[0] != 0x1f) {
				r->z.avail_in = 0;
				r->f_eof = 1;
				return 0;
			}
			if (inflateReset(&r->z) != Z_OK) {
				rd_error(r, ISNAD_EFORMAT, "corrupt gzip data");
				return 0;
			}
			r->z_done = 0;
		}
		if (!rd_in(r)) {
			if (!r->err)
				rd_error(r, ISNAD_EFORMAT,
				         "truncated gzip data");
			return 0;
		}
		r->z.next_out = dst;
		r->z.avail_out = (uInt)n;
		ret = inflate(&r->z, Z_NO_FLUSH);
		made = n - r->z.avail_out;
		r->total += made;
		if (ret == Z_STREAM_END) {
			r->z_done = 1;
		} else if (ret == Z_MEM_ERROR) {
			rd_error(r, ISNAD_ENOMEM, "out of memory");
			return made;
		} else if (ret != Z_OK && ret != Z_BUF_ERROR) {
			char m[200];
			snprintf(m, sizeof m, "corrupt gzip data (%s)",
			         r->z.msg ? r->z.msg : "bad stream");
			rd_error(r, ISNAD_EFORMAT, m);
			return made;
		}
		if (made)
			return made;
	}
}

static isnad_status rd_open(struct isnad__rd *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->in = isnad_malloc(RD_CHUNK);
	if (!r->in)
		return ISNAD_ENOMEM;
	rd_in(r);
	if (r->z.avail_in >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b) {
		r->z.zalloc = z_alloc;
		r->z.zfree = z_free;
		if (inflateInit2(&r->z, 15 + 16) != Z_OK)
			return ISNAD_ENOMEM;
		r->gz = 1;
	}
	return ISNAD_OK;
}

static void rd_close(struct isnad__rd *r)
{
	if (r->gz)
		inflateEnd(&r->z);
	isnad_free(r->in);
	isnad_free(r->buf);
}

/* Make at least want bytes available in the window, unless the input ends
 * first.  Returns ISNAD_ENOMEM or ISNAD_OK. */
isnad_status isnad__rd_fill(struct isnad__rd *r, size_t want)
{
	while (r->end - r->start < want && !r->eof) {
		size_t avail = r->end - r->start, got, room;
		if (r->start) {
			memmove(r->buf, r->buf + r->start, avail);
			r->start = 0;
			r->end = avail;
		}
		room = RD_CHUNK;
		if (r->cap - r->end < room) {
			size_t ncap = r->cap ? r->cap : RD_CHUNK;
			unsigned char *p;
			while (ncap - r->end < room)
				ncap *= 2;
			p = isnad_realloc(r->buf, ncap);
			if (!p)
				return ISNAD_ENOMEM;
			r->buf = p;
			r->cap = ncap;
		}
		got = rd_raw(r, r->buf + r->end, r->cap - r->end);
		if (!got)
			r->eof = 1;
		r->end += got;
	}
	return ISNAD_OK;
}

void isnad__rd_skip(struct isnad__rd *r, size_t n)
{
	r->start += n;
	r->off += n;
}

/* Drop n bytes of input (possibly more than the window holds). */
static isnad_status rd_discard(struct isnad__rd *r, uint64_t n)
{
	while (n) {
		size_t avail = r->end - r->start, k;
		if (!avail) {
			isnad_status st = isnad__rd_fill(r, 1);
			if (st)
				return st;
			avail = r->end - r->start;
			if (!avail)
				return ISNAD_EFORMAT;
		}
		k = avail < n ? avail : (size_t)n;
		isnad__rd_skip(r, k);
		n -= k;
	}
	return ISNAD_OK;
}

/* The next line (without "\n" or "\r\n") as a window span.  *len_out is
 * the line's length; a line longer than max is skipped and *too_long set.
 * Returns 0 at the end of input, 1 with a line, or a negative status. */
static int rd_line(struct isnad__rd *r, size_t max, const char **line_out,
                   size_t *len_out, int *too_long)
{
	size_t scanned = 0;
	*too_long = 0;
	for (;;) {
		size_t avail = r->end - r->start;
		unsigned char *p = r->buf + r->start, *nl;
		nl = avail > scanned
		         ? memchr(p + scanned, '\n', avail - scanned)
		         : NULL;
		if (nl || (r->eof && avail)) {
			size_t len = nl ? (size_t)(nl - p) : avail;
			size_t take = nl ? len + 1 : len;
			if (len > max)
				*too_long = 1;
			if (len && p[len - 1] == '\r')
				len--;
			*line_out = (const char *)p;
			*len_out = len;
			if (*too_long) {
				*len_out = 0;
			}
			isnad__rd_skip(r, take);
			return 1;
		}
		if (r->eof)
			return *too_long ? 1 : 0;
		if (avail > max) {
			/* too long: drop what we have, keep looking for the
			 * end of the line */
			*too_long = 1;
			*len_out = 0;
			isnad__rd_skip(r, avail);
			scanned = 0;
			avail = 0;
		} else {
			scanned = avail;
		}
		{
			isnad_status st = isnad__rd_fill(r, avail + RD_CHUNK);
			if (st)
				return st;
		}
	}
}

/* ---- format guessing ----------------------------------------------------- */

static int ieq_prefix(const unsigned char *p, const unsigned char *e,
                      const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(e - p) < n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char)s[i])
			return 0;
	}
	return 1;
}

static const unsigned char *skip_ws(const unsigned char *p,
                                    const unsigned char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* Past the first occurrence of s in [p, e), or e. */
static const unsigned char *past(const unsigned char *p, const unsigned char *e,
                                 const char *s)
{
	size_t n = strlen(s);
	for (; p + n <= e; p++)
		if (!memcmp(p, s, n))
			return p + n;
	return e;
}

enum isnad_format isnad_guess_format(const void *head, size_t len)
{
	const unsigned char *p = head, *e = p + len, *q;
	if (!len)
		return ISNAD_FMT_TEXT;
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		p += 3;
	p = skip_ws(p, e);
	if (ieq_prefix(p, e, "warc/"))
		return ISNAD_FMT_WARC;
	if (p < e && *p == '{') {
		q = skip_ws(p + 1, e);
		if (q == e || *q == '"' || *q == '}')
			return ISNAD_FMT_JSONL;
	}
	/* the first element, past the prolog */
	while (p < e && *p == '<') {
		if (ieq_prefix(p, e, "<?")) {
			p = skip_ws(past(p, e, "?>"), e);
		} else if (ieq_prefix(p, e, "<!--")) {
			p = skip_ws(past(p, e, "-->"), e);
		} else if (ieq_prefix(p, e, "<!doctype")) {
			q = skip_ws(p + 9, e);
			if (ieq_prefix(q, e, "html"))
				return ISNAD_FMT_HTML;
			q = p;
			while (q < e && *q != '>' && *q != '[')
				q++;
			if (q < e && *q == '[') /* an internal subset */
				q = past(q, e, "]");
			p = skip_ws(past(q, e, ">"), e);
		} else {
			p++;
			if (ieq_prefix(p, e, "rss") ||
			    ieq_prefix(p, e, "feed") ||
			    ieq_prefix(p, e, "rdf:rdf")) {
				q = p + (*p == 'r' || *p == 'R' ? 3 : 4);
				if (ieq_prefix(p, e, "rdf:rdf"))
					q = p + 7;
				if (q == e || *q == ' ' || *q == '>' ||
				    *q == '\t' || *q == '\r' || *q == '\n' ||
				    *q == '/')
					return ISNAD_FMT_FEED;
			}
			if (p < e && ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
				return ISNAD_FMT_HTML;
			break;
		}
	}
	/* an HTML page after some junk (a stray header, a scraper's note) */
	for (q = head; q < e && q < (const unsigned char *)head + 1024; q++)
		if (*q == '<' &&
		    (ieq_prefix(q, e, "<html") ||
		     ieq_prefix(q, e, "<!doctype html") ||
		     ieq_prefix(q, e, "<body") || ieq_prefix(q, e, "<head")))
			return ISNAD_FMT_HTML;
	return ISNAD_FMT_TEXT;
}

/* Binary data: C0 controls that text never has, more than one byte in
 * twenty (as the CLI judges text files); UTF-16 (which is mostly NULs in
 * Arabic-free stretches) is text. */
int isnad__looks_binary(const unsigned char *p, size_t n)
{
	size_t bad = 0, nul_even = 0, nul_odd = 0;
	if (n >= 2 &&
	    ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		if (!c)
			*(i & 1 ? &nul_odd : &nul_even) += 1;
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		     c != '\f' && c != '\v' && c != 0x1B) ||
		    c == 0x7F)
			bad++;
	}
	/* UTF-16 without a BOM: NULs on one side only */
	if (n >= 16 && (nul_even + nul_odd) * 20 > n &&
	    (nul_even == 0 || nul_odd == 0) && (nul_even + nul_odd) == bad)
		return 0;
	return n && bad * 20 > n;
}

/* ---- plain text and HTML: the whole input is one record ------------------ */

static isnad_status read_single(struct isnad__read_ctx *c, int is_html)
{
	struct isnad__rd *r = c->rd;
	struct isnad_record rec;
	isnad_status st = isnad__rd_fill(r, c->max + 1);
	size_t n = r->end - r->start;
	if (st)
		return st;
	if (n > c->max) {
		isnad__read_report(c, 0,
		                   "larger than the limit of %zu bytes, "
		                   "skipped",
		                   c->max);
		return ISNAD_OK;
	}
	if (r->end == r->cap) { /* room for the NUL */
		unsigned char *p = isnad_realloc(r->buf, r->cap + 1);
		if (!p)
			return ISNAD_ENOMEM;
		r->buf = p;
		r->cap++;
	}
	r->buf[r->end] = '\0';
	memset(&rec, 0, sizeof rec);
	rec.body = (const char *)r->buf + r->start;
	rec.body_len = n;
	rec.is_html = is_html;
	rec.container = is_html ? ISNAD_FMT_HTML : ISNAD_FMT_TEXT;
	isnad__read_deliver(c, 0, &rec);
	return ISNAD_OK;
}

/* ---- JSON Lines ---------------------------------------------------------- */

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static isnad_status read_jsonl(struct isnad__read_ctx *c)
{
	size_t lineno = 0;
	for (;;) {
		const char *line;
		size_t len;
		int too_long, got;
		json_t *o, *v;
		json_error_t je;
		struct isnad_record rec;
		got = rd_line(c->rd, c->max, &line, &len, &too_long);
		if (got < 0)
			return (isnad_status)got;
		if (!got || c->stop)
			break;
		lineno++;
		if (too_long) {
			isnad__read_report(c, lineno,
			                   "line longer than the limit of %zu "
			                   "bytes, skipped",
			                   c->max);
			continue;
		}
		while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			len--;
		if (!len)
			continue;
		o = json_loadb(line, len, 0, &je);
		if (!o) {
			isnad__read_report(c, lineno,
			                   "invalid JSON at column %d: %s",
			                   je.column, je.text);
			continue;
		}
		if (!json_is_object(o)) {
			isnad__read_report(c, lineno, "not a JSON object");
			json_decref(o);
			continue;
		}
		memset(&rec, 0, sizeof rec);
		rec.container = ISNAD_FMT_JSONL;
		v = json_object_get(o, "html");
		if (json_is_string(v)) {
			rec.is_html = 1;
		} else {
			v = json_object_get(o, "text");
		}
		if (!json_is_string(v)) {
			isnad__read_report(c, lineno,
			                   "no \"text\" or "
			                   "\"html\" string");
			json_decref(o);
			continue;
		}
		rec.body = json_string_value(v);
		rec.body_len = json_string_length(v);
		rec.url = jstr(o, "url");
		rec.title = jstr(o, "title");
		rec.published = jstr(o, "published");
		rec.outlet = jstr(o, "outlet");
		if (!rec.outlet)
			rec.outlet = jstr(o, "source");
		rec.author = jstr(o, "author");
		isnad__read_deliver(c, lineno, &rec);
		json_decref(o);
		if (c->stop)
			break;
	}
	return ISNAD_OK;
}

/* ---- WARC ---------------------------------------------------------------- */

/* Value of header name in a header block [p, e) ("Name: value" lines), or
 * NULL; *n_out gets its trimmed length. */
static const char *header(const char *p, const char *e, const char *name,
                          size_t *n_out)
{
	size_t nl = strlen(name);
	while (p < e) {
		const char *eol = memchr(p, '\n', (size_t)(e - p));
		const char *le = eol ? eol : e, *v;
		if ((size_t)(le - p) > nl && p[nl] == ':' &&
		    ieq_prefix((const unsigned char *)p,
		               (const unsigned char *)le, name)) {
			v = p + nl + 1;
			while (v < le && (*v == ' ' || *v == '\t'))
				v++;
			while (le > v && (le[-1] == '\r' || le[-1] == ' ' ||
			                  le[-1] == '\t'))
				le--;
			*n_out = (size_t)(le - v);
			return v;
		}
		p = eol ? eol + 1 : e;
	}
	return NULL;
}

/* Does p[0..n) contain s, ignoring ASCII case? */
static int span_has(const char *p, size_t n, const char *s)
{
	const unsigned char *q = (const unsigned char *)p, *e = q + n;
	for (; q < e; q++)
		if (ieq_prefix(q, e, s))
			return 1;
	return 0;
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 32;
}

/* De-chunk [p, p+n) into out.  Returns 0, or 1 when it is not chunked
 * after all (many crawlers store the body de-chunked but keep the
 * header), or a negative status. */
static int dechunk(const char *p, size_t n, struct isnad_buf *out)
{
	const char *e = p + n;
	int first = 1;
	while (p < e) {
		size_t size = 0;
		int digits = 0;
		while (p < e && digits < 16) {
			int d = *p >= '0' && *p <= '9' ? *p - '0'
			        : (*p | 32) >= 'a' && (*p | 32) <= 'f'
			            ? (*p | 32) - 'a' + 10
			            : -1;
			if (d < 0)
				break;
			size = size * 16 + (size_t)d;
			digits++;
			p++;
		}
		if (!digits)
			return first ? 1 : 0; /* keep what we have */
		p = (const char *)past((const unsigned char *)p,
		                       (const unsigned char *)e, "\n");
		if (!size)
			return 0;
		if (size > (size_t)(e - p))
			size = (size_t)(e - p); /* truncated: keep the rest */
		isnad_status st = isnad_buf_add(out, p, size);
		if (st)
			return st;
		p += size;
		if (p < e && *p == '\r')
			p++;
		if (p < e && *p == '\n')
			p++;
		first = 0;
	}
	return 0;
}

/* Inflate a gzip or zlib body into out (bounded by out->max). */
static isnad_status inflate_body(const char *p, size_t n, struct isnad_buf *out)
{
	z_stream z;
	int ret;
	memset(&z, 0, sizeof z);
	z.zalloc = z_alloc;
	z.zfree = z_free;
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return ISNAD_ENOMEM;
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)(n > (1u << 30) ? (1u << 30) : n);
	do {
		isnad_status st = isnad_buf_grow(out, RD_CHUNK);
		size_t room;
		if (st) {
			inflateEnd(&z);
			return st;
		}
		room = out->cap - out->len - 1;
		z.next_out = (unsigned char *)out->s + out->len;
		z.avail_out = (uInt)room;
		ret = inflate(&z, Z_NO_FLUSH);
		out->len += room - z.avail_out;
		out->s[out->len] = '\0';
	} while (ret == Z_OK);
	inflateEnd(&z);
	/* a truncated body still gives its beginning */
	if (ret == Z_STREAM_END || (ret == Z_BUF_ERROR && out->len))
		return ISNAD_OK;
	return ISNAD_EFORMAT;
}

/* One WARC response block: the HTTP response inside it. */
static void warc_response(struct isnad__read_ctx *c, size_t n, const char *url,
                          const char *p, size_t len)
{
	const char *e = p + len, *hend, *v, *body;
	size_t vn, body_len;
	int status = 0, chunked = 0, gz = 0, sniff_html;
	char charset[64] = "", ctype[128] = "";
	struct isnad_buf b;
	struct isnad_record rec;
	isnad_status st = ISNAD_OK;

	if (len < 12 || memcmp(p, "HTTP/", 5)) {
		isnad__read_report(c, n,
		                   "response record without an HTTP "
		                   "status line");
		return;
	}
	v = memchr(p, ' ', len);
	if (v && e - v > 4)
		status = atoi(v + 1);
	hend = (const char *)past((const unsigned char *)p,
	                          (const unsigned char *)e, "\r\n\r\n");
	if (hend == e)
		hend = (const char *)past((const unsigned char *)p,
		                          (const unsigned char *)e, "\n\n");
	if (status < 200 || status > 299 || status == 204)
		return; /* redirects, errors: not pages */
	body = hend;
	body_len = (size_t)(e - hend);
	if ((v = header(p, hend, "content-type", &vn)) != NULL) {
		const char *cs;
		snprintf(ctype, sizeof ctype, "%.*s", (int)vn, v);
		lower(ctype);
		cs = strstr(ctype, "charset=");
		if (cs) {
			size_t k;
			cs += 8;
			while (*cs == '"' || *cs == '\'' || *cs == ' ')
				cs++;
			k = strcspn(cs, "\"'; \t");
			/* the original case is not needed: iconv and
			 * uchardet names are case-insensitive */
			snprintf(charset, sizeof charset, "%.*s", (int)k, cs);
		}
	}
	if ((v = header(p, hend, "transfer-encoding", &vn)) != NULL &&
	    span_has(v, vn, "chunked"))
		chunked = 1;
	if ((v = header(p, hend, "content-encoding", &vn)) != NULL &&
	    (span_has(v, vn, "gzip") || span_has(v, vn, "deflate")))
		gz = 1;

	isnad_buf_init(&b, c->max);
	if (chunked) {
		int rc = dechunk(body, body_len, &b);
		if (rc < 0) {
			st = (isnad_status)rc;
		} else if (rc == 0) {
			body = b.s;
			body_len = b.len;
		}
	}
	if (!st && gz && body_len >= 2 &&
	    ((unsigned char)body[0] == 0x1f || (body[0] & 0x0f) == 8)) {
		struct isnad_buf z;
		isnad_buf_init(&z, c->max);
		st = inflate_body(body, body_len, &z);
		isnad_buf_release(&b);
		b = z;
		body = b.s;
		body_len = b.len;
	}
	if (st == ISNAD_ETOOBIG) {
		isnad__read_report(c, n,
		                   "body larger than the limit of %zu "
		                   "bytes, skipped",
		                   c->max);
		goto out;
	} else if (st) {
		isnad__read_report(c, n, "cannot decode the body: %s",
		                   st == ISNAD_ENOMEM ? "out of memory"
		                                      : "corrupt gzip data");
		goto out;
	}
	sniff_html = isnad_guess_format(body, body_len < HEAD_LEN
	                                          ? body_len
	                                          : HEAD_LEN) == ISNAD_FMT_HTML;
	memset(&rec, 0, sizeof rec);
	if (ctype[0]) {
		if (strstr(ctype, "html"))
			rec.is_html = 1;
		else if (!strncmp(ctype, "text/plain", 10))
			rec.is_html = 0;
		else
			goto out; /* images, scripts, feeds: not pages */
	} else {
		if (isnad__looks_binary((const unsigned char *)body,
		                        body_len < HEAD_LEN ? body_len
		                                            : HEAD_LEN))
			goto out;
		rec.is_html = sniff_html;
	}
	/* body must be NUL-terminated: copy when it is still in the window */
	if (body != b.s) {
		if (isnad_buf_add(&b, body, body_len))
			goto out;
		body = b.s;
	}
	rec.url = url;
	rec.charset = charset[0] ? charset : NULL;
	rec.body = body;
	rec.body_len = body_len;
	rec.container = ISNAD_FMT_WARC;
	isnad__read_deliver(c, n, &rec);
out:
	isnad_buf_release(&b);
}

/* Length of the header block at the start of p[0..n) through its blank
 * line, or 0 when it is not all there yet. */
static size_t head_end(const unsigned char *p, size_t n)
{
	if (n >= 1 && p[0] == '\n')
		return 1;
	if (n >= 2 && p[0] == '\r' && p[1] == '\n')
		return 2;
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] != '\n')
			continue;
		if (p[i + 1] == '\n')
			return i + 2;
		if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

static isnad_status read_warc(struct isnad__read_ctx *c)
{
	struct isnad__rd *r = c->rd;
	size_t n = 0;
	char url[8192];
	isnad_status st;
	while (!c->stop) {
		const char *line, *h, *v;
		size_t len, hlen, vn;
		int too_long, got, is_response;
		uint64_t clen;
		char *end;

		/* skip blank lines between records */
		do {
			got = rd_line(r, WARC_HEAD_MAX, &line, &len, &too_long);
			if (got < 0)
				return (isnad_status)got;
		} while (got && !too_long && !len);
		if (!got)
			break;
		n++;
		if (too_long || len < 7 || memcmp(line, "WARC/", 5)) {
			/* lost: look for the next record */
			isnad__read_report(c, n,
			                   "not a WARC record header, "
			                   "skipping to the next one");
			for (;;) {
				got = rd_line(r, WARC_HEAD_MAX, &line, &len,
				              &too_long);
				if (got < 0)
					return (isnad_status)got;
				if (!got)
					return ISNAD_OK;
				if (!too_long && len >= 7 &&
				    !memcmp(line, "WARC/1.", 7))
					break;
			}
		}
		/* the header block, up to the blank line, in the window */
		for (;;) {
			size_t avail = r->end - r->start;
			hlen = head_end(r->buf + r->start, avail);
			if (hlen)
				break;
			if (r->eof) {
				isnad__read_report(c, n,
				                   "truncated WARC record "
				                   "(header)");
				return ISNAD_OK;
			}
			if (avail > WARC_HEAD_MAX) {
				isnad__read_report(c, n,
				                   "WARC header too "
				                   "long");
				return ISNAD_OK;
			}
			st = isnad__rd_fill(r, avail + RD_CHUNK);
			if (st)
				return st;
		}
		h = (const char *)r->buf + r->start;
		v = header(h, h + hlen, "content-length", &vn);
		if (!v || !vn || *v < '0' || *v > '9') {
			isnad__read_report(c, n,
			                   "WARC record without a "
			                   "Content-Length");
			isnad__rd_skip(r, hlen);
			continue;
		}
		errno = 0;
		clen = strtoull(v, &end, 10);
		if (errno || end != v + vn) {
			isnad__read_report(c, n, "bad WARC Content-Length");
			isnad__rd_skip(r, hlen);
			continue;
		}
		v = header(h, h + hlen, "warc-type", &vn);
		is_response = v && vn == 8 && !memcmp(v, "response", 8);
		url[0] = '\0';
		if ((v = header(h, h + hlen, "warc-target-uri", &vn)) != NULL) {
			if (vn >= 2 && v[0] == '<' && v[vn - 1] == '>') {
				v++;
				vn -= 2;
			}
			if (vn < sizeof url)
				snprintf(url, sizeof url, "%.*s", (int)vn, v);
		}
		isnad__rd_skip(r, hlen);
		if (!is_response || clen > c->max) {
			if (is_response)
				isnad__read_report(c, n,
				                   "record of %llu bytes is "
				                   "larger than the limit of "
				                   "%zu, skipped",
				                   (unsigned long long)clen,
				                   c->max);
			st = rd_discard(r, clen);
			if (st == ISNAD_EFORMAT) {
				isnad__read_report(c, n,
				                   "truncated WARC "
				                   "record");
				return ISNAD_OK;
			}
			if (st)
				return st;
			continue;
		}
		st = isnad__rd_fill(r, (size_t)clen);
		if (st)
			return st;
		if (r->end - r->start < clen) {
			isnad__read_report(c, n,
			                   "truncated WARC record "
			                   "(%zu of %llu bytes)",
			                   r->end - r->start,
			                   (unsigned long long)clen);
			return ISNAD_OK;
		}
		warc_response(c, n, url[0] ? url : NULL,
		              (const char *)r->buf + r->start, (size_t)clen);
		isnad__rd_skip(r, (size_t)clen);
	}
	return ISNAD_OK;
}

/* ---- entry point --------------------------------------------------------- */

isnad_status isnad__read_stream_max(const char *name, FILE *f,
                                    isnad_record_fn fn, isnad_read_errfn errfn,
                                    void *ud, size_t max)
{
	struct isnad__rd r;
	struct isnad__read_ctx c;
	isnad_status st;
	size_t head;
	if (!name || !f || !fn)
		return ISNAD_EINVAL;
	memset(&c, 0, sizeof c);
	c.name = name;
	c.fn = fn;
	c.errfn = errfn;
	c.ud = ud;
	c.max = max;
	c.rd = &r;
	st = rd_open(&r, f);
	if (!st)
		st = isnad__rd_fill(&r, HEAD_LEN);
	if (st)
		goto done;
	head = r.end - r.start;
	if (!head) {
		if (!r.err)
			isnad__read_report(&c, 0, "empty input");
	} else if (isnad__looks_binary(r.buf + r.start, head)) {
		isnad__read_report(&c, 0, "binary data, not text");
	} else {
		switch (isnad_guess_format(r.buf + r.start, head)) {
		case ISNAD_FMT_TEXT:
			st = read_single(&c, 0);
			break;
		case ISNAD_FMT_HTML:
			st = read_single(&c, 1);
			break;
		case ISNAD_FMT_JSONL:
			st = read_jsonl(&c);
			break;
		case ISNAD_FMT_WARC:
			st = read_warc(&c);
			break;
		case ISNAD_FMT_FEED:
			st = isnad__read_feed(&c);
			break;
		}
	}
done:
	if (r.err && !c.stop) {
		if (r.err == ISNAD_ENOMEM)
			st = ISNAD_ENOMEM;
		else
			isnad__read_report(&c, 0, "%s", r.errmsg);
		if (r.err == ISNAD_EIO && !st)
			st = ISNAD_EIO;
	}
	rd_close(&r);
	if (st)
		return st;
	return c.bad ? ISNAD_EFORMAT : ISNAD_OK;
}

isnad_status isnad_read_stream(const char *name, FILE *f, isnad_record_fn fn,
                               isnad_read_errfn errfn, void *ud)
{
	return isnad__read_stream_max(name, f, fn, errfn, ud, ISNAD_RECORD_MAX);
}
