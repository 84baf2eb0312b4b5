"""Run every per-article stage over a sample of a JSON Lines corpus and report the articles that
fail with an exception (content problems such as an empty text are ValueErrors and not counted).

One bad article never stops a batch, so a bug that fails 1% of articles only shows as skipped
inputs in `marsad stats`; this sweep finds them, grouped by where they were raised.

Usage: .venv/bin/python scripts/sweep.py [CORPUS] [--stride N] [--limit N]
       (default corpus: ../shared/data/saudinewsnet/articles.jsonl.gz, every article)
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

from marsad.pipeline import Annotator
from marsad.records import RawArticle
from marsad.text.clean import build_document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")) / "data/saudinewsnet/articles.jsonl.gz"


def articles(path: Path, stride: int, limit: int | None) -> Iterator[RawArticle]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(itertools.islice(lines, 0, None, stride)):
            if limit is not None and n >= limit:
                return
            record = json.loads(line)
            yield RawArticle(source=record.get("url") or record.get("id") or f"#{n}", id=record.get("id"),
                             text=record.get("text"), url=record.get("url"), outlet=record.get("outlet"),
                             title=record.get("title"), published=record.get("published"))


def failures(raws: Iterator[RawArticle]) -> Iterator[tuple[RawArticle, BaseException | None]]:
    """Each article with the exception its stages raised (None when it went through)."""
    annotator = Annotator()
    for raw in raws:
        try:
            annotator.annotate(build_document(raw))
            yield raw, None
        except ValueError:
            yield raw, None  # no text, nothing left after cleaning: reported as content, not a bug
        except Exception as err:  # the point of the sweep
            yield raw, err


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--stride", type=int, default=1, help="every N-th article")
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    args = parser.parse_args(argv)
    started, seen, by_place = time.perf_counter(), 0, {}
    for raw, err in failures(articles(args.corpus, args.stride, args.limit)):
        seen += 1
        if err is not None:
            frame = traceback.extract_tb(err.__traceback__)[-1]
            where = f"{type(err).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"
            by_place.setdefault(where, []).append(raw.source)
            if len(by_place[where]) == 1:
                print(f"{where}: {err}\n  first in {raw.source}", flush=True)
    failed = sum(len(v) for v in by_place.values())
    print(f"{seen} articles in {time.perf_counter() - started:.0f} s, {failed} failed")
    for where, sources in sorted(by_place.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(sources):5d}  {where}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
