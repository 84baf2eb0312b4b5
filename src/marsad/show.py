"""`marsad show`: a cleaned article in the terminal with its entities, dates, places and events
highlighted, and the lists of what was found underneath."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.records import Document

STYLES = {"PERS": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "yellow",
          "TIME": "underline blue"}


def highlighted_text(doc: Document) -> Text:
    text = Text(doc.text)
    for mention in doc.mentions:
        text.stylize(STYLES.get(mention.type, "bold"), mention.start, mention.end)
    for expression in doc.times:
        text.stylize(STYLES["TIME"], expression.start, expression.end)
    return text


def render_document(doc: Document, console: Console | None = None) -> None:
    console = console or Console()
    published = doc.published
    console.rule(f"[bold]{doc.title or '(no title)'}")
    console.print(f"id {doc.id} · outlet {doc.outlet or '?'} · published {published.date or '?'}"
                  f"{' ' + published.time if published.time else ''} ({published.basis or 'unknown'})"
                  f" · dateline {doc.dateline or '-'} · source {doc.source}")
    if doc.duplicate_of:
        console.print(f"[yellow]near-duplicate of {doc.duplicate_of}")
    console.print()
    console.print(highlighted_text(doc))
    console.print()
    _print_layers(doc, console)
    if doc.removed:
        console.print(f"[dim]removed leftovers: {' | '.join(doc.removed)}")


def _print_layers(doc: Document, console: Console) -> None:
    if doc.mentions:
        table = Table("mention", "type", "entity", title="Entities", title_justify="left")
        for m in doc.mentions:
            table.add_row(m.text, m.type, m.entity_id or "-")
        console.print(table)
    if doc.times:
        table = Table("expression", "value", "precision", title="Dates", title_justify="left")
        for t in doc.times:
            value = t.value_start if t.value_start == t.value_end else f"{t.value_start} … {t.value_end}"
            table.add_row(t.text, value or f"({t.relative or 'unresolved'})", t.precision)
        console.print(table)
    if doc.places:
        table = Table("place", "resolved", "lat, lon", "precision", title="Places", title_justify="left")
        for p in doc.places:
            loc = p.location
            coords = f"{loc.lat:.3f}, {loc.lon:.3f}" if loc and loc.lat is not None else "-"
            table.add_row(p.text, (loc.name_en or loc.name_ar) if loc else "-", coords,
                          str(loc.precision) if loc else "-")
        console.print(table)
    if doc.events:
        table = Table("type", "date", "place", "killed", "injured", "source", title="Events", title_justify="left")
        for e in doc.events:
            table.add_row(f"{e.type}/{e.sub_type or '-'}", e.date.start or "-",
                          (e.location.name_en or e.location.name_ar) if e.location else "-",
                          _toll(e.killed), _toll(e.injured), e.attributed_to or "-")
        console.print(table)


def _toll(toll) -> str:  # noqa: ANN001
    if toll is None or toll.value is None:
        return "-"
    prefix = {"at_least": "≥", "about": "~", "at_most": "≤"}.get(toll.qualifier, "")
    return f"{prefix}{toll.value}" + (f"-{toll.high}" if toll.high else "")
