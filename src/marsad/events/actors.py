"""Actor and source names: Arabic noun phrases to the English names of docs/events.md §3 and §7.

Three mechanisms, tried in order at a word position:
1. fixed phrases (داعش → Islamic State, قوات التحالف → Saudi-led coalition, رويترز → Reuters);
2. a force noun followed by a nationality adjective (القوات الروسية، الطيران السوري، وحدات من الجيش
   العراقي) → "Military Forces of <country>"; a ministry with its nationality (وزارة الدفاع الروسية) →
   "Ministry of Defence of Russia";
3. generic group nouns (مسلحون، مجموعات مسلحة، ناشطون) → ACLED's generic actors.
A bare force noun with no nationality (الجيش، القوات) is returned with `country=None`; the extractor
fills the country from the event's place.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.events.morph import PhraseIndex, noun, words
from marsad.text.normalize import match_form


@dataclass(frozen=True, slots=True)
class ActorName:
    name_en: str | None
    inter: str | None = None  # ACLED actor type
    kind: str = "actor"  # actor | source | force (a force noun whose country is unknown) | civilians
    country: str | None = None


STATE = "State forces"
REBEL = "Rebel group"
MILITIA = "Political militia"
EXTERNAL = "External/Other forces"
CIVILIANS = "Civilians"

_FIXED: dict[str, ActorName] = {}


def _fixed(phrases: str, name: str, inter: str | None = None, kind: str = "actor") -> None:
    for phrase in phrases.split("|"):
        _FIXED[phrase.strip()] = ActorName(name, inter, kind)


_fixed("قوات النظام|القوات النظامية|قوات النظام السوري|الجيش العربي السوري|الجيش السوري|القوات الحكومية السورية|"
       "القوات السورية|الطيران السوري|الطائرات الحربية السورية|سلاح الجو السوري|النظام السوري|قوات الاسد",
       "Military Forces of Syria", STATE)
_fixed("الجيش العراقي|القوات العراقية|القوات الامنية العراقية", "Military Forces of Iraq", STATE)
_fixed("الحشد الشعبي|قوات الحشد الشعبي", "Popular Mobilization Forces", MILITIA)
_fixed("داعش|تنظيم داعش|الدولة الاسلامية|تنظيم الدولة|تنظيم الدولة الاسلامية|التنظيم الارهابي داعش",
       "Islamic State", REBEL)
_fixed("جبهة النصرة|النصرة|هيئة تحرير الشام", "Al-Nusra Front", REBEL)
_fixed("الجيش السوري الحر|الجيش الحر", "Free Syrian Army", REBEL)
_fixed("فصائل المعارضة|المعارضة السورية|المعارضة المسلحة|فصائل المعارضة المسلحة", "Syrian opposition", REBEL)
_fixed("وحدات حماية الشعب|وحدات حماية الشعب الكردية", "YPG", REBEL)
_fixed("قوات سورية الديمقراطية|قوات سوريا الديمقراطية|قسد|سورية الديمقراطية|قوات سورية الديموقراطية|"
       "قوات سوريا الديموقراطية", "SDF", REBEL)
_fixed("حزب الله|حزب الله اللبناني", "Hezbollah", EXTERNAL)
_fixed("الحوثيون|الحوثيين|انصار الله|جماعة الحوثي|الميليشيات الحوثية|المليشيات الحوثية|ميليشيات الحوثي|"
       "مليشيات الحوثي|الحوثي|جماعة انصار الله|ميليشيا الحوثي|مليشيا الحوثي", "Houthis", REBEL)
_fixed("قوات صالح|الحرس الجمهوري|قوات المخلوع صالح|قوات المخلوع", "Saleh loyalists", MILITIA)
_fixed("المقاومة الشعبية|رجال المقاومة|المقاومة", "Popular Resistance", MILITIA)
_fixed("الجيش الوطني|الجيش اليمني|الجيش الموالي لهادي|قوات الشرعية|الجيش الوطني اليمني",
       "Military Forces of Yemen (Hadi)", STATE)
_fixed("قوات التحالف|التحالف العربي|التحالف بقيادة السعودية|طيران التحالف|مقاتلات التحالف|طائرات التحالف|"
       "قوات التحالف العربي|التحالف العربي بقيادة السعودية|تحالف دعم الشرعية", "Saudi-led coalition", EXTERNAL)
_fixed("التحالف الدولي|التحالف الدولي بقيادة الولايات المتحدة|التحالف الدولي بقيادة واشنطن|التحالف الاميركي|"
       "التحالف الامريكي|قوات التحالف الدولي|طيران التحالف الدولي", "US-led coalition", EXTERNAL)
_fixed("القاعدة في جزيرة العرب|تنظيم القاعدة|القاعدة", "AQAP", REBEL)
_fixed("حزب العمال الكردستاني", "PKK", REBEL)
_fixed("طالبان|حركة طالبان", "Taliban", REBEL)
_fixed("بوكو حرام", "Boko Haram", REBEL)
_fixed("حماس|حركة حماس", "Hamas", REBEL)
_fixed("مسلحون مجهولون|مسلحين مجهولين|مجهولون|مجهولين|مسلحون|مسلحين|مجموعات مسلحة|جماعات مسلحة|"
       "مجموعات ارهابية|الجماعات الارهابية|المجموعات الارهابية|المجموعات المسلحة|الجماعات المسلحة|"
       "التنظيمات الارهابية", "Unidentified armed group", REBEL)
_fixed("متظاهرون|متظاهرين|المتظاهرين|المتظاهرون|محتجون|محتجين|المحتجين|المحتجون", "Protesters", "Protesters")
# Sources (docs/events.md §7): who a report is attributed to.
_fixed("رويترز|وكالة رويترز", "Reuters", kind="source")
_fixed("فرانس برس|وكالة فرانس برس|وكالة الصحافة الفرنسية|الصحافة الفرنسية", "AFP", kind="source")
_fixed("اسوشيتد برس|الاسوشيتد برس|وكالة اسوشيتد برس", "AP", kind="source")
_fixed("سانا|وكالة سانا|الوكالة العربية السورية للانباء", "SANA", kind="source")
_fixed("واس|وكالة الانباء السعودية", "SPA", kind="source")
_fixed("سبا|وكالة سبا|وكالة الانباء اليمنية", "Saba", kind="source")
_fixed("سبوتنيك|وكالة سبوتنيك", "Sputnik", kind="source")
_fixed("انترفاكس|وكالة انترفاكس", "Interfax", kind="source")
_fixed("ريا نوفوستي|وكالة ريا نوفوستي", "RIA Novosti", kind="source")
_fixed("تاس|وكالة تاس", "TASS", kind="source")
_fixed("الاناضول|وكالة الاناضول", "Anadolu", kind="source")
_fixed("الميادين|قناة الميادين", "Al Mayadeen", kind="source")
_fixed("الجزيرة|قناة الجزيرة", "Al Jazeera", kind="source")
_fixed("العربية|قناة العربية", "Al Arabiya", kind="source")
_fixed("المرصد السوري|المرصد السوري لحقوق الانسان|المرصد", "SOHR", kind="source")  # المرصد alone: SOHR told again
_fixed("ناشطون|نشطاء|ناشطين|الناشطين|النشطاء|الناشطون|ناشطون سوريون|نشطاء سوريون", "Activists", kind="source")
_fixed("شهود عيان|شهود|شاهد عيان", "Eyewitnesses", kind="source")
_fixed("وسائل اعلام|وسائل الاعلام|وسائل اعلام محلية|تقارير اعلامية|التقارير الاخبارية", "Media", kind="source")
_fixed("الكرملين", "Kremlin", kind="source")
_fixed("خلية الاعلام الامني|خلية الاعلام الامني العراقية", "Security Media Cell", kind="source")
_fixed("البيت الابيض", "White House", kind="source")
_fixed("سكاي نيوز|سكاي نيوز عربية|قناة سكاي نيوز", "Sky News Arabia", kind="source")
_fixed("دوغان|وكالة دوغان|وكالة دوغان للانباء", "Dogan News Agency", kind="source")
_fixed("البنتاغون|البنتاجون", "Department of Defense of the United States", kind="source")
_fixed("مصادر|المصادر", "Sources", kind="source")

# Anonymous sources, composed (docs/events.md §7): head (مصدر / مصادر / مسؤول / مسؤولون) + what kind
# (أمني، عسكري، محلي، طبي …) + an optional nationality: مصادر أمنية عراقية → "Security sources" (the
# nationality is named only when no kind is: مصادر يمنية → "Yemeni sources").
# The number is kept: the gold sets (and analysts) tell "a security source" from "security sources".
_SOURCE_HEADS = {**{match_form(w): ("source", False) for w in ("مصدر", "المصدر")},
                 **{match_form(w): ("source", True) for w in ("مصادر", "المصادر")},
                 **{match_form(w): ("official", False) for w in ("مسؤول", "المسؤول")},
                 **{match_form(w): ("official", True) for w in ("مسؤولون", "مسؤولين", "المسؤولون", "المسؤولين")}}
_SOURCE_KINDS = {}
for _words, _kind in (("امني امنية امنيه امنيون امنيين", "Security"), ("عسكري عسكرية عسكريه عسكريون عسكريين",
                      "Military"), ("محلي محلية محليه محليون محليين اهلية", "Local"), ("طبي طبية طبيه", "Medical"),
                      ("ميداني ميدانية ميدانيه", "Field"), ("مطلع مطلعة مطلعه", "Informed"),
                      ("رسمي رسمية رسميه رسميون", "Official"), ("اعلامي اعلامية اعلاميه", "Media"),
                      ("حكومي حكومية حكوميه", "Government"), ("دبلوماسي دبلوماسية دبلوماسيه", "Diplomatic"),
                      ("قبلي قبلية قبليه", "Tribal"), ("طبيه", "Medical")):
    for _w in _words.split():
        _SOURCE_KINDS[match_form(_w)] = _kind
_POLICE = frozenset(match_form(w) for w in ("الشرطة", "بالشرطة"))
_DEMONYM = {"Syria": "Syrian", "Iraq": "Iraqi", "Yemen": "Yemeni", "Russia": "Russian", "United States": "US",
            "Turkey": "Turkish", "Saudi Arabia": "Saudi", "Iran": "Iranian", "Israel": "Israeli", "Egypt": "Egyptian",
            "Lebanon": "Lebanese", "Libya": "Libyan", "Jordan": "Jordanian", "Palestine": "Palestinian"}
_fixed("الامم المتحدة|المنظمة الدولية", "United Nations", "International organisation")
_fixed("مدنيين|مدنيون|المدنيين|المدنيون|مواطنين|مواطنون|المواطنين|السكان|الاهالي|اطفال|نساء",
       "Civilians", CIVILIANS, kind="civilians")

COUNTRIES: dict[str, str] = {}
for _adjective, _country in {
    "سوري": "Syria", "عراقي": "Iraq", "يمني": "Yemen", "روسي": "Russia", "امريكي": "United States",
    "اميركي": "United States", "تركي": "Turkey", "سعودي": "Saudi Arabia", "ايراني": "Iran",
    "اسرائيلي": "Israel", "مصري": "Egypt", "لبناني": "Lebanon", "اردني": "Jordan",
    "اماراتي": "United Arab Emirates", "قطري": "Qatar", "كويتي": "Kuwait", "بحريني": "Bahrain",
    "ليبي": "Libya", "فرنسي": "France", "بريطاني": "United Kingdom", "الماني": "Germany",
    "بيلاروسي": "Belarus", "صيني": "China", "افغاني": "Afghanistan", "باكستاني": "Pakistan",
    "سوداني": "Sudan", "تونسي": "Tunisia", "جزائري": "Algeria", "مغربي": "Morocco", "فلسطيني": "Palestine",
    "عماني": "Oman", "كازاخي": "Kazakhstan", "اوكراني": "Ukraine", "نيجيري": "Nigeria", "صومالي": "Somalia",
}.items():
    for _form in (_adjective, _adjective + "ه", "ال" + _adjective, "ال" + _adjective + "ه",
                  _adjective + "ين", "ال" + _adjective + "ين"):
        COUNTRIES[match_form(_form)] = _country

_FORCE_HEADS = noun("قوات", "جيش", "طيران", "طائرات", "مقاتلات", "قاذفات", "وحدات", "بحرية", "شرطة",
                   "قوة", "جنود", "عناصر", "سلاح", "مروحيات", "طائرة", "القوات", "الجيش")
_MINISTRIES = {match_form("الدفاع"): "Ministry of Defence", match_form("الخارجية"): "Ministry of Foreign Affairs",
               match_form("الداخلية"): "Ministry of Interior", match_form("الصحة"): "Ministry of Health"}
_MINISTRY_HEADS = {match_form(w) for w in ("وزارة", "الوزارة", "وزارتي")}

INDEX = PhraseIndex()
for _phrase, _name in _FIXED.items():
    INDEX.add_phrase(_phrase, _name)


@dataclass(frozen=True, slots=True)
class ActorSpan:
    start: int  # word index
    end: int
    name: ActorName


# Titles that open a person's description: وزير الخارجية الروسي سيرغي لافروف.
_TITLES = frozenset(match_form(w) for w in (
    "الرئيس", "رئيس", "وزير", "نائب", "مبعوث", "المبعوث", "الملك", "الامير", "ولي", "الناطق", "المتحدث",
    "سفير", "السفير", "قائد", "الامين", "امين", "معاون", "مستشار", "المستشار", "العاهل", "الشيخ", "رئيسة",
    "وزيرة", "المتحدثة", "الناطقة", "نظيره", "نظيرة", "نظيرها",
    # military and police ranks open a person's description too: العميد محمد الجبوري في شرطة نينوى
    "العميد", "العقيد", "اللواء", "المقدم", "الرائد", "النقيب", "العماد", "الجنرال", "المشير"))
_TITLE_STOP = frozenset(match_form(w) for w in (
    "في", "علي", "الي", "عن", "ان", "أن", "إن", "مع", "خلال", "امس", "اليوم", "بين", "الذي", "التي", "قد",
    "الي", "حول", "بشان", "لبحث", "بحث", "عقب", "اثناء", "يوم"))
TITLE_MAX_WORDS = 6


def _titled_person(tokens: list[str], i: int, limit: int) -> ActorSpan | None:
    """A title and the words after it up to a preposition, a verb-like stop or punctuation."""
    stem = tokens[i][1:] if tokens[i][:1] in ("و", "ف") and tokens[i][1:] in _TITLES else tokens[i]
    if stem not in _TITLES:
        return None
    j = i + 1
    while j < min(limit, i + TITLE_MAX_WORDS) and tokens[j][:1].isalpha() and tokens[j] not in _TITLE_STOP:
        j += 1
    if j - i < 2:
        return None
    return ActorSpan(i, j, ActorName(None, None, "person"))


def _anonymous_source(tokens: list[str], i: int, limit: int) -> ActorSpan | None:
    """مصدر أمني، مصادر طبية، مسؤولون محليون، مصادر أمنية عراقية، مصدر في الشرطة → an ACLED-style source."""
    word = tokens[i]
    head = _SOURCE_HEADS.get(word) or (_SOURCE_HEADS.get(word[1:]) if word[:1] in ("و", "ف", "ل") else None)
    if head is None:
        return None
    noun_kind, plural = head
    j, kind, country = i + 1, None, None
    while j < min(limit, i + 4):
        w = tokens[j][2:] if tokens[j].startswith("ال") and tokens[j][2:] in _SOURCE_KINDS else tokens[j]
        if kind is None and w in _SOURCE_KINDS:
            kind = _SOURCE_KINDS[w]
        elif country is None and tokens[j] in COUNTRIES:
            country = COUNTRIES[tokens[j]]
        elif kind is None and tokens[j] == "في" and j + 1 < limit and tokens[j + 1] in _POLICE:
            kind, j = "Police", j + 1
        else:
            break
        j += 1
    if kind is None:
        body = _body_of_source(tokens, j, limit, country)
        if body is not None:
            return ActorSpan(i, body[1], ActorName(body[0], None, "source"))
    if kind is None and country is None:
        return None
    noun_en = ("sources" if plural else "source") if noun_kind == "source" else ("officials" if plural else "official")
    # the gold sets name the kind without the nationality ("مصادر أمنية عراقية" → "Security sources"); a
    # nationality alone stays ("مصادر يمنية" → "Yemeni sources")
    parts = [_DEMONYM.get(country, country) if country and not kind else None, kind, noun_en]
    name = " ".join(part for part in parts if part)
    return ActorSpan(i, j, ActorName(name[:1].upper() + name[1:], None, "source"))


_RANK_WORDS = frozenset(match_form(w) for w in ("مسؤول", "مسؤولة", "رفيع", "رفيعة", "بارز", "كبير", "مطلع"))


def _body_of_source(tokens: list[str], j: int, limit: int, country: str | None) -> tuple[str, int] | None:
    """"مصدر في المقاومة الشعبية"، "مصدر يمني مسؤول في وزارة الصحة": a source inside a named body is
    attributed to that body (with the source's country when the body is a bare ministry)."""
    while j < limit and tokens[j] in _RANK_WORDS:
        j += 1
    if j + 1 >= limit or tokens[j] != "في":
        return None
    span = read_actor(tokens, j + 1, limit)
    if span is None or not span.name.name_en or span.name.kind not in ("actor", "force"):
        return None
    name = span.name.name_en
    if name.startswith("Ministry of") and " of " not in name[len("Ministry of"):] and country:
        name = ministry_of(name, country)
    return name, span.end


def read_actor(tokens: list[str], i: int, limit: int) -> ActorSpan | None:
    """The actor or source phrase starting at tokens[i] (not reaching `limit`), or None."""
    titled = _titled_person(tokens, i, limit)
    if titled is not None:
        return titled
    anonymous = _anonymous_source(tokens, i, limit)
    if anonymous is not None:
        return anonymous
    hits = INDEX.match(tokens, i)
    fixed = max(hits, key=lambda hit: hit.end) if hits else None
    composed = _composed(tokens, i, limit)
    if composed is not None and (fixed is None or composed.end > fixed.end):
        return composed
    if fixed is not None and fixed.end <= limit:
        return ActorSpan(i, fixed.end, fixed.payload)  # type: ignore[arg-type]
    return composed


def _stem(word: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


_HEADS = {prefix + form for form in (*_FORCE_HEADS, *_MINISTRY_HEADS, *_MINISTRIES, match_form("وزارة"))
          for prefix in ("", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "فال")}


_US_DEPARTMENTS = {"Ministry of Defence": "Department of Defense", "Ministry of Foreign Affairs": "Department of State"}


def ministry_of(ministry: str, country: str) -> str:
    """"Ministry of Defence of Russia"; the United States has departments (the Pentagon's name)."""
    if country == "United States" and ministry in _US_DEPARTMENTS:
        return f"{_US_DEPARTMENTS[ministry]} of the United States"
    return f"{ministry} of {country}"


def _composed(tokens: list[str], i: int, limit: int) -> ActorSpan | None:
    """Force noun + nationality, or ministry + department + nationality."""
    word = tokens[i]
    if word not in _HEADS:
        return None
    stem = _stem(word)
    if stem in _MINISTRY_HEADS or word in _MINISTRY_HEADS or stem == "وزاره":
        if i + 1 < limit and tokens[i + 1] in _MINISTRIES:
            ministry = _MINISTRIES[tokens[i + 1]]
            if i + 2 < limit and tokens[i + 2] in COUNTRIES:
                country = COUNTRIES[tokens[i + 2]]
                return ActorSpan(i, i + 3, ActorName(ministry_of(ministry, country), STATE, "actor", country))
            return ActorSpan(i, i + 2, ActorName(ministry, STATE, "force"))
        return None
    key = "ال" + stem
    if key in _MINISTRIES and word.startswith(("ال", "وال", "بال")) and i + 1 < limit and tokens[i + 1] in COUNTRIES:
        # "الدفاع الروسية" = the Russian defence ministry (المتحدث باسم الدفاع الروسية)
        country = COUNTRIES[tokens[i + 1]]
        return ActorSpan(i, i + 2, ActorName(ministry_of(_MINISTRIES[key], country), STATE, "actor", country))
    if word not in _FORCE_HEADS and stem not in _FORCE_HEADS:
        return None
    # Look a few words on for the nationality: القوات الجوية الروسية، وحدات من الجيش السوري.
    for j in range(i + 1, min(i + 5, limit)):
        if j > i + 1 and any(hit.payload.inter != STATE for hit in INDEX.match(tokens, j)):  # type: ignore[attr-defined]
            break  # عناصر من حزب الله اللبناني: the named group's members, not Lebanon's army
        if tokens[j] in COUNTRIES:
            country = COUNTRIES[tokens[j]]
            return ActorSpan(i, j + 1, ActorName(f"Military Forces of {country}", STATE, "actor", country))
        if not tokens[j][:1].isalpha() or tokens[j] in ("في", "علي", "الي", "عن", "ان", "من") and j > i + 2:
            break
    if stem in (match_form("جيش"), match_form("قوات"), match_form("جنود"), match_form("وحدات")) and word.startswith(
            ("ال", "وال", "لل", "بال")):
        return ActorSpan(i, i + 1, ActorName(None, STATE, "force"))
    return None


def country_of_adjective(word: str) -> str | None:
    return COUNTRIES.get(word)


__all__ = ["ActorName", "ActorSpan", "read_actor", "ministry_of", "country_of_adjective", "words"]
