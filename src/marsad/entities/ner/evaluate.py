"""Entity-level precision/recall/F1 with exact span match, as conlleval computes it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of each entity. As in conlleval, an I- that does not continue an entity
    of its own type starts a new one (so a tagger is not rewarded or punished twice for it)."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, this_kind = tag.partition("-")
        continues = prefix == "I" and this_kind == kind and start >= 0
        if continues:
            continue
        if start >= 0:
            found.add((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I"):
            start, kind = i, this_kind
    return found


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "gold": self.gold, "predicted": self.predicted,
                "correct": self.correct}


def _score(correct: int, gold: int, predicted: int) -> Score:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, gold, predicted, correct)


def entity_scores(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Per-type scores and their micro average under the key "ALL"."""
    correct: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g, p = spans(g_tags), spans(p_tags)
        for kind in (s[2] for s in g):
            n_gold[kind] += 1
        for kind in (s[2] for s in p):
            n_pred[kind] += 1
        for kind in (s[2] for s in g & p):
            correct[kind] += 1
    kinds = sorted(set(n_gold) | set(n_pred))
    table = {k: _score(correct[k], n_gold[k], n_pred[k]) for k in kinds}
    table["ALL"] = _score(sum(correct.values()), sum(n_gold.values()), sum(n_pred.values()))
    return table


def format_table(table: dict[str, Score]) -> str:
    rows = [f"{'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for kind, s in table.items():
        rows.append(f"{kind:<6} {s.precision:7.4f} {s.recall:7.4f} {s.f1:7.4f} {s.gold:6d} {s.predicted:6d}")
    return "\n".join(rows)
