/*
 * test_store.c - the store, the ingest pipeline (duplicates), and search.
 */
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "isnad/ingest.h"
#include "isnad/isnad.h"
#include "isnad/store.h"

static const char *const texts[] = {
    /* 0: a meeting report */
    "عقد وزير الخارجية اجتماعا مع نظيره التركي في أنقرة يوم الاثنين "
    "لبحث الأزمة السورية، وقال في مؤتمر صحفي إن الاجتماعات ستتواصل "
    "خلال الأسابيع المقبلة بحضور ممثلين عن الأمم المتحدة والجامعة "
    "العربية، وإن البلدين اتفقا على تشكيل لجنة مشتركة لمتابعة الملف.",
    /* 1: vocalised, another topic */
    "كَتَبَ الصَّحَفِيُّ مَقَالًا طَوِيلًا عَنِ الاقْتِصَادِ الوَطَنِيِّ "
    "وَأَسْعَارِ النِّفْطِ فِي الأَسْوَاقِ العَالَمِيَّةِ هَذَا العَامَ.",
    /* 2: a third topic, with a date-like filter target */
    "أعلنت وزارة الصحة تسجيل حالات جديدة في المحافظات الحدودية، وأكدت "
    "الوزارة أن فرقها الطبية تعمل على مدار الساعة لاحتواء الوضع.",
};

/* 3: a near copy of 0: the same wire story with a changed last clause */
static const char near_copy[] =
    "عقد وزير الخارجية اجتماعا مع نظيره التركي في أنقرة يوم الاثنين "
    "لبحث الأزمة السورية، وقال في مؤتمر صحفي إن الاجتماعات ستتواصل "
    "خلال الأسابيع المقبلة بحضور ممثلين عن الأمم المتحدة والجامعة "
    "العربية، وإن البلدين اتفقا على تشكيل لجنة مشتركة لمتابعة الملف "
    "والتنسيق.";

static char db_path[256];

static struct isnad_store *fresh_store(void)
{
	struct isnad_store *st = NULL;
	char err[600];
	char wal[300], shm[300];
	snprintf(db_path, sizeof db_path, "/tmp/isnad-test-%d.db",
	         (int)getpid());
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	snprintf(shm, sizeof shm, "%s-shm", db_path);
	unlink(db_path);
	unlink(wal);
	unlink(shm);
	if (isnad_store_open(db_path, &st, err, sizeof err) != ISNAD_OK)
		harness_fail(__FILE__, __LINE__, "open: %s", err);
	return st;
}

static enum isnad_ingest_result put(struct isnad_ingest *ig, const char *src,
                                    const char *text, const char *outlet,
                                    const char *published)
{
	struct isnad_record r;
	enum isnad_ingest_result res = ISNAD_INGEST_FAILED;
	char err[256];
	memset(&r, 0, sizeof r);
	r.source = src;
	r.body = text;
	r.body_len = strlen(text);
	r.outlet = outlet;
	r.published = published;
	r.title = src;
	if (isnad_ingest_record(ig, &r, &res, NULL, err, sizeof err) !=
	    ISNAD_OK)
		harness_fail(__FILE__, __LINE__, "ingest: %s", err);
	return res;
}

static struct isnad_store *filled_store(void)
{
	struct isnad_store *st = fresh_store();
	struct isnad_ingest *ig;
	if (!st || isnad_ingest_new(st, 2, &ig) != ISNAD_OK)
		return st;
	put(ig, "a.txt", texts[0], "الشرق الأوسط", "2015-07-21");
	put(ig, "b.txt", texts[1], "الرياض", "2015-07-22");
	put(ig, "c.txt", texts[2], "الرياض", "2015-07-25");
	isnad_ingest_free(ig);
	return st;
}

struct hits {
	int n;
	char ids[8][24];
	char snippet[1024];
};

static int collect(const struct isnad_hit *h, void *ud)
{
	struct hits *c = ud;
	if (c->n < 8)
		snprintf(c->ids[c->n], sizeof c->ids[0], "%s", h->title);
	if (c->n == 0)
		snprintf(c->snippet, sizeof c->snippet, "%s",
		         h->snippet ? h->snippet : "");
	c->n++;
	return 0;
}

static struct hits search(struct isnad_store *st, const char *q)
{
	struct hits c;
	memset(&c, 0, sizeof c);
	if (isnad_search(st, q, 10, "[", "]", collect, &c) != ISNAD_OK)
		c.n = -1;
	return c;
}

TEST(store_opens_migrates_and_reopens)
{
	struct isnad_store *st = fresh_store(), *again = NULL;
	char err[600];
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK(isnad_store_schema_version(st) >= 1);
	CHECK_INT(isnad_store_count(st), 0);
	isnad_store_close(st);
	CHECK_INT(isnad_store_open(db_path, &again, err, sizeof err), ISNAD_OK);
	isnad_store_close(again);
	unlink(db_path);
}

TEST(store_refuses_a_file_that_is_not_a_store)
{
	struct isnad_store *st = NULL;
	char err[600], path[256];
	FILE *f;
	snprintf(path, sizeof path, "/tmp/isnad-notdb-%d.db", (int)getpid());
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("this is a text file, not SQLite, and it is long enough to be "
	      "read as a header by SQLite when it tries to open it\n",
	      f);
	fclose(f);
	CHECK(isnad_store_open(path, &st, err, sizeof err) != ISNAD_OK);
	CHECK(st == NULL);
	CHECK(strstr(err, path) != NULL);
	unlink(path);
}

TEST(ingest_is_idempotent_and_links_near_duplicates)
{
	struct isnad_store *st = fresh_store();
	struct isnad_ingest *ig;
	if (!st || isnad_ingest_new(st, 0, &ig) != ISNAD_OK)
		return;
	CHECK_INT(put(ig, "a.txt", texts[0], NULL, NULL), ISNAD_INGEST_ADDED);
	/* the same text again, and with harakat and other spacing */
	CHECK_INT(put(ig, "a2.txt", texts[0], NULL, NULL),
	          ISNAD_INGEST_DUPLICATE);
	CHECK_INT(put(ig, "near.txt", near_copy, NULL, NULL),
	          ISNAD_INGEST_NEAR_DUPLICATE);
	CHECK_INT(put(ig, "c.txt", texts[2], NULL, NULL), ISNAD_INGEST_ADDED);
	CHECK_INT(put(ig, "empty.txt", "   \n ", NULL, NULL),
	          ISNAD_INGEST_EMPTY);
	isnad_ingest_free(ig);
	CHECK_INT(isnad_store_count(st), 3);
	isnad_store_close(st);
	unlink(db_path);
}

TEST(search_finds_inflections_and_clitic_forms)
{
	struct isnad_store *st = filled_store();
	struct hits h;
	if (!st)
		return;
	/* اجتماع finds اجتماعا and الاجتماعات; بالاجتماعات finds them too */
	h = search(st, "اجتماع");
	CHECK_INT(h.n, 1);
	CHECK(strstr(h.snippet, "[اجتماعا]") ||
	      strstr(h.snippet, "[الاجتماعات]"));
	CHECK_INT(search(st, "بالاجتماعات").n, 1);
	CHECK_INT(search(st, "والوزارة").n, 1);
	/* vocalised text, plain query */
	h = search(st, "كتب الصحفي");
	CHECK_INT(h.n, 1);
	CHECK_STR(h.ids[0], "b.txt");
	/* Latin and nothing */
	CHECK_INT(search(st, "كلمةغيرموجودة").n, 0);
	isnad_store_close(st);
	unlink(db_path);
}

TEST(search_phrase_or_not_and_filters)
{
	struct isnad_store *st = filled_store();
	struct hits h;
	if (!st)
		return;
	CHECK_INT(search(st, "\"وزير الخارجية\"").n, 1);
	/* a phrase matches surface forms, in order */
	CHECK_INT(search(st, "\"الخارجية وزير\"").n, 0);
	CHECK_INT(search(st, "النفط OR الصحة").n, 2);
	CHECK_INT(search(st, "النفط OR الصحة -الاقتصاد").n, 1);
	h = search(st, "الوزارة outlet:الرياض");
	CHECK_INT(h.n, 1);
	CHECK_INT(search(st, "الوزارة outlet:الشرق").n, 0);
	CHECK_INT(search(st, "وزير OR الوزارة from:2015-07-22").n, 1);
	CHECK_INT(search(st, "وزير OR الوزارة to:2015-07-21").n, 1);
	/* nothing to find is an error, not every document */
	CHECK_INT(search(st, "-النفط").n, -1);
	CHECK_INT(search(st, "، .").n, -1);
	isnad_store_close(st);
	unlink(db_path);
}

struct listed {
	int n;
	char first[64];
	char id[24];
};

static int on_doc(const struct isnad_doc *d, void *ud)
{
	struct listed *l = ud;
	if (!l->n) {
		snprintf(l->first, sizeof l->first, "%s", d->source);
		snprintf(l->id, sizeof l->id, "%s", d->id);
	}
	l->n++;
	return 0;
}

TEST(list_newest_first_and_get_by_prefix)
{
	struct isnad_store *st = filled_store();
	struct listed l = {0, "", ""}, g = {0, "", ""};
	char prefix[8];
	if (!st)
		return;
	CHECK_INT(isnad_store_list(st, 0, on_doc, &l), ISNAD_OK);
	CHECK_INT(l.n, 3);
	CHECK_STR(l.first, "c.txt");
	snprintf(prefix, sizeof prefix, "%.6s", l.id);
	CHECK_INT(isnad_store_get(st, prefix, on_doc, &g), ISNAD_OK);
	CHECK_STR(g.first, "c.txt");
	CHECK_INT(isnad_store_get(st, "0000000000000000", on_doc, &g),
	          ISNAD_ENOTFOUND);
	CHECK(isnad_store_get(st, "xyz", on_doc, &g) != ISNAD_OK);
	isnad_store_close(st);
	unlink(db_path);
}

TEST(feed_state_round_trip)
{
	struct isnad_store *st = fresh_store();
	struct isnad_feed_state s = {NULL, NULL, 0, 0}, got;
	char etag[] = "\"abc\"";
	if (!st)
		return;
	CHECK_INT(isnad_store_feed_get(st, "http://127.0.0.1/feed", &got),
	          ISNAD_OK);
	CHECK(got.etag == NULL && got.failures == 0);
	s.etag = etag;
	s.failures = 2;
	s.next_fetch = 1234;
	CHECK_INT(isnad_store_feed_put(st, "http://127.0.0.1/feed", &s),
	          ISNAD_OK);
	CHECK_INT(isnad_store_feed_get(st, "http://127.0.0.1/feed", &got),
	          ISNAD_OK);
	CHECK(got.etag && !strcmp(got.etag, etag));
	CHECK_INT(got.failures, 2);
	CHECK_INT(got.next_fetch, 1234);
	isnad_feed_state_release(&got);
	isnad_store_close(st);
	unlink(db_path);
}

struct pubs {
	char v[4][40];
	int n;
};

static int on_pub(const struct isnad_doc *d, void *ud)
{
	struct pubs *p = ud;
	if (p->n < 4)
		snprintf(p->v[p->n++], 40, "%s",
		         d->published ? d->published : "-");
	return 0;
}

TEST(ingest_normalises_publication_dates)
{
	struct isnad_store *st = fresh_store();
	struct isnad_ingest *ig;
	struct pubs p;
	memset(&p, 0, sizeof p);
	if (!st || isnad_ingest_new(st, 0, &ig) != ISNAD_OK)
		return;
	put(ig, "rss", texts[0], NULL, "Tue, 05 Mar 2024 10:00:00 +0000");
	put(ig, "iso", texts[1], NULL, "2015-07-21T08:30:00+03:00");
	put(ig, "junk", texts[2], NULL, "yesterday");
	isnad_ingest_free(ig);
	isnad_store_list(st, 0, on_pub, &p);
	CHECK_INT(p.n, 3);
	CHECK_STR(p.v[0], "2024-03-05T10:00:00");
	CHECK_STR(p.v[1], "2015-07-21T08:30:00");
	CHECK_STR(p.v[2], "-");
	isnad_store_close(st);
	unlink(db_path);
}
