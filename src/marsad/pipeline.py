"""The pipeline, top to bottom: read → clean → entities → places → times → events → store,
then the cross-document steps (near-duplicates as articles arrive; entity clustering, event
merging, disputes and stories once the batch is in).

Per-article work runs in worker processes with `jobs > 1`; the store is written by this process
alone, one transaction per article, in input order, so results do not depend on `jobs`. Inputs
are taken in bounded chunks, so memory does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.cluster import duplicates
from marsad.ingest import iter_inputs, load_metadata
from marsad.records import Document, Entity, RawArticle, Skipped
from marsad.store import Store
from marsad.text.clean import REPEAT_MAX_WORDS, build_document, line_key
from marsad.text.normalize import normalize_text

log = logging.getLogger(__name__)

# Each stage is "module:function"; the function takes a Document, adds its layer and may return
# the Entity records it refers to. Order matters: places link the LOC mentions entities found,
# events read every layer before them.
STAGES: dict[str, str] = {
    "entities": "marsad.entities.stage:annotate_entities",
    "places": "marsad.geo:annotate_places",
    "times": "marsad.time:annotate_times",
    "events": "marsad.events:annotate_events",
}
# A line an outlet printed in this many earlier articles is one of its leftovers.
OUTLET_LINE_MIN_DOCS = 2
CHUNK_PER_JOB = 16

Stage = Callable[[Document], object]


def load_stages(names: Iterable[str] | None = None) -> dict[str, Stage]:
    """The stage functions by name. A stage whose module is not installed is left out with a
    warning, so the spine runs while later stages are being built."""
    stages: dict[str, Stage] = {}
    for name in names if names is not None else STAGES:
        module_name, _, function = STAGES[name].partition(":")
        try:
            stages[name] = getattr(importlib.import_module(module_name), function)
        except (ImportError, AttributeError) as err:
            log.warning("stage %s unavailable: %s", name, err)
    return stages


@dataclass
class Processed:
    """What a worker sends back for one input."""

    source: str
    raw_hash: str
    document: Document | None = None
    entities: list[Entity] = field(default_factory=list)
    signature: bytes | None = None
    short_lines: list[str] = field(default_factory=list)
    error: str | None = None


def raw_hash(raw: RawArticle) -> str:
    """Identity of an input: its content and the metadata that shapes its document."""
    digest = hashlib.blake2b(digest_size=12)
    for part in (raw.text, raw.html, raw.id, raw.outlet, raw.published, raw.title, raw.url):
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class Annotator:
    """Cleans one raw article and runs the per-document stages on it."""

    def __init__(self, stage_names: Iterable[str] | None = None,
                 outlet_lines: Callable[[str | None, str], int] | None = None) -> None:
        self.stages = load_stages(stage_names)
        self.outlet_lines = outlet_lines

    def annotate(self, doc: Document) -> list[Entity]:
        entities: dict[str, Entity] = {}
        for stage in self.stages.values():
            returned = stage(doc)
            if isinstance(returned, list):
                entities.update({e.id: e for e in returned if isinstance(e, Entity)})
        entities.update({e.id: e for e in place_entities(doc)})
        return list(entities.values())

    def process(self, raw: RawArticle, digest: str) -> Processed:
        result = Processed(raw.source, digest)
        try:
            oracle = None
            if self.outlet_lines is not None:
                counter = self.outlet_lines
                oracle = lambda outlet, line: counter(outlet, line_key(line)) >= OUTLET_LINE_MIN_DOCS  # noqa: E731
            doc = build_document(raw, oracle)
            result.entities = self.annotate(doc)
            result.document = doc
            result.signature = duplicates.to_bytes(duplicates.signature(doc.text))
            result.short_lines = short_line_keys(raw)
        except Exception as err:  # one bad article never stops a batch: it is reported and skipped
            log.debug("failed on %s", raw.source, exc_info=True)
            result.error = f"{type(err).__name__}: {err}" if not isinstance(err, ValueError) else str(err)
        return result


def short_line_keys(raw: RawArticle) -> list[str]:
    """Keys of the short lines of a plain-text article, counted per outlet to learn its leftovers."""
    if not raw.text:
        return []
    keys = []
    for line in normalize_text(raw.text).split("\n"):
        if 0 < len(line.split()) <= REPEAT_MAX_WORDS:
            keys.append(line_key(line))
    return [k for k in keys if k]


def place_entities(doc: Document) -> list[Entity]:
    """Places found by the geo stage become entities with coordinates."""
    entities = []
    for place in doc.places:
        location = place.location
        if place.entity_id and location is not None:
            entities.append(Entity(
                id=place.entity_id, type="LOC", name_ar=location.name_ar, name_en=location.name_en,
                lat=location.lat, lon=location.lon, country=location.country, variants=[place.text],
            ))
    return entities


@dataclass
class RunSummary:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    same_as: int = 0
    near_duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    meta_problems: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- workers

_WORKER: Annotator | None = None


def _init_worker(db_path: str, stage_names: list[str] | None) -> None:
    global _WORKER
    store = Store(db_path, readonly=True)
    _WORKER = Annotator(stage_names, store.outlet_line_docs)


def _work(item: tuple[RawArticle, str]) -> Processed:
    assert _WORKER is not None
    return _WORKER.process(*item)


# ---------------------------------------------------------------------------- the run


def run(paths: Iterable[Path | str], db_path: Path | str, meta_path: Path | None = None, jobs: int = 1,
        stage_names: list[str] | None = None, progress: Callable[[int], None] | None = None) -> RunSummary:
    """Ingest, annotate and store everything under `paths`; then the cross-document steps."""
    started = time.perf_counter()
    summary = RunSummary()
    metadata = load_metadata(meta_path)
    summary.meta_problems = list(metadata.problems)
    with Store(db_path) as store:
        annotator = Annotator(stage_names, store.outlet_line_docs)
        summary.stages = list(annotator.stages)
        pending = _new_inputs(iter_inputs(paths, metadata), store, summary)
        for processed in _process_all(pending, annotator, db_path, jobs, stage_names):
            _store_one(store, processed, summary)
            if progress:
                progress(1)
        finalize(store)
    summary.seconds = time.perf_counter() - started
    return summary


def _new_inputs(items: Iterator[RawArticle | Skipped], store: Store,
                summary: RunSummary) -> Iterator[tuple[RawArticle, str]]:
    for item in items:
        summary.read += 1
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            with store.transaction():
                store.record_input(item.source, None, "skipped", reason=item.reason)
            continue
        digest = raw_hash(item)
        if store.input_status(item.source, digest) in ("stored", "same_as"):
            summary.unchanged += 1
            continue
        yield item, digest


def _process_all(pending: Iterator[tuple[RawArticle, str]], annotator: Annotator, db_path: Path | str,
                 jobs: int, stage_names: list[str] | None) -> Iterator[Processed]:
    if jobs <= 1:
        for raw, digest in pending:
            yield annotator.process(raw, digest)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(str(db_path), stage_names)) as pool:
        while True:
            chunk = [item for _, item in zip(range(jobs * CHUNK_PER_JOB), pending, strict=False)]
            if not chunk:
                return
            yield from pool.imap(_work, chunk, chunksize=2)


def _store_one(store: Store, processed: Processed, summary: RunSummary) -> None:
    if processed.error or processed.document is None:
        reason = processed.error or "no document"
        summary.skipped.append(Skipped(processed.source, reason))
        with store.transaction():
            store.record_input(processed.source, processed.raw_hash, "skipped", reason=reason)
        return
    doc = processed.document
    existing = store.doc_id_for_hash(doc.content_hash or "")
    if existing is not None and store.source_of(existing) != doc.source:
        summary.same_as += 1
        with store.transaction():
            store.record_input(processed.source, processed.raw_hash, "same_as", doc_id=existing)
        return
    signature = duplicates.from_bytes(processed.signature) if processed.signature else None
    bands = duplicates.bands(signature) if signature is not None else []
    doc.duplicate_of = _near_duplicate_of(store, doc.id, signature, bands)
    if doc.duplicate_of:
        summary.near_duplicates += 1
    with store.transaction():
        store.save_document(doc, processed.entities, processed.signature, bands)
        store.count_outlet_lines(doc.outlet, processed.short_lines)
        store.record_input(processed.source, processed.raw_hash, "stored", doc_id=doc.id)
    summary.stored += 1


def _near_duplicate_of(store: Store, doc_id: str, signature, bands) -> str | None:  # noqa: ANN001
    if signature is None:
        return None
    best, best_score = None, duplicates.DUPLICATE_THRESHOLD
    for candidate_id, candidate_sig in store.lsh_candidates(bands, exclude=doc_id):
        score = duplicates.similarity(signature, duplicates.from_bytes(candidate_sig))
        if score >= best_score and candidate_id != doc_id:
            best, best_score = candidate_id, score
    return best


def finalize(store: Store) -> None:
    """Cross-document steps over the whole store: entity clustering, event merging, disputes,
    stories. Each is skipped with a warning while its module is not there yet."""
    try:
        from marsad.cluster.wiring import run_cross_document
    except ImportError as err:
        log.info("cross-document steps unavailable: %s", err)
        return
    run_cross_document(store)


def process_text(text: str, published: str | None = None, outlet: str | None = None,
                 stage_names: list[str] | None = None) -> Document:
    """Annotate one article given as text (no store): for the Python API, tests and `marsad eval`."""
    raw = RawArticle(source="<text>", text=text, published=published, outlet=outlet)
    processed = Annotator(stage_names).process(raw, raw_hash(raw))
    if processed.document is None:
        raise ValueError(processed.error or "no document")
    return processed.document
