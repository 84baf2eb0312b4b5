"""Find place mentions in a document and resolve them to gazetteer places.

One pass over the tokens finds every gazetteer name (longest match first, proclitics و ف ب ل ك ال
stripped, multi-word names by concatenated keys), with the place word before it (مدينة، ريف، محافظة...).
Names that are also common words need that place word; small places need at least a preposition
(في، من، ب...). The document's context (countries and governorates named in it, demonyms, names near
each mention) then picks among same-named places, with population as the prior. Relative descriptions
("على بعد نحو 40 كم جنوب شرقي الرقة", "شرق مدينة حمص بنحو 70 كم") and "ريف X" become the anchor place
with ACLED precision 2. Names after a place word that the gazetteer lacks are kept with no location:
reported, not guessed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from marsad.geo.gazetteer import Gazetteer, Place, name_key
from marsad.geo.lexicon import (
    BODY_WORDS,
    CLUB_SUFFIXES,
    CUE_KIND,
    DEMONYMS,
    DIRECTIONS,
    DISTANCE_UNITS,
    EVENT_WORDS,
    GENERIC_PLACE_NOUNS,
    LEGISLATOR_WORDS,
    LIST_CUES,
    MEDIA_WORDS,
    NAME_TAIL_WORDS,
    NAMED_AFTER_CUES,
    NAMING_CUE_KINDS,
    NEAR_ONLY_DEMONYMS,
    ORG_WORDS,
    PEOPLE_WORDS,
    PERSON_ROLE_WORDS,
    PLACE_PREPOSITIONS,
    PORT_WORDS,
    SPEECH_VERBS,
    STRONG_CUES,
    TITLE_WORDS,
    VENUE_WORDS,
    WEAK_CUES,
)
from marsad.records import Document, Location, Mention, PlaceMention
from marsad.text.cache import TwoGenerationCache
from marsad.text.normalize import MatchText, fold_char
from marsad.text.tokens import iter_tokens, proclitic_splits

# ACLED geo-precision: 1 the place itself, 2 near it / part of a region, 3 a province; 4 marks a
# whole country (ACLED has no code for it; analysts filter on it).
PRECISION_BY_FEATURE = {"country": 4, "admin1": 3, "admin2": 2, "admin3": 2, "region": 2}
POPULATED = frozenset({"city", "town", "village"})
MINOR_POPULATION = 10_000
SOFT_CONTEXT_SHARE = 0.2  # a soft common word is a place in a document at least this much about its country
FOREIGN_TRUSTED_POPULATION = 1_000_000
# Where the news this project reads happens: the Arab world, Turkey and Iran.
HOME_REGION = frozenset({"SY", "IQ", "LB", "JO", "PS", "IL", "TR", "IR", "YE", "SA", "AE", "QA", "KW", "BH", "OM",
                         "EG", "LY", "TN", "DZ", "MA", "SD", "SO", "MR", "DJ"})
NEAR_WINDOW = 200  # characters either side in which other names count as "nearby" context
# Place words and prepositions are never place names by themselves (GeoNames lists "مدينة" for Medina).
NOT_PLACE_WORDS = STRONG_CUES | WEAK_CUES | DIRECTIONS
# Feminine direction adjectives stand for a region by ellipsis ("(المنطقة) الشرقية"): names where the
# gazetteer lists them as common words, so only a place word or a list of regions makes them the place.
ELLIPTIC_DIRECTIONS = frozenset(k for k in DIRECTIONS if k.endswith("ه"))


# --------------------------------------------------------------------------------------------
# tokens and their readings


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    is_word: bool
    key: str
    after_newline: bool = False  # a line break separates it from the word before


def _readings(text: str) -> list[tuple[int, str]]:
    """(prefix length, stem key) for each proclitic reading of a token, unsplit first.

    Clitics are split on the token's matching form (diacritics and tatweel dropped, so "وَبِحلب" splits
    like "وبحلب"); the prefix length is counted back in the token's own characters, marks after the
    prefix's last letter included. After لل (ل + ال) the name keeps its article in the key, but its
    span starts after both lams, as the entities stage does ("للعراق" -> "عراق")."""
    form, raw_ends = folded_with_offsets(text)
    found = []
    for prefix, stem in proclitic_splits(form):
        key = name_key("ال" + stem) if prefix.endswith("لل") else name_key(stem)
        found.append((raw_ends[len(prefix)] if prefix else 0, key))
    return found


readings = TwoGenerationCache(_readings, 40_000)  # per token text; bounded memory (text/cache.py)


def _name_readings(text: str) -> list[tuple[int, str]]:
    """The readings a place name is looked up under: not those that strip the article off a name
    ("المالي" is "the financial", not Mali; "الشعب" "the people", not Sha'ab): a name that takes the
    article is listed with it ("الرقة"، "العراق"), so the unsplit or ب/و reading finds it."""
    return [(p, k) for p, k in readings(text) if not (p and _ends_with_article(text[:p]))]


def _ends_with_article(prefix: str) -> bool:
    key = name_key(prefix)
    return key.endswith("ال")


name_readings = TwoGenerationCache(_name_readings, 40_000)


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The token's matching form, and for each count n of its letters the raw offset where the
    (n+1)th letter's character starts (marks folding to nothing go with the letter before)."""
    form: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        for _ in folded:
            starts.append(i)
        form.append(folded)
    starts.append(len(text))
    # a letter that folds to several (a ligature) cannot be split: a prefix ending inside it ends after it
    raw_ends = [starts[n] if n == 0 or starts[n] != starts[n - 1] else next_start(starts, n) for n in range(len(starts))]
    return "".join(form), raw_ends


def next_start(starts: list[int], n: int) -> int:
    while n < len(starts) - 1 and starts[n] == starts[n - 1]:
        n += 1
    return starts[n]


def words_of(text: str) -> list[Word]:
    out: list[Word] = []
    previous_end = 0
    for t in iter_tokens(text):
        is_word = t.text[0].isalpha()
        after_newline = "\n" in text[previous_end:t.start]
        out.append(Word(t.start, t.end, t.text, is_word, name_key(t.text) if is_word else "", after_newline))
        previous_end = t.end
    return out


def stem_keys(word: Word) -> list[str]:
    return [key for _, key in readings(word.text)]


# --------------------------------------------------------------------------------------------
# matches


@dataclass
class Match:
    first: int  # index of the first word
    last: int  # index of the last word
    start: int  # clean offsets of the name, proclitics excluded
    end: int
    key: str
    candidates: list[Place]
    cue: str | None = None  # kind of the place word before the name (settlement, countryside...)
    cue_word: int | None = None  # index of that word
    cue_head: int | None = None  # the place word a list this name continues starts with ("محافظات الأحساء والخبر")
    weak_cue: bool = False
    glued_cue_only: bool = False  # the weak cue is only a ب/ل/ك/ال glued to the name
    direction_word: int | None = None  # "شرق" in "شرق مدينة حمص"
    from_ner: bool = False
    function_words: bool = False  # the name reads as Arabic function words: وأن (Van), يان ان (Yan'an)
    alternatives: list[tuple[int, str]] = field(default_factory=list)  # other (prefix, key) readings: وجدة
    accepted: bool = False
    place: Place | None = None
    span: tuple[int, int] | None = None  # the whole expression (ريف X الشرقي, على بعد 40 كم...)
    relation: str | None = None
    precision: int | None = None
    anchor: str | None = None


def find_names(words: list[Word], gaz: Gazetteer) -> list[Match]:
    """Every gazetteer name in the text, longest first, left to right, not overlapping."""
    matches: list[Match] = []
    i, n = 0, len(words)
    while i < n:
        match = longest_name_at(words, i, gaz)
        if match is None:
            i += 1
            continue
        if match.last > match.first and words[i].key in DIRECTIONS and measures_distance(words, match):
            # "60 كلم شرق حلب": a direction from the anchor place, not the area named "شرق حلب"
            i += 1
            continue
        matches.append(match)
        i = match.last + 1
    return matches


DISTANCE_UNIT_KEYS = frozenset(name_key(u) for u in DISTANCE_UNITS)
DISTANCE_AFTER_WORDS = frozenset(name_key(w) for w in ("بنحو", "بحوالي", "بقرابة", "بزهاء", "بمسافة", "بعد"))


def measures_distance(words: list[Word], match: Match) -> bool:
    """A distance stands right before the name ("60 كلم شرق حلب"، "80 كيلومترا إلى الشرق من" is no name) or
    right after it ("شرق حلب بنحو 60 كم"، "شرق حلب على بعد 60 كم")."""
    k = match.first - 1
    if k >= 0 and words[k].key in ("من", "عن"):
        k -= 1
    if k >= 1 and words[k].key in DISTANCE_UNIT_KEYS and any(c.isdigit() for c in words[k - 1].text):
        return True
    j = match.last + 1
    if j < len(words) and words[j].key == "علي":
        j += 1
    return j + 1 < len(words) and words[j].key in DISTANCE_AFTER_WORDS and any(
        c.isdigit() for c in words[j + 1].text)


def longest_name_at(words: list[Word], i: int, gaz: Gazetteer) -> Match | None:
    word = words[i]
    if not word.is_word or has_tanwin(word.text):
        return None
    best: tuple[int, int, str] | None = None  # (last index, prefix length, key)
    singles: list[tuple[int, str]] = []
    for prefix_len, stem in name_readings(word.text):
        if stem in gaz.first_words:
            key = stem
            for j in range(i + 1, min(i + gaz.max_words, len(words))):
                if not joined(words, j):
                    break
                key += words[j].key
                if key in gaz.by_key and (best is None or j > best[0]):
                    best = (j, prefix_len, key)
        if stem in gaz.by_key and (stem not in NOT_PLACE_WORDS
                                   or (stem in ELLIPTIC_DIRECTIONS and gaz.is_common(stem))
                                   or (not prefix_len and gaz.is_common(stem) and after_place_word(words, i))):
            singles.append((prefix_len, stem))
            if best is None:
                best = (i, prefix_len, stem)
    if best is None:
        return None
    last, prefix_len, key = best
    match = Match(i, last, word.start + prefix_len, words[last].end, key, gaz.candidates(key))
    if last == i:  # a conjunction or preposition read off the name (not its article)
        match.alternatives = [(p, k) for p, k in singles
                              if k != key and p and set(name_key(word.text[:p])) <= _CLITICS
                              and "ال" not in name_key(word.text[:p])]
    return match


# A place word that is also a name, after a place word and standing alone: "محافظة «حقل»" is Haql; "منطقة حقل
# الشيبة"، "منطقة حقل نفطي" are fields (the next word is in construct with it).
NAME_AFTER_CUE_KINDS = frozenset({"settlement", "province", "area", "district"})


def after_place_word(words: list[Word], i: int) -> bool:
    if i + 1 < len(words) and joined(words, i + 1):
        return False
    k = i - 1
    while k >= 0 and words[k].text in QUOTES:
        k -= 1
    return k >= 0 and words[k].is_word and any(CUE_KIND.get(key) in NAME_AFTER_CUE_KINDS for key in stem_keys(words[k]))


_CLITICS = frozenset("وفبلك")
ALTERNATIVE_POPULATION_RATIO = 3.0


def choose_reading(match: Match, words: list[Word], gaz: Gazetteer, ctx: Context) -> None:
    """"وجدة": Oujda, or و + جدة (Jeddah)? The reading whose place lies in a country the document is
    about wins; on a tie, a place far more populous than the other reading's."""
    if not match.alternatives:
        return

    def strength(key: str) -> tuple[float, int]:
        places = gaz.candidates(key)
        share = max(ctx.country_share(p.country_code) for p in places)
        return share, max(p.population for p in places)

    best_key, best_prefix = match.key, match.start - words[match.first].start
    best_share, best_pop = strength(match.key)
    for prefix_len, key in match.alternatives:
        if all(is_minor(p) for p in gaz.candidates(key)):
            continue  # "لبنان" is Lebanon, not ل + بنان (a Syrian village) in a document about Syria
        share, pop = strength(key)
        if share > best_share + 0.1 or (abs(share - best_share) <= 0.1 and pop >= ALTERNATIVE_POPULATION_RATIO * best_pop):
            best_key, best_prefix, best_share, best_pop = key, prefix_len, share, pop
    if best_key != match.key:
        match.key, match.candidates = best_key, gaz.candidates(best_key)
        match.start = words[match.first].start + best_prefix


def has_tanwin(text: str) -> bool:
    """Nunation marks an indefinite noun or adverb ("روسياً", "دوراً"), never a place name."""
    return "\u064b" in text or "\u064c" in text or "\u064d" in text


def joined(words: list[Word], j: int) -> bool:
    """Whether word j continues a name begun before it (a word, on the same line)."""
    return words[j].is_word and words[j - 1].is_word and not words[j].after_newline


# --------------------------------------------------------------------------------------------
# context words around a name


DATELINE_DASHES = frozenset("-–—")
OUTLET_NAME_WORDS = 4  # words of the outlet's name before the dash of a dateline


def outlet_dateline(match: Match, words: list[Word]) -> bool:
    """"عين اليوم – سان فرانسيسكو" opening the text: a name alone between a dash after a few words (the
    outlet's name) and the end of the first line is the dateline."""
    dash = match.first - 1
    if dash < 1 or dash > OUTLET_NAME_WORDS or words[dash].text not in DATELINE_DASHES \
            or match.start != words[match.first].start:
        return False
    if any(w.after_newline for w in words[1:match.last + 1]) or not all(w.is_word for w in words[:dash]):
        return False
    return match.last + 1 == len(words) or words[match.last + 1].after_newline


def mark_cues(match: Match, words: list[Word], previous: Match | None) -> None:
    """The place word, preposition or direction before the name, or a list it continues."""
    prefix = name_key(words[match.first].text[: match.start - words[match.first].start])
    if prefix.rstrip("و"):  # ب، ل، ك، ال glued to the name: "بالرقة", "للرقة"
        match.weak_cue = match.glued_cue_only = True
    k = match.first - 1
    while k >= 0 and words[k].text in QUOTES:  # مدينة " لودر" / محافظة «أبين»
        k -= 1
    k = past_list_fillers(words, k, match)
    if k >= 0 and words[k].is_word:
        keys = stem_keys(words[k])
        cue = next((key for key in keys if key in STRONG_CUES), None)
        if cue is not None and k == match.first - 1 and prefix[:1] in ("و", "ف") and cue not in LIST_CUES:
            cue = None  # "أي منطقة فسوف": a conjunction starts a new clause; no "مدينة وحلب"
        if cue is not None:
            match.cue, match.cue_word = CUE_KIND[cue], k
            if k >= 1 and words[k - 1].is_word and any(key in DIRECTIONS for key in stem_keys(words[k - 1])):
                match.direction_word = k - 1
        elif any(key in DIRECTIONS for key in keys):
            match.direction_word, match.weak_cue = k, True
            if k >= 1 and words[k - 1].is_word and any(key in DIRECTIONS for key in stem_keys(words[k - 1])):
                match.direction_word = k - 1  # "جنوب شرقي الرقة"
        elif any(key in WEAK_CUES for key in keys):
            match.weak_cue = True
        elif any(key in PEOPLE_WORDS for key in keys) and all(
                p.feature in ("admin1", "region") for p in match.candidates):
            match.cue, match.cue_word = "people", k  # "أهالي عسير"
        elif is_title(words[k]) and not all(is_minor(p) for p in match.candidates):
            match.cue, match.cue_word = "title", k  # "أمير عسير"، "عمدة دارين"
    if outlet_dateline(match, words):
        match.weak_cue = True  # "عين اليوم – سان فرانسيسكو": the dateline after the outlet's name
    if match.cue is None and previous is not None and continues_list(previous, match, words):
        match.cue, match.weak_cue = previous.cue, previous.weak_cue or previous.cue is not None
        match.cue_head = previous.cue_word if previous.cue_word is not None else previous.cue_head
    # "في بيان": a preposition before a word with a preposition glued to it reads the word whole
    glued_preposition = prefix.lstrip("وف")[:1] in ("ب", "ل", "ك")
    if match.glued_cue_only and (match.cue is not None or match.direction_word is not None or (
            not glued_preposition and k >= 0 and any(key in WEAK_CUES for key in stem_keys(words[k])))):
        match.glued_cue_only = False


def is_title(word: Word) -> bool:
    """"أمير"، "وعمدة": a title in construct; "الأمير" (الأمير نايف، الأمير الجديد) names a person. Only
    for a place that is no village or small foreign town: محافظ is also "portfolios" (محافظ كبيرة)."""
    return word.key in TITLE_WORDS or (word.key[:1] in ("و", "ف") and word.key[1:] in TITLE_WORDS)


QUOTES = frozenset('"«»“”\'(')
# Words between a plural place word and the first item of its list: "مدن أخرى كالدار البيضاء"، "دول مثل".
LIST_FILLERS = frozenset(name_key(w) for w in ("أخرى", "مثل", "منها", "كبرى", "عدة", "عديدة", "مختلفة"))


def past_list_fillers(words: list[Word], k: int, match: Match) -> int:
    """The index of the plural place word before "أخرى"/"مثل" (at most two of them), else k unchanged."""
    j = k
    while j >= 0 and j > k - 2 and words[j].is_word and words[j].key in LIST_FILLERS:
        j -= 1
    if j < k and j >= 0 and words[j].is_word and any(key in LIST_CUES for key in stem_keys(words[j])):
        return j
    return k
SPEECH_WINDOW = 4  # words between the speech verb and لـ«X»


def names_a_medium(match: Match, words: list[Word]) -> bool:
    """"قناة الميادين"، "لصحيفة «الرياض»": a place name used for a channel, paper, agency or club; and
    "قال لـ«الميادين»"، "صرح «للميادين»": a quoted name addressed by a speech verb through لـ."""
    after = match.last + 1
    if after < len(words) and words[after].is_word and words[after].key in CLUB_SUFFIXES:
        return True  # "مانشستر يونايتد"، "لمانشستر سيتي": a club (multi-word city names are matched whole)
    k = match.first - 1
    quoted = False
    while k >= 0 and words[k].text in QUOTES:
        quoted, k = True, k - 1
    if k >= 0 and words[k].is_word and any(key in MEDIA_WORDS for key in stem_keys(words[k])):
        return True
    if names_an_institution(match, words):
        return True
    if not quoted:
        return False
    glued = name_key(words[match.first].text[: match.start - words[match.first].start])
    if glued.lstrip("وف").startswith("ل"):  # «للميادين»
        first_before = k
    elif k >= 0 and name_key(words[k].text) == "ل":  # لـ«الميادين»
        first_before = k - 1
    else:
        return False
    for j in range(first_before, max(-1, first_before - SPEECH_WINDOW), -1):
        if words[j].is_word and any(key in SPEECH_VERBS for key in stem_keys(words[j])):
            return True
    return False


# The institution words with the clitics that may precede a construct (no article: "جامعة الأنبار").
ORG_WORDS_WITH_CLITICS = frozenset(p + org for org in ORG_WORDS for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"))


def names_an_institution(match: Match, words: list[Word]) -> bool:
    """"جامعة الأنبار"، "بمستشفى الرس"، "لنادي «أبها»": a university, hospital, club... named after the place
    (in construct: the institution word has no article and the name no preposition of its own)."""
    if match.start > words[match.first].start and not name_key(
            words[match.first].text[: match.start - words[match.first].start]).endswith("ال"):
        return False  # "مستشفى الملك فهد بجدة": the place the hospital is in
    k = match.first - 1
    while k >= 0 and words[k].text in QUOTES:
        k -= 1
    if k < 0 or not words[k].is_word:
        return False
    key = words[k].key
    if key not in ORG_WORDS_WITH_CLITICS:
        return False
    # "ملعب سبليت": a stadium named by its city stands in that city (not "ملعب الملك فهد": no populated place)
    return not (key.lstrip("وفبل") in VENUE_WORDS and all(p.feature in POPULATED for p in match.candidates))


BODY_OR_EVENT_WITH_CLITICS = frozenset(p + w for w in BODY_WORDS | EVENT_WORDS
                                       for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"))


BODY_UNIT_WORDS = frozenset(name_key(w) for w in ("منطقة", "محافظة"))


def names_a_body_or_event(match: Match, words: list[Word]) -> bool:
    """"ريال مدريد"، "فريق أبها"، "اتفاق فيينا"، "مبادئ جنيف": a team or an agreement named after the place
    in construct (the team word has no article, the name no preposition of its own; a place word may stand
    between: "فرقة محافظة رنية")."""
    if match.start > words[match.first].start and not name_key(
            words[match.first].text[: match.start - words[match.first].start]).endswith("ال"):
        return False  # "الدفاع المدني بجدة"، "مهرجان ... في أبها": the place it is in
    k = match.first - 1
    while k >= 0 and words[k].text in QUOTES:
        k -= 1
    if match.cue_word is not None and match.cue_word == k and words[k].key in BODY_UNIT_WORDS:
        k -= 1  # "فرقة محافظة رنية"
    return k >= 0 and words[k].is_word and words[k].key in BODY_OR_EVENT_WITH_CLITICS


_BIRTHPLACE = name_key("مسقط")
_HEAD_KEYS = frozenset(name_key(w) for w in ("رأس", "رأسي", "رأسه", "رأسها", "رأسهم", "راس", "راسي", "راسه", "راسها"))
# After أمريكا: the continents, and "سكان أمريكا الأصليين" (the Americas' first peoples), not the United States.
CONTINENT_TAILS = frozenset(name_key(w) for w in ("الشمالية", "الجنوبية", "الوسطى", "اللاتينية", "الأصليين",
                                                 "الأصليون"))
# "من طراز لوس أنجلوس" (a class of submarine), "طائرة من نوع X": a model named after a place.
MODEL_WORDS = frozenset(name_key(w) for w in ("طراز", "الطراز"))
NEWSPAPER_TAILS = frozenset(name_key(w) for w in ("بوست", "تايمز", "تايم", "جورنال", "هيرالد", "تريبيون", "غارديان"))


OPPONENT_WORDS = frozenset(name_key(w) for w in ("أمام", "ضد"))
SPORT_WORDS = frozenset(name_key(w) for w in ("مباراة", "المباراة", "مباراته", "مباراتها", "مباريات", "الدوري",
                                             "دوري", "المباريات", "هدف", "هدفين", "بهدف", "اللاعب", "المدرب"))


def sports_report(words: list[Word]) -> bool:
    """A match report: at least two words of football (مباراة، الدوري، بهدف...)."""
    return sum(w.key in SPORT_WORDS for w in words) >= 2


_CITY_KEY = name_key("مدينة")
# "مدينة جازان الاقتصادية" is a development tens of km from the city; "مدينة الجبيل الصناعية"، "مدينة الرياض الطبية"
# stand in or by their city, which is where their news happens, so they stay the city.
PROJECT_TAILS = frozenset(name_key(w) for w in ("الاقتصادية",))


FOREIGN_DEMONYM_KEYS = frozenset(name_key(w) for w in ("الأمريكي", "الأميركي", "الروسي", "الفرنسي", "البريطاني",
                                                      "الإيراني", "التركي", "الصيني", "الألماني"))


def names_no_place(match: Match, words: list[Word], text: str, soft_common: frozenset[str] = frozenset()) -> bool:
    """Set phrases in which a place name names no place: "مسقط رأسي" (my birthplace, not Muscat), "أمريكا
    الجنوبية" (a continent: not annotated, and not the United States), "واشنطن بوست" (a newspaper), "من
    طراز لوس أنجلوس" (a model), "بورتو
    البرتغالي" (a club: a city takes a feminine adjective, a club a masculine one), a town after أمام/ضد in
    a match report (the team; a country there is its national team, which the conventions annotate), a
    town right after a person's title or role with nothing glued to it ("المهاجم دوجلاس"، "الأمير نايف"; a
    glued ب only before a name news mostly uses as a word: "الرئيس باراك" is no ب + Arak), a
    development named after a city away from it ("مدينة جازان الاقتصادية"), a two-letter name not spelled with its hamza ("قرب باب" is no Ibb, إب)."""
    after = words[match.last + 1] if match.last + 1 < len(words) else None
    follows = after is not None and after.is_word and not after.after_newline
    if match.key == _BIRTHPLACE and follows and after.key in _HEAD_KEYS:
        return True
    if follows and after.key in NEWSPAPER_TAILS:
        return True
    if match.first > 0 and words[match.first - 1].key in MODEL_WORDS and match.start == words[match.first].start:
        return True
    countries = [p for p in match.candidates if p.feature == "country"]
    if follows and after.key in CONTINENT_TAILS and countries and len(countries) == len(match.candidates) and \
            any(p.country_code == "US" for p in countries):
        return True
    if follows and after.key.startswith("ال") and after.key.endswith("ي") and DEMONYMS.get(after.key) and \
            all(p.feature in POPULATED for p in match.candidates) and match.cue is None:
        return True
    if match.cue is None and match.start == words[match.first].start and match.first > 0 \
            and words[match.first - 1].key in OPPONENT_WORDS and all(p.feature != "country" for p in match.candidates) \
            and sports_report(words):
        return True
    role = match.first - 1
    if role > 0 and (words[role].key in DEMONYMS or words[role].key in FOREIGN_DEMONYM_KEYS):
        role -= 1  # "الرئيس الأمريكي باراك"
    if match.cue is None and role >= 0 and words[role].key in PERSON_ROLE_WORDS \
            and all(p.feature != "country" for p in match.candidates) and not words[match.first].after_newline:
        glued = name_key(words[match.first].text[: match.start - words[match.first].start])
        if not glued or (glued == "ب" and match.key in soft_common):
            return True  # "المهاجم دوجلاس كوستا": a person, not Douglas; "الرئيس باراك" is no ب + Arak
    if follows and after.key in PROJECT_TAILS and match.cue_word is not None and match.cue_word == match.first - 1 \
            and _CITY_KEY in stem_keys(words[match.cue_word]):
        return True  # "مدينة جازان الاقتصادية": a development named after the city, not the city
    if len(match.key) == 2:
        stem = text[match.start:match.end]
        return not any(stem in p.names for p in match.candidates)
    return False


# Words glued to ب that are set phrases: "بحجة" (on the pretext of), which also reads ب + Hajjah (Yemen).
GLUED_IDIOMS = frozenset(name_key(w) for w in ("حجة",))


def reads_as_idiom(match: Match, words: list[Word], ctx: Context) -> bool:
    """"بحجة عدم جهوزية المنشآت" (on the pretext of) is no "in Hajjah": a name of GLUED_IDIOMS after a glued ب
    with no place word is the phrase, unless the document is about the name's country."""
    if match.key not in GLUED_IDIOMS or match.cue is not None or match.first != match.last:
        return False
    glued = name_key(words[match.first].text[: match.start - words[match.first].start])
    if glued.lstrip("وف") != "ب":
        return False
    return all(ctx.country_share(p.country_code) < SOFT_CONTEXT_SHARE for p in match.candidates)


def reads_as_adjective(match: Match, words: list[Word]) -> bool:
    """"الطائرة السعودية"، "الخطوط السعودية"، "الحالات المطرية"، "الرسالة المحمدية": a name with the article
    shaped like a relative adjective (-ي، -ية) right after a definite noun, with no place word of its own,
    is that noun's adjective (Saudi, rainy), not the place."""
    word = words[match.first]
    if match.first != match.last or match.start != word.start or match.cue is not None or match.first == 0:
        return False
    key = name_key(word.text)
    if not key.startswith("ال") or not key.endswith(("ي", "يه")) or key in ELLIPTIC_DIRECTIONS:
        return False
    before = words[match.first - 1]
    if not before.is_word or word.after_newline:
        return False
    return name_key(before.text).startswith(("ال", "بال", "لل", "وال", "فال", "كال"))


def continues_list(previous: Match, match: Match, words: list[Word]) -> bool:
    """"قرى الخميسية والجابر": a name joined by و or a comma to an accepted name with a place word."""
    if not previous.accepted or previous.cue is None or previous.cue == "title":
        return False  # "محافظ جدة، وبندر بن سعود": a title is no list of places
    if all(place.feature == "country" for place in previous.candidates):
        return False  # "مناطق سوريا، والإشارة...": a country does not start a list of villages
    gap = match.first - previous.last
    starts_with_and = words[match.first].text.startswith("و") and match.start > words[match.first].start
    comma_between = gap == 2 and words[previous.last + 1].text in (",", "،")
    return (gap == 1 and starts_with_and) or comma_between or (gap == 2 and words[match.first - 1].key == "و")


# Particles that open a clause or a phrase. A name that is one of them (after a conjunction: وأن = و +
# أن, not Van) or has one as a word of its own (يان ان: the tail of "بيان ان"/"عيان ان", not Yan'an) is
# read as the particle unless a place word names it or a preposition of its own stands before it.
FUNCTION_WORDS = frozenset(name_key(w) for w in (
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "من", "ما", "لا", "لم", "لن", "عن", "في", "هل", "قد", "إذ",
    "إذا", "أو", "ثم", "بل", "كي", "لو", "كما", "إلا", "لكن", "بأن", "حتى", "مع", "على", "أي", "أية",
))


def reads_as_function_words(words: list[Word], match: Match) -> bool:
    """"وأن" (و + أن) read as وان/Van, "يان ان" (بيان + ان read across the ب) as Yan'an."""
    if match.first == match.last:
        key = name_key(words[match.first].text[match.start - words[match.first].start :])
        return key in FUNCTION_WORDS or (key[:1] in ("و", "ف") and key[1:] in FUNCTION_WORDS)
    first = name_key(words[match.first].text[match.start - words[match.first].start :])  # "لأي دين": أي
    return first in FUNCTION_WORDS or any(words[j].key in FUNCTION_WORDS for j in range(match.first, match.last + 1))


def names_function_words(match: Match, words: list[Word]) -> bool:
    """A place word right before the name (not an article-bearing one: "في المنطقة وأن"), or a
    preposition of its own (في وان)."""
    if match.cue is not None and match.cue_word == match.first - 1:
        return not name_key(words[match.cue_word].text).startswith(("ال", "وال", "فال", "بال", "لل"))
    return match.weak_cue and not match.glued_cue_only and match.cue is None


def is_acceptable(match: Match, gaz: Gazetteer, ctx: Context | None = None,
                  words: list[Word] | None = None) -> bool:
    """Common words need a place word; names news mostly uses as words (الميادين، الطبقة) need a place
    word, or a preposition in a document about their country (`ctx`, known on the second pass);
    small places need at least a preposition; names that read as particles (وأن، يان ان) need a place
    word or preposition of their own, whatever NER says."""
    if match.function_words and words is not None:
        return names_function_words(match, words)
    if match.key in GENERIC_PLACE_NOUNS:
        return match.cue in NAMING_CUE_KINDS
    if match.cue == "neighbourhood" and match.cue_word is not None and words is not None \
            and all(p.feature in ("country", "admin1", "region") for p in match.candidates) \
            and any(k in NAMED_AFTER_CUES for k in stem_keys(words[match.cue_word])):
        return False  # "حي الأندلس"، "شارع فلسطين": a street or neighbourhood named after the region or country
    if match.key in ELLIPTIC_DIRECTIONS and not match.from_ner:
        # "مناطق الشرقية"، "أمير الشرقية": the region; "الأحياء الشرقية"، "محافظات الشرقية": eastern ...
        return match.cue in ("area", "title") and not definite_cue(match, words)
    if match.from_ner:
        return True
    if match.cue is not None and not (gaz.is_common(match.key) and definite_cue(match, words)):
        return True  # "الناحية المالية" (the financial side): a common word after a definite noun
    if gaz.is_common(match.key):
        return False
    if match.key in gaz.soft_common_keys:
        if any(not gaz.is_common(k) and k not in gaz.soft_common_keys for _, k in match.alternatives):
            return True  # "وجدة": Oujda is mostly و + جدة; choose_reading picks by the document
        return (match.weak_cue and ctx is not None
                and any(ctx.country_share(p.country_code) >= SOFT_CONTEXT_SHARE for p in match.candidates))
    if all(is_minor(p) for p in match.candidates):
        if all(p.country_code not in HOME_REGION for p in match.candidates):
            # GeoNames' Arabic spellings of small foreign places collide with words: "بيان إن" is
            # not ب + Yan'an, "في مان" not Man: a glued ب/ل is no cue, and a name of three letters
            # or fewer needs a place word.
            return len(match.key) > SHORT_FOREIGN_NAME and match.weak_cue and not match.glued_cue_only
        return match.cue is not None or match.weak_cue
    return True


SHORT_FOREIGN_NAME = 3


def short_name_after_preposition(match: Match, words: list[Word], ctx: Context) -> bool:
    """"على إب"، "في إب": a two-letter curated name (إب is also أب "father", so common_words.txt lists it)
    is the place after a preposition standing apart (في/على/من/إلى), spelled as the gazetteer spells it
    (hamza included), in a document that names another place of its country; never bare."""
    if len(match.key) != 2 or match.cue is not None or match.first != match.last or match.first == 0:
        return False
    word = words[match.first]
    before = words[match.first - 1]
    if match.start != word.start or match.end != word.end or not before.is_word:
        return False  # nothing glued before or after the name
    if not any(key in PLACE_PREPOSITIONS for key in stem_keys(before)):
        return False
    return any(p.curated and word.text in p.names and ctx.country_share(p.country_code) > 0
               for p in match.candidates)


def definite_cue(match: Match, words: list[Word] | None) -> bool:
    """The place word before the name bears the article (الناحية، المناطق): the name is its adjective
    (العاصمة X is the capital named in apposition)."""
    if match.cue_word is None or words is None:
        return False
    key = name_key(words[match.cue_word].text).lstrip("وف")
    return key.startswith(("ال", "بال", "لل", "كال")) and not key.endswith(_CAPITAL_KEY)


_CAPITAL_KEY = name_key("العاصمة")


def is_minor(place: Place) -> bool:
    """Places a bare word should not be taken for: villages, sub-districts, and cities far from the
    region the news covers (GeoNames' Arabic spellings of them collide with Arabic words)."""
    if place.curated or place.capital or place.feature in ("country", "admin1", "admin2", "region"):
        return False
    if place.feature == "admin3":
        return True
    if place.country_code not in HOME_REGION:
        return place.population < FOREIGN_TRUSTED_POPULATION
    return place.feature in POPULATED and place.population < MINOR_POPULATION


# --------------------------------------------------------------------------------------------
# disambiguation


@dataclass
class Context:
    """Countries and governorates the document names, counted, and where."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)
    positions: list[tuple[int, str | None, str | None]] = field(default_factory=list)  # (offset, cc, a1)

    def add(self, offset: int, country: str | None, admin1: str | None, weight: float = 1.0) -> None:
        if country:
            self.countries[country] += weight
        if admin1:
            self.admin1[admin1] += weight
        self.positions.append((offset, country, admin1))

    def country_share(self, code: str) -> float:
        total = sum(self.countries.values())
        return self.countries[code] / total if total else 0.0

    def main_admin1(self) -> str | None:
        return self.admin1.most_common(1)[0][0] if self.admin1 else None

    def near(self, offset: int) -> tuple[set[str], set[str]]:
        countries, admin1 = set(), set()
        for pos, cc, a1 in self.positions:
            if abs(pos - offset) <= NEAR_WINDOW and pos != offset:
                if cc:
                    countries.add(cc)
                if a1:
                    admin1.add(a1)
        return countries, admin1


def shared_value(places: list[Place], attribute: str) -> str | None:
    values = {getattr(p, attribute) for p in places}
    return values.pop() if len(values) == 1 else None


def build_context(matches: list[Match], words: list[Word]) -> Context:
    ctx = Context()
    for m in matches:
        if not m.accepted or m.alternatives:  # وجدة: which country it names is not known yet
            continue
        country = shared_value(m.candidates, "country_code")
        admin1 = shared_value(m.candidates, "admin1")
        weight = 2.0 if any(p.feature == "country" for p in m.candidates) else 1.0
        ctx.add(m.start, country, admin1, weight)
    for w in words:
        if w.is_word:
            code = DEMONYMS.get(w.key)
            if code:
                ctx.add(w.start, code, None, 0.0 if code in NEAR_ONLY_DEMONYMS else 0.5)
    return ctx


FEATURE_PRIOR = {"country": 3.0, "admin1": 2.2, "region": 2.2, "city": 2.6, "town": 2.2, "village": 1.6,
                 "neighbourhood": 2.0, "site": 2.0, "admin2": 1.2, "admin3": 0.6}
CUE_BONUS = {
    "settlement": {"city": 2.0, "town": 2.0, "village": 2.0, "neighbourhood": 1.0, "admin3": 0.5},
    "neighbourhood": {"neighbourhood": 3.0, "village": 0.5},
    "province": {"admin1": 4.0, "region": 1.0, "country": 1.0},
    "district": {"admin2": 3.0, "admin3": 3.0},
    "site": {"site": 3.0, "region": 1.0},
    "countryside": {"admin1": 0.5},
}


WORLD_CITY_POPULATION = 500_000
NAMESAKE_RATIO = 5.0


def overshadowed(place: Place, match: Match, near: tuple[set[str], set[str]]) -> bool:
    """Manchester NH beside Manchester, England: a namesake far smaller than a world city of the same
    name takes its country's share of the document only when its country or state is named nearby."""
    near_countries, near_admin1 = near
    if place.country_code in HOME_REGION or place.country_code in near_countries or (
            place.admin1 and place.admin1 in near_admin1):
        return False  # home-region namesakes are places of their own the news names (Zinjibar, not Zanzibar)
    return any(other.country_code != place.country_code and other.population >= WORLD_CITY_POPULATION
               and other.population >= NAMESAKE_RATIO * place.population for other in match.candidates)


def score(place: Place, match: Match, ctx: Context, near: tuple[set[str], set[str]]) -> float:
    s = FEATURE_PRIOR.get(place.feature, 1.0) + CUE_BONUS.get(match.cue or "", {}).get(place.feature, 0.0)
    s += 0.35 * min(math.log10(place.population + 1), 7.0)
    s += 0.5 if place.curated else 0.0
    if not overshadowed(place, match, near):
        s += 2.5 * ctx.country_share(place.country_code)
    near_countries, near_admin1 = near
    if place.country_code in near_countries:
        s += 1.5
    if place.admin1 and place.admin1 in near_admin1:
        s += 1.5
    elif place.admin1 and place.admin1 == ctx.main_admin1():
        s += 0.75
    return s


# The singular place words whose "<word> X" names an admin unit: منطقة الرياض is the region, not the city.
CUE_UNIT_WORDS = {"area": (name_key("منطقة"),), "province": (name_key("محافظة"), name_key("ولاية"))}


def expand_by_cue(match: Match, gaz: Gazetteer) -> None:
    """After منطقة/مناطق/منطقتي (or محافظة، ولاية...), or in a list they start, take the place named
    "منطقة X" ("ولاية X") when the gazetteer has one: the Saudi region, not its capital city."""
    for unit in CUE_UNIT_WORDS.get(match.cue or "", ()):
        if match.key.startswith(unit):
            return
        named = gaz.candidates(unit + match.key)
        if named:
            match.candidates = named
            return


_GOVERNOR = name_key("محافظ")


def governor_of_province(match: Match, words: list[Word], gaz: Gazetteer) -> None:
    """"محافظ دياربكر": the governor of a province abroad (a Turkish il, listed as "محافظة X"/"ولاية X") is
    the province's; a Saudi محافظ heads a governorate, whose seat town is the place (محافظ ينبع)."""
    if match.cue != "title" or match.cue_word is None or words[match.cue_word].key.lstrip("وف") != _GOVERNOR:
        return
    for unit in CUE_UNIT_WORDS["province"]:
        named = [p for p in gaz.candidates(unit + match.key) if p.feature == "admin1" and p.country_code != "SA"]
        if named:
            match.candidates = named
            return


def choose(match: Match, ctx: Context) -> Place:
    if len(match.candidates) == 1:
        return match.candidates[0]
    near = ctx.near(match.start)
    return max(match.candidates, key=lambda p: (score(p, match, ctx, near), p.id))


# --------------------------------------------------------------------------------------------
# relations: ريف X, شمال X, على بعد 40 كم من X


_NUM = r"[0-9\u0660-\u0669]+(?:[.,][0-9\u0660-\u0669]+)?"
_UNIT = r"(?:كم|كلم|كيلو ?مترا?ت?|كيلومترات|اميال|ميلا?|مترا?|امتار)"
_DIR = r"(?:(?:الي|الى)\s+)?(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|يه)?(?:\s+(?:ال)?(?:شرق|غرب)(?:ي|يه)?)?"
_ABOUT = r"(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يقارب|مسافه)"
# In the matching form (hamza and ta marbuta folded, diacritics gone), ending right before the name.
DISTANCE_BEFORE = re.compile(
    rf"(?<!\S)(?:(?:و?علي)\s+)?(?:بعد\s+|مسافه\s+)?(?:{_ABOUT}\s+)?{_NUM}\s*{_UNIT}\s+(?:(?:من|عن)\s+)?"
    rf"(?:{_DIR}\s+)?(?:(?:ل?مدينه|بلده|قريه|العاصمه)\s+)?$"
)
# Right after the name: "شرق مدينة حمص بنحو 70 كم".
DISTANCE_AFTER = re.compile(rf"^\s*(?:ب(?:{_ABOUT})?\s*|علي\s+بعد\s+(?:{_ABOUT}\s+)?){_NUM}\s*{_UNIT}")
SIDE_ADJECTIVES = re.compile(r"^(?:\s+(?:ال)?(?:شمالي|جنوبي|شرقي|غربي|اوسط|شماليه|جنوبيه|شرقيه|غربيه)){1,2}")


def find_distance(match: Match, text: str) -> tuple[int, int] | None:
    """The span of a distance phrase around the name, if there is one."""
    window_start = max(0, match.start - 90)
    before = text[window_start:match.start]
    if any(c.isdigit() for c in before):
        mt = MatchText.of(before)
        m = DISTANCE_BEFORE.search(mt.form)
        if m:
            return window_start + mt.to_clean[m.start()], match.end
    if match.direction_word is not None:
        after = text[match.end:match.end + 40]
        if any(c.isdigit() for c in after):
            mt = MatchText.of(after)
            m = DISTANCE_AFTER.search(mt.form)
            if m:
                return match.start, match.end + mt.to_clean[m.end() - 1] + 1
    return None


def side_adjectives_end(text: str, end: int) -> int:
    """End of "الشمالي الشرقي" after "ريف حلب"."""
    after = text[end:end + 40]
    mt = MatchText.of(after)
    m = SIDE_ADJECTIVES.search(mt.form)
    return end + mt.to_clean[m.end() - 1] + 1 if m else end


def set_relation(match: Match, words: list[Word], text: str) -> None:
    place = match.place
    assert place is not None
    base = PRECISION_BY_FEATURE.get(place.feature, 1)
    match.precision, match.span = base, (match.start, match.end)
    distance = find_distance(match, text)
    if distance is not None:
        start, end = distance
        if match.direction_word is not None:
            start = min(start, word_stem_start(words[match.direction_word]))
        match.span, match.relation, match.anchor = (start, end), "distance", match_text(match, text)
        match.precision = max(base, 2)
    elif match.cue == "countryside" and match.cue_word is not None:
        start = word_stem_start(words[match.cue_word])
        match.span = (start, side_adjectives_end(text, match.end))
        match.relation, match.anchor, match.precision = "countryside", match_text(match, text), max(base, 2)
    elif match.cue == "area" and not place.is_area:  # "منطقة البوكمال": the town's area
        match.precision = max(base, 2)
    elif (match.cue == "near" or match.direction_word is not None) and not place.is_area:
        first = match.direction_word if match.direction_word is not None else match.cue_word
        # "قرب حلب وإدلب": a list item inherits "near" but not the cue word, which stands before the list
        match.span = (word_stem_start(words[first]) if first is not None else match.start, match.end)
        match.relation, match.anchor, match.precision = "near", match_text(match, text), max(base, 2)


def word_stem_start(word: Word) -> int:
    """Start of a cue word without its conjunction or preposition ("وبمدينة" -> "مدينة")."""
    for prefix_len, key in readings(word.text):
        if key in STRONG_CUES or key in DIRECTIONS:
            return word.start + prefix_len
    return word.start


def match_text(match: Match, text: str) -> str:
    return text[match.start:match.end]


# --------------------------------------------------------------------------------------------
# names the gazetteer lacks


def unknown_after_cues(words: list[Word], matches: list[Match], gaz: Gazetteer) -> list[tuple[int, int]]:
    """Spans of words right after a settlement or neighbourhood word that no gazetteer name covers:
    "قرى الخميسية والجابر ومقلة كبير" gives the names; they are reported with no location."""
    covered = set()
    for m in matches:
        if m.accepted:
            covered.update(range(m.first, m.last + 1))
    spans = []
    for i, w in enumerate(words):
        if not w.is_word or i + 1 >= len(words):
            continue
        cue = next((k for k in stem_keys(w) if CUE_KIND.get(k) in UNKNOWN_NAME_CUES), None)
        if cue is None or w.key.startswith("ال"):  # "القرية الصغيرة": a definite noun, then an adjective
            continue
        if cue == _AHYA and "إحياء" in w.text:  # "لإحياء حفلين" (reviving), not أحياء (neighbourhoods)
            continue
        if cue == _WADI and "أ" in w.text:  # "وأدى الحادث" (و + أدى, "led to"), not وادي (a valley)
            continue
        if w.key.lstrip("وف").startswith(("ال", "بال", "لل", "كال")) and words[i + 1].key.startswith("ال"):
            continue  # "بالمدن الصناعية"، "والقرية الشمسية": a definite noun, then its adjective
        j = i + 1
        while j < len(words) and words[j].is_word and j not in covered and plausible_name(words[j], gaz) \
                and not indefinite_adjective(words[j]):
            end_j = j + 1 if j + 1 < len(words) and words[j + 1].key in NAME_TAIL_WORDS else j
            start = words[j].start + (1 if j > i + 1 and words[j].text.startswith("و") else 0)
            spans.append((start, words[end_j].end))
            if cue not in LIST_CUES:
                break
            j = end_j + 1
            if not (j < len(words) and words[j].text.startswith("و") and len(words[j].text) > 3):
                break
    return spans


def indefinite_adjective(word: Word) -> bool:
    """"قرية جبلية"، "مدينة عصرية"، "جزيرة يونانية": an indefinite relative adjective (-ية) after an
    indefinite place word qualifies it; a name the gazetteer lacks bears the article (قرية العوامية) or
    another ending."""
    key = word.key.lstrip("و")
    return not key.startswith("ال") and key.endswith("يه") and len(key) > 4


UNKNOWN_NAME_CUES = ("settlement", "neighbourhood", "site")
_AHYA = name_key("أحياء")
_WADI = name_key("وادي")
_NOT_NAMES = frozenset(name_key(w) for w in (
    "عسكرية", "عسكري", "جوية", "جوي", "نفطي", "نفطية", "حدودي", "بحرية", "دولي", "مدني", "رئيسي", "كبير", "صغير",
    "جديدة", "صغيرة", "كبيرة", "واحدة", "سكني", "سكنية", "آمنة", "كاملة", "أخرى", "عدة", "عديدة", "مجاورة",
    "قريبة", "حدودية", "نائية", "محاصرة", "رئيسية", "تابعة", "يقطنها", "تقع", "كان", "كانت", "التي", "الذي",
    "تبعد", "يبعد", "الواقعة", "الواقع", "بيانات", "مدى", "مدة", "قرابة", "نحو", "حوالي", "شديد", "شديدة",
))


def plausible_name(word: Word, gaz: Gazetteer) -> bool:
    key = word.key
    if len(key) < 3 or key in _NOT_NAMES or gaz.is_common(key) or key in WEAK_CUES:
        return False
    bare = key.lstrip("وف")
    if key in STRONG_CUES or bare in STRONG_CUES or (bare[:1] in ("ب", "ل") and bare[1:] in STRONG_CUES):
        return False  # "قرى ومدن الأندلس"، "بمحافظة": a place word, not a name (البحيرة is a name)
    return not key.startswith(("ل", "لل"))  # "مخيم للاجئين": a preposition, not a name


# --------------------------------------------------------------------------------------------
# the document stage


def annotate_places(doc: Document, gazetteer: Gazetteer | None = None) -> None:
    """Fill doc.places; link LOC mentions (creating them, source="gazetteer", where NER had none)."""
    gaz = gazetteer or Gazetteer.load()
    text = doc.text
    words = words_of(text)
    matches = find_names(words, gaz)
    pers_spans = [(m.start, m.end) for m in doc.mentions if m.type == "PERS"]
    loc_mentions = [m for m in doc.mentions if m.type == "LOC"]
    previous: Match | None = None
    for match in matches:
        mark_cues(match, words, previous)
        match.from_ner = any(overlaps((match.start, match.end), (m.start, m.end)) for m in loc_mentions)
        match.function_words = reads_as_function_words(words, match)
        match.accepted = (not inside(match, pers_spans) and is_acceptable(match, gaz, words=words)
                          and not names_a_medium(match, words))
        previous = match
    ctx = build_context([m for m in matches if m.accepted], words)
    for match in matches:  # second pass: words that are places only in a document about their country
        if not match.accepted and match.key in gaz.soft_common_keys:
            match.accepted = (is_acceptable(match, gaz, ctx, words) and not inside(match, pers_spans)
                              and not names_a_medium(match, words))
        elif not match.accepted and short_name_after_preposition(match, words, ctx):
            match.accepted = not inside(match, pers_spans)
        elif not match.accepted and foreign_town_in_context(match, words, gaz, ctx):
            match.accepted = not inside(match, pers_spans) and not names_a_medium(match, words)
    for match in list_members(matches, words) + named_again(matches, words, gaz) + tagged_again(matches, words, gaz, ctx):
        match.accepted = not inside(match, pers_spans) and not names_a_medium(match, words)
    not_places = []  # whatever the passes said: a team or event named after a place; an adjective; a set phrase
    for match in matches:
        if names_a_body_or_event(match, words) or reads_as_adjective(match, words) or names_no_place(match, words, text, gaz.soft_common_keys) \
                or reads_as_idiom(match, words, ctx):
            match.accepted = False
            not_places.append((match.start, match.end))
    accepted = [m for m in matches if m.accepted]
    add_dateline_context(doc, ctx, gaz)
    places: list[PlaceMention] = []
    previous_region: Match | None = None
    for match in accepted:
        choose_reading(match, words, gaz, ctx)
    country_items = items_of_country_lists(accepted, words)
    for match in accepted:
        if match in country_items:
            match.candidates = [p for p in match.candidates if p.feature == "country"]
        if match.cue is None and names_constituency(match, words):
            match.cue = "province"  # "السيناتور عن نيويورك": the state, not the city
        expand_by_cue(match, gaz)
        governor_of_province(match, words, gaz)
        if match.cue is None and previous_region is not None and follows_list_of_regions(previous_region, match, text):
            match.cue = "area"  # "مناطق (مكة المكرمة، وجازان، وعسير) تمتد حتى نجران": the region, as the list's
            expand_by_cue(match, gaz)
        if is_dateline(match, words, text) or names_a_port(match, words) or before_capital_word(match, words):
            prefer_capital(match)
        restrict_by_demonym(match, words)
        match.place = choose(match, ctx)
        set_relation(match, words, text)
        places.append(to_place_mention(match, gaz, text))
        if match.cue == "area" and match.cue_head is not None and match.place.feature == "admin1":
            previous_region = match
    institutions = [(m.start, m.end) for m in matches if not m.accepted and names_an_institution(m, words)]
    institutions += not_places
    places += unplaced(doc, words, accepted, gaz, places, institutions)
    places.sort(key=lambda p: (p.start, p.end))
    doc.places = places
    link_mentions(doc, accepted)


def foreign_town_in_context(match: Match, words: list[Word], gaz: Gazetteer, ctx: Context) -> bool:
    """"كرواتيا ... على ملعب سبليت"، "الأراضي السويسرية ... بزيوريخ": a town abroad that a glued preposition
    or a venue word does not make a place (is_acceptable) is one in a document about its country (a share of
    SOFT_CONTEXT_SHARE) or with its country or nationality named near it. Bare, it stays a club, a company or
    a person ("فريق فولفسبورغ"، "إكسون موبيل"، "روبرت داوني")."""
    if match.function_words or match.from_ner or gaz.is_common(match.key) or match.key in gaz.soft_common_keys:
        return False
    if match.key in GENERIC_PLACE_NOUNS or len(match.key) <= SHORT_FOREIGN_NAME:
        return False
    if not all(is_minor(p) and p.country_code not in HOME_REGION for p in match.candidates):
        return False
    preposition = match.weak_cue and (not match.glued_cue_only or glued_preposition(match, words))
    if not (preposition or after_venue_word(match, words)):
        return False  # "فريق فولفسبورغ"، "إكسون موبيل"، "فوستر" (not ف + وستر): a club, a company, a person
    near_countries = ctx.near(match.start)[0]
    return any(ctx.country_share(p.country_code) >= SOFT_CONTEXT_SHARE or p.country_code in near_countries
               for p in match.candidates)


def after_venue_word(match: Match, words: list[Word]) -> bool:
    """"على ملعب سبليت": the name right after a stadium word."""
    k = match.first - 1
    return k >= 0 and words[k].is_word and words[k].key.lstrip("وفبل") in VENUE_WORDS and match.start == words[match.first].start


_CAPITAL_WORD = name_key("العاصمة")


def before_capital_word(match: Match, words: list[Word]) -> bool:
    """"تونس العاصمة"، "وتونس العاصمة": a country's name with العاصمة after it is the capital city."""
    j = match.last + 1
    return j < len(words) and words[j].is_word and not words[j].after_newline and words[j].key == _CAPITAL_WORD


def restrict_by_demonym(match: Match, words: list[Word]) -> None:
    """"ميرلو الهولندية"، "ليون الفرنسية": a nationality adjective right after the name keeps the places of
    that country, where it has one."""
    j = match.last + 1
    if j >= len(words) or not words[j].is_word or words[j].after_newline or len(match.candidates) < 2:
        return
    code = DEMONYMS.get(words[j].key)
    same = [p for p in match.candidates if p.country_code == code] if code else []
    if same and len(same) < len(match.candidates):
        match.candidates = same


def items_of_country_lists(accepted: list[Match], words: list[Word]) -> list[Match]:
    """"قطر، والكويت، والبحرين، وعمان، والأردن": in a run of names joined by و or commas whose other items
    may all be countries (two at least), a name that may be a country (عمان: Oman, not Amman) is the country."""
    runs: list[list[Match]] = []
    for match in accepted:
        if runs and list_joined(runs[-1][-1], match, words):
            runs[-1].append(match)
        else:
            runs.append([match])
    out = []
    for run in runs:
        is_country = [any(p.feature == "country" for p in m.candidates) for m in run]
        for i, m in enumerate(run):
            others = is_country[:i] + is_country[i + 1:]
            if len(others) >= 2 and all(others) and is_country[i] and \
                    any(p.feature != "country" for p in m.candidates):
                out.append(m)
    return out


REGION_LIST_GAP = 40  # characters between the last region of a list and a name that goes on with it


def follows_list_of_regions(previous: Match, match: Match, text: str) -> bool:
    """The last item of a list of regions (مناطق X، وY) and a bare name right after it, in the same clause."""
    between = text[previous.end:match.start]
    return 0 < match.start - previous.end <= REGION_LIST_GAP and not any(c in between for c in ".!?؟\n،,")


LIST_RUN_MIN = 3  # names in a run "X وY وZ" for the run to count as a list of places


def list_joined(previous: Match, match: Match, words: list[Word]) -> bool:
    """"X وY", "X، Y" or "X و Y": two names joined as items of one list."""
    gap = match.first - previous.last
    starts_with_and = words[match.first].text.startswith("و") and match.start > words[match.first].start
    comma_between = gap == 2 and words[previous.last + 1].text in (",", "،")
    if (gap == 1 and starts_with_and) or comma_between or (gap == 2 and words[match.first - 1].key == "و"):
        return True
    # "الدائر والعبدابي وهروب وفيفا": items the gazetteer lacks (one word each, glued و) between two names
    between = words[previous.last + 1:match.first]
    return starts_with_and and 2 <= gap <= LIST_UNKNOWN_ITEMS + 1 and all(
        w.is_word and w.text.startswith("و") and len(w.key) > 3 and not w.after_newline for w in between)


LIST_UNKNOWN_ITEMS = 3


def list_members(matches: list[Match], words: list[Word]) -> list[Match]:
    """"في ثادق والدائر والعيص وخيبر"، "في عدن ولحج وأبين وتعز": in a run of three or more names joined
    by و or commas, most of those after the first accepted places, a name not accepted on its own (a common word: الدائر
    "ongoing", أبين; a small place with no preposition of its own) is a place too, where it lies in a
    country an accepted item of the list lies in."""
    runs: list[list[Match]] = []
    for match in matches:
        if runs and list_joined(runs[-1][-1], match, words):
            runs[-1].append(match)
        else:
            runs.append([match])
    out = []
    for run in runs:
        conjuncts = run[1:]  # the first name may be a word the list only follows ("اليمن الشقيق وعسير")
        accepted = [m for m in conjuncts if m.accepted]
        if len(run) < LIST_RUN_MIN or 2 * len(accepted) <= len(conjuncts):
            continue
        countries = {p.country_code for m in run if m.accepted for p in m.candidates}
        out += [m for m in conjuncts if not m.accepted and not m.function_words
                and m.key not in GENERIC_PLACE_NOUNS and any(p.country_code in countries for p in m.candidates)]
        # the first name too where it lies in the province of two accepted items ("شملت الدائر وفيفا وأبو
        # عريش وصامطة": towns of Jazan); a word the list only follows shares no province with it
        first = run[0]
        provinces = Counter(a1 for m in accepted if (a1 := shared_value(m.candidates, "admin1")))
        if not first.accepted and not first.function_words and first.key not in GENERIC_PLACE_NOUNS and any(
                provinces[p.admin1] >= 2 for p in first.candidates if p.admin1):
            out.append(first)
    return out


# Place words that name the place itself (not حي/ساحة/شارع X, named after it, nor محيط/ريف X, around it),
# standing before the name or heading a list of them (محافظات الأحساء والخبر; not "بمدينة عرعر، وجامعة").
NAMING_AGAIN_CUES = frozenset({"settlement", "province", "area", "district", "site", "people", "title"})


def named_again(matches: list[Match], words: list[Word], gaz: Gazetteer) -> list[Match]:
    """"بمدينة هورست ... في هورست"، "بدارين ... عمدة دارين": a name the document gives a place word (or a
    title) is that place wherever else it stands after a preposition (glued or not), before or after,
    common word (first name, noun) or not. A name that is no word at all (a small foreign city: "مدينة
    داروين ... غارة على داروين ... قصف اليابانيون داروين") is that place again with no preposition."""
    named = {m.key for m in matches if m.accepted and m.cue in NAMING_AGAIN_CUES and (
        m.cue_word is not None or (m.cue_head is not None and any(k in LIST_CUES for k in stem_keys(words[m.cue_head]))))
             and m.key not in GENERIC_PLACE_NOUNS and not definite_cue(m, words)}
    # "بمنطقة عسير" matched whole (the gazetteer lists "منطقة عسير"): عسير is named too
    named |= {m.key[len(unit):] for m in matches if m.accepted for units in CUE_UNIT_WORDS.values() for unit in units
              if m.key.startswith(unit) and len(m.key) > len(unit) + 2 and any(p.is_area for p in m.candidates)}
    return [m for m in matches if not m.accepted and m.key in named and not m.function_words
            and m.key not in ELLIPTIC_DIRECTIONS  # "الحدود الشرقية": an adjective after its noun
            and ((m.weak_cue and (not m.glued_cue_only or glued_preposition(m, words)))
                 or (len(m.key) > SHORT_FOREIGN_NAME and not gaz.is_common(m.key)
                     and m.key not in gaz.soft_common_keys and m.start == words[m.first].start))]


TAG_LINE_WORD = name_key("سمات")
TAG_LINE_WORDS = 40  # the tag line is among the last words of the text


def tagged_again(matches: list[Match], words: list[Word], gaz: Gazetteer, ctx: Context) -> list[Match]:
    """"... سمات ابها الامير فيصل امير عسير عسير": the tag line some outlets end a story with repeats the
    places of the story; a name the text gives a place word or title is that place again among the tags,
    and so is a region or province (common word or not: عسير) of the country the story is about
    ("سمات ابها التسوق عسير")."""
    start = next((i for i in range(len(words) - 1, max(-1, len(words) - TAG_LINE_WORDS), -1)
                  if words[i].key == TAG_LINE_WORD), None)
    if start is None:
        return []
    accepted = {m.key for m in matches  # with a place word or title of its own ("بالمحافظة “الخضر”" is a person)
                if m.accepted and m.cue is not None and not definite_cue(m, words)}
    return [m for m in matches if m.first > start and not m.accepted and not m.function_words
            and (m.key in accepted or (m.key not in GENERIC_PLACE_NOUNS and m.start == words[m.first].start and any(
                p.feature == "admin1" and ctx.country_share(p.country_code) > 0 for p in m.candidates)))]


def glued_preposition(match: Match, words: list[Word]) -> bool:
    """"بدارين"، "لدارين": a preposition glued to the name (not a conjunction: "فكان" is ف + كان)."""
    glued = name_key(words[match.first].text[: match.start - words[match.first].start])
    return glued.lstrip("وف")[:1] in ("ب", "ل")


def names_constituency(match: Match, words: list[Word]) -> bool:
    """"السيناتور عن نيويورك"، "النائب عن البصرة": a legislator's constituency is a state or province."""
    k = match.first - 1
    if k < 1 or words[k].key != "عن" or not words[k - 1].is_word:
        return False
    return any(key in LEGISLATOR_WORDS for key in stem_keys(words[k - 1]))


# A dateline: the first name of the article, then a date, a dash, a colon or an agency in brackets.
_DATELINE_AFTER = re.compile(r"^\s*(?:[-–—:(/]|[0-9\u0660-\u0669])")


def is_dateline(match: Match, words: list[Word], text: str) -> bool:
    if match.first != 0 or text[:match.start].strip():
        return False
    return bool(_DATELINE_AFTER.match(text[match.end:match.end + 5]))


def names_a_port(match: Match, words: list[Word]) -> bool:
    """"مطار الكويت الدولي"، "ميناء جيبوتي": an airport or port is a city's, not a country's."""
    return match.cue_word is not None and any(k in PORT_WORDS for k in stem_keys(words[match.cue_word]))


def prefer_capital(match: Match) -> None:
    """A dateline names a city: "تونس 26 شوال" / "الجزائر -" is the capital, not the country."""
    cities = [p for p in match.candidates if p.capital]
    if cities and any(p.feature == "country" for p in match.candidates):
        match.candidates = cities


def add_dateline_context(doc: Document, ctx: Context, gaz: Gazetteer) -> None:
    """The dateline the cleaner split off (Document.dateline) names where the article was filed: its
    country counts as context (no mention: the dateline is not in the text)."""
    if not doc.dateline:
        return
    candidates = gaz.candidates(name_key(doc.dateline))
    if candidates:
        ctx.add(-10 * NEAR_WINDOW, shared_value(candidates, "country_code"), None)


def unplaced(doc: Document, words: list[Word], accepted: list[Match], gaz: Gazetteer,
             placed: list[PlaceMention], institutions: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """Place names the gazetteer lacks: after a place word, or tagged LOC by NER. A distance phrase right
    after one ("تلال الطفحة شرق مدينة حمص بنحو 70 كم") lends it the anchor place at precision 2."""
    spans = [span for span in unknown_after_cues(words, accepted, gaz)  # not a name found to be no place
             if not any(overlaps(span, other) for other in institutions or [])]
    taken = [(p.start, p.end) for p in placed]
    for m in doc.mentions:  # not the place in an institution's name ("جامعة الأنبار")
        if m.type == "LOC" and not any(overlaps((m.start, m.end), span) for span in taken + spans + (institutions or [])):
            spans.append((m.start, m.end))
    distances = [p for p in placed if p.relation == "distance"]
    neighbourhood_starts = {words[j].start for j in range(1, len(words))
                            if any(CUE_KIND.get(k) == "neighbourhood" for k in stem_keys(words[j - 1]))}
    placed_before: dict[str, PlaceMention] = {}
    out = []
    for start, end in spans:
        if any(overlaps((start, end), span) for span in taken):
            continue
        mention = PlaceMention(start, end, doc.text[start:end])
        lender = next((p for p in distances if 0 <= p.start - end <= 25), None)
        if lender is not None and lender.location is not None:
            mention.location = Location(**{**lender.location.to_dict(), "precision": 2})
            mention.relation, mention.anchor = "distance", lender.anchor
        elif start in neighbourhood_starts:
            town = town_nearby(start, end, placed, doc.text) or placed_before.get(mention.text) \
                or story_town(placed)
            if town is not None and town.location is not None:
                mention.location = Location(**{**town.location.to_dict(), "precision": 2})
                mention.relation, mention.anchor = "near", town.text
                placed_before.setdefault(mention.text, town)  # the same neighbourhood named again
        out.append(mention)
        taken.append((start, end))
    return out


TOWN_WINDOW = 120  # characters, within the sentence
STORY_TOWN_MIN = 3  # mentions that make a town the story's town


def story_town(placed: list[PlaceMention]) -> PlaceMention | None:
    """The town a story is about: named at least three times and more than half of its city and town
    mentions ("حي السور بالمنطقة التاريخية بالمحافظة" in a story about Yanbu lies in Yanbu)."""
    towns = [p for p in placed if p.location is not None and p.location.feature in POPULATED
             and p.relation in (None, "near")]
    counts = Counter(p.location.gazetteer_id for p in towns)
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    if n < STORY_TOWN_MIN or 2 * n <= len(towns):
        return None
    return next(p for p in towns if p.location.gazetteer_id == best)


def town_nearby(start: int, end: int, placed: list[PlaceMention], text: str) -> PlaceMention | None:
    """The city or town named closest to an unknown neighbourhood in its sentence ("حي التواهي ... في
    عدن"): the neighbourhood lies in it, so it is placed there at precision 2."""
    best, best_gap = None, TOWN_WINDOW + 1
    for p in placed:
        if p.location is None or p.location.feature not in POPULATED or p.relation not in (None, "near"):
            continue
        gap = p.start - end if p.start >= end else start - p.end if p.end <= start else None
        if gap is None or gap > TOWN_WINDOW:
            continue
        between = text[end:p.start] if p.start >= end else text[p.end:start]
        if any(c in between for c in ".!?\n؟") or gap >= best_gap:
            continue
        best, best_gap = p, gap
    return best


def inside(match: Match, spans: list[tuple[int, int]]) -> bool:
    return any(overlaps((match.start, match.end), span) for span in spans)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def location_of(place: Place, gaz: Gazetteer, precision: int | None) -> Location:
    return Location(
        name_ar=place.name_ar, name_en=place.name_en, admin1=place.admin1, admin2=place.admin2,
        country=gaz.country_names.get(place.country_code, place.country_code), lat=place.lat, lon=place.lon,
        precision=precision, gazetteer_id=place.id, feature=place.feature,
    )


def to_place_mention(match: Match, gaz: Gazetteer, text: str) -> PlaceMention:
    assert match.place is not None and match.span is not None
    start, end = match.span
    return PlaceMention(
        start, end, text[start:end], location=location_of(match.place, gaz, match.precision),
        anchor=match.anchor, relation=match.relation, entity_id=f"place:{match.place.id}",
    )


def link_mentions(doc: Document, accepted: list[Match]) -> None:
    """entity_id on the LOC mention of each resolved name; a gazetteer mention where NER had none."""
    for match in accepted:
        assert match.place is not None
        entity_id = f"place:{match.place.id}"
        linked = [m for m in doc.mentions
                  if m.type == "LOC" and overlaps((m.start, m.end), (match.start, match.end))]
        if len(linked) > 1 and all(match.start - MAX_CLITIC_CHARS <= m.start and m.end <= match.end for m in linked):
            # NER split the name ("ودير" + "الزور"): one mention, the name's
            first = linked[0]
            first.start, first.end, first.text = match.start, match.end, doc.text[match.start:match.end]
            doc.mentions = [m for m in doc.mentions if not any(m is other for other in linked[1:])]
            linked = [first]
        for mention in linked:
            mention.entity_id = entity_id
            drop_proclitic(mention, match, doc.text)
        if not linked:
            doc.mentions.append(Mention(match.start, match.end, doc.text[match.start:match.end], "LOC",
                                        entity_id=entity_id, source="gazetteer"))
    doc.mentions.sort(key=lambda m: (m.start, m.end))


MAX_CLITIC_CHARS = 4


def drop_proclitic(mention: Mention, match: Match, text: str) -> None:
    """NER spans keep the clitics glued to a name ("وإيران", "بحلب", "بريف دير الزور"): the mention
    starts where the gazetteer match (or its expression: "ريف ...") starts, as in the entities stage."""
    for start in sorted({match.start, match.span[0] if match.span else match.start}):
        glued = text[mention.start:start]
        if 0 < len(glued) <= MAX_CLITIC_CHARS and not any(c.isspace() for c in glued) \
                and set(name_key(glued)) <= _CLITICS | {"ا"} and start < mention.end:
            mention.start, mention.text = start, text[start:mention.end]
            return
