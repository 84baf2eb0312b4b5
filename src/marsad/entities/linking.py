"""Mention → entity: the KB entry where one fits, else a provisional entity with a stable id.

A `DocLinker` lives for one document. It remembers the people already named there, so that a
surname alone (غاتيلوف after غينادي غاتيلوف, سلو after طلال سلو) goes to the same entity, and it
uses the publication date to read role descriptions (وزير الدفاع الروسي in 2017 is Shoigu).

Order of evidence for one mention, most certain first:
1. its name, with proclitics stripped, in the KB by exact or skeleton key (ترمب = ترامب);
2. a person's surname already seen in this document with a full name;
3. a surname that only one KB person carries;
4. a one-letter misspelling of a KB surname (شريغو → شويغو), only when the candidate is unique and
   agrees with the given name written beside it or with the role beside it;
5. otherwise a provisional entity whose id hashes the name's skeleton key, so the same unknown
   name gets the same id in every document (the cross-document step then merges surnames and
   acronyms, see marsad.cluster.entities).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from marsad.entities.kb import (
    NAME_PARTICLES,
    KbEntry,
    KnowledgeBase,
    RoleTenure,
    skeleton_key,
    word_skeleton,
)
from marsad.entities.romanize import romanize
from marsad.records import Entity
from marsad.text.tokens import proclitic_splits

KB_PREFIX = "kb:"
MIN_SURNAME_LEN = 4


def kb_entity_id(entry_id: str) -> str:
    return KB_PREFIX + entry_id


def provisional_id(kind: str, tokens: tuple[str, ...] | list[str]) -> str:
    """Stable id of a name the KB lacks: the same skeleton gives the same id in any document."""
    digest = hashlib.sha1(skeleton_key(tokens).encode("utf-8")).hexdigest()[:12]
    return f"new:{kind.lower()}:{digest}"


def name_readings(tokens: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(prefix, tokens) readings of a name with the first word's proclitics stripped, the
    unsplit reading first; ال is restored after لل and kept after و/ب (وبالرقة → الرقة). The
    prefix is what precedes the mention in the token: لل whole, since the article's alef is gone."""
    if not tokens:
        return []
    first, rest = tokens[0], tokens[1:]
    readings = []
    for prefix, stem in proclitic_splits(first):
        readings.append((prefix, (stem, *rest)))
        if prefix.endswith("لل"):
            readings.append((prefix, ("ال" + stem, *rest)))
    return readings


def is_name_like(token: str) -> bool:
    return len(token) >= 2 and token[0].isalpha()


@dataclass
class LinkResult:
    entity_id: str
    how: str  # exact | skeleton | doc-surname | kb-surname | fuzzy | role | new
    score: float
    tokens: tuple[str, ...] = ()  # the name's tokens after clitic stripping
    prefix: str = ""  # the stripped proclitics (match form)


@dataclass
class DocLinker:
    """Linking state for one document."""

    kb: KnowledgeBase
    date: str | None = None  # publication date (YYYY-MM-DD or coarser), for role tenures
    entities: dict[str, Entity] = field(default_factory=dict)
    # surname skeleton -> {entity id: surname spellings} of people named in full in the document
    doc_surnames: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def surname_owner(self, word: str) -> str | None:
        """The one entity named in full earlier whose surname this word is: spelled the same, or
        (long foreign-looking words only) the same skeleton within a letter (دارنفورد)."""
        owners = self.doc_surnames.get(word_skeleton(word), {})
        fits = [eid for eid, spellings in owners.items()
                if word in spellings or (len(word) >= 5 and not word.startswith("ال")
                                         and any(abs(len(word) - len(s)) <= 1 for s in spellings))]
        return fits[0] if len(fits) == 1 else None

    # ------------------------------------------------------------------------- KB lookups

    def kb_match(self, tokens: tuple[str, ...], kind: str | None) -> LinkResult | None:
        """The KB entry for a name under any clitic reading, when exactly one fits its type."""
        for prefix, reading in name_readings(tokens):
            ids = self.kb.lookup(reading)
            if not ids or ids == [""]:
                continue
            entries = [self.kb.by_id[i] for i in ids if i]
            if kind and kind != "LOC":
                entries = [e for e in entries if e.type == kind] or entries
            chosen = self._disambiguate(entries)
            if chosen is not None:
                exact = self.kb.exact.get(" ".join(reading))
                how = "exact" if exact else "skeleton"
                return LinkResult(kb_entity_id(chosen.id), how, 1.0 if exact else 0.9, reading, prefix)
        return None

    def _disambiguate(self, entries: list[KbEntry]) -> KbEntry | None:
        """One entry among several that share a name: the one already in this document, else
        the one holding a role at the publication date, else none."""
        if len(entries) == 1:
            return entries[0]
        seen = [e for e in entries if kb_entity_id(e.id) in self.entities]
        if len(seen) == 1:
            return seen[0]
        active = [e for e in entries if any(r.entity == e.id and r.holds_on(self.date) for r in self.kb.roles)]
        return active[0] if len(active) == 1 and self.date else None

    def holders(self, tenures: list[RoleTenure], sole_only: bool) -> list[str]:
        """Entry ids holding a role at the publication date (all holders when it is unknown
        and the role had a single holder in the KB)."""
        if self.date is None:
            ids = {t.entity for t in tenures if not sole_only or t.sole}
            return sorted(ids) if len(ids) == 1 else []
        return sorted({t.entity for t in tenures if t.holds_on(self.date) and (t.sole or not sole_only)})

    # --------------------------------------------------------------------- person fallbacks

    def person_fallback(self, tokens: tuple[str, ...], role_holders: list[str]) -> LinkResult | None:
        """Surname and misspelling evidence for a PERS name the KB keys did not find."""
        for prefix, reading in name_readings(tokens):
            words = [t for t in reading if is_name_like(t)]
            if not words:
                continue
            surname = words[-1]
            if surname in NAME_PARTICLES or len(surname) < 3:
                continue
            owner = self.surname_owner(surname)
            if owner and (len(words) == 1 or self._given_fits(owner, words[0])):
                return LinkResult(owner, "doc-surname", 0.85, reading, prefix)
            if len(words) == 1 and len(surname) >= MIN_SURNAME_LEN and not surname.startswith("ال"):
                owners = self.kb.surnames.get(word_skeleton(surname), set())
                if len(owners) == 1:
                    return LinkResult(kb_entity_id(next(iter(owners))), "kb-surname", 0.75, reading, prefix)
            fuzzy = self._fuzzy(words, role_holders)
            if fuzzy:
                return LinkResult(kb_entity_id(fuzzy), "fuzzy", 0.7, reading, prefix)
        return None

    def _given_fits(self, entity_id: str, given: str) -> bool:
        entry = self.kb.by_id.get(entity_id.removeprefix(KB_PREFIX))
        if entry is None:  # a provisional entity: compare with the names it was seen under
            entity = self.entities.get(entity_id)
            names = [entity.name_ar, *entity.variants] if entity else []
            firsts = {word_skeleton(n.split()[0]) for n in names if len(n.split()) > 1}
            return not firsts or word_skeleton(given) in firsts
        return entity_id.removeprefix(KB_PREFIX) in self.kb.given.get(word_skeleton(given), set())

    def _fuzzy(self, words: list[str], role_holders: list[str]) -> str | None:
        """A KB person one letter away in the surname, confirmed by the given name or role."""
        candidates = self.kb.fuzzy_surname(words[-1])
        if not candidates:
            return None
        if len(words) > 1:
            confirmed = candidates & self.kb.given.get(word_skeleton(words[0]), set())
        else:
            confirmed = candidates & set(role_holders)
        if role_holders and len(confirmed) > 1:
            confirmed &= set(role_holders)
        return next(iter(confirmed)) if len(confirmed) == 1 else None

    # ------------------------------------------------------------------------ entity records

    def link(self, tokens: tuple[str, ...], kind: str, surface: str,
             role_holders: list[str] | None = None) -> LinkResult:
        """Link a mention's matching-form tokens; always returns an entity (maybe provisional)."""
        result = self.resolve(tokens, kind, role_holders)
        self.record(result, kind, surface)
        return result

    def resolve(self, tokens: tuple[str, ...], kind: str,
                role_holders: list[str] | None = None) -> LinkResult:
        """The entity a mention's matching-form tokens refer to, without recording it: the
        caller trims the surface by `prefix` first, then calls `record`."""
        role_holders = role_holders or []
        result = self.kb_match(tokens, kind)
        if result is None and kind == "PERS":
            result = self.person_fallback(tokens, role_holders)
        if result is None:
            reading = name_readings(tokens)[0][1] if tokens else tokens
            result = LinkResult(provisional_id(kind, reading), "new", 0.5, reading, "")
        return result

    def record(self, result: LinkResult, kind: str, surface: str) -> Entity:
        """Create or extend the Entity for a link; remember full names' surnames."""
        entity = self.entities.get(result.entity_id)
        if entity is None:
            entity = self._new_entity(result, kind, surface)
            self.entities[result.entity_id] = entity
        elif surface and surface != entity.name_ar and surface not in entity.variants:
            entity.variants.append(surface)
            if result.how == "new" and len(surface) > len(entity.name_ar):
                entity.variants.remove(surface)
                entity.variants.append(entity.name_ar)
                entity.name_ar = surface
                entity.name_en = romanize(surface)
        words = [t for t in result.tokens if is_name_like(t)] if result.how != "role" else []
        # A role description (وزير الدفاع الروسي) names its holder but has no surname: its last
        # word is an adjective, and must not later stand for the person on its own.
        if entity.type == "PERS" and len(words) >= 2 and words[-1] not in NAME_PARTICLES:
            owners = self.doc_surnames.setdefault(word_skeleton(words[-1]), {})
            owners.setdefault(result.entity_id, set()).add(words[-1])
        return entity

    def _new_entity(self, result: LinkResult, kind: str, surface: str) -> Entity:
        entry = self.kb.by_id.get(result.entity_id.removeprefix(KB_PREFIX))
        if entry is not None and result.entity_id.startswith(KB_PREFIX):
            variants = [surface] if surface and surface != entry.name_ar else []
            return Entity(
                id=result.entity_id, type=entry.type, name_ar=entry.name_ar, name_en=entry.name_en,
                kb_id=entry.id, wikidata=entry.wikidata, role=entry.role, country=entry.country,
                variants=variants,
            )
        return Entity(id=result.entity_id, type=kind, name_ar=surface, name_en=romanize(surface) or None,
                      name_en_romanised=True)
