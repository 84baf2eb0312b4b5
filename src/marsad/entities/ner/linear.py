"""A CRF decoder over precomputed weight vectors: the fast path of NerTagger.

crfsuite spends most of its tagging time turning ~35 feature strings per token into attribute ids.
Here each model's weights are read once into one vector per attribute (a score per label), and the
emission scores of a word's cached features (its own, and as each neighbour) are summed once per
distinct word and kept: tagging a sentence is a few vector additions and a Viterbi pass over the
9 labels. The scores are crfsuite's (state features + label transitions), so the tags are the
ones crfsuite gives (up to ties; the dump rounds weights to 6 decimals).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pycrfsuite


class LinearCrf:
    def __init__(self, path: Path) -> None:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        self.labels: list[str] = [label for label, _ in sorted(info.labels.items(), key=lambda kv: int(kv[1]))]
        index = {label: i for i, label in enumerate(self.labels)}
        size = len(self.labels)
        self.transitions = np.zeros((size, size))
        for (source, target), weight in info.transitions.items():
            self.transitions[index[source], index[target]] = weight
        rows: dict[str, int] = {}
        entries = []
        for (attribute, label), weight in info.state_features.items():
            row = rows.get(attribute)
            if row is None:
                row = rows[attribute] = len(rows)
            entries.append((row, index[label], weight))
        matrix = np.zeros((len(rows) + 1, size))  # the last row: unknown features, zero
        if entries:
            r, c, w = zip(*entries, strict=True)
            matrix[list(r), list(c)] = w
        self.rows = rows
        self.matrix = matrix
        self.weights = {attribute: matrix[row] for attribute, row in rows.items()}
        self.zero = np.zeros(size)
        tagger.close()

    def score(self, features: Iterable[str]) -> np.ndarray:
        """Summed weight vector of the features (unknown ones count zero)."""
        total = self.zero.copy()
        get = self.weights.get
        for name in features:
            vector = get(name)
            if vector is not None:
                total += vector
        return total

    def scores(self, features: Iterable[str]) -> np.ndarray | None:
        """Like score, None when no feature is known (saves the addition)."""
        total = None
        get = self.weights.get
        for name in features:
            vector = get(name)
            if vector is not None:
                total = vector.copy() if total is None else total + vector
        return total

    def viterbi(self, emissions: np.ndarray) -> list[str]:
        """Best label sequence of one sentence (the lean loop for a batch of one)."""
        n = len(emissions)
        if n == 0:
            return []
        size = len(self.labels)
        columns = np.arange(size)
        transitions = self.transitions
        back = np.empty((n, size), dtype=np.intp)
        candidates = np.empty((size, size))
        score = emissions[0].copy()
        for p in range(1, n):
            np.add(transitions, score[:, None], out=candidates)
            best = candidates.argmax(axis=0)
            back[p] = best
            score = candidates[best, columns]
            score += emissions[p]
        state = int(score.argmax())
        path = [state]
        trace = back.tolist()
        for p in range(n - 1, 0, -1):
            state = trace[p][state]
            path.append(state)
        labels = self.labels
        return [labels[s] for s in reversed(path)]

    def viterbi_batch(self, emissions: Sequence[np.ndarray]) -> list[list[str]]:
        """Best label sequence of each sentence, all sentences of a batch advanced together one
        position at a time (sorted longest first, so the live ones are a prefix)."""
        labels = self.labels
        out: list[list[str]] = [[] for _ in emissions]
        order = sorted((i for i, e in enumerate(emissions) if len(e)), key=lambda i: -len(emissions[i]))
        if not order:
            return out
        if len(order) == 1:
            out[order[0]] = self.viterbi(emissions[order[0]])
            return out
        lengths = [len(emissions[i]) for i in order]
        batch, width, size = len(order), lengths[0], len(labels)
        padded = np.zeros((batch, width, size))
        for row, i in enumerate(order):
            padded[row, : lengths[row]] = emissions[i]
        live = [0] * (width + 1)  # live[p]: sentences longer than p
        for length in lengths:
            live[length - 1] += 1
        for p in range(width - 1, -1, -1):
            live[p] += live[p + 1]
        back = np.empty((width, batch, size), dtype=np.intp)  # position first: back[p, :k] is contiguous
        score = padded[:, 0].copy()
        column = score[:, :, None]  # a view: score[j, source] as a column per sentence
        transitions = self.transitions[None]
        candidates = np.empty((batch, size, size))
        best = np.empty((batch, size))
        for p in range(1, width):
            k = live[p]
            np.add(column[:k], transitions, out=candidates[:k])
            candidates[:k].argmax(axis=1, out=back[p, :k])
            candidates[:k].max(axis=1, out=best[:k])
            np.add(best[:k], padded[:k, p], out=score[:k])
        state = score.argmax(axis=1)
        path = np.empty((batch, width), dtype=np.intp)
        for p in range(width - 1, -1, -1):
            k = live[p + 1] if p + 1 < width else 0
            if k:
                state[:k] = back[p + 1, np.arange(k), state[:k]]
            path[: live[p], p] = state[: live[p]]
        for row, i in enumerate(order):
            out[i] = [labels[s] for s in path[row, : lengths[row]].tolist()]
        return out

    def add_sparse(self, emissions: np.ndarray, *features: Sequence[Sequence[str]]) -> None:
        """Add the weights of per-token feature lists (one or more lists per token) to the rows of
        `emissions`: one gather and one segment sum for the whole batch."""
        get = self.rows.get
        rows: list[int] = []
        starts: list[int] = []
        tokens: list[int] = []
        for i, lists in enumerate(zip(*features, strict=True)):
            mark = len(rows)
            for names in lists:
                for name in names:
                    row = get(name)
                    if row is not None:
                        rows.append(row)
            if len(rows) > mark:
                starts.append(mark)
                tokens.append(i)
        if rows:
            emissions[tokens] += np.add.reduceat(self.matrix[rows], starts, axis=0)
