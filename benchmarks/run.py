"""marsad's throughput and memory benchmark: one command, every figure, baselines measured in the same run.

    .venv/bin/python benchmarks/run.py [--limit 300] [--parts text,stages,ner-baseline,jobs,spark,memory]
                                       [--spark-limit 300] [--memory-sizes 1000,3000] [--out FILE]

Input: ../shared/data/saudinewsnet/articles.jsonl.gz (31,030 articles; MARSAD_SHARED overrides ../shared),
its first --limit articles unless --limit 0 (all). Parts, each runnable alone with --parts:

* text          cleaning (build_document) on N articles: articles/s, words/s, MB/s; baseline: a plain regex
                tokenizer (re.findall(r"\\w+")) over the same texts; storing the clean documents (Store, temp DB).
* stages        each per-article stage (entities, places, times, events) on the same clean documents, in
                one process, stages loaded with marsad.pipeline.load_stages: articles/s and words/s.
* ner-baseline  a BERT-base-sized token classifier (random weights, torch, one thread; benchmarks/ner_speed.py)
                on a sample of the same sentences, against the NER tagger and the entities stage.
* jobs          `marsad run` end to end with -j 1 and -j 2 into temp databases (wall time, peak RSS) and a
                check that both databases hold the same results.
* spark         `marsad spark` with --master local[1] and local[2] on --spark-limit articles; speed-up, and
                the same-results check against `marsad run`.
* memory        peak RSS of `marsad run -j 1` at each of --memory-sizes articles (--memory-stages none: the
                pipeline with cleaning and storing only); sizes above the corpus are made by replicating it
                (new ids, one word changed so no copy is an identical body), streamed to a temp file.

Peak RSS, sampled every 0.2 s from /proc: `max process` is the largest VmHWM (a process's own high-water
mark) in the command's process tree; `tree` is the largest sum of RSS over the tree. Results go to --out (benchmarks/results/latest.json) and
the table in benchmarks/README.md is regenerated from them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "saudinewsnet" / "articles.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
README = ROOT / "benchmarks" / "README.md"
MARSAD = [sys.executable, "-m", "marsad"]
PARTS = ("text", "stages", "ner-baseline", "jobs", "spark", "memory")
WORD = re.compile(r"\w+")
TABLE_START, TABLE_END = "<!-- results:start -->", "<!-- results:end -->"


# ---------------------------------------------------------------------------- input


def iter_corpus(limit: int | None) -> Iterator[dict]:
    """The corpus records, replicated past its end when `limit` is larger: copy k gets id `<id>-r<k>`
    and its middle word replaced, so no copy is identical to an earlier body."""
    copy = 0
    produced = 0
    while limit is None or produced < limit:
        with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
            for line in handle:
                if limit is not None and produced >= limit:
                    return
                record = json.loads(line)
                if copy:
                    words = (record.get("text") or "").split(" ")
                    words[len(words) // 2] = f"نسخة{copy}"
                    record.update(id=f"{record.get('id')}-r{copy}", text=" ".join(words))
                    if record.get("url"):
                        record["url"] += f"#r{copy}"
                produced += 1
                yield record
        if limit is None:
            return
        copy += 1


def write_input(path: Path, limit: int | None) -> dict[str, int]:
    """Stream the first `limit` records (replicated if needed) to a JSON Lines file."""
    articles = words = size = 0
    with path.open("w", encoding="utf-8") as sink:
        for record in iter_corpus(limit):
            text = record.get("text") or ""
            articles += 1
            words += len(WORD.findall(text))
            size += len(text.encode("utf-8"))
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {"articles": articles, "words": words, "mb": round(size / 1e6, 2)}


def raw_articles(limit: int | None) -> list:
    """RawArticles as `marsad run` reads them (the JSON Lines reader's own record mapping)."""
    from marsad.ingest.readers import _jsonl_record
    from marsad.records import RawArticle

    raws = []
    for n, record in enumerate(iter_corpus(limit)):
        found = _jsonl_record(json.dumps(record, ensure_ascii=False).encode("utf-8"), f"{CORPUS.name}#{n + 1}",
                              CORPUS.name)
        if isinstance(found, RawArticle):
            raws.append(found)
    return raws


def rate(count: float, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else 0.0


# ---------------------------------------------------------------------------- in-process parts


def _build_or_none(build_document, raw):  # noqa: ANN001, ANN202
    try:
        return build_document(raw)
    except ValueError:  # e.g. nothing left after removing site leftovers
        return None


def part_text(raws: list, tmp: Path) -> tuple[dict, list]:
    from marsad.store import Store
    from marsad.text.clean import build_document

    texts = [r.text or "" for r in raws]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    words = 0
    started = time.perf_counter()
    for text in texts:
        words += len(WORD.findall(text))
    regex_s = time.perf_counter() - started
    started = time.perf_counter()
    built = [_build_or_none(build_document, raw) for raw in raws]
    clean_s = time.perf_counter() - started
    docs = [doc for doc in built if doc is not None]
    if len(docs) < len(raws):  # `marsad run` reports and skips these; so does the benchmark
        print(f"text: {len(raws) - len(docs)} articles had nothing left after cleaning (skipped)", flush=True)
    started = time.perf_counter()
    with Store(tmp / "text.db") as store:
        for doc in docs:
            with store.transaction():
                store.save_document(doc)
    store_s = time.perf_counter() - started
    # The text stage as the pipeline runs it: cleaning asks about the outlet's leftover lines (an
    # in-memory count here, SQLite in `marsad run`), then MinHash signature and short-line keys.
    from collections import Counter

    from marsad.pipeline import Annotator, raw_hash

    seen: Counter = Counter()
    annotator = Annotator([], outlet_lines=lambda outlet, key: seen[(outlet, key)])
    started = time.perf_counter()
    for raw in raws:
        processed = annotator.process(raw, raw_hash(raw))
        if processed.document is not None:
            seen.update((processed.document.outlet, key) for key in set(processed.short_lines))
    text_stage_s = time.perf_counter() - started
    result = {
        "articles": len(raws), "skipped": len(raws) - len(docs), "words": words, "mb": round(mb, 2),
        "clean": {"seconds": round(clean_s, 2), "articles_s": rate(len(raws), clean_s),
                  "words_s": rate(words, clean_s), "mb_s": round(mb / clean_s, 3)},
        "text_stage": {"seconds": round(text_stage_s, 2), "articles_s": rate(len(raws), text_stage_s),
                       "words_s": rate(words, text_stage_s), "mb_s": round(mb / text_stage_s, 3)},
        "store": {"seconds": round(store_s, 2), "articles_s": rate(len(raws), store_s),
                  "mb_s": round(mb / store_s, 3)},
        "regex_tokenizer": {"seconds": round(regex_s, 4), "articles_s": rate(len(raws), regex_s),
                            "words_s": rate(words, regex_s), "mb_s": round(mb / regex_s, 1)},
    }
    result["clean"]["vs_regex"] = round(clean_s / regex_s, 1)
    result["text_stage"]["vs_regex"] = round(text_stage_s / regex_s, 1)
    print(f"text: clean {result['clean']['articles_s']} articles/s, {result['clean']['words_s']:,.0f} words/s, "
          f"{result['clean']['mb_s']} MB/s; text stage with leftovers, MinHash {result['text_stage']['articles_s']} "
          f"articles/s; store {result['store']['articles_s']} articles/s; "
          f"regex tokenizer {result['regex_tokenizer']['words_s']:,.0f} words/s "
          f"(cleaning takes {result['clean']['vs_regex']}x its time)", flush=True)
    return result, docs


def part_stages(docs: list) -> dict:
    from marsad.pipeline import load_stages

    started = time.perf_counter()
    stages = load_stages()
    load_s = time.perf_counter() - started
    words = sum(len(WORD.findall(doc.text)) for doc in docs)
    result: dict[str, Any] = {"articles": len(docs), "words": words, "load_seconds": round(load_s, 2)}
    total = 0.0
    for name, stage in stages.items():
        started, cpu = time.perf_counter(), time.process_time()
        for doc in docs:
            stage(doc)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        total += seconds
        result[name] = {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
                        "articles_s": rate(len(docs), seconds), "words_s": rate(words, seconds),
                        "articles_per_cpu_s": rate(len(docs), cpu)}
        print(f"stage {name}: {result[name]['articles_s']} articles/s ({result[name]['articles_per_cpu_s']} per CPU "
              f"second), {result[name]['words_s']:,.0f} words/s",
              flush=True)
    result["all_stages"] = {"seconds": round(total, 2), "articles_s": rate(len(docs), total),
                            "words_s": rate(words, total)}
    return result


def part_ner_baseline(n_articles: int, bert_sentences: int, stages: dict | None) -> dict:
    """benchmarks/ner_speed.py's own timings (the tagger one article per call, BERT in length-sorted
    batches of 16), on the first `n_articles` articles; rates per wall second and per CPU second."""
    import ner_speed

    documents = ner_speed.load_documents(n_articles)
    sentences = [s for d in documents for s in d]
    tokens = sum(map(len, sentences))
    cold, warm, _ = ner_speed.time_marsad(documents)
    subset = sentences[:bert_sentences]
    bert_tokens = sum(map(len, subset))
    bert = ner_speed.time_bert(subset, 16)
    result: dict[str, Any] = {
        "articles": n_articles, "sentences": len(sentences), "tokens": tokens,
        "ner_tagger_tokens_s": {"cold": round(tokens / cold.wall), "warm": round(tokens / warm.wall),
                                "cold_per_cpu_s": round(tokens / cold.cpu)},
        "bert_sentences": len(subset), "bert_tokens": bert_tokens}
    if bert is not None:
        result["bert_base_tokens_s"] = round(bert_tokens / bert.wall, 1)
        result["bert_base_tokens_per_cpu_s"] = round(bert_tokens / bert.cpu, 1)
        result["ratio_tagger_cold_vs_bert"] = round((tokens / cold.cpu) / (bert_tokens / bert.cpu), 1)
        if stages and "entities" in stages:
            # The whole entities stage (NER + KB dictionary + linking), words/s, against BERT's tokens/s.
            result["ratio_entities_stage_vs_bert"] = round(stages["entities"]["words_s"] / result["bert_base_tokens_s"], 1)
    print(f"ner-baseline: tagger {result['ner_tagger_tokens_s']['cold']:,} tokens/s cold, "
          f"{result['ner_tagger_tokens_s']['warm']:,} warm; BERT-base {result.get('bert_base_tokens_s', 'n/a')} "
          f"tokens/s (1 thread); ratio per CPU second {result.get('ratio_tagger_cold_vs_bert')}x "
          f"(entities stage {result.get('ratio_entities_stage_vs_bert')}x)", flush=True)
    return result


# ---------------------------------------------------------------------------- subprocess parts


def _tree_memory_kb(root: int) -> tuple[int, int]:
    """(sum of RSS, largest VmHWM) over `root` and its descendants, from /proc. VmHWM is each
    process's own high-water mark since its exec (wait4's ru_maxrss is not: it counts the forked
    copy of this benchmark process before exec)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total = peak = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]))
    return total, peak


def measure(command: list[str], env: dict | None = None) -> dict:
    """Run `command`; wall seconds, exit code, largest process RSS and sampled tree RSS, in MB."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                                   cwd=ROOT)
        peak_tree = peak_process = 0
        while True:
            pid, status, _ = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            tree, largest = _tree_memory_kb(process.pid)
            peak_tree, peak_process = max(peak_tree, tree), max(peak_process, largest)
            time.sleep(0.2)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    if process.returncode:
        print(text[-3000:], file=sys.stderr)
    return {"seconds": round(wall, 1), "rc": process.returncode, "max_process_rss_mb": round(peak_process / 1024),
            "tree_rss_mb": round(peak_tree / 1024), "output_tail": text[-600:]}


def _run_marsad(input_path: Path, db: Path, jobs: int, stages: list[str] | None = None) -> dict:
    """`marsad run` (every stage), or with `stages` the same pipeline.run with only those stages."""
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if stale.exists():
            stale.unlink()
    if stages is None:
        return measure([*MARSAD, "-q", "run", str(input_path), "--db", str(db), "-j", str(jobs)])
    code = (f"from marsad.pipeline import run; run([{str(input_path)!r}], {str(db)!r}, jobs={jobs}, "
            f"stage_names={stages!r})")
    return measure([sys.executable, "-c", code])


def failed_inputs(db: Path) -> int:
    """Inputs a run skipped because a stage raised (not for their content: those reasons carry no
    exception name). Anything but 0 is a bug to look at (scripts/sweep.py says where)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM inputs WHERE status = 'skipped' AND "
                            "(reason GLOB '[A-Z]*Error:*' OR reason GLOB '[A-Z]*Exception:*')").fetchone()[0]


def part_jobs(input_path: Path, info: dict, tmp: Path) -> dict:
    from marsad.batch.compare import store_fingerprint

    result: dict[str, Any] = {"articles": info["articles"], "words": info["words"]}
    prints = {}
    for jobs in (1, 2):
        run = _run_marsad(input_path, tmp / f"j{jobs}.db", jobs)
        run.pop("output_tail")
        run["articles_s"] = rate(info["articles"], run["seconds"])
        run["articles_s_per_core"] = rate(info["articles"], run["seconds"] * jobs)
        run["words_s"] = rate(info["words"], run["seconds"])
        run["failed_inputs"] = failed_inputs(tmp / f"j{jobs}.db") if run["rc"] == 0 else None
        result[f"j{jobs}"] = run
        prints[jobs] = store_fingerprint(tmp / f"j{jobs}.db") if run["rc"] == 0 else None
        print(f"marsad run -j {jobs}: {run['seconds']} s, {run['articles_s']} articles/s, "
              f"{run['words_s']:,.0f} words/s, peak RSS {run['max_process_rss_mb']} MB (tree {run['tree_rss_mb']} MB), "
              f"{run['failed_inputs']} inputs failed", flush=True)
    result["speedup_j2"] = round(result["j1"]["seconds"] / result["j2"]["seconds"], 2)
    result["identical_j1_j2"] = prints[1] is not None and prints[1] == prints[2]
    result["fingerprint"] = prints[1]
    print(f"jobs: -j 2 is {result['speedup_j2']}x -j 1; identical outputs: {result['identical_j1_j2']}", flush=True)
    return result


def part_spark(input_path: Path, info: dict, tmp: Path, single: dict | None) -> dict:
    result: dict[str, Any] = {"articles": info["articles"], "words": info["words"]}
    if shutil.which("java") is None:
        return {**result, "skipped": "no Java"}
    for cores in (1, 2):
        out = tmp / f"spark{cores}"
        run = measure([*MARSAD, "-q", "spark", str(input_path), str(out), "--master", f"local[{cores}]"])
        run.pop("output_tail")
        run["articles_s"] = rate(info["articles"], run["seconds"])
        run["words_s"] = rate(info["words"], run["seconds"])
        result[f"local{cores}"] = run
        print(f"marsad spark local[{cores}]: {run['seconds']} s, {run['articles_s']} articles/s, "
              f"peak RSS tree {run['tree_rss_mb']} MB", flush=True)
    result["speedup_local2"] = round(result["local1"]["seconds"] / result["local2"]["seconds"], 2)
    if single is None:
        db = tmp / "spark-single.db"
        run = _run_marsad(input_path, db, 1)
        from marsad.batch.compare import store_fingerprint

        single = store_fingerprint(db) if run["rc"] == 0 else None
    if result["local1"]["rc"] == 0 and result["local2"]["rc"] == 0:
        from marsad.batch.compare import parquet_fingerprint
        from marsad.batch.spark import spark_session

        spark = spark_session("local[2]", app="marsad-bench-compare")
        try:
            prints = [parquet_fingerprint(spark, tmp / f"spark{cores}") for cores in (1, 2)]
        finally:
            spark.stop()
        result["identical_local1_local2"] = prints[0] == prints[1]
        result["identical_to_marsad_run"] = single is not None and prints[1] == single
        if not result["identical_to_marsad_run"]:
            result["fingerprints"] = {"spark": prints[1], "single": single}
    print(f"spark: local[2] is {result['speedup_local2']}x local[1]; identical local[1]/local[2]: "
          f"{result.get('identical_local1_local2')}, identical to marsad run: {result.get('identical_to_marsad_run')}",
          flush=True)
    return result


def part_memory(sizes: list[int], tmp: Path, stages: list[str] | None) -> dict:
    result: dict[str, Any] = {"stages": "all" if stages is None else stages, "sizes": {}}
    for size in sizes:
        path = tmp / f"memory-{size}.jsonl"
        info = write_input(path, size)
        run = _run_marsad(path, tmp / "memory.db", 1, stages)
        run.pop("output_tail")
        run["failed_inputs"] = failed_inputs(tmp / "memory.db") if run["rc"] == 0 else None
        path.unlink()
        run["articles_s"] = rate(info["articles"], run["seconds"])
        result["sizes"][str(size)] = {**info, **run}
        print(f"memory: {size} articles, peak RSS {run['max_process_rss_mb']} MB, {run['articles_s']} articles/s, "
              f"{run['failed_inputs']} inputs failed", flush=True)
    peaks = [result["sizes"][str(s)]["max_process_rss_mb"] for s in sizes]
    result["growth_mb"] = peaks[-1] - peaks[0]
    return result


# ---------------------------------------------------------------------------- report


def machine() -> dict:
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    return {"cpus": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
            else os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Measured {results['date']} on {m['cpus']} CPUs ({m['cpu']}), load average at start "
             f"{m['load_average_at_start'][0]}; command: `{results['command']}`.", "",
             "| measure | articles | articles/s | words/s | peak RSS MB | note |", "|---|---|---|---|---|---|"]

    def row(name: str, articles: Any, figures: dict, note: str = "", rss: Any = "") -> None:
        words = figures.get("words_s")
        lines.append(f"| {name} | {articles} | {figures.get('articles_s', '')} | "
                     f"{f'{words:,.0f}' if isinstance(words, int | float) else ''} | {rss} | {note} |")

    parts = results["parts"]
    if "text" in parts:
        t = parts["text"]
        row("clean (build_document)", t["articles"], t["clean"], f"{t['clean']['mb_s']} MB/s")
        row("text stage as in the pipeline (clean with leftover lookups, MinHash, line keys)", t["articles"],
            t["text_stage"], f"{t['text_stage']['mb_s']} MB/s; {t['text_stage']['vs_regex']}x the regex's time")
        row("baseline: regex tokenizer `\\w+`", t["articles"], t["regex_tokenizer"],
            f"cleaning takes {t['clean']['vs_regex']}x its time")
        row("store (SQLite, clean documents)", t["articles"], t["store"], f"{t['store']['mb_s']} MB/s")
    if "stages" in parts:
        s = parts["stages"]
        for name in ("entities", "places", "times", "events", "all_stages"):
            if name in s:
                row(f"stage {name}", s["articles"], s[name])
    if "ner-baseline" in parts:
        n = parts["ner-baseline"]
        lines.append(f"| NER tagger alone (one article per call) | {n['articles']} | | "
                     f"{n['ner_tagger_tokens_s']['cold']:,} tokens/s cold | | warm "
                     f"{n['ner_tagger_tokens_s']['warm']:,} tokens/s |")
        if "bert_base_tokens_s" in n:
            lines.append(f"| baseline: BERT-base token classifier (1 thread) | {n['bert_sentences']} sentences | | "
                         f"{n['bert_base_tokens_s']:,} tokens/s | | tagger {n['ratio_tagger_cold_vs_bert']}x faster "
                         f"per CPU second; whole entities stage {n.get('ratio_entities_stage_vs_bert')}x |")
    if "jobs" in parts:
        j = parts["jobs"]
        for jobs in (1, 2):
            r = j[f"j{jobs}"]
            row(f"end to end `marsad run -j {jobs}`", j["articles"], r,
                f"{r['articles_s_per_core']} articles/s per core; tree RSS {r['tree_rss_mb']} MB; "
                f"inputs failed: {r.get('failed_inputs')}",
                r["max_process_rss_mb"])
        lines.append(f"| -j 2 vs -j 1 | | {j['speedup_j2']}x | | | identical outputs: {j['identical_j1_j2']} |")
    if "spark" in parts and "local1" in parts["spark"]:
        p = parts["spark"]
        for cores in (1, 2):
            r = p[f"local{cores}"]
            row(f"`marsad spark --master local[{cores}]`", p["articles"], r, "", r["tree_rss_mb"])
        lines.append(f"| local[2] vs local[1] | | {p['speedup_local2']}x | | | identical local[1]/local[2]: "
                     f"{p.get('identical_local1_local2')}; identical to `marsad run`: "
                     f"{p.get('identical_to_marsad_run')} |")
    if "memory" in parts:
        for size, r in parts["memory"]["sizes"].items():
            stages = parts["memory"].get("stages", "all")
            name = "memory: `marsad run -j 1`" if stages == "all" else \
                f"memory: pipeline -j 1, stages {','.join(stages) or 'none (clean, store)'}"
            row(name, size, r, f"tree RSS {r['tree_rss_mb']} MB; inputs failed: {r.get('failed_inputs')}",
                r["max_process_rss_mb"])
    return "\n".join(lines)


def update_readme(results: dict) -> None:
    table = markdown(results)
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    if TABLE_START in text and TABLE_END in text:
        head, rest = text.split(TABLE_START, 1)
        text = head + TABLE_START + "\n" + table + "\n" + TABLE_END + rest.split(TABLE_END, 1)[1]
    else:
        text += f"\n{TABLE_START}\n{table}\n{TABLE_END}\n"
    README.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="articles for text, stages, jobs (0: all 31,030)")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, of {', '.join(PARTS)}")
    parser.add_argument("--spark-limit", type=int, default=None, help="articles for the Spark part (default: --limit)")
    parser.add_argument("--bert-sentences", type=int, default=200, help="sentences for the BERT baseline")
    parser.add_argument("--memory-sizes", default="1000,3000", help="article counts for the memory part")
    parser.add_argument("--memory-stages", default="all",
                        help="stages for the memory part: all (marsad run), none (clean and store), or a list")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the table in benchmarks/README.md")
    args = parser.parse_args()
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown parts {unknown}")
    if not CORPUS.exists():
        sys.exit(f"needs {CORPUS} (the shared data beside the checkout)")
    limit = args.limit or None
    results: dict[str, Any] = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                               "command": " ".join(["benchmarks/run.py", *sys.argv[1:]]),
                               "machine": machine(), "corpus": str(CORPUS.relative_to(SHARED.parent))
                               if CORPUS.is_relative_to(SHARED.parent) else str(CORPUS), "parts": {}}
    out_parts = results["parts"]
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if {"text", "stages", "ner-baseline"} & set(parts):
            raws = raw_articles(limit)
            text, docs = part_text(raws, tmp)
            if "text" in parts:
                out_parts["text"] = text
            if "stages" in parts:
                out_parts["stages"] = part_stages(docs)
            del raws, docs
        if "ner-baseline" in parts:
            out_parts["ner-baseline"] = part_ner_baseline(min(limit or 400, 400), args.bert_sentences,
                                                          out_parts.get("stages"))
        input_path = tmp / "input.jsonl"
        if "jobs" in parts:
            info = write_input(input_path, limit)
            out_parts["jobs"] = part_jobs(input_path, info, tmp)
        if "spark" in parts:
            spark_limit = args.spark_limit if args.spark_limit is not None else limit
            same = spark_limit == limit and "jobs" in out_parts
            info = write_input(input_path, spark_limit or None)
            out_parts["spark"] = part_spark(input_path, info, tmp,
                                            out_parts["jobs"]["fingerprint"] if same else None)
        if "memory" in parts:
            stages = None if args.memory_stages == "all" else [
                s.strip() for s in args.memory_stages.split(",") if s.strip() and s.strip() != "none"]
            out_parts["memory"] = part_memory([int(s) for s in args.memory_sizes.split(",") if s.strip()], tmp, stages)
    results["seconds"] = round(time.perf_counter() - STARTED, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nresults: {args.out}")
    if not args.no_readme:
        update_readme(results)
        print(f"table: {README}")
    print(markdown(results))


STARTED = time.perf_counter()

if __name__ == "__main__":
    main()
