"""Near-duplicate articles: MinHash signatures (datasketch) banded for LSH lookups in the store.

The bands live in SQLite rather than in datasketch's in-memory MinHashLSH so that a corpus of
millions of articles needs no index in memory and a re-run finds the articles of earlier runs.
Candidates from the bands are confirmed by the estimated Jaccard similarity of their signatures.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from marsad.text.normalize import match_form
from marsad.text.tokens import TOKEN_RE

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: pairs above ~0.5 Jaccard become candidates
ROWS = NUM_PERM // BANDS
SHINGLE = 3
# Reprinted wire copy with other leftovers or a changed word stays above this.
DUPLICATE_THRESHOLD = 0.7
SEED = 1


def shingles(text: str) -> set[bytes]:
    words = [m.group() for m in TOKEN_RE.finditer(match_form(text)) if m.group()[0].isalnum()]
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint64)


def bands(sig: np.ndarray) -> list[tuple[int, bytes]]:
    return [(band, hashlib.blake2b(sig[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).digest())
            for band in range(BANDS)]


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.mean(sig_a == sig_b))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8")
