/*
 * boiler.c - main text and metadata of an HTML page.
 *
 * The page is decoded to UTF-8 first (charset hint, BOM, <meta>, then
 * detection) and parsed by libxml2's forgiving HTML parser.  One iterative
 * walk (no recursion: nesting depth is unbounded in the input) cuts the body
 * into blocks: the text between block-level tags, white space collapsed,
 * <br> kept as "\n", with its length, its share of link text and the
 * block-level element that holds it.  Each block is "content" (long, or
 * punctuated, and not made of links) or "boilerplate"; every element gets
 * the content and boilerplate weight of its subtree, and the article body is
 * the element that maximises content - ALPHA * boilerplate, with the page's
 * own article markup and class names as weak signals.  Inside it, link lists,
 * blocks under comment/share/related-style containers and short edge blocks
 * (bylines, "share" lines) are dropped.  Paragraphs are joined by "\n\n".
 *
 * Invariants: the walk keeps per-element records in pre-order, so a parent's
 * index is below its children's and a subtree is a contiguous range;
 * records stop being made below MAX_DEPTH block levels, so memory is linear
 * in the page and deep nesting costs nothing extra.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "boiler_int.h"
#include "isnad/buf.h"
#include "isnad/text.h"
#include "isnad_int.h"

#define MAX_DEPTH 256 /* block nesting kept as separate records */
#ifndef ALPHA
#define ALPHA 0.55 /* cost of one boilerplate char vs one content char */
#endif
#define MARKUP_BONUS 0.12
#ifndef LOCAL
#define LOCAL 4 /* levels a paragraph counts for its ancestors */
#endif

struct rec {
	xmlNode *node;
	int parent; /* record index, -1 for the root */
	int end;    /* one past the last record of the subtree */
	int depth;
	signed char cls;   /* class/id signal: -1 boilerplate, +1 article */
	unsigned char neg; /* under a boilerplate container */
	unsigned char art; /* article markup (<article>, articleBody) */
	double good, bad;  /* subtree sums */
	double local;      /* content of blocks at most LOCAL levels down */
};

struct blk {
	size_t off, len; /* into ctx.text */
	int rec;
	int chars, link, commas;
	unsigned char heading;  /* 1..6 for h1..h6 */
	unsigned char terminal; /* ends with sentence punctuation */
	unsigned char content;
	unsigned char keep;
};

struct ctx {
	struct rec *r;
	int nr, cr;
	struct blk *b;
	int nb, cb;
	struct isnad_buf text; /* all blocks, back to back */
	size_t cur_off;        /* start of the open block in text */
	int cur_chars, cur_link, cur_commas;
	int cur_rec; /* innermost block record */
	int in_link, in_pre;
	int pending_space;
	int heading; /* open h1..h6 level */
	isnad_status st;
	/* metadata */
	char *m_title, *m_ogtitle, *m_h1, *m_site, *m_url, *m_canon;
	char *m_date, *m_author, *m_ldtitle, *m_lddate, *m_ldauthor;
	char *m_timedate, *m_ldpub;
	struct isnad_page *page;
};

/* ---- small helpers ------------------------------------------------------- */

static int name_is(const xmlNode *n, const char *s)
{
	return n->name && strcmp((const char *)n->name, s) == 0;
}

static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, name) == 0) {
			if (a->children && a->children->type == XML_TEXT_NODE &&
			    a->children->content)
				return (const char *)a->children->content;
			return "";
		}
	return NULL;
}

static int ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y + 32);
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int icontains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i;
		for (i = 0; i < n; i++) {
			char x = hay[i];
			if (!x)
				return 0;
			if (x >= 'A' && x <= 'Z')
				x = (char)(x + 32);
			if (x != needle[i])
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

static void set_once(struct ctx *c, char **slot, const char *v)
{
	if (*slot || !v || c->st)
		return;
	*slot = isnad__bclean(v, strlen(v));
	/* NULL is also "empty"; only OOM matters, and it is rare enough to
	 * be caught by the final copies */
}

static void set_text_once(struct ctx *c, char **slot, const xmlNode *n);

/* ---- the walk: tags ------------------------------------------------------ */

enum { K_INLINE, K_BLOCK, K_SKIP };

struct tagk {
	const char *name;
	int kind;
};

/* sorted by name for bsearch: a page has thousands of elements */
static const struct tagk tags[] = {
    {"address", K_BLOCK},    {"article", K_BLOCK},    {"aside", K_SKIP},
    {"audio", K_SKIP},       {"blockquote", K_BLOCK}, {"body", K_BLOCK},
    {"button", K_SKIP},      {"canvas", K_SKIP},      {"caption", K_BLOCK},
    {"center", K_BLOCK},     {"dd", K_BLOCK},         {"details", K_BLOCK},
    {"dialog", K_SKIP},      {"div", K_BLOCK},        {"dl", K_BLOCK},
    {"dt", K_BLOCK},         {"embed", K_SKIP},       {"fieldset", K_BLOCK},
    {"figcaption", K_BLOCK}, {"figure", K_BLOCK},     {"footer", K_SKIP},
    {"form", K_BLOCK},       {"head", K_SKIP},        {"header", K_BLOCK},
    {"hr", K_BLOCK},         {"html", K_BLOCK},       {"iframe", K_SKIP},
    {"input", K_SKIP},       {"legend", K_BLOCK},     {"li", K_BLOCK},
    {"link", K_SKIP},        {"main", K_BLOCK},       {"map", K_SKIP},
    {"math", K_SKIP},        {"menu", K_SKIP},        {"meta", K_SKIP},
    {"nav", K_SKIP},         {"noscript", K_SKIP},    {"object", K_SKIP},
    {"ol", K_BLOCK},         {"option", K_SKIP},      {"p", K_BLOCK},
    {"pre", K_BLOCK},        {"script", K_SKIP},      {"section", K_BLOCK},
    {"select", K_SKIP},      {"style", K_SKIP},       {"summary", K_BLOCK},
    {"svg", K_SKIP},         {"table", K_BLOCK},      {"tbody", K_BLOCK},
    {"td", K_BLOCK},         {"template", K_SKIP},    {"textarea", K_SKIP},
    {"tfoot", K_BLOCK},      {"th", K_BLOCK},         {"thead", K_BLOCK},
    {"title", K_SKIP},       {"tr", K_BLOCK},         {"ul", K_BLOCK},
    {"video", K_SKIP},
};

static int tagk_cmp(const void *k, const void *e)
{
	return strcmp((const char *)k, ((const struct tagk *)e)->name);
}

static int tag_kind(const xmlNode *n, int *heading)
{
	const char *nm = (const char *)n->name;
	const struct tagk *t;
	*heading = 0;
	if (!nm)
		return K_INLINE;
	if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && !nm[2]) {
		*heading = nm[1] - '0';
		return K_BLOCK;
	}
	t = bsearch(nm, tags, ISNAD_ARRAY_LEN(tags), sizeof(tags[0]), tagk_cmp);
	return t ? t->kind : K_INLINE;
}

static int hidden(const xmlNode *n)
{
	const char *a;
	if (attr(n, "hidden"))
		return 1;
	a = attr(n, "aria-hidden");
	if (a && ieq(a, "true"))
		return 1;
	a = attr(n, "style");
	if (a) {
		char buf[96];
		size_t o = 0;
		for (; *a && o + 1 < sizeof(buf); a++)
			if (*a != ' ' && *a != '\t')
				buf[o++] = *a;
		buf[o] = '\0';
		if (icontains(buf, "display:none") ||
		    icontains(buf, "visibility:hidden"))
			return 1;
	}
	return 0;
}

/* Class and id words: weak signals.  Boilerplate words win over article
 * words ("article-comments" is comments). */
static int class_signal(const xmlNode *n)
{
	static const char *const bad[] = {
	    "comment",     "comments",   "disqus",        "share",
	    "sharing",     "social",     "related",       "sidebar",
	    "footer",      "menu",       "nav",           "navbar",
	    "navigation",  "breadcrumb", "breadcrumbs",   "sponsor",
	    "sponsored",   "outbrain",   "taboola",       "popup",
	    "modal",       "cookie",     "cookies",       "newsletter",
	    "subscribe",   "signup",     "promo",         "advert",
	    "ad",          "ads",        "advertisement", "pagination",
	    "pager",       "tags",       "rss",           "login",
	    "recommended", "shoutbox",   "skyscraper",    "gdpr",
	    "replies",     "community",  "combx",         "remark"};
	/* as in Readability's "maybe candidate": these words keep an element
	 * that also carries a boilerplate word */
	static const char *const good[] = {
	    "article", "articlebody", "content", "entry", "main",
	    "post",    "story",       "text",    "body",  "column"};
	int neg = 0;
	const char *vals[2];
	int g = 0;
	vals[0] = attr(n, "class");
	vals[1] = attr(n, "id");
	for (int v = 0; v < 2; v++) {
		const char *s = vals[v];
		if (!s)
			continue;
		while (*s) {
			char w[32];
			size_t k = 0;
			while (*s && (*s == ' ' || *s == '-' || *s == '_' ||
			              *s == '\t' || *s == '\n'))
				s++;
			while (*s && *s != ' ' && *s != '-' && *s != '_' &&
			       *s != '\t' && *s != '\n') {
				if (k + 1 < sizeof(w)) {
					char x = *s;
					if (x >= 'A' && x <= 'Z')
						x = (char)(x + 32);
					w[k++] = x;
				}
				s++;
			}
			w[k] = '\0';
			if (!k)
				continue;
			for (size_t i = 0; i < ISNAD_ARRAY_LEN(bad); i++)
				if (strcmp(w, bad[i]) == 0)
					neg = 1;
			for (size_t i = 0; i < ISNAD_ARRAY_LEN(good); i++)
				if (strcmp(w, good[i]) == 0)
					g = 1;
		}
	}
	return g ? 1 : neg ? -1 : 0;
}

/* ---- the walk: text ------------------------------------------------------ */

static int is_terminal(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x61F ||
	       cp == 0x6D4 || cp == 0x2026 || cp == '"' || cp == 0xBB ||
	       cp == 0x201D || cp == ')' || cp == ':';
}

static void flush(struct ctx *c)
{
	struct isnad_buf *t = &c->text;
	struct blk *b;
	while (t->len > c->cur_off &&
	       (t->s[t->len - 1] == ' ' || t->s[t->len - 1] == '\n'))
		t->len--;
	t->s[t->len] = '\0';
	c->pending_space = 0;
	if (t->len == c->cur_off || c->st) {
		c->cur_chars = c->cur_link = c->cur_commas = 0;
		return;
	}
	if (c->nb == c->cb) {
		int nc = c->cb ? c->cb * 2 : 64;
		struct blk *nbk =
		    isnad_realloc(c->b, (size_t)nc * sizeof(*nbk));
		if (!nbk) {
			c->st = ISNAD_ENOMEM;
			return;
		}
		c->b = nbk;
		c->cb = nc;
	}
	b = &c->b[c->nb++];
	memset(b, 0, sizeof(*b));
	b->off = c->cur_off;
	b->len = t->len - c->cur_off;
	b->rec = c->cur_rec;
	b->chars = c->cur_chars;
	b->link = c->cur_link;
	b->commas = c->cur_commas;
	b->heading = (unsigned char)c->heading;
	{
		/* last code point */
		size_t i = t->len;
		uint32_t cp = 0;
		while (i > c->cur_off &&
		       ((unsigned char)t->s[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > c->cur_off)
			i--;
		while (i > c->cur_off &&
		       ((unsigned char)t->s[i] & 0xC0) == 0x80)
			i--;
		isnad__utf8_decode((const unsigned char *)t->s + i, t->len - i,
		                   &cp);
		b->terminal = (unsigned char)is_terminal(cp);
	}
	c->st = isnad_buf_addc(t, '\0');
	c->cur_off = t->len;
	c->cur_chars = c->cur_link = c->cur_commas = 0;
}

static void add_text(struct ctx *c, const char *s, size_t len)
{
	struct isnad_buf *t = &c->text;
	size_t i = 0;
	if (c->st)
		return;
	if ((c->st = isnad_buf_grow(t, len + 1)) != ISNAD_OK)
		return;
	while (i < len) {
		uint32_t cp;
		size_t n = isnad__utf8_decode((const unsigned char *)s + i,
		                              len - i, &cp);
		int ws = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		         cp == '\f' || cp == 0xA0;
		if (c->in_pre && cp != 0xA0 && ws) {
			if (cp != '\r')
				t->s[t->len++] = (char)cp;
			i += n;
			continue;
		}
		if (ws) {
			c->pending_space = 1;
			i += n;
			continue;
		}
		if (cp == 0 || (cp < 0x20) || cp == 0xFEFF) {
			i += n;
			continue;
		}
		if (c->pending_space && t->len > c->cur_off &&
		    t->s[t->len - 1] != '\n') {
			if ((c->st = isnad_buf_grow(t, len - i + 1)) !=
			    ISNAD_OK)
				return;
			t->s[t->len++] = ' ';
		}
		c->pending_space = 0;
		memcpy(t->s + t->len, s + i, n);
		t->len += n;
		c->cur_chars++;
		if (c->in_link)
			c->cur_link++;
		if (cp == ',' || cp == 0x60C)
			c->cur_commas++;
		i += n;
	}
	t->s[t->len] = '\0';
}

static void add_br(struct ctx *c)
{
	struct isnad_buf *t = &c->text;
	size_t nl = 0;
	if (c->st || t->len == c->cur_off)
		return;
	while (t->len > c->cur_off && t->s[t->len - 1] == ' ')
		t->len--;
	for (size_t i = t->len; i > c->cur_off && t->s[i - 1] == '\n'; i--)
		nl++;
	c->pending_space = 0;
	if (nl < 2)
		c->st = isnad_buf_addc(t, '\n');
}

static int new_rec(struct ctx *c, xmlNode *n)
{
	struct rec *r;
	if (c->nr == c->cr) {
		int nc = c->cr ? c->cr * 2 : 64;
		struct rec *nrr =
		    isnad_realloc(c->r, (size_t)nc * sizeof(*nrr));
		if (!nrr) {
			c->st = ISNAD_ENOMEM;
			return -1;
		}
		c->r = nrr;
		c->cr = nc;
	}
	r = &c->r[c->nr];
	memset(r, 0, sizeof(*r));
	r->node = n;
	r->parent = c->cur_rec;
	r->depth = c->cur_rec >= 0 ? c->r[c->cur_rec].depth + 1 : 0;
	if (!name_is(n, "body") && !name_is(n, "html"))
		r->cls = (signed char)class_signal(n);
	{
		const char *ip = attr(n, "itemprop");
		r->art = name_is(n, "article") ||
		         (ip && icontains(ip, "articlebody"));
	}
	return c->nr++;
}

#define MARK_INLINE ((void *)1)

/* Returns 1 to descend into n. */
static int enter(struct ctx *c, xmlNode *n)
{
	int kind, h;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			add_text(c, (const char *)n->content,
			         strlen((const char *)n->content));
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	n->_private = NULL;
	kind = tag_kind(n, &h);
	if (kind == K_SKIP || hidden(n))
		return 0;
	if (name_is(n, "br")) {
		add_br(c);
		return 0;
	}
	if (kind == K_BLOCK) {
		flush(c);
		if (c->cur_rec < 0 || c->r[c->cur_rec].depth < MAX_DEPTH) {
			int i = new_rec(c, n);
			if (i < 0)
				return 0;
			c->cur_rec = i;
			n->_private = (void *)(uintptr_t)(i + 2);
		} else {
			n->_private = MARK_INLINE;
		}
		if (h)
			c->heading = h;
		if (name_is(n, "pre"))
			c->in_pre++;
		return 1;
	}
	if (name_is(n, "a"))
		c->in_link++;
	n->_private = MARK_INLINE;
	return 1;
}

static void leave(struct ctx *c, xmlNode *n)
{
	uintptr_t m;
	if (n->type != XML_ELEMENT_NODE || !n->_private)
		return;
	m = (uintptr_t)n->_private;
	if (m >= 2 || (n->name && tag_kind(n, &(int){0}) == K_BLOCK))
		flush(c);
	if (m >= 2) {
		int i = (int)(m - 2);
		c->r[i].end = c->nr;
		c->cur_rec = c->r[i].parent;
	}
	if (name_is(n, "pre") && c->in_pre)
		c->in_pre--;
	if (n->name && n->name[0] == 'h' && n->name[1] >= '1' &&
	    n->name[1] <= '6' && !n->name[2])
		c->heading = 0;
	if (name_is(n, "a") && c->in_link)
		c->in_link--;
	n->_private = NULL;
}

static void walk(struct ctx *c, xmlNode *root)
{
	xmlNode *n = root;
	while (n && !c->st) {
		int d = enter(c, n);
		if (d && n->children) {
			n = n->children;
			continue;
		}
		if (d)
			leave(c, n);
		while (n != root && !n->next) {
			n = n->parent;
			leave(c, n);
		}
		if (n == root)
			break;
		n = n->next;
	}
	flush(c);
}

/* ---- metadata ------------------------------------------------------------ */

/* Text of an element's subtree, white space collapsed, at most cap bytes;
 * iterative like the walk. */
/* script and style hold no text a reader sees */
static int skipped(const xmlNode *n)
{
	return name_is(n, "script") || name_is(n, "style");
}

/* The node after n in document order within root, into n's children only
 * when descend; NULL when the walk is over.  Iterative, so a page nested
 * 100,000 deep does not exhaust the stack. */
static const xmlNode *next_node(const xmlNode *n, const xmlNode *root,
                                int descend)
{
	if (descend && n->children)
		return n->children;
	while (n != root && !n->next)
		n = n->parent;
	return n == root ? NULL : n->next;
}

static char *node_text(const xmlNode *root, size_t cap)
{
	struct isnad_buf b;
	const xmlNode *n = root->children;
	char *r;
	isnad_buf_init(&b, 0);
	while (n && b.len < cap) {
		if ((n->type == XML_TEXT_NODE ||
		     n->type == XML_CDATA_SECTION_NODE) &&
		    n->content) {
			if (isnad_buf_adds(&b, (const char *)n->content) ||
			    isnad_buf_addc(&b, ' '))
				break;
		}
		n = next_node(n, root,
		              n->type == XML_ELEMENT_NODE && !skipped(n));
	}
	r = isnad__bclean(b.s, b.len < cap ? b.len : cap);
	isnad_buf_release(&b);
	return r;
}

static void set_text_once(struct ctx *c, char **slot, const xmlNode *n)
{
	(void)c;
	if (*slot)
		return;
	*slot = node_text(n, 2000);
}

static void ld_take(struct ctx *c, json_t *o, int depth)
{
	if (depth > 8 || !o)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *v;
		json_array_foreach(o, i, v) ld_take(c, v, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	{
		json_t *v = json_object_get(o, "datePublished");
		if (json_is_string(v))
			set_once(c, &c->m_lddate, json_string_value(v));
		v = json_object_get(o, "headline");
		if (json_is_string(v))
			set_once(c, &c->m_ldtitle, json_string_value(v));
		v = json_object_get(o, "author");
		if (json_is_array(v))
			v = json_array_get(v, 0);
		if (json_is_object(v))
			v = json_object_get(v, "name");
		if (json_is_string(v) && json_object_get(o, "datePublished"))
			set_once(c, &c->m_ldauthor, json_string_value(v));
		v = json_object_get(o, "publisher");
		if (json_is_object(v))
			v = json_object_get(v, "name");
		if (json_is_string(v))
			set_once(c, &c->m_ldpub, json_string_value(v));
		v = json_object_get(o, "@graph");
		if (v)
			ld_take(c, v, depth + 1);
		v = json_object_get(o, "mainEntity");
		if (v)
			ld_take(c, v, depth + 1);
	}
}

static void meta_el(struct ctx *c, const xmlNode *n)
{
	struct isnad_page *p = c->page;
	if (name_is(n, "meta")) {
		const char *k = attr(n, "property");
		const char *v = attr(n, "content");
		if (!k)
			k = attr(n, "name");
		if (!k)
			k = attr(n, "itemprop");
		if (!k || !v)
			return;
		if (ieq(k, "og:title"))
			set_once(c, &c->m_ogtitle, v);
		else if (ieq(k, "og:site_name"))
			set_once(c, &c->m_site, v);
		else if (ieq(k, "og:url"))
			set_once(c, &c->m_url, v);
		else if (ieq(k, "article:published_time") ||
		         ieq(k, "og:published_time") ||
		         ieq(k, "datePublished") || ieq(k, "pubdate") ||
		         ieq(k, "publishdate") || ieq(k, "publish-date") ||
		         ieq(k, "publish_date") || ieq(k, "dc.date.issued") ||
		         ieq(k, "dcterms.date") || ieq(k, "dc.date") ||
		         ieq(k, "sailthru.date") ||
		         ieq(k, "parsely-pub-date") ||
		         ieq(k, "article.published") || ieq(k, "date") ||
		         ieq(k, "release_date") || ieq(k, "datepublished"))
			set_once(c, &c->m_date, v);
		else if (ieq(k, "author") || ieq(k, "article:author") ||
		         ieq(k, "dc.creator") || ieq(k, "byl")) {
			if (!strstr(v, "://"))
				set_once(c, &c->m_author, v);
		} else if (ieq(k, "keywords") || ieq(k, "news_keywords") ||
		           ieq(k, "article:tag")) {
			if (!c->st)
				c->st = isnad__btags_split(p, v, strlen(v));
		}
		return;
	}
	if (name_is(n, "link")) {
		const char *rel = attr(n, "rel"), *h = attr(n, "href");
		if (rel && h && ieq(rel, "canonical"))
			set_once(c, &c->m_canon, h);
		return;
	}
	if (name_is(n, "title")) {
		set_text_once(c, &c->m_title, n);
		return;
	}
	if (name_is(n, "h1")) {
		set_text_once(c, &c->m_h1, n);
		return;
	}
	if (name_is(n, "time")) {
		const char *dt = attr(n, "datetime");
		if (dt && !c->m_timedate) {
			char d[32];
			if (isnad__bdate(dt, strlen(dt), 1, d))
				set_once(c, &c->m_timedate, d);
		}
		return;
	}
	if (name_is(n, "script")) {
		const char *t = attr(n, "type");
		if (t && icontains(t, "ld+json") && n->children &&
		    n->children->content) {
			const char *s = (const char *)n->children->content;
			json_error_t err;
			json_t *j =
			    json_loadb(s, strlen(s), JSON_DECODE_ANY, &err);
			if (j) {
				ld_take(c, j, 0);
				json_decref(j);
			}
		}
		return;
	}
	if (!c->m_author) {
		const char *rel = attr(n, "rel"), *ip = attr(n, "itemprop");
		if ((rel && ieq(rel, "author")) || (ip && ieq(ip, "author"))) {
			char *a = node_text(n, 200);
			if (a && strlen(a) < 120)
				c->m_author = a;
			else
				isnad_free(a);
		}
	}
}

static void meta_walk(struct ctx *c, const xmlNode *root)
{
	const xmlNode *n = root;
	while (n && !c->st) {
		int d = 0;
		if (n->type == XML_ELEMENT_NODE) {
			meta_el(c, n);
			d = !skipped(n);
		}
		n = next_node(n, root, d);
	}
}

/* ---- charset ------------------------------------------------------------- */

static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y + 32);
		if (x != y)
			return 1;
		if (!x)
			return 0;
	}
	return 0;
}

/* <meta charset=X> or http-equiv content="...charset=X" in the first 4 KB */
static int sniff_meta_charset(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 < n; i++) {
		size_t j, k = 0;
		if ((s[i] | 0x20) != 'c' || !((s[i + 1] | 0x20) == 'h') ||
		    strncasecmp_ascii(s + i, "charset", 7))
			continue;
		j = i + 7;
		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
			j++;
		while (j < n && k + 1 < cap &&
		       ((s[j] >= 'a' && s[j] <= 'z') ||
		        (s[j] >= 'A' && s[j] <= 'Z') ||
		        (s[j] >= '0' && s[j] <= '9') || s[j] == '-' ||
		        s[j] == '_' || s[j] == ':' || s[j] == '.'))
			out[k++] = s[j++];
		out[k] = '\0';
		if (k)
			return 1;
	}
	return 0;
}

/* A charset label as pages write it, to a name isnad_decode accepts. */
static const char *charset_name(const char *label, char *buf, size_t cap)
{
	size_t k = 0;
	for (; *label && k + 1 < cap; label++) {
		char x = *label;
		if (x >= 'a' && x <= 'z')
			x = (char)(x - 32);
		buf[k++] = x;
	}
	buf[k] = '\0';
	if (!k)
		return NULL;
	if (!strcmp(buf, "UTF8") || !strncmp(buf, "UTF-16", 6) ||
	    !strcmp(buf, "UNICODE"))
		return "UTF-8"; /* a UTF-16 label in ASCII markup is a lie */
	if (!strcmp(buf, "CP1256") || !strcmp(buf, "X-CP1256") ||
	    !strcmp(buf, "WINDOWS1256"))
		return "WINDOWS-1256";
	if (!strcmp(buf, "ISO-8859-1") || !strcmp(buf, "LATIN1") ||
	    !strcmp(buf, "US-ASCII") || !strcmp(buf, "ASCII") ||
	    !strcmp(buf, "ISO8859-1"))
		return "WINDOWS-1252"; /* as browsers read them */
	if (!strcmp(buf, "ARABIC") || !strcmp(buf, "ISO-8859-6-I") ||
	    !strcmp(buf, "ASMO-708"))
		return "ISO-8859-6";
	return buf;
}

static isnad_status decode_page(const char *html, size_t len, const char *hint,
                                struct isnad_decoded *d)
{
	char b1[48], b2[48];
	const char *enc = NULL;
	const unsigned char *u = (const unsigned char *)html;
	int bom = (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) ||
	          (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                        (u[0] == 0xFE && u[1] == 0xFF)));
	if (hint && *hint)
		enc = charset_name(hint, b1, sizeof(b1));
	if (!enc && !bom && sniff_meta_charset(html, len, b2, sizeof(b2)))
		enc = charset_name(b2, b1, sizeof(b1));
	if (enc) {
		isnad_status st = isnad_decode(html, len, enc, d);
		if (st != ISNAD_EENCODING && st != ISNAD_EINVAL)
			return st;
	}
	return isnad_decode(html, len, NULL, d);
}

/* ---- choosing the body --------------------------------------------------- */

static void sums(struct ctx *c, int use_neg)
{
	for (int i = 0; i < c->nr; i++) {
		struct rec *r = &c->r[i];
		int p = r->parent;
		r->good = r->bad = r->local = 0;
		r->neg = (unsigned char)(use_neg && (r->cls < 0 ||
		                                     (p >= 0 && c->r[p].neg)));
	}
	for (int i = 0; i < c->nb; i++) {
		struct blk *b = &c->b[i];
		struct rec *r = &c->r[b->rec];
		double ch = b->chars, ld = ch > 0 ? b->link / ch : 1;
		int content = 0;
		if (ld < 0.35 && !r->neg && (!b->heading || ch > 200)) {
			if (ch >= 80 || (ch >= 25 && b->terminal) ||
			    (ch >= 50 && b->commas))
				content = 1;
		}
		b->content = (unsigned char)content;
		if (content) {
			int k = b->rec;
			r->good += ch * (1 - ld);
			/* like Readability, a paragraph speaks for its
			 * near ancestors only: a page of teasers, each a
			 * paragraph deep in its own card, does not outweigh
			 * the article's paragraphs under one parent */
			for (int lv = 0; lv <= LOCAL && k >= 0; lv++) {
				c->r[k].local += ch * (1 - ld);
				k = c->r[k].parent;
			}
		} else if (b->heading >= 2 && ch < 200 && ld < 0.5)
			; /* subheadings: neutral */
		else
			r->bad += ch;
	}
	for (int i = c->nr - 1; i > 0; i--) {
		int p = c->r[i].parent;
		if (p >= 0) {
			c->r[p].good += c->r[i].good;
			c->r[p].bad += c->r[i].bad;
		}
	}
}

static void score(struct ctx *c)
{
	double total = 0;
	sums(c, 0);
	for (int i = 0; i < c->nr; i++)
		if (c->r[i].parent < 0)
			total += c->r[i].good;
	/* a boilerplate class name on the element that holds most of the
	 * page's prose is a misnomer ("widget", "share-wrapper") */
	for (int i = 0; i < c->nr; i++)
		if (c->r[i].cls < 0 && c->r[i].good > 0.5 * total)
			c->r[i].cls = 0;
	sums(c, 1);
}

static int choose(struct ctx *c)
{
	int best = -1;
	double bs = 0;
	for (int i = 0; i < c->nr; i++) {
		struct rec *r = &c->r[i];
		double s;
		if (r->neg || r->good <= 0)
			continue;
		s = r->local - ALPHA * r->bad;
		if (r->art || r->cls > 0)
			s += MARKUP_BONUS * r->good;
		if (best < 0 || s >= bs) {
			best = i;
			bs = s;
		}
	}
	return best;
}

static int same_text(const char *a, size_t an, const char *b)
{
	return b && strlen(b) == an && memcmp(a, b, an) == 0;
}

static isnad_status assemble(struct ctx *c, int e, struct isnad_buf *out)
{
	int lo = 0, hi = c->nb, first = -1, last = -1;
	int end = e >= 0 ? c->r[e].end : c->nr;
	int beg = e >= 0 ? e : 0;
	for (int i = lo; i < hi; i++) {
		struct blk *b = &c->b[i];
		struct rec *r = &c->r[b->rec];
		double ld = b->chars ? (double)b->link / b->chars : 1;
		b->keep = 0;
		if (b->rec < beg || b->rec >= end)
			continue;
		if (r->neg && !(e >= 0 && c->r[e].neg))
			continue;
		if (ld > 0.5 || (ld > 0.3 && b->chars < 80))
			continue;
		if (b->heading == 1)
			continue;
		b->keep = 1;
		if (b->content) {
			if (first < 0)
				first = i;
			last = i;
		}
	}
	if (first >= 0) {
		/* short edge blocks (bylines, dates, share and "read more"
		 * lines) go; subheadings just above the first paragraph
		 * stay */
		for (int i = 0; i < first; i++)
			if (c->b[i].keep &&
			    !(c->b[i].heading >= 2 && i + 3 > first))
				c->b[i].keep = 0;
		for (int i = last + 1; i < c->nb; i++)
			c->b[i].keep = 0;
	}
	for (int i = 0; i < c->nb; i++) {
		struct blk *b = &c->b[i];
		if (!b->keep)
			continue;
		if (c->page->title &&
		    same_text(c->text.s + b->off, b->len, c->page->title))
			continue;
		if (out->len && isnad_buf_add(out, "\n\n", 2))
			return ISNAD_ENOMEM;
		if (isnad_buf_add(out, c->text.s + b->off, b->len))
			return ISNAD_ENOMEM;
	}
	return ISNAD_OK;
}

/* ---- titles and dates ---------------------------------------------------- */

static int is_sep_char(char ch)
{
	return ch == '|' || ch == '-' || ch == ':' || ch == '/' || ch == '>';
}

/* Drop " | Site" / "Site - " around a title; returns the new length. */
static size_t strip_site(const char *t, size_t n, const char *site)
{
	size_t sn;
	if (!site || !*site)
		return n;
	sn = strlen(site);
	if (n > sn + 2 && memcmp(t + n - sn, site, sn) == 0) {
		size_t k = n - sn, k0 = k;
		while (k > 0 && (t[k - 1] == ' ' || is_sep_char(t[k - 1]) ||
		                 (unsigned char)t[k - 1] >= 0x80))
			if ((unsigned char)t[k - 1] >= 0x80) {
				/* – — « » · */
				size_t j = k - 1;
				while (j > 0 &&
				       ((unsigned char)t[j] & 0xC0) == 0x80)
					j--;
				if (!strncmp(t + j, "–", 3) ||
				    !strncmp(t + j, "—", 3) ||
				    !strncmp(t + j, "«", 2) ||
				    !strncmp(t + j, "»", 2) ||
				    !strncmp(t + j, "·", 2))
					k = j;
				else
					break;
			} else {
				k--;
			}
		if (k < k0 && k > 0)
			return k;
	}
	if (n > sn + 2 && memcmp(t, site, sn) == 0) {
		size_t k = sn;
		while (k < n && (t[k] == ' ' || is_sep_char(t[k])))
			k++;
		if (k > sn + 1)
			return n; /* caller handles prefixes via memmove */
	}
	return n;
}

static size_t prefix_site(const char *t, size_t n, const char *site)
{
	size_t sn = site ? strlen(site) : 0, k;
	if (!sn || n <= sn + 2 || memcmp(t, site, sn) != 0)
		return 0;
	k = sn;
	while (k < n && (t[k] == ' ' || is_sep_char(t[k])))
		k++;
	return k > sn + 1 ? k : 0;
}

/* With no site name known: "Headline | Site" -> "Headline" when the tail
 * after the last " | ", " - ", " – ", " — " is short. */
static size_t strip_generic(const char *t, size_t n)
{
	static const char *const seps[] = {" | ",  " - ", " – ", " — ",
	                                   " :: ", " « ", " » "};
	size_t best = 0;
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(seps); i++) {
		size_t sl = strlen(seps[i]);
		for (size_t k = n; k-- > 0;) {
			if (k + sl <= n && memcmp(t + k, seps[i], sl) == 0) {
				if (k > best)
					best = k;
				break;
			}
		}
	}
	if (best) {
		int words = 1;
		for (size_t k = best + 3; k < n; k++)
			if (t[k] == ' ')
				words++;
		if (words <= 4 && best >= n - best)
			return best;
	}
	return n;
}

static char *pick_title(struct ctx *c, const char *site)
{
	const char *t = c->m_ogtitle   ? c->m_ogtitle
	                : c->m_ldtitle ? c->m_ldtitle
	                : c->m_h1      ? c->m_h1
	                               : c->m_title;
	size_t n, k;
	if (!t)
		return NULL;
	n = strlen(t);
	if (t != c->m_h1) {
		size_t n2 = strip_site(t, n, site);
		k = prefix_site(t, n2, site);
		if (n2 == n && !k) {
			/* an h1 inside the <title> is the headline */
			if (c->m_h1 && strlen(c->m_h1) > 10 &&
			    strstr(t, c->m_h1))
				return isnad__bstrndup(c->m_h1,
				                       strlen(c->m_h1));
			n2 = strip_generic(t, n);
		}
		return isnad__bclean(t + k, n2 - k);
	}
	return isnad__bclean(t, n);
}

static void pick_date(struct ctx *c, int e, char out[32])
{
	const char *v[] = {c->m_date, c->m_lddate, c->m_timedate};
	int h1 = -1;
	out[0] = '\0';
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(v); i++)
		if (v[i] && isnad__bdate(v[i], strlen(v[i]), 1, out))
			return;
	/* an Arabic (or numeric) date in a short block near the headline */
	for (int i = 0; i < c->nb; i++)
		if (c->b[i].heading == 1) {
			h1 = i;
			break;
		}
	if (h1 < 0) {
		for (int i = 0; i < c->nb; i++)
			if (c->b[i].content &&
			    (e < 0 ||
			     (c->b[i].rec >= e && c->b[i].rec < c->r[e].end))) {
				h1 = i;
				break;
			}
	}
	if (h1 < 0)
		return;
	for (int d = 0; d <= 10; d++) {
		int cand[2] = {h1 + d, h1 - d};
		for (int k = 0; k < (d ? 2 : 1); k++) {
			int i = cand[k];
			if (i < 0 || i >= c->nb || c->b[i].chars > 160)
				continue;
			if (isnad__bdate(c->text.s + c->b[i].off, c->b[i].len,
			                 0, out))
				return;
		}
	}
	out[0] = '\0';
}

/* ---- entry point --------------------------------------------------------- */

static void ctx_release(struct ctx *c)
{
	char **m[] = {&c->m_title,  &c->m_ogtitle,  &c->m_h1,
	              &c->m_site,   &c->m_url,      &c->m_canon,
	              &c->m_date,   &c->m_author,   &c->m_ldtitle,
	              &c->m_lddate, &c->m_ldauthor, &c->m_timedate,
	              &c->m_ldpub};
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(m); i++) {
		isnad_free(*m[i]);
		*m[i] = NULL;
	}
	isnad_free(c->r);
	isnad_free(c->b);
	isnad_buf_release(&c->text);
}

static char *dup_or_null(const char *s)
{
	return s ? isnad__bstrndup(s, strlen(s)) : NULL;
}

static int dup_fail(char **slot, const char *s)
{
	if (!s)
		return 0;
	*slot = dup_or_null(s);
	return *slot == NULL;
}

static isnad_status fill_page(struct ctx *c, xmlDoc *doc, const char *url_hint)
{
	struct isnad_page *p = c->page;
	xmlNode *root = xmlDocGetRootElement(doc), *body = NULL;
	struct isnad_buf out;
	char date[32], dom[256];
	const char *url;
	int e;
	isnad_status st;

	if (!root) {
		p->text = isnad__bstrndup("", 0);
		return p->text ? ISNAD_OK : ISNAD_ENOMEM;
	}
	meta_walk(c, root);
	if (c->st)
		return c->st;
	/* the body: <body>, else the root */
	for (xmlNode *n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && name_is(n, "body"))
			body = n;
	c->cur_rec = -1;
	walk(c, body ? body : root);
	if (c->st)
		return c->st;
	score(c);
	e = choose(c);

	url = c->m_canon && strstr(c->m_canon, "://") ? c->m_canon
	      : c->m_url && strstr(c->m_url, "://")   ? c->m_url
	                                              : url_hint;
	if (dup_fail(&p->url, url))
		return ISNAD_ENOMEM;
	if (c->m_site || c->m_ldpub) {
		if (dup_fail(&p->outlet, c->m_site ? c->m_site : c->m_ldpub))
			return ISNAD_ENOMEM;
	} else if (isnad__bdomain(url, dom, sizeof(dom)) ||
	           isnad__bdomain(url_hint, dom, sizeof(dom))) {
		if (dup_fail(&p->outlet, dom))
			return ISNAD_ENOMEM;
	}
	p->title = pick_title(c, p->outlet);
	if (dup_fail(&p->author, c->m_author ? c->m_author : c->m_ldauthor))
		return ISNAD_ENOMEM;
	pick_date(c, e, date);
	if (date[0] && dup_fail(&p->published, date))
		return ISNAD_ENOMEM;

	isnad_buf_init(&out, 0);
	st = assemble(c, e, &out);
	if (st) {
		isnad_buf_release(&out);
		return st;
	}
	p->text = isnad_buf_detach(&out, &p->text_len);
	return p->text ? ISNAD_OK : ISNAD_ENOMEM;
}

/* Case-insensitive match of an ASCII literal at p (n bytes left). */
static int ci_at(const char *p, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++) {
		char c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != lit[i])
			return 0;
	}
	return 1;
}

/* Find the ASCII literal (lower case) in p[0..n) ignoring case. */
static const char *ci_find(const char *p, size_t n, const char *lit)
{
	const char *end = p + n;
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		if (!lt)
			return NULL;
		if (ci_at(lt, (size_t)(end - lt), lit))
			return lt;
		p = lt + 1;
	}
	return NULL;
}

/*
 * Drop <script> (but JSON-LD, which carries the metadata), <style> and
 * comments before parsing: they are much of a page's bytes, none of its
 * text, and libxml2 scans them character by character.  An element with
 * no end is kept as it is.  Returns 0 on out of memory.
 */
static int strip_scripts(const char *s, size_t n, struct isnad_buf *out)
{
	const char *p = s, *end = s + n;
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p)),
		           *close = NULL;
		size_t rest;
		if (!lt) {
			return isnad_buf_add(out, p, (size_t)(end - p)) ==
			       ISNAD_OK;
		}
		rest = (size_t)(end - lt);
		if (ci_at(lt, rest, "<!--")) {
			const char *c = lt + 4;
			while (c + 3 <= end &&
			       !(c[0] == '-' && c[1] == '-' && c[2] == '>'))
				c++;
			if (c + 3 <= end)
				close = c + 3;
		} else if (ci_at(lt, rest, "<script") ||
		           ci_at(lt, rest, "<style")) {
			int script = ci_at(lt, rest, "<script");
			const char *gt = memchr(lt, '>', rest);
			/* keep JSON-LD */
			if (script && gt) {
				const char *t;
				for (t = lt; t + 8 <= gt; t++)
					if (ci_at(t, (size_t)(gt - t),
					          "ld+json"))
						break;
				if (t + 8 <= gt)
					gt = NULL;
			}
			if (gt) {
				const char *e =
				    ci_find(gt, (size_t)(end - gt),
				            script ? "</script" : "</style");
				if (e) {
					const char *g2 =
					    memchr(e, '>', (size_t)(end - e));
					if (g2)
						close = g2 + 1;
				}
			}
		}
		if (isnad_buf_add(out, p, (size_t)(lt - p)) != ISNAD_OK)
			return 0;
		if (close) {
			/* a space keeps words on either side apart */
			if (isnad_buf_addc(out, ' ') != ISNAD_OK)
				return 0;
			p = close;
		} else {
			if (isnad_buf_addc(out, '<') != ISNAD_OK)
				return 0;
			p = lt + 1;
		}
	}
	return 1;
}

isnad_status isnad_html_extract(const char *html, size_t len,
                                const char *charset_hint, const char *url_hint,
                                struct isnad_page *out)
{
	struct isnad_decoded d;
	struct ctx c;
	htmlDocPtr doc;
	isnad_status st;

	if (!out)
		return ISNAD_EINVAL;
	isnad_page_init(out);
	if (!html && len)
		return ISNAD_EINVAL;
	if (len > ISNAD__BOILER_MAX)
		return ISNAD_ETOOBIG;
	if (!len) {
		out->text = isnad__bstrndup("", 0);
		return out->text ? ISNAD_OK : ISNAD_ENOMEM;
	}
	st = decode_page(html, len, charset_hint, &d);
	if (st)
		return st;
	{
		struct isnad_buf lean;
		isnad_buf_init(&lean, 0);
		if (!strip_scripts(d.s, d.len, &lean)) {
			isnad_decoded_release(&d);
			isnad_buf_release(&lean);
			return ISNAD_ENOMEM;
		}
		isnad_decoded_release(&d);
		doc = htmlReadMemory(
		    lean.s, (int)lean.len, url_hint, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		        HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS);
		isnad_buf_release(&lean);
	}
	memset(&c, 0, sizeof(c));
	isnad_buf_init(&c.text, ISNAD__BOILER_MAX);
	c.page = out;
	c.cur_rec = -1;
	if (!doc) {
		/* nothing the parser could read (binary, NULs only) */
		out->text = isnad__bstrndup("", 0);
		return out->text ? ISNAD_OK : ISNAD_ENOMEM;
	}
	st = fill_page(&c, doc, url_hint);
	ctx_release(&c);
	xmlFreeDoc(doc);
	if (st)
		isnad_page_release(out);
	return st;
}
