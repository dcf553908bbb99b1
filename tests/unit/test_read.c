/*
 * test_read.c - the readers: format guessing, text/HTML, JSON Lines, WARC,
 * RSS/Atom, gzip (streamed, concatenated, truncated), binary and empty
 * input, the record size limit, stopping early, and out-of-memory paths.
 * Fixtures are built here (small strings, gzip made with zlib) or read
 * from tests/data/read/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "harness.h"
#include "isnad/isnad.h"
#include "isnad/read.h"

isnad_status isnad__read_stream_max(const char *name, FILE *f,
                                    isnad_record_fn fn, isnad_read_errfn errfn,
                                    void *ud, size_t max);

#define MAXREC 16

struct got {
	int n, n_err, stop_after;
	char source[MAXREC][128], url[MAXREC][256], title[MAXREC][256];
	char published[MAXREC][64], outlet[MAXREC][128], charset[MAXREC][32];
	char author[MAXREC][64];
	char body[MAXREC][512];
	size_t body_len[MAXREC];
	int is_html[MAXREC];
	enum isnad_format container[MAXREC];
	char err[MAXREC][512];
};

static void cp(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s ? s : "(null)");
}

static int on_rec(const struct isnad_record *r, void *ud)
{
	struct got *g = ud;
	int i = g->n;
	if (i < MAXREC) {
		cp(g->source[i], sizeof g->source[i], r->source);
		cp(g->url[i], sizeof g->url[i], r->url);
		cp(g->title[i], sizeof g->title[i], r->title);
		cp(g->published[i], sizeof g->published[i], r->published);
		cp(g->outlet[i], sizeof g->outlet[i], r->outlet);
		cp(g->charset[i], sizeof g->charset[i], r->charset);
		cp(g->author[i], sizeof g->author[i], r->author);
		snprintf(g->body[i], sizeof g->body[i], "%.*s",
		         (int)r->body_len, r->body);
		g->body_len[i] = r->body_len;
		g->is_html[i] = r->is_html;
		g->container[i] = r->container;
		if (r->body[r->body_len] != '\0')
			harness_fail(__FILE__, __LINE__, "body not terminated");
	}
	g->n++;
	return g->stop_after && g->n >= g->stop_after;
}

static void on_err(const char *source, const char *problem, void *ud)
{
	struct got *g = ud;
	if (g->n_err < MAXREC)
		snprintf(g->err[g->n_err], sizeof g->err[0], "%s: %s", source,
		         problem);
	g->n_err++;
}

static isnad_status read_mem_max(const char *name, const void *p, size_t n,
                                 struct got *g, size_t max)
{
	FILE *f;
	isnad_status st;
	char dummy = 0;
	memset(g->source, 0, sizeof g->source);
	/* fmemopen refuses a zero size */
	f = fmemopen(n ? (void *)(uintptr_t)p : &dummy, n ? n : 1, "rb");
	if (!f)
		return ISNAD_EIO;
	if (!n)
		fgetc(f);
	st = isnad__read_stream_max(name, f, on_rec, on_err, g, max);
	fclose(f);
	return st;
}

static isnad_status read_mem(const char *name, const void *p, size_t n,
                             struct got *g)
{
	return read_mem_max(name, p, n, g, ISNAD_RECORD_MAX);
}

/* gzip of s[0..n) into a malloc'd buffer */
static unsigned char *gz(const void *s, size_t n, size_t *len_out)
{
	z_stream z;
	size_t cap = n + 256;
	unsigned char *out = malloc(cap);
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)(uintptr_t)s;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	*len_out = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

static int has_err(const struct got *g, const char *needle)
{
	for (int i = 0; i < g->n_err && i < MAXREC; i++)
		if (strstr(g->err[i], needle))
			return 1;
	return 0;
}

/* ---- guessing ------------------------------------------------------------ */

TEST(read_guess)
{
#define G(s) isnad_guess_format(s, strlen(s))
	CHECK_INT(G("كتب الرئيس"), ISNAD_FMT_TEXT);
	CHECK_INT(G("\xEF\xBB\xBF<!DOCTYPE html><html>"), ISNAD_FMT_HTML);
	CHECK_INT(G("  <html dir=rtl>"), ISNAD_FMT_HTML);
	CHECK_INT(G("<div>نص</div>"), ISNAD_FMT_HTML);
	CHECK_INT(
	    G("<?xml version=\"1.0\"?>\n<!-- x -->\n<rss version=\"2.0\">"),
	    ISNAD_FMT_FEED);
	CHECK_INT(G("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
	          ISNAD_FMT_FEED);
	CHECK_INT(G("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"),
	          ISNAD_FMT_FEED);
	CHECK_INT(G("<?xml version=\"1.0\"?><html xmlns=\"x\">"),
	          ISNAD_FMT_HTML);
	CHECK_INT(G("<feedback>"), ISNAD_FMT_HTML);
	CHECK_INT(G("{\"text\": \"x\"}\n"), ISNAD_FMT_JSONL);
	CHECK_INT(G("{ مرحبا }"), ISNAD_FMT_TEXT);
	CHECK_INT(G("WARC/1.1\r\n"), ISNAD_FMT_WARC);
	CHECK_INT(G("scraped at 10:00\n<html><body>"), ISNAD_FMT_HTML);
	CHECK_INT(G(""), ISNAD_FMT_TEXT);
#undef G
}

/* ---- text and HTML ------------------------------------------------------- */

TEST(read_text_and_html)
{
	static struct got g;
	const char *t = "قال المتحدث إن الاجتماع انتهى.\n";
	const char *h = "<html><body><p>خبر</p></body></html>";
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("a.txt", t, strlen(t), &g), ISNAD_OK);
	CHECK_INT(g.n, 1);
	CHECK_STR(g.source[0], "a.txt");
	CHECK_STR(g.body[0], t);
	CHECK_INT(g.is_html[0], 0);
	CHECK_STR(g.url[0], "(null)");
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("p.html", h, strlen(h), &g), ISNAD_OK);
	CHECK_INT(g.n, 1);
	CHECK_INT(g.is_html[0], 1);
	CHECK_INT(g.container[0], ISNAD_FMT_HTML);
	CHECK_STR(g.body[0], h);
	CHECK_INT(g.n_err, 0);
}

TEST(read_bad_inputs)
{
	static struct got g;
	static const unsigned char bin[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0,
	                                    0,    0,   0,   0,   0, 0, 0, 0,
	                                    3,    0,   62,  0,   1, 0, 0, 0};
	static const unsigned char u16[] = {0xFF, 0xFE, 0x27, 0x06,
	                                    0x44, 0x06, 0x20, 0x00};
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("prog", bin, sizeof bin, &g), ISNAD_EFORMAT);
	CHECK_INT(g.n, 0);
	CHECK_INT(g.n_err, 1);
	CHECK(has_err(&g, "prog: binary data"));
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("empty", "", 0, &g), ISNAD_EFORMAT);
	CHECK_INT(g.n, 0);
	CHECK(has_err(&g, "empty: empty input"));
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("u16", u16, sizeof u16, &g), ISNAD_OK);
	CHECK_INT(g.n, 1);
	CHECK_INT(g.body_len[0], sizeof u16);
	/* larger than the limit: reported, skipped */
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem_max("big", "0123456789abcdef", 16, &g, 8),
	          ISNAD_EFORMAT);
	CHECK_INT(g.n, 0);
	CHECK(has_err(&g, "big: larger than the limit"));
	CHECK_INT(isnad_read_stream(NULL, stdin, on_rec, on_err, &g),
	          ISNAD_EINVAL);
}

/* ---- JSON Lines ---------------------------------------------------------- */

static const char jsonl[] =
    "{\"text\": \"النص الأول\", \"url\": \"http://a.example/1\", "
    "\"title\": \"عنوان\", \"published\": \"2024-03-01\", "
    "\"outlet\": \"وكالة\", \"author\": \"كاتب\"}\n"
    "{\"text\": \"مكسور\", \n"
    "\n"
    "{\"html\": \"<p>فقرة</p>\", \"source\": \"aawsat\"}\r\n"
    "[1, 2]\n"
    "{\"title\": \"بلا نص\"}\n"
    "{\"text\": \"الأخير بلا سطر جديد\"}";

TEST(read_jsonl)
{
	static struct got g;
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("x.jsonl", jsonl, strlen(jsonl), &g), ISNAD_EFORMAT);
	CHECK_INT(g.n, 3);
	CHECK_STR(g.source[0], "x.jsonl#1");
	CHECK_STR(g.body[0], "النص الأول");
	CHECK_STR(g.url[0], "http://a.example/1");
	CHECK_STR(g.title[0], "عنوان");
	CHECK_STR(g.published[0], "2024-03-01");
	CHECK_STR(g.outlet[0], "وكالة");
	CHECK_STR(g.author[0], "كاتب");
	CHECK_INT(g.is_html[0], 0);
	CHECK_INT(g.container[0], ISNAD_FMT_JSONL);
	CHECK_STR(g.source[1], "x.jsonl#4");
	CHECK_STR(g.body[1], "<p>فقرة</p>");
	CHECK_INT(g.is_html[1], 1);
	CHECK_STR(g.outlet[1], "aawsat");
	CHECK_STR(g.source[2], "x.jsonl#7");
	CHECK_INT(g.n_err, 3);
	CHECK(has_err(&g, "x.jsonl#2: invalid JSON"));
	CHECK(has_err(&g, "x.jsonl#5: not a JSON object"));
	CHECK(has_err(&g, "x.jsonl#6: no \"text\" or \"html\""));
}

TEST(read_jsonl_stop_and_limit)
{
	static struct got g;
	const char *s =
	    "{\"text\":\"a\"}\n{\"text\":\"bbbbbbbbbbbbbbbbbbbbbbb\"}"
	    "\n{\"text\":\"c\"}\n";
	memset(&g, 0, sizeof g);
	g.stop_after = 1;
	CHECK_INT(read_mem("s", s, strlen(s), &g), ISNAD_OK);
	CHECK_INT(g.n, 1);
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem_max("s", s, strlen(s), &g, 20), ISNAD_EFORMAT);
	CHECK_INT(g.n, 2);
	CHECK_STR(g.source[1], "s#3");
	CHECK(has_err(&g, "s#2: line longer than the limit"));
}

/* ---- WARC ---------------------------------------------------------------- */

static size_t warc_rec(char *out, size_t cap, const char *type, const char *uri,
                       const char *block, size_t blen)
{
	int n = snprintf(out, cap,
	                 "WARC/1.1\r\nWARC-Type: %s\r\n"
	                 "WARC-Target-URI: %s\r\n"
	                 "WARC-Record-ID: <urn:uuid:1>\r\n"
	                 "Content-Length: %zu\r\n\r\n",
	                 type, uri, blen);
	memcpy(out + n, block, blen);
	memcpy(out + n + blen, "\r\n\r\n", 4);
	return (size_t)n + blen + 4;
}

TEST(read_warc)
{
	static struct got g;
	static char w[16384];
	const char *r1 = "HTTP/1.1 200 OK\r\n"
	                 "Server: a-server-with-a-long-name/1.0\r\n"
	                 "Content-Type: text/html; charset=\"windows-1256\"\r\n"
	                 "\r\n<html><body>\xc7\xe1\xce\xc8\xd1</body></html>";
	const char *req = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
	const char *r404 = "HTTP/1.1 404 Not Found\r\n\r\nno";
	const char *rimg = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
	                   "\r\n\x89PNG";
	const char *rchunk = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
	                     "Content-Type: text/plain\r\n\r\n"
	                     "4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n";
	char rgz[512];
	size_t zl, n = 0, hl;
	unsigned char *z = gz("<p>مضغوط</p>", strlen("<p>مضغوط</p>"), &zl);
	hl = (size_t)snprintf(rgz, sizeof rgz,
	                      "HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n"
	                      "Content-Type: text/html\r\n\r\n");
	memcpy(rgz + hl, z, zl);
	free(z);
	n += warc_rec(w + n, sizeof w - n, "warcinfo", "", "x: y\r\n", 6);
	n += warc_rec(w + n, sizeof w - n, "request", "http://a/1", req,
	              strlen(req));
	n += warc_rec(w + n, sizeof w - n, "response", "http://a/1", r1,
	              strlen(r1));
	n += warc_rec(w + n, sizeof w - n, "response", "<http://a/404>", r404,
	              strlen(r404));
	n += warc_rec(w + n, sizeof w - n, "response", "http://a/i.png", rimg,
	              strlen(rimg));
	n += warc_rec(w + n, sizeof w - n, "response", "http://a/c", rchunk,
	              strlen(rchunk));
	n += warc_rec(w + n, sizeof w - n, "response", "http://a/z", rgz,
	              hl + zl);
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("c.warc", w, n, &g), ISNAD_OK);
	CHECK_INT(g.n_err, 0);
	CHECK_INT(g.n, 3);
	CHECK_STR(g.source[0], "c.warc#3");
	CHECK_STR(g.url[0], "http://a/1");
	CHECK_STR(g.charset[0], "windows-1256");
	CHECK_INT(g.is_html[0], 1);
	CHECK_INT(g.container[0], ISNAD_FMT_WARC);
	CHECK_STR(g.body[0], "<html><body>\xc7\xe1\xce\xc8\xd1</body></html>");
	CHECK_STR(g.source[1], "c.warc#6");
	CHECK_STR(g.body[1], "abcdefg");
	CHECK_INT(g.is_html[1], 0);
	CHECK_STR(g.charset[1], "(null)");
	CHECK_STR(g.source[2], "c.warc#7");
	CHECK_STR(g.body[2], "<p>مضغوط</p>");

	/* the same, gzipped per record as .warc.gz files are */
	{
		unsigned char *all = malloc(2 * n + 4096);
		size_t at = 0, off = 0;
		while (off < n) {
			/* cut at each record start */
			size_t next = off + 1, zn;
			unsigned char *m;
			while (next < n && memcmp(w + next, "WARC/1.1", 8))
				next++;
			m = gz(w + off, next - off, &zn);
			memcpy(all + at, m, zn);
			at += zn;
			free(m);
			off = next;
		}
		memset(&g, 0, sizeof g);
		CHECK_INT(read_mem("c.warc.gz", all, at, &g), ISNAD_OK);
		CHECK_INT(g.n, 3);
		CHECK_STR(g.body[2], "<p>مضغوط</p>");
		/* truncated in the middle of a member */
		memset(&g, 0, sizeof g);
		CHECK_INT(read_mem("t.warc.gz", all, at - 30, &g),
		          ISNAD_EFORMAT);
		CHECK_INT(g.n, 2);
		CHECK(has_err(&g, "t.warc.gz: truncated gzip data"));
		free(all);
	}

	/* truncated WARC: the block ends early */
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("t.warc", w, n - 20, &g), ISNAD_EFORMAT);
	CHECK_INT(g.n, 2);
	CHECK(has_err(&g, "t.warc#7: truncated WARC record"));
	/* the record limit */
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem_max("l.warc", w, n, &g, strlen(rchunk)),
	          ISNAD_EFORMAT);
	CHECK_INT(g.n, 1);
	CHECK_STR(g.body[0], "abcdefg");
	CHECK(has_err(&g, "l.warc#3: record of"));
	CHECK(has_err(&g, "l.warc#7: record of"));
}

TEST(read_warc_resync)
{
	static struct got g;
	const char *w = "WARC/1.0\r\nWARC-Type: response\r\n"
	                "Content-Length: 40\r\n\r\n"
	                "HTTP/1.1 200 OK\r\n\r\nplain text body ok!\r\n\r\n"
	                "garbage line\r\nmore garbage\r\n"
	                "WARC/1.0\r\nWARC-Type: response\r\n"
	                "Content-Length: 25\r\n\r\n"
	                "HTTP/1.1 200 OK\r\n\r\nsecond\r\n\r\n"
	                "WARC/1.0\r\nWARC-Type: response\r\n\r\n";
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("r.warc", w, strlen(w), &g), ISNAD_EFORMAT);
	CHECK_INT(g.n, 2);
	CHECK_STR(g.body[0], "plain text body ok!\r\n");
	CHECK_STR(g.body[1], "second");
	CHECK(has_err(&g, "r.warc#2: not a WARC record header"));
	CHECK(has_err(&g, "without a Content-Length"));
}

/* ---- feeds --------------------------------------------------------------- */

TEST(read_rss)
{
	static struct got g;
	const char *rss =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!DOCTYPE rss [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>\n"
	    "<rss version=\"2.0\" "
	    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	    "<channel><title> صحيفة الأمس </title><link>http://n/</link>\n"
	    "<item><title>خبر أول</title><link> http://n/1 </link>\n"
	    "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>\n"
	    "<description>&lt;p&gt;ملخص&lt;/p&gt;</description>\n"
	    "<content:encoded><![CDATA[<p>النص الكامل</p>]]></content:encoded>"
	    "<dc:creator>مراسلنا</dc:creator>"
	    "</item>\n"
	    "<item><title>خبر ثان &ext;</title>"
	    "<guid>http://n/2</guid><dc:date>2024-03-06</dc:date>"
	    "<description>&lt;p&gt;وصف فقط&lt;/p&gt;</description></item>\n"
	    "</channel></rss>\n";
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("f.rss", rss, strlen(rss), &g), ISNAD_OK);
	CHECK_INT(g.n, 2);
	CHECK_INT(g.n_err, 0);
	CHECK_STR(g.source[0], "f.rss#1");
	CHECK_STR(g.url[0], "http://n/1");
	CHECK_STR(g.title[0], "خبر أول");
	CHECK_STR(g.published[0], "Tue, 05 Mar 2024 10:00:00 GMT");
	CHECK_STR(g.body[0], "<p>النص الكامل</p>");
	CHECK_STR(g.outlet[0], "صحيفة الأمس");
	CHECK_STR(g.author[0], "مراسلنا");
	CHECK_STR(g.charset[0], "UTF-8");
	CHECK_INT(g.is_html[0], 1);
	CHECK_INT(g.container[0], ISNAD_FMT_FEED);
	CHECK_STR(g.url[1], "http://n/2");
	CHECK_STR(g.published[1], "2024-03-06");
	CHECK_STR(g.body[1], "<p>وصف فقط</p>");
	/* the external entity is not loaded */
	CHECK(!strstr(g.title[1], "root"));
}

TEST(read_atom)
{
	static struct got g;
	const char *atom =
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
	    "<title>موقع</title>"
	    "<entry><title>أ</title>"
	    "<link rel=\"enclosure\" href=\"http://m/a.mp3\"/>"
	    "<link href=\"http://m/a\"/>"
	    "<updated>2024-01-02T00:00:00Z</updated>"
	    "<published>2024-01-01T00:00:00Z</published>"
	    "<author><name>فلان</name><email>x@m</email></author>"
	    "<summary>قصير</summary>"
	    "<content type=\"xhtml\"><div "
	    "xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>طويل</p></div></content></entry>"
	    "<entry><title>ب</title><link rel=\"alternate\" "
	    "href=\"http://m/b\"/>"
	    "<updated>2024-01-03</updated>"
	    "<content type=\"text\">نص عادي</content></entry>"
	    "<entry><title>ج</title><summary type=\"html\">&lt;b&gt;ملخص"
	    "&lt;/b&gt;</summary></entry>"
	    "</feed>";
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("a.atom", atom, strlen(atom), &g), ISNAD_OK);
	CHECK_INT(g.n, 3);
	CHECK_STR(g.url[0], "http://m/a");
	CHECK_STR(g.published[0], "2024-01-01T00:00:00Z");
	CHECK_STR(g.author[0], "فلان");
	CHECK_STR(g.outlet[0], "موقع");
	CHECK(strstr(g.body[0], "<p>طويل</p>") != NULL);
	CHECK_INT(g.is_html[0], 1);
	CHECK_STR(g.url[1], "http://m/b");
	CHECK_STR(g.published[1], "2024-01-03");
	CHECK_STR(g.body[1], "نص عادي");
	CHECK_INT(g.is_html[1], 0);
	CHECK_STR(g.url[2], "(null)");
	CHECK_STR(g.body[2], "<b>ملخص</b>");
}

TEST(read_feed_broken)
{
	static struct got g;
	const char *rss = "<rss><channel><item><title>سليم</title>"
	                  "<link>http://n/1</link></item>"
	                  "<item><title>مكسور</title><link>http://n/2";
	memset(&g, 0, sizeof g);
	CHECK(read_mem("b.rss", rss, strlen(rss), &g) == ISNAD_EFORMAT);
	CHECK(g.n >= 1);
	CHECK_STR(g.title[0], "سليم");
	CHECK(has_err(&g, "b.rss: malformed feed"));
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("e.rss", "<rss></rss>", 11, &g), ISNAD_EFORMAT);
	CHECK(has_err(&g, "e.rss: feed without items"));
}

/* ---- gzip ---------------------------------------------------------------- */

TEST(read_gzip)
{
	static struct got g;
	const char *a = "{\"text\":\"أ\"}\n", *b = "{\"text\":\"ب\"}\n";
	size_t la, lb;
	unsigned char *za = gz(a, strlen(a), &la), *zb = gz(b, strlen(b), &lb);
	unsigned char *cat = malloc(la + lb + 8);
	memcpy(cat, za, la);
	memcpy(cat + la, zb, lb);
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("c.jsonl.gz", cat, la + lb, &g), ISNAD_OK);
	CHECK_INT(g.n, 2);
	CHECK_STR(g.body[1], "ب");
	CHECK_STR(g.source[1], "c.jsonl.gz#2");
	/* trailing zero padding is ignored, as gzip does */
	memset(cat + la + lb, 0, 8);
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("p.gz", cat, la + lb + 8, &g), ISNAD_OK);
	CHECK_INT(g.n, 2);
	/* truncated */
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("t.gz", za, la - 6, &g), ISNAD_EFORMAT);
	CHECK(has_err(&g, "t.gz: truncated gzip data"));
	/* corrupt */
	za[12] ^= 0xFF;
	za[13] ^= 0xFF;
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("x.gz", za, la, &g), ISNAD_EFORMAT);
	CHECK(g.n_err >= 1);
	free(za);
	free(zb);
	free(cat);
}

/* A gzip of a text larger than several read chunks, to exercise the
 * window: one record, all bytes. */
TEST(read_gzip_large)
{
	static struct got g;
	size_t n = 3u << 20, zl, i;
	char *t = malloc(n);
	unsigned char *z;
	for (i = 0; i < n; i++)
		t[i] = (i % 61 == 60) ? '\n' : (char)('a' + i % 26);
	z = gz(t, n, &zl);
	memset(&g, 0, sizeof g);
	CHECK_INT(read_mem("big.txt.gz", z, zl, &g), ISNAD_OK);
	CHECK_INT(g.n, 1);
	CHECK_INT(g.body_len[0], n);
	free(t);
	free(z);
}

/* ---- fixture files ------------------------------------------------------- */

static void read_file(const char *path, struct got *g, isnad_status want)
{
	FILE *f = fopen(path, "rb");
	memset(g, 0, sizeof *g);
	if (!f) {
		harness_fail(__FILE__, __LINE__, "cannot open %s", path);
		return;
	}
	CHECK_INT(isnad_read_stream(path, f, on_rec, on_err, g), want);
	fclose(f);
}

TEST(read_fixture_files)
{
	static struct got g;
	read_file("tests/data/read/feed.rss", &g, ISNAD_OK);
	CHECK_INT(g.n, 2);
	read_file("tests/data/read/feed.atom", &g, ISNAD_OK);
	CHECK_INT(g.n, 2);
	read_file("tests/data/read/pages.warc", &g, ISNAD_OK);
	CHECK_INT(g.n, 2);
	CHECK_STR(g.charset[0], "utf-8");
	read_file("tests/data/read/pages.warc.gz", &g, ISNAD_OK);
	CHECK_INT(g.n, 2);
	read_file("tests/data/read/truncated.warc.gz", &g, ISNAD_EFORMAT);
	CHECK(has_err(&g, "truncated"));
	read_file("tests/data/read/broken.jsonl", &g, ISNAD_EFORMAT);
	CHECK_INT(g.n, 2);
	CHECK_INT(g.n_err, 1);
	read_file("tests/data/read/broken.jsonl.gz", &g, ISNAD_EFORMAT);
	CHECK_INT(g.n, 2);
}

/* ---- out of memory ------------------------------------------------------- */

TEST(read_oom)
{
	static struct got g;
	const char *inputs[] = {jsonl,
	                        "<rss><channel><item><title>ع</title>"
	                        "<link>http://n/1</link></item>"
	                        "</channel></rss>",
	                        "WARC/1.0\r\nWARC-Type: response\r\n"
	                        "Content-Length: 25\r\n\r\n"
	                        "HTTP/1.1 200 OK\r\n\r\nsecond\r\n\r\n"};
	for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++)
		for (int i = 0; i < 40; i++) {
			isnad_status st;
			memset(&g, 0, sizeof g);
			harness_fail_allocs_after(i);
			st = read_mem("oom", inputs[k], strlen(inputs[k]), &g);
			harness_fail_allocs_after(-1);
			CHECK(st == ISNAD_OK || st == ISNAD_ENOMEM ||
			      st == ISNAD_EFORMAT);
		}
}
