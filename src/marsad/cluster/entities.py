"""Cross-document coreference for the entities the KB lacks.

    mapping = cluster_entities(entities)            # provisional id -> canonical id
    mapping = cluster_entities(entities, scopes)    # scopes: entity id -> doc/story keys

Each document links its own mentions (marsad.entities.linking): KB entities get `kb:` ids, names
the KB lacks get a provisional `new:<type>:<hash>` id that hashes the name's skeleton, so one
spelling family already shares an id across documents. This step merges what one document could
not see:

* the same name under another key: clitics or the article left on (والأكراد / الأكراد) or a
  variant spelling, compared on the normalised skeleton of the name (and of every variant the
  entity was seen under);
* a surname alone (سلو) -> the one full-name person in the corpus whose last name word it is
  (طلال سلو); with `scopes`, a surname shared by several full names goes to the one that shares
  a document or story with it;
* an acronym (قسد) -> the one multi-word organisation whose content-word initials spell it.

Never across types, never for places (LOC: the geo stage owns them), never two different full
names: only a one-word name is ever attached to a longer one. Candidates are found through
dictionaries keyed by skeleton, surname and initials (blocking), so the step is linear in the
number of entities plus their variants. The function reads no store: the caller applies the
mapping (mentions' entity_id, events' actors) and keeps or drops the merged records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from marsad.entities.kb import NAME_PARTICLES, initials_key, name_tokens, skeleton_key, word_skeleton
from marsad.entities.linking import KB_PREFIX
from marsad.records import Entity
from marsad.text.tokens import proclitic_splits

PROVISIONAL_PREFIX = "new:"
CLUSTER_TYPES = frozenset({"PERS", "ORG", "MISC"})
MIN_SURNAME_LEN = 3
MIN_ACRONYM_LEN = 3


def is_provisional(entity_id: str) -> bool:
    return entity_id.startswith(PROVISIONAL_PREFIX)


def _strip_clitics(tokens: list[str]) -> list[str]:
    """The first word without a conjunction/preposition glued to an article (والأكراد →
    الاكراد, للأكراد → الاكراد); other proclitics stay, names start with those letters too."""
    if not tokens:
        return tokens
    first = tokens[0]
    for prefix, stem in proclitic_splits(first):
        if prefix in ("و", "ف", "ب", "ك", "وب", "ول", "وك", "فب", "فل") and stem.startswith("ال") and len(stem) >= 5:
            return [stem, *tokens[1:]]
        if prefix in ("لل", "ولل", "فلل") and len(stem) >= 3:
            return ["ال" + stem, *tokens[1:]]
    return tokens


def _name_keys(entity: Entity) -> list[list[str]]:
    """Matching-form word lists of every name the entity was seen under, clitics stripped."""
    keys = []
    for name in dict.fromkeys([entity.name_ar, *entity.variants]):
        tokens = _strip_clitics([t for t in name_tokens(name or "") if t[:1].isalnum()])
        if tokens:
            keys.append(tokens)
    return keys


class _UnionFind:
    """Disjoint sets of entity ids that refuse to join two different KB entities."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.kb: dict[str, str] = {}  # root -> the KB id in its set

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def kb_of(self, root: str) -> str | None:
        return self.kb.get(root, root if root.startswith(KB_PREFIX) else None)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb = self.kb_of(ra), self.kb_of(rb)
        if ka and kb and ka != kb:
            return False
        self.parent[rb] = ra
        if ka or kb:
            self.kb[ra] = ka or kb  # type: ignore[assignment]
        return True


def _merge_records(entities: Iterable[Entity]) -> dict[str, Entity]:
    """One record per id: the same entity comes back from every document it is named in."""
    merged: dict[str, Entity] = {}
    for entity in entities:
        if entity is None or not getattr(entity, "id", None):
            continue
        have = merged.get(entity.id)
        if have is None:
            merged[entity.id] = Entity(entity.id, entity.type, entity.name_ar or "", entity.name_en,
                                       entity.name_en_romanised, kb_id=entity.kb_id,
                                       variants=list(entity.variants or []))
            continue
        for name in [entity.name_ar, *(entity.variants or [])]:
            if name and name != have.name_ar and name not in have.variants:
                have.variants.append(name)
    return merged


def _rank(entity: Entity, words: int) -> tuple:
    """Canonical member of a cluster: a KB entity, else the longest name, then the smallest id."""
    return (not entity.id.startswith(KB_PREFIX), -words, -len(entity.name_ar), entity.id)


def cluster_entities(entities: Iterable[Entity],
                     scopes: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Map every provisional (non-KB, non-place) entity id to its canonical entity id.

    `entities`: Entity records from any number of documents (the same id may come several
    times; names and variants are pooled). KB entities may be included: they then serve as
    targets (a provisional name that is a KB entity's name, surname or acronym goes to it) and
    are never remapped. `scopes` (optional): entity id -> keys of the documents or stories it is
    mentioned in, used only to choose among several full names sharing a surname.

    Returns {provisional id: canonical id} for every provisional id given, itself when it
    stays alone. The canonical id is a KB id where one is in the cluster, else the id of the
    member with the longest name (ties: the smallest id), so the result does not depend on
    input order.
    """
    records = {eid: e for eid, e in _merge_records(entities).items()
               if e.type in CLUSTER_TYPES and not eid.startswith("place:")}
    uf = _UnionFind()
    keys = {eid: _name_keys(e) for eid, e in records.items()}
    words = {eid: max((len(k) for k in ks), default=0) for eid, ks in keys.items()}

    # 1. the same normalised full name, per type. Only an entity's longest names count: the
    # surname-only variants of طلال سلو must not join it to أحمد سلو.
    by_skeleton: dict[tuple[str, str], list[str]] = defaultdict(list)
    for eid, ks in keys.items():
        for k in ks:
            if len(k) == words[eid]:
                by_skeleton[(records[eid].type, skeleton_key(k))].append(eid)
    for ids in by_skeleton.values():
        if len({i for i in ids if i.startswith(KB_PREFIX)}) > 1:
            continue  # two KB entries share the name: it decides nothing
        for other in ids[1:]:
            uf.union(ids[0], other)

    # 2. surname alone -> the one full name ending with it; 3. acronym -> the one expansion
    surnames: dict[str, set[str]] = defaultdict(set)
    initials: dict[tuple[str, str], set[str]] = defaultdict(set)
    for eid, ks in keys.items():
        kind = records[eid].type
        for k in ks:
            if len(k) < 2:
                continue
            if kind == "PERS" and k[-1] not in NAME_PARTICLES and len(k[-1]) >= MIN_SURNAME_LEN:
                surnames[word_skeleton(k[-1])].add(eid)
            if kind in ("ORG", "MISC"):
                content = [t for t in k if not t.isdigit()]
                acronym = initials_key(content) if len(content) >= 3 else ""
                if len(acronym) >= MIN_ACRONYM_LEN:
                    initials[(kind, acronym)].add(eid)

    for eid, ks in keys.items():
        if not is_provisional(eid) or words[eid] != 1:
            continue
        kind = records[eid].type
        singles = {k[0] for k in ks if len(k) == 1}
        targets: set[str] = set()
        for word in singles:
            if kind == "PERS" and word not in NAME_PARTICLES and len(word) >= MIN_SURNAME_LEN:
                targets |= surnames.get(word_skeleton(word), set())
            if kind in ("ORG", "MISC") and len(word) >= MIN_ACRONYM_LEN and not word.startswith("ال"):
                targets |= initials.get((kind, word), set())
        roots = {uf.find(t) for t in targets if t != eid}
        if len(roots) > 1 and scopes is not None:
            mine = set(scopes.get(eid, ()))
            roots = {r for r in roots
                     if any(mine & set(scopes.get(t, ())) for t in targets if uf.find(t) == r)}
        if len(roots) == 1:
            uf.union(next(iter(roots)), eid)

    # the canonical member of each cluster
    members: dict[str, list[str]] = defaultdict(list)
    for eid in records:
        members[uf.find(eid)].append(eid)
    canonical: dict[str, str] = {}
    for ids in members.values():
        best = min(ids, key=lambda i: _rank(records[i], words[i]))
        for i in ids:
            canonical[i] = best
    return {eid: canonical[eid] for eid in records if is_provisional(eid)}
