"""Learn word clusters from unlabeled Arabic news, for the NER model's features.

Method (seeded, numpy/scipy only, no download):
1. Tokenise every article of saudinewsnet with marsad.text.tokens and key each word by its
   matching form (marsad.text.match_form), the same key the tagger uses at run time.
2. Count word/context co-occurrences in a +-2 window, with left and right contexts kept apart
   (so the vectors carry word-order information, which separates names from verbs better).
3. PPMI with context-distribution smoothing (alpha 0.75), then a truncated SVD: dense vectors.
4. Spherical k-means at several granularities (64, 256, 1024 clusters by default): each word gets
   one id per granularity. Several coarse-to-fine cuts play the role of Brown-cluster prefixes.

Output: `word_clusters.tsv.gz` under src/marsad/resources/ner/ (word, then one cluster id per
granularity), a few MB at most.

    .venv/bin/python scripts/build_word_clusters.py [--corpus PATH] [--out PATH] [--seed 0]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.text import match_form  # noqa: E402
from marsad.text.tokens import TOKEN_RE  # noqa: E402

log = logging.getLogger("build_word_clusters")
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
DEFAULT_OUT = ROOT / "src" / "marsad" / "resources" / "ner" / "word_clusters.tsv.gz"


def read_token_ids(corpus: Path, max_articles: int | None) -> tuple[np.ndarray, list[str]]:
    """All tokens of the corpus as integer ids (in order), with the id -> matching form table.
    Articles are separated by id -1 so that windows never straddle two articles."""
    form_of: dict[str, int] = {}
    words: list[str] = []
    ids: list[int] = []
    cache: dict[str, int] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if max_articles is not None and n >= max_articles:
                break
            article = json.loads(line)
            text = f"{article.get('title') or ''}\n{article.get('text') or ''}"
            for token in TOKEN_RE.findall(text):
                wid = cache.get(token)
                if wid is None:
                    form = match_form(token)
                    wid = form_of.get(form)
                    if wid is None:
                        wid = form_of[form] = len(words)
                        words.append(form)
                    cache[token] = wid
                ids.append(wid)
            ids.append(-1)
    return np.asarray(ids, dtype=np.int64), words


def cooccurrence(ids: np.ndarray, rank: np.ndarray, n_rows: int, n_ctx: int, window: int) -> sparse.csr_matrix:
    """Word x context counts; contexts are (word, side): columns [0, n_ctx) left, [n_ctx, 2n_ctx) right."""
    ranked = np.where(ids >= 0, rank[np.maximum(ids, 0)], -1)
    mats = []
    for d in range(1, window + 1):
        left, right = ranked[:-d], ranked[d:]
        # right word sees `left` as a left context; left word sees `right` as a right context.
        for target, ctx, offset in ((right, left, 0), (left, right, n_ctx)):
            keep = (target >= 0) & (target < n_rows) & (ctx >= 0) & (ctx < n_ctx)
            data = np.full(int(keep.sum()), 1.0 / d, dtype=np.float32)  # nearer words count more
            mats.append(sparse.coo_matrix((data, (target[keep], ctx[keep] + offset)),
                                          shape=(n_rows, 2 * n_ctx)).tocsr())
    return sum(mats[1:], mats[0]).tocsr()


def ppmi(counts: sparse.csr_matrix, alpha: float = 0.75) -> sparse.csr_matrix:
    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    col_p = col / col.sum()
    coo = counts.tocoo()
    pmi = np.log((coo.data / total) / ((row[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)


def embed(matrix: sparse.csr_matrix, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v0 = rng.standard_normal(min(matrix.shape))
    u, s, _ = svds(matrix.astype(np.float64), k=dim, v0=v0)
    vectors = u * np.sqrt(s)  # eigenvalue weighting 0.5 (Levy et al. 2015)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-9)).astype(np.float32)


def spherical_kmeans(x: np.ndarray, k: int, seed: int, iterations: int = 25) -> np.ndarray:
    """Cluster ids of unit vectors by cosine k-means (k-means++ style seeding on a sample)."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        for start in range(0, len(x), 20000):  # chunks keep the similarity matrix small
            labels[start:start + 20000] = np.argmax(x[start:start + 20000] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        counts = np.bincount(labels, minlength=k)
        empty = counts == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    return labels


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vocab", type=int, default=80000, help="words clustered (most frequent)")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--contexts", type=int, default=15000, help="context words per side")
    parser.add_argument("--dim", type=int, default=150)
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--ks", default="64,256,1024")
    parser.add_argument("--max-articles", type=int, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    started = time.time()

    ids, words = read_token_ids(args.corpus, args.max_articles)
    log.info("%d tokens, %d distinct forms (%.0fs)", int((ids >= 0).sum()), len(words), time.time() - started)
    freq = np.bincount(ids[ids >= 0], minlength=len(words))
    order = np.argsort(-freq, kind="stable")
    n_rows = int(min(args.vocab, (freq >= args.min_count).sum()))
    rank = np.empty(len(words), dtype=np.int64)
    rank[order] = np.arange(len(words))

    counts = cooccurrence(ids, rank, n_rows, args.contexts, args.window)
    log.info("co-occurrence %s, %d non-zero (%.0fs)", counts.shape, counts.nnz, time.time() - started)
    vectors = embed(ppmi(counts), args.dim, args.seed)
    log.info("SVD done (%.0fs)", time.time() - started)

    ks = [int(k) for k in args.ks.split(",")]
    labels = [spherical_kmeans(vectors, k, args.seed + i) for i, k in enumerate(ks)]
    log.info("k-means %s done (%.0fs)", ks, time.time() - started)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# word\t" + "\t".join(f"k{k}" for k in ks) + "\n")
        for r in range(n_rows):
            word = words[order[r]]
            if "\t" in word or "\n" in word:
                continue
            out.write(word + "\t" + "\t".join(str(int(lab[r])) for lab in labels) + "\n")
    log.info("wrote %s (%d words, %.1f KB)", args.out, n_rows, args.out.stat().st_size / 1024)
    _show_examples(words, order, labels[-1], n_rows)


def _show_examples(words: list[str], order: np.ndarray, labels: np.ndarray, n_rows: int) -> None:
    """Log a few clusters, for a human sanity check of what was learned."""
    members: dict[int, list[str]] = {}
    for r in range(min(n_rows, 5000)):
        members.setdefault(int(labels[r]), []).append(words[order[r]])
    for cid, _size in Counter({c: len(g) for c, g in members.items()}).most_common(8):
        log.info("cluster %d: %s", cid, " ".join(members[cid][:12]))


if __name__ == "__main__":
    main()
