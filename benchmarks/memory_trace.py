"""Peak RSS of one long `marsad run -j 1` against the number of articles it has stored so far.

    .venv/bin/python benchmarks/memory_trace.py --articles 100000 [--every 60] [--out FILE]

`benchmarks/run.py --parts memory` runs the pipeline once per size and reports each run's peak; this runs
it once, on the largest size, and samples as it goes, so "flat from 10k" is read off one curve (and a run
stopped early still leaves its trace). The input is the benchmark corpus replicated as run.py does it
(copy k: id `<id>-r<k>`, its middle word replaced), streamed to a temp file. Every second the process
tree's RSS is sampled from /proc; every --every seconds a line (elapsed s, inputs stored, RSS MB, peak MB)
is printed and the trace rewritten to --out, so the figures survive an interrupted run.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import MARSAD, ROOT, _tree_memory_kb, failed_inputs, write_input

CHECKPOINTS = (1_000, 10_000, 31_030, 50_000, 100_000, 300_000, 1_000_000)


def stored_inputs(db: Path) -> int:
    """Inputs the run has recorded so far (read while it writes: SQLite's WAL allows it)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM inputs").fetchone()[0]
    except sqlite3.Error:
        return 0


def trace(articles: int, every: float, out: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="marsad-memtrace-") as tmp:
        corpus, db = Path(tmp) / "input.jsonl", Path(tmp) / "trace.db"
        info = write_input(corpus, articles)
        print(f"input: {info['articles']} articles, {info['words']} words", flush=True)
        result = {"command": " ".join(sys.argv), "input": info, "samples": [], "at_checkpoint": {}}
        started = time.perf_counter()
        process = subprocess.Popen([*MARSAD, "-q", "run", str(corpus), "--db", str(db), "-j", "1"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        peak = 0
        next_report = every
        while process.poll() is None:
            time.sleep(1.0)
            rss_kb, hwm_kb = _tree_memory_kb(process.pid)
            peak = max(peak, hwm_kb)
            elapsed = time.perf_counter() - started
            if elapsed < next_report:
                continue
            next_report += every
            done = stored_inputs(db)
            sample = {"seconds": round(elapsed), "inputs": done, "rss_mb": round(rss_kb / 1024),
                      "peak_mb": round(peak / 1024)}
            result["samples"].append(sample)
            for mark in CHECKPOINTS:
                if done >= mark and str(mark) not in result["at_checkpoint"]:
                    result["at_checkpoint"][str(mark)] = sample
            print(json.dumps(sample), flush=True)
            out.write_text(json.dumps(result, indent=1), encoding="utf-8")
        result.update(rc=process.returncode, seconds=round(time.perf_counter() - started),
                      peak_mb=round(peak / 1024), inputs=stored_inputs(db),
                      failed_inputs=failed_inputs(db) if process.returncode == 0 else None)
        out.write_text(json.dumps(result, indent=1), encoding="utf-8")
        print(f"done: rc {result['rc']}, {result['inputs']} inputs in {result['seconds']} s, "
              f"peak RSS {result['peak_mb']} MB, {result['failed_inputs']} failed", flush=True)
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--every", type=float, default=60.0, help="seconds between printed samples")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "memory_trace.json")
    args = parser.parse_args()
    return trace(args.articles, args.every, args.out)["rc"]


if __name__ == "__main__":
    sys.exit(main())
