"""The entities stage: find PERS/ORG/MISC/LOC mentions in a document and link them.

    entities = annotate_entities(doc)   # fills doc.mentions, returns the Entity records

Mentions come from two finders, merged:

* the KB dictionary matcher: a longest-match scan over the token sequence in matching form, with
  the first word's proclitics stripped (وبوتين → بوتين, لداعش → داعش), by exact key then skeleton
  key (ترمب = ترامب); plus a known given name followed by a one-letter misspelling of that person's
  surname (سيرغي شريغو), and role descriptions (وزير الدفاع الروسي) that name their holder;
* the project's NER model (marsad.entities.ner), when it is installed, for the names the KB lacks.

A KB match wins its span and its type; NER spans that overlap one are dropped. A second pass
then finds surnames and acronyms of names already seen in the document (سلو after طلال سلو,
قسد after قوات سورية الديمقراطية (قسد)). LOC mentions keep entity_id None: the geo stage links
places.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from marsad.entities.kb import (
    NAME_PARTICLES,
    KnowledgeBase,
    RoleTenure,
    initials_key,
    load_kb,
    skeleton_key,
    word_skeleton,
)
from marsad.entities.linking import DocLinker, LinkResult, is_name_like, kb_entity_id
from marsad.records import Document, Entity, Mention
from marsad.text.cache import TwoGenerationCache
from marsad.text.normalize import fold_char, match_form
from marsad.text.tokens import Token, proclitic_splits, tokenize

log = logging.getLogger(__name__)

MAX_TOKEN_CHARS = 100  # longer "words" are junk (URLs, base64): never names
_FORM_CACHE_LIMIT = 40_000  # per generation (two kept)


@dataclass
class Found:
    """A span of tokens [first, last) the scan found, before it becomes a Mention."""

    first: int
    last: int
    kind: str
    prefix: str  # proclitics (match form) stripped from the first token
    link: LinkResult | None = None
    source: str = "kb"
    tenures: list[RoleTenure] | None = None  # for role descriptions


# ------------------------------------------------------------------------------ token forms

def _token_form(text: str) -> tuple[str, list[tuple[str, str]]]:
    form = match_form(text) if len(text) <= MAX_TOKEN_CHARS else ""
    return form, _readings_of(form)


# Matching form of a token and its (prefix, stem) proclitic readings, cached: news reuses its
# vocabulary, so most tokens of an article are already known (two generations: text/cache.py).
token_form = TwoGenerationCache(_token_form, _FORM_CACHE_LIMIT)


def _readings_of(form: str) -> list[tuple[str, str]]:
    """(prefix, stem) proclitic readings of a matching form (Arabic words only)."""
    return proclitic_splits(form) if form[:1].isalpha() and not form.isascii() else [("", form)]


def clean_offset(token: Token, prefix: str) -> int:
    """Clean-text offset just after `prefix` (match-form letters) inside the token; marks that
    fold to nothing (diacritics, tatweel) after the prefix's last letter belong to the prefix."""
    if not prefix:
        return token.start
    consumed = 0
    for i, ch in enumerate(token.text):
        if consumed >= len(prefix) and fold_char(ch):
            return token.start + i
        consumed += len(fold_char(ch))
    return token.end


# -------------------------------------------------------------------------------- KB scan


def scan_kb(kb: KnowledgeBase, linker: DocLinker, forms: list[str],
            readings: list[list[tuple[str, str]]]) -> list[Found]:
    """Longest KB matches (names, blockers, role descriptions) over the token sequence."""
    found: list[Found] = []
    hint = _scan_hints(kb)
    hints = [hint(f, r) for f, r in zip(forms, readings, strict=True)]
    i, n = 0, len(forms)
    while i < n:
        starts, givens = hints[i]
        best = _longest_at(kb, linker, forms, starts, i) if starts else None
        if best is None and givens:
            best = _given_name_with_misspelt_surname(kb, forms, givens, i)
        if best is None:
            i += 1
            continue
        if best.kind:  # blockers have no kind: their span is consumed and dropped
            found.append(best)
        i = best.last
    return found


_NO_HINTS: tuple[tuple, tuple] = ((), ())


class _ScanHints:
    """Per matching form, what the KB scan can start there, worked out once per distinct form:
    the readings (prefix, stem) whose stem begins a KB key, with the key lengths (longest first), and the
    readings that are a KB given name, with its people. Most forms start nothing. Two
    generations, like the token forms; one table per KB."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._hints: TwoGenerationCache[str, tuple[tuple, tuple]] = TwoGenerationCache(None, _FORM_CACHE_LIMIT)

    def __call__(self, form: str, readings: list[tuple[str, str]]) -> tuple[tuple, tuple]:
        return self._hints.get(form, lambda _form: self._compute(readings))

    def _compute(self, readings: list[tuple[str, str]]) -> tuple[tuple, tuple]:
        kb = self.kb
        key_lengths = kb.key_lengths
        starts, givens = [], []
        for prefix, stem in readings:
            if stem:
                # Only a length some KB key (name, blocker, role) starting with this word has can
                # match: the others are not tried.
                lengths = key_lengths.get(stem, set()) | key_lengths.get(word_skeleton(stem), set())
                if prefix and prefix.endswith("لل"):
                    lengths |= key_lengths.get("ال" + stem, set())
                if lengths:
                    starts.append((prefix, stem, tuple(sorted(lengths, reverse=True))))
            people = kb.given.get(word_skeleton(stem))
            if people:
                givens.append((prefix, stem, people))
        if not starts and not givens:
            return _NO_HINTS
        return tuple(starts), tuple(givens)


def _scan_hints(kb: KnowledgeBase) -> _ScanHints:
    hints = kb.__dict__.get("_scan_hints")
    if hints is None:
        hints = kb.__dict__["_scan_hints"] = _ScanHints(kb)
    return hints


def _longest_at(kb: KnowledgeBase, linker: DocLinker, forms: list[str],
                starts: tuple[tuple[str, str, tuple[int, ...]], ...], i: int) -> Found | None:
    best: Found | None = None
    left = len(forms) - i
    for prefix, stem, lengths in starts:
        for length in lengths:
            if length > left:
                continue
            if best is not None and length <= best.last - best.first:
                break
            seq = (stem, *forms[i + 1:i + length])
            hit = _match(kb, linker, seq, prefix)
            if hit is not None:
                hit.first, hit.last = i, i + length
                best = hit
                break
    return best


def _match(kb: KnowledgeBase, linker: DocLinker, seq: tuple[str, ...], prefix: str) -> Found | None:
    key, skeleton = " ".join(seq), skeleton_key(seq)  # each made once for every lookup below
    tenures = kb.role_phrases.get(skeleton, [])  # = kb.roles_for(seq)
    ids = kb.lookup_keyed(seq, key, skeleton)
    if ids is None and prefix.endswith("لل"):
        # لل = ل + ال: the name is looked up with its article, but the mention starts after both
        # lams (للناتو → ناتو), so `prefix` still covers them.
        seq = ("ال" + seq[0], *seq[1:])
        key = " ".join(seq)
        ids = kb.lookup_keyed(seq, key, None)
    if ids == [""]:
        return Found(0, 0, "", prefix)
    if tenures and ids and key not in kb.exact:
        ids = None  # وزير الدفاع الروسي is a role, not a respelling of وزارة الدفاع الروسية
    if ids:
        entries = [kb.by_id[e] for e in ids if e]
        chosen = linker._disambiguate(entries)
        if chosen is not None:
            exact = key in kb.exact
            link = LinkResult(kb_entity_id(chosen.id), "exact" if exact else "skeleton",
                              1.0 if exact else 0.9, seq, prefix)
            return Found(0, 0, chosen.type, prefix, link)
        if not tenures:  # an ambiguous name (two KB people share it): leave it to NER/context
            return None
    if tenures:
        return Found(0, 0, "ROLE", prefix, tenures=tenures)
    return None


def _given_name_with_misspelt_surname(kb: KnowledgeBase, forms: list[str],
                                      givens: tuple[tuple[str, str, set[str]], ...], i: int) -> Found | None:
    """سيرغي شريغو: a KB given name, then a word one letter away from the surname of exactly one
    KB person with that given name (`givens`: the token's readings that are a KB given name)."""
    if i + 1 >= len(forms) or not is_name_like(forms[i + 1]):
        return None
    for prefix, stem, people in givens:
        confirmed = kb.fuzzy_surname(forms[i + 1]) & people
        if len(confirmed) == 1:
            entity = kb_entity_id(next(iter(confirmed)))
            link = LinkResult(entity, "fuzzy", 0.75, (stem, forms[i + 1]), prefix)
            return Found(i, i + 2, "PERS", prefix, link)
    return None


# ------------------------------------------------------------------------------------ NER

_NER_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})


def ner_prefix(kb: KnowledgeBase, readings: list[tuple[str, str]], doc_forms: set[str]) -> str:
    """The proclitics to leave out of an NER span's first token (the tagger labels whole
    tokens: والعراق, بحلب). Stripped only with evidence, since names start with these letters
    too (وليد, بشار, لندن): the article follows (وال، بال، لل), or the bare stem is a KB name
    or a token of its own elsewhere in the document while the whole word is not a KB name."""
    unsplit = readings[0][1] if readings else ""
    if not unsplit or kb.lookup((unsplit,)):
        return ""
    best = ""
    for prefix, stem in readings[1:]:
        if prefix.endswith("لل"):  # لل = ل + ال: the mention starts after both lams
            fits = prefix[:-1] in ("", *_NER_PREFIXES) and len(stem) >= 3
        elif prefix in _NER_PREFIXES:
            fits = (stem.startswith("ال") and len(stem) >= 5
                    or len(stem) >= 3 and (stem in doc_forms or bool(kb.lookup((stem,)))))
        else:
            fits = False
        if fits and len(prefix) > len(best):
            best = prefix
    return best



@lru_cache(maxsize=1)
def _ner_tagger():
    """The project's NER tagger, or None while it is not installed or has no model."""
    try:
        from marsad.entities.ner import NerTagger  # type: ignore[attr-defined]

        return NerTagger.load()
    except Exception as error:  # ImportError, a missing model file: run on the KB alone
        log.info("NER unavailable (%s): KB matching only", error)
        return None


def ner_spans(doc: Document, tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(first, last, type) token spans tagged by the NER model. The document's sentences go to
    the tagger together: its second pass reads what the first said about the same word nearby."""
    tagger = _ner_tagger()
    if tagger is None or not tokens:
        return []
    ranges = _sentence_token_ranges(doc, tokens)
    tagged = tagger.tag_sentences([[t.text for t in tokens[lo:hi]] for lo, hi in ranges])
    spans: list[tuple[int, int, str]] = []
    for (lo, _), tags in zip(ranges, tagged, strict=True):
        spans.extend((lo + a, lo + b, kind) for a, b, kind in _bio_spans(tags))
    return spans


def _sentence_token_ranges(doc: Document, tokens: list[Token]) -> list[tuple[int, int]]:
    if not doc.sentences:
        return [(0, len(tokens))]
    ranges, k = [], 0
    for sentence in doc.sentences:
        while k < len(tokens) and tokens[k].end <= sentence.start:
            k += 1
        lo = k
        while k < len(tokens) and tokens[k].start < sentence.end:
            k += 1
        if k > lo:
            ranges.append((lo, k))
    return ranges


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans, start, kind = [], -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, this = tag.partition("-")
        if prefix == "I" and this == kind and start >= 0:
            continue
        if start >= 0:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and this in ("PERS", "ORG", "LOC", "MISC"):
            start, kind = i, this
    return spans


# ----------------------------------------------------------------------------- the stage


def annotate_entities(doc: Document, kb: KnowledgeBase | None = None) -> list[Entity]:
    """Fill doc.mentions and return the entities they refer to (KB or provisional)."""
    kb = kb or load_kb()
    tokens = tokenize(doc.text)
    forms_and_readings = [token_form(t.text) for t in tokens]
    forms = [f for f, _ in forms_and_readings]
    readings = [r for _, r in forms_and_readings]
    linker = DocLinker(kb, doc.published.date if doc.published else None)

    found = scan_kb(kb, linker, forms, readings)
    taken = [False] * len(tokens)
    for f in found:
        if f.kind != "ROLE":
            for k in range(f.first, f.last):
                taken[k] = True
    doc_forms = set(forms)
    for first, last, kind in ner_spans(doc, tokens):
        if not any(taken[first:last]):
            found.append(Found(first, last, kind, ner_prefix(kb, readings[first], doc_forms), source="ner"))
            for k in range(first, last):
                taken[k] = True
    found.sort(key=lambda f: (f.first, -f.last))

    mentions = _link_all(doc, tokens, forms, found, linker)
    mentions += _second_pass(tokens, forms, readings, taken, mentions, linker)
    mentions.sort(key=lambda m: (m.start, -m.end))
    doc.mentions = mentions
    used = {m.entity_id for m in mentions if m.entity_id}
    return [e for eid, e in linker.entities.items() if eid in used]


def _link_all(doc: Document, tokens: list[Token], forms: list[str], found: list[Found],
              linker: DocLinker) -> list[Mention]:
    """Mentions for the scan's and the NER's spans; role descriptions name their holder when
    no name stands beside them."""
    names = [f for f in found if f.kind != "ROLE"]
    roles = [f for f in found if f.kind == "ROLE"]
    by_first = {f.first: f for f in names}
    by_last = {f.last: f for f in names}
    role_beside: dict[int, list[str]] = {}
    bare_roles: list[tuple[Found, str]] = []
    for role in roles:
        beside = _name_beside(role, by_first, by_last, forms)
        if beside is not None:
            role_beside[beside.first] = linker.holders(role.tenures or [], sole_only=False)
            continue
        holders = linker.holders(role.tenures or [], sole_only=True)
        if len(holders) == 1 and not any(n.first < role.last and role.first < n.last for n in names):
            bare_roles.append((role, holders[0]))

    mentions: list[Mention] = []
    for f in names:
        start = clean_offset(tokens[f.first], f.prefix)
        end = tokens[f.last - 1].end
        surface = doc.text[start:end]
        if not surface:
            continue
        if f.kind == "LOC":
            mentions.append(Mention(start, end, surface, "LOC", None, f.source, None))
            continue
        if f.link is not None:
            link = f.link
        else:
            stem = forms[f.first][len(f.prefix):]
            link = linker.resolve((stem, *forms[f.first + 1:f.last]), f.kind, role_beside.get(f.first))
            if link.prefix:
                start = clean_offset(tokens[f.first], f.prefix + link.prefix)
                surface = doc.text[start:end]
        linker.record(link, f.kind, surface)
        kind = linker.entities[link.entity_id].type if link.entity_id in linker.entities else f.kind
        mentions.append(Mention(start, end, surface, kind, link.entity_id, f.source, link.score))
    for role, holder in bare_roles:
        start = clean_offset(tokens[role.first], role.prefix)
        end = tokens[role.last - 1].end
        link = LinkResult(kb_entity_id(holder), "role", 0.8, tuple(forms[role.first:role.last]), role.prefix)
        linker.record(link, "PERS", "")
        mentions.append(Mention(start, end, doc.text[start:end], "PERS", link.entity_id, "rule", 0.8))
    return mentions


def _name_beside(role: Found, by_first: dict[int, Found], by_last: dict[int, Found],
                 forms: list[str]) -> Found | None:
    """A PERS name right after the role (one comma allowed) or right before it."""
    for gap in (0, 1):
        after = by_first.get(role.last + gap)
        if after is not None and after.kind in ("PERS",) and (gap == 0 or forms[role.last] in (",", "،")):
            return after
        before = by_last.get(role.first - gap)
        if before is not None and before.kind == "PERS" and (gap == 0 or forms[role.first - 1] in (",", "،")):
            return before
    return None


def _second_pass(tokens: list[Token], forms: list[str], readings: list[list[tuple[str, str]]],
                 taken: list[bool], mentions: list[Mention], linker: DocLinker) -> list[Mention]:
    """Surnames of people and acronyms of organisations already named in this document."""
    acronyms = _acronyms(mentions, linker)
    if not linker.doc_surnames and not acronyms:
        return []
    covered = [False] * len(tokens)
    spans = sorted((m.start, m.end) for m in mentions)
    k = 0
    for i, tok in enumerate(tokens):
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        covered[i] = taken[i] or (k < len(spans) and spans[k][0] < tok.end)
    extra: list[Mention] = []
    surnames = linker.doc_surnames  # fixed during this pass: nothing is recorded in it
    for i, tok in enumerate(tokens):
        if covered[i] or not is_name_like(forms[i]):
            continue
        for prefix, stem in readings[i]:
            if stem not in acronyms and word_skeleton(stem) not in surnames:
                continue  # no surname owner, no acronym: nothing to find
            target = linker.surname_owner(stem) if stem not in NAME_PARTICLES else None
            target = target or acronyms.get(stem)
            if target is None or _is_given_name(linker, stem):
                continue
            start = clean_offset(tok, prefix)
            entity = linker.entities[target]
            extra.append(Mention(start, tok.end, tok.text[start - tok.start:], entity.type, target, "rule", 0.8))
            if tok.text[start - tok.start:] not in entity.variants and entity.name_ar != tok.text[start - tok.start:]:
                entity.variants.append(tok.text[start - tok.start:])
            break
    return extra


def _is_given_name(linker: DocLinker, word: str) -> bool:
    """A word that is someone's given name somewhere in the KB (أحمد in إلهام أحمد) is not taken
    as a surname on its own."""
    return bool(linker.kb.given.get(word_skeleton(word)))


def _acronyms(mentions: list[Mention], linker: DocLinker) -> dict[str, str]:
    """Initials of the document's multi-word organisation names -> their entity (قسد)."""
    table: dict[str, str] = {}
    for m in mentions:
        if m.type != "ORG" or not m.entity_id:
            continue
        words = [match_form(w) for w in m.text.split()]
        if len(words) >= 3:
            table.setdefault(initials_key(words), m.entity_id)
    return {k: v for k, v in table.items() if len(k) >= 3}
