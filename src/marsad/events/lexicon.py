"""The trigger lexicon: Arabic words that name events, tolls, attribution and modality.

Types and sub-types follow docs/events.md (ACLED's six types, plus Diplomacy and Statement). The order
of `SUB_TYPES` is the hierarchy: when one clause has triggers of several sub-types, the first in this
order is coded (an air strike inside a battle is a battle; shelling with an air strike is an air strike).
Verb stems were seeded from the PETRARCH Arabic verb dictionary (CAMEO codes 18x–19x, 04x, 11x,
MIT) and completed by hand; every entry is a stem whose inflections `morph` generates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.events.morph import PAST_SUFFIXES, PhraseIndex, noun, verb, words
from marsad.text.normalize import match_form

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
RIOTS = "Riots"
DIPLOMACY = "Diplomacy"
STATEMENT = "Statement"

SUB_TYPES: list[tuple[str, str]] = [
    (BATTLES, "Government regains territory"),
    (BATTLES, "Non-state actor overtakes territory"),
    (BATTLES, "Armed clash"),
    (REMOTE, "Chemical weapon"),
    (REMOTE, "Air/drone strike"),
    (REMOTE, "Suicide bomb"),
    (REMOTE, "Shelling/artillery/missile attack"),
    (REMOTE, "Remote explosive/landmine/IED"),
    (REMOTE, "Grenade"),
    (VAC, "Sexual violence"),
    (VAC, "Attack"),
    (VAC, "Abduction/forced disappearance"),
    (STRATEGIC, "Agreement"),
    (STRATEGIC, "Arrests"),
    (STRATEGIC, "Change to group/activity"),
    (STRATEGIC, "Disrupted weapons use"),
    (STRATEGIC, "Headquarters or base established"),
    (STRATEGIC, "Looting/property destruction"),
    (STRATEGIC, "Non-violent transfer of territory"),
    (STRATEGIC, "Other"),
    (PROTESTS, "Excessive force against protesters"),
    (PROTESTS, "Protest with intervention"),
    (PROTESTS, "Peaceful protest"),
    (RIOTS, "Violent demonstration"),
    (RIOTS, "Mob violence"),
    (DIPLOMACY, "Phone call"),
    (DIPLOMACY, "Negotiations"),
    (DIPLOMACY, "Consultations"),
    (DIPLOMACY, "Visit"),
    (DIPLOMACY, "Talks"),
    (DIPLOMACY, "Meeting"),
    (STATEMENT, "Denial"),
    (STATEMENT, "Accusation"),
    (STATEMENT, "Demand"),
    (STATEMENT, "Claim"),
    (STATEMENT, "Announcement"),
]
RANK = {pair: rank for rank, pair in enumerate(SUB_TYPES)}
# "Territory change" is one trigger meaning; who took the place decides the sub-type.
TERRITORY = "territory"
VIOLENT_TYPES = frozenset({BATTLES, REMOTE, VAC})
# Families for merging: a Battles report absorbs a strike in the same fight (docs/events.md §9).
FAMILY = {BATTLES: "violence", REMOTE: "violence", VAC: "violence", STRATEGIC: "strategic",
          PROTESTS: "unrest", RIOTS: "unrest", DIPLOMACY: "diplomacy", STATEMENT: "statement"}


@dataclass(frozen=True, slots=True)
class Cue:
    """What a lexicon hit means. kind: event | kill | injure | casualty | speech | deny | according |
    neg | future | hypo | cancel | civ | agent | update | means_air | means_shell | zero."""

    kind: str
    type: str | None = None
    sub_type: str | None = None
    needs_next: tuple[str, ...] = ()  # the trigger counts only if one of these words follows closely
    present: bool = False  # an imperfect verb form (يسيطر، يقصف): a state or a habit unless dated
    weak: bool = False  # a generic word (هجوم): yields to any more specific trigger of its clause
    needs_before: tuple[str, ...] = ()  # the trigger counts only if one of these words precedes closely
    verb: bool = False  # a verb form: never read after the article (السيطرة is not ال + سيطر + ه)

    @property
    def rank(self) -> int:
        if self.sub_type == TERRITORY:
            return RANK[(BATTLES, "Government regains territory")]
        return RANK.get((self.type or "", self.sub_type or ""), len(RANK))


def _event(type_: str, sub_type: str, needs_next: tuple[str, ...] = ()) -> Cue:
    return Cue("event", type_, sub_type, tuple(words(" ".join(needs_next)))) if needs_next else Cue(
        "event", type_, sub_type)


def _add_verb(cue: Cue, past: str, present: str | None = None) -> None:
    """A verb's past forms with `cue`, its imperfect forms (يقصف، تسيطر، سيقصف) marked `present`."""
    forms = verb(past, present)
    past_forms = {match_form(past) + suffix for suffix in PAST_SUFFIXES}
    INDEX.add(past_forms, (), replace(cue, verb=True))
    INDEX.add(forms - past_forms, (), replace(cue, verb=True, present=True))


INDEX = PhraseIndex()


def _add_forms(forms: set[str], cue: Cue, rest: str = "") -> None:
    INDEX.add(forms, words(rest) if rest else (), cue)


def _add(phrase: str, cue: Cue) -> None:
    INDEX.add_phrase(phrase, cue)


# ---- Battles
_territory = Cue("event", BATTLES, TERRITORY)
# The nouns name a change of control only with its object (السيطرة على) and after a verb saying it
# was achieved (تمكنت من استعادة، أعلن تحرير، بسط سيطرته): "تحت سيطرة", "للسيطرة على", "معركة تحرير",
# "يحاول استعادة السيطرة" name a state, a purpose or an aim, not an event.
ACHIEVED = words("تمكن تمكنت تمكنوا نجح نجحت نجحوا اكمل اكملت اتم اتمت اعلن اعلنت بسط بسطت بسطوا فرض "
                 "فرضت فرضوا احكم احكمت احكموا اعاد اعادت استكمل استكملت عن من استطاع استطاعت استطاعوا")
_territory_noun = Cue("event", BATTLES, TERRITORY, needs_next=words("علي"), needs_before=ACHIEVED)
_add_forms(noun("سيطرة"), _territory_noun)
# تحرير and استعادة are transitive: their object follows directly (تمكنت من تحرير جامعة الأنبار), على is
# not needed; the achieving verb before still is.
_territory_object = Cue("event", BATTLES, TERRITORY, needs_before=ACHIEVED)
for forms in (noun("استعادة"), noun("تحرير")):
    _add_forms(forms, _territory_object)
_add_forms(noun("استيلاء"), _territory_noun)
for past, present in (("استعاد", None), ("حرر", None), ("سيطر", None), ("استولى", "ستولي"),
                      ("استولت", "ستولي"), ("انتزع", None), ("اقتحم", None), ("طرد", None)):
    _add_verb(_territory, past, present)
for phrase in ("سقطت بيد", "سقطت في يد", "دخلت القوات", "فرض سيطرته", "فرضت سيطرتها", "احكم سيطرته",
               "احكمت سيطرتها"):
    _add(phrase, _territory)
_clash = _event(BATTLES, "Armed clash")
# The singulars معركة/مواجهة/قتال mostly name a campaign ("المعركة ضد الإرهاب", "مواجهة تنظيم داعش");
# the plurals name fighting that happened.
for forms in (noun("اشتباك"), noun("معارك"), noun("مواجهات"), noun("كمين")):
    _add_forms(forms, _clash)
for past, present in (("اشتبك", None), ("قاتل", None), ("هاجم", None), ("تصدى", "تصدي"), ("تصدت", "تصدي"),
                      ("صد", None)):
    _add_verb(_clash, past, present)
# هجوم is said of any attack (a bombing, a raid, an assault): it yields to a more specific trigger.
_add_forms(noun("هجوم", "هجمات", "هجمة"), Cue("event", BATTLES, "Armed clash", weak=True))
# ---- Explosions/Remote violence
_chem = _event(REMOTE, "Chemical weapon")
for phrase in ("غازات سامة", "غاز سام", "سلاح كيماوي", "اسلحة كيماوية", "الاسلحة الكيميائية", "غاز الكلور",
               "سلاح كيميائي", "اسلحة كيميائية"):
    _add(phrase, _chem)
_air = _event(REMOTE, "Air/drone strike")
for forms in (noun("غارة"), noun("غارات"), noun("ضربة جوية"), noun("طلعة", "طلعات")):
    _add_forms(forms, _air)
for phrase in ("ضربات جوية", "ضربات جويه", "قصف جوي", "القصف الجوي", "طائرة بدون طيار", "طائرة مسيرة",
               "ضربة جوية", "الضربات الجوية", "الضربة الجوية", "طلعات جوية", "الطلعات الجوية"):
    _add(phrase, _air)
_add_forms(noun("طيران", "طائرات", "مقاتلات", "قاذفات", "مروحيات", "طائرة"), Cue("means_air"))
_add_forms(noun("مروحية", "مروحيتين", "مروحيتان"), Cue("means_air"))
_add("سلاح الجو", Cue("means_air"))
AIR_STRIKE = _air  # aircraft that kill or destroy strike from the air, with no strike word (extract)
_suicide = _event(REMOTE, "Suicide bomb")
for forms in (noun("انتحاري", "انتحارية", "انتحاريين", "انتحاريون"),):
    _add_forms(forms, _suicide)
for phrase in ("حزام ناسف", "حزاما ناسفا", "احزمة ناسفة", "الحزام الناسف", "الاحزمة الناسفة"):
    _add(phrase, _suicide)
_add("فجر نفسه", _suicide)
_add("فجر نفسها", _suicide)
_shell = _event(REMOTE, "Shelling/artillery/missile attack")
for forms in (noun("قصف"), noun("قذيفة", "قذائف"), noun("صاروخ", "صواريخ"), noun("هاون"),
              noun("مدفعية"), noun("كاتيوشا"), noun("رمايات"), noun("راجمات")):
    _add_forms(forms, _shell)
_add_verb(_shell, "قصف")
# استهدف (targeted) and أطلق (launched) take the sub-type of their means when the clause names it
# (استهدفت سيارة مفخخة، استهدف انتحاريان): weak, Shelling by default (docs §2.2).
_targeted = replace(_shell, weak=True)
_add_forms(noun("استهداف"), _targeted)
_add_verb(_targeted, "استهدف")
# أطلق launches a projectile (أطلقوا صواريخ، أطلقت قذائف); "أطلق عملية/حملة/حرباً/سراح" is no strike.
PROJECTILES = words("صاروخ صاروخا صواريخ الصواريخ قذيفة قذائف القذائف قذيفتين صاروخين النار نارا الرصاص "
                    "رصاصا قنابل القنابل مقذوفات")
_add_verb(replace(_targeted, needs_next=PROJECTILES), "اطلق")
_ied = _event(REMOTE, "Remote explosive/landmine/IED")
_add_verb(_ied, "انفجر", "نفجر")
_add_verb(_ied, "فجر")
for forms in (noun("انفجار"), noun("تفجير"), noun("لغم", "الغام"),
              noun("مفخخة", "مفخخات"), noun("عبوة", "عبوات")):
    _add_forms(forms, _ied)
_add("قنبلة يدوية", _event(REMOTE, "Grenade"))
# Barrel bombs are dropped from helicopters: an air strike (docs §2.2).
for phrase in ("براميل متفجرة", "البراميل المتفجرة", "برميل متفجر", "البرميل المتفجر", "برميلا متفجرا",
               "براميل متفجره"):
    _add(phrase, _air)
# فتح النار على (opened fire on) an armed post or force: fighting (on civilians the clause's victims decide).
_add_verb(replace(_clash, needs_next=words("النار نيرانها نيرانهم")), "فتح")  # فتحوا الخميس النار
# ---- Violence against civilians
_add_forms(noun("اغتصاب"), _event(VAC, "Sexual violence"))
_vac = _event(VAC, "Attack")
for forms in (noun("اعدام"), noun("اغتيال"), noun("مجزرة", "مجازر")):
    _add_forms(forms, _vac)
for past in ("اعدم", "اغتال", "ذبح"):
    _add_verb(_vac, past)
_add("اطلق النار علي", _vac)
_abduct = _event(VAC, "Abduction/forced disappearance")
for forms in (noun("خطف"), noun("اختطاف")):
    _add_forms(forms, _abduct)
_add_verb(_abduct, "خطف")
_add_verb(_abduct, "اختطف")
# ---- Strategic developments
_agree = _event(STRATEGIC, "Agreement")
for forms in (noun("هدنة"), noun("اتفاقية")):
    _add_forms(forms, _agree)
for phrase in ("وقف اطلاق النار", "تبادل الاسري", "وقع اتفاق", "وقعت اتفاق", "توصل الي اتفاق",
               "التوصل الي اتفاق", "وقع اتفاقية", "وقف القتال"):
    _add(phrase, _agree)
# اتفاق alone is an agreement only when concluded: وقع الطرفان اتفاقاً، توصلا إلى اتفاق (not "مفاوضات
# حول اتفاق", "يسعى لاتفاق").
CONCLUDED = words("وقع وقعت وقعا وقعوا توقيع ابرم ابرمت ابرما ابرموا ابرام الي")
_add_forms(noun("اتفاق"), replace(_agree, needs_before=CONCLUDED))
_arrest = _event(STRATEGIC, "Arrests")
for forms in (noun("اعتقال"), noun("احتجاز"), noun("توقيف")):
    _add_forms(forms, _arrest)
_add_verb(_arrest, "اعتقل")
_add_verb(_arrest, "احتجز")
for phrase in ("القي القبض", "القت القبض", "القاء القبض", "قبض علي", "قبضت علي"):
    _add(phrase, _arrest)
_change = _event(STRATEGIC, "Change to group/activity")
for forms in (verb("انشق"), verb("بايع"), noun("مبايعة")):
    _add_forms(forms, _change)
for phrase in ("اعلن تشكيل", "اعلنت تشكيل", "نشر قوات", "تعزيزات عسكرية", "ارسال قوات", "ارسل قوات",
               "عبور دفعة", "ادرج علي قائمة الارهاب"):
    _add(phrase, _change)
_disrupt = _event(STRATEGIC, "Disrupted weapons use")
for forms in (verb("احبط", "حبط"), noun("احباط"), verb("افشل", "فشل"), noun("افشال")):
    _add_forms(forms, _disrupt)
for phrase in ("تفكيك عبوة", "فكك عبوة", "ابطال مفعول", "ضبط اسلحة", "اعترضت صاروخ", "اعترض صاروخ"):
    _add(phrase, _disrupt)
_base = _event(STRATEGIC, "Headquarters or base established")
for phrase in ("اقام قاعدة", "انشاء قاعدة", "انشاء موقع عسكري", "انشا مقرا", "اتخذ مقرا"):
    _add(phrase, _base)
_loot = _event(STRATEGIC, "Looting/property destruction")
for forms in (noun("نهب"), noun("هدم"), noun("تدمير")):
    _add_forms(forms, _loot)
for past, present in (("نهب", None), ("هدم", None), ("دمر", None), ("احرق", "حرق")):
    _add_verb(_loot, past, present)
_transfer = _event(STRATEGIC, "Non-violent transfer of territory")
for forms in (verb("انسحب"), noun("انسحاب")):
    _add_forms(forms, _transfer)
_other = _event(STRATEGIC, "Other")
for forms in (noun("انشقاق"), noun("اجلاء")):
    _add_forms(forms, _other)
_add("حظر تجول", _other)
# ---- Protests and riots
_protest = _event(PROTESTS, "Peaceful protest")
for forms in (verb("تظاهر"), noun("تظاهرة", "مظاهرة", "مظاهرات", "تظاهرات"), verb("احتج"), noun("احتجاج"),
              noun("اعتصام"), verb("اعتصم"), noun("مسيرة", "مسيرات")):
    _add_forms(forms, _protest)
_add("وقفة احتجاجية", _protest)
_intervene = _event(PROTESTS, "Protest with intervention")
for phrase in ("الغاز المسيل للدموع", "تفريق المتظاهرين", "فرقت المتظاهرين", "تفريق المحتجين"):
    _add(phrase, _intervene)
_add("اعمال شغب", _event(RIOTS, "Violent demonstration"))
_add("رشق بالحجارة", _event(RIOTS, "Violent demonstration"))
# ---- Diplomacy (order: phone call, negotiations, consultations, visit, talks, meeting)
_call = _event(DIPLOMACY, "Phone call")
for phrase in ("اتصال هاتفي", "اتصالا هاتفيا", "مكالمة هاتفية", "المكالمة الهاتفية", "مباحثات هاتفية",
               "محادثات هاتفية", "اتصالا هاتفيا", "الاتصال الهاتفي", "محادثة هاتفية", "المحادثة الهاتفية"):
    _add(phrase, _call)
# تلقى اتصالاً من، أجرى اتصالاً مع: a call even without هاتفياً
_add_forms(noun("اتصال"), replace(_call, needs_before=words("تلقى تلقت تلقي اجرى اجرت اجريا")))
for forms in (noun("مكالمة"),):
    _add_forms(forms, _call)
_add_forms(verb("هاتف"), _call)
_add_forms(noun("هاتفيا"), _call)
_neg = _event(DIPLOMACY, "Negotiations")
for forms in (noun("مفاوضات"), verb("تفاوض"), noun("تفاوض")):
    _add_forms(forms, _neg)
_consult = _event(DIPLOMACY, "Consultations")
for forms in (noun("مشاورات"), verb("تشاور"), noun("تشاور")):
    _add_forms(forms, _consult)
_visit = _event(DIPLOMACY, "Visit")
for forms in (verb("زار", "زور"), noun("زيارة"), verb("يزور", "زور")):
    _add_forms(forms, _visit)
_talks = _event(DIPLOMACY, "Talks")
for forms in (noun("مباحثات"), noun("محادثات")):
    _add_forms(forms, _talks)
_meeting = _event(DIPLOMACY, "Meeting")
for forms in (verb("التقى", "لتقي"), verb("التقت", "لتقي"), noun("لقاء", "لقاءات"), verb("اجتمع"),
              noun("اجتماع"), verb("استقبل"), noun("قمة")):
    _add_forms(forms, _meeting)
for forms in (verb("بحث"), verb("ناقش"), verb("بحثا"), verb("تباحث")):
    _add_forms(forms, Cue("event", DIPLOMACY, "Meeting", needs_next=words("مع خلال الجانبان الطرفان")))
# ---- Statement (coded only when nothing more specific is in the clause)
for forms in (verb("اتهم"), noun("اتهام")):
    _add_forms(forms, _event(STATEMENT, "Accusation"))
_add("حمل المسؤولية", _event(STATEMENT, "Accusation"))
for forms in (verb("طالب"), noun("مطالبة"), verb("ناشد"), verb("حث")):
    _add_forms(forms, _event(STATEMENT, "Demand"))
for forms in (verb("زعم"), verb("ادعى", "دعي")):
    _add_forms(forms, _event(STATEMENT, "Claim"))
_add_forms(verb("قرر"), _event(STATEMENT, "Announcement"))
# the noun قرار announces only when issued (أصدر الرئيس قراراً، اتخذت الحكومة قراراً): "هذا القرار"، "القرارات"
# in a comment are no announcement
_add_forms(noun("قرار"), replace(_event(STATEMENT, "Announcement"), needs_before=words(
    "اصدر اصدرت اصدروا اتخذ اتخذت اتخذوا اعلن اعلنت وقع وقعت")))
# أقر (approved: أقر المجلس الاتفاق) announces a decision when a political actor speaks (docs §2.8);
# "أقر بأن" (admitted) is left to extract
_add_forms(verb("اقر", "قر"), _event(STATEMENT, "Announcement"))
# نفى that the actor did something (نفى الوزير أن تكون بلاده …): a Denial, unless the sentence tells a
# codable event, which is then coded as that event, denied (docs §2.2, §8)
_add_forms(verb("نفى", "نفي") | verb("نفت", "نفي"), _event(STATEMENT, "Denial", needs_next=(
    "ان", "انه", "انها", "وجود", "صحة", "صحه", "اي", "ايه", "علمه", "علمها")))

# ---- tolls
_kill = Cue("kill")
for forms in (verb("قتل"), noun("مقتل"), noun("قتيل", "قتلى", "قتلي"), verb("استشهد"), noun("شهيد", "شهداء"),
              noun("مصرع"), verb("لقي", "لقي"), verb("لقوا", "لقي"), noun("اعدام"), noun("تصفية"),
              verb("توفي"), noun("وفاة"), noun("حصيلة")):
    _add_forms(forms, _kill)
for phrase in ("لقوا مصرعهم", "لقي مصرعه", "لقيت مصرعها", "لقيا مصرعهما", "القضاء علي", "قضت علي",
               "قضي علي", "اوقعت", "اوقع"):
    _add(phrase, _kill)
_injure = Cue("injure")
for forms in (verb("اصيب", "صاب"), noun("اصابة"), verb("جرح"), noun("جريح", "جرحى", "جرحي"), noun("مصاب"),
              noun("مصابين"), noun("اصابات")):
    _add_forms(forms, _injure)
_add_forms(noun("ضحايا", "خسائر"), Cue("casualty"))
for phrase in ("دون وقوع ضحايا", "دون وقوع اصابات", "لم يسفر عن وقوع ضحايا", "لم يسفر عن ضحايا",
               "لم تسفر عن اصابات", "لم يسفر عن اصابات", "لم تسفر عن ضحايا", "لم يسفر القصف عن وقوع ضحايا"):
    _add(phrase, Cue("zero"))
for forms in (verb("ارتفع"), verb("ارتفعت")):
    _add_forms(forms, Cue("update"))

# ---- attribution, denial, modality
_speech = Cue("speech")
for stem in ("قال", "ذكر", "افاد", "اعلن", "اكد", "اشار", "اوضح", "كشف", "نقل", "اضاف", "لفت", "صرح",
             "اورد", "بث", "نشر", "افادت", "تحدث"):
    _add_forms(verb(stem), _speech)
_add_forms(verb("قال", "قول"), _speech)
_add_forms(verb("افاد", "فيد"), _speech)
_add_forms(verb("اشار", "شير"), _speech)
_deny = Cue("deny")
for forms in (verb("نفى", "نفي"), verb("نفت", "نفي"), verb("دحض"), verb("كذب"), noun("نفي")):
    _add_forms(forms, _deny)
_add("لا صحة", _deny)
_add("عارية عن الصحة", _deny)
_according = Cue("according")
for phrase in ("بحسب", "حسب", "وفقا ل", "وفقا", "وفق", "نقلا عن", "طبقا ل", "حسبما"):
    _add(phrase, _according)
for word in ("لم", "لن", "لا", "ليس", "ليست", "عدم", "غير", "ما"):
    _add(word, Cue("neg"))
_future = Cue("future")
for phrase in ("سوف", "المقبل", "المقبله", "القادم", "القادمه", "من المقرر", "من المنتظر", "مرتقب",
               "المرتقب", "المتوقع", "المزمع", "يعتزم", "تعتزم", "غدا", "مقرر", "المقرر", "يعتزمون",
               "من المخطط", "يتوقع", "ينوي", "تنوي"):
    _add(phrase, _future)
_hypo = Cue("hypo")
for phrase in ("اذا", "في حال", "بحال", "لو", "قد", "ربما", "يحتمل", "احتمال", "هدد", "هددت", "يهدد",
               "تهدد"):
    _add(phrase, _hypo)
_cancel = Cue("cancel")
for forms in (verb("الغى", "لغي"), verb("الغت", "لغي"), verb("ارجا", "رجي"), noun("الغاء"), noun("تاجيل"),
              verb("اجل")):
    _add_forms(forms, _cancel)
_civ = Cue("civ")
for forms in (noun("مدني", "مدنيين", "مدنيون"), noun("مواطن", "مواطنين", "مواطنون"), noun("طفل", "اطفال"),
              noun("نساء", "امراة"), noun("سكان"), noun("اهالي"), noun("مصلين", "المصلين"), noun("نازحين")):
    _add_forms(forms, _civ)
_agent = Cue("agent")
for stem in ("شن", "نفذ", "اطلق", "ارتكب", "تبنى", "تبنت"):
    _add_forms(verb(stem), _agent)
_add("من قبل", _agent)
_add("من جانب", _agent)

# لقوات is ل + قوات, not لقي + ات; تلقى (received) is not the imperfect of لقي (met his death).
INDEX.block("قوات", "تلقى", "تلقي", "يتلقى", "تلقت", "تلقوا")
INDEX.block("فجرا", "الغارية", "غارية")
# ألقى (threw, ألقى القبض arrested) is not لقي (met his death): the hamza is lost in matching forms
INDEX.block("القى", "القي", "القت", "القوا", "يلقي", "القاء")
INDEX.block("اجتماعية", "طلعي")  # social (اجتماعية) is no meeting; "قومي طلعي" (a song) no sortie
# a killer (قاتلاً) is no fight, Baqir (باقر) no approval, a researcher (باحث) no urging
INDEX.block("قاتلا", "باقر", "باحث", "باحثون", "باحثين")
INDEX.block("الطالب")  # the student (الطالبة، الطلاب), not طالب (demanded) after the article
INDEX.block("سيرجي")  # Sergey (Lavrov), not the future of أرجأ  # at dawn; a village name, not a raid
INDEX.block("وزارة", "وزير", "وزراء", "زيارات", "قتال", "قراءة", "سيارة", "سيارات", "اعلام", "مقاتلين",
            "مقاتلي", "حربية", "صدى", "صدر", "هاتف", "لقاءات")
