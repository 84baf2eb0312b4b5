"""The actor knowledge base: people, organisations and a few named operations or processes.

The source tables are hand-written TSV files in `data/kb/`; `scripts/build_kb.py` compiles them
into `resources/kb/kb.json.gz` (entries, role tenures and the matching indexes). This module holds
the matching keys, so that the build and the lookups can never disagree on them, and loads the
resource once per process.

Two keys per name, both over the *matching form* (`match_form`: hamza, ta marbuta, alef maqsura
and diacritics folded):

* the exact key: the matching-form tokens joined by spaces (ترمب, قوات سوريه الديمقراطيه);
* the skeleton key: each token reduced to its consonants, with the letters that transliteration
  swaps collapsed (غ/ج/ك/ق for Latin g, ت/ط/ث, س/ص, ذ/ز/ظ) and inner long vowels dropped, so
  ترامب/ترمب, بوغدانوف/بوجدانوف and الديموقراطية/الديمقراطية meet. A final ta marbuta and a final
  alef become one marker, so سورية = سوريا but وزارة ≠ وزير. A skeleton is lossy, so lookups by
  skeleton also compare the spelled lengths, and a single word is looked up by skeleton only when
  it is long and has no article: الأسود must not become الأسد (see `KnowledgeBase.lookup`).
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.text.normalize import match_form
from marsad.text.tokens import tokenize

KB_PATH = Path(__file__).resolve().parents[1] / "resources" / "kb" / "kb.json.gz"
# Bump when word_skeleton or the index layout changes: the loader then rebuilds the indexes.
KEY_VERSION = 3

# Letters that one Latin sound is written with in Arabic transliterations.
_SKELETON_CLASS = {
    "غ": "ج", "ك": "ج", "ق": "ج", "ج": "ج", "گ": "ج",
    "ط": "ت", "ث": "ت",
    "ص": "س",
    "ذ": "ز", "ظ": "ز",
}
_LONG_VOWELS = set("اويء")
# Short skeletons collide with ordinary words: single tokens are matched by skeleton only above this.
MIN_SKELETON_SINGLE = 4
# Tokens that never stand for a surname on their own (particles inside names).
NAME_PARTICLES = frozenset({"بن", "ابن", "ابو", "ابي", "ال", "عبد", "بنت", "ولد", "دي", "دو", "فون", "لو", "لا", "اوغلو"})


# Skeletons are asked for every reading of every token the KB scan looks at: kept per word in two
# generations (a word found in the old one moves to the young one; a full young one becomes the
# old one), so the common vocabulary is computed once and the table stays bounded.
_SKELETON_CACHE_LIMIT = 30_000
_skeletons: dict[str, str] = {}
_old_skeletons: dict[str, str] = {}


def word_skeleton(word: str) -> str:
    """The consonant skeleton of one matching-form word (its first letter always kept)."""
    global _skeletons, _old_skeletons
    cached = _skeletons.get(word)
    if cached is None:
        cached = _old_skeletons.pop(word, None)
        if cached is None:
            cached = _skeleton(word)
        if len(_skeletons) >= _SKELETON_CACHE_LIMIT:
            _old_skeletons, _skeletons = _skeletons, {}
        _skeletons[word] = cached
    return cached


def _skeleton(word: str) -> str:
    if not word:
        return ""
    out: list[str] = [_SKELETON_CLASS.get(word[0], word[0])]
    last = len(word) - 1
    for i in range(1, len(word)):
        ch = word[i]
        if i == last and i > 1 and ch in "اه":  # ta marbuta (folded to ه) or alef at the end
            out.append("ا")
            continue
        if ch in _LONG_VOWELS:
            continue
        ch = _SKELETON_CLASS.get(ch, ch)
        if ch != out[-1]:  # doubled letters (shadda spelled out) count once
            out.append(ch)
    return "".join(out)


def single_word_skeleton_ok(word: str) -> bool:
    """One word is matched by skeleton only when the skeleton is long enough and the word has
    no article: transliterated foreign names vary, native words with ال collide (الكبرى/الجبير)."""
    return not word.startswith("ال") and len(word_skeleton(word)) >= MIN_SKELETON_SINGLE


def name_tokens(text: str) -> list[str]:
    """Matching-form tokens of a name, punctuation kept as tokens (they are part of the key)."""
    return [match_form(tok.text) for tok in tokenize(text) if match_form(tok.text)]


def exact_key(tokens: list[str] | tuple[str, ...]) -> str:
    return " ".join(tokens)


def skeleton_key(tokens: list[str] | tuple[str, ...]) -> str:
    return " ".join(map(word_skeleton, tokens))


def initials_key(tokens: list[str] | tuple[str, ...]) -> str:
    """Arabic acronym of a name: first letter of each content word, the article skipped
    (قوات سوريه الديمقراطيه → قسد)."""
    letters = []
    for tok in tokens:
        if not tok[:1].isalpha() or tok in _FUNCTION_WORDS:
            continue
        stem = tok[2:] if tok.startswith("ال") and len(tok) > 3 else tok
        letters.append(stem[0])
    return "".join(letters)


_FUNCTION_WORDS = frozenset({"في", "من", "الى", "علي", "عن", "و", "ل", "لل", "مع", "ضد", "بين"})


@dataclass
class KbEntry:
    id: str
    type: str
    name_ar: str
    name_en: str
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None
    variants: list[str] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)


@dataclass
class RoleTenure:
    entity: str
    sole: bool  # one holder at a time, so the role alone names the holder
    start: str | None  # ISO date or None (open)
    end: str | None
    phrases: list[str] = field(default_factory=list)

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class Candidate:
    """A KB entry found for a token sequence, and how."""

    entry: KbEntry
    how: str  # exact | skeleton | surname | fuzzy | role


class KnowledgeBase:
    """Entries and the indexes that find them from token sequences."""

    def __init__(self, entries: list[KbEntry], roles: list[RoleTenure], blockers: list[str]) -> None:
        self.entries = entries
        self.by_id = {e.id: e for e in entries}
        self.roles = roles
        self.blockers = blockers
        self._index()

    # ---------------------------------------------------------------------------------- build

    def _index(self) -> None:
        # exact key -> entry ids; "" marks a blocker (a phrase that consumes its span, no entity)
        self.exact: dict[str, list[str]] = defaultdict(list)
        # skeleton key -> (entry id, spelled length) for the length check
        self.skeleton: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.surnames: dict[str, set[str]] = defaultdict(set)  # surname skeleton -> PERS ids
        self.given: dict[str, set[str]] = defaultdict(set)  # given-name skeleton -> PERS ids
        self.deletes: dict[str, set[str]] = defaultdict(set)  # one-letter deletions of surnames
        self.role_phrases: dict[str, list[RoleTenure]] = defaultdict(list)
        self.max_len: dict[str, int] = {}  # first token (exact or skeleton) -> longest key length
        self.key_lengths: dict[str, set[int]] = {}  # first token (exact or skeleton) -> every key length
        for entry in self.entries:
            for variant in [entry.name_ar, *entry.variants]:
                self._add_name(variant, entry)
        for phrase in self.blockers:
            self._add_key(name_tokens(phrase), "")
        for tenure in self.roles:
            for phrase in tenure.phrases:
                tokens = name_tokens(phrase)
                if tokens:
                    self.role_phrases[skeleton_key(tokens)].append(tenure)
                    self._note_len(tokens)
        self.exact = dict(self.exact)
        self.skeleton = dict(self.skeleton)

    def _note_len(self, tokens: list[str]) -> None:
        for first in (tokens[0], word_skeleton(tokens[0])):
            self.max_len[first] = max(self.max_len.get(first, 0), len(tokens))
            self.key_lengths.setdefault(first, set()).add(len(tokens))

    def _add_key(self, tokens: list[str], entity_id: str) -> None:
        if not tokens:
            return
        key = exact_key(tokens)
        if entity_id not in self.exact[key]:
            self.exact[key].append(entity_id)
        skel = skeleton_key(tokens)
        if len(tokens) > 1 or single_word_skeleton_ok(tokens[0]):
            item = (entity_id, len(key))
            if item not in self.skeleton[skel]:
                self.skeleton[skel].append(item)
        self._note_len(tokens)

    def _add_name(self, variant: str, entry: KbEntry) -> None:
        tokens = name_tokens(variant)
        self._add_key(tokens, entry.id)
        if entry.type != "PERS" or len(tokens) < 2:
            return
        # Surnames and given names of people, for "Gatilov" after "Gennady Gatilov" and for
        # misspelled surnames after a known given name (سيرغي شريغو).
        surname = tokens[-1]
        if surname not in NAME_PARTICLES and len(surname) >= 3:
            self.surnames[word_skeleton(surname)].add(entry.id)
            for i in range(len(surname)):
                self.deletes[surname[:i] + surname[i + 1:]].add(entry.id)
            self.deletes[surname].add(entry.id)
        if tokens[0] not in NAME_PARTICLES:
            self.given[word_skeleton(tokens[0])].add(entry.id)

    # -------------------------------------------------------------------------------- lookups

    def lookup(self, tokens: tuple[str, ...] | list[str]) -> list[str] | None:
        """Entry ids for a matching-form token sequence: exact key first, then skeleton key with
        spelled lengths within one letter per token. [""] is a blocker; None is no match."""
        return self.lookup_keyed(tokens, exact_key(tokens), None)

    def lookup_keyed(self, tokens: tuple[str, ...] | list[str], key: str, skeleton: str | None) -> list[str] | None:
        """`lookup` with the tokens' exact key (and skeleton key, or None) already made."""
        found = self.exact.get(key)
        if found:
            return found
        if len(tokens) == 1 and not single_word_skeleton_ok(tokens[0]):
            return None
        items = self.skeleton.get(skeleton if skeleton is not None else skeleton_key(tokens))
        if not items:
            return None
        slack = len(tokens)
        ids = [eid for eid, length in items if abs(length - len(key)) <= slack]
        return list(dict.fromkeys(ids)) or None

    def fuzzy_surname(self, word: str) -> set[str]:
        """PERS ids whose surname is one edit away from `word` (match form), by deletion
        neighbourhoods (SymSpell): no pairwise comparison."""
        if len(word) < 5:
            return set()
        found = set(self.deletes.get(word, ()))
        for i in range(len(word)):
            found |= self.deletes.get(word[:i] + word[i + 1:], set())
        return found

    def roles_for(self, tokens: tuple[str, ...] | list[str]) -> list[RoleTenure]:
        return self.role_phrases.get(skeleton_key(tokens), [])

    def get(self, entity_id: str) -> KbEntry | None:
        return self.by_id.get(entity_id)

    # --------------------------------------------------------------------------- (de)serialise

    def to_json(self) -> dict:
        return {
            "key_version": KEY_VERSION,
            "entries": [asdict(e) for e in self.entries],
            "roles": [asdict(r) for r in self.roles],
            "blockers": self.blockers,
        }

    @classmethod
    def from_json(cls, data: dict) -> KnowledgeBase:
        entries = [KbEntry(**e) for e in data["entries"]]
        roles = [RoleTenure(**r) for r in data["roles"]]
        return cls(entries, roles, list(data.get("blockers", [])))


@lru_cache(maxsize=4)
def load_kb(path: Path = KB_PATH) -> KnowledgeBase:
    """The compiled KB, loaded once per process (indexes are rebuilt at load: ~30 ms)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return KnowledgeBase.from_json(json.load(handle))
