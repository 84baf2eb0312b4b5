"""The `marsad` command line: a thin layer over the library (see `marsad --help`).

Each command imports its stage lazily so that `marsad --help` is instant and a missing optional
dependency (PySpark, say) only affects the command that needs it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="marsad (مرصد): Arabic news to a verifiable record of events.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
train_app = typer.Typer(help="Train the project's models from ../shared/data.", no_args_is_help=True)
app.add_typer(train_app, name="train")

DEFAULT_DB = Path("marsad.db")
_state = {"quiet": False}
DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


@app.callback()
def _main(
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Debug logging.")] = False,
) -> None:
    _state["quiet"] = quiet
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    app.pretty_exceptions_enable = verbose


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=2)


def _open_store(db: Path):  # noqa: ANN202 - lazy import keeps --help instant
    from marsad.store import Store, StoreError

    try:
        return Store(db, readonly=True)
    except StoreError as err:
        raise _fail(str(err)) from err


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of articles (txt, html, jsonl, warc).")],
    meta: Annotated[Path | None, typer.Option("--meta", help="Metadata JSON Lines (file/url/id → outlet, published, title).")] = None,
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[int, typer.Option("-j", "--jobs", min=1, help="Worker processes.")] = 1,
) -> None:
    """Ingest articles, run every stage, store the result and print a summary."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from marsad.pipeline import run as run_pipeline

    if meta is not None and not meta.exists():
        raise _fail(f"no metadata file at {meta}")
    console = Console(stderr=True, quiet=_state["quiet"])
    with Progress(TextColumn("[bold]marsad[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("articles", total=None)
        summary = run_pipeline(paths, db, meta, jobs=jobs, progress=lambda n: progress.advance(task, n))
    _print_summary(summary, db)


def _print_summary(summary, db: Path) -> None:  # noqa: ANN001
    if _state["quiet"]:
        return
    typer.echo(f"read {summary.read} inputs in {summary.seconds:.1f} s into {db}")
    typer.echo(f"  stored {summary.stored}, unchanged {summary.unchanged}, identical to a stored article "
               f"{summary.same_as}, near-duplicates {summary.near_duplicates}, skipped {len(summary.skipped)}")
    typer.echo(f"  stages: {', '.join(['clean', *summary.stages])}")
    for problem in summary.meta_problems:
        typer.echo(f"  metadata: {problem}")
    for skipped in summary.skipped:
        typer.echo(f"  skipped {skipped.source}: {skipped.reason}")


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Output folder.")],
    db: DbOption = DEFAULT_DB,
    formats: Annotated[str, typer.Option("--format", help="Comma-separated: jsonl,csv,geojson.")] = "jsonl",
) -> None:
    """Write documents.jsonl, entities.jsonl, events.jsonl (and events.csv, events.geojson)."""
    from marsad.store.export import FORMATS
    from marsad.store.export import export as export_store

    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise _fail(f"unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    with _open_store(db) as store:
        written = export_store(store, out, chosen)
    for name, count in written.items():
        typer.echo(f"{out / name}: {count} rows")


@app.command()
def stats(db: DbOption = DEFAULT_DB, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """What the database holds, and every input skipped with its reason."""
    import json

    with _open_store(db) as store:
        figures = store.stats()
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for key in ("documents", "near_duplicates", "entities", "mentions", "events", "merged_events",
                "disputed_events", "stories"):
        typer.echo(f"{key.replace('_', ' '):>16}: {figures[key]}")
    typer.echo(f"{'inputs':>16}: " + ", ".join(f"{k} {v}" for k, v in sorted(figures["inputs"].items())))
    typer.echo(f"{'outlets':>16}: " + ", ".join(f"{k} ({v})" for k, v in figures["outlets"].items()))
    for item in figures["skipped"]:
        typer.echo(f"  skipped {item['source']}: {item['reason']}")


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The cleaned article with what was found in it highlighted."""
    import json

    from marsad.show import render_document

    with _open_store(db) as store:
        doc = store.get_document(doc_id)
    if doc is None:
        raise _fail(f"no document {doc_id} in {db}")
    if as_json:
        typer.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        return
    render_document(doc)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="Server processes (one per core; each has its own rate limit).")] = 1,
) -> None:
    """Serve the API and the web page (read-only unless MARSAD_TOKEN is set)."""
    import os

    import uvicorn

    from marsad.api.app import create_app

    if not db.exists():
        raise _fail(f"no database at {db}")
    try:
        api = create_app(db)  # checks the file (and migrates it) once, before any worker starts
    except Exception as err:  # not SQLite, or not a marsad database: say so, not a traceback
        raise _fail(f"{db}: {err}") from err
    typer.echo(f"marsad: serving {db} on http://{host}:{port} (API docs at /api/docs)")
    if workers == 1:
        uvicorn.run(api, host=host, port=port, log_level="warning")
        return
    # Worker processes import the app by name; the database travels in the environment.
    os.environ["MARSAD_DB"] = str(db.resolve())
    uvicorn.run("marsad.api.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@app.command("events")
def events_command(
    db: DbOption = DEFAULT_DB,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="Event type (repeatable), e.g. Battles.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor name, Arabic or English.")] = None,
    near: Annotated[str | None, typer.Option("--near", help="Place name: events within --km of it.")] = None,
    km: Annotated[float, typer.Option("--km", min=0.1, help="Radius for --near.")] = 50.0,
    disputed: Annotated[bool, typer.Option("--disputed", help="Only events with disputed claims.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per line.")] = False,
) -> None:
    """Events in the database, filtered (merged across outlets when the cross-document step ran)."""
    import json

    from marsad.api.db import connect_readonly
    from marsad.api.events import query_page, resolve_level
    from marsad.api.filters import BadParameter, EventFilter, parse_date

    if not db.exists():
        raise _fail(f"no database at {db}")
    conn = connect_readonly(db)
    try:
        flt = EventFilter(level=resolve_level(conn, None), types=event_type or [], actor=actor,
                          date_from=parse_date("since", since), date_to=parse_date("until", until, end=True),
                          disputed=disputed, bbox=_bbox_near(near, km) if near else None)
        page = query_page(conn, flt, "-date", limit, 0, None, count=True)
    except BadParameter as err:
        raise _fail(str(err)) from err
    finally:
        conn.close()
    for row in page.rows:
        record = json.loads(row["record"])
        typer.echo(json.dumps(record, ensure_ascii=False) if as_json else _event_line(record))
    if not as_json:
        typer.echo(f"{len(page.rows)} of {page.total} events")


def _bbox_near(place: str, km: float) -> tuple[float, float, float, float]:
    import math

    from marsad.geo import geocode

    location = geocode(place)
    if location is None or location.lat is None or location.lon is None:
        raise _fail(f"cannot place {place!r} in the gazetteer")
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(location.lat)), 0.01))
    return location.lon - dlon, location.lat - dlat, location.lon + dlon, location.lat + dlat


def _event_line(record: dict) -> str:
    location = record.get("location") or {}
    killed = (record.get("killed") or {}).get("value")
    actors = " vs ".join(a.get("name_en") or a.get("name_ar") for a in (record.get("actor1"), record.get("actor2")) if a)
    parts = [(record.get("date") or {}).get("start") or "????-??-??", record["type"],
             record.get("sub_type") or "", location.get("name_en") or location.get("name_ar") or "",
             actors, f"killed {killed}" if killed is not None else "",
             f"({record.get('attributed_to')})" if record.get("attributed_to") else "",
             "DISPUTED" if record.get("disputes") else "", f"{len(record.get('reports') or [])} report(s)"]
    return " | ".join(p for p in parts if p)


def main() -> None:
    app()


# --- NER (issue 3): `marsad train ner` and `marsad ner --conll` -------------------------------------

# The shared data sits beside the checkout (../shared) unless MARSAD_SHARED says otherwise.
_NER_SHARED = Path(__import__("os").environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[3] / "shared"))
_NER_DATA = _NER_SHARED / "data" / "anercorp" / "train.txt"
_NER_OUT = Path(__file__).resolve().parent / "resources" / "ner"


@train_app.command("ner")
def train_ner_command(
    data: Annotated[Path, typer.Option("--data", help="ANERcorp-style `token tag` file.")] = _NER_DATA,
    out: Annotated[Path, typer.Option("--out", help="Directory for the model and metrics.json.")] = _NER_OUT,
    dev_fraction: Annotated[float, typer.Option("--dev-fraction", help="Last share of sentences kept out as dev.")] = 0.15,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    extra: Annotated[list[Path] | None, typer.Option("--extra", help="More training data (AQMAR...), train side only.")] = None,
    iterations: Annotated[int, typer.Option("--iterations", help="L-BFGS iterations per CRF.")] = 150,
    passes: Annotated[int, typer.Option("--passes", help="2: stacked pass with document features.")] = 2,
    limit: Annotated[int | None, typer.Option("--limit", help="Use only the first N sentences (trials).")] = None,
    final_on_all: Annotated[bool, typer.Option("--final-on-all/--dev-model", help="Ship a model retrained on all data.")] = True,
) -> None:
    """Train the NER model, print dev P/R/F1 per type, write the artefact and metrics.json."""
    from marsad.entities.ner.train import TrainConfig, train_ner

    if not data.exists():
        raise typer.BadParameter(f"{data} not found (the shared data beside the checkout)", param_hint="--data")
    config = TrainConfig(max_iterations=iterations, dev_fraction=dev_fraction, seed=seed, passes=passes,
                         extra=[str(p) for p in extra or []], final_on_all=final_on_all, limit=limit)
    metrics = train_ner(data, out, config)
    typer.echo(f"dev F1 {metrics.get('dev_f1')}; model in {out}")


@app.command("ner")
def ner_command(
    conll: Annotated[Path, typer.Option("--conll", help="One token per line, blank line between sentences.")],
    model: Annotated[Path | None, typer.Option("--model", help="Model directory (default: shipped).")] = None,
) -> None:
    """Tag a CoNLL-style file with the NER model: prints `token<TAB>tag`, blank lines kept."""
    from marsad.entities.ner import NerTagger
    from marsad.entities.ner.conll import read_lines, tag_lines

    if not conll.exists():
        raise typer.BadParameter(f"{conll} not found", param_hint="--conll")
    tagger = NerTagger.load(model)
    for line in tag_lines(read_lines(conll), tagger.tag_sentences):
        typer.echo(line)


@app.command("time")
def time_command(
    text: Annotated[str, typer.Argument(help="Arabic text to search for date expressions.")],
    published: Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per expression.")] = False,
) -> None:
    """Find date expressions and resolve them against the publication date."""
    import datetime as dt
    import json

    from marsad.time import resolve

    try:
        anchor = dt.date.fromisoformat(published) if published else None
    except ValueError as error:
        raise typer.BadParameter(f"{published!r} is not YYYY-MM-DD", param_hint="--published") from error
    for found in resolve(text, anchor):
        if as_json:
            typer.echo(json.dumps(found.to_dict(), ensure_ascii=False))
            continue
        value = found.value_start if found.value_start == found.value_end else f"{found.value_start}..{found.value_end}"
        shown = value if found.value_start else f"({found.relative})"
        typer.echo(f"{found.start}-{found.end}\t{found.text}\t{shown}\t{found.precision}")


@app.command("geocode")
def geocode_command(
    name: Annotated[str, typer.Argument(help="A place name in Arabic (or English), e.g. \"ريف حلب الشمالي\".")],
    context: Annotated[str | None, typer.Option("--context", help="Text around the name, to choose "
                                                "between places of the same name.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The Location as JSON.")] = False,
) -> None:
    """Resolve one place name in the gazetteer; exit code 1 when it cannot be placed."""
    import json

    from marsad.geo import geocode

    location = geocode(name, context=context)
    if location is None:
        typer.echo("null" if as_json else f"not placed: {name!r}")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(location.to_dict(), ensure_ascii=False))
        return
    typer.echo(f"{location.name_ar}\t{location.name_en}\t{location.admin1 or '-'}\t{location.country}\t"
               f"{location.lat:.4f},{location.lon:.4f}\tprecision {location.precision}\t{location.gazetteer_id}")


# --- Spark batch mode (issue 7): `marsad spark IN... OUT [--master local[*]]` -----------------------


@app.command("spark")
def spark_command(
    paths: Annotated[list[Path], typer.Argument(metavar="IN... OUT", help="Inputs (JSON Lines, .gz, Parquet, WARC; files or folders), "
                                                     "then the output folder for the Parquet tables.")],
    master: Annotated[str, typer.Option("--master", help="Spark master URL, e.g. local[2].")] = "local[*]",
    meta: Annotated[Path | None, typer.Option("--meta", help="Metadata JSON Lines, as for `marsad run`.")] = None,
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, help="Partitions (default 2 per core).")] = None,
) -> None:
    """Run the pipeline with PySpark and write Parquet tables documents, mentions, entities, events, skipped."""
    if len(paths) < 2:
        raise typer.BadParameter("give at least one input and the output folder", param_hint="PATHS")
    *inputs, out = paths
    if meta is not None and not meta.exists():
        raise _fail(f"no metadata file at {meta}")
    if out.exists() and not out.is_dir():
        raise _fail(f"{out} exists and is not a folder")
    from marsad.batch.spark import SparkUnavailable, run_spark

    try:
        summary = run_spark(inputs, out, master=master, partitions=partitions, meta_path=meta)
    except SparkUnavailable as err:
        raise _fail(str(err)) from err
    if _state["quiet"]:
        return
    typer.echo(f"read {summary.read} inputs in {summary.seconds:.1f} s with Spark {master} into {out}")
    typer.echo(f"  stored {summary.stored}, unchanged {summary.unchanged}, identical to a stored article "
               f"{summary.same_as}, near-duplicates {summary.near_duplicates}, skipped {summary.skipped}")
    typer.echo(f"  mentions {summary.mentions}, entities {summary.entities}, events {summary.events}")
    for name, path in summary.tables.items():
        typer.echo(f"  {name}: {path}")
