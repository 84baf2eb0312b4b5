"""Event extraction: from a document's text and layers to `Event` records (docs/events.md).

One pass over the document's tokens looks every word up in the trigger lexicon (a dict hit per
token, see `morph`). Then, per sentence and per clause inside it, the highest-ranked event trigger
(ACLED's hierarchy) makes one draft event; toll, attribution and modality cues around it fill it in;
a sentence with a toll or a source but no trigger of its own completes the previous event (Arabic
news often gives the strike in one sentence and the toll in the next). Finally drafts that describe
the same event are merged into one event with several evidence sentences, and denials are linked to
the reports they deny.

Layers from other stages are used when present (sentences, mentions, times, places) and the stage
still finds type, trigger, tolls, attribution and modality when they are empty.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace

from marsad.events import lexicon as lx
from marsad.events.actors import (
    CIVILIANS,
    MILITIA,
    REBEL,
    ActorName,
    ActorSpan,
    country_of_adjective,
    ministry_of,
    read_actor,
)
from marsad.events.morph import Hit
from marsad.events.numbers import Quantity, read_quantity
from marsad.events.tolls import TOLL_RULE_NOTE, summarise_tolls
from marsad.records import (
    Actor,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    PlaceMention,
    Span,
    TimeExpression,
    Toll,
)
from marsad.text.cache import TwoGenerationCache
from marsad.text.normalize import match_form
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, proclitic_splits, tokenize

# How far (in words) cues may sit from what they qualify.
QUANTITY_AFTER = 6
QUANTITY_BEFORE = 6
QUANTITY_BEFORE_VERB = 10  # a plural verb (قتلوا) may follow its counted subject at this distance
NEGATION_REACH = 3
FOLLOW_UP_SENTENCES = 2  # a toll/source-only sentence completes an event this many sentences back
SAME_EVENT_SENTENCES = 6  # repeated mentions of one event within this distance merge
ANAPHORA_SENTENCES = 4  # "الغارات" / "هذا القصف" refers to an event this many sentences back at most
RECALL_DAYS = 30

_CLAUSE_WORDS = frozenset(match_form(w) for w in ("كما", "بينما", "فيما", "وفيما", "وبينما", "كذلك"))
_PUNCT_BREAK = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"'})
_REGAIN = frozenset(match_form(w) for w in ("استعاد", "استعادة", "حرر", "تحرير", "طرد", "دخلت"))
_UNIT_WORDS = frozenset(match_form(w) for w in (
    "كم", "كيلومتر", "كيلومترات", "كيلومترا", "متر", "مترا", "امتار", "عام", "عاما", "سنة", "سنوات", "يوم",
    "يوما", "ايام", "ساعة", "ساعات", "دقيقة", "دقائق", "دبابة", "دبابات", "مركز", "مراكز", "قرية", "قرى",
    "نقطة", "نقاط", "%", "دولار", "مليار", "بالمئة", "بالمائة", "في المئة", "طن", "اسبوع", "اسابيع", "شهر",
    "اشهر", "مدافع", "عربة", "عربات", "مستودعات", "مستودع", "قذيفة", "قذائف", "صاروخ", "صواريخ", "غارة",
    "غارات", "طائرة", "طائرات", "الف", "قرار", "رقم", "محاور", "كلم", "ضربات", "طلعة", "طلعات", "منزل",
    "منازل", "مبنى", "سيارة", "سيارات", "آليات", "اليات"))
_PERSON_SINGULAR = frozenset(match_form(w) for w in (
    "شخص", "مدني", "جندي", "طفل", "امراة", "رجل", "عنصر", "ضابط", "مواطن", "شرطي", "مسلح", "قيادي", "عسكري",
    "صحفي", "ناشط", "طالب", "مقاتل", "شاب", "نجل", "قائد", "زعيم", "امير", "مسؤول", "ابو", "القيادي", "القائد"))
_TOLL_NOUNS = frozenset(match_form(w) for w in (
    "قتيل", "قتيلا", "قتلى", "القتلى", "جريح", "جريحا", "جرحى", "الجرحى", "مصاب", "مصابا", "مصابين",
    "شهيد", "شهيدا", "شهداء", "ضحية", "ضحايا", "اصابة", "اصابات", "قتلي", "جرحي"))
_STRONG_NEGATION = frozenset(match_form(w) for w in ("لم", "لن", "ليس", "ليست", "عدم", "دون", "لا"))
_SINGULAR_TOLL = {match_form("قتيل"): "kill", match_form("جريح"): "injure", match_form("قتيلا"): "kill",
                  match_form("جريحا"): "injure"}
_QUANT_START = frozenset(match_form(w) for w in (
    "اكثر", "ما", "لا", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "يقارب", "يناهز", "بين", "من", "اقل",
    "عشرات", "مئات", "آلاف", "عدة", "عدد", "العديد", "بضعة", "بضع", "حتى"))
_NOUN_FIRST_KILL = frozenset(match_form(w) for w in (
    "قتلى", "قتيلا", "قتيل", "جرحى", "جريحا", "جريح", "مصابين", "مصابا", "شهداء", "شهيدا", "ضحايا", "ضحية",
    "لقوا", "لقي", "لقيت", "قتلوا", "اصيبوا", "جرحوا", "قضوا", "استشهدوا", "القتلى", "الجرحى", "قتلي", "جرحي"))


# ---------------------------------------------------------------------------------------------
# the document as words, with cues


@dataclass
class _Doc:
    doc: Document
    tokens: list[Token]
    words: list[str]
    starts: list[int]
    cues: list[list[Hit]]  # per token
    sentences: list[Span]
    anchor: dt.date | None
    places: list[PlaceMention] | None = None  # the plausible resolved places, computed once
    attributions: dict[int, tuple[str | None, tuple[int, int] | None]] = field(default_factory=dict)
    last_speaker: str | None = None
    sport: bool | None = None  # the article is about sport (computed once)

    @classmethod
    def of(cls, doc: Document) -> _Doc:
        tokens = tokenize(doc.text)
        words = [_form(token.text) for token in tokens]
        cues = [lx.INDEX.match(words, i) if words[i][:1].isalnum() else [] for i in range(len(words))]
        _drop_covered_event_cues(cues)
        _drop_met_with(words, cues)
        sentences = doc.sentences or split_sentences(doc.text)
        return cls(doc, tokens, words, [t.start for t in tokens], cues, sentences, _anchor(doc))

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last - 1].end


_CONTENT_CUES = frozenset({"event", "kill", "injure", "casualty", "zero", "deny", "speech", "according"})
# match_form per token, cached: news vocabulary is Zipfian, so most tokens are hits (text/cache.py)
_form = TwoGenerationCache(match_form, 40_000)


_MET_STEMS = frozenset(match_form(w) for w in ("لقي", "لقيت", "لقوا", "لقيا", "يلقى", "تلقى", "يلقون", "لاقى", "لاقت",
                                               "لاقوا"))
_DEATH_WORDS = tuple(match_form(w) for w in ("مصرع", "حتف", "مصارع"))


def _drop_met_with(words: list[str], cues: list[list[Hit]]) -> None:
    """لقي kills only with its death (لقي 41 متمرداً مصرعهم، لقوا حتفهم): "مخطط لقي ترحاباً" is a welcome."""
    for i, hits in enumerate(cues):
        if any(h.payload.kind == "kill" and h.end - h.start == 1 and words[i][len(h.prefix):] in _MET_STEMS  # type: ignore[attr-defined]
               for h in hits) and not any(w.startswith(_DEATH_WORDS) for w in words[i + 1:i + 8]):
            cues[i] = [h for h in hits if h.payload.kind != "kill"]  # type: ignore[attr-defined]


def _drop_covered_event_cues(cues: list[list[Hit]]) -> None:
    """Inside a multi-word trigger (وقف إطلاق النار) the inner words are not triggers of their own."""
    for i, hits in enumerate(cues):
        for hit in hits:
            if hit.end - hit.start > 1 and hit.payload.kind == "event":  # type: ignore[attr-defined]
                for j in range(i + 1, hit.end):
                    cues[j] = [h for h in cues[j] if h.payload.kind != "event"]  # type: ignore[attr-defined]


def _anchor(doc: Document) -> dt.date | None:
    if doc.published and doc.published.date and len(doc.published.date) >= 10:
        try:
            return dt.date.fromisoformat(doc.published.date[:10])
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------------------------------------
# drafts


@dataclass
class _Draft:
    type: str
    sub_type: str | None
    trigger: tuple[int, int]  # token range
    sentence: int
    clause: tuple[int, int]
    trigger_word: str = ""
    actor1: ActorSpan | None = None
    actor2: ActorSpan | None = None
    civilians: bool = False
    killed: list[Toll] = field(default_factory=list)
    injured: list[Toll] = field(default_factory=list)
    attributed_to: str | None = None
    modality: str = "reported"
    date: EventDate = field(default_factory=EventDate)
    location: Location | None = None
    sentences: list[int] = field(default_factory=list)
    disputes: list[dict] = field(default_factory=list)
    denial_subject: bool = False  # a denial with no trigger of its own: type comes from its claim
    merged_from: list[_Draft] = field(default_factory=list)
    id: str = ""
    anaphoric: bool = False  # a definite noun (الغارات، القصف) or "هذا الهجوم": refers back
    generic: bool = False  # an anaphoric generic attack noun (الهجوم، التفجير): any violence just reported
    condemned: bool = False  # the object of a condemnation (أدانت التفجير): the attack the article reported
    named_places: frozenset[str] = frozenset()  # the place keys its sentence names
    weak: bool = False  # a generic trigger (الهجوم): takes the type of the event it refers to
    present: bool = False  # an imperfect verb trigger (يلتقي)
    hedged_actor: bool = False  # actor1 only presumed (يرجح أن طائرات أمريكية نفذتها)
    background: bool = False  # a recap, a habit or a long-period total (يذكر أن، منذ بداية): not coded
    toll_only: bool = False  # a killing with no trigger word: its type is a guess the next sentence may fix
    office_place: Location | None = None  # the place of an office named in its sentence (شرطة نينوى): a last resort
    additive: bool = False  # its sentence opens with كما/كذلك/فيما + the trigger: one more event, not a follow-up


def annotate_events(doc: Document) -> None:
    """Fill `doc.events` (replacing what was there) with the events the document reports."""
    ctx = _Doc.of(doc)
    drafts: list[_Draft] = []
    for index, sentence in enumerate(ctx.sentences):
        first, last = ctx.token_range(sentence.start, sentence.end)
        if first >= last:
            continue
        _track_speakers(ctx, first, last)
        drafts.extend(_sentence_drafts(ctx, index, first, last, drafts))
    drafts = [d for d in drafts if not _is_old_background(ctx, d)]
    drafts = [d for d in _merge_within_document(drafts) if not d.background]
    for draft in drafts:
        if draft.location is None and not (draft.type == lx.DIPLOMACY and draft.sub_type == "Phone call"):
            draft.location = _place_before(ctx, draft) or draft.office_place
    drafts = [part for draft in drafts for part in _split_by_place(ctx, draft)]
    drafts = _drop_country_only(drafts)
    if ctx.doc.places:  # the place stage has read the document and placed something
        drafts = [d for d in drafts if not _placeless_incident(ctx, d)]
    _link_denials(drafts)
    doc.events = [_to_event(ctx, draft) for draft in drafts if draft.type]


# ---------------------------------------------------------------------------------------------
# one sentence


def _clauses(ctx: _Doc, first: int, last: int) -> list[tuple[int, int]]:
    """Clause ranges: a break before كما/بينما/فيما, and at a comma or semicolon that a و-word
    carrying an event trigger follows (غارات على دوما، وقصف على حرستا)."""
    bounds = [first]
    for i in range(first + 1, last):
        word = ctx.words[i]
        if word in _CLAUSE_WORDS and i - bounds[-1] > 2:
            bounds.append(i)
        elif _bare(word) in _IN_RESPONSE and i - bounds[-1] > 2 and any(
                _has_event_cue(ctx, j) for j in range(i + 1, min(last, i + 4))):
            bounds.append(i)  # "جاءت الغارات ردا على هجوم نفذه مسلحون": the attack answered is its own event
        elif word in (",", ";") and i + 1 < last and i - bounds[-1] > 2:
            nxt = ctx.words[i + 1]
            if nxt[:1] in ("و", "ف") and (_has_event_cue(ctx, i + 1) or nxt in ("وفي",)):
                bounds.append(i + 1)
    bounds.append(last)
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1) if bounds[k + 1] > bounds[k]]


_IN_RESPONSE = frozenset(match_form(w) for w in ("ردا", "رداً", "انتقاما", "انتقاماً", "ثارا"))


def _has_event_cue(ctx: _Doc, i: int) -> bool:
    return any(hit.payload.kind == "event" for hit in ctx.cues[i])  # type: ignore[attr-defined]


def _cues(ctx: _Doc, first: int, last: int, kind: str) -> list[Hit]:
    return [hit for i in range(first, last) for hit in ctx.cues[i]
            if hit.payload.kind == kind]  # type: ignore[attr-defined]


def _sentence_drafts(ctx: _Doc, index: int, first: int, last: int, earlier: list[_Draft]) -> list[_Draft]:
    if not any(hit.payload.kind in _CONTENT_CUES for i in range(first, last)  # type: ignore[attr-defined]
               for hit in ctx.cues[i]):
        return []  # no trigger, toll or denial: nothing to extract or to complete
    source, source_span = _attribution(ctx, first, last)
    denial = _denier(ctx, first, last)
    actors = _actor_spans(ctx, first, last)
    drafts: list[_Draft] = []
    for c_first, c_last in _clauses(ctx, first, last):
        trigger = _main_trigger(ctx, c_first, c_last) or _aircraft_action(ctx, c_first, c_last)
        if trigger is None:
            continue
        draft = _draft_for(ctx, index, trigger, (c_first, c_last))
        _fill(ctx, draft, actors, source_span)
        told_again = draft.type == lx.DIPLOMACY and draft.anaphoric and any(
            e.type == lx.DIPLOMACY and e.sub_type == draft.sub_type and 0 < index - max(e.sentences) <= ANAPHORA_SENTENCES
            for e in earlier)  # "في اجتماعهما بمنتجع سوتشي"، "خلال اللقاء": the contact just reported, told again
        if draft.type in (lx.DIPLOMACY, lx.STATEMENT) and draft.actor1 is None and draft.actor2 is None \
                and not told_again:
            continue  # "عملية المفاوضات" as a topic, not a contact between named parties
        if draft.sub_type == "Denial" and any(_cues(ctx, trigger.end, min(c_last, trigger.end + 8), kind)
                                              for kind in ("kill", "injure", "casualty")):
            continue  # "نفت الوزارة مقتل أي من جنودها": the killing, denied (docs §2.8), not a Statement
        if draft.sub_type == "Announcement" and _bare(draft.trigger_word).startswith(_APPROVED) and any(
                w in _THAT for w in ctx.words[trigger.end:trigger.end + 3]):
            continue  # "أقر الوزير بأن …" admits; "أقر المجلس الاتفاق" approves
        if draft.type == lx.DIPLOMACY and not told_again and not _official_contact(ctx, draft, first, last):
            continue
        if draft.type == lx.STATEMENT and _private_speaker(ctx, draft):
            continue  # "واصلت الطالبة اتهامها للجامعة": a private person's complaint (docs §2.8)
        if draft.type == lx.STATEMENT and (_sport_sentence(ctx, first, last) or _sport_article(ctx)):
            continue  # "طالب المدرب الإدارة بالتعاقد مع لاعبين"، "قررت إدارة النادي العودة": a club's affairs
        if draft.weak and _sport_sentence(ctx, first, last):
            continue  # "جلب لاعب في خط الوسط أو الهجوم": a football team's attack
        drafts.append(draft)
        meeting = _meeting_during_visit(ctx, trigger, c_first, c_last)
        if meeting is not None:
            extra = _draft_for(ctx, index, meeting, (c_first, c_last))
            _fill(ctx, extra, actors, source_span)
            drafts.append(extra)
    kills, injuries = _tolls(ctx, first, last)
    civilians = _mentions_civilians(ctx, first, last)
    if not drafts and (kills or injuries) and _recap_at(ctx, first, last, last):
        return []  # "بلغ عدد القتلى منذ بداية الحرب …": a long-period total, not this event's toll
    if not drafts and (kills or injuries):
        previous = _follow_up_target(earlier, index)
        if previous is not None and previous.modality == "denied" and source != previous.attributed_to:
            previous = None  # "وكانت رويترز قد أشارت إلى أن 40 قتلوا" after a denial: the claim itself
        if (previous is not None and denial is None and previous.modality == "reported"
                and _denier_speaks(ctx, source, source_span, {d.attributed_to for d in earlier if d.modality == "denied"})
                and all(t.value is None for t in (*kills, *injuries))):
            return []  # the denier speaking again ("القضاء على الإرهابيين"): no evidence for the claim
        killer = _killer(ctx, actors, first, last)
        if previous is not None and killer is not None and _named(killer) != _named(previous.actor1):
            previous = None  # "قتل نجل … على أيدي رجال المقاومة": another killing, by another hand
        if previous is not None and denial is None:
            # A toll sentence after an event: the same event, possibly from another source.
            previous.sentences.append(index)
            _add_tolls(previous, kills, injuries, source)
            _refine_from(ctx, previous, index, first, last)
            previous.civilians = previous.civilians or civilians and previous.type == lx.VAC
            if previous.attributed_to is None and source and not previous.killed:
                previous.attributed_to = source
            return []
        if denial is None and all(t.value is None for t in (*kills, *injuries)) and _definite_toll(ctx, first, last):
            # "وأشار إلى أن القتلى والجرحى نقلوا إلى مستشفى …": the dead of an event told already
            previous = _follow_up_target(earlier, index, reach=ANAPHORA_SENTENCES)
            if previous is not None:
                previous.sentences.append(index)
            return []
        if _natural_death(ctx, first, last):
            return []  # "توفيت والدتها داخل مبنى الجامعة": a death with no violence named
        if all(_in_enumeration(ctx, h, first, last) for h in _cues(ctx, first, last, "kill") + _cues(
                ctx, first, last, "injure")):
            return []  # "إنه اعتداء وعدوان وقتل وترويع": rhetoric listing harms, no one killed here
        drafts.append(_toll_only_draft(ctx, index, first, last, kills, injuries, civilians, actors))
    elif not drafts and denial is not None and _cues(ctx, first, last, "casualty"):
        drafts.append(_toll_only_draft(ctx, index, first, last, [], [], civilians, actors))
        drafts[-1].denial_subject = True
    elif not drafts and source is not None:
        previous = _follow_up_target(earlier, index, reach=1)
        if previous is not None and previous.attributed_to is None and _refers_back(ctx, first, last):
            previous.attributed_to = source
            previous.sentences.append(index)
    contrast = _contrast_before_denial(ctx, first, last) if denial is not None else None
    claims: list[_Draft] = []
    for draft in drafts:
        own_k, own_i = _tolls(ctx, *draft.clause) if len(drafts) > 1 else (kills, injuries)
        _add_tolls(draft, own_k, own_i, source)
        draft.attributed_to = source
        if contrast is not None and draft.trigger[1] <= contrast and source and source != denial:
            # "بحسب رويترز … قتل 40، إلا أن الوزارة نفت": the claim by A and B's denial, both kept
            claim = copy.copy(draft)
            claim.killed, claim.injured = list(draft.killed), list(draft.injured)
            claim.sentences, claim.disputes, claim.merged_from = [index], [], []
            claim.modality = "reported"
            claim.date = _date(ctx, claim)
            claim.location = _location(ctx, claim)
            _name_forces(claim)
            claims.append(claim)
            draft.killed, draft.injured = [], []
        if draft.sub_type == "Denial":
            draft.modality = "reported"  # the denial is what is reported (docs §2.8)
            draft.attributed_to = source
        elif denial is not None or _negated(ctx, draft) or (
                (source_span is not None or _cues(ctx, first, last, "speech"))
                and _content_negated(ctx, draft, first, last)):
            draft.modality = "denied"
            draft.attributed_to = denial or source
        else:
            draft.modality = _modality(ctx, draft)
        draft.date = _date(ctx, draft)
        draft.location = _location(ctx, draft)
        _name_forces(draft)
        draft.background = _recap_at(ctx, first, draft.trigger[0], draft.clause[1], draft.clause[0])
    return claims + drafts


_APPROVED = tuple(match_form(w) for w in ("اقر", "يقر", "تقر"))
_CONTRAST = frozenset(match_form(w) for w in ("الا", "لكن", "ولكن", "غير", "بيد"))


def _contrast_before_denial(ctx: _Doc, first: int, last: int) -> int | None:
    """The word index of إلا أن / لكن / غير أن that opens the denial clause of the sentence, if any."""
    deny = next(iter(_cues(ctx, first, last, "deny")), None)
    if deny is None:
        return None
    for j in range(deny.start - 1, max(first, deny.start - 8) - 1, -1):
        if ctx.words[j] in _CONTRAST and (ctx.words[j] not in ("الا", "غير", "بيد") or j + 1 < last and ctx.words[j + 1] in _THAT):
            return j
    return None


def _denier_speaks(ctx: _Doc, source: str | None, span: tuple[int, int] | None, deniers: set[str | None]) -> bool:
    """The sentence's speaker is one who denied an event earlier (or speaks for it: المتحدث باسم
    الدفاع الروسية)."""
    if source is None:
        return False
    if source in deniers:
        return True
    if span is None:
        return False
    first, last = ctx.token_range(*span) if span[1] > len(ctx.words) else span
    for i in range(max(0, first - 6), min(len(ctx.words), last + 6)):
        actor = read_actor(ctx.words, i, min(len(ctx.words), last + 6))
        if actor is not None and actor.name.name_en in deniers:
            return True
    return False


def _refine_from(ctx: _Doc, draft: _Draft, index: int, first: int, last: int) -> None:
    """A follow-up sentence's details complete the event: a town inside the event's province or
    country ("غارة فوق سورية" … "قتل قرب سرمدا"), a day when the event had only the default week."""
    probe = _Draft(draft.type, draft.sub_type, (first, first + 1), index, (first, last))
    place = _location(ctx, probe)
    if place is not None and draft.location is not None:
        draft.location = _more_specific(draft.location, place)
    elif place is not None and not _coarse(place):
        draft.location = place
    if draft.date.precision in ("week", None):
        times = _times_in(ctx, first, last)
        if times:
            best = times[0]
            date = EventDate(best.value_start, best.value_end or best.value_start, best.precision)
            if date.precision == "day" and (draft.date.start is None or _dates_overlap(draft.date, date)):
                draft.date = date


def _definite_toll(ctx: _Doc, first: int, last: int) -> bool:
    """The sentence's first toll word is definite (القتلى، الجرحى، الضحايا): it refers to victims
    already reported."""
    cues = _cues(ctx, first, last, "kill") + _cues(ctx, first, last, "injure") + _cues(ctx, first, last, "casualty")
    if not cues:
        return False
    hit = min(cues, key=lambda h: h.start)
    return hit.prefix.endswith(("ال", "لل"))


def _refers_back(ctx: _Doc, first: int, last: int) -> bool:
    """A sentence with a source and a toll-ish or anaphoric word (القصف، الغارات، الهجوم) that
    names no new event of its own."""
    return bool(_cues(ctx, first, last, "casualty") or _cues(ctx, first, last, "kill"))


def _follow_up_target(earlier: list[_Draft], index: int, reach: int = FOLLOW_UP_SENTENCES) -> _Draft | None:
    for draft in reversed(earlier):
        last_sentence = max(draft.sentences or [draft.sentence])
        if index - last_sentence > reach:
            return None
        if draft.type in lx.VIOLENT_TYPES:
            return draft
    return None


def _meeting_during_visit(ctx: _Doc, trigger: Hit, first: int, last: int) -> Hit | None:
    """A Visit clause that also reports an encounter (بحث مع … خلال زيارة لبغداد، وصل في زيارة
    حيث يلتقي): the meeting is an event of its own (docs §2.7)."""
    if trigger.payload.sub_type != "Visit":  # type: ignore[attr-defined]
        return None
    others = [h for h in _trigger_candidates(ctx, first, last) if h.payload.type == lx.DIPLOMACY  # type: ignore[attr-defined]
              and h.payload.sub_type in ("Meeting", "Talks")]  # type: ignore[attr-defined]
    return min(others, key=lambda h: h.start) if others else None


def _main_trigger(ctx: _Doc, first: int, last: int) -> Hit | None:
    """The clause's trigger: the first in ACLED's hierarchy among its event cues."""
    candidates = _trigger_candidates(ctx, first, last)
    if not candidates:
        return None
    # "أجرى بوتين محادثات … مع نزارباييف، الذي تستضيف بلاده لقاءات آستانة الخاصة بالمفاوضات": an event
    # named inside a relative clause describes an actor; the main clause's event before it comes first
    main = [h for h in candidates if not any(ctx.words[j] in _RELATIVE for j in range(candidates[0].end, h.start))]
    candidates = main or candidates
    statements = [h for h in candidates if h.payload.type == lx.STATEMENT]  # type: ignore[attr-defined]
    events = [h for h in candidates if h.payload.type != lx.STATEMENT]  # type: ignore[attr-defined]
    said = next((h for h in statements if not h.prefix.endswith(("ال", "لل"))), None)
    if said is not None and all(h.payload.type == lx.DIPLOMACY and not h.payload.verb and h.start > said.start  # type: ignore[attr-defined]
                                and h.prefix.endswith(("ال", "لل")) for h in events):
        # "نفى الوزير أن تكون بلاده على اتصال …، مبيناً أن المفاوضات التي قادتها قطر تمت عبر وسطاء": the
        # talks he names, definite, are his topic; his denial is the event
        events = []
    pool = events or statements
    specific = [h for h in pool if not h.payload.weak]  # type: ignore[attr-defined]
    # among generic words, "استهدف" (a strike) says more than "هجوم" (any attack)
    pool = specific or [h for h in pool if h.payload.type != lx.BATTLES] or pool  # type: ignore[attr-defined]
    return min(pool, key=lambda hit: (hit.payload.rank, hit.start))  # type: ignore[attr-defined]


_AIR_MISHAP = tuple(match_form(w) for w in ("تحطم", "سقوط", "سقطت", "اسقاط", "اسقط", "حادث", "هبوط", "عطل"))


def _aircraft_action(ctx: _Doc, first: int, last: int) -> Hit | None:
    """A clause with no strike word whose aircraft, named first, kill (نجحت طائرات التحالف في القضاء على
    تعزيزات، قضت مروحيات الجيش على عشرة مسلحين): an air strike (docs §2.2), read at the aircraft word.
    Not a crash or a downing (تحطم طائرة، إسقاط مروحية) and not a negated killing."""
    c_start, c_end = ctx.char_span(first, last)
    if not _places_in(ctx.doc.places, c_start, c_end):
        return None  # a strike told with no place of its own is a comment on the war, not a report
    actors = _actor_spans(ctx, first, last)
    for air in _cues(ctx, first, last, "means_air"):
        if not any(air.start <= a.start <= air.end + 1 and a.name.kind != "civilians" for a in actors):
            continue  # whose aircraft (طائرات التحالف، مروحيات الجيش): not a plane of passengers, not مقاتلات (women)
        window = range(air.end, min(last, air.end + 8))  # the aircraft kill: "قتلى الطائرات" is a statistic
        if any(stem.startswith(_AIR_MISHAP) for j in range(max(first, air.start - 4), min(last, air.end + 4))
               for _, stem in proclitic_splits(ctx.words[j])):
            continue
        kills = [h for j in window for h in ctx.cues[j] if h.payload.kind in ("kill", "injure")  # type: ignore[attr-defined]
                 and h.start == j]
        if kills and not any(_negated_at(ctx, h.start, first) for h in kills):
            return Hit(air.start, air.end, lx.AIR_STRIKE, air.prefix)
    return None


def _trigger_candidates(ctx: _Doc, first: int, last: int) -> list[Hit]:
    """The clause's event cues that read as events here."""
    candidates: list[Hit] = []
    disrupt_until = -1
    for i in range(first, last):
        for hit in ctx.cues[i]:
            cue = hit.payload
            if cue.kind != "event":  # type: ignore[attr-defined]
                continue
            if cue.needs_next and not any(  # type: ignore[attr-defined]
                    w in cue.needs_next for w in ctx.words[hit.end:hit.end + (  # type: ignore[attr-defined]
                        7 if cue.type == lx.DIPLOMACY else 10 if cue.type == lx.STATEMENT else 4)]):  # بحث <subject> مع
                continue
            if not _trigger_reading_ok(ctx, hit, first, last):
                continue
            if cue.sub_type == "Agreement" and (_under_negotiation(ctx, hit, first) or (
                    hit.start > first and ctx.words[hit.start - 1] in _DEMONSTRATIVE)):
                continue  # talks about a truce; "هذا الاتفاق": the agreement already reported
            if cue.sub_type == "Looting/property destruction" and not cue.verb and _as_result(ctx, hit, first):
                continue  # "أسفر عن مقتل 5 وتدمير آلية"، "أوقع مستويات من التدمير": a consequence
            if cue.sub_type == "Disrupted weapons use":  # type: ignore[attr-defined]
                disrupt_until = hit.end + 6
            elif cue.sub_type == "Armed clash" and i < disrupt_until and ctx.words[i].startswith(  # type: ignore[attr-defined]
                    ("هجوم", "هجمات", "هجمه")):
                continue  # the attack a force foiled is part of the foiling
            candidates.append(hit)
    return candidates


_TALKING = frozenset({"Negotiations", "Talks", "Consultations", "Meeting", "Phone call"})
_RESULT_WORDS = frozenset(match_form(w) for w in (
    "اسفر", "اسفرت", "ادى", "ادت", "ادي", "تسبب", "تسببت", "اوقع", "اوقعت", "خلف", "خلفت", "نتج", "اضافة",
    "الحاق", "الحقت", "الحق", "مخلفا", "مخلفة", "ما", "مما"))


def _as_result(ctx: _Doc, hit: Hit, first: int) -> bool:
    """A destruction noun that a strike or a toll caused (أسفر عن تدمير، تسببت في تدمير، مقتل 5
    وتدمير آلية): part of the violent event, not a development of its own (docs §2.4: "with no
    attack")."""
    for j in range(hit.start - 1, max(first, hit.start - 8) - 1, -1):
        if _bare(ctx.words[j]) in _RESULT_WORDS:
            return True
        if any(h.payload.kind in ("kill", "injure", "casualty") or (  # type: ignore[attr-defined]
                h.payload.kind == "event" and h.payload.type in lx.VIOLENT_TYPES)  # type: ignore[attr-defined]
               for h in ctx.cues[j]):
            return True
    return False


def _under_negotiation(ctx: _Doc, hit: Hit, first: int) -> bool:
    """A truce or deal that talks are about (حاولوا التفاوض على هدنة، محادثات بشأن الهدنة) is the
    talks' subject, not a concluded agreement, unless a concluding verb governs it (وقعا اتفاقاً)."""
    if any(_bare(w) in lx.CONCLUDED for w in ctx.words[max(first, hit.start - 3):hit.start]) or (
            ctx.words[hit.start] in lx.CONCLUDED):
        return False
    return any(h.payload.kind == "event" and h.payload.type == lx.DIPLOMACY  # type: ignore[attr-defined]
               and h.payload.sub_type in _TALKING  # type: ignore[attr-defined]
               for i in range(first, hit.start) for h in ctx.cues[i])


_DEMONSTRATIVE = frozenset(match_form(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "نفسه",
                                                    "نفسها", "ذاته", "ذاتها", "المذكور", "المذكورة"))
_RELATIVE = frozenset(match_form(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"))
_NOUN_GOVERNORS = frozenset(match_form(w) for w in (
    "تحت", "ضمن", "بعد", "قبل", "منذ", "خلال", "اثر", "عقب", "اثناء", "اجل", "بسبب", "رغم"))
_SUBJECTED = tuple(match_form(w) for w in ("تتعرض", "يتعرض", "تتعرضان", "يتعرضون", "تعاني", "يعاني"))
_PURPOSE = frozenset(match_form(w) for w in ("اجل", "بهدف", "سعيا", "محاولة", "محاولات", "تحاول", "يحاول", "لاجل"))
_STILL = frozenset(match_form(w) for w in ("تزال", "يزال", "زال", "زالت", "تواصل", "يواصل", "واصل", "واصلت"))
_TIME_WORDS = frozenset(match_form(w) for w in (
    "اليوم", "امس", "الليلة", "فجر", "صباح", "مساء", "ظهر", "منذ", "حاليا", "الان"))


_ASSAULT_STEMS = tuple(match_form(w) for w in ("هاجم", "يهاجم", "تهاجم", "هجوم", "هجمات", "هجمة"))
# What a verbal attack hits or how it is qualified: criticism, statements, policies, the press.
_VERBAL_OBJECTS = tuple(match_form(w) for w in (
    "انتقاد", "الانتقاد", "وابل", "تصريح", "التصريح", "سياس", "السياس", "موقف", "الموقف", "مواقف", "المواقف",
    "قرار", "القرار", "الاعلام", "وسائل", "الصحاف", "الصحف", "خطاب", "الخطاب", "حاد", "لاذع", "كلامي", "الحكوم", "البرلمان", "المعارض", "منتقد", "المنتقد", "العنصري", "اتهام", "الاتهام"))


_MEANT = tuple(match_form(w) for w in ("يراد", "يقصد", "تستخدم", "يستخدم", "قادرة", "قادر", "بامكانها", "تستطيع",
                                      "يستطيع", "مصممة", "مصمم"))
# Abstract nouns of harm that rhetoric strings together (اعتداء وعدوان وقتل وترويع … والتخريب).
_ABSTRACT_HARM = frozenset(match_form(w) for w in (
    "اعتداء", "عدوان", "قتل", "ترويع", "تخريب", "تدمير", "دمار", "فوضى", "الفوضى", "عنف", "بطش", "ارهاب", "اجرام",
    "ظلم", "تهجير", "تشريد", "خراب", "سفك", "ازهاق", "حرق", "نهب", "سلب", "هدم", "تعذيب", "تمثيل", "اغراق",
    "ترهيب", "فساد", "افساد", "تكفير", "غدر", "خيانة", "كراهية", "تطرف"))
# Verbs that list what something includes (الدعم الذي يشمل التدريب والسلاح والضربات الجوية).
_INCLUDES = frozenset(match_form(w) for w in ("يشمل", "تشمل", "يتضمن", "تتضمن", "يضم", "تضم", "منها", "مثل"))


def _has_stem(word: str, lexicon: frozenset[str]) -> bool:
    """The word, or its stem under some reading of its proclitics (و، ف، ب، ل، ال …), is in `lexicon`."""
    return any(stem in lexicon for _, stem in proclitic_splits(word))


def _harm_noun(word: str) -> bool:
    return _has_stem(word, _ABSTRACT_HARM)


def _in_enumeration(ctx: _Doc, hit: Hit, first: int, last: int) -> bool:
    """A noun trigger that is one item of a list of abstract harms (two more harm nouns around it, the
    items joined by و) or of what something includes (يشمل التدريب والسلاح والضربات الجوية): a
    description, not one incident."""
    window = range(max(first, hit.start - 6), min(last, hit.end + 6))
    harms = [j for j in window if (j < hit.start or j >= hit.end) and _harm_noun(ctx.words[j])]
    if len(harms) >= 2 and any(ctx.words[j].startswith("و") for j in harms + [hit.start]):
        return True
    return ctx.words[hit.start].startswith("و") and any(
        _bare(w) in _INCLUDES for w in ctx.words[max(first, hit.start - 8):hit.start])


def _verbal_attack(ctx: _Doc, hit: Hit, last: int) -> bool:
    """هاجم/هجوم said of words: its object or qualifier within three words is criticism, a statement,
    a policy or the press (هاجم وابل الانتقادات، شن هجوماً حاداً، هاجم سياسة الحكومة)."""
    after = [_bare(w) for w in ctx.words[hit.end:min(last, hit.end + 3)]]
    return any(w.startswith(_VERBAL_OBJECTS) for w in after)


def _bare(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


_DAWN = match_form("فجر")
_DAWN_NEXT = frozenset(match_form(w) for w in (
    "اليوم", "امس", "اول", "يوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
    "الماضي"))


# Forms of a trigger noun's stem that are other words: the plural of a demand, the walk of a march.
_PLAIN_NOUNS = {"Demand": frozenset(match_form(w) for w in ("مطالب", "مطالبها", "مطالبهم", "مطالبنا")),
                "Peaceful protest": frozenset(match_form(w) for w in ("مسير",))}


# Nouns that a weapon noun completes as the name of a unit, a stock or a launcher, not of a firing.
_WEAPON_HOLDERS = frozenset(match_form(w) for w in (
    "قيادة", "قياده", "لواء", "كتيبة", "كتيبه", "منظومة", "منظومه", "منظومات", "مخازن", "مخزن", "مستودع",
    "مستودعات", "منصة", "منصه", "منصات", "ورشة", "ورشه", "مصنع", "مصانع", "شحنة", "شحنه", "شحنات", "تهريب",
    "صفقة", "صفقه", "مخزون", "ترسانة", "ترسانه", "صناعة", "صناعه", "تصنيع", "مخابئ", "مخبا", "ذخيرة", "ذخيره"))


def _trigger_reading_ok(ctx: _Doc, hit: Hit, first: int, last: int) -> bool:
    """Whether a lexicon hit reads as an event here (docs/events.md §2, §8.2):

    * a verb form is never read after the article (السيطرة is a noun, not ال + سيطره);
    * a noun that needs an achieving verb (تمكنت من استعادة، بسط سيطرته) has one just before;
    * an imperfect violent verb (يسيطر، يقصف النظام بانتظام) states a condition or a habit, not an
      event, unless its clause dates it (منذ صباح اليوم، أمس), says it goes on (لا تزال) or plans it;
    * a change of control inside a relative clause (التنظيم الذي يسيطر/استولى على) describes an actor.
    """
    cue: lx.Cue = hit.payload  # type: ignore[assignment]
    if cue.verb and hit.prefix.endswith(("ال", "لل")):
        return False
    before = [_bare(w) for w in ctx.words[max(first, hit.start - 3):hit.start]]
    if cue.verb and ctx.words[hit.start].endswith("ه") and (
            ctx.tokens[hit.start].text.endswith("ة") or (before and before[-1] in _NOUN_GOVERNORS)):
        return False  # سيطرة (a noun with ة, or after تحت/بعد) is not the verb سيطر + ه
    if cue.verb and before and before[-1] in _NOUN_GOVERNORS:
        return False  # "في منطقة تحت سيطرتها"، "بعد تحريرها": a noun with its pronoun, not a verb
    reach = before if cue.type != lx.STATEMENT else [_bare(w) for w in ctx.words[max(first, hit.start - 6):hit.start]]
    if cue.needs_before and not any(w in cue.needs_before for w in reach):
        return False  # a statement's verb may have its subject before the noun (أصدر الرئيس اليمني أمس قراراً)
    if cue.sub_type == lx.TERRITORY and not cue.verb and any(w in _PURPOSE for w in before):
        return False  # "تتقاتلان من أجل السيطرة على البلاد": an aim, not a change of control
    if not cue.verb and cue.type in (lx.STRATEGIC, lx.REMOTE, lx.VAC) and _in_enumeration(ctx, hit, first, last):
        return False  # "اعتداء وعدوان وقتل وترويع … والتدمير والتخريب"، "يشمل التدريب والسلاح والضربات الجوية"
    if cue.sub_type == "Looting/property destruction" and not cue.verb and any(
            w in _PURPOSE or w.startswith(_MEANT) for w in before):
        return False  # "الطائرات التي يراد منها تدمير أهداف العدو": what a weapon is for
    if cue.sub_type == lx.TERRITORY and not cue.verb and hit.prefix.endswith("ل") and not hit.prefix.endswith("ال"):
        return False  # "سيحتاج لثلاثة ألوية لاستعادة الموصل"، "للسيطرة على": a purpose, not a capture
    if cue.type == lx.BATTLES and ctx.words[hit.start][len(hit.prefix):].startswith(_ASSAULT_STEMS) and (
            _verbal_attack(ctx, hit, last)):
        return False  # "هاجم الوزير الانتقادات"، "شن هجوماً حاداً على الحكومة": words, not arms
    if cue.sub_type == lx.TERRITORY and cue.verb and before and before[-1] in _RELATIVE:
        return False
    stem = ctx.words[hit.start][len(hit.prefix):]
    if not cue.verb and stem in _PLAIN_NOUNS.get(cue.sub_type or "", ()):
        return False  # "مطالب السوريين" (demands), "المسير" (walking): plain nouns, not the act or the march
    if stem == _DAWN and hit.end < last and (ctx.words[hit.end] in _DAWN_NEXT or _bare(ctx.words[hit.end]) in _TIME_WORDS):
        return False  # "شنوا هجوماً فجر أول من أمس"، "فجر اليوم": at dawn, not detonated
    raw = ctx.tokens[hit.start].text
    if cue.sub_type == "Claim" and raw.endswith("ى") and raw[:1] in ("ي", "ت"):
        return False  # "مسؤول يُدعى أبو عقيل" (is called), not يدّعي (claims)
    if not cue.verb and cue.type == lx.REMOTE and before and (
            before[-1] in _WEAPON_HOLDERS or before[-1][:1] in ("ب", "ل") and before[-1][1:] in _WEAPON_HOLDERS):
        return False  # "مقر قيادة الصواريخ"، "مخازن القذائف"، "منصات الصواريخ": a unit or a stock, not a strike
    after = ctx.words[hit.end:min(last, hit.end + 3)]
    if not cue.verb and any(w in _RELATIVE for w in after[:2]) and any(
            w.startswith(_SUBJECTED) for w in after):
        return False  # "القصف العنيف الذي تتعرض له المخيمات": a condition, not one event
    raw_before = ctx.words[max(first, hit.start - 2):hit.start]
    if not cue.verb and cue.type in lx.VIOLENT_TYPES and len(raw_before) == 2 and raw_before[0] in _RELATIVE and (
            raw_before[1][:1] in ("ي", "ت") and not raw_before[1].startswith(("تم", "تعرض"))) and not (
            _times_in(ctx, first, last) or any(_bare(w) in _TIME_WORDS for w in ctx.words[first:last])
            or _cues(ctx, first, last, "kill") or _cues(ctx, first, last, "injure")):
        return False  # "قواتهم المسلحة التي تخوض المعارك": a relative clause describing an actor, undated
    if cue.present and cue.type != lx.DIPLOMACY:
        if cue.sub_type == lx.TERRITORY or (before and before[-1] in _RELATIVE):
            return False
        if any(w in _STILL for w in before):
            return True
        if _cues(ctx, first, last, "future") or ctx.words[hit.start][len(hit.prefix):].startswith("س"):
            return True
        return bool(_times_in(ctx, first, last) or any(_bare(w) in _TIME_WORDS for w in ctx.words[first:last]))
    return True


def _draft_for(ctx: _Doc, index: int, hit: Hit, clause: tuple[int, int]) -> _Draft:
    cue: lx.Cue = hit.payload  # type: ignore[assignment]
    sub_type = cue.sub_type
    if cue.type == lx.REMOTE and sub_type == "Shelling/artillery/missile attack" and _cues(
            ctx, *clause, "means_air"):
        sub_type = "Air/drone strike"
    type_ = cue.type or ""
    if cue.type == lx.BATTLES and sub_type == "Armed clash" and ctx.words[hit.start][len(hit.prefix):].startswith(
            _ASSAULT_STEMS) and _cues(ctx, max(clause[0], hit.start - 4), min(clause[1], hit.end + 2), "means_air"):
        # "مروحيتين أمريكيتين هاجمتا حاجزاً"، "هاجمت مروحيتان": aircraft attacking strike from the air
        type_, sub_type = lx.REMOTE, "Air/drone strike"
    if sub_type == "Looting/property destruction" and _cues(ctx, max(clause[0], hit.start - 8),
                                                            min(clause[1], hit.end + 3), "means_air"):
        # "دمرت طائرات التحالف مخازن"، "سلاح الجو دمّر عربات": a strike from the air, not looting (docs §2.2)
        type_, sub_type = lx.REMOTE, "Air/drone strike"
    word = ctx.words[hit.start][len(hit.prefix):]
    following = ctx.words[hit.end] if hit.end < len(ctx.words) else ""
    anaphoric = not cue.verb and (hit.prefix.endswith(("ال", "لل")) or following in _DEMONSTRATIVE
                                  or ctx.words[hit.start - 1] in _DEMONSTRATIVE if hit.start else False)
    if not cue.verb and type_ == lx.DIPLOMACY and word.endswith(("هما", "هم")):
        anaphoric = True  # "في اجتماعهما بمنتجع سوتشي": the meeting of the two just named
    sentence = ctx.sentences[index]
    named = frozenset(_place_key(p.location) for p in _places_in(ctx.doc.places, sentence.start, sentence.end))
    generic = anaphoric and word in _GENERIC_ATTACK
    s_first = ctx.token_range(sentence.start, sentence.end)[0]
    additive = (not anaphoric and cue.verb and ctx.words[s_first] in _ADDITIVE and hit.start - s_first <= 2)
    if not anaphoric and cue.type in lx.VIOLENT_TYPES and any(
            _bare(w).startswith("ال") and _bare(w) in _GENERIC_ATTACK for w in ctx.words[clause[0]:hit.start]):
        # "إن الهجوم نفذه انتحاريان"، "الهجوم كان سيارة مفخخة": the attack just reported, now specified
        anaphoric = generic = True
    condemned = not cue.verb and cue.type in lx.VIOLENT_TYPES and any(
        _has_stem(w, _CONDEMN) for w in ctx.words[max(clause[0], hit.start - 4):hit.start])
    if condemned:  # "أدانت الحكومة بشدة التفجير الإرهابي": the attack told already, whatever the speaker's place
        anaphoric = generic = True
    return _Draft(type_, sub_type, (hit.start, hit.end), index, clause, trigger_word=word,
                  sentences=[index], anaphoric=anaphoric, weak=cue.weak, present=cue.present,
                  generic=generic, named_places=named, additive=additive, condemned=condemned)


_CONDEMN = frozenset(match_form(w) for w in (
    "ادان", "ادانت", "دان", "دانت", "يدين", "تدين", "ادانة", "ادانته", "ادانتها", "ندد", "نددت", "يندد", "تندد",
    "تنديد", "تنديده", "استنكر", "استنكرت", "يستنكر", "تستنكر", "استنكار", "استنكاره", "استنكارها", "شجب",
    "شجبت", "يشجب", "شجبه", "شجبها"))


_ADDITIVE = frozenset(match_form(w) for w in ("كما", "وكذلك", "كذلك", "فيما", "بينما"))


# Words for any attack that, definite, refer back to the violent event just reported whatever its
# type (قتل جنديان بانفجار عبوة … ولم تعلن أي جهة مسؤوليتها عن الهجوم).
_GENERIC_ATTACK = frozenset(match_form(w) for w in (
    "هجوم", "هجمات", "هجمة", "هجومين", "اعتداء", "اعتداءات", "تفجير", "تفجيرات", "انفجار", "عملية",
    "العملية", "الهجوم", "الهجمات", "الاعتداء", "التفجير", "التفجيرات", "الانفجار", "التفجيرين", "الانفجارين",
    "الهجومين", "تفجيرين", "انفجارين", "الاعتداءين"))


_BY_HAND = frozenset(match_form(w) for w in ("ايدي", "يد", "برصاص", "بنيران", "رصاص", "نيران", "بايدي", "يدي"))


def _killer(ctx: _Doc, actors: list[ActorSpan], first: int, last: int) -> ActorSpan | None:
    """The named actor a toll sentence says killed (على أيدي X، برصاص X، بنيران X)."""
    for i in range(first, last - 1):
        if _bare(ctx.words[i]) in _BY_HAND:
            span = next((a for a in actors if i < a.start <= i + 2), None)
            if span is not None and _named(span) is not None:
                return span
    return None


_PASSED_AWAY = tuple(match_form(w) for w in ("توفي", "يتوفي", "توفيت", "وفاة", "الوفاة", "المتوفى", "المتوفي",
                                             "المتوفاة", "المتوفاه", "وفاته", "وفاتها"))
_VIOLENT_DEATH = tuple(match_form(w) for w in (
    "متاثر", "جراح", "اصابت", "اصابات", "برصاص", "بنيران", "رصاص", "قذيف", "انفجار", "تفجير", "طعن", "تعذيب",
    "التعذيب", "اعتداء", "هجوم", "قصف", "غار", "جراء", "اثر", "بسبب", "نتيجة"))


def _natural_death(ctx: _Doc, first: int, last: int) -> bool:
    """Every death word of the sentence is توفي/وفاة and nothing says violence caused it (متأثراً
    بجراحه، برصاص، جراء): a death, not an attack or a fight."""
    kills = _cues(ctx, first, last, "kill")
    if not kills or _cues(ctx, first, last, "injure"):
        return False
    if not all(ctx.words[h.start][len(h.prefix):].startswith(_PASSED_AWAY) for h in kills):
        return False
    return not any(_bare(w).startswith(_VIOLENT_DEATH) or _bare(w)[:1] in "بل" and _bare(w)[1:].startswith(
        _VIOLENT_DEATH) for w in ctx.words[first:last])


def _toll_only_draft(ctx: _Doc, index: int, first: int, last: int, kills: list[Toll], injuries: list[Toll],
                     civilians: bool, actors: list[ActorSpan]) -> _Draft:
    """A killing or injury with no other trigger: an attack on civilians when they are the
    victims, otherwise fighting (docs/events.md §2)."""
    cues = _cues(ctx, first, last, "kill") or _cues(ctx, first, last, "injure") or _cues(
        ctx, first, last, "casualty")
    hit = cues[0]
    type_, sub_type = (lx.VAC, "Attack") if civilians else (lx.BATTLES, "Armed clash")
    draft = _Draft(type_, sub_type, (hit.start, hit.end), index, (first, last),
                   trigger_word=ctx.words[hit.start], sentences=[index])
    draft.civilians = civilians and type_ == lx.VAC
    draft.toll_only = True
    _fill(ctx, draft, actors, None)
    return draft


# ---------------------------------------------------------------------------------------------
# actors


def _actor_spans(ctx: _Doc, first: int, last: int) -> list[ActorSpan]:
    """Actor phrases of the sentence: the lexicon's, then named-entity mentions it does not know."""
    spans: list[ActorSpan] = []
    i = first
    while i < last:
        span = read_actor(ctx.words, i, last) if ctx.words[i][:1].isalpha() else None
        if span is not None:
            spans.append(_coalition_by_country(ctx, span))
            i = span.end
        else:
            i += 1
    taken = [(s.start, s.end) for s in spans]
    for mention in _mentions_in(ctx.doc.mentions, ctx.tokens[first].start, ctx.tokens[last - 1].end):
        if mention.type not in ("PERS", "ORG"):
            continue
        m_first, m_last = ctx.token_range(mention.start, mention.end)
        if any(a < m_last and m_first < b for a, b in taken) or m_first >= m_last:
            continue
        kind = "person" if mention.type == "PERS" else "actor"
        spans.append(ActorSpan(m_first, m_last, ActorName(None, None, kind)))
    spans.sort(key=lambda s: s.start)
    return spans


_SAUDI_MARKERS = frozenset(match_form(w) for w in (
    "العربي", "السعودية", "بقيادة السعودية", "الشرعية", "دعم", "العربية", "بقيادة الرياض"))
_US_LED_THEATRES = frozenset({"Syria", "Iraq"})


def _main_country(ctx: _Doc) -> str | None:
    """The country the article's places fall in most often."""
    counts: dict[str, int] = {}
    for p in ctx.doc.places:
        if p.location is not None and p.location.country:
            counts[p.location.country] = counts.get(p.location.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _coalition_by_country(ctx: _Doc, span: ActorSpan) -> ActorSpan:
    """A bare "التحالف" (قوات/طيران/مقاتلات التحالف) is the coalition fighting in the article's
    country: the US-led one in Syria and Iraq, the Saudi-led one in Yemen."""
    if span.name.name_en != "Saudi-led coalition" or any(
            ctx.words[j] in _SAUDI_MARKERS for j in range(span.start, min(len(ctx.words), span.end + 1))):
        return span
    if _main_country(ctx) not in _US_LED_THEATRES:
        return span
    return ActorSpan(span.start, span.end, ActorName("US-led coalition", span.name.inter, span.name.kind,
                                                     span.name.country))


def _mentions_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if start <= m.start < end]


def _fill(ctx: _Doc, draft: _Draft, actors: list[ActorSpan], source_span: tuple[int, int] | None) -> None:
    """actor1, actor2 and the civilian flag of a draft from the actor phrases around its trigger."""
    c_first, c_last = draft.clause
    t_first, t_last = draft.trigger
    # the source of a report is not a side of the event it reports, but a statement's speaker is its actor1
    # (كشف الناطق باسم الحكومة عن …، اتهم المتحدث باسم الجيش …)
    speaking = draft.type == lx.STATEMENT
    usable = [a for a in actors if c_first <= a.start < c_last and (speaking or a.name.kind != "source")
              and (speaking or not (source_span and source_span[0] <= a.start < source_span[1]))]
    if draft.type == lx.DIPLOMACY:
        _fill_diplomacy(ctx, draft, usable)
        return
    agent = _after_agent_cue(ctx, draft, usable)
    before = [a for a in usable if a.end <= t_first and a.name.kind != "civilians"]
    after = [a for a in usable if a.start >= t_last]
    is_verb = _is_verb_form(ctx.words[t_first])
    actor1 = agent
    if actor1 is None and after and after[0].start - t_last <= 1 and after[0].name.kind != "civilians":
        actor1 = after[0]  # VSO (قصفت القوات) or a genitive agent (غارات التحالف)
    if actor1 is None and before and (is_verb or before[-1].end >= t_first - 3):
        actor1 = before[-1]  # SVO: الجيش السوري استعاد
    rest = [a for a in after if a is not actor1 and not _in_support(ctx, a, c_first)]
    actor2 = next((a for a in rest if a.name.kind != "civilians"), None)
    if actor2 is None and t_first - 1 >= c_first and ctx.words[t_first - 1] in _CAUSE_WORDS:
        # مقتل 7 عناصر من حزب الله جراء غارة: the dead named before "as a result of" are the target
        actor2 = next((a for a in reversed(before) if a is not actor1 and a.end > t_first - 8), None)
    civilians = next((a for a in usable if a.name.kind == "civilians"), None)
    if draft.sub_type == "Air/drone strike" and actor1 is not None and actor1.name.inter in _NO_AIR_FORCE:
        # "3 حوثيين قتلوا على متن دبابة دمرتها إحدى غارات الطيران": rebels fly no aircraft; they are the target
        actor2 = actor2 or actor1
        actor1 = None
    around = ctx.words[max(c_first, t_first - 5):min(c_last, t_last + 6)]
    if draft.sub_type == "Abduction/forced disappearance" and (
            any(_has_stem(w, _MILITARY_VICTIMS) for w in around)
            or _MEMBERS in around and any(_bare(w) in _FORCES_WORDS for w in around)):
        # soldiers taken by the enemy (عسكريان روسيان اختطفا، اختطاف عناصر من القوات المسلحة) are no
        # civilians: a capture in the fighting (docs §2.3)
        draft.type, draft.sub_type = lx.BATTLES, "Armed clash"
    if draft.sub_type == "Arrests" and actor1 is not None and actor1.name.inter in _NO_AIR_FORCE:
        # a non-state group's arrests are detentions by a non-state group: abductions (docs §2.3, §2.4)
        draft.type, draft.sub_type = lx.VAC, "Abduction/forced disappearance"
    draft.actor1 = actor1
    draft.actor2 = actor2
    draft.hedged_actor = actor1 is not None and any(
        ctx.words[j] in _HEDGES for j in range(max(c_first, actor1.start - 3), actor1.start))
    if draft.type == lx.VAC:
        draft.civilians = True
        if civilians is not None:
            draft.actor2 = civilians
    if draft.sub_type == lx.TERRITORY:
        draft.sub_type = _territory_sub_type(draft)


_MEMBERS = match_form("عناصر")  # عناصر من القوات المسلحة: soldiers
_FORCES_WORDS = frozenset(match_form(w) for w in ("القوات", "الجيش"))
_MILITARY_VICTIMS = frozenset(match_form(w) for w in (
    "عسكري", "عسكريان", "عسكريين", "عسكريون", "جندي", "جنديان", "جنديين", "جنود", "ضابط", "ضباط", "ضابطين"))


# "بمساندة قوات الجيش العراقي"، "بدعم من طيران التحالف": the forces helping actor1 are its allies, never
# the side acted upon.
_SUPPORT = frozenset(match_form(w) for w in (
    "بمساندة", "ودعم", "بدعم", "وبدعم", "بمشاركة", "وبمشاركة", "باسناد", "بغطاء", "وبمساندة", "بتغطية",
    "بمؤازرة", "وبمؤازرة", "مدعومة", "مدعوما", "مدعومين", "المدعومة", "المدعوم", "بالتعاون"))


def _in_support(ctx: _Doc, actor: ActorSpan, c_first: int) -> bool:
    return any(ctx.words[j] in _SUPPORT for j in range(max(c_first, actor.start - 3), actor.start))


_HEDGES = frozenset(match_form(w) for w in ("يرجح", "يعتقد", "يشتبه", "يرجح", "ربما", "يحتمل", "يرجّح", "مرجحا"))
_NO_AIR_FORCE = frozenset({REBEL, MILITIA})
_CAUSE_WORDS = frozenset(match_form(w) for w in ("جراء", "نتيجة", "اثر", "إثر", "بسبب", "بفعل"))


def _after_agent_cue(ctx: _Doc, draft: _Draft, usable: list[ActorSpan]) -> ActorSpan | None:
    """The actor named after شنها/نفذته/أطلقتها/من قبل in the clause, the explicit perpetrator."""
    for hit in _cues(ctx, *draft.clause, "agent"):
        for actor in usable:
            if 0 <= actor.start - hit.end <= 2 and actor.name.kind != "civilians":
                return actor
        if hit.start > draft.trigger[1] and ctx.words[hit.end - 1].endswith(("ها", "ه", "هما", "هم")):
            # غارة يرجح أن طائرات أمريكية نفذتها: the agent verb carries its object, its subject precedes
            for actor in usable:
                if 0 <= hit.start - actor.end <= 1 and actor.start > draft.trigger[1] and actor.name.kind != "civilians":
                    return actor
    return None


# Words that open a contact's topic: what follows is discussed, not a party (التقى … لبحث مواجهة داعش،
# بحثا خلال اتصال هاتفي الحرب في سوريا والمعركة ضد داعش).
_TOPIC = frozenset(match_form(w) for w in (
    "لبحث", "لمناقشة", "لمناقشه", "حول", "بشان", "بخصوص", "تناول", "تناولت", "تناولا", "ضد", "مواجهة", "لمواجهة",
    "مكافحة", "لمكافحة", "محاربة", "لمحاربة", "الحرب", "المعركة", "ملف", "ملفي", "قضية", "الازمة", "الوضع",
    "تطورات", "مستجدات", "سبل", "العلاقات"))


def _topic_at(ctx: _Doc, draft: _Draft) -> int:
    """The first word after the trigger that opens the topic of a diplomatic contact, or the clause end."""
    return next((i for i in range(draft.trigger[1], draft.clause[1]) if ctx.words[i] in _TOPIC
                 or _bare(ctx.words[i]) in _TOPIC), draft.clause[1])


def _fill_diplomacy(ctx: _Doc, draft: _Draft, usable: list[ActorSpan]) -> None:
    topic = _topic_at(ctx, draft)
    with_at = next((i for i in range(draft.trigger[1], draft.clause[1]) if ctx.words[i] == "مع"), None)
    if with_at is not None and with_at > topic:
        topic = draft.clause[1]  # "بحث الملف السوري مع لافروف": the partner comes after the topic
    people = [a for a in usable if a.name.kind != "civilians" and a.start < topic]
    if not people:
        return
    t_first = draft.trigger[0]
    with_index = next((i for i in range(draft.trigger[1], draft.clause[1]) if ctx.words[i] == "مع"), None)
    second = None
    if with_index is not None:
        second = next((a for a in people if a.start > with_index), None)
    first = next((a for a in people if a is not second and a.end <= t_first), None)
    if first is None:
        first = next((a for a in people if a is not second), None)
    if second is None:
        second = next((a for a in people if a is not first and a.start > (first.start if first else -1)), None)
    draft.actor1, draft.actor2 = first, second


# Who makes a contact diplomatic (docs §2.7): heads of state and government, foreign ministers, envoys,
# delegations, international bodies, named armed groups; or parties of two countries.
_POLITICAL_TITLES = frozenset(match_form(w) for w in (
    "الرئيس", "رئيس", "الملك", "ملك", "خادم", "العهد", "سفير", "السفير", "سفيرا", "سفراء", "مبعوث", "المبعوث",
    "مبعوثا", "نظير", "نظيره", "نظيرها", "نظيريه", "وفد", "وفدا", "الوفد", "وفودا", "القنصل", "قنصل", "الامين",
    "امين", "الخارجية", "الخارجيه", "زعيم", "زعماء", "قادة", "قائد", "حزب", "الحزب", "البرلمان", "النواب",
    "الامم", "الجامعة", "مجلس", "الاتحاد", "المعارضة", "المعارضه", "الحكومة", "الحكومه", "دولة", "دوله"))
# "رئيس" heads a government only with these after it (رئيس الوزراء، رئيس الجمهورية), not رئيس الهيئة/الجامعة.
_HEAD_OF = frozenset(match_form(w) for w in ("الوزراء", "الجمهورية", "الجمهوريه", "الحكومة", "الحكومه", "الدولة",
                                            "الدوله", "مجلس", "البرلمان", "الائتلاف", "السلطة", "السلطه", "اقليم"))
_AMBIGUOUS_TITLES = frozenset(match_form(w) for w in ("رئيس", "امين", "الامين", "مجلس", "الجامعة", "الاتحاد",
                                                      "قائد", "قادة", "دولة", "دوله", "خادم", "العهد"))
_TITLE_NEXT = {match_form("امين"): ("عام", "العام"), match_form("الامين"): ("العام",),
               match_form("مجلس"): ("الامن", "الوزراء", "التعاون", "النواب", "الشوري", "الشعب"),
               match_form("الجامعة"): ("العربية", "العربيه"), match_form("الاتحاد"): ("الاوروبي", "الافريقي"),
               match_form("قائد"): ("الجيش", "القوات", "الحرس", "قوات"), match_form("قادة"): ("الدول", "الجيش"),
               match_form("دولة"): ("رئيس",), match_form("دوله"): ("رئيس",),
               match_form("خادم"): ("الحرمين",), match_form("العهد"): ()}
# Private people and sport: families, players, coaches, clubs (أهالي السجناء سيعقدون اجتماعاً، اجتماع
# المشرف مع المدرب واللاعبين، مفاوضات النادي للتعاقد مع لاعب) make no diplomatic contact.
_PRIVATE = frozenset(match_form(w) for w in (
    "اهالي", "الاهالي", "اهل", "ذوي", "اسر", "اسرة", "اسره", "الاسر", "عائلات", "عائلة", "العائلات", "طلاب",
    "الطلاب", "الطالبة", "الطالب", "المعلمين", "اولياء", "الفنان", "فنان", "الفنانين", "المسافرين", "مسافر",
    "ناشطون", "ناشطين", "الناشطون", "الناشطين", "نشطاء", "النشطاء", "المواطنين", "مواطنون", "السكان", "سكان"))
# Words only sport uses; _SPORT adds words that are sport beside one of them (الهجوم، الدفاع، الفريق).
_SPORT_STRONG = frozenset(match_form(w) for w in (
    "مدرب", "المدرب", "لاعب", "اللاعب", "لاعبين", "اللاعبين", "لاعبا", "المحترف", "الدوري", "مباراة", "المباراة",
    "مباريات", "المباريات", "الانتقالات", "المنتخب", "منتخب", "الملعب"))
_SPORT = _SPORT_STRONG | frozenset(match_form(w) for w in (
    "التعاقد", "النادي", "نادي", "الموسم", "فريق", "الفريق", "الهجوم", "الدفاع", "الوسط", "بطولة", "البطولة",
    "الجماهير", "صفقة", "صفقات", "هدف", "اهداف", "التدريبات", "معسكر", "المعسكر"))
# A visit of condolence or to a family's home, a patient, a school is a courtesy, not diplomacy.
_COURTESY = frozenset(match_form(w) for w in (
    "العزاء", "عزاء", "تعزية", "تعزيه", "المواساة", "المواساه", "مواساة", "لاسرة", "لاسره", "لمنزل", "منزل",
    "المرضى", "المرضي", "لعيادة", "عيادة", "الفقيد", "الفقيدة", "الفقيده"))


def _private_speaker(ctx: _Doc, draft: _Draft) -> bool:
    """The words before a Statement's trigger in its clause, or the two just after it (VSO: طالب الفنان …),
    name private people (a student, families, an artist, a traveller, activists) and no political actor."""
    subject = ctx.words[draft.clause[0]:draft.trigger[0]]
    after = ctx.words[draft.trigger[1]:min(draft.clause[1], draft.trigger[1] + 2)]
    if after and (_bare(after[0]) in _PRIVATE or after[0] in ("احد", "أحد") and len(after) > 1
                  and _bare(after[1]) in _PRIVATE):
        subject = subject + after
    if not any(_bare(w) in _PRIVATE for w in subject):
        return False
    return not any(_bare(w) in _POLITICAL_TITLES and _bare(w) not in _AMBIGUOUS_TITLES for w in subject)


def _sport_sentence(ctx: _Doc, first: int, last: int) -> bool:
    """The sentence speaks of sport: two sport words, one of them unambiguous (مدرب، لاعب، الدوري)."""
    found = {_bare(w) for w in ctx.words[first:last] if _bare(w) in _SPORT}
    return len(found) >= 2 and bool(found & _SPORT_STRONG)


def _sport_article(ctx: _Doc) -> bool:
    """The article is about sport: five distinct sport words, three of them unambiguous (an interview on
    hosting the World Cup names the matches and the players, and is still politics)."""
    if ctx.sport is None:
        found = {_bare(w) for w in ctx.words if _bare(w) in _SPORT}
        ctx.sport = len(found) >= 5 and len(found & _SPORT_STRONG) >= 3
    return ctx.sport


def _official_contact(ctx: _Doc, draft: _Draft, first: int, last: int) -> bool:
    """A Diplomacy trigger names a contact of political actors (docs §2.7), not a domestic administrative
    meeting of two ministries (التقى وزير العمل وزير العدل … لانتقال الهيئات), a courtesy or condolence
    visit, families' or sportsmen's meetings and a club's negotiations for a player."""
    c_first, c_last = draft.clause
    words = [_bare(w) for w in ctx.words[first:last]]
    if _sport_sentence(ctx, first, last) or any(w in _COURTESY for w in words):
        return False
    if any(_bare(w) in _PRIVATE for w in ctx.words[c_first:draft.trigger[0]]):
        return False  # the subject is private people
    for k, w in enumerate(words):
        if country_of_adjective(w) is not None or country_of_adjective(ctx.words[first + k]) is not None:
            return True
        if w in _POLITICAL_TITLES:
            if w not in _AMBIGUOUS_TITLES:
                return True
            following = words[k + 1] if k + 1 < len(words) else ""
            if w == match_form("رئيس") and following in _HEAD_OF or following in _TITLE_NEXT.get(w, ()):
                return True
            if w == match_form("العهد") and k and words[k - 1] in (match_form("ولي"), match_form("وولي")):
                return True
    for i in range(first, last):
        span = read_actor(ctx.words, i, last)
        if span is not None and span.name.name_en and span.name.kind == "actor":
            return True
    sentence = ctx.sentences[draft.sentence]
    return any(p.location is not None and p.location.feature == "country"
               for p in _places_in(ctx.doc.places, sentence.start, sentence.end))


def _is_verb_form(word: str) -> bool:
    return not word.startswith(("ال", "وال", "بال", "لل"))


def _territory_sub_type(draft: _Draft) -> str:
    actor = draft.actor1.name if draft.actor1 else None
    if actor is not None and actor.inter == "State forces" or actor is not None and actor.kind == "force":
        return "Government regains territory"
    if actor is not None and actor.inter:
        return "Non-state actor overtakes territory"
    return "Government regains territory" if draft.trigger_word[-5:] in _REGAIN or any(
        draft.trigger_word.startswith(w) or w in draft.trigger_word for w in _REGAIN) else (
        "Non-state actor overtakes territory")


def _name_forces(draft: _Draft) -> None:
    """A bare الجيش/القوات takes the country of the event's place."""
    country = draft.location.country if draft.location else None
    for role in ("actor1", "actor2"):
        span: ActorSpan | None = getattr(draft, role)
        if span is not None and span.name.kind == "force" and span.name.name_en is None and country:
            setattr(draft, role, ActorSpan(span.start, span.end, ActorName(
                f"Military Forces of {country}", "State forces", "actor", country)))


def _mentions_civilians(ctx: _Doc, first: int, last: int) -> bool:
    return bool(_cues(ctx, first, last, "civ"))


# ---------------------------------------------------------------------------------------------
# tolls


def _tolls(ctx: _Doc, first: int, last: int) -> tuple[list[Toll], list[Toll]]:
    """Killed and injured figures of a token range, each with the words it came from."""
    kills: list[tuple[Toll, int]] = []
    injuries: list[tuple[Toll, int]] = []
    used: set[int] = set()
    joined: set[int] = set()
    for i in range(first, last):
        for hit in ctx.cues[i]:
            kind = hit.payload.kind  # type: ignore[attr-defined]
            if kind == "zero":
                kills.append((Toll(0, "exact", text=_text(ctx, hit.start, hit.end)), hit.start))
            if kind not in ("kill", "injure", "casualty") or hit.start in joined:
                continue
            if _negated_at(ctx, hit.start, first):
                continue
            partner = _joint_toll_partner(ctx, hit, last)
            if partner is not None:
                # "مقتل وإصابة 60"، "قتل وجرح 20": one figure for the dead and the wounded together
                # counts neither (docs §6): both are reported, their numbers unknown
                joined.add(partner.start)
                both = _toll_at(ctx, partner, first, last, used) or _toll_at(ctx, hit, first, last, used)
                text = both.text if both is not None else _text(ctx, hit.start, partner.end)
                kills.append((Toll(None, "unknown", text=text), hit.start))
                injuries.append((Toll(None, "unknown", text=text), hit.start))
                continue
            toll = _toll_at(ctx, hit, first, last, used)
            if toll is None:
                continue
            if kind == "casualty" and toll.value is None:
                continue  # "ضحايا" with no figure: not coded (docs §6)
            (injuries if kind == "injure" else kills).append((toll, hit.start))
    return _sum_sides(ctx, kills, last), _sum_sides(ctx, injuries, last)


def _joint_toll_partner(ctx: _Doc, hit: Hit, last: int) -> Hit | None:
    """The toll cue of the other kind joined to `hit` by و right after it (مقتل وإصابة، قتل وجرح،
    إصابة ومقتل), when a figure follows the pair and none precedes the first cue."""
    kind = hit.payload.kind  # type: ignore[attr-defined]
    if kind not in ("kill", "injure") or hit.end >= last or not ctx.words[hit.end].startswith("و"):
        return None
    other = "injure" if kind == "kill" else "kill"
    partner = next((h for h in ctx.cues[hit.end] if h.payload.kind == other), None)  # type: ignore[attr-defined]
    if partner is None:
        return None
    after = any(_quantity_at(ctx, j, last) is not None for j in range(partner.end, min(partner.end + 2, last)))
    # "25 من المسلحين قتلوا وأصيب 15 آخرون": the first cue has its own figure before it
    own = _quantity_before(ctx, hit, max(0, hit.start - QUANTITY_BEFORE_VERB), last, set())
    return partner if after and own is None else None


_OTHERS = frozenset(match_form(w) for w in ("آخرون", "آخرين", "آخر"))
_ANOTHER = frozenset(match_form(w) for w in ("آخر", "اخر"))
_SIDE_SPLIT = frozenset(match_form(w) for w in ("بينما", "فيما", "كما", "وبينما", "وفيما"))


def _sum_sides(ctx: _Doc, tolls: list[tuple[Toll, int]], last: int) -> list[Toll]:
    """Figures for further victims in the same sentence add up to one toll: "مقتل 42 من الحوثيين
    … بينما قتل 9 من مسلحي المقاومة" = 51, "مصرع سبعة … كما قتل أربعة آخرون" = 11. A later figure
    joins the one before it when its cue follows a side-splitting conjunction (بينما، فيما، كما) or
    "others" (آخرون) counts it; a second speaker's figure (قال … إن 20 قتلوا) does neither."""
    out: list[Toll] = []
    for toll, at in tolls:
        # a cue with no figure of its own ("لقي سبعة أشخاص مصرعهم") sits between two figures
        counted = [n for n, t in enumerate(out) if t.value is not None]
        prev_at = counted[-1] if counted else None
        prev = out[prev_at] if prev_at is not None else None
        if (prev is not None and prev.value is not None and toll.value is not None and toll.value > 0
                and prev.qualifier in ("exact", "at_least") and toll.qualifier == "exact"
                and _further_victims(ctx, toll, at, last)):
            out[prev_at] = Toll(prev.value + toll.value, prev.qualifier, text=f"{prev.text} + {toll.text}")
            continue
        out.append(toll)
    return out


def _further_victims(ctx: _Doc, toll: Toll, at: int, last: int) -> bool:
    before = {_form(w) for w in ctx.words[max(at - 2, 0):at]}
    if before & _SIDE_SPLIT:
        return True
    return any(_form(w) in _OTHERS for w in ctx.words[at:min(at + 5, last)])


def _toll_at(ctx: _Doc, hit: Hit, first: int, last: int, used: set[int]) -> Toll | None:
    word = ctx.words[hit.start][len(hit.prefix):]
    noun_first = word in _NOUN_FIRST_KILL or ctx.words[hit.start] in _NOUN_FIRST_KILL
    if noun_first and hit.start - 1 in used:
        return None  # "أوقع 32 قتيلا": the figure before the noun is already counted
    order = (_quantity_before, _quantity_after) if noun_first else (_quantity_after, _quantity_before)
    for finder in order:
        found = finder(ctx, hit, first, last, used)
        if found is not None:
            quantity, q_first, q_last = found
            used.update(range(q_first, q_last))
            extra, after = _more_after(ctx, q_last, last, used) if quantity.value is not None else (0, q_last)
            if extra:
                quantity = Quantity(quantity.value + extra, quantity.qualifier, quantity.start, after,  # type: ignore[operator]
                                    quantity.high)
                q_last = after
            return _toll_of(ctx, quantity, min(q_first, hit.start), max(q_last, hit.end))
    if word in _SINGULAR_TOLL:
        return Toll(1, "exact", text=_text(ctx, hit.start, hit.end))
    told = ctx.words[hit.end - 1]
    if told in _ONE_DEATH or hit.end - hit.start == 1 and word in _ONE_HARMED:
        # "لقي مصرعه"، "لقيت حتفها"، "أدى إلى إصابته": one person, his own death or wound
        return Toll(1, "exact", text=_text(ctx, hit.start, hit.end))
    if told in _TWO_DEATHS:
        return Toll(2, "exact", text=_text(ctx, hit.start, hit.end))  # "لقيا مصرعهما"
    if hit.end < last and ctx.words[hit.end] in _ANOTHER:
        return Toll(1, "exact", text=_text(ctx, hit.start, hit.end + 1))  # "وأصيب آخر": one more
    at = hit.end + 1 if hit.end + 1 < last and ctx.words[hit.end] == '"' else hit.end  # مقتل "أبو هادي …"
    if at < last and ctx.words[at] in _PERSON_SINGULAR:
        # "مقتل امرأة وثلاثة أطفال": one, and the figures joined to it; "قتل نجل …"، مقتل "أبو هادي": one
        extra, after = _more_after(ctx, at + 1, last, used)
        return Toll(1 + extra, "exact", text=_text(ctx, hit.start, max(at + 1, after if extra else 0)))
    return Toll(None, "unknown", text=_text(ctx, hit.start, hit.end))


# the masculine pronoun only: "قيادات لقيت مصرعها" is a broken plural, many
_ONE_DEATH = frozenset(match_form(w) for w in ("مصرعه", "حتفه"))
_TWO_DEATHS = frozenset(match_form(w) for w in ("مصرعهما", "حتفهما"))
_ONE_HARMED = frozenset(match_form(w) for w in ("اصابته", "مقتله"))


def _toll_of(ctx: _Doc, quantity: Quantity, first: int, last: int) -> Toll:
    return Toll(quantity.value, quantity.qualifier, high=quantity.high, text=_text(ctx, first, last))


def _quantity_after(ctx: _Doc, hit: Hit, first: int, last: int, used: set[int]):
    for j in range(hit.end, min(hit.end + QUANTITY_AFTER, last)):
        if ctx.words[j] in _PUNCT_BREAK or _has_toll_cue(ctx, j):
            return None  # "مقتل ضابط وإصابة عسكريين اثنين": the two are the wounded
        if j == hit.end and ctx.words[j] in _PERSON_SINGULAR:
            return None  # "مقتل امرأة وثلاثة أطفال": one, then the figures joined to it
        if j in used:
            continue
        found = _quantity_at(ctx, j, last)
        if found is not None:
            return found
    return None


def _quantity_before(ctx: _Doc, hit: Hit, first: int, last: int, used: set[int]):
    # A plural verb agrees with a counted subject that may sit far before it:
    # "17 فرداً من المتمردين الحوثيين وقوات صالح قتلوا".
    verb_last = ctx.words[hit.start][len(hit.prefix):].endswith(("وا", "ون"))
    reach, gap = (QUANTITY_BEFORE_VERB, QUANTITY_BEFORE_VERB) if verb_last else (QUANTITY_BEFORE, 4)
    for j in range(hit.start - 1, max(hit.start - reach, first) - 1, -1):
        if ctx.words[j] in _PUNCT_BREAK or (j < hit.start - 1 and _has_toll_cue(ctx, j)):
            return None
        if j in used:
            continue
        found = _quantity_at(ctx, j, last)
        if found is not None and found[2] >= hit.start - gap:
            return _with_qualifier_before(ctx, found, first, last, used)
    return None


def _with_qualifier_before(ctx: _Doc, found: tuple[Quantity, int, int], first: int, last: int,
                           used: set[int]) -> tuple[Quantity, int, int]:
    """Read backwards, a figure is met before its qualifier: "نحو 25"، "ما لا يقل عن 9"، "أكثر من 50"
    start a few words earlier and read as one quantity ending where the figure does."""
    quantity, q_first, q_last = found
    for k in range(q_first - 1, max(first, q_first - 4) - 1, -1):
        if ctx.words[k] in _PUNCT_BREAK or k in used:
            break
        wider = _quantity_at(ctx, k, last)
        if wider is not None and wider[2] == q_last and wider[0].value == quantity.value:
            return wider
    return found


def _has_toll_cue(ctx: _Doc, j: int) -> bool:
    return any(h.payload.kind in ("kill", "injure") for h in ctx.cues[j])  # type: ignore[attr-defined]


def _more_after(ctx: _Doc, end: int, last: int, used: set[int]) -> tuple[int, int]:
    """A split figure's further parts: "إصابة 43 من الحوثيين و7 من عناصر المقاومة" → 7 more.
    Returns (sum of the further figures, the index after them)."""
    extra, j = 0, end
    while j < min(end + 8, last):
        word = ctx.words[j]
        if word in _PUNCT_BREAK or _has_toll_cue(ctx, j) or _has_event_cue(ctx, j):
            break
        glued = word.startswith("و") and len(word) > 2 and j not in used
        if glued or word == "و" and j + 1 < last and j + 1 not in used:
            found = _quantity_at(ctx, j if glued else j + 1, last)
            if found is not None and found[0].value is not None and found[0].qualifier == "exact":
                extra += found[0].value
                used.update(range(found[1], found[2]))
                j = found[2]
                continue
        j += 1
    return extra, j


def _quantity_at(ctx: _Doc, j: int, last: int) -> tuple[Quantity, int, int] | None:
    word = ctx.words[j]
    words = ctx.words[:last]
    if word.startswith("و") and len(word) > 2 and _maybe_number_word(word[1:]) and not _maybe_number_word(word):
        words = [*words[:j], word[1:], *words[j + 1:]]  # "32 قتيلا ومئة جريح": و glued to the figure
        word = word[1:]
    if not (word[:1].isdigit() or word in _QUANT_START or _maybe_number_word(word)):
        return None
    if word in _NUMBER_OF and j + 1 < last and ctx.words[j + 1].startswith(("ال", "لل")):
        return None  # عدد القتلى: "the number of the dead", whose figure comes later
    quantity = read_quantity(words, j)
    if quantity is None:
        return None
    following = ctx.words[quantity.end] if quantity.end < last else ""
    if following in _UNIT_WORDS or following[2:] in _UNIT_WORDS and following.startswith("ال"):
        return None
    if quantity.value is not None and 1900 <= quantity.value <= 2100 and quantity.qualifier == "exact":
        return None  # a year
    if _inside_time(ctx, j):
        return None
    if quantity.value is None and quantity.qualifier == "unknown":
        # عدد من / العديد من: the lowest reading of "several" (docs §6)
        return Quantity(3, "at_least", quantity.start, quantity.end), quantity.start, quantity.end
    return quantity, quantity.start, quantity.end


_NUMBER_OF = frozenset(match_form(w) for w in ("عدد", "وعدد"))


def _maybe_number_word(word: str) -> bool:
    from marsad.events.numbers import dual_count, read_number  # local: only for rare words

    return read_number([word], 0) is not None or dual_count(word) is not None


def _inside_time(ctx: _Doc, j: int) -> bool:
    start = ctx.tokens[j].start
    return any(t.start <= start < t.end for t in ctx.doc.times)


def _add_tolls(draft: _Draft, kills: list[Toll], injuries: list[Toll], source: str | None) -> None:
    for toll in kills:
        toll.source = toll.source or source
        draft.killed.append(toll)
    for toll in injuries:
        toll.source = toll.source or source
        draft.injured.append(toll)


def _text(ctx: _Doc, first: int, last: int) -> str:
    start, end = ctx.char_span(first, last)
    return ctx.doc.text[start:end]


# ---------------------------------------------------------------------------------------------
# attribution and modality


def _attribution(ctx: _Doc, first: int, last: int) -> tuple[str | None, tuple[int, int] | None]:
    """Who the sentence's report is attributed to (docs §7), and the words naming them. A reporting
    verb with no subject of its own (وأضاف أن، وقال إن) continues the previous speaker."""
    cached = ctx.attributions.get(first)
    if cached is not None:
        return cached
    found: tuple[str | None, tuple[int, int] | None] = (None, None)
    dropped = False
    for kind in ("according", "speech", "deny"):
        for hit in _cues(ctx, first, last, kind):
            start = hit.end
            if kind == "according" and start + 1 < last and ctx.words[start] == "ما" and any(
                    h.payload.kind == "speech" for h in ctx.cues[start + 1]):  # type: ignore[attr-defined]
                start += 2  # بحسب ما أفادت خلية الإعلام الأمني: the speaker follows the verb
            speaker = _speaker_after(ctx, start, last)
            if kind == "speech" and (speaker is None or speaker[0] in _UNNAMED_REPORTERS):
                speaker = _quoted_after_an(ctx, speaker[1][1] if speaker else start, last) or speaker
            if speaker is not None:
                found = speaker
                break
            if kind == "speech" and (_subjectless(ctx, hit.end, last) or _the_source_again(ctx, hit.end, last)):
                dropped = True
        if found[0] is not None:
            break
    if found[0] is None:
        found = _speaker_before_verb(ctx, first, last) or _statement_issuer(ctx, first, last) or found
    if found[0] == "Sources" or (found[0] is None and dropped):
        found = (ctx.last_speaker or found[0], found[1])  # المصادر نفسها، وأضاف أن: the same speaker
    if found[0] is not None:
        ctx.last_speaker = found[0]
    ctx.attributions[first] = found
    return found


_THAT = frozenset(match_form(w) for w in ("ان", "إن", "أن", "انه", "انها", "بان", "بأن", ":", '"'))


_WAS = frozenset(match_form(w) for w in ("كان", "كانت", "وكان", "وكانت", "فكانت", "فكان"))


def _speaker_before_verb(ctx: _Doc, first: int, last: int) -> tuple[str, tuple[int, int]] | None:
    """"وكانت وكالة رويترز قد أشارت إلى أن …": the speaker between كان and قد + the reporting verb."""
    for hit in _cues(ctx, first, last, "speech"):
        for k in range(max(first, hit.start - 8), hit.start):
            if ctx.words[k] not in _WAS:
                continue
            for j in range(k + 1, min(k + 4, hit.start)):  # وكالة «رويترز»: the agency word, then its name
                found = _speaker_after(ctx, j, hit.start)
                if found is not None and found[0]:
                    return found[0], found[1]
    return None


_STATEMENT = frozenset(match_form(w) for w in ("بيان", "البيان", "بيانا", "بلاغ", "تصريح", "تصريحات"))
_ISSUED = frozenset(match_form(w) for w in ("صادر", "الصادر", "صدر", "عن", "اصدره", "اصدرته", "نشره", "نشرته"))


def _statement_issuer(ctx: _Doc, first: int, last: int) -> tuple[str, tuple[int, int]] | None:
    """"جاء في بيان لوزارة الدفاع أن …", "في بيان صادر عن الجيش": the body that issued the statement the
    sentence quotes, when no reporting verb has a subject of its own."""
    for j in range(first, last - 1):
        if ctx.words[j] not in _STATEMENT:
            continue
        k = j + 1
        while k < min(last, j + 4) and ctx.words[k] in _ISSUED:
            k += 1
        if k >= last:
            continue
        if k == j + 1:  # "بيان لوزارة": the issuer follows with لـ
            if not ctx.words[k].startswith("ل") or len(ctx.words[k]) < 3:
                continue  # "بيان مشترك": no issuer named
            span = _actor_after_lam(ctx, k, last)
        else:  # "بيان صادر عن الجيش"
            span = read_actor(ctx.words, k, last)
        if span is not None and span.name.name_en:
            return span.name.name_en, (span.start, span.end)
        if span is not None:
            person = _named_person_after(ctx, k, last)
            name = _person_name(ctx, person) if person is not None else None
            if name:
                return name, (span.start, span.end)
    return None


def _actor_after_lam(ctx: _Doc, k: int, last: int) -> ActorSpan | None:
    """The actor named by token k read without its لـ (لوزارة = ل + وزارة, للمكتب = ل + المكتب)."""
    word = ctx.words[k]
    reading = "ال" + word[2:] if word.startswith("لل") else word[1:]
    return read_actor([*ctx.words[:k], reading, *ctx.words[k + 1:last]], k, last)


_FROM_WHOM = frozenset(match_form(w) for w in ("عن",))
_UNNAMED_REPORTERS = frozenset({"Media", "Sources"})


def _quoted_after_an(ctx: _Doc, start: int, last: int) -> tuple[str | None, tuple[int, int]] | None:
    """"نقلت وكالات أنباء روسية عن الكرملين قوله": reporters no one names, quoting a body that is named,
    speak for that body (docs §7; a named agency quoting an anonymous source stays the agency)."""
    for j in range(start, min(last, start + 6)):
        if ctx.words[j] in _THAT or ctx.words[j] in _PUNCT_BREAK:
            return None
        if ctx.words[j] in _FROM_WHOM:
            return _speaker_after(ctx, j + 1, last)
    return None


_THE_SOURCE = frozenset(match_form(w) for w in ("المصدر", "المسؤول"))


def _the_source_again(ctx: _Doc, start: int, last: int) -> bool:
    """"كما أشار المصدر إلى أن …": the definite source with nothing of its own is the one named before."""
    j = start
    while j < last and ctx.words[j] in _SKIP_BEFORE_SPEAKER:
        j += 1
    return j < last and ctx.words[j] in _THE_SOURCE and read_actor(ctx.words, j, last) is None


def _subjectless(ctx: _Doc, start: int, last: int) -> bool:
    """The reporting verb is followed by أن/إن (after time words), not by a speaker."""
    j = start
    while j < last and j < start + 4 and (ctx.words[j] in _SKIP_BEFORE_SPEAKER or ctx.words[j] == ","):
        j += 1
    return j < last and ctx.words[j] in _THAT


def _track_speakers(ctx: _Doc, first: int, last: int) -> None:
    """Note the speaker of a sentence with no event cue, for the subjectless verbs that follow."""
    if _cues(ctx, first, last, "speech") or _cues(ctx, first, last, "according"):
        _attribution(ctx, first, last)


_SKIP_BEFORE_SPEAKER = frozenset(match_form(w) for w in (
    "امس", "اليوم", "في", "بيان", "له", "لها", "ايضا", "من", "جهته", "جهتها", "جانبه", "جانبها", "عن",
    "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الاحد", "قد", "سابقا"))


def _speaker_after(ctx: _Doc, start: int, last: int) -> tuple[str | None, tuple[int, int]] | None:
    j = start
    while j < last and j < start + 4 and (ctx.words[j] in _SKIP_BEFORE_SPEAKER or ctx.words[j] in _PUNCT_BREAK):
        j += 1
    if j >= last:
        return None
    if ctx.words[j] in _STATEMENT:
        # "وقال البيان إن …": the statement speaks for whoever issued it, named there or just before
        issuer = _statement_issuer(ctx, j, min(last, j + 6))
        if issuer is not None:
            return issuer
        return (ctx.last_speaker, (j, j + 1)) if ctx.last_speaker else None
    span = read_actor(ctx.words, j, last)
    if span is None and _bare(ctx.words[j]) == match_form("التحالف"):
        # a bare "التحالف" speaking: the coalition of the article's theatre (as for actors)
        bare = ActorSpan(j, j + 1, ActorName("Saudi-led coalition", None, "actor"))
        return _coalition_by_country(ctx, bare).name.name_en, (j, j + 1)
    if span is None:
        office = _media_office_of(ctx, j, last)
        if office is not None:
            return office
        mention = _mention_at(ctx, j)
        if mention is None:
            return None
        m_first, m_last = ctx.token_range(mention.start, mention.end)
        cut = _audience_at(ctx, m_first + 1, m_last)
        organisation = _speaks_for(ctx, m_last, last)
        if cut < m_last:  # "كارتر للصحفيين": the speaker stops before the audience
            return organisation or _person_name(ctx, mention) or _text(ctx, m_first, cut), (m_first, cut)
        return organisation or _person_name(ctx, mention) or mention.text, (m_first, m_last)
    name = span.name.name_en
    if (span.name.kind == "source" and name and name.endswith(("source", "sources", "official", "officials"))
            or name is None or span.name.kind == "force"):
        agency = _agency_after(ctx, span.end, last)
        if agency is not None:
            return agency, (span.start, span.end)
    if span.name.kind == "force" and name and name.startswith("Ministry of"):
        country = _main_country(ctx)  # وزارة الداخلية with no country: the article's country's
        if country:
            return ministry_of(name, country), (span.start, span.end)
    if name is None:
        organisation = _speaks_for(ctx, span.end, last)
        if organisation is not None:
            return organisation, (span.start, span.end)
        cut = _audience_at(ctx, span.start + 1, span.end)
        person = _named_person_after(ctx, span.start, last)
        name = (_person_name(ctx, person) if person else None) or _spokesman_for(ctx, span.start, last) or _text(
            ctx, span.start, cut)
    return name, (span.start, span.end)


# The addressee after a reporting verb's subject: قال كارتر للصحفيين، صرح لوكالة …، لـ«سانا».
_AUDIENCE = frozenset(match_form(w) for w in (
    "للصحفيين", "للصحافيين", "للصحافة", "للصحفي", "للمراسلين", "لمراسل", "لمراسلي", "للحاضرين", "لوكالة",
    "للوكالة", "لوكاله", "لقناة", "للقناة", "لصحيفة", "للصحيفة", "لموقع", "للموقع", "لتلفزيون", "للتلفزيون",
    "لاذاعة", "للاذاعة", "لـ", "ل", "لشبكة", "لجريدة", "للجريدة", "لمجلة"))


def _audience_at(ctx: _Doc, first: int, last: int) -> int:
    """The first token of an addressee phrase in first..last, or last."""
    return next((j for j in range(first, last) if ctx.words[j] in _AUDIENCE), last)


_DIRECTOR = frozenset(match_form(w) for w in ("مدير", "رئيس", "مؤسس"))


def _speaks_for(ctx: _Doc, start: int, last: int) -> str | None:
    """رامي عبد الرحمن مدير المرصد السوري: a monitor's director speaks for the monitor (a source)."""
    for j in range(start, min(start + 6, last)):
        word = ctx.words[j]
        if word in _PUNCT_BREAK and word != ",":
            return None
        if word in _DIRECTOR and j + 1 < last:
            span = read_actor(ctx.words, j + 1, last)
            if span is not None and span.name.kind == "source" and span.name.name_en and not span.name.name_en.endswith(
                    ("source", "sources", "official", "officials")):
                return span.name.name_en
            return None
    return None


def _named_person_after(ctx: _Doc, first: int, last: int, reach: int = 8) -> Mention | None:
    """The person a title describes: الناطق باسم الكرملين ديميتري بيسكوف، العميد محمد الجبوري في شرطة
    نينوى. The first PERS mention from the title on, before the reported clause (أن/إن) or a colon."""
    stop = first + 1
    while stop < min(last, first + reach) and ctx.words[stop] not in _THAT and ctx.words[stop] not in (":", ".", "?"):
        stop += 1
    start, end = ctx.char_span(first, stop)
    return next((m for m in ctx.doc.mentions if start <= m.start < end and m.type == "PERS"), None)


def _person_name(ctx: _Doc, mention: Mention) -> str | None:
    """A person's English name: the knowledge base's, else the readable romanisation of the fullest
    form the document gives the same person (الجبوري after محمد الجبوري → Mohammed al-Jabori); an
    analyst's attribution is never left in Arabic script when a name can be read."""
    if mention.type != "PERS":
        return None
    known = _kb_name(mention)
    if known is not None:
        return known
    same = [m for m in ctx.doc.mentions if m.type == "PERS" and mention.entity_id and m.entity_id == mention.entity_id]
    fullest = max(same or [mention], key=lambda m: len(m.text.split()))
    words = fullest.text.split()
    cut = next((k for k in range(1, len(words)) if match_form(words[k]) in _AUDIENCE), len(words))
    from marsad.entities.romanize import romanize

    return romanize(" ".join(words[:cut])) or None  # "كارتر للصحفيين": the name stops before the audience


_ON_BEHALF = frozenset(match_form(w) for w in ("باسم", "بإسم"))


def _spokesman_for(ctx: _Doc, first: int, last: int) -> str | None:
    """An unnamed spokesman speaks for the body he is named after: الناطق باسم «قوات سوريا الديمقراطية»."""
    for j in range(first + 1, min(last, first + 4)):
        if ctx.words[j] in _ON_BEHALF:
            k = j + 1
            while k < last and ctx.words[k] in _PUNCT_BREAK:
                k += 1
            span = read_actor(ctx.words, k, len(ctx.words)) if k < len(ctx.words) else None
            if span is not None and span.name.name_en:
                return span.name.name_en
            return None
    return None


_OFFICE_HEADS = frozenset(match_form(w) for w in ("المركز", "المكتب", "الدائرة", "الدائره", "خلية", "خليه",
                                                   "اعلام", "الاعلام", "الجناح", "القسم", "الهيئة", "الهيئه"))
_MEDIA = frozenset(match_form(w) for w in ("الاعلامي", "الاعلاميه", "الإعلامي", "الإعلامية", "الصحفي",
                                           "الصحافي", "الاعلام", "الحربي", "العسكري"))


def _media_office_of(ctx: _Doc, j: int, last: int) -> tuple[str, tuple[int, int]] | None:
    """"المركز الإعلامي للمقاومة"، "المكتب الإعلامي لرئيس الوزراء": a body's media office speaks for
    the body named after it with لـ."""
    if ctx.words[j] not in _OFFICE_HEADS:
        return None
    k = j + 1
    while k < min(last, j + 3) and ctx.words[k] in _MEDIA:
        k += 1
    if k == j + 1 or k >= last or not ctx.words[k].startswith("ل") or len(ctx.words[k]) < 3:
        return None
    span = _actor_after_lam(ctx, k, last)
    if span is None or not span.name.name_en:
        return None
    return span.name.name_en, (j, span.end)


def _kb_name(mention: Mention) -> str | None:
    """The knowledge base's English name of a linked person (Staffan de Mistura)."""
    if mention.type != "PERS" or not mention.entity_id or not mention.entity_id.startswith("kb:"):
        return None
    from marsad.entities.kb import load_kb  # loaded once per process, only when a speaker is linked

    entry = load_kb().get(mention.entity_id[3:])
    return entry.name_en if entry is not None else None


def _agency_after(ctx: _Doc, start: int, last: int) -> str | None:
    """The agency an anonymous source spoke to: مصدر عسكري لـ«سانا», لوكالة سبوتنيك."""
    for j in range(start, min(start + 4, last)):
        word = ctx.words[j]
        candidates = [j]
        if word.startswith("ل") and len(word) > 2:
            candidates = [j]
        for k in candidates:
            stripped = [*ctx.words[:k], word[1:] if word.startswith("ل") and len(word) > 2 else word,
                        *ctx.words[k + 1:last]]
            span = read_actor(stripped, k, last)
            if span is not None and span.name.kind == "source" and span.name.name_en not in (
                    "Military source", "Local sources", "Informed sources"):
                return span.name.name_en
    return None


def _mention_at(ctx: _Doc, j: int) -> Mention | None:
    start = ctx.tokens[j].start
    for mention in ctx.doc.mentions:
        if mention.start <= start < mention.end and mention.type in ("PERS", "ORG"):
            return mention
    return None


def _denier(ctx: _Doc, first: int, last: int) -> str | None:
    """The actor who denies, when the sentence is a denial (نفى، دحض، لا صحة)."""
    for hit in _cues(ctx, first, last, "deny"):
        for k in range(hit.start - 1, max(first, hit.start - 5) - 1, -1):
            span = read_actor(ctx.words, k, hit.start)  # SVO: إلا أن وزارة الدفاع الروسية نفت
            if span is not None and span.end == hit.start and span.name.name_en and span.name.kind != "civilians":
                return span.name.name_en
        found = _speaker_after(ctx, hit.end, last)
        if found is not None:
            return found[0]
        return _attribution(ctx, first, last)[0] or "unknown"
    return None


def _negated_at(ctx: _Doc, i: int, first: int) -> bool:
    # "ما" is left out: ما أسفر عن مقتل is a relative clause, not a negation.
    return any(ctx.words[j] in _STRONG_NEGATION for j in range(max(first, i - NEGATION_REACH), i))


def _negated(ctx: _Doc, draft: _Draft) -> bool:
    """لم تنفذ الضربات / لم تكن هناك أي حوادث اختطاف: the event itself is negated."""
    t_first = draft.trigger[0]
    for j in range(max(draft.clause[0], t_first - 6), t_first):
        for hit in ctx.cues[j]:
            if hit.payload.kind == "neg" and ctx.words[j] in ("لم", "لن", "ليس", "ليست"):  # type: ignore[attr-defined]
                return True
    return False


# A negated occurrence: لم تكن هناك / لا يوجد / عدم وقوع … + the event noun; الضربات لم تنفذ.
_NEG_OCCUR = frozenset(match_form(w) for w in ("لم", "لن", "ليس", "ليست", "لا", "عدم"))
_OCCUR_WORDS = frozenset(match_form(w) for w in (
    "تكن", "يكن", "هناك", "يوجد", "توجد", "وجود", "يحدث", "تحدث", "حدوث", "يقع", "تقع", "وقوع", "تنفذ", "ينفذ",
    "تنفيذ", "تشن", "يشن", "شن", "تشهد", "يشهد", "تسجل", "يسجل", "تقم", "يقم", "نقم", "ننفذ", "نشن"))
NEG_SCOPE = 6


def _content_negated(ctx: _Doc, draft: _Draft, first: int, last: int) -> bool:
    """A reported sentence whose content is negated is a denial of the event it names: "لم تكن هناك
    أي حوادث مرتبطة باختطاف"، "الضربات الجوية لم تنفذ" (the trigger may be another mention of the same
    kind of event in the sentence, e.g. in the quote that carries the denial)."""
    family = lx.FAMILY.get(draft.type)

    def same_kind(i: int) -> bool:
        return any(hit.payload.kind == "event" and lx.FAMILY.get(hit.payload.type) == family  # type: ignore[attr-defined]
                   for hit in ctx.cues[i])

    for j in range(first, last - 1):
        if ctx.words[j] not in _NEG_OCCUR or ctx.words[j + 1] not in _OCCUR_WORDS:
            continue
        for i in range(j + 1, min(last, j + 1 + NEG_SCOPE)):  # negation, then the event
            if ctx.words[i] in _PUNCT_BREAK:
                break
            if same_kind(i):
                return True
        for i in range(max(first, j - 3), j):  # the event noun, then its negated predicate
            if same_kind(i) and ctx.words[i].startswith(("ال", "وال")) and not any(
                    ctx.words[k] in _PUNCT_BREAK for k in range(i, j)):
                return True
    return False


def _modality(ctx: _Doc, draft: _Draft) -> str:
    c_first, c_last = draft.clause
    t_first, t_last = draft.trigger
    if any(not (h.start > 0 and ctx.words[h.start - 1] == "من") for h in _cues(ctx, c_first, c_last, "cancel")):
        return "cancelled"  # not "من أجل" (for the sake of), which is no أجّل (postpone)
    word = ctx.words[t_first]
    bare = word[len(_leading_conj(word)):]
    if bare.startswith(("سي", "ست", "سن")) and not bare.startswith("سيطر"):
        return "planned"  # the future prefix سـ on the trigger verb
    if draft.type == lx.DIPLOMACY and draft.present and not _times_in(ctx, c_first, c_last):
        return "planned"  # حيث يلتقي، يزور: news uses the imperfect for a contact still to come
    for hit in _cues(ctx, c_first, c_last, "hypo"):
        nxt = ctx.words[hit.end] if hit.end < c_last else ""
        if ctx.words[hit.start] == "قد" and not (nxt[:1] in "يتن" and not nxt.endswith(("ت", "وا", "تا"))):
            continue  # قد + past is emphatic, not hypothetical
        if hit.start < t_last + 3:
            return "hypothetical"
    if draft.type == lx.STATEMENT and _is_verb_form(word) and not draft.present:
        # "كشف الناطق عن عودة مرتقبة للوزراء": what was announced is to come, the announcement was made
        return "planned" if _cues(ctx, c_first, t_first, "future") else "reported"
    if _cues(ctx, c_first, c_last, "future") or _future_time(ctx, draft):
        return "planned"
    return "reported"


def _leading_conj(word: str) -> str:
    return word[0] if word[:1] in ("و", "ف") and len(word) > 3 else ""


def _future_time(ctx: _Doc, draft: _Draft) -> bool:
    if ctx.anchor is None:
        return False
    for time in _times_in(ctx, *draft.clause):
        if time.value_start and time.value_start[:10] > ctx.anchor.isoformat():
            return True
    return False


# ---------------------------------------------------------------------------------------------
# date and place


def _times_in(ctx: _Doc, first: int, last: int) -> list[TimeExpression]:
    start, end = ctx.char_span(first, last)
    return [t for t in ctx.doc.times if start <= t.start < end and t.value_start and not _is_place(ctx, t)]


def _is_place(ctx: _Doc, time: TimeExpression) -> bool:
    """A word both layers read (إب the Yemeni city, آب the month): the resolved place wins, and إب
    with hamza below is never the month آب."""
    if ctx.doc.text[time.start:time.end].strip().lstrip("وفبل") == "إب":
        return True
    return any(p.location is not None and p.start < time.end and time.start < p.end for p in ctx.doc.places)


def _date(ctx: _Doc, draft: _Draft) -> EventDate:
    """The nearest resolved time expression in the clause, then the sentence, then earlier in the
    paragraph; else for a past report the days just before publication (docs/events.md §4)."""
    trigger_at = ctx.tokens[draft.trigger[0]].start
    sentence = ctx.sentences[draft.sentence]
    for first, last in (draft.clause, ctx.token_range(sentence.start, sentence.end)):
        times = [t for t in _times_in(ctx, first, last) if not _opens_old_span(ctx, t)]
        if draft.type == lx.STATEMENT and draft.modality == "reported" and ctx.anchor is not None:
            # a statement is dated by the day it was made, not by the future it announces
            times = [t for t in times if (t.value_start or "")[:10] <= ctx.anchor.isoformat()]
        framed = _speech_frames(ctx, *ctx.token_range(sentence.start, sentence.end))
        own = [t for t in times if not any(a <= t.start < b for a, b in framed)]
        if times and not own:  # "وقال البيان الذي صدر أمس إن …": the day the last sentences gave
            own = _unframed_before(ctx, draft.sentence)
            if own:
                best = own[-1]
                return EventDate(best.value_start, best.value_end or best.value_start, best.precision)
        framed_days = [t for t in times if t not in own and t.precision == "day"]
        times = own or times  # "أعلن الثلاثاء أن غارة … في 8 يوليو": Tuesday dates the report
        if times:
            best = min(times, key=lambda t: abs(t.start - trigger_at))
            if own and framed_days:
                return _relative_to_speech_day(ctx, best, framed_days[-1])
            return EventDate(best.value_start, best.value_end or best.value_start, best.precision)
    paragraph_start = ctx.doc.text.rfind("\n", 0, sentence.start) + 1
    if _topic_shift(ctx, draft.sentence):
        paragraph_start = sentence.start
    # "منذ 11 يوليو" opens a campaign's span: it dates no later event
    earlier = [t for t in ctx.doc.times if paragraph_start <= t.start < sentence.start and t.value_start
               and not _after_since(ctx, t) and not _opens_old_span(ctx, t) and not _is_place(ctx, t)]
    if earlier and all(_in_speech_frame(ctx, t) for t in earlier):  # البيان الذي صدر أمس إن: the report's day
        earlier = _unframed_before(ctx, draft.sentence) or earlier
    if earlier:
        best = earlier[-1]
        return EventDate(best.value_start, best.value_end or best.value_start, best.precision)
    if draft.modality == "planned" or ctx.anchor is None:
        return EventDate()
    return EventDate((ctx.anchor - dt.timedelta(days=2)).isoformat(), ctx.anchor.isoformat(), "week")


_DEICTIC_DAYS = frozenset(match_form(w) for w in ("اليوم", "امس", "أمس", "البارحة", "الليلة"))


def _relative_to_speech_day(ctx: _Doc, time: TimeExpression, said: TimeExpression) -> EventDate:
    """"وقال مساء الخميس إن الاشتباكات لا تزال مستمرة منذ صباح اليوم": a quote's today is the day it
    was said, not the publication's."""
    words = {_bare(w) for w in match_form(ctx.doc.text[time.start:time.end]).split()}
    if ctx.anchor is None or not words & _DEICTIC_DAYS or not (time.value_start and said.value_start):
        return EventDate(time.value_start, time.value_end or time.value_start, time.precision)
    try:
        shift = dt.date.fromisoformat(said.value_start[:10]) - ctx.anchor
        start = dt.date.fromisoformat(time.value_start[:10]) + shift
        end = dt.date.fromisoformat((time.value_end or time.value_start)[:10]) + shift
    except ValueError:
        return EventDate(time.value_start, time.value_end or time.value_start, time.precision)
    return EventDate(start.isoformat(), end.isoformat(), time.precision)


_SINCE = frozenset(match_form(w) for w in ("منذ", "مذ"))


def _after_since(ctx: _Doc, time: TimeExpression) -> bool:
    """"منذ 11 يوليو": a dated start of a span (not "منذ يومين", a recent day)."""
    i = bisect.bisect_left(ctx.starts, time.start)
    since = (i > 0 and ctx.words[i - 1] in _SINCE) or (i < len(ctx.words) and ctx.words[i] in _SINCE)
    return since and any(ch.isdigit() for ch in ctx.doc.text[time.start:time.end])


def _opens_old_span(ctx: _Doc, time: TimeExpression) -> bool:
    """"تتعرض لقصف منذ أول أيام العيد": a span that began days before publication says how long the
    events go on; it dates none of them ("منذ أمس" still does)."""
    i = bisect.bisect_left(ctx.starts, time.start)
    if not (i > 0 and ctx.words[i - 1] in _SINCE) or ctx.anchor is None or not time.value_start:
        return False
    try:
        began = dt.date.fromisoformat(time.value_start[:10])
    except ValueError:
        return False
    return (ctx.anchor - began).days > SPAN_START_DAYS


SPAN_START_DAYS = 2  # "منذ أمس"/"منذ يومين" are the recent days an event happened on


# At a sentence's head: the article turns to another front; earlier sentences' days do not carry over.
_TOPIC_SHIFT = re.compile(r"(?:(?:من|و?على|و?علي) (?:جهه|ناحيه|جانب|صعيد) (?:اخرى|اخري|اخر|ثانيه)"
                          r"|و?في (?:سياق|شان) (?:اخر|منفصل)|الى ذلك|الي ذلك)(?= |$)")


def _topic_shift(ctx: _Doc, index: int) -> bool:
    first, last = ctx.token_range(ctx.sentences[index].start, ctx.sentences[index].end)
    return bool(_TOPIC_SHIFT.match(" ".join(ctx.words[first:min(last, first + 4)])))


def _unframed_before(ctx: _Doc, index: int, reach: int = 2) -> list[TimeExpression]:
    """The time expressions of the nearest of the `reach` sentences before `index` that has any
    outside a speech frame."""
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        sentence = ctx.sentences[k]
        times = [t for t in _times_in(ctx, *ctx.token_range(sentence.start, sentence.end))
                 if not _in_speech_frame(ctx, t)]
        if times:
            return times
    return []


def _in_speech_frame(ctx: _Doc, time: TimeExpression) -> bool:
    index = next((k for k, s in enumerate(ctx.sentences) if s.start <= time.start < s.end), None)
    if index is None:
        return False
    sentence = ctx.sentences[index]
    return any(a <= time.start < b for a, b in _speech_frames(ctx, *ctx.token_range(sentence.start, sentence.end)))


def _speech_frames(ctx: _Doc, first: int, last: int) -> list[tuple[int, int]]:
    """Character ranges from a reporting verb to its أن/إن (أعلنت الوزارة الثلاثاء أن …): a time
    expression there dates the report, not the event it reports."""
    frames = []
    for hit in _cues(ctx, first, last, "speech"):
        for j in range(hit.end, min(last, hit.end + 10)):
            if ctx.words[j] in _THAT and ctx.words[j] not in (":", '"'):
                frames.append((ctx.tokens[hit.start].start, ctx.tokens[j].start))
                break
    return frames


def _places_in(places: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    return [p for p in places if start <= p.start < end and p.location is not None]


def _plausible_places(ctx: _Doc, draft: _Draft) -> list[PlaceMention]:
    """The document's resolved places; for violence and strategic developments, less those in a
    country the article never names that is not its main country either (a word read as a town in
    China or Iran in a report on Yemen). Diplomacy happens abroad: its places are all kept."""
    if draft.type in (lx.DIPLOMACY, lx.STATEMENT):
        return [p for p in ctx.doc.places if p.location is not None]
    if ctx.places is not None:
        return ctx.places
    resolved = [p for p in ctx.doc.places if p.location is not None]
    # a country is named by its name or by one of its provinces (محافظة حلب شمال البلاد)
    named = {p.location.country for p in resolved if p.location.feature in ("country", "admin1")}  # type: ignore[union-attr]
    counts: dict[str, int] = {}
    for p in resolved:
        country = p.location.country  # type: ignore[union-attr]
        if country:
            counts[country] = counts.get(country, 0) + 1
    main = max(counts, key=counts.__getitem__) if counts else None
    ctx.places = [p for p in resolved if p.location.country in named or p.location.country == main  # type: ignore[union-attr]
                  or not p.location.country]  # type: ignore[union-attr]
    return ctx.places


PLACE_REACH = 2  # sentences back that may place an event naming no place of its own


def _location(ctx: _Doc, draft: _Draft) -> Location | None:
    """The most specific resolved place of the clause, nearest the trigger; the sentence's when the
    clause names none or only a province or country that holds the sentence's place."""
    sentence = ctx.sentences[draft.sentence]
    trigger_at = ctx.tokens[draft.trigger[0]].start
    places = _plausible_places(ctx, draft)
    if draft.type == lx.DIPLOMACY:
        if draft.sub_type == "Phone call":
            return None  # a call happens nowhere (docs §2.7)
        places = [p for p in places if not _after_from(ctx, p)]  # وفد من محافظة الأنبار: an origin
    places = [p for p in places if not _origin(ctx, p) and not _in_source(ctx, p)]
    offices = [p for p in _places_in(places, sentence.start, sentence.end) if _names_a_body(ctx, p)]
    if offices:  # an office's place yields to any other place of the sentence or of the sentences before
        draft.office_place = offices[0].location
        places = [p for p in places if p not in offices]
    if draft.type != lx.DIPLOMACY:
        places = [p for p in places if not _destination(ctx, p)]
    places = [p for p in places if not _qualifies_place(ctx, p, places) and not _reinforced(ctx, p)]

    def best_of(found: list[PlaceMention]) -> Location | None:
        if not found:
            return None
        return min(found, key=lambda p: (_rank_precision(ctx, p),
                                         p.start < trigger_at, abs(p.start - trigger_at))).location
    report_at = min(_next_report_at(ctx, draft, sentence.end), _other_event_at(ctx, draft, sentence.end))
    c_start, c_end = ctx.char_span(*draft.clause)
    in_clause = _places_in(places, c_start, min(c_end, report_at))
    # a place in the frame that reports the event (قالت مصادر محلية في مديرية X إن غارات … على Y) is the
    # source's: the reported clause's own places come first
    frames = [(a, b) for a, b in _speech_frames(ctx, *ctx.token_range(sentence.start, sentence.end)) if b <= trigger_at]
    content = [p for p in in_clause if not any(a <= p.start < b for a, b in frames)]
    clause = best_of(content or in_clause)
    if clause is not None and not _coarse(clause):
        return clause
    wider = best_of(_places_in(places, sentence.start, report_at))
    if clause is None:
        return wider
    return _more_specific(clause, wider)


def _drop_country_only(drafts: list[_Draft]) -> list[_Draft]:
    """Violence placed only in a country is not coded (ACLED, docs §5) unless it is the article's
    whole report: dropped when the article tells the same type of violence at a town of that country
    (the country-level mention is a summary of it), kept when it gives a figure ("قتل 40 جندياً روسياً
    في سوريا")."""
    def country_only(d: _Draft) -> bool:  # with no figure of its own either: a figure makes it a report
        return (d.type in lx.VIOLENT_TYPES and d.location is not None and d.location.feature == "country"
                and not any(t.value is not None for t in (*d.killed, *d.injured)))
    def placed_beside(d: _Draft) -> bool:  # the same type told with a town in the same country
        return any(o is not d and o.type == d.type and o.location is not None and not _coarse(o.location)
                   and o.location.country == d.location.country for o in drafts)  # type: ignore[union-attr]
    return [d for d in drafts if not (country_only(d) and d.modality != "denied" and placed_beside(d))]


# Types that ACLED codes only at a place: violence, protests and riots, destruction, arrests.
_PLACED_TYPES = lx.VIOLENT_TYPES | {lx.PROTESTS, lx.RIOTS}
_PLACED_SUB_TYPES = frozenset({"Looting/property destruction", "Arrests", "Headquarters or base established"})


_PLACE_NOUNS = frozenset(match_form(w) for w in (
    "مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه", "حي", "محافظة", "محافظه", "منطقة", "منطقه", "ريف",
    "مخيم", "ولاية", "ولايه", "قضاء", "ناحية", "ناحيه", "مديرية", "مديريه", "معسكر", "قاعدة", "مطار", "ميناء",
    "شارع", "سوق", "جبهة", "محور", "حدود", "الحدود"))


def _placeless_incident(ctx: _Doc, d: _Draft) -> bool:
    """A reported incident whose sentences name no place, not even an unresolved one or a place noun
    (مدينة، قرية، حي), and that the sentences before do not place either ("قتل وبطش وعنف" in an essay,
    "التعازي لشهداء القارات الثلاث"): nothing ACLED could code (docs §5). A threat (hypothetical) or a
    plan may be placeless."""
    if not (d.type in _PLACED_TYPES or d.sub_type in _PLACED_SUB_TYPES):
        return False
    if d.modality == "hypothetical":
        # a threat is coded only when a named actor threatens a named target (docs §8.1); one with no
        # named side at all ("تحقيق النصر في المعارك المقبلة") is no threat
        return not (_named(d.actor1) or _named(d.actor2))
    if d.location is not None or d.modality not in ("reported", "planned"):
        return False
    for index in d.sentences or [d.sentence]:
        sentence = ctx.sentences[index]
        if _places_in(ctx.doc.places, sentence.start, sentence.end):
            return False
        first, last = ctx.token_range(sentence.start, sentence.end)
        if any(_has_stem(w, _PLACE_NOUNS) for w in ctx.words[first:last]):
            return False
    return True


def _split_by_place(ctx: _Doc, draft: _Draft) -> list[_Draft]:
    """"أصابت الغارات أهدافاً قرب الموصل ومخمور والفلوجة"، "استهدف قريتي الفوعة وكفريا": one
    violent event per town of a coordinated list after the trigger (docs §8.2: two places, two
    events), the figures staying with the first. Not "بين X وY" (one place between two)."""
    if draft.type not in lx.VIOLENT_TYPES or draft.location is None or _coarse(draft.location):
        return [draft]
    c_first, c_last = draft.clause
    start, end = ctx.tokens[draft.trigger[1] - 1].end, ctx.char_span(c_first, c_last)[1]
    places = [p for p in _places_in(_plausible_places(ctx, draft), start, end)
              if not _coarse(p.location) and not _origin(ctx, p) and not _destination(ctx, p)  # type: ignore[arg-type]
              and not _in_source(ctx, p)]
    keys = [_place_key(p.location) for p in places]  # type: ignore[arg-type]
    own = _place_key(draft.location)
    if own not in keys:
        return [draft]
    chain = [places[keys.index(own)]]
    upto = bisect.bisect_left(ctx.starts, chain[0].start)
    if any(w in (".", "!", "?") for w in ctx.words[draft.trigger[1]:upto]):
        return [draft]  # the list belongs to another statement of the sentence
    for place in places[keys.index(own) + 1:]:
        if not _coordinated(ctx, place) or _place_key(place.location) in {_place_key(c.location) for c in chain}:  # type: ignore[arg-type]
            break
        chain.append(place)
    if len(chain) < 2 or _rank_precision(ctx, chain[0]) > (chain[0].location.precision or 3):  # type: ignore[union-attr]
        return [draft]
    parts = [draft]
    t_start, t_end = ctx.char_span(*draft.trigger)
    for k, place in enumerate(chain[1:], start=2):
        part = copy.copy(draft)
        part.location = place.location
        part.killed, part.injured, part.disputes, part.merged_from = [], [], [], []
        part.id = f"{_event_id(ctx.doc.id, t_start, t_end)}-{k}"
        parts.append(part)
    return parts


def _coordinated(ctx: _Doc, place: PlaceMention) -> bool:
    """The place follows و (وكفريا، و الفلوجة): the next item of a list."""
    i = bisect.bisect_right(ctx.starts, place.start) - 1
    if i < 0:
        return False
    if ctx.starts[i] < place.start:
        return ctx.words[i].startswith("و")
    return i > 0 and ctx.words[i - 1] == "و"


def _place_before(ctx: _Doc, draft: _Draft, reach: int = PLACE_REACH) -> Location | None:
    """An event whose sentences name no place happened where the sentences just before it say
    ("زيارة إلى بغداد" … "ومن المقرر أن يلتقي …"): the most specific place of the nearest one that
    names any, the last named on a tie (docs §5)."""
    places = [p for p in _plausible_places(ctx, draft) if not _after_from(ctx, p) and not _in_source(ctx, p)]
    if draft.type != lx.DIPLOMACY:
        places = [p for p in places if not _origin(ctx, p) and not _destination(ctx, p)
                  and not _in_other_event(ctx, p)]
    first = min(draft.sentences or [draft.sentence])
    for k in range(first - 1, max(-1, first - 1 - reach), -1):
        sentence = ctx.sentences[k]
        found = _places_in(places, sentence.start, sentence.end)
        if found:
            return min(found, key=lambda p: (p.location.precision or 3, -p.start)).location  # type: ignore[union-attr]
    if draft.type in (lx.DIPLOMACY, lx.STATEMENT):
        return None  # without a place of their own these are null (docs §5)
    return _main_place(ctx, places)


def _main_place(ctx: _Doc, places: list[PlaceMention]) -> Location | None:
    """The article's main place: the town or city named most often (the first named on a tie)."""
    counts: dict[str, list[PlaceMention]] = {}
    for p in places:
        if not _coarse(p.location):  # type: ignore[arg-type]
            counts.setdefault(_place_key(p.location), []).append(p)  # type: ignore[arg-type]
    if not counts:
        return None
    best = max(counts.values(), key=lambda ms: (len(ms), -ms[0].start))
    return best[0].location


def _rank_precision(ctx: _Doc, place: PlaceMention) -> int:
    """The place's precision, as a place between two (الطريق بين الحويجة ومخمور) is only near
    either: a named place of the clause outranks it."""
    precision = place.location.precision or 3  # type: ignore[union-attr]
    i = bisect.bisect_left(ctx.starts, place.start)
    for j in range(i - 1, max(-1, i - 4), -1):
        if ctx.words[j] in _PUNCT_BREAK:
            break
        if ctx.words[j] in _BETWEEN:
            return max(precision, 2)
    return precision


_BETWEEN = frozenset(match_form(w) for w in ("بين", "وبين"))


_RELATIVE_TIME = frozenset(match_form(w) for w in ("بعد", "وبعد", "غداة", "عقب", "اثر", "إثر", "قبل", "وقبل"))


def _in_other_event(ctx: _Doc, place: PlaceMention) -> bool:
    """The place sits in a phrase dating its sentence's event by another one (… غارات، وذلك بعد أربعة
    أيام على تفجير استهدف سوروتش): it places that other event only."""
    sentence = next((s for s in ctx.sentences if s.start <= place.start < s.end), None)
    if sentence is None:
        return False
    first, _ = ctx.token_range(sentence.start, sentence.end)
    i = bisect.bisect_left(ctx.starts, place.start)
    seen_event = False
    for j in range(first, i):
        if ctx.words[j] in _RELATIVE_TIME and seen_event and any(
                h.payload.kind == "event" and h.payload.type in lx.VIOLENT_TYPES  # type: ignore[attr-defined]
                for k in range(j + 1, min(i, j + 6)) for h in ctx.cues[k]):
            return True
        seen_event = seen_event or any(h.payload.kind == "event" for h in ctx.cues[j])  # type: ignore[attr-defined]
    return False


def _other_event_at(ctx: _Doc, draft: _Draft, end: int) -> int:
    """Where a phrase dating the event by another one begins after the trigger ("وذلك بعد أربعة أيام على
    تفجير انتحاري استهدف مدينة سوروتش"، "غداة هجوم على كيليس"): the places after it are that event's."""
    c_last = draft.clause[1]
    for i in range(draft.trigger[1], c_last):
        if ctx.words[i] in _RELATIVE_TIME and any(
                h.payload.kind == "event" and h.payload.type in lx.VIOLENT_TYPES  # type: ignore[attr-defined]
                for j in range(i + 1, min(c_last, i + 6)) for h in ctx.cues[j]):
            return ctx.tokens[i].start
    return end


def _next_report_at(ctx: _Doc, draft: _Draft, end: int) -> int:
    """For a denial, where a new reporting clause (، وقال …) begins after its trigger: the denier's
    own words there ("لم تنفذ … نحن نحارب داعش في الرقة") say where it acts instead, they do not
    place the event denied."""
    if draft.modality != "denied":
        return end
    c_last = draft.clause[1]
    sentence_last = ctx.token_range(end, end)[0]
    for hit in _cues(ctx, c_last, sentence_last, "speech"):
        if hit.start > draft.trigger[1] and ctx.words[hit.start].startswith("و") and ctx.words[hit.start - 1] == ",":
            return ctx.tokens[hit.start].start
    for hit in _cues(ctx, draft.trigger[1], c_last, "speech"):
        if ctx.words[hit.start].startswith("و") and ctx.words[hit.start - 1] == ",":
            return ctx.tokens[hit.start].start
    return end


def _after_from(ctx: _Doc, place: PlaceMention) -> bool:
    i = bisect.bisect_left(ctx.starts, place.start)
    return i > 0 and ctx.words[i - 1] in _FROM


# Motion words whose "من X" names where something came from, not where the event happened:
# تعزيزات من، قادمة من، انطلقت من، عائداً من، فروا من.
_MOTION_STEMS = tuple(match_form(w) for w in (
    "تعزيز", "قادم", "انطلق", "عائد", "عاد", "وصل", "فر", "نزح", "هرب", "جاء", "اتي", "ارسل", "نقل", "اقلع",
    "قصف", "لقصف", "مدفعي", "اطلق"))  # قصف مدفعي من قلعة X: where the guns stand


def _origin(ctx: _Doc, place: PlaceMention) -> bool:
    """The place is an origin (تعزيزات من X، قادمة من X، انطلقت من قاعدة X), in any event type."""
    i = bisect.bisect_left(ctx.starts, place.start)
    if i == 0:
        return False
    if ctx.words[i - 1] in _FROM and ctx.words[i - 1] != match_form("من"):
        return True  # قادماً/قادمة X
    at = None
    for k in range(i - 1, max(-1, i - 8), -1):  # من X، من قاعدة X، من منطقة «مكيراس» بمدينة X
        if ctx.words[k] == match_form("من"):
            at = k
            break
        if not (ctx.words[k] in _BASE_WORDS or _bare(ctx.words[k]) in _BASE_WORDS or ctx.words[k] == '"'
                or ctx.words[k][:1] == "ب" and ctx.words[k][1:] in _BASE_WORDS or _is_place_word(ctx, k)):
            return False
    if at is None:
        return False
    for j in range(at - 1, max(-1, at - 4), -1):
        word = _bare(ctx.words[j])
        if word in _PUNCT_BREAK:
            return False
        if word.startswith(_MOTION_STEMS) or word[:1] in ("ب", "ل") and word[1:].startswith(_MOTION_STEMS):
            return True  # دفعت بتعزيزات من X
    return False


_BASE_WORDS = frozenset(match_form(w) for w in ("قاعدة", "مطار", "مدينة", "بلدة", "محافظة", "ميناء", "منطقة",
                                                 "قرية", "معسكر"))


def _is_place_word(ctx: _Doc, k: int) -> bool:
    """Token k lies inside a place mention (resolved or not), as in "من منطقة «مكيراس» بمدينة البيضاء"."""
    start = ctx.tokens[k].start
    return any(p.start <= start < p.end for p in ctx.doc.places)
# Where people or aircraft went afterwards (نقلوا إلى مستشفى في X، قبل أن تعود إلى قاعدة X) and a
# reference point (المنطقة المقابلة لمدينة كيليس) are not where the event happened.
_AFTERWARDS_STEMS = tuple(match_form(w) for w in (
    "عاد", "تعود", "يعود", "عائد", "اسعف", "يسعف", "فر", "يفر", "نزح", "ينزح", "هرب", "يهرب", "لجا", "يلجا",
    "طريق"))  # "تعزيزات كانت في طريقها إلى X": where they were headed
# نقل only with the people carried (نقلهم، نقلوا، نقل الجرحى): "ينقل الغاز إلى تركيا في كارس" is no trip
_CARRIED = frozenset(match_form(w) for w in ("نقلهم", "نقلوا", "نقلها", "نقله", "نقلت", "نقلتهم", "نقلتها"))
_TO = frozenset(match_form(w) for w in ("إلى", "الى", "الي"))
_CARRY_NOUN = frozenset(match_form(w) for w in ("نقل", "بنقل", "اسعاف", "باسعاف", "اجلاء"))
_CARRIED_PEOPLE = frozenset(match_form(w) for w in (
    "الجرحى", "الجرحي", "المصابين", "الجثث", "جثث", "القتلى", "القتلي", "الضحايا", "جرحى", "جرحي", "مصابين",
    "المصابون", "الجريح", "المصاب"))
_BORDERING = tuple(match_form(w) for w in ("الحدودية", "الحدودي", "المحاذية", "المحاذي", "المتاخمة", "المتاخم",
                                            "المجاورة", "المجاور"))
_DIRECTIONS = frozenset(match_form(w) for w in (
    "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "جنوب شرق", "شمال غرب", "شمال شرق", "جنوب غرب"))
_DISTANCE_UNITS = frozenset(match_form(w) for w in (
    "كم", "كلم", "كيلومتر", "كيلومترا", "كيلومترات", "كلم2", "ميل", "اميال", "مترا", "متر"))


def _destination(ctx: _Doc, place: PlaceMention) -> bool:
    """The place is where people or aircraft went after the event (نقلوا إلى مستشفى في X، قبل أن
    تعود إلى قاعدة X)."""
    i = bisect.bisect_left(ctx.starts, place.start)
    j = bisect.bisect_left(ctx.starts, place.end)
    if any(w in _DISTANCE_UNITS for w in ctx.words[i:j]):
        return True  # a mention "تبعد 60 كلم شرق حلب" names the reference point, not the place
    for j in range(i - 1, max(-1, i - 4), -1):
        if _bare(ctx.words[j]).startswith(_BORDERING):
            return True  # "منطقة كوبرات الحدودية مع محافظة كركوك": the neighbour named as a landmark
    if i > 1 and _bare(ctx.words[i - 1]) in _DIRECTIONS and any(
            w in _DISTANCE_UNITS for w in ctx.words[max(0, i - 4):i - 1]):
        return True  # "تبعد 60 كلم شرق حلب": a reference point, not the place
    # i is len(words) when the place begins inside the text's last token (بالرقة at the very end)
    if 0 < i < len(ctx.words) and _bare(ctx.words[i]) in _DIRECTIONS and any(
            w in _DISTANCE_UNITS for w in ctx.words[max(0, i - 3):i]):
        return True  # the same when the gazetteer reads "شرق حلب" as one name (Eastern Aleppo)
    for j in range(i - 1, max(-1, i - 5), -1):
        if ctx.words[j] in _PUNCT_BREAK:
            return False
        if ctx.words[j] in _TO:
            for k in range(j - 1, max(-1, j - 5), -1):
                word = _bare(ctx.words[k])
                if word in _PUNCT_BREAK:
                    return False
                if word.startswith(_AFTERWARDS_STEMS) or word in _CARRIED:
                    return True
                if word in _CARRY_NOUN and k + 1 < j and _bare(ctx.words[k + 1]) in _CARRIED_PEOPLE:
                    return True  # "تم نقل الجرحى إلى العاصمة بغداد": where the wounded were taken
            return False
    return False


_LINK_PLACE_WORDS = frozenset(match_form(w) for w in (
    "مدينة", "مدينه", "بلدة", "بلده", "محافظة", "محافظه", "منطقة", "منطقه", "ولاية", "ولايه", "قضاء", "ناحية",
    "ناحيه", "مديرية", "مديريه", "اقليم", "العاصمة", "العاصمه", "ريف", "قرب", "بالقرب", "من", "نحو", "حوالي", "على", "بعد",
    "وسط", "شرقي", "غربي", "شمالي", "جنوبي", "الشرقي", "الغربي", "الشمالي", "الجنوبي"))
_IN = frozenset(match_form(w) for w in ("في", "فى"))


def _qualifies_place(ctx: _Doc, place: PlaceMention, places: list[PlaceMention]) -> bool:
    """The place only situates the place named just before it: its container ("بمنطقة باب المندب بمدينة
    تعز"، "في قرية X بمحافظة Y") or a reference point ("في ولاية لوغار جنوب كابول"، "X على بعد 20 كلم
    شمال Y"). The event is at the first place (docs §5: the most specific place named for the event), so
    the second is no candidate while the first is: only place words, في/ب, compass words and distances
    stand between them, both in one country."""
    i = bisect.bisect_left(ctx.starts, place.start)
    compass = _bare(ctx.words[i]) in _DIRECTIONS if i < len(ctx.words) else False
    j = i - 1
    steps = 0
    while j >= 0 and steps < 6:
        word = ctx.words[j]
        start = ctx.tokens[j].start
        before = next((p for p in places if p is not place and p.start <= start < p.end), None)
        if before is not None:
            break
        bare = word[1:] if word[:1] == "ب" and len(word) > 3 else word
        if _bare(word) in _DIRECTIONS or bare in _DIRECTIONS:
            compass = True
        elif not (word in _IN or bare in _LINK_PLACE_WORDS or word in _LINK_PLACE_WORDS
                  or word in _DISTANCE_UNITS or word.isdigit() or word == "/"):
            return False
        j -= 1
        steps += 1
    else:
        return False
    if before is None or steps == 0 and not compass:
        return False  # two names side by side are one list or one name, not a place and its container
    first, second = before.location, place.location
    if first is None or second is None or first.feature == "country" or not first.country \
            or first.country != second.country:
        return False
    if compass or place.relation in ("near", "distance"):
        return True  # a reference point
    # a container: a town, province or country that holds the place before it
    return not _coarse(first) and (second.feature in ("country", "admin1", "admin2", "city")
                                   and (second.feature == "country" or second.admin1 == first.admin1))


_REINFORCE = frozenset(match_form(w) for w in ("تعزيز", "دعم", "مساندة", "مسانده", "نجدة", "نجده", "اسناد",
                                                "امداد", "تموين", "مؤازرة", "مؤازره"))


def _reinforced(ctx: _Doc, place: PlaceMention) -> bool:
    """The place is the one that forces were to reinforce ("أسلحة لتعزيز لحج وعدن"، "قوات لمساندة
    مدينة X"): where they were headed, not where the event happened."""
    i = bisect.bisect_right(ctx.starts, place.start) - 1
    j = i - 1
    if j >= 0 and (ctx.words[j] in _LINK_PLACE_WORDS or ctx.words[j] == "و"):
        j -= 1
    if j >= 0 and _coordinated(ctx, place):  # "لحج وعدن": the item of a list takes its head's reading
        head = next((p for p in ctx.doc.places if p.end <= place.start and ctx.tokens[j].start <= p.end
                     and p.start < ctx.tokens[j].end), None)
        return head is not None and _reinforced(ctx, head)
    word = ctx.words[j] if j >= 0 else ""
    return word[:1] == "ل" and word[1:] in _REINFORCE


def _in_source(ctx: _Doc, place: PlaceMention) -> bool:
    """The place names the report's source (بحسب أنقرة، قالت دمشق): a capital for its government."""
    i = bisect.bisect_left(ctx.starts, place.start)
    if any(h.payload.kind == "according" for j in range(max(0, i - 2), i) for h in ctx.cues[j]):  # type: ignore[attr-defined]
        return True
    return any(span is not None and span[0] <= i < span[1] for _, span in ctx.attributions.values())


# An office, force or institution named after its place: the place is part of an actor's or a
# speaker's name (شرطة نينوى، محافظ حلب، قائمقام قضاء الرمادي، مجلس محافظة الأنبار، جامعة الأنبار), not
# where the event happened.
_BODY_OF_PLACE = frozenset(match_form(w) for w in (
    "شرطة", "شرطه", "مجلس", "محافظ", "قائمقام", "مقام", "جامعة", "جامعه"))
_TITLE_OF_PLACE = frozenset(match_form(w) for w in ("قائد", "حاكم", "والي", "امير", "قائمقام"))
_FRONT_WORDS = frozenset(match_form(w) for w in ("محور", "جبهة", "جبهه", "قطاع", "منطقة", "منطقه", "مديرية",
                                                  "مديريه", "لواء", "اقليم"))
_ADMIN_WORDS = frozenset(match_form(w) for w in ("محافظة", "محافظه", "قضاء", "ناحية", "ناحيه", "مدينة", "مدينه",
                                                 "بلدية", "بلديه", "ولاية", "ولايه"))


def _names_a_body(ctx: _Doc, place: PlaceMention) -> bool:
    """The place is the complement of an office or institution noun just before it (one
    administrative word may sit between: قائمقام قضاء الرمادي، مجلس محافظة الأنبار)."""
    i = bisect.bisect_left(ctx.starts, place.start)
    j = i - 1
    if j >= 0 and ctx.words[j] in _ADMIN_WORDS:
        j -= 1
    if j >= 0 and _bare(ctx.words[j]) in _BODY_OF_PLACE:
        return True
    # a commander's or governor's title (لقائد محور البيضاء، حاكم منطقة X، أمير ولاية X): the man, not the place
    if j >= 0 and _bare(ctx.words[j]) in _FRONT_WORDS:
        j -= 1
    return j >= 0 and _has_stem(ctx.words[j], _TITLE_OF_PLACE)


_FROM = frozenset(match_form(w) for w in ("من", "قادما", "قادمين", "قادمة"))


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:^| )(?:{a})(?= |$)" for a in alternatives))  # already match forms


# Before the trigger, in its sentence: a frame that recalls or generalises (docs §4, §8.2).
_RECAP_FRAME = _pattern(
    r"و?يذكر (ان|انه|انها)", r"و?يشار (الي|الى) (ان|انه|انها)", r"و?تجدر الاشاره", r"و?من المعروف",
    r"و?سبق (ان|و|لل?\S+)")
# Anywhere in the clause: a span of time or a habit, not one day's event.
_RECAP_SPAN = _pattern(
    r"منذ (بدايه|بدء|بدا|بدات|اندلاع|انطلاق|مطلع|اوائل|سنوات|اشهر|اعوام|عقود|سنه|عام|العام)",
    r"منذ (\d+ )?(يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|سنوات|اعوام|عاما|اشهر|شهرا|\d{4})",
    r"خلال (الاشهر|الاسابيع|السنوات|الاعوام|الشهور|العام|الشهر|السنه|اسبوع|شهر|عام|سنه)( (الماضيه|الماضي|الاخيره|الاخير|الاخيرين|الماضيين|الفائت|المنصرم))?",
    r"في (الاسبوعين|الاشهر|الاسابيع|السنوات|الشهور) (الاخيرين|الاخيره|الماضيه|الماضيين)",
    r"يوميا", r"بشكل يومي", r"بصوره يوميه", r"(الاف|مئات) (الغارات|الضربات|الهجمات|الطلعات)",
    r"هجوم مماثل", r"هجمات مماثله", r"بانتظام", r"باستمرار", r"بشكل متكرر",
    r"مرور (\S+ ){0,5}(علي|منذ) (اندلاع|بدء|بدايه|انطلاق|قيام)",
    r"(استمر|استمرت|استمرا|دام|دامت) (نحو |قرابه |حوالي |زهاء |اكثر من )?(\S+ )?(اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|سنوات|اعوام)")
_WAS = frozenset(match_form(w) for w in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"))


def _recap_at(ctx: _Doc, first: int, trigger: int, c_last: int, c_first: int | None = None) -> bool:
    """A recap, habit or long-period total: يذكر أن …، وكانت … قد تعرضت لقصف، منذ بداية الحرب،
    خلال الأشهر الماضية، يومياً، آلاف الغارات؛ the sentence tells background, not a new event."""
    if _RECAP_FRAME.search(" ".join(ctx.words[first:trigger])):
        return True
    c_first = first if c_first is None else c_first
    if _RECAP_SPAN.search(" ".join(ctx.words[c_first:c_last])):
        return True
    if _witnessed_series(ctx, trigger, c_last):
        return True
    # كان … قد + the trigger verb (pluperfect): a recalled event; not كانت رويترز قد أشارت إلى أن …
    for i in range(max(c_first, trigger - 16), trigger):  # وكانت أحياء …، …، قد تعرضت لقصف
        if ctx.words[i] in _WAS:
            qad = next((j for j in range(i + 1, trigger) if ctx.words[j] == "قد"), None)
            if qad is not None and trigger - qad <= 3 and not _cues(ctx, qad, trigger, "speech"):
                return True
    return False


_WITNESSED = frozenset(match_form(w) for w in ("شهدتها", "شهدها", "تشهدها", "يشهدها", "عرفتها", "عاشتها"))
_SERIES = frozenset(match_form(w) for w in ("عدة", "عده", "سلسلة", "سلسله", "موجة", "موجه", "جملة", "جمله"))


def _witnessed_series(ctx: _Doc, trigger: int, c_last: int) -> bool:
    """A plural attack noun told as what a country lived through ("سلسلة من الهجمات الدامية التي
    شهدتها تركيا"، "شهدت عدة هجمات دموية"): a series summed up, not one event."""
    if trigger >= min(c_last, len(ctx.words)):
        return False  # no trigger: a toll sentence
    word = _bare(ctx.words[trigger])
    plural = word.endswith("ات") or word.startswith("ال") and word[2:].endswith("ات")
    if not plural:
        return False
    after = ctx.words[trigger + 1:min(c_last, trigger + 5)]
    if any(w in _RELATIVE for w in after) and any(w in _WITNESSED for w in after):
        return True
    before = [_bare(w) for w in ctx.words[max(0, trigger - 3):trigger]]
    return any(w in _SERIES for w in before) and any(w.startswith(("شهد", "تشهد", "يشهد")) for w in before)


def _is_old_background(ctx: _Doc, draft: _Draft) -> bool:
    """A recalled event more than 30 days before publication is not coded (docs §8.2)."""
    if ctx.anchor is None or not draft.date.end or draft.date.precision == "week":
        return False
    try:
        end = dt.date.fromisoformat(draft.date.end[:10])
    except ValueError:
        return False
    return (ctx.anchor - end).days > RECALL_DAYS


# ---------------------------------------------------------------------------------------------
# one event, several mentions; denials


def _same_event(a: _Draft, b: _Draft) -> bool:
    if _anaphor_of(a, b) or _toll_then_cause(a, b):
        return True
    if a.modality != b.modality or abs(b.sentence - max(a.sentences)) > SAME_EVENT_SENTENCES:
        return False
    if lx.FAMILY.get(a.type) != lx.FAMILY.get(b.type):
        return False
    if a.type in lx.VIOLENT_TYPES and a.type != b.type:
        # Same type or not the same event (docs §8.2), except a strike by one side of a battle at the
        # battle's own town and day: part of the fight (ACLED's hierarchy, docs §2).
        return _strike_in_battle(a, b)
    if (a.type, a.sub_type) != (b.type, b.sub_type) and (a.type != lx.DIPLOMACY or "Visit" in (
            a.sub_type, b.sub_type)) and not _one_strike_campaign(a, b) and not _fight_for_the_town(a, b) \
            and not _one_bombing(a, b):
        return False  # a visit and its meetings are separate
    if a.type == lx.DIPLOMACY and b.anaphoric and a.sub_type == b.sub_type and (
            0 <= b.sentence - max(a.sentences) <= ANAPHORA_SENTENCES):
        return True  # "وجرى خلال اللقاء …"، "عقب اللقاء": the meeting just reported, whatever its topic's place
    if not _dates_overlap(a.date, b.date):
        return False
    if a.location and b.location and not _places_compatible(a.location, b.location):
        return False
    names_a, names_b = _actor_names(a), _actor_names(b)
    if a.type == lx.DIPLOMACY:
        return bool(names_a & names_b) and (a.date.precision == b.date.precision or bool(names_a & names_b))
    if _roles_clash(a, b):
        return False
    if b.anaphoric and b.sentence - max(a.sentences) <= ANAPHORA_SENTENCES:
        return True  # "الغارات"، "القصف"، "هذا الهجوم": the event just reported, told again
    # Violence with no shared place or actor: only an adjacent follow-up sentence, and not one that adds
    # another ("كما انفجرت سيارة في اليوم نفسه في منطقة …")
    return (bool(names_a & names_b) or bool(a.location and b.location)
            or b.sentence - max(a.sentences) <= 1 and not b.additive)


def _toll_then_cause(a: _Draft, b: _Draft) -> bool:
    """"أفاد مصدر بمقتل سبعة من عناصر داعش" then "وقال المصدر إن طيران التحالف قصف … ما أسفر عن مقتل
    سبعة": the killing with no trigger and the next sentence's attack with the same figure are one."""
    if not a.toll_only or b.type not in lx.VIOLENT_TYPES or b.sentence - max(a.sentences) != 1:
        return False
    if a.modality != b.modality or not _dates_overlap(a.date, b.date):
        return False
    if a.location and b.location and not _places_compatible(a.location, b.location):
        return False
    figures_a = {t.value for t in a.killed if t.value is not None}
    figures_b = {t.value for t in b.killed if t.value is not None}
    return bool(figures_a & figures_b)


def _strike_in_battle(a: _Draft, b: _Draft) -> bool:
    battle, strike = (a, b) if a.type == lx.BATTLES else (b, a)
    if battle.type != lx.BATTLES or strike.type != lx.REMOTE or strike.sub_type not in _STRIKES:
        return False
    if not (battle.location and strike.location) or _coarse(battle.location) or _coarse(strike.location):
        return False
    if _place_key(battle.location) != _place_key(strike.location) or not _dates_overlap(a.date, b.date):
        return False
    sides = {_named(battle.actor1), _named(battle.actor2)} - {None}
    return _named(strike.actor1) in sides


_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _fight_for_the_town(a: _Draft, b: _Draft) -> bool:
    """The fighting at a town and the town's capture on the same day are one Battles event of the
    capture's sub-type (the hierarchy: "بعد معارك عنيفة … استعادت السيطرة على المدينة")."""
    if not (a.type == b.type == lx.BATTLES and "Armed clash" in (a.sub_type, b.sub_type)):
        return False
    return bool(a.location and b.location and not _coarse(a.location)
                and _place_key(a.location) == _place_key(b.location))


def _one_strike_campaign(a: _Draft, b: _Draft) -> bool:
    """Air strikes and shelling by one named actor at one place and day are one event of the higher
    sub-type (ACLED's hierarchy: shelling with an air strike is an air strike, docs §2)."""
    return (a.type == b.type == lx.REMOTE and {a.sub_type, b.sub_type} <= _STRIKES
            and _named(a.actor1) is not None and _named(a.actor1) == _named(b.actor1))


_BOMBINGS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED"})


def _one_bombing(a: _Draft, b: _Draft) -> bool:
    """"بتفجير سيارتين مفخختين" then, in the next sentences, "سيارتين يقودهما انتحاريان فجرا نفسيهما" at the
    same place: one bombing told again with its detail, of the higher sub-type (Suicide bomb, docs §2.2)."""
    return (a.type == b.type == lx.REMOTE and {a.sub_type, b.sub_type} <= _BOMBINGS
            and a.location is not None and b.location is not None and not _coarse(a.location)
            and 0 <= b.sentence - max(a.sentences) <= FOLLOW_UP_SENTENCES)


def _named(span: ActorSpan | None) -> str | None:
    if span is None or span.name.kind == "civilians" or span.name.name_en in (None, "Unidentified armed group"):
        return None
    return span.name.name_en


def _roles_clash(a: _Draft, b: _Draft) -> bool:
    """Two reports name different actors in the same role (or share none of their named actors when
    the roles cannot be compared): not the same event."""
    a1, a2, b1, b2 = _named(a.actor1), _named(a.actor2), _named(b.actor1), _named(b.actor2)
    if ({a1, a2} - {None}) & ({b1, b2} - {None}):
        return False
    # different actors in the same role; one side naming only actor1, the other only actor2
    # (غارات التحالف … / … على الحوثيين) is compatible
    return bool(a1 and b1 and a1 != b1 or a2 and b2 and a2 != b2)


def _anaphor_of(a: _Draft, b: _Draft) -> bool:
    """A definite or demonstrative mention of the same kind of violence just reported ("القصف
    استهدف قرية"، "ما إذا كانت الغارة …") is that event told again, whatever the mention's own
    sub-type reading or modality (a question about the strike is not a second strike)."""
    if not b.anaphoric or a.type not in lx.VIOLENT_TYPES or a.modality != "reported":
        return False
    if a.type != b.type and not (b.generic and b.type in lx.VIOLENT_TYPES):
        return False
    if b.condemned and b.sentence >= max(a.sentences) and _dates_overlap(a.date, b.date):
        return True  # the attack condemned is the one reported before, wherever the condemner speaks
    if not 0 <= b.sentence - max(a.sentences) <= ANAPHORA_SENTENCES or not _dates_overlap(a.date, b.date):
        return False
    if a.location and b.location and not _places_compatible(a.location, b.location) and not (
            b.generic and _place_key(b.location) in a.named_places):
        return False
    if b.generic and not any(t.value is not None for t in (*b.killed, *b.injured)):
        # "ويأتي الهجوم بعد …"، "وأكد مصدر في الوزارة حصيلة التفجير": no figures of its own
        return True
    # named actors in the same role must agree; an unnamed phrase (مسؤول محلي يدعى …، القوات التابعة
    # للحوثيين) is no rival actor
    return not _roles_clash(a, b)


def _coarse(location: Location) -> bool:
    return location.feature in ("country", "admin1") or (location.precision or 3) >= 3


def _places_compatible(a: Location, b: Location) -> bool:
    """The same place, or a province/country and a place inside it (the lead says "في سوريا", the
    body names the town)."""
    if _place_key(a) == _place_key(b):
        return True
    if not (_coarse(a) or _coarse(b)) or not a.country or a.country != b.country:
        return False
    wide, narrow = (a, b) if _coarse(a) and not _coarse(b) else (b, a)
    return wide.feature == "country" or (wide.precision or 3) > 3 or not wide.admin1 or wide.admin1 == narrow.admin1


def _more_specific(a: Location | None, b: Location | None) -> Location | None:
    if a is None or b is None:
        return a or b
    return b if (b.precision or 3) < (a.precision or 3) and _places_compatible(a, b) else a


def _place_key(location: Location) -> str:
    return location.gazetteer_id or match_form(location.name_ar)


def _actor_names(draft: _Draft) -> set[str]:
    names = set()
    for span in (draft.actor1, draft.actor2):
        if span is not None and span.name.kind != "civilians":
            names.add(span.name.name_en or f"@{span.start}")
    return names


def _dates_overlap(a: EventDate, b: EventDate) -> bool:
    if not a.start or not b.start:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _merge_within_document(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        target = next((m for m in reversed(merged) if _same_event(m, draft)
                       and (not m.background or draft.background or draft.anaphoric)), None)
        if target is None:
            merged.append(draft)
        elif draft.background and not target.background:
            # a recap of an event already reported: one more evidence sentence, nothing else
            target.sentences.extend(s for s in draft.sentences if s not in target.sentences)
        else:
            _absorb(target, draft)
    return merged


def _absorb(target: _Draft, other: _Draft) -> None:
    """Fold a repeated mention into the first one: evidence, figures, and missing fields."""
    target.sentences.extend(s for s in other.sentences if s not in target.sentences)
    target.named_places |= other.named_places
    if target.toll_only and not other.toll_only:
        target.type, target.sub_type, target.toll_only = other.type, other.sub_type, False
        target.trigger, target.trigger_word = other.trigger, other.trigger_word
        target.civilians = other.civilians
    elif not other.weak and not other.generic and lx.RANK.get((other.type, other.sub_type or ""), 99) < lx.RANK.get(
            (target.type, target.sub_type or ""), 99):
        target.type, target.sub_type = other.type, other.sub_type
    target.killed.extend(other.killed)
    target.injured.extend(other.injured)
    if target.actor1 is None or target.hedged_actor and other.actor1 is not None and not other.hedged_actor:
        target.actor1, target.hedged_actor = other.actor1, other.hedged_actor
    target.actor2 = target.actor2 or other.actor2
    target.location = _more_specific(target.location, other.location)
    target.attributed_to = target.attributed_to or other.attributed_to
    target.civilians = target.civilians or other.civilians
    if target.date.precision == "week" and other.date.precision == "day":
        target.date = other.date
    target.merged_from.append(other)


def _link_denials(drafts: list[_Draft]) -> None:
    """A denied draft is linked to the nearest reported draft of the same family it denies."""
    for denied in (d for d in drafts if d.modality == "denied"):
        candidates = [d for d in drafts if d.modality == "reported" and d.type in lx.VIOLENT_TYPES
                      and (denied.denial_subject or lx.FAMILY.get(d.type) == lx.FAMILY.get(denied.type))]
        if not candidates:
            continue
        claim = min(candidates, key=lambda d: (d.type != denied.type and not denied.denial_subject,
                                               not (_actor_names(d) & _actor_names(denied)),
                                               abs(d.sentence - denied.sentence)))
        if denied.denial_subject:
            denied.type, denied.sub_type = claim.type, claim.sub_type
            denied.actor1 = denied.actor1 or claim.actor1
            denied.location = denied.location or claim.location
        denied.disputes.append({"kind": "denial", "a": claim, "b": denied, "note": ""})
        claim.disputes.append({"kind": "denial", "a": claim, "b": denied, "note": ""})


# ---------------------------------------------------------------------------------------------
# to records


_SEATS: dict[tuple[str, str], tuple[float, float]] | None = None


def _province_seats() -> dict[tuple[str, str], tuple[float, float]]:
    """(country, admin1) -> the point of the province's largest town in the gazetteer, its seat as a rule
    (Zinjibar for Abyan, Ramadi for Anbar)."""
    global _SEATS
    if _SEATS is None:
        from marsad.geo.gazetteer import Gazetteer

        gazetteer = Gazetteer.load()
        largest: dict[tuple[str, str], tuple[int, float, float]] = {}
        for place in gazetteer.places:
            if place.feature in ("city", "town") and place.admin1:
                key = (gazetteer.country_names.get(place.country_code, ""), place.admin1)
                if key not in largest or place.population > largest[key][0]:
                    largest[key] = (place.population, place.lat, place.lon)
        _SEATS = {key: (lat, lon) for key, (_, lat, lon) in largest.items()}
    return _SEATS


def _at_seat(location: Location | None) -> Location | None:
    """An event placed only in a province is coded at the province's capital, precision 3 (docs §5),
    not at its centroid."""
    if location is None or location.feature != "admin1" or not location.admin1 or not location.country:
        return location
    try:
        seat = _province_seats().get((location.country, location.admin1))
    except (OSError, ValueError):  # no gazetteer shipped: the centroid stays
        return location
    if seat is None:
        return location
    return replace(location, lat=seat[0], lon=seat[1], precision=3)


def _event_id(doc_id: str, start: int, end: int) -> str:
    return "ev-" + hashlib.blake2b(f"{doc_id}:{start}:{end}".encode(), digest_size=8).hexdigest()


def _actor(ctx: _Doc, span: ActorSpan | None, country: str | None) -> Actor | None:
    if span is None:
        return None
    name_ar = _text(ctx, span.start, span.end)
    name_en = span.name.name_en
    if span.name.kind == "civilians":
        name_en = f"Civilians ({country})" if country else "Civilians"
    entity_id = None
    mention = _mention_at(ctx, span.start)
    if mention is not None:
        entity_id = mention.entity_id
    return Actor(name_ar=name_ar, name_en=name_en, entity_id=entity_id)


def _to_event(ctx: _Doc, draft: _Draft) -> Event:
    doc = ctx.doc
    t_start, t_end = ctx.char_span(*draft.trigger)
    if not draft.id:
        draft.id = _event_id(doc.id, t_start, t_end)
    country = draft.location.country if draft.location else None
    killed = _main_toll(draft.killed)
    injured = _main_toll(draft.injured)
    tolls = [*draft.killed, *draft.injured]
    notes = summarise_tolls(draft.killed) if len(draft.killed) > 1 else None
    reports = [Evidence(doc.id, ctx.sentences[s].start, ctx.sentences[s].end, ctx.sentences[s].text)
               for s in sorted(set(draft.sentences))]
    disputes = [_dispute_record(ctx, d) for d in draft.disputes]
    disputes.extend(_toll_disputes(draft))
    status = None
    if draft.type == lx.DIPLOMACY:
        status = {"planned": "planned", "cancelled": "cancelled"}.get(draft.modality, "held")
    return Event(
        id=draft.id, type=draft.type, sub_type=draft.sub_type, date=draft.date, location=_at_seat(draft.location),
        actor1=_actor(ctx, draft.actor1, country), actor2=_actor(ctx, draft.actor2, country),
        target_civilians=draft.civilians, killed=killed, injured=injured, tolls=tolls,
        attributed_to=draft.attributed_to, modality=draft.modality, status=status,
        trigger=Span(t_start, t_end, doc.text[t_start:t_end]), reports=reports, disputes=disputes,
        doc=doc.id, notes=(TOLL_RULE_NOTE + notes) if notes else None,
    )


def _main_toll(tolls: list[Toll]) -> Toll | None:
    """The first figure reported (docs §6: the main attribution's), skipping a bare "قتلى" that a
    later sentence counts, and a figure in words only (عشرات القتلى) that a later one gives in digits."""
    valued = [t for t in tolls if t.value is not None]
    if not valued:
        return tolls[0] if tolls else None
    if _vague(valued[0]):
        return next((t for t in valued[1:] if not _vague(t)), valued[0])
    return valued[0]


_VAGUE_WORDS = frozenset(match_form(w) for w in ("عشرات", "مئات", "آلاف", "الاف", "عدة", "بضعة", "بضع", "عدد",
                                                  "العديد", "العشرات", "المئات"))


def _vague(toll: Toll) -> bool:
    """عشرات/مئات/عدة: the lowest reading of a plural word, not a count."""
    return toll.qualifier == "at_least" and any(w in _VAGUE_WORDS for w in match_form(toll.text or "").split())


def _dispute_record(ctx: _Doc, dispute: dict) -> dict:
    for role in ("a", "b"):
        other: _Draft = dispute[role]
        if not other.id:
            t_start, t_end = ctx.char_span(*other.trigger)
            other.id = _event_id(ctx.doc.id, t_start, t_end)
    return {"kind": dispute["kind"], "a": dispute["a"].id, "b": dispute["b"].id,
            "note": f"{dispute['b'].attributed_to or 'a source'} denies what "
                    f"{dispute['a'].attributed_to or 'the report'} reports"}


def _toll_disputes(draft: _Draft) -> list[dict]:
    """Two figures for one event's dead that differ (9 vs 20): a toll dispute inside the article."""
    disputes = []
    known = [t for t in draft.killed if t.value is not None]
    for k in range(1, len(known)):
        a, b = known[0], known[k]
        if a.value != b.value:
            disputes.append({"kind": "toll", "a": draft.id, "b": draft.id,
                             "note": f"{a.source or 'first report'}: {a.text}; {b.source or 'second report'}: {b.text}",
                             "compatible": _compatible(a, b)})
    return disputes


def _compatible(a: Toll, b: Toll) -> bool:
    """at_least 9 and exact 12 agree; at_least 9 and exact 5 do not (docs §9)."""
    def bounds(t: Toll) -> tuple[float, float]:
        value = t.value or 0
        if t.qualifier == "at_least":
            return value, float("inf")
        if t.qualifier == "at_most":
            return 0, value
        if t.qualifier == "range":
            return value, t.high or value
        if t.qualifier == "about":
            return value * 0.8, value * 1.2
        return value, value
    lo_a, hi_a = bounds(a)
    lo_b, hi_b = bounds(b)
    return lo_a <= hi_b and lo_b <= hi_a


__all__ = ["annotate_events", "CIVILIANS"]
