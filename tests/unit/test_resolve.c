/*
 * test_resolve.c - one key per real entity within a document.
 */
#include "harness.h"
#include "isnad/isnad.h"
#include "isnad/resolve.h"

/* Resolve the mentions (each a C string found in text, in order) and
 * return the entity index of each as "0 0 1 ...". */
static const char *groups(const char *text, const char *const *names,
                          const int *types, size_t n)
{
	static char out[256];
	struct isnad_span_typed m[16] = {{0, 0, 0, 0}};
	struct isnad_resolution r;
	const char *from = text;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		const char *p = strstr(from, names[i]);
		if (!p)
			return "(not in text)";
		m[i].start = (size_t)(p - text);
		m[i].end = m[i].start + strlen(names[i]);
		m[i].type = types[i];
		from = p + strlen(names[i]);
	}
	if (isnad_resolve(text, m, n, &r) != ISNAD_OK)
		return "(error)";
	out[0] = '\0';
	/* number the entities by first appearance, so only the grouping
	 * is compared */
	{
		size_t seen[16], ns = 0;
		for (size_t i = 0; i < n; i++) {
			size_t k;
			for (k = 0; k < ns && seen[k] != r.entity_of[i]; k++)
				;
			if (k == ns)
				seen[ns++] = r.entity_of[i];
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%zu",
			                      i ? " " : "", k);
		}
	}
	isnad_resolution_release(&r);
	return out;
}

TEST(resolve_short_forms_and_variants_share_a_key)
{
	const char *t =
	    "قالت منظمة الصحة العالمية إن الصحة العالمية ستتابع. "
	    "وزار أمريكا ثم عاد من أميركا. التقى ألبير أورن ثم أورن.";
	const char *names[] = {"منظمة الصحة العالمية",
	                       "الصحة العالمية",
	                       "أمريكا",
	                       "أميركا",
	                       "ألبير أورن",
	                       "أورن"};
	const int types[] = {1, 1, 2, 2, 0, 0};
	CHECK_STR(groups(t, names, types, 6), "0 0 1 1 2 2");
}

TEST(resolve_article_after_lam_is_the_article)
{
	/* «للأمم» is ل + الأمم (the mention reads «لأمم»); «للبنان» is
	 * ل + لبنان */
	const char *t = "قالت الأمم المتحدة إن الأمين العام للأمم المتحدة "
	                "سيزور لبنان، وقال للبنان إنه معه.";
	const char *names[] = {"الأمم المتحدة", "لأمم المتحدة", "لبنان",
	                       "لبنان"};
	const int types[] = {1, 1, 2, 2};
	CHECK_STR(groups(t, names, types, 4), "0 0 1 1");
}

TEST(resolve_different_bodies_never_merge)
{
	const char *t = "وزارة الخارجية السعودية ووزارة الخارجية الأمريكية، "
	                "وقالت وزارة الخارجية إن الجامعة العربية الأمريكية "
	                "وجامعة الدول العربية";
	const char *names[] = {"وزارة الخارجية السعودية",
	                       "وزارة الخارجية الأمريكية", "وزارة الخارجية",
	                       "الجامعة العربية الأمريكية",
	                       "جامعة الدول العربية"};
	const int types[] = {1, 1, 1, 1, 1};
	const char *g = groups(t, names, types, 5);
	/* five mentions, five entities: the short form is ambiguous */
	CHECK_STR(g, "0 1 2 3 4");
}

TEST(resolve_keys_are_stable_across_documents)
{
	char a[64], b[64];
	isnad_name_skeleton("الأميركية", strlen("الأميركية"), a, sizeof a);
	isnad_name_skeleton("أمريكية", strlen("أمريكية"), b, sizeof b);
	CHECK_STR(a, b);
	isnad_name_skeleton("وِزارةُ الخارجيّة", strlen("وِزارةُ الخارجيّة"), a,
	                    sizeof a);
	isnad_name_skeleton("وزارة الخارجيه", strlen("وزارة الخارجيه"), b,
	                    sizeof b);
	CHECK_STR(a, b);
	/* quotes are no part of a name */
	isnad_name_skeleton("تنظيم \"الدولة\"", strlen("تنظيم \"الدولة\""), a,
	                    sizeof a);
	isnad_name_skeleton("تنظيم «الدولة»", strlen("تنظيم «الدولة»"), b,
	                    sizeof b);
	CHECK_STR(a, b);
	isnad_name_skeleton("تنظيم الدولة", strlen("تنظيم الدولة"), b,
	                    sizeof b);
	CHECK_STR(a, b);
	/* a hamza-initial name keeps its first letters */
	isnad_name_skeleton("ألبير", strlen("ألبير"), a, sizeof a);
	isnad_name_skeleton("بير", strlen("بير"), b, sizeof b);
	CHECK(strcmp(a, b) != 0);
}

TEST(resolve_bracketed_short_form_joins_its_name)
{
	const char *t = "أعلنت حركة التحرير الوطني (فتح) أن فتح لن تشارك، "
	                "وقالت الوكالة الدولية للطاقة الذرية (IAEA) إن IAEA "
	                "ستزور الموقع.";
	const char *names[] = {"حركة التحرير الوطني",           "فتح",  "فتح",
	                       "الوكالة الدولية للطاقة الذرية", "IAEA", "IAEA"};
	const int types[] = {1, 1, 1, 1, 1, 1};
	CHECK_STR(groups(t, names, types, 6), "0 0 0 1 1 1");
	/* with no brackets, a short form stands on its own */
	const char *u = "قالت حركة التحرير الوطني إن فتح لن تشارك.";
	CHECK_STR(groups(u, names, types, 2), "0 1");
	/* quotes and guillemets bracket it too */
	const char *v = "أعلنت حركة المقاومة الإسلامية \"حماس\" أن حماس "
	                "وافقت، وقالت منظمة الدول المصدرة للنفط «أوبك» إن أوبك "
	                "سترفع الإنتاج.";
	const char *qn[] = {"حركة المقاومة الإسلامية",   "حماس", "حماس",
	                    "منظمة الدول المصدرة للنفط", "أوبك", "أوبك"};
	CHECK_STR(groups(v, qn, types, 6), "0 0 0 1 1 1");
	/* two names side by side are subject and object, not one body */
	const char *w = "هزمت الولايات المتحدة الصين في النهائي.";
	const char *wn[] = {"الولايات المتحدة", "الصين"};
	const int wt[] = {2, 2};
	CHECK_STR(groups(w, wn, wt, 2), "0 1");
}

/* The key of the first entity of text with mentions names[0..n). */
static const char *first_key(const char *text, const char *name, int type)
{
	static char key[sizeof((struct isnad_entity *)0)->key];
	struct isnad_span_typed m = {0, 0, 0, 0};
	struct isnad_resolution r;
	const char *p = strstr(text, name);
	if (!p)
		return "(not in text)";
	m.start = (size_t)(p - text);
	m.end = m.start + strlen(name);
	m.type = type;
	if (isnad_resolve(text, &m, 1, &r) != ISNAD_OK || !r.n_ents)
		return "(error)";
	snprintf(key, sizeof key, "%s", r.ents[0].key);
	isnad_resolution_release(&r);
	return key;
}

TEST(resolve_kind_of_body_is_left_out_of_the_key)
{
	/* documents that name a body with or without its kind agree */
	char a[200];
	snprintf(a, sizeof a, "%s",
	         first_key("قالت منظمة الصحة العالمية إن الوباء انتشر.",
	                   "منظمة الصحة العالمية", 1));
	CHECK_STR(
	    first_key("حذرت الصحة العالمية من الوباء.", "الصحة العالمية", 1),
	    a);
	snprintf(a, sizeof a, "%s",
	         first_key("قالت حركة حماس إنها وافقت.", "حركة حماس", 1));
	CHECK_STR(first_key("قالت حماس إنها وافقت.", "حماس", 1), a);
	/* heads that tell bodies apart stay, and so does a kind whose name
	 * would be too short (حزب الله) */
	snprintf(a, sizeof a, "%s",
	         first_key("قال مجلس الأمن إن القرار صدر.", "مجلس الأمن", 1));
	CHECK(strcmp(first_key("قالت مديرية الأمن إن القرار صدر.",
	                       "مديرية الأمن", 1),
	             a) != 0);
	CHECK_STR(first_key("قال حزب الله إنه رد.", "حزب الله", 1),
	          "ORG:حزب له");
	/* one definite word after the kind is a name other bodies share:
	 * the Somali movement is not the club */
	snprintf(a, sizeof a, "%s",
	         first_key("تبنت حركة الشباب الهجوم.", "حركة الشباب", 1));
	CHECK(strcmp(first_key("فاز الشباب على النصر.", "الشباب", 1), a) != 0);
	snprintf(a, sizeof a, "%s",
	         first_key("قالت جامعة الدول العربية إن القمة تأجلت.",
	                   "جامعة الدول العربية", 1));
	CHECK(strcmp(first_key("قالت الدول العربية إن القمة تأجلت.",
	                       "الدول العربية", 1),
	             a) != 0);
}

/* The name of an entity met only as «للأمم المتحدة» reads «الأمم
 * المتحدة»; met both ways, the name is the form written whole. */
TEST(resolve_name_with_the_article_after_lam)
{
	const char *t1 = "وقال الأمين العام للأمم المتحدة إنه سيزور لبنان.";
	const char *t2 = "وقال الأمين العام للأمم المتحدة إن الأمم المتحدة "
	                 "ستساعد.";
	struct isnad_span_typed m[2] = {{0, 0, 1, 0}, {0, 0, 1, 0}};
	struct isnad_resolution r;
	const char *p = strstr(t1, "لأمم المتحدة");
	m[0].start = (size_t)(p - t1);
	m[0].end = m[0].start + strlen("لأمم المتحدة");
	CHECK_INT(isnad_resolve(t1, m, 1, &r), ISNAD_OK);
	CHECK_INT(r.n_ents, 1);
	CHECK_INT(r.ents[0].name_article, 1);
	isnad_resolution_release(&r);
	p = strstr(t2, "لأمم المتحدة");
	m[0].start = (size_t)(p - t2);
	m[0].end = m[0].start + strlen("لأمم المتحدة");
	p = strstr(p + 4, "الأمم المتحدة");
	m[1].start = (size_t)(p - t2);
	m[1].end = m[1].start + strlen("الأمم المتحدة");
	CHECK_INT(isnad_resolve(t2, m, 2, &r), ISNAD_OK);
	CHECK_INT(r.n_ents, 1);
	CHECK_INT(r.ents[0].name, 1);
	CHECK_INT(r.ents[0].name_article, 0);
	isnad_resolution_release(&r);
}
