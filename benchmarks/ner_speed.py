"""Tokens per second of the NER tagger on one CPU core, against a BERT-base-sized token classifier.

    .venv/bin/python benchmarks/ner_speed.py [--articles 400] [--bert-sentences 300]

Text: the first articles of saudinewsnet (../shared), split with marsad.text.sentences and
tokenised with marsad.text.tokens. marsad tags one article per call (`tag_sentences`, as the
pipeline does: the second pass uses the document), measured cold (empty word-feature cache, a fresh
tagger) and then warm (the same text again); one sentence per call (`tag`) is timed too. The comparison model has BERT-base's shape
(12 layers, hidden 768, 12 heads, feed-forward 3072, 9 output labels) with random weights: speed
does not depend on the weights. It is given one word piece per token, which flatters it (a real
WordPiece/SentencePiece vocabulary cuts Arabic words into ~1.3-1.6 pieces). Both run with one
thread, pinned to one core.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "saudinewsnet" / "articles.jsonl.gz"

from marsad.entities.ner.tagger import RESOURCE_DIR, NerTagger  # noqa: E402
from marsad.text.sentences import split_sentences  # noqa: E402
from marsad.text.tokens import tokenize  # noqa: E402


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def load_documents(n_articles: int) -> list[list[list[str]]]:
    documents: list[list[list[str]]] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= n_articles:
                break
            text = json.loads(line).get("text") or ""
            sentences = []
            for span in split_sentences(text):
                tokens = [t.text for t in tokenize(text, span.start, span.end)]
                if tokens:
                    sentences.append(tokens)
            documents.append(sentences)
    return documents


class Clock:
    """Wall and CPU seconds of a block: on a shared machine the CPU figure is the one that does
    not depend on what else runs (the wall figure is what a caller waits)."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def rate(self, n: int) -> str:
        return f"{n / self.wall:,.0f} tokens/s wall ({n / self.cpu:,.0f} per CPU second)"


def time_marsad(documents: list[list[list[str]]]) -> tuple[Clock, Clock, Clock]:
    """One article per call cold and warm, then one sentence per call (warm)."""
    sentences = [s for d in documents for s in d]
    n_tokens = sum(map(len, sentences))
    tagger = NerTagger.from_directory(RESOURCE_DIR)  # fresh: empty feature cache
    with Clock() as cold:
        for document in documents:
            tagger.tag_sentences(document)
    with Clock() as warm:
        for document in documents:
            tagger.tag_sentences(document)
    with Clock() as per_sentence:
        for sentence in sentences:
            tagger.tag(sentence)
    assert n_tokens
    return cold, warm, per_sentence


def time_bert(sentences: list[list[str]], batch_size: int) -> Clock | None:
    try:
        import torch
    except ImportError:
        print("torch is not importable: BERT-base comparison skipped "
              "(install it with `.venv/bin/pip install torch==2.13.0`)")
        return None
    torch.set_num_threads(1)
    torch.manual_seed(0)
    vocab, hidden, max_len = 64000, 768, 512

    class TokenClassifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = torch.nn.Embedding(vocab, hidden)
            self.positions = torch.nn.Embedding(max_len, hidden)
            self.norm = torch.nn.LayerNorm(hidden)
            layer = torch.nn.TransformerEncoderLayer(hidden, 12, 3072, activation="gelu", batch_first=True)
            self.encoder = torch.nn.TransformerEncoder(layer, 12, enable_nested_tensor=False)
            self.head = torch.nn.Linear(hidden, 9)

        def forward(self, ids: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
            positions = torch.arange(ids.shape[1]).unsqueeze(0)
            x = self.norm(self.words(ids) + self.positions(positions))
            return self.head(self.encoder(x, src_key_padding_mask=pad)).argmax(-1)

    model = TokenClassifier().eval()
    batches = sorted((s[: max_len - 2] for s in sentences), key=len)  # length-sorted: little padding
    clock = Clock()
    with clock, torch.inference_mode():
        for start in range(0, len(batches), batch_size):
            batch = batches[start:start + batch_size]
            width = max(len(s) for s in batch) + 2  # [CLS] ... [SEP]
            ids = torch.zeros(len(batch), width, dtype=torch.long)
            pad = torch.ones(len(batch), width, dtype=torch.bool)
            for row, sentence in enumerate(batch):
                ids[row, 1:len(sentence) + 1] = torch.tensor([hash(t) % vocab for t in sentence])
                pad[row, : len(sentence) + 2] = False
            model(ids, pad)
    return clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--bert-sentences", type=int, default=300, help="BERT is slow: a subset")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"needs {CORPUS} (the shared data beside the checkout)")
    pin_to_one_core()
    documents = load_documents(args.articles)
    sentences = [s for d in documents for s in d]
    n_tokens = sum(map(len, sentences))
    print(f"{len(sentences)} sentences, {n_tokens} tokens from {args.articles} saudinewsnet articles; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    cold, warm, per_sentence = time_marsad(documents)
    print(f"marsad NerTagger (1 core), one article per call, cold cache: {cold.rate(n_tokens)}")
    print(f"  warm cache: {warm.rate(n_tokens)}; one sentence per call, warm: {per_sentence.rate(n_tokens)}")
    subset = sentences[: args.bert_sentences]
    bert = time_bert(subset, args.batch_size)
    if bert is not None:
        n_bert = sum(min(len(s), 510) for s in subset)
        print(f"BERT-base token classifier (random weights, batch {args.batch_size}, {n_bert} tokens, 1 thread): "
              f"{bert.rate(n_bert)}")
        wall = (n_tokens / cold.wall) / (n_bert / bert.wall)
        cpu = (n_tokens / cold.cpu) / (n_bert / bert.cpu)
        print(f"ratio marsad (cold, per article) / BERT: {wall:,.1f}x wall, {cpu:,.1f}x per CPU second")


if __name__ == "__main__":
    main()
