/*
 * test_events.c - event triggers and the neighbours some of them need.
 */
#include "harness.h"
#include "isnad/events.h"
#include "isnad/isnad.h"

/* The event types found in text, as "TYPE:trigger TYPE:trigger". */
static const char *types(const char *text)
{
	static char out[512];
	struct isnad_tokenizer *tk = NULL;
	struct isnad_events ev;
	size_t o = 0;
	out[0] = '\0';
	isnad_events_init(&ev);
	if (isnad_tokenizer_new(NULL, &tk) != ISNAD_OK ||
	    isnad_events_find(tk, text, strlen(text), &ev) != ISNAD_OK)
		snprintf(out, sizeof out, "(error)");
	for (size_t i = 0; i < ev.n; i++)
		o += (size_t)snprintf(
		    out + o, sizeof out - o, "%s%s:%.*s", i ? " " : "",
		    isnad_event_type_name(ev.v[i].type),
		    (int)(ev.v[i].trig_end - ev.v[i].trig_start),
		    text + ev.v[i].trig_start);
	isnad_events_release(&ev);
	isnad_tokenizer_free(tk);
	return out;
}

TEST(events_release_needs_a_prison_or_sarah)
{
	CHECK_STR(types("طالبت المنظمة بإطلاق سراح الصحفيين."),
	          "DEMAND:طالبت RELEASE:سراح");
	/* إطلاق out of a prison is a release, with an enclitic too */
	CHECK_STR(
	    types("انتقدت اللجنة إطلاقها عشرات المدانين من السجن المركزي."),
	    "RELEASE:إطلاق");
	/* إطلاق of rockets is no release but an attack */
	CHECK_STR(types("أعلن الجيش إطلاق صواريخ على المواقع."),
	          "ATTACK:إطلاق");
}

/* The word test the extractor uses to keep event nouns out of names. */
TEST(events_word_reads_as_the_finder)
{
	struct isnad_tokenizer *tk = NULL;
	struct isnad_tokens t;
	const char *s = "الاتفاق طالبان اجتماعي المدينة";
	isnad_tokens_init(&t);
	CHECK(isnad_tokenizer_new(NULL, &tk) == ISNAD_OK);
	CHECK(tk && isnad_tokenize(tk, s, strlen(s), &t) == ISNAD_OK);
	for (size_t i = 0; i < t.n; i++) {
		int ty = isnad_event_word(&t.v[i]);
		if (t.v[i].type != ISNAD_TOK_ARABIC)
			continue;
		if (!strncmp(s + t.v[i].start, "اتفاق", strlen("اتفاق")))
			CHECK_INT(ty, ISNAD_EV_AGREE);
		else /* the Taliban, a nisba, a city */
			CHECK_INT(ty, -1);
	}
	CHECK_INT(isnad_event_word(NULL), -1);
	isnad_tokens_release(&t);
	isnad_tokenizer_free(tk);
}

TEST(events_funding_is_support_with_money)
{
	CHECK_STR(types("قدمت الدولة دعما ماليا للجماعة."), "FUND:دعما");
	CHECK_STR(types("أعلن الحزب دعمه للمرشح."), "SUPPORT:دعم");
}

TEST(events_nisba_and_ambiguous_verbs_are_no_events)
{
	/* the adjective made from the noun describes */
	CHECK_STR(types("يهدف الحفل إلى تقوية الروابط الاجتماعية."), "");
	CHECK_STR(types("عقد الوزير اجتماعا مع الوفد."), "MEET:اجتماعا");
	/* توجه travels only towards somewhere */
	CHECK_STR(types("إن الكراهية لا توجه دائما نحو أشخاص بعينهم."), "");
	CHECK_STR(types("توجه الوزير إلى القاهرة أمس."), "TRAVEL:توجه");
	/* أطلق fires and launches; it releases out of a prison */
	CHECK_STR(types("أطلقوا النار على السكان."), "ATTACK:أطلقوا");
	CHECK_STR(types("أطلقت الشركة تحذيرا أمس."), "");
	CHECK_STR(types("أطلقت السلطات المعتقلين من السجن أمس."),
	          "RELEASE:أطلقت");
	/* a ceasefire is no shooting */
	CHECK_STR(types("وقّع الطرفان اتفاقا لوقف إطلاق النار."),
	          "AGREE:اتفاقا");
	/* detention, assassination, clashes, supplies */
	CHECK_STR(types("احتجزت الشرطة ثلاثة صحفيين."), "ARREST:احتجزت");
	CHECK_STR(types("اغتال مسلحون مسؤولا محليا."), "ATTACK:اغتال");
	CHECK_STR(types("اندلعت اشتباكات عنيفة في المدينة."),
	          "ATTACK:اشتباكات");
	CHECK_STR(types("زودت واشنطن المعارضة بأسلحة."), "SUPPORT:زودت");
	/* the Taliban and students demand nothing */
	CHECK_STR(types("هاجمت حركة طالبان مواقع للجيش."), "ATTACK:هاجمت");
	CHECK_STR(types("شاركت طالبات المدرسة في الحفل."), "");
	CHECK_STR(types("وطالب الوزير بالإفراج عن المعتقلين."),
	          "DEMAND:طالب RELEASE:إفراج");
	/* وصل is an arrival, not a figure reaching a level nor a link */
	CHECK_STR(types("ووصل عدد الضحايا إلى 26 قتيلا."), "");
	CHECK_STR(types("وصلت النسبة في بعض الحالات إلى 40 في المائة."), "");
	CHECK_STR(types("كان محمد هو حلقة الوصل بين الأشخاص الثلاثة."), "");
	CHECK_STR(types("ووصل الأمير إلى موقع الثويلة أمس."), "TRAVEL:وصل");
	/* يسلم من is to be spared */
	CHECK_STR(types("يفكر في خطة ليسلم من الانتقاد."), "");
	CHECK_STR(types("سلم الجيش المعبر للشرطة."), "TRANSFER:سلم");
}

TEST(events_receptions_targets_truces_departures)
{
	CHECK_STR(types("استقبل الرئيس وفدا من رجال الأعمال."), "MEET:استقبل");
	CHECK_STR(types("استهدفت غارة موقعا للمسلحين."), "ATTACK:استهدفت");
	CHECK_STR(types("أعلن الطرفان هدنة لثلاثة أيام."), "AGREE:هدنة");
	CHECK_STR(types("غادر الوفد العاصمة مساء."), "TRAVEL:غادر");
	/* معاهد (institutes) is not معاهدة */
	CHECK_STR(types("تخرج من معاهد عالمية معروفة."), "");
}

TEST(events_killings_and_raids)
{
	CHECK_STR(types("قتل مسلحون عشرة جنود في كمين."), "ATTACK:قتل");
	CHECK_STR(types("أسفر الانفجار عن مقتل 14 شخصا."), "ATTACK:مقتل");
	CHECK_STR(types("داهمت الشرطة منزل المشتبه به."), "ARREST:داهمت");
	/* the dead are no killing verb, and a three-letter stem needs the
	 * word itself: قتلى is not قتل */
	CHECK_STR(types("نقل القتلى إلى المستشفى."), "");
	/* اشتبك clashed; اشتبه and اشتباه, suspected, share its stem */
	CHECK_STR(types("اشتبك المسلحون مع الجيش."), "ATTACK:اشتبك");
	CHECK_STR(types("وقع اشتباك مسلح قرب الحدود."), "ATTACK:اشتباك");
	CHECK_STR(types("اعتقلت الشرطة رجلا للاشتباه في صلته بالتنظيم."),
	          "ARREST:اعتقلت");
	CHECK_STR(types("اشتبه الجيران في الرجل."), "");
}

TEST(events_negotiations_and_shipments)
{
	CHECK_STR(types("انطلقت مفاوضات جديدة بين الطرفين في جنيف."),
	          "MEET:مفاوضات");
	CHECK_STR(types("ضبطت السلطات شحنة أسلحة قادمة من الخارج."),
	          "TRANSFER:شحنة");
}

/* A trigger inside a name is no event: «تحالف دعم الشرعية» names a
 * coalition; the support after it is one. */
TEST(events_no_trigger_inside_a_name)
{
	const char *text = "وقصفت طائرات تحالف دعم الشرعية مواقع الحوثيين "
	                   "وأعلنت دعم القوات الحكومية.";
	const char *name = "تحالف دعم الشرعية";
	struct isnad_tokenizer *tk = NULL;
	struct isnad_tokens t;
	struct isnad_events ev;
	struct isnad_span sp;
	isnad_tokens_init(&t);
	isnad_events_init(&ev);
	sp.start = (size_t)(strstr(text, name) - text);
	sp.end = sp.start + strlen(name);
	CHECK_INT(isnad_tokenizer_new(NULL, &tk), ISNAD_OK);
	CHECK_INT(isnad_tokenize(tk, text, strlen(text), &t), ISNAD_OK);
	CHECK_INT(isnad_events_find_named(text, strlen(text), &t, &sp, 1, &ev),
	          ISNAD_OK);
	for (size_t i = 0; i < ev.n; i++)
		if (ev.v[i].type == ISNAD_EV_SUPPORT)
			CHECK(ev.v[i].trig_start >= sp.end);
	CHECK(ev.n == 2);
	isnad_events_release(&ev);
	isnad_tokens_release(&t);
	isnad_tokenizer_free(tk);
	/* without the name, the first دعم is taken */
	CHECK_STR(types(text), "ATTACK:قصفت SUPPORT:دعم");
}

/* «وصل» of a price or a level to a figure is no arrival. */
TEST(events_figures_reach_no_place)
{
	CHECK_STR(types("وصل إيجار السيارات الفاخرة إلى 3000 ريال يوميا."), "");
	CHECK_STR(types("وصل الوفد السعودي إلى القاهرة أمس."), "TRAVEL:وصل");
}

/* «الطلب على», «ارتفاع الطلب», «العرض والطلب»: the market's demand. */
TEST(events_market_demand_is_no_request)
{
	CHECK_STR(types("وزاد الطلب على السيارات العائلية في الصيف."), "");
	CHECK_STR(types("ويتوقع ارتفاع الطلب على النفط هذا العام."), "");
	CHECK_STR(types("وقدم الوزير الطلب إلى المحكمة أمس."), "DEMAND:طلب");
}

/* Word senses the triggers also carry: a peak, a greeting, a conversion,
 * contract terms, a level reached, a wish or a condition. */
TEST(events_senses_that_are_no_events)
{
	CHECK_STR(types("ويتربع الزمالك على قمة جدول المسابقة."), "");
	CHECK_STR(types("انسحبت الكاتبة وهي في قمة نجاحها."),
	          "WITHDRAW:انسحبت");
	CHECK_STR(types("وتنطلق مباراة القمة بين الأهلي والزمالك غدا."), "");
	CHECK_STR(types("فلا يكون شبابنا لقمة سائغة في فم المحرضين."), "");
	CHECK_STR(types("ونظمت بروكسل قمة أوروبية طارئة عن الهجرة."),
	          "MEET:قمة");
	CHECK_STR(types("ثم سلم الوزراء الجدد على خادم الحرمين."), "");
	CHECK_STR(types("قال الرسول صلى الله عليه وسلم إن الدين النصيحة."), "");
	CHECK_STR(types("وسلم المتهم نفسه إلى الشرطة."), "TRANSFER:سلم");
	CHECK_STR(types("ويشمل التطوير تحويل أرضياتها إلى طبقة من الجرانيت."),
	          "");
	CHECK_STR(types("وأعلن البنك تحويل 5 ملايين دولار إلى الجمعية."),
	          "FUND:تحويل");
	CHECK_STR(types("ويتم التنفيذ بالشروط المنصوص عليها في المواصفات."),
	          "");
	CHECK_STR(types("ورفضت الحكومة شروط المعارضة للمشاركة في الحوار."),
	          "DEMAND:شروط");
	CHECK_STR(types("وهي صفقة وصلت إلى مراحلها الأخيرة."), "AGREE:صفقة");
	CHECK_STR(types("ووصل الرئيس إلى الرياض أمس."), "TRAVEL:وصل");
	CHECK_STR(types("ولو طلبت الإدارة زيادة لوافق اللاعب."), "");
	CHECK_STR(types("ويمكنك زيارة المتحف مشيا على الأقدام."), "");
	CHECK_STR(types("فيما لحقهما المطلوب طالب آل طالب."), "");
}

/* Trade categories, market verbs, things that reach a point, negations
 * and a people's plural are no events; a sale in the past tense is one. */
TEST(events_categories_negations_and_plurals)
{
	CHECK_STR(types("وبلغ سعر بيع اللتر 5 ريالات في السوق."), "");
	CHECK_STR(types("وتعمل الشركة في مجال التصدير منذ عشرين عاما."), "");
	CHECK_STR(types("وفي هذا العام زاد الطلب على الأزياء الراقية."), "");
	CHECK_STR(types("ووصل الأمر إلى حد تبادل الاتهامات."), "");
	CHECK_STR(types("وأكدت المصادر أن الشرطة لم تعتقل أيا منهم."), "");
	CHECK_STR(types("ولم يتم اعتقال أي مشتبه به حتى الآن."), "");
	CHECK_STR(types("وإيران لن تتخلى عن دعم حلفائها في المنطقة."),
	          "SUPPORT:دعم");
	CHECK_STR(types("وقدم الاتفاقيين مباراة كبيرة أمس."), "");
	CHECK_STR(types("ووقعت الدولتان اتفاقية للتعاون الأمني."),
	          "AGREE:اتفاقية");
	CHECK_STR(types("وباعت الشركة حصتها في البنك إلى مستثمرين."),
	          "TRADE:باعت");
	CHECK_STR(types("والذين ليس لهم باع طويل في عالم الموضة."), "");
}

/* A subsidy, a futures month and a conclusion reached are no events. */
TEST(events_subsidies_months_and_conclusions)
{
	CHECK_STR(types("وقررت الحكومة رفع دعم الوقود العام المقبل."), "");
	CHECK_STR(types("وارتفعت عقود تسليم أغسطس في السوق."), "");
	CHECK_STR(types("ووصل الطرفان إلى اتفاق نهائي أمس."), "AGREE:اتفاق");
	CHECK_STR(types("وأكد دعم بلاده للحكومة الشرعية."), "SUPPORT:دعم");
}

/* An office named by its work, a patient's visit, a sale of oneself. */
TEST(events_offices_care_visits_and_figures)
{
	CHECK_STR(types("وقال مدير التمويل في الشركة إن الأرباح ارتفعت."), "");
	CHECK_STR(types("وأعلن البنك عن تمويل مشروع الطريق بمليون دولار."),
	          "FUND:تمويل");
	CHECK_STR(types("وتنصح الأم بزيارة الطبيب بشكل يومي."), "");
	CHECK_STR(types("ووصل الوفد في زيارة رسمية إلى القاهرة."),
	          "TRAVEL:وصل");
	CHECK_STR(types("فهو يبيع دينه بعرض من الدنيا."), "");
	CHECK_STR(types("وباع التاجر أرضه لشركة عقارية."), "TRADE:باع");
}

/* A student, a match, a service or a body named by support. */
TEST(events_students_matches_and_services)
{
	CHECK_STR(types("وكان طالبا في جامعة الملك سعود قبل تخرجه."), "");
	CHECK_STR(types("وطالب الوزير بوقف إطلاق النار فورا."), "DEMAND:طالب");
	CHECK_STR(types("ويقام لقاء الهلال والنصر في الجولة الأولى من الدوري."),
	          "");
	CHECK_STR(types("وعقد لقاء بين وزيري الخارجية في الرياض."),
	          "MEET:لقاء");
	CHECK_STR(types("وتضم المدرسة قاعة دعم مشاريع الطلبة."), "");
	CHECK_STR(types("لكن الدعم الفني للتطبيق كان عائقا."), "");
	CHECK_STR(types("وأعلنت الحكومة دعم المزارعين بقروض ميسرة."),
	          "SUPPORT:دعم");
}

/* The market's demand with an adjective between, travel as a trade, a
 * paper or a ban, a squad strengthened, and a team meeting its opponent
 * are no events; a club's officials meeting people are. */
TEST(events_compounds_squads_and_opponents)
{
	CHECK_STR(types("ويجب بناء المساكن لتغطية الطلب المتزايد على العقار."),
	          "");
	CHECK_STR(types("وانتشرت عروض شركات السفر عبر وسائل الإعلام."), "");
	CHECK_STR(types("ويجب أن يكون جواز السفر ساري المفعول."), "");
	CHECK_STR(types("وسافر الوفد إلى لندن أمس."), "TRAVEL:سافر");
	CHECK_STR(types("ويسعى النادي لدعم صفوفه بلاعبين جدد."), "");
	CHECK_STR(
	    types(
	        "وتأهل الفريق إلى الدور المقبل من البطولة ليلتقي نظيره النصر."),
	    "");
	CHECK_STR(types("والتقى نائب رئيس النادي بالجهاز الفني واللاعبين "
	                "قبل المباراة."),
	          "MEET:التقى");
	CHECK_STR(types("والتقى الوزير نظيره التركي في أنقرة."), "MEET:التقى");
}

/* «الاتفاق» after a team's noun or moving to another club is a club. */
TEST(events_agreement_that_is_a_club)
{
	CHECK_STR(types("وتألق اللاعب مع فريقه السابق الاتفاق قبل رحيله."), "");
	CHECK_STR(types("وانتقل اللاعب من الاتفاق للهلال مقابل 17 مليون ريال."),
	          "");
	CHECK_STR(
	    types("وأكدت إدارة النادي بالاتفاق مع الشركة إتمام الترتيبات."),
	    "AGREE:اتفاق");
	CHECK_STR(types("وتوصل نادي ليفربول إلى اتفاق مع أستون فيلا."),
	          "AGREE:اتفاق");
}

/* A team's attack line is no attack; «الهجوم على» still is. */
TEST(events_attack_line_of_a_team)
{
	CHECK_STR(types("ويمكنه أن يلعب في مركز قلب الهجوم في المباراة."), "");
	CHECK_STR(types("ويسعى النادي إلى تعزيز هجومه قبل بداية الدوري."), "");
	CHECK_STR(types("وأدان الفريق الهجوم على الحافلة قبل المباراة."),
	          "ATTACK:هجوم");
}

/* A verbal noun of purpose is a use or an intent; an act refused did not
 * take place, a request or a deal refused did; اتفاقية after a noun of
 * people in a sentence of sport is the club's adjective. */
TEST(events_purpose_refusal_and_club_adjective)
{
	CHECK_STR(types("افتتح محل لبيع الخضروات في الحي."), "");
	CHECK_STR(types("باع الرجل المحل أمس."), "TRADE:باع");
	CHECK_STR(types("رفضوا التوجه إلى مناطق المواجهات."), "");
	CHECK_STR(types("توجه الوفد إلى مناطق المواجهات."), "TRAVEL:توجه");
	CHECK_STR(types("وكان البرلمان قد رفض طلبه عرض الرسوم."), "DEMAND:طلب");
	CHECK_STR(types("وقالت مصادر اتفاقية إن اللاعب جدد عقده مع النادي "
	                "قبل المباراة."),
	          "");
	CHECK_STR(types("ووقع الطرفان اتفاقية تعاون في الرياض."),
	          "AGREE:اتفاقية");
}

/* Who or what funds is no funding: «جهات تمويل», «بيت التمويل». */
TEST(events_funders_are_no_funding)
{
	CHECK_STR(types("وتبحث الجمعية عن جهات تمويل لمشروعها."), "");
	CHECK_STR(types("وأعلن بيت التمويل الخليجي نتائجه."), "");
	CHECK_STR(types("وقدمت الحكومة تمويلا للمشروع."), "FUND:تمويلا");
}

/* Heartbeats, penalties, counts of deals, deaths by accident, malls and
 * a chart's support levels are no events; the real ones beside them are. */
TEST(events_other_senses)
{
	CHECK_STR(types("ويساعد جهاز تنظيم ضربات القلب المرضى."), "");
	/* a kind of event, not one: «كل», «جميع», «أي» in construct */
	CHECK_STR(types("وقال إنه يرفض أي اتفاق يبرم مع النظام."), "");
	CHECK_STR(types("وأضاف أنهم يشاركون في كل اشتباك تقريبا."), "");
	/* an attack in words */
	CHECK_STR(types("وتعرضت المملكة لهجوم إعلامي وثقافي واسع."), "");
	CHECK_STR(types("وشن الوزير هجوما حادا على المعارضة."), "");
	CHECK_STR(types("وشن المسلحون هجوما على مركز للشرطة."), "ATTACK:هجوما");
	CHECK_STR(types("وشنت الطائرات ضربات على مواقع التنظيم."),
	          "ATTACK:ضربات");
	CHECK_STR(types("لتستقر عند 152.1 ألف صفقة خلال النصف الأول."), "");
	CHECK_STR(types("وانخفض عدد الصفقات العقارية بنسبة 14 في المائة."), "");
	CHECK_STR(types("وأبرمت الشركة صفقة لشراء طائرات."), "AGREE:صفقة");
	CHECK_STR(types("مقتل 36 في غرق عبارة في الفلبين."), "");
	CHECK_STR(types("كما فقدت شقيقه الذي قتل في حادث سير قبل 17 عاما."),
	          "");
	CHECK_STR(types("وقتل 14 جنديا في حادث إطلاق نيران صديقة."),
	          "ATTACK:قتل");
	CHECK_STR(types("وتتواصل الفعاليات في القطيف سيتي مول."), "");
	CHECK_STR(types("ومولت الحكومة المشروع بالكامل."), "FUND:مولت");
	CHECK_STR(types("بعد أن كسرت أسعار الذهب مستويات دعم حرجة."), "");
}

/* The verb اتفق of shared opinion is no deal; a deal struck with someone
 * and the nouns of a deal are. */
TEST(events_opinion_is_no_agreement)
{
	CHECK_STR(types("ولكنني لا أتفق مع هذا الرأي."), "");
	CHECK_STR(types("واتفق معه دخيل المطيري في ذلك."), "");
	CHECK_STR(types("واتفق عدد من المقيمين على أن مظاهر العيد جميلة."), "");
	CHECK_STR(types("واتفقت إدارة النادي مع المدرب الجديد."),
	          "AGREE:اتفقت");
	CHECK_STR(types("واتفق الشاب مع مشرفه على أن يعمل من المنزل."),
	          "AGREE:اتفق");
	CHECK_STR(types("ووقعت الشركة مذكرة تفاهم مع شركة شل."), "AGREE:تفاهم");
}

/* A negation, a condition, a hope or a stop further back in the clause:
 * no event; a known event under a negated verb still is one. */
TEST(events_negated_further_back)
{
	CHECK_STR(types("وأكد عدم وجود أي اجتماعات بين الطرفين."), "");
	CHECK_STR(types("وقال إنه لن يدخل في مفاوضات جديدة."), "");
	CHECK_STR(types("وانسحبت القوات من دون أن تشن غارات."),
	          "WITHDRAW:انسحبت");
	CHECK_STR(types("ويأمل المفاوضون في استكمال اتفاق نهائي."), "");
	CHECK_STR(types("وإيران لن تتخلى عن دعم حلفائها في المنطقة."),
	          "SUPPORT:دعم");
	CHECK_STR(types("وقال إن السياسة لن تتغير بسبب الاتفاقية."),
	          "AGREE:اتفاقية");
}
